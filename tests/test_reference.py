"""The reference series of reported territory figures: tidy loading and row-level checks."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from kursk_analysis.corpus.reference import ReferenceDataError, reference_figures, REFERENCE


def test_loads_tidily():
    ref = reference_figures()
    assert ref["date"].dtype == "datetime64[ns]"
    assert list(ref["claimant_side"].cat.categories) == ["Ukraine", "Russia", "independent"]
    assert ref["date"].is_monotonic_increasing
    under = ref[ref["claimant"].str.startswith("Delfi")].iloc[0]
    assert np.isnan(under.value_low) and under.value_high == 100 and under.qualifier == "under"
    pct = ref[ref["unit"] == "percent"].iloc[0]
    assert pct.value_high == 86 and np.isnan(pct.km2_high)
    assert ref.loc[ref["unit"] == "km2", "km2_high"].equals(ref.loc[ref["unit"] == "km2", "value_high"])


def _write(tmp_path, text):
    path = tmp_path / "ref.csv"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("change,message", [
    (("2024-08-12,day", "2024-13-12,day"), "line 2, column 'date'"),
    (("day,held,1000,1000,km2", "day,held,1000,1000,acres"), "line 2, column 'unit'"),
    (("day,held,1000,1000,km2", "day,held,1200,1000,km2"), "line 2, column 'value_low'"),
    (("day,held,1000,1000,km2", "day,held,1000,,km2"), "line 2, column 'value_high'"),
    (("Ukraine,official claim", "Kyiv,official claim"), "line 2, column 'claimant_side'"),
])
def test_errors_name_the_row(tmp_path, change, message):
    lines = REFERENCE.read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1].replace(*change, 1)
    with pytest.raises(ReferenceDataError, match=message):
        reference_figures(_write(tmp_path, "\n".join(lines[:2]) + "\n"))


def test_missing_column(tmp_path):
    with pytest.raises(ReferenceDataError, match="lacks date_precision, measure"):
        reference_figures(_write(tmp_path, "date,value_low\n2024-01-01,1\n"))
