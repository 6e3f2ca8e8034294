"""The fast sentence splitter (``nlp.segment``) against the full tokenizer.

``segment`` assembles each text's token columns from a table of white-space-delimited
pieces instead of running spaCy's tokenizer on the whole text. These tests check that the
columns, and so the sentences, are exactly what the tokenizer gives on the seeds, the
fixture corpora and texts written to probe the edges (abbreviations, quotes, white space,
special-case patterns across a space). Speed is measured in ``benchmarks/``, not here.
"""
from __future__ import annotations

import numpy as np
import pytest
from spacy.pipeline import Sentencizer

from kursk_analysis.corpus import segment as nlp
from kursk_analysis import paths
from kursk_analysis.corpus.boilerplate import split_paragraphs

TRICKY = [
    "The U.S. and the U.K. said so. The U.N. did not.",
    "Gen. Valery Gerasimov spoke. Lt. Col. Ivan Petrov, Sgt. Maj. Smith and Mr. Jones listened.",
    "Trump takes office on Jan. 20. On Sept. 3 at 9 a.m. the talks began; by 5 p.m. they ended.",
    "John F. Kennedy and J. R. R. Tolkien met A. B. Petrenko. Then they left.",
    "Really?! Yes!! No?? Maybe…  Then again... perhaps. Wait… what?",
    "he said. \u201cThis enemy\u2019s plan totally collapsed.\u201d Then he left.",
    'He said. "We hold." She said. \u2018Fine.\u2019 \u00abNon.\u00bb The end.',
    "\u201cWill all those soldiers die?\u201d he asked. \u201cNo.\u201d",
    "It ended.\u201d Next one. It ended.\u2019 Next. It ended.)\u00a0Next.",
    "(The figure is disputed.) The next sentence. [Bracketed.] Next.",
    "It fell. \u2014 Then it rose. It fell. - Then it rose. It fell.\u2014Then it rose.",
    "Growth was 1.5 per cent, or 2.25%, up from 0.5. Version 3.1.1 shipped.",
    "See https://example.com/a.b?c=d. Or www.example.org. Mail press@example.com. Done.",
    "A sentence without any final punctuation",
    "Line one.\r\nLine two.\r\n\r\nParagraph two.\r\n",
    "One.\n\n\n\nTwo.\n\n\n\n\nThree.",
    "  Leading spaces. And   several   spaces.   Trailing  ",
    "\n\nLeading newlines.\tTabs\tinside.\t",
    "Odd\u00a0spaces\u2009and\u3000ideographic\u2028line\u2029separators.\x1cFile\x85next.",
    "said. \u201c\nThis starts a quote after a line break.",
    "Ukraine\u2019s troops are \u201cnot surrounded,\u201d he said. \u201cThe enemy is lying.\u201d",
    "It\u2019s Zelenskyy\u2019s call. Don't. Can't. Won't.",
    "U.S .U.S. stays. Gen . Mr. Smith. a - 1 b. 8 ) and : ) too.",
    "( *_*):( is an emoticon. \u2019 s and ' s. vs . Ph .D. too.",
    ".",
    "?!",
    "\u201c",
    "",
    "   ",
    "\n",
    "x",
    "Mr.",
    "\u00ab\u00bb \u201c\u201d ...",
]


def _texts() -> list[str]:
    files = sorted(paths.SEEDS.glob("*.txt")) + sorted((paths.ROOT / "tests" / "fixtures").glob("*/*.txt"))
    texts = [path.read_bytes().decode("utf-8").removeprefix("\ufeff") for path in files]
    assert len(texts) >= 9
    return texts + TRICKY


TEXTS = _texts()


def _full_columns(text: str) -> dict[str, np.ndarray]:
    return nlp.token_arrays(nlp.pipeline().tokenizer(text))


def _assert_same_columns(text, fast, full):
    for name, column in full.items():
        assert fast[name].dtype == column.dtype, (name, text[:60])
        assert np.array_equal(fast[name], column), (name, text[:60])


@pytest.mark.parametrize("text", TEXTS, ids=range(len(TEXTS)))
def test_token_columns_match_the_tokenizer_with_a_fresh_table(text):
    pieces = nlp._Pieces(nlp.pipeline().tokenizer)
    _assert_same_columns(text, pieces.token_arrays(text, orth=True), _full_columns(text))


def test_token_columns_match_the_tokenizer_with_a_shared_table():
    # One table for every text, in both orders: pieces learnt from one text serve another.
    pieces = nlp._Pieces(nlp.pipeline().tokenizer)
    for text in TEXTS + TEXTS[::-1]:
        _assert_same_columns(text, pieces.token_arrays(text, orth=True), _full_columns(text))


def test_pieces_repeat_so_the_table_stays_small():
    pieces = nlp._Pieces(nlp.pipeline().tokenizer)
    seeds = [path.read_text(encoding="utf-8") for path in sorted(paths.SEEDS.glob("*.txt"))]
    for text in seeds * 3:
        pieces.token_arrays(text)
    n_pieces = sum(len(text.split()) for text in seeds)
    assert len(pieces.words) < 0.6 * n_pieces


