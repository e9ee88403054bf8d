"""Article segmentation across paste layouts: does the parser find the true items?

Run: ``.venv/bin/python benchmarks/segmentation.py [--every N] [--show-failures N]
[--json PATH]``. Needs the shared corpus (``helpers.paths.CORPUS_DIR``); a part that is
absent is skipped with a note.

- ``rmrb``: every Nth People's Daily page (default 20, about 109 pages; ``--every 1`` for all
  2,178), its true items recovered with ``helpers.layouts.corpus_page_items`` and re-rendered
  in each layout (``as_is``, ``web``, ``flat``, ``indent_no_blank``). Per layout: the share of
  pages segmented exactly (the title blocks [kicker, headline, subtitle] of the non-meta
  items equal the true ones, as ``tests/test_corpus.py`` computes), the share of true title
  blocks found, and how many pages lose no line (``assert_no_line_lost`` of
  ``tests/conftest.py``).
- ``rmrb2026``: the 57 pages of 2026 in their own layouts, read with ``read_bulletin``. Per
  layout: the share of pages with the right number of non-meta items, and the share of true
  titles found exactly. Page credits (``本版责编…``) and tables of contents (``导读``) may be
  items or furniture, so they count on neither side. Titles are compared without white
  space; a column tag in （） is part of the title in the truth, and the parser keeps it in
  the headline (re-added from ``column`` should it ever leave it out). A story inside a true
  item that opens with its own dateline or byline (a digest's wire stories, a feature's
  bylined parts) may be a row of its own: it counts on neither side.

Also the parse speed (``split_articles`` alone) in MB/s of UTF-8 text. ``--show-failures N``
prints the first N failing pages per layout as a diff of title blocks: ``-`` wanted but not
found, ``+`` found but not wanted (with the lines that item spans and its kind).
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from helpers.articles import split_articles
from helpers.bylines import match_dateline
from helpers.layouts import (
    LAYOUTS,
    RMRB2026_LAYOUTS,
    as_is,
    corpus_page_items,
    rmrb2026_items,
    rmrb2026_truth,
)
from helpers.paths import CORPUS_DIR, corpus_folder
from helpers.reading import normalize_text, read_bulletin

TITLE_FIELDS = ("kicker", "headline", "subtitle")
# Page credits (本版责编 over 版式设计 or 本版邮箱, read as one item or two) and tables of contents.
OPTIONAL = re.compile(r"(?:本版责编|版式设计|本版邮箱|本期统筹)|导读$")
SHOWN_CHARS = 60
DEFINITIONS = {
    "pages_right": "rmrb: share of pages whose title blocks equal the true ones; "
    "rmrb2026: share of pages with the right number of items",
    "titles_found": "share of true title blocks (rmrb) or titles (rmrb2026) found exactly",
    "lossless_pages": "pages on which tests/conftest.py's assert_no_line_lost holds",
    "mb_per_s": "UTF-8 megabytes of page text per second of split_articles alone",
}


def no_line_lost_check():
    """``assert_no_line_lost`` from tests/conftest.py: one definition of "lossless"."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
    from conftest import assert_no_line_lost

    return assert_no_line_lost


ASSERT_NO_LINE_LOST = no_line_lost_check()


def lines_lost(text: str, records: list[dict]) -> str | None:
    """Why ``records`` lose a line of ``text``, or None when they lose none."""
    try:
        ASSERT_NO_LINE_LOST(text, records)
    except AssertionError as error:
        return str(error).splitlines()[0]
    return None


@dataclass
class Tally:
    """The figures of one layout."""

    pages: int = 0
    right: int = 0  # pages segmented exactly (rmrb) or with the right item count (rmrb2026)
    found: int = 0
    wanted: int = 0
    lossless: int = 0
    megabytes: float = 0.0
    seconds: float = 0.0
    failures: list[dict] = field(default_factory=list)
    lost: list[str] = field(default_factory=list)  # pages that lost a line or made it fail
    kinds: Counter = field(default_factory=Counter)  # the kinds of error (rmrb), see ERROR_KINDS

    def parse(self, text: str, name: str) -> list[dict]:
        """The records of a page, timed and checked; a page the parser fails on has none."""
        self.pages += 1
        started = time.perf_counter()
        try:
            records = split_articles(text, name=name)
        except Exception as error:  # a parser being rewritten may fail: count it, go on
            self.lost.append(f"{name}: split_articles raised {error!r}")
            return []
        self.seconds += time.perf_counter() - started
        self.megabytes += len(text.encode("utf-8")) / 1e6
        problem = lines_lost(text, records)
        self.lossless += problem is None
        if problem:
            self.lost.append(f"{name}: {problem}")
        return records

    def figures(self) -> dict:
        return {
            "pages": self.pages,
            "pages_right": self.right / self.pages,
            "titles_found": self.found / self.wanted if self.wanted else None,
            "titles_wanted": self.wanted,
            "lossless_pages": self.lossless,
            "lossless": self.lossless == self.pages,
            "megabytes": self.megabytes,
            "mb_per_s": self.megabytes / self.seconds if self.seconds else None,
            "failing_pages": [failure["page"] for failure in self.failures],
            "error_kinds": dict(self.kinds),
            "lines_lost": self.lost,
        }


