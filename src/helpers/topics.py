"""Topics: what a bulletin is about, from jieba word and keyword frequencies.

- ``word_frequencies(articles)``: a tidy DataFrame (``article_id``, ``word``, ``count``,
  ``pos``) of the content words of each news and photo item (headline lines and body);
  pivot it for a words × articles table, or use ``word_totals`` for bulletin totals and
  document frequencies.
- ``keywords(articles, method="tfidf"|"textrank", top=N, by="article"|"bulletin")``.
- ``topic_labels(articles)``: topic shares per article from the editable lexicon
  ``data/lexicon/topics.csv`` (topic, term); ``main_topics`` names each article's topics.

Segmentation is jieba with the project's user dictionary ``data/lexicon/userdict.txt``
(terms an analyst needs kept whole: 江北嘴, 嫦娥五号, 稀释制冷机...), then the discovered
terms of ``data/lexicon/terms.txt`` (same format, made by :mod:`helpers.terms`: 新质生产力,
专精特新...; skipped where absent; ``#`` lines are comments). rjieba, the Rust
port of jieba, is the fast backend for word counts (about 30 times faster here than jieba's
part-of-speech mode, with the same dictionary and user dictionary); jieba is the reference,
and the default where rjieba is not installed. Choose with ``segmenter="jieba"|"rjieba"``
or ``$BULLETIN_SEGMENTER``. Stopwords are the maintained stopwordsiso Chinese list plus
``data/lexicon/stopwords.txt`` (news boilerplate); numbers, units, dates, punctuation and
single characters never count. jieba's dictionary is loaded once per process and cached in
a per-user cache folder, written atomically, so several processes can share it.
"""

from __future__ import annotations

import logging
import os
import re
import threading
from collections import Counter
from functools import lru_cache, partial
from itertools import repeat
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd
import stopwordsiso

from . import tables
from .cache import cache_dir, pickled
from .paths import LEXICON_DIR

if TYPE_CHECKING:
    import jieba
    import jieba.posseg

__all__ = [
    "tokenizer",
    "pos_tokenizer",
    "rjieba_segmenter",
    "rjieba_cut",
    "RJIEBA_TAGS",
    "default_segmenter",
    "tagged_words",
    "SEGMENTERS",
    "stopwords",
    "word_frequencies",
    "word_totals",
    "keywords",
    "topic_labels",
    "main_topics",
    "content_words",
    "word_columns",
    "word_rows",
    "article_word_columns",
    "USER_DICT",
    "TERMS",
    "TOPICS_CSV",
]

USER_DICT = LEXICON_DIR / "userdict.txt"
TERMS = LEXICON_DIR / "terms.txt"
PROJECT_STOPWORDS = LEXICON_DIR / "stopwords.txt"
TOPICS_CSV = LEXICON_DIR / "topics.csv"
# Parts of speech that say what a text is about (jieba's ICTCLAS tags): nouns of every
# kind, verbal nouns (合作, 投资), idioms, set phrases, abbreviations and foreign words.
# Plain verbs (给予, 获得), adjectives, numerals (m), measure words (q), times (t),
# punctuation (x), pronouns, adverbs, prepositions and particles are left out.
CONTENT_POS = ("n", "vn", "i", "l", "j", "eng")
_NUMBER_LIKE = re.compile(r"^[\d.,%０-９]+[\u4e00-\u9fff]{0,2}$|^[\d.,%]+$")
_HAS_WORD_CHAR = re.compile(r"[\u4e00-\u9fffA-Za-z]")
_LOCK = threading.Lock()
_TOKENIZER: jieba.Tokenizer | None = None
_POS_TOKENIZER: jieba.posseg.POSTokenizer | None = None
_RJIEBA = None
SEGMENTERS = ("jieba", "rjieba")


def tokenizer(extra_words: tuple[str, ...] | list[str] = ()) -> jieba.Tokenizer:
    """The process's jieba tokenizer with the project dictionary, built on first use.

    Args:
        extra_words: more terms to keep whole. Like jieba's own ``add_word`` they stay in
            the tokenizer for the rest of the process; for terms you always want, add a
            line to ``data/lexicon/userdict.txt`` instead.
    """
    return pos_tokenizer(extra_words).tokenizer


