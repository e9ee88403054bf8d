"""helpers.figures over the sample, real sentences, hard cases and held-out labelled sets."""

from __future__ import annotations

import pytest

from helpers import parse_articles
from helpers.figures import (
    FIGURE_COLUMNS,
    extract_figures,
    figures_from_path,
    figures_from_text,
    readable_figures,
)
from helpers.reading import normalize_text


@pytest.fixture(scope="module")
def sample_figures(sample_path):
    return extract_figures(parse_articles(sample_path))


SAMPLE_MONEY = [
    # article, text, yuan, qualifier, subject, category
    (5, "1亿元", 1e8, "at_least", "资金", "funding"),
    (5, "60亿元", 6e9, "", "基金规模", "investment"),
    (5, "20万元", 2e5, "", "奖励", "award"),
    (5, "15万元", 1.5e5, "", "奖励", "award"),
    (5, "5万元", 5e4, "", "补助", "subsidy"),
    (5, "1000万元", 1e7, "at_most", "补助", "subsidy"),
    (6, "1.5亿元", 1.5e8, "", "产值", "output"),
    (6, "2.94亿元", 2.94e8, "", "工业产值", "output"),
    (7, "5万元", 5e4, "", "奖金", "award"),
    (7, "3万元", 3e4, "", "奖金", "award"),
    (7, "2万元", 2e4, "", "奖金", "award"),
    (7, "1万元", 1e4, "", "奖金", "award"),
    (7, "2000元", 2e3, "", "补助金", "subsidy"),
]


def test_sample_money_is_exactly_the_thirteen_amounts(sample_figures):
    money = sample_figures[sample_figures["kind"] == "money"]
    got = [
        (r.article_id, r.text, r.yuan, r.qualifier, r.subject, r.category)
        for r in money.itertuples()
    ]
    assert got == SAMPLE_MONEY
    assert (money["currency"] == "CNY").all()


def test_sample_has_one_growth_figure(sample_figures):
    growth = sample_figures[sample_figures["kind"] == "growth"]
    assert growth[
        ["article_id", "text", "value", "basis", "direction", "subject"]
    ].values.tolist() == [[6, "35.69%", 35.69, "yoy", "up", "工业产值"]]
    assert sample_figures["kind"].isin(["pp"]).sum() == 0


def test_sample_has_no_false_figures(sample_figures):
    others = sample_figures[~sample_figures["kind"].isin(["money", "growth"])]
    assert sorted(zip(others["kind"], others["text"], strict=True)) == sorted(
        [
            ("count", "7家"),
            ("count", "9所"),
            ("count", "9所"),
            ("count", "9所"),
            ("count", "23家"),
            ("count", "85份"),
            ("count", "13所"),
            ("count", "31份"),
            ("measure", "17.4764克"),
            ("measure", "10mK"),
            ("measure", "0.01度"),
            ("count", "24条"),
            ("percent", "10%"),
            ("count", "20条"),
            ("count", "1500万件"),
            ("count", "1名"),
            ("count", "2名"),
            ("count", "3名"),
            ("count", "5名"),
            ("count", "92.5万户"),
            ("count", "820万人"),
            ("percent", "七成"),
            ("percent", "70%"),
        ]
    )


def test_sample_offsets_and_sentences(sample_figures, sample_path):
    articles = parse_articles(sample_path).set_index("article_id")
    for row in sample_figures.itertuples():
        body = articles.loc[row.article_id, "body"]
        assert body[row.start : row.end] == row.text
        assert row.text in row.sentence and row.sentence in body
    page_break = sample_figures[(sample_figures.article_id == 7) & (sample_figures.text == "3万元")]
    assert page_break["sentence"].iloc[0].startswith("其中,“区域赛”决出的企业组")


