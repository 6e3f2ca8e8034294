"""The one place that knows where the workbook's folders are.

Everything else asks this module for a path, so no notebook, test or script builds
``../data`` by hand. The package is meant to be used from a checkout (``pip install -e``),
so the project root is the folder above the package.
"""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DATA = ROOT / "data"
NOTEBOOKS = ROOT / "notebooks"
REPORTS = ROOT / "reports"
MANIFEST = DATA / "articles.csv"
BUNDLED_GOLD = DATA / "gold" / "seeds.json"  # hand-made gold of the bundled articles, keyed by id and text digest
