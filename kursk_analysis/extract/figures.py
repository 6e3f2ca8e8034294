"""Figures in the articles: territory areas and shares, and every other counted thing.

:func:`territory_figures` finds areas ("nearly 500 square miles", "20 to 30 square
miles", "1,376 square kilometres", "300 sq mi", "under 20 km²") and shares of territory
("86% of the area", "about half the territory seized", "a third of the land"), one row
per figure, each with its provenance (article, sentence, character span) and:

- ``value_low``/``value_high``: a range is two columns, never a midpoint. A single figure
  has low == high, whatever its qualifier ("nearly 500" -> 500/500, qualifier "nearly";
  "more than 800" -> 800/800, qualifier "more than"), as in the reference table. Only a
  strict upper bound ("under", "less than", "fewer than", "below", "up to", "at most",
  "no more than") leaves ``value_low`` empty (NaN): "under 20" means anything from 0 to
  20, and 0 would be a claim the text does not make; "30 sq mi or less" is such a bound
  too (qualifier "or less"). A vague multiple ("hundreds of square miles", "a few dozen
  square miles") gives its least value (200, 24) as ``value_low`` and no ``value_high``.
  A bare number right after an area borrows its unit when the text links them: "about 800
  square kilometres, down from 1,376 at the peak", "from about 300 square kilometers to
  less than 100" (two figures each).
- ``unit``: ``sq_mi``, ``km2`` or ``percent`` (fractions become percentages: "about half"
  -> 50, qualifier "about"; "a third" -> 33.33).
- ``qualifier``: the hedge as written, lower-cased ("nearly", "close to", "just"), or None.
- ``direction``: ``held``, ``seized``, ``lost`` or ``retaken``, from the nearest verb that
  governs the figure (a verb before it in the same clause wins over a participle after it:
  "lost about half the territory seized" is ``lost``); "captured"/"seized" with a Russian
  subject is ``retaken``; so is "claimed" used of ground ("Moscow claimed 64 per cent",
  but not "claimed that"). A share in a list that continues a territorial share ("64 per
  cent of it; by 12 March, nearly 90 per cent") is a territorial share too. None when no
  verb says.
- ``as_of``: the date the figure applies to. The publication date unless the sentence says
  otherwise next to the figure: a time expression (its end date: "last summer" ->
  2024-08-31), "at their peak"/"initially" (the incursion's peak), "now" (publication). A
  ``seized`` figure with no such cue dates from the peak too: it is the area captured, not
  the area held at publication. The peak has no date of its own: a figure dated by it has
  ``as_of`` NaT unless ``peak=`` names a day (never a fixed default day, which would put a
  January 2025 "at its peak" figure into August 2024). ``as_of_basis`` says which rule
  applied (publication, text, peak).
- ``claimant``: who the figure is attributed to in its sentence ("according to
  open-source reports", "Gerasimov claimed", "experts said"), canonicalised with
  :mod:`kursk_analysis.extract.actors` (pronouns and "the official" resolved the same way as quote
  speakers); the phrase itself when the gazetteer does not know it; None when the sentence
  attributes it to no one. The phrase is trimmed of a leading time phrase ("Within a
  fortnight Kyiv" -> Kyiv), bullets and trailing adverbs; a source behind maps or analysts
  is the agent ("Maps published ... by the monitoring group DeepState", "Analysts at
  DeepState", "estimated by DeepState" -> DeepState); a clause after a semicolon with its
  own verb is not attributed to a speaker before the semicolon, nor to one after it.
  "now" in reported speech with a dated verb ("estimated on Saturday that Ukraine now
  controlled") dates the figure to the statement. ``claimant_text`` keeps the phrase as
  written.
- ``km2_low``/``km2_high``: areas converted with pint. Percentages stay NaN here: a share is
  not an area until a baseline is chosen; :func:`areas_from_percent` does that, with the
  baseline as a visible column.

:func:`quantities` lists the other counted things (troops, casualties, soldiers, personnel
per day, days, bombs, reservists, non-territorial percentages) with the same provenance,
qualifier, ``as_of`` and ``claimant`` columns, plus ``what`` (the counted noun, as written,
lower-case), ``unit`` (count, day, week, month, year, hour, km, mile, ton, percent, usd)
and ``per`` (a rate's denominator: "1,200 personnel per day" -> per "day").

Speed: scanning patterns begin with literal alternatives (unit words, "%", digits) so the
regex engine skips quickly through text; the number and its qualifier are then read
backwards from a short window before each unit. Each distinct article text is scanned
once (republished wire copy is common); only the date-dependent ``as_of`` is computed per
article. No spaCy pass runs here.
"""
from __future__ import annotations

import bisect
import heapq
import itertools
import functools
import re
from datetime import date
from functools import lru_cache
from typing import Mapping

import numpy as np
import pandas as pd

from kursk_analysis import pipeline
from kursk_analysis import lexicon
from kursk_analysis.corpus import corrections
from kursk_analysis.corpus import cache
from kursk_analysis.extract.actors import BODY_INTRO
from kursk_analysis.extract.spans import longest_first
from kursk_analysis.extract.timex import article_texts, paused_gc, sentence_index, time_expressions


def _sentence_of(art, start: int, end: int) -> int:
    """The sentence holding the figure; a figure cut by a false sentence break after an
    abbreviation ("450 sq. mi., a Ukrainian official said") belongs to its start's one."""
    si = sentence_index(art, start, end)
    if si < 0:
        si = sentence_index(art, start, start + 1)
    return si

INCURSION_PEAK = None
"""The date given to a figure said to hold "at the peak", or seized without a date: none.
Pass ``peak=`` to :func:`territory_figures` to date such figures to a day you choose."""

UNITS = ["sq_mi", "km2", "percent"]
DIRECTIONS = ["held", "seized", "lost", "retaken"]
AS_OF_BASES = ["publication", "text", "peak"]
TERRITORY_COLUMNS = ["article_id", "sentence_id", "start", "end", "text", "value_low",
                     "value_high", "unit", "qualifier", "direction", "as_of", "as_of_basis",
                     "claimant", "claimant_text", "km2_low", "km2_high", "rule"]
QUANTITY_COLUMNS = ["article_id", "sentence_id", "start", "end", "text", "value_low",
                    "value_high", "unit", "what", "per", "qualifier", "as_of", "as_of_basis",
                    "claimant", "claimant_text"]

# ----------------------------------------------------------------------------- numbers

_WORD_VALUES = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "a": 1, "an": 1, "a dozen": 12, "dozen": 12,
}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
           "k": 1_000, "m": 1_000_000, "bn": 1_000_000_000}
# Vague multiples: their least value, high left open.
_VAGUE = {"hundreds of": 200, "several hundred": 200, "a few hundred": 200,
          "thousands of": 2_000, "several thousand": 2_000, "a few thousand": 2_000,
          "tens of thousands of": 20_000, "dozens of": 24, "scores of": 40,
          "a few dozen": 24, "several dozen": 24,
          "millions of": 2_000_000}
# The number words as a trie, so the longest is tried first: an alternation in this order
# read "sixteen", "sixty" and "ninety" as "six" and "nine" wherever nothing had to follow
# the word (the quantity scan then rejected the cut word, and the number was lost).
_WORD = "(?:" + lexicon.trie_regex([w for w in _WORD_VALUES if w not in ("a", "an", "dozen", "a dozen")]) + ")"
# Thousands grouped by commas ("1,150") or, in Ukrainian and European style, by a space
# ("1 150", folded from a thin or non-breaking space).
# A decimal comma, in European style, has one or two digits after it ("63,2 %").
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?: \d{3})+(?!\d)|\d{1,3},\d{1,2}(?![\d,])|\d+)(?:\.\d+)?"
_NUM = (rf"(?:{_DIGITS}(?:\s*(?:thousand|million|billion)\b|\s?(?:k|bn)\b)?"
        rf"|(?:a|an|{_WORD}(?:[\s-]{_WORD})?)(?:\s+(?:hundred|thousand|million))+"
        rf"|{_WORD}(?:-{_WORD})?|a dozen"
        r"|hundreds of|several hundred|a few hundred|a few dozen|several dozen|thousands of|several thousand"
        r"|a few thousand|tens of thousands of|dozens of|scores of|millions of)")
_QUAL = (r"just over|just under|just more than|just below|a little (?:over|under|more than|"
         r"less than)|slightly (?:over|under|more than|less than)|well over|more than|"
         r"less than|fewer than|close to|up to|at least|at most|no more than|no fewer than|"
         r"as much as|as many as|as few as|upwards of|in excess of|an estimated|estimated|"
         r"closer to|nearly|almost|about|around|roughly|approximately|some|over|under|below|above|"
         r"just|only|barely|merely|a mere|perhaps|possibly|maybe|probably")
_UPPER_BOUNDS = {"under", "less than", "fewer than", "below", "up to", "at most",
                 "no more than", "just below", "as much as", "as many as"}


def parse_number(text: str) -> tuple[float, bool]:
    """Value of a number phrase and whether it is a vague multiple ("hundreds of").

    "1,376" -> 1376, "1.2 million" -> 1_200_000, "five hundred" -> 500, "twenty-five" ->
    25, "hundreds of" -> (200, True); European style "1.300" -> 1300, "63,2" -> 63.2.
    """
    t = " ".join(text.lower().replace("-", " ").split())
    if text.lower() in _VAGUE:
        return float(_VAGUE[text.lower()]), True
    # European style: "1.300" (points grouping thousands, no scale word after), "63,2" (a
    # decimal comma): "1.125 million" stays a decimal.
    european = re.fullmatch(r"([1-9]\d{0,2}(?:\.\d{3})+)|(\d{1,3}),(\d{1,2})", t)
    if european:
        if european.group(1):
            return float(european.group(1).replace(".", "")), False
        return float(f"{european.group(2)}.{european.group(3)}"), False
    m = re.fullmatch(r"(\d{1,3}(?: \d{3})+(?:\.\d+)?|[\d,]+(?:\.\d+)?)\s*"
                     r"(thousand|million|billion|k|bn)?", t)
    if m:
        value = float(m.group(1).replace(",", "").replace(" ", ""))
        return value * _SCALES.get(m.group(2) or "", 1), False
    total, current = 0.0, 0.0
    for word in t.split():
        if word in ("hundred",):
            current = (current or 1) * 100
        elif word in ("thousand", "million", "billion"):
            total += (current or 1) * _SCALES[word]
            current = 0
        elif word in _WORD_VALUES:
            current += _WORD_VALUES[word]
        elif word == "dozen":
            current = (current or 1) * 12
        else:
            return float("nan"), False
    return total + current, False


# ----------------------------------------------------------------------------- patterns

_AREA_UNIT = re.compile(
    r"(?:square|sq\.?)[\s-]*(?P<u1>kilomet(?:er|re)s?|kms?|miles?|mi\b\.?)"
    r"|(?P<u2>km(?:2|²|\^2)|mi²|kilomet(?:er|re)s?\s+squared)"
)
_BEFORE_AREA = re.compile(
    rf"(?:\b(?P<qual>{_QUAL})\s+)?(?:\b(?P<from>from|between)\s+)?"
    # "from about 1,376 to roughly 800 square kilometres": each end of a change its own qualifier
    rf"(?:(?<=from )(?P<qual1>{_QUAL})\s+)?"
    rf"(?<![\w.,])(?P<n1>{_NUM})"
    rf"(?:\s*(?P<sep>-|to|and|or)\s*(?:(?<=to )(?P<qual2>{_QUAL})\s+)?(?P<n2>{_NUM}))?\s*(?:-\s*)?$"
)
# A bare number that borrows the unit of the area just before it: "from about 300 square
# kilometers to less than 100", "about 800 square kilometres, down from 1,376 at the peak",
# "..., down from a peak of 1,376".
_CARRIED = re.compile(
    rf"(?P<link>\s*,?\s*(?:(?:down|up)\s+from(?:\s+(?:a|an|its|the|their)\s+(?:peak|high|"
    rf"height|maximum|high point)\s+of)?|to)\s+)(?:(?P<qual>{_QUAL})\s+)?"
    rf"(?P<n>{_DIGITS})(?![\w%]|[.,]\d|\s*(?:-|percent|per\s+cent|pct|square|sq|km|mi|"
    r"kilomet|miles?|hectares?|acres?|times|people|troops|soldiers|days?|weeks?|months?|"
    r"years?|villages?|settlements?|[a-z]+s\b))")
_CARRIED_BACK = re.compile(
    rf"\bfrom\s+(?:(?P<qual>{_QUAL})\s+)?(?P<n>{_DIGITS})(?![\w%]|[.,]\d|\s*(?:-|percent|per\s+cent|square|sq|km|mi|"
    rf"kilomet|miles?))\s+(?:(?:in|at|last|by|on|since|early|late|mid)[\s-]+){{1,2}}(?:[a-z0-9]+\s+){{0,2}}?"
    rf"to\s+(?:{_QUAL}\s+)?$")
# "30 sq mi or less": an upper bound written after the figure.
_OR_LESS = re.compile(r"\s+or\s+(?P<tail>less|fewer|under|below)\b")
_PERCENT = re.compile(r"%|percent\b|per\s+cent\b|pct\b|pc\b")
_BEFORE_PERCENT = re.compile(
    rf"(?:\b(?P<qual>{_QUAL})\s+)?(?:\b(?P<from>from|between)\s+)?"
    rf"(?<![\w.,])(?P<n1>{_DIGITS}|{_WORD}(?:-{_WORD})?)"
    rf"(?:\s*%?\s*(?P<sep>-|to|and|or)\s*(?P<n2>{_DIGITS}|{_WORD}(?:-{_WORD})?))?\s*$"
)
_FRACTION = re.compile(r"(?:half|thirds?|quarters?|fifths?|tenths?)\b")
_BEFORE_FRACTION = re.compile(
    rf"(?:\b(?P<qual>{_QUAL})\s+)?(?:\b(?P<count>a|one|two|three|four|nine))?[\s-]*$")
