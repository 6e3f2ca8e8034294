"""Corrections with provenance: a reviewer's fixes to extracted rows, kept beside the corpus.

A researcher who finds a wrong stance or speaker writes one line in ``corrections.csv`` in
the manifest's folder (or passes ``load_corpus(..., corrections=PATH)``) instead of editing
exported tables. Columns::

    table        stances (the bundled claim, encirclement) or stances:<claim name>,
                 quotes, territory_figures
    article_id   the row's article
    sentence_id  the row's sentence (as every table shows it)
    key          which row of that sentence: the actor (stances), or the start offset
                 (quotes, territory_figures), as the tables show them
    field        the column to change (see FIELDS), or empty when the row is deleted
    value        the new value, or ``delete``
    who          who made the correction
    when         the day it was made (YYYY-MM-DD)
    why          the reason, in a sentence

The file is read and checked when the corpus loads (a bad line is a :class:`CorrectionError`
naming the file and line). Corrections are applied in file order, after extraction, to the
tables :func:`kursk_analysis.stances`, :func:`~kursk_analysis.quotes` and
:func:`~kursk_analysis.territory_figures` return, so every analysis, table and chart built
on them sees the corrected rows. Each table gains ``corrected`` (True on a changed row) and
``correction`` (``who, when: why``; several joined by ``; ``). A correction that matches no
row (the text or the rules changed since it was written) is an error, never skipped.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pandas as pd

from kursk_analysis.errors import CorrectionError

COLUMNS = ("table", "article_id", "sentence_id", "key", "field", "value", "who", "when", "why")
# Per table: the column ``key`` is matched against, and the fields a correction may set.
KEYS = {"stances": "actor", "quotes": "start", "territory_figures": "start"}
FIELDS = {
    "stances": {"stance": ("asserts", "denies"), "actor": None},
    "quotes": {"speaker": None},
    "territory_figures": {"claimant": None, "direction": ("held", "seized", "lost", "retaken")},
}
DEFAULT_CLAIM = "encirclement"
DELETE = "delete"
FILE_NAME = "corrections.csv"


@dataclass(frozen=True)
class Correction:
    """One line of a corrections file."""

    path: Path
    line: int
    table: str
    article_id: str
    sentence_id: str
    key: str
    field: str
    value: str
    who: str
    when: str
    why: str

    @property
    def where(self) -> str:
        return f"{self.path}, line {self.line}"

    @property
    def provenance(self) -> str:
        return f"{self.who}, {self.when}: {self.why}"

    @property
    def deletes(self) -> bool:
        return self.value == DELETE


def marked(rows: pd.DataFrame) -> list[str]:
    """The correction columns a table built from ``rows`` keeps, so a corrected row stays
    marked in it: none when the corpus has no corrections."""
    return [column for column in ("corrected", "correction") if column in rows.columns]


def find(manifest: Path) -> Path | None:
    """The corrections file beside a manifest, if there is one."""
    path = Path(manifest).resolve().parent / FILE_NAME
    return path if path.is_file() else None


def read(path: str | Path) -> tuple[Correction, ...]:
    """Read and check a corrections file; every problem names the file and line."""
    path = Path(path).expanduser().resolve()
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as error:
        raise CorrectionError(f"{path}: cannot be read ({error.strerror or error}).") from None
    except UnicodeDecodeError:
        raise CorrectionError(f"{path}: is not UTF-8 text.") from None
    rows = list(csv.reader(text.splitlines()))
    if not rows:
        return ()
    header = [name.strip() for name in rows[0]]
    if header != list(COLUMNS):
        raise CorrectionError(f"{path}, line 1: the header must be {','.join(COLUMNS)}, not {','.join(header)}.")
    out = []
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(COLUMNS):
            raise CorrectionError(f"{path}, line {number}: has {len(row)} fields, not {len(COLUMNS)}.")
        out.append(_check(Correction(path, number, *(cell.strip() for cell in row))))
    return tuple(out)


def _check(c: Correction) -> Correction:
    def bad(what: str):
        raise CorrectionError(f"{c.where}: {what}.")

    if base(c.table) not in KEYS:
        bad(f"table {c.table!r} cannot be corrected; one of {', '.join(KEYS)} (or stances:<claim name>)")
    for name in ("article_id", "sentence_id", "key", "who", "why"):
        if not getattr(c, name):
            bad(f"'{name}' is empty")
    if KEYS[base(c.table)] == "start" and not c.key.isdigit():
        bad(f"'key' for {c.table} is the row's start offset (a whole number), not {c.key!r}")
    try:
        date.fromisoformat(c.when)
    except ValueError:
        bad(f"'when' must be a day as YYYY-MM-DD, not {c.when!r}")
    if c.deletes:
        if c.field:
            bad("a deletion names no field (leave 'field' empty)")
        return c
    fields = FIELDS[base(c.table)]
    if c.field not in fields:
        bad(f"'field' {c.field!r} cannot be corrected in {c.table}; one of {', '.join(fields)}")
    allowed = fields[c.field]
    if not c.value or (allowed and c.value not in allowed):
        choices = f"one of {', '.join(allowed)}" if allowed else "a value"
        bad(f"'value' for {c.field} must be {choices} or {DELETE!r}, not {c.value!r}")
    return c


def base(table: str) -> str:
    """``stances:liberation`` -> ``stances``."""
    return table.split(":", 1)[0] if table.startswith("stances:") else table


def table_name(kind: str, claim: str | None = None) -> str:
    """The ``table`` a correction names: ``stances`` for the bundled claim, ``stances:<name>``
    for another."""
    return kind if claim in (None, DEFAULT_CLAIM) else f"{kind}:{claim}"


def _matches(table: pd.DataFrame, c: Correction) -> pd.Series:
    key_column = KEYS[base(c.table)]
    keys = table[key_column]
    key = int(c.key) if key_column == "start" else c.key
    return (table["article_id"] == c.article_id) & (table["sentence_id"] == c.sentence_id) & (keys == key)


def apply(name: str, table: pd.DataFrame, corrections: tuple[Correction, ...]) -> pd.DataFrame:
    """``table`` (named as :func:`table_name` does) with its corrections applied in order,
    and the ``corrected`` and ``correction`` columns; a correction matching no row is an error."""
    out = table.copy()
    out["corrected"] = False
    out["correction"] = pd.Series([None] * len(out), index=out.index, dtype=object)
    mine = [c for c in corrections if c.table == name]
    keep = pd.Series(True, index=out.index)
    for c in mine:
        hit = _matches(out, c) & keep
        if not hit.any():
            raise CorrectionError(
                f"{c.where}: no {name} row has article_id {c.article_id}, sentence_id {c.sentence_id} "
                f"and {KEYS[base(name)]} {c.key} (the text or the rules changed since it was written); "
                "fix or remove the line (`kursk-analysis corrections check` lists every line)."
            )
        if c.deletes:
            keep &= ~hit
        else:
            column = out[c.field]
            if isinstance(column.dtype, pd.CategoricalDtype) and c.value not in column.cat.categories:
                out[c.field] = column.cat.add_categories([c.value])
            out.loc[hit, c.field] = c.value
        out.loc[hit, "corrected"] = True
        out.loc[hit, "correction"] = [c.provenance if old is None else f"{old}; {c.provenance}"
                                      for old in out.loc[hit, "correction"]]
    return out[keep].reset_index(drop=True)


def check(corpus) -> pd.DataFrame:
    """What each of the corpus's corrections does, in the order they apply: one row per
    correction with the rows it matches and the values before and after. Raises
    :class:`CorrectionError` for the first one that matches no row."""
    from kursk_analysis import quotes, stances, territory_figures

    tables: dict[str, pd.DataFrame] = {}
    rows = []
    for c in corpus.corrections:
        if c.table not in tables:
            if base(c.table) == "stances":
                claim = c.table.partition(":")[2] or DEFAULT_CLAIM
                tables[c.table] = stances(corpus, claim=claim, corrected=False)
            else:
                tables[c.table] = {"quotes": quotes, "territory_figures": territory_figures}[c.table](
                    corpus, corrected=False)
        table = tables[c.table]
        hit = _matches(table, c)
        before = sorted({str(v) for v in table.loc[hit, c.field]}) if c.field else []
        tables[c.table] = apply(c.table, table, (c,)).drop(columns=["corrected", "correction"])
        rows.append({"line": c.line, "table": c.table, "article_id": c.article_id,
                     "sentence_id": c.sentence_id, "key": c.key, "field": c.field or "(row)",
                     "before": ", ".join(before) or "(row)", "after": c.value,
                     "rows": int(hit.sum()), "who": c.who, "when": c.when, "why": c.why})
    return pd.DataFrame(rows, columns=["line", "table", "article_id", "sentence_id", "key", "field",
                                       "before", "after", "rows", "who", "when", "why"])


def corrected(corpus, name: str, key: str, table: pd.DataFrame) -> pd.DataFrame:
    """``table`` with the corpus's corrections applied, once per corpus (memoised as ``key``)."""
    return corpus.memo(f"{key}:corrected", lambda: apply(name, table, corpus.corrections))
