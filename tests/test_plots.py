"""helpers.plots: every chart draws Chinese with no missing glyph, word clouds show glyphs."""

from __future__ import annotations

import io
import warnings

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pytest
from fontTools.ttLib import TTFont
from PIL import ImageFont

from helpers import extract_figures, parse_articles, plots
from helpers.tables import text_or
from helpers.topics import topic_labels, word_frequencies, word_totals


@pytest.fixture(scope="module")
def data(sample_path):
    articles = parse_articles(sample_path)
    frequencies = word_frequencies(articles)
    names = {r.article_id: text_or(r.headline, "图片报道")[:10] for r in articles.itertuples()}
    return articles, frequencies, names


def draw_strictly(figure) -> bytes:
    """Render to PNG, turning matplotlib's missing-glyph warning into an error."""
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        warnings.filterwarnings("error", message=r".*[Gg]lyph .* missing from")
        figure.savefig(buffer, format="png")
    plt.close(figure)
    return buffer.getvalue()


def test_the_font_comes_from_a_package_and_has_chinese():
    path = plots.cjk_font()
    assert path.is_file() and "site-packages" in str(path)
    assert matplotlib.rcParams["axes.unicode_minus"] is False
    cmap = TTFont(str(path)).getBestCmap()
    assert all(ord(c) in cmap for c in "嫦娥五号稀释制冷机金融科技江北嘴")


def test_missing_glyphs_would_be_caught():
    """Control: with a Latin-only font the same check fails, so the chart tests can fail."""
    figure, ax = plt.subplots()
    ax.set_title("嫦娥五号", fontfamily="DejaVu Sans")
    with pytest.raises(UserWarning, match="missing from"):
        draw_strictly(figure)


@pytest.mark.parametrize(
    "chart",
    [
        "top_words",
        "heatmap",
        "topic_shares",
        "money",
        "growth",
        "shares",
        "empty",
    ],
)
def test_every_chart_draws_chinese_without_missing_glyphs(data, chart):
    articles, frequencies, names = data
    figures = extract_figures(articles)
    figure = {
        "money": lambda: plots.money_chart(figures, articles),
        "growth": lambda: plots.growth_chart(figures, articles),
        "shares": lambda: plots.shares_chart(figures, articles),
        "empty": lambda: plots.growth_chart(figures.iloc[0:0], articles),
        "top_words": lambda: plots.top_words_chart(word_totals(frequencies), top=15),
        "heatmap": lambda: plots.words_heatmap(frequencies, top=15, labels=names),
        "topic_shares": lambda: plots.topic_shares_chart(topic_labels(articles), names=names),
    }[chart]()
    png = draw_strictly(figure)
    assert png.startswith(b"\x89PNG") and len(png) > 10_000


def test_word_cloud_shows_chinese_glyphs_not_boxes(data):
    _, frequencies, _ = data
    cloud = plots.word_cloud(frequencies)
    words = [word for (word, _), *_ in cloud.layout_]
    assert "医科大学" in words and len(words) > 30
    cmap = TTFont(str(plots.cjk_font())).getBestCmap()
    assert all(ord(c) in cmap for word in words for c in word)
    image = np.asarray(cloud.to_image().convert("L"))
    assert (image < 200).mean() > 0.05  # ink on the canvas
    font = ImageFont.truetype(str(plots.cjk_font()), 64)
    box = np.asarray(font.getmask("\U000f0000"))  # a private-use character the font lacks: .notdef
    for character in "嫦娥医":
        assert not np.array_equal(np.asarray(font.getmask(character)), box)


