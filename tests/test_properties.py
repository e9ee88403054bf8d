"""Property: any text either parses with no non-blank line lost, or raises BulletinError."""

from __future__ import annotations

from conftest import assert_no_line_lost
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from helpers import BulletinError
from helpers.articles import split_articles
from helpers.export import plain_records
from helpers.reading import check_text

FRAGMENTS = [
    "本报讯(重庆日报记者 杨骏 实习生 郭心悦)",
    "新华社北京7月12日电(记者 胡喆)",
    "本报北京1月22日电\u00a0\u00a0（记者曲哲涵）",
    "【新华社兴县十日电】",
    "重庆日报记者 齐岚森 摄",
    "新华社记者  林善传摄",
    "新华社发",
    "（下转第4版）",
    "（上接第1版）",
    "重庆日报 2023年3月8日 星期三 第3版",
    "要闻",
    "本版编辑：周七",
    "——副题",
    "（本报莫斯科2月16日电）",
    "（记者 张三）",
    "嫦娥五号任务 首批月球科研样品正式发放",
    "7月13日,",
    "奖金3万",
    "元,",
    "。",
    "，",
    "\u3000\u3000",
    "  ",
    "\n",
    "\n\n",
    "\r\n",
    "### ",
    "<p>",
    "1.5亿元",
    "同比增长35.69%",
    "稀释制冷机",
    "近日",
    "“",
    "”",
    "（",
    "）",
    "# ",
    "<doc>",
    "<contenttitle>",
    "</contenttitle>",
    "<content>",
    "</content>",
    "</doc>",
    "[原文](http://x)",
]
pieces = st.one_of(st.sampled_from(FRAGMENTS), st.text(min_size=1, max_size=8))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(pieces, max_size=40).map("".join))
def test_any_text_parses_losslessly_or_raises_the_documented_error(raw):
    try:
        text = check_text(raw)
        records = split_articles(text)
    except BulletinError:
        return
    assert_no_line_lost(text, plain_records_of(records))


# Pieces of numbers, units and the words around them, to throw at the figure reader.
NUMBER_PIECES = [
    *"0123456789.,，、%％-—~～至到",
    *"零一二两三四五六七八九十百千万亿点半壹贰叁佰仟",
    "￥",
    "¥",
    "$",
    "US$",
    "元",
    "亿元",
    "万元",
    "美元",
    "港币",
    "欧元",
    "块",
    "毛",
    "个百分点",
    "倍",
    "番",
    "折",
    "成",
    "千分之",
    "万分之",
    "人次",
    "吨",
    "平方米",
    "同比增长",
    "下降",
    "降幅收窄",
    "增幅回落",
    "比上年",
    "最高",
    "不少于",
    "约",
    "近",
    "超",
    "逾",
    "以上",
    "左右",
    "多",
    "余",
    "第",
    "年",
    "月",
    "日",
    "资金",
    "奖励",
    "补助",
    "总投资",
    "。",
    "，",
    "\n",
]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(NUMBER_PIECES), min_size=1, max_size=30).map("".join))
@example("合计￥1，633，242.82元")  # found by fuzzing: full-width separators after ￥
@example("超9\n-￥6九下降")  # a range across a line break
@example("20 至 50万元")  # a range's low end with a space after it
@example("，百毛三元不少于美元不少于7月13日,平方米仟重庆日报 2023年3月8日 星期三 第3版")
def test_any_figures_are_read_without_error_and_found_in_their_sentence(raw):
    """Whatever numbers and units a page holds, extract_figures returns rows (or the reading
    stage refuses the page), and every figure's text stands in its sentence."""
    from helpers import extract_figures, parse_articles

    try:
        articles = parse_articles("数字\n\n\u3000\u3000本报讯 " + raw + "。\n")
    except BulletinError:
        return
    figures = extract_figures(articles)
    for row in figures.itertuples():
        assert row.text in row.sentence and row.text == row.text.strip(), (row.text, row.sentence)


def plain_records_of(records):
    import pandas as pd

    return plain_records(pd.DataFrame(records))


NAME_PIECES = [
    "重庆市",
    "南岸区",
    "人民政府",
    "江北",
    "城",
    "街道",
    "与",
    "和",
    "、",
    "等企业",
    "在",
    "渝",
    "川",
    "有限公司",
    "（简称“一块医药”）",
    "成立于",
    "是",
    "大学",
    "李星婷",
    "记者",
    "中国特色社会主义",
    "南苏丹",
    "，",
    "。",
    "\n",
    "\u3000",
    "\ue000\ue200",  # the characters the grammar codes words with, in the text itself
    "丁",
]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(NAME_PIECES), st.text(max_size=4)), max_size=30))
@example(["\ue000\ue200", "重庆市", "南岸区", "人民政府"])
def test_any_names_read_stand_in_the_text_where_they_are_said_to(pieces):
    """The grammar reads codes as long as the text: every name's text is the text at its
    offsets, names do not overlap, and whatever the text holds (the code characters too),
    names are read without error."""
    from helpers.entities import mentions

    text = "".join(pieces)
    found = mentions(text)
    for name in found:
        assert text[name.start : name.end] == name.text and name.text.strip(), name
    spans = sorted((m.start, m.end) for m in found)
    assert all(end <= start for (_, end), (start, _) in zip(spans, spans[1:], strict=False))