def test_columns_and_kinds_filter(sample_figures, sample_path):
    assert list(sample_figures.columns) == FIGURE_COLUMNS
    only = figures_from_path(sample_path, kinds=["money", "growth"])
    assert set(only["kind"]) == {"money", "growth"} and len(only) == 14
    with pytest.raises(ValueError, match="unknown figure kind"):
        extract_figures(parse_articles(sample_path), kinds=["cash"])


def one(text: str, index: int = 0) -> dict:
    return figures_from_text(normalize_text(text))[index]


@pytest.mark.parametrize(
    ("sentence", "text", "value", "unit", "amount", "currency"),
    [
        ("项目总投资1.5亿元。", "1.5亿元", 1.5, "亿元", 1.5e8, "CNY"),
        ("全年投入３．８亿元。", "3.8亿元", 3.8, "亿元", 3.8e8, "CNY"),
        ("安排专项资金1,200万元。", "1,200万元", 1200, "万元", 1.2e7, "CNY"),
        ("设立三百亿元的产业基金。", "三百亿元", 300, "亿元", 3e10, "CNY"),
        ("拨付四千五百万元。", "四千五百万元", 4500, "万元", 4.5e7, "CNY"),
        ("筹集两千万元。", "两千万元", 2000, "万元", 2e7, "CNY"),
        ("GDP达1.2万亿元。", "1.2万亿元", 1.2, "万亿元", 1.2e12, "CNY"),
        ("捐款3万余元。", "3万余元", 3, "万元", 3e4, "CNY"),
        ("进口额达8亿美元。", "8亿美元", 8, "亿美元", 8e8, "USD"),
        ("获得5000万欧元投资。", "5000万欧元", 5000, "万欧元", 5e7, "EUR"),
        ("以20亿港元收购。", "20亿港元", 20, "亿港元", 2e9, "HKD"),
        ("签约8亿元人民币。", "8亿元人民币", 8, "亿元", 8e8, "CNY"),
        ("资本总额为二十五万万元。", "二十五万万元", 25, "亿元", 2.5e9, "CNY"),
    ],
)
def test_money_amounts(sentence, text, value, unit, amount, currency):
    figure = one(sentence)
    assert (figure["kind"], figure["text"], figure["value"], figure["unit"]) == (
        "money",
        text,
        value,
        unit,
    )
    assert figure["amount"] == pytest.approx(amount) and figure["currency"] == currency
    assert figure["yuan"] == (pytest.approx(amount) if currency == "CNY" else None)


@pytest.mark.parametrize(
    ("sentence", "text", "qualifier"),
    [
        ("每家企业最高补助1000万元。", "1000万元", "at_most"),
        ("每年财政投入资金不少于1亿元。", "1亿元", "at_least"),
        ("新增投资10亿元以上。", "10亿元", "at_least"),
        ("吸纳就业近820万人。", "820万人", "approx"),
        ("预计投入约三百万元。", "三百万元", "approx"),
        ("捐款3万余元。", "3万余元", "over"),
        ("资产逾5亿元。", "5亿元", "over"),
        ("年收入只有6000多元。", "6000多元", "over"),
        ("给予1000万元以下补贴。", "1000万元", "at_most"),
        ("对规模以上20万元奖励。", "20万元", ""),
        ("给予规模以下15万元的一次性奖励。", "15万元", ""),
        ("在附近500米内。", "500米", ""),
        ("一户每年收入过万元。", "万元", "over"),
        ("超过万元的订单。", "万元", "over"),
        ("年度过千亿元。", "千亿元", "over"),
        ("两人科室相距不过百米。", "百米", "at_most"),
        ("经过百万公里测试。", "百万公里", ""),
    ],
)
def test_qualifiers(sentence, text, qualifier):
    figure = one(sentence)
    assert (figure["text"], figure["qualifier"]) == (text, qualifier)


