"""The area Ukraine held in Kursk over time, as the articles report it, set against outside reports.

Notebook 02 (``notebooks/02_territory_timeline.ipynb``) is a thin layer over this module:
pure functions from frames to tidy frames, plotting functions that draw on a given Axes and
return it, and one widget explorer.

The steps, in the notebook's order:

1. :func:`figure_table`: every territory figure with its outlet, sentence, claimant and
   claimant group (:data:`CLAIMANT_GROUPS`, from the gazetteer's ``side``), ``as_of``
   date, qualifier and range; :func:`select_figures` applies the notebook's ``start``/
   ``end`` (on ``as_of``) and ``actors`` (on the claimant's gazetteer name).
2. :func:`choose_baseline`: the area that 100 % stands for. Never guessed: the
   ``baseline_km2`` parameter when given, else the corpus' own peak figure (the largest area
   any article says was held or seized), else none, and then percentages stay off the chart.
3. :func:`held_areas`: one row per figure with the area held it states or implies, in the
   chosen unit, as a range (``held_low``/``held_high``; an open side stays NaN, never a
   midpoint). Areas held or seized are taken as written; a share held is share x baseline; a
   share or an area lost or retaken is baseline minus it. ``baseline_dependent`` marks the
   rows a baseline moves; rows that cannot be placed say why in ``note``.
4. :func:`events`: key events dated from the extraction layer, not typed in: sentences that
   match a cue of :data:`EVENT_CATALOGUE` are dated by the time expression nearest the cue
   in the same sentence, and the first dated assertion of the encirclement claim comes from
   :func:`kursk_analysis.extract.stance.stances`.
5. :func:`reference_held` and :func:`compare_with_reference`: the external series of
   ``data/reference/`` as areas held, and each article figure paired with the reference
   figure nearest in time. The reference rows are claims too (armies, map projects,
   newspapers), not ground truth: the comparison shows disagreement, not error.
6. :func:`baseline_options` / :func:`baseline_sensitivity`: how the baseline moves the
   percentage-derived points; :func:`headline` / :func:`headline_text`: the numbers the
   notebook prints; :func:`timeline_explorer`: unit and baseline widgets redrawing the chart.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from kursk_analysis import lexicon
from kursk_analysis.analyses import charts
from kursk_analysis.corpus import corrections
from kursk_analysis.extract.actors import find_mentions, gazetteer, matcher, study_table
from kursk_analysis.extract.figures import km2_factors
from kursk_analysis.analyses.selection import for_actors, in_period, undated_note
from kursk_analysis.corpus.text import fold

UNIT_LABELS = {"sq_mi": "sq mi", "km2": "km²"}
CLAIMANT_GROUPS = ["Russian officials", "Ukrainian officials", "US officials",
                   "European officials", "open-source monitors / independent", "other",
                   "unattributed"]
_SIDE_GROUPS = {"Russia": "Russian officials", "Ukraine": "Ukrainian officials",
                "United States": "US officials", "Europe": "European officials",
                "independent": "open-source monitors / independent"}
# A claimant the gazetteer does not know ("Russia", "Russian forces"): its side from its words.
_SIDE_WORDS = (("Russia", re.compile(r"(?i)\b(?:russia\w*|moscow|kremlin)\b")),
               ("Ukraine", re.compile(r"(?i)\b(?:ukrain\w*|kyiv\w*)\b")),
               ("United States", re.compile(r"(?i)\b(?:u\.s\.|us|american|washington|pentagon)\b")))

# Reference baselines (data/reference/README.md): the peak areas that Russian and Ukrainian
# officials imply differ, "about 1,250 to 1,376 km2". Shown next to the chosen baseline so a
# reader sees how far the choice moves the percentage-derived points.
REFERENCE_BASELINES = (("low end implied by officials (reference README)", 1250.0),
                       ("Ukrainian General Staff's stated peak (reference README)", 1376.0))

# A frontline holding is at most a few thousand km²: Ukraine's own peak claim in Kursk was
# about 1,376 km², and the whole Kursk region is about 30,000 km². An area above this bound
# is the size of a region (a sentence giving the region's size, "the 29,997 km² oblast"), not
# ground held, so it is never taken as the peak nor charted as an area held.
MAX_FRONTLINE_KM2 = 5_000.0

FIGURE_COLUMNS = ["as_of", "outlet", "claimant", "claimant_group", "claimant_source",
                  "direction", "qualifier", "value_low", "value_high", "unit", "figure",
                  "sentence", "article_id", "sentence_id", "start", "end", "as_of_basis",
                  "published", "claimant_actor", "km2_low", "km2_high"]
HELD_COLUMNS = ["as_of", "outlet", "claimant", "claimant_group", "figure", "direction",
                "basis", "baseline_dependent", "baseline_km2", "held_low", "held_high", "unit",
                "note", "article_id", "sentence_id", "start", "claimant_actor",
                "held_km2_low", "held_km2_high"]
EVENT_COLUMNS = ["number", "event", "label", "date_start", "date_end", "granularity",
                 "source", "n_articles", "time_text", "article_id", "sentence_id", "evidence"]
REFERENCE_COLUMNS = ["date", "date_precision", "claimant", "claimant_group", "kind", "measure",
                     "figure", "basis", "baseline_dependent", "baseline_km2", "held_low",
                     "held_high", "unit", "note", "line", "held_km2_low", "held_km2_high"]
COMPARISON_COLUMNS = ["as_of", "outlet", "claimant", "figure", "held_low", "held_high",
                      "ref_date", "ref_claimant", "ref_figure", "ref_low", "ref_high",
                      "days_apart", "diff_low", "diff_high", "ranges_overlap", "unit",
                      "article_id", "sentence_id", "ref_line"]


def km2_per(unit: str) -> float:
    """km² in one ``unit`` (``sq_mi`` or ``km2``), from pint."""
    if unit not in UNIT_LABELS:
        raise ValueError(f"Unit {unit!r} is not one of {', '.join(UNIT_LABELS)}.")
    return km2_factors()[unit]


def in_unit(km2, unit: str):
    return km2 / km2_per(unit)


def format_area(value: float, unit: str | None = None) -> str:
    """A number as a reader would write it: 1,295 / 20 / 181.3."""
    if value is None or not np.isfinite(value):
        return "?"
    text = f"{value:,.0f}" if abs(value) >= 100 or float(value).is_integer() else f"{value:,.1f}"
    return f"{text} {UNIT_LABELS.get(unit, unit)}" if unit else text


def range_text(low: float, high: float, unit: str | None = None) -> str:
    """"20 to 30 sq mi", "500 sq mi", "under 100 km²", "at least 200 sq mi"."""
    suffix = f" {UNIT_LABELS.get(unit, unit)}" if unit else ""
    low_ok, high_ok = np.isfinite(low), np.isfinite(high)
    if low_ok and high_ok:
        if round(low, 1) == round(high, 1):
            return format_area(low) + suffix
        return f"{format_area(low)} to {format_area(high)}{suffix}"
    if high_ok:
        return f"under {format_area(high)}{suffix}"
    if low_ok:
        return f"at least {format_area(low)}{suffix}"
    return "?"


# ----------------------------------------------------------------------------- 1. figures


def claimant_group(claimant: str | None, table: pd.DataFrame | None = None,
                   path=None) -> tuple:
    """``(gazetteer actor or None, group, "named"/"anonymous"/"")`` for a claimant phrase.

    The phrase is looked up as a canonical name, then matched against the gazetteer's
    aliases and patterns ("the Washington-based Institute for the Study of War"); a phrase
    the gazetteer does not know falls back on its words ("Russia" -> Russian officials).
    """
    if claimant is None or (isinstance(claimant, float) and np.isnan(claimant)) or not str(claimant).strip():
        return None, "unattributed", ""
    table = gazetteer(path) if table is None else table
    by_name = table.set_index("actor")
    actor = claimant if claimant in by_name.index else None
    if actor is None:
        found = find_mentions(fold(str(claimant)), matcher(path))
        if found:
            actor = str(table["actor"].iloc[found[0][2]])
    if actor is not None and actor in by_name.index:
        row = by_name.loc[actor]
        source = "anonymous" if bool(row["anonymous"]) else "named"
        return actor, _SIDE_GROUPS.get(str(row["side"]), "other"), source
    for side, words in _SIDE_WORDS:
        if words.search(str(claimant)):
            return None, _SIDE_GROUPS[side], "anonymous"
    return None, "other", "anonymous"


def figure_table(corpus, figures: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every territory figure with outlet, sentence, claimant group and provenance.

    One row per figure of :func:`kursk_analysis.extract.figures.territory_figures` (computed when
    ``figures`` is None), ordered by ``as_of`` (undated last), article and position.
    ``claimant_actor`` is the claimant's gazetteer name (None when unknown),
    ``claimant_group`` one of :data:`CLAIMANT_GROUPS`, ``claimant_source`` named/anonymous.
    """
    from kursk_analysis.extract.figures import territory_figures

    figures = territory_figures(corpus) if figures is None else figures
    articles = corpus.articles[["id", "outlet", "published"]].rename(columns={"id": "article_id"})
    sentences = corpus.sentences[["sentence_id", "text"]].rename(columns={"text": "sentence"})
    out = (figures.rename(columns={"text": "figure"})
           .merge(articles, on="article_id", how="left")
           .merge(sentences, on="sentence_id", how="left"))
    table = study_table(corpus)
    path = getattr(corpus, "gazetteer", None)
    looked_up = [claimant_group(c, table, path) for c in out["claimant"].tolist()]
    out["claimant_actor"] = pd.Series([g[0] for g in looked_up], index=out.index, dtype="object")
    out["claimant_group"] = pd.Categorical([g[1] for g in looked_up], categories=CLAIMANT_GROUPS)
    out["claimant_source"] = pd.Series([g[2] for g in looked_up], index=out.index, dtype="str")
    out["published"] = pd.to_datetime(out["published"]).astype("datetime64[ns]")
    out = out.sort_values(["as_of", "article_id", "start"], na_position="last", kind="stable")
    return out[FIGURE_COLUMNS + corrections.marked(out)].reset_index(drop=True)


