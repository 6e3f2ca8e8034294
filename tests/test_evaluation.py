"""The evaluation module on a tiny set written here, in the development set's layout."""
from __future__ import annotations

import json

import pandas as pd
import pytest

from kursk_analysis.workbook import evaluation
from kursk_analysis.extract.actors import gazetteer


def _write_set(folder, texts: dict, gold: dict):
    (folder / "articles").mkdir()
    rows = ["id,url,outlet,published,date_basis,headline,words"]
    for aid, text in texts.items():
        (folder / "articles" / f"{aid}.txt").write_text(text, encoding="utf-8")
        rows.append(f"{aid},https://example.org/{aid},Example Daily,2025-03-15,metadata,,"
                    f"{len(text.split())}")
    (folder / "articles.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    (folder / "gold.json").write_text(json.dumps(gold), encoding="utf-8")


TEXT = ("Donald Trump said thousands of Ukrainian soldiers were \u201ccompletely surrounded by "
        "the Russian army\u201d.\n\nThe Ukrainian General Staff denied that any units were "
        "encircled. Ukraine held about 100 square kilometres, the General Staff said.")
GOLD = {"a1": {
    "quotes": [{"quote": "completely surrounded by the Russian army", "speaker": "Trump",
                "speaker_in_text": "Donald Trump"}],
    "territory": [{"text": "about 100 square kilometres", "value_low": 100, "value_high": 100,
                   "unit": "km2", "direction": "held", "as_of": "2025-03-15",
                   "claimant": "Ukraine's General Staff"}],
    "encirclement_stance": [
        {"actor": "Donald Trump", "stance": "asserts", "evidence": "Donald Trump said"},
        {"actor": "Ukraine's military", "stance": "denies", "evidence": "denied"},
    ]}}


def test_scores_on_a_set_read_in_place(tmp_path):
    _write_set(tmp_path, {"a1": TEXT}, GOLD)
    tmp_path.chmod(0o555)  # read-only: nothing is written next to the set
    try:
        corpus, gold = evaluation.load_set(tmp_path)
        scores = evaluation.evaluate(corpus, gold)
    finally:
        tmp_path.chmod(0o755)
    values = {m.name: (m.hits, m.total) for m in scores.measures}
    assert values["quotes recall"] == (1, 1)
    assert values["speaker"] == (1, 1)  # "Trump" and "Donald Trump" are one actor
    assert values["territory recall"] == (1, 1)
    # "Ukraine's military" and the Ukrainian General Staff count as one institution.
    assert values["stance recall"] == (2, 2)
    assert values["stance flipped"][0] == 0


def test_a_flipped_stance_is_a_miss_and_a_false_row(tmp_path):
    _write_set(tmp_path, {"a1": TEXT}, GOLD)
    corpus, gold = evaluation.load_set(tmp_path)
    flipped = pd.DataFrame({"article_id": ["a1"], "actor": ["Donald Trump"],
                            "stance": ["denies"], "evidence": ["made up"]})
    scores = evaluation.evaluate(corpus, gold, stances=flipped)
    assert (scores["stance flipped"].hits, scores["stance precision"].hits) == (1, 0)
    assert scores["stance recall"].hits == 0
    assert any(m["measure"] == "stance flipped" for m in scores.misses)


@pytest.mark.parametrize("found,gold,matches", [
    ("completely surrounded by the Russian army,", "completely surrounded by the Russian army", True),
    ("\u201cThey are surrounded,\u201d", '"they are surrounded,"', True),
    ("a different sentence entirely", "completely surrounded by the Russian army", False),
    ("surrounded", "thousands of troops completely surrounded by the Russian army", False),
])
def test_quote_matching_rule(found, gold, matches):
    assert evaluation.quote_matches(found, gold) is matches


@pytest.mark.parametrize("a,b,same", [
    ("Oleksandr Syrskyi", "Syrsky", True),
    ("Volodymyr Zelensky", "Zelenskiy", True),
    ("Kyiv", "Ukrainian government", True),
    ("Kremlin", "Russian government", True),
    ("Ukrainian General Staff", "Ukraine's military", True),
    ("ISW", "Institute for the Study of War", True),
    ("Spokesperson Dmytro Lykhovii", "Dmytro Lykhovii", True),
    ("Donald Trump", "Vladimir Putin", False),
    ("Ukrainian government", "Ukrainian General Staff", False),
    ("Andriy Yermak", "Andriy Kovalenko", False),
])
def test_actor_matching(a, b, same):
    aliases = evaluation.alias_index(gazetteer())
    assert evaluation.same_actor(a, b, aliases) is same


@pytest.mark.parametrize("speaker,named", [
    ("Donald Trump", True), ("Ukrainian General Staff", True), ("Russian Defense Ministry", True),
    ("Kriegsforscher", True), ("Gulf diplomat", False), ("a senior UK defence source", False),
    ("Western officials", False), ("US officials", False), ("Lithuanian military analysts", False),
    ("", False), ("senior Ukrainian official (anonymous)", False), ("anonymous Russian milblogger", False),
    ("unnamed infantryman", False),
])
def test_which_gold_speakers_name_someone(speaker, named):
    """The README scores speakers only over found quotes whose gold speaker is named."""
    g = gazetteer()
    anonymous = set(g.loc[g["anonymous"], "actor"])
    assert evaluation.named(speaker, evaluation.alias_index(g), anonymous) is named


def test_an_anonymous_gold_speaker_is_not_scored(tmp_path):
    text = "\u201cNobody in those villages is trapped at all,\u201d a Gulf diplomat said."
    gold = {"a1": {"quotes": [{"quote": "Nobody in those villages is trapped at all,",
                               "speaker": "Gulf diplomat", "speaker_in_text": "a Gulf diplomat"}],
                   "territory": [], "encirclement_stance": []}}
    _write_set(tmp_path, {"a1": text}, gold)
    corpus, gold = evaluation.load_set(tmp_path)
    scores = evaluation.evaluate(corpus, gold, families=("quotes",))
    assert (scores["quotes recall"].hits, scores["speaker"].total) == (1, 0)
    # "A military-diplomatic source" and "military-diplomatic source" are one actor.
    assert evaluation.same_actor("A military-diplomatic source", "military-diplomatic source", {})


def test_recorded_results_rewrite_the_readme_table(tmp_path):
    record = {"set": "mini", "articles": 2, "date": "2026-01-02", "command": "python x.py",
              "measures": [{"name": "stance precision", "hits": 3, "total": 4},
                           {"name": "stance flipped", "hits": 0, "total": 0}]}
    results = tmp_path / "results.json"
    results.write_text(json.dumps(record), encoding="utf-8")
    assert evaluation.read_results(results) == record
    assert list(evaluation.results_table(record)["value"].round(2).fillna(-1)) == [0.75, -1]
    readme = tmp_path / "README.md"
    readme.write_text(f"intro\n{evaluation.README_START}\nold\n{evaluation.README_END}\nend\n",
                      encoding="utf-8")
    assert evaluation.write_readme_table(readme, record)
    text = readme.read_text(encoding="utf-8")
    assert "| stance precision | 0.750 | 3 / 4 |" in text and "old" not in text
    assert text.startswith("intro\n") and text.endswith("end\n")
    (tmp_path / "bad.json").write_text(json.dumps({"set": "x"}), encoding="utf-8")
    with pytest.raises(ValueError, match="no 'articles'"):
        evaluation.read_results(tmp_path / "bad.json")


def test_trust_note_reads_the_recorded_figures():
    record = {"set": "mini", "articles": 3, "date": "2026-01-02", "command": "python x.py",
              "measures": [{"name": "stance precision", "hits": 9, "total": 10},
                           {"name": "speaker", "hits": 4, "total": 5}]}
    text, table = evaluation.trust_note(["stance precision"], record)
    assert "3 real articles" in text and "python x.py" in text
    assert list(table["measure"]) == ["stance precision"] and table["out of sample"].iloc[0] == 0.9
    assert table["out of sample: hits / total"].iloc[0] == "9 / 10" and "in sample" not in table
    committed = evaluation.read_results()
    assert committed is not None  # benchmarks/real_coverage.json is part of the repository
    assert set(evaluation.trust_note(["speaker"])[1]["measure"]) == {"speaker"}


def test_in_sample_figures_are_computed_on_the_articles_the_bundled_gold_covers(tmp_path):
    import kursk_analysis as ka
    from extraction_gold import mini_corpus

    bundled = ka.load_corpus()
    text, table = evaluation.trust_note(["stance precision", "speaker"], corpus=bundled)
    assert "computed now on the 5 of this corpus's 5 articles" in text
    scores = evaluation.evaluate(bundled, evaluation.load_gold(evaluation.paths.BUNDLED_GOLD)).table()
    expected = scores.set_index("measure").loc["stance precision"]
    assert table.loc[0, "in sample"] == expected["value"]
    assert table.loc[0, "in sample: hits / total"] == f"{int(expected['hits'])} / {int(expected['total'])}"
    # another corpus, even with the same ids, has no in-sample figures: the texts differ
    other = mini_corpus(tmp_path, {"000": "Vladimir Putin said the troops were surrounded.\n"})
    text, table = evaluation.trust_note(["stance precision"], corpus=other)
    assert "none of this corpus's 1 article is in the bundled gold" in text and "in sample" not in table


def test_a_corpus_the_gold_covers_whole_is_scored_on_its_own_tables():
    """Scored on itself (the tables its notebook extracted already) or on a copy narrowed to
    the same articles (extracted again): the same figures. Only the families asked for are
    extracted and scored."""
    import kursk_analysis as ka
    from kursk_analysis.extract.figures import territory_figures

    bundled = ka.load_corpus()
    gold = evaluation.load_gold(evaluation.paths.BUNDLED_GOLD)
    pd.testing.assert_frame_equal(evaluation.evaluate(bundled, gold).table(),
                                  evaluation.evaluate(bundled.subset(list(bundled.articles["id"])), gold).table())
    fresh = ka.load_corpus()
    territory_figures(fresh)
    extracted = set(fresh._memo)
    text, table = evaluation.trust_note(["territory recall"], corpus=fresh)
    assert set(fresh._memo) == extracted and "stances" not in extracted
    assert table.loc[0, "in sample"] == evaluation.evaluate(bundled, gold)["territory recall"].value
    assert [m.name for m in evaluation.evaluate(bundled, gold, families=["stance"]).measures] == [
        "stance precision", "stance recall", "stance flipped"]
    with pytest.raises(ValueError, match="'stances'"):
        evaluation.evaluate(bundled, gold, families=["stances"])


def _territory_scores(tmp_path, text: str, figure: dict):
    """The territory scores of one article with one gold figure."""
    _write_set(tmp_path, {"a1": text}, {"a1": {"quotes": [], "encirclement_stance": [], "territory": [figure]}})
    corpus, gold = evaluation.load_set(tmp_path)
    return evaluation.evaluate(corpus, gold, families=("territory",))


def test_a_figure_with_no_number_is_not_a_false_row(tmp_path):
    """The README lets an extractor find "a few dozen square kilometres" and scores it apart."""
    text = "Ukraine still holds a few dozen square kilometres there, and Kyiv put it at about 60 square kilometres."
    scores = _territory_scores(tmp_path, text, {
        "text": "about 60 square kilometres", "value_low": 60, "value_high": 60, "unit": "km2",
        "direction": "held", "as_of": "2025-03-15", "claimant": "Kyiv"})
    assert (scores["territory precision"].hits, scores["territory precision"].total) == (1, 1)
    assert bool(evaluation.NO_NUMBER.match("hundreds of square kilometres"))
    assert not evaluation.NO_NUMBER.match("two-thirds") and not evaluation.NO_NUMBER.match("about 300 sq km")


def test_a_figure_with_no_number_the_gold_lists_is_still_found(tmp_path):
    """A set whose gold lists a figure with no number (our own fixtures do) still finds it."""
    text = "Ukraine took hundreds of square kilometres of Kursk in August."
    scores = _territory_scores(tmp_path, text, {
        "text": "hundreds of square kilometres", "value_low": 200, "value_high": 200, "unit": "km2",
        "direction": "seized", "as_of": "2024-08", "claimant": "Example Daily (unattributed)"})
    assert (scores["territory recall"].hits, scores["territory recall"].total) == (1, 1)
    assert (scores["territory precision"].hits, scores["territory precision"].total) == (1, 1)
