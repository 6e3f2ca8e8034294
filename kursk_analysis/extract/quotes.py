"""Direct quotations with their speakers, and the reporting frames ("X said") behind them.

:func:`quotes` gives one row per quotation: the quoted words' span (marks excluded), the
sentence it opens in, the canonical speaker (or None when the text does not say who),
the speaker phrase as written, and ``kind``: ``quote`` for quoted speech, ``scare`` for
short quoted fragments of three words or fewer that are not a whole sentence
(“encircled”, “surrender or die”, “nuances”). :func:`speech_frames` gives every reporting
frame found on the way (``said``, ``told``, ``wrote``, ``claimed``, ``according to``,
``denied``, ... with its subject), which the stance code reuses.

How a speaker is found, in order of strength:

0. the second half of a split quote (“…,” said the other, “not the map.”) keeps the
   first half's speaker;
1. a frame right after the closing mark (“…,” she said / “…,” said Mark Cancian /
   “…,” according to X), or an em-dash and a name (“…” — U.S. President Donald Trump);
2. the nearest frame before the opening mark in the same sentence that has a subject
   ("Putin said the goal is to “completely liberate”", "Trump wrote on Truth Social: “…”"),
   or a possessive ("Putin's March 13 claim … “surrender or die”", "his claim that …",
   "Statements by senior Russian officials that … “terrorists”"); an unnamed subject gives
   None, and a quote after "read/seen/described as" with no agent is the outlet's (None);
3. a sentence-final frame (“…” …, intelligence officials concluded.);
4. for a sentence that is only a quotation: the speaker of the previous quotation in the
   paragraph (a quote split by its attribution), else the last frame of the previous
   sentence ("Putin asked what will happen … “Will all those …?”").

Subjects are resolved by :func:`kursk_analysis.extract.actors.resolve_speaker`: gazetteer actors,
pronouns to the nearest compatible speaker or sentence subject (unnamed ones included, so
"he said" after "A company commander ... said" is not an earlier named man), "one"/"the
other" to the group named last, "the official"/"the expert"/"the head of state" to the
latest actor with that role, unknown full names as written (titles dropped) and their
surnames anywhere later in the article. Countries speaking ("Ukraine denied", "Moscow
said", "Moscow's claim") stand for their governments. Transcripts' spoken "quote, … , end
quote" counts as a quotation.

Why regular expressions over folded text and not spaCy's dependency parse: the corpus is
tokenised once at load with a blank pipeline (no parser, no model download), and the
benchmark runs every extractor over 10,000 articles in seconds. Quotation marks and
reporting verbs are a small closed vocabulary that compiled patterns find reliably.
"""
from __future__ import annotations

import bisect
import re

import pandas as pd

from kursk_analysis import pipeline
from kursk_analysis.extract.actors import FIRST_NAMES, NOT_PERSON_END, PLATFORMS, ROLE_TITLES, TITLED_NAME_AFTER, ArticleActors, BACK_REFERENCE, BODY_NAME_END, CODENAME, DESCRIPTION, MEMBER, ONLINE_HANDLE, \
    PRONOUN, PROPER_NAME, NOT_NAMES, SURNAME, TRADE_TITLES, actor_info, actors, copies_of, replicate, resolve_speaker, speaker_number, \
    strip_title, study_groups, study_table, titled_surname
from kursk_analysis.corpus.text import fold
from kursk_analysis.extract.spans import rows_by
from kursk_analysis import lexicon
from kursk_analysis.corpus import corrections

QUOTE_COLUMNS = ["article_id", "sentence_id", "start", "end", "quote", "speaker",
                 "speaker_text", "kind", "attribution", "speaker_in_gazetteer"]
FRAME_COLUMNS = ["article_id", "sentence_id", "start", "end", "verb", "subject_start",
                 "subject_end", "subject_text", "actor", "frame"]
SCARE_MAX_WORDS = 3

# Reporting verbs: speech, writing, and the assessment verbs the coverage attributes
# claims with ("concluded", "refuted", "denied"), from the one lexicon
# (rules/reporting_verbs.yaml, the verbs whose uses include quotes).
VERBS = lexicon.verb_alternatives("quotes")
VERB = re.compile(rf"(?<![\w'])(?:{VERBS})(?!\w)")
# Verbs that do not introduce the following words as the subject's own speech when the
# subject comes after them ("said in a statement").
# "Sen. X (D-Conn.) said", "The Institute for the Study of War (ISW) said"
GAP_PLAIN = re.compile(r"(?:\s*\((?:[DRI]-[A-Z][\w. ]{1,12}|[A-Z][A-Za-z.&-]{1,9})\))?(?:\s+[\w'.-]+){0,5}?\s*")
# ... with a word after "that" that can be the new clause's subject (not "that had asked").
GAP_THAT = re.compile(r"(?<!\w)that\s+(?!(?:had|has|have|was|were|is|are|would|could|will|"
                      r"also|then|he|she|it|they|we)(?!\w))[\w'-]+")
HEADS_OF = re.compile(r"(?i)(?<!\w)(?:leaders|heads|presidents|rulers)\s+of\s+(?:both\s+)?(?:the\s+)?"
                      r"(?:[\w.'-]+\s+(?:and\s+(?:the\s+)?)?){0,4}$")
QUANTIFIER_BEFORE = re.compile(r"(?i)(?<![\w'])(?:nothing|none|nobody|no one|anything|everything|"
                               r"something)\s+$")
GAP_APPOSITION = re.compile(
    # ("Sen. Marian Tolliver, D-Ore., who sits on ..., told"; "Starshina Grom (about 96,000
    # subscribers), run by a former sergeant, had announced")
    # ("Danny Rourke, 34, from Stoke-on-Trent, told": an age before the apposition)
    # ("the Institute for the Study of War in Washington, which goes through ..., said": a
    # place after the name)
    r"(?:\s*,\s*[DRI]-[A-Z][\w.]{1,12}(?=,)|\s*,\s*\d{1,3}(?=,)|\s*\([^()\"]{1,60}\)"
    r"|\s+(?:in|at|from|of)\s+[A-Z][\w.-]+(?:\s+[A-Z][\w.-]+)?(?=\s*,))?"
    # (a comma between digits, "which has 400,000 subscribers", is no end of it)
    r"\s*,(?:[^,\"]|(?<=\d),(?=\d)){1,140},\s*(?:(?:also|has|have|had|later|then|previously|once|since|"
    r"reportedly|again|earlier|further|publicly|repeatedly|did|do|does|did\s+not|do\s+not|does\s+not|"
    r"didn't|don't|doesn't)\s+)*"
)
# "A Ukrainian soldier reached by phone, who gave only his call sign, said": a short
# modifier, then an apposition between commas.
GAP_MODIFIER = re.compile(r"\s+(?:reached|speaking|interviewed|contacted|based|stationed|"
                          r"quoted|cited|who|familiar|serving|fighting)\b[^,\"]{0,60},"
                          r"(?:[^,\"]{1,140},)?\s*|"
                          # "A drone operator who gave his call sign as Kit said"
                          r"\s+who\s+(?:gave|goes|went|uses|used|gives)\s+(?:by\s+)?(?:his|her|the|only)\s+[^,\"]{0,50}?"
                          r"(?:call[- ]?sign|name)\b[^,\"]{0,30}\s+")
# "The same day Mr Putin, wearing fatigues, visited a command post and said": the
# sentence's subject speaks when a verb of saying is only coordinated with another verb.
LEAD_SUBJECT = re.compile(r"(?:[\w'.-]+\s+){0,4}$")
AND_BEFORE = re.compile(r"(?:,\s*)?\band\s+(?:(?:also|later|then)\s+)?$")
GENERIC_DEFINITE = re.compile(r"(?i)(?<![\w'])the\s+(?:military\s+)?(?:expert|analyst|observer)(?![\w'])")
# "Ukrainian and Western officials": each nationality is a group of its own.
# (The adjectives and the groups they name are rules/groups.yaml, officials_by_word.)
ADJECTIVES = tuple(lexicon.groups()["officials_by_word"])
ADJECTIVE_AND = re.compile(r"(?<![\w.])(" + "|".join(map(re.escape, ADJECTIVES)) +
                           r")\s*(?:,|and|or)\s*(?:\w+\s+(?:and|or)\s+)?$")
APPOSED_NAME_AFTER = re.compile(r"\s*,\s*(?:(?:also|has|have|had|later)\s+)?")
APPOSED_NAME_BEFORE = re.compile(r"[a-z)]\s*,\s*(?:(?:[A-Z][\w.'-]*)\s+){0,3}$")
THE_BEFORE = re.compile(r"(?i)(?<!\w)the\s+$")
# (", after describing the troops as trapped": a conjunction may open the participle)
PARTICIPLE_BEFORE = re.compile(r",[\"']?\s*(?:(?:after|before|while|when|since|by)\s+)?$")
# The description a sentence may open with before the name of its subject ("Russian war
# correspondent Alexander Kots", "Pentagon press secretary Sean Parnell").
ROLE_LEAD = re.compile(
    r"(?:[A-Z][\w.'-]*\s+)?(?:(?:war|military|correspondent|(?:mil)?blogger|analyst|expert|"
    r"journalist|commander|officer|spokes(?:man|woman|person)|press|secretary|official|adviser|"
    r"advisor|researcher|reporter|lawmaker|senator|minister|foreign|defen[cs]e|deputy|senior|"
    r"top|national|security|army|drone|unit|political|columnist|host|envoy|ambassador)\s+){1,3}")
# Between an inverted verb and its subject: "the", titles and role words ("said the Russian
# Defence Ministry", "said Secretary of State Marco Rubio", "said Sen. Lindsey Graham"), or
# a role set off by a comma ("said the head of the CCD, Andrii Kovalenko").
INVERTED_TITLE = re.compile(
    r" *(?:the +)?(?:(?:[A-Z][\w.'-]*|of|the|state|defen[cs]e|foreign|prime|minister|secretary|president|"
    r"envoy|special|retired|general|spokes(?:man|woman|person)|press|chief|head|deputy|senior|top|"
    r"national|security|adviser|advisor|commander|commander-in-chief|analyst|ambassador"
    # ("said Brig. Gen. (res.) Amnon Sheffer", "Maj. Gen. (retd) Rajiv Bhandari")
    r"|\((?:res|ret|retd|retired|ret'd)\.?\)) +){0,6}")
INVERTED_ROLE = re.compile(r"\s+(?:the|a|an)\s+[^,\".;:!?]{1,80},\s*(?:(?:Col|Gen|Lt|Maj|Capt|Sgt|Adm|Dr|Prof)\.?\s+)?")
# A statement as the subject, and who issued it.
STATEMENT_NOUN = re.compile(r"(?i)(?:a|an|the|its|their)\s+(?:\w+\s+)?(?:statement|communiqu[eé]|post|message|report|briefing|update)s?")
STATEMENT_BY = re.compile(r"(?i)\s+(?:(?:issued|released|published|posted|put out|shared)\s+)?(?:\w+\s+)?(?:by|from)\s+(?:the\s+)?")
# A verb that names what its object is called: "called Putin's statement “…”".
CALLED_BEFORE = re.compile(r"(?i)(?<!\w)(?:call(?:s|ed|ing)?|label(?:s|l?ed|l?ing)?|brand(?:s|ed|ing)?|dubb?(?:s|ed|ing)?|"
                           r"term(?:s|ed|ing)?|describ(?:e|es|ed|ing))\s+$")
# A relative clause whose verb's subject is its antecedent before the comma.
RELATIVE_SUBJECT = re.compile(r"(?i),\s*(?:who|which|in\s+which\s+(?:he|she|they|it)|"
                              # "DeepState, ..., whose analysts have said": the project speaks
                              r"whose\s+(?:[\w-]+\s+)?(?:analysts|experts|researchers|staff|authors?|officials)|"
                              # "Donald Trump, whose Truth Social message said": his statement
                              r"whose\s+(?:[\w-]+\s+){0,2}(?:message|post|statement|tweet|letter|reply|response|"
                              r"remarks|words)(?:\s+on\s+(?:[A-Z][\w-]*\s*){1,3})?)\s+(?:(?:has|have|had|also|then|later|"
                              r"previously|again|repeatedly|on\s+\w+|last\s+\w+|earlier|"
                              # "Putin, who a day earlier had described ..."
                              r"(?:a|one|two|three|several)\s+(?:days?|weeks?|months?)\s+(?:earlier|before)|"
                              r"the\s+(?:day|week)\s+before|[a-z]{3,}ly)\s+)*$")
# A courtesy or military title opening a sentence before a name ("Rep. Don Bacon").
COURTESY_LEAD = re.compile(r"(?:Retired\s+|Ret\.\s+|Junior\s+|Senior\s+|Staff\s+|Master\s+)?"
                           r"(?:(?:Rep|Sen|Gov|Gen|Col|Lt|Maj|Capt|Sgt|Cpl|Pvt|Pte|Spc|Adm|Amb|Dr|Mr|Mrs|Ms|Prof|Brig)\.?\s+)+")  # "Retired Lt. Gen.", "Pvt."
# Between an institution's role phrase and the person it titles ("Kremlin spokesman Dmitry
# Peskov", "Russian Defence Ministry spokesman Igor Konashenkov").
ROLE_BEFORE_NAME = re.compile(r"\s+(?:(?:spokes(?:man|woman|person)|press\s+secretary|secretary|chief|"
                              r"head|commander|adviser|advisor|official|analyst|minister|general)\s+){0,2}")
