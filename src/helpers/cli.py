"""The ``bulletin`` command (also ``python -m helpers``).

- ``bulletin articles FILE [--issue-date YYYY-MM-DD] [--format table|csv|json|html] [-o OUT]``
  prints or writes the articles of a bulletin;
- ``bulletin figures FILE [--issue-date ...] [--kind money,growth] [--format ...] [-o OUT]``
  its money amounts, shares, growth figures and counts;
- ``bulletin topics FILE [--top N] [--by article|bulletin] [--method tfidf|textrank]``
  its keywords (and each article's topics);
- ``bulletin wordcloud FILE -o out.png [--article N]`` a word cloud PNG;
- ``bulletin entities FILE [--type place,org,person]`` the places, organisations and people
  each article names (places with their district, city and province);
- ``bulletin kwic FILE TERM [--window N]`` every occurrence of a term with its context;
- ``bulletin report FILE... [-o reports/] [--issue-date ...] [--notebooks 02,03] [--no-input]
  [--with-code] [--workers N]`` runs the notebooks on each bulletin (side by side, one per
  core) and writes self-contained HTML reports and an ``index.html`` linking them;
- ``bulletin archive DIR_OR_GLOB [-o data/processed/] [--engine local|dask] [--workers N]
  [--words] [--entities]`` processes many bulletins at once into cached Parquet tables.

Errors are one line on stderr: exit 2 for a usage error, 1 for input that is not a
readable bulletin; never a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from . import __version__
from .articles import parse_articles
from .dates import parse_iso_date
from .errors import BulletinError
from .export import to_csv, to_html_page, to_json, to_table
from .figures import FIGURE_KINDS, extract_figures, readable_figures
from .paths import PROCESSED_DIR, REPORTS_DIR

__all__ = ["main"]

EXIT_BAD_INPUT = 1
EXIT_USAGE = 2
_TABLE_COLUMNS = {
    "articles": [
        "article_id",
        "kind",
        "headline",
        "agency",
        "place",
        "date",
        "reporters",
        "photographers",
        "chars",
        "start_line",
        "end_line",
    ],
    "figures": [
        "article_id",
        "field",
        "kind",
        "text",
        "value",
        "unit",
        "amount_readable",
        "yuan_readable",
        "pct",
        "qualifier",
        "basis",
        "subject",
        "category",
    ],
}


def _whole_number(value: str, *, least: int) -> int:
    try:
        number = int(value)
    except ValueError:
        number = least - 1
    if number < least:
        raise argparse.ArgumentTypeError(
            f"expected a whole number of {least} or more, not {value!r}"
        )
    return number


def _positive(value: str) -> int:
    return _whole_number(value, least=1)


def _not_negative(value: str) -> int:
    """A count that may be 0 (``kwic --window 0``: the term alone, as in Python)."""
    return _whole_number(value, least=0)


class _UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage error as one line instead of usage plus message."""

    def error(self, message: str):  # noqa: D401 - argparse hook
        raise _UsageError(f"{message} (see '{self.prog} --help')")