_FRACTION_VALUES = {("half", None): 50.0, ("third", 1): 100 / 3, ("third", 2): 200 / 3,
                    ("quarter", 1): 25.0, ("quarter", 3): 75.0, ("fifth", 1): 20.0,
                    ("fifth", 2): 40.0, ("fifth", 3): 60.0, ("fifth", 4): 80.0,
                    ("tenth", 1): 10.0, ("tenth", 9): 90.0}
_COUNTS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "nine": 9, None: 1}
# The cues are data: rules/territory_cues.yaml (lexicon.territory_cues).
_CUES = lexicon.territory_cues()
_TERRITORY_NOUN = "|".join(_CUES["territory_nouns"])
# What follows a share when it is a share of territory: "of the area", "the territory
# seized", "of Ukraine's foothold", "of the Kursk region".
_AFTER_SHARE = re.compile(
    # ("1,100 square kilometres, or 86 percent, of the captured territory": a comma may
    # set the share off; "86% of what the enemy had occupied": what was taken is territory)
    # ("86 percent, in the general's telling, of what Ukraine had seized": an aside between)
    r"(?:\s*,\s*(?:in|by|according\s+to)\s+[^,.;]{1,40},)?"
    r"(?:\s*,?\s*(?:of\s+)?(?:(?:the|its|their|this|that|what|all|ukraine's|russia's|kyiv's|"
    r"moscow's|[a-z]+'s|[a-z]+s')\s+)?(?:[a-z-]+(?:'s|s')?\s+){0,2}?(?:" + _TERRITORY_NOUN + r")\b(?!'s\b)"
    r"|\s*of\s+(?:what|that\s+which)\s+(?:[a-z'-]+\s+){0,3}?(?:captured|seized|occupied|took|taken|grabbed|gained|"
    r"controlled|held|claimed|remained|remains|was\s+left|is\s+left)\b)")
_SHRANK_BY = re.compile(r"\b(?:shr(?:ank|unk|inks?|inking)|contract(?:ed|s|ing)?|reduced|fallen|fell)\s+by\s*$")
# "two-thirds of it", "five or ten percent of that": a share of what the sentence spoke of.
_OF_IT = re.compile(r"\s*of\s+(?:it|that|this)\b")
# "less than a third of the roughly 1,300 square kilometres it captured": a share of an area.
_OF_AREA = re.compile(r"\s*of\s+(?:the|its|their|those|these)\s+(?:(?:roughly|about|some|around|nearly|approximately|"
                      r"estimated|original)\s+)?[\d][\d,.]*\s*(?:square|sq\b|km)")
_AFTER_SHARE_VERB = re.compile(
    r"\s*(?:(?:has|have|had|was|were|is|are)\s+)?(?:(?:now|already|been)\s+)*(?:"
    + "|".join(_CUES["share_verbs"]) + r")\b")
_AFTER_SHARE_OF = re.compile(r"\s*of\s+(?:the|its|their)?\s*[a-z]")

# One named group per direction, tried in lexicon.DIRECTIONS_TRIED order, then "-held area".
_DIRECTION_CUE = re.compile(
    r"\b(?<!-)(?:" + "|".join(f"(?P<{direction}>" + "|".join(cues) + ")"
                             for direction, cues in _CUES["directions"].items()) + r")\b"
    r"|(?<=-)(?P<held_adjective>" + "|".join(_CUES["held_adjective"]["words"]) + r")\s+(?:"
    + "|".join(_CUES["held_adjective"]["nouns"]) + r")\b"
)
_COPULA = re.compile(r"\b(?:is|was|were|are|been)\s+(?:now\s+|still\s+|then\s+)?$")
_RESTATES = re.compile(
    r"(?:,\s*or|\(|,\s*i\.e\.,?|,\s*that is,?|"
    # "…, which amounts to about 64 percent of the territory": the same ground as a share
    r",?\s*which\s+(?:amounts?|accounts?|equals?|represents?|corresponds?|is)(?:\s+(?:to|for))?|"
    # "The general said this amounted to 86 percent", "which he said amounted to"
    r"\b(?:this|that|which|it)\s+(?:[a-z]+\s+said\s+)?(?:amounted|accounted|equalled|represented|corresponded)"
    r"(?:\s+(?:to|for))?|"
    r",?\s*(?:amounting|accounting|equal(?:ling)?|corresponding)\s+(?:to|for))\s*$")
_RESTATES_WINDOW = 40
# "… has been cleared,” specifying that this amounts to 1,260 km²": an amount that refers
# back takes the direction of the verb it refers to.
_AMOUNT_CUE = re.compile(r"amount|total|stand|put")
_REFERS_BACK = re.compile(r"\b(?:this|that|which|it)\s+(?:[a-z]+\s+)?$")
# Who acts: not a place named after a preposition ("advances into Russia's Kursk region",
# "in the Russian border region").
_RUSSIAN_SUBJECT = re.compile(
    r"(?<!\bin )(?<!\binto )(?<!\bof )(?<!\bfrom )(?<!\binside )(?<!\bin the )"
    r"(?<!\bof the )(?<!\binto the )"
    r"\b(?:russia|russian|russians|moscow|kremlin|putin|gerasimov)\b"
    r"(?!'s\s+(?:kursk|belgorod|bryansk|border|territory|soil)|\s+(?:border|region|territory|"
    r"soil|villages?|towns?|oblast|land|city|cities|federation)\b)")
_UKRAINIAN_SUBJECT = re.compile(r"\b(?:ukraine|ukrainian|ukrainians|ukraine's|kyiv|kyiv's|kiev|kiev's)\b")
_OF_THE_BEFORE = re.compile(r"\bof\s+(?:the|its|their)\s+$")
# Ukraine, and its verbs for the ground it took: shared by the whole-it-took patterns below.
_UKRAINE_AS_SUBJECT = r"(?:it|they|ukraine|kyiv|ukrainian\s+(?:forces|troops))"
_TOOK = r"(?:took|taken|seized|captured|gained|grabbed|occupied)"
_IT_TOOK_AFTER = re.compile(rf"\s+(?:(?:that|which)\s+)?{_UKRAINE_AS_SUBJECT}\s+"
                            rf"(?:had\s+|has\s+|have\s+)?(?:once\s+|initially\s+|first\s+)?{_TOOK}\b")
_WHAT_SUBJECT = re.compile(r"\bwhat\s+(?:it|they|ukraine|kyiv|ukrainian\s+[a-z]+)\s+(?:had\s+|has\s+|have\s+)?"
                           r"(?:once\s+|initially\s+|first\s+)?$")
_GONE_AFTER = re.compile(r"\s+of\s+what\s+[^,;.]{0,50}?\b(?:is|are|was|were|has\s+been|have\s+been)\s+"
                         r"(?:now\s+)?(?:gone|lost)\b")
_CONTROL = re.compile(r"control(?:s|led|ling)?\b|hold(?:s|ing)?\b|held\b")
# Between a nationality and its verb when it is the verb's subject: "Russian forces now".
_DIRECT_SUBJECT = re.compile(r"(?:'s)?(?:\s+(?:armed\s+|defen[cs]e\s+|special\s+)?(?:forces|troops|army|military|"
                             r"units|soldiers|fighters|brigades?|defenders))?(?:\s+(?:have|has|had|now|still|"
                             r"already|currently|[a-z]+ly))*\s*")
_CLAUSE_BREAK = re.compile(r";|\bbut\b|, and\b|, while\b|, whereas\b|\bafter\b|\bsince\b")

_PEAK = re.compile("|".join(_CUES["peak"]))
_SUBORDINATE = re.compile(r"\b(?:since|after|before|when|until|because|while|although)\b")
_HELD_AFTER = re.compile("|".join(f"(?:{p})" for p in _CUES["held_after"]))
_NOW = re.compile(r"\b(?:" + "|".join(_CUES["now"]) + r")\b")

# Attribution inside a sentence (on folded text; both quote styles are straight here).
# Verbs that attribute a figure to its claimant: rules/reporting_verbs.yaml, uses figures.
_SAY = lexicon.verb_alternatives("figures")
# ("as per Russia's top general Valery Gerasimov, ..." reads as "according to")
_ACCORDING = re.compile(
    r"\b(?i:according to|as per) (?P<who>.+?)(?=\s*[,;:(]|\s*\.?\"?\s*$|\s+(?:who|which|that|as|in|on|at|"
    r"since|after|because|while)\b)")
# "by DeepState's count", "by Kyiv's own count", "in ISW's assessment", "..., per DeepState":
# the named source; "By his reckoning, ...": the person the pronoun refers to.
_SOURCE_NOUN = (r"(?:own\s+)?(?i:count|counts|estimates?|estimation|assessments?|tally|calculations?|maps?|"
                r"data|figures?|reckoning|analysis|mapping)\b")
# What may stand between a source's owner and its noun ("the ministry's running tally", "Kyiv's
# latest count", "by the updated count of DeepState").
_SOURCE_QUALIFIER = r"(?:running|latest|new|updated|official|daily|published|weekly|own)"
# A pronoun's source as the subject ("his own count put the zone at", "its map showed"), and
# the medium before a subject ("In its statement the ministry said").
_WHICH_BEFORE = re.compile(r",\s*which\s+(?:the\s+)?$", re.I)
_NAME_AFTER = re.compile(r",\s+((?:[A-Z][\w.'-]*\s+){1,3}[A-Z][\w.'-]*)\s*(?=[,.;]|$)")
# "estimates by Ukrainian open-source mappers": the makers of the estimates
_SOURCE_PREFIX = re.compile(r"(?i)(?:the\s+)?(?:latest\s+|new\s+)?(?:estimates?|maps?|data|figures?|analysis|"
                            r"assessments?|calculations?)\s+(?:by|from)\s+(?P<agent>\S.*)")
# ("the group's maps show": the group named before)
_OWNER_SOURCE = re.compile(r"(?P<who>(?:the\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,4}|the\s+(?:[a-z-]+\s+){0,2}[a-z-]+)'s(?:\s+own)?"
                           r"(?:\s+" + _SOURCE_QUALIFIER + r")?(?:\s+" + _SOURCE_NOUN + r")?")
_PRONOUN_SOURCE_PHRASE = re.compile(r"(?i)(his|her|its|their)(?:\s+" + _SOURCE_NOUN + r")?")
# ("Its map this week put ...": a body's own source with more words after it)
_ITS_SOURCE_LEAD = re.compile(r"(?i)(its|their)\s+(?:[\w-]+\s+)?" + _SOURCE_NOUN + r"(?![\w'-])")
_OWN_MEDIUM = re.compile(r"(?i)(?:its|their|his|her)\s+(?:latest\s+|daily\s+|weekly\s+|morning\s+|evening\s+)?"
                         r"(?:statement|post|report|update|briefing|address|message|interview|remarks|summary)\s+(?=\S)")
# ("By the defence ministry's running tally", "in Kyiv's latest count")
_POSSESSIVE_SOURCE = re.compile(
    r"\b(?i:by|in|according to)\s+(?P<who>(?:the\s+)?[A-Z][\w.-]*(?:\s+(?:[A-Z][\w.-]*|of|for|the)){0,5}"
    r"|the\s+(?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*)"
    r"'s\s+(?:" + _SOURCE_QUALIFIER + r"\s+)?" + _SOURCE_NOUN)
# "Kyiv's highest figure, cited later by Syrskyi's staff, was 1,376": the figure's owner
_OWNER_FIGURE = re.compile(
    r"(?:^|[,;:\"]\s*|\bthat\s+)(?P<who>(?:the\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3})'s\s+"
    r"(?:(?:own|highest|latest|official|peak|first|last|new|final|earlier)\s+)?(?:figure|estimate|count|tally|total)s?"
    r"(?=\s*,|\s+(?:was|is|were|are|stood|stands|had|has|put|puts)\b)")
# "by the reckoning of DeepState, the Ukrainian mapping group", "by the count of Ukraine's
# commander-in-chief, Oleksandr Syrskyi": the source after "of" (a role, then its name)
_OF_SOURCE = re.compile(
    r"\b(?i:by|in|according to)\s+(?i:the|an?)\s+(?:" + _SOURCE_QUALIFIER + r"\s+)?" + _SOURCE_NOUN + r"\s+(?:of|by)\s+"
    r"(?P<who>(?:the\s+)?[A-Z][\w.'-]*(?:\s+(?:[A-Z][\w.'-]*|of|for|the|(?<='s\s)[a-z][\w-]*)){0,5})")
_PRONOUN_SOURCE = re.compile(r"\b(?i:by|in)\s+(?P<who>(?i:his|her))\s+" + _SOURCE_NOUN)
# ("Per the Krakow-based OSINT group Linia, ...": the name after its description; "09:35 GMT
# - Per DeepState, ...": after a live blog's time stamp)
_PER_SOURCE = re.compile(r"(?:^|[,(]|\s-)\s*(?i:per)\s+(?:the\s+[\w-]+-based\s+(?:(?:[a-z-]+|[A-Z]{2,})\s+){0,3})?"
                         r"(?P<who>(?:the\s+)?[A-Z][\w.-]*(?:\s+(?:[A-Z][\w.-]*|of|for|the)){0,5})")
