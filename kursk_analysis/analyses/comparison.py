"""Notebook 01's logic: how the outlets differ in what they report, whom they cite, and
what text they share.

Every function takes a corpus (and, where the notebook parameters matter, the checked
:class:`~kursk_analysis.workbook.params.Parameters`) and returns a tidy DataFrame, a string to
print, or a matplotlib Axes it drew on, so the notebook only calls, shows and plots.

- :func:`select`: the articles published in the ``start``/``end`` period, as a corpus.
- :func:`outlet_overview`, :func:`quoted_speakers`: the outlets side by side.
- :data:`FACTS`, :func:`fact_evidence`, :func:`fact_matrix`, :func:`omissions`: which key
  facts each article reports. A fact is a named predicate over the extraction tables
  (territory figures, quantities, quotes, stances, actor mentions, time expressions),
  written as data in ``rules/facts.yaml`` (:mod:`kursk_analysis.analyses.facts` reads it),
  not a typed-in list, so it works on other articles of the same story; every hit keeps
  the sentence it came from.
- :func:`reuse_pairs`, :func:`aligned_passages`, :func:`plot_reuse_heatmap`,
  :func:`reuse_explorer`: text one article shares with another.
- :func:`framing_table`, :func:`attribution_table`, :func:`verb_table`: headlines, leads
  and verbs of attribution by register.
- :func:`headline_numbers`: the notebook's headline numbers as plain sentences.

The ``actors`` parameter narrows the actor, quote, source and stance tables (through
:func:`kursk_analysis.analyses.selection.for_actors`); the key facts and text reuse are about the
articles, not about one actor, and are not narrowed.
"""
from __future__ import annotations

import dataclasses
import html
import re
import textwrap

import numpy as np
import pandas as pd

from kursk_analysis.analyses import charts
from kursk_analysis.analyses import facts as facts_rules
from kursk_analysis.extract import sourcing
from kursk_analysis.extract.actors import actors as actor_mentions
from kursk_analysis.extract.framing import REGISTERS, attribution_verbs, leads
from kursk_analysis.workbook.params import Parameters
from kursk_analysis.extract.quotes import quotes
from kursk_analysis.extract.reuse import reuse_matrix, reuse_square, shared_passages
from kursk_analysis.analyses.selection import for_actors, in_period, undated_note
from kursk_analysis.extract.stance import stances
from kursk_analysis.corpus.text import shorten

CHECK = "✓"
NO_ROWS = "No rows"


# --------------------------------------------------------------------------- display


def display_options() -> None:
    """pandas display settings for the notebook: long sentences readable, big tables cut.

    Tables on a 1,000-article corpus are truncated to 40 rows; cells show up to 400
    characters, enough for a whole sentence of the seeds.
    """
    pd.set_option("display.max_colwidth", 400)
    pd.set_option("display.max_rows", 40)
    pd.set_option("display.min_rows", 20)
    pd.set_option("display.max_columns", 30)
    pd.set_option("display.width", 200)


def show(frame: pd.DataFrame, what: str):
    """``frame`` when it has rows; otherwise a plain "No rows" sentence naming ``what``.

    The notebook ends a cell with ``comparison.show(table, "...")``: a reader sees either
    the table or why it is empty, never a bare header.
    """
    if len(frame):
        return frame
    return Message(f"{NO_ROWS}: {what}.")


class Message:
    """A sentence shown as plain text (no quotes around it, no HTML)."""

    def __init__(self, text: str):
        self.text = text

    def __repr__(self) -> str:
        return self.text


def labels(corpus) -> pd.Series:
    """``"outlet (id)"`` for each article, indexed by article id: outlets can repeat, ids
    cannot."""
    articles = corpus.articles
    return pd.Series(
        [f"{outlet} ({article_id})" for outlet, article_id in zip(articles["outlet"].astype(str), articles["id"])],
        index=pd.Index(articles["id"], name="article_id"), dtype="str",
    )


def figure_size(n_rows: int, width: float = 9.0, per_row: float = 0.4, least: float = 3.0) -> tuple[float, float]:
    """A figure size whose height grows with the number of bars or rows drawn (at most
    :data:`PLOTTED`), so labels stay legible for 5 articles and for 500."""
    return (width, max(least, 1.2 + per_row * min(n_rows, PLOTTED)))


def _wrap(label: str, width: int = 26) -> str:
    return "\n".join(textwrap.wrap(label, width)) or label


MANY = 8
PLOTTED = charts.MAX_ROWS  # articles drawn in one chart at most; the tables list them all


