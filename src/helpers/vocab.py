"""The vocabularies figures are read with: rules as data, apart from the matching code.

``helpers.numbers`` reads numerals with :data:`MAGNITUDES`; ``helpers.figures`` builds its
patterns from the tables here (units, currencies, qualifiers, change verbs) and names what
money is for from ``data/lexicon/money_subjects.csv`` (one row per word: the word, its
category). Add a currency, a unit or a qualifier here and the patterns take it up; the forms
of each table have test cases in ``tests/test_figures.py`` and ``tests/test_numbers.py``.
"""

from __future__ import annotations

import csv
from functools import lru_cache

from .paths import LEXICON_DIR

__all__ = [
    "MAGNITUDES",
    "CURRENCIES",
    "CURRENCY_PREFIXES",
    "SUB_UNITS",
    "COUNT_UNITS",
    "MEASURE_UNITS",
    "RATE_UNITS",
    "QUALIFIERS_BEFORE",
    "QUALIFIERS_AFTER",
    "CHANGE_UP",
    "CHANGE_DOWN",
    "CHANGE_WITH_OBJECT",
    "BASES",
    "CATEGORY_LABELS",
    "money_subjects",
    "entity_words",
]

# Magnitude words and their factors (千万亿 = 10^15). 个亿 is how speech writes 亿 (两个亿).
MAGNITUDES = {
    "千万亿": 1e15,
    "百万亿": 1e14,
    "十万亿": 1e13,
    "万亿": 1e12,
    "千亿": 1e11,
    "百亿": 1e10,
    "个亿": 1e8,
    "亿": 1e8,
    "千万": 1e7,
    "百万": 1e6,
    "万": 1e4,
    "千": 1e3,
    "百": 1e2,
}

# Money units after a number and their ISO codes; None where the name could be several
# currencies (卢比, 比索). 块 alone is money only where ``helpers.figures`` says so (三块钱 always,
# 三块 at a clause's end in a sentence about money, never 三块屏幕).
CURRENCIES: dict[str, str | None] = {
    "元": "CNY",
    "圆": "CNY",
    "人民币": "CNY",
    "块钱": "CNY",
    "元钱": "CNY",
    "块": "CNY",
    "美元": "USD",
    "美圆": "USD",
    "美金": "USD",
    "欧元": "EUR",
    "港元": "HKD",
    "港币": "HKD",
    "日元": "JPY",
    "日币": "JPY",
    "英镑": "GBP",
    "卢布": "RUB",
    "澳元": "AUD",
    "加元": "CAD",
    "韩元": "KRW",
    "新台币": "TWD",
    "台币": "TWD",
    "澳门元": "MOP",
    "瑞士法郎": "CHF",
    "新加坡元": "SGD",
    "新西兰元": "NZD",
    "泰铢": "THB",
    "越南盾": "VND",
    "林吉特": "MYR",
    "兰特": "ZAR",
    "奈拉": "NGN",
    "印度卢比": "INR",
    "巴基斯坦卢比": "PKR",
    "雷亚尔": "BRL",
    "卢比": None,
    "比索": None,
    "第纳尔": None,
    "里亚尔": None,
}
# Currency names written before the number (港币两千九百六十元, 新台币 177.1 亿元, ￥300): they
# say which 元 it is.
CURRENCY_PREFIXES = {
    "港币": "HKD",
    "港元": "HKD",
    "新台币": "TWD",
    "台币": "TWD",
    "人民币": "CNY",
    "美金": "USD",
    "日币": "JPY",
    "￥": "CNY",
    "¥": "CNY",
}
# Sub-units after a whole amount (123元1角1分, 十块三毛, 两美元又三美分): their factor, by the
# currency they belong to.
SUB_UNITS = {
    "CNY": {"角": 0.1, "毛": 0.1, "分": 0.01},
    "USD": {"美分": 0.01},
}

COUNT_UNITS = (
    "人次 部门 家 个 份 所 件 户 人 名 项 条 次 台 辆 套 座 部 只 头 架 艘 批 间 张 本 篇 场 位 支 "
    "种 类 处 栋 例 起 宗 笔 款 枚 颗 株 棵 门 幅 首 册 箱 盒 双 对 把 团 队 村 镇 县 个体"
).split()
MEASURE_UNITS = (
    "平方公里 平方千米 平方米 立方米 千米 公里 厘米 毫米 纳米 米 千克 公斤 克 吨 亩 公顷 千瓦时 "
    "千瓦 兆瓦 吉瓦 瓦 摄氏度 度 毫升 升 标箱 TEU mK km kg kWh kW MW GW nm GHz MHz Hz TB GB MB "
    "Gbps Mbps K ℃"
).split()
# Rate units: what they are read as (ratio: 增长1.5倍; share: 七成).
RATE_UNITS = {
    "%": "percent",
    "个百分点": "pp",
    "百分点": "pp",
    "个基点": "bp",
    "基点": "bp",
    "倍": "ratio",
    "成": "share",
}

