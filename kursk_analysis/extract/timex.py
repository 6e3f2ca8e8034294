"""Time expressions in the articles, resolved to calendar dates against publication dates.

:func:`time_expressions` finds absolute dates ("March 12, 2025", "Jan. 20", "September
2022", "August", "2022") and relative ones ("on Tuesday", "last week", "last summer",
"since August", "over the past 11 days", "in recent days", "earlier this year", "next
month", "by spring", "three days ago") in every sentence and resolves each to an inclusive
``date_start``/``date_end`` range with a ``granularity`` and an ``anchor``:

- ``absolute``: the text alone fixes the date ("March 12, 2025", "September 2022");
- ``publication``: resolved against the article's publication date ("on Tuesday");
- ``unresolved``: not resolvable (no publication date, or an anaphor like "that same day",
  or a publication date too coarse for it: "on Tuesday" in an article dated only 2025-03;
  see :func:`resolve_in`);
  the dates are NaT (or, for "since 2022" without a publication date, only the end is).
  Nothing is ever guessed and nothing depends on today's date.

Resolution rules (news convention, stated so they can be argued with):

- A weekday or a month name without a year is the most recent such day or month on or
  before publication, unless the clause is in the future tense (nearest tense cue: "will",
  "could", "is set to", "takes office", ... versus "said", "met", "-ed"), in which case it
  is the next one on or after publication. "last"/"next" make that strict.
- A day and month without a year ("March 14", "Jan. 20") follow the same rule.
- "last week" is the previous Monday-Sunday week; "the past week"/"the last week" the seven
  days up to publication; "earlier this month/year" runs from the start of the period to
  publication; "last summer" the most recent summer that ended before publication.
- Seasons are meteorological, northern hemisphere (spring = March-May, summer = June-August,
  autumn = September-November, winter = December-February); "winter 2024" starts in
  December 2024.
- Vague spans get granularity ``vague`` and a stated convention: "recent days" or "the past
  few days" = 7 days, "recent weeks" = 28 days, "recent months" = 6 months, "recent years"
  = 5 years, each up to publication.
- "since X" is a ``range`` from the start of X to publication.
- A day range ("March 13–16", "13-16 March 2025") is one ``range`` expression; its year
  follows the rule for its first day.
- "the next day", "the previous day" (like "that same day") are relative to the event just
  told, not to publication: they stay ``unresolved`` rather than being guessed.

Why our own resolver rather than a date library: dateutil's parser reads a single date
string and fills gaps from a default date, which would silently make "Tuesday" or "March
14" depend on today or on an arbitrary default; it has no notion of "most recent on or
before publication", of tense, of seasons or of "last week". We use dateutil only for
month and year arithmetic (``relativedelta``), where it is exact.

Speed: the rules are a handful of compiled regular expressions whose patterns begin with
literal alternatives (month and weekday names, time-unit words, digits), so the regex
engine skips ahead quickly; modifiers ("last", "since", "over the past") are then read
from a short window before each hit instead of being part of the scanning pattern. The
scan runs once per distinct article text (wire copy republished verbatim is scanned once,
as in :mod:`kursk_analysis.extract.reuse`), and resolution is cached per (expression, publication
date, tense). No spaCy pass is needed.
"""
from __future__ import annotations

import calendar
import gc
import re
from contextlib import contextmanager
from bisect import bisect_right
from datetime import date, timedelta
from functools import lru_cache
from typing import NamedTuple

import numpy as np
import pandas as pd
from dateutil.relativedelta import relativedelta

from kursk_analysis import lexicon, pipeline
from kursk_analysis.corpus.text import fold
from kursk_analysis.extract.spans import longest_first

COLUMNS = ["article_id", "sentence_id", "start", "end", "text", "date_start", "date_end",
           "granularity", "anchor", "rule"]
GRANULARITIES = ["day", "weekend", "week", "month", "season", "year", "range", "vague"]
ANCHORS = ["absolute", "publication", "unresolved"]

# ----------------------------------------------------------------------------- shared text prep

@contextmanager
def paused_gc():
    """Pause the cyclic garbage collector while building many small objects.

    Building a table for 10,000 articles allocates hundreds of thousands of tuples and
    lists, which triggers full collections that walk every object in the process (spaCy
    and pandas hold millions): that cost more than the extraction itself. None of the
    objects built here form cycles, so nothing is lost by collecting afterwards.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class ArticleText(NamedTuple):
    """One article's folded text and its sentence spans (only sentences are searched)."""

    article_id: str
    published: date | None  # the day of publication, when known to the day
    folded: str
    starts: list[int]
    ends: list[int]
    sentence_ids: list[str]
    # The first and last day publication may have been, for a month or a year ("2025-03").
    published_span: tuple[date, date] | None = None


