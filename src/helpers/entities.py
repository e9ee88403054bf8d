"""Who and where: the places, organisations and people an article names.

A name is read from the segmenter's words and their part-of-speech tags (rjieba or jieba:
``ns`` place, ``nt`` organisation, ``nr`` person, ``j`` abbreviation), checked against the
place gazetteer (:mod:`helpers.gazetteer`) and the word lists of
``data/lexicon/entity_words.csv``:

- **place**: a run of words that is a place's full name (江北城街道, however the segmenter cut
  it); a name followed by place words of their own (复华 路, 隆林 县); a word tagged ``ns``
  that ends like a place (江北嘴, 东湖: jieba's dictionary tags 深度 and 美丽 ``ns`` too), unless
  listed as no place (上市); a short name of the gazetteer (南岸, 长寿), kept only where a place
  of its province is named too; a zone named after its place (成都高新区); a province's
  one-character name tagged as an abbreviation, joined to another or after a verb of place
  (川渝, 在渝);
- **org**: the longest run of name-like words from a name (a place, an organisation, a common
  start such as 国家) to an organisation's head word (大学, 委员会, 人民政府, 有限公司...):
  重庆市南岸区人民政府, 中国人民银行重庆营业管理部; one word tagged ``nt`` that ends with a
  head word (工信部, 中科院), or any word ending in 有限公司; the names listed before a class
  (…等企业) or beside an organisation (教育部、工信部); the subject of 成为…企业 or 成立于; a
  short name defined in brackets; and, once read, every recurrence of the name (one sense per
  discourse) and a company's name without 集团/股份. Places inside an organisation's name are
  not places of their own;
- **person**: a word tagged as a person's name that begins with a common surname; and the
  reporters, photographers and authors of the bylines, kept apart (``role`` ``byline``).

Names are read with the segmenter's dictionary and ``userdict.txt`` only, not the discovered
terms of ``terms.txt`` (中国 in 中国特色社会主义 is a place). Page furniture names no one.

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
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache, partial
from itertools import accumulate, chain, compress

import pandas as pd

from . import tables
from .articles import parse_articles
from .bylines import surnames
from .gazetteer import Place, _support, gazetteer, resolve
from .terms import base_segmenter
from .topics import _tags_alone, article_text, default_segmenter
from .vocab import entity_words

__all__ = [
    "ENTITY_COLUMNS",
    "Mention",
    "mentions",
    "article_entities",
    "entity_rows",
    "entities",
    "money_by_place",
    "zone_place",
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


class _Words(Sequence):
    """The words of a text and their tags, each a :class:`_Word` when looked at: most are
    never looked at (only those a name may begin with, and their neighbours).
    ``tag_by_word``: each word has one tag wherever it stands (rjieba's)."""

    def __init__(self, texts: Sequence[str], tags: list[str], tag_by_word: bool) -> None:
        self.texts, self.tags, self.tag_by_word = texts, tags, tag_by_word
        self.starts = list(accumulate(map(len, texts), initial=0))

    def __len__(self) -> int:
        return len(self.texts)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[k] for k in range(*index.indices(len(self.texts)))]
        return _Word(
            self.texts[index], self.tags[index], self.starts[index], self.starts[index + 1]
        )

    def indexes(self, keep) -> list[int]:
        """The positions of the words for which ``keep(word, tag)`` holds: each word (and
        tag) judged once in the process, then picked out without a Python step per word."""
        judged = _JUDGED.setdefault((keep, self.tag_by_word), {})
        keys = self.texts if self.tag_by_word else list(zip(self.texts, self.tags, strict=True))
        unseen = set(keys).difference(judged)
        if unseen:
            tag_of = dict(zip(self.texts, self.tags, strict=True))
            for key in unseen:
                judged[key] = keep(key, tag_of[key]) if self.tag_by_word else keep(*key)
        return list(compress(range(len(keys)), map(judged.__getitem__, keys)))


