"""Stances on the encirclement claim, scored against hand-written gold (tests/gold/stances.csv
for the seeds and fixtures, tests/gold/other_outlets_stances.csv for the other outlets)."""
from __future__ import annotations

import re

import pandas as pd
import pytest

from extraction_gold import SETS, corpora, corpus_of, mini_corpus, report, score_stances, speaker_by_article, \
    speakers_one_by_one, stance_triples
from kursk_analysis.lexicon import load_claim
from kursk_analysis.extract.quotes import quotes
from kursk_analysis.extract.stance import claim_terms, denies_in, stances

CLAIM = load_claim("encirclement")



def stance_rows(tmp_path, texts: dict) -> set[tuple[str, str, str]]:
    """(article, actor, stance) of every stance in a corpus of the given small articles."""
    table = stances(mini_corpus(tmp_path, texts))
    return set(zip(table["article_id"], table["actor"], table["stance"].astype(str)))



def test_stances_against_gold():
    for name in SETS:
        print("\n" + report(f"stances ({name})", score_stances(stances, name), details=False))
    scores = score_stances(stances)
    print("\n" + report("stances (all gold sets)", scores))
    assert scores["precision"] >= 0.8
    assert scores["recall"] >= 0.8
    assert scores["date_accuracy"] >= 0.8


@pytest.mark.parametrize("which", SETS)
def test_rows_point_into_the_raw_text(which):
    corpus = corpus_of(which)
    table = stances(corpus)
    assert {"article_id", "actor", "stance", "sentence_id", "start", "end", "evidence",
            "date", "date_basis"} <= set(table.columns)
    assert set(table["stance"].astype(str)) <= {"asserts", "denies"}
    assert table["date"].dtype == "datetime64[ns]"
    for row in table.itertuples():
        assert corpus.texts[row.article_id][row.start:row.end] == row.evidence


def test_specific_readings():
    seeds, fixtures = corpora()
    table = stances(seeds)
    got = set(zip(table["article_id"], table["actor"], table["stance"].astype(str)))
    # claim holders named by "contrary to assertions made by ..." assert
    assert ("000", "Donald Trump", "asserts") in got and ("000", "Vladimir Putin", "asserts") in got
    # "Ukraine denied ..." is the Ukrainian government
    assert ("002", "Ukrainian government", "denies") in got
    # predictions are not claims: 003 only says troops "risk being encircled"
    assert not (table["article_id"] == "003").any()
    putin = table[(table["article_id"] == "000") & (table["actor"] == "Vladimir Putin")]
    assert pd.Timestamp("2025-03-13") in set(putin["date"])
    # no publication date: no date is guessed
    fx2 = stances(fixtures).query("article_id == 'fx2'")
    assert fx2["date"].isna().all()


def test_hedges_and_denials():
    term = CLAIM
    assert claim_terms("troops risk being encircled", term)[0][2]
    assert claim_terms("they could be surrounded", term)[0][2]
    assert claim_terms("almost completely surrounded", term)[0][2]
    assert not claim_terms("there is no threat of encirclement", term)[0][2]
    text = "they are not surrounded"
    assert denies_in(text, claim_terms(text, term), term)
    text = "troops are completely surrounded"
    assert not denies_in(text, claim_terms(text, term), term)


def test_unknown_claim_is_an_error():
    with pytest.raises(ValueError, match="Unknown claim"):
        stances(corpora()[0], claim="victory")


@pytest.mark.parametrize("text, denies", [
    ("none of its units in the region were surrounded", True),   # negation opening the clause
    ("We lost vehicles on the road, not people in a cauldron", True),
    ("Encircled? No.", True),                                      # a question answered no
    ("If we were surrounded, I would not be talking to you", True),  # counterfactual
    ("the officials dispute that the troops are encircled", True),
    ("they had seen nothing to support the claim that troops were trapped", True),
    ("the Ukrainian group there is isolated", False),
    ("Russian forces have encircled the Ukrainian group", False),
])
def test_negation_scope(text, denies):
    term = CLAIM
    terms = [t for t in claim_terms(text, term) if not t[2]]
    assert terms and denies_in(text, terms, term) == denies


def test_weak_terms_need_troops():
    term = CLAIM
    assert claim_terms("the enemy group in the region is isolated", term)
    assert not claim_terms("an isolated incident on the border", term)
    # a statement of intent, not a claim: "We will not stay to be surrounded"
    assert all(t[2] for t in claim_terms("we will not stay to be surrounded", term))


HELD_OUT = {
    "s1": ("Kremlin spokesman Dmitry Peskov told reporters the Ukrainian units were blockaded. "
           "Ukraine's defence ministry called that claim baseless.\n\n"
           "According to Valery Gerasimov, the enemy grouping is cut off from its supply lines.\n\n"
           "Those encirclement claims by Kremlin leader Vladimir Putin and by Moscow were "
           "repeated on state television. Independent analysts disagree; the Institute for "
           "the Study of War found no geolocated evidence of an encirclement. Western officials "
           "agree.\n"),
}


def test_general_rules_on_new_wording(tmp_path):
    table = stances(mini_corpus(tmp_path, HELD_OUT))
    got = set(zip(table["actor"], table["stance"].astype(str)))
    assert ("Dmitry Peskov", "asserts") in got              # "blockaded" of units
    assert ("Valery Gerasimov", "asserts") in got           # "According to X, ..."
    assert ("Vladimir Putin", "asserts") in got             # "claims by Kremlin leader X"
    assert ("Russian government", "asserts") in got         # "and by Moscow"
    assert ("Kremlin", "asserts") not in got                # a title, not a holder
    assert ("Institute for the Study of War", "denies") in got
    assert ("Western officials", "denies") in got           # "agree" with the denial before


# Written for these tests: a speaker judging someone else's claim, and a frame that is a
# free relative. Neither may put the speaker on the claim's side.
JUDGED = {
    "j1": "Experts at the Institute for the Study of War said Moscow's reports of a cauldron were not matched by any footage.",
    "j2": "\"Talk of an encirclement is premature,\" Dmitry Peskov said.",
    "j3": "Contrary to what Trump said, the brigades were never encircled, Ukrainian officials said.",
    "j4": "Peskov repeated claims that the Ukrainian units were encircled.",
    "j5": "The Kremlin said reports of an encirclement were accurate, and that the Ukrainian units were surrounded.",
    "j6": "Zelensky said reports of an encirclement were Russian propaganda.",
    "j7": "Russia's defence ministry announced what it called the encirclement of Ukrainian troops near Sudzha.",
}


def test_a_judged_claim_or_a_free_relative_gives_no_assertion(tmp_path):
    table = stances(mini_corpus(tmp_path, JUDGED))
    got = {(a, s, st) for a, s, st in zip(table["article_id"], table["actor"], table["stance"].astype(str))}
    by_article = {aid: {(s, st) for a, s, st in got if a == aid} for aid in JUDGED}
    assert not any(st == "asserts" for _, st in by_article["j1"])     # judged, no denial cue: abstain
    assert not any(st == "asserts" for _, st in by_article["j2"])
    assert ("Donald Trump", "denies") not in by_article["j3"]        # "what Trump said," has no content
    assert ("Dmitry Peskov", "asserts") in by_article["j4"]          # the claim is the verb's object
    assert ("Kremlin", "asserts") in by_article["j5"]                # its own clause still asserts
    assert ("Volodymyr Zelensky", "denies") in by_article["j6"]      # a denial cue decides
    assert ("Russian Defence Ministry", "asserts") in by_article["j7"]  # "what it called X" names X


# Written for these tests: wording that put a speaker on the wrong side of the claim.
WRONG_SIDE = {
    "w1": "While Moscow insisted the Ukrainian brigades were encircled, Kyiv said its units had moved to new lines.",
    "w2": "Dmitry Peskov would not say whether the Ukrainian units were surrounded.",
    "w3": "Asked whether his soldiers were encircled, Zelensky said no.",
    "w4": "Neither the Pentagon nor the Institute for the Study of War found evidence of an encirclement.",
    "w5": "Putin said the Ukrainian brigades were surrounded. Zelensky called that a lie.",
    "w6": "Zelensky's office said the American president had been misled about an encirclement.",
    "w7": "Zelensky said the Russian leader was lying when he claimed the Ukrainian brigades were encircled.",
    "w8": "None of the Ukrainian brigades has been encircled, the ISW said on Friday.",
    "w9": "The brigades are not encircled, the ISW said, citing geolocated footage.",
    "w10": "Zelensky said Moscow was trying to persuade Washington that his brigades were encircled.",
    "w11": "The ISW said it had not observed anything so far to back up Putin's claim that the brigades were encircled.",
    "w12": "Syrskyi rejected that there was any real danger of encirclement for his units.",
    "w13": "Trump went on television to reiterate the Russian leader's claim that the brigades were encircled.",
    "w14": "\"Moscow claims our brigade is encircled. It is not,\" Zelensky said.",
    "w15": "\"They keep saying we are surrounded, but we are still here,\" Syrskyi said.",
    "w16": "\"Moscow would have the world believe our units are surrounded,\" Sybiha said.",
    "w17": "\"Our units are surrounded,\" Zelensky said.",
    "w18": "Peskov said no one could deny that the Ukrainian brigades were encircled.",
    "w19": "Putin said there was no doubt the Ukrainian brigades were cut off.",
    "w20": "Zelensky said it was absurd to claim that his brigades were surrounded.",
    "w21": "The ISW said the Russians had failed to encircle the Ukrainian brigades.",
    "w22": "Ukraine's army said its withdrawal had prevented an encirclement.",
    "w23": "Moscow says it has encircled two Ukrainian brigades, a claim Kyiv firmly rejects.",
    "w24": ("The ISW said it had found no sign of an encirclement. It added that the Russian "
            "claims were meant to sway Washington."),
    "w25": "Putin said the Ukrainian brigades were encircled. The ISW said those claims did not fit the maps.",
    "w26": "Putin said the Ukrainian brigades were encircled. Peskov made the same claim a day later.",
    "w27": "Kyiv denied that its brigades were encircled. The Kremlin dismissed that denial.",
    "w28": "Trump said he had read reports that the brigades were surrounded but could not confirm them.",
    "w29": "The General Staff of Ukraine said the encirclement threat near Sudzha had passed.",
    "w30": "Russia's claims of an encirclement are false, Zelensky's adviser Mykhailo Podolyak said.",
    "w31": "Rubio said Washington had no intelligence confirming that the brigades were encircled.",
    "w32": "Zelensky said Putin's \"encirclement\" was pure fantasy.",
    "w33": "Peskov dismissed Kyiv's denials, saying the brigades were \"in a cauldron.\"",
    "w34": "Syrskyi said that the Russians had claimed an encirclement before and been proved wrong.",
    "w35": "Peskov said he could not rule out that the Ukrainian brigades were surrounded.",
    "w36": "Syrskyi said he could not rule out a danger of encirclement for two brigades.",
}


def test_wording_that_put_speakers_on_the_wrong_side(tmp_path):
    got = stance_rows(tmp_path, WRONG_SIDE)
    assert ("w1", "Russian government", "asserts") in got
    assert ("w1", "Ukrainian government", "asserts") not in got   # the opening clause is Moscow's
    assert not any(a == "w2" for a, _, _ in got)                   # a question is not a claim
    assert ("w3", "Volodymyr Zelensky", "asserts") not in got
    assert ("w4", "Institute for the Study of War", "asserts") not in got  # a negated frame
    assert ("w5", "Vladimir Putin", "asserts") in got
    assert ("w5", "Volodymyr Zelensky", "denies") in got           # "called that a lie"
    assert ("w6", "Office of the President of Ukraine", "denies") in got  # "misled about"
    assert ("w6", "Office of the President of Ukraine", "asserts") not in got
    assert ("w7", "Volodymyr Zelensky", "denies") in got             # "he" is not Zelensky
    assert ("w7", "Volodymyr Zelensky", "asserts") not in got
    assert ("w8", "Institute for the Study of War", "denies") in got  # ", the ISW said"
    assert {actor for a, actor, _ in got if a == "w9"} == {"Institute for the Study of War"}  # not the footage
    assert ("w10", "Volodymyr Zelensky", "asserts") not in got     # an attempt to persuade
    assert ("w11", "Vladimir Putin", "asserts") in got              # the holder of the claim
    assert ("w11", "Institute for the Study of War", "asserts") not in got  # another's claim
    assert ("w12", "Oleksandr Syrskyi", "denies") in got            # a rejected danger
    assert ("w13", "Donald Trump", "asserts") in got                # repeating the claim
    # A third party's claim inside a quotation, or the wish that others believe it, is
    # not the speaker's; a speaker's own words still are.
    assert ("w14", "Volodymyr Zelensky", "asserts") not in got
    assert ("w15", "Oleksandr Syrskyi", "asserts") not in got
    assert ("w16", "Andrii Sybiha", "asserts") not in got
    assert ("w17", "Volodymyr Zelensky", "asserts") in got
    # Negations that affirm, and a denial by way of a verb of saying.
    assert ("w18", "Dmitry Peskov", "asserts") in got and ("w18", "Dmitry Peskov", "denies") not in got
    assert ("w19", "Vladimir Putin", "asserts") in got and ("w19", "Vladimir Putin", "denies") not in got
    assert ("w20", "Volodymyr Zelensky", "denies") in got
    # A failed or prevented encirclement is no claim that there is one.
    assert not any(a in ("w21", "w22") and st == "asserts" for a, _, st in got)
    # An apposition naming the claim as someone else's ends the speaker's words.
    assert ("w23", "Russian government", "asserts") in got and ("w23", "Russian government", "denies") not in got
    # A sentence that judges the claim it refers back to does not make it.
    assert ("w24", "Institute for the Study of War", "asserts") not in got
    assert ("w24", "Institute for the Study of War", "denies") in got
    assert ("w25", "Institute for the Study of War", "asserts") not in got  # judged, not taken up
    assert ("w26", "Dmitry Peskov", "asserts") in got                # "made the same claim"
    assert ("w27", "Kremlin", "denies") not in got                  # a denied denial
    assert ("w28", "Donald Trump", "asserts") not in got            # vouches for nothing
    assert not any(a == "w29" and st == "asserts" for a, _, st in got)  # "encirclement threat"
    assert ("w30", "Mykhailo Podolyak", "denies") in got            # "..., X's adviser Y said"
    assert ("w31", "Marco Rubio", "asserts") not in got             # "no intelligence confirming"
    assert ("w32", "Volodymyr Zelensky", "denies") in got           # "a fantasy"
    assert ("w32", "Volodymyr Zelensky", "asserts") not in got
    assert ("w33", "Dmitry Peskov", "asserts") in got                # dismissing a denial
    assert ("w33", "Dmitry Peskov", "denies") not in got
    assert ("w34", "Oleksandr Syrskyi", "asserts") not in got       # the Russians' claim
    assert ("w35", "Dmitry Peskov", "asserts") not in got           # a possibility
    assert not any(a == "w36" for a, _, _ in got)                    # a danger not ruled out


# Written for this test: wordings from coverage the devset lacks that put a speaker on the
# wrong side of the claim (or on one side when they take none).
UNSEEN = {
    "u1": "\"Our brigades are not encircled,\" according to a statement from Ukraine's General Staff.",
    "u2": "The General Staff of Ukraine said reports that its brigades were encircled did not correspond to reality.",
    "u3": "\"The cauldron the Kremlin keeps describing does not exist,\" Kovalenko said.",
    "u4": "Zelensky said Putin was talking about an imaginary encirclement.",
    "u5": "Michael Kofman said Trump was simply wrong that the brigades were surrounded.",
    "u6": "\"Kyiv says there is no encirclement, but its men are giving up,\" Zakharova said.",
    "u7": "\"They tell you we are surrounded, but that is not the case,\" Syrskyi said.",
    "u8": "Asked by reporters about the encirclement near Sudzha, Zelensky said he would not comment.",
    "u9": "Rubio called the front difficult but stopped short of saying the brigades were surrounded.",
    "u10": "Open-source maps and statements from analysts show no large Ukrainian group surrounded.",
    "u11": "Kyiv rejected claims by Donald Trump that its brigades were trapped.",
}


