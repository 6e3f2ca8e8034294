"""Extract every per-article table of a large corpus in chunks, on Dask, into Parquet.

A corpus of 100,000 articles or more does not fit one process's memory, and one core takes
hours over it. :func:`extract` reads the manifest as a stream, ``chunk_size`` rows at a
time, and hands each chunk to a ``dask.distributed`` worker (a local cluster of ``workers``
processes by default, or the cluster whose scheduler address is given), which loads the
chunk as a :class:`~kursk_analysis.corpus.model.Corpus` of its own, runs every extractor in
:data:`TABLES` on it and writes one Parquet file per table::

    OUT/extract.json                      what was extracted, from what, by which rules
    OUT/<table>/chunk-000000.parquet      one file per chunk and table (pyarrow)
    OUT/chunks/chunk-000000.json          written last: the chunk is finished

Every file is written under a temporary name and renamed, so an interrupted extract (a
killed worker, a stopped command) leaves only whole files; run the same command again and
it does only the chunks without a ``chunks/`` marker. A worker that dies has its chunk given
to another (the scheduler's own retry); the rows are the same whoever computes them.

Memory: a worker holds one chunk's corpus and tables at a time, and the driver keeps at
most two chunks per worker in flight, so memory follows ``chunk_size``, not the corpus;
between chunks a worker keeps only the package's bounded caches and spaCy's vocabulary.

Staleness: ``extract.json`` records the package version, the *rule digest* (a digest of
the package's source files, ``data/actors.csv`` and the versions of spaCy, pint, pandas and
pyarrow, on which the rows depend) and the manifest's sha256. Extracting into a folder made
from another manifest, other rules or another chunk size, and reading an extract whose rules
or manifest changed since, stop with an :class:`ExtractError` saying so.

Per chunk or not: the tables in :data:`TABLES` depend on each article alone (and the
gazetteer), so a chunk's rows are the rows the whole corpus gives for its articles.
:func:`read_extract` concatenates them in manifest order; sorted by ``article_id`` and
``start`` (``id`` for per-article tables) they equal the in-process tables. Text reuse
between articles (:func:`~kursk_analysis.extract.reuse.shared_passages`, ``reuse_matrix``,
``reuse_square``) compares articles with each other and the cross-article analyses of the
notebooks (``comparison``, ``rhetoric``, ``timeline``) read the whole corpus: neither is
in an extract; they run on a loaded corpus.
"""
from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
import warnings
from dataclasses import dataclass
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Callable

import pandas as pd

from kursk_analysis import paths
from kursk_analysis.corpus.model import CorpusError, CorpusWarning, corpus_root, iter_manifest, load_rows

FORMAT = 1
METADATA = "extract.json"
MARKERS = "chunks"
DEFAULT_CHUNK_SIZE = 500
_VERSIONED = ("spacy", "pint", "pandas", "pyarrow")


def _tables() -> dict[str, Callable]:
    from kursk_analysis.extract import framing, sourcing
    from kursk_analysis.extract.actors import actors
    from kursk_analysis.extract.figures import quantities, territory_figures
    from kursk_analysis.extract.quotes import quotes, speech_frames
    from kursk_analysis.extract.stance import stances
    from kursk_analysis.extract.timex import time_expressions

    return {
        "articles": lambda corpus: corpus.articles,
        "actors": actors,
        "quotes": quotes,
        "speech_frames": speech_frames,
        "stances": stances,
        "territory_figures": territory_figures,
        "quantities": quantities,
        "time_expressions": time_expressions,
        "attribution_verbs": framing.attribution_verbs,
        "attribution_counts": framing.attribution_counts,
        "leads": framing.leads,
        "sourcing_summary": sourcing.sourcing_summary,
    }


TABLES = ("articles", "actors", "quotes", "speech_frames", "stances", "territory_figures",
          "quantities", "time_expressions", "attribution_verbs", "attribution_counts", "leads",
          "sourcing_summary")


class ExtractError(CorpusError):
    """An extract folder cannot be written or read as asked; the message says why."""


