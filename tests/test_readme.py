"""README.md opens with the set-up commands, and .ci/run runs every one of them exactly."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).parent.parent


def _readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```sh\n(.+?)\n```", text, flags=re.DOTALL)


def test_readme_opens_with_the_demo_and_the_test_command() -> None:
    first, second = _readme_commands()[:2]
    assert first.endswith("protocol-share demo")
    for part in ("'.[test,docs]'", "ruff check", "mypy", "mkdocs build --strict", "pytest"):
        assert part in second


def test_readme_shows_how_to_check_a_referral_and_run_the_example_suite() -> None:
    commands = "\n".join(_readme_commands())
    assert "protocol-share check" in commands
    assert "examples/compliance" in commands


def test_ci_runs_every_readme_command_exactly() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    for command in _readme_commands():
        assert command in ci, command


def test_every_example_folder_is_run_by_a_readme_command() -> None:
    commands = "\n".join(_readme_commands())
    folders = sorted(path.name for path in (ROOT / "examples").iterdir() if path.is_dir())
    assert {"compliance", "ocmw", "outbox"} <= set(folders)
    for name in folders:
        assert f"cd examples/{name} && ../../.venv/bin/python -m pytest -q" in commands, name
