"""helpers.bylines and helpers.dates over real dateline, byline and credit shapes."""

from __future__ import annotations

from datetime import date

import pytest

from helpers.bylines import match_closing_dateline, match_credit, match_dateline, parse_byline
from helpers.dates import chinese_small_number, infer_issue_date, resolve_month_day


@pytest.mark.parametrize(
    ("text", "agency", "place", "names", "rest"),
    [
        pytest.param(
            "新华社内罗毕电  肯尼亚政府日前宣布",
            "新华社",
            "内罗毕",
            {},
            "肯尼亚政府日前宣布",
            id="place-no-date",
        ),
        pytest.param(
            "新华社电  世界卫生组织10日说", "新华社", None, {}, "世界卫生组织10日说", id="bare"
        ),
        pytest.param(
            "据新华社联合国电 （记者王建刚）联合国秘书长",
            "新华社",
            "联合国",
            {"reporters": ["王建刚"]},
            "联合国秘书长",
            id="according-to",
        ),
        pytest.param(
            "本报电  记者从有关部门获悉", "本报", None, {}, "记者从有关部门获悉", id="paper"
        ),
        pytest.param(
            "中新社东京电  日本政府", "中新社", "东京", {}, "日本政府", id="china-news-service"
        ),
    ],
)
def test_undated_datelines(text, agency, place, names, rest):
    found = match_dateline(text)
    assert found is not None and (found.month, found.day) == (None, None)
    assert (found.agency, found.place, found.names, found.rest) == (agency, place, names, rest)


@pytest.mark.parametrize(
    ("text", "reporters"),
    [
        pytest.param("（本报记者王芳采访整理）", ["王芳"], id="interviewed-and-edited"),
        pytest.param("（本报记者  岳富荣整理）", ["岳富荣"], id="edited"),
        pytest.param("（记者 张三 报道）", ["张三"], id="reported"),
        pytest.param("（据新华社联合国电 记者王建刚）", ["王建刚"], id="wire-byline"),
        pytest.param("（程源、倪群力参与采写）", ["程源", "倪群力"], id="contributors"),
        pytest.param("（人民网记者杨启红参与采写）", ["杨启红"], id="contributor-with-role"),
        pytest.param("（贾\u3000\u3000麟参与采写）", ["贾麟"], id="contributor-spaced-out"),
        pytest.param("（王 刚、李 强参与采写）", ["王刚", "李强"], id="contributors-spaced-out"),
        pytest.param("（齐志明）", ["齐志明"], id="signed-with-a-name"),
        pytest.param("（尚  文）", ["尚文"], id="signed-with-a-spaced-name"),
        pytest.param("（欧阳洁）", ["欧阳洁"], id="signed-with-a-double-surname"),
    ],
)
def test_closing_bylines_name_the_writer_without_the_verb(text, reporters):
    assert match_closing_dateline(text).names == {"reporters": reporters}


@pytest.mark.parametrize(
    ("text", "agency", "place", "month", "day", "names", "rest"),
    [
        (
            "本报讯(重庆日报记者 杨骏 实习生 郭心悦)近日,市中新项目管理局",
            "重庆日报",
            None,
            None,
            None,
            {"reporters": ["杨骏"], "interns": ["郭心悦"]},
            "近日,市中新项目管理局",
        ),
        (
            "本报讯（记者　张三　通讯员　李四）3月7日，记者",
            "本报",
            None,
            None,
            None,
            {"reporters": ["张三"], "correspondents": ["李四"]},
            "3月7日，记者",
        ),
        (
            "新华社北京7月13日电(记者董瑞丰)记者日前从",
            "新华社",
            "北京",
            7,
            13,
            {"reporters": ["董瑞丰"]},
            "记者日前从",
        ),
        (
            "新华社北京12月19日电\u3000（记者 胡喆、宋晨）12月19日，",
            "新华社",
            "北京",
            12,
            19,
            {"reporters": ["胡喆", "宋晨"]},
            "12月19日，",
        ),
        (
            "本报北京1月22日电  （记者曲哲涵）财政部",
            "本报",
            "北京",
            1,
            22,
            {"reporters": ["曲哲涵"]},
            "财政部",
        ),
        ("新华社华盛顿5月19日电 正文开始", "新华社", "华盛顿", 5, 19, {}, "正文开始"),
        ("【新华社兴县十日电】据不完全统计", "新华社", "兴县", None, 10, {}, "据不完全统计"),
        (
            "本报巴中2月20日电  （张文、杨希壮）“查到了！",
            "本报",
            "巴中",
            2,
            20,
            {"reporters": ["张文", "杨希壮"]},
            "“查到了！",
        ),
        (
            "南都讯\u3000记者刘凡\u3000周昌和\u3000继推出日票后，深圳",
            "南都",
            None,
            None,
            None,
            {"reporters": ["刘凡", "周昌和"]},
            "继推出日票后，深圳",
        ),
        ("本报记者  陈  然", "本报", None, None, None, {"reporters": ["陈然"]}, ""),
    ],
)
def test_datelines(text, agency, place, month, day, names, rest):
    found = match_dateline(text)
    assert found is not None
    assert (found.agency, found.place, found.month, found.day) == (agency, place, month, day)
    assert (found.names, found.rest) == (names, rest)
    assert text.startswith(found.raw)


