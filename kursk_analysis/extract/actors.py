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
article's :func:`~kursk_analysis.corpus.text.fold`-ed text. Folding keeps offsets, so every match
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

from kursk_analysis import lexicon, pipeline
from kursk_analysis.errors import GazetteerError
from kursk_analysis import paths
from kursk_analysis.corpus.text import fold
from kursk_analysis.extract.spans import rows_by

GAZETTEER = paths.DATA / "actors.csv"
COLUMNS = ("actor", "kind", "side", "anonymous", "gender", "role", "aliases", "pattern")
KINDS = ("person", "institution", "group")
SIDES = ("Russia", "Ukraine", "United States", "Europe", "North Korea", "independent", "unknown")
# The side of a speaker the gazetteer does not list ("Christopher Miller", a call sign):
# not known, rather than guessed.
UNKNOWN_SIDE = "unknown"
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
    "N": r"(?:officials?|sources?|diplomats?|attach[eé]s?|intelligence(?: agencies| reports?| assessments?|"
         r"| services| community)?|agencies|assessments?|reports)",
}


# --------------------------------------------------------------------------- gazetteer


def gazetteer(path: str | Path | None = None) -> pd.DataFrame:
    """The validated actor gazetteer (``data/actors.csv`` by default), one row per actor."""
    path = Path(path) if path else GAZETTEER
    if not path.is_file():
        raise GazetteerError(f"{path}: no such gazetteer file (a CSV with the columns "
                             f"{', '.join(COLUMNS)}).")
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
            # Role phrases (a lower-case word) and names of three words or more ("Russian
            # Defence Ministry", written "Russian defence ministry" by other outlets) match
            # in any case; short capitalised names stay case-sensitive ("Trump", "CIA").
            if any(w[:1].islower() for w in alias.split()) or len(alias.split()) >= 3:
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
    parts.append(f"(?P<lit>(?i:{lexicon.trie_regex(insensitive)})|{lexicon.trie_regex(sensitive)})")
    regex = re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)")
    return Matcher(table, regex, exact, folded, groups)


# The {Q} prefix read backwards from a hit: "three ", "one of the ", "two senior ".
_Q_BEFORE = re.compile(rf"(?:(?<!\w){Q_WORDS}\s+)+$")


def study_table(corpus) -> pd.DataFrame:
    """The gazetteer of the study ``corpus`` belongs to (see ``load_corpus(gazetteer=)``)."""
    return gazetteer(getattr(corpus, "gazetteer", None))


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
        # "Ukrainian military analysts", "Russian military bloggers" the gazetteer lacks:
        # the institution's name is their adjective, and they are not it.
        if _EXPERTS_AFTER.match(folded_text, match.end()) and m.table["kind"].iat[index] == "institution":
            continue
        # "pro-Kremlin channels", "anti-Kremlin outlets": an adjective, not the actor.
        if folded_text.endswith(("pro-", "anti-", "Pro-", "Anti-"), max(0, start - 5), start):
            continue
        out.append((start, match.end(), index))
    return out


def _another_bearer(folded: str, found: list[tuple[int, int, int]], kinds: list, names: list) -> list[tuple[int, int, int]]:
    """``found`` without the bare surnames of gazetteer people that the article gave
    earlier to someone else: "Ryan Evans hosts the podcast ... Evans says" is not the
    ISW's Angelica Evans. A surname whose gazetteer bearer the article names in full
    first stays theirs."""
    out = []
    first: dict[str, re.Match | None] = {}  # each word's first "Firstname Word", searched once
    for start, end, index in found:
        word = folded[start:end]
        if kinds[index] == "person" and " " not in word and word[:1].isupper():
            if word not in first:
                first[word] = _first_with_a_first_name(folded, word)
            other = first[word]
            # (a spelling of the bearer's own first name, "Valerii Gerasimov", is the bearer)
            own = names[index].split()[0]
            if other and other.start() < start and not _not_a_first_name(other.group(1)) and \
                    other.group(1)[:3].casefold() != own[:3].casefold() and \
                    not any(s <= other.start() < e for s, e, _ in found):
                continue
        out.append((start, end, index))
    return out


def _first_with_a_first_name(folded: str, word: str):
    """The first "Firstname ``word``" in ``folded`` (a match whose group 1 is the first
    name), found from the word's occurrences (``str.find``), not by a pattern tried at
    every position of the article."""
    at = folded.find(word)
    while at >= 0:
        end = at + len(word)
        if (end == len(folded) or not folded[end].isalnum()) and (at == 0 or not folded[at - 1].isalnum()):
            before = _WORD_BEFORE.search(folded, max(0, at - 40), at)
            if before:
                return before
        at = folded.find(word, at + 1)
    return None


# Capitalised words that open a clause before a surname and are no first name ("If Putin
# agrees", "Did Trump say").
_FUNCTION_WORDS = {"If", "Did", "Does", "Do", "Has", "Had", "Have", "Can", "Could", "Will", "Would",
                   "Should", "Shall", "Must", "May", "Might", "Unless", "Although", "Though",
                   "Because", "Since", "Until", "Once", "Whether", "Where", "Who", "Whom", "Let",
                   "Even", "Only", "Both", "Neither", "Either", "Not", "Nor", "Or", "Like",
                   "Unlike", "Says", "Said", "Told", "Asked", "Mrs", "Mr", "Ms", "Dr", "Sir",
                   # (a headline's imperative: "Trust Putin? On this, yes")
                   "Trust", "Distrust", "Believe", "Doubt", "Blame", "Thank", "Thanks", "Ask", "Tell",
                   "Meet", "Watch", "Forget", "Stop", "Beware", "Question", "Ignore", "Follow"}


def _not_a_first_name(word: str) -> bool:
    return word in NOT_NAMES or word in NOT_HANDLES or word in ROLE_TITLES or \
        word in _FUNCTION_WORDS or word.endswith(("ly", "day"))


_EXPERTS_AFTER = re.compile(r"\s+(?:analysts?|experts?|observers?|commentators?|historians?|researchers?|"
                            r"scholars?|bloggers?|milbloggers?|correspondents?|journalists?|reporters?)(?!\w)")


# --------------------------------------------------------------------------- mentions


def actors(corpus, path: str | Path | None = None) -> pd.DataFrame:
    """Every actor mention in the corpus's sentences, one row each, sorted by article and start.

    Columns: article_id, sentence_id, start, end (offsets into the raw text), text (the
    raw span), actor (canonical), kind, side, anonymous.
    """
    path = path or getattr(corpus, "gazetteer", None)
    key = f"actors:{path or ''}"
    return pipeline.memo(corpus, "actors", lambda: _actors(corpus, path), variant=str(path or ""))


def _actors(corpus, path) -> pd.DataFrame:
    m = matcher(path)
    sentences = corpus.sentences
    groups = rows_by(sentences["article_id"])
    starts = sentences["start"].tolist()
    # Wire copy republished verbatim is matched once and its rows copied.
    unique, copies = copies_of(corpus, lambda a: (
        corpus.texts[a], tuple(starts[i] for i in groups.get(a, ()))))
    sentences = sentences[sentences["article_id"].isin(set(unique))]
    rows_article, rows_start, rows_end, rows_index = [], [], [], []
    kinds, names = m.table["kind"].tolist(), m.table["actor"].tolist()
    for article_id in sentences["article_id"].unique():
        folded = fold(corpus.texts[article_id])
        found = _another_bearer(folded, find_mentions(folded, m), kinds, names)
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
OBJECT_PRONOUN = re.compile(r"(?i)(him|her|them)")
# An account on a forum or a social network, named by its handle.
ONLINE_HANDLE = re.compile(r"(?<![\w/@])(?:u/|@)[A-Za-z0-9_][A-Za-z0-9_.-]{2,30}(?<![.-])")
# One member of a group named just before: "said one", "said the other", "one of them".
MEMBER = re.compile(r"(?i)(?<![\w'])(?:one of them|the other|another|one)(?![\w'])")
# "the expert", "the analyst": a person introduced before, although "expert" alone is an
# alias of the group "experts".
# "Military expert, retired colonel Viktor Lastochkin, told": after a group's word used as a
# title, the person's full name set off by commas (see quotes._verb_frames).
TITLED_NAME_AFTER = re.compile(r"^[\s,]+(?:(?:retired|former|reserve|a|an|the)\s+)?(?:[a-z-]+\s+){0,2}"
                               r"([A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)+)\s*,?\s*$")
GENERIC_DEFINITE = re.compile(r"(?i)the\s+(?:military\s+)?(?:expert|analyst|observer)")
# Descriptions that point back to an actor named earlier ("the official", "the expert",
# "the head of state", "one of the diplomats", "his officials") or, indefinite, introduce
# a new unnamed one ("a company commander from an assault brigade").
# Ranks and trades of an unnamed soldier ("a sergeant", "a drone operator"): descriptions
# (below) and military nouns (further below) alike.
RANKS = ("sergeant", "corporal", "lieutenant", "captain", "gunner", "sniper", "paratrooper",
         "marine", "infantryman", "operator", "pilot", "scout")
