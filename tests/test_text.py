"""The catalogues (_text/nl.py, _text/en.py) and every text a person reads, in Dutch and
English: the same keys and placeholders, every key used, no text of one language in the
other, and no personal value where none belongs."""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from email.message import EmailMessage
from functools import partial
from pathlib import Path
from typing import Any, get_args

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import protocol_share
from protocol_share import (
    ONWARD_RULES,
    REASON_CODES,
    REFERRAL_RULES,
    TORHOUT,
    InvalidInput,
    notices,
    pack,
)
from protocol_share._text import (
    LANGS,
    Lang,
    catalogue,
    check_lang,
    in_lang,
    labels,
    long_date,
    long_moment,
    message,
    short_date,
    short_moment,
)
from protocol_share._time import BRUSSELS
from protocol_share.clientdata._fields import DataItem
from protocol_share.decision._referral import Referral
from protocol_share.examples import example_breach_notice
from protocol_share.notices import (
    BreachNotice,
    EvidenceChecklist,
    EvidenceCode,
    LegislationAspect,
    LegislationChangeNotice,
    Processor,
    ProcessorChangeNotice,
    QualityAnswer,
    QualityKind,
    QualityMeasure,
    QualityNotice,
    QualityOutcome,
    TerminationGround,
    TerminationNotice,
    breach_notice_email,
    evidence_checklist,
    evidence_email,
    quality_notice_email,
    termination_email,
    withdrawal_email,
)
from protocol_share.package._archive import PackageKey, unseal
from protocol_share.package._mail import package_message
from protocol_share.package._payload import (
    DOCUMENT_NAME,
    TEXT_NAME,
    DocumentConsent,
    DocumentSender,
    ReferralDocument,
    dialled,
    document_text,
)
from protocol_share.register import SECURITY_MEASURES
from protocol_share.retention import RetentionCase, retention_decision
from protocol_share.strategies import (
    aware_datetimes,
    breach_notices,
    referrals,
    withdrawal_notices,
)

SRC = Path(protocol_share.__file__).parent
NL, EN = catalogue("nl"), catalogue("en")
KEY = PackageKey.derive("Vlinder-Kast-42-zonnebloem")
AT = datetime(2025, 3, 3, 9, tzinfo=UTC)


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def source_text() -> str:
    """Every module of the library except the two catalogues themselves."""
    catalogues = {SRC / "_text" / "nl.py", SRC / "_text" / "en.py"}
    return "\n".join(
        path.read_text(encoding="utf-8")
        for path in sorted(SRC.rglob("*.py"))
        if path not in catalogues
    )


# --- the catalogues -------------------------------------------------------------------------


def test_both_languages_have_exactly_the_same_keys() -> None:
    assert set(NL) == set(EN)
    assert len(NL) > 200


@pytest.mark.parametrize("key", sorted(NL))
def test_each_key_has_the_same_placeholders_in_both_languages(key: str) -> None:
    assert fields(NL[key]) == fields(EN[key])
    assert all(name.isidentifier() for name in fields(NL[key]))  # named, never positional


def test_every_key_is_used_in_the_source() -> None:
    """A key is used when the source spells it, or reads its family with an f-string
    (``f"breach.cause.{code}"``), with :func:`labels`, or names a dotted family
    (``"rule.onward"``), or is a rule's text (``rule.<code>.reason``, read by its code);
    the families are checked complete below."""
    source = source_text()

    def used(key: str) -> bool:
        family = re.escape(key.rpartition(".")[0])
        spelled = rf"[\"']{re.escape(key)}[\"']"
        by_family = rf"[\"']{family}\.\{{|labels\([\"']{family}[\"']"
        if "." in key.rpartition(".")[0]:
            by_family += rf"|[\"']{family}[\"']"
        if key.startswith("rule.") and key.rpartition(".")[2] in {"reason", "requirement"}:
            by_family += r'|f"rule\.\{'
        return bool(re.search(spelled, source) or re.search(by_family, source))

    assert [key for key in sorted(NL) if not used(key)] == []


