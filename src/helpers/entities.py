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

How: the article is cut once for word counts and names (:func:`helpers.topics.rjieba_cut`);
each word is coded by what it may begin and what it may be inside a name (a discovered term
of ``terms.txt`` by the words it is made of: 中国 in 中国特色社会主义 is a place), and the
rules above are one regular expression over the codes (``_GRAMMAR``), which the regex engine
runs; Python steps in only for each name found and each word met the first time. The codes
of the dictionary's words are worked out once per machine and kept in the user's cache.
Page furniture names no one.

Places are normalised with the gazetteer (南岸 → 南岸区) and carry their county, city,
province and country, so they roll up; a name several places share (江北区) is resolved from
the other places of the article, then of the bulletin.

:func:`article_entities` reads one article (the row-level function the archive shares);
:func:`entities` a bulletin's articles; :func:`money_by_place` joins money to places.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache, partial
from importlib.metadata import PackageNotFoundError, version
from itertools import chain
from operator import itemgetter
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from . import tables
from .articles import parse_articles
from .bylines import surnames
from .cache import pickled
from .gazetteer import Place, _fingerprint, gazetteer, resolve, supported
from .paths import LEXICON_DIR
from .terms import base_segmenter
from .topics import (
    RJIEBA_TAGS,
    TERMS,
    _tags_alone,
    _user_words,
    article_text,
    default_segmenter,
    rjieba_cut,
    rjieba_segmenter,
)
from .vocab import entity_words

__all__ = [
    "ENTITY_COLUMNS",
    "Mention",
    "mentions",
    "article_entities",
    "entity_rows",
    "prepare_entities",
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
_MAX_PLACE_WORDS = 4  # words one full place name may be cut into (江北 城 街道)
_ROLLUP = ("county", "city", "province", "country")


class Mention(NamedTuple):
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
    """Words of a text with their tags and offsets, each a :class:`_Word` when looked at:
    the words of a stretch of text a rule reads word by word (:meth:`_Coded.words`)."""

    def __init__(self, texts: list[str], tags: list[str], starts: list[int]) -> None:
        self.texts, self.tags, self.starts = texts, tags, starts  # starts: one more, the end

    def __len__(self) -> int:
        return len(self.texts)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[k] for k in range(*index.indices(len(self.texts)))]
        return _Word(
            self.texts[index], self.tags[index], self.starts[index], self.starts[index + 1]
        )


# --- words coded for the name grammar -----------------------------------------------------
#
# A text is coded character for character, each word by a code as long as itself: a word of
# several characters by one character saying which names it may begin (block F), one saying
# what it may be inside a name or beside one (block S) and fillers; a word of one character
# by one character saying both (block U). The rules of names are then one regular expression
# over the codes (_GRAMMAR): the regex engine walks the words, a match's offsets are the
# name's offsets in the text, and Python steps in only for each name found and for each word
# met the first time in the process.

# F: private-use characters from U+E000 (512), S: from U+E200 (1024), the filler U+E600, U:
# from U+4E00 (16,384). Codes live in their own strings: a text may hold any of them.
_F, _S, _U, _FILLER = 0xE000, 0xE200, 0x4E00, "\ue600"
_FIRST_BITS, _SECOND_BITS = 9, 10
_TAGS = RJIEBA_TAGS  # rjieba's tag of each word met, shared with word counts
_CODES: dict[str, str] = {}  # the code of each word met (rjieba's)
_PAIR_CODES: dict[tuple[str, str], str] = {}  # jieba's: by word and tag
_INTERNED: dict[str, str] = {}  # one string per distinct code: a small pickle, fast to load

# What a word may begin (the bits of its F character; of a one-character word, the four
# marked * are kept in its U character: the others need two characters or more).
_FULL = 1  # a place's full name in one word: 重庆市
_PROPER = 2  # * a proper name (ns, nz, nr, nrt, j), which place words may follow: 复华 路
_SHORT = 4  # a county's short name (南岸, 合作), which 县/市/区 may follow
_PLACE_WORD = 8  # a place by itself: 江北嘴, 东湖, 成都高新区, a county's short name
_PERSON = 16  # a person's name
_ORG_START = 32  # * may begin an organisation's name: 国家, a word tagged nt, nz, j or eng
_ORG_WORD = 64  # an organisation's name in one word: 工信部
_MULTI = 128  # * the first of the words a place's full name is cut into: 江北 (江北 城 街道)
_ABBREVIATION = 256  # * a province's one-character name tagged as an abbreviation: 渝
_ONE_CHARACTER = (_PROPER, _ORG_START, _ABBREVIATION, _MULTI)
_U_SIZE = 1 << (_SECOND_BITS + len(_ONE_CHARACTER))
_FILLER_CODE = ord(_FILLER)  # S characters come before it
# What a word may be inside a name or beside one (the bits of its S or U character).
_SUFFIX = 1  # a place word of its own: 路, 街道, 县
_ADMINISTRATIVE = 2  # an administrative suffix: 县 市 区 州 盟 旗 镇 乡
_INSIDE = 4  # may stand inside an organisation's name: a noun, a name, a head word
_HEAD = 8  # ends an organisation's name: 大学, 管理部, 人民政府
_NAME_WORD = 16  # a noun or a name: 与 between two joins one name (地质与地球物理研究所)
_JOINER = 32  # 与, 和
_PLACE_VERB = 64  # 在, 来, 赴...: a one-character province name may follow
_SAY = 128  # 成为, 是, 成立(于)...: a name may stand before it
_MORE = 256  # a word in the middle of the words a place's full name is cut into: 城
_LAST = 512  # the last of the words a place's full name is cut into: 街道
_ADMIN_WORDS = frozenset("县市区州盟旗镇乡")