DESCRIPTION_NOUNS = (
    r"officials?|analysts?|experts?|spokes(?:man|woman|person)|general staff|"
    r"general(?!\s+staff)|president|minister|"
    r"envoy|commander|institute|think tank|ministry|agency|council|adviser|advisor|"
    r"colonel|governor|leader|sources?|monitor|group|team|collective|diplomats?|officers?|soldiers?|"
    r"servicem[ae]n|attach[eé]s?|head of state|head of government|statement|message|army|military|"
    r"researchers?|cartographer|specialists?|observers?|commentators?|professor|scholar|"
    r"economist|strategist|aides?|fighters?|senator|lawmaker|congress(?:wo)?man|ambassador|mayor|"
    r"chancellor|blogger|correspondent|" + "|".join(RANKS)
)
# People who are no actor of the story, introduced with "a"/"an" ("a local administrator",
# "a man who declined to give his name"): an unnamed speaker all the same, so that a later
# "he" is not an earlier named one. ("the man" refers back: "Donald Trump, the man who ...")
CIVILIAN_NOUNS = ("man", "woman", "resident", "administrator", "villager", "pensioner", "volunteer",
                  "medic", "doctor", "nurse", "driver", "farmer", "teacher", "refugee", "evacuee",
                  "mother", "father", "grandmother", "grandfather", "schoolteacher", "retiree", "student",
                  "shopkeeper", "priest", "engineer", "worker")
CIVILIAN = "|".join(CIVILIAN_NOUNS)
DESCRIPTION = re.compile(
    r"(?i)(?<![\w'])(?:the|this|that|another|(?:one|two|three|both|each|some) of the|an?|one|"
    r"his|her|their|its)\s+"
    # (a modifier may hold digits: "a 27-year-old infantryman")
    r"(?:(?!said|says|told|wrote|of\b)[a-z0-9.'-]+\s+){0,2}"
    rf"({DESCRIPTION_NOUNS})(?!\w)"
    rf"|(?<![\w'])an?\s+(?:(?!said|says|told|wrote|of\b)[a-z0-9.'-]+\s+){{0,2}}({CIVILIAN})(?!\w)"
)
# A definite description that points back to someone by what they head or write for:
# "the head of the General Staff" (Gerasimov, introduced as its chief), "the channel's
# authors", "the author of the channel" (the channel named last).
# The gender of a first name no one else bears (rules/first_names.yaml), for the names the
# gazetteer lacks.
FIRST_NAMES = lexicon.first_names()
BODY_NOUNS = (r"general\s+staff|ministry|armed\s+forces|army|centre|center|institute|directorate|"
              r"agency|service|region|administration|office|council|committee")
BACK_REFERENCE = re.compile(
    r"(?i)(?<![\w'])(?:the\s+(?:(?:head|chief|commander|director)\s+of\s+(?:the\s+)?"
    rf"(?:[\w'-]+\s+){{0,3}}?(?P<body>{BODY_NOUNS})"
    # (not "the channel of the monitoring project Karta Frontu", "the channel Rybar": a new one)
    r"|(?P<channel>(?:telegram\s+)?(?:channel|blog)(?!\s+of\b|\s+[A-Z])(?:'s\s+(?:authors?|editors?|admins?|founders?))?"
    r"|(?:authors?|editors?|admins?|founders?)\s+of\s+the\s+(?:telegram\s+)?(?:channel|blog)))"
    # ("... ran a long post on Friday. '...,' its author wrote": the channel's author)
    r"|(?P<its>(?:its|the)\s+(?:authors?|admins?))"
    # ("The paper writes that ...", "the newspaper said": the newspaper named last)
    r"|the\s+(?P<outlet>paper|newspaper|daily|tabloid|weekly|broadsheet))(?![\w'-])")


# Newspapers another outlet cites ("The Thames Courier writes", "the pro-government daily
# Vechernyaya Stolitsa", "Warsaw's Gazeta Poranna"): named by a word for a newspaper before
# them, or by the word a newspaper's title ends in.
OUTLET_TITLE_WORDS = ("Times|Post|Courier|Herald|Gazette|Gazeta|Journal|Tribune|Telegraph|Guardian|Observer|"
                      "Standard|Chronicle|Express|Mail|Mirror|Globe|Monitor|Dispatch|Inquirer|Examiner|"
                      "Ledger|Bulletin|Zeitung|Abendzeitung|Pravda|Izvestia|Kommersant|Vedomosti")
OUTLET = re.compile(
    r"(?:(?:daily|newspaper|paper|tabloid|weekly|broadsheet|magazine)\s+(?P<after>[A-Z][\w'-]+(?:\s+[A-Z][\w'-]*){0,3})"
    # (a title word alone, "Times are given for Kyiv", is no title; nor is "The Post", the
    # way a paper names itself in its own copy)
    rf"|(?<![\w'-])(?P<titled>(?:The\s+)?(?:[A-Z][\w'-]+\s+){{1,3}}(?:{OUTLET_TITLE_WORDS})"
    rf"(?:\s+[A-Z][a-z]+(?!\s+[A-Z]))?|(?:{OUTLET_TITLE_WORDS})\s+[A-Z][a-z]+(?!\s+[A-Z])))(?![\w'-])")


_OUTLET_TITLE = re.compile(OUTLET_TITLE_WORDS)


def _may_be_outlet(raw: str) -> bool:
    return any(word in raw for word in ("daily ", "newspaper ", "paper ", "tabloid ", "weekly ", "magazine ",
                                        "broadsheet ")) or bool(_OUTLET_TITLE.search(raw))


# Letters of names in Latin script, accented ones included ("Radosław Sikorski", "Recep
# Tayyip Erdoğan", "Jakub Wiśniewski"); a hyphenated part may be lower case ("Koo Byoung-sam").
_UPPER = "A-ZÀ-ÖØ-ÞĀ-Ž"
_LOWER = "a-zß-öø-ÿā-ž"
# (a hyphenated first name, "Dae-jung Park"; a particle before a surname, "Maarten de Vries")
_PARTICLES = r"(?:de|van|von|der|den|da|di|du|del|della|la|le|ter|bin|ibn)"
# (not an English compound: "Odesa-based", "Kremlin-backed")
_COMPOUND = r"(?:based|led|held|backed|born|run|linked|funded|made|style|era|speaking|controlled|occupied|aligned|affiliated|friendly)"
# ("Nasser al-Khalifi": an Arabic article joined to the surname)
PROPER_NAME = re.compile(rf"(?<![\w.])([{_UPPER}][{_LOWER}]+(?:-(?!{_COMPOUND}\b)[{_LOWER}]+)?(?:[- ](?:{_PARTICLES} )?(?:[{_UPPER}]\.|"
                         rf"(?:al-|el-)?[{_UPPER}][{_LOWER}'{_UPPER}]+(?:-[{_LOWER}]+)?)){{1,4}})(?!\w)")
_WORD_BEFORE = re.compile(rf"(?<![\w.])([{_UPPER}][{_LOWER}]+)\s+$")  # (see _first_with_a_first_name)
SURNAME = re.compile(rf"(?<![\w.])([{_UPPER}][{_LOWER}'-]+)(?!\w)")
# A courtesy title before a surname: "Mr. Paroinen", "Dr Vautrin".
COURTESY = re.compile(r"^(?:Mr|Mrs|Ms|Miss|Dr|Prof)\.?\s+")
# A fighter or source known by a call sign or code name ("codenamed Vityaz", "known by
# his call sign, Boroda"): that name stands for the person.
CODENAME = re.compile(
    r"(?i:code-?named|call[- ]?sign(?:ed)?(?: as)?|nicknamed|nom de guerre(?: as)?|pseudonym|known as|"
    r"gave (?:his|her) (?:first )?name(?: only)? as|identified (?:only )?(?:by|as) (?:his|her) (?:rank and )?(?:first )?name,?|"
    # "asked to be identified only as Dmytro", "who goes by Grizzly", "who writes as Severny Veter"
    r"identified only as|(?:goes|go|went) by|writes as|writing as|posts as|posting as|"
    # "a man who calls himself Vostochny Val"
    r"call(?:s|ed)? (?:himself|herself|themselves|itself)|"
    # "a sergeant named Oleh", "asked that only his first name, Mark, be used"
    r"(?:sergeant|soldier|officer|commander|fighter|operator|pilot|medic|volunteer|serviceman|man|woman)\s+named|"
    r"only (?:his|her) (?:first )?name,)"
    # ("identified only by his rank and first name, Maj. Sviatoslav": the name after the rank)
    r",?\s+[\"']?(?:(?:Maj|Capt|Lt|Sgt|Col|Gen|Cpl|Pvt)\.?\s+)?([A-Z][\w'-]+)(?!\w)")
# Words one of CODENAME's phrases has, looked for first (``in`` on the lower-cased text is
# far cheaper than the case-insensitive pattern tried at every character).
_CODENAME_KEYS = ("name", "call sign", "callsign", "call-sign", "pseudonym", "known as", "nom de guerre",
                  "identified only as", "goes by", "go by", "went by", "writes as", "writing as", "posts as",
                  "posting as", "calls himself", "calls herself", "call themselves", "called himself",
                  "called herself", "calls itself")


