"""helpers.notebook: the notebooks' one set-up cell, and the reports that run them quietly."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import matplotlib
import nbformat
import pandas as pd
import papermill
import pytest
from matplotlib.figure import Figure

from helpers import BulletinError, notebook
from helpers.notebook import DPI, open_bulletin, output_folder, save_figure
from helpers.paths import NOTEBOOKS_DIR, SAMPLE_BULLETIN
from helpers.report import _kernel_manager_class

BULLETIN = Path(sys.executable).with_name("bulletin")
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
KERNEL_NOISE = ("KeyboardInterrupt", "[IPKernelApp]")


@pytest.fixture(autouse=True)
def _display_options_restored():
    """open_bulletin sets pandas' display options for the notebook; not for the other tests."""
    with pd.option_context("display.max_colwidth", pd.get_option("display.max_colwidth")):
        yield


def test_the_summary_counts_items_as_the_reports_index_does(tmp_path, capsys):
    """Page furniture is said apart: the index of ``bulletin report`` counts 3 items here."""
    page = Path(__file__).parent / "data" / "compact_cqrb_20230308.txt"
    bulletin = open_bulletin(page, output_dir=tmp_path)
    assert bulletin.summary.startswith(
        "compact_cqrb_20230308.txt: 3 items and 2 of page furniture, issue date"
    )
    assert capsys.readouterr().out == bulletin.summary + "\n"


def _chart() -> Figure:
    fig = Figure(figsize=(2, 1))
    fig.add_subplot().bar(["新闻", "图片"], [6, 1])
    return fig


def test_open_bulletin_reads_the_sample_and_says_so(tmp_path, capsys):
    bulletin = open_bulletin(SAMPLE_BULLETIN, output_dir=tmp_path)
    assert capsys.readouterr().out == "cqrb_2021-07-14_sample.txt: 7 items, issue date 2021-07-14\n"
    assert bulletin.path == SAMPLE_BULLETIN
    assert bulletin.articles["kind"].value_counts().to_dict() == {"news": 6, "photo": 1}
    assert list(bulletin.titles) == bulletin.articles["article_id"].tolist()
    assert all(0 < len(title) <= 12 for title in bulletin.titles.values())
    assert pd.get_option("display.max_colwidth") == notebook.MAX_COLWIDTH
    assert "Noto Sans SC" in matplotlib.rcParams["font.sans-serif"]
    assert repr(bulletin) == f"<Session {bulletin.summary}>"


def test_issue_date_is_passed_to_the_parser(tmp_path, capsys):
    bulletin = open_bulletin(SAMPLE_BULLETIN, issue_date="2022-01-02", output_dir=tmp_path)
    assert bulletin.articles.attrs["issue_date"] == "2022-01-02"
    assert capsys.readouterr().out.endswith("issue date 2022-01-02\n")


