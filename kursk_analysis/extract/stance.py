"""Who asserts and who denies that Ukrainian troops in Kursk were encircled, sentence by sentence.

:func:`stances` returns one row per (article, actor, sentence, stance): ``asserts`` or
``denies``, the sentence as evidence, and the date the stance was taken.

A sentence counts when it mentions the claim: a term for encirclement ("surrounded",
"encircled", "encirclement", "trapped", "cut off", "cauldron", "kettle"; "isolated" and
"blockaded" only when said of troops, "blocked" only as troops' passive: "soldiers had been
blocked"), or a claim noun pointing back to one ("this claim",
"that assertion") within three sentences of such a term; a bare denial ("says that is
“false and fabricated”", "called it false") within two sentences of one gives only
denials; and a sentence agreeing with the stance just reported ("Independent analysts
agree.", "consistent with ISW's findings") gives whoever it names that stance.
A term governed by a prediction or hedge ("risk being encircled", "could be surrounded",
"in danger of encirclement", "almost completely surrounded") is not a claim that troops
*are* encircled: alone, it makes no stance. Nor is a term the claim's when said of the
other side's troops or of another battle (the claim file's ``other_troops`` and
``other_places``: "had surrounded a group of Russian conscripts", "how Mariupol was
encircled"). Who holds which stance:

- **Claim holders assert**: "contrary to assertions made by Trump and Putin", "despite
  claims by both Vladimir Putin and President Trump", "Putin's March 13 claim", "the
  Russian president's claims", "as claimed by Putin", "not an encirclement, as Putin
  claimed, but ...", "and Trump repeated the claim".
- **An accusation of lying** sets accuser and accused on opposite sides ("Peskov accused
  him of lying" after Zelensky's denial; "Zelensky accused Putin of lying, saying ...").
- **Reporting frames** (from :func:`kursk_analysis.extract.quotes.speech_frames`: "X said",
  "according to X", "X refuted", "X concluded", "X and Y have cast doubt") take the
  polarity of the words they report: ``denies`` when a denial cue ("no geolocated
  evidence", "false and fabricated", "refuted", "denied", "untrue", "dispute", "nothing to
  support", "contrary to") lies in the frame's scope, or a negation in the clause of the
  term ("not surrounded", "none of its units ... were surrounded", "not people in a
  cauldron"), a question answered no ("Encircled? No") or a counterfactual ("If we were
  surrounded, I would not ..."); else ``asserts``. The scope of a frame before its content
  ("X said that …", "According to X, …") runs from the verb (or X) to the end of the
  sentence; of a frame after it ("…, X said" / "… according to X", only after a comma,
  dash or quote mark) from the sentence start to the verb. A holder never also denies in
  the same sentence. Whole sentences a quotation quotes from someone else are not the
  quoted speaker's stance.
- Countries speaking stand for their governments: "Ukraine denied that its troops were
  surrounded" gives the **Ukrainian government** (``side`` Ukraine). We keep it apart from
  the Ukrainian General Staff, whose own statement ("false and fabricated") is a separate
  row, so a reader can see which Ukrainian voice each outlet cites.

``date`` is when the stance was taken: a day-precise time expression in the sentence
closest to the actor or its verb ("Putin's March 13 claim", "reported on March 14", "said
in a statement Friday"), from :func:`kursk_analysis.extract.timex.time_expressions`; otherwise the
article's publication date (``date_basis`` says which; NaT when the article has no date).

Why rules and not a classifier: the claim has a small vocabulary, the evaluation is on
hand-annotated articles, and each row must be explainable from its evidence sentence.
"""
from __future__ import annotations

import itertools
import re

import pandas as pd

from kursk_analysis import pipeline
from kursk_analysis.extract.actors import OBJECT_PRONOUN, PRONOUN, SIDES, UNKNOWN_SIDE, actors, copies_of, replicate, study_table
from kursk_analysis.extract.quotes import METONYMS, ONLY_PUNCT, quotes, speech_frames
from kursk_analysis.lexicon import Claim, load_claim, stance_cues, word_group, words
from kursk_analysis.corpus import corrections
from kursk_analysis.corpus.text import fold
from kursk_analysis.extract.spans import rows_by

STANCE_COLUMNS = ["article_id", "actor", "in_gazetteer", "side", "stance", "role", "rule",
                  "sentence_id", "start", "end", "evidence", "date", "date_basis"]
# The claim's own words (terms, weak terms, troop words) come from its rule file, the cue
# families shared by every claim from rules/stance_cues.yaml (see :mod:`.lexicon`).
DEFAULT_CLAIM = "encirclement"
TROOPS_WINDOW = 80  # characters either side of a weak term in which troops must be named
TROOPS_AFTER_WINDOW = 30  # characters after an after-only term
NEGATED_HEDGE = re.compile(r"(?i)\W*(?:risk|danger|threat|fear|close|verge|almost|nearly)")
NEGATION = re.compile(words(stance_cues()["negations"]).pattern + r"|n't(?!\w)")
STRONG_DENIAL = words(stance_cues()["strong_denials"])
# The verbs of denial the clause rules below share ("rejected claims that", "dismissed
# that denial").
DENIAL_VERBS = r"reject\w*|den(?:y|ied|ies|ying)|dismiss\w*|refut\w*|debunk\w*"
DENIAL_VERB_START = re.compile(rf"(?i)(?:{DENIAL_VERBS})")
AGREEMENT = words(stance_cues()["agreements"])
GENERIC_BEFORE = re.compile(r"(?i)(?:(?<![\w'-])(?:an?|any)\s+(?:[a-z-]+ly\s+)?|(?<![\w'-])(?:people|those|anyone|"
                            r"someone|soldiers|troops|units|forces|men|a\s+force|an\s+army|a\s+unit)\s+(?:who|that)\s+"
                            r"(?:are|is|were|get|gets|have\s+been|has\s+been)\s+(?:[a-z-]+ly\s+)?)$")
CLAUSE_STOP = re.compile(r"[,.;:!?]|$")
RELATIVE_WORD = re.compile(r"(?i)(?<![\w'])(?:that|which|who|whom|whose)(?![\w'])")
CONDITION_BEFORE = re.compile(r"(?i)(?:^|(?<=[.;:!?\"]))\s*(?:but\s+|and\s+)?(?:if|unless)\s[^,;.!?\"]{3,150},\s*(?:then\s+)?[^,;.!?\"]{0,120}$")
NUMBER_OBJECT = words(stance_cues()["number_objects"])
WORD_MENTION = re.compile(r"(?i)(?<![\w'])(?:" + "|".join(stance_cues()["word_mentions"]) + r")\s*$")
# "Russian claims of a cauldron were not backed by footage": a term inside a noun phrase
# that reports someone's claim ("claims of", "talk about"), which the clause then says
# something of. The speaker judges the claim; without a denial cue, they do not assert it.
REPORTED_CLAIM_BEFORE = re.compile(words(stance_cues()["reported_claims"]).pattern
                                   + r"\s+(?:of|about)\s+[^,;:.!?\"]{0,60}$")
# "spoke to her about the claims that ...", "the images did not support the claim that ...":
# a term in the content of a claim the clause only names; without a verb that takes the
# claim up ("repeated claims that ...") or a denial cue, the speaker takes no side.
REPORTED_CLAIM_THAT = re.compile(r"(?i)(?<![\w'])(?:the|these|those|such|an?|its|his|her|their|[\w-]+'s|"
                                 r"about|of|on|over|with|despite|amid|against)\s+(?:[\w-]+\s+){0,2}?"
                                 + word_group(stance_cues()["reported_claims"])
                                 + r"\s+that\s+[^,;:.!?\"]{0,80}$")
EVALUATED_AFTER = re.compile(r"(?i)[^,;:.!?\"]{0,40}?" + word_group(stance_cues()["evaluations"]))
# "Putin's claim that …": a claim noun with its content after it.
COMPLEMENT_AFTER = re.compile(r"\s+(?:that|of|about)(?!\w)")
# The few words between a verb and its object ("reiterated the ...").
VERB_OBJECT = re.compile(r"(?:\s+[\w'-]+){0,4}?\s*")
# "rejected that denial": a denial referred back to (denying it is no denial of the claim).
DENIAL_NOUN = re.compile(r"(?i)(?<!\w)(?:that|this|the|such|those|these|its|their|his|her|[\w-]+'s)\s+(?:\w+\s+)?"
                         + word_group(stance_cues()["denial_nouns"]))
ENDORSEMENT_WORDS = word_group(stance_cues()["endorsements"])  # (verbs that take up what was said)
# "has repeated that denial", "echoed his denial": a verb that takes up a denial.
ENDORSED_DENIAL = re.compile(r"(?i)" + ENDORSEMENT_WORDS
                             + r"\s+(?:(?:that|this|the|those|these|its|their|his|her|[\w-]+'s)\s+)?(?:\w+\s+)?"
                             + word_group(stance_cues()["denial_nouns"]))
# ("dismissed Ukrainian denials of the encirclement as 'the usual lies'": what the denials are
# called is said of them, not of the claim)
DENIED_DENIAL = re.compile(rf"(?i)(?<!\w)(?:{DENIAL_VERBS}|disput\w*)\s+(?:[\w'-]+\s+){{0,2}}"
                           + word_group(stance_cues()["denial_nouns"])
                           + r"(?:(?:\s+(?:of|about)\s+[^.;]{0,60}?)?\s+as\s+[^.;]*)?")
# "the so-called Ukrainian denials were lies": a denial judged false, not the claim
DENIAL_JUDGED = re.compile(r"(?i)(?<![\w'])" + word_group(stance_cues()["denial_nouns"])
                           + r"\s+(?:(?:were|are|was|is|have\s+been|has\s+been)\s+)[^.;,]{0,40}")
# "Trump repeated the claim": a verb that takes up a claim referred back to.
ENDORSEMENT = words(stance_cues()["endorsements"])
ECHOED_IT = re.compile(r"(?i)" + ENDORSEMENT_WORDS + r"\s+(?:it|this|that|them)(?![\w'])")
# "trying to convince Trump that …": the words are someone's attempt to persuade.
PERSUASION = words(stance_cues()["persuasions"])
# "“They say we are surrounded, but …”": someone other than the speaker ("I", "we") says
# the words the term is in, earlier in the quotation's sentence.
ANOTHER_ANSWERS = re.compile(r"(?i)[\s,;:]*(?!(?:i|we|and|but|it|that|this)\b)[\w'.-]+(?:\s+[\w'.-]+){0,3}?\s+"
                             r"(?:says?|said|insists?|insisted|claims?|claimed)(?![\w'])")
THIRD_PARTY_SAYS = re.compile(
    r"(?i)(?<![\w'])(?!(?:i|we|i've|we've|i'd|we'd|to|the|a|an|this|that|these|those|its|their|"
    # (after a verb of saying, "claims" is its object: "said claims that ... were unfounded")
    r"his|her|our|your|my|said|says|say|added|wrote|argued|noted|insisted|stressed|cited|citing)(?![\w']))"
    r"(?![\w-]+'s\s)[\w'-]+\s+(?P<saying>"
    + "|".join(stance_cues()["reported_in_quotes"]) + r")(?!\s+(?:of|about|by|from)(?!\w))(?:\s+that)?\s+[^.!?]{0,80}$")
# "Syrskyi denied there was any threat of encirclement": a denied danger is denied outright.
DENIED_DANGER = re.compile(r"(?i)(?<!\w)(?:den(?:y|ied|ies|ying)|reject\w*|dismiss\w*|rul(?:e|ed|es|ing) out)"
                           # ("denied at the time that there was any threat of encirclement")
                           r"(?:\s+(?:at\s+the\s+time|on\s+\w+|in\s+a\s+statement|again|[a-z]+ly))?"
                           r"\s+(?:that\s+)?(?:there\s+(?:is|was|were|are|had been|has been)\s+)?"
                           r"(?:any|a|an|the)?\s*(?:real\s+|serious\s+|immediate\s+)?$")
# Negations that affirm ("no doubt that", "nobody could deny that"), set aside before a
# scope is read for a denial.
AFFIRMATION = words(stance_cues()["affirmations"])
HEDGE_NOUN_AFTER = re.compile(r"(?i)\s+(?:threats?|risks?|dangers?|fears?)(?!\w)")
# "encirclement was not a danger for its units", "An encirclement it was not": the term's
# own clause denies it after it.
# ("the encirclement of our units is not threatened", a translation's wording: whose
# encirclement may stand between)
DENIED_AFTER = re.compile(r"(?i)[\"']?(?:\s+of\s+(?:[\w'-]+\s+){0,3}?[\w'-]+)?"
                          r"\s+(?:(?:was|is|were|are|has\s+been|had\s+been)\s+(?:not|never|no\s+longer)\s+"
                          r"(?:an?\s+)?(?:(?:real|serious|immediate|imminent|actual|present)\s+)?"
                          r"(?:dangers?|threats?|threatened|risks?|possibility|prospect)(?!\w)"
                          r"|(?:it|they|this|that)\s+(?:was|is|were|are)\s+(?:not|never)\s*(?:[,.;!?\"'\u201d]|$)"
                          # ("the encirclement is not happening", "has never taken place")
                          r"|(?:(?:was|is|were|are)\s+(?:not|never)\s+(?:happening|taking\s+place)|(?:has|have|had)\s+"
                          r"(?:not|never)\s+(?:happened|taken\s+place))(?!\w)"
                          # ("The encirclement was a claim, never a finding")
                          r"|(?:was|is|were|are)\s+(?:only\s+|just\s+|merely\s+)?an?\s+(?:claim|assertion|story|narrative)"
                          r"\s*,\s*(?:never|not)\s+an?\s+(?:finding|fact|reality)(?!\w)"
                          # ("the encirclement existed only on Russian television", "exists only in
                          # the Kremlin's imagination")
                          r"|(?:(?:exist(?:s|ed)?|lived?|lives)\s+(?:only|mainly|mostly|largely|chiefly)|only\s+(?:exist(?:s|ed)?|lived?|lives))\s+"
                          r"(?:on|in)(?!\w))")
