"""Key facts as data (rules/facts.yaml): the bundled file, a researcher's own, and clear
errors for malformed entries."""
from __future__ import annotations

import pandas as pd
import pytest

import kursk_analysis as ka
from kursk_analysis import paths
from kursk_analysis.analyses import comparison, facts
from kursk_analysis.errors import RuleError
from kursk_analysis.extract.actors import SIDES


def test_the_bundled_facts_load_and_name_actors_of_the_gazetteer():
    bundled = facts.load_facts()
    assert [f.name for f in bundled] == [f.name for f in comparison.FACTS] and len(bundled) == 23
    canonical = set(pd.read_csv(paths.DATA / "actors.csv", dtype=str)["actor"])
    named = facts.named_actors()
    assert named and all(actor in canonical for actors in named.values() for actor in actors), named
    sources = {f.name: f.source for f in bundled}
    assert sources["prisoners"] == "quantities + sentence" and sources["casualties"] == "quantities"
    assert "Russia" in SIDES


ARTICLE = (
    "Officials in Kyiv said on Tuesday that 1,200 soldiers had been taken prisoner since the spring.\n\n"
    "\"Nobody is encircled,\" the commander said.\n\n"
    "The town of Korenevo was retaken by Russian units, the ministry said.\n"
)


def _corpus(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "articles.csv").write_text(
        "id,file,outlet,headline,published\na1,a.txt,Test Wire,Prisoners counted,2025-03-18\n", encoding="utf-8")
    return ka.load_corpus(tmp_path / "articles.csv", corrections="")


def _facts(tmp_path, body: str, words: str = "") -> tuple:
    path = tmp_path / "facts.yaml"
    path.write_text(f"words:\n  troops: '\\bsoldiers\\b'\n  retake: '\\bretaken\\b'\n{words}facts:\n{body}",
                    encoding="utf-8")
    facts.load_facts.cache_clear()
    return facts.load_facts(path)


@pytest.mark.parametrize("find, evidence", [
    ("{kind: count, what: troops, sentence: [troops]}", "1,200 soldiers"),
    ("{kind: sentence, match: retake}", "retaken"),
    ("{kind: quote, pattern: 'nobody is encircled'}", "Nobody is encircled, \u2014 (unknown)"),
])
def test_a_researchers_own_fact_finds_its_sentence(tmp_path, find, evidence):
    own = _facts(tmp_path, f"  - name: own_fact\n    label: Own\n    rule: own rule\n    find: {find}\n")
    found = comparison.fact_evidence(_corpus(tmp_path), facts=own)
    assert list(found["fact"]) == ["own_fact"]
    assert found["evidence"].iloc[0].startswith(evidence.split(" \u2014")[0].rstrip(","))
    assert found["sentence"].iloc[0] in ARTICLE


GOOD = "  - name: f\n    label: L\n    rule: r\n    find: {find}\n"


@pytest.mark.parametrize("find, message", [
    ("{kind: weather}", "'find' needs a kind"),
    ("{kind: count}", "a 'count' finder lacks what"),
    ("{kind: count, what: troops, colour: red}", "has unknown settings colour"),
    ("{kind: count, what: tanks}", "setting 'what' names 'tanks', which is not under 'words'"),
    ("{kind: share, percent: [75]}", "setting 'percent' must be [low, high]"),
    ("{kind: quote, pattern: '(unclosed'}", "is not a valid regular expression"),
    ("{kind: stance, stance: doubts, actors: [X]}", "setting 'stance' must be one of asserts, denies"),
    ("{kind: stance, stance: asserts, sides: [Atlantis]}", "setting 'sides' names Atlantis"),
    ("{kind: dates, from: '2025-02-30', to: 2025-03-01, sentence: [troops]}", "setting 'from' must be a date"),
])
def test_a_malformed_fact_names_the_file_the_fact_and_the_setting(tmp_path, find, message):
    with pytest.raises(RuleError) as error:
        _facts(tmp_path, GOOD.format(find=find))
    assert str(tmp_path / "facts.yaml") in str(error.value) and "fact 1 (f)" in str(error.value)
    assert message in str(error.value)


def test_two_facts_of_one_name_are_refused(tmp_path):
    body = GOOD.format(find="{kind: sentence, match: retake}") * 2
    with pytest.raises(RuleError, match=r"fact 2 \(f\) needs a name of its own"):
        _facts(tmp_path, body)


def test_a_date_yaml_cannot_build_is_a_rule_error_not_a_traceback(tmp_path):
    with pytest.raises(RuleError, match=r"facts.yaml: holds a value YAML cannot read \(day is out of range"):
        _facts(tmp_path, GOOD.format(find="{kind: dates, from: 2025-02-30, to: 2025-03-01, sentence: [troops]}"))

