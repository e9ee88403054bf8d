"""Dates in bulletins: the issue date of a page and the event dates inside it.

``infer_issue_date(text, name)`` reads a page header such as
"重庆日报 2023年3月8日 星期三 第3版" or a file name such as ``cqrb_20230308.txt`` or
``chongqing_2023-03-08.txt``. ``resolve_month_day`` turns "7月13日" into a ``date`` in
the issue's year (the year before when the month lies after the issue's month, as in a
January page reporting on 12月30日).
"""

from __future__ import annotations

import re
from datetime import date

__all__ = [
    "infer_issue_date",
    "resolve_month_day",
    "chinese_small_number",
    "parse_iso_date",
    "page_header_date",
]

# The value of each Chinese digit (small numbers, days and months; figures reads pairs).
CN_DIGITS = {
    "〇": 0,
    "零": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_HEADER_DATE = re.compile(r"((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_NAME_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})[-_.]?(\d{2})[-_.]?(\d{2})(?!\d)")
_HEADER_HINT = re.compile(
    r"星期[一二三四五六日天]|第\s*[\d一二三四五六七八九十]+\s*版|[A-Z]\d{1,2}版"
)


def chinese_small_number(token: str) -> int | None:
    """Convert a day or month written in digits or Chinese numerals (1-99).

    >>> [chinese_small_number(t) for t in ("12", "十", "十二", "二十一", "三十", "x")]
    [12, 10, 12, 21, 30, None]
    """
    if token.isdigit():
        return int(token)
    if not token or any(c not in CN_DIGITS and c != "十" for c in token):
        return None
    if "十" not in token:
        return CN_DIGITS[token] if len(token) == 1 else None
    tens, _, units = token.partition("十")
    if len(tens) > 1 or len(units) > 1 or "十" in units:
        return None  # 一二十, 二十十: not a day or month
    return (CN_DIGITS[tens] if tens else 1) * 10 + (CN_DIGITS[units] if units else 0)


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def parse_iso_date(value: str | date | None) -> date | None:
    """Accept a ``date``, ``None`` or a ``YYYY-MM-DD`` string (ValueError otherwise)."""
    if value is None or isinstance(value, date):
        return value
    message = f"issue date {value!r} is not a date in YYYY-MM-DD form"
    # date.fromisoformat alone would also take 20210714 and week dates (2021-W28-3).
    if not isinstance(value, str) or not _ISO_DATE.fullmatch(value):
        raise ValueError(message)
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(message) from None


def page_header_date(line: str) -> date | None:
    """The date of a page header line such as "重庆日报 2023年3月8日 星期三 第3版", else None.

    >>> header, prose = "重庆日报 2023年3月8日 星期三 第3版", "2023年3月8日，会议召开。"
    >>> page_header_date(header), page_header_date(prose)
    (datetime.date(2023, 3, 8), None)
    """
    if "年" not in line:  # most lines: no date to look for
        return None
    line = line.strip()
    match = _HEADER_DATE.search(line)
    if match is None or len(line) > 60 or not _HEADER_HINT.search(line):
        return None
    return _safe_date(*map(int, match.groups()))


def infer_issue_date(text: str, name: str | None = None) -> date | None:
    """The issue date from a page header in the first lines, else from a file name.

    >>> infer_issue_date("重庆日报 2023年3月8日 星期三 第3版\\n标题")
    datetime.date(2023, 3, 8)
    >>> infer_issue_date("标题", "cqrb_20230308.txt")
    datetime.date(2023, 3, 8)
    """
    for line in text.split("\n")[:8]:
        found = page_header_date(line)
        if found:
            return found
    if name:
        for match in _NAME_DATE.finditer(name):
            found = _safe_date(*map(int, match.groups()))
            if found:
                return found
    return None


def resolve_month_day(month: int | None, day: int, issue_date: date | None) -> date | None:
    """Place a month/day in the issue's year; ``None`` without an issue date.

    A missing month is the issue's month (or the one before, for a day after the issue day).

    >>> resolve_month_day(12, 30, date(2020, 1, 2))
    datetime.date(2019, 12, 30)
    >>> resolve_month_day(None, 9, date(1946, 5, 15))
    datetime.date(1946, 5, 9)
    """
    if issue_date is None:
        return None
    year = issue_date.year
    if month is None:
        month = issue_date.month
        if day > issue_date.day:
            month -= 1
            if month == 0:
                month, year = 12, year - 1
    elif month > issue_date.month:
        year -= 1
    return _safe_date(year, month, day)