# Between a closing mark and the frame after it: punctuation, then a courtesy title or the
# title and role words wire copy puts before a name ("…,” Mr. Paroinen said; "…,” Russian
# President Vladimir Putin said; "…,” Kremlin spokesman Dmitry Peskov told reporters;
# "…,” national security adviser Mike Waltz said). Only such words: a gap holding a verb
# or any other word is a new clause, and the frame after it is not this quotation's.
TAIL_GAP = re.compile(
    r"[\s,;:.!?\-]*(?:(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+)?|"
    # (after a comma or a space only: "…’; the Institute for the Study of War found" is a
    # new clause)
    r"[\s,]*(?:(?:[A-Z][\w.'-]*|the|of|for|spokes(?:man|woman|person)|minister|president|"
    r"presidential|prime|leader|chief|commander|general|adviser|advisor|analyst|secretary|"
    r"envoy|ambassador|official|officer|head|deputy|senior|top|press|foreign|defen[cs]e|"
    r"national|security|army|military|correspondent|expert|researcher|director|founder|"
    r"lawmaker|senator|governor|mayor|aide|negotiator|representative|colonel|lieutenant|"
    r"major|captain|sergeant|general|commander-in-chief|"
    # ("…,” the popular Telegram channel Frontovik Z wrote)
    r"popular|influential|prominent|well-known|leading|largest|former|retired|pro-war|pro-kremlin|"
    r"war|channel|blog|blogger|milblogger)\s+){0,6}|"
    # "…,” the commander of the brigade, Col. Ivan Petrenko, told reporters
    r"[\s,]*(?:the|a|an)\s+[^,\".;:!?]{1,80},\s*(?:(?:Col|Gen|Lt|Maj|Capt|Sgt|Adm|Dr|Prof|Sen|Rep|Gov)\.?\s+)?")
# Labels some outlets put before a statement they quote ("Quote: “…”", "Details: …").
LABEL = re.compile(r"^\s*(?:Quote|Quotes|Details|Statement|Update|Background)\s*:\s*")
# "claims rejected by Kyiv", "a claim rejected at the time by Kyiv", "dismissed
# publicly by the ISW": an adverb or a time phrase may stand between verb and agent.
PASSIVE_BY = re.compile(r"(?:\s+(?:at the time|at once|in turn|since|also|later|then|[a-z]{3,}ly))?"
                        r"\s+by\s+(?:both\s+)?")
ASIDE = re.compile(r"(?i)(?:^|[\s,(])(?<!such )(?<!well )(?<!as soon )(?<!sign )(?<!name )(?<!guerre )"
                   r"as\s+[^,;:\"]{0,80}$")  # (not "gave his call sign as Kit")
OPENING_BEFORE_PRONOUN = re.compile(
    r"(?:Speaking|In|On|At|After|During|Following|Asked|Answering|Responding|Commenting|"
    r"Addressing|Writing|Meeting|Talking|Alongside|Standing|Appearing)\b[^\"]{0,160},\s*")
QUOTED_AS = re.compile(r"(?<!\w)(?:quoted|quotes|quoting|cited|cites|citing)\s+"
                       r"(him|her|them|[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){0,2})\s+as\s+$")
# Frames whose source follows them ("according to X", "in the words of X", "citing X").
SOURCE_FIRST = ("according to", "quote from", "citing", "quoting", "in the words of")
SO_BEFORE = re.compile(r"[,\u2013\u2014-]\s*so\s+$")
PASSIVE_QUOTED_AS = re.compile(r"\s+(?:was|were|has\s+been|have\s+been|had\s+been|is|are)\s+(?:also\s+)?"
                               r"(?:quoted|cited)\s+(?:by\s+[^,.;\"]{1,60}?\s+)?as\s+$")
PUBLISHED_GAP = re.compile(r"\s+(?:(?:has|have|had|also|then|later|on\s+\w+)\s+)*"
                           r"(?:issued|published|released|posted|put\s+out|shared)\s+")
OBJECT_AFTER = re.compile(r"\s+(him|her|them)(?!\w)")
APPOSITION_BEFORE_COMMA = re.compile(r"\s*,\s*(?:the|an?)\s+[^,;:\"()]{1,60}")
ING_GAP = re.compile(r"\s+(?:(?:is|are|was|were|been|be|has|have|had|also|now|still|keeps?|kept|repeatedly|"
                     r"began|begun|begins|started|starts|continued|continues|went on|goes on|"
                     r"publicly|openly|[a-z]{3,}ly|(?:quoted|cited|heard|filmed|recorded|seen)\s+as|"
                     r"as|"  # "KCNA quoted leader Kim Jong Un as saying"
                     # "Russian war bloggers have spent recent weeks claiming that ..."
                     r"spen[dt]s?\s+(?:(?:the|recent|past|last|several|many|much|most|all|of|two|three|a\s+few)\s+)*"
                     r"(?:days?|weeks?|months?|time|weekend|hours?)|"
                     # "The ministry published a statement claiming that ...": the publisher's
                     r"(?:issued|published|released|posted|put\s+out|shared)\s+(?:a|an|the|its|his|her|their)\s+"
                     r"(?:[\w-]+\s+)?(?:statement|post|video|message|report|note|update|communique))\s+)*")
INDEFINITE_LEAD = re.compile(r"(?i)(?:an?|one)\s")
WHO_UNCLOSED = re.compile(r"(?<=[a-z])\s+who\s+(?!said|says|told|added)[^,;:\"()]{1,100}$")
RELATIVE_UNCLOSED = re.compile(r"\s+(?:who|that)\s+(?!said|says|told|added)[^,;:\"()]{1,100}$")
GAP_COORDINATED = re.compile(r"\s*,?\s*(?:and|but)\s+(?:(?:also|later|then)\s+)?")
INVERTIBLE = {"said", "says", "added", "adds", "wrote", "writes", "asked", "explained",
              "continued", "noted", "warned", "cautioned", "argued", "stated", "declared",
              # (translated copy: "The grouping is cut off from supply, assures the Ministry of Defence")
              "assures", "assured", "affirms", "affirmed", "reports", "reported"}
# "George Barros of the Institute for the Study of War said": the person speaks.
OF_LINK = re.compile(r"\s+(?:of|at|from|with|for|in)\s+$")
# "a spokesperson for Ukraine's General Staff told CNN": an unnamed voice of an
# institution named after it speaks for the institution (the subject is the whole phrase).
# "analysts at the Institute for the Study of War said": the body's staff speak for the body.
STAFF_OF = re.compile(r"(?i)(?:[\w-]+\s+)?(?:analysts|experts|researchers|specialists|scholars|fellows)\s+"
                      r"(?:at|of|from|with)\s+(?:the\s+)?")
VOICE_OF = re.compile(r"(?i)(?:an?|the|one)\s+(?:[\w-]+\s+)?(?:spokes(?:man|woman|person)|"
                      r"representative|press (?:secretary|officer|service))\s+(?:for|of)\s+$")
# "one soldier, who asked not to be named, told …": a formula of anonymity, not a frame.
ANONYMITY_AFTER = re.compile(r"\s+(?:not\s+to\s+be\s+(?:named|identified)|to\s+remain\s+anonymous|"
                             r"for\s+anonymity|"
                             # "asked that her surname not be used", "asked to be identified only as"
                             r"(?:that\s+)?(?:only\s+)?(?:his|her|their)\s+(?:sur|first\s+|full\s+|last\s+)?names?|"
                             r"to\s+be\s+(?:identified|named|called)\s+(?:only\s+)?(?:as|by))(?!\w)")
# Countries and capitals as speakers ("Ukraine denied", "Moscow said") stand for governments.
METONYMS = {"Ukraine": "Ukrainian government", "Kyiv": "Ukrainian government",
            "Kiev": "Ukrainian government", "Russia": "Russian government",
            "Moscow": "Russian government"}
METONYM_POSSESSIVE = re.compile(r"(?<![\w-])(Ukraine|Kyiv|Kiev|Russia|Moscow)(?=')")
METONYM = re.compile(r"(?<![\w-])(Ukraine|Kyiv|Kiev|Russia|Moscow)(?!['\w-])")
POSSESSIVE_NOUNS = (
    r"claims?|statements?|assertions?|words|remarks|posts?|messages?|ultimatum|comments?|"
    r"warnings?|threats?|rhetoric|description|phrase|account|insistence|allegations?|"
    r"version|demands?|findings|assessments?|boasts?|contention"
)
POSSESSIVE = re.compile(rf"'s?\s+(?:[\w-]+\s+){{0,3}}?({POSSESSIVE_NOUNS})(?!\w)")
# "Jan Wielgosz, a Law and Justice MP": an indefinite apposition reaching into a candidate.
APPOSITION_INTO = re.compile(r"\s*,\s*an?\s+(?:[\w'-]+\s+){1,4}")
# "Donald Trump's post on Truth Social said": the owner of the statement speaks, not the
# medium it was published on.
# "Trump's appeal, posted on his platform on Friday, said": the statement's owner speaks.
OWNED_STATEMENT = re.compile(rf"'s?\s+(?:[\w-]+\s+){{0,2}}?(?:{POSSESSIVE_NOUNS}|appeals?|pleas?)(?:\s*,[^,\"]{{1,100}},)?\s*")
# ("an account Zelensky rejected" is a version of events, not a named account)
MEDIUM_NAME_BEFORE = re.compile(r"(?i)(?:platform|network|app|(?<!\ban )account|website|site|page)\s+$")
# "Trump in a post on his social media platform Truth Social told that": where he said it.
GAP_IN_A_POST = re.compile(r"\s+in\s+an?\s+(?:[\w-]+\s+){0,2}(?:post|statement|message|video|interview|address|"
                           r"tweet)\s+(?:on|to)\s+[^,.;\"]{0,60}?\s+")
MEDIUM_BEFORE = re.compile(r"(?<![\w'])(?:on|via)\s+(?:(?:his|her|its|their|the)\s+)?$")
PLATFORM_AFTER = re.compile(r"\s+(?:on|via)\s+(?:(?:his|her|its|their|the)\s+)?(?:"
                            + "|".join(sorted(map(re.escape, PLATFORMS), key=len, reverse=True))
                            + r")(?:\s+(?:account|page|channel|platform|website|feed))?\s*")
MEDIUM_GAP = re.compile(r"\s+(?:on|in|via)\s+(?:(?:his|her|its|their|the)\s+)?")
BY_STATEMENT = re.compile(rf"(?:{POSSESSIVE_NOUNS}|appeals?|letters?|messages?)\s+by\s+(?:[\w.'-]+\s+){{0,3}}$")
IN_WHICH_OWNED = re.compile(rf"'s?\s+(?:[\w-]+\s+){{0,2}}?(?:{POSSESSIVE_NOUNS}|appeals?|pleas?|letters?|speech|"
                            r"address|interview|messages?)\s*,?\s+(?:in\s+which|where)\s+")
OWNED_MEDIUM = re.compile(rf"'s?\s+(?:[\w-]+\s+){{0,2}}?(?:{POSSESSIVE_NOUNS})\s+(?:on|in|via)\s+"
                          r"(?:the\s+|his\s+|her\s+|its\s+|their\s+)?")
# The same with a possessive pronoun ("his claim that they are “isolated”") and with
# "by"/"from" ("statements by senior Russian officials that ... “terrorists”").
PRONOUN_POSSESSIVE = re.compile(
    # (not the object "her" before a preposition: "spoke to her about the claims")
    rf"(?i)(?<!\w)(his|her|their|its)\s+(?!(?:about|on|of|to|for|with|that|the|a|an)\s)"
    rf"(?:[\w-]+\s+){{0,2}}?({POSSESSIVE_NOUNS})(?!\w)")
CONTENT_THAT = re.compile(r"\s+that\s+[\"']")
BY_NOUN = re.compile(
    r"(?i)(?<!\w)(claims?|statements?|assertions?|remarks|comments?|words|allegations?|"
    r"threats?|warnings?)\s+(?:(?:made|issued|put forward|repeated|voiced)\s+)?"
    r"(?:by|from)\s+(?:both\s+)?")
# Every possessive rule's noun, in any case: a sentence without one needs none of them
# (a prefilter; each rule matches the noun after white space).
POSSESSIVE_NOUN = re.compile(rf"(?i)(?<!\w)(?:{POSSESSIVE_NOUNS})(?!\w)")
CLAUSE_OPEN = re.compile(r"(?:^|[;:]\s*)(?:(?:the|these|those|recent|repeated|earlier|such)\s+)?$",
                         re.I | re.M)
# Capitalised titles between "by" and a name: "by U.S. President Donald Trump".
TITLE_WORDS = re.compile(r"(?:(?:[A-Z][\w.'-]*|leader|chief|president|minister|general|"
                         r"spokesman|spokeswoman|commander)\s+){0,4}")
# "a message widely read in Kyiv as “surrender or die”": the outlet's characterisation,
# no one's words, even after a frame earlier in the sentence.
CHARACTERISATION = re.compile(
    r"(?i)\b(?:read|seen|interpreted|described|characteri[sz]ed|understood|viewed|dubbed|"
    r"branded|billed|labell?ed|known|taken|regarded)\b(?:(?!\bby\b)[^\"]){0,40}\bas\s*$")
