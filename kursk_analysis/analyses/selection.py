"""Narrow an extracted table to the notebook parameters' period and actors.

Every notebook takes ``start``, ``end``, ``undated`` and ``actors`` parameters; these
functions are the one place that applies them, so the three notebooks filter the same way.

A row is *in* the period when its date lies within [start, end], *out* when it lies wholly
before or after, and *undated* when it cannot be placed: it has no date, or its date is a
month or a year that straddles a bound (an article of "2025-03" with ``start`` 2025-03-15).
The ``undated`` parameter decides what happens to those: ``"keep"`` (the default) keeps
them, ``"drop"`` leaves them out; :func:`undated_note` says how many there were either way.
"""
from __future__ import annotations

import pandas as pd

from kursk_analysis.workbook.params import Parameters

# An article table carries its publication date as a span (corpus.load_corpus): a
# "published" column is read together with these two when the frame has them.
_SPAN = {"published": ("published_first", "published_last")}


def _span(frame: pd.DataFrame, column: str) -> tuple[pd.Series, pd.Series]:
    first_column, last_column = _SPAN.get(column, (column, column))
    if first_column not in frame or last_column not in frame:
        first_column = last_column = column
    return pd.to_datetime(frame[first_column]), pd.to_datetime(frame[last_column])


def _placement(frame: pd.DataFrame, params: Parameters, column: str) -> tuple[pd.Series, pd.Series]:
    """Two boolean Series: rows inside the period, and rows that cannot be placed in it."""
    first, last = _span(frame, column)
    dated = first.notna() & last.notna()
    inside = dated.copy()
    outside = pd.Series(False, index=frame.index)
    if params.start is not None:
        start = pd.Timestamp(params.start)
        inside &= first >= start
        outside |= dated & (last < start)
    if params.end is not None:
        end = pd.Timestamp(params.end)
        inside &= last <= end
        outside |= dated & (first > end)
    return inside, ~inside & ~outside


def in_period(frame: pd.DataFrame, params: Parameters, column: str) -> pd.DataFrame:
    """Rows whose ``column`` date lies within [start, end] (inclusive; open ends allowed),
    plus the rows that cannot be placed when ``params.undated`` is ``"keep"``.

    Without a period every row is kept.
    """
    if params.start is None and params.end is None:
        return frame
    inside, unplaced = _placement(frame, params, column)
    keep = inside | unplaced if getattr(params, "undated", "keep") == "keep" else inside
    return frame[keep]


def count_undated(frame: pd.DataFrame, params: Parameters, column: str) -> int:
    """How many rows of ``frame`` a period cannot place (0 without a period)."""
    if params.start is None and params.end is None:
        return 0
    return int(_placement(frame, params, column)[1].sum())


def undated_note(frame: pd.DataFrame, params: Parameters, column: str, noun: str) -> str:
    """One sentence: how many ``noun``s the period cannot place and what was done with them
    ("" when there is no period or none)."""
    n = count_undated(frame, params, column)
    if not n:
        return ""
    plural = noun if n == 1 else noun + "s"
    verb = "has" if n == 1 else "have"
    kept = getattr(params, "undated", "keep") == "keep"
    fate = ("kept (parameter `undated` is \"keep\"; set it to \"drop\" to leave them out)" if kept
            else "left out (parameter `undated` is \"drop\")")
    return (f"{n} {plural} {verb} no date that places them within {params.start or 'the start'} to "
            f"{params.end or 'the end'} (no date, or only a month or year across a bound): {fate}.")


def for_actors(frame: pd.DataFrame, params: Parameters, column: str = "actor") -> pd.DataFrame:
    """Rows whose ``column`` names one of the chosen actors (all rows when none are chosen)."""
    if not params.actors:
        return frame
    return frame[frame[column].isin(params.actors)]
