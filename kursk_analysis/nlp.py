"""Sentence splitting with spaCy's rule-based English pipeline (no model download).

``spacy.blank("en")`` gives spaCy's English tokenizer, whose exceptions already keep
"U.S.", "Jan.", "a.m.", "Mr." and single initials as one token. We add the titles and
ranks common in war reporting ("Lt. Col.", "Gen.", "Sen."), let the sentencizer find
boundaries, and then move an opening quotation mark that the sentencizer leaves at the end
of one sentence (``he said. “This``) to the start of the next.
"""
from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.symbols import ORTH

# Titles, ranks and abbreviations that end in a full stop but rarely end a sentence.
ABBREVIATIONS = (
    "Adm.", "Amb.", "Brig.", "Capt.", "Cmdr.", "Col.", "Cpl.", "Dr.", "Gen.", "Gov.",
    "Jr.", "Lt.", "Maj.", "Mr.", "Mrs.", "Ms.", "Mt.", "No.", "Pres.", "Prof.", "Pvt.",
    "Rep.", "Rev.", "Sec.", "Sen.", "Sgt.", "Sr.", "St.", "Gens.", "Sens.", "Reps.",
    "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Oct.",
    "Nov.", "Dec.", "U.S.", "U.K.", "U.N.", "E.U.", "a.m.", "p.m.", "approx.", "est.",
)
OPENING_QUOTES = frozenset({"\u201c", "\u2018", '"', "'", "\u00ab"})


@Language.component("opening_quote_boundaries")
def _opening_quote_boundaries(doc):
    # An opening quote sits after white space and directly before a word; when the
    # sentencizer puts the boundary just after it, the quote belongs to the next sentence.
    for token in doc[1:-1]:
        nxt = doc[token.i + 1]
        if (
            nxt.is_sent_start
            and token.text in OPENING_QUOTES
            and not token.whitespace_
            and doc[token.i - 1].whitespace_
            and not token.is_sent_start
        ):
            token.is_sent_start = True
            nxt.is_sent_start = False
    return doc


@lru_cache(maxsize=1)
def pipeline() -> Language:
    """The shared blank English pipeline with the sentencizer (built once per process)."""
    nlp = spacy.blank("en")
    for abbreviation in ABBREVIATIONS:
        nlp.tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("opening_quote_boundaries")
    return nlp


def segment(texts, batch_size: int = 256):
    """For each text, a list of ``(start, end, n_words)`` for its sentences.

    Spans are character offsets into the text, with surrounding white space trimmed;
    ``n_words`` counts tokens that are neither punctuation nor space.
    """
    for doc in pipeline().pipe(texts, batch_size=batch_size):
        sentences = []
        for sent in doc.sents:
            words = sum(1 for t in sent if not (t.is_punct or t.is_space))
            chunk = sent.text
            stripped = chunk.strip()
            if not stripped:
                continue
            start = sent.start_char + len(chunk) - len(chunk.lstrip())
            sentences.append((start, start + len(stripped), words))
        yield sentences
