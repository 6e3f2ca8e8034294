"""Quotations and their speakers, scored against hand-written gold (tests/gold/quotes.csv)."""
from __future__ import annotations

import pytest

from extraction_gold import corpora, report, score_quotes
from kursk_analysis.quotes import quote_kind, quote_spans, quotes, speech_frames
from kursk_analysis.text import fold


def test_quotes_against_gold():
    scores = score_quotes(quotes)
    print("\n" + report("quotes", scores))
    assert scores["recall"] >= 0.9
    assert scores["precision"] >= 0.9
    assert scores["speaker_named_quotes"] >= 0.85
    assert scores["kind_accuracy"] >= 0.9


@pytest.mark.parametrize("which", [0, 1])
def test_rows_point_into_the_raw_text(which):
    corpus = corpora()[which]
    table = quotes(corpus)
    assert list(table.columns)[:8] == ["article_id", "sentence_id", "start", "end", "quote",
                                       "speaker", "speaker_text", "kind"]
    for row in table.itertuples():
        assert corpus.texts[row.article_id][row.start:row.end] == row.quote
        sentence = corpus.sentences.set_index("sentence_id").loc[row.sentence_id]
        assert sentence["start"] <= row.start < sentence["end"]
    assert table.equals(table.sort_values(["article_id", "start"]).reset_index(drop=True))
    frames = speech_frames(corpus)
    for row in frames[frames["subject_start"] >= 0].itertuples():
        assert corpus.texts[row.article_id][row.subject_start:row.subject_end] == row.subject_text


def test_same_corpus_same_rows():
    corpus = corpora()[0]
    from kursk_analysis.quotes import _compute
    again = _compute(corpus)[0]
    assert again.equals(quotes(corpus))


@pytest.mark.parametrize("text, expected", [
    ("He said “we won” today.", ["we won"]),
    ('He said "we won" and "they lost."', ["we won", "they lost."]),
    ("“Reports of the alleged ‘encirclement’ are false,” it said.",
     ["Reports of the alleged ‘encirclement’ are false,"]),
    ("She called it ‘propaganda for the talks’. The soldiers’ lives matter.",
     ["propaganda for the talks"]),
    ('He said: "It is open', ["It is open"]),
    ("The troops' position isn't 'hopeless', he said.", ["hopeless"]),
])
def test_quote_marks(text, expected):
    spans = quote_spans(text, fold(text), 0, len(text))
    assert [text[s:e] for _, s, e, _ in spans] == expected


@pytest.mark.parametrize("text, kind", [
    ("encircled", "scare"), ("surrender or die", "scare"), ("completely surrounded.", "scare"),
    ("Yes.", "quote"), ("reasons to be cautiously optimistic", "quote"),
])
def test_quote_kind(text, kind):
    assert quote_kind(text) == kind