def title_block(record: dict) -> list[str]:
    return [t for t in (record[f] for f in TITLE_FIELDS) if isinstance(t, str) and t]


def news_items(records: list[dict]) -> list[dict]:
    return [record for record in records if record["kind"] != "meta"]


def shown(text: str) -> str:
    return text if len(text) <= SHOWN_CHARS else text[: SHOWN_CHARS - 1] + "…"


def squeezed(text: str) -> str:
    return re.sub(r"\s", "", normalize_text(text))


def read_as(record: dict, text: str) -> str:
    """The field of ``record`` whose text holds ``text`` (both without white space)."""
    for name in (*TITLE_FIELDS, "dateline", "body", "credit"):
        if isinstance(record.get(name), str) and text in squeezed(record[name]):
            return name
    return "furniture"


@dataclass
class Page:
    """A failing page: what the parser read, to say where a missing title went."""

    name: str
    text: str
    records: list[dict]  # every record, meta too

    def line_number(self, line: str, after: int) -> int | None:
        """The number of the first line after line ``after`` that is ``line``, or None."""
        target, lines = squeezed(line), self.text.split("\n")
        return next(
            (n for n in range(after + 1, len(lines) + 1) if squeezed(lines[n - 1]) == target),
            None,
        )

    def record_at(self, number: int) -> dict | None:
        return next((r for r in self.records if r["start_line"] <= number <= r["end_line"]), None)

    def where_read(self, title_lines: list[str], after: int) -> tuple[int, str]:
        """Where the parser put each line of a title it missed: ``5 body of news 1-17``."""
        said, last = [], None
        for line in title_lines:
            number = self.line_number(line, after)
            if number is None:
                said.append("not found")
                continue
            after = number
            record = self.record_at(number)
            said.append(f"{number} {read_as(record, squeezed(line)) if record else 'in no item'}")
            if record and record is not last:
                said[-1] += f" of {record['kind']} {record['start_line']}-{record['end_line']}"
                last = record
        return after, "line " + ", ".join(said)

    def diff(self, want: list[str], title_lines: list, got: list[str], found: list[dict]):
        """A diff of wanted and found titles: ``-`` with where it was read, ``+`` with its lines."""
        lines, cursor = [f"  {self.name}: want {len(want)} items, got {len(got)}"], 0
        matcher = difflib.SequenceMatcher(a=want, b=got, autojunk=False)
        for op, a0, a1, b0, b1 in matcher.get_opcodes():
            if op == "equal":
                lines += [f"    = {shown(title)}" for title in want[a0:a1]]
                cursor = found[b1 - 1]["start_line"]
                continue
            for index in range(a0, a1):
                cursor, where = self.where_read(title_lines[index], cursor)
                lines.append(f"    - {shown(want[index])}  [{where}]")
            for index in range(b0, b1):
                span = f"lines {found[index]['start_line']}-{found[index]['end_line']}"
                lines.append(f"    + {shown(got[index])}  [{span}, {found[index]['kind']}]")
        return lines


# rmrb: the 2019-2020 pages, re-rendered in each layout


def rmrb_pages(every: int) -> list[tuple[str, list]]:
    folder = corpus_folder("rmrb")
    if folder is None:
        return []
    paths = sorted(folder.glob("*/*.txt"))[::every]
    return [(path.name, corpus_page_items(read_bulletin(path))) for path in paths]


def joined(blocks: list[list[str]]) -> list[str]:
    return [" / ".join(block) for block in blocks]


ERROR_KINDS = {
    "merged, no opening cue": "a true item read into the one before, its body opening with "
    "no dateline or byline (only what its headline reads like can tell it)",
    "merged, with opening cue": "a true item read into the one before although its body opens "
    "with a dateline or byline",
    "split": "a line inside a true item (a subhead, a caption, a photo title) read as a new "
    "item's headline",
    "title block": "the right headline with other kicker or subtitle lines",
}


def opens_with_cue(body: list[str]) -> bool:
    """Whether an item's body opens with a dateline or a byline line (in its first two)."""
    return any(match_dateline(paragraph.strip()) for paragraph in body[:2])