def _may_name(raw: str) -> bool:
    low = raw.lower()
    return any(key in low for key in _CODENAME_KEYS)


# Trades written as a title before a name ("Analyst Tom Corrigan said"): no part of it.
TRADE_TITLES = {"Analyst", "Expert", "Researcher", "Historian", "Commentator", "Blogger", "Journalist",
                "Correspondent", "Economist", "Strategist"}
NOT_NAMES = TRADE_TITLES | {"The", "A", "An", "In", "On", "But", "And", "As", "At", "After", "Before", "When",
             "While", "Russian", "Ukrainian", "American", "European", "Western", "President",
             "Prime", "Minister", "General", "Gen", "Secretary", "He", "She", "They", "It",
             "We", "His", "Her", "Their", "This", "That", "Those", "These", "Some", "Moscow",
             "Kyiv", "Russia", "Ukraine", "Kursk", "Friday", "Monday", "Tuesday", "Wednesday",
             "Thursday", "Saturday", "Sunday", "March", "January", "February", "April", "May",
             "June", "July", "August", "September", "October", "November", "December",
             "Military", "Chief", "Army", "Defense", "Defence", "Foreign", "State", "North",
             "South", "East", "West", "Read", "Related", "Sign", "Key", "Update", "Our", "Your",
             "Photograph", "Staff", "Reporting", "Writing", "Editing", "Additional", "Fact",
             "Sources", "Why", "What", "How", "Was", "Are", "Is", "Independent", "Estonian",
             "Belarus", "Baltic", "Dutch", "British", "French", "German", "Senior", "Former",
             "Kiev", "Washington", "London", "Brussels", "Geneva", "Sudzha", "Sumy", "Media",
             "About", "Note", "Then", "By", "From", "For", "With", "Within", "During", "Of",
             "To", "Under", "Earlier", "Later", "Ukraine's", "Russia's", "Every", "Each", "All",
             "Many", "Most", "Several", "Both", "Another", "Other", "Any", "Last", "Next", "Few",
             "Its", "My", "If", "Unless", "Whether", "Did", "Does", "Do", "Can", "Could", "Will", "Would",
             "Should", "Now", "Still", "However", "Meanwhile", "Yet", "Even", "Only", "Not", "Let"}
# A person the article names by one word (a surname, a call sign, an online handle),
# introduced by an apposition saying who they are: "Karmazin, a reconnaissance pilot who
# ...", "Vostokov, head of the research group ...", "Rybar, a Russian military blog". The
# word then stands for that person wherever the article uses it (:meth:`ArticleActors.scan_names`).
# Only nouns for people (and the blogs and channels some speak through), never for
# institutions or places; an apposition that is itself a frame ("Pokrovsk, the general
# said, ...") introduces nobody.
HANDLE_NOUNS = (
    r"officials?|analysts?|experts?|spokes(?:man|woman|person)|general|president|minister|"
    r"envoy|commander|adviser|advisor|colonel|governor|leader|diplomat|officer|soldier|"
    r"serviceman|researcher|cartographer|specialist|observer|commentator|professor|scholar|"
    r"economist|strategist|aide|fighter|founder|co-founder|blogger|milblogger|journalist|"
    r"correspondent|reporter|editor|author|veteran|activist|lawmaker|politician|deputy|"
    r"blogs?|channels?|" + "|".join(RANKS + CIVILIAN_NOUNS)
)
# Searched from the comma (a literal the engine skips to), the word before it checked
# after: a pattern opening on the word, or on a look-behind, is tried at every character.
HANDLE = re.compile(
    # ("Taras, 27, who asked that his surname not be published": an age sets off a person)
    rf",\s+(?:\d{{1,2}},|(?:an?|the|one of the)\s+(?:[\w'’-]+\s+){{0,5}}?(?:{HANDLE_NOUNS})|"
    r"(?:co-?)?(?:founder|head|chief|leader|editor|author|member|commander|spokes(?:man|woman|person))\s+of)"
    r"(?![\w'-])(?!\s+(?:said|says|told|added|wrote|noted|claimed|stated|warned|argued|insisted)\b)")
HANDLE_WORD = re.compile(rf"(?<![\w.'’-])([{_UPPER}](?=[\w'-]*[{_LOWER}])[\w'-]+)$")
# A channel, blog or account named with its medium: "the Telegram channel Rybar", "the Two
# Majors Telegram channel", "the military blog WarGonzo". Its name speaks for it.
CHANNEL = re.compile(
    rf"(?:(?:Telegram|[Mm]ilitary|war|pro-war|pro-Kremlin|[Mm]ilblogger)\s+)(?:channel|blog|account)s?\s+"
    # ("the Telegram channel Frontovik Z": a one-letter word ends many such names)
    rf"(?:called\s+|named\s+)?([{_UPPER}][\w'-]+(?:\s+[{_UPPER}][\w'-]*){{0,2}})"
    # (not "The Telegram channel Rybar" read as a channel called "The Telegram")
    rf"|(?<![\w'-])(?!(?:The|Telegram)\s)([{_UPPER}][\w'-]+(?:\s+[{_UPPER}][\w'-]+){{0,2}})\s+(?:Telegram\s+)?(?:channel|blog)(?!\w)"
    # "Two Majors, a channel with links to the military": an apposition
    rf"|(?<![\w'-])([{_UPPER}][\w'-]+(?:\s+[{_UPPER}][\w'-]+){{0,2}}),\s+(?:an?|the|one)\s+"
    rf"(?:[\w'’-]+\s+){{0,4}}?(?:Telegram\s+)?(?:channel|blog)(?!\w)"
    # "Shtorm-Kursk (312 thousand subscribers)", "Zapiski Artillerista (148 thousand)": a
    # channel digest names each channel with its audience
    rf"|(?<![\w'-])([{_UPPER}][\w'-]+(?:\s+[{_UPPER}0-9][\w'-]*){{0,2}})\s+\((?:about\s+|some\s+|nearly\s+|over\s+|"
    rf"more\s+than\s+|almost\s+)?(?:[\d.,]+\s*(?:thousand|million|k\b|m\b)[^()]{{0,20}}|"
    # ("Shtormovoy Vestnik (about 410,000 subscribers)", and in a digest that counts
    # subscribers, "Lesnik Z (about 150,000)")
    rf"\d{{1,3}}(?:,\d{{3}})+(?:\s+(?:subscribers|followers|readers))?)\)"
    # "one popular channel, Kompas Z, wrote": the name set off after the medium
    rf"|(?:channel|blog)s?,\s+([{_UPPER}][\w'-]+(?:\s+[{_UPPER}0-9][\w'-]*){{0,2}}),")
_AUDIENCE = re.compile(r"(?i)subscriber|follower")
# Words that open a sentence before a comma and are no one's name ("However, a spokesman
# said ..."); words ending in "-ly" are left out as well.
NOT_HANDLES = {"However", "Meanwhile", "Still", "Instead", "Separately", "Elsewhere", "Overall",
               "Yesterday", "Today", "Tonight", "Now", "Also", "Indeed", "Yet", "Moreover",
               "Furthermore", "Nevertheless", "Nonetheless", "Thus", "Hence", "Therefore",
               "Regardless", "Otherwise", "Again", "Here", "There", "Afterwards", "Overnight",
               "Last", "Next", "First", "Second", "Third", "Besides", "Meantime", "So", "Well",
               "Yes", "No", "Earlier", "Later", "Then", "Sources", "Officials", "Analysts",
               "Experts", "Critics", "Residents", "Soldiers", "Troops", "Forces", "Ukrainians",
               "Russians", "Americans", "Europeans", "Republicans", "Democrats", "Moreover"}
# A capitalised word just before: the handle's word ends a longer name ("Olena Kravets").
# (a word that ends a sentence is none: "... fighting inside Russia. Serhiy, 41, a platoon
# commander"; a title's abbreviation is: "Dr. Serhiy")
_NAME_WORD_BEFORE = re.compile(rf"[{_UPPER}](?:[\w'’-]*|[\w'’-]{{0,3}}\.|(?:[{_UPPER}]\.)+)\s+$")
# Courtesy and rank titles before a name: "Dr Ines Vautrin", "the Rev. Petro Hnatiuk".
# Where people post, never who speaks ("Trump went on Truth Social to announce that ...").
PLATFORMS = {"Truth Social", "Telegram", "Twitter", "Facebook", "YouTube", "Instagram", "TikTok",
             "VKontakte", "WhatsApp", "Bluesky", "Rumble", "Reddit", "Threads"}
TITLES = {"Dr", "Mr", "Mrs", "Ms", "Miss", "Rev", "Prof", "Sir", "Dame", "Gen", "Col", "Lt",
          "Sgt", "Capt", "Maj", "Adm", "Sen", "Rep", "Gov", "Amb", "Fr", "Father", "Mayor",
          "Spokesperson", "Spokesman", "Spokeswoman", "Commander", "Colonel", "General",
          "Lieutenant", "Major", "Captain", "Sergeant", "Admiral", "Deputy", "Analyst",
          "Correspondent", "Senator", "Governor", "Ambassador", "Professor", "Brigadier", "Retired",
          "Commodore", "Corporal", "Private", "Cpl", "Pvt", "Brig",
          # (local and national honorifics: "Councillor Eleri Bowen-Thomas", "Ato Dawit
          # Tesfaye", "Attorney-at-Law Dilrukshi Perera")
          "Councillor", "Councilor", "Alderman", "Attorney-at-Law", "Barrister", "Ato", "Weyzero"}
