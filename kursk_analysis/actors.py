"""Who is named: the actor gazetteer, actor mentions, and speaker resolution.

``data/actors.csv`` lists every actor the coverage leans on, one row each: people,
institutions, and the anonymous groups that reporting relies on ("a U.S. military
official", "two Western officials", "experts"). Columns:

- ``actor``: canonical name (other modules and notebooks rely on these exact strings);
- ``kind``: ``person``, ``institution`` or ``group``; ``side``: Russia, Ukraine,
  United States, Europe, North Korea or independent; ``anonymous``: true for unnamed sources;
- ``gender``: ``m``/``f`` for people (used only to resolve "he"/"she"), else empty;
- ``role``: free text; its nouns let "the general" or "the official" find their actor;
- ``aliases``: ``|``-separated literal names, surnames and role phrases ("Putin",
  "the Russian strongman"); an alias written with any lower-case word ("Ukraine's general
  staff") matches in any case, an alias of capitalised words only ("Trump", "CIA") matches
  case-sensitively, so "trump card" or "cia" inside other words never count;
- ``pattern``: an optional regular expression for families of anonymous sources. Three
  placeholders keep the patterns short: ``{Q}`` an optional count or determiner ("a", "two",
  "one of the", "senior"), ``{M}`` optional modifiers ("military", "intelligence") with the
  surrounding spaces, ``{N}`` the noun ("official(s)", "source(s)", "intelligence reports").
  Patterns are tried before literal aliases, in file order, so list mixed families
  ("U.S. and European officials") before single ones ("U.S. officials").

Why regular expressions and not spaCy's PhraseMatcher: the corpus is already split into
sentences, and re-running spaCy over every sentence of 10,000 articles costs seconds. All
aliases go into one compiled regex (a trie, so the longest alias wins at each position and
the engine never backtracks through hundreds of alternatives), run once over each
article's :func:`~kursk_analysis.text.fold`-ed text. Folding keeps offsets, so every match
is a span of the raw text.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from . import paths
from .text import fold

GAZETTEER = paths.DATA / "actors.csv"
COLUMNS = ("actor", "kind", "side", "anonymous", "gender", "role", "aliases", "pattern")
KINDS = ("person", "institution", "group")
SIDES = ("Russia", "Ukraine", "United States", "Europe", "North Korea", "independent")
MENTION_COLUMNS = ["article_id", "sentence_id", "start", "end", "text", "actor", "kind",
                   "side", "anonymous"]

# Expansions of the pattern placeholders (see module docstring).
Q_WORDS = (r"(?i:an?|one|two|three|four|five|six|seven|eight|nine|ten|several|some|many|"
           r"multiple|other|another|the|both|(?:one|two|three|several|some|most) of the|"
           r"senior|top|current|former|unnamed|anonymous)")
PLACEHOLDERS = {
    "Q": rf"(?:{Q_WORDS}\s+)*",
    "M": r"(?:\s+(?:senior|top|military|defen[cs]e|intelligence|intel|administration|"
         r"government|security|national security|diplomatic|counterintelligence))*\s+",
    "N": r"(?:officials?|sources?|diplomats?|intelligence(?: agencies| reports?| assessments?|"
         r"| services| community)?|agencies|assessments?|reports)",
}


class GazetteerError(ValueError):
    """A bad row in the actor gazetteer; the message names the file, row and fix."""


# --------------------------------------------------------------------------- gazetteer


def gazetteer(path: str | Path | None = None) -> pd.DataFrame:
    """The validated actor gazetteer (``data/actors.csv`` by default), one row per actor."""
    path = Path(path) if path else GAZETTEER
    return _load(str(path), path.stat().st_mtime_ns).copy()


@lru_cache(maxsize=8)
def _load(path: str, _mtime: int) -> pd.DataFrame:
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    except (OSError, pd.errors.ParserError) as exc:
        raise GazetteerError(f"{path}: cannot read the gazetteer ({exc}).") from None
    missing = [c for c in COLUMNS if c not in frame.columns]
    if missing:
        raise GazetteerError(f"{path}: missing column(s) {', '.join(missing)}; "
                             f"the header must have {', '.join(COLUMNS)}.")
    frame = frame[list(COLUMNS)].apply(lambda column: column.str.strip())
    seen_actor: dict[str, int] = {}
    seen_alias: dict[str, tuple[str, int]] = {}
    for index, row in frame.iterrows():
        where = f"{path}, row {index + 2} (actor '{row['actor']}')"
        if not row["actor"]:
            raise GazetteerError(f"{path}, row {index + 2}: the actor name is empty.")
        if row["actor"] in seen_actor:
            raise GazetteerError(f"{where}: actor already listed in row {seen_actor[row['actor']]}.")
        seen_actor[row["actor"]] = index + 2
        for column, allowed in (("kind", KINDS), ("side", SIDES),
                                ("anonymous", ("true", "false")), ("gender", ("", "m", "f"))):
            if row[column].lower() not in [a.lower() for a in allowed]:
                raise GazetteerError(f"{where}: {column} '{row[column]}' is not one of "
                                     f"{', '.join(repr(a) for a in allowed)}.")
        aliases = [a.strip() for a in row["aliases"].split("|")] if row["aliases"] else []
        if any(not a for a in aliases):
            raise GazetteerError(f"{where}: an empty alias (two '|' in a row or a trailing '|').")
        if not aliases and not row["pattern"]:
            raise GazetteerError(f"{where}: neither aliases nor a pattern; the actor can never match.")
        for alias in aliases:
            key = fold(alias).casefold()
            if key in seen_alias and seen_alias[key][0] != row["actor"]:
                other, line = seen_alias[key]
                raise GazetteerError(f"{where}: alias '{alias}' also belongs to '{other}' "
                                     f"(row {line}); an alias must name one actor.")
            seen_alias[key] = (row["actor"], index + 2)
        if row["pattern"]:
            try:
                re.compile(expand_pattern(row["pattern"]))
            except (re.error, KeyError, IndexError) as exc:
                raise GazetteerError(f"{where}: pattern does not compile ({exc}).") from None
    frame["kind"] = frame["kind"].str.lower()
    frame["anonymous"] = frame["anonymous"].str.lower().eq("true")
    return frame.reset_index(drop=True)


def expand_pattern(pattern: str) -> str:
    """A gazetteer pattern with its ``{Q}``/``{M}``/``{N}`` placeholders filled in."""
    return re.sub(r"\{([A-Z])\}", lambda m: PLACEHOLDERS[m.group(1)], pattern)


# --------------------------------------------------------------------------- the matcher


def _trie_regex(words: list[str]) -> str:
    """A regex matching any of ``words``, longest first, without backtracking alternation."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = True

    def build(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(c) + build(child) for c, child in sorted(node.items()) if c]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:  # a shorter alias ends here: the rest is optional, tried greedily first
            body = f"(?:{body})?"
        return body

    return build(trie)


