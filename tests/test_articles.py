"""helpers.articles: the sample exactly, other layouts, encodings and the no-loss rule."""

from __future__ import annotations

import codecs
from datetime import date

import pandas as pd
import pytest
from conftest import DATA, assert_no_line_lost

from helpers import ARTICLE_COLUMNS, NotABulletinError, parse_articles, read_bulletin
from helpers.export import plain_records


def rows(frame: pd.DataFrame) -> list[dict]:
    return plain_records(frame)


@pytest.fixture(scope="module")
def sample(sample_path) -> list[dict]:
    return rows(parse_articles(sample_path))


SAMPLE_EXPECTED = [
    # kind, kicker, headline, agency, place, date, reporters, interns, photographers, lines
    (
        "news",
        None,
        "中新金融科技产业示范基地落户江北嘴",
        "重庆日报",
        None,
        None,
        ["杨骏"],
        ["郭心悦"],
        [],
        (3, 7),
    ),
    (
        "news",
        None,
        "9所医科大学在渝成立M9协作网 推动医学教育创新发展",
        "重庆日报",
        None,
        None,
        ["李星婷"],
        ["龚清杨"],
        [],
        (9, 15),
    ),
    (
        "news",
        None,
        "嫦娥五号任务 首批月球科研样品正式发放",
        "新华社",
        "北京",
        "2021-07-12",
        ["胡喆"],
        [],
        [],
        (17, 23),
    ),
    (
        "news",
        None,
        "国产无液氦稀释制冷机取得突破 可为量子计算提供极低温条件",
        "新华社",
        "北京",
        "2021-07-13",
        ["董瑞丰"],
        [],
        [],
        (25, 31),
    ),
    (
        "news",
        "以绿色创新支撑引领高质量发展",
        "南岸出台“财政金融政策”24条 和“为科技工作者办实事”清单",
        "重庆日报",
        None,
        "2021-07-13",
        ["王翔"],
        [],
        [],
        (33, 48),
    ),
    ("photo", None, None, "重庆日报", None, "2021-07-13", [], [], ["齐岚森"], (52, 58)),
    (
        "news",
        None,
        "第六届“创客中国”重庆市中小企业创新创业大赛启动",
        "重庆日报",
        None,
        "2021-07-13",
        ["夏元"],
        [],
        [],
        (60, 76),
    ),
]


def test_sample_has_seven_items_in_page_order(sample):
    assert [r["article_id"] for r in sample] == list(range(1, 8))
    assert [r["kind"] for r in sample] == ["news"] * 5 + ["photo", "news"]


@pytest.mark.parametrize("index", range(7))
def test_sample_item(sample, index):
    kind, kicker, headline, agency, place, when, reporters, interns, photographers, lines = (
        SAMPLE_EXPECTED[index]
    )
    row = sample[index]
    assert (row["kind"], row["kicker"], row["headline"], row["subtitle"]) == (
        kind,
        kicker,
        headline,
        None,
    )
    assert (row["agency"], row["place"], row["date"]) == (agency, place, when)
    assert (row["reporters"], row["interns"], row["photographers"]) == (
        reporters,
        interns,
        photographers,
    )
    assert row["correspondents"] == []
    assert (row["start_line"], row["end_line"]) == lines


def test_sample_bodies_rejoin_page_breaks(sample):
    assert "南山创新投资基金和长嘉汇创新基金" in sample[4]["body"]
    assert "二等奖可获奖金3万元,三等奖" in sample[6]["body"]
    assert "企业累计生产5G基站核心配件1500万件" in sample[5]["body"]
    assert sample[6]["body"].count("\n") == 6  # seven paragraphs
    assert sample[0]["body"].startswith("近日,市中新项目管理局")
    assert sample[0]["dateline"] == "本报讯(重庆日报记者 杨骏 实习生 郭心悦)"
    assert sample[5]["credit"] == "重庆日报记者 齐岚森 摄"


def test_sample_loses_no_line(sample, sample_path):
    assert_no_line_lost(read_bulletin(sample_path), sample)


def test_sample_issue_date_is_inferred_from_file_name(sample_path):
    frame = parse_articles(sample_path)
    assert frame.attrs["issue_date"] == "2021-07-14"
    assert list(frame.columns) == ARTICLE_COLUMNS
    assert frame["date"].dtype.kind == "M"