def select_figures(table: pd.DataFrame, params) -> pd.DataFrame:
    """The figures within the parameters' period (on ``as_of``) and of the chosen claimants."""
    kept = for_actors(in_period(table, params, "as_of"), params, column="claimant_actor")
    return kept.reset_index(drop=True)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def selection_summary(table: pd.DataFrame, selected: pd.DataFrame, params) -> str:
    """One or two sentences saying how many figures there are and which were kept."""
    if table.empty:
        return ("The corpus has no territory figures (no areas or shares of territory), "
                "so there is nothing to chart.")
    parts = [f"{_count(len(table), 'territory figure')} in "
             f"{_count(table['article_id'].nunique(), 'article')}"]
    undated = int(table["as_of"].isna().sum())
    if undated:
        peak = int((table["as_of"].isna() & table["as_of_basis"].eq("peak")).sum())
        why = [text for n, text in ((peak, f"{peak} dated only 'at the peak'"),
                                    (undated - peak, f"{undated - peak} in articles without a day "
                                                     "of publication")) if n]
        parts.append(f"{undated} without a date ({', '.join(why)})")
    text = "; ".join(parts) + "."
    if params.start or params.end or params.actors:
        period = ("any date" if params.start is None and params.end is None
                  else f"{params.start or 'the start'} to {params.end or 'the end'}")
        who = ", ".join(params.actors) if params.actors else "all claimants"
        text += f" Kept {len(selected)} for {period}, claimed by {who}."
        note = undated_note(table, params, "as_of", "figure")
        text += f" {note}" if note else ""
    else:
        text += f" All {len(selected)} kept (no period or actors chosen)."
    return text


# ----------------------------------------------------------------------------- 2. baseline


@dataclass(frozen=True)
class Baseline:
    """The area (km²) that 100 % stands for, and where it comes from.

    ``source`` is ``parameter`` (the notebook's ``baseline_km2``), ``corpus peak`` (the
    largest area an article says was held or seized: its figure, sentence and claimant are
    kept) or ``none`` (no parameter and no area figure: shares cannot become areas).
    """

    km2: float | None
    source: str
    figure: str | None = None
    article_id: str | None = None
    sentence_id: str | None = None
    outlet: str | None = None
    claimant: str | None = None
    as_of: pd.Timestamp | None = None
    # Area figures above MAX_FRONTLINE_KM2 passed over as region-sized: (figure, sentence_id).
    ignored: tuple[tuple[str, str], ...] = ()


def choose_baseline(table: pd.DataFrame, baseline_km2: float | None = None) -> Baseline:
    """The baseline to turn shares into areas: the parameter, else the corpus' peak figure.

    ``table`` is :func:`figure_table` over the whole corpus (not the filtered selection:
    the peak is a property of the coverage, not of the period looked at). Areas larger
    than :data:`MAX_FRONTLINE_KM2` are region-sized, not a frontline holding: they are
    passed over and listed in ``ignored``.
    """
    if baseline_km2 is not None:
        value = float(baseline_km2)
        if not np.isfinite(value) or value <= 0:
            raise ValueError(f"baseline_km2 is {baseline_km2!r}; it must be a positive area in km².")
        return Baseline(value, "parameter")
    areas = table[table["unit"].astype("object").isin(["sq_mi", "km2"])
                  & table["direction"].astype("object").isin(["held", "seized"])]
    # A vague "hundreds of" has no high value; its low is what it claims at least.
    size = areas["km2_high"].fillna(areas["km2_low"])
    areas = areas.assign(_size=size).dropna(subset=["_size"])
    region_sized = areas[areas["_size"] > MAX_FRONTLINE_KM2]
    ignored = tuple(zip(region_sized["figure"].astype(str), region_sized["sentence_id"].astype(str)))
    areas = areas[areas["_size"] <= MAX_FRONTLINE_KM2]
    if areas.empty:
        return Baseline(None, "none", ignored=ignored)
    peak = areas.sort_values(["_size", "as_of", "article_id", "start"],
                             ascending=[False, True, True, True], kind="stable").iloc[0]
    return Baseline(float(peak["_size"]), "corpus peak", figure=str(peak["figure"]),
                    article_id=str(peak["article_id"]), sentence_id=str(peak["sentence_id"]),
                    outlet=None if pd.isna(peak["outlet"]) else str(peak["outlet"]),
                    claimant=None if peak["claimant"] is None else str(peak["claimant"]),
                    as_of=peak["as_of"], ignored=ignored)


