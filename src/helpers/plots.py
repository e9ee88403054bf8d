"""Charts and word clouds that show Chinese correctly on any machine.

``cjk_font()`` registers the OFL-licensed Noto Sans SC that the zhplot package ships
(so a fresh ``pip install`` is enough: no system font, no SimHei) with matplotlib,
makes it the default family, turns off ``axes.unicode_minus`` (the Unicode minus sign is
missing from many CJK fonts), and returns the font file, which ``word_cloud`` hands to
wordcloud as well.

Chart helpers return the matplotlib ``Figure``: ``top_words_chart``, ``words_heatmap``,
``topic_shares_chart``, ``money_chart``, ``growth_chart``, ``shares_chart``; ``word_cloud``
returns a ``wordcloud.WordCloud`` (``.to_image()``, ``.to_file(path)``) and ``word_cloud_image``
lays one or several out on one titled image.
"""

from __future__ import annotations

import atexit
import io
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib import font_manager
from wordcloud import WordCloud

from .figures import body_figures
from .tables import text_or
from .vocab import CATEGORY_LABELS

__all__ = [
    "cjk_font",
    "cjk_font_subset",
    "top_words_chart",
    "words_heatmap",
    "topic_shares_chart",
    "word_cloud",
    "word_cloud_image",
    "money_chart",
    "growth_chart",
    "shares_chart",
    "short_titles",
    "money_trend_chart",
    "growth_trend_chart",
    "topic_trend_chart",
    "moving_words_chart",
]

FONT_FAMILY = "Noto Sans SC"
MAX_BARS = 30  # more bars than this do not read on a page; the rest stay in the table


@lru_cache(maxsize=1)
def cjk_font() -> Path:
    """Set matplotlib up for Chinese and return the CJK font file (Noto Sans SC, OFL).

    >>> cjk_font().name
    'NotoSansSC-Regular.ttf'
    """
    path = Path(str(files("zhplot") / "fonts" / "NotoSansSC-Regular.ttf"))
    font_manager.fontManager.addfont(str(path))
    family = font_manager.FontProperties(fname=str(path)).get_name()
    matplotlib.rcParams["font.family"] = "sans-serif"
    matplotlib.rcParams["font.sans-serif"] = [family, *matplotlib.rcParams["font.sans-serif"]]
    matplotlib.rcParams["axes.unicode_minus"] = False
    return path


def _figure(width: float, height: float):
    cjk_font()
    return plt.subplots(figsize=(width, height), layout="constrained")


def top_words_chart(totals: pd.DataFrame, *, top: int = 20, title: str = "高频词") -> plt.Figure:
    """Horizontal bars of the most frequent words (from :func:`helpers.topics.word_totals`)."""
    data = totals.head(top).iloc[::-1]
    fig, ax = _figure(8, max(3, 0.32 * len(data) + 1))
    ax.barh(data["word"], data["count"], color="#3b6ea8")
    for y, (count, articles) in enumerate(zip(data["count"], data["articles"], strict=True)):
        ax.text(count, y, f" {count}（{articles}篇）", va="center", fontsize=9)
    ax.set_xlabel("出现次数（括号内为出现该词的文章数）")
    ax.set_title(title)
    ax.margins(x=0.15)
    return fig


