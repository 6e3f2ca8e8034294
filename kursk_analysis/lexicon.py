"""The rules that are data: cue lexicons and claims, read from ``kursk_analysis/rules/``.

Like spaCy's ``SpanRuler`` patterns and textacy's one ``constants`` lexicon, a word of the
domain is defined once, in a YAML file a maintainer can read, review and extend without
touching code:

- ``rules/stance_cues.yaml``: the cue families the stance rules share (hedges, negations,
  denials, strong denials, agreements), each a list of regular expressions;
- ``rules/reporting_verbs.yaml``: the one reporting-verb lexicon (forms, framing register,
  and which extractors use each verb: quotes, framing, figures);
- ``rules/facts.yaml``: the key facts notebook 01 looks for (read by
  :mod:`kursk_analysis.analyses.facts`);
- ``rules/events.yaml``: the key events notebook 02 dates from the articles (:func:`event_cues`);
- ``rules/date_words.yaml``: months, weekdays, seasons, number words and tense cues of the
  time expressions (:func:`date_words`);
- ``rules/territory_cues.yaml``: direction verbs, territory nouns, share verbs, peak and
  present cues of the territory figures (:func:`territory_cues`);
- ``rules/boilerplate.yaml``: the patterns that set a paragraph aside as not article text
  (:func:`boilerplate_rules`);
- ``rules/groups.yaml``: unnamed groups named from a nationality word or a side (:func:`groups`);
- ``rules/claims/<name>.yaml``: one claim each (``encirclement``, ``liberation``): its
  terms, weak terms that need troops (or, for another claim, its subject) nearby, terms
  that need them right after, the troop words, and optional ``extra_hedges`` /
  ``extra_denials`` added to the shared ones.

Every pattern is compiled when its file is read; a malformed file is a :class:`RuleError`
naming the file and the entry. :func:`load_claim` takes a bundled claim's name or the path
of a researcher's own claim file.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from kursk_analysis.errors import RuleError

RULES = Path(__file__).with_name("rules")
CLAIMS = RULES / "claims"
CUE_FAMILIES = ("hedges", "negations", "denials", "strong_denials", "agreements",
                "reported_claims", "evaluations", "questions", "subordinators", "negated_frames",
                "persuasions", "reported_in_quotes", "affirmations", "endorsements",
                "denial_nouns", "unverified", "aside_claims", "lie_accusations", "averted",
                "word_mentions", "number_objects", "concepts", "company", "partial", "distinctions", "hearsay",
                "silences")
CLAIM_KEYS = {"name", "description", "terms", "weak_terms", "after_only_terms", "troops",
              "extra_hedges", "extra_denials", "implicit_denials", "other_troops", "own_troops", "other_places", "places"}


def read_rules(path: Path) -> dict:
    """A rule file's YAML mapping, or a RuleError naming the file and what is wrong."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise RuleError(f"{path}: cannot be read ({error.strerror or error}).") from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise RuleError(f"{path}: is not valid YAML ({str(error).splitlines()[0]}).") from None
    except ValueError as error:  # a scalar YAML cannot build, such as the date 2025-02-30
        raise RuleError(f"{path}: holds a value YAML cannot read ({error}).") from None
    if not isinstance(data, dict):
        raise RuleError(f"{path}: must hold a mapping of rule families, not {type(data).__name__}.")
    return data


def checked_pattern(path: Path, where: str, value) -> str:
    """``value`` if it is a valid regular expression, else a RuleError naming file and entry."""
    if not isinstance(value, str) or not value.strip():
        raise RuleError(f"{path}: {where} must be a non-empty regular expression, not {value!r}.")
    try:
        re.compile(value)
    except re.error as error:
        raise RuleError(f"{path}: {where} {value!r} is not a valid regular expression ({error}).") from None
    return value


def _patterns(path: Path, data: dict, key: str, required: bool = True) -> list[str]:
    value = data.get(key, [] if not required else None)
    if value is None:
        raise RuleError(f"{path}: the list '{key}' is missing.")
    if not isinstance(value, list):
        raise RuleError(f"{path}: '{key}' must be a list of patterns.")
    return [checked_pattern(path, f"'{key}' entry {i + 1}", v) for i, v in enumerate(value)]


