"""The one reporting-verb lexicon (rules/reporting_verbs.yaml): it loads and validates, and
it is what quotes, framing and figures match. Texts are written for these tests."""
from __future__ import annotations

import re

import pytest

from kursk_analysis import lexicon
from kursk_analysis.extract import figures, framing, quotes
from kursk_analysis.lexicon import RuleError


def test_every_extractor_reads_the_one_lexicon():
    verbs, _ = lexicon.reporting_verbs()
    by_lemma = {verb.lemma: verb for verb in verbs}
    assert framing.VERBS == {v.lemma: (v.register, v.forms) for v in verbs if "framing" in v.uses}
    assert framing.NOUN_LIKE == {v.lemma for v in verbs if v.noun_like}
    assert quotes.VERBS == lexicon.verb_alternatives("quotes")
    assert figures._SAY == lexicon.verb_alternatives("figures")
    # a verb the three share is spelled once
    assert {"quotes", "framing", "figures"} <= by_lemma["say"].uses


def test_quotes_leave_out_a_noun_like_base_form_framing_and_figures_keep_it():
    said = re.compile(rf"(?<![\w'])(?:{quotes.VERBS})(?!\w)")
    assert said.search("the officials' call was short") is None
    assert said.search("Kyiv calls the claim false")
    assert re.search(rf"\b(?:{figures._SAY})\b", "analysts estimate")
    assert "estimate" in framing.VERBS["estimate"][1]


def test_a_verb_added_to_the_file_reaches_each_use_it_names(tmp_path):
    path = tmp_path / "verbs.yaml"
    path.write_text("verbs:\n  murmur:\n    register: neutral\n    forms: [murmured, murmurs]\n"
                    "    uses: [quotes, framing]\npatterns:\n  - name: put it\n    pattern: put it at\n"
                    "    uses: [figures]\n", encoding="utf-8")
    assert lexicon.verb_alternatives("quotes", str(path)) == "murmur(?:ed|s)"
    assert lexicon.verb_alternatives("figures", str(path)) == "put it at"


def test_the_forms_are_one_trie_that_matches_what_their_plain_alternation_matches():
    """The forms grouped by their beginnings (quicker to scan) match the same words as the
    alternation of the forms longest first, preferring the same one where two could match
    ("pointed out" over "pointed"), a space matching any white space."""
    assert lexicon.trie_regex(["said", "says", "say", "stated"]) == "s(?:a(?:id|y(?:s)?)|tated)"
    text = ("Kyiv pointed out that the claim was false; she pointed  out the map, then pointed at it. "
            "He says, they said, she is saying, it was stated and restated; according to Kyiv, "
            "the ministry acknowledged what it acknowledges. Putin claimed, claims and reclaimed.")
    verbs, patterns = lexicon.reporting_verbs()
    for use in lexicon.VERB_USES:
        forms = sorted({form for verb in verbs if use in verb.uses for form in verb.forms
                        if use != "quotes" or not (verb.noun_like and form == verb.lemma)},
                       key=lambda form: (-len(form), form))
        plain = "|".join(re.escape(form).replace(r"\ ", r"\s+") for form in forms)
        trie = lexicon.trie_regex(forms, space=r"\s+")
        for anchored in (r"(?<![\w'])(?:{})(?!\w)", r"\b(?:{})\b", r"\b(?:{})\s+(?:on\s+)?"):
            spans = [[m.span() for m in re.finditer(anchored.format(alternation), text)]
                     for alternation in (plain, trie)]
            assert spans[0] == spans[1] and spans[0], (use, anchored)
    found = [m.group() for m in re.finditer(rf"(?<![\w'])(?:{quotes.VERBS})(?!\w)", text)]
    assert found[:2] == ["pointed out", "pointed  out"]


@pytest.mark.parametrize("body,message", [
    ("verbs: {}\n", "must hold a mapping 'verbs'"),
    ("verbs:\n  say: {forms: [said], uses: [speech]}\npatterns: []\n", "verb 'say': 'uses' must be"),
    ("verbs:\n  say: {forms: [], uses: [quotes]}\npatterns: []\n", "'forms' must be a non-empty list"),
    ("verbs:\n  say: {forms: [said], uses: [framing]}\npatterns: []\n", "needs a 'register'"),
    ("verbs:\n  say: {forms: [said], uses: [framing], register: rude}\npatterns: []\n", "'register' must be one of"),
    ("verbs:\n  say: {forms: [said], uses: [quotes], tense: past}\npatterns: []\n", "nothing else"),
    ("verbs:\n  say: {forms: [said], uses: [quotes]}\n  tell: {forms: [said], uses: [quotes]}\npatterns: []\n",
     "'said' is already a form of 'say'"),
    ("verbs: {}\npatterns:\n  - {name: x, pattern: \"put (\", uses: [figures]}\n", "not a valid regular expression"),
    ("verbs: {}\npatterns:\n  - {name: x, uses: [figures]}\n", "exactly a name, a pattern and uses"),
])
def test_a_malformed_lexicon_names_the_file_and_the_entry(tmp_path, body, message):
    path = tmp_path / "verbs.yaml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(RuleError, match=message) as error:
        lexicon.reporting_verbs(str(path))
    assert str(path) in str(error.value)