@dataclass(frozen=True)
class Matcher:
    """The compiled gazetteer: one regex and the look-ups from a match to its actor."""

    table: pd.DataFrame
    regex: re.Pattern
    exact: dict
    folded: dict
    pattern_groups: dict


@lru_cache(maxsize=8)
def _matcher(path: str, mtime: int) -> Matcher:
    table = _load(path, mtime)
    exact, folded, sensitive, insensitive = {}, {}, [], []
    for index, aliases in enumerate(table["aliases"]):
        for alias in filter(None, (a.strip() for a in aliases.split("|"))):
            alias = fold(alias)
            if any(w[:1].islower() for w in alias.split()):
                folded[alias.casefold()] = index
                insensitive.append(alias.casefold())
            else:
                exact[alias] = index
                sensitive.append(alias)
    groups, parts = {}, []
    for index, pattern in enumerate(table["pattern"]):
        if pattern:
            groups[f"p{index}"] = (index, pattern.startswith("{Q}"))
            # A leading {Q} is matched backwards from each hit (see find_mentions): an
            # optional prefix tried at every character position would cost ten times more.
            body = pattern[3:] if pattern.startswith("{Q}") else pattern
            parts.append(f"(?P<p{index}>{expand_pattern(body)})")
    # Literal aliases: the case-insensitive trie first (its aliases are the longer role
    # phrases: "Zelenskyy's office" before "Zelenskyy"), then case-sensitive names; each
    # trie prefers the longest alias at a position.
    parts.append(f"(?P<lit>(?i:{_trie_regex(insensitive)})|{_trie_regex(sensitive)})")
    regex = re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)")
    return Matcher(table, regex, exact, folded, groups)


# The {Q} prefix read backwards from a hit: "three ", "one of the ", "two senior ".
_Q_BEFORE = re.compile(rf"(?:(?<!\w){Q_WORDS}\s+)+$")


def matcher(path: str | Path | None = None) -> Matcher:
    path = Path(path) if path else GAZETTEER
    return _matcher(str(path), path.stat().st_mtime_ns)


