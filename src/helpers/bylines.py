"""Datelines, bylines and photo credits: who wrote an item, where and when.

Pure functions over one paragraph of text:

- ``match_dateline(text)``: an opening dateline such as ``本报讯(重庆日报记者 杨骏 实习生 郭心悦)``,
  ``新华社北京7月12日电(记者 胡喆)``, ``本报北京1月22日电\u00a0\u00a0（记者曲哲涵）`` or
  ``【新华社兴县十日电】``; returns a :class:`Dateline` with the rest of the paragraph.
- ``match_closing_dateline(text)``: a paragraph that closes an item, ``（本报莫斯科2月16日电）``
  or ``（记者 张三）``.
- ``match_credit(text)``: a photo credit line, ``重庆日报记者 齐岚森 摄``, ``新华社记者  林善传摄``,
  ``杜建坡摄（影像中国）``, ``新华社发``.
- ``parse_byline(text)``: the names in a byline, by role.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .dates import chinese_small_number
from .paths import LEXICON_DIR

__all__ = [
    "Dateline",
    "Credit",
    "match_dateline",
    "match_closing_dateline",
    "match_credit",
    "parse_byline",
]

_S = r"[\s\u3000]*"
_NUM = r"(?:\d{1,2}|[一二三四五六七八九十两]{1,3})"
_AGENCY = (
    r"(?:本报|新华社|中新社|中国新闻社|央视网?|人民网|新华网"
    r"|[\u4e00-\u9fff]{1,8}?(?:日报|晚报|早报|商报|时报|通讯社|报|社|网|电视台|台))"
)
_DATED = re.compile(
    rf"^(?P<open>[【\[（(])?{_S}(?:据)?(?P<agency>{_AGENCY})(?P<place>[\u4e00-\u9fff·、]{{1,48}}?)?"
    rf"{_S}(?:(?P<month>{_NUM})月)?(?P<day>{_NUM})日{_S}(?:电|讯)(?P<close>[】\]）)])?"
)
# Agencies that file undated dispatches (新华社电, 新华社内罗毕电, 本报电): only these, since
# "X电" after any word would read ordinary sentences as datelines.
WIRE_AGENCIES = (
    "新华社",
    "本报",
    "中新社",
    "中国新闻社",
    "央视新闻",
    "人民网",
    "新华网",
    "法新社",
    "路透社",
    "美联社",
    "塔斯社",
    "共同社",
)
_UNDATED = re.compile(
    rf"""^(?P<open>[【\[（(])?{_S}
    (?:据)?(?P<agency>{"|".join(WIRE_AGENCIES)})   # 新华社, 据新华社
    (?P<place>[\u4e00-\u9fff·、]{{0,10}}?)         # 内罗毕, 联合国 (or nothing)
    {_S}电(?P<close>[】\]）)])?                     # 电, closed when opened
    (?=[\s\u3000（(【]|$|(?<=[】\]）)]))            # then a space, a byline or the end""",
    re.VERBOSE,
)
_XUN = re.compile(
    r"^(?P<open>[【\[（(])?(?P<agency>本报|又|新华社(?:[\u4e00-\u9fff]{1,8}?分社)?"
    r"|[\u4e00-\u9fff]{1,8}?(?:报|社|网|台|都|新闻))(?P<place>[\u4e00-\u9fff]{0,6}?)讯"
    r"(?P<close>[】\]）)])?(?=[\s\u3000(（【:：]|记者|通讯员|实习生|$|(?<=[】\]）)]))"
)
_ROLE_WORDS = {
    "摄影记者": "photographers",
    "特约摄影": "photographers",
    "摄影": "photographers",
    "实习记者": "interns",
    "实习生": "interns",
    "见习记者": "reporters",
    "特约通讯员": "correspondents",
    "通讯员": "correspondents",
    "特约记者": "reporters",
    "首席记者": "reporters",
    "记者": "reporters",
}
_ROLE = re.compile("|".join(sorted(_ROLE_WORDS, key=len, reverse=True)))
# What a writer did, written after the name: （本报记者王芳采访整理）, 岳富荣整理.
BYLINE_VERBS = (
    "采访整理",
    "整理",
    "采写",
    "撰文",
    "执笔",
    "编译",
    "综合报道",
    "报道",
    "摄影报道",
    "参与采写",
    "参与报道",
    "参与采访",
)
_BYLINE_VERB = re.compile("(?:{})$".format("|".join(sorted(BYLINE_VERBS, key=len, reverse=True))))
_BRACKETED = re.compile(rf"^{_S}[（(](?P<byline>[^（）()]{{1,80}})[）)]")
_NAME = r"[\u4e00-\u9fff·]{2,8}"
_NAMES = rf"{_NAME}(?:[ \u3000、]+{_NAME}){{0,4}}"
_SEPARATORS = re.compile(r"[\s\u3000、，,;；/]+|(?<=[\u4e00-\u9fff])[和及](?=[\u4e00-\u9fff])")
_CREDIT = re.compile(
    rf"^(?:(?P<org>{_AGENCY})?(?P<role>摄影记者|特约摄影师?|记者|通讯员|摄影)?)?{_S}"
    rf"(?P<names>{_NAMES}){_S}(?:摄影报道|摄影?|拍摄|供图)(?:{_S}[（(][^（）()]{{1,20}}[）)])?{_S}$"
)
_SENT_BY = re.compile(
    rf"^[（(]?{_S}(?P<org>{_AGENCY})发{_S}(?:[（(]?{_S}(?:记者)?{_S}(?P<names>{_NAMES}){_S}摄{_S}[）)]?)?"
    rf"{_S}[）)]?{_S}$"
)
# Photo agencies and notes that stand alone as a credit line.
PHOTO_SOURCES = ("人民视觉", "视觉中国", "资料图片", "本报资料图片", "受访者供图")
_SOURCE_CREDIT = re.compile(
    rf"^[（(]?{_S}(?P<source>{'|'.join(PHOTO_SOURCES)}){_S}[）)]?(?P<names>)$"
)
# A picture an organisation supplied: 中缅油气管道项目供图, （英国驻华使馆供图）.
_SUPPLIED = re.compile(
    rf"^[（(]?{_S}(?P<org>[\u4e00-\u9fff·]{{2,20}}?){_S}供图{_S}[）)]?(?P<names>)$"
)
_SLASH_CREDIT = re.compile(rf"^(?:图|摄影|图片|摄)[:：/／]{_S}(?P<names>{_NAMES}){_S}$")
# A cartoon's credit: who drew it and who wrote the verse (曹  一图  卜  拉文, 勾犇图 羽生文).
_CARTOON_CREDIT = re.compile(rf"^(?P<names>{_NAME}){_S}图{_S}(?:{_NAME}){_S}文$")
# Who else reported: （程源、倪群力参与采写）, （苏咏潇参与采写）.
_CONTRIBUTORS = re.compile(
    rf"^[（(](?P<names>{_NAMES}|{_NAME}(?:、{_NAME})+)参与(?:采写|报道|采访)[）)]$"
)
_CLOSING_BYLINE = re.compile(
    rf"^[（(](?P<byline>[^（）()]{{0,40}}(?:{_ROLE.pattern})[^（）()]{{1,60}})[）)]{_S}$"
)


