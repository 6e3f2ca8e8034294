"""Key facts as data: ``rules/facts.yaml`` read, checked and turned into finders.

Each fact names one *kind* of finder (a predicate over one extraction table: territory
figures, quantities, time expressions, stances, quotes, actor mentions, sentences) and its
settings; the shared word patterns are named once under ``words``. :func:`load_facts`
returns :class:`Fact` objects whose ``find(corpus)`` gives the rows reporting the fact
(columns ``article_id, sentence_id, start, end, evidence``). A malformed file is a
:class:`~kursk_analysis.errors.RuleError` naming the file, the fact and the setting.

A researcher studying another story writes a facts file of their own in the same format
and passes ``load_facts(path)`` as ``facts=`` to :func:`~kursk_analysis.analyses.comparison.fact_evidence`
and the functions that follow it.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable

import numpy as np
import pandas as pd

from kursk_analysis.corpus.text import fold
from kursk_analysis.extract.actors import SIDES
from kursk_analysis.errors import RuleError
from kursk_analysis.lexicon import RULES, checked_pattern, read_rules

FACTS_FILE = RULES / "facts.yaml"
EVIDENCE = ["article_id", "sentence_id", "start", "end", "evidence"]
# Each kind: the settings it requires, those it may have, and the tables it reads (shown
# in the fact definitions table; "+ sentence" when a sentence pattern narrows it).
KINDS = {
    "area": ({"directions", "km2", "peak"}, set(), "territory_figures"),
    "share": ({"percent"}, set(), "territory_figures"),
    "count": ({"what"}, {"value", "sentence"}, "quantities"),
    "days": ({"days", "sentence"}, set(), "quantities"),
    "dates": ({"from", "to", "sentence"}, {"granularity"}, "time_expressions"),
    "stance": ({"stance"}, {"actors", "sides", "except_actors"}, "stances"),
    "quote": ({"pattern"}, set(), "quotes"),
    "mentions": ({"actors", "sentence"}, set(), "actors"),
    "sentence": ({"match"}, {"also"}, "sentences"),
}
AREA_UNITS = ("sq_mi", "km2")


@dataclass(frozen=True)
class Fact:
    """A key fact of the story as a predicate over the extraction tables.

    ``find`` takes a corpus and returns the rows that report the fact; ``source`` names
    the tables the rule reads and ``rule`` states it in words."""

    name: str
    label: str
    source: str
    rule: str
    find: Callable


@lru_cache(maxsize=8)
def load_facts(path: str | Path | None = None) -> tuple[Fact, ...]:
    """The facts of ``path`` (default: the bundled ``rules/facts.yaml``), checked."""
    file = Path(path) if path else FACTS_FILE
    data = read_rules(file)
    unknown = set(data) - {"words", "facts"}
    if unknown:
        raise RuleError(f"{file}: unknown sections {', '.join(sorted(unknown))}; known: words, facts.")
    words = data.get("words") or {}
    if not isinstance(words, dict):
        raise RuleError(f"{file}: 'words' must map names to patterns.")
    patterns = {str(name): re.compile(checked_pattern(file, f"word '{name}'", value), re.I)
                for name, value in words.items()}
    entries = data.get("facts")
    if not isinstance(entries, list) or not entries:
        raise RuleError(f"{file}: 'facts' must be a non-empty list of facts.")
    facts, seen = [], set()
    for i, entry in enumerate(entries, start=1):
        where = f"fact {i}"
        if not isinstance(entry, dict) or set(entry) != {"name", "label", "rule", "find"}:
            raise RuleError(f"{file}: {where} must have exactly name, label, rule and find.")
        name = str(entry["name"]).strip()
        where = f"fact {i} ({name})"
        if not re.fullmatch(r"[a-z][a-z0-9_]*", name) or name in seen:
            raise RuleError(f"{file}: {where} needs a name of its own in lower_case_with_underscores.")
        seen.add(name)
        find, source = _finder(file, where, entry["find"], patterns)
        facts.append(Fact(name, str(entry["label"]), source, str(entry["rule"]), find))
    return tuple(facts)


def _finder(file: Path, where: str, spec, patterns: dict) -> tuple[Callable, str]:
    if not isinstance(spec, dict) or spec.get("kind") not in KINDS:
        raise RuleError(f"{file}: {where}: 'find' needs a kind, one of {', '.join(KINDS)}.")
    kind = spec["kind"]
    required, optional, source = KINDS[kind]
    settings = {k: v for k, v in spec.items() if k != "kind"}
    missing, extra = required - set(settings), set(settings) - required - optional
    if missing or extra:
        raise RuleError(f"{file}: {where}: a '{kind}' finder "
                        + (f"lacks {', '.join(sorted(missing))}" if missing else "")
                        + ("; " if missing and extra else "")
                        + (f"has unknown settings {', '.join(sorted(extra))}" if extra else "")
                        + f" (required: {', '.join(sorted(required))}; optional: {', '.join(sorted(optional)) or 'none'}).")
    check = _Settings(file, f"{where}: '{kind}'", settings, patterns)
    if kind in ("count",) and "sentence" in settings or kind in ("days", "dates", "mentions"):
        source += " + sentence"
    return _BUILD[kind](check), source


class _Settings:
    """Reads one finder's settings, each checked, naming the file and fact when wrong."""

    def __init__(self, file: Path, where: str, settings: dict, patterns: dict):
        self.file, self.where, self.settings, self.patterns = file, where, settings, patterns

    def fail(self, key: str, problem: str):
        raise RuleError(f"{self.file}: {self.where} setting '{key}' {problem}.")

    def names(self, key: str) -> tuple[str, ...]:
        value = self.settings.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self.fail(key, "must be a list of names")
        return tuple(value)

    def word(self, key: str) -> re.Pattern:
        value = self.settings[key]
        if value not in self.patterns:
            self.fail(key, f"names {value!r}, which is not under 'words'")
        return self.patterns[value]

    def words(self, key: str) -> tuple[re.Pattern, ...]:
        names = self.names(key)
        unknown = [n for n in names if n not in self.patterns]
        if not names or unknown:
            self.fail(key, f"must list words defined under 'words' (unknown: {', '.join(unknown) or 'none given'})")
        return tuple(self.patterns[n] for n in names)

    def pattern(self, key: str) -> re.Pattern:
        return re.compile(checked_pattern(self.file, f"{self.where} setting '{key}'", self.settings[key]), re.I)

    def range(self, key: str) -> tuple[float | None, float | None]:
        value = self.settings.get(key)
        if (not isinstance(value, list) or len(value) != 2
                or not all(v is None or isinstance(v, (int, float)) and not isinstance(v, bool) for v in value)
                or value == [None, None]):
            self.fail(key, "must be [low, high], numbers (either may be null)")
        return value[0], value[1]

    def number(self, key: str) -> float:
        value = self.settings[key]
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            self.fail(key, "must be a number")
        return value

    def text(self, key: str) -> str:
        value = self.settings[key]
        if not isinstance(value, str) or not value.strip():
            self.fail(key, "must be a word")
        return value

    def choice(self, key: str, options: tuple[str, ...]) -> str:
        value = self.settings[key]
        if value not in options:
            self.fail(key, f"must be one of {', '.join(options)}, not {value!r}")
        return value

    def day(self, key: str) -> pd.Timestamp:
        value = self.settings[key]
        try:
            if isinstance(value, dt.date):
                return pd.Timestamp(value)
            return pd.Timestamp(dt.date.fromisoformat(str(value)))
        except ValueError:
            self.fail(key, f"must be a date YYYY-MM-DD, not {value!r}")