def _first(frame: pd.DataFrame, title: str, by: list[str], what: str) -> tuple[pd.DataFrame, str]:
    """At most :data:`PLOTTED` rows to draw: those with the largest sum of ``by`` (ties in
    table order, drawn in table order), and the title saying when rows were left out."""
    if len(frame) <= PLOTTED:
        return frame, title
    total = frame[by].sum(axis=1).to_numpy()
    keep = sorted(sorted(range(len(frame)), key=lambda i: (-total[i], i))[:PLOTTED])
    return (frame.iloc[keep],
            f"{title}\n(the {PLOTTED} of {len(frame)} articles with the most {what}; the table lists all)")
LABEL_CHARS = 60  # longest outlet name drawn on a chart; longer ones end in "…"
_LABEL = re.compile(r"^(.*) \(([^()]*)\)$", re.S)


def _axis_labels(names, width: int = 18) -> tuple[list[str], int]:
    """Tick labels for articles and their rotation: wrapped "outlet (id)" for a few
    articles; for many, one line "id outlet" cut to ``width + 8`` characters, turned 90°."""
    names = [_short_label(str(n)) for n in names]
    if len(names) <= MANY:
        return [_wrap(n, width) for n in names], 0
    short = []
    for name in names:
        match = _LABEL.match(name)
        text = f"{match.group(2)} {match.group(1)}" if match else name
        short.append(text if len(text) <= width + 8 else text[: width + 7] + "…")
    return short, 90


def _short_label(name: str) -> str:
    """An "outlet (id)" label with the outlet cut to ``LABEL_CHARS`` (the id kept)."""
    match = _LABEL.match(name)
    if match:
        return f"{shorten(match.group(1), LABEL_CHARS)} ({match.group(2)})"
    return shorten(name, LABEL_CHARS)


def square_size(n: int) -> tuple[float, float]:
    """A figure size for an n × n heatmap whose labels stay legible."""
    n = min(n, PLOTTED)
    return (max(8.0, 3.5 + 0.28 * n), max(6.5, 3.0 + 0.25 * n))


# --------------------------------------------------------------------------- selection


def select(corpus, params: Parameters):
    """The corpus narrowed to the articles published in the parameters' period.

    All tables are narrowed alike and the derived-table cache starts empty, so every
    extractor, and the reuse statistics, see only the chosen articles. Without a period
    the corpus itself is returned. Articles a period cannot place (no date, or a month or
    year across a bound) are kept or left out as ``params.undated`` says (see
    :func:`kursk_analysis.analyses.selection.in_period`).
    """
    if params.start is None and params.end is None:
        return corpus
    ids = set(in_period(corpus.articles, params, "published")["id"])

    def keep(frame: pd.DataFrame, column: str) -> pd.DataFrame:
        return frame[frame[column].isin(ids)].reset_index(drop=True)

    return dataclasses.replace(
        corpus,
        articles=keep(corpus.articles, "id"),
        paragraphs=keep(corpus.paragraphs, "article_id"),
        sentences=keep(corpus.sentences, "article_id"),
        removed=keep(corpus.removed, "article_id"),
        texts={key: text for key, text in corpus.texts.items() if key in ids},
        _memo={},
    )


def describe_selection(corpus, selected, params: Parameters) -> str:
    """One line saying what the notebook looks at: how many articles, which period, which actors."""
    period = "any date" if params.start is None and params.end is None else (
        f"published {params.start or 'any time'} to {params.end or 'any time'}")
    dates = selected.articles["published"].dropna()
    span = f"; dates {dates.min():%Y-%m-%d} to {dates.max():%Y-%m-%d}" if len(dates) else ""
    undated = int(selected.articles["published"].isna().sum())
    undated_text = f"; {undated} without a day of publication" if undated else ""
    who = ", ".join(params.actors) if params.actors else "all"
    note = undated_note(corpus.articles, params, "published", "article")
    return (f"{len(selected.articles)} of {len(corpus.articles)} articles selected "
            f"({period}{span}{undated_text}); actors: {who}." + (f" {note}" if note else ""))


# --------------------------------------------------------------------------- outlets side by side

OVERVIEW_COLUMNS = ["article_id", "outlet", "published", "headline", "n_words", "quotes",
                    "scare_quotes", "named_sources", "anonymous_sources", "share_anonymous",
                    "n_actors", "stance_on_encirclement"]


def _per_article(corpus, counts: pd.Series) -> pd.Series:
    return corpus.articles["id"].map(counts).fillna(0).astype("int64").to_numpy()


