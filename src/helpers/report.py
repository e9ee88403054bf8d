"""Reports: run the notebooks on bulletins with papermill, export self-contained HTML.

``run_report(bulletins)`` executes each numbered notebook in ``notebooks/`` with the
bulletin as its ``bulletin_path`` parameter, keeps the executed notebooks under
``<output>/<bulletin stem>/executed/``, writes one HTML file per notebook to
``<output>/<bulletin stem>/`` and an ``index.html`` in ``<output>`` linking every bulletin's
reports. The notebooks of all bulletins run side by side, one kernel per core. A bulletin
that cannot be read, or a notebook that fails on it, is reported in one line (and in the
index) and the other bulletins still run.

The HTML is safe to send and reads the same on any machine: images are embedded as data
URIs, the Chinese font (the subset of Noto Sans SC the page uses) as a ``data:`` font,
every script is removed, and a Content-Security-Policy forbids the page to load or run
anything, so no text of a bulletin can run code or fetch a URL when the report is opened.
"""

from __future__ import annotations

import base64
import html
import json
import multiprocessing
import os
import re
import signal
import sys
import time
import uuid
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .articles import parse_articles
from .errors import BulletinError
from .figures import body_figures, extract_figures
from .numbers import format_amount
from .paths import NOTEBOOKS_DIR, REPORTS_DIR
from .plots import cjk_font_subset

__all__ = [
    "NOTEBOOKS",
    "ReportResult",
    "run_report",
    "export_html",
    "select_notebooks",
    "embed_font",
    "write_index",
]


def _metadata(notebook: Path) -> dict:
    return json.loads(notebook.read_text(encoding="utf-8"))


def _takes_a_bulletin(notebook: Path) -> bool:
    """A per-bulletin notebook: its papermill parameters cell sets ``bulletin_path``."""
    return any(
        "parameters" in c.get("metadata", {}).get("tags", [])
        and "bulletin_path" in "".join(c["source"])
        for c in _metadata(notebook)["cells"]
    )


def _is_summary(notebook: Path) -> bool:
    """The summary to send (05): its metadata says ``"bulletin": {"summary": true}``; it is
    exported without its code unless asked (``with_code``)."""
    return bool(_metadata(notebook)["metadata"].get("bulletin", {}).get("summary"))


# The notebooks a report runs for one bulletin (06, over a whole archive, is not one of them).
NOTEBOOKS = [nb for nb in sorted(NOTEBOOKS_DIR.glob("[0-9][0-9]-*.ipynb")) if _takes_a_bulletin(nb)]
CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; font-src data:"
_SCRIPT = re.compile(r"<script\b[^>]*>.*?</script\s*>", re.IGNORECASE | re.DOTALL)
_LINK = re.compile(r"<link\b[^>]*\bhref=[\"']https?://[^>]*>", re.IGNORECASE)
_CSP_META = f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'


@dataclass
class ReportResult:
    """What became of one bulletin: the HTML files written, or why it failed; and what the
    index says of it (issue date, items, largest amount)."""

    bulletin: Path
    folder: str = ""  # its folder in the output: the file's stem (stem-2... for a repeat)
    html: list[Path] = field(default_factory=list)
    error: str | None = None
    seconds: float = 0.0
    issue_date: str = ""
    items: int = 0
    largest: str = ""

    @property
    def ok(self) -> bool:
        return self.error is None


def select_notebooks(numbers: list[str] | None = None) -> list[Path]:
    """The notebooks to run: all, or those whose number prefix is listed (``["02", "03"]``)."""
    if not numbers:
        return list(NOTEBOOKS)
    wanted = {n.strip().zfill(2) for n in numbers if n.strip()}
    chosen = [nb for nb in NOTEBOOKS if nb.name[:2] in wanted]
    missing = wanted - {nb.name[:2] for nb in chosen}
    if missing:
        raise ValueError(
            f"no notebook numbered {', '.join(sorted(missing))}; "
            f"there are {', '.join(nb.name[:2] for nb in NOTEBOOKS)}"
        )
    return chosen


def _skip_slow_format_checkers() -> None:
    """nbformat validates notebooks with jsonschema, whose format checker imports the
    optional ``rfc3987_syntax`` at once where it is installed (jupyter-events pulls it in);
    that import builds dozens of Lark parsers, about a second, for the ``iri`` formats no
    notebook schema uses (python-jsonschema/jsonschema issues 1392, 1428). Marking the module
    absent before the first import of jsonschema makes jsonschema skip those two checkers,
    as it does wherever the package is not installed. Nothing else in this process uses it."""
    if "jsonschema" not in sys.modules:
        sys.modules.setdefault("rfc3987_syntax", None)


