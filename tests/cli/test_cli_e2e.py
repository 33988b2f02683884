"""The command line end to end, through the installed console script (docs/design.md; issue 6).

For every subcommand: the exit code, ``--json`` output that parses, ``--lang`` choosing the
language of what it prints, and a failing call whose stderr holds no personal value of
its input and no traceback. The client below has values found nowhere else, so a leak
cannot hide behind a coincidence.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from protocol_share import TORHOUT, Address, ClientData, Consent, __version__
from protocol_share.cli import PASSWORD_ENV, parser
from protocol_share.examples import (
    example_breach_notice,
    example_referral,
    example_retention_cases,
)
from protocol_share.package._package import open_package

SCRIPT = Path(sys.executable).parent / "protocol-share"
AT = datetime(2025, 6, 2, 10, 0, tzinfo=UTC)
PASSWORD = "Kwartel-Lamp-73-boterbloem"
CLIENT = ClientData(
    first_name="Zoltanka",
    last_name="Quibbleworth",
    address=Address(
        street="Xylofoonstraat", house_number="77", postcode="8820", municipality="Torhout"
    ),
    phone="0470 98 76 54",
    email="zq.unique@example.be",
)
PERSONAL = ("Zoltanka", "Quibbleworth", "Xylofoonstraat", "98 76 54", "987654", "zq.unique")
"""Values of :data:`CLIENT` that may never reach stderr."""


def cli(*argv: str, password: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run the installed script, no terminal, the password (if any) in the environment."""
    environment = {k: v for k, v in os.environ.items() if k != PASSWORD_ENV}
    if password is not None:
        environment[PASSWORD_ENV] = password
    return subprocess.run(
        [str(SCRIPT), *argv],
        capture_output=True,
        text=True,
        env=environment,
        stdin=subprocess.DEVNULL,
        timeout=120,
        check=False,
    )


def clean(stderr: str) -> None:
    assert "Traceback" not in stderr
    for value in PERSONAL:
        assert value not in stderr, value


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Input files, one per kind, in a directory whose name holds a personal value."""
    directory = tmp_path_factory.mktemp("in") / "Zoltanka-Quibbleworth"
    directory.mkdir()
    # Packed by the command at the clock's now: a consent from AT would be too old by then.
    referral = example_referral(TORHOUT, at=datetime.now(UTC), client=CLIENT)
    broken = json.loads(referral.model_dump_json())
    broken["client"] |= {"email": "zq.unique@@example..be", "phone": "0470 98 76 54 999"}
    broken["client"]["address"]["postcode"] = "Xylofoonstraat"
    protocol = json.loads(TORHOUT.model_dump_json()) | {"mailbox": "Zoltanka.Quibbleworth@"}
    breach = json.loads(example_breach_notice(aware_at=AT).model_dump_json())
    cases = {"cases": [c.to_dict() for c in example_retention_cases(at=AT)]}
    documents = {
        "referral": referral.model_dump_json(),
        "refused": referral.model_copy(update={"assessed_appropriate": False}).model_dump_json(),
        "referral-broken": json.dumps(broken),
        "protocol-broken": json.dumps(protocol),
        "breach": json.dumps(breach),
        "breach-broken": json.dumps(breach | {"client": "Zoltanka Quibbleworth"}),
        "retention": json.dumps(cases),
        "retention-broken": json.dumps(cases | {"client": "Zoltanka Quibbleworth"}),
    }
    paths = {}
    for name, text in documents.items():
        path = directory / f"{name}.json"
        path.write_text(text, encoding="utf-8")
        paths[name] = str(path)
    out = directory / "uit"
    done = cli("pack", paths["referral"], "--out", str(out), password=PASSWORD)
    assert done.returncode == 0, done.stderr
    (archive,) = out.glob("*.7z")
    paths["archive"], paths["out"] = str(archive), str(directory / "uit2")
    return paths


@dataclass(frozen=True)
class Case:
    """A subcommand's calls: one that works, one that fails, and what --lang changes."""

    ok: tuple[str, ...]
    ok_code: int
    failing: tuple[str, ...]
    failing_code: int = 2
    nl: str | None = None  # a text only the Dutch output holds (None: no messages printed)
    en: str | None = None
    password: bool = False
    json_keys: frozenset[str] = field(default_factory=frozenset)