_JUDGED: dict = {}  # (keep function, by word?) -> {word or (word, tag): bool}


def _words(text: str, segmenter: str | None) -> _Words:
    pairs = _tagged(text, segmenter)
    rjieba = (segmenter or default_segmenter()) == "rjieba"
    return _Words([w for w, _ in pairs], [t for _, t in pairs], rjieba)


_TAGS: dict[str, str] = {}  # rjieba's tag of each word met (it does not depend on context)


def _tagged(text: str, segmenter: str | None) -> list[tuple[str, str]]:
    """The words of ``text`` with their tags, cut by the segmenter without the discovered
    terms (:func:`helpers.terms.base_segmenter`: its dictionary and ``userdict.txt``), so
    the names inside a term (中国 in 中国特色社会主义) are read. With rjieba, the text is cut
    and each word's tag looked up, tagging only the words not met before (a word's tag does
    not depend on its neighbours): a third of the cost of tagging the text."""
    if (segmenter or default_segmenter()) != "rjieba":
        return base_segmenter(segmenter).tag(text)
    cutter = base_segmenter("rjieba")
    words = cutter.cut(text)
    unseen = set(words).difference(_TAGS)
    if unseen:
        _TAGS.update(_tags_alone(cutter, unseen))
        _TAGS.update((w, "x") for w in unseen if w not in _TAGS)  # cut apart when alone
    return list(zip(words, map(_TAGS.__getitem__, words), strict=True))


@lru_cache(maxsize=1)
def _rules() -> dict[str, dict[str, str]]:
    return entity_words()


@lru_cache(maxsize=65536)
def _ends_with_head(word: str) -> bool:
    rules = _rules()
    if word in rules.get("not_org", {}):
        return False
    if word in rules["org_head"]:
        return True
    # a one-character head ends a longer word (管理部, 航天局), never a two-character one (全部)
    heads = _heads_by_length()
    return any(
        word[-length:] in heads[length]
        for length in heads
        if length < len(word) and (length > 1 or len(word) >= 3)
    )


@lru_cache(maxsize=1)
def _heads_by_length() -> dict[int, frozenset[str]]:
    heads = _rules()["org_head"]
    return {n: frozenset(h for h in heads if len(h) == n) for n in sorted({len(h) for h in heads})}


# --- places -------------------------------------------------------------------------------


@lru_cache(maxsize=65536)
def _is_full_name(text: str) -> bool:
    """A place's full name: a town or county of three characters or more (社区 is the
    name of a town somewhere, and no place here), or a country, province or city."""
    places = gazetteer().full.get(text, [])
    return any(len(text) >= 3 or p.level not in ("town", "county") for p in places)


def _full_place(words: _Words, i: int) -> int:
    """The index past the longest run of words from ``i`` that is a place's full name
    in the gazetteer, or ``i`` where none is."""
    texts, text, best, prefixes = words.texts, "", i, _prefixes()
    for j in range(i, min(i + _MAX_PLACE_WORDS, len(texts))):
        text += texts[j]
        if text not in prefixes:
            break
        if len(text) >= 2 and _is_full_name(text):
            best = j + 1
    if best == i + 1 and words.tags[i] not in ("ns", "nz", "nrt") and _foreign_city(texts[i]):
        return i  # a foreign city's name that is a common word here (万象)
    return best


@lru_cache(maxsize=65536)
def _foreign_city(text: str) -> bool:
    places = gazetteer().full.get(text, [])
    return bool(places) and all(p.level == "city" and p.up("country") != "中国" for p in places)


@lru_cache(maxsize=65536)
def _has_place_suffix(word: str) -> bool:
    suffixes = _rules()["place_suffix"]
    if len(word) == 2:
        return suffixes.get(word[-1]) == "nature"
    return any(word.endswith(s) for s, value in suffixes.items() if value != "closing")


