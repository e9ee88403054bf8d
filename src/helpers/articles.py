"""Articles: a bulletin's paragraphs grouped into one record per item.

``parse_articles(text_or_path, *, issue_date=None)`` returns a pandas DataFrame with one
row per item in page order (columns in :data:`ARTICLE_COLUMNS`). ``kind`` is ``news``,
``photo`` (a caption closed by a photo credit) or ``meta`` (page furniture: headers,
section labels, editor lines). ``split_articles`` is the row-level step (a list of dicts)
and ``articles_frame`` makes the typed table of them; the archive uses the same two.

No non-blank input line is lost: the ``start_line``..``end_line`` ranges of the rows
partition the non-blank lines of the input, and every line's text is in its row (in
``kicker``, ``headline``, ``subtitle``, ``dateline``, ``body``, ``credit`` or ``furniture``,
the page furniture (jump markers, editor lines) found inside an article).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pandas as pd

from . import tables
from .bylines import Dateline, match_closing_dateline, match_credit, match_dateline
from .dates import infer_issue_date, parse_iso_date, resolve_month_day
from .lines import apply_line_labels, label_lines
from .paragraphs import (
    Layout,
    Paragraph,
    author_text,
    is_bare_name,
    is_jump_from,
    is_production_credit,
    split_paragraphs,
    strip_markup,
)
from .reading import read_source
from .titles import split_title_block

__all__ = [
    "ARTICLE_COLUMNS",
    "Bulletin",
    "load_bulletin",
    "bulletin_from_text",
    "split_articles",
    "articles_frame",
    "parse_articles",
    "line_roles",
]

ARTICLE_COLUMNS = tables.columns("articles")
_ROLES = ("reporters", "interns", "correspondents", "photographers")
_COLUMN_TAG = re.compile(r"[（(](?P<tag>[^（）()\d]{2,16}[①-⑳\d]{0,2})[）)]$")
_OPENING_DATE = re.compile(
    r"^(?:[^。！？，,]{0,12}[，,])?(?:(?:19|20)\d{2}年)?(?P<month>\d{1,2})月(?P<day>\d{1,2})日"
    r"(?=[，,\s]|[上下中]午|晚|凌晨|早|起|电)"
)
_PHOTO_MAX_CHARS = 400
_PHOTO_MAX_PARAGRAPHS = 4


@dataclass
class _Item:
    kind: str = "news"
    title: list[Paragraph] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    closed: bool = False

    @property
    def dateline(self) -> Paragraph | None:
        return next((p for p in self.paragraphs[:1] if p.role == "dateline"), None)

    def body(self) -> list[Paragraph]:
        return [p for p in self.paragraphs if p.role not in ("credit", "jump", "furniture")]


def _opens_item(
    run: list[Paragraph], following: Paragraph | None, current: _Item | None, layout: Layout
) -> bool:
    """Does this run of headline-shaped lines start a new item?"""
    if following is None or following.role in ("furniture", "jump"):
        return False
    if run[0].starts is not None:  # an unindented page: the line model has decided, except
        # that a headline-shaped line after a closed article (a closing byline, a credit)
        # opens the next one even where the model read it as a subhead
        closed = current is not None and current.closed and current.kind != "meta"
        return run[0].starts or (closed and run[0].role == "subhead")
    boundary = current is None or current.closed or current.kind == "meta"
    if run[0].role == "subhead":  # indented short lines: subheads, unless they head a dateline
        return following.role == "dateline" and boundary
    if following.role in ("dateline", "author"):
        return True
    if current is None or current.closed or current.kind == "meta":
        return True
    if layout.indented:
        return following.indent
    if not layout.has_datelines:
        return True
    return run[0].gap > layout.base_gap


_PROSE_ROLES = ("body", "dateline", "author")


def _following(paragraphs: list[Paragraph], end: int) -> Paragraph | None:
    """What follows a run of headline lines: furniture a web page puts between a headline and
    its prose (a citation line, an editor line) is looked past when prose comes after it."""
    if end >= len(paragraphs):
        return None
    beyond = end
    while beyond < len(paragraphs) and paragraphs[beyond].role in ("furniture", "jump"):
        beyond += 1
    if beyond > end and beyond < len(paragraphs) and paragraphs[beyond].role in _PROSE_ROLES:
        return paragraphs[beyond]
    return paragraphs[end]


def _captioned_opening(item: _Item | None) -> bool:
    """Has the item only a title, a photo caption and its credit so far? Then a dateline
    that follows opens its story: the photo is the story's, not an item of its own."""
    if item is None or not item.title or item.dateline is not None or not item.paragraphs:
        return False
    *captions, last = item.paragraphs
    return last.role == "credit" and len(captions) <= 2 and all(p.role == "body" for p in captions)