def words_heatmap(
    frequencies: pd.DataFrame,
    *,
    top: int = 20,
    labels: dict | None = None,
    title: str = "词语 × 文章",
    max_columns: int = 20,
) -> plt.Figure:
    """A words × articles heatmap of counts for the ``top`` words of the bulletin.

    Args:
        frequencies: :func:`helpers.topics.word_frequencies`.
        labels: article_id → column label (e.g. a short headline); ids where absent.
        max_columns: at most this many articles, those using the top words most (in page
            order); the title says how many it leaves out.
    """
    words = frequencies.groupby("word")["count"].sum().sort_values(ascending=False).head(top).index
    table = (
        frequencies[frequencies["word"].isin(words)]
        .pivot_table(
            index="word", columns="article_id", values="count", aggfunc="sum", fill_value=0
        )
        .reindex(words)
    )
    table, note = _most_used(table, max_columns, "用词最多")
    title += note
    fig, ax = _figure(max(6, 0.6 * table.shape[1] + 3), max(4, 0.32 * len(table) + 1.5))
    image = ax.imshow(table.to_numpy(), cmap="Blues", aspect="auto")
    ax.set_yticks(range(len(table)), table.index)
    columns = [str((labels or {}).get(c, c)) for c in table.columns]
    ax.set_xticks(
        range(table.shape[1]),
        columns,
        rotation=45 if labels else 0,
        ha="right" if labels else "center",
    )
    for (row, column), value in np.ndenumerate(table.to_numpy()):
        if value:
            ax.text(
                column,
                row,
                str(value),
                ha="center",
                va="center",
                fontsize=8,
                color="white" if value > table.to_numpy().max() / 2 else "black",
            )
    ax.set_xlabel("文章")
    ax.set_title(title)
    fig.colorbar(image, ax=ax, label="次数")
    return fig


def _most_used(
    table: pd.DataFrame, most: int, measure: str, rest: str = "；其余见下表"
) -> tuple[pd.DataFrame, str]:
    """The ``most`` articles (columns) of ``table`` with the largest sums, in page order,
    and the note a title gives where others are left out (``rest``: where they are)."""
    if table.shape[1] <= most:
        return table, ""
    kept = table.sum().sort_values(ascending=False, kind="stable").index[:most]
    note = f"（图中为{measure}的{most}篇，共{table.shape[1]}篇{rest}）"
    return table[sorted(kept)], note


def topic_shares_chart(
    labels: pd.DataFrame,
    *,
    names: dict | None = None,
    title: str = "各文章主题构成",
    max_bars: int = MAX_BARS,
) -> plt.Figure:
    """Stacked horizontal bars: each article's topic shares (from
    :func:`helpers.topics.topic_labels`); at most ``max_bars`` articles, those with the
    most topic words, and the title says how many it leaves out."""
    hits = labels.pivot_table(index="article_id", columns="topic", values="hits", fill_value=0)
    kept, note = _most_used(hits.T, max_bars, "主题词最多")
    title += note
    labels = labels[labels["article_id"].isin(kept.columns)]
    table = labels.pivot_table(index="article_id", columns="topic", values="share", fill_value=0)
    table = table[table.sum().sort_values(ascending=False).index]
    fig, ax = _figure(9, max(3, 0.45 * len(table) + 1.5))
    left = np.zeros(len(table))
    colors = plt.get_cmap("tab10").colors
    y = [str((names or {}).get(i, i)) for i in table.index]
    for index, topic in enumerate(table.columns):
        ax.barh(y, table[topic], left=left, label=topic, color=colors[index % len(colors)])
        left += table[topic].to_numpy()
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.set_xlabel("主题占比")
    ax.set_title(title)
    ax.legend(
        ncols=min(5, len(table.columns)),
        loc="upper center",
        bbox_to_anchor=(0.5, -0.12 if names else -0.1),
        frameon=False,
    )
    return fig