# "A cauldron is when the lid is on", "An encirclement is not a matter of words": what the
# word means, said of no troops.
DEFINITION_AFTER = re.compile(r"(?i)[\"']?\s+(?:(?:is|means)\s+(?:not\s+)?(?:(?:just|only|simply)\s+)?"
                              r"(?:when|where|what|about|an?\s+(?:matter|question|word|term)\s+of)"
                              # ("Encirclement has a precise meaning: the enemy controls every way out")
                              r"|has\s+an?\s+(?:[\w-]+\s+)?(?:meaning|definition)|(?:is|was)\s+defined\s+as)(?!\w)")
# "An encirclement is proved by prisoners, not by briefings", "An encirclement is not a
# feeling", "A cauldron with a hole like that is a sieve": an indefinite noun opening what the
# speaker says is any encirclement ("A cauldron is forming west of Sudzha" is this one;
# "An encirclement of our brigades never took place" names whose).
GENERIC_OPENING = re.compile(r"(?:^|[.!?;:\"'\u201c\u2018]\s*)(?:(?:But|And|Yet|So)\s+)?[Aa]n?\s+$")
GENERIC_PREDICATE = re.compile(r"(?i)(?:\s+with\s+[^,;.!?\"]{1,40}?)?\s+(?:is|means|requires|needs|has|does|"
                               r"can|cannot|can't|will|must|should|would)(?![\w'])"
                               # (not a progressive, "A cauldron is forming"; "is something else" is no verb)
                               r"(?!\s+(?:not\s+)?(?:(?!(?:some|no|any|every)thing)\w+ing|now|already|still|being)(?![\w']))")
# "a cauldron has walls", "An encirclement needs a closed ring": what any one is;
# "a cauldron is usually announced on television", "A pocket gets declared": how any such
# claim is made, said of no troops.
GENERIC_VERB_AFTER = re.compile(r"(?i)\s+(?:has|needs|requires|implies|(?:is|gets|was)\s+(?:\w+ly\s+)?"
                                r"(?:announced|declared|proclaimed|reported))(?!\w)")
INDEFINITE_BEFORE = re.compile(r"(?i)(?<![\w'-])an?\s+$")
COMPANY_AFTER = re.compile(r"(?i)\s+by\s+(?:the\s+)?" + word_group(stance_cues()["company"]))
# (a subject, not a manner: "pulling back in small groups")
PARTIAL_SUBJECT = re.compile(r"(?i)(?<![\w'-])(?<!\bin )" + word_group(stance_cues()["partial"]) + r"(?![\w'-])")
# "we were cut off, six of us in a cellar": a handful counted after the term
PARTIAL_AFTER = re.compile(r"(?i)(?:\s+[\w'-]+){0,3}?,\s*(?:all\s+)?(?:two|three|four|five|six|seven|eight|nine|ten|eleven|"
                           r"twelve|a\s+dozen|\d{1,2})\s+of\s+(?:us|them)(?![\w'])")
# "That is not what happens to people who are trapped": what happens to anyone so placed.
GENERIC_PEOPLE_BEFORE = re.compile(r"(?i)(?<![\w'-])(?:people|those|anyone|someone|everyone|everybody)\s+"
                                   r"(?:who|that)\s+(?:are|is|were|get|gets|have\s+been|has\s+been)\s+(?:[a-z-]+ly\s+)?$")
# "People in a real encirclement do not walk out": what any force so placed does.
# ("In an encirclement you cannot get out": what happens in any one)
GENERIC_IN_BEFORE = re.compile(r"(?:^|[.!?\"'\u201c]\s*)(?:(?:People|Those|Anyone|Men|Soldiers|Troops|Units|Forces|"
                               r"An\s+army|A\s+unit|A\s+force)\s+(?:who\s+are\s+)?in|In)\s+an?\s+"
                               r"(?:(?:real|true|genuine|proper|actual|full|complete)\s+)?$")
GENERIC_MODAL_AFTER = re.compile(r"(?i),?\s+(?:(?:you|one|people|soldiers|troops|units|nobody|no\s+one)\s+)?"
                                 r"(?:do|does|can|cannot|can't|could|would|will|won't|don't|doesn't|never)(?!\w)")
SILENCE_AFTER = re.compile(r"(?i)\s+(?:(?:even|yet|specifically|directly|once)\s+)?"
                           + word_group(stance_cues()["silences"]) + r"(?![\w'])")
SILENT_NOUN = re.compile(r"(?i)(?:\s+(?:also|even|never|not|did|does|do|had|has|was|were|is)(?:n't)?)*\s+(?:not\s+)?"
                         + word_group(stance_cues()["silences"]) + r"(?![\w'])")
# The side the claim is about, accused of lying or propaganda by the speaker: "Kyiv had
# driven its soldiers into a cauldron and was now lying", "no amount of Kiev's propaganda",
# "the Kiev regime's fakes" (no one else named, and no verb of saying, in between).
_DENIERS = r"(?:kyiv|kiev|zelensk\w*|(?:the\s+)?(?:kyiv|kiev|zelensk\w*)\s+regime|ukrainian\s+(?:side|command|leadership|propagandists))"
DENIERS_ACCUSED = re.compile(
    rf"(?i)(?<![\w'-]){_DENIERS}(?:'s\s+(?:[a-z-]+\s+){{0,2}}?(?:propaganda|fakes|lies|disinformation)"
    r"|\s+(?:(?!(?:said|says|say|told|tells|claims?|claimed|putin|moscow|russia\w*|kremlin|trump)\b)[\w'-]+\s+){0,20}?"
    r"(?:is|was|are|were|has\s+been|had\s+been|keeps?)\s+(?:now\s+|still\s+|simply\s+)?lying)(?![\w'])")
# "Maybe some of them are surrounded, maybe none of them are": a clause opened by maybe
MAYBE_CLAUSE_BEFORE = re.compile(r"(?i)(?:^|[,;:.!?\"\u201c]\s*)(?:maybe|perhaps)\s+[^,;:.!?\"\u201c\u201d]{0,60}$")
# "Asked to comment on the General Staff's statements that no units had been encircled,
# Peskov said ...": the words of the question put to the speaker, up to its comma
ASKED_OPENING = re.compile(r"(?i)\s*[\"']?(?:when\s+|after\s+being\s+)?asked\s+(?:to\s+comment\s+on|about|whether|if|"
                           r"(?:by\s+[\w' -]{1,40}?\s+)?(?:about|whether|if))\s[^,;:!?]*$")
IF_CLAUSE_BEFORE = re.compile(r"(?i)(?<![\w'])(?:if|unless)\s+[^,;:.!?\"\u201c\u201d]{0,80}$")
# (adjectives only: "is allegedly located in the boiler" in reported speech is the reporter's
# distance, and the one reported still asserts)
DISOWNED_BEFORE = re.compile(r"(?i)(?<![\w'])(?:supposed|alleged|so-called|purported|would-be)\s+(?:[\w'-]+\s+)?"
                             r"[\"'\u201c\u2018]?$")
HEARSAY_BEFORE = re.compile(r"(?i)(?<![\w'])(?:i|we)\s+(?:(?:first|had|have|just|then|once)\s+)?"
                            + word_group(stance_cues()["hearsay"]) + r"(?![\w'])[^.!?]{0,60}$")
DISTINCTION_BEFORE = re.compile(r"(?i)(?<![\w'])" + word_group(stance_cues()["distinctions"])
                                + r"\s[^.;:!?]{0,80}$")
CONCEPT_BEFORE = re.compile(r"(?i)(?<![\w'])" + word_group(stance_cues()["concepts"])
                            + r"\s+of\s+(?:an?\s+|the\s+)?(?:[\w'-]+\s+){0,2}[\"'\u201c\u2018]?$")
# "An encircled force, she argued, can neither be resupplied nor pulled out": what any such
# force can or does (a generic noun, then a modal, past a parenthetical frame).
GENERIC_FORCE_AFTER = re.compile(r"(?i)\s+(?:force|army|unit|group|garrison|grouping|formation)"
                                 r"(?:\s*,\s*[^,]{1,40},)?\s+(?:can|cannot|can't|could|does|doesn't|do|would|will|won't|must|has\s+to)(?!\w)")
# "Surrounded people do not get hot food": what is true of any encircled force.
GENERIC_AFTER = re.compile(r"(?i)\s+(?:people|troops|units|soldiers|forces|men|armies|fighters)\s+"
                           r"(?:do|does|did|would|can|could|will)\s*(?:not|n't|never)(?!\w)")
# "the encirclement story was written for ...", "The audience for the encirclement is ...",
# "Surrounded means there is no road" (a definition),
# "Calling it an encirclement is theatre": the term names a story told, which the clause
# judges: no assertion (a denial cue still denies: "called the encirclement story a lie").
TOPIC_AFTER = re.compile(r"(?i)[\"']?\s+(?:(?:is|was|are|were|has\s+been)\s+(?:the|an?|two)\s+(?:[\w'-]+\s+){0,2})?"
                         # ("Encirclement is the oldest story in the Russian military imagination")
                         r"(?:story|stories|narrative|myth|tale|theory|fiction|headlines?|talk|"
                         r"language|label|rhetoric|means|meant|trope|theme|obsession|"
                         # ("Surrounded is a precise military word")
                         r"(?:[\w'-]+\s+){0,2}(?:words?|terms?|expressions?|phrases?))(?!\w)"
                         # ("'pushed out' and 'encircled' are two different military facts": two
                         # things set side by side, neither said of the troops)
                         r"|[\"']?\s+(?:are|were)\s+two\s+(?:[\w'-]+\s+){0,2}(?:facts|things|concepts|matters|"
                         r"situations)(?!\w)")
# "the encirclement claim served the Kremlin's purposes": the claim talked about, unless a
# verb takes it up ("Trump repeated the encirclement claim").
CLAIM_NOUN_AFTER = re.compile(r"(?i)[\"']?\s+(?:claims?|allegations?|assertions?)(?!\w)")
TOPIC_BEFORE = re.compile(r"(?i)(?:(?:audience|market|appetite)\s+for|(?:calling|call|called|to\s+call)\s+"
                          r"(?:it|this|that|them)|"
                          # ("photographs of what they called 'cauldron prisoners'": a label)
                          r"(?<!\w)what\s+[\w'-]+\s+(?:call(?:s|ed)?|dub(?:s|bed)?|term(?:s|ed)?|label(?:s|l?ed)?)\s*[\"']?)"
                          r"\s*(?:the\s+|an?\s+)?$")
# "had seen reports that ... but could not verify them": the speaker vouches for nothing.
UNVERIFIED = words(stance_cues()["unverified"])
# "declined to say whether the troops were surrounded": a term in a question is hedged.
QUESTION = words(stance_cues()["questions"])
# "While Moscow insisted the Ukrainians were encircled, Kyiv said ...": a sentence opening
# with a subordinate clause; its words are not those of the speaker after the comma.
SUBORDINATE_OPENING = re.compile(r"\s*[\"']?" + word_group(stance_cues()["subordinators"]), re.I)
# "Neither the Pentagon nor the ISW found ...", "have not confirmed": a negated frame.
NEGATED_FRAME = re.compile(words(stance_cues()["negated_frames"]).pattern
                           + r"\s+(?:(?:the|have|has|had|be|been|yet|so far|to|can|could|would|will|should)\s+)?"
                           # "ISW has not observed geolocated footage confirming ...": what was
                           # not seen says nothing
                           + r"(?:(?:observed|seen|found|noticed|identified|verified|received)\s+(?:any\s+)?)?$")
# Verbs of belief whose negation is read as a belief in the negation ("did not believe the
# troops were surrounded"), and that negation right before the verb.
NEG_RAISING = {"believe", "believed", "believes", "think", "thinks", "thought"}
NEGATED_BELIEF = re.compile(r"(?i)(?<![\w'])(?:do|does|did)(?:\s+not|n't)\s+$")
# "Contrary to what Trump said, the troops were never encircled": a frame that is a free
# relative ends where it stands; the words after it are not its speaker's.
FREE_RELATIVE = re.compile(r"(?i)(?<!\w)what\s+$")
FREE_RELATIVE_END = re.compile(r"\s*[,;:.!?\u2014\u2013-]")
# Where a negation's scope begins: the clause holding the term ("said yesterday that none
# of its units in Russia's Kursk region were surrounded").
CLAUSE_BREAK = re.compile(r"(?i)[,;:\"]|(?<!\w)(?:that|but|while|which|who|whether|although|"
                          r"though|because|and|if|when|unless|until)(?!\w)")
# Where a reported statement's clause ends and someone else's words (or the outlet's) begin.
CLAUSE_END = re.compile(
    r"(?i)\s-{1,2}\s|;|,[\"']?\s*(?:but|while|whereas|even as|even though|though|although|yet)(?!\w)|"
    # "…, a claim Kyiv and Western analysts reject": an apposition that names the claim
    # as someone's begins words that are not the speaker's.
    r",\s*(?:a|an)\s+(?:\w+\s+)?(?:claims?|assertions?|allegations?|statements?|charges?|accusations?)(?!\w)|"
    # ("but that his troops were not surrounded" goes on reporting the speaker's words)
    r"\s+but\s+(?:this|that|it|these|those|such|there)(?!\w)(?!\s+(?:his|her|its|their|our|the|no|none|"
    r"ukrainian|russian|ukraine|russia|kyiv|moscow|troops|forces|units|brigades)(?!\w))")
# "Encircled? No." - a question about the term answered no.
# "..., a claim Kyiv rejected", "..., which Ukraine's military has denied": the words
# before a denier named in a relative clause or an apposition after the claim.
# (the nouns of an account of events: "a portrayal Kyiv's military rejected", "a version
# of events that Kyiv rejects outright")
ACCOUNT_NOUNS = (r"claims?|assertions?|allegations?|charges?|accounts?|portrayals?|descriptions?|"
                 r"characteri[sz]ations?|versions?|depictions?|narratives?|pictures?")