def pos_tokenizer(extra_words: tuple[str, ...] | list[str] = ()) -> jieba.posseg.POSTokenizer:
    """The process's part-of-speech tokenizer over :func:`tokenizer`.

    There is one per process: jieba hands the user dictionary's tags to the first
    POSTokenizer built over a tokenizer only.
    """
    global _TOKENIZER, _POS_TOKENIZER
    import jieba  # imported on first use: rjieba word counts never need it
    import jieba.posseg

    with _LOCK:
        if _POS_TOKENIZER is None:
            jieba.setLogLevel(logging.WARNING)  # importing jieba set it to DEBUG
            built = jieba.Tokenizer()
            built.tmp_dir = str(cache_dir())
            built.initialize()
            built.load_userdict(str(USER_DICT))
            for word, freq, tag in _user_words((TERMS,)):
                built.add_word(word, freq, tag)
            _TOKENIZER, _POS_TOKENIZER = built, jieba.posseg.POSTokenizer(built)
        for word in extra_words:
            if word not in _TOKENIZER.FREQ:
                _TOKENIZER.add_word(word, tag="nz")
    return _POS_TOKENIZER


def _user_words(paths: tuple[Path, ...] | None = None) -> list[tuple[str, int | None, str | None]]:
    """``(word, freq, tag)`` of each line of the user dictionaries (default: userdict.txt,
    then terms.txt); a missing file is skipped, ``#`` lines are comments."""
    entries = []
    for path in (USER_DICT, TERMS) if paths is None else paths:
        lines = path.read_text(encoding="utf-8").splitlines() if path.is_file() else []
        for line in lines:
            parts = line.split()
            if parts and not parts[0].startswith("#"):
                freq = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None
                entries.append((parts[0], freq, parts[2] if len(parts) > 2 else None))
    return entries


def rjieba_segmenter(extra_words: tuple[str, ...] | list[str] = ()):
    """The process's rjieba segmenter with the project's user dictionary and terms."""
    global _RJIEBA
    import rjieba

    with _LOCK:
        if _RJIEBA is None:
            built = rjieba.Jieba()
            for word, freq, tag in _user_words():
                built.add_word(word, freq, tag)
            _RJIEBA = built
        for word in extra_words:
            if not _RJIEBA.has_word(word):
                _RJIEBA.add_word(word, None, "nz")
                _RJIEBA_JUDGED.discard(word)  # its tag is now nz
                _RJIEBA_CONTENT.pop(word, None)
                _cut.cache_clear()  # cut before the word was known
    return _RJIEBA


def default_segmenter() -> str:
    """``$BULLETIN_SEGMENTER`` if set, else rjieba where it is installed, else jieba."""
    chosen = os.environ.get("BULLETIN_SEGMENTER", "").strip().lower()
    if chosen:
        if chosen not in SEGMENTERS:
            raise ValueError(
                f"BULLETIN_SEGMENTER must be one of {', '.join(SEGMENTERS)}, not {chosen!r}"
            )
        return chosen
    try:
        import rjieba  # noqa: F401
    except ImportError:
        return "jieba"
    return "rjieba"


def tagged_words(
    text: str, *, segmenter: str | None = None, extra_words=()
) -> list[tuple[str, str]]:
    """Every token of ``text`` with its part-of-speech tag, from jieba or rjieba."""
    segmenter = segmenter or default_segmenter()
    if segmenter == "rjieba":
        return rjieba_segmenter(tuple(extra_words)).tag(text)
    if segmenter != "jieba":
        raise ValueError(f"segmenter must be one of {', '.join(SEGMENTERS)}, not {segmenter!r}")
    return [(pair.word, pair.flag) for pair in pos_tokenizer(tuple(extra_words)).cut(text)]


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """stopwordsiso's Chinese list plus the project's news boilerplate list."""
    project = {
        line.strip()
        for line in PROJECT_STOPWORDS.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    }
    return frozenset(stopwordsiso.stopwords("zh")) | project


def _is_content(word: str, pos: str, stop: frozenset[str]) -> bool:
    return pos.startswith(CONTENT_POS) and _may_count(word, stop)


def _may_count(word: str, stop: frozenset[str]) -> bool:
    """Whatever its tag: two characters or more, not a stopword, not a number."""
    return (
        len(word) >= 2
        and word not in stop
        and _HAS_WORD_CHAR.search(word) is not None
        and _NUMBER_LIKE.match(word) is None
    )