@pytest.mark.parametrize(
    ("sentence", "kind", "value", "pct", "basis", "direction"),
    [
        ("利润35.69%来自出口。", "percent", 35.69, 35.69, None, None),
        ("百分之三十的企业。", "percent", 30, 30, None, None),
        ("占全市就业人员近七成。", "percent", 7, 70, None, None),
        ("产值同比增长35.69%。", "growth", 35.69, 35.69, "yoy", "up"),
        ("营业收入下降2.1%。", "growth", -2.1, -2.1, None, "down"),
        ("环比增长0.12%。", "growth", 0.12, 0.12, "mom", "up"),
        ("比上年提高0.4个百分点。", "pp", 0.4, 0.4, "vs_prev_year", "up"),
        ("营业额比去年同期增长12.5%。", "growth", 12.5, 12.5, "yoy", "up"),
        ("较上年同期下降3%。", "growth", -3, -3, "yoy", "down"),
        ("降幅收窄1.4个百分点。", "pp", -1.4, -1.4, None, "down"),
        ("出口增长1.5倍。", "growth", 1.5, 150, None, "up"),
        ("产值翻一番。", "growth", 1, 100, None, "up"),
        ("跌幅为3%。", "growth", -3, -3, None, "down"),
        ("占比提高到70%。", "percent", 70, 70, None, None),
    ],
)
def test_shares_and_growth(sentence, kind, value, pct, basis, direction):
    figure = one(sentence)
    assert (
        figure["kind"],
        figure["value"],
        figure["pct"],
        figure["basis"],
        figure["direction"],
    ) == (kind, pytest.approx(value), pytest.approx(pct), basis, direction)


def test_growth_listed_after_a_verb_inherits_it():
    figures = figures_from_text("生产总值和财政收入分别增长7%和9.9%。")
    assert [(f["kind"], f["pct"]) for f in figures] == [("growth", 7), ("growth", 9.9)]


@pytest.mark.parametrize(
    "sentence",
    [
        "5G基站建设加快。",
        "重庆医科大学于2015年成为共建高校。",
        "7月13日，大赛启动。",
        "今年1-6月，企业累计生产。",
        "例如第16条创新财政金融支持方面。",
        "第六届“创客中国”大赛。",
        "M9协作网在重庆成立。",
        "元旦期间住3单元。",
        "数十人参加。",
        "是去年的2倍。",
        "成为万元户。",
        "发展多元化。",
        "通过万元户评选。",
        "通过百家宴庆祝。",
        "参观过百度、腾讯。",
        "船长七八米。",
        "运来六七吨煤。",
    ],
)
def test_not_figures(sentence):
    assert figures_from_text(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "kind", "text", "value", "unit"),
    [
        ("共收到23家机构的申请。", "count", "23家", 23, "家"),
        ("85份申请。", "count", "85份", 85, "份"),
        ("生产配件1500万件。", "count", "1500万件", 1500, "万件"),
        ("中小微企业达到92.5万户。", "count", "92.5万户", 92.5, "万户"),
        ("样品发放总量共17.4764克。", "measure", "17.4764克", 17.4764, "克"),
        ("实现10mK以下极低温。", "measure", "10mK", 10, "mK"),
    ],
)
def test_counts_and_measures(sentence, kind, text, value, unit):
    figure = one(sentence)
    assert (figure["kind"], figure["text"], figure["value"], figure["unit"]) == (
        kind,
        text,
        value,
        unit,
    )


@pytest.mark.parametrize(
    ("sentence", "ends"),
    [
        ("给予50万元至2000万元支持。", [("50万元", 5e5), ("2000万元", 2e7)]),
        ("给予20万至50万元支持。", [("20万", 2e5), ("50万元", 5e5)]),
        ("损失600亿至800亿欧元。", [("600亿", 6e10), ("800亿欧元", 8e10)]),
    ],
)
def test_ranges_share_an_id(sentence, ends):
    figures = figures_from_text(sentence)
    assert [(f["text"], f["amount"]) for f in figures] == ends
    assert figures[0]["range_id"] == figures[1]["range_id"] is not None


