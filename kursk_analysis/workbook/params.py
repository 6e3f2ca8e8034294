"""Check the research notebooks' parameters and turn them into typed values.

Every notebook starts with a cell tagged ``parameters`` holding literals only (papermill
replaces them) and, in the next cell, ``kursk_analysis.workbook.notebook.setup(...)``, which calls
:func:`check_parameters`. A bad value stops the notebook at once with one plain sentence
naming the parameter and what is wrong (a :class:`ParameterError`), instead of failing
later somewhere deep in the analysis.
"""
from __future__ import annotations

import difflib
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from kursk_analysis.errors import ParameterError

UNITS = ("sq_mi", "km2")
UNDATED = ("keep", "drop")
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class Parameters:
    """Checked notebook parameters.

    ``manifest`` is None for the bundled corpus, ``baseline_km2`` is None when it is to be
    derived from the corpus, ``actors`` is empty for all actors, ``start``/``end`` are None
    when open, ``undated`` says whether rows a period cannot place are kept or dropped
    (:mod:`kursk_analysis.analyses.selection`), and ``output_dir`` is None when the notebook should
    not write its tables. ``root`` is the folder article files may live in (None: the
    manifest's own folder, see :func:`kursk_analysis.corpus.model.load_corpus`).
    """

    manifest: Path | None
    unit: str
    baseline_km2: float | None
    actors: tuple[str, ...]
    start: date | None
    end: date | None
    output_dir: Path | None = None
    undated: str = "keep"
    root: Path | None = None
    gazetteer: Path | None = None  # the study's actor gazetteer (None: data/actors.csv)
    claim: str = "encirclement"  # a bundled claim's name, or a claim file's path
    extract: Path | None = None  # a `kursk-analysis extract` folder of this corpus (None: compute)
    # Each actor given by an alias, and the canonical name it was read as: (given, canonical).
    actor_aliases: tuple[tuple[str, str], ...] = ()

    def actors_text(self) -> str:
        """The chosen actors for a sentence, saying which name each alias was read as."""
        if not self.actors:
            return "all actors"
        read: dict[str, str] = {}
        for given, canonical in self.actor_aliases:
            read.setdefault(canonical, given)
        return ", ".join(f"{name} (given as '{read[name]}')" if name in read else name
                         for name in self.actors)

    def write_table(self, frame, name: str):
        """Write ``frame`` as ``<output_dir>/<name>.csv`` and ``.parquet`` (when an output
        folder was given), the one way every export is written (:mod:`kursk_analysis.workbook.exports`).

        Returns the frame, its ``attrs`` now holding the table's name and a caption from the
        data dictionary, so a cell can end with ``params.write_table(t, "x")`` and still show
        the table, captioned (:func:`kursk_analysis.workbook.display.frame_html`). Two runs give byte-identical files, and text a spreadsheet
        would run as a formula is quoted (:func:`kursk_analysis.workbook.spreadsheet.spreadsheet_safe`).
        """
        from kursk_analysis.workbook import exports

        if not exports.TABLE_NAME.fullmatch(name):
            raise ValueError(f"Table name {name!r} must be a plain file name such as 'territory_figures'.")
        if self.output_dir is not None:
            exports.write_table(frame, self.output_dir, name)
        meaning = exports.TABLES.get(name, (None,))[0]
        # For this very frame only: pandas copies ``attrs`` onto frames derived from it, whose
        # captions these would not be (display.frame_html checks the id).
        frame.attrs.update(table=name, caption=f"{name}: {meaning}" if meaning else name, shown_as=id(frame))
        return frame