def stance_summary(corpus, params: Parameters) -> pd.Series:
    """Per article: "asserts: A, B; denies: C, D" on the encirclement claim ("" when none)."""
    table = for_actors(stances(corpus), params, "actor")
    by_article: dict[str, str] = {}
    for article_id, rows in table.groupby("article_id", sort=False):
        parts = []
        for stance in ("asserts", "denies"):
            names = sorted(set(rows.loc[rows["stance"] == stance, "actor"]))
            if names:
                parts.append(f"{stance}: {', '.join(names)}")
        by_article[article_id] = "; ".join(parts)
    return corpus.articles["id"].map(by_article).fillna("").astype("str")


def outlet_overview(corpus, params: Parameters) -> pd.DataFrame:
    """One row per article: date, headline, words, quotes (full and scare), attributions
    to named and anonymous sources, distinct actors mentioned and the stances reported on
    the encirclement claim. Quotes, sources, actors and stances count only the chosen
    ``actors`` when some are chosen."""
    articles = corpus.articles
    quoted = for_actors(quotes(corpus), params, "speaker")
    cited = for_actors(sourcing.sources(corpus), params, "actor")
    mentioned = for_actors(actor_mentions(corpus), params, "actor")
    frame = pd.DataFrame({
        "article_id": articles["id"].astype("str").to_numpy(),
        "outlet": articles["outlet"].astype("str").to_numpy(),
        "published": articles["published"].to_numpy(),
        "headline": articles["headline"].astype("str").to_numpy(),
        "n_words": articles["n_words"].astype("int64").to_numpy(),
    })
    frame["quotes"] = _per_article(corpus, quoted[quoted["kind"] == "quote"].groupby("article_id").size())
    frame["scare_quotes"] = _per_article(corpus, quoted[quoted["kind"] == "scare"].groupby("article_id").size())
    frame["named_sources"] = _per_article(corpus, cited[~cited["anonymous"]].groupby("article_id").size())
    frame["anonymous_sources"] = _per_article(corpus, cited[cited["anonymous"]].groupby("article_id").size())
    total = frame["named_sources"] + frame["anonymous_sources"]
    frame["share_anonymous"] = (frame["anonymous_sources"] / total.where(total > 0)).round(2)
    frame["n_actors"] = _per_article(corpus, mentioned.groupby("article_id")["actor"].nunique())
    frame["stance_on_encirclement"] = stance_summary(corpus, params).to_numpy()
    return frame[OVERVIEW_COLUMNS]


def quoted_speakers(corpus, params: Parameters) -> pd.DataFrame:
    """Whom each article quotes: one row per (article, speaker) with the number of full and
    scare quotes and the first quote's words. Unattributed quotes have speaker "(unknown)"."""
    table = for_actors(quotes(corpus), params, "speaker").copy()
    columns = ["article_id", "outlet", "speaker", "quotes", "scare_quotes", "first_quote"]
    if table.empty:
        return pd.DataFrame({c: pd.Series(dtype="int64" if "quotes" in c else "str") for c in columns})
    table["speaker"] = table["speaker"].fillna("(unknown)").astype("str")
    table["is_quote"] = (table["kind"] == "quote").astype("int64")
    table["is_scare"] = (table["kind"] == "scare").astype("int64")
    grouped = table.groupby(["article_id", "speaker"], sort=False).agg(
        quotes=("is_quote", "sum"), scare_quotes=("is_scare", "sum"), first_quote=("quote", "first"))
    grouped = grouped.reset_index()
    grouped["outlet"] = grouped["article_id"].map(corpus.articles.set_index("id")["outlet"].astype("str"))
    order = {article_id: i for i, article_id in enumerate(corpus.articles["id"])}
    grouped["_order"] = grouped["article_id"].map(order)
    grouped = grouped.sort_values(["_order", "speaker"], kind="stable")
    return grouped[columns].astype({"quotes": "int64", "scare_quotes": "int64"}).reset_index(drop=True)


def plot_sourcing(overview: pd.DataFrame, ax, corpus=None):
    """Horizontal bars: attributions to named and to anonymous sources per article."""
    if overview.empty:
        return _no_rows(ax, "Named and anonymous sources per article")
    overview, title = _first(overview, "Named and anonymous sources per article",
                             ["named_sources", "anonymous_sources"], "attributions")
    names, _ = _axis_labels([f"{o} ({i})" for o, i in zip(overview["outlet"], overview["article_id"])], 26)
    y = np.arange(len(overview))
    ax.barh(y - 0.2, overview["named_sources"], height=0.4, label="named", color="#4c72b0")
    ax.barh(y + 0.2, overview["anonymous_sources"], height=0.4, label="anonymous", color="#dd8452")
    ax.set_yticks(y, names)
    ax.invert_yaxis()
    ax.set_xlabel("attributions (\"X said\", \"according to X\", ...)")
    ax.set_title(title)
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False)
    return ax


