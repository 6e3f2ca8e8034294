"""A content-addressed cache of derived data, kept as JSON outside the project.

Every notebook loads the corpus, and splitting it into sentences is the one step of loading
that needs spaCy, whose import alone takes about 0.6 s in each kernel; pint's unit registry
takes another 0.5 s to build. What the workbook derives from them is small and is kept
here, under a key computed from everything it depends on: sentence boundaries (the texts,
the paragraphs analysed, the source of ``nlp.py`` and spaCy's version), spaCy's English
stop words (spaCy's version) and area conversion factors (pint's version). A later kernel
reads them back instead of importing the library. A change to any of those inputs gives a
new key, never a stale answer; results are the same with or without the cache (the tests
check).

Where: ``$KURSK_ANALYSIS_CACHE`` if set, else ``$XDG_CACHE_HOME/kursk_analysis``, else
``~/.cache/kursk_analysis``. Setting ``KURSK_ANALYSIS_CACHE`` to ``off`` (or to nothing)
turns the cache off; deleting the folder is always safe. Files are JSON after one line
holding the SHA-256 of that JSON, written whole under a temporary name and then renamed, so
kernels loading side by side never read half a file. A file whose digest does not match
(edited, damaged), that cannot be read or parsed, or that is not a regular file (a FIFO
named like an entry would block a read) is treated as absent and written anew; a folder
that cannot be written to only means nothing is kept.
"""
from __future__ import annotations

import hashlib
import json
import os
import stat
import tempfile
from pathlib import Path
from typing import Any, Callable

ENVIRONMENT_VARIABLE = "KURSK_ANALYSIS_CACHE"
_OFF = {"", "off", "0", "false", "no"}


def folder() -> Path | None:
    """The cache folder, or None when the cache is turned off."""
    chosen = os.environ.get(ENVIRONMENT_VARIABLE)
    if chosen is not None:
        return None if chosen.strip().lower() in _OFF else Path(chosen).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "kursk_analysis"


def key(*parts: Any) -> str:
    """A digest of small JSON-able parts (library versions, settings) to store a value under."""
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode("utf-8")).hexdigest()


def remembered(kind: str, key: str, compute: Callable[[], Any], valid: Callable[[Any], bool]) -> Any:
    """The value stored for ``kind`` and ``key`` if ``valid`` accepts it; otherwise
    ``compute()``, stored for next time. A damaged entry is thus computed again and replaced."""
    value = read(kind, key)
    if value is not None and valid(value):
        return value
    value = compute()
    write(kind, key, value)
    return value


def read(kind: str, key: str) -> Any | None:
    """The value stored for ``kind`` and ``key``, or None if there is none (or it is
    unreadable, not a regular file, or its digest does not match its content)."""
    place = folder()
    if place is None:
        return None
    try:
        # Non-blocking, and only a regular file: opening a FIFO for reading would wait for a writer.
        descriptor = os.open(place / f"{kind}-{key}.json", os.O_RDONLY | os.O_NONBLOCK)
    except OSError:
        return None
    try:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            return None
        with os.fdopen(descriptor, "rb", closefd=False) as handle:
            data = handle.read()
    except OSError:
        return None
    finally:
        os.close(descriptor)
    digest, _, body = data.partition(b"\n")
    if digest.decode("ascii", "replace") != hashlib.sha256(body).hexdigest():
        return None
    try:
        return json.loads(body.decode("utf-8"))
    except ValueError:
        return None


def write(kind: str, key: str, value: Any) -> None:
    """Store ``value`` (anything JSON can hold) for ``kind`` and ``key``, after the digest of
    its JSON; never raises for a folder that cannot be written."""
    place = folder()
    if place is None:
        return
    body = json.dumps(value, separators=(",", ":")).encode("utf-8")
    try:
        place.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(dir=place, prefix=f".{kind}-", suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(hashlib.sha256(body).hexdigest().encode("ascii") + b"\n" + body)
        os.replace(temporary, place / f"{kind}-{key}.json")
    except OSError:
        Path(temporary).unlink(missing_ok=True)
