"""Time of `bulletin report` on the bundled sample beside its floor.

Run: ``.venv/bin/python benchmarks/report.py``. The floor is the same notebooks executed
with their code cells emptied (kernel start, papermill and HTML export, no analysis), so
the difference is what the analysis itself costs.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import nbformat

from helpers.paths import SAMPLE_BULLETIN
from helpers.report import NOTEBOOKS, run_report


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        results = run_report(
            [SAMPLE_BULLETIN], output_dir=Path(folder) / "full", progress=lambda _: None
        )
        full = time.perf_counter() - started
        assert all(r.ok for r in results), results

        import helpers.report as report

        empty_dir = Path(folder) / "empty"
        empty_dir.mkdir()
        emptied = []
        for notebook in NOTEBOOKS:
            book = nbformat.read(notebook, as_version=4)
            for cell in book.cells:
                if cell.cell_type == "code" and "parameters" not in cell.metadata.get("tags", []):
                    cell.source = ""
            target = empty_dir / notebook.name
            nbformat.write(book, target)
            emptied.append(target)
        original = report.NOTEBOOKS
        report.NOTEBOOKS = emptied
        try:
            started = time.perf_counter()
            run_report(
                [SAMPLE_BULLETIN], output_dir=Path(folder) / "floor", progress=lambda _: None
            )
            floor = time.perf_counter() - started
        finally:
            report.NOTEBOOKS = original
    print(f"bulletin report on the sample, {len(NOTEBOOKS)} notebooks: {full:.1f} s")
    print(f"floor (same notebooks, code cells emptied):   {floor:.1f} s")
    print(f"analysis and charts:                           {full - floor:.1f} s")


if __name__ == "__main__":
    main()