def test_save_writes_a_png_with_the_one_setting(tmp_path):
    bulletin = open_bulletin(output_dir=tmp_path)
    path = bulletin.save(_chart(), "01-chart.png")
    assert path == tmp_path / "01-chart.png"
    assert path.read_bytes().startswith(PNG_MAGIC)
    coarse = bulletin.save(_chart(), "coarse.png", dpi=DPI // 2)
    assert coarse.stat().st_size < path.stat().st_size


def test_save_csv_writes_the_table_for_spreadsheets(tmp_path):
    bulletin = open_bulletin(output_dir=tmp_path)
    path = bulletin.save_csv(bulletin.articles, "articles.csv")
    table = pd.read_csv(path)
    assert path == tmp_path / "articles.csv"
    assert list(table.columns) == list(bulletin.articles.columns)
    assert len(table) == len(bulletin.articles)


@pytest.mark.parametrize(
    ("output_dir", "expected"),
    [
        pytest.param(None, "reports/cqrb_2021-07-14_sample", id="none-reports-stem"),
        pytest.param("charts/today", "cwd/charts/today", id="relative-to-cwd"),
        pytest.param("ABSOLUTE", "elsewhere/out", id="absolute"),
    ],
)
def test_output_folder_resolution(tmp_path, monkeypatch, output_dir, expected):
    monkeypatch.setattr(notebook, "REPORTS_DIR", tmp_path / "reports")
    (tmp_path / "cwd").mkdir()
    monkeypatch.chdir(tmp_path / "cwd")
    if output_dir == "ABSOLUTE":
        output_dir = tmp_path / "elsewhere" / "out"
    bulletin = open_bulletin(output_dir=output_dir)
    assert bulletin.out == tmp_path / expected
    assert bulletin.out.is_absolute() and bulletin.out.is_dir()


def test_a_relative_bulletin_path_is_taken_from_the_cwd(tmp_path, monkeypatch):
    monkeypatch.chdir(SAMPLE_BULLETIN.parent)
    bulletin = open_bulletin(SAMPLE_BULLETIN.name, output_dir=tmp_path)
    assert bulletin.path == SAMPLE_BULLETIN
    assert len(bulletin.articles) == 7


def test_an_unreadable_bulletin_fails_before_any_folder_is_made(tmp_path):
    binary = tmp_path / "broken.txt"
    binary.write_bytes(b"\x00\x01\x02 not text")
    with pytest.raises(BulletinError):
        open_bulletin(binary, output_dir=tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_output_folder_and_save_figure_serve_the_archive_notebook(tmp_path):
    folder = output_folder(None, default=tmp_path / "archive")
    assert folder.is_dir()
    path = save_figure(_chart(), folder / "06-chart.png")
    assert path.read_bytes().startswith(PNG_MAGIC)


def test_report_runs_quietly_and_writes_outside_the_notebooks_folder(tmp_path):
    before = set(NOTEBOOKS_DIR.iterdir())
    result = subprocess.run(
        [str(BULLETIN), "report", str(SAMPLE_BULLETIN), "-o", "out", "--notebooks", "01"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    assert not [line for line in result.stderr.splitlines() if any(n in line for n in KERNEL_NOISE)]
    written = tmp_path / "out" / SAMPLE_BULLETIN.stem
    assert [tmp_path / p for p in result.stdout.split()] == [written / "01-parse-bulletin.html"]
    assert (written / "articles.csv").is_file()
    assert (written / "01-lengths.png").read_bytes().startswith(PNG_MAGIC)
    assert set(NOTEBOOKS_DIR.iterdir()) == before  # no charts, tables or kernel sockets there


SLOW_KERNEL_INFO = """\
import time

kernel = get_ipython().kernel
reply = kernel.shell_handlers["kernel_info_request"]


async def slow_kernel_info(*args):
    await reply(*args)
    time.sleep(1)  # as on a loaded machine: still in the handler when papermill shuts down


kernel.shell_handlers["kernel_info_request"] = slow_kernel_info
"""


def test_report_kernels_shut_down_without_a_keyboard_interrupt(tmp_path, monkeypatch, capfd):
    """papermill shuts the kernel down right after its last kernel_info reply; a SIGINT sent
    then (jupyter_client's default) lands in the handler and the kernel logs it on stderr."""
    source = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(SLOW_KERNEL_INFO)])
    source.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3"}
    nbformat.write(source, tmp_path / "slow.ipynb")
    monkeypatch.chdir(tmp_path)
    papermill.execute_notebook(
        "slow.ipynb",
        "done.ipynb",
        kernel_name="python3",
        progress_bar=False,
        kernel_manager_class=_kernel_manager_class(),
    )
    stderr = capfd.readouterr().err
    assert not [line for line in stderr.splitlines() if any(n in line for n in KERNEL_NOISE)]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["done.ipynb", "slow.ipynb"]


@pytest.mark.parametrize("interactive", [True, False], ids=["jupyterlab", "report"])
def test_tables_are_searchable_in_jupyterlab_and_plain_in_reports(tmp_path, interactive):
    """A real kernel runs bulletin.table on a frame holding markup: in JupyterLab itables
    draws a table to search and sort, in a report the plain table; either way the markup
    stays text."""
    from nbclient import NotebookClient

    book = nbformat.v4.new_notebook()
    book.cells = [
        nbformat.v4.new_code_cell(
            "import pandas as pd\n"
            "from helpers.notebook import open_bulletin\n"
            f"bulletin = open_bulletin(output_dir={str(tmp_path)!r}, interactive={interactive})\n"
            "bulletin.table(pd.DataFrame({'text': ['<script>alert(1)</script>']}))"
        )
    ]
    NotebookClient(book, kernel_name="python3", timeout=120).execute()
    html = "".join(output.get("data", {}).get("text/html", "") for output in book.cells[0].outputs)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert(1)</script>" not in html
    assert ("itables" in html.lower()) is interactive
