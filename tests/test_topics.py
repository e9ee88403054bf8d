"""helpers.topics with real jieba, stopwordsiso and the project lexicon."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys

import pytest

from helpers import parse_articles
from helpers.topics import (
    content_words,
    keywords,
    main_topics,
    stopwords,
    topic_labels,
    word_frequencies,
    word_totals,
)


@pytest.fixture(scope="module")
def articles(sample_path):
    return parse_articles(sample_path)


@pytest.fixture(scope="module")
def frequencies(articles):
    return word_frequencies(articles)


def test_domain_terms_stay_whole(frequencies):
    words = set(frequencies["word"])
    assert {
        "嫦娥五号",
        "稀释制冷机",
        "金融科技",
        "江北嘴",
        "中小企业",
        "量子计算",
        "5G基站",
    } <= words
    assert not {"嫦娥", "稀释", "制冷机", "江北"} & words


def test_top_words_have_no_stopwords_numbers_or_boilerplate(frequencies):
    top = word_totals(frequencies).head(40)["word"].tolist()
    boilerplate = {
        "本报讯",
        "记者",
        "实习生",
        "近日",
        "日前",
        "据了解",
        "获悉",
        "重庆日报",
        "新华社",
        "表示",
        "介绍",
    }
    assert not boilerplate & set(top)
    assert not set(top) & stopwords()
    assert all(len(w) >= 2 and not any(c.isdigit() for c in w.replace("5G", "")) for w in top)
    assert {"医科大学", "绿色创新", "金融科技", "稀释制冷机", "嫦娥五号"} <= set(top)


def test_frequencies_are_tidy_and_totals_agree(frequencies):
    assert list(frequencies.columns) == ["article_id", "word", "count", "pos"]
    assert not frequencies.duplicated(["article_id", "word"]).any()
    pivot = frequencies.pivot_table(
        index="word", columns="article_id", values="count", fill_value=0
    )
    totals = word_totals(frequencies).set_index("word")
    assert (pivot.sum(axis=1).reindex(totals.index) == totals["count"]).all()
    assert ((pivot > 0).sum(axis=1).reindex(totals.index) == totals["articles"]).all()
    assert totals.loc["医科大学", "count"] == 14 and totals.loc["企业", "articles"] == 3


@pytest.mark.parametrize("segmenter", ["jieba", "rjieba"])
def test_extra_words_are_kept_whole(articles, segmenter):
    term = "长嘉汇创新基金"
    assert term not in set(word_frequencies(articles, segmenter=segmenter)["word"])
    frequencies = word_frequencies(articles, extra_words=[term], segmenter=segmenter)
    assert term in set(frequencies["word"])


@pytest.mark.parametrize("method", ["tfidf", "textrank"])
def test_keywords(articles, method):
    per_article = keywords(articles, method=method, top=5)
    assert set(per_article["article_id"]) == set(range(1, 8))
    assert per_article.groupby("article_id")["rank"].max().le(5).all()
    first = per_article.groupby("article_id")["keyword"].apply(list)
    assert "嫦娥五号" in first[3] and "稀释制冷机" in first[4]
    bulletin = keywords(articles, method=method, by="bulletin", top=10)
    assert len(bulletin) == 10 and bulletin["article_id"].isna().all()
    assert not set(bulletin["keyword"]) & stopwords()


def test_keyword_arguments_are_checked(articles):
    with pytest.raises(ValueError, match="unknown keyword method"):
        keywords(articles, method="lda")
    with pytest.raises(ValueError, match="by must be"):
        keywords(articles, by="page")


def test_topic_labels_put_stories_where_a_reader_would(articles):
    labels = topic_labels(articles)
    assert labels.groupby("article_id")["share"].sum().round(6).eq(1).all()
    names = main_topics(labels)
    assert names[3] == "航天"  # 嫦娥五号
    assert {"政策", "金融"} <= set(names[5].split("/"))  # the 南岸 policy story
    assert names[2] == "教育" and names[4] == "科技"


def test_a_bulletin_naming_no_topic_has_keywords_and_no_topics(tmp_path):
    """main_topics of no labels is an empty column, not an error (the CLI and notebook 04
    join it to the keywords)."""
    page = tmp_path / "market.txt"
    page.write_text("菜市场见闻\n\n今天天气很好，菜市场里人来人往。\n", encoding="utf-8")
    articles = parse_articles(page)
    labels = topic_labels(articles)
    assert labels.empty and main_topics(labels).empty
    result = subprocess.run(
        [sys.executable, "-m", "helpers", "topics", str(page), "--format", "csv"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows and all(row["topics"] == "" for row in rows)


def test_content_words_drop_numbers_and_units():
    words = [
        w
        for w, _ in content_words("样品发放总量共17.4764克，同比增长35.69%，2015年成立，近10年来。")
    ]
    assert words and not any(any(c.isdigit() for c in w) for w in words)


def test_jieba_cache_is_per_user_and_shared_by_processes(tmp_path):
    code = (
        "from helpers.topics import content_words, cache_dir; "
        "words = content_words('嫦娥五号任务首批月球科研样品正式发放', segmenter='jieba'); "
        "print(len(words), cache_dir())"
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    runs = [
        subprocess.Popen([sys.executable, "-c", code], env=env, stdout=subprocess.PIPE, text=True)
        for _ in range(3)
    ]
    outputs = [run.communicate(timeout=120)[0].split() for run in runs]
    assert all(run.returncode == 0 for run in runs)
    assert {tuple(o) for o in outputs} == {("4", str(tmp_path / "bulletin-notebooks"))}
    assert (tmp_path / "bulletin-notebooks" / "jieba.cache").stat().st_size > 1_000_000


def _agreement(texts) -> float:
    """Share of tokens in the longest common alignment of the two segmenters' token lists."""
    import difflib

    from helpers.topics import tagged_words

    matched = total = 0
    for text in texts:
        reference = [w for w, _ in tagged_words(text, segmenter="jieba")]
        fast = [w for w, _ in tagged_words(text, segmenter="rjieba")]
        blocks = difflib.SequenceMatcher(a=reference, b=fast, autojunk=False).get_matching_blocks()
        matched += sum(block.size for block in blocks)
        total += len(reference)
    return matched / total