def _retention_codes() -> set[str]:
    at = datetime(2024, 5, 2, 9, tzinfo=UTC)
    day = timedelta(days=1)
    received = RetentionCase.received(at)
    wants = received.contacted(at + day, "wants_help")
    unreachable = received.contacted(at + day, "unreachable")
    closed = wants.dossier_opened(at + 2 * day).dossier_closed(at + 3 * day)
    asked = [
        (received, at),
        (wants, at + day),
        (wants.dossier_opened(at + 2 * day), at + 2 * day),
        (received.contacted(at + day, "declined"), at + day),
        (unreachable, at + day),
        (unreachable, at + 400 * day),
        (closed, at + 3 * day),
        (closed, at + 4000 * day),
        (received, at + 400 * day),
        (wants, at + 400 * day),
        (wants.dossier_opened(at + 2 * day), at + 400 * day),
        (unreachable.reviewed(at + 2 * day, "delete"), at + 2 * day),
        (wants.consent_withdrawn(at + 2 * day), at + 2 * day),
        (wants.dossier_opened(at + 2 * day).consent_withdrawn(at + 3 * day), at + 3 * day),
    ]
    return {retention_decision(case, at=when).code for case, when in asked}


def _field_literal(model: Any, name: str) -> tuple[str, ...]:
    annotation = model.model_fields[name].annotation
    args = get_args(annotation)
    while args and not all(isinstance(a, str) for a in args):
        args = get_args(args[0])
    return args


FAMILIES: dict[str, set[str]] = {
    "date.month": {str(month) for month in range(1, 13)},
    "data_item": {item.value for item in DataItem},
    "breach.cause": set(get_args(notices.Cause)),
    "breach.consequence": set(get_args(notices.Consequence)),
    "breach.measure": set(get_args(notices.Measure)),
    "breach.loss": (
        set(get_args(notices.LossOfConfidentiality))
        | set(get_args(notices.LossOfIntegrity))
        | set(get_args(notices.LossOfAvailability))
    )
    - {"none"},
    "severity.level": set(get_args(notices.SeverityLevel)),
    "authority.status": set(get_args(notices.AuthorityCode)),
    "quality.kind": set(get_args(QualityKind)),
    "quality.outcome": set(get_args(QualityOutcome)),
    "quality.measure": set(get_args(QualityMeasure)),
    "quality.found_by": set(_field_literal(QualityNotice, "found_by")),
    "termination.ground": set(get_args(TerminationGround)),
    "termination.breached": set(_field_literal(TerminationNotice, "breached")),
    "legislation.aspect": set(get_args(LegislationAspect)),
    "processor.change": set(_field_literal(ProcessorChangeNotice, "change")),
    "processor.finding": set(get_args(notices.FindingCode)),
    "evidence.item": set(get_args(EvidenceCode)),
    "register.measure": {measure.code for measure in SECURITY_MEASURES},
    "retention.decision": _retention_codes(),
    "rule": {f"{code}.{part}" for code in REASON_CODES for part in ("reason", "requirement")},
}


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_each_family_has_exactly_one_label_per_code(family: str) -> None:
    codes = FAMILIES[family]
    assert codes, family
    in_catalogue = {key[len(family) + 1 :] for key in NL if key.startswith(family + ".")}
    assert in_catalogue == codes
    if not any(fields(NL[f"{family}.{code}"]) for code in codes):  # plain labels
        for lang in LANGS:
            assert set(labels(family, sorted(codes), lang)) == codes


def test_labels_of_different_codes_differ_within_a_language() -> None:
    for family, codes in FAMILIES.items():
        for lang in LANGS:
            texts_of = [catalogue(lang)[f"{family}.{code}"] for code in codes]
            assert len(set(texts_of)) == len(texts_of), (family, lang)


# --- the functions --------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["fr", "NL", "", None, "nl-BE", 1])
def test_an_unknown_language_is_refused(lang: Any) -> None:
    with pytest.raises(InvalidInput) as caught:
        message("mail.none", lang)
    assert caught.value.codes == {"UNKNOWN_LANGUAGE"}
    with pytest.raises(InvalidInput):
        check_lang(lang)
    with pytest.raises(InvalidInput):
        catalogue(lang)


