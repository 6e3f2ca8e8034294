"""Who asserts and who denies that Ukrainian troops in Kursk were encircled, sentence by sentence.

:func:`stances` returns one row per (article, actor, sentence, stance): ``asserts`` or
``denies``, the sentence as evidence, and the date the stance was taken.

A sentence counts when it mentions the claim: a term for encirclement ("surrounded",
"encircled", "encirclement", "trapped", "cut off", "cauldron", "kettle"), or a claim noun
pointing back to one ("this claim", "that assertion") within three sentences of such a term.
A term governed by a prediction or hedge ("risk being encircled", "could be surrounded",
"in danger of encirclement", "almost completely surrounded") is not a claim that troops
*are* encircled: alone, it makes no stance. Who holds which stance:

- **Claim holders assert**: "contrary to assertions made by Trump and Putin", "despite
  claims by both Vladimir Putin and President Trump", "Putin's March 13 claim", "the
  Russian president's claims".
- **Reporting frames** (from :func:`kursk_analysis.quotes.speech_frames`: "X said",
  "according to X", "X refuted", "X concluded", "X and Y have cast doubt") take the
  polarity of the words they report: ``denies`` when a denial cue ("not surrounded", "no
  geolocated evidence", "false and fabricated", "refuted", "denied", "untrue",
  "misinformation", "contrary to") lies in the frame's scope, else ``asserts``. The scope
  of a frame before its content ("X said that …") runs from the verb to the end of the
  sentence; of a frame after it ("…, X said" / "according to X") from the sentence start to
  the verb. A holder never also denies in the same sentence.
- Countries speaking stand for their governments: "Ukraine denied that its troops were
  surrounded" gives the **Ukrainian government** (``side`` Ukraine). We keep it apart from
  the Ukrainian General Staff, whose own statement ("false and fabricated") is a separate
  row, so a reader can see which Ukrainian voice each outlet cites.

``date`` is when the stance was taken: a day-precise time expression in the sentence
closest to the actor or its verb ("Putin's March 13 claim", "reported on March 14", "said
in a statement Friday"), from :func:`kursk_analysis.timex.time_expressions`; otherwise the
article's publication date (``date_basis`` says which; NaT when the article has no date).

Why rules and not a classifier: the claim has a small vocabulary, the evaluation is on
hand-annotated articles, and each row must be explainable from its evidence sentence.
"""
from __future__ import annotations

import re

import pandas as pd

from .actors import SIDES, actors, copies_of, gazetteer, replicate
from .quotes import quotes, speech_frames
from .text import fold

STANCE_COLUMNS = ["article_id", "actor", "side", "stance", "role", "sentence_id", "start",
                  "end", "evidence", "date", "date_basis"]
CLAIMS = {
    "encirclement": re.compile(
        r"(?i)(?<!\w)(?:surround(?:ed|ing)?|encircl(?:ed|ement|ing|e)|trapped|cut off|"
        r"kettled?|cauldron|pocketed|besieged)(?!\w)"),
}
# A prediction or hedge in the few words before a term ("risk being encircled").
HEDGE = re.compile(
    r"(?i)(?:\brisks?|\brisking|\bcould|\bmay|\bmight|\bwould|\bwill|\bdanger of|\bthreat of|"
    r"\bfear of|\bfears? of|\bavoid(?:ing)?|\balmost|\bnearly|\bpartially|\bpartly|"
    r"\bclose to|\bverge of|\babout to|\bif|\bface|\bfacing|\bprevent)"
    r"(?:\s+[\w'-]+){0,2}\s+[\"']?$")
NEGATION = re.compile(r"(?i)(?<!\w)(?:not|no|never|neither|nor|without|n't)(?!\w)")
DENIAL = re.compile(
    r"(?i)(?<!\w)(?:false|fabricat\w*|untrue|not true|misinformation|disinformation|"
    r"distortion|refut\w*|den(?:y|ied|ies|ying)|reject\w*|dismiss\w*|debunk\w*|"
    r"contrary to|contradict\w*|cast(?:s|ing)? doubt|doubts?|no (?:\w+ )?evidence|fake|"
    r"rumou?rs?|lies|propaganda|grandstanding|slam\w*|baseless|unfounded|nonsense|"
    r"manipulation|exaggerat\w*|overstat\w*|no (?:sign|indication)s? of)(?!\w)")