def article_texts(corpus) -> list[ArticleText]:
    """Folded text and sentence spans per article, in manifest order (cached per corpus)."""

    def build():
        sentences = corpus.sentences
        ids = sentences["article_id"].to_numpy(dtype=object)
        starts = sentences["start"].tolist()
        ends = sentences["end"].tolist()
        sids = sentences["sentence_id"].tolist()
        # Sentences come grouped by article: cut the columns at the group boundaries
        # instead of a per-row Python loop or a pandas group-by (both cost seconds).
        cuts = [0, *(np.flatnonzero(ids[1:] != ids[:-1]) + 1).tolist(), len(ids)]
        grouped = {ids[a]: (starts[a:b], ends[a:b], sids[a:b])
                   for a, b in zip(cuts[:-1], cuts[1:]) if b > a}
        def days(column: str) -> list:
            if column not in corpus.articles:
                return [None] * len(corpus.articles)
            return [None if d is pd.NaT else d for d in corpus.articles[column].dt.date.tolist()]

        published = days("published")
        spans = [None if first is None else (first, last)
                 for first, last in zip(days("published_first"), days("published_last"))]
        out = []
        folded_cache: dict[str, str] = {}
        empty: tuple[list, list, list] = ([], [], [])
        for aid, pub, span in zip(corpus.articles["id"].tolist(), published, spans):
            raw = corpus.texts[aid]
            folded = folded_cache.get(raw)
            if folded is None:
                folded = folded_cache[raw] = fold(raw)
            a_starts, a_ends, a_sids = grouped.get(aid, empty)
            out.append(ArticleText(aid, pub, folded, a_starts, a_ends, a_sids,
                                   None if pub is not None else span))
        return out

    def build_paused():
        with paused_gc():
            return build()

    return pipeline.memo(corpus, "timex_texts", build_paused)


def sentence_index(art: ArticleText, start: int, end: int) -> int:
    """Index of the sentence that wholly contains [start, end), or -1."""
    i = bisect_right(art.starts, start) - 1
    if i >= 0 and end <= art.ends[i]:
        return i
    return -1


# ----------------------------------------------------------------------------- vocabulary

# The words are data: rules/date_words.yaml (lexicon.date_words).
_WORDS = lexicon.date_words()
_MONTHS = {form.rstrip(".").lower(): month["number"] for month in _WORDS["months"].values()
           for form in month["forms"]}
_FULL_MONTHS = tuple(name.lower() for name in _WORDS["months"])
_WEEKDAYS = {name.lower(): i for i, name in enumerate(_WORDS["weekdays"])}
_SEASON_START = dict(_WORDS["seasons"])
_NUMBER_WORDS = dict(_WORDS["number_words"])
# Spans for vague expressions ("recent days", "the past few weeks"), per unit.
_VAGUE_SPAN = {"day": relativedelta(days=7), "week": relativedelta(days=28),
               "month": relativedelta(months=6), "year": relativedelta(years=5)}
_UNIT_DELTA = {"day": relativedelta(days=1), "week": relativedelta(weeks=1),
               "month": relativedelta(months=1), "year": relativedelta(years=1)}

# ----------------------------------------------------------------------------- patterns
# Each scanning pattern starts with literal alternatives (no leading \b or look-behind),
# which lets the regex engine skip quickly through text; word boundaries are checked after.

# Full names first, then the other forms, month by month (a form with a dot needs it).
_MONTH_ALT = "|".join([re.escape(m["forms"][0]) for m in _WORDS["months"].values()] +
                      [re.escape(f) for m in _WORDS["months"].values() for f in m["forms"][1:]])
_MONTH_FIRST = re.compile(
    rf"(?P<mon>{_MONTH_ALT})"
    r"(?:\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?![\d%])(?!\s*(?:percent|per cent)))?"
    r"(?:(?:,\s*|\s+)(?:of\s+)?(?P<year>(?:19|20)\d\d)(?![\d%]))?"
    r"(?:\s+(?:of\s+)?(?P<rely>last|this|next)\s+year\b)?"
)
_DAY_FIRST = re.compile(
    rf"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{_MONTH_ALT})"
    r"(?:,?\s+(?P<year>(?:19|20)\d\d)(?!\d))?"
)
# The end of a day range after a month-led date ("March 13–16", "March 13-16, 2025") and
# its start before a day-first one ("13–16 March").
_DAY_RANGE_TAIL = re.compile(
    r"\s*[\u2013\u2014-]\s*(?P<d2>[0-3]?\d)(?![\d%]|\s*(?:percent|per cent|[a-z]))"
    r"(?:,?\s+(?P<year>(?:19|20)\d\d)(?!\d))?")
_DAY_RANGE_HEAD = re.compile(r"(?P<d1>[0-3]?\d)\s*[\u2013\u2014-]\s*$")
_ISO = re.compile(r"(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?!\d)")
_YEAR = re.compile(r"(?:19|20)\d\d(?![\d%])")
_WEEKDAY = re.compile(
    "(?:" + "|".join(map(re.escape, _WORDS["weekdays"])) + r")(?P<plural>s)?"
    r"(?P<part>\s+(?:morning|afternoon|evening|night))?"
)
# On the lower-cased text: unit words that relative expressions hinge on.
_UNIT = re.compile(
    r"(?:today|yesterday|tomorrow|tonight|weekend|week|month|year|day|decade|spring|"
    r"summer|autumn|fall|winter|morning|afternoon|evening|night)s?\b"
)