# (a closing quotation mark may follow the comma: 'he called "completely surrounded," an
# account Ukraine's military rejected')
RELATIVE_OPEN = re.compile(
    rf"(?i)(?:,[\"']?|\s-{{1,2}}|\u2014)\s*(?:(?:a|an)\s+(?:\w+\s+){{0,2}}?(?:{ACCOUNT_NOUNS})(?:\s+of\s+events)?\s+"
    r"(?:that\s+)?(?:both\s+)?|which\s+(?:both\s+)?)$")
_DENIED_ADVERBS = (r"(?:(?:has|have|had|also|repeatedly|firmly|flatly|strongly|categorically|"
                   r"vehemently|swiftly|quickly|already|long|since|immediately)\s+)*")
APPOSED_DENIAL = re.compile(
    rf"(?i)(?:,[\"']?|\s-{{1,2}}|\u2014)\s*(?:a|an)\s+(?:\w+\s+){{0,2}}?(?:{ACCOUNT_NOUNS})(?:\s+of\s+events)?\s+"
    rf"(?:that\s+|which\s+)?(?:[\w'-]+\s+){{1,4}}?{_DENIED_ADVERBS}(?:{DENIAL_VERBS}|disput\w*)(?!\w)")
RELATIVE_DENIED = re.compile(rf"(?i)\s+{_DENIED_ADVERBS}(?:{DENIAL_VERBS}|disput\w*)(?!\w)")


def _passive_apposition(nouns: str, adverbs: str, verbs: str, titles: int) -> re.Pattern:
    """The text right before the agent of a passive apposition set after a claim ("..., a
    claim rejected at the time by Kyiv and by Western analysts"): the ``nouns`` naming
    what was said, ``adverbs`` then one of the ``verbs``, "by" and any agents before it."""
    # (after another verb's agents: "a claim repeated by Trump but rejected by Ukraine and by
    # analysts"; the agents of one verb never run on over "but" to the other's)
    agents = r"(?:(?!(?<!\w)(?:but|yet)\s)[^,;:\"])"
    return re.compile(
        r"(?i)(?:,|\s-{1,2}|\u2014)\s*(?:a|an)\s+(?:\w+\s+){0,2}?(?:" + nouns + r")\s+"
        r"(?:[a-z]+ed\s+by\s+" + agents + r"{1,80}?\s+(?:but|yet|and)\s+(?:also\s+)?)?"
        r"(?:(?:that\s+)?(?:was|were|has\s+been|had\s+been)\s+)?" + adverbs + "(?:" + verbs + ")"
        r"(?:\s+(?:at\s+the\s+time|since|later|\w+ly))?"
        r"\s+by\s+(?:both\s+)?(?:" + agents + r"{1,60}?\s+(?:and|&)\s+(?:by\s+)?)?(?:[A-Z][\w.-]*\s+){0,"
        + str(titles) + "}$")


# "..., a claim rejected at the time by Kyiv and by Western analysts": the agents deny.
PASSIVE_DENIED_BEFORE = _passive_apposition(
    ACCOUNT_NOUNS, _DENIED_ADVERBS,
    rf"{DENIAL_VERBS}|disput\w*", 2)
# "..., a position echoed by U.S. President Donald Trump": the agent takes up the words
# before it, with their polarity.
PASSIVE_ECHOED_BEFORE = _passive_apposition(
    r"claims?|assertions?|position|view|line|assessment|account",
    r"(?:(?:later|since|also|quickly|swiftly|publicly|widely)\s+)?",
    r"echoed|repeated|amplified|shared|endorsed|backed|embraced|parroted|seconded", 3)
# "Zelensky, who has denied that his troops are surrounded, ...".
WHO_DENIED = re.compile(rf"(?i)\s*,\s*who\s+{_DENIED_ADVERBS}(?:{DENIAL_VERBS}|disput\w*)(?!\w)")
# A verb of saying under a modal: what it would say is nobody's claim ("no footage that
# would indicate that ...", "evidence that might show ...").
HYPOTHETICAL_FRAME = re.compile(r"(?i)(?<!\w)(?:would|could|might|may)\s+(?:\w+ly\s+)?$")
# After a frame set off by commas in the middle of a sentence, its words go on: not a new
# clause, participle or quotation's end.
SPLIT_QUOTE_AFTER = re.compile(r"\s*,\s*[\"']")
PARENTHETICAL_AFTER = re.compile(r"(?i)\s*,\s*(?![\"']|(?:but|and|while|as|who|which|whose|when|adding|"
                                 r"saying|citing|noting|according|although|though|yet)(?!\w))\w")
# What a negated verb of finding did not find: "has not observed any evidence that ...".
NOT_SEEN_EVIDENCE = re.compile(r"(?i)\s+(?:any\s+)?(?:[\w-]+\s+){0,2}?(?:evidence|signs?|indications?|"
                               r"footage|imagery|proof|confirmation)(?!\w)")
# After the agreeing words, who is set against them: "rather than with Putin".
CONTRAST = re.compile(r"(?i)(?<!\w)(?:rather than|instead of|unlike|contrary to|but not|not with)(?!\w)")
# An aside's verb with a clause of its own after it ("as the Kremlin said it was ...").
ASIDE_OWN_CLAUSE = re.compile(r"(?i)\s+(?:that\s+)?(?:it|he|she|they|there|we)\s+\w+")
# The end of a sentence inside a scope or quotation, and a reply that denies what was just
# said ("... is encircled. It is not.", "..., but that is not so").
SENTENCE_STOP = re.compile(r"[.!?]+[\"']?\s")
ANSWER_DENIES = re.compile(r"(?i)\W*(?:but\s+)?(?:it|that|this|they|we)\s+(?:is|are|was|were)(?:\s+not|n't)\b")
# ("Encircled? No", and the word taken up before the answer: "Trapped, no.")
ANSWERED_NO = re.compile(r"(?i)[\"']?\s*(?:\?\s*[\"']?|,)\s*(?:no|not at all|not really|nope|(?:of course|certainly|absolutely|definitely) not)\s*[.!,;:\"'\u201d]")
DANGER_AVERTED = re.compile(r"(?i)(?:\s+[\w'-]+){0,5}?\s+(?:had|has|have|was|were|is|are|been)\s+(?:been\s+)?"
                            r"(?:\w+ly\s+)?" + word_group(stance_cues()["averted"]))
# The content of someone's words, before a term: "statements by Kyiv that its troops were not ..."
# (not the speaker's own: "said in a statement that there was no threat")
NEGATED_CONTENT = re.compile(r"(?i)(?<!\w)(?<!in a )(?<!in an )(?<!in its )(?<!in his )(?<!in her )(?<!in their )"
                             r"(?:statements?|claims?|assertions?|assurances?|reports?|words|"
                             r"insistence)\s+(?:[^.;,\"]{0,40}?\s+)?that\s+[^.;:,\"]{0,60}$")
# "In Syrskyi's words, ...", "By the ministry's account, ...": whose words follow.
OWN_WORDS_BEFORE = re.compile(r"(?i)(?:^|[,;:(]\s*|\s)(?:in|by)\s+(?:the\s+)?$")
OWN_WORDS_NOUN = re.compile(r"(?i)words|account|assessment")
DANGER_BEFORE = re.compile(r"(?i)(?:threat|danger|risk)s?\s+of\s+(?:(?:an?|the)\s+)?(?:being\s+)?$")
QUESTION_AFTER = re.compile(r"[^.!?\"]{0,80}[\"']?\s*\?")
ANSWERED_YES = re.compile(r"(?i)\s*[\"']?\s*(?:of\s+course|yes|absolutely|certainly|definitely|without\s+a\s+doubt)\b"
                          r"(?!\s*,?\s*(?:but|not)\b)")
# "If we were surrounded, I would not be talking to you": a counterfactual that denies.
COUNTERFACTUAL = re.compile(
    r"(?i)\bif\b[^.?!]{0,40}\b(?:were|was|had been)\b[^.?!]{0,40}$")
COUNTERFACTUAL_THEN = re.compile(r"(?i)[^.?!]{0,80}\b(?:would|could)(?:\s+not|n't|\s+never)\b")
# "If the troops had really been surrounded, Russia would have shown footage", "Had they
# been encircled, ...": a past counterfactual says the condition did not hold.
COUNTERFACTUAL_PAST = re.compile(
    r"(?i)(?:\bif\b[^.?!]{0,40}\bhad|\bhad\s+(?:they|we|the\s+[\w-]+|those\s+[\w-]+))"
    r"\s+(?:really\s+|actually\s+|truly\s+)?been\s+(?:[\w-]+\s+)?$")
COUNTERFACTUAL_PAST_THEN = re.compile(r"(?i)[^.?!]{0,80}\b(?:would|could|might)(?:\s+\w+)?\s+have\b")
CLAIM_NOUN = re.compile(
    r"(?i)(?<!\w)(?:claims?|assertions?|statements?|allegations?|ultimatum|rhetoric|"
    r"insistence|remarks|boasts?|contention)(?!\w)")
HOLDER_TIME = (r"(?:\s+(?:(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today)"
               r"|(?:this|last)\s+(?:week|month|weekend)|earlier(?:\s+this\s+week)?"
               r"|in\s+(?:january|february|march|april|may|june|july|august|september|october|november|december)"
               r"|(?:hours|days|a\s+day|a\s+week)\s+(?:earlier|before)))?")
# "the mass encirclement claimed by Moscow": a participle of claiming right after a term
TERM_CLAIMED_BY = re.compile(r"(?i)[\"']?\s+(?:claimed|alleged|asserted|announced|proclaimed)"
                             r"(?:\s+(?:last\s+week|this\s+week|on\s+\w+))?\s+(?:by|from)\s+(?:both\s+)?")
HOLDER_BY = re.compile(
    # A statement holds the claim only as what is rejected ("dismissing statements from
    # Moscow and Trump that ..."): "according to a statement from the General Staff" and
    # "statements from analysts show no ..." are the source of other words.
    r"(?i)(?<!\w)(?:claims?|assertions?|allegations?|insistence|rhetoric|"
    rf"(?:{DENIAL_VERBS}|disput\w*)\s+"
    r"(?:the\s+|these\s+|those\s+|such\s+)?statements?)"
    # ("rejected claims Friday by Putin and Trump", "claims made this week by ...": a time
    # may stand between)
    # ("the claim, made by Vladimir Putin and repeated by Trump, that ...": the agents set off)
    + HOLDER_TIME + r"(?:,?\s+(?:made|put forward|repeated|voiced|issued|amplified|echoed|parroted|endorsed|"
    r"spread|pushed|promoted))?" + HOLDER_TIME
    # ("contrary to claims made in Moscow and repeated by Trump": the capital holds them)
    + r"\s+(?:by|from|in(?=\s+(?:Moscow|Kyiv|Kiev)(?![\w'])))\s+(?:both\s+)?")
# "Russia says they are, and Trump repeated the claim": a second speaker coordinated with
# the first, not speaking inside the first one's words.
# ("Russia's military said it had retaken two villages, and Putin ... said ...": after a
# comma, "and" joins a second clause with a speaker of its own.)
COORDINATED_BEFORE = re.compile(r"(?<!,)\sand\s+(?:[A-Z][\w.'-]*\s+){0,3}$")
LIST_GOES_ON = re.compile(r"\s*(?:,|and\b|&)")
# "despite Kremlin claims": an actor named right before a claim noun holds the claim.
HOLDER_NOUN = re.compile(r"\s+(?:claims?|assertions?|allegations?)(?!\w)")
# "rejected claims that units face encirclement": what is rejected is hedged in wording
# only; the rejection is of the claim itself.
DENIED_THAT = re.compile(
    rf"(?i)(?<!\w)(?:{DENIAL_VERBS})\s+"
    r"(?:the\s+)?(?:claims?|reports?|allegations?|assertions?|suggestions?)\s+that(?!\w)")
# Between two holders: "and", a list comma, a repeated "by"; before a holder, titles
# ("U.S. President", "Kremlin leader", "the Russian chief of general staff").
# ("claims made by Putin and repeated by Trump": a second participle with its own agent)
HOLDER_CONNECTOR = re.compile(r"\s*(?:,\s*)?(?:and\s+|&\s*)?(?:(?:later\s+|then\s+)?(?:repeated|echoed|amplified|"
                              r"voiced|endorsed|parroted|spread|pushed|backed|made)\s+(?=by\s))?"
                              r"(?:(?:by|from)\s+)?(?:both\s+)?")
HOLDER_TITLES = re.compile(r"(?:the\s+)?(?:(?:[A-Z][\w.'-]*|leader|chief|president|minister|"
                           r"general|spokesman|spokeswoman|commander)\s+){0,3}")
HOLDER_METONYM = re.compile(r"(Ukraine|Kyiv|Kiev|Russia|Moscow)(?![\w'-])")
ANAPHOR = re.compile(
    r"(?i)(?<!\w)(?:this|that|the|his|her|their|such|these|those|similar|same)\s+(?:\w+\s+)?"
    r"(?:claims?|assertions?|allegations?|ultimatum|notion|narrative|premise|suggestion|picture|version|portrayal|"
    r"depiction)(?!\w)")
# "says that is false", "called it ‘false and fabricated’", "a claim ... that Ukraine's
# government says is simply not true": what the denial refers to.
REFERS_BACK = re.compile(
    r"(?i)(?<!\w)(?:claims?|assertions?|allegations?|reports?|statements?|premise|notion|narrative|versions?|accounts?|"
    r"(?:that|this|it) (?:is|was)|"
    # ("Kyiv says they are not.", "Zelensky says they're not", "Kyiv says otherwise")
    r"(?:they|it)(?:'re|'s| are| were| was| is)(?: not|n't)(?=\s*(?:[.!;]|$))|"
    r"(?:the\s+)?(?:otherwise|opposite)(?=\s*(?:[.!;]|$))|"
    r"called (?:it|them|this|that)|calling (?:it|them|this|that)|"
    # ("... and the ISW reported no evidence of one")
    r"(?:evidence|signs?|indications?|proof|trace) of (?:one|such)|"
    r"(?:debunk\w*|den(?:y|ied|ies|ying)|reject\w*|dismiss\w*|refut\w*|disput\w*|"
    r"counter(?:s|ed|ing)?) (?:it|them|this|that|these|those|everything))(?!\w)")
