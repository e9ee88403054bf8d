"""Tables: the columns, dtypes and meanings of every table the package returns, declared once.

Each table (``articles``, ``figures``, ``words``, ``entities``) is a tuple of :class:`Column`. The
single-bulletin API (``parse_articles``, ``extract_figures``, ``word_frequencies``) and the
archive (``load_archive``, through Arrow) both build their DataFrames from these
declarations, so one bulletin gives the same dtypes either way:

- text is pandas' ``str`` dtype, where a missing value is NaN (test with ``pd.isna``,
  fill with ``.fillna("")``);
- counts and offsets are ``int64``; ids that may be missing (``range_id``, ``page``) are
  the nullable ``Int64``; numbers are ``float64``; dates are ``datetime64[us]``;
- name lists (``reporters``...) are Python lists in an ``object`` column.

An archive adds :data:`STAMP` (``source_file``, ``issue_date``, ``page``) in front of each.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

__all__ = [
    "Column",
    "ARTICLES",
    "FIGURES",
    "WORDS",
    "ENTITIES",
    "LINES",
    "STAMP",
    "TABLES",
    "columns",
    "dtypes",
    "frame",
    "conform",
    "arrow_schema",
    "arrow_frame",
    "text_or",
]

TEXT, INT, NULLABLE_INT, REAL, DAY, NAMES = (
    "str",
    "int64",
    "Int64",
    "float64",
    "datetime64[us]",
    "object",
)


@dataclass(frozen=True)
class Column:
    """One column of a table: its name, pandas dtype and what it holds."""

    name: str
    dtype: str
    meaning: str


ARTICLES = (
    Column("article_id", INT, "1-based position on the page"),
    Column("kind", TEXT, "news, photo (a caption closed by a photo credit) or meta (furniture)"),
    Column("kicker", TEXT, "引题 above the headline"),
    Column("headline", TEXT, "the headline"),
    Column("subtitle", TEXT, "副题 below the headline"),
    Column("column", TEXT, "a column tag closing the headline (权威发布)"),
    Column("agency", TEXT, "新华社, the paper named in the byline, else 本报"),
    Column("place", TEXT, "dateline place"),
    Column("date", DAY, "event date from the dateline or an opening 7月13日"),
    Column("date_text", TEXT, "the event date as written"),
    Column("reporters", NAMES, "reporters' names (记者)"),
    Column("interns", NAMES, "interns' names (实习生)"),
    Column("correspondents", NAMES, "correspondents' names (通讯员)"),
    Column("photographers", NAMES, "photographers' names (摄)"),
    Column("authors", NAMES, "author lines of a commentary or column (李明, 作者为…研究员)"),
    Column("dateline", TEXT, "the dateline or byline text that opened the item"),
    Column("credit", TEXT, "the photo credit line"),
    Column("furniture", NAMES, "jump markers and editor lines found inside the item"),
    Column("body", TEXT, "the paragraphs, one per line"),
    Column("chars", INT, "body length in characters"),
    Column("start_line", INT, "first input line of the item (1-based)"),
    Column("end_line", INT, "last input line of the item (1-based)"),
)

FIGURES = (
    Column("article_id", INT, "the article the figure is in"),
    Column("field", TEXT, "where it stands: kicker, headline, subtitle or body"),
    Column("kind", TEXT, "money, percent, growth, pp, count or measure"),
    Column("text", TEXT, "the figure as written"),
    Column("value", REAL, "the number in the unit written (1.5 for 1.5亿元)"),
    Column("unit", TEXT, "the unit as written (亿元, %, 万户)"),
    Column("currency", TEXT, "ISO currency code of money (CNY, USD...)"),
    Column("amount", REAL, "money in its currency's base unit; counts and measures without 万/亿"),
    Column("yuan", REAL, "CNY money in yuan"),
    Column("pct", REAL, "per cent, for percent, growth and pp rows"),
    Column("qualifier", TEXT, "at_least, at_most, over, approx, or empty"),
    Column("range_id", NULLABLE_INT, "shared by the two ends of a range"),
    Column("basis", TEXT, "yoy, mom or vs_prev_year"),
    Column("direction", TEXT, "up or down"),
    Column("subject", TEXT, "the noun phrase the figure measures (专项资金, 出口, 民营企业进出口)"),
    Column(
        "category",
        TEXT,
        "what money is for (funding, award, subsidy, investment, output, loan, revenue, trade, "
        "income, price, fine...; data/lexicon/money_subjects.csv), other where it names none",
    ),
    Column("sentence", TEXT, "the sentence the figure is in"),
    Column("start", INT, "offset of the figure in its field"),
    Column("end", INT, "offset just past the figure in its field"),
)

WORDS = (
    Column("article_id", INT, "the article the word is in"),
    Column("word", TEXT, "a content word"),
    Column("count", INT, "occurrences in the article"),
    Column("pos", TEXT, "jieba part-of-speech tag"),
)

LINES = (
    Column("line", INT, "first input line of the paragraph (1-based)"),
    Column("last_line", INT, "last input line of the paragraph"),
    Column("article_id", INT, "the row of the articles table the paragraph is in"),
    Column("kind", TEXT, "that item's kind: news, photo or meta"),
    Column(
        "role",
        TEXT,
        "furniture, kicker, headline, subtitle, author, dateline, caption, credit, subhead or body",
    ),
    Column("text", TEXT, "the paragraph as written"),
    Column("evidence", TEXT, "why it has that role: the pattern, layout cue or weighed evidence"),
)

ENTITIES = (
    Column("article_id", INT, "the article the name is in"),
    Column("type", TEXT, "place, org or person"),
    Column("role", TEXT, "mention (in the text) or byline (a reporter, photographer, author)"),
    Column("text", TEXT, "the name as written (南岸)"),
    Column("count", INT, "times the article names it"),
    Column("name", TEXT, "a place's full name in the gazetteer (南岸区), else as written"),
    Column("level", TEXT, "a place's level: country, province, city, county, town, area..."),
    Column("county", TEXT, "the county or district the place is or lies in"),
    Column("city", TEXT, "the city (a municipality such as 重庆市 is its own city)"),
    Column("province", TEXT, "the province-level division"),
    Column("country", TEXT, "the country"),
)

STAMP = (
    Column("source_file", TEXT, "the bulletin file (archives only)"),
    Column("issue_date", DAY, "the paper's date (archives only)"),
    Column("page", NULLABLE_INT, "the page number, from the file name or a page header"),
)

TABLES = {
    "articles": ARTICLES,
    "figures": FIGURES,
    "words": WORDS,
    "lines": LINES,
    "entities": ENTITIES,
}


def _declared(name: str, stamped: bool = False) -> tuple[Column, ...]:
    try:
        table = TABLES[name]
    except KeyError:
        raise ValueError(f"no table {name!r}; tables: {', '.join(TABLES)}") from None
    return STAMP + table if stamped else table


def columns(name: str, *, stamped: bool = False) -> list[str]:
    """The column names of a table, in order.

    >>> columns("words")
    ['article_id', 'word', 'count', 'pos']
    """
    return [column.name for column in _declared(name, stamped)]


def dtypes(name: str, *, stamped: bool = False) -> dict[str, str]:
    """The pandas dtype of each column of a table."""
    return {column.name: column.dtype for column in _declared(name, stamped)}


def conform(data: pd.DataFrame, name: str, *, stamped: bool = False) -> pd.DataFrame:
    """``data`` with the declared columns, in order, each cast to its declared dtype."""
    declared = dtypes(name, stamped=stamped)
    data = data.reindex(columns=list(declared))
    for column, dtype in declared.items():
        if str(data[column].dtype) != dtype:
            data[column] = _cast(data[column], dtype)
    return data


def _cast(values: pd.Series, dtype: str) -> pd.Series:
    if dtype == NAMES:  # lists of names: Python lists, never arrays or missing values
        return pd.Series([_as_list(v) for v in values], dtype=object, index=values.index)
    if dtype == DAY and values.dtype.kind not in "mM":  # ISO strings
        return pd.to_datetime(values, format="%Y-%m-%d").astype(dtype)
    return values.astype(dtype)


def _as_list(value) -> list:
    if isinstance(value, list):
        return value
    return [] if value is None or (isinstance(value, float) and value != value) else list(value)


def frame(name: str, rows, *, stamped: bool = False) -> pd.DataFrame:
    """A typed DataFrame of a table from rows (dicts or tuples in column order) or from a
    dict of columns (lists).

    >>> words = frame("words", {"article_id": [1], "word": ["嫦娥"], "count": [2], "pos": [None]})
    >>> [str(dtype) for dtype in words.dtypes], words.loc[0, "pos"]
    (['int64', 'str', 'int64', 'str'], nan)
    """
    declared = dtypes(name, stamped=stamped)
    names = list(declared)
    if isinstance(rows, dict):
        data = {column: list(rows.get(column, [])) for column in names}
    else:
        rows = [tuple(r.get(c) for c in names) if isinstance(r, dict) else r for r in rows]
        values = list(zip(*rows, strict=True)) if rows else [()] * len(names)
        data = {column: list(v) for column, v in zip(names, values, strict=True)}
    return pd.DataFrame({c: _typed_column(data[c], declared[c]) for c in names})


def _typed_column(values: list, dtype: str):
    """One column's values as an array of its declared dtype: built directly (three times
    faster than letting pandas infer, then casting), or cast where the values are not of
    the plain kind the direct way takes (a NaN among texts, None among counts)."""
    import numpy as np
    import pyarrow as arrow

    try:
        if dtype == TEXT:
            return pd.array(arrow.array(values, type=arrow.large_string()), dtype=TEXT)
        if dtype in (INT, REAL):
            return np.array(values, dtype=dtype)
    except (arrow.ArrowException, TypeError, ValueError):
        pass
    return _cast(pd.Series(values), dtype).array


def arrow_schema(name: str, *, stamped: bool = True):
    """The Arrow schema of a table: every archive worker writes the same one, so the parts
    join without type guessing (a column of all-missing values is still text, or a list)."""
    import pyarrow as arrow

    types = {
        TEXT: arrow.string(),
        INT: arrow.int64(),
        NULLABLE_INT: arrow.int64(),
        REAL: arrow.float64(),
        DAY: arrow.timestamp("us"),
        NAMES: arrow.list_(arrow.string()),
    }
    return arrow.schema([(c.name, types[c.dtype]) for c in _declared(name, stamped)])


def arrow_frame(table, name: str, *, stamped: bool = True) -> pd.DataFrame:
    """An Arrow table of a table as its typed DataFrame (name lists as Python lists)."""
    lists = [c.name for c in _declared(name, stamped) if c.dtype == NAMES]
    # split_blocks: no copying of the columns into one block per dtype (a third of the time).
    data = table.drop_columns(lists).to_pandas(split_blocks=True)
    for column in lists:
        data[column] = pd.Series(table[column].to_pylist(), dtype=object, index=data.index)
    return conform(data, name, stamped=stamped)


def text_or(value, default: str = "") -> str:
    """A text cell's string, or ``default`` where it is missing (NaN, None) or empty.

    >>> text_or(float("nan"), "图片"), text_or("标题", "图片")
    ('图片', '标题')
    """
    return value if isinstance(value, str) and value else default
