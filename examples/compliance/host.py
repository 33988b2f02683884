"""Stand-in for your system: the step that sends a referral, or refuses to.

Replace this module with your own code. It must decide with ``check_referral`` and send
nothing when the answer is no.
"""

from __future__ import annotations

from datetime import datetime

from protocol_share import TORHOUT, Package, Protocol, Referral, ReferralRefused, pack


def send_referral(
    referral: Referral, password: str, *, at: datetime, protocol: Protocol = TORHOUT
) -> Package | None:
    """Build the package for a referral, or ``None`` when the protocol says no."""
    try:
        return pack(referral, protocol, password=password, at=at)
    except ReferralRefused:
        return None