THAT_AFTER_AGENT = re.compile(r"\s*,?\s*that(?!\w)")
UNNAMED_CLAUSE_SUBJECT = re.compile(r"(?i),\s+(?:and|but|while|whereas)\s+(?!(?:has|have|had|also|then|later|since|"
                                    r"he|she|it|they|we|i|was|were|is|are)\b)[\w'-]+(?:\s+[\w'-]+){0,3}?"
                                    r"\s+(?:(?:has|have|had|also|since|then|now|repeatedly)\s+)*$")
NEXT_CLAUSE_SUBJECT = re.compile(r"[,;]\s+(?:and|but|while|whereas)\s+(?:the\s+)?(?:[\w'-]+\s+){0,4}?[\w'-]+,\s*$")
# "…, President Vladimir Putin said", "…, the ISW said", "…, Zelensky's adviser Mykhailo
# Podolyak said": the words before the frame are the speaker's.
CLAIM_RELATIVE_BEFORE = re.compile(r"(?i)(?<![\w'])(?:the|that|this|a|an)\s+(?:[\w-]+\s+)?"
                                   r"(?:story|stories|claims?|assertions?|allegations?|narrative|account|version)"
                                   # ("a claim that US President Donald Trump repeated": the
                                   # subject's titles stand before it)
                                   r"\s+(?:that\s+|which\s+)?(?:(?:[A-Z][\w.'-]*|U\.S\.)\s+){0,3}$")
SUBORDINATE_AFTER = re.compile(r"(?i)(?:\s+(?:on|in|at|over|during|last|this|late|early|earlier|later)\s+[\w ]{1,30}?)?,?\s+"
                               r"(?:as|while|whereas|after|when|because|even\s+as|even\s+though|although)\s")
TAIL_BEFORE = re.compile(r"[,\"'\-:;]\s*(?:the\s+)?(?:(?:[A-Z][\w.'-]*|U\.S\.|adviser|advisor|aide|envoy|"
                         r"spokes(?:man|woman|person)|minister|commander|chief|head|leader|"
                         r"president|general|official|officer|analyst|expert)\s+){0,3}"
                         r"(?:(?:also|then|later)\s+)?$")
# "..., as claimed by Putin and Trump", "not an encirclement, as Putin and Trump claimed,
# but ...": an aside whose verb names whose claim the clause before it reports.
ASIDE_CLAIM_VERB = words(stance_cues()["aside_claims"])
AS_ASIDE = re.compile(r"(?i)[,(]\s*as\s+[^,;:\"()]{0,80}$")
CONTRAST_BUT = re.compile(r"(?i)[^.;:!?]{0,60}?,\s*but\s")
OPPOSITE = {"asserts": "denies", "denies": "asserts"}
# "accused Putin of lying about the situation": the accused and what they are accused of.
LIE_ACCUSATION = re.compile(r"(?i)(?<!\w)accus(?:e|es|ed|ing)\s+([^,;:.!?\"]{1,60}?)\s+of\s+"
                            + word_group(stance_cues()["lie_accusations"]))
# "called Putin's version a lie", "calls Kyiv's denials lies": the same accusation.
NEGATED_BEFORE_TERM = re.compile(r"(?i)(?<![\w'])(?:no|not\s+an?|never\s+an?|without\s+(?:any\s+)?)\s*$")
CLAIM_OBJECT = re.compile(r"(?i)(?:the|this|that|these|those|such)\s+(?:[\w'-]+\s+)?(?:story|stories|claims?|reports?|"
                          r"version|account|narrative|assertions?|allegations?)")
LIE_CALLED = re.compile(r"(?i)(?<!\w)call(?:s|ed|ing)?\s+([^,;:.!?\"]{1,60}?)\s+[\"']?(?:an?\s+)?(?:[\w'-]+\s+){0,2}"
                        r"(?:lie|lies|liar|fabrication|falsehood|fake)(?!\w)")
# "Zelensky said Putin was lying about the situation in Kursk": the same accusation, told.
LIE_SAID = re.compile(r"(?i)(?<!\w)(?:said|says|saying|insisted|insists)\s+(?:that\s+)?([^,;:.!?\"]{1,60}?)\s+"
                      r"(?:was|is|were|are|had\s+been|has\s+been)\s+(?:simply\s+|clearly\s+|again\s+)?"
                      + word_group(stance_cues()["lie_accusations"]))
DENIAL_WINDOW = 2  # sentences either side in which a bare denial finds the claim's words
ANAPHOR_WINDOW = 3  # sentences back in which an anaphoric "that claim" finds its term
HEDGE_WINDOW = 60  # (a hedge with its clause's subject: "possible that groups of a few hundred soldiers had been")
NEGATION_WINDOW = 30


def variant(claim) -> str:
    """The pipeline variant the stances on ``claim`` (a name, path or Claim) are kept under."""
    claim = load_claim(claim)
    return f"stances:{claim.name}:{claim.digest}"


def stances(corpus, claim: "str | Claim" = DEFAULT_CLAIM, corrected: bool = True) -> pd.DataFrame:
    """Stances on a claim, one row per actor and sentence.

    ``claim`` is a bundled claim's name (``"encirclement"``, ``"liberation"``), the path of
    a claim file (see :mod:`kursk_analysis.lexicon` and ``kursk_analysis/rules/claims/``),
    or a loaded :class:`~kursk_analysis.lexicon.Claim`.

    Columns: article_id, actor (canonical, or a name as the text gives it), in_gazetteer,
    side (``unknown`` for an actor the gazetteer lacks), stance (``asserts``/``denies``),
    role (``holder``: whose claim it is; ``speaker``: who is reported saying it; ``quote``:
    who is quoted; ``agrees``), rule (which rule made the row), sentence_id, start, end (the
    sentence's span in the raw text), evidence (the sentence), date (when the stance was
    taken), date_basis (the time expression used, or ``publication date``, or ``no date``).
    Sorted by article_id, start, actor. When the corpus has corrections
    (:mod:`kursk_analysis.corpus.corrections`) they are applied unless ``corrected`` is False,
    and the table gains ``corrected`` and ``correction`` (who, when, why).
    """
    claim = load_claim(claim)
    key = variant(claim)
    table = pipeline.memo(corpus, "stances", lambda: _compute(corpus, claim), variant=key)
    if not (corrected and corpus.corrections):
        return table
    return corrections.corrected(corpus, corrections.table_name("stances", claim.name), key, table)


def summary(stance_rows: pd.DataFrame) -> pd.DataFrame:
    """One row per (article, actor, stance), with the first sentence and earliest date."""
    return (stance_rows.sort_values(["article_id", "start"])
            .groupby(["article_id", "actor", "stance"], as_index=False, observed=True)
            .agg(side=("side", "first"), sentence_id=("sentence_id", "first"),
                 date=("date", "min"), n_sentences=("sentence_id", "nunique")))


# --------------------------------------------------------------------------- per sentence


def claim_terms(text: str, claim: Claim) -> list[tuple[int, int, bool]]:
    """``(start, end, hedged)`` of each claim term in a folded sentence.

    A weak term ("isolated", "blockaded") counts only near a word for troops. A term
    after "if ... were" is hedged, unless the sentence goes on to deny its consequence
    ("If we were surrounded, I would not be talking to you"): that is a denial, unhedged.
    """
    out = []
    for m in claim.term.finditer(text):
        if _about_others(text, m.start(), m.end(), claim) or COMPANY_AFTER.match(text, m.end()):
            continue
        if claim.after_only is not None and claim.after_only.fullmatch(m.group()) and \
                not claim.troops.search(text, m.end(), m.end() + TROOPS_AFTER_WINDOW):
            continue
        if claim.weak is not None and claim.weak.fullmatch(m.group()) and not (
                claim.troops.search(text, max(0, m.start() - TROOPS_WINDOW), m.start())
                or claim.troops.search(text, m.end(), m.end() + 30)):
            continue
        window = text[max(0, m.start() - HEDGE_WINDOW):m.start()]
        hedge = claim.hedge.search(window)
        # "I'd be amazed if most of that force isn't trapped by now": a term anywhere in a
        # condition says what would be so, not what is (a counterfactual still denies, below)
        if not hedge:
            hedge = IF_CLAUSE_BEFORE.search(text, max(0, m.start() - 90), m.start()) \
                or MAYBE_CLAUSE_BEFORE.search(text, max(0, m.start() - 70), m.start()) \
                or ASKED_OPENING.match(text, 0, m.start())
        # A negated hedge noun denies outright: "no threat of encirclement", "not at risk
        # of" (but "will not stay to be surrounded" stays a statement of intent).
        if hedge and NEGATED_HEDGE.match(hedge.group()) and \
                NEGATION.search(window[max(0, hedge.start() - 12):hedge.start()]):
            hedge = None
        if hedge and _counterfactual(text, m.start(), m.end()):
            hedge = None
        if hedge and DENIED_THAT.search(text, max(0, m.start() - 120), m.start()):
            hedge = None
        if hedge and NEGATED_HEDGE.match(hedge.group()):
            at = max(0, m.start() - HEDGE_WINDOW) + hedge.start()
            denied = DENIED_DANGER.search(text, max(0, at - 80), at)
            # ... but "could not rule out a threat of encirclement" keeps the danger open.
            if denied and not NEGATION.search(text, max(0, denied.start() - 12), denied.start()):
                hedge = None
        # "the threat of encirclement had been averted": a danger past is a denial.
        if hedge and NEGATED_HEDGE.match(hedge.group()) and DANGER_AVERTED.match(text, m.end()):
            hedge = None
        # "the encirclement threat", "encirclement risk": a hedge noun after the term.
        # ("faced no encirclement threat": the negated danger denies, as "no threat of")
        if not hedge and HEDGE_NOUN_AFTER.match(text, m.end()) and \
                not NEGATED_BEFORE_TERM.search(text, max(0, m.start() - 12), m.start()):
            hedge = True
        # "If they lose that road, then the talk of a cauldron becomes real": the
        # consequent of a condition says what would follow, not what is.
        if not hedge and CONDITION_BEFORE.search(text, max(0, m.start() - 240), m.start()):
            hedge = True
        # "An encircled force doesn't get to choose its road", "People who are surrounded do
        # not move": what is true of any encircled force, said to deny it of these troops.
        # (a participle only: "An encirclement of our brigades never took place" denies)
        if not hedge and m.group().lower().endswith("ed") and \
                GENERIC_BEFORE.search(text, max(0, m.start() - 60), m.start()):
            # (the negation on the verb right after the subject, not in a clause of the
            # noun's own, "an encirclement that does not exist", nor further on)
            negation = NEGATION.search(text, m.end(), min(m.end() + 25, CLAUSE_STOP.search(text, m.end()).start()))
            if negation and not RELATIVE_WORD.search(text, m.end(), negation.start()) and \
                    '"' not in text[m.end():negation.start()]:
                hedge = True
        # "the word 'surrounded' was doing political work": a word spoken of, not used.
        if not hedge and WORD_MENTION.search(text, max(0, m.start() - 40), m.start()):
            hedge = True
        if not hedge and _of_no_troops(text, m.start(), m.end(), claim):
            hedge = True
        # "I heard on the radio that they were surrounded": what the speaker heard
        if not hedge and HEARSAY_BEFORE.search(text, max(0, m.start() - 80), m.start()):
            hedge = True
        # "some smaller Ukrainian groups had been cut off": a part of the force, not the claim
        # ("Our company was never encircled" still denies)
        if not hedge and (PARTIAL_SUBJECT.search(text, _clause_start(text, m.start()), m.start())
                          or PARTIAL_AFTER.match(text, m.end())) and not _negated(text, m.start()):
            hedge = True
        if not hedge:
            opener = None
            for opener in CLAUSE_BREAK.finditer(text, max(0, m.start() - 80), m.start()):
                pass
            hedge = opener is not None and QUESTION.fullmatch(opener.group())
        out.append((m.start(), m.end(), bool(hedge)))
    return out


def _of_no_troops(text: str, start: int, end: int, claim: Claim) -> bool:
    """Whether the term at [start, end) of a folded sentence says what the word means or what
    is true of any force so placed, of no troops in particular: a definition ("A cauldron is
    when the lid is on", "a cauldron has walls"), a distinction ("a difference between a
    retreat and an encirclement"), a concept or a story spoken of ("the idea of a trapped
    force", "using the story of surrounded soldiers"; "did not support the idea of a sealed
    pocket" and "the story of trapped soldiers was ... not a fact" still deny, "repeated the
    story of surrounded troops" takes it up), or a generic subject
    ("people who are trapped", "People in a real encirclement do not walk out", "An
    encircled force, she argued, can neither ...", "Surrounded people do not get hot food")."""
    participle = text[start:end].lower().endswith("ed")
    indefinite = bool(INDEFINITE_BEFORE.search(text, max(0, start - 4), start))
    return bool(
        DEFINITION_AFTER.match(text, end)
        or not participle and GENERIC_OPENING.search(text, max(0, start - 14), start)
        and GENERIC_PREDICATE.match(text, end)
        or indefinite and GENERIC_VERB_AFTER.match(text, end)
        or DISTINCTION_BEFORE.search(text, max(0, start - 100), start)
        or (concept := CONCEPT_BEFORE.search(text, max(0, start - 60), start))
        and not _negated(text, start) and not claim.denial.search(text, max(0, start - 80), start)
        and not ENDORSEMENT.search(text, max(0, concept.start() - 40), concept.start())
        # ("The story of thousands of trapped soldiers was ... not a military fact": judged false)
        and not claim.denial.search(text, end, min(len(text), end + 80))
        or GENERIC_PEOPLE_BEFORE.search(text, max(0, start - 60), start)
        or GENERIC_IN_BEFORE.search(text, max(0, start - 50), start) and GENERIC_MODAL_AFTER.match(text, end)
        or participle and indefinite and GENERIC_FORCE_AFTER.match(text, end)
        or participle and GENERIC_AFTER.match(text, end))