def test_wording_from_unseen_coverage(tmp_path):
    got = stance_rows(tmp_path, UNSEEN)
    assert ("u1", "Ukrainian General Staff", "asserts") not in got    # a statement is no claim
    assert ("u2", "Ukrainian General Staff", "denies") in got
    assert ("u3", "Andriy Kovalenko", "denies") in got                # "does not exist"
    assert ("u4", "Volodymyr Zelensky", "denies") in got              # "imaginary"
    assert ("u5", "Michael Kofman", "denies") in got                  # "was wrong"
    assert ("u6", "Maria Zakharova", "denies") not in got             # Kyiv's denial, relayed
    assert ("u7", "Oleksandr Syrskyi", "denies") in got               # answered: "not the case"
    assert not any(a in ("u8", "u9") for a, _, _ in got)               # a question; not saying it
    assert not any(a == "u10" and st == "asserts" for a, _, st in got)
    assert ("u11", "Ukrainian government", "denies") in got
    assert ("u11", "Donald Trump", "asserts") in got


# Written for this test: who a pronoun and a noun of saying belong to.
WHOSE = {
    "h1": ("Zelensky said the Russian claims were false. Kremlin spokesman Dmitry Peskov met "
           "journalists on Friday. \"The Ukrainian group is completely surrounded,\" he said."),
    "h2": ("Rob Lee wrote that the units were not encircled. Russian war correspondent Alexander "
           "Kots was less cautious. He wrote that the soldiers were already in a cauldron."),
    "h3": "Ukraine's army rejected Russian reports that its brigades had been encircled.",
    "h4": ("Kyiv rejected claims by Donald Trump that its brigades were trapped, as the Kremlin "
           "said it was studying the ceasefire plan."),
}


def test_whose_words_a_pronoun_or_a_noun_of_saying_are(tmp_path):
    got = stance_rows(tmp_path, WHOSE)
    assert ("h1", "Dmitry Peskov", "asserts") in got          # "he" is the titled person
    assert ("h1", "Volodymyr Zelensky", "asserts") not in got
    assert ("h2", "Alexander Kots", "asserts") in got         # a role before the name
    assert ("h2", "Rob Lee", "asserts") not in got
    assert ("h3", "Ukrainian military", "asserts") not in got  # "Russian reports" is a noun
    assert ("h3", "Ukrainian military", "denies") in got
    assert not any(a == "h4" and actor == "Kremlin" for a, actor, _ in got)  # an aside with its own clause


# Written for this test: a denier named in a relative clause or an apposition.
RELATIVE = {
    "r1": "Trump said the brigades were surrounded by Russian forces, a claim Kyiv rejected.",
    "r2": "Putin said the Ukrainians were cut off, which Ukraine's General Staff has flatly denied.",
    "r3": "Zelensky, who has denied that his brigades are surrounded, accused Putin of lying.",
    "r4": "Kyiv said its brigades were not encircled, which Moscow disputed.",
}


def test_a_denier_in_a_relative_clause(tmp_path):
    got = stance_rows(tmp_path, RELATIVE)
    assert ("r1", "Ukrainian government", "denies") in got and ("r1", "Donald Trump", "asserts") in got
    assert ("r2", "Ukrainian General Staff", "denies") in got
    assert ("r3", "Volodymyr Zelensky", "denies") in got
    assert ("r4", "Russian government", "denies") not in got        # it disputes a denial


# Written for this test: the October 2024 wording, a hypothetical frame, an opening
# question clause before the subject, and a third party telling.
MORE = {
    "m1": "Putin said about 2,000 Ukrainian soldiers had been blocked near the border.",
    "m2": "Syrskyi said no Ukrainian units were blocked. Engineers said the roads were blocked by snow.",
    "m3": ("The ISW wrote that it had not seen any geolocated footage that would indicate that "
           "Russian forces encircled Ukrainian brigades."),
    "m4": ("Zelensky said the Russian claims were lies. When asked about the encirclement, Kremlin "
           "spokesman Dmitry Peskov referred reporters to the defence ministry, which, he said, had "
           "told the president that the Ukrainian group was surrounded."),
    "m5": "\"Kyiv keeps telling its people there is no encirclement,\" Zakharova said.",
}


def test_blocked_troops_a_hypothetical_frame_and_an_opening_question(tmp_path):
    got = stance_rows(tmp_path, MORE)
    assert ("m1", "Vladimir Putin", "asserts") in got                # troops "had been blocked"
    assert ("m2", "Oleksandr Syrskyi", "denies") in got
    assert not any(a == "m2" and st == "asserts" for a, _, st in got)  # roads, not troops
    assert ("m3", "Institute for the Study of War", "denies") in got
    assert not any(a == "m3" and st == "asserts" for a, _, st in got)  # what footage would show
    assert ("m4", "Volodymyr Zelensky", "asserts") not in got        # "he" is Peskov
    assert ("m5", "Maria Zakharova", "denies") not in got            # Kyiv's denial, relayed


def test_a_quotation_read_where_it_first_holds_the_claim(tmp_path):
    """Written for this test: the claim's words only in the second sentence of a quotation."""
    corpus = mini_corpus(tmp_path, {"k1": "Kovalenko wrote on Telegram: \"Once again they spread fakes. "
                                           "Our brigades are not surrounded.\" He said nothing more."})
    table = stances(corpus)
    got = set(zip(table["actor"], table["stance"].astype(str)))
    assert got == {("Andriy Kovalenko", "denies")}


# Written for this test: judged reports, conditions contrary to fact, an escape, a question.
JUDGED_MORE = {
    "n1": "Syrskyi said reports that Ukrainian brigades were encircled were groundless.",
    "n2": "Kellogg said there was no indication that the brigades were surrounded.",
    "n3": "If the brigades were really surrounded, we would know about it, Syrskyi said.",
    "n4": "Had the brigades been encircled, Moscow would have shown videos, Michael Kofman said.",
    "n5": "Syrskyi said the brigades had escaped encirclement.",
    "n6": "Syrskyi was asked about the Russian reports of an encirclement.",
    "n7": "Putin said the brigades had reportedly been encircled.",
}


def test_judged_reports_counterfactuals_and_escapes(tmp_path):
    got = stance_rows(tmp_path, JUDGED_MORE)
    assert ("n1", "Oleksandr Syrskyi", "denies") in got
    assert ("n2", "Keith Kellogg", "denies") in got
    assert not any(a in ("n3", "n4", "n5", "n6") and st == "asserts" for a, _, st in got)
    assert ("n7", "Vladimir Putin", "asserts") in got                 # "had reportedly been" is no condition


# Written for this test: titles before names the gazetteer lacks, a 'had not been' that
# is no condition, and reports of nothing found.
TITLED = {
    "p1": "Finnish President Alexander Stubb told reporters he had seen no sign that the brigades were surrounded.",
    "p2": "Belarusian President Alexander Lukashenko said the Ukrainian group was sitting in a cauldron.",
    "p3": "Zelensky said his brigades had not been encircled.",
    "p4": "U.S. intelligence agencies did not assess that the brigades were surrounded, according to two U.S. officials.",
    "p5": "Mick Ryan said some units may well have been cut off, but \"there is no evidence of a large encirclement.\"",
}


def test_titled_names_and_nothing_found(tmp_path):
    got = stance_rows(tmp_path, TITLED)
    assert ("p1", "Alexander Stubb", "denies") in got                # the name, not its title
    assert ("p2", "Alexander Lukashenko", "asserts") in got
    assert ("p3", "Volodymyr Zelensky", "denies") in got
    assert ("p4", "U.S. officials", "asserts") not in got
    assert ("p5", "Mick Ryan", "asserts") not in got                 # "may well have been"
    assert ("p5", "Mick Ryan", "denies") in got


# Written for this test: the claim in a quoted "blocked", "in complete isolation", and a
# machine-translated "boiler".
WORDINGS = {
    "q1": "The Russian Defence Ministry claimed that the Ukrainian grouping in Kursk Oblast was \"blocked\".",
    "q2": "The group of Ukrainian forces that invaded the region is in complete isolation, Putin said.",
    "q3": "Putin stated that the Ukrainian grouping in the region is located in the boiler.",
    "q4": "Syrskyi said the village was in complete isolation from the power grid.",
    "q5": "The ministry said Russian forces have blocked the main road near the town.",
}


def test_more_wordings_of_the_claim(tmp_path):
    got = stance_rows(tmp_path, WORDINGS)
    assert ("q1", "Russian Defence Ministry", "asserts") in got
    assert ("q2", "Vladimir Putin", "asserts") in got
    assert ("q3", "Vladimir Putin", "asserts") in got
    assert not any(a == "q4" for a, _, _ in got)                     # a village, not troops
    assert not any(a == "q5" for a, _, _ in got)                     # troops blocking: active


# Written for this test: a frame in the middle of its words, denials by comparison, a
# refusal, a progressive denial by another actor, and accented names.
MIDDLE = {
    "x1": "The encirclement, Zelensky said, is a lie.",
    "x2": "Far from being encircled, our brigades are holding their positions, Syrskyi said.",
    "x3": "Claims that the brigades are encircled do not square with the facts, Michael Kofman said.",
    "x4": "Michael Kofman said encirclement was too strong a word for what was happening.",
    "x5": "Peskov said Zelensky refuses to admit that his brigades are surrounded.",
    "x6": "Zakharova said Kyiv was denying the obvious fact that its brigades were encircled.",
    "x7": "Putin said the brigades, far from the border, were surrounded.",
    "x8": "\"Encirclement is a strong word,\" Radosław Sikorski said.",
}


def test_a_frame_in_the_middle_and_denials_by_comparison(tmp_path):
    got = stance_rows(tmp_path, MIDDLE)
    assert ("x1", "Volodymyr Zelensky", "denies") in got and ("x1", "Volodymyr Zelensky", "asserts") not in got
    assert ("x2", "Oleksandr Syrskyi", "denies") in got
    assert ("x3", "Michael Kofman", "denies") in got
    assert ("x4", "Michael Kofman", "denies") in got
    assert ("x5", "Volodymyr Zelensky", "asserts") not in got        # a refusal says nothing
    assert ("x6", "Maria Zakharova", "denies") not in got            # Kyiv's denial, not hers
    assert ("x7", "Vladimir Putin", "asserts") in got                # "far from the border"
    assert ("x8", "Radosław Sikorski", "denies") in got


# Written for this test (fourth round): a negated agreement, "not consistent with", "but
# that" going on with the speaker's words, the ISW's "not observed any evidence", and the
# antecedent of a relative clause as the speaker.
FOURTH = {
    "v1": "Putin said the Ukrainian brigades were surrounded. Western analysts do not agree.",
    "v2": "Trump said the brigades were surrounded. Ukraine's General Staff said his claim was not consistent with the facts.",
    "v3": "Syrskyi said the situation was difficult but that his brigades were not surrounded.",
    "v4": "ISW has not observed any evidence that Russian forces have encircled Ukrainian brigades.",
    "v5": ("Zelensky dismissed claims that his brigades are surrounded. The dispute followed a post by "
           "Donald Trump, in which he said the brigades were completely surrounded."),
    "v6": "The appeal came from Donald Trump, who said thousands of Ukrainian brigades were surrounded.",
    "v7": "Putin said the Ukrainian force in the region was in complete isolation.",
}


def test_fourth_round_wordings(tmp_path):
    got = stance_rows(tmp_path, FOURTH)
    assert not any(a == "v1" and actor == "analysts" for a, actor, _ in got)
    assert ("v2", "Ukrainian General Staff", "denies") in got
    assert ("v3", "Oleksandr Syrskyi", "denies") in got
    assert ("v4", "Institute for the Study of War", "denies") in got
    assert ("v5", "Donald Trump", "asserts") in got and ("v5", "Volodymyr Zelensky", "asserts") not in got
    assert ("v6", "Donald Trump", "asserts") in got
    assert ("v7", "Vladimir Putin", "asserts") in got


# Written for this test (fifth round): agreement only by those named before the agreeing
# words, an idiom that is no agreement, footage that is no speaker, the high command.
FIFTH = {
    "y1": ("Ukraine's army said there was no threat of encirclement. Putin urged the soldiers to surrender, "
           "promising that they would be treated in line with international law."),
    "y2": ("Ukraine's General Staff said there was no threat of encirclement. Military analysts agreed "
           "with Rybar rather than with Putin."),
    "y3": "The ISW said it had seen no geolocated footage indicating that Ukrainian brigades had been encircled.",
    "y4": "Ukraine's high command said there was no encirclement of its brigades.",
}


def test_fifth_round_wordings(tmp_path):
    got = stance_rows(tmp_path, FIFTH)
    assert not any(a == "y1" and actor == "Vladimir Putin" for a, actor, _ in got)
    assert ("y2", "analysts", "denies") in got
    assert not any(a == "y2" and actor == "Vladimir Putin" for a, actor, _ in got)
    assert ("y3", "Institute for the Study of War", "denies") in got
    assert not any(a == "y3" and st == "asserts" for a, _, st in got)
    assert ("y4", "Ukrainian General Staff", "denies") in got


# Written for this test (sixth round): "agree to" is consent, not agreement; a soldier
# named by his call sign, and a representative with a party tag and an apposition, are the
# "he" of the next quotation.
SIXTH = {
    "z1": "Zelensky said there was no encirclement of Ukrainian brigades. Putin has yet to agree to a ceasefire.",
    "z2": ("Donald Trump said the brigades were surrounded. A drone operator who gave his call sign as Kit "
           "said the roads were under attack. \"But we were not surrounded. We walked out,\" he said."),
    "z3": ("Donald Trump said the brigades were surrounded. Rep. Don Bacon (R-Neb.), a critic of Russia, "
           "pushed back. \"They are not surrounded,\" he wrote."),
}


def test_sixth_round_wordings(tmp_path):
    got = stance_rows(tmp_path, SIXTH)
    assert not any(a == "z1" and actor == "Vladimir Putin" for a, actor, _ in got)
    assert ("z2", "Kit", "denies") in got and ("z2", "Donald Trump", "denies") not in got
    assert ("z3", "Don Bacon", "denies") in got and ("z3", "Donald Trump", "denies") not in got


def test_agreement_by_whom_and_an_apposition_with_the_man(tmp_path):
    """Written for this test: "consistent with the ISW's findings" gives the ISW the stance
    just reported; "Donald Trump, the man who ..., said" is still Trump."""
    corpus = mini_corpus(tmp_path, {
        "g1": ("Zelensky said the brigades were not encircled. This assessment is consistent with the "
               "Institute for the Study of War's findings."),
        "g2": ("Then Donald Trump, the man who is supposed to be brokering a truce, said the brigades "
               "were completely surrounded."),
    })
    table = stances(corpus)
    got = set(zip(table["article_id"], table["actor"], table["stance"].astype(str)))
    assert ("g1", "Institute for the Study of War", "denies") in got
    assert ("g2", "Donald Trump", "asserts") in got


# Written for this test (seventh round of invented coverage): wordings that put speakers on
# the wrong side or on none.
SEVENTH = {
    "s1": ("\"What we saw was a retreat under fire, which is a very different thing from an "
           "encirclement,\" Colonel Jonas Petraitis said."),
    "s2": "The Institute for the Study of War said the footage showed the brigades pulling back rather than trapped.",
    "s3": "\"An encirclement of our brigades never took place,\" General Oleksandr Syrskyi said.",
    "s4": "Putin said the Ukrainians were surrounded. Kyiv flatly denies this.",
    "s5": "Putin said the Ukrainians were surrounded. Kyiv rejected the premise outright.",
    "s6": "Putin said the Ukrainians were surrounded. Zelensky hit back on Friday, branding the claim a lie.",
    "s7": "Kyiv's General Staff has called the claims of encirclement fabricated.",
    "s8": "In a statement on Friday, the General Staff in Kyiv said there was \"no danger of our units being encircled.\"",
    "s9": "Donald Trump says thousands of Ukrainian soldiers are boxed in by Russian forces.",
    "s10": "Putin claimed the brigades were surrounded, a position echoed by U.S. President Donald Trump.",
    "s11": ("Moscow said the brigades were surrounded, a claim rejected at the time by Kyiv and by "
            "Western military analysts."),
    "s12": ("A Canadian volunteer who fought with Ukraine's International Legion rejects claims by "
            "Moscow that Ukrainian soldiers there were trapped."),
    "s13": ("While Russia presses on in the region, trying to drive back Ukrainian units that have "
            "kept part of it since summer, the latter have not been encircled, despite Kremlin claims "
            "amplified by US President Donald Trump, Zelensky told reporters in Kyiv on Saturday."),
    "s14": ("Donald Trump's repeated assertion that the brigades are \"cut off by Russian forces\" "
            "drew scorn from a reporter in Kyiv."),
}


