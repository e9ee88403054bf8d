"""Time of `bulletin report` on the bundled sample beside its floor, and on three bulletins.

Run: ``.venv/bin/python benchmarks/report.py``. The floor is the same notebooks executed
the same way with their code cells emptied (kernel starts, papermill, HTML export and the
embedded font; no analysis, no charts), so the ratio of the two says what the analysis
costs on any machine. ``bulletin report`` is also timed as a whole process, as a user runs
it (its imports included). Each time is the best of three runs. Three bulletins: the
sample and two pages of tests/data, in one run.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat

import helpers.report as report
from helpers.paths import PROJ_ROOT, SAMPLE_BULLETIN

THREE = [
    SAMPLE_BULLETIN,
    PROJ_ROOT / "tests" / "data" / "compact_cqrb_20230308.txt",
    PROJ_ROOT / "tests" / "data" / "indented_rmrb_20200118_p04.txt",
]


REPEATS = 3  # each time is the best of three runs: one run on this VM varies by a second


def timed_run(bulletins: list[Path], out: Path, workers: int | None = None) -> float:
    best = float("inf")
    for repeat in range(REPEATS):
        started = time.perf_counter()
        results = report.run_report(
            bulletins, output_dir=out / str(repeat), workers=workers, progress=lambda _: None
        )
        best = min(best, time.perf_counter() - started)
        assert all(r.ok for r in results), [r.error for r in results if not r.ok]
    return best


def emptied(folder: Path) -> list[Path]:
    """The report's notebooks with every code cell but the parameters emptied."""
    folder.mkdir()
    out = []
    for notebook in report.NOTEBOOKS:
        book = nbformat.read(notebook, as_version=4)
        for cell in book.cells:
            if cell.cell_type == "code" and "parameters" not in cell.metadata.get("tags", []):
                cell.source = ""
        nbformat.write(book, folder / notebook.name)
        out.append(folder / notebook.name)
    return out


def whole_process(out: Path) -> float:
    command = [str(Path(sys.executable).with_name("bulletin")), "report", str(SAMPLE_BULLETIN)]
    best = float("inf")
    for repeat in range(REPEATS):
        started = time.perf_counter()
        subprocess.run([*command, "-o", str(out / str(repeat))], check=True, capture_output=True)
        best = min(best, time.perf_counter() - started)
    return best


def main() -> None:
    three = [p for p in THREE if p.is_file()]
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        report.run_report([SAMPLE_BULLETIN], output_dir=folder / "warm", progress=lambda _: None)
        full = timed_run([SAMPLE_BULLETIN], folder / "full")
        several = timed_run(three, folder / "three")
        cli = whole_process(folder / "cli")
        original = report.NOTEBOOKS
        report.NOTEBOOKS = emptied(folder / "empty")
        try:
            floor = timed_run([SAMPLE_BULLETIN], folder / "floor")
            one_at_a_time = timed_run([SAMPLE_BULLETIN], folder / "floor-1", workers=1)
            several_floor = timed_run(three, folder / "three-floor")
        finally:
            report.NOTEBOOKS = original
        shutil.rmtree(folder, ignore_errors=True)
    cores = report._workers(None)
    print(f"{len(report.NOTEBOOKS)} notebooks per bulletin, {cores} at once")
    print(
        f"bulletin report on the sample:      {full:5.1f} s  (floor {floor:.1f} s, "
        f"{full / floor:.2f}x)"
    )
    print(f"  as a whole process (bulletin CLI): {cli:5.1f} s")
    print(
        f"  floor with one notebook at a time (as the runner was): {one_at_a_time:.1f} s, "
        f"{full / one_at_a_time:.2f}x"
    )
    print(
        f"{len(three)} bulletins at once:                {several:5.1f} s  (floor "
        f"{several_floor:.1f} s, {several / several_floor:.2f}x)"
    )


if __name__ == "__main__":
    main()