def _code(word: str, tag: str) -> str:
    """The code of ``word`` (as long as the word) for the name grammar."""
    first, second = _begins(word, tag), _stands(word, tag)
    if len(word) == 1:
        kept = sum(1 << k for k, bit in enumerate(_ONE_CHARACTER) if first & bit)
        return chr(_U + (kept << _SECOND_BITS) + second)
    return chr(_F + first) + chr(_S + second) + _FILLER * (len(word) - 2)


def _begins(word: str, tag: str) -> int:
    """What ``word`` may begin: the bits of its F character."""
    if not _may_begin(word, tag):
        return 0
    return sum(bit for bit, test in _BEGIN_TESTS if test(word, tag))


def _stands(word: str, tag: str) -> int:
    """What ``word`` may be inside a name or beside one: the bits of its S character."""
    bits = _word_stands().get(word, 0)
    if _inside_name(word, tag):
        bits |= _INSIDE | _NAME_WORD
    return bits | _HEAD if _ends_with_head(word) else bits


@lru_cache(maxsize=1)
def _word_stands() -> dict[str, int]:
    """The bits of the words the rules name (entity_words.csv, the verbs of _predicated,
    the words the gazetteer's full names are cut into after their first)."""
    rules, bits = _rules(), Counter()
    for word in rules["place_suffix"]:
        bits[word] |= _SUFFIX | (_ADMINISTRATIVE if word in _ADMIN_WORDS else 0)
    for word in rules["org_head"]:
        bits[word] |= _INSIDE
    for word in ("与", "和"):
        bits[word] |= _JOINER
    for word in rules["place_verb"]:
        bits[word] |= _PLACE_VERB
    for word in _COPULAS | _FOUNDED | {verb + "于" for verb in _FOUNDED}:
        bits[word] |= _SAY
    middle, last = _name_parts()[1:]
    for word in middle:
        bits[word] |= _MORE
    for word in last:
        bits[word] |= _LAST
    return dict(bits)


def _is_full_word(word: str, tag: str) -> bool:
    """A place's full name in one word, unless a foreign city's name that is a common word
    here and not tagged as a name (万象)."""
    if len(word) < 2 or not _is_full_name(word):
        return False
    return tag in ("ns", "nz", "nrt") or not _foreign_city(word)


_BEGIN_TESTS = (
    (_FULL, _is_full_word),
    (_PROPER, lambda word, tag: tag in _PROPER_TAGS),
    (_SHORT, lambda word, tag: bool(_short_name_levels(word))),
    (_PLACE_WORD, lambda word, tag: _is_place_word(word, tag)),
    (_PERSON, lambda word, tag: _is_person(word, tag)),
    (
        _ORG_START,
        lambda word, tag: (
            tag in _ORG_START_TAGS or word in _rules()["org_start"] or _is_org_word(word, tag)
        ),
    ),
    (_ORG_WORD, lambda word, tag: _is_org_word(word, tag)),
    (_MULTI, lambda word, tag: word in _name_parts()[0]),
    (_ABBREVIATION, lambda word, tag: tag == "j" and word in _rules()["abbreviation"]),
)