_WHO_VERB = re.compile(
    r"(?:^|[,;:\"]\s*|\bthat\s+)(?P<who>[^,;:\"()]{2,80}?)"
    # ("Moscow, for its part, says", "DeepState, which maps the front, now shows")
    r"(?:,\s+(?:for\s+(?:its|his|her|their)\s+part|in\s+turn|however|meanwhile|though|too),)?,?\s+"
    r"(?:(?:\w+ly|also|now|still|already|then|later)\s+){0,2}"
    r"(?:has\s+|have\s+|had\s+)?(?:" + _SAY + r")\b")
_VERB_WHO = re.compile(
    r"(?:[,;\"]\s*)(?:" + _SAY + r")\s+(?P<who>[A-Z][^,;:.\"()\d]{1,60}?)(?=\s*[,;:.(]|\s*$)")
_APPOSITION_HEAD = re.compile(
    # ("Maps compiled by DeepState, a Ukrainian open-source group, now put ...": the agent)
    r"(?:^|[,;:\"]\s*|\bthat\s+|\bby\s+)(?P<head>(?:The\s+)?[A-Z][\w.'-]*(?:\s+(?:[A-Z][\w.'-]*|of|for|the)){0,6}),\s+$")
_APPOSITION_REACH = 400  # characters: seven words of a name, a comma and spaces fit easily
_ROLE_START = re.compile(
    r"(?:an?|the|its|his|her)\s|(?:spokes(?:man|woman|person)|head|chief|director|commander|"
    r"analyst|adviser|advisor|minister|president|secretary|general|envoy|leader|senior|"
    r"deputy)\b", re.I)
_NAMED = re.compile(r"(?<=\s)(?!(?:U\.S|US|UK|EU|NATO)\b)[A-Z][A-Za-z]+[A-Z]?[a-z]*")
_WHO_TRAIL = re.compile(r"(?:\s+(?:now|also|still|reportedly|previously|recently|later|"
                        r"then|had|have|has|would|could|may|might))+$", re.I)
_WHO_CLAUSE = re.compile(r"\b(?:is|are|was|were|be|been|it|they|there)\b", re.I)
# "roughly two-thirds of the area, or about 900 square kilometers, said Pasi Paroinen": a
# figure between commas before "said" is not who said it.
_WHO_FIGURE = re.compile(r"\d[\d,.]*\s*(?:%|per\s*cent|percent|sq\b|square|km|kilomet|miles?\b|hectares?)",
                         re.I)
_PREPOSITION_START = re.compile(r"(?i)^(?:by|within|in|on|at|after|before|since|during|from|"
                                r"for|over|under|with|without|despite|as|when|while|if)\b")
# A time or place phrase before the speaker ("Within a fortnight Kyiv", "By late August its
# commanders", "Last week he", "By mid-March DeepState maps"): the speaker starts at the first
# capitalised word that is not a month or weekday, or at a determiner or pronoun.
_LEAD_PHRASE = re.compile(
    r"^(?i:by|within|in|on|at|after|before|since|during|from|for|over|until|last|this|"
    r"earlier|later)\s+(?:(?:[a-z0-9'-]+|(?:January|February|March|April|May|June|July|"
    r"August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday)\b[\w-]*),?\s+){0,3}?"
    r"(?=(?!(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)"
    r"[A-Z]|(?:its|their|his|her|the|he|she|they|we)\b)")
# "Maps published this morning by the Ukrainian monitoring group DeepState", "estimates
# from DeepState", "Analysts at DeepState": the source is the named agent, not the maps.
_SOURCE_OF = re.compile(
    r"^(?i:the\s+)?(?i:latest\s+|new\s+|updated\s+)?(?i:maps?|data|figures?|estimates?|imagery|"
    r"analysis|assessments?|analysts?|researchers?|experts?|mapping)\b[^,;]*?\b(?:by|from|at|"
    r"of)\s+(?:the\s+)?(?:[a-z-]+\s+){0,3}?"
    r"(?P<agent>[A-Z][\w.'-]*(?:\s+(?:(?:of|for|the|and|on)\s+)*[A-Z][\w.'-]*){0,6})$")
_BY_AGENT = re.compile(
    r"\b(?:estimated|reported|put|assessed|mapped|calculated|shown|given) by "
    r"(?P<who>(?:the\s+)?[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,5})")
_NEXT_CLAUSE = re.compile(r",\s+(?:and|but)\s+(?:[\w'-]+\s+){0,3}$")
# ("the Zurich-based Centre for Conflict Mapping": where a body is based is no part of its name)
# A source that is no one: "as per reports", "according to media reports", "estimates show".
_GENERIC_SOURCE = re.compile(r"(?i)(?:(?:the|some|media|news|press|local|latest|recent|unconfirmed|"
                             r"several|other|various|earlier)\s+)*(?:reports?|estimates?|data|figures?|maps?)")
_BASED_LEAD = re.compile(r"^[A-Z][\w.'-]*-based\s+(?=[A-Z])")
_RELATIVE_LEAD = re.compile(r"(?i)(?:which|who)\s")
# (a participle that names an agent, "based on ISW data", still attributes)
_AGENT_WORD = re.compile(r"\b(?!(?:January|February|March|April|May|June|July|August|September|October|"
                         r"November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)[A-Z]")
_PARTICIPLE_WHO = re.compile(r"(?:(?:last|first|most\s+recently|recently)\s+)?(?:updated|published|released|compiled|"
                             r"issued|based|drawn|posted|revised)\b")
_WHO_JUNK = re.compile(
    # ("..., a figure he put at 86%": the pronoun is who)
    r"^(?:a|the)\s+(?:figure|number|total|tally)\s+(?:that\s+|which\s+)?(?=(?:he|she|it|they)\b)|"
    r"^[\u2022\u00b7*\u2013\u2014-]+\s*|^(?:and|but|as|while|which|who|so|yet|though|although|whereas)\s+|\s+(?:in a statement|in a post|on telegram|"
    r"on social media)$", re.I)


# ----------------------------------------------------------------------------- scanning

def _lower(folded: str) -> str:
    lower = folded.lower()
    if len(lower) != len(folded):  # a few Unicode letters change length when lowered
        lower = "".join(c.lower() if len(c.lower()) == 1 else c for c in folded)
    return lower


def _values(qual: str | None, n1: str, sep: str | None, n2: str | None,
            from_: str | None, qual1: str | None = None,
            qual2: str | None = None) -> list[tuple[int, float, float, str | None, bool]]:
    """(which, low, high, qualifier, vague) for the number(s) before a unit.

    "from X to Y" is two figures (a change), "between X and Y" or "X to Y" one range.
    ``which`` is 1 for a figure spanning n1 (and n2), 0 for the first of a change.
    ``qual1`` and ``qual2`` qualify each end of a change ("from about X to roughly Y").
    """
    v1, vague1 = parse_number(n1)
    if n2 is None or sep is None:
        qual = qual or qual1  # "down from roughly 1,250 km2"
    if n2 is not None and sep is not None:
        v2, vague2 = parse_number(n2)
        if sep == "and" and from_ != "between":
            n2 = None
        elif from_ == "from" and sep == "to":
            second = qual2 or qual
            if second in _UPPER_BOUNDS:
                return [(0, v1, v1, qual1, False), (2, float("nan"), v2, second, vague2)]
            return [(0, v1, v1, qual1, False), (2, v2, v2, second, vague2)]
        else:
            lo, hi = (v1, v2) if v1 <= v2 else (v2, v1)
            return [(1, lo, hi, qual if qual != "between" else None, False)]
    if qual in _UPPER_BOUNDS:
        return [(1, float("nan"), v1, qual, False)]
    if vague1:
        return [(1, v1, float("nan"), n1.lower(), True)]
    return [(1, v1, v1, qual if qual != "between" else None, False)]


def _scan_territory(folded: str) -> list[tuple]:
    """Territory figures in one folded article: (start, end, low, high, unit, qualifier,
    rule), ``rule`` naming the rule of :data:`TERRITORY_RULES` that found it; where figures
    overlap the longest wins."""
    lower = _lower(folded)
    return longest_first([hit for rule in TERRITORY_RULES for hit in rule(lower)])


def _area_figures(lower: str) -> list[tuple]:
    """Areas with a unit: "about 500 square miles", "1,100-1,300 km2", and a bare number
    that borrows the unit just before it ("from 300 square km to less than 100"; rule
    "area, unit carried")."""
    hits: list[tuple] = []
    for m in _AREA_UNIT.finditer(lower):
        us, ue = m.span()
        if us > 0 and lower[us - 1].isalpha():  # "1,300sq km" (a digit before) is a figure
            continue
        if ue < len(lower) and lower[ue - 1].isalnum() and lower[ue].isalnum():
            continue
        unit_word = m.group("u1") or m.group("u2")
        unit = "sq_mi" if unit_word.startswith("mi") else "km2"
        window_start = max(0, us - 90)
        pre = _BEFORE_AREA.search(lower, window_start, us)
        if pre is None:
            continue
        for which, lo, hi, qual, _vague in _values(pre.group("qual"), pre.group("n1"),
                                                   pre.group("sep"), pre.group("n2"),
                                                   pre.group("from"), pre.group("qual1"),
                                                   pre.group("qual2")):
            if which == 0:
                start, end = pre.start("qual1" if pre.group("qual1") else "n1"), pre.end("n1")
            elif which == 2:
                start, end = pre.start("qual2" if pre.group("qual2") else (
                    "qual" if qual else "n2")), ue
            else:
                start = pre.start("qual") if pre.group("qual") and qual else (
                    pre.start("qual1") if pre.group("qual1") and qual else
                    pre.start("from") if pre.group("from") == "between" else pre.start("n1"))
                end = ue
            tail = _OR_LESS.match(lower, ue) if which != 0 and lo == hi else None
            if tail:
                lo, qual, end = float("nan"), "or " + tail.group("tail"), tail.end()
                start = pre.start("n1") if which == 1 else pre.start("n2")
            hits.append((start, end, lo, hi, unit, qual, "area"))
        # "from about 1,300 in August to under 150 square kilometres today": the start of
        # the change, with a time between, borrows the unit of its end.
        back = _CARRIED_BACK.search(lower, max(0, pre.start() - 60), pre.start()) \
            if pre.group("from") is None and pre.group("sep") is None else None
        if back and not re.match(r"(?:19|20)\d\d$", back.group("n")):
            value, _ = parse_number(back.group("n"))
            qual = back.group("qual")
            lo = float("nan") if qual in _UPPER_BOUNDS else value
            hits.append((back.start("qual") if qual else back.start("n"), back.end("n"), lo, value, unit, qual,
                         "area, unit carried"))
        carried = _CARRIED.match(lower, ue)
        if carried and ("to" != carried.group("link").strip(" ,") or
                        pre.group("from") == "from" or
                        re.search(r"\bfrom\s+$", lower[max(0, pre.start() - 6):pre.start()])):
            if re.match(r"(?:19|20)\d\d$", carried.group("n")):
                continue  # "to 2025": a year, not an area
            value, _ = parse_number(carried.group("n"))
            qual = carried.group("qual")
            lo = float("nan") if qual in _UPPER_BOUNDS else value
            start = carried.start("qual") if qual else carried.start("n")
            hits.append((start, carried.end("n"), lo, value, unit, qual, "area, unit carried"))
    return hits


def _percent_shares(lower: str) -> list[tuple]:
    """Shares of the territory in percent: "86% of the territory", "retaken 86%", and a
    share in a list continuing one just before it ("64 per cent of it; by 12 March, nearly
    90 per cent")."""
    hits: list[tuple] = []
    last_share = -1  # end of the last territorial share
    for m in _PERCENT.finditer(lower):
        ps, pe = m.span()
        pre = _BEFORE_PERCENT.search(lower, max(0, ps - 60), ps)
        if pre is None:
            continue
        after = lower[pe:pe + 80]
        territorial = _AFTER_SHARE.match(after) or _AFTER_SHARE_VERB.match(after) or _OF_AREA.match(after)
        if not territorial and _OF_IT.match(after):
            # ("86 per cent of it had been recaptured": the share's own verb after it)
            territorial = _nearest_cue(lower, pre.start(), lookback=40) or \
                _AFTER_SHARE_VERB.match(after, _OF_IT.match(after).end())
        if not territorial:
            if _AFTER_SHARE_OF.match(after):
                continue  # "40% of their troops": a share of something else
            # "Russia says it has retaken 86%": a bare share right after a territory verb.
            verb = _nearest_cue(lower, pre.start(), lookback=40)
            # "64 per cent of it; by 12 March, nearly 90 per cent": a share in a list that
            # continues a territorial share just before it (the verb is elided).
            elided = last_share >= 0 and pre.start() - last_share <= 40 and \
                not re.search(r"[.!?]|\b(?:troops|soldiers|people|casualties)\b",
                              lower[last_share:pre.start()])
            if not elided and (verb is None or verb[1] == "held" and
                               "control" not in lower[pre.start() - 40:ps]):
                continue
        last_share = pe
        for which, lo, hi, qual, _vague in _values(pre.group("qual"), pre.group("n1"),
                                                   pre.group("sep"), pre.group("n2"),
                                                   pre.group("from")):
            if which == 0:
                start, end = pre.start("n1"), pre.end("n1")
            else:
                start = pre.start("qual") if pre.group("qual") and qual else (
                    pre.start("from") if pre.group("from") == "between" else pre.start("n1"))
                end = pe
            hits.append((start, end, lo, hi, "percent", qual, "percent share"))
    return hits