# Windows read backwards from a hit (anchored at the end of the window).
_SIGNAL = r"(?:\b(?P<signal>since|until|till|by|through|before)\s+)?"
_PRE_MONTH = re.compile(
    _SIGNAL + r"(?:\b(?P<mod>last|this|next|early|late|mid|mid-|earlier in|later in)[\s-]*)?$")
_PRE_WEEKDAY = re.compile(_SIGNAL + r"(?:\b(?P<mod>last|this|next|this past|past)\s+)?$")
_PRE_YEAR = re.compile(
    r"(?P<prep>\b(?:in|since|by|until|till|from|during|of|early|late|mid|before|after|through|"
    r"throughout|end of|start of|beginning of|spring|summer|autumn|fall|winter)[\s-]+)$")
_PRE_UNIT = re.compile(
    r"(?:\b(?P<signal>since|until|till|by)\s+)?"
    r"(?:\b(?P<lead>in|over|during|for|within|throughout)\s+)?"
    r"(?:\b(?P<the>the)\s+)?"
    r"(?:\b(?P<mod>(?:earlier|later|early|late)\s+(?:this|last|next)|this past|last|this|next|"
    r"past|previous|coming|recent|same|that same|that|early|late|mid-|mid)(?:\s+|(?<=-)))?"
    r"(?:\b(?P<count>\d{1,3}|" + "|".join(map(re.escape, _NUMBER_WORDS)) + r"|few|several|couple of)\s+)?$"
)
_UNIT_TRIGGERS = frozenset(
    "last this next past previous coming recent same that early late mid mid- earlier later "
    "few several of the in over during for within throughout since until till by".split()) | frozenset(_NUMBER_WORDS)
_AGO = re.compile(r"\s+ago\b")
_SEASON_YEAR = re.compile(r"(?:\s+of)?\s+(?P<year>(?:19|20)\d\d)(?!\d)")

# Tense cues, nearest one wins (see _future).
_FUTURE_CUE = "|".join(_WORDS["future_cues"])
_PAST_CUE = "|".join(_WORDS["past_cues"])
_CUES = re.compile(rf"\b(?:(?P<future>{_FUTURE_CUE})|(?P<past>{_PAST_CUE}))\b")
_NOT_PAST = frozenset(_WORDS["not_past"])


def _future(sentence: str, s: int, e: int) -> bool:
    """Is the clause around [s, e) of ``sentence`` (lower-cased) in the future tense?

    The nearest tense cue before the expression decides (within 90 characters); without
    one, the nearest after it (within 60). No cue means past: news reports what happened.
    """
    before = sentence[max(0, s - 90):s]
    cue = None
    for m in _CUES.finditer(before):
        if m.group("past") and m.group("past") in _NOT_PAST:
            continue
        cue = m
    if cue is None:
        for m in _CUES.finditer(sentence, e, min(len(sentence), e + 60)):
            if m.group("past") and m.group("past") in _NOT_PAST:
                continue
            cue = m
            break
    return bool(cue and cue.group("future"))


# ----------------------------------------------------------------------------- resolution

def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _season(y: int, name: str) -> tuple[date, date]:
    start = date(y, _SEASON_START[name], 1)
    last = start + relativedelta(months=2)
    return start, _month_end(last.year, last.month)


def _season_containing(d: date, name: str) -> tuple[date, date] | None:
    for y in (d.year - 1, d.year):
        lo, hi = _season(y, name)
        if lo <= d <= hi:
            return lo, hi
    return None


Resolution = tuple  # (date_start | None, date_end | None, granularity, anchor)


@lru_cache(maxsize=65536)
def resolve(spec: tuple, pub: date | None, future: bool) -> Resolution:
    """Resolve a parsed expression ``spec`` against publication date ``pub``.

    Pure and cached: the same spec, date and tense always give the same range.
    """
    kind = spec[0]
    if kind == "since":
        inner = resolve(spec[1], pub, False)
        start = inner[0]
        end = pub
        anchor = "unresolved" if start is None or end is None else (
            "publication" if pub is not None else inner[3])
        return start, end, "range", anchor
    if kind == "date":
        _, y, m, d = spec
        try:
            day = date(y, m, d)
        except ValueError:
            return None, None, "day", "unresolved"
        return day, day, "day", "absolute"
    if kind == "month_year":
        _, y, m = spec
        return date(y, m, 1), _month_end(y, m), "month", "absolute"
    if kind == "year":
        return date(spec[1], 1, 1), date(spec[1], 12, 31), "year", "absolute"
    if kind == "season_year":
        lo, hi = _season(spec[2], spec[1])
        return lo, hi, "season", "absolute"
    if kind == "day_range":
        _, y, m, d1, d2 = spec
        if y is None:
            if pub is None:
                return None, None, "range", "unresolved"
            first = _r_month_day(("month_day", m, d1, None), pub, future)
            if first is None:
                return None, None, "range", "unresolved"
            y, anchor = first[0].year, "publication"
        else:
            anchor = "absolute"
        try:
            return date(y, m, d1), date(y, m, d2), "range", anchor
        except ValueError:
            return None, None, "range", "unresolved"
    if kind == "anaphor":
        return None, None, spec[1], "unresolved"
    granularity = _GRANULARITY.get(kind, "range")
    if kind == "rel":
        granularity = spec[1] if spec[2] in ("last", "this", "next", None) else "range"
        if spec[2] in ("recent", "few"):
            granularity = "vague"
    if kind == "season":
        granularity = "season"
    if pub is None:
        return None, None, granularity, "unresolved"
    out = _RESOLVERS[kind](spec, pub, future)
    if out is None:
        return None, None, granularity, "unresolved"
    lo, hi, gran = out
    return lo, hi, gran, "publication"