@pytest.mark.parametrize("by_article", [False, True], ids=["bulletin", "articles"])
def test_word_cloud_image_is_titled_and_described(data, by_article, tmp_path):
    """The clouds are one image: the title and each article's label drawn above its cloud
    in the CJK font (ink where a label is), and said again as the PNG's alt text."""
    from helpers.notebook import _description, save_figure

    _, frequencies, names = data
    image = plots.word_cloud_image(
        frequencies, by_article=by_article, labels=names, title="各文章词云"
    )
    ids = frequencies["article_id"].nunique()
    rows = -(-ids // 2) if by_article else 1
    assert image.width >= (2 if by_article else 1) * 400 and image.height > rows * 240
    heading = np.asarray(image.crop((0, 0, image.width, plots.CLOUDS.title_size + 12)).convert("L"))
    assert (heading < 128).sum() > 100  # the title's strokes
    path = save_figure(image, tmp_path / "clouds.png")
    described = _description(path)
    assert described.startswith("各文章词云")
    assert all(names[i] in described for i in names) == by_article


def test_word_cloud_refuses_empty_frequencies():
    with pytest.raises(ValueError, match="no words"):
        plots.word_cloud({})


def test_money_and_growth_charts_plot_every_figure(data):
    articles, _, _ = data
    figures = extract_figures(articles)
    money = plots.money_chart(figures, articles)
    labels = [t.get_text() for t in money.axes[0].get_yticklabels()]
    assert len(money.axes[0].patches) == 13 and len(labels) == 13 + 3  # bars, article headers
    assert labels[0].startswith("【南岸出台") and labels[1] == "资金" and labels[-1] == "补助金"
    assert "奖励" in labels and "奖励（15万元）" in labels  # two awards, told apart
    growth = plots.growth_chart(figures, articles)
    assert [t.get_text() for t in growth.axes[0].get_yticklabels()] == [
        "【图片】",
        "工业产值（同比）",
    ]
    plt.close("all")


def test_a_dense_page_keeps_bars_legible_and_distinct():
    """40 growth figures in two articles: 30 bars (the largest changes), grouped under their
    articles, each saying what grew; the chart says how many it left out."""
    districts = (
        "渝中 江北 南岸 九龙坡 沙坪坝 大渡口 巴南 北碚 渝北 长寿 江津 合川 永川 南川 綦江 大足 "
        "璧山 铜梁 潼南 荣昌"
    ).split()
    goods = (
        "机电产品 高新技术产品 农产品 钢材 原油 铁矿砂 大豆 汽车 服装 家具 玩具 纺织品 "
        "塑料制品 集成电路 手机 船舶 医疗器械 药品 煤炭 天然气"
    ).split()
    first = "".join(f"{d}区出口增长{i + 1}.5%。" for i, d in enumerate(districts))
    second = "".join(f"{g}进口下降{i + 1}.2%。" for i, g in enumerate(goods))
    page = f"外贸稳中有进\n\n　　本报讯 {first}\n\n进口结构优化\n\n　　本报讯 {second}\n"
    articles = parse_articles(page)
    figures = extract_figures(articles)
    assert (figures["kind"] == "growth").sum() == 40
    fig = plots.growth_chart(figures, articles)
    ax = fig.axes[0]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    bars = [label for label in labels if not label.startswith("【")]
    assert len(ax.patches) == 30 and len(bars) == 30 and len(set(bars)) == 30
    assert labels[0] == "【外贸稳中有进】" and "【进口结构优化】" in labels
    assert "共40项" in ax.get_xlabel() and "其余见下表" in ax.get_xlabel()
    assert "天然气进口" in bars and "机电产品进口" not in bars  # the largest changes are kept
    plt.close("all")


def test_archive_trend_charts_draw_chinese(sample_path):
    from helpers.archive import load_archive
    from helpers.trends import (
        growth_over_time,
        money_by_period,
        moving_words,
        places_by_period,
        topic_shares_by_period,
    )

    archive = load_archive([sample_path], words=True, entities=True, cache_dir=None, progress=False)
    places = places_by_period(archive.entities, level="county")
    assert places.loc[places.index[0], "南岸区"] == 6  # 南岸区 ×4, 南岸 ×2
    for figure in (
        plots.money_trend_chart(money_by_period(archive.figures)),
        plots.growth_trend_chart(growth_over_time(archive.figures)),
        plots.topic_trend_chart(topic_shares_by_period(archive.words)),
        plots.moving_words_chart(moving_words(archive.words)),
        plots.places_trend_chart(places),
    ):
        assert draw_strictly(figure).startswith(b"\x89PNG")


def test_place_charts_roll_names_up_and_draw_chinese(sample_path):
    from helpers.entities import entities, money_by_place

    articles = parse_articles(sample_path)
    found = entities(articles)
    fig = plots.places_chart(found, level="county")
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert labels[-1] == "南岸区" and "南岸" not in labels  # largest first, short names rolled up
    assert draw_strictly(fig).startswith(b"\x89PNG")
    money = plots.money_by_place_chart(money_by_place(extract_figures(articles), articles))
    assert draw_strictly(money).startswith(b"\x89PNG")
    empty = plots.places_chart(found.iloc[0:0])
    assert draw_strictly(empty).startswith(b"\x89PNG")


def test_bars_alike_in_one_article_are_told_apart():
    page = (
        "助学资金发放\n\n　　本报讯 今年资助金额305亿元。去年资助金额305亿元。"
        "前年资助金额202亿元。此外资助金额305亿元。\n"
    )
    articles = parse_articles(page)
    fig = plots.money_chart(extract_figures(articles), articles)
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()][1:]  # after the header
    assert labels == [
        "资助金额",
        "资助金额（305亿元）",
        "资助金额（202亿元）",
        "资助金额（305亿元，第2处）",
    ]
    plt.close("all")