def _fraction_shares(lower: str) -> list[tuple]:
    """Shares as fractions: "half of the territory", "two thirds of the land"."""
    hits: list[tuple] = []
    for m in _FRACTION.finditer(lower):
        fs, fe = m.span()
        if fs > 0 and (lower[fs - 1].isalpha()):
            continue
        word = m.group(0).rstrip("s")
        pre = _BEFORE_FRACTION.search(lower, max(0, fs - 40), fs)
        count_word = pre.group("count") if pre else None
        count = _COUNTS.get(count_word, 1)
        if word != "half" and count_word is None:
            continue  # "third" alone is an ordinal ("the third time")
        key = (word, None) if word == "half" else (word, count)
        if key not in _FRACTION_VALUES:
            continue
        after = lower[fe:fe + 80]
        if not (_AFTER_SHARE.match(after) or _OF_AREA.match(after)
                or _OF_IT.match(after) and _nearest_cue(lower, fs, lookback=40)
                # "the area its troops hold has shrunk by about two fifths": what the
                # ground shrank by (a fraction's own qualifier before it)
                or _SHRANK_BY.search(lower, max(0, fs - 60), pre.start() if pre else fs)):
            continue
        if re.match(r"\s*(?:a|an)\s", after) or re.search(r"\b(?:second|first)\s*$",
                                                          lower[max(0, fs - 10):fs]):
            continue  # "half an hour", "the second half of the year"
        qual = pre.group("qual") if pre else None
        start = pre.start("qual") if qual else (pre.start("count") if count_word else fs)
        value = round(_FRACTION_VALUES[key], 2)
        if qual in _UPPER_BOUNDS:
            hits.append((start, fe, float("nan"), value, "percent", qual, "fraction share"))
        else:
            hits.append((start, fe, value, value, "percent", qual, "fraction share"))
    return hits


TERRITORY_RULES = (_area_figures, _percent_shares, _fraction_shares)


def _nearest_cue(lower: str, pos: int, lookback: int = 90, limit: int = 0, whole: bool = True):
    """The direction cue nearest before ``pos`` in the same clause: (start, direction).
    With ``whole`` False, a cue in a free relative that names the whole the figure is a
    share of is passed over ("lost most of what it took, about three-quarters of it")."""
    window_start = max(limit, pos - lookback)
    best = None
    for m in _DIRECTION_CUE.finditer(lower, window_start, pos):
        if whole or not _WHAT_SUBJECT.search(lower, max(window_start, m.start() - 40), m.start()):
            best = m
    if best is None:
        return None
    between = lower[best.end():pos]
    if _CLAUSE_BREAK.search(between):
        return None
    # "the Ukrainian-held area at under 100 km²": the adjective names what is held.
    return best.start(), "held" if best.lastgroup == "held_adjective" else best.lastgroup


# "86% of the territory Ukraine had seized was back under Russian control": the verb in the
# relative clause sizes the whole; the clause's own predicate says where the share went.
_SHARE_BACK = re.compile(
    r"\s+of\s+(?:the\s+|its\s+|their\s+)?(?:kursk\s+)?(?:territory|area|land|ground|gains)\s+(?:that\s+|which\s+)?(?:"
    rf"{_UKRAINE_AS_SUBJECT}\s+(?:had\s+|has\s+)?(?:once\s+|initially\s+)?{_TOOK}"
    # ("over 1,100 square kilometres of Kursk territory once held by Ukraine were back in
    # Russian hands")
    r"|(?:once\s+|previously\s+)?(?:held|taken|seized|captured|occupied)\s+by\s+(?:ukraine|kyiv|ukrainian\s+(?:forces|troops)))"
    r"(?:\s+(?:in|last|since)\s+[a-z]+(?:\s+\d{4})?)?\s+"
    r"(?:was|were|is|are|had\s+been|has\s+been)\s+(?:now\s+|already\s+)?(?:back\b|under\s+russian\s+control|"
    r"retaken|recaptured|liberated|returned|cleared|in\s+russian\s+hands|freed)")


# "more than 1,100 square kilometres, or 86 percent of the area it had taken, were back
# under Russian control", "86 percent of the captured area was back in Russian hands", "86
# percent of the occupied territory retaken": the figure's own predicate, after it (past an
# apposition naming the same ground), says Russia has it back.
_BACK_PREDICATE = re.compile(
    r"(?:,\s+or\s+[^,;.]{0,80},)?(?:(?!\b(?:and|but|while|which|who|that)\b)[^,;.]){0,80}?\b"
    r"(?:(?:was|were|is|are|had\s+been|has\s+been|have\s+been)\s+(?:now\s+|already\s+)?"
    r"(?:back\s+(?:in|under)\s+(?:russian|russia's|moscow's)|taken\s+back|won\s+back|retaken|recaptured|liberated|"
    r"in\s+(?:russian|russia's|moscow's)\s+hands|under\s+(?:russian|russia's|moscow's)\s+control)"
    r"|(?<=\s)(?:territory|area|land|ground)\s+(?:retaken|recaptured|liberated|taken\s+back|won\s+back))\b")


# "down from a peak of roughly 1,270", "Ukraine's foothold, once about 500 square miles",
# "the foothold peaked at around 1,300 sq km": the ground held at its largest.
_HELD_BEFORE = re.compile(r"(?:(?:down|up)\s+from\s+(?:a|its|the|their)\s+(?:peak|high|maximum|height)\s+of"
                          r"|(?:foothold|salient|bridgehead)\s*,?\s+(?:once|peaked\s+at|stood\s+at|then\s+at))\s+$")


def _direction(lower: str, start: int, end: int, s_start: int, s_end: int) -> str | None:
    """The direction of the figure at [start, end) in the sentence [s_start, s_end)."""
    if _HELD_AFTER.match(lower, end, min(s_end, end + 50)) or \
            _HELD_BEFORE.search(lower, max(s_start, start - 50), start):
        return "held"
    if _SHARE_BACK.match(lower, end, s_end) or _BACK_PREDICATE.match(lower, end, s_end):
        return "retaken"
    if _GONE_AFTER.match(lower, end, s_end):
        return "lost"  # "90 percent of what they held at the peak is gone"
    cue = _nearest_cue(lower, start, limit=s_start, whole=False)
    # "lost most of the roughly 1,300 sq km it took last summer", "now hold a quarter of the
    # 1,300 sq km they seized": the whole it had seized ("retaken the last of the 1,268 sq
    # km Ukraine had captured" stays retaken).
    if cue is not None and cue[1] in ("lost", "held") and _OF_THE_BEFORE.search(lower, max(s_start, start - 20), start) \
            and _IT_TOOK_AFTER.match(lower, end):
        return "seized"
    if cue is None and _COPULA.search(lower, max(s_start, start - 20), start):
        return "held"  # "at the peak it was around 500 square miles"
    if cue is None:
        # A participle after the figure: "500 square miles captured", "86% ... liberated".
        tail = lower[end:min(s_end, end + 60)]
        stop = re.search(r"[,;]|\b(?:and|but|while|as)\b", tail)
        tail_end = end + (stop.start() if stop else len(tail))
        m = None
        for candidate in _DIRECTION_CUE.finditer(lower, end, tail_end):
            # After a share, "of the former Ukrainian-held area" describes the whole.
            if candidate.lastgroup != "held_adjective":
                m = candidate
                break
        if m is None:
            return None
        cue = (m.start(), m.lastgroup)
    pos, direction = cue
    if direction == "held" and _AMOUNT_CUE.match(lower, pos) and \
            _REFERS_BACK.search(lower, max(s_start, pos - 16), pos):
        back = None
        for m in _DIRECTION_CUE.finditer(lower, max(s_start, pos - 200), pos):
            back = m
        if back is not None and not _CLAUSE_BREAK.search(lower, back.end(), pos):
            pos, direction = back.start(), back.lastgroup
    # "Russia captured" or "Russia pushed Ukrainian units out of" is Russia retaking ground.
    expel = direction == "lost" and re.match(r"forced|pushed|driven|expelled|ousted", lower[pos:pos + 9])
    # Who acts: the nationality named last before the verb. "Russia captured" or "Russia
    # pushed Ukrainian units out of" is Russia retaking ground, "Russian forces now control
    # 90 percent of the ground Ukraine captured" too; "Ukrainian troops recaptured 20 sq km"
    # and "Russia lost control of 1,000 sq km" are Ukraine's gains.
    subject = lower[max(s_start, pos - 60):pos]
    ru = [m.end() for m in _RUSSIAN_SUBJECT.finditer(subject)]
    ua = [m.end() for m in _UKRAINIAN_SUBJECT.finditer(subject)]
    russian = bool(ru) and (not ua or max(ru) > max(ua))
    if direction == "seized" or expel:
        if russian:
            direction = "retaken"
        return direction
    # The other turns only for the verb's own subject ("Russian forces now control ...",
    # not "the Russian ministry said Kiev's troops still controlled ...").
    ukrainian = bool(ua) and (not ru or max(ua) > max(ru))
    direct = bool(_DIRECT_SUBJECT.fullmatch(subject, max(ru + ua))) if ru or ua else False
    if direct and russian and direction == "held" and _CONTROL.match(lower, pos):
        direction = "retaken"
    elif direct and (direction == "retaken" and ukrainian or direction == "lost" and russian):
        direction = "seized"
    return direction


# ----------------------------------------------------------------------------- provenance

@lru_cache(maxsize=100_000)
def _attributions(sentence: str) -> tuple[tuple[int, int, str], ...]:
    """Attribution phrases in one folded sentence: (start, end, phrase), offsets in it.

    Cached per sentence text: wire copy repeats sentences across articles."""
    return tuple(_find_attributions(sentence))


# What a claimant phrase must hold: a capital, a pronoun or a noun for who can speak.
_CLAIMANT_LIKE = re.compile(
    r"[A-Z]|\b(?:who|which|he|she|they|it|we|i|officials?|analysts?|experts?|military|ministry|army|"
    r"forces|troops|intelligence|government|sources?|monitors?|bloggers?|observers?|researchers?|"
    r"authorities|estimates?|maps?|data|figures?|reports?|command|staff|institute|group|"
    r"spokes(?:man|woman|person)|commanders?|officers?|soldiers?|governor|minister|president|"
    r"mapping|assessments?|tall(?:y|ies)|count|media|outlets?|agency|channel|bureau|service|"
    r"[a-z]{3,}(?:ers|ists|ians|ants|ents))\b")  # traders, economists, historians, residents
_ANTECEDENT = re.compile(r"(?P<head>[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,4}),\s*$")


def _find_attributions(sentence: str) -> list[tuple[int, int, str]]:
    out = []
    for m in _ACCORDING.finditer(sentence):
        named = _NAME_AFTER.match(sentence, m.end("who"))
        if named and _ROLE_START.match(m.group("who")):
            # "according to its commander-in-chief, Oleksandr Syrskyi": the role and its name
            out.append((m.start("who"), named.end(1), sentence[m.start("who"):named.end(1)]))
            continue
        if not _POSSESSIVE_SOURCE.match(sentence, m.start()):
            # ("according to estimates by Borderline Maps": the maker of the estimates)
            source = _SOURCE_OF.match(m.group("who"))
            if source:
                out.append((m.start("who") + source.start("agent"), m.end("who"), source.group("agent")))
                continue
            out.append((m.start("who"), m.end("who"), m.group("who")))
    for regex in (_POSSESSIVE_SOURCE, _PRONOUN_SOURCE, _PER_SOURCE):
        for m in regex.finditer(sentence):
            out.append((m.start("who"), m.end("who"), m.group("who")))
    for m in _OWNER_FIGURE.finditer(sentence):
        out.append((m.start("who"), m.end("who"), m.group("who")))
    for m in _OF_SOURCE.finditer(sentence):
        named = _NAME_AFTER.match(sentence, m.end("who"))
        if named and "'s " in m.group("who"):
            # ("by the count of Ukraine's commander-in-chief, Oleksandr Syrskyi": the name)
            out.append((named.start(1), named.end(1), named.group(1)))
        else:
            out.append((m.start("who"), m.end("who"), m.group("who")))
    for m in _WHO_VERB.finditer(sentence):
        who = m.group("who")
        s = m.start("who")
        junk = _WHO_JUNK.match(who)
        if junk and _RELATIVE_LEAD.match(who) and sentence.startswith(",", m.end("who")):
            # "The Zurich-based Centre for Conflict Mapping, which follows open-source
            # imagery, put the area at ...": a relative clause set off before the verb
            # describes its antecedent, which is the subject.
            head = _APPOSITION_HEAD.search(sentence, max(0, s - _APPOSITION_REACH), s)
            if head is None or head.end() != s:
                head = _ANTECEDENT.search(sentence, max(0, s - 80), s)
                if head is None:
                    continue
            s, who = head.start("head"), head.group("head")
        elif junk:
            s += junk.end()
            who = who[junk.end():]
        lead = _LEAD_PHRASE.match(who)
        if lead and lead.end() < len(who):
            s += lead.end()
            who = who[lead.end():]
        if _PARTICIPLE_WHO.match(who) and sentence.startswith(",", m.end("who")) and not _AGENT_WORD.search(who):
            # "Our own tracing of positions, last updated on 21 February, puts ...": a
            # participle set off before the verb describes the subject; it is no one
            continue
        medium = _OWN_MEDIUM.match(who)  # "In its statement the ministry said"
        if medium and medium.end() < len(who):
            s += medium.end()
            who = who[medium.end():]
        trail = _WHO_TRAIL.search(who)
        if trail:
            who = who[:trail.start()]
        source = _SOURCE_OF.match(who)
        if source:
            s += source.start("agent")
            who = source.group("agent")
        # A head is a few capitalised words before a comma: look a short way back, not
        # from the sentence start for every verb (quadratic in a long sentence, issue 13).
        head = _APPOSITION_HEAD.search(sentence, max(0, s - _APPOSITION_REACH), s)
        apposition = bool(head and head.end() == s and _ROLE_START.match(who))
        words = len(who.split())
        # A long title ending in a name ("Army General Valery Gerasimov") is still a speaker.
        limit = 8 if not who.split() or not who.split()[-1][:1].isupper() else 11
        if (words > limit and not apposition) or not who.strip() or \
                "according to" in who.lower() or _WHO_CLAUSE.search(who) or _WHO_FIGURE.search(who):
            continue
        if who.split()[-1].lower() in ("it", "this", "that", "which") and len(who.split()) > 1:
            continue
        if not _CLAIMANT_LIKE.search(who):
            continue  # "... now puts the area at", "at the peak of the operation, said": no one
        if who.strip().lower() in ("who", "which"):
            # "..., Valery Gerasimov, who told Putin that ...": the name before the comma.
            antecedent = _ANTECEDENT.search(sentence, max(0, s - 80), s)
            if antecedent is None:
                continue
            s, who = antecedent.start("head"), antecedent.group("head")
        if any(a < s + len(who) and s < b for a, b, _ in out):
            continue  # inside an "according to" phrase
        # An apposition ("John Kirby, spokesman for the NSC, told"): the named head before
        # the comma is the speaker, so the phrase starts there.
        head = _APPOSITION_HEAD.search(sentence, max(0, s - _APPOSITION_REACH), s)
        if head and head.end() == s and _ROLE_START.match(who):
            end = s + len(who)
            s = head.start("head")
            who = sentence[s:end]
        out.append((s, s + len(who), who))
    for m in _VERB_WHO.finditer(sentence):
        out.append((m.start("who"), m.end("who"), m.group("who")))
    for m in _BY_AGENT.finditer(sentence):
        out.append((m.start("who"), m.end("who"), m.group("who")))
    return out


