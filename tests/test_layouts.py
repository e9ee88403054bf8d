"""helpers.layouts: the paste layouts a page is re-rendered in, and the readers of the truth."""

from __future__ import annotations

import codecs
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_corpus import true_titles

from helpers.layouts import (
    INDENT,
    LAYOUTS,
    RMRB2026_LAYOUTS,
    Flush,
    as_bytes,
    as_is,
    corpus_page_items,
    flat,
    indent_no_blank,
    rmrb2026_truth,
    variants,
    web,
)
from helpers.reading import check_text, decode_bytes

PAGE = [
    (
        ["聚焦高质量发展", "重庆出台科技金融新政", "——设立百亿元专项基金"],
        ["本报重庆7月13日电  （记者杨骏）重庆13日出台政策。", "新政自8月1日起施行。"],
    ),
    (["嫦娥五号月球样品发放"], ["新华社北京7月12日电  首批月球科研样品正式发放。"]),
    (["图片报道"], ["7月12日，游客在江北嘴观光。", "新华社记者  林善传摄"]),
]
LINES = [line for titles, body in PAGE for line in titles + body]
IND = INDENT

EXPECTED = {
    "as_is": (
        "聚焦高质量发展\n重庆出台科技金融新政\n——设立百亿元专项基金\n\n"
        f"{IND}本报重庆7月13日电  （记者杨骏）重庆13日出台政策。\n{IND}新政自8月1日起施行。\n\n"
        f"嫦娥五号月球样品发放\n\n{IND}新华社北京7月12日电  首批月球科研样品正式发放。\n\n"
        f"图片报道\n\n{IND}7月12日，游客在江北嘴观光。\n{IND}新华社记者  林善传摄\n"
    ),
    "web": "".join(line + "\n\n" for line in LINES),
    "flat": "".join(line + "\n" for line in LINES),
    "indent_no_blank": (
        "聚焦高质量发展\n重庆出台科技金融新政\n——设立百亿元专项基金\n"
        f"{IND}本报重庆7月13日电  （记者杨骏）重庆13日出台政策。\n{IND}新政自8月1日起施行。\n"
        f"嫦娥五号月球样品发放\n{IND}新华社北京7月12日电  首批月球科研样品正式发放。\n"
        f"图片报道\n{IND}7月12日，游客在江北嘴观光。\n{IND}新华社记者  林善传摄\n"
    ),
    "indent_all": "".join(f"{IND}{line}\n" for line in LINES),
}


@pytest.mark.parametrize("layout", list(LAYOUTS), ids=list(LAYOUTS))
def test_each_layout_renders_the_page_as_users_paste_it(layout):
    assert LAYOUTS[layout](PAGE) == EXPECTED[layout]


@pytest.mark.parametrize("layout", list(LAYOUTS), ids=list(LAYOUTS))
def test_every_layout_keeps_every_line_in_order(layout):
    text = LAYOUTS[layout](PAGE)
    assert [line.strip() for line in text.split("\n") if line.strip()] == LINES
    assert text.endswith("\n") and not text.startswith("\n")


@pytest.mark.parametrize(
    ("render", "blank_lines", "indented"),
    [(as_is, 5, 5), (web, 10, 0), (flat, 0, 0), (indent_no_blank, 0, 5)],
    ids=["as_is", "web", "flat", "indent_no_blank"],
)
def test_layouts_differ_only_in_blank_lines_and_indentation(render, blank_lines, indented):
    lines = render(PAGE).split("\n")[:-1]
    assert sum(not line for line in lines) == blank_lines
    assert sum(line.startswith(INDENT) for line in lines) == indented


def test_rmrb2026_layout_names_map_to_renderers():
    assert set(RMRB2026_LAYOUTS) == {"web", "indent", "flat-indent", "flat"}
    assert set(RMRB2026_LAYOUTS.values()) == set(LAYOUTS) - {"indent_all"}


@pytest.mark.parametrize(
    ("text", "items"),
    [
        (EXPECTED["as_is"], PAGE),
        (EXPECTED["as_is"].replace("\n", "\r\n"), PAGE),
        ("标题\n\n\u3000\u3000正文。\u00a0 \n", [(["标题"], ["正文。"])]),
        ("\n\n标题\n\n\n\u3000\u3000正文。\n\n\n", [(["标题"], ["正文。"])]),
        (
            "\u3000\u3000孤段。\n\n标题\n\n\u3000\u3000正文。\n",
            [([], ["孤段。"]), (["标题"], ["正文。"])],
        ),
        ("只有标题\n", [(["只有标题"], [])]),
        ("", []),
    ],
    ids=[
        "as-is",
        "crlf",
        "trailing-spaces",
        "extra-blank-lines",
        "orphan-body",
        "title-only",
        "empty",
    ],
)
def test_corpus_page_items_recovers_the_items(text, items):
    assert corpus_page_items(text) == items