def resolve_in(spec: tuple, art: ArticleText, future: bool) -> Resolution:
    """Resolve ``spec`` for one article, honouring the precision of its publication date.

    With a publication date known only to the month or year, the expression is resolved
    against the first and the last day publication may have been; a bound that comes out the
    same both ways is kept, one that does not is dropped (NaT). "last month" in a 2025-03
    article is February either way; "on Tuesday" or "March 14" are not, and stay
    unresolved. The resolvers move monotonically with the publication date, so the two ends
    stand for every day between.
    """
    if art.published is not None or art.published_span is None:
        return resolve(spec, art.published, future)
    first = resolve(spec, art.published_span[0], future)
    last = resolve(spec, art.published_span[1], future)
    if first == last:
        return first
    lo = first[0] if first[0] == last[0] else None
    hi = first[1] if first[1] == last[1] else None
    return lo, hi, first[2], "unresolved"


_GRANULARITY = {"month_day": "day", "month": "month", "weekday": "day", "day": "day",
                "ago": "day", "season": "season"}


def _r_month_day(spec, pub, future):
    _, m, d, mod = spec
    if mod == "next" or (future and mod != "last"):
        y = pub.year if (m, d) >= (pub.month, pub.day) else pub.year + 1
    else:
        y = pub.year if (m, d) <= (pub.month, pub.day) else pub.year - 1
    try:
        day = date(y, m, d)
    except ValueError:
        return None
    return day, day, "day"


def _r_month(spec, pub, future):
    _, m, mod, rely = spec
    if rely is not None:
        y = pub.year + rely
    elif mod == "last":
        y = pub.year if m < pub.month else pub.year - 1
    elif mod == "next":
        y = pub.year if m > pub.month else pub.year + 1
    elif mod == "this":
        y = pub.year
    elif future:
        y = pub.year if m >= pub.month else pub.year + 1
    else:
        y = pub.year if m <= pub.month else pub.year - 1
    return date(y, m, 1), _month_end(y, m), "month"


def _r_weekday(spec, pub, future):
    _, wd, mod = spec
    back = (pub.weekday() - wd) % 7
    ahead = (wd - pub.weekday()) % 7
    if mod == "last":
        day = pub - timedelta(days=back or 7)
    elif mod == "next":
        day = pub + timedelta(days=ahead or 7)
    elif mod in ("this past", "past"):
        day = pub - timedelta(days=back)
    elif future:
        day = pub + timedelta(days=ahead)
    else:
        day = pub - timedelta(days=back)
    return day, day, "day"


def _r_day(spec, pub, future):
    day = pub + timedelta(days=spec[1])
    return day, day, "day"


def _unit_range(d: date, unit: str) -> tuple[date, date]:
    if unit == "week":
        monday = d - timedelta(days=d.weekday())
        return monday, monday + timedelta(days=6)
    if unit == "month":
        return date(d.year, d.month, 1), _month_end(d.year, d.month)
    if unit == "year":
        return date(d.year, 1, 1), date(d.year, 12, 31)
    if unit == "decade":
        y = d.year - d.year % 10
        return date(y, 1, 1), date(y + 9, 12, 31)
    return d, d


