"""Places, organisations and people: rules on examples, the gazetteer, and precision and
recall on hand-labelled pages (the sample and ten corpus pages; labels in tests/data/entities,
made by reading each article, see that folder's README)."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pandas as pd
import pytest
from conftest import CORPUS, DATA

from helpers import extract_figures, parse_articles
from helpers.concordance import kwic
from helpers.entities import entities, mentions, money_by_place
from helpers.gazetteer import gazetteer, resolve
from helpers.topics import article_text

LABELS = DATA / "entities"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("重庆市南岸区人民政府发布通知", [("重庆市南岸区人民政府", "org")]),
        ("中国人民银行重庆营业管理部表示", [("中国人民银行重庆营业管理部", "org")]),
        ("国家发展改革委印发方案", [("国家发展改革委", "org")]),
        (
            "教育部、工信部、中科院共同参与",
            [("教育部", "org"), ("工信部", "org"), ("中科院", "org")],
        ),
        ("重庆医科大学牵头成立", [("重庆医科大学", "org")]),
        ("9所医科大学在渝成立", [("渝", "place")]),
        ("川渝两地合作", [("川渝", "place")]),
        ("会议在武汉市东湖举行", [("武汉市", "place"), ("东湖", "place")]),
        ("项目落户江北嘴", [("江北嘴", "place")]),
        ("走进复华路", [("复华路", "place")]),
        ("企业加快上市步伐，深度融入", []),
        (
            "三元基因、凯因科技和以岭药业等企业加班生产",
            [("三元基因", "org"), ("凯因科技", "org"), ("以岭药业", "org")],
        ),
        (
            "湖南一块医药科技有限公司（简称“一块医药”）成立。一块医药专注药房",
            [("湖南一块医药科技有限公司", "org"), ("一块医药", "org"), ("一块医药", "org")],
        ),
        ("重庆市长寿区的长寿老人", [("重庆市", "place"), ("长寿区", "place"), ("长寿", "place")]),
        ("祝老人健康长寿", []),
        ("重庆百货大楼股份有限公司销售额增长", [("重庆百货大楼股份有限公司", "org")]),
        ("成都高新区发布政策", [("成都高新区", "place")]),
        ("走进江北城街道的社区", [("江北城街道", "place")]),
        ("在南苏丹维和", [("南苏丹", "place")]),
        (
            "中国科学院地质与地球物理研究所发布",
            [("中国科学院地质与地球物理研究所", "org")],
        ),
        ("国家航天局与教育部联合发文", [("国家航天局", "org"), ("教育部", "org")]),
        ("坚持和发展中国特色社会主义", [("中国", "place")]),
        ("记者李星婷报道，王伟说", [("李星婷", "person"), ("王伟", "person")]),
        ("国家主席习近平15日在北京会见外宾。", [("习近平", "person"), ("北京", "place")]),
        ("坚持文明祝福，阳光下的卫星和胡同，高水平的安全感", []),
        ("李强主持会议", [("李强", "person")]),
        ("由中国华能澜沧江水电股份有限公司控股、管理", [("中国华能澜沧江水电股份有限公司", "org")]),
        ("中国银行股份有限公司重庆市分行发布", [("中国银行股份有限公司重庆市分行", "org")]),
        ("中国石化集团有限公司科技委主任", [("中国石化集团有限公司科技委", "org")]),
        ("武汉市硚口区发布通知", [("武汉市", "place"), ("硚口区", "place")]),
        (
            "马来西亚总理伊斯梅尔·萨布里·雅各布会见",
            [("马来西亚", "place"), ("伊斯梅尔·萨布里·雅各布", "person")],
        ),
        ("中国·重庆", [("中国", "place"), ("重庆", "place")]),
    ],
    ids=[
        "org-from-place-chain",
        "org-longest-span",
        "org-start-word",
        "org-coordinated-list",
        "org-place-and-head",
        "abbreviation",
        "abbreviations-joined",
        "city-and-lake",
        "gazetteer-extra-place",
        "name-and-road",
        "ns-common-words",
        "enumeration-of-companies",
        "defined-short-name",
        "county-short-name-confirmed",
        "county-short-name-alone",
        "registered-company-in-one-word",
        "zone-of-a-city",
        "full-name-cut-into-words",
        "full-name-from-a-one-character-word",
        "joiner-inside-one-name",
        "joiner-between-two-names",
        "name-inside-a-discovered-term",
        "people",
        "person-of-a-surname-added",
        "dictionary-words-tagged-as-names-name-no-one",
        "two-character-dictionary-name-listed-as-a-person",
        "company-ends-at-its-registered-ending",
        "company-runs-on-to-a-branch",
        "company-runs-on-to-a-body-of-its-own",
        "full-name-whatever-its-tag",
        "foreign-name-in-parts-joined-by-dots",
        "places-joined-by-a-dot-stay-apart",
    ],
)
def test_mention_rules(text, expected):
    assert [(m.text, m.type) for m in mentions(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "重庆市南岸区人民政府与江北嘴的企业在渝签约",
        "走进江北城街道的社区，国家航天局与教育部联合发文",
        "记者李星婷报道，川渝两地合作",
    ],
)
def test_both_segmenters_read_the_same_names(text):
    """jieba (where rjieba is not installed) codes each word with its tag in context, and
    reads the same names with the same grammar."""
    by_jieba = [(m.text, m.type) for m in mentions(text, segmenter="jieba")]
    assert by_jieba == [(m.text, m.type) for m in mentions(text, segmenter="rjieba")]
    assert len(by_jieba) >= 2


def test_the_dictionary_codes_kept_in_the_cache_are_those_the_rules_give():
    """The codes of the dictionary's words are worked out once per machine and read back
    from the user's cache: a sample of them, worked out again from the rules now, agree
    (a stale cache would not), and a word the dictionary lacks is coded when met."""
    import pickle
    import random

    from helpers import entities as names
    from helpers.cache import cache_dir

    names.prepare_entities()
    stored = pickle.loads((cache_dir() / f"name-codes-{names._codes_key()}.pickle").read_bytes())
    assert len(stored) > 300_000 and stored["重庆市"][0] != stored["发展"][0]
    words = random.Random(14).sample(sorted(w for w in stored if w not in names._terms()), 300)
    for word, tag in zip(words, names._tags_of(words), strict=True):
        assert names._code(word, tag) == stored[word], word
    assert "李星婷" not in stored
    assert [m.text for m in mentions("记者李星婷报道")] == ["李星婷"]


def test_the_cache_key_of_the_codes_follows_the_word_lists(tmp_path, monkeypatch):
    from helpers import entities as names
    from helpers.paths import LEXICON_DIR

    for path in LEXICON_DIR.iterdir():
        (tmp_path / path.name).write_bytes(path.read_bytes())
    monkeypatch.setattr(names, "LEXICON_DIR", tmp_path)
    names._codes_key.cache_clear()
    try:
        same = names._codes_key()
        with (tmp_path / "entity_words.csv").open("a", encoding="utf-8") as handle:
            handle.write("总店,org_head,\n")
        names._codes_key.cache_clear()
        assert names._codes_key() != same
    finally:
        names._codes_key.cache_clear()


def test_partial_tables_odd_text_and_byline_lines_that_name_no_one(sample_path):
    articles = parse_articles(sample_path)
    body_only = entities(articles[["article_id", "body"]])  # no headline, no bylines
    assert {"南岸", "江北嘴"} <= set(body_only["text"]) and "byline" not in set(body_only["role"])
    with pytest.raises(ValueError, match="article_id"):
        entities(articles[["body"]])
    assert [m.text for m in mentions("重庆市\ud800南岸区")] == ["重庆市", "南岸区"]
    from helpers.entities import entity_rows

    record = {
        "article_id": 1,
        "kind": "news",
        "body": "重庆市南岸区发布通知。",
        "authors": ["执笔：董  涛", "作者为北京市某研究中心学术顾问、中国人民大学教授", "——编  者"],
        "reporters": ["安东尼·洛佩斯"],
    }
    bylines = [row[3] for row in entity_rows([record]) if row[2] == "byline"]
    assert sorted(bylines) == ["安东尼·洛佩斯", "董涛"]


def test_places_roll_up_through_the_gazetteer():
    nan_an = resolve("南岸")
    assert [p.name for p in nan_an.lineage()] == ["南岸区", "重庆市", "中国"]
    assert resolve("江北嘴").up("county") == "江北区"
    assert resolve("江北区") is None  # 重庆市 and 宁波市 both have one
    assert resolve("江北区", gazetteer().named("渝中区")).up("city") == "重庆市"
    assert resolve("江北区", gazetteer().named("宁波市")).up("province") == "浙江省"


def test_entities_of_the_sample(sample_path):
    found = entities(parse_articles(sample_path))
    places = found[found["type"] == "place"].set_index(["article_id", "text"])
    assert places.loc[(5, "南岸"), ["name", "city", "province"]].tolist() == [
        "南岸区",
        "重庆市",
        "重庆市",
    ]
    assert places.loc[(1, "江北嘴"), "count"] == 3
    bylines = found[found["role"] == "byline"]
    assert {"李星婷", "龚清杨"} <= set(bylines["text"])
    assert set(bylines["type"]) == {"person"}
    orgs = set(found.loc[found["type"] == "org", "text"])
    assert {"重庆医科大学", "国家航天局", "中国科学院物理研究所"} <= orgs


def test_money_goes_to_the_places_of_its_sentence_else_its_article(sample_path):
    articles = parse_articles(sample_path)
    money = money_by_place(extract_figures(articles), articles)
    totals = money.groupby("place")["yuan"].sum()
    assert totals["南岸区"] == pytest.approx(61.104e8)
    assert totals["江津区"] == pytest.approx(4.44e8)
    assert set(money["source"]) <= {"sentence", "article"}
    with pytest.raises(ValueError, match="level"):
        money_by_place(extract_figures(articles), articles, level="street")


def test_kwic_reads_each_occurrence_with_its_context(sample_path):
    lines = kwic(parse_articles(sample_path), "江北嘴", window=6)
    assert len(lines) == 3
    assert lines.iloc[1][["left", "term", "right"]].tolist() == [
        "议,将协力在",
        "江北嘴",
        "打造中新金融",
    ]
    assert all(len(left) <= 6 for left in lines["left"])
    assert kwic(parse_articles(sample_path), "不在文中").empty
    assert kwic(sample_path, "江北嘴").equals(kwic(parse_articles(sample_path), "江北嘴"))
    with pytest.raises(ValueError, match="term"):
        kwic(parse_articles(sample_path), "  ")


# --- precision and recall on hand-labelled pages ---------------------------------------------


def _gold(text: str, labels: dict) -> Counter:
    """Each labelled name's occurrences in the text, outside longer labelled names."""
    names = sorted({(n, t) for t, ns in labels.items() for n in ns}, key=lambda x: -len(x[0]))
    taken = [False] * len(text)
    counts = Counter()
    for name, kind in names:
        for match in re.finditer(re.escape(name), text):
            if not any(taken[match.start() : match.end()]):
                taken[match.start() : match.end()] = [True] * len(name)
                counts[(kind, name)] += 1
    return counts


