"""Packaging: py.typed shipped, the core imports without hypothesis, __all__ is complete."""

from __future__ import annotations

import importlib
import inspect
import re
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

    clause = re.compile(r"\b(?:C|D|E|A\d+)-\d+\b|GDPR|docs/design\.md")
    missing = []
    for name in protocol_share.__all__:
        value = getattr(protocol_share, name)
        # functions and classes; a vocabulary (a ``Literal`` alias) is documented by its field
        if inspect.isfunction(value) or inspect.isclass(value):
            doc = getattr(value, "__doc__", "") or ""
            if not clause.search(doc) and not issubclass_of_exception(value):
                missing.append(name)
    assert missing == []


def issubclass_of_exception(value: object) -> bool:
    return isinstance(value, type) and issubclass(value, BaseException)


def test_every_public_name_of_a_step_is_exported_from_protocol_share_once() -> None:
    from tests.docs_pages import API_SECTIONS, api_names

    by_module = api_names()
    for _, module in API_SECTIONS:
        exported = set(importlib.import_module(module).__all__)
        assert exported == set(by_module[module]), (
            f"{module}.__all__ names {sorted(exported - set(by_module[module]))}, which "
            "protocol_share.__all__ lacks: export them from protocol_share, or keep them private "
            "(import them from the private module)"
        )
    listed = [name for names in by_module.values() for name in names]
    assert sorted(listed) == sorted(set(protocol_share.__all__) - {"__version__"})


def test_the_guides_names_are_exported_from_protocol_share() -> None:
    guides = {
        "Step",
        "evaluate",
        "rules_for_article",
        "TRANSITIONS",
        "REFERRAL_CONTEXT_RAISE",
        "breach_notice_email",
        "quality_notice_email",
        "quality_answer_email",
        "termination_email",
        "legislation_change_email",
        "processor_change_email",
        "evidence_email",
        "CLAUSES",
        "clause",
    }
    assert guides <= set(protocol_share.__all__)


def test_the_guides_import_only_public_names() -> None:
    import re
    from pathlib import Path

    root = Path(__file__).parent.parent
    texts = [*(root / "docs").glob("*.md"), root / "README.md", *(root / "examples").rglob("*.py")]
    found = []
    for path in texts:
        text = path.read_text(encoding="utf-8")
        for module, names in re.findall(
            r"^(?:>>> )?\s*from (protocol_share[\w.]*) import ([\w ,()]+)$", text, re.M
        ):
            private = any(part.startswith("_") for part in module.split("."))
            names_ok = all(
                hasattr(importlib.import_module(module), n)
                for n in re.findall(r"\w+", names.replace(" as ", " "))
            )
            if private or not names_ok:
                found.append(f"{path.name}: from {module} import {names}")
    assert found == []


# The public contract (docs/design.md): names downstream systems import from protocol_share.
CONTRACT = [
    "TORHOUT",
    "Protocol",
    "Party",
    "DataItem",
    "Address",
    "ClientData",
    "minimise",
    "Minimised",
    "Consent",
    "Sender",
    "Recipient",
    "Referral",
    "check_referral",
    "check_onward_share",
    "Decision",
    "Reason",
    "pack",
    "Package",
    "ReferralRefused",
    "open_package",
    "ReceivedReferral",
    "PackageError",
    "WrongPassword",
    "NotEncrypted",
    "UnexpectedContent",
    "PackageTooLarge",
    "CorruptPackage",
    "generate_password",
    "RetentionCase",
    "retention_decision",
    "RetentionDecision",
    "BreachNotice",
    "authority_deadline",
    "enisa_severity",
    "QualityNotice",
    "processing_register_entry",
    "ProtocolShareError",
    "InvalidInput",
]


def test_the_public_contract_stays_importable_from_protocol_share() -> None:
    assert set(CONTRACT) <= set(protocol_share.__all__)
    for name in CONTRACT:
        assert getattr(protocol_share, name) is not None


def test_no_docstring_cites_a_file_the_repository_does_not_hold() -> None:
    from pathlib import Path

    root = Path(__file__).parent.parent
    absent = re.compile(r"\bDESIGN\.md\b|\bCLAUSES\.md\b|shared/protocol|\bDESIGN\b(?!_)")
    found = [
        f"{path.relative_to(root)}:{number}"
        for path in sorted((root / "src").rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if absent.search(line)
    ]
    assert found == [], (
        "cite the rules of the house as docs/design.md and clauses by id (docs/clauses.md); "
        "DESIGN.md and shared/protocol are not in the repository"
    )