AT_ISO = AT.isoformat()
CASES: dict[str, Case] = {
    "demo": Case(
        ("demo",), 0, ("demo", "--protocol", "{protocol-broken}"),
        nl="Melding gegevenslek demo-lek-1", en="Data breach notice demo-lek-1",
        json_keys=frozenset({"decisions", "package", "after_receipt"}),
    ),
    "check": Case(
        ("check", "{refused}", "--at", AT_ISO), 1, ("check", "{referral-broken}"),
        nl="niet samen met de cliënt", en="has not judged the referral appropriate",
        json_keys=frozenset({"allowed", "reasons", "referral_id"}),
    ),
    "rules": Case(
        ("rules",), 0, ("rules", "--group", "nosuchgroup"),
        json_keys=frozenset({"code", "clause", "message_nl", "message_en"}),
    ),
    "lint": Case(
        ("lint",), 0, ("lint", "{protocol-broken}"),
        json_keys=frozenset({"code", "severity", "path", "message"}),
    ),
    "schema": Case(("schema", "referral"), 0, ("schema", "referral", "--out", "{referral}")),
    "example": Case(
        ("example", "referral"), 0, ("example", "referral", "--protocol", "{protocol-broken}")
    ),
    "pack": Case(
        ("pack", "{refused}", "--out", "{out}"), 1, ("pack", "{referral-broken}", "--out", "{out}"),
        nl="niet samen met de cliënt", en="has not judged the referral appropriate",
        password=True, json_keys=frozenset({"packed", "reasons"}),
    ),
    "open": Case(
        ("open", "{archive}"), 0, ("open", "{archive}", "--password-env", "NO_SUCH_VARIABLE"),
        password=True, json_keys=frozenset({"referral_id", "client"}),
    ),
    "retention": Case(
        ("retention", "{retention}", "--at", AT_ISO), 1, ("retention", "{retention-broken}"),
        nl="Verwijderen: de cliënt wil geen verdere hulp", en="Delete: the client declined",
        json_keys=frozenset({"decisions", "schedule"}),
    ),
    "breach": Case(
        ("breach", "{breach}", "--at", (AT + timedelta(hours=3)).isoformat(), "--email"), 0,
        ("breach", "{breach-broken}"),
        nl="Subject: Melding gegevenslek example-lek-1", en="Subject: Data breach notice",
        json_keys=frozenset({"severity", "authority", "email"}),
    ),
    "register": Case(
        ("register",), 0, ("register", "--protocol", "{protocol-broken}"),
        nl="Ontvangen verwijzingen van Opgroeien regie", en="Referrals received from",
        json_keys=frozenset({"processing_activity", "erasure"}),
    ),
}  # fmt: skip


def args(call: tuple[str, ...], files: dict[str, str]) -> list[str]:
    return [part.format_map(files) if part.startswith("{") else part for part in call]


def test_every_subcommand_is_tested_here() -> None:
    (commands,) = (a for a in parser()._actions if isinstance(a, argparse._SubParsersAction))
    assert set(commands.choices) == set(CASES)


@pytest.mark.parametrize("command", sorted(CASES))
def test_exit_code_and_json_output(command: str, files: dict[str, str]) -> None:
    case = CASES[command]
    done = cli(*args(case.ok, files), "--json", password=PASSWORD if case.password else None)
    assert done.returncode == case.ok_code, done.stderr
    assert done.stderr == ""
    document = json.loads(done.stdout)
    first = document[0] if isinstance(document, list) else document
    assert case.json_keys <= set(first)


@pytest.mark.parametrize("command", sorted(c for c in CASES if CASES[c].nl))
def test_lang_chooses_the_language_of_the_human_text(command: str, files: dict[str, str]) -> None:
    case = CASES[command]
    secret = PASSWORD if case.password else None
    dutch = cli(*args(case.ok, files), password=secret)
    english = cli(*args(case.ok, files), "--lang", "en", password=secret)
    assert dutch.returncode == english.returncode == case.ok_code
    assert dutch.stdout != english.stdout
    assert case.nl is not None
    assert case.en is not None
    assert case.nl in dutch.stdout
    assert case.nl not in english.stdout
    assert case.en in english.stdout
    assert case.en not in dutch.stdout