def test_seventh_round_wordings(tmp_path):
    got = stance_rows(tmp_path, SEVENTH)
    for aid, actor in (("s1", "Jonas Petraitis"), ("s2", "Institute for the Study of War"),
                       ("s3", "Oleksandr Syrskyi"), ("s4", "Ukrainian government"),
                       ("s5", "Ukrainian government"), ("s6", "Volodymyr Zelensky"),
                       ("s7", "Ukrainian General Staff"), ("s8", "Ukrainian General Staff"),
                       ("s11", "Ukrainian government"), ("s11", "analysts"),
                       ("s13", "Volodymyr Zelensky")):
        assert (aid, actor, "denies") in got, (aid, actor)
        assert (aid, actor, "asserts") not in got, (aid, actor)
    assert ("s9", "Donald Trump", "asserts") in got
    assert ("s10", "Donald Trump", "asserts") in got
    assert ("s14", "Donald Trump", "asserts") in got    # a participle, not a verb, between
    # the volunteer, not the legion named in his relative clause, rejects; "Ukraine's
    # International Legion rejects claims" is no possessive claim of Ukraine's
    assert not any(a == "s12" and actor in ("International Legion", "Ukrainian government")
                   for a, actor, _ in got)
    assert not any(a == "s8" and actor == "Ukrainian government" for a, actor, _ in got)


def test_a_channel_that_writes_a_boast_and_words_someone_put(tmp_path):
    """Written for this test: "it wrote" after a channel introduced by an apposition is the
    channel; a possessive "boast that ..." holds the claim; "As X put it, ..." gives X the
    words after it."""
    corpus = mini_corpus(tmp_path, {
        "c1": ("The Kremlin said the brigades were encircled. Two Majors, a channel close to the army, "
               "disagreed. \"The brigades are not cut off, whatever Moscow says,\" it wrote."),
        "c2": "Vladimir Putin's boast that the brigades are trapped has been ridiculed in Kyiv.",
        "c3": ("As the commander-in-chief, Oleksandr Syrskyi, put it on Friday, the task was \"to save the "
               "lives of our soldiers,\" not to hold ground."),
    })
    got = stance_triples(corpus)
    assert ("c1", "Two Majors", "denies") in got and ("c1", "Kremlin", "denies") not in got
    assert ("c2", "Vladimir Putin", "asserts") in got
    speakers = speaker_by_article(corpus)
    assert speakers["c1"] == "Two Majors" and speakers["c3"] == "Oleksandr Syrskyi"


def test_eighth_round_wordings(tmp_path):
    """Written for this test: a contrast after a closing quotation mark ends the first
    speaker's clause; "does not describe the situation" denies; a claim someone else holds
    before a tail frame is not the tail speaker's; "in a sack", "penned in"; war
    correspondents are the military bloggers' group."""
    got = stance_rows(tmp_path, {
        "g1": ("The channel Zapadny Front wrote that \"the cauldron at Guevo is sealed,\" while a second "
               "channel, Polevaya Pochta, told subscribers that \"the road to Sumy is still open.\""),
        "g2": "\"Encirclement is a word that does not describe the situation there,\" said Pavel Lind.",
        "g3": "The Kremlin's claim that Ukrainian units are surrounded is not new, analysts pointed out.",
        "g4": "Andrei Kartapolov said that \"the Ukrainians in Kursk are in a sack and cannot get out.\"",
        "g5": "Russian war correspondents have been claiming that Ukrainian units are penned in.",
    })
    assert ("g1", "Zapadny Front", "asserts") in got and ("g1", "Polevaya Pochta", "asserts") not in got
    assert ("g2", "Pavel Lind", "denies") in got and ("g2", "Pavel Lind", "asserts") not in got
    assert ("g3", "Kremlin", "asserts") in got and ("g3", "analysts", "asserts") not in got
    assert ("g4", "Andrei Kartapolov", "asserts") in got
    assert ("g5", "Russian military bloggers", "asserts") in got


def test_the_claim_as_a_topic_and_denials_by_time_and_description(tmp_path):
    """Written for this test: a term naming a story told ("the encirclement story", "the
    audience for the encirclement", "calling it an encirclement") asserts nothing; "there was
    no moment when ..." and "does not describe what is happening" deny; "repeated the
    encirclement claim" still asserts; a capitalised label is no sentence subject."""
    got = stance_rows(tmp_path, {
        "t1": "\"The encirclement story was written for a foreign audience,\" said Rasa Jankauskiene.",
        "t2": "\"There was no moment when thousands of soldiers were cut off,\" Colonel Tomas Vaitkus said.",
        "t3": "\"Calling it an encirclement is political theatre,\" said Nadia Kowalchuk.",
        "t4": ("\"Encirclement is a term with a precise meaning, and it does not describe what is happening "
               "there,\" Kirill Osipov said. \"The audience for the encirclement is one man in Washington.\""),
        "t5": "Putin repeated the encirclement claim on Friday.",
        "t6": ("Peter Szijjarto said the soldiers \"appear to be trapped\".\n\nWHAT NATO THINKS: Lt. Gen. Aart "
               "Verhoeven, the officer who runs intelligence at NATO, was more careful. The units \"are not "
               "encircled today,\" he said."),
    })
    assert not any(a in ("t1", "t3") for a, _, _ in got)
    assert ("t2", "Tomas Vaitkus", "denies") in got and ("t2", "Tomas Vaitkus", "asserts") not in got
    assert ("t4", "Kirill Osipov", "denies") in got and ("t4", "Kirill Osipov", "asserts") not in got
    assert ("t5", "Vladimir Putin", "asserts") in got
    assert ("t6", "Aart Verhoeven", "denies") in got and ("t6", "Peter Szijjarto", "denies") not in got


def test_a_form_in_ing_takes_the_subject_right_before_it(tmp_path):
    """Written for this test: "it had found no footage indicating that ..." gives the
    speaker no second frame (the footage indicates nothing for them); "Russia is
    claiming", "war correspondents have been claiming", "was quoted as saying" and
    "quoted leader X as saying" keep theirs."""
    got = stance_rows(tmp_path, {
        "i1": ("The Institute for the Study of War said on Friday that it had found no geolocated footage "
               "indicating that Ukrainian troops were surrounded."),
        "i2": "Russia is claiming that the Ukrainian troops are surrounded.",
        "i3": "Russian war correspondents have been claiming that Ukrainian units are encircled.",
        "i4": "\"The enemy grouping is in isolation,\" Putin was quoted as saying by the Kremlin.",
    })
    assert ("i1", "Institute for the Study of War", "denies") in got
    assert ("i1", "Institute for the Study of War", "asserts") not in got
    assert ("i2", "Russian government", "asserts") in got
    assert ("i3", "Russian military bloggers", "asserts") in got
    assert ("i4", "Vladimir Putin", "asserts") in got


def test_machine_translated_words_and_a_label_in_quotation_marks(tmp_path):
    """Written for this test: "environment" and "boiler" for an encirclement near troops
    (not a security environment); "whose analysts have said" is the project's; the
    "surrounded" language someone repeats is no claim of theirs."""
    got = stance_rows(tmp_path, {
        "m1": "Ukraine's General Staff said there is no threat of environment of our units in the region.",
        "m2": "Syrskyi said the grouping of the enemy troops had practically fallen into a boiler.",
        "m3": "The minister said the security environment had changed and the troops were safe.",
        "m4": ("DeepState, the Ukrainian mapping project, whose analysts have said the troops were not "
               "encircled, updated its map."),
        "m5": ("Putin said the brigades were trapped. Hnatov added that commentators who repeated the "
               "\"surrounded\" language were doing the Kremlin's work."),
    })
    assert ("m1", "Ukrainian General Staff", "denies") in got
    assert ("m2", "Oleksandr Syrskyi", "asserts") in got
    assert not any(a == "m3" for a, _, _ in got)
    assert ("m4", "DeepState", "denies") in got and not any(actor == "analysts" for _, actor, _ in got)
    assert not any(a == "m5" and actor == "Hnatov" for a, actor, _ in got)


def test_a_relative_clause_with_a_time_phrase_and_a_published_statement(tmp_path):
    """Written for this test: "Putin, who a day earlier had described the force as cut off"
    is Putin's; "The ministry published a statement claiming that ..." is the ministry's."""
    got = stance_rows(tmp_path, {
        "r1": "Putin, who a day earlier had described the Ukrainian force in Kursk as cut off, replied that talks were possible.",
        "r2": "The Russian Defence Ministry published a statement claiming that Ukrainian units were encircled near Sudzha.",
    })
    assert ("r1", "Vladimir Putin", "asserts") in got
    assert ("r2", "Russian Defence Ministry", "asserts") in got


def test_a_claim_the_clause_only_names(tmp_path):
    """Written for this test: "said claims that ... were unfounded" denies (the noun after
    "said" is no second speaker's verb); evidence that "did not support" or "was not borne
    out" denies; a claim only talked about ("spoke to her about the claims that ...") gives
    no side, and "her" before a preposition is no possessive."""
    got = stance_rows(tmp_path, {
        "n1": "The brigade's spokesman, Col. Ivan Dyma, said claims that the brigade was trapped were unfounded.",
        "n2": "Lena Moritz, an imagery analyst, said the pictures did not support the assertion that Ukrainian units were encircled.",
        "n3": "Lena Moritz said Moscow's claim that the units were encircled was not borne out by the imagery.",
        "n4": "Our correspondent Ivo Brandt spoke to her about the claims that Ukrainian troops in Kursk are surrounded.",
    })
    assert ("n1", "Ivan Dyma", "denies") in got
    assert ("n2", "Lena Moritz", "denies") in got and ("n2", "Lena Moritz", "asserts") not in got
    assert ("n3", "Lena Moritz", "denies") in got and ("n3", "Russian government", "asserts") in got
    assert not any(a == "n4" for a, _, _ in got)


def test_round_ten_signs(tmp_path):
    """Written for this test: "nothing he had seen suggested" gives him no second, asserting
    frame; a past counterfactual ("if ... had really been surrounded, ... would have") denies;
    a term in a question, or in what the speaker keeps reading, asserts nothing ("Encircled?
    No." still denies); "a far cry from men in a cauldron" denies; after ", and" a second
    speaker's clause is not the first speaker's; "the leaders of Russia and the United
    States" are not the United States."""
    got = stance_rows(tmp_path, {
        "q1": "Radek Sikorski was asked about it. He said nothing he had seen suggested that any large formation had been cut off.",
        "q2": "Dale Prentice said that if the troops had really been surrounded, Russia would already have released footage of mass surrenders.",
        "q3": "Sergeant Ivan Lys laughed. \"Surrounded? Then how did I drive back to Sumy with my whole crew?\" he said.",
        "q4": "Sergeant Ivan Lys was tired. \"I keep reading that we were surrounded. I wish they had seen the road,\" he said.",
        "q5": "\"Was it hard? Yes. Was it a cauldron? No,\" Ivan Lys said.",
        "q6": "Mikko Halonen said a few squads may have been cut off, but that this was \"a far cry from thousands of men in a cauldron.\"",
        "q7": "Russia's military said it had retaken two villages, and Putin, who toured the area on Wednesday, said the Ukrainian force was isolated.",
        "q8": "The leaders of Russia and the United States said Ukrainian troops there were surrounded.",
    })
    assert ("q1", "Radek Sikorski", "denies") in got and ("q1", "Radek Sikorski", "asserts") not in got
    assert ("q2", "Dale Prentice", "denies") in got and ("q2", "Dale Prentice", "asserts") not in got
    assert not any(a in ("q3", "q4") for a, _, _ in got)
    assert ("q5", "Ivan Lys", "denies") in got
    assert ("q6", "Mikko Halonen", "denies") in got and ("q6", "Mikko Halonen", "asserts") not in got
    assert ("q7", "Vladimir Putin", "asserts") in got and not any(
        a == "q7" and actor != "Vladimir Putin" for a, actor, _ in got)
    assert not any(a == "q8" for a, _, _ in got)


def test_a_presidency_names_its_president_and_a_statement_its_owner(tmp_path):
    """Written for this test: "At the White House, the president ..." is not the Ukrainian
    president named a paragraph earlier; "The US president's post followed. '...,' he
    wrote." is the president's, not the envoy named before."""
    got = stance_rows(tmp_path, {
        "w1": ("Ukraine's president, Volodymyr Zelensky, said there was no encirclement.\n\nAt the White "
               "House on Monday, the president did not back away. \"They were surrounded,\" he told reporters."),
    })
    assert ("w1", "Volodymyr Zelensky", "asserts") not in got
    (tmp_path / "s").mkdir()
    speakers = speaker_by_article(mini_corpus(tmp_path / "s", {
        "w2": ("Steve Witkoff briefed Donald Trump after meeting Vladimir Putin.\n\nThe US president's post "
               "followed within hours. \"I have asked that their lives be spared,\" he wrote."),
    }))
    assert speakers["w2"] == "Donald Trump"


def test_a_ministry_named_by_its_country_and_an_appeal_by_its_owner(tmp_path):
    """Written for this test: "the Polish foreign ministry" is one institution, the Polish
    Foreign Ministry, and takes the side its clause takes; "Trump's appeal, posted on his
    platform on Friday, said" is Trump's words."""
    got = stance_rows(tmp_path, {
        "m1": "The Polish foreign ministry dismissed reports that the troops were encircled as propaganda.",
    })
    assert ("m1", "Polish Foreign Ministry", "denies") in got
    assert not any(a == "m1" and stance == "asserts" for a, _, stance in got)
    (tmp_path / "s").mkdir()
    speakers = speaker_by_article(mini_corpus(tmp_path / "s", {
        "m2": ("Donald Trump wrote to Vladimir Putin on Friday.\n\nTrump's appeal, posted on his platform "
               "on Friday, said that \"thousands of soldiers are in a very bad position.\""),
    }))
    assert speakers["m2"] == "Donald Trump"


def test_a_verb_of_claiming_is_no_named_claim(tmp_path):
    """Written for this test: "has continued to claim that" is the speaker's own claim (the
    verb, not a claim the clause only names), so it asserts."""
    got = stance_rows(tmp_path, {
        "v1": "Donald Trump has continued to claim that the Ukrainian soldiers are encircled.",
    })
    assert ("v1", "Donald Trump", "asserts") in got


def test_holders_named_by_an_aside_an_accusation_or_a_claim_taken_up(tmp_path):
    """Written for this test: "as X claimed" and "as claimed by X" name the claim's holder
    (after a negated claim only before a contrast, "not ..., as X claimed, but ...");
    "claims made last week by X"; "and X repeated the claim" (not after a denial, where
    "the claim" may be the denial); "accused X of lying" gives X the opposite of the
    accuser's stance, and "accused Kyiv of spreading fakes" is no denial by the accuser;
    "in \"complete isolation\"" and "hemmed in" name the claim."""
    got = stance_rows(tmp_path, {
        "h1": "Anna Berg argues the retreat was not an encirclement, as Vladimir Putin claimed, but an orderly withdrawal.",
        "h2": "The agency would not say whether the Ukrainian units had been encircled, as claimed by Vladimir Putin last week.",
        "h3": "The units were not encircled, as Kyiv claimed.",
        "h4": "Satellite images do not show the brigade to be surrounded, contradicting claims made last week by Donald Trump.",
        "h5": "Vladimir Putin has said the Ukrainians were trapped, and Donald Trump repeated the claim on Friday.",
        "h6": "Kyiv said its troops were not surrounded, and Oleksandr Syrskyi repeated the claim.",
        "h7": "Volodymyr Zelensky accused Vladimir Putin of lying, saying the troops had never been cut off.",
        "h8": "Moscow accused Kyiv of spreading fakes, insisting that the Ukrainian group was encircled.",
        "h9": "Vladimir Putin said the Ukrainian group in Kursk was in \"complete isolation\".",
        "h10": "Donald Trump said he had asked for mercy for Ukrainian soldiers he described as hemmed in by Russian forces.",
    })
    assert ("h1", "Vladimir Putin", "asserts") in got and ("h1", "Anna Berg", "denies") in got
    assert ("h2", "Vladimir Putin", "asserts") in got
    assert not any(a == "h3" and stance == "asserts" for a, _, stance in got)
    assert ("h4", "Donald Trump", "asserts") in got
    assert ("h5", "Donald Trump", "asserts") in got
    assert not any(a == "h6" and stance == "asserts" for a, _, stance in got)
    assert ("h7", "Vladimir Putin", "asserts") in got and ("h7", "Volodymyr Zelensky", "denies") in got
    assert ("h8", "Russian government", "asserts") in got and ("h8", "Ukrainian government", "denies") in got
    assert ("h8", "Russian government", "denies") not in got
    assert ("h9", "Vladimir Putin", "asserts") in got
    assert ("h10", "Donald Trump", "asserts") in got


