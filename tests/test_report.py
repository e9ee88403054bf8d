"""bulletin report: notebooks run with papermill on a bulletin they have never seen, exported
to safe, self-contained HTML, and opened in a real browser."""

from __future__ import annotations

import base64
import json
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import pytest
from conftest import DATA

from helpers.paths import NOTEBOOKS_DIR, SAMPLE_BULLETIN
from helpers.report import FONT_FAMILY, NOTEBOOKS

BULLETIN = Path(sys.executable).with_name("bulletin")
HEADLINES = ["两江新区新增市场主体1.2万户", "我市出台20条措施支持外贸企业发展", "春耕备耕忙"]
EVIL = (
    "标题<script>alert('x')</script><img src=http://evil.example/x.png>\n\n"
    "本报讯（记者 张三）正文<iframe src='http://evil.example/'></iframe>投入资金1亿元。"
    "<style>@import url(http://evil.example/a.css); body{background:url(//evil.example/b.png)}"
    "</style><div style=\"background:url('https://evil.example/c.png')\">补助5万元</div>\n"
)


def report(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(BULLETIN), "report", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=600,
    )


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    folder = tmp_path_factory.mktemp("in")
    gb = folder / "cqrb_20230308_gb18030.txt"
    gb.write_bytes(
        (DATA / "compact_cqrb_20230308.txt").read_text(encoding="utf-8").encode("gb18030")
    )
    evil = folder / "evil_20230308.txt"
    evil.write_text(EVIL, encoding="utf-8")
    broken = folder / "broken.txt"
    broken.write_bytes(b"\x00\x01\x02 not text")
    out = tmp_path_factory.mktemp("reports")
    result = report(str(gb), str(broken), str(evil), "-o", str(out), "--no-input")
    return result, out


def test_each_bulletin_gets_its_reports_and_a_bad_one_fails_alone(reports):
    result, out = reports
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("bulletin: error:")]
    assert len(errors) == 1 and "broken.txt" in errors[0] and "binary" in errors[0]
    assert errors[0].count("broken.txt") == 1  # the path is said once
    printed = result.stdout.split()
    assert len(printed) == 2 * len(NOTEBOOKS) and all(Path(p).is_file() for p in printed)
    names = sorted(p.name for p in (out / "cqrb_20230308_gb18030").glob("*.html"))
    assert names == [
        "01-parse-bulletin.html",
        "02-funding-amounts.html",
        "03-growth-figures.html",
        "04-topic-frequencies.html",
        "05-bulletin-report.html",
        "07-people-and-places.html",
    ]
    progress = f"[1/{2 * len(NOTEBOOKS)}]"
    assert progress in result.stderr and "05-bulletin-report" in result.stderr


def test_html_holds_the_bulletins_headlines_and_embedded_images(reports):
    _, out = reports
    page = (out / "cqrb_20230308_gb18030" / "05-bulletin-report.html").read_text(encoding="utf-8")
    for headline in HEADLINES:
        assert headline in page
    images = re.findall(r'<img[^>]+src="([^"]+)"', page)
    assert len(images) >= 4 and all(src.startswith("data:image/png;base64,") for src in images)
    assert "bulletin_path" not in page  # --no-input hid the code
    folder = out / "cqrb_20230308_gb18030"
    assert not list(folder.glob("05-*.png"))  # the summary showed the charts 02-04 made
    money = base64.b64encode((folder / "02-money.png").read_bytes()).decode()
    assert f"data:image/png;base64,{money}" in page
    alts = re.findall(r'<img alt="([^"]*)"', page)  # each chart read aloud by its titles
    assert len(alts) == len(images) and any(alt.startswith("金额") for alt in alts), alts