def test_an_unknown_key_or_a_missing_value_is_refused_without_the_value() -> None:
    with pytest.raises(InvalidInput) as caught:
        message("no.such.key", "nl")
    assert caught.value.codes == {"UNKNOWN_MESSAGE"}
    with pytest.raises(InvalidInput) as caught:
        message("txt.title", "en")
    assert caught.value.codes == {"MISSING_VALUE"}
    assert caught.value.problems[0].path == "recipient"


def texts(key: str, /, **values: object) -> tuple[str, str]:
    """The text ``key`` in Dutch and in English (for comparing with a model's two fields)."""
    return message(key, "nl", **values), message(key, "en", **values)


def test_a_severity_fills_each_language_with_its_own_labels() -> None:
    severity = example_breach_notice(aware_at=AT).severity()
    level_nl, level_en = texts(f"severity.level.{severity.level}")
    assert level_nl in severity.message_nl
    assert level_en in severity.message_en
    assert level_nl != level_en


def test_in_lang_picks_one_of_a_pair_and_refuses_another_language() -> None:
    assert in_lang("nl", "ja", "yes") == "ja"
    assert in_lang("en", "ja", "yes") == "yes"
    with pytest.raises(InvalidInput) as caught:
        in_lang("fr", "ja", "yes")  # type: ignore[arg-type]
    assert caught.value.codes == {"UNKNOWN_LANGUAGE"}


def test_two_language_text_has_one_shape() -> None:
    """A pair of ``*_nl``/``*_en`` attributes: no bilingual tuple type, no dict of languages
    read back by key, no module of its own texts outside the catalogues."""
    import protocol_share._text as text_module

    assert not hasattr(text_module, "Texts")
    assert not hasattr(text_module, "texts")
    source = source_text()
    assert not re.search(r"\[[\"'](?:nl|en)[\"']\]", source)  # no x["nl"] read back
    assert "_TEXTS" not in source


@given(aware_datetimes(datetime(1990, 1, 1, tzinfo=UTC), datetime(2090, 12, 31, tzinfo=UTC)))
def test_dates_are_written_in_each_language_in_brussels(moment: datetime) -> None:
    local = moment.astimezone(BRUSSELS)
    nl_long, en_long = long_date(moment, "nl"), long_date(moment, "en")
    assert nl_long.split()[0] == en_long.split()[0] == str(local.day)
    assert nl_long.endswith(str(local.year))
    assert nl_long != en_long  # month names differ, if only by their capital
    assert short_date(moment, "nl") == f"{local:%d-%m-%Y}"
    assert short_date(moment, "en") == f"{local:%Y-%m-%d}"
    assert short_moment(moment, "nl") == f"{local:%d-%m-%Y} om {local:%H:%M}"
    assert long_moment(moment, "en") == f"{en_long} at {local:%H:%M}"
    assert short_date(local.date(), "en") == short_date(moment, "en")


# --- every rendered text, in both languages --------------------------------------------------


def _fragments(lang: Lang) -> set[str]:
    """The fixed pieces of a language's templates (no placeholder), 15 characters or more,
    that the other language does not share."""
    other = catalogue("en" if lang == "nl" else "nl")
    shared = {" ".join(text.split()) for text in other.values()}
    pieces: set[str] = set()
    for template in catalogue(lang).values():
        for literal, *_ in string.Formatter().parse(template):
            for line in literal.split("\n"):
                piece = " ".join(line.split())
                if len(piece) >= 15 and not any(piece in text for text in shared):
                    pieces.add(piece)
    return pieces


FRAGMENTS = {lang: _fragments(lang) for lang in LANGS}


def assert_in_language(text: str, lang: Lang) -> None:
    """``text`` holds no fixed piece of the other language's catalogue."""
    flat = " ".join(text.split())
    other: Lang = "en" if lang == "nl" else "nl"
    assert [piece for piece in FRAGMENTS[other] if piece in flat] == []


def visible(email: EmailMessage) -> str:
    part = email.get_body(("plain",))
    assert part is not None
    return "\n".join([str(email["Subject"]), str(email["From"]), part.get_content()])


