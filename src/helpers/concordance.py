"""Words in context: a concordance (keyword in context, KWIC) of a term across articles.

Before quoting a word a reporter reads how each article uses it. :func:`kwic_rows` reads
one article; :func:`kwic` a bulletin's articles, one row per occurrence.
"""

from __future__ import annotations

import re
from functools import partial

import pandas as pd

from .articles import parse_articles
from .tables import text_or

__all__ = ["KWIC_COLUMNS", "kwic", "kwic_rows"]

KWIC_COLUMNS = ["article_id", "field", "start", "left", "term", "right"]
_FIELDS = ("kicker", "headline", "subtitle", "body")
_BREAKS = re.compile(r"\s*\n\s*")  # paragraph breaks read as one space in a context


def _context(text: str) -> str:
    return _BREAKS.sub(" ", text)


def kwic_rows(record, term: str, *, window: int = 20) -> list[tuple]:
    """``(article_id, field, start, left, term, right)`` for each occurrence of ``term`` in
    one article (a dict or a named tuple of the articles table): ``window`` characters of
    context on each side, paragraph breaks shown as spaces."""
    get = record.get if isinstance(record, dict) else partial(getattr, record)
    rows = []
    for field in _FIELDS:
        text = text_or(get(field))
        for match in re.finditer(re.escape(term), text):
            left = _context(text[max(0, match.start() - window) : match.start()])
            right = _context(text[match.end() : match.end() + window])
            rows.append((get("article_id"), field, match.start(), left, term, right))
    return rows


def kwic(articles, term: str, *, window: int = 20) -> pd.DataFrame:
    """Every occurrence of ``term`` in the articles' headlines and bodies with ``window``
    characters on each side: columns ``article_id``, ``field``, ``start``, ``left``,
    ``term``, ``right``. ``articles``: the articles table, or a bulletin (a path or its
    text). Bylines and datelines are not searched (``entities`` lists the bylines).

    >>> from helpers import parse_articles, SAMPLE_BULLETIN
    >>> lines = kwic(parse_articles(SAMPLE_BULLETIN), "江北嘴", window=6)
    >>> lines[["left", "term", "right"]].iloc[1].tolist()
    ['议,将协力在', '江北嘴', '打造中新金融']
    """
    if not isinstance(articles, pd.DataFrame):  # a bulletin file or its text
        articles = parse_articles(articles)
    term = term.strip()
    if not term:
        raise ValueError("kwic needs a term to look for")
    if window < 0:
        raise ValueError(f"window must be 0 or more characters, not {window}")
    rows = []
    for record in articles.itertuples(index=False):
        rows += kwic_rows(record, term, window=window)
    frame = pd.DataFrame(rows, columns=KWIC_COLUMNS)
    return frame.astype(
        {
            "article_id": "int64",
            "start": "int64",
            "field": "str",
            "left": "str",
            "term": "str",
            "right": "str",
        }
    )