# A quote followed by an em-dash and its source: "“…” — U.S. President Donald Trump".
DASH_SOURCE = re.compile(r"\s*-{1,2}\s*")
# A spoken quotation in a transcript: "the president wrote, quote, … , end quote".
SPOKEN = re.compile(r"(?i)(?<!\w)quote,?\s+(?=\S)([^\"]{2,600}?)[,.]?\s+(?:end quote|unquote)(?!\w)")
WORD = re.compile(r"[A-Za-z0-9]+(?:['-][A-Za-z0-9]+)*")
# After a closing mark inside a phrase: a lowercase word goes on ("the “heroism” of").
MID_PHRASE_AFTER = re.compile(r" +[a-z]")
ONLY_PUNCT = re.compile(r"[\s,;:.!?\-]*")
# Reporting words that are also nouns: after a determiner or possessive they name a claim,
# not an act of saying ("despite claims by", "Putin's March 13 claim", "the reports").
NOUN_LIKE = {"claim", "claims", "reports", "calls", "notes", "estimates", "found", "says",
             "reported", "believed", "claimed", "described", "alleged", "called", "states"}
NOUN_BEFORE = re.compile(
    r"(?:(?<!\w)(?:the|a|an|this|that|these|those|his|her|their|its|our|such|repeated|"
    r"recent|earlier|previous|new|false|despite|of|by|to|with|for|and|or|any|no|"
    r"reportedly|widely|so-called|is|are|was|were|be|been|being|about|over|amid|"
    # the object of another reporting verb: "has rejected claims that", "denied reports"
    r"rejected|rejects|denied|denies|deny|dismissed|dismisses|refuted|refutes|disputed|"
    r"debunked|countered|echoed|repeated|amplified|parroted|endorsed|made|making|"
    r"spread|spreading|similar|fabricat\w*|invent\w*|peddl\w*|"
    # ("assessments do not support Russian claims that ...", "contradicted claims")
    r"support|supports|supported|back|backs|backed|contradict\w*|undercut\w*|challeng\w*|"
    r"question\w*|confirm\w*|corroborat\w*|"
    # the object of a verb of saying: "said claims that ... were unfounded"
    r"said|says|say|added|wrote|argued|noted|insisted|stressed|called|described|cited|citing)|'s?)"
    # ... and the modifiers a noun of saying takes after them: "rejected Russian reports that".
    r"(?:\s+(?:russian|ukrainian|media|western|news|unconfirmed|"
    r"unverified|recent|earlier|initial|latest|multiple|numerous|official|press|"
    # "the other 26 member states", "the Baltic states"
    r"other|member|\d+|allied|neighbou?ring|baltic|nordic|gulf|arab|african|european|nuclear|"
    # ("was pressed about weekend reports that ...")
    r"frontline|eu|nato|weekend|overnight|fresh|conflicting)){0,3}\s+$", re.I)
# "... said in a statement that ... and described the reports as": after a bare "and", a
# past form is the second verb of the clause ("the claims and reports" stay nouns).
COORDINATED_VERB = re.compile(r"[^\W\d]\s+and\s+$")
INCLUDING = re.compile(r"\s*,\s*(?:including|among them|notably|such as)\s")
CODE_GAP = re.compile(r"\s*,\s*(?:(?:also|later|then|has|had)\s+)?")
# "who had earlier described the troops as isolated": a perfect tense, a verb.
PERFECT_BEFORE = re.compile(r"(?<![\w'])(?:had|has|have)\s+(?:(?:earlier|also|already|previously|repeatedly|"
                            r"just|since|long|[a-z]+ly)\s+)?$")
# "claims rejected by Kyiv", "claims about the encirclement": a reporting noun followed by
# a participle and its agent, or by what it is about.
NOUN_PASSIVE = re.compile(r"\s+(?:[a-z]+ed\s+by\s|(?:of|about)(?!\w))")
# Only these may stand between a country speaking and its verb ("Ukraine has denied").
REFLEXIVE_AFTER = re.compile(r"\s+(?:themselves|itself|himself|herself|ourselves|myself)(?![\w'])")
# "Kiev, as usual, denied", "Moscow, for its part, insists": a short aside between a capital
# and its verb
GAP_ASIDE = re.compile(r"(?i)\s*,\s*(?:as\s+(?:usual|expected|before|always)|for\s+(?:its|their)\s+part|however|in\s+turn|"
                       r"meanwhile|though|too|again|once\s+again|predictably|for\s+now|in\s+response|"
                       r"on\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\s*,\s*"
                       r"(?:(?:has|have|had|also|again|repeatedly|flatly|firmly|quickly|promptly)\s+)*")
GAP_AUX = re.compile(r"\s+(?:(?:has|have|had|also|again|repeatedly|previously|earlier|still|now|"
                     r"officially|formally|long|since|was|were|is|are|been|keeps|kept|"
                     # an adverb ("Kyiv flatly denies"), not a noun in -ly ("a Kyiv family said")
                     r"(?!(?:famil|assembl|all|rall|suppl|anomal|monopol|dai|week|repl|bull|jul|ital)y\b)[a-z]{3,}ly)\s+)*")
# Coordinated subjects: "The CIA and other intel agencies believe".
GAP_AND = re.compile(r"\s*(?:,\s*and\s+|\s+and\s+|\s*&\s*)(?:both\s+)?"
                     r"(?:(?:[A-Z][\w.'-]*|U\.S\.)\s+){0,3}")  # "Putin and US President Trump"
GAP_LIST = re.compile(r"\s*,\s*")  # "X, Y and Z": a comma only inside a list that has "and"


# --------------------------------------------------------------------------- public API


def quotes(corpus, corrected: bool = True) -> pd.DataFrame:
    """Every direct quotation, one row each, sorted by article and start.

    Columns: article_id, sentence_id (where the quotation opens), start, end (offsets of
    the quoted words, marks excluded; ``texts[article_id][start:end] == quote``), quote,
    speaker (canonical actor, a full name the gazetteer lacks, or None), speaker_text (the
    phrase naming the speaker, as written, or None), kind (``quote``/``scare``) and
    attribution (which rule found the speaker: tail, head, possessive, sentence,
    continued, previous, reopened (a part of a quotation reopened over paragraphs whose
    other parts name one speaker), nested, none).
    """
    table = _extract(corpus)[0]
    return corrections.corrected(corpus, "quotes", "quotes", table) if corrected and corpus.corrections else table


def speech_frames(corpus) -> pd.DataFrame:
    """Every reporting frame ("X said", "according to X", "X's claim"), sorted.

    Columns: article_id, sentence_id, start, end (the verb or possessive noun), verb,
    subject_start, subject_end, subject_text (the phrase naming who speaks, -1/None when
    not found), actor (canonical or None), frame (``verb``, ``inverted`` for "said X" and
    "according to X", ``coordinated`` for "…, but cautioned", ``possessive``).
    """
    return _extract(corpus)[1]


def _extract(corpus):
    return pipeline.memo(corpus, "quotes", lambda: _compute(corpus))


# --------------------------------------------------------------------------- quotation marks

OPENERS = {"\u201c", "\u00ab", "\u201e"}
CLOSERS = {"\u201d", "\u00bb"}


def quote_spans(raw: str, folded: str, start: int, end: int) -> list[tuple[int, int, int, int]]:
    """Quotations in one paragraph: ``(open_mark, inner_start, inner_end, close_mark)``.

    Double marks pair up in order; a curly mark says which way it faces, a straight one
    faces by its neighbours (space or start before it opens). A quotation left open at the
    paragraph's end runs to it (the convention for quotes continued in the next paragraph;
    ``close_mark`` is then -1). Single marks count only outside double quotes (British
    house style, headlines): an opening one before a letter, after space or start, closed
    by the next one after a non-space and before a non-letter. Nested single quotes stay
    part of the outer quotation.
    """
    spans = []
    opened = -1
    for i in _positions(folded, '"', start, end):
        char = raw[i]
        if char in OPENERS:
            opens = True
        elif char in CLOSERS:
            opens = False
        else:
            before = folded[i - 1] if i > start else " "
            after = folded[i + 1] if i + 1 < end else " "
            opens = (before.isspace() or before in "([{-/") and not after.isspace()
        if opened < 0 and opens:
            opened = i
        elif opened >= 0 and not opens:
            spans.append((opened, i))
            opened = -1
        elif opened >= 0 and opens:  # a missing closing mark: end the quote here
            spans.append((opened, i))
            opened = i
    if opened >= 0:
        spans.append((opened, -1))
    doubles = [(o, c if c >= 0 else end) for o, c in spans]
    singles = _single_quotes(raw, folded, start, end, doubles)
    spoken = _spoken_quotes(folded, start, end, doubles + singles)
    out = []
    spoken_at = {o: c for o, c in spoken}
    for o, c in sorted(spans + singles + spoken):
        inner_end = c if c >= 0 else end
        if o in spoken_at:
            m = SPOKEN.match(folded, o, c + 1)
            out.append((o, m.start(1), m.end(1), c))
            continue
        s, e = _trim(folded, o + 1, inner_end)
        if e > s:
            out.append((o, s, e, c))
    return out


def _orphan_close(raw: str, folded: str, start: int, end: int, found) -> int:
    """The offset of a closing double mark that comes before any quotation the paragraph
    [start, end) opens, or -1."""
    i = folded.find('"', start, end)
    if i < 0 or any(o <= i for o, _, _, _ in found):
        return -1
    if raw[i] in CLOSERS:
        return i
    before = folded[i - 1] if i > start else " "
    after = folded[i + 1] if i + 1 < end else " "
    return i if raw[i] == '"' and not before.isspace() and not after.isalnum() else -1


def _spoken_quotes(folded, start, end, taken):
    """Transcript quotations without marks ("wrote, quote, … , end quote"): the word
    "quote" stands for the opening mark and the end of "end quote" for the closing one."""
    out = []
    if "quote" not in folded[start:end].lower():
        return out
    for m in SPOKEN.finditer(folded, start, end):
        if not any(o <= m.start() <= c or m.start() <= o <= m.end() for o, c in taken):
            out.append((m.start(), m.end() - 1))
    return out


def _positions(text: str, char: str, start: int, end: int):
    i = text.find(char, start, end)
    while i >= 0:
        yield i
        i = text.find(char, i + 1, end)


def _single_quotes(raw, folded, start, end, doubles):
    out = []
    i = folded.find("'", start, end)
    while i >= 0:
        inside = any(o <= i <= c for o, c in doubles)
        before = folded[i - 1] if i > start else " "
        after = folded[i + 1] if i + 1 < end else " "
        if not inside and raw[i] != "\u2019" and (before.isspace() or before in "([{-") \
                and after.isalpha():
            j = folded.find("'", i + 1, end)
            while j >= 0:
                nxt = folded[j + 1] if j + 1 < end else " "
                if not folded[j - 1].isspace() and not nxt.isalnum() and raw[j] != "\u2018":
                    break
                j = folded.find("'", j + 1, end)
            if j >= 0 and j - i < 400 and not any(o <= j <= c for o, c in doubles):
                out.append((i, j))
                i = folded.find("'", j + 1, end)
                continue
        i = folded.find("'", i + 1, end)
    return out


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def quote_kind(text: str) -> str:
    """``scare`` for a fragment of at most three words that is not a sentence, else ``quote``."""
    words = len(WORD.findall(text))
    stripped = text.rstrip(" ,;:")
    # A whole sentence, or speech made of sentences ("Encircled? No,").
    sentence = bool(stripped) and stripped[0].isupper() and (
        stripped[-1] in ".?!" or bool(re.search(r"[.?!]\s+[A-Z]", stripped)))
    return "quote" if words > SCARE_MAX_WORDS or sentence else "scare"


# --------------------------------------------------------------------------- frames