def assert_two_languages(render: Callable[[Lang], EmailMessage]) -> dict[Lang, str]:
    shown: dict[Lang, str] = {}
    for lang in LANGS:
        email = render(lang)
        body = email.get_body(("plain",))
        assert body is not None
        # A package's text part carries it; a notice, a single part, carries it on top.
        assert lang in (email["Content-Language"], body["Content-Language"])
        shown[lang] = visible(email)
        assert_in_language(shown[lang], lang)
    assert shown["nl"] != shown["en"]
    nl_subject, en_subject = (s.splitlines()[0] for s in (shown["nl"], shown["en"]))
    assert nl_subject != en_subject
    return shown


def _document(referral: Referral) -> ReferralDocument:
    return ReferralDocument(
        referral_id=referral.referral_id,
        created_at=referral.created_at,
        sent_at=referral.created_at.astimezone(UTC) + timedelta(minutes=5),
        consent=DocumentConsent(
            consent_id=referral.consent.consent_id, given_at=referral.consent.given_at
        ),
        sender=DocumentSender(team=referral.sender.team),
        client=referral.client,
    )


def _client_values(referral: Referral) -> Iterator[str]:
    client = referral.client
    yield from (client.first_name, client.last_name, client.address.street)
    if client.phone:
        yield dialled(client.phone)  # as a social worker dials it
    if client.email:
        yield client.email


@given(referrals())
@settings(max_examples=60, deadline=None)
def test_verwijzing_txt_in_both_languages_holds_the_client_and_nothing_else_personal(
    referral: Referral,
) -> None:
    document = _document(referral)
    rendered = {lang: document_text(document, TORHOUT, lang=lang).decode("utf-8") for lang in LANGS}
    assert rendered["nl"] != rendered["en"]
    assert rendered["nl"].startswith("Verwijzing naar ")
    assert rendered["en"].startswith("Referral to ")
    for lang, text in rendered.items():
        assert_in_language(text, lang)
        for value in _client_values(referral):
            assert value in text  # the person who opens it needs the data, in either language
        for value in (referral.sender.member_id, referral.consent.recorded_by):
            assert value not in text  # not in the package at all
        assert referral.consent.information_notice not in text


@given(referrals())
@settings(max_examples=15, deadline=None)
def test_the_package_follows_the_language_and_its_e_mail_holds_no_personal_value(
    referral: Referral,
) -> None:
    # Sent when made: the strategy's referral keeps every rule at its own created_at, not
    # minutes later (a consent 90 Brussels days old at 23:58 is too old at 00:03).
    at = referral.created_at
    packages = {lang: pack(referral, password=KEY, at=at, lang=lang) for lang in LANGS}
    shown = assert_two_languages(lambda lang: packages[lang].message)
    identifiers = (referral.referral_id, referral.consent.consent_id, referral.sender.member_id)
    for lang, package in packages.items():
        for value in (*_client_values(referral), *identifiers):
            assert not re.search(rf"(?<!\w){re.escape(value)}(?!\w)", shown[lang]), value
            assert value not in package.filename
        members = unseal(package.archive, KEY, names={DOCUMENT_NAME, TEXT_NAME}, required=set())
        assert members[TEXT_NAME] == document_text(_document_at(referral, at), TORHOUT, lang=lang)
    assert "Secure referral for" in shown["en"]
    assert "Beveiligde verwijzing voor" in shown["nl"]


def _document_at(referral: Referral, at: datetime) -> ReferralDocument:
    return _document(referral).model_copy(update={"sent_at": at})


def test_pack_is_dutch_by_default_and_refuses_an_unknown_language() -> None:
    referral = next(iter(_examples(referrals(at=AT))))
    package = pack(referral, password=KEY, at=AT)
    assert package.message["Subject"] == "Beveiligde verwijzing voor OCMW Torhout"
    with pytest.raises(InvalidInput) as caught:
        pack(referral, password=KEY, at=AT, lang="fr")  # type: ignore[arg-type]
    assert caught.value.codes == {"UNKNOWN_LANGUAGE"}


def _examples(strategy: st.SearchStrategy[Any]) -> list[Any]:
    found: list[Any] = []

    @given(strategy)
    @settings(max_examples=1, database=None)
    def collect(value: Any) -> None:
        found.append(value)

    collect()
    return found