@lru_cache(maxsize=10_000)
def _attribution_order(sentence: str) -> tuple[list, list, list, list]:
    """The sentence's attributions by start (keys, entries) and by end, latest first."""
    found = _attributions(sentence)
    after = sorted((a, i, a, b) for i, (a, b, _) in enumerate(found))
    before = sorted((-b, i, a, b) for i, (a, b, _) in enumerate(found))
    return [x[0] for x in after], after, [x[0] for x in before], before


def _nearest_attributions(sentence: str, start: int, end: int):
    """(distance, index, start, end) of the attributions outside a figure at [start, end)
    of ``sentence``, nearest first, then in the order ``_attributions`` lists them."""
    after_keys, after, before_keys, before = _attribution_order(sentence)
    following = ((a - end, i, a, b) for _, i, a, b in after[bisect.bisect_left(after_keys, end):])
    preceding = ((start - b, i, a, b) for _, i, a, b in before[bisect.bisect_left(before_keys, -start):])
    return heapq.merge(following, preceding)


class _LazyActors(dict):
    """Article id -> ArticleActors, built on first use (only articles with figures)."""

    def __init__(self, spans: dict, info: dict, factory):
        super().__init__()
        self._spans, self._info, self._factory = spans, info, factory

    def get(self, article_id, default=None):
        if article_id not in self:
            span = self._spans.get(article_id)
            if span is None:
                return default
            starts, ends, names = span
            self[article_id] = self._factory(starts, ends, names, self._info)
        return dict.get(self, article_id, default)


def _known_actors(corpus):
    """Per article, an :class:`~kursk_analysis.extract.actors.ArticleActors` (None if unavailable).

    Built from one pass over the mention table (a pandas group-by per article costs
    seconds on 10,000 articles), and only for the articles a figure asks about.
    """
    def build():
        try:
            # Named imports: the package re-exports the function ``actors``, which shadows
            # the submodule of the same name as an attribute of the package.
            from kursk_analysis.extract.actors import (ArticleActors, actor_info, actors, resolve_speaker,
                                                       study_groups, study_table)
        except ImportError:  # the actors module is optional for figures
            return None, None
        mentions = actors(corpus)
        table = study_table(corpus)
        info = actor_info(table)
        sides = dict(zip(table["actor"], table["side"]))
        factory = functools.partial(ArticleActors, sides=sides, groups=study_groups(table))
        resolver = resolve_speaker
        spans: dict[str, tuple[list, list, list]] = {}
        for aid, s, e, name in zip(mentions["article_id"].tolist(), mentions["start"].tolist(),
                                   mentions["end"].tolist(), mentions["actor"].tolist()):
            entry = spans.get(aid)
            if entry is None:
                entry = spans[aid] = ([], [], [])
            entry[0].append(s)
            entry[1].append(e)
            entry[2].append(name)
        return _LazyActors(spans, info, factory), resolver

    return pipeline.memo(corpus, "known_actors", build)


def _claimant(art, raw: str, start: int, end: int, si: int, known, resolve_speaker,
              speakers_later: bool = False):
    """(claimant, claimant_text) for a figure at [start, end) of sentence ``si``."""
    s0, s1 = art.starts[si], art.ends[si]
    # A figure cut by a false sentence break ("450 sq. mi., a Ukrainian official said")
    # reads on into the following pieces while they start in lower case.
    j = si
    while j + 1 < len(art.starts):
        crosses = art.ends[j] < end
        continued = art.ends[j] - end <= 1 and \
            art.folded[art.starts[j + 1]:art.starts[j + 1] + 1].islower()
        if not (crosses or continued):
            break
        j += 1
        s1 = art.ends[j]
    sentence = art.folded[s0:s1]
    best = None
    # The nearest attribution the checks below accept (the first listed among equally
    # near ones), tried nearest first: a long sentence has thousands (issue 13).
    for distance, _, a, b in _nearest_attributions(sentence, start - s0, end - s0):
        a, b = s0 + a, s0 + b
        if a >= end and _WHICH_BEFORE.search(art.folded, max(end, a - 12), a):
            # "86 percent of the area, which the Kremlin put at more than 1,100 square
            # kilometers": the relative clause's own figure is the Kremlin's, not this one
            continue
        if _GENERIC_SOURCE.fullmatch(raw[a:b].strip()):
            # "according to the latest map, AVM reported": a source that is no one gives way
            # to the next attribution
            continue
        if b <= start and ";" in art.folded[b:start]:
            # "Russia says it has retaken 90%; Ukrainian-held ground is now put at ...": a
            # clause with its own predicate is not the earlier speaker's; an elided one
            # ("...; by 12 March, nearly 90 per cent") still is.
            clause = art.folded[b:start].rsplit(";", 1)[1].lower()
            if _DIRECTION_CUE.search(clause) or re.search(
                    r"\b(?:is|are|was|were|has|have|had|" + _SAY + r")\b", clause):
                continue
        if a >= end and (";" in art.folded[end:a] or _NEXT_CLAUSE.search(art.folded, max(end, a - 40), a)):
            # the attribution belongs to the next clause ("..., and Putin, who visited the
            # region, said the force was isolated")
            continue
        best = (distance, a, b)
        break
    if best is None:
        return _self_claimant(art, raw, start, s0, known)
    _, a, b = best
    phrase = raw[a:b].strip()
    if not phrase:
        return None, None
    article_actors = known.get(art.article_id) if known is not None else None
    inside = article_actors.inside(a, b) if article_actors is not None else []
    pronoun = _PRONOUN_SOURCE_PHRASE.fullmatch(phrase) or _ITS_SOURCE_LEAD.match(phrase)
    if pronoun:
        # "By his reckoning", "his own count put ...": the person who spoke last
        # (_speakers_as_claimants); "its map showed": no name to give
        return None, (pronoun.group(1) if pronoun.group(1).lower() in ("his", "her") else phrase)
    if not inside and (_PREPOSITION_START.match(phrase) or len(phrase.split()) > 6):
        return None, phrase  # "Within a fortnight Kyiv": not a clean name; say nothing
    prefix = _SOURCE_PREFIX.fullmatch(phrase) if not inside else None
    if prefix:
        phrase = prefix.group("agent")
    owner = _OWNER_SOURCE.fullmatch(phrase) if not inside else None
    if owner:
        phrase = owner.group("who")  # "Brandreth's own tally puts the peak at": Brandreth
    if not inside and _GENERIC_SOURCE.fullmatch(phrase):
        return None, phrase  # "As per reports": no one is credited
    if not inside and "," in phrase and _ROLE_START.match(phrase.split(",", 1)[1].lstrip()):
        phrase = phrase.split(",", 1)[0]  # "Rossiyskoye Obozreniye, a pro-Kremlin weekly": the name
    if not inside and _NAMED.search(phrase):
        # A named source the gazetteer lacks ("the DeepState monitoring group") is kept as
        # written rather than matched to some earlier actor by its common noun; a body
        # introduced by what it is goes by its own name ("the Lviv-based mapping group
        # Terra Watch": Terra Watch).
        body = BODY_INTRO.fullmatch(phrase)
        if body:
            return body.group("name"), phrase
        return _BASED_LEAD.sub("", re.sub(r"^(?:the|a|an)\s+", "", phrase, flags=re.I)), phrase
    if speakers_later and phrase.lower() in ("he", "she"):
        # Territory figures resolve it from the speakers the quote layer found
        # (_speakers_as_claimants), not from the mentions alone: "Gerasimov told Putin ...,
        # a figure he put at 86 %" is Gerasimov's, not the last man named.
        return None, phrase
    if known is not None:
        actor = None
        if article_actors is not None:
            actor = resolve_speaker(phrase, a, article_actors)
        if actor:
            return actor, phrase
    if re.fullmatch(r"(?i)(?:he|she|they|it|we|i)", phrase):
        return None, phrase
    if re.fullmatch(r"[Tt]he\s+[a-z][a-z-]*", phrase):
        return None, phrase  # "the group" that points back to no one found: no claimant
    return re.sub(r"(?i)^the\s+", "", phrase), phrase


# "Ukraine stormed into the region and at one point said it controlled 1,300 sq km",
# "... claimed control of", "claiming at one point to control": the subject's own figure.
_SELF_CLAIM = re.compile(
    r"(?i)\b(?:said|says|claimed|claims|claiming|saying|announced)\s+(?:(?:at\s+one\s+point|at\s+(?:its|the)\s+"
    r"(?:peak|height)|once|then|later|initially)\s*,?\s+)?(?:(?:that\s+)?(?:it|they)\s+(?:had\s+|still\s+)?"
    r"(?:controlled|held|controls|holds|captured|seized|took)|(?:to\s+(?:have\s+)?)?(?:control(?:led)?|hold|held|"
    r"captured?|seized?)|control\s+(?:of|over))\s+(?:[a-z-]+\s+){0,3}$")
# The sentence's subject, first: a short opening phrase may come before it.
_SUBJECT_AT = re.compile(r"(?:(?:In|On|By|At|After|Since)\s+[^,]{1,40},\s*)?(?:the\s+)?")


def _self_claimant(art, raw: str, start: int, s0: int, known):
    """(claimant, claimant_text) of a figure the sentence's subject gives for itself, by a
    verb of saying ending its clause ("at one point said it controlled"), else (None, None).
    The subject is a gazetteer actor or a capital that opens the sentence."""
    from kursk_analysis.extract.quotes import METONYMS

    if not _SELF_CLAIM.search(art.folded, max(s0, start - 110), start):
        return None, None
    lead = _SUBJECT_AT.match(raw, s0)
    at = lead.end() if lead else s0
    article_actors = known.get(art.article_id) if known is not None else None
    if article_actors is not None:
        here = article_actors.inside(at, at + 40)
        if here and article_actors.starts[here[0]] == at:
            i = here[0]
            return article_actors.actors[i], raw[article_actors.starts[i]:article_actors.ends[i]]
    word = re.match(r"[A-Z][a-z]+", raw[at:at + 12])
    if word and word.group() in METONYMS:
        return METONYMS[word.group()], word.group()
    return None, None


_BACK_REFERENCE = re.compile(r"(?i)(?:the|that|this)\s+(?:[a-z-]+\s+)?[a-z]+")


def _head_noun(phrase: str) -> str:
    word = phrase.strip().split()[-1].lower() if phrase.strip() else ""
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _time_cues(art, si: int, timex_rows, index=None) -> list[tuple[int, int, str, object]]:
    """Cues in sentence ``si`` that date a nearby figure: (start, end, basis, as_of).

    Linear in the sentence's length (issue 13): the article's time expressions are picked
    by position, not all scanned per sentence, and commas, stops and subordinating words
    are found once per sentence, not searched again from its start for every date."""
    s0, s1 = art.starts[si], art.ends[si]
    lower = art.folded[s0:s1].lower()
    rows = _rows_within(timex_rows, s0, s1, index)
    cues = []
    for m in _PEAK.finditer(lower):
        cues.append((s0 + m.start(), s0 + m.end(), "peak", None))
    dated_speech = []  # "estimated on Saturday that ...": the date of the statement
    for ts, te, date_end, gran in rows:
        if gran == "day" and re.search(
                r"\b(?:" + _SAY + r")\s+(?:on\s+)?$", lower[max(0, ts - s0 - 30):ts - s0]):
            dated_speech.append((te, date_end))
    commas = [m.start() for m in re.finditer(",", lower)]
    if dated_speech:
        stops = [m.start() for m in re.finditer("[.;]", lower)]
        order = sorted(range(len(dated_speech)), key=lambda k: dated_speech[k][0])
        ends = [dated_speech[k][0] - s0 for k in order]
    for m in _NOW.finditer(lower):
        said, fitting = None, []
        if dated_speech:
            # Only a date after the last stop and all but the last comma before "now" can
            # lead to it by ", that ..." (the pattern below allows one comma, no stop).
            at = m.start()
            bound = max(stops[bisect.bisect_left(stops, at) - 1] if stops and stops[0] < at else -1,
                        commas[bisect.bisect_left(commas, at) - 2] if bisect.bisect_left(commas, at) >= 2 else -1)
            fitting = [order[j] for j in range(bisect.bisect_right(ends, bound), bisect.bisect_right(ends, at))
                       if re.fullmatch(r"\s*,?\s*that\s+[^,;.]*", lower[dated_speech[order[j]][0] - s0:at])]
            said = dated_speech[max(fitting)][1] if fitting else None
        if fitting:
            # "now" in reported speech is the time of the statement, not of publication.
            cues.append((s0 + m.start(), s0 + m.end(), "text", said))
        else:
            cues.append((s0 + m.start(), s0 + m.end(), "publication", None))
    subordinate_words = [(m.start(), m.end()) for m in _SUBORDINATE.finditer(lower)]
    word_starts = [start for start, _ in subordinate_words]
    for ts, te, date_end, gran in rows:
        # A date inside a subordinate clause ("since Ukrainians seized the area in
        # August, with 78,000 troops") dates that clause, not the figures outside it.
        at = ts - s0
        comma = bisect.bisect_left(commas, at)
        clause_start = commas[comma - 1] + 1 if comma else 0
        k = bisect.bisect_left(word_starts, clause_start)
        subordinate = (k < len(subordinate_words) and subordinate_words[k][1] <= at) or \
            bool(_SUBORDINATE.search(lower, max(clause_start, at - 12), at))  # a word cut at the date
        cues.append((ts, te, "text_sub" if subordinate else "text", date_end))
    return cues


