"""The public tables' columns, dtypes and categories, declared once (pandera).

Each extractor's table is described by one :class:`pandera.pandas.DataFrameSchema`;
:func:`validate` checks a table against it (the tests check every extractor on every gold
set), and :data:`SCHEMAS` is what the data dictionary and readers of an export can rely on.
Columns are strict and ordered: a column added to an extractor is added here too.
"""
from __future__ import annotations

import pandera.pandas as pa
from pandera.pandas import Check, Column, DataFrameSchema

from kursk_analysis.extract.actors import KINDS, SIDES
from kursk_analysis.extract.figures import AS_OF_BASES, DIRECTIONS, UNITS

_SPAN = {
    "article_id": Column(str),
    "sentence_id": Column(str),
    "start": Column("int64", Check.ge(0)),
    "end": Column("int64", Check.ge(0)),
}


def _categories(values) -> Check:
    return Check(lambda s: set(s.cat.categories) == set(values), element_wise=False,
                 error=f"categories must be {', '.join(values)}")


def _schema(name: str, columns: dict) -> DataFrameSchema:
    checks = [Check(lambda t: (t["end"] >= t["start"]).all(), error="end before start")] \
        if "start" in columns else []
    return DataFrameSchema(columns, name=name, strict=True, ordered=True, checks=checks)


SCHEMAS: dict[str, DataFrameSchema] = {
    "actors": _schema("actors", {
        **_SPAN, "text": Column(str), "actor": Column(str),
        "kind": Column("category", _categories(KINDS)),
        "side": Column("category", _categories(SIDES)), "anonymous": Column(bool)}),
    "quotes": _schema("quotes", {
        **_SPAN, "quote": Column(str), "speaker": Column(object, nullable=True),
        "speaker_text": Column(object, nullable=True),
        "kind": Column("category", _categories(["quote", "scare"])),
        "attribution": Column(str),
        "speaker_in_gazetteer": Column("boolean", nullable=True)}),
    "speech_frames": _schema("speech_frames", {
        **_SPAN, "verb": Column(str), "subject_start": Column("int64"),
        "subject_end": Column("int64"), "subject_text": Column(object, nullable=True),
        "actor": Column(object, nullable=True),
        "frame": Column(str, Check.isin(["verb", "inverted", "coordinated", "possessive",
                                         "aside", "passive"]))}),
    "stances": _schema("stances", {
        "article_id": Column(str), "actor": Column(str), "in_gazetteer": Column(bool),
        "side": Column("category", _categories(SIDES)),
        "stance": Column("category", _categories(["asserts", "denies"])),
        "role": Column(str, Check.isin(["holder", "speaker", "quote", "agrees"])),
        "rule": Column(str), "sentence_id": Column(str),
        "start": Column("int64", Check.ge(0)), "end": Column("int64", Check.ge(0)),
        "evidence": Column(str), "date": Column("datetime64[ns]", nullable=True),
        "date_basis": Column(str)}),
    "territory_figures": _schema("territory_figures", {
        **_SPAN, "text": Column(str), "value_low": Column(float, nullable=True),
        "value_high": Column(float, nullable=True),
        "unit": Column("category", _categories(UNITS)),
        "qualifier": Column(object, nullable=True),
        "direction": Column("category", _categories(DIRECTIONS), nullable=True),
        "as_of": Column("datetime64[ns]", nullable=True),
        "as_of_basis": Column("category", _categories(AS_OF_BASES), nullable=True),
        "claimant": Column(object, nullable=True), "claimant_text": Column(object, nullable=True),
        "km2_low": Column(float, nullable=True), "km2_high": Column(float, nullable=True),
        "rule": Column(str, Check.isin(["area", "area, unit carried", "percent share", "fraction share"]))}),
}


def validate(name: str, table):
    """``table`` checked against the declared schema ``name`` (raises
    :class:`pandera.errors.SchemaError` naming the column and the problem)."""
    return SCHEMAS[name].validate(table)


__all__ = ["SCHEMAS", "validate", "pa"]
