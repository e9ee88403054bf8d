"""The per-user cache: data built once per machine and read back in a fraction of the time.

``cache_dir()`` is ``$XDG_CACHE_HOME/bulletin-notebooks`` (``~/.cache/...``), where jieba
keeps its dictionary cache too. ``pickled(name, key, build)`` returns ``build()``, kept as a
pickle named after ``name`` and ``key``: the key says what the value was built from (a
version, a hash of the data), so a change of either builds it again. Deleting the folder is
always safe. The files are this user's own (mode 600), written whole or not at all; storing a
value removes the pickles of its name under other keys (left behind by a changed source).
"""

from __future__ import annotations

import os
import pickle
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

__all__ = ["cache_dir", "pickled"]

T = TypeVar("T")


def cache_dir() -> Path:
    """The per-user cache folder, made if missing."""
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    folder = Path(base) / "bulletin-notebooks"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def pickled(name: str, key: str, build: Callable[[], T]) -> T:
    """``build()``, read from the cache where it was stored under ``name`` and ``key``
    (``tests/test_cache.py`` shows each case in a cache of its own)."""
    try:
        path = cache_dir() / f"{name}-{key}.pickle"
    except OSError:  # no cache folder to be had (a file in its place, a read-only home)
        return build()
    try:
        return pickle.loads(path.read_bytes())
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        value = build()
    _store(value, path)
    return value


def _store(value: object, path: Path) -> None:
    """Write the pickle whole or not at all: processes storing it at once each rename their
    own file into place. A cache that cannot be written is no error."""
    try:
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(handle, "wb") as file:
            pickle.dump(value, file, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except OSError:
        Path(temporary).unlink(missing_ok=True)
        return
    _remove_stale(path)


def _remove_stale(path: Path) -> None:
    """Remove the pickles of the same name built under other keys: a changed source left
    them behind, and nothing reads them again."""
    name = path.name[: -len(".pickle")].rsplit("-", 1)[0]
    for other in path.parent.glob(f"{name}-*.pickle"):
        if other != path and other.name[len(name) + 1 : -len(".pickle")].count("-") == 0:
            other.unlink(missing_ok=True)
