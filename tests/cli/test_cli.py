"""The command line: demo, version, lint, schema; exit codes 0 / 1 / 2 (docs/design.md)."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from protocol_share import TORHOUT, __version__
from protocol_share.cli import main


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_version_is_printed_through_the_installed_console_script() -> None:
    script = Path(sys.executable).parent / "protocol-share"
    done = subprocess.run(
        [str(script), "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0
    assert done.stdout.strip() == f"protocol-share {__version__}"


def test_demo_shows_the_flow_without_any_client_value_in_errors() -> None:
    code, out, err = run("demo")
    assert code == 0
    assert "sociaal.huis@torhout.be" in out
    assert "national_number" in out  # reported as dropped, by path
    assert "85.07.30-033.28" not in out
    assert err == ""


def test_lint_of_the_built_in_protocol_exits_0(tmp_path: Path) -> None:
    code, out, _ = run("lint", "--json")
    assert code == 0
    assert "DPO_ADVICE_AFTER_ENTRY_INTO_FORCE" in {f["code"] for f in json.loads(out)}


def test_lint_of_a_broken_protocol_exits_2(tmp_path: Path) -> None:
    data = json.loads(TORHOUT.model_dump_json())
    data["mailbox"] = "not an address"
    path = tmp_path / "p.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    code, out, err = run("lint", str(path))
    code_en, out_en, err_en = run("lint", str(path), "--lang", "en")
    assert code == code_en == 2
    assert "[fout] INVALID_EMAIL bij mailbox: " in out
    assert "[error] INVALID_EMAIL at mailbox: " in out_en
    assert err.startswith("fout: ")
    assert err_en.startswith("error: ")


def test_a_missing_file_is_unusable_input(tmp_path: Path) -> None:
    code, _, err = run("lint", str(tmp_path / "nope.json"))
    assert code == 2
    assert err.startswith("fout: kan FILE niet lezen: ")


def test_schema_writes_files(tmp_path: Path) -> None:
    code, _, _ = run("schema", "protocol", "--out", str(tmp_path))
    assert code == 0
    written = json.loads((tmp_path / "protocol.schema.json").read_text(encoding="utf-8"))
    assert written["title"] == "Protocol"


def test_an_unknown_command_exits_2() -> None:
    with pytest.raises(SystemExit) as caught:
        run("frobnicate")
    assert caught.value.code == 2


# --- unusable input: exit 2, a clear message on stderr, never a traceback, path or value ----

_FILE_COMMANDS = [
    ("check", "{}"),
    ("lint", "{}"),
    ("pack", "{}", "--out", "uit", "--password-env", "HOME"),
    ("open", "{}", "--password-env", "HOME"),
    ("retention", "{}"),
    ("breach", "{}"),
    ("demo", "--protocol", "{}"),
    ("register", "--protocol", "{}"),
    ("example", "referral", "--protocol", "{}"),
    ("check", "{}", "--protocol", "{}"),
]
_BAD_FILES: dict[str, bytes | None] = {
    "invalid UTF-8": b'{"first_name": "\xff\xfe Jansens"}',
    "empty": b"",
    "not JSON": b"Jansens, Marieke; Kerkstraat 5",
    "a directory": None,
}


@pytest.mark.parametrize("argv", _FILE_COMMANDS, ids=lambda argv: " ".join(argv))
@pytest.mark.parametrize("kind", sorted(_BAD_FILES))
def test_an_unusable_file_exits_2_with_a_message_naming_no_path_or_value(
    tmp_path: Path, argv: tuple[str, ...], kind: str
) -> None:
    path = tmp_path / "Marieke Jansens.json"
    content = _BAD_FILES[kind]
    if content is None:
        path.mkdir()
    else:
        path.write_bytes(content)
    code, out, err = run(*(part.format(path) for part in argv))
    assert code == 2
    # a failure is "fout: ..." in --lang (nl), naming codes
    assert err.startswith("fout: ")
    if argv[0] == "lint":  # lint's findings are its output
        assert "JSON_INVALID" in out or "niet lezen" in err
    elif argv[0] != "open":  # open reports a bad archive as a refused package
        assert "JSON_INVALID" in err or "niet lezen" in err
        assert out == ""
    for value in ("Marieke", "Jansens", "Kerkstraat", str(tmp_path)):
        assert value not in err


def test_a_missing_file_names_the_argument_not_the_path(tmp_path: Path) -> None:
    argv = ("check", str(tmp_path / "a.json"), "--protocol", str(tmp_path / "Jansens"))
    code, _, err = run(*argv)
    assert (code, err) == (2, "fout: kan --protocol niet lezen: No such file or directory\n")
    code, _, err = run(*argv, "--lang", "en")
    assert (code, err) == (2, "error: cannot read --protocol: No such file or directory\n")


def test_bad_key_and_password_files_are_unusable_input(tmp_path: Path) -> None:
    archive, key, secret = tmp_path / "p.7z", tmp_path / "k.pem", tmp_path / "pw.txt"
    archive.write_bytes(b"7z")
    key.write_text("Marieke Jansens\n", encoding="utf-8")
    secret.write_bytes(b"\xff\xfe")
    code, _, err = run("open", str(archive), "--password-file", str(secret), "--lang", "en")
    assert (code, err) == (2, "error: cannot read --password-file: not UTF-8 text\n")
    code, _, err = run("open", str(archive), "--verify-key", str(key), "--password-env", "HOME")
    assert (code, err) == (
        2,
        "fout: kan --verify-key niet lezen: geen onversleutelde PEM-sleutel\n",
    )
    secret.write_text("\n", encoding="utf-8")
    code, _, err = run("open", str(archive), "--password-file", str(secret), "--lang", "en")
    assert (code, err) == (2, "error: cannot read --password-file: its first line is empty\n")


def test_every_subcommand_takes_json_and_lang() -> None:
    for argv in (["rules"], ["schema", "consent"], ["example", "consent"], ["register"]):
        code, out, _ = run(*argv, "--json", "--lang", "en")
        assert code == 0
        json.loads(out)


@pytest.mark.parametrize(
    "argv",
    [
        ("example", "referral", "--at", "0001-01-01T00:00:00+00:00"),
        ("example", "retention", "--at", "0001-01-01T00:00:00+00:00"),
        ("demo", "--at", "9999-12-31T23:59:00+00:00"),
    ],
)
def test_a_moment_at_the_end_of_the_calendar_is_unusable_input(argv: tuple[str, ...]) -> None:
    code, out, err = run(*argv)
    assert (code, out) == (2, "")
    # The library refuses what it can check (OUT_OF_RANGE); the CLI catches the rest.
    assert "OUT_OF_RANGE" in err or err.startswith("fout: onbruikbare invoer: ")


# --- every line a person reads in the language asked for (issue 9) ---------------------------

# Phrases of each language's command-line texts that the other language never uses.
_ENGLISH = ("keep until", "kept until", "review on", "due now", "deadline", "controller",
            "wrote ", "REFUSED", "ALLOWED", "severity", "notify", "required", "retention at",
            "none to third", "the rules", " at mailbox", "[warning]", "[error]", "breach notice")  # fmt: skip
_DUTCH = ("bewaren tot", "bewaard tot", "herbekijken op", "nu te doen", "termijn ",
          "verantwoordelijke", "geschreven", "GEWEIGERD", "TOEGESTAAN", "ernst", "verwittigen",
          "verplicht", "bewaring op", "geen naar derde", "de regels", " bij mailbox",
          "[waarschuwing]", "[fout]", "melding gegevenslek")  # fmt: skip


def _outputs(tmp_path: Path, lang: str) -> str:
    from protocol_share import RetentionCase
    from protocol_share.examples import example_breach_notice, example_referral

    received = datetime(2024, 5, 2, 9, tzinfo=UTC)
    cases = (
        RetentionCase.received(received, case_id="r-1")
        .contacted(received + timedelta(days=1), "wants_help")
        .dossier_opened(received + timedelta(days=2))
        .dossier_closed(received + timedelta(days=3)),
        RetentionCase.received(received, case_id="r-2").contacted(
            received + timedelta(days=1), "unreachable"
        ),
    )
    files = {
        "cases": json.dumps({"cases": [case.to_dict() for case in cases]}),
        "notice": example_breach_notice(aware_at=received).model_dump_json(),
        "referral": example_referral(at=received).model_dump_json(),
        "bad": json.dumps({**json.loads(TORHOUT.model_dump_json()), "mailbox": "x"}),
    }
    paths = {}
    for name, text in files.items():
        paths[name] = tmp_path / f"{name}.json"
        paths[name].write_text(text, encoding="utf-8")
    at = ["--at", "2024-09-01T09:00:00+02:00", "--lang", lang]
    text = ""
    for argv in (
        ["retention", str(paths["cases"]), *at],
        ["breach", str(paths["notice"]), *at],
        ["check", str(paths["referral"]), *at],
        ["register", "--lang", lang],
        ["lint", "--lang", lang],
        ["lint", str(paths["bad"]), "--lang", lang],
    ):
        _, out, err = run(*argv)
        text += out + err
    return text


@pytest.mark.parametrize(("lang", "foreign"), [("nl", _ENGLISH), ("en", _DUTCH)])
def test_the_command_line_speaks_the_language_asked_for_only(
    tmp_path: Path, lang: str, foreign: tuple[str, ...]
) -> None:
    text = _outputs(tmp_path, lang)
    own = _DUTCH if lang == "nl" else _ENGLISH
    assert [phrase for phrase in foreign if phrase in text] == []
    assert sum(phrase in text for phrase in own) >= 10  # the output did say these things


def test_lint_reports_the_recorded_text_flaws_and_scans_a_signed_text(tmp_path: Path) -> None:
    code, out, _ = run("lint", "--json")
    flaws = [
        (f["code"], f["clause"], f["path"]) for f in json.loads(out) if f["path"][:5] == "text_"
    ]
    assert code == 0
    assert flaws == [
        ("REFERENCE_WITHOUT_TARGET", "C-6", "text_flaws[0]"),
        ("REFERENCE_TO_MISSING_ANNEX", "D-1", "text_flaws[1]"),
        ("REFERENCE_TO_MISSING_POINT", "A4-1", "text_flaws[2]"),
        ("REFERENCE_TO_MISSING_POINT", "A8-1", "text_flaws[3]"),
    ]
    text = tmp_path / "signed.txt"
    text.write_text("Artikel 1: Onderwerp\nZie artikel 4.\n", encoding="utf-8")
    code, out, _ = run("lint", "--signed-text", str(text), "--lang", "en")
    assert code == 0
    assert "[warning] REFERENCE_TO_MISSING_ARTICLE at signed_text:2: " in out
    assert '"artikel 4"' in out
    text.write_bytes(b"\xff\xfe zie lager")
    code, _, err = run("lint", "--signed-text", str(text))
    assert code == 2
    assert "--signed-text" in err
    assert str(tmp_path) not in err