def content_words(
    text: str, *, extra_words=(), segmenter: str | None = None
) -> list[tuple[str, str]]:
    """The content words of a text as ``(word, pos)`` pairs, in order.

    >>> [w for w, _ in content_words("嫦娥五号任务首批月球科研样品正式发放，共17.4764克。")]
    ['嫦娥五号', '任务', '月球', '科研样品']
    """
    pairs = tagged_words(text, segmenter=segmenter, extra_words=extra_words)
    content = _judge(pairs)
    return [pair for pair in pairs if pair in content]


_JUDGED: set[tuple[str, str]] = set()
_CONTENT: set[tuple[str, str]] = set()


def _judge(pairs) -> set[tuple[str, str]]:
    """The set of content ``(word, tag)`` pairs, with every pair in ``pairs`` judged.

    The same pairs recur from text to text: each new one is judged once, after which
    keeping or dropping it is a set lookup.
    """
    if not isinstance(pairs, dict):
        pairs = dict.fromkeys(pairs)
    unseen = pairs.keys() - _JUDGED
    if unseen:
        if len(_JUDGED) > 2_000_000:
            _JUDGED.clear()
            _CONTENT.clear()
            unseen = set(pairs)
        stop = stopwords()
        _CONTENT.update(pair for pair in unseen if _is_content(pair[0], pair[1], stop))
        _JUDGED.update(unseen)
    return _CONTENT


_TEXT_FIELDS = ("kicker", "headline", "subtitle", "body")
WORD_COLUMNS = tables.columns("words")


def article_text(record) -> str:
    """The words of an item to count: its headline lines and body."""
    if isinstance(record, dict):
        return "\n".join(p for p in map(record.get, _TEXT_FIELDS) if isinstance(p, str))
    return "\n".join(p for f in _TEXT_FIELDS if isinstance(p := getattr(record, f, None), str))


def word_rows(
    article_id, text: str, *, extra_words=(), segmenter: str | None = None
) -> list[tuple]:
    """``(article_id, word, count, pos)`` rows for one text, most frequent first (ties in
    order of first occurrence). A word tagged two ways counts once, under its commoner tag."""
    words, counts, tags = word_columns(text, extra_words=extra_words, segmenter=segmenter)
    return list(zip(repeat(article_id, len(words)), words, counts, tags, strict=True))


def word_columns(
    text: str, *, extra_words=(), segmenter: str | None = None
) -> tuple[list, list, list]:
    """:func:`word_rows` as three columns (words, counts, tags): what a table is built from."""
    if (segmenter or default_segmenter()) == "rjieba":
        kept = _rjieba_word_counts(text, extra_words)
        if not kept:
            return [], [], []
        words, counts = zip(*kept, strict=True)
        return list(words), list(counts), list(map(_RJIEBA_CONTENT.__getitem__, words))
    counts = Counter(tagged_words(text, segmenter=segmenter, extra_words=extra_words))
    content = _judge(counts)
    kept = [(pair, count) for pair, count in counts.items() if pair in content]
    kept.sort(key=_COUNT, reverse=True)  # stable: ties stay in order of first occurrence
    totals: dict[str, int] = {}
    commonest_tag: dict[str, str] = {}
    for (word, pos), count in kept:  # commonest first: its tag wins
        if word in totals:
            totals[word] += count
        else:
            totals[word] = count
            commonest_tag[word] = pos
    ordered = list(totals.items()) if len(totals) == len(kept) else Counter(totals).most_common()
    return [w for w, _ in ordered], [c for _, c in ordered], [commonest_tag[w] for w, _ in ordered]


# rjieba tags a word the same way wherever it stands (its tag is the dictionary's, or, for
# a word the dictionary lacks, eng/m/x from its characters): so word counts cut the text,
# count the words, and judge each distinct word once. Same rows as counting tagged pairs.
_RJIEBA_JUDGED: set[str] = set()
_RJIEBA_CONTENT: dict[str, str] = {}
# rjieba's tag of each word tagged alone so far ("x": cut apart when alone), shared by word
# counts and names (helpers.entities): a word is tagged once in the process.
RJIEBA_TAGS: dict[str, str] = {}