def _candidates(folded: str, raw: str, start: int, end: int, known: ArticleActors,
                names_before: int | None = None):
    """Phrases in [start, end) that can name a speaker, as ``(start, end)``, in order.

    Bare surnames count for the full names introduced before ``names_before`` (default
    ``start``). The work is linear in ``end - start``: which characters a kept phrase
    already covers is one byte per character, so each later phrase is checked against
    them in one ``find``, not against every phrase kept before (issue 13: that made a long
    sentence quadratic).
    """
    out = [(known.starts[i], known.ends[i]) for i in known.inside(start, end)]
    segment = folded[start:end]
    # "the expert said": a person introduced before, not the generic group "experts".
    for m in GENERIC_DEFINITE.finditer(segment):
        s, e = start + m.start(), start + m.end()
        out = [c for c in out if not (s <= c[0] and c[1] <= e)] + [(s, e)]
    # "the head of the General Staff", "the author of the channel": the person or channel
    # pointed back to, not the body inside the phrase.
    for m in BACK_REFERENCE.finditer(segment) if " of " in segment or "channel" in segment \
            or "blog" in segment or "its " in segment or "author" in segment or known.outlets else ():
        s, e = start + m.start(), start + m.end()
        out = [c for c in out if not (s <= c[0] and c[1] <= e)] + [(s, e)]
    covered = bytearray(end - start)

    def cover(s, e):
        covered[s - start:e - start] = b"\x01" * (e - s)

    def free(s, e):  # no kept phrase overlaps [s, e) (all phrases are inside [start, end))
        return covered.find(1, s - start, e - start) < 0

    for s, e in out:
        cover(s, e)
    for regex in (DESCRIPTION, PRONOUN, MEMBER):
        for m in regex.finditer(segment):
            s, e = start + m.start(), start + m.end()
            if free(s, e):
                out.append((s, e))
                cover(s, e)
    for m in PROPER_NAME.finditer(segment):
        s, e = start + m.start(), start + m.end()
        if m.group(1) in PLATFORMS:
            continue  # "went on Truth Social to announce": where, not who
        words = m.group(1).split()
        if words[0] in NOT_NAMES:
            # "Foreign Minister Peter Szijjarto", "Chief Cabinet Secretary Yoshimasa
            # Hayashi": the name after the title
            if len(words) < 3 or not free(e - len(words[-1]), e):
                continue
            full = strip_title(m.group(1))
            if full == m.group(1) or full.split()[0] in NOT_NAMES or not m.group(1).endswith(full):
                continue
            s = e - len(full)
        if folded.endswith(("pro-", "anti-", "Pro-", "Anti-"), max(0, s - 5), s):
            continue  # "pro-Kremlin Telegram channels": no one's name
        if len(words) >= 3 and THE_BEFORE.search(folded, max(0, s - 5), s) and \
                not NOT_PERSON_END.search(m.group(1)) and not BODY_NAME_END.search(m.group(1)):
            # "Spokesperson for the Joint Forces Viktor Tregubov": a body's name, then the
            # person's (first name and surname)
            s = e - len(" ".join(m.group(1).split()[-2:]))
        if free(s, e):
            out.append((s, e))
            cover(s, e)
    for m in METONYM.finditer(segment):
        s, e = start + m.start(), start + m.end()
        if free(s, e):
            out.append((s, e))
    if "/" in segment or "@" in segment:
        for m in ONLINE_HANDLE.finditer(segment):
            s, e = start + m.start(), start + m.end()
            if free(s, e):
                out.append((s, e))
    before = start if names_before is None else names_before
    surnames = known.short_names(before)
    for surname in sorted(surnames):
        if surname not in segment:
            continue
        for m in re.finditer(rf"(?<!\w){re.escape(surname)}(?!\w)", segment):
            s, e = start + m.start(), start + m.end()
            if free(s, e):
                out.append((s, e))
    return sorted(out)


# How far before a verb its subject is looked for. The gaps a subject may leave before its
# verb (five words, an apposition of 140 characters, a modifier) and a coordinated list
# stay well within it; without a bound every verb of a long unpunctuated sentence searched
# the whole clause before it (issue 13).
SUBJECT_WINDOW = 1000


def _resolve(raw: str, s: int, e: int, known: ArticleActors, before: int) -> str | None:
    phrase = raw[s:e]
    metonym = METONYMS.get(phrase)
    if metonym and not known.inside(s, e):
        return metonym
    if phrase in ADJECTIVES and not known.inside(s, e):
        return known.group("officials_by_word", phrase)
    # "Joost van Asperen ... Van Asperen told the committee": a surname with its particle,
    # capitalised at the head of a clause, is the full name given before
    full = _particle_surname(phrase, s, known)
    if full:
        return full
    # "Ukraine rejected that. Its General Staff said ...": the country that spoke last owns
    # the body, when the gazetteer has it under the country's adjective ("Ukrainian General
    # Staff")
    its = ITS_BODY.fullmatch(phrase)
    if its:
        last = next((actor for at, actor, _ in reversed(known.speakers) if at < s), None)
        if last in COUNTRY_ADJECTIVE:
            wanted = f"{COUNTRY_ADJECTIVE[last]} {its.group(1)}".casefold()
            owned = next((actor for actor in known.info if actor.casefold() == wanted), None)
            if owned:
                return owned
    return resolve_speaker(phrase, s, known, before=before)


def _particle_surname(phrase: str, at: int, known: ArticleActors) -> str | None:
    """The full name given before ``at`` that ``phrase``, a surname with its particle
    capitalised ("Van Asperen"), ends ("Joost van Asperen"); None if not exactly one."""
    if not PARTICLE_SURNAME.fullmatch(phrase):
        return None
    tail = " " + phrase.casefold()
    full = {f for o, _, f in known.names if o < at and f.casefold().endswith(tail)}
    return full.pop() if len(full) == 1 else None


def _subject_before(folded, raw, region_start, verb_start, known):
    """The subject of a verb: the nearest candidate joined to it by a short plain gap or an
    apposition ("John Kirby, spokesman for the NSC, told")."""
    near = max(region_start, verb_start - SUBJECT_WINDOW)
    cands = _candidates(folded, raw, near, verb_start, known, names_before=region_start)
    # "President Trump's post, in which he said": the pronoun is the statement's owner,
    # whoever spoke last.
    if len(cands) >= 2 and PRONOUN.fullmatch(folded[cands[-1][0]:cands[-1][1]]) and \
            IN_WHICH_OWNED.fullmatch(folded, cands[-2][1], cands[-1][0]):
        return [cands[-2]]
    # "Trump's appeal, posted on his platform on Friday, said": the statement's owner.
    for s, e in cands:
        if OWNED_STATEMENT.fullmatch(folded, e, verb_start):
            return [(s, e)]
    # "A sergeant ..., who asked to be identified by his call sign, Dub, described": the
    # call sign that closes the subject's description is who speaks.
    if cands:
        s, e = cands[-1]
        code = CODENAME.search(folded, max(region_start, s - 80), e) if CODE_GAP.fullmatch(folded, e, verb_start) else None
        if code and code.end(1) == e:
            return [(s, e)]
    # "The head of the army's General Staff, General Petrenko, told reporters":
    # a name set off by commas right before the verb is the subject its description names.
    if cands:
        s, e = cands[-1]
        if APPOSED_NAME_AFTER.fullmatch(folded, e, verb_start) and \
                APPOSED_NAME_BEFORE.search(folded, region_start, s) and \
                (known.inside(s, e) and known.fits(known.actors[known.inside(s, e)[0]], ("person",))
                 or PROPER_NAME.fullmatch(raw, s, e) or raw[s:e] in known.local):
            return [(s, e)]
    for k in range(len(cands) - 1, -1, -1):
        s, e = cands[k]
        gap = folded[e:verb_start]
        if raw[s:s + 1].isupper() and MEDIUM_NAME_BEFORE.search(folded, max(region_start, s - 24), s):
            continue  # "... on his social media platform Truth Social told": a medium, no speaker
        if METONYMS.get(raw[s:e]) and not known.inside(s, e):
            if GAP_AUX.fullmatch(gap) or gap == "" or GAP_ASIDE.fullmatch(gap):
                return [(s, e)]
            continue
        # "It quoted the post back at its author and added": the object of the first
        # verb is not the subject of the second.
        if OBJECT_AND.fullmatch(gap) and PREPOSITION_BEFORE.search(folded, max(region_start, s - 8), s):
            continue
        # "Kamen Z (95,000 subscribers), run by a former sergeant, had claimed": the agent
        # of an apposition describes the subject before it; so does a home town ("Danny
        # Rourke, 34, from Stoke-on-Trent, told").
        if k > 0 and (AGENT_APPOSITION.search(folded, max(region_start, s - 30), s)
                      or HOMETOWN_BEFORE.search(folded, max(region_start, s - 20), s)):
            continue
        # "Syrskyi said that the Russians had claimed": a gap holding a verb of saying
        # and "that" opens another clause; its subject is not the one before it.
        if GAP_PLAIN.fullmatch(gap) and not (VERB.search(gap) and GAP_THAT.search(gap)) or \
                GAP_APPOSITION.fullmatch(gap) or \
                GAP_MODIFIER.fullmatch(gap) or GAP_IN_A_POST.fullmatch(gap):
            # "The ministry published a statement claiming that ...": the statement's
            # publisher speaks.
            if k > 0 and STATEMENT_NOUN.fullmatch(folded, s, e) and \
                    PUBLISHED_GAP.fullmatch(folded, cands[k - 1][1], s):
                k -= 1
                s, e = cands[k]
            # "One of them, Marcus Delaney from a think tank, wrote": the name set off
            # after an unnamed member or a description is who speaks.
            if k + 1 < len(cands) and GAP_APPOSITION.fullmatch(gap) and \
                    re.fullmatch(r"\s*,\s*", folded[e:cands[k + 1][0]]) and \
                    PROPER_NAME.fullmatch(raw, *cands[k + 1]) and \
                    (MEMBER.fullmatch(folded, s, e) or DESCRIPTION.fullmatch(folded, s, e)):
                k += 1
                s, e = cands[k]
            # "Pavel Lind, a former army officer who lives in Tallinn, says": the
            # description set off after a name is that person; the name speaks.
            # ("Jan Wielgosz, a Law and Justice MP who ..., wrote": the description runs
            # into a candidate of its own)
            # ("reported by the General Staff on Telegram, a Dzherelo correspondent reports":
            # a medium is no one's name)
            if k > 0 and (INDEFINITE_LEAD.match(folded, s, e) and
                          re.fullmatch(r"\s*,\s*", folded[cands[k - 1][1]:s])
                          or APPOSITION_INTO.fullmatch(folded, cands[k - 1][1], s)) and \
                    raw[cands[k - 1][0]:cands[k - 1][1]] not in PLATFORMS and \
                    not MEDIUM_BEFORE.search(folded, max(0, cands[k - 1][0] - 12), cands[k - 1][0]) and \
                    (PROPER_NAME.fullmatch(raw, *cands[k - 1]) or raw[cands[k - 1][0]:cands[k - 1][1]] in known.local
                     and known.kinds.get(raw[cands[k - 1][0]:cands[k - 1][1]], "person") == "person" or any(
                        known.fits(known.actors[i], ("person",)) for i in known.inside(*cands[k - 1]))):
                k -= 1
                s, e = cands[k]
            named = known.inside(s, e)
            voice = bool(k > 0 and named and VOICE_OF.fullmatch(folded, cands[k - 1][0], s)
                         and known.fits(known.actors[named[0]], ("institution", "group")))
            # "A statement from the Kremlin said": whose statement it is speaks.
            sourced = bool(k > 0 and STATEMENT_NOUN.fullmatch(folded, *cands[k - 1])
                           and STATEMENT_BY.fullmatch(folded, cands[k - 1][1], s))
            while not sourced and (
                    not voice and k > 0 and OWNED_MEDIUM.fullmatch(folded, cands[k - 1][1], s) or
                    not voice and k > 0 and OF_LINK.fullmatch(folded[cands[k - 1][1]:s]) and
                    not re.search(r"(?i)\bthe\s+$", folded[cands[k - 1][1]:s]) and
                    not STAFF_OF.fullmatch(folded, cands[k - 1][0], s) or
                    k > 0 and not STAFF_OF.fullmatch(folded, cands[k - 1][0], s) and
                    # ("Acting Governor of Kursk Oblast Alexei Smirnov": a title of a place, no one)
                    not all(w.rstrip(".") in ROLE_TITLES or w in ("Acting", "Interim", "Former")
                            for w in raw[cands[k - 1][0]:cands[k - 1][1]].split()) and
                    re.fullmatch(r"\s+(?:of|at|from|with)\s+(?:(?:the|an?)\s+)?(?:[A-Z][\w-]+\s+){0,2}"
                                           # ("Meenakshi Iyer of the Centre for Eurasian Studies")
                                           r"(?:(?:for|of|on)\s+(?:the\s+)?)?",
                                           folded[cands[k - 1][1]:s])):
                k -= 1
                s, e = cands[k]
            if voice:  # the whole phrase, which resolves to the institution it names
                k -= 1
                s = cands[k][0]
            else:
                # "Tuomas Rekola, an analyst with the Finnish group Valokartta, which maps
                # the front, told": what the person's apposition names is no subject.
                k = _apposition_head(folded, raw, cands, k, verb_start, known)
                s, e = cands[k]
            # "A Canadian volunteer who fought with Ukraine's International Legion rejects",
            # "Officials who briefed Trump said": the name is inside a relative clause
            # (no comma closes it); its antecedent is the subject.
            # ("A drone operator who gave his call sign as Kit said": the name is his.)
            for j in range(k - 1, -1, -1):
                # (not a medium: "Trump posted on Truth Social that he ... he described":
                # "that" opens what was posted, not a relative clause)
                if RELATIVE_UNCLOSED.match(folded, cands[j][1], s) and \
                        not CODENAME.search(folded, cands[j][1], e) and \
                        not MEDIUM_BEFORE.search(folded, max(0, cands[j][0] - 12), cands[j][0]):
                    k, (s, e) = j, cands[j]
                    break
            else:
                # "Officials who briefed Trump said": an antecedent that names no one.
                who = WHO_UNCLOSED.search(folded, max(region_start, s - 110), s) \
                    if "who" in folded[max(region_start, s - 110):s] else None
                if who and not CODENAME.search(folded, who.start(), e) and \
                        not any(who.start() <= c[0] < s for c in cands[:k]):
                    return None
            # "nothing he had seen suggested that ...": the name is inside a clause that
            # describes the quantifier before it, which is the verb's subject.
            if QUANTIFIER_BEFORE.search(folded, max(region_start, s - 12), s):
                return None
            out = [(s, e)]
            # "independent analysts, including the Institute for the Study of War, found":
            # those the apposition names speak too.
            if INCLUDING.match(folded, e, verb_start):
                out += [c for c in cands[k + 1:] if c[1] <= verb_start and known.inside(*c)]
            # Walk back over a coordination ("the CIA and other intel agencies"); the
            # nearest conjunct stays first, it is the frame's actor.
            joined = False
            while k > 0:
                gap = folded[cands[k - 1][1]:cands[k][0]]
                if GAP_AND.fullmatch(gap):
                    joined = True
                elif not (joined and GAP_LIST.fullmatch(gap)):
                    break
                k -= 1
                out.append(cands[k])
            # "The leaders of Russia and the United States said": two people, neither named
            # here; not the countries.
            if HEADS_OF.search(folded, max(region_start, out[-1][0] - 60), out[-1][0]):
                return None
            # "Ukrainian and Western officials": the first nationality is a group too.
            if len(out) == 1 and known.inside(s, e):
                actor = known.actors[known.inside(s, e)[0]]
                adjective = ADJECTIVE_AND.search(folded, max(region_start, s - 60), s)
                if adjective and known.is_group("officials_by_word", actor):
                    out.append((adjective.start(1), adjective.end(1)))
            return out
    # "Mr Putin, wearing fatigues, visited a command post and said": the clause's subject.
    if AND_BEFORE.search(folded, max(region_start, verb_start - 12), verb_start):
        if near > region_start:  # the clause's subject is at its start, outside the window
            cands = _candidates(folded, raw, region_start, min(verb_start, region_start + SUBJECT_WINDOW),
                                known)
        for s, e in cands:
            if LEAD_SUBJECT.fullmatch(folded, region_start, s) and "," not in folded[region_start:s]:
                return [(s, e)]
            break
    return None


