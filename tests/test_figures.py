"""helpers.figures over the sample, real sentences, hard cases and held-out labelled sets."""

from __future__ import annotations

import pytest

from helpers import parse_articles
from helpers.figures import (
    FIGURE_COLUMNS,
    body_figures,
    extract_figures,
    figures_from_path,
    figures_from_text,
    readable_figures,
)
from helpers.reading import normalize_text


@pytest.fixture(scope="module")
def sample_figures(sample_path):
    return body_figures(extract_figures(parse_articles(sample_path)))


SAMPLE_MONEY = [
    # article, text, yuan, qualifier, subject, category
    (5, "1亿元", 1e8, "at_least", "资金", "funding"),
    (5, "60亿元", 6e9, "", "广阳岛绿色发展基金", "investment"),
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
        ("经济总量逼近100万亿元。", "100万亿元", "approx"),
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
        # found by a new user's trial
        ("零售额突破百亿元。", "百亿元", "over"),
        ("海外营收约合人民币80亿元。", "80亿元", "approx"),
        ("每家最高可获得50万元奖励。", "50万元", "at_most"),
        ("资金支持最高可达500万元。", "500万元", "at_most"),
        ("单个项目最高投资达120亿元。", "120亿元", "at_most"),
        ("每人最多可领取2000元补贴。", "2000元", "at_most"),
        ("增速达20%以上。", "20%", "at_least"),
        ("新签约3亿元。", "3亿元", ""),  # 签约: signed, not 约 "about"
        ("节约近百万元。", "百万元", "approx"),
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
        # a decline that narrows is a rise of the rate; a growth that slows, a fall
        ("降幅收窄1.4个百分点。", "pp", 1.4, 1.4, None, "up"),
        ("降幅比上月收窄0.6个百分点。", "pp", 0.6, 0.6, "mom", "up"),
        ("增速较上年同期回落2个百分点。", "pp", -2, -2, "yoy", "down"),
        ("降幅比去年同期收窄3.5个百分点。", "pp", 3.5, 3.5, "yoy", "up"),
        ("降幅扩大0.3个百分点。", "pp", -0.3, -0.3, None, "down"),
        ("增幅回落0.5个百分点。", "pp", -0.5, -0.5, None, "down"),
        ("增速比一季度加快0.4个百分点。", "pp", 0.4, 0.4, None, "up"),
        ("降幅收窄至2.1%。", "growth", -2.1, -2.1, None, "down"),  # a level: still a fall
        # a comparison of two levels is a change in percentage points only
        ("增速比全国平均水平高0.9个百分点。", "pp", 0.9, 0.9, None, "up"),
        ("利率比上月低0.2个百分点。", "pp", -0.2, -0.2, "mom", "down"),
        ("较去年全年加快1.3个百分点。", "pp", 1.3, 1.3, None, "up"),
        ("最高5%。", "percent", 5, 5, None, None),
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


# Issue 12: forms of money and rates newspapers use, one case per rule example.


def _rows(text: str, kind: str | None = None) -> list[dict]:
    rows = figures_from_text(normalize_text(text))
    return [r for r in rows if kind is None or r["kind"] == kind]


@pytest.mark.parametrize(
    ("text", "amounts", "currency"),
    [
        pytest.param("票价从800到1万元不等", [800, 10_000], "CNY", id="range-unit-on-high-end"),
        pytest.param("补助2000至3万元", [2000, 30_000], "CNY", id="range-low-end-keeps-scale"),
        pytest.param("两到三万港元", [20_000, 30_000], "HKD", id="range-one-digit-low-end"),
        pytest.param("两到三千元", [2000, 3000], "CNY", id="range-shared-place"),
        pytest.param("1万(含)-5万元", [10_000, 50_000], "CNY", id="range-inclusive-mark"),
        pytest.param("1万元--5万元", [10_000, 50_000], "CNY", id="range-double-dash"),
        pytest.param("十美元", [10], "USD", id="one-digit-dollars"),
        pytest.param("这台电脑两美元", [2], "USD", id="liang-dollars"),
        pytest.param("打印费十块钱", [10], "CNY", id="kuai-qian"),
        pytest.param("花费我三块", [3], "CNY", id="kuai-at-clause-end"),
        pytest.param("开销123元1角1分", [123.11], "CNY", id="jiao-fen"),
        pytest.param("六十四万零一百四十三元一角七分", [640_143.17], "CNY", id="chinese-jiao-fen"),
        pytest.param("十块三毛", [10.3], "CNY", id="kuai-mao"),
        pytest.param("两美元又三美分", [2.03], "USD", id="cents"),
        pytest.param("港币两千九百六十元", [2960], "HKD", id="currency-before"),
        pytest.param("9000元日币", [9000], "JPY", id="currency-after-yuan"),
        pytest.param("三万元欧元", [30_000], "EUR", id="yuan-then-euro"),
        pytest.param("央行到期定存单5306亿台币", [530_600_000_000], "TWD", id="taibi"),
        pytest.param("新台币 177.1 亿元", [17_710_000_000], "TWD", id="spaced-amount"),
        pytest.param("价格300美圆", [300], "USD", id="meiyuan-variant"),
        pytest.param("达到445奈拉", [445], "NGN", id="naira"),
        pytest.param("售价￥300", [300], "CNY", id="yen-sign"),
        pytest.param("4人民币", [4], "CNY", id="renminbi-as-unit"),
        pytest.param("1 万元", [10_000], "CNY", id="space-before-magnitude"),
        pytest.param("3千万亿日元", [3e15], "JPY", id="qianwanyi"),
        pytest.param("两个亿卢布", [200_000_000], "RUB", id="ge-yi"),
        pytest.param("税额共计壹仟玖佰圆整", [1900], "CNY", id="financial-numerals"),
        pytest.param("利息9佰日元", [900], "JPY", id="digit-and-financial-place"),
        pytest.param("82，225.00元", [82_225], "CNY", id="full-width-thousands"),
        pytest.param(
            "合计￥1，633，242.82", [1_633_242.82], "CNY", id="yen-sign-full-width-thousands"
        ),
    ],
)
def test_money_forms(text, amounts, currency):
    money = _rows(text, "money")
    assert [round(r["amount"], 2) for r in money] == amounts
    assert {r["currency"] for r in money} == {currency}


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("三块屏幕同时亮起", id="kuai-pieces"),
        pytest.param("推进一元化管理", id="yiyuanhua"),
        pytest.param("打破城乡二元结构", id="binary"),
        pytest.param("五角大楼宣布了作战计划", id="pentagon"),
        pytest.param("这支队伍里有陆续到来的人", id="financial-digits-in-words"),
        pytest.param("订单号 A202107211321363588510367 可用作", id="order-number"),
    ],
)
def test_not_money(text):
    assert _rows(text, "money") == []