@lru_cache(maxsize=1)
def _name_parts() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The words the places' full names are cut into when the segmenter cuts them into
    several (江北城街道: 江北 城 街道): the first words, those in the middle, the last. Kept
    in the user's cache with the dictionary's codes."""
    return pickled("name-parts", _codes_key(), _cut_name_parts)


def _cut_name_parts() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    names = [name for name in gazetteer().full if len(name) >= 2 and _is_full_name(name)]
    cuts = [parts for parts in _cut_each(names) if len(parts) > 1]
    return (
        frozenset(p[0] for p in cuts),
        frozenset(w for p in cuts for w in p[1:-1]),
        frozenset(p[-1] for p in cuts),
    )


def _cut_each(names: list[str]) -> list[list[str]]:
    """Each name as the segmenter cuts it alone (one call: a line break is never crossed)."""
    groups: list[list[str]] = [[]]
    for token in base_segmenter().cut("\n".join(names)):
        if token == "\n":
            groups.append([])
        else:
            groups[-1].append(token)
    return groups


# --- the grammar ------------------------------------------------------------------------


def _classes(first=None, second=None) -> tuple[str, str, str]:
    """The F, S and U characters (as the ranges of a character class) of the words whose
    bits pass ``first`` and ``second`` (None: any)."""
    firsts = _runs([b for b in range(1 << _FIRST_BITS) if first is None or first(b)])
    seconds = _runs([b for b in range(1 << _SECOND_BITS) if second is None or second(b)])
    kept = [k << _SECOND_BITS for k, bits in enumerate(_KEPT_BITS) if first is None or first(bits)]
    alone = [(k + a, k + b) for k in kept for a, b in seconds]
    return _ranges(_F, firsts), _ranges(_S, seconds), _ranges(_U, alone)


# the bits of F a one-character word's U character keeps, for each value of them
_KEPT_BITS = [
    sum(bit for k, bit in enumerate(_ONE_CHARACTER) if kept >> k & 1)
    for kept in range(1 << len(_ONE_CHARACTER))
]


def _runs(values: list[int]) -> list[tuple[int, int]]:
    """``values`` (ascending) as runs of consecutive values: (first, last)."""
    runs: list[tuple[int, int]] = []
    for value in values:
        if runs and runs[-1][1] == value - 1:
            runs[-1] = (runs[-1][0], value)
        else:
            runs.append((value, value))
    return runs


def _ranges(base: int, runs: list[tuple[int, int]]) -> str:
    """Runs of code values as the ranges of a character class."""
    ranges = (chr(base + a) + ("-" + chr(base + b) if b > a else "") for a, b in runs)
    return "".join(ranges) or "\x00"  # no such word: a character no code holds


def _word(first=None, second=None) -> str:
    """A whole word whose bits pass ``first`` and ``second``."""
    f, s, u = _classes(first, second)
    return f"(?:[{f}][{s}]{_FILLER}*|[{u}])"


def _begun(first=None, second=None) -> str:
    """A word whose first code character, just read, passed ``first`` (and ``second``): the
    grammar reads the first character of a word that may begin a name before it tells the
    names apart, so the regex engine passes over the other words in C."""
    f, s, u = _classes(first, second)
    return f"(?:(?<=[{f}])[{s}]{_FILLER}*|(?<=[{u}]))"


def _has(*bits: int):
    return lambda value: all(value & bit for bit in bits)


# The places that begin at a word whose first code character was just read, the longest
# first where two may begin at one word (a full name cut into words is one word by then).
_PLACE = r"""(?:
      {proper} {suffix}+                   # a name and place words of its own: 复华 路
    | {short_only} {admin}+                # a county's short name, a common word: 合作 市
    | {full}                               # a full name in one word: 重庆市
    | {place_word}                         # 江北嘴, 东湖, 南岸 (confirmed later)
    | {abbreviation} {abbreviation_word}+  # one-character province names together: 川渝
    | {after_place_verb}                   # one alone after a verb of place: 在渝
)"""
# A name at each word: an organisation before a place, a place before a person.
_GRAMMAR = r"""
    [{begins}]                                        # a word that may begin a name
    (?:
      (?P<org>
          (?: {org_start_name} {joined}?              # a word an organisation may begin
            | {org_start}                             # with, or a place
            | (?={place}) {any} )
          (?: {name_not_head} {joined}? | {inside} ){{0,5}}  # then at most five name words
                                                      # (one way each: no backtracking)
          {inside_head}                               # to the last head word: 大学
        | {org_word}                                  # or one word: 工信部, 中科院
      )
    | (?P<place> {place} )
    | (?P<person> {person} )
    )
