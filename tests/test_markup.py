"""News records and Markdown pages are read as pages: their markup says which lines are titles."""

from __future__ import annotations

import logging
import re

import pytest

from helpers import extract_figures, parse_articles
from helpers.layouts import as_is
from helpers.markup import _plain, from_markup, is_markdown, is_news_records
from helpers.reading import read_bulletin


@pytest.mark.parametrize(
    ("fragment", "plain"),
    [
        (
            "<p><strong>央视网消息</strong>（新闻联播）：正文。</p>",
            "央视网消息（新闻联播）：正文。",
        ),
        ("[查看原文](https://tv.cctv.com/x.shtml)", "查看原文"),
        ("![会场](http://img/1.jpg)", "会场"),
        ("**重点**与__要点__", "重点与要点"),
        ("研发&amp;生产 &lt;b&gt;", "研发&生产 <b>"),
        ("  前后   空白  ", "前后 空白"),
    ],
    ids=["html-tags", "link", "image", "emphasis", "entities", "white-space"],
)
def test_plain_keeps_the_text_of_markup(fragment, plain):
    assert _plain(fragment) == plain


@pytest.mark.parametrize(
    ("text", "markdown"),
    [
        ("# 标题\n正文。", True),
        ("导语。\n## 第一部分\n正文。\n## 第二部分\n正文。", True),
        ("#两会# 代表热议\n正文。", False),
        ("本报讯 正文。\n# 一行\n正文。", False),
        ("标题\n\u3000\u3000本报讯 正文。", False),
    ],
    ids=["opens-with-heading", "two-headings", "hashtag", "one-heading-inside", "plain"],
)
def test_is_markdown(text, markdown):
    assert is_markdown(text) is markdown


RECORDS = """<doc>
<url>http://news.example.com/1.shtml</url>
<docno>aa-01</docno>
<contenttitle>深圳地铁将设立头等车厢</contenttitle>
<content>南都讯　记者刘凡　深圳今后将设地铁头等车厢，票价为普通票的２倍，项目投资３亿元。</content>
</doc>
<doc>
<url>http://news.example.com/2.shtml</url>
<docno>aa-02</docno>
<contenttitle>图片新闻</contenttitle>
<content></content>
</doc>
<doc>
<url>http://news.example.com/3.shtml</url>
<docno>aa-03</docno>
<contenttitle>重庆设立专项资金 支持研发&amp;转化</contenttitle>
<content>本报讯 重庆市设立专项资金5000万元。　　单个项目最高奖励200万元。</content>
</doc>
"""


def test_news_records_become_items_and_empty_ones_are_said(caplog):
    assert is_news_records(RECORDS)
    with caplog.at_level(logging.WARNING, logger="helpers.markup"):
        articles = parse_articles(RECORDS, issue_date="2012-07-06")
    assert "1 of 3 news records have no text" in caplog.text
    assert articles["headline"].tolist() == [
        "深圳地铁将设立头等车厢",
        "重庆设立专项资金 支持研发&转化",
    ]
    assert articles.loc[0, "reporters"] == ["刘凡"]
    assert "http" not in " ".join(articles["body"])
    assert articles.loc[1, "body"].split("\n") == [
        "重庆市设立专项资金5000万元。",
        "单个项目最高奖励200万元。",
    ]
    money = extract_figures(articles, kinds=["money"])
    assert sorted(money["yuan"]) == [2_000_000.0, 50_000_000.0, 300_000_000.0]
    assert set(money["article_id"]) == {1, 2}


MARKDOWN = """# 晚间新闻 (20260821)

## 详细新闻

### 重庆南岸区出台科技政策

<p><strong>本报讯</strong>（记者 张三）南岸区设立专项资金5亿元，</p><p>最高奖励100万元。</p>

[查看原文](https://example.com/1.shtml)

---

### 江北嘴金融科技港开园

<p>本报讯 江北嘴金融科技港今日开园，入驻企业同比增长35%。</p>
"""


def test_markdown_headings_are_headlines_and_paragraphs_the_body():
    articles = parse_articles(MARKDOWN)
    news = articles[articles["kind"] == "news"]
    assert news["headline"].tolist()[-2:] == ["重庆南岸区出台科技政策", "江北嘴金融科技港开园"]
    first = news.iloc[-2]
    assert first["reporters"] == ["张三"]
    assert "最高奖励100万元" in first["body"] and "<p>" not in first["body"]
    growth = extract_figures(articles, kinds=["growth"])
    assert growth["value"].tolist() == [35.0]


def test_a_markdown_page_reads_as_the_same_page_in_plain_text():
    """The Markdown page and the plain page of the same items give the same table."""
    items = [
        (
            ["重庆南岸区出台科技政策"],
            ["本报讯（记者 张三）南岸区设立专项资金5亿元，", "最高奖励100万元。"],
        ),
        (["江北嘴金融科技港开园"], ["本报讯 江北嘴金融科技港今日开园。"]),
    ]
    markdown = "\n\n".join(
        f"### {titles[0]}\n\n" + "\n\n".join(f"<p>{p}</p>" for p in body) for titles, body in items
    )
    assert from_markup(markdown) == as_is(items)
    columns = ["headline", "reporters", "body"]
    assert parse_articles(markdown)[columns].equals(parse_articles(as_is(items))[columns])


def test_xml_without_titles_and_text_is_still_refused():
    from helpers import NotABulletinError

    with pytest.raises(NotABulletinError, match="markup"):
        parse_articles("\n".join(["<doc>", "<content>本报讯 正文。</content>", "</doc>"] * 3))


def test_tv_transcripts_in_markdown_give_one_item_per_story(corpus):
    for path in sorted((corpus / "other").glob("xwlb_*.txt")):
        text = path.read_text(encoding="utf-8")
        stories = [
            re.sub(r"^###\s+", "", line).strip()
            for line in text.split("\n")
            if line.startswith("### ")
        ]
        articles = parse_articles(path)
        assert len(stories) >= 12
        assert set(stories) <= set(articles["headline"].dropna()), path.name
        assert not articles["body"].str.contains("<p>|</p>|https?://").any(), path.name


def test_sogou_records_read_alike_from_utf8_and_the_gbk_original(corpus):
    utf8 = parse_articles(corpus / "other" / "sogouca_201206_tensite_smarty.xml.utf8.txt")
    original = corpus / "other" / "raw_encodings" / "sogouca_201206_tensite_smarty.xml.gbk.dat"
    gbk = parse_articles(original)
    source = read_bulletin(corpus / "other" / "sogouca_201206_tensite_smarty.xml.utf8.txt")
    assert "<" not in source
    assert len(utf8) == len(gbk) == 166
    shared = set(utf8["headline"]) & set(gbk["headline"])
    assert len(shared) >= 160  # the GBK original has a few mis-aligned runs (PROVENANCE.md)
