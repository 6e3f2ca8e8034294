"""The pipeline as declared (kursk_analysis.pipeline.STEPS) is the pipeline that runs."""
from __future__ import annotations

import re

import pytest

import kursk_analysis as ka
from kursk_analysis import paths, pipeline
from kursk_analysis.analyses import rhetoric
from kursk_analysis.extract import framing, reuse, sourcing

TABLES = (ka.actors, ka.quotes, ka.time_expressions, ka.territory_figures, ka.quantities, ka.stances,
          sourcing.sources, framing.attribution_verbs, framing.attribution_counts, framing.leads,
          reuse.duplicate_articles, reuse.shared_passages, reuse.reuse_matrix, rhetoric.reported_speech)


def _observed(corpus) -> set:
    with pipeline.trace() as edges:
        for table in TABLES:
            table(corpus)
    return edges


def _declared() -> set:
    return {(step.name, need) for step in pipeline.STEPS for need in step.needs}


def test_every_step_needs_what_it_declares_and_nothing_else():
    corpus = ka.load_corpus(corrections="")
    assert _observed(corpus) == _declared()
    assert {key.split("[")[0] for key in corpus._memo} == set(pipeline.BY_NAME)  # every step ran


@pytest.mark.filterwarnings("ignore::kursk_analysis.corpus.model.CorpusWarning")  # undated on purpose
@pytest.mark.parametrize("manifest", ["extraction", "other_outlets"])
def test_other_corpora_ask_for_no_undeclared_step(manifest):
    corpus = ka.load_corpus(paths.ROOT / "tests" / "fixtures" / manifest / "articles.csv")
    assert _observed(corpus) <= _declared()


def test_steps_are_ordered_after_what_they_need():
    order = pipeline.order()
    assert sorted(order) == sorted(pipeline.BY_NAME)
    for step in pipeline.STEPS:
        assert all(order.index(need) < order.index(step.name) for need in step.needs), step.name


def test_a_step_is_computed_once_per_corpus_and_variant():
    corpus = ka.load_corpus(corrections="")
    calls = []
    first = pipeline.memo(corpus, "leads", lambda: calls.append(1) or "table")
    again = pipeline.memo(corpus, "leads", lambda: calls.append(2) or "other")
    assert first == again == "table" and calls == [1]
    assert pipeline.memo(corpus, "leads", lambda: "variant", variant="x") == "variant"
    with pytest.raises(KeyError, match="'headlines' is not a step"):
        pipeline.memo(corpus, "headlines", lambda: None)


def test_the_readme_draws_the_pipeline_as_declared():
    readme = (paths.ROOT / "README.md").read_text(encoding="utf-8")
    drawn = re.search(r"```mermaid\n(.*?)\n```", readme, re.S)
    assert drawn and drawn.group(1) == pipeline.mermaid()