def _opens_within(paragraph: Paragraph, layout: Layout) -> bool:
    """Does a dateline met inside an item's body start an item of its own?"""
    return match_dateline(paragraph.text).explicit or paragraph.gap > layout.base_gap


def _split_photo(item: _Item, layout: Layout) -> _Item | None:
    """A captioned photo at the end of a dated article: split it off as its own item.

    The caption starts after a wider gap than the page uses between paragraphs.
    """
    body = item.paragraphs[1:-1]  # after the dateline paragraph, before the credit
    for back, paragraph in enumerate(reversed(body[-_PHOTO_MAX_PARAGRAPHS:]), start=1):
        if paragraph.gap > layout.base_gap:
            start = len(item.paragraphs) - 1 - back
            photo = _Item(kind="photo", paragraphs=item.paragraphs[start:], closed=True)
            del item.paragraphs[start:]
            return photo
    return None


def _close_with_credit(item: _Item, layout: Layout) -> _Item | None:
    caption = [p for p in item.body() if p.role != "closing"]
    short = (
        len(caption) <= _PHOTO_MAX_PARAGRAPHS
        and sum(len(p.text) for p in caption) <= _PHOTO_MAX_CHARS
    )
    item.closed = True
    story = item.dateline is not None or any(p.role == "author" for p in item.paragraphs)
    if story:  # a dated story or a signed commentary: a photo inside it, or one after it
        return _split_photo(item, layout)
    if short:
        item.kind = "photo"
    return None


