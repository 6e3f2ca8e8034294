"""Verbs of attribution and leads, checked against a gold list made by reading the seeds.

tests/gold/attribution_verbs.csv lists, sentence by sentence, every verb (and "according
to") by which an article attributes a statement, view or finding to a source, read in the
analysed sentences of the five seeds. Out of scope by that reading: nouns ("claims",
"reports"), words inside quotation marks (the speaker's, not the outlet's), "declined to
comment", "did not respond", "pointed to", "reportedly" (an adverb).
"""
from __future__ import annotations

from collections import Counter

import pandas as pd
import pytest

from kursk_analysis import load_corpus, paths
from kursk_analysis.extract.framing import (
    COLUMNS, LEAD_COLUMNS, REGISTERS, _matches, attribution_counts, attribution_verbs, leads,
)

GOLD = paths.ROOT / "tests" / "gold" / "attribution_verbs.csv"


@pytest.fixture(scope="module")
def seeds():
    return load_corpus()


def _bag(frame: pd.DataFrame) -> Counter:
    return Counter(zip(frame["sentence_id"], frame["verb"].str.casefold()))


def test_precision_and_recall_against_gold(seeds):
    gold = pd.read_csv(GOLD, dtype=str)
    found = attribution_verbs(seeds)
    expected, got = _bag(gold), _bag(found)
    hits = sum((expected & got).values())
    precision, recall = hits / sum(got.values()), hits / sum(expected.values())
    print(f"attribution verbs: {sum(got.values())} found, {sum(expected.values())} gold, "
          f"precision {precision:.3f}, recall {recall:.3f}; "
          f"false {sorted((got - expected).elements())}, missed {sorted((expected - got).elements())}")
    assert precision >= 0.9
    assert recall >= 0.9


def test_lemma_and_register_agree_with_gold(seeds):
    gold = pd.read_csv(GOLD, dtype=str).drop_duplicates(["sentence_id", "verb"])
    found = attribution_verbs(seeds).drop_duplicates(["sentence_id", "verb"])
    both = gold.merge(found, on=["sentence_id", "verb"], suffixes=("_gold", ""))
    assert len(both) >= 0.9 * len(gold)
    assert (both["lemma"] == both["lemma_gold"]).all()
    assert (both["register"].astype(str) == both["register_gold"]).all()


def test_columns_offsets_and_order(seeds):
    verbs = attribution_verbs(seeds)
    assert list(verbs.columns) == COLUMNS
    assert verbs["register"].dtype == REGISTERS
    assert verbs[["start", "end"]].dtypes.eq("int64").all()
    for row in verbs.itertuples():
        assert seeds.texts[row.article_id][row.start:row.end] == row.verb
    sentence_order = {s: i for i, s in enumerate(seeds.sentences["sentence_id"])}
    keys = list(zip(verbs["sentence_id"].map(sentence_order), verbs["start"]))
    assert keys == sorted(keys)


def test_post_uses_more_loaded_verbs_than_reuters(seeds):
    counts = attribution_counts(seeds).set_index(["article_id", "register"])["n"]
    assert counts[("001", "loaded")] >= 4          # touted, claimed, slammed, floated, hailed
    assert counts[("001", "loaded")] > counts[("000", "loaded")]
    assert counts[("004", "loaded")] == 3          # CNN: Gerasimov "claimed", three times
    assert counts[("003", "loaded")] == 0
    assert len(counts) == 5 * 3


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("\u201cReports of the alleged \u2018encirclement\u2019 are false,\u201d the staff said.",
         ["said"]),
        ("Intelligence reports from both agencies indicate that they remain operational.",
         ["indicate"]),
        ("Putin said Thursday that he isn\u2019t familiar with a reported proposal.", ["said"]),
        ("Zelenskiy has refuted claims that forces are encircled, calling it a distortion.",
         ["refuted", "calling"]),
        ("Trump has continued to claim that forces are encircled.", ["claim"]),
        ("Reuters reports that the town fell.", ["reports"]),
        ("He appeared on state television in the United States.", []),
        ("The new information echos The Post\u2019s reporting earlier this month.", []),
        ("She called the minister late on Friday.", []),
        ("But we have really not seen an effort,\u201d she said.", ["said"]),
        ("Officials said, according  to the statement, that talks will resume.",
         ["said", "according  to"]),
    ],
)
def test_rules_on_single_sentences(sentence, expected):
    assert [verb for _, _, verb, _ in _matches(sentence)] == expected


def test_leads(seeds):
    table = leads(seeds)
    assert list(table.columns) == LEAD_COLUMNS
    assert list(table["id"]) == list(seeds.articles["id"])
    for row in table.itertuples():
        raw = seeds.texts[row.id]
        assert raw[row.lead_start:row.lead_end] == row.lead
        assert raw[row.paragraph_start:row.paragraph_end] == row.lead_paragraph
        assert row.lead_paragraph.startswith(row.lead)
    by_id = table.set_index("id")
    assert by_id.loc["002", "lead"].startswith("Russian forces have almost completely surrounded")
    assert by_id.loc["002", "headline"].startswith("Russian forces closing in")
    # The CNN entry's dateline header is not its lead.
    assert by_id.loc["004", "lead"].startswith("Ukraine\u2019s plan of using Russia\u2019s Kursk")
    assert table["published"].dtype == "datetime64[ns]"