def _ignored_text(baseline: Baseline) -> str:
    if not baseline.ignored:
        return ""
    shown = "; ".join(f"\"{figure}\" ({sid})" for figure, sid in baseline.ignored[:3])
    more = f" and {len(baseline.ignored) - 3} more" if len(baseline.ignored) > 3 else ""
    return (f" Passed over as region-sized (over {MAX_FRONTLINE_KM2:,.0f} km², larger than any "
            f"frontline holding): {shown}{more}.")


def describe_baseline(baseline: Baseline, unit: str) -> str:
    """One sentence stating the baseline, in km² and in ``unit``, and where it comes from."""
    if baseline.km2 is None:
        return ("No baseline: the corpus has no area figure to take the peak from and "
                "`baseline_km2` is None, so percentages are not turned into areas "
                "(set `baseline_km2` to place them)." + _ignored_text(baseline))
    amount = format_area(baseline.km2, "km2")
    if unit != "km2":
        amount += f" ({format_area(in_unit(baseline.km2, unit), unit)})"
    if baseline.source == "parameter":
        return f"Baseline for percentages: {amount}, set by the `baseline_km2` parameter."
    who = f", according to {baseline.claimant}" if baseline.claimant else ""
    return (f"Baseline for percentages: {amount}, the corpus' own peak figure (the largest area "
            f"held or seized, up to {MAX_FRONTLINE_KM2:,.0f} km²): \"{baseline.figure}\" "
            f"({baseline.outlet}, sentence {baseline.sentence_id}{who})." + _ignored_text(baseline))


def _baseline_km2(baseline) -> float | None:
    if isinstance(baseline, Baseline):
        return baseline.km2
    return None if baseline is None else float(baseline)


def baseline_label(baseline: Baseline, unit: str) -> str:
    """Short text for a chart: "baseline 1,295 km² (500 sq mi), corpus peak"."""
    if baseline.km2 is None:
        return "no baseline: percentages not placed"
    amount = format_area(baseline.km2, "km2")
    if unit != "km2":
        amount += f" ({format_area(in_unit(baseline.km2, unit), unit)})"
    return f"baseline {amount}, {baseline.source}"


# ----------------------------------------------------------------------------- 3. held areas


def _finish_held(out: pd.DataFrame, factor: float, unit: str) -> pd.DataFrame:
    """Dtypes and the unit conversion shared by the article and the reference held tables."""
    for column in ("held_km2_low", "held_km2_high", "baseline_km2"):
        out[column] = out[column].astype("float64")
    out["held_low"] = (out["held_km2_low"] / factor).round(1)
    out["held_high"] = (out["held_km2_high"] / factor).round(1)
    for column in ("held_km2_low", "held_km2_high", "baseline_km2"):
        out[column] = out[column].round(1)
    out["unit"] = unit
    out["baseline_dependent"] = out["baseline_dependent"].astype("bool")
    out["claimant_group"] = pd.Categorical(out["claimant_group"], categories=CLAIMANT_GROUPS)
    return out


def held_areas(table: pd.DataFrame, baseline, unit: str) -> pd.DataFrame:
    """The area held that each figure states or implies, in ``unit``, as a low/high range.

    ``table`` is :func:`figure_table` (or its selection); ``baseline`` a :class:`Baseline`,
    a number of km² or None. Rules (``basis`` names the one applied):

    - an area held: as written; an area seized: the area held at its ``as_of`` (the peak,
      unless the sentence dates it);
    - a share held: share x baseline; a share lost or retaken: baseline x (1 - share);
    - an area lost or retaken: baseline - area (clipped at 0, with a note);
    - a bound ("under 20 sq mi") keeps its open side NaN; a share "under 20% lost" is
      "at least 80% held" and so on, reversed.

    Rows that cannot be placed (no direction, a share with no baseline, no date) stay in
    the frame with NaN areas and a ``note`` saying why. ``baseline_dependent`` is True for
    rows a baseline moves.
    """
    base = _baseline_km2(baseline)
    factor = km2_per(unit)
    rows = []
    for row in table.itertuples(index=False):
        written = str(row.unit)
        direction = None if pd.isna(row.direction) else str(row.direction)
        low, high = np.nan, np.nan
        note, basis, dependent = "", "", False
        if written == "percent":
            dependent = True
            share_low, share_high = row.value_low / 100, row.value_high / 100
            if direction == "held":
                basis = "share held x baseline"
                low, high = (share_low * base, share_high * base) if base else (np.nan, np.nan)
            elif direction in ("lost", "retaken"):
                basis = f"baseline - share {direction}"
                if base:
                    low = base * (1 - share_high) if np.isfinite(share_high) else np.nan
                    high = base * (1 - (share_low if np.isfinite(share_low) else 0.0))
            else:
                basis = "share seized (not an area held)" if direction == "seized" else "share, no direction"
                note = "a share seized or without a verb says nothing about the area held"
            if basis.startswith(("share held", "baseline")) and not base:
                note = "a share needs a baseline to become an area; none was given or derived"
        else:
            km2_low, km2_high = row.km2_low, row.km2_high
            size = km2_high if np.isfinite(km2_high) else km2_low
            if np.isfinite(size) and size > MAX_FRONTLINE_KM2:
                basis = "region-sized area"
                note = (f"over {MAX_FRONTLINE_KM2:,.0f} km²: the size of a region, not ground "
                        "held at a front line")
            elif direction in ("held", "seized"):
                basis = "area held" if direction == "held" else "area seized = held at the time"
                low, high = km2_low, km2_high
            elif direction in ("lost", "retaken"):
                dependent = True
                basis = f"baseline - area {direction}"
                if base:
                    low = base - km2_high if np.isfinite(km2_high) else np.nan
                    high = base - (km2_low if np.isfinite(km2_low) else 0.0)
                    if high < 0 or (np.isfinite(low) and low < 0):
                        note = "the baseline is smaller than the area said lost; clipped at 0"
                        low, high = (max(low, 0.0) if np.isfinite(low) else low), max(high, 0.0)
                else:
                    note = "an area lost needs a baseline to give the area held; none was given"
            else:
                basis = "area, no direction"
                note = "no verb says whether the area was held, seized or lost"
        if pd.isna(row.as_of) and not note:
            note = ("no date: dated only 'at the peak', which has no day of its own"
                    if getattr(row, "as_of_basis", None) == "peak" else
                    "no date: the article has no publication date known to the day")
        rows.append({"as_of": row.as_of, "outlet": row.outlet, "claimant": row.claimant,
                     "claimant_group": row.claimant_group, "figure": row.figure,
                     "direction": direction, "basis": basis, "baseline_dependent": dependent,
                     "baseline_km2": base if dependent and base else np.nan,
                     "held_km2_low": low, "held_km2_high": high, "note": note,
                     "article_id": row.article_id, "sentence_id": row.sentence_id,
                     "start": row.start, "claimant_actor": row.claimant_actor})
    out = pd.DataFrame(rows, columns=[c for c in HELD_COLUMNS if c not in ("held_low", "held_high", "unit")])
    out["as_of"] = pd.to_datetime(out["as_of"]).astype("datetime64[ns]")
    out = _finish_held(out, factor, unit)
    out["claimant"] = out["claimant"].astype("object").where(out["claimant"].notna(), None)
    return out[HELD_COLUMNS].reset_index(drop=True)


def placed(held: pd.DataFrame) -> pd.DataFrame:
    """Rows of a held-area frame that can go on a chart: dated, with at least one bound."""
    keep = held["as_of"].notna() & (held["held_low"].notna() | held["held_high"].notna())
    return held[keep]


