"""The exception hierarchy: one base, split by who is at fault.

Every error a public function raises derives from :class:`ProtocolShareError`. Messages
name fields, codes and clause ids, never a personal value (docs/design.md, rules of the house).

- :class:`InvalidInput` — the caller handed in data that does not fit the models
  (also a :class:`ValueError`). It lists *every* problem found, as :class:`Problem`.
- :class:`ReferralRefused` — the caller asked for a transfer the protocol forbids; it
  carries the decision that said no.
- :class:`PackageError` and its subclasses — a received package is bad (its e-mail too:
  :class:`MailRefused`).
- :class:`LifecycleError` — an impossible step in a retention lifecycle.

A package or lifecycle error has a ``code`` and, like a :class:`Problem`, ``message_nl`` and
``message_en``: the catalogue's text for its code, naming no value.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from protocol_share.decision._decision import Decision

__all__ = [
    "CorruptPackage",
    "HeadersNotEncrypted",
    "InvalidInput",
    "LifecycleError",
    "MailRefused",
    "MailTooLarge",
    "MalformedMail",
    "NoArchiveAttached",
    "NotAnArchive",
    "NotEncrypted",
    "PackageError",
    "PackageTooLarge",
    "Problem",
    "ProtocolShareError",
    "ReferralRefused",
    "SeveralAttachments",
    "SignatureInvalid",
    "UnexpectedContent",
    "UnsupportedCoder",
    "WrongPassword",
]


class ProtocolShareError(Exception):
    """Base of every error this library raises (docs/design.md, public contract)."""


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem with an input (docs/design.md: errors name fields, not values): path, code, message.

    The message never contains the offending value. ``message`` is the English text the
    raising code gave (``str()`` of a problem and of :class:`InvalidInput` use it: they are
    for a developer); :attr:`message_nl` and :attr:`message_en` are the texts a person
    reads, one per code from the library's catalogue, like a decision's reasons:

        >>> from protocol_share import ClientData
        >>> try:
        ...     ClientData(first_name="Jan", last_name="Peeters", phone="12",
        ...                address={"street": "Markt", "house_number": "1",
        ...                         "postcode": "8820", "municipality": "Torhout"})
        ... except InvalidInput as error:
        ...     problem = error.problems[0]
        >>> problem.path, problem.code
        ('phone', 'INVALID_PHONE')
        >>> problem.message_nl
        'is geen geldig telefoonnummer'
        >>> problem.message_en
        'is not a valid telephone number'
    """

    path: str
    code: str
    message: str

    def __str__(self) -> str:
        return f"{self.path or '<root>'}: {self.code}: {self.message}"

    @property
    def message_nl(self) -> str:
        """The problem in Dutch: the catalogue's ``problem.<code>`` text, or the English
        :attr:`message` for a code it has no text for (docs/design.md: errors name fields,
        not values; every text a person reads in Dutch and English). Names no value."""
        return _catalogued(f"problem.{self.code}", self.message, "nl")

    @property
    def message_en(self) -> str:
        """The problem in English, from the catalogue as :attr:`message_nl` is (docs/design.md:
        errors name fields, not values); the raising code's :attr:`message` for a code the
        catalogue has no text for. Names no value."""
        return _catalogued(f"problem.{self.code}", self.message, "en")


def _catalogued(key: str, fallback: str, lang: Literal["nl", "en"]) -> str:
    # Imported here, not at the top: the catalogue's functions raise InvalidInput themselves.
    from protocol_share._text import catalogue

    return catalogue(lang).get(key, fallback)


class _Coded:
    """The texts a person reads of an error with one ``code``: the catalogue's
    ``error.<code>`` in Dutch and English, the same for every error of that code, naming no
    value (docs/design.md: errors name fields, not values). ``str()`` stays the raising
    code's English text, for a developer; a code without a text falls back to it."""

    code: str

    @property
    def message_nl(self) -> str:
        """The refusal in Dutch: the catalogue's ``error.<code>`` text (A6-2, A3-4 to A3-6)."""
        return _catalogued(f"error.{self.code}", str(self), "nl")

    @property
    def message_en(self) -> str:
        """The refusal in English: the catalogue's ``error.<code>`` text (A6-2, A3-4 to A3-6)."""
        return _catalogued(f"error.{self.code}", str(self), "en")


class InvalidInput(ProtocolShareError, ValueError):
    """Input that does not fit the models (docs/design.md: all field errors at once); lists every problem.

    ``problems`` holds one :class:`Problem` per field error; ``codes`` the set of their codes.
    """

    def __init__(self, what: str, problems: tuple[Problem, ...]) -> None:
        self.what = what
        self.problems = problems
        count = len(problems)
        lines = "\n".join(f"  {p}" for p in problems)
        super().__init__(f"{count} problem{'s' if count != 1 else ''} in {what}:\n{lines}")

    @property
    def codes(self) -> frozenset[str]:
        """The codes of all problems."""
        return frozenset(p.code for p in self.problems)

    @classmethod
    def single(cls, what: str, path: str, code: str, message: str) -> InvalidInput:
        """An error with exactly one problem."""
        return cls(what, (Problem(path, code, message),))


