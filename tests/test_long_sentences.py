"""Issue 13: extraction work grows linearly with a sentence's length. Work is counted (the
characters each hot search scans), never timed: a sentence twice as long costs at most
about twice as much, and a 40 KB sentence costs a small multiple of its length."""
from __future__ import annotations

import warnings

import pytest

import kursk_analysis as ka

from kursk_analysis.extract import figures, framing, quotes

# News prose with names, reporting verbs, figures and dates, and no full stop.
CLAUSE = ("Russian President Vladimir Putin said on March 13 that Ukrainian troops in the Kursk "
          "region were completely isolated, and Ukraine's General Staff denied it, according "
          "to officials who said Ukraine still held about 400 square kilometres, while analysts at the "
          "Institute for the Study of War said they had seen no evidence of an encirclement "
          "and Trump wrote that thousands of soldiers were surrounded and ")


def _corpus(tmp_path, size: int):
    folder = tmp_path / f"s{size}"
    folder.mkdir()
    text = (CLAUSE * (size // len(CLAUSE) + 1))[:size].rsplit(" ", 1)[0]
    (folder / "a.txt").write_text(text + "\n", encoding="utf-8")
    (folder / "articles.csv").write_text(
        "id,file,outlet,headline,published\nlong,a.txt,Outlet,One long sentence,2025-03-14\n", encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = ka.load_corpus(folder / "articles.csv")
    assert len(corpus.sentences) == 1
    return corpus, len(text)


class _Counting:
    """A compiled pattern that adds up how many characters its searches were given."""

    def __init__(self, pattern, tally: list):
        self._pattern, self._tally = pattern, tally

    def __getattr__(self, name):
        method = getattr(self._pattern, name)
        if name not in ("search", "match", "fullmatch", "finditer", "findall"):
            return method

        def counted(string, pos=0, endpos=None):
            self._tally[0] += (len(string) if endpos is None else min(endpos, len(string))) - pos
            return method(string, pos, len(string) if endpos is None else endpos)

        return counted


def _work(monkeypatch, corpus, extractor, patterns) -> int:
    tally = [0]
    with monkeypatch.context() as patch:
        for module, name in patterns:
            patch.setattr(module, name, _Counting(getattr(module, name), tally))
        if extractor is quotes.quotes:
            original = quotes._candidates

            def candidates(folded, raw, start, end, known, *args, **kwargs):
                tally[0] += end - start  # the span searched for speaker phrases
                return original(folded, raw, start, end, known, *args, **kwargs)

            patch.setattr(quotes, "_candidates", candidates)
        extractor(corpus)
    return tally[0]


@pytest.mark.parametrize("extractor, patterns", [
    (quotes.quotes, []),
    (framing.attribution_verbs, [(framing, "_WORD_BEFORE"), (framing, "_WORD")]),
    (figures.territory_figures, [(figures, "_APPOSITION_HEAD")]),
], ids=["quotes", "attribution_verbs", "territory_figures"])
def test_work_grows_linearly_with_sentence_length(tmp_path, monkeypatch, extractor, patterns):
    small, n_small = _corpus(tmp_path, 20_000)
    large, n_large = _corpus(tmp_path, 40_000)
    work_small = _work(monkeypatch, small, extractor, patterns)
    work_large = _work(monkeypatch, large, extractor, patterns)
    # Quadratic work would be about 4 times as much for twice the text, and hundreds of
    # times the sentence's length (the candidate search stepped 28 million times at 50 KB).
    assert work_large <= 2.5 * work_small, (work_small, work_large)
    assert work_large <= 40 * n_large, (work_large, n_large)
