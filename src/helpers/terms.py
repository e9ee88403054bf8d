"""Terms: multi-word terms a corpus uses and the segmenter cuts apart, found by statistics.

jieba's dictionary lags behind the news: it cuts 新质生产力 into 新质 + 生产力, so word
counts show two fragments where the text has one term. ``discover_terms(texts)`` proposes
runs of 2-4 adjacent tokens that behave like one word, by the standard statistics of
new-word discovery:

- frequency: the run occurs at least :data:`MIN_COUNT` times;
- cohesion: its tokens occur together far more often than chance would have them, by the
  pointwise mutual information (PMI) of its weakest split into two parts;
- freedom: what stands on its left and on its right varies, as it does around a word (the
  entropy of the neighbouring characters), while a fragment of a longer unit is nearly
  always completed by the same character.

Candidates are runs of *pieces*: tokens with Chinese characters or letters that are not
numbers, not stopwords (:func:`helpers.topics.stopwords`) and not the analyst's words (of
``userdict.txt`` and the topic lexicon ``topics.csv``). Punctuation, digits, numerals and
stopwords end a run, so none stands at a term's edge, nor inside it: a run holding 的, 和 or
了 is a phrase, not a term. The analyst's words keep the counts the analyst chose them for (a
term 重庆医科大学 would take occurrences from 医科大学, 小微企业 from the topic word 企业).
Numerals are digits (三, and quantities such as 两国). A term may not open as a predicate
does (with a verb or an adverb: :data:`PHRASE_OPENERS`), nor be an address of place names
only (湖南浏阳: the entities roll places up one by one). Discovery
cuts with the segmenter as it is without ``terms.txt`` (:func:`base_segmenter`), so running
it again proposes the same list, not only what the last list missed.

``candidate_terms`` scores every frequent run; ``discover_terms`` keeps those past the
thresholds and drops a term found inside a longer one that accounts for nearly all its
occurrences. ``discover_from_folder(folder, ...)`` reads every bulletin file under the folders
with :func:`helpers.articles.parse_articles` and discovers over the articles' text;
``write_terms`` writes the list as ``data/lexicon/terms.txt`` (``word freq tag`` lines, the
format of ``userdict.txt``), which :mod:`helpers.topics` loads after ``userdict.txt``.
Regenerate it with ``python -m helpers.terms FOLDER... -o data/lexicon/terms.txt``.
"""

from __future__ import annotations

import argparse
import logging
import re
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from . import topics
from .articles import parse_articles
from .cache import cache_dir
from .errors import BulletinError

__all__ = [
    "MIN_COUNT",
    "MIN_NPMI",
    "MIN_ENTROPY",
    "MAX_TOKENS",
    "TERM_TAG",
    "TERM_COLUMNS",
    "PHRASE_OPENERS",
    "base_segmenter",
    "candidate_terms",
    "discover_terms",
    "bulletin_texts",
    "discover_from_folder",
    "write_terms",
    "read_terms",
]

log = logging.getLogger(__name__)

# The frequency floor. Below five occurrences PMI is unreliable: one chance co-occurrence
# of two rare tokens scores as high as a term (Church & Hanks 1990 set the same floor), and
# the neighbours of n occurrences cannot have more than log2(n) bits of entropy.
MIN_COUNT = 5
# Cohesion as normalised PMI (Bouma 2009): PMI divided by -log2 p(run), so 0 is chance and 1
# means the parts never occur apart. Raw PMI grows as counts fall (a run of rare tokens seen
# five times scores higher than a common term), and normalising removes that bias. 0.5 is
# halfway, on the log scale, between chance and parts that occur only together: the run is
# seen at least p(run)^-1/2 times as often as chance predicts.
MIN_NPMI = 0.5
# Freedom: at least one bit of entropy on each side, as uncertain as a fair coin. A fragment
# whose neighbour is always the same character has none. Not more: in news text a word's
# neighbours are few (的, 和, punctuation). Over the shared rmrb corpus, 13% of the words
# jieba's dictionary keeps whole (two characters or more, seen five times or more) have less
# than 1 bit on one side, and 40% less than 2 bits.
MIN_ENTROPY = 1.0
# Tokens in a run: a word cut into more than four pieces is rare; longer runs are phrases.
MAX_TOKENS = 4
# The tag written to terms.txt: another noun (nz), as for ``extra_words``, so a term counts
# as a content word wherever the segmenter keeps it whole.
TERM_TAG = "nz"
# A term names something (Justeson & Katz 1995: terms are noun phrases). A run whose first
# token is, by the dictionary's tag, a verb (v, vd...; not the verbal noun vn), an adverb
# (d, ad), a pronoun (r), a preposition (p), a conjunction (c), a particle (u...) or an
# interjection (y, e, o) is a predicate or an adjunct: 主持召开, 完全赞成, 即将到来. Only the
# first token is judged: a term may end in a verb (垃圾分类) and jieba tags rare words loosely.
PHRASE_OPENERS = re.compile(r"v(?!n)\w*|a?d\w*|r\w*|u\w*|[pcyeo]")
TERM_COLUMNS = [
    "term",
    "count",
    "pmi",
    "npmi",
    "left_entropy",
    "right_entropy",
    "parts",
    "tags",
]

