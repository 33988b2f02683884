"""The command line prints every problem with an input in ``--lang``: the demo's refused
record, and the ``fout:``/``error:`` lines on stderr (issue 9: every text a person reads
comes from the one catalogue). Codes and paths stay as they are in both languages, and no
line holds the value that was refused (docs/design.md: errors name fields, not values)."""

from __future__ import annotations

import json
from email.message import EmailMessage
from pathlib import Path

import pytest

from protocol_share import NoArchiveAttached, archive_from_email
from protocol_share._text import LANGS, Lang, catalogue
from protocol_share.cli._io import package_error_text
from protocol_share.package._payload import document_json
from tests.cli.test_cli_text import other, run
from tests.package.package_support import CLIENT, PASSWORD, document_for, sealed

AT = "2025-03-03T09:00:00+01:00"


def text(code: str, lang: Lang) -> str:
    return catalogue(lang)[f"problem.{code}"]


def _step_three(out: str) -> list[str]:
    lines = out.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("3. "))
    return [line.strip() for line in lines[start + 1 : lines.index("", start)]]


@pytest.mark.parametrize("lang", LANGS)
def test_the_demo_shows_the_refused_records_problems_in_the_language_asked(lang: Lang) -> None:
    code, out, err = run("demo", "--lang", lang, "--at", AT)
    assert (code, err) == (0, "")
    assert _step_three(out) == [
        f"last_name: FORBIDDEN_IDENTIFIER: {text('FORBIDDEN_IDENTIFIER', lang)}",
        f"phone: INVALID_PHONE: {text('INVALID_PHONE', lang)}",
    ]
    other: Lang = "en" if lang == "nl" else "nl"
    assert text("FORBIDDEN_IDENTIFIER", other) not in out
    assert "85.07.30-033.28" not in out
    assert "85073003328" not in out


def test_the_demo_under_nl_reads_the_refused_record_in_dutch() -> None:
    _, out, _ = run("demo", "--at", AT)
    assert _step_three(out) == [
        "last_name: FORBIDDEN_IDENTIFIER: bevat een rijksregister-, BIS-, IBAN- of KBO-nummer, "
        "wat artikel 3 verbiedt",
        "phone: INVALID_PHONE: is geen geldig telefoonnummer",
    ]


def test_the_demo_json_gives_each_refused_problem_its_code_and_both_languages() -> None:
    code, out, _ = run("demo", "--json", "--at", AT)
    assert code == 0
    assert json.loads(out)["refused_record"] == [
        {
            "path": path,
            "code": problem,
            "message_nl": text(problem, "nl"),
            "message_en": text(problem, "en"),
        }
        for path, problem in (("last_name", "FORBIDDEN_IDENTIFIER"), ("phone", "INVALID_PHONE"))
    ]


def _broken_referral(tmp_path: Path) -> Path:
    code, out, _ = run("example", "referral", "--at", AT)
    assert code == 0
    data = json.loads(out)
    data["client"] |= {"phone": "12", "email": "Zqjan@@example.be"}
    del data["assessed_appropriate"]
    path = tmp_path / "verwijzing.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("lang", "heading"),
    [("nl", "fout: 3 problemen in Referral:"), ("en", "error: 3 problems in Referral:")],
)
def test_a_file_that_does_not_fit_the_models_is_reported_in_the_language_asked(
    tmp_path: Path, lang: Lang, heading: str
) -> None:
    code, out, err = run("check", str(_broken_referral(tmp_path)), "--lang", lang)
    assert (code, out) == (2, "")
    assert err.splitlines() == [
        heading,
        f"  client.phone: INVALID_PHONE: {text('INVALID_PHONE', lang)}",
        f"  client.email: INVALID_EMAIL: {text('INVALID_EMAIL', lang)}",
        f"  assessed_appropriate: MISSING: {text('MISSING', lang)}",
    ]
    assert "Zqjan" not in err


def test_pydantics_own_english_is_not_printed_under_nl(tmp_path: Path) -> None:
    _, _, err = run("check", str(_broken_referral(tmp_path)))
    assert "assessed_appropriate: MISSING: is verplicht" in err
    assert "Field required" not in err


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("nl", "fout: 1 probleem in de argumenten:\n  at: INVALID_DATETIME: "),
        ("en", "error: 1 problem in arguments:\n  at: INVALID_DATETIME: "),
    ],
)
def test_a_bad_argument_is_reported_in_the_language_asked(lang: Lang, expected: str) -> None:
    code, out, err = run("example", "referral", "--at", "Zqjan", "--lang", lang)
    assert (code, out) == (2, "")
    assert err == expected + text("INVALID_DATETIME", lang) + "\n"


