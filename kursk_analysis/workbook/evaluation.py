"""Score the extractors against hand-made gold in the development set's JSON format.

The gold format (``gold.json``) maps each article id to three lists:

- ``quotes``: ``{"quote", "speaker", "speaker_in_text"}``, every quotation of four words
  or more, ``quote`` being the exact text between the marks;
- ``territory``: ``{"text", "value_low", "value_high", "unit", "direction", "as_of",
  "claimant"}``, ``text`` a unique verbatim substring holding the number;
- ``encirclement_stance``: ``{"actor", "stance", "evidence"}``, one per actor and polarity.

Matching follows the set's README:

- a gold quote is found when an extracted quote of four words or more matches it (fuzzy
  ratio >= 85 after folding quotation marks and case, or one contains the other with a
  length ratio >= 0.5); the speaker is scored over found quotes with a named gold speaker;
- a territory figure matches in the same article and unit when a value is within 0.5 of
  one of the gold ends and the texts overlap (a found figure with no number, "hundreds of
  square kilometres", that the gold does not list is no false row: the README scores
  those apart); direction and claimant are scored over the
  matched figures (a gold claimant ``"<outlet> (unattributed)"`` matches no claimant);
- a stance matches in the same article with the same polarity and the same actor, actors
  compared by canonical form (gazetteer aliases, spelling variants of a surname) and by
  institution (the Ukrainian military and its General Staff; Kyiv and the Ukrainian
  government; the Kremlin, Moscow, Russia and the Russian government). A stance whose
  polarity is the opposite of the gold's for that actor is counted as *flipped*: it is a
  miss and a false row at once.

:func:`evaluate` returns a :class:`Scores` with one :class:`Measure` per line a benchmark
prints, and the misses and false rows behind each (``Scores.misses``).
"""
from __future__ import annotations

import csv
import difflib
import json
import re
import tempfile
import unicodedata
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from kursk_analysis import paths
from kursk_analysis.corpus.text import fold

QUOTE_MIN_WORDS = 4
FUZZY_MIN = 0.85
CONTAIN_MIN = 0.5
VALUE_TOLERANCE = 0.5
SURNAME_MIN = 0.8

# Institutions the set's README counts as one actor whatever the article calls them.
INSTITUTIONS = {
    "ukrainian general staff": "ukrainian military",
    "general staff of the armed forces of ukraine": "ukrainian military",
    "ukrainian military": "ukrainian military",
    "ukraine's military": "ukrainian military",
    "ukrainian high command": "ukrainian military",
    "ukrainian armed forces": "ukrainian military",
    "kyiv": "ukrainian government",
    "kiev": "ukrainian government",
    "ukraine": "ukrainian government",
    "ukrainian government": "ukrainian government",
    "kremlin": "russian government",
    "moscow": "russian government",
    "russia": "russian government",
    "russian government": "russian government",
    "russian defense ministry": "russian defence ministry",
    "russian ministry of defence": "russian defence ministry",
    "russian ministry of defense": "russian defence ministry",
    "russia's defence ministry": "russian defence ministry",
    "russia's defense ministry": "russian defence ministry",
    "isw": "institute for the study of war",
}
_TITLES = re.compile(r"^(?:the|an?|president|gen\.?|general|col\.?|colonel|spokesperson|"
                     r"spokesman|minister|mr\.?|ms\.?|dr\.?|some|many|several)\s+")
# A gold speaker that names nobody ("Gulf diplomat", "a senior UK defence source",
# "Western officials"): its head noun is one of these, or the gazetteer marks the actor
# it stands for as anonymous. The README scores speakers only where the gold names one.
ANONYMOUS_HEADS = {"official", "source", "diplomat", "officer", "soldier", "serviceman",
                   "servicemen", "fighter", "spokesperson", "spokesman", "spokeswoman",
                   "resident", "volunteer", "man", "woman", "sergeant", "commander", "analyst",
                   "expert", "observer", "aide", "adviser", "advisor", "person", "people",
                   "insider", "staffer", "veteran", "medic", "villager", "evacuee", "refugee"}