# --------------------------------------------------------------------------- finders


def _evidence(frame: pd.DataFrame, text_column: str) -> pd.DataFrame:
    out = frame[["article_id", "sentence_id", "start", "end"]].copy()
    out["evidence"] = frame[text_column].astype("str").to_numpy()
    return out.reset_index(drop=True)


def _sentence_matches(frame: pd.DataFrame, corpus, patterns: tuple[re.Pattern, ...]) -> pd.DataFrame:
    """Rows of an extraction table whose sentence matches every one of ``patterns`` (folded)."""
    if frame.empty:
        return frame
    sentences = corpus.sentences.set_index("sentence_id")["text"]
    texts = [fold(t) for t in frame["sentence_id"].map(sentences).fillna("").astype("str")]
    return frame[np.array([all(p.search(t) for p in patterns) for t in texts], dtype=bool)]


def _in(values: pd.Series, low, high) -> pd.Series:
    keep = pd.Series(True, index=values.index)
    if low is not None:
        keep &= values >= low
    if high is not None:
        keep &= values <= high
    return keep


def _area(s: _Settings) -> Callable:
    directions, (low, high) = s.names("directions"), s.range("km2")
    peak = s.choice("peak", ("include", "exclude"))

    def find(corpus):
        from kursk_analysis.extract.figures import territory_figures

        t = territory_figures(corpus)
        t = t[t["unit"].isin(AREA_UNITS) & t["km2_low"].notna() & t["km2_high"].notna()]
        t = t[t["direction"].isin(directions)]
        in_range = _in(t["km2_low"], low, None) & _in(t["km2_high"], None, high)
        at_peak = t["as_of_basis"] == "peak"
        return _evidence(t[in_range | at_peak] if peak == "include" else t[in_range & ~at_peak], "text")

    return find


def _share(s: _Settings) -> Callable:
    low, high = s.range("percent")

    def find(corpus):
        from kursk_analysis.extract.figures import territory_figures

        t = territory_figures(corpus)
        t = t[(t["unit"] == "percent") & t["direction"].isin(["lost", "retaken"])]
        return _evidence(t[_in(t["value_low"].fillna(t["value_high"]), low, high)], "text")

    return find


