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

import gc
import glob as globbing
import hashlib
import logging
import multiprocessing
import os
import re
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import chain, repeat
from operator import itemgetter
from pathlib import Path

import pandas as pd

from . import tables
from .articles import Bulletin, load_bulletin, split_articles
from .entities import entity_rows, prepare_entities
from .errors import BulletinError
from .figures import figure_rows
from .paths import LEXICON_DIR, PROCESSED_DIR
from .topics import article_word_columns

__all__ = ["Archive", "load_archive", "process_file", "find_bulletins", "CODE_VERSION"]

log = logging.getLogger(__name__)
TABLES = ("articles", "figures", "words", "entities")
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
    """What :func:`process_file` made of one bulletin: plain rows (article dicts, figure
    tuples) and word columns (a dict of lists), from which a chunk's Arrow tables are
    built, or why it failed."""

    path: str
    content_hash: str
    stamp: tuple = ()
    rows: dict[str, list | dict[str, list]] = field(default_factory=dict)
    error: str | None = None


@dataclass
class Archive:
    """The tables of an archive run, with what failed and what came from the cache."""

    articles: pd.DataFrame
    figures: pd.DataFrame
    words: pd.DataFrame | None
    failures: pd.DataFrame
    entities: pd.DataFrame | None = None
    processed: int = 0
    cached: int = 0

    def __repr__(self) -> str:
        return (
            f"Archive({len(self.articles)} articles, {len(self.figures)} figures, "
            f"{self.articles['source_file'].nunique() if len(self.articles) else 0} files, "
            f"{len(self.failures)} failed; {self.processed} processed, {self.cached} from cache)"
        )


# The files of a folder read as bulletins: plain text, and Markdown pages (helpers.markup).
BULLETIN_SUFFIXES = (".txt", ".md", ".markdown")


def find_bulletins(paths_or_glob) -> list[Path]:
    """Bulletin files from a folder (``*.txt``, ``*.md`` below it), a glob, a file, or a list
    of them."""
    items = [paths_or_glob] if isinstance(paths_or_glob, (str, Path)) else list(paths_or_glob)
    found: list[Path] = []
    for item in items:
        path = Path(item)
        if path.is_dir():
            found += sorted(
                p for p in path.rglob("*") if p.suffix.lower() in BULLETIN_SUFFIXES and p.is_file()
            )
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


def _rows(bulletin: Bulletin, extras: tuple[str, ...]) -> tuple[list[dict], dict]:
    """The tables' rows for one bulletin, from the same row-level steps as the single API."""
    records = split_articles(bulletin)
    rows = {
        "articles": records,
        "figures": figure_rows(records),
    }
    if "words" in extras:
        rows["words"] = article_word_columns(records)
    if "entities" in extras:
        rows["entities"] = entity_rows(records)
    return records, rows


def process_file(path: str | Path, *, words: bool = False, entities: bool = False) -> FileResult:
    """Read, parse and extract one bulletin; never raises for a bad file."""
    path = Path(path)
    try:
        content_hash = _hash(path)
    except OSError as error:
        return FileResult(str(path), "", error=f"cannot be read ({error.strerror or error})")
    try:
        bulletin = load_bulletin(path)
        records, rows = _rows(bulletin, _extras(words, entities))
    except BulletinError as error:
        return FileResult(str(path), content_hash, error=str(error))
    issue = bulletin.issue_date.isoformat() if bulletin.issue_date else None
    stamp = (str(path), issue, _page(path, records))
    return FileResult(str(path), content_hash, stamp, rows)