def word_cloud(
    frequencies: dict[str, int] | pd.Series | pd.DataFrame,
    *,
    width: int = 800,
    height: int = 450,
    max_words: int = 100,
    font_path: str | None = None,
) -> WordCloud:
    """A word cloud from word counts (a dict, a Series, or a frame with word and count).

    Uses the same CJK font as the charts; collocations are off because the counts are
    already words.
    """
    if isinstance(frequencies, pd.DataFrame):
        frequencies = frequencies.groupby("word")["count"].sum()
    counts = {str(word): float(count) for word, count in dict(frequencies).items() if count > 0}
    if not counts:
        raise ValueError("no words to draw: the frequencies are empty")
    cloud = WordCloud(
        font_path=font_path or str(cjk_font()),
        width=width,
        height=height,
        max_words=max_words,
        background_color="white",
        collocations=False,
        prefer_horizontal=0.95,
        colormap="viridis",
        random_state=7,
        # A set ceiling spares wordcloud a first layout run to find one (three times
        # faster); two-point steps halve the font sizes it tries for a word that does not fit.
        max_font_size=max(40, height // 3),
        font_step=2,
    )
    return cloud.generate_from_frequencies(counts)


def cjk_font_subset(text: str, *, flavor: str | None = None) -> bytes:
    """The CJK font (:func:`cjk_font`) cut with fontTools to the glyphs of ``text`` and
    printable ASCII, without OpenType features or hinting: a few hundred glyphs instead of
    tens of thousands. ``flavor="woff"`` packs it for a web page."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    options = subset.Options()
    options.layout_features = []  # plain glyphs are enough for charts and report text
    options.hinting = False
    options.name_IDs = [1, 2]  # the family name; the licence stays in the package (OFL)
    font = TTFont(str(cjk_font()), lazy=True)
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=text + "".join(map(chr, range(32, 127))))
    subsetter.subset(font)
    font.flavor = flavor  # the Options' flavor only counts for fontTools' command line
    buffer = io.BytesIO()
    font.save(buffer)
    return buffer.getvalue()


@lru_cache(maxsize=4)
def _font_for(text: str) -> str:
    """A TrueType file of the CJK font cut to the characters of ``text``: wordcloud loads
    its font once per word and size tried, and a few hundred glyphs without hinting load
    far faster than the whole font (the sample's clouds: 1.4 → 0.6 s, the cut included).
    Kept for the process: the bulletin's cloud and its articles' clouds share one cut."""
    import tempfile

    handle, path = tempfile.mkstemp(prefix="bulletin-cloud-", suffix=".ttf")
    with open(handle, "wb") as file:
        file.write(cjk_font_subset(text))
    _TEMPORARY_FONTS.append(path)
    return path


_TEMPORARY_FONTS: list[str] = []


@atexit.register
def _remove_temporary_fonts() -> None:
    for path in _TEMPORARY_FONTS:
        Path(path).unlink(missing_ok=True)


@dataclass(frozen=True)
class _CloudLayout:
    """Pixel sizes of a word-cloud image: the bulletin's cloud, or a grid of small ones."""

    width: int = 800
    height: int = 450
    max_words: int = 100
    cell_width: int = 400  # one article's cloud
    cell_height: int = 240
    cell_words: int = 40
    gap: int = 12
    title_size: int = 22
    label_size: int = 15
    max_clouds: int = 12  # one cloud per article, for so many at most: a page, not a scroll


CLOUDS = _CloudLayout()


def word_cloud_image(
    frequencies: pd.DataFrame,
    *,
    by_article: bool = False,
    labels: dict | None = None,
    columns: int = 2,
    title: str = "词云",
):
    """A PNG-ready image (``PIL.Image``) of the bulletin's word cloud under ``title``, or of
    one cloud per article (``by_article=True``) in ``columns``, each under its label
    (``labels``: article_id → short headline).

    The clouds are drawn straight onto one image and written as they are, not redrawn
    through matplotlib (a third of the time, and a lighter PNG); ``image.info
    ["Description"]`` holds the titles, the alt text :meth:`Session.show` gives it.
    """
    from PIL import Image

    words_font = _font_for("".join(sorted(set("".join(frequencies["word"].astype(str))))))
    if not by_article:
        cloud = word_cloud(
            frequencies,
            width=CLOUDS.width,
            height=CLOUDS.height,
            max_words=CLOUDS.max_words,
            font_path=words_font,
        )
        return _titled([(cloud.to_image(), "")], title, columns=1)
    words = frequencies.groupby("article_id", sort=False)["count"].sum()
    shown, note = _most_used(words.to_frame().T, CLOUDS.max_clouds, "词数最多", rest="")
    ids = list(shown.columns)
    title += note
    tiles = [
        (
            word_cloud(
                frequencies[frequencies["article_id"] == article_id],
                width=CLOUDS.cell_width,
                height=CLOUDS.cell_height,
                max_words=CLOUDS.cell_words,
                font_path=words_font,
            ).to_image(),
            str((labels or {}).get(article_id, f"文章 {article_id}")),
        )
        for article_id in ids
    ]
    return _titled(
        tiles or [(Image.new("RGB", (CLOUDS.cell_width, 1), "white"), "")], title, columns=columns
    )


def _titled(tiles: list, title: str, *, columns: int):
    """``tiles`` (image, label) in a grid of ``columns`` on white, ``title`` above."""
    from PIL import Image, ImageDraw, ImageFont

    font = str(cjk_font())
    heading = ImageFont.truetype(font, CLOUDS.title_size)
    caption = ImageFont.truetype(font, CLOUDS.label_size)
    tile_w = max(image.width for image, _ in tiles)
    tile_h = max(image.height for image, _ in tiles)
    label_h = CLOUDS.label_size + CLOUDS.gap if any(label for _, label in tiles) else 0
    top = CLOUDS.title_size + 2 * CLOUDS.gap
    rows = -(-len(tiles) // columns)
    canvas = Image.new(
        "RGB",
        (
            columns * tile_w + (columns + 1) * CLOUDS.gap,
            top + rows * (label_h + tile_h + CLOUDS.gap),
        ),
        "white",
    )
    draw = ImageDraw.Draw(canvas)
    draw.text((canvas.width / 2, CLOUDS.gap), title, font=heading, fill="black", anchor="ma")
    for index, (image, label) in enumerate(tiles):
        x = CLOUDS.gap + (index % columns) * (tile_w + CLOUDS.gap)
        y = top + (index // columns) * (label_h + tile_h + CLOUDS.gap)
        if label:
            draw.text((x + tile_w / 2, y), label, font=caption, fill="black", anchor="ma")
        canvas.paste(image, (x, y + label_h))
    canvas.info["Description"] = "；".join([title, *(label for _, label in tiles if label)])
    return canvas


_QUALIFIER_MARKS = {"at_least": "≥", "at_most": "≤", "over": ">", "approx": "≈"}
_BASIS_NAMES = {"yoy": "同比", "mom": "环比", "vs_prev_year": "比上年"}
_CATEGORY_NAMES = CATEGORY_LABELS


def short_titles(articles: pd.DataFrame, *, width: int = 12) -> dict:
    """article_id → a short label: the headline cut to ``width``, or the item's kind."""
    names = {}
    for row in articles.itertuples(index=False):
        title = text_or(row.headline, "图片" if row.kind == "photo" else f"文章{row.article_id}")
        names[row.article_id] = title if len(title) <= width else title[: width - 1] + "…"
    return names


_CONTEXT = 8  # characters of the sentence before a figure, where it names no subject
# What stands between those words and the figure: a basis, a change verb, a qualifier.
_FOOTNOTE_MARK = re.compile(r"[［\[]\d+[］\]]")  # 产能利用率［15］: a communiqué's note number
_CONTEXT_TAIL = re.compile(
    r"(?:比上年|比上月|同比|环比|增长|增加|上涨|提高|上升|下降|减少|降低|下跌|回落"
    r"|[，,、：:\s]|约|近|超|逾|达|为|是|了)+$"
)


def _what(row) -> str:
    """What a bar measures: the figure's subject, else the words before it in its sentence
    (``…带动就业`` where no subject was read)."""
    subject = text_or(row.subject)
    if subject:
        return subject
    sentence = text_or(row.sentence)
    at = sentence.find(text_or(row.text))
    before = sentence[:at] if at > 0 else ""
    words = _CONTEXT_TAIL.sub("", _FOOTNOTE_MARK.sub("", before))[-_CONTEXT:]
    return f"…{words}" if words else text_or(row.text)


@dataclass
class _Bars:
    """Bars grouped by article: each article's title on a line of its own above its bars,
    each bar labelled with what it measures (kept distinct within its article)."""

    rows: pd.DataFrame  # the figures drawn, in drawing order (top first)
    positions: list[float]  # y of each bar
    ticks: list[float]  # y of every label: headers and bars
    labels: list[str]
    headers: list[float]  # y of the article headers
    note: str  # what was left out, or ""


def _grouped_bars(data: pd.DataFrame, titles: dict, *, key: str, max_bars: int) -> _Bars:
    """Lay out ``data`` (figures) as bars grouped by article, keeping the ``max_bars`` with
    the largest ``abs(key)`` where there are more (in page order still)."""
    note = ""
    if len(data) > max_bars:
        kept = data[key].abs().sort_values(ascending=False, kind="stable").index[:max_bars]
        note = f"（图中为数值最大的{max_bars}项，共{len(data)}项；其余见下表）"
        data = data.loc[sorted(kept)]
    positions, ticks, labels, headers = [], [], [], []
    y = 0.0
    for article_id, part in data.groupby("article_id", sort=False):
        headers.append(y)
        ticks.append(y)
        labels.append(f"【{titles.get(article_id, article_id)}】")
        seen: dict[str, int] = {}
        for row in part.itertuples():
            y += 1
            positions.append(y)
            ticks.append(y)
            labels.append(_distinct(_what(row), text_or(row.text), seen))
        y += 1.3  # a gap before the next article
    return _Bars(data, positions, ticks, labels, headers, note)


def _distinct(what: str, text: str, seen: dict[str, int]) -> str:
    """``what``; a second one in the article with its figure (奖励（15万元）); a third alike
    with its place (资助金额（305亿元，第2处）)."""
    label = what
    for candidate in (what, f"{what}（{text}）"):
        label = candidate
        if candidate not in seen:
            break
    seen[label] = seen.get(label, 0) + 1
    if seen[label] == 1:
        return label
    return f"{what}（{text}，第{seen[label]}处）"


def _draw_groups(ax, bars: _Bars) -> None:
    """Tick labels (article headers in colour) and the top-down order."""
    ax.set_yticks(bars.ticks, bars.labels)
    for tick, position in zip(ax.get_yticklabels(), bars.ticks, strict=True):
        if position in bars.headers:  # the font has no bold face: headers stand out by colour
            tick.set_color("#1f3b73")
    ax.invert_yaxis()
    ax.tick_params(axis="y", length=0)


def _no_data(title: str, message: str) -> plt.Figure:
    fig, ax = _figure(8, 2)
    ax.text(0.5, 0.5, message, ha="center", va="center", fontsize=12)
    ax.set_axis_off()
    ax.set_title(title)
    return fig


def money_chart(
    figures: pd.DataFrame,
    articles: pd.DataFrame,
    *,
    title: str = "金额（元，对数坐标）",
    max_bars: int = MAX_BARS,
) -> plt.Figure:
    """Every yuan amount as a horizontal bar on a log scale, grouped by article and labelled
    with what it is for, coloured by category, qualifiers marked (≥ 不少于, ≤ 最高, > 超过,
    ≈ 约). At most ``max_bars`` bars (the largest); the chart says how many it leaves out."""
    from .numbers import format_amount

    figures = body_figures(figures)  # a title repeats a body figure: the body only
    money = figures[(figures["kind"] == "money") & figures["yuan"].notna()].reset_index(drop=True)
    if money.empty:
        return _no_data(title, "本期没有人民币金额")
    bars = _grouped_bars(money, short_titles(articles), key="yuan", max_bars=max_bars)
    money = bars.rows
    fig, ax = _figure(10, max(3, 0.34 * len(bars.ticks) + 1.2))
    categories = list(dict.fromkeys(money["category"].fillna("other")))
    palette = plt.get_cmap("tab20").colors  # more categories than colours: they repeat
    colors = {c: palette[i % len(palette)] for i, c in enumerate(categories)}
    ax.barh(
        bars.positions,
        money["yuan"],
        color=[colors[c] for c in money["category"].fillna("other")],
    )
    _draw_groups(ax, bars)
    ax.set_xscale("log")
    for y, row in zip(bars.positions, money.itertuples(), strict=True):
        mark = _QUALIFIER_MARKS.get(text_or(row.qualifier), "")
        ax.text(row.yuan, y, f" {mark}{format_amount(row.yuan)}", va="center", fontsize=9)
    handles = [plt.Rectangle((0, 0), 1, 1, color=colors[c]) for c in categories]
    ax.legend(  # beside the bars, never over their amounts
        handles,
        [_CATEGORY_NAMES.get(c, c) for c in categories],
        title="类别",
        loc="upper left",
        bbox_to_anchor=(1.01, 1),
    )
    ax.set_xlim(right=money["yuan"].max() * 30)
    ax.set_title(title + bars.note)
    ax.set_xlabel("元（≥ 不少于　≤ 最高　> 超过　≈ 约；正文中的金额，标题不计）")
    return fig


def growth_chart(
    figures: pd.DataFrame,
    articles: pd.DataFrame,
    *,
    title: str = "增长与变化",
    max_bars: int = MAX_BARS,
) -> plt.Figure:
    """Growth figures (per cent) and percentage-point changes as diverging bars grouped by
    article, each labelled with what grew and its basis (同比, 环比, 比上年). At most
    ``max_bars`` bars a panel (the largest changes); the chart says how many it leaves out."""
    figures = body_figures(figures)  # a title repeats a body figure: the body only
    changes = figures[figures["kind"].isin(["growth", "pp"])].reset_index(drop=True)
    if changes.empty:
        return _no_data(title, "本期没有增长或百分点变化数字")
    titles = short_titles(articles)
    panels = [
        (kind, _grouped_bars(part, titles, key="pct", max_bars=max_bars))
        for kind in ("growth", "pp")
        if len(part := changes[changes["kind"] == kind])
    ]
    cjk_font()
    heights = [max(1.5, 0.34 * len(bars.ticks) + 0.8) for _, bars in panels]
    fig, axes = plt.subplots(
        len(panels),
        1,
        figsize=(9, sum(heights) + 1),
        layout="constrained",
        height_ratios=heights,
        squeeze=False,
    )
    for ax, (kind, bars) in zip(axes[:, 0], panels, strict=True):
        _change_panel(ax, kind, bars)
    fig.suptitle(title)
    return fig


def _change_panel(ax, kind: str, bars: _Bars) -> None:
    part = bars.rows
    bars.labels = [
        f"{label}（{_BASIS_NAMES[row.basis]}）"
        if row is not None and row.basis in _BASIS_NAMES
        else label
        for label, row in zip(bars.labels, _with_headers(bars), strict=True)
    ]
    values = part["pct"].to_numpy(dtype=float)
    ax.barh(bars.positions, values, color=["#2e8b57" if v >= 0 else "#c0392b" for v in values])
    _draw_groups(ax, bars)
    ax.axvline(0, color="black", linewidth=0.8)
    unit = "%" if kind == "growth" else "个百分点"
    for y, value in zip(bars.positions, values, strict=True):
        ha = "left" if value >= 0 else "right"
        ax.text(value, y, f" {value:+g}{unit} ", va="center", ha=ha, fontsize=9)
    limit = max(abs(values).max() * 1.4, 1)
    ax.set_xlim(-limit, limit)
    axis = "增长（%）" if kind == "growth" else "变化（百分点）"
    ax.set_xlabel(f"{axis}，正文数字{bars.note}")


def _with_headers(bars: _Bars) -> list:
    """The figure row of each tick (None for an article header), in tick order."""
    rows = iter(bars.rows.itertuples())
    return [None if y in bars.headers else next(rows) for y in bars.ticks]


def shares_chart(
    figures: pd.DataFrame,
    articles: pd.DataFrame,
    *,
    title: str = "占比",
    max_bars: int = MAX_BARS,
) -> plt.Figure:
    """Shares (percent figures: 70%, 七成) as bars from 0 to 100, grouped by article and
    labelled with whose share it is."""
    shares = body_figures(figures)
    shares = shares[shares["kind"] == "percent"].reset_index(drop=True)
    if shares.empty:
        return _no_data(title, "本期没有占比数字")
    bars = _grouped_bars(shares, short_titles(articles), key="pct", max_bars=max_bars)
    fig, ax = _figure(9, max(2.5, 0.34 * len(bars.ticks) + 1))
    ax.barh(bars.positions, bars.rows["pct"], color="#7b68ee")
    _draw_groups(ax, bars)
    for y, row in zip(bars.positions, bars.rows.itertuples(), strict=True):
        mark = _QUALIFIER_MARKS.get(text_or(row.qualifier), "")
        ax.text(row.pct, y, f" {mark}{row.pct:g}%", va="center", fontsize=9)
    ax.set_xlim(0, 110)
    ax.set_xlabel(f"%（正文数字）{bars.note}")
    ax.set_title(title)
    return fig


def money_trend_chart(money: pd.DataFrame, *, title: str = "各期金额（按类别）") -> plt.Figure:
    """Stacked bars of yuan totals per period and category (from trends.money_by_period)."""
    if money.empty:
        return _no_data(title, "没有人民币金额")
    fig, ax = _figure(10, 4.5)
    bottom = np.zeros(len(money))
    colors = plt.get_cmap("tab10").colors
    x = [str(p) for p in money.index]
    peak = money.sum(axis=1).max()
    scale, unit = next(
        (f, u)
        for f, u in ((1e12, "万亿元"), (1e8, "亿元"), (1e4, "万元"), (1, "元"))
        if peak >= f or f == 1
    )
    for index, category in enumerate(money.columns):
        ax.bar(
            x,
            money[category] / scale,
            bottom=bottom,
            label=_CATEGORY_NAMES.get(category, category),
            color=colors[index % len(colors)],
        )
        bottom += money[category].to_numpy() / scale
    ax.set_ylabel(unit)
    ax.set_title(title)
    ax.legend(ncols=4, frameon=False)
    ax.tick_params(axis="x", rotation=45 if len(x) > 8 else 0)
    return fig


def growth_trend_chart(growth: pd.DataFrame, *, title: str = "增长数字随时间") -> plt.Figure:
    """Each growth figure as a point: issue date against per cent, coloured by basis."""
    if growth.empty:
        return _no_data(title, "没有增长数字")
    fig, ax = _figure(10, 4.5)
    for basis, part in growth.groupby(growth["basis"].fillna("none"), sort=True):
        ax.scatter(
            part["issue_date"],
            part["pct"].clip(-100, 300),
            s=12,
            alpha=0.6,
            label=_BASIS_NAMES.get(basis, "未说明"),
        )
    ax.axhline(0, color="black", linewidth=0.8)
    ax.set_ylabel("增长（%，截于-100至300）")
    ax.set_title(title)
    ax.legend(title="基准", frameon=False, loc="upper left", bbox_to_anchor=(1.01, 1))
    return fig


def topic_trend_chart(shares: pd.DataFrame, *, title: str = "主题占比随时间") -> plt.Figure:
    """Stacked areas of topic shares per period (from trends.topic_shares_by_period)."""
    if shares.empty:
        return _no_data(title, "没有主题词")
    fig, ax = _figure(10, 4.5)
    x = [str(p) for p in shares.index]
    ax.stackplot(
        range(len(x)), *[shares[c] for c in shares.columns], labels=list(shares.columns), alpha=0.85
    )
    ax.set_xticks(range(len(x)), x, rotation=45 if len(x) > 8 else 0)
    ax.set_ylim(0, 1)
    ax.set_ylabel("占比")
    ax.set_title(title)
    ax.legend(ncols=5, loc="upper center", bbox_to_anchor=(0.5, -0.15), frameon=False)
    return fig


def places_trend_chart(places: pd.DataFrame, *, title: str = "各地被提及次数随时间") -> plt.Figure:
    """Lines of mentions per period of the most named places (trends.places_by_period)."""
    if places.empty:
        return _no_data(title, "没有地名")
    fig, ax = _figure(10, 4.5)
    x = [str(p) for p in places.index]
    colors = plt.get_cmap("tab10").colors
    for index, place in enumerate(places.columns):
        ax.plot(range(len(x)), places[place], marker="o", label=place, color=colors[index % 10])
    ax.set_xticks(range(len(x)), x, rotation=45 if len(x) > 8 else 0)
    ax.set_ylabel("提及次数")
    ax.set_title(title)
    ax.legend(ncols=4, loc="upper center", bbox_to_anchor=(0.5, -0.15), frameon=False)
    return fig


def moving_words_chart(moving: pd.DataFrame, *, title: str = "升降最多的词") -> plt.Figure:
    """Diverging bars of the change in each word's share between the first and last period."""
    if moving.empty:
        return _no_data(title, "只有一期，无从比较")
    data = moving.sort_values("change")
    fig, ax = _figure(8, max(3, 0.32 * len(data) + 1))
    ax.barh(
        data["word"],
        data["change"],
        color=["#c0392b" if v < 0 else "#2e8b57" for v in data["change"]],
    )
    ax.axvline(0, color="black", linewidth=0.8)
    ax.set_xlabel("占比变化（每万词）")
    ax.set_title(title)
    return fig


def ranked_bars(
    values: pd.Series,
    *,
    title: str,
    xlabel: str,
    top: int = 15,
    label=None,
    color: str = "#3b6ea8",
) -> plt.Figure:
    """Horizontal bars of the ``top`` largest ``values`` (a Series indexed by name),
    largest first; ``label`` formats the number written beside each bar (default: as is).
    The axis says how many are left out."""
    values = values.dropna().sort_values(ascending=False)
    if values.empty:
        return _no_data(title, "没有可画的数据")
    shown = values.head(top).iloc[::-1]
    fig, ax = _figure(8, max(2.5, 0.32 * len(shown) + 1.2))
    ax.barh([str(name) for name in shown.index], shown.to_numpy(), color=color)
    for y, value in enumerate(shown.to_numpy()):
        ax.text(value, y, f" {label(value) if label else value}", va="center", fontsize=9)
    note = f"（图中为最多的{len(shown)}项，共{len(values)}项）" if len(values) > len(shown) else ""
    ax.set_xlabel(xlabel + note)
    ax.set_title(title)
    ax.margins(x=0.2)
    return fig


def places_chart(found: pd.DataFrame, *, level: str = "county", top: int = 15) -> plt.Figure:
    """Mentions of places (from :func:`helpers.entities.entities`) rolled up to ``level``
    (county, city, province or country; a place without one keeps its own name)."""
    places = found[(found["type"] == "place") & (found["role"] == "mention")]
    names = places[level].where(places[level].notna(), places["name"])
    counts = places.groupby(names.to_numpy())["count"].sum()
    return ranked_bars(
        counts, title=f"被提及的地方（按{_LEVEL_NAMES[level]}汇总）", xlabel="提及次数", top=top
    )


def money_by_place_chart(money: pd.DataFrame, *, top: int = 15) -> plt.Figure:
    """Yuan by place (from :func:`helpers.entities.money_by_place`)."""
    from .numbers import format_amount

    totals = money.groupby("place")["yuan"].sum()
    return ranked_bars(
        totals / 1e8,
        title="金额按地方",
        xlabel="亿元（一笔金额计入其句中或文章中的每个地方）",
        top=top,
        label=lambda v: format_amount(v * 1e8),
        color="#c8553d",
    )


_LEVEL_NAMES = {"county": "区县", "city": "城市", "province": "省级", "country": "国家"}