# The other side's troops as a term's object ("had surrounded a group of Russian
# conscripts", "the encirclement of Russian units") or its subject ("Russian units near
# Glushkovo had been encircled", the term right after the verb).
OBJECT_GAP = re.compile(r"(?i)(?:\s+(?:of|a|an|the|some|several|about|around|up\s+to|nearly|roughly|hundreds|"
                        r"thousands|dozens|scores|group|groups|unit|units|number|remaining|[\d,]+))*\s+")
SUBJECT_GAP = re.compile(r"(?i)(?:\s+[^.;:!?,\"]{0,50}?)?\s+(?:were|was|are|is|had\s+been|have\s+been|has\s+been|"
                         r"being|been|remain(?:s|ed)?|got|get)\s+(?:(?:now|reportedly|effectively|completely|fully|"
                         r"almost|nearly|all\s+but|partly|partially|in\s+(?:a|the))\s+)*[\"']?")
PLACE_WINDOW = 60  # characters either side of a term in which another battle's place counts


def _about_others(text: str, start: int, end: int, claim: Claim) -> bool:
    """Whether the term at [start, end) is said of the other side's troops or of another
    battle (the claim's ``other_troops``, ``other_places`` and ``places``), so not of the
    claim."""
    if claim.other_troops is not None:
        gap = OBJECT_GAP.match(text, end)
        if gap and claim.other_troops.match(text, gap.end()):
            return True
        for m in claim.other_troops.finditer(text, max(0, start - 110), start):
            # (not when the claim's own side is named between: "Russian drones kept the
            # Ukrainian units ... surrounded")
            if SUBJECT_GAP.fullmatch(text, m.end(), start) and not (
                    claim.own_troops is not None and claim.own_troops.search(text, m.end(), start)):
                return True
    if claim.other_places is not None:
        lo, hi = max(0, start - PLACE_WINDOW), end + PLACE_WINDOW
        if claim.other_places.search(text, lo, hi) and not (
                claim.places is not None and claim.places.search(text, lo, hi)):
            return True
    return False


YEAR_ONLY = re.compile(r"(?i)(?:of|in)\s+\d")
PLACE_CONTEXT = 3  # sentences back in which a place named last sets where a placeless term is


def _in_another_battle(terms_all: list, folded_all: list, claim: Claim) -> list:
    """The terms of each sentence, without those about another battle: a sentence that
    names one of the claim's ``other_places`` and none of its ``places`` ("he denied that
    the city was encircled", after "the situation in Pokrovsk"), and a sentence that names
    no place while the place named last, within PLACE_CONTEXT sentences, was another
    battle's ("The ministry said Russian units were clearing the encircled grouping", after
    a paragraph on Pokrovsk). Only sentences with terms, and those just before them, are
    searched for places."""
    if claim.other_places is None:
        return terms_all
    places: dict = {}

    def place(i):  # "own", "other" or None: the places sentence i names
        if i not in places:
            folded = folded_all[i]
            if claim.places is not None and claim.places.search(folded):
                places[i] = "own"
            else:
                # (a place, not a year: "since the full-scale invasion in 2022" sets no scene)
                places[i] = "other" if any(not YEAR_ONLY.match(m.group())
                                           for m in claim.other_places.finditer(folded)) else None
        return places[i]

    out = list(terms_all)
    for i, terms in enumerate(terms_all):
        if not terms or place(i) == "own":
            continue
        if place(i) == "other":
            out[i] = []
            continue
        for j in range(i - 1, max(-1, i - 1 - PLACE_CONTEXT), -1):
            if place(j):
                if place(j) == "other":
                    out[i] = []
                break
    return out


def _frame_at(frame) -> int:
    """Where a frame's words begin: its subject or its verb, whichever comes first."""
    return min(frame.start, frame.subject_start) if frame.subject_start >= 0 else frame.start


def _implicit(text: str, claim: Claim) -> bool:
    """Whether the (folded) text denies the claim without naming it (the claim's
    ``implicit_denials``: "pulled back in good order", "the roads stayed open"); words the
    speaker gives as someone else's ("What the Western press calls an orderly withdrawal is a
    rout") are not theirs."""
    return claim.implicit_denial is not None and bool(claim.implicit_denial.search(_blank_named_words(text)))


# "What the Western press calls an orderly withdrawal is a rout": the words named as someone
# else's, up to the verb that says what they really are.
NAMED_WORDS = re.compile(r"(?i)\bwhat\s+(?:[\w'-]+\s+){0,5}?(?:calls?|called|describes?|described)\s+"
                         r"(?:as\s+)?[^.;:!?]{1,80}?(?=\s+(?:is|was|are|were)\b)")


def _blank_named_words(text: str) -> str:
    return NAMED_WORDS.sub(lambda m: " " * len(m.group()), text) if "call" in text or "describ" in text else text


def _of_others(text: str, claim: Claim) -> bool:
    """Whether a term in the (folded) text is said of the other side or another battle."""
    return any(_about_others(text, m.start(), m.end(), claim) for m in claim.term.finditer(text))


def _clause_end(text: str, pos: int) -> int:
    """Where the clause holding ``pos`` ends: a dash, a semicolon, or a comma before "but",
    "while", "even as", "though" (the end of the text when none follows)."""
    m = CLAUSE_END.search(text, pos)
    return m.start() if m else len(text)


def _clause_start(text: str, pos: int) -> int:
    """Where the clause ending at ``pos`` begins (see :func:`_clause_end`)."""
    start = 0
    for m in CLAUSE_END.finditer(text, 0, pos):
        start = m.end()
    return start


def _counterfactual(text: str, start: int, end: int) -> bool:
    return bool(COUNTERFACTUAL.search(text, max(0, start - 80), start)
                and COUNTERFACTUAL_THEN.match(text, end)
                or COUNTERFACTUAL_PAST.search(text, max(0, start - 80), start)
                and COUNTERFACTUAL_PAST_THEN.match(text, end))


def _negated(text: str, start: int) -> bool:
    """A negation in the clause that holds the term at ``start`` (not one on a verb of
    mentioning: "did not mention the reports of an encirclement" is silence)."""
    lo = max(0, start - 80)
    clause = lo
    for m in CLAUSE_BREAK.finditer(text, lo, start):
        # "none of its units ... were surrounded": a negation opening the clause counts.
        clause = m.end() if m.group() not in ('"',) else clause
    if clause > start - NEGATION_WINDOW:
        clause = max(lo, start - NEGATION_WINDOW)
    return any(not SILENCE_AFTER.match(text, m.end()) for m in NEGATION.finditer(text, clause, start)) \
        or bool(NO_SUCH_BEFORE.search(text, max(0, start - 120), start))


# "There is no large body of Ukrainian troops that is cut off": the relative clause's term
# is denied by the "no" of the clause it describes.
NO_SUCH_BEFORE = re.compile(r"(?i)(?<![\w'])there\s+(?:is|are|was|were)\s+no\s+[^.;:!?\"]{1,60}?\s+(?:that|which|who)\s+"
                            r"(?:is|are|was|were|has\s+been|have\s+been|had\s+been)\s+(?:[a-z]+ly\s+)?$")


def denies_in(text: str, terms: list[tuple[int, int, bool]], claim: Claim) -> bool:
    """Whether a (folded) scope denies the claim: a denial cue, a negation in the clause
    before an unhedged term ("are not surrounded", "none of its units ... were
    surrounded"), a question about it answered no ("Encircled? No"), or a counterfactual
    ("If we were surrounded, I would not ...")."""
    # "there was no doubt the Ukrainians were cut off" affirms, "dismissed Ukrainian denials"
    # denies a denial: both are set aside.
    text = AFFIRMATION.sub(lambda m: " " * len(m.group()), text)
    text = DENIED_DENIAL.sub(lambda m: " " * len(m.group()), text)
    text = DENIAL_JUDGED.sub(lambda m: " " * len(m.group()), text)
    # "Kyiv ... was now lying to their families", "no amount of Kiev's propaganda": the
    # denying side accused of lying, not the claim denied
    text = DENIERS_ACCUSED.sub(lambda m: " " * len(m.group()), text)
    text = _blank_named_words(text)
    # "called statements by Kyiv that its troops were not surrounded 'a pathetic lie'": a
    # denial of words that deny the claim does not deny it.
    if any(not hedged and _negated(text, start) and NEGATED_CONTENT.search(text, max(0, start - 120), start)
           and STRONG_DENIAL.search(text, end) for start, end, hedged in terms):
        return False
    if claim.denial.search(text):
        return True
    for start, end, hedged in terms:
        if hedged:
            continue
        if _negated(text, start) or ANSWERED_NO.match(text, end) or DENIED_AFTER.match(text, end) or \
                _counterfactual(text, start, end) or \
                DANGER_AVERTED.match(text, end) and DANGER_BEFORE.search(text, max(0, start - 30), start):
            return True
    return False


def _quoted_stance(text: str, terms: list[tuple[int, int, bool]], claim: Claim) -> str | None:
    """The stance of words that may report a third party's saying ("Kyiv says there is no
    encirclement, but ...", "They keep saying we are surrounded"): when every term is in
    such a saying, the speaker only relays it, and takes a side only by answering it after
    that clause ("Moscow claims our brigade is encircled. It is not." denies); otherwise the
    words' own polarity."""
    sayings = [THIRD_PARTY_SAYS.search(text, 0, t[0]) for t in terms]
    # "Kyiv rejected claims that ...", "Peskov repeated claims that ...": a saying that the
    # words before it deny or take up is the object of the speaker's verb.
    # ("Putin was talking about an imaginary encirclement": the speaker's own word for what
    # was said, between the saying and the term, judges it)
    if not all(sayings) or claim.denial.search(text, 0, sayings[0].end("saying")) \
            or ENDORSEMENT.search(text, 0, sayings[0].end("saying")) \
            or claim.denial.search(text, sayings[0].end("saying"), terms[0][0]):
        return "denies" if denies_in(text, terms, claim) else "asserts"
    end = terms[-1][1]
    stop = CLAUSE_END.search(text, end)
    sentence = SENTENCE_STOP.search(text, end)
    rest = text[min(stop.start() if stop else len(text), sentence.end() if sentence else len(text)):]
    # ("Putin says they're surrounded. Zelensky says they're not.": a second party's answer,
    # relayed too, is not the speaker's)
    if ANOTHER_ANSWERS.match(rest):
        return None
    return "denies" if rest and (denies_in(rest, [], claim) or ANSWER_DENIES.match(rest)) else None


def _held_by_another(owner, frame, v_end: int, folded: str) -> bool:
    """Whether a term the possessive ``owner`` (holder, start of "X's claim") holds is
    another actor's claim within ``frame``'s words, not the frame verb's own object: a
    passive frame ("Putin's claim … was echoed by Trump") or a claim a few words after the
    verb ("reiterated the Russian president's claims that …") is the speaker's to repeat."""
    if owner is None or owner[0] == frame.actor or frame.frame == "passive":
        return False
    # "The Kremlin's claim that ... is not new, analysts pointed out": a claim held before
    # the verb is what the speaker talks about, not what they say.
    return owner[1] < v_end or not VERB_OBJECT.fullmatch(folded, v_end, owner[1])


def _topic(text: str, terms: list[tuple[int, int, bool]]) -> bool:
    """Whether every term of a (folded) scope names the claim as a story told ("the
    encirclement story", "the audience for the encirclement", "calling it an
    encirclement") rather than saying that troops are surrounded."""
    return bool(terms) and all(TOPIC_AFTER.match(text, end) or TOPIC_BEFORE.search(text, max(0, start - 40), start)
                               or CLAIM_NOUN_AFTER.match(text, end)
                               and not ENDORSEMENT.search(text, max(0, start - 40), start)
                               for start, end, _ in terms)


def _takes_up(text: str, at: int) -> bool:
    """Whether a verb before ``at`` takes up the claim named there ("Trump repeated the
    claim"); not one a negation governs ("had seen nothing, not one thing, to back up the
    claim", "no evidence to support the claim", "none of the footage it could geolocate backed
    up claims of an encirclement")."""
    return any(not NEGATION.search(text, max(0, m.start() - 40), m.start()) and not _negated(text, m.start())
               for m in ENDORSEMENT.finditer(text, 0, at))


def _disowned(text: str, terms: list[tuple[int, int, bool]]) -> bool:
    """Whether every term of a (folded) scope comes with a word that keeps it at a distance
    ("the supposed encirclement", "the so-called cauldron"): the speaker does not assert it."""
    return bool(terms) and all(DISOWNED_BEFORE.search(text, max(0, start - 25), start) for start, _, _ in terms)


def _named_report(text: str, terms: list[tuple[int, int, bool]]) -> bool:
    """Whether every term of a (folded) scope is in the content of a claim the scope names
    ("the claims that ...", "the Russian claim of an encirclement had a purpose", "talk of a
    cauldron served Moscow") without a verb before it that takes the claim up ("repeated
    claims of an encirclement")."""
    for start, _, _ in terms:
        named = REPORTED_CLAIM_THAT.search(text, max(0, start - 120), start) \
            or REPORTED_CLAIM_BEFORE.search(text, max(0, start - 80), start)
        if not named or _takes_up(text, named.start()):
            return False
    return bool(terms)


