"""Figures: every amount, share, growth figure and count in the articles, normalised.

``extract_figures(articles)`` scans the kicker, headline, subtitle and body of each news and
photo row of an articles DataFrame (see :func:`helpers.articles.parse_articles`) and returns
one row per number as written, with the columns in :data:`FIGURE_COLUMNS`:

- ``field``: where the figure stands (``kicker``, ``headline``, ``subtitle``, ``body``); a
  title usually repeats a body figure, so charts and totals keep to ``body`` rows;
- ``kind``: ``money``, ``percent`` (a share), ``growth`` (a change in per cent or 倍),
  ``pp`` (percentage points), ``count`` (家, 人, 件...) or ``measure`` (克, 米, mK...);
- ``text`` exactly as written, ``value`` in the unit written (1.5 for 1.5亿元), ``unit``;
- ``currency`` (CNY, USD...), ``amount`` (money in its currency's base unit, counts and
  measures without 万/亿), ``yuan`` (CNY money in yuan), ``pct`` (per cent for percent,
  growth and pp rows: 70 for 七成, 150 for 增长1.5倍, 85 for 八五折);
- ``qualifier`` (``at_least``, ``at_most``, ``over``, ``approx`` or empty), ``range_id``
  (the two ends of 20万至50万元 share it), ``basis`` (``yoy``, ``mom``, ``vs_prev_year``),
  ``direction`` (``up``/``down``; a decline has a negative value);
- ``subject``, the noun phrase the figure measures, read from its clause (出口 in
  出口12.48万亿元，增长5.2%, for both figures), and for money its ``category`` (funding, award,
  subsidy, investment, output, loan, revenue, trade, income, price, fine... from
  ``data/lexicon/money_subjects.csv``; ``other`` where the subject names none);
- ``sentence`` and ``start``/``end``, the offsets of ``text`` in its field.

Vague money amounts become a range of two rows sharing a ``range_id``, qualifier ``approx``:
两三千元 2000-3000, 三五百块 300-500, 十几万元 11万-19万, 几十万元 and 数十亿元 20万-90万 (几/数:
two to nine). Not figures: years and dates (2015年, 7月13日, 1-6月), ordinals (第16条, 第六届),
model names (5G, M9), vague counts (几十人, 数百家) and words (一元化, 二元结构, 三块屏幕).
The vocabularies (units, currencies, qualifiers, change verbs, what money is for) are tables in
:mod:`helpers.vocab` and ``data/lexicon/``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from . import tables
from .dates import CN_DIGITS
from .numbers import format_amount, split_magnitude, to_number
from .vocab import (
    BASES,
    CHANGE_DOWN,
    CHANGE_UP,
    CHANGE_WITH_OBJECT,
    COUNT_UNITS,
    CURRENCIES,
    CURRENCY_PREFIXES,
    LEVEL_MARKS,
    MAGNITUDES,
    MEASURE_SIGNS,
    MEASURE_UNITS,
    MOVE_SIGNS,
    QUALIFIERS_AFTER,
    QUALIFIERS_BEFORE,
    RATE_UNITS,
    SUB_UNITS,
    money_subjects,
)

__all__ = [
    "FIGURE_COLUMNS",
    "FIGURE_KINDS",
    "TITLE_FIELDS",
    "extract_figures",
    "figures_from_text",
    "figures_from_path",
    "readable_figures",
    "one_per_range",
    "body_figures",
]

FIGURE_COLUMNS = tables.columns("figures")
FIGURE_KINDS = ("money", "percent", "growth", "pp", "count", "measure")
TITLE_FIELDS = ("kicker", "headline", "subtitle")
FIELDS = (*TITLE_FIELDS, "body")


def _alternation(words) -> str:
    """Words as one regex alternation, the longest first (so 万亿 wins over 万)."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


# Financial numerals (壹仟玖佰圆整) read as everyday ones, character for character.
_FINANCIAL = str.maketrans(
    "壹贰貳叁參肆伍陆陸柒捌玖拾佰仟萬億", "一二二三三四五六六七八九十百千万亿"
)
_FINANCIAL_PLACE = frozenset("拾佰仟萬億")
_FINANCIAL_CHARS = "拾佰仟萬億壹贰貳"  # a financial number has one of these
_FINANCIAL_DIGITS = "壹贰貳叁參肆伍陆陸柒捌玖拾佰仟萬億"
_FINANCIAL_RUN = re.compile(
    r"[壹贰貳叁參肆伍陆陸柒捌玖拾佰仟萬億零〇一二两三四五六七八九十百千万亿\d.]{2,}"
)

_CN_CHARS = "零〇一二两三四五六七八九十百千万亿"
_SINGLE = "一二两三四五六七八九十"
_MONEY_UNITS = [u for u in CURRENCIES if u != "人民币"] + ["人民币"]
_MONEY_UNIT = _alternation(_MONEY_UNITS)
_MAG = _alternation(MAGNITUDES)
_UNIT_KIND = {
    **{u: "money" for u in _MONEY_UNITS},
    **{u: "count" for u in COUNT_UNITS},
    **{u: "measure" for u in MEASURE_UNITS},
    **RATE_UNITS,
}
_UNITS = _alternation(_UNIT_KIND)
# 约 that ends a word, not "about": 签约 (signed), 节约, 制约, 预约, 合约, 条约, 公约, 违约...
_NOT_ABOUT = "[签节制预合条公邀违履特缔践赴]"
_AR = r"\d{1,3}(?:[,，]\d{3})+\.\d+|\d+(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_CN = rf"""
    [{_CN_CHARS}][{_CN_CHARS}点]+            # two characters or more: 四千五百, 三点五
  | [{_SINGLE}](?=[成倍])                   # one digit before 成/倍: 七成, 增长一倍
  | (?<=[近约超逾达过上破])(?<!{_NOT_ABOUT}约)[百千万亿]  # after a qualifier: 近百亿元, 突破千亿元
  | [{_SINGLE}](?=(?:{_MONEY_UNIT})|个亿)  # one digit before money: 十美元, 两元, 两个亿
  | [{_SINGLE}](?=个?百分点)              # 六个百分点
  | 十(?=[余多])                             # 十多欧元
