"""The subjects of figures against hand labels (tests/data/figure_subjects_rmrb.csv).

Run: ``.venv/bin/python benchmarks/subjects.py [--show-misses]``. The 150 figures were drawn
at random from the People's Daily corpus by ``scripts/sample_figure_subjects.py`` (60 money,
50 growth, 40 percent, one per paragraph) and their subjects labelled by hand: the noun phrase
the figure measures, as written, with other acceptable answers. A figure's subject is right
when it is the label or one of the acceptable answers (an empty subject is right where the
label is empty). Each figure is read from its page line, as the article body holds it. Also
prints the share of the corpus's money, growth and percent figures that have a subject, and
the share of money figures in ``other``.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

from helpers.figures import figures_from_text
from helpers.paths import PROJ_ROOT, corpus_folder
from helpers.reading import normalize_text, read_bulletin

LABELS = PROJ_ROOT / "tests" / "data" / "figure_subjects_rmrb.csv"


def labelled() -> list[dict]:
    with LABELS.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def page_line(folder: Path, name: str, number: int) -> str:
    text = normalize_text(read_bulletin(next(folder.glob(f"*/{name}"))))
    return text.split("\n")[number - 1].strip()


def found_subject(row: dict, line: str) -> tuple[bool, str | None]:
    """Whether the labelled figure is found on its line, and its subject."""
    figures = [f for f in figures_from_text(line) if f["text"] == row["text"]]
    index = int(row["occurrence"])
    if index >= len(figures):
        return False, None
    return True, figures[index]["subject"]


def judge(row: dict, subject: str | None) -> bool:
    accepted = {row["subject"], *filter(None, row["also"].split("|"))} - {"NONE"}
    if not row["subject"]:
        return not subject or subject in accepted
    return subject in accepted


def score(folder: Path) -> tuple[int, int, list[str]]:
    right, misses = 0, []
    rows = labelled()
    for row in rows:
        line = page_line(folder, row["file"], int(row["line"]))
        found, subject = found_subject(row, line)
        if found and judge(row, subject):
            right += 1
        else:
            where = line.find(row["text"])
            context = line[max(0, where - 30) : where + len(row["text"]) + 8]
            misses.append(
                f"{row['kind']:<8} {row['text']:<12} got {subject!r:<16} want {row['subject']!r}"
                f"  …{context}…"
            )
    return right, len(rows), misses


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--show-misses", action="store_true")
    args = parser.parse_args()
    folder = corpus_folder("rmrb")
    if folder is None:
        sys.exit("no rmrb corpus: nothing to measure")
    right, total, misses = score(folder)
    print(f"subjects right on {right}/{total} labelled figures: {right / total:.2f}")
    if args.show_misses:
        print("\n".join(misses))


if __name__ == "__main__":
    main()
