"""Reports: run the notebooks on a bulletin with papermill, export self-contained HTML.

``run_report(bulletins)`` executes each numbered notebook in ``notebooks/`` with the
bulletin as its ``bulletin_path`` parameter, keeps the executed notebooks under
``reports/<bulletin stem>/executed/`` and writes one HTML file per notebook to
``reports/<bulletin stem>/``. A bulletin that cannot be read, or a notebook that fails on
it, is reported in one line and the other bulletins still run.

The HTML is safe to send: images are embedded as data URIs, every script is removed, and
a Content-Security-Policy forbids the page to load or run anything, so no text of a
bulletin can run code or fetch a URL when the report is opened.
"""

from __future__ import annotations

import json
import re
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .articles import parse_articles
from .errors import BulletinError
from .paths import NOTEBOOKS_DIR, REPORTS_DIR

__all__ = ["NOTEBOOKS", "ReportResult", "run_report", "export_html", "select_notebooks"]


def _takes_a_bulletin(notebook: Path) -> bool:
    """A per-bulletin notebook: its papermill parameters cell sets ``bulletin_path``."""
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    return any(
        "parameters" in c.get("metadata", {}).get("tags", [])
        and "bulletin_path" in "".join(c["source"])
        for c in cells
    )


# The notebooks a report runs for one bulletin (06, over a whole archive, is not one of them).
NOTEBOOKS = [nb for nb in sorted(NOTEBOOKS_DIR.glob("[0-9][0-9]-*.ipynb")) if _takes_a_bulletin(nb)]
CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; font-src data:"
_SCRIPT = re.compile(r"<script\b[^>]*>.*?</script\s*>", re.IGNORECASE | re.DOTALL)
_LINK = re.compile(r"<link\b[^>]*\bhref=[\"']https?://[^>]*>", re.IGNORECASE)


@dataclass
class ReportResult:
    """What became of one bulletin: the HTML files written, or why it failed."""

    bulletin: Path
    html: list[Path] = field(default_factory=list)
    error: str | None = None
    seconds: float = 0.0

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


def export_html(executed: Path, target: Path, *, title: str, no_input: bool = False) -> Path:
    """Write an executed notebook as one self-contained, script-free HTML file."""
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
    notebook.metadata["title"] = title  # the page title; nbconvert escapes it
    body, _ = exporter.from_notebook_node(notebook, resources={"metadata": {"name": title}})
    body = _SCRIPT.sub("", body)
    body = _LINK.sub("", body)
    body = body.replace(
        "<head>", f'<head>\n<meta http-equiv="Content-Security-Policy" content="{CSP}">', 1
    )
    target.write_text(body, encoding="utf-8")
    return target


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


def _run_one(
    bulletin: Path,
    notebooks: list[Path],
    out: Path,
    issue_date: str | None,
    no_input: bool,
    progress: Callable[[str], None],
) -> list[Path]:
    import papermill

    executed_dir = out / "executed"
    executed_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for index, notebook in enumerate(notebooks, start=1):
        started = time.perf_counter()
        executed = executed_dir / notebook.name
        papermill.execute_notebook(
            str(notebook),
            str(executed),
            cwd=str(NOTEBOOKS_DIR),
            kernel_name="python3",
            progress_bar=False,
            log_output=False,
            kernel_manager_class=_kernel_manager_class(),
            parameters={  # absolute: the kernel runs in the notebooks' folder
                "bulletin_path": str(bulletin.resolve()),
                "issue_date": issue_date,
                "output_dir": str(out.resolve()),
            },
        )
        html = export_html(
            executed,
            out / f"{notebook.stem}.html",
            title=f"{bulletin.name} · {notebook.stem}",
            no_input=no_input,
        )
        written.append(html)
        progress(
            f"  [{index}/{len(notebooks)}] {notebook.stem}: {time.perf_counter() - started:.1f} s"
        )
    return written


def _one_line(error: Exception) -> str:
    name = getattr(error, "ename", None)
    value = getattr(error, "evalue", None)
    text = f"{name}: {value}" if name else str(error)
    return " ".join(text.split())[:300]


def run_report(
    bulletins: list[str | Path],
    *,
    output_dir: str | Path = REPORTS_DIR,
    issue_date: str | date | None = None,
    notebooks: list[str] | None = None,
    no_input: bool = False,
    progress: Callable[[str], None] = print,
) -> list[ReportResult]:
    """Run the notebooks on each bulletin and export HTML to ``output_dir/<stem>/``.

    Args:
        bulletins: bulletin files.
        output_dir: where each bulletin's folder of reports goes.
        issue_date: the paper's date for every bulletin (else inferred per bulletin).
        notebooks: number prefixes to run (``["02", "03"]``); all by default.
        no_input: hide the code cells in the HTML.
        progress: called with a line of progress text.
    """
    chosen = select_notebooks(notebooks)
    issue = issue_date.isoformat() if isinstance(issue_date, date) else issue_date
    results = []
    for number, bulletin in enumerate(map(Path, bulletins), start=1):
        result = ReportResult(bulletin)
        started = time.perf_counter()
        progress(f"[{number}/{len(bulletins)}] {bulletin}")
        try:
            parse_articles(bulletin, issue_date=issue)  # a bad file fails here, in one line
            result.html = _run_one(
                bulletin.resolve(),
                chosen,
                Path(output_dir) / bulletin.stem,
                issue,
                no_input,
                progress,
            )
        except BulletinError as error:
            result.error = str(error)
        except Exception as error:  # a notebook failed on this bulletin: report it, go on
            result.error = f"a notebook failed: {_one_line(error)}"
        result.seconds = time.perf_counter() - started
        results.append(result)
    return results
