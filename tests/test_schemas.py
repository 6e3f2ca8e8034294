"""Every public table matches its declared schema (kursk_analysis.schemas) on every gold set."""
from __future__ import annotations

import pandas as pd
import pandera.errors
import pytest

import kursk_analysis as ka
from extraction_gold import SETS, corpus_of
from kursk_analysis import schemas


@pytest.mark.parametrize("which", SETS)
@pytest.mark.parametrize("name", sorted(schemas.SCHEMAS))
def test_tables_match_their_schema(which, name):
    schemas.validate(name, getattr(ka, name)(corpus_of(which)))


def test_a_table_that_drifts_is_refused():
    table = ka.stances(corpus_of("seeds"))
    with pytest.raises(pandera.errors.SchemaError):
        schemas.validate("stances", table.drop(columns=["rule"]))
    with pytest.raises(pandera.errors.SchemaError):
        schemas.validate("stances", table.assign(start=table["start"].astype(float)))
    empty = ka.stances(corpus_of("seeds")).iloc[:0]
    assert isinstance(schemas.validate("stances", empty), pd.DataFrame)