def _table(name: str, results: list[FileResult]):
    """One Arrow table for a table's rows from all the files, each row stamped with its
    file. Built column by column from the plain rows: no DataFrame on the way."""
    import pyarrow as arrow

    schema = tables.arrow_schema(name)
    names = schema.names[len(tables.STAMP) :]
    present = [r for r in results if not r.error and name in r.rows]
    data = {}
    if name == "words":  # already columns, one dict of lists per file
        sizes = [len(r.rows[name]["word"]) for r in present]
        data.update(
            (column, list(chain.from_iterable(r.rows[name][column] for r in present)))
            for column in names
        )
    else:  # rows: dicts (articles) or tuples (figures)
        sizes = [len(r.rows[name]) for r in present]
        rows = [row for r in present for row in r.rows[name]]
        keys = names if name == "articles" else range(len(names))
        # list(zip(*rows)) would be several times slower on thousands of rows
        data.update(
            (column, list(map(itemgetter(key), rows)))
            for column, key in zip(names, keys, strict=True)
        )
    for index, column in enumerate(("source_file", "issue_date", "page")):
        data[column] = list(
            chain.from_iterable(
                repeat(r.stamp[index], size) for r, size in zip(present, sizes, strict=True)
            )
        )
    arrays = []
    for column in schema:
        values = data[column.name]
        if column.type == arrow.timestamp("us"):  # ISO dates: parsed by Arrow
            arrays.append(arrow.array(values, arrow.string()).cast(column.type))
        else:
            arrays.append(arrow.array(values, column.type))
    return arrow.Table.from_arrays(arrays, schema=schema)


def _extras(words: bool, entities: bool) -> tuple[str, ...]:
    """The tables beyond articles and figures a run makes."""
    return tuple(name for name, wanted in (("words", words), ("entities", entities)) if wanted)


def _init_worker(extras: tuple[str, ...]) -> None:
    global _READY
    if extras and extras not in _READY:  # the segmenter's dictionary once per worker
        from .topics import default_segmenter, pos_tokenizer, rjieba_segmenter

        rjieba_segmenter() if default_segmenter() == "rjieba" else pos_tokenizer()
        from .gazetteer import gazetteer

        gazetteer()  # and the place names, once per worker
        if "entities" in extras:
            prepare_entities()  # the grammar of names and the dictionary's codes
        if multiprocessing.parent_process() is not None:
            # A worker's tables live as long as it does: the collector need not walk them
            # again (never in the user's own process: what it frees later would stay).
            gc.freeze()
        _READY = _READY | {extras}


_READY: frozenset = frozenset()  # the sets of extras this process has loaded for


def _table_bytes(table) -> bytes:
    import pyarrow as arrow

    sink = arrow.BufferOutputStream()
    with arrow.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return sink.getvalue().to_pybytes()


def _from_arrow_bytes(blob: bytes):
    import pyarrow as arrow

    return arrow.ipc.open_stream(arrow.BufferReader(blob)).read_all()


def _process_chunk(job: tuple[list[str], bool]) -> tuple[dict[str, bytes], list[tuple]]:
    """Process a chunk of files; return each table as Arrow IPC bytes (cheap to send back,
    and readable on another machine) and a manifest row per file."""
    paths, extras = job
    _init_worker(extras)
    results = [
        process_file(path, words="words" in extras, entities="entities" in extras) for path in paths
    ]
    names = TABLES[:2] + extras
    blobs = {name: _table_bytes(_table(name, results)) for name in names}
    return blobs, [(r.path, r.content_hash, r.error) for r in results]


def _chunks(paths: list[Path], extras: tuple[str, ...], size: int) -> list[tuple[list[str], tuple]]:
    return [([str(p) for p in paths[i : i + size]], extras) for i in range(0, len(paths), size)]


def _bar(total: int, show: bool):
    if not show:
        return None
    from tqdm.auto import tqdm

    return tqdm(total=total, desc="bulletins", unit="file")


def _run_local(jobs: list, workers: int, show: bool) -> list:
    bar = _bar(sum(len(paths) for paths, _ in jobs), show)
    done = []
    if workers == 1 or len(jobs) == 1:
        outputs = map(_process_chunk, jobs)
        pool = None
    else:
        pool = ProcessPoolExecutor(max_workers=workers)
        outputs = pool.map(_process_chunk, jobs)
    try:
        for output in outputs:
            done.append(output)
            if bar is not None:
                bar.update(len(output[1]))
    finally:
        if pool is not None:
            pool.shutdown()
        if bar is not None:
            bar.close()
    return done