def _count(s: _Settings) -> Callable:
    what = s.word("what")
    low, high = s.range("value") if "value" in s.settings else (None, None)
    sentence = s.words("sentence") if "sentence" in s.settings else ()

    def find(corpus):
        from kursk_analysis.extract.figures import quantities

        q = quantities(corpus)
        q = q[(q["unit"] == "count") & q["what"].fillna("").str.contains(what)]
        q = q[_in(q["value_low"].fillna(q["value_high"]), low, high)]
        return _evidence(_sentence_matches(q, corpus, sentence) if sentence else q, "text")

    return find


def _days(s: _Settings) -> Callable:
    days, sentence = s.number("days"), s.words("sentence")

    def find(corpus):
        from kursk_analysis.extract.figures import quantities

        q = quantities(corpus)
        q = q[(q["unit"] == "day") & (q["value_low"] == days)]
        return _evidence(_sentence_matches(q, corpus, sentence), "text")

    return find


def _dates(s: _Settings) -> Callable:
    first, last, sentence = s.day("from"), s.day("to"), s.words("sentence")
    granularity = s.text("granularity") if "granularity" in s.settings else None

    def find(corpus):
        from kursk_analysis.extract.timex import time_expressions

        t = time_expressions(corpus)
        if granularity:
            t = t[t["granularity"] == granularity]
        t = t[(t["date_start"] >= first) & (t["date_start"] <= last)]
        return _evidence(_sentence_matches(t, corpus, sentence), "text")

    return find


def _stance(s: _Settings) -> Callable:
    stance = s.choice("stance", ("asserts", "denies"))
    actors, sides, others = s.names("actors"), s.names("sides"), s.names("except_actors")
    unknown = [side for side in sides if side not in SIDES]
    if unknown:
        s.fail("sides", f"names {', '.join(unknown)}; sides are {', '.join(SIDES)}")
    if not actors and not sides:
        s.fail("actors", "or 'sides' must name who takes the stance")

    def find(corpus):
        from kursk_analysis.extract.stance import stances

        rows = stances(corpus)
        rows = rows[rows["stance"] == stance]
        if len(rows):
            who = rows["actor"].isin(actors) | rows["side"].astype(str).isin(sides)
            rows = rows[who & ~rows["actor"].isin(others)]
        return _evidence(rows.assign(shown=rows["actor"].astype(str) + " " + stance), "shown")

    return find


def _quote(s: _Settings) -> Callable:
    pattern = s.pattern("pattern")

    def find(corpus):
        from kursk_analysis.extract.quotes import quotes

        q = quotes(corpus)
        hits = q[np.array([bool(pattern.search(fold(text))) for text in q["quote"]], dtype=bool)]
        shown = hits["quote"].astype(str) + " \u2014 " + hits["speaker"].fillna("(unknown)").astype(str)
        return _evidence(hits.assign(shown=shown), "shown")

    return find


def _mentions(s: _Settings) -> Callable:
    actors, sentence = s.names("actors"), s.words("sentence")
    if not actors:
        s.fail("actors", "must name at least one actor")

    def find(corpus):
        from kursk_analysis.extract.actors import actors as actor_mentions

        m = actor_mentions(corpus)
        m = m[m["actor"].isin(actors)]
        having = m.groupby("sentence_id")["actor"].nunique()
        m = m[m["sentence_id"].isin(set(having[having == len(actors)].index))].drop_duplicates("sentence_id")
        m = _sentence_matches(m, corpus, sentence)
        return _evidence(m.assign(shown=" + ".join(actors)), "shown")

    return find


def _sentence(s: _Settings) -> Callable:
    match = s.word("match")
    also = s.words("also") if "also" in s.settings else ()

    def find(corpus):
        rows = []
        for row in corpus.sentences[["article_id", "sentence_id", "start", "text"]].itertuples(index=False):
            folded = fold(row.text)
            hit = match.search(folded)
            if hit and all(p.search(folded) for p in also):
                rows.append((row.article_id, row.sentence_id, row.start + hit.start(),
                             row.start + hit.end(), row.text[hit.start():hit.end()]))
        return pd.DataFrame(rows, columns=EVIDENCE).astype(
            {"article_id": "str", "sentence_id": "str", "start": "int64", "end": "int64", "evidence": "str"})

    return find


_BUILD = {"area": _area, "share": _share, "count": _count, "days": _days, "dates": _dates,
          "stance": _stance, "quote": _quote, "mentions": _mentions, "sentence": _sentence}


def named_actors(path: str | Path | None = None) -> dict[str, tuple[str, ...]]:
    """fact name -> the canonical actor names its finder relies on (to check against a
    gazetteer: a renamed actor would make a fact find nothing)."""
    file = Path(path) if path else FACTS_FILE
    data = read_rules(file)
    out = {}
    for entry in data.get("facts", []):
        spec = entry.get("find", {})
        named = tuple(spec.get("actors", [])) + tuple(spec.get("except_actors", []))
        if named:
            out[entry["name"]] = named
    return out