def _named(path: Path, data: dict, key: str) -> list[tuple[str, str]]:
    value = data.get(key, [])
    if not isinstance(value, list):
        raise RuleError(f"{path}: '{key}' must be a list of {{name, pattern}} entries.")
    out, seen = [], set()
    for i, entry in enumerate(value):
        if not isinstance(entry, dict) or set(entry) != {"name", "pattern"}:
            raise RuleError(f"{path}: '{key}' entry {i + 1} must have exactly a name and a pattern.")
        name = str(entry["name"]).strip()
        if not name or name in seen:
            raise RuleError(f"{path}: '{key}' entry {i + 1} needs a name of its own (got {name!r}).")
        seen.add(name)
        out.append((name, checked_pattern(path, f"'{key}' entry {i + 1} ({name})", entry["pattern"])))
    return out


def word_group(patterns: list[str]) -> str:
    """The whole-word alternation of :func:`words` as text, without flags, to build a larger
    pattern from (compile it with ``re.I``)."""
    return r"(?<!\w)(?:" + "|".join(patterns) + r")(?!\w)"


def words(patterns: list[str]) -> re.Pattern:
    """One case-insensitive whole-word pattern for a list of alternatives."""
    return re.compile("(?i)" + word_group(patterns))


@lru_cache(maxsize=4)
def stance_cues(path: str | None = None) -> dict[str, list[str]]:
    """The shared stance cue families, validated: family -> list of patterns."""
    file = Path(path) if path else RULES / "stance_cues.yaml"
    data = read_rules(file)
    unknown = set(data) - set(CUE_FAMILIES)
    if unknown:
        raise RuleError(f"{file}: unknown cue families {', '.join(sorted(unknown))}; "
                        f"known: {', '.join(CUE_FAMILIES)}.")
    return {family: _patterns(file, data, family) for family in CUE_FAMILIES}


VERB_USES = ("quotes", "framing", "figures")
REGISTERS = ("neutral", "descriptive", "loaded")
VERB_KEYS = {"register", "noun_like", "forms", "uses"}


@dataclass(frozen=True)
class Verb:
    """One reporting verb of ``rules/reporting_verbs.yaml``."""

    lemma: str
    forms: tuple[str, ...]
    uses: frozenset[str]
    register: str | None = None
    noun_like: bool = False


def _uses(file: Path, where: str, value) -> frozenset[str]:
    if not isinstance(value, list) or not value or not set(value) <= set(VERB_USES):
        raise RuleError(f"{file}: {where} 'uses' must be a non-empty list of {', '.join(VERB_USES)}, "
                        f"not {value!r}.")
    return frozenset(value)


@lru_cache(maxsize=4)
def reporting_verbs(path: str | None = None) -> tuple[tuple[Verb, ...], tuple[tuple[str, str, frozenset[str]], ...]]:
    """The reporting-verb lexicon, validated: its verbs, and its patterns as
    ``(name, regular expression, uses)``."""
    file = Path(path) if path else RULES / "reporting_verbs.yaml"
    data = read_rules(file)
    if set(data) != {"verbs", "patterns"} or not isinstance(data["verbs"], dict):
        raise RuleError(f"{file}: must hold a mapping 'verbs' (lemma -> entry) and a list 'patterns'.")
    verbs, seen = [], {}
    for lemma, entry in data["verbs"].items():
        where = f"verb {lemma!r}:"
        if not isinstance(entry, dict) or not set(entry) <= VERB_KEYS or "forms" not in entry:
            raise RuleError(f"{file}: {where} needs 'forms' and 'uses', and may have 'register' and "
                            "'noun_like'; nothing else.")
        forms = entry["forms"]
        if not isinstance(forms, list) or not forms or not all(isinstance(f, str) and f.strip() for f in forms):
            raise RuleError(f"{file}: {where} 'forms' must be a non-empty list of words.")
        for form in forms:
            if form in seen and seen[form] != lemma:
                raise RuleError(f"{file}: {where} the form {form!r} is already a form of {seen[form]!r}.")
            seen[form] = lemma
        uses = _uses(file, where, entry.get("uses"))
        register = entry.get("register")
        if register is not None and register not in REGISTERS:
            raise RuleError(f"{file}: {where} 'register' must be one of {', '.join(REGISTERS)}, not {register!r}.")
        if "framing" in uses and register is None:
            raise RuleError(f"{file}: {where} a verb the framing table uses needs a 'register'.")
        verbs.append(Verb(str(lemma), tuple(forms), uses, register, bool(entry.get("noun_like", False))))
    patterns = []
    if not isinstance(data["patterns"], list):
        raise RuleError(f"{file}: 'patterns' must be a list of {{name, pattern, uses}} entries.")
    for i, entry in enumerate(data["patterns"]):
        if not isinstance(entry, dict) or set(entry) != {"name", "pattern", "uses"}:
            raise RuleError(f"{file}: 'patterns' entry {i + 1} must have exactly a name, a pattern and uses.")
        where = f"'patterns' entry {i + 1} ({entry['name']})"
        patterns.append((str(entry["name"]), checked_pattern(file, where, entry["pattern"]), _uses(file, where, entry["uses"])))
    return tuple(verbs), tuple(patterns)