def test_financial_digits_in_words_leave_the_figures_beside_them():
    assert [r["text"] for r in _rows("队伍200人，大陆3家企业")] == ["200人", "3家"]


@pytest.mark.parametrize(
    ("text", "kind", "pct", "qualifier"),
    [
        pytest.param("增速为-2.1%", "growth", -2.1, "", id="minus-sign"),
        pytest.param("同比增长负3.9%", "growth", -3.9, "", id="fu-sign"),
        pytest.param("百分之五", "percent", 5, "", id="baifenzhi-one-digit"),
        pytest.param("提高了六个百分点", "pp", 6, "", id="pp-one-digit"),
        pytest.param("打八五折", "percent", 85, "", id="discount-two-digits"),
        pytest.param("全场75折", "percent", 75, "", id="discount-arabic"),
        pytest.param("费率为千分之三", "percent", 0.3, "", id="per-mille"),
        pytest.param("万分之五的手续费", "percent", 0.05, "", id="per-ten-thousand"),
        pytest.param("只占半成", "percent", 5, "", id="half-tenth"),
        pytest.param("三成半的企业", "percent", 35, "", id="tenths-and-a-half"),
        pytest.param("减少审批时间40%", "growth", -40, "", id="decline-with-object"),
        pytest.param("缩减用地30%以上", "growth", -30, "at_least", id="cut-with-object"),
        pytest.param("能耗压减5%", "growth", -5, "", id="yajian"),
        pytest.param("以6.2%的年均增速", "growth", 6.2, "", id="number-first-growth"),
        pytest.param("增长接近8%", "growth", 8, "approx", id="qualifier-after-verb"),
    ],
)
def test_rate_forms(text, kind, pct, qualifier):
    rates = [r for r in _rows(text) if r["kind"] in ("percent", "growth", "pp")]
    assert [(r["kind"], r["pct"], r["qualifier"]) for r in rates] == [(kind, pct, qualifier)]