class _Grouper:
    """Groups classified paragraphs into items, a paragraph (or a run of headline lines) at a
    time; each role has its own step, and ``current`` is the item being filled."""

    def __init__(self, paragraphs: list[Paragraph], layout: Layout):
        self.paragraphs = paragraphs
        self.layout = layout
        self.items: list[_Item] = []
        self.current: _Item | None = None

    def group(self) -> list[_Item]:
        index = 0
        while index < len(self.paragraphs):
            index = self.step(index)
        return self.items

    def step(self, index: int) -> int:
        """Place the paragraph at ``index`` (and the run it opens); the next index."""
        paragraph = self.paragraphs[index]
        if (
            self.current is not None
            and index
            and paragraph.first == self.paragraphs[index - 1].last
        ):
            self.rest_of_line(paragraph)
        elif paragraph.role in ("title", "subhead"):
            return self.title_run(index)
        else:
            getattr(self, _STEPS.get(paragraph.role, "body"))(paragraph, index + 1)
        return index + 1

    # Where a paragraph goes

    def start(self, kind: str = "news") -> _Item:
        self.current = _Item(kind=kind)
        self.items.append(self.current)
        return self.current

    def meta(self) -> _Item:
        """The page-furniture item being filled, or a new one."""
        current = self.current
        return current if current is not None and current.kind == "meta" else self.start("meta")

    def at_edge(self) -> bool:
        """Is no article open (none yet, the last one closed, or page furniture)?"""
        current = self.current
        return current is None or current.closed or current.kind == "meta"

    def open_item(self, paragraph: Paragraph) -> _Item:
        current = self.current
        if current is None or current.kind == "meta":
            return self.start()
        if current.closed and self.goes_on(paragraph):
            current.closed = False
        elif current.closed and not (self.layout.indented and paragraph.indent):
            return self.start()  # an indented page keeps indented text in the article above
        return current

    def goes_on(self, paragraph: Paragraph) -> bool:
        """Does a story go on after a photo credit inside it? On an unindented page, body
        text the line model reads as no new item's start continues the story."""
        current = self.current
        return (
            current.kind == "news"
            and current.dateline is not None
            and current.paragraphs[-1].role == "credit"
            and paragraph.starts is False
        )

    def continues(self, after: int) -> bool:
        """Does the article go on after the furniture line before ``after``?"""
        for later in self.paragraphs[after:]:
            if later.role not in ("furniture", "jump"):
                return later.role in ("body", "subhead", "credit", "closing")
        return False

    def close_with_credit(self, item: _Item) -> None:
        photo = _close_with_credit(item, self.layout)
        if photo is not None:
            self.items.append(photo)
            self.current = photo

    # The steps, one per role

    def rest_of_line(self, paragraph: Paragraph) -> None:
        """The rest of a line already in this item stays with it: a line is never shared."""
        role = paragraph.role
        if role in ("dateline", "title", "subhead"):
            paragraph.role = "body"
        self.current.paragraphs.append(paragraph)
        if role == "credit":
            self.close_with_credit(self.current)

    def title_run(self, index: int) -> int:
        """A run of headline-shaped lines: a new item's title block, or text of the item."""
        role, end = self.paragraphs[index].role, index
        while end < len(self.paragraphs) and self.paragraphs[end].role == role:
            end += 1
            if end < len(self.paragraphs) and self.paragraphs[end].starts:
                break  # the next title block
        run = self.paragraphs[index:end]
        following = _following(self.paragraphs, end)
        if _opens_item(run, following, self.current, self.layout):
            self.start().title = run[-3:]
            if len(run) > 3:  # lines above a three-line title block: furniture
                self.items.insert(-1, _Item(kind="meta", paragraphs=run[:-3], closed=True))
        elif following is not None and following.role in ("furniture", "jump") and self.at_edge():
            self.spread_title(run, following)  # a title over furniture: 图片报道 / 版式设计：…
        elif self.current is None and following is not None and following.role != "body":
            self.start("meta").paragraphs.extend(run)
        else:
            self.open_item(run[0]).paragraphs.extend(run)
        return end

    def spread_title(self, run: list[Paragraph], following: Paragraph) -> None:
        """A title block over who made the page (图片报道 over 版式设计：…) is the title of a
        photo spread, whose pictures the text does not carry; over other furniture (a table of
        contents' 第十三版) it is furniture too."""
        if len(run) > 3 or not is_production_credit(following.text):
            self.meta().paragraphs.extend(run)
            return
        self.start("photo").title = run
        self.current.closed = True

    def furniture(self, paragraph: Paragraph, after: int) -> None:
        if not self.at_edge() and self.continues(after):
            self.current.paragraphs.append(paragraph)  # furniture inside an article stays
        else:
            self.meta().paragraphs.append(paragraph)

    def jump(self, paragraph: Paragraph, after: int) -> None:
        current = self.current
        if is_jump_from(paragraph.text) or current is None or current.kind == "meta":
            self.start().paragraphs.append(paragraph)
        else:
            current.paragraphs.append(paragraph)
            current.closed = True

    def dateline(self, paragraph: Paragraph, after: int) -> None:
        current = self.current
        if _captioned_opening(current):  # the story under a headline and its photo
            current.kind, current.closed = "news", False
        elif self.at_edge() and not self.reopens(paragraph):
            self.start()
        elif self.current.paragraphs and not _opens_within(paragraph, self.layout):
            if not match_dateline(paragraph.text).names:  # bylined: its reporters count
                paragraph.role = "body"  # a dateline quoted inside the article
        elif self.current.paragraphs:
            self.start()
        self.current.paragraphs.append(paragraph)

    def reopens(self, paragraph: Paragraph) -> bool:
        """An indented dateline on an indented page goes on the closed article above it."""
        current = self.current
        return (
            current is not None
            and current.kind != "meta"
            and current.closed
            and self.layout.indented
            and paragraph.indent
        )

    def credit(self, paragraph: Paragraph, after: int) -> None:
        target = self.open_item(paragraph)
        target.paragraphs.append(paragraph)
        self.close_with_credit(target)

    def closing(self, paragraph: Paragraph, after: int) -> None:
        target = self.open_item(paragraph)
        target.paragraphs.append(paragraph)
        target.closed = True

    def body(self, paragraph: Paragraph, after: int) -> None:
        self.open_item(paragraph).paragraphs.append(paragraph)


_STEPS = {
    "furniture": "furniture",
    "jump": "jump",
    "dateline": "dateline",
    "credit": "credit",
    "closing": "closing",
}


def _group(paragraphs: list[Paragraph], layout: Layout) -> list[_Item]:
    """The items of a page, in page order (see :class:`_Grouper`)."""
    return _Grouper(paragraphs, layout).group()