@lru_cache(maxsize=65536)
def _is_place_word(word: str, tag: str) -> bool:
    """A single word that names a place (see the module's docstring)."""
    if word in _rules()["not_place"] or len(word) < 2:
        return False
    if _short_name_levels(word):
        return True  # a county's short name is kept where the places around confirm it
    if zone_place(word) is not None:
        return True  # 成都高新区
    return tag in ("ns", "nz") and _has_place_suffix(word)


@lru_cache(maxsize=65536)
def zone_place(name: str) -> Place | None:
    """A development zone named after its place (成都高新区, 成都市高新区): an area under
    that place, named with the place's full name; None for any other name.

    >>> zone = zone_place("成都高新区")
    >>> zone.name, zone.up("city"), zone.up("province")
    ('成都市高新区', '成都市', '四川省')
    """
    for ending in sorted(_rules()["zone"], key=len, reverse=True):
        stem = name[: -len(ending)]
        if name.endswith(ending) and len(stem) >= 2:
            parent = _zone_parent(stem)
            return Place(parent.name + ending, "area", parent) if parent else None
    return None


def _zone_parent(stem: str) -> Place | None:
    places = [p for p in gazetteer().named(stem) if p.level in ("province", "city", "county")]
    return places[0] if len(places) == 1 else None


_PROPER_TAGS = frozenset({"ns", "nz", "nr", "nrt", "j"})


def _named_with_suffix(words: _Words, i: int) -> int:
    """The index past a name followed by place words of their own (复华 路, 北城 街 街道,
    隆林 县), or ``i``. A word that is no proper name (合作, a county's short name too)
    only takes an administrative suffix (县, 市, 区)."""
    texts = words.texts
    proper = words.tags[i] in _PROPER_TAGS
    if not proper and not _short_name_levels(texts[i]):
        return i
    suffixes, j = _rules()["place_suffix"], i + 1
    while j < len(texts) and texts[j] in suffixes and (proper or texts[j] in _ADMIN):
        j += 1
    return j if j > i + 1 else i


_ADMIN = frozenset("县市区州盟旗镇乡")
_SURE_LEVELS = frozenset({"country", "province", "city", "continent"})


@lru_cache(maxsize=65536)
def _short_name_levels(text: str) -> frozenset[str]:
    return frozenset(p.level for p in gazetteer().short.get(text, []))


@lru_cache(maxsize=1)
def _prefixes() -> frozenset[str]:
    """Every beginning of a place's full name: a run of words that is none stops there."""
    return frozenset(name[:k] for name in gazetteer().full for k in range(1, len(name) + 1))


def _abbreviations(words: _Words, i: int) -> int:
    """The index past a run of one-character province names tagged as abbreviations."""
    rules, texts, tags = _rules(), words.texts, words.tags
    short, j = rules["abbreviation"], i
    while j < len(texts) and tags[j] == "j" and texts[j] in short:
        j += 1
    if j == i + 1 and (i == 0 or texts[i - 1] not in rules["place_verb"]):
        return i  # alone, a one-character short name stands after 在, 来, 入...
    return j


def _place_at(words: _Words, i: int) -> int:
    """The index past a place name starting at word ``i``, or ``i``."""
    end = max(_full_place(words, i), _named_with_suffix(words, i))
    if end > i:
        return end
    if _is_place_word(words.texts[i], words.tags[i]):
        return i + 1
    return _abbreviations(words, i)


# --- organisations ------------------------------------------------------------------------


def _may_start_org(words: _Words, i: int, place_end: int) -> bool:
    return (
        words.tags[i] in _ORG_START_TAGS
        or words.texts[i] in _rules()["org_start"]
        or place_end > i
        or _is_org_word(words.texts[i], words.tags[i])
    )


