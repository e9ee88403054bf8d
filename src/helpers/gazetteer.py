"""Places: a gazetteer of China's administrative divisions and the world's countries.

The data is JioNLP's (Apache-2.0, maintained; ``jionlp/dictionary``): every province, city
and county of China with its code and short name (南岸区 · 500108 · 南岸), the towns and
streets under each county (乡, 镇, 街道; villages are left out: too many of their names are
common words), and the world's countries with their capitals and large cities. The files are
read straight from the installed package, without importing JioNLP. Places the national lists
do not hold (development zones, business districts, regions such as 长三角) come from the
editable ``data/lexicon/places.csv``.

A :class:`Place` knows its parents, so mentions roll up: 南岸 → 南岸区 → 重庆市 → 中国.
A name several places share (江北区 of 重庆市 and of 宁波市) is resolved by :func:`resolve`
from the places named beside it.
"""

from __future__ import annotations

import csv
import hashlib
import io
import zipfile
from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import metadata
from pathlib import Path

from .cache import pickled
from .errors import BulletinError
from .paths import LEXICON_DIR

__all__ = ["Place", "Gazetteer", "GazetteerMissingError", "gazetteer", "resolve", "EXTRA_PLACES"]

EXTRA_PLACES = LEXICON_DIR / "places.csv"
LEVELS = ("country", "province", "city", "county", "town")
_CHINA = "中国"
_SOURCE = "jionlp"
_MISSING = "the place gazetteer needs JioNLP's data ({name}): pip install jionlp"


class GazetteerMissingError(BulletinError):
    """JioNLP's data files, the gazetteer, are not installed."""


@dataclass(frozen=True)
class Place:
    """One place of the gazetteer: its full name, level and parent (None for a country)."""

    name: str
    level: str
    parent: Place | None = None
    code: str = ""

    def up(self, level: str) -> str | None:
        """The name of this place or of its parent at ``level`` (city, province...).

        >>> nan_an = gazetteer().named("南岸区")[0]
        >>> nan_an.up("city"), nan_an.up("province"), nan_an.up("country")
        ('重庆市', '重庆市', '中国')
        """
        place: Place | None = self
        while place is not None:
            if place.level == level or (level == "city" and place.is_municipality):
                return place.name
            place = place.parent
        return None

    @property
    def is_municipality(self) -> bool:
        """A province-level city (北京市, 重庆市...), which is its own city."""
        return self.level == "province" and self.name.endswith("市")

    @cached_property
    def region_names(self) -> frozenset[str]:
        """The names of the county, city and province this place is or lies in."""
        levels = ("province", "city", "county")
        return frozenset(p.name for p in self.lineage() if p.level in levels)

    @cached_property
    def lineage_names(self) -> frozenset[str]:
        """The names of this place and its parents (worked out once a place)."""
        return frozenset(p.name for p in self.lineage())

    def lineage(self) -> list[Place]:
        """This place and its parents, nearest first."""
        chain, place = [], self
        while place is not None:
            chain.append(place)
            place = place.parent
        return chain


class Gazetteer:
    """Every known place under its full name and its short names."""

    def __init__(self) -> None:
        self.full: dict[str, list[Place]] = defaultdict(list)
        self.short: dict[str, list[Place]] = defaultdict(list)

    def add(self, place: Place, *aliases: str) -> Place:
        self.full[place.name].append(place)
        for alias in aliases:
            if alias and alias != place.name and len(alias) >= 2:
                self.short[alias].append(place)
        return place

    def named(self, name: str) -> list[Place]:
        """The places whose full name is ``name``, else those it is a short name of."""
        return self.full.get(name) or self.short.get(name) or []

    def find_path(self, path: str) -> Place | None:
        """The place at a path of full names from the top (``重庆市/江北区``)."""
        parts = [p for p in path.split("/") if p]
        if not parts:
            return None
        for place in self.full.get(parts[-1], []):
            names = [p.name for p in reversed(place.lineage())]
            if names[-len(parts) :] == parts:
                return place
        return None


def _data(name: str) -> bytes:
    try:
        located = metadata.distribution(_SOURCE).locate_file(f"jionlp/dictionary/{name}")
        return located.read_bytes()
    except (metadata.PackageNotFoundError, OSError) as error:
        raise GazetteerMissingError(_MISSING.format(name=name)) from error


def _china_lines() -> list[str]:
    with zipfile.ZipFile(io.BytesIO(_data("china_location.zip"))) as archive:
        text = archive.read(archive.namelist()[0]).decode("utf-8")
    return [line for line in text.splitlines() if not line.startswith("\t\t\t\t")]