def test_executed_notebooks_have_no_errors_or_missing_glyphs(reports):
    _, out = reports
    executed = sorted((out / "cqrb_20230308_gb18030" / "executed").glob("*.ipynb"))
    assert len(executed) == len(NOTEBOOKS)
    for path in executed:
        notebook = nbformat.read(path, as_version=4)
        for cell in notebook.cells:
            for output in cell.get("outputs", []):
                assert output["output_type"] != "error", (path.name, output)
                text = json.dumps(output, ensure_ascii=False)
                assert "missing from font" not in text and "Glyph" not in text, path.name


def test_index_lists_each_bulletin_and_the_failure(reports):
    _, out = reports
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "Content-Security-Policy" in index and "3 bulletins, 1 failed" in index
    rows = re.findall(r"<tr>(.*?)</tr>", index, re.DOTALL)[1:]
    assert len(rows) == 3
    gb = next(row for row in rows if "cqrb_20230308_gb18030.txt" in row)
    assert "2023-03-08" in gb and ">3<" in gb and "200万元" in gb  # date, items, largest
    links = re.findall(r'href="([^"]+)"', gb)
    assert len(links) == len(NOTEBOOKS) and all((out / link).is_file() for link in links)
    broken = next(row for row in rows if "broken.txt" in row)
    assert "binary" in broken and "href" not in broken
    evil = next(row for row in rows if "evil_20230308.txt" in row)
    assert "<script" not in evil


def test_pages_embed_the_font_subset_they_need(reports):
    _, out = reports
    for page_path in [out / "index.html", *out.glob("*/*.html")]:
        page = page_path.read_text(encoding="utf-8")
        faces = re.findall(r"src: url\(data:font/woff;base64,([A-Za-z0-9+/=]+)\)", page)
        assert len(faces) == 1 and FONT_FAMILY in page, page_path
        assert faces[0].startswith("d09GR"), page_path  # "wOFF": what the CSS says it is
        assert 5_000 < len(faces[0]) * 3 / 4 < 400_000, (page_path, len(faces[0]))


def _report_in(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(BULLETIN), "report", str(DATA / "compact_cqrb_20230308.txt"), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=600,
        cwd=cwd,
    )


@pytest.mark.parametrize("where", ["relative", "absolute"])
def test_output_folder_is_where_the_user_said(tmp_path, where):
    """-o is resolved where it was typed: the HTML, the charts and the tables all land in
    it, nothing in notebooks/."""
    target = "out/reports" if where == "relative" else str(tmp_path / "abs")
    result = _report_in(tmp_path, "--notebooks", "01,05", "-o", target)
    assert result.returncode == 0, result.stderr
    folder = (tmp_path / target) / "compact_cqrb_20230308"
    assert {p.name for p in folder.glob("*.html")} == {
        "01-parse-bulletin.html",
        "05-bulletin-report.html",
    }
    assert (folder / "01-lengths.png").is_file() and (folder / "articles.csv").is_file()
    assert (folder / "05-money.png").is_file()  # 02 did not run: the summary drew its chart
    assert (folder.parent / "index.html").is_file()
    assert not list(NOTEBOOKS_DIR.glob("**/*.png")), "charts written beside the notebooks"
    summary = (folder / "05-bulletin-report.html").read_text(encoding="utf-8")
    detail = (folder / "01-parse-bulletin.html").read_text(encoding="utf-8")
    assert "open_bulletin" in detail and "open_bulletin" not in summary  # 05 without code


def test_default_output_folder_is_reports_and_with_code_shows_the_summarys_code(tmp_path):
    from helpers.paths import REPORTS_DIR

    folder = REPORTS_DIR / "compact_cqrb_20230308"
    shutil.rmtree(folder, ignore_errors=True)
    index = REPORTS_DIR / "index.html"
    kept = index.read_bytes() if index.is_file() else None  # the user's own index stays
    try:
        result = _report_in(tmp_path, "--notebooks", "05", "--with-code")
        assert result.returncode == 0, result.stderr
        assert result.stdout.split() == [str(folder / "05-bulletin-report.html")]
        assert "open_bulletin" in (folder / "05-bulletin-report.html").read_text("utf-8")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        if kept is not None:
            index.write_bytes(kept)
        else:
            index.unlink(missing_ok=True)