OBJECT_AND = re.compile(r"\s+and\s+")
WHAT_BEFORE = re.compile(r"(?i)(?<![\w'])what\s+$")
HE_OR_SHE = re.compile(r"(?i)(?<![\w'])(?:he|she)(?![\w'])")
BE_BEFORE = re.compile(r"(?i)(?<![\w'])(?:was|were|is|are|been|be|being)\s+(?:[a-z]+ly\s+)?$")
OWN_POSSESSIVE = re.compile(r"(?i)\s+(?:on\s+|to\s+)?(his|her)\s+(?:followers|readers|subscribers|audience|viewers|"
                            r"unit|men|troops|soldiers|team|colleagues|family|wife|husband)\b")
HOMETOWN_BEFORE = re.compile(r",\s+(?:\d{1,3},\s+)?(?:from|of)\s+$")
AGENT_APPOSITION = re.compile(r",\s+(?:run|written|edited|founded|owned|operated|kept)\s+by\s+$")
PREPOSITION_BEFORE = re.compile(r"(?<![\w'-])(?:at|to|with|from|against|toward|towards|into|onto)\s+$")
# A person's apposition running up to the verb: ", an analyst with the group X, which ...,"
APPOSITION_CHAIN = re.compile(r"\s*,\s*(?:an?|one|who)\s[^;:\"“”«»()]{0,200}?,\s*")


def _apposition_head(folded, raw, cands, k, verb_start, known) -> int:
    """The index of the person whose apposition (set off by commas, opening with "a" or
    "an", no verb of saying in it) runs from their name up to the verb and holds candidate
    ``k``; else ``k``."""
    for j in range(k):
        s, e = cands[j]
        if APPOSITION_CHAIN.fullmatch(folded, e, verb_start) and not VERB.search(folded, e, verb_start) and \
                (PROPER_NAME.fullmatch(raw, s, e) and known.kinds.get(strip_title(raw[s:e]), "person") == "person"
                 and not known.inside(s, e)
                 or any(known.fits(known.actors[i], ("person",)) for i in known.inside(s, e))):
            return j
    return k


def _lead_subject(folded, raw, region_start, verb_start, known):
    """The phrase a clause opens with, when it can name a speaker (after an introductory
    phrase such as "On Friday,"), as a one-item subject list, else None."""
    cands = _candidates(folded, raw, region_start, verb_start, known)
    if not cands:
        return None
    s, e = cands[0]
    intro = INTRO_PHRASE.match(folded, region_start, s)
    lead_start = intro.end() if intro else region_start
    if LEAD_SUBJECT.fullmatch(folded, lead_start, s) and "," not in folded[lead_start:s]:
        # "Kremlin spokesman Dmitry Peskov declined to comment, telling ...": the person
        # the role titles
        if len(cands) > 1 and raw[cands[1][0]:cands[1][0] + 1].isupper() and \
                ROLE_BEFORE_NAME.fullmatch(folded, e, cands[1][0]):
            return [cands[1]]
        return [(s, e)]
    return None


def _subject_after(folded, raw, verb_end, limit, known):
    """The subject of an inverted frame ("said Mark Cancian, a …", "according to Evans")."""
    cands = _candidates(folded, raw, verb_end, min(limit, verb_end + 200), known)
    out = []
    listed = False  # whether an "and" joined two of them (a comma alone is an apposition)
    role = INVERTED_ROLE.match(folded, verb_end, limit)
    for s, e in cands:
        if not out and (INVERTED_TITLE.fullmatch(folded, verb_end, s)
                        or role and s == role.end() and raw[s:s + 1].isupper()):
            out.append((s, e))
        elif len(out) == 1 and raw[s:s + 1].isupper() and ROLE_BEFORE_NAME.fullmatch(folded[out[-1][1]:s]):
            # "said Kremlin spokesman Dmitry Peskov": the role is the name's title; the
            # person named after it speaks, not the institution.
            out[-1] = (s, e)
        elif out and GAP_AND.fullmatch(folded[out[-1][1]:s]):
            out.append((s, e))
            listed = True
        elif out and GAP_LIST.fullmatch(folded[out[-1][1]:s]):
            out.append((s, e))
        else:
            break
    if not listed:
        # "said Hnatov, a sergeant in the 80th brigade": the phrase after a comma is the
        # same person, not a second speaker; a list ("X, Y and Z") has its "and".
        out = out[:1]
    # "according to a statement issued by the Russian Defence Ministry": whose statement.
    if out and len(out) == 1 and STATEMENT_NOUN.fullmatch(folded, *out[0]):
        by = STATEMENT_BY.match(folded, out[0][1])
        named = by and [(s, e) for s, e in cands if s == by.end()]
        if named:
            out = named
    return out or None


def _frames_in_sentence(article_id, sentence_id, s_start, s_end, folded, raw, known,
                        inside_quote, frames):
    """Append the sentence's frames to ``frames``, resolving subjects as they come: the
    possessive rules of :data:`POSSESSIVE_RULES` first (their nouns are then not read as
    verbs; only in a sentence with one of their nouns), then the verb frames; returns the
    sentence's frames in text order."""
    args = (article_id, sentence_id, s_start, s_end, folded, raw, known, inside_quote)
    possessive = [frame for rule in POSSESSIVE_RULES for frame in rule(*args)] \
        if POSSESSIVE_NOUN.search(folded[s_start:s_end]) else []
    found = _verb_frames(*args, {f["start"] for f in possessive})
    found.extend(possessive)
    label = _label_frame(*args) if ":" in folded[s_start:min(s_end, s_start + 60)] else None
    if label:
        found.append(label)
    found.sort(key=lambda f: f["start"])
    frames.extend(found)
    return found


# "Chornyi Voron: «Nobody was sitting in any cauldron»", "Kovtoniuk: \"...\"": a name set
# before a colon that opens a quotation labels it as that speaker's.
SPEAKER_LABEL = re.compile(r"(?:\d{1,2}[:.]\d{2}(?:\s*(?:GMT|CET|EET|ET|UTC|[ap]\.m\.))?\s+)?(?P<name>[^\W\d_][\w.'-]*(?:[ -][^\W\d_][\w.'-]*){0,3})\s*:\s*[\"']")


# ("Kremlin: troops isolated.": a label, a colon and a few words, no quotation marks)
SHORT_LABEL = re.compile(r"(?P<name>[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3})\s*:\s+(?=[\w\"'])")
SHORT_LABEL_WORDS = 15


def _label_frame(article_id, sentence_id, s_start, s_end, folded, raw, known, inside_quote) -> dict | None:
    """The frame of a sentence that opens with a speaker's name and a colon before a
    quotation; the name must resolve (a gazetteer actor, a name introduced before, a
    channel), else None. In a short sentence the words after the colon need no quotation
    marks when the label is a gazetteer actor or a capital ("Kremlin: troops isolated.",
    "Kyiv: no encirclement.", a newsletter's or a brief's compressed attribution)."""
    m = SPEAKER_LABEL.match(folded, s_start, s_end)
    if m is None:
        m = SHORT_LABEL.match(folded, s_start, s_end)
        if m is None or len(folded[m.end():s_end].split()) > SHORT_LABEL_WORDS:
            return None
        cs, ce = m.start("name"), m.end("name")
        hits = known.inside(cs, ce)
        if not (METONYMS.get(raw[cs:ce]) and not hits or hits and known.starts[hits[0]] == cs
                and known.ends[hits[-1]] == ce and not known.fits(known.actors[hits[0]], ("group",))):
            return None
    if inside_quote(s_start) or not raw[m.start("name"):m.start("name") + 1].isupper():
        return None
    cs, ce = m.start("name"), m.end("name")
    phrase = raw[cs:ce]
    hits = known.inside(cs, ce)
    channel = any(name == phrase for _, name in known.channels)
    if hits and known.starts[hits[0]] == cs and known.ends[hits[-1]] == ce:
        # (a person or a body, not a group's word: "12:15 Analyst: 'Costly is not ...'" is
        # a live blog's heading)
        actor = known.actors[hits[0]] if not known.fits(known.actors[hits[0]], ("group",)) else None
    elif " " in phrase:  # a full name introduced before, or a channel
        introduced = phrase in known.local or any(full == phrase for o, _, full in known.names if o < cs)
        actor = phrase if introduced or channel else None
    else:  # a surname or one-word name introduced before
        actor = known.surname(phrase, cs) or (phrase if channel else None) \
            or (METONYMS.get(phrase) if not hits else None)  # "Kyiv: no encirclement."
    if not actor:
        return None
    colon = folded.index(":", ce)
    return dict(article_id=article_id, sentence_id=sentence_id, start=colon, end=colon + 1, verb=":",
                subject_start=cs, subject_end=ce, subject_text=phrase, actor=actor, frame="verb", also=[])


def _verb_between(folded: str, start: int, end: int) -> bool:
    """A verb of saying between a possessive and its noun ("Ukraine's International Legion
    rejects claims"): then the noun is no one's possessed claim. A participle right before
    the noun is its adjective ("Trump's repeated assertion")."""
    return any(not (v.group().endswith("ed") and not folded[v.end():end].strip())
               for v in VERB.finditer(folded, start, end))


def _name_possessives(article_id, sentence_id, s_start, s_end, folded, raw, known, inside_quote) -> list[dict]:
    """Possessives of a known actor: "Putin's March 13 claim", "the Russian president's claims"."""
    possessive: list[dict] = []
    for i in known.inside(s_start, s_end):
        e = known.ends[i]
        m = POSSESSIVE.match(folded, e, s_end)
        if m and not inside_quote(e) and not _verb_between(folded, e, m.start(1)):
            possessive.append(dict(article_id=article_id, sentence_id=sentence_id,
                                   start=m.start(1), end=m.end(1), verb=m.group(1),
                                   subject_start=known.starts[i], subject_end=e,
                                   subject_text=raw[known.starts[i]:e], actor=known.actors[i],
                                   frame="possessive", also=[]))
    return possessive


def _capital_possessives(article_id, sentence_id, s_start, s_end, folded, raw, known, inside_quote) -> list[dict]:
    """A capital's or country's claim is its government's: "Moscow's claim that ..."."""
    region = folded[s_start:s_end]
    possessive: list[dict] = []
    for m in METONYM_POSSESSIVE.finditer(region):
        c_start, c_end = s_start + m.start(1), s_start + m.end(1)
        p = POSSESSIVE.match(folded, c_end, s_end)
        # ("Ukraine's International Legion rejects claims": a verb between, no possessive)
        if p and not inside_quote(c_start) and not known.inside(c_start, c_end) and \
                not _verb_between(folded, c_end, p.start(1)) and \
                not any(known.starts[i] <= c_start < known.ends[i]
                        for i in known.inside(s_start, s_end)):
            possessive.append(dict(article_id=article_id, sentence_id=sentence_id,
                                   start=p.start(1), end=p.end(1), verb=p.group(1),
                                   subject_start=c_start, subject_end=c_end,
                                   subject_text=raw[c_start:c_end],
                                   actor=METONYMS[m.group(1)], frame="possessive", also=[]))
    return possessive


def _pronoun_possessives(article_id, sentence_id, s_start, s_end, folded, raw, known, inside_quote) -> list[dict]:
    """A possessive pronoun's claim: "his claim", "their statement", the pronoun resolved."""
    region = folded[s_start:s_end]
    possessive: list[dict] = []
    for m in PRONOUN_POSSESSIVE.finditer(region):
        p_start = s_start + m.start(1)
        if inside_quote(p_start):
            continue
        word = {"his": "he", "her": "she", "their": "they", "its": "it"}[m.group(1).lower()]
        # "Putin's March 13 demand ..., and his claim": the sentence's own antecedent first.
        local = [known.actors[i] for i in known.inside(s_start, p_start)
                 if word in ("he", "she") and known.fits(known.actors[i], ("person",))
                 or word in ("they", "it") and known.fits(known.actors[i], ("group", "institution"))]
        actor = local[0] if local else resolve_speaker(word, p_start, known)
        if actor:
            possessive.append(dict(article_id=article_id, sentence_id=sentence_id,
                                   start=s_start + m.start(2), end=s_start + m.end(2),
                                   verb=m.group(2), subject_start=p_start,
                                   subject_end=s_start + m.end(1),
                                   subject_text=raw[p_start:s_start + m.end(1)], actor=actor,
                                   frame="possessive", also=[]))
    return possessive