@pytest.mark.parametrize("command", sorted(c for c in CASES if not CASES[c].nl))
def test_lang_is_accepted_where_nothing_is_translated(command: str, files: dict[str, str]) -> None:
    case = CASES[command]
    done = cli(*args(case.ok, files), "--lang", "en", password=PASSWORD if case.password else None)
    assert done.returncode == case.ok_code, done.stderr


@pytest.mark.parametrize("command", sorted(CASES))
def test_a_failing_call_exits_non_zero_without_personal_data(
    command: str, files: dict[str, str]
) -> None:
    case = CASES[command]
    done = cli(*args(case.failing, files), password=PASSWORD if case.password else None)
    assert done.returncode == case.failing_code
    assert done.stderr.strip()
    clean(done.stderr)
    assert "Zoltanka-Quibbleworth" not in done.stderr  # no path either


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\xff\xfe{}", "JSON_INVALID"),
        (b"", "JSON_INVALID"),
        (b"Zoltanka Quibbleworth", "JSON_INVALID"),
        (None, "cannot read FILE: Is a directory"),
        (False, "cannot read FILE: No such file or directory"),
    ],
)
def test_unusable_input_exits_2_with_a_clear_message(
    tmp_path: Path, content: bytes | bool | None, message: str
) -> None:
    path = tmp_path / "Zoltanka Quibbleworth.json"
    if content is None:
        path.mkdir()
    elif content is not False:
        assert isinstance(content, bytes)
        path.write_bytes(content)
    done = cli("check", str(path), "--lang", "en")
    assert (done.returncode, done.stdout) == (2, "")
    assert message in done.stderr
    clean(done.stderr)


def test_the_example_documents_feed_their_commands(tmp_path: Path) -> None:
    commands = {"referral": ("check",), "protocol": ("lint",), "breach": ("breach",)}
    for kind, command in commands.items():
        path = tmp_path / f"{kind}.json"
        done = cli("example", kind)
        assert done.returncode == 0
        path.write_text(done.stdout, encoding="utf-8")
        assert cli(*command, str(path)).returncode == 0, kind
    consent = cli("example", "consent", "--at", AT_ISO)
    assert Consent.model_validate_json(consent.stdout).given_at == AT - timedelta(days=2)
    cases = tmp_path / "cases.json"
    cases.write_text(cli("example", "retention").stdout, encoding="utf-8")
    done = cli("retention", str(cases), "--json")
    assert done.returncode == 1  # one deletion and one review are due
    actions = [d["action"] for d in json.loads(done.stdout)["decisions"]]
    assert actions == ["keep", "delete", "review", "keep"]


def test_pack_in_english_writes_an_english_email(files: dict[str, str], tmp_path: Path) -> None:
    out = tmp_path / "en"
    done = cli(
        "pack", files["referral"], "--out", str(out), "--lang", "en", "--json", password=PASSWORD
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["subject"] == f"Secure referral for {TORHOUT.recipient.name}"
    (archive,) = out.glob("*.7z")
    assert open_package(archive.read_bytes(), password=PASSWORD).client == CLIENT


def test_the_password_never_comes_from_argv_nor_from_a_missing_terminal(
    files: dict[str, str],
) -> None:
    done = cli("open", files["archive"], "--password", PASSWORD)
    assert done.returncode == 2
    assert "unrecognized arguments" in done.stderr
    done = cli("open", files["archive"])  # no variable, no terminal to ask on
    assert done.returncode == 2
    assert "geen wachtwoord" in done.stderr
    clean(done.stderr)
    done = cli("open", files["archive"], password="Een-ander-wachtwoord-9")
    assert done.returncode == 2
    assert "WrongPassword" in done.stderr
    clean(done.stderr)


def test_python_dash_m_runs_the_same_command_line() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "protocol_share.cli", "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (done.returncode, done.stdout.strip()) == (0, f"protocol-share {__version__}")
