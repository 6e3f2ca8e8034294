"""Prose from the data: the sentences the notebooks state, computed from the corpus in hand.

Nothing here is written for a particular corpus. Each function takes the tables a notebook
has just computed and returns sentences about them, so the same notebook run on another
corpus states what that corpus shows:

- :func:`describe_corpus`: what the notebook describes (articles, outlets, date range,
  undated articles, the parameters' period and actors);
- :func:`source_conclusions`, :func:`territory_conclusions`, :func:`rhetoric_conclusions`:
  the closing conclusions of notebooks 01, 02 and 03, as a list of Markdown bullets;
- :func:`markdown`: bullets as an IPython Markdown display (a plain list outside IPython).

A sentence is left out when its table is empty rather than filled with a placeholder.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

LISTED = 6  # names listed before "and N more"


def _names(items, most: int = LISTED) -> str:
    items = list(items)
    if len(items) > most:
        return ", ".join(items[:most]) + f" and {len(items) - most} more"
    if len(items) <= 2:
        return " and ".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _count(n: int, noun: str, plural: str | None = None) -> str:
    return f"{n} {noun if n == 1 else (plural or noun + 's')}"


def _day(value) -> str:
    return f"{pd.Timestamp(value):%Y-%m-%d}"


def markdown(bullets: list[str]):
    """The bullets as one Markdown list, displayed as such in a notebook."""
    text = "\n".join(f"- {line}" for line in bullets) if bullets else "- Nothing to conclude: the tables are empty."
    try:
        from IPython.display import Markdown
    except ImportError:  # pragma: no cover - IPython is a dependency
        return text
    return Markdown(text)


# --------------------------------------------------------------------------- the corpus


def describe_corpus(corpus, params=None) -> str:
    """One paragraph: the corpus this notebook describes, and the parameters narrowing it."""
    articles = corpus.articles
    n = len(articles)
    outlets = sorted(articles["outlet"].astype(str).unique())
    lines = [f"This notebook describes {_count(n, 'article')} from {_count(len(outlets), 'outlet')}"
             f" ({_names(outlets)}), manifest {corpus.manifest.name}."]
    precision = (articles["published_precision"].astype(str) if "published_precision" in articles
                 else pd.Series(np.where(articles["published"].notna(), "day", "none")))
    days = articles["published"].dropna()
    parts = []
    if len(days):
        span = _day(days.min()) if days.min() == days.max() else f"{_day(days.min())} to {_day(days.max())}"
        parts.append(f"{len(days)} dated to the day, {span}")
    partial = articles.loc[precision.isin(["month", "year"]).to_numpy(), "published_text"] \
        if "published_text" in articles else pd.Series(dtype=str)
    if len(partial):
        shown = ", ".join(sorted(set(partial.astype(str)))[:4])
        parts.append(f"{len(partial)} only to the month or year ({shown})")
    none = int((precision == "none").sum())
    if none:
        parts.append(f"{none} with no publication date")
    if parts:
        lines.append("Publication dates: " + "; ".join(parts) + ".")
    if params is not None:
        period = ("no period set" if params.start is None and params.end is None else
                  f"period {params.start or 'open'} to {params.end or 'open'}, rows it cannot place "
                  f"{'kept' if params.undated == 'keep' else 'left out'} (`undated` = \"{params.undated}\")")
        who = params.actors_text()
        lines.append(f"Parameters: {period}; {who}.")
    lines.append(describe_corrections(corpus))
    return " ".join(lines)


def describe_corrections(corpus) -> str:
    """One sentence: the corrections by hand in use (:mod:`kursk_analysis.corpus.corrections`)."""
    fixes = getattr(corpus, "corrections", ())
    if not fixes:
        return "No corrections by hand are applied (there is no corrections.csv beside the manifest)."
    per_table: dict[str, int] = {}
    for fix in fixes:
        per_table[fix.table] = per_table.get(fix.table, 0) + 1
    counts = ", ".join(f"{n} to {table}" for table, n in sorted(per_table.items()))
    verb = "is" if len(fixes) == 1 else "are"
    return (f"{_count(len(fixes), 'correction')} by hand from {corpus.corrections_file.name} {verb} applied "
            f"({counts}); the rows they change are marked in the tables (`corrected`, with who, when "
            "and why in `correction`).")


# --------------------------------------------------------------------------- 01 sources


def source_conclusions(corpus, overview: pd.DataFrame, evidence: pd.DataFrame,
                       pairs: pd.DataFrame, attribution: pd.DataFrame, facts=None) -> list[str]:
    """Notebook 01's conclusions: text reuse, anonymous sourcing, facts reported, framing."""
    from kursk_analysis.analyses.comparison import FACTS, labels

    facts = FACTS if facts is None else facts
    n = len(corpus.articles)
    if n == 0:
        return ["No article is in the selection, so there is nothing to compare."]
    names = labels(corpus)
    out = []
    if len(pairs):
        top = pairs.iloc[0]
        a, b = names[top["article_a"]], names[top["article_b"]]
        rest = (f" The next pair shares {int(pairs.iloc[1]['shared_words'])} words." if len(pairs) > 1
                else " No other pair shares text.")
        out.append(
            f"**{a} and {b} share the most text**: {int(top['shared_words'])} words "
            f"({int(top['verbatim_words'])} verbatim, {int(top['paraphrase_words'])} in paraphrased "
            f"sentences, over {_count(int(top['n_passages']), 'passage')}), {top['share_of_a']:.1%} of "
            f"{a} and {top['share_of_b']:.1%} of {b}.{rest} Paraphrase is found less reliably than "
            "verbatim copying, so these shares are lower bounds.")
    elif n > 1:
        out.append(f"**No shared text**: no two of the {n} articles share ten identical words in a "
                   "row or a detected paraphrase.")
    attributed = overview[(overview["anonymous_sources"] + overview["named_sources"]) > 0]
    if len(attributed):
        ranked = attributed.sort_values(["share_anonymous", "article_id"], ascending=[False, True],
                                        kind="stable")
        hi, lo = ranked.iloc[0], ranked.iloc[-1]
        if not hi["share_anonymous"] > 0:
            out.append(f"**Anonymous sourcing**: none of the {_count(len(ranked), 'article')} with "
                       "attributed sources cites an anonymous one.")
            hi = None

        def share(row) -> str:
            total = int(row["anonymous_sources"] + row["named_sources"])
            return f"{row['share_anonymous']:.0%} ({int(row['anonymous_sources'])} of {total})"

        if hi is not None:
            text = f"**Anonymous sourcing** is highest in {names[hi['article_id']]}: {share(hi)} of its attributions"
            if len(ranked) > 1:
                text += f"; lowest in {names[lo['article_id']]}: {share(lo)}"
            out.append(text + ".")
    else:
        out.append("**Sourcing**: no article attributes a statement to a named or an anonymous source.")
    if len(evidence):
        reported = evidence.groupby("article_id")["fact"].nunique()
        per_article = [(names[a], int(reported.get(a, 0))) for a in names.index]
        most = max(per_article, key=lambda item: item[1])
        least = min(per_article, key=lambda item: item[1])
        text = f"**What each reports.** Of the {len(facts)} key facts, {most[0]} reports the most ({most[1]})"
        if n > 1:
            text += f" and {least[0]} the fewest ({least[1]})"
        by_fact = evidence.groupby("fact")["article_id"].nunique()
        widest = max(facts, key=lambda f: (int(by_fact.get(f.name, 0)), -facts.index(f)))
        text += (f". The most widely reported is \"{widest.label}\" "
                 f"({int(by_fact.get(widest.name, 0))} of {n} articles).")
        if n > 2:
            single = [f for f in facts if int(by_fact.get(f.name, 0)) == 1]
            if single:
                owner = evidence.drop_duplicates("fact").set_index("fact")["article_id"]
                shown = [f"\"{f.label}\" ({names[owner[f.name]]})" for f in single[:4]]
                more = f" and {len(single) - 4} more" if len(single) > 4 else ""
                text += f" Reported by one article only: {'; '.join(shown)}{more}."
        out.append(text)
    else:
        out.append(f"**What each reports.** None of the {len(facts)} key facts is found in these articles.")
    verbs = attribution[attribution["total"] > 0]
    if len(verbs):
        ranked = verbs.sort_values(["share_loaded", "article_id"], ascending=[False, True], kind="stable")
        top = ranked.iloc[0]
        none = int((verbs["loaded"] == 0).sum())
        if int(top["loaded"]):
            text = (f"**Framing.** Loaded verbs of attribution are most frequent in "
                    f"{names[top['article_id']]}: {int(top['loaded'])} of {int(top['total'])} "
                    f"({top['share_loaded']:.0%})")
            text += f"; {none} of {len(verbs)} articles use none." if none else "."
        else:
            text = (f"**Framing.** None of the {len(verbs)} articles with verbs of attribution uses a "
                    "loaded one.")
        out.append(text)
    return out


