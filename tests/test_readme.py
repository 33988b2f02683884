"""README.md opens with the two set-up commands, and .ci/run runs the second exactly."""

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
    assert "'.[test]'" in second
    assert "pytest" in second
    assert "mypy" in second
    assert "ruff check" in second


def test_ci_runs_the_readme_test_command_exactly() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert _readme_commands()[1] in ci
