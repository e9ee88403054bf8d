"""Segmentation in every paste layout: the same page gives the same articles however it is laid
out (indented, a web copy, flat, indented without blank lines, CRLF, GB18030), on pages written
for the patterns of issue 11, and on the corpus where it is present."""

from __future__ import annotations

import sys

import pandas as pd
import pytest
from conftest import assert_no_line_lost

from helpers import parse_articles
from helpers.articles import line_roles, split_articles
from helpers.layouts import LAYOUTS, Flush, as_is, variants
from helpers.paths import PROJ_ROOT
from helpers.reading import decode_bytes, normalize_text

COMMENTARY = (
    ["把好事办到群众心坎上（人民时评）"],
    [
        "李  明",
        "民生无小事，枝叶总关情。群众家门口的小事，往往是最难办也最该办的事。",
        "把好事办到群众心坎上，就要多到群众中去听意见、找问题，让每一项民生工程都经得起检验。",
    ],
)
QUESTION = (
    ["谁来照护失能老人？"],
    [
        "本报记者  王  芳",
        "随着人口老龄化加深，失能老人的照护需求快速增长。记者近日在多地采访发现，"
        "长期护理保险正在成为家庭的重要支撑。",
        "“过去一个月护理费要五六千元，现在能报销七成。”家住城东的李女士说。",
    ],
)
UNDATED_WIRE = (
    ["肯尼亚扩大粮食援助"],
    [
        "新华社内罗毕电  肯尼亚政府日前宣布，将向受旱灾影响的北部地区追加粮食援助，"
        "预计惠及50万人。",
        "肯尼亚农业部表示，援助粮食将在两周内运抵灾区。",
    ],
)
PHOTO = (
    ["春耕备耕忙"],
    ["3月7日，在永川区来苏镇，农民驾驶农机平整土地。", "王  芳摄（人民视觉）"],
)
HEADLINE_AND_SUBTITLE = (
    ["我市首批“智慧公园”开放", "覆盖12个区县  服务市民超百万人次"],
    [
        "本报讯（记者 张三）3月8日，我市首批12座“智慧公园”正式向市民开放，"
        "园内设有智能步道、无人售货亭等设施。",
        "市城市管理局负责人介绍，今年还将建成20座“智慧公园”，覆盖全部区县。",
        "（本报记者王芳采访整理）",
    ],
)
BARE_WIRE = (
    ["世界卫生组织发布新版指南"],
    [
        "新华社电  世界卫生组织10日发布新版结核病防治指南，建议各国扩大快速检测的覆盖面。",
        "指南说，早发现、早治疗是降低结核病死亡率的关键。",
    ],
)
WEB_CITATION = (
    ["让老字号焕发新活力（经济随笔）"],
    [
        "《人民日报》（2025年03月12日第 05 版）",
        "老字号是城市的文化名片。近年来，不少老字号在守住手艺的同时，主动拥抱新渠道、新消费，"
        "重新走进年轻人的生活。",
        "守正创新，老字号才能常老常新。",
        "（作者为中国商业经济学会研究员）",
    ],
)
CAPTION_BEFORE_DATELINE = (
    ["全国春耕播种进度过六成"],
    [
        "图为农民在田间插秧。",
        "新华社记者  林善传摄",
        "本报北京4月7日电  （记者李龙伊）农业农村部7日发布消息，全国春播粮食已播六成以上，"
        "进度快于上年同期。",
        "各地抢抓农时，机械化播种比例进一步提高。",
    ],
)
NO_DATELINE = (
    ["社区食堂飘出“家的味道”"],
    [
        "傍晚时分，城东街道社区食堂里坐满了前来就餐的老人。一荤一素一汤，只要12元，"
        "八十岁以上老人还能再打八折。",
        "“饭菜合口味，价格也实在。”72岁的张大爷说，他几乎每天都来。",
    ],
)
PAGE = [
    COMMENTARY,
    QUESTION,
    UNDATED_WIRE,
    PHOTO,
    HEADLINE_AND_SUBTITLE,
    BARE_WIRE,
    WEB_CITATION,
    CAPTION_BEFORE_DATELINE,
    NO_DATELINE,
]
COLUMNS = ["kind", "kicker", "headline", "subtitle", "agency", "place", "reporters"]
COLUMNS += ["photographers", "authors", "furniture"]
EXPECTED = [
    ("news", None, "把好事办到群众心坎上（人民时评）", None, None, None, [], [], ["李明"], []),
    ("news", None, "谁来照护失能老人？", None, "本报", None, ["王芳"], [], [], []),
    ("news", None, "肯尼亚扩大粮食援助", None, "新华社", "内罗毕", [], [], [], []),
    ("photo", None, "春耕备耕忙", None, None, None, [], ["王芳"], [], []),
    (
        "news", None, "我市首批“智慧公园”开放", "覆盖12个区县  服务市民超百万人次",
        "本报", None, ["张三", "王芳"], [], [], [],
    ),
    ("news", None, "世界卫生组织发布新版指南", None, "新华社", None, [], [], [], []),
    (
        "news", None, "让老字号焕发新活力（经济随笔）", None, None, None, [], [],
        ["作者为中国商业经济学会研究员"], ["《人民日报》（2025年03月12日第 05 版）"],
    ),
    ("news", None, "全国春耕播种进度过六成", None, "本报", "北京", ["李龙伊"], ["林善传"], [], []),
    ("news", None, "社区食堂飘出“家的味道”", None, None, None, [], [], [], []),
]  # fmt: skip


