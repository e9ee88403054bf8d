"""Notebook set-up, said once: open a bulletin, choose the output folder, save charts and tables.

``open_bulletin(bulletin_path, issue_date=..., output_dir=...)`` does what every per-bulletin
notebook needs before its first question: it parses the bulletin (the bundled sample when the
path is None), creates the output folder (``reports/<bulletin stem>/`` by default), sets up the
CJK font and pandas' display options, prints one summary line, and returns a :class:`Session`
holding ``path``, ``articles``, ``titles`` and ``out``. ``Session.save(fig, name)`` writes a chart
as PNG into ``out`` (``Session.show`` also returns it for the notebook to display) and
``Session.save_csv(frame, name)`` a table as CSV, always the same way.

Relative paths are taken from the current working directory of the process that calls, which
for a notebook is the kernel's (``notebooks/`` under ``bulletin report``, which therefore passes
absolute paths).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from matplotlib.figure import Figure

from . import plots
from .articles import parse_articles
from .export import to_csv
from .paths import REPORTS_DIR, SAMPLE_BULLETIN

__all__ = ["DPI", "Session", "open_bulletin", "output_folder", "save_figure"]

DPI = 120  # sharp in an HTML report, small enough to embed
MAX_COLWIDTH = 60  # characters of a cell shown in a table: a headline, not the whole body


def output_folder(output_dir: str | Path | None, *, default: Path) -> Path:
    """The folder a notebook writes to, made if missing: ``output_dir``, else ``default``.

    A relative ``output_dir`` is taken from the current working directory.

    >>> import tempfile
    >>> tmp = Path(tempfile.gettempdir())
    >>> output_folder(None, default=tmp) == tmp, output_folder(tmp, default=REPORTS_DIR) == tmp
    (True, True)
    """
    folder = default if output_dir is None else Path.cwd() / output_dir
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def save_figure(fig, path: str | Path, *, dpi: int = DPI) -> Path:
    """Write ``fig`` (a matplotlib ``Figure``, or an image such as
    :func:`plots.word_cloud_image`'s) as a PNG and return the path. The package's charts lay
    themselves out (constrained layout), so the PNG is not cropped after: cropping draws the
    chart twice. The chart's titles go into the PNG as its ``Description`` (its alt text
    when shown)."""
    path = Path(path)
    if not isinstance(fig, Figure):
        return _save_image(fig, path)
    tight = fig.get_layout_engine() is None  # a figure made elsewhere: crop it
    metadata = {"Description": _described(fig)}
    fig.savefig(path, dpi=dpi, bbox_inches="tight" if tight else None, metadata=metadata)
    return path


def _save_image(image, path: Path) -> Path:
    """An image drawn already (pixels, not a chart): written as it is, its
    ``Description`` kept."""
    from PIL.PngImagePlugin import PngInfo

    info = PngInfo()
    info.add_text("Description", str(image.info.get("Description", "")))
    image.save(path, format="PNG", pnginfo=info)
    return path


def _description(path: Path) -> str:
    """The ``Description`` a PNG was saved with, else its name."""
    from PIL import Image

    with Image.open(path) as image:
        return image.text.get("Description") or path.name


@dataclass(frozen=True, repr=False)
class Session:
    """A bulletin opened in a notebook.

    Attributes:
        path: the bulletin file.
        articles: its articles table, from :func:`helpers.parse_articles`.
        titles: ``article_id`` → a short title for chart labels (:func:`plots.short_titles`).
        out: the folder the notebook writes its charts and tables to (it exists).
    """

    path: Path
    articles: pd.DataFrame
    titles: dict
    out: Path
    reuse_charts: bool = False
    interactive: bool = True

    @property
    def summary(self) -> str:
        """One line: the file, how many items (page furniture apart, as the reports' index
        counts them), the issue date."""
        issue_date = self.articles.attrs.get("issue_date")
        if issue_date is None:
            issue_date = "unknown"
        furniture = int((self.articles["kind"] == "meta").sum())
        items = f"{len(self.articles) - furniture} items"
        if furniture:
            items += f" and {furniture} of page furniture"
        return f"{self.path.name}: {items}, issue date {issue_date}"

    def __repr__(self) -> str:
        return f"<Session {self.summary}>"

    def save(self, fig, name: str, *, dpi: int = DPI) -> Path:
        """Write ``fig`` (a chart or an image) as the PNG ``out / name``; its path."""
        return save_figure(fig, self.out / name, dpi=dpi)

    def show(self, fig, name: str, *, dpi: int = DPI):
        """Write ``fig`` as the PNG ``out / name`` and return that PNG for the notebook to
        show: the chart is drawn once (closed, so the inline backend does not draw it again)
        and the report shows exactly the file saved."""
        from IPython.display import Image
        from matplotlib import pyplot

        path = self.save(fig, name, dpi=dpi)
        if isinstance(fig, Figure):
            pyplot.close(fig)
        return Image(filename=str(path), alt=_description(path))

    def chart(self, name: str, draw, *, same_as: str):
        """Show the chart ``same_as`` (a PNG in ``out``) where this session may reuse the
        charts of the run (``reuse_charts``: ``bulletin report`` made it from the same tables
        in this run), else draw it with ``draw()`` and show it as ``name``."""
        from IPython.display import Image

        made = self.out / same_as
        if self.reuse_charts and made.is_file():
            return Image(filename=str(made), alt=_description(made))
        return self.show(draw(), name)

    def table(self, frame: pd.DataFrame, **options):
        """Show ``frame`` as a table to search, sort and page through (itables) when the
        notebook is explored in JupyterLab; in a report (``interactive`` off: ``bulletin
        report`` runs the notebooks so) the plain table, which the export writes as escaped
        HTML without scripts. Cell text is always escaped: bulletins are untrusted."""
        if not self.interactive:
            return frame
        from itables import show

        show(frame, allow_html=False, **{"lengthMenu": [10, 25, 100], **options})
        return None

    def save_csv(self, frame: pd.DataFrame, name: str) -> Path:
        """Write ``frame`` as the CSV ``out / name`` (lists joined by 、, ISO dates; UTF-8)."""
        path = self.out / name
        path.write_text(to_csv(frame), encoding="utf-8")
        return path


def _described(fig: Figure) -> str:
    """A chart's titles, for the ``alt`` text of its image (read aloud by screen readers)."""
    titles = [fig.get_suptitle()]
    titles += [ax.get_title() for ax in fig.axes] + [ax.get_xlabel() for ax in fig.axes]
    return "；".join(t for t in titles if t)


