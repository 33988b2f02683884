"""The command line: demo, version, lint, schema; exit codes 0 / 1 / 2 (DESIGN.md)."""

from __future__ import annotations

import io
import json
import subprocess
import sys
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
    code, out, _ = run("lint", str(path))
    assert code == 2
    assert "INVALID_EMAIL at mailbox" in out


def test_a_missing_file_is_unusable_input(tmp_path: Path) -> None:
    code, _, err = run("lint", str(tmp_path / "nope.json"))
    assert code == 2
    assert "cannot read" in err


def test_schema_writes_files(tmp_path: Path) -> None:
    code, _, _ = run("schema", "protocol", "--out", str(tmp_path))
    assert code == 0
    written = json.loads((tmp_path / "protocol.schema.json").read_text(encoding="utf-8"))
    assert written["title"] == "Protocol"


def test_an_unknown_command_exits_2() -> None:
    with pytest.raises(SystemExit) as caught:
        run("frobnicate")
    assert caught.value.code == 2
