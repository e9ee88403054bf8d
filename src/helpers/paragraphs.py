"""Lines to paragraphs: the layout layer under :mod:`helpers.articles`.

``split_paragraphs(text)`` turns normalised bulletin text into a list of
:class:`Paragraph` records, each remembering the input lines it came from, its
indentation, the blank lines before it, and a ``role``:

``furniture`` page headers, editor lines and section labels; ``jump`` continuation markers
("（下转第4版）"); ``dateline`` an opening dateline/byline; ``closing`` a closing dateline
("（本报华盛顿2月16日电）"); ``credit`` a photo credit; ``title`` a headline-shaped line;
``subhead`` a headline-shaped line indented like the body; ``body`` everything else.

Several paragraphs run together on one line are split; a paragraph cut in two by a page
break ("奖金3万" / "元") is joined again. Every non-blank input line ends up in exactly one
paragraph.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise

from .bylines import is_bare_name, match_closing_dateline, match_credit, match_dateline
from .dates import page_header_date
from .reading import has_chinese

__all__ = [
    "Paragraph",
    "split_paragraphs",
    "Layout",
    "author_text",
    "is_bare_name",
    "is_production_credit",
]

TITLE_MAX_CHARS = 48
_PROSE_MIN_CHARS = 20
_FURNITURE_MAX_CHARS = 72
INDENTED_TITLE_MAX_CHARS = 160  # where indentation marks the body, headlines can run long
_TERMINAL = "。！？!?…；;”’」』）)】》"
_RUN_TOGETHER = re.compile(r"(?:(?<=[。！？!?])|(?<=[。！？!?][”’」』]))[ \u3000]{2,}(?=\S)")
_CAPTION_CREDIT = re.compile(r"^(?P<caption>.*[。！？”])[ \u3000]+(?P<credit>[^。！？]{2,40})$")
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+")
# Who made the page: 版式设计：蔡华伟, 本版责编：…, 稿件统筹：汪晓东 张 炜, （制图：…）.
_PRODUCTION_CREDIT = (
    r"[（(]?(?:本版|本期|稿件|文字|图片|视频|版面)?"
    r"(?:责任编辑|责编|编辑|美编|校对|版式设计|版式|制图|图表制作|组版|统筹)[:：\s].{0,30}"
)
_FURNITURE = re.compile(
    rf"""^(?:第\s*[\d一二三四五六七八九十]+\s*版.{{0,20}}      # 第05版：要闻, a page reference
    |(?:19|20)\d{{2}}-\d{{2}}-\d{{2}}                          # 2021-07-14, a page date
    |{_PRODUCTION_CREDIT}                                      # 版式设计：蔡华伟
    |(?:数据|资料)来源[:：].{{0,40}}                             # 数据来源：国家统计局
    |本版(?:照片|图片)(?:除署名外)?均?为资料图片|更多精彩             # notes on the pictures
    |(?:观看视频|扫码(?:观看|看视频|阅读)).{{0,20}}                  # 扫码看视频
    |(?:本版|投稿|电子|来稿)?邮箱[:：\s].{{0,40}}                   # 本版邮箱：…
    |(?:要闻|综合|综合新闻|时政|经济|财经|社会|国内|国际|体育|文化|科技  # section labels
    |教育|评论|专版|专栏|专题|本地|广告|副刊|理论|视点|国内新闻|国际新闻
    |本地新闻|[\u4e00-\u9fff]{{2,4}}新闻)[:：]?
    )$""",
    re.VERBOSE,
)
_PRODUCTION_LINE = re.compile(rf"^{_PRODUCTION_CREDIT}$")


def is_production_credit(text: str) -> bool:
    """Is the line who made the page (版式设计：蔡华伟, 本版责编：…)?"""
    return bool(_PRODUCTION_LINE.match(text))


# A web page's citation of the printed page: 《人民日报》（2025年03月12日第 05 版）.
_CITATION = re.compile(
    r"^《[^《》]{2,16}》\s*[（(]\s*(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
    r"\s*(?:第\s*\d{1,3}\s*版)?\s*[）)]$"
)
# Author lines of commentaries and columns: 作者：李明, （作者为中国社科院研究员）, （作者单位：…）.
_AUTHOR_FIRST = frozenset("作（(—对")  # every author line starts with one of these
_AUTHOR_LINE = re.compile(
    r"""^(?:作者[:：]\s*\S.{0,30}                             # 作者：王芳
    |[（(]\s*作者(?:为|系|是|单位[:：]|简介[:：])[^（）()]{2,80}[）)]  # （作者为…研究员）
    |[（(]\s*(?:执笔|整理|撰稿)[:：]?[^（）()]{2,30}[）)]            # （执笔：阮  青）
    |[（(]\s*(?:摘编自|摘自|原载|来源[:：]|转载自)[^（）]{2,80}[）)]      # （摘编自《经济日报》…）
    |——\s*编\s*者                                              # an editor's note signed ——编  者
    |对话人[:：].{2,120}                                         # 对话人：吕忠飞（…县长）、…
    )$""",
    re.VERBOSE,
)
# A short line giving an e-mail address: 选题线索来信邮箱：rmrbstb@peopledaily.cn.
_EMAIL_LINE = re.compile(r"^[^，。；]{0,20}[\w.-]+@[\w-]+\.[\w.]+[^，。；]{0,10}$")
_JUMP = re.compile(
    r"""^[（(]\s*(?:
        # 下转第4版, 上接第一版
        (?:下转|上接|转|接|转下|接上)第?\s*[\d一二三四五六七八九十A-Z]+\s*版[^（）()]{0,10}
        # 相关报道见第六版, 《规定》全文见第十二版
        |(?:相关报道|[^（）()]{0,16}全文|详细报道|更多报道|报道)见(?:本报)?第?\s*[\d一二三四五六七八九十]+\s*版
    )\s*[）)]$""",
    re.VERBOSE,
)
_JUMP_FROM = re.compile(r"上接|接上|^[（(]\s*接")
_CONTINUES = re.compile(r"^[，。、；：,.;:！？!?）)》”’%]")
_NUMBER_END = re.compile(r"\d[\d.]*[十百千万亿]*$")
_UNIT_START = re.compile(r"^[万亿千百元%个件人家户台辆吨米克项名位倍岁亩元美欧港日]")


@dataclass
class Paragraph:
    """One paragraph of the page and the input lines it came from (1-based, inclusive)."""

    text: str
    first: int
    last: int
    indent: bool
    gap: int
    role: str = "body"
    starts: bool | None = None  # opens an item: set by helpers.lines on unindented pages
    evidence: str = ""  # why the paragraph has its role


@dataclass
class Layout:
    """What the page looks like as a whole, used to read ambiguous lines."""

    indented: bool  # body paragraphs are indented (People's Daily style)
    has_datelines: bool
    base_gap: int  # blank lines usually found between two paragraphs of one article


def _physical_paragraphs(text: str) -> list[Paragraph]:
    out: list[Paragraph] = []
    gap = 0
    for number, line in enumerate(text.split("\n"), start=1):
        content = line.strip()
        if not content:
            gap += 1
            continue
        leading = line[: len(line) - len(line.lstrip())]
        indent = "\u3000" in leading or "\t" in leading or len(leading) >= 2
        pieces = [content]
        if " " in content or "\u3000" in content:  # both patterns need a space inside the line
            pieces = _RUN_TOGETHER.split(content)
            caption = _CAPTION_CREDIT.match(pieces[-1])
            if caption and match_credit(caption.group("credit")):
                pieces[-1:] = [caption.group("caption"), caption.group("credit")]
        for index, piece in enumerate(pieces):
            out.append(
                Paragraph(piece, number, number, indent or index > 0, gap if index == 0 else 0)
            )
        gap = 0
    return out


def _title_shaped(text: str) -> bool:
    if text[:1] == "#":
        text = _MARKDOWN_HEADING.sub("", text)
    if len(text) > TITLE_MAX_CHARS:
        return False
    commas = text.count("，") + text.count(",")
    return (
        2 <= len(text) <= TITLE_MAX_CHARS
        and (commas <= 1 or (commas == 2 and len(text) <= 30))
        and "。" not in text
        and "；" not in text
        and ";" not in text
        and (text[-1] not in "，,、：:" or (text[-1] in "：:" and len(text) <= 8 and commas == 0))
        and has_chinese(text)
    )


# Why a paragraph got its role from its own text (helpers.articles.line_roles shows it).
ROLE_EVIDENCE = {
    "jump": "a jump marker or cross-reference (下转第4版, 相关报道见第六版)",
    "furniture": "page furniture: a page header, section label, editor line or web citation",
    "author": "an author line (作者：…, （作者为…）, （执笔：…）, （摘编自…）)",
    "closing": "a closing dateline or byline in brackets (（新华社北京4月7日电）, （记者 张三）)",
    "credit": "a photo credit (…摄, 新华社发, X图 Y文)",
    "dateline": "an opening dateline or byline (本报讯, 新华社…电, 本报记者  陈  然)",
    "title": "headline-shaped: short, no full stop, at most one comma",
    "body": "prose",
}


def _citation(text: str) -> bool:
    return text[0] == "《" and bool(_CITATION.match(text))


def _role(paragraph: Paragraph) -> str:
    text = paragraph.text
    if len(text) <= _FURNITURE_MAX_CHARS:  # jump markers, headers and labels are all short
        if _JUMP.match(text):
            return "jump"
        if page_header_date(text) or _FURNITURE.match(text) or _citation(text):
            return "furniture"
        if "@" in text and _EMAIL_LINE.match(text):
            return "furniture"
    if text[0] in _AUTHOR_FIRST and _AUTHOR_LINE.match(text):
        return "author"
    if text[0] in "（(" and match_closing_dateline(text):
        return "closing"
    if match_credit(text):
        return "credit"
    if match_dateline(text):
        return "dateline"
    if _MARKDOWN_HEADING.match(text) or _title_shaped(text):
        return "title"
    return "body"


def _is_open(text: str) -> bool:
    return text[-1] not in _TERMINAL


def _joins(
    current: Paragraph, following: Paragraph, after: Paragraph | None, layout: Layout
) -> bool:
    """Is ``following`` the rest of a paragraph that a page break cut after ``current``?"""
    if current.role not in ("body", "dateline", "title", "subhead") or not _is_open(current.text):
        return False
    if following.role not in ("body", "title", "subhead"):
        return False
    if _CONTINUES.match(following.text):
        return True
    if _NUMBER_END.search(current.text) and _UNIT_START.match(following.text):
        return True
    if current.role not in ("body", "dateline"):
        return False
    if following.role == "title" and (after is None or after.role == "dateline"):
        return False
    if layout.indented and not following.indent:
        return False
    text = current.text
    return len(text) >= 30 and ("，" in text or "。" in text or "," in text)


def _layout(paragraphs: list[Paragraph]) -> Layout:
    long = [
        p
        for p in paragraphs
        if p.role == "body" and (len(p.text) > TITLE_MAX_CHARS or "。" in p.text)
    ]
    # A page of short lines only (a poem, an advert): judge by all lines after the first.
    sample = long or paragraphs[1:]
    indented = bool(sample) and sum(p.indent for p in sample) >= 0.5 * len(sample)
    gaps = Counter(p.gap for p in long[1:])
    base_gap = gaps.most_common(1)[0][0] if gaps else 1
    has_datelines = any(p.role == "dateline" for p in paragraphs)
    return Layout(indented=indented, has_datelines=has_datelines, base_gap=base_gap)


def _unindented_title(paragraph: Paragraph) -> bool:
    text = paragraph.text
    return (
        not paragraph.indent
        and len(text) <= INDENTED_TITLE_MAX_CHARS
        and "。" not in text
        and (
            text[-1] not in "，,、：:"
            or (text[-1] in "：:" and "，" not in text and "," not in text)
        )
    )


def _read_indented_titles(paragraphs: list[Paragraph]) -> None:
    """Where indentation marks the body, it also marks the headlines.

    An indented headline-shaped line is a subhead; an unindented line is a headline however
    long it is, and so is a deck line (even with a full stop) set right above or below one.
    """
    for paragraph in paragraphs:
        if (
            paragraph.role == "title"
            and paragraph.indent
            and not _MARKDOWN_HEADING.match(paragraph.text)
        ):
            paragraph.role = "subhead"
            paragraph.evidence = "headline-shaped but indented like the body"
        elif paragraph.role == "body" and _unindented_title(paragraph):
            paragraph.role = "title"
            paragraph.evidence = "not indented on a page whose body is indented"
    for before, after in pairwise(paragraphs):
        if before.role == "title" and after.role == "body" and not after.indent and after.gap == 0:
            after.role = "title"
    for before, after in zip(reversed(paragraphs[:-1]), reversed(paragraphs[1:]), strict=True):
        if after.role == "title" and before.role == "body" and not before.indent and after.gap == 0:
            before.role = "title"
    _read_salutations(paragraphs)


_SALUTATION_EVIDENCE = "a salutation: flush left, ending in a colon, right above the indented body"


def _read_salutations(paragraphs: list[Paragraph]) -> None:
    """A letter's or speech's salutation is set flush left like a headline, but it ends in a
    colon and the indented body follows at once (亲爱的妈妈：, 同志们：; 大会主席先生， over
    各位代表：): it opens the body, and no title line ends in a colon right above prose."""
    for index, (line, after) in enumerate(pairwise(paragraphs)):
        if line.role != "title" or line.text[-1] not in "：:" or after.gap:
            continue
        if not after.indent or after.role not in ("body", "subhead"):
            continue
        first = index
        while first > 0 and paragraphs[first - 1].role == "title":
            if paragraphs[first - 1].text[-1] not in "，," or paragraphs[first].gap:
                break
            first -= 1
        for paragraph in paragraphs[first : index + 1]:
            paragraph.role, paragraph.evidence = "body", _SALUTATION_EVIDENCE


def author_text(text: str) -> str:
    """An author line as the authors column holds it: a name squeezed (李  明 → 李明), a
    bracketed note without its brackets (（作者为…） → 作者为…).

    >>> [author_text(t) for t in ("李  明", "（作者为中国社会科学院学部委员）", "作者：王芳")]
    ['李明', '作者为中国社会科学院学部委员', '王芳']
    """
    text = text.strip()
    if is_bare_name(text):
        return re.sub(r"[ \u3000]", "", text)
    if text[:1] in "（(" and text[-1:] in "）)":
        return text[1:-1].strip()
    return re.sub(r"^作者[:：]\s*", "", text)


def _read_author_names(paragraphs: list[Paragraph]) -> None:
    """A bare name between a headline and the prose of its article is the article's author
    (李  明 under a commentary's title), never a second headline line; a name with no prose
    after it (秘书长 / 王晨 in a list of officials) is left as it is."""
    for index in range(1, len(paragraphs) - 1):
        before, paragraph, after = paragraphs[index - 1 : index + 2]
        if (
            before.role == "title"
            and paragraph.role in ("title", "subhead")
            and is_bare_name(paragraph.text)
            and after.role in ("body", "dateline")
            and len(after.text) > _PROSE_MIN_CHARS
        ):
            paragraph.role = "author"
            paragraph.evidence = "a bare name between a headline and its prose"


def split_paragraphs(text: str) -> tuple[list[Paragraph], Layout]:
    """Split normalised text into classified paragraphs; return them with the page layout.

    >>> page = "标题一行\\n\\n本报讯(记者 王翔)近日,奖金3万\\n\\n元。"
    >>> paragraphs, layout = split_paragraphs(page)
    >>> [(p.role, p.text, p.first, p.last) for p in paragraphs]
    [('title', '标题一行', 1, 1), ('dateline', '本报讯(记者 王翔)近日,奖金3万元。', 3, 5)]
    """
    paragraphs = _physical_paragraphs(text)
    for paragraph in paragraphs:
        paragraph.role = _role(paragraph)
        paragraph.evidence = ROLE_EVIDENCE[paragraph.role]
    if paragraphs and all(p.indent for p in paragraphs):
        for paragraph in paragraphs:  # every line indented alike: indentation tells nothing
            paragraph.indent = False
    layout = _layout(paragraphs)
    if layout.indented:
        _read_indented_titles(paragraphs)
    _read_author_names(paragraphs)
    joined: list[Paragraph] = []
    index = 0
    while index < len(paragraphs):
        current = paragraphs[index]
        index += 1
        while index < len(paragraphs):
            after = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
            if not _joins(current, paragraphs[index], after, layout):
                break
            following = paragraphs[index]
            text, role = current.text + following.text, current.role
            if role == "dateline" and match_dateline(text) is None:
                role = "body"  # 本报讯 + ",7月13日…": joined, it reads as no dateline
            current = Paragraph(
                text, current.first, following.last, current.indent, current.gap, role
            )
            index += 1
        joined.append(current)
    return joined, layout


def strip_markup(text: str) -> str:
    """Drop a Markdown heading marker (``### 标题`` → ``标题``)."""
    return _MARKDOWN_HEADING.sub("", text)


def is_jump_from(text: str) -> bool:
    """A marker saying the text continues from another page (（上接第1版）)."""
    return bool(_JUMP_FROM.search(text))