def unplaced_summary(held: pd.DataFrame) -> str:
    """Which figures are not on the chart and why (one line each), or that all are."""
    if held.empty:
        return "No territory figures to place."
    left = held.drop(placed(held).index)
    if left.empty:
        return f"All {len(held)} figures are placed on the chart."
    lines = [f"{len(held) - len(left)} of {len(held)} figures are placed on the chart; "
             f"{len(left)} cannot be:"]
    for row in left.itertuples(index=False):
        lines.append(f"- \"{row.figure}\" ({row.outlet}, {row.sentence_id}): {row.note}")
    return "\n".join(lines)


# ----------------------------------------------------------------------------- 4. events


# The events and their cues are data: rules/events.yaml (read by lexicon.event_cues).
EventCue = lexicon.EventCue
EVENT_CATALOGUE = lexicon.event_cues()
# Granularities precise enough to date an event; ranges ("since August") and vague spans
# ("in recent days") are not.
_DATING = {"day", "weekend", "week", "month", "season", "year"}


def events(corpus, catalogue=EVENT_CATALOGUE) -> pd.DataFrame:
    """Key events found in the corpus, each dated from the articles themselves.

    For each cue of ``catalogue``, every sentence matching it gives a candidate date: the
    time expression of :func:`kursk_analysis.extract.timex.time_expressions` nearest the cue in
    that sentence (day to year precision, resolved). Across sentences the date chosen is
    the one most articles support (a coarser date containing it counts as support: "last
    summer" supports "August"), then the most precise, then the earliest. The first dated
    assertion of the encirclement claim (:func:`kursk_analysis.extract.stance.stances`) is added as
    an event too. One row per event, numbered in date order, with the evidence sentence.
    """
    from kursk_analysis.extract.stance import stances
    from kursk_analysis.extract.timex import time_expressions

    timex = time_expressions(corpus)
    timex = timex[timex["granularity"].astype("object").isin(_DATING) & timex["date_start"].notna()]
    by_sentence: dict[str, list[dict]] = {}
    for record in timex.to_dict("records"):
        by_sentence.setdefault(record["sentence_id"], []).append(record)
    sentences = corpus.sentences
    rows = []
    for entry in catalogue:
        pattern = re.compile(entry.cue, re.IGNORECASE | re.DOTALL)
        candidates = []
        for sid, aid, start, text in zip(sentences["sentence_id"], sentences["article_id"],
                                         sentences["start"], sentences["text"]):
            if sid not in by_sentence:
                continue
            match = pattern.search(text)
            if match is None:
                continue
            spans = [match.span(g) for g in ("at", "at2") if g in pattern.groupindex and match.group(g)]
            at = spans[0] if spans else match.span()
            where = start + (at[0] + at[1]) / 2
            # The nearest time expression; the first of equals, in text order.
            nearest = min(by_sentence[sid], key=lambda t: abs((t["start"] + t["end"]) / 2 - where))
            candidates.append((aid, sid, text, nearest))
        if candidates:
            rows.append(_choose_date(entry, candidates))
    rows.extend(_stance_events(stances(corpus), sentences))
    out = pd.DataFrame(rows, columns=EVENT_COLUMNS[1:])
    for column in ("date_start", "date_end"):
        out[column] = pd.to_datetime(out[column]).astype("datetime64[ns]")
    out["n_articles"] = out["n_articles"].astype("int64")
    out = out.sort_values(["date_start", "date_end", "event"], kind="stable").reset_index(drop=True)
    out.insert(0, "number", np.arange(1, len(out) + 1, dtype="int64"))
    return out[EVENT_COLUMNS]


def _choose_date(entry: EventCue, candidates: list) -> dict:
    intervals = {}
    for aid, sid, text, t in candidates:
        key = (t["date_start"], t["date_end"])
        intervals.setdefault(key, (aid, sid, text, t))
    scored = []
    for (first, last), example in intervals.items():
        support = {aid for aid, _, _, t in candidates
                   if t["date_start"] <= first and last <= t["date_end"]}
        scored.append((-len(support), last - first, first, example, len(support)))
    scored.sort(key=lambda s: (s[0], s[1], s[2]))
    _, _, _, (aid, sid, text, t), support = scored[0]
    return {"event": entry.event, "label": entry.label, "date_start": t["date_start"],
            "date_end": t["date_end"], "granularity": str(t["granularity"]),
            "source": "time expression", "n_articles": support, "time_text": str(t["text"]),
            "article_id": aid, "sentence_id": sid, "evidence": text}


def _stance_events(stance_rows: pd.DataFrame, sentences: pd.DataFrame) -> list[dict]:
    """The first dated assertion of the encirclement claim, as an event."""
    asserted = stance_rows[(stance_rows["stance"] == "asserts") & stance_rows["date"].notna()]
    if asserted.empty:
        return []
    first = asserted.sort_values(["date", "article_id", "start", "actor"], kind="stable").iloc[0]
    text = sentences.set_index("sentence_id")["text"].get(first["sentence_id"], first["evidence"])
    return [{"event": "encirclement_claim",
             "label": f"Encirclement first claimed ({first['actor']})",
             "date_start": first["date"], "date_end": first["date"], "granularity": "day",
             "source": "stance", "n_articles": int(asserted.loc[asserted["date"] == first["date"],
                                                                "article_id"].nunique()),
             "time_text": str(first["date_basis"]), "article_id": first["article_id"],
             "sentence_id": first["sentence_id"], "evidence": text}]


def select_events(table: pd.DataFrame, params) -> pd.DataFrame:
    """Events overlapping the parameters' period, renumbered."""
    keep = pd.Series(True, index=table.index)
    if params.start is not None:
        keep &= table["date_end"] >= pd.Timestamp(params.start)
    if params.end is not None:
        keep &= table["date_start"] <= pd.Timestamp(params.end)
    out = table[keep].reset_index(drop=True)
    return out.assign(number=np.arange(1, len(out) + 1, dtype="int64"))


# ----------------------------------------------------------------------------- 5. reference


def reference_held(reference: pd.DataFrame, baseline, unit: str) -> pd.DataFrame:
    """The reference series (:func:`kursk_analysis.corpus.reference.reference_figures`) as areas held.

    Same rules as :func:`held_areas` (an area or share retaken is baseline minus it), the
    same ``unit`` and baseline, one row per report. ``claimant_group`` follows the report's
    ``kind`` and ``claimant_side`` (an osint map is an open-source monitor whatever its side).
    These rows are claims by armies, map projects and newspapers, not ground truth.
    """
    base = _baseline_km2(baseline)
    factor = km2_per(unit)
    rows = []
    for row in reference.itertuples(index=False):
        written, measure = str(row.unit), str(row.measure)
        low, high, note, dependent = np.nan, np.nan, "", False
        if measure == "held" and written != "percent":
            basis = "area held"
            low, high = row.km2_low, row.km2_high
        elif measure == "held":
            dependent, basis = True, "share held x baseline"
            if base:
                low, high = row.value_low / 100 * base, row.value_high / 100 * base
        else:
            dependent = True
            basis = f"baseline - {'share' if written == 'percent' else 'area'} retaken"
            gone_low, gone_high = ((row.value_low / 100 * base, row.value_high / 100 * base)
                                   if written == "percent" and base else (row.km2_low, row.km2_high))
            if base:
                low = base - gone_high if np.isfinite(gone_high) else np.nan
                high = base - (gone_low if np.isfinite(gone_low) else 0.0)
        if dependent and not base:
            note = "needs a baseline; none was given or derived"
        if str(row.kind) == "osint map":
            group = "open-source monitors / independent"
        else:
            group = _SIDE_GROUPS.get(str(row.claimant_side), "other")
        figure = range_text(row.value_low, row.value_high,
                             "%" if written == "percent" else written).replace(" %", "%")
        rows.append({"date": row.date, "date_precision": str(row.date_precision),
                     "claimant": row.claimant, "claimant_group": group, "kind": str(row.kind),
                     "measure": measure, "figure": f"{figure} {measure}", "basis": basis,
                     "baseline_dependent": dependent,
                     "baseline_km2": base if dependent and base else np.nan,
                     "held_km2_low": low, "held_km2_high": high, "note": note,
                     "line": row.line})
    out = pd.DataFrame(rows, columns=[c for c in REFERENCE_COLUMNS if c not in ("held_low", "held_high", "unit")])
    out["date"] = pd.to_datetime(out["date"]).astype("datetime64[ns]")
    out = _finish_held(out, factor, unit)
    out["line"] = out["line"].astype("int64")
    return out[REFERENCE_COLUMNS].reset_index(drop=True)


