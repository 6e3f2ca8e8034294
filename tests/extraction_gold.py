"""Scoring the extractors against the hand-written gold in ``tests/gold/``.

Used by the extraction tests and by ``python tests/extraction_gold.py``, which prints the
figures recorded in ``tests/gold/README.md``. Three gold sets:

- ``seeds``: the five seed articles (bundled manifest), gold in ``quotes.csv`` /
  ``stances.csv``;
- ``fixtures``: the small articles in ``tests/fixtures/extraction/`` (same gold files);
- ``other_outlets``: the twenty synthetic articles in other house styles in
  ``tests/fixtures/other_outlets/``, gold in ``other_outlets_quotes.csv`` /
  ``other_outlets_stances.csv``.

``score_quotes`` and ``score_stances`` score any of these together (all by default).
"""
from __future__ import annotations

import sys
import warnings
from functools import lru_cache
from pathlib import Path

import pandas as pd

from kursk_analysis import load_corpus
from kursk_analysis.corpus.model import CorpusWarning

HERE = Path(__file__).resolve().parent
GOLD = HERE / "gold"
FIXTURES = HERE / "fixtures" / "extraction" / "articles.csv"
OTHER_OUTLETS = HERE / "fixtures" / "other_outlets" / "articles.csv"
SETS = ("seeds", "fixtures", "other_outlets")
GOLD_FILES = {"seeds": ("quotes.csv", "stances.csv"),
              "fixtures": ("quotes.csv", "stances.csv"),
              "other_outlets": ("other_outlets_quotes.csv", "other_outlets_stances.csv")}


@lru_cache(maxsize=None)
def corpus_of(name: str):
    """The corpus of one gold set (some articles have no publication date: no warnings)."""
    manifest = {"seeds": None, "fixtures": FIXTURES, "other_outlets": OTHER_OUTLETS}[name]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CorpusWarning)
        return load_corpus(manifest) if manifest else load_corpus()


def corpora():
    """The seed corpus and the fixture corpus (kept for the tests that index them)."""
    return corpus_of("seeds"), corpus_of("fixtures")


def _read(name: str, which: int) -> pd.DataFrame:
    gold = pd.read_csv(GOLD / GOLD_FILES[name][which], dtype=str, keep_default_na=False)
    ids = set(corpus_of(name).articles["id"])
    return gold[gold["article_id"].isin(ids)].reset_index(drop=True)


def gold_quotes(name: str | None = None) -> pd.DataFrame:
    """Gold quotations of one set, or of all sets when ``name`` is None."""
    if name is None:
        return pd.concat([gold_quotes(n) for n in SETS], ignore_index=True)
    gold = _read(name, 0)
    gold["speaker"] = gold["speaker"].astype(object).where(gold["speaker"] != "", None)
    if "occurrence" not in gold:
        gold["occurrence"] = ""
    gold["set"] = name
    return gold


def gold_stances(name: str | None = None) -> pd.DataFrame:
    if name is None:
        return pd.concat([gold_stances(n) for n in SETS], ignore_index=True)
    gold = _read(name, 1)
    gold["date"] = pd.to_datetime(gold["date"].replace("", None))
    gold["set"] = name
    return gold


def _locate(gold: pd.DataFrame, texts: dict) -> pd.DataFrame:
    """Offsets of each gold quote: its n-th occurrence (``occurrence``, default the first)."""
    starts = []
    for article_id, quote, nth in zip(gold["article_id"], gold["quote"], gold["occurrence"]):
        start = -1
        for _ in range(int(nth or 1)):
            start = texts[article_id].find(quote, start + 1)
        assert start >= 0, f"gold quote not found in article {article_id}: {quote[:40]!r}"
        starts.append(start)
    gold = gold.copy()
    gold["start"] = starts
    gold["end"] = gold["start"] + gold["quote"].str.len()
    return gold


def _same(a, b) -> bool:
    return (pd.isna(a) and pd.isna(b)) or a == b


def _sets(sets) -> tuple:
    return (sets,) if isinstance(sets, str) else tuple(sets)