def _no_rows(ax, title: str):
    ax.set_title(title)
    ax.text(0.5, 0.5, "No rows to plot for this selection", ha="center", va="center",
            transform=ax.transAxes)
    ax.set_axis_off()
    return ax


# --------------------------------------------------------------------------- key facts

EVIDENCE_COLUMNS = ["fact", *facts_rules.EVIDENCE]
# The key facts (rules/facts.yaml): a fact is a named finder over the extraction tables.
Fact = facts_rules.Fact
FACTS: tuple[Fact, ...] = facts_rules.load_facts()


def _with_sentence(frame: pd.DataFrame, corpus) -> pd.DataFrame:
    sentences = corpus.sentences.set_index("sentence_id")["text"]
    return frame.assign(sentence=frame["sentence_id"].map(sentences).fillna("").astype("str"))


def fact_definitions(facts: tuple[Fact, ...] = FACTS) -> pd.DataFrame:
    """The facts as a table: name, label, the extraction tables read, the rule in words."""
    return pd.DataFrame(
        [(f.name, f.label, f.source, f.rule) for f in facts],
        columns=["fact", "label", "source", "rule"],
    ).astype("str")


def fact_evidence(corpus, facts: tuple[Fact, ...] = FACTS) -> pd.DataFrame:
    """Every (fact, article, sentence) hit, with the extracted item and its sentence.

    Columns: fact, label, article_id, outlet, sentence_id, start, end (the item's span in
    the raw text), evidence (the item: a figure, a quote and its speaker, "actor stance",
    a time expression), sentence. One row per fact and sentence (the first item in it),
    in fact order, then manifest order, then text order.
    """
    frames = []
    for fact in facts:
        found = fact.find(corpus)
        if len(found):
            frames.append(found.assign(fact=fact.name).drop_duplicates(["article_id", "sentence_id"]))
    columns = ["fact", "label", "article_id", "outlet", "sentence_id", "start", "end", "evidence", "sentence"]
    if not frames:
        return pd.DataFrame({c: pd.Series(dtype="int64" if c in ("start", "end") else "str") for c in columns})
    table = pd.concat(frames, ignore_index=True)
    fact_order = {f.name: i for i, f in enumerate(facts)}
    article_order = {a: i for i, a in enumerate(corpus.articles["id"])}
    table = table.assign(_f=table["fact"].map(fact_order), _a=table["article_id"].map(article_order))
    table = table.sort_values(["_f", "_a", "start"], kind="stable")
    table["label"] = table["fact"].map({f.name: f.label for f in facts})
    table["outlet"] = table["article_id"].map(corpus.articles.set_index("id")["outlet"].astype("str"))
    table = _with_sentence(table, corpus)
    return table[columns].astype({"start": "int64", "end": "int64"}).reset_index(drop=True)


def fact_matrix(evidence: pd.DataFrame, corpus, facts: tuple[Fact, ...] = FACTS) -> pd.DataFrame:
    """Facts × articles: True where the article reports the fact, False where it does not
    (booleans, so R, Excel and pandas read them as such), and how many articles report
    each. Every fact is listed, even one nobody reports."""
    names = labels(corpus)
    reported = set(zip(evidence["fact"], evidence["article_id"]))
    rows = []
    for fact in facts:
        marks = [(fact.name, a) in reported for a in names.index]
        rows.append([fact.label, *marks, sum(marks)])
    frame = pd.DataFrame(rows, columns=["fact", *names.tolist(), "n_articles"])
    return frame.astype({"n_articles": "int64", **{name: "bool" for name in names.tolist()}})


REPORTED_BY_SHOWN = 5  # names listed per omission; the rest are counted, not listed


