"""Claims as data: the bundled encirclement and liberation claims, a researcher's own claim
file, and clear errors for malformed rule files. Texts are written for these tests."""
from __future__ import annotations

import pytest

from extraction_gold import mini_corpus
from kursk_analysis import lexicon
from kursk_analysis.lexicon import RuleError, load_claim
from kursk_analysis.extract.stance import stances

LIBERATION = {
    "l1": ("Valery Gerasimov told Vladimir Putin that Russian forces had fully liberated the "
           "Kursk region and expelled the Ukrainian units.\n\n"
           "The General Staff of the Armed Forces of Ukraine denied that its forces had been "
           "driven out, calling the claim propaganda.\n\n"
           "The weather turned cold. Roads were muddy. Supplies were short.\n\n"
           "Vladimir Putin said Ukrainian troops had been encircled near Sudzha.\n"),
}


def _found(table):
    return set(zip(table["actor"], table["stance"].astype(str)))


def test_the_liberation_claim_ships_and_is_separate(tmp_path):
    corpus = mini_corpus(tmp_path, LIBERATION)
    liberation = _found(stances(corpus, claim="liberation"))
    assert ("Valery Gerasimov", "asserts") in liberation
    assert ("Ukrainian General Staff", "denies") in liberation
    # The encirclement sentence belongs to the other claim only.
    encirclement = _found(stances(corpus))
    assert encirclement == {("Vladimir Putin", "asserts")}
    assert ("Vladimir Putin", "asserts") not in liberation


def test_a_claim_file_of_ones_own(tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    claim_file = rules / "ceasefire.yaml"
    claim_file.write_text(
        "name: ceasefire\n"
        "description: Russia has agreed to a full ceasefire.\n"
        "terms:\n"
        "  - {name: agreed to a ceasefire, pattern: \"agreed to (?:a |the )?(?:full )?ceasefire\"}\n",
        encoding="utf-8")
    corpus = mini_corpus(tmp_path, {"c1": "Donald Trump said Russia had agreed to a full "
                                           "ceasefire. Dmitry Peskov denied that Moscow had "
                                           "agreed to a ceasefire.\n"})
    found = _found(stances(corpus, claim=str(claim_file)))
    assert found == {("Donald Trump", "asserts"), ("Dmitry Peskov", "denies")}
    assert load_claim(str(claim_file)).term_name("agreed to a full ceasefire") == "agreed to a ceasefire"


@pytest.mark.parametrize("body,message", [
    ("name: x\nterms: [{name: a, pattern: \"surround(\"}]\n", "terms' entry 1 \\(a\\).*not a valid regular expression"),
    ("name: x\nterms: [{name: a}]\n", "terms' entry 1 must have exactly a name and a pattern"),
    ("name: x\nterms: []\n", "at least one entry under 'terms'"),
    ("name: x y\nterms: [{name: a, pattern: b}]\n", "'name' must be a short identifier"),
    ("name: x\nterm: [{name: a, pattern: b}]\n", "unknown keys term"),
    ("- just\n- a list\n", "must hold a mapping"),
    ("name: x\nterms: [{name: a, pattern: b}\n", "is not valid YAML"),
    ("name: x\nterms: [{name: a, pattern: b}, {name: a, pattern: c}]\n", "needs a name of its own"),
    ("name: x\nterms: [{name: a, pattern: b}]\nother_troops: [russian]\n", "'other_troops' needs 'troops'"),
    ("name: x\nterms: [{name: a, pattern: b}]\nother_places: \"gaza\"\n", "'other_places' must be a list"),
])
def test_malformed_claim_files_name_file_and_entry(tmp_path, body, message):
    path = tmp_path / "bad.yaml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(RuleError, match=message) as error:
        load_claim(str(path))
    assert str(path) in str(error.value)


def test_unknown_claim_names_the_known_ones():
    with pytest.raises(RuleError, match="known claims: encirclement, liberation"):
        load_claim("victory")


def test_every_bundled_rule_file_loads():
    assert set(lexicon.stance_cues()) == set(lexicon.CUE_FAMILIES)
    for path in sorted(lexicon.CLAIMS.glob("*.yaml")):
        assert load_claim(path.stem).name == path.stem


def test_one_error_family():
    import kursk_analysis as ka

    for error in (ka.CorpusError, ka.GazetteerError, ka.RuleError, ka.ParameterError,
                  ka.ReferenceDataError, ka.RunError):
        assert issubclass(error, ka.KurskError) and issubclass(error, ValueError)
    assert ka.ReferenceDataError is not ReferenceError  # no longer shadows the builtin