# "..., which is why the Russian side could describe the Ukrainians as cut off": inside a
# speaker's words, a term someone else (not "I", "we", "he", "she") describes things as.
DESCRIBED_AS = re.compile(
    r"(?i)(?<![\w'])(?!(?:i|we|he|she|be|been|being|is|are|was|were)\s)[\w'-]+\s+(?:(?:could|would|can|might|may|did|to|had|have|has)\s+)?"
    r"(?:describ(?:e|es|ed|ing)|portray(?:s|ed|ing)?|depict(?:s|ed|ing)?|present(?:s|ed|ing)?|paint(?:s|ed|ing)?|"
    r"characteri[sz](?:e|es|ed|ing)|label(?:s|led|ed|ling|ing)?|brand(?:s|ed|ing)?)\s+(?:[\w'-]+\s+){0,4}?as\s+"
    r"[\"']?(?:[\w-]+\s+)?$")


def _described_by_another(text: str, terms: list[tuple[int, int, bool]], after: int) -> bool:
    """Whether every term of a (folded) scope is what someone other than the speaker
    describes things as, in a clause after ``after`` (the frame's verb)."""
    return bool(terms) and all(t[0] > after and DESCRIBED_AS.search(text, max(after, t[0] - 80), t[0])
                               for t in terms)


def _questioned(text: str, terms: list[tuple[int, int, bool]]) -> bool:
    """Whether every term of a (folded) scope stands in a question: "Surrounded? Then how
    did I drive out?", "Are the units encircled?" assert nothing (an answer, "Encircled?
    No.", denies before this is asked)."""
    # ("Are they surrounded? Of course they are": the question answered yes asserts)
    return bool(terms) and all((q := QUESTION_AFTER.match(text, end)) and not ANSWERED_YES.match(text, q.end())
                               for _, end, _ in terms)


def _judged_report(text: str, terms: list[tuple[int, int, bool]]) -> bool:
    """Whether every term of a (folded) scope is the object of a noun reporting a claim
    that the clause then says something of ("claims of encirclement were unfounded")."""
    return bool(terms) and all(
        REPORTED_CLAIM_BEFORE.search(text, max(0, start - 80), start)
        and EVALUATED_AFTER.match(text, end) for start, end, _ in terms)


def _relative_deniers(folded: str, s_start: int, terms, mention_rows, claim: Claim) -> list[tuple[str, int, int]]:
    """Actors a relative clause or an apposition names as denying the claim the sentence
    made before it ("..., a claim Kyiv rejected", "..., which Ukraine's military has
    denied"), or whose relative clause denies the claim after it ("Zelensky, who has denied
    that his troops are surrounded, ..."). Capitals stand for their governments. Words that
    already deny the claim ("Kyiv said its troops were not encircled, which Moscow
    disputed") make the one who rejects them no denier."""
    named = [(start - s_start, end - s_start, actor) for start, end, actor in sorted(mention_rows or ())]
    named += [(m.start(1), m.end(1), METONYMS[m.group(1)]) for m in HOLDER_METONYM.finditer(folded)
              if not any(a <= m.start(1) < b for a, b, _ in named)]
    out = []
    # "..., a claim Kyiv and Western intelligence officials have rejected": conjoined names
    # share the relative clause, from before the first to after the last.
    named.sort(key=lambda n: n[0])
    first, last = _conjuncts(folded, named)
    for k, (start, end, actor) in enumerate(named):
        before = [t for t in terms if t[1] <= start]
        passive = before and PASSIVE_DENIED_BEFORE.search(folded, max(0, start - 160), start)
        head, tail = named[first[k]][0], named[last[k]][1]
        if before and RELATIVE_OPEN.search(folded, max(0, head - 60), head) and \
                RELATIVE_DENIED.match(folded, tail) and not denies_in(folded[:head], before, claim):
            out.append((actor, s_start + start, s_start + end))
        elif passive and not denies_in(folded[:passive.start()], before, claim):
            out.append((actor, s_start + start, s_start + end))
        elif WHO_DENIED.match(folded, end) and any(t[0] >= end for t in terms):
            out.append((actor, s_start + start, s_start + end))
    return out


CONJUNCTION_GAP = re.compile(r"(?i)\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?")


def _conjuncts(folded: str, named: list) -> tuple[list[int], list[int]]:
    """For each name of ``named`` (start, end, actor; in text order), the index of the first
    and of the last name of the run of names joined by "and" or commas it belongs to."""
    first, last = list(range(len(named))), list(range(len(named)))
    for k in range(1, len(named)):
        if named[k - 1][1] <= named[k][0] and CONJUNCTION_GAP.fullmatch(folded, named[k - 1][1], named[k][0]):
            first[k] = first[k - 1]
    for k in range(len(named) - 2, -1, -1):
        if first[k + 1] == first[k]:
            last[k] = last[k + 1]
    return first, last


def _relative_echoes(folded: str, s_start: int, terms, mention_rows, claim: Claim) -> list[tuple[str, str, int, int]]:
    """Actors a passive apposition names as taking up what the sentence said before it
    ("..., a position echoed by Trump"), with that statement's polarity:
    ``(actor, stance, start, end)``."""
    out = []
    for start, end, actor in sorted(mention_rows or ()):
        start, end = start - s_start, end - s_start
        before = [t for t in terms if t[1] <= start]
        echoed = before and PASSIVE_ECHOED_BEFORE.search(folded, max(0, start - 160), start)
        if echoed:
            said = [t for t in before if t[1] <= echoed.start()]
            if said:
                stance = "denies" if denies_in(folded[:echoed.start()], said, claim) else "asserts"
                out.append((actor, stance, s_start + start, s_start + end))
    return out


def _as_claimed(folded: str, s_start: int, terms, frames, claim: Claim) -> list[tuple[str, int, int]]:
    """Actors an aside names as holding the claim of the clause before it: "troops had been
    encircled, as claimed by Putin", "whether they were encircled, as Trump claimed". After a
    negated claim only with a contrast that follows ("not an encirclement, as Putin claimed,
    but a slow retreat"): "were not encircled, as Kyiv claimed" may be Kyiv's own denial."""
    out = []
    for f in frames or ():
        if f.frame not in ("aside", "passive") or not f.actor or not ASIDE_CLAIM_VERB.fullmatch(f.verb):
            continue
        v_start, v_end = f.start - s_start, f.end - s_start
        aside = AS_ASIDE.search(folded, max(0, v_start - 100), v_start)
        if not aside:
            continue
        lo = _clause_start(folded, aside.start())
        before = [(s - lo, e - lo, h) for s, e, h in terms if lo <= s and e <= aside.start()]
        if not before:
            continue
        if denies_in(folded[lo:aside.start()], before, claim) and not CONTRAST_BUT.match(folded, v_end):
            continue
        out.append((f.actor, f.subject_start, f.subject_end))
    return out


def _lie_accusations(folded: str, s_start: int, mention_rows, frames, found: dict,
                     so_far: dict) -> list[tuple[str, str, int, int]]:
    """An accusation of lying in a sentence about the claim sets accuser and accused on
    opposite sides: "Peskov accused him of lying" after Zelensky's denial makes Peskov
    assert; "Zelensky accused Putin of lying" denies when Putin asserted (in the sentence or
    earlier in the article); "Zelensky accused Putin of lying, saying the troops had not
    been encircled" makes Putin assert. ``(actor, stance, start, end)``."""
    out = []
    for m in itertools.chain(LIE_ACCUSATION.finditer(folded), LIE_CALLED.finditer(folded), LIE_SAID.finditer(folded)):
        accusers = [f for f in frames or () if f.actor and f.start - s_start == m.start()]
        if len(accusers) != 1:
            continue
        accuser = accusers[0]
        named = [r for r in sorted(mention_rows or ()) if m.start(1) <= r[0] - s_start and r[1] - s_start <= m.end(1)]
        named += [(s_start + c.start(), s_start + c.end(), METONYMS[c.group(1)])
                  for c in HOLDER_METONYM.finditer(folded, m.start(1), m.end(1)) if not named]
        if named:
            start, end, accused = named[-1]  # ("Russia's Vladimir Putin": the person)
        elif m.re is LIE_CALLED and CLAIM_OBJECT.fullmatch(m.group(1)):
            # "called the story 'a cheap Kremlin fake'": the claim itself, called a lie
            if "asserts" not in {s for a, s in found if a == accuser.actor}:
                out.append((accuser.actor, "denies", accuser.subject_start, accuser.end))
            continue
        elif OBJECT_PRONOUN.fullmatch(m.group(1)):
            others = {a for a, _ in found if a != accuser.actor}
            if len(others) != 1:
                continue
            (accused,), start, end = others, s_start + m.start(1), s_start + m.end(1)
        else:
            continue
        if accused == accuser.actor:
            continue
        accused_said = {s for a, s in found if a == accused}
        accuser_said = {s for a, s in found if a == accuser.actor}
        known = accused_said or so_far.get(accused, set())
        if len(known) == 1 and not accuser_said:
            out.append((accuser.actor, OPPOSITE[next(iter(known))], accuser.subject_start, accuser.end))
        elif len(accuser_said) == 1 and not accused_said and m.re is not LIE_SAID:
            # (not from "X said Y was lying": that tells what X holds, not what Y said)
            out.append((accused, OPPOSITE[next(iter(accuser_said))], start, end))
    return out


def _holders(folded: str, s_start: int, mention_rows, terms=()) -> list[tuple[str, int, int]]:
    """Claim holders named by "claims (made) by X and Y" / "assertions from Moscow and
    Trump" in a sentence, or by a participle right after a claim term ("the mass
    encirclement claimed by Moscow and repeated by the US president"). A mention used as a
    title ("Kremlin leader Vladimir Putin") gives way to the person it introduces; a
    capital stands for its government."""
    out = []
    rows = sorted(mention_rows)
    for start, end, actor in rows:
        if HOLDER_NOUN.match(folded, end - s_start) and not folded.startswith("'", end - s_start):
            out.append((actor, start, end))
    agents = [m.end() for m in HOLDER_BY.finditer(folded)]
    agents += [m.end() for m in (TERM_CLAIMED_BY.match(folded, t[1]) for t in terms) if m]
    for pos in sorted(agents):
        first_pos = pos
        while True:
            conn = HOLDER_CONNECTOR.match(folded, pos)
            if pos != first_pos and not re.search(r"[,&]|\band\b", conn.group()):
                break
            at = conn.end()
            here = [r for r in rows if r[0] - s_start >= at]
            # A bare comma joins holders only inside a list ("X, Y and Z"): in "claims
            # amplified by Trump, Zelenskiy told reporters" the name after it is the speaker.
            if pos != first_pos and not re.search(r"&|\band\b", conn.group()) and not (
                    here and LIST_GOES_ON.match(folded, here[0][1] - s_start)):
                break
            metonym = HOLDER_METONYM.match(folded, at)
            if metonym and not (here and here[0][0] - s_start == at):
                out.append((METONYMS[metonym.group(1)], s_start + at, s_start + metonym.end()))
                pos = metonym.end()
                continue
            limit = HOLDER_TITLES.match(folded, at).end()
            nxt = [r for r in here if r[0] - s_start <= limit]
            if not nxt:
                break
            start, end, actor = nxt[0]
            # A title mention directly followed by a name: the name holds the claim.
            follow = [r for r in rows if r[0] > start and r[0] >= end
                      and folded[end - s_start:r[0] - s_start].strip() == ""]
            if follow:
                start, end, actor = follow[0][0], follow[0][1], follow[0][2]
            out.append((actor, start, end))
            pos = end - s_start
    return out


def _strip_nested(quote: str) -> str:
    """A quotation with the whole sentences it quotes from someone else blanked out
    (“He said, 'Auntie, we are not surrounded.'” is the nephew's denial, not the aunt's);
    short nested scare quotes (“the alleged ‘encirclement’”) stay."""
    def blank(m):
        inner = m.group(1)
        return m.group() if len(inner.split()) <= 3 else " " * len(m.group())
    return re.sub(r"(?<![\w])'([^']{2,400})'(?![\w])", blank, quote)


def _compute(corpus, claim: Claim) -> pd.DataFrame:
    info = study_table(corpus).set_index("actor")["side"].to_dict()
    sentences = corpus.sentences
    frames = speech_frames(corpus)
    qs = quotes(corpus, corrected=False)
    mentions = actors(corpus)
    times = _day_expressions(corpus)
    published = dict(zip(corpus.articles["id"], corpus.articles["published"]))

    # Rows per sentence, looked up lazily: only the distinct articles are read.
    frames_by = _LazyRows(frames[frames["actor"].notna()],
                          ["start", "end", "verb", "subject_start", "subject_end", "actor",
                           "frame"])
    # (frames whose speaker no one could name: they still end another speaker's words)
    unnamed_by = _LazyRows(frames[frames["actor"].isna() & frames["frame"].eq("verb")],
                           ["start", "subject_start"], tuples=True)
    mentions_by = _LazyRows(mentions, ["start", "end", "actor"], tuples=True)
    quotes_by = _LazyRows(qs[qs["speaker"].notna() & qs["kind"].eq("quote")],
                          ["start", "end", "quote", "speaker"])
    times_by = _LazyRows(times, ["start", "end", "text", "date_start"], tuples=True)

    rows = []
    columns = (sentences["article_id"].tolist(), sentences["sentence_id"].tolist(),
               sentences["start"].tolist(), sentences["end"].tolist(),
               sentences["text"].tolist())
    groups = rows_by(sentences["article_id"])
    # Wire copy republished verbatim (same sentences, same date) is read once.
    unique, copies = copies_of(corpus, lambda a: (
        corpus.texts[a], tuple(columns[2][i] for i in groups.get(a, ())), published.get(a)))
    for article_id in unique:
        if article_id in groups:
            _article_stances(article_id, [tuple(c[i] for c in columns) for i in groups[article_id]],
                             claim, frames_by, mentions_by, quotes_by, times_by, published,
                             info, rows, unnamed_by)
    frame = replicate(_stance_frame(rows), copies)
    return frame.sort_values(["article_id", "start", "actor"], kind="stable").reset_index(drop=True)


