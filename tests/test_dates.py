"""helpers.dates: issue dates from page headers and file names, event dates, small numerals."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from helpers.dates import (
    chinese_small_number,
    infer_issue_date,
    page_header_date,
    parse_iso_date,
    resolve_month_day,
)

HEADER = "重庆日报 2023年3月8日 星期三 第3版"


@pytest.mark.parametrize(
    ("token", "number"),
    [
        ("12", 12),
        ("07", 7),
        ("１２", 12),
        ("十", 10),
        ("十二", 12),
        ("二十一", 21),
        ("三十", 30),
        ("三十一", 31),
        ("九十九", 99),
        ("两", 2),
        ("〇", 0),
        ("零", 0),
    ],
    ids=[
        "arabic",
        "leading-zero",
        "full-width",
        "ten",
        "ten-two",
        "twenty-one",
        "thirty",
        "thirty-one",
        "ninety-nine",
        "liang",
        "ling-circle",
        "ling",
    ],
)
def test_chinese_small_number_reads_days_and_months(token, number):
    assert chinese_small_number(token) == number


@pytest.mark.parametrize(
    "token",
    [
        pytest.param("", id="empty"),
        pytest.param("x", id="latin"),
        pytest.param("一二", id="digit-pair"),
        pytest.param("一百", id="hundred"),
        pytest.param("廿", id="nian"),
        pytest.param("十十", id="ten-ten"),
        pytest.param("二十十", id="twenty-ten"),
    ],
)
def test_chinese_small_number_rejects_what_is_no_day(token):
    assert chinese_small_number(token) is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, None),
        (date(2021, 7, 14), date(2021, 7, 14)),
        ("2021-07-14", date(2021, 7, 14)),
        ("2024-02-29", date(2024, 2, 29)),
    ],
    ids=["none", "date", "iso-string", "leap-day"],
)
def test_parse_iso_date_accepts(value, expected):
    assert parse_iso_date(value) == expected


@pytest.mark.parametrize(
    "value",
    [
        pytest.param("2021-02-30", id="feb-30"),
        pytest.param("2023-02-29", id="feb-29-common-year"),
        pytest.param("2021/07/14", id="slashes"),
        pytest.param("2021-7-14", id="no-padding"),
        pytest.param("2021年7月14日", id="chinese"),
        pytest.param(" 2021-07-14", id="leading-space"),
        pytest.param("", id="empty"),
        pytest.param(
            "20210714",
            id="compact",
        ),
        pytest.param(
            20210714,
            id="integer",
        ),
    ],
)
def test_parse_iso_date_refuses_with_an_actionable_message(value):
    with pytest.raises(ValueError, match="is not a date in YYYY-MM-DD form"):
        parse_iso_date(value)


def test_parse_iso_date_keeps_a_datetime_as_given():
    moment = datetime(2021, 7, 14, 8, 30)
    assert parse_iso_date(moment) is moment


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (HEADER, date(2023, 3, 8)),
        ("人民日报 2020年1月18日 第4版", date(2020, 1, 18)),
        ("重庆日报 2023 年 3 月 8 日 A3版", date(2023, 3, 8)),
        ("2020年1月18日 星期六", date(2020, 1, 18)),
        ("   重庆日报 2023年3月8日 星期三   ", date(2023, 3, 8)),
        ("2023年3月8日，会议召开。", None),
        ("重庆日报 2023年2月30日 星期四 第3版", None),
        ("重庆日报 2023年13月8日 星期三", None),
        ("申报日报 1899年3月8日 星期三", None),
        (HEADER + "要闻" * 20, None),
        ("", None),
    ],
    ids=[
        "weekday-and-page",
        "page-only",
        "spaced-letter-page",
        "weekday-only",
        "padded",
        "sentence-not-header",
        "feb-30",
        "month-13",
        "before-1900",
        "too-long",
        "empty",
    ],
)
def test_page_header_date(line, expected):
    assert page_header_date(line) == expected


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        (HEADER + "\n两江新区新增市场主体1.2万户", None, date(2023, 3, 8)),
        ("\n" * 7 + HEADER, None, date(2023, 3, 8)),
        ("\n" * 8 + HEADER, None, None),
        (HEADER + "\n标题", "cqrb_20200101.txt", date(2023, 3, 8)),
        ("标题", "cqrb_20230308.txt", date(2023, 3, 8)),
        ("标题", "chongqing_2023-03-08.txt", date(2023, 3, 8)),
        ("标题", "rmrb_20200118_p04.txt", date(2020, 1, 18)),
        ("标题", "cqrb_2021-07-14_sample.txt", date(2021, 7, 14)),
        ("标题", "cqrb.2023.03.08.txt", date(2023, 3, 8)),
        ("标题", "cqrb_20230230.txt", None),
        ("标题", "cqrb_20230230_20230308.txt", date(2023, 3, 8)),
        ("标题", "scan_120230308.txt", None),
        ("标题", None, None),
        ("", "", None),
    ],
    ids=[
        "header-first-line",
        "header-eighth-line",
        "header-ninth-line-too-late",
        "header-beats-name",
        "name-compact",
        "name-dashes",
        "name-with-page",
        "name-sample",
        "name-dots",
        "name-feb-30",
        "name-second-date-valid",
        "name-digits-run-on",
        "nothing",
        "empty",
    ],
)
def test_infer_issue_date(text, name, expected):
    assert infer_issue_date(text, name) == expected


@pytest.mark.parametrize(
    ("month", "day", "issue", "expected"),
    [
        (7, 13, date(2021, 7, 14), date(2021, 7, 13)),
        (7, 14, date(2021, 7, 14), date(2021, 7, 14)),
        (12, 30, date(2020, 1, 2), date(2019, 12, 30)),
        (8, 1, date(2021, 7, 14), date(2020, 8, 1)),
        (None, 9, date(1946, 5, 15), date(1946, 5, 9)),
        (None, 14, date(2021, 7, 14), date(2021, 7, 14)),
        (None, 20, date(1946, 5, 15), date(1946, 4, 20)),
        (None, 31, date(2021, 1, 5), date(2020, 12, 31)),
        (2, 29, date(2024, 3, 1), date(2024, 2, 29)),
        (2, 30, date(2023, 3, 1), None),
        (2, 29, date(2023, 3, 1), None),
        (None, 31, date(2021, 5, 10), None),
        (13, 1, date(2021, 7, 14), None),
        (7, 0, date(2021, 7, 14), None),
        (0, 5, date(2021, 7, 14), None),
        (7, 13, None, None),
    ],
    ids=[
        "day-before-issue",
        "issue-day",
        "december-on-a-january-page",
        "later-month-is-last-year",
        "day-only-this-month",
        "day-only-issue-day",
        "day-only-after-issue-day-last-month",
        "day-only-last-december",
        "leap-day",
        "feb-30",
        "feb-29-common-year",
        "april-31",
        "month-13",
        "day-0",
        "month-0",
        "no-issue-date",
    ],
)
def test_resolve_month_day(month, day, issue, expected):
    assert resolve_month_day(month, day, issue) == expected