def _page(name: str) -> Path | None:
    if name.startswith("cqrb"):
        return DATA.parent.parent / "data" / "raw" / f"{name}.txt"
    found = sorted(CORPUS.glob(f"*/*/{name}.txt"))
    return found[0] if found else None


def _scores(pages: list[Path]) -> dict[str, float]:
    tp = predicted = gold = 0
    for label_file in pages:
        path = _page(label_file.stem)
        labels = json.loads(label_file.read_text(encoding="utf-8"))["articles"]
        for record in parse_articles(path).itertuples(index=False):
            text = article_text(record)
            expected = _gold(text, labels.get(str(record.article_id), {}))
            assert all(text.count(n) for _, n in expected), "labels do not match the article"
            read = Counter((m.type, m.text) for m in mentions(text) if m.type != "person")
            tp += sum(min(n, read[key]) for key, n in expected.items())
            predicted += sum(read.values())
            gold += sum(expected.values())
    return {"precision": tp / predicted, "recall": tp / gold}


def _labelled(folder: Path = LABELS, *, corpus_too: bool = True) -> list[Path]:
    files = sorted(folder.glob("*.json"))
    return [f for f in files if f.stem.startswith("cqrb") or (corpus_too and _page(f.stem))]


def test_sample_names_are_read_as_labelled():
    """The sample alone, on a fresh machine too (measured: precision 0.91, recall 0.70; misses:
    中新 for China-Singapore, the 协作网 without a head word)."""
    scores = _scores(_labelled(corpus_too=False))
    assert scores["precision"] >= 0.85, scores
    assert scores["recall"] >= 0.65, scores


