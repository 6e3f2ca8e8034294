"""Sentence splitting with spaCy's rule-based English pipeline (no model download).

``spacy.blank("en")`` gives spaCy's English tokenizer, whose exceptions already keep
"U.S.", "Jan.", "a.m.", "Mr." and single initials as one token. We add the titles and
ranks common in war reporting ("Lt. Col.", "Gen.", "Sen."), let the sentencizer's rule find
boundaries, and then move an opening quotation mark that the sentencizer leaves at the end
of one sentence (``he said. “This``) to the start of the next.

Speed. :func:`segment` gives exactly the sentences that tokenizing each whole article would
give, but tokenizes each distinct white-space-delimited piece of text only once per call.
spaCy's tokenizer splits a text at white space first and tokenizes every piece on its own
(see ``Tokenizer._tokenize_affixes``); pieces repeat heavily in news text ("the", "said",
"Kursk,"), so a table of per-piece token columns, filled as new pieces turn up, replaces
almost all tokenizer work with dictionary look-ups and numpy indexing. The one way a piece's
neighbours can change its tokens is spaCy's special-case matcher, which runs over the whole
``Doc`` after the pieces are tokenized: a match straddling a single space (``U.S .``) can win
over a special case next to it. Articles where that could happen (the last token before a
space and the first token after it can both be inside one special-case pattern) are
tokenized whole instead, so the output never depends on the shortcut.
``tests/test_nlp.py`` checks the shortcut token for token against the full tokenizer.
"""
from __future__ import annotations

import re
from functools import lru_cache

import numpy as np
import spacy
from spacy.attrs import IDX, IS_PUNCT, IS_SPACE, LENGTH, ORTH, SENT_START
from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.strings import hash_string
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

# Titles, ranks and abbreviations that end in a full stop but rarely end a sentence.
ABBREVIATIONS = (
    "Adm.", "Amb.", "Brig.", "Capt.", "Cmdr.", "Col.", "Cpl.", "Dr.", "Gen.", "Gov.",
    "Jr.", "Lt.", "Maj.", "Mr.", "Mrs.", "Ms.", "Mt.", "No.", "Pres.", "Prof.", "Pvt.",
    "Rep.", "Rev.", "Sec.", "Sen.", "Sgt.", "Sr.", "St.", "Gens.", "Sens.", "Reps.",
    "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Oct.",
    "Nov.", "Dec.", "U.S.", "U.K.", "U.N.", "E.U.", "a.m.", "p.m.", "approx.", "est.",
    "sq.", "mi.", "km.",
)
OPENING_QUOTES = ("\u201c", "\u2018", '"', "'", "\u00ab")
# spaCy's string hashes do not depend on the vocabulary, so these are constants.
_FINAL = np.unique(np.array([hash_string(c) for c in Sentencizer.default_punct_chars], dtype=np.uint64))
_OPENING = np.unique(np.array([hash_string(c) for c in OPENING_QUOTES], dtype=np.uint64))
_ATTRS = [ORTH, IS_PUNCT, IS_SPACE, IDX, LENGTH]
# White space as spaCy's tokenizer and ``str.split()`` see it (``str.isspace``), by code
# point; the last white-space code point is U+3000 (a test checks all code points).
_SPACE_TABLE = np.array([chr(point).isspace() for point in range(0x3002)])


def token_arrays(doc: Doc) -> dict[str, np.ndarray]:
    """The token attributes the boundary rule needs, as arrays."""
    array = doc.to_array(_ATTRS)
    return _columns(array[:, 0], array[:, 1], array[:, 2], array[:, 3], array[:, 4])


def _columns(orth, is_punct, is_space, idx, length) -> dict[str, np.ndarray]:
    return {
        "orth": orth,
        "is_punct": is_punct.astype(bool),
        "is_space": is_space.astype(bool),
        "idx": idx.astype(np.int64),
        "length": length.astype(np.int64),
        "is_final": _member(orth, _FINAL),
        "is_opening": _member(orth, _OPENING),
    }


def _member(values: np.ndarray, sorted_set: np.ndarray) -> np.ndarray:
    """``np.isin(values, sorted_set)`` for a small sorted set: a binary search per value
    (``np.isin`` sorts both arrays, many times slower on a few hundred tokens)."""
    if len(sorted_set) == 0:
        return np.zeros(len(values), dtype=bool)
    position = np.minimum(np.searchsorted(sorted_set, values), len(sorted_set) - 1)
    return sorted_set[position] == values


