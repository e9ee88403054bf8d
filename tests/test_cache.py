"""The per-user cache: built once, read back, built again when its key or file changes."""

from __future__ import annotations

import pytest

from helpers.cache import cache_dir, pickled


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    return tmp_path / "bulletin-notebooks"


class Builder:
    def __init__(self, value):
        self.value, self.calls = value, 0

    def __call__(self):
        self.calls += 1
        return self.value


def test_a_value_is_built_once_then_read(cache):
    build = Builder({"南岸": ["南岸区"]})
    assert pickled("places", "v1", build) == {"南岸": ["南岸区"]}
    assert pickled("places", "v1", build) == {"南岸": ["南岸区"]}
    assert build.calls == 1
    assert cache_dir() == cache and (cache / "places-v1.pickle").is_file()
    assert not list(cache.glob("*.tmp"))  # written whole, under its own name


@pytest.mark.parametrize(
    ("key", "damage", "calls"),
    [
        pytest.param("v2", None, 2, id="new-key"),
        pytest.param("v1", b"not a pickle", 2, id="corrupt-file"),
        pytest.param("v1", b"", 2, id="empty-file"),
        pytest.param("v1", None, 1, id="same-key"),
    ],
)
def test_a_changed_key_or_a_damaged_file_builds_again(cache, key, damage, calls):
    build = Builder([1, 2, 3])
    pickled("numbers", "v1", build)
    if damage is not None:
        (cache / "numbers-v1.pickle").write_bytes(damage)
    assert pickled("numbers", key, build) == [1, 2, 3]
    assert build.calls == calls


def test_a_cache_that_cannot_be_made_is_no_error(cache):
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_text("a file where the folder should be")
    build = Builder("值")
    assert pickled("word", "v1", build) == "值"
    assert pickled("word", "v1", build) == "值" and build.calls == 2  # built each time


def test_a_new_key_removes_the_pickles_of_old_keys_only(cache):
    pickled("numbers", "v1", Builder([1]))
    pickled("numbers-extra", "v1", Builder([2]))  # another name that begins alike
    assert pickled("numbers", "v2", Builder([3])) == [3]
    assert sorted(p.name for p in cache.glob("*.pickle")) == [
        "numbers-extra-v1.pickle",
        "numbers-v2.pickle",
    ]