def test_another_sides_troops_or_battle_is_not_the_claim(tmp_path):
    """Written for this test: a term said of the other side's troops (as its object or its
    subject) or of another battle takes no side, and a nearby "rejected reports that ..."
    does not turn into a denial of the claim; the claim's own troops and places stay."""
    got = stance_rows(tmp_path, {
        "o1": "Ukrainian commanders said they had surrounded a group of Russian conscripts east of Sudzha.",
        "o2": "The ministry rejected reports that Russian units near Glushkovo had been encircled.",
        "o3": "\"We remember how Mariupol was encircled,\" Olena Marchuk said.",
        "o4": "Vladimir Putin said Russian forces had encircled the Ukrainian units in Kursk.",
        "o5": "Oleksandr Syrskyi said that, unlike at Pokrovsk, the troops in Kursk were not encircled.",
        "o6": "Russian military analysts said the available evidence pointed to an orderly pullback rather than a trapped army.",
        "o7": "Russian troops said the Ukrainian units near Sudzha were surrounded.",
    })
    assert not any(a in ("o1", "o2", "o3") for a, _, _ in got)
    assert ("o4", "Vladimir Putin", "asserts") in got
    assert ("o5", "Oleksandr Syrskyi", "denies") in got
    assert not any(a == "o6" and stance == "asserts" for a, _, stance in got)
    assert any(a == "o7" and stance == "asserts" for a, _, stance in got)  # the claim's own troops between


def test_an_accusation_of_lying_sets_accuser_and_accused_apart(tmp_path):
    """Written for this test: the accuser takes the side opposite to the accused's stance
    (in the sentence or earlier in the article); without it, the accused takes the side
    opposite to the accuser's."""
    got = stance_rows(tmp_path, {
        "l1": "Zelensky said the troops were not encircled, and Dmitry Peskov accused him of lying.",
        "l2": "Vladimir Putin said the Ukrainian group was cut off.\n\nUkraine's General Staff said there was "
              "no threat of encirclement, and Volodymyr Zelensky accused Mr Putin of lying to the Americans.",
        "l3": "Volodymyr Zelensky accused Vladimir Putin of lying, saying the troops had never been cut off.",
    })
    assert ("l1", "Dmitry Peskov", "asserts") in got and ("l1", "Dmitry Peskov", "denies") not in got
    assert ("l2", "Volodymyr Zelensky", "denies") in got
    assert ("l3", "Vladimir Putin", "asserts") in got


def test_participles_descriptions_and_a_ring(tmp_path):
    """Written for this test: ", after describing ... as trapped" is the sentence subject's;
    inside a speaker's words, what "the Russian side could describe" them as is not the
    speaker's; "not in a ring" denies; a weak term may stand some way from its troops
    ("the Ukrainian grouping in the area of the town of Sudzha, he said, was isolated")."""
    got = stance_rows(tmp_path, {
        "p1": "Donald Trump said he had asked Putin to spare their lives, after describing thousands of "
              "Ukrainian troops as trapped by Russian forces.",
        "p2": "Sokolenko said the road had been under drone fire for weeks, which is why the Russian side "
              "could describe the Ukrainians as cut off.",
        "p3": "\"They were under terrible pressure, but they were not in a ring,\" Ilya Sokolenko said.",
        "p4": "Valery Gerasimov spoke at the command post.\n\nThe Ukrainian grouping in the area of the town "
              "of Sudzha, he said, was now isolated and being destroyed.",
        "p5": "A claim repeated by Donald Trump but rejected by Kyiv and by Western analysts: that the "
              "troops were surrounded.",
        "p6": "Russia insists the Ukrainian troops are surrounded, a claim repeated by Donald Trump but "
              "rejected by Ukraine and by several Western analysts.",
    })
    assert ("p1", "Donald Trump", "asserts") in got
    assert not any(a == "p2" for a, _, _ in got)
    assert ("p3", "Ilya Sokolenko", "denies") in got
    assert ("p4", "Valery Gerasimov", "asserts") in got
    assert ("p6", "Donald Trump", "asserts") in got and ("p6", "Ukrainian government", "denies") in got
    assert ("p6", "analysts", "denies") in got and ("p6", "analysts", "asserts") not in got


def test_speakers_of_bodies_channels_and_posts(tmp_path):
    """Written for this test: "X of the Centre for Y Studies said" is X (and "she" after
    it); "pro-Kremlin Telegram channels" are not the Kremlin; an unnamed retired officer of
    another army is no Ukrainian soldier; "Trump's post, in which he said" is Trump, whoever
    spoke last, and so is "a post by President Donald Trump on Truth Social, in which he
    said"; "Spokesperson for the Joint Forces Viktor Tregubov" is Viktor Tregubov; Dana and
    Paul are first names like any other."""
    speakers = speakers_one_by_one(tmp_path, {
        "b1": "Meenakshi Iyer of the Centre for Eurasian Studies in Kolkata said the claim was overstated.\n\n"
              "\"I would not call it a pocket at all,\" she said.",
        "b2": "Some pro-Kremlin Telegram channels said that \"the last Ukrainian units are finished.\"",
        "b3": "Ukrainian troops pulled back from Sudzha.\n\n\"What we see is a force that is shrinking,\" said a "
              "retired Bundeswehr colonel who now teaches in Potsdam.",
        "b4": "Anna Berg hosts the show.\n\nBerg opens by playing a passage from President Trump's post, in "
              "which he said the troops were \"completely surrounded by the Russian military.\"",
        "b5": "Spokesperson for the Joint Forces Viktor Tregubov said that \"nobody is sitting in a ring.\"",
        "b6": "Pentagon spokesperson Maj. Dana Whitfield spoke on Monday.\n\n\"We are not going to guess where "
              "the line will be,\" Whitfield said.",
        "b7": "\"It is a slow retreat, not a rout,\" said Paul Hendry, a former diplomat.",
        "b8": "Zelensky spoke on Saturday.\n\nIt followed a post by President Donald Trump on Truth Social, in "
              "which he said the troops were \"completely surrounded by the Russian military.\"",
    })
    assert speakers == {"b1": "Meenakshi Iyer", "b2": None, "b3": None, "b4": "Donald Trump",
                        "b5": "Viktor Tregubov", "b6": "Dana Whitfield", "b7": "Paul Hendry",
                        "b8": "Donald Trump"}


def test_words_that_deny_the_claim_without_naming_it(tmp_path):
    """Written for this test: near a sentence that names the claim, "pulled back in good
    order" and "the supply corridor stays open" deny; so does "Kyiv says its units pulled
    back in an organised way" after Moscow's claim in the same sentence; "the last road
    that is still open" denies nothing, and far from the claim nothing is read."""
    got = stance_rows(tmp_path, {
        "i1": "Vladimir Putin said the Ukrainian group was cut off.\n\nUkraine's General Staff said the supply "
              "corridor stays open and that units had pulled back in good order to prepared lines.",
        "i2": "Moscow says the Ukrainians are trapped, while Kyiv says its units have already pulled back in an "
              "organised way.",
        "i3": "Donald Trump said the troops were surrounded.\n\nDmitry Peskov said the last road that is still "
              "open was under fire.",
        "i4": "Ukraine's General Staff said its units had pulled back in good order.",
    })
    assert ("i1", "Ukrainian General Staff", "denies") in got
    assert ("i2", "Ukrainian government", "denies") in got and ("i2", "Russian government", "asserts") in got
    assert not any(a == "i3" and actor == "Dmitry Peskov" for a, actor, _ in got)
    assert not any(a == "i4" for a, _, _ in got)


def test_a_danger_averted_and_the_staff_of_a_commander(tmp_path):
    """Written for this test: "the threat of encirclement had been averted" denies, a threat
    that "remained" takes no side; "the General Staff" after the Ukrainian commander is the
    Ukrainian General Staff."""
    got = stance_rows(tmp_path, {
        "d1": "Oleksandr Syrskyi said his troops had moved to better positions and that the threat of "
              "encirclement had been averted in time.",
        "d2": "Oleksandr Syrskyi said the threat of encirclement remained high.",
        "d3": "Its top commander, Oleksandr Syrskyi, said on Tuesday that there was no threat of encirclement, "
              "and the General Staff repeated on Friday that reports of surrounded units were false.",
        "d4": "Ukraine's top military commander said his troops were in no danger of being encircled.",
    })
    assert ("d1", "Oleksandr Syrskyi", "denies") in got
    assert not any(a == "d2" for a, _, _ in got)
    assert ("d3", "Ukrainian General Staff", "denies") in got
    assert ("d4", "Oleksandr Syrskyi", "denies") in got  # a gazetteer alias


def test_first_names_call_signs_and_quote_labels(tmp_path):
    """Written for this test: one-word names introduced as features introduce them ("asked
    to be identified only as Dmytro", "said Nina, a retired schoolteacher", "Olha, a combat
    medic who asked that her surname not be used" - a request for anonymity is no speech),
    "a 27-year-old infantryman who goes by the call sign Grizzly", and a "Quote from X:"
    label; "an encirclement that is not there" denies."""
    speakers = speakers_one_by_one(tmp_path, {
        "f1": "A sergeant who asked to be identified only as Dmytro described the first days. \"We went in "
              "fast,\" he said.",
        "f2": "\"They took everything we had,\" said Nina, a retired schoolteacher who would give only her first name.",
        "f3": "Olha, a combat medic who asked that her surname not be used, was blunter. \"We were never in a "
              "ring,\" she said.",
        "f4": "\"We walked out at night,\" said a 27-year-old infantryman who goes by the call sign Grizzly.",
        "f5": "Andriy Kovalenko heads the centre.\n\nQuote from Kovalenko: \"They show maps of an encirclement "
              "that is not there.\"",
    })
    assert speakers == {"f1": "Dmytro", "f2": "Nina", "f3": "Olha", "f4": "Grizzly", "f5": "Andriy Kovalenko"}
    (tmp_path / "s").mkdir()
    got = stance_rows(tmp_path / "s", {"f5": "Andriy Kovalenko heads the centre.\n\nQuote from Kovalenko: \"They "
                                             "show maps of an encirclement that is not there.\""})
    assert got == {("f5", "Andriy Kovalenko", "denies")}


def test_round_twelve_signs(tmp_path):
    """Written for this test: a second participle's agent holds the claim too ("claims made
    by Putin and repeated by Trump"); a claim named after "despite" is not the speaker's; a
    possessive noun's claim stops where another speaker's frame begins ("His remarks came
    a day after Trump wrote that ..."); "a distorted account of supposedly encircled troops"
    denies; "seen nothing to indicate that ..." asserts nothing."""
    got = stance_rows(tmp_path, {
        "t1": "Oleksandr Syrskyi said his forces face no threat of being surrounded, contradicting claims made "
              "last week by Vladimir Putin and repeated by Donald Trump.",
        "t2": "Ukraine's army chief said his troops were still fighting, despite repeated Russian claims that the "
              "Ukrainian force there had been trapped.",
        "t3": "Volodymyr Zelensky spoke in Kyiv.\n\nHis remarks came a day after Donald Trump wrote that "
              "thousands of Ukrainian soldiers were surrounded.",
        "t4": "Andrii Sybiha said Russia was handing the Americans a distorted account of supposedly encircled troops.",
        "t5": "Britain's Ministry of Defence said it had seen nothing to indicate that a large Ukrainian force "
              "had been encircled.",
    })
    assert ("t1", "Donald Trump", "asserts") in got and ("t1", "Donald Trump", "denies") not in got
    assert not any(a == "t2" and stance == "asserts" for a, _, stance in got)
    assert ("t3", "Donald Trump", "asserts") in got and ("t3", "Volodymyr Zelensky", "asserts") not in got
    assert ("t4", "Andrii Sybiha", "denies") in got and ("t4", "Andrii Sybiha", "asserts") not in got
    assert not any(a == "t5" and stance == "asserts" for a, _, stance in got)


def test_names_with_particles_hyphens_family_names_first_and_retired_titles(tmp_path):
    """Written for this test: "said Maarten de Vries", "said Dae-jung Park", "Lee Ji-hoon ...
    Lee said" (family name first), "said Maj. Gen. (retd) Rajiv Bhandari"; "the Odesa-based
    Black Sea Strategic Group" is no one's name, so "Anton Rudnyk of ... said" is Rudnyk."""
    speakers = speakers_one_by_one(tmp_path, {
        "n1": "\"We looked for a pocket and found none,\" said Maarten de Vries, one of the group's founders.",
        "n2": "\"They changed their tactics in March,\" said Dae-jung Park, who studies the North Korean army.",
        "n3": "Lee Ji-hoon, a researcher at the institute, spoke on Monday.\n\n\"In January they attacked in "
              "the open,\" Lee said.",
        "n4": "\"Both sides are exaggerating,\" said Maj. Gen. (retd) Rajiv Bhandari, now a senior fellow.",
        "n5": "Anton Rudnyk of the Odesa-based Black Sea Strategic Group said that \"both sides want the "
              "figures to look better than they are.\"",
    })
    assert speakers == {"n1": "Maarten de Vries", "n2": "Dae-jung Park", "n3": "Lee Ji-hoon",
                        "n4": "Rajiv Bhandari", "n5": "Anton Rudnyk"}


def test_a_denial_of_a_denial_asserts(tmp_path):
    """Written for this test: calling someone's statements that the troops were not
    surrounded "a lie", and "keeps denying the obvious: ... are encircled" in a quotation,
    assert (the one said to deny the obvious still denies); the
    speaker's own statement ("said in a statement that there was no threat of encirclement
    and called the reports false") still denies."""
    got = stance_rows(tmp_path, {
        "x1": "Maria Zakharova called statements by Kyiv that its troops were not surrounded \"a pathetic lie.\"",
        "x2": "\"The Kyiv regime keeps denying the obvious: its units in Kursk are encircled,\" Maria Zakharova said.",
        "x4": "Maria Zakharova said Kyiv keeps denying the obvious: its units in Kursk are encircled.",
        "x3": "Ukraine's General Staff said in a statement that there was no threat of encirclement and "
              "described the reports as \"false and fabricated.\"",
    })
    assert ("x1", "Maria Zakharova", "asserts") in got and ("x1", "Maria Zakharova", "denies") not in got
    assert ("x2", "Maria Zakharova", "asserts") in got and ("x2", "Maria Zakharova", "denies") not in got
    assert ("x3", "Ukrainian General Staff", "denies") in got
    assert ("x4", "Ukrainian government", "denies") in got  # the frame's own verb denies
    assert ("x4", "Ukrainian government", "asserts") not in got


def test_in_someones_words(tmp_path):
    """Written for this test: "In Syrskyi's words, there is no threat of encirclement" is
    Syrskyi's denial; "Syrskyi's words" elsewhere ("Syrskyi's words were cautious") is no
    frame of its own."""
    got = stance_rows(tmp_path, {
        "w1": "Oleksandr Syrskyi spoke on Sunday.\n\nIn Syrskyi's words, there is no threat of encirclement of our units.",
        "w2": "Oleksandr Syrskyi spoke on Sunday.\n\nSyrskyi's words were cautious, and Russia says the units are surrounded.",
    })
    assert ("w1", "Oleksandr Syrskyi", "denies") in got
    assert not any(a == "w2" and actor == "Oleksandr Syrskyi" for a, actor, _ in got)


def test_thirteenth_round_signs(tmp_path):
    """Written for this test, one construction each that gave a stance of the wrong sign on
    fresh coverage: a passive "was agreed" is no agreement; a term spoken of as a word; the
    consequent of a condition; what a third party read; a generic subject whose verb is
    negated; another year's battle; "Encirclement is the oldest story"; and a statement
    whose own words deny ("Its statement said there was 'no threat of encirclement'")."""
    got = stance_rows(tmp_path, {
        "g1": ("Zelensky said his commanders had reported no encirclement. He said Putin was lying in order "
               "to sway the Americans before any truce was agreed."),
        "g2": "Lindiwe Dube, an analyst in Pretoria, said the word \"surrounded\" was doing political work.",
        "g3": "Rafael Costa, a retired colonel, was cautious. \"If they lose that road, then the talk of a cauldron becomes real,\" he said.",
        "g4": ("Martin Novak, a medic, was there. \"My mother called me crying, because she read on the internet "
               "that everyone in Kursk was in a cauldron,\" he said."),
        "g5": "Tom Brady, a former officer, was blunt. \"An encircled force doesn't get to pick the road it leaves on,\" he said.",
        "g6": "Anna Pasek, a historian, spoke. \"Encirclement is the oldest story in the Russian military mind, the cauldrons of 1941,\" she said.",
        "g7": ("Ukraine's General Staff rejected the reports. Its statement said there was \"no threat of "
               "encirclement\" of Ukrainian units in Kursk."),
        "g8": "Putin dismissed the doubts, repeating Moscow's assertion that the troops had been cut off if they did not surrender.",
        "g9": "Jiri Stanek, a medic, spoke. \"There was never a closed ring around the Ukrainian group,\" he said.",
        "g10": "Martin Novak, a medic, spoke. \"I told her that the cauldron was a story for television,\" he said.",
    })
    assert ("g9", "Jiri Stanek", "denies") in got and ("g10", "Martin Novak", "denies") in got
    assert ("g1", "Vladimir Putin", "denies") not in got
    assert not any(a in ("g2", "g3", "g4", "g5", "g6") and s == "asserts" for a, _, s in got)
    assert ("g7", "Ukrainian General Staff", "denies") in got and ("g7", "Ukrainian General Staff", "asserts") not in got
    assert ("g8", "Russian government", "asserts") in got  # a claim after a mid-sentence "if" stays a claim


