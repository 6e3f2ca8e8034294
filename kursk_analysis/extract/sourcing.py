"""Who each article leans on: named versus anonymous sources.

A *source* here is an attribution of information to someone: "X said", "according to X",
"X told reporters", "X concluded" (the speech frames found by :func:`quotes.speech_frames`).
A possessive frame ("Putin's claim") describes a claim rather than cites a source, and a
frame whose speaker could not be resolved cannot be classed, so neither is counted. Whether
a source is anonymous comes from the gazetteer's ``anonymous`` column ("a U.S. official",
"two Western officials"); a speaker named in the text but not in the gazetteer is named.
"""
from __future__ import annotations

import pandas as pd

from kursk_analysis import pipeline
from kursk_analysis.extract.actors import study_table
from kursk_analysis.extract.quotes import speech_frames

SOURCING_FRAMES = ("verb", "inverted", "coordinated", "aside", "passive")


def sources(corpus) -> pd.DataFrame:
    """One row per attribution to a resolved source, with its kind, side and anonymity."""
    return pipeline.memo(corpus, "sources", lambda: _sources(corpus))


def _sources(corpus) -> pd.DataFrame:
    frames = speech_frames(corpus)
    frames = frames[frames["frame"].isin(SOURCING_FRAMES) & frames["actor"].notna()]
    known = study_table(corpus).drop_duplicates("actor").set_index("actor")[["kind", "side", "anonymous"]]
    table = frames.join(known, on="actor")
    table["anonymous"] = table["anonymous"].fillna(False).astype(bool)
    table["kind"] = table["kind"].astype("object").fillna("unlisted")
    table["side"] = table["side"].astype("object").fillna("unknown")
    columns = ["article_id", "sentence_id", "start", "end", "verb", "subject_text",
               "actor", "kind", "side", "anonymous"]
    return table[columns].astype({"actor": "str", "subject_text": "str"}).reset_index(drop=True)


def sourcing_summary(corpus) -> pd.DataFrame:
    """Per article: attributions to named and to anonymous sources, and the distinct sources."""
    table = sources(corpus)
    ids = corpus.articles["id"]

    def count(mask: pd.Series) -> pd.Series:
        return ids.map(table[mask].groupby("article_id").size()).fillna(0).astype("int64")

    def names(mask: pd.Series) -> pd.Series:
        listed = table[mask].groupby("article_id")["actor"].agg(lambda s: "; ".join(sorted(set(s))))
        return ids.map(listed).fillna("").astype("str")  # str even when no article has any

    summary = pd.DataFrame({"article_id": ids, "outlet": corpus.articles["outlet"]})
    summary["named"] = count(~table["anonymous"])
    summary["anonymous"] = count(table["anonymous"])
    total = summary["named"] + summary["anonymous"]
    summary["share_anonymous"] = (summary["anonymous"] / total.where(total > 0)).round(2)
    summary["named_sources"] = names(~table["anonymous"])
    summary["anonymous_sources"] = names(table["anonymous"])
    return summary