def export_html(executed: Path, target: Path, *, title: str, no_input: bool = False) -> Path:
    """Write an executed notebook as one self-contained, script-free HTML file."""
    _skip_slow_format_checkers()
    import nbformat
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(
        template_name="lab",
        embed_images=True,
        exclude_input=no_input,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
    )
    notebook = nbformat.read(str(executed), as_version=4)
    # The parameter cells say where the files lay on this machine (absolute paths): a report
    # that is sent keeps its analysis, not them.
    notebook.cells = [
        cell
        for cell in notebook.cells
        if not _PARAMETER_TAGS & set(cell.get("metadata", {}).get("tags", []))
    ]
    notebook.metadata["title"] = title  # the page title; nbconvert escapes it
    body, _ = exporter.from_notebook_node(notebook, resources={"metadata": {"name": title}})
    body = _with_alt_texts(body, notebook)
    body = _SCRIPT.sub("", body)
    body = _LINK.sub("", body)
    body = body.replace("<head>", f"<head>\n{_CSP_META}", 1)
    target.write_text(body, encoding="utf-8")
    return target


_PARAMETER_TAGS = {"parameters", "injected-parameters"}
_NO_ALT = 'alt="No description has been provided for this image"'


def _with_alt_texts(body: str, notebook) -> str:
    """The charts' ``alt`` texts (their titles, from ``Session.show``), which the lab
    template leaves out: nbconvert writes a placeholder for each image, in output order."""
    texts = [
        output.get("metadata", {}).get("image/png", {}).get("alt")
        for cell in notebook.cells
        for output in cell.get("outputs", [])
        if "image/png" in output.get("data", {})
    ]
    if body.count(_NO_ALT) != len(texts):
        return body  # other images too (in markdown): which is which is not known
    alts = iter(texts)

    def alt(_match: re.Match) -> str:
        text = next(alts, None)
        return f'alt="{html.escape(text, quote=True)}"' if text else _NO_ALT

    return re.sub(re.escape(_NO_ALT), alt, body)


# The Chinese font, embedded: a reader's machine may have none (every character would be a
# box). fontTools keeps only the glyphs of the characters the pages use; WOFF packs them.

FONT_FAMILY = "Bulletin Noto Sans SC"
_FONT_STYLE = """<style>
@font-face {{ font-family: "{family}"; src: url(data:font/woff;base64,{data}) format("woff"); }}
:root {{
  --jp-content-font-family: "{family}", system-ui, sans-serif;
  --jp-ui-font-family: "{family}", system-ui, sans-serif;
  --jp-code-font-family: monospace, "{family}";
}}
body {{ font-family: "{family}", system-ui, sans-serif; }}
pre, code {{ font-family: monospace, "{family}"; }}
</style>"""


def embed_font(pages: list[Path]) -> None:
    """Put into each page (at the end of its head) the font subset of the characters of all
    of them: one subset per bulletin, so its pages share it."""
    texts = [page.read_text(encoding="utf-8") for page in pages]
    if not texts:
        return
    subset = cjk_font_subset("".join(set("".join(texts))), flavor="woff")
    data = base64.b64encode(subset).decode("ascii")
    style = _FONT_STYLE.format(family=FONT_FAMILY, data=data)
    for page, text in zip(pages, texts, strict=True):
        # Last in the head: after the template's own styles, so its font variables give way.
        head_end = text.index("</head>")
        page.write_text(text[:head_end] + style + "\n" + text[head_end:], encoding="utf-8")


def _kernel_manager_class():
    """Kernels talk to papermill over local IPC sockets, not unencrypted TCP ports.

    The sockets are files named after ``ip``, whose default (``kernel-ipc``) is relative: they
    would land in the notebooks' folder and two reports running at once would pick the same
    names. Each kernel gets its own name in Jupyter's private runtime folder instead.

    jupyter_client interrupts a kernel (SIGINT) before asking it to shut down, to stop any
    running code. papermill shuts the kernel down as soon as the reply to its last
    ``kernel_info`` request arrives, so the signal can land while ipykernel is still inside
    that handler, which then logs ``[IPKernelApp] ERROR | KeyboardInterrupt caught in kernel``
    on the kernel's stderr (ours). Nothing is running at that point (nbclient interrupts a
    timed-out cell itself), so a shutdown skips the interrupt; the shutdown request, then
    SIGTERM and SIGKILL after ``shutdown_wait_time``, still stop any kernel.
    """
    from jupyter_client.manager import KernelManager
    from jupyter_core.paths import jupyter_runtime_dir
    from traitlets import Unicode, default

    class IPCKernelManager(KernelManager):
        transport = Unicode("ipc")

        @default("ip")
        def _private_socket_name(self) -> str:
            runtime = Path(jupyter_runtime_dir())
            runtime.mkdir(mode=0o700, parents=True, exist_ok=True)
            return str(runtime / f"bulletin-{uuid.uuid4().hex[:12]}")

        async def _async_interrupt_kernel(self) -> None:
            if self.shutting_down:
                return
            await super()._async_interrupt_kernel()

    return IPCKernelManager