# Qualifiers before a number, and what they say about it.
QUALIFIERS_BEFORE = {
    "不少于": "at_least",
    "不低于": "at_least",
    "至少": "at_least",
    "最少": "at_least",
    "不超过": "at_most",
    "不高于": "at_most",
    "不到": "at_most",
    "不足": "at_most",
    "最高": "at_most",
    "最多": "at_most",
    "至多": "at_most",
    "超过": "over",
    "逾": "over",
    "突破": "over",
    "超": "over",
    "上": "over",  # 上万元: only before a bare magnitude
    "过": "over",  # 过亿元: only before a bare magnitude
    "高达": "",
    "约": "approx",
    "大约": "approx",
    "约为": "approx",
    "约合": "approx",  # 约合人民币80亿元: about, once converted
    "近": "approx",
    "将近": "approx",
    "接近": "approx",
    "逼近": "approx",
    "达到": "",
    "达": "",
}
# Qualifiers after a number (余 and 多 inside it: 2000余元, 100多万元, say ``over`` too).
QUALIFIERS_AFTER = {
    "以上": "at_least",
    "及以上": "at_least",
    "之上": "at_least",
    "以下": "at_most",
    "及以下": "at_most",
    "以内": "at_most",
    "之内": "at_most",
    "左右": "approx",
    "上下": "approx",
    "许": "approx",
}

# Change verbs before a rate (增长5.2%, 下降2.1%): a rate after one is a change, not a share.
CHANGE_UP = (
    "增长 增加 上升 提高 上涨 扩大 提升 攀升 回升 上调 增 涨 高于 高出 快于 增速 增幅 增长率 涨幅 "
    "高 快"  # 比全国高0.9个百分点: comparisons, read in percentage points only
).split()
CHANGE_DOWN = (
    "下降 减少 降低 回落 下滑 下跌 收窄 缩小 缩减 压减 削减 压缩 缩短 节约 节省 下调 降 跌 减 "
    "低于 慢于 降幅 跌幅 降速 低 慢"
).split()
# A rate led by what it measures (增速, 降幅...) and a word of how that measure moved: the
# change's sign is the measure's times the word's. 降幅收窄1.2个百分点: the decline narrowed,
# the rate rose; 增幅回落0.5个百分点: it fell; 降幅扩大: it fell further. After a word of
# level (降幅收窄至2.1%, 增速为5%) the figure is the measure itself: the measure's sign.
MEASURE_SIGNS = {"增速": 1, "增幅": 1, "增长率": 1, "涨幅": 1, "降幅": -1, "跌幅": -1, "降速": -1}
MOVE_SIGNS = {
    **dict.fromkeys("收窄 缩小 减小 回落 放缓 减缓 趋缓 下降 降低 下滑 收缩".split(), -1),
    **dict.fromkeys("扩大 加大 加快 加深 提高 上升 回升 提升 走高 拉大".split(), 1),
}
LEVEL_MARKS = tuple("至到为达是")
# Verbs that take their object between them and the rate (减少审批时间40%, 缩减用地30%以上).
CHANGE_WITH_OBJECT = "减少 缩减 压减 削减 压缩 缩短 节约 节省 降低 提高 提升 增加".split()
# What a change is measured against.
BASES = {
    "同比": "yoy",
    "环比": "mom",
    "比上月": "mom",
    "较上月": "mom",
    # the same period a year before is year on year (同比), not the whole previous year
    "比上年同期": "yoy",
    "比去年同期": "yoy",
    "较上年同期": "yoy",
    "较去年同期": "yoy",
    "比上年": "vs_prev_year",
    "比去年": "vs_prev_year",
    "较上年": "vs_prev_year",
    "较去年": "vs_prev_year",
    "与上年相比": "vs_prev_year",
    "与去年相比": "vs_prev_year",
    "较年初": "ytd",
    "比年初": "ytd",
}

# The categories of data/lexicon/money_subjects.csv as charts name them (a category added to
# the CSV without a label here is shown as written).
CATEGORY_LABELS = {
    "funding": "资金",
    "award": "奖励",
    "subsidy": "补助",
    "investment": "投资",
    "output": "产值",
    "loan": "贷款",
    "revenue": "收入",
    "trade": "贸易",
    "spending": "支出",
    "consumption": "消费",
    "income": "个人收入",
    "price": "价格",
    "cost": "成本费用",
    "fine": "罚没赔偿",
    "debt": "债务",
    "deposit": "存款余额",
    "market": "规模市值",
    "loss": "损失",
    "other": "其他",
}

MONEY_SUBJECTS = LEXICON_DIR / "money_subjects.csv"


@lru_cache(maxsize=1)
def money_subjects() -> dict[str, str]:
    """Words saying what money is for, and their category (data/lexicon/money_subjects.csv)."""
    with MONEY_SUBJECTS.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(line for line in handle if not line.startswith("#"))
        return {row["word"].strip(): row["category"].strip() for row in rows}


ENTITY_WORDS = LEXICON_DIR / "entity_words.csv"


@lru_cache(maxsize=1)
def entity_words() -> dict[str, dict[str, str]]:
    """The words names are recognised by (data/lexicon/entity_words.csv): rule → {word:
    value}; rules ``org_head``, ``org_start``, ``not_org``, ``not_place``, ``abbreviation``.

    >>> entity_words()["abbreviation"]["渝"]
    '重庆市'
    """
    rules: dict[str, dict[str, str]] = {}
    with ENTITY_WORDS.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(line for line in handle if not line.startswith("#")):
            rules.setdefault(row["rule"].strip(), {})[row["word"].strip()] = row["value"] or ""
    return rules
