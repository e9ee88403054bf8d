"""helpers.trends: totals per period from tables built by the real pipeline on short bulletins.

Each bulletin goes through parse_articles, extract_figures and word_frequencies, and its rows
are stamped with ``source_file`` and ``issue_date`` as helpers.archive does. Expected totals
are read off the bulletins by hand.
"""

from __future__ import annotations

import pandas as pd
import pytest

from helpers import extract_figures, parse_articles
from helpers.topics import word_frequencies
from helpers.trends import growth_over_time, money_by_period, moving_words, topic_shares_by_period

BULLETINS = [  # source_file, issue date, text; out of date order on purpose
    (
        "cqrb_20210803.txt",
        "2021-08-03",
        "金融支持小微企业\n\n本报讯（记者 杨骏）8月2日，市金融管理局介绍，银行新发放小微企业"
        "贷款300亿元，比上年同期下降2.1%，贷款利率比上年提高0.4个百分点。\n\n"
        "对首贷企业每户补助10万至30万元。",
    ),
    (
        "cqrb_20210713.txt",
        "2021-07-13",
        "南岸出台科技创新奖励政策\n\n本报讯（记者 王翔）7月12日，南岸区出台政策，对首次认定的"
        "高新技术企业给予20万元奖励，每家企业最高补助1000万元。\n\n"
        "今年上半年，全区工业产值同比增长35.69%。",
    ),
    (
        "cqrb_20210714.txt",
        "2021-07-14",
        "创客大赛启动\n\n本报讯（记者 夏元）7月13日，第六届创客中国大赛启动，一等奖可获奖金"
        "5万元，入围企业每户补助20万至50万元。\n\n大赛设立专项资金1亿元，另有境外投资8亿美元。",
    ),
    ("undated.txt", None, "补助发放\n\n本报讯 每户补助5万元，产值同比增长8%。"),
]


def stamped(frames: list[pd.DataFrame]) -> pd.DataFrame:
    """One table for the archive, every row stamped with its file and issue date."""
    rows = [
        frame.assign(source_file=name, issue_date=pd.Timestamp(day) if day else pd.NaT)
        for frame, (name, day, _) in zip(frames, BULLETINS, strict=True)
    ]
    return pd.concat(rows, ignore_index=True).astype({"issue_date": "datetime64[us]"})


@pytest.fixture(scope="module")
def articles() -> list[pd.DataFrame]:
    return [parse_articles(text, issue_date=day) for _, day, text in BULLETINS]


@pytest.fixture(scope="module")
def figures(articles) -> pd.DataFrame:
    return stamped([extract_figures(frame) for frame in articles])


@pytest.fixture(scope="module")
def words(articles) -> pd.DataFrame:
    return stamped([word_frequencies(frame) for frame in articles])


def by_period(table: pd.DataFrame) -> dict[str, dict[str, float]]:
    return {str(period): row for period, row in table.to_dict("index").items()}


MONTHLY = {  # 20万至50万元 and 10万至30万元 count at their low ends; 8亿美元 has no yuan
    "2021-07": {"award": 200_000 + 50_000, "funding": 1e8, "loan": 0, "subsidy": 1e7 + 200_000},
    "2021-08": {"award": 0, "funding": 0, "loan": 3e10, "subsidy": 100_000},
}
DAILY = {
    "2021-07-13": {"award": 200_000, "funding": 0, "loan": 0, "subsidy": 1e7},
    "2021-07-14": {"award": 50_000, "funding": 1e8, "loan": 0, "subsidy": 200_000},
    "2021-08-03": {"award": 0, "funding": 0, "loan": 3e10, "subsidy": 100_000},
}
QUARTERLY = {"2021Q3": {"award": 250_000, "funding": 1e8, "loan": 3e10, "subsidy": 10_300_000}}


@pytest.mark.parametrize(
    ("freq", "expected"),
    [
        pytest.param("M", MONTHLY, id="month"),
        pytest.param("D", DAILY, id="day"),
        pytest.param("Q", QUARTERLY, id="quarter"),
    ],
)
def test_money_by_period_totals_yuan_per_category(figures, freq, expected):
    assert by_period(money_by_period(figures, freq=freq)) == expected


def test_ranges_restart_their_ids_per_file_and_each_counts_once(figures):
    ranges = figures[figures["range_id"].notna()]
    assert ranges[["source_file", "text", "range_id"]].values.tolist() == [
        ["cqrb_20210803.txt", "10万", 1],
        ["cqrb_20210803.txt", "30万元", 1],
        ["cqrb_20210714.txt", "20万", 1],
        ["cqrb_20210714.txt", "50万元", 1],
    ]
    assert money_by_period(figures, freq="D")["subsidy"].tolist() == [1e7, 200_000, 100_000]