def test_thirteenth_round_recall(tmp_path):
    """Written for this test: a perfect tense is a verb ("who had earlier described the
    troops as isolated"); "denied at the time that there was any threat"; an accusation of
    lying after the claim's words, with no term of its own ("accused Putin of lying to the
    White House", "called Putin's version a lie"); "no encirclement threat" denies; a number
    disputed ("Ukraine disputes that figure") is no denial of the claim."""
    got = stance_rows(tmp_path, {
        "r1": "The Kremlin leader, who had earlier described the Ukrainian troops as isolated, replied that they would be spared.",
        "r2": "Ukraine's General Staff denied at the time that there was any threat of encirclement.",
        "r3": ("Putin said on Thursday that the Ukrainian troops in Kursk were surrounded. "
               "President Volodymyr Zelensky accused Putin of lying to the White House."),
        "r4": ("Putin said on Thursday that the Ukrainian troops in Kursk were surrounded. "
               "Volodymyr Zelensky called Putin's version a lie intended for American ears."),
        "r5": "Oleksandr Syrskyi said his forces faced no encirclement threat.",
        "r6": ("Putin said the Ukrainian troops were surrounded. Russian officials say Ukraine lost 60,000 troops; "
               "Ukraine disputes that figure."),
    })
    assert {("r1", "Vladimir Putin", "asserts"), ("r2", "Ukrainian General Staff", "denies"),
            ("r3", "Volodymyr Zelensky", "denies"), ("r4", "Volodymyr Zelensky", "denies"),
            ("r5", "Oleksandr Syrskyi", "denies")} <= got
    assert not any(a == "r6" and s == "denies" for a, _, s in got)


def test_denials_without_the_claims_words(tmp_path):
    """Written for this test: next to the claim's words, "It is not a ring" and "so far, not
    a trap" deny (the claim's implicit denials), in a frame's words or in a quotation of
    their own; not from a speaker the article had asserting the claim."""
    got = stance_rows(tmp_path, {
        "n1": ("Russia says the Ukrainian troops are surrounded. Arvid Lund, a Swedish analyst, said the bridgehead "
               "was \"hard to hold, but also, so far, not a trap.\""),
        "n2": ("Russia says the Ukrainian troops are surrounded. \"Losing the town hurts,\" said Arvid Lund, a Swedish "
               "analyst. \"It is not a ring.\""),
        "n3": ("Dmitry Peskov said the Ukrainian troops were surrounded. \"They have no road left,\" said Dmitry Peskov. "
               "\"It is not a ring they can break.\""),
    })
    assert ("n1", "Arvid Lund", "denies") in got and ("n2", "Arvid Lund", "denies") in got
    assert ("n3", "Dmitry Peskov", "denies") not in got


def test_fourteenth_round_signs(tmp_path):
    """Written for this test, each a wrong sign on fresh coverage: an apposition whose own
    subject rejects what was said ends the speaker's words ("..., a portrayal Kyiv's
    military rejected"); "agreed in Jeddah to propose a ceasefire" is no agreement; a
    frame inside a quotation speaks its counterfactual ending; "cannot exclude that small
    groups were cut off" hedges; "the encirclement claim served the Kremlin" talks about the
    claim; "not a military fact" and "does not match anything" deny; "Mr Putin this week
    visited ..." makes Putin the "he" of the next paragraph."""
    got = stance_rows(tmp_path, {
        "p1": ("Trump said he had asked Putin to spare Ukrainian soldiers he described as trapped in the Kursk "
               "region, a portrayal Kyiv's military rejected."),
        "p2": ("Zelensky said there was no encirclement. Washington and Kyiv agreed in Jeddah on Tuesday to propose "
               "a ceasefire, which Putin said he backed in principle."),
        "p3": "\"If they were surrounded,\" Eero Lind added, \"we would not have those pictures.\"",
        "p4": "\"One cannot exclude that small groups were cut off here and there,\" Michel Dasson told reporters.",
        "p5": "Eleanor Ash, an analyst in Canberra, said the encirclement claim served the Kremlin's purposes.",
        "p6": "\"The story of thousands of trapped soldiers was a political weapon, not a military fact,\" Kersten Voll said.",
        "p7": ("Analyst Tom Corr said the war was hard. \"It is a grind,\" he said.\n\nMr Putin this week visited a "
               "command post.\n\nHe said on Thursday that the Ukrainian troops in the region were cut off."),
    })
    assert ("p1", "Donald Trump", "asserts") in got and ("p1", "Donald Trump", "denies") not in got
    assert ("p1", "Ukrainian military", "denies") in got
    assert ("p2", "Vladimir Putin", "denies") not in got
    assert ("p3", "Eero Lind", "denies") in got and ("p6", "Kersten Voll", "denies") in got
    assert not any(a in ("p4", "p5") and s == "asserts" for a, _, s in got)
    assert ("p7", "Vladimir Putin", "asserts") in got and ("p7", "Tom Corr", "asserts") not in got


def test_fourteenth_round_digest_signs(tmp_path):
    """Written for this test: "The Russians have been promising a cauldron" relays the
    other side's words; "Two of them, ..., published what they called «cauldron
    prisoners»" is no earlier channel's assertion."""
    got = stance_rows(tmp_path, {
        "d1": ("Dmytro Savchuk, a spokesman for the brigade, spoke on Friday. He added: \"The Russians have been "
               "promising a cauldron since October. No one is trapped.\""),
        "d2": ("Chorny Voron, a Telegram channel, said nobody was in any cauldron. Two of them, Pesnya Shtyka and "
               "Ryadovoy 1945, published photographs of what they called «cauldron prisoners»."),
    })
    assert ("d1", "Dmytro Savchuk", "denies") in got and ("d1", "Dmytro Savchuk", "asserts") not in got
    assert ("d2", "Chorny Voron", "asserts") not in got


def test_fourteenth_round_recall(tmp_path):
    """Written for this test: machine-translated "is in the full isolation"; a "contingent"
    is troops; "the ISW reported no evidence of one" refers back; those an apposition
    includes speak too ("analysts, including the ISW, found ..."); "called the story 'a
    cheap Kremlin fake'" after the claim's words is a lie accusation."""
    got = stance_rows(tmp_path, {
        "m1": "Putin noted that the grouping of the APU on the Kursk land is in the full isolation.",
        "m2": "Putin had claimed that the Ukrainian contingent in Kursk was \"isolated\" and under fire control.",
        "m3": ("Ukraine's General Staff rejected any threat of encirclement, and the Institute for the Study of War "
               "reported no evidence of one."),
        "m4": ("Ukraine's military said there was no encirclement, and independent analysts, including the "
               "Institute for the Study of War, found no evidence of one."),
        "m5": ("Putin said the Ukrainian troops were surrounded. Writing on Facebook, Serhiy Hladun, a Ukrainian "
               "officer, called the story \"a cheap Kremlin fake sold to Washington\"."),
    })
    assert {("m1", "Vladimir Putin", "asserts"), ("m2", "Vladimir Putin", "asserts"),
            ("m3", "Institute for the Study of War", "denies"), ("m4", "Institute for the Study of War", "denies"),
            ("m5", "Serhiy Hladun", "denies")} <= got


def test_fifteenth_round_echoed_it(tmp_path):
    """Written for this test: "Putin first made the claim last week, and Trump echoed it" -
    Trump takes up the claim the sentence names; it is no agreement with the denial of the
    sentence before."""
    got = stance_rows(tmp_path, {
        "e1": ("Ukraine rejected the claim that its troops were surrounded. Vladimir Putin first made the claim "
               "last week, and Donald Trump echoed it on Friday in a post."),
    })
    assert ("e1", "Donald Trump", "asserts") in got and ("e1", "Donald Trump", "denies") not in got


def test_fifteenth_round_signs(tmp_path):
    """Written for this test: "When I read on my phone that we were all surrounded, I
    laughed" (what one read that ...); "For two days we thought we were surrounded" (a belief);
    "Kyiv argues that Moscow dreamed up the encirclement" and "calls the encirclement 'a story
    written in Moscow'" deny; a sentence about another battle, or after one with no place of
    its own, is not the claim ("he denied that the city was encircled" after Pokrovsk)."""
    got = stance_rows(tmp_path, {
        "f1": "\"When I read on my phone that we were all surrounded, I laughed,\" Oleh Yarema said.",
        "f2": "\"For two days we honestly thought we were surrounded,\" said Maksym Oliinyk.",
        "f3": "Kyiv argues that Moscow dreamed up the encirclement to put pressure on Washington.",
        "f4": "The daily Kyivskyi Chas calls the encirclement \"a story written in Moscow\".",
        "f5": ("Russia says Ukrainian troops defending Pokrovsk are encircled. The ministry said Russian units were "
               "clearing the encircled grouping block by block. Zelensky said the situation in Pokrovsk was hard, "
               "but he denied that the city was encircled."),
    })
    assert not any(a in ("f1", "f2", "f3", "f4") and s == "asserts" for a, _, s in got)
    assert ("f3", "Ukrainian government", "denies") in got
    assert not any(a == "f5" for a, _, _ in got)


def test_kiev_regime_still_and_a_denial_taken_up(tmp_path):
    """Written for this test: "Kyiv still denies" (an adverb between a capital and its verb),
    "The Kiev regime denies" (Russian state usage for Ukraine's government), and "the ISW
    echoed his denial" (a denial taken up is the speaker's too)."""
    got = stance_rows(tmp_path, {
        "k1": "Kyiv still denies that its troops are encircled.",
        "k2": "The Kiev regime denies that its troops are encircled.",
        "k3": "Putin said the troops were surrounded. Zelensky rejected the claim, and the ISW echoed his denial.",
    })
    assert {("k1", "Ukrainian government", "denies"), ("k2", "Ukrainian government", "denies"),
            ("k3", "Institute for the Study of War", "denies")} <= got


def test_sixteenth_round_signs(tmp_path):
    """Written for this test: what prisoners were pressured to state is not the speaker's
    claim; "analysts at the ISW" speak for the institute; a claim about another battle
    (Kupiansk) is not this one."""
    got = stance_rows(tmp_path, {
        "h1": ("Dmytro Lubinets, Ukraine's human rights commissioner, said Russian interrogators had pressured "
               "Kursk prisoners to state on camera that their units were encircled."),
        "h2": "Analysts at the Institute for the Study of War said they had seen no evidence that Ukrainian troops were surrounded.",
        "h3": "Russia's military said Ukrainian troops in Kupiansk were encircled and being destroyed.",
    })
    assert ("h1", "Dmytro Lubinets", "asserts") not in got
    assert ("h2", "Institute for the Study of War", "denies") in got
    assert not any(a == "h3" for a, _, _ in got)


def test_sixteenth_round_first_runs(tmp_path):
    """Written for this test: "We are not seeing anything that looks like a sealed pocket"
    denies; "Trump in a post on his social media platform Truth Social told that ..." is
    Trump's, never the platform's."""
    got = stance_rows(tmp_path, {
        "n1": ("Two U.S. officials spoke to reporters. \"We are not seeing anything that looks like a sealed "
               "pocket,\" one of the officials said."),
        "n2": ("Later US President Donald Trump in a post on his social media platform Truth Social told that "
               "\"thousands of Ukraine troops are completely surrounded.\""),
    })
    assert ("n1", "U.S. officials", "denies") in got and ("n1", "U.S. officials", "asserts") not in got
    assert ("n2", "Donald Trump", "asserts") in got and not any(a == "Truth Social" for _, a, _ in got)


def test_seventeenth_round_first_runs(tmp_path):
    """Written for this test: a term its own clause denies after it ("encirclement was not a
    danger for its brigades") denies; what the word means ("A cauldron is when the lid is
    on"), what is true of any encircled force ("Surrounded people do not get hot food") and
    a word heard ("When you hear 'surrounded,' ...") take no side."""
    got = stance_rows(tmp_path, {
        "d1": ("Kyiv's General Staff said on Friday that encirclement was not a danger for its brigades, which had "
               "moved to new lines."),
        "d2": "\"A cauldron is when the lid is on. Here the lid was half off,\" Petro Dub, a Ukrainian officer, said.",
        "d3": "\"Surrounded people do not get hot food every night,\" Taras Hnatiuk told the paper.",
        "d4": "\"When you hear 'surrounded,' ask to see the map,\" Dale Foster, a retired colonel, said.",
    })
    assert ("d1", "Ukrainian General Staff", "denies") in got
    assert ("d1", "Ukrainian General Staff", "asserts") not in got
    assert not any(stance == "asserts" for a, _, stance in got if a != "d1")


def test_a_generic_cauldron_in_a_channels_words_takes_no_side(tmp_path):
    """Written for this test: "a cauldron has walls" says what any cauldron is, of no
    troops."""
    got = stance_rows(tmp_path, {
        "g1": "\"Friends, a cauldron has walls. This one has a road and a forest,\" Oleh Marchuk, a Russian blogger, wrote.",
    })
    assert not any(stance == "asserts" for _, _, stance in got)


def test_translated_reporting_verbs_and_a_version_called_false(tmp_path):
    """Written for this test: translated copy reports with "assured" and "affirmed"; "has
    described the Russian version as false and fabricated", after a sentence with the
    claim's words, denies it."""
    got = stance_rows(tmp_path, {
        "v1": "Volodymyr Zelensky assured on Sunday that there is no encirclement of Ukrainian soldiers in Kursk.",
        "v2": "Vladimir Putin had affirmed on Thursday that the Ukrainian units in Kursk were isolated.",
        "v3": ("Moscow says the Ukrainian units in Kursk are cut off. The General Staff in Kyiv has described the "
               "Russian version as false and fabricated."),
    })
    assert {("v1", "Volodymyr Zelensky", "denies"), ("v2", "Vladimir Putin", "asserts"),
            ("v3", "Ukrainian General Staff", "denies")} <= got


def test_answered_and_a_subject_that_opens_the_next_clause(tmp_path):
    """Written for this test: "Ukraine's General Staff answered on Friday that there was
    'no threat of encirclement', and the commander-in-chief, Oleksandr Syrskyi, said the
    withdrawal had been ordered to save lives" - the denial is the General Staff's; the
    subject opening the next clause, with its apposition, does not take the words before."""
    got = stance_rows(tmp_path, {
        "w1": ("Ukraine's General Staff answered on Friday that there was \"no threat of encirclement\", and the "
               "commander-in-chief, Oleksandr Syrskyi, said the withdrawal had been ordered to save lives."),
    })
    assert got == {("w1", "Ukrainian General Staff", "denies")}


def test_eighteenth_round_first_runs(tmp_path):
    """Written for this test: a concept spoken of ("could use the idea of a trapped force as
    a bargaining chip"), what happens to anyone ("not what happens to people who are
    trapped"), a third party announcing ("The Russians have been announcing a cauldron every
    week") and company that is no army ("surrounded by our prayers") take no side; "did not
    support the idea of a sealed pocket" still denies; "nobody in Moscow is exaggerating"
    is no denial."""
    got = stance_rows(tmp_path, {
        "e1": ("The gap matters because Moscow could use the idea of a trapped Ukrainian force as a bargaining chip, "
               "said retired Gen. Frank Doyle, a television analyst."),
        "e2": "\"That is not what happens to people who are trapped,\" said Andriy Stetsko, a Ukrainian spokesman.",
        "e3": "\"The Russians have been announcing a cauldron every week since August,\" said Oleh Markiv, a Ukrainian analyst.",
        "e4": ("\"Our boys are not surrounded by the Russians. They are surrounded by our prayers,\" Myron Stelko, a "
               "Ukrainian priest, said."),
        "e5": "Rajiv Menon, a Ukrainian analyst, said the evidence did not support the idea of a sealed pocket.",
        "e6": ("Ivan Sokol, a Russian blogger, wrote that the drones hit everything on the road and nobody in Moscow is "
               "exaggerating for once, and argued that the Ukrainians were effectively surrounded."),
    })
    assert not any(a in ("e1", "e2", "e3") for a, _, _ in got)
    assert ("e4", "Myron Stelko", "asserts") not in got
    assert ("e5", "Rajiv Menon", "denies") in got
    assert ("e6", "Ivan Sokol", "asserts") in got and ("e6", "Ivan Sokol", "denies") not in got