def verb_alternatives(use: str, path: str | None = None) -> str:
    """The forms and patterns of every verb ``use`` takes, as one regular-expression
    alternation (the forms first, as one :func:`trie_regex`, then the patterns), for the
    extractor to anchor.

    Quotes find a verb by its form alone, so a noun-like verb's base form ("a call", "the
    report") is left out of theirs; framing tells the noun from the verb by the words before
    it (:mod:`kursk_analysis.extract.framing`), and figures look for a verb only right after
    a claimant ("analysts estimate")."""
    if use not in VERB_USES:
        raise ValueError(f"unknown use {use!r}; known: {', '.join(VERB_USES)}")
    verbs, patterns = reporting_verbs(path)
    forms = {form for verb in verbs if use in verb.uses for form in verb.forms
             if use != "quotes" or not (verb.noun_like and form == verb.lemma)}
    words_ = [trie_regex(forms, space=r"\s+")] if forms else []
    return "|".join(words_ + [pattern for _, pattern, uses in patterns if use in uses])


def trie_regex(words, space: str | None = None) -> str:
    """A regular expression matching any of ``words`` (literal text), the longest first
    where one word begins another, with the words sharing a beginning grouped under it
    (``said|says|stated`` as ``s(?:a(?:id|ys)|tated)``): where no word can start, the engine
    tries a few first letters instead of every word. ``space``, when given, is what a space
    in a word matches (``r"\\s+"``: any run of white space). No words: a pattern that
    matches nothing (not the empty string everywhere)."""
    if not words:
        return "(?!)"
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = True

    def build(node: dict) -> str:
        ends = "" in node
        branches = [(space if space and c == " " else re.escape(c)) + build(child)
                    for c, child in sorted(node.items()) if c]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:  # a shorter word ends here: the rest is optional, tried greedily first
            body = f"(?:{body})?"
        return body

    return build(trie)


@dataclass(frozen=True)
class Claim:
    """A claim whose assertions and denials the stance rules find (see :mod:`.stance`)."""

    name: str
    description: str
    path: Path
    digest: str  # of the file's text: part of the stance table's memo key
    term: re.Pattern  # every term, weak and after-only ones included
    weak: re.Pattern | None
    after_only: re.Pattern | None
    troops: re.Pattern
    hedge: re.Pattern  # hedge words just before a term (see stance.HEDGE_TAIL)
    denial: re.Pattern
    strong_denial: re.Pattern
    term_names: tuple[tuple[str, re.Pattern], ...]
    # Troops of these sides, and these places, are another encirclement's (None: no check).
    other_troops: re.Pattern | None = None
    other_places: re.Pattern | None = None
    own_troops: re.Pattern | None = None  # words for the claim's own side ("Ukrainian", "our")
    places: re.Pattern | None = None  # the claim's own: a term near one stays the claim's
    # Words that deny the claim without naming it ("withdrew in good order"): a denial in a
    # sentence near one that names it, and in the scope of a frame.
    implicit_denial: re.Pattern | None = None

    def term_name(self, text: str) -> str:
        """The name of the term entry that matches ``text`` (a matched term)."""
        for name, pattern in self.term_names:
            if pattern.fullmatch(text):
                return name
        return "term"


# Up to two words between hedge and term, besides adverbs ("may well have been cut off").
HEDGE_TAIL = r"(?:\s+(?:[\w'-]+ly|well))*(?:\s+[\w'-]+){0,2}\s+[\"']?$"


