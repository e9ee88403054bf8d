"""Line roles: which lines of an unindented page open an item, by the evidence of the text.

Indentation tells a People's Daily page's headlines from its body; a page pasted from the
web (a blank line after every line) or flattened (no indentation, no blank lines) has no
such cue, and about two thirds of its items open with no dateline. So each paragraph gets
evidence from its own text (length, punctuation, column tags, numbering, a dateline or a
credit pattern) and from its neighbours (what precedes and follows it, and whether the
vocabulary changes across it), and a small model weighs the evidence:

- :func:`line_features` names the evidence of every paragraph (booleans);
- :data:`MODEL` holds a weight per feature and label (``start`` of a title block, a further
  ``title`` line, or ``body``), read from ``data/lexicon/line_model.csv``, a table that
  ``scripts/train_line_model.py`` fits on the People's Daily corpus re-rendered without
  indentation (multinomial logistic regression; edit or refit it, the code only reads it);
- :func:`label_lines` decodes the most likely labels of the whole page at once (Viterbi),
  so that a title block is one start and at most two more title lines;
- :func:`apply_line_labels` gives the paragraphs their roles: a title line becomes
  ``title`` (and the first of a block ``starts`` an item), a headline-shaped line the model
  reads as body becomes a ``subhead``. Dateline, byline, credit, author and furniture lines
  keep the roles their patterns gave them.
"""

from __future__ import annotations

import csv
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .paragraphs import Layout, Paragraph, is_bare_name
from .paths import LEXICON_DIR

__all__ = [
    "LABELS",
    "MODEL_PATH",
    "LineModel",
    "line_features",
    "label_lines",
    "apply_line_labels",
    "model",
]

MODEL_PATH = LEXICON_DIR / "line_model.csv"
LABELS = ("start", "title", "body")
_TERMINAL = "。！？!?…"
_NUMBERED = re.compile(
    r"^(?:[一二三四五六七八九十]+[、是]|[（(][一二三四五六七八九十\d]+[）)]|[①-⑳]|\d+[、.．]"
    r"|第[一二三四五六七八九十]+[，、：:])"
)
_TAG = re.compile(r"[（(][^（）()\d]{2,30}[）)]$")
_NOT_CJK = re.compile(r"[^\u4e00-\u9fff]+")
_LENGTHS = ((6, "len<=6"), (12, "len7-12"), (20, "len13-20"), (30, "len21-30"), (48, "len31-48"))
_PATTERN_ROLES = ("furniture", "jump", "closing", "credit", "dateline", "author")
# The features of a neighbour that the model sees (a subset: its shape and pattern role).
_NEIGHBOUR = (
    "ends_terminal",
    "role_dateline",
    "role_author",
    "role_credit",
    "role_closing",
    "role_furniture",
    "shaped",
    "long",
    "starts_dash",
    "tag_end",
    "numbered",
    "len<=6",
    "ends_colon",
)
PROSE = {"prose": True}  # the evidence of a paragraph that cannot be a title line
_WINDOW_CHARS = 300
_LONG_TITLE_CHARS = 120
_LONG_WINDOW_CHARS = 1200
_SERIES_SPAN = 12  # paragraphs either way in which a parallel subhead is looked for
# Labels of photo items and digests that head an item of their own.
_ITEM_LABEL = re.compile(
    r"^(?:图片报道|图片新闻|摄影报道|新闻图片|图说|组图|新闻速递|资讯速递|环球扫描)$"
)
# Labels inside an item, never its title: of 110 such lines on the 2,178 corpus pages not one
# opens an item (■记者手记, 图片说明：, 延伸阅读, 链  接, 注：以上为…).
INSIDE_LABELS = (
    "图片说明 资料照片 链接 相关链接 背景链接 延伸阅读 记者手记 点评 编后 短评 小资料"
).split()
_INSIDE_LABEL = re.compile(
    r"""^[■●◆▲□]?[ \u3000]*               # an optional bullet
        (?:{labels})[:：]?$                   # a label alone (spaces inside squeezed first)
      | ^注[:：]                              # a note: 注：以上为…
    """.format(labels="|".join(INSIDE_LABELS)),
    re.VERBOSE,
)


