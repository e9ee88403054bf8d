"""Money extraction on other projects' own test cases (``../shared/peer-specs/``).

Run: ``.venv/bin/python benchmarks/peer_specs.py [--show-failures]``. Each suite's cases are
judged as ``peer-specs/README.md`` says: a case passes when every expected amount is found
(same currency, same amount within half a cent, sign included; both ends of a range; for a
vague amount at least one row, each inside the peer's interval) and no other money row is
left over. Rows are matched to an expected amount by where they stand in the text (a row
overlapping the expected text is that amount's), else by value. Cases marked ``na`` (outside a
newspaper-figures extractor) are run but not counted. The text goes through
``helpers.reading.normalize_text`` first, as every bulletin does.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

from helpers.figures import figures_from_text
from helpers.paths import CORPUS_DIR
from helpers.reading import normalize_text

PEER_DIR = CORPUS_DIR.parent / "peer-specs"
SUITES = ("recognizers_currency_zh", "jionlp_money")
HALF_CENT = 0.005


def peer_folder() -> Path | None:
    """The peer-specs folder beside the corpus, or None where it is absent."""
    return PEER_DIR if (PEER_DIR / f"{SUITES[0]}.json").is_file() else None


def load_suite(name: str) -> list[dict]:
    return json.loads((PEER_DIR / f"{name}.json").read_text(encoding="utf-8"))["cases"]


def money_rows(text: str) -> list[dict]:
    return [row for row in figures_from_text(text) if row["kind"] == "money"]


def _span(text: str, expected: str) -> tuple[int, int] | None:
    at = text.find(normalize_text(expected))
    return (at, at + len(normalize_text(expected))) if at >= 0 else None


def _same(row: dict, value: float, currency: str | None) -> bool:
    amount = row["amount"]
    return row["currency"] == currency and amount is not None and abs(amount - value) <= HALF_CENT


def _item_passes(item: dict, rows: list[dict]) -> str | None:
    """Why the rows found for one expected amount do not pass, or None."""
    value, currency = item["value"], item.get("currency")
    if item.get("vague"):
        low, high = value
        inside = [r for r in rows if r["currency"] == currency and low <= r["amount"] <= high]
        return None if rows and len(inside) == len(rows) else f"{item['text']}: not inside {value}"
    wanted = value if item.get("range") else [value]
    missing = [v for v in wanted if not any(_same(r, v, currency) for r in rows)]
    if missing:
        return f"{item['text']}: no {currency} row of {missing}"
    if len(rows) > len(wanted):
        return f"{item['text']}: {len(rows) - len(wanted)} row(s) too many"
    return None


def _rows_for(text: str, item: dict, rows: list[dict], claimed: set[int]) -> list[int]:
    span = _span(text, item["text"])
    if span is not None:
        return [i for i, r in enumerate(rows) if r["start"] < span[1] and r["end"] > span[0]]
    values = item["value"] if isinstance(item["value"], list) else [item["value"]]
    return [
        i
        for i, r in enumerate(rows)
        if i not in claimed
        and r["amount"] is not None
        and any(abs(r["amount"] - v) <= HALF_CENT for v in values if v is not None)
    ]


def judge(case: dict) -> str | None:
    """Why a case fails, or None when it passes."""
    text = normalize_text(case["input"])
    rows, claimed = money_rows(text), set()
    for item in case["expected"]:
        mine = _rows_for(text, item, rows, claimed)
        claimed.update(mine)
        if item.get("optional"):
            continue
        problem = _item_passes(item, [rows[i] for i in mine])
        if problem:
            return problem
    leftover = [rows[i]["text"] for i in range(len(rows)) if i not in claimed]
    return f"left over: {leftover}" if leftover else None


@dataclass
class Score:
    suite: str
    passed: int = 0
    applicable: int = 0
    failures: list[str] = field(default_factory=list)

    @property
    def rate(self) -> float:
        return self.passed / self.applicable if self.applicable else float("nan")


def score(suite: str) -> Score:
    result = Score(suite)
    for case in load_suite(suite):
        problem = judge(case)
        if "na" in case:
            continue
        result.applicable += 1
        result.passed += problem is None
        if problem:
            result.failures.append(f"{case['id']:>3} {case['input'][:40]!r}: {problem}")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--show-failures", action="store_true")
    args = parser.parse_args()
    if peer_folder() is None:
        sys.exit(f"no peer specs at {PEER_DIR}: nothing to measure")
    for suite in SUITES:
        result = score(suite)
        print(
            f"{suite:<26} {result.passed}/{result.applicable} applicable cases pass: "
            f"{result.rate:.2f}"
        )
        if args.show_failures:
            print("\n".join("    " + failure for failure in result.failures))


if __name__ == "__main__":
    main()
