"""helpers.tables: one declaration per table, the same dtypes from one bulletin or an archive."""

from __future__ import annotations

import re
import shutil

import pandas as pd
import pytest
from conftest import DATA

from helpers import extract_figures, parse_articles, tables
from helpers.archive import load_archive
from helpers.paths import PROJ_ROOT, SAMPLE_BULLETIN
from helpers.topics import word_frequencies

BULLETINS = [SAMPLE_BULLETIN, *sorted(DATA.glob("*.txt"))]
ARCHIVED = ("articles", "figures", "words")  # the tables an archive holds


@pytest.fixture(scope="module")
def archived(tmp_path_factory):
    """Every project bulletin through load_archive, no cache."""
    folder = tmp_path_factory.mktemp("bulletins")
    for path in BULLETINS:
        shutil.copy(path, folder / path.name)
    return folder, load_archive(folder, words=True, cache_dir=None, progress=False)


def _single(path):
    articles = parse_articles(path)
    return {
        "articles": articles,
        "figures": extract_figures(articles),
        "words": word_frequencies(articles),
    }


def _one_file(table: pd.DataFrame, folder, name: str) -> pd.DataFrame:
    rows = table[table["source_file"] == str((folder / name).resolve())]
    return rows.drop(columns=tables.columns("articles", stamped=True)[:3]).reset_index(drop=True)


@pytest.mark.parametrize("path", BULLETINS, ids=[p.stem for p in BULLETINS])
@pytest.mark.parametrize("name", ARCHIVED)
def test_one_bulletin_and_the_archive_give_the_same_table(archived, path, name):
    folder, archive = archived
    single = _single(path)[name]
    from_archive = _one_file(getattr(archive, name), folder, path.name)
    assert dict(single.dtypes) == dict(from_archive.dtypes)
    assert len(single) > 0
    pd.testing.assert_frame_equal(single, from_archive)


@pytest.mark.parametrize("name", ARCHIVED)
def test_tables_are_typed_as_declared_even_when_empty(archived, name):
    _, archive = archived
    stamped = tables.dtypes(name, stamped=True)
    assert {c: str(t) for c, t in getattr(archive, name).dtypes.items()} == stamped
    empty = tables.frame(name, [])
    assert list(empty.columns) == tables.columns(name)
    assert {c: str(t) for c, t in empty.dtypes.items()} == tables.dtypes(name)


def test_missing_text_is_nan_and_name_lists_are_lists():
    articles = parse_articles(SAMPLE_BULLETIN)
    photo = articles[articles["kind"] == "photo"].iloc[0]
    assert pd.isna(photo["headline"]) and tables.text_or(photo["headline"], "图片") == "图片"
    assert all(isinstance(names, list) for names in articles["reporters"])


def _readme_table(heading: str) -> set[str]:
    """The backticked column names in the first cells of the README table after ``heading``."""
    readme = (PROJ_ROOT / "README.md").read_text(encoding="utf-8")
    after = readme[readme.index(heading) :]
    rows = re.search(r"\| column \| meaning \|\n\| --- \| --- \|\n((?:\|.*\|\n)+)", after)
    assert rows, f"no column table after {heading!r} in README.md"
    first_cells = [line.split("|")[1] for line in rows.group(1).splitlines()]
    return {name for cell in first_cells for name in re.findall(r"`(\w+)`", cell)}


@pytest.mark.parametrize(
    ("name", "heading"),
    [
        pytest.param("articles", "returns one row per item", id="articles"),
        pytest.param("figures", "### Figures", id="figures"),
        pytest.param("words", "### Topics and charts", id="words"),
        pytest.param("lines", "### Line roles", id="lines"),
    ],
)
def test_readme_column_tables_match_the_declarations(name, heading):
    assert _readme_table(heading) == set(tables.columns(name))


def test_unknown_table_is_a_clear_error():
    with pytest.raises(ValueError, match="no table 'pages'"):
        tables.columns("pages")