def score_quotes(extract, sets=SETS) -> dict:
    """Span match (overlap of at least half the longer span), kind and speaker accuracy."""
    predicted, gold = [], []
    for name in _sets(sets):
        corpus = corpus_of(name)
        predicted.append(extract(corpus))
        gold.append(_locate(gold_quotes(name), corpus.texts))
    predicted, gold = pd.concat(predicted), pd.concat(gold)
    matched = {}
    for gi, g in gold.reset_index(drop=True).iterrows():
        best = None  # the prediction that overlaps most (a nested quotation lies inside another)
        for pi, p in predicted[predicted["article_id"] == g["article_id"]].iterrows():
            overlap = min(g["end"], p["end"]) - max(g["start"], p["start"])
            longer = max(g["end"] - g["start"], p["end"] - p["start"])
            if overlap >= 0.5 * longer and (best is None or overlap / longer > best[0]):
                best = (overlap / longer, p)
        if best is not None:
            matched[gi] = best[1]
    gold = gold.reset_index(drop=True)
    hits = gold.index.isin(list(matched))
    named = gold[hits & gold["speaker"].notna() & gold["kind"].eq("quote")]
    n_named = int((gold["speaker"].notna() & gold["kind"].eq("quote")).sum())
    named_ok = sum(matched[i]["speaker"] == gold.at[i, "speaker"] for i in named.index)
    all_ok = sum(_same(matched[i]["speaker"], gold.at[i, "speaker"]) for i in gold.index[hits])
    kind_ok = sum(str(matched[i]["kind"]) == gold.at[i, "kind"] for i in gold.index[hits])
    wrong = [(gold.at[i, "article_id"], gold.at[i, "quote"][:30], gold.at[i, "speaker"],
              matched[i]["speaker"]) for i in gold.index[hits]
             if not _same(matched[i]["speaker"], gold.at[i, "speaker"])]
    missed = [(gold.at[i, "article_id"], gold.at[i, "quote"][:40]) for i in gold.index[~hits]]
    used = {(p["article_id"], p["start"]) for p in matched.values()}
    spurious = [(a, q[:40]) for a, s, q in zip(predicted["article_id"], predicted["start"],
                                               predicted["quote"]) if (a, s) not in used]
    return {
        "gold": len(gold), "predicted": len(predicted), "matched": int(hits.sum()),
        "recall": hits.mean(), "precision": len(matched) / max(len(predicted), 1),
        "speaker_named_quotes": named_ok / max(len(named), 1), "n_named_quotes": len(named),
        "speaker_named_of_all_gold": named_ok / max(n_named, 1),
        "speaker_all": all_ok / max(hits.sum(), 1), "kind_accuracy": kind_ok / max(hits.sum(), 1),
        "speaker_errors": wrong, "missed": missed, "spurious": spurious,
    }


def score_stances(extract, sets=SETS) -> dict:
    """Precision and recall of (article, actor, stance) triples; date accuracy on hits."""
    predicted = pd.concat([extract(corpus_of(name)) for name in _sets(sets)])
    gold = pd.concat([gold_stances(name) for name in _sets(sets)])
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


def mini_corpus(folder: Path, texts: dict, published: str = "2025-03-17"):
    """A corpus of small invented articles (``{id: text}``) written to ``folder``."""
    rows = ["id,file,outlet,headline,published,notes"]
    for article_id, text in texts.items():
        (folder / f"{article_id}.txt").write_text(text, encoding="utf-8")
        rows.append(f"{article_id},{article_id}.txt,Test,Test article {article_id},{published},")
    (folder / "articles.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CorpusWarning)
        return load_corpus(folder / "articles.csv")


def report(name: str, scores: dict, details: bool = True) -> str:
    lines = [f"{name}:"]
    for key, value in scores.items():
        if isinstance(value, float):
            lines.append(f"  {key:26s} {value:.3f}")
        elif isinstance(value, list):
            if details:
                lines.extend([f"  {key}:"] + [f"    {item}" for item in value])
        else:
            lines.append(f"  {key:26s} {value}")
    return "\n".join(lines)


def table(quotes_fn, stances_fn) -> str:
    """One line per gold set and one for all together: the figures in the README."""
    rows = ["| set | quotes gold/pred | q recall | q precision | speaker (named full quotes) "
            "| speaker (all) | kind | stances gold/pred | s precision | s recall | date |",
            "|---|---|---|---|---|---|---|---|---|---|---|"]
    for sets in [*[(s,) for s in SETS], SETS]:
        q, s = score_quotes(quotes_fn, sets), score_stances(stances_fn, sets)
        label = sets[0] if len(sets) == 1 else "all"
        rows.append(f"| {label} | {q['gold']}/{q['predicted']} | {q['recall']:.3f} | "
                    f"{q['precision']:.3f} | {q['speaker_named_quotes']:.3f} "
                    f"({q['n_named_quotes']}) | {q['speaker_all']:.3f} | {q['kind_accuracy']:.3f} | "
                    f"{s['gold']}/{s['predicted']} | {s['precision']:.3f} | {s['recall']:.3f} | "
                    f"{s['date_accuracy']:.3f} |")
    return "\n".join(rows)


if __name__ == "__main__":
    from kursk_analysis.extract.quotes import quotes
    from kursk_analysis.extract.stance import stances

    chosen = [a for a in sys.argv[1:] if a in SETS] or list(SETS)
    print(table(quotes, stances))
    print(report(f"quotes ({', '.join(chosen)})", score_quotes(quotes, chosen)))
    print(report(f"stances ({', '.join(chosen)})", score_stances(stances, chosen)))


def speaker_by_article(corpus) -> dict:
    """article id -> speaker of its (last) quotation, for tests of one quotation each."""
    from kursk_analysis.extract.quotes import quotes

    table = quotes(corpus)
    return dict(zip(table["article_id"], table["speaker"]))


def speakers_one_by_one(tmp_path, texts: dict) -> dict:
    """article -> speaker of its (last) quotation, each article a corpus of its own (so no
    article's names reach another's)."""
    out = {}
    for name, text in texts.items():
        (tmp_path / name).mkdir()
        out[name] = speaker_by_article(mini_corpus(tmp_path / name, {name: text}))[name]
    return out


def stance_triples(corpus) -> set:
    """(article, actor, stance) of every stance row."""
    from kursk_analysis.extract.stance import stances

    table = stances(corpus)
    return set(zip(table["article_id"], table["actor"], table["stance"].astype(str)))
