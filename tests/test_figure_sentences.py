"""Money and growth figures of each hand-labelled corpus sentence, one case per sentence.

The labelled sets are tests/figures_gold.py (seed 11, the development set) and
tests/figures_heldout.py (seeds 23 and 37, held out). Each label is (text, kind, value):
money in yuan or the currency's base unit, growth and percentage points as signed per cent.
A failing case names its seed and index; the message shows the sentence.
"""

from __future__ import annotations

import pytest
from figures_gold import GOLD
from figures_heldout import HELD_OUT, HELD_OUT_2

from helpers.figures import figures_from_text

LABELLED = {"seed11": GOLD, "seed23": HELD_OUT, "seed37": HELD_OUT_2}
LABELLED_KINDS = ("money", "growth", "pp")
KNOWN_MISSES: dict[str, str] = {}  # case id → why the extractor gets it wrong (none today)


def found(sentence: str) -> list[tuple[str, str, float]]:
    """The money, growth and percentage-point figures of a sentence, as the labels write them."""
    return [
        (f["text"], f["kind"], f["amount"] if f["kind"] == "money" else f["pct"])
        for f in figures_from_text(sentence)
        if f["kind"] in LABELLED_KINDS
    ]


def _case(seed: str, index: int, sentence: str, labels: list):
    case_id = f"{seed}-{index:02d}"
    reason = KNOWN_MISSES.get(case_id)
    marks = pytest.mark.xfail(strict=True, reason=reason) if reason else ()
    return pytest.param(sentence, labels, marks=marks, id=case_id)


CASES = [
    _case(seed, index, sentence, labels)
    for seed, labelled in LABELLED.items()
    for index, (sentence, labels) in enumerate(labelled)
]


@pytest.mark.parametrize(("sentence", "labels"), CASES)
def test_sentence_figures_match_their_labels(sentence, labels):
    got = found(sentence)
    assert [(text, kind) for text, kind, _ in got] == [(t, k) for t, k, _ in labels], sentence
    assert [value for _, _, value in got] == pytest.approx([v for _, _, v in labels], rel=1e-9)


def test_every_labelled_set_is_loaded():
    sizes = {
        seed: (len(rows), sum(len(labels) for _, labels in rows)) for seed, rows in LABELLED.items()
    }
    assert sizes == {"seed11": (37, 52), "seed23": (28, 28), "seed37": (26, 34)}


def _counts(labelled) -> tuple[int, int, int]:
    """True positives, false positives and false negatives over a set, growth and pp as one."""
    tp = fp = fn = 0
    for sentence, labels in labelled:
        remaining = [_comparable(label) for label in labels]
        for figure in map(_comparable, found(sentence)):
            if figure in remaining:
                remaining.remove(figure)
                tp += 1
            else:
                fp += 1
        fn += len(remaining)
    return tp, fp, fn


def _comparable(figure: tuple[str, str, float]) -> tuple[str, str, float]:
    text, kind, value = figure
    return text, "money" if kind == "money" else "growth", round(value, 4)


@pytest.mark.parametrize("seed", list(LABELLED))
def test_precision_and_recall_summary(seed):
    tp, fp, fn = _counts(LABELLED[seed])
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    assert precision >= 0.95 and recall >= 0.95, (seed, precision, recall)