def open_bulletin(
    bulletin_path: str | Path | None = None,
    *,
    issue_date: str | None = None,
    output_dir: str | Path | None = None,
    reuse_charts: bool = False,
    interactive: bool = True,
) -> Session:
    """Parse a bulletin for a notebook, set up charts and tables, and print a summary line.

    Args:
        bulletin_path: the bulletin file; None: the bundled sample.
        issue_date: the paper's date (``YYYY-MM-DD``); None: inferred from a page header
            or the file name.
        output_dir: where the notebook writes; None: ``reports/<bulletin stem>/``. Made if
            missing; a relative path is taken from the current working directory.
        reuse_charts: show the charts other notebooks made in ``output_dir`` in this run
            (:meth:`Session.chart`); ``bulletin report`` sets it for the summary.
        interactive: show tables to search and sort (:meth:`Session.table`); ``bulletin
            report`` turns it off, so reports hold plain tables and no scripts.

    Returns:
        A :class:`Session` with the bulletin's ``path``, ``articles``, ``titles`` and ``out``.

    Raises:
        BulletinError: a subclass saying why the file is not a readable bulletin.

    Example:
        >>> import tempfile
        >>> tmp = tempfile.TemporaryDirectory()
        >>> bulletin = open_bulletin(output_dir=tmp.name)
        cqrb_2021-07-14_sample.txt: 7 items, issue date 2021-07-14
        >>> bulletin.titles[1]
        '中新金融科技产业示范基…'
        >>> bulletin.save(Figure(), "blank.png").name, bulletin.out == Path(tmp.name)
        ('blank.png', True)
        >>> tmp.cleanup()
    """
    path = Path.cwd() / bulletin_path if bulletin_path is not None else SAMPLE_BULLETIN
    articles = parse_articles(path, issue_date=issue_date)
    out = output_folder(output_dir, default=REPORTS_DIR / path.stem)
    plots.cjk_font()  # Chinese labels in every chart
    pd.set_option("display.max_colwidth", MAX_COLWIDTH)
    titles = plots.short_titles(articles)
    session = Session(path, articles, titles, out, reuse_charts, interactive)
    print(session.summary)
    return session