def _titles(title: list[Paragraph]) -> tuple[str | None, str | None, str | None]:
    block = split_title_block([strip_markup(p.text) for p in title])
    return block.kicker, block.headline, block.subtitle


def _add_names(names: dict[str, list[str]], more: dict[str, list[str]]) -> None:
    for role, found in more.items():
        for name in found:
            if name not in names[role]:
                names[role].append(name)


@dataclass
class _Fields:
    """What the paragraphs of an item say besides their text: bylines, dateline, credit."""

    names: dict[str, list[str]] = field(default_factory=lambda: {role: [] for role in _ROLES})
    agency: str | None = None
    place: str | None = None
    month: int | None = None
    day: int | None = None
    dateline: str | None = None
    credit: str | None = None
    furniture: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    body: list[str] = field(default_factory=list)

    def read_dateline(self, text: str) -> None:
        found: Dateline = match_dateline(text)
        self.dateline = found.raw
        self.agency, self.place, self.month, self.day = (
            found.agency,
            found.place,
            found.month,
            found.day,
        )
        _add_names(self.names, found.names)
        if found.rest:  # the story opens the body, ahead of a photo caption placed above it
            self.body.insert(0, found.rest)

    def read_credit(self, text: str) -> None:
        credit = match_credit(text)
        self.credit = text if self.credit is None else f"{self.credit}\n{text}"
        self.agency = self.agency or credit.agency
        _add_names(self.names, {"photographers": credit.photographers})

    def read_closing(self, text: str) -> None:
        closing = match_closing_dateline(text)
        self.agency, self.place = self.agency or closing.agency, self.place or closing.place
        if self.day is None and closing.day is not None:
            self.month, self.day = closing.month, closing.day
        _add_names(self.names, closing.names)
        self.body.append(strip_markup(text))

    def read_inner_dateline(self, text: str) -> None:
        """A story's own dateline inside the item (a digest's wire stories): its reporters
        are the item's too; the paragraph stays body text, dateline and all."""
        inner = match_dateline(text)
        if inner is not None:
            _add_names(self.names, inner.names)
        self.body.append(strip_markup(text))

    def read_author(self, text: str) -> None:
        """A bare name is only the author's; a note (（作者为…）, 作者：…) is also body text."""
        self.authors.append(author_text(text))
        if not is_bare_name(text.strip()):
            self.body.append(strip_markup(text))

    def read(self, paragraph: Paragraph, first: bool) -> None:
        """Take one paragraph of a news or photo item."""
        role = paragraph.role
        if role == "dateline" and first:
            self.read_dateline(paragraph.text)
        elif role == "credit":
            self.read_credit(paragraph.text)
        elif role in ("jump", "furniture"):
            self.furniture.append(paragraph.text)
        elif role == "closing":
            self.read_closing(paragraph.text)
        elif role == "dateline":
            self.read_inner_dateline(paragraph.text)
        elif role == "author":
            self.read_author(paragraph.text)
        else:
            self.body.append(strip_markup(paragraph.text))

    def date_text(self) -> str | None:
        """The event date as written; an opening "7月13日，" where no dateline gave one."""
        if self.day is None and self.body:
            opening = _OPENING_DATE.match(self.body[0])
            if opening:
                self.month, self.day = int(opening.group("month")), int(opening.group("day"))
        if self.day is None:
            return None
        return f"{self.month}月{self.day}日" if self.month else f"{self.day}日"


def _fields(item: _Item) -> _Fields:
    fields = _Fields()
    if item.kind == "meta":  # page furniture: its lines are its body, as written
        fields.body = [strip_markup(p.text) for p in item.paragraphs]
        return fields
    opening = _opening_dateline(item)
    for paragraph in item.paragraphs:
        fields.read(paragraph, paragraph is opening)
    return fields


def _opening_dateline(item: _Item) -> Paragraph | None:
    """The dateline that opens the item: its first paragraph, or the one right after a photo
    caption and its credit placed between the headline and the story."""
    first = item.paragraphs[0] if item.paragraphs else None
    if first is not None and first.role == "dateline":
        return first
    for index, paragraph in enumerate(item.paragraphs[:4]):
        if paragraph.role == "credit" and index + 1 < len(item.paragraphs):
            after = item.paragraphs[index + 1]
            return after if after.role == "dateline" else None
    return None


