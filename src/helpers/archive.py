"""Archives: many bulletins at once, on every core or on a Dask cluster, cached as Parquet.

``load_archive(paths_or_glob)`` runs the same per-file function (:func:`process_file`:
read, parse, extract figures, and count words on request) over every bulletin and returns
an :class:`Archive` of DataFrames with ``source_file``, ``issue_date`` and ``page`` columns.
A file that cannot be read is listed in ``Archive.failures`` (file and one-line reason) and
in the log; the others go on.

Engines: ``"local"`` (a process pool over every core, jieba loaded once per worker) and
``"dask"`` (a Dask bag of paths, on the local process scheduler, or on a
``dask.distributed`` cluster when ``address`` names its scheduler).

Results are cached under ``data/processed/archive/`` as Parquet, keyed by each file's
content hash and the code version, so a rerun on a grown folder processes only new or
changed files.
"""

from __future__ import annotations

import glob as globbing
import hashlib
import logging
import os
import re
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .articles import load_text, records_frame, split_articles
from .dates import infer_issue_date
from .errors import BulletinError
from .figures import figure_rows, frame_from_rows
from .paths import LEXICON_DIR, PROCESSED_DIR

__all__ = ["Archive", "load_archive", "process_file", "find_bulletins", "CODE_VERSION"]

log = logging.getLogger(__name__)
TABLES = ("articles", "figures", "words")
_PAGE_IN_NAME = re.compile(r"(?:_p|page|版)(\d{1,3})(?!\d)", re.IGNORECASE)
_PAGE_IN_HEADER = re.compile(r"第\s*(\d{1,3})\s*版")


def _code_version() -> str:
    """A hash of the package's code and lexicons: cached results older than it are redone."""
    digest = hashlib.sha256()
    for path in sorted(Path(__file__).parent.glob("*.py")) + sorted(LEXICON_DIR.glob("*.*")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


CODE_VERSION = _code_version()


@dataclass
class FileResult:
    """What :func:`process_file` made of one bulletin: plain rows (cheap to send between
    processes; the DataFrames are built once, for all files), or why it failed."""

    path: str
    content_hash: str
    stamp: tuple = ()
    rows: dict[str, list] = field(default_factory=dict)
    error: str | None = None


@dataclass
class Archive:
    """The tables of an archive run, with what failed and what came from the cache."""

    articles: pd.DataFrame
    figures: pd.DataFrame
    words: pd.DataFrame | None
    failures: pd.DataFrame
    processed: int = 0
    cached: int = 0

    def __repr__(self) -> str:
        return (f"Archive({len(self.articles)} articles, {len(self.figures)} figures, "
                f"{self.articles['source_file'].nunique() if len(self.articles) else 0} files, "
                f"{len(self.failures)} failed; {self.processed} processed, {self.cached} from cache)")


def find_bulletins(paths_or_glob) -> list[Path]:
    """Bulletin files from a folder (``*.txt`` below it), a glob, a file, or a list of them."""
    items = [paths_or_glob] if isinstance(paths_or_glob, (str, Path)) else list(paths_or_glob)
    found: list[Path] = []
    for item in items:
        path = Path(item)
        if path.is_dir():
            found += sorted(p for p in path.rglob("*.txt") if p.is_file())
        elif path.exists():
            found.append(path)
        else:
            matches = sorted(Path(p) for p in globbing.glob(str(item), recursive=True))
            if not matches:
                raise BulletinError(f"{item} matches no file")
            found += [p for p in matches if p.is_file()]
    return list(dict.fromkeys(p.resolve() for p in found))


def _page(path: Path, records: list[dict]) -> int | None:
    match = _PAGE_IN_NAME.search(path.stem)
    if match:
        return int(match.group(1))
    for record in records:
        found = _PAGE_IN_HEADER.search(record["body"] or "") if record["kind"] == "meta" else None
        if found:
            return int(found.group(1))
    return None


def _hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:32]