def _by_noun_frames(article_id, sentence_id, s_start, s_end, folded, raw, known, inside_quote) -> list[dict]:
    """A noun of saying with its speaker after "by"/"from" as the clause's subject: "Statements by senior Russian officials that ..."."""
    region = folded[s_start:s_end]
    possessive: list[dict] = []
    for m in BY_NOUN.finditer(region):
        n_start = s_start + m.start(1)
        # Only as the clause's subject ("Statements by senior Russian officials that …"):
        # "dismissing statements from Moscow as “false”" has them as an object.
        if inside_quote(n_start):
            continue
        subject = CLAUSE_OPEN.search(folded, s_start, n_start)
        if not subject and "that" not in folded[s_start + m.end():s_end]:
            continue
        after = s_start + m.end()
        after += TITLE_WORDS.match(folded, after, s_end).end() - after
        cands = [c for c in _candidates(folded, raw, s_start + m.end(), min(s_end, after + 120),
                                        known) if c[0] <= after]
        if not cands:
            continue
        cs, ce = cands[-1]
        # ... or as an object with its content after it: "rejected claims by US President
        # Donald Trump that “thousands of Ukrainian troops” are surrounded" (the quoted words
        # are the claim's)
        if not subject and not CONTENT_THAT.match(folded, ce):
            continue
        actor = _resolve(raw, cs, ce, known, before=cs)
        if actor:
            possessive.append(dict(article_id=article_id, sentence_id=sentence_id,
                                   start=n_start, end=s_start + m.end(1), verb=m.group(1),
                                   subject_start=cs, subject_end=ce, subject_text=raw[cs:ce],
                                   actor=actor, frame="possessive", also=[]))
    return possessive


POSSESSIVE_RULES = (_name_possessives, _capital_possessives, _pronoun_possessives, _by_noun_frames)


def _last_clause_close(before: str) -> int:
    """Where in ``before`` (a sentence's text up to a verb) the last double mark that can
    end a clause stands, or -1: a mark inside a phrase, between two words ("the “heroism”
    of North Korean forces, asserting …"), quotes a word of the clause and does not end it."""
    close = before.rfind('"')
    while close > 0 and before[close - 1].isalnum() and MID_PHRASE_AFTER.match(before, close + 1):
        opening = before.rfind('"', 0, close)
        close = before.rfind('"', 0, opening) if opening > 0 else -1
    return close


def _verb_frames(article_id, sentence_id, s_start, s_end, folded, raw, known, inside_quote, nouns) -> list[dict]:
    """Frames on a reporting verb ("X said", "said X", "according to X", "claims rejected by
    Kyiv", "..., adding that"), the possessive nouns at ``nouns`` skipped; each subject is
    resolved and recorded as a speaker as it is found."""
    region = folded[s_start:s_end]
    found: list[dict] = []
    for m in VERB.finditer(region):
        v_start, v_end = s_start + m.start(), s_start + m.end()
        if inside_quote(v_start) or v_start in nouns:
            continue
        verb = m.group()
        if ANONYMITY_AFTER.match(folded, v_end) or \
                not verb.startswith("call") and REFLEXIVE_AFTER.match(folded, v_end):
            continue  # (nor "units found themselves in a ring": no one reports anything)
        if verb in ("According to", "Quote from", "In the words of"):
            verb = verb.lower()
        if verb in NOUN_LIKE and (NOUN_BEFORE.search(folded, max(s_start, v_start - 40), v_start)
                                  or NOUN_PASSIVE.match(folded, v_end)) and \
                not (verb.endswith("ed") and (COORDINATED_VERB.search(folded, max(s_start, v_start - 12), v_start)
                                              or PERFECT_BEFORE.search(folded, max(s_start, v_start - 30), v_start))):
            continue
        # Where this verb's clause may start: the sentence start or a closing quote mark.
        before_text = folded[s_start:v_start]
        last_close = _last_clause_close(before_text)
        clause_start = s_start + last_close + 1 if last_close >= 0 and not inside_quote(
            s_start + last_close + 1) else s_start
        # A closing single mark ends a clause too (British style: 'It is …,' said X).
        single = before_text.rfind("'")
        if single > last_close and single > 0 and inside_quote(s_start + single - 1) \
                and not inside_quote(s_start + single + 1):
            clause_start = s_start + single + 1
        subject, kind = None, "verb"
        lead = folded[clause_start:v_start]
        # "In Kiev, the statement was quickly rejected": a passive with no agent names no
        # one who rejects (with one, "rejected by Kyiv", the agent speaks, below); one who
        # "was asked" stays the subject a later "he said" refers to
        if verb.endswith("ed") and verb not in ("asked", "pressed", "questioned") and \
                BE_BEFORE.search(folded, max(s_start, v_start - 30), v_start) and \
                not PASSIVE_BY.match(folded, v_end):
            continue
        # "Russian state media quoted him as saying ...": the one quoted speaks.
        quoted_as = QUOTED_AS.search(folded, max(s_start, v_start - 60), v_start) \
            if verb in ("saying", "says") else None
        # ("was told by Valery Gerasimov that ...": an irregular participle too)
        passive = PASSIVE_BY.match(folded, v_end) if verb.endswith("ed") or \
            verb == "told" and BE_BEFORE.search(folded, max(s_start, v_start - 30), v_start) else None
        # "Dmytro Lykhovyi, a spokesman ..., was quoted by Ukrainian television as saying":
        # the subject of the passive speaks.
        quoted_by = PASSIVE_QUOTED_AS.search(folded, max(s_start, v_start - 100), v_start) \
            if verb == "saying" and quoted_as is None else None
        if quoted_as:
            subject = [(quoted_as.start(1), quoted_as.end(1))]
        elif quoted_by:
            subject = _subject_before(folded, raw, clause_start, quoted_by.start(), known)
        elif passive:
            # "claims rejected by Kyiv", "claims amplified by Trump": the agent speaks.
            subject = _subject_after(folded, raw, passive.end(), s_end, known)
            if subject:
                kind = "passive"
        elif verb in SOURCE_FIRST or ONLY_PUNCT.fullmatch(lead):
            # "…, citing Zelenskyy": whom the outlet cites speaks.
            subject = _subject_after(folded, raw, v_end, s_end, known)
            # "According to him, ...": the person spoken of before.
            him = OBJECT_AFTER.match(folded, v_end, s_end) if subject is None else None
            if him:
                subject = [(him.start(1), him.end(1))]
            if subject:
                kind = "inverted"
        # "…, adding that": a participle after a comma shares the last frame's subject,
        # or with none before it the sentence's own ("Medvedev, …, issued a warning,
        # saying …").
        participle = verb.endswith("ing") and bool(PARTICIPLE_BEFORE.search(
            folded, max(s_start, v_start - 12), v_start))
        if subject is None and participle and not (found and found[-1]["actor"]):
            subject = _lead_subject(folded, raw, clause_start, v_start, known)
        # "Donald Trump, who said ...", "a post by Donald Trump, in which he said ...": the
        # relative clause's antecedent speaks (the pronoun is not an earlier speaker).
        relative = RELATIVE_SUBJECT.search(folded, max(s_start, v_start - 60), v_start) \
            if subject is None and not passive else None
        if relative:
            comma = relative.start()
            before_comma = _candidates(folded, raw, max(s_start, comma - 200), comma, known)
            antecedent = [c for c in before_comma
                          if not folded[c[1]:comma].strip()
                          # "a post by President Donald Trump on Truth Social, in which he said"
                          or PLATFORM_AFTER.fullmatch(folded, c[1], comma)
                          # "DeepState, the Ukrainian mapping project, whose analysts ...":
                          # the name before an apposition of its own
                          or APPOSITION_BEFORE_COMMA.fullmatch(folded, c[1], comma)]
            subject = antecedent[-1:] or None
            # "a post by President Donald Trump on Truth Social, in which he said": the
            # statement's author, not the medium it appeared on.
            k = before_comma.index(subject[0]) if subject else 0
            if k > 0 and MEDIUM_GAP.fullmatch(folded, before_comma[k - 1][1], subject[0][0]) \
                    and BY_STATEMENT.search(folded, max(s_start, before_comma[k - 1][0] - 40), before_comma[k - 1][0]):
                subject = [before_comma[k - 1]]
        if subject is None and verb not in SOURCE_FIRST and not passive:
            subject = _subject_before(folded, raw, clause_start, v_start, known)
            # "it had found no footage indicating that ...": a form in -ing without a comma
            # before it has its subject right before it ("Russia is claiming"), not words
            # back across a noun.
            if subject and verb.endswith("ing") and not participle and \
                    not ING_GAP.fullmatch(folded, subject[0][1], v_start):
                subject = None
            # "…, said George Barros": inversion after a clause, only for verbs of saying
            # ("told Putin" has Putin as its object).
            # ("Not one of them will get out - so said a company commander ...")
            if subject is None and verb in INVERTIBLE and (lead.rstrip().endswith(",") or SO_BEFORE.search(lead)):
                subject = _subject_after(folded, raw, v_end, s_end, known)
                if subject:
                    kind = "inverted"
            if subject is None and found and found[-1]["frame"] != "possessive" and (
                    GAP_COORDINATED.fullmatch(_coordination_gap(folded, found[-1], v_start))
                    or participle and found[-1]["actor"]):
                prev = found[-1]
                found.append(dict(prev, start=v_start, end=v_end, verb=verb, frame="coordinated"))
                continue
        actor = text = None
        s = e = -1
        also = []
        if subject:
            # The head of the subject: the last conjunct before a verb ("X and Y said"
            # reads Y nearest), the first after an inverted one ("according to X and Y").
            # "Speaking in Minsk with the Belarusian leader, Alexander Lukashenko, he
            # said": a pronoun after an opening phrase refers to someone before the sentence.
            opening = len(subject) == 1 and PRONOUN.fullmatch(folded[subject[0][0]:subject[0][1]]) \
                and OPENING_BEFORE_PRONOUN.fullmatch(folded, s_start, subject[0][0])
            resolved = [_resolve(raw, cs, ce, known, before=s_start if opening else min(cs, v_start))
                        for cs, ce in subject]
            head = next((k for k, a in enumerate(resolved) if a), 0)
            s, e = subject[head]
            actor = resolved[head]
            # ("Military expert, retired colonel Viktor Lastochkin, told": a group's word as a
            # title, the person's full name set off after it speaks)
            titled = TITLED_NAME_AFTER.match(raw[e:v_start]) if actor and e <= v_start and \
                known.fits(actor, ("group",)) and actor in known.info else None
            if titled:
                s, e = e + titled.start(1), e + titled.end(1)
                actor = resolve_speaker(raw[s:e], s, known)
            text = raw[s:e]
            # "an assault platoon commander, known by his call sign, Boroda": the name
            # an unnamed or collective subject goes by.
            codename = CODENAME.search(folded, e, min(s_end, e + 100, v_start if e <= v_start else s_end))
            if codename is None and e <= v_start and "name" in folded[v_end:min(s_end, v_end + 140)]:
                # "... a drone unit commander told CNN, asking that only his first name,
                # Oleh, be published": the name he asked to be given, after the verb.
                later = CODENAME.search(folded, v_end, min(s_end, v_end + 140))
                if later and re.search(r"\b(?:ask|request)\w*", folded[v_end:later.start()]):
                    codename = later
            named_later = codename is not None and e <= v_start < codename.start()
            if codename and (actor is None or known.fits(actor, ("group",))):
                actor = raw[codename.start(1):codename.end(1)]
                if not named_later:  # (a name asked for after the verb leaves the subject where it is)
                    s, e = codename.start(1), codename.end(1)
                    text = actor
                known.local[actor] = actor
            # (the head's own reading is not another speaker when a name replaced it)
            also = [a for i, a in enumerate(resolved) if a and a != actor and i != head]
        # "…, as Putin and Trump have claimed": an aside naming whose claim the main
        # clause reports; its subject is not the one who goes on speaking.
        if kind == "verb" and subject and verb != "put it" and ASIDE.search(
                folded, clause_start, min(cs for cs, _ in subject)):
            kind = "aside"
        found.append(dict(article_id=article_id, sentence_id=sentence_id, start=v_start,
                          end=v_end, verb=verb, subject_start=s, subject_end=e,
                          subject_text=text, actor=actor, frame=kind, also=also))
        # "Kedr told his followers": the verb's own object names the gender of a person the
        # gazetteer lacks
        own = OWN_POSSESSIVE.match(folded, v_end) if actor and actor not in known.info else None
        if own and known.kinds.get(actor, "person") == "person":
            known.genders.setdefault(actor, "m" if own.group(1).lower() == "his" else "f")
        if kind == "aside":
            continue
        # ("But he does not accept what the president wrote.": a saying spoken of, inside
        # the clause of another he or she, is no turn of the conversation; a later "he" is
        # still that one. "let me read what the president wrote. He said" is the president.)
        if s >= 0 and WHAT_BEFORE.search(folded, max(s_start, s - 8), s) and \
                HE_OR_SHE.search(folded, s_start, s):
            continue
        if actor:
            known.speakers.append((v_start, actor, speaker_number(text)))
        elif subject and not PRONOUN.fullmatch(fold(raw[s:e]).strip()):
            # An unnamed speaker ("a company commander ... said"): a later "he" is this
            # person, not an earlier named actor.
            known.speakers.append((v_start, None, speaker_number(raw[s:e])))
    return found


