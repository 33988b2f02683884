"""The layout shows the flow (issue 9): the package root holds one subpackage per step of the
protocol, the shared infrastructure and the embedding aids, and nothing else; the tests
mirror it."""

from __future__ import annotations

from pathlib import Path

import protocol_share

SRC = Path(protocol_share.__file__).parent
TESTS = Path(__file__).parent

STEPS = {"protocol", "clientdata", "decision", "package", "retention", "notices", "register"}
INFRASTRUCTURE = {"errors.py", "_model.py", "_time.py", "_text", "_version.py", "schemas.py"}
EMBEDDING = {"strategies", "pytest_plugin.py", "examples.py", "cli"}
MARKERS = {"__init__.py", "py.typed"}


def _entries(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir() if p.name != "__pycache__"}


def test_the_root_holds_only_the_steps_the_infrastructure_and_the_embedding_aids() -> None:
    assert _entries(SRC) == STEPS | INFRASTRUCTURE | EMBEDDING | MARKERS


def test_the_root_holds_at_most_about_eighteen_entries() -> None:
    assert len(_entries(SRC) - MARKERS) <= 18


def test_every_step_has_its_own_test_folder() -> None:
    assert STEPS | {"cli"} <= {p.name for p in TESTS.iterdir() if (p / "__init__.py").exists()}


def test_every_step_is_a_package_with_a_public_face_over_private_modules() -> None:
    for step in STEPS:
        modules = {p.name for p in (SRC / step).glob("*.py")} - {"__init__.py"}
        assert modules, step
        assert all(name.startswith("_") for name in modules), (step, modules)
