"""What the notices' tests share: reading an e-mail's text body."""

from __future__ import annotations

from email.message import EmailMessage


def body(message: EmailMessage) -> str:
    """The text of ``message``'s body (every notice e-mail has one plain-text body)."""
    part = message.get_body()
    assert part is not None
    content: str = part.get_content()
    return content
