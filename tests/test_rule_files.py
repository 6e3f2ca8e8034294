"""The smaller rule files (rules/events.yaml, rules/boilerplate.yaml): the bundled ones
load, and a malformed entry is a RuleError naming the file and the entry."""
from __future__ import annotations

import pytest

from kursk_analysis import lexicon
from kursk_analysis.corpus.boilerplate import classify_paragraphs
from kursk_analysis.errors import RuleError


def test_the_bundled_events_load_and_a_malformed_event_is_named(tmp_path):
    assert [e.event for e in lexicon.event_cues()] == ["incursion", "aid_pause", "sudzha_retaken", "putin_trump_call"]
    bad = tmp_path / "events.yaml"
    for body, message in (
        ("events:\n  - {name: a, label: A, cue: '(open'}\n", r"event 1 \(a\) cue '\(open' is not a valid regular expression"),
        ("events:\n  - {name: a, label: A}\n", "event 1 must have exactly a name, a label and a cue"),
        ("events:\n  - {name: a, label: A, cue: x}\n  - {name: a, label: B, cue: y}\n", "event 2 needs a name of its own"),
        ("happenings: []\n", "must hold one non-empty list, 'events'"),
    ):
        bad.write_text(body, encoding="utf-8")
        lexicon.event_cues.cache_clear()
        with pytest.raises(RuleError, match=message):
            lexicon.event_cues(str(bad))
    lexicon.event_cues.cache_clear()


def test_the_bundled_boilerplate_rules_name_what_they_set_aside():
    assert [name for name, _ in lexicon.boilerplate_rules()] == [
        "page footer", "wire credit", "update note", "dateline header", "photo caption"]
    chunks = ["The brigade withdrew to new positions on Friday, officers said.",
              "Reporting by A. Writer; editing by B. Editor", "Photo: a street in the town"]
    assert classify_paragraphs(chunks, "") == [None, "wire credit", "photo caption"]


@pytest.mark.parametrize("body, message", [
    ("rules: []\n", "'rules' is empty"),
    ("footers: []\n", "must hold one list, 'rules'"),
    ("rules:\n  - {name: credit, pattern: '(by'}\n", r"'rules' entry 1 \(credit\) '\(by' is not a valid regular expression"),
    ("rules:\n  - {name: credit}\n", "'rules' entry 1 must have exactly a name and a pattern"),
])
def test_a_malformed_boilerplate_file_is_named(tmp_path, body, message):
    bad = tmp_path / "boilerplate.yaml"
    bad.write_text(body, encoding="utf-8")
    with pytest.raises(RuleError, match=message):
        lexicon.boilerplate_rules(str(bad))


def test_the_bundled_date_words_give_every_month_and_day():
    words = lexicon.date_words()
    assert [m["number"] for m in words["months"].values()] == list(range(1, 13))
    assert words["weekdays"][0] == "Monday" and words["seasons"]["fall"] == 9


@pytest.mark.parametrize("change, message", [
    (lambda d: d["months"].pop("May"), "must give each month 1-12 once"),
    (lambda d: d["months"]["March"].update(forms=["Mar.", "March"]), "month 'March' needs a number and forms, its full name first"),
    (lambda d: d.update(weekdays=d["weekdays"][:6]), "must list the seven days"),
    (lambda d: d["number_words"].update(two="2"), "'number_words' must map words to whole numbers"),
    (lambda d: d["future_cues"].append("(will"), r"'future_cues' entry \d+ '\(will' is not a valid regular expression"),
])
def test_a_malformed_date_words_file_is_named(tmp_path, change, message):
    with pytest.raises(RuleError, match=message):
        lexicon.date_words(_changed_copy(tmp_path, "date_words.yaml", change))


def _changed_copy(tmp_path, name: str, change) -> str:
    """The bundled rule file ``name``, changed by ``change`` (on its parsed YAML), written
    to ``tmp_path``; returns its path."""
    import yaml

    data = yaml.safe_load((lexicon.RULES / name).read_text(encoding="utf-8"))
    change(data)
    copy = tmp_path / name
    copy.write_text(yaml.safe_dump(data), encoding="utf-8")
    return str(copy)


def test_the_bundled_territory_cues_load_in_the_order_they_are_tried():
    cues = lexicon.territory_cues()
    assert list(cues["directions"]) == ["retaken", "lost", "seized", "held"]
    assert "territor(?:y|ies)" in cues["territory_nouns"]


@pytest.mark.parametrize("change, message", [
    (lambda d: d["directions"].pop("lost"), "'directions' must have exactly retaken, lost, seized, held"),
    (lambda d: d.update(now=[]), "'now' must be a non-empty list of patterns"),
    (lambda d: d["held_adjective"].pop("nouns"), "'held_adjective' must have words and nouns"),
    (lambda d: d["directions"]["held"].append("hold(s"), r"'directions: held' entry \d+ 'hold\(s' is not a valid"),
])
def test_a_malformed_territory_cue_file_is_named(tmp_path, change, message):
    with pytest.raises(RuleError, match=message):
        lexicon.territory_cues(_changed_copy(tmp_path, "territory_cues.yaml", change))


def test_the_bundled_first_names_and_a_malformed_file(tmp_path):
    names = lexicon.first_names()
    assert names["Iryna"] == "f" and names["Mark"] == "m" and "Sasha" not in names  # borne by both: neither
    bad = tmp_path / "first_names.yaml"
    for body, message in (
        ("female: [Anna]\nmale: [Anna]\n", "'Anna' is in both lists"),
        ("female: [anna]\nmale: [Ivan]\n", r"'female' entry 1 \('anna'\) must be one capitalised word"),
        ("female: [Anna Maria]\nmale: [Ivan]\n", "must be one capitalised word"),
        ("women: [Anna]\n", "must hold exactly two lists, 'female' and 'male'"),
    ):
        bad.write_text(body, encoding="utf-8")
        with pytest.raises(RuleError, match=message):
            lexicon.first_names(str(bad))