def _package_with_a_bad_client(tmp_path: Path) -> tuple[Path, Path]:
    document = json.loads(document_json(document_for(CLIENT)))
    document["client"] |= {"phone": "Zq12", "email": "Zqjan@@example.be"}
    archive = tmp_path / "verwijzing.7z"
    archive.write_bytes(
        sealed({"verwijzing.json": json.dumps(document).encode(), "verwijzing.txt": b"x"})
    )
    secret = tmp_path / "wachtwoord"
    secret.write_text(PASSWORD + "\n", encoding="utf-8")
    return archive, secret


@pytest.mark.parametrize(
    ("lang", "heading"),
    [
        ("nl", "fout: pakket geweigerd (UnexpectedContent): verwijzing.json past niet in het "
         "schema (2):"),
        ("en", "error: package refused (UnexpectedContent): verwijzing.json does not fit the "
         "schema (2):"),
    ],
)  # fmt: skip
def test_a_package_whose_content_does_not_fit_lists_its_problems_in_the_language_asked(
    tmp_path: Path, lang: Lang, heading: str
) -> None:
    archive, secret = _package_with_a_bad_client(tmp_path)
    code, out, err = run("open", str(archive), "--password-file", str(secret), "--lang", lang)
    assert (code, out) == (2, "")
    assert err.splitlines() == [
        heading,
        f"  client.phone: INVALID_PHONE: {text('INVALID_PHONE', lang)}",
        f"  client.email: INVALID_EMAIL: {text('INVALID_EMAIL', lang)}",
    ]
    assert "Zq" not in err


# --- a refused package, an impossible lifecycle step: the catalogue's error.<CODE> text ----------


def error_text(code: str, lang: Lang) -> str:
    return catalogue(lang)[f"error.{code}"]


_REFUSED: dict[Lang, str] = {"nl": "fout: pakket geweigerd", "en": "error: package refused"}


@pytest.mark.parametrize("lang", LANGS)
def test_a_package_refused_for_its_password_or_its_bytes_is_told_in_the_language_asked(
    tmp_path: Path, lang: Lang
) -> None:
    archive, _ = _package_with_a_bad_client(tmp_path)
    wrong = tmp_path / "verkeerd"
    wrong.write_text("Een-ander-wachtwoord-9\n", encoding="utf-8")
    junk = tmp_path / "kapot.7z"
    junk.write_bytes(b"Zqjan Peeters, not an archive")
    cases = [
        (archive, "WrongPassword", "WRONG_PASSWORD"),
        (junk, "CorruptPackage", "CORRUPT_PACKAGE"),
    ]
    for path, name, code in cases:
        exit_code, out, err = run("open", str(path), "--password-file", str(wrong), "--lang", lang)
        assert (exit_code, out) == (2, "")
        assert err == f"{_REFUSED[lang]} ({name}): {error_text(code, lang)}\n"
        assert error_text(code, other(lang)) not in err
        assert "Zq" not in err


@pytest.mark.parametrize("lang", LANGS)
def test_a_mail_without_an_archive_is_told_in_the_language_asked(lang: Lang) -> None:
    mail = EmailMessage()
    mail["Subject"] = "Zqjan Peeters"
    mail.set_content("Zqjan Peeters, 85.07.30-033.28")
    with pytest.raises(NoArchiveAttached) as caught:
        archive_from_email(mail.as_bytes())
    text = package_error_text(caught.value, lang)
    assert text == f"{_REFUSED[lang]} (NoArchiveAttached): {error_text('NO_ATTACHMENT', lang)}"
    assert "Zq" not in text


@pytest.mark.parametrize(
    ("lang", "heading"),
    [
        ("nl", "fout: cases.0: onmogelijke stap 'received' in toestand 'received' "
         "(IMPOSSIBLE_STEP): "),
        ("en", "error: cases.0: impossible step 'received' in state 'received' "
         "(IMPOSSIBLE_STEP): "),
    ],
)  # fmt: skip
def test_an_impossible_step_in_a_cases_file_is_told_in_the_language_asked(
    tmp_path: Path, lang: Lang, heading: str
) -> None:
    steps = [{"step": "received", "at": "2025-03-01T09:00:00+01:00"}] * 2
    cases = tmp_path / "cases.json"
    cases.write_text(json.dumps({"cases": [{"case_id": "Zqjan", "steps": steps}]}))
    code, out, err = run("retention", str(cases), "--lang", lang, "--at", AT)
    assert (code, out) == (2, "")
    assert err == heading + error_text("IMPOSSIBLE_STEP", lang) + "\n"
    assert "Zq" not in err
