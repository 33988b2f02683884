"""The package of article 6: ``pack`` and ``open`` (A6-1 to A6-3; docs/design.md: the password
never on argv)."""

from __future__ import annotations

import argparse
import email.policy
from pathlib import Path

from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import load_pem_private_key, load_pem_public_key

from protocol_share._text import Lang, message
from protocol_share.cli._decide import decision_lines
from protocol_share.cli._io import (
    EXIT_OK,
    EXIT_REFUSED,
    Commands,
    Output,
    Unusable,
    load_protocol,
    now,
    password,
    password_options,
    read_input,
    write_outputs,
)
from protocol_share.decision._referral import Referral
from protocol_share.errors import InvalidInput, ReferralRefused
from protocol_share.package._archive import DEFAULT_MAX_ARCHIVE_SIZE
from protocol_share.package._package import ReceivedReferral, open_package, pack
from protocol_share.package._payload import street_text

__all__ = ["add_parsers", "received_lines"]


def _pem(path: str, argument: str, *, private: bool) -> object:
    data = read_input(path, argument)
    try:
        return load_pem_private_key(data, password=None) if private else load_pem_public_key(data)
    except (ValueError, TypeError, UnsupportedAlgorithm):
        pass
    raise Unusable("cli.unusable.not_pem", argument=argument)


def _not_ed25519(name: str, kind: str) -> InvalidInput:
    return InvalidInput.single(
        "arguments", name, "NOT_AN_ED25519_KEY", f"must hold an Ed25519 {kind} key"
    )


def _signing_key(path: str) -> Ed25519PrivateKey:
    key = _pem(path, "--sign-key", private=True)
    if not isinstance(key, Ed25519PrivateKey):
        raise _not_ed25519("sign_key", "private")
    return key


def _verify_key(path: str) -> Ed25519PublicKey:
    key = _pem(path, "--verify-key", private=False)
    if not isinstance(key, Ed25519PublicKey):
        raise _not_ed25519("verify_key", "public")
    return key


def _pack(args: argparse.Namespace, out: Output) -> int:
    """Pack a referral into the encrypted archive and its e-mail, in ``--lang`` (A6-1, A6-2);
    exit 1 and write nothing when the decision refuses (A5-1)."""
    protocol = load_protocol(args)
    referral = Referral.model_validate_json(read_input(args.file, "FILE"))
    signing_key = _signing_key(args.sign_key) if args.sign_key else None
    secret = password(args, out, confirm=True)
    try:
        package = pack(
            referral, protocol, password=secret, at=now(), signing_key=signing_key, lang=out.lang
        )
    except ReferralRefused as refused:
        if out.as_json:
            out.emit({"packed": False, **refused.decision.as_dict()})
        else:
            out.say(message("cli.pack.refused", out.lang))
            for line in decision_lines(refused.decision, out.lang):
                out.say(f"  {line}")
        return EXIT_REFUSED
    archive_path = Path(args.out) / package.filename
    message_path = archive_path.with_suffix(".eml")
    message_bytes = package.message.as_bytes(policy=email.policy.SMTP)
    # Both or neither: a package without its e-mail (or a truncated one) is never left.
    write_outputs([(archive_path, package.archive), (message_path, message_bytes)], "--out")
    if out.as_json:
        out.emit(
            {
                "packed": True,
                "archive": str(archive_path),
                "message": str(message_path),
                "to": package.message["To"],
                "subject": package.message["Subject"],
            }
        )
    else:
        lang, to = out.lang, package.message["To"]
        out.say(message("cli.wrote", lang, path=archive_path))
        out.say(message("cli.pack.wrote_message", lang, path=message_path, to=to))
        out.say(message("cli.pack.password", lang))
    return EXIT_OK


def received_lines(received: ReceivedReferral, lang: Lang) -> list[str]:
    """A received referral for the social worker who opened it, in ``lang`` (A6-2, A3-1, A3-2)."""
    client, address = received.client, received.client.address
    street = street_text(address, lang)
    lines = [
        message(
            "cli.open.referral",
            lang,
            referral_id=received.referral_id,
            sent_at=received.sent_at.isoformat(),
        ),
        message(
            "cli.open.consent",
            lang,
            consent_id=received.consent_id,
            given_at=received.consent_given_at.isoformat(),
        ),
        message("cli.open.sender", lang, team=received.sender_team),
    ]
    if received.signed_by:
        lines.append(message("cli.open.signed_by", lang, key=received.signed_by))
    lines.append(
        message("cli.open.client", lang, first_name=client.first_name, last_name=client.last_name)
    )
    lines.append(
        message(
            "cli.open.address",
            lang,
            street=street,
            postcode=address.postcode,
            municipality=address.municipality,
        )
    )
    if client.phone:
        lines.append(message("cli.open.phone", lang, phone=client.phone))
    if client.email:
        lines.append(message("cli.open.email", lang, email=client.email))
    return lines


def _open(args: argparse.Namespace, out: Output) -> int:
    """Open and check a received package (A6-2, A6-3): exit 2 when it is refused."""
    protocol = load_protocol(args)
    # One byte over the limit is enough for open_package to refuse it as too large.
    archive = read_input(args.file, "FILE", limit=DEFAULT_MAX_ARCHIVE_SIZE + 1, truncate=True)
    keys = [_verify_key(path) for path in args.verify_key or ()]
    secret = password(args, out, confirm=False)
    received = open_package(
        archive, password=secret, protocol=protocol, verify_with=tuple(keys) or None
    )
    if out.as_json:
        out.emit(received.model_dump(mode="json", exclude_none=True))
    else:
        for line in received_lines(received, out.lang):
            out.say(line)
    return EXIT_OK


def add_parsers(commands: Commands) -> None:
    """The subcommands of article 6 (A6-1 to A6-3; docs/design.md)."""
    packer = commands.add(
        "pack",
        _pack,
        allow_abbrev=False,
        help="pack a referral JSON file into an encrypted .7z and its .eml (article 6)",
        description="The password comes from a file, an environment variable or a prompt; "
        "never from the command line. Exit 1 when the referral is refused (nothing is "
        "written).",
        file_help="a referral JSON file (the Referral model)",
    )
    packer.add_argument("--out", metavar="DIR", required=True, help="write the .7z and .eml here")
    packer.add_argument(
        "--sign-key", metavar="PEM", help="an Ed25519 private key: sign the package"
    )
    password_options(packer, new=True)
    opener = commands.add(
        "open",
        _open,
        allow_abbrev=False,
        help="open and check an encrypted package; print the referral (article 6)",
        description="Exit 2 when the package is refused: wrong password, not encrypted, "
        "unexpected content, too large, corrupt or badly signed.",
        file_help="a .7z package",
    )
    opener.add_argument(
        "--verify-key",
        metavar="PEM",
        action="append",
        help="an Ed25519 public key the package must be signed with (repeatable)",
    )
    password_options(opener, new=False)