"""
_JOINED = r"(?: {joiner} (?={name_word}) )"  # 与 between two words of one name


@lru_cache(maxsize=1)
def _grammar() -> re.Pattern:
    """The grammar with the classes of its words filled in."""
    f_pv, s_pv, u_pv = _classes(second=_has(_PLACE_VERB))
    u_abbreviation = _classes(first=_has(_ABBREVIATION))[2]
    place = _PLACE.format(
        proper=_begun(_has(_PROPER)),
        suffix=_word(second=_has(_SUFFIX)),
        short_only=_begun(lambda bits: bits & _SHORT and not bits & _PROPER),
        admin=_word(second=_has(_ADMINISTRATIVE, _SUFFIX)),
        full=_begun(_has(_FULL)),
        place_word=_begun(_has(_PLACE_WORD)),
        abbreviation=_begun(_has(_ABBREVIATION)),
        abbreviation_word=_word(_has(_ABBREVIATION)),
        after_place_verb=(
            f"(?:(?<=[{u_pv}][{u_abbreviation}])|(?<=[{f_pv}][{s_pv}][{u_abbreviation}]))"
        ),
    )
    name_not_head = (lambda bits: bits & _NAME_WORD and not bits & _HEAD,)
    joined = _JOINED.format(
        joiner=_word(second=_has(_JOINER)), name_word=_word(second=_has(_NAME_WORD))
    )
    grammar = _GRAMMAR.format(
        begins="".join(_classes(first=lambda bits: bits & ~_MULTI)[::2]),  # F and U
        org_start_name=_begun(_has(_ORG_START), *name_not_head),
        joined=joined,
        org_start=_begun(_has(_ORG_START)),
        place=place,
        any=_begun(),
        name_not_head=_word(None, *name_not_head),
        inside=_word(second=lambda bits: bits & _INSIDE and not name_not_head[0](bits)),
        inside_head=_word(second=_has(_INSIDE, _HEAD)),
        org_word=_begun(_has(_ORG_WORD)),
        person=_begun(_has(_PERSON)),
    )
    return re.compile(grammar, re.VERBOSE)


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """The words a place's full name may be cut into (the first, then one to three more);
    a verb a name may be the subject of; any word."""
    multi, _, multi_alone = _classes(first=_has(_MULTI))
    more = _word(second=_has(_MORE)) + f"{{0,{_MAX_PLACE_WORDS - 2}}}" + _word(second=_has(_LAST))
    _, say, say_alone = _classes(second=_has(_SAY))
    return (
        re.compile(f"[{multi}{multi_alone}]{_begun(_has(_MULTI))}{more}"),
        re.compile(f"[{say}{say_alone}]"),  # the S character of a word, or its U character
        re.compile(_word()),
    )


# --- a text coded -----------------------------------------------------------------------


class _Coded:
    """A text and its code for the name grammar, the full names of places the segmenter
    cut into words coded as one word (:meth:`join_cut_names`)."""

    def __init__(self, text: str, codes: str, tags_of=None) -> None:
        self.text, self.codes, self.tags_of = text, codes, tags_of or _tags_of
        self.codes = self.join_cut_names()

    def join_cut_names(self) -> str:
        """The codes with each place's full name the segmenter cut into words (江北 城 街道:
        its first word marked _MULTI, the last _LAST, any others _MORE) coded as one word,
        a full name: only such runs of words are looked up in the gazetteer."""
        codes, cut_name, position, pieces, copied = self.codes, _patterns()[0], 0, [], 0
        while match := cut_name.search(codes, position):
            end = self._longest_name(match.start(), match.end())
            if end:
                pieces += [codes[copied : match.start()], self._joined(match.start(), end)]
                copied = end
            position = end or match.start() + 1
        return "".join(pieces) + codes[copied:] if pieces else codes

    @cached_property
    def clause_marks(self) -> list[int]:
        """The positions of the marks that end a clause (。，；… and spaces)."""
        return [mark.start() for mark in _CLAUSE_END.finditer(self.text)]

    def _longest_name(self, start: int, end: int) -> int:
        """Where the longest full name of a place from ``start`` ends (at the end of a word
        before ``end``, two words or more), or 0."""
        ends = [m.end() for m in _patterns()[2].finditer(self.codes, start, end)][1:]
        for stop in reversed(ends):
            if _is_full_name(self.text[start:stop]):
                return stop
        return 0

    def _joined(self, start: int, end: int) -> str:
        """The code of the words in ``[start, end)`` as one word that is a full name: it
        begins what its first word begins, and stands inside a name where all its words do."""
        words = self.words(start, end)
        inside = _INSIDE | _NAME_WORD
        for text, tag in zip(words.texts, words.tags, strict=True):
            inside &= _stands(text, tag)
        first = _begins(words.texts[0], words.tags[0]) | _FULL
        second = inside | (_HEAD if _ends_with_head(words.texts[-1]) else 0)
        return chr(_F + first) + chr(_S + second) + _FILLER * (end - start - 2)

    def words(self, start: int, end: int) -> _Words:
        """The words between ``start`` and ``end`` (from the word ``start`` is in)."""
        while 0 < start < len(self.codes) and not _begins_word(self.codes[start]):
            start -= 1
        spans = [m.span() for m in _patterns()[2].finditer(self.codes, start, end)]
        texts = [self.text[a:b] for a, b in spans]
        starts = [a for a, _ in spans] + [spans[-1][1] if spans else start]
        return _Words(texts, self.tags_of(texts), starts)


def _begins_word(character: str) -> bool:
    return _F <= ord(character) < _S or _U <= ord(character) < _U + _U_SIZE


def _coded(text: str, segmenter: str | None) -> _Coded:
    """``text`` coded for the grammar, cut as the segmenter cuts it without the discovered
    terms. With rjieba, the cut word counts made is read again (:func:`rjieba_cut`), a
    term's code being the codes of the words it is made of (新质生产力: 新质, 生产力); each
    word's code is looked up, worked out only for a word not met before in the process."""
    if (segmenter or default_segmenter()) != "rjieba":
        pairs = base_segmenter(segmenter).tag(text)
        codes = "".join(_PAIR_CODES.get(p) or _PAIR_CODES.setdefault(p, _code(*p)) for p in pairs)
        tags, tagger = dict(pairs), base_segmenter(segmenter)
        return _Coded(
            text,
            codes,
            lambda words: [tags.get(w) or dict(tagger.tag(w)).get(w, "x") for w in words],
        )
    words = rjieba_cut(text)
    _dictionary_coded()
    try:
        return _Coded(text, "".join(itemgetter(*words)(_CODES)) if words else "")
    except KeyError:  # a word not met before: the text's new words coded in one call
        _learn(set(words).difference(_CODES))
        return _Coded(text, "".join(itemgetter(*words)(_CODES)))


def _learn_new_words(texts: list[str]) -> None:
    """Code the words of ``texts`` not met before (a bulletin's), in one call to the tagger."""
    _dictionary_coded()
    new = set().union(*map(rjieba_cut, texts)).difference(_CODES)
    if new:
        _learn(new)


def _learn(words: set[str]) -> None:
    """Code words not met before, in one call to the tagger: a discovered term by the
    codes of the words it is made of."""
    found = sorted(words & _terms())
    parts = dict(zip(found, _cut_each(found), strict=True)) if found else {}
    for word in words.difference(parts):
        parts[word] = [word]
    alone = set(chain.from_iterable(parts.values())).difference(_TAGS)
    if alone:
        _TAGS.update(_tags_alone(rjieba_segmenter(), alone))
        _TAGS.update((w, "x") for w in alone if w not in _TAGS)  # cut apart when alone
    for word, pieces in parts.items():
        code = "".join(_code(piece, _TAGS[piece]) for piece in pieces)
        _CODES[word] = _INTERNED.setdefault(code, code)