@pytest.mark.parametrize(
    "text",
    [
        "近日,市中新项目管理局等7家单位",
        "记者获悉,7月13日,南岸区",
        "记者新春探访乡村治理",
        "7月13日,位于江津区的重庆晋川精密五金有限公司",
        "据了解,该公司生产的馈线",
    ],
)
def test_not_datelines(text):
    assert match_dateline(text) is None


@pytest.mark.parametrize(
    ("text", "agency", "photographers"),
    [
        ("重庆日报记者 齐岚森 摄", "重庆日报", ["齐岚森"]),
        ("新华社记者  林善传摄", "新华社", ["林善传"]),
        ("杜建坡摄（影像中国）", None, ["杜建坡"]),
        ("新华社发", "新华社", []),
        ("新华社记者 梁 旭摄", "新华社", ["梁旭"]),
        ("本报记者 张三 李四摄", "本报", ["张三", "李四"]),
        ("记者 齐岚森 摄", None, ["齐岚森"]),
        pytest.param("王  芳摄（人民视觉）", None, ["王芳"], id="spaced-name-first"),
        pytest.param("本报记者  雷  声摄", "本报", ["雷声"], id="spaced-after-role"),
        pytest.param("谢万柏摄（新华社发）", None, ["谢万柏"], id="sent-by-note"),
        pytest.param("受访者供图", None, ["受访者"], id="provided-by"),
        pytest.param("中缅油气管道项目供图", "中缅油气管道项目", [], id="supplied-by-a-project"),
        pytest.param("（英国驻华使馆供图）", "英国驻华使馆", [], id="supplied-by-an-embassy"),
        pytest.param("人民视觉", None, [], id="photo-agency-alone"),
        pytest.param("曹  一图  卜  拉文", None, ["曹一"], id="cartoon"),
        pytest.param("方  圆  吴树江摄影报道", None, ["方圆", "吴树江"], id="photo-story"),
        pytest.param(
            "张云河  吕大仟摄影报道（影像中国）",
            None,
            ["张云河", "吕大仟"],
            id="photo-story-column",
        ),
    ],
)
def test_credits(text, agency, photographers):
    found = match_credit(text)
    assert found is not None and (found.agency, found.photographers) == (agency, photographers)


@pytest.mark.parametrize(
    "text", ["大家一起拍摄", "记者 张三", "这是12月17日拍摄的嫦娥五号返回器。"]
)
def test_not_credits(text):
    assert match_credit(text) is None


def test_closing_datelines():
    closing = match_closing_dateline("（本报莫斯科、华盛顿2月16日电）")
    assert (closing.agency, closing.place, closing.month, closing.day) == (
        "本报",
        "莫斯科、华盛顿",
        2,
        16,
    )
    assert match_closing_dateline("（记者 张三）").names == {"reporters": ["张三"]}
    assert match_closing_dateline("（简称“M9协作网”）") is None
    # a bracketed word that is no name signs nothing: a column tag, a part number
    for text in ("（人民时评）", "（下）", "（完）", "（节目单）", "（记者手记）", "（记者观察）"):
        assert match_closing_dateline(text) is None, text


def test_byline_roles_and_organisation():
    assert parse_byline("记者 张三 李四 通讯员 王五") == (
        None,
        {"reporters": ["张三", "李四"], "correspondents": ["王五"]},
    )
    assert parse_byline("新华社记者邹伟、王思北") == ("新华社", {"reporters": ["邹伟", "王思北"]})


@pytest.mark.parametrize(
    ("token", "value"), [("7", 7), ("十", 10), ("二十一", 21), ("两", 2), ("十二", 12)]
)
def test_small_chinese_numbers(token, value):
    assert chinese_small_number(token) == value


def test_issue_dates():
    assert infer_issue_date("重庆日报 2023年3月8日 星期三 第3版\n") == date(2023, 3, 8)
    assert infer_issue_date("无日期", "rmrb_20200118_p04.txt") == date(2020, 1, 18)
    assert infer_issue_date("无日期", "cqrb_2021-07-14_sample.txt") == date(2021, 7, 14)
    assert infer_issue_date("正文提到2023年3月8日的会议。", "000_f42624e9b4215cbf.txt") is None
    assert resolve_month_day(12, 31, date(2020, 1, 2)) == date(2019, 12, 31)
    assert resolve_month_day(2, 30, date(2020, 3, 1)) is None


def test_a_photo_report_byline_names_its_reporter():
    found = match_dateline("本报记者 张 枨摄影报道")
    assert (found.agency, found.names, found.rest) == ("本报", {"reporters": ["张枨"]}, "")


def test_a_closing_dateline_with_many_places():
    text = "（本报北京、曼谷、华沙、约翰内斯堡、东京、乌兰巴托、雅加达、马德里、开罗5月17日电）"
    found = match_closing_dateline(text)
    assert (found.agency, found.place.count("、"), found.month, found.day) == ("本报", 8, 5, 17)