def table(text: str) -> list[tuple]:
    frame = parse_articles(text)
    frame = frame[frame["kind"] != "meta"][COLUMNS].astype(object)
    return [tuple(None if not isinstance(v, list) and pd.isna(v) else v for v in row)
            for row in frame.itertuples(index=False)]  # fmt: skip


@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_the_page_gives_the_same_articles_in_every_layout(layout):
    text = LAYOUTS[layout](PAGE)
    assert table(text) == EXPECTED
    assert_no_line_lost(normalize_text(text), split_articles(normalize_text(text)))


@pytest.mark.parametrize("variant", ["crlf", "gb18030", "utf-8-sig"])
@pytest.mark.parametrize("layout", ["web", "flat"])
def test_encodings_and_line_ends_change_nothing(layout, variant):
    data = next(v for name, v in variants(LAYOUTS[layout](PAGE)).items() if variant in name)
    text, _ = decode_bytes(data)
    assert table(normalize_text(text)) == EXPECTED


@pytest.mark.parametrize(
    ("item", "line", "role"),
    [
        pytest.param(COMMENTARY, "李  明", "author", id="bare-author"),
        pytest.param(QUESTION, "谁来照护失能老人？", "headline", id="question-headline"),
        pytest.param(QUESTION, "本报记者  王  芳", "dateline", id="standalone-byline"),
        pytest.param(PHOTO, "王  芳摄（人民视觉）", "credit", id="spaced-credit"),
        pytest.param(PHOTO, PHOTO[1][0], "caption", id="caption"),
        pytest.param(HEADLINE_AND_SUBTITLE, HEADLINE_AND_SUBTITLE[0][1], "subtitle", id="subtitle"),
        pytest.param(WEB_CITATION, WEB_CITATION[1][0], "furniture", id="citation"),
        pytest.param(CAPTION_BEFORE_DATELINE, "图为农民在田间插秧。", "caption", id="caption-1"),
    ],
)  # fmt: skip
@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_line_roles(layout, item, line, role):
    roles = line_roles(LAYOUTS[layout]([NO_DATELINE, item, BARE_WIRE]))
    found = roles[roles["text"].str.strip() == line]
    assert found["role"].tolist() == [role]
    assert found["evidence"].str.len().gt(0).all()


@pytest.fixture(scope="module")
def benchmark(corpus):
    sys.path.insert(0, str(PROJ_ROOT / "benchmarks"))
    import segmentation

    return segmentation


# Floors at the measured figures (issue 11's targets are higher; README says where it stands).
# Indented pages: 0.963 of the held-out sample since a brief signed with a bracketed name,
# （喻思南）, closes its story, so a 新闻速递 digest of signed briefs gives a row per brief
# where the rmrb truth has one item (2 of the 109 pages; README, "What the parser reads").
RMRB_FLOORS = {
    "as_is": 0.96,
    "indent_no_blank": 0.96,
    "web": 0.40,
    "flat": 0.38,
    "indent_all": 0.38,
}
RMRB2026_FLOORS = {"indent": 1.0, "flat-indent": 1.0, "web": 0.2, "flat": 0.5}


