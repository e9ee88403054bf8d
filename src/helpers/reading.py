"""Reading a bulletin: bytes in any encoding a user meets, out comes normalised text.

``read_bulletin(path)`` returns the text of a file as one ``str`` with ``\\n`` line ends.
It accepts UTF-8 (with or without BOM), GB18030/GBK/GB2312, UTF-16/UTF-32 with a BOM,
and falls back to charset-normalizer's detection for anything else. ``normalize_text``
makes full-width digits, letters and ``％`` matchable (NFKC-style) and turns the many
Unicode spaces into plain ones, while the Chinese punctuation of the text stays as
written and ideographic spaces (paragraph indentation) are kept.

Bad input raises a :class:`~helpers.errors.BulletinError` subclass whose message a user
can act on; nothing is silently replaced.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from charset_normalizer import from_bytes

from .errors import (
    BulletinNotFoundError,
    EmptyBulletinError,
    NotABulletinError,
    UndecodableBulletinError,
)
from .markup import from_markup

__all__ = [
    "read_bulletin",
    "read_source",
    "check_text",
    "decode_bytes",
    "normalize_text",
    "has_chinese",
]

# Longest first: the UTF-32-LE mark begins with the UTF-16-LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
# Characters that belong in Chinese prose: CJK ideographs, CJK punctuation, full-width forms.
_CHINESE_LIKE = re.compile(
    r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef\u2010-\u2027\u00b7"
    r"\U00020000-\U0003134f]"
)
_MARKUP_LINE = re.compile(r"^\s*</?[A-Za-z][\w:-]*(?:\s[^>]*)?>")
# The first line of an XML or HTML document, whatever follows it.
_DOCUMENT_START = re.compile(r"^\s*<(?:\?xml\b|!DOCTYPE\b|html\b)", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
# What normalize_text changes, in one table: line breaks (CR, VT, FF, NEL, LS, PS) become
# "\n", invisible characters (BOM, zero-width) go, the many Unicode spaces become " ",
# and full-width digits, Latin letters and the per-cent sign become ASCII; full-width
# punctuation does not change.
_BREAKS = "\r\x0b\x0c\x85\u2028\u2029"
_INVISIBLE = "\ufeff\u200b\u200c\u200d\u2060"
_SPACES = "\u00a0" + "".join(map(chr, range(0x2000, 0x200B))) + "\u202f\u205f"
_FULLWIDTH = {
    **{0xFF10 + i: 0x30 + i for i in range(10)},
    **{0xFF21 + i: 0x41 + i for i in range(26)},
    **{0xFF41 + i: 0x61 + i for i in range(26)},
    0xFF05: ord("%"),
}
_TABLE = {
    **dict.fromkeys(map(ord, _BREAKS), "\n"),
    **dict.fromkeys(map(ord, _INVISIBLE)),
    **dict.fromkeys(map(ord, _SPACES), " "),
    **_FULLWIDTH,
}
# CRLF is one line end; every other run of characters to change is translated at once.
_TO_CHANGE = re.compile(
    "\r\n?|[{}]+".format(re.escape("".join(chr(c) for c in _TABLE if c != ord("\r"))))
)
_FULLWIDTH_DOT = re.compile(r"(?<=\d)\uff0e(?=\d)")


def _changed(match: re.Match) -> str:
    run = match.group()
    return "\n" if run == "\r\n" else run.translate(_TABLE)


def has_chinese(text: str) -> bool:
    """True when ``text`` holds at least one CJK ideograph.

    >>> has_chinese("GDP 6.1%"), has_chinese("增长6.1%")
    (False, True)
    """
    return _CJK.search(text) is not None


def normalize_text(text: str) -> str:
    """Normalise line ends, spaces and full-width alphanumerics; keep Chinese punctuation.

    >>> normalize_text("３．８亿元，增长１２％\\r\\n第二行\\u00a0")
    '3.8亿元，增长12%\\n第二行 '
    """
    # One pass over the text (str.translate over a whole page, or a pass per kind of
    # character, would be several times slower on a long archive).
    text = _TO_CHANGE.sub(_changed, text)
    return _FULLWIDTH_DOT.sub(".", text) if "\uff0e" in text else text


def _looks_chinese(text: str) -> bool:
    """Most non-ASCII characters are Chinese ones: the decoding is plausible."""
    non_ascii = [c for c in text if ord(c) > 0x7F]
    if not non_ascii:
        return True
    chinese = sum(1 for c in non_ascii if _CHINESE_LIKE.match(c))
    return chinese / len(non_ascii) >= 0.9


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """Text saved as UTF-16 without a byte-order mark (some Windows tools): most NUL bytes
    fall on one side of each pair (those of its ASCII characters), and it decodes to Chinese
    text with no control characters. A binary file fails these."""
    if len(data) % 2:
        return None
    high_first = data[0::2].count(0)  # big-endian: ASCII is 00 xx
    high_last = data[1::2].count(0)  # little-endian: ASCII is xx 00 (一 is 00 4e: both)
    encoding = "utf-16-le" if high_last > high_first else "utf-16-be"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    controls = sum(1 for c in text if ord(c) < 32 and c not in "\n\r\t")
    if controls or not _looks_chinese(text) or not _CHINESE_LIKE.search(text):
        return None
    return text, encoding


def _unicode_with_nul_or_mark(data: bytes, source: str) -> tuple[str, str] | None:
    """Text with a byte-order mark, or UTF-16 without one; an error for other data with NUL
    bytes (binary); None for the rest (8-bit encodings, decided after)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise UndecodableBulletinError(
                    f"{source} starts with a {encoding} byte-order mark but is not valid "
                    f"{encoding} (byte {exc.start}); re-save it as UTF-8"
                ) from None
    if b"\x00" not in data:
        return None
    utf16 = _utf16_without_bom(data)
    if utf16 is None:
        raise UndecodableBulletinError(
            f"{source} looks binary (it contains NUL bytes), not a text bulletin"
        )
    return utf16