def omissions(evidence: pd.DataFrame, corpus, min_others: int = 2,
              facts: tuple[Fact, ...] = FACTS) -> pd.DataFrame:
    """For each article, the facts it does not report although at least ``min_others``
    other articles do: article_id, article, published (an article written before an event
    cannot report it), the fact's label, n_others, reported_by (the first
    ``REPORTED_BY_SHOWN`` of them, then "and N more", so the table grows linearly with the
    corpus rather than with its square)."""
    names = labels(corpus)
    published = corpus.articles.set_index("id")["published"]
    reported = set(zip(evidence["fact"], evidence["article_id"]))
    by_fact = {f.name: [a for a in names.index if (f.name, a) in reported] for f in facts}
    rows = []
    for fact in facts:
        reporters = by_fact[fact.name]
        if len(reporters) < min_others:
            continue
        reporter_set = set(reporters)
        listed = ", ".join(names[a] for a in reporters[:REPORTED_BY_SHOWN])
        if len(reporters) > REPORTED_BY_SHOWN:
            listed += f" and {len(reporters) - REPORTED_BY_SHOWN} more"
        for article_id in names.index:
            if article_id not in reporter_set:
                rows.append((article_id, names[article_id], published[article_id], fact.label,
                             len(reporters), listed))
    frame = pd.DataFrame(rows, columns=["article_id", "article", "published", "omits", "n_others", "reported_by"])
    order = {article_id: i for i, article_id in enumerate(names.index)}
    frame = frame.sort_values("article_id", key=lambda ids: ids.map(order), kind="stable")
    frame["published"] = pd.to_datetime(frame["published"]).astype("datetime64[ns]")
    return frame.astype({"article_id": "str", "article": "str", "omits": "str", "n_others": "int64",
                         "reported_by": "str"}).reset_index(drop=True)


def plot_fact_matrix(matrix: pd.DataFrame, ax):
    """The fact × article matrix as filled squares (reported) and blanks."""
    if matrix.empty:
        return _no_rows(ax, "Key facts reported by each article")
    columns = [c for c in matrix.columns if c not in ("fact", "n_articles")]
    if not columns:
        return _no_rows(ax, "Key facts reported by each article")
    title = "Key facts reported by each article (filled = reported)"
    if len(columns) > PLOTTED:
        title = f"Key facts reported by the first {PLOTTED} of {len(columns)} articles (filled = reported)"
        columns = columns[:PLOTTED]
    marks = matrix[columns].to_numpy(dtype=float)
    ax.imshow(marks, cmap="Blues", vmin=0, vmax=1.4, aspect="auto")
    ticks, rotation = _axis_labels(columns, 16)
    ax.set_xticks(np.arange(len(columns)), ticks, fontsize=8, rotation=rotation)
    ax.set_yticks(np.arange(len(matrix)), list(matrix["fact"]), fontsize=8)
    ax.xaxis.tick_top()
    ax.set_xticks(np.arange(len(columns) + 1) - 0.5, minor=True)
    ax.set_yticks(np.arange(len(matrix) + 1) - 0.5, minor=True)
    ax.grid(which="minor", color="white", linewidth=1.5)
    ax.tick_params(which="minor", length=0)
    ax.set_title(title)
    return ax


# --------------------------------------------------------------------------- text reuse

PAIR_DISPLAY = ["article_a", "article_b", "outlet_a", "outlet_b", "shared_words", "share_of_a",
                "share_of_b", "verbatim_words", "paraphrase_words", "n_passages"]


def reuse_pairs(corpus) -> pd.DataFrame:
    """Pairs of articles sharing text, most shared words first (ties in manifest order),
    with both outlets named; shares are fractions of each article's words."""
    pairs = reuse_matrix(corpus)
    outlets = corpus.articles.set_index("id")["outlet"].astype("str")
    pairs = pairs.assign(outlet_a=pairs["article_a"].map(outlets), outlet_b=pairs["article_b"].map(outlets))
    pairs = pairs.assign(_rank=np.arange(len(pairs)))
    pairs = pairs.sort_values(["shared_words", "_rank"], ascending=[False, True], kind="stable")
    pairs = pairs.assign(share_of_a=pairs["share_of_a"].round(3), share_of_b=pairs["share_of_b"].round(3))
    return pairs[PAIR_DISPLAY].reset_index(drop=True)