# --------------------------------------------------------------------------- 02 territory


def territory_conclusions(held: pd.DataFrame, baseline, numbers: dict, comparison: pd.DataFrame,
                          events: pd.DataFrame) -> list[str]:
    """Notebook 02's conclusions: the peak (the baseline), the latest figure, the share lost,
    how many figures could be placed, the outside reports and the events dated."""
    from kursk_analysis.analyses.timeline import MAX_FRONTLINE_KM2, format_area, in_unit, range_text, placed

    unit = numbers.get("unit") or "km2"
    out = []
    if baseline.km2 is None:
        out.append("**No baseline.** No article gives an area held or seized (up to "
                   f"{MAX_FRONTLINE_KM2:,.0f} km²) and `baseline_km2` is not set, so percentages "
                   "are not turned into areas.")
    else:
        amount = format_area(in_unit(baseline.km2, unit), unit)
        if unit != "km2":
            amount += f" ({format_area(baseline.km2, 'km2')})"
        if baseline.source == "corpus peak":
            when = ("with no date of its own" if baseline.as_of is None or pd.isna(baseline.as_of)
                    else f"as of {_day(baseline.as_of)}")
            out.append(f"**Peak.** The largest area any article says Ukraine held or seized is "
                       f"**{amount}** (\"{baseline.figure}\", {baseline.outlet}, "
                       f"{baseline.claimant or 'unattributed'}), {when}; it is the baseline that "
                       "turns percentages into areas.")
        else:
            out.append(f"**Baseline.** Percentages are turned into areas with {amount}, set by "
                       "the `baseline_km2` parameter.")
    if baseline.ignored:
        n = len(baseline.ignored)
        out.append(f"**Region-sized areas.** {_count(n, 'figure')} over {MAX_FRONTLINE_KM2:,.0f} km² "
                   f"(the size of a region, not of ground held) {'was' if n == 1 else 'were'} "
                   "neither taken as the peak nor charted.")
    if "latest_date" in numbers:
        latest = range_text(numbers["latest_low"], numbers["latest_high"], unit)
        text = f"**Latest.** The latest placed figure is **{latest} as of {_day(numbers['latest_date'])}**."
        if np.isfinite(numbers.get("lost_low", np.nan)) and np.isfinite(numbers.get("lost_high", np.nan)):
            low, high = round(100 * numbers["lost_low"]), round(100 * numbers["lost_high"])
            text += (f" Against the peak that is **{low}%" + ("" if low == high else f" to {high}%")
                     + "** of the area lost, by the articles' own figures.")
        out.append(text)
    if len(held):
        shown = placed(held)
        left = len(held) - len(shown)
        text = (f"**Placed.** {len(shown)} of {_count(len(held), 'figure')} "
                f"{'is' if len(shown) == 1 else 'are'} on the chart")
        if left:
            undated = int(held["as_of"].isna().sum())
            text += f"; {left} cannot be placed" + (f" ({undated} for want of a date)" if undated else "")
        out.append(text + ".")
    else:
        out.append("**No figures.** The selection has no territory figure.")
    if len(comparison):
        overlap = int(comparison["ranges_overlap"].sum())
        out.append(f"**Against the outside reports.** {overlap} of {_count(len(comparison), 'placed figure')} "
                   f"{'overlaps' if overlap == 1 else 'overlap'} the nearest outside report; both are claims, so a gap shows where "
                   "sources disagree, not who is right.")
    dated = events[events["date_start"].notna()] if len(events) else events
    if len(dated):
        items = [f"{row.label} ({_day(row.date_start)}" +
                 ("" if row.date_end == row.date_start or pd.isna(row.date_end) else f" to {_day(row.date_end)}")
                 + ")" for row in dated.itertuples(index=False)]
        out.append(f"**Events dated by the articles:** {_names(items, most=8)}.")
    return out


