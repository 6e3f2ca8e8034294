"""Helpers shared by the extraction tests: load the hand-written gold files and score."""
from __future__ import annotations

import math
import warnings

import pandas as pd

import kursk_analysis as ka
from kursk_analysis import paths

GOLD = paths.ROOT / "tests" / "gold"
FIXTURES = paths.ROOT / "tests" / "fixtures" / "figures" / "articles.csv"


def load_fixture_corpus():
    """The hand-written test articles (one has no date, which warns by design)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ka.CorpusWarning)
        return ka.load_corpus(FIXTURES)


def load_other_outlets_corpus():
    """The twenty synthetic other-outlet articles, loaded once per test session."""
    from extraction_gold import corpus_of

    return corpus_of("other_outlets")


def locate(gold: pd.DataFrame, corpora: dict) -> pd.DataFrame:
    """Add start/end to gold rows by finding their text in the raw article."""
    gold = gold.copy()
    starts, ends = [], []
    for manifest, article_id, text in zip(gold["manifest"], gold["article_id"], gold["text"]):
        raw = corpora[manifest].texts[article_id]
        start = raw.find(text)
        assert start >= 0, f"gold text {text!r} is not in article {article_id}"
        starts.append(start)
        ends.append(start + len(text))
    gold["start"], gold["end"] = starts, ends
    return gold


def same(a, b, tol: float = 0.01) -> bool:
    a_missing = a is None or (isinstance(a, float) and math.isnan(a)) or a is pd.NaT
    b_missing = b is None or (isinstance(b, float) and math.isnan(b)) or b is pd.NaT
    if a_missing or b_missing:
        return a_missing and b_missing
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return abs(float(a) - float(b)) <= tol
    return a == b


def match(predicted: pd.DataFrame, gold: pd.DataFrame, keys: list[str]):
    """Pair gold and predicted rows: same article, overlapping spans, equal ``keys``.

    Returns (pairs, precision, recall); a pair is (gold row, predicted row).
    """
    used: set[int] = set()
    pairs = []
    for g in gold.itertuples(index=False):
        candidates = predicted[(predicted["article_id"] == g.article_id)
                               & (predicted["start"] < g.end) & (predicted["end"] > g.start)]
        for idx, p in candidates.iterrows():
            if idx in used:
                continue
            if all(same(getattr(g, k), p[k]) for k in keys):
                used.add(idx)
                pairs.append((g, p))
                break
    precision = len(used) / len(predicted) if len(predicted) else 1.0
    recall = len(pairs) / len(gold) if len(gold) else 1.0
    return pairs, precision, recall