def load_claim(claim: "str | Path | Claim") -> Claim:
    """A bundled claim by name (``"encirclement"``, ``"liberation"``), or a claim file's
    path; a :class:`Claim` is returned as it is."""
    if isinstance(claim, Claim):
        return claim
    text = str(claim)
    path = Path(text)
    if path.suffix.lower() not in (".yaml", ".yml"):
        path = CLAIMS / f"{text}.yaml"
        if not path.is_file():
            known = ", ".join(sorted(p.stem for p in CLAIMS.glob("*.yaml")))
            raise RuleError(f"Unknown claim {text!r}; known claims: {known}, or the path of a "
                            "claim file (.yaml).")
    elif not path.is_file():
        raise RuleError(f"{path}: no such claim file.")
    return _load_claim(str(path.resolve()), path.stat().st_mtime_ns)


@lru_cache(maxsize=16)
def _load_claim(path: str, _mtime: int) -> Claim:
    file = Path(path)
    data = read_rules(file)
    unknown = set(data) - CLAIM_KEYS
    if unknown:
        raise RuleError(f"{file}: unknown keys {', '.join(sorted(unknown))}; a claim file has "
                        f"{', '.join(sorted(CLAIM_KEYS))}.")
    name = data.get("name")
    if not isinstance(name, str) or not re.fullmatch(r"[A-Za-z0-9_-]+", name or ""):
        raise RuleError(f"{file}: 'name' must be a short identifier (letters, digits, - and _).")
    terms = _named(file, data, "terms")
    weak = _named(file, data, "weak_terms")
    after = _named(file, data, "after_only_terms")
    if not terms and not weak and not after:
        raise RuleError(f"{file}: a claim needs at least one entry under 'terms'.")
    troops = _patterns(file, data, "troops", required=bool(weak or after))
    cues = stance_cues()
    hedges = cues["hedges"] + _patterns(file, data, "extra_hedges", required=False)
    implicit = _patterns(file, data, "implicit_denials", required=False)
    denials = cues["denials"] + _patterns(file, data, "extra_denials", required=False) + implicit
    everything = terms + weak + after
    other_troops = _patterns(file, data, "other_troops", required=False)
    other_places = _patterns(file, data, "other_places", required=False)
    own_troops = _patterns(file, data, "own_troops", required=False)
    places = _patterns(file, data, "places", required=False)
    if other_troops and not troops:
        raise RuleError(f"{file}: 'other_troops' needs 'troops' (the words for troops they qualify).")
    return Claim(
        name=name, description=str(data.get("description") or ""), path=file,
        digest=hashlib.sha256(file.read_bytes()).hexdigest()[:16],
        term=words([p for _, p in everything]),
        weak=re.compile("(?i)(?:" + "|".join(p for _, p in weak) + ")") if weak else None,
        after_only=re.compile("(?i)(?:" + "|".join(p for _, p in after) + ")") if after else None,
        troops=words(troops) if troops else words(["(?!x)x"]),
        hedge=re.compile(r"(?i)(?:" + "|".join(rf"\b{h}" for h in hedges) + ")" + HEDGE_TAIL),
        denial=words(denials),
        strong_denial=words(cues["strong_denials"]),
        term_names=tuple((n, re.compile("(?i)" + p)) for n, p in everything),
        other_troops=re.compile(r"(?i)(?<![\w'])(?:" + "|".join(other_troops) + r")\s+(?:[\w-]+\s+){0,2}?"
                                + word_group(troops)) if other_troops else None,
        other_places=words(other_places) if other_places else None,
        own_troops=words(own_troops) if own_troops else None,
        places=words(places) if places else None,
        implicit_denial=words(implicit) if implicit else None,
    )


@dataclass(frozen=True)
class EventCue:
    """A kind of event and the words that report it; ``cue`` is a regex on a sentence.

    A named group ``at`` marks the word to measure the distance to a time expression from
    (default: the whole match)."""

    event: str
    label: str
    cue: str