SURNAMES = LEXICON_DIR / "surnames.txt"
# A bare name: 李  明, 张国庆 (2 or 3 characters, or 4 spaced out; it must start with a
# surname in data/lexicon/surnames.txt, so 汪洋出席 and 节目单 are no names).
_BARE_NAME = re.compile(
    r"^[\u4e00-\u9fff]{2,3}$|^[\u4e00-\u9fff]{1,2}[ \u3000]{1,3}[\u4e00-\u9fff]{1,2}$"
)
# A name spaced out inside brackets or a list: （贾  麟参与采写）, （卜 玉、李四参与采写）.
_SPACED_IN_LIST = re.compile(
    r"(?<=[（(、])([\u4e00-\u9fff])[ \u3000]+([\u4e00-\u9fff])(?=参与|[、）)])"
)


@lru_cache(maxsize=1)
def surnames() -> frozenset[str]:
    """The surnames in ``data/lexicon/surnames.txt`` (lines starting with # are comments)."""
    lines = (SURNAMES.read_text(encoding="utf-8")).splitlines()
    return frozenset(w for line in lines if not line.startswith("#") for w in line.split())


def is_bare_name(text: str) -> bool:
    """Is the line only a person's name (李  明, 张国庆, 欧阳修文)?

    >>> [is_bare_name(t) for t in ("李  明", "张国庆", "汪洋出席", "节目单", "回  信")]
    [True, True, False, False, False]
    """
    if not _BARE_NAME.match(text):
        return False
    squeezed = re.sub(r"[ \u3000]", "", text)
    return squeezed[:1] in surnames() or squeezed[:2] in surnames()