# Noun families for descriptions: who "the official", "the officer", "the expert" can be.
OFFICIAL_NOUNS = {"official", "source", "diplomat", "attache", "attaché"}
MILITARY_NOUNS = {"officer", "soldier", "serviceman", "servicemen", "commander", "fighter",
                  "colonel", *RANKS}
# "the lawmaker told DIA" after "Viktor Sedykh, a member of the State Duma Committee on
# Defense": the words a description may stand for in a person's introduction.
DESCRIPTION_SYNONYMS = {
    # "the group estimated" after "Lisovyk, a team of volunteer analysts"
    "group": ("group", "team", "collective", "project", "monitor", "outfit", "initiative"),
    "team": ("group", "team", "collective", "project", "monitor", "outfit", "initiative"),
    "collective": ("group", "team", "collective", "project", "monitor", "outfit", "initiative"),
    "lawmaker": ("lawmaker", "legislator", "member of parliament", "member of the state duma", "duma",
                 "member of congress", "senator", "congressman", "congresswoman", " mp", "deputy",
                 "member of the bundestag", "member of the sejm", "rada"),
}
# "the leader" is whoever leads: a president or prime minister named before.
LEADER_WORDS = ("leader", "president", "prime minister", "head of state")
INDEFINITE = re.compile(r"(?i)^(?:an?|one|two|three|some|several)\s")
# Side of the nearest nationality word, for an unnamed soldier ("a company commander").
# (The words are those of rules/groups.yaml, soldiers_by_word.)
NATIONALITY = re.compile(r"(?<!\w)(" + "|".join(map(re.escape, lexicon.groups()["soldiers_by_word"])) + r")(?!\w)")
NATIONALITY_ANY_CASE = re.compile(NATIONALITY.pattern, re.IGNORECASE)
NATIONALITY_WORDS = {word.casefold(): word for word in lexicon.groups()["soldiers_by_word"]}
# How far back (characters) a pronoun or description looks for its antecedent: the latest
# speaker within SPEAKER_WINDOW, else the latest mention within MENTION_WINDOW; beyond
# that the speaker is not knowable and None is returned rather than a far-away actor.
SPEAKER_WINDOW = 1500
MENTION_WINDOW = 800


def speaker_number(phrase: str) -> str | None:
    """``"sg"``/``"pl"`` for a speaker phrase ("a senior officer" / "two diplomats"), or None."""
    words = fold(phrase).casefold().replace(",", " ").split()
    if not words:
        return None
    if words[0] in ("a", "an", "one", "another", "each") or phrase.casefold().startswith(
            ("one of", "the other")):
        return "sg"
    if words[0] in ("two", "three", "four", "five", "several", "some", "both", "many",
                    "multiple") or words[-1].endswith("s") and not words[-1].endswith("ss"):
        return "pl"
    if words[0] in ("the", "this", "that", "he", "she"):
        return "sg"
    if words[0] == "they":
        return "pl"
    return None