def reuse_share_table(corpus) -> pd.DataFrame:
    """:func:`kursk_analysis.extract.reuse.reuse_square` with "outlet (id)" labels, rounded to 3
    places: row = article, column = the article it shares words with. A corpus of more
    than :data:`PLOTTED` articles keeps the :data:`PLOTTED` sharing the most words (in
    manifest order); :func:`reuse_pairs` lists every pair."""
    ids = list(corpus.articles["id"])
    if len(ids) > PLOTTED:
        # A readable heatmap holds a few dozen articles: those sharing the most words.
        pairs = reuse_matrix(corpus)
        shared = pd.concat([pairs.groupby("article_a")["shared_words"].sum(),
                            pairs.groupby("article_b")["shared_words"].sum()]).groupby(level=0).sum()
        rank = {a: (-int(shared.get(a, 0)), i) for i, a in enumerate(ids)}
        keep = set(sorted(ids, key=rank.get)[:PLOTTED])
        ids = [a for a in ids if a in keep]
    square = reuse_square(corpus, article_ids=ids)
    names = labels(corpus)
    square = square.rename(index=names.to_dict(), columns=names.to_dict()).round(3)
    square.index.name = "article (row shares with column)"
    square.columns.name = None
    return square


def plot_reuse_heatmap(square: pd.DataFrame, ax):
    """Heatmap of the share of each row article's words found in each column article
    (cells with nothing shared are left blank; the diagonal shows "-")."""
    title = "Share of each article's words (row) also found in another article (column)"
    if square.empty or len(square) < 2:
        return _no_rows(ax, title)
    values = square.to_numpy(dtype=float)
    shown = np.ma.masked_invalid(values)
    image = ax.imshow(shown, cmap="Oranges", vmin=0, vmax=max(0.2, float(np.nanmax(values)) if np.isfinite(values).any() else 0.2))
    names, _ = _axis_labels(square.index)
    ax.set_xticks(np.arange(len(names)), names, rotation=90, fontsize=8)
    ax.set_yticks(np.arange(len(names)), names, fontsize=8)
    if len(names) <= 12:
        for i in range(len(names)):
            for j in range(len(names)):
                value = values[i, j]
                text = "-" if not np.isfinite(value) else ("" if value == 0 else f"{value:.1%}")
                ax.text(j, i, text, ha="center", va="center", fontsize=8)
    ax.figure.colorbar(image, ax=ax, label="share of the row article's words")
    ax.set_title(title, fontsize=10)
    return ax


def aligned_passages(corpus, article_a: str | None = None, article_b: str | None = None) -> pd.DataFrame:
    """The aligned passages side by side: pair, sentence ids, text_a | text_b, kind,
    similarity, shared words. With two article ids, only that pair (either order)."""
    passages = shared_passages(corpus)
    if article_a is not None and article_b is not None:
        pair = {article_a, article_b}
        passages = passages[np.array([{a, b} == pair for a, b in zip(passages["article_a"], passages["article_b"])],
                                     dtype=bool)]
    names = labels(corpus)
    table = pd.DataFrame({
        "article_a": passages["article_a"].map(names).astype("str"),
        "sentence_id_a": passages["sentence_id_a"].astype("str"),
        "text_a": passages["text_a"].astype("str"),
        "article_b": passages["article_b"].map(names).astype("str"),
        "sentence_id_b": passages["sentence_id_b"].astype("str"),
        "text_b": passages["text_b"].astype("str"),
        "kind": passages["kind"].astype("str"),
        "similarity": passages["similarity"].round(2),
        "shared_words": passages["n_shared_words"].astype("int64"),
    })
    return table.reset_index(drop=True)


def passages_html(corpus, article_a: str, article_b: str) -> str:
    """The passages two articles share as an HTML table; every piece of article text is
    escaped (it is data, never markup)."""
    names = labels(corpus)
    a_name, b_name = html.escape(names.get(article_a, article_a)), html.escape(names.get(article_b, article_b))
    if article_a == article_b:
        return f"<p>Pick two different articles (both are {a_name}).</p>"
    table = aligned_passages(corpus, article_a, article_b)
    if table.empty:
        return f"<p>{NO_ROWS}: {a_name} and {b_name} share no passage.</p>"
    # Show the chosen first article on the left whatever the manifest order.
    left_is_a = table["article_a"].iloc[0] == names.get(article_a, article_a)
    words = int(table["shared_words"].sum())
    parts = [f"<p><b>{a_name}</b> and <b>{b_name}</b>: {len(table)} passage(s), {words} shared words.</p>",
             "<table><thead><tr>"
             f"<th style='text-align:left'>{a_name}</th><th style='text-align:left'>{b_name}</th>"
             "<th>kind</th><th>similarity</th></tr></thead><tbody>"]
    for row in table.itertuples(index=False):
        left, right = (row.text_a, row.text_b) if left_is_a else (row.text_b, row.text_a)
        parts.append(
            "<tr>"
            f"<td style='text-align:left;vertical-align:top'>{html.escape(left)}</td>"
            f"<td style='text-align:left;vertical-align:top'>{html.escape(right)}</td>"
            f"<td style='vertical-align:top'>{html.escape(row.kind)}</td>"
            f"<td style='vertical-align:top'>{row.similarity:.2f}</td></tr>"
        )
    parts.append("</tbody></table>")
    return "".join(parts)