@lru_cache(maxsize=65536)
def _is_org_word(word: str, tag: str) -> bool:
    """One word that is an organisation's name: tagged nt and ending in a head word, or a
    word of three characters ending in a head that names one alone (教育部)."""
    if len(word) < 3 or not _ends_with_head(word):
        return False
    heads = _rules()["org_head"]
    if word in heads:  # a head word alone names no organisation (美术馆, 委员会)
        return False
    if tag in ("nt", "j") or _registered(word):
        return True
    if tag in ("ns", "nz"):  # a proper name ending in a longer head: 湖北省博物馆
        return any(word.endswith(h) for h in heads if len(h) > 1)
    # 教育部 names a body alone; 新格局 does not (格局 is a word that ends no name)
    return len(word) == 3 and heads.get(word[-1]) == "alone" and word[1:] not in _rules()["not_org"]


def _org_at(words: _Words, i: int, place_end: int) -> int:
    """The index past the longest organisation name starting at word ``i``, or ``i``
    (``place_end``: past the place name starting there, if any)."""
    if not _may_start_org(words, i, place_end):
        return i
    texts, tags = words.texts, words.tags
    last = i + 1 if _is_org_word(texts[i], tags[i]) else i
    heads = _rules()["org_head"]
    for j in range(i + 1, min(i + _MAX_ORG_WORDS, len(texts))):
        if _joins_inside(texts, tags, j):
            continue  # 地质与地球物理研究所: 与 inside one name
        if not _inside_name(texts[j], tags[j]) and texts[j] not in heads:
            break
        if _ends_with_head(texts[j]):
            last = j + 1
    return last


def _joins_inside(texts, tags, j: int) -> bool:
    """Is word ``j`` a 与/和 inside an organisation's name: between two nouns, the one before
    it ending no name (国家航天局与教育部 are two)?"""
    return (
        texts[j] in ("与", "和")
        and 0 < j < len(texts) - 1
        and not _ends_with_head(texts[j - 1])
        and _inside_name(texts[j - 1], tags[j - 1])
        and _inside_name(texts[j + 1], tags[j + 1])
    )


def _registered(word: str) -> bool:
    """A registered company's name in one word (重庆百货大楼股份有限公司)."""
    return any(
        word.endswith(end) and len(word) >= len(end) + 2 for end in _rules()["org_registered"]
    )


@lru_cache(maxsize=65536)
def _inside_name(word: str, tag: str) -> bool:
    """A word that may stand inside an organisation's name: a noun or a name, or a
    numeral written in characters (湖南一块医药科技有限公司, 三元基因)."""
    if tag in _NAME_TAGS:
        return True
    return tag == "m" and all("\u4e00" <= c <= "\u9fff" for c in word)


# --- people -------------------------------------------------------------------------------


@lru_cache(maxsize=65536)
def _is_person(word: str, tag: str) -> bool:
    if tag == "nrt":
        return len(word) >= 3
    if tag not in _PERSON_TAGS or not 2 <= len(word) <= 4:
        return False
    names = surnames()
    return word[0] in names or word[:2] in names


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
    found += _enumerated(text, words, found) + _predicated(text, words)
    found += _defined(text, found)
    return _one_sense(text, found + _coordinated(text, words, found))


_COMMON_TAGS = frozenset({"v", "vn", "vd", "a", "ad", "an", "d", "t", "m", "q", "r"})


@lru_cache(maxsize=65536)
def _may_begin(word: str, tag: str) -> bool:
    """Can a name begin with this word? Most words (verbs, particles, common nouns) cannot,
    and are passed over at once."""
    rules = _rules()
    if tag in _PROPER_TAGS or tag in _ORG_START_TAGS or tag in _PERSON_TAGS or tag == "nt":
        return True
    if word in rules["org_start"] or word in rules["abbreviation"]:
        return True
    if tag in _COMMON_TAGS:  # a county's short name that is a common word (合作) is no name
        return False
    return (
        _is_org_word(word, tag)
        or _is_place_word(word, tag)
        or (len(word) >= 2 and word in _prefixes())
    )


