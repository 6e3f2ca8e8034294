"""Paragraphs, and the boilerplate set aside from them.

:func:`split_paragraphs` cuts an article at blank lines (or at single line ends when it has
none). :func:`classify_paragraphs` gives each paragraph the reason it is not part of the
article itself (a repeated headline, a comment form, a live-blog header, a wire credit, a
photo caption), or None; :func:`~kursk_analysis.corpus.model.load_corpus` keeps those in
``Corpus.removed`` with the reason.
"""
from __future__ import annotations

import re

from kursk_analysis import lexicon
from kursk_analysis.corpus.text import match_key



_NEWLINE = re.compile(r"\r\n|\r|\n")
# A lone "\r" must not be followed by "\n": otherwise one CRLF reads as two line ends.
_BLANK_LINE = re.compile(r"(?:\r\n|\r(?!\n)|\n)[^\S\r\n]*(?:\r\n|\r|\n)")


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraph spans: blocks between blank lines if the text has any, else single lines."""
    lines, pos = [], 0
    for match in _NEWLINE.finditer(text):
        lines.append((pos, match.start()))
        pos = match.end()
    lines.append((pos, len(text)))
    by_block = bool(_BLANK_LINE.search(text))
    spans: list[tuple[int, int]] = []
    open_block = False
    for start, end in lines:
        if not text[start:end].strip():
            open_block = False
            continue
        if by_block and open_block:
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
        open_block = True
    return [_trim(text, start, end) for start, end in spans]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    chunk = text[start:end]
    return start + len(chunk) - len(chunk.lstrip()), start + len(chunk.rstrip())


# --------------------------------------------------------------------------- boilerplate

# The patterns are data: rules/boilerplate.yaml, in the order they are tried. All of them
# in one pattern, tried in that order: one regex call per paragraph.
_RULES: tuple[tuple[str, str], ...] = lexicon.boilerplate_rules()
_RULE_NAMES = {f"rule{i}": reason for i, (reason, _) in enumerate(_RULES)}
_ANY_RULE = re.compile("|".join(f"(?P<rule{i}>{pattern})" for i, (_, pattern) in enumerate(_RULES)), re.I | re.S)
# "Source: the General Staff's Telegram channel" above a quoted statement says whose it is: article text.
_ATTRIBUTION_LINE = re.compile(r"Source:\s+\w")
_TERMINAL = re.compile(r"[.!?…][\"'\u201d\u2019)\]]*$")
_HEADER_MAX_WORDS = 8
_TITLE_MIN_WORDS = 4  # an untitled first line this long is a title, shorter a section label
# Footers, credits, captions and headers are short; long paragraphs are article text.
_BOILERPLATE_MAX_CHARS = 400


def classify_paragraphs(chunks: list[str], headline: str) -> list[str | None]:
    """For each paragraph of one article, why it is not article text, or None if it is.

    A paragraph that repeats an earlier one (after folding typography and case) is set
    aside and the first kept; the others are judged by the patterns of
    ``rules/boilerplate.yaml`` and,
    for a line with no sentence-final punctuation, as a header or title line.
    """
    headline_key = match_key(headline) if headline else None
    earlier: set[str] = set()
    reasons: list[str | None] = []
    for index, chunk in enumerate(chunks):
        short = len(chunk) <= _BOILERPLATE_MAX_CHARS
        key = match_key(chunk) if short else chunk
        reasons.append(_reason(chunk, key, index, headline_key, earlier) if short or key in earlier else None)
        earlier.add(key)
    return reasons


def _reason(chunk: str, key: str, index: int, headline_key: str | None, earlier: set[str]) -> str | None:
    if key == headline_key:
        return "repeated headline" if key in earlier else "headline"
    if key in earlier:
        return "repeated paragraph"
    folded = " ".join(chunk.split())
    rule = _ANY_RULE.fullmatch(folded)
    if rule:
        return _RULE_NAMES[rule.lastgroup]
    if not _TERMINAL.search(folded) and not _ATTRIBUTION_LINE.match(folded):
        words = len(folded.split())
        if index == 0 and not headline_key and words >= _TITLE_MIN_WORDS:
            return "title line"
        if words <= _HEADER_MAX_WORDS:
            return "section header"
    return None