def error_kinds(items: list, got: list[list[str]]) -> Counter:
    """The errors of one page by kind (:data:`ERROR_KINDS`), matched on headlines."""
    true = {tuple(titles): body for titles, body in items if titles}
    got_blocks, kinds = {tuple(block) for block in got}, Counter()
    got_lines = {line for block in got for line in block}
    true_lines = {line for block in true for line in block}
    for block, body in true.items():
        if block in got_blocks:
            continue
        if any(line in got_lines for line in block):
            kinds["title block"] += 1
        else:
            cue = "with" if opens_with_cue(body) else "no"
            kinds[f"merged, {cue} opening cue"] += 1
    kinds["split"] += sum(
        1 for block in got_blocks - set(true) if not any(line in true_lines for line in block)
    )
    return kinds


def measure_rmrb(pages: list[tuple[str, list]], layout: str) -> Tally:
    render, tally = LAYOUTS[layout], Tally()
    for name, items in pages:
        text = render(items)
        records = tally.parse(text, name)
        found = news_items(records)
        got = [title_block(record) for record in found]
        want = [titles for titles, _body in items if titles]
        tally.wanted += len(want)
        tally.found += sum(title in got for title in want)
        tally.right += got == want
        if got != want:
            tally.kinds.update(error_kinds(items, got))
            diff = Page(name, text, records).diff(joined(want), want, joined(got), found)
            tally.failures.append({"page": name, "diff": diff})
    return tally


# rmrb2026: the 2026 pages in their own layouts, against their truth files


def parsed_title(record: dict) -> str:
    """Kicker, headline and subtitle joined without spaces, with the column tag."""
    title = squeezed("".join(title_block(record)))
    column = squeezed(record["column"]) if isinstance(record.get("column"), str) else ""
    if column and not re.search(rf"[（(]{re.escape(column)}[）)]$", title):
        title += f"（{column}）"
    return title


def optional(record: dict) -> bool:
    """A page credit or table of contents, read as an item: it may be one or not."""
    first = title_block(record)[:1] or (record["body"] or "").split("\n")[:1]
    return bool(OPTIONAL.match(squeezed("".join(first))))


def sub_story(record: dict, want: set[str]) -> bool:
    """A story of its own inside a true item (a 环球扫描 digest's wire stories, the parts of a
    feature that carry their own bylines): it opens with a dateline or byline and is no true
    item's title. rmrb2026/README.md and issue 11 let such a story be a row or not."""
    return isinstance(record.get("dateline"), str) and parsed_title(record) not in want


def measure_2026_page(tally: Tally, truth: dict) -> None:
    measure_2026_text(tally, truth, read_bulletin(truth["text_path"]))


def measure_2026_text(tally: Tally, truth: dict, text: str) -> None:
    path = truth["text_path"]
    records = tally.parse(text, path.name)
    wanted = [
        item["title"] for item in truth["items"] if not OPTIONAL.match(squeezed(item["title"]))
    ]
    want = [squeezed(title) for title in wanted]
    found = [
        record
        for record in news_items(records)
        if not optional(record) and not sub_story(record, set(want))
    ]
    got = [parsed_title(record) or "(no title)" for record in found]
    tally.wanted += len(want)
    tally.found += sum((Counter(want) & Counter(got)).values())
    tally.right += len(got) == len(want)
    if got != want:
        diff = Page(path.name, text, records).diff(want, [[t] for t in wanted], got, found)
        tally.failures.append({"page": path.name, "diff": diff})


def rmrb2026_rerendered() -> dict[str, Tally]:
    """Every 2026 page in every layout (its items from its truth file), scored like its own."""
    folder = corpus_folder("rmrb2026")
    tallies = {layout: Tally() for layout in LAYOUTS}
    for json_path in sorted(folder.glob("*/*.json")) if folder is not None else []:
        truth = rmrb2026_truth(json_path)
        items = rmrb2026_items(truth, read_bulletin(truth["text_path"]))
        for layout, render in LAYOUTS.items():
            measure_2026_text(tallies[layout], truth, render(items))
    return {layout: tally for layout, tally in tallies.items() if tally.pages}


def measure_rmrb2026() -> dict[str, Tally]:
    folder = corpus_folder("rmrb2026")
    tallies = {layout: Tally() for layout in RMRB2026_LAYOUTS}
    for json_path in sorted(folder.glob("*/*.json")) if folder is not None else []:
        truth = rmrb2026_truth(json_path)
        measure_2026_page(tallies[truth["layout"]], truth)
    return {layout: tally for layout, tally in tallies.items() if tally.pages}


# Output


def percent(value: float | None) -> str:
    return "     -" if value is None else f"{value:6.3f}"