def test_a_headline_imperative_and_an_inverted_translated_frame(tmp_path):
    """Written for this test: a headline "Trust Putin? On this, yes" names no other Putin,
    so "Now Putin says ..." is Vladimir Putin's; "... is cut off from supply, assures the
    Ministry of Defence of Russia" is the ministry's, inverted after a comma."""
    got = stance_rows(tmp_path, {
        "h1": ("Trust Putin? On this, yes\n\nUkraine took a lot of ground last summer. Now Putin says the soldiers "
               "who took it are trapped."),
        "h2": "The Ukrainian grouping in the Kursk region is cut off, assures the Ministry of Defence of Russia.",
    })
    assert got == {("h1", "Vladimir Putin", "asserts"), ("h2", "Russian Defence Ministry", "asserts")}


def test_a_conditional_opening_is_no_name(tmp_path):
    """Written for this test: "If Moscow can say it holds thousands of soldiers trapped, ..."
    - "If Moscow" is no actor of its own."""
    got = stance_rows(tmp_path, {
        "f1": ("The question matters for the talks. If Moscow can say it holds thousands of Ukrainian soldiers "
               "trapped, it can ask for more."),
    })
    assert not any(actor.startswith("If ") for _, actor, _ in got)


def test_what_any_force_in_an_encirclement_does(tmp_path):
    """Written for this test: "People in a real encirclement do not walk out" says what any
    force so placed does (no assertion); "Thousands of Ukrainian troops in a cauldron will
    soon have to surrender" still asserts."""
    got = stance_rows(tmp_path, {
        "k1": "\"People in a real encirclement do not walk out. We walked out,\" Kit, a Ukrainian drone operator, said.",
        "k2": "\"Thousands of Ukrainian troops in a cauldron will soon have to surrender,\" Ivan Petrov, a Russian blogger, wrote.",
    })
    assert ("k1", "Kit", "asserts") not in got and ("k2", "Ivan Petrov", "asserts") in got


def test_a_generic_force_past_a_parenthetical_and_a_word_answered_no(tmp_path):
    """Written for this test: "An encircled force, she argued, can neither be resupplied nor
    pulled out" says what any such force can do (no assertion); "'Trapped, no. Tired, yes,'"
    answers the word with a no (a denial); "A surrounded unit near Sudzha surrendered" still
    asserts."""
    got = stance_rows(tmp_path, {
        "q1": ("Imogen Marsh, a British analyst, was unconvinced. An encircled force, she argued, can neither be "
               "resupplied nor pulled out."),
        "q2": "Asked whether his men had felt trapped, Taras Bilous, a Ukrainian commander, replied: \"Trapped, no. Tired, yes.\"",
        "q3": "\"A surrounded unit near Sudzha surrendered on Friday,\" Ivan Petrov, a Russian blogger, wrote.",
    })
    assert ("q1", "Imogen Marsh", "asserts") not in got
    assert ("q2", "Taras Bilous", "denies") in got and ("q2", "Taras Bilous", "asserts") not in got
    assert ("q3", "Ivan Petrov", "asserts") in got


def test_a_question_answered_yes_or_no(tmp_path):
    """Written for this test: "Are they surrounded? Of course they are" asserts; "Are they
    surrounded? Of course not" denies; "Are they surrounded? Nobody knows" takes no side."""
    got = stance_rows(tmp_path, {
        "y1": ("\"Are they surrounded? Of course they are, and even the Americans can see it,\" Arkady Zorov, a "
               "Russian presenter, told viewers."),
        "y2": "\"Are they surrounded? Of course not,\" said Taras Lysenko, a Ukrainian officer.",
        "y3": "\"Are they surrounded? Nobody knows,\" said Ivan Petrov, a Russian blogger.",
    })
    assert got == {("y1", "Arkady Zorov", "asserts"), ("y2", "Taras Lysenko", "denies")}


def test_quoted_by_someone_as_saying(tmp_path):
    """Written for this test: "Andriy Kovalchuk, a spokesman for the General Staff, was
    quoted by Ukrainian television as saying that there was no encirclement" - the one
    quoted speaks, and denies."""
    got = stance_rows(tmp_path, {
        "p1": ("Andriy Kovalchuk, a spokesman for Ukraine's General Staff, was quoted by Ukrainian television as "
               "saying that there was no encirclement and that units had pulled back."),
    })
    assert ("p1", "Andriy Kovalchuk", "denies") in got


def test_partial_forces_hedges_and_denials_from_ordinary_coverage(tmp_path):
    """Written for this test: a part of the force cut off is not the claim ("some smaller
    groups had been cut off"); what someone wants others to think is no report; "the
    opposite of an encirclement", "deceiving ... with stories about encircled troops" and
    "did not support President Trump's assertion that ..." deny."""
    got = stance_rows(tmp_path, {
        "s1": ("One of the officials said some smaller Ukrainian groups had been cut off during the pullback and had "
               "fought their way out."),
        "s2": ("Dara Quill, a historian at Fenmoor College, said it was possible that small groups of soldiers had "
               "been trapped for a time."),
        "s3": "\"Putin wants the world to think he has trapped an army,\" said Colm Tierney, a British analyst.",
        "s4": "\"A retreat is the opposite of an encirclement,\" said Ilse Varga, an Austrian analyst.",
        "s5": ("President Volodymyr Zelensky said Putin was deceiving Washington with stories about encircled "
               "Ukrainian troops."),
        "s6": ("Intelligence assessments did not support President Donald Trump's assertion that Ukrainian troops "
               "were surrounded, according to two U.S. officials."),
    })
    assert not any(a == "s1" and s == "asserts" for a, _, s in got)
    assert not any(a == "s2" for a, _, _ in got)
    assert ("s3", "Colm Tierney", "asserts") not in got
    assert ("s4", "Ilse Varga", "denies") in got
    assert ("s5", "Volodymyr Zelensky", "denies") in got and ("s5", "Volodymyr Zelensky", "asserts") not in got
    assert ("s6", "Donald Trump", "asserts") in got and ("s6", "U.S. officials", "asserts") not in got


def test_conjoined_names_share_a_relative_denial(tmp_path):
    """Written for this test: "..., a claim Kyiv and Western intelligence officials have
    rejected" - both deny; the one who made the claim asserts."""
    got = stance_rows(tmp_path, {
        "r1": ("Moscow says the Ukrainian troops left in the region were encircled, a claim Kyiv and Western "
               "intelligence officials have rejected."),
    })
    assert got == {("r1", "Russian government", "asserts"), ("r1", "Ukrainian government", "denies"),
                   ("r1", "Western officials", "denies")}


def test_blocked_before_troops_is_the_claim(tmp_path):
    """Written for this test: "clearing out the blocked remnants of Ukrainian formations" and
    "the remnants of the blocked AFU formations" assert; the active "Russian units blocked
    the road" and "the blocked roads" are no claim."""
    got = stance_rows(tmp_path, {
        "b1": ("The Russian Defence Ministry said its units were clearing out the blocked remnants of Ukrainian "
               "formations near the border."),
        "b2": ("The ministry of defence of Russia reported the capture of two villages, adding that the remnants "
               "of the blocked AFU formations were being destroyed."),
        "b3": "The Russian Defence Ministry said its units blocked the road and cleared the blocked roads of mines.",
    })
    assert ("b1", "Russian Defence Ministry", "asserts") in got
    assert ("b2", "Russian Defence Ministry", "asserts") in got
    assert not any(a == "b3" for a, _, _ in got)


def test_words_before_a_tail_frame_with_a_subordinate_clause_after(tmp_path):
    """Written for this test: "... are not encircled, Ukrainian officials said on Tuesday, as
    Russian channels posted maps showing a 'cauldron'" - the officials' words are before
    the frame (they deny); the clause after it has its own subject."""
    got = stance_rows(tmp_path, {
        "t1": ("Ukrainian units near Sudzha are under pressure but are not encircled, Ukrainian officials said on "
               "Tuesday, as Russian channels posted maps showing a \"cauldron\" around the town."),
    })
    assert ("t1", "Ukrainian officials", "denies") in got and ("t1", "Ukrainian officials", "asserts") not in got


def test_claims_taken_up_distinctions_and_denials_of_denials(tmp_path):
    """Written for this test: "the story he repeated was false" - he holds the story, the
    agencies deny it ("a claim that analysts say is not true" is the analysts' denial); "the
    encirclement is not happening"; "nothing in the intelligence they had seen pointed to
    ... being encircled"; "a difference between a retreat and an encirclement" takes no
    side; "dismissed Ukrainian denials of the encirclement as 'lies'" is no denial."""
    got = stance_rows(tmp_path, {
        "d1": ("Donald Trump wrote that thousands of Ukrainian troops were surrounded. Analysts at the Lindqvist "
               "Institute say the story he repeated was false."),
        "d2": "Trump's post said the troops were surrounded, a claim that military analysts say is simply not true.",
        "d3": ("Ivan Sirko, a Ukrainian military blogger, wrote that the situation is hard but the encirclement is "
               "not happening."),
        "d4": ("Two European officials told reporters that nothing in the intelligence they had seen pointed to "
               "Ukrainian forces being encircled."),
        "d5": ("\"There is a difference between a retreat under fire and an encirclement,\" said Aino Laine, a "
               "Finnish analyst."),
        "d6": ("The Russian Foreign Ministry spokeswoman, Maria Zakharova, dismissed Ukrainian denials of the "
               "encirclement as \"the usual lies of the Kyiv regime.\""),
    })
    assert ("d1", "Donald Trump", "asserts") in got and ("d1", "Donald Trump", "denies") not in got
    assert ("d2", "analysts", "asserts") not in got
    assert ("d3", "Ivan Sirko", "denies") in got and ("d3", "Ivan Sirko", "asserts") not in got
    assert ("d4", "European officials", "denies") in got
    assert not any(a == "d5" for a, _, _ in got)
    assert ("d6", "Maria Zakharova", "denies") not in got


def test_lower_case_putin_the_afu_general_staff_and_weeks_spent_claiming(tmp_path):
    """Written for this test: Ukrainian outlets write "putin" in lower case; "The General
    Staff of the AFU" is Ukraine's; "Russian war bloggers have spent recent weeks claiming
    that ..." has the bloggers as subject."""
    got = stance_rows(tmp_path, {
        "l1": "A day earlier, putin had claimed at a press conference that Ukrainian units in Kursk were isolated.",
        "l2": ("The General Staff of the AFU stated that the situation was under control and denied any threat of "
               "encirclement for its units."),
        "l3": "Russian war bloggers have spent recent weeks claiming that Ukrainian units near Sudzha had been surrounded.",
    })
    assert got == {("l1", "Vladimir Putin", "asserts"), ("l2", "Ukrainian General Staff", "denies"),
                   ("l3", "Russian military bloggers", "asserts")}


def test_words_named_as_someone_elses_are_not_the_speakers(tmp_path):
    """Written for this test: "What the Western press calls an orderly withdrawal is a rout"
    names another's words; with "the grouping is cut off" the speaker asserts."""
    got = stance_rows(tmp_path, {
        "w1": ("\"Whatever is left of their grouping is cut off in the forests south of the town. What the Western "
               "press calls an orderly withdrawal is a rout,\" said Pavel Ignatov, a Moscow analyst."),
    })
    assert got == {("w1", "Pavel Ignatov", "asserts")}


def test_denials_from_a_fact_check(tmp_path):
    """Written for this test: "neither geolocated footage nor any other evidence ... backed up
    claims that ..." denies; "withdrawing along open routes rather than sitting trapped"
    denies; "In an encirclement you cannot get out" says what any encirclement is; "The
    encirclement was a claim, never a finding" denies."""
    got = stance_rows(tmp_path, {
        "f1": ("In its Friday assessment, ISW wrote that neither geolocated footage nor any other evidence it had "
               "reviewed backed up claims that Russian forces had encircled Ukrainian troops."),
        "f2": ("Several Russian military bloggers wrote that the Ukrainians were withdrawing along open routes "
               "rather than sitting trapped in a pocket."),
        "f3": "\"In an encirclement you cannot get out,\" said Lena Hartwig, a German analyst.",
        "f4": "\"The encirclement was a claim, never a finding,\" says Ragna Lund, a Norwegian researcher.",
    })
    assert got == {("f1", "Institute for the Study of War", "denies"), ("f2", "Russian military bloggers", "denies"),
                   ("f4", "Ragna Lund", "denies")}


def test_a_short_label_before_a_colon_speaks_in_briefs(tmp_path):
    """Written for this test: a newsletter's "Kremlin: troops isolated." and "Kyiv: no
    encirclement." give the label's stance; "Background: ..." and "The short version: ..."
    are no speakers."""
    got = stance_rows(tmp_path, {
        "b1": "Kremlin: troops isolated.\n\nKyiv: no encirclement.",
        "b2": "Background: the troops were said to be surrounded.",
    })
    assert got == {("b1", "Kremlin", "asserts"), ("b1", "Ukrainian government", "denies")}


def test_assessments_that_do_not_support_claims_and_found_neither(tmp_path):
    """Written for this test: "intelligence assessments do not support Russian claims that ...
    are surrounded, officials said over the weekend, even as the Kremlin kept repeating the
    claim" - "claims" after "support Russian" is a noun, not the assessments' verb, and
    nobody asserts; "said it had found neither geolocated video nor any other sign that ...
    had been encircled" denies."""
    got = stance_rows(tmp_path, {
        "n1": ("American and European intelligence assessments do not support Russian claims that Ukrainian troops "
               "are surrounded in Kursk, officials said over the weekend, even as the Kremlin kept repeating the "
               "claim."),
        "n2": ("In its Sunday update, the Institute for the Study of War said it had found neither geolocated video "
               "nor any other sign that a Ukrainian force had been encircled."),
    })
    assert not any(a == "n1" and s == "asserts" and actor != "Kremlin" for a, actor, s in got)
    assert ("n2", "Institute for the Study of War", "denies") in got
    assert ("n2", "Institute for the Study of War", "asserts") not in got


def test_the_signs_one_would_expect_of_an_encirclement(tmp_path):
    """Written for this test: "We looked for the signs you would expect of an encirclement
    ... and we did not find them" asserts nothing; "There are no signs of an encirclement"
    still denies."""
    got = stance_rows(tmp_path, {
        "g1": ("\"We looked for the signs you would expect of an encirclement - a cut road, a collapse of resupply - "
               "and we did not find them,\" said Mark Ellery, a US official."),
        "g2": "\"There are no signs of an encirclement,\" said Arne Holm, a Danish analyst.",
    })
    assert ("g1", "Mark Ellery", "asserts") not in got and ("g2", "Arne Holm", "denies") in got


def test_a_soldiers_own_small_unit_and_a_cauldron_announced_take_no_side(tmp_path):
    """Written for this test: "his platoon spent three days cut off in a basement" is one
    small unit's story, not the claim; "a cauldron is usually announced on state television"
    says how such claims are made, of no troops; the same speakers' denials stand."""
    got = stance_rows(tmp_path, {
        "p1": ("A paratrooper who gave only his call sign, Grach, said his platoon spent three days cut off in a "
               "basement near Sudzha. \"We walked out. Nobody was surrounded,\" he said."),
        "p2": ("Analyst Petra Lind said a cauldron is usually announced on state television long before anyone can "
               "check it."),
        "p3": "Lieutenant Oksana Marchuk said our company was cut off for a day near the highway.",
    })
    assert ("p1", "Grach", "denies") in got and ("p1", "Grach", "asserts") not in got
    assert not any(a in ("p2", "p3") for a, _, _ in got)