def select_reference(reference: pd.DataFrame, params) -> pd.DataFrame:
    """Reference rows within the parameters' period (actors do not apply: it is the yardstick)."""
    return in_period(reference, params, "date").reset_index(drop=True)


def compare_with_reference(held: pd.DataFrame, reference: pd.DataFrame) -> pd.DataFrame:
    """Each placed article figure next to the reference figure nearest in time.

    Nearest by days between ``as_of`` and the reference ``date`` (ties: the earlier report).
    The difference of two ranges is a range: ``diff_low`` = article low - reference high,
    ``diff_high`` = article high - reference low; an open side is read as what the claim
    allows (an area is never below 0; "at least" has no upper end), so a side left open
    stays NaN. ``ranges_overlap`` says whether the two claims can both be true.
    """
    articles = placed(held)
    refs = placed(reference.rename(columns={"date": "as_of"})).rename(columns={"as_of": "date"})
    rows = []
    nearest_on: dict = {}  # as_of -> the nearest reference row: found once per day, not per figure
    for row in articles.itertuples(index=False):
        if refs.empty:
            break
        if row.as_of not in nearest_on:
            days = (refs["date"] - row.as_of).dt.days
            order = pd.DataFrame({"gap": days.abs(), "date": refs["date"], "line": refs["line"]})
            nearest_on[row.as_of] = refs.loc[order.sort_values(["gap", "date", "line"], kind="stable").index[0]]
        nearest = nearest_on[row.as_of]
        a_low = row.held_low if np.isfinite(row.held_low) else 0.0
        a_high = row.held_high if np.isfinite(row.held_high) else np.inf
        r_low = nearest["held_low"] if np.isfinite(nearest["held_low"]) else 0.0
        r_high = nearest["held_high"] if np.isfinite(nearest["held_high"]) else np.inf
        diff_low, diff_high = a_low - r_high, a_high - r_low
        rows.append({"as_of": row.as_of, "outlet": row.outlet, "claimant": row.claimant,
                     "figure": row.figure, "held_low": row.held_low, "held_high": row.held_high,
                     "ref_date": nearest["date"], "ref_claimant": nearest["claimant"],
                     "ref_figure": nearest["figure"], "ref_low": nearest["held_low"],
                     "ref_high": nearest["held_high"],
                     "days_apart": int((row.as_of - nearest["date"]).days),
                     "diff_low": diff_low if np.isfinite(diff_low) else np.nan,
                     "diff_high": diff_high if np.isfinite(diff_high) else np.nan,
                     "ranges_overlap": bool(a_low <= r_high and r_low <= a_high),
                     "unit": row.unit, "article_id": row.article_id,
                     "sentence_id": row.sentence_id, "ref_line": int(nearest["line"])})
    out = pd.DataFrame(rows, columns=COMPARISON_COLUMNS)
    for column in ("as_of", "ref_date"):
        out[column] = pd.to_datetime(out[column]).astype("datetime64[ns]")
    for column in ("held_low", "held_high", "ref_low", "ref_high", "diff_low", "diff_high"):
        out[column] = out[column].astype("float64").round(1)
    out["days_apart"] = out["days_apart"].astype("int64")
    out["ranges_overlap"] = out["ranges_overlap"].astype("bool")
    return out


def comparison_summary(comparison: pd.DataFrame) -> str:
    """How many article figures agree (overlap) with the nearest reference report."""
    if comparison.empty:
        return "No article figure could be paired with a reference report (none placed in this period)."
    agree = int(comparison["ranges_overlap"].sum())
    return (f"{agree} of {len(comparison)} article figures overlap the nearest reference report; "
            f"median gap {int(comparison['days_apart'].abs().median())} days. Both sides are "
            "claims: a gap shows disagreement, not which one is wrong.")


# ----------------------------------------------------------------------------- 6. baselines


def baseline_options(chosen: Baseline) -> pd.DataFrame:
    """The baselines to compare: the chosen one, and the range the reference README gives."""
    rows = []
    if chosen.km2 is not None:
        label = "corpus peak" if chosen.source == "corpus peak" else "parameter baseline_km2"
        rows.append({"baseline": label, "baseline_km2": chosen.km2, "chosen": True})
    for label, value in REFERENCE_BASELINES:
        if chosen.km2 is None or abs(value - chosen.km2) > 0.5:
            rows.append({"baseline": label, "baseline_km2": value, "chosen": False})
    out = pd.DataFrame(rows, columns=["baseline", "baseline_km2", "chosen"])
    out = out.sort_values("baseline_km2", kind="stable").reset_index(drop=True)
    out["baseline_km2"] = out["baseline_km2"].astype("float64").round(1)
    return out


def baseline_sensitivity(table: pd.DataFrame, options: pd.DataFrame, unit: str) -> pd.DataFrame:
    """The baseline-dependent held areas under each baseline of ``options`` (long, tidy)."""
    parts = []
    for option in options.itertuples(index=False):
        held = held_areas(table, option.baseline_km2, unit)
        held = placed(held[held["baseline_dependent"]])
        parts.append(held.assign(baseline=option.baseline, baseline_km2=option.baseline_km2,
                                 chosen=option.chosen))
    columns = ["baseline", "baseline_km2", "chosen", "as_of", "outlet", "claimant", "figure",
               "held_low", "held_high", "unit", "article_id", "sentence_id"]
    if not parts:
        return pd.DataFrame(columns=columns)
    return pd.concat(parts, ignore_index=True)[columns]


def sensitivity_table(sensitivity: pd.DataFrame) -> pd.DataFrame:
    """One row per baseline-dependent figure, one column per baseline: the held range as text."""
    if sensitivity.empty:
        return pd.DataFrame(columns=["as_of", "outlet", "figure"])
    text = [range_text(lo, hi) for lo, hi in zip(sensitivity["held_low"], sensitivity["held_high"])]
    labels = [f"{b:,.0f} km² baseline" for b in sensitivity["baseline_km2"]]
    long = sensitivity.assign(held=text, column=labels)
    order = list(dict.fromkeys(labels))
    wide = long.pivot(index=["as_of", "outlet", "figure", "sentence_id"], columns="column", values="held")
    wide = wide[order].reset_index()
    wide.columns.name = None
    wide.insert(len(wide.columns), "unit", sensitivity["unit"].iloc[0])
    return wide