@lru_cache(maxsize=4)
def event_cues(path: str | None = None) -> tuple[EventCue, ...]:
    """The key events of ``rules/events.yaml`` (or ``path``), checked: name, label, cue."""
    file = Path(path) if path else RULES / "events.yaml"
    data = read_rules(file)
    if set(data) != {"events"} or not isinstance(data["events"], list) or not data["events"]:
        raise RuleError(f"{file}: must hold one non-empty list, 'events'.")
    out, seen = [], set()
    for i, entry in enumerate(data["events"], start=1):
        if not isinstance(entry, dict) or set(entry) != {"name", "label", "cue"}:
            raise RuleError(f"{file}: event {i} must have exactly a name, a label and a cue.")
        name = str(entry["name"]).strip()
        if not re.fullmatch(r"[a-z][a-z0-9_]*", name) or name in seen:
            raise RuleError(f"{file}: event {i} needs a name of its own in lower_case_with_underscores (got {name!r}).")
        seen.add(name)
        label = entry["label"]
        if not isinstance(label, str) or not label.strip():
            raise RuleError(f"{file}: event {i} ({name}) needs a label.")
        out.append(EventCue(name, label, checked_pattern(file, f"event {i} ({name}) cue", entry["cue"])))
    return tuple(out)


GROUP_FAMILIES = ("officials_by_word", "officials_by_side", "soldiers_by_word")


@lru_cache(maxsize=4)
def groups(path: str | None = None) -> dict[str, dict[str, str]]:
    """The unnamed groups of ``rules/groups.yaml`` (or ``path``): family -> word or side ->
    the group actor's name, checked."""
    file = Path(path) if path else RULES / "groups.yaml"
    data = read_rules(file)
    if set(data) != set(GROUP_FAMILIES):
        raise RuleError(f"{file}: must hold exactly the families {', '.join(GROUP_FAMILIES)} "
                        f"(found {', '.join(sorted(map(str, data)))}).")
    out = {}
    for family in GROUP_FAMILIES:
        entries = data[family]
        if not isinstance(entries, dict) or not entries:
            raise RuleError(f"{file}: '{family}' must map words to group names.")
        for word, name in entries.items():
            if not isinstance(word, str) or not word.strip() or not isinstance(name, str) or not name.strip():
                raise RuleError(f"{file}: '{family}' entry {word!r}: {name!r} must be a word and a group name.")
        out[family] = dict(entries)
    return out


@lru_cache(maxsize=4)
def boilerplate_rules(path: str | None = None) -> tuple[tuple[str, str], ...]:
    """The boilerplate patterns of ``rules/boilerplate.yaml`` (or ``path``), in order: (name,
    pattern) pairs, checked."""
    file = Path(path) if path else RULES / "boilerplate.yaml"
    data = read_rules(file)
    if set(data) != {"rules"}:
        raise RuleError(f"{file}: must hold one list, 'rules', of {{name, pattern}} entries.")
    rules = _named(file, data, "rules")
    if not rules:
        raise RuleError(f"{file}: 'rules' is empty.")
    return tuple(rules)


DATE_WORD_KEYS = ("months", "weekdays", "seasons", "number_words", "future_cues", "past_cues", "not_past")


@lru_cache(maxsize=4)
def date_words(path: str | None = None) -> dict:
    """The date words of ``rules/date_words.yaml`` (or ``path``), checked: months (name ->
    number and written forms), weekdays (Monday first), seasons (name -> first month),
    number words, tense cues (patterns) and the -ed words that are no past cue."""
    file = Path(path) if path else RULES / "date_words.yaml"
    data = read_rules(file)
    if set(data) != set(DATE_WORD_KEYS):
        raise RuleError(f"{file}: must hold exactly {', '.join(DATE_WORD_KEYS)}.")
    months = data["months"]
    if not isinstance(months, dict) or sorted(
            m.get("number") if isinstance(m, dict) else None for m in months.values()) != list(range(1, 13)):
        raise RuleError(f"{file}: 'months' must give each month 1-12 once, as name: {{number, forms}}.")
    for name, month in months.items():
        forms = month.get("forms")
        if set(month) != {"number", "forms"} or not isinstance(forms, list) or not forms or forms[0] != name \
                or not all(isinstance(f, str) and f.strip() for f in forms):
            raise RuleError(f"{file}: month {name!r} needs a number and forms, its full name first.")
    weekdays = data["weekdays"]
    if not isinstance(weekdays, list) or len(weekdays) != 7 or len(set(weekdays)) != 7:
        raise RuleError(f"{file}: 'weekdays' must list the seven days, Monday first.")
    for key in ("seasons", "number_words"):
        entries = data[key]
        if not isinstance(entries, dict) or not entries or not all(
                isinstance(k, str) and isinstance(v, int) and not isinstance(v, bool) for k, v in entries.items()):
            raise RuleError(f"{file}: '{key}' must map words to whole numbers.")
    cues = {key: [checked_pattern(file, f"'{key}' entry {i + 1}", v) for i, v in enumerate(data[key] or [])]
            for key in ("future_cues", "past_cues")}
    if not isinstance(data["not_past"], list):
        raise RuleError(f"{file}: 'not_past' must be a list of words.")
    return {"months": months, "weekdays": list(weekdays), "seasons": dict(data["seasons"]),
            "number_words": dict(data["number_words"]), **cues, "not_past": [str(w) for w in data["not_past"]]}


