"""Project paths, so no notebook or script builds a path from strings.

``PROJ_ROOT`` is the checkout when the package is installed in editable mode (the
README's set-up); the other names hang off it.
"""

from __future__ import annotations

from pathlib import Path

PROJ_ROOT = Path(__file__).resolve().parents[2]
DATA_DIR = PROJ_ROOT / "data"
RAW_DIR = DATA_DIR / "raw"
LEXICON_DIR = DATA_DIR / "lexicon"
PROCESSED_DIR = DATA_DIR / "processed"
REPORTS_DIR = PROJ_ROOT / "reports"
NOTEBOOKS_DIR = PROJ_ROOT / "notebooks"
SAMPLE_BULLETIN = RAW_DIR / "cqrb_2021-07-14_sample.txt"