def test_corpus_pages_in_every_layout(benchmark):
    pages = benchmark.rmrb_pages(20)
    for layout, floor in RMRB_FLOORS.items():
        figures = benchmark.measure_rmrb(pages, layout).figures()
        print(f"rmrb {layout}: pages exact {figures['pages_right']:.3f}")
        assert figures["lossless"] and figures["pages_right"] >= floor, (layout, figures)


def test_rmrb2026_pages_in_their_layouts(benchmark):
    for layout, tally in benchmark.measure_rmrb2026().items():
        figures = tally.figures()
        print(f"rmrb2026 {layout}: items right {figures['pages_right']:.3f}")
        assert figures["lossless"] and figures["pages_right"] >= RMRB2026_FLOORS[layout]


PHOTOS_INSIDE = (
    ["我市新建15座口袋公园"],
    [
        "本报讯（记者 张三）今年以来，我市在老城区新建15座口袋公园，总面积超过3万平方米。",
        "图①：南岸区一处口袋公园内，市民在休闲健身。",
        "本报记者  李  四摄",
        "市城市管理局相关负责人介绍，口袋公园选址充分征求居民意见，优先利用边角地、闲置地。",
        "图②：渝中区新建的口袋公园。",
        "受访者供图",
        "下一步，我市还将推进口袋公园与社区服务设施融合建设。",
    ],
)


@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_credits_between_paragraphs_do_not_split_the_story(layout):
    frame = parse_articles(LAYOUTS[layout]([PHOTOS_INSIDE, PHOTO]))
    rows = frame[["kind", "headline", "reporters", "photographers"]].values.tolist()
    assert rows == [
        ["news", "我市新建15座口袋公园", ["张三"], ["李四", "受访者"]],
        ["photo", "春耕备耕忙", [], ["王芳"]],
    ]
    assert frame.loc[0, "body"].endswith("下一步，我市还将推进口袋公园与社区服务设施融合建设。")


LETTERS = (
    ["寄给祖国的家书"],
    [
        "编者按：春节前夕，本报收到多封来自海外建设者的家书，现摘登如下。",
        Flush("亲爱的祖国母亲："),  # set flush left, as letters are in the paper
        "今年是我在非洲工作的第三个年头，工地上的中国红格外醒目。",
        "您的儿子  张  伟",
        Flush("大会主席先生，"),
        Flush("各位代表："),
        "在这个辞旧迎新的时刻，我代表全体建设者向祖国报平安。",
    ],
)
SPREAD = (["春到田野（图片报道）"], ["版式设计：蔡华伟"])


@pytest.mark.parametrize("layout", ["as_is", "indent_no_blank"])
def test_salutations_open_the_body_of_a_letter(layout):
    frame = parse_articles(LAYOUTS[layout]([LETTERS, NO_DATELINE]))
    assert frame["headline"].tolist() == ["寄给祖国的家书", NO_DATELINE[0][0]]
    body = frame.loc[0, "body"]
    assert all(line in body for line in ("亲爱的祖国母亲：", "大会主席先生，", "各位代表："))
    roles = line_roles(LAYOUTS[layout]([LETTERS]))
    said = roles.set_index(roles["text"].str.strip())["evidence"]
    assert said["亲爱的祖国母亲："].startswith("a salutation")


@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_a_title_over_the_page_credit_is_a_photo_spread(layout):
    frame = parse_articles(LAYOUTS[layout]([SPREAD, NO_DATELINE]))
    rows = frame[["kind", "headline"]].values.tolist()
    assert rows[0] == ["photo", "春到田野（图片报道）"]
    assert ["news", NO_DATELINE[0][0]] in rows


def test_rmrb2026_pages_in_every_layout(benchmark):
    for layout, tally in benchmark.rmrb2026_rerendered().items():
        figures = tally.figures()
        floor = 1.0 if layout in ("as_is", "indent_no_blank") else 0.5
        print(f"rmrb2026 re-rendered {layout}: items right {figures['pages_right']:.3f}")
        assert figures["lossless"] and figures["pages_right"] >= floor, layout


