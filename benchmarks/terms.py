"""Discovered terms (data/lexicon/terms.txt): how long discovery takes, and whether the most
frequent counted words are still fragments of longer units once the segmenter loads them.

Run: ``.venv/bin/python benchmarks/terms.py [--top N]``. Needs the shared corpus
(``helpers.paths.corpus_folder``: rmrb and rmrb2026); where it is absent, says so and stops.

- Discovery time: ``helpers.terms.discover_from_folder`` over rmrb and rmrb2026, reading and
  parsing every page included, and the number of terms it finds (terms.txt is not rewritten).
- Fragments, BEFORE (the segmenter without terms.txt) and AFTER (with it): the N most
  frequent counted words (``helpers.topics.word_frequencies`` and ``word_totals`` over every
  news and photo item of both folders, default N = 100) and how many are fragments.

A top word w is a *fragment* when at least half of its occurrences as a token stand inside
one and the same longer run of tokens: a run of 2-4 adjacent tokens of the same segmentation
that contains w, whose other tokens are words (Chinese characters or letters, not a number,
not a stopword), and which therefore occurs at least half as often as w itself. 新质 is a
fragment of 新质 生产力; 习近平 is not a fragment when fewer than half its occurrences are
followed by the same word. The runs are counted over the token stream of each condition on
its own, from the text, and never looked up in terms.txt: a term that the list leaves out,
or a term whose own occurrences mostly continue the same way, still counts as a fragment
AFTER, so that number is not zero by construction.
"""

from __future__ import annotations

import argparse
import re
import time
from collections import Counter
from contextlib import contextmanager
from pathlib import Path

import pandas as pd

from helpers import BulletinError, parse_articles, terms, topics
from helpers.paths import CORPUS_DIR, corpus_folder

FOLDERS = ("rmrb", "rmrb2026")
SHARE = 0.5  # of a word's occurrences inside one longer run: a fragment
MAX_TOKENS = 4
_WORD = re.compile(r"[\u4e00-\u9fffA-Za-z]")
_NUMBER = re.compile(r"^[\d.,%]+")


def articles_table(folders: list[Path]) -> pd.DataFrame:
    """Every item of every page under the folders, numbered 1, 2... across them."""
    frames = []
    for folder in folders:
        for path in sorted(folder.rglob("*.txt")):
            try:
                frames.append(parse_articles(path))
            except BulletinError as error:
                print(f"skipped {path}: {error}")
    table = pd.concat(frames, ignore_index=True)
    return table.assign(article_id=range(1, len(table) + 1))


@contextmanager
def segmenter_with(terms_file: Path | None):
    """The process's segmenters rebuilt with ``terms_file`` as terms.txt (None: without)."""
    saved = topics.TERMS
    topics.TERMS = terms_file or Path("/nonexistent/terms.txt")
    _forget_segmenters()
    try:
        yield
    finally:
        topics.TERMS = saved
        _forget_segmenters()


def _forget_segmenters() -> None:
    """Drop the process's segmenters and what they cut or judged: the next use builds them."""
    topics._RJIEBA = topics._TOKENIZER = topics._POS_TOKENIZER = None
    for cache in (topics._RJIEBA_JUDGED, topics._RJIEBA_CONTENT, topics._JUDGED, topics._CONTENT):
        cache.clear()


def _is_word(token: str, stop: frozenset[str]) -> bool:
    return bool(_WORD.search(token)) and not _NUMBER.match(token) and token not in stop


def shares(texts: list[str], top_words: list[str]) -> list[tuple[str, float, str]]:
    """``(word, share, run)`` for each top word: the longer run it stands in most often and
    the share of its occurrences there, highest share first (fragments: ``share >= SHARE``)."""
    stop = topics.stopwords()
    wanted = set(top_words)
    seen: Counter[str] = Counter()
    runs: dict[str, Counter[tuple[str, ...]]] = {word: Counter() for word in top_words}
    cut = _cutter()
    for text in texts:
        tokens = cut(text)
        for at, token in enumerate(tokens):
            if token in wanted:
                seen[token] += 1
                runs[token].update(_runs_around(tokens, at, stop))
    found = []
    for word in top_words:
        if runs[word] and seen[word]:
            run, count = runs[word].most_common(1)[0]
            found.append((word, count / seen[word], "/".join(run)))
    return sorted(found, key=lambda row: row[1], reverse=True)


def _cutter():
    """The process's segmenter, as word counts use it."""
    if topics.default_segmenter() == "rjieba":
        return topics.rjieba_segmenter().cut
    return topics.tokenizer().lcut


def _runs_around(tokens: list[str], at: int, stop: frozenset[str]) -> set[tuple[str, ...]]:
    """The runs of 2..MAX_TOKENS tokens containing ``tokens[at]`` whose other tokens are words."""
    left = at
    while left > 0 and at - left < MAX_TOKENS - 1 and _is_word(tokens[left - 1], stop):
        left -= 1
    right = at
    last = len(tokens) - 1
    while right < last and right - at < MAX_TOKENS - 1 and _is_word(tokens[right + 1], stop):
        right += 1
    return {
        tuple(tokens[start:end])
        for start in range(left, at + 1)
        for end in range(at + 1, right + 2)
        if 2 <= end - start <= MAX_TOKENS
    }


def condition(name: str, articles: pd.DataFrame, texts: list[str], top: int) -> list[str]:
    """Count words, print the top words that are fragments and the nearest misses; returns
    the top words."""
    started = time.perf_counter()
    totals = topics.word_totals(topics.word_frequencies(articles))
    top_words = totals["word"].head(top).tolist()
    ranked = shares(texts, top_words)
    found = [row for row in ranked if row[1] >= SHARE]
    seconds = time.perf_counter() - started
    print(
        f"\n{name}: {len(found)} of the {top} most frequent words are fragments ({seconds:.1f} s)"
    )
    for word, share, run in found:
        print(f"  {word:<8} {share:4.0%} of its occurrences in {run}")
    nearest = ", ".join(f"{w} {s:.0%} ({run})" for w, s, run in ranked[len(found) : len(found) + 5])
    print(f"  nearest below {SHARE:.0%}: {nearest}")
    return top_words


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--top", type=int, default=100, help="most frequent words (default 100)")
    args = parser.parse_args()
    folders = [corpus_folder(name) for name in FOLDERS]
    if any(folder is None for folder in folders):
        print(f"shared corpus ({', '.join(FOLDERS)}) not found in {CORPUS_DIR}: skipped")
        return
    started = time.perf_counter()
    found = terms.discover_from_folder(*folders)
    seconds = time.perf_counter() - started
    listed = set(terms.read_terms(topics.TERMS)["word"]) if topics.TERMS.is_file() else set()
    print(f"discovery over {' + '.join(FOLDERS)}: {len(found)} terms in {seconds:.1f} s")
    print(f"terms.txt: {len(listed)} terms, {found['term'].isin(listed).sum()} of them found again")
    articles = articles_table(folders)
    articles = articles[articles["kind"] != "meta"]
    texts = [topics.article_text(row) for row in articles.itertuples(index=False)]
    print(f"{len(articles)} items, {sum(map(len, texts)) / 1e6:.1f} M characters")
    with segmenter_with(None):
        before = condition("BEFORE (without terms.txt)", articles, texts, args.top)
    with segmenter_with(topics.TERMS):
        after = condition("AFTER (with terms.txt)", articles, texts, args.top)
    print(f"\ntop {args.top} BEFORE only: {', '.join(w for w in before if w not in after)}")
    print(f"top {args.top} AFTER only: {', '.join(w for w in after if w not in before)}")


if __name__ == "__main__":
    main()