def _issue_date(value: str):
    try:
        return parse_iso_date(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _kinds(value: str) -> list[str]:
    kinds = [k.strip() for k in value.split(",") if k.strip()]
    unknown = sorted(set(kinds) - set(FIGURE_KINDS))
    if unknown or not kinds:
        raise argparse.ArgumentTypeError(
            f"unknown kind {', '.join(unknown) or value!r}; choose from {','.join(FIGURE_KINDS)}"
        )
    return kinds


def _common(command: argparse.ArgumentParser) -> None:
    command.add_argument("file", type=Path, help="bulletin text file (UTF-8, GB18030, UTF-16...)")
    command.add_argument(
        "--issue-date",
        type=_issue_date,
        metavar="YYYY-MM-DD",
        help="the paper's date; inferred from a page header or file name if absent",
    )
    command.add_argument("--format", choices=["table", "csv", "json", "html"], default="table")
    command.add_argument("-o", "--output", type=Path, help="write here instead of standard output")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="bulletin", description="Turn a Chinese newspaper bulletin into tables.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    commands.required = True
    _common(commands.add_parser("articles", help="one row per article of a bulletin"))
    for add in (_figures_command, _topics_command, _entities_command, _kwic_command):
        add(commands)
    _cloud_command(commands)
    _report_command(commands)
    _archive_command(commands)
    return parser


def _figures_command(commands) -> None:
    figures = commands.add_parser(
        "figures", help="money, shares, growth figures and counts, one row each"
    )
    _common(figures)
    figures.add_argument(
        "--kind",
        type=_kinds,
        metavar="KIND[,KIND]",
        help=f"keep only these kinds: {','.join(FIGURE_KINDS)}",
    )


def _topics_command(commands) -> None:
    topics = commands.add_parser(
        "topics", help="keywords per article or for the bulletin, with topics"
    )
    _common(topics)
    topics.add_argument(
        "--top", type=_positive, default=10, help="keywords per article (default 10)"
    )
    topics.add_argument("--by", choices=["article", "bulletin"], default="article")
    topics.add_argument("--method", choices=["tfidf", "textrank"], default="tfidf")


def _entity_types(value: str) -> list[str]:
    types = [t.strip().lower() for t in value.split(",") if t.strip()]
    unknown = sorted(set(types) - {"place", "org", "person"})
    if not types or unknown:
        raise argparse.ArgumentTypeError("types are place, org and person")
    return types


def _entities_command(commands) -> None:
    found = commands.add_parser(
        "entities", help="places, organisations and people named in each article"
    )
    _common(found)
    found.add_argument(
        "--type", type=_entity_types, metavar="TYPE[,TYPE]", help="keep only place, org, person"
    )


def _kwic_command(commands) -> None:
    kwic = commands.add_parser("kwic", help="every occurrence of a term with its context")
    _common(kwic)
    kwic.add_argument("term", help="the word or name to look for")
    kwic.add_argument(
        "--window", type=_not_negative, default=20, help="characters on each side (default 20)"
    )


def _cloud_command(commands) -> None:
    cloud = commands.add_parser("wordcloud", help="a word cloud PNG of the bulletin or one article")
    cloud.add_argument("file", type=Path, help="bulletin text file")
    cloud.add_argument("-o", "--output", type=Path, required=True, help="PNG file to write")
    cloud.add_argument("--issue-date", type=_issue_date, metavar="YYYY-MM-DD")
    cloud.add_argument(
        "--article", type=_positive, metavar="N", help="only article N (its article_id)"
    )


def _report_command(commands) -> None:
    report = commands.add_parser(
        "report", help="run the notebooks on bulletins and export HTML reports"
    )
    report.add_argument("files", type=Path, nargs="+", metavar="FILE", help="bulletin text files")
    report.add_argument(
        "-o",
        "--output",
        type=Path,
        default=REPORTS_DIR,
        help="folder for the reports (default: reports/); one subfolder per bulletin",
    )
    report.add_argument("--issue-date", type=_issue_date, metavar="YYYY-MM-DD")
    report.add_argument(
        "--notebooks",
        type=lambda v: [n for n in v.split(",") if n.strip()],
        metavar="NN[,NN]",
        help="only these notebooks, by number (e.g. 02,03)",
    )
    report.add_argument(
        "--no-input", action="store_true", help="hide the code cells of every notebook"
    )
    report.add_argument(
        "--workers",
        type=_positive,
        metavar="N",
        help="notebooks run at once (default: one per core)",
    )
    report.add_argument(
        "--with-code",
        action="store_true",
        help="show the code cells of the summary (05) too; hidden by default",
    )


def _archive_command(commands) -> None:
    archive = commands.add_parser("archive", help="many bulletins at once, cached as Parquet")
    archive.add_argument(
        "source", metavar="DIR_OR_GLOB", help="a folder of .txt or .md bulletins, or a glob"
    )
    archive.add_argument(
        "-o",
        "--output",
        type=Path,
        default=PROCESSED_DIR,
        help="folder for the Parquet tables (default: data/processed/): this run's in "
        "archive/tables/, the cache of every file read in archive/",
    )
    archive.add_argument("--engine", choices=["local", "dask"], default="local")
    archive.add_argument("--workers", type=_positive, help="processes (default: every core)")
    archive.add_argument("--address", help="a dask.distributed scheduler, e.g. tcp://10.0.0.5:8786")
    archive.add_argument("--words", action="store_true", help="also count words (for topics)")
    archive.add_argument(
        "--entities", action="store_true", help="also read places, organisations and people"
    )
    archive.add_argument("--no-cache", action="store_true", help="process every file again")


def _render(frame, fmt: str, title: str, command: str) -> str:
    if fmt == "json":
        return to_json(frame)
    if fmt == "csv":
        return to_csv(frame)
    if fmt == "html":
        return to_html_page(frame, title=title)
    if command == "figures":
        frame = readable_figures(frame)
    if command == "kwic" and not frame.empty:
        return _concordance(frame)
    return to_table(frame[_TABLE_COLUMNS[command]] if command in _TABLE_COLUMNS else frame)


def _concordance(lines) -> str:
    """Concordance lines: the left context right-aligned, the term, the right context, so
    every occurrence stands in one column (widths in display cells: a CJK character is two)."""
    from unicodedata import east_asian_width

    def cells(text: str) -> int:
        return sum(2 if east_asian_width(c) in "WF" else 1 for c in text)

    width = max(cells(left) for left in lines["left"])
    rows = [
        f"{article_id:>4} {' ' * (width - cells(left))}{left} 【{term}】 {right}"
        for article_id, left, term, right in lines[
            ["article_id", "left", "term", "right"]
        ].itertuples(index=False)
    ]
    return "\n".join(rows) + "\n"


def _topics(articles, args):
    from .topics import keywords, main_topics, topic_labels

    found = keywords(articles, method=args.method, top=args.top, by=args.by)
    if args.by == "bulletin":  # one list for the whole bulletin: no article column
        return found.drop(columns="article_id")
    topics = main_topics(topic_labels(articles))
    return found.assign(topics=found["article_id"].map(topics))


def _entities(articles, args):
    from .entities import entities

    found = entities(articles)
    found = found[found["type"].isin(args.type)] if args.type else found
    if found.empty:
        print(f"bulletin: no names found in {args.file.name}", file=sys.stderr)
    return found


def _kwic(articles, args):
    from .concordance import kwic

    if not args.term.strip():
        raise _UsageError("give a term to look for")
    found = kwic(articles, args.term, window=args.window)
    if found.empty:
        print(f"bulletin: {args.term!r} does not occur in {args.file.name}", file=sys.stderr)
    return found


def _word_cloud(articles, args) -> int:
    from .plots import word_cloud
    from .topics import word_frequencies

    frequencies = word_frequencies(articles)
    if args.article is not None:
        if args.article not in set(articles["article_id"]):
            raise BulletinError(
                f"there is no article {args.article}: the bulletin has {len(articles)} items"
            )
        frequencies = frequencies[frequencies["article_id"] == args.article]
    if frequencies.empty:
        raise BulletinError("no content words to draw a word cloud from")
    args.output.parent.mkdir(parents=True, exist_ok=True)
    word_cloud(frequencies).to_file(str(args.output))
    print(args.output)
    return 0


def _report(args) -> int:
    from .report import run_report, select_notebooks

    try:
        select_notebooks(args.notebooks)
    except ValueError as exc:
        raise _UsageError(str(exc)) from None
    if args.output.exists() and not args.output.is_dir():
        raise _UsageError(f"-o {args.output} is a file; give a folder for the reports")
    results = run_report(
        args.files,
        output_dir=args.output,
        issue_date=args.issue_date,
        notebooks=args.notebooks,
        no_input=args.no_input,
        with_code=args.with_code,
        workers=args.workers,
        progress=lambda line: print(line, file=sys.stderr),
    )
    for result in results:
        if result.ok:
            for path in result.html:
                print(path)
        else:
            said = str(result.error)  # a reading error names the file already
            where = "" if said.startswith(str(result.bulletin)) else f"{result.bulletin}: "
            print(f"bulletin: error: {where}{said}", file=sys.stderr)
    return 0 if all(r.ok for r in results) else EXIT_BAD_INPUT


def _archive(args) -> int:
    import logging

    from .archive import load_archive

    # The command reports each failure once, below; the archive's log would say it again.
    logging.getLogger("helpers").addHandler(logging.NullHandler())
    started = time.perf_counter()
    folder = args.output / "archive"
    if args.no_cache and folder.exists():
        for table in folder.glob("*.parquet"):
            table.unlink()
    result = load_archive(
        args.source,
        engine=args.engine,
        workers=args.workers,
        words=args.words,
        entities=args.entities,
        cache_dir=folder,
        address=args.address,
        progress=sys.stderr.isatty(),
    )
    for row in result.failures.itertuples(index=False):
        where = "" if row.source_file in str(row.reason) else f"{row.source_file}: "
        print(f"bulletin: error: {where}{row.reason}", file=sys.stderr)
    files = result.articles["source_file"].nunique() if len(result.articles) else 0
    tables = _write_tables(result, folder / "tables")
    print(
        f"{files} bulletin{'' if files == 1 else 's'}, {len(result.articles)} items, "
        f"{len(result.figures)} figures"
        + (f", {len(result.words)} word counts" if result.words is not None else "")
        + (f", {len(result.entities)} names" if result.entities is not None else "")
        + f"; {result.processed} processed, {result.cached} from the cache, "
        + f"{len(result.failures)} failed"
        + f"; {time.perf_counter() - started:.1f} s"
    )
    print(tables)
    return 0 if result.failures.empty else EXIT_BAD_INPUT


def _write_tables(result, folder: Path) -> Path:
    """This run's tables as Parquet, typed as ``load_archive`` returns them (the cache beside
    them holds every file ever read); a table this run did not make is removed."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("articles", "figures", "words", "entities", "failures"):
        table, path = getattr(result, name), folder / f"{name}.parquet"
        if table is None:
            path.unlink(missing_ok=True)
        else:
            table.to_parquet(path, index=False)
    return folder


def _run(args: argparse.Namespace) -> int:
    if args.command == "report":
        return _report(args)
    if args.command == "archive":
        return _archive(args)
    frame = parse_articles(args.file, issue_date=args.issue_date)
    if args.command == "wordcloud":
        return _word_cloud(frame, args)
    if args.command == "figures":
        frame = extract_figures(frame, kinds=args.kind)
    elif args.command == "topics":
        frame = _topics(frame, args)
    elif args.command == "entities":
        frame = _entities(frame, args)
    elif args.command == "kwic":
        frame = _kwic(frame, args)
    output = _render(frame, args.format, f"{args.file.name} — {args.command}", args.command)
    if args.output:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(output, encoding="utf-8")
    else:
        sys.stdout.write(output)
    return 0


def main(argv: list[str] | None = None) -> int:
    """Entry point; returns the exit status."""
    try:
        args = _parser().parse_args(argv)
        return _run(args)
    except _UsageError as exc:
        print(f"bulletin: usage error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BulletinError as exc:
        print(f"bulletin: error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except OSError as exc:
        print(
            f"bulletin: error: {exc.filename or ''} {exc.strerror or exc}".strip(), file=sys.stderr
        )
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("bulletin: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug: one line for the user, the traceback on request
        if os.environ.get("BULLETIN_DEBUG"):
            raise
        print(
            f"bulletin: internal error: {type(exc).__name__}: {exc} "
            "(rerun with BULLETIN_DEBUG=1 for details and please report it)",
            file=sys.stderr,
        )
        return 70
