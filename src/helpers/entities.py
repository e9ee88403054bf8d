"""Who and where: the places, organisations and people an article names.

A name is read from the segmenter's words and their part-of-speech tags (rjieba or jieba:
``ns`` place, ``nt`` organisation, ``nr`` person, ``j`` abbreviation), checked against the
place gazetteer (:mod:`helpers.gazetteer`) and the word lists of
``data/lexicon/entity_words.csv``:

- **place**: a run of words that is a place's full name (江北城街道, however the segmenter cut
  it); a word tagged ``ns`` (江北嘴, 东湖) unless listed as no place (上市); a short name of
  the gazetteer (南岸, 重庆) where it is tagged ``ns`` or names a province, city or country; a
  province's one-character name tagged as an abbreviation (在渝, 川渝 as one mention);
- **org**: the longest run of name-like words from a name (a place, an organisation, a common
  start such as 国家) to an organisation's head word (大学, 委员会, 人民政府, 有限公司...):
  重庆市南岸区人民政府, 中国人民银行重庆营业管理部; or one word tagged ``nt`` that ends with
  a head word (工信部, 中科院). Places inside an organisation's name are not places of their own;
- **person**: a word tagged as a person's name that begins with a common surname; and the
  reporters, photographers and authors of the bylines, kept apart (``role`` ``byline``).

Places are normalised with the gazetteer (南岸 → 南岸区) and carry their county, city,
province and country, so they roll up; a name several places share (江北区) is resolved from
the other places of the article, then of the bulletin.

:func:`article_entities` reads one article (the row-level function the archive shares);
:func:`entities` a bulletin's articles; :func:`money_by_place` joins money to places.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache, partial
from itertools import chain

import pandas as pd

from . import tables
from .gazetteer import Place, _support, gazetteer, resolve
from .paragraphs import surnames
from .topics import article_text, tagged_words
from .vocab import entity_words

__all__ = [
    "ENTITY_COLUMNS",
    "Mention",
    "mentions",
    "article_entities",
    "entity_rows",
    "entities",
    "money_by_place",
]

ENTITY_COLUMNS = tables.columns("entities")
_BYLINES = ("reporters", "interns", "correspondents", "photographers", "authors")
# Tags of the words an organisation's name may run through (nouns, names, abbreviations).
_NAME_TAGS = frozenset(
    {"n", "nz", "vn", "nt", "ns", "nr", "j", "eng", "ng", "b", "a", "an", "nrt", "l"}
)
_ORG_START_TAGS = frozenset({"nt", "nz", "j", "eng"})
_PERSON_TAGS = frozenset({"nr", "nrfg"})
_MAX_ORG_WORDS = 7  # words from an organisation's first name to its head word, at most
_MAX_PLACE_WORDS = 4  # words one full place name may be cut into (江北 城 街道)
_ROLLUP = ("county", "city", "province", "country")


@dataclass(frozen=True)
class Mention:
    """One name as it stands in a text: ``type`` place, org or person; ``start``/``end``
    its offsets."""

    text: str
    type: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class _Word:
    text: str
    tag: str
    start: int
    end: int


def _words(text: str, segmenter: str | None) -> list[_Word]:
    words, offset = [], 0
    for word, tag in tagged_words(text, segmenter=segmenter):
        words.append(_Word(word, tag, offset, offset + len(word)))
        offset += len(word)
    return words


@lru_cache(maxsize=1)
def _rules() -> dict[str, dict[str, str]]:
    return entity_words()


@lru_cache(maxsize=65536)
def _ends_with_head(word: str) -> bool:
    rules = _rules()
    if word in rules.get("not_org", {}):
        return False
    heads = rules["org_head"]
    if word in heads:
        return True
    # a one-character head ends a longer word (管理部, 航天局), never a two-character one (全部)
    return any(word.endswith(h) for h in heads if len(h) > 1 or len(word) >= 3)


# --- places -------------------------------------------------------------------------------


@lru_cache(maxsize=65536)
def _is_full_name(text: str) -> bool:
    """A place's full name: a town or county of three characters or more (社区 is the
    name of a town somewhere, and no place here), or a country, province or city."""
    places = gazetteer().full.get(text, [])
    return any(len(text) >= 3 or p.level not in ("town", "county") for p in places)


def _full_place(words: list[_Word], i: int) -> int:
    """The index past the longest run of words from ``i`` that is a place's full name
    in the gazetteer, or ``i`` where none is."""
    text, best, prefixes = "", i, _prefixes()
    for j in range(i, min(i + _MAX_PLACE_WORDS, len(words))):
        text += words[j].text
        if text not in prefixes:
            break
        if len(text) >= 2 and _is_full_name(text):
            best = j + 1
    return best


@lru_cache(maxsize=65536)
def _has_place_suffix(word: str) -> bool:
    suffixes = _rules()["place_suffix"]
    if len(word) == 2:
        return suffixes.get(word[-1]) == "nature"
    return any(word.endswith(suffix) for suffix in suffixes)


def _is_place_word(word: _Word) -> bool:
    """A single word that names a place (see the module's docstring)."""
    if word.text in _rules()["not_place"] or len(word.text) < 2:
        return False
    if _short_name_levels(word.text):
        return True  # a county's short name is kept where the places around confirm it
    return word.tag in ("ns", "nz") and _has_place_suffix(word.text)


_PROPER_TAGS = frozenset({"ns", "nz", "nr", "nrt", "j"})


def _named_with_suffix(words: list[_Word], i: int) -> int:
    """The index past a name followed by place words of their own (复华 路, 北城 街 街道,
    隆林 县), or ``i``."""
    if words[i].tag not in _PROPER_TAGS and not _short_name_levels(words[i].text):
        return i
    suffixes, j = _rules()["place_suffix"], i + 1
    while j < len(words) and words[j].text in suffixes:
        j += 1
    return j if j > i + 1 else i


_SURE_LEVELS = frozenset({"country", "province", "city", "continent"})


@lru_cache(maxsize=65536)
def _short_name_levels(text: str) -> frozenset[str]:
    return frozenset(p.level for p in gazetteer().short.get(text, []))


@lru_cache(maxsize=1)
def _prefixes() -> frozenset[str]:
    """Every beginning of a place's full name: a run of words that is none stops there."""
    return frozenset(name[:k] for name in gazetteer().full for k in range(1, len(name) + 1))


def _abbreviations(words: list[_Word], i: int) -> int:
    """The index past a run of one-character province names tagged as abbreviations."""
    short = _rules()["abbreviation"]
    j = i
    while j < len(words) and words[j].tag == "j" and words[j].text in short:
        j += 1
    return j


def _place_at(words: list[_Word], i: int) -> int:
    """The index past a place name starting at word ``i``, or ``i``."""
    end = _full_place(words, i)
    if end > i:
        return end
    end = _named_with_suffix(words, i)
    if end > i:
        return end
    if _is_place_word(words[i]):
        return i + 1
    return _abbreviations(words, i)


# --- organisations ------------------------------------------------------------------------


def _may_start_org(words: list[_Word], i: int) -> bool:
    word = words[i]
    return (
        word.tag in _ORG_START_TAGS or word.text in _rules()["org_start"] or _place_at(words, i) > i
    )


def _is_org_word(word: _Word) -> bool:
    """One word that is an organisation's name: tagged nt and ending in a head word, or a
    word of three characters ending in a head that names one alone (教育部)."""
    if len(word.text) < 3 or not _ends_with_head(word.text):
        return False
    alone = [h for h, value in _rules()["org_head"].items() if value == "alone"]
    return word.tag in ("nt", "j") or (len(word.text) == 3 and word.text[-1] in alone)


def _org_at(words: list[_Word], i: int) -> int:
    """The index past the longest organisation name starting at word ``i``, or ``i``."""
    if not _may_start_org(words, i):
        return i
    last = i + 1 if _is_org_word(words[i]) else i
    heads = _rules()["org_head"]
    for j in range(i + 1, min(i + _MAX_ORG_WORDS, len(words))):
        if not _inside_name(words[j]) and words[j].text not in heads:
            break
        if _ends_with_head(words[j].text):
            last = j + 1
    return last


def _inside_name(word: _Word) -> bool:
    """A word that may stand inside an organisation's name: a noun or a name, or a
    numeral written in characters (湖南一块医药科技有限公司, 三元基因)."""
    if word.tag in _NAME_TAGS:
        return True
    return word.tag == "m" and all("\u4e00" <= c <= "\u9fff" for c in word.text)


# --- people -------------------------------------------------------------------------------


def _is_person(word: _Word) -> bool:
    if word.tag == "nrt":
        return len(word.text) >= 3
    if word.tag not in _PERSON_TAGS or not 2 <= len(word.text) <= 4:
        return False
    names = surnames()
    return word.text[0] in names or word.text[:2] in names


def mentions(
    text: str, *, context: list[Place] = (), segmenter: str | None = None
) -> list[Mention]:
    """The places, organisations and people ``text`` names, in order.

    Beside the names read word by word (see the module's docstring): the names of an
    enumeration closed by a class of organisations (A、B和C等企业) are organisations; a short
    name defined in brackets (湖南一块医药科技有限公司（简称“一块医药”）) has the type of the
    name before it; a name read once as an organisation is one wherever it recurs in the
    text (one sense per discourse). A county's short name (南岸) is kept where another
    place of its province is named in the text or in ``context``.

    >>> [(m.text, m.type) for m in mentions("重庆市南岸区人民政府与江北嘴的企业在渝签约")]
    [('重庆市南岸区人民政府', 'org'), ('江北嘴', 'place'), ('渝', 'place')]
    """
    words = _words(text, segmenter)
    found = _confirmed(_read_words(text, words), list(context))
    found += _enumerated(text, words) + _defined(text, found)
    return _one_sense(text, found + _coordinated(text, words, found))


def _read_words(text: str, words: list[_Word]) -> list[Mention]:
    found, i = [], 0
    while i < len(words):
        kind, end = _name_at(words, i)
        if end > i:
            start, stop = words[i].start, words[end - 1].end
            found.append(Mention(text[start:stop], kind, start, stop))
            i = end
        else:
            i += 1
    return found


def _only_short_county(text: str) -> bool:
    """A county's or a town's short name (南岸, 长寿), which common words share."""
    levels = _short_name_levels(text)
    return (
        bool(levels)
        and not levels & _SURE_LEVELS
        and not _is_full_name(text)
        and not (_has_place_suffix(text))
    )


def _confirmed(found: list[Mention], context: list[Place]) -> list[Mention]:
    """``found`` without the counties' short names no other place confirms."""
    book = gazetteer()
    sure = [
        p
        for m in found
        if m.type == "place" and not _only_short_county(m.text)
        for p in book.named(m.text)[:1]
    ] + context
    return [
        m
        for m in found
        if m.type != "place"
        or not _only_short_county(m.text)
        or any(_support(p, sure) for p in book.named(m.text))
    ]


# An enumeration closed by 等 and a class of organisations: 三元基因、凯因科技和以岭药业等企业.
_ENUMERATION_END = re.compile(
    r"""
    等
    (?:[0-9０-９一二两三四五六七八九十百千多余几]+ [家所个]?)?   # 等30家: a count
    (?P<cls>{classes})                                            # 企业, 高校, 医院...
    """.replace("{classes}", "|".join(["企业"])),
    re.VERBOSE,
)
_CLAUSE_END = re.compile(r"[。，,；;：:！？!?\n（）()“”\"《》\s]")
_LAST_JOIN = re.compile(r"(?<=..)(?:和|及|与|以及)(?=..)")
_LONGEST_BARE_ITEM = 6  # a longer first item holds words before the name: 解决怡和嘉业
_NOT_IN_NAME = frozenset({"v", "vd", "d", "p", "c", "r", "m", "q", "f", "u", "uj", "ul", "x", "t"})


@lru_cache(maxsize=1)
def _enumeration_end() -> re.Pattern:
    classes = "|".join(sorted(_rules()["org_class"], key=len, reverse=True))
    return re.compile(_ENUMERATION_END.pattern.replace("企业", classes), re.VERBOSE)


def _enumerated(text: str, words: list[_Word]) -> list[Mention]:
    """The names of enumerations of organisations (``A、B和C等企业``)."""
    found = []
    for end in _enumeration_end().finditer(text):
        clause_start = _clause_start(text, end.start())
        items = _items(text, clause_start, end.start(), words)
        found += [Mention(text[a:b], "org", a, b) for a, b in items]
    return found


def _clause_start(text: str, position: int) -> int:
    starts = [m.end() for m in _CLAUSE_END.finditer(text, 0, position)]
    return starts[-1] if starts else 0


def _items(text: str, start: int, end: int, words: list[_Word]) -> list[tuple[int, int]]:
    """The (start, end) of each item of ``text[start:end]`` split at 、 and, in its last
    item, at 和/及/与; the first item trimmed of the words before the names (解决怡和嘉业)."""
    if "、" not in text[start:end] and not _LAST_JOIN.search(text[start:end]):
        return []
    spans, position = [], start
    for part in text[start:end].split("、"):
        spans.append((position, position + len(part)))
        position += len(part) + 1
    last_start, last_end = spans.pop()
    join = _LAST_JOIN.search(text[last_start:last_end])
    spans += (
        [(last_start, last_start + join.start()), (last_start + join.end(), last_end)]
        if join
        else [(last_start, last_end)]
    )
    if spans[0][1] - spans[0][0] > _LONGEST_BARE_ITEM:
        spans[0] = (_name_start(words, spans[0][0], spans[0][1]), spans[0][1])
    return [(a, b) for a, b in spans if 2 <= b - a <= 12]


def _name_start(words: list[_Word], start: int, end: int) -> int:
    """Where the trailing run of name words in ``[start, end)`` begins."""
    starts = [w.start for w in words]
    inside = words[bisect_left(starts, start) : bisect_left(starts, end)]
    first = end
    for word in reversed(inside):
        if word.tag in _NOT_IN_NAME:
            break
        first = word.start
    return first


def _coordinated(text: str, words: list[_Word], found: list[Mention]) -> list[Mention]:
    """The names ending in an organisation's head word listed (A、B、C) beside a name
    already read as an organisation: 教育部、工信部、自然资源部."""
    orgs = {(m.start, m.end) for m in found if m.type == "org"}
    coordinated = []
    for clause in _LIST.finditer(text):
        end = text.find("等", clause.end() - len(clause.group().rsplit("、", 1)[-1]), clause.end())
        items = _items(text, clause.start(), clause.end() if end < 0 else end, words)
        items = [(_name_start(words, *items[0]), items[0][1])] + items[1:] if items else []
        if any(item in orgs for item in items):
            coordinated += [
                Mention(text[a:b], "org", a, b)
                for a, b in items
                if b - a >= 3 and (a, b) not in orgs and _ends_with_head(text[a:b])
            ]
    return coordinated


_LIST = re.compile(
    r"[^。，,；;：:！？!?\n（）()“”\"《》\s、]+(?:、[^。，,；;：:！？!?\n（）()“”\"《》\s、]+)+"
)


# A short name defined in brackets after a name: （简称“一块医药”）, （以下简称腾讯）.
_DEFINED = re.compile(
    r"""
    [（(] (?:以下|下文)? (?:简称|下称)     # the definition's opening
    [“"「]? (?P<alias>[^”"」）)、，]{2,12}) [”"」]?  # the short name, quoted or not
    [）)]
    """,
    re.VERBOSE,
)


def _defined(text: str, found: list[Mention]) -> list[Mention]:
    """Short names defined for a name (of the type of the name just before them)."""
    ends = {m.end: m.type for m in found}
    aliases = []
    for match in _DEFINED.finditer(text):
        kind = ends.get(match.start())
        if kind:
            aliases.append(Mention(match["alias"], kind, match.start("alias"), match.end("alias")))
    return aliases


def _one_sense(text: str, found: list[Mention]) -> list[Mention]:
    """Every occurrence of each organisation's name as an organisation; other names that
    overlap an organisation dropped; in order of position."""
    orgs = sorted({m.text for m in found if m.type == "org"}, key=len, reverse=True)
    taken = [False] * len(text)
    kept = []
    for name in orgs:
        for match in re.finditer(re.escape(name), text):
            if not any(taken[match.start() : match.end()]):
                taken[match.start() : match.end()] = [True] * len(name)
                kept.append(Mention(name, "org", match.start(), match.end()))
    kept += [m for m in found if m.type != "org" and not any(taken[m.start : m.end])]
    return sorted(kept, key=lambda m: m.start)


def _name_at(words: list[_Word], i: int) -> tuple[str, int]:
    """The type of the name starting at word ``i`` and the index past it (``i``: none)."""
    end = _org_at(words, i)
    if end > i:
        return "org", end
    end = _place_at(words, i)
    if end > i:
        return "place", end
    return "person", i + 1 if _is_person(words[i]) else i


# --- rows ---------------------------------------------------------------------------------


def _known(mention_texts, context: list[Place] = ()) -> dict[str, Place | None]:
    """Each place name's place: unambiguous names first, then the others with their help."""
    places = {name: resolve(name) for name in mention_texts}
    places.update(_abbreviated(places))
    sure = [p for p in places.values() if p is not None] + list(context)
    for name, place in places.items():
        if place is None:
            places[name] = resolve(name, sure)
    return places


def _abbreviated(places: dict) -> dict[str, Place | None]:
    short = _rules()["abbreviation"]
    found = {}
    for name in places:
        if len(name) == 1 and name in short:
            found[name] = resolve(short[name])
    return found


def _place_columns(place: Place | None) -> tuple:
    if place is None:
        return (None, None) + (None,) * len(_ROLLUP)
    return (place.name, place.level) + tuple(place.up(level) for level in _ROLLUP)


def _blank() -> tuple:
    return (None, None) + (None,) * len(_ROLLUP)


def _rows_of(record, found: list[Mention], context: list[Place]) -> list[tuple]:
    get = record.get if isinstance(record, dict) else partial(getattr, record)
    article_id = get("article_id")
    counts = Counter((m.type, m.text) for m in found)
    places = _known([text for kind, text in counts if kind == "place"], context)
    rows = []
    for (kind, text), count in counts.most_common():
        columns = _place_columns(places[text]) if kind == "place" else _blank()
        if kind == "place" and columns[0] is None:
            columns = (text,) + columns[1:]
        rows.append((article_id, kind, "mention", text, count) + columns)
    names = Counter(chain.from_iterable(_names(get(field)) for field in _BYLINES))
    rows += [(article_id, "person", "byline", n, c) + _blank() for n, c in names.items()]
    return rows


def article_entities(record, *, context: list[Place] = (), segmenter: str | None = None):
    """``entities`` rows for one article (a record of the articles table: a dict or a named
    tuple), one per distinct name and type, most frequent first. ``context``: places named
    elsewhere in the bulletin, which decide between places of one name."""
    found = mentions(article_text(record), context=list(context), segmenter=segmenter)
    return _rows_of(record, found, list(context))


def _names(value) -> list[str]:
    return [v for v in value if isinstance(v, str) and v] if isinstance(value, list) else []


def _unambiguous(found: list[list[Mention]]) -> list[Place]:
    """The places a bulletin names unambiguously: the context of every article."""
    book = gazetteer()
    named = {m.text for names in found for m in names if m.type == "place"}
    return [book.named(text)[0] for text in named if len(book.named(text)) == 1]


def entity_rows(records, *, segmenter: str | None = None) -> list[tuple]:
    """The ``entities`` rows of a bulletin's articles (records: dicts or named tuples), each
    article read once, its places resolved with the help of the whole bulletin's."""
    records = list(records)
    found = [mentions(article_text(r), segmenter=segmenter) for r in records]
    context = _unambiguous(found)
    rows = []
    for record, names in zip(records, found, strict=True):
        rows += _rows_of(record, names, context)
    return rows


def entities(articles: pd.DataFrame, *, segmenter: str | None = None) -> pd.DataFrame:
    """The places, organisations and people of each article: one row per article, type and
    name as written (``text``) with its ``count``; places with their normalised ``name``,
    ``level`` and the ``county``, ``city``, ``province`` and ``country`` they lie in.

    >>> from helpers import parse_articles, SAMPLE_BULLETIN
    >>> found = entities(parse_articles(SAMPLE_BULLETIN))
    >>> found.query("text == '南岸'")[["name", "city"]].iloc[0].tolist()
    ['南岸区', '重庆市']
    """
    rows = entity_rows(articles.itertuples(index=False), segmenter=segmenter)
    return tables.frame("entities", rows)


def money_by_place(
    figures: pd.DataFrame, articles: pd.DataFrame, *, level: str = "county"
) -> pd.DataFrame:
    """Money amounts joined to the places named in their sentence, else to the places its
    article names most: one row per amount and place (an amount naming two districts counts
    for both). ``level``: the level places roll up to (county, city, province, country;
    a place without one keeps its own name).

    Returns columns ``article_id``, ``text`` (the amount as written), ``yuan``, ``place``,
    ``source`` (sentence or article), ``sentence``.
    """
    if level not in _ROLLUP:
        raise ValueError(f"level must be one of {', '.join(_ROLLUP)}, not {level!r}")
    money = figures[(figures["kind"] == "money") & figures["yuan"].notna()]
    by_article = _article_places(entities(articles), level)
    rows = []
    for figure in money.itertuples(index=False):
        places, source = _sentence_places(figure.sentence, by_article, figure.article_id, level)
        rows += [
            (figure.article_id, figure.text, figure.yuan, place, source, figure.sentence)
            for place in places
        ]
    columns = ["article_id", "text", "yuan", "place", "source", "sentence"]
    return pd.DataFrame(rows, columns=columns).astype({"yuan": "float64"})


def _rolled(row, level: str) -> str:
    value = getattr(row, level)
    return value if isinstance(value, str) and value else row.name


def _article_places(found: pd.DataFrame, level: str) -> dict[int, list[str]]:
    """Each article's most named places (ties: all of them), rolled up to ``level``."""
    places = found[(found["type"] == "place") & (found["role"] == "mention")]
    top: dict[int, list[str]] = {}
    for article_id, group in places.groupby("article_id"):
        best = group[group["count"] == group["count"].max()]
        top[article_id] = list(dict.fromkeys(_rolled(r, level) for r in best.itertuples()))
    return top


def _sentence_places(sentence, by_article, article_id, level) -> tuple[list[str], str]:
    named = [m.text for m in mentions(sentence or "") if m.type == "place"]
    if named:
        places = _known(named, [])
        rolled = [_rolled_place(places[name], name, level) for name in dict.fromkeys(named)]
        return list(dict.fromkeys(rolled)), "sentence"
    return by_article.get(article_id, []), "article"


def _rolled_place(place: Place | None, name: str, level: str) -> str:
    if place is None:
        return name
    return place.up(level) or place.name