@dataclass
class ArticleActors:
    """One article's mentions, in text order, for resolving who a phrase refers to.

    ``speakers`` holds ``(offset, actor)`` or ``(offset, actor, number)`` of subjects
    already found speaking (subjects of "said", "claimed", quotation speakers), appended by
    the quote code as it reads the article. ``actor`` may be None for an unnamed speaker
    the gazetteer cannot place ("a company commander"), and ``number`` ("sg"/"pl") says
    whether the phrase named one person or a group: "he said" after "A senior Ukrainian
    officer ... said" is that officer (a group actor, named in the singular), not an
    earlier named man. A pronoun prefers the latest compatible speaker over the latest mere
    mention, so "he said" after "Gerasimov claimed as President Vladimir Putin was
    visiting" is Gerasimov. ``local`` holds people the gazetteer does not know, found by
    :func:`resolve_speaker` as full names ("Jane Doe said"), so a later "Doe" finds them;
    ``names`` holds ``(offset, surname, full name)`` of every such name in the article
    (:meth:`scan_names`), so "said Kravets" finds "Olena Kravets" introduced earlier
    outside any quotation frame. ``roles`` holds, per such person, the words around their
    introduction ("Military expert Igor Lapshin") for "the expert said".
    """

    starts: list
    ends: list
    actors: list
    info: dict  # actor -> (kind, gender, "name role" case-folded)
    speakers: list = field(default_factory=list)
    local: dict = field(default_factory=dict)
    names: list = field(default_factory=list)
    roles: dict = field(default_factory=dict)
    text: str | None = None  # the folded article, when known (side of unnamed soldiers)
    sides: dict | None = None  # actor -> side in the study's gazetteer (None: the bundled one)
    groups: dict | None = None  # study_groups() of the study's gazetteer (None: the bundled one)
    kinds: dict = field(default_factory=dict)  # kind of a name the gazetteer lacks (a channel: institution)
    channels: list = field(default_factory=list)  # (offset, name) of every channel named with its medium
    outlets: list = field(default_factory=list)  # (offset, name) of every newspaper the article names
    genders: dict = field(default_factory=dict)  # gender of a name the gazetteer lacks ("Kedr told his followers")

    def group(self, family: str, word: str | None) -> str | None:
        """The group actor ``rules/groups.yaml`` names for ``word`` (a nationality word or a
        side) in ``family``, as the study's gazetteer names it; None when it has none."""
        return (self.groups or _bundled_groups())[family].get(word)

    def is_group(self, family: str, actor: str | None) -> bool:
        """Whether ``actor`` is one of the groups of ``family``."""
        return actor is not None and actor in set((self.groups or _bundled_groups())[family].values())

    @classmethod
    def from_mentions(cls, mentions: pd.DataFrame, table: pd.DataFrame | None = None) -> "ArticleActors":
        """From one article's rows of :func:`actors`."""
        return cls(mentions["start"].tolist(), mentions["end"].tolist(),
                   mentions["actor"].tolist(), actor_info(table))

    def fits(self, actor: str, kinds: tuple, gender: str | None = None) -> bool:
        # (a name the gazetteer lacks: the gender the article showed, else its first name's:
        # "Iryna Kovtun" is "she", "Serhii, a drone operator" is "he")
        kind, known_gender, _ = self.info.get(actor) or (
            self.kinds.get(actor, "person"), self.genders.get(actor) or FIRST_NAMES.get(actor.split(" ", 1)[0], ""), "")
        # (a channel is "it" and, written by one author, "he" or "she")
        return (kind in kinds or kind == "channel" and ("person" in kinds or "institution" in kinds)) \
            and (gender is None or known_gender in ("", gender))

    def describe(self, actor: str) -> str:
        """Case-folded name and role words of an actor (gazetteer role or local context)."""
        if actor in self.info:
            return self.info[actor][2]
        return f"{actor} {self.roles.get(actor, '')}".casefold()

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

    def recent(self, before: int, fits, window: int | None = None) -> str | None:
        """The actor of the latest mention ending before ``before`` whose actor ``fits``."""
        i = bisect.bisect_left(self.starts, before) - 1
        while i >= 0:
            if window is not None and self.ends[i] < before - window:
                return None
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

    def recent_speaker(self, before: int, fits, window: int | None = None,
                       compatible=None):
        """The latest speaker before ``before`` that ``fits`` (an actor), or, with
        ``compatible(actor, number)``, the latest compatible entry: then an unnamed
        speaker (actor None) is returned as ``False``, so the caller stops there."""
        for entry in reversed(self.speakers):
            offset, actor = entry[0], entry[1]
            if offset >= before:
                continue
            if window is not None and offset < before - window:
                return None
            if compatible is not None:
                number = entry[2] if len(entry) > 2 else None
                if compatible(actor, number):
                    return actor if actor else False
            elif actor and fits(actor):
                return actor
        return None

    def scan_names(self, raw: str, inside_quote=None) -> None:
        """Remember every full name the gazetteer lacks ("Olena Kravets", "the Rev. Petro
        Hnatiuk"), with the words around it, so a later bare surname finds it."""
        for m in (CODENAME.finditer(raw) if _may_name(raw) else ()):
            self.local.setdefault(m.group(1), m.group(1))
        for m in (CHANNEL.finditer(raw) if "channel" in raw or "blog" in raw or "subscribers" in raw else ()):
            if m.group(4) and re.search(r"\d,\d{3}\)$", m.group()) and not _AUDIENCE.search(raw):
                continue  # "Sudzha (about 5,000)": a count, not an audience
            name = m.group(1) or m.group(2) or m.group(3) or m.group(4) or m.group(5)
            if name.split()[0] in ("The", "A", "An", "Its", "His", "Her", "Their"):
                name = name.split(" ", 1)[1] if " " in name else ""
            if name and name.split()[0] not in NOT_NAMES and name not in ("Telegram", "YouTube") \
                    and not self.inside(m.start(), m.end()) \
                    and not (inside_quote is not None and inside_quote(m.start())):
                self.local.setdefault(name, name)
                self.kinds.setdefault(name, "channel")  # "it wrote", or its author's "he wrote"
                self.channels.append((m.start(), name))
        for m in (OUTLET.finditer(raw) if _may_be_outlet(raw) else ()):
            group = "after" if m.group("after") else "titled"
            # ("Germany's Rheinische Abendzeitung": the country is no part of the title)
            owner = re.match(r"[A-Z][\w-]*'s\s+", m.group(group))
            name = m.group(group)[owner.end():] if owner else m.group(group)
            words = name.split()[1:] if name.startswith("The ") else name.split()
            if (group == "after" or len(words) >= 2) and words[0] not in NOT_NAMES and \
                    not self.inside(m.start(group), m.end(group)) and \
                    not (inside_quote is not None and inside_quote(m.start(group))):
                self.local.setdefault(name, name)
                self.kinds.setdefault(name, "institution")  # "it writes", "the paper said"
                self.outlets.append((m.start(group) + (owner.end() if owner else 0), name))
        def new_word(name: str, start: int) -> bool:  # a name no mention, quotation or earlier rule has
            return name not in NOT_NAMES and name not in NOT_HANDLES and name not in self.local \
                and not self.inside(start, start + len(name)) \
                and not (inside_quote is not None and inside_quote(start))

        def introduce(name: str, end: int, kind: str | None) -> None:
            self.local[name] = name
            if kind:
                self.kinds.setdefault(name, kind)
            self.roles.setdefault(name, raw[end:min(len(raw), end + 80)])

        for m in (BODY_INTRO.finditer(raw) if "-based " in raw or _BODY_NOUN_WORD.search(raw) else ()):
            name = m.group("name")
            if name.split()[0] in NOT_NAMES or self.inside(m.start("name"), m.end("name")) \
                    or (inside_quote is not None and inside_quote(m.start("name"))):
                continue
            self.local.setdefault(name, name)
            if m.group("noun") or BODY_NAME_END.search(name):
                self.kinds.setdefault(name, "institution")
        # "Lisovyk, a team of volunteer analysts who ...": a one-word body, "it" and "the team"
        for apposition in (ORGANISATION_AFTER.finditer(raw) if ", a" in raw or ", the" in raw else ()):
            m = SINGLE_BODY.search(raw, max(0, apposition.start() - 40), apposition.start())
            if m and new_word(m.group(1), m.start(1)) and not _CAPITALISED_BEFORE.search(raw, max(0, m.start() - 30), m.start()):
                introduce(m.group(1), m.end(1), "institution")
        # "Serhii, a 34-year-old drone operator who ...": a first name opening a sentence,
        # set off by what the person is; "the drone operator" later is this person
        for apposition in (PERSON_APPOSITION.finditer(raw) if ", a" in raw else ()):
            m = FIRST_NAME_BEFORE.search(raw, max(0, apposition.start() - 40), apposition.start())
            if m and new_word(m.group(1), m.start(1)) and not ORGANISATION_AFTER.match(raw, m.end(1)):
                introduce(m.group(1), m.end(1), None)
        # "One of them, Yevhen, a former wedding photographer ...", "Elena, a school cook in
        # Lgov, ...", "..., Dmytro said": a first name standing alone (rules/first_names.yaml)
        # set off as a person or speaking is that person's name
        # (one scan of the capitalised words serves both rules below)
        tokens = [(m.start(), m.end(), m.group()) for m in _CAPITALISED_WORD.finditer(raw)]
        for start, end, word in tokens:
            # (not the first word of a full name the article gives: "Nina Petrova ... Nina said")
            if word in FIRST_NAMES and LONE_NAME_AFTER.match(raw, end) and new_word(word, start) and \
                    not _CAPITALISED_BEFORE.search(raw, max(0, start - 30), start) and \
                    not re.search(rf"(?<![\w'’-]){word}\s+[{_UPPER}]", raw):
                introduce(word, end, None)
        # "The Akhmat commander Alaudinov repeated ...", "the military blogger Rybar wrote":
        # a single capitalised word right after what the person is, is their name
        for start, end, word in tokens:
            if ROLE_BEFORE_SURNAME.search(raw, max(0, start - 30), start) and ROLE_SURNAME_AFTER.match(raw, end) \
                    and new_word(word, start):
                introduce(word, end, None)
        for tail in HANDLE.finditer(raw):
            m = HANDLE_WORD.search(raw, max(0, tail.start() - 40), tail.start())
            if m is None:
                continue
            word = m.group(1)
            if word in NOT_NAMES or word in NOT_HANDLES or word.endswith("ly") \
                    or self.inside(m.start(1), m.end(1)) \
                    or (inside_quote is not None and inside_quote(m.start(1))) \
                    or _NAME_WORD_BEFORE.search(raw, max(0, m.start(1) - 40), m.start(1)):
                continue
            self.local.setdefault(word, word)
            if re.search(r"(?:channel|blog)s?$", tail.group()):
                self.channels.append((m.start(1), word))  # "Rybar, one of the largest war channels"
        for m in PROPER_NAME.finditer(raw):
            full = strip_title(m.group(1))
            # ("When Halyna Kostiuk saw ...": a clause-opening word is no part of the name)
            while full.count(" ") > 1 and full.split()[0] in NOT_NAMES:
                full = full.split(" ", 1)[1]
            first = full.split()[0]
            # ("Lieutenant Horobets" is the surname of a name before, not a new full name)
            if " " not in full or first in NOT_NAMES or full in PLATFORMS or self.inside(m.start(), m.end()) \
                    or titled_surname(full) \
                    or (inside_quote is not None and inside_quote(m.start())):
                continue
            lo = bisect.bisect_left(self.starts, m.start())
            if lo < len(self.starts) and self.starts[lo] < m.end():
                continue  # overlaps a gazetteer mention ("Donald Trump's", "Mr Putin")
            if ORGANISATION_BEFORE.search(raw, max(0, m.start() - 40), m.start()):
                continue  # "the Centre for Eurasian Studies": the end of a body's name
            if ORGANISATION_AFTER.match(raw, m.end()):
                self.kinds.setdefault(full, "institution")  # "Northgate Risk, a consultancy": "it"
            surname = full.split()[-1]
            self.names.append((m.start(), surname, full))
            if re.fullmatch(rf"[{_UPPER}][{_LOWER}]+-[{_LOWER}]+", surname):
                # "Lee Ji-hoon ... Lee said": the family name first
                self.names.append((m.start(), full.split()[0], full))
            context = raw[max(0, m.start() - 40):min(len(raw), m.end() + 80)]
            # ("Sen. Roberta Caldwell" is "the senator")
            context += "".join(f" {TITLE_WORDS[t]}" for t in TITLE_ABBREVIATION.findall(context))
            self.roles.setdefault(full, context)

    def surname(self, word: str, before: int) -> str | None:
        """The full name whose surname is ``word``, introduced before ``before``."""
        if word in self.local:
            return self.local[word]
        for offset, surname, full in reversed(self.names):
            if offset < before and surname == word:
                return full
        # "Nina Petrova, 71, ... Nina said", "spokesperson Guo Jiakun ... Guo said": a first
        # word standing alone is that name's, when one name introduced before has it.
        fulls = {full for first, full in self._first_words(before) if first == word}
        return fulls.pop() if len(fulls) == 1 else None

    def _first_words(self, before: int):
        """(first word, full name) of the names introduced before ``before``; a courtesy or
        role title is no first name ("Mr Corrigan": "Mr" stands for no one)."""
        for offset, _, full in self.names:
            first = full.split()[0]
            if offset < before and first.rstrip(".") not in ROLE_TITLES:
                yield first, full

    def short_names(self, before: int) -> set:
        """Words that can stand for a name introduced before ``before``: surnames, and
        first words of full names (see :meth:`surname`)."""
        return set(self.local) | {n for o, n, _ in self.names if o < before} | \
            {first for first, _ in self._first_words(before)}


# Capitalised words that end a title before a name: "Finnish President Alexander Stubb",
# "Kursk Region Governor Alexander Khinshtein", "Republican Senator Tommy Tuberville".
ROLE_TITLES = TITLES | {"President", "Minister", "Secretary", "Chancellor", "Premier", "Chief",
                        "Envoy", "Mayor", "Representative", "Congressman", "Congresswoman",
                        "Speaker", "Leader", "Head", "Director", "Adviser", "Advisor", "Marshal",
                        "Lt", "Chairman", "Chairwoman", "Ombudsman", "Prosecutor", "MP", "MEP", *TRADE_TITLES}


def titled_surname(name: str) -> str | None:
    """The surname of a rank or title and a surname ("Lieutenant Horobets", "Maj. Ovcharenko"),
    which refers back to a name given in full before; None for anything else."""
    words = name.split()
    return words[1] if len(words) == 2 and words[0].rstrip(".") in TITLES else None


# The last words of a place's name ("Kursk Oblast", "Kurunegala District"): never a person's,
# never a title's (the three lists below build on it).
_PLACE_ENDS = "Oblast|Region|District|Province"
_NAME_TAIL_WORD = re.compile(_PLACE_ENDS + "|Directorate|Ministry|Committee")


