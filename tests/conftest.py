"""Shared fixtures: the bundled sample, the shared corpus, and the no-line-lost check."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from helpers.paths import CORPUS_DIR, CORPUS_ENV, SAMPLE_BULLETIN

DATA = Path(__file__).parent / "data"
CORPUS = CORPUS_DIR
_TEXT_FIELDS = ("kicker", "headline", "subtitle", "dateline", "body", "credit")


@pytest.fixture(scope="session")
def sample_path() -> Path:
    return SAMPLE_BULLETIN


@pytest.fixture(scope="session")
def corpus() -> Path:
    if not (CORPUS / "rmrb").is_dir():
        pytest.skip(f"shared corpus not found at {CORPUS} (set ${CORPUS_ENV} to its folder)")
    return CORPUS


def record_text(record: dict) -> str:
    parts = [str(record[f]) for f in _TEXT_FIELDS if isinstance(record.get(f), str)]
    parts += list(record.get("furniture") or []) + list(record.get("authors") or [])
    return re.sub(r"\s", "", "".join(parts))


def assert_no_line_lost(text: str, records: list[dict]) -> None:
    """Rows partition the non-blank lines, and each line's words are in its row."""
    lines = text.split("\n")
    non_blank = [n for n, line in enumerate(lines, start=1) if line.strip()]
    covered: list[int] = []
    previous_end = 0
    for record in records:
        start, end = record["start_line"], record["end_line"]
        assert previous_end < start <= end, f"rows overlap or run backwards at {record}"
        previous_end = end
        inside = [n for n in range(start, end + 1) if lines[n - 1].strip()]
        covered += inside
        haystack = record_text(record)
        for number in inside:
            for word in re.sub(r"^\s*#{1,6}\s", "", lines[number - 1]).split():
                assert word in haystack, (
                    f"line {number} word {word!r} missing from row {record['article_id']}"
                )
    assert covered == non_blank, "some non-blank lines are in no row"
