"""The ``kursk-analysis`` command line.

``corpus`` prints the articles of a manifest; ``run`` executes the research notebooks with
papermill into ``reports/`` and renders them as HTML for reviewers (see :mod:`.run`).
"""
from __future__ import annotations

import argparse
import re
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
        print(printable(f"warning: {warning.message}"), file=sys.stderr)
    table = corpus.articles[SUMMARY_COLUMNS].copy()
    table["published"] = table["published"].dt.strftime("%Y-%m-%d").fillna("(unknown)")
    for column in ("id", "outlet", "headline"):  # data: shown, never obeyed by the terminal
        table[column] = table[column].astype(str).map(printable)
    with pd.option_context("display.max_colwidth", 60, "display.width", 200):
        print(table.to_string(index=False))
    print(printable(
        f"\n{len(corpus.articles)} articles, {len(corpus.sentences)} sentences, "
        f"{int(corpus.articles['n_words'].sum())} words; {len(corpus.removed)} boilerplate "
        f"paragraphs set aside (manifest: {corpus.manifest})"
    ))
    return 0


# A number in exponent form: YAML 1.1 reads "1e3" as text (it wants "1.0e+3").
_EXPONENT_NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)[eE][-+]?\d+")
# Characters that would act on a terminal rather than show: C0 and C1 controls (ESC starts
# ANSI and OSC sequences), DEL, and the bidirectional overrides that reorder text.
_TERMINAL_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """``text`` with terminal control characters (see ``_TERMINAL_CONTROLS``) removed, so
    an outlet or headline cannot move the cursor, recolour or retitle the terminal."""
    return _TERMINAL_CONTROLS.sub("", text)


def parameter_value(text: str):
    """Read a ``-p`` value as YAML (safe loader), as ``papermill -y`` would: ``km2`` is text,
    ``1300`` and ``1e3`` numbers, ``None`` or ``null`` nothing, ``[Putin, Trump]`` a list;
    dates stay ``YYYY-MM-DD`` text, impossible ones too (``2025-02-30``: the notebook's
    check then says what is wrong)."""
    import yaml

    if text == "None":  # papermill's -p spelling; YAML would read it as text
        return None
    if _EXPONENT_NUMBER.fullmatch(text.strip()):
        return float(text)
    try:
        value = yaml.safe_load(text)
    except (yaml.YAMLError, ValueError):  # ValueError: a timestamp with no such day or month
        return text
    if isinstance(value, date):
        return text
    return "" if value is None and text.strip() == "" else value


def _run(args: argparse.Namespace) -> int:
    from .run import run

    parameters = {name: parameter_value(value) for name, value in args.parameters}
    notebooks = [Path(nb) for nb in args.notebooks] if args.notebooks else None
    run(notebooks, output=args.output, parameters=parameters, manifest=args.manifest, force=args.force)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kursk-analysis", description="Kursk coverage workbook: corpus tools and notebook runner."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    corpus = commands.add_parser("corpus", help="load a manifest and print its articles table")
    corpus.add_argument("--manifest", help="manifest CSV (default: the bundled data/articles.csv)")
    corpus.set_defaults(handler=_corpus)

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
    run.add_argument("--output", help="report folder: new, empty or written by this runner before (default: reports/)")
    run.add_argument("--force", action="store_true",
                     help="write into an output folder that holds files of your own (reports' names are replaced)")
    run.add_argument("--notebooks", nargs="+", metavar="NOTEBOOK", help="notebooks to run (default: notebooks/*.ipynb)")
    run.set_defaults(handler=_run)
    return parser


def main(argv: list[str] | None = None) -> int:
    from .errors import KurskError
    from .run import Interrupted

    args = build_parser().parse_args(argv)
    try:
        return args.handler(args)
    except Interrupted as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 128 + exc.signum
    except KurskError as exc:
        print(printable(f"error: {exc}"), file=sys.stderr)
        return 2
    except KeyboardInterrupt:  # Ctrl-C outside a run (loading a corpus, starting up)
        print("error: interrupted.", file=sys.stderr)
        return 130