def test_rjieba_agrees_with_jieba_on_the_sample(articles):
    rate = _agreement(articles["body"].tolist())
    assert rate >= 0.95, rate
    jieba_words = set(word_frequencies(articles, segmenter="jieba")["word"])
    rjieba_words = set(word_frequencies(articles, segmenter="rjieba")["word"])
    assert {"嫦娥五号", "稀释制冷机", "金融科技", "江北嘴"} <= jieba_words & rjieba_words
    assert len(jieba_words & rjieba_words) / len(jieba_words | rjieba_words) >= 0.9


@pytest.mark.corpus
def test_rjieba_agrees_with_jieba_on_corpus_pages(corpus):
    from helpers import read_bulletin

    pages = sorted((corpus / "rmrb").glob("*/*.txt"))[::200]
    rate = _agreement([read_bulletin(page) for page in pages])
    print(f"rjieba/jieba token agreement on {len(pages)} corpus pages: {rate:.4f}")
    assert rate >= 0.95, rate


def test_segmenter_is_chosen_by_argument_or_environment(articles, monkeypatch):
    from helpers.topics import default_segmenter

    monkeypatch.setenv("BULLETIN_SEGMENTER", "jieba")
    assert default_segmenter() == "jieba"
    monkeypatch.setenv("BULLETIN_SEGMENTER", "thulac")
    with pytest.raises(ValueError, match="BULLETIN_SEGMENTER"):
        default_segmenter()
    monkeypatch.delenv("BULLETIN_SEGMENTER")
    assert default_segmenter() == "rjieba"
    with pytest.raises(ValueError, match="segmenter must be"):
        word_frequencies(articles, segmenter="pkuseg")


def _counted_from_tagged_pairs(text: str) -> list[tuple[str, int, str]]:
    """The plain way to count rjieba's content words: tag the whole text, keep content
    pairs, count them (ties in order of first occurrence)."""
    from collections import Counter

    from helpers.topics import _is_content, tagged_words

    stop = stopwords()
    pairs = [p for p in tagged_words(text, segmenter="rjieba") if _is_content(p[0], p[1], stop)]
    return [(word, count, tag) for (word, tag), count in Counter(pairs).most_common()]


def _fast_rows(text: str) -> list[tuple[str, int, str]]:
    from helpers.topics import word_rows

    return [(word, count, tag) for _, word, count, tag in word_rows(1, text, segmenter="rjieba")]


def test_rjieba_fast_counts_equal_counting_tagged_pairs(articles):
    # 两国 and 年来 are cut apart when tagged alone, so their tags come from their sentence.
    from helpers.topics import rjieba_segmenter

    assert len(rjieba_segmenter().tag("两国")) == 2
    texts = articles["body"].tolist() + ["中美两国元首通话。两国经贸合作成果丰硕。"]
    for text in texts:
        assert _fast_rows(text) == _counted_from_tagged_pairs(text)
    assert ("两国", 1, "ns") in _fast_rows(texts[-1])


@pytest.mark.corpus
def test_rjieba_fast_counts_equal_counting_tagged_pairs_on_corpus_pages(corpus):
    from helpers import parse_articles
    from helpers.topics import article_text

    pages = sorted((corpus / "rmrb").glob("*/*.txt"))[::97]
    texts = [
        article_text(row)
        for page in pages
        for row in parse_articles(page).itertuples()
        if row.kind != "meta"
    ]
    different = [
        text[:30] for text in texts if _fast_rows(text) != _counted_from_tagged_pairs(text)
    ]
    assert len(texts) > 50 and not different, different[:3]


def test_keywords_of_a_page_with_no_counted_word_are_an_empty_table():
    """Found by fuzzing: no word kept left the weights a string column."""
    page = parse_articles(
        "数字\n\n\u3000\u3000本报讯 ，百毛三元不少于美元不少于7月13日,平方米仟"
        "重庆日报 2023年3月8日 星期三 第3版。\n"
    )  # page furniture only: no word counts
    for by in ("article", "bulletin"):
        found = keywords(page, by=by)
        assert found.empty and found["weight"].dtype == "float64"