@dataclass
class Measure:
    """One line of the report: ``name`` is ``value`` = ``hits`` of ``total``."""
    name: str
    hits: int
    total: int

    @property
    def value(self) -> float | None:
        return self.hits / self.total if self.total else None

    def line(self) -> str:
        value = "n/a" if self.value is None else f"{self.value:.3f}"
        return f"{self.name:<24} {value:>6}  ({self.hits}/{self.total})"


@dataclass
class Scores:
    measures: list[Measure]
    misses: list[dict] = field(default_factory=list)

    def __getitem__(self, name: str) -> Measure:
        for measure in self.measures:
            if measure.name == name:
                return measure
        raise KeyError(name)

    def table(self) -> pd.DataFrame:
        return pd.DataFrame([{"measure": m.name, "value": m.value, "hits": m.hits,
                              "total": m.total} for m in self.measures],
                            columns=["measure", "value", "hits", "total"])


# --------------------------------------------------------------------------- input


def load_gold(path: str | Path) -> dict[str, dict[str, list[dict]]]:
    """The gold file, with every article's three lists present (empty when absent)."""
    with open(path, encoding="utf-8") as handle:
        gold = json.load(handle)
    if not isinstance(gold, dict):
        raise ValueError(f"{path}: gold must be an object keyed by article id.")
    return {aid: {kind: list(entry.get(kind, [])) for kind in
                  ("quotes", "territory", "encirclement_stance")}
            for aid, entry in gold.items()}