# Chinese numerals are digits too: a token that opens with one (三, 两国, 一名, 十三届) is a
# number or a quantity, and ends a run as a number does (中美两国, 过去一年 are no terms).
_NUMERAL = re.compile(r"[零〇一二两三四五六七八九十百千万亿]")
_LINE = "\n"
_CHAR_BITS = 21  # every code point fits in 21 bits


def base_segmenter(segmenter: str | None = None):
    """The segmenter as it is without ``terms.txt``: its dictionary and ``userdict.txt`` only.

    ``segmenter``: ``"jieba"`` or ``"rjieba"`` (default: ``topics.default_segmenter()``).
    Returns an object with ``cut(text)`` (the tokens) and ``tag(text)`` (``(token, tag)``),
    built once per process.
    """
    segmenter = segmenter or topics.default_segmenter()
    if segmenter not in topics.SEGMENTERS:
        raise ValueError(f"segmenter must be one of {', '.join(topics.SEGMENTERS)}")
    return _build(segmenter)


@lru_cache(maxsize=2)
def _build(segmenter: str):
    if segmenter == "rjieba":
        import rjieba

        built = rjieba.Jieba()
        for word, freq, tag in topics._user_words((topics.USER_DICT,)):
            built.add_word(word, freq, tag)
        return built
    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.tmp_dir = str(cache_dir())
    tokenizer.initialize()
    tokenizer.load_userdict(str(topics.USER_DICT))
    return _Jieba(tokenizer, jieba.posseg.POSTokenizer(tokenizer))


@dataclass(frozen=True)
class _Jieba:
    """jieba's tokenizer and tagger with rjieba's two methods."""

    tokenizer: object
    tagger: object

    def cut(self, text: str) -> list[str]:
        return self.tokenizer.lcut(text)

    def tag(self, text: str) -> list[tuple[str, str]]:
        return [(pair.word, pair.flag) for pair in self.tagger.cut(text)]


class _Ids(dict):
    """Token to id, a new id for each new token."""

    def __missing__(self, token: str) -> int:
        self[token] = len(self)
        return self[token]


@dataclass(frozen=True)
class _Runs:
    """The runs of pieces in a token stream, by length: which run starts at each position."""

    ids: np.ndarray  # token ids of all texts, a line break before, between and after them
    words: list[str]  # token of each id
    group: dict[int, np.ndarray]  # n: id of the n-run starting at each position, -1 for none
    count: dict[int, np.ndarray]  # n: count of that run over the stream, 0 for none
    pieces: int  # tokens that are pieces: the total the probabilities are shares of


def _encode(texts: Iterable[str], cut: Callable[[str], list[str]]) -> tuple[np.ndarray, list[str]]:
    """The token ids of all texts, with a line break before, between and after them."""
    ids = _Ids()
    lookup = ids.__getitem__
    line = np.array([lookup(_LINE)], dtype=np.int32)
    chunks = [line]
    for text in texts:
        chunks += [np.fromiter(map(lookup, cut(text)), dtype=np.int32), line]
    return np.concatenate(chunks), list(ids)


def _is_piece(token: str, excluded: frozenset[str]) -> bool:
    """May the token be part of a term: a word, not a number or numeral, not ``excluded``?"""
    return (
        topics._HAS_WORD_CHAR.search(token) is not None
        and topics._NUMBER_LIKE.match(token) is None
        and _NUMERAL.match(token) is None
        and token not in excluded
    )


