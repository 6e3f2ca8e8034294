"""``python -m kursk_analysis`` runs the command-line interface."""
from kursk_analysis.workbook.cli import main

raise SystemExit(main())
