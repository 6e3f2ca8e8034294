"""Write a manifest for a researcher's own articles (``kursk-analysis manifest``).

Two kinds of source:

- **a folder** of ``.txt``/``.md`` files (searched recursively, in name order). The texts
  stay where they are, read-only is fine: the manifest's ``file`` column points to them
  relative to the manifest's folder, and the corpus is loaded with ``root=`` (``--root``)
  set to that folder when it lies outside the manifest's own. ``id`` is the file name
  without its suffix; ``--metadata`` names a CSV (or JSON Lines) file with one row per
  article, matched on ``id``, giving url, outlet, title and date.
- **an export**: a CSV or JSON Lines file (``.csv``, ``.jsonl``, ``.ndjson``) with one
  article per row and a text column, in the shapes news APIs and Media Cloud exports come
  in. Each text is written as ``<texts>/<id>.txt`` (default: ``texts/`` beside the manifest).

Columns are found under their common names (:data:`FIELDS`: ``id``/``stories_id``/``guid``,
``url``/``link``, ``outlet``/``media_name``/``source``/``domain``, ``title``/``headline``,
``published``/``publish_date``/``publishedAt``/``date``, ``text``/``content``/``body``); an
outlet missing from the row is taken from the URL's domain.

Dates are read from the common forms (:func:`parse_date`): ISO dates and date-times (the
date as written, in its own time zone offset: never converted with the machine's clock
or zone), ``YYYY-MM`` and ``YYYY``, "March 12, 2025", "12 March 2025", RFC 2822 ("Wed, 12
Mar 2025 10:00:00 GMT"). A date in a file name (``2025-03-12_story.txt``) is used for a
folder. Each row's ``date_basis`` says where its date came from; a date that cannot be
read is left empty, and ``date_basis`` quotes it. Day-first or month-first numeric dates
(``03/04/2025``) are ambiguous and are never guessed.

Nothing is overwritten without ``force=True`` (``--force``): not the manifest, not a text.
Every row carries the text's sha256, so a changed file is noticed at load.
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
from dataclasses import dataclass
from datetime import date
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import urlsplit

from kursk_analysis.corpus.model import ID_PATTERN, CorpusError, decode_text

TEXT_SUFFIXES = (".txt", ".md")
EXPORT_SUFFIXES = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl"}
# Manifest columns, in the order written.
COLUMNS = ["id", "file", "outlet", "headline", "published", "date_basis", "url", "sha256"]
# Where each manifest field is found in an export or a metadata file, first match wins.
FIELDS = {
    "id": ("id", "stories_id", "story_id", "article_id", "guid", "uuid", "_id"),
    "url": ("url", "link", "web_url", "webUrl", "canonical_url", "article_url"),
    "outlet": ("outlet", "media_name", "source_name", "source", "publisher", "media", "site_name",
               "domain", "media_url", "source_domain"),
    "headline": ("headline", "title", "webTitle"),
    "published": ("published", "publish_date", "published_at", "publishedAt", "publication_date",
                  "pub_date", "pubDate", "date", "webPublicationDate", "datetime"),
    "date_basis": ("date_basis",),
    "text": ("text", "content", "body", "full_text", "story_text", "article_text", "maintext"),
}
_MONTHS = {name: number for number, names in enumerate(
    [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
     ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
     ("oct", "october"), ("nov", "november"), ("dec", "december")], start=1) for name in names}
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?")
_PARTIAL = re.compile(r"\d{4}(?:-\d{2})?")
_MONTH_FIRST = re.compile(r"([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})")
_DAY_FIRST = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\.?,?\s+(\d{4})")
_NAME_DATE = re.compile(r"(?<!\d)(20\d{2}|19\d{2})-?(\d{2})-?(\d{2})(?!\d)")


class ManifestError(CorpusError):
    """The manifest cannot be written; the message names the file or row and the problem."""


@dataclass(frozen=True)
class Written:
    """What :func:`write_manifest` wrote."""

    manifest: Path
    rows: int
    texts_written: int
    root: Path | None  # the folder to pass as root= / --root, when the texts lie outside
    undated: int


def parse_date(value: str) -> tuple[str, str]:
    """``(published, how)``: the date in manifest form (``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY``
    or ``""``) and the form it was read from (``""`` when it could not be read)."""
    value = (value or "").strip()
    if not value:
        return "", ""
    match = _ISO.fullmatch(value)
    if match:
        return _valid(int(match[1]), int(match[2]), int(match[3]), "ISO date")
    if _PARTIAL.fullmatch(value):
        return value, "ISO partial date"
    for pattern, order in ((_MONTH_FIRST, "mdy"), (_DAY_FIRST, "dmy")):
        match = pattern.fullmatch(value)
        if match:
            if order == "mdy":
                month, day, year = match[1], match[2], match[3]
            else:
                day, month, year = match[1], match[2], match[3]
            number = _MONTHS.get(month.lower())
            if number:
                return _valid(int(year), number, int(day), "written date")
    try:
        parsed = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return "", ""
    return _valid(parsed.year, parsed.month, parsed.day, "RFC 2822 date")


def _valid(year: int, month: int, day: int, how: str) -> tuple[str, str]:
    try:
        return date(year, month, day).isoformat(), how
    except ValueError:
        return "", ""


def _pick(record: dict, field: str):
    lowered = {str(k).lower(): k for k in record}
    for name in FIELDS[field]:
        key = name if name in record else lowered.get(name.lower())
        if key is not None and record[key] not in (None, ""):
            value = record[key]
            if isinstance(value, dict):  # NewsAPI: "source": {"id": ..., "name": ...}
                value = value.get("name") or value.get("id") or ""
            return key, str(value).strip()
    return None, ""


def _domain(url: str) -> str:
    host = urlsplit(url).hostname or ""
    return host[4:] if host.startswith("www.") else host


def _safe_id(value: str, fallback: str) -> str:
    cleaned = re.sub(r"[^A-Za-z0-9_-]+", "_", value).strip("_-")
    return cleaned if cleaned and ID_PATTERN.fullmatch(cleaned) else fallback


def read_records(path: Path) -> list[tuple[str, dict]]:
    """Rows of a CSV or JSON Lines file as ``(where, record)``; ``where`` names file and row."""
    kind = EXPORT_SUFFIXES.get(path.suffix.lower())
    if kind is None:
        raise ManifestError(f"{path}: expected a .csv, .jsonl or .ndjson file, or a folder of "
                            ".txt/.md files.")
    text = decode_text(path.read_bytes(), str(path))
    records = []
    if kind == "csv":
        reader = csv.DictReader(io.StringIO(text, newline=""))
        try:
            for row in reader:
                records.append((f"{path}, row {reader.line_num}", row))
        except csv.Error as exc:
            raise ManifestError(f"{path}, line {reader.line_num}: not valid CSV ({exc}).") from None
    else:
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ManifestError(f"{path}, line {number}: not valid JSON ({exc.msg}).") from None
            if not isinstance(record, dict):
                raise ManifestError(f"{path}, line {number}: expected a JSON object per line.")
            records.append((f"{path}, line {number}", record))
    if not records:
        raise ManifestError(f"{path} holds no articles.")
    return records


def _metadata_row(where: str, record: dict) -> dict:
    row = {}
    for field in ("url", "outlet", "headline", "date_basis"):
        row[field] = _pick(record, field)[1]
    key, raw = _pick(record, "published")
    row["published"], how = parse_date(raw)
    if raw and not row["published"]:
        row["date_basis"] = f"unread date {raw!r} in {key}"
    elif row["published"] and not row["date_basis"]:
        row["date_basis"] = f"{key} column ({how})"
    elif not row["published"] and not row["date_basis"]:
        row["date_basis"] = "unknown"
    if not row["outlet"] and row["url"]:
        row["outlet"] = _domain(row["url"])
    return row


def _from_folder(folder: Path, manifest: Path, metadata: Path | None) -> tuple[list[dict], list]:
    files = sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES)
    if not files:
        raise ManifestError(f"{folder} holds no .txt or .md files.")
    extra: dict[str, dict] = {}
    if metadata is not None:
        for where, record in read_records(metadata):
            _, key = _pick(record, "id")
            if not key:
                raise ManifestError(f"{where}: the metadata row has no id to match a file name.")
            extra[key] = _metadata_row(where, record)
    rows, seen = [], {}
    for path in files:
        article_id = _safe_id(path.stem, f"a{len(rows) + 1:04d}")
        if article_id in seen:
            raise ManifestError(f"{path} and {seen[article_id]} give the same id '{article_id}'; "
                                "rename one of them.")
        seen[article_id] = path
        row = extra.pop(path.stem, None) or extra.pop(article_id, None) or {
            "url": "", "outlet": "", "headline": "", "published": "", "date_basis": "unknown"}
        found = _NAME_DATE.search(path.stem)
        if found and not row["published"]:
            day, _ = _valid(int(found[1]), int(found[2]), int(found[3]), "")
            if day:
                row["published"], row["date_basis"] = day, "file name"
        if not row["outlet"]:
            relative = path.relative_to(folder)
            row["outlet"] = relative.parts[0] if len(relative.parts) > 1 else "unknown"
        raw = path.read_bytes()
        rows.append({"id": article_id, "file": Path(os.path.relpath(path, manifest.parent)).as_posix(),
                     **row, "sha256": hashlib.sha256(raw).hexdigest()})
    if extra:
        unmatched = ", ".join(sorted(extra)[:5])
        raise ManifestError(f"{metadata}: {len(extra)} metadata row(s) match no file in {folder} "
                            f"(ids {unmatched}).")
    return rows, []


def _from_export(export: Path, manifest: Path, texts: Path, force: bool) -> tuple[list[dict], list]:
    rows, pending, seen = [], [], {}
    for number, (where, record) in enumerate(read_records(export), start=1):
        key, text = _pick(record, "text")
        if not text:
            names = ", ".join(FIELDS["text"])
            raise ManifestError(f"{where}: no article text (looked for a column named {names}).")
        _, raw_id = _pick(record, "id")
        article_id = _safe_id(raw_id, f"a{number:04d}")
        if article_id.casefold() in seen:
            raise ManifestError(f"{where}: id '{article_id}' is repeated (first at {seen[article_id.casefold()]}).")
        seen[article_id.casefold()] = where
        row = _metadata_row(where, record)
        target = texts / f"{article_id}.txt"
        data = (text.replace("\r\n", "\n").rstrip("\n") + "\n").encode("utf-8")
        rows.append({"id": article_id, "file": Path(os.path.relpath(target, manifest.parent)).as_posix(),
                     **row, "sha256": hashlib.sha256(data).hexdigest()})
        pending.append((target, data))
    for target, data in pending:
        if target.exists() and not force and target.read_bytes() != data:
            raise ManifestError(f"{target} exists with other text; pass --force to overwrite it.")
    return rows, pending


def write_manifest(source: str | Path, manifest: str | Path, texts: str | Path | None = None,
                   metadata: str | Path | None = None, force: bool = False) -> Written:
    """Write ``manifest`` (a CSV) for ``source``: a folder of texts or a CSV/JSONL export.

    See the module docstring. Raises :class:`ManifestError` (a :class:`CorpusError`) with one
    sentence naming the file or row for bad input, or when it would overwrite a file and
    ``force`` is False.
    """
    source, manifest = Path(source).expanduser().resolve(), Path(manifest).expanduser().resolve()
    if manifest.suffix.lower() != ".csv":
        raise ManifestError(f"{manifest}: the manifest is a CSV file; name it something.csv.")
    if manifest.exists() and not force:
        raise ManifestError(f"{manifest} exists; pass --force to overwrite it.")
    if not source.exists():
        raise ManifestError(f"{source} does not exist.")
    if source.is_dir():
        if texts is not None:
            raise ManifestError("--texts is for an export; a folder's texts stay where they are.")
        rows, pending = _from_folder(source, manifest, Path(metadata).resolve() if metadata else None)
        root = None if source.is_relative_to(manifest.parent) else source
    else:
        if metadata is not None:
            raise ManifestError("--metadata is for a folder; an export carries its own columns.")
        folder = Path(texts).expanduser().resolve() if texts else manifest.parent / "texts"
        rows, pending = _from_export(source, manifest, folder, force)
        root = None if folder.is_relative_to(manifest.parent) else folder
    manifest.parent.mkdir(parents=True, exist_ok=True)
    written = 0
    for target, data in pending:
        if target.exists() and target.read_bytes() == data:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        written += 1
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    manifest.write_text(buffer.getvalue(), encoding="utf-8")
    undated = sum(1 for row in rows if not row["published"])
    return Written(manifest, len(rows), written, root, undated)