def _ends_terminal(text: str) -> bool:
    return text[-1] in _TERMINAL or (
        len(text) > 1 and text[-1] in "”’」』" and text[-2] in _TERMINAL
    )


def _length_feature(text: str) -> str:
    return next((name for limit, name in _LENGTHS if len(text) <= limit), "len>48")


def _own_features(paragraph: Paragraph) -> dict[str, bool]:
    """The evidence of one paragraph's own text and pattern role."""
    text = paragraph.text
    commas = len(re.findall("[，,]", text))
    features = {
        _length_feature(text): True,
        "long": len(text) > 80,
        "ends_terminal": _ends_terminal(text),
        "ends_colon": text[-1] in "：:",
        "ends_comma": text[-1] in "，,、；;",
        "ends_dash": text.endswith("——"),
        "period_inside": "。" in text[:-1],
        "commas0": commas == 0,
        "commas1": commas == 1,
        "starts_dash": text.startswith(("——", "—")),
        "numbered": bool(_NUMBERED.match(text)),
        "tag_end": bool(_TAG.search(text)),
        "inner_space": " " in text or "\u3000" in text,
        "quoted": text.startswith("“") and text.endswith("”"),
        "digits": bool(re.search(r"\d", text)),
        "bare_name": is_bare_name(text),
        "shaped": paragraph.role == "title",
        "item_label": bool(_ITEM_LABEL.match(text)),
        "inside_label": bool(_INSIDE_LABEL.match(re.sub(r"(?<=\S)[ \u3000]+(?=\S)", "", text))),
        "indent": paragraph.indent,
        "gap": paragraph.gap > 0,
    }
    if paragraph.role in _PATTERN_ROLES:
        features["role_" + paragraph.role] = True
    return {name: value for name, value in features.items() if value}


def _bigrams(text: str) -> set[str]:
    chars = _NOT_CJK.sub("", text)
    return set(map(str.__add__, chars, chars[1:]))


class _Bigrams:
    """The character bigrams of each paragraph, computed when first asked for."""

    def __init__(self, paragraphs: list[Paragraph]):
        self.paragraphs = paragraphs
        self.found: list[set[str] | None] = [None] * len(paragraphs)

    def __len__(self) -> int:
        return len(self.paragraphs)

    def __getitem__(self, index: int) -> set[str]:
        found = self.found[index]
        if found is None:
            found = self.found[index] = _bigrams(self.paragraphs[index].text)
        return found


def _window(
    bigrams: _Bigrams, sizes: list[int], start: int, step: int, chars: int = _WINDOW_CHARS
) -> set[str]:
    """The character bigrams of about ``chars`` characters of text from ``start`` on, one way."""
    parts = []
    size, index = 0, start
    while 0 <= index < len(bigrams) and size < chars:
        parts.append(bigrams[index])
        size += sizes[index]
        index += step
    return set().union(*parts)  # one union of all the parts: no set built per step


def _shift_features(bigrams: _Bigrams, sizes: list[int], index: int) -> dict[str, bool]:
    """Does the vocabulary change across this line (a new story), and whose words are its own?"""
    before = _window(bigrams, sizes, index - 1, -1)
    after = _window(bigrams, sizes, index + 1, 1)
    union = len(before | after)
    overlap = len(before & after) / union if union else 0.0
    # the words before and after it: hardly any in common, some, or many
    bucket = (
        "words_differ" if overlap < 0.05 else "words_overlap" if overlap < 0.12 else "words_shared"
    )
    features = {bucket: True}
    earlier = _window(bigrams, sizes, index - 1, -1, _LONG_WINDOW_CHARS)
    kept = len(after & earlier) / len(after) if after else 0.0
    features[
        "story_goes_on" if kept >= 0.25 else "story_changes" if kept < 0.12 else "story_mid"
    ] = True
    own = bigrams[index]
    if own:
        ahead, behind = len(own & after) / len(own), len(own & before) / len(own)
        features["own_words_ahead"] = ahead > behind + 0.1
        features["own_words_behind"] = behind > ahead + 0.1
    return features