@lru_cache(maxsize=1)
def _excluded() -> frozenset[str]:
    """Tokens no term holds: the stopwords, the words of userdict.txt and the terms of the
    topic lexicon (topics.csv). These are the analyst's units of counting (医科大学, 企业): a
    longer term holding one (重庆医科大学, 小微企业) would take its occurrences away from it,
    and from the topic it stands for."""
    user_words = {word for word, _, _ in topics._user_words((topics.USER_DICT,))}
    topic_terms = set(topics._topic_lexicon(str(topics.TOPICS_CSV)))
    return topics.stopwords() | user_words | topic_terms


def _count_runs(ids: np.ndarray, words: list[str], max_tokens: int) -> _Runs:
    """Count every run of 1..max_tokens pieces; a run is named by the run one shorter plus
    its last token, so each length costs one sort of integers."""
    excluded = _excluded()
    piece = np.array([_is_piece(word, excluded) for word in words])[ids]
    breaks = np.concatenate(([0], np.cumsum(~piece)))
    size, group, count = len(ids), {}, {}
    for n in range(1, max_tokens + 1):
        starts = size - n + 1
        whole = breaks[n : n + starts] == breaks[:starts]  # no break in ids[p : p + n]
        if n == 1:
            keys = ids.astype(np.int64)
        else:
            keys = group[n - 1][:starts] * len(words) + ids[n - 1 :]
        group[n], count[n] = _number(keys, whole, size)
    return _Runs(ids, words, group, count, int(piece.sum()))


def _number(keys: np.ndarray, whole: np.ndarray, size: int) -> tuple[np.ndarray, np.ndarray]:
    """Each position's run id (0, 1, ... over distinct keys) and count; -1 and 0 off runs."""
    group = np.full(size, -1, dtype=np.int64)
    count = np.zeros(size, dtype=np.int64)
    _, inverse, counts = np.unique(keys[whole], return_inverse=True, return_counts=True)
    at = np.flatnonzero(whole)
    group[at] = inverse
    count[at] = counts[inverse]
    return group, count