@dataclass
class Dateline:
    """An opening dateline and byline, and the paragraph text after them.

    ``explicit`` datelines (bracketed 【新华社兴县十日电】, or 本报讯-style) always open an
    item; a plain "新华社北京12月31日电" may also be quoted inside an article.
    """

    raw: str
    rest: str
    explicit: bool = False
    agency: str | None = None
    place: str | None = None
    month: int | None = None
    day: int | None = None
    names: dict[str, list[str]] = field(default_factory=dict)


@dataclass
class Credit:
    """A photo credit: the agency and photographers it names."""

    agency: str | None
    photographers: list[str]


def parse_byline(text: str) -> tuple[str | None, dict[str, list[str]]]:
    """Names by role in a byline; returns ``(organisation, {role: [names]})``.

    >>> parse_byline("重庆日报记者 杨骏 实习生 郭心悦")
    ('重庆日报', {'reporters': ['杨骏'], 'interns': ['郭心悦']})
    >>> parse_byline("记者董瑞丰、王琳琳")
    (None, {'reporters': ['董瑞丰', '王琳琳']})
    """
    org = None
    role = None
    names: dict[str, list[str]] = {}
    for token in _SEPARATORS.split(_squeeze_names(text.strip())):  # 张  伟 is one name
        token = _BYLINE_VERB.sub("", token)  # 王芳采访整理, 张枨摄影报道: the name without the verb
        if not token:
            continue
        found = _ROLE.search(token)
        if found:
            prefix, role = token[: found.start()], _ROLE_WORDS[found.group()]
            if prefix and org is None:
                org = prefix
            token = token[found.end() :]
            names.setdefault(role, [])
            if not token:
                continue
        if role is not None and re.fullmatch(r"[\u4e00-\u9fff·A-Za-z]{1,10}", token):
            names[role].append(token)
    return org, {r: n for r, n in names.items() if n}


def _agency_from(agency: str, org: str | None) -> str:
    """``本报`` becomes the paper's name when the byline names it (重庆日报记者 → 重庆日报)."""
    if agency == "本报" and org and org != "本报" and re.search(r"报$", org):
        return org
    return agency


def _unbracketed_names(rest: str) -> tuple[str, str]:
    """After ``南都讯　记者刘凡　周昌和　正文…``: the byline part and the remaining text."""
    match = re.match(rf"^{_S}(?:{_ROLE.pattern})", rest)
    if not match:
        return "", rest
    start = end = match.end()
    for token in re.finditer(r"[\s\u3000]*([^\s\u3000]+)", rest[start:]):
        word = token.group(1)
        if not (re.fullmatch(r"[\u4e00-\u9fff·]{2,4}", word) or _ROLE.fullmatch(word)):
            break
        end = start + token.end()
    if end == start:  # 记者从有关部门获悉: the reporter is the subject of the sentence
        return "", rest
    return rest[:end], rest[end:]


_DATELINE_HINT = re.compile("电|讯|记者|通讯员|实习生|摄影")  # one of these opens every dateline
_STANDALONE_MAX_CHARS = 40