def test_an_appearance_someone_would_produce_is_no_report(tmp_path):
    """Written for this test: "Moscow wanted to create the impression that ...", "trying to
    paint a picture of encircled brigades", "wanted the world to think ...", "hoped to make
    it look as if ...": the speaker does not assert what another would have believed."""
    got = stance_rows(tmp_path, {
        "i1": ("Zelensky said Moscow wanted to create the impression that Ukrainian troops were surrounded in order "
               "to win better terms."),
        "i2": ("Foreign Minister Andrii Sybiha said the Kremlin was trying to paint a picture of encircled "
               "Ukrainian brigades for the Americans."),
        "i3": "Ukraine's army chief said Russia wanted the world to think its soldiers were trapped.",
        "i4": "The foreign ministry in Kyiv said the Kremlin hoped to make it look as if Ukrainian forces were surrounded.",
    })
    assert not any(s == "asserts" for _, _, s in got)


def test_stories_of_an_encirclement_spoken_of_judged_or_placed_on_television(tmp_path):
    """Written for this test: "using the story of surrounded soldiers to stall" and "the
    claim of an encirclement did not hold up" assert nothing; "existed only on Russian
    television" denies; "repeated the story of surrounded soldiers" takes the story up."""
    got = stance_rows(tmp_path, {
        "y1": "Zelensky said Putin was using the story of surrounded soldiers to stall the ceasefire.",
        "y2": "Analyst Mark Feld said the claim of an encirclement did not hold up.",
        "y3": "Ukrainian commanders said the encirclement existed only on Russian television.",
        "y4": "Trump repeated the story of thousands of surrounded Ukrainian soldiers on Friday.",
    })
    assert not any(a in ("y1", "y2") and s == "asserts" for a, _, s in got)
    assert ("y3", "Ukrainian military", "denies") in got and ("y3", "Ukrainian military", "asserts") not in got
    assert ("y4", "Donald Trump", "asserts") in got


def test_hearsay_silence_nothing_showing_and_a_claim_spoken_of(tmp_path):
    """Written for this test: "I see nothing showing that the Ukrainians are cut off" denies;
    "I heard on the radio that they were surrounded" is what the speaker heard; "the Russian
    claim of an encirclement had a clear purpose" and "talk of a cauldron served Moscow" speak
    of the claim; "its statement did not mention the reports of an encirclement" is silence,
    neither a denial nor the statement's own claim; "repeated claims of an encirclement"
    still takes the claim up."""
    got = stance_rows(tmp_path, {
        "h1": "\"The road is under fire, but I see nothing showing that the Ukrainians are cut off,\" analyst Lars Brekke said.",
        "h2": "\"I heard on the radio that they were surrounded, and I cried,\" said Olha Marchenko.",
        "h3": "Analyst Ian Kerr argued that the Russian claim of an encirclement had a clear diplomatic purpose.",
        "h4": "Analyst Ian Kerr said talk of a cauldron served Moscow's negotiating aims.",
        "h5": ("Ukraine's General Staff said its troops had repelled attacks, but its statement did not mention the "
               "reports of an encirclement."),
        "h6": "Trump repeated claims of an encirclement on Friday.",
    })
    assert ("h1", "Lars Brekke", "denies") in got and ("h1", "Lars Brekke", "asserts") not in got
    assert not any(a in ("h2", "h3", "h4", "h5") for a, _, _ in got)
    assert ("h6", "Donald Trump", "asserts") in got


def test_what_any_encirclement_is_words_like_trapped_and_a_negated_endorsement(tmp_path):
    """Written for this test: "An encirclement is proved by prisoners ...", "An encirclement
    is not a feeling", "A cauldron with a hole like that in it is a sieve" say what any
    encirclement is; "A cauldron is forming west of Sudzha" is this one and "An
    encirclement of our brigades never took place" denies; "words like trapped" mentions the
    word; "had seen nothing, not one thing, to back up the claim" takes nothing up."""
    got = stance_rows(tmp_path, {
        "g1": "\"An encirclement is proved by prisoners and burned vehicles, not by briefings,\" said analyst Ravi Menon.",
        "g2": "\"An encirclement is not a feeling,\" said Marta Quinn, a historian.",
        "g3": "\"A cauldron with a hole like that in it is a sieve,\" said Colonel Petro Shpak.",
        "g4": "\"A cauldron is forming west of Sudzha,\" said the blogger Mikhail Zvonarev.",
        "g5": "\"An encirclement of our brigades never took place,\" said Ukrainian spokesman Dmytro Lykhovyi.",
        "g6": "Hamish Reid, a defence analyst, said politicians reached for words like trapped because they were vivid.",
        "g7": ("Putin says the troops are encircled. Sen. Ann Doyle said she had seen \"nothing, not one thing\" to "
               "back up the claim."),
    })
    assert not any(a in ("g1", "g2", "g3", "g6") for a, _, _ in got)
    assert ("g4", "Mikhail Zvonarev", "asserts") in got and ("g5", "Dmytro Lykhovyi", "denies") in got
    assert ("g7", "Ann Doyle", "asserts") not in got


def test_a_subject_with_its_place_before_an_apposition(tmp_path):
    """Written for this test: "the Institute for the Study of War in Washington, which goes
    through the videos every day, said it had found no evidence" - the institute speaks, not
    the ministry named in the sentence before."""
    got = stance_rows(tmp_path, {
        "w1": ("The Russian defence ministry said the Ukrainians were blocked. But the Institute for the Study of War "
               "in Washington, which goes through the combat videos every day, said it had found no evidence of a "
               "large encirclement."),
    })
    assert ("w1", "Institute for the Study of War", "denies") in got
    assert ("w1", "Russian Defence Ministry", "denies") not in got


def test_its_body_after_a_country_that_picture_and_said_the_same(tmp_path):
    """Written for this test: "Ukraine rejected that. Its General Staff said ..." is
    Ukraine's General Staff; "Ukraine says that picture is wrong" refers back to the claim;
    "European intelligence officials said the same" takes the stance just reported; "The
    ministry spoke. Its spokesman said ..." names no one."""
    got = stance_rows(tmp_path, {
        "i1": ("Russia claims the troops are encircled. Ukraine rejected that. Its General Staff said there was no "
               "threat of encirclement."),
        "i2": "Putin says the Ukrainians are surrounded. Ukraine says that picture is wrong.",
        "i3": "The ISW found no evidence of an encirclement. European intelligence officials said the same.",
        "i4": "The ministry spoke. Its spokesman said the troops were surrounded.",
    })
    assert ("i1", "Ukrainian General Staff", "denies") in got
    assert ("i2", "Ukrainian government", "denies") in got
    assert ("i3", "European officials", "denies") in got
    assert not any(a == "i4" for a, _, _ in got)


def test_the_denying_side_accused_of_lying_is_no_denial(tmp_path):
    """Written for this test: "Kyiv had driven its soldiers into a cauldron and was now
    lying to their families" and "no amount of Kiev's propaganda will reopen that road"
    assert; "Russian propaganda was lying" in a Ukrainian's words still denies."""
    got = stance_rows(tmp_path, {
        "k1": "Zakharova told reporters that Kyiv had driven its soldiers into a cauldron and was now lying to their families.",
        "k2": "\"The grouping is cut off, and no amount of Kiev's propaganda will reopen that road,\" said the blogger Rostov Z.",
        "k3": "Zelensky said Ukrainian troops were not surrounded and that Russian propaganda was lying.",
    })
    assert ("k1", "Maria Zakharova", "asserts") in got and ("k1", "Maria Zakharova", "denies") not in got
    assert ("k2", "Rostov Z.", "asserts") in got
    assert ("k3", "Volodymyr Zelensky", "denies") in got


def test_a_term_anywhere_in_a_condition_is_hedged(tmp_path):
    """Written for this test: "I would be amazed if most of that force is not trapped by now"
    says nothing either way; a counterfactual ("If we were surrounded, I would not be
    talking to you") still denies, and so does a main clause after a condition."""
    got = stance_rows(tmp_path, {
        "c1": ("Gail Pryor, a commentator, spoke on Thursday.\n\n\u201cI\u2019d be amazed if most of that force "
               "isn\u2019t trapped by now, whatever the official line is,\u201d she told Perth radio."),
        "c2": "\"If we were surrounded, I would not be talking to you from Sumy,\" said Sgt. Ivan Holub.",
        "c3": "Syrskyi said that if the road held, the troops were not encircled.",
    })
    assert not any(a == "c1" for a, _, _ in got)
    assert ("c2", "Ivan Holub", "denies") in got and ("c3", "Oleksandr Syrskyi", "denies") in got


def test_a_capital_with_an_aside_leadership_and_blocked_ukrainians(tmp_path):
    """Written for this test: "Kiev, as usual, denied ...", "Moscow, for its part, insists
    ...", "Russia's leadership says ..." and "insisted that the Ukrainians are blocked"."""
    got = stance_rows(tmp_path, {
        "m1": "Russia says the troops are surrounded. Kiev, as usual, denied that its troops were surrounded.",
        "m2": "Moscow, for its part, insists the Ukrainians are trapped.",
        "m3": "Russia's leadership says the Ukrainian force is cut off.",
        "m4": "Moscow has insisted since Wednesday that the Ukrainians are blocked.",
    })
    assert ("m1", "Ukrainian government", "denies") in got
    assert {("m2", "Russian government", "asserts"), ("m3", "Russian government", "asserts"),
            ("m4", "Russian government", "asserts")} <= got


def test_a_feeling_another_writing_and_a_negated_backing(tmp_path):
    """Written for this test: "why people on the ground felt trapped" is a feeling; "At the
    moment the President was writing that we were surrounded, my people were eating
    breakfast" relays another's words; "none of the footage it could geolocate backed up
    claims of a large encirclement" takes nothing up; a relative's words passed on ("He wrote
    back that they were leaving, not trapped") still deny."""
    got = stance_rows(tmp_path, {
        "f1": "She put it this way: \"I understand completely why people on the ground felt trapped.\"",
        "f2": ("\"At the moment the President of the United States was writing that we were surrounded, my people "
               "were eating breakfast in Sumy region,\" Andrii Ivanchuk said."),
        "f3": ("The ISW wrote on Saturday that none of the combat footage it had been able to geolocate backed up "
               "claims of a large Ukrainian encirclement."),
        "f4": "\"He wrote back that they were leaving, not trapped,\" said Dmytro Bondar, a student.",
    })
    assert not any(a in ("f1", "f2") for a, _, _ in got)
    assert ("f3", "Institute for the Study of War", "asserts") not in got
    assert ("f4", "Dmytro Bondar", "denies") in got


def test_the_term_as_a_word_and_one_still_to_come(tmp_path):
    """Written for this test: "Surrounded is a precise military word" speaks of the word;
    bloggers "who had written for days about a coming 'cauldron'" wrote of one still to
    come; "The enemy grouping is surrounded" still asserts."""
    got = stance_rows(tmp_path, {
        "w1": "\"Surrounded is a precise military word, and right now it is not the right one,\" Milan Sustek said.",
        "w2": ("Some Russian military bloggers, who had written for days about a coming \"cauldron\", have conceded "
               "that the Ukrainians were able to pull most of their units out."),
        "w3": "\"The enemy grouping is surrounded,\" said General Gerasimov.",
    })
    assert not any(a in ("w1", "w2") and s == "asserts" for a, _, s in got)
    assert ("w3", "Valery Gerasimov", "asserts") in got


def test_a_supposed_encirclement_two_different_words_and_denials_called_lies(tmp_path):
    """Written for this test: "posts about the supposed encirclement" keep it at a distance;
    "hard and surrounded are two different words" speaks of words; "the so-called Ukrainian
    denials were lies and the grouping was encircled" asserts (the denials are judged, not
    the claim); a reporter's "allegedly" inside reported speech leaves the speaker asserting."""
    got = stance_rows(tmp_path, {
        "s1": ("Iryna Okhrimenko, an analyst at the centre, said the number of posts about the supposed encirclement "
               "rose sharply."),
        "s2": "\"It is hard for our units. But hard and surrounded are two different words,\" said Serhii Verbovskyi.",
        "s3": "Peskov said the so-called Ukrainian denials were lies and the grouping was encircled.",
        "s4": "Putin stated that the Ukrainian grouping in the Kursk region is allegedly located in the boiler.",
    })
    assert not any(a in ("s1", "s2") for a, _, _ in got)
    assert ("s3", "Dmitry Peskov", "asserts") in got and ("s3", "Dmitry Peskov", "denies") not in got
    assert ("s4", "Vladimir Putin", "asserts") in got


def test_found_themselves_maybe_and_a_quoted_story(tmp_path):
    """Written for this test: "Units of the Ukrainian army found themselves in a ring" is no
    frame of the army's; "Maybe some of them are surrounded, maybe none of them are" takes no
    side; "the Russian story of a 'cauldron'" is a story spoken of."""
    got = stance_rows(tmp_path, {
        "r1": ("Russia says it has won. Units of the Ukrainian army in the Sudzha area found themselves in a ring and "
               "were destroyed, the Defence Ministry said."),
        "r2": "\"Maybe some of them are surrounded, maybe none of them are, I do not know,\" Rep. Marcus Yarrow said.",
        "r3": ("The brigade's press officer, who uses the call sign Kashtan, said that this is where the Russian story "
               "of a \"cauldron\" came from."),
    })
    assert ("r1", "Ukrainian military", "asserts") not in got
    assert not any(a in ("r2", "r3") for a, _, _ in got)


def test_a_negated_belief_denies(tmp_path):
    """Written for this test: "U.S. intelligence officials do not believe the Ukrainian troops
    are surrounded" and "officials, speaking anonymously, did not believe the troops were
    surrounded" deny (a negated belief is a belief in the negation); "has not confirmed" still
    takes no side."""
    got = stance_rows(tmp_path, {
        "b1": "U.S. intelligence officials do not believe the Ukrainian troops are surrounded, two officials said.",
        "b2": ("Reuters reported that U.S. and European intelligence officials, speaking anonymously, did not believe "
               "the Ukrainian troops were surrounded."),
        "b3": "The Pentagon has not confirmed that the Ukrainian troops are surrounded.",
    })
    assert ("b1", "U.S. officials", "denies") in got
    assert ("b2", "U.S. and European officials", "denies") in got
    assert not any(a == "b3" for a, _, _ in got)


def test_a_claim_a_titled_speaker_repeated_and_agents_set_off(tmp_path):
    """Written for this test: "..., a claim that US President Donald Trump repeated" and "an
    assertion US President Donald Trump repeated" (the repeater's titles before the name) make
    the repeater hold the claim; so do both agents of "the claim, made by Vladimir Putin and
    repeated by US President Donald Trump, that ..." (the agents set off by commas)."""
    got = stance_rows(tmp_path, {
        "c1": ("Back then, the Kremlin insisted that the last Ukrainian units were encircled, a claim that US President "
               "Donald Trump repeated in a post urging Putin to spare them."),
        "c2": ("Russian forces retook Sudzha and Moscow claimed that the Ukrainian units were surrounded, an assertion "
               "US President Donald Trump repeated at the time."),
        "c3": ("The report takes apart the claim, made by Vladimir Putin and repeated by US President Donald Trump, "
               "that thousands of Ukrainian soldiers had been trapped in Kursk."),
    })
    assert ("c1", "Donald Trump", "asserts") in got and ("c1", "Kremlin", "asserts") in got
    assert ("c2", "Donald Trump", "asserts") in got
    assert ("c3", "Donald Trump", "asserts") in got and ("c3", "Vladimir Putin", "asserts") in got


def test_a_general_staff_placed_by_its_capital_or_country(tmp_path):
    """Written for this test: a general staff no one named before is placed by the sentence:
    "In Kyiv, the General Staff said ...", "the General Staff in Kyiv denied ...", "The
    country's General Staff" after Ukraine spoke; a bare one stays unresolved."""
    got = stance_rows(tmp_path, {
        "g1": ("In Moscow, Putin said the Ukrainians were isolated. In Kyiv, the General Staff said there was no "
               "threat of encirclement."),
        "g2": "Russia claimed a ring had closed. The General Staff in Kyiv denied that its units were encircled.",
        "g3": ("Ukraine rejected the Russian account on Friday. The country's General Staff said the troops were "
               "never at risk of encirclement."),
        "g4": "The General Staff said there was no threat of encirclement.",
    })
    for article in ("g1", "g2", "g3"):
        assert (article, "Ukrainian General Staff", "denies") in got
    assert not any(a == "g4" for a, _, _ in got)