# --------------------------------------------------------------------------- digests


@cache
def rule_digest() -> str:
    """A digest of everything the extracted rows depend on besides the articles."""
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parent.parent
    sources = [*package.rglob("*.py"), *package.rglob("*.yaml")]
    for source in sorted(sources, key=lambda path: path.relative_to(package).as_posix()):
        digest.update(f"{source.relative_to(package).as_posix()}\0".encode())
        digest.update(source.read_bytes())
    digest.update(b"\0actors.csv\0")
    digest.update((paths.DATA / "actors.csv").read_bytes())
    for name in _VERSIONED:
        try:
            digest.update(f"\0{name} {version(name)}".encode())
        except PackageNotFoundError:
            digest.update(f"\0{name} absent".encode())
    return digest.hexdigest()


def _file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _package_version() -> str:
    from kursk_analysis import __version__

    return __version__


# --------------------------------------------------------------------------- files


def _write_atomic(path: Path, write: Callable[[Path], None]) -> None:
    """``write(temporary)`` beside ``path``, then rename it to ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(descriptor)
    try:
        write(Path(temporary))
        os.replace(temporary, path)
    finally:
        Path(temporary).unlink(missing_ok=True)


def _write_json(path: Path, value: dict) -> None:
    _write_atomic(path, lambda tmp: tmp.write_text(json.dumps(value, indent=1, sort_keys=True) + "\n",
                                                   encoding="utf-8"))


def _chunk_name(number: int) -> str:
    return f"chunk-{number:06d}"


def _marker(out: Path, number: int) -> Path:
    return out / MARKERS / f"{_chunk_name(number)}.json"


def _read_metadata(out: Path) -> dict | None:
    place = out / METADATA
    if not place.is_file():
        return None
    try:
        return json.loads(place.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise ExtractError(f"{place} is not readable JSON; this folder is not a usable extract.") from None


# --------------------------------------------------------------------------- one chunk (on a worker)


@dataclass(frozen=True)
class _Chunk:
    number: int
    manifest: str
    root: str
    header: list
    rows: list
    lines: list
    out: str
    rules: str


def _extract_chunk(chunk: _Chunk) -> dict:
    """On a worker: load one chunk, run every extractor, write its files; return its marker."""
    if rule_digest() != chunk.rules:
        raise ExtractError(
            f"The worker in process {os.getpid()} runs kursk_analysis from "
            f"{Path(__file__).resolve().parent} with other rules than the command that "
            "started the extract; install the same version on every worker."
        )
    frame = pd.DataFrame(chunk.rows, columns=chunk.header, dtype=object)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", CorpusWarning)
        corpus = load_rows(chunk.manifest, frame, chunk.lines, chunk.root)
        tables = {name: function(corpus) for name, function in _tables().items()}
    return _write_chunk(Path(chunk.out), chunk.number, tables, len(frame), chunk.lines[0],
                        [str(w.message) for w in caught if issubclass(w.category, CorpusWarning)])


def _write_chunk(out: Path, number: int, tables: dict[str, pd.DataFrame], articles: int,
                 first_line: int | None, said: list[str]) -> dict:
    """Write one chunk's table files, then its marker (the chunk is finished); return the marker."""
    for table, rows in tables.items():
        _write_atomic(out / table / f"{_chunk_name(number)}.parquet",
                      lambda tmp, rows=rows: rows.to_parquet(tmp, engine="pyarrow", index=False))
    marker = {"chunk": number, "articles": articles, "first_line": first_line,
              "rows": {table: len(rows) for table, rows in tables.items()}, "warnings": said}
    _write_json(_marker(out, number), marker)
    return marker


def _metadata(manifest: Path, chunk_size: int, articles: int, chunks: int) -> dict:
    """What ``extract.json`` records of an extract (``complete`` is added when written)."""
    return {
        "format": FORMAT, "package_version": _package_version(), "rule_digest": rule_digest(),
        "manifest": str(manifest), "manifest_sha256": _file_digest(manifest),
        "chunk_size": chunk_size, "articles": articles, "chunks": chunks, "tables": list(TABLES),
    }