@pytest.mark.parametrize(
    ("subject", "sentence", "text", "label"),
    [
        pytest.param("出口", "出口12.48万亿元，增长5.2%。", "5.2%", "出口", id="the-subject"),
        pytest.param(None, "全年比上年增长9.5%。", "9.5%", "…全年", id="words-before-no-verb"),
        pytest.param(
            None, "全国工业产能利用率［15］为76.6%。", "76.6%", "…国工业产能利用率", id="footnote"
        ),
        pytest.param(None, "增长3%。", "3%", "3%", id="nothing-before: the figure"),
    ],
)
def test_what_a_bar_measures(subject, sentence, text, label):
    from types import SimpleNamespace

    row = SimpleNamespace(subject=subject, sentence=sentence, text=text)
    assert plots._what(row) == label


def test_the_font_subset_holds_the_characters_asked_for_and_little_else():
    import io as bytes_io

    data = plots.cjk_font_subset("嫦娥五号")
    cmap = TTFont(bytes_io.BytesIO(data)).getBestCmap()
    assert {ord(c) for c in "嫦娥五号A9"} <= set(cmap) and ord("医") not in cmap
    assert len(cmap) < 120 and len(data) < 60_000  # the whole font is 10 MB
    assert plots.cjk_font_subset("嫦娥", flavor="woff")[:4] == b"wOFF"


@pytest.fixture(scope="module")
def long_bulletin():
    """A bulletin of 40 short stories (an archive file, a news-records sample): more than
    any chart of articles can show legibly."""
    from helpers.layouts import as_is

    places = ["南岸", "江北", "渝中", "沙坪坝", "九龙坡", "北碚", "巴南", "渝北"]
    items = [
        (
            [f"{places[i % 8]}区第{i + 1}批项目开工"],
            [
                f"本报讯 {places[i % 8]}区第{i + 1}批重点项目集中开工，总投资{i + 2}亿元，"
                f"涉及金融科技、教育医疗、产业升级等领域，项目{i + 3}个。"
                + "企业负责人表示，将加快建设进度，力争早日投产见效。"
                * (1 + i % 3)
            ],
        )
        for i in range(40)
    ]
    articles = parse_articles(as_is(items))
    return articles, word_frequencies(articles), plots.short_titles(articles)


def test_charts_of_many_articles_show_the_most_and_say_so(long_bulletin):
    articles, frequencies, names = long_bulletin
    assert articles["kind"].eq("news").sum() == 40
    heatmap = plots.words_heatmap(frequencies, top=10, labels=names)
    assert len(heatmap.axes[0].get_xticks()) == 20
    assert "图中为用词最多的20篇，共40篇" in heatmap.axes[0].get_title()
    shares = plots.topic_shares_chart(topic_labels(articles), names=names)
    assert len(shares.axes[0].get_yticks()) == plots.MAX_BARS
    assert f"共{topic_labels(articles)['article_id'].nunique()}篇" in shares.axes[0].get_title()
    plt.close("all")
    clouds = plots.word_cloud_image(frequencies, by_article=True, labels=names, title="各文章词云")
    described = clouds.info["Description"]
    assert described.startswith("各文章词云（图中为词数最多的12篇，共40篇）")
    assert described.count("；") == 12  # the title and twelve labels
    assert clouds.height < 7 * (plots.CLOUDS.cell_height + 60)  # six rows of two
