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
turns the cache off; deleting the folder is always safe. Files are plain JSON, written
whole under a temporary name and then renamed, so kernels loading side by side never read
half a file; a file that cannot be read or parsed is treated as absent and written anew,
and a folder that cannot be written to only means nothing is kept.
"""
from __future__ import annotations

import hashlib
import json
import os
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
    """The value stored for ``kind`` and ``key``, or None if there is none (or it is unreadable)."""
    place = folder()
    if place is None:
        return None
    try:
        return json.loads((place / f"{kind}-{key}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def write(kind: str, key: str, value: Any) -> None:
    """Store ``value`` (anything JSON can hold) for ``kind`` and ``key``; never raises for a
    folder that cannot be written."""
    place = folder()
    if place is None:
        return
    try:
        place.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(dir=place, prefix=f".{kind}-", suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            json.dump(value, handle, separators=(",", ":"))
        os.replace(temporary, place / f"{kind}-{key}.json")
    except OSError:
        Path(temporary).unlink(missing_ok=True)
