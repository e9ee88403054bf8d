"""Title blocks: which line of a headline block is the kicker, the headline, the subtitle.

A block of three lines is kicker (引题), headline and subtitle (副题); one line is the
headline. A block of two lines is either kicker + headline or headline + subtitle, and the
text decides: :data:`TWO_LINE_CUES` is an ordered table of cues, each a pattern on the
first or the second line (or both) and what it says; the first cue that holds decides, and
a block no cue speaks for is kicker + headline, the commoner case. The cues and their order
come from 240 two-line blocks of People's Daily pages labelled by hand
(``tests/data/title_blocks_rmrb.csv``; the test prints the agreement).

>>> block = split_title_block(["我市首批“智慧公园”开放", "覆盖12个区县  服务市民超百万人次"])
>>> block.headline, block.subtitle, block.cue
('我市首批“智慧公园”开放', '覆盖12个区县  服务市民超百万人次', 'event-then-figures')
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["TitleBlock", "TWO_LINE_CUES", "split_title_block"]

_EVENT_VERBS = (
    "开放|启用|开幕|闭幕|举行|召开|发布|出台|上线|开通|落户|成立|通过|揭晓|公布|启动|开工|竣工"
    "|投产|建成|开展|实施|推出|亮相|签约|完成|突破|增长|下降|复工|复产"
)
_TAG = r"[（(][^（）()\d]{2,30}[）)]"  # a column tag (人民时评), where it closes a line

# (name, line the pattern reads: 1, 2 or "both" joined by a newline, pattern, decision).
# "kicker": line 1 is a kicker and line 2 the headline; "subtitle": line 1 is the headline.
TWO_LINE_CUES: tuple[tuple[str, int | str, str, str], ...] = (
    ("dash-subtitle", 2, r"^[—－-]{1,2}", "subtitle"),  # ——中国冰雪扎实备战北京冬奥会
    ("lead-in", 1, r"(?:——|[:：])$", "kicker"),  # 杨宝玲代表——, 温铎：
    (
        "bracketed-note",
        2,
        r"^[（(［\[].*[）)］\]]$|(?:^|[］\]])第[一二三四五六七八九十百零〇\d]+号$",
        "subtitle",
    ),
    ("tag-on-first", "both", rf"{_TAG}\n(?!.*{_TAG}\Z)", "subtitle"),  # a tag marks the headline
    ("tag-on-second", "both", rf"^(?!.*{_TAG}\n).*\n.*{_TAG}\Z", "kicker"),
    (
        "speaker",
        1,
        r"(?:强调|要求|指出|表示|通知|印发|披露|倡议|提醒|认为|宣布|提出|称|说)$",
        "kicker",
    ),
    ("attended", 2, r"出席|主持|参加审议|并讲话|参加会议|致辞|会见", "subtitle"),
    ("label", 1, r"^.{1,6}$|(?:代表|委员)$", "kicker"),  # 公安部, 前三季度, 海  南
    ("genre", 2, r"侧记|纪实|综述|——访|述要|启示录|写在|简评|掠影|访谈", "subtitle"),
    ("slogan", 2, r"^[^\d\s]{2,12}[ \u3000]+[^\d\s]{2,12}$", "kicker"),  # 打开电视 能查村务
    ("clause-in-first", 1, r"[，,]", "kicker"),
    ("continues", 2, r"^(?:将|收到|决定|听取|同时|并|共计|含|其中|已)", "subtitle"),
    # A headline that reports an event, then the figures of it: 我市首批“智慧公园”开放 /
    # 覆盖12个区县 (a kicker framing a headline with figures reads 以绿色创新… / 南岸出台…24条).
    (
        "event-then-figures",
        "both",
        rf"(?:{_EVENT_VERBS})\n.*(?:\d|[百千万亿]+(?:人|元|户|个|家|项|次))",
        "subtitle",
    ),
    ("long-deck", "both", r"^.{1,26}\n.{41,}\Z", "subtitle"),
)
_COMPILED = tuple(
    (name, line, re.compile(pattern), says) for name, line, pattern, says in TWO_LINE_CUES
)


@dataclass(frozen=True)
class TitleBlock:
    """The lines of a title block by role, and the cue that decided a two-line block."""

    kicker: str | None
    headline: str | None
    subtitle: str | None
    cue: str | None = None


def _two_line_cue(first: str, second: str) -> tuple[str, str]:
    """The first cue that holds for a two-line block, and what it says."""
    texts = {1: first, 2: second, "both": f"{first}\n{second}"}
    for name, line, pattern, says in _COMPILED:
        if pattern.search(texts[line]):
            return name, says
    return "default", "kicker"


def split_title_block(lines: list[str]) -> TitleBlock:
    """Kicker, headline and subtitle of a title block's lines (at most three).

    >>> split_title_block(["杨宝玲代表——", "把脚印烙在田地里（代表委员履职故事）"]).kicker
    '杨宝玲代表——'
    >>> split_title_block(["科技助力 破解难题（走向冬奥）", "——中国冰雪扎实备战北京冬奥会"]).cue
    'dash-subtitle'
    """
    if not lines:
        return TitleBlock(None, None, None)
    if len(lines) == 1:
        return TitleBlock(None, lines[0], None)
    if len(lines) >= 3:
        return TitleBlock(lines[0], lines[1], lines[2])
    cue, says = _two_line_cue(lines[0], lines[1])
    if says == "subtitle":
        return TitleBlock(None, lines[0], lines[1], cue)
    return TitleBlock(lines[0], lines[1], None, cue)