@lru_cache(maxsize=1)
def _dictionary_coded() -> None:
    """Load the codes of the segmenter's dictionary, its user dictionary and the terms:
    worked out once per machine (a few seconds) and kept in the user's cache, so a process
    codes only the words the dictionary lacks (names, numbers)."""
    _CODES.update(pickled("name-codes", _codes_key(), _dictionary_codes))


def _dictionary_codes() -> dict[str, str]:
    words = {word for word, _ in _dictionary_entries()}
    words.update(word for word, _, _ in _user_words())
    _learn(words.difference(_CODES))
    return {word: _CODES[word] for word in words}


@lru_cache(maxsize=1)
def _codes_key() -> str:
    """What the dictionary's codes are worked out from: this module, the word lists, the
    gazetteer, the segmenter."""
    digest = hashlib.sha256(Path(__file__).read_bytes())
    for path in sorted(LEXICON_DIR.glob("*")):
        digest.update(path.name.encode() + path.read_bytes())
    digest.update((_fingerprint() + _version("rjieba") + _version("jieba")).encode())
    return digest.hexdigest()[:16]


def _version(package: str) -> str:
    try:
        return version(package)
    except PackageNotFoundError:  # jieba alone, where rjieba does not install
        return ""


def _tags_of(words: list[str]) -> list[str]:
    """rjieba's tags of ``words`` (x for one that is no word of its own), those not met
    before tagged in one call."""
    unseen = set(words).difference(_TAGS)
    if unseen:
        _TAGS.update(_tags_alone(rjieba_segmenter(), unseen))
        _TAGS.update((word, "x") for word in unseen if word not in _TAGS)
    return [_TAGS[word] for word in words]


@lru_cache(maxsize=1)
def _terms() -> frozenset[str]:
    return frozenset(word for word, _, _ in _user_words((TERMS,)))


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
    single, longer = _heads_by_length()
    return word.endswith(longer) or (len(word) >= 3 and word[-1] in single)


@lru_cache(maxsize=1)
def _heads_by_length() -> tuple[frozenset[str], tuple[str, ...]]:
    """The one-character heads, and the longer ones (for ``str.endswith``)."""
    heads = _rules()["org_head"]
    return frozenset(h for h in heads if len(h) == 1), tuple(h for h in heads if len(h) > 1)


# --- places -------------------------------------------------------------------------------


@lru_cache(maxsize=65536)
def _is_full_name(text: str) -> bool:
    """A place's full name: a town or county of three characters or more (社区 is the
    name of a town somewhere, and no place here), or a country, province or city."""
    places = gazetteer().full.get(text, [])
    return any(len(text) >= 3 or p.level not in ("town", "county") for p in places)


def _foreign_city(text: str) -> bool:
    places = gazetteer().full.get(text, [])
    return bool(places) and all(p.level == "city" and p.up("country") != "中国" for p in places)


def _has_place_suffix(word: str) -> bool:
    suffixes = _rules()["place_suffix"]
    if len(word) == 2:
        return suffixes.get(word[-1]) == "nature"
    return word.endswith(_ending_suffixes())


@lru_cache(maxsize=1)
def _ending_suffixes() -> tuple[str, ...]:
    return tuple(s for s, value in _rules()["place_suffix"].items() if value != "closing")


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
    if not name.endswith(_zone_endings()):
        return None
    for ending in _zone_endings():
        stem = name[: -len(ending)]
        if name.endswith(ending) and len(stem) >= 2:
            parent = _zone_parent(stem)
            return Place(parent.name + ending, "area", parent) if parent else None
    return None


@lru_cache(maxsize=1)
def _zone_endings() -> tuple[str, ...]:
    return tuple(sorted(_rules()["zone"], key=len, reverse=True))


def _zone_parent(stem: str) -> Place | None:
    places = [p for p in gazetteer().named(stem) if p.level in ("province", "city", "county")]
    return places[0] if len(places) == 1 else None


_PROPER_TAGS = frozenset({"ns", "nz", "nr", "nrt", "j"})


_SURE_LEVELS = frozenset({"country", "province", "city", "continent"})


@lru_cache(maxsize=65536)
def _short_name_levels(text: str) -> frozenset[str]:
    return frozenset(p.level for p in gazetteer().short.get(text, []))


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


def _registered(word: str) -> bool:
    """A registered company's name in one word (重庆百货大楼股份有限公司)."""
    return any(
        word.endswith(end) and len(word) >= len(end) + 2 for end in _rules()["org_registered"]
    )


def _inside_name(word: str, tag: str) -> bool:
    """A word that may stand inside an organisation's name: a noun or a name, or a
    numeral written in characters (湖南一块医药科技有限公司, 三元基因)."""
    if tag in _NAME_TAGS:
        return True
    return tag == "m" and all("\u4e00" <= c <= "\u9fff" for c in word)


# --- people -------------------------------------------------------------------------------


def _is_person(word: str, tag: str) -> bool:
    """A person's name: tagged as one, of two to four characters beginning with a surname,
    and neither a two-character word of the dictionary (文明, 卫星: the dictionary tags
    thousands of common words as names) unless listed as a person (李强), nor listed as
    no person (高水平)."""
    if tag == "nrt":
        return len(word) >= 3
    if tag not in _PERSON_TAGS or not 2 <= len(word) <= 4:
        return False
    rules = _rules()
    if word in rules.get("not_person", {}):
        return False
    if len(word) == 2 and word in _dictionary_names() and word not in rules.get("person", {}):
        return False
    names = surnames()
    return word[0] in names or word[:2] in names