def _read_words(text: str, words: _Words) -> list[Mention]:
    found, past = [], 0
    for i in words.indexes(_may_begin):
        if i < past:
            continue
        kind, end = _name_at(words, i)
        if end > i:
            start, stop = words.starts[i], words.starts[end]
            found.append(Mention(text[start:stop], kind, start, stop))
            past = end
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
# The classes are data (org_class in entity_words.csv): :func:`_enumeration_end` fills them in.
_ENUMERATION_END = r"""
    等
    (?:[0-9０-９一二两三四五六七八九十百千多余几]+ [家所个]?)?   # 等30家: a count
    [^，。、；：！？\s的]{{0,6}}?                                 # 等行业龙头企业: modifiers
    (?P<cls>{classes})                                            # 企业, 高校, 医院...
    (?![家主员人])                                                # 企业家 are people
"""
_CLAUSE_END = re.compile(r"[。，,；;：:！？!?\n（）()“”\"《》\s]")
_LAST_JOIN = re.compile(r"(?<=..)(?:和|及|与|以及)(?=..)")
_LONGEST_BARE_ITEM = 4  # a longer first item may hold words before the name: 解决怡和嘉业
_NOT_IN_NAME = frozenset({"v", "vd", "d", "p", "c", "r", "m", "q", "f", "u", "uj", "ul", "x", "t"})


@lru_cache(maxsize=1)
def _enumeration_end() -> re.Pattern:
    classes = "|".join(map(re.escape, sorted(_rules()["org_class"], key=len, reverse=True)))
    return re.compile(_ENUMERATION_END.format(classes=classes), re.VERBOSE)


def _enumerated(text: str, words: _Words, read: list[Mention]) -> list[Mention]:
    """The names of enumerations of organisations (``A、B和C等企业``); an item that is a
    place's name stays a place (深圳市罗湖区、…等单位: the district stands for its offices)."""
    places = {(m.start, m.end) for m in read if m.type == "place"}
    found = []
    for end in _enumeration_end().finditer(text):
        clause_start = _clause_start(text, end.start())
        items = _items(text, clause_start, end.start(), words)
        found += [
            Mention(text[a:b], "org", a, b) for a, b in items if not _all_places(a, b, places)
        ]
    return found


def _all_places(start: int, end: int, places: set[tuple[int, int]]) -> bool:
    """Is ``[start, end)`` a run of place names only (深圳市罗湖区)?"""
    position = start
    while position < end:
        nxt = next((b for a, b in places if a == position), None)
        if nxt is None:
            return False
        position = nxt
    return True


def _clause_start(text: str, position: int) -> int:
    starts = [m.end() for m in _CLAUSE_END.finditer(text, 0, position)]
    return starts[-1] if starts else 0


def _items(text: str, start: int, end: int, words: _Words) -> list[tuple[int, int]]:
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
    spans[0] = (_after_function_words(words, *spans[0]), spans[0][1])  # 已与屹立集团
    if spans[0][1] - spans[0][0] > _LONGEST_BARE_ITEM:  # 解决怡和嘉业
        spans[0] = (_name_start(words, spans[0][0], spans[0][1]), spans[0][1])
    return [(a, b) for a, b in spans if 2 <= b - a <= 12]


_FUNCTION_TAGS = frozenset({"d", "p", "c", "u", "uj", "ul", "r"})


def _after_function_words(words: _Words, start: int, end: int) -> int:
    """Where ``[start, end)`` begins once leading adverbs, prepositions and conjunctions
    (已, 与) are passed over."""
    starts = words.starts
    for word in words[bisect_left(starts, start) : bisect_left(starts, end)]:
        if word.tag not in _FUNCTION_TAGS:
            return word.start
    return start