def check_parameters(
    manifest: str | Path | None = "",
    unit: str = "sq_mi",
    baseline_km2: float | None = None,
    actors: Iterable[str] | None = (),
    start: str | date | None = "",
    end: str | date | None = "",
    output_dir: str | Path | None = "",
    known_actors: Iterable[str] | None = None,
    undated: str = "keep",
    root: str | Path | None = "",
    gazetteer: str | Path | None = "",
    claim: str = "encirclement",
    extract: str | Path | None = "",
) -> Parameters:
    """Check the notebook parameters and return them typed, or raise :class:`ParameterError`.

    ``known_actors`` is the set of canonical actor names to check ``actors`` against; by
    default it is taken from :func:`kursk_analysis.extract.actors.gazetteer`.
    """
    gazetteer_path = _gazetteer(gazetteer)
    claim = _claim(claim)
    if known_actors is None and gazetteer_path is not None:
        known_actors = _known_actor_names(gazetteer_path)
    chosen, aliases = resolve_actors(actors, known_actors)
    return Parameters(
        manifest=_manifest(manifest),
        unit=_unit(unit),
        baseline_km2=_baseline(baseline_km2),
        actors=chosen,
        actor_aliases=aliases,
        **_period(start, end),
        output_dir=Path(output_dir).resolve() if output_dir else None,
        undated=_undated(undated),
        root=_root(root),
        gazetteer=gazetteer_path,
        claim=claim,
        extract=_extract(extract),
    )


def _given_path(name: str, value, what: str) -> Path | None:
    """A path parameter as an absolute path, None when empty; ``what`` says what it must be."""
    if value is None or value == "":
        return None
    if not isinstance(value, (str, Path)):
        raise ParameterError(f"Parameter `{name}` must be {what} or \"\", not {value!r}.")
    return Path(value).expanduser().resolve()


def _extract(value) -> Path | None:
    path = _given_path("extract", value, "the path of an extract folder")
    if path is None:
        return None
    from kursk_analysis.workbook.batch import METADATA

    if not (path / METADATA).is_file():
        raise ParameterError(f"Parameter `extract` points to {str(value)!r}, which is not an extract folder "
                             f"(it has no {METADATA}; make one with `kursk-analysis extract`).")
    return path


def _gazetteer(value) -> Path | None:
    path = _given_path("gazetteer", value, "a CSV file path")
    if path is None:
        return None
    if not path.is_file():
        raise ParameterError(f"Parameter `gazetteer` points to {str(value)!r}, which is not a file.")
    from kursk_analysis.extract.actors import gazetteer

    gazetteer(path)  # a malformed gazetteer stops here, naming its row
    return path


def _claim(value) -> str:
    if not isinstance(value, (str, Path)) or not str(value).strip():
        raise ParameterError(f"Parameter `claim` must be a claim's name such as \"encirclement\" "
                             f"or a claim file's path, not {value!r}.")
    from kursk_analysis.lexicon import load_claim

    load_claim(str(value))  # an unknown claim or a malformed file stops here
    return str(Path(value).expanduser().resolve()) if str(value).endswith((".yaml", ".yml")) \
        else str(value)


def _undated(value) -> str:
    if value not in UNDATED:
        raise ParameterError(f"Parameter `undated` must be \"keep\" or \"drop\", not {value!r}.")
    return value


def _root(value) -> Path | None:
    if value is None or value == "":
        return None
    if not isinstance(value, (str, Path)):
        raise ParameterError(f"Parameter `root` must be a folder path or \"\", not {value!r}.")
    path = Path(value).expanduser().resolve()
    if not path.is_dir():
        raise ParameterError(f"Parameter `root` points to {str(value)!r}, which is not a folder.")
    return path


def _manifest(value) -> Path | None:
    if value is None or value == "":
        return None
    if not isinstance(value, (str, Path)):
        raise ParameterError(f"Parameter `manifest` must be a file path or \"\", not {value!r}.")
    path = Path(value).expanduser().resolve()
    if not path.is_file():
        raise ParameterError(f"Parameter `manifest` points to {str(value)!r}, which does not exist or is not a file.")
    return path


def _unit(value) -> str:
    if value not in UNITS:
        raise ParameterError(f"Parameter `unit` must be \"sq_mi\" or \"km2\", not {value!r}.")
    return value