def test_a_list_shares_its_unit_and_its_qualifier():
    money = _rows("第一、二、三季度分别为7.01万亿、7.66万亿和8.24万亿元。", "money")
    assert [r["amount"] for r in money] == [7.01e12, 7.66e12, 8.24e12]
    money = _rows("全年经济总量先后突破80万亿元、90万亿元。", "money")
    assert [(r["amount"], r["qualifier"]) for r in money] == [(8e13, "over"), (9e13, "over")]


@pytest.mark.parametrize(
    ("text", "subjects"),
    [
        pytest.param("出口12.48万亿元，增长5.2%。", ["出口", "出口"], id="carried-to-growth"),
        pytest.param("民营企业进出口增长10.4%。", ["民营企业进出口"], id="before-the-verb"),
        pytest.param("贸易顺差2.05万亿元，扩大44.2%。", ["贸易顺差", "贸易顺差"], id="kuoda"),
        pytest.param("共获得730万美元资金。", ["资金"], id="own-noun"),
        pytest.param("领取到了54万余元的稳岗补贴。", ["稳岗补贴"], id="own-noun-after-de"),
        pytest.param(
            "江苏、浙江、安徽出口分别增长5.6%、6.6%、11.9%。", ["出口"] * 3, id="shared-head"
        ),
        pytest.param(
            "较大事故、重特大事故起数分别下降10.2%和5.3%。",
            ["较大事故", "重特大事故起数"],
            id="listed-subjects-in-turn",
        ),
        pytest.param("59.45%的游客参观了历史文化街区。", ["游客"], id="share-of-whom"),
        pytest.param(
            "全市城镇新增就业28.6万人，同比增长3.2%。", ["就业"], id="carried-from-a-count"
        ),
        pytest.param("2018年中国体育产业增加值占GDP的比重超过1%。", ["体育产业增加值"], id="zhan"),
        pytest.param("进口额大幅增长42.3%。", ["进口额"], id="adverb-before-the-verb"),
        pytest.param(
            "社会消费品零售总额规模首次突破40万亿元。", ["社会消费品零售总额规模"], id="shouci"
        ),
        pytest.param(
            "国内生产总值达82.7万亿元，年均实际增长9.5%。",
            ["国内生产总值", "国内生产总值"],
            id="nianjun-carried",
        ),
        pytest.param(
            "实际使用外资9415亿元，折1381亿美元。",
            ["实际使用外资", "实际使用外资"],
            id="conversion-carried",
        ),
        pytest.param("经济总量逼近100万亿元。", ["经济总量"], id="bijin"),
        pytest.param(
            "每个项目可获得20万至50万元的资金支持。", ["资金", "资金"], id="range-shares-its-noun"
        ),
        pytest.param("每户农户可获得最高10万元的免息贷款。", ["免息贷款"], id="received-not-de"),
    ],
)
def test_subjects(text, subjects):
    rows = [r for r in _rows(text) if r["kind"] in ("money", "growth", "percent", "pp")]
    assert [r["subject"] for r in rows] == subjects


@pytest.mark.parametrize(
    ("text", "category"),
    [
        pytest.param("各项贷款余额3.5万亿元。", "loan", id="loan-balance"),
        pytest.param("授信额度200亿元。", "loan", id="credit-line"),
        pytest.param("被处以罚款5万元。", "fine", id="fine"),
        pytest.param("门票价格100元。", "price", id="price"),
        pytest.param("月薪8000元。", "income", id="wage"),
        pytest.param("全年营业额1.2亿元。", "revenue", id="turnover"),
        pytest.param("基金规模60亿元。", "investment", id="fund-size"),
        pytest.param("一等奖奖金10万元。", "award", id="prize"),
        pytest.param("出口12.48万亿元。", "trade", id="exports"),
        pytest.param("他说，这笔钱有5万元。", "other", id="names-nothing"),
    ],
)
def test_categories(text, category):
    assert [r["category"] for r in _rows(text, "money")] == [category]


def test_subjects_do_not_depend_on_the_kinds_asked_for():
    page = (
        "港口货物吞吐量创新高\n\n　　本报讯 前三季度完成货物吞吐量1.2亿吨，同比增长6.1%。"
        "外贸进出口总额达3200亿元，出口2100亿元，增长8.5%；进口1100亿元，下降2.1%。\n"
    )
    articles = parse_articles(page)
    every = extract_figures(articles).query("kind == 'growth'")["subject"].tolist()
    growth = extract_figures(articles, kinds=["growth"])["subject"].tolist()
    assert every == growth == ["货物吞吐量", "出口", "进口"]


def test_every_money_category_has_a_chart_label():
    from helpers.vocab import CATEGORY_LABELS, money_subjects

    assert set(money_subjects().values()) | {"other"} <= set(CATEGORY_LABELS)