def find_mentions(folded_text: str, m: Matcher | None = None) -> list[tuple[int, int, int]]:
    """``(start, end, actor_index)`` of every gazetteer match in an already folded text."""
    m = m or matcher()
    out = []
    for match in m.regex.finditer(folded_text):
        group = match.lastgroup
        if group == "lit":
            found = match.group()
            index = m.exact.get(found)
            if index is None:
                index = m.folded.get(found.casefold())
            if index is None:  # a case-sensitive alias cannot match other casing
                continue
            start = match.start()
        else:
            index, prefixed = m.pattern_groups[group]
            start = match.start()
            if prefixed:
                before = _Q_BEFORE.search(folded_text, max(0, start - 40), start)
                if before:
                    start = before.start()
        out.append((start, match.end(), index))
    return out


# --------------------------------------------------------------------------- mentions


def actors(corpus, path: str | Path | None = None) -> pd.DataFrame:
    """Every actor mention in the corpus's sentences, one row each, sorted by article and start.

    Columns: article_id, sentence_id, start, end (offsets into the raw text), text (the
    raw span), actor (canonical), kind, side, anonymous.
    """
    key = f"actors:{path or ''}"
    return corpus.memo(key, lambda: _actors(corpus, path))


def _actors(corpus, path) -> pd.DataFrame:
    m = matcher(path)
    sentences = corpus.sentences
    groups = sentences.groupby("article_id", sort=False).indices
    starts = sentences["start"].tolist()
    # Wire copy republished verbatim is matched once and its rows copied.
    unique, copies = copies_of(corpus, lambda a: (
        corpus.texts[a], tuple(starts[i] for i in groups.get(a, ()))))
    sentences = sentences[sentences["article_id"].isin(set(unique))]
    rows_article, rows_start, rows_end, rows_index = [], [], [], []
    for article_id in sentences["article_id"].unique():
        found = find_mentions(fold(corpus.texts[article_id]), m)
        rows_article.extend([article_id] * len(found))
        for start, end, index in found:
            rows_start.append(start)
            rows_end.append(end)
            rows_index.append(index)
    mentions = pd.DataFrame({
        "article_id": pd.Series(rows_article, dtype="str"),
        "start": np.asarray(rows_start, dtype="int64"),
        "end": np.asarray(rows_end, dtype="int64"),
        "index": np.asarray(rows_index, dtype="int64"),
    })
    mentions = _attach_sentences(mentions, sentences)
    table = m.table
    mentions["text"] = [corpus.texts[a][s:e] for a, s, e in
                        zip(mentions["article_id"], mentions["start"], mentions["end"])]
    for column in ("actor", "kind", "side", "anonymous"):
        mentions[column] = table[column].to_numpy()[mentions["index"].to_numpy()]
    mentions["text"] = mentions["text"].astype("str")
    mentions["actor"] = mentions["actor"].astype("str")
    mentions["kind"] = pd.Categorical(mentions["kind"], categories=KINDS)
    mentions["side"] = pd.Categorical(mentions["side"], categories=SIDES)
    mentions["anonymous"] = mentions["anonymous"].astype("bool")
    return replicate(mentions[MENTION_COLUMNS].reset_index(drop=True), copies)