def rjieba_cut(text: str, extra_words=()) -> tuple[str, ...]:
    """The tokens of ``text`` cut by :func:`rjieba_segmenter`, the last texts cut kept: word
    counts and names (:mod:`helpers.entities`) read an article from one cut."""
    return _cut(text, tuple(extra_words))


@lru_cache(maxsize=256)
def _cut(text: str, extra_words: tuple[str, ...]) -> tuple[str, ...]:
    try:
        return tuple(rjieba_segmenter(extra_words).cut(text))
    except UnicodeEncodeError:  # a lone surrogate (no file holds one): cut as U+FFFD
        return tuple(rjieba_segmenter(extra_words).cut(_SURROGATES.sub("\ufffd", text)))


_SURROGATES = re.compile("[\ud800-\udfff]")


def _rjieba_word_counts(text: str, extra_words) -> list[tuple[str, int]]:
    """``(word, count)`` for the content words of ``text``, most frequent first."""
    segmenter = rjieba_segmenter(tuple(extra_words))
    words = rjieba_cut(text, tuple(extra_words))
    if not _RJIEBA_JUDGED.issuperset(words):
        _rjieba_judge(segmenter, text, words)
    # Filtering and counting run in C: no Python step per token. The sort is stable:
    # ties stay in order of first occurrence.
    return sorted(
        Counter(filter(_RJIEBA_CONTENT.__contains__, words)).items(), key=_COUNT, reverse=True
    )


def _rjieba_judge(segmenter, text: str, words: list[str]) -> None:
    """Judge the words of ``text`` not judged yet (``words``: its tokens)."""
    if len(_RJIEBA_JUDGED) > 2_000_000:  # bound the memory on endless archives
        _RJIEBA_JUDGED.clear()
        _RJIEBA_CONTENT.clear()
        RJIEBA_TAGS.clear()
    unseen = set(words).difference(_RJIEBA_JUDGED)
    stop = stopwords()
    candidates = {word for word in unseen if _may_count(word, stop)}  # only these need a tag
    tags = _tags_alone(segmenter, candidates)
    RJIEBA_TAGS.update(tags)
    if len(tags) < len(
        candidates
    ):  # a word cut apart when alone (两国, 年来): tag it where it stands
        tags.update(_tags_in_place(segmenter, text, candidates - tags.keys()))
    _RJIEBA_CONTENT.update((word, tag) for word, tag in tags.items() if tag.startswith(CONTENT_POS))
    _RJIEBA_JUDGED.update(unseen)


def _tags_alone(segmenter, words) -> dict[str, str]:
    """The tag of each word that is one token when the words are cut a line each.

    A line break is a boundary jieba never cuts across, so each line is cut as if alone,
    and one call costs far less than thousands. rjieba's tag for a token does not depend
    on its neighbours, so a word that another line yields as a token gets that tag too.
    """
    found = dict(segmenter.tag("\n".join(word for word in words if "\n" not in word)))
    return {word: found[word] for word in words if word in found}


def _tags_in_place(segmenter, text: str, words) -> dict[str, str]:
    """The tags of ``words`` (tokens of ``text``) from the sentences they stand in.

    jieba cuts each run of Chinese characters and letters on its own, so a sentence is cut
    as it is within the whole text; tagging a sentence costs a fraction of the text.
    """
    tags: dict[str, str] = {}
    for word in words:
        start = text.find(word)
        while start >= 0 and word not in tags:
            begin = max(text.rfind("。", 0, start), text.rfind("\n", 0, start)) + 1
            ends = [end for end in (text.find("。", start), text.find("\n", start)) if end >= 0]
            sentence = text[begin : min(ends) if ends else len(text)]
            tags.update((token, tag) for token, tag in segmenter.tag(sentence) if token == word)
            start = text.find(word, start + 1)
    if len(tags) < len(words):  # not found as a token in any sentence: never seen
        tags.update((token, tag) for token, tag in segmenter.tag(text) if token in words)
    return tags


_COUNT = itemgetter(1)