_BOUNDARY_FEATURES = tuple("role_" + role for role in _PATTERN_ROLES)


def _has_parallel(paragraphs: list[Paragraph], own: list[dict], index: int) -> bool:
    """Is a short headline-shaped line one of a series (立党为公 … 为民造福 … 科学决策)?
    Another such line of about its length, a few paragraphs away with body text between and
    no dateline, credit, author or furniture line (an item's edge) in between."""
    length = len(paragraphs[index].text)
    if length > 16:
        return False
    for step in (-1, 1):
        other = index + step
        while 0 <= other < len(paragraphs) and abs(other - index) <= _SERIES_SPAN:
            if any(own[other].get(name) for name in _BOUNDARY_FEATURES):
                break
            alike = abs(len(paragraphs[other].text) - length) <= 2
            if abs(other - index) > 2 and own[other].get("shaped") and alike:
                return True
            other += step
    return False


def _may_be_title(features: dict[str, bool]) -> bool:
    """Could a paragraph with this evidence be a title line? Long prose that ends a
    sentence cannot, nor a label inside an item; only the others get the (costlier)
    vocabulary features."""
    if features.get("inside_label"):
        return False
    return not (features.get("ends_terminal") and (features.get("len>48") or features.get("long")))


# Pairs of evidence that mean more together than apart (the model adds weights, so it
# cannot see "a headline-shaped line after a finished sentence" unless it is named).
_CONJUNCTIONS = (
    ("shaped", "prev:ends_terminal"),
    ("shaped", "next:role_dateline"),
    ("shaped", "next:role_author"),
    ("shaped", "next:long"),
    ("shaped", "prev:role_closing"),
    ("shaped", "prev:role_credit"),
    ("shaped", "prev:role_author"),
    ("shaped", "prev:shaped"),
    ("shaped", "next:shaped"),
    ("shaped", "words_differ"),
    ("shaped", "own_words_ahead"),
    ("shaped", "story_changes"),
    ("shaped", "story_goes_on"),
    ("parallel_subheads", "story_goes_on"),
    ("tag_end", "prev:ends_terminal"),
    ("len<=6", "next:shaped"),
    ("numbered", "shaped"),
    ("starts_dash", "prev:shaped"),
    ("starts_dash", "prev:ends_terminal"),
)


def _add_conjunctions(row: dict[str, bool]) -> None:
    for first, second in _CONJUNCTIONS:
        if row.get(first) and row.get(second):
            row[f"{first}&{second}"] = True


def line_features(paragraphs: list[Paragraph], layout: Layout) -> list[dict[str, bool]]:
    """The named evidence of every paragraph: its own, its neighbours', the page's.

    >>> from helpers.paragraphs import split_paragraphs
    >>> page = ("春风里的新课堂（人民时评）\\n李  明\\n"
    ...         "开学第一课讲什么？各地学校各有答案，也各有讲法。")
    >>> evidence = line_features(*split_paragraphs(page))[0]
    >>> [name for name in sorted(evidence) if name.startswith(("shaped&", "tag"))]
    ['shaped&next:role_author', 'shaped&story_changes', 'shaped&words_differ', 'tag_end']
    """
    own = [_own_features(p) for p in paragraphs]
    bigrams = _Bigrams(paragraphs)
    sizes = [len(p.text) for p in paragraphs]
    rows = []
    for index, features in enumerate(own):
        if not _may_be_title(features):
            rows.append(PROSE)  # a finished sentence of prose: body, no need to weigh it
            continue
        row = dict(features)
        row.update(_shift_features(bigrams, sizes, index))
        for name, offset in (("prev", -1), ("next", 1), ("next2", 2)):
            other = index + offset
            if 0 <= other < len(own):
                row.update((f"{name}:{k}", True) for k in _NEIGHBOUR if own[other].get(k))
            else:
                row[f"{name}:none"] = True
        if features.get("shaped") and _has_parallel(paragraphs, own, index):
            row["parallel_subheads"] = True
        _add_conjunctions(row)
        if index == 0:
            row["first"] = True
        if layout.has_datelines:
            row["page_has_datelines"] = True
        rows.append({name: value for name, value in row.items() if value})
    return rows