def decode_bytes(data: bytes, *, source: str = "input") -> tuple[str, str]:
    """Decode the bytes of a bulletin; return ``(text, encoding)``.

    Raises:
        EmptyBulletinError: no bytes, or only white space.
        UndecodableBulletinError: binary data, or no encoding fits.

    >>> decode_bytes("本报讯".encode("gb18030"))
    ('本报讯', 'gb18030')
    """
    if not data.strip():
        raise EmptyBulletinError(f"{source} is empty: there is no text to read")
    marked = _unicode_with_nul_or_mark(data, source)
    if marked is not None:
        return marked
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
        if _looks_chinese(text):
            return text, "gb18030"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None:
        raise UndecodableBulletinError(
            f"{source} is not text in any encoding we recognise (tried UTF-8, GB18030 and "
            "charset detection); re-save it as UTF-8"
        )
    return str(best), best.encoding


def read_bulletin(path: str | Path) -> str:
    """Read a bulletin file and return its normalised text.

    Args:
        path: a plain-text file in any common Chinese encoding.

    Returns:
        The text with ``\\n`` line ends, see :func:`normalize_text`.

    Raises:
        BulletinNotFoundError: the path is missing or is a directory.
        EmptyBulletinError: the file has no visible text.
        UndecodableBulletinError: the file is binary or in an unknown encoding.
        NotABulletinError: the text holds no Chinese at all.

    >>> from helpers.paths import SAMPLE_BULLETIN
    >>> read_bulletin(SAMPLE_BULLETIN).splitlines()[2]
    '中新金融科技产业示范基地落户江北嘴'
    """
    path = Path(path)
    if path.is_dir():
        raise BulletinNotFoundError(f"{path} is a directory; give the path of a bulletin file")
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise BulletinNotFoundError(f"{path} does not exist") from None
    except PermissionError:
        raise BulletinNotFoundError(f"{path} cannot be read (permission denied)") from None
    except OSError as exc:
        raise BulletinNotFoundError(f"{path} cannot be read ({exc.strerror})") from None
    text, encoding = decode_bytes(data, source=str(path))
    return check_text(text, source=f"{path} (read as {encoding})")


def check_text(text: str, *, source: str = "input") -> str:
    """Normalise ``text`` and reject what cannot be a bulletin.

    Raises:
        EmptyBulletinError: nothing visible.
        UndecodableBulletinError: control characters that only binary data has.
        NotABulletinError: no Chinese characters, or XML/HTML markup rather than text.

    News records and Markdown are read as pages (:func:`helpers.markup.from_markup`).
    """
    if not text.strip():
        raise EmptyBulletinError(f"{source} is empty: there is no text to read")
    controls = len(_CONTROL.findall(text))
    if controls > max(2, len(text) // 1000):
        raise UndecodableBulletinError(
            f"{source} holds {controls} control characters: it looks binary, not a text bulletin"
        )
    text = normalize_text(_CONTROL.sub("", text) if controls else text)
    if not text.strip():
        raise EmptyBulletinError(f"{source} is empty: there is no text to read")
    if not has_chinese(text):
        raise NotABulletinError(
            f"{source} holds no Chinese text: a bulletin is a page of Chinese news"
        )
    text = from_markup(text)  # news records and Markdown: titles said by their markup
    _check_plain_text(text, source)
    return text


def _check_plain_text(text: str, source: str) -> None:
    """Reject XML/HTML pages: their text has to be extracted from the markup first."""
    if "<" not in text:  # most pages: no markup at all, no need to look at each line
        return
    lines = [line for line in text.split("\n") if line.strip()]
    if _DOCUMENT_START.match(lines[0]):
        raise NotABulletinError(
            f"{source} is an XML/HTML document ({lines[0].strip()[:20]}…): this reads plain-text "
            "pages; extract the article text from the markup first"
        )
    markup = sum(1 for line in lines if _MARKUP_LINE.match(line))
    if markup >= max(3, 0.3 * len(lines)):
        raise NotABulletinError(
            f"{source}: {markup} of {len(lines)} lines are XML/HTML markup: this reads plain-text "
            "pages; extract the article text from the markup first"
        )


def read_source(text_or_path: str | Path) -> tuple[str, str | None]:
    """Checked, normalised text and its file name, from a path or from bulletin text.

    A ``Path``, or a one-line string that names an existing file or ends in ``.txt``, is
    read from disk; any other string is the bulletin itself (its name is None).

    Raises:
        BulletinError: a subclass saying why the input is not a readable bulletin.
        TypeError: neither text nor a path.

    >>> read_source("本报讯 南岸区出台政策。")
    ('本报讯 南岸区出台政策。', None)
    """
    if isinstance(text_or_path, str) and not text_or_path.strip():
        raise EmptyBulletinError(
            "no bulletin given: the text is empty; pass bulletin text or a file path"
        )
    if isinstance(text_or_path, Path) or (
        isinstance(text_or_path, str)
        and "\n" not in text_or_path
        and len(text_or_path) < 1024
        and (Path(text_or_path).exists() or text_or_path.lower().endswith((".txt", ".text")))
    ):
        path = Path(text_or_path)
        return read_bulletin(path), path.name
    if not isinstance(text_or_path, str):
        raise TypeError(f"expected bulletin text or a path, not {type(text_or_path).__name__}")
    return check_text(text_or_path), None
