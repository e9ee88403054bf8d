"""helpers.archive: many bulletins, two engines, the Parquet cache, failures reported."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from conftest import CORPUS, DATA

from helpers.archive import load_archive
from helpers.figures import body_figures, one_per_range
from helpers.paths import SAMPLE_BULLETIN
from helpers.trends import growth_over_time, money_by_period, moving_words, topic_shares_by_period


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    """Twelve real pages over two months (the shared corpus, else the project's own
    bulletins), and one file that is not a bulletin."""
    folder = tmp_path_factory.mktemp("archive")
    pages = (
        sorted((CORPUS / "rmrb").glob("2020-0[12]/*.txt"))[::60]
        if (CORPUS / "rmrb").is_dir()
        else []
    )
    if pages:
        for page in pages[:12]:
            shutil.copy(page, folder / page.name)
    else:
        shutil.copy(SAMPLE_BULLETIN, folder / SAMPLE_BULLETIN.name)
        for path in DATA.glob("*.txt"):
            shutil.copy(path, folder / path.name)
    (folder / "broken.txt").write_bytes(b"\x00\x01 binary")
    return folder


def test_local_engine_stamps_every_row_and_reports_failures(folder, tmp_path):
    archive = load_archive(folder, words=True, cache_dir=tmp_path / "cache", progress=False)
    files = sorted(p for p in folder.glob("*.txt") if p.name != "broken.txt")
    assert archive.articles["source_file"].nunique() == len(files)
    # A bulletin with no date in its name or a page header is legitimate: its rows carry NaT.
    undated = {"wire_xinhua.txt"}
    for table in (archive.articles, archive.figures, archive.words):
        assert {"source_file", "issue_date", "page"} <= set(table.columns)
        names = table["source_file"].map(lambda path: Path(path).name)
        assert table.loc[~names.isin(undated), "issue_date"].notna().all()
        assert table.loc[names.isin(undated), "issue_date"].isna().all()
    assert list(archive.failures["source_file"]) == [str((folder / "broken.txt").resolve())]
    assert "binary" in archive.failures["reason"].iloc[0]
    if (CORPUS / "rmrb").is_dir():
        first = archive.articles.iloc[0]
        name = Path(first["source_file"]).name  # rmrb_YYYYMMDD_pNN.txt
        assert first["issue_date"] == pd.Timestamp(name[5:13]) and first["page"] == int(name[15:17])
    assert archive.processed == len(files) + 1 and archive.cached == 0


def test_cache_reuses_unchanged_files_and_processes_only_new_ones(folder, tmp_path):
    cache = tmp_path / "cache"
    first = load_archive(folder, cache_dir=cache, progress=False)
    again = load_archive(folder, cache_dir=cache, progress=False)
    assert again.processed == 0 and again.cached == first.processed
    pd.testing.assert_frame_equal(first.articles, again.articles)
    pd.testing.assert_frame_equal(first.figures, again.figures)
    grown = tmp_path / "grown"
    shutil.copytree(folder, grown)
    (grown / "cqrb_2023-03-08_extra.txt").write_text(
        (DATA / "compact_cqrb_20230308.txt").read_text(encoding="utf-8"), encoding="utf-8"
    )
    before = load_archive(grown, cache_dir=cache, progress=False)
    after = load_archive(grown, cache_dir=cache, progress=False)
    assert after.processed == 0
    assert before.processed == len(list(grown.glob("*.txt")))  # a new folder: new paths
    changed = grown / "cqrb_2023-03-08_extra.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\n新增一段。\n", encoding="utf-8")
    assert load_archive(grown, cache_dir=cache, progress=False).processed == 1


def test_dask_engine_gives_the_same_tables(folder, tmp_path):
    local = load_archive(folder, words=True, cache_dir=None, progress=False)
    dask = load_archive(
        folder, words=True, engine="dask", workers=2, cache_dir=None, progress=False
    )
    for name in ("articles", "figures", "words"):
        pd.testing.assert_frame_equal(getattr(local, name), getattr(dask, name))
    pd.testing.assert_frame_equal(local.failures, dask.failures)


def test_dask_distributed_cluster_by_address_gives_the_same_tables(folder):
    """A real dask.distributed scheduler with worker processes, reached by its tcp:// address."""
    from distributed import LocalCluster

    local = load_archive(folder, words=True, cache_dir=None, progress=False)
    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        assert cluster.scheduler_address.startswith("tcp://")
        remote = load_archive(
            folder,
            words=True,
            engine="dask",
            address=cluster.scheduler_address,
            cache_dir=None,
            progress=False,
        )
        assert (
            "from_sequence" in cluster.scheduler.task_prefixes
        )  # the cluster ran the bag of files
    for name in ("articles", "figures", "words"):
        pd.testing.assert_frame_equal(getattr(local, name), getattr(remote, name))
    pd.testing.assert_frame_equal(local.failures, remote.failures)