def print_table(title: str, header: tuple[str, str], tallies: dict[str, Tally]) -> None:
    print(f"\n{title}")
    print(f"{'layout':<32}{'pages':>6}{header[0]:>13}{header[1]:>15}{'lossless':>10}{'MB/s':>8}")
    for layout, tally in tallies.items():
        figures = tally.figures()
        print(
            f"{layout:<32}{tally.pages:>6}{percent(figures['pages_right']):>13}"
            f"{percent(figures['titles_found']):>15}"
            f"{f'{tally.lossless}/{tally.pages}':>10}{figures['mb_per_s'] or 0:8.1f}"
        )


def print_error_kinds(tallies: dict[str, Tally]) -> None:
    """Per layout, the errors on failing rmrb pages by kind (:data:`ERROR_KINDS`)."""
    print("\nrmrb errors by kind (per true or found title block; see ERROR_KINDS)")
    print(f"{'layout':<20}" + "".join(f"{kind:>26}" for kind in ERROR_KINDS))
    for layout, tally in tallies.items():
        print(f"{layout:<20}" + "".join(f"{tally.kinds[kind]:>26}" for kind in ERROR_KINDS))


def print_failures(tallies: dict[str, Tally], count: int) -> None:
    for layout, tally in tallies.items():
        if not tally.failures and not tally.lost:
            continue
        shown_pages = min(count, len(tally.failures))
        print(f"\n{layout}: first {shown_pages} of {len(tally.failures)} failing pages")
        for failure in tally.failures[:count]:
            print("\n".join(failure["diff"]))
        for lost in tally.lost[:count]:
            print(f"  not lossless: {lost}")


def speed(groups: list[dict[str, Tally]]) -> dict:
    tallies = [tally for group in groups for tally in group.values()]
    megabytes = sum(tally.megabytes for tally in tallies)
    seconds = sum(tally.seconds for tally in tallies)
    return {"megabytes": megabytes, "seconds": seconds, "mb_per_s": megabytes / (seconds or 1)}


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--every", type=int, default=20, help="every Nth rmrb page (default 20)")
    parser.add_argument("--show-failures", type=int, default=0, metavar="N")
    parser.add_argument("--json", type=Path, metavar="PATH", help="write every figure here")
    return parser.parse_args()


def main() -> None:
    args = arguments()
    started = time.perf_counter()
    pages = rmrb_pages(args.every)
    split_articles(as_is(pages[0][1]) if pages else "标题\n\n正文。", name="warm-up")
    rmrb = {layout: measure_rmrb(pages, layout) for layout in LAYOUTS} if pages else {}
    rmrb2026 = measure_rmrb2026()
    if not rmrb and not rmrb2026:
        sys.exit(f"no rmrb or rmrb2026 corpus at {CORPUS_DIR}: nothing to measure")
    if rmrb:
        items = sum(len(items) for _name, items in pages)
        head = f"rmrb: {len(pages)} pages (1 in {args.every}), {items} items, re-rendered"
        print_table(head, ("pages exact", "titles found"), rmrb)
        print_error_kinds(rmrb)
    else:
        print(f"rmrb not found in {CORPUS_DIR}: skipped")
    if rmrb2026:
        named = {f"{k} (as {RMRB2026_LAYOUTS[k]})": tally for k, tally in rmrb2026.items()}
        head = "rmrb2026: pages in their own layouts (credits and 导读 optional)"
        print_table(head, ("items right", "titles found"), named)
        rerendered = rmrb2026_rerendered()
        head = "rmrb2026: all 57 pages re-rendered in each layout"
        print_table(head, ("items right", "titles found"), rerendered)
    else:
        print(f"rmrb2026 not found in {CORPUS_DIR}: skipped")
    figures = {
        "definitions": DEFINITIONS,
        "rmrb": {"every": args.every, "layouts": {k: t.figures() for k, t in rmrb.items()}},
        "rmrb2026": {k: t.figures() for k, t in rmrb2026.items()},
        "rmrb2026_rerendered": {k: t.figures() for k, t in rerendered.items()} if rmrb2026 else {},
        "speed": speed([rmrb, rmrb2026]),
    }
    print(
        f"\nparse speed: {figures['speed']['megabytes']:.1f} MB in "
        f"{figures['speed']['seconds']:.2f} s, {figures['speed']['mb_per_s']:.1f} MB/s; "
        f"whole run {time.perf_counter() - started:.1f} s"
    )
    if args.show_failures:
        print_failures(rmrb, args.show_failures)
        print_failures(rmrb2026, args.show_failures)
    if args.json:
        args.json.write_text(json.dumps(figures, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
