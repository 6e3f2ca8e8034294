"""Scoring the extractors against the hand-written gold in ``tests/gold/``.

Used by the extraction tests and by ``python tests/extraction_gold.py``, which prints the
figures recorded in ``tests/gold/README.md``. The gold covers the five seeds (bundled
manifest) and the small articles in ``tests/fixtures/extraction/``.
"""
from __future__ import annotations

import warnings
from functools import lru_cache
from pathlib import Path

import pandas as pd

from kursk_analysis import load_corpus
from kursk_analysis.corpus import CorpusWarning

HERE = Path(__file__).resolve().parent
GOLD = HERE / "gold"
FIXTURES = HERE / "fixtures" / "extraction" / "articles.csv"


@lru_cache(maxsize=None)
def corpora():
    """The seed corpus and the fixture corpus (one fixture has no publication date)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CorpusWarning)
        return load_corpus(), load_corpus(FIXTURES)


def gold_quotes() -> pd.DataFrame:
    gold = pd.read_csv(GOLD / "quotes.csv", dtype=str, keep_default_na=False)
    gold["speaker"] = gold["speaker"].astype(object).where(gold["speaker"] != "", None)
    return gold


def gold_stances() -> pd.DataFrame:
    gold = pd.read_csv(GOLD / "stances.csv", dtype=str, keep_default_na=False)
    gold["date"] = pd.to_datetime(gold["date"].replace("", None))
    return gold


def _locate(gold: pd.DataFrame, texts: dict) -> pd.DataFrame:
    starts = []
    for article_id, quote in zip(gold["article_id"], gold["quote"]):
        start = texts[article_id].find(quote)
        assert start >= 0, f"gold quote not found in article {article_id}: {quote[:40]!r}"
        starts.append(start)
    gold = gold.copy()
    gold["start"] = starts
    gold["end"] = gold["start"] + gold["quote"].str.len()
    return gold


def _same(a, b) -> bool:
    return (pd.isna(a) and pd.isna(b)) or a == b


def score_quotes(extract) -> dict:
    """Span match (overlap of at least half the longer span), kind and speaker accuracy."""
    predicted, gold = [], []
    for corpus in corpora():
        ids = set(corpus.articles["id"])
        predicted.append(extract(corpus))
        g = gold_quotes()
        gold.append(_locate(g[g["article_id"].isin(ids)], corpus.texts))
    predicted, gold = pd.concat(predicted), pd.concat(gold)
    matched = {}
    for gi, g in gold.reset_index(drop=True).iterrows():
        for pi, p in predicted[predicted["article_id"] == g["article_id"]].iterrows():
            overlap = min(g["end"], p["end"]) - max(g["start"], p["start"])
            if overlap >= 0.5 * max(g["end"] - g["start"], p["end"] - p["start"]):
                matched[gi] = p
                break
    gold = gold.reset_index(drop=True)
    hits = gold.index.isin(list(matched))
    named = gold[hits & gold["speaker"].notna() & gold["kind"].eq("quote")]
    named_ok = sum(matched[i]["speaker"] == gold.at[i, "speaker"] for i in named.index)
    all_ok = sum(_same(matched[i]["speaker"], gold.at[i, "speaker"]) for i in gold.index[hits])
    kind_ok = sum(str(matched[i]["kind"]) == gold.at[i, "kind"] for i in gold.index[hits])
    wrong = [(gold.at[i, "article_id"], gold.at[i, "quote"][:30], gold.at[i, "speaker"],
              matched[i]["speaker"]) for i in gold.index[hits]
             if not _same(matched[i]["speaker"], gold.at[i, "speaker"])]
    return {
        "gold": len(gold), "predicted": len(predicted), "matched": int(hits.sum()),
        "recall": hits.mean(), "precision": len(matched) / max(len(predicted), 1),
        "speaker_named_quotes": named_ok / max(len(named), 1), "n_named_quotes": len(named),
        "speaker_all": all_ok / max(hits.sum(), 1), "kind_accuracy": kind_ok / max(hits.sum(), 1),
        "speaker_errors": wrong,
    }


def score_stances(extract) -> dict:
    """Precision and recall of (article, actor, stance) triples; date accuracy on hits."""
    predicted = pd.concat([extract(c) for c in corpora()])
    gold = gold_stances()
    first = (predicted.groupby(["article_id", "actor", "stance"], observed=True)["date"]
             .min().reset_index())
    pred = {(a, b, str(c)): d for a, b, c, d in first.itertuples(index=False)}
    want = {(a, b, c): d for a, b, c, d in
            gold[["article_id", "actor", "stance", "date"]].itertuples(index=False)}
    hits = set(pred) & set(want)
    dates_ok = sum((pd.isna(pred[k]) and pd.isna(want[k])) or pred[k] == want[k] for k in hits)
    return {
        "gold": len(want), "predicted": len(pred), "matched": len(hits),
        "precision": len(hits) / max(len(pred), 1), "recall": len(hits) / max(len(want), 1),
        "date_accuracy": dates_ok / max(len(hits), 1),
        "missed": sorted(set(want) - hits), "spurious": sorted(set(pred) - hits),
        "wrong_dates": sorted((k, str(pred[k])[:10], str(want[k])[:10]) for k in hits
                              if not ((pd.isna(pred[k]) and pd.isna(want[k])) or pred[k] == want[k])),
    }


def report(name: str, scores: dict) -> str:
    lines = [f"{name}:"]
    for key, value in scores.items():
        if isinstance(value, float):
            lines.append(f"  {key:22s} {value:.3f}")
        elif isinstance(value, list):
            lines.extend([f"  {key}:"] + [f"    {item}" for item in value])
        else:
            lines.append(f"  {key:22s} {value}")
    return "\n".join(lines)


if __name__ == "__main__":
    from kursk_analysis.quotes import quotes
    from kursk_analysis.stance import stances

    print(report("quotes", score_quotes(quotes)))
    print(report("stances (encirclement)", score_stances(stances)))