def strip_title(name: str) -> str:
    """A name without the titles and the words before them ("Finnish President Alexander
    Stubb" -> "Alexander Stubb"); always two words at least."""
    words = name.split()
    # ("Gulf Current's Omar Haddad": whose correspondent is no part of the name)
    # ("Acting Governor of Kursk Oblast Alexei Smirnov", "the Political Directorate Apti
    # Alaudinov": the end of a body's or a place's name is no part of it either)
    last_title = max((i for i, w in enumerate(words[:-2]) if w.rstrip(".") in ROLE_TITLES
                      or w.endswith(("'s", "’s")) or _NAME_TAIL_WORD.fullmatch(w)),
                     default=-1)
    return " ".join(words[last_title + 1:])


def actor_info(table: pd.DataFrame | None = None) -> dict:
    """actor -> (kind, gender, case-folded "name role") from the gazetteer."""
    table = gazetteer() if table is None else table
    return {a: (k, g, f"{a} {r}".casefold())
            for a, k, g, r in zip(table["actor"], table["kind"], table["gender"], table["role"])}


def _pronoun_compatible(word: str, known: ArticleActors):
    """``(actor, number) -> bool`` for a pronoun: he/she a person of that gender, or one
    unnamed person ("a senior officer"); they a group or institution named in the plural;
    it an institution."""
    if word in ("he", "she"):
        gender = "m" if word == "he" else "f"

        def ok(actor, number):
            if actor is None:
                return number == "sg"
            kind = (known.info.get(actor) or (known.kinds.get(actor, "person"),))[0]
            if kind == "group":
                return number == "sg"
            return kind in ("person", "channel") and known.fits(actor, ("person",), gender)
        return ok
    if word == "they":
        return lambda actor, number: (number == "pl" if actor is None else
                                      known.fits(actor, ("group", "institution"))
                                      and number != "sg")
    if word == "it":
        # (or a group not named in the plural: "Russian state television ... what it calls")
        return lambda actor, number: actor is not None and (
            known.fits(actor, ("institution",)) or number != "pl" and known.fits(actor, ("group",)))
    return None


# The last word of a body's or a place's name, never a person's ("Kurunegala District", "the
# Coordination of Humanitarian Affairs", "the Democratic People's Republic").
NOT_PERSON_END = re.compile(
    r"(?:" + _PLACE_ENDS + "|Group|Forces|Force|Ministry|Institute|Party|Council|Agency|News|Times|"
    r"Post|Press|Committee|Service|Office|Army|Command|Staff|Guard|Union|Assembly|Court|"
    r"Bank|House|Brigade|Regiment|Division|Battalion|Corps|Network|Channel|Media|Today|"
    r"Review|Journal|Daily|Centre|Center|Project|Front|Direction|Affairs|Republic|"
    r"Federation|Nations|States|Kingdom|Organi[sz]ation|University|Foundation|Mission|Delegation|"
    r"Parliament|Embassy|Administration|Department|Commission|Authority|Police)$")
# ... of which a place, or the tail of a longer name, speaks for no one: "Kurunegala
# District", "(the Office for the Coordination of) Humanitarian Affairs" (a body the
# gazetteer lacks, "Kompas Group", still speaks as written).
NOT_SPEAKER_END = re.compile(r"(?:" + _PLACE_ENDS + "|Affairs)$")


def resolve_speaker(phrase: str, start: int, known: ArticleActors,
                    before: int | None = None) -> str | None:
    """The canonical actor a speaker phrase refers to, or None when it cannot be known.

    ``phrase`` is raw text starting at offset ``start`` of the article (e.g. "Mark Cancian,
    a retired Marine Corps colonel", "she", "the European official", "Barros"). In order:

    - a gazetteer mention inside the phrase (the first one, so an apposition's institution
      does not beat the person);
    - a pronoun, resolved to the latest compatible speaker before ``before`` (default: the
      phrase's start) - he/she a person of that gender or one unnamed person ("a senior
      Ukrainian officer", which stops the search: None), they a group or institution
      named in the plural, it an institution - else the latest fitting mention nearby;
      nothing within reach gives None, never a far-away actor;
    - "one", "the other": a member of the group named last ("Two European diplomats ...
      said one");
    - a description: possessive ("his officials": the officials of his side), indefinite
      ("a company commander": a new, unnamed person: the soldiers of the side named just
      before, else None), or definite ("the official", "the expert", "the head of state",
      "the statement": the latest speaker or mention whose name or role has that noun);
    - a full name the gazetteer lacks, returned as written without titles (and remembered
      for its surname); a surname of a name introduced earlier; else None.
    """
    end = start + len(phrase)
    folded = fold(phrase)
    before = start if before is None else before
    back = BACK_REFERENCE.fullmatch(folded.strip())
    if back:
        return _back_reference(back, before, known)
    hits = known.inside(start, end)
    if hits and not GENERIC_DEFINITE.fullmatch(folded.strip()):
        return known.actors[hits[0]]
    # "The Polish foreign ministry": a ministry of a country the gazetteer lacks.
    ministry = MINISTRY.fullmatch(phrase.strip())
    if ministry:
        name = f"{ministry.group('who')} {ministry.group('what').title()} Ministry"
        known.kinds.setdefault(name, "institution")
        return name
    description = DESCRIPTION.search(folded)
    pronoun = PRONOUN.search(folded) or OBJECT_PRONOUN.fullmatch(folded.strip())
    if pronoun and (not description or pronoun.start() < description.start()):
        word = pronoun.group(1).lower()
        # ("According to him", "quoted her as saying": the object forms)
        return _resolve_pronoun({"him": "he", "her": "she", "them": "they"}.get(word, word), before, known)
    if ONLINE_HANDLE.fullmatch(phrase.strip()):
        return phrase.strip()  # "u/Kharkiv_mech_93", "@DefenceHQ": the account speaks
    if phrase.strip() in known.local:
        return known.local[phrase.strip()]  # a name the article introduced ("Kompas Z")
    if not description and MEMBER.fullmatch(folded.strip()):
        group = lambda a: known.fits(a, ("group",))  # noqa: E731
        return (known.recent_speaker(before, None, 600, lambda a, n: a is not None and group(a)
                                     and n != "sg") or None) or known.recent(before, group, 600)
    if description:
        return _resolve_description(folded, description, before, known, (start, end))
    name = PROPER_NAME.search(phrase)
    # ("Foreign Minister Peter Szijjarto": the title goes before the first word is checked)
    full = strip_title(name.group(1)) if name else ""
    # ("Mr Corrigan" after "Tom Corrigan": a courtesy title and a surname point back)
    if name and full.split()[0] not in NOT_NAMES and full.split()[0].rstrip(".") not in TITLES:
        if " " in full and NOT_SPEAKER_END.search(full):
            return None
        if " " in full:
            known.local[full.split()[-1]] = full
            return full
    # ("Lieutenant Horobets" after "Lieutenant Maksym Horobets": the surname after a rank)
    bare = full if full and " " not in full else titled_surname(full)
    found = known.surname(bare, start) if bare and bare not in NOT_NAMES else None
    if found:
        return found
    surname = SURNAME.search(COURTESY.sub("", phrase))
    if surname:
        return known.surname(surname.group(1), start)
    return None


def _back_reference(match, before: int, known: ArticleActors) -> str | None:
    """"The head of the General Staff": the latest person (a speaker within
    SPEAKER_WINDOW, else a mention within MENTION_WINDOW) whose role names that body, never
    the body itself; "the channel's authors": of the channels the article names with their
    medium, the one whose name stands last within SPEAKER_WINDOW ("Rybar's map ... a figure
    the channel said": Rybar, though another channel was introduced since). None when there
    is no such antecedent."""
    if match.group("outlet"):
        named = [name for offset, name in known.outlets if before - SPEAKER_WINDOW <= offset < before]
        return named[-1] if named else None
    if match.group("channel") or match.group("its"):
        lo = max(0, before - SPEAKER_WINDOW)
        last = {}
        for offset, name in known.channels:
            if known.text is not None:
                at = known.text.rfind(name, lo, before)
                while at >= 0 and known.text[at + len(name):at + len(name) + 1].isalnum():
                    at = known.text.rfind(name, lo, at)
                offset = at
            if lo <= offset < before:
                last[name] = max(offset, last.get(name, -1))
        if not last:
            return None
        channel = max(last, key=last.get)
        # ("its author", "the author": the channel only when no institution, and no other
        # name, was named since)
        if match.group("its") and (any(known.fits(known.actors[i], ("institution",))
                                       for i in known.inside(last[channel], before))
                                   or known.text is not None and PROPER_NAME.search(
                                       known.text, last[channel] + len(channel), before)):
            return None
        return channel
    body = re.sub(r"\s+", " ", match.group("body").casefold())
    fits = lambda a: known.fits(a, ("person",)) and body in known.describe(a)  # noqa: E731
    return known.recent_speaker(before, fits, SPEAKER_WINDOW) or known.recent(before, fits, MENTION_WINDOW)