def _may_open(text: str) -> bool:
    """Could the paragraph open with a dateline or byline? A dated or undated dispatch has
    电 or 讯 in its first 80 characters, a bracketed byline opens with a bracket, a byline
    on its own line is short; most body paragraphs are none of these (a cheap test first)."""
    head = text[:80]
    if "电" in head or "讯" in head:
        return True
    return (text[0] in "（(【[" or len(text) <= _STANDALONE_MAX_CHARS) and bool(
        _DATELINE_HINT.search(head)
    )


_CREDIT_HINT = re.compile(r"摄|发|供图|视觉|影像|资料图片|^(?:图|摄影|图片)[:：/／]|图.*文$")


def _balanced(match: re.Match | None) -> re.Match | None:
    """The match, unless it opens a bracket it does not close (or closes one never opened)."""
    if match and bool(match.group("open")) != bool(match.group("close")):
        return None
    return match


def _dated(text: str) -> tuple[re.Match | None, int | None, int | None]:
    """A dated dateline (新华社北京7月12日电) with its month and day, if the date is real."""
    match = _balanced(_DATED.match(text))
    if match is None:
        return None, None, None
    day = chinese_small_number(match.group("day"))
    month = chinese_small_number(match.group("month")) if match.group("month") else None
    if day is None or not 1 <= day <= 31 or (month is not None and not 1 <= month <= 12):
        return None, None, None
    return match, month, day


def _byline_after(text: str, match: re.Match | None) -> tuple[str, int]:
    """The byline after a dateline (or opening the paragraph) and where it ends."""
    end = match.end() if match else 0
    bracketed = _BRACKETED.match(text[end:])
    if bracketed and _ROLE.search(bracketed.group("byline")):
        return bracketed.group("byline"), end + bracketed.end()
    if match and bracketed and _NAMES_ONLY.match(bracketed.group("byline").strip()):
        # （张文、杨希壮） after a dateline: its writers
        return "记者 " + bracketed.group("byline"), end + bracketed.end()
    if match:
        byline, _ = _unbracketed_names(text[end:])
        return byline, end + len(byline)
    return "", end


def match_dateline(text: str) -> Dateline | None:
    """Split an opening dateline (and the byline after it) off a paragraph.

    >>> d = match_dateline("新华社北京7月12日电(记者 胡喆)7月12日,国家航天局…")
    >>> d.agency, d.place, d.month, d.day, d.names, d.rest
    ('新华社', '北京', 7, 12, {'reporters': ['胡喆']}, '7月12日,国家航天局…')
    >>> match_dateline("近日,市中新项目管理局…") is None
    True
    """
    if not _may_open(text):
        return None
    match, month, day = _dated(text)
    if match is None:
        match = _balanced(_XUN.match(text)) or _balanced(_UNDATED.match(text))
    if match is None:
        byline_match = _BRACKETED.match(text)
        if not byline_match or not _ROLE.search(byline_match.group("byline")):
            return _standalone_byline(text)
    byline, end = _byline_after(text, match)
    org, names = parse_byline(byline)
    agency = _agency_from(match.group("agency"), org) if match else org
    if agency == "又":  # 【又讯】: another dispatch from the same source
        agency = None
    place = match.groupdict().get("place") if match else None
    explicit = bool(match and (match.group("open") or match.re is _XUN))
    return Dateline(
        raw=text[:end].rstrip(),
        rest=text[end:].lstrip(" \u3000"),
        agency=agency,
        place=place or None,
        month=month,
        day=day,
        names=names,
        explicit=explicit,
    )


_SHORT_NAME = r"[\u4e00-\u9fff·]{1,4}"
_STANDALONE = re.compile(
    rf"^(?:{_AGENCY})?(?:{_ROLE.pattern})[\s\u3000]*{_SHORT_NAME}"
    rf"(?:[\s\u3000、]+(?:(?:{_ROLE.pattern})[\s\u3000]*)?{_SHORT_NAME})*$"
)
_NAMES_ONLY = re.compile(r"^[\u4e00-\u9fff·]{2,6}(?:[、,，\s\u3000]+[\u4e00-\u9fff·]{2,6}){0,5}$")


_SPACED_NAME = re.compile(
    r"(?:(?<=[\s\u3000])|^)([\u4e00-\u9fff])[\s\u3000]+([\u4e00-\u9fff])(?=[\s\u3000]|摄|图|文|$)"
)


