"""The bulletin command: formats, output files, and one-line errors with exit codes."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import DATA

BULLETIN = Path(sys.executable).with_name("bulletin")


def run(*args: str, script: bool = False) -> subprocess.CompletedProcess:
    command = [str(BULLETIN)] if script else [sys.executable, "-m", "helpers"]
    return subprocess.run(
        [*command, *args], capture_output=True, text=True, encoding="utf-8", timeout=120
    )


def test_console_script_prints_a_table(sample_path):
    result = run("articles", str(sample_path), script=True)
    assert result.returncode == 0, result.stderr
    assert "嫦娥五号任务 首批月球科研样品正式发放" in result.stdout
    assert len(result.stdout.strip().split("\n")) == 8  # header and seven rows


def test_json_uses_the_column_names_and_iso_dates(sample_path):
    result = run("articles", str(sample_path), "--format", "json")
    records = json.loads(result.stdout)
    assert len(records) == 7
    assert records[2]["date"] == "2021-07-12" and records[2]["reporters"] == ["胡喆"]
    assert records[0]["date"] is None and records[0]["interns"] == ["郭心悦"]


def test_csv_joins_lists(sample_path, tmp_path):
    out = tmp_path / "a.csv"
    assert run("articles", str(sample_path), "--format", "csv", "-o", str(out)).returncode == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert rows[0]["reporters"] == "杨骏" and rows[5]["photographers"] == "齐岚森"


def test_issue_date_option(sample_path):
    records = json.loads(
        run("articles", str(sample_path), "--format", "json", "--issue-date", "2022-07-20").stdout
    )
    assert records[2]["date"] == "2022-07-12"


def test_html_escapes_bulletin_text(tmp_path):
    bulletin = tmp_path / "evil.txt"
    bulletin.write_text(
        "标题<script>alert(1)</script>\n\n本报讯（记者 张三）正文<img src=x onerror=alert(1)>。\n",
        encoding="utf-8",
    )
    out = tmp_path / "evil.html"
    assert run("articles", str(bulletin), "--format", "html", "-o", str(out)).returncode == 0
    page = out.read_text(encoding="utf-8")
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "Content-Security-Policy" in page and "default-src 'none'" in page


def test_gb18030_file(tmp_path):
    path = tmp_path / "gb.txt"
    path.write_bytes(
        (DATA / "compact_cqrb_20230308.txt").read_text(encoding="utf-8").encode("gb18030")
    )
    records = json.loads(run("articles", str(path), "--format", "json").stdout)
    assert records[1]["headline"] == "两江新区新增市场主体1.2万户"


BAD_FILES = {
    "empty": (b"", "is empty"),
    "binary": (b"\x00\x01\x02PK", "binary"),
    "not-chinese": (b"no chinese here\n", "no Chinese"),
}


@pytest.mark.parametrize("kind", ["missing", "directory", *BAD_FILES])
def test_bad_input_is_one_line_and_exit_1(tmp_path, kind):
    if kind == "missing":
        target, message = tmp_path / "missing.txt", "does not exist"
    elif kind == "directory":
        target, message = tmp_path, "is a directory"
    else:
        content, message = BAD_FILES[kind]
        target = tmp_path / f"{kind}.txt"
        target.write_bytes(content)
    result = run("articles", str(target))
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and message in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["articles"],
        ["articles", "x.txt", "--format", "yaml"],
        ["articles", "x.txt", "--issue-date", "2021-13-01"],
        ["frobnicate"],
    ],
)
def test_usage_errors_exit_2(args):
    result = run(*args)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("bulletin: usage error:")


def test_figures_command_filters_kinds(sample_path):
    records = json.loads(
        run("figures", str(sample_path), "--kind", "money,growth", "--format", "json").stdout
    )
    assert len(records) == 14
    assert [r["text"] for r in records if r["kind"] == "growth"] == ["35.69%"]
    assert records[0]["yuan"] == 100000000.0 and records[0]["qualifier"] == "at_least"


def test_figures_table_shows_readable_amounts(sample_path):
    result = run("figures", str(sample_path), "--kind", "money")
    assert result.returncode == 0 and "6,000,000,000" in result.stdout and "60亿元" in result.stdout


def test_figures_unknown_kind_is_a_usage_error(sample_path):
    result = run("figures", str(sample_path), "--kind", "cash")
    assert result.returncode == 2 and "unknown kind" in result.stderr


def test_topics_command(sample_path):
    result = run("topics", str(sample_path), "--top", "3", "--format", "json")
    assert result.stderr == ""  # jieba's "Building prefix dict..." chatter stays quiet
    records = json.loads(result.stdout)
    assert len(records) == 21
    assert [r["keyword"] for r in records if r["article_id"] == 3][:2] == ["月球样品", "嫦娥五号"]
    assert {r["topics"] for r in records if r["article_id"] == 3} == {"航天"}
    bulletin = json.loads(
        run(
            "topics",
            str(sample_path),
            "--by",
            "bulletin",
            "--method",
            "textrank",
            "--top",
            "5",
            "--format",
            "json",
        ).stdout
    )
    assert len(bulletin) == 5 and all("article_id" not in r for r in bulletin)
    assert [r["rank"] for r in bulletin] == [1, 2, 3, 4, 5]


def test_wordcloud_command_writes_a_png(sample_path, tmp_path):
    out = tmp_path / "cloud.png"
    result = run("wordcloud", str(sample_path), "-o", str(out), "--article", "3")
    assert result.returncode == 0 and result.stdout.strip() == str(out)
    assert out.read_bytes().startswith(b"\x89PNG") and out.stat().st_size > 20_000
    missing = run("wordcloud", str(sample_path), "-o", str(out), "--article", "99")
    assert missing.returncode == 1 and "no article 99" in missing.stderr


@pytest.mark.parametrize("command", ["articles", "figures", "topics"])
@pytest.mark.parametrize("fmt", ["table", "csv", "json", "html"])
def test_every_command_writes_every_format(sample_path, tmp_path, command, fmt):
    out = tmp_path / f"out.{fmt}"
    result = run(command, str(sample_path), "--format", fmt, "-o", str(out))
    assert result.returncode == 0, result.stderr
    written = out.read_text(encoding="utf-8")
    assert len(written) > 500
    if fmt == "html":
        assert written.startswith("<!DOCTYPE html>") and "<table" in written


def test_kwic_prints_each_occurrence_with_its_context(sample_path):
    result = run("kwic", str(sample_path), "江北嘴", "--window", "6", "--format", "csv")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["term"] for r in rows] == ["江北嘴"] * 3
    assert rows[1]["left"] == "议,将协力在" and rows[1]["right"] == "打造中新金融"


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("kwic", "{sample}", " "), 2, "give a term"),
        (("kwic", "{missing}", "重庆"), 1, "does not exist"),
        (("entities", "{sample}", "--type", "city"), 2, "types are place, org and person"),
        (("kwic", "{sample}", "重庆", "--window", "-1"), 2, "0 or more"),
    ],
    ids=["blank-term", "missing-file", "unknown-type", "negative-window"],
)
def test_kwic_and_entities_errors_are_one_line(sample_path, tmp_path, args, code, message):
    values = {"sample": str(sample_path), "missing": str(tmp_path / "nope.txt")}
    result = run(*(a.format(**values) for a in args))
    assert result.returncode == code
    assert message in result.stderr.lower() and len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_entities_lists_places_with_their_district_and_city(sample_path):
    result = run("entities", str(sample_path), "--type", "place", "--format", "json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    nan_an = next(r for r in rows if r["text"] == "南岸")
    assert (nan_an["name"], nan_an["county"], nan_an["city"]) == ("南岸区", "南岸区", "重庆市")
    assert {r["type"] for r in rows} == {"place"}


def test_kwic_window_0_gives_the_term_alone_as_the_api_does(sample_path):
    from helpers.concordance import kwic

    result = run("kwic", str(sample_path), "江北嘴", "--window", "0", "--format", "csv")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    expected = kwic(sample_path, "江北嘴", window=0)
    assert len(rows) == len(expected) == 3
    assert {(r["left"], r["right"]) for r in rows} == {("", "")}


def test_kwic_lines_up_every_occurrence_and_empty_results_say_so(sample_path):
    result = run("kwic", str(sample_path), "重庆", "--window", "8")
    lines = result.stdout.splitlines()
    columns = {_cells(line[: line.index("【")]) for line in lines}
    assert len(lines) == 9 and len(columns) == 1  # every 【term】 in one column
    empty = run("kwic", str(sample_path), "上海")
    assert empty.returncode == 0 and "Empty DataFrame" not in empty.stdout
    assert "does not occur" in empty.stderr


def _cells(text: str) -> int:
    from unicodedata import east_asian_width

    return sum(2 if east_asian_width(c) in "WF" else 1 for c in text)


def test_money_in_csv_has_no_float_noise(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text("项目投资\n\n　　本报讯 项目总投资4.6亿元，二期303.6亿元。\n", encoding="utf-8")
    result = run("figures", str(page), "--format", "csv")
    assert "460000000.0" in result.stdout and "459999999" not in result.stdout
    assert "30360000000.0" in result.stdout and "30360000000.000004" not in result.stdout


def test_archive_reports_each_failure_once(tmp_path, sample_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "page.txt").write_bytes(sample_path.read_bytes())
    (folder / "empty.txt").write_bytes(b"")
    result = run("archive", str(folder), "-o", str(tmp_path / "out"), "--no-cache")
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if "empty.txt" in line]
    assert lines == [f"bulletin: error: {folder / 'empty.txt'} is empty: there is no text to read"]
