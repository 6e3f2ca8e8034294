"""Sentence splitting with spaCy's rule-based English pipeline (no model download).

``spacy.blank("en")`` gives spaCy's English tokenizer, whose exceptions already keep
"U.S.", "Jan.", "a.m.", "Mr." and single initials as one token. We add the titles and
ranks common in war reporting ("Lt. Col.", "Gen.", "Sen."), let the sentencizer find
boundaries, and then move an opening quotation mark that the sentencizer leaves at the end
of one sentence (``he said. “This``) to the start of the next.
"""
from __future__ import annotations

from functools import lru_cache

import numpy as np
import spacy
from spacy.attrs import IDX, IS_PUNCT, IS_SPACE, LENGTH, ORTH, SENT_START
from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.strings import hash_string
from spacy.tokens import Doc

# Titles, ranks and abbreviations that end in a full stop but rarely end a sentence.
ABBREVIATIONS = (
    "Adm.", "Amb.", "Brig.", "Capt.", "Cmdr.", "Col.", "Cpl.", "Dr.", "Gen.", "Gov.",
    "Jr.", "Lt.", "Maj.", "Mr.", "Mrs.", "Ms.", "Mt.", "No.", "Pres.", "Prof.", "Pvt.",
    "Rep.", "Rev.", "Sec.", "Sen.", "Sgt.", "Sr.", "St.", "Gens.", "Sens.", "Reps.",
    "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Oct.",
    "Nov.", "Dec.", "U.S.", "U.K.", "U.N.", "E.U.", "a.m.", "p.m.", "approx.", "est.",
)
OPENING_QUOTES = ("\u201c", "\u2018", '"', "'", "\u00ab")
# spaCy's string hashes do not depend on the vocabulary, so these are constants.
_FINAL = np.array([hash_string(c) for c in Sentencizer.default_punct_chars], dtype=np.uint64)
_OPENING = np.array([hash_string(c) for c in OPENING_QUOTES], dtype=np.uint64)
_ATTRS = [ORTH, IS_PUNCT, IS_SPACE, IDX, LENGTH]


def token_arrays(doc: Doc) -> dict[str, np.ndarray]:
    """The token attributes the boundary rule needs, as arrays."""
    array = doc.to_array(_ATTRS)
    return {
        "orth": array[:, 0],
        "is_punct": array[:, 1].astype(bool),
        "is_space": array[:, 2].astype(bool),
        "idx": array[:, 3].astype(np.int64),
        "length": array[:, 4].astype(np.int64),
    }


def sentence_starts(tokens: dict[str, np.ndarray]) -> np.ndarray:
    """Indices of the tokens that start a sentence, by the sentencizer's rule, vectorised.

    As in spaCy's ``Sentencizer``: after a sentence-final mark (. ! ? and their Unicode
    kin), the next token that is not punctuation starts a sentence. In addition, an opening
    quotation mark that directly precedes such a start (white space before it, none after)
    moves to the new sentence, where the sentencizer would leave it dangling at the end of
    the previous one. Working on ``Doc.to_array`` keeps this at C speed.
    """
    orth, idx, length = tokens["orth"], tokens["idx"], tokens["length"]
    if len(orth) == 0:
        return np.zeros(0, dtype=np.int64)
    # Broadcast comparisons beat np.isin on arrays of a few dozen tokens.
    final = np.flatnonzero((orth[:, None] == _FINAL).any(axis=1))
    not_punct = np.flatnonzero(~tokens["is_punct"])
    after = np.searchsorted(not_punct, final + 1)
    starts = not_punct[after[after < len(not_punct)]]
    quote = np.maximum(starts - 1, 0)
    before = np.maximum(starts - 2, 0)
    movable = (
        (starts >= 2)
        & (orth[quote][:, None] == _OPENING).any(axis=1)
        & (idx[quote] + length[quote] == idx[starts])
        & (idx[before] + length[before] < idx[quote])
    )
    starts = np.concatenate([[0], np.where(movable, quote, starts)])
    keep = np.concatenate([[True], np.diff(starts) > 0])
    return starts[keep]


@Language.component("kursk_sentences")
def _set_sentences(doc: Doc) -> Doc:
    flags = np.full(len(doc), -1, dtype=np.int64)
    flags[sentence_starts(token_arrays(doc))] = 1
    if len(doc):
        doc.from_array([SENT_START], flags.reshape(-1, 1).astype(np.uint64))
    return doc


@lru_cache(maxsize=1)
def pipeline() -> Language:
    """The shared blank English pipeline with sentence boundaries (built once per process)."""
    nlp = spacy.blank("en")
    for abbreviation in ABBREVIATIONS:
        nlp.tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])
    nlp.add_pipe("kursk_sentences")
    return nlp


def segment(articles, batch_size: int = 64):
    """Sentences of analysed paragraphs, one article (one spaCy ``Doc``) at a time.

    ``articles`` yields ``(text, paragraph_spans)``; for each, this yields a list of
    ``(paragraph_index, start, end, n_words)`` in text order. Spans are character offsets
    into the text with white space trimmed; ``n_words`` counts tokens that are neither
    punctuation nor space. Text outside the given paragraphs (boilerplate) is tokenized
    but yields no sentence, and no sentence crosses a paragraph edge.

    Tokenizing a whole article costs far less than tokenizing its paragraphs one by one
    (spaCy's per-``Doc`` overhead dominates for short texts), and everything after the
    tokenizer works on ``Doc.to_array`` columns.
    """
    articles = list(articles)
    tokenizer = pipeline().tokenizer
    docs = tokenizer.pipe((text for text, _ in articles), batch_size=batch_size)
    for (_, spans), doc in zip(articles, docs):
        yield _paragraph_sentences(token_arrays(doc), spans)


def _paragraph_sentences(tokens: dict[str, np.ndarray], spans) -> list[tuple[int, int, int, int]]:
    idx, length = tokens["idx"], tokens["length"]
    n = len(idx)
    if n == 0 or not spans:
        return []
    p_start = np.array([start for start, _ in spans], dtype=np.int64)
    p_end = np.array([end for _, end in spans], dtype=np.int64)
    paragraph = np.searchsorted(p_start, idx, side="right") - 1
    inside = (paragraph >= 0) & (idx < p_end[np.maximum(paragraph, 0)])
    content = inside & ~tokens["is_space"]
    if not content.any():
        return []
    bounds = np.unique(np.concatenate([
        [0], sentence_starts(tokens), np.searchsorted(idx, p_start), np.searchsorted(idx, p_end)
    ]))
    bounds = bounds[bounds < n]
    stops = np.append(bounds[1:], n)
    content_so_far = np.concatenate([[0], np.cumsum(content)])
    keep = content_so_far[stops] > content_so_far[bounds]
    bounds, stops = bounds[keep], stops[keep]
    content_at = np.flatnonzero(content)
    first = content_at[np.searchsorted(content_at, bounds)]
    last = content_at[np.searchsorted(content_at, stops) - 1]
    words_so_far = np.concatenate([[0], np.cumsum(content & ~tokens["is_punct"])])
    return list(zip(
        paragraph[first].tolist(),
        idx[first].tolist(),
        (idx[last] + length[last]).tolist(),
        (words_so_far[stops] - words_so_far[bounds]).tolist(),
    ))