def _name_start(words: _Words, start: int, end: int) -> int:
    """Where the trailing run of name words in ``[start, end)`` begins."""
    starts = words.starts
    inside = words[bisect_left(starts, start) : bisect_left(starts, end)]
    first = end
    for word in reversed(inside):
        if word.tag in _NOT_IN_NAME:
            break
        first = word.start
    return first


def _coordinated(text: str, words: _Words, found: list[Mention]) -> list[Mention]:
    """The names ending in an organisation's head word listed (A、B、C) beside a name
    already read as an organisation: 教育部、工信部、自然资源部."""
    orgs = {(m.start, m.end) for m in found if m.type == "org"}
    ends = sorted(end for _, end in orgs)
    coordinated = []
    for clause in _LIST.finditer(text):
        if not _holds_an_end(ends, clause.start(), clause.end()):
            continue  # no organisation in the list: nothing to go by
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


def _holds_an_end(ends: list[int], start: int, end: int) -> bool:
    k = bisect_left(ends, start + 1)
    return k < len(ends) and ends[k] <= end


_LIST = re.compile(
    r"[^。，,；;：:！？!?\n（）()“”\"《》\s、]+(?:、[^。，,；;：:！？!?\n（）()“”\"《》\s、]+)+"
)


# A name said to be an organisation: 茅台成为中国白酒行业首家获此评级的企业; or said to have
# been founded: 学而思培优成立于2003年.
_COPULAS = frozenset({"成为", "是", "作为"})
_FOUNDED = frozenset({"成立", "创立", "创办", "创建", "始建", "始创"})  # followed by 于
_MAX_PREDICATE = 24  # characters from the verb to the class noun, within the clause
_SUBJECT_TAGS = frozenset({"n", "nz", "nt", "nr", "nrt", "j", "eng", "ns"})


def _predicated(text: str, words: _Words) -> list[Mention]:
    """Names that are the subject of 成为/是 with a class of organisations closing the
    clause (X成为…企业), or of 成立于/创立于 (X成立于2003年)."""
    found = []
    for k in words.indexes(_may_say):
        word = words[k]
        founded = word.text.removesuffix("于") in _FOUNDED and (
            word.text.endswith("于") or (k + 1 < len(words) and words[k + 1].text == "于")
        )
        if founded or (word.text in _COPULAS and _ends_in_class(text, word.end)):
            subject = _subject(words, k)
            if subject is not None:
                found.append(Mention(text[subject[0] : subject[1]], "org", *subject))
    return found


def _may_say(word: str, tag: str) -> bool:
    return word in _COPULAS or word.removesuffix("于") in _FOUNDED


def _ends_in_class(text: str, start: int) -> bool:
    clause = _CLAUSE_END.search(text, start)
    stop = clause.start() if clause else len(text)
    if stop > start + _MAX_PREDICATE:
        return False
    return any(text[start:stop].endswith(c) for c in _rules()["org_class"])


def _subject(words: _Words, verb: int) -> tuple[int, int] | None:
    """The span of the name words just before word ``verb`` (at most three, after a
    clause's start or a word that is no name), or None where they are a common noun."""
    first = verb
    while first > 0 and verb - first < 3 and words[first - 1].tag in _SUBJECT_TAGS:
        first -= 1
    if first == verb:
        return None
    name = "".join(w.text for w in words[first:verb])
    classes = _rules()["org_class"]
    if len(name) < 2 or name in classes or any(name.endswith(c) for c in classes):
        return None  # 该企业成为…: a class, no name
    if any(w.tag == "ns" for w in words[first:verb]) and gazetteer().named(name):
        return None  # a place
    if first > 0 and words[first - 1].tag not in ("x", "p", "c", "uj", "t", "m"):
        return None  # the run continues a longer phrase
    return words[first].start, words[verb - 1].end


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


