"""Property: any text either parses with no non-blank line lost, or raises BulletinError."""

from __future__ import annotations

from conftest import assert_no_line_lost
from hypothesis import HealthCheck, given, settings
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


def plain_records_of(records):
    import pandas as pd

    return plain_records(pd.DataFrame(records))