def reuse_explorer(corpus):
    """Two Dropdowns (first and second article) and the passages they share, redrawn on
    every change. Starts on the pair sharing the most text."""
    import ipywidgets as widgets

    from kursk_analysis.workbook import display

    names = labels(corpus)
    options = [(name, article_id) for article_id, name in names.items()]
    shown = widgets.HTML()
    if len(options) < 2:
        shown.value = f"<p>{NO_ROWS}: the selection holds fewer than two articles to compare.</p>"
        return widgets.VBox([shown])
    pairs = reuse_pairs(corpus)
    if len(pairs):
        first, second = pairs["article_a"].iloc[0], pairs["article_b"].iloc[0]
    else:
        first, second = options[0][1], options[1][1]
    pick_a = widgets.Dropdown(options=options, value=first, description="Article A",
                              layout=widgets.Layout(width="45%"))
    pick_b = widgets.Dropdown(options=options, value=second, description="Article B",
                              layout=widgets.Layout(width="45%"))

    def redraw(change=None):
        shown.value = passages_html(corpus, pick_a.value, pick_b.value)

    pick_a.observe(redraw, names="value")
    pick_b.observe(redraw, names="value")
    redraw()
    label = display.snapshot_label(f"{names[pick_a.value]} beside {names[pick_b.value]}")
    return widgets.VBox([label, widgets.HBox([pick_a, pick_b]), shown])


# --------------------------------------------------------------------------- framing


def framing_table(corpus) -> pd.DataFrame:
    """Headline and lead (first analysed sentence) of each article; "(none in the copy)"
    where the copy has no headline."""
    table = leads(corpus)
    return pd.DataFrame({
        "article_id": table["id"].astype("str"),
        "outlet": table["outlet"].astype("str"),
        "headline": table["headline"].replace("", "(none in the copy)").astype("str"),
        "lead": table["lead"].astype("str"),
    })


def attribution_table(corpus) -> pd.DataFrame:
    """Verbs of attribution per article and register, the share that is loaded, and the
    loaded verbs as written (in text order)."""
    verbs = attribution_verbs(corpus)
    articles = corpus.articles
    frame = pd.DataFrame({"article_id": articles["id"].astype("str"),
                          "outlet": articles["outlet"].astype("str")})
    for register in REGISTERS.categories:
        frame[register] = _per_article(corpus, verbs[verbs["register"] == register].groupby("article_id").size())
    frame["total"] = frame[list(REGISTERS.categories)].sum(axis=1).astype("int64")
    frame["share_loaded"] = (frame["loaded"] / frame["total"].where(frame["total"] > 0)).round(2)
    loaded = verbs[verbs["register"] == "loaded"].groupby("article_id", sort=False)["verb"].agg(", ".join)
    frame["loaded_verbs"] = articles["id"].map(loaded).fillna("").astype("str").to_numpy()
    return frame.reset_index(drop=True)


def verb_table(corpus, top: int = 25) -> pd.DataFrame:
    """Lemma × article counts of the verbs of attribution, with their register: loaded
    first, then descriptive, then neutral, most used first within each (at most ``top``)."""
    verbs = attribution_verbs(corpus)
    names = labels(corpus)
    if verbs.empty:
        return pd.DataFrame(columns=["lemma", "register", *names.tolist(), "total"])
    counts = verbs.groupby(["lemma", "article_id"]).size().unstack("article_id", fill_value=0)
    counts = counts.reindex(columns=list(names.index), fill_value=0).astype("int64")
    counts.columns = names.tolist()
    register = verbs.drop_duplicates("lemma").set_index("lemma")["register"].astype("str")
    table = counts.reset_index()
    table.insert(1, "register", table["lemma"].map(register))
    table["total"] = counts.sum(axis=1).to_numpy()
    rank = {"loaded": 0, "descriptive": 1, "neutral": 2}
    table = table.assign(_r=table["register"].map(rank))
    table = table.sort_values(["_r", "total", "lemma"], ascending=[True, False, True], kind="stable")
    return table.drop(columns="_r").head(top).reset_index(drop=True)