def _short_company_names(orgs: set[str], text: str) -> set[str]:
    """A company's name without its head word (集团, 股份, 有限公司...), where it recurs in
    the text and is a name rather than a common word: 华润集团 … 华润."""
    heads = [h for h, value in _rules()["org_head"].items() if value == "company"]
    short = set()
    for name in orgs:
        stem = next(
            (name[: -len(h)] for h in sorted(heads, key=len, reverse=True) if name.endswith(h)), ""
        )
        stem = stem.rstrip("（）()")
        if len(stem) >= 2 and text.count(stem) > text.count(name) and _is_a_name(stem):
            short.add(stem)
    return short


@lru_cache(maxsize=4096)
def _is_a_name(text: str) -> bool:
    """Is ``text`` a name rather than a common word: no word of the dictionary with a
    common tag (建设, 科技), no place."""
    if gazetteer().named(text):
        return False
    tag = dict(_tagged(text, None)).get(text)
    return tag is None or tag in _PROPER_TAGS or tag == "x"


def _one_sense(text: str, found: list[Mention]) -> list[Mention]:
    """Every occurrence of each organisation's name as an organisation; other names that
    overlap an organisation dropped; in order of position."""
    places = {m.end: m for m in found if m.type == "place"}
    named = {m.text for m in found if m.type == "org"}
    orgs = sorted(named | _short_company_names(named, text), key=len, reverse=True)
    taken = [False] * len(text)
    kept = []
    for name in orgs:
        for match in re.finditer(re.escape(name), text):
            start, end = match.start(), match.end()
            if any(taken[start:end]):
                continue
            before = places.get(start)  # a place just before the name is part of it: 贵州茅台
            if before is not None and not any(taken[before.start : start]):
                start = before.start
            taken[start:end] = [True] * (end - start)
            kept.append(Mention(text[start:end], "org", start, end))
    kept += [m for m in found if m.type != "org" and not any(taken[m.start : m.end])]
    return sorted(kept, key=lambda m: m.start)


def _name_at(words: _Words, i: int) -> tuple[str, int]:
    """The type of the name starting at word ``i`` and the index past it (``i``: none)."""
    place_end = _place_at(words, i)
    end = _org_at(words, i, place_end)
    if end > i:
        return "org", end
    if place_end > i:
        return "place", place_end
    return "person", i + 1 if _is_person(words.texts[i], words.tags[i]) else i


# --- rows ---------------------------------------------------------------------------------


def _known(mention_texts, context: list[Place] = ()) -> dict[str, Place | None]:
    """Each place name's place: unambiguous names first, then the others with their help."""
    places = {name: resolve(name) or zone_place(name) for name in mention_texts}
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


def _place_columns(place: Place | None, text: str) -> tuple:
    """name, level and the places it lies in; for a name several places share (江北区 of
    重庆市 and of 宁波市), what they have in common (name, level, country)."""
    if place is not None:
        return (place.name, place.level) + tuple(place.up(level) for level in _ROLLUP)
    candidates = gazetteer().named(text)
    shared = [_shared([p.name for p in candidates]) or text, _shared([p.level for p in candidates])]
    return tuple(shared) + tuple(_shared([p.up(lv) for p in candidates]) for lv in _ROLLUP)


def _shared(values: list) -> str | None:
    return values[0] if values and all(v == values[0] for v in values) else None


def _blank() -> tuple:
    return (None, None) + (None,) * len(_ROLLUP)


def _rows_of(record, found: list[Mention], context: list[Place]) -> list[tuple]:
    get = record.get if isinstance(record, dict) else partial(getattr, record)
    article_id = get("article_id")
    counts = Counter((m.type, m.text) for m in found)
    places = _known([text for kind, text in counts if kind == "place"], context)
    rows = []
    for (kind, text), count in counts.most_common():
        columns = _place_columns(places[text], text) if kind == "place" else _blank()
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


def _kind(record) -> str | None:
    return record.get("kind") if isinstance(record, dict) else getattr(record, "kind", None)


