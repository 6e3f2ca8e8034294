"""Span and row helpers the extractors share."""
from __future__ import annotations


def longest_first(hits: list[tuple]) -> list[tuple]:
    """Non-overlapping ``hits`` (tuples starting with start and end offsets): in text order,
    the longest of those starting at one offset first, and a hit starting inside the one
    kept before it dropped ("March 14, 2025" wins over "March 14"). Among hits of equal
    start and length the first listed wins (the sort is stable)."""
    ordered = sorted(hits, key=lambda hit: (hit[0], -(hit[1] - hit[0])))
    kept: list[tuple] = []
    for hit in ordered:
        if kept and hit[0] < kept[-1][1]:
            continue
        kept.append(hit)
    return kept


def rows_by(values) -> dict:
    """Row positions per value of a column (a list or Series), values in order of first
    appearance, positions ascending: ``frame.groupby(column, sort=False).indices`` with
    lists for arrays, in one pass over the column's values (pandas indexes a string column
    once per group to build its dict: most of the cost with one group per sentence)."""
    out: dict = {}
    for position, value in enumerate(values.tolist() if hasattr(values, "tolist") else values):
        out.setdefault(value, []).append(position)
    return out
