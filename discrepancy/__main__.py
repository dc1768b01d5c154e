"""``python -m discrepancy`` runs the command line."""

from .cli import console_main

raise SystemExit(console_main())
