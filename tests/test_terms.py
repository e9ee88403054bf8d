"""New-term discovery (helpers.terms) and the discovered list the segmenter loads.

The hand-written texts below are made up for these tests: a made-up term (青云数字港湾,
three tokens to the segmenter) recurs in varied sentences, and a frequent pair of common
words (社区 居民) stands together often but apart far more often.
"""

from __future__ import annotations

import csv
import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from helpers import terms, topics

TERM = "青云数字港湾"
PAIR = "社区居民"
BULLETIN = Path(sys.executable).with_name("bulletin")
THREE_TERMS = ("新质生产力", "专精特新", "全过程人民民主")

LEFTS = [
    "今年春天，",
    "记者走进",
    "新落成的",
    "位于江边的",
    "许多年轻人喜欢去",
    "据介绍，",
    "去年建成的",
    "大家都说",
    "游客们来到",
    "夜幕下的",
    "周末的",
    "刚刚改造的",
]
RIGHTS = [
    "吸引了不少企业入驻。",
    "正式对外开放。",
    "里灯火通明。",
    "成为新的地标。",
    "举办了一场音乐会。",
    "每天接待上千名游客。",
    "新开了一家书店。",
    "到处是绿树和鲜花。",
    "有一座小型博物馆。",
    "停满了自行车。",
    "传来阵阵笑声。",
    "挂起了红灯笼。",
]
COMMUNITY = [
    "组织志愿者上门义诊",
    "办起了老年食堂",
    "请来专家讲解防诈骗知识",
    "开设了四点半课堂",
    "修好了楼道里的路灯",
    "建起了共享菜园",
]
RESIDENTS = [
    "在广场上跳舞",
    "排队领取春联",
    "给小区提了不少建议",
    "自发清扫积雪",
    "报名参加运动会",
    "在河边散步",
]


def texts() -> list[str]:
    """Several dozen sentences: the term twelve times, each time between other words; the
    pair eight times, 社区 and 居民 apart thirty-six times each."""
    sentences = [f"{left}{TERM}{right}" for left, right in zip(LEFTS, RIGHTS, strict=True)]
    pairs = zip(LEFTS[:8], (RESIDENTS + COMMUNITY)[:8], strict=True)
    sentences += [f"{left}{PAIR}{action}。" for left, action in pairs]
    for left in LEFTS[:6]:
        sentences += [f"{left}社区{action}。" for action in COMMUNITY]
        sentences += [f"{left}居民{action}。" for action in RESIDENTS]
    return sentences


@pytest.fixture(scope="module", params=["rjieba", "jieba"])
def found(request) -> pd.DataFrame:
    return terms.discover_terms(texts(), segmenter=request.param)


def test_the_made_up_term_is_found_whole(found):
    row = found.set_index("term").loc[TERM]
    assert row["count"] == 12 and row["parts"] == ("青云", "数字", "港湾")
    assert row["npmi"] >= terms.MIN_NPMI
    assert min(row["left_entropy"], row["right_entropy"]) >= terms.MIN_ENTROPY


def test_its_pieces_are_not_terms(found):
    assert not {"青云数字", "数字港湾"} & set(found["term"])


def test_a_frequent_pair_without_cohesion_is_not_a_term(found):
    candidates = terms.candidate_terms(texts()).set_index("term")
    assert candidates.loc[PAIR, "count"] == 8  # frequent enough to be judged...
    assert candidates.loc[PAIR, "npmi"] < terms.MIN_NPMI  # ...but its words go apart
    assert PAIR not in set(found["term"])


def test_output_columns(found):
    assert list(found.columns) == terms.TERM_COLUMNS
    assert found["count"].is_monotonic_decreasing


@pytest.mark.parametrize(
    "between",
    [
        pytest.param("，", id="punctuation"),
        pytest.param("、", id="enumeration-comma"),
        pytest.param("2025", id="digits"),
        pytest.param("三", id="numeral"),
        pytest.param("的", id="stopword"),
        pytest.param(" ", id="space"),
    ],
)
def test_runs_do_not_cross(between):
    lines = [
        f"{left}青云{between}数字港湾{right}" for left, right in zip(LEFTS, RIGHTS, strict=True)
    ]
    candidates = set(terms.candidate_terms(lines)["term"])
    assert "数字港湾" in candidates
    assert not any("青云" in term and "港湾" in term for term in candidates)


@pytest.mark.parametrize(
    ("shorter", "longer", "dropped"),
    [
        pytest.param(16, 16, True, id="always-inside"),
        pytest.param(20, 16, True, id="fewer-than-the-floor-outside"),
        pytest.param(21, 16, False, id="the-floor-outside"),
        pytest.param(3618, 3196, False, id="common-on-its-own"),
    ],
)
def test_a_term_inside_a_longer_one(shorter, longer, dropped):
    table = pd.DataFrame(
        {
            "term": ["全过程人民民主", "全过程人民"],
            "count": [longer, shorter],
            "parts": [("全过程", "人民", "民主"), ("全过程", "人民")],
        }
    )
    kept = set(terms._drop_inner(table, terms.MIN_COUNT)["term"])
    assert ("全过程人民" not in kept) is dropped
    assert "全过程人民民主" in kept


