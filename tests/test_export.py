"""helpers.export: JSON, CSV, terminal table and a safe HTML page from real parsed bulletins."""

from __future__ import annotations

import io
import json
import unicodedata
from datetime import date, datetime
from html.parser import HTMLParser

import numpy as np
import pandas as pd
import pytest

from helpers import parse_articles
from helpers.export import plain_records, to_csv, to_html_page, to_json, to_table

HEADER = "重庆日报 2023年3月8日 星期三 第3版"
DATELINE = "本报讯（记者 张三 李四）3月7日，记者从两江新区获悉，今年前两个月新增市场主体1.2万户。"
BODY = "区市场监管局负责人介绍，新增主体中科技型企业占比超过三成。"
COLUMNS = ["article_id", "kind", "headline", "date", "reporters", "interns"]


def bulletin(headline: str) -> str:
    return f"{HEADER}\n\n{headline}\n\n{DATELINE}\n\n{BODY}"


@pytest.fixture(scope="module")
def articles() -> pd.DataFrame:
    """A page header (meta row: headline, date and names missing) and one news story."""
    return parse_articles(bulletin("两江新区新增市场主体1.2万户"))[COLUMNS]


class _Cells(HTMLParser):
    """The text of each <title>, <th> and <td>, entities decoded: what a browser shows."""

    def __init__(self):
        super().__init__()
        self.cells: list[tuple[str, str]] = []
        self.csp: list[str] = []
        self._open: str | None = None

    def handle_starttag(self, tag, attrs):
        if tag in ("title", "th", "td"):
            self._open = tag
            self.cells.append((tag, ""))
        if tag == "meta" and ("http-equiv", "Content-Security-Policy") in attrs:
            self.csp.append(dict(attrs)["content"])

    def handle_endtag(self, tag):
        self._open = None

    def handle_data(self, data):
        if self._open:
            tag, text = self.cells[-1]
            self.cells[-1] = (tag, text + data)


def shown(page: str) -> _Cells:
    parser = _Cells()
    parser.feed(page)
    return parser


def td_rows(page: str, width: int) -> list[list[str]]:
    cells = [text for tag, text in shown(page).cells if tag == "td"]
    return [cells[i : i + width] for i in range(0, len(cells), width)]


HOSTILE = [
    pytest.param("两江新区<script>alert(1)</script>新增市场主体", "<script", id="script"),
    pytest.param("外贸企业<img src=x onerror=alert(1)>获补助", "<img", id="img-onerror"),
    pytest.param("春耕<iframe src=//evil.example/></iframe>备耕忙", "<iframe", id="iframe"),
    pytest.param('“亲清在线”<a href="javascript:alert(1)">平台</a>上线', "<a href", id="link"),
    pytest.param("R&D投入增长12%", "R&D", id="ampersand"),
]


@pytest.mark.parametrize(("headline", "raw"), HOSTILE)
def test_html_page_shows_markup_in_a_headline_as_text(headline, raw):
    page = to_html_page(parse_articles(bulletin(headline))[COLUMNS], title="重庆日报")
    assert raw not in page
    assert td_rows(page, len(COLUMNS))[1][2] == headline


def test_html_page_forbids_loading_and_running_anything(articles):
    policy = shown(to_html_page(articles, title="重庆日报")).csp
    assert len(policy) == 1
    directives = dict(d.strip().split(" ", 1) for d in policy[0].split(";"))
    assert directives["default-src"] == "'none'"
    assert "script-src" not in directives and "'unsafe-inline'" not in directives["img-src"]


def test_html_page_escapes_its_title(articles):
    title = "重庆日报 <script>alert(1)</script> 3月8日"
    page = to_html_page(articles, title=title)
    assert "<script" not in page
    assert [text for tag, text in shown(page).cells if tag == "title"] == [title]


def test_html_page_cells_blank_missing_join_lists_and_write_iso_dates(articles):
    page = to_html_page(articles, title="重庆日报")
    assert [text for tag, text in shown(page).cells if tag == "th"] == COLUMNS
    assert td_rows(page, len(COLUMNS)) == [
        ["1", "meta", "", "", "", ""],
        ["2", "news", "两江新区新增市场主体1.2万户", "2023-03-07", "张三、李四", ""],
    ]


