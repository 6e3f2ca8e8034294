"""Who said what and when: the tables, figures and explorer behind notebook 03 (actor rhetoric).

Everything here reads tables the extraction layer already produced and returns a tidy
frame, a matplotlib Axes, a sentence or a widget, so the notebook only calls and shows:

- **Stances over time** (from :func:`kursk_analysis.stances`): :func:`stance_matrix` (per
  actor the first date asserted and denied and how many articles report each),
  :func:`chronology` (each actor's first assertion or denial in date order, with the days
  since the first assertion), :func:`repetitions` (later asserters, whom they came after,
  and the sentence that links them: "Trump took to social media to reiterate the Russian
  president's claims"), :func:`plot_timeline`.
- **Words** (from :func:`kursk_analysis.extract.quotes`): :func:`quote_table` (every quotation with
  its speaker, outlet and date), :func:`reported_speech` (the words an actor is reported to
  have said without quotation marks) and :func:`key_phrases`/:func:`phrases_by_side`
  (the phrases each side uses; see :func:`key_phrases` for how they are found).
- **Who quotes whom**: :func:`outlet_actor_counts`, :func:`plot_outlet_actor`,
  :func:`anonymous_reliance`, :func:`plot_anonymous_reliance`.
- **Headlines**: :func:`headline_numbers` and :func:`headline_text`.
- **Explorer**: :func:`actor_explorer`, an ipywidgets Dropdown that shows one actor's
  stances and quotations. Article text goes into its HTML escaped: it is data, never markup.

Dates: a stance is dated by :func:`kursk_analysis.stances` (a day named next to the actor,
else the article's publication date; ``date_basis`` says which). Quotations and
attributions carry no date of their own, so they are dated by publication.
"""
from __future__ import annotations

import html
import math
import re
import textwrap

import numpy as np
import pandas as pd

from kursk_analysis import pipeline
from kursk_analysis.analyses import charts
from kursk_analysis.corpus import cache, corrections
from kursk_analysis.extract.actors import SIDES, UNKNOWN_SIDE, gazetteer, study_table
from kursk_analysis.extract.quotes import VERB
from kursk_analysis.analyses.selection import for_actors, in_period, undated_note
from kursk_analysis.corpus.text import fold, shorten

LABEL_CHARS = 60  # longest outlet or actor name drawn on a chart; longer ones end in "…"

UNATTRIBUTED = "(unattributed)"
STANCES = ("asserts", "denies")
SIDE_COLOURS = {
    "Russia": "#c0392b", "Ukraine": "#2471a3", "United States": "#7d3c98",
    "Europe": "#229954", "North Korea": "#935116", "independent": "#566573",
    "unknown": "#a6acaf",
}
STANCE_MARKERS = {"asserts": "o", "denies": "X"}
SOURCE_KINDS = ("scare quote", "full quote", "reported speech")

MATRIX_COLUMNS = ["actor", "side", "first_asserted", "first_denied", "articles_asserting",
                  "articles_denying"]
CHRONOLOGY_COLUMNS = ["order", "date", "actor", "side", "stance", "days_after_first_assertion",
                      "date_basis", "outlet", "article_id", "sentence_id", "evidence"]
REPETITION_COLUMNS = ["actor", "first_asserted", "days_after_first_assertion", "after",
                      "linked_to", "outlet", "sentence_id", "evidence"]
QUOTE_TABLE_COLUMNS = ["actor", "side", "kind", "quote", "outlet", "published", "article_id",
                       "sentence_id", "start", "end", "speaker_text"]
SPEECH_COLUMNS = ["article_id", "sentence_id", "start", "end", "actor", "side", "verb", "text"]
PHRASE_COLUMNS = ["side", "actor", "phrase", "source", "article_id", "sentence_id", "start",
                  "end", "published"]


# --------------------------------------------------------------------------- selection


def select(frame: pd.DataFrame, params, date: str, actor: str | None = None) -> pd.DataFrame:
    """Rows in the parameters' period (by the ``date`` column) and, when ``actor`` names a
    column, for the parameters' actors."""
    chosen = in_period(frame, params, date)
    if actor is not None:
        chosen = for_actors(chosen, params, actor)
    return chosen.reset_index(drop=True)


