"""Trends across an archive: money, growth, topics and words over issue dates.

Pure functions from the tables of :func:`helpers.archive.load_archive` to tidy frames the
archive notebook charts: ``money_by_period``, ``growth_over_time``,
``topic_shares_by_period``, ``moving_words`` and ``places_by_period``. ``freq`` is a pandas
period alias: ``"D"`` per issue date, ``"M"`` per month.
"""

from __future__ import annotations

import pandas as pd

from .figures import body_figures, one_per_range
from .topics import TOPICS_CSV, _topic_lexicon

__all__ = [
    "money_by_period",
    "growth_over_time",
    "topic_shares_by_period",
    "moving_words",
    "places_by_period",
]


def _period(frame: pd.DataFrame, freq: str) -> pd.Series:
    return frame["issue_date"].dt.to_period(freq)


def money_by_period(figures: pd.DataFrame, *, freq: str = "M") -> pd.DataFrame:
    """Yuan totals of money figures per period and category (wide: one column per
    category); a range (20万至50万元) counts once, at its low end; titles are left out (they
    repeat body figures)."""
    figures = body_figures(figures)
    money = one_per_range(
        figures[
            (figures["kind"] == "money") & figures["yuan"].notna() & figures["issue_date"].notna()
        ]
    )
    return (
        money.assign(period=_period(money, freq))
        .pivot_table(
            index="period", columns="category", values="yuan", aggfunc="sum", fill_value=0.0
        )
        .sort_index()
    )


def growth_over_time(figures: pd.DataFrame) -> pd.DataFrame:
    """Growth figures (per cent) of article bodies with their issue date, basis and subject,
    in date order."""
    figures = body_figures(figures)
    growth = figures[(figures["kind"] == "growth") & figures["issue_date"].notna()]
    return (
        growth[
            [
                "issue_date",
                "source_file",
                "article_id",
                "text",
                "pct",
                "basis",
                "subject",
                "sentence",
            ]
        ]
        .sort_values("issue_date", kind="stable")
        .reset_index(drop=True)
    )


def topic_shares_by_period(
    words: pd.DataFrame, *, freq: str = "M", lexicon=TOPICS_CSV
) -> pd.DataFrame:
    """Each topic's share of topic-term hits per period (rows sum to 1)."""
    terms = _topic_lexicon(str(lexicon))
    hits = words.assign(topic=words["word"].map(terms)).dropna(subset=["topic"])
    table = hits.assign(period=_period(hits, freq)).pivot_table(
        index="period", columns="topic", values="count", aggfunc="sum", fill_value=0
    )
    return table.div(table.sum(axis=1), axis=0).sort_index()


def moving_words(
    words: pd.DataFrame, *, freq: str = "M", top: int = 10, min_count: int = 20
) -> pd.DataFrame:
    """The words whose share of all words rose or fell most between the first and last period.

    Returns:
        Columns ``word``, ``first`` and ``last`` (shares per ten thousand words), ``change``;
        the ``top`` risers then the ``top`` fallers.
    """
    periods = words.assign(period=_period(words, freq))
    table = periods.pivot_table(
        index="word", columns="period", values="count", aggfunc="sum", fill_value=0
    )
    if table.shape[1] < 2:
        return pd.DataFrame(columns=["word", "first", "last", "change"])
    table = table[table.sum(axis=1) >= min_count]
    shares = table.div(table.sum(axis=0), axis=1) * 10_000
    first, last = shares.columns[0], shares.columns[-1]
    change = (shares[last] - shares[first]).sort_values()
    risers, fallers = change[change > 0], change[change < 0]
    chosen = pd.concat([risers.tail(top)[::-1], fallers.head(top)])
    return pd.DataFrame(
        {
            "word": chosen.index,
            "first": shares.loc[chosen.index, first].to_numpy(),
            "last": shares.loc[chosen.index, last].to_numpy(),
            "change": chosen.to_numpy(),
        }
    )


def places_by_period(
    entities: pd.DataFrame, *, freq: str = "M", level: str = "province", top: int = 8
) -> pd.DataFrame:
    """Mentions of the ``top`` most named places per period (wide: one column per place),
    rolled up to ``level`` (county, city, province, country), from the archive's entities
    table. Places above that level (中国 for provinces, 长三角) are left out."""
    places = entities[
        (entities["type"] == "place")
        & (entities["role"] == "mention")
        & entities["issue_date"].notna()
        & entities[level].notna()
    ]
    table = places.assign(place=places[level], period=_period(places, freq)).pivot_table(
        index="period", columns="place", values="count", aggfunc="sum", fill_value=0
    )
    chosen = table.sum().sort_values(ascending=False).head(top).index
    return table[chosen].sort_index()