# --------------------------------------------------------------------------- the driver


@dataclass(frozen=True)
class ExtractSummary:
    """What :func:`extract` did: the folder, chunks computed now and found done before."""

    out: Path
    articles: int
    chunks: int
    computed: int
    reused: int
    warnings: tuple[str, ...]


def extract(manifest: str | Path, out: str | Path, workers: int | None = None,
            scheduler: str | None = None, chunk_size: int = DEFAULT_CHUNK_SIZE,
            progress: Callable[[str], None] | None = None) -> ExtractSummary:
    """Extract every table of :data:`TABLES` from the manifest's articles into ``out``.

    ``scheduler`` is the address of a running Dask scheduler (``tcp://host:8786``), whose
    workers must see ``manifest``, the articles and ``out`` at the same paths; without it a
    local cluster of ``workers`` processes (default: one per usable core), one thread each,
    is started for the call. Chunks finished by an earlier run into the same ``out`` are kept.
    """
    from distributed import Client, LocalCluster, as_completed

    say = progress or (lambda line: None)
    if not isinstance(chunk_size, int) or chunk_size < 1:
        raise ExtractError(f"The chunk size must be a whole number of articles of at least 1, not {chunk_size!r}.")
    if workers is not None and (not isinstance(workers, int) or workers < 1):
        raise ExtractError(f"The number of workers must be a whole number of at least 1, not {workers!r}.")
    manifest = Path(manifest).expanduser().resolve()
    out = Path(out).expanduser().resolve()
    # A first pass checks every row (a bad row stops the extract before any work) and counts.
    articles = chunks = 0
    for frame, _ in iter_manifest(manifest, chunk_size):
        articles += len(frame)
        chunks += 1
    metadata = _metadata(manifest, chunk_size, articles, chunks)
    _prepare_folder(out, metadata)
    _write_json(out / METADATA, {**metadata, "complete": False})
    done = {number for number in range(chunks) if _finished(out, number)}
    say(f"{manifest}: {articles:,} articles in {chunks:,} chunks of {chunk_size:,}; "
        f"{len(done):,} finished before")

    if scheduler:
        cluster, client = None, Client(scheduler)
    else:
        import logging

        count = workers or len(os.sched_getaffinity(0))
        cluster = LocalCluster(n_workers=count, threads_per_worker=1, processes=True,
                               dashboard_address=None, silence_logs=logging.ERROR)
        client = Client(cluster)
    root = str(corpus_root(manifest))
    computed = 0
    try:
        window = 2 * max(1, sum(client.nthreads().values()))
        todo = ((number, frame, lines) for number, (frame, lines)
                in enumerate(iter_manifest(manifest, chunk_size)) if number not in done)
        running = as_completed()

        def submit_next() -> bool:
            for number, frame, lines in todo:
                job = _Chunk(number, str(manifest), root, list(frame.columns),
                             frame.values.tolist(), list(lines), str(out), metadata["rule_digest"])
                running.add(client.submit(_extract_chunk, job, key=f"kursk-extract-{_chunk_name(number)}-"
                                          f"{metadata['manifest_sha256'][:12]}", pure=False))
                return True
            return False

        for _ in range(window):
            if not submit_next():
                break
        for future in running:
            future.result()
            computed += 1
            future.release()
            if computed % max(1, (chunks - len(done)) // 20) == 0 or computed == chunks - len(done):
                say(f"{len(done) + computed:,}/{chunks:,} chunks done")
            submit_next()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    missing = [number for number in range(chunks) if not _finished(out, number)]
    if missing:
        raise ExtractError(f"{out}: chunk {missing[0]} has no finished files after the run; run the extract again.")
    _write_json(out / METADATA, {**metadata, "complete": True})
    found = tuple(w for number in range(chunks) for w in _load_marker(out, number)["warnings"])
    return ExtractSummary(out, articles, chunks, computed, len(done), found)


def _prepare_folder(out: Path, metadata: dict) -> None:
    """Refuse a folder that holds something else than an extract of this manifest by these rules."""
    earlier = _read_metadata(out)
    if earlier is None:
        if out.exists() and (not out.is_dir() or any(out.iterdir())):
            raise ExtractError(f"{out} exists and is not an extract folder; give a new or empty folder.")
        return
    if earlier.get("chunk_size") != metadata["chunk_size"] and earlier.get("rule_digest") == metadata["rule_digest"] \
            and earlier.get("manifest_sha256") == metadata["manifest_sha256"]:
        raise ExtractError(
            f"{out} holds an extract of this manifest made with --chunk-size {earlier.get('chunk_size')}; "
            "finish it with that chunk size, or extract into a new folder."
        )
    for key, what in (("manifest_sha256", "another manifest (or this one before it changed)"),
                      ("rule_digest", "other extraction rules (another version of kursk_analysis)")):
        if earlier.get(key) != metadata[key]:
            raise ExtractError(
                f"{out} holds an extract made from {what}; it is stale for {metadata['manifest']}: "
                "delete it or extract into a new folder."
            )


def _load_marker(out: Path, number: int) -> dict:
    return json.loads(_marker(out, number).read_text(encoding="utf-8"))


def _finished(out: Path, number: int) -> bool:
    """The chunk's marker is readable and every table file it promises is there."""
    try:
        marker = _load_marker(out, number)
    except (OSError, ValueError):
        return False
    return (marker.get("chunk") == number
            and all((out / table / f"{_chunk_name(number)}.parquet").is_file() for table in TABLES))


# --------------------------------------------------------------------------- reading back


def read_extract(folder: str | Path, tables: list[str] | tuple[str, ...] | None = None,
                 manifest: str | Path | None = None) -> dict[str, pd.DataFrame]:
    """The tables of a finished extract (all of :data:`TABLES` by default), by name.

    Refuses (:class:`ExtractError`) an unfinished extract, one made by other rules than the
    installed package's, and one whose manifest changed: ``manifest`` if given, else the
    manifest the extract records when that file still exists. Rows come in manifest order,
    each article's rows as the extractor gives them.
    """
    folder = Path(folder).expanduser().resolve()
    metadata = _read_metadata(folder)
    if metadata is None:
        raise ExtractError(f"{folder} is not an extract (it has no {METADATA}); make one with `kursk-analysis extract`.")
    if not metadata.get("complete"):
        raise ExtractError(f"The extract in {folder} is unfinished; run the same `kursk-analysis extract` again to finish it.")
    if metadata.get("rule_digest") != rule_digest():
        raise ExtractError(
            f"The extract in {folder} was made by other extraction rules (kursk_analysis "
            f"{metadata.get('package_version')}, or a changed checkout); extract again."
        )
    source = Path(manifest).expanduser().resolve() if manifest else Path(metadata["manifest"])
    if (manifest or source.is_file()) and _file_digest(source) != metadata["manifest_sha256"]:
        raise ExtractError(
            f"The extract in {folder} is stale: {source} changed since it was extracted; extract again."
        )
    wanted = list(TABLES if tables is None else tables)
    unknown = [name for name in wanted if name not in TABLES]
    if unknown:
        raise ExtractError(f"An extract has no table {', '.join(map(repr, unknown))}; it has {', '.join(TABLES)}.")
    return {name: _read_table(folder, name, metadata["chunks"]) for name in wanted}


# The in-process order of the tables an extractor sorts by article id (not manifest order):
# a stable sort on the same keys puts the chunks' rows back in it.
IN_PROCESS_ORDER = {"actors": ["article_id", "start", "end"], "quotes": ["article_id", "start"],
                    "speech_frames": ["article_id", "start"], "stances": ["article_id", "start", "actor"]}
# Extract table -> (pipeline step, how its variant is named for the defaults extract uses).
SEEDED_STEPS = {"actors": "actors", "territory_figures": "territory_figures", "quantities": "quantities",
                "time_expressions": "time_expressions", "attribution_verbs": "attribution_verbs",
                "attribution_counts": "attribution_counts", "leads": "leads"}


def attach(corpus, folder: str | Path):
    """Give ``corpus`` the tables of the extract in ``folder`` (made from the same manifest
    by these rules), so its extractors return them instead of computing them again: the
    notebooks' ``extract`` parameter. The tables equal what the extractors compute (rows in
    the same order, same dtypes; tested). Returns the corpus.

    An extract is made with the bundled gazetteer and the default claim: a corpus with a
    gazetteer of its own is refused, and stances on another claim are computed as usual.
    Text reuse and the notebooks' cross-article tables are computed from the loaded corpus.
    """
    folder = Path(folder).expanduser().resolve()
    if corpus.gazetteer is not None:
        raise ExtractError(
            f"The extract in {folder} was made with the bundled gazetteer, and this corpus uses "
            f"{corpus.gazetteer}; leave `extract` empty to compute the tables with it.")
    metadata = _read_metadata(folder) or {}
    if metadata.get("manifest_sha256") and _file_digest(corpus.manifest) != metadata["manifest_sha256"]:
        raise ExtractError(f"The extract in {folder} was made from {metadata.get('manifest')}, not from "
                           f"{corpus.manifest} as it is now; extract this manifest again.")
    _seed(corpus, read_extract(folder, manifest=corpus.manifest))
    return corpus


def _seed(corpus, tables: dict[str, pd.DataFrame]) -> None:
    """Give ``corpus`` the per-chunk ``tables`` (chunks in manifest order), put back in the
    extractors' row order, as its pipeline steps' results."""
    from kursk_analysis import pipeline
    from kursk_analysis.extract.stance import variant

    ordered = {name: (table.sort_values(IN_PROCESS_ORDER[name], kind="stable").reset_index(drop=True)
                      if name in IN_PROCESS_ORDER else table.reset_index(drop=True))
               for name, table in tables.items()}
    for name, step in SEEDED_STEPS.items():
        pipeline.seed(corpus, step, ordered[name])
    pipeline.seed(corpus, "quotes", (ordered["quotes"], ordered["speech_frames"]))
    pipeline.seed(corpus, "stances", ordered["stances"], variant=variant("encirclement"))


def precompute(corpus, workers: int | None = None, chunk_size: int = DEFAULT_CHUNK_SIZE):
    """Compute every per-article table of ``corpus`` (those of :data:`TABLES`) on
    ``workers`` processes (default: one per usable core), ``chunk_size`` articles at a
    time, and give them to the corpus as its pipeline steps' results: the same tables,
    rows in the same order, as computing them here (tested), in a fraction of the time on
    a large corpus. Each worker is forked from this process and reads the corpus from its
    memory (nothing is pickled but the chunk's article ids and the tables it returns).
    With one worker, or a corpus of one chunk, the tables are computed here. Returns the
    corpus. A corpus with its own gazetteer computes as usual (the gazetteer travels with
    the forked corpus)."""
    from kursk_analysis.corpus.model import Corpus
    from kursk_analysis.parallel import fork_map

    if not isinstance(corpus, Corpus):
        raise TypeError("precompute takes a loaded Corpus")
    count = workers or len(os.sched_getaffinity(0))
    ids = list(corpus.articles["id"])
    chunks = [ids[i:i + chunk_size] for i in range(0, len(ids), chunk_size)]
    if count < 2 or len(chunks) < 2:
        for function in _tables().values():
            function(corpus)
        return corpus
    parts = fork_map(_chunk_tables, corpus, chunks, count)
    _seed(corpus, {name: _joined([part[name] for part in parts]) for name in TABLES})
    return corpus


def write_extract(corpus, out: str | Path) -> Path:
    """Write the per-article tables of a loaded ``corpus`` (computed now, unless they were,
    e.g. by :func:`precompute`) into ``out`` as an extract of one chunk, which :func:`attach`
    and the notebooks' ``extract`` parameter read like one made by :func:`extract`. The
    runner does this for a large corpus, so its notebooks compute the tables once between
    them instead of once each. ``corpus`` must be loaded from its manifest with the bundled
    gazetteer and without corrections (they apply on top of the extract's tables when read);
    ``out`` must be new or empty. Returns ``out``."""
    from kursk_analysis.corpus.model import Corpus

    if not isinstance(corpus, Corpus):
        raise TypeError("write_extract takes a loaded Corpus")
    if corpus.gazetteer is not None or corpus.corrections:
        raise ExtractError("An extract holds the tables of the bundled gazetteer, without corrections; "
                           "load the corpus with neither to write one.")
    out = Path(out).expanduser().resolve()
    manifest = Path(corpus.manifest).resolve()
    metadata = _metadata(manifest, max(1, len(corpus.articles)), len(corpus.articles), 1)
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise ExtractError(f"{out} exists and is not empty; give a new or empty folder.")
    _write_chunk(out, 0, {name: function(corpus) for name, function in _tables().items()},
                 len(corpus.articles), None, [])
    _write_json(out / METADATA, {**metadata, "complete": True})
    return out


def _chunk_tables(corpus, ids: list[str]) -> dict[str, pd.DataFrame]:
    corpus = corpus.subset(ids)
    return {name: function(corpus) for name, function in _tables().items()}


def _read_table(folder: Path, name: str, chunks: int) -> pd.DataFrame:
    import pyarrow.parquet as pq

    return _joined([_read_part(pq.read_table(folder / name / f"{_chunk_name(n)}.parquet")) for n in range(chunks)])


def _joined(parts: list[pd.DataFrame]) -> pd.DataFrame:
    """One table from its chunks' parts, in order: categories made common, empty parts
    left out (their dtypes say nothing)."""
    for column in [c for c in parts[0].columns if isinstance(parts[0][c].dtype, pd.CategoricalDtype)]:
        dtype = _common_categories([part[column] for part in parts])
        for part in parts:
            part[column] = part[column].astype(dtype)
    filled = [part for part in parts if len(part)] or parts[:1]
    return pd.concat(filled, ignore_index=True) if len(filled) > 1 else filled[0].reset_index(drop=True)


def _common_categories(columns: list[pd.Series]) -> pd.CategoricalDtype:
    """The categories of one column over all chunks: fixed ones (a register, a kind) are the
    same in every chunk with rows; those that depend on the articles (the outlets) differ,
    and their union, sorted, is what the whole corpus gives (pandas sorts what it infers)."""
    filled = [column.dtype for column in columns if len(column)] or [columns[0].dtype]
    if all(dtype == filled[0] for dtype in filled):
        return filled[0]
    values = sorted(set().union(*(dtype.categories for dtype in filled)))
    return pd.CategoricalDtype(pd.Index(values, dtype=filled[0].categories.dtype), ordered=filled[0].ordered)


def _read_part(table) -> pd.DataFrame:
    """One Parquet file as the DataFrame written: pandas would read a column of text that
    was ``object`` (text or None) as ``str``, so such columns are rebuilt as ``object``."""
    frame = table.to_pandas()
    for column in table.schema.pandas_metadata["columns"]:
        name = column["name"]
        if column["numpy_type"] == "object" and name in frame and frame[name].dtype != object:
            frame[name] = pd.Series(table.column(name).to_pylist(), dtype=object, index=frame.index)
    return frame


def main_summary(summary: ExtractSummary, stream=sys.stderr, most: int = 20) -> None:
    """Print what :func:`extract` did, with the loader's warnings (the first ``most``)."""
    for line in summary.warnings[:most]:
        print(f"warning: {line}", file=stream)
    if len(summary.warnings) > most:
        print(f"warning: ... and {len(summary.warnings) - most:,} more", file=stream)
    print(f"{summary.out}: {summary.articles:,} articles, {summary.chunks:,} chunks "
          f"({summary.computed:,} extracted now, {summary.reused:,} kept from before)", file=stream)