CLAIM_NOUN = re.compile(
    r"(?i)(?<!\w)(?:claims?|assertions?|statements?|allegations?|ultimatum|rhetoric|"
    r"insistence|remarks)(?!\w)")
HOLDER_BY = re.compile(
    r"(?i)(?<!\w)(?:claims?|assertions?|statements?|allegations?|insistence|rhetoric)"
    r"\s+(?:(?:made|put forward|repeated|voiced)\s+)?by\s+(?:both\s+)?")
# Between two holders: "and", a list comma, and titles ("U.S. President", "Russian President").
HOLDER_GAP = re.compile(r"\s*(?:,\s*)?(?:and\s+|&\s*)?(?:both\s+)?(?:[A-Z][\w.'-]*\s+){0,3}")
ANAPHOR = re.compile(
    r"(?i)(?<!\w)(?:this|that|the|his|her|their|such|these|those)\s+(?:\w+\s+)?"
    r"(?:claims?|assertions?|allegations?|ultimatum)(?!\w)")
ANAPHOR_WINDOW = 3  # sentences back in which an anaphoric "that claim" finds its term
HEDGE_WINDOW = 40
NEGATION_WINDOW = 30


def stances(corpus, claim: str = "encirclement") -> pd.DataFrame:
    """Stances on a claim (only ``"encirclement"`` so far), one row per actor and sentence.

    Columns: article_id, actor (canonical), side, stance (``asserts``/``denies``), role
    (``holder``: whose claim it is; ``speaker``: who is reported saying it; ``quote``: who
    is quoted), sentence_id, start, end (the sentence's span in the raw text), evidence
    (the sentence), date (when the stance was taken), date_basis (the time expression used,
    or ``publication date``, or ``no date``). Sorted by article_id, start, actor.
    """
    if claim not in CLAIMS:
        raise ValueError(f"Unknown claim {claim!r}; known claims: {', '.join(CLAIMS)}.")
    return corpus.memo(f"stances:{claim}", lambda: _compute(corpus, CLAIMS[claim]))


def summary(stance_rows: pd.DataFrame) -> pd.DataFrame:
    """One row per (article, actor, stance), with the first sentence and earliest date."""
    return (stance_rows.sort_values(["article_id", "start"])
            .groupby(["article_id", "actor", "stance"], as_index=False, observed=True)
            .agg(side=("side", "first"), sentence_id=("sentence_id", "first"),
                 date=("date", "min"), n_sentences=("sentence_id", "nunique")))


# --------------------------------------------------------------------------- per sentence


def claim_terms(text: str, term: re.Pattern) -> list[tuple[int, int, bool]]:
    """``(start, end, hedged)`` of each claim term in a folded sentence."""
    out = []
    for m in term.finditer(text):
        window = text[max(0, m.start() - HEDGE_WINDOW):m.start()]
        hedge = HEDGE.search(window)
        # A negated hedge denies outright: "no threat of encirclement", "not at risk of".
        if hedge and NEGATION.search(window[max(0, hedge.start() - 12):hedge.start()]):
            hedge = None
        out.append((m.start(), m.end(), bool(hedge)))
    return out


def denies_in(text: str, terms: list[tuple[int, int, bool]]) -> bool:
    """Whether a (folded) scope denies the claim: a denial cue, or a negation just before
    an unhedged term ("are not surrounded", "are not “encircled”")."""
    if DENIAL.search(text):
        return True
    for start, _, hedged in terms:
        if NEGATION.search(text[max(0, start - NEGATION_WINDOW):start]):
            return True
    return False


