r"""Pages that come as records or as Markdown, read into the plain layout the parser knows.

Besides plain text, users meet two page formats whose structure says outright which lines
are titles:

- **news records** in the Sogou Labs layout (SogouCA/SogouCS, the standard Chinese news
  corpus): ``<doc>`` elements, each with ``<contenttitle>`` and ``<content>``;
- **Markdown** (a page saved from a reader app or a note tool, a TV transcript): ``#``
  headings over paragraphs, often with inline HTML (``<p>``, ``<strong>``) and links.

:func:`from_markup` renders either as the layout of a People's Daily page (title lines, a
blank line, body paragraphs indented with two U+3000, a blank line between items), which
the parser reads best; any other text is returned unchanged. What is not text of the page
goes: the records' ``<url>`` and ``<docno>``, HTML tags and entities (``&amp;`` becomes
``&``), Markdown emphasis and link targets (the link's text stays). A record without
content has no article to give: it is left out and a warning says how many were. Line
numbers (``start_line``...) then count lines of the rendered page, not of the file.

The tags and patterns are data (:data:`RECORD_TAGS`, the ``re.VERBOSE`` patterns below).

>>> page = from_markup("# 晚间新闻\n\n### 重庆出台新政\n\n<p>本报讯 南岸区出台政策。</p>")
>>> page.split("\n")
['晚间新闻', '重庆出台新政', '', '\u3000\u3000本报讯 南岸区出台政策。', '']
"""

from __future__ import annotations

import html
import logging
import re

__all__ = ["RECORD_TAGS", "from_markup", "is_markdown", "is_news_records", "page_of"]

log = logging.getLogger(__name__)

INDENT = "\u3000\u3000"
# The elements of a news record: the record, its title, its text (Sogou Labs' names).
RECORD_TAGS = {"record": "doc", "title": "contenttitle", "text": "content"}

_RECORD = re.compile(rf"<{RECORD_TAGS['record']}>(.*?)</{RECORD_TAGS['record']}>", re.DOTALL)
_FIELD = "<{tag}>(.*?)</{tag}>"
_HEADING = re.compile(
    r"""^[ ]{0,3}(\#{1,6})[ \t]+   # one to six hashes and a space: an ATX heading
        (.*?)                     # the title
        (?:[ \t]+\#+)?[ \t]*$     # optional closing hashes
    """,
    re.VERBOSE,
)
_INLINE = re.compile(
    r"""!?\[([^\]]*)\]\([^)]*\)    # a link or image: its text or alt text stays
      | \*\*(.+?)\*\*              # strong emphasis: the text stays
      | __(.+?)__                  # the same, with underscores
    """,
    re.VERBOSE,
)
_PARAGRAPH_END = re.compile(r"</p\s*>|<br\s*/?>", re.IGNORECASE)  # HTML that ends a paragraph
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")  # any other HTML tag: removed, its text kept
# Paragraphs of a record's text are set apart by two ideographic spaces or more.
_RECORD_PARAGRAPH = re.compile("\u3000{2,}")
_RULE = re.compile(r"^(?:[-*_][ \t]*){3,}$")  # a thematic break (---), no text


def is_news_records(text: str) -> bool:
    """Is ``text`` news records (``<doc>`` with ``<contenttitle>`` and ``<content>``)?"""
    return all(f"<{tag}>" in text for tag in RECORD_TAGS.values())


def is_markdown(text: str) -> bool:
    """Is ``text`` Markdown: it opens with a heading, or has two headings or more? One
    ``#`` line inside a plain page (a hashtag has no space after its ``#``) does not count.

    >>> is_markdown("# 标题\\n正文。"), is_markdown("#两会# 热议\\n正文。")
    (True, False)
    """
    lines = [line for line in text.split("\n") if line.strip()]
    headings = sum(1 for line in lines if _HEADING.match(line))
    return bool(lines) and (bool(_HEADING.match(lines[0])) or headings >= 2)


def from_markup(text: str) -> str:
    """The page of news records or Markdown in the plain layout; other text as it is."""
    if is_news_records(text):
        return _render(_records(text))
    if is_markdown(text):
        return _render(_markdown_items(text))
    return text


def _plain(fragment: str) -> str:
    """Text without tags, entities or Markdown emphasis, its white space runs made one."""
    text = _INLINE.sub(lambda m: next(g for g in m.groups() if g is not None), fragment)
    text = html.unescape(_TAG.sub("", text))
    return " ".join(text.split())


def _field(record: str, tag: str) -> str:
    found = re.search(_FIELD.format(tag=tag), record, re.DOTALL)
    return found.group(1) if found else ""


def _records(text: str) -> list[tuple[list[str], list[str]]]:
    items, empty = [], 0
    for record in _RECORD.findall(text):
        title = _plain(_field(record, RECORD_TAGS["title"]))
        body = [
            p
            for p in map(_plain, _RECORD_PARAGRAPH.split(_field(record, RECORD_TAGS["text"])))
            if p
        ]
        if not body:
            empty += 1
            continue
        items.append(([title] if title else [], body))
    if empty:
        log.warning(
            "%d of %d news records have no text and are left out", empty, empty + len(items)
        )
    return items


def _paragraphs(line: str) -> list[str]:
    """The paragraphs of one Markdown line (``<p>…</p><p>…</p>`` holds several)."""
    return [p for p in (_plain(part) for part in _PARAGRAPH_END.split(line)) if p]


def _markdown_items(text: str) -> list[tuple[list[str], list[str]]]:
    """Each run of headings opens an item; the paragraphs after it are its body."""
    items: list[tuple[list[str], list[str]]] = []
    for line in text.split("\n"):
        heading = _HEADING.match(line)
        if heading:
            title = _plain(heading.group(2))
            if items and not items[-1][1]:  # a heading right under another: one title block
                items[-1][0].append(title)
            elif title:
                items.append(([title], []))
            continue
        if _RULE.match(line.strip()):
            continue
        paragraphs = _paragraphs(line)
        if paragraphs and not items:
            items.append(([], []))
        if paragraphs:
            items[-1][1].extend(paragraphs)
    return items


def _render(items: list[tuple[list[str], list[str]]]) -> str:
    return page_of((titles, [INDENT + p for p in body]) for titles, body in items)


def page_of(blocks) -> str:
    """A page of (title lines, body lines) blocks as a People's Daily page sets it: the
    title lines, a blank line, the body lines as given; a blank line between blocks."""
    texts = []
    for titles, body in blocks:
        parts = ["\n".join(titles), "\n".join(body)]
        texts.append("\n\n".join(part for part in parts if part))
    page = "\n\n".join(text for text in texts if text)
    return page + "\n" if page else ""