def _article_stances(article_id, sentence_rows, claim, frames_by, mentions_by, quotes_by,
                     times_by, published, info, rows, unnamed_by):
    folded_all = [fold(row[4]) for row in sentence_rows]
    terms_all = _in_another_battle([claim_terms(f, claim) for f in folded_all], folded_all, claim)
    last_term = -99
    previous: tuple | None = None  # (position, stances) of the last sentence with stances
    # Quotations that began in an earlier sentence read only after the claim's words
    # ("Kovalenko wrote: “Once again they spread fakes. Our units are not surrounded.”"):
    # a quotation is read in the first sentence it spans that holds a term.
    carried: list = []
    so_far: dict = {}  # actor -> the stances the article gave them so far
    for position, (_, sid, s_start, s_end, text) in enumerate(sentence_rows):
        folded = folded_all[position]
        carried = [q for q in carried if q.end > s_start] + (quotes_by.get(sid) if sid in quotes_by.index else [])
        terms = terms_all[position]
        if terms:
            last_term = position
        unhedged = [t for t in terms if not t[2]]
        # The cheap conditions first: most sentences are far from any claim term.
        anaphoric = bool(not terms and position - last_term <= ANAPHOR_WINDOW
                         and ANAPHOR.search(folded) and not _of_others(folded, claim))
        # "Ukraine's General Staff says that is “false and fabricated”", next to a sentence
        # with the claim's words (before or after it): a denial of that claim.
        denial_only = bool(
            not terms and not anaphoric
            and any(terms_all[max(0, position - DENIAL_WINDOW):position + DENIAL_WINDOW + 1])
            # ... or words that deny it without naming it ("pulled back in good order")
            and (STRONG_DENIAL.search(folded) and REFERS_BACK.search(folded) or _implicit(folded, claim))
            # "Moscow rejected that denial": denying a denial is no denial of the claim.
            and not DENIAL_NOUN.search(folded)
            # "Ukraine disputes that figure": a number denied, not the claim
            and not NUMBER_OBJECT.search(folded)
            # "rejected reports that Russian units had been encircled": another encirclement
            and not _of_others(folded, claim))
        # ("Western analysts do not agree.": a negated agreement takes no side here.)
        # ("Putin first made the claim, and Trump echoed it": what is echoed is the claim the
        # sentence names, not the stance of the sentence before)
        agreeing = bool(not terms and previous is not None and position - previous[0] <= 1
                        and len(previous[1]) == 1 and AGREEMENT.search(folded)
                        and not NEGATION.search(folded) and not ANAPHOR.search(folded))
        # (an aside names a holder whatever the clause does: "whether they were encircled, as
        # claimed by Putin")
        as_claimed = _as_claimed(folded, s_start, terms, frames_by.get(sid), claim) if terms else []
        # "Zelensky accused Putin of lying to the White House", after the claim's words: the
        # accusation alone places both (see _lie_accusations).
        lie_accused = bool(not terms and any(terms_all[max(0, position - DENIAL_WINDOW):position])
                           and (LIE_ACCUSATION.search(folded) or LIE_CALLED.search(folded) or LIE_SAID.search(folded)))
        if not unhedged and not anaphoric and not denial_only and not agreeing and not as_claimed \
                and not lie_accused:
            continue
        found: dict = {}
        by_pronoun: set = set()  # (actor, stance) read from a frame whose subject is a pronoun
        owned: dict = {}  # term start -> (holder, where its "X's claim that …" starts)

        def add(actor, stance, role, rule, *anchors):
            key = (actor, stance)
            if key not in found and (not denial_only or stance == "denies"):
                found[key] = (role, rule, [a for a in anchors if a >= 0])

        holders = set()
        for actor, start, end in _holders(folded, s_start, mentions_by.get(sid), unhedged):
            holders.add(actor)
            add(actor, "asserts", "holder", "claim-of-or-by", start, end)
        for actor, start, end in as_claimed:
            holders.add(actor)
            add(actor, "asserts", "holder", "as-claimed-by", start, end)
        if unhedged:
            for actor, start, end in _relative_deniers(folded, s_start, unhedged, mentions_by.get(sid), claim):
                add(actor, "denies", "speaker", "relative-denial", start, end)
            for actor, stance, start, end in _relative_echoes(folded, s_start, unhedged, mentions_by.get(sid), claim):
                add(actor, stance, "speaker", "echoed-by", start, end)
        sentence_frames = frames_by.get(sid)
        if sentence_frames:
            for f in sentence_frames:
                if f.frame == "possessive":
                    # "Trump's assertion that … surrounded": the claim follows the noun
                    # before anyone else's ("His statement counters Trump's assertion
                    # that …" makes Trump, not the statement's author, the holder).
                    n_end = f.end - s_start
                    # ("His remarks came a day after Trump wrote that ...": another's
                    # frame after the noun takes the words after it)
                    bound = min([g.start - s_start for g in sentence_frames
                                 if g.frame == "possessive" and g.start > f.end]
                                + [_frame_at(g) - s_start for g in sentence_frames
                                   if g.frame != "possessive" and g.actor and g.actor != f.actor
                                   and _frame_at(g) > f.end]
                                + [_clause_end(folded, n_end)])
                    owns = any(n_end <= t[0] < bound for t in unhedged) or \
                        (not unhedged and anaphoric)
                    # (the noun's own content comes right after it, "Trump's claim that",
                    # "Putin's remarks about": not a clause the noun is the subject of, "its
                    # statement did not mention the reports of an encirclement")
                    if owns and SILENT_NOUN.match(folded, n_end):
                        owns = False
                    # (up to another verb of saying, not the statement's own "Its statement
                    # said ...": "described Putin's remarks as panic and said there was no
                    # encirclement" is the describer's denial)
                    said = min([g.start - s_start for g in sentence_frames if g.frame != "possessive"
                                and g.start > f.end and g.subject_start != f.subject_start] + [bound])
                    own = [(s - n_end, e - n_end, h) for s, e, h in unhedged if n_end <= s < said]
                    # (the content's own negation only: a denial cue later in the sentence,
                    # "..., calling it disinformation", is the outer speaker's)
                    if CLAIM_NOUN.fullmatch(f.verb) and own and \
                            all(_negated(folded[n_end:bound], t[0]) for t in own):
                        # "Its statement said there was 'no threat of encirclement'", "Kyiv's
                        # claim that its troops were not surrounded": the owner denies.
                        add(f.actor, "denies", "speaker", "possessive-claim", f.subject_start,
                            f.subject_end, f.start)
                    elif CLAIM_NOUN.fullmatch(f.verb) and owns:
                        holders.add(f.actor)
                        add(f.actor, "asserts", "holder", "possessive-claim", f.subject_start,
                            f.subject_end, f.start)
                        if COMPLEMENT_AFTER.match(folded, n_end):
                            owned.update({t[0]: (f.actor, min(f.subject_start, f.start) - s_start)
                                          for t in unhedged if n_end <= t[0] < bound})
                    elif f.actor and f.subject_start >= 0 and OWN_WORDS_BEFORE.search(
                            folded, max(0, f.subject_start - s_start - 20), f.subject_start - s_start) \
                            and OWN_WORDS_NOUN.fullmatch(f.verb) and folded.startswith(",", n_end):
                        # "In Syrskyi's words, there is no threat of encirclement": the words
                        # after the comma are his, as after "according to".
                        own = [(s - n_end, e - n_end, h) for s, e, h in unhedged if n_end <= s < bound]
                        if own:
                            stance = _quoted_stance(folded[n_end:bound], own, claim)
                            if stance:
                                add(f.actor, stance, "speaker", "frame-own-words", f.subject_start,
                                    f.subject_end, f.start, f.end)
                    continue
        if sentence_frames and (unhedged or anaphoric or denial_only):
            for f in sentence_frames:
                if f.frame == "possessive" or f.actor in holders:
                    continue
                v_start, v_end = f.start - s_start, f.end - s_start
                # "the story he repeated was false", "the claim Trump made": the subject of a
                # relative clause on a claim noun, with a verb that takes it up, holds the claim;
                # what follows is not theirs ("a claim that analysts say is not true" is theirs).
                if f.frame == "verb" and 0 <= f.subject_start - s_start < v_start and \
                        CLAIM_RELATIVE_BEFORE.search(folded, max(0, f.subject_start - s_start - 40),
                                                     f.subject_start - s_start) and \
                        ENDORSEMENT.fullmatch(f.verb) and not folded[f.subject_end - s_start:v_start].strip(" ,"):
                    holders.add(f.actor)
                    add(f.actor, "asserts", "holder", "claim-relative", f.subject_start, f.subject_end, f.start, f.end)
                    continue
                if f.subject_start >= 0 and FREE_RELATIVE.search(
                        folded, max(0, f.subject_start - s_start - 12), f.subject_start - s_start) \
                        and FREE_RELATIVE_END.match(folded, v_end):
                    continue
                # "…, the ISW said, citing geolocated footage": what a speaker cites is their
                # evidence, not a second speaker of their words.
                if f.frame == "inverted" and f.verb in ("citing", "quoting") and any(
                        g.actor and g.actor != f.actor and g.frame != "possessive"
                        and g.end <= f.start for g in sentence_frames):
                    continue
                # A hypothetical frame says nothing: "footage that would indicate ...".
                if HYPOTHETICAL_FRAME.search(folded, max(0, v_start - 16), v_start):
                    continue
                # A negated frame says nothing: "Neither X nor Y found ...", "X has not confirmed ...".
                if NEGATED_FRAME.search(folded, max(0, v_start - 24), v_start) or (
                        f.subject_start >= 0 and f.subject_start < f.start and NEGATED_FRAME.search(
                            folded, max(0, f.subject_start - s_start - 24), f.subject_start - s_start)):
                    # ... but "ISW has not observed any evidence that Russian forces have
                    # encircled ..." reports finding nothing that bears the claim out.
                    if unhedged and unhedged[0][0] > v_end and NOT_SEEN_EVIDENCE.match(folded, v_end) \
                            and NEGATION.search(folded, max(0, v_start - 24), v_start):
                        add(f.actor, "denies", "speaker", "frame-no-evidence", f.subject_start,
                            f.subject_end, f.start, f.end)
                    # "officials did not believe the troops were surrounded": a negated belief
                    # is a belief in the negation (neg-raising), when the words after it assert
                    elif f.verb in NEG_RAISING and NEGATED_BELIEF.search(folded, max(0, v_start - 16), v_start):
                        after = [(t[0] - v_end, t[1] - v_end, t[2]) for t in unhedged if t[0] >= v_end]
                        content = folded[v_end:]
                        if after and not denies_in(content, after, claim):
                            add(f.actor, "denies", "speaker", "frame-neg-raised", f.subject_start,
                                f.subject_end, f.start, f.end)
                    continue
                if f.frame == "aside":
                    # "X denied reports that … encircled, as Putin has claimed": the aside
                    # names whose claim is denied.
                    first = min(v_start, f.subject_start - s_start)
                    main = folded[_clause_start(folded, first):first]
                    # ("..., as the Kremlin said it was studying the plan" says something
                    # else: the aside has a clause of its own and names no claim.)
                    if STRONG_DENIAL.search(main) and any(t[0] < first for t in unhedged) \
                            and not ASIDE_OWN_CLAUSE.match(folded, v_end):
                        holders.add(f.actor)
                        add(f.actor, "asserts", "holder", "aside-denied-claim",
                            f.subject_start, f.subject_end, f.start, f.end)
                        continue
                if f.frame == "passive" and THAT_AFTER_AGENT.match(folded, f.subject_end - s_start):
                    # "was told by Valery Gerasimov that the force was isolated": the agent's
                    # words follow it
                    content_after, v_start = True, f.subject_end - s_start
                elif f.frame == "passive":
                    # "claims rejected by Kyiv": what the agent rejects comes before it.
                    content_after, first = False, v_start
                elif f.frame == "inverted" and ONLY_PUNCT.fullmatch(folded[:v_start]):
                    # "According to Gerasimov, the enemy group ... is isolated"
                    cut = max(v_end, f.subject_end - s_start)
                    content_after, v_start = True, cut
                else:
                    content_after = f.frame != "inverted" and (
                        not unhedged or unhedged[-1][0] > v_start)
                    # Content before the frame only in "…, X said" (a comma, dash or
                    # quote mark before the subject): "… were “isolated,” and a day after
                    # Vladimir Putin said the soldiers should surrender" is not Putin's.
                    first = min(v_start, f.subject_start - s_start) if f.subject_start >= 0 \
                        else v_start
                    # "... are not encircled, Ukrainian officials said on March 11, as Russian
                    # propagandists flooded social media with maps showing a 'cauldron'": the
                    # words are before the frame; the clause after it has its own subject.
                    if content_after and any(t[0] < first for t in unhedged) and \
                            TAIL_BEFORE.search(folded, 0, first) and SUBORDINATE_AFTER.match(folded, v_end):
                        content_after = False
                    if not content_after and f.frame != "inverted" and \
                            (not TAIL_BEFORE.search(folded, 0, first)
                             # "..., and the commander-in-chief, Oleksandr Syrskyi, said":
                             # a subject opening the next clause, with its apposition
                             or NEXT_CLAUSE_SUBJECT.search(folded, max(0, first - 60), first)):
                        content_after = True
                # The speaker's words run to the end of their clause: "… surrounded there
                # -- claims rejected by Kyiv" and "…, but this is not true" are someone
                # else's (or the outlet's) and do not turn an assertion into a denial.
                if content_after:
                    # … and ends where a second speaker's frame begins ("He pointed out
                    # that in October Putin had claimed that …" is Putin's claim).
                    nested = [_frame_at(g) - s_start for g in sentence_frames
                              if g.actor != f.actor and g.frame != "possessive"
                              and g.start > f.end and g.subject_start > f.end
                              and not HYPOTHETICAL_FRAME.search(folded, max(0, g.start - s_start - 16),
                                                                g.start - s_start)
                              and not COORDINATED_BEFORE.search(folded, 0, g.subject_start - s_start)]
                    # ... or where a clause of its own begins with a subject no one could
                    # name ("Putin answered ..., and Russian commanders have since described
                    # the units as blocked": the commanders' words, not Putin's)
                    nested += [start - s_start for start, subject_start in unnamed_by.get(sid)
                               if start > f.end and subject_start < 0 and UNNAMED_CLAUSE_SUBJECT.search(
                                   folded, max(0, start - s_start - 60), start - s_start)]
                    # ... or where the same speaker's next verb begins ("accused Kyiv of
                    # spreading lies, insisting the units were encircled": the lies are
                    # Kyiv's, the encirclement is the insisting verb's).
                    nested += [g.start - s_start for g in sentence_frames
                               if g.frame == "coordinated" and g.actor == f.actor and g.start > f.end]
                    lo, hi = v_start, min([_clause_end(folded, v_end), *nested])
                    # "..., a portrayal Kyiv's military rejected": an apposition whose own
                    # subject denies what was said ends the speaker's words, named or not.
                    apposed = APPOSED_DENIAL.search(folded, v_end, hi)
                    if apposed:
                        hi = apposed.start()
                else:
                    lo, hi = _clause_start(folded, first), v_end
                    # "The encirclement, Zelensky said, is a lie": a frame set in the
                    # middle of its words speaks the words after it too.
                    if PARENTHETICAL_AFTER.match(folded, v_end) and \
                            folded[:first].rstrip().endswith(","):
                        hi = _clause_end(folded, v_end)
                    # '"If they were surrounded," he added, "we would not have those
                    # pictures."': a frame inside a quotation speaks the rest of it too.
                    elif SPLIT_QUOTE_AFTER.match(folded, v_end) and \
                            re.search(r",\s*[\"']\s*$", folded[:first]):
                        hi = len(folded)
                    # "While Moscow insisted …, Kyiv said": an opening clause that reports
                    # someone else's words is theirs, not Kyiv's.
                    # Only a frame inside that opening clause (up to its first comma):
                    # "While Russia presses on, ... despite claims amplified by Trump,
                    # Zelensky said" is Zelensky's.
                    opening_end = folded.find(",", lo, first)
                    if SUBORDINATE_OPENING.match(folded, lo) and any(
                            g.actor != f.actor and g.frame != "possessive"
                            and lo <= g.start - s_start < (first if opening_end < 0 else opening_end)
                            for g in sentence_frames):
                        continue
                scope = folded[lo:hi]
                scope_terms = [(t[0] - lo, t[1] - lo, t[2]) for t in unhedged if lo <= t[0] < hi]
                if unhedged and not scope_terms:
                    # "X called it “false”; Y found no evidence of an encirclement": a
                    # clause that refers back to the claim and denies it.
                    if STRONG_DENIAL.search(scope) and REFERS_BACK.search(scope):
                        add(f.actor, "denies", "speaker", "clause-refers-back", f.subject_start,
                            f.subject_end, f.start, f.end)
                    elif _implicit(scope, claim):  # "Kyiv says its units withdrew in good order"
                        add(f.actor, "denies", "speaker", "implicit-denial", f.subject_start,
                            f.subject_end, f.start, f.end)
                    elif ENDORSED_DENIAL.match(scope):
                        # "..., and much of the Western media has repeated that denial"
                        add(f.actor, "denies", "speaker", "takes-up-denial", f.subject_start,
                            f.subject_end, f.start, f.end)
                    # "Putin has claimed they were trapped, and Trump repeated the claim": a
                    # verb that takes up the claim the sentence made before (not one it
                    # denied: "the claim" may then be the denial).
                    elif content_after and any(_takes_up(scope, m.start()) for m in ANAPHOR.finditer(scope)):
                        prior = [t for t in unhedged if t[1] <= lo]
                        if prior and not denies_in(folded[:lo], prior, claim):
                            add(f.actor, "asserts", "speaker", "takes-up-claim", f.subject_start,
                                f.subject_end, f.start, f.end)
                    continue
                # Words that deny without the claim's terms, in this frame's clause or, with
                # no other speaker after it, in the rest of the sentence ("said the bridgehead
                # was 'hard to hold, but also, so far, not a trap'").
                implicit = denial_only and (_implicit(scope, claim) or content_after and not any(
                    g.actor and g.actor != f.actor and g.start > f.end for g in sentence_frames)
                    and _implicit(folded[lo:], claim))
                # A sentence that only refers back to the claim ("denied the claims, though
                # Zelensky conceded …"): only the frame whose words hold the reference.
                # "Putin first made the claim, and Trump echoed it": a verb that takes up
                # "it" after the sentence named the claim before the frame.
                echoed = bool(anaphoric and lo == v_start and ECHOED_IT.match(scope)
                              and ANAPHOR.search(folded, 0, _frame_at(f) - s_start))
                # "Zelensky rejected the claim, and the ISW echoed his denial": the denial
                # taken up is the speaker's too.
                if not unhedged and (anaphoric or denial_only) and lo == v_start and ENDORSED_DENIAL.match(scope):
                    add(f.actor, "denies", "speaker", "takes-up-denial", f.subject_start,
                        f.subject_end, f.start, f.end)
                    continue
                if not unhedged and not (
                        ANAPHOR.search(scope) or STRONG_DENIAL.search(scope)
                        and (denial_only or REFERS_BACK.search(scope)) or agreeing or implicit or echoed):
                    continue
                stance = _quoted_stance(scope, scope_terms, claim) if scope_terms else (
                    "denies" if denies_in(scope, scope_terms, claim) or implicit else "asserts")
                # ("Kyiv keeps denying the obvious: ..." - the affirmation is the reporter's;
                # the frame's own verb still denies)
                if stance == "asserts" and lo == v_start and AFFIRMATION.match(scope) and \
                        DENIAL_VERB_START.match(scope):
                    stance = "denies"
                if stance is None:
                    continue
                # A sentence that only refers back to the claim asserts it only by a verb
                # that takes it up ("Trump repeated the claim", "made the same claim"):
                # "It added that Russian claims were aimed at Trump", "the claims did not
                # match the battlefield" judge it.
                if stance == "asserts" and not unhedged and not echoed and not any(
                        _takes_up(scope, m.start()) for m in ANAPHOR.finditer(scope)):
                    continue
                if stance == "asserts" and scope_terms and (
                        _judged_report(scope, scope_terms) or _topic(scope, scope_terms)
                        or _disowned(scope, scope_terms)
                        or _named_report(scope, scope_terms) or _questioned(scope, scope_terms)
                        or _described_by_another(scope, scope_terms, v_end - lo)
                        # "… no evidence to support Putin's claim that …": another's claim,
                        # not the object of this verb ("reiterated Putin's claim that …")
                        or all(_held_by_another(owned.get(lo + t[0]), f, v_end, folded)
                               for t in scope_terms)
                        # "Putin was trying to convince Trump that …": an attempt to persuade
                        or PERSUASION.search(scope, 0, scope_terms[0][0])
                        # "… had no intelligence confirming that …": anywhere in the sentence
                        # before the term (a participle frame's own words start after it)
                        or UNVERIFIED.search(folded, 0, lo + scope_terms[-1][0])
                        or UNVERIFIED.search(scope)):
                    continue
                rule = ("anaphor-" if not unhedged else "frame-") + f.frame
                if f.subject_start >= 0 and PRONOUN.fullmatch(
                        folded[f.subject_start - s_start:f.subject_end - s_start].strip()):
                    by_pronoun.add((f.actor, stance))
                add(f.actor, stance, "speaker", rule, f.subject_start, f.subject_end, f.start,
                    f.end)
        if (unhedged or lie_accused) and sentence_frames:
            for actor, stance, start, end in _lie_accusations(folded, s_start, mentions_by.get(sid),
                                                              sentence_frames, found, so_far):
                add(actor, stance, "speaker", "lie-accusation", start, end)
        sentence_quotes, carried = carried, []
        if sentence_quotes:
            for q in sentence_quotes:
                inner = _strip_nested(fold(q.quote))
                q_terms = [t for t in claim_terms(inner, claim) if not t[2]]
                if q_terms and q.speaker not in holders:
                    stance = _quoted_stance(inner, q_terms, claim)
                    # ("none of the footage showed Russian forces “closing a ring around” the
                    # units", "could not show “any encircled units”": words the speaker's own
                    # frame already read, denied by what stands before them in its sentence)
                    q_at = q.start - s_start
                    if stance == "asserts" and (q.speaker, "denies") in found and 0 < q_at and (
                            claim.denial.search(folded, 0, q_at) or NEGATION.search(folded, max(0, q_at - 40), q_at)):
                        continue
                    if stance == "denies" or stance == "asserts" and not (
                            _judged_report(inner, q_terms) or _topic(inner, q_terms) or _disowned(inner, q_terms)
                            or _questioned(inner, q_terms) or PERSUASION.search(inner, 0, q_terms[0][0])):
                        add(q.speaker, stance, "quote", "quotation", q.start, q.end)
                elif denial_only and q.speaker and q.speaker not in holders and \
                        "asserts" not in so_far.get(q.speaker, ()) and \
                        not claim.term.search(inner) and _implicit(inner, claim):
                    # "Hard to hold, but also, so far, not a trap.", next to the claim's words
                    # (not from one the article had asserting: the weaker reading yields)
                    add(q.speaker, "denies", "quote", "quotation", q.start, q.end)
        if agreeing:
            # "Independent analysts agree.": whoever is named takes the stance just reported.
            # Not those named after a contrast ("Military analysts agreed with Rybar rather
            # than with Putin": not Putin).
            (stance,) = previous[1]
            contrast = CONTRAST.search(folded, AGREEMENT.search(folded).end())
            for start, end, actor in mentions_by.get(sid):
                if contrast and start - s_start >= contrast.start():
                    continue
                if (actor, OPPOSITE[stance]) not in found:
                    add(actor, stance, "agrees", "agreement", start, end)
        # A holder is never also a denier in the same sentence; nor is an actor on both
        # sides of the claim through a pronoun ("Zelensky said the Russian president was
        # lying when he claimed ...": "he" is not Zelensky): that reading is dropped.
        kept = set()
        for (actor, stance), (role, rule, anchors) in found.items():
            if stance == "denies" and actor in holders:
                continue
            other = (actor, OPPOSITE[stance])
            if other in found and (actor, stance) in by_pronoun and other not in by_pronoun:
                continue
            kept.add(stance)
            others = [(s, e) for s, e, a in mentions_by.get(sid) if a != actor]
            date, basis = _date(times_by.get(sid), anchors, published.get(article_id),
                                others)
            rows.append((article_id, actor, actor in info, info.get(actor, UNKNOWN_SIDE), stance,
                         role, rule, sid, s_start, s_end, text, date, basis))
            so_far.setdefault(actor, set()).add(stance)
        if kept:
            previous = (position, kept)


