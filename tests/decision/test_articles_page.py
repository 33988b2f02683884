"""docs/articles.md lists, per article, the rules as the code has them (verbatim)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from protocol_share.decision import (
    ONWARD_RULES,
    REFERRAL_RULES,
    Rule,
    rules_for_article,
    rules_markdown,
)

PAGE = (Path(__file__).parents[2] / "docs" / "articles.md").read_text(encoding="utf-8")
ARTICLES = ("C", "A3", "A4", "A5", "A6", "A8", "A11")
ALL_RULES: tuple[Rule[Any], ...] = (*REFERRAL_RULES, *ONWARD_RULES)
# A row both tables hold is listed once.
PAGE_RULES: tuple[Rule[Any], ...] = (
    *REFERRAL_RULES,
    *(rule for rule in ONWARD_RULES if rule.code not in {r.code for r in REFERRAL_RULES}),
)


@pytest.mark.parametrize("article", ARTICLES)
def test_each_article_lists_its_rules_verbatim_from_the_table(article: str) -> None:
    rows = rules_for_article(PAGE_RULES, article)
    assert rows, article
    assert rules_markdown(rows) in PAGE, f"docs/articles.md is stale for {article}"


def test_every_rule_appears_under_some_article() -> None:
    covered = {rule.code for article in ARTICLES for rule in rules_for_article(ALL_RULES, article)}
    assert covered == {rule.code for rule in ALL_RULES}


def test_rules_for_article_matches_clause_prefixes_exactly() -> None:
    assert all(
        rule.clause.startswith("A1") or "A1" not in rule.clause
        for rule in rules_for_article(REFERRAL_RULES, "A11")
    )
    assert rules_for_article(REFERRAL_RULES, "A1") == ()