def load_set(folder: str | Path):
    """A development set laid out as ``articles.csv`` + ``articles/<id>.txt`` +
    ``gold.json``, loaded in place (read-only is fine): returns ``(corpus, gold)``.

    The set's ``articles.csv`` is not a manifest; an equivalent one is written to a
    temporary folder, pointing at the texts where they are."""
    from kursk_analysis.corpus.model import load_corpus

    folder = Path(folder).resolve()
    with open(folder / "articles.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    with tempfile.TemporaryDirectory() as scratch:
        manifest = Path(scratch) / "articles.csv"
        with open(manifest, "w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["id", "file", "outlet", "headline", "published", "date_basis", "url"])
            for row in rows:
                writer.writerow([row["id"], str(folder / "articles" / f"{row['id']}.txt"),
                                 row.get("outlet", ""), row.get("headline", ""),
                                 row.get("published", ""), row.get("date_basis", ""),
                                 row.get("url", "")])
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # undated articles warn; expected here
            corpus = load_corpus(manifest, root=folder)
    return corpus, load_gold(folder / "gold.json")


# --------------------------------------------------------------------------- matching


def _plain(text: str) -> str:
    text = unicodedata.normalize("NFKD", fold(text or ""))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return re.sub(r"\s+", " ", text.replace('"', "").replace("'", "")).strip().lower()


def quote_matches(found: str, gold: str) -> bool:
    """The set's rule: fuzzy ratio >= 0.85, or containment with length ratio >= 0.5."""
    a, b = _plain(found), _plain(gold)
    if not a or not b:
        return False
    if (a in b or b in a) and min(len(a), len(b)) / max(len(a), len(b)) >= CONTAIN_MIN:
        return True
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio() >= FUZZY_MIN


def alias_index(gazetteer: pd.DataFrame | None) -> dict[str, str]:
    index: dict[str, str] = {}
    if gazetteer is None:
        return index
    for actor, aliases in zip(gazetteer["actor"], gazetteer["aliases"]):
        for alias in [actor, *str(aliases or "").split("|")]:
            if alias.strip():
                index.setdefault(_plain(alias), actor)
    return index


def actor_key(name: str | None, aliases: dict[str, str]) -> str:
    """The form two names are compared in: gazetteer canonical, then institution class."""
    plain = _plain(name or "")
    plain = aliases.get(plain, plain)
    plain = _plain(plain)
    while True:
        shorter = _TITLES.sub("", plain)
        if shorter == plain:
            break
        plain = shorter
    return INSTITUTIONS.get(plain, plain)


def named(speaker: str | None, aliases: dict[str, str], anonymous: set[str]) -> bool:
    """Whether a gold speaker names someone: not empty, not an actor the gazetteer marks
    anonymous, and not a phrase whose head noun is a generic one (:data:`ANONYMOUS_HEADS`)."""
    plain = _plain(speaker or "")
    if not plain or aliases.get(plain, speaker) in anonymous:
        return False
    words = re.findall(r"[a-z]+", plain)
    # ("senior Ukrainian official (anonymous)", "anonymous NATO official", "unnamed
    # infantryman": the gold says outright that no one is named)
    if "anonymous" in words or "unnamed" in words:
        return False
    head = words[-1] if words else ""
    return not (head in ANONYMOUS_HEADS or head.endswith("s") and head[:-1] in ANONYMOUS_HEADS)


def same_actor(a: str | None, b: str | None, aliases: dict[str, str]) -> bool:
    """Same canonical form, or two names whose last words are spellings of one surname
    ("Syrsky" / "Oleksandr Syrskyi")."""
    ka, kb = actor_key(a, aliases), actor_key(b, aliases)
    if not ka or not kb:
        return False
    if ka == kb:
        return True
    wa, wb = ka.split(), kb.split()
    if ka in INSTITUTIONS.values() or kb in INSTITUTIONS.values():
        return False
    last_a, last_b = wa[-1], wb[-1]
    if len(last_a) < 4 or len(last_b) < 4:
        return False
    if len(wa) > 1 and len(wb) > 1 and wa[0][0] != wb[0][0]:
        return False  # two first names that differ: two people
    return difflib.SequenceMatcher(None, last_a, last_b).ratio() >= SURNAME_MIN


def _unattributed(claimant: str | None) -> bool:
    return not claimant or str(claimant).endswith("(unattributed)")


# --------------------------------------------------------------------------- scoring


FAMILIES = ("quotes", "territory", "stance")


def family(measure: str) -> str:
    """Which table a measure scores: ``quotes`` (quotes and speaker), ``territory``, ``stance``."""
    return "quotes" if measure == "speaker" else measure.split()[0]


def evaluate(corpus, gold: dict, gazetteer: pd.DataFrame | None = None,
             quotes: pd.DataFrame | None = None, figures: pd.DataFrame | None = None,
             stances: pd.DataFrame | None = None, families=FAMILIES) -> Scores:
    """Score ``corpus``'s extraction against ``gold`` (see the module docstring).

    The tables default to the package's extractors on ``corpus``; pass them to score
    other output (a corrected table, an earlier version's). ``families`` chooses which of
    the three tables are scored (and so extracted), in :data:`FAMILIES`."""
    from kursk_analysis.extract.actors import gazetteer as bundled_gazetteer
    from kursk_analysis.extract.figures import territory_figures
    from kursk_analysis.extract.quotes import quotes as extract_quotes
    from kursk_analysis.extract.stance import stances as extract_stances

    unknown = sorted(set(families) - set(FAMILIES))
    if unknown:
        raise ValueError(f"No measures called {', '.join(map(repr, unknown))} (there are: {', '.join(FAMILIES)}).")
    gazetteer = bundled_gazetteer() if gazetteer is None else gazetteer
    aliases = alias_index(gazetteer)
    anonymous = set(gazetteer.loc[gazetteer["anonymous"].astype(str).str.lower() == "true", "actor"]) \
        if "anonymous" in gazetteer else set()
    ids = [aid for aid in corpus.articles["id"] if aid in gold]
    misses: list[dict] = []
    measures: list[Measure] = []
    # The rules are scored as they extract: a reviewer's corrections would hide their errors.
    if "quotes" in families:
        quotes = extract_quotes(corpus, corrected=False) if quotes is None else quotes
        measures += _score_quotes(quotes, gold, ids, aliases, misses, anonymous)
    if "territory" in families:
        figures = territory_figures(corpus, corrected=False) if figures is None else figures
        measures += _score_figures(figures, gold, ids, corpus, aliases, misses)
    if "stance" in families:
        stances = extract_stances(corpus, corrected=False) if stances is None else stances
        measures += _score_stances(stances, gold, ids, aliases, misses)
    return Scores(measures, misses)


def _score_quotes(table, gold, ids, aliases, misses, anonymous=frozenset()) -> list[Measure]:
    long = table[table["quote"].map(lambda q: len(str(q).split()) >= QUOTE_MIN_WORDS)]
    found = matched_rows = speaker_total = speaker_right = total = 0
    used_rows: set = set()
    for aid in ids:
        rows = long[long["article_id"] == aid]
        for item in gold[aid]["quotes"]:
            total += 1
            hits = [i for i, q in zip(rows.index, rows["quote"]) if quote_matches(q, item["quote"])]
            if not hits:
                misses.append({"measure": "quotes recall", "article_id": aid,
                               "gold": item["quote"], "found": None})
                continue
            found += 1
            used_rows.update(hits)
            speaker = rows.loc[hits[0], "speaker"]
            if not named(item["speaker"], aliases, anonymous):
                continue  # the README scores speakers only where the gold names one
            speaker_total += 1
            if same_actor(speaker, item["speaker"], aliases):
                speaker_right += 1
            else:
                misses.append({"measure": "speaker", "article_id": aid, "gold": item["speaker"],
                               "found": speaker, "text": item["quote"]})
        for i, q in zip(rows.index, rows["quote"]):
            if i not in used_rows:
                misses.append({"measure": "quotes precision", "article_id": aid,
                               "gold": None, "found": q})
        matched_rows += sum(1 for i in rows.index if i in used_rows)
    n_rows = int(long["article_id"].isin(ids).sum())
    return [Measure("quotes precision", matched_rows, n_rows),
            Measure("quotes recall", found, total),
            Measure("speaker", speaker_right, speaker_total)]


# A figure with no number ("hundreds of square kilometres", "a few dozen"): the README
# lets an extractor find it and scores it apart, so it is neither a hit nor a false row.
NO_NUMBER = re.compile(r"(?i)^(?!.*\d)(?=.*\b(?:hundreds|thousands|dozens?|several|few|scores|tens)\b)")


def _score_figures(table, gold, ids, corpus, aliases, misses) -> list[Measure]:
    scored = table[table["value_low"].notna() | table["value_high"].notna()]
    vague = set(scored.index[scored["text"].astype(str).str.match(NO_NUMBER)])
    total = found = direction_right = claimant_right = 0
    used_rows: set = set()
    for aid in ids:
        text = corpus.texts[aid]
        rows = scored[scored["article_id"] == aid]
        for item in gold[aid]["territory"]:
            total += 1
            at = text.find(item["text"])
            g_start, g_end = at, at + len(item["text"])
            ends = [item["value_low"], item["value_high"]]
            hits = [i for i, unit, lo, hi, start, end in zip(
                        rows.index, rows["unit"], rows["value_low"], rows["value_high"],
                        rows["start"], rows["end"])
                    if unit == item["unit"] and start < g_end and g_start < end
                    and any(abs(v - e) <= VALUE_TOLERANCE for v in (lo, hi) if pd.notna(v)
                            for e in ends)]
            if not hits:
                misses.append({"measure": "territory recall", "article_id": aid,
                               "gold": item["text"], "found": None})
                continue
            found += 1
            used_rows.update(hits)
            row = rows.loc[hits[0]]
            if row["direction"] == item["direction"]:
                direction_right += 1
            else:
                misses.append({"measure": "territory direction", "article_id": aid,
                               "gold": item["direction"], "found": row["direction"],
                               "text": item["text"]})
            claimant = row["claimant"] if pd.notna(row["claimant"]) else None
            if (_unattributed(item["claimant"]) and _unattributed(claimant)) or \
                    same_actor(claimant, item["claimant"], aliases):
                claimant_right += 1
            else:
                misses.append({"measure": "territory claimant", "article_id": aid,
                               "gold": item["claimant"], "found": claimant, "text": item["text"]})
        for i, t in zip(rows.index, rows["text"]):
            if i not in used_rows and i not in vague:
                misses.append({"measure": "territory precision", "article_id": aid,
                               "gold": None, "found": t})
    # A figure with no number the gold does not list is neither a hit nor a false row.
    in_set = scored[scored["article_id"].isin(ids) & ~(scored.index.isin(vague) & ~scored.index.isin(used_rows))]
    return [Measure("territory precision", sum(1 for i in in_set.index if i in used_rows),
                    len(in_set)),
            Measure("territory recall", found, total),
            Measure("territory direction", direction_right, found),
            Measure("territory claimant", claimant_right, found)]


def _score_stances(table, gold, ids, aliases, misses) -> list[Measure]:
    rows = (table[table["article_id"].isin(ids)][["article_id", "actor", "stance", "evidence"]]
            .drop_duplicates(["article_id", "actor", "stance"]))
    total = found = right_rows = flipped = 0
    for aid in ids:
        items = gold[aid]["encirclement_stance"]
        mine = rows[rows["article_id"] == aid]
        for item in items:
            total += 1
            if any(s == item["stance"] and same_actor(a, item["actor"], aliases)
                   for a, s in zip(mine["actor"], mine["stance"])):
                found += 1
            else:
                misses.append({"measure": "stance recall", "article_id": aid,
                               "gold": f"{item['actor']} {item['stance']}", "found": None,
                               "text": item["evidence"]})
        for actor, stance, evidence in zip(mine["actor"], mine["stance"], mine["evidence"]):
            same = [i for i in items if same_actor(actor, i["actor"], aliases)]
            if any(i["stance"] == stance for i in same):
                right_rows += 1
                continue
            flip = bool(same)
            flipped += flip
            misses.append({"measure": "stance flipped" if flip else "stance precision",
                           "article_id": aid, "gold": None, "found": f"{actor} {stance}",
                           "text": evidence})
    return [Measure("stance precision", right_rows, len(rows)),
            Measure("stance recall", found, total),
            Measure("stance flipped", flipped, len(rows))]


# --------------------------------------------------------------------------- recorded results

RESULTS_FILE = "benchmarks/real_coverage.json"
README_START = "<!-- real-coverage:start -->"
README_END = "<!-- real-coverage:end -->"


def read_results(path: str | Path | None = None) -> dict | None:
    """The figures ``benchmarks/real_coverage.py --write`` recorded (set, size, date,
    command, measures), or None when no file has been written."""
    from kursk_analysis import paths

    path = Path(path) if path else paths.ROOT / RESULTS_FILE
    if not path.is_file():
        return None
    with open(path, encoding="utf-8") as handle:
        record = json.load(handle)
    for key in ("set", "articles", "date", "command", "measures"):
        if key not in record:
            raise ValueError(f"{path}: the recorded results have no '{key}'.")
    return record


def results_table(record: dict) -> pd.DataFrame:
    """One row per recorded measure: measure, value (hits / total), hits, total."""
    rows = [{"measure": m["name"], "hits": int(m["hits"]), "total": int(m["total"]),
             "value": m["hits"] / m["total"] if m["total"] else float("nan")}
            for m in record["measures"]]
    return pd.DataFrame(rows, columns=["measure", "value", "hits", "total"])


def markdown_table(record: dict) -> str:
    """The recorded figures as the README's Markdown table, with where they come from."""
    lines = [f"Development set `{record['set']}` ({record['articles']} real articles, one "
             f"per outlet; the rules were improved while reading it), measured "
             f"{record['date']} with `{record['command']}`:", "",
             "| measure | value | hits / total |", "|---|---|---|"]
    for row in results_table(record).itertuples():
        value = "n/a" if row.total == 0 else f"{row.value:.3f}"
        lines.append(f"| {row.measure} | {value} | {row.hits} / {row.total} |")
    return "\n".join(lines)


def write_readme_table(readme: str | Path, record: dict) -> bool:
    """Replace the text between the README's real-coverage markers with
    :func:`markdown_table`; False (and nothing written) when the markers are missing."""
    readme = Path(readme)
    text = readme.read_text(encoding="utf-8")
    start, end = text.find(README_START), text.find(README_END)
    if start < 0 or end < start:
        return False
    new = text[:start + len(README_START)] + "\n" + markdown_table(record) + "\n" + text[end:]
    if new != text:
        readme.write_text(new, encoding="utf-8")
    return True


IN_SAMPLE, OUT_OF_SAMPLE, HITS = "in sample", "out of sample", ": hits / total"


def in_sample(corpus, path: str | Path | None = None) -> tuple[list[str], dict]:
    """The corpus's articles that the bundled gold covers (same id and same text, by
    SHA-256), and that gold: what the in-sample figures can be computed on."""
    import hashlib

    from kursk_analysis import paths

    gold = load_gold(path or paths.BUNDLED_GOLD)
    with open(path or paths.BUNDLED_GOLD, encoding="utf-8") as handle:
        digests = {aid: entry.get("sha256") for aid, entry in json.load(handle).items()}
    ids = [aid for aid in corpus.articles["id"]
           if aid in gold and digests[aid] == hashlib.sha256(corpus.texts[aid].encode("utf-8")).hexdigest()]
    return ids, {aid: gold[aid] for aid in ids}


def trust_note(measures: list[str], record: dict | None = None, corpus=None) -> tuple[str, pd.DataFrame]:
    """What a notebook says about how far to trust the extractors it relies on: sentences
    naming where the figures come from, and one row per measure named with (a) its value
    in sample, computed now on the corpus's articles that the bundled gold covers, and (b)
    its value out of sample, read from the committed real-coverage results file
    (``read_results``), never typed. A figure that cannot be had is empty, and said so."""
    record = read_results() if record is None else record
    out = pd.DataFrame({"measure": measures})
    said = []
    if corpus is not None:
        ids, gold = in_sample(corpus)
        if ids:
            # The corpus itself when the gold covers all of it and nothing is corrected (the
            # bundled corpus): the same tables, which the notebook has extracted already.
            scored = corpus if len(ids) == len(corpus.articles) and not corpus.corrections else corpus.subset(ids)
            families = [f for f in FAMILIES if f in {family(m) for m in measures}]
            scores = evaluate(scored, gold, families=families).table().set_index("measure")
            out[IN_SAMPLE] = out["measure"].map(scores["value"])
            out[IN_SAMPLE + HITS] = out["measure"].map(lambda m: _of(scores, m))
            said.append(f"In sample: computed now on the {len(ids)} of this corpus's {len(corpus.articles)} "
                        "articles that the bundled gold covers (data/gold/seeds.json, the same texts); "
                        "the rules were written on these articles, so these are the best case.")
        else:
            n = len(corpus.articles)
            said.append(f"In sample: none of this corpus's {n} article{'s' if n != 1 else ''} is in the "
                        "bundled gold (data/gold/seeds.json), so no in-sample figure can be computed here.")
    if record is None:
        said.append("Out of sample: no real-coverage figures are recorded yet (run "
                    "benchmarks/real_coverage.py --write).")
    else:
        recorded = results_table(record).set_index("measure")
        out[OUT_OF_SAMPLE] = out["measure"].map(recorded["value"])
        out[OUT_OF_SAMPLE + HITS] = out["measure"].map(lambda m: _of(recorded, m))
        said.append(f"Out of sample: measured on {record['articles']} real articles from other outlets "
                    f"(the development set `{record['set']}`, {record['date']}, `{record['command']}`), "
                    "with hand-made gold. The rules were improved while reading that set, so an "
                    "unseen outlet may score lower; a flipped stance is one whose polarity is the "
                    "opposite of the gold's.")
    return " ".join(said), out


def _of(scores: pd.DataFrame, measure: str) -> str | None:
    if measure not in scores.index:
        return None
    return f"{int(scores.at[measure, 'hits'])} / {int(scores.at[measure, 'total'])}"