def _column_tag(headline: str | None) -> str | None:
    found = _COLUMN_TAG.search(headline) if headline else None
    return found.group("tag") if found else None


def _record(item: _Item, issue_date: date | None) -> dict:
    kicker, headline, subtitle = _titles(item.title)
    fields = _fields(item)
    date_text = fields.date_text() if item.kind != "meta" else None
    event_date = (
        resolve_month_day(fields.month, fields.day, issue_date) if fields.day is not None else None
    )
    body_text = "\n".join(fields.body)
    spans = item.title + item.paragraphs
    return {
        "kind": item.kind,
        "kicker": kicker,
        "headline": headline,
        "subtitle": subtitle,
        "column": _column_tag(headline),
        "agency": fields.agency,
        "place": fields.place,
        "date": event_date.isoformat() if event_date else None,
        "date_text": date_text,
        **fields.names,
        "dateline": fields.dateline,
        "credit": fields.credit,
        "furniture": fields.furniture,
        "authors": fields.authors,
        "body": body_text,
        "chars": len(body_text.replace("\n", "")),
        "start_line": min(p.first for p in spans),
        "end_line": max(p.last for p in spans),
    }


@dataclass(frozen=True)
class Bulletin:
    """A bulletin's checked, normalised text, its file name and its issue date."""

    text: str
    name: str | None = None
    issue_date: date | None = None


def bulletin_from_text(
    text: str, *, issue_date: date | str | None = None, name: str | None = None
) -> Bulletin:
    """A :class:`Bulletin` of checked text; the one place where an issue date is settled:
    the date given, else a page header in the first lines, else a date in the file name."""
    return Bulletin(text, name, parse_iso_date(issue_date) or infer_issue_date(text, name))


def load_bulletin(text_or_path: str | Path, *, issue_date: date | str | None = None) -> Bulletin:
    """Read and check a bulletin (a path or its text) and settle its issue date.

    Raises:
        BulletinError: a subclass saying why the input is not a readable bulletin.

    >>> load_bulletin("本报讯 南岸区出台政策。", issue_date="2021-07-14").issue_date
    datetime.date(2021, 7, 14)
    """
    text, name = read_source(text_or_path)
    return bulletin_from_text(text, issue_date=issue_date, name=name)


def split_articles(
    bulletin: Bulletin | str, *, issue_date: date | str | None = None, name: str | None = None
) -> list[dict]:
    """The row-level step: one record (a dict with :data:`ARTICLE_COLUMNS`) per item.

    Args:
        bulletin: a :class:`Bulletin`, or text already checked by
            :func:`helpers.reading.check_text` (then ``issue_date`` and ``name`` settle its
            issue date as :func:`bulletin_from_text` does).

    >>> records = split_articles("标题\\n\\n本报讯(记者 王翔)7月13日,南岸区出台政策。",
    ...                          issue_date="2021-07-14")
    >>> [(r["headline"], r["reporters"], r["date"]) for r in records]
    [('标题', ['王翔'], '2021-07-13')]
    """
    if not isinstance(bulletin, Bulletin):
        bulletin = bulletin_from_text(bulletin, issue_date=issue_date, name=name)
    records = [_record(item, bulletin.issue_date) for item in _items(bulletin.text, evidence=False)]
    for number, record in enumerate(records, start=1):
        record["article_id"] = number
    return [{column: record[column] for column in ARTICLE_COLUMNS} for record in records]


def _items(text: str, *, evidence: bool = True) -> list[_Item]:
    """The page's paragraphs, their roles settled, grouped into items; with ``evidence``, each
    paragraph says why it has its role (line_roles shows it; the articles table needs none)."""
    paragraphs, layout = split_paragraphs(text)
    if not layout.indented:  # no indentation to tell headlines: weigh the text's evidence
        labels, features = label_lines(paragraphs, layout)
        apply_line_labels(paragraphs, labels, features if evidence else None)
    return _group(paragraphs, layout)


# The role a paragraph shows in line_roles, by the role it had while grouping.
_SHOWN_ROLE = {"jump": "furniture", "closing": "dateline", "title": "headline"}