@given(breach_notices())
@settings(max_examples=80, deadline=None)
def test_the_breach_e_mail_in_both_languages_keeps_register_only_data_out(
    notice: BreachNotice,
) -> None:
    shown = assert_two_languages(lambda lang: breach_notice_email(notice, lang=lang))
    register_only = [notice.facts, notice.delay_reasons, *notice.referral_ids]
    for text in shown.values():
        for value in register_only:
            if value:
                assert value not in text
        assert notice.notice_id in text


# Strategies for the notices that have none in protocol_share.strategies.

_IDS = st.from_regex(r"[a-z]{3,6}-20[2-4][0-9]-[0-9]{1,4}", fullmatch=True)
_TITLES = st.sampled_from(
    ("Decreet lokaal sociaal beleid", "Wet van 8 december 1992", "Cevi", "Dossiersoft nv")
)
_DAYS = st.dates(date(2024, 4, 18), date(2035, 12, 31))


@st.composite
def quality_notices(draw: st.DrawFn) -> QualityNotice:
    found = draw(aware_datetimes())
    return QualityNotice(
        notice_id=draw(_IDS),
        referral_id=draw(_IDS),
        data_item=draw(st.sampled_from(list(DataItem))),
        kind=draw(st.sampled_from(get_args(QualityKind))),
        found_by=draw(st.sampled_from(("recipient", "data_subject"))),
        found_at=found,
        notified_at=found.astimezone(UTC) + timedelta(minutes=draw(st.integers(0, 600))),
    )


@st.composite
def quality_answers(draw: st.DrawFn) -> QualityAnswer:
    notice = draw(quality_notices())
    outcome = draw(st.sampled_from(get_args(QualityOutcome)))
    measures = draw(
        st.frozensets(
            st.sampled_from([m for m in get_args(QualityMeasure) if m != "no_measure_needed"]),
            min_size=1,
        )
    )
    return notice.answer(
        at=notice.notified_at.astimezone(UTC) + timedelta(days=draw(st.integers(0, 30))),
        outcome=outcome,
        measures=measures,
    )


@st.composite
def terminations(draw: st.DrawFn) -> TerminationNotice:
    ground = draw(st.sampled_from(get_args(TerminationGround)))
    breached = _field_literal(TerminationNotice, "breached")
    return TerminationNotice(
        notice_id=draw(_IDS),
        ground=ground,
        given_by="sender" if ground == "breach" else draw(st.sampled_from(("sender", "recipient"))),
        given_on=draw(_DAYS),
        breached=draw(st.frozensets(st.sampled_from(breached), min_size=1))
        if ground == "breach"
        else frozenset(),
        lapsed_basis=draw(_TITLES) if ground == "no_legal_basis" else None,
    )


legislation_notices = st.builds(
    LegislationChangeNotice,
    notice_id=_IDS,
    given_at=aware_datetimes(),
    legislation=_TITLES,
    in_force_on=st.none() | _DAYS,
    affects=st.frozensets(st.sampled_from(get_args(LegislationAspect)), min_size=1),
)


@st.composite
def processor_notices(draw: st.DrawFn) -> ProcessorChangeNotice:
    since = draw(_DAYS)
    processor = Processor(
        name=draw(_TITLES),
        kbo=draw(st.none() | st.just("0212.175.523")),
        service=draw(_TITLES),
        country=draw(st.sampled_from(("BE", "NL", "US"))),
        art28_agreement_on=draw(st.none() | st.just(since)),
        since=since,
        until=draw(st.none() | st.just(since + timedelta(days=400))),
    )
    return ProcessorChangeNotice(
        notice_id=draw(_IDS),
        given_at=draw(aware_datetimes()),
        change=draw(st.sampled_from(("added", "removed", "changed"))),
        processor=processor,
    )


withdrawals = withdrawal_notices()


@st.composite
def checklists(draw: st.DrawFn) -> EvidenceChecklist:
    checklist = evidence_checklist()
    for code in draw(st.sets(st.sampled_from(get_args(EvidenceCode)))):
        checklist = checklist.fill(code, document=draw(_TITLES), dated=draw(st.none() | _DAYS))
    return checklist