def _run_dask(jobs: list, workers: int, address: str | None, show: bool) -> list:
    import dask.bag as bag

    tasks = bag.from_sequence(jobs, npartitions=len(jobs)).map(_process_chunk)
    if address:
        from distributed import Client, progress

        with Client(address) as client:
            future = client.compute(tasks)
            if show:
                progress(future)
            return future.result()
    if show:
        from dask.diagnostics import ProgressBar

        with ProgressBar():
            return tasks.compute(scheduler="processes", num_workers=workers)
    return tasks.compute(scheduler="processes", num_workers=workers)


class _Cache:
    """Parquet tables plus a manifest of (file, content hash, code version, words?,
    entities?, error)."""

    def __init__(self, folder: Path):
        self.folder = folder

    def manifest(self) -> pd.DataFrame | None:
        path = self.folder / "manifest.parquet"
        return pd.read_parquet(path) if path.exists() else None

    def table(self, name: str):
        import pyarrow.parquet as parquet

        path = self.folder / f"{name}.parquet"
        return parquet.read_table(path) if path.exists() else None

    def write(self, name: str, table) -> None:
        import pyarrow as arrow
        import pyarrow.parquet as parquet

        self.folder.mkdir(parents=True, exist_ok=True)
        temporary = self.folder / f".{name}.parquet.tmp"
        if isinstance(table, pd.DataFrame):
            table = arrow.Table.from_pandas(table, preserve_index=False)
        parquet.write_table(table, temporary)
        temporary.replace(self.folder / f"{name}.parquet")  # readers never see half a file


def _to_frame(table, name: str, paths: list[str]) -> pd.DataFrame:
    """An Arrow table as the DataFrame load_archive returns: files in the order asked for,
    columns typed as :mod:`helpers.tables` declares."""
    import numpy
    import pyarrow as arrow
    import pyarrow.compute as compute

    if table is None or table.num_rows == 0:
        return tables.frame(name, [], stamped=True)
    position = compute.index_in(table["source_file"], value_set=arrow.array(paths, arrow.string()))
    if position.null_count:  # cached rows of files not asked for this time
        table = table.filter(compute.is_valid(position))
        position = position.filter(compute.is_valid(position))
    order = position.to_numpy()
    if len(order) and (numpy.diff(order) < 0).any():  # cached rows came first: put files in order
        table = table.take(compute.sort_indices(position))  # stable
    return tables.arrow_frame(table, name)


def _is_fresh(entry, path: Path, extras: tuple[str, ...]) -> bool:
    """Can the cached rows of a file be used: same code, the tables asked for, same content?"""
    return (
        entry is not None
        and entry.code_version == CODE_VERSION
        and all(getattr(entry, name) for name in extras)
        and entry.content_hash == _hash(path)
    )


