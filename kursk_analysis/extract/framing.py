"""How each article frames what sources say: its verbs of attribution and its lead.

Whether a newsroom writes that Putin "said", "claimed" or "touted" something is a choice
that frames the claim before the reader weighs it. :func:`attribution_verbs` finds the
verbs by which an article attributes a statement, view or finding to a source (plus the
preposition "according to") and sorts each into a register:

- ``neutral``: reports that something was said (say, tell, according to, state, write,
  add, ask, report, note, inform, relay, reiterate ...);
- ``descriptive``: names the kind of speech act without judging it (confirm, deny,
  acknowledge, accuse, caution, warn, conclude, indicate, suggest, believe, urge ...);
- ``loaded``: carries the writer's judgement of the claim or the speaker (claim, tout,
  slam, hail, admit, insist, concede, boast, allege, refute, float, assert ...). AP style
  counsels "said" because these verbs tell the reader what to think of the statement.

It works with regular expressions over :func:`~kursk_analysis.corpus.text.fold` of each analysed
sentence, not a parser, so that it runs on ten thousand articles in seconds. Three
rules keep nouns and quoted words out: words inside double quotation marks are the
speaker's, not the outlet's, and are skipped; verbs that are also nouns ("claim",
"reports", "state") count in their base or -s form only after "to", a modal, an auxiliary
or a subject pronoun, or before "that"; a participle after an article or possessive ("a
reported proposal", "the Post's reporting", "the alleged encirclement") is an adjective or
noun and is skipped.

:func:`leads` gives each article's headline and lead (its first analysed sentence and
paragraph), with offsets into the raw text.
"""
from __future__ import annotations

import re

import pandas as pd

from kursk_analysis import pipeline
from kursk_analysis import lexicon
from kursk_analysis.corpus.text import fold

REGISTERS = pd.CategoricalDtype(["neutral", "descriptive", "loaded"], ordered=True)

# lemma -> (register, surface forms), from the one reporting-verb lexicon
# (rules/reporting_verbs.yaml, the verbs whose uses include framing).
VERBS: dict[str, tuple[str, tuple[str, ...]]] = {
    verb.lemma: (verb.register, verb.forms) for verb in lexicon.reporting_verbs()[0] if "framing" in verb.uses
}
# Lemmas whose base and -s forms are as often nouns ("a claim", "intelligence reports").
NOUN_LIKE = frozenset(verb.lemma for verb in lexicon.reporting_verbs()[0] if verb.noun_like)
_VERBAL_BEFORE = frozenset(
    "to will would can could may might must shall should do does did not n't never also "
    "i you we they he she it who which that officials".split()
)
_DETERMINERS = frozenset(
    "a an the this that these those its his her their our my your some any no "
    "such".split()
)
# "called" attributes speech only as "called on/for" or "called X a/an Y" (a label).
_CALL_OK = re.compile(r"\s+(?:on|for|upon)\b|(?:\s+[^\s.;:!?]+){1,5}?\s+(?:a|an)\s", re.I)

_FORMS = {form: lemma for lemma, (_, forms) in VERBS.items() for form in forms}
_PATTERN = re.compile(
    r"(?<![\w'-])("
    # Lower case: under re.I "A" and "a" would be two branches of the trie, both matching.
    + lexicon.trie_regex({form.casefold() for form in _FORMS}, space=r"\s+")
    + r")(?![\w-])",
    re.I,
)
_WORD_BEFORE = re.compile(r"([\w']+)\W*$")
_WORD_AFTER = re.compile(r"\W*([\w']+)")  # matched at a position: no "^"
_WORD = re.compile(r"[\w']*\w[\w']*")

COLUMNS = ["article_id", "sentence_id", "start", "end", "verb", "lemma", "register"]