def test_labelled_pages_reach_the_target(corpus):
    """The issue's measure: the sample and ten corpus pages, precision >= 0.90 and recall
    >= 0.80 (measured 0.919 and 0.806). These pages were used to write the rules."""
    scores = _scores(_labelled())
    assert scores["precision"] >= 0.90 and scores["recall"] >= 0.80, scores


@pytest.mark.parametrize(
    ("folder", "precision", "recall"),
    [("heldout", 0.85, 0.70), ("test", 0.70, 0.62)],
    ids=["second-set", "unseen-set"],
)
def test_pages_labelled_apart_keep_their_level(corpus, folder, precision, recall):
    """Pages labelled after the rules were written, the same way: six (heldout/, whose errors
    led to some rules: measured 0.91 and 0.76) and seven whose errors were never looked at
    (test/: measured 0.75 and 0.67), the honest figure for pages the rules have not seen.
    Floors against regressions."""
    scores = _scores(_labelled(LABELS / folder))
    assert scores["precision"] >= precision and scores["recall"] >= recall, scores


def test_zones_roll_up_to_their_place_and_shared_names_keep_what_they_share():
    found = entities("成都高新区发布政策，成都市高新区企业受益。江北区发布新政。")
    zones = found[found["text"].str.contains("高新区")]
    assert set(zones["name"]) == {"成都市高新区"}
    assert set(zones["city"]) == {"成都市"} and set(zones["province"]) == {"四川省"}
    jiangbei = found[found["text"] == "江北区"].iloc[0]  # 重庆市's or 宁波市's: unknown
    assert (jiangbei["name"], jiangbei["level"], jiangbei["country"]) == (
        "江北区",
        "county",
        "中国",
    )
    assert pd.isna(jiangbei["city"])


