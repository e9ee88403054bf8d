"""Figure extraction speed beside JioNLP's extract_money, on the same article bodies.

Run: ``make bench`` (installs JioNLP into .venv for this script only; it is not a
dependency of the package), or ``.venv/bin/python benchmarks/figures.py [MB]``.
Bodies come from the shared corpus of People's Daily pages (the bundled sample, repeated,
where the corpus is absent); MB (default 1) caps the text both extractors get. Each
timing is the best of five runs, so a busy machine disturbs the ratio less.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pandas as pd

from helpers.articles import split_articles
from helpers.figures import extract_figures, figures_from_text
from helpers.numbers import split_magnitude, to_number
from helpers.paths import SAMPLE_BULLETIN, corpus_folder
from helpers.reading import read_bulletin

REPEATS = 5


def bodies(limit_mb: float) -> list[str]:
    corpus = corpus_folder("rmrb")
    paths = sorted(corpus.glob("*/*.txt")) if corpus is not None else [SAMPLE_BULLETIN] * 400
    out: list[str] = []
    size = 0
    for path in paths:
        for record in split_articles(read_bulletin(path), name=path.name):
            if record["kind"] != "meta" and record["body"]:
                out.append(record["body"])
                size += len(record["body"].encode("utf-8"))
                if size >= limit_mb * 1e6:
                    return out
    return out


def best_seconds(run) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(REPEATS):
        to_number.cache_clear()  # each run starts cold: no numeral is known yet
        split_magnitude.cache_clear()
        started = time.perf_counter()
        result = run()
        best = min(best, time.perf_counter() - started)
    return best, result


def accuracy() -> None:
    """The pass rates on the peers' own test cases and the subjects of the labelled corpus
    figures (benchmarks/peer_specs.py and benchmarks/subjects.py), beside the speed."""
    import peer_specs
    import subjects

    if peer_specs.peer_folder() is None:
        print(f"peer specs not found at {peer_specs.PEER_DIR}: pass rates skipped")
    for suite in peer_specs.SUITES if peer_specs.peer_folder() else ():
        result = peer_specs.score(suite)
        print(f"peer suite {suite}: {result.passed}/{result.applicable} pass, {result.rate:.2f}")
    folder = corpus_folder("rmrb")
    if folder is not None:
        right, total, _misses = subjects.score(folder)
        print(f"subjects of {total} labelled corpus figures right: {right / total:.2f}")


def main() -> None:
    sys.path.insert(0, str(Path(__file__).parent))
    accuracy()
    limit = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
    texts = bodies(limit)
    size_mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    articles = pd.DataFrame({"article_id": range(1, len(texts) + 1), "kind": "news", "body": texts})
    print(f"text: {len(texts)} article bodies, {size_mb:.2f} MB; best of {REPEATS} runs")

    seconds, records = best_seconds(lambda: [f for t in texts for f in figures_from_text(t)])
    money = sum(1 for f in records if f["kind"] == "money")
    print(
        f"helpers figures_from_text (records):  {size_mb / seconds:7.2f} MB/s  "
        f"({len(records)} figures, {money} money)"
    )
    frame_seconds, frame = best_seconds(lambda: extract_figures(articles))
    print(
        "helpers extract_figures, all kinds:    "
        f"{size_mb / frame_seconds:7.2f} MB/s  ({len(frame)} figures)"
    )
    money_seconds, money_frame = best_seconds(lambda: extract_figures(articles, kinds=["money"]))
    print(
        "helpers extract_figures, money:        "
        f"{size_mb / money_seconds:7.2f} MB/s  ({len(money_frame)} money)"
    )
    try:
        import jionlp
    except ImportError:
        print("JioNLP not installed: `make bench` installs it for this comparison")
        return
    jio_seconds, found = best_seconds(
        lambda: [m for t in texts for m in jionlp.ner.extract_money(t, with_parsing=True)]
    )
    print(
        "jionlp.ner.extract_money:              "
        f"{size_mb / jio_seconds:7.2f} MB/s  ({len(found)} money)"
    )
    print(f"speed-up, money beside money:          {jio_seconds / money_seconds:.1f}x")
    print(f"speed-up, all six kinds beside money:  {jio_seconds / frame_seconds:.1f}x")


if __name__ == "__main__":
    main()