@dataclass(frozen=True)
class LineModel:
    """Weights of the evidence for each label, and a bias per label."""

    weights: dict[str, dict[str, float]]  # feature -> label -> weight
    bias: dict[str, float]

    def log_scores(self, features: dict[str, bool]) -> dict[str, float]:
        """Log-probabilities of the labels of one paragraph given its evidence."""
        scores = dict(self.bias)
        for name in features:
            for label, weight in self.weights.get(name, {}).items():
                scores[label] += weight
        top = max(scores.values())
        total = math.log(sum(math.exp(s - top) for s in scores.values())) + top
        return {label: score - total for label, score in scores.items()}

    def evidence(
        self, features: dict[str, bool], label: str, top: int = 4
    ) -> list[tuple[str, float]]:
        """The features that weigh most for ``label`` against the other labels."""

        def margin(name: str) -> float:
            weights = self.weights.get(name, {})
            others = [weights.get(other, 0.0) for other in LABELS if other != label]
            return weights.get(label, 0.0) - max(others)

        ranked = sorted(features, key=margin, reverse=True)
        return [(name, round(margin(name), 2)) for name in ranked[:top] if margin(name) > 0]


def read_model(path: str | Path = MODEL_PATH) -> LineModel:
    """The model table: one row per feature (``(bias)`` for the bias), a weight per label."""
    weights: dict[str, dict[str, float]] = {}
    bias = dict.fromkeys(LABELS, 0.0)
    with Path(path).open(encoding="utf-8") as table:
        for row in csv.DictReader(table):
            values = {label: float(row[label]) for label in LABELS}
            if row["feature"] == "(bias)":
                bias = values
            else:
                weights[row["feature"]] = values
    return LineModel(weights, bias)


@lru_cache(maxsize=1)
def model() -> LineModel:
    """The shipped model (``data/lexicon/line_model.csv``), read once per process."""
    return read_model(MODEL_PATH)


# Which label may follow which: a title block is a start and at most two more title lines.
_STATES = ("start", "title1", "title2", "body")
_ALLOWED = {
    "start": ("start", "title1", "body"),
    "title1": ("start", "title2", "body"),
    "title2": ("start", "body"),
    "body": ("start", "body"),
}
_LABEL_OF = {"start": "start", "title1": "title", "title2": "title", "body": "body"}


_BODY = {"start": -math.inf, "title": -math.inf, "body": 0.0}
_PREVIOUS = {state: [p for p in _STATES if state in _ALLOWED[p]] for state in _STATES}


def _viterbi(emissions: list[dict[str, float]]) -> list[str]:
    """The best sequence of states under :data:`_ALLOWED`, as labels."""
    first = emissions[0]
    best = {s: first[_LABEL_OF[s]] if s in ("start", "body") else -math.inf for s in _STATES}
    back: list[dict[str, str]] = []
    for scores in emissions[1:]:
        origins = {s: max(_PREVIOUS[s], key=best.__getitem__) for s in _STATES}
        best = {s: best[origins[s]] + scores[_LABEL_OF[s]] for s in _STATES}
        back.append(origins)
    state = max(best, key=best.__getitem__)
    path = [state]
    for origins in reversed(back):
        state = origins[state]
        path.append(state)
    return [_LABEL_OF[s] for s in reversed(path)]


