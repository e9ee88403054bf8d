"""Draw the figures whose subjects are labelled by hand (tests/data/figure_subjects_rmrb.csv).

Run: ``.venv/bin/python scripts/sample_figure_subjects.py [--show]``. Every figure of kind
money, growth or percent that ``extract_figures`` finds on the People's Daily pages of
``CORPUS_DIR/rmrb`` is a candidate; a seeded random draw takes 60 money, 50 growth and 40
percent figures, each from a different page paragraph. A row locates its figure without
copying the corpus: the page file, the line of that file, the figure as written and which
occurrence of it on that line (0 for the first). ``--show`` prints each labelled row's line
with the figure in 【】, to label or check by eye.
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from pathlib import Path

from helpers.articles import parse_articles
from helpers.figures import extract_figures
from helpers.paths import PROJ_ROOT, corpus_folder
from helpers.reading import normalize_text, read_bulletin

OUT = PROJ_ROOT / "tests" / "data" / "figure_subjects_rmrb.csv"
QUOTA = {"money": 60, "growth": 50, "percent": 40}
SEED = 20261126
FIELDS = ["file", "line", "text", "occurrence", "kind", "subject", "also"]


def candidates(folder: Path) -> dict[str, list[dict]]:
    found: dict[str, list[dict]] = {kind: [] for kind in QUOTA}
    for path in sorted(folder.glob("*/*.txt")):
        text = read_bulletin(path)
        lines = normalize_text(text).split("\n")  # the text the figures were read from
        articles = parse_articles(text)
        bodies = dict(zip(articles["article_id"], articles["body"], strict=True))
        for row in extract_figures(articles, kinds=list(QUOTA)).itertuples():
            located = _locate(lines, bodies[row.article_id], row)
            if located is not None:
                number, occurrence = located
                found[row.kind].append(
                    {
                        "file": path.name,
                        "line": number,
                        "text": row.text,
                        "kind": row.kind,
                        "occurrence": occurrence,
                    }
                )
    return found


def _locate(lines: list[str], body: str, row) -> tuple[int, int] | None:
    """The line of the page a figure stands on, and which occurrence of its text it is."""
    sentence = row.sentence
    sentence_start = body.rfind(sentence, 0, row.start + len(sentence))
    if sentence_start < 0:
        return None
    inside = row.start - sentence_start
    for number, line in enumerate(lines, 1):
        at = line.find(sentence)
        if at >= 0:
            return number, line[: at + inside].count(row.text)
    return None


def draw(found: dict[str, list[dict]]) -> list[dict]:
    rng, rows, used = random.Random(SEED), [], set()
    for kind, quota in QUOTA.items():
        pool = found[kind][:]
        rng.shuffle(pool)
        for row in pool:
            key = (row["file"], row["line"])
            if key in used:
                continue
            used.add(key)
            rows.append({**row, "subject": "", "also": ""})
            if sum(r["kind"] == kind for r in rows) == quota:
                break
    return rows


def show(folder: Path) -> None:
    """Each labelled row's line, its figure in 【】 (read as benchmarks/subjects.py does)."""
    sys.path.insert(0, str(PROJ_ROOT / "benchmarks"))
    from subjects import labelled, page_line

    for n, row in enumerate(labelled(), 1):
        line = page_line(folder, row["file"], int(row["line"]))
        at = -1
        for _ in range(int(row["occurrence"]) + 1):
            at = line.find(row["text"], at + 1)
        marked = line[:at] + "【" + row["text"] + "】" + line[at + len(row["text"]) :]
        print(f"{n} {row['kind']} subject={row['subject']!r} also={row['also']!r}\n  {marked}\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--show", action="store_true")
    args = parser.parse_args()
    folder = corpus_folder("rmrb")
    if folder is None:
        raise SystemExit("no rmrb corpus: set BULLETIN_CORPUS")
    if args.show:
        show(folder)
        return
    rows = draw(candidates(folder))
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=FIELDS)
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {len(rows)} rows to {OUT}")


if __name__ == "__main__":
    main()