def with_outlets(frame: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with each row's ``outlet`` and ``published`` date, joined on ``article_id``."""
    info = articles.set_index("id")[["outlet", "published"]]
    out = frame.drop(columns=[c for c in ("outlet", "published") if c in frame.columns])
    return out.join(info, on="article_id")


def _side_of(corpus=None) -> dict:
    """actor -> side in the gazetteer of ``corpus``'s study (the bundled one without)."""
    table = study_table(corpus) if corpus is not None else gazetteer()
    return table.set_index("actor")["side"].to_dict()


def _sides(actors: pd.Series, corpus=None) -> pd.Series:
    sides = _side_of(corpus)
    return pd.Categorical([sides.get(a, UNKNOWN_SIDE) for a in actors], categories=SIDES)


def _day(value) -> str:
    return "" if pd.isna(value) else pd.Timestamp(value).strftime("%Y-%m-%d")


# --------------------------------------------------------------------------- stances


def stance_matrix(stance_rows: pd.DataFrame) -> pd.DataFrame:
    """Actor × stance: per actor the first date asserted and denied, and in how many articles.

    One row per actor in :func:`kursk_analysis.stances` rows, ordered by the actor's first
    dated stance (undated actors last), then by name.
    """
    if stance_rows.empty:
        return pd.DataFrame({c: pd.Series(dtype=t) for c, t in zip(
            MATRIX_COLUMNS, ["str", "str", "datetime64[ns]", "datetime64[ns]", "int64", "int64"])})
    rows = []
    for actor, group in stance_rows.groupby("actor", sort=True, observed=True):
        asserts = group[group["stance"] == "asserts"]
        denies = group[group["stance"] == "denies"]
        rows.append((actor, str(group["side"].iloc[0]), asserts["date"].min(), denies["date"].min(),
                     asserts["article_id"].nunique(), denies["article_id"].nunique()))
    matrix = pd.DataFrame(rows, columns=MATRIX_COLUMNS)
    matrix["side"] = pd.Categorical(matrix["side"], categories=SIDES)
    for column in ("first_asserted", "first_denied"):
        matrix[column] = pd.to_datetime(matrix[column]).astype("datetime64[ns]")
    first = matrix[["first_asserted", "first_denied"]].min(axis=1)
    matrix = matrix.assign(_first=first).sort_values(["_first", "actor"], na_position="last",
                                                     kind="stable")
    return matrix.drop(columns="_first").reset_index(drop=True)


def _first_rows(stance_rows: pd.DataFrame) -> pd.DataFrame:
    """Each (actor, stance)'s first row: earliest date, then a date read from the text over a
    publication date, then article and position (so ties resolve the same way every run)."""
    ranked = stance_rows.assign(
        _undated=stance_rows["date"].isna(),
        _published=stance_rows["date_basis"].eq("publication date"),
    ).sort_values(["date", "_published", "article_id", "start", "actor"], na_position="last",
                  kind="stable")
    first = ranked.drop_duplicates(["actor", "stance"], keep="first")
    return first.drop(columns=["_undated", "_published"])


def chronology(stance_rows: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Each actor's first assertion and first denial of the claim, in date order.

    ``days_after_first_assertion`` counts from the earliest dated assertion by anyone in the
    rows (negative for a denial that came before it; empty when either date is unknown).
    ``evidence`` is the sentence, ``date_basis`` how the date was found.
    """
    if stance_rows.empty:
        return pd.DataFrame(columns=CHRONOLOGY_COLUMNS)
    first = with_outlets(_first_rows(stance_rows), articles)
    first = first.sort_values(["date", "stance", "actor"], na_position="last", kind="stable")
    origin = stance_rows.loc[stance_rows["stance"] == "asserts", "date"].min()
    days = (first["date"] - origin).dt.days if pd.notna(origin) else pd.Series(np.nan, index=first.index)
    first = first.assign(days_after_first_assertion=days.astype("Int64"),
                         order=np.arange(1, len(first) + 1))
    first["stance"] = first["stance"].astype(str)
    return first[CHRONOLOGY_COLUMNS + corrections.marked(first)].reset_index(drop=True)


def repetitions(stance_rows: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Who repeated whom: every asserter after the first, and whom they came after.

    ``after`` lists the actors who asserted the claim on an earlier day, earliest first.
    ``linked_to`` names those of them the coverage itself ties to this actor's assertion: an
    earlier asserter named as the claim's holder (or co-asserter) in a sentence where this
    actor asserts it ("Trump took to social media to reiterate the Russian president's
    claims"); ``evidence`` is that sentence (else the actor's first assertion).
    """
    asserts = stance_rows[stance_rows["stance"] == "asserts"]
    firsts = _first_rows(asserts).sort_values(["date", "actor"], na_position="last", kind="stable")
    firsts = firsts[firsts["date"].notna()]
    if len(firsts) < 2:
        return pd.DataFrame(columns=REPETITION_COLUMNS)
    first_date = dict(zip(firsts["actor"], firsts["date"]))
    origin = firsts["date"].iloc[0]
    outlets = articles.set_index("id")["outlet"].to_dict()
    by_sentence = asserts.groupby("sentence_id", sort=False)
    rows = []
    for _, row in firsts.iloc[1:].iterrows():
        actor, day = row["actor"], row["date"]
        earlier = [a for a, d in first_date.items() if d < day]
        if not earlier:
            continue
        linked, evidence = [], row
        own = asserts[(asserts["actor"] == actor) & asserts["role"].isin(["speaker", "quote"])]
        for _, mine in own.sort_values(["date", "article_id", "start"], kind="stable").iterrows():
            others = by_sentence.get_group(mine["sentence_id"])
            named = [a for a in others["actor"] if a in earlier and a != actor]
            if named:
                if not linked:
                    evidence = mine
                linked.extend(a for a in named if a not in linked)
        rows.append((actor, day, (day - origin).days, "; ".join(earlier),
                     "; ".join(sorted(linked, key=earlier.index)),
                     outlets.get(evidence["article_id"], ""), evidence["sentence_id"],
                     evidence["evidence"]))
    frame = pd.DataFrame(rows, columns=REPETITION_COLUMNS)
    frame["days_after_first_assertion"] = frame["days_after_first_assertion"].astype("int64")
    return frame


def stance_points(stance_rows: pd.DataFrame) -> pd.DataFrame:
    """The timeline's points: one per (article, actor, stance), dated by its earliest row."""
    columns = ["actor", "side", "stance", "date", "article_id", "sentence_id", "start", "end", "evidence"]
    if stance_rows.empty:
        return pd.DataFrame(columns=columns)
    # The sentence behind each point: the earliest-dated row, the first in the article on a tie.
    ordered = stance_rows.sort_values(["article_id", "date", "start"], na_position="last", kind="stable")
    points = (ordered.groupby(["article_id", "actor", "stance"], as_index=False, observed=True)
              .agg(side=("side", "first"), date=("date", "min"), sentence_id=("sentence_id", "first"),
                   start=("start", "first"), end=("end", "first"), evidence=("evidence", "first")))
    points["stance"] = points["stance"].astype(str)
    return points[columns]


def plot_timeline(stance_rows: pd.DataFrame, ax, title: str = "Who asserted and who denied the encirclement, by date"):
    """Actors on the y-axis (first to speak at the top), date on x; marker by stance
    (circle asserts, cross denies), colour by side. One point per article reporting it."""
    import matplotlib.dates as mdates
    from matplotlib.lines import Line2D

    points = stance_points(stance_rows)
    points = points[points["date"].notna()]
    ax.set_title(title)
    if points.empty:
        _no_data(ax, "No dated stance on the claim in this selection")
        return ax
    order = _timeline_actors(stance_rows, points)
    if len(order) > charts.MAX_ROWS:
        ax.set_title(f"{title}\n(the first {charts.MAX_ROWS} of {len(order)} actors to take a stance; "
                     "the chronology lists all)")
        order = order[: charts.MAX_ROWS]
        points = points[points["actor"].isin(order)]
    y = {actor: len(order) - i for i, actor in enumerate(order)}
    offset = {"asserts": -0.12, "denies": 0.12}
    for (stance, side), group in points.groupby(["stance", "side"], sort=True, observed=True):
        ax.scatter(group["date"], [y[a] + offset[stance] for a in group["actor"]],
                   marker=STANCE_MARKERS[stance], s=70, color=SIDE_COLOURS.get(str(side), "#566573"),
                   edgecolors="black", linewidths=0.5, zorder=3)
    ax.set_yticks(list(y.values()), [shorten(a, LABEL_CHARS) for a in y])
    ax.set_ylim(0.4, len(order) + 0.6)
    ax.grid(axis="x", color="#dddddd", zorder=0)
    ax.xaxis.set_major_locator(mdates.DayLocator(interval=max(1, _span_days(points) // 8)))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%d %b\n%Y"))
    low, high = points["date"].min(), points["date"].max()
    ax.set_xlim(low - pd.Timedelta(days=1), high + pd.Timedelta(days=1))
    ax.set_xlabel("date of the stance (named in the text, else publication date)")
    sides = [s for s in SIDES if s in set(points["side"].astype(str))]
    handles = [Line2D([], [], marker=STANCE_MARKERS[s], linestyle="", color="grey", markersize=8,
                      label=s) for s in STANCES if s in set(points["stance"])]
    handles += [Line2D([], [], marker="s", linestyle="", color=SIDE_COLOURS[s], markersize=8,
                       label=s) for s in sides]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False,
              title="stance / side")
    return ax


def _timeline_actors(stance_rows: pd.DataFrame, points: pd.DataFrame) -> list[str]:
    """The actors :func:`plot_timeline` draws, first to speak first."""
    present = set(points["actor"])
    return [a for a in stance_matrix(stance_rows)["actor"].tolist() if a in present]


def timeline_size(stance_rows: pd.DataFrame) -> tuple[float, float]:
    """A figure size for :func:`plot_timeline`: taller with each actor drawn (at most
    :data:`charts.MAX_ROWS`), at least 5.5 inches."""
    points = stance_points(stance_rows)
    points = points[points["date"].notna()]
    actors = min(len(_timeline_actors(stance_rows, points)), charts.MAX_ROWS) if not points.empty else 0
    return (11.0, charts.height(2 * actors, fixed=2.0, least=5.5))


def _span_days(points) -> int:
    return int((points["date"].max() - points["date"].min()).days) + 1


def _no_data(ax, message: str) -> None:
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes, fontsize=11)
    ax.set_xticks([])
    ax.set_yticks([])


# --------------------------------------------------------------------------- quotations


def quote_table(quote_rows: pd.DataFrame, articles: pd.DataFrame, kind: str | None = None,
                corpus=None) -> pd.DataFrame:
    """Every quotation (``kind``: ``"quote"`` full, ``"scare"`` scare quotes, None both) with
    its speaker (``(unattributed)`` when the text does not say), side, outlet and date.

    Ordered by actor, publication date, article and position.
    """
    rows = quote_rows if kind is None else quote_rows[quote_rows["kind"] == kind]
    rows = with_outlets(rows, articles)
    actor = rows["speaker"].where(rows["speaker"].notna(), UNATTRIBUTED).astype(str)
    rows = rows.assign(actor=actor, side=_sides(actor, corpus), kind=rows["kind"].astype(str),
                       quote=rows["quote"].str.strip().str.rstrip(",;:"))
    rows = rows.sort_values(["actor", "published", "article_id", "start"], na_position="last",
                            kind="stable")
    return rows[QUOTE_TABLE_COLUMNS + corrections.marked(rows)].reset_index(drop=True)


def reported_speech(corpus) -> pd.DataFrame:
    """What an actor is reported to have said, outside quotation marks: one row per frame.

    For "X said (that) …", "X claimed …" the words run from the verb to the next reporting
    frame or the sentence end; when little follows the verb ("…, Gerasimov also claimed")
    and for "…, according to X" they run from the sentence start to the speaker. Quoted
    words inside that span are cut out (they are quotations, counted there). Only frames
    whose speaker is known are kept. ``start``/``end`` are the span in the raw text.
    """
    from kursk_analysis.extract.quotes import quotes, speech_frames

    return pipeline.memo(corpus, "reported_speech",
                       lambda: _reported_speech(corpus, speech_frames(corpus), quotes(corpus)))


def _reported_speech(corpus, frames, quote_rows) -> pd.DataFrame:
    frames = frames[frames["actor"].notna() & frames["frame"].isin(["verb", "inverted", "coordinated", "aside", "passive"])]
    sentence_spans = dict(zip(corpus.sentences["sentence_id"],
                              zip(corpus.sentences["start"], corpus.sentences["end"])))
    quoted = {}
    for sid, s, e in zip(quote_rows["sentence_id"], quote_rows["start"], quote_rows["end"]):
        quoted.setdefault(sid, []).append((s - 1, e + 1))
    sides = _side_of(corpus)
    # Frames grouped by sentence in order of first appearance, in plain Python: pandas'
    # per-group lookups made this 23 s of a 1,000-article notebook.
    by_sentence: dict[str, list[tuple]] = {}
    for frame in zip(frames["sentence_id"], frames["article_id"], frames["start"], frames["end"],
                     frames["subject_start"], frames["frame"], frames["actor"], frames["verb"]):
        by_sentence.setdefault(frame[0], []).append(frame)
    rows = []
    for sid, group in by_sentence.items():
        s_start, s_end = sentence_spans[sid]
        article = group[0][1]
        raw = corpus.texts[article]
        heads = [min(st, ss) if ss >= 0 else st for _, _, st, _, ss, *_ in group]
        for (_, _, f_start, f_end, _, kind, actor, verb), head in zip(group, heads):
            after_end = min([h for h in heads if h > f_end] + [s_end])
            after = raw[f_end:after_end]
            if kind != "inverted" and len(_words(after)) >= 3:
                start, end = f_start, after_end  # the verb too: "slammed … as …"
            else:
                start, end = s_start, head
            text = _cut_quotes(raw, start, end, quoted.get(sid, []))
            if len(_words(text)) >= 1:
                rows.append((article, sid, start, end, actor, sides.get(actor, UNKNOWN_SIDE), verb, text))
    frame = pd.DataFrame(rows, columns=SPEECH_COLUMNS).drop_duplicates(
        ["article_id", "start", "end", "actor"])
    frame["side"] = pd.Categorical(frame["side"], categories=SIDES)
    return frame.sort_values(["article_id", "start", "actor"], kind="stable").reset_index(drop=True)


def _cut_quotes(raw: str, start: int, end: int, spans) -> str:
    """The raw text between start and end with quoted spans replaced by a break mark."""
    out, pos = [], start
    for s, e in sorted(spans):
        if e <= pos or s >= end:
            continue
        out.append(raw[pos:max(pos, s)])
        out.append(" | ")
        pos = max(pos, e)
    out.append(raw[pos:end])
    return "".join(out)


# --------------------------------------------------------------------------- phrases

WORD = re.compile(r"[A-Za-z][A-Za-z'-]*[A-Za-z]|[A-Za-z]|\d[\d,.]*")
TOKEN = re.compile(r"(?P<word>[A-Za-z][A-Za-z'-]*[A-Za-z]|[A-Za-z]|\d[\d,.]*)|[.,;:!?()\[\]|\"\u2014\u2013]|\s-\s|--")
PHRASE_MAX_WORDS = 4
SCARE_MAX_WORDS = 6
RARE_SHARE = 0.02  # a word in at most 2% of the corpus's sentences (or in two) is rare


def _words(text: str) -> list[str]:
    return WORD.findall(fold(text))


def _stop_words() -> frozenset:
    """spaCy's English stop words, kept in the cache (:mod:`kursk_analysis.corpus.cache`) so a
    kernel need not import spaCy for them."""
    from importlib.metadata import version

    def from_spacy() -> list[str]:
        from spacy.lang.en.stop_words import STOP_WORDS

        return sorted(STOP_WORDS)

    words = cache.remembered(
        "stop-words", cache.key("spacy stop words", version("spacy")), from_spacy,
        lambda found: isinstance(found, list) and bool(found) and all(type(w) is str for w in found))
    return frozenset(words)


def _vocabulary(corpus):
    """Sentence document frequency of each lower-cased word, and the words seen in lower case."""
    df: dict = {}
    lower = set()
    for text in corpus.sentences["text"]:
        words = _words(text)
        for w in set(x.casefold() for x in words):
            df[w] = df.get(w, 0) + 1
        lower.update(w for w in words if w[:1].islower())
    return df, lower, max(1, len(corpus.sentences))


def _candidates(text: str, stop, lower: set) -> list[tuple[str, int, int]]:
    """Runs of content words (``(phrase, start, end)`` in ``text``): split at punctuation,
    stop words, numbers, reporting verbs and names (capitalised words that the corpus
    never writes in lower case, or any capitalised word after the first)."""
    out, run = [], []
    first = True
    for m in TOKEN.finditer(fold(text)):
        word = m.group("word")
        if word is None:  # punctuation ends a run
            if run:
                out.append(run)
            run = []
            continue
        key = word.casefold()
        is_name = word[:1].isupper() and (not first or key not in lower)
        first = False
        if key in stop or word[:1].isdigit() or is_name or VERB.fullmatch(key) or len(key) < 3:
            if run:
                out.append(run)
            run = []
            continue
        run.append((key, m.start(), m.end()))
    if run:
        out.append(run)
    found = []
    for r in out:
        if r and len(r) <= PHRASE_MAX_WORDS:
            found.append((" ".join(w for w, _, _ in r), r[0][1], r[-1][2]))
    return found


def key_phrases(corpus, quote_rows: pd.DataFrame | None = None,
                speech: pd.DataFrame | None = None) -> pd.DataFrame:
    """The phrases each actor uses, with where they come from.

    - **Scare quotes**: the writer marked the words as the speaker's own ("surrender or
      die", "buffer zone"), so each is a phrase as it stands.
    - **Full quotes**: runs of two to four content words (split at stop words,
      punctuation, numbers, names and reporting verbs) with a word that is rare in the
      coverage, in at most 2% of its sentences or in two ("political manipulation",
      "exert pressure"), and any run that echoes a scare quote of the corpus ("completely
      surrounded" inside Trump's post). Common words of the story ("Ukrainian troops",
      "Kursk region") make no phrase.
    - **Reported speech** (:func:`reported_speech`; the words are the writer's, so only
      what the speaker is said to call something counts): the label after a verb of
      labelling and "as"/"a" ("treated as terrorists", "slammed that assertion as
      grandstanding misinformation", "hailed the Kursk operation as an overall success").

    One row per (phrase, actor, article, sentence), with the phrase's span in the raw text;
    unattributed quotations are left out.
    """
    from kursk_analysis.extract.quotes import quotes

    quote_rows = quotes(corpus) if quote_rows is None else quote_rows
    speech = reported_speech(corpus) if speech is None else speech
    stop = _stop_words()
    df, lower, n_sentences = _vocabulary(corpus)
    rare_max = max(2, math.floor(RARE_SHARE * n_sentences))
    rows = []
    attributed = quote_rows[quote_rows["speaker"].notna()]
    scare = attributed[attributed["kind"] == "scare"]
    echoes = set()
    for q in scare.itertuples(index=False):
        phrase = " ".join(w.casefold() for w in _words(q.quote))
        if phrase and len(phrase.split()) <= SCARE_MAX_WORDS:
            echoes.add(phrase)
            rows.append((q.speaker, phrase, "scare quote", q.article_id, q.sentence_id, q.start, q.end))
    for q in attributed[attributed["kind"] == "quote"].itertuples(index=False):
        for phrase, s, e in _candidates(q.quote, stop, lower):
            words = phrase.split()
            if phrase in echoes or (len(words) >= 2 and any(df.get(w, 0) <= rare_max for w in words)):
                rows.append((q.speaker, phrase, "full quote", q.article_id, q.sentence_id,
                             q.start + s, q.start + e))
    for r in speech.itertuples(index=False):
        for phrase, s, e in _labels(r.text, stop, lower):
            rows.append((r.actor, phrase, "reported speech", r.article_id, r.sentence_id,
                         r.start + s, r.start + e))
    frame = pd.DataFrame(rows, columns=["actor", "phrase", "source", "article_id", "sentence_id",
                                        "start", "end"])
    frame = frame.drop_duplicates(["actor", "phrase", "article_id", "sentence_id"])
    frame = with_outlets(frame, corpus.articles).drop(columns="outlet")
    frame["side"] = _sides(frame["actor"], corpus)
    frame["source"] = pd.Categorical(frame["source"], categories=SOURCE_KINDS)
    frame = frame.sort_values(["side", "actor", "article_id", "start"], kind="stable")
    return frame[PHRASE_COLUMNS].reset_index(drop=True)


# "treated as", "calling Putin's statement a", "slammed that assertion as", "hailed the Kursk
# operation as an": a verb that labels, up to eight words, then (up to eight words on) "as" or an article.
LABEL = re.compile(
    r"(?i)(?<!\w)(?:treat|brand|call|label|describ|dismiss|slamm|regard|consider|view|"
    r"denounc|condemn|hail|tout|portray|characteri[sz])\w*(?:\s+[\w'-]+){0,8}?\s+(?:as|an?)\s+")


def _labels(text: str, stop, lower: set) -> list[tuple[str, int, int]]:
    """The phrase a speaker is reported to call something: the first run of content words
    after a labelling verb and "as"/"a", when only stop words come between."""
    folded = fold(text)
    out = []
    for m in LABEL.finditer(folded):
        rest = text[m.end():]
        found = _candidates(rest, stop, lower)
        if found:
            phrase, s, e = found[0]
            gap = [w.casefold() for w in _words(rest[:s])]
            if len(gap) <= 2 and all(w in stop for w in gap):
                out.append((phrase, m.end() + s, m.end() + e))
    return out


def phrases_by_side(phrases: pd.DataFrame, per_side: int | None = None) -> pd.DataFrame:
    """Each side's phrases: who used them, in how many articles, from which kind of source.

    Ordered by side, then phrases found in more articles and in quotation marks first;
    ``per_side`` keeps only that many per side.
    """
    columns = ["side", "phrase", "actors", "articles", "sources"]
    if phrases.empty:
        return pd.DataFrame(columns=columns)
    grouped = phrases.groupby(["side", "phrase"], observed=True, sort=True)
    table = grouped.agg(
        actors=("actor", lambda s: "; ".join(sorted(set(s)))),
        articles=("article_id", "nunique"),
        sources=("source", lambda s: ", ".join(k for k in SOURCE_KINDS if k in set(s.astype(str)))),
        _quoted=("source", lambda s: int((s.astype(str) != "reported speech").any())),
        _words=("phrase", lambda s: len(s.iloc[0].split())),
    ).reset_index()
    table = table.sort_values(["side", "articles", "_quoted", "_words", "phrase"],
                              ascending=[True, False, False, False, True], kind="stable")
    if per_side is not None:
        table = table.groupby("side", observed=True, sort=False).head(per_side)
    return table[columns].reset_index(drop=True)


# --------------------------------------------------------------------------- outlets


def outlet_actor_counts(quote_rows: pd.DataFrame, source_rows: pd.DataFrame,
                        articles: pd.DataFrame) -> pd.DataFrame:
    """Outlet × actor: quotations (full and scare) and attributions ("X said", "according
    to X"), one row per pair with at least one of either; unattributed quotes are left out."""
    quoted = with_outlets(quote_rows[quote_rows["speaker"].notna()], articles)
    quoted = quoted.groupby(["outlet", "speaker"]).size().rename("quotes")
    quoted.index = quoted.index.set_names(["outlet", "actor"])
    cited = with_outlets(source_rows, articles).groupby(["outlet", "actor"]).size().rename("attributions")
    table = pd.concat([quoted, cited], axis=1).fillna(0).astype("int64").reset_index()
    if table.empty:
        return pd.DataFrame({"outlet": pd.Series(dtype="str"), "actor": pd.Series(dtype="str"),
                             "quotes": pd.Series(dtype="int64"),
                             "attributions": pd.Series(dtype="int64")})
    return table.sort_values(["outlet", "actor"], kind="stable").reset_index(drop=True)


def outlet_actor_grid(counts: pd.DataFrame, value: str = "quotes", max_actors: int = 20) -> pd.DataFrame:
    """The outlet × actor grid of ``value`` one heatmap draws: actors most counted first (at
    most ``max_actors``), outlets in name order; past :data:`charts.MAX_ROWS` outlets the
    ones counting the most are kept and the rest summed into a "k other outlets" row."""
    used = counts[counts[value] > 0]
    if used.empty:
        return pd.DataFrame()
    totals = used.groupby("actor")[value].sum()
    actor_order = sorted(totals.index, key=lambda a: (-totals[a], a))[:max_actors]
    grid = used.pivot_table(index="outlet", columns="actor", values=value, aggfunc="sum",
                            fill_value=0).reindex(columns=actor_order, fill_value=0).sort_index()
    if len(grid) > charts.MAX_ROWS:
        by_total = grid.sum(axis=1)
        order = sorted(grid.index, key=lambda o: (-by_total[o], o))
        kept = sorted(order[: charts.MAX_ROWS - 1])
        rest = grid.drop(index=kept)
        grid = pd.concat([grid.loc[kept], rest.sum().to_frame(f"{len(rest)} other outlets").T])
    return grid


def outlet_actor_size(counts: pd.DataFrame) -> tuple[float, float]:
    """Size of a figure holding the two outlet-by-actor heatmaps one above the other: each
    grows with the outlets it draws and the lines their labels take."""
    if counts.empty:
        return (11.0, 10.0)
    each = [charts.height(charts.label_lines([charts.label(o) for o in outlet_actor_grid(counts, value).index]),
                          fixed=3.4, least=4.5)
            for value in ("quotes", "attributions")]
    return (11.0, min(2 * charts.MAX_HEIGHT, sum(each)))


def plot_outlet_actor(counts: pd.DataFrame, ax, value: str = "quotes", max_actors: int = 20,
                      title: str | None = None):
    """Heatmap of ``value`` (``quotes`` or ``attributions``) per outlet (rows) and actor
    (columns, most quoted first, at most ``max_actors``), with the counts written in; see
    :func:`outlet_actor_grid` for what a corpus of many outlets draws."""
    title = title or f"Which outlet {'quotes' if value == 'quotes' else 'cites'} which actor ({value})"
    grid = outlet_actor_grid(counts, value, max_actors)
    if grid.empty:
        ax.set_title(title)
        _no_data(ax, f"No {value} in this selection")
        return ax
    outlets = counts.loc[counts[value] > 0, "outlet"].nunique()
    ax.set_title(title if len(grid) == outlets else f"{title}: {len(grid) - 1} of {outlets} outlets, the rest summed")
    image = ax.imshow(grid.to_numpy(), cmap="Blues", aspect="auto", vmin=0)
    peak = grid.to_numpy().max()
    for (i, j), n in np.ndenumerate(grid.to_numpy()):
        if n:
            ax.text(j, i, str(n), ha="center", va="center", fontsize=9,
                    color="white" if n > peak / 2 else "black")
    # Actor names on one line, turned upright: slanted or wrapped, neighbours' boxes overlap.
    ax.set_xticks(range(len(grid.columns)), [shorten(a, 28) for a in grid.columns], rotation=90, fontsize=9)
    ax.set_yticks(range(len(grid.index)), [charts.label(o) for o in grid.index], fontsize=9)
    from matplotlib.ticker import MaxNLocator

    bar = ax.figure.colorbar(image, ax=ax, shrink=0.8, label=value)
    bar.locator = MaxNLocator(integer=True)
    bar.update_ticks()
    return ax


def anonymous_reliance(summary: pd.DataFrame) -> pd.DataFrame:
    """Per outlet, from :func:`kursk_analysis.extract.sourcing.sourcing_summary`: articles,
    attributions to named and to anonymous sources, and the anonymous share (most first)."""
    columns = ["outlet", "articles", "named", "anonymous", "share_anonymous"]
    if summary.empty:
        return pd.DataFrame(columns=columns)
    table = summary.groupby("outlet", sort=True).agg(
        articles=("article_id", "nunique"), named=("named", "sum"), anonymous=("anonymous", "sum"))
    total = table["named"] + table["anonymous"]
    table["share_anonymous"] = (table["anonymous"] / total.where(total > 0)).round(2)
    table = table.reset_index().sort_values(["share_anonymous", "anonymous", "outlet"],
                                            ascending=[False, False, True], na_position="last",
                                            kind="stable")
    return table[columns].reset_index(drop=True)


def reliance_bars(table: pd.DataFrame) -> pd.DataFrame:
    """The rows :func:`plot_anonymous_reliance` draws: :data:`charts.MAX_ROWS` - 1 outlets
    in the table's order (most anonymous first) and the rest summed into one "k other
    outlets" row with its own share; the table itself when it is that short."""
    rows, folded = charts.top_with_others(table, "outlet", ["articles", "named", "anonymous"])
    if folded:
        total = rows["named"] + rows["anonymous"]
        rows = rows.assign(share_anonymous=(rows["anonymous"] / total.where(total > 0)).round(2))
    return rows


def reliance_size(table: pd.DataFrame) -> tuple[float, float]:
    """A figure size for :func:`plot_anonymous_reliance`: its height grows with the outlets
    drawn and the lines their labels take."""
    labels = [charts.label(o) for o in reliance_bars(table)["outlet"]] if not table.empty else []
    return (10.0, charts.height(charts.label_lines(labels), fixed=1.4))


def plot_anonymous_reliance(table: pd.DataFrame, ax,
                            title: str = "How much each outlet leans on anonymous sources"):
    """Horizontal stacked bars: attributions to named and to anonymous sources per outlet,
    the anonymous share written at the end of each bar; past :data:`charts.MAX_ROWS`
    outlets the rest are one summed bar (the table lists every outlet)."""
    if table.empty or (table["named"] + table["anonymous"]).sum() == 0:
        ax.set_title(title)
        _no_data(ax, "No attributed sources in this selection")
        return ax
    rows = reliance_bars(table)
    if len(rows) < len(table):
        title = f"{title}: {len(rows) - 1} of {len(table)} outlets, the rest summed"
    ax.set_title(title, pad=24)
    rows = rows.iloc[::-1]
    y = np.arange(len(rows))
    ax.barh(y, rows["named"], color="#7fb3d5", label="named")
    ax.barh(y, rows["anonymous"], left=rows["named"], color="#e59866", label="anonymous")
    ax.set_yticks(y, [charts.label(o) for o in rows["outlet"]])
    ax.set_ylim(-0.6, len(rows) - 0.4)
    for i, (named, anon, share) in enumerate(zip(rows["named"], rows["anonymous"], rows["share_anonymous"])):
        text = "" if pd.isna(share) else f"{share:.0%} anonymous"
        ax.text(named + anon + 0.3, i, text, va="center", fontsize=9)
    ax.set_xlabel("attributions (\"X said\", \"according to X\")")
    ax.set_xlim(0, (rows["named"] + rows["anonymous"]).max() * 1.35 + 1)
    # Above the bars, in one row: inside the axes it covered the longest bar's share.
    ax.legend(loc="lower left", bbox_to_anchor=(0.0, 1.0), ncol=2, frameon=False, borderaxespad=0.2)
    return ax


# --------------------------------------------------------------------------- headlines


def headline_numbers(stance_rows: pd.DataFrame, reliance: pd.DataFrame) -> dict:
    """The notebook's headline numbers (None where the selection has nothing to count)."""
    matrix = stance_matrix(stance_rows)
    dated = stance_rows[stance_rows["date"].notna()]
    asserted = dated[dated["stance"] == "asserts"]
    denied = dated[dated["stance"] == "denies"]
    first_assertion = asserted["date"].min() if len(asserted) else None
    first_denial = denied["date"].min() if len(denied) else None
    first_asserters = sorted(set(asserted.loc[asserted["date"] == first_assertion, "actor"])) if len(asserted) else []
    first_deniers = sorted(set(denied.loc[denied["date"] == first_denial, "actor"])) if len(denied) else []
    most = reliance[reliance["share_anonymous"].notna()] if len(reliance) else reliance
    top = most.iloc[0] if len(most) else None
    return {
        "first_asserters": first_asserters,
        "first_assertion": first_assertion,
        "first_deniers": first_deniers,
        "first_denial": first_denial,
        "days_to_first_denial": (first_denial - first_assertion).days
        if first_assertion is not None and first_denial is not None else None,
        "actors_asserting": int(matrix["articles_asserting"].gt(0).sum()),
        "actors_denying": int(matrix["articles_denying"].gt(0).sum()),
        "most_anonymous_outlet": None if top is None else top["outlet"],
        "most_anonymous_share": None if top is None else float(top["share_anonymous"]),
        "most_anonymous_counts": None if top is None else (int(top["anonymous"]),
                                                            int(top["anonymous"] + top["named"])),
    }


def headline_text(numbers: dict) -> str:
    """The headline numbers as plain sentences, one per line (what nbval compares)."""
    lines = []
    if numbers["first_assertion"] is not None:
        lines.append(f"First to assert the encirclement: {' and '.join(numbers['first_asserters'])}, "
                     f"on {_day(numbers['first_assertion'])}.")
    else:
        lines.append("First to assert the encirclement: nobody in this selection.")
    if numbers["first_denial"] is not None:
        lines.append(f"First denial: {_day(numbers['first_denial'])}, by "
                     f"{', '.join(numbers['first_deniers'])}.")
    else:
        lines.append("First denial: nobody in this selection denies it.")
    if numbers["days_to_first_denial"] is not None:
        days = numbers["days_to_first_denial"]
        lines.append(f"Days from the first assertion to the first denial: {days}." if days >= 0 else
                     f"Days from the first assertion to the first denial: none; the first denial came "
                     f"{-days} day{'s' if days != -1 else ''} before the first dated assertion.")
    else:
        lines.append("Days from the first assertion to the first denial: not measurable "
                     "(an assertion and a denial with dates are both needed).")
    lines.append(f"Actors asserting: {numbers['actors_asserting']}; actors denying: "
                 f"{numbers['actors_denying']}.")
    if numbers["most_anonymous_outlet"] is not None:
        anon, total = numbers["most_anonymous_counts"]
        lines.append(f"Outlet leaning most on anonymous sources: {numbers['most_anonymous_outlet']} "
                     f"({anon} of {total} attributions, {numbers['most_anonymous_share']:.0%}).")
    else:
        lines.append("Outlet leaning most on anonymous sources: none (no attributed sources).")
    return "\n".join(lines)


def _with_undated(note: str, rows, params, column: str, noun: str) -> str:
    if params is None or not isinstance(rows, pd.DataFrame) or column not in rows:
        return note
    extra = undated_note(rows, params, column, noun)
    return f"{note} {extra}" if extra else note


def stance_note(stance_rows: pd.DataFrame, total, params=None) -> str:
    """One sentence on how many stance rows the selection keeps, or that there are none.

    ``total`` is the number of stance rows, or the table of them; with the table and
    ``params``, a second sentence says how many the period could not place."""
    note = _stance_note(stance_rows, len(total) if isinstance(total, pd.DataFrame) else total)
    return _with_undated(note, total, params, "date", "stance")


def _stance_note(stance_rows: pd.DataFrame, total: int) -> str:
    if total == 0:
        return "This corpus has no sentence in which an actor asserts or denies the encirclement."
    if stance_rows.empty:
        return (f"None of the corpus's {total} stance rows fall in the chosen period and actors; "
                "the stance tables and timeline below are empty.")
    return (f"{len(stance_rows)} of {total} stance rows kept: {stance_rows['actor'].nunique()} actors "
            f"in {stance_rows['article_id'].nunique()} articles.")


def quote_note(quote_rows: pd.DataFrame, total, params=None) -> str:
    """One sentence on the quotations kept, or that there are none (``total`` as in
    :func:`stance_note`; quotations are dated by their article's publication)."""
    note = _quote_note(quote_rows, len(total) if isinstance(total, pd.DataFrame) else total)
    return _with_undated(note, total, params, "published", "quotation")


def _quote_note(quote_rows: pd.DataFrame, total: int) -> str:
    if total == 0:
        return "This corpus has no quotations."
    if quote_rows.empty:
        return f"None of the corpus's {total} quotations fall in the chosen period and actors."
    kinds = quote_rows["kind"].astype(str).value_counts()
    unattributed = int(quote_rows["speaker"].isna().sum())
    return (f"{len(quote_rows)} of {total} quotations kept: {kinds.get('quote', 0)} full quotations "
            f"and {kinds.get('scare', 0)} scare quotes; {unattributed} without a known speaker.")


# --------------------------------------------------------------------------- explorer


def actor_card(actor: str, stance_rows: pd.DataFrame, quote_table_rows: pd.DataFrame) -> str:
    """HTML for one actor: stances over time and quotations. All text is escaped."""
    e = html.escape
    mine = stance_points(stance_rows[stance_rows["actor"] == actor]).sort_values(
        ["date", "article_id"], na_position="last", kind="stable")
    said = quote_table_rows[quote_table_rows["actor"] == actor]
    parts = [f"<h4>{e(actor)}</h4>"]
    if mine.empty:
        parts.append("<p>No stance on the encirclement claim.</p>")
    else:
        parts.append("<p><b>Stance over time</b></p><table><tr><th>date</th><th>stance</th>"
                     "<th>article</th></tr>")
        parts += [f"<tr><td>{e(_day(d) or 'undated')}</td><td>{e(s)}</td><td>{e(a)}</td></tr>"
                  for d, s, a in zip(mine["date"], mine["stance"], mine["article_id"])]
        parts.append("</table>")
    if said.empty:
        parts.append("<p>No quotations.</p>")
    else:
        parts.append(f"<p><b>Quotations ({len(said)})</b></p><ul>")
        parts += [f"<li>{e(_day(p) or 'undated')}, {e(str(o))} ({e(k)}): &ldquo;{e(q)}&rdquo;</li>"
                  for p, o, k, q in zip(said["published"], said["outlet"], said["kind"], said["quote"])]
        parts.append("</ul>")
    return "".join(parts)


def explorer_actors(stance_rows: pd.DataFrame, quote_table_rows: pd.DataFrame) -> list[str]:
    """The actors the explorer offers: those with a stance, then those only quoted, by name."""
    with_stance = sorted(set(stance_rows["actor"]))
    quoted = sorted(set(quote_table_rows["actor"]) - set(with_stance) - {UNATTRIBUTED})
    return with_stance + quoted


def actor_explorer(stance_rows: pd.DataFrame, quote_table_rows: pd.DataFrame):
    """An ipywidgets explorer: pick an actor, see their stances over time and their quotations.

    ``quote_table_rows`` is :func:`quote_table`'s output. Returns a VBox (a Dropdown and an
    HTML view updated when the choice changes), or an HTML note when nobody can be picked.
    """
    import ipywidgets as widgets

    from kursk_analysis.workbook import display

    names = explorer_actors(stance_rows, quote_table_rows)
    if not names:
        return widgets.HTML("<p>No actor with a stance or a quotation in this selection.</p>")
    choice = widgets.Dropdown(options=names, value=names[0], description="Actor",
                              layout=widgets.Layout(width="420px"))
    view = widgets.HTML(actor_card(names[0], stance_rows, quote_table_rows))

    def show(change):
        view.value = actor_card(change["new"], stance_rows, quote_table_rows)

    choice.observe(show, names="value")
    return widgets.VBox([display.snapshot_label(f"the first actor, {names[0]}"), choice, view])