def article_word_columns(
    records, *, extra_words=(), segmenter: str | None = None
) -> dict[str, list]:
    """The row-level step of word counts: the words table's columns (lists) for article
    records (dicts, or rows of the articles table), news and photo items only."""
    columns: dict[str, list] = {name: [] for name in WORD_COLUMNS}
    for record in records:
        get = record.get if isinstance(record, dict) else partial(getattr, record)
        if get("kind") == "meta":
            continue
        words, counts, tags = word_columns(
            article_text(record), extra_words=extra_words, segmenter=segmenter
        )
        columns["article_id"] += [get("article_id")] * len(words)
        columns["word"] += words
        columns["count"] += counts
        columns["pos"] += tags
    return columns


def word_frequencies(
    articles: pd.DataFrame, *, extra_words=(), segmenter: str | None = None
) -> pd.DataFrame:
    """Tidy counts of the content words of each news and photo item.

    Args:
        segmenter: ``"jieba"`` or ``"rjieba"`` (default: :func:`default_segmenter`).

    Returns:
        Columns ``article_id``, ``word``, ``count``, ``pos``, most frequent first within
        each article.
    """
    records = articles.itertuples(index=False)
    columns = article_word_columns(records, extra_words=extra_words, segmenter=segmenter)
    return tables.frame("words", columns)


def word_totals(frequencies: pd.DataFrame) -> pd.DataFrame:
    """Bulletin totals from :func:`word_frequencies`: ``word``, ``count``, ``articles``.

    ``articles`` is the document frequency: in how many items the word occurs.
    """
    return (
        frequencies.groupby("word", as_index=False)
        .agg(count=("count", "sum"), articles=("article_id", "nunique"))
        .sort_values(["count", "articles", "word"], ascending=[False, False, True])
        .reset_index(drop=True)
    )


def _extractor(method: str):
    import jieba.analyse

    segmenter = pos_tokenizer()
    if method != "textrank":
        raise ValueError(f"jieba's extractor is used for textrank only, not {method!r}")
    extractor = jieba.analyse.TextRank()
    extractor.postokenizer = segmenter
    extractor.tokenizer = segmenter  # TextRank reads (word, flag) pairs from its tokenizer
    extractor.stop_words = set(stopwords())
    return extractor


_KEYWORD_POS = ("n", "nr", "ns", "nt", "nz", "nw", "vn", "i", "l", "j", "eng")


def keywords(
    articles: pd.DataFrame,
    *,
    method: str = "tfidf",
    top: int = 10,
    by: str = "article",
    frequencies: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Keywords per article (``by="article"``) or for the whole bulletin.

    ``tfidf`` weighs the counted words (:func:`word_frequencies`, or ``frequencies`` where
    already computed) as jieba's TF-IDF does: a noun-like word's share of the text's
    noun-like words times its inverse document frequency from jieba's table (the median
    where the table lacks it). It reuses the counts and their tags, so it loads no second
    segmenter. ``textrank`` runs jieba's TextRank on the text.

    Returns:
        Columns ``article_id`` (None for the bulletin), ``rank``, ``keyword``, ``weight``.
    """
    if by not in ("article", "bulletin"):
        raise ValueError(f"by must be 'article' or 'bulletin', not {by!r}")
    if top < 1:
        raise ValueError("top must be at least 1")
    if method not in ("tfidf", "textrank"):
        raise ValueError(f"unknown keyword method {method!r}; use 'tfidf' or 'textrank'")
    if method == "textrank":
        return _textrank_keywords(articles, top=top, by=by)
    counted = word_frequencies(articles) if frequencies is None else frequencies
    return _tfidf_keywords(counted, top=top, by=by)


def _tfidf_keywords(frequencies: pd.DataFrame, *, top: int, by: str) -> pd.DataFrame:
    table, median = _idf_table()
    kept = frequencies[
        frequencies["pos"].isin(_KEYWORD_POS)
        & (frequencies["word"].str.len() >= 2)
        & ~frequencies["word"].isin(stopwords())
        & frequencies["word"].str.contains(_HAS_WORD_CHAR)
        & ~frequencies["word"].str.match(_NUMBER_LIKE)
    ]
    if by == "bulletin":
        kept = kept.groupby("word", as_index=False)["count"].sum().assign(article_id=None)
    weight = kept["count"] / kept.groupby("article_id", dropna=False)["count"].transform("sum")
    ranked = (
        kept.assign(
            keyword=kept["word"],
            # float even where no word is kept: an empty map would keep the words' str dtype
            weight=weight * kept["word"].map(table).astype("float64").fillna(median),
        )
        .sort_values(["weight", "keyword"], ascending=[False, True], kind="stable")
        .groupby("article_id", dropna=False, sort=False)
        .head(top)
    )
    ranked = ranked.assign(rank=ranked.groupby("article_id", dropna=False).cumcount() + 1)
    order = ranked.sort_values(["article_id", "rank"], na_position="first")
    return order[["article_id", "rank", "keyword", "weight"]].reset_index(drop=True)


@lru_cache(maxsize=1)
def _idf_table() -> tuple[dict[str, float], float]:
    """jieba's inverse document frequencies (``jieba/analyse/idf.txt``) and their median,
    kept in the user's cache per jieba version (read in a fifth of the time)."""
    from importlib.metadata import version

    return pickled("jieba-idf", version("jieba"), _read_idf_table)


