"""Numbers as Chinese newspapers write them: numerals, magnitudes, currencies and units.

``to_number("四千五百万")`` → 45000000; ``split_magnitude("1.2万亿")`` → (1.2, "万亿");
``MAGNITUDES`` and ``CURRENCIES`` (from :mod:`helpers.vocab`) map the words to factors and ISO
codes. Chinese numerals go through cn2an (``二十五万万``, the 1940s way of writing 亿, is read too).
"""

from __future__ import annotations

import re
from functools import lru_cache

import pandas as pd

from .vocab import CURRENCIES, MAGNITUDES

__all__ = ["MAGNITUDES", "CURRENCIES", "to_number", "split_magnitude", "format_amount"]

_CN_CHARS = set("零〇一二两三四五六七八九十百千万亿点")
_ARABIC = re.compile(r"\d+(?:\.\d+)?|\.\d+")  # float() would also take nan, inf, 1e5, 1_000
_CN_DECIMAL_MAGNITUDE = re.compile(
    r"(?P<number>[零一二两三四五六七八九十百千]+点[零一二两三四五六七八九]+)(?P<word>万亿|亿|万)"
)


@lru_cache(maxsize=4096)  # the same numerals recur; cn2an takes tens of microseconds a call
def to_number(text: str) -> float:
    """A number written in Arabic digits (with thousands commas) or Chinese numerals.

    >>> [to_number(t) for t in ("1,200", "3.8", "四千五百万", "两千", "二十五万万", "十二点五")]
    [1200.0, 3.8, 45000000.0, 2000.0, 2500000000.0, 12.5]
    >>> to_number("三点五亿")
    350000000.0
    """
    text = text.replace(",", "").replace("，", "")
    if _ARABIC.fullmatch(text):
        return float(text)
    if not text or any(c not in _CN_CHARS for c in text):
        raise ValueError(f"not a number: {text!r}")
    text = text.replace("万万", "亿").replace("〇", "零")
    decimal = _CN_DECIMAL_MAGNITUDE.fullmatch(text)
    if decimal:  # 三点五亿: cn2an reads a Chinese decimal only without its magnitude
        return to_number(decimal.group("number")) * MAGNITUDES[decimal.group("word")]
    if text[0] in "百千万亿":
        text = "一" + text  # 近百亿: one hundred; 过万元: ten thousand
    import cn2an  # on first use: its import takes a tenth of a second, every kernel pays it

    try:
        return float(cn2an.cn2an(text, "smart"))
    except (ValueError, KeyError) as exc:
        raise ValueError(f"not a number: {text!r}") from exc


@lru_cache(maxsize=4096)
def split_magnitude(numeral: str) -> tuple[float, str]:
    """Split a trailing 万/亿/万亿 off a numeral: the value in the unit written.

    >>> [split_magnitude(n) for n in ("1.2万亿", "四千五百万", "三百亿", "85")]
    [(1.2, '万亿'), (4500.0, '万'), (300.0, '亿'), (85.0, '')]
    """
    numeral = numeral.replace("万万", "亿")
    if numeral in ("万亿", "亿", "万"):
        return 1.0, numeral  # 过万元: one 万
    for word in ("万亿", "亿", "万"):
        if numeral.endswith(word) and len(numeral) > len(word):
            head = numeral[: -len(word)]
            if re.fullmatch(r"[\d.,]+", head):
                return to_number(head), word
            total = to_number(numeral)
            return round(total / MAGNITUDES[word], 10), word
    return to_number(numeral), ""


def format_amount(value: float | None, unit: str = "元") -> str:
    """A readable Chinese amount: 150000000 → '1.5亿元', 25000 → '2.5万元'.

    >>> format_amount(150000000), format_amount(25000), format_amount(2000), format_amount(1.2e12)
    ('1.5亿元', '2.5万元', '2,000元', '1.2万亿元')
    """
    if value is None or value is pd.NA or value != value:
        return ""
    for word in ("万亿", "亿", "万"):
        factor = MAGNITUDES[word]
        # Round first: 99,999,999.99 shows as 1亿元, not 10,000万元.
        if abs(round(value / factor, 4)) >= 1:
            return f"{value / factor:,.4f}".rstrip("0").rstrip(".") + word + unit
    return f"{value:,.2f}".rstrip("0").rstrip(".") + unit
