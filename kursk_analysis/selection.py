"""Narrow an extracted table to the notebook parameters' period and actors.

Every notebook takes ``start``, ``end`` and ``actors`` parameters; these two functions are
the one place that applies them, so the three notebooks filter the same way.
"""
from __future__ import annotations

import pandas as pd

from .params import Parameters


def in_period(frame: pd.DataFrame, params: Parameters, column: str) -> pd.DataFrame:
    """Rows whose ``column`` date lies within [start, end] (inclusive; open ends allowed).

    Rows without a date are kept only when no period is set: with a period they cannot be
    placed in it, and showing them would claim they were.
    """
    if params.start is None and params.end is None:
        return frame
    dates = pd.to_datetime(frame[column])
    keep = dates.notna()
    if params.start is not None:
        keep &= dates >= pd.Timestamp(params.start)
    if params.end is not None:
        keep &= dates <= pd.Timestamp(params.end)
    return frame[keep]


def for_actors(frame: pd.DataFrame, params: Parameters, column: str = "actor") -> pd.DataFrame:
    """Rows whose ``column`` names one of the chosen actors (all rows when none are chosen)."""
    if not params.actors:
        return frame
    return frame[frame[column].isin(params.actors)]