def _rows_within(timex_rows, s0: int, s1: int, index=None) -> list:
    """The time expressions inside [s0, s1], in their order in ``timex_rows``."""
    starts, order = index or _timex_index(timex_rows)
    picked = sorted(order[bisect.bisect_left(starts, s0):bisect.bisect_right(starts, s1)])
    return [timex_rows[i] for i in picked if timex_rows[i][1] <= s1]


def _timex_index(timex_rows) -> tuple[list, list]:
    """One article's time expressions by start: (starts sorted, row numbers in that order)."""
    order = sorted(range(len(timex_rows)), key=lambda i: timex_rows[i][0])
    return [timex_rows[i][0] for i in order], order


def _as_of(figure_spans, cues, published, peak, directions, text):
    """as_of and basis for each figure of one sentence: each cue dates its nearest figure.

    ``text`` is the article's folded text (to see commas between a cue and a figure).
    """

    def lower_between(cs, ce, fs, fe):
        return text[fe:cs] if cs >= fe else text[ce:fs]

    assigned: dict[int, tuple[int, tuple]] = {}
    for cue in cues:
        cs, ce = cue[0], cue[1]
        best = None
        for i, (fs, fe) in enumerate(figure_spans):
            distance = cs - fe if cs >= fe else (fs - ce if fs >= ce else 0)
            if distance > 100:
                continue
            between = lower_between(cs, ce, fs, fe)
            if ";" in between:
                continue  # "By November ... 40 per cent; by February, ... 64 per cent"
            if cue[2] == "text_sub" and "," in between:
                continue
            verb_between = _DIRECTION_CUE.search(text[max(fe, cs - 20):cs].lower()) \
                if cue[2] in ("text", "text_sub") and cs >= fe else None
            if verb_between and verb_between.lastgroup != "held_adjective":
                continue  # "86% of the territory Ukrainian forces seized in August 2024"
            if best is None or distance < best[0]:
                best = (distance, i)
        if best is not None:
            i = best[1]
            if i not in assigned or best[0] < assigned[i][0]:
                assigned[i] = (best[0], cue)
    out = []
    for i, direction in enumerate(directions):
        if i in assigned:
            _, (_, _, basis, value) = assigned[i]
            if basis == "peak":
                out.append((peak, "peak"))
            elif basis == "publication":
                out.append((published, "publication"))
            else:
                lo, hi = value
                # A period that runs through publication ("this month") dates the figure
                # at publication; otherwise its end ("last summer" -> 31 August).
                if published is not None and lo is not None and hi is not None and \
                        lo <= published <= hi:
                    hi = published
                out.append((hi, "text"))
        elif direction == "seized":
            out.append((peak, "peak"))
        else:
            out.append((published, "publication"))
    return out


# ----------------------------------------------------------------------------- public API

def territory_figures(corpus, peak: date | str | None = INCURSION_PEAK, corrected: bool = True) -> pd.DataFrame:
    """Every figure for territory in the corpus (one row per figure, see module docs).

    Columns: ``article_id``, ``sentence_id``, ``start``, ``end``, ``text`` (the figure with
    its qualifier and unit; ``corpus.texts[article_id][start:end] == text``),
    ``value_low``, ``value_high``, ``unit``, ``qualifier``, ``direction``, ``as_of``,
    ``as_of_basis``, ``claimant``, ``claimant_text``, ``km2_low``, ``km2_high``.
    Ordered by article (manifest order) and start offset.
    """
    peak = None if peak is None or peak == "" else pd.Timestamp(peak).date()

    def build():
        with paused_gc():
            return _territory(corpus, peak)

    key = f"kursk_analysis.extract.figures/territory/{peak}"
    table = pipeline.memo(corpus, "territory_figures", build, variant=str(peak or ""))
    if not (corrected and corpus.corrections):
        return table
    return corrections.corrected(corpus, "territory_figures", key, table)


def _timex_by_article(corpus) -> dict[str, list]:
    def build():
        timex = time_expressions(corpus)
        out: dict[str, list] = {}
        lows = [None if x is pd.NaT else x for x in timex["date_start"].dt.date.tolist()]
        highs = [None if x is pd.NaT else x for x in timex["date_end"].dt.date.tolist()]
        for aid, s, e, lo, hi, g in zip(timex["article_id"].tolist(), timex["start"].tolist(),
                                        timex["end"].tolist(), lows, highs,
                                        timex["granularity"].astype("object").tolist()):
            out.setdefault(aid, []).append((s, e, (lo, hi), g))
        return out

    return pipeline.memo(corpus, "timex_by_article", build)


def _territory(corpus, peak: date) -> pd.DataFrame:
    timex = _timex_by_article(corpus)
    known, resolve_speaker = _known_actors(corpus)
    scans: dict[str, list] = {}
    rows = []
    for art in article_texts(corpus):
        found = scans.get(art.folded)
        if found is None:
            found = scans[art.folded] = _locate_territory(art)
        if not found:
            continue
        raw = corpus.texts[art.article_id]
        rows.extend(_provenance(art, raw, found, timex.get(art.article_id, []), peak, known,
                                resolve_speaker, speakers_later=True))
    frame = pd.DataFrame(rows, columns=[c for c in TERRITORY_COLUMNS if not c.startswith("km2_")])
    frame = _speakers_as_claimants(corpus, frame)
    frame = _typed(frame, territory=True)
    factors = km2_factors()
    factor = frame["unit"].astype("object").map(factors).astype("float64")
    frame["km2_low"] = frame["value_low"] * factor
    frame["km2_high"] = frame["value_high"] * factor
    return frame[TERRITORY_COLUMNS].reset_index(drop=True)


_SPEAKING_FRAMES = ("verb", "inverted", "coordinated", "passive")


def _speakers_as_claimants(corpus, frame: pd.DataFrame) -> pd.DataFrame:
    """The claimant of a figure is whoever the quote layer finds saying it: the speaker of
    the quotation it stands in, else the subject of the reporting frame whose clause holds
    it ("Gerasimov informed Putin … that …, specifying that this amounts to 1,260 km²",
    "…, said Sergei Rudskoi, first deputy head of Russia's General Staff"). Figures no
    quotation or frame speaks for keep the claimant their own sentence rules gave."""
    if frame.empty:
        return frame
    from kursk_analysis.extract.quotes import METONYMS, quotes, speech_frames

    spoken = quotes(corpus, corrected=False)
    spoken = spoken[spoken["speaker"].notna() & spoken["kind"].eq("quote")]
    quote_rows: dict[str, list] = {}
    for row in zip(spoken["article_id"], spoken["start"], spoken["end"], spoken["speaker"],
                   spoken["speaker_text"]):
        quote_rows.setdefault(row[0], []).append(row[1:])
    frames = speech_frames(corpus)
    frames = frames[frames["frame"].isin(_SPEAKING_FRAMES)]
    people = _speaking_people(corpus, frames)
    frames = frames[frames["actor"].notna()]
    known, _ = _known_actors(corpus)
    frame_rows: dict[str, list] = {}
    for row in zip(frames["sentence_id"], frames["start"], frames["end"], frames["subject_start"],
                   frames["subject_end"], frames["actor"], frames["subject_text"]):
        frame_rows.setdefault(row[0], []).append(row[1:])
    claimants, texts = frame["claimant"].tolist(), frame["claimant_text"].tolist()
    for i, (aid, sid, start, end) in enumerate(zip(frame["article_id"], frame["sentence_id"],
                                                   frame["start"], frame["end"])):
        # he/she/his/her the sentence rules found: a claimant not yet resolved (its gender)
        gender = _PERSON_PRONOUNS.get(texts[i].lower()) if isinstance(texts[i], str) else None
        found = next(((speaker, text) for q_start, q_end, speaker, text in quote_rows.get(aid, ())
                      if q_start <= start and end <= q_end), None)
        if found is None:
            # (a possessive pronoun is no subject's text: "his" is not "his spokesman"; no
            # other frame of the sentence takes a pronoun's figure)
            phrase = texts[i] if isinstance(texts[i], str) and texts[i].lower() not in ("his", "her") else None
            found = _governing_frame(corpus.texts[aid], start, end, frame_rows.get(sid, ()),
                                     phrase, not isinstance(claimants[i], str) and not gender)
        if found is None and not isinstance(claimants[i], str) and isinstance(texts[i], str) and \
                _ITS_SOURCE_LEAD.match(texts[i]):
            # "DeepState, a mapping project, ... Its map this week put ...": the body named
            # last before (a gazetteer institution), within reach
            article = known.get(aid) if known is not None else None
            body = article.recent(start, lambda a: article.fits(a, ("institution",)), _PRONOUN_REACH) \
                if article is not None else None
            if body:
                found = body, texts[i]
        if found is None and gender and not isinstance(claimants[i], str):
            # "By his reckoning, ...": the person who spoke last before, of that gender
            last = next((row for row in reversed(people.get(aid, ())) if row[0] < start), None)
            if last and last[1] and start - last[0] <= _PRONOUN_REACH and last[2] in (None, gender):
                found = last[1], texts[i]
        if found is not None:
            claimants[i], texts[i] = found
        # A capital or country speaking is its government, as in quotes and stances.
        claimants[i] = METONYMS.get(claimants[i], claimants[i]) \
            if isinstance(claimants[i], str) else claimants[i]
    return frame.assign(claimant=claimants, claimant_text=texts)


_PERSON_PRONOUNS = {"his": "m", "he": "m", "her": "f", "she": "f"}
_PRONOUN_REACH = 600  # characters back to the speaker a possessive pronoun refers to


def _speaking_people(corpus, frames: pd.DataFrame) -> dict[str, list]:
    """Article id -> [(verb start, actor, gender or None)] of the frames whose speaker may be
    a person: a gazetteer person, a name of two words or more the gazetteer lacks that is no
    body's ("Ole Brandt", not "Terra Watch"), or a speaker left unresolved or one of a group
    (actor None: "the analyst said" stands between an earlier name and a later "his")."""
    from kursk_analysis.extract.actors import BODY_NAME_END, FIRST_NAMES, actor_info, study_table

    info = actor_info(study_table(corpus))
    people: dict[str, list] = {}
    for aid, v_start, actor in zip(frames["article_id"], frames["start"], frames["actor"]):
        kind, gender = info[actor][:2] if actor in info else (None, None)
        if not isinstance(actor, str) or kind == "group":  # ("a second analyst said": one of a group)
            people.setdefault(aid, []).append((v_start, None, None))
            continue
        if kind == "person" or kind is None and len(actor.split()) > 1 and not BODY_NAME_END.search(actor):
            if gender not in ("m", "f"):
                gender = FIRST_NAMES.get(actor.split(" ", 1)[0])
            people.setdefault(aid, []).append((v_start, actor, gender))
    for rows in people.values():
        rows.sort(key=lambda row: row[0])
    return people


_NAME_OF = re.compile(r"[A-Z][\w'-]*\s+(?:for|of|on)\s+(?:the\s+)?$")
# A frame speaks for a figure it is not next to only through a that-clause.
_THAT_CLAUSE = re.compile(r"\s+(?:[\w.'-]+\s+){0,6}?that\b")
_NOT_CLAIMING = {"spoke", "speaks", "asked", "asks", "called", "calls", "urged", "urges",
                 "tell", "told", "touted", "hailed"}


def _governing_frame(text: str, start: int, end: int, rows, phrase: str | None,
                     unattributed: bool) -> tuple | None:
    """(actor, subject text) of the reporting frame that speaks for [start, end).

    A frame whose subject is the phrase the sentence rules found ("He noted that …") gives
    that phrase's speaker as the quote layer resolved it; a figure the sentence rules left
    unattributed takes the nearest frame whose that-clause holds it ("…, specifying that
    this amounts to 1,260 km²") or that closes its sentence after a comma. A semicolon
    between the two ends the frame's reach."""
    best = None
    for v_start, v_end, subject_start, subject_end, actor, subject_text in rows:
        first = min(v_start, subject_start) if subject_start >= 0 else v_start
        if phrase and subject_text and (subject_text in phrase or phrase in subject_text) \
                and ";" not in text[min(first, start):max(first, end)] \
                and not (actor == subject_text and _NAME_OF.search(phrase, 0, max(0, phrase.find(subject_text)))):
            # (the end of a body's name is no better claimant than the name: "Front Studies"
            # of "the Institute for Front Studies")
            return actor, subject_text
        # "Valery Gerasimov, who heads Russia's General Staff, said ...": the phrase the
        # sentence rules found sits in the subject's apposition; the subject speaks.
        # (an apposition, set off by a comma: "Analysts at DeepState estimated" is DeepState)
        if phrase and 0 <= subject_end < v_start and v_end <= start and \
                text[subject_end:v_start].lstrip().startswith(",") and \
                phrase in text[subject_end:v_start] and ";" not in text[v_end:start]:
            return actor, subject_text
        if not unattributed or text[v_start:v_end] in _NOT_CLAIMING:
            continue
        if v_end <= start:
            gap = text[v_end:start]
            if not _THAT_CLAUSE.match(gap) and not gap.strip(" ,:") == "":
                continue
            distance = start - v_end
        elif first >= end:
            gap = text[end:first]
            if "," not in gap or re.search(r"[.!?]\s", gap):
                continue
            distance = first - end
        else:
            continue
        if ";" in gap:
            continue
        if best is None or distance < best[0]:
            best = (distance, actor, subject_text)
    return best[1:] if best else None


