"""Publication dates as researchers have them: a day, a month, a year or none."""
from __future__ import annotations

import warnings

import pandas as pd
import pytest

import kursk_analysis as ka
from kursk_analysis.extract.timex import time_expressions

from test_corpus_errors import error_of, write_corpus

TEXT = ("Officials said on Tuesday that the troops were not surrounded. Last month the army "
        "held the line, and last year it advanced. Fighting eased on March 14.\n")


def load(tmp_path, published):
    manifest = write_corpus(tmp_path, [f"a,a.txt,O,T,{published}"], files={"a.txt": TEXT})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ka.CorpusWarning)
        return ka.load_corpus(manifest)


@pytest.mark.parametrize("published, precision, first, last", [
    ("2025-03-12", "day", "2025-03-12", "2025-03-12"),
    ("2025-03", "month", "2025-03-01", "2025-03-31"),
    ("2024-02", "month", "2024-02-01", "2024-02-29"),
    ("2025", "year", "2025-01-01", "2025-12-31"),
    ("", "none", None, None),
])
def test_precision_is_kept(tmp_path, published, precision, first, last):
    row = load(tmp_path, published).articles.iloc[0]
    assert row["published_precision"] == precision
    assert row["published_text"] == published
    assert (pd.isna(row["published_first"]) if first is None
            else row["published_first"] == pd.Timestamp(first))
    assert (pd.isna(row["published_last"]) if last is None
            else row["published_last"] == pd.Timestamp(last))
    # ``published`` is the day of publication, only when it is known to the day.
    if precision == "day":
        assert row["published"] == pd.Timestamp(first)
    else:
        assert pd.isna(row["published"])


def test_partial_date_warns_once(tmp_path):
    manifest = write_corpus(tmp_path, ["a,a.txt,O,T,2025-03"], files={"a.txt": TEXT})
    with pytest.warns(ka.CorpusWarning, match="known to the month only"):
        ka.load_corpus(manifest)


def resolved(corpus) -> dict:
    table = time_expressions(corpus)
    return {text: (None if pd.isna(lo) else f"{lo:%Y-%m-%d}", None if pd.isna(hi) else f"{hi:%Y-%m-%d}")
            for text, lo, hi in zip(table["text"], table["date_start"], table["date_end"])}


def test_relative_dates_resolve_as_far_as_the_precision_allows(tmp_path):
    day = resolved(load(tmp_path / "day", "2025-03-20"))
    assert day["Tuesday"] == ("2025-03-18", "2025-03-18")
    month = resolved(load(tmp_path / "month", "2025-03"))
    assert month["Tuesday"] == (None, None)
    assert month["Last month"] == ("2025-02-01", "2025-02-28")
    assert month["last year"] == ("2024-01-01", "2024-12-31")
    assert month["March 14"] == (None, None)  # 2024 or 2025, depending on the day
    year = resolved(load(tmp_path / "year", "2025"))
    assert year["Last month"] == (None, None)
    assert year["last year"] == ("2024-01-01", "2024-12-31")


@pytest.mark.parametrize("value", ["0001-01-01", "1600-01-01", "1899-12"])
def test_out_of_range_date_is_one_sentence(tmp_path, value):
    message = error_of(write_corpus(tmp_path, [f"a,a.txt,O,T,{value}"]))
    assert f"row 2 (id 'a'): published '{value}' is not a plausible publication date" in message


@pytest.mark.parametrize("value", ["2025-13", "2025-3", "25", "2025-02-30"])
def test_malformed_partial_date(tmp_path, value):
    message = error_of(write_corpus(tmp_path, [f"a,a.txt,O,T,{value}"]))
    assert f"published '{value}' is not a date in the form YYYY-MM-DD, YYYY-MM or YYYY" in message