def test_figures_in_titles_carry_their_field():
    page = (
        "前三季度工业增加值同比增长6.1%\n全市地区生产总值突破3万亿元\n每户最高补助5万元\n\n"
        "　　本报讯 今年前三季度，全市经济运行稳中有进。\n"
    )
    figures = extract_figures(parse_articles(page))
    got = figures[["field", "kind", "text"]].values.tolist()
    assert ["kicker", "growth", "6.1%"] in got
    assert ["headline", "money", "3万亿元"] in got
    assert ["subtitle", "money", "5万元"] in got
    assert body_figures(figures).empty


@pytest.fixture(scope="module")
def benchmarks_dir():
    import sys

    from helpers.paths import PROJ_ROOT

    sys.path.insert(0, str(PROJ_ROOT / "benchmarks"))


def test_peer_suites_pass(benchmarks_dir):
    import peer_specs

    if peer_specs.peer_folder() is None:
        pytest.skip(f"no peer specs at {peer_specs.PEER_DIR} (set BULLETIN_CORPUS beside them)")
    for suite in peer_specs.SUITES:
        result = peer_specs.score(suite)
        print(f"{suite}: {result.passed}/{result.applicable} = {result.rate:.2f}")
        assert result.rate >= 0.95, result.failures


def test_subjects_of_the_labelled_corpus_figures(benchmarks_dir, corpus):
    import subjects

    right, total, misses = subjects.score(corpus / "rmrb")
    print(f"subjects right on {right}/{total}")
    assert right / total >= 0.85, misses


def _windows(text: str, size: int = 48, step: int = 5):
    return [text[max(0, end - size) : end] for end in range(1, len(text) + 1, step)]


def _some_corpus_pages(step: int) -> list:
    from helpers.paths import corpus_folder

    folder = corpus_folder("rmrb")  # None where the corpus is absent: the sample alone
    return sorted(folder.glob("2019*/*.txt"))[::step] if folder is not None else []


def test_first_character_classes_only_skip_positions(sample_path):
    """The classes tested in front of _SUBJECT_START and _SUBJECT_TAIL (for speed) leave their
    matches as the branches alone give them: on every word of their lists, on the sample,
    and on corpus pages where the corpus is present."""
    import re

    from helpers import figures as F

    plain_start = re.compile(f"(?:{F._SUBJECT_START_BRANCHES})", re.VERBOSE)
    plain_tail = re.compile(rf"(?:{F._alternation(F._TAIL_WORDS)}|\s)+$")
    words = [*F._TIME_WORDS, *F._AMOUNT_VERBS, *F._LIMIT_WORDS, *F.CHANGE_WITH_OBJECT]
    structural = "，".join(
        ["2019年9月30日", "一个月", "3年来", "832个", "截至去年底", "“头雁”", "第一季度"]
        + ["使", "让", "在", "人均", "每户", "组建"]
    )
    texts = ["营业收入" + "，营业收入".join(words + F._TAIL_WORDS), structural]
    texts.append(sample_path.read_text(encoding="utf-8"))
    texts += [p.read_text(encoding="utf-8") for p in _some_corpus_pages(60)]
    checked = 0
    for phrase in (w for text in texts for w in _windows(text)):
        starts = [m.span() for m in F._SUBJECT_START.finditer(phrase)]
        assert starts == [m.span() for m in plain_start.finditer(phrase)], phrase
        tail = F._SUBJECT_TAIL.search(phrase)
        plain = plain_tail.search(phrase)
        assert (tail and tail.span()) == (plain and plain.span()), phrase
        checked += 1
    assert checked > 800  # the word lists and the sample alone give about 900


def test_money_only_reads_as_every_kind_does(sample_path):
    """kinds=["money"] reads only the sentences with an amount, up to their last amount; its
    rows are the money rows of a full reading, subjects included (range ids apart)."""
    for path in [sample_path, *_some_corpus_pages(25)]:
        articles = parse_articles(path)
        every = extract_figures(articles).query("kind == 'money'").reset_index(drop=True)
        money = extract_figures(articles, kinds=["money"])
        columns = [c for c in FIGURE_COLUMNS if c != "range_id"]
        assert money[columns].equals(every[columns]), path.name


def test_a_size_class_is_no_amount():
    """亿元以上项目: projects of a hundred million yuan or more, no amount of money (and 签约
    is no 约 "about" before it)."""
    assert _rows("全年新签约亿元以上项目56个。", "money") == []