def _locate_territory(art) -> list[tuple]:
    """Figures of one article inside its sentences, with direction (date-independent)."""
    lower = _lower(art.folded)
    out = []
    previous = None  # (start, direction) of the figure before
    previous_end, previous_unit = -1, None
    for start, end, lo, hi, unit, qual, rule in _scan_territory(art.folded):
        si = _sentence_of(art, start, end)
        if si < 0:
            continue
        if not _about_the_incursion(art.folded, start, end, art.starts[si], art.ends[si]):
            continue
        direction = _direction(lower, start, end, art.starts[si], art.ends[si])
        restates = bool(previous and start - previous[0] <= 200 and
                        _RESTATES.search(lower, max(0, start - _RESTATES_WINDOW), start))
        if not restates and previous and unit != "percent" and previous_unit not in (None, unit) and \
                0 <= start - previous_end <= (25 if previous_unit != "percent" else 60) and \
                re.fullmatch(r"(?:\s+(?:of|in)\s+[\w' -]+?)?\s*,\s*", lower[previous_end:start]):
            # "under 100 km² of Russia, perhaps 30 sq mi": the same area in other units;
            # "lost 86% of the area it captured last August, some 1,100 square kilometres".
            restates = True
        previous_end, previous_unit = end, unit
        if restates:
            # "86% of the territory ..., or more than 1,100 square km": the same figure
            # in other units, so the same direction (and, below, date and claimant).
            direction = previous[1]
        elif direction is None and previous and start - previous[0] <= 200:
            # "Ukraine holds 450 sq mi, though analysts put the figure closer to 300":
            # a figure with no verb of its own continues the one just before it.
            direction = previous[1]
        previous = (start, direction)
        out.append((start, end, si, {"value_low": lo, "value_high": hi, "unit": unit,
                                     "qualifier": qual, "direction": direction,
                                     "restates": restates, "rule": rule}))
    return out


# Figures that are not ground held, seized, lost or retaken in the incursion: the size of a
# whole region ("Kursk, which spans nearly 30,000 square kilometres") and ground in Ukraine
# proper ("in Ukraine's Donetsk and Kherson regions, Russia had taken 75 percent").
_REGION_SIZE = re.compile(
    r"(?i)\b(?:region|oblast|province|kursk|(?<!held )(?<!controlled )(?<!occupied )area)\b[^.;]{0,20}?\b(?:which\s+|that\s+)?"
    r"(?:spans|spanned|covers|covered|measures|measured|has an area of|is the size of)\s+"
    r"(?:an area of\s+)?(?:[a-z]+\s+){0,2}$")
# "roughly twice the size of Oslo, which covers about 454 sq km": the place compared with.
# ("half the size of the German state of Saarland, which covers ...": words before the name)
_COMPARED_TO = r"\b(?:size\s+of|as\s+(?:large|big)\s+as|(?:larger|bigger|smaller)\s+than)\s+"
_COMPARED_SIZE = re.compile(
    _COMPARED_TO +
    r"(?:(?:the|a|an|[a-z]+|[A-Z][\w'-]+)\s+){0,5}?[A-Z][\w'-]+,?\s+(?:which|that)\s+(?:covers|spans|measures|is)\s+"
    r"(?:an\s+area\s+of\s+)?(?:[a-z]+\s+){0,2}$")
# "an area a little smaller than the City of Johannesburg's 1,645 square kilometres": the
# compared place's own size, given with its possessive.
_COMPARED_POSSESSIVE = re.compile(
    _COMPARED_TO +
    r"(?:(?:the|a|an|of|[a-z]+|[A-Z][\w'-]+)\s+){0,5}?[A-Z][\w'-]+'s?\s+(?:(?:[a-z]+|some|about)\s+){0,2}$")
# "The total area of the Kursk region makes 29,997 square kilometres", "The Kursk region
# itself is around 30,000 square kilometers": a whole region's size.
_REGION_TOTAL = re.compile(
    r"(?i)\b(?:total\s+area\s+of\s+(?:the\s+)?(?:[\w-]+\s+)?(?:region|oblast|province)|"
    r"(?:region|oblast|province)(?:\s+itself)?)\s+(?:is|makes|totals|amounts\s+to|covers|spans|measures)\s+"
    r"(?:(?:about|around|roughly|some|nearly|almost|over|approximately|just\s+under)\s+)?$")
# "Kazakhstan, which at 2.7 million square kilometres is the ninth-largest country": a
# country's or region's rank by size.
_SIZE_RANK_AFTER = re.compile(r"\s+(?:is|was|makes\s+it)\s+(?:the\s+|a\s+)?(?:[\w-]+-)?(?:largest|biggest|smallest)\b")
# "about 20 percent of Georgia's internationally recognised territory": another country's.
_OTHER_COUNTRY_SHARE = re.compile(
    r"\s+of\s+(?!Russia|Ukraine|Kursk|the\b)[A-Z][\w-]+'s\s+(?:[a-z]+\s+){0,2}(?:territory|land)\b")
_UKRAINE_PROPER = re.compile(
    r"\b(?:in|of|across|inside|within)\s+(?:eastern\s+|southern\s+|northern\s+)?Ukraine\b"
    r"(?!'s\s+(?i:incursion|offensive|operation|forces|troops|army|military|units|general\s+staff|"
    r"armed\s+forces|top|defen[cs]e|government|president|leadership|commander|"
    # ("86 percent of Ukraine's gains": what Ukraine took in Russia)
    r"gains|foothold|bridgehead|salient|holdings|initial|original|peak))|"
    r"\b(?:Donetsk|Luhansk|Lugansk|Zaporizhzhia|Zaporizhia|Zaporozhye|Kherson|Kharkiv|"
    r"Kharkov|Dnipropetrovsk|Donbas|Donbass|Pokrovsk)\b|"
    # "gained 600 square kilometres of Ukrainian land" (Kursk is Russian land)
    r"\b(?:of|in|on)\s+Ukrainian\s+(?:land|soil|territory)\b")
# Ukraine's own border region, named in the figure's clause ("Russian troops hold 90 sq km
# in the Sumy region"); in another clause it is where the troops came from.
_UKRAINE_BORDER = re.compile(r"\bSumy\b")
_INCURSION_PLACE = re.compile(r"\b(?:Kursk|Sudzha|Russian territory|inside Russia|in Russia)\b")
# "the 30,000-square-kilometre Kursk region", "about 30,000 square kilometres in size"
_REGION_SIZE_AFTER = re.compile(r"(?i)(?:[\s-]+(?:kursk\s+)?(?:region|oblast|province)\b|\s+in\s+(?:size|area)\b)")
# Where a sentence joins two clauses that may speak of different places ("Ukraine seized
# 1,300 sq km in Kursk, while Russia captured 1,500 sq km in Donetsk").
_PLACE_CLAUSE_BREAK = re.compile(r";|,\s*(?:while|whereas|but|and|as)\b|\s(?:while|whereas)\s|"
                                 r",\s*(?:(?:more|less|fewer|larger|smaller|bigger) than|compared (?:with|to))\b")
# Another Russian region Ukraine entered (Belgorod, March 2025): not the Kursk incursion.
_OTHER_REGION = re.compile(r"\b(?:Belgorod|Bryansk)\b")


_SOURCE_SEAT = re.compile(r"\b(?:based|headquartered|located)\s+in\s+[A-Z][\w-]+|\b[A-Z][\w-]+-based\b")


def _about_the_incursion(folded: str, start: int, end: int, s_start: int, s_end: int) -> bool:
    """False for a figure that sizes a whole region or measures ground in Ukraine proper."""
    if _REGION_SIZE.search(folded, max(s_start, start - 80), start) or _REGION_SIZE_AFTER.match(folded, end) \
            or _COMPARED_SIZE.search(folded, max(s_start, start - 100), start) \
            or _COMPARED_POSSESSIVE.search(folded, max(s_start, start - 100), start) \
            or _REGION_TOTAL.search(folded, max(s_start, start - 80), start) \
            or _OTHER_COUNTRY_SHARE.match(folded, end) or _SIZE_RANK_AFTER.match(folded, end):
        return False
    # The figure's own clause decides when it names a place; else the whole sentence.
    lo = s_start
    for m in _PLACE_CLAUSE_BREAK.finditer(folded, s_start, start):
        lo = m.end()
    stop = _PLACE_CLAUSE_BREAK.search(folded, end, s_end)
    # ("according to Obriy, a mapping team based in Kharkiv, ...": where a source sits is
    # not where the figure is)
    clause = _SOURCE_SEAT.sub("", folded[lo:stop.start() if stop else s_end])
    if _OTHER_REGION.search(clause) and not re.search(r"\b(?:Kursk|Sudzha)\b", clause):
        return False
    for text in (clause, _SOURCE_SEAT.sub("", folded[s_start:s_end])):
        if _INCURSION_PLACE.search(text):
            return True
        if _UKRAINE_PROPER.search(text) or text is clause and _UKRAINE_BORDER.search(text):
            return False
    return True


def _provenance(art, raw, found, timex_rows, peak, known, resolve_speaker,
                speakers_later: bool = False) -> list[tuple]:
    """Rows for one article's figures: add sentence id, as_of and claimant."""
    rows = []
    sources: dict[str, str] = {}  # head noun of a claimant phrase -> its claimant
    by_sentence: dict[int, list] = {}
    for item in found:
        by_sentence.setdefault(item[2], []).append(item)
    index = _timex_index(timex_rows)
    for si, items in by_sentence.items():
        cues = _time_cues(art, si, timex_rows, index)
        spans = [(s, e) for s, e, _, _ in items]
        directions = [fields.get("direction") for _, _, _, fields in items]
        dates = _as_of(spans, cues, art.published, peak, directions, art.folded)
        for (start, end, _, fields), (as_of, basis) in zip(items, dates):
            claimant, claimant_text = _claimant(art, raw, start, end, si, known,
                                                resolve_speaker, speakers_later)
            if claimant_text:
                noun = _head_noun(claimant_text)
                back = _BACK_REFERENCE.fullmatch(claimant_text.strip())
                if back and noun in sources and (claimant is None or
                                                 claimant == claimant_text[4:].strip()):
                    # "the source said" after "a senior Ukrainian military source said".
                    claimant = sources[noun]
                elif claimant:
                    sources[noun] = claimant
            fields = dict(fields)
            if fields.pop("restates", False) and rows:
                as_of, basis = rows[-1]["as_of"], rows[-1]["as_of_basis"]
                if claimant is None:
                    claimant, claimant_text = rows[-1]["claimant"], rows[-1]["claimant_text"]
            row = {"article_id": art.article_id, "sentence_id": art.sentence_ids[si],
                   "start": start, "end": end, "text": raw[start:end], **fields,
                   "as_of": as_of, "as_of_basis": basis, "claimant": claimant,
                   "claimant_text": claimant_text}
            rows.append(row)
    rows.sort(key=lambda r: r["start"])
    return rows


_PINT_AREAS = {"sq_mi": "mile ** 2"}  # unit name here -> pint expression


@lru_cache(maxsize=1)
def km2_factors() -> dict[str, float]:
    """km² per unit, computed with pint. Its registry takes about 0.5 s to build, in every
    kernel, so the factors are kept in the cache (:mod:`kursk_analysis.corpus.cache`), keyed by
    pint's version and the expressions converted."""
    from importlib.metadata import version

    def convert() -> dict[str, float]:
        import pint

        ureg = pint.UnitRegistry()
        return {name: float(ureg.Quantity(1, expression).to("kilometer ** 2").magnitude)
                for name, expression in _PINT_AREAS.items()}

    factors = cache.remembered(
        "units", cache.key("pint", version("pint"), _PINT_AREAS), convert,
        lambda found: (isinstance(found, dict) and found.keys() == _PINT_AREAS.keys()
                       and all(type(value) is float for value in found.values())))
    return {**factors, "km2": 1.0, "percent": float("nan")}


def _typed(frame: pd.DataFrame, territory: bool) -> pd.DataFrame:
    frame = frame.copy()
    for column in ("article_id", "sentence_id", "text"):
        frame[column] = frame[column].astype("str")
    for column in ("start", "end"):
        frame[column] = frame[column].astype("int64")
    for column in ("value_low", "value_high"):
        frame[column] = frame[column].astype("float64")
    for column in ("qualifier", "claimant", "claimant_text", "what", "per"):
        if column in frame:
            frame[column] = frame[column].astype("object").where(frame[column].notna(), None)
    if "rule" in frame:
        frame["rule"] = frame["rule"].astype("str")
    if territory:
        frame["unit"] = pd.Categorical(frame["unit"], categories=UNITS)
        frame["direction"] = pd.Categorical(frame["direction"], categories=DIRECTIONS)
    else:
        unknown = set(frame["unit"].dropna()) - set(QUANTITY_UNITS)
        if unknown:  # a rule made a unit the table does not declare: a bug, never a silent NaN
            raise ValueError(f"quantity units {sorted(unknown)} are not in QUANTITY_UNITS")
        frame["unit"] = pd.Categorical(frame["unit"], categories=QUANTITY_UNITS)
    frame["as_of"] = pd.to_datetime(frame["as_of"].astype("object")).astype("datetime64[ns]")
    frame["as_of_basis"] = pd.Categorical(frame["as_of_basis"], categories=AS_OF_BASES)
    return frame