def test_issue_date_argument_sets_the_year(sample_path):
    frame = parse_articles(sample_path, issue_date="2022-07-20")
    assert frame.loc[2, "date"].date() == date(2022, 7, 12)


def test_compact_layout_no_blank_lines_header_jump_and_fullwidth():
    path = DATA / "compact_cqrb_20230308.txt"
    records = rows(parse_articles(path))
    assert [r["kind"] for r in records] == ["meta", "news", "news", "photo", "meta"]
    header, first, second, photo, editor = records
    assert header["body"] == "重庆日报 2023年3月8日 星期三 第3版\n要闻"
    assert first["headline"] == "两江新区新增市场主体1.2万户"
    assert (first["reporters"], first["correspondents"], first["date"]) == (
        ["张三"],
        ["李四"],
        "2023-03-07",
    )
    assert first["body"].split("\n")[1] == "这是同一行里的第二段，同比增长15%。"
    assert (second["kicker"], second["headline"], second["subtitle"]) == (
        "稳外贸 促消费",
        "我市出台20条措施支持外贸企业发展",
        "——全年力争进出口总额增长5%",
    )
    assert (second["reporters"], second["interns"], second["date"]) == (["王五"], ["赵六"], None)
    assert second["furniture"] == ["（下转第4版）"]
    assert second["body"].endswith("单个企业每年补助总额不超过200万元。")
    assert (photo["headline"], photo["photographers"], photo["date"]) == (
        "春耕备耕忙",
        ["齐岚森"],
        "2023-03-07",
    )
    assert editor["body"] == "本版编辑：周七"
    assert_no_line_lost(read_bulletin(path), records)


def test_wire_layout_spaces_several_reporters_and_photo_items():
    path = DATA / "wire_xinhua.txt"
    records = rows(parse_articles(path, issue_date="2021-01-23"))
    assert [r["kind"] for r in records] == ["news", "news", "photo", "photo"]
    assert (records[0]["reporters"], records[0]["date"]) == (["胡喆", "宋晨"], "2020-12-19")
    assert (records[1]["reporters"], records[1]["date"], records[1]["body"]) == (
        ["董瑞丰"],
        "2021-01-22",
        "据介绍，嫦娥六号将于2024年前后发射。",
    )
    assert (records[2]["headline"], records[2]["agency"], records[2]["photographers"]) == (
        None,
        "新华社",
        ["林善传"],
    )
    assert (records[3]["headline"], records[3]["agency"], records[3]["photographers"]) == (
        "冬日暖阳",
        "新华社",
        [],
    )
    assert_no_line_lost(read_bulletin(path), records)


def test_indented_layout_with_crlf_nbsp_subheads_and_closing_dateline():
    path = DATA / "indented_rmrb_20200118_p04.txt"
    records = rows(parse_articles(path))
    assert [r["kind"] for r in records] == ["news", "photo", "news"]
    first, photo, last = records
    assert (first["kicker"], first["headline"], first["column"]) == (
        "2019年我国GDP近百万亿元，增长6.1%——",
        "人均1万美元，了不起（权威发布）",
        "权威发布",
    )
    assert (first["agency"], first["place"], first["date"], first["reporters"]) == (
        "本报",
        "北京",
        "2020-01-17",
        ["陆娅楠"],
    )
    assert "\n1万美元\n" in first["body"]  # an in-body subhead stays in the body
    assert "步入人均GDP1万美元的行列" in first["body"]
    assert (photo["headline"], photo["photographers"]) == ("看展览 迎冬奥", ["杜建坡"])
    assert (last["headline"], last["place"], last["date"]) == (
        "刚果（金）埃博拉疫情防控面临挑战",
        "约翰内斯堡",
        "2020-01-16",
    )
    assert_no_line_lost(read_bulletin(path), records)


@pytest.mark.parametrize(
    "encode",
    [
        lambda t: t.encode("gb18030"),
        lambda t: codecs.BOM_UTF8 + t.replace("\n", "\r\n").encode("utf-8"),
        lambda t: t.encode("utf-16"),
        lambda t: t.replace("\n", "\r").encode("gbk"),
    ],
    ids=["gb18030", "crlf-bom", "utf-16", "cr-gbk"],
)
def test_encodings_give_the_same_articles(tmp_path, sample_path, encode):
    text = sample_path.read_text(encoding="utf-8")
    path = tmp_path / "cqrb_2021-07-14_copy.txt"
    path.write_bytes(encode(text))
    expected = parse_articles(sample_path)
    assert parse_articles(path).equals(expected)