def test_csv_round_trip(articles):
    back = pd.read_csv(io.StringIO(to_csv(articles)), dtype=str, keep_default_na=False)
    assert list(back.columns) == COLUMNS
    assert back.values.tolist() == [
        ["1", "meta", "", "", "", ""],
        ["2", "news", "两江新区新增市场主体1.2万户", "2023-03-07", "张三、李四", ""],
    ]


def test_json_round_trip(articles):
    assert json.loads(to_json(articles)) == [
        {
            "article_id": 1,
            "kind": "meta",
            "headline": None,
            "date": None,
            "reporters": [],
            "interns": [],
        },
        {
            "article_id": 2,
            "kind": "news",
            "headline": "两江新区新增市场主体1.2万户",
            "date": "2023-03-07",
            "reporters": ["张三", "李四"],
            "interns": [],
        },
    ]


def test_json_keeps_chinese_unescaped(articles):
    assert "两江新区" in to_json(articles) and "\\u" not in to_json(articles)


@pytest.mark.parametrize(
    ("cell", "plain"),
    [
        pytest.param(np.int64(3), 3, id="numpy-int"),
        pytest.param(np.float64(1.5e8), 1.5e8, id="numpy-float"),
        pytest.param(np.bool_(True), True, id="numpy-bool"),
        pytest.param("嫦娥五号", "嫦娥五号", id="text"),
        pytest.param(None, None, id="none"),
        pytest.param(float("nan"), None, id="nan"),
        pytest.param(pd.NA, None, id="pandas-na"),
        pytest.param(pd.NaT, None, id="nat"),
        pytest.param(pd.Timestamp("2021-07-13 08:30"), "2021-07-13", id="timestamp"),
        pytest.param(datetime(2021, 7, 13, 8, 30), "2021-07-13", id="datetime"),
        pytest.param(date(2021, 7, 13), "2021-07-13", id="date"),
        pytest.param(["杨骏", "郭心悦"], ["杨骏", "郭心悦"], id="list"),
        pytest.param(("齐岚森",), ["齐岚森"], id="tuple"),
        pytest.param([None, np.int64(2)], [None, 2], id="list-of-missing-and-numpy"),
    ],
)
def test_plain_records_cells(cell, plain):
    frame = pd.DataFrame({"cell": pd.Series([cell], dtype=object)})
    [record] = plain_records(frame)
    assert record == {"cell": plain}
    assert type(record["cell"]) is type(plain)


def test_missing_numbers_and_ids_are_blank_in_csv_and_html():
    frame = pd.DataFrame(
        {
            "range_id": pd.array([1, None], dtype="Int64"),
            "yuan": [2e5, np.nan],
            "subject": pd.Series(["奖金", None], dtype="str"),
        }
    )
    assert to_csv(frame) == "range_id,yuan,subject\n1,200000.0,奖金\n,,\n"
    assert td_rows(to_html_page(frame, title="t"), 3) == [["1", "200000.0", "奖金"], ["", "", ""]]


def display_width(line: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)


def test_table_cuts_long_text_and_aligns_chinese(articles):
    lines = to_table(articles, width=12).splitlines()
    assert lines[2].split() == ["2", "news", "两江新区新增市场主体1…", "2023-03-07", "张三、李四"]
    assert len({display_width(line) for line in lines}) == 1


def test_table_shows_missing_as_blank(articles):
    assert to_table(articles).splitlines()[1].split() == ["1", "meta"]


def test_empty_frame_without_dates():
    empty = pd.DataFrame({"article_id": pd.Series([], dtype="int64"), "headline": []})
    assert to_json(empty) == "[]\n"
    assert to_csv(empty) == "article_id,headline\n"
    page = to_html_page(empty, title="空")
    assert [t for tag, t in shown(page).cells if tag == "th"] == ["article_id", "headline"]
    assert [t for tag, t in shown(page).cells if tag == "td"] == []


@pytest.mark.parametrize(
    ("write", "expected"),
    [
        pytest.param(to_json, "[]\n", id="json"),
        pytest.param(to_csv, "article_id,date\n", id="csv"),
        pytest.param(to_table, "article_id  date\n", id="table"),  # the header alone
        pytest.param(lambda f: to_html_page(f, title="空").count("<td>"), 0, id="html"),
    ],
)
def test_empty_frame_with_a_date_column(articles, write, expected):
    assert write(articles.iloc[0:0][["article_id", "date"]]) == expected
