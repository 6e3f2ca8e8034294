"""The ``kursk-analysis`` command line.

``corpus`` prints the articles of a manifest; ``extract`` writes every per-article table
of a large corpus as Parquet, chunk by chunk on Dask (see :mod:`.extract`); ``run`` executes the research notebooks with
papermill into ``reports/`` and renders them as HTML for reviewers (see :mod:`.run`).
"""
from __future__ import annotations

import argparse
import sys
import warnings
from datetime import date
from pathlib import Path

SUMMARY_COLUMNS = ["id", "outlet", "published", "n_paragraphs", "n_sentences", "n_removed", "n_words", "headline"]


def _corpus(args: argparse.Namespace) -> int:
    import pandas as pd

    from .corpus import CorpusWarning, load_corpus

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", CorpusWarning)
        corpus = load_corpus(args.manifest)
    for warning in caught:
        print(f"warning: {warning.message}", file=sys.stderr)
    table = corpus.articles[SUMMARY_COLUMNS].copy()
    table["published"] = table["published"].dt.strftime("%Y-%m-%d").fillna("(unknown)")
    with pd.option_context("display.max_colwidth", 60, "display.width", 200):
        print(table.to_string(index=False))
    print(
        f"\n{len(corpus.articles)} articles, {len(corpus.sentences)} sentences, "
        f"{int(corpus.articles['n_words'].sum())} words; {len(corpus.removed)} boilerplate "
        f"paragraphs set aside (manifest: {corpus.manifest})"
    )
    return 0


def parameter_value(text: str):
    """Read a ``-p`` value as YAML (safe loader), as ``papermill -y`` would: ``km2`` is text,
    ``1300`` a number, ``None`` or ``null`` nothing, ``[Putin, Trump]`` a list; dates stay
    ``YYYY-MM-DD`` text."""
    import yaml

    if text == "None":  # papermill's -p spelling; YAML would read it as text
        return None
    try:
        value = yaml.safe_load(text)
    except yaml.YAMLError:
        return text
    if isinstance(value, date):
        return text
    return "" if value is None and text.strip() == "" else value


def _run(args: argparse.Namespace) -> int:
    from .run import run

    parameters = {name: parameter_value(value) for name, value in args.parameters}
    notebooks = [Path(nb) for nb in args.notebooks] if args.notebooks else None
    run(notebooks, output=args.output, parameters=parameters, manifest=args.manifest)
    return 0


def _extract(args: argparse.Namespace) -> int:
    from .extract import extract, main_summary

    summary = extract(args.manifest, args.out, workers=args.workers, scheduler=args.scheduler,
                      chunk_size=args.chunk_size, progress=lambda line: print(line, file=sys.stderr, flush=True))
    main_summary(summary)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kursk-analysis", description="Kursk coverage workbook: corpus tools and notebook runner."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    corpus = commands.add_parser("corpus", help="load a manifest and print its articles table")
    corpus.add_argument("--manifest", help="manifest CSV (default: the bundled data/articles.csv)")
    corpus.set_defaults(handler=_corpus)

    extract = commands.add_parser(
        "extract", help="extract every per-article table of a manifest into Parquet files, on Dask",
        description="Read the manifest in chunks, extract every per-article table of each chunk on a Dask "
        "worker and write them as Parquet under OUT (with extract.json); run it again to finish an "
        "interrupted extract. Read the result with kursk_analysis.read_extract(OUT).",
    )
    extract.add_argument("--manifest", required=True, help="manifest CSV of the corpus")
    extract.add_argument("--out", required=True, help="folder to write the extract into (new, empty, or an earlier extract of it)")
    extract.add_argument("--workers", type=int, help="worker processes of the local cluster (default: one per core)")
    extract.add_argument("--scheduler", metavar="ADDRESS", help="use the Dask cluster of this scheduler (tcp://host:8786) instead")
    extract.add_argument("--chunk-size", type=int, default=500, help="articles per chunk (default 500); bounds each worker's memory")
    extract.set_defaults(handler=_extract)

    run = commands.add_parser(
        "run",
        help="execute the notebooks with papermill into reports/ and render HTML",
        description="Execute notebooks/*.ipynb in order with papermill into the output folder, render each "
        "as HTML with and without code, write the tables they produce as CSV and an index.html linking all.",
    )
    run.add_argument("--manifest", help="manifest CSV to analyse (default: the bundled data/articles.csv)")
    run.add_argument(
        "-p", "--parameter", nargs=2, action="append", default=[], dest="parameters", metavar=("NAME", "VALUE"),
        help="override a notebook parameter, e.g. -p unit km2 -p actors '[Putin, Trump]' -p start 2025-03-01 "
        "(values read as YAML; `papermill --help-notebook NOTEBOOK` lists the parameters)",
    )
    run.add_argument("--output", help="report folder (default: reports/)")
    run.add_argument("--notebooks", nargs="+", metavar="NOTEBOOK", help="notebooks to run (default: notebooks/*.ipynb)")
    run.set_defaults(handler=_run)
    return parser


def main(argv: list[str] | None = None) -> int:
    from .corpus import CorpusError
    from .params import ParameterError
    from .run import RunError

    args = build_parser().parse_args(argv)
    try:
        return args.handler(args)
    except (CorpusError, ParameterError, RunError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