def _r_rel(spec, pub, future):
    _, unit, mod, n = spec
    if unit == "weekend":
        sat_back = pub - timedelta(days=(pub.weekday() - 5) % 7)
        if mod == "next" or (future and mod not in ("last", "past", "this past")):
            sat = pub + timedelta(days=(5 - pub.weekday()) % 7 or (7 if mod == "next" else 0))
        elif mod == "last" and pub.weekday() >= 5:
            sat = sat_back - timedelta(days=7)
        else:
            sat = sat_back
        return sat, sat + timedelta(days=1), "weekend"
    step = _UNIT_DELTA.get(unit, relativedelta(years=10))
    if mod in ("last", "previous") and n is None:
        lo, hi = _unit_range(pub - step, unit)
        return lo, hi, unit
    if mod == "this" and n is None:
        lo, hi = _unit_range(pub, unit)
        return lo, hi, unit
    if mod in ("next", "coming") and n is None:
        lo, hi = _unit_range(pub + step, unit)
        return lo, hi, unit
    if mod in ("earlier this", "early this"):
        return _unit_range(pub, unit)[0], pub, "range"
    if mod in ("later this", "late this"):
        return pub, _unit_range(pub, unit)[1], "range"
    if mod in ("earlier last", "early last", "later last", "late last"):
        lo, hi = _unit_range(pub - step, unit)
        return lo, hi, unit
    if mod in ("earlier next", "early next", "later next", "late next"):
        lo, hi = _unit_range(pub + step, unit)
        return lo, hi, unit
    if mod in ("recent", "few"):
        return pub - _VAGUE_SPAN.get(unit, relativedelta(years=5)), pub, "vague"
    if mod in ("past", "last", "previous", "this past"):
        return pub - step * (n or 1), pub, "range"
    if mod in ("next", "coming"):
        return pub, pub + step * (n or 1), "range"
    return None


def _r_ago(spec, pub, future):
    _, unit, n = spec
    point = pub - _UNIT_DELTA[unit] * n
    lo, hi = _unit_range(point, unit)
    return lo, hi, unit


def _r_season(spec, pub, future):
    _, name, mod = spec
    if mod == "last":
        y = pub.year
        while _season(y, name)[1] >= pub:
            y -= 1
    elif mod == "next":
        y = pub.year - 1
        while _season(y, name)[0] <= pub:
            y += 1
    elif mod == "this":
        current = _season_containing(pub, name)
        if current:
            return current[0], current[1], "season"
        y = pub.year if (name != "winter" or pub.month >= 6) else pub.year - 1
    else:
        current = _season_containing(pub, name)
        if current:
            return current[0], current[1], "season"
        if future:
            y = pub.year - 1
            while _season(y, name)[0] <= pub:
                y += 1
        else:
            y = pub.year
            while _season(y, name)[0] > pub:
                y -= 1
    lo, hi = _season(y, name)
    return lo, hi, "season"


_RESOLVERS = {"month_day": _r_month_day, "month": _r_month, "weekday": _r_weekday,
              "day": _r_day, "rel": _r_rel, "ago": _r_ago, "season": _r_season}

# ----------------------------------------------------------------------------- scanning


def _is_word_char(ch: str) -> bool:
    return ch.isalnum()


def _scan(folded: str) -> list[tuple[int, int, tuple, str, str]]:
    """All time expressions in one folded article: (start, end, spec, tense_hint, rule).

    ``tense_hint`` is "since" (always past), "deadline" ("by"/"until": future if any
    future cue precedes in the sentence) or "" (decided by the nearest cue); ``rule`` is
    the name in :data:`SCAN_RULES` of the rule that found it. Where expressions overlap
    the longest wins ("March 14, 2025" over "March 14").
    """
    lower = folded.lower()
    if len(lower) != len(folded):  # a few Unicode letters change length when lowered
        lower = "".join(c.lower() if len(c.lower()) == 1 else c for c in folded)
    return longest_first([(*hit, name) for name, rule in SCAN_RULES for hit in rule(folded, lower)])


def _month_first(folded: str, lower: str) -> list[tuple[int, int, tuple, str]]:
    """Month-led dates: "March 12, 2025", "Jan. 20", "September 2022", "August last year"."""
    hits: list[tuple[int, int, tuple, str]] = []
    for m in _MONTH_FIRST.finditer(folded):
        s, e = m.span()
        if s > 0 and (folded[s - 1].isalnum()):
            continue
        name = m.group("mon")
        key = name.rstrip(".").lower()
        full = name[0].isupper() and key in _FULL_MONTHS
        day, year, rely = m.group("day"), m.group("year"), m.group("rely")
        if not name.endswith(".") and e < len(folded) and folded[e - 1].isalpha() and \
                _is_word_char(folded[e:e + 1] or " "):
            continue
        month = _MONTHS[key]
        window = lower[max(0, s - 40):s]
        pre = _PRE_MONTH.search(window)
        if pre and not pre.group(0):
            pre = None
        mod = pre.group("mod") if pre else None
        if mod:
            mod = {"mid-": "mid", "earlier in": None, "later in": None}.get(mod, mod)
        if day:
            d = int(day)
            if not 1 <= d <= 31:
                continue
            spec = ("date", int(year), month, d) if year else ("month_day", month, d, None)
            span = _DAY_RANGE_TAIL.match(folded, e) if not year else None
            if span and d < int(span.group("d2")) <= 31:
                # "March 13–16" (, 2025): one range, not the first day alone.
                y2 = span.group("year")
                spec = ("day_range", int(y2) if y2 else None, month, d, int(span.group("d2")))
                e = span.end()
        elif year:
            spec = ("month_year", int(year), month)
        elif rely:
            spec = ("month", month, None, {"last": -1, "this": 0, "next": 1}[rely])
        else:
            if not full:
                continue  # a bare abbreviation ("Jan", "Dec.") is too often not a date
            if key == "may" and not pre:
                # "May" alone is usually the verb; only a preceding preposition makes it a month.
                if not re.search(r"\b(?:in|of|early|late|mid|from|during|until|by|since)\s+$",
                                 lower[max(0, s - 12):s]):
                    continue
            spec = ("month", month, mod if mod in ("last", "this", "next") else None, None)
        signal = pre.group("signal") if pre else None
        if signal:
            s = s - (len(window) - pre.start())
        elif mod and spec[0] == "month":
            s = s - (len(window) - pre.start("mod"))
        if signal == "since":
            hits.append((s, e, ("since", spec), "since"))
        else:
            hits.append((s, e, spec, "deadline" if signal else ""))
    return hits


