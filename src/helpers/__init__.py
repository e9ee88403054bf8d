"""bulletin-notebooks helpers: a Chinese newspaper bulletin into tables and charts.

The public API is flat; each verb lives in a small module of its own:

>>> from helpers import parse_articles, SAMPLE_BULLETIN
>>> parse_articles(SAMPLE_BULLETIN)["kind"].value_counts().to_dict()
{'news': 6, 'photo': 1}
"""

from .articles import ARTICLE_COLUMNS, line_roles, load_bulletin, parse_articles
from .dates import infer_issue_date
from .errors import (
    BulletinError,
    BulletinNotFoundError,
    EmptyBulletinError,
    NotABulletinError,
    UndecodableBulletinError,
)
from .figures import FIGURE_COLUMNS, extract_figures, figures_from_path, readable_figures
from .paths import SAMPLE_BULLETIN
from .reading import decode_bytes, normalize_text, read_bulletin

__version__ = "0.1.0"

__all__ = [
    "ARTICLE_COLUMNS",
    "FIGURE_COLUMNS",
    "BulletinError",
    "BulletinNotFoundError",
    "EmptyBulletinError",
    "NotABulletinError",
    "SAMPLE_BULLETIN",
    "UndecodableBulletinError",
    "decode_bytes",
    "extract_figures",
    "figures_from_path",
    "infer_issue_date",
    "line_roles",
    "load_bulletin",
    "normalize_text",
    "parse_articles",
    "read_bulletin",
    "readable_figures",
]