@lru_cache(maxsize=1)
def _dictionary_names() -> frozenset[str]:
    """The two-character words jieba's dictionary tags as names (kept in the user's cache)."""
    return pickled("dictionary-names", _codes_key(), _read_dictionary_names)


def _read_dictionary_names() -> frozenset[str]:
    return frozenset(
        word for word, tag in _dictionary_entries() if len(word) == 2 and tag in ("nr", "nrfg")
    )


def _dictionary_entries() -> list[tuple[str, str]]:
    """``(word, tag)`` of each entry of jieba's dictionary (rjieba's is the same)."""
    import jieba

    with jieba.get_dict_file() as handle:
        lines = handle.read().decode("utf-8").splitlines()
    return [(parts[0], parts[-1]) for parts in map(str.split, lines) if len(parts) == 3]


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
    coded = _coded(text, segmenter)
    found = _confirmed(_read(coded), list(context))
    found += _enumerated(coded, found) if "等" in text else []
    found += _predicated(coded)
    found += _defined(text, found) if "称" in text else []
    found += _coordinated(coded, found) if "、" in text else []
    found = _dotted_names(coded, found) if _DOTS.search(text) else found
    return _one_sense(text, found)


_COMMON_TAGS = frozenset({"v", "vn", "vd", "a", "ad", "an", "d", "t", "m", "q", "r"})


def _may_begin(word: str, tag: str) -> bool:
    """Can a name begin with this word? Most words (verbs, particles, common nouns) cannot,
    and are passed over at once."""
    rules = _rules()
    if tag in _PROPER_TAGS or tag in _ORG_START_TAGS or tag in _PERSON_TAGS or tag == "nt":
        return True
    if word in rules["org_start"] or word in rules["abbreviation"]:
        return True
    if len(word) >= 3 and _is_full_name(word):
        return True  # a full name whatever its tag (硚口区: 硚 unknown, tagged a verb)
    if tag in _COMMON_TAGS:  # a county's short name that is a common word (合作) is no name
        return False
    return (
        _is_org_word(word, tag)
        or _is_place_word(word, tag)
        or (len(word) >= 2 and (_is_full_name(word) or word in _name_parts()[0]))
    )


def _read(coded: _Coded) -> list[Mention]:
    """The names the grammar reads in a text's codes, in order (a company's name ends at its
    registered ending unless a branch follows: :func:`_registered_end`)."""
    text, codes, found, position = coded.text, coded.codes, [], 0
    while match := _grammar().search(codes, position):
        start, end = match.span()
        if match.lastgroup == "org" and "公司" in text[start:end]:
            end = _registered_end(text[start:end]) + start  # the rest is read again
        found.append(Mention(text[start:end], match.lastgroup, start, end))
        position = end
    return found


def _registered_end(name: str) -> int:
    """Where an organisation's name ends: past its last registered ending (有限公司) when
    what follows ends like another company (…有限公司控股: the verb), unless that is a
    branch (…有限公司北京分公司); else at its end (…有限公司技术委员会: a body of its own)."""
    rules = _rules()
    ends = [name.rfind(e) + len(e) for e in rules["org_registered"] if e in name]
    last = max(ends, default=len(name))
    tail = name[last:]
    if not tail or tail.endswith(tuple(rules.get("org_branch", ()))):
        return len(name)
    companies = tuple(h for h, value in rules["org_head"].items() if value == "company")
    return last if tail.endswith(companies) else len(name)


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
    named = frozenset().union(*(p.lineage_names for p in sure))
    return [
        m
        for m in found
        if m.type != "place"
        or not _only_short_county(m.text)
        or any(supported(p, named) for p in book.named(m.text))
    ]


# A foreign name is written in parts joined by a dot: 安东尼·洛佩斯, 伊斯梅尔·萨布里·雅各布.
_DOTS = re.compile("[·•・]")
_NAME_PART_TAGS = frozenset({"nr", "nrt", "nrfg"})
_DOT_REACH = 12  # characters a part of a foreign name may have


def _dotted_names(coded: _Coded, found: list[Mention]) -> list[Mention]:
    """``found`` with each run of words tagged as names joined by dots (two parts or more)
    read as one person, in place of the people read in its parts; a run that overlaps a
    place or an organisation is left as it was."""
    text, runs = coded.text, []
    for dot in _DOTS.finditer(text):
        if runs and runs[-1][0] <= dot.start() < runs[-1][1]:
            continue  # a dot of the run before
        run = _dotted_run(coded, dot.start())
        if run is not None:
            runs.append(run)
    for start, end in runs:
        inside = [m for m in found if m.start < end and start < m.end]
        if all(m.type == "person" for m in inside):
            found = [m for m in found if m not in inside]
            found.append(Mention(text[start:end], "person", start, end))
    return sorted(found, key=lambda m: m.start)


def _dotted_run(coded: _Coded, dot: int) -> tuple[int, int] | None:
    """The span of the name parts joined by dots around the dot at ``dot``, or None where
    fewer than two parts are words tagged as names."""
    words = coded.words(max(0, dot - _DOT_REACH), dot + 1 + _DOT_REACH)
    k = bisect_left(words.starts, dot)
    if k >= len(words) or words.starts[k] != dot:
        return None
    first, last = k - 1, k + 1  # the parts beside the dot
    if (
        first < 0
        or last >= len(words)
        or not (_name_part(words, first) and _name_part(words, last))
    ):
        return None
    while first >= 2 and _DOTS.fullmatch(words.texts[first - 1]) and _name_part(words, first - 2):
        first -= 2
    while last + 2 < len(words) and _DOTS.fullmatch(words.texts[last + 1]):
        if not _name_part(words, last + 2):
            break
        last += 2
    return words.starts[first], words.starts[last + 1]


