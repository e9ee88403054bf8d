"""``python -m helpers`` runs the ``bulletin`` command."""

import sys

from .cli import main

sys.exit(main())
