"""Load a corpus of news articles from a manifest into tidy tables that keep provenance.

A manifest is a CSV file, one row per article, with the columns ``id``, ``file`` (a path
relative to the manifest's folder, inside ``root``), ``outlet``, ``headline`` and
``published`` (``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``, may be empty: see
:func:`parse_published`); ``date_basis``, ``url``, ``sha256`` and ``notes`` are optional and
any other column is carried through. ``kursk-analysis manifest`` (:mod:`.manifest`) writes one. :func:`load_corpus` checks every row, reads each file as UTF-8,
splits it into paragraphs and sentences, and sets aside what is not the article itself
(repeated headlines, comment forms, live-blog headers, wire credits, photo captions) in
``Corpus.removed`` with a reason.

Every paragraph, sentence and removed span carries ``start``/``end`` character offsets
into the article's raw text (the file decoded as UTF-8, a leading byte-order mark
dropped): ``corpus.texts[article_id][start:end] == text`` always holds.
"""
from __future__ import annotations

import calendar
import csv
import dataclasses
import difflib
import hashlib
import io
import json
import re
import warnings
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable, Mapping

import pandas as pd

from kursk_analysis.errors import CorpusError
from kursk_analysis.corpus import cache
from kursk_analysis import lexicon, paths
from kursk_analysis.corpus.boilerplate import classify_paragraphs, split_paragraphs

REQUIRED_COLUMNS = ("id", "file", "outlet", "headline", "published")
OPTIONAL_COLUMNS = ("date_basis", "url", "sha256", "notes")
# A news article is tens of kilobytes; anything this large is a wrong file, not an article.
MAX_ARTICLE_BYTES = 5_000_000
ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")
SHA256 = re.compile(r"[0-9a-f]{64}")
# Columns of ``Corpus.articles`` the loader computes: a manifest column may not take their names.
COMPUTED_COLUMNS = ("n_paragraphs", "n_sentences", "n_removed", "n_words")
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# A publication date as researchers have it: a day, a month or a year.
PARTIAL_DATE = re.compile(r"(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?")
PRECISIONS = ["day", "month", "year", "none"]
# Dates before this are outside the events the workbook covers (the incursion began in
# August 2024); they load, with a warning, since a researcher may add background pieces.
EARLIEST_EXPECTED = date(2024, 1, 1)
LATEST_PLAUSIBLE = date(2100, 12, 31)  # later is a typo, and beyond pandas' datetime range
EARLIEST_PLAUSIBLE = date(1900, 1, 1)  # earlier is a typo or a placeholder such as 0001-01-01
_HTML_START = re.compile(r"\s*(?:<!doctype\s+html|<html\b|<head\b|<body\b|<\?xml)", re.I)
# Common English function words: an English news text has many of them.
_ENGLISH_WORDS = ("the", "a", "an", "and", "of", "to", "in", "on", "for", "with", "that", "is", "was",
                  "are", "were", "has", "have", "had", "by", "from", "as", "at", "it", "its", "be",
                  "been", "this", "their", "they", "he", "she", "said", "not", "but", "or", "which")
_ENGLISH = re.compile(rf"\b(?:{lexicon.trie_regex(_ENGLISH_WORDS)})\b", re.I)  # lower case: one branch each
_LANGUAGE_SAMPLE = 1000  # characters (~150 words): enough to tell English from another language


class CorpusWarning(UserWarning):
    """Usable input with a gap the reader should know about (e.g. no publication date)."""