# ----------------------------------------------------------------------------- headline


def headline(held: pd.DataFrame, baseline: Baseline) -> dict:
    """Peak and latest area held (ranges), the share lost between them, the baseline.

    The peak is the baseline, whatever chose it (the corpus' own peak figure, the
    ``baseline_km2`` parameter, the explorer's slider), so the headline, the chart and the
    explorer use one figure. With no baseline, the largest placed figure is the peak.
    """
    points = placed(held)
    unit = held["unit"].iloc[0] if len(held) else None
    out = {"unit": unit, "n_placed": len(points), "baseline_km2": baseline.km2,
           "baseline_source": baseline.source}
    if baseline.km2 is not None and unit is not None:
        value = round(in_unit(baseline.km2, unit), 1)
        out.update({"peak_low": value, "peak_high": value, "peak_date": baseline.as_of,
                    "peak_figure": baseline.figure, "peak_claimant": baseline.claimant,
                    "peak_outlet": baseline.outlet})
    elif len(points):
        size = points["held_high"].fillna(points["held_low"])
        peak = points.assign(_size=size).sort_values(["_size", "as_of", "article_id", "start"],
                                                     ascending=[False, True, True, True],
                                                     kind="stable").iloc[0]
        out.update({"peak_low": peak["held_low"], "peak_high": peak["held_high"],
                    "peak_date": peak["as_of"], "peak_figure": peak["figure"],
                    "peak_claimant": peak["claimant"], "peak_outlet": peak["outlet"]})
    if points.empty or "peak_low" not in out:
        return out
    last_day = points["as_of"].max()
    latest = points[points["as_of"] == last_day]
    out.update({
        # Several figures on the latest day: the span they cover together.
        "latest_low": latest["held_low"].min(skipna=False) if latest["held_low"].notna().all() else np.nan,
        "latest_high": latest["held_high"].max(skipna=False) if latest["held_high"].notna().all() else np.nan,
        "latest_date": last_day,
        "latest_figures": "; ".join(f"\"{f}\", {o}, {c or 'unattributed'}" for f, o, c in
                                    zip(latest["figure"], latest["outlet"], latest["claimant"])),
    })
    peak_low = out["peak_low"] if np.isfinite(out["peak_low"]) else out["peak_high"]
    peak_high = out["peak_high"] if np.isfinite(out["peak_high"]) else out["peak_low"]
    lost_low = 1 - out["latest_high"] / peak_low if np.isfinite(out["latest_high"]) else np.nan
    lost_high = 1 - out["latest_low"] / peak_high if np.isfinite(out["latest_low"]) else 1.0
    out["lost_low"], out["lost_high"] = lost_low, lost_high
    return out


def _peak_source(numbers: dict) -> str:
    if numbers["baseline_source"] == "corpus peak" or numbers["baseline_source"] == "none":
        when = ("with no date of its own" if numbers["peak_date"] is None or pd.isna(numbers["peak_date"])
                else f"as of {numbers['peak_date']:%Y-%m-%d}")
        return (f"{when} (\"{numbers['peak_figure']}\", {numbers['peak_outlet']}, "
                f"{numbers['peak_claimant'] or 'unattributed'})")
    if numbers["baseline_source"] == "parameter":
        return "(set by the `baseline_km2` parameter)"
    return f"({numbers['baseline_source']})"


def headline_text(numbers: dict) -> str:
    """The headline numbers as plain sentences, for print() (nbval compares them)."""
    unit = numbers["unit"]
    if not numbers["n_placed"] or "latest_date" not in numbers:
        lines = ["No dated figure for the area Ukraine held could be placed, so there is no "
                 "latest area or share lost to report."]
        if "peak_low" in numbers:
            lines.append(f"Peak area held (the baseline): "
                         f"{range_text(numbers['peak_low'], numbers['peak_high'], unit)} "
                         f"{_peak_source(numbers)}.")
    else:
        peak = range_text(numbers["peak_low"], numbers["peak_high"], unit)
        latest = range_text(numbers["latest_low"], numbers["latest_high"], unit)
        label = "Peak area held (the baseline)" if numbers["baseline_km2"] is not None else \
            "Peak area held (largest placed figure)"
        lines = [
            f"{label}: {peak} {_peak_source(numbers)}.",
            f"Latest area held: {latest} as of {numbers['latest_date']:%Y-%m-%d} "
            f"({numbers['latest_figures']}).",
        ]
        if np.isfinite(numbers["lost_low"]) and np.isfinite(numbers["lost_high"]):
            low, high = round(100 * numbers["lost_low"]), round(100 * numbers["lost_high"])
            share = f"{low}%" if low == high else f"{low}% to {high}%"
            lines.append(f"Share of the peak area lost by then: {share}.")
        else:
            lines.append("Share of the peak area lost: not computable (an open range).")
    if numbers["baseline_km2"] is None:
        lines.append("Baseline for percentages: none (percentages not placed).")
    else:
        amount = format_area(numbers["baseline_km2"], "km2")
        if unit and unit != "km2":
            amount += f" ({format_area(in_unit(numbers['baseline_km2'], unit), unit)})"
        lines.append(f"Baseline for percentages: {amount} ({numbers['baseline_source']}).")
    return "\n".join(lines)


# ----------------------------------------------------------------------------- plots

GROUP_STYLE = {
    "Russian officials": ("#c0392b", "s"),
    "Ukrainian officials": ("#1f5fa8", "o"),
    "US officials": ("#2e8b57", "D"),
    "European officials": ("#7b4fa0", "P"),
    "open-source monitors / independent": ("#e08a00", "p"),
    "other": ("#707070", "X"),
    "unattributed": ("#8c564b", "h"),
}


OFF_SCALE_COLOUR = "#c0392b"  # a figure past the plausible range, drawn at the top edge
COMFORTABLE_POINTS = 60  # figures one chart shows at full marker size


def _crowding(n_points: int) -> float:
    """1.0 for up to ``COMFORTABLE_POINTS`` figures, then less in proportion (at least 0.25):
    markers shrink and fade by it, so a crowded chart shows where figures pile up rather
    than a solid band of overlapping markers."""
    return max(0.25, min(1.0, COMFORTABLE_POINTS / max(n_points, 1)))


def _draw_ranges(ax, frame, date_column, filled: bool, offset_days: float, arrow: float,
                 crowding: float = 1.0):
    fade = 0.35 + 0.65 * crowding
    for group in CLAIMANT_GROUPS:
        part = frame[frame["claimant_group"].astype("object") == group]
        if part.empty:
            continue
        color, marker = GROUP_STYLE[group]
        x = part[date_column] + pd.to_timedelta(offset_days, unit="D")
        low, high = part["held_low"], part["held_high"]
        both = low.notna() & high.notna()
        style = "-" if filled else "--"
        ax.vlines(x[both], low[both], high[both], colors=color, linestyles=style, linewidth=2.2,
                  alpha=(0.9 if filled else 0.7) * fade)
        face = color if filled else "white"
        for values in (low, high):
            ax.scatter(x[values.notna()], values[values.notna()], marker=marker, s=46 * crowding,
                       facecolors=face, edgecolors=color, linewidths=1.4, zorder=3, alpha=fade)
        # An open side: an arrow from the bound towards where the claim leaves it open.
        for xi, lo, hi in zip(x, low, high):
            if np.isfinite(lo) and not np.isfinite(hi):
                ax.annotate("", xy=(xi, lo + arrow), xytext=(xi, lo),
                            arrowprops={"arrowstyle": "->", "color": color, "lw": 1.4})
            elif np.isfinite(hi) and not np.isfinite(lo):
                ax.annotate("", xy=(xi, max(hi - arrow, 0)), xytext=(xi, hi),
                            arrowprops={"arrowstyle": "->", "color": color, "lw": 1.4})