def _title_rows(item: _Item) -> list[tuple[Paragraph, str, str]]:
    block = split_title_block([strip_markup(p.text) for p in item.title])
    roles = [
        r
        for r, line in (
            ("kicker", block.kicker),
            ("headline", block.headline),
            ("subtitle", block.subtitle),
        )
        if line is not None
    ]
    cue = f"; block: {block.cue}" if block.cue else ""
    return [(p, role, p.evidence + cue) for p, role in zip(item.title, roles, strict=True)]


def _paragraph_role(item: _Item, index: int) -> str:
    paragraph = item.paragraphs[index]
    if item.kind == "meta":
        return "furniture"
    if paragraph.role == "dateline" and paragraph is not _opening_dateline(item):
        return "body"
    if paragraph.role in ("body", "subhead") and _is_caption(item, index):
        return "caption"
    return _SHOWN_ROLE.get(paragraph.role, paragraph.role)


def _is_caption(item: _Item, index: int) -> bool:
    """A photo item's text, or the paragraph right above a credit inside a story."""
    if item.kind == "photo":
        return True
    after = item.paragraphs[index + 1] if index + 1 < len(item.paragraphs) else None
    return after is not None and after.role == "credit"


def _line_rows(items: list[_Item]) -> list[dict]:
    rows = []
    for number, item in enumerate(items, start=1):
        shown = _title_rows(item) + [
            (p, _paragraph_role(item, index), p.evidence) for index, p in enumerate(item.paragraphs)
        ]
        rows += [
            {
                "line": p.first,
                "last_line": p.last,
                "article_id": number,
                "kind": item.kind,
                "role": role,
                "text": p.text,
                "evidence": evidence,
            }
            for p, role, evidence in shown
        ]
    return sorted(rows, key=lambda row: (row["line"], row["last_line"]))


def line_roles(text_or_path: str | Path, *, issue_date: date | str | None = None) -> pd.DataFrame:
    """Every paragraph of a bulletin with the role it plays and the evidence behind it.

    Roles: ``furniture``, ``kicker``, ``headline``, ``subtitle``, ``author``, ``dateline``
    (openings, bylines and closing datelines), ``caption``, ``credit``, ``subhead``,
    ``body``. ``article_id`` is the row of :func:`parse_articles` the line is in.

    >>> roles = line_roles("把好事办到群众心坎上（人民时评）\\n李  明\\n"
    ...                    "民生无小事，枝叶总关情。办好群众家门口的小事，就是最大的政绩。")
    >>> roles[["line", "role"]].values.tolist()
    [[1, 'headline'], [2, 'author'], [3, 'body']]
    """
    bulletin = load_bulletin(text_or_path, issue_date=issue_date)
    return tables.frame("lines", _line_rows(_items(bulletin.text)))


def articles_frame(records: list[dict]) -> pd.DataFrame:
    """Article records as the typed articles table (see :mod:`helpers.tables`)."""
    return tables.frame("articles", records)


def parse_articles(
    text_or_path: str | Path, *, issue_date: date | str | None = None
) -> pd.DataFrame:
    """One DataFrame row per item of a bulletin, in page order.

    Args:
        text_or_path: bulletin text, or the path of a bulletin file in any common encoding.
        issue_date: the paper's date (``YYYY-MM-DD``), giving event dates their year.
            Inferred from a page header or the file name when not given.

    Returns:
        A DataFrame with the columns in :data:`ARTICLE_COLUMNS` (dtypes declared in
        :mod:`helpers.tables`; missing text is NaN); ``df.attrs`` holds ``issue_date``
        (ISO string or None) and ``source`` (file name or None).

    Raises:
        BulletinError: a subclass saying why the input is not a readable bulletin.

    >>> df = parse_articles("嫦娥五号任务 首批月球科研样品正式发放\\n"
    ...                     "新华社北京7月12日电(记者 胡喆)7月12日,国家航天局举行仪式。",
    ...                     issue_date="2021-07-13")
    >>> df.loc[0, ["agency", "place", "reporters"]].tolist(), df.loc[0, "date"].date()
    (['新华社', '北京', ['胡喆']], datetime.date(2021, 7, 12))
    """
    bulletin = load_bulletin(text_or_path, issue_date=issue_date)
    frame = articles_frame(split_articles(bulletin))
    frame.attrs["issue_date"] = bulletin.issue_date.isoformat() if bulletin.issue_date else None
    frame.attrs["source"] = bulletin.name
    return frame
