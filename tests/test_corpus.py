"""Robustness on real People's Daily pages and other formats in ../shared/corpus.

Skipped where the corpus is absent. Each rmrb page was assembled from one file per
article (title lines, a blank line, indented body), which gives the true headlines to
measure segmentation against.
"""

from __future__ import annotations

import random

import pytest
from conftest import assert_no_line_lost

from helpers import BulletinError, parse_articles, read_bulletin
from helpers.articles import split_articles
from helpers.export import plain_records
from helpers.reading import decode_bytes

pytestmark = pytest.mark.corpus


def true_titles(text: str) -> list[list[str]]:
    blocks, block = [], []
    for line in text.split("\n") + [""]:
        if line.strip():
            block.append(line.strip())
        elif block:
            blocks.append(block)
            block = []
    titles, index = [], 0
    while index < len(blocks) - 1:
        if not blocks[index][0].startswith("\u3000"):
            titles.append(blocks[index])
            index += 2
        else:
            index += 1
    return titles


@pytest.fixture(scope="module")
def pages(corpus):
    paths = sorted((corpus / "rmrb").glob("*/*.txt"))
    return [(path, read_bulletin(path)) for path in paths]


def test_every_page_parses_without_losing_a_line(pages):
    assert len(pages) > 2000
    for path, text in pages:
        records = split_articles(text, name=path.name)
        assert_no_line_lost(text, records)
        news = [r for r in records if r["kind"] == "news"]
        assert all(r["headline"] and r["body"] for r in news), path.name


def test_segmentation_finds_the_true_headlines(pages):
    found = total = exact_pages = 0
    for path, text in pages:
        items = [r for r in split_articles(text, name=path.name) if r["kind"] != "meta"]
        got = [[t for t in (r["kicker"], r["headline"], r["subtitle"]) if t] for r in items]
        want = true_titles(text)
        total += len(want)
        found += sum(title in got for title in want)
        exact_pages += got == want
    assert found / total >= 0.99, f"{found}/{total} headlines found"
    assert exact_pages / len(pages) >= 0.95, f"{exact_pages}/{len(pages)} pages exactly right"


def test_dates_come_from_the_file_name_year(pages):
    random.seed(7)
    for path, _text in random.sample(pages, 50):
        frame = parse_articles(path)
        dated = frame["date"].dropna()
        year = int(path.name[5:9])
        assert dated.dt.year.isin([year, year - 1]).all(), path.name


def test_other_formats_parse_or_fail_clearly(corpus):
    for path in sorted((corpus / "other").glob("*.txt")):
        try:
            records = plain_records(parse_articles(path))
        except BulletinError as error:
            assert "\n" not in str(error) and path.name.startswith("sogou"), path.name
            continue
        assert_no_line_lost(read_bulletin(path), records)


def test_1946_wire_items_split_on_bracketed_datelines(corpus):
    records = plain_records(
        parse_articles(corpus / "other" / "rmrb_19460518_page02_taihang_zhongmian.txt")
    )
    news = [r for r in records if r["kind"] == "news"]
    assert [r["dateline"] for r in news] == [
        "【新华社晋冀鲁豫总分社长治讯】",
        "【新华社兴县十日电】",
    ]
    assert news[0]["headline"] == "种棉超过百五十万亩" and news[0]["kicker"] == "太行争取穿衣自给"
    assert news[1]["date"] == "1946-05-10"


def test_gbk_original_decodes_as_gb18030(corpus):
    path = corpus / "other" / "raw_encodings" / "sogouca_201206_tensite_smarty.xml.gbk.dat"
    text, encoding = decode_bytes(path.read_bytes())
    assert "<doc>" in text and encoding == "gb18030"  # its records are read: test_markup.py


def test_figures_on_every_page_point_at_their_text(pages):
    from helpers.articles import articles_frame
    from helpers.figures import extract_figures

    money = growth = 0
    for path, text in pages[::4]:
        articles = articles_frame(split_articles(text, name=path.name))
        figures = extract_figures(articles)
        fields = articles.set_index("article_id")
        for row in figures.itertuples():  # offsets are in the field the figure stands in
            text = fields.at[row.article_id, row.field]
            assert text[row.start : row.end] == row.text, (path.name, row.field, row.text)
        money += (figures["kind"] == "money").sum()
        growth += (figures["kind"] == "growth").sum()
    assert money > 1000 and growth > 1000