def plot_held_area(ax, held: pd.DataFrame, unit: str, events: pd.DataFrame | None = None,
                   reference: pd.DataFrame | None = None, baseline: Baseline | None = None,
                   window: tuple | None = None, title: str | None = None):
    """Area held over time: article figures as filled ranges, reference reports hollow.

    Each figure is a vertical bar from its low to its high value (a single figure is a
    point; an open side is an arrow), coloured and shaped by claimant group. Reference
    reports are hollow markers with dashed bars, shifted half a day so they stay visible.
    ``events`` (from :func:`events`) are numbered lines (a day) or shaded spans (a month or
    longer). ``window`` = (start, end) zooms in. Returns ``ax``.
    """
    import matplotlib.dates as mdates
    from matplotlib.lines import Line2D

    label = UNIT_LABELS[unit]
    points = placed(held)
    refs = pd.DataFrame() if reference is None else placed(reference.rename(columns={"date": "as_of"}))
    if window is not None:
        lo, hi = pd.Timestamp(window[0]), pd.Timestamp(window[1])
        points = points[(points["as_of"] >= lo) & (points["as_of"] <= hi)]
        if not refs.empty:
            refs = refs[(refs["as_of"] >= lo) & (refs["as_of"] <= hi)]
    values = pd.concat([points[["held_low", "held_high"]]] +
                       ([refs[["held_low", "held_high"]]] if not refs.empty else []))
    top, limit = charts.plausible_top(values.to_numpy())
    # A figure past the plausible range (a misread or a different quantity) is drawn at the
    # top edge with its value written, instead of stretching the axis over everything else.
    off_scale = points[(points["held_low"] > limit) | (points["held_high"] > limit)]
    points = _within(points, limit)
    refs = refs if refs.empty else _within(refs, limit)
    arrow = 0.08 * top
    if points.empty and refs.empty:
        ax.text(0.5, 0.5, "No dated territory figure to draw", ha="center", va="center",
                transform=ax.transAxes, fontsize=12)
    crowding = _crowding(len(points))
    _draw_ranges(ax, points, "as_of", True, 0, arrow, crowding)
    if not refs.empty:
        _draw_ranges(ax, refs, "as_of", False, 0.5, arrow)
    dependent = points[points["baseline_dependent"]]
    for values in (dependent["held_low"], dependent["held_high"]):
        # A black ring marks the points a baseline moves (percentages, areas lost).
        ax.scatter(dependent["as_of"][values.notna()], values[values.notna()], s=130 * crowding,
                   facecolors="none", edgecolors="black", linewidths=0.9, zorder=4,
                   alpha=0.35 + 0.65 * crowding)
    labelled = dependent if len(dependent) <= 6 else dependent.iloc[0:0]
    notes = []  # point labels; those that would overlap an earlier one are dropped at the end
    for row in labelled.itertuples(index=False):
        y = row.held_high if np.isfinite(row.held_high) else row.held_low
        notes.append(ax.annotate(f"{row.figure} {row.direction} (via baseline)", (row.as_of, y),
                    xytext=(-6, 6), textcoords="offset points", fontsize=8, color="#333333",
                    ha="right", annotation_clip=True, clip_on=True,
                    bbox={"facecolor": "white", "alpha": 0.8, "edgecolor": "none", "pad": 1}))
    if events is not None and not events.empty:
        shown = events
        if window is not None:
            shown = events[(events["date_end"] >= lo) & (events["date_start"] <= hi)]
        previous, level = None, 0
        for row in shown.itertuples(index=False):
            if row.date_start == row.date_end:
                ax.axvline(row.date_start, color="#555555", linestyle=":", linewidth=1)
            else:
                ax.axvspan(row.date_start, row.date_end + pd.Timedelta(days=1), color="#999999",
                           alpha=0.15, linewidth=0)
            if window is not None:
                # Zoomed in: each label on its own row in the headroom above the points,
                # reading leftwards from events in the right half so it stays inside the axes.
                right = row.date_start > lo + (hi - lo) / 2
                ax.annotate(f"{row.number}. {row.label}", (row.date_start, 1.0),
                            xycoords=("data", "axes fraction"), xytext=(-3 if right else 3, -4 - 11 * level),
                            textcoords="offset points", fontsize=8, color="#333333", va="top",
                            ha="right" if right else "left")
                level += 1
                continue
            # Whole period: numbers only, staggered when events are a few days apart.
            close = previous is not None and (row.date_start - previous).days < 6
            level = level + 1 if close else 0
            previous = row.date_start
            ax.annotate(str(row.number), (row.date_start, 1.0), xycoords=("data", "axes fraction"),
                        xytext=(2, -12 - 11 * level), textcoords="offset points", fontsize=8,
                        color="#333333", va="top")
    if baseline is not None and baseline.km2 is not None:
        level_y = in_unit(baseline.km2, unit)
        if window is None and level_y <= limit:  # a zoom keeps the scale of its own points
            top = max(top, level_y)
        if level_y <= top * 1.25:
            ax.axhline(level_y, color="#999999", linestyle="--", linewidth=0.8)
            ax.annotate(baseline_label(baseline, unit), (0.0, level_y),
                        xycoords=("axes fraction", "data"), xytext=(4, 3),
                        textcoords="offset points", fontsize=8, color="#555555")
    rows = 0 if window is None or events is None or events.empty else len(shown)
    ax.set_ylim(0, top * (1.3 + 0.1 * rows))
    edge = top * (1.3 + 0.1 * rows) * 0.97
    for row in off_scale.itertuples(index=False):
        value = row.held_high if np.isfinite(row.held_high) else row.held_low
        ax.scatter([row.as_of], [edge], marker="^", s=60, color=OFF_SCALE_COLOUR, zorder=5)
        notes.append(ax.annotate(f"{format_area(value, unit)} (off the scale)", (row.as_of, edge),
                                 xytext=(6, -3), textcoords="offset points", fontsize=8, va="top",
                                 color=OFF_SCALE_COLOUR))
    if window is not None:
        ax.set_xlim(lo, hi)
    locator = mdates.AutoDateLocator()
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.set_ylabel(f"Area held by Ukraine in Kursk ({label})")
    ax.set_xlabel("Date the figure applies to (as_of)")
    ax.set_title(title or f"Ukrainian-held area in Kursk, as reported ({label})")
    ax.grid(axis="y", alpha=0.3)
    groups = sorted(set(points["claimant_group"].astype("object")) |
                    (set(refs["claimant_group"].astype("object")) if not refs.empty else set()),
                    key=CLAIMANT_GROUPS.index)
    handles = [Line2D([], [], color=GROUP_STYLE[g][0], marker=GROUP_STYLE[g][1], linestyle="",
                      label=g) for g in groups]
    handles.append(Line2D([], [], color="black", marker="o", linestyle="-", label="article figure (filled, solid range)"))
    if not dependent.empty:
        handles.append(Line2D([], [], color="black", marker="o", markersize=11, markerfacecolor="none",
                              linestyle="", label="article figure via the baseline (ringed)"))
    if not refs.empty:
        handles.append(Line2D([], [], color="black", marker="o", markerfacecolor="white",
                              linestyle="--", label="reference report (hollow, dashed range)"))
    if not off_scale.empty:
        handles.append(Line2D([], [], color=OFF_SCALE_COLOUR, marker="^", linestyle="",
                              label=f"figure above {format_area(limit, unit)} (off the scale)"))
    # Legend and event key outside the axes, so they never hide a point or an event label.
    ax.legend(handles=handles, fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1.0),
              framealpha=0.9, title="Who claimed it", title_fontsize=8)
    if events is not None and not events.empty and window is None:
        key = "\n".join(f"{row.number}. {row.label}\n    {_when(row)}" for row in events.itertuples(index=False))
        ax.text(1.01, 0.45, "Events (numbered lines)\n" + key, transform=ax.transAxes,
                fontsize=8, va="top", ha="left", color="#333333", wrap=False)
    charts.drop_overlapping(notes)
    return ax