# A name set off by a description: a person introduced, not merely mentioned.
INTRODUCED = re.compile(r",\s+(?:an?|the|who)\s")


def _introduced_since(before: int, known: ArticleActors, compatible) -> str | None:
    """"We also spoke to Kasper Lind, a Danish analyst. ... he said": a person the article
    introduces (a full name it did not know, set off by a description) after the latest
    compatible speaker and at most INTRODUCED_WINDOW characters before ``before``."""
    if known.text is None:
        return None
    last = max((entry[0] for entry in known.speakers if entry[0] < before
                and compatible(entry[1], entry[2] if len(entry) > 2 else None)), default=-1)
    first: dict = {}
    for offset, _, full in known.names:
        first.setdefault(full, offset)
    fresh = [(offset, full) for full, offset in first.items()
             if max(last, before - INTRODUCED_WINDOW) < offset < before
             and INTRODUCED.match(known.text, offset + len(full)) and compatible(full, "sg")]
    if not fresh:
        return None
    offset, full = max(fresh)
    # (not when someone else comes between: "Frederik Pleitgen, who is in Kyiv ... a drone
    # operator who goes by the call sign Hrim ... he told us"; the name's own apposition,
    # ", a Danish analyst", is no one else)
    between = known.text[offset + len(full):before]
    if any(known.fits(known.actors[i], ("person",)) for i in known.inside(offset + len(full), before)) or \
            any(INDEFINITE.match(d.group()) for d in DESCRIPTION.finditer(between)
                if d.start() > 3) or \
            CODENAME.search(between):
        return None
    return full


INTRODUCED_WINDOW = 400


def _resolve_pronoun(word: str, before: int, known: ArticleActors) -> str | None:
    compatible = _pronoun_compatible(word, known)
    if compatible is None:
        return None
    if word in ("he", "she"):
        introduced = _introduced_since(before, known, compatible)
        if introduced:
            return introduced
    found = known.recent_speaker(before, None, SPEAKER_WINDOW, compatible)
    if found is False:
        return None  # the latest compatible speaker is unnamed
    if found:
        return found
    if word in ("he", "she"):
        gender = "m" if word == "he" else "f"
        fits = lambda a: known.fits(a, ("person",), gender)  # noqa: E731
    elif word == "they":
        fits = lambda a: known.fits(a, ("group", "institution"))  # noqa: E731
    else:
        fits = lambda a: known.fits(a, ("institution",))  # noqa: E731
    return known.recent(before, fits, MENTION_WINDOW)


GENERAL_STAFF = re.compile(r"(?i)\bgeneral staff\b")
# In an unnamed soldier's description: a past career or an army by its name.
FOREIGN_OR_FORMER = re.compile(r"(?<!\w)(?:retired|former|ex-|veteran)|(?<![\w'])[A-Z]")


def _resolve_description(folded: str, description, before: int, known: ArticleActors, span=(-1, -1)):
    noun = (description.group(1) or description.group(2)).lower()
    if GENERAL_STAFF.search(folded, description.start()):
        noun = "general staff"  # "the General Staff statement": the staff, not a statement
    stem = noun[:-1] if noun.endswith("s") and not noun.endswith("ss") else noun
    stem = "spokes" if stem.startswith("spokes") else stem
    stem = {"servicemen": "serviceman", "head of state": "president",
            "head of government": "minister", "attaché": "attache", "army": "military",
            "message": "statement"}.get(stem, stem)
    determiner = folded[description.start():].split()[0].lower()
    if determiner in ("his", "her", "their", "its"):
        owner = _resolve_pronoun({"his": "he", "her": "she", "their": "they",
                                  "its": "it"}[determiner], before, known)
        if stem == "statement":
            return owner  # "Its statement said": the statement's owner speaks
        side = known.sides.get(owner) if known.sides is not None and owner else known_side(owner)
        if stem in OFFICIAL_NOUNS | {"aide", "minister", "general", "diplomat"} and side:
            return known.group("officials_by_side", side)
        return None
    indefinite = bool(INDEFINITE.match(folded[description.start():])) and \
        not re.match(r"(?i)\w+ of the", folded[description.start():])
    if indefinite and stem in MILITARY_NOUNS:
        # A new, unnamed soldier: the side its own words name ("a Ukrainian officer"), else
        # none if they name another army or a past career ("a retired Bundeswehr colonel",
        # "a former US Army officer"), else the nearest nationality word before it.
        phrase = folded[description.start():description.end()]
        own = NATIONALITY_ANY_CASE.findall(phrase)  # ("A UKRAINIAN paratrooper")
        if own:
            return known.group("soldiers_by_word", NATIONALITY_WORDS[own[-1].casefold()])
        if FOREIGN_OR_FORMER.search(phrase.split(None, 1)[-1]):
            return None
        if known.text is not None:
            window = known.text[max(0, before - 400):before]
            nationality = list(NATIONALITY.finditer(window))
            if nationality:
                return known.group("soldiers_by_word", nationality[-1].group(1))
        return None
    if stem in OFFICIAL_NOUNS:
        # "the official", "one of the diplomats": the article's main anonymous source,
        # i.e. the fitting group named most often so far (latest on a tie).
        def fits(a):
            words = known.describe(a)
            return known.fits(a, ("group",)) and ("official" in words or stem in words)
        return known.most_frequent(before, fits)
    if indefinite or stem in CIVILIAN_NOUNS:
        return None  # "a spokesman", "an expert", "the man": someone not named before
    if stem == "general staff" and span[1] >= 0 and known.text is not None and \
            STAFF_HEAD_AFTER.match(known.text, span[1]):
        # "the General Staff chief said": the person whose role names a general staff
        fits = lambda a: known.fits(a, ("person",)) and "general staff" in known.describe(a)  # noqa: E731
        return known.recent_speaker(before, fits, SPEAKER_WINDOW) or known.recent(before, fits, MENTION_WINDOW)
    if stem == "general staff":
        # "the General Staff": the institution of that name spoken of last, never the
        # chief of a general staff (a person whose role names it).
        fits = lambda a: known.fits(a, ("institution",)) and "general staff" in known.describe(a)  # noqa: E731
        return known.recent_speaker(before, fits, SPEAKER_WINDOW) or \
            known.recent(before, fits, MENTION_WINDOW) or _staff_of_military(before, known) or \
            _staff_by_place(folded, span, known)
    if stem == "statement":
        return known.recent_speaker(before, lambda a: True, SPEAKER_WINDOW) or None
    words = LEADER_WORDS if stem == "leader" else DESCRIPTION_SYNONYMS.get(stem, (stem,))
    # (a body's synonyms only for bodies the article introduced: "the group" is no gazetteer
    # actor whose role says "monitoring")
    fits = lambda a: any(w in known.describe(a) for w in (words if a not in known.info or stem in LEADER_WORDS  # noqa: E731
                                                            or stem == "lawmaker" else (stem,)))
    seat = _seat_side(before, known) if stem in LEADER_WORDS else None
    if seat:
        # "At the White House, the president said": the leader of that presidency's side,
        # not the last president named (Zelensky, a paragraph earlier).
        fits = lambda a: any(w in known.describe(a) for w in words) and _side(a, known) == seat  # noqa: E731
    if stem in MILITARY_NOUNS:
        fits = lambda a: stem in known.describe(a) or known.is_group("soldiers_by_word", a)  # noqa: E731
    return known.recent_speaker(before, fits, SPEAKER_WINDOW) or \
        known.recent(before, fits, MENTION_WINDOW)


MINISTRY = re.compile(r"(?:[Tt]he\s+)?(?P<who>[A-Z][a-z]+(?:'s)?)\s+"
                      r"(?P<what>(?i:foreign|defen[cs]e|interior|foreign affairs))\s+(?i:ministry)")
# Abbreviated titles and the noun a later description uses for the person.
TITLE_WORDS = {"Sen.": "senator", "Rep.": "congressman", "Gen.": "general", "Col.": "colonel",
               "Capt.": "captain", "Sgt.": "sergeant", "Lt.": "lieutenant", "Gov.": "governor",
               "Amb.": "ambassador", "Prof.": "professor"}
TITLE_ABBREVIATION = re.compile(r"(?<!\w)(" + "|".join(map(re.escape, TITLE_WORDS)) + ")")
# A name set off by a description of an organisation ("Northgate Risk, a consultancy in
# London", "Obriy, a mapping team"): what it says is "it"'s, not "he"'s.
ORGANISATION_AFTER = re.compile(
    r",\s+(?:an?|the)\s+(?:(?!(?:of|for|at|with|from|in|who)\s)[\w'-]+\s+){0,3}?(?:consultancy|firm|company|think[- ]tank|institute|"
    r"agency|organi[sz]ation|outlet|newspaper|broadcaster|network|project|monitor|team|group|"
    r"centre|center|NGO|foundation|platform|service|website|portal)(?!\w)"
    # (", a 29-year-old company commander" is a person: the body noun is only a modifier)
    r"(?!\s+(?:commander|officer|medic|soldier|member|leader|head|chief|director|founder|spokes\w+|"
    r"analyst|manager|employee|veteran|sergeant|lieutenant|captain|worker|volunteer)s?(?!\w))")


