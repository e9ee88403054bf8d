"""helpers.reading: encodings, normalisation and the errors bad input gets."""

from __future__ import annotations

import codecs

import pytest

from helpers import (
    BulletinNotFoundError,
    EmptyBulletinError,
    NotABulletinError,
    UndecodableBulletinError,
    decode_bytes,
    normalize_text,
    read_bulletin,
)

TEXT = (
    "重庆日报 2023年3月8日 星期三 第3版\n南岸出台政策\n"
    "本报讯（记者 王翔）今年每年投入不少于1亿元。\n"
)


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("gb18030"), "gb18030"),
        (TEXT.encode("gbk"), "gb18030"),
        (TEXT.encode("utf-16"), "utf-16"),  # Python writes a BOM
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"),
        (TEXT.encode("utf-32"), "utf-32"),
        (TEXT.encode("utf-16-le"), "utf-16-le"),  # no byte-order mark (some Windows tools)
        (TEXT.encode("utf-16-be"), "utf-16-be"),
    ],
)
def test_decodes_every_common_encoding(tmp_path, data, encoding):
    path = tmp_path / "bulletin.txt"
    path.write_bytes(data)
    assert read_bulletin(path) == TEXT
    assert decode_bytes(data)[1] == encoding


def test_big5_falls_back_to_detection():
    text, encoding = decode_bytes(("本報訊（記者 王翔）臺灣地區經濟成長，" * 20).encode("big5"))
    assert encoding == "big5"
    assert text.startswith("本報訊")


@pytest.mark.parametrize("ending", ["\r\n", "\r"])
def test_crlf_and_cr_become_newlines(tmp_path, ending):
    path = tmp_path / "b.txt"
    path.write_bytes(TEXT.replace("\n", ending).encode("utf-8"))
    assert read_bulletin(path) == TEXT


def test_fullwidth_alphanumerics_are_made_matchable_but_punctuation_stays():
    assert (
        normalize_text("投资３．８亿元，增长１２．５％，ＧＤＰ！")
        == "投资3.8亿元，增长12.5%，GDP！"
    )


def test_spaces_are_normalised_and_indentation_kept():
    assert normalize_text("\u3000\u3000本报北京1月22日电\u00a0\u00a0（记者曲哲涵）\u200b") == (
        "\u3000\u3000本报北京1月22日电  （记者曲哲涵）"
    )


@pytest.mark.parametrize(
    ("content", "error", "message"),
    [
        (b"", EmptyBulletinError, "is empty"),
        (b" \n\t\r\n", EmptyBulletinError, "is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", UndecodableBulletinError, "binary"),
        (bytes(range(256)) * 8, UndecodableBulletinError, "binary"),  # even length, NULs
        ("图片".encode("utf-16-le") + b"\x01\x00" * 8, UndecodableBulletinError, "binary"),
        (
            bytes(range(1, 32)) * 20 + "中文".encode(),
            UndecodableBulletinError,
            "control characters",
        ),
        (b"Just some English words.\n", NotABulletinError, "no Chinese"),
        (bytes([0x81, 0x30, 0xFF, 0xFE, 0x80]) * 50, UndecodableBulletinError, "not text"),
    ],
)
def test_bad_files_raise_specific_errors(tmp_path, content, error, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(error, match=message):
        read_bulletin(path)


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(BulletinNotFoundError, match="does not exist"):
        read_bulletin(tmp_path / "nope.txt")
    with pytest.raises(BulletinNotFoundError, match="is a directory"):
        read_bulletin(tmp_path)


def test_errors_are_one_line():
    with pytest.raises(UndecodableBulletinError) as info:
        decode_bytes(b"\x00\x01binary")
    assert "\n" not in str(info.value)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_a_whole_page_in_utf16_without_a_mark(tmp_path, sample_path, encoding):
    """Whole pages have characters such as 一 (U+4E00) whose UTF-16 holds a NUL byte on the
    other side: the NULs are not all on one side, and the page still reads."""
    text = sample_path.read_text(encoding="utf-8")
    path = tmp_path / "page.txt"
    path.write_bytes(text.encode(encoding))
    assert read_bulletin(path) == read_bulletin(sample_path)