def _name_part(words: _Words, k: int) -> bool:
    return words.tags[k] in _NAME_PART_TAGS and 1 <= len(words.texts[k]) <= 6


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


def _enumerated(coded: _Coded, read: list[Mention]) -> list[Mention]:
    """The names of enumerations of organisations (``A、B和C等企业``); an item that is a
    place's name stays a place (深圳市罗湖区、…等单位: the district stands for its offices)."""
    text, places = coded.text, {m.start: m.end for m in read if m.type == "place"}
    found = []
    for end in _enumeration_end().finditer(text):
        clause_start = _clause(coded, end.start())[0]
        items = _items(text, clause_start, end.start(), coded.words(clause_start, end.start()))
        found += [
            Mention(text[a:b], "org", a, b) for a, b in items if not _all_places(a, b, places)
        ]
    return found


def _all_places(start: int, end: int, places: dict[int, int]) -> bool:
    """Is ``[start, end)`` a run of place names only (深圳市罗湖区)? ``places``: the end of
    the place name at each start."""
    position = start
    while position < end:
        if position not in places:
            return False
        position = places[position]
    return True


def _clause(coded: _Coded, position: int) -> tuple[int, int]:
    """The start and end of the clause ``position`` is in (``[start, end)``: between the
    marks that end clauses)."""
    marks = coded.clause_marks
    k = bisect_left(marks, position)
    return (marks[k - 1] + 1 if k else 0), (marks[k] if k < len(marks) else len(coded.text))


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


def _coordinated(coded: _Coded, found: list[Mention]) -> list[Mention]:
    """The names ending in an organisation's head word listed (A、B、C) beside a name
    already read as an organisation: 教育部、工信部、自然资源部."""
    orgs = {(m.start, m.end) for m in found if m.type == "org"}
    ends = sorted(end for _, end in orgs)
    text, coordinated = coded.text, []
    for clause in _lists(coded, ends):
        if not _holds_an_end(ends, clause.start(), clause.end()):
            continue  # no organisation in the list: nothing to go by
        end = text.find("等", clause.end() - len(clause.group().rsplit("、", 1)[-1]), clause.end())
        stop = clause.end() if end < 0 else end
        words = coded.words(clause.start(), stop)
        items = _items(text, clause.start(), stop, words)
        items = [(_name_start(words, *items[0]), items[0][1])] + items[1:] if items else []
        if any(item in orgs for item in items):
            coordinated += [
                Mention(text[a:b], "org", a, b)
                for a, b in items
                if b - a >= 3 and (a, b) not in orgs and _ends_with_head(text[a:b])
            ]
    return coordinated


def _lists(coded: _Coded, ends: list[int]):
    """The enumerations (A、B、C) of the clauses of the text that hold the end of a name
    in ``ends`` and a 、."""
    starts, text = set(), coded.text
    for end in ends:
        start, stop = _clause(coded, end - 1)
        if start not in starts:
            starts.add(start)
            if "、" in text[start:stop]:
                yield from _LIST.finditer(text, start, stop)


def _holds_an_end(ends: list[int], start: int, end: int) -> bool:
    k = bisect_left(ends, start + 1)
    return k < len(ends) and ends[k] <= end


_LIST = re.compile(
    r"""
    (?<![^。，,；;：:！？!?\n（）()“”"《》\s、])    # from a clause's start only: read once
    [^。，,；;：:！？!?\n（）()“”"《》\s、]+         # its first item
    (?:、[^。，,；;：:！？!?\n（）()“”"《》\s、]+)+   # and the others, after 、
    """,
    re.VERBOSE,
)


# A name said to be an organisation: 茅台成为中国白酒行业首家获此评级的企业; or said to have
# been founded: 学而思培优成立于2003年.
_COPULAS = frozenset({"成为", "是", "作为"})
_FOUNDED = frozenset({"成立", "创立", "创办", "创建", "始建", "始创"})  # followed by 于
_MAX_PREDICATE = 24  # characters from the verb to the class noun, within the clause
_SUBJECT_TAGS = frozenset({"n", "nz", "nt", "nr", "nrt", "j", "eng", "ns"})
_SUBJECT_REACH = 40  # characters before the verb its subject is looked for in


def _predicated(coded: _Coded) -> list[Mention]:
    """Names that are the subject of 成为/是 with a class of organisations closing the
    clause (X成为…企业), or of 成立于/创立于 (X成立于2003年)."""
    text, codes, found = coded.text, coded.codes, []
    word = _patterns()[2]
    for match in _patterns()[1].finditer(codes):
        start = match.start() - (_S <= ord(match.group()) < _FILLER_CODE)  # the verb's start
        end = word.match(codes, start).end()
        verb, after = text[start:end], word.match(codes, end) if end < len(codes) else None
        founded = verb.removesuffix("于") in _FOUNDED and (
            verb.endswith("于") or (after is not None and text[after.start() : after.end()] == "于")
        )
        if founded or (verb in _COPULAS and _ends_in_class(text, end)):
            words = coded.words(max(0, start - _SUBJECT_REACH), end)
            subject = _subject(words, len(words) - 1)
            if subject is not None:
                found.append(Mention(text[subject[0] : subject[1]], "org", *subject))
    return found


