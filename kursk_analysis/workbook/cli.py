"""The ``kursk-analysis`` command line.

``manifest`` writes a manifest for a folder of texts or a CSV/JSON Lines export (see
:mod:`.manifest`); ``corpus`` prints the articles of a manifest; ``extract`` writes every
per-article table of a large corpus as Parquet, chunk by chunk on Dask (see :mod:`.extract`);
``run`` executes the research notebooks with papermill into ``reports/`` and renders them as
HTML for reviewers (see :mod:`.run`). ``corpus`` and ``run`` load the corpus first and print
a one-line summary of its warnings (``--verbose`` lists them).
"""
from __future__ import annotations

import argparse
import re
import sys
import warnings
from datetime import date
from pathlib import Path

SUMMARY_COLUMNS = ["id", "outlet", "published", "published_text", "n_paragraphs", "n_sentences", "n_removed", "n_words", "headline"]


def load_with_summary(manifest, root, verbose: bool, corrections=None):
    """Load the corpus, then print its warnings on stderr: one summary line, or every one
    with ``verbose``. Returns the corpus."""
    from kursk_analysis.corpus.model import CorpusWarning, load_corpus

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", CorpusWarning)
        corpus = load_corpus(manifest, root=root, corrections=corrections)
    messages = [str(w.message) for w in caught if issubclass(w.category, CorpusWarning)]
    for warning in caught:
        if not issubclass(warning.category, CorpusWarning):
            warnings.warn_explicit(warning.message, warning.category, warning.filename, warning.lineno)
    if messages:
        print(warning_summary(messages, len(corpus.articles)) + ("" if verbose else " (--verbose lists them)"),
              file=sys.stderr)
        if verbose:
            for message in messages:
                print(printable(f"  warning: {message}"), file=sys.stderr)
    return corpus


def warning_summary(messages: list[str], n_articles: int) -> str:
    """One line: how many corpus warnings, of which kinds ("17 with no publication date")."""
    kinds = {"no publication date": "no publication date", "known to the": "a partial date",
             "unbalanced quotation": "unbalanced quotation marks", "English": "not English",
             "before 2024": "a date before 2024", "future": "a date in the future"}
    counts: dict[str, int] = {}
    for message in messages:
        kind = next((label for cue, label in kinds.items() if cue in message), "other")
        counts[kind] = counts.get(kind, 0) + 1
    parts = ", ".join(f"{n} {kind}" for kind, n in counts.items())
    return f"{len(messages)} corpus warning{'s' if len(messages) != 1 else ''} for {n_articles} articles: {parts}."


def _corpus(args: argparse.Namespace) -> int:
    import pandas as pd

    corpus = load_with_summary(args.manifest, args.root, args.verbose)
    table = corpus.articles[SUMMARY_COLUMNS].copy()
    table["published"] = table["published_text"].where(table["published_text"] != "", "(unknown)")
    table = table.drop(columns="published_text")
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


def _corrections(args: argparse.Namespace) -> int:
    import pandas as pd

    from kursk_analysis.corpus import corrections

    corpus = load_with_summary(args.manifest, args.root, False, args.corrections)
    if corpus.corrections_file is None:
        print(printable(f"No corrections file (none given, and no {corrections.FILE_NAME} beside {corpus.manifest})."))
        return 0
    table = corrections.check(corpus)
    for column in table.columns:
        table[column] = table[column].astype(str).map(printable)
    with pd.option_context("display.max_colwidth", 60, "display.width", 200):
        print(table.to_string(index=False))
    print(printable(f"\n{len(table)} corrections in {corpus.corrections_file}, every one matching "
                    f"{int(table['rows'].astype(int).sum())} rows in all."))
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
    from kursk_analysis.workbook.run import run

    parameters = {name: parameter_value(value) for name, value in args.parameters}
    if args.root:
        parameters["root"] = str(Path(args.root).expanduser().resolve())
    if parameters.get("actors"):
        from kursk_analysis.workbook.params import resolve_actors

        chosen, aliases = resolve_actors(parameters["actors"])
        for given, canonical in aliases:
            print(f"actors: '{given}' read as {canonical}", file=sys.stderr)
        parameters["actors"] = list(chosen)
    # Loaded here first: a bad manifest stops the run with its one sentence, and the
    # warnings are summarised once, not per notebook.
    load_with_summary(args.manifest, args.root, args.verbose)
    notebooks = [Path(nb) for nb in args.notebooks] if args.notebooks else None
    run(notebooks, output=args.output, parameters=parameters, manifest=args.manifest, force=args.force)
    return 0