def _day_first(folded: str, lower: str) -> list[tuple[int, int, tuple, str]]:
    """Day-first dates: "14 March 2025", "12th of March", "13-16 March"."""
    hits: list[tuple[int, int, tuple, str]] = []
    for m in _DAY_FIRST.finditer(folded):
        s, e = m.span()
        if s > 0 and (folded[s - 1].isalnum() or folded[s - 1] in ",."):
            continue
        key = m.group("mon").rstrip(".").lower()
        d = int(m.group("day"))
        if not 1 <= d <= 31:
            continue
        year = m.group("year")
        spec = ("date", int(year), _MONTHS[key], d) if year else (
            "month_day", _MONTHS[key], d, None)
        head = _DAY_RANGE_HEAD.search(folded, max(0, s - 8), s)
        if head and int(head.group("d1")) < d and not (
                head.start() > 0 and (folded[head.start() - 1].isalnum() or
                                      folded[head.start() - 1] in ",.")):
            # "13–16 March" (2025): one range.
            spec = ("day_range", int(year) if year else None, _MONTHS[key],
                    int(head.group("d1")), d)
            s = head.start()
        pre = _PRE_MONTH.search(lower[max(0, s - 40):s])
        if pre and pre.group("signal"):
            hits.append((s - (len(lower[max(0, s - 40):s]) - pre.start()), e,
                         ("since", spec) if pre.group("signal") == "since" else spec,
                         "since" if pre.group("signal") == "since" else "deadline"))
        else:
            hits.append((s, e, spec, ""))
    return hits


def _iso_date(folded: str, lower: str) -> list[tuple[int, int, tuple, str]]:
    """ISO dates: "2025-03-14"."""
    hits: list[tuple[int, int, tuple, str]] = []
    for m in _ISO.finditer(folded):
        s, e = m.span()
        if s > 0 and folded[s - 1].isalnum():
            continue
        hits.append((s, e, ("date", int(m["y"]), int(m["m"]), int(m["d"])), ""))
    return hits


def _year_alone(folded: str, lower: str) -> list[tuple[int, int, tuple, str]]:
    """A year alone, only after a preposition ("in 2022", "since 2014", "summer of 2024")."""
    hits: list[tuple[int, int, tuple, str]] = []
    for m in _YEAR.finditer(folded):
        s, e = m.span()
        if s > 0 and (folded[s - 1].isalnum() or folded[s - 1] in ",.$-"):
            continue
        window = lower[max(0, s - 20):s]
        pre = _PRE_YEAR.search(window)
        if not pre:
            continue
        prep = pre.group("prep").strip(" -")
        spec = ("year", int(m.group(0)))
        if prep == "since":
            hits.append((s - (len(window) - pre.start()), e, ("since", spec), "since"))
        elif prep in ("until", "till", "by", "through"):
            hits.append((s - (len(window) - pre.start()), e, spec, "deadline"))
        else:
            hits.append((s, e, spec, ""))
    return hits


def _weekday(folded: str, lower: str) -> list[tuple[int, int, tuple, str]]:
    """Weekdays: "Tuesday", "on Friday", "last Monday", "Tuesday night"."""
    hits: list[tuple[int, int, tuple, str]] = []
    def boundary_ok(s: int, e: int) -> bool:
        return not (s > 0 and _is_word_char(folded[s - 1])) and not (
            e < len(folded) and _is_word_char(folded[e]))

    for m in _WEEKDAY.finditer(folded):
        s, e = m.span()
        if not boundary_ok(s, e) or m.group("plural"):
            continue  # "on Fridays" is habitual, not a date
        wd = _WEEKDAYS[re.match(r"[A-Za-z]+day", folded[s:e]).group(0).lower()]
        window = lower[max(0, s - 30):s]
        pre = _PRE_WEEKDAY.search(window)
        mod = pre.group("mod") if pre else None
        spec = ("weekday", wd, mod)
        if pre and (mod or pre.group("signal")):
            s = s - (len(window) - pre.start())
        signal = pre.group("signal") if pre else None
        if signal == "since":
            hits.append((s, e, ("since", spec), "since"))
        else:
            hits.append((s, e, spec, "deadline" if signal else ""))
    return hits