def test_as_is_renders_the_page_back():
    assert as_is(PAGE).count("\n\n") == 2 * len(PAGE) - 1


REGIONAL = [
    (
        ["两江新区新建5座智慧停车场 新增车位2000余个"],
        [
            "本报讯（记者 张  伟 通讯员 刘小红）5月19日，记者从两江新区城市管理局获悉，"
            "今年以来，该区新建5座智慧停车场，新增停车位2000余个，总投资约1.2亿元。",
            "据介绍，新建停车场均接入全区智慧停车平台，市民可通过手机查询空余车位并在线缴费。",
        ],
    ),
    (
        ["巴南区首届乡村振兴创业大赛落幕"],
        [
            "本报讯（记者 陈  静 李  强）5月18日，巴南区首届乡村振兴创业大赛决赛在界石镇举行，"
            "经过激烈角逐，12个项目获奖，一等奖奖金5万元。",
            "本次大赛共吸引126个项目报名参赛，涵盖特色种植、农产品加工、乡村旅游等领域。",
        ],
    ),
    (
        ["让“小切口”撬动“大民生”"],
        [
            "李  明",
            "近日，我市多个区县围绕群众急难愁盼问题，推出了一批“小切口”民生实事。"
            "这些举措看似微小，却实实在在解决了群众身边的烦心事。",
            "民生无小事，枝叶总关情。只有把群众的每一件小事当作大事来办，才能真正赢得民心。",
        ],
    ),
    (
        ["宜宾新能源汽车产业一季度产值突破百亿元"],
        [
            "本报讯（记者 黄  敏 实习生 马  丽）一季度，宜宾市新能源汽车产业实现产值102亿元，"
            "同比增长35.6%。",
        ],
    ),
]


@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_a_regional_page_after_a_story_keeps_its_commentary_and_spaced_names(layout):
    frame = parse_articles(LAYOUTS[layout](REGIONAL))
    rows = frame[["headline", "reporters", "interns", "correspondents", "authors"]]
    assert rows.values.tolist() == [
        ["两江新区新建5座智慧停车场 新增车位2000余个", ["张伟"], [], ["刘小红"], []],
        ["巴南区首届乡村振兴创业大赛落幕", ["陈静", "李强"], [], [], []],
        ["让“小切口”撬动“大民生”", [], [], [], ["李明"]],
        ["宜宾新能源汽车产业一季度产值突破百亿元", ["黄敏"], ["马丽"], [], []],
    ]


LABELLED = {  # shaped as on corpus pages (rmrb_20190204_p02, 20190211_p01, 20190207_p05)
    "caption-label": [
        "虽然就在家门口工作，但自打成为快递小哥后，张小明再也没享受过完整的春节假期，"
        "但一想到老乡们的笑脸就值了。",
        "图片说明：",
        "图①：贵州丹寨县，快递员走在寄件路上。",
        "黄晓海摄（新华社发）",
    ],
    "further-reading": [
        "如今在三河村，移风易俗蔚然成风，“住上好房子，过上好日子，养成好风气”已经成为村民们的"
        "共同心愿。",
        "延伸阅读",
        "党的十八大以来，四川省始终把脱贫攻坚作为头等大事，在凉山彝区累计投入资金超过100亿元，"
        "惠及群众数十万人。",
    ],
    "note": [
        "湖北省老河口市  老河口木版年画",
        "注：以上为我国现有的17个国家级木版年画项目",
    ],
}


@pytest.mark.parametrize("label", list(LABELLED))
@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_labels_inside_an_item_never_open_one(layout, label):
    """A label inside a story (图片说明：, 延伸阅读, 注：…: 110 such lines on the corpus pages,
    none a title) stays in the story in every layout, however headline-shaped it looks."""
    story = (["多彩年画 扮靓春节（文化脉动）"], LABELLED[label])
    frame = parse_articles(LAYOUTS[layout]([NO_DATELINE, story]))
    assert frame["headline"].tolist() == [NO_DATELINE[0][0], "多彩年画 扮靓春节（文化脉动）"]
