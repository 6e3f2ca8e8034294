"""The ``kursk-analysis`` command line: ``corpus`` prints the articles of a manifest."""
from __future__ import annotations

import argparse
import sys
import warnings

import pandas as pd

from .corpus import CorpusError, CorpusWarning, load_corpus

SUMMARY_COLUMNS = ["id", "outlet", "published", "n_paragraphs", "n_sentences", "n_removed", "n_words", "headline"]


def _corpus(args: argparse.Namespace) -> int:
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


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kursk-analysis", description="Kursk coverage workbook: corpus tools and notebook runner."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    corpus = commands.add_parser("corpus", help="load a manifest and print its articles table")
    corpus.add_argument("--manifest", help="manifest CSV (default: the bundled data/articles.csv)")
    corpus.set_defaults(handler=_corpus)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.handler(args)
    except CorpusError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