def plot_registers(attribution: pd.DataFrame, ax):
    """Stacked horizontal bars: verbs of attribution per article by register."""
    if attribution.empty:
        return _no_rows(ax, "Verbs of attribution by register")
    attribution, title = _first(attribution, "Verbs of attribution per article, by register",
                                list(REGISTERS.categories), "verbs of attribution")
    names, _ = _axis_labels([f"{o} ({i})" for o, i in zip(attribution["outlet"], attribution["article_id"])], 26)
    y = np.arange(len(attribution))
    left = np.zeros(len(attribution))
    colours = {"neutral": "#8da0cb", "descriptive": "#66c2a5", "loaded": "#e78ac3"}
    for register in REGISTERS.categories:
        values = attribution[register].to_numpy(dtype=float)
        ax.barh(y, values, left=left, label=register, color=colours[register])
        left = left + values
    ax.set_yticks(y, names)
    ax.invert_yaxis()
    ax.set_xlabel("verbs of attribution (said / confirmed / claimed ...)")
    # The legend in one row between the title and the bars: beside them, a long figure's
    # legend was cut at the right edge.
    ax.set_title(title, pad=24)
    ax.legend(loc="lower left", bbox_to_anchor=(0.0, 1.0), ncol=len(REGISTERS.categories),
              frameon=False, borderaxespad=0.2)
    return ax


# --------------------------------------------------------------------------- headline numbers


LISTED = 12


def _listing(items: list[tuple[str, float]], most: int = LISTED) -> str:
    """Items joined with "; " in article order; beyond ``most`` articles, only the five
    with the highest value (ties in article order), saying so."""
    if len(items) <= most:
        return "; ".join(text for text, _ in items)
    top = sorted(range(len(items)), key=lambda i: (-items[i][1], i))[:5]
    return f"{len(items)} articles, the 5 highest: " + "; ".join(items[i][0] for i in top)


def _percent(value: float) -> str:
    return f"{value:.0%}" if pd.notna(value) else "n/a"


def headline_numbers(corpus, overview: pd.DataFrame, evidence: pd.DataFrame,
                     pairs: pd.DataFrame, attribution: pd.DataFrame,
                     facts: tuple[Fact, ...] = FACTS) -> str:
    """The notebook's headline numbers as plain sentences, one per line."""
    lines = [f"Articles compared: {len(corpus.articles)}."]
    if corpus.articles.empty:
        lines.append(f"{NO_ROWS}: no article in the selection, so nothing to compare.")
        return "\n".join(lines)
    names = labels(corpus)
    if len(pairs):
        top = pairs.iloc[0]
        lines.append(
            f"Most shared text: {names[top['article_a']]} and {names[top['article_b']]} share "
            f"{top['shared_words']} words ({top['verbatim_words']} verbatim, "
            f"{top['paraphrase_words']} paraphrased, in {top['n_passages']} passages): "
            f"{top['share_of_a']:.1%} of {names[top['article_a']]}'s words and "
            f"{top['share_of_b']:.1%} of {names[top['article_b']]}'s.")
        if len(pairs) > 1:
            second = pairs.iloc[1]
            lines.append(f"Next most shared: {names[second['article_a']]} and {names[second['article_b']]}, "
                         f"{second['shared_words']} words.")
    else:
        lines.append("Most shared text: no two articles share a passage.")
    anonymous = [(f"{names[a]} {_percent(s)} ({n} of {n + m})", s if pd.notna(s) else -1.0)
                 for a, s, n, m in zip(overview["article_id"], overview["share_anonymous"],
                                       overview["anonymous_sources"], overview["named_sources"])]
    lines.append(f"Anonymous share of attributed sources: {_listing(anonymous)}.")
    reported = evidence.groupby("article_id")["fact"].nunique()
    covered = [(f"{names[a]} {int(reported.get(a, 0))} of {len(facts)}", float(reported.get(a, 0)))
               for a in names.index]
    lines.append(f"Key facts reported: {_listing(covered)}.")
    counts = evidence.groupby("fact")["article_id"].nunique()
    if len(counts):
        best = max(facts, key=lambda f: (int(counts.get(f.name, 0)), -facts.index(f)))
        lines.append(f"Most widely reported fact: {best.label} ({int(counts.get(best.name, 0))} of "
                     f"{len(corpus.articles)} articles).")
    loaded = [(f"{names[a]} {n} of {t} ({_percent(s)})", s if pd.notna(s) else -1.0)
              for a, n, t, s in zip(attribution["article_id"], attribution["loaded"],
                                    attribution["total"], attribution["share_loaded"])]
    lines.append(f"Loaded verbs of attribution: {_listing(loaded)}.")
    return "\n".join(lines)
