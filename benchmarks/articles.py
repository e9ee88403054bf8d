"""Throughput of reading and article segmentation.

Run: ``.venv/bin/python benchmarks/articles.py [GLOB]`` (default: the shared corpus of
People's Daily pages, or the bundled sample when the corpus is absent). Prints MB/s for
decoding+normalising, for segmentation, and for both, with the article count.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from helpers.articles import split_articles
from helpers.paths import SAMPLE_BULLETIN, corpus_folder
from helpers.reading import read_bulletin


def main() -> None:
    corpus = corpus_folder("rmrb")
    if len(sys.argv) > 1:
        paths = sorted(Path().glob(sys.argv[1]))
    elif corpus is not None:
        paths = sorted(corpus.glob("*/*.txt"))
    else:
        paths = [SAMPLE_BULLETIN] * 200
    size_mb = sum(p.stat().st_size for p in paths) / 1e6

    started = time.perf_counter()
    texts = [(p.name, read_bulletin(p)) for p in paths]
    read_s = time.perf_counter() - started

    started = time.perf_counter()
    articles = sum(len(split_articles(text, name=name)) for name, text in texts)
    parse_s = time.perf_counter() - started

    print(f"files: {len(paths)}  size: {size_mb:.1f} MB  items: {articles}")
    print(f"read+normalise: {size_mb / read_s:6.1f} MB/s ({read_s:.2f} s)")
    print(f"segment:        {size_mb / parse_s:6.1f} MB/s ({parse_s:.2f} s)")
    print(f"both:           {size_mb / (read_s + parse_s):6.1f} MB/s")


if __name__ == "__main__":
    main()