# A body the gazetteer lacks, introduced by what it is ("the Utrecht-based collective
# Grenslijn", "the volunteer mapping project Kordon Maps") or by where it is based ("the
# Berlin-based Open Map Collective"; "the Kyiv-based Olena Hrytsenko" is a person): its
# name is one the article introduced, and a body's is "it".
_BODY_NOUNS = (r"(?:group|collective|project|monitor|team|initiative|consultancy|firm|think[- ]tank|institute|"
               r"organi[sz]ation|NGO|foundation|outfit|centre|center)")
_NAME_WORDS = rf"[{_UPPER}][\w'-]*(?:\s+[{_UPPER}][\w'-]*){{0,3}}"
BODY_INTRO = re.compile(
    rf"(?<![\w-])(?:[Tt]he|[Aa]n?)\s+(?:(?!(?:of|for|at|with|from|in|who|that|which|and)\s)[\w'-]+\s+){{0,3}}?"
    rf"(?:(?P<noun>{_BODY_NOUNS})|(?<=-based\s))\s*(?P<name>{_NAME_WORDS})(?![\w'-])")
# The last word of a body's own name ("Open Map Collective", "Nordkart Monitoring").
BODY_NAME_END = re.compile(r"(?:Collective|Group|Monitoring|Maps?|Institute|Project|Centre|Center|Council|"
                           r"Foundation|Analytics|Network|Initiative|Lab|Watch|Observatory|Team|Agency)$")


_BODY_NOUN_WORD = re.compile(rf"{_BODY_NOUNS}\s+[{_UPPER}]")


PERSON_APPOSITION = re.compile(rf",\s+an?\s+(?:[\w'-]+\s+){{0,3}}?"
                               rf"(?:{DESCRIPTION_NOUNS}|{CIVILIAN}|operator|pilot|paratrooper|marine|sniper|medic|"
                               rf"sergeant|lieutenant|captain|major|private|corporal|gunner|driver|scout)(?!\w)")
# Capitalised words, a hyphenated second part kept ("Ji-hoon"): the candidates of the two rules
# of ArticleActors.scan_names below.
_CAPITALISED_WORD = re.compile(rf"(?<![\w'’.-])[{_UPPER}][{_LOWER}]+(?:-[{_UPPER}][{_LOWER}]+)?")
# After a first name standing alone: set off as a person or speaking ("Yevhen, a former
# wedding photographer", "Dmytro, 23,", "..., Elena said").
LONE_NAME_AFTER = re.compile(r"\s*,\s+(?:an?|the|who|whose)\s|"
                             r"\s+(?:said|says|told|tells|added|adds|asked|explained|recalled|wrote|writes|replied|"
                             r"laughed|shrugged|remembered|recounted)\b|"
                             r"\s*,\s+(?:\d{1,2}|(?:a|an)\s+\d{1,2}-year-old)\b")
# A role in lower case, then one capitalised word and no other (a two-word name is the name
# scan's): "the military expert Khodarenok said", "Ukrainian analyst Zhdanov, who ...".
_PERSON_ROLES = (r"commander|blogger|milblogger|expert|analyst|correspondent|journalist|officer|colonel|"
                 r"spokes(?:man|woman|person)|adviser|advisor|historian|researcher|commentator|propagandist|"
                 r"presenter|anchor|columnist|lawmaker|deputy|politician|economist|strategist|veteran|"
                 r"fighter|sergeant|lieutenant|captain")
ROLE_BEFORE_SURNAME = re.compile(rf"(?<![\w'-])(?:{_PERSON_ROLES})\s+$")
ROLE_SURNAME_AFTER = re.compile(r"\s*,|\s+(?!of\b|and\b|in\b|from\b|on\b|at\b)[a-z]")
FIRST_NAME_BEFORE = re.compile(rf"(?:^|(?<=[.!?]\s)|(?<=\n))([{_UPPER}][{_LOWER}]+)$")
_CAPITALISED_BEFORE = re.compile(rf"[{_UPPER}][\w'-]*\s+$")
SINGLE_BODY = re.compile(rf"(?<![\w.'-])([{_UPPER}][{_LOWER}]+)$")
# The head of a body's name, whose capitalised words after it are no person's name.
ORGANISATION_BEFORE = re.compile(
    r"(?:Centre|Center|Institute|University|School|Department|Council|Foundation|Academy|College|"
    r"Society|Office|Agency|Bureau|Committee|Commission|Museum|Project|Programme|Program|Forum|"
    r"Fund|Association|Union|League|Club)\s+(?:for|of|on)\s+(?:the\s+)?$")


MILITARY_ROLE = re.compile(r"\b(?:commander|chief of (?:the )?general staff|armed forces|army chief)\b")


def _staff_of_military(before: int, known: ArticleActors) -> str | None:
    """"Ukraine's military denied the claims. The General Staff said ...", "Its top commander,
    Oleksandr Syrskyi, said ..., and the General Staff repeated ...": the one general staff
    of the gazetteer on the side of the armed forces, or of the commander, named last."""
    military = known.recent(before, lambda a: known.fits(a, ("institution",)) and (
        "armed forces" in known.describe(a) or "military" in a.casefold())
        or known.fits(a, ("person",)) and MILITARY_ROLE.search(known.describe(a)), MENTION_WINDOW)
    side = _side(military, known) if military else None
    staffs = [a for a in known.info if side and _side(a, known) == side
              and known.fits(a, ("institution",)) and "general staff" in known.describe(a)]
    return staffs[0] if len(staffs) == 1 else None


STAFF_HEAD_AFTER = re.compile(r"\s+(?:chief|head)(?![\w'])")
# "the General Staff in Kyiv", "In Moscow, the General Staff": the capital names the staff.
STAFF_PLACE_AFTER = re.compile(r"\s+in\s+(Kyiv|Kiev|Moscow)(?![\w'])")
STAFF_PLACE_BEFORE = re.compile(r"(?:^|[.!?]\s+)In\s+(Kyiv|Kiev|Moscow),\s*$")
CAPITAL_SIDE = {"Kyiv": "Ukraine", "Kiev": "Ukraine", "Moscow": "Russia"}


def _staff_by_place(phrase: str, span, known: ArticleActors) -> str | None:
    """A general staff no one named before, placed by the sentence: "the General Staff in
    Kyiv", "In Kyiv, the General Staff said", "The country's General Staff" (the country
    that spoke last): the one general staff of the gazetteer on that side."""
    start, end = span
    if start < 0 or known.text is None:
        return None
    side = None
    if "country's" in phrase.casefold():
        last = next((entry[1] for entry in reversed(known.speakers) if entry[0] < start), None)
        side = _side(last, known) if last and "government" in known.describe(last) else None
    else:
        place = STAFF_PLACE_AFTER.match(known.text, end) or \
            STAFF_PLACE_BEFORE.search(known.text, max(0, start - 40), start)
        side = CAPITAL_SIDE[place.group(1)] if place else None
    staffs = [a for a in known.info if side and _side(a, known) == side
              and known.fits(a, ("institution",)) and "general staff" in known.describe(a)]
    return staffs[0] if len(staffs) == 1 else None


SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019]?\s")


def _seat_side(before: int, known: ArticleActors) -> str | None:
    """The side of a presidency (a gazetteer institution whose role names one: "the White
    House", "the Kremlin") mentioned earlier in the sentence that ends at ``before``."""
    i = bisect.bisect_left(known.starts, before) - 1
    while i >= 0 and known.starts[i] >= before - 150:
        if known.text is not None and SENTENCE_END.search(known.text, known.ends[i], before):
            return None
        actor = known.actors[i]
        if known.ends[i] <= before and known.fits(actor, ("institution",)) and \
                "presidency" in known.describe(actor):
            return _side(actor, known)
        i -= 1
    return None


def _side(actor: str, known: ArticleActors) -> str | None:
    return known.sides.get(actor) if known.sides is not None else known_side(actor)


def study_groups(table: pd.DataFrame | None = None) -> dict[str, dict[str, str | None]]:
    """:func:`kursk_analysis.lexicon.groups` with each group as the study's gazetteer
    (``table``; default the bundled one) names it: the actor of that canonical name, else
    the actor with that alias, else None (the rule then abstains)."""
    table = gazetteer() if table is None else table
    names: dict[str, str] = {}
    for actor, aliases in zip(table["actor"], table["aliases"].fillna("").astype(str)):
        for alias in aliases.split("|"):
            if alias.strip():
                names.setdefault(alias.strip().casefold(), actor)
    names.update({actor.casefold(): actor for actor in table["actor"]})  # a canonical name wins
    return {family: {word: names.get(name.casefold()) for word, name in entries.items()}
            for family, entries in lexicon.groups().items()}


@lru_cache(maxsize=1)
def _bundled_groups() -> dict:
    return study_groups()


def known_side(actor: str | None) -> str | None:
    """The gazetteer side of an actor, or None."""
    if not actor:
        return None
    return _sides(id(matcher().table)).get(actor)


@lru_cache(maxsize=4)
def _sides(_table_id: int) -> dict:
    table = matcher().table
    return dict(zip(table["actor"], table["side"]))


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