def _read_idf_table() -> tuple[dict[str, float], float]:
    from importlib.resources import files

    table: dict[str, float] = {}
    text = (files("jieba") / "analyse" / "idf.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        word, _, value = line.rpartition(" ")
        if word:
            table[word] = float(value)
    values = sorted(table.values())
    return table, values[len(values) // 2]


def _textrank_keywords(articles: pd.DataFrame, *, top: int, by: str) -> pd.DataFrame:
    extractor = _extractor("textrank")
    texts = [
        (row.article_id, article_text(row))
        for row in articles.itertuples(index=False)
        if row.kind != "meta"
    ]
    if by == "bulletin":
        texts = [(None, "\n".join(text for _, text in texts))]
    stop = stopwords()
    rows = []
    for article_id, text in texts:
        # Ask for extra candidates: numbers and number-like tokens are dropped after.
        found = extractor.extract_tags(text, topK=top * 3, withWeight=True, allowPOS=_KEYWORD_POS)
        kept = [
            (w, weight)
            for w, weight in found
            if w not in stop and _HAS_WORD_CHAR.search(w) and not _NUMBER_LIKE.match(w)
        ][:top]
        rows += [
            (article_id, rank, word, weight) for rank, (word, weight) in enumerate(kept, start=1)
        ]
    return pd.DataFrame(rows, columns=["article_id", "rank", "keyword", "weight"])


@lru_cache(maxsize=8)
def _topic_lexicon(path: str) -> dict[str, str]:
    table = pd.read_csv(path, dtype=str).dropna()
    if list(table.columns[:2]) != ["topic", "term"]:
        raise ValueError(f"{path} must have the columns topic,term")
    return dict(zip(table["term"].str.strip(), table["topic"].str.strip(), strict=True))


def topic_labels(
    articles: pd.DataFrame,
    *,
    lexicon: str | Path = TOPICS_CSV,
    frequencies: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Topic shares per article from the topic lexicon.

    Each content word that is a lexicon term counts for its topic; an article's shares
    sum to 1 over the topics it mentions.

    Returns:
        Columns ``article_id``, ``topic``, ``hits``, ``share``; topics of an article in
        descending share.
    """
    terms = _topic_lexicon(str(lexicon))
    if frequencies is None:
        frequencies = word_frequencies(articles)
    hits = frequencies.assign(topic=frequencies["word"].map(terms)).dropna(subset=["topic"])
    table = (
        hits.groupby(["article_id", "topic"], as_index=False)["count"]
        .sum()
        .rename(columns={"count": "hits"})
    )
    table["share"] = table["hits"] / table.groupby("article_id")["hits"].transform("sum")
    return table.sort_values(
        ["article_id", "share", "topic"], ascending=[True, False, True]
    ).reset_index(drop=True)


def main_topics(labels: pd.DataFrame, *, within: float = 0.5) -> pd.Series:
    """Each article's leading topics, joined with "/": those with at least ``within``
    times the share of its top topic (e.g. 政策/金融), in order of share. Articles that
    name no topic have no row (a bulletin naming none gives an empty Series)."""
    best = labels.groupby("article_id")["share"].transform("max")
    kept = labels[labels["share"] >= within * best].sort_values(
        ["article_id", "share"], ascending=[True, False], kind="stable"
    )
    return kept.groupby("article_id")["topic"].agg("/".join).astype("str").rename("topics")
