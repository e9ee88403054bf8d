"""helpers.titles: kicker, headline and subtitle of a title block, one case per cue."""

from __future__ import annotations

import csv

import pytest
from conftest import DATA

from helpers.titles import TWO_LINE_CUES, split_title_block

CUE_EXAMPLES = [
    ("dash-subtitle", "科技助力 破解难题（走向冬奥）", "——中国冰雪扎实备战北京冬奥会", "subtitle"),
    ("lead-in", "几十年接续播绿，新疆洛浦县——", "让沙丘变绿洲", "kicker"),
    ("lead-in", "温铎：", "忠于职守 不怕牺牲（英雄烈士谱）", "kicker"),
    ("bracketed-note", "关于推迟召开会议的决定", "（2020年2月24日常委会通过）", "subtitle"),
    ("bracketed-note", "中华人民共和国主席令", "第三十六号", "subtitle"),
    ("tag-on-first", "把好事办到群众心坎上（人民时评）", "民生无小事 枝叶总关情", "subtitle"),
    ("tag-on-second", "高铁西九龙站启用一年来", "展现逐梦大湾区新景象（香江在线）", "kicker"),
    ("speaker", "黄坤明在专题视频会议上强调", "为打赢疫情防控阻击战提供舆论支持", "kicker"),
    ("attended", "中国政府友谊奖颁奖仪式在北京举行", "刘鹤出席并讲话", "subtitle"),
    ("label", "公安部", "国庆期间社会稳定治安良好", "kicker"),
    ("label", "杨宝玲代表", "把脚印烙在田地里", "kicker"),
    ("genre", "和平薪火 生生不息", "第七届世界军人运动会开幕式侧记", "subtitle"),
    ("slogan", "湖北十堰规范小微权力运行", "打开电视  能查村务", "kicker"),
    ("clause-in-first", "几十年如一日，他守护着这片林", "一个人的林场", "kicker"),
    ("continues", "中共中央政治局常务委员会召开会议", "听取疫情防控工作汇报", "subtitle"),
    (
        "event-then-figures",
        "我市首批“智慧公园”开放",
        "覆盖12个区县  服务市民超百万人次",
        "subtitle",
    ),
    (
        "long-deck",
        "谁来照护失能老人？",
        "一些地方探索长期护理保险制度，参保人失能后可按月领取护理费用补贴，减轻家庭照护负担",
        "subtitle",
    ),
    (
        "default",
        "以绿色创新支撑引领高质量发展",
        "南岸出台“财政金融政策”24条 和“为科技工作者办实事”清单",
        "kicker",
    ),
]


@pytest.mark.parametrize(
    ("cue", "first", "second", "says"),
    CUE_EXAMPLES,
    ids=[f"{cue}-{index}" for index, (cue, *_rest) in enumerate(CUE_EXAMPLES)],
)
def test_two_line_cue(cue, first, second, says):
    block = split_title_block([first, second])
    assert block.cue == cue
    expected = (first, second, None) if says == "kicker" else (None, first, second)
    assert (block.kicker, block.headline, block.subtitle) == expected


def test_every_cue_has_an_example():
    assert {name for name, *_ in TWO_LINE_CUES} | {"default"} == {c for c, *_ in CUE_EXAMPLES}


@pytest.mark.parametrize(
    ("lines", "roles"),
    [
        pytest.param([], (None, None, None), id="empty"),
        pytest.param(["标题"], (None, "标题", None), id="one-line"),
        pytest.param(["引题", "主题", "副题"], ("引题", "主题", "副题"), id="three-lines"),
    ],
)
def test_blocks_of_one_and_three_lines(lines, roles):
    block = split_title_block(lines)
    assert (block.kicker, block.headline, block.subtitle) == roles


def test_agreement_with_hand_labelled_corpus_blocks(corpus):
    """240 two-line blocks of People's Daily pages labelled kicker or subtitle by hand."""
    files = {path.name: path for path in (corpus / "rmrb").glob("*/*.txt")}
    agree = total = 0
    with (DATA / "title_blocks_rmrb.csv").open(encoding="utf-8") as labels:
        for row in csv.DictReader(labels):
            if row["label"] == "unsure":
                continue
            lines = files[row["file"]].read_text(encoding="utf-8").splitlines()
            first = int(row["line"]) - 1
            block = split_title_block([lines[first].strip(), lines[first + 1].strip()])
            agree += ("subtitle" if block.subtitle else "kicker") == row["label"]
            total += 1
    print(f"two-line title blocks: {agree}/{total} = {agree / total:.3f} agree with the labels")
    assert total == 238 and agree / total >= 0.92