def test_text_is_accepted_as_well_as_paths(sample_path):
    from_text = parse_articles(sample_path.read_text(encoding="utf-8"), issue_date="2021-07-14")
    assert from_text["headline"].tolist() == parse_articles(sample_path)["headline"].tolist()


@pytest.mark.parametrize(
    "markup",
    [
        pytest.param(
            "\n".join(
                ["<doc>", "<url>http://x</url>", "<content>本报讯 正文。</content>", "</doc>"] * 3
            ),
            id="xml-records",
        ),
        pytest.param(
            "<html><body><p>本报讯（记者 张三）会议召开。</p></body></html>", id="one-line-html"
        ),
        pytest.param(
            '<?xml version="1.0" encoding="utf-8"?>\n<doc>本报讯 正文。</doc>', id="xml-declaration"
        ),
        pytest.param("<!DOCTYPE html>\n标题\n本报讯 正文。", id="doctype"),
    ],
)
def test_markup_is_refused_with_a_clear_error(markup):
    with pytest.raises(NotABulletinError, match="markup"):
        parse_articles(markup)


def test_no_headline_page_start_is_a_continuation():
    records = rows(
        parse_articles(
            "（上接第1版）\n\u3000\u3000会议指出，要抓好落实。\n\u3000\u3000会议要求，各地加强统筹。"
        )
    )
    assert len(records) == 1
    assert (records[0]["kind"], records[0]["headline"], records[0]["furniture"]) == (
        "news",
        None,
        ["（上接第1版）"],
    )


@pytest.mark.parametrize("text", ["", "   \n\t\n"])
def test_empty_text_is_refused(text):
    from helpers import EmptyBulletinError

    with pytest.raises(EmptyBulletinError, match="empty"):
        parse_articles(text)


def test_briefs_signed_with_a_bracketed_name_are_rows_with_their_reporter():
    """People's Daily signs a short story with its writer's name in brackets: the name is
    the reporter, and it closes the story, in every layout."""
    from helpers.layouts import LAYOUTS

    items = [
        (
            ["高血压专利药在美获批上市"],
            ["我国自主研发的高血压专利药近日获美国批准上市。", "（喻思南）"],
        ),
        (["OPPO推出5G视频手机"], ["OPPO公司日前发布新款5G视频手机，售价3999元。", "（徐  运平）"]),
    ]
    for name, render in LAYOUTS.items():
        articles = parse_articles(render(items))
        news = articles[articles["kind"] == "news"]
        assert news["headline"].tolist() == ["高血压专利药在美获批上市", "OPPO推出5G视频手机"], name
        assert news["reporters"].tolist() == [["喻思南"], ["徐运平"]], name


def test_a_bylined_dateline_inside_a_story_adds_its_reporter_and_keeps_its_text():
    """A wire story run inside a local one (no headline of its own): its reporter is the
    item's too, and its dateline stays in the body; a bare quoted dateline names no one."""
    from helpers.layouts import LAYOUTS

    items = [
        (
            ["全市春耕生产有序推进"],
            [
                "本报讯（记者 张三）今年以来，全市春耕生产有序推进，已完成播种面积120万亩。",
                "新华社北京3月7日电（记者 王敏）农业农村部7日表示，全国春播粮食面积稳中有增。",
                "据介绍，今年全国春播面积预计超过9亿亩。",
            ],
        )
    ]
    for name, render in LAYOUTS.items():
        articles = parse_articles(render(items))
        assert articles["reporters"].tolist() == [["张三", "王敏"]], name
        assert "新华社北京3月7日电（记者 王敏）" in articles.loc[0, "body"], name


def test_a_dateline_joined_to_the_line_after_it_is_body_not_a_crash():
    """Found by fuzzing: 本报讯 alone on a line, joined to a line that follows a blank line,
    reads as no dateline any more; its text stays in the body."""
    text = "数字\n\n\u3000\u3000本报讯 \n\n,7月13日,人次近日重庆日报记者 齐岚森 摄八五第万。\n"
    articles = parse_articles(text)
    assert articles.loc[0, "body"].startswith("本报讯,7月13日")
    assert pd.isna(articles.loc[0, "dateline"])