"""
_SP = r"[ \u3000]?"  # 1 万元, 新台币 177.1 亿元: one space may stand inside an amount
_FIGURE = re.compile(
    rf"""
    (?P<pctcn>百分之(?P<pctnum>{_AR}|{_CN}|[{_SINGLE}]))            # 百分之五, 百分之三十五
  | (?<![\d{_CN_CHARS}])(?P<per>(?P<base>[千万])分之(?P<pernum>{_AR}|{_CN}|[{_SINGLE}]))  # 千分之三
  | (?P<fan>翻(?P<fann>[一两二三四])番)                  # 翻一番: doubled
  | (?P<halfcheng>半成)(?!品)                             # 半成: five per cent, not 半成品
  | (?P<zhe>(?P<zhenum>\d{{1,2}}(?:\.\d)?|[一二三四五六七八九]{{1,2}})折)  # 八五折, 7.5折
  | (?P<symbol>[￥¥]){_SP}(?P<snum>{_AR})(?P<smag>{_MAG})?(?:元)?      # ￥300
  | (?<![\d.{_CN_CHARS}点])(?<!\d,)(?P<num>{_AR}|{_CN})                # the number
    {_SP}(?:(?P<mag>{_MAG})(?P<yu>余|多)?|(?P<yu2>余|多)(?P<mag2>{_MAG})?)?  # 万, 多万, 万余
    {_SP}(?P<unit>{_UNITS})                                             # 元, %, 家, 吨
    """,
    re.VERBOSE,
)
# A cheap first pass finds where a figure may start; _FIGURE then reads it in full. It
# starts with one character class, which lets the regex engine skip ahead fast, and leaves
# out the commonest non-figures at once: 一个/两家 (one Chinese digit before a count) and 5G.
_UNIT_FIRST = "".join(sorted({re.escape(u[0]) for u in _UNIT_KIND}))
_CANDIDATE = re.compile(
    rf"""[\d{_CN_CHARS}翻半￥¥千万](?=
        (?<=\d)[\d,，.]*{_SP}(?:{_MAG})?[余多]?(?:{_MAG})?{_SP}[{_UNIT_FIRST}]  # 12.5万元
      | (?<=[{_CN_CHARS}])[{_CN_CHARS}点]+(?:{_MAG})?[余多]?(?:{_MAG})?{_SP}[{_UNIT_FIRST}]
      | (?<=[{_SINGLE}])(?:个亿|(?:{_MONEY_UNIT}))                   # 两个亿, 十美元
      | (?<=十)几                                                   # 十几块钱
      | (?<=[几数][十百千万亿])[{_CN_CHARS}]*{_SP}[{_UNIT_FIRST}]     # 几千元, 数百亿元
      | (?<=[￥¥]){_SP}\d                                          # ￥300
      | (?<=[近约超逾达过上破][百千万亿])(?<!{_NOT_ABOUT}约[百千万亿])[余多]?{_SP}[{_UNIT_FIRST}]
      | (?<=[{_SINGLE}])(?:[成倍余多折]|个?百分点)                     # 七成, 十多, 六个百分点
      | (?<=\d)[\d.]*折                                             # 75折
      | (?<=[百千万])分之 | (?<=翻)[一两二三四]番 | (?<=半)成         # 百分之, 翻番, 半成
      | (?<=[一二三四五六七八九])[一二三四五六七八九]折             # 八五折
    )""",
    re.VERBOSE,
)
# Money alone (extract_figures(kinds=["money"])): only the sentences where a money unit
# follows a number are read, in full, so that what the figures before an amount measured
# is carried to it as when every kind is read. The sentences are found from the last
# character of a unit (rare characters, which the regex engine skips to fast), then the unit
# and the number character before it are checked behind it, one lookbehind per unit length.
_MONEY_WORDS = [*_MONEY_UNITS, "个亿"]


def _money_hit() -> re.Pattern:
    number = rf"[\d{_CN_CHARS}余多几点{_FINANCIAL_DIGITS}]"  # 壹仟玖佰圆: not folded yet
    behind = []
    for size in sorted({len(w) for w in _MONEY_WORDS}):
        words = "|".join(re.escape(w) for w in _MONEY_WORDS if len(w) == size)
        behind += [rf"(?<={number}(?:{words}))", rf"(?<={number}[ \u3000](?:{words}))"]
    last = "".join(sorted({w[-1] for w in _MONEY_WORDS}))
    return re.compile(rf"[{last}￥¥](?:(?<=[￥¥])|{'|'.join(behind)})")


_MONEY_HIT = _money_hit()
_LEADING_MAGNITUDE = re.compile(f"^(?:{_MAG})")
_MAGNITUDE_CHARS = frozenset("百千万亿")
_LIST_JOINS = frozenset("、和及与,，")  # 增长5%、6%和7%
_MEMBER_JOINS = frozenset(("、", "和", "及", "与", "以及"))
_CN_DIGIT = re.compile(r"[零〇一二两三四五六七八九十]")
_FAN_TIMES = {"一": 1, "两": 2, "二": 2, "三": 3, "四": 4}

# Words a figure is not, by what follows its unit: 一元化, 二元结构, 人民, 次方, 度假, 起来...
_BAD_AFTER = {
    "元": re.compile(r"[旦宵素首器件化结论里]"),
    "圆": re.compile(r"[满形桌心周珠规明润舞梦]"),
    "个": re.compile(r"月|小时|工作日|星期|季度|世纪|多月"),
    "人": re.compile(r"民"),
    "次": re.compile(r"方"),
    "度": re.compile(r"[过假]"),
    "起": re.compile(r"[来草步]"),
    "折": re.compile(r"[合算旧射叠服腾磨扣]"),
}
_LATIN_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
# 第16条 is an ordinal; M9, 5G and 2.3.4 are names, not amounts.
_BAD_BEFORE = frozenset("第.") | _LATIN_LETTERS | frozenset("0123456789")
# 块 alone is money in a sentence about money (花费我三块) or with a magnitude (几十万块),
# and only where no noun follows (三块屏幕, 两块地 are pieces).
_MONEY_TALK = re.compile(r"[钱元价费花买卖售付赚挣贵便宜收入工资]")
_AFTER_ONE_DIGIT = frozenset("一二两三四五六七八九十钱的左右以多每角毛分又和与及或")
_CLAUSE_CHARS = frozenset("，。；！？,;!?、）)”\n 　")


def _folded(body: str, windows: list[tuple[int, int]]) -> str:
    """``body`` with financial numerals read as everyday ones (肆佰叁拾萬 → 四百三十万), the
    same length, so offsets hold; where a window (and what follows it: an amount's noun) holds
    one. Only a run of numerals is folded, and only one that is a financial number (two
    financial characters, or a place character beside a digit: 9佰): 陆 in 大陆 and 伍 in
    队伍 stay as they are."""
    parts = (body[low : high + 16] if high < len(body) or low else body for low, high in windows)
    if not any(c in part for part in parts for c in _FINANCIAL_CHARS):  # faster than a regex
        return body
    return _FINANCIAL_RUN.sub(_fold_run, body)


def _fold_run(match: re.Match) -> str:
    run = match.group()
    financial = sum(1 for c in run if c in _FINANCIAL_DIGITS)
    if financial >= 2 or (financial and any(c in _FINANCIAL_PLACE for c in run)):
        return run.translate(_FINANCIAL)
    return run


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


def _rate(kind: str, match: re.Match, value: float, unit: str, pct: float) -> _Figure:
    start, end = match.span()
    return _Figure(kind, match.group(), start, end, value, unit, pct=pct)


def _special(match: re.Match) -> _Figure | None:
    """Forms other than a number and a unit: 百分之五, 千分之三, 翻一番, 半成, 八五折, ￥300."""
    if match.group("pctcn"):
        value = _number_or_none(match.group("pctnum"))  # 百分之二三十: vague, None
        return None if value is None else _rate("percent", match, value, "%", value)
    if match.group("per"):
        value = _number_or_none(match.group("pernum"))
        if value is None:
            return None
        pct = value / (10 if match.group("base") == "千" else 100)
        return _rate("percent", match, value, match.group("base") + "分之", pct)
    if match.group("fan"):
        times = _FAN_TIMES[match.group("fann")]
        figure = _rate("growth", match, float(times), "番", float(2**times - 1) * 100)
        figure.direction = "up"
        return figure
    if match.group("halfcheng"):
        return _rate("percent", match, 0.5, "成", 5.0)
    if match.group("zhe"):
        return _discount(match)
    return _symbol_amount(match)


def _number_or_none(numeral: str) -> float | None:
    try:
        return to_number(numeral)
    except ValueError:
        return None


_DISCOUNT_BEFORE = frozenset("打享按为价是至可给于或")


def _discount(match: re.Match) -> _Figure | None:
    """八五折 (85 % of the price), 八折 (80 %), 7.5折 (75 %); not 一波三折, 唱一折戏."""
    numeral = match.group("zhenum")
    before = match.string[match.start() - 1] if match.start() else ""
    if len(numeral) == 1 and not numeral.isdigit() and before not in _DISCOUNT_BEFORE:
        return None
    if numeral[0].isdigit():
        value = float(numeral)
        pct = value * 10 if value < 10 else value
    elif len(numeral) == 2:
        value = pct = float(CN_DIGITS[numeral[0]] * 10 + CN_DIGITS[numeral[1]])
    else:
        value = float(CN_DIGITS[numeral])
        pct = value * 10
    return _rate("percent", match, value, "折", pct)


def _symbol_amount(match: re.Match) -> _Figure:
    """￥300, ¥1.5亿: yuan written with the symbol."""
    word = match.group("smag") or ""
    value = to_number(match.group("snum"))  # 1，633，242.82: full-width separators too
    start, end = match.span()
    return _Figure(
        "money", match.group(), start, end, value, word + "元", MAGNITUDES.get(word, 1.0), "CNY"
    )


def _arabic(numeral: str, magnitude_word: str | None) -> tuple[float, str]:
    value = float(numeral.replace(",", "").replace("，", ""))
    return value, (magnitude_word or "").replace("万万", "亿")


def _chinese(body: str, start: int, numeral: str, magnitude_word: str | None, unit: str):
    """A Chinese numeral's value and magnitude word, or None where it is no amount: 几十万元,
    数十亿元 (vague), 七八元 (a vague pair), 百万 alone (a word), 百度 (Baidu)."""
    previous = body[start - 1] if start else "\n"
    bare = not _CN_DIGIT.search(numeral)
    if previous in "几数成多好" or (previous == "上" and not bare):
        return None
    if _DIGIT_PAIR.search(numeral.partition("点")[0]):  # 三点一四: decimals may pair
        return None
    if bare and not (numeral[0] in "百千万亿" and previous in "近约超逾达过上破"):
        return None
    if bare and (
        numeral == "百" and unit == "度" or previous == "过" and body[start - 2 : start] == "通过"
    ):
        return None  # 百度 is Baidu; 通过万元户评选: a name after the verb 通过
    try:
        return split_magnitude(numeral + (magnitude_word or ""))
    except ValueError:
        return None


def _unit_fits(body: str, match: re.Match, unit: str) -> bool:
    """Does what follows the unit leave it a unit (not 一元化, 人民, 三块屏幕, 5GHz…)?"""
    end = match.end()
    bad = _BAD_AFTER.get(unit)
    if bad is not None and bad.match(body, end):
        return False
    if unit[0] in _LATIN_LETTERS and end < len(body) and body[end] in _LATIN_LETTERS:
        return False
    magnitude = bool(match.group("mag") or match.group("mag2"))
    one_digit = len(match.group("num")) == 1 and match.group("num") in _SINGLE
    if one_digit and _UNIT_KIND[unit] == "money" and not magnitude:
        following = body[end : end + 1]
        if "\u4e00" <= following <= "\u9fff" and following not in _AFTER_ONE_DIGIT:
            return False  # 三元基因, 一元民生保险: names; 两元一斤, 十元钱 are money
    return unit != "块" or _piece_is_money(body, match.start(), end, magnitude)


def _piece_is_money(body: str, start: int, end: int, magnitude: bool) -> bool:
    """块 alone: money at a clause's end in a sentence about money, or with a magnitude."""
    cents = _CNY_CENTS.match(body, end)
    if cents is not None and (cents.group("jiao") or cents.group("fen")):
        return True  # 十块三毛
    if end < len(body) and body[end] not in _CLAUSE_CHARS:
        return False  # 三块屏幕, 两块地: pieces
    return magnitude or bool(_MONEY_TALK.search(body[max(0, start - 20) : start]))


def _numbered(body: str, match: re.Match) -> _Figure | None:
    """A number and its unit (1.5亿元, 四千五百万元, 35.69%, 7家), or None where it is none."""
    numeral, unit = match.group("num"), match.group("unit")
    magnitude_word, yu = match.group("mag"), match.group("yu")
    if not magnitude_word and not yu:
        yu, magnitude_word = match.group("yu2", "mag2")  # 100多万元: 多 before the magnitude
    magnitude_word = "亿" if magnitude_word == "个亿" else magnitude_word  # 两个亿
    start = match.start()
    previous = body[start - 1] if start else "\n"  # not "": "" is in every string
    if previous in _BAD_BEFORE or (previous == "前" and unit in ("名", "位")):
        return None
    if numeral[0].isdigit():
        read = _arabic(numeral, magnitude_word)
    else:
        read = _chinese(body, start, numeral, magnitude_word, unit)
    if read is None or not _unit_fits(body, match, unit):
        return None
    value, word = read
    if _UNIT_KIND[unit] == "count" and (" " in match.group() or "\u3000" in match.group()):
        return None  # 11.5—11.12 张园: a count is written whole
    figure = _Figure(
        _UNIT_KIND[unit],
        match.group(),
        start,
        match.end(),
        value,
        word + unit,
        MAGNITUDES.get(word, 1.0),
    )
    figure.qualifier = "over" if yu else ""
    return _typed(figure, unit)


def _typed(figure: _Figure, unit: str) -> _Figure:
    """Currency for money, per cent for rates (七成 → 70, 3个基点 → 0.03 pp, 1.5倍 → 150)."""
    kind, value = figure.kind, figure.value
    if kind == "money":
        figure.currency = CURRENCIES[unit]
    elif kind in ("percent", "pp"):
        figure.pct = value
    elif kind == "bp":  # basis points: hundredths of a percentage point
        figure.kind, figure.pct = "pp", value / 100
    elif kind == "share":
        figure.kind, figure.pct = "percent", value * 10
    elif kind == "ratio":
        figure.pct = value * 100
    return figure


def _from_match(body: str, match: re.Match) -> _Figure | None:
    if match.group("num") is None:
        return _special(match)
    return _numbered(body, match)


# The rest of an amount after its unit, and what stands before it.

# Sub-units after a whole amount: 123元1角1分, 五元三毛, 一百三十五块六角七分钱, 两美元又三美分.
_D = r"\d|[零一二两三四五六七八九]"
_CNY_CENTS = re.compile(
    rf"""又?(?:(?P<jiao>{_D})[角毛])?                # 1角, 三毛
    (?:(?P<fen>{_D})分(?![钟之析别配布散数]))?       # 1分, not 分钟 or 分之
    钱?""",
    re.VERBOSE,
)
_USD_CENTS = re.compile(rf"又?(?P<fen>{_D})美分")
# A currency named after 元 says which 元: 三万元欧元, 9000元日币, 8亿元人民币.
_CURRENCY_AFTER = re.compile(_alternation(c for c in CURRENCIES if len(c) > 1 and c != "块钱"))
# A currency named before the number: 港币两千九百六十元, 新台币 177.1 亿元, 人民币 8千元.
_CURRENCY_BEFORE = re.compile(rf"(?:{_alternation(CURRENCY_PREFIXES)})[ \u3000]*$")
_SIGN_BEFORE = frozenset("-−－负")
_NOT_BEFORE_SIGN = frozenset(_CN_CHARS + "".join(_UNIT_KIND))


def _may_precede_sign(char: str, sign: str) -> bool:
    """Can a minus sign follow ``char``? After a word (增速为-2.1%) or a colon, yes; after a
    number, a unit or a bracket it is a range's dash (1万-5万元, 1万(含)-5万元). 负 is a sign
    only after a copula or a rate (为负3.9%, 增长负3.9%), not in 减负60亿元."""
    if char in "：:（(，,、 \u3000":
        return True
    if sign == "负":
        return char in "为是长至到率速值的"
    return "\u4e00" <= char <= "\u9fff" and char not in _NOT_BEFORE_SIGN


def _digit(text: str) -> int:
    return int(text) if text.isdigit() else CN_DIGITS.get(text, 0)


def _add_cents(body: str, figure: _Figure) -> None:
    """123元1角1分 → 123.11; the sub-units belong to the amount as written."""
    if figure.kind != "money" or figure.magnitude != 1.0:
        return
    pattern = _USD_CENTS if figure.currency == "USD" else _CNY_CENTS
    if figure.currency not in ("CNY", "USD") or not figure.unit.endswith(
        ("元", "块", "圆", "块钱", "美元")
    ):
        return
    cents = pattern.match(body, figure.end)
    if (
        cents is None
        or cents.end() == figure.end
        or not (cents.groupdict().get("jiao") or cents.group("fen"))
    ):
        return
    factors = SUB_UNITS[figure.currency]
    jiao = cents.groupdict().get("jiao")
    figure.value += _digit(jiao) * 0.1 if jiao else 0.0
    figure.value += (
        _digit(cents.group("fen")) * (factors.get("分") or factors["美分"])
        if cents.group("fen")
        else 0.0
    )
    figure.value = round(figure.value, 2)
    figure.end = cents.end()
    figure.text = body[figure.start : figure.end]


def _name_currency(body: str, figure: _Figure) -> None:
    """Which currency a 元 is, from a currency named after it or before the number."""
    base = _LEADING_MAGNITUDE.sub("", figure.unit)
    if figure.kind != "money" or base not in ("元", "块", "圆"):
        return
    after = _CURRENCY_AFTER.match(body, figure.end)
    if after is not None and base != "块":
        figure.currency = CURRENCIES[after.group()]
        figure.end = after.end()
        figure.text = body[figure.start : figure.end]
        return
    before = _CURRENCY_BEFORE.search(body, max(0, figure.start - 6), figure.start)
    if before is not None:
        figure.currency = CURRENCY_PREFIXES[before.group().strip(" \u3000")]


def _add_sign(body: str, figure: _Figure) -> None:
    """增速为-2.1%, 负3.9%: the sign belongs to the number (1万-5万元 is a range, not a sign)."""
    start = figure.start
    if not start or body[start - 1] not in _SIGN_BEFORE or figure.value <= 0:
        return
    if start >= 2 and not _may_precede_sign(body[start - 2], body[start - 1]):
        return
    figure.value = -figure.value
    figure.pct = -figure.pct if figure.pct is not None else None
    figure.start -= 1
    figure.text = body[figure.start : figure.end]


def _half_more(body: str, figure: _Figure) -> None:
    """三成半: three and a half tenths, 35 %."""
    if figure.unit == "成" and body[figure.end : figure.end + 1] == "半":
        figure.value += 0.5
        figure.pct = figure.value * 10
        figure.end += 1
        figure.text += "半"


def _complete(body: str, figure: _Figure) -> None:
    """The parts of an amount that stand around its number and unit."""
    _add_cents(body, figure)
    _name_currency(body, figure)
    _add_sign(body, figure)
    _half_more(body, figure)


# Qualifiers: 最高5万元, 不少于1亿元, 约3000元, 50万元以上.

_PRE_QUALIFIER = re.compile(
    rf"""(?P<q>{_alternation(QUALIFIERS_BEFORE)})
    (?P<gap>补助|奖励|资助|补贴|奖补|支持|给予|投入|达到|达|为      # 最高奖励, 最高达
      |可(?:获得|获|达到|达|领取|享受|申请|得到)|获得|领取|享受      # 最高可获得, 最多可领取
      |投资达|投资)?                                                # 最高投资达
    (?:人民币)?$                                                    # 约合人民币80亿元""",
    re.VERBOSE,
)
_NOT_EXCEEDING = set("通经不越错难胜")  # 通过, 经过, 不过...: 过 that does not mean "more than"
_PRE_QUALIFIER_LAST = set("于低少过高多至到足破约近为超逾助励贴补持获予入达上得取受请资合币")
_POST_QUALIFIER = re.compile(rf"(?:[（(]含[）)])?(?P<q>{_alternation(QUALIFIERS_AFTER)})")


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
    if q == "约" and re.fullmatch(_NOT_ABOUT, before or "-"):
        return ""  # 新签约3亿元: signed, not about
    if q in ("上", "过") and body[start : start + 1] not in _MAGNITUDE_CHARS:
        return ""  # 上 and 过 qualify only a bare magnitude: 上万元, 上千万元, 过亿元
    if q == "过" and before in _NOT_EXCEEDING:
        return "at_most" if before == "不" else ""  # 不过百米: no more than; 经过: a verb
    if q in ("近", "约", "超", "逾", "上", "过") and match.group("gap"):
        return ""  # only the strong words may stand apart from the number
    return QUALIFIERS_BEFORE.get(q, "")


def _qualify(body: str, figure: _Figure) -> None:
    if figure.qualifier:
        return
    figure.qualifier = _qualifier_before(body, figure.start)
    if not figure.qualifier:
        post = _POST_QUALIFIER.match(body, figure.end)
        if post:
            figure.qualifier = QUALIFIERS_AFTER[post.group("q")]


# Vague money amounts, read as ranges: 两三千元 (2000-3000), 三五百块 (300-500), 十七八万元
# (17万-18万), 十几万元 (11万-19万), 几十万元 / 数百亿元 (几 and 数: two to nine of the magnitude).

_VAGUE_MAG = r"十万亿|百万亿|千万亿|十万|百万|千万|十亿|百亿|千亿|万亿|十|百|千|万|亿"
_VAGUE_MONEY = re.compile(
    rf"""(?:(?P<ten>十)?(?P<low>[一二两三四五六七八])(?P<high>[二两三四五六七八九])(?P<pmag>{_VAGUE_MAG})?
    |十几(?P<tmag>{_VAGUE_MAG})?                  # 十几万元
    |(?P<few>[几数])(?P<fmag>{_VAGUE_MAG})        # 几十万元, 数百亿元
    )(?P<unit>{_MONEY_UNIT})""",
    re.VERBOSE,
)
_DIGIT_PAIR = re.compile("[一二两三四五六七八九]{2}")  # 七八: no place word between, not one number
_VAGUE_PAIRS = {(n, n + 1) for n in range(1, 9)} | {(3, 5)}  # 七八, 两三; 三五 (三五百块)
_VAGUE_FIRST = frozenset("一二两三四五六七八十几数")
_NOT_BEFORE_VAGUE = frozenset("0123456789.零〇一二两三四五六七八九十百千万亿几数")


def _vague_bounds(match: re.Match) -> tuple[int, int, str] | None:
    """Low and high number and the magnitude word of a vague amount, or None."""
    if match.group("few"):  # 几十万, 数百亿: two to nine
        return 2, 9, match.group("fmag")
    if not match.group("low"):  # 十几万: eleven to nineteen
        magnitude = match.group("tmag") or ""
        return None if magnitude.startswith("十") else (11, 19, magnitude)  # 十几十万: no
    low, high = CN_DIGITS[match.group("low")], CN_DIGITS[match.group("high")]
    magnitude = match.group("pmag") or ""
    if (low, high) not in _VAGUE_PAIRS:
        return None  # 一三, 八二: not a vague pair
    if not match.group("ten"):
        return low, high, magnitude
    if magnitude.startswith("十"):
        return None  # 十三四十: not a number
    return low + 10, high + 10, magnitude


def _vague_match(body: str, position: int) -> re.Match | None:
    for start in (position - 2, position - 1, position):
        if start < 0 or body[start] not in _VAGUE_FIRST:
            continue
        match = _VAGUE_MONEY.match(body, start)
        if match is None or match.end() <= position:
            continue
        if start and body[start - 1] in _NOT_BEFORE_VAGUE:
            return None  # inside a longer number: 二十七八万 is not 七八万
        return match
    return None


def _vague_at(body: str, position: int) -> tuple[_Figure, _Figure] | None:
    """The low and high ends of a vague money amount (两三千元, 几十万元, 十几万元) that a
    number the main pass could not read at ``position`` belongs to, if it is one."""
    match = _vague_match(body, position)
    bounds = _vague_bounds(match) if match is not None else None
    if bounds is None:
        return None
    unit = match.group("unit")
    if unit == "块" and not _piece_is_money(body, match.start(), match.end(), True):
        return None
    low, high, magnitude = bounds
    word = next((w for w in ("万亿", "亿", "万") if magnitude.endswith(w)), "")
    factor = {"": 1, "十": 10, "百": 100, "千": 1000}[magnitude[: len(magnitude) - len(word)]]
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


# Changes: 同比增长35.69%, 下降2.1%, 减少审批时间40%, 以6.2%的年均增速, 增长接近8%.

_CHANGE_VERB = _alternation(CHANGE_UP + CHANGE_DOWN)
_CHANGE = re.compile(
    rf"""(?P<basis>{_alternation(BASES)})?              # 同比, 比上年
    (?:分别|均|累计|共|总计|又)?
    (?P<verb>(?:增速|增幅|增长率|涨幅|降幅|跌幅|降速)[^，。；,;\d%]{{0,7}}?  # 增速为, 降幅收窄
      |{_CHANGE_VERB})                                  # 增长, 下降, 压减
    (?:了)?(?P<q>约|近|接近|将近|大约|超过|超|逾|达到|达|高达|不到|不足)?$""",
    re.VERBOSE,
)
# A verb with its object before the rate: 减少审批时间40%, 缩减用地30%以上.
_CHANGE_OBJECT = re.compile(
    rf"(?P<verb>{_alternation(CHANGE_WITH_OBJECT)})(?P<object>[\u4e00-\u9fff]{{1,6}})$"
)
_NOT_OBJECT = re.compile(r"[到至为是的占达了约近超逾]")
# A rate followed by what it is: 以6.2%的年均增速, 8%的降幅.
_CHANGE_AFTER = re.compile(r"的(?:年均|年平均|平均)?(?P<verb>增速|增幅|增长率|涨幅|增长|降幅|跌幅)")
# Comparisons of two levels: a change only in percentage points (比全国平均水平高0.9个百分点).
_COMPARISONS = ("高于", "高出", "快于", "低于", "慢于", "高", "快", "低", "慢")


def _change_before(body: str, figure: _Figure) -> tuple[str, str | None, str] | None:
    """The verb, basis and qualifier of a change written before the rate, or None."""
    window_start = max(0, figure.start - 14)
    change = _CHANGE.search(body, window_start, figure.start)
    if change is not None:
        return change.group("verb"), change.group("basis"), change.group("q") or ""
    with_object = _CHANGE_OBJECT.search(body, window_start, figure.start)
    if with_object is not None and not _NOT_OBJECT.search(with_object.group("object")):
        return with_object.group("verb"), None, ""
    return None


def _follows_change(body: str, figure: _Figure, previous: _Figure | None) -> bool:
    """增长5%、6%和7%: a rate right after a change in a list is a change too."""
    if previous is None or previous.kind not in ("growth", "pp"):
        return False
    if (previous.kind == "pp") != (figure.kind == "pp"):
        return False
    if body[previous.end : figure.start] not in _LIST_JOINS:
        return False
    figure.kind, figure.basis, figure.direction = previous.kind, previous.basis, previous.direction
    if figure.direction == "down" and figure.value > 0:
        figure.value, figure.pct = -figure.value, -figure.pct
    return True


def _apply_change(body: str, figure: _Figure, previous: _Figure | None) -> None:
    """Growth, percentage points and their basis and direction, from the words around."""
    if figure.kind not in ("percent", "pp", "ratio") or figure.unit in ("折", "千分之", "万分之"):
        return
    found = _change_before(body, figure)
    if found is None and _follows_change(body, figure, previous):
        return
    if found is None:
        after = _CHANGE_AFTER.match(body, figure.end)
        found = (after.group("verb"), None, "") if after else None
    if found is None:
        if figure.kind == "ratio":
            figure.kind = ""  # "是……的2倍" is a comparison, not a figure we report
        return
    _set_change(figure, *found)


_BASES_LONGEST_FIRST = sorted(BASES, key=len, reverse=True)  # 比上年同期 before 比上年


def _measured_sign(verb: str) -> int | None:
    """The sign of a change led by its measure (降幅收窄: +1, 增幅回落: -1), or None where
    ``verb`` is not led by one (增长, 下降)."""
    measure = next((m for m in MEASURE_SIGNS if verb.startswith(m)), None)
    if measure is None:
        return None
    rest = verb[len(measure) :]
    if rest.endswith(LEVEL_MARKS):
        return MEASURE_SIGNS[measure]
    move = next((MOVE_SIGNS[w] for w in MOVE_SIGNS if w in rest), 1)
    return MEASURE_SIGNS[measure] * move


def _set_change(figure: _Figure, verb: str, basis: str | None, qualifier: str) -> None:
    if verb in _COMPARISONS and figure.kind != "pp":
        return  # "高于全国平均水平" compares two levels; only pp comparisons are changes
    figure.kind = "pp" if figure.kind == "pp" else "growth"
    # 降幅比去年同期收窄: a basis said between the measure and its move
    basis = basis or next((b for b in _BASES_LONGEST_FIRST if b in verb), None)
    figure.basis = BASES.get(basis) if basis else None
    sign = _measured_sign(verb)
    down = sign < 0 if sign is not None else verb.startswith(tuple(CHANGE_DOWN))
    figure.direction = "down" if down or figure.value < 0 else "up"
    if QUALIFIERS_BEFORE.get(qualifier):  # 达 says nothing: a 以上 after the rate still counts
        figure.qualifier = QUALIFIERS_BEFORE[qualifier]
    if down and figure.value > 0:
        figure.value, figure.pct = -figure.value, -figure.pct


# Ranges (20万至50万元, 从800到1万元, 1万(含)-5万元) and lists sharing a unit (7.01万亿、7.66万亿
# 和8.24万亿元).

_RANGE_HEAD = re.compile(
    rf"""(?<![\d.])(?P<num>{_AR}|{_CN}|[{_SINGLE}])     # the low end: 20, 两, 八百
    {_SP}(?P<mag>{_MAG})?(?P<unit>%|{_MONEY_UNIT})?     # 万, 元
    (?:[（(]含[）)])?                                   # 1万(含)-5万元
    [ \u3000]*(?P<sep>至|到|——|—|--|-|~|～|－)[ \u3000]*$   # never across a line break""",
    re.VERBOSE,
)
_RANGE_SEPARATORS = set("至到—-~～－")
_LIST_MEMBER = re.compile(
    rf"(?<![\d.{_CN_CHARS}])(?P<num>{_AR})(?P<mag>{_MAG})?(?P<sep>、|和|及|与|以及)$"
)
_RATES = ("percent", "growth", "pp")


def _inherit_rate(linked: _Figure, figure: _Figure) -> None:
    """ "增速在6%—7%之间": the far end of a range reads like its near end."""
    if linked.kind in _RATES and figure.kind in _RATES and linked.kind != figure.kind:
        figure.kind, figure.basis, figure.direction = linked.kind, linked.basis, linked.direction
        if figure.direction == "down" and figure.value > 0:
            figure.value, figure.pct = -figure.value, -figure.pct


def _shared_magnitude(value: float, word: str, figure: _Figure) -> str:
    """The magnitude a bare low end shares with the high end (两到三万: 两万), unless that
    would put it above the high end (从800到1万元: 800, not 800万)."""
    if word or figure.magnitude == 1.0:
        return word
    shared = next(w for w, f in MAGNITUDES.items() if f == figure.magnitude and w != "个亿")
    return shared if value * figure.magnitude <= figure.value * figure.magnitude else ""


_PLACE = {"十": 10, "百": 100, "千": 1000}
_ONE_DIGIT_PLACE = re.compile(r"[一二两三四五六七八九]([十百千])(?![一二两三四五六七八九])")


def _shared_place(low: str, high: str) -> int:
    """两到三千: a one-digit low end shares the place word of a one-digit high end."""
    if len(low) != 1 or not _CN_DIGIT.match(low):
        return 1
    place = _ONE_DIGIT_PLACE.match(high)
    return _PLACE[place.group(1)] if place else 1


def _unit_less_start(body: str, head: re.Match, figure: _Figure, range_id: int) -> _Figure | None:
    """The low end of a range written without its unit (800至1万元, 20至50万元), read with
    the unit of the high end, or None where it is not a number."""
    try:  # one Chinese digit is a number here: 两到三万
        value, word = split_magnitude(head.group("num") + (head.group("mag") or ""))
    except ValueError:
        return None
    value *= _shared_place(head.group("num"), body[figure.start : figure.end])
    word = _shared_magnitude(value, word, figure)
    low = body[head.start() : head.start("sep")].rstrip(" \u3000")  # 20 至 50万元: "20"
    return _Figure(
        figure.kind,
        low,
        head.start(),
        head.start() + len(low),
        value,
        word + _LEADING_MAGNITUDE.sub("", figure.unit),
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
    return _RANGE_HEAD.search(body, max(0, figure.start - 28), figure.start)


def _link_one(body: str, figure: _Figure, out: list[_Figure], next_id: int) -> int:
    head = _range_head(body, figure)
    if head is None:
        return next_id
    separator = head.start("sep")
    linked = next((f for f in out if f.end == separator or f.end == head.end("num")), None)
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
    return next_id + 1 if figure.range_id == next_id else next_id


def _link_ranges(body: str, figures: list[_Figure], next_id: int) -> tuple[list[_Figure], int]:
    """Give the two ends of each range one ``range_id``; add a low end written bare."""
    out: list[_Figure] = []
    for figure in figures:
        next_id = _link_one(body, figure, out, next_id)
        out.append(figure)
    return out, next_id


def _list_members(body: str, figure: _Figure) -> list[_Figure]:
    """The members of a list before an amount that share its unit (7.01万亿、7.66万亿和
    8.24万亿元): each read with the unit, and the magnitude when it has none."""
    members: list[_Figure] = []
    end = figure.start
    while True:
        if not end or body[end - 1] not in "、和及与":  # 以及 too: a cheap test first
            return members[::-1]
        member = _LIST_MEMBER.search(body, max(0, end - 24), end)
        if member is None:
            return members[::-1]
        value = to_number(member.group("num"))
        word = member.group("mag") or next(
            (w for w, f in MAGNITUDES.items() if f == figure.magnitude and w != "个亿"), ""
        )
        unit = word + _LEADING_MAGNITUDE.sub("", figure.unit)
        members.append(
            _Figure(
                figure.kind,
                body[member.start() : member.start("sep")],
                member.start(),
                member.start("sep"),
                value,
                unit,
                MAGNITUDES.get(word, 1.0),
                figure.currency,
                qualifier=figure.qualifier,
            )
        )
        end = member.start()


def _link_lists(body: str, figures: list[_Figure]) -> list[_Figure]:
    """Money lists sharing a unit get their members; a qualifier before the first member of
    a list (先后突破80万亿元、90万亿元) holds for every member."""
    out: list[_Figure] = []
    for figure in figures:
        if figure.kind == "money" and figure.range_id is None:
            members = _list_members(body, figure)
            if members:
                first = _qualifier_before(body, members[0].start)
                for member in (*members, figure):
                    member.qualifier = member.qualifier or first
                out += members
        previous = out[-1] if out else None
        if previous is not None and previous.kind == figure.kind and not figure.qualifier:
            if body[previous.end : figure.start] in _MEMBER_JOINS:
                figure.qualifier = previous.qualifier
        out.append(figure)
    return out


# Where a figure stands: its clause and sentence.

_CLAUSE_DELIMITERS = "，。；,;！？!?\n"
_SENTENCE_DELIMITERS = "。；！？;!?\n"
_CLAUSE_END = re.compile(f"[{_CLAUSE_DELIMITERS}]")
_SENTENCE_END = re.compile(f"[{_SENTENCE_DELIMITERS}]")
_SPAN_LOOKBACK = 300
_LONGEST_FIGURE = 64  # characters from a figure's start to the end of its unit, at most


def _last_of(body: str, chars: str, low: int, position: int) -> int:
    """Where the last of ``chars`` stands in ``body[low:position]`` (-1: none)."""
    return max([body.rfind(char, low, position) for char in chars])


class _Spans:
    """The sentence and clause around a figure, found by a short local search; the
    sentence is reused while consecutive figures fall in it."""

    __slots__ = ("body", "begin", "end")

    def __init__(self, body: str):
        self.body = body
        self.begin, self.end = -1, -1

    def around(self, position: int) -> tuple[int, int, int, int]:
        """``(clause_start, clause_end, sentence_start, sentence_end)``."""
        body = self.body
        if not self.begin <= position < self.end:
            low = position - _SPAN_LOOKBACK if position > _SPAN_LOOKBACK else 0
            last = _last_of(body, _SENTENCE_DELIMITERS, low, position)
            self.begin = last + 1 if last >= 0 else low
            following = _SENTENCE_END.search(body, position)
            self.end = following.end() if following else len(body)
        last = max(_last_of(body, "，,", self.begin, position), self.begin - 1)
        following = _CLAUSE_END.search(body, position, self.end)
        return last + 1, (following.end() if following else self.end), self.begin, self.end


# What a figure measures: the noun phrase of its clause (出口 in 出口12.48万亿元, 民营企业进出口
# in 民营企业进出口增长10.4%), the amount's own noun (730万美元资金), or what the clause before
# it in the sentence measured (增长5.2% after 出口12.48万亿元).

_SUBJECT_WORDS = _alternation(money_subjects())
_LONGEST_SUBJECT_WORD = max(map(len, money_subjects()))
# The amount's own noun: 730万美元资金, 54万余元的稳岗补贴, 2元/公斤的补贴, 1.5亿美元的粮食紧急救助.
_OWN_NOUN = re.compile(
    rf"""(?:/[\u4e00-\u9fff]{{1,2}})?                       # 2元/公斤的补贴
    (?:的(?:一次性|入围|人围)?                                  # 的一次性奖励: 奖励
       (?P<noun>[\u4e00-\u9fff]{{0,9}}?(?:{_SUBJECT_WORDS}))    # 的稳岗补贴, 的广阳岛绿色发展基金
      |(?:一次性|专项|年度|人均|入围|人围)?(?P<word>{_SUBJECT_WORDS})  # 资金, 入围补助金
      |(?P<long>[\u4e00-\u9fff]{{1,5}}?(?:{_SUBJECT_WORDS})))         # 生态补偿资金
    """,
    re.VERBOSE,
)
# A share followed by whose share it is: 59.45%的游客, 接近30%的重要湖库.
_AFTER_SHARE = re.compile(
    r"(?:以上|以下|左右)?的(?!情况|时候|水平|基础|目标|任务|速度|比重|份额)"
    r"(?P<noun>[\u4e00-\u9fff]{1,8}?)"
    r"(?=[参有是在将已把被从对为都也还来去选认表仍处开提的][\u4e00-\u9fff]|[，。；、]|$)"
)
# Where a subject starts: after time words, framing words, a number with its unit, and the
# verbs that bring an amount (全年实现地区生产总值…, 完成投资…). Several characters each:
# 共 and 均 alone would cut 公共 and 平均.
_TIME_WORDS = (
    "今年 去年 前年 明年 当年 全年 上半年 下半年 同期 年底 年末 年初 月底 目前 如今 现在 近年来 "
    "此外 其中 同时 另外 总体上 总的来看 每年 每月 上月 本月 当月 已经 累计 合计 总计 分别 只有 "
    "预计 有望"
).split()
_AMOUNT_VERBS = (
    "实现 完成 获得 发放 安排 下达 筹集 争取 拨付 带动 吸引 引进 签约 签订 拿下 募集 支付 提供 "
    "给予 拿出 收到 取得 达成 投放 撬动 新增 投入 接待 导致 斥资 耗资"
).split()
_LIMIT_WORDS = "最高 最多 最少 至少 不少于 不超过 不低于 可获 可得 可领 领取".split()
_SUBJECT_START_BRANCHES = rf"""
        (?:\d{{4}}|[一二〇零]{{4}})年(?:\d{{1,2}}月)?(?:\d{{1,2}}日)?  # 2019年9月30日
        (?:[-—至到]\d{{1,2}}月)?                                   # 2019年1-9月
      | [\d一二两三四五六七八九十]+个?(?:月|年|天|周)(?:份|以来|来|间)?   # 一个月, 9月, 3年来
      | \d[\d.,%]*(?:{_MAG})*(?:{_UNITS})?         # a number and its unit: 832个, 5000万美元
        (?:以上|以下|左右|多|余)?的?(?![A-Za-z])    # 以上的; not the 5 of 5G
      | 截至[^，。]{{0,12}}?(?:底|末|日|时|止)                   # 截至去年底
      | [”》]|——                                              # “头雁”团队, 《我和我的祖国》票房
      | {_alternation(_TIME_WORDS)}|[第前][一二三四]季度          # 今年, 其中, 第一季度
      | (?:{_alternation(_AMOUNT_VERBS)}|使(?!用)|让|在(?<![现存正所实自内外]在)  # 完成投资
         |(?:{_alternation(CHANGE_WITH_OBJECT)})(?![值额量率]))(?!的)           # 压减
      | (?=人均)                                              # 长江源村人均年纯收入
      | 每[户人家个位名亩项所]|组建|设立|成立|另                 # 每户补贴, 组建总规模
      | {_alternation(_LIMIT_WORDS)}              # 企业最高补助, 获奖者可获奖金
"""
# The characters a branch above can start with: those of the structural branches, written
# here, and the first characters of the word lists. The regex engine tests this class before
# trying the branches at a position (2.5 times faster); tests/test_figures.py checks that the
# matches stay those of the branches alone.
_SUBJECT_START_FIRST = frozenset(
    "0123456789一二〇零两三四五六七八九十截”》—第前使让在人每组设成另"
).union(w[0] for w in (*_TIME_WORDS, *_AMOUNT_VERBS, *_LIMIT_WORDS, *CHANGE_WITH_OBJECT))
_SUBJECT_START = re.compile(
    rf"(?=[{''.join(sorted(map(re.escape, _SUBJECT_START_FIRST)))}])(?:{_SUBJECT_START_BRANCHES})",
    re.VERBOSE,
)
# Words a subject never ends with: the verb, qualifier or filler between it and the number
# (several characters first, so 平均 goes whole and 平 is not left behind) …
_TAIL_WORDS = [
    *BASES,
    *CHANGE_UP,
    *CHANGE_DOWN,
    *QUALIFIERS_BEFORE,
    *"共计 分别 累计 总计 合计 平均 已经 约为 达到了 达到 占比 实际 预计 有望 可望".split(),
    *"超额 不过 每年 每月 每次 共 又 已 为 是 有 达 了 到 至 于 能 可 将 仅 只 就 还".split(),
    *"也 都 均 每 按 同 与 和 及 的 在 从 以 把 由 打 按 享 、 ： :".split(),
    *"大幅 小幅 明显 稳步 持续 快速 较快 继续 进一步 逐步 显著 同步 平稳".split(),  # 进口大幅增长
    *"首次 首度 再次 年均 折合 约合 大约合 折 人民币".split(),  # 规模首次突破, 折1381亿美元
    *"获得 获 得到 领取 享受 申请".split(),  # 可获得20万元: what is received, not 得
]
_TAIL_FIRST = "".join(sorted({re.escape(w[0]) for w in _TAIL_WORDS}))
# Each word's first character is tested before the words (three times faster).
_SUBJECT_TAIL = re.compile(rf"(?:(?=[{_TAIL_FIRST}\s])(?:{_alternation(_TAIL_WORDS)}|\s))+$")
_TAIL_ENDS = frozenset(w[-1] for w in _TAIL_WORDS)  # a phrase ending otherwise has no tail
# … and the frames after it: a comparison (比清明假期, 较1996年), a share's whole (占全球总量,
# 占GDP的比重), a span of years (3年间, 2021年).
_SUBJECT_FRAME = re.compile(
    r"""(?:(?:比(?![例重率])|较)[\u4e00-\u9fff\d]{1,8}|由(?:上月|上年|去年|年初|上季度|\d)[^，]{0,6}
      |占[\u4e00-\u9fffA-Z]{0,6}?的?(?:比重|比例)?
      |[\d一二三四五六七八九十]+年(?:间|来|内)?|\d{4}年)$""",
    re.VERBOSE,
)
_FRAME_WORDS = frozenset("比较由占年")  # a frame holds one of these
_SUBJECT_LEAD = re.compile(
    r"^(?:[“”\"‘’《》（）()、：:■●◆—\s]+|\d+[.、．)）]|(?:以上|以下|左右|多|余)?的|其中|此外|同时|另外|而|但|并|且"
    r"|我国|我省|我市|我区|我县|本市|本省|该市|该省|该县|该区|全省|全市|全县|全区|中国|我们|他们"
    r"|已经|(?:可|能|就|将|还|也|都|又)(?![业源力耗能来款贷市])"  # not 就业, 能源, 还款
    r")"
)
_SUBJECT_MAX = 16
_NOT_SUBJECT = re.compile(r"%|^[^\u4e00-\u9fffA-Za-z]*$")
_LIST_SEPARATOR = re.compile(r"、|和|与|及")


_TAIL_WINDOW = 24  # tails and frames are short: look for them at the end only
_PHRASE_WINDOW = 48  # a subject and what stands between it and its number


def _cut_tail(phrase: str) -> str:
    if not phrase or (phrase[-1] not in _TAIL_ENDS and not phrase[-1].isspace()):
        return phrase  # the search below is the dearest step of reading a subject
    found = _SUBJECT_TAIL.search(phrase, max(0, len(phrase) - _TAIL_WINDOW))
    return phrase[: found.start()] if found else phrase


def _cut_frame(phrase: str) -> str:
    if _FRAME_WORDS.isdisjoint(phrase[-_TAIL_WINDOW:]):
        return phrase
    found = _SUBJECT_FRAME.search(phrase, max(0, len(phrase) - _TAIL_WINDOW))
    return phrase[: found.start()] if found else phrase


def _trimmed(phrase: str) -> str:
    """The phrase without the words it may not end with, the frames after it and the
    words it may not start with, until none is left. (Cutting a tail twice changes nothing:
    it is cut again only where a frame or a lead went.)"""
    for _ in range(3):
        before = phrase
        cut = _cut_tail(phrase)
        rest = _SUBJECT_LEAD.sub("", _cut_frame(cut))
        phrase = _cut_tail(rest) if rest != cut else cut
        if phrase == before:
            break
    return phrase


def _phrase_before(text: str) -> str | None:
    """The noun phrase that ends a clause's text before its figure, or None."""
    phrase = _trimmed(text[-_PHRASE_WINDOW:])
    starts = list(_SUBJECT_START.finditer(phrase))
    verb = starts[-1].group() if starts else None
    cuts = [m for m in starts if m.end() < len(phrase)]
    phrase = phrase[cuts[-1].end() :] if cuts else ("" if starts else phrase)
    phrase = _trimmed(phrase)
    if not phrase:
        return verb if verb in money_subjects() else None  # 累计投入4.5亿元: the verb names it
    return None if _NOT_SUBJECT.search(phrase) else phrase


def _list_member(phrase: str, index: int) -> str:
    """江苏、浙江、安徽出口分别增长…: the member of a listed subject a figure belongs to (a
    head they share, 出口, where the others are short names)."""
    members = [m for m in _LIST_SEPARATOR.split(phrase) if m]
    if len(members) < 2:
        return phrase
    lengths = {len(m) for m in members[:-1]}
    if len(lengths) == 1 and max(lengths) <= 3 and len(members[-1]) > max(lengths):
        return members[-1][max(lengths) :]
    return members[min(index, len(members) - 1)]


_UNREAD = object()  # a phrase of the context not read yet


@dataclass(slots=True)
class _Context:
    """What the figures before in the sentence measured, carried to those that name nothing.
    The phrases before a figure are read only when its subject needs them (an amount with
    its own noun, 730万美元资金, does not)."""

    sentence_start: int = -1
    subject: str | None = None
    clause_start: int = -1
    in_clause: int = 0
    last_end: int = 0
    pending: tuple | None = None  # a count or measure whose subject may yet be carried
    body: str = ""
    first_start: int = 0  # where the clause's first figure starts
    own_start: int = 0  # the text between the figure before in the clause and this one
    own_end: int = 0
    read_phrase: object = _UNREAD
    read_own: object = _UNREAD

    def settle(self) -> None:
        """新设外资企业超过6万家，同比增长69.8%: what a count before measured is carried."""
        if self.pending is None:
            return
        body, sentence_start, clause_start, figure = self.pending
        self.pending = None
        self.enter(sentence_start, clause_start, body, figure)
        self.subject = _subject(body, figure, self) or self.subject

    def enter(self, sentence_start: int, clause_start: int, body: str, figure: _Figure) -> None:
        self.body, self.read_own = body, _UNREAD
        if sentence_start != self.sentence_start:
            self.sentence_start, self.subject = sentence_start, None
        if clause_start != self.clause_start:
            self.clause_start, self.in_clause = clause_start, 0
            self.first_start, self.read_phrase = figure.start, _UNREAD
        else:
            self.in_clause += 1
        self.own_start, self.own_end = self.last_end, figure.start
        self.last_end = figure.end

    def phrase(self) -> str | None:
        """The phrase before the clause's first figure."""
        if self.read_phrase is _UNREAD:
            self.read_phrase = _phrase_before(self.body[self.clause_start : self.first_start])
        return self.read_phrase

    def own(self) -> str | None:
        """The phrase before this figure: from the figure before in the clause, or from the
        clause's start."""
        if self.read_own is _UNREAD and self.in_clause == 0:
            self.read_own = self.phrase()
        elif self.read_own is _UNREAD:
            own = _phrase_before(self.body[self.own_start : self.own_end])
            self.read_own = own if own and len(own) > 1 else None  # 转为上涨0.2%: no noun
        return self.read_own


def _subject(body: str, figure: _Figure, context: _Context) -> str | None:
    if figure.kind == "money":
        own = _OWN_NOUN.match(body, figure.end, min(len(body), figure.end + 14))
        if own is not None:
            return own.group("noun") or own.group("word") or own.group("long")
    if figure.kind == "percent":
        share = _AFTER_SHARE.match(body, figure.end)
        if share is not None:
            return share.group("noun")
    if "分别" in body[context.clause_start : figure.start] and context.phrase():
        return _list_member(context.phrase(), context.in_clause)
    if context.own():
        return context.own()
    if any(c in body[context.clause_start : figure.start] for c in "（("):
        return None  # （1美元约合1158韩元）: an aside measures nothing carried
    return context.subject


def _category(subject: str | None) -> str:
    """The category of the longest money word the subject ends with or holds."""
    if not subject:
        return "other"
    words = money_subjects()
    for size in range(min(len(subject), _LONGEST_SUBJECT_WORD), 0, -1):
        for begin in range(len(subject) - size, -1, -1):
            category = words.get(subject[begin : begin + size])
            if category is not None:
                return category
    return "other"


# One field's figures, then their rows.


def _read_at(body: str, start: int):
    """The figure, or the vague pair, that starts near ``start``; and where reading stopped."""
    match = _FIGURE.match(body, start)
    figure = _from_match(body, match) if match is not None else None
    if figure is not None:
        _complete(body, figure)
        return figure, figure.end
    pair = _vague_at(body, start)  # unreadable as one number: perhaps a vague amount
    return pair, (pair[0].end if pair else (match.end() if match else start))


def _money_sentences(body: str) -> list[tuple[int, int]]:
    """For each sentence that holds a money unit after a number, in order: where it starts
    and where its last such unit ends (a figure after that measures nothing for an amount:
    what a figure measures is carried forward only)."""
    spans: list[list[int]] = []
    sentence_end = 0
    for hit in _MONEY_HIT.finditer(body):
        if hit.start() < sentence_end:
            spans[-1][1] = hit.end()  # another amount in the sentence taken
            continue
        # As far back as _Spans looks for the sentence of the amount's first figure.
        low = max(sentence_end, hit.start() - _SPAN_LOOKBACK - _LONGEST_FIGURE)
        start = _last_of(body, _SENTENCE_DELIMITERS, low, hit.start()) + 1
        following = _SENTENCE_END.search(body, hit.end())
        sentence_end = following.end() if following else len(body)
        spans.append([max(start, low), hit.end()])
    return [(start, end) for start, end in spans]


def _scan(body: str, windows: list[tuple[int, int]]) -> tuple[list, list]:
    """Every figure of the windows of a text in order, and the vague amounts (pairs) apart."""
    figures: list[_Figure] = []
    vague: list[tuple[_Figure, _Figure]] = []
    position, search = 0, _CANDIDATE.search
    for low, high in windows:
        position = max(position, low)
        while (candidate := search(body, position, high)) is not None:
            found, done = _read_at(body, candidate.start())
            position = max(done, candidate.start() + 1)
            if isinstance(found, tuple):
                vague.append(found)
            elif found is not None:
                _qualify(body, found)
                _apply_change(body, found, figures[-1] if figures else None)
                if found.kind and found.kind != "ratio":
                    figures.append(found)
    return figures, vague


def _figures_of(body: str, first_range_id: int, windows: list) -> list[_Figure]:
    """The figures of the windows of a text, ranges and lists linked, in order."""
    figures, vague = _scan(body, windows)
    if not figures and not vague:
        return []
    figures, next_id = _link_ranges(body, figures, first_range_id)
    figures = _link_lists(body, figures)
    for number, (low, high) in enumerate(vague, start=next_id):  # each a range of its own
        low.range_id = high.range_id = number
        figures += [low, high]
    figures.sort(key=lambda f: f.start)
    return figures


def _row(article_id, field: str, figure: _Figure, subject, sentence: str) -> tuple:
    kind = figure.kind
    counted = kind in ("count", "measure")
    # to fifteen significant digits, what a double holds exactly: 4.6亿 is 460000000, not the
    # product's 459999999.99999994, and 303.6亿 30360000000, not 30360000000.000004
    amount = (
        float(f"{figure.value * figure.magnitude:.15g}") if kind == "money" or counted else None
    )
    return (
        article_id,
        field,
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
        None if counted else subject,
        _category(subject) if kind == "money" else None,
        sentence,
        figure.start,
        figure.end,
    )


def _figure_rows(
    text: str,
    article_id: int | None,
    first_range_id: int,
    money_only: bool = False,
    field: str = "body",
) -> list[tuple]:
    """Rows (tuples in :data:`FIGURE_COLUMNS` order) for one field of an article.

    ``money_only`` reads only the sentences that hold an amount, up to their last amount:
    every figure there is read (they give rows too, for the caller to leave out), as what the
    figures before an amount measured may be carried to it (出口2100亿元，增长8.5%), so that
    a subject does not depend on the kinds asked for.
    """
    windows = _money_sentences(text) if money_only else [(0, len(text))]
    body = _folded(text, windows)
    figures = _figures_of(body, first_range_id, windows)
    if not figures:
        return []
    rows, spans, context = [], _Spans(body), _Context()
    for figure in figures:
        clause_start, _clause_end, sentence_start, sentence_end = spans.around(figure.start)
        if figure.kind in ("count", "measure"):  # its subject may be carried
            context.pending = (body, sentence_start, clause_start, figure)
            subject = None
        else:
            context.settle()
            context.enter(sentence_start, clause_start, body, figure)
            subject = _subject(body, figure, context)
            subject = subject[-_SUBJECT_MAX:] if subject else None
            context.subject = subject or context.subject
        figure.text = text[figure.start : figure.end]  # as written, before folding
        sentence = text[sentence_start:sentence_end].strip()
        rows.append(_row(article_id, field, figure, subject, sentence))
    return _share_listed_nouns(body, figures, rows)


_LISTED = re.compile(r"[、和及与][^，。；,;\d]{0,6}")
_SUBJECT_INDEX = FIGURE_COLUMNS.index("subject")
_KIND_INDEX = FIGURE_COLUMNS.index("kind")


def _share_listed_nouns(body: str, figures: list[_Figure], rows: list[tuple]) -> list[tuple]:
    """规模以上20万元、规模以下15万元的一次性奖励: amounts listed before the one whose noun
    follows it are that noun too; so is a range's low end (可获得20万至50万元的资金支持)."""
    for index in range(len(rows) - 2, -1, -1):
        this, following = figures[index], figures[index + 1]
        if this.kind != "money" or following.kind != "money":
            continue
        ranged = this.range_id is not None and this.range_id == following.range_id
        if not (ranged or _LISTED.fullmatch(body[this.end : following.start])):
            continue
        if _OWN_NOUN.match(body, following.end) is None:
            continue
        subject = rows[index + 1][_SUBJECT_INDEX]
        row = list(rows[index])
        row[_SUBJECT_INDEX], row[_SUBJECT_INDEX + 1] = subject, _category(subject)
        rows[index] = tuple(row)
    return rows


def figures_from_text(
    body: str, *, article_id: int | None = None, first_range_id: int = 1, field: str = "body"
) -> list[dict]:
    """Figure records (dicts with :data:`FIGURE_COLUMNS`) for one text.

    >>> body = "今后每年财政投入资金不少于1亿元，每家企业最高补助1000万元，同比增长35.69%。"
    >>> for r in figures_from_text(body):
    ...     print(r["text"], r["kind"], r["yuan"], repr(r["qualifier"]))
    1亿元 money 100000000.0 'at_least'
    1000万元 money 10000000.0 'at_most'
    35.69% growth None ''
    """
    return [
        dict(zip(FIGURE_COLUMNS, row, strict=True))
        for row in _figure_rows(body, article_id, first_range_id, field=field)
    ]


def figure_rows(records, *, money_only: bool = False) -> list[tuple]:
    """Figure rows for article records (mappings with ``article_id``, ``kind`` and the title
    fields and ``body``), titles first; range ids unique across them. ``money_only`` reads
    only the sentences that hold an amount (see :func:`_scan`)."""
    rows: list[tuple] = []
    next_range = 1
    range_index = FIGURE_COLUMNS.index("range_id")
    for record in records:
        if record["kind"] == "meta":
            continue
        for field in FIELDS:
            text = record.get(field)
            if not isinstance(text, str) or not text:
                continue
            article_id = int(record["article_id"])
            found = _figure_rows(text, article_id, next_range, money_only, field)
            next_range = max([next_range - 1] + [r[range_index] or 0 for r in found]) + 1
            rows.extend(found)
    return rows


def extract_figures(
    articles: pd.DataFrame, *, kinds: list[str] | tuple[str, ...] | None = None
) -> pd.DataFrame:
    """One row per figure in the titles and bodies of the news and photo rows of ``articles``.

    Args:
        articles: the DataFrame from :func:`helpers.parse_articles`.
        kinds: keep only these kinds (``money``, ``percent``, ``growth``, ``pp``, ``count``,
            ``measure``).

    Rows from titles carry their ``field`` (a title usually repeats a body figure):
    :func:`body_figures` keeps the body rows, as charts and totals do.

    >>> from helpers import parse_articles, SAMPLE_BULLETIN
    >>> figures = body_figures(extract_figures(parse_articles(SAMPLE_BULLETIN)))
    >>> float(figures.query("kind == 'money'")["yuan"].sum())
    6554512000.0
    """
    unknown = set(kinds or ()) - set(FIGURE_KINDS)
    if unknown:
        raise ValueError(
            f"unknown figure kind(s): {', '.join(sorted(unknown))}; "
            f"choose from {', '.join(FIGURE_KINDS)}"
        )
    present = [c for c in ("article_id", "kind", *FIELDS) if c in articles.columns]
    columns = [articles[c].tolist() for c in present]  # three times faster than to_dict
    records = [dict(zip(present, values, strict=True)) for values in zip(*columns, strict=True)]
    rows = figure_rows(records, money_only=bool(kinds) and set(kinds) == {"money"})
    if kinds:
        rows = [row for row in rows if row[_KIND_INDEX] in kinds]
    frame = tables.frame("figures", rows)
    frame.attrs.update(articles.attrs)
    return frame


def body_figures(figures: pd.DataFrame) -> pd.DataFrame:
    """The figures of article bodies: what charts and totals count (a figure in a headline
    usually repeats one in the body)."""
    if "field" not in figures.columns:
        return figures
    return figures[figures["field"] == "body"].reset_index(drop=True)


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
