"""Writing DataFrames out: JSON records, CSV, a terminal table and a safe HTML page.

Bulletin text is untrusted (it is often scraped from the web), so the HTML page escapes
every cell and carries a Content-Security-Policy that lets it load and run nothing.
"""

from __future__ import annotations

import html
import json
from datetime import date, datetime

import pandas as pd

__all__ = ["to_json", "to_csv", "to_table", "to_html_page", "plain_records"]

_LIST_SEPARATOR = "、"
_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


def _plain(value):
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and value != value:
        return None
    if isinstance(value, (pd.Timestamp, datetime)):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value


def plain_records(frame: pd.DataFrame) -> list[dict]:
    """Rows as dicts of JSON-ready values (ISO dates, lists, ``None`` for missing)."""
    return [
        {column: _plain(value) for column, value in zip(frame.columns, row, strict=True)}
        for row in frame.itertuples(index=False, name=None)
    ]


def to_json(frame: pd.DataFrame) -> str:
    """A JSON list of records with the frame's column names; Chinese kept as is."""
    return json.dumps(plain_records(frame), ensure_ascii=False, indent=2) + "\n"


def _flat(frame: pd.DataFrame) -> pd.DataFrame:
    flat = frame.copy()
    for column in flat.columns:
        if pd.api.types.is_datetime64_any_dtype(flat[column]):
            flat[column] = flat[column].dt.strftime("%Y-%m-%d")
        elif flat[column].dtype == object and any(
            isinstance(v, list | tuple) for v in flat[column]
        ):
            flat[column] = flat[column].map(
                lambda v: _LIST_SEPARATOR.join(map(str, v)) if isinstance(v, list | tuple) else v
            )
    return flat


def _blank_missing(frame: pd.DataFrame) -> pd.DataFrame:
    """Missing cells shown empty, whatever the column's dtype (nullable ints included)."""
    shown = frame.astype(object)
    return shown.where(frame.notna(), "")


def to_csv(frame: pd.DataFrame) -> str:
    """CSV with list cells joined by 、 and ISO dates."""
    return _flat(frame).to_csv(index=False)


def to_table(frame: pd.DataFrame, *, width: int = 28) -> str:
    """A terminal table, long text cut to ``width`` characters, CJK columns aligned; an
    empty table is its header line alone."""
    if frame.empty:
        return "  ".join(map(str, frame.columns)) + "\n"
    flat = _flat(frame)
    for column in flat.columns:
        if flat[column].dtype == object or pd.api.types.is_string_dtype(flat[column]):
            flat[column] = flat[column].map(
                lambda v: v if not isinstance(v, str) or len(v) <= width else v[: width - 1] + "…"
            )
    with pd.option_context(
        "display.unicode.east_asian_width",
        True,
        "display.width",
        240,
        "display.max_columns",
        None,
        "display.max_rows",
        None,
    ):
        return _blank_missing(flat).to_string(index=False) + "\n"


def to_html_page(frame: pd.DataFrame, *, title: str) -> str:
    """A standalone HTML page holding the frame as a table; every cell escaped."""
    table = _blank_missing(_flat(frame)).to_html(
        index=False, escape=True, border=0, classes="records"
    )
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{_CSP}">
<title>{html.escape(title)}</title>
<style>
body {{ font-family: "Noto Sans SC", "Noto Sans CJK SC", sans-serif; margin: 2em; }}
table.records {{ border-collapse: collapse; font-size: 14px; }}
table.records th, table.records td {{
  border: 1px solid #ccc; padding: 4px 6px; vertical-align: top;
}}
table.records td {{ white-space: pre-wrap; max-width: 40em; }}
</style>
</head>
<body>
<h1>{html.escape(title)}</h1>
{table}
</body>
</html>
"""