RENDERERS: dict[str, tuple[st.SearchStrategy[Any], Callable[..., EmailMessage]]] = {
    "quality notice (A7-1)": (quality_notices(), notices.quality_notice_email),
    "quality answer (A7-2)": (quality_answers(), notices.quality_answer_email),
    "termination (A8-1, A11)": (terminations(), partial(notices.termination_email, sent_at=AT)),
    "legislation (A9-5)": (legislation_notices, notices.legislation_change_email),
    "processors (A9-6)": (processor_notices(), notices.processor_change_email),
    "withdrawal (C-7)": (withdrawals, notices.withdrawal_email),
    "evidence (A6-7)": (checklists(), partial(notices.evidence_email, sent_at=AT)),
}

_CLIENT_LIKE = re.compile(r"\b\d{2}[.\- ]?\d{2}[.\- ]?\d{2}[.\- ]?\d{3}[.\- ]?\d{2}\b")


@pytest.mark.parametrize("kind", sorted(RENDERERS))
@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_each_notice_e_mail_in_both_languages(kind: str, data: st.DataObject) -> None:
    strategy, render = RENDERERS[kind]
    value = data.draw(strategy)
    shown = assert_two_languages(lambda lang: render(value, lang=lang))
    for lang, text in shown.items():
        # Only the parties' DPOs are addressed: no other e-mail address in the text.
        addresses = set(re.findall(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", text))
        dpos = {TORHOUT.sender.dpo_email, TORHOUT.recipient.dpo_email}
        assert addresses <= dpos, (lang, addresses - dpos)
        assert not _CLIENT_LIKE.search(text)  # nothing shaped like a national number


@pytest.mark.parametrize(
    "render",
    [
        lambda: document_text(_document(_examples(referrals(at=AT))[0]), TORHOUT, lang="fr"),  # type: ignore[arg-type]
        lambda: package_message(TORHOUT, archive=b"", filename="f.7z", at=AT, lang="fr"),  # type: ignore[arg-type]
        lambda: breach_notice_email(_examples(breach_notices())[0], lang="fr"),  # type: ignore[arg-type]
        lambda: quality_notice_email(_examples(quality_notices())[0], lang="fr"),  # type: ignore[arg-type]
        lambda: termination_email(_examples(terminations())[0], sent_at=AT, lang="fr"),  # type: ignore[arg-type]
        lambda: evidence_email(evidence_checklist(), sent_at=AT, lang="fr"),  # type: ignore[arg-type]
        lambda: withdrawal_email(_examples(withdrawals)[0], lang="fr"),  # type: ignore[arg-type]
    ],
    ids=[
        "verwijzing.txt",
        "package e-mail",
        "breach",
        "quality",
        "termination",
        "evidence",
        "withdrawal",
    ],
)
def test_every_renderer_refuses_an_unknown_language(render: Callable[[], object]) -> None:
    with pytest.raises(InvalidInput) as caught:
        render()
    assert caught.value.codes == {"UNKNOWN_LANGUAGE"}


def test_the_messages_models_carry_come_from_the_catalogues() -> None:
    reason = protocol_share.REASONS["WRONG_MAILBOX"]
    assert (reason.message_nl, reason.message_en) == texts("rule.WRONG_MAILBOX.reason")
    rule = ONWARD_RULES[0]
    assert (rule.requirement_nl, rule.requirement_en) == texts(
        f"rule.{rule.code}.requirement"
    )  # one row, one key family: keyed by the code alone
    first = REFERRAL_RULES[0]
    assert (first.message_nl, first.message_en) == texts("rule.PROTOCOL_NOT_IN_FORCE.reason")
    decision = retention_decision(RetentionCase.received(AT), at=AT)
    assert (decision.message_nl, decision.message_en) == texts(
        "retention.decision.KEEP_UNTIL_CONTACT"
    )
    nl_label, en_label = texts("register.measure.encryption_in_transfer")
    measure = SECURITY_MEASURES[0]
    assert (measure.text_nl, measure.text_en) == (nl_label, en_label)
    item = evidence_checklist().items[2]
    assert (item.what_nl, item.what_en) == texts("evidence.item.dpo")