def _holders(folded: str, s_start: int, mention_rows) -> list[tuple[str, int, int]]:
    """Claim holders named by "claims (made) by X and Y" in a sentence."""
    out = []
    for m in HOLDER_BY.finditer(folded):
        pos = m.end()
        for start, end, actor in mention_rows:
            rel_s, rel_e = start - s_start, end - s_start
            if rel_s < pos:
                continue
            gap = folded[pos:rel_s]
            if gap.strip() and not HOLDER_GAP.fullmatch(gap):
                break
            out.append((actor, start, end))
            pos = rel_e
    return out


def _compute(corpus, term: re.Pattern) -> pd.DataFrame:
    info = gazetteer().set_index("actor")["side"].to_dict()
    sentences = corpus.sentences
    frames = speech_frames(corpus)
    qs = quotes(corpus)
    mentions = actors(corpus)
    times = _day_expressions(corpus)
    published = dict(zip(corpus.articles["id"], corpus.articles["published"]))

    # Rows per sentence, looked up lazily: only the distinct articles are read.
    frames_by = _LazyRows(frames[frames["actor"].notna()],
                          ["start", "end", "verb", "subject_start", "subject_end", "actor",
                           "frame"])
    mentions_by = _LazyRows(mentions, ["start", "end", "actor"], tuples=True)
    quotes_by = _LazyRows(qs[qs["speaker"].notna() & qs["kind"].eq("quote")],
                          ["start", "end", "quote", "speaker"])
    times_by = _LazyRows(times, ["start", "end", "text", "date_start"], tuples=True)

    rows = []
    columns = (sentences["article_id"].tolist(), sentences["sentence_id"].tolist(),
               sentences["start"].tolist(), sentences["end"].tolist(),
               sentences["text"].tolist())
    groups = sentences.groupby("article_id", sort=False).indices
    # Wire copy republished verbatim (same sentences, same date) is read once.
    unique, copies = copies_of(corpus, lambda a: (
        corpus.texts[a], tuple(columns[2][i] for i in groups.get(a, ())), published.get(a)))
    for article_id in unique:
        if article_id in groups:
            _article_stances(article_id, [tuple(c[i] for c in columns) for i in groups[article_id]],
                             term, frames_by, mentions_by, quotes_by, times_by, published,
                             info, rows)
    frame = replicate(_stance_frame(rows), copies)
    return frame.sort_values(["article_id", "start", "actor"], kind="stable").reset_index(drop=True)


def _article_stances(article_id, sentence_rows, term, frames_by, mentions_by, quotes_by,
                     times_by, published, info, rows):
    last_term = -99
    for position, (_, sid, s_start, s_end, text) in enumerate(sentence_rows):
        folded = fold(text)
        terms = claim_terms(folded, term)
        if terms:
            last_term = position
        unhedged = [t for t in terms if not t[2]]
        anaphoric = (not terms and ANAPHOR.search(folded)
                     and position - last_term <= ANAPHOR_WINDOW)
        if not unhedged and not anaphoric:
            continue
        found: dict = {}

        def add(actor, stance, role, *anchors):
            key = (actor, stance)
            if key not in found:
                found[key] = (role, [a for a in anchors if a >= 0])

        holders = set()
        for actor, start, end in _holders(folded, s_start, mentions_by.get(sid)):
            holders.add(actor)
            add(actor, "asserts", "holder", start, end)
        sentence_frames = frames_by.get(sid)
        if sentence_frames:
            for f in sentence_frames:
                if f.frame == "possessive":
                    if CLAIM_NOUN.fullmatch(f.verb):
                        holders.add(f.actor)
                        add(f.actor, "asserts", "holder", f.subject_start, f.subject_end,
                            f.start)
                    continue
        if sentence_frames:
            for f in sentence_frames:
                if f.frame == "possessive" or f.actor in holders:
                    continue
                v_start, v_end = f.start - s_start, f.end - s_start
                content_after = f.frame != "inverted" and (
                    not unhedged or unhedged[-1][0] > v_start)
                scope = folded[v_start:] if content_after else folded[:v_end]
                scope_terms = [(t[0] - (v_start if content_after else 0), t[1], t[2])
                               for t in unhedged]
                if not unhedged and not anaphoric:
                    continue
                if unhedged and not any(
                        (t[0] >= v_start) if content_after else (t[0] < v_end) for t in unhedged):
                    continue
                stance = "denies" if denies_in(scope, scope_terms) else "asserts"
                add(f.actor, stance, "speaker", f.subject_start, f.subject_end, f.start, f.end)
        sentence_quotes = quotes_by.get(sid)
        if sentence_quotes:
            for q in sentence_quotes:
                inner = fold(q.quote)
                q_terms = [t for t in claim_terms(inner, term) if not t[2]]
                if q_terms and q.speaker not in holders:
                    stance = "denies" if denies_in(inner, q_terms) else "asserts"
                    add(q.speaker, stance, "quote", q.start, q.end)
        # A holder is never also a denier in the same sentence.
        for (actor, stance), (role, anchors) in found.items():
            if stance == "denies" and actor in holders:
                continue
            others = [(s, e) for s, e, a in mentions_by.get(sid) if a != actor]
            date, basis = _date(times_by.get(sid), anchors, published.get(article_id),
                                others)
            rows.append((article_id, actor, info.get(actor, "independent"), stance, role, sid,
                         s_start, s_end, text, date, basis))