def _within(frame: pd.DataFrame, limit: float) -> pd.DataFrame:
    """``frame`` with held values past ``limit`` blanked: a range reaching an outlier keeps
    its plausible side (drawn as open), and a figure past it altogether is not drawn."""
    return frame.assign(held_low=frame["held_low"].where(~(frame["held_low"] > limit)),
                        held_high=frame["held_high"].where(~(frame["held_high"] > limit)))


def _when(event) -> str:
    """An event's date as precise as its source: "3 Mar 2025", "Aug 2024", "10-16 Mar 2025"."""
    first, last = event.date_start, event.date_end
    if first == last:
        return f"{first.day} {first:%b %Y}"
    if first.day == 1 and (last + pd.Timedelta(days=1)).day == 1 and first.month == last.month:
        return f"{first:%b %Y}"
    return f"{first:%d %b} to {last:%d %b %Y}"


def recent_window(held: pd.DataFrame, days: int = 24) -> tuple:
    """A zoom window: the ``days`` before the latest dated figure, plus two days after."""
    dates = placed(held)["as_of"]
    if dates.empty:
        return (pd.Timestamp("2025-02-25"), pd.Timestamp("2025-03-22"))
    last = dates.max()
    return (last - pd.Timedelta(days=days), last + pd.Timedelta(days=2))


def plot_baseline_sensitivity(ax, held: pd.DataFrame, sensitivity: pd.DataFrame, unit: str):
    """The baseline-independent points (grey) and each baseline's version of the others."""
    import matplotlib.dates as mdates

    label = UNIT_LABELS[unit]
    fixed = placed(held[~held["baseline_dependent"]])
    both = fixed["held_low"].notna() & fixed["held_high"].notna()
    ax.vlines(fixed["as_of"][both], fixed["held_low"][both], fixed["held_high"][both],
              colors="#aaaaaa", linewidth=2.2)
    for values in (fixed["held_low"], fixed["held_high"]):
        ax.scatter(fixed["as_of"][values.notna()], values[values.notna()], color="#aaaaaa",
                   s=36, label=None, zorder=2)
    ax.scatter([], [], color="#aaaaaa", s=36, label="areas as written (no baseline)")
    colors = ["#1b9e77", "#d95f02", "#7570b3", "#e7298a"]
    options = list(dict.fromkeys(sensitivity["baseline"])) if not sensitivity.empty else []
    for i, name in enumerate(options):
        part = sensitivity[sensitivity["baseline"] == name]
        shift = pd.to_timedelta((i - (len(options) - 1) / 2) * 1.5, unit="D")
        x = part["as_of"] + shift
        ok = part["held_low"].notna() & part["held_high"].notna()
        ax.vlines(x[ok], part["held_low"][ok], part["held_high"][ok], colors=colors[i % 4], linewidth=2)
        ax.scatter(x, part["held_high"].fillna(part["held_low"]), color=colors[i % 4], s=40,
                   marker="s", zorder=3,
                   label=f"{part['baseline_km2'].iloc[0]:,.0f} km²: {name}")
    if not options:
        ax.text(0.5, 0.5, "No percentage or area-lost figure: the baseline moves nothing",
                ha="center", va="center", transform=ax.transAxes)
    locator = mdates.AutoDateLocator()
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.set_ylim(bottom=0)
    ax.set_ylabel(f"Area held by Ukraine ({label})")
    ax.set_xlabel("Date the figure applies to (as_of)")
    ax.set_title(f"How the baseline moves the percentage-derived points ({label})")
    ax.grid(axis="y", alpha=0.3)
    ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    return ax


# ----------------------------------------------------------------------------- explorer


def timeline_explorer(table: pd.DataFrame, baseline: Baseline, unit: str,
                      events: pd.DataFrame | None = None, reference: pd.DataFrame | None = None):
    """Unit buttons and a baseline slider over the held-area chart, redrawn on change.

    ``table`` is the (selected) :func:`figure_table`, ``reference`` the raw
    :func:`kursk_analysis.corpus.reference.reference_figures` rows to show (converted here with
    the chosen baseline). Returns an ipywidgets ``VBox``; display it in a notebook.
    """
    import io

    import ipywidgets as widgets
    import matplotlib.pyplot as plt
    from IPython.display import Image

    from kursk_analysis.workbook import display

    start_km2 = baseline.km2 if baseline.km2 is not None else REFERENCE_BASELINES[0][1]
    unit_choice = widgets.ToggleButtons(options=[("sq mi", "sq_mi"), ("km²", "km2")], value=unit,
                                        description="Unit")
    base_choice = widgets.FloatSlider(value=round(start_km2), min=min(500.0, round(start_km2)),
                                      max=max(2000.0, round(start_km2)), step=5.0,
                                      description="Baseline km²", continuous_update=False,
                                      readout_format=",.0f", style={"description_width": "initial"},
                                      layout=widgets.Layout(width="480px"))
    summary = widgets.HTML()
    shown = widgets.Output()

    def redraw(change=None):
        chosen = (Baseline(float(base_choice.value), "explorer slider")
                  if baseline.km2 is None or abs(base_choice.value - baseline.km2) > 0.5
                  else baseline)
        held = held_areas(table, chosen, unit_choice.value)
        refs = None if reference is None else reference_held(reference, chosen, unit_choice.value)
        numbers = headline(held, chosen)
        summary.value = "<pre>" + headline_text(numbers).replace("&", "&amp;").replace("<", "&lt;") + "</pre>"
        # The chart goes into the Output widget as a finished PNG (its ``outputs`` state), not
        # by capturing plt.show() inside ``with shown``: capture depends on the front end
        # routing messages to the widget, which nbval's kernel client does not do, so the
        # figure would leak into the cell's own output there.
        fig, ax = plt.subplots(figsize=(11, 5))
        plot_held_area(ax, held, unit_choice.value, events=events, reference=refs, baseline=chosen)
        fig.tight_layout()
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png", dpi=80)
        plt.close(fig)
        shown.outputs = ()
        shown.append_display_data(Image(data=buffer.getvalue(), format="png"))

    unit_choice.observe(redraw, names="value")
    base_choice.observe(redraw, names="value")
    redraw()
    label = display.snapshot_label(f"the unit {unit_choice.value.replace('_', ' ')} and a baseline of "
                                   f"{base_choice.value:,.0f} km²")
    return widgets.VBox([label, widgets.HBox([unit_choice, base_choice]), summary, shown])
