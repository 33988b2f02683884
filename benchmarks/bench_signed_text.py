"""Benchmark: scanning a signed text for cross-references that point to nothing (D-1).

Run ``python benchmarks/bench_signed_text.py [CHARS]`` (default: ``MAX_SIGNED_TEXT_CHARS``,
one million). It times :func:`lint_signed_text` on texts of that size, side by side:

- ``realistic``: protocol articles (headings, numbered points, references with and without
  a target, references to other acts), repeated to the size;
- hostile texts built to make a regular expression backtrack or a scan go quadratic: one
  long run of whitespace after "artikel", "zie" and "in bijlage" again and again, an article
  of many points, many references to the points of a long article, a dangling reference on every line, many headings, one line per character.

It prints the time per 1000 characters and each text's ratio to the realistic one. Targets:
every hostile text within 10 times the realistic one per character (the scan stays linear),
and none over 10 s at the size limit. A text over the limit is refused at once (one error
finding); its time is printed too. The exit code is 1 when a target is missed.
"""

from __future__ import annotations

import sys
import time

from protocol_share import MAX_SIGNED_TEXT_CHARS, lint_signed_text

TARGET_RATIO = 10.0
TARGET_SECONDS = 10.0

ARTICLE = """\
Artikel {n}: Bepaling {n}

De gegevens vermeld in artikel 1 worden bewaard (zie lager, artikel {n}) volgens
artikel 7 van het decreet van 30 april 2004 en artikel 28 van de algemene verordening
gegevensbescherming. De cliënt moet voldoende geïnformeerd zijn (zie lager) en de
samenwerkingsovereenkomst staat in bijlage 1.
1° het verhogen van de toegang tot de sociale hulp- en dienstverlening;
2° het tegengaan van onderbescherming, vermeld in artikel 1, 2°.

"""


def realistic(size: int) -> str:
    parts, length, n = [], 0, 1
    while length < size:
        part = ARTICLE.format(n=n % 999 + 1)
        parts.append(part)
        length += len(part)
        n += 1
    return "".join(parts)[:size]


def fill(unit: str, size: int, head: str = "", tail: str = "") -> str:
    body = size - len(head) - len(tail)
    return head + unit * (body // len(unit)) + tail


def texts(size: int) -> dict[str, str]:
    return {
        "realistic": realistic(size),
        "whitespace after artikel": fill(" ", size, head="artikel", tail="x"),
        "zie zie zie": fill("zie ", size),
        "in bijlage, no annex": fill("in bijlage ", size),
        "one article, many points": fill("1° x\n", size, head="Artikel 1:\n", tail="artikel 1, 2°"),
        "dangling on every line": fill("(zie lager)\n", size),
        "many references to its points": fill(
            "artikel 1, 2°\n", size, head="Artikel 1:\n" + "1° x\n" * (size // 10)
        ),
        "a heading on every line": fill("Artikel 1:\n", size, tail="zie lager, artikel 1"),
        "newlines only": fill("\n", size),
        "artikel 3, no articles": fill("artikel 3 ", size),
    }


def timed(text: str) -> tuple[float, int]:
    start = time.perf_counter()
    findings = lint_signed_text(text)
    return time.perf_counter() - start, len(findings)


def main(size: int) -> int:
    print(
        f"lint_signed_text on texts of {size:,} characters (one run each, under load as measured)"
    )
    base, base_findings = timed(texts(size)["realistic"])
    per_k = base / size * 1000
    print(f"{'text':30} {'seconds':>8} {'us/1000 ch':>11} {'ratio':>6} {'findings':>9}")
    print(f"{'realistic':30} {base:8.3f} {per_k * 1e6:11.1f} {1.0:6.2f} {base_findings:9,}")
    missed = []
    for name, text in texts(size).items():
        if name == "realistic":
            continue
        seconds, count = timed(text)
        ratio = seconds / base
        print(f"{name:30} {seconds:8.3f} {seconds / size * 1e9:11.1f} {ratio:6.2f} {count:9,}")
        if ratio > TARGET_RATIO or seconds > TARGET_SECONDS:
            missed.append(name)
    over = "zie lager " * (MAX_SIGNED_TEXT_CHARS // 10 + 1)
    seconds, count = timed(over)
    print(f"{'over the limit (refused)':30} {seconds:8.6f} {'':>11} {'':>6} {count:9,}")
    if missed:
        print(
            f"MISSED (over {TARGET_RATIO:g}x realistic or {TARGET_SECONDS:g} s): {', '.join(missed)}"
        )
        return 1
    print(f"every hostile text within {TARGET_RATIO:g}x the realistic one per character")
    return 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else MAX_SIGNED_TEXT_CHARS))