@dataclass(frozen=True)
class Corpus:
    """The loaded corpus: tidy tables plus the raw text each offset points into."""

    manifest: Path
    articles: pd.DataFrame
    paragraphs: pd.DataFrame
    sentences: pd.DataFrame
    removed: pd.DataFrame
    texts: Mapping[str, str]
    # The study's actor gazetteer (None: the bundled data/actors.csv): every extractor and
    # analysis of this corpus names, sides and resolves actors through it.
    gazetteer: Path | None = None
    # A reviewer's corrections (kursk_analysis.corpus.corrections), applied to the stance,
    # quote and territory tables after extraction; ``corrections_file`` is where they came from.
    corrections: tuple = ()
    corrections_file: Path | None = None
    _memo: dict = field(default_factory=dict, repr=False, compare=False)

    def text(self, article_id: str) -> str:
        """The raw text of one article."""
        return self.texts[article_id]

    def subset(self, ids) -> "Corpus":
        """The corpus narrowed to the articles ``ids`` (its own texts and sentences, in
        manifest order; no new load, no corrections, nothing computed yet)."""
        import dataclasses

        wanted = set(ids)
        keep = lambda frame, column="article_id": frame[frame[column].isin(wanted)].reset_index(drop=True)  # noqa: E731
        return dataclasses.replace(self, articles=keep(self.articles, "id"), paragraphs=keep(self.paragraphs),
                                   sentences=keep(self.sentences), removed=keep(self.removed),
                                   texts={aid: text for aid, text in self.texts.items() if aid in wanted},
                                   corrections=(), _memo={})

    def memo(self, key: str, compute: Callable[[], pd.DataFrame]) -> pd.DataFrame:
        """Compute a derived table once per corpus (the corpus itself never changes)."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    def __repr__(self) -> str:
        return (
            f"Corpus({len(self.articles)} articles, {len(self.paragraphs)} paragraphs, "
            f"{len(self.sentences)} sentences, {len(self.removed)} removed; "
            f"manifest={self.manifest.name})"
        )


# --------------------------------------------------------------------------- manifest


def _where(manifest: Path, line: int, article_id: str | None = None) -> str:
    label = f"{manifest}, row {line}"
    return f"{label} (id '{article_id}')" if article_id else label


def _wide_encoding(raw: bytes) -> bool:
    """Whether ``raw`` looks like UTF-16 or UTF-32: a byte-order mark of theirs, or NUL
    bytes at every other position as ASCII text in UTF-16 has."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")):
        return True
    sample = raw[:1000]
    return len(sample) >= 4 and max(sample[0::2].count(0), sample[1::2].count(0)) >= 0.4 * len(sample) / 2


def decode_text(raw: bytes, source: str) -> str:
    if _wide_encoding(raw):
        raise CorpusError(f"{source} is encoded as UTF-16 or UTF-32, not UTF-8; re-save the file as UTF-8.")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise CorpusError(
            f"{source}: byte 0x{raw[exc.start]:02X} at byte offset {exc.start} (line {line}) "
            "is not UTF-8; re-save the file as UTF-8."
        ) from None
    return text[1:] if text.startswith("\ufeff") else text


def read_manifest(manifest: str | Path) -> tuple[pd.DataFrame, list[int]]:
    """Read and check the manifest's shape; return its rows (all strings) and line numbers."""
    manifest = Path(manifest)
    if not manifest.is_file():
        raise CorpusError(f"Manifest {manifest} {_not_a_file(manifest, 'CSV file')}.")
    text = decode_text(_read_bytes(manifest, f"Manifest {manifest}"), f"Manifest {manifest}")
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        records = [(reader.line_num, row) for row in reader if any(c.strip() for c in row)]
    except csv.Error as exc:
        raise CorpusError(f"{manifest}, line {reader.line_num}: not valid CSV ({exc}).") from None
    # csv counts lines read so far; the record's own line is what a reader looks for.
    if not records:
        raise CorpusError(
            f"Manifest {manifest} is empty; it needs a header row with the columns "
            f"{', '.join(REQUIRED_COLUMNS)}."
        )
    header = _check_header(manifest, records[0][1])
    rows, lines = [], []
    for line, row in records[1:]:
        rows.append(_check_row(manifest, header, line, row))
        lines.append(line)
    if not rows:
        raise CorpusError(f"Manifest {manifest} has a header but no articles.")
    return pd.DataFrame(rows, columns=header, dtype=object), lines


def _check_header(manifest: Path, row: list[str]) -> list[str]:
    header = [name.strip() for name in row]
    duplicated = sorted({name for name in header if header.count(name) > 1})
    if duplicated:
        raise CorpusError(f"{manifest}: the header names {', '.join(duplicated)} more than once.")
    missing = [name for name in REQUIRED_COLUMNS if name not in header]
    if missing:
        hints = []
        for name in missing:
            close = difflib.get_close_matches(name, header, n=1, cutoff=0.6)
            hints.append(f"'{name}' (found '{close[0]}': misspelled?)" if close else f"'{name}'")
        raise CorpusError(
            f"{manifest}: the header lacks the required column(s) {', '.join(hints)}; "
            f"required are {', '.join(REQUIRED_COLUMNS)}."
        )
    reserved = [name for name in header if name in COMPUTED_COLUMNS]
    if reserved:
        raise CorpusError(
            f"{manifest}: the column name{'s' if len(reserved) > 1 else ''} {', '.join(map(repr, reserved))} "
            f"{'are' if len(reserved) > 1 else 'is'} reserved for what the loader computes "
            f"({', '.join(COMPUTED_COLUMNS)}); rename {'them' if len(reserved) > 1 else 'it'}."
        )
    return header


