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
from kursk_analysis.extract.figures import AS_OF_BASES, DIRECTIONS, QUANTITY_UNITS, UNITS
from kursk_analysis.extract.timex import ANCHORS, GRANULARITIES, SCAN_RULES

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
    "quantities": _schema("quantities", {
        **_SPAN, "text": Column(str), "value_low": Column(float, nullable=True),
        "value_high": Column(float, nullable=True),
        "unit": Column("category", _categories(QUANTITY_UNITS)),
        "what": Column(object, nullable=True), "per": Column(object, nullable=True),
        "qualifier": Column(object, nullable=True),
        "as_of": Column("datetime64[ns]", nullable=True),
        "as_of_basis": Column("category", _categories(AS_OF_BASES), nullable=True),
        "claimant": Column(object, nullable=True), "claimant_text": Column(object, nullable=True)}),
    "time_expressions": _schema("time_expressions", {
        **_SPAN, "text": Column(str),
        "date_start": Column("datetime64[ns]", nullable=True), "date_end": Column("datetime64[ns]", nullable=True),
        "granularity": Column("category", _categories(GRANULARITIES)),
        "anchor": Column("category", _categories(ANCHORS)),
        "rule": Column(str, Check.isin([name for name, _ in SCAN_RULES]))}),
    "attribution_verbs": _schema("attribution_verbs", {
        **_SPAN, "verb": Column(str), "lemma": Column(str),
        "register": Column("category", _categories(["neutral", "descriptive", "loaded"]))}),
    "leads": DataFrameSchema({
        "id": Column(str), "outlet": Column("category"), "headline": Column(str),
        "published": Column("datetime64[ns]", nullable=True), "lead_sentence_id": Column(str, nullable=True),
        "lead_start": Column("int64"), "lead_end": Column("int64"), "lead": Column(str),
        "lead_paragraph_id": Column(str, nullable=True), "paragraph_start": Column("int64"),
        "paragraph_end": Column("int64"), "lead_paragraph": Column(str)},
        name="leads", strict=True, ordered=True),
    "shared_passages": DataFrameSchema({
        "article_a": Column(str), "article_b": Column(str), "sentence_id_a": Column(str),
        "sentence_id_b": Column(str), "start_a": Column("int64", Check.ge(0)), "end_a": Column("int64"),
        "start_b": Column("int64", Check.ge(0)), "end_b": Column("int64"), "text_a": Column(str),
        "text_b": Column(str), "n_shared_words": Column("int64", Check.ge(1)),
        "similarity": Column(float, Check.in_range(0, 1)),
        "kind": Column("category", _categories(["verbatim", "paraphrase"]))},
        name="shared_passages", strict=True, ordered=True),
    "reuse_matrix": DataFrameSchema({
        "article_a": Column(str), "article_b": Column(str), "shared_words": Column("int64", Check.ge(0)),
        "share_of_a": Column(float, Check.in_range(0, 1)), "share_of_b": Column(float, Check.in_range(0, 1)),
        "verbatim_words": Column("int64", Check.ge(0)), "paraphrase_words": Column("int64", Check.ge(0)),
        "n_passages": Column("int64", Check.ge(0)), "duplicate": Column(bool)},
        name="reuse_matrix", strict=True, ordered=True),
}


def validate(name: str, table):
    """``table`` checked against the declared schema ``name`` (raises
    :class:`pandera.errors.SchemaError` naming the column and the problem)."""
    return SCHEMAS[name].validate(table)


__all__ = ["SCHEMAS", "validate", "pa"]