def test_percent_range():
    figures = figures_from_text("增速在6%—7%之间，另有10%至20%的企业。")
    assert [f["range_id"] for f in figures] == [1, 1, 2, 2]


def test_a_page_break_split_amount_is_one_figure():
    articles = parse_articles(
        "标题\n\n本报讯（记者 张三）二等奖可获奖金3万\n\n元，三等奖可获奖金2万元。"
    )
    figures = extract_figures(articles)
    assert figures["text"].tolist() == ["3万元", "2万元"]


def test_readable_amounts(sample_figures):
    shown = readable_figures(sample_figures)
    row = shown[shown["text"] == "60亿元"].iloc[0]
    assert (row["amount_readable"], row["yuan_readable"]) == ("60亿元", "6,000,000,000")


def test_basis_points_and_rate_nouns():
    assert [
        (f["kind"], f["pct"]) for f in figures_from_text("贷款利率比2019年末下降80个基点。")
    ] == [("pp", -0.8)]
    assert [(f["kind"], f["pct"]) for f in figures_from_text("全球经济增速将加快至2.5%。")] == [
        ("growth", 2.5)
    ]


def test_vague_and_colloquial_amounts():
    figures = figures_from_text("损失100多万元，一年可收入上万元，两斤3块钱，获利数十万元。")
    assert [(f["text"], f["amount"], f["qualifier"]) for f in figures] == [
        ("100多万元", 1e6, "over"),
        ("万元", 1e4, "over"),
        ("3块钱", 3.0, ""),
        ("数十万元", 2e5, "approx"),
        ("数十万元", 9e5, "approx"),
    ]


def test_chinese_decimals_are_not_vague():
    assert [(f["text"], f["amount"]) for f in figures_from_text("票价三点一四元。")] == [
        ("三点一四元", 3.14)
    ]


@pytest.mark.parametrize(
    ("sentence", "text", "low", "high"),
    [
        ("每月开销两三千元。", "两三千元", 2000, 3000),
        ("一辆车卖十七八万元。", "十七八万元", 170_000, 180_000),
        ("买一台要十几万元。", "十几万元", 110_000, 190_000),
        ("企业每年补贴几十万元。", "几十万元", 200_000, 900_000),
        ("吸引投资数百亿元。", "数百亿元", 2e10, 9e10),
        ("门票一二百元。", "一二百元", 100, 200),
        ("融资两三千万美元。", "两三千万美元", 2e7, 3e7),
        ("只花一两块钱。", "一两块钱", 1, 2),
        ("七八元一斤。", "七八元", 7, 8),
        ("一斤能卖十几元。", "十几元", 11, 19),
        ("偷了十几块钱的东西。", "十几块钱", 11, 19),
        ("门票几十元。", "几十元", 20, 90),
    ],
)
def test_vague_money_is_a_range(sentence, text, low, high):
    figures = figures_from_text(sentence)
    assert [(f["text"], f["amount"], f["qualifier"]) for f in figures] == [
        (text, low, "approx"),
        (text, high, "approx"),
    ]
    assert figures[0]["range_id"] == figures[1]["range_id"] is not None
    assert sentence[figures[0]["start"] : figures[0]["end"]] == text


def test_vague_money_keeps_its_subject_and_totals_count_it_once():
    from helpers.figures import one_per_range

    figures = extract_figures(parse_articles("补贴政策\n\n本报讯 每户补贴几十万元，另奖励5万元。"))
    assert figures["subject"].tolist() == ["补贴", "补贴", "奖励"]
    assert one_per_range(figures)["yuan"].sum() == 250_000


@pytest.mark.parametrize(
    ("body", "text", "yuan"),
    [("三千元的补助已到账。", "三千元", 3000), ("二十万元奖金。", "二十万元", 2e5)],
)
def test_chinese_numeral_at_the_very_start_of_a_body(body, text, yuan):
    figure = one(body)
    assert (figure["text"], figure["yuan"]) == (text, yuan)