def _not_a_file(path: Path, kind: str) -> str:
    """Why ``path`` cannot be read as a file: it is missing, a folder, or something else."""
    if path.is_dir():
        return f"is a folder, not a {kind}"
    if path.exists():
        return f"is not a regular file (a FIFO, socket or device), not a {kind}"
    return "does not exist"


def _read_bytes(path: Path, what: str) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise CorpusError(f"{what} cannot be read ({error.strerror or error}).") from None


def _check_row(manifest: Path, header: list[str], line: int, row: list[str]) -> list[str]:
    if len(row) != len(header):
        raise CorpusError(
            f"{manifest}, row {line}: {len(row)} fields where the header has {len(header)}; "
            "quote fields that contain commas."
        )
    return [cell.strip() for cell in row]


def iter_manifest(manifest: str | Path, chunk_size: int):
    """The manifest's rows ``chunk_size`` at a time, as ``(rows, lines)`` pairs like
    :func:`read_manifest`'s, read as a stream (the file is never held whole) and checked as
    :func:`read_manifest` checks it, ids included across chunks. Raises :class:`CorpusError`
    as soon as a row is bad."""
    manifest = Path(manifest)
    if not manifest.is_file():
        raise CorpusError(f"Manifest {manifest} {_not_a_file(manifest, 'CSV file')}.")
    seen: dict[str, tuple[str, int]] = {}
    header, rows, lines = None, [], []
    try:
        with manifest.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.reader(handle)
            try:
                for row in reader:
                    if not any(cell.strip() for cell in row):
                        continue
                    if header is None:
                        header = _check_header(manifest, row)
                        continue
                    rows.append(_check_row(manifest, header, reader.line_num, row))
                    lines.append(reader.line_num)
                    if len(rows) == chunk_size:
                        frame = pd.DataFrame(rows, columns=header, dtype=object)
                        _check_ids(frame, lines, manifest, seen)
                        yield frame, lines
                        rows, lines = [], []
            except csv.Error as exc:
                raise CorpusError(f"{manifest}, line {reader.line_num}: not valid CSV ({exc}).") from None
    except UnicodeDecodeError:
        decode_text(manifest.read_bytes(), str(manifest))  # raises, naming the byte and line
        raise
    if header is None:
        raise CorpusError(
            f"Manifest {manifest} is empty; it needs a header row with the columns "
            f"{', '.join(REQUIRED_COLUMNS)}."
        )
    if rows:
        frame = pd.DataFrame(rows, columns=header, dtype=object)
        _check_ids(frame, lines, manifest, seen)
        yield frame, lines
    elif not seen:
        raise CorpusError(f"Manifest {manifest} has a header but no articles.")


def _check_ids(frame: pd.DataFrame, lines: list[int], manifest: Path,
               seen: dict[str, tuple[str, int]] | None = None) -> None:
    """Every id well-formed and unique (``seen`` carries the ids of earlier chunks)."""
    seen = {} if seen is None else seen
    for article_id, line in zip(frame["id"], lines):
        if not article_id:
            raise CorpusError(f"{_where(manifest, line)}: the id is empty.")
        if not ID_PATTERN.fullmatch(article_id):
            raise CorpusError(
                f"{_where(manifest, line)}: id '{article_id}' may use only letters, digits, "
                "'-' and '_' (it becomes part of paragraph and sentence ids)."
            )
        key = article_id.casefold()
        if key in seen:
            other, other_line = seen[key]
            how = "is repeated" if other == article_id else f"differs only in case from '{other}'"
            raise CorpusError(
                f"{_where(manifest, line)}: id '{article_id}' {how} (row {other_line}); "
                "ids must be unique."
            )
        seen[key] = (article_id, line)


@dataclass(frozen=True)
class Published:
    """A publication date with its precision: ``first``..``last`` are the days it may be."""

    text: str
    precision: str  # day, month, year or none
    first: date | None
    last: date | None

    @property
    def day(self) -> date | None:
        """The day of publication when it is known to the day, else None."""
        return self.first if self.precision == "day" else None