def _relative(folded: str, lower: str) -> list[tuple[int, int, tuple, str]]:
    """Relative expressions hinging on a unit word: "last week", "two days ago", "this summer", "the next day"."""
    hits: list[tuple[int, int, tuple, str]] = []
    for m in _UNIT.finditer(lower):
        s, e = m.span()
        if s > 0 and lower[s - 1].isalnum() or (s > 0 and lower[s - 1] == "-"):
            continue
        word = m.group(0)
        if word in ("today", "yesterday", "tomorrow", "tonight"):
            hits.append((s, e, ("day", {"today": 0, "tonight": 0, "yesterday": -1,
                                        "tomorrow": 1}[word]), ""))
            continue
        plural = word.endswith("s") and word not in ("yesterday",)
        unit = word[:-1] if plural else word
        # Most unit words ("a 30-day ceasefire", "per day") have no modifier before them;
        # a set look-up on the previous word spares the window regex for those.
        previous = lower[max(0, s - 12):s].rsplit(None, 1)
        if not previous or (previous[-1] not in _UNIT_TRIGGERS and not previous[-1].isdigit()
                            and not lower.startswith(" ago", e)):
            continue
        window = lower[max(0, s - 50):s]
        pre = _PRE_UNIT.search(window)
        if pre is None or not pre.group(0):
            pre = None
        mod = pre.group("mod") if pre else None
        count = pre.group("count") if pre else None
        ago = _AGO.match(lower, e)
        if ago and count and unit in _UNIT_DELTA:
            n = _count(count)
            if n is None:
                continue
            hits.append((s - (len(window) - pre.start("count")), ago.end(),
                         ("ago", unit, n), ""))
            continue
        if unit in _SEASON_START:
            year = _SEASON_YEAR.match(folded, e)
            start = s
            if mod in ("early", "late", "mid", "mid-"):
                start = s - (len(window) - pre.start("mod"))
                mod = None
            if year:
                hits.append((start, year.end(), ("season_year", unit, int(year.group("year"))),
                             ""))
                continue
            if unit == "fall" and not (mod in ("last", "this", "next", "past") or
                                       (pre and (pre.group("lead") or pre.group("signal")))):
                continue  # "fall" is usually the verb
            if not (mod in ("last", "this", "next", "past", "coming") or
                    (pre and (pre.group("lead") or pre.group("signal") or pre.group("the")))):
                continue
            smod = {"past": "last", "coming": "next"}.get(mod, mod)
            if smod not in ("last", "this", "next"):
                smod = None
            if mod in ("last", "this", "next", "past", "coming"):
                start = s - (len(window) - pre.start("mod"))
            spec = ("season", unit, smod)
            hint = ""
            if pre and pre.group("signal"):
                start = s - (len(window) - pre.start())
                if pre.group("signal") == "since":
                    spec, hint = ("since", spec), "since"
                else:
                    hint = "deadline"
            hits.append((start, e, spec, hint))
            continue
        if unit in ("morning", "afternoon", "evening", "night"):
            if mod == "this" or (mod == "last" and unit in ("night", "evening")):
                off = 0 if mod == "this" else -1
                hits.append((s - (len(window) - pre.start("mod")), e, ("day", off), ""))
            continue
        if unit == "day" and not plural and count is None and pre.group("the") and \
                mod in ("next", "previous") and not pre.group("lead"):
            # "the next day", "the previous day": relative to the event just told, not to
            # publication; left unresolved rather than guessed.
            hits.append((s - (len(window) - pre.start("the")), e, ("anaphor", "day"), ""))
            continue
        if mod in ("same", "that same", "that") and unit == "day" and count is None:
            hits.append((s - (len(window) - pre.start("the" if pre.group("the") else "mod")),
                         e, ("anaphor", "day"), ""))
            continue
        if unit == "weekend" and not plural and mod in (None, "this", "last", "next", "past",
                                                         "this past", "coming"):
            if mod is None and not (pre and (pre.group("the") or pre.group("lead"))):
                continue
            lead_start = pre.start("lead") if pre.group("lead") else (
                pre.start("the") if pre.group("the") else pre.start("mod"))
            wmod = {"past": "last", "this past": "last", "coming": "next"}.get(mod, mod)
            hits.append((s - (len(window) - lead_start), e, ("rel", "weekend", wmod, None), ""))
            continue
        if mod is None:
            continue
        if mod in ("recent",) or count in ("few", "several", "couple of"):
            if not plural:
                continue
            start = pre.start("lead") if pre.group("lead") else (
                pre.start("the") if pre.group("the") else pre.start("mod"))
            hits.append((s - (len(window) - start), e, ("rel", unit, "recent", None), ""))
            continue
        if mod in ("early", "late", "mid", "mid-", "same", "that same", "that"):
            continue
        n = _count(count) if count else None
        if count and n is None:
            continue
        if plural and n is None and mod not in ("past", "last", "previous", "next", "coming"):
            continue
        if plural and n is None:
            continue  # "last years of ..." is not a time expression
        if mod == "this past":
            mod = "past"
        if pre.group("the") or pre.group("lead"):
            # "the last week", "over the past 11 days", "in the next two months": a span up
            # to (or from) publication, not a calendar unit.
            if mod in ("last", "previous"):
                mod = "past"
            elif mod == "next":
                mod = "next" if n else "coming"
        if mod in ("past",) or (mod in ("last", "previous", "next", "coming") and n):
            spec = ("rel", unit, "past" if mod in ("past", "last", "previous") else "next",
                    n or 1)
        else:
            spec = ("rel", unit, mod, None)
        if unit == "decade" and spec[2] not in ("last", "this", "next", "past"):
            continue
        lead = pre.group("lead")
        if lead in ("in", "during", "for", "within", "throughout") and spec[2] in (
                "last", "this", "next", "earlier this", "later this"):
            lead_start = pre.start("the") if pre.group("the") else pre.start("mod")
        elif lead:
            lead_start = pre.start("lead")
        else:
            lead_start = pre.start("the") if pre.group("the") else pre.start("mod")
        if pre.group("signal"):
            lead_start = pre.start()
            if pre.group("signal") == "since":
                hits.append((s - (len(window) - lead_start), e, ("since", spec), "since"))
                continue
        hits.append((s - (len(window) - lead_start), e, spec,
                     "deadline" if pre.group("signal") else ""))
    return hits