class _LazyRows:
    """A table's rows by sentence_id, built only for the sentences asked for."""

    def __init__(self, table: pd.DataFrame, columns: list[str], tuples: bool = False):
        self.index = table.groupby("sentence_id", sort=False).indices if len(table) else {}
        self.columns = [table[c].tolist() for c in columns]
        self.names = columns
        self.tuples = tuples

    def get(self, sentence_id):
        rows = self.index.get(sentence_id)
        if rows is None:
            return []
        if self.tuples:
            return [tuple(c[i] for c in self.columns) for i in rows]
        return [_Row(**{n: c[i] for n, c in zip(self.names, self.columns)}) for i in rows]


class _Row:
    def __init__(self, **values):
        self.__dict__.update(values)


def _stance_frame(rows) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=STANCE_COLUMNS)
    frame = frame.astype({"article_id": "str", "actor": "str", "stance": "str", "role": "str",
                          "sentence_id": "str", "start": "int64", "end": "int64",
                          "evidence": "str", "date_basis": "str"})
    frame["side"] = pd.Categorical(frame["side"], categories=SIDES)
    frame["stance"] = pd.Categorical(frame["stance"], categories=["asserts", "denies"])
    frame["date"] = pd.to_datetime(frame["date"]).astype("datetime64[ns]")
    return frame.sort_values(["article_id", "start", "actor"], kind="stable").reset_index(drop=True)


DATE_WINDOW = 40  # characters between a time expression and the actor or verb it dates


def _date(expressions, anchors, published, others=()):
    """The day-precise expression attached to the actor, else the publication date.

    Attached: within ``DATE_WINDOW`` characters of the actor's name or verb, with no other
    actor named in between ("Putin's March 13 claim" dates Putin, not the "experts" who
    "suggest that Putin's March 13 claim ...")."""
    best = None
    for start, end, text, day in expressions:
        for anchor in anchors:
            lo, hi = (end, anchor) if end <= anchor else (anchor, start)
            distance = max(hi - lo, 0)
            if distance > DATE_WINDOW or any(lo <= s and e <= hi for s, e in others):
                continue
            if best is None or distance < best[0]:
                best = (distance, text, day)
    if best is not None:
        return best[2], f"text: {best[1]}"
    if published is not None and not pd.isna(published):
        return published, "publication date"
    return pd.NaT, "no date"


def _day_expressions(corpus) -> pd.DataFrame:
    """Resolved day-precise time expressions, from :mod:`kursk_analysis.timex`.

    Without that module every stance is dated by its article's publication date."""
    try:
        from .timex import time_expressions
    except ImportError:
        return pd.DataFrame({"article_id": [], "sentence_id": [], "start": [], "end": [],
                             "text": [], "date_start": pd.Series([], dtype="datetime64[ns]")})
    times = time_expressions(corpus)
    days = times[times["granularity"].astype(str).eq("day") & times["date_start"].notna()
                 & (times["date_start"] == times["date_end"])]
    return days[["article_id", "sentence_id", "start", "end", "text", "date_start"]]
