"""The external series of reported Kursk territory figures, loaded tidily and checked.

``data/reference/kursk_territory_reports.csv`` (see ``data/reference/README.md``) lists
figures that public reports gave for the area Ukraine held in Kursk, one report a row,
each a claim by a named claimant. :func:`reference_figures` reads it into a tidy table to
set the articles' figures against: dates as dates, a range as two columns (an empty
``value_low`` means "under ``value_high``", kept as NaN with ``qualifier`` "under"),
categories as categories, and areas also in km² (percentages stay NaN: a share is not
an area until a baseline is chosen, see :func:`kursk_analysis.extract.figures.areas_from_percent`).

Every row is checked; a bad row raises :class:`ReferenceDataError` naming the file, the line
and the column, so the CSV can be fixed by hand.
"""
from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

from kursk_analysis import paths
from kursk_analysis.errors import ReferenceDataError
from kursk_analysis.extract.figures import km2_factors

REFERENCE = paths.DATA / "reference" / "kursk_territory_reports.csv"
COLUMNS = ["date", "date_precision", "measure", "value_low", "value_high", "unit",
           "claimant", "claimant_side", "kind", "source_url", "note"]
PRECISIONS = ["day", "week", "month"]
MEASURES = ["held", "retaken"]
UNITS = ["km2", "sq_mi", "percent"]
SIDES = ["Ukraine", "Russia", "independent"]
KINDS = ["official claim", "osint map", "media report"]


def reference_figures(path: str | Path | None = None) -> pd.DataFrame:
    """The reference figures, one row per report, ordered by date then file order.

    Columns: ``date`` (datetime64), ``date_precision``, ``measure``, ``value_low``,
    ``value_high`` (float; low NaN = "under high"), ``qualifier`` ("under" or None),
    ``unit``, ``km2_low``, ``km2_high``, ``claimant``, ``claimant_side`` (category:
    Ukraine, Russia, independent), ``kind``, ``source_url``, ``note``, ``line`` (the line
    in the CSV, for tracing a row back).
    """
    path = Path(path) if path else REFERENCE
    if not path.is_file():
        raise ReferenceDataError(f"{path} does not exist; copy the reference CSV there.")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise ReferenceDataError(f"{path} is not UTF-8; re-save it as UTF-8.") from None
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = reader.fieldnames or []
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        raise ReferenceDataError(f"{path}: the header lacks {', '.join(missing)}; it needs "
                             f"{', '.join(COLUMNS)}.")
    rows = []
    for record in reader:
        line = reader.line_num
        if None in record:
            raise ReferenceDataError(f"{path}, line {line}: more fields than the header has; "
                                 "quote fields that contain commas.")
        if not any((v or "").strip() for v in record.values()):
            continue
        rows.append(_check_row({k: (v or "").strip() for k, v in record.items()}, path, line))
    if not rows:
        raise ReferenceDataError(f"{path} has a header but no rows.")
    frame = pd.DataFrame(rows)
    frame["date"] = pd.to_datetime(frame["date"]).astype("datetime64[ns]")
    for column, categories in (("date_precision", PRECISIONS), ("measure", MEASURES),
                               ("unit", UNITS), ("claimant_side", SIDES), ("kind", KINDS)):
        frame[column] = pd.Categorical(frame[column], categories=categories)
    for column in ("value_low", "value_high"):
        frame[column] = frame[column].astype("float64")
    factor = frame["unit"].astype("object").map(km2_factors()).astype("float64")
    frame["km2_low"] = frame["value_low"] * factor
    frame["km2_high"] = frame["value_high"] * factor
    for column in ("claimant", "source_url", "note"):
        frame[column] = frame[column].astype("str")
    frame["qualifier"] = frame["qualifier"].astype("object")
    frame["line"] = frame["line"].astype("int64")
    order = ["date", "date_precision", "measure", "value_low", "value_high", "qualifier",
             "unit", "km2_low", "km2_high", "claimant", "claimant_side", "kind",
             "source_url", "note", "line"]
    return frame[order].sort_values(["date", "line"], kind="stable").reset_index(drop=True)


def _check_row(row: dict, path: Path, line: int) -> dict:
    def fail(column: str, problem: str) -> ReferenceDataError:
        return ReferenceDataError(f"{path}, line {line}, column '{column}': {problem}")

    try:
        day = date.fromisoformat(row["date"])
    except ValueError:
        raise fail("date", f"'{row['date']}' is not a date in the form YYYY-MM-DD.") from None
    for column, allowed in (("date_precision", PRECISIONS), ("measure", MEASURES),
                            ("unit", UNITS), ("claimant_side", SIDES), ("kind", KINDS)):
        if row[column] not in allowed:
            raise fail(column, f"'{row[column]}' is not one of {', '.join(allowed)}.")
    values = {}
    for column in ("value_low", "value_high"):
        raw = row[column].replace(",", "")
        if not raw:
            values[column] = np.nan
            continue
        try:
            values[column] = float(raw)
        except ValueError:
            raise fail(column, f"'{row[column]}' is not a number.") from None
        if values[column] < 0:
            raise fail(column, f"{values[column]:g} is negative; areas and shares are >= 0.")
    if np.isnan(values["value_high"]):
        raise fail("value_high", "is empty; every row needs at least an upper value "
                                 "(an empty value_low means 'under value_high').")
    if values["value_low"] > values["value_high"]:
        raise fail("value_low", f"{values['value_low']:g} is above value_high "
                                f"{values['value_high']:g}; swap them.")
    if row["unit"] == "percent" and values["value_high"] > 100:
        raise fail("value_high", f"{values['value_high']:g} percent is over 100.")
    if not row["claimant"]:
        raise fail("claimant", "is empty; every figure is somebody's claim.")
    if row["source_url"] and not row["source_url"].startswith(("http://", "https://")):
        raise fail("source_url", f"'{row['source_url']}' is not an http(s) address.")
    return {**row, "date": day, **values,
            "qualifier": "under" if np.isnan(values["value_low"]) else None, "line": line}