class _Elements(HTMLParser):
    """The real elements of a page (escaped text is not an element)."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def elements(page: str) -> list[tuple[str, dict]]:
    parser = _Elements()
    parser.feed(page)
    return parser.tags


def test_reports_run_no_script_and_fetch_nothing(reports):
    _, out = reports
    for page_path in out.glob("*/*.html"):
        page = page_path.read_text(encoding="utf-8")
        assert "Content-Security-Policy" in page and "default-src 'none'" in page
        tags = elements(page)
        assert not {tag for tag, _ in tags} & {"script", "iframe", "object", "embed", "link"}, (
            page_path
        )
        for tag, attributes in tags:
            for name in ("src", "href", "action", "data"):
                value = (attributes.get(name) or "").strip().lower()
                assert not value.startswith(("http:", "https:", "//", "javascript:")), (
                    page_path,
                    tag,
                    value,
                )
            assert not any(name.startswith("on") for name in attributes), (page_path, tag)
    evil = (out / "evil_20230308" / "02-funding-amounts.html").read_text(encoding="utf-8")
    assert "evil.example" in evil  # the text is there, escaped
    styles = re.findall(r"<style[^>]*>(.*?)</style>", evil, re.DOTALL)
    assert not any("evil.example" in style for style in styles)  # no CSS of the bulletin's
    assert "<div style=" not in evil
    assert (
        "<iframe" not in evil and "<img src=http" not in evil and "alert('x')</script>" not in evil
    )


def test_unknown_notebook_number_is_a_usage_error(tmp_path):
    result = report(
        str(DATA / "compact_cqrb_20230308.txt"), "--notebooks", "09", "-o", str(tmp_path)
    )
    assert result.returncode == 2 and "no notebook numbered 09" in result.stderr


def test_an_output_that_is_a_file_is_a_usage_error(tmp_path):
    (tmp_path / "taken.txt").write_text("not a folder", encoding="utf-8")
    result = report(str(DATA / "compact_cqrb_20230308.txt"), "-o", str(tmp_path / "taken.txt"))
    assert result.returncode == 2 and result.stderr.count("\n") == 1
    assert "is a file; give a folder" in result.stderr


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(
    _chromium() is None, reason="Debian's chromium is not installed (make test installs it as root)"
)
def test_report_opens_in_headless_chromium_with_its_images(reports):
    from playwright.sync_api import sync_playwright

    _, out = reports
    page_path = out / "cqrb_20230308_gb18030" / "05-bulletin-report.html"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=_chromium(),
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        page = browser.new_page()
        requests = []
        page.on("request", lambda request: requests.append(request.url))
        page.goto(page_path.as_uri())
        widths = page.evaluate("() => Array.from(document.images, image => image.naturalWidth)")
        title = page.title()
        text = page.inner_text("body")
        fonts = _fonts_in_use(page, HEADLINES[0])
        page.goto((out / "evil_20230308" / "02-funding-amounts.html").as_uri())
        page.wait_for_load_state("networkidle")
        page.goto((out / "index.html").as_uri())
        index_fonts = _fonts_in_use(page, "万元")
        browser.close()
    assert len(widths) >= 4 and all(width > 0 for width in widths)
    assert title == "cqrb_20230308_gb18030.txt · 05-bulletin-report"
    assert HEADLINES[0] in text
    assert all(url.startswith(("file:", "data:")) for url in requests), requests
    for loaded, covers, body_font in (fonts, index_fonts):
        assert loaded == [FONT_FAMILY], loaded  # the embedded face, loaded from its data: URL
        assert covers and body_font.strip('"').startswith(FONT_FAMILY), body_font


def _fonts_in_use(page, sample: str) -> tuple[list[str], bool, str]:
    """The font faces the page loaded, whether the embedded one draws ``sample``, and the
    body's font-family. (This machine has no Chinese system font: without the embedded
    face the text would be empty boxes.)"""
    page.evaluate("() => document.fonts.ready")
    loaded = page.evaluate(
        "() => Array.from(document.fonts).filter(f => f.status === 'loaded').map(f => f.family)"
    )
    covers = page.evaluate(
        '([family, text]) => document.fonts.check(`16px "${family}"`, text)',
        [FONT_FAMILY, sample],
    )
    body_font = page.evaluate(  # where the text is: a table cell (the template styles these)
        "() => getComputedStyle(document.querySelector('td') || document.body).fontFamily"
    )
    return [name.strip('"') for name in loaded], covers, body_font


def test_index_keeps_the_bulletins_of_earlier_runs(tmp_path):
    first = _report_in(tmp_path, "--notebooks", "01", "-o", "out")
    second = subprocess.run(
        [str(BULLETIN), "report", str(SAMPLE_BULLETIN), "--notebooks", "01", "-o", "out"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=600,
        cwd=tmp_path,
    )
    assert first.returncode == second.returncode == 0, second.stderr
    index = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert "2 bulletins, 0 failed" in index
    assert index.index("2023-03-08") < index.index("2021-07-14")  # the newest issue first


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="finds the kernels in /proc (Linux)")
def test_ctrl_c_stops_the_run_in_one_line_and_leaves_no_kernel(tmp_path):
    """As a terminal's Ctrl-C does: SIGINT to the whole process group, mid-run."""
    import os
    import signal
    import time

    before = _kernels()
    process = subprocess.Popen(
        [str(BULLETIN), "report", str(SAMPLE_BULLETIN), "-o", str(tmp_path)],
        start_new_session=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    time.sleep(4)  # the kernels are running
    os.killpg(process.pid, signal.SIGINT)
    _, err = process.communicate(timeout=120)
    assert process.returncode == 130
    assert err.strip().splitlines()[-1] == "bulletin: interrupted" and "Traceback" not in err
    deadline = time.monotonic() + 15  # kernels see their parent gone and stop
    while _kernels() - before and time.monotonic() < deadline:
        time.sleep(0.5)
    assert not _kernels() - before, "a kernel of the run outlived it"
    with pytest.raises(ProcessLookupError):
        os.killpg(process.pid, 0)  # nor any worker


def _kernels() -> set[int]:
    """The pids of the IPython kernels running on this machine."""
    pids = set()
    for entry in Path("/proc").iterdir():
        try:
            command = (entry / "cmdline").read_bytes()
        except (OSError, ValueError):
            continue
        if entry.name.isdigit() and b"ipykernel_launcher" in command:
            pids.add(int(entry.name))
    return pids


def test_files_of_the_same_name_get_folders_of_their_own(tmp_path):
    """a/day.txt and b/day.txt run at once: day/ and day-2/, both in the index; the same
    file given twice runs once."""
    for folder, source in (("a", SAMPLE_BULLETIN), ("b", DATA / "compact_cqrb_20230308.txt")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "day.txt").write_bytes(source.read_bytes())
    a, b = tmp_path / "a" / "day.txt", tmp_path / "b" / "day.txt"
    result = report(str(a), str(b), str(a), "--notebooks", "01", "-o", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        str(tmp_path / "out" / "day" / "01-parse-bulletin.html"),
        str(tmp_path / "out" / "day-2" / "01-parse-bulletin.html"),
    ]
    index = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert "2 bulletins, 0 failed" in index and "day.txt（day-2）" in index
    day, day2 = (
        (tmp_path / "out" / name / "01-parse-bulletin.html").read_text("utf-8")
        for name in ("day", "day-2")
    )
    assert "江北嘴" in day and HEADLINES[0] in day2  # each folder holds its own page
    # pages shown with their code keep no parameter cell: no path of this machine goes out
    assert "open_bulletin" in day and str(tmp_path) not in day and "# Parameters" not in day