def areas_from_percent(figures: pd.DataFrame,
                       baseline_km2: float | Mapping[str, float]) -> pd.DataFrame:
    """Turn percentage figures into areas against an explicit baseline (the peak area).

    ``baseline_km2`` is one area in km² or a mapping of labels to areas ({"Russian
    General Staff": 1260, "Ukrainian General Staff": 1376}); a mapping gives one row per
    figure and baseline, so the choice stays visible. Returns the percentage rows of
    ``figures`` with ``baseline`` (label), ``baseline_km2``, ``km2_low``/``km2_high`` (the
    share itself as an area: 86% retaken of 1,376 km² -> 1,183 km² retaken) and
    ``held_km2_low``/``held_km2_high`` (the area Ukraine still held that this implies: the
    share itself for ``held``, the rest of the baseline for ``lost``/``retaken``, NaN for
    ``seized`` or unknown direction). Other rows of ``figures`` are left out.
    """
    if isinstance(baseline_km2, Mapping):
        baselines = [(str(k), float(v)) for k, v in baseline_km2.items()]
    else:
        baselines = [(f"{float(baseline_km2):g} km2", float(baseline_km2))]
    for label, value in baselines:
        if not np.isfinite(value) or value <= 0:
            raise ValueError(f"baseline {label!r} is {value}; a baseline must be a positive "
                             "area in km².")
    shares = figures[figures["unit"].astype("object") == "percent"]
    parts = []
    for label, value in baselines:
        part = shares.copy()
        part["baseline"] = label
        part["baseline_km2"] = value
        part["km2_low"] = part["value_low"] / 100 * value
        part["km2_high"] = part["value_high"] / 100 * value
        direction = part["direction"].astype("object")
        held = direction == "held"
        gone = direction.isin(["lost", "retaken"])
        # A bound on the share lost ("under 20% lost") is a bound on what is held, reversed.
        part["held_km2_low"] = np.where(held, part["km2_low"],
                                        np.where(gone, value - part["km2_high"], np.nan))
        part["held_km2_high"] = np.where(held, part["km2_high"],
                                         np.where(gone, value - part["km2_low"].fillna(0)
                                                  .where(part["km2_low"].notna(), 0), np.nan))
        parts.append(part)
    if not parts:
        return shares.assign(baseline=pd.Series(dtype="str"))
    out = pd.concat(parts, ignore_index=True)
    out["baseline"] = out["baseline"].astype("category")
    return out.sort_values(["article_id", "start", "baseline"], kind="stable").reset_index(drop=True)


# ----------------------------------------------------------------------------- quantities

_COUNT_NOUNS = {
    "troops", "soldiers", "servicemen", "servicemembers", "personnel", "fighters", "men",
    "women", "people", "civilians", "residents", "prisoners", "pows", "captives",
    "casualties", "killed", "dead", "wounded", "injured", "deaths", "losses", "reservists",
    "conscripts", "recruits", "mercenaries", "officers", "commanders", "generals",
    "bombs", "missiles", "drones", "shells", "rounds", "tanks", "vehicles", "aircraft",
    "jets", "helicopters", "howitzers", "guns", "villages", "settlements", "towns",
    "cities", "brigades", "battalions", "units", "divisions", "regiments", "attacks",
    "strikes", "assaults", "sorties", "refugees", "children", "evacuees", "hostages",
    "forces", "members", "workers", "volunteers", "sanctions", "warplanes",
    "troop", "soldier", "bomb", "missile", "drone", "village", "settlement", "town",
    "person", "tank", "vehicle", "brigade", "battalion", "ukrainians", "russians",
    "koreans", "americans", "europeans", "lives", "homes", "buildings", "households",
}
_TIME_UNITS = {"day": "day", "days": "day", "week": "week", "weeks": "week", "month": "month",
               "months": "month", "year": "year", "years": "year", "hour": "hour",
               "hours": "hour", "minute": "minute", "minutes": "minute", "decade": "decade",
               "decades": "decade"}
_MEASURES = {"km": "km", "kilometers": "km", "kilometres": "km", "kilometer": "km",
             "kilometre": "km", "miles": "mile", "mile": "mile", "ton": "ton", "tons": "ton",
             "tonne": "ton", "tonnes": "ton", "meters": "m", "metres": "m", "meter": "m",
             "metre": "m"}
# Every unit a quantity can have: a count, a share, dollars, a span of time, a measure (fixed categories, so
# tables from two corpora or two chunks of one concatenate as they are).
QUANTITY_UNITS = ["count", "percent", "usd", *sorted(set(_TIME_UNITS.values())), *sorted(set(_MEASURES.values()))]
_MODIFIERS = {"more", "additional", "other", "extra", "new", "fresh", "of", "the", "its",
              "their", "russian", "ukrainian", "north", "korean", "american", "western",
              "european", "enemy", "civilian", "military", "active", "elite", "foreign",
              "and", "or", "such", "armed", "regular", "trained", "combat", "mobilised",
              "mobilized", "allied", "front-line", "frontline", "heavy", "large", "small",
              "several"}
# A number in words starts a word: not after a letter or digit, nor after "-", "." or "/".
# As a lookbehind the scan skips the inside of words at once (tried at every letter, the
# number words were most of the scan's time), and "ten" inside "often" no longer swallows
# a number right after it ("often twenty"). Figures are matched from anywhere, then the
# same start is checked on each match (_locate_quantities): "12,000" in "10,000-12,000" is
# one rejected match, not "000" after a comma.
_NUMBER_SCAN = re.compile(
    rf"\$?{_DIGITS}(?:\s*(?:thousand|million|billion)\b|\s?(?:k|bn)\b)?|"
    r"(?<![^\W_])(?<![-./])(?:"
    rf"(?:hundreds|thousands|dozens|scores|millions|tens of thousands) of|"
    rf"(?:several|a few) (?:hundred|thousand)|"
    rf"{_WORD}(?:[\s-]{_WORD})?(?:\s+(?:hundred|thousand|million))*|"
    rf"(?:a|an) (?:hundred|thousand|million)|a dozen)"
)
_YEAR = re.compile(r"(?:19|20)\d\d")
_ARTICLE_NUMBER = re.compile(r"(?:a|an|one)")
_HYPHEN_UNIT = re.compile(r"-([a-z]+)\b")
_PERCENT_AFTER = re.compile(r"\s*(?:%|percent\b|per\s+cent\b)")
_PERCENT_OF = re.compile(r"\s+of\s+(?:(?:the|their|its|his|her|all)\s+)?([a-z][a-z'-]*)")
_QUALIFIER_BEFORE = re.compile(rf"(?:\b(?P<qual>{_QUAL})\s+)$")
_PER = re.compile(r"\s+(?:per|a|each|every)\s+(day|week|month|year|hour)\b")


def quantities(corpus) -> pd.DataFrame:
    """Every counted thing that is not a territory figure (one row per number).

    Columns: ``article_id``, ``sentence_id``, ``start``, ``end``, ``text``, ``value_low``,
    ``value_high`` (same conventions as :func:`territory_figures`), ``unit`` (count, day,
    week, month, year, hour, km, mile, ton, percent, usd, ...), ``what`` (the counted noun
    as written, lower-case: "troops", "killed or wounded", "bombs"; for durations the time
    unit), ``per`` (a rate's period, or None), ``qualifier``, ``as_of``, ``as_of_basis``,
    ``claimant``, ``claimant_text``. Dates, years and territory figures are left out; a
    number with no counted noun near it is left out too.
    """
    def build():
        with paused_gc():
            return _quantities(corpus)

    return pipeline.memo(corpus, "quantities", build)


def _quantities(corpus) -> pd.DataFrame:
    timex = _timex_by_article(corpus)
    territory = territory_figures(corpus, corrected=False)
    taken: dict[str, list] = {}
    for aid, s, e in zip(territory["article_id"].tolist(), territory["start"].tolist(),
                         territory["end"].tolist()):
        taken.setdefault(aid, []).append((s, e))
    known, resolve_speaker = _known_actors(corpus)
    scans: dict[tuple, list] = {}
    rows = []
    for art in article_texts(corpus):
        # Dates are left out: spans of time expressions that are not spans of counted time.
        dates = tuple((s, e) for s, e, _, g in timex.get(art.article_id, [])
                      if g not in ("range", "vague"))
        key = (art.folded, dates, tuple(taken.get(art.article_id, ())))
        found = scans.get(key)
        if found is None:
            found = scans[key] = _locate_quantities(art, dates + key[2])
        if not found:
            continue
        raw = corpus.texts[art.article_id]
        rows.extend(_provenance(art, raw, found, timex.get(art.article_id, []),
                                INCURSION_PEAK, known, resolve_speaker))
    frame = pd.DataFrame(rows, columns=QUANTITY_COLUMNS)
    if "direction" in frame:
        frame = frame.drop(columns="direction")
    frame = _typed(frame, territory=False)
    # A counted thing is not seized or held: the peak rule of territory does not apply.
    return frame[QUANTITY_COLUMNS].reset_index(drop=True)


def _locate_quantities(art, excluded) -> list[tuple]:
    lower = _lower(art.folded)
    out = []
    # Whether [s, e) overlaps an excluded span, by bisection (one scan of every span per
    # number was quadratic in a long article, issue 13): the spans starting before e, and
    # the furthest any of them reaches.
    spans = sorted(excluded)
    span_starts = [a for a, _ in spans]
    reach = list(itertools.accumulate((b for _, b in spans), max))
    for m in _NUMBER_SCAN.finditer(lower):
        s, e = m.span()
        if s > 0 and (lower[s - 1].isalnum() or lower[s - 1] in "-./"):
            continue
        if e < len(lower) and (lower[e].isalnum() or (lower[e] in ".," and
                                                       lower[e + 1:e + 2].isdigit())):
            continue
        before = bisect.bisect_left(span_starts, e)
        if before and reach[before - 1] > s:
            continue
        si = sentence_index(art, s, e)
        if si < 0:
            continue
        token = m.group(0)
        usd = token.startswith("$")
        number = token.lstrip("$")
        if _YEAR.fullmatch(number):
            continue  # a year
        if _ARTICLE_NUMBER.fullmatch(number):
            continue
        value, vague = parse_number(number)
        if np.isnan(value):
            continue
        end = e
        unit, what, per = None, None, None
        hyphen = _HYPHEN_UNIT.match(lower[e:e + 20])
        if hyphen and (hyphen.group(1) in _TIME_UNITS or hyphen.group(1) in _MEASURES):
            word = hyphen.group(1)
            unit = _TIME_UNITS.get(word) or _MEASURES[word]
            what = unit + "s" if unit in _TIME_UNITS.values() else word
            end = e + hyphen.end()
        elif usd:
            unit, what = "usd", "dollars"
        else:
            pct = _PERCENT_AFTER.match(lower[e:e + 12])
            if pct:
                unit = "percent"
                end = e + pct.end()
                of = _PERCENT_OF.match(lower[end:end + 40])
                what = of.group(1) if of else None
            else:
                unit, what, end = _counted(lower, e, art.ends[si])
                if unit is None:
                    continue
        if unit in ("count",) and what in _TIME_UNITS:
            unit = _TIME_UNITS[what]
        rate = _PER.match(lower, end)
        if rate:
            per = rate.group(1)
            end = rate.end()
        pre = _QUALIFIER_BEFORE.search(lower[max(art.starts[si], s - 30):s])
        qual = pre.group("qual") if pre else None
        start = s - (len(pre.group(0)) if pre else 0)
        if qual in ("over", "under") and unit in _TIME_UNITS.values():
            start, qual = s, None  # "over two days" is a duration, not "more than two"
        if vague:
            lo, hi, qual = value, float("nan"), number
        elif qual in _UPPER_BOUNDS:
            lo, hi = float("nan"), value
        else:
            lo = hi = value
        if qual == "between":
            qual = None
        out.append((start, end, si, {"value_low": lo, "value_high": hi, "unit": unit,
                                     "what": what, "per": per, "qualifier": qual}))
    return out


def _alternatives(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_COUNTED = re.compile(
    rf"(?:[\s-]+(?:{_alternatives(_MODIFIERS)}))*?\s+"
    rf"(?P<noun>{_alternatives(_COUNT_NOUNS | _TIME_UNITS.keys() | _MEASURES.keys())})"
    r"(?:\s+(?:or|and)\s+(?:killed|wounded|injured|dead|missing|captured))?(?![\w])")


def _counted(lower: str, pos: int, limit: int) -> tuple[str | None, str | None, int]:
    """The counted noun after a number: (unit, what, end offset) or (None, None, pos).

    One compiled pattern (modifiers, then a noun from the lexicons) tried at the number's
    end: most numbers are rejected without any Python-level word loop.
    """
    m = _COUNTED.match(lower, pos, limit)
    if m is None:
        return None, None, pos
    word = m.group("noun")
    if word in _TIME_UNITS:
        return "count", word, m.end()
    if word in _MEASURES:
        return _MEASURES[word], word, m.end()
    return "count", lower[m.start("noun"):m.end()], m.end()
