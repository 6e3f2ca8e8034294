"""Prose from the data: the sentences each notebook states come from the corpus in hand,
checked on the bundled corpus and on a small corpus of hand-written test articles."""
from __future__ import annotations

import warnings

import pytest

import kursk_analysis as ka
from kursk_analysis.analyses import comparison, prose, rhetoric, timeline
from kursk_analysis import paths
from kursk_analysis.extract import sourcing
from kursk_analysis.workbook.params import check_parameters

BUNDLED_ONLY = ["Reuters", "New York Post", "CNN", "NBC", "Spokesman", "Gerasimov", "Sudzha"]


def conclusions(corpus, params):
    selected = comparison.select(corpus, params)
    overview = comparison.outlet_overview(selected, params)
    evidence = comparison.fact_evidence(selected)
    source = prose.source_conclusions(selected, overview, evidence, comparison.reuse_pairs(selected),
                                      comparison.attribution_table(selected))
    table = timeline.figure_table(corpus)
    baseline = timeline.choose_baseline(table, params.baseline_km2)
    held = timeline.held_areas(timeline.select_figures(table, params), baseline, params.unit)
    reference = timeline.reference_held(timeline.select_reference(ka.reference_figures(), params), baseline,
                                        params.unit)
    territory = prose.territory_conclusions(held, baseline, timeline.headline(held, baseline),
                                            timeline.compare_with_reference(held, reference),
                                            timeline.select_events(timeline.events(corpus), params))
    stance_rows = rhetoric.select(ka.stances(corpus), params, date="date", actor="actor")
    reliance = rhetoric.anonymous_reliance(rhetoric.select(
        rhetoric.with_outlets(sourcing.sourcing_summary(corpus), corpus.articles), params, date="published"))
    actors = prose.rhetoric_conclusions(stance_rows, rhetoric.headline_numbers(stance_rows, reliance), reliance)
    return "\n".join([prose.describe_corpus(corpus, params), *source, *territory, *actors])


def test_bundled_corpus(corpus):
    text = conclusions(corpus, check_parameters())
    assert "This notebook describes 5 articles from 5 outlets" in text
    assert "**Reuters (000) and New York Post (001) share the most text**: 63 words" in text
    assert "**500 sq mi (1,295 km²)**" in text and "94% to 96%" in text
    assert "**First to assert the encirclement: Valery Gerasimov, on 2025-03-12.**" in text
    assert "2 days after the first assertion" in text


def test_another_corpus_says_nothing_about_the_bundled_one():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ka.CorpusWarning)
        corpus = ka.load_corpus(paths.ROOT / "tests" / "fixtures" / "figures" / "articles.csv")
    text = conclusions(corpus, check_parameters(start="2025-03-01"))
    assert f"describes {len(corpus.articles)} articles" in text
    assert not [phrase for phrase in BUNDLED_ONLY if phrase in text]


@pytest.mark.parametrize("undated", ["keep", "drop"])
def test_the_period_and_its_undated_rows_are_stated(corpus, undated):
    text = prose.describe_corpus(corpus, check_parameters(start="2025-03-01", undated=undated))
    assert f"period 2025-03-01 to open, rows it cannot place {'kept' if undated == 'keep' else 'left out'}" in text