# "In a post on his Truth Social platform, Trump had appealed …": an opening phrase, then
# the subject.
PERSPECTIVE_LEAD = re.compile(r"(?:For|To)\s+(?=[A-Z\u00c0-\u00d6\u00d8-\u00de][^\W\d_]+\s+[A-Z\u00c0-\u00d6\u00d8-\u00de][\w'-]+,)")
INTRO_PHRASE = re.compile(r"(?:(?:In|On|At|After|During|Speaking|Earlier|Later|Meanwhile|"
                          r"However|Still|Then|Now|Since|Following|Asked|Separately|"
                          r"Elsewhere|When|Answering|Responding|Commenting|Addressing|Writing)"
                          r"\b[^,\"]{0,70},\s*|But\s+|And\s+|Yet\s+|"
                          # a newsletter's label in capitals: "WHAT NATO THINKS: ..."
                          r"[A-Z][A-Z0-9'’ -]{2,40}:\s+)")
SUBJECT_LEAD = re.compile(r"(?:(?:[A-Z][\w.'-]*|the|a|an|on|in|at|by|earlier|later|then)"
                          r"[\s,]+){0,4}$", re.I)


# "The brigade's chaplain, Father Ihor Stasiv, keeps ...": a description, then a name set
# off by commas (titles stripped later)
APPOSED_LEAD = re.compile(r"(?:The|Its|His|Her|Their)\s+[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*){0,3},\s+"
                          r"((?:[A-Z][\w.'’-]*\s+){1,3}[A-Z][\w'’-]+),")
SINGLE_PERSPECTIVE = re.compile(r"(?:For|To)\s+([A-Z\u00c0-\u00d6\u00d8-\u00de][\w'-]+),")
# "Serhiy's company pulled back": a person named before owns what opens the sentence (not
# another person: "Serhiy's brother said" makes the brother the later "he").
SINGLE_POSSESSIVE = re.compile(r"([A-Z\u00c0-\u00d6\u00d8-\u00de][\w-]+)'s\s+(?:own\s+)?"
                               r"(?:company|platoon|unit|group|squad|battalion|brigade|position|trench|"
                               r"dugout|village|town|house|home|flat|apartment|car|phone|war|story|account|"
                               r"route|way|memory|memories|day|night|morning|journey)(?!\w)")
PARTICLE_SURNAME = re.compile(r"(?:Van|Von|De|Der|Den|Da|Di|Du|Dos|Das|Ter|Ten|Le|La)(?:\s+(?:der|den|de|la))?\s+[A-Z][\w'-]+")
ITS_BODY = re.compile(r"[Ii]ts\s+([A-Za-z][\w'-]*(?:\s+[A-Z][\w'-]*){0,3})")
COUNTRY_ADJECTIVE = {"Ukrainian government": "Ukrainian", "Russian government": "Russian"}
FOREIGN_ARTICLES = {"Le", "La", "Les", "El", "Los", "Las", "Il", "Der", "Die", "Das", "Het"}  # (not "De": "De Wever")
# ("the pro-government daily Vechernyaya Stolitsa", "Germany's Rheinische Abendzeitung")
OUTLET_LEAD = re.compile(r"(?:(?:[Tt]he|[a-z][\w-]*|[A-Z][\w-]*'s)\s+)*")
PLURAL_LEAD = re.compile(r"(?:Two|Three|Four|Several|Some|Many|Most|Both|Few|Others|A\s+few|A\s+number)"
                         r"(?:\s+of\s+(?:them|these|those))?\b")


def _sentence_subject(s_start, s_end, folded, raw, known, inside_quote):
    """Record the actor a sentence opens with ("Putin instructed the military ...") as a
    subject, so that "He said" in the next sentence is Putin, not an earlier speaker."""
    intro = INTRO_PHRASE.match(folded, s_start, s_end)
    lead_end = intro.end() if intro else s_start
    # (a mention inside the opening phrase is not the subject: "In Kyiv, Zelensky said")
    hits = [i for i in known.inside(s_start, min(s_end, s_start + 120)) if known.starts[i] >= lead_end]
    # ("Mr Putin this week visited a command post": a courtesy title before the mention)
    courtesy = COURTESY_LEAD.match(raw, lead_end, s_end)
    titled = bool(hits and courtesy and known.starts[hits[0]] == courtesy.end())
    if not hits or known.starts[hits[0]] > lead_end + 2 and not titled:
        # "But Christopher Miller, chief correspondent …, swatted away …": a full name the
        # gazetteer lacks opens the sentence; a later "he" is this person.
        # "Russian war correspondent Alexander Kots was less cautious", "Rep. Don Bacon
        # (R-Neb.), a critic of Russia, pushed back": a role or a title before it.
        # "For Anna Berg, a historian in Oslo, the choice was revealing": whose view it is.
        role = ROLE_LEAD.match(raw, lead_end, s_end) or COURTESY_LEAD.match(raw, lead_end, s_end) \
            or PERSPECTIVE_LEAD.match(raw, lead_end, s_end)
        name = PROPER_NAME.match(raw, role.end() if role else lead_end, s_end)
        # ("Historian Anna Berg was blunt": a trade as a title, then the name)
        if name and not inside_quote(lead_end) and (name.group(1).split()[0] not in NOT_NAMES
                                                    or name.group(1).split()[0] in TRADE_TITLES) \
                and not NOT_PERSON_END.search(name.group(1)) and \
                not folded.startswith(("'s", "'"), name.end()) and \
                not (hits and known.starts[hits[0]] < name.end()):
            full = strip_title(name.group(1))
            # ("Lieutenant Horobets answered" after "Senior Lieutenant Maksym Horobets": the
            # rank and surname of someone named before; "Van Asperen asked" after "Joost van
            # Asperen")
            ranked = titled_surname(full)
            earlier = known.surname(ranked, name.start()) if ranked else _particle_surname(full, name.start(), known)
            if earlier:
                known.speakers.append((name.start(), earlier, "sg"))
                return
            if " " in full:
                if full.split()[0] in FOREIGN_ARTICLES:
                    # ("In Paris, Le Quotidien du Soir turns to Washington. It says ...": a
                    # title, a body that "it" refers to, not a person)
                    known.kinds.setdefault(full, "institution")
                known.local[full.split()[-1]] = full
                known.speakers.append((name.start(), full, "sg"))
                return
        # "The brigade's chaplain, Father Ihor Stasiv, keeps a list": the name set off after
        # the description that opens the sentence
        apposed = APPOSED_LEAD.match(raw, lead_end, s_end)
        if apposed and not inside_quote(lead_end) and not (hits and known.starts[hits[0]] < apposed.start(1)):
            full = strip_title(apposed.group(1))
            if " " in full and full.split()[0] not in NOT_NAMES:
                known.local[full.split()[-1]] = full
                known.speakers.append((apposed.start(1), full, "sg"))
                return
        # "For Yaroslav, the map matters less", "Yaroslav's unit pulled back": whose view or
        # unit it is, a name given before
        single = SINGLE_PERSPECTIVE.match(raw, lead_end, s_end) or SINGLE_POSSESSIVE.match(raw, lead_end, s_end)
        if single and not inside_quote(lead_end):
            word = single.group(1)
            earlier = known.local.get(word) or known.surname(word, lead_end)
            if earlier is None and single.re is SINGLE_POSSESSIVE and word in FIRST_NAMES:
                earlier = known.local[word] = word  # ("Serhiy's company": a person by a first name)
            if earlier and known.kinds.get(earlier, "person") == "person":
                known.speakers.append((single.start(1), earlier, "sg"))
                return
        # "Harjula is unconvinced.": the surname of someone the article named before.
        bare = SURNAME.match(raw, lead_end, s_end)
        # ("Evans and Holub end with ...": two subjects, neither the later "she")
        full = bare and not folded.startswith(("'s", "'"), bare.end()) and \
            not re.match(r"\s+(?:and|&|or)\s", folded[bare.end():bare.end() + 5]) and \
            not (hits and known.starts[hits[0]] < bare.end()) and known.surname(bare.group(1), lead_end)
        if full and not inside_quote(lead_end):
            known.speakers.append((bare.start(), full, "sg"))
            return
        # "A soldier who gave his first name as Andriy shrugged": the name he goes by.
        described = DESCRIPTION.match(folded, lead_end, s_end)
        # ("An Irish volunteer serving with Ukraine's international legion, who asked to be
        # identified only as Ciarán, said": the name may come well after the description)
        code = described and CODENAME.search(raw, described.end(), min(s_end, described.end() + 140))
        # ("Our correspondent reached a drone operator who gave only his first name,
        # Yevhenii.": the person so named, described later in the sentence)
        if not code and "name" in folded[lead_end:s_end]:
            code = CODENAME.search(raw, lead_end, s_end)
            if code and not DESCRIPTION.search(folded, max(lead_end, code.start() - 80), code.start()):
                code = None
        if code and not inside_quote(code.start(1)):
            known.local[code.group(1)] = code.group(1)
            known.speakers.append((code.start(1), code.group(1), "sg"))
            return
        # "Asked about that, the platoon commander laughed.": a definite description opens
        # the sentence; a later "he" is that person (named before, or no one we can name),
        # not an earlier speaker.
        if described and folded.startswith(("the ", "The "), described.start()) and \
                not inside_quote(described.start()) and not (hits and known.starts[hits[0]] < described.end()):
            phrase = raw[described.start():described.end()]
            actor = resolve_speaker(phrase, described.start(), known)
            known.speakers.append((described.start(), actor or None, speaker_number(phrase)))
            return
        # "In London, The Thames Courier will have none of it.": a newspaper the article
        # cites opens the sentence; a later "it" is the newspaper.
        # ("Lesnik Z (about 150,000) was more careful. It quoted ...": so is a channel)
        outlet = next((name for offset, name in known.outlets + known.channels if lead_end <= offset <= lead_end + 60
                       and OUTLET_LEAD.fullmatch(raw, lead_end, offset)), None)
        if outlet and not inside_quote(lead_end):
            known.speakers.append((lead_end, outlet, "sg"))
            return
        # "Two of them, Pesnya Shtyka and Ryadovoy 1945, published ... what they called":
        # a plural subject no one can name; a later "they" is these, not an earlier group.
        if PLURAL_LEAD.match(raw, lead_end, s_end) and not inside_quote(lead_end):
            known.speakers.append((lead_end, None, "pl"))
            return
        if not hits or intro:
            return
        # (no name the gazetteer lacks: the sentence's first mention, as below)
    i = hits[0]
    start, end = known.starts[i], known.ends[i]
    lead_ok = SUBJECT_LEAD.fullmatch(folded, s_start, start) or \
        (intro and SUBJECT_LEAD.fullmatch(folded, lead_end, start))
    # ("Trump's post followed within hours. “...,” he wrote.": the owner of a statement
    # that opens the sentence is its subject; any other possessive is not)
    if inside_quote(start) or not lead_ok or '"' in folded[s_start:start] or \
            folded.startswith(("'s", "'", "s'"), end) and not POSSESSIVE.match(folded, end, s_end):
        return
    # "Kremlin spokesman Dmitry Peskov met reporters": the role titles the person named
    # after it, who is the subject (and the "he" of the next sentence).
    if len(hits) > 1 and raw[known.starts[hits[1]]:known.starts[hits[1]] + 1].isupper() and \
            ROLE_BEFORE_NAME.fullmatch(folded, end, known.starts[hits[1]]):
        i = hits[1]
        start, end = known.starts[i], known.ends[i]
    known.speakers.append((start, known.actors[i], speaker_number(raw[start:end])))


def _coordination_gap(folded, previous, v_start):
    """Text between the previous frame (its subject or verb, whichever ends later) and a verb."""
    return folded[max(previous["end"], previous["subject_end"]):v_start]


# --------------------------------------------------------------------------- attribution


def _named_inside(speaker: str, speaker_text: str | None, quote: str) -> bool:
    """Whether a person's surname stands in the quotation while the words that name the
    speaker (a pronoun, "the President") do not hold it."""
    words = speaker.split()
    surname = words[-1] if len(words) > 1 else None
    if not surname or len(surname) < 4 or (speaker_text and surname in speaker_text):
        return False
    return re.search(rf"(?<!\w){re.escape(surname)}(?!\w)", quote) is not None