def sentence_starts(tokens: dict[str, np.ndarray]) -> np.ndarray:
    """Indices of the tokens that start a sentence, by the sentencizer's rule, vectorised.

    As in spaCy's ``Sentencizer``: after a sentence-final mark (. ! ? and their Unicode
    kin), the next token that is not punctuation starts a sentence. In addition, an opening
    quotation mark that directly precedes such a start (white space before it, none after)
    moves to the new sentence, where the sentencizer would leave it dangling at the end of
    the previous one. Working on token columns keeps this at C speed.
    """
    idx, length, opening = tokens["idx"], tokens["length"], tokens["is_opening"]
    if len(idx) == 0:
        return np.zeros(0, dtype=np.int64)
    final = np.flatnonzero(tokens["is_final"])
    not_punct = np.flatnonzero(~tokens["is_punct"])
    after = np.searchsorted(not_punct, final + 1)
    starts = not_punct[after[after < len(not_punct)]]
    quote = np.maximum(starts - 1, 0)
    before = np.maximum(starts - 2, 0)
    movable = (
        (starts >= 2)
        & opening[quote]
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


def segment(articles, batch_size: int | None = None):
    """Sentences of analysed paragraphs, one article at a time.

    ``articles`` yields ``(text, paragraph_spans)``; for each, this yields a list of
    ``(paragraph_index, start, end, n_words)`` in text order. Spans are character offsets
    into the text with white space trimmed; ``n_words`` counts tokens that are neither
    punctuation nor space. Text outside the given paragraphs (boilerplate) is tokenized
    but yields no sentence, and no sentence crosses a paragraph edge.

    The result is the same as tokenizing each whole text with :func:`pipeline`'s tokenizer
    (:func:`segment_reference` does that); the token columns come from a table of pieces
    built up during this call (see the module docstring). ``batch_size`` is accepted for
    compatibility and ignored.
    """
    pieces = _Pieces(pipeline().tokenizer)
    for text, spans in articles:
        yield _attribution_joined(text, _paragraph_sentences(pieces.token_arrays(text), spans))


def segment_reference(articles):
    """:func:`segment` the straightforward way: the tokenizer on each whole text (slow;
    kept as the definition the fast path is tested against)."""
    tokenizer = pipeline().tokenizer
    for text, spans in articles:
        yield _attribution_joined(text, _paragraph_sentences(token_arrays(tokenizer(text)), spans))


# A quotation that ends with its own full stop, question or exclamation mark, and the
# attribution after it in lower case: “Are they going to walk out?” he asked.
_QUOTE_END = re.compile(r"[.?!\u2026][\"'\u201d\u2019\u00bb]$")


def _attribution_joined(text: str, sentences: list[tuple[int, int, int, int]]) -> list[tuple[int, int, int, int]]:
    """Join a sentence that opens in lower case to the one before it in the same paragraph
    when that one ends with a quotation closed after its own final mark: the attribution
    (“…?” he asked) belongs to the quotation's sentence, where the sentence rule cut it off."""
    out: list[tuple[int, int, int, int]] = []
    for sentence in sentences:
        paragraph, start, end, words = sentence
        if out and out[-1][0] == paragraph and text[start:start + 1].islower() and \
                _QUOTE_END.search(text, max(0, out[-1][2] - 2), out[-1][2]):
            previous = out[-1]
            out[-1] = (paragraph, previous[1], end, previous[3] + words)
        else:
            out.append(sentence)
    return out


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


# --------------------------------------------------------------------------- piece table


class _Columns:
    """Named numpy columns that grow by doubling (appending row by row to numpy is slow,
    and rebuilding arrays from lists after every article would cost O(table) each time)."""

    def __init__(self, **dtypes):
        self.n = 0
        self.data = {name: np.zeros(1024, dtype=dtype) for name, dtype in dtypes.items()}

    def append(self, **values) -> int:
        """Append rows (equal-length sequences per column); return the first new row."""
        first, added = self.n, len(next(iter(values.values())))
        if first + added > len(next(iter(self.data.values()))):
            size = max(2 * (first + added), 1024)
            for name, column in self.data.items():
                grown = np.zeros(size, dtype=column.dtype)
                grown[:first] = column[:first]
                self.data[name] = grown
        for name, column in self.data.items():
            column[first:first + added] = values[name]
        self.n = first + added
        return first


@lru_cache(maxsize=1)
def _pattern_pairs() -> frozenset[tuple[int, int]]:
    """Pairs of token texts (as string hashes) that follow each other inside some
    special-case pattern: the only pairs a special-case match across a space can join.

    spaCy's special-case matcher looks for each rule's text as tokenized without special
    cases (``Tokenizer.add_special_case``); a tokenizer with the same affix rules and no
    special cases reproduces that. Taking every rule, not only those spaCy hands to the
    matcher, errs on the side of tokenizing an article whole.
    """
    tokenizer = pipeline().tokenizer
    bare = Tokenizer(
        tokenizer.vocab,
        prefix_search=tokenizer.prefix_search,
        suffix_search=tokenizer.suffix_search,
        infix_finditer=tokenizer.infix_finditer,
        token_match=tokenizer.token_match,
        url_match=tokenizer.url_match,
    )
    pairs = set()
    for rule in tokenizer.rules:
        words = [hash_string(token.text) for token in bare(rule)]
        pairs.update(zip(words, words[1:]))
    return frozenset(pairs)


class _Pieces:
    """Token columns of every distinct piece of text seen so far, and the assembly of a
    whole text's token columns from them.

    A piece is a maximal run of non-white-space characters, or a run of white space as
    the tokenizer sees it: a single space after a token only marks that token as followed
    by a space, so a run after a piece loses its leading space (usually leaving nothing),
    while a run at the very start of a text is kept whole. Each piece is an entry with
    ``first`` row and ``count`` rows in the token table; token rows hold offsets relative
    to the piece's start.
    """

    def __init__(self, tokenizer: Tokenizer):
        self.tokenizer = tokenizer
        self.pairs = _pattern_pairs()
        self.heads = np.array(sorted({a for a, _ in self.pairs}), dtype=np.uint64)
        self.tails = np.array(sorted({b for _, b in self.pairs}), dtype=np.uint64)
        self.words: dict[str, int] = {}  # non-white-space piece -> entry
        self.gaps: dict[str, int] = {}  # white-space run after a piece -> entry
        self.leads: dict[str, int] = {}  # white-space run at the start of a text -> entry
        # ``head``/``last``: the piece's last token (hash) and whether it begins a pattern
        # pair; ``tail``/``lead``: the same for its first token and ending a pair.
        self.entries = _Columns(first=np.int64, count=np.int64, head=bool, tail=bool,
                                last=np.uint64, lead=np.uint64)
        self.rows = _Columns(orth=np.uint64, is_punct=bool, is_space=bool, rel=np.int64,
                             length=np.int64, is_final=bool, is_opening=bool)
        # A single space after a piece yields no token; most gaps are one.
        self._add_gaps([" "])
        self.one_space = self.gaps[" "]

    def token_arrays(self, text: str, orth: bool = False) -> dict[str, np.ndarray]:
        """What ``token_arrays(tokenizer(text))`` gives (``orth`` only if asked for: the
        sentence rule does not need it), mostly without the tokenizer."""
        words = text.split()
        if not words:  # white space only: no sentence either way
            return token_arrays(self.tokenizer(text))
        # Runs of white space and of other characters alternate; find their edges in the
        # code points rather than with a regex (one Python object per run is too slow).
        points = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        space = _SPACE_TABLE.take(points, mode="clip")  # beyond the table: not space
        edges = np.flatnonzero(space[1:] != space[:-1]) + 1
        starts = np.concatenate(([0], edges))
        ends = np.concatenate((edges, [len(points)]))
        lead = int(space[0])
        entry = np.empty(len(starts), dtype=np.int64)  # the table entry of each run
        entry[lead::2] = self._word_ids(words)
        gaps = np.arange(1 + lead, len(starts), 2)  # white space after a piece
        entry[gaps] = self.one_space
        other = gaps[(ends[gaps] - starts[gaps] != 1) | (points[starts[gaps]] != 32)]
        if len(other):
            runs = [text[start:end] for start, end in zip(starts[other].tolist(), ends[other].tolist())]
            entry[other] = self._ids(self.gaps, runs, self._add_gaps)
        if lead:
            entry[0] = self._ids(self.leads, [text[:ends[0]]], self._add_leads)[0]

        entries, rows = self.entries.data, self.rows.data
        count = entries["count"][entry]
        if self._straddles(entry[lead::2], count[lead + 1:len(starts) - 1:2] == 0):
            return token_arrays(self.tokenizer(text))
        before = np.cumsum(count) - count
        row = np.repeat(entries["first"][entry] - before, count) + np.arange(before[-1] + count[-1])
        columns = {
            "is_punct": rows["is_punct"][row],
            "is_space": rows["is_space"][row],
            "idx": np.repeat(starts, count) + rows["rel"][row],
            "length": rows["length"][row],
            "is_final": rows["is_final"][row],
            "is_opening": rows["is_opening"][row],
        }
        if orth:
            columns["orth"] = rows["orth"][row]
        return columns

    def _straddles(self, word_ids: np.ndarray, joined: np.ndarray) -> bool:
        """Whether a special-case match could straddle a single space between two pieces
        (``joined``: the pieces are separated by exactly one space, so no token between)."""
        entries = self.entries.data
        suspect = np.flatnonzero(entries["head"][word_ids[:-1]] & entries["tail"][word_ids[1:]] & joined)
        last, lead = entries["last"], entries["lead"]
        return any((int(last[word_ids[i]]), int(lead[word_ids[i + 1]])) in self.pairs for i in suspect)

    def _word_ids(self, words: list[str]) -> np.ndarray:
        # Nearly every piece is known after the first articles: map the dictionary's own
        # lookup over the list (C speed), and add the unknown ones if that fails.
        try:
            return np.fromiter(map(self.words.__getitem__, words), np.int64, len(words))
        except KeyError:
            self._add_words([word for word in dict.fromkeys(words) if word not in self.words])
            return np.fromiter(map(self.words.__getitem__, words), np.int64, len(words))

    @staticmethod
    def _ids(table: dict[str, int], keys: list[str], add) -> list[int]:
        missing = [key for key in dict.fromkeys(keys) if key not in table]
        if missing:
            add(missing)
        return [table[key] for key in keys]

    def _add_words(self, pieces: list[str]) -> None:
        # One tokenizer call for all new pieces. Joined by newlines, each is tokenized on
        # its own, and a newline token between pieces stops any special-case match across.
        joined = "\n".join(pieces)
        columns = token_arrays(self.tokenizer(joined))
        starts = np.cumsum([0] + [len(piece) + 1 for piece in pieces[:-1]])
        keep = ~columns["is_space"]  # a piece has no white space, so no space tokens
        columns = {name: column[keep] for name, column in columns.items()}
        owner = np.searchsorted(starts, columns["idx"], side="right") - 1
        counts = np.bincount(owner, minlength=len(pieces))
        self._add(self.words, pieces, columns, columns["idx"] - starts[owner], counts)

    def _add_gaps(self, runs: list[str]) -> None:
        self._add_white_space(self.gaps, runs, lambda run: 1 if run[0] == " " else 0)

    def _add_leads(self, runs: list[str]) -> None:
        self._add_white_space(self.leads, runs, lambda run: 0)

    def _add_white_space(self, table, runs, skipped) -> None:
        # Few distinct runs in any corpus; tokenize each on its own (what the tokenizer
        # does with a white-space run is its business: usually one space token).
        for run in runs:
            shift = skipped(run)
            columns = token_arrays(self.tokenizer(run[shift:]))
            self._add(table, [run], columns, columns["idx"] + shift, [len(columns["idx"])])

    def _add(self, table, pieces, columns, rel, counts) -> None:
        first_row = self.rows.append(
            orth=columns["orth"], is_punct=columns["is_punct"], is_space=columns["is_space"],
            rel=rel, length=columns["length"], is_final=columns["is_final"],
            is_opening=columns["is_opening"],
        )
        counts = np.asarray(counts, dtype=np.int64)
        firsts = first_row + np.cumsum(counts) - counts
        orth = self.rows.data["orth"]  # the whole buffer: never empty
        has = counts > 0  # only a lone space has no token; clip its (unused) row index
        last = np.where(has, orth[np.clip(firsts + counts - 1, 0, len(orth) - 1)], 0)
        lead = np.where(has, orth[np.clip(firsts, 0, len(orth) - 1)], 0)
        first_entry = self.entries.append(
            first=firsts, count=counts, last=last, lead=lead,
            head=has & _member(last, self.heads), tail=has & _member(lead, self.tails),
        )
        for offset, piece in enumerate(pieces):
            table[piece] = first_entry + offset