def _load_china(book: Gazetteer, china: Place) -> None:
    """Provinces (no tab), cities (one tab), counties (two), towns (three)."""
    chain: list[Place] = [china]
    for line in _china_lines():
        depth = len(line) - len(line.lstrip("\t"))
        fields = line.strip().split("\t")
        if not fields[0]:
            continue
        parent = chain[depth]
        level = LEVELS[depth + 1]
        if depth == 1 and fields[0] == parent.name:  # a municipality's city: itself
            chain[depth + 1 :] = [parent]
            continue
        code = fields[1] if len(fields) > 1 else ""
        place = book.add(Place(fields[0], level, parent, code), *fields[2:3])
        chain[depth + 1 :] = [place]


def _load_world(book: Gazetteer, china: Place) -> None:
    """Continents (a line ending in a colon), countries with their long names, capitals
    and cities (China's own come from the national list)."""
    continent = None
    for line in _data("world_location.txt").decode("utf-8").splitlines():
        fields = line.strip().split("\t")
        if not fields[0]:
            continue
        if fields[0].endswith(":") or fields[0].endswith("："):
            continent = book.add(Place(fields[0].rstrip(":："), "continent"))
            continue
        if fields[0] == _CHINA:
            book.add(china, *fields[1:2])
            continue
        country = book.add(Place(fields[0], "country", continent), *fields[1:2])
        cities = fields[2:3] + (fields[3].split("/") if len(fields) > 3 else [])
        for city in filter(None, cities):
            book.add(Place(city, "city", country))


def _load_extra(book: Gazetteer, china: Place) -> None:
    lines = EXTRA_PLACES.read_text(encoding="utf-8").splitlines()
    for row in csv.DictReader(line for line in lines if not line.startswith("#")):
        parent = book.find_path(row["parent"]) if row["parent"] else china
        book.add(Place(row["name"], row["level"] or "area", parent or china))


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The process's gazetteer: read once from the data (half a second), then from a pickle
    in the user's cache folder (a twentieth of that), made again where the data, this
    module or ``places.csv`` changed.

    >>> [p.up("province") for p in gazetteer().named("江北区")]
    ['浙江省', '重庆市']
    """
    return pickled("gazetteer", _fingerprint(), _build)


def _fingerprint() -> str:
    """What the gazetteer is built from: JioNLP's version, this module, ``places.csv``."""
    try:
        version = metadata.version(_SOURCE)
    except metadata.PackageNotFoundError as error:
        raise GazetteerMissingError(_MISSING.format(name="jionlp")) from error
    digest = hashlib.sha256(version.encode())
    digest.update(Path(__file__).read_bytes())
    digest.update(EXTRA_PLACES.read_bytes())
    return digest.hexdigest()[:16]


def _build() -> Gazetteer:
    book = Gazetteer()
    china = Place(_CHINA, "country")
    _load_world(book, china)
    _load_china(book, china)
    _load_extra(book, china)
    return book


def _support(place: Place, context: list[Place]) -> int:
    """How many places of ``context`` lie in the same province as ``place`` (itself, a
    parent or a child); places of other countries count for their country."""
    mine = place.region_names
    return sum(1 for other in context if not mine.isdisjoint(other.lineage_names))


def supported(place: Place, named: frozenset[str]) -> bool:
    """Does one of the places whose lineages' names are ``named`` (all of them together)
    lie in the same province as ``place``: ``_support(place, context) > 0`` at the cost
    of one set operation."""
    return not place.region_names.isdisjoint(named)


def resolve(name: str, context: list[Place] = ()) -> Place | None:
    """The place ``name`` stands for, or None where the gazetteer does not know it or
    cannot tell which of several it is.

    ``context``: the places named nearby (unambiguous ones), which decide between places
    of one name: 江北区 beside 渝中区 is 重庆市's.

    >>> book = gazetteer()
    >>> resolve("南岸").name, resolve("江北区") is None
    ('南岸区', True)
    >>> resolve("江北区", book.named("渝中区")).up("city")
    '重庆市'
    """
    candidates = gazetteer().named(name)
    if len(candidates) <= 1:
        return candidates[0] if candidates else None
    support = [_support(place, list(context)) for place in candidates]
    best = max(support)
    chosen = [p for p, s in zip(candidates, support, strict=True) if s == best]
    if len(chosen) == 1 and best > 0:
        return chosen[0]
    return _highest(chosen)


def _highest(candidates: list[Place]) -> Place | None:
    """Of places sharing a name without context, the one of a higher level than all the
    others (湖北 the province, not a town called 湖北), else None: not known which."""
    ranks = sorted(
        (LEVELS.index(p.level) if p.level in LEVELS else len(LEVELS), i)
        for i, p in enumerate(candidates)
    )
    if len(ranks) > 1 and ranks[0][0] == ranks[1][0]:
        return None
    return candidates[ranks[0][1]]
