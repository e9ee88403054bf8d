"""Archive throughput on the shared corpus, beside bare jieba.lcut on the same text.

Run: ``.venv/bin/python benchmarks/archive.py [GLOB] [--workers N]``. Prints MB/s for each
stage on one core (reading+parsing, figures, word frequencies with rjieba and with jieba,
entities, and what entities add to a ``--words`` run),
for the whole pipeline through ``load_archive`` on every core (cache off), the ratio of
that to bare ``jieba.lcut`` on one core, and peak memory (largest process, resident).
"""

from __future__ import annotations

import argparse
import logging
import resource
import subprocess
import sys
import time

import jieba

from helpers.archive import find_bulletins
from helpers.articles import split_articles
from helpers.entities import entity_rows
from helpers.figures import figure_rows
from helpers.paths import RAW_DIR, corpus_folder
from helpers.reading import read_bulletin
from helpers.topics import article_word_columns


def timed(run):
    started = time.perf_counter()
    result = run()
    return time.perf_counter() - started, result


def main() -> None:
    parser = argparse.ArgumentParser()
    corpus = corpus_folder("rmrb")
    parser.add_argument("source", nargs="?", default=str(corpus if corpus is not None else RAW_DIR))
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument(
        "--sample-every",
        type=int,
        default=8,
        help="one-core stage timings use every Nth file (default 8)",
    )
    parser.add_argument(
        "--repeat",
        type=int,
        default=2,
        help="time bare jieba.lcut and the whole pipeline this many times; best counts",
    )
    args = parser.parse_args()
    paths = find_bulletins(args.source)
    size_mb = sum(p.stat().st_size for p in paths) / 1e6
    some = paths[:: args.sample_every]
    some_mb = sum(p.stat().st_size for p in some) / 1e6
    print(
        f"{len(paths)} files, {size_mb:.1f} MB; "
        f"one-core stages on {len(some)} files, {some_mb:.1f} MB"
    )

    seconds, texts = timed(lambda: [(p.name, read_bulletin(p)) for p in some])
    parse_seconds, records = timed(lambda: [split_articles(t, name=n) for n, t in texts])
    print(f"read:                    {some_mb / seconds:7.2f} MB/s")
    print(f"parse:                   {some_mb / parse_seconds:7.2f} MB/s")
    figure_seconds, _ = timed(lambda: [figure_rows(page) for page in records])
    print(f"figures:                 {some_mb / figure_seconds:7.2f} MB/s")
    word_seconds = {}
    for segmenter in ("rjieba", "jieba"):
        word_seconds[segmenter], _ = timed(
            lambda segmenter=segmenter: [
                article_word_columns(page, segmenter=segmenter) for page in records
            ]
        )
        print(f"word counts ({segmenter}): {some_mb / word_seconds[segmenter]:7.2f} MB/s")
    entity_rows(records[0])  # load the gazetteer and the dictionary's codes before timing
    entity_seconds = sum(map(entity_seconds_after_words, records))
    print(f"entities:                {some_mb / entity_seconds:7.2f} MB/s")
    words_run = seconds + parse_seconds + figure_seconds + word_seconds["rjieba"]
    print(
        f"entities add {entity_seconds / words_run:.0%} to a --words run on one core "
        f"({entity_seconds:.2f} s to {words_run:.2f} s of reading, parsing, figures and words)"
    )
    logging.getLogger("jieba").setLevel(logging.WARNING)
    jieba.lcut("预热")  # load the dictionary before timing
    lcut_seconds = min(
        timed(lambda: [jieba.lcut(t) for _, t in texts])[0] for _ in range(args.repeat)
    )
    lcut = some_mb / lcut_seconds
    print(f"bare jieba.lcut:         {lcut:7.2f} MB/s (one core, best of {args.repeat})")

    seconds, summary, runs = whole_pipeline(args, entities=False)
    whole = size_mb / seconds
    print(
        "whole pipeline (load_archive, words, every core, no cache): "
        f"{whole:.2f} MB/s, {seconds:.1f} s "
        f"(best of {', '.join(f'{s:.1f}' for s in runs)} s) -> {summary}"
    )
    print(f"ratio to bare jieba.lcut on one core: {whole / lcut:.1f}x")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak memory of the pipeline (largest process): {peak:.0f} MB")
    with_names, summary, runs = whole_pipeline(args, entities=True)
    print(
        "the same with entities (words and names): "
        f"{size_mb / with_names:.2f} MB/s, {with_names:.1f} s "
        f"(best of {', '.join(f'{s:.1f}' for s in runs)} s): "
        f"entities add {with_names / seconds - 1:.0%} -> {summary}"
    )
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak memory with names (largest process so far): {peak:.0f} MB")


def entity_seconds_after_words(page) -> float:
    """The time names take on a page read just after its words, as the archive reads it
    (the names read the cut the word counts made)."""
    article_word_columns(page)
    return timed(lambda: entity_rows(page))[0]


def whole_pipeline(args, *, entities: bool) -> tuple[float, str, list[float]]:
    """The best time of ``load_archive`` with words (and names) over the source, each run in
    a fresh process (cold: nothing loaded, nothing cached), so its time includes starting
    the workers and its peak memory is its own."""
    code = (
        "import sys, time; from helpers.archive import load_archive; t = time.perf_counter(); "
        f"a = load_archive({args.source!r}, words=True, entities={entities!r}, "
        f"workers={args.workers!r}, cache_dir=None, progress=False); "
        "print(time.perf_counter() - t); print(repr(a))"
    )
    runs = []
    for _ in range(args.repeat):
        output = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        ).stdout
        runs.append((float(output.split("\n")[0]), output.split("\n")[1]))
    seconds, summary = min(runs)
    return seconds, summary, [s for s, _ in runs]


if __name__ == "__main__":
    main()