def _process(todo: list[Path], extras: tuple[str, ...], engine: str, options: dict) -> list:
    """Run the per-file function over ``todo`` on the chosen engine; chunk outputs."""
    if not todo:
        return []
    workers = options["workers"]
    size = max(1, min(options["chunk_size"], -(-len(todo) // workers)))
    jobs = _chunks(todo, extras, size)
    if engine == "dask":
        return _run_dask(jobs, workers, options["address"], options["progress"])
    return _run_local(jobs, workers, options["progress"])


def _merge(outputs: list, cache: _Cache | None, redone: list[str]) -> dict:
    """Each table as one Arrow table: cached rows of files not redone, then the new rows."""
    import pyarrow as arrow
    import pyarrow.compute as compute

    redone_paths = arrow.array(redone, type=arrow.string())
    merged = {}
    for name in TABLES:
        parts = [_from_arrow_bytes(blobs[name]) for blobs, _ in outputs if name in blobs]
        old = cache.table(name) if cache else None
        if old is not None and len(redone_paths):
            keep = compute.invert(compute.is_in(old["source_file"], value_set=redone_paths))
            old = old.filter(keep)
        parts = ([old] if old is not None else []) + parts
        merged[name] = arrow.concat_tables(parts, promote_options="default") if parts else None
    return merged


def _save(cache: _Cache, manifest, entries: list[tuple], extras: tuple, merged: dict) -> None:
    """Write the tables and a manifest row per file (new entries replace old ones)."""
    words, entities = "words" in extras, "entities" in extras
    rows = [(path, digest, CODE_VERSION, words, entities, error) for path, digest, error in entries]
    if manifest is not None:
        kept = manifest[~manifest["source_file"].isin({path for path, _, _ in entries})]
        rows += [tuple(row) for row in kept.itertuples(index=False)]
    columns = ["source_file", "content_hash", "code_version", "words", "entities", "error"]
    cache.write("manifest", pd.DataFrame(rows, columns=columns))
    for name, table in merged.items():
        if table is not None:
            cache.write(name, table)


def load_archive(
    paths_or_glob,
    *,
    engine: str = "local",
    workers: int | None = None,
    words: bool = False,
    entities: bool = False,
    cache_dir: str | Path | None = PROCESSED_DIR / "archive",
    address: str | None = None,
    progress: bool = True,
    chunk_size: int = 25,
) -> Archive:
    """Articles and figures (word frequencies with ``words=True``, names with
    ``entities=True``) for every bulletin.

    Args:
        paths_or_glob: a folder, a glob (``"archive/2020-*/*.txt"``), a file, or a list.
        engine: ``"local"`` (process pool) or ``"dask"``.
        workers: processes to use (default: every core).
        words: also count words (for topics); cached separately.
        entities: also read the names of places, organisations and people (the
            ``entities`` table, :mod:`helpers.entities`); about 1.6 times the time of a
            run with words alone.
        cache_dir: Parquet cache folder; None turns the cache off.
        address: a ``dask.distributed`` scheduler address (``tcp://host:8786``), with
            ``engine="dask"``.
        progress: show a progress bar (terminal or JupyterLab).
        chunk_size: files per task.
    """
    if engine not in ("local", "dask"):
        raise ValueError(f"engine must be 'local' or 'dask', not {engine!r}")
    paths = find_bulletins(paths_or_glob)
    cache = _Cache(Path(cache_dir)) if cache_dir is not None else None
    manifest = cache.manifest() if cache else None
    known = {} if manifest is None else {r.source_file: r for r in manifest.itertuples(index=False)}
    extras = _extras(words, entities)
    reuse = [str(p) for p in paths if _is_fresh(known.get(str(p)), p, extras)]
    reused = set(reuse)
    todo = [p for p in paths if str(p) not in reused]
    if todo:
        log.info("processing %d bulletins (%d from cache)", len(todo), len(reuse))
    options = {"workers": workers or os.cpu_count() or 1, "address": address}
    options.update(progress=progress, chunk_size=chunk_size)
    outputs = _process(todo, extras, engine, options)
    entries = [entry for _, manifest_rows in outputs for entry in manifest_rows]
    failed = [(path, error) for path, _, error in entries if error]
    for path, error in failed:
        log.warning("%s: %s", path, error)
    merged = _merge(outputs, cache, [path for path, _, _ in entries])
    if cache and entries:
        _save(cache, manifest, entries, extras, merged)
    # a file read well has no error: None, stored as NaN by Parquet (truthy: not an error)
    failed += [(f, known[f].error) for f in reuse if isinstance(known[f].error, str)]
    frames = {name: _to_frame(merged[name], name, [str(p) for p in paths]) for name in TABLES}
    return Archive(
        articles=frames["articles"],
        figures=frames["figures"],
        words=frames["words"] if words else None,
        entities=frames["entities"] if entities else None,
        failures=pd.DataFrame(failed, columns=["source_file", "reason"]),
        processed=len(entries),
        cached=len(reuse),
    )