def parse_published(value: str, where: str) -> Published:
    """Read a ``published`` cell: ``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY`` or empty."""
    if not value:
        _warn(f"{where}: no publication date; relative dates in it stay unresolved.")
        return Published("", "none", None, None)
    match = PARTIAL_DATE.fullmatch(value)
    try:
        if not match:
            raise ValueError
        year, month, day = (int(match[g]) if match[g] else None for g in ("year", "month", "day"))
        if day is not None:
            first = last = date(year, month, day)
            precision = "day"
        elif month is not None:
            first = date(year, month, 1)
            last = date(year, month, calendar.monthrange(year, month)[1])
            precision = "month"
        else:
            first, last, precision = date(year, 1, 1), date(year, 12, 31), "year"
    except ValueError:
        raise CorpusError(
            f"{where}: published '{value}' is not a date in the form YYYY-MM-DD, YYYY-MM or YYYY."
        ) from None
    if last > LATEST_PLAUSIBLE or first < EARLIEST_PLAUSIBLE:
        raise CorpusError(
            f"{where}: published '{value}' is not a plausible publication date "
            f"(expected between {EARLIEST_PLAUSIBLE.year} and {LATEST_PLAUSIBLE.year})."
        )
    if last < EARLIEST_EXPECTED:
        _warn(f"{where}: published {value} is before 2024, long before the events covered; check it.")
    elif first > date.today():
        # The only check that looks at the clock; it warns and changes nothing loaded.
        _warn(f"{where}: published {value} is in the future; check it.")
    elif precision != "day":
        _warn(f"{where}: published {value} is known to the {precision} only; relative dates in "
              "it resolve only as far as that allows.")
    return Published(value, precision, first, last)


def _warn(message: str) -> None:
    warnings.warn(message, CorpusWarning, stacklevel=6)  # the caller of load_corpus, or load_corpus


def corpus_root(manifest: Path) -> Path:
    """The folder no article may lead out of: the project checkout for a manifest inside
    it (the bundled one reaches ``../seeds``), otherwise the manifest's own folder."""
    folder = manifest.resolve().parent
    return paths.ROOT if folder.is_relative_to(paths.ROOT) else folder


def _read_article(folder: Path, root: Path, row: dict, where: str) -> str:
    name = row["file"]
    if not name:
        raise CorpusError(f"{where}: the file column is empty.")
    path = (folder / name).resolve()
    if not path.is_relative_to(root):
        raise CorpusError(
            f"{where}: file '{name}' leads outside {root}, the folder articles must stay in "
            "(name the folder the texts live in with root=, or --root on the command line)."
        )
    if not path.is_file():
        raise CorpusError(f"{where}: file '{name}' {_not_a_file(path, 'text file')}.")
    expected = (row.get("sha256") or "").lower()
    if expected and not SHA256.fullmatch(expected):
        raise CorpusError(
            f"{where}: sha256 '{row['sha256']}' is not a SHA-256 digest (64 hexadecimal digits); "
            "fix it or leave it empty."
        )
    size = path.stat().st_size
    if size > MAX_ARTICLE_BYTES:
        raise CorpusError(
            f"{where}: file '{name}' is {size:,} bytes, over the {MAX_ARTICLE_BYTES:,}-byte "
            "limit for one article; is it the right file?"
        )
    raw = _read_bytes(path, f"{where}: file '{name}'")
    if expected:
        actual = hashlib.sha256(raw).hexdigest()
        if actual != expected:
            raise CorpusError(
                f"{where}: file '{name}' has sha256 {actual[:12]}…, the manifest says "
                f"{expected[:12]}…; the file changed (update the sha256 column if intended)."
            )
    if _wide_encoding(raw):
        raise CorpusError(f"{where}: file '{name}' is encoded as UTF-16 or UTF-32, not UTF-8; re-save it as UTF-8.")
    nul = raw.find(b"\x00")
    if nul >= 0:
        raise CorpusError(f"{where}: file '{name}' has a NUL byte at byte offset {nul}; it is not text.")
    text = decode_text(raw, f"{where}: file '{name}'")
    if not text.strip():
        raise CorpusError(f"{where}: file '{name}' is empty or holds only white space.")
    if _HTML_START.match(text):
        raise CorpusError(
            f"{where}: file '{name}' is an HTML page, not article text; save the article's "
            "text alone and point the manifest at that."
        )
    _check_text(text, f"{where}: file '{name}'")
    return text