@pytest.mark.parametrize(
    ("tag", "opens_phrase"),
    [
        pytest.param("v", True, id="verb"),
        pytest.param("vn", False, id="verbal-noun"),
        pytest.param("d", True, id="adverb"),
        pytest.param("ad", True, id="adverbial-adjective"),
        pytest.param("p", True, id="preposition"),
        pytest.param("r", True, id="pronoun"),
        pytest.param("n", False, id="noun"),
        pytest.param("a", False, id="adjective"),
        pytest.param("ns", False, id="place"),
        pytest.param("eng", False, id="latin-word"),
    ],
)
def test_phrase_openers(tag, opens_phrase):
    assert (terms.PHRASE_OPENERS.fullmatch(tag) is not None) is opens_phrase


def test_write_terms_round_trips(tmp_path, found):
    path = terms.write_terms(found, tmp_path / "terms.txt", source="test sentences")
    text = path.read_text(encoding="utf-8")
    assert text.startswith("#") and "test sentences" in text and "edit" in text
    listed = terms.read_terms(path)
    assert listed["word"].tolist() == found["term"].tolist()
    assert listed["freq"].tolist() == found["count"].tolist()
    assert set(listed["tag"]) == {terms.TERM_TAG}


def test_folder_of_bulletins_in_several_encodings(tmp_path):
    body = "\n\n".join(f"{left}{TERM}{right}" for left, right in zip(LEFTS, RIGHTS, strict=True))
    page = f"青云数字港湾开放\n\n{body}\n"
    (tmp_path / "a.txt").write_text(page, encoding="utf-8")
    (tmp_path / "b.txt").write_text(page, encoding="utf-8-sig")
    (tmp_path / "c.txt").write_bytes(page.encode("gb18030"))
    items = list(terms.bulletin_texts(tmp_path))
    assert sum(text.count(TERM) for text in items) == 3 * 13
    assert TERM in set(terms.discover_from_folder(tmp_path)["term"])


# The list in the repository.

LINE = re.compile(r"^(\S+) (\d+) ([a-z]+)$")


def test_terms_txt_has_a_word_a_frequency_and_a_tag_on_every_line():
    lines = topics.TERMS.read_text(encoding="utf-8").splitlines()
    header = [line for line in lines if line.startswith("#")]
    entries = [line for line in lines if line.strip() and not line.startswith("#")]
    assert header and "edit" in " ".join(header)
    assert len(entries) > 100
    bad = [line for line in entries if not LINE.match(line)]
    assert bad == []
    words = [LINE.match(line).group(1) for line in entries]
    assert len(words) == len(set(words))
    assert all(int(LINE.match(line).group(2)) >= 1 for line in entries)


@pytest.mark.parametrize("segmenter", ["rjieba", "jieba"])
def test_the_segmenter_keeps_every_listed_term_whole(segmenter):
    cut = topics.rjieba_segmenter().cut if segmenter == "rjieba" else topics.tokenizer().lcut
    words = terms.read_terms()["word"]
    assert [word for word in words if cut(word) != [word]] == []


def test_a_missing_terms_file_is_skipped(tmp_path):
    entries = topics._user_words((topics.USER_DICT, tmp_path / "no-such-terms.txt"))
    assert entries == topics._user_words((topics.USER_DICT,))


PAGE = """\
培育新质生产力 推动高质量发展

本报北京3月6日电（记者李明）新质生产力正在成为经济增长的新引擎。这座城市把新质生产力写进了发展规划，\
一批新质生产力项目落地开工。

专精特新企业成长记

本报杭州3月6日电（记者王芳）这家专精特新企业只有两百名员工，产品却卖到了三十多个国家。\
当地已有一百多家专精特新企业，专精特新的路子越走越宽。

社区议事会上的全过程人民民主

本报成都3月6日电（记者张强）居民在议事会上讨论加装电梯的方案，这是全过程人民民主的生动实践。\
街道干部说，全过程人民民主就在身边，全过程人民民主让每个人都能说上话。
"""


@pytest.mark.parametrize("segmenter", ["rjieba", "jieba"])
def test_the_topics_command_keeps_the_three_terms_whole(tmp_path, segmenter):
    """Needs the three terms in data/lexicon/terms.txt, as discovered over the corpus."""
    bulletin = tmp_path / "page.txt"
    bulletin.write_text(PAGE, encoding="utf-8")
    command = [str(BULLETIN), "topics", str(bulletin), "--format", "csv", "--by", "bulletin"]
    environment = {**os.environ, "BULLETIN_SEGMENTER": segmenter}
    result = subprocess.run(
        [*command, "--top", "100"], capture_output=True, text=True, env=environment, timeout=300
    )
    assert result.returncode == 0, result.stderr
    keywords = {row["keyword"] for row in csv.DictReader(io.StringIO(result.stdout))}
    assert set(THREE_TERMS) <= keywords
    assert not {"新质", "专精", "特新", "全过程"} & keywords


# The shared corpus (skipped where absent).


@pytest.mark.corpus
def test_discovery_over_the_corpus_finds_the_three_terms(corpus):
    found = terms.discover_from_folder(corpus / "rmrb", corpus / "rmrb2026")
    counts = found.set_index("term")["count"]
    assert all(term in counts for term in THREE_TERMS)
    assert len(found) > 1000
    listed = set(terms.read_terms()["word"])
    assert set(THREE_TERMS) <= listed
