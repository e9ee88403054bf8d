"""The layouts users paste a page in, and the true items of the corpus pages.

This is a measuring instrument for article segmentation, not part of the parser: it takes
a page whose items are known and re-renders it the ways a page reaches a user, so that
``benchmarks/segmentation.py`` can check the parser finds the same items in every layout.

A page is a list of items, each ``(title_lines, body_paragraphs)``: the title lines
(kicker, headline, subtitle) and the body paragraphs, as text without indentation. So that
:func:`as_is` gives an ``rmrb`` page back as written, :func:`corpus_page_items` marks a body
line written flush left (a letter's salutation ``同志们，朋友们：``) as a :class:`Flush`
string, which the indented layouts leave as it is, and keeps any indentation beyond the
usual two U+3000 in the paragraph; :func:`web` and :func:`flat` strip every line.

- :func:`as_is`: the People's Daily corpus layout (``../shared/corpus/rmrb``, and
  ``indent`` in ``rmrb2026``): title lines, a blank line, body paragraphs indented with two
  U+3000, a blank line between items.
- :func:`web`: nothing indented, every line followed by a blank line (a web page pasted).
- :func:`flat`: nothing indented, no blank lines.
- :func:`indent_no_blank`: bodies indented with two U+3000, no blank lines anywhere
  (``flat-indent`` in ``rmrb2026``).
- :func:`indent_all`: every line indented alike, headlines too, no blank lines.
- :func:`as_bytes` and :func:`variants`: the bytes of a pasted file, with CRLF line ends
  and in GB18030 or UTF-8 with a byte-order mark.

Readers of the truth: :func:`corpus_page_items` recovers the items of an ``rmrb`` page from
its text (PROVENANCE.md: a title block, a blank line, an indented body; a blank line
between articles), and :func:`rmrb2026_truth` reads the truth file of an ``rmrb2026`` page.

>>> page = [(["引题", "主标题"], ["正文第一段。", "第二段。"]), (["短讯"], ["本报讯 一段。"])]
>>> print(flat(page), end="")
引题
主标题
正文第一段。
第二段。
短讯
本报讯 一段。
>>> corpus_page_items(as_is(page)) == page
True
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path

from .markup import INDENT, page_of

__all__ = [
    "INDENT",
    "Flush",
    "LAYOUTS",
    "RMRB2026_LAYOUTS",
    "as_is",
    "web",
    "flat",
    "indent_no_blank",
    "indent_all",
    "as_bytes",
    "variants",
    "corpus_page_items",
    "rmrb2026_truth",
    "rmrb2026_items",
]

Item = tuple[list[str], list[str]]


class Flush(str):
    """A body paragraph written flush left on an indented page; equal to its plain text.

    >>> indent_no_blank([([], ["同志们：", Flush("朋友们：")])]).split()
    ['同志们：', '朋友们：']
    >>> Flush("同志们：") == "同志们："
    True
    """

    __slots__ = ()


def _indented(paragraphs: Iterable[str]) -> list[str]:
    return [p if isinstance(p, Flush) else INDENT + p for p in paragraphs]


def _lines(items: Iterable[Item], indent: bool) -> list[str]:
    """Every title line and paragraph of the page in order: bodies indented, or all stripped."""
    lines: list[str] = []
    for titles, body in items:
        if indent:
            lines += titles + _indented(body)
        else:
            lines += [line.strip() for line in titles + body]
    return lines


def as_is(items: Iterable[Item]) -> str:
    """The corpus layout: title lines, blank line, indented body; a blank line between items.

    >>> as_is([(["标题"], ["第一段。", "第二段。"]), (["下一篇"], ["正文。"])])
    '标题\\n\\n\\u3000\\u3000第一段。\\n\\u3000\\u3000第二段。\\n\\n下一篇\\n\\n\\u3000\\u3000正文。\\n'
    >>> as_is([])
    ''
    """
    return page_of((titles, _indented(body)) for titles, body in items)


def web(items: Iterable[Item]) -> str:
    """A web page pasted: nothing indented, every line followed by a blank line.

    >>> web([(["标题"], ["第一段。", "第二段。"])])
    '标题\\n\\n第一段。\\n\\n第二段。\\n\\n'
    """
    return "".join(line + "\n\n" for line in _lines(items, indent=False))


def flat(items: Iterable[Item]) -> str:
    """Nothing indented and no blank lines: one line per title line and paragraph.

    >>> flat([(["标题"], ["第一段。"]), (["下一篇"], [Flush(" 正文。")])])
    '标题\\n第一段。\\n下一篇\\n正文。\\n'
    """
    return "".join(line + "\n" for line in _lines(items, indent=False))


def indent_no_blank(items: Iterable[Item]) -> str:
    """Bodies indented with two U+3000 and no blank lines anywhere (flat-indent).

    >>> indent_no_blank([(["标题"], ["第一段。"]), (["下一篇"], ["正文。"])])
    '标题\\n\\u3000\\u3000第一段。\\n下一篇\\n\\u3000\\u3000正文。\\n'
    """
    return "".join(line + "\n" for line in _lines(items, indent=True))


def indent_all(items: Iterable[Item]) -> str:
    """Every line indented alike, headlines too, no blank lines (some e-paper copies).

    >>> indent_all([(["标题"], ["第一段。"])])
    '\\u3000\\u3000标题\\n\\u3000\\u3000第一段。\\n'
    """
    return "".join(INDENT + line.strip() + "\n" for line in _lines(items, indent=False))


LAYOUTS: dict[str, Callable[[Iterable[Item]], str]] = {
    "as_is": as_is,
    "web": web,
    "flat": flat,
    "indent_no_blank": indent_no_blank,
    "indent_all": indent_all,
}
# The ``layout`` of an rmrb2026 truth file, as the name of the renderer that makes it.
RMRB2026_LAYOUTS = {
    "web": "web",
    "indent": "as_is",
    "flat-indent": "indent_no_blank",
    "flat": "flat",
}


def as_bytes(text: str, *, encoding: str = "utf-8", crlf: bool = False) -> bytes:
    """The bytes of a pasted file: ``encoding`` (``utf-8-sig`` adds a BOM), CRLF or LF.

    >>> as_bytes("标题\\n正文\\n", encoding="gb18030", crlf=True)
    b'\\xb1\\xea\\xcc\\xe2\\r\\n\\xd5\\xfd\\xce\\xc4\\r\\n'
    """
    return (text.replace("\n", "\r\n") if crlf else text).encode(encoding)


def variants(text: str) -> dict[str, bytes]:
    """The encodings and line ends the rmrb2026 files come in, as bytes of ``text``.

    >>> sorted(variants("标题\\n"))
    ['gb18030', 'gb18030-crlf', 'utf-8', 'utf-8-sig-crlf']
    """
    return {
        "utf-8": as_bytes(text),
        "utf-8-sig-crlf": as_bytes(text, encoding="utf-8-sig", crlf=True),
        "gb18030": as_bytes(text, encoding="gb18030"),
        "gb18030-crlf": as_bytes(text, encoding="gb18030", crlf=True),
    }


def _blocks(text: str) -> list[list[str]]:
    """Runs of non-blank lines, as written."""
    blocks: list[list[str]] = []
    block: list[str] = []
    for line in text.replace("\r\n", "\n").split("\n") + [""]:
        if line.strip():
            block.append(line)
        elif block:
            blocks.append(block)
            block = []
    return blocks


def _paragraph(line: str) -> str:
    """A body line without its usual indentation; a line without it is :class:`Flush`."""
    return line[len(INDENT) :].rstrip() if line.startswith(INDENT) else Flush(line.rstrip())


def corpus_page_items(text: str) -> list[Item]:
    """The true items of an ``rmrb`` corpus page, from its text as written (CRLF or LF).

    A block of lines whose first line is not indented is a title; the block after it is
    its body. An indented block with no title before it becomes an item with no title
    lines. Title lines are stripped; body lines lose the usual indentation (two U+3000) and
    their trailing spaces, and a line written without it is a :class:`Flush` paragraph.
    ``as_is`` of the items gives the text back, but for CRLF and trailing spaces.

    >>> corpus_page_items("引题\\n标题\\n\\n\\u3000\\u3000正文。 \\n\\u3000\\u3000二段。\\n")
    [(['引题', '标题'], ['正文。', '二段。'])]
    >>> corpus_page_items("\\u3000\\u3000孤段。\\n\\n标题\\n")
    [([], ['孤段。']), (['标题'], [])]
    >>> page = "致信\\n\\n同志们：\\n\\u3000\\u3000新春快乐！\\n"
    >>> items = corpus_page_items(page)
    >>> [type(p).__name__ for p in items[0][1]], as_is(items) == page
    (['Flush', 'str'], True)
    """
    blocks = _blocks(text)
    items: list[Item] = []
    index = 0
    while index < len(blocks):
        if blocks[index][0][:1].isspace():
            items.append(([], [_paragraph(line) for line in blocks[index]]))
            index += 1
            continue
        body = blocks[index + 1] if index + 1 < len(blocks) else []
        items.append(([line.strip() for line in blocks[index]], [_paragraph(x) for x in body]))
        index += 2
    return items


def rmrb2026_truth(json_path: str | Path) -> dict:
    """The truth file of an ``rmrb2026`` page, with ``text_path``, the page it describes.

    Keys as in ``rmrb2026/README.md``: ``issue_date``, ``page``, ``layout`` (web, indent,
    flat-indent, flat), ``encoding``, ``newline`` and ``items``, each with ``title`` (the
    title lines joined), ``first_body_line``, ``last_body_line``, ``paragraphs``, ``photo``.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "rmrb_20260210_p01.json").write_text(
    ...     '{"layout": "web", "items": [{"title": "两城图景"}]}', encoding="utf-8")
    >>> truth = rmrb2026_truth(folder / "rmrb_20260210_p01.json")
    >>> truth["layout"], [item["title"] for item in truth["items"]], truth["text_path"].name
    ('web', ['两城图景'], 'rmrb_20260210_p01.txt')
    """
    json_path = Path(json_path)
    truth = json.loads(json_path.read_text(encoding="utf-8"))
    truth["text_path"] = json_path.with_suffix(".txt")
    return truth


def rmrb2026_items(truth: dict, text: str) -> list[Item]:
    """The items of an ``rmrb2026`` page from its text and truth file: each item is its title
    line and the number of paragraph lines the truth gives, in page order, so the page can be
    re-rendered in every layout.

    >>> truth = {"items": [{"title": "标题", "paragraphs": 2},
    ...                    {"title": "下一篇", "paragraphs": 1}]}
    >>> page = "标题\\n\\n\\u3000\\u3000一段。\\n\\u3000\\u3000二段。\\n\\n下一篇\\n\\n正文。\\n"
    >>> rmrb2026_items(truth, page)
    [(['标题'], ['一段。', '二段。']), (['下一篇'], ['正文。'])]
    """
    lines = [line.strip() for line in text.replace("\r\n", "\n").split("\n") if line.strip()]
    items: list[Item] = []
    index = 0
    for item in truth["items"]:
        count = item["paragraphs"]
        items.append(([lines[index]], lines[index + 1 : index + 1 + count]))
        index += 1 + count
    return items
