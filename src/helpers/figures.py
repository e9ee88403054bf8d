"""Figures: every amount, share, growth figure and count in the articles, normalised.

``extract_figures(articles)`` scans the ``body`` of each news and photo row of an articles
DataFrame (see :func:`helpers.articles.parse_articles`) and returns one row per number as
written, with the columns in :data:`FIGURE_COLUMNS`:

- ``kind``: ``money``, ``percent`` (a share), ``growth`` (a change in per cent or 倍),
  ``pp`` (percentage points), ``count`` (家, 人, 件...) or ``measure`` (克, 米, mK...);
- ``text`` exactly as written, ``value`` in the unit written (1.5 for 1.5亿元), ``unit``;
- ``currency`` (CNY, USD...), ``amount`` (money in its currency's base unit, counts and
  measures without 万/亿), ``yuan`` (CNY money in yuan), ``pct`` (per cent for percent,
  growth and pp rows: 70 for 七成, 150 for 增长1.5倍);
- ``qualifier`` (``at_least``, ``at_most``, ``over``, ``approx`` or empty), ``range_id``
  (the two ends of 20万至50万元 share it), ``basis`` (``yoy``, ``mom``, ``vs_prev_year``),
  ``direction`` (``up``/``down``; a decline has a negative value);
- ``subject`` (专项资金, 奖金, 补助, 产值...) and ``category`` (funding, award, subsidy,
  investment, output, loan, revenue, other);
- ``sentence`` and ``start``/``end``, the offsets of ``text`` in the article body.

Vague money amounts become a range of two rows sharing a ``range_id``, qualifier ``approx``:
两三千元 2000-3000, 十几万元 11万-19万, 几十万元 and 数十万元 20万-90万 (几/数: two to nine).
Not figures: years and dates (2015年, 7月13日, 1-6月), ordinals (第16条, 第六届), model names
(5G, M9), and vague counts (几十人, 数百家).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from . import tables
from .dates import CN_DIGITS
from .numbers import CURRENCIES, MAGNITUDES, format_amount, split_magnitude, to_number

__all__ = [
    "FIGURE_COLUMNS",
    "FIGURE_KINDS",
    "extract_figures",
    "figures_from_text",
    "figures_from_path",
    "readable_figures",
    "one_per_range",
]

FIGURE_COLUMNS = tables.columns("figures")
FIGURE_KINDS = ("money", "percent", "growth", "pp", "count", "measure")

_AR = r"\d+(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# Chinese numerals: two characters or more (一个, 两家 are words, not figures), a single
# digit before 成/倍 (七成, 增长一倍), or a bare 百/千/万 after 近/超/过 (近百亿元, 过万元).
_CN = (
    r"[零〇一二两三四五六七八九十百千万亿][零〇一二两三四五六七八九十百千万亿点]+"
    r"|[一二两三四五六七八九十](?=[成倍])|(?<=[近约超逾达过上])[百千万亿]"
)
_MAG = r"万亿|千亿|百亿|亿|千万|百万|万|千"
_MONEY = sorted((c for c in CURRENCIES if c != "人民币"), key=len, reverse=True)
_COUNT = (
    "人次 部门 家 个 份 所 件 户 人 名 项 条 次 台 辆 套 座 部 只 头 架 艘 批 间 张 本 篇 场 位 支 "
    "种 类 处 栋 例 起 宗 笔 款 枚 颗 株 棵 门 幅 首 册 箱 盒 双 对 把 所 团 队 村 镇 县 个体"
).split()
_MEASURE = (
    "平方公里 平方千米 平方米 立方米 千米 公里 厘米 毫米 纳米 米 千克 公斤 克 吨 亩 公顷 千瓦时 "
    "千瓦 兆瓦 吉瓦 瓦 摄氏度 度 毫升 升 标箱 TEU mK km kg kWh kW MW GW nm GHz MHz Hz TB GB MB "
    "Gbps Mbps K ℃"
).split()
_UNIT_KIND = {
    **{u: "money" for u in _MONEY},
    **{u: "count" for u in _COUNT},
    **{u: "measure" for u in _MEASURE},
    "%": "percent",
    "个百分点": "pp",
    "百分点": "pp",
    "个基点": "bp",
    "基点": "bp",
    "倍": "ratio",
    "成": "share",
}
_UNITS = "|".join(re.escape(u) for u in sorted(_UNIT_KIND, key=len, reverse=True))
_UNIT_FIRST = "".join(sorted({re.escape(u[0]) for u in _UNIT_KIND}))
# Speed matters (an archive is tens of MB): the lookbehind skips positions inside a number,
# and the one-character lookahead rejects most numbers (years, dates) before the long unit
# alternation is tried.
_FIGURE = re.compile(
    rf"(?P<pctcn>百分之(?P<pctnum>{_AR}|{_CN}))"
    rf"|(?P<fan>翻(?P<fann>一|两|二|三|四)番)"
    rf"|(?<![\d.零〇一二两三四五六七八九十百千万亿点])(?<!\d,)(?P<num>{_AR}|{_CN})"
    rf"(?:(?P<mag>{_MAG})(?P<yu>余|多)?|(?P<yu2>余|多)(?P<mag2>{_MAG})?)?"
    rf"(?=[{_UNIT_FIRST}])(?P<unit>{_UNITS})(?P<rmb>人民币)?"
)
# A cheap first pass finds candidates; _FIGURE then reads each in full. The pass starts
# with one character class, which lets the regex engine skip ahead fast, and it already
# leaves out the commonest non-figures: 一个/两家 (a single Chinese digit), 1日 (a date,
# though 日元 is a currency) and 5G.
_CN_CHARS = "零〇一二两三四五六七八九十百千万亿"
_UNIT_HEAD = "(?:[{}]|日元|G[WBHb])".format("".join(c for c in _UNIT_FIRST if c not in "日G"))
_CANDIDATE = re.compile(
    rf"[\d{_CN_CHARS}翻]"
    rf"(?:[\d,.{_CN_CHARS}点]+(?:{_MAG})?[余多]?(?:{_MAG})?{_UNIT_HEAD}"
    rf"|(?<=\d)[余多]?(?:{_MAG})?{_UNIT_HEAD}"
    rf"|(?<=[一二两三四五六七八九十])[成倍]"
    rf"|(?<=[十百千万亿])[余多]?{_UNIT_HEAD}"
    rf"|(?<=十)几{_UNIT_HEAD}"
    rf"|(?<=翻)[一两二三四]番"
    rf"|(?<=百)分之)"
)
_CN_DIGIT = re.compile(r"[零〇一二两三四五六七八九十]")
# Vague money amounts, read as ranges: 两三千元 (2000-3000), 十七八万元 (17万-18万), 十几万元
# (11万-19万), 几十万元 / 数百亿元 (几 and 数: two to nine of the magnitude).
_VAGUE_MAG = r"十万亿|百万亿|千万亿|十万|百万|千万|十亿|百亿|千亿|万亿|十|百|千|万|亿"
_MONEY_UNIT = "|".join(map(re.escape, _MONEY))
_VAGUE_MONEY = re.compile(
    rf"(?:(?P<ten>十)?(?P<low>[一二两三四五六七八])(?P<high>[二两三四五六七八九])(?P<pmag>{_VAGUE_MAG})?"
    rf"|十几(?P<tmag>{_VAGUE_MAG})?|(?P<few>[几数])(?P<fmag>{_VAGUE_MAG}))(?P<unit>{_MONEY_UNIT})"
)
_DIGIT_PAIR = re.compile(
    "[一二两三四五六七八九]{2}"
)  # 七八: no place word between, so not one number
_VAGUE_FIRST = frozenset("一二两三四五六七八十几数")
_NOT_BEFORE_VAGUE = frozenset("0123456789.零〇一二两三四五六七八九十百千万亿几数")
_DIGIT_VALUE = CN_DIGITS  # 一 → 1 ... 九 → 9 (the digit pairs of vague amounts)
_BAD_AFTER = {
    "元": re.compile(r"[旦宵素首器件化]"),
    "个": re.compile(r"月|小时|工作日|星期|季度|世纪|多月"),
    "人": re.compile(r"民"),
    "次": re.compile(r"方"),
    "度": re.compile(r"[过假]"),
    "起": re.compile(r"[来草步]"),
}
_CHANGE = re.compile(
    r"(?P<basis>同比|环比|比上年同期|比去年同期|较上年同期|较去年同期|比上年|比去年|较上年|较去年"
    r"|与上年相比|与去年相比|比上月|较上月)?(?:分别|均|累计|共|总计|又)?"
    r"(?P<verb>(?:增速|增幅|增长率|涨幅|降幅|跌幅|降速)[^，。；,;\d%]{0,5}?"
    r"|增长|增加|上升|提高|上涨|扩大|提升|攀升|回升|下降|减少|降低|回落|下滑|下跌|收窄|缩小"
    r"|高于|高出|快于|低于|慢于|增|涨|降|跌|减)(?:了)?(?P<q>约|近|超过|超|逾|达到|达)?$"
)
_DOWN = (
    "下降",
    "减少",
    "降低",
    "回落",
    "下滑",
    "下跌",
    "收窄",
    "缩小",
    "降幅",
    "跌幅",
    "降速",
    "低于",
    "慢于",
    "降",
    "跌",
    "减",
)
_BASIS = {
    "同比": "yoy",
    "环比": "mom",
    "比上月": "mom",
    "较上月": "mom",
    # the same period a year before is year on year (同比), not the whole previous year
    "比上年同期": "yoy",
    "比去年同期": "yoy",
    "较上年同期": "yoy",
    "较去年同期": "yoy",
}
_PRE_QUALIFIER = re.compile(
    r"(?P<q>不少于|不低于|至少|最少|不超过|不高于|不到|不足|最高|最多|至多|超过|逾|突破|大约|约为|约|将近|接近|近|超|上|过)"
    r"(?P<gap>补助|奖励|资助|补贴|奖补|支持|可获|给予|投入|达到|达|为)?$"
)
_NOT_EXCEEDING = set("通经不越错难胜")  # 通过, 经过, 不过...: 过 that does not mean "more than"
_PRE_QUALIFIER_LAST = set("于低少过高多至到足破约近为超逾助励贴补持获予入达上")
_QUALIFIERS = {
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
    "余": "over",
    "多": "over",
    "上": "over",
    "过": "over",
    "约": "approx",
    "大约": "approx",
    "约为": "approx",
    "近": "approx",
    "将近": "approx",
    "接近": "approx",
    "达到": "",
    "达": "",
}
_POST_QUALIFIER = re.compile(r"(?:及以上|以上|之上|及以下|以下|以内|之内|左右|上下|许)")
_POST = {
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
_RANGE_HEAD = re.compile(
    rf"(?<![\d.])(?P<num>{_AR}|{_CN})(?P<mag>{_MAG})?(?P<unit>%|{'|'.join(_MONEY)})?"
    r"\s*(?P<sep>至|到|——|—|-|~|～|－)\s*$"
)
_RANGE_SEPARATORS = set("至到—-~～－")
_SUBJECTS = {
    "funding": "专项资金 财政资金 资金池 财政投入 资金 经费 预算 拨款 捐款",
    "award": "奖励金 奖金 奖励",
    "subsidy": "补助金 补助 补贴 资助 奖补 津贴 救助金",
    "investment": "基金规模 总规模 总投资 投资额 投资 融资 基金 注册资本 募资",
    "output": "工业产值 总产值 产值 工业增加值 增加值 国内生产总值 生产总值 GDP 产量",
    "loan": "贷款 信贷 授信 借款",
    "revenue": "营业收入 销售收入 财政收入 营收 销售额 营业额 交易额 成交额 进出口总额 出口额 "
    "净利润 利润 税收 收入",
}
_CATEGORY = {word: category for category, words in _SUBJECTS.items() for word in words.split()}
_SUBJECT = re.compile("|".join(sorted(map(re.escape, _CATEGORY), key=len, reverse=True)))
_RIGHT_AFTER = re.compile(rf"(?:的|之)?(?:一次性|专项|年度|人围|入围)?(?P<kw>{_SUBJECT.pattern})")
_CLAUSE_DELIMITERS = "，。；,;！？!?\n"
_SENTENCE_DELIMITERS = "。；！？;!?\n"
_CLAUSE_END = re.compile(f"[{_CLAUSE_DELIMITERS}]")
_SENTENCE_END = re.compile(f"[{_SENTENCE_DELIMITERS}]")
_SPAN_LOOKBACK = 300


@dataclass(slots=True)
class _Figure:
    kind: str
    text: str
    start: int
    end: int
    value: float
    unit: str
    magnitude: float = 1.0
    currency: str | None = None
    pct: float | None = None
    qualifier: str = ""
    basis: str | None = None
    direction: str | None = None
    range_id: int | None = None


def _qualifier_before(body: str, start: int) -> str:
    if not start or body[start - 1] not in _PRE_QUALIFIER_LAST:
        return ""
    window = body[max(0, start - 8) : start]
    match = _PRE_QUALIFIER.search(window)
    if not match:
        return ""
    q = match.group("q")
    before = (
        window[: match.start()][-1:]
        if match.start()
        else body[max(0, start - 9) : max(0, start - 8)]
    )
    if q in ("近", "接近") and before in ("附", "最", "临", "靠", "邻", "接", "将"):
        return ""
    if q in ("上", "过") and not re.match(r"[百千万亿]", body[start : start + 1]):
        return ""  # 上 and 过 qualify only a bare magnitude: 上万元, 上千万元, 过亿元
    if q == "过" and before in _NOT_EXCEEDING:
        return "at_most" if before == "不" else ""  # 不过百米: no more than; 经过: a verb
    if q in ("近", "约", "超", "逾", "上", "过") and match.group("gap"):
        return ""  # only the strong words may stand apart from the number
    return _QUALIFIERS.get(q, "")


def _subject(
    body: str, figure: _Figure, clause_start: int, clause_end: int, sentence_start: int
) -> str | None:
    after = _RIGHT_AFTER.match(body, figure.end, min(len(body), figure.end + 12))
    if after:
        return after.group("kw")
    before = [m.group() for m in _SUBJECT.finditer(body, clause_start, figure.start)]
    ahead = _SUBJECT.search(body, figure.end, clause_end)
    if before:
        if before[-1] == "总规模" and ahead and ahead.group().endswith("基金"):
            return "基金规模"
        return before[-1]
    if ahead:
        return ahead.group()
    if figure.kind in ("growth", "pp", "percent"):
        earlier = [m.group() for m in _SUBJECT.finditer(body, sentence_start, figure.start)]
        return earlier[-1] if earlier else None
    return None


_LATIN_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
# 第16条 is an ordinal; M9, 5G and 2.3.4 are names, not amounts.
_BAD_BEFORE = frozenset("第.") | _LATIN_LETTERS | frozenset("0123456789")


# Issue 12 reworks figure matching; until then _from_match and _figure_rows keep their size.
def _from_match(body: str, match: re.Match) -> _Figure | None:  # noqa: C901
    pctcn, fan, numeral, magnitude_word, yu, unit = match.group(
        "pctcn", "fan", "num", "mag", "yu", "unit"
    )
    if not magnitude_word and not yu:
        yu, magnitude_word = match.group("yu2", "mag2")  # 100多万元: 多 before the magnitude
    start, end = match.span()
    if pctcn:
        try:
            value = to_number(match.group("pctnum"))
        except ValueError:
            return None  # 百分之二三十: a vague share
        return _Figure("percent", pctcn, start, end, value, "%", pct=value)
    if fan:
        times = {"一": 1, "两": 2, "二": 2, "三": 3, "四": 4}[match.group("fann")]
        return _Figure(
            "growth",
            fan,
            start,
            end,
            float(times),
            "番",
            pct=float(2**times - 1) * 100,
            direction="up",
        )
    previous = body[start - 1] if start else "\n"  # not "": "" is in every string
    if previous in _BAD_BEFORE or (previous == "前" and unit in ("名", "位")):
        return None
    if numeral[0].isdigit():  # the common case, without the Chinese-numeral machinery
        value = float(numeral.replace(",", "") if "," in numeral else numeral)
        magnitude_word = magnitude_word.replace("万万", "亿") if magnitude_word else ""
    else:
        bare = not _CN_DIGIT.search(numeral)
        if previous in "几数成多好" or (previous == "上" and not bare):
            return None  # 几十万元, 数十亿元: vague
        if _DIGIT_PAIR.search(numeral.partition("点")[0]):  # 三点一四: decimals may pair
            return None  # 七八元, 六七吨: vague (money is read as a range by _vague_at)
        if bare and not (numeral[0] in "百千万亿" and previous in "近约超逾达过上"):
            return None  # 百万 alone is a word; 近百亿元, 上万元 are amounts
        if bare and numeral == "百" and unit == "度":
            return None  # 百度 is Baidu; a hundred degrees is written 100度
        if bare and previous == "过" and start >= 2 and body[start - 2] == "通":
            return None  # 通过百家宴, 通过万元户评选: a name after the verb 通过
        try:
            value, magnitude_word = split_magnitude(numeral + (magnitude_word or ""))
        except ValueError:
            return None
    bad = _BAD_AFTER.get(unit)
    if bad is not None and bad.match(body, end):
        return None
    if unit[0] in _LATIN_LETTERS and end < len(body) and body[end] in _LATIN_LETTERS:
        return None
    kind = _UNIT_KIND[unit]
    figure = _Figure(
        kind,
        match.group(),
        start,
        end,
        value,
        magnitude_word + unit,
        MAGNITUDES.get(magnitude_word, 1.0),
    )
    if yu:
        figure.qualifier = "over"
    if kind == "money":
        figure.currency = CURRENCIES[unit]
    elif kind == "percent" or kind == "pp":
        figure.pct = value
    elif kind == "bp":  # basis points: hundredths of a percentage point
        figure.kind, figure.pct = "pp", value / 100
    elif kind == "share":
        figure.kind, figure.pct = "percent", value * 10
    elif kind == "ratio":
        figure.pct = value * 100
    return figure


def _vague_bounds(match: re.Match) -> tuple[int, int, str] | None:
    """Low and high number and the magnitude word of a vague amount, or None."""
    if match.group("few"):  # 几十万, 数百亿: two to nine
        return 2, 9, match.group("fmag")
    if not match.group("low"):  # 十几万: eleven to nineteen
        magnitude = match.group("tmag") or ""
        return None if magnitude.startswith("十") else (11, 19, magnitude)  # 十几十万: no
    low, high = _DIGIT_VALUE[match.group("low")], _DIGIT_VALUE[match.group("high")]
    magnitude = match.group("pmag") or ""
    if high != low + 1:
        return None  # 一三, 八二: not a vague pair
    if not match.group("ten"):
        return low, high, magnitude
    if magnitude.startswith("十"):
        return None  # 十三四十: not a number
    return low + 10, high + 10, magnitude


def _vague_at(body: str, position: int) -> tuple[_Figure, _Figure] | None:
    """The low and high ends of a vague money amount (两三千元, 几十万元, 十几万元) that a
    number the main pass could not read at ``position`` belongs to, if it is one."""
    for start in (position - 2, position - 1, position):
        if start < 0 or body[start] not in _VAGUE_FIRST:
            continue
        match = _VAGUE_MONEY.match(body, start)
        if match is None or match.end() <= position:
            continue
        if start and body[start - 1] in _NOT_BEFORE_VAGUE:
            return None  # inside a longer number: 二十七八万 is not 七八万
        bounds = _vague_bounds(match)
        if bounds is None:
            return None
        low, high, magnitude = bounds
        word = next((w for w in ("万亿", "亿", "万") if magnitude.endswith(w)), "")
        factor = {"": 1, "十": 10, "百": 100, "千": 1000}[magnitude[: len(magnitude) - len(word)]]
        unit = match.group("unit")
        return tuple(
            _Figure(
                "money",
                match.group(),
                match.start(),
                match.end(),
                float(n * factor),
                word + unit,
                MAGNITUDES.get(word, 1.0),
                CURRENCIES[unit],
                qualifier="approx",
            )
            for n in (low, high)
        )
    return None


def _apply_change(body: str, figure: _Figure, previous: _Figure | None) -> None:
    """Growth, percentage points and their basis and direction, from the words before."""
    if figure.kind not in ("percent", "pp", "ratio"):
        return
    change = _CHANGE.search(body, max(0, figure.start - 14), figure.start)
    if change is None and previous is not None and previous.kind in ("growth", "pp"):
        between = body[previous.end : figure.start]
        if re.fullmatch(r"[、和及与,，]", between) and (previous.kind == "pp") == (
            figure.kind == "pp"
        ):
            figure.kind, figure.basis, figure.direction = (
                previous.kind,
                previous.basis,
                previous.direction,
            )
            if figure.direction == "down":
                figure.value, figure.pct = -figure.value, -figure.pct
            return
    if change is None:
        if figure.kind == "ratio":
            figure.kind = ""  # "是……的2倍" is a comparison, not a figure we report
        return
    verb = change.group("verb")
    basis = change.group("basis")
    if verb in ("高于", "高出", "快于", "低于", "慢于") and figure.kind != "pp":
        return  # "高于全国平均水平" compares two levels; only pp comparisons are changes
    figure.kind = "pp" if figure.kind == "pp" else "growth"
    figure.basis = _BASIS.get(basis, "vs_prev_year") if basis else None
    figure.direction = "down" if verb.startswith(_DOWN) else "up"
    if change.group("q"):
        figure.qualifier = _QUALIFIERS.get(change.group("q"), "")
    if figure.direction == "down":
        figure.value, figure.pct = -figure.value, -figure.pct


_RATES = ("percent", "growth", "pp")


def _inherit_rate(linked: _Figure, figure: _Figure) -> None:
    """ "增速在6%—7%之间": the far end of a range reads like its near end."""
    if linked.kind in _RATES and figure.kind in _RATES and linked.kind != figure.kind:
        figure.kind, figure.basis, figure.direction = linked.kind, linked.basis, linked.direction
        if figure.direction == "down" and figure.value > 0:
            figure.value, figure.pct = -figure.value, -figure.pct


def _unit_less_start(body: str, head: re.Match, figure: _Figure, range_id: int) -> _Figure | None:
    """The low end of a range written without its unit (800至1万元, 20至50万元), read with
    the unit of the high end, or None where it is not a number."""
    try:
        value, word = split_magnitude(head.group("num") + (head.group("mag") or ""))
    except ValueError:
        return None
    if not word and figure.magnitude != 1.0:
        word = next(w for w, f in MAGNITUDES.items() if f == figure.magnitude)
    separator = head.start("sep")
    return _Figure(
        figure.kind,
        body[head.start() : separator].strip(),
        head.start(),
        separator,
        value,
        word + re.sub(f"^(?:{_MAG})", "", figure.unit),
        magnitude=MAGNITUDES.get(word, 1.0),
        currency=figure.currency,
        pct=value if figure.pct is not None else None,
        basis=figure.basis,
        direction=figure.direction,
        range_id=range_id,
    )


def _range_head(body: str, figure: _Figure) -> re.Match | None:
    """The start of a range that ``figure`` closes (20万至 before 50万元), if any."""
    before = body[max(0, figure.start - 3) : figure.start].rstrip()
    if not before or before[-1] not in _RANGE_SEPARATORS:
        return None
    if figure.kind not in ("money", "percent", "count", "measure", "growth"):
        return None
    return _RANGE_HEAD.search(body, max(0, figure.start - 24), figure.start)


def _link_ranges(body: str, figures: list[_Figure], next_id: int) -> tuple[list[_Figure], int]:
    """Give the two ends of each range one ``range_id``; add a low end written bare."""
    out: list[_Figure] = []
    for figure in figures:
        head = _range_head(body, figure)
        if head is not None:
            separator = head.start("sep")
            linked = next((f for f in out if f.end == separator), None)
            if linked is not None:
                _inherit_rate(linked, figure)
            if linked is not None and linked.kind == figure.kind:
                linked.range_id = linked.range_id or next_id
                figure.range_id = linked.range_id
            elif linked is None and head.group("unit") is None:
                first = _unit_less_start(body, head, figure, next_id)
                if first is not None:
                    figure.range_id = next_id
                    out.append(first)
            if figure.range_id == next_id:
                next_id += 1
        out.append(figure)
    return out, next_id


class _Spans:
    """The sentence and clause around a figure, found by a short local search; the
    sentence is reused while consecutive figures fall in it."""

    __slots__ = ("body", "sentence_chars", "comma_chars", "begin", "end")

    def __init__(self, body: str):
        self.body = body
        self.sentence_chars = [c for c in _SENTENCE_DELIMITERS if c in body]  # rfind what is there
        self.comma_chars = [c for c in "，," if c in body]
        self.begin, self.end = -1, -1

    def around(self, position: int) -> tuple[int, int, int, int]:
        """``(clause_start, clause_end, sentence_start, sentence_end)``."""
        body = self.body
        if not self.begin <= position < self.end:
            low = position - _SPAN_LOOKBACK if position > _SPAN_LOOKBACK else 0
            last = -1
            for char in self.sentence_chars:
                found = body.rfind(char, low, position)
                if found > last:
                    last = found
            self.begin = last + 1 if last >= 0 else low
            following = _SENTENCE_END.search(body, position)
            self.end = following.end() if following else len(body)
        last = self.begin - 1
        for char in self.comma_chars:
            found = body.rfind(char, self.begin, position)
            if found > last:
                last = found
        following = _CLAUSE_END.search(body, position, self.end)
        return last + 1, (following.end() if following else self.end), self.begin, self.end


def _figure_rows(  # noqa: C901
    body: str, article_id: int | None, first_range_id: int, unit_kinds: frozenset | None = None
) -> list[tuple]:
    """Rows (tuples in :data:`FIGURE_COLUMNS` order) for one article body.

    ``unit_kinds`` (from :data:`_UNIT_KINDS_FOR`) skips, before any further work, the
    numbers whose unit cannot give a requested kind.
    """
    figures: list[_Figure] = []
    vague: list[tuple[_Figure, _Figure]] = []
    done = 0
    for candidate in _CANDIDATE.finditer(body):
        if candidate.start() < done:
            continue
        match = _FIGURE.match(body, candidate.start())
        figure = None
        if match is not None:
            done = match.end()
            if unit_kinds is not None:
                unit = match.group("unit")
                if (
                    _UNIT_KIND[unit] if unit else "percent" if match.group("pctcn") else "ratio"
                ) not in unit_kinds:
                    continue
            figure = _from_match(body, match)
        if figure is None:  # unreadable as one number: perhaps a vague amount of money
            pair = (
                _vague_at(body, candidate.start())
                if unit_kinds is None or "money" in unit_kinds
                else None
            )
            if pair is not None:
                vague.append(pair)
                done = max(done, pair[0].end)
            continue
        if not figure.qualifier:
            figure.qualifier = _qualifier_before(body, figure.start)
            if not figure.qualifier:
                post = _POST_QUALIFIER.match(body, figure.end)
                if post:
                    figure.qualifier = _POST[post.group()]
        _apply_change(body, figure, figures[-1] if figures else None)
        if figure.kind and figure.kind != "ratio":
            figures.append(figure)
    if not figures and not vague:
        return []
    figures, next_id = _link_ranges(body, figures, first_range_id)
    if vague:  # each a range of its own, in page order with the rest
        for number, (low, high) in enumerate(vague, start=next_id):
            low.range_id = high.range_id = number
            figures += [low, high]
        figures.sort(key=lambda f: f.start)
    rows = []
    spans = _Spans(body)
    for figure in figures:
        clause_start, clause_end, sentence_start, sentence_end = spans.around(figure.start)
        kind = figure.kind
        if kind == "count" or kind == "measure":
            subject = category = None
            amount = figure.value * figure.magnitude
        else:
            subject = _subject(body, figure, clause_start, clause_end, sentence_start)
            category = _CATEGORY.get(subject, "other") if kind == "money" else None
            amount = figure.value * figure.magnitude if kind == "money" else None
        rows.append(
            (
                article_id,
                kind,
                figure.text,
                figure.value,
                figure.unit,
                figure.currency,
                amount,
                amount if figure.currency == "CNY" else None,
                figure.pct,
                figure.qualifier,
                figure.range_id,
                figure.basis,
                figure.direction,
                subject,
                category,
                body[sentence_start:sentence_end].strip(),
                figure.start,
                figure.end,
            )
        )
    return rows


def figures_from_text(
    body: str, *, article_id: int | None = None, first_range_id: int = 1
) -> list[dict]:
    """Figure records (dicts with :data:`FIGURE_COLUMNS`) for one article body.

    >>> body = "今后每年财政投入资金不少于1亿元，每家企业最高补助1000万元，同比增长35.69%。"
    >>> for r in figures_from_text(body):
    ...     print(r["text"], r["kind"], r["yuan"], repr(r["qualifier"]))
    1亿元 money 100000000.0 'at_least'
    1000万元 money 10000000.0 'at_most'
    35.69% growth None ''
    """
    return [
        dict(zip(FIGURE_COLUMNS, row, strict=True))
        for row in _figure_rows(body, article_id, first_range_id)
    ]


# The kinds of unit that can give each figure kind (a per-cent number may be a growth figure).
_UNIT_KINDS_FOR = {
    "money": {"money"},
    "count": {"count"},
    "measure": {"measure"},
    "pp": {"pp", "bp"},
    "percent": {"percent", "share"},
    "growth": {"percent", "share", "ratio", "pp", "bp"},
}


def figure_rows(items, unit_kinds: frozenset | None = None) -> list[tuple]:
    """Figure rows for ``(article_id, kind, body)`` items; range ids unique across them."""
    rows: list[tuple] = []
    next_range = 1
    range_index = FIGURE_COLUMNS.index("range_id")
    for article_id, kind, body in items:
        if kind == "meta" or not isinstance(body, str):
            continue
        found = _figure_rows(body, int(article_id), next_range, unit_kinds)
        next_range = max([next_range - 1] + [r[range_index] or 0 for r in found]) + 1
        rows.extend(found)
    return rows


def extract_figures(
    articles: pd.DataFrame, *, kinds: list[str] | tuple[str, ...] | None = None
) -> pd.DataFrame:
    """One row per figure in the bodies of the news and photo rows of ``articles``.

    Args:
        articles: the DataFrame from :func:`helpers.parse_articles`.
        kinds: keep only these kinds (``money``, ``percent``, ``growth``, ``pp``, ``count``,
            ``measure``).

    >>> from helpers import parse_articles, SAMPLE_BULLETIN
    >>> figures = extract_figures(parse_articles(SAMPLE_BULLETIN))
    >>> float(figures.query("kind == 'money'")["yuan"].sum())
    6554512000.0
    """
    unknown = set(kinds or ()) - set(FIGURE_KINDS)
    if unknown:
        raise ValueError(
            f"unknown figure kind(s): {', '.join(sorted(unknown))}; "
            f"choose from {', '.join(FIGURE_KINDS)}"
        )
    unit_kinds = frozenset().union(*(_UNIT_KINDS_FOR[k] for k in kinds)) if kinds else None
    rows = figure_rows(
        zip(articles["article_id"], articles["kind"], articles["body"], strict=True), unit_kinds
    )
    frame = tables.frame("figures", rows)
    if kinds:
        frame = frame[frame["kind"].isin(kinds)].reset_index(drop=True)
    frame.attrs.update(articles.attrs)
    return frame


def figures_from_path(text_or_path: str | Path, *, issue_date=None, kinds=None) -> pd.DataFrame:
    """Parse a bulletin (path or text) and extract its figures in one call."""
    from .articles import parse_articles

    return extract_figures(parse_articles(text_or_path, issue_date=issue_date), kinds=kinds)


def one_per_range(figures: pd.DataFrame) -> pd.DataFrame:
    """The figures with each range kept once, at its low end: the rows to sum.

    补助20万至50万元 is two rows (one per end, sharing a ``range_id``) so that each number
    as written is in the table; summing both would count 70万 that were never announced.
    Totals here count a range at its low end, the amount it promises at least.

    >>> money = figures_from_path("每户补助20万至50万元，另奖励5万元。")
    >>> money["yuan"].sum(), one_per_range(money)["yuan"].sum()
    (np.float64(750000.0), np.float64(250000.0))
    """
    ranged = figures["range_id"].notna()
    if not ranged.any():
        return figures
    keys = [c for c in ("source_file", "article_id") if c in figures.columns] + ["range_id"]
    size = figures["amount"].fillna(figures["pct"]).fillna(figures["value"])
    lows = figures[ranged].assign(_size=size[ranged]).sort_values("_size", kind="stable")
    lows = lows.drop_duplicates(keys).drop(columns="_size")
    return pd.concat([figures[~ranged], lows]).sort_index()


def readable_figures(figures: pd.DataFrame) -> pd.DataFrame:
    """The figures table with amounts shown readably: 1.5亿元 beside 150,000,000.

    >>> shown = readable_figures(figures_from_path("产值1.5亿元，增长35.69%。"))
    >>> shown[["text", "amount_readable", "yuan_readable"]].iloc[0].tolist()
    ['1.5亿元', '1.5亿元', '150,000,000']
    """
    shown = figures.copy()
    shown.insert(
        shown.columns.get_loc("amount"),
        "amount_readable",
        [
            format_amount(
                a,
                "元"
                if c is not pd.NA and c == "CNY"
                else (u.lstrip("万亿千百") if isinstance(u, str) else ""),
            )
            if pd.notna(a)
            else ""
            for a, c, u in zip(shown["amount"], shown["currency"], shown["unit"], strict=True)
        ],
    )
    shown.insert(
        shown.columns.get_loc("yuan") + 1,
        "yuan_readable",
        [f"{y:,.0f}" if pd.notna(y) else "" for y in shown["yuan"]],
    )
    return shown