def entity_rows(records, *, segmenter: str | None = None) -> list[tuple]:
    """The ``entities`` rows of a bulletin's articles (records: dicts or named tuples), each
    article read once, its places resolved with the help of the whole bulletin's."""
    records = [r for r in records if _kind(r) != "meta"]  # page furniture names no one
    found = [mentions(article_text(r), segmenter=segmenter) for r in records]
    context = _unambiguous(found)
    rows = []
    for record, names in zip(records, found, strict=True):
        rows += _rows_of(record, names, context)
    return rows


def entities(articles, *, segmenter: str | None = None) -> pd.DataFrame:
    """The places, organisations and people of each article: one row per article, type and
    name as written (``text``) with its ``count``; places with their normalised ``name``,
    ``level`` and the ``county``, ``city``, ``province`` and ``country`` they lie in.
    ``articles``: the articles table, or a bulletin (a path or its text). Page furniture
    (``kind`` meta: a page header naming the paper) names no one.

    >>> from helpers import parse_articles, SAMPLE_BULLETIN
    >>> found = entities(parse_articles(SAMPLE_BULLETIN))
    >>> found.query("text == '南岸'")[["name", "city"]].iloc[0].tolist()
    ['南岸区', '重庆市']
    """
    if not isinstance(articles, pd.DataFrame):  # a bulletin file or its text
        articles = parse_articles(articles)
    rows = entity_rows(articles.itertuples(index=False), segmenter=segmenter)
    return tables.frame("entities", rows)


def money_by_place(
    figures: pd.DataFrame,
    articles: pd.DataFrame,
    *,
    level: str = "county",
    found: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Money amounts joined to the places named in their sentence, else to the places its
    article names most: one row per amount and place (an amount naming two districts counts
    for both). ``level``: the level places roll up to (county, city, province, country;
    a place without one keeps its own name). ``found``: the articles' :func:`entities`,
    where already read.

    Returns columns ``article_id``, ``text`` (the amount as written), ``yuan``,
    ``category`` (what the money is for: sum one category at a time, investment and output
    are not alike), ``place``, ``source`` (sentence or article), ``sentence``.
    """
    if level not in _ROLLUP:
        raise ValueError(f"level must be one of {', '.join(_ROLLUP)}, not {level!r}")
    money = figures[(figures["kind"] == "money") & figures["yuan"].notna()]
    found = entities(articles) if found is None else found
    by_article = _article_places(found, level)
    context = _places_of(found)
    rows = []
    for figure in money.itertuples(index=False):
        places, source = _sentence_places(figure, by_article, context, level)
        rows += [
            (
                figure.article_id,
                figure.text,
                figure.yuan,
                figure.category,
                place,
                source,
                figure.sentence,
            )
            for place in places
        ]
    columns = ["article_id", "text", "yuan", "category", "place", "source", "sentence"]
    return pd.DataFrame(rows, columns=columns).astype({"yuan": "float64"})


def _places_of(found: pd.DataFrame) -> list[Place]:
    """The places the bulletin names (those the gazetteer resolves): the context that
    confirms a county's short name in a sentence (对在北碚创业的…)."""
    names = found.loc[(found["type"] == "place") & (found["role"] == "mention"), "name"]
    return [p for p in (resolve(name) for name in names.dropna().unique()) if p is not None]


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


def _sentence_places(figure, by_article, context, level) -> tuple[list[str], str]:
    sentence, article_id = figure.sentence, figure.article_id
    named = [m.text for m in mentions(sentence or "", context=context) if m.type == "place"]
    if named:
        places = _known(named, context)
        rolled = [_rolled_place(places[name], name, level) for name in dict.fromkeys(named)]
        return list(dict.fromkeys(rolled)), "sentence"
    return by_article.get(article_id, []), "article"


def _rolled_place(place: Place | None, name: str, level: str) -> str:
    if place is None:
        return name
    return place.up(level) or place.name