def test_money_by_period_counts_a_range_once(tmp_path):
    for day, text in (
        ("2020-01-05", "奖补政策出台\n\n本报讯 每户补助20万至50万元，另奖励5万元。"),
        ("2020-02-03", "基金设立\n\n本报讯 基金规模3亿元。"),
    ):
        (tmp_path / f"paper_{day}.txt").write_text(text, encoding="utf-8")
    archive = load_archive(tmp_path, cache_dir=None, progress=False, workers=1)
    assert archive.figures.query("kind == 'money'")["yuan"].sum() == 300_750_000  # both ends summed
    monthly = money_by_period(archive.figures, freq="M").sum(axis=1)
    assert monthly.to_dict() == {
        pd.Period("2020-01", "M"): 250_000,
        pd.Period("2020-02", "M"): 300_000_000,
    }


def test_trends_over_the_archive(folder):
    archive = load_archive(folder, words=True, cache_dir=None, progress=False)
    money = money_by_period(archive.figures, freq="M")
    once = one_per_range(body_figures(archive.figures).query("kind == 'money'"))  # totals: bodies
    assert money.to_numpy().sum() == pytest.approx(once["yuan"].sum())
    shares = topic_shares_by_period(archive.words, freq="M")
    assert shares.sum(axis=1).round(6).eq(1).all()
    assert growth_over_time(archive.figures)["issue_date"].is_monotonic_increasing
    moving = moving_words(archive.words, freq="M", top=5, min_count=2)
    assert list(moving.columns) == ["word", "first", "last", "change"]


def test_archive_command(folder, tmp_path):
    command = [
        str(Path(sys.executable).with_name("bulletin")),
        "archive",
        str(folder),
        "-o",
        str(tmp_path),
    ]
    first = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert first.returncode == 1  # one file failed, and said so in one line
    assert first.stderr.count("bulletin: error:") == 1 and "broken.txt" in first.stderr
    assert "0 from the cache" in first.stdout
    assert (tmp_path / "archive" / "articles.parquet").is_file()
    second = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert "0 processed" in second.stdout
    # the cached failure is reported again, once; the files read well are no failures
    assert second.stderr.count("bulletin: error:") == 1 and "broken.txt" in second.stderr


def test_archive_command_writes_this_runs_tables_typed(tmp_path, sample_path):
    """The tables the command prints the folder of hold the files of this run only (a file
    deleted since is gone, though the cache keeps it), typed as load_archive returns them;
    Markdown pages in the folder are bulletins too."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_bytes(sample_path.read_bytes())
    (folder / "b.txt").write_bytes(
        sample_path.read_bytes().replace("江北嘴".encode(), "江北区".encode())
    )
    (folder / "c.md").write_text(
        "# 晚间新闻\n\n### 南岸出台新政\n\n本报讯 南岸设立资金5亿元。\n", "utf-8"
    )
    command = [str(Path(sys.executable).with_name("bulletin")), "archive", str(folder)]
    command += ["-o", str(tmp_path / "out"), "--words"]
    first = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert first.returncode == 0 and first.stdout.startswith("3 bulletins"), first.stderr
    tables = Path(first.stdout.strip().splitlines()[-1])
    assert tables == tmp_path / "out" / "archive" / "tables"
    (folder / "b.txt").unlink()
    second = subprocess.run(command[:-1], capture_output=True, text=True, timeout=300)
    assert second.stdout.startswith("2 bulletins"), second.stdout
    articles = pd.read_parquet(tables / "articles.parquet")
    assert sorted(Path(f).name for f in articles["source_file"].unique()) == ["a.txt", "c.md"]
    figures = pd.read_parquet(tables / "figures.parquet")
    assert str(figures["page"].dtype) == "Int64" and str(figures["range_id"].dtype) == "Int64"
    assert not (tables / "words.parquet").exists()  # not asked for this time


def test_bad_arguments(tmp_path):
    with pytest.raises(ValueError, match="engine"):
        load_archive(tmp_path, engine="spark")
    from helpers import BulletinError

    with pytest.raises(BulletinError, match="matches no file"):
        load_archive(str(tmp_path / "nothing-*.txt"))


def test_entities_come_on_request_as_the_single_bulletin_api_reads_them(folder, tmp_path):
    from helpers import parse_articles
    from helpers.entities import entities
    from helpers.tables import columns

    cache = tmp_path / "cache"
    plain = load_archive(folder, words=True, cache_dir=cache, progress=False)
    assert plain.entities is None
    archive = load_archive(folder, entities=True, cache_dir=cache, progress=False)
    assert archive.cached == 0  # the cached files had no names: read again
    assert list(archive.entities.columns) == columns("entities", stamped=True)
    first = archive.articles["source_file"].iloc[0]
    mine = archive.entities[archive.entities["source_file"] == first]
    alone = entities(parse_articles(first))
    assert mine[alone.columns].reset_index(drop=True).equals(alone)
    again = load_archive(folder, entities=True, cache_dir=cache, progress=False)
    assert again.processed == 0 and len(again.entities) == len(archive.entities)