class _LazyRows:
    """A table's rows by sentence_id, built only for the sentences asked for."""

    def __init__(self, table: pd.DataFrame, columns: list[str], tuples: bool = False):
        self.index = rows_by(table["sentence_id"])
        self.columns = [table[c].tolist() for c in columns]
        self.names = columns
        self.tuples = tuples

    def get(self, sentence_id):
        rows = self.index.get(sentence_id)
        if rows is None:
            return []
        if self.tuples:
            return [tuple(c[i] for c in self.columns) for i in rows]
        return [_Row(**{n: c[i] for n, c in zip(self.names, self.columns)}) for i in rows]


class _Row:
    def __init__(self, **values):
        self.__dict__.update(values)


def _stance_frame(rows) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=STANCE_COLUMNS)
    frame = frame.astype({"article_id": "str", "actor": "str", "in_gazetteer": "bool",
                          "stance": "str", "role": "str", "rule": "str", "sentence_id": "str",
                          "start": "int64", "end": "int64", "evidence": "str",
                          "date_basis": "str"})
    frame["side"] = pd.Categorical(frame["side"], categories=SIDES)
    frame["stance"] = pd.Categorical(frame["stance"], categories=["asserts", "denies"])
    frame["date"] = pd.to_datetime(frame["date"]).astype("datetime64[ns]")
    return frame.sort_values(["article_id", "start", "actor"], kind="stable").reset_index(drop=True)


DATE_WINDOW = 40  # characters between a time expression and the actor or verb it dates


def _date(expressions, anchors, published, others=()):
    """The day-precise expression attached to the actor, else the publication date.

    Attached: within ``DATE_WINDOW`` characters of the actor's name or verb, with no other
    actor named in between ("Putin's March 13 claim" dates Putin, not the "experts" who
    "suggest that Putin's March 13 claim ...")."""
    best = None
    for start, end, text, day in expressions:
        for anchor in anchors:
            lo, hi = (end, anchor) if end <= anchor else (anchor, start)
            distance = max(hi - lo, 0)
            if distance > DATE_WINDOW or any(lo <= s and e <= hi for s, e in others):
                continue
            if best is None or distance < best[0]:
                best = (distance, text, day)
    if best is not None:
        return best[2], f"text: {best[1]}"
    if published is not None and not pd.isna(published):
        return published, "publication date"
    return pd.NaT, "no date"


def _day_expressions(corpus) -> pd.DataFrame:
    """Resolved day-precise time expressions, from :mod:`kursk_analysis.extract.timex`.

    Without that module every stance is dated by its article's publication date."""
    try:
        from kursk_analysis.extract.timex import time_expressions
    except ImportError:
        return pd.DataFrame({"article_id": [], "sentence_id": [], "start": [], "end": [],
                             "text": [], "date_start": pd.Series([], dtype="datetime64[ns]")})
    times = time_expressions(corpus)
    days = times[times["granularity"].astype(str).eq("day") & times["date_start"].notna()
                 & (times["date_start"] == times["date_end"])]
    return days[["article_id", "sentence_id", "start", "end", "text", "date_start"]]