def _run_notebook(
    bulletin: Path, notebook: Path, out: Path, issue_date, no_input: bool, extra: dict
):
    """Execute one notebook on one bulletin and export it (in a worker process): the HTML
    path and the seconds it took. ``extra``: more parameters (the summary's
    ``reuse_charts``)."""
    _skip_slow_format_checkers()
    import papermill

    started = time.perf_counter()
    executed = out / "executed" / notebook.name
    executed.parent.mkdir(parents=True, exist_ok=True)
    papermill.execute_notebook(
        str(notebook),
        str(executed),
        cwd=str(NOTEBOOKS_DIR),
        kernel_name="python3",
        progress_bar=False,
        log_output=False,
        kernel_manager_class=_kernel_manager_class(),
        parameters={  # absolute: the kernel runs in the notebooks' folder
            "bulletin_path": str(bulletin),
            "issue_date": issue_date,
            "output_dir": str(out),
            "interactive": False,  # plain tables: a report holds no scripts
            **extra,
        },
    )
    html_path = export_html(
        executed,
        out / f"{notebook.stem}.html",
        title=f"{bulletin.name} · {notebook.stem}",
        no_input=no_input,
    )
    return html_path, time.perf_counter() - started


def _one_line(error: Exception) -> str:
    name = getattr(error, "ename", None)
    value = getattr(error, "evalue", None)
    text = f"{name}: {value}" if name else str(error)
    return " ".join(text.split())[:300]


def _summarise(result: ReportResult, issue: str | None) -> None:
    """Read the bulletin in this process (a bad file fails here, in one line) and note what
    the index says of it."""
    articles = parse_articles(result.bulletin, issue_date=issue)
    money = body_figures(extract_figures(articles, kinds=["money"]))["yuan"].dropna()
    day = articles.attrs.get("issue_date")
    result.issue_date = str(day) if day is not None else ""
    result.items = int((articles["kind"] != "meta").sum())
    result.largest = format_amount(money.max()) if len(money) else ""


def _with_folders(results: list[ReportResult]) -> list[ReportResult]:
    """Each bulletin's output folder: its stem; ``stem-2``, ``stem-3``... for files of the same
    name from other folders (a/0714.txt, b/0714.txt), which would otherwise write over each
    other at once. The same file given twice is reported once."""
    unique = list({result.bulletin: result for result in results}.values())
    taken: dict[str, int] = {}
    for result in unique:
        stem = result.bulletin.stem
        taken[stem] = taken.get(stem, 0) + 1
        result.folder = stem if taken[stem] == 1 else f"{stem}-{taken[stem]}"
    return unique


def _charts(notebook: Path) -> int:
    """How many charts a notebook draws: drawing is most of a notebook's time, so the
    notebooks with most charts are started first and none is left to run alone at the end."""
    return notebook.read_text(encoding="utf-8").count("bulletin.show(")


def _charts_reused(summary: Path) -> set[str]:
    """The numbers of the notebooks whose charts a summary shows (``same_as="02-money.png"``):
    it starts once they are done."""
    return set(re.findall(r'same_as=\\?"(\d\d)-', summary.read_text(encoding="utf-8")))


def _workers(workers: int | None) -> int:
    """Notebooks run at once: as asked, else one per core this process may use."""
    if workers:
        return max(1, workers)
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _pool(workers: int) -> ProcessPoolExecutor:
    """Worker processes forked from this one where the platform allows (the modules are
    imported already), else spawned."""
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    return ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=_leave_interrupts_to_the_parent
    )


