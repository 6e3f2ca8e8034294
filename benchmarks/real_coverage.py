"""Extraction accuracy on a set of real articles with hand-made gold (issue 9).

    .venv/bin/python benchmarks/real_coverage.py --set ../shared/devset
    .venv/bin/python benchmarks/real_coverage.py --set ../shared/devset --show
    .venv/bin/python benchmarks/real_coverage.py --set ../shared/devset --write
    .venv/bin/python benchmarks/real_coverage.py --set benchmarks/probe_sets/*/   # several sets, and their totals

Reads the set in place (``articles.csv``, ``articles/<id>.txt``, ``gold.json``; see
:mod:`kursk_analysis.workbook.evaluation`), prints one line per measure and, with ``--show``, every
miss and every false row. ``--write`` records the figures, the date, the command and the
set's size in ``benchmarks/real_coverage.json`` and rewrites the README's accuracy table
from it (between its ``real-coverage`` markers). Nothing of the set's text is written.
"""
from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from kursk_analysis.workbook import evaluation# noqa: E402

RESULTS = HERE.parent / evaluation.RESULTS_FILE


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--set", required=True, nargs="+",
                        help="folder(s) with articles.csv, articles/, gold.json; with several, each is "
                             "scored and the hits and totals are summed")
    parser.add_argument("--show", action="store_true", help="list every miss and false row")
    parser.add_argument("--write", action="store_true", help=f"record the figures in {RESULTS.name}")
    args = parser.parse_args(argv)
    for folder in args.set:
        if not (Path(folder) / "articles.csv").is_file():
            parser.error(f"{folder}: not a set folder (it needs articles.csv, articles/ and gold.json)")
    if len(args.set) > 1:
        if args.write:
            parser.error("--write records one set")
        return _several(args.set, args.show)
    args.set = args.set[0]

    corpus, gold = evaluation.load_set(args.set)
    scores = evaluation.evaluate(corpus, gold)
    n_articles = len(corpus.articles)
    print(f"set {Path(args.set).resolve().name}: {n_articles} articles, "
          f"{sum(len(g['quotes']) for g in gold.values())} quotes, "
          f"{sum(len(g['territory']) for g in gold.values())} territory figures, "
          f"{sum(len(g['encirclement_stance']) for g in gold.values())} stances")
    for measure in scores.measures:
        print(measure.line())
    if args.show:
        for miss in sorted(scores.misses, key=lambda m: (m["measure"], m["article_id"])):
            text = f"  | {miss['text']}" if miss.get("text") else ""
            print(f"- {miss['measure']}: {miss['article_id']}: gold={miss['gold']!r} "
                  f"found={miss['found']!r}{text}")
    if args.write:
        record = {
            "set": Path(args.set).resolve().name,
            "articles": n_articles,
            "date": datetime.now(timezone.utc).strftime("%Y-%m-%d"),
            "command": "python benchmarks/real_coverage.py --set " + args.set + " --write",
            "measures": [{"name": m.name, "hits": m.hits, "total": m.total} for m in scores.measures],
        }
        RESULTS.write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
        print(f"written {RESULTS.relative_to(HERE.parent)}")
        if evaluation.write_readme_table(HERE.parent / "README.md", record):
            print("README.md: accuracy table rewritten from it")
    return 0


def _several(folders: list[str], show: bool) -> int:
    """Score each set (one line of figures per set), then the sums over all of them."""
    totals: dict[str, list[int]] = {}
    for folder in folders:
        corpus, gold = evaluation.load_set(folder)
        scores = evaluation.evaluate(corpus, gold)
        print(f"set {Path(folder).resolve().name}: {len(corpus.articles)} articles; "
              + "; ".join(f"{m.name} {m.hits}/{m.total}" for m in scores.measures))
        if show:
            for miss in sorted(scores.misses, key=lambda m: (m["measure"], m["article_id"])):
                print(f"  - {miss['measure']}: {miss['article_id']}: gold={miss['gold']!r} found={miss['found']!r}")
        for measure in scores.measures:
            hits, total = totals.setdefault(measure.name, [0, 0])
            totals[measure.name] = [hits + measure.hits, total + measure.total]
    print(f"all {len(folders)} sets:")
    for name, (hits, total) in totals.items():
        print(f"{name:<25} {hits / total if total else float('nan'):.3f}  ({hits}/{total})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