SCAN_RULES = (
    ("month-first date", _month_first),
    ("day-first date", _day_first),
    ("ISO date", _iso_date),
    ("year", _year_alone),
    ("weekday", _weekday),
    ("relative expression", _relative),
)


def _count(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return _NUMBER_WORDS.get(word)


# ----------------------------------------------------------------------------- public API


def time_expressions(corpus) -> pd.DataFrame:
    """Every time expression in the corpus's sentences, resolved (one row per expression).

    Columns: ``article_id``, ``sentence_id``, ``start``, ``end`` (offsets into the raw
    text; ``corpus.texts[article_id][start:end] == text``), ``text``, ``date_start``,
    ``date_end`` (datetime64, inclusive; NaT when unresolved), ``granularity`` (day,
    weekend, week, month, season, year, range, vague), ``anchor`` (absolute, publication,
    unresolved), ``rule`` (the scanning rule that found it, one of :data:`SCAN_RULES`).
    Rows are ordered by article (manifest order) and start offset.
    """
    return pipeline.memo(corpus, "time_expressions", lambda: _extract(corpus))


def _extract(corpus) -> pd.DataFrame:
    with paused_gc():
        return _extract_rows(corpus)


def _extract_rows(corpus) -> pd.DataFrame:
    scans: dict[str, list] = {}
    rows = []
    for art in article_texts(corpus):
        found = scans.get(art.folded)
        if found is None:
            found = scans[art.folded] = _locate(art)
        raw = corpus.texts[art.article_id]
        for s, e, spec, future, si, rule in found:
            lo, hi, gran, anchor = resolve_in(spec, art, future)
            rows.append((art.article_id, art.sentence_ids[si], s, e, raw[s:e], lo, hi, gran,
                         anchor, rule))
    return _frame(rows)


def _locate(art: ArticleText) -> list[tuple]:
    """Hits of one article that fall inside its sentences, with the tense decided."""
    out = []
    lowered_sentences: dict[int, str] = {}
    for s, e, spec, hint, rule in _scan(art.folded):
        si = sentence_index(art, s, e)
        if si < 0:
            continue
        if hint == "since":
            future = False
        else:
            sentence = lowered_sentences.get(si)
            if sentence is None:
                sentence = lowered_sentences[si] = art.folded[art.starts[si]:art.ends[si]].lower()
            rs, re_ = s - art.starts[si], e - art.starts[si]
            if hint == "deadline":
                future = bool(re.search(rf"\b(?:{_FUTURE_CUE})\b", sentence[:rs])) or _future(
                    sentence, rs, re_)
            else:
                future = _future(sentence, rs, re_)
        out.append((s, e, spec, future, si, rule))
    return out


def _frame(rows: list[tuple]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=COLUMNS)
    frame["article_id"] = frame["article_id"].astype("str")
    frame["sentence_id"] = frame["sentence_id"].astype("str")
    frame["start"] = frame["start"].astype("int64")
    frame["end"] = frame["end"].astype("int64")
    frame["text"] = frame["text"].astype("str")
    for column in ("date_start", "date_end"):
        frame[column] = pd.to_datetime(frame[column].astype("object")).astype("datetime64[ns]")
    frame["granularity"] = pd.Categorical(frame["granularity"], categories=GRANULARITIES)
    frame["anchor"] = pd.Categorical(frame["anchor"], categories=ANCHORS)
    frame["rule"] = frame["rule"].astype("str")
    return frame.reset_index(drop=True)