def _ends_in_class(text: str, start: int) -> bool:
    clause = _CLAUSE_END.search(text, start)
    stop = clause.start() if clause else len(text)
    if stop > start + _MAX_PREDICATE:
        return False
    return text[start:stop].endswith(_org_classes())


@lru_cache(maxsize=1)
def _org_classes() -> tuple[str, ...]:
    return tuple(_rules()["org_class"])


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
    tag = dict(base_segmenter().tag(text)).get(text)
    return tag is None or tag in _PROPER_TAGS or tag == "x"


def _one_sense(text: str, found: list[Mention]) -> list[Mention]:
    """Every occurrence of each organisation's name as an organisation; other names that
    overlap an organisation dropped; in order of position."""
    places = {m.end: m for m in found if m.type == "place"}
    named = {m.text for m in found if m.type == "org"}
    orgs = sorted(named | _short_company_names(named, text), key=len, reverse=True)
    taken = bytearray(len(text))
    kept = []
    for name in orgs:
        end = 0
        while (start := text.find(name, end)) >= 0:
            end = start + len(name)
            if any(taken[start:end]):
                continue
            before = places.get(start)  # a place just before the name is part of it: 贵州茅台
            if before is not None and not any(taken[before.start : start]):
                start = before.start
            taken[start:end] = b"\x01" * (end - start)
            kept.append(Mention(text[start:end], "org", start, end))
    kept += [m for m in found if m.type != "org" and not any(taken[m.start : m.end])]
    return sorted(kept, key=lambda m: m.start)


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
        return _columns_of(place)
    candidates = gazetteer().named(text)
    shared = [_shared([p.name for p in candidates]) or text, _shared([p.level for p in candidates])]
    return tuple(shared) + tuple(_shared([p.up(lv) for p in candidates]) for lv in _ROLLUP)


@lru_cache(maxsize=65536)
def _columns_of(place: Place) -> tuple:
    return (place.name, place.level) + tuple(place.up(level) for level in _ROLLUP)


def _shared(values: list) -> str | None:
    return values[0] if values and all(v == values[0] for v in values) else None


def _blank() -> tuple:
    return (None, None) + (None,) * len(_ROLLUP)


def _rows_of(record, found: list[Mention], context: list[Place]) -> list[tuple]:
    get = record.get if isinstance(record, dict) else partial(_attribute, record)
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


def _attribute(record, name: str):
    return getattr(record, name, None)  # a column the table lacks (no bylines) is empty


def article_entities(record, *, context: list[Place] = (), segmenter: str | None = None):
    """``entities`` rows for one article (a record of the articles table: a dict or a named
    tuple), one per distinct name and type, most frequent first. ``context``: places named
    elsewhere in the bulletin, which decide between places of one name."""
    found = mentions(article_text(record), context=list(context), segmenter=segmenter)
    return _rows_of(record, found, list(context))


def _names(value) -> list[str]:
    """The people a byline field names (a list of strings), each as one name: spaces
    squeezed (董  涛), a label before a colon dropped (执笔：董涛); a whole line of a byline
    field that is no name (作者为…研究中心学术顾问, ——编者) names no one."""
    if not isinstance(value, list):
        return []
    names = (_BYLINE_LABEL.sub("", re.sub(r"\s+", "", v)) for v in value if isinstance(v, str))
    return [name for name in names if _PERSON_NAME.fullmatch(name)]


_BYLINE_LABEL = re.compile(r"^[^：:]{1,4}[：:]")  # 执笔：, 文：
# A name: two to six Chinese characters, or a transcribed foreign name with its dots
_PERSON_NAME = re.compile(
    r"[\u4e00-\u9fff]{2,6}|[\u4e00-\u9fff]{1,8}(?:[·•・][\u4e00-\u9fff]{1,8})+"
)


def _unambiguous(found: list[list[Mention]]) -> list[Place]:
    """The places a bulletin names unambiguously: the context of every article."""
    book = gazetteer()
    named = {m.text for names in found for m in names if m.type == "place"}
    return [book.named(text)[0] for text in named if len(book.named(text)) == 1]


def _kind(record) -> str | None:
    return record.get("kind") if isinstance(record, dict) else getattr(record, "kind", None)


def prepare_entities() -> None:
    """Load what reading names needs once in a process (the gazetteer, the codes of the
    dictionary's words, the grammar): an archive's worker does before its first file."""
    gazetteer()
    if default_segmenter() == "rjieba":
        _dictionary_coded()
    _grammar()
    _patterns()


def entity_rows(records, *, segmenter: str | None = None) -> list[tuple]:
    """The ``entities`` rows of a bulletin's articles (records: dicts or named tuples), each
    article read once, its places resolved with the help of the whole bulletin's."""
    records = [r for r in records if _kind(r) != "meta"]  # page furniture names no one
    texts = [article_text(r) for r in records]
    if (segmenter or default_segmenter()) == "rjieba":
        _learn_new_words(texts)
    found = [mentions(text, segmenter=segmenter) for text in texts]
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
    if "article_id" not in articles.columns:
        raise ValueError("articles need an article_id column: pass parse_articles' table")
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