def _quoted_spans(folded: str) -> list[tuple[int, int]]:
    """Spans inside straight double quotes (curly ones are folded to straight). A sentence
    with an odd number of quotes continues a quotation from, or into, its neighbour: a
    sentence that opens with a quote runs to its end, otherwise it starts inside one."""
    marks = [i for i, ch in enumerate(folded) if ch == '"']
    spans = []
    if len(marks) % 2:
        if folded.lstrip().startswith('"'):
            spans.append((marks[-1], len(folded)))
            marks = marks[:-1]
        else:
            spans.append((0, marks[0]))
            marks = marks[1:]
    spans.extend(zip(marks[::2], marks[1::2]))
    return spans


def _word_before(folded: str, end: int) -> str:
    """The last word before ``end`` (what ``_WORD_BEFORE`` finds in ``folded[:end]``),
    read from a short stretch before it: searching the whole prefix for every verb made a
    long sentence quadratic (issue 13)."""
    span = 200
    while True:
        lo, span = max(0, end - span), span * 2
        found = None
        for found in _WORD.finditer(folded, lo, end):
            pass
        if found is not None and (found.start() > lo or lo == 0):
            return found.group()
        if lo == 0:  # no word at all: the regex on the whole prefix says what then
            before = _WORD_BEFORE.search(folded[:end])
            return before.group(1) if before else ""


def _is_attribution(folded: str, match: re.Match, lemma: str) -> bool:
    form = match.group(1).casefold()
    previous = _word_before(folded, match.start()).casefold()
    after = _WORD_AFTER.match(folded, match.end())
    following = after.group(1).casefold() if after else ""
    if lemma == "according to":
        return True
    if lemma == "state" and previous == "united":
        return False
    if lemma == "call" and not _CALL_OK.match(folded, match.end()):
        return False
    base_or_s = form in (lemma, lemma + "s", lemma + "es")
    if lemma in NOUN_LIKE and base_or_s:
        # A noun unless something verbal stands before it, or a that-clause follows and
        # nothing before it makes it a noun ("refuted claims that", "Trump's claim that").
        if previous in _VERBAL_BEFORE:
            return True
        return following == "that" and not (
            previous in _DETERMINERS or previous.endswith(("'s", "ed"))
        )
    if form.endswith(("ed", "ing")) or form == "written":
        # "a reported proposal", "the alleged encirclement", "The Post's reporting".
        if previous in _DETERMINERS or previous.endswith("'s"):
            return False
    return True


def attribution_verbs(corpus) -> pd.DataFrame:
    """One row per verb of attribution in the analysed sentences: ``article_id``,
    ``sentence_id``, ``start``/``end`` (offsets into the raw text), ``verb`` (as written),
    ``lemma`` (from :data:`VERBS`) and ``register`` (neutral < descriptive < loaded).
    Rows are in corpus order."""
    return pipeline.memo(corpus, "attribution_verbs", lambda: _attribution_verbs(corpus))