def _squeeze_names(text: str) -> str:
    """Two-character names are often typeset with a space inside: ``记者 梁 旭摄`` → ``梁旭``."""
    return _SPACED_NAME.sub(r"\1\2", text)


def _standalone_byline(text: str) -> Dateline | None:
    """A paragraph that is only a byline: ``本报记者  陈  然``, ``记者 张三 通讯员 李四``,
    ``本报记者  王斌来  刘新吾整理``."""
    if len(text) > _STANDALONE_MAX_CHARS or not _STANDALONE.match(
        _BYLINE_VERB.sub("", text.strip())
    ):
        return None
    org, names = parse_byline(text.strip())  # parse_byline squeezes spaced names itself
    if not names:
        return None
    return Dateline(raw=text.strip(), rest="", agency=org, names=names)


def match_closing_dateline(text: str) -> Dateline | None:
    """A paragraph that is only a closing dateline or byline: ``（本报华盛顿2月16日电）``.

    >>> d = match_closing_dateline("（本报莫斯科、华盛顿2月16日电）")
    >>> d.agency, d.place, d.month, d.day
    ('本报', '莫斯科、华盛顿', 2, 16)
    """
    text = text.strip()
    if not (text.startswith(("（", "(")) and text.endswith(("）", ")"))):
        return None
    inner = match_dateline(text[1:-1])  # （据新华社联合国电 记者王建刚）: the byline inside
    if inner and not inner.rest and inner.agency:
        inner.raw = text
        return inner
    dated = match_dateline(text)
    if dated and not dated.rest and dated.raw == text and (dated.agency or _named(dated.names)):
        return dated
    contributors = _CONTRIBUTORS.match(_SPACED_IN_LIST.sub(r"\1\2", text))
    if contributors:
        names = [n for n in _SEPARATORS.split(contributors.group("names")) if n]
        return Dateline(raw=text, rest="", names={"reporters": names})
    closing = _CLOSING_BYLINE.match(text)
    if closing:
        org, names = parse_byline(closing.group("byline"))
        if _named(names):  # （记者 张三）, not the column label （记者手记）
            return Dateline(raw=text, rest="", agency=org, names=names)
    return _closing_name(text)


def _named(names: dict[str, list[str]]) -> bool:
    """Does a byline name a person: a surname first, or a foreign name with its dot?"""
    return any(is_bare_name(n) or "·" in n for found in names.values() for n in found)


def _closing_name(text: str) -> Dateline | None:
    """A short story signed with its writer's name alone, in brackets: （齐志明）, （尚  文）."""
    inner = text[1:-1].strip()
    if not is_bare_name(inner):
        return None
    return Dateline(raw=text, rest="", names={"reporters": [re.sub(r"[ \u3000]", "", inner)]})


def match_credit(text: str) -> Credit | None:
    """A photo credit line, with its agency and photographers.

    >>> match_credit("重庆日报记者 齐岚森 摄")
    Credit(agency='重庆日报', photographers=['齐岚森'])
    >>> match_credit("新华社发")
    Credit(agency='新华社', photographers=[])
    >>> match_credit("大家一起拍摄") is None
    True
    """
    text = text.strip()
    if len(text) > 48 or not _CREDIT_HINT.search(text):
        return None
    text = _squeeze_names(text)
    for pattern in (_CREDIT, _SENT_BY, _SLASH_CREDIT, _CARTOON_CREDIT, _SOURCE_CREDIT, _SUPPLIED):
        match = pattern.match(text)
        if not match:
            continue
        names = [n for n in re.split(r"[ \u3000、]+", match.group("names") or "") if n]
        if any(_ROLE.search(n) for n in names):
            continue
        groups = match.groupdict()
        org = groups.get("org")
        role = groups.get("role")
        if pattern is _CREDIT and not org and not role and len(names) == 1 and len(names[0]) > 4:
            continue  # "大家一起拍摄": a bare word before 摄 must look like a name
        return Credit(agency=_agency_from(org, org) if org else None, photographers=names)
    return None