def _check_text(text: str, where: str) -> None:
    """Warn about text that loads but that the English rules will read badly."""
    sample = text[:_LANGUAGE_SAMPLE]
    words = len(sample.split())
    if words >= 20 and len(_ENGLISH.findall(sample)) < 0.05 * words:
        _warn(f"{where} does not look like English; the extraction rules read English only.")
    opening, closing = text.count("\u201c"), text.count("\u201d")
    straight = text.count('"')
    if opening != closing or straight % 2:
        _warn(
            f"{where} has unbalanced quotation marks ({opening} \u201c, {closing} \u201d, "
            f"{straight} straight); a quotation in it may be cut short."
        )


# --------------------------------------------------------------------------- loading

_PARAGRAPH_COLUMNS = ["article_id", "paragraph_id", "start", "end", "text"]
_SENTENCE_COLUMNS = ["article_id", "sentence_id", "paragraph_id", "start", "end", "text", "n_words"]
_REMOVED_COLUMNS = ["article_id", "paragraph_id", "start", "end", "text", "reason"]


def load_corpus(manifest: str | Path | None = None, root: str | Path | None = None,
                gazetteer: str | Path | None = None, corrections: str | Path | None = None,
                workers: int = 1) -> Corpus:
    """Load the articles a manifest lists (the bundled ``data/articles.csv`` by default).

    ``file`` paths are relative to the manifest's folder and may not lead out of ``root``
    (default: :func:`corpus_root`; name the folder the texts live in, read-only is fine,
    to use them in place); symbolic links are followed before that check. The articles
    table gives each publication date with its precision: ``published`` (the day, NaT
    unless known to the day), ``published_precision`` (day, month, year, none),
    ``published_first``/``published_last`` (the span it may be) and ``published_text``. Raises :class:`CorpusError` for bad input; warns (:class:`CorpusWarning`) for an
    article with no publication date. Nothing is written next to the data; sentence boundaries
    are kept in the cache folder (:mod:`kursk_analysis.corpus.cache`) for the next load of the same texts.

    ``corrections`` is a corrections file (:mod:`kursk_analysis.corpus.corrections`); by
    default ``corrections.csv`` beside the manifest is used when there is one, and ``""``
    uses none. It is read and checked now, and its lines must match rows of the tables.

    ``workers`` above 1 splits the sentences of a large corpus (at least two chunks of
    :data:`SEGMENT_CHUNK` articles not in the cache) on that many forked processes: the
    same sentences, in the same order (tested). The per-article tables have their own pool:
    :func:`kursk_analysis.workbook.batch.precompute`.
    """
    from kursk_analysis.corpus import corrections as fixes

    manifest = Path(manifest) if manifest else paths.MANIFEST
    frame, lines = read_manifest(manifest)
    _check_ids(frame, lines, manifest)
    corpus = load_rows(manifest, frame, lines, root, gazetteer, workers=workers)
    file = fixes.find(manifest) if corrections is None else (Path(corrections) if str(corrections) else None)
    if file is None:
        return corpus
    file = file.expanduser().resolve()
    return dataclasses.replace(corpus, corrections=fixes.read(file), corrections_file=file)


def load_rows(manifest: str | Path, frame: pd.DataFrame, lines: list[int],
              root: str | Path | None = None, gazetteer: str | Path | None = None,
              workers: int = 1) -> Corpus:
    """A :class:`Corpus` of some of a manifest's rows (``frame`` and its ``lines``, as
    :func:`read_manifest` or :func:`iter_manifest` give them, ids already checked): what
    :func:`load_corpus` loads, for one chunk of a manifest too large to load at once."""
    manifest = Path(manifest)
    rows = list(zip(frame.to_dict("records"), lines))
    place = (manifest, manifest.resolve().parent, Path(root).resolve() if root else corpus_root(manifest))
    if workers > 1 and len(rows) >= 2 * SEGMENT_CHUNK:
        read = _read_on_pool(place, rows, workers)
    else:
        read = _read_rows(place, rows)
    texts, published, paragraphs, removed, kept_spans = read

    sentences = []
    first_paragraph = 0
    segmented = _segment([(texts[i], spans) for i, spans in zip(frame["id"], kept_spans)], workers)
    for article_id, spans, found in zip(frame["id"], kept_spans, segmented):
        number, previous = 0, None
        for index, start, end, n_words in found:
            paragraph_id = paragraphs[first_paragraph + index][1]
            number = number + 1 if paragraph_id == previous else 1
            previous = paragraph_id
            sentences.append((article_id, f"{paragraph_id}.s{number:02d}", paragraph_id,
                              start, end, texts[article_id][start:end], n_words))
        first_paragraph += len(spans)

    paragraphs_df = _frame(paragraphs, _PARAGRAPH_COLUMNS)
    sentences_df = _frame(sentences, _SENTENCE_COLUMNS)
    removed_df = _frame(removed, _REMOVED_COLUMNS)
    articles = _articles_table(frame, published, paragraphs_df, sentences_df, removed_df)
    return Corpus(manifest, articles, paragraphs_df, sentences_df, removed_df, texts,
                  gazetteer=study_gazetteer(gazetteer))


