"""Project paths, so no notebook or script builds a path from strings.

``PROJ_ROOT`` is the checkout when the package is installed in editable mode (the
README's set-up); the other names hang off it. ``CORPUS_DIR`` is the shared corpus of
real pages the tests, benchmarks and notebook 06 read when it is present: by default
``../shared/corpus`` beside the checkout, or wherever ``$BULLETIN_CORPUS`` points (an
empty folder hides it, as on a fresh machine).
"""

from __future__ import annotations

import os
from pathlib import Path

PROJ_ROOT = Path(__file__).resolve().parents[2]
DATA_DIR = PROJ_ROOT / "data"
RAW_DIR = DATA_DIR / "raw"
LEXICON_DIR = DATA_DIR / "lexicon"
PROCESSED_DIR = DATA_DIR / "processed"
REPORTS_DIR = PROJ_ROOT / "reports"
NOTEBOOKS_DIR = PROJ_ROOT / "notebooks"
SAMPLE_BULLETIN = RAW_DIR / "cqrb_2021-07-14_sample.txt"
CORPUS_ENV = "BULLETIN_CORPUS"
CORPUS_DIR = Path(os.environ.get(CORPUS_ENV) or PROJ_ROOT.parent / "shared" / "corpus")


def corpus_folder(name: str = "rmrb") -> Path | None:
    """A folder of the shared corpus (``rmrb``, ``rmrb2026``, ``other``), or None where absent.

    >>> corpus_folder("no-such-part") is None
    True
    """
    folder = CORPUS_DIR / name
    return folder if folder.is_dir() else None