def _leave_interrupts_to_the_parent() -> None:
    """Ctrl-C reaches every process of the terminal's group: the kernels stop their cell, the
    parent stops the run and says so in one line; a worker only finishes its notebook (with
    the kernel's error) instead of printing a traceback of its own."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def run_report(
    bulletins: list[str | Path],
    *,
    output_dir: str | Path = REPORTS_DIR,
    issue_date: str | date | None = None,
    notebooks: list[str] | None = None,
    no_input: bool = False,
    with_code: bool = False,
    workers: int | None = None,
    progress: Callable[[str], None] = print,
) -> list[ReportResult]:
    """Run the notebooks on each bulletin, export HTML to ``output_dir/<stem>/`` and write
    ``output_dir/index.html``.

    Args:
        bulletins: bulletin files.
        output_dir: where each bulletin's folder of reports goes; a relative path is taken
            from the current working directory, here, once.
        issue_date: the paper's date for every bulletin (else inferred per bulletin).
        notebooks: number prefixes to run (``["02", "03"]``); all by default.
        no_input: hide the code cells of every notebook in the HTML.
        with_code: show the code cells of the summary notebook too (hidden by default).
        workers: notebooks run at once (default: one per core).
        progress: called with a line of progress text.
    """
    chosen = select_notebooks(notebooks)
    issue = issue_date.isoformat() if isinstance(issue_date, date) else issue_date
    root = Path(output_dir).resolve()
    results = _with_folders([ReportResult(Path(b).resolve()) for b in bulletins])
    _skip_slow_format_checkers()
    import papermill  # noqa: F401  (imported before the workers fork: they inherit it)

    readable = []
    for result in results:
        try:
            _summarise(result, issue)
            readable.append(result)
        except BulletinError as error:  # reported with the results, in one line
            result.error = str(error)
    with _pool(_workers(workers)) as pool:
        run = _Run(pool, root, issue, progress)
        details = [nb for nb in chosen if not _is_summary(nb)]
        summaries = [nb for nb in chosen if _is_summary(nb)]
        needed = set().union(*(_charts_reused(nb) for nb in summaries))
        # First what a summary waits for, then the others; the dearest first within each.
        order = sorted(details, key=lambda nb: (nb.name[:2] in needed, _charts(nb)), reverse=True)
        for notebook in order:
            for result in readable:
                run.submit(result, notebook, no_input, {})
        reuse = needed <= {nb.name[:2] for nb in details}
        run.needed = needed
        for result in readable:  # each summary once its bulletin's other notebooks are done
            run.later[result.bulletin] = (
                result,
                [(nb, no_input or not with_code, reuse) for nb in summaries],
            )
        try:
            run.collect()
        except KeyboardInterrupt:
            pool.shutdown(wait=True, cancel_futures=True)  # the running ones end at once
            raise
    for result in results:
        if result.ok:
            embed_font(result.html)
            _write_entry(result, root)
    write_index(results, root)
    return results


_ENTRY = "report.json"  # in each bulletin's folder: what the index says of it


def _write_entry(result: ReportResult, root: Path) -> None:
    entry = {
        "bulletin": result.bulletin.name,
        "folder": result.folder,
        "issue_date": result.issue_date,
        "items": result.items,
        "largest": result.largest,
        "pages": [page.relative_to(root).as_posix() for page in result.html],
    }
    folder = root / result.folder
    (folder / _ENTRY).write_text(json.dumps(entry, ensure_ascii=False, indent=1), "utf-8")


class _Run:
    """The notebooks of a run in the pool: each page noted as it comes, or the first failure
    of each bulletin; a bulletin's summary submitted once its other notebooks are done, told
    to show their charts (``reuse_charts``) where all of them ran and succeeded."""

    def __init__(self, pool: ProcessPoolExecutor, root: Path, issue, progress) -> None:
        self.pool, self.root, self.issue, self.progress = pool, root, issue, progress
        self.pending: dict[Future, tuple[ReportResult, Path]] = {}
        self.later: dict[Path, tuple[ReportResult, list[tuple[Path, bool, bool]]]] = {}
        self.needed: set[str] = set()  # the numbers of the notebooks summaries wait for
        self.done = 0

    def submit(self, result: ReportResult, notebook: Path, hide: bool, extra: dict) -> None:
        out = self.root / result.folder
        future = self.pool.submit(
            _run_notebook, result.bulletin, notebook, out, self.issue, hide, extra
        )
        self.pending[future] = (result, notebook)

    def collect(self) -> None:
        from concurrent.futures import FIRST_COMPLETED, wait

        noted: set[Future] = set()
        while True:
            self._release(noted)
            waiting = [f for f in self.pending if f not in noted]
            if not waiting:
                break
            finished, _ = wait(waiting, return_when=FIRST_COMPLETED)
            for future in finished:
                noted.add(future)
                self._note(future)
        for result, _ in self.pending.values():
            result.html.sort()

    def _release(self, noted: set[Future]) -> None:
        """Submit the summaries of the bulletins none of whose notebooks a summary waits for
        (``needed``: their numbers) is still running."""
        running = {
            r.bulletin
            for f, (r, nb) in self.pending.items()
            if f not in noted and nb.name[:2] in self.needed
        }
        for bulletin in [b for b in self.later if b not in running]:
            result, summaries = self.later.pop(bulletin)
            for notebook, hide, reuse in summaries:
                self.submit(result, notebook, hide, {"reuse_charts": reuse and result.ok})

    def _note(self, future: Future) -> None:
        result, notebook = self.pending[future]
        self.done += 1
        try:
            page, seconds = future.result()
        except Exception as error:  # a notebook failed on this bulletin: report it, go on
            result.error = result.error or f"{notebook.stem} failed: {_one_line(error)}"
            return
        result.html.append(page)
        result.seconds += seconds
        total = len(self.pending) + sum(len(v) for _, v in self.later.values())
        self.progress(
            f"  [{self.done}/{total}] {result.bulletin.name} · {notebook.stem}: {seconds:.1f} s"
        )


_INDEX = """<!DOCTYPE html>
<html lang="zh">
<head>
<meta charset="utf-8">
{csp}
<title>Bulletin reports</title>
<style>
body {{ margin: 2em; }}
table {{ border-collapse: collapse; }}
th, td {{ border-bottom: 1px solid #ccc; padding: 0.4em 0.8em; text-align: left; }}
td.number {{ text-align: right; }}
.error {{ color: #a00; }}
</style>
</head>
<body>
<h1>Bulletin reports</h1>
<p>{count} bulletins, {failed} failed; written {written}.</p>
<table>
<thead><tr>
<th>bulletin</th><th>issue date</th><th>items</th><th>largest amount</th><th>reports</th>
</tr></thead>
<tbody>
{rows}
</tbody>
</table>
</body>
</html>
"""


def _index_row(entry: dict) -> str:
    folder = entry.get("folder") or Path(entry["bulletin"]).stem
    shown = entry["bulletin"] + ("" if folder == Path(entry["bulletin"]).stem else f"（{folder}）")
    name = html.escape(shown)
    if entry.get("error"):
        error = html.escape(entry["error"])
        return f'<tr><td>{name}</td><td colspan="4" class="error">{error}</td></tr>'
    links = " · ".join(
        f'<a href="{html.escape(page, quote=True)}">{html.escape(Path(page).stem)}</a>'
        for page in entry["pages"]
    )
    return (
        f"<tr><td>{name}</td><td>{html.escape(entry['issue_date'])}</td>"
        f'<td class="number">{int(entry["items"])}</td>'
        f'<td class="number">{html.escape(entry["largest"])}</td><td>{links}</td></tr>'
    )


def _entries(results: list[ReportResult], root: Path) -> list[dict]:
    """Every bulletin reported in ``root`` (this run's and earlier runs'), newest issue
    first, and this run's failures."""
    entries = {}
    for path in sorted(root.glob(f"*/{_ENTRY}")):
        try:
            entry = json.loads(path.read_text(encoding="utf-8"))
            entries[path.parent.name] = entry
        except (ValueError, KeyError):
            continue  # not one of ours, or damaged: left out of the index
    for result in results:
        if not result.ok:
            entries[result.folder] = {
                "bulletin": result.bulletin.name,
                "folder": result.folder,
                "error": result.error,
            }
    return sorted(
        entries.values(), key=lambda e: (e.get("issue_date") or "", e["bulletin"]), reverse=True
    )


def write_index(results: list[ReportResult], root: Path) -> Path:
    """``root/index.html``: each bulletin reported in ``root``, by earlier runs too, with its
    issue date, item count and largest amount, linking its reports; a bulletin that failed
    in this run with its one-line error."""
    root.mkdir(parents=True, exist_ok=True)
    entries = _entries(results, root)
    page = root / "index.html"
    page.write_text(
        _INDEX.format(
            csp=_CSP_META,
            count=len(entries),
            failed=sum(1 for e in entries if e.get("error")),
            written=time.strftime("%Y-%m-%d %H:%M"),
            rows="\n".join(_index_row(e) for e in entries),
        ),
        encoding="utf-8",
    )
    embed_font([page])
    return page