def _read_rows(place: tuple[Path, Path, Path], rows: list[tuple[dict, int]]) -> tuple:
    """Read, check and divide into paragraphs the articles of ``rows`` (manifest rows and
    their line numbers), in order: their texts by id, publication dates, kept and removed
    paragraph rows, and the kept paragraphs' spans per article."""
    manifest, folder, root = place
    texts: dict[str, str] = {}
    published: list[Published] = []
    paragraphs, removed, kept_spans = [], [], []
    for row, line in rows:
        article_id = row["id"]
        where = _where(manifest, line, article_id)
        published.append(parse_published(row["published"], where))
        text = texts[article_id] = _read_article(folder, root, row, where)
        spans = split_paragraphs(text)
        reasons = classify_paragraphs([text[start:end] for start, end in spans], row["headline"])
        kept = []
        for number, ((start, end), reason) in enumerate(zip(spans, reasons), start=1):
            paragraph = (article_id, f"{article_id}.p{number:02d}", start, end, text[start:end])
            if reason:
                removed.append((*paragraph, reason))
            else:
                paragraphs.append(paragraph)
                kept.append((start, end))
        kept_spans.append(kept)
    return texts, published, paragraphs, removed, kept_spans


def _read_on_pool(place: tuple[Path, Path, Path], rows: list[tuple[dict, int]], workers: int) -> tuple:
    """:func:`_read_rows` chunk by chunk on ``workers`` forked processes, put together in
    order. Each chunk's warnings are given again here, in order, and the first bad row's
    error is raised here, after the warnings of the rows before it: what reading in this
    process says, in the same order."""
    from kursk_analysis.parallel import fork_map

    bounds = [(i, min(i + SEGMENT_CHUNK, len(rows))) for i in range(0, len(rows), SEGMENT_CHUNK)]
    texts: dict[str, str] = {}
    published, paragraphs, removed, kept_spans = [], [], [], []
    for part, said, error in fork_map(_read_chunk, (place, rows), bounds, workers):
        for message, category in said:
            warnings.warn(message, category, stacklevel=4)
        if error is not None:
            raise error
        texts.update(part[0])
        published += part[1]
        paragraphs += part[2]
        removed += part[3]
        kept_spans += part[4]
    return texts, published, paragraphs, removed, kept_spans


def _read_chunk(shared: tuple, bounds: tuple[int, int]) -> tuple:
    place, rows = shared
    part = error = None
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            part = _read_rows(place, rows[bounds[0]:bounds[1]])
        except CorpusError as found:
            error = found
    return part, [(str(w.message), w.category) for w in caught], error


def study_gazetteer(path: str | Path | None) -> Path | None:
    """A researcher's gazetteer, checked now (a bad file is a GazetteerError naming it),
    as an absolute path; None for the bundled one."""
    if path is None or str(path) == "":
        return None
    from kursk_analysis.extract.actors import gazetteer

    path = Path(path).expanduser().resolve()
    gazetteer(path)
    return path


SEGMENT_CHUNK = 500  # articles a segmenting worker takes at a time