def test_special_case_across_a_space_falls_back_to_the_whole_text():
    # spaCy's special-case matcher finds "(*_*)" across the space in "( *_*):(" and the
    # match suppresses the special case "):" inside the second piece; tokenized piece by
    # piece, "):" would stay one token. Such texts are tokenized whole.
    text = "( *_*):("
    tokenizer = nlp.pipeline().tokenizer
    assert [t.text for t in tokenizer(text)] == ["(", "*", "_", "*", ")", ":", "("]
    assert [t.text for t in tokenizer("*_*):(")][-2:] == ["):", "("]
    pieces = nlp._Pieces(tokenizer)
    _assert_same_columns(text, pieces.token_arrays(text, orth=True), _full_columns(text))
    words = pieces._word_ids(text.split())
    assert pieces._straddles(words, np.array([True]))
    plain = pieces._word_ids("said . Then".split())
    assert not pieces._straddles(plain, np.array([True, True]))


def _spans(text):
    spans = split_paragraphs(text)
    return spans, spans[::2]  # every paragraph, and only some (as boilerplate removal does)


@pytest.mark.parametrize("keep", ["all", "some", "one span"])
def test_segment_matches_the_reference(keep):
    articles = []
    for text in TEXTS:
        every, some = _spans(text)
        spans = {"all": every, "some": some, "one span": [(0, len(text))] if text else []}[keep]
        articles.append((text, spans))
    assert list(nlp.segment(articles)) == list(nlp.segment_reference(articles))


def test_segment_on_the_loaded_corpus_matches_the_reference(corpus):
    articles = []
    for article_id, text in corpus.texts.items():
        paragraphs = corpus.paragraphs[corpus.paragraphs["article_id"] == article_id]
        articles.append((text, list(zip(paragraphs["start"], paragraphs["end"]))))
    fast = list(nlp.segment(articles))
    assert fast == list(nlp.segment_reference(articles))
    assert sum(len(found) for found in fast) == len(corpus.sentences)


def test_segment_accepts_a_generator_and_the_old_batch_size():
    articles = [(text, _spans(text)[0]) for text in TEXTS[:5]]
    assert list(nlp.segment(iter(articles), batch_size=64)) == list(nlp.segment_reference(articles))


def test_sentences_examples():
    text = "He said. \u201cThis collapsed.\u201d Gen. Smith met Mr. Jones at 9 a.m. on Jan. 20. Really?!"
    (found,) = nlp.segment([(text, [(0, len(text))])])
    assert [text[start:end] for _, start, end, _ in found] == [
        "He said.", "\u201cThis collapsed.\u201d", "Gen. Smith met Mr. Jones at 9 a.m. on Jan. 20.", "Really?!",
    ]
    assert [n for *_, n in found] == [2, 2, 11, 1]  # "Gen.", "a.m." and "20" are words


@pytest.mark.parametrize("text", TEXTS, ids=range(len(TEXTS)))
def test_sentence_starts_follow_spacys_sentencizer(text):
    # An independent statement of the rule: spaCy's own Sentencizer, then the opening
    # quotation mark moved to the sentence it opens.
    doc = nlp.pipeline().tokenizer(text)
    if not len(doc):
        return
    expected = [sent.start for sent in Sentencizer()(doc).sents]
    moved = []
    for start in expected:
        quote, before = doc[start - 1] if start >= 1 else None, doc[start - 2] if start >= 2 else None
        if (before is not None and quote.text in nlp.OPENING_QUOTES and not quote.whitespace_
                and before.idx + len(before) < quote.idx):
            start -= 1
        moved.append(start)
    moved = sorted(set(moved))
    assert nlp.sentence_starts(nlp.token_arrays(doc)).tolist() == moved


def test_white_space_table_covers_every_code_point():
    spaces = [point for point in range(0x110000) if chr(point).isspace()]
    assert max(spaces) < len(nlp._SPACE_TABLE) - 1  # beyond the table counts as not space
    assert np.flatnonzero(nlp._SPACE_TABLE).tolist() == spaces


def test_random_texts_built_from_tricky_pieces():
    # A fixed-seed fuzz: pieces from the texts above, every special-case rule of the
    # tokenizer (emoticons, contractions, abbreviations) and bits of punctuation, glued
    # with and without white space of every kind.
    rng = np.random.default_rng(20250319)
    tokenizer = nlp.pipeline().tokenizer
    pool = sorted({piece for text in TRICKY for piece in text.split()} | set(tokenizer.rules)
                  | set(".,;:!?…\"'()[]-—“”‘’«»/*_") | {"Gen", "a.m", "U.S", "8", "o", "s", "vs"})
    glue = [" ", " ", " ", " ", "", "", "\n", "\n\n", "  ", " \n ", "\r\n", "\t", "\u00a0"]
    pieces = nlp._Pieces(tokenizer)
    for _ in range(300):
        n = int(rng.integers(1, 40))
        words = rng.choice(pool, n)
        gaps = rng.choice(glue, n)
        text = "".join(f"{w}{g}" for w, g in zip(words, gaps))
        _assert_same_columns(text, pieces.token_arrays(text, orth=True), _full_columns(text))
        spans = split_paragraphs(text)
        assert list(nlp.segment([(text, spans)])) == list(nlp.segment_reference([(text, spans)]))