def test_page_furniture_names_no_one(sample_path):
    text = "重庆日报 2021年7月14日 星期三\n\n" + sample_path.read_text(encoding="utf-8")
    articles = parse_articles(text)
    assert "meta" in set(articles["kind"])
    found = entities(articles)
    meta = set(articles.loc[articles["kind"] == "meta", "article_id"])
    assert not set(found["article_id"]) & meta


def test_money_by_place_keeps_categories_and_confirms_short_names_by_the_bulletin():
    page = (
        "北碚区出台创业新政\n\n　　本报讯 北碚区今年安排资金500万元。"
        "对在北碚创业的大学生，最高补贴10万元。\n"
    )
    articles = parse_articles(page)
    money = money_by_place(extract_figures(articles), articles)
    cap = money[money["text"] == "10万元"].iloc[0]
    assert (cap["place"], cap["source"]) == ("北碚区", "sentence")
    assert {"category"} <= set(money.columns)


@pytest.mark.parametrize(
    "page",
    ["2019-02/rmrb_20190222_p20", "2019-10/rmrb_20191016_p13", "2020-01/rmrb_20200105_p07"],
)
@pytest.mark.parametrize("layout", ["web", "flat", "indent_no_blank", "indent_all"])
def test_a_page_names_the_same_in_every_layout(corpus, page, layout):
    """The same page, pasted indented, with blank lines, or neither, names the same places,
    organisations and people as often (totals for the page: where the articles are split is
    the parser's, tested in test_layouts and test_corpus)."""
    from helpers.layouts import LAYOUTS, corpus_page_items
    from helpers.reading import read_bulletin

    items = corpus_page_items(read_bulletin(corpus / "rmrb" / f"{page}.txt"))

    def names(text: str) -> list[tuple]:
        found = entities(text)
        return sorted(found.groupby(["type", "role", "text"])["count"].sum().items())

    as_is = names(LAYOUTS["as_is"](items))
    assert len(as_is) >= 5  # pages that name places and organisations
    assert names(LAYOUTS[layout](items)) == as_is