def _cohesion(runs: _Runs, n: int, at: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """PMI and normalised PMI of the weakest split of the n-runs starting at ``at``.

    A split into a left part of k tokens and the rest scores log2 p(run) / (p(left) p(right)),
    each p a count over the pieces of the stream; the weakest split has the largest product
    of part counts.
    """
    run = runs.count[n][at].astype(float)
    parts = [runs.count[k][at] * runs.count[n - k][at + k] for k in range(1, n)]
    pmi = np.log2(run * runs.pieces / np.max(parts, axis=0))
    return pmi, pmi / -np.log2(run / runs.pieces)


def _entropy(groups: np.ndarray, symbols: np.ndarray, size: int) -> np.ndarray:
    """Entropy in bits of the symbols seen with each group (``groups`` in 0..size-1)."""
    pairs, counts = np.unique((groups << _CHAR_BITS) | symbols, return_counts=True)
    seen = np.bincount(groups, minlength=size)
    plogp = np.bincount(pairs >> _CHAR_BITS, weights=counts * np.log2(counts), minlength=size)
    return np.log2(seen) - plogp / seen


def _scored(runs: _Runs, n: int, min_count: int, edges: tuple[np.ndarray, np.ndarray]):
    """The n-runs seen at least ``min_count`` times, with their scores (TERM_COLUMNS)."""
    at = np.flatnonzero(runs.count[n] >= min_count)
    _, first, groups = np.unique(runs.group[n][at], return_index=True, return_inverse=True)
    where = at[first]
    pmi, npmi = _cohesion(runs, n, where)
    first_char, last_char = edges
    left = _entropy(groups, last_char[runs.ids[at - 1]], len(where))
    right = _entropy(groups, first_char[runs.ids[at + n]], len(where))
    parts = [tuple(runs.words[i] for i in runs.ids[p : p + n]) for p in where]
    return pd.DataFrame(
        {
            "term": ["".join(p) for p in parts],
            "count": runs.count[n][where],
            "pmi": pmi,
            "npmi": npmi,
            "left_entropy": np.maximum(left, 0.0),  # -0.0 and rounding below zero
            "right_entropy": np.maximum(right, 0.0),
            "parts": parts,
        }
    )


def candidate_terms(
    texts: Iterable[str],
    *,
    min_count: int = MIN_COUNT,
    max_tokens: int = MAX_TOKENS,
    segmenter: str | None = None,
) -> pd.DataFrame:
    """Every run of 2..max_tokens pieces seen at least ``min_count`` times, scored.

    Returns:
        Columns :data:`TERM_COLUMNS`: ``term`` (the run's text), ``count``, ``pmi`` and
        ``npmi`` of its weakest split, ``left_entropy`` and ``right_entropy`` (bits, of the
        character before and after each occurrence, punctuation and line breaks included),
        ``parts`` (its tokens) and ``tags`` (their dictionary tags, ``x`` where unknown);
        most frequent first.
    """
    segmenter = base_segmenter(segmenter)
    ids, words = _encode(texts, segmenter.cut)
    runs = _count_runs(ids, words, max_tokens)
    edges = (
        np.array([ord(word[0]) for word in words], dtype=np.int64),
        np.array([ord(word[-1]) for word in words], dtype=np.int64),
    )
    tables = [_scored(runs, n, min_count, edges) for n in range(2, max_tokens + 1)]
    found = pd.concat(tables, ignore_index=True)
    tags = topics._tags_alone(segmenter, {part for parts in found["parts"] for part in parts})
    found["tags"] = [tuple(tags.get(part, "x") for part in parts) for parts in found["parts"]]
    return found.sort_values(["count", "term"], ascending=[False, True], ignore_index=True)


def discover_terms(
    texts: Iterable[str],
    *,
    min_count: int = MIN_COUNT,
    min_npmi: float = MIN_NPMI,
    min_entropy: float = MIN_ENTROPY,
    max_tokens: int = MAX_TOKENS,
    segmenter: str | None = None,
) -> pd.DataFrame:
    """Multi-word terms of ``texts``: runs of 2..max_tokens tokens that behave like a word.

    A run is kept when it occurs at least ``min_count`` times, its normalised PMI is at
    least ``min_npmi``, both its neighbour entropies are at least ``min_entropy`` bits (the
    module constants say why these defaults), it does not open as a predicate does
    (:data:`PHRASE_OPENERS`) and is not an address of place names only; then a term inside a
    longer kept term that accounts for all but fewer than ``min_count`` of its occurrences is
    dropped, the longer kept.

    Args:
        texts: the texts, e.g. one per article (:func:`bulletin_texts`).
        segmenter: ``"jieba"`` or ``"rjieba"``, cutting as :func:`base_segmenter` says.

    Returns:
        Columns :data:`TERM_COLUMNS` (see :func:`candidate_terms`), most frequent first.
    """
    found = candidate_terms(texts, min_count=min_count, max_tokens=max_tokens, segmenter=segmenter)
    kept = found[
        (found["npmi"] >= min_npmi)
        & (found["left_entropy"] >= min_entropy)
        & (found["right_entropy"] >= min_entropy)
        & found["tags"].map(_names_something).astype(bool)
    ]
    # A string cut two ways in different places (止暴/制乱, 止/暴/制乱) is kept once, the commoner.
    kept = kept.drop_duplicates("term")
    return _drop_inner(kept, min_count).reset_index(drop=True)


def _names_something(tags: tuple[str, ...]) -> bool:
    """Do the tags of a run's tokens allow a term: not a predicate's opening
    (:data:`PHRASE_OPENERS`), not an address made of place names only (湖南/浏阳, 重庆市/长寿区:
    each place is a name already, and places are counted and rolled up one by one), not
    holding a person's name (习近平/总书记)?

    >>> _names_something(("n", "n")), _names_something(("v", "n")), _names_something(("ns", "ns"))
    (True, False, False)
    >>> _names_something(("nrfg", "n"))  # 习近平/总书记: a person and a title
    False
    """
    return (
        PHRASE_OPENERS.fullmatch(tags[0]) is None
        and any(tag != "ns" for tag in tags)
        and not any(tag in _PERSON_TAGS for tag in tags)
    )


# A person's name stays a word of its own: 习近平总书记 as a term would take its counts
# from 习近平, and hide the person from the names helpers.entities reads.
_PERSON_TAGS = frozenset({"nr", "nrfg", "nrt"})


def _drop_inner(terms: pd.DataFrame, min_count: int) -> pd.DataFrame:
    """Drop each term that is a run of tokens inside a longer term and occurs fewer than
    ``min_count`` times outside it: on its own it would not have passed the floor."""
    counts = dict(zip(terms["term"], terms["count"], strict=True))
    inner = set()
    for parts, count in zip(terms["parts"], terms["count"], strict=True):
        for start, end in _spans(len(parts)):
            shorter = "".join(parts[start:end])
            if shorter in counts and counts[shorter] - count < min_count:
                inner.add(shorter)
    return terms[~terms["term"].isin(inner)]


def _spans(size: int) -> list[tuple[int, int]]:
    """The ``(start, end)`` of every shorter run of two tokens or more inside ``size`` tokens.

    >>> _spans(3)
    [(0, 2), (1, 3)]
    """
    return [(s, e) for s in range(size) for e in range(s + 2, size + 1) if e - s < size]


def bulletin_texts(*folders: str | Path, pattern: str = "*.txt") -> Iterator[str]:
    """The text of each news and photo item (headline lines and body, as
    :func:`helpers.topics.article_text`) of every bulletin file under the folders.

    Files are read with :func:`helpers.articles.parse_articles` (UTF-8 with or without BOM,
    GB18030...); a file it cannot read is skipped with a warning.
    """
    for folder in folders:
        for path in sorted(Path(folder).rglob(pattern)):
            yield from _article_texts(path)


def _article_texts(path: Path) -> list[str]:
    try:
        articles = parse_articles(path)
    except BulletinError as error:
        log.warning("%s: %s", path, error)
        return []
    rows = articles[articles["kind"] != "meta"].itertuples(index=False)
    return [topics.article_text(row) for row in rows]


def discover_from_folder(*folders: str | Path, pattern: str = "*.txt", **options) -> pd.DataFrame:
    """:func:`discover_terms` over the articles of every bulletin file under the folders."""
    return discover_terms(bulletin_texts(*folders, pattern=pattern), **options)


_HEADER = """\
# Terms discovered by statistics (helpers.terms): runs of tokens that jieba's dictionary
# cuts apart but the corpus uses as one word ({source}).
# The segmenter (helpers.topics) loads this file after userdict.txt, so each term counts as
# one word. One term a line: word, frequency (its count in the corpus), part-of-speech tag.
# This list is yours to edit: delete a line that is not a term, add or fix one; terms you
# always want kept whole belong in userdict.txt. Lines starting with # are comments.
# Regenerate: python -m helpers.terms FOLDER... -o data/lexicon/terms.txt
"""


def write_terms(
    terms: pd.DataFrame, path: str | Path, *, tag: str = TERM_TAG, source: str = "a corpus"
) -> Path:
    """Write terms (``term`` and ``count`` columns) as an editable user dictionary.

    ``word freq tag`` a line, the format of ``userdict.txt``, under a comment header saying
    what the file is (``source`` names the corpus). Returns the path.
    """
    path = Path(path)
    rows = zip(terms["term"], terms["count"], strict=True)
    lines = [f"{term} {int(count)} {tag}" for term, count in rows]
    path.write_text(_HEADER.format(source=source) + "\n".join(lines) + "\n", encoding="utf-8")
    return path


def read_terms(path: str | Path = topics.TERMS) -> pd.DataFrame:
    """The ``word``, ``freq`` and ``tag`` of each line of a user dictionary such as terms.txt."""
    entries = topics._user_words((Path(path),))
    return pd.DataFrame(entries, columns=["word", "freq", "tag"])


def main(argv: list[str] | None = None) -> int:
    """``python -m helpers.terms FOLDER... -o FILE``: discover terms and write them."""
    parser = argparse.ArgumentParser(prog="python -m helpers.terms", description=main.__doc__)
    parser.add_argument("folders", nargs="+", type=Path, help="folders of bulletin files")
    parser.add_argument("-o", "--output", type=Path, default=topics.TERMS)
    parser.add_argument("--min-count", type=int, default=MIN_COUNT)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    terms = discover_from_folder(*args.folders, min_count=args.min_count)
    source = ", ".join(folder.name for folder in args.folders)
    write_terms(terms, args.output, source=f"discovered over {source}")
    seconds = time.perf_counter() - started
    print(f"{len(terms)} terms in {seconds:.1f} s -> {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