# --------------------------------------------------------------------------- 03 rhetoric


def rhetoric_conclusions(stance_rows: pd.DataFrame, numbers: dict, reliance: pd.DataFrame) -> list[str]:
    """Notebook 03's conclusions: who asserted first, the first denial and how long after,
    who asserts and who denies, undated stances, the outlet leaning most on anonymity."""
    from kursk_analysis.analyses.rhetoric import stance_matrix

    out = []
    if stance_rows.empty:
        return ["**No stances.** No sentence in the selection has an actor asserting or denying "
                "that the troops were encircled."]
    if numbers["first_assertion"] is not None:
        out.append(f"**First to assert the encirclement: {_names(numbers['first_asserters'])}, "
                   f"on {_day(numbers['first_assertion'])}.**")
    if numbers["first_denial"] is not None:
        text = f"**First denial: {_day(numbers['first_denial'])}**, by {_names(numbers['first_deniers'])}"
        days = numbers["days_to_first_denial"]
        if days is not None:
            text += (", the same day as the first assertion" if days == 0 else
                     f", {_count(days, 'day')} after the first assertion" if days > 0 else
                     f", {_count(-days, 'day')} before the first dated assertion")
        out.append(text + ".")
    by_publication = int(stance_rows["date_basis"].eq("publication date").sum())
    if by_publication:
        out.append(f"{by_publication} of {_count(len(stance_rows), 'stance')} are dated by their "
                   "article's publication date, which can make them look later than they were.")
    matrix = stance_matrix(stance_rows)
    asserting = matrix.loc[matrix["articles_asserting"] > 0, "actor"].tolist()
    denying = matrix.loc[matrix["articles_denying"] > 0, "actor"].tolist()
    text = (f"**{_count(len(asserting), 'actor')} {'asserts' if len(asserting) == 1 else 'assert'} the "
            f"encirclement and {len(denying)} {'denies' if len(denying) == 1 else 'deny'} it**")
    detail = []
    if asserting:
        detail.append(f"asserting: {_names(asserting)}")
    if denying:
        detail.append(f"denying: {_names(denying)}")
    out.append(text + (": " + "; ".join(detail) if detail else "") + ".")
    undated = int(stance_rows["date"].isna().sum())
    if undated:
        out.append(f"{_count(undated, 'stance')} {'has' if undated == 1 else 'have'} no date: the "
                   "text names none and the article has no publication date known to the day.")
    if numbers["most_anonymous_outlet"] is not None and numbers["most_anonymous_counts"][0]:
        anon, total = numbers["most_anonymous_counts"]
        out.append(f"**The outlet leaning most on anonymous sources is {numbers['most_anonymous_outlet']}** "
                   f"({anon} of {total} attributions, {numbers['most_anonymous_share']:.0%}).")
    elif len(reliance):
        out.append("No outlet attributes anything to an anonymous source.")
    return out
