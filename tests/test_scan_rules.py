"""The scanning rules of the time-expression, territory and speech-frame extractors, one sentence each
(sentences written for these tests), beside the gold tests: each rule finds its span and
names itself in the row's ``rule`` column."""
from __future__ import annotations

import pytest

from kursk_analysis.corpus.text import fold
from kursk_analysis.extract import figures, timex
from kursk_analysis.extract.spans import longest_first, rows_by


@pytest.mark.parametrize("sentence, text, rule", [
    ("The brigade pulled back on March 12, 2025, officers said.", "March 12, 2025", "month-first date"),
    ("The convoy left on 14 March 2025 at dawn.", "14 March 2025", "day-first date"),
    ("A bulletin dated 2025-03-14 listed the villages.", "2025-03-14", "ISO date"),
    ("The border has been tense since 2014, residents said.", "since 2014", "year"),
    ("Officials met again last Monday in the capital.", "last Monday", "weekday"),
    ("The ministry repeated the claim two days ago.", "two days ago", "relative expression"),
])
def test_each_time_rule_finds_its_expression(sentence, text, rule):
    found = [(sentence[s:e], name) for s, e, _, _, name in timex._scan(fold(sentence))]
    assert (text, rule) in found


def test_every_time_rule_is_named_once():
    names = [name for name, _ in timex.SCAN_RULES]
    assert len(names) == len(set(names)) == 6


@pytest.mark.parametrize("sentence, text, rule", [
    ("Its forces still held about 300 square miles near the town.", "about 300 square miles", "area"),
    ("The zone shrank from about 900 square kilometres to less than 100.", "less than 100", "area, unit carried"),
    ("Moscow said it had retaken 86% of the territory.", "86%", "percent share"),
    ("The ministry says it has retaken 64 pct of the land.", "64 pct", "percent share"),
    ("The ministry said half of the seized land was back under its control.", "half", "fraction share"),
])
def test_each_territory_rule_finds_its_figure(sentence, text, rule):
    found = [(sentence[s:e], name) for s, e, *_, name in figures._scan_territory(fold(sentence))]
    assert (text, rule) in found


def test_rows_by_gives_what_groupby_indices_gives():
    import pandas as pd

    frame = pd.DataFrame({"key": pd.Series(["b", "a", "b", "c", "a", "b"], dtype="str")})
    expected = frame.groupby("key", sort=False).indices
    found = rows_by(frame["key"])
    assert list(found) == list(expected) == ["b", "a", "c"]
    assert {k: list(v) for k, v in expected.items()} == found
    assert rows_by(frame["key"].iloc[:0]) == {} and rows_by(["x"]) == {"x": [0]}


def test_longest_first_keeps_the_longer_of_overlapping_spans_and_the_first_of_equals():
    hits = [(10, 18, "March 14"), (10, 24, "March 14, 2025"), (30, 34, "a"), (30, 34, "b"), (32, 40, "c")]
    assert longest_first(hits) == [(10, 24, "March 14, 2025"), (30, 34, "a")]


FRAME_SENTENCES = {  # written for these tests
    "name": "Vladimir Putin's claim about the encircled units was repeated on Friday.",
    "capital": "Moscow's claim that the units were trapped was dismissed by analysts.",
    "pronoun": "Donald Trump spoke on Friday, and his claim spread quickly.",
    "bynoun": "Statements by Russian officials that the units were trapped were false.",
    "verb": "Volodymyr Zelensky said the units had pulled back.",
    "inverted": "The units had pulled back, said Oleksandr Syrskyi.",
    "passive": "Moscow's claim that the units were trapped was dismissed by analysts.",
}


@pytest.fixture(scope="module")
def frames(tmp_path_factory):
    import kursk_analysis as ka

    folder = tmp_path_factory.mktemp("frames")
    rows = ["id,file,outlet,headline,published"]
    for key, sentence in FRAME_SENTENCES.items():
        (folder / f"{key}.txt").write_text(sentence + "\n", encoding="utf-8")
        rows.append(f"{key},{key}.txt,Test Wire,A headline,2025-03-14")
    (folder / "articles.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return ka.speech_frames(ka.load_corpus(folder / "articles.csv", corrections=""))


@pytest.mark.parametrize("key, verb, actor, frame", [
    ("name", "claim", "Vladimir Putin", "possessive"),          # _name_possessives
    ("capital", "claim", "Russian government", "possessive"),   # _capital_possessives
    ("pronoun", "claim", "Donald Trump", "possessive"),         # _pronoun_possessives
    ("bynoun", "Statements", "Russian officials", "possessive"),  # _by_noun_frames
    ("verb", "said", "Volodymyr Zelensky", "verb"),             # _verb_frames
    ("inverted", "said", "Oleksandr Syrskyi", "inverted"),
    ("passive", "dismissed", "analysts", "passive"),
])
def test_each_frame_rule_finds_its_speaker(frames, key, verb, actor, frame):
    rows = frames[frames["article_id"] == key]
    assert (verb, actor, frame) in set(zip(rows["verb"], rows["actor"], rows["frame"]))


def test_the_possessive_rules_are_tried_in_order():
    from kursk_analysis.extract import quotes

    assert [rule.__name__ for rule in quotes.POSSESSIVE_RULES] == [
        "_name_possessives", "_capital_possessives", "_pronoun_possessives", "_by_noun_frames"]