def _segment(articles: list[tuple[str, list[tuple[int, int]]]], workers: int = 1) -> list[list[tuple[int, int, int, int]]]:
    """:func:`nlp.segment` on every article, read from the cache when these texts and
    paragraphs were split before by the same code (see :mod:`kursk_analysis.corpus.cache`);
    with ``workers`` above 1 and at least two chunks, on forked processes."""

    def split() -> list:
        # Imported only now: spaCy takes over half a second to import, and a load whose
        # sentences are cached, or a command that never loads (kursk-analysis run), need not pay it.
        from kursk_analysis.corpus import segment as nlp

        if workers > 1 and len(articles) >= 2 * SEGMENT_CHUNK:
            return _segment_on_pool(nlp, articles, workers)
        return [list(article) for article in nlp.segment(articles)]

    def valid(found) -> bool:  # a list per article of [paragraph, start, end, n_words]
        return (isinstance(found, list) and len(found) == len(articles)
                and all(isinstance(article, list) and all(
                    isinstance(sentence, list) and len(sentence) == 4
                    and all(type(number) is int for number in sentence) for sentence in article)
                    for article in found))

    return cache.remembered("sentences", _segmentation_key(articles), split, valid)


def _segment_on_pool(nlp, articles: list, workers: int) -> list:
    """Every article's sentences, chunk by chunk on ``workers`` forked processes, in order.
    spaCy's tokenizer is built here first, so the workers share it instead of each
    building its own; each chunk's result is what one process gives (the segmenter reads
    each article alone)."""
    from kursk_analysis.parallel import fork_map

    nlp.pipeline()
    bounds = [(i, min(i + SEGMENT_CHUNK, len(articles))) for i in range(0, len(articles), SEGMENT_CHUNK)]
    return [article for part in fork_map(_segment_chunk, articles, bounds, workers) for article in part]


def _segment_chunk(articles: list, bounds: tuple[int, int]) -> list:
    from kursk_analysis.corpus import segment as nlp

    return [list(article) for article in nlp.segment(articles[bounds[0]:bounds[1]])]


def _segmentation_key(articles: list[tuple[str, list[tuple[int, int]]]]) -> str:
    """A digest of everything sentence boundaries depend on: the segmenter's source and
    spaCy's version, and each article's text and analysed paragraph spans."""
    from importlib.metadata import version

    digest = hashlib.sha256()
    digest.update(Path(__file__).with_name("segment.py").read_bytes())
    digest.update(f"\0spacy {version('spacy')}\0{len(articles)}\0".encode())
    for text, spans in articles:
        encoded = text.encode("utf-8", "surrogatepass")
        digest.update(f"{len(encoded)}:".encode())
        digest.update(encoded)
        digest.update(json.dumps(spans).encode())
    return digest.hexdigest()


def _frame(rows: list[tuple], columns: list[str]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=columns)
    for column in ("start", "end", "n_words"):
        if column in frame:
            frame[column] = frame[column].astype("int64")
    for column in ("article_id", "paragraph_id", "sentence_id", "text", "reason"):
        if column in frame:
            frame[column] = frame[column].astype("str")
    return frame


def _articles_table(frame, published, paragraphs, sentences, removed) -> pd.DataFrame:
    known = [*REQUIRED_COLUMNS, *OPTIONAL_COLUMNS]
    extra = [c for c in frame.columns if c not in known]
    articles = frame.reindex(columns=[*known, *extra], fill_value="").astype("str")
    def days(values) -> pd.Series:
        return pd.to_datetime(pd.Series(values, dtype="object")).astype("datetime64[ns]")

    articles["published"] = days([p.day for p in published])
    articles["published_precision"] = pd.Categorical([p.precision for p in published],
                                                     categories=PRECISIONS)
    articles["published_first"] = days([p.first for p in published])
    articles["published_last"] = days([p.last for p in published])
    articles["published_text"] = [p.text for p in published]
    articles["outlet"] = articles["outlet"].astype("category")

    def per_article(table: pd.DataFrame, how: str = "size") -> pd.Series:
        grouped = table.groupby("article_id")
        counts = grouped.size() if how == "size" else grouped["n_words"].sum()
        return articles["id"].map(counts).fillna(0).astype("int64")

    articles["n_paragraphs"] = per_article(paragraphs)
    articles["n_sentences"] = per_article(sentences)
    articles["n_removed"] = per_article(removed)
    articles["n_words"] = per_article(sentences, "sum")
    order = ["id", "outlet", "headline", "published", "published_precision", "published_first",
             "published_last", "published_text", "date_basis", "url", "notes", *extra,
             "file", "sha256", "n_paragraphs", "n_sentences", "n_removed", "n_words"]
    return articles[order].reset_index(drop=True)