class ReferralRefused(ProtocolShareError):
    """The decision said no; nothing was packed (A5-1, recital C). ``decision`` says why."""

    def __init__(self, decision: Decision) -> None:
        self.decision = decision
        codes = ", ".join(sorted(decision.codes))
        super().__init__(f"referral refused: {codes}")


class PackageError(_Coded, ProtocolShareError):
    """A received package cannot be accepted (A6-2). Never names a personal value.

    ``code`` names the kind of refusal, one per class (``WRONG_PASSWORD``, ``CORRUPT_PACKAGE``,
    ...); ``message_nl`` and ``message_en`` say it for a person, from the catalogue:

        >>> WrongPassword("the password does not open the archive").message_nl
        'het wachtwoord opent het pakket niet'
    """

    code: str = "PACKAGE_REFUSED"


class CorruptPackage(PackageError):
    """Not a 7z archive, truncated, or damaged (A6-2)."""

    code: str = "CORRUPT_PACKAGE"


class UnsupportedCoder(CorruptPackage):
    """The archive asks for a coder (compression method or filter) outside the decoder's
    allow-list, refused before anything is decoded (A6-2): see ``docs/security.md``."""

    code: str = "UNSUPPORTED_CODER"


class NotEncrypted(PackageError):
    """The archive's content is not AES-256 encrypted (A6-2)."""

    code: str = "NOT_ENCRYPTED"


class HeadersNotEncrypted(NotEncrypted):
    """The archive's file names and sizes are readable without the password (A6-2)."""

    code: str = "HEADERS_NOT_ENCRYPTED"


class WrongPassword(PackageError):
    """The password does not open the archive (A6-2)."""

    code: str = "WRONG_PASSWORD"


class UnexpectedContent(PackageError):
    """Members other than the expected ones (A6-2), or content that fails the article 3 model (A3-1 to A3-3).

    ``problems`` lists each :class:`Problem` of content that does not fit the models (empty
    for any other refusal), to be read in a language as an :class:`InvalidInput`'s are.
    """

    code: str = "UNEXPECTED_CONTENT"

    def __init__(self, message: str, problems: tuple[Problem, ...] = ()) -> None:
        self.problems = problems
        super().__init__(message)


class PackageTooLarge(PackageError):
    """The archive or its declared content is over the caller's limits (A6-2: bombs refused)."""

    code: str = "PACKAGE_TOO_LARGE"


class SignatureInvalid(PackageError):
    """A signature was required but is missing, or does not match the content (A6-2, beyond 7-Zip)."""

    code: str = "SIGNATURE_INVALID"


class MailRefused(PackageError):
    """A received package e-mail that does not carry exactly one 7z archive (A6-1, A6-3).

    ``code`` says which: ``NO_ATTACHMENT``, ``SEVERAL_ATTACHMENTS``, ``NOT_AN_ARCHIVE``,
    ``TOO_LARGE`` or ``MALFORMED_MAIL``. The message names no value from the e-mail.
    """

    code: str = "MAIL_REFUSED"

    def __init__(self, message: str) -> None:
        super().__init__(f"{message} ({self.code})")


class NoArchiveAttached(MailRefused):
    """The e-mail has no attachment (A6-3)."""

    code = "NO_ATTACHMENT"


class SeveralAttachments(MailRefused):
    """The e-mail has more than one attachment; a package e-mail carries one (A6-3)."""

    code = "SEVERAL_ATTACHMENTS"


class NotAnArchive(MailRefused):
    """The attachment is not a 7z archive: its type, its name or its content (A6-2)."""

    code = "NOT_AN_ARCHIVE"


class MailTooLarge(MailRefused, PackageTooLarge):
    """The e-mail, its attachment or its structure is over the caller's limits (A6-2)."""

    code = "TOO_LARGE"


class MalformedMail(MailRefused, CorruptPackage):
    """Not an e-mail, or an attachment whose encoding is broken (A6-2)."""

    code = "MALFORMED_MAIL"


class LifecycleError(_Coded, ProtocolShareError, ValueError):
    """An impossible step in a retention lifecycle (A3-4 to A3-6); names the step.

    ``code`` says which (:class:`~protocol_share.retention.ImpossibleStep` lists them);
    ``message_nl`` and ``message_en`` say it for a person, from the catalogue.
    """

    code: str = "IMPOSSIBLE_STEP"
