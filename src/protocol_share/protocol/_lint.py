"""``lint_protocol``: report what is wrong or odd in a protocol a host loads, never crash.

A host may load another OCMW's protocol from JSON. Format errors (an invalid KBO number or
e-mail address, no postcodes) make the model refuse it; ``lint_protocol`` turns those into
findings, then checks what a valid model cannot: DPO advice after entry into force (E-1),
a mailbox outside the recipient's domains (A6-3), a Brussels recipient that is not CAW,
a postcode outside Flanders (C-4), a signature after entry into force (A11-1), a team chosen
between the title and recital C (C-1), the seed corrections the data records, and the
cross-references of the signed text that point to nothing (D-1): those the protocol records
(``Protocol.text_flaws``), and those :func:`lint_signed_text` finds in the text when it is
given (``signed_text=``). Every finding names the clause it bears on (``Finding.clause``).

    >>> from protocol_share import TORHOUT
    >>> [f.code for f in lint_protocol(TORHOUT)]  # doctest: +NORMALIZE_WHITESPACE
    ['DPO_ADVICE_AFTER_ENTRY_INTO_FORCE', 'SIGNED_AFTER_ENTRY_INTO_FORCE',
     'SIGNED_AFTER_ENTRY_INTO_FORCE', 'TEAM_CHOSEN_BETWEEN_TITLE_AND_RECITAL',
     'SEED_CORRECTED', 'SEED_CORRECTED', 'SEED_CORRECTED', 'SEED_CORRECTED',
     'REFERENCE_WITHOUT_TARGET', 'REFERENCE_TO_MISSING_ANNEX', 'REFERENCE_TO_MISSING_POINT',
     'REFERENCE_TO_MISSING_POINT']
    >>> [f.clause for f in lint_protocol(TORHOUT)][-4:]
    ['C-6', 'D-1', 'A4-1', 'A8-1']
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping
from dataclasses import replace
from typing import Any, Final

from protocol_share._model import require_type
from protocol_share._text import Lang, check_lang, in_lang, message
from protocol_share.errors import InvalidInput, Problem
from protocol_share.protocol._finding import Finding, Severity
from protocol_share.protocol._parts import Party
from protocol_share.protocol._protocol import Protocol
from protocol_share.protocol._signed_text import lint_signed_text, text_flaw_finding

__all__ = ["Finding", "Severity", "lint_protocol"]

# The clause each finding of the model bears on; a model's format error bears on none.
_CLAUSE_OF: Final[Mapping[str, str]] = {
    "DPO_ADVICE_MISSING": "E-1",
    "DPO_ADVICE_AFTER_ENTRY_INTO_FORCE": "E-1",
    "DPO_OUTSIDE_PARTY_DOMAIN": "A9-4",
    "MAILBOX_OUTSIDE_RECIPIENT_DOMAIN": "A6-3",
    "BRUSSELS_RECIPIENT_NOT_CAW": "C-4",
    "CAW_OUTSIDE_BRUSSELS": "C-4",
    "POSTCODE_OUTSIDE_FLANDERS": "C-4",
    "SIGNED_AFTER_ENTRY_INTO_FORCE": "A11-1",
    "TEAM_CHOSEN_BETWEEN_TITLE_AND_RECITAL": "C-1",
    "ENDS_ON_ENTRY_INTO_FORCE": "A11-1",
    "SEED_CORRECTED": "D-1",  # the published text, corrected in the data
}
_BRUSSELS_POSTCODES = range(1000, 1300)
# The Flemish Region's postcodes (Flemish Brabant, Antwerp, Limburg; West and East Flanders);
# the rest of 1300-7999 is Wallonia.
_FLEMISH_POSTCODES = (range(1500, 4000), range(8000, 10000))


def _in_flanders(postcode: str) -> bool:
    return any(int(postcode) in block for block in _FLEMISH_POSTCODES)


def _domain(address: str) -> str:
    return address.rpartition("@")[2].lower()


def _outside(address: str, party: Party) -> bool:
    domain = _domain(address)
    return bool(party.email_domains) and not any(
        domain == d or domain.endswith("." + d) for d in party.email_domains
    )


def _checks(protocol: Protocol, lang: Lang) -> list[Finding]:
    findings: list[Finding] = []
    for role, party in (("sender", protocol.sender), ("recipient", protocol.recipient)):
        if party.dpo_advice_on is None:
            findings.append(
                Finding(
                    "DPO_ADVICE_MISSING",
                    "warning",
                    f"{role}.dpo_advice_on",
                    message("lint.DPO_ADVICE_MISSING", lang),
                )
            )
        elif party.dpo_advice_on > protocol.in_force_from:
            findings.append(
                Finding(
                    "DPO_ADVICE_AFTER_ENTRY_INTO_FORCE",
                    "warning",
                    f"{role}.dpo_advice_on",
                    message("lint.DPO_ADVICE_AFTER_ENTRY_INTO_FORCE", lang),
                )
            )
        if _outside(party.dpo_email, party):
            findings.append(
                Finding(
                    "DPO_OUTSIDE_PARTY_DOMAIN",
                    "warning",
                    f"{role}.dpo_email",
                    message("lint.DPO_OUTSIDE_PARTY_DOMAIN", lang),
                )
            )
    if _outside(protocol.mailbox, protocol.recipient) or not protocol.recipient.email_domains:
        findings.append(
            Finding(
                "MAILBOX_OUTSIDE_RECIPIENT_DOMAIN",
                "error",
                "mailbox",
                message("lint.MAILBOX_OUTSIDE_RECIPIENT_DOMAIN", lang),
            )
        )
    in_brussels = all(int(p) in _BRUSSELS_POSTCODES for p in protocol.postcodes)
    if in_brussels and protocol.recipient_kind != "CAW":
        findings.append(
            Finding(
                "BRUSSELS_RECIPIENT_NOT_CAW",
                "warning",
                "recipient_kind",
                message("lint.BRUSSELS_RECIPIENT_NOT_CAW", lang),
            )
        )
    if protocol.recipient_kind == "CAW" and not in_brussels:
        findings.append(
            Finding(
                "CAW_OUTSIDE_BRUSSELS",
                "warning",
                "recipient_kind",
                message("lint.CAW_OUTSIDE_BRUSSELS", lang),
            )
        )
    # A Brussels postcode is the CAW case above; any other postcode outside Flanders is not
    # the Flemish local social policy the protocol rests on (A2-4, C-4).
    findings.extend(
        Finding(
            "POSTCODE_OUTSIDE_FLANDERS",
            "warning",
            "postcodes",
            message("lint.POSTCODE_OUTSIDE_FLANDERS", lang, postcode=postcode),
        )
        for postcode in sorted(protocol.postcodes)
        if not _in_flanders(postcode) and int(postcode) not in _BRUSSELS_POSTCODES
    )
    # A transfer between entry into force and a later signature passes the rules: the text
    # is dated before it is signed (A11-1, closing lines).
    findings.extend(
        Finding(
            "SIGNED_AFTER_ENTRY_INTO_FORCE",
            "warning",
            f"signatures[{index}].signed_on",
            message("lint.SIGNED_AFTER_ENTRY_INTO_FORCE", lang),
        )
        for index, signature in enumerate(protocol.signatures)
        if signature.signed_on is not None and signature.signed_on > protocol.in_force_from
    )
    # The title and the recitals may name different teams; the text does not say which
    # prevails, so which one senders must belong to is the host's choice, held in ``team`` (C-1).
    if protocol.team_in_title is not None and protocol.team_in_title != protocol.team:
        findings.append(
            Finding(
                "TEAM_CHOSEN_BETWEEN_TITLE_AND_RECITAL",
                "info",
                "team",
                message("lint.TEAM_CHOSEN_BETWEEN_TITLE_AND_RECITAL", lang),
            )
        )
    # The model refuses an end before entry into force; an end on that day is valid data
    # (a breach found at once) but means the protocol never applies.
    if protocol.ends_on == protocol.in_force_from:
        findings.append(
            Finding(
                "ENDS_ON_ENTRY_INTO_FORCE",
                "warning",
                "ends_on",
                message("lint.ENDS_ON_ENTRY_INTO_FORCE", lang),
            )
        )
    findings.extend(
        Finding(
            "SEED_CORRECTED",
            "info",
            correction.path,
            message(
                "lint.SEED_CORRECTED",
                lang,
                reason=in_lang(lang, correction.reason_nl, correction.reason_en),
            ),
        )
        for correction in protocol.corrections
    )
    return findings


def _text_flaws(protocol: Protocol, scanned: tuple[Finding, ...], lang: Lang) -> list[Finding]:
    # A recorded flaw the scan found too is reported once, as found (with its line).
    found = Counter((f.code, f.clause, f.message) for f in scanned)
    recorded = []
    for index, flaw in enumerate(protocol.text_flaws):
        finding = text_flaw_finding(
            flaw.code, flaw.clause, flaw.quote, f"text_flaws[{index}]", lang
        )
        key = (finding.code, finding.clause, finding.message)
        if found[key]:
            found[key] -= 1
            continue
        recorded.append(finding)
    return recorded


def lint_protocol(
    protocol: Protocol | Mapping[str, Any] | str | bytes,
    *,
    signed_text: str | None = None,
    lang: Lang = "nl",
) -> tuple[Finding, ...]:
    """Every finding for a protocol, model or raw JSON/mapping, never raising on bad input.

    Serves D-1, E-1, A6-3, A9-4, A11-1 and C-4: a protocol a host loads is checked before
    the rules rely on it. Findings of severity ``error`` mean the rules cannot use it.
    The findings' messages are in ``lang`` (Dutch by default), each from the catalogue: a
    format error of the model is the model's code at its path, with that code's text in
    ``lang`` (:attr:`Problem.message_nl <protocol_share.errors.Problem.message_nl>`,
    ``message_en``), never pydantic's own English one. Each finding's ``clause``
    is the register clause it bears on (``None`` for a format error).

    ``signed_text``, the protocol's signed text as plain text, is scanned too
    (:func:`lint_signed_text`): its dangling cross-references follow the model's findings.
    A flaw the protocol records (``Protocol.text_flaws``) that the scan finds as well is
    reported once, at its line; one the scan does not find is still reported. A
    ``signed_text`` that is not a string raises :class:`InvalidInput` (``WRONG_TYPE``), as
    an unknown ``lang`` does.
    """
    lang = check_lang(lang)
    if signed_text is not None:
        require_type(signed_text, str, "signed_text")
    scanned = () if signed_text is None else lint_signed_text(signed_text, lang=lang)
    problems: tuple[Problem, ...] = ()
    model: Protocol | None = None
    try:
        if isinstance(protocol, str | bytes):
            model = Protocol.model_validate_json(protocol)
        elif isinstance(protocol, Protocol):
            # A model changed by model_copy(update=...) or made by model_construct skipped
            # validation: its data are checked again, as if loaded.
            Protocol.model_validate(protocol.model_dump())
            model = protocol
        else:
            model = Protocol.model_validate(protocol)
    except InvalidInput as error:
        problems = error.problems
    except (TypeError, ValueError, AttributeError, RecursionError, json.JSONDecodeError):
        pass
    if problems:
        invalid = (
            Finding(p.code, "error", p.path, in_lang(lang, p.message_nl, p.message_en))
            for p in problems
        )
        return (*invalid, *scanned)
    if model is None:
        return (Finding("UNREADABLE", "error", "", message("lint.UNREADABLE", lang)), *scanned)
    findings = [replace(f, clause=_CLAUSE_OF.get(f.code)) for f in _checks(model, lang)]
    return (*findings, *_text_flaws(model, scanned, lang), *scanned)