def process_file(path: str | Path, *, words: bool = False) -> FileResult:
    """Read, parse and extract one bulletin; never raises for a bad file."""
    path = Path(path)
    try:
        content_hash = _hash(path)
    except OSError as error:
        return FileResult(str(path), "", error=f"cannot be read ({error.strerror or error})")
    try:
        text, name = load_text(path)
        issue = infer_issue_date(text, name)
        records = split_articles(text, issue_date=issue, name=name)
    except BulletinError as error:
        return FileResult(str(path), content_hash, error=str(error))
    rows = {"articles": records,
            "figures": figure_rows((r["article_id"], r["kind"], r["body"]) for r in records)}
    if words:
        from .topics import article_text, word_rows

        rows["words"] = [row for r in records if r["kind"] != "meta"
                         for row in word_rows(r["article_id"], article_text(r))]
    stamp = (str(path), issue.isoformat() if issue else None, _page(path, records))
    return FileResult(str(path), content_hash, stamp, rows)


def _frames(results: list[FileResult]) -> dict[str, pd.DataFrame]:
    """One DataFrame per table for all the files, each row stamped with its file."""
    from .topics import words_frame

    build = {"articles": records_frame, "figures": frame_from_rows, "words": words_frame}
    frames = {}
    for name, builder in build.items():
        present = [r for r in results if not r.error and name in r.rows]
        if not present:
            frames[name] = pd.DataFrame()
            continue
        frame = builder([row for r in present for row in r.rows[name]])
        sizes = [len(r.rows[name]) for r in present]
        for index, column in enumerate(("source_file", "issue_date", "page")):
            values = [r.stamp[index] for r, size in zip(present, sizes) for _ in range(size)]
            frame.insert(index, column, pd.Series(values, dtype=object, index=frame.index))
        frame["issue_date"] = pd.to_datetime(frame["issue_date"], format="%Y-%m-%d")
        frame["page"] = frame["page"].astype("Int64")
        frames[name] = frame
    return frames


def _init_worker(words: bool) -> None:
    if words:  # load jieba's dictionary once per worker, not once per file
        from .topics import pos_tokenizer

        pos_tokenizer()


def _progress(iterable, total: int, show: bool, description: str):
    if not show:
        return iterable
    from tqdm.auto import tqdm

    return tqdm(iterable, total=total, desc=description, unit="file")


def _run_local(paths: list[Path], words: bool, workers: int | None, show: bool) -> list[FileResult]:
    workers = workers or os.cpu_count() or 1
    if workers == 1 or len(paths) < 4:
        _init_worker(words)
        return [process_file(p, words=words) for p in _progress(paths, len(paths), show, "bulletins")]
    with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker, initargs=(words,)) as pool:
        jobs = pool.map(_process_for_pool, [(str(p), words) for p in paths], chunksize=8)
        return list(_progress(jobs, len(paths), show, "bulletins"))


def _process_for_pool(job: tuple[str, bool]) -> FileResult:
    path, words = job
    return process_file(path, words=words)


def _run_dask(paths: list[Path], words: bool, workers: int | None, address: str | None,
              show: bool) -> list[FileResult]:
    import dask.bag as bag

    partitions = max(1, min(len(paths), (workers or os.cpu_count() or 1) * 4))
    jobs = bag.from_sequence([(str(p), words) for p in paths], npartitions=partitions).map(_process_for_pool)
    if address:
        from distributed import Client, progress

        with Client(address) as client:
            future = client.compute(jobs)
            if show:
                progress(future)
            return future.result()
    if show:
        from dask.diagnostics import ProgressBar

        with ProgressBar():
            return jobs.compute(scheduler="processes", num_workers=workers)
    return jobs.compute(scheduler="processes", num_workers=workers)