def test_statements_from_scorn_and_signs_found_nowhere(tmp_path):
    """Written for this test: "A statement from the Kremlin said ..." is the Kremlin's; scorn
    denies the claim next to it ("scoffed at the claim", "says none of that is true"); "no
    sign in satellite imagery that Russian troops had closed a ring around ..." denies (the
    ring closed around troops is the claim); "the encirclement of our units is not
    threatened" (a translation's wording) denies."""
    got = stance_rows(tmp_path, {
        "t1": "A statement from the Kremlin said the Ukrainian units in Kursk were completely encircled.",
        "t2": "Moscow says the Ukrainians are encircled. Ukraine's General Staff scoffed at the claim the same day.",
        "t3": "Moscow says the Ukrainians are encircled. Ukraine's general staff says none of that is true.",
        "t4": ("In its Friday update, the Institute for the Study of War reported finding no sign in satellite imagery "
               "that Russian troops had closed a ring around any large Ukrainian force."),
        "t5": "The General Staff of Ukraine said on its page that the encirclement of our units is not threatened.",
    })
    assert ("t1", "Kremlin", "asserts") in got
    assert ("t2", "Ukrainian General Staff", "denies") in got and ("t3", "Ukrainian General Staff", "denies") in got
    assert ("t4", "Institute for the Study of War", "denies") in got
    assert ("t4", "Institute for the Study of War", "asserts") not in got
    assert ("t5", "Ukrainian General Staff", "denies") in got and ("t5", "Ukrainian General Staff", "asserts") not in got


def test_an_account_rejected_after_a_closing_mark_and_a_ministry_in_london(tmp_path):
    """Written for this test: 'soldiers he called "completely surrounded," an account
    Ukraine's military rejected' keeps Trump asserting and makes the military deny (the comma
    sits inside the closing mark); "The Ministry of Defence in London" is the UK ministry,
    not the Russian one; "risked being encircled if ..." is a risk, not a claim."""
    got = stance_rows(tmp_path, {
        "m1": ("On Friday Trump said he had pleaded with Putin to spare thousands of Ukrainian soldiers he called "
               "\"completely surrounded,\" an account Ukraine's military rejected."),
        "m2": "Trump said the soldiers were \"completely surrounded,\" an account Zelensky rejected.",
        "m3": ("Russia's defence ministry spoke first. The Ministry of Defence in London said in an intelligence update "
               "that it had seen no indication of a large-scale encirclement."),
        "m4": ("Britain's defence ministry said that Ukrainian forces risked being encircled if Russian troops advanced "
               "further along the supply road."),
    })
    assert ("m1", "Donald Trump", "asserts") in got and ("m1", "Donald Trump", "denies") not in got
    assert ("m1", "Ukrainian military", "denies") in got
    assert ("m2", "Donald Trump", "asserts") in got and ("m2", "Volodymyr Zelensky", "denies") in got
    assert ("m3", "UK Ministry of Defence", "denies") in got and ("m3", "Russian Defence Ministry", "denies") not in got
    assert not any(a == "m4" for a, _, _ in got)


def test_the_lie_that_claims_made_in_moscow_and_two_different_facts(tmp_path):
    """Written for this test: "The lie that Ukrainian soldiers were trapped ..." denies (was
    an assertion); "contrary to claims made in Moscow and repeated by US President Donald
    Trump" makes Moscow and Trump hold the claim (was Trump denying); "'pushed out' and
    'encircled' are two different military facts" sets two words side by side and takes
    no side (was an assertion)."""
    got = stance_rows(tmp_path, {
        "l1": ("Rasa Vaitkeviciene said the episode was a warning. \"The lie that Ukrainian soldiers were trapped in "
               "Kursk was told in the Kremlin on a Thursday,\" she said."),
        "l2": ("The commander of a Ukrainian brigade said on Friday that his units had left the area in good order and "
               "had not been surrounded at any stage, contrary to claims made in Moscow and repeated by US President "
               "Donald Trump."),
        "l3": ("\"The Ukrainians were pushed out of Kursk. But 'pushed out' and 'encircled' are two different military "
               "facts,\" Wouter Declercq said."),
    })
    assert ("l1", "Rasa Vaitkeviciene", "denies") in got and ("l1", "Rasa Vaitkeviciene", "asserts") not in got
    assert ("l2", "Donald Trump", "asserts") in got and ("l2", "Russian government", "asserts") in got
    assert ("l2", "Donald Trump", "denies") not in got
    assert not any(a == "l3" for a, _, _ in got)


def test_said_so_takes_up_the_stance_before(tmp_path):
    """Written for this test: "Even the American president says so." after Putin's claim
    asserts; "Ukraine's General Staff said so as well." after Zelensky's denial denies;
    "Kyiv has never said so." takes no side."""
    got = stance_rows(tmp_path, {
        "a1": "Vladimir Putin insists the Ukrainians in Kursk are surrounded. Even the American president says so.",
        "a2": "Zelensky said his troops were not encircled. Ukraine's General Staff said so as well.",
        "a3": "Moscow says the Ukrainians are trapped. Kyiv has never said so.",
    })
    assert ("a1", "Donald Trump", "asserts") in got
    assert ("a2", "Ukrainian General Staff", "denies") in got
    assert not any(a == "a3" and actor == "Ukrainian government" for a, actor, _ in got)


def test_blocked_units_placed_or_described_and_an_unnamed_second_speaker(tmp_path):
    """Written for this test: "Ukrainian units west of the town were blocked", "described the
    remaining Ukrainian units as blocked" and "units it described as blocked" are the claim;
    "roads near the town were blocked" is not; "Putin answered ..., and Russian commanders
    have since described the units as blocked" is the commanders' claim, not Putin's."""
    got = stance_rows(tmp_path, {
        "k1": ("Russia's Defense Ministry said Thursday that Sudzha had been recaptured and that Ukrainian units west "
               "of the town were blocked and being destroyed."),
        "k2": "Russia's defence ministry has repeatedly described the remaining Ukrainian units as blocked.",
        "k3": ("Russia's Defense Ministry said Wednesday that Ukrainian units it described as blocked in the area were "
               "being destroyed."),
        "k4": "The Kremlin said on Friday that roads near the town were blocked by snow.",
        "k5": ("Putin answered the same day that they would be spared if they laid down their arms, and Russian "
               "commanders have since described the remaining Ukrainian units as blocked near the border."),
    })
    for article in ("k1", "k2", "k3"):
        assert (article, "Russian Defence Ministry", "asserts") in got
    assert not any(a in ("k4", "k5") for a, _, _ in got)


def test_said_to_be_lying_and_called_a_liar(tmp_path):
    """Written for this test: after Putin's claim, "Zelensky said Vladimir Putin was lying about
    the situation in Kursk" and "Zelensky called Putin a liar" deny; the told accusation
    does not by itself make the accused a holder ("Peskov said Zelensky was lying" after
    Zelensky's denial: Peskov asserts, and nothing new is said of Zelensky)."""
    got = stance_rows(tmp_path, {
        "z1": ("Vladimir Putin said the Ukrainian troops in Kursk were encircled. On Saturday, President Volodymyr "
               "Zelensky said Vladimir Putin was lying about the situation in Kursk."),
        "z2": "Putin says the Ukrainians are trapped. Zelensky called Putin a liar who wanted to fool the Americans.",
        "z3": "Zelensky said his troops were not surrounded. Peskov said Zelensky was lying.",
        "z4": "Zelensky said on Saturday that Putin was lying about the talks.",
    })
    assert ("z1", "Volodymyr Zelensky", "denies") in got and ("z2", "Volodymyr Zelensky", "denies") in got
    assert ("z3", "Dmitry Peskov", "asserts") in got and ("z3", "Volodymyr Zelensky", "asserts") not in got
    assert not any(a == "z4" for a, _, _ in got)


def test_elliptical_answers_to_the_claim(tmp_path):
    """Written for this test: after a claim, "Zelensky says they're not.", "Kyiv says
    otherwise.", "Kyiv disputed the Russian account." and "Kyiv, predictably, denied
    everything." deny; "Asked whether talks were near, Kyiv said they were not." answers
    something else; in a senator's words "Putin says they're surrounded. Zelensky says
    they're not." the senator relays both and takes no side."""
    got = stance_rows(tmp_path, {
        "e1": "Putin says the Ukrainians in Kursk are trapped. Zelensky says they're not.",
        "e2": "Russia says its forces encircled the Ukrainians. Kyiv says otherwise.",
        "e3": "Russia claims the Ukrainians are encircled. Kyiv disputed the Russian account.",
        "e4": "Russia claims the Ukrainians are encircled. Kyiv, predictably, denied everything.",
        "e5": "Russia claims the Ukrainians are encircled. Asked whether talks were near, Kyiv said they were not.",
        "e6": ("Sen. Dana Hollis was blunt. \"Putin says they're surrounded. Zelensky says they're not. I cannot "
               "tell which of them is right,\" Hollis said."),
    })
    assert ("e1", "Volodymyr Zelensky", "denies") in got
    for article in ("e2", "e3", "e4"):
        assert (article, "Ukrainian government", "denies") in got
    assert ("e5", "Ukrainian government", "denies") not in got
    assert not any(a == "e6" and actor == "Dana Hollis" for a, actor, _ in got)


def test_an_appeal_is_a_speech_act(tmp_path):
    """Written for this test: "..., a day after Donald Trump publicly appealed to Moscow to spare
    the lives of soldiers he described as surrounded": "he" is Trump, who appealed (a verb
    of speaking), not Zelensky, the sentence's subject."""
    got = stance_rows(tmp_path, {
        "p1": ("Ukrainian President Volodymyr Zelenskyy on Saturday accused Vladimir Putin of spreading falsehoods, a "
               "day after U.S. President Donald Trump publicly appealed to Moscow to spare the lives of soldiers he "
               "described as surrounded."),
    })
    assert ("p1", "Volodymyr Zelensky", "asserts") not in got and ("p1", "Donald Trump", "asserts") in got


def test_an_agentless_passive_something_else_and_a_picture(tmp_path):
    """Written for this test: "In Kiev, the statement was quickly rejected." names no one who
    rejects (was Putin denying, 'the statement' read as his); "But a cauldron is something
    else" speaks of any cauldron ("something" is no progressive verb); "the war ends with a
    picture of surrounded Ukrainians" is an image spoken of."""
    got = stance_rows(tmp_path, {
        "q1": "Putin said the enemy grouping in Kursk was blocked. In Kiev, the statement was quickly rejected.",
        "q2": "\"There was a dangerous road under drones. But a cauldron is something else,\" said Pavel Orlik.",
        "q3": ("\"For the Russian viewer the war now ends with a picture of surrounded Ukrainians begging for mercy,\" "
               "said Pavel Orlik."),
    })
    assert ("q1", "Vladimir Putin", "asserts") in got and ("q1", "Vladimir Putin", "denies") not in got
    assert not any(a in ("q2", "q3") for a, _, _ in got)


def test_possible_that_with_the_clause_subject_between(tmp_path):
    """Written for this test: "said it was possible that groups of a few hundred soldiers had
    been cut off for short periods" leaves the claim open (was an assertion)."""
    got = stance_rows(tmp_path, {
        "h1": ("Cosima Ardent, an analyst in London, said it was possible that groups of a few hundred soldiers had "
               "been cut off for short periods."),
        "h2": "Cosima Ardent, an analyst in London, said that groups of a few hundred soldiers had been cut off.",
    })
    assert not any(a == "h1" for a, _, _ in got) and ("h2", "Cosima Ardent", "asserts") in got


def test_told_by_an_agent_that(tmp_path):
    """Written for this test: "Putin ... was told by Valery Gerasimov that the Ukrainian force was
    isolated" is Gerasimov's claim (an irregular participle's agent, the words after it);
    before, the frame's subject was read from the words before "was told"."""
    got = stance_rows(tmp_path, {
        "g1": ("US officials said on Friday they saw no sign of an encirclement.\n\nOn 12 March Vladimir Putin visited "
               "a command post in the region wearing military fatigues and was told by Valery Gerasimov that the "
               "Ukrainian force was isolated."),
    })
    assert ("g1", "Valery Gerasimov", "asserts") in got and ("g1", "U.S. officials", "asserts") not in got


def test_a_handful_counted_and_what_it_was_like(tmp_path):
    """Written for this test: "we were cut off, six of us in a cellar" is a handful, not the
    force; "asked him what it was like to be trapped" asks about an experience; "The whole
    group was cut off" still asserts."""
    got = stance_rows(tmp_path, {
        "c1": "\"For about thirty hours we were cut off, six of us in a cellar,\" Taras Tykhyi said.",
        "c2": "Darren Hnidy says he has lost count of the people who have asked him what it was like to be trapped.",
        "c3": "\"The whole group was cut off,\" Taras Tykhyi said.",
    })
    assert not any(a in ("c1", "c2") for a, _, _ in got) and ("c3", "Taras Tykhyi", "asserts") in got


def test_it_for_a_group_named_in_the_singular(tmp_path):
    """Written for this test: "Russian state television ... has shown maps of what it calls a
    'cauldron'": "it" is the television (a group of the gazetteer named in the singular),
    not the Ukrainian military named before (was a wrong sign)."""
    got = stance_rows(tmp_path, {
        "i1": ("Ukraine's military said its units were withdrawing in good order. Russian state television, meanwhile, "
               "has shown maps of what it calls a \"cauldron\" around the remaining Ukrainian positions."),
    })
    assert ("i1", "Ukrainian military", "asserts") not in got and ("i1", "Russian officials", "asserts") in got


def test_a_meaning_given_is_a_definition(tmp_path):
    """Written for this test: "Encirclement has a precise meaning: the enemy controls every way
    out" defines the word (was an assertion); "The encirclement was defined as ..." too."""
    got = stance_rows(tmp_path, {
        "d1": "\"Encirclement has a precise meaning: the enemy controls every way out,\" Brendan Oakes said.",
        "d2": "\"Encirclement is defined as the loss of every road out,\" Brendan Oakes said.",
    })
    assert not any(a in ("d1", "d2") for a, _, _ in got)


def test_no_pocket_and_no_ring(tmp_path):
    """Written for this test: "seen no evidence of a pocket", "There is no pocket." and "there is
    no ring" deny; a trap or a ring spoken of otherwise ("a trap for the army", "a ring
    road") is no claim term."""
    got = stance_rows(tmp_path, {
        "n1": ("Putin said the Ukrainians were isolated. The Institute for the Study of War said it had seen no "
               "evidence of a pocket."),
        "n2": "\"There is no pocket. We walked out,\" Captain Ivan Sirko said.",
        "n3": "Putin said the Ukrainians were isolated. \"I told her there is no ring,\" Oleh Marchuk said.",
        "n4": "The bypass follows the line of a ring road around the city, the mayor said.",
    })
    assert ("n1", "Institute for the Study of War", "denies") in got
    assert ("n2", "Ivan Sirko", "denies") in got and ("n3", "Oleh Marchuk", "denies") in got
    assert not any(a == "n4" for a, _, _ in got)


def test_no_such_troops_that_are_cut_off(tmp_path):
    """Written for this test: "There is no large body of Ukrainian troops that is cut off" denies
    (the relative clause's term under the "no" of the clause it describes; was an
    assertion)."""
    got = stance_rows(tmp_path, {
        "s1": "\"There is no large body of Ukrainian troops that is cut off,\" one of the US officials said.",
    })
    assert ("s1", "U.S. officials", "denies") in got and ("s1", "U.S. officials", "asserts") not in got


def test_official_texts_claimed_by_asked_to_comment_and_none_showed(tmp_path):
    """Written for this test: "no sign of the mass encirclement claimed by Moscow and repeated by
    the US president" makes Moscow and the president hold the claim (was both denying);
    "Asked to comment on ... statements that no Ukrainian units had been encircled,
    Peskov said ..." takes the question's words as no one's (was Peskov denying); "none of
    the footage ... showed Russian forces 'closing a ring around' Ukrainian units" denies,
    the quoted fragment no assertion; "existed mainly in speeches" denies."""
    got = stance_rows(tmp_path, {
        "o1": ("British military intelligence says there is no sign of the mass encirclement claimed by Moscow and "
               "repeated by the US president last week."),
        "o2": ("Asked to comment on the Ukrainian General Staff's statements that no Ukrainian units had been "
               "encircled, Peskov said the Defence Ministry's reports were accurate."),
        "o3": ("The ISW said none of the footage it had geolocated showed Russian forces \"closing a ring around\" "
               "Ukrainian units."),
        "o4": "\"The encirclement existed mainly in speeches,\" Doina Ceban said.",
    })
    assert ("o1", "Donald Trump", "asserts") in got and ("o1", "Russian government", "asserts") in got
    assert ("o1", "Donald Trump", "denies") not in got
    assert not any(a == "o2" and actor == "Dmitry Peskov" for a, actor, _ in got)
    assert ("o3", "Institute for the Study of War", "denies") in got
    assert ("o3", "Institute for the Study of War", "asserts") not in got
    assert ("o4", "Doina Ceban", "denies") in got
