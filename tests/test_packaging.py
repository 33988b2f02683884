"""Packaging: py.typed shipped, the core imports without hypothesis, __all__ is complete."""

from __future__ import annotations

import subprocess
import sys
from importlib import resources

import protocol_share


def test_py_typed_is_shipped() -> None:
    assert resources.files("protocol_share").joinpath("py.typed").is_file()


def test_importing_the_core_never_imports_hypothesis() -> None:
    code = "import sys, protocol_share; print('hypothesis' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_every_exported_name_exists_and_init_defines_nothing() -> None:
    for name in protocol_share.__all__:
        value = getattr(protocol_share, name)
        module = getattr(value, "__module__", "protocol_share._version")
        assert module != "protocol_share", name
    assert sorted(protocol_share.__all__) == sorted(set(protocol_share.__all__))


def test_every_public_function_and_model_cites_a_clause() -> None:
    import re

    clause = re.compile(r"\b(?:C|D|E|A\d+)-\d+\b|GDPR|DESIGN")
    missing = []
    for name in protocol_share.__all__:
        value = getattr(protocol_share, name)
        if callable(value) and not isinstance(value, type(protocol_share.TORHOUT)):
            doc = getattr(value, "__doc__", "") or ""
            if not clause.search(doc) and not issubclass_of_exception(value):
                missing.append(name)
    assert missing == []


def issubclass_of_exception(value: object) -> bool:
    return isinstance(value, type) and issubclass(value, BaseException)