def _attach_sentences(spans: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """Give each span the sentence it lies in; spans outside sentences (boilerplate) go."""
    if spans.empty:
        out = spans.copy()
        out["sentence_id"] = pd.Series(dtype="str")
        return out
    left = spans.sort_values(["start"], kind="stable")
    right = sentences[["article_id", "sentence_id", "start", "end"]].rename(
        columns={"start": "s_start", "end": "s_end"}).sort_values("s_start", kind="stable")
    merged = pd.merge_asof(left, right, left_on="start", right_on="s_start",
                           by="article_id", direction="backward")
    merged = merged[merged["s_start"].notna() & (merged["end"] <= merged["s_end"])]
    merged = merged.drop(columns=["s_start", "s_end"])
    return merged.sort_values(["article_id", "start", "end"], kind="stable").reset_index(drop=True)


# --------------------------------------------------------------------------- speakers

PRONOUN = re.compile(r"(?i)(?<!\w)(he|she|they|it|we)(?!\w)")
# Descriptions that point back to an actor named earlier: "the official", "the general".
DESCRIPTION = re.compile(
    r"(?i)(?<!\w)(?:the|this|that|another|(?:one|two|three|both) of the|an?|one)\s+"
    r"(?:(?!said|says|told|wrote)[a-z.'-]+\s+){0,2}"
    r"(officials?|analysts?|experts?|spokes(?:man|woman|person)|general|president|minister|"
    r"envoy|commander|institute|think tank|ministry|agency|council|adviser|advisor|"
    r"colonel|governor|leader|sources?|monitor|group)(?!\w)"
)
PROPER_NAME = re.compile(r"(?<![\w.])([A-Z][a-z]+(?:[- ](?:[A-Z]\.|[A-Z][a-z'A-Z]+)){1,3})(?!\w)")
SURNAME = re.compile(r"(?<![\w.])([A-Z][a-z'-]+)(?!\w)")
NOT_NAMES = {"The", "A", "An", "In", "On", "But", "And", "As", "At", "After", "Before", "When",
             "While", "Russian", "Ukrainian", "American", "European", "Western", "President",
             "Prime", "Minister", "General", "Gen", "Secretary", "He", "She", "They", "It",
             "We", "His", "Her", "Their", "This", "That", "Those", "These", "Some", "Moscow",
             "Kyiv", "Russia", "Ukraine", "Kursk", "Friday", "Monday", "Tuesday", "Wednesday",
             "Thursday", "Saturday", "Sunday", "March", "January", "February", "April", "May",
             "June", "July", "August", "September", "October", "November", "December"}


@dataclass
class ArticleActors:
    """One article's mentions, in text order, for resolving who a phrase refers to.

    ``speakers`` holds ``(offset, actor)`` of actors already found speaking (subjects of
    "said", "claimed", quotation speakers), appended by the quote code as it reads the
    article: a pronoun prefers the latest of these (the salient speaker) over the latest
    mere mention, so "he said" after "Gerasimov claimed as President Vladimir Putin was
    visiting" is Gerasimov. ``local`` holds people the gazetteer does not know, found by
    :func:`resolve_speaker` as full names ("Jane Doe said"), so a later "Doe" finds them.
    """

    starts: list
    ends: list
    actors: list
    info: dict  # actor -> (kind, gender, "name role" case-folded)
    speakers: list = field(default_factory=list)
    local: dict = field(default_factory=dict)

    @classmethod
    def from_mentions(cls, mentions: pd.DataFrame, table: pd.DataFrame | None = None) -> "ArticleActors":
        """From one article's rows of :func:`actors`."""
        return cls(mentions["start"].tolist(), mentions["end"].tolist(),
                   mentions["actor"].tolist(), actor_info(table))

    def fits(self, actor: str, kinds: tuple, gender: str | None = None) -> bool:
        kind, known_gender, _ = self.info.get(actor, ("person", "", ""))
        return kind in kinds and (gender is None or known_gender in ("", gender))

    def inside(self, start: int, end: int) -> list[int]:
        """Indices of mentions within [start, end)."""
        lo = bisect.bisect_left(self.starts, start)
        out = []
        for i in range(lo, len(self.starts)):
            if self.starts[i] >= end:
                break
            if self.ends[i] <= end:
                out.append(i)
        return out

    def recent(self, before: int, fits) -> str | None:
        """The actor of the latest mention ending before ``before`` whose actor ``fits``."""
        i = bisect.bisect_left(self.starts, before) - 1
        while i >= 0:
            if self.ends[i] <= before and fits(self.actors[i]):
                return self.actors[i]
            i -= 1
        return None

    def most_frequent(self, before: int, fits) -> str | None:
        counts: dict = {}
        for i in range(bisect.bisect_left(self.starts, before)):
            if self.ends[i] <= before and fits(self.actors[i]):
                counts[self.actors[i]] = (counts.get(self.actors[i], (0, 0))[0] + 1, i)
        return max(counts, key=counts.get) if counts else None

    def recent_speaker(self, before: int, fits) -> str | None:
        for offset, actor in reversed(self.speakers):
            if offset < before and fits(actor):
                return actor
        return None


def actor_info(table: pd.DataFrame | None = None) -> dict:
    """actor -> (kind, gender, case-folded "name role") from the gazetteer."""
    table = gazetteer() if table is None else table
    return {a: (k, g, f"{a} {r}".casefold())
            for a, k, g, r in zip(table["actor"], table["kind"], table["gender"], table["role"])}


def resolve_speaker(phrase: str, start: int, known: ArticleActors,
                    before: int | None = None) -> str | None:
    """The canonical actor a speaker phrase refers to, or None when it cannot be known.

    ``phrase`` is raw text starting at offset ``start`` of the article (e.g. "Mark Cancian,
    a retired Marine Corps colonel", "she", "the European official", "Barros"). In order:
    a gazetteer mention inside the phrase (the first one, so an apposition's institution
    does not beat the person); a pronoun, resolved to the latest fitting speaker before
    ``before`` (default: the phrase's start), else the latest fitting mention - he/she to
    a person of that gender or of unknown gender, it to an institution, they to a group or
    institution; a description ("the official", "the general") to the latest actor whose
    name or role has that noun; a full name the gazetteer lacks, returned as written (and
    remembered for its surname); a remembered surname; else None.
    """
    end = start + len(phrase)
    hits = known.inside(start, end)
    if hits:
        return known.actors[hits[0]]
    before = start if before is None else before
    folded = fold(phrase)
    description = DESCRIPTION.search(folded)
    pronoun = PRONOUN.search(folded)
    if pronoun and (not description or pronoun.start() < description.start()):
        word = pronoun.group(1).lower()
        if word in ("he", "she"):
            gender = "m" if word == "he" else "f"
            fits = lambda a: known.fits(a, ("person",), gender)  # noqa: E731
        elif word == "it":
            fits = lambda a: known.fits(a, ("institution",))  # noqa: E731
        elif word == "they":
            fits = lambda a: known.fits(a, ("group", "institution"))  # noqa: E731
        else:
            return None
        return known.recent_speaker(before, fits) or known.recent(before, fits)
    if description:
        noun = description.group(1).lower()
        stem = noun[:-1] if noun.endswith("s") and not noun.endswith("ss") else noun
        stem = "spokes" if stem.startswith("spokes") else stem
        fits = lambda a: stem in known.info.get(a, ("", "", a.casefold()))[2]  # noqa: E731
        if stem in ("official", "source", "diplomat"):
            # "the official", "one of the officials": the article's main anonymous source,
            # i.e. the fitting actor named most often so far (latest on a tie).
            return known.most_frequent(before, fits)
        return known.recent_speaker(before, fits) or known.recent(before, fits)
    name = PROPER_NAME.search(phrase)
    if name and name.group(1).split()[0] not in NOT_NAMES:
        full = name.group(1)
        known.local[full.split()[-1]] = full
        return full
    surname = SURNAME.search(phrase)
    if surname and surname.group(1) in known.local:
        return known.local[surname.group(1)]
    return None


# --------------------------------------------------------------------------- duplicates


def copies_of(corpus, key) -> tuple[list[str], dict[str, str]]:
    """Articles to read, and every verbatim copy mapped to the first article it copies.

    ``key(article_id)`` says what makes two articles read alike (their raw text, kept
    paragraphs, date). Wire copy is republished word for word; reading it once and
    copying the rows keeps the extractors' cost proportional to distinct texts.
    """
    first: dict = {}
    unique, copies = [], {}
    for article_id in corpus.articles["id"]:
        k = key(article_id)
        if k in first:
            copies[article_id] = first[k]
        else:
            first[k] = article_id
            unique.append(article_id)
    return unique, copies


def replicate(frame: pd.DataFrame, copies: dict[str, str],
              id_columns=("sentence_id",)) -> pd.DataFrame:
    """``frame`` plus, for each copy, its original's rows under the copy's id (vectorised).

    Sentence ids begin with the article id, so a copy's ids are its own id plus the
    original's suffix. Rows come back sorted by article_id, start.
    """
    if not copies or frame.empty:
        return frame
    mapping = pd.DataFrame({"_copy": list(copies), "article_id": list(copies.values())})
    cut = frame["article_id"].str.len()
    suffixes = {c: pd.Series([s[n:] for s, n in zip(frame[c], cut)], index=frame.index)
                for c in id_columns}
    extra = frame.assign(**{f"_{c}": suffixes[c] for c in id_columns}).merge(
        mapping, on="article_id", how="inner")
    extra["article_id"] = extra["_copy"]
    for c in id_columns:
        extra[c] = extra["_copy"] + extra[f"_{c}"]
    extra = extra.drop(columns=["_copy", *[f"_{c}" for c in id_columns]])
    out = pd.concat([frame, extra[frame.columns]], ignore_index=True)
    for column in frame.columns:
        if isinstance(frame[column].dtype, pd.CategoricalDtype):
            out[column] = out[column].astype(frame[column].dtype)
    return out.sort_values(["article_id", "start"], kind="stable").reset_index(drop=True)