def _attribute(q, sentence_frames, sentences_by_id, folded, prev_quote, prev_sentence_frames,
               raw=None, known=None):
    """(speaker, speaker_text, rule) for one quotation."""
    open_mark, inner_start, inner_end, close_mark, s_open, s_close = q
    after = (close_mark + 1) if close_mark >= 0 else inner_end
    close_frames = sentence_frames.get(s_close[0], [])
    open_frames = sentence_frames.get(s_open[0], [])
    same_paragraph = prev_quote is not None and prev_quote["paragraph_id"] == s_open[3]
    # 0. the second half of a split quote: “…,” said the other, “not the map.”
    if same_paragraph and prev_quote["attribution"] == "tail" and \
            (prev_quote["speaker"] or prev_quote["speaker_text"]):
        gap = folded[prev_quote["close"] + 1:open_mark]
        if gap.rstrip().endswith((",", ":")) and not re.search(r"[.?!;]", gap) and len(gap) < 120:
            return prev_quote["speaker"], prev_quote["speaker_text"], "continued"
    # 1. right after the closing mark
    for f in close_frames:
        first = min(f["start"], f["subject_start"] if f["subject_start"] >= 0 else f["start"])
        if first >= after and f["frame"] != "possessive" and \
                (f["actor"] or f["subject_start"] >= 0) and \
                TAIL_GAP.fullmatch(folded[after:first]):
            return f["actor"], f["subject_text"], "tail"
        if first >= after:
            break
    # 1b. an em-dash and the source: "“…” — U.S. President Donald Trump, Truth Social"
    if known is not None and close_mark >= 0:
        dash = DASH_SOURCE.match(folded, after)
        if dash and dash.end() > after and "-" in folded[after:dash.end()]:
            at = dash.end() + TITLE_WORDS.match(folded, dash.end()).end() - dash.end()
            cands = [c for c in _candidates(folded, raw, dash.end(), min(len(folded), at + 80),
                                            known) if c[0] <= at]
            if cands:
                cs, ce = cands[-1]
                actor = _resolve(raw, cs, ce, known, before=cs)
                if actor:
                    return actor, raw[cs:ce], "tail"
    # 2. the nearest frame before the opening mark in the same sentence that has a subject
    # (an unnamed one gives None: the frame before it is someone else's)
    # ("Syrskyi called Putin's statement “…”": the quotation is what the caller calls it.)
    head = [f for f in open_frames if f["end"] <= open_mark and (f["actor"] or (
        f["subject_start"] >= 0 and f["frame"] != "coordinated")) and not (
        f["frame"] == "possessive" and CALLED_BEFORE.search(folded, max(0, f["subject_start"] - 16),
                                                              f["subject_start"]))]
    if head:
        f = max(head, key=lambda f: f["end"])
        if CHARACTERISATION.search(folded, f["end"], open_mark):
            return None, None, "none"
        return f["actor"], f["subject_text"], "possessive" if f["frame"] == "possessive" else "head"
    # 3. a sentence-final frame: "…, intelligence officials concluded."
    tail = [f for f in close_frames if f["start"] >= after and f["frame"] != "possessive"]
    if tail:
        f = tail[-1]
        first = f["subject_start"] if 0 <= f["subject_start"] < f["start"] else f["start"]
        rest = folded[f["end"]:s_close[2]]
        if folded[:first].rstrip().endswith(",") and "," not in rest and '"' not in rest:
            return f["actor"], f["subject_text"], "sentence"
    # 4. a sentence that is only the quotation
    head_text = LABEL.sub("", folded[s_open[1]:open_mark])
    tail_text = folded[after:s_close[2]]
    if ONLY_PUNCT.fullmatch(head_text) and ONLY_PUNCT.fullmatch(tail_text):
        if same_paragraph and (prev_quote["speaker"] is not None or prev_quote["speaker_text"]):
            return prev_quote["speaker"], prev_quote["speaker_text"], "continued"
        usable = [f for f in prev_sentence_frames
                  if f["frame"] not in ("possessive", "aside", "passive") and f["actor"]]
        if usable:
            f = usable[-1]
            return f["actor"], f["subject_text"], "previous"
    return None, None, "none"


# --------------------------------------------------------------------------- driver


def _compute(corpus):
    table = study_table(corpus)
    info = actor_info(table)
    sides = dict(zip(table["actor"], table["side"]))
    groups = study_groups(table)
    mentions = actors(corpus)
    by_article = rows_by(mentions["article_id"])
    m_start = mentions["start"].to_numpy().tolist()
    m_end = mentions["end"].to_numpy().tolist()
    m_actor = mentions["actor"].tolist()
    sentences = corpus.sentences
    paragraphs = corpus.paragraphs
    s_groups = rows_by(sentences["article_id"])
    p_groups = rows_by(paragraphs["article_id"])
    s_cols = (sentences["sentence_id"].tolist(), sentences["start"].tolist(),
              sentences["end"].tolist(), sentences["paragraph_id"].tolist())
    p_cols = (paragraphs["paragraph_id"].tolist(), paragraphs["start"].tolist(),
              paragraphs["end"].tolist())
    quote_rows, frame_rows = [], []
    # Wire copy republished verbatim gives the same rows: read once per distinct text,
    # then copied under each article's id.
    unique, copies = copies_of(corpus, lambda a: (
        corpus.texts[a], tuple(p_cols[1][i] for i in p_groups.get(a, ()))))
    for article_id in unique:
        if article_id not in s_groups:
            continue
        s_index = s_groups[article_id]
        raw = corpus.texts[article_id]
        paras = [(p_cols[0][i], p_cols[1][i], p_cols[2][i]) for i in p_groups[article_id]]
        idx = by_article.get(article_id, ())
        known = ArticleActors([m_start[i] for i in idx], [m_end[i] for i in idx],
                              [m_actor[i] for i in idx], info, sides=sides, groups=groups)
        folded = fold(raw)
        sents = [(s_cols[0][i], s_cols[1][i], s_cols[2][i], s_cols[3][i]) for i in s_index]
        _article(article_id, raw, folded, sents, paras, known, quote_rows, frame_rows)
    quote_frame = replicate(_quote_frame(quote_rows, set(table["actor"])), copies)
    frame_frame = replicate(_frame_frame(frame_rows), copies)
    return quote_frame, frame_frame


def _article(article_id, raw, folded, sents, paras, known, quote_rows, frame_rows):
    spans = []
    continued: set = set()  # inner starts of quotations that go on from the one before
    for _, p_start, p_end in paras:
        found = quote_spans(raw, folded, p_start, p_end)
        if spans and spans[-1][3] < 0:
            # A quotation left open at a paragraph's end, closed in the next paragraph by a
            # mark that opens nothing (“… territory. / Importantly, … nothing new.”): one
            # quotation over both paragraphs.
            close = _orphan_close(raw, folded, p_start, p_end, found)
            if close >= 0:
                o, s, _, _ = spans[-1]
                spans[-1] = (o, s, _trim(folded, s, close)[1], close)
            elif found and not folded[p_start:found[0][0]].strip():
                # ... or reopened at the next paragraph's start, the English convention for
                # a quotation over several paragraphs: the same speaker's words go on.
                continued.add(found[0][1])
        spans.extend(found)
    interiors = [(o, c if c >= 0 else e) for o, _, e, c in spans]
    opens = [o for o, _ in interiors]

    def inside_quote(pos):
        i = bisect.bisect_right(opens, pos) - 1
        return i >= 0 and interiors[i][0] < pos < interiors[i][1] + (0 if spans[i][3] >= 0 else 1)

    known.text = folded
    known.scan_names(raw, inside_quote)
    starts = [s[1] for s in sents]

    def sentence_at(pos):
        i = bisect.bisect_right(starts, pos) - 1
        return sents[max(i, 0)]

    by_paragraph: dict = {}
    for q in spans:
        by_paragraph.setdefault(sentence_at(q[1])[3], []).append(q)
    sentence_frames: dict = {}
    chains: list = []  # quotation rows, a quotation reopened over paragraphs in one list
    prev_sentence_frames: list = []
    prev_quote = None
    last_frames_before: dict = {}
    sentences_of: dict = {}  # paragraph id -> its sentences (one scan, not one per paragraph)
    for sentence in sents:
        sentences_of.setdefault(sentence[3], []).append(sentence)
    for pid, p_start, p_end in paras:
        p_sents = sentences_of.get(pid, [])
        for sid, s_start, s_end, _ in p_sents:
            last_frames_before[sid] = prev_sentence_frames
            _sentence_subject(s_start, s_end, folded, raw, known, inside_quote)
            found = _frames_in_sentence(article_id, sid, s_start, s_end, folded, raw, known,
                                        inside_quote, frame_rows)
            sentence_frames[sid] = found
            if found:
                prev_sentence_frames = found
            else:
                prev_sentence_frames = []
        for q in by_paragraph.get(pid, []):
            open_mark, inner_start, inner_end, close_mark = q
            s_open = sentence_at(inner_start)
            s_close = sentence_at(max(inner_end - 1, inner_start))
            speaker, text, rule = _attribute(
                (open_mark, inner_start, inner_end, close_mark, s_open, s_close),
                sentence_frames, None, folded, prev_quote, last_frames_before.get(s_open[0], []),
                raw, known)
            if speaker and _named_inside(speaker, text, raw[inner_start:inner_end]):
                # "“… Putin is lying,” the President said": a speaker found through a
                # pronoun or a description is not the person the words name in the third
                # person.
                speaker, rule = None, "none"
            row = dict(article_id=article_id, sentence_id=s_open[0], start=inner_start,
                       end=inner_end, quote=raw[inner_start:inner_end], speaker=speaker,
                       speaker_text=text, kind=quote_kind(raw[inner_start:inner_end]),
                       attribution=rule, paragraph_id=pid, close=close_mark)
            if speaker:
                known.speakers.append((inner_start, speaker, speaker_number(text or "")))
                known.speakers.sort(key=lambda entry: entry[0])
            quote_rows.append(row)
            if inner_start in continued and chains:
                chains[-1].append(row)
            else:
                chains.append([row])
            prev_quote = row
            quote_rows.extend(_nested_quotes(article_id, raw, folded, q, known, sentence_at, pid))
    for rows in chains:
        _continue_speaker(rows)


def _continue_speaker(rows: list[dict]) -> None:
    """Quotations reopened paragraph after paragraph are one speaker's: the parts with no
    speaker take the one speaker the others were given ("...," he said, at the end)."""
    given = {(r["speaker"], r["speaker_text"]) for r in rows if r["speaker"]}
    if len(rows) > 1 and len({speaker for speaker, _ in given}) == 1:
        speaker, text = sorted(given, key=str)[0]
        for r in rows:
            if not r["speaker"]:
                r.update(speaker=speaker, speaker_text=text, attribution="reopened")


# Inside a quotation, whose words a nested one gives: "not, as Trump claims, '…'".
NESTED_SOURCE = re.compile(r"\s*,?\s*(?:claims?|claimed|said|says|wrote|writes|put it|puts it|"
                           r"called it|calls it)\s*,?\s*(?:that\s+)?$")
NESTED_WINDOW = 80


def _nested_quotes(article_id, raw, folded, q, known, sentence_at, pid) -> list[dict]:
    """Quotations of four words or more in single marks inside a double-quoted one: the
    speaker quoting someone else (“Ukrainian forces are not, as Trump claims, 'captured
    essentially … surrounded'”). Each is a row of its own, its speaker the actor named
    just before it with a verb of saying inside the outer quotation, else None."""
    open_mark, inner_start, inner_end, _ = q
    if "'" not in folded[inner_start:inner_end]:
        return []
    rows = []
    for o, c in _single_quotes(raw, folded, inner_start, inner_end, []):
        s, e = _trim(folded, o + 1, c)
        text = raw[s:e]
        if len(WORD.findall(text)) < 4:
            continue
        speaker = speaker_text = None
        lo = max(inner_start, o - NESTED_WINDOW)
        for i in reversed(known.inside(lo, o)):
            if NESTED_SOURCE.fullmatch(folded, known.ends[i], o):
                speaker = known.actors[i]
                speaker_text = raw[known.starts[i]:known.ends[i]]
                break
        rows.append(dict(article_id=article_id, sentence_id=sentence_at(s)[0], start=s, end=e,
                         quote=text, speaker=speaker, speaker_text=speaker_text,
                         kind=quote_kind(text), attribution="nested", paragraph_id=pid,
                         close=c))
    return rows


def _quote_frame(rows, listed: set) -> pd.DataFrame:
    """The quotation rows as a table; ``speaker_in_gazetteer`` is False for a speaker named
    from the text alone ("Christopher Miller", a call sign), NA when there is no speaker."""
    frame = pd.DataFrame(rows, columns=[c for c in QUOTE_COLUMNS if c != "speaker_in_gazetteer"])
    frame.insert(QUOTE_COLUMNS.index("speaker_in_gazetteer"), "speaker_in_gazetteer",
                 pd.array([None if s is None or s != s else s in listed for s in frame["speaker"]],
                          dtype="boolean"))
    frame = frame.astype({"article_id": "str", "sentence_id": "str", "start": "int64",
                          "end": "int64", "quote": "str", "attribution": "str"})
    frame["speaker"] = frame["speaker"].astype("object").where(frame["speaker"].notna(), None)
    frame["speaker_text"] = frame["speaker_text"].astype("object").where(
        frame["speaker_text"].notna(), None)
    frame["kind"] = pd.Categorical(frame["kind"], categories=["quote", "scare"])
    return frame.sort_values(["article_id", "start"], kind="stable").reset_index(drop=True)


def _frame_frame(rows) -> pd.DataFrame:
    # One row per speaking actor: coordinated subjects ("X and Y said") each get a row.
    rows = [dict(r, actor=a) for r in rows for a in [r["actor"], *r.get("also", [])]]
    frame = pd.DataFrame(rows, columns=FRAME_COLUMNS)
    frame = frame.astype({"article_id": "str", "sentence_id": "str", "start": "int64",
                          "end": "int64", "verb": "str", "subject_start": "int64",
                          "subject_end": "int64", "frame": "str"})
    for column in ("subject_text", "actor"):
        frame[column] = frame[column].astype("object").where(frame[column].notna(), None)
    return frame.sort_values(["article_id", "start"], kind="stable").reset_index(drop=True)