def _baseline(value) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ParameterError(
            f"Parameter `baseline_km2` must be a number of square kilometres or None, not {value!r}."
        )
    if not math.isfinite(value) or value <= 0:
        raise ParameterError(
            f"Parameter `baseline_km2` must be a positive number of square kilometres "
            f"(or None to derive it from the corpus), not {value!r}."
        )
    return float(value)


def resolve_actors(value, known_actors=None) -> tuple[tuple[str, ...], tuple[tuple[str, str], ...]]:
    """Read the ``actors`` parameter: canonical names, in order, without repeats, and the
    (given, canonical) pairs for names given as an alias.

    Any name or alias of the gazetteer (``data/actors.csv``) is accepted, whatever its case
    or typography ("putin", "Zelenskyy", "the Kremlin leader"). ``known_actors`` replaces the
    gazetteer: canonical names, or a mapping of alias to canonical name.
    """
    if value is None:
        return (), ()
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise ParameterError(f"Parameter `actors` must be a list of actor names such as [\"Putin\"], not {value!r}.")
    names = tuple(value)
    for name in names:
        if not isinstance(name, str) or not name.strip():
            raise ParameterError(f"Parameter `actors` must hold actor names as text, not {name!r}.")
    if not names:
        return (), ()
    from kursk_analysis.corpus.text import fold

    known = _known_actor_names() if known_actors is None else known_actors
    table = dict(known) if isinstance(known, Mapping) else {name: name for name in known}
    for canonical in list(table.values()):
        table.setdefault(canonical, canonical)
    lookup = {fold(alias).casefold().strip(): canonical for alias, canonical in table.items()}
    chosen, aliases, unknown = [], [], []
    for name in names:
        canonical = lookup.get(" ".join(fold(name).casefold().split()))
        if canonical is None:
            unknown.append(name)
            continue
        chosen.append(canonical)
        if canonical != name:
            aliases.append((name, canonical))
    if unknown:
        canonicals = sorted(set(table.values()))
        if len(canonicals) <= 12:
            hint = f"known: {', '.join(canonicals) or 'none'}"
        else:
            close = difflib.get_close_matches(fold(unknown[0]).casefold(), list(lookup), n=3, cutoff=0.6)
            near = ", ".join(dict.fromkeys(lookup[c] for c in close))
            hint = (f"closest: {near}; " if near else "") + "data/actors.csv lists every name and alias"
        raise ParameterError(
            f"Parameter `actors` names {', '.join(map(repr, unknown))}, which "
            f"{'is' if len(unknown) == 1 else 'are'} not in the actor gazetteer ({hint})."
        )
    return tuple(dict.fromkeys(chosen)), tuple(dict.fromkeys(aliases))


def _known_actor_names(path=None) -> dict[str, str]:
    """Every name and alias in the gazetteer (``data/actors.csv`` by default), to its
    canonical name."""
    from kursk_analysis.extract.actors import gazetteer  # imported late: the gazetteer loads data the other checks don't need

    table = {}
    frame = gazetteer(path)
    for actor, aliases in zip(frame["actor"].astype(str), frame["aliases"].astype(str)):
        table[actor] = actor
        for alias in filter(None, (a.strip() for a in aliases.split("|"))):
            table.setdefault(alias, actor)
    return table


def _period(start, end) -> dict:
    first, last = _date("start", start), _date("end", end)
    if first and last and first > last:
        raise ParameterError(f"Parameter `start` ({first}) is after `end` ({last}).")
    return {"start": first, "end": last}


def _date(name: str, value) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):  # YAML (papermill -y) reads 2025-03-01 as a date
        return value
    if isinstance(value, str) and ISO_DATE.fullmatch(value.strip()):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise ParameterError(f"Parameter `{name}` must be a date written YYYY-MM-DD (or \"\"), not {value!r}.")