@pytest.mark.parametrize(
    "text",
    [
        "习近平给“王杰班”全体战士回信\n\n“王杰班”全体战士：\n\u3000\u3000你们好！\n",
        "讲话\n\n\u3000\u3000\u3000\u3000一、坚持稳中求进\n\u3000\u3000正文。\n",
        "通讯\n\n\u3000\u3000正文。\n\u00a0\u00a0\u00a0 （本报开罗1月13日电）\n",
    ],
    ids=["flush-left-salutation", "deeper-indent", "odd-indent"],
)
def test_as_is_gives_an_oddly_indented_page_back_as_written(text):
    items = corpus_page_items(text)
    assert as_is(items) == text
    assert [line.strip() for line in flat(items).split("\n")] == [
        line.strip() for line in text.split("\n") if line.strip()
    ] + [""]


def test_a_flush_left_paragraph_stays_flush_left_in_indented_layouts_only():
    items = [(["回信"], [Flush("同志们："), "你们好！"])]
    assert indent_no_blank(items) == f"回信\n同志们：\n{IND}你们好！\n"
    assert web(items) == "回信\n\n同志们：\n\n你们好！\n\n"
    assert items == [(["回信"], ["同志们：", "你们好！"])]


@pytest.mark.parametrize("variant", sorted(variants(EXPECTED["as_is"])))
def test_encoded_variants_read_back_as_the_same_text(variant):
    data = variants(EXPECTED["as_is"])[variant]
    assert (b"\r\n" in data) == variant.endswith("crlf")
    assert data.startswith(codecs.BOM_UTF8) == variant.startswith("utf-8-sig")
    text, encoding = decode_bytes(data)
    assert encoding == variant.removesuffix("-crlf")
    assert check_text(text) == EXPECTED["as_is"]


def test_as_bytes_defaults_to_utf8_with_lf():
    assert as_bytes("标题\n") == "标题\n".encode()
    assert as_bytes("标题\n", crlf=True) == "标题\r\n".encode()


def test_rmrb2026_truth_reads_the_truth_file_and_names_its_page(tmp_path):
    truth = {"layout": "flat-indent", "encoding": "gb18030", "items": [{"title": "导读"}]}
    path = tmp_path / "rmrb_20260408_p01.json"
    path.write_text(json.dumps(truth, ensure_ascii=False), encoding="utf-8")
    read = rmrb2026_truth(path)
    assert read["layout"] == "flat-indent" and read["items"] == [{"title": "导读"}]
    assert read["text_path"] == tmp_path / "rmrb_20260408_p01.txt"


CHINESE = st.text(alphabet="新华社北京电记者报道发展经济，。：“”（）——1２", min_size=1, max_size=12)
ITEMS = st.lists(
    st.tuples(st.lists(CHINESE, min_size=1, max_size=3), st.lists(CHINESE, min_size=1, max_size=4)),
    max_size=5,
)


@settings(max_examples=200, deadline=None)
@given(ITEMS)
def test_any_page_round_trips_and_no_layout_loses_a_line(items):
    assert corpus_page_items(as_is(items)) == items
    lines = [line for titles, body in items for line in titles + body]
    for render in LAYOUTS.values():
        assert [line.strip() for line in render(items).split("\n") if line] == lines


@pytest.mark.corpus
def test_as_is_reproduces_every_20th_corpus_page(corpus):
    paths = sorted((corpus / "rmrb").glob("*/*.txt"))[::20]
    assert len(paths) > 100
    for path in paths:
        text = path.read_bytes().decode("utf-8")
        items = corpus_page_items(text)
        written = "\n".join(line.rstrip() for line in text.replace("\r\n", "\n").split("\n"))
        assert as_is(items) == written, path.name
        assert [titles for titles, _body in items] == true_titles(text), path.name


@pytest.mark.corpus
def test_rmrb2026_truth_titles_are_lines_of_their_pages(corpus):
    paths = sorted((corpus / "rmrb2026").glob("*/*.json"))
    if not paths:
        pytest.skip(f"rmrb2026 not found in {corpus}")
    for path in paths:
        truth = rmrb2026_truth(path)
        assert truth["layout"] in RMRB2026_LAYOUTS, path.name
        text = truth["text_path"].read_bytes().decode(truth["encoding"])
        lines = {line.strip() for line in text.splitlines()}
        assert all(item["title"].strip() in lines for item in truth["items"]), path.name


def test_rmrb2026_items_follow_their_truth_files(corpus):
    from helpers.layouts import rmrb2026_items, rmrb2026_truth
    from helpers.reading import read_bulletin

    pages = sorted((corpus / "rmrb2026").glob("*/*.json"))
    for json_path in pages:
        truth = rmrb2026_truth(json_path)
        items = rmrb2026_items(truth, read_bulletin(truth["text_path"]))
        titles = [title.replace(" ", "") for (title,), _body in items]
        assert titles == [item["title"].replace(" ", "") for item in truth["items"]], json_path
        assert [body[-1] for _titles, body in items if body] == [
            item["last_body_line"] for item in truth["items"] if item["paragraphs"]
        ]
    assert len(pages) == 57