def test_money_by_period_leaves_out_undated_rows(figures):
    undated = figures[figures["issue_date"].isna()]
    assert undated["text"].tolist() == ["5万元", "8%"]
    assert money_by_period(undated).empty


@pytest.mark.parametrize(
    "kinds",
    [pytest.param(["growth", "pp"], id="growth-only"), pytest.param([], id="no-rows")],
)
def test_money_by_period_on_frames_without_money(figures, kinds):
    assert money_by_period(figures[figures["kind"].isin(kinds)]).empty


def test_growth_over_time_lists_dated_growth_in_date_order(figures):
    growth = growth_over_time(figures)
    assert list(growth.columns) == [
        "issue_date",
        "source_file",
        "article_id",
        "text",
        "pct",
        "basis",
        "subject",
        "sentence",
    ]
    shown = growth.assign(issue_date=growth["issue_date"].dt.strftime("%Y-%m-%d")).fillna("")
    assert shown[
        ["issue_date", "source_file", "text", "pct", "basis", "subject"]
    ].values.tolist() == [
        ["2021-07-13", "cqrb_20210713.txt", "35.69%", 35.69, "yoy", "工业产值"],
        ["2021-08-03", "cqrb_20210803.txt", "2.1%", -2.1, "yoy", "小微企业贷款"],
    ]
    assert growth["sentence"].iloc[0] == "今年上半年，全区工业产值同比增长35.69%。"


def test_growth_over_time_of_an_empty_frame(figures):
    growth = growth_over_time(figures.iloc[0:0])
    assert growth.empty and len(growth.columns) == 8


def test_topic_shares_by_month(words):
    # July: 政策 4 (奖励 2, 政策 2), 科技 2 (科技, 高新技术企业), 产业 2 (企业 twice),
    # 创业 5 (大赛 3, 创客, 创客中国), 金融 1 (投资). August: 金融 5 (金融 2, 贷款 2, 银行),
    # 产业 3 (企业 3), 政策 1 (管理局). The undated page's 产值 counts nowhere.
    shares = by_period(topic_shares_by_period(words))
    assert shares == {
        "2021-07": pytest.approx(
            {"产业": 2 / 14, "创业": 5 / 14, "政策": 4 / 14, "科技": 2 / 14, "金融": 1 / 14}
        ),
        "2021-08": pytest.approx(
            {"产业": 3 / 9, "创业": 0, "政策": 1 / 9, "科技": 0, "金融": 5 / 9}
        ),
    }


def test_topic_shares_with_an_edited_lexicon(words, tmp_path):
    lexicon = tmp_path / "topics.csv"
    lexicon.write_text("topic,term\n航天,嫦娥五号\n金融,贷款\n金融,银行\n创业,大赛\n", "utf-8")
    shares = topic_shares_by_period(words, freq="D", lexicon=lexicon)
    assert by_period(shares) == {
        "2021-07-14": {"创业": 1.0, "金融": 0.0},
        "2021-08-03": {"创业": 0.0, "金融": 1.0},
    }


def test_topic_lexicon_with_wrong_columns_is_refused(words, tmp_path):
    lexicon = tmp_path / "topics.csv"
    lexicon.write_text("主题,词\n金融,贷款\n", "utf-8")
    with pytest.raises(ValueError, match="must have the columns topic,term"):
        topic_shares_by_period(words, lexicon=lexicon)


def test_topic_shares_of_an_empty_frame(words):
    assert topic_shares_by_period(words.iloc[0:0]).empty


def test_moving_words_compares_first_and_last_period(words):
    # Words seen 3 times or more: 企业 (July 2, August 3) and 大赛 (July 3): shares of those.
    moved = moving_words(words, top=1, min_count=3)
    assert moved.values.tolist() == [
        ["企业", 4000.0, 10000.0, 6000.0],
        ["大赛", 6000.0, 0.0, -6000.0],
    ]


def test_moving_words_lists_each_word_once(words):
    moved = moving_words(words, top=2, min_count=3)
    assert moved["word"].tolist() == ["企业", "大赛"]


@pytest.mark.parametrize(
    "source_file",
    [pytest.param("cqrb_20210713.txt", id="one-period"), pytest.param("none.txt", id="empty")],
)
def test_moving_words_needs_two_periods(words, source_file):
    moved = moving_words(words[words["source_file"] == source_file], min_count=1)
    assert moved.empty and list(moved.columns) == ["word", "first", "last", "change"]