def label_lines(
    paragraphs: list[Paragraph], layout: Layout, line_model: LineModel | None = None
) -> tuple[list[str], list[dict[str, bool]]]:
    """The most likely label of every paragraph (``start``, ``title``, ``body``), and the
    evidence behind each."""
    if not paragraphs:
        return [], []
    line_model = line_model or model()
    features = line_features(paragraphs, layout)
    emissions = [_BODY if f is PROSE else line_model.log_scores(f) for f in features]
    labels = _viterbi(emissions)
    _title_blocks_over_datelines(paragraphs, labels)
    return labels, features


def _unfinished(paragraph: Paragraph) -> bool:
    """Headline-shaped, or a long line that ends no sentence (a long headline over a dateline:
    全国人大宪法和法律委员会召开全体会议对…草案进行统一审议)."""
    if paragraph.role == "title":
        return True
    text = paragraph.text
    return paragraph.role == "body" and len(text) <= _LONG_TITLE_CHARS and not _ends_terminal(text)


def _opens_story(paragraph: Paragraph) -> bool:
    """A dateline, or an author line that stands under a headline (李  明, 作者：李明)."""
    if paragraph.role == "dateline":
        return True
    text = paragraph.text.strip()
    return paragraph.role == "author" and (is_bare_name(text) or text.startswith("作者"))


def _title_blocks_over_datelines(paragraphs: list[Paragraph], labels: list[str]) -> None:
    """Headline-shaped lines right above a dateline (or a commentary's author line) are its
    item's title block, whatever the weights say: up to three, the first of them the start
    (稳外贸 促消费 / 我市出台20条… / ——全年… / 本报讯（记者…）)."""
    for index, paragraph in enumerate(paragraphs):
        if not _opens_story(paragraph) or labels[index] != "body":
            continue
        first = index
        while first > 0 and index - first < 3 and _unfinished(paragraphs[first - 1]):
            first -= 1
        if first < index:
            labels[first:index] = ["start"] + ["title"] * (index - first - 1)
            for line in paragraphs[first:index]:
                line.evidence = _OVER_OPENING


_KEPT_ROLES = frozenset(_PATTERN_ROLES)
_OVER_OPENING = "over a dateline or author line: headline-shaped lines right above it"


def _evidence_text(label: str, features: dict[str, bool], line_model: LineModel) -> str:
    if features is PROSE:
        return "prose: a long finished sentence"
    weighed = ", ".join(
        f"{name} {weight:+.1f}" for name, weight in line_model.evidence(features, label)
    )
    said = _LABEL_SAYS[label]
    return f"line model, {said}: {weighed}" if weighed else f"line model, {said}"


# What each label means, as line_roles' evidence says it.
_LABEL_SAYS = {
    "start": "opens an item",
    "title": "goes on with the title block",
    "body": "text of the item, no headline",
}


def apply_line_labels(
    paragraphs: list[Paragraph],
    labels: list[str],
    features: list[dict[str, bool]] | None = None,
    line_model: LineModel | None = None,
) -> None:
    """Give the paragraphs the roles their labels say; pattern roles stay as they are. With
    the features, each paragraph's evidence names the features that weighed most."""
    for index, (paragraph, label) in enumerate(zip(paragraphs, labels, strict=True)):
        if paragraph.role in _KEPT_ROLES:
            continue
        if features is not None and paragraph.evidence != _OVER_OPENING:
            paragraph.evidence = _evidence_text(label, features[index], line_model or model())
        if label == "body":
            paragraph.role = "subhead" if paragraph.role == "title" else paragraph.role
            paragraph.starts = False
        else:
            paragraph.role = "title"
            paragraph.starts = label == "start"
