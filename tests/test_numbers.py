"""helpers.numbers: numerals, magnitudes, currencies and readable amounts."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest

from helpers.numbers import CURRENCIES, MAGNITUDES, format_amount, split_magnitude, to_number


@pytest.mark.parametrize(
    ("text", "number"),
    [
        pytest.param("1,200", 1200, id="thousands-comma"),
        pytest.param("1，200", 1200, id="full-width-comma"),
        pytest.param("3.8", 3.8, id="decimal"),
        pytest.param("１２", 12, id="full-width-digits"),
        pytest.param("四千五百万", 45_000_000, id="sixty-million-style"),
        pytest.param("两千", 2000, id="liang-qian"),
        pytest.param("三百亿", 3e10, id="san-bai-yi"),
        pytest.param("二十五万万", 2.5e9, id="wan-wan-1940s"),
        pytest.param("十二点五", 12.5, id="chinese-decimal"),
        pytest.param("零点五", 0.5, id="ling-dian-wu"),
        pytest.param("三千零五", 3005, id="inner-zero"),
        pytest.param("十二万三千", 123_000, id="wan-and-qian"),
        pytest.param("一万二", 12_000, id="colloquial-yi-wan-er"),
        pytest.param("九十九亿九千万", 9.99e9, id="yi-and-wan"),
        pytest.param("〇", 0, id="circle-zero"),
        pytest.param("百", 100, id="bare-bai-jin-bai-yi"),
        pytest.param("万", 10_000, id="bare-wan-guo-wan-yuan"),
        pytest.param("亿", 1e8, id="bare-yi"),
        pytest.param("三点五亿", 3.5e8, id="decimal-then-yi"),
    ],
)
def test_to_number(text, number):
    assert to_number(text) == pytest.approx(number, rel=1e-12)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("", id="empty"),
        pytest.param("abc", id="latin"),
        pytest.param("负三", id="fu-not-a-numeral"),
        pytest.param("1.2万", id="mixed-digits-and-wan"),
        pytest.param("2.5万亿", id="mixed-digits-and-wan-yi"),
        pytest.param(
            "nan",
            id="nan",
        ),
    ],
)
def test_to_number_refuses(text):
    with pytest.raises(ValueError, match="not a number"):
        to_number(text)


@pytest.mark.parametrize(
    ("numeral", "value", "word"),
    [
        pytest.param("1.2万亿", 1.2, "万亿", id="wan-yi"),
        pytest.param("四千五百万", 4500, "万", id="chinese-wan"),
        pytest.param("三百亿", 300, "亿", id="chinese-yi"),
        pytest.param("85", 85, "", id="no-magnitude"),
        pytest.param("三千", 3000, "", id="qian-stays-in-value"),
        pytest.param("一万二千", 12_000, "", id="ends-in-qian"),
        pytest.param("1,200万", 1200, "万", id="comma-head"),
        pytest.param("0.73亿", 0.73, "亿", id="fraction-of-yi"),
        pytest.param("5875.5万", 5875.5, "万", id="decimal-wan"),
        pytest.param("二十五万万", 25, "亿", id="wan-wan-is-yi"),
        pytest.param("百万", 100, "万", id="bai-wan"),
        pytest.param("万", 1, "万", id="bare-wan"),
        pytest.param("亿", 1, "亿", id="bare-yi"),
        pytest.param("万亿", 1, "万亿", id="bare-wan-yi"),
        pytest.param("十二点五亿", 12.5, "亿", id="decimal-yi"),
        pytest.param("一点二万亿", 1.2, "万亿", id="decimal-wan-yi"),
    ],
)
def test_split_magnitude(numeral, value, word):
    got_value, got_word = split_magnitude(numeral)
    assert (got_value, got_word) == (pytest.approx(value, rel=1e-12), word)


@pytest.mark.parametrize(
    "numeral",
    [pytest.param("", id="empty"), pytest.param("abc万", id="latin-head")],
)
def test_split_magnitude_refuses(numeral):
    with pytest.raises(ValueError, match="not a number"):
        split_magnitude(numeral)


@pytest.mark.parametrize(
    ("value", "unit", "shown"),
    [
        pytest.param(150_000_000, "元", "1.5亿元", id="yi"),
        pytest.param(25_000, "元", "2.5万元", id="wan"),
        pytest.param(10_000, "元", "1万元", id="exactly-wan"),
        pytest.param(2000, "元", "2,000元", id="below-wan-with-comma"),
        pytest.param(1.2e12, "元", "1.2万亿元", id="wan-yi"),
        pytest.param(1e16, "元", "10,000万亿元", id="beyond-wan-yi"),
        pytest.param(12_345.6789, "元", "1.2346万元", id="four-decimals"),
        pytest.param(3.14, "元", "3.14元", id="cents"),
        pytest.param(0, "元", "0元", id="zero"),
        pytest.param(-35_000, "元", "-3.5万元", id="negative"),
        pytest.param(8e8, "美元", "8亿美元", id="usd"),
        pytest.param(1.2e4, "卢比", "1.2万卢比", id="rupee"),
        pytest.param(5000, "", "5,000", id="no-unit"),
        pytest.param(np.float64(2.5e4), "元", "2.5万元", id="numpy-float"),
        pytest.param(None, "元", "", id="none"),
        pytest.param(float("nan"), "元", "", id="nan"),
        pytest.param(
            pd.NA,
            "元",
            "",
            id="pandas-na",
        ),
        pytest.param(
            99_999_999.99,
            "元",
            "1亿元",
            id="rounds-up-to-yi",
        ),
    ],
)
def test_format_amount(value, unit, shown):
    assert format_amount(value, unit) == shown


def test_format_amount_reads_back_through_split_magnitude():
    shown = format_amount(294_000_000)
    value, word = split_magnitude(shown.removesuffix("元"))
    assert value * MAGNITUDES[word] == 294_000_000


@pytest.mark.parametrize(
    ("word", "factor"),
    [
        pytest.param("万亿", 1e12, id="wan-yi"),
        pytest.param("亿", 1e8, id="yi"),
        pytest.param("千万", 1e7, id="qian-wan"),
        pytest.param("万", 1e4, id="wan"),
        pytest.param("千", 1e3, id="qian"),
    ],
)
def test_magnitudes(word, factor):
    assert MAGNITUDES[word] == factor


@pytest.mark.parametrize(
    ("word", "code"),
    [
        pytest.param("元", "CNY", id="yuan"),
        pytest.param("人民币", "CNY", id="renminbi"),
        pytest.param("块钱", "CNY", id="kuai-qian"),
        pytest.param("美元", "USD", id="usd"),
        pytest.param("欧元", "EUR", id="eur"),
        pytest.param("港币", "HKD", id="hkd"),
        pytest.param("印度卢比", "INR", id="inr"),
        pytest.param("卢比", None, id="rupee-without-country"),
        pytest.param("比索", None, id="peso-without-country"),
    ],
)
def test_currencies(word, code):
    assert CURRENCIES[word] == code


def test_every_currency_code_is_iso_shaped_or_unknown():
    bad = {w: c for w, c in CURRENCIES.items() if c is not None and not re.fullmatch("[A-Z]{3}", c)}
    assert bad == {}