def _manifest(args: argparse.Namespace) -> int:
    from kursk_analysis.corpus.manifest import write_manifest

    written = write_manifest(args.source, args.output, texts=args.texts, metadata=args.metadata,
                             force=args.force)
    print(f"Wrote {written.manifest}: {written.rows} articles ({written.undated} without a date), "
          f"{written.texts_written} text files written.")
    root = f" --root {written.root}" if written.root else ""
    print(f"Next: kursk-analysis corpus --manifest {written.manifest}{root}\n"
          f"      kursk-analysis run --manifest {written.manifest}{root} --output reports/mine")
    return 0


def _extract(args: argparse.Namespace) -> int:
    from kursk_analysis.workbook.batch import extract, main_summary

    summary = extract(args.manifest, args.out, workers=args.workers, scheduler=args.scheduler,
                      chunk_size=args.chunk_size, progress=lambda line: print(line, file=sys.stderr, flush=True))
    main_summary(summary)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kursk-analysis", description="Kursk coverage workbook: corpus tools and notebook runner."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    manifest = commands.add_parser(
        "manifest", help="write a manifest for a folder of .txt/.md files or a CSV/JSON Lines export",
        description="Write a manifest CSV (ids, files, outlets, headlines, dates with their basis, sha256) "
        "for SOURCE: a folder of .txt/.md files (left in place, read-only is fine) or a .csv/.jsonl export "
        "with a text column (each text written as a file). Never overwrites without --force.",
    )
    manifest.add_argument("source", help="folder of .txt/.md files, or a .csv/.jsonl/.ndjson export")
    manifest.add_argument("-o", "--output", required=True, help="the manifest CSV to write")
    manifest.add_argument("--texts", help="folder for an export's texts (default: texts/ beside the manifest)")
    manifest.add_argument("--metadata", help="for a folder: a CSV/JSONL with id, url, outlet, title, date per file")
    manifest.add_argument("--force", action="store_true", help="overwrite an existing manifest or text file")
    manifest.set_defaults(handler=_manifest)

    corpus = commands.add_parser("corpus", help="load a manifest and print its articles table")
    corpus.add_argument("--manifest", help="manifest CSV (default: the bundled data/articles.csv)")
    corpus.add_argument("--root", help="folder the article files may live in (default: the manifest's folder)")
    corpus.add_argument("-v", "--verbose", action="store_true", help="list every corpus warning")
    corpus.set_defaults(handler=_corpus)

    fixes = commands.add_parser(
        "corrections", help="check a corpus's corrections file: what each line changes, or which no longer applies",
        description="Load the corpus, extract its stance, quote and territory tables and list what each line of "
        "its corrections file (corrections.csv beside the manifest, or --corrections) changes: the rows it "
        "matches, the values before and after, who, when and why. Exits with 2, naming the line, if one "
        "matches no row.",
    )
    fixes.add_argument("action", choices=["check"], help="check: list what applies")
    fixes.add_argument("--manifest", help="manifest CSV (default: the bundled data/articles.csv)")
    fixes.add_argument("--corrections", help="corrections CSV (default: corrections.csv beside the manifest)")
    fixes.add_argument("--root", help="folder the article files may live in (default: the manifest's folder)")
    fixes.set_defaults(handler=_corrections)

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
    run.add_argument("--root", help="folder the article files may live in (default: the manifest's folder)")
    run.add_argument("-v", "--verbose", action="store_true", help="list every corpus warning")
    run.add_argument("--output", help="report folder: new, empty or written by this runner before (default: reports/)")
    run.add_argument("--force", action="store_true",
                     help="write into an output folder that holds files of your own (reports' names are replaced)")
    run.add_argument("--notebooks", nargs="+", metavar="NOTEBOOK", help="notebooks to run (default: notebooks/*.ipynb)")
    run.set_defaults(handler=_run)
    return parser


def main(argv: list[str] | None = None) -> int:
    from kursk_analysis.errors import KurskError
    from kursk_analysis.workbook.run import Interrupted

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
