"""A spot-check sample: a few extracted rows, drawn at random with a fixed seed, for a
reviewer to check by hand against their sentences.

Each notebook prints one beside its "How far to trust this" section. The rows come from the
tables the notebook's findings rest on (stances, quotes, territory figures), each with what
was found, the rule that found it, the sentence, and where it is (article, sentence id,
offsets into the raw text), so a wrong row can be put right in ``corrections.csv``
(:mod:`kursk_analysis.corpus.corrections`). The same corpus and seed always give the same
sample: rows are ordered by article and offset before the draw, and the generator is seeded
with a string (``random.Random`` hashes it with SHA-512, not with Python's salted ``hash``).
"""
from __future__ import annotations

import random

import pandas as pd

SEED = 2025
COLUMNS = ["table", "finding", "rule", "sentence", "article_id", "sentence_id", "start", "end"]
TABLES = ("stances", "quotes", "territory_figures")
_ROW_NAMES = {"stances": "stance", "quotes": "quote", "territory_figures": "territory figure"}


def _findings(corpus, name: str) -> pd.DataFrame:
    from kursk_analysis import quotes, stances, territory_figures

    if name == "stances":
        rows = stances(corpus)
        finding = rows["actor"].astype(str) + " " + rows["stance"].astype(str)
        rule = rows["rule"].astype(str)
    elif name == "quotes":
        rows = quotes(corpus)
        speaker = rows["speaker"].astype(object).where(rows["speaker"].notna(), "(no speaker)")
        finding = speaker.astype(str) + ": \u201c" + rows["quote"].astype(str).str.strip() + "\u201d"
        rule = "speaker by " + rows["attribution"].astype(str)
    elif name == "territory_figures":
        rows = territory_figures(corpus)
        claimant = rows["claimant"].astype(object).where(rows["claimant"].notna(), "no claimant")
        direction = rows["direction"].astype(object).where(rows["direction"].notna(), "no direction")
        finding = rows["text"].astype(str) + " (" + direction.astype(str) + "; " + claimant.astype(str) + ")"
        rule = rows["rule"].astype(str) + "; dated by " + rows["as_of_basis"].astype(str)
    else:
        raise ValueError(f"unknown table {name!r}; one of {', '.join(TABLES)}")
    out = pd.DataFrame({"table": name, "finding": finding.to_numpy(), "rule": rule.to_numpy(),
                        "article_id": rows["article_id"].astype(str).to_numpy(),
                        "sentence_id": rows["sentence_id"].astype(str).to_numpy(),
                        "start": rows["start"].astype("int64").to_numpy(),
                        "end": rows["end"].astype("int64").to_numpy()})
    if "corrected" in rows:
        out["corrected"] = rows["corrected"].to_numpy()
    return out


def spot_check(corpus, tables: tuple[str, ...] = ("stances", "quotes"), per_table: int = 5,
               seed: int = SEED) -> tuple[pd.DataFrame, str]:
    """Up to ``per_table`` rows of each of ``tables`` drawn at random (seeded), and a
    sentence saying what the sample is. ``sentence`` is the text of the row's sentence."""
    sentences = corpus.sentences.set_index("sentence_id")["text"]
    parts, said = [], []
    for name in tables:
        rows = _findings(corpus, name).sort_values(["article_id", "start", "finding"], kind="stable")
        rows = rows.reset_index(drop=True)
        draw = sorted(random.Random(f"{seed}:{name}").sample(range(len(rows)), min(per_table, len(rows))))
        parts.append(rows.iloc[draw])
        said.append(f"{len(draw)} of the {len(rows)} {_ROW_NAMES[name]} rows")
    sample = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=COLUMNS)
    sample["sentence"] = sample["sentence_id"].map(sentences).astype(object)
    columns = COLUMNS + (["corrected"] if "corrected" in sample else [])
    text = (f"To check by hand: {', '.join(said)}, drawn at random with seed {seed} (the same rows on "
            "every run of this corpus). Each names the rule that produced it and where its sentence "
            "is (article, sentence id, character offsets); a wrong row can be put right in "
            "corrections.csv beside the manifest.")
    return sample[columns].reset_index(drop=True), text
