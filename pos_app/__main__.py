"""``python -m pos_app`` runs the same command as ``pos-app``."""

import sys

from pos_app.cli import main

sys.exit(main())