@lru_cache(maxsize=4)
def first_names(path: str | None = None) -> dict[str, str]:
    """First name -> ``"f"`` or ``"m"`` from ``rules/first_names.yaml`` (or ``path``), checked:
    exactly the lists ``female`` and ``male``, each entry one capitalised word, no name in
    both."""
    file = Path(path) if path else RULES / "first_names.yaml"
    data = read_rules(file)
    if set(data) != {"female", "male"}:
        raise RuleError(f"{file}: must hold exactly two lists, 'female' and 'male'.")
    out: dict[str, str] = {}
    for key, gender in (("female", "f"), ("male", "m")):
        names = data[key]
        if not isinstance(names, list) or not names:
            raise RuleError(f"{file}: '{key}' must be a non-empty list of first names.")
        for i, name in enumerate(names):
            if not isinstance(name, str) or not re.fullmatch(r"[^\W\d_][^\W\d_'-]*(?:-[^\W\d_]+)?", name) \
                    or not name[0].isupper():
                raise RuleError(f"{file}: '{key}' entry {i + 1} ({name!r}) must be one capitalised word.")
            if out.get(name, gender) != gender:
                raise RuleError(f"{file}: {name!r} is in both lists; leave a name borne by both out.")
            out[name] = gender
    return out


DIRECTIONS_TRIED = ("retaken", "lost", "seized", "held")  # the order the direction cues are tried in
TERRITORY_CUE_KEYS = ("directions", "held_adjective", "held_after", "territory_nouns", "share_verbs", "peak", "now")


@lru_cache(maxsize=4)
def territory_cues(path: str | None = None) -> dict:
    """The cues of ``rules/territory_cues.yaml`` (or ``path``), checked: the direction
    families (retaken, lost, seized, held), the "-held area" adjective and its nouns, the
    words after a figure that make it held, the territory nouns and share verbs, the peak and present cues; every entry a pattern."""
    file = Path(path) if path else RULES / "territory_cues.yaml"
    data = read_rules(file)
    if set(data) != set(TERRITORY_CUE_KEYS):
        raise RuleError(f"{file}: must hold exactly {', '.join(TERRITORY_CUE_KEYS)}.")

    def patterns(value, where: str) -> list[str]:
        if not isinstance(value, list) or not value:
            raise RuleError(f"{file}: {where} must be a non-empty list of patterns.")
        return [checked_pattern(file, f"{where} entry {i + 1}", v) for i, v in enumerate(value)]

    directions = data["directions"]
    if not isinstance(directions, dict) or set(directions) != set(DIRECTIONS_TRIED):
        raise RuleError(f"{file}: 'directions' must have exactly {', '.join(DIRECTIONS_TRIED)}.")
    adjective = data["held_adjective"]
    if not isinstance(adjective, dict) or set(adjective) != {"words", "nouns"}:
        raise RuleError(f"{file}: 'held_adjective' must have words and nouns.")
    return {"directions": {d: patterns(directions[d], f"'directions: {d}'") for d in DIRECTIONS_TRIED},
            "held_adjective": {k: patterns(adjective[k], f"'held_adjective: {k}'") for k in ("words", "nouns")},
            **{key: patterns(data[key], f"'{key}'") for key in ("held_after", "territory_nouns", "share_verbs", "peak", "now")}}
