"""CSV files safe to open in a spreadsheet.

A cell whose text starts with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage return) is
read by Excel, LibreOffice and Google Sheets as a formula, and article data is not ours to
trust: an outlet ``=cmd|' /C calc'!A0`` would run a command when the table is opened. Every
CSV the workbook writes for readers passes through :func:`spreadsheet_safe`, which prefixes
such text cells with a single quote, as OWASP recommends ("CSV Injection"); numbers stay
numbers, so ``-3`` in a numeric column is untouched.
"""
from __future__ import annotations

import pandas as pd

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """``value`` with a leading ``'`` if it is text a spreadsheet would read as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def spreadsheet_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` whose text cells and column names (a table pivoted by outlet has
    outlets as columns) cannot start a formula (see :func:`safe_cell`); the frame itself is
    not changed."""
    out = frame.copy()
    out.columns = [safe_cell(name) for name in out.columns]
    for column in out.columns:
        values = out[column]
        if values.dtype == object or pd.api.types.is_string_dtype(values.dtype) or \
                isinstance(values.dtype, pd.CategoricalDtype):
            out[column] = _safe_column(values)
    return out


def _safe_column(values: pd.Series) -> pd.Series:
    """:func:`safe_cell` on every cell of a text, category or object column, as an object
    column when a cell changes; a column where no text starts like a formula (most of them,
    and every column of most tables) is left as it is, its text found by pandas' own string
    methods instead of one call per cell."""
    if isinstance(values.dtype, pd.CategoricalDtype):
        categories = pd.Series(values.cat.categories, dtype=object)
        if not any(isinstance(v, str) and v.startswith(FORMULA_STARTS) for v in categories):
            return values
        return values.astype(object).map(safe_cell)
    try:
        starts = values.str.startswith(FORMULA_STARTS, na=False).astype(bool)
    except (AttributeError, TypeError):  # an object column with no text for .str to read
        return values.astype(object).map(safe_cell)
    if not starts.any():
        return values
    return values.astype(object).map(safe_cell)
