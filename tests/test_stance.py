"""Stances on the encirclement claim, scored against hand-written gold (tests/gold/stances.csv)."""
from __future__ import annotations

import pandas as pd
import pytest

from extraction_gold import corpora, report, score_stances
from kursk_analysis.stance import claim_terms, denies_in, stances


def test_stances_against_gold():
    scores = score_stances(stances)
    print("\n" + report("stances (encirclement)", scores))
    assert scores["precision"] >= 0.8
    assert scores["recall"] >= 0.8
    assert scores["date_accuracy"] >= 0.8


@pytest.mark.parametrize("which", [0, 1])
def test_rows_point_into_the_raw_text(which):
    corpus = corpora()[which]
    table = stances(corpus)
    assert {"article_id", "actor", "stance", "sentence_id", "start", "end", "evidence",
            "date", "date_basis"} <= set(table.columns)
    assert set(table["stance"].astype(str)) <= {"asserts", "denies"}
    assert table["date"].dtype == "datetime64[ns]"
    for row in table.itertuples():
        assert corpus.texts[row.article_id][row.start:row.end] == row.evidence


def test_specific_readings():
    seeds, fixtures = corpora()
    table = stances(seeds)
    got = set(zip(table["article_id"], table["actor"], table["stance"].astype(str)))
    # claim holders named by "contrary to assertions made by ..." assert
    assert ("000", "Donald Trump", "asserts") in got and ("000", "Vladimir Putin", "asserts") in got
    # "Ukraine denied ..." is the Ukrainian government
    assert ("002", "Ukrainian government", "denies") in got
    # predictions are not claims: 003 only says troops "risk being encircled"
    assert not (table["article_id"] == "003").any()
    putin = table[(table["article_id"] == "000") & (table["actor"] == "Vladimir Putin")]
    assert pd.Timestamp("2025-03-13") in set(putin["date"])
    # no publication date: no date is guessed
    fx2 = stances(fixtures).query("article_id == 'fx2'")
    assert fx2["date"].isna().all()


def test_hedges_and_denials():
    assert claim_terms("troops risk being encircled", __import__("re").compile("encircled"))[0][2]
    from kursk_analysis.stance import CLAIMS
    term = CLAIMS["encirclement"]
    assert claim_terms("they could be surrounded", term)[0][2]
    assert claim_terms("almost completely surrounded", term)[0][2]
    assert not claim_terms("there is no threat of encirclement", term)[0][2]
    text = "they are not surrounded"
    assert denies_in(text, claim_terms(text, term))
    text = "troops are completely surrounded"
    assert not denies_in(text, claim_terms(text, term))


def test_unknown_claim_is_an_error():
    with pytest.raises(ValueError, match="Unknown claim"):
        stances(corpora()[0], claim="victory")