class _Cache:
    """Parquet tables plus a manifest of (file, content hash, code version, words?)."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.manifest_path = folder / "manifest.parquet"

    def manifest(self) -> pd.DataFrame:
        if self.manifest_path.exists():
            return pd.read_parquet(self.manifest_path)
        return pd.DataFrame({"source_file": pd.Series(dtype=object), "content_hash": pd.Series(dtype=object),
                             "code_version": pd.Series(dtype=object), "words": pd.Series(dtype=bool),
                             "error": pd.Series(dtype=object)})

    def table(self, name: str) -> pd.DataFrame | None:
        path = self.folder / f"{name}.parquet"
        return _as_built(pd.read_parquet(path)) if path.exists() else None

    def write(self, name: str, frame: pd.DataFrame) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        temporary = self.folder / f".{name}.parquet.tmp"
        frame.to_parquet(temporary, index=False)
        temporary.replace(self.folder / f"{name}.parquet")  # readers never see half a file


_LIST_COLUMNS = ("reporters", "interns", "correspondents", "photographers", "furniture")


def _as_built(frame: pd.DataFrame) -> pd.DataFrame:
    """A table read back from Parquet, typed as freshly built ones are: text as Python
    strings with None, name lists as lists."""
    for column in frame.columns:
        if column in _LIST_COLUMNS:
            frame[column] = pd.Series([list(v) for v in frame[column]], dtype=object, index=frame.index)
        elif pd.api.types.is_string_dtype(frame[column]) and frame[column].dtype != object:
            values = frame[column].astype(object)
            frame[column] = values.where(values.notna(), None)
    return frame


def _concat(frames: list[pd.DataFrame]) -> pd.DataFrame:
    frames = [f for f in frames if f is not None and len(f.columns)]
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()


def load_archive(paths_or_glob, *, engine: str = "local", workers: int | None = None, words: bool = False,
                 cache_dir: str | Path | None = PROCESSED_DIR / "archive", address: str | None = None,
                 progress: bool = True) -> Archive:
    """Articles and figures (and word frequencies with ``words=True``) for every bulletin.

    Args:
        paths_or_glob: a folder, a glob (``"archive/2020-*/*.txt"``), a file, or a list.
        engine: ``"local"`` (process pool) or ``"dask"``.
        workers: processes to use (default: every core).
        words: also count words (jieba); slower, cached separately.
        cache_dir: Parquet cache folder; None turns the cache off.
        address: a ``dask.distributed`` scheduler address (``tcp://host:8786``), with ``engine="dask"``.
        progress: show a progress bar (terminal or JupyterLab).
    """
    if engine not in ("local", "dask"):
        raise ValueError(f"engine must be 'local' or 'dask', not {engine!r}")
    paths = find_bulletins(paths_or_glob)
    cache = _Cache(Path(cache_dir)) if cache_dir is not None else None
    manifest = cache.manifest() if cache else None
    known: dict[str, tuple] = {}
    if manifest is not None:
        for row in manifest.itertuples(index=False):
            known[row.source_file] = (row.content_hash, row.code_version, bool(row.words), row.error)
    todo, reuse = [], []
    for path in paths:
        entry = known.get(str(path))
        if entry and entry[1] == CODE_VERSION and (entry[2] or not words) and entry[0] == _hash(path):
            reuse.append(str(path))
        else:
            todo.append(path)
    if todo:
        log.info("processing %d bulletins (%d from cache)", len(todo), len(reuse))
        results = (_run_dask(todo, words, workers, address, progress) if engine == "dask"
                   else _run_local(todo, words, workers, progress))
    else:
        results = []
    for result in results:
        if result.error:
            log.warning("%s: %s", result.path, result.error)

    new = _frames(results)
    redone = {r.path for r in results}
    tables = {}
    for name in TABLES:
        old = cache.table(name) if cache else None
        if old is not None and len(old):
            old = old[~old["source_file"].isin(redone)]  # other folders' results stay cached
        tables[name] = _concat([old, new[name]])
    failures = pd.DataFrame(
        [(r.path, r.error) for r in results if r.error]
        + [(f, known[f][3]) for f in reuse if known[f][3]],
        columns=["source_file", "reason"])
    if cache:
        entries = [(r.path, r.content_hash, CODE_VERSION, words, r.error) for r in results]
        if manifest is not None and len(manifest):
            entries += [tuple(row) for row in manifest[~manifest["source_file"].isin(redone)]
                        .itertuples(index=False)]
        cache.write("manifest", pd.DataFrame(entries, columns=["source_file", "content_hash", "code_version",
                                                               "words", "error"]))
        for name in TABLES:
            if len(tables[name].columns):
                cache.write(name, tables[name])
    order = {str(p): i for i, p in enumerate(paths)}
    for name in TABLES:
        table = tables[name]
        if len(table):
            table = table[table["source_file"].isin(order)]
            table = table.iloc[table["source_file"].map(order).argsort(kind="stable")].reset_index(drop=True)
        tables[name] = table
    return Archive(articles=tables["articles"], figures=tables["figures"],
                   words=tables["words"] if words else None, failures=failures,
                   processed=len(results), cached=len(reuse))