def _matches(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, verb, lemma) of the verbs of attribution in one sentence."""
    folded = fold(text)
    found = []
    quoted = None
    for match in _PATTERN.finditer(folded):
        lemma = _FORMS[" ".join(match.group(1).casefold().split())]
        if quoted is None:
            quoted = _quoted_spans(folded)
        if any(a < match.start() < b for a, b in quoted):
            continue
        if _is_attribution(folded, match, lemma):
            found.append((match.start(1), match.end(1), text[match.start(1):match.end(1)], lemma))
    return found


def _attribution_verbs(corpus) -> pd.DataFrame:
    sentences = corpus.sentences
    # Each distinct sentence text is scanned once: wire copy repeats sentences verbatim,
    # and a replicated corpus repeats them thousands of times.
    codes, distinct = pd.factorize(sentences["text"])
    found = [
        (code, start, end, verb, lemma)
        for code, text in enumerate(distinct)
        for start, end, verb, lemma in _matches(text)
    ]
    matches = pd.DataFrame(found, columns=["code", "offset", "offset_end", "verb", "lemma"])
    located = pd.DataFrame(
        {
            "order": range(len(sentences)),
            "code": codes,
            "article_id": sentences["article_id"].to_numpy(),
            "sentence_id": sentences["sentence_id"].to_numpy(),
            "sentence_start": sentences["start"].to_numpy(),
        }
    )
    frame = located.merge(matches, on="code", how="inner").sort_values(
        ["order", "offset"], kind="stable"
    )
    frame["start"] = frame["sentence_start"] + frame["offset"]
    frame["end"] = frame["sentence_start"] + frame["offset_end"]
    frame["register"] = frame["lemma"].map({lemma: v[0] for lemma, v in VERBS.items()})
    frame = frame[COLUMNS].astype(
        {"article_id": "str", "sentence_id": "str", "start": "int64", "end": "int64",
         "verb": "str", "lemma": "str"}
    )
    frame["register"] = pd.Categorical(frame["register"], dtype=REGISTERS)
    return frame.reset_index(drop=True)


def attribution_counts(corpus) -> pd.DataFrame:
    """Verbs of attribution per article and register (tidy: article_id, register, n),
    every register listed for every article, zeros included."""

    def compute() -> pd.DataFrame:
        verbs = attribution_verbs(corpus)
        index = pd.MultiIndex.from_product(
            [list(corpus.articles["id"]), list(REGISTERS.categories)],
            names=["article_id", "register"],
        )
        counts = verbs.groupby(["article_id", "register"], observed=True).size()
        frame = counts.reindex(index, fill_value=0).rename("n").reset_index()
        frame["article_id"] = frame["article_id"].astype("str")
        frame["register"] = pd.Categorical(frame["register"], dtype=REGISTERS)
        frame["n"] = frame["n"].astype("int64")
        return frame

    return pipeline.memo(corpus, "attribution_counts", compute)


LEAD_COLUMNS = [
    "id", "outlet", "headline", "published", "lead_sentence_id", "lead_start", "lead_end",
    "lead", "lead_paragraph_id", "paragraph_start", "paragraph_end", "lead_paragraph",
]


def leads(corpus) -> pd.DataFrame:
    """Per article, in manifest order: ``id``, ``outlet``, ``headline`` (from the
    manifest; empty when the copy had none), ``published``, and the lead: its first
    analysed sentence (``lead``, ``lead_sentence_id``, ``lead_start``/``lead_end``) and
    the paragraph holding it (``lead_paragraph`` ...), offsets into the raw text. An
    article with no analysed sentence gets empty text and offsets -1."""
    return pipeline.memo(corpus, "leads", lambda: _leads(corpus))


def _leads(corpus) -> pd.DataFrame:
    first = corpus.sentences.drop_duplicates("article_id")[
        ["article_id", "sentence_id", "start", "end", "text", "paragraph_id"]
    ].rename(columns={"article_id": "id", "sentence_id": "lead_sentence_id",
                      "start": "lead_start", "end": "lead_end", "text": "lead",
                      "paragraph_id": "lead_paragraph_id"})
    paragraph = corpus.paragraphs[["paragraph_id", "start", "end", "text"]].rename(
        columns={"paragraph_id": "lead_paragraph_id", "start": "paragraph_start",
                 "end": "paragraph_end", "text": "lead_paragraph"}
    )
    frame = (
        corpus.articles[["id", "outlet", "headline", "published"]]
        .merge(first, on="id", how="left")
        .merge(paragraph, on="lead_paragraph_id", how="left")
    )
    # An article whose every paragraph was set aside has no lead: empty text, offsets -1.
    for column in ("lead_sentence_id", "lead", "lead_paragraph_id", "lead_paragraph"):
        frame[column] = frame[column].fillna("").astype("str")
    for column in ("lead_start", "lead_end", "paragraph_start", "paragraph_end"):
        frame[column] = frame[column].fillna(-1).astype("int64")
    frame["id"] = frame["id"].astype("str")
    frame["headline"] = frame["headline"].astype("str")
    frame["outlet"] = frame["outlet"].astype(corpus.articles["outlet"].dtype)
    frame["published"] = frame["published"].astype("datetime64[ns]")
    return frame[LEAD_COLUMNS].reset_index(drop=True)
