"""The tables a run exports, for R, Excel and pandas alike, and the data dictionary.

Every table a notebook writes (``params.write_table(frame, name)``) goes through
:func:`write_table`, which writes it twice into the notebook's ``<name>_tables/`` folder:

- ``<name>.csv``: UTF-8 with a byte-order mark (Excel then reads "km²" and curly quotes
  right), ``\\n`` line ends, no index, booleans as ``True``/``False``, dates as
  ``YYYY-MM-DD``, empty cells for missing values. All CSV goes through :func:`write_csv`,
  and every cell through :func:`escape_cells` first: the one place a spreadsheet-safety rule
  (escaping cells that start with ``=``, ``+``, ``-``, ``@``) plugs in.
- ``<name>.parquet``: the same table with its types (booleans, integers, dates, categories).

After all notebooks ran, :func:`write_dictionary` writes ``data_dictionary.csv`` next to
``index.html``: one row per exported table and column with its type, unit and meaning
(from :data:`COLUMNS`; a column named after an article, as in the fact matrix, takes its
table's per-article meaning from :data:`TABLES`). A column with no meaning there is a bug
the tests catch.
"""
from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

TABLE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")
DICTIONARY = "data_dictionary"
DICTIONARY_COLUMNS = ["notebook", "table", "column", "type", "unit", "meaning", "table_meaning"]

_UNIT = "the row's `unit` (sq_mi: square miles, km2: km²)"
# table -> (what one row is, meaning of a column named after an article, or None)
TABLES: dict[str, tuple[str, str | None]] = {
    "outlet_overview": ("one row per article: quotes, sources, actors, stance reported", None),
    "quoted_speakers": ("one row per article and quoted speaker", None),
    "fact_evidence": ("one row per key fact and sentence reporting it", None),
    "fact_matrix": ("one row per key fact; one boolean column per article", "True when that article reports the fact"),
    "omissions": ("one row per article and fact it omits while two or more others report it", None),
    "reuse_share": ("share of the row article's words it shares with the column article",
                    "share of the row article's words shared with this article (0-1)"),
    "reuse_pairs": ("one row per pair of articles sharing text", None),
    "shared_passages": ("one row per aligned passage two articles share", None),
    "headlines_and_leads": ("one row per article: headline and lead sentence", None),
    "attribution_registers": ("one row per article: verbs of attribution by register", None),
    "attribution_verbs": ("one row per verb of attribution; one count column per article",
                          "times that article uses the verb"),
    "territory_figures": ("one row per territory figure, with its sentence and offsets", None),
    "held_area": ("one row per territory figure as an area held (the chart's points)", None),
    "events": ("one row per key event dated from the articles (the chart's event lines)", None),
    "reference_held_area": ("one row per outside report (data/reference/) as an area held", None),
    "comparison_with_reference": ("one row per placed figure and the nearest outside report", None),
    "baseline_sensitivity": ("one row per baseline-dependent figure and baseline", None),
    "stances": ("one row per stance on the encirclement claim, with evidence and offsets", None),
    "stance_matrix": ("one row per actor: first assertion and denial", None),
    "chronology": ("one row per actor and stance: the first one, in date order", None),
    "repetitions": ("one row per asserter after the first", None),
    "timeline": ("one row per article, actor and stance (the timeline chart's points)", None),
    "quotes": ("one row per quotation (full or scare quote) with speaker and offsets", None),
    "quotes_full": ("one row per full quotation", None),
    "quotes_scare": ("one row per scare quote", None),
    "phrases": ("one row per key phrase with its provenance", None),
    "phrases_by_side": ("one row per side and phrase", None),
    "outlet_actor": ("one row per outlet and actor: quotations and attributions (the heatmaps)", None),
    "anonymous_sourcing": ("one row per outlet: named and anonymous attributions (the bar chart)", None),
}
# column -> (meaning, unit)
COLUMNS: dict[str, tuple[str, str]] = {
    "article_id": ("the article's id in the manifest", ""),
    "article": ("the article as outlet (id)", ""),
    "outlet": ("the outlet that published the article", ""),
    "headline": ("the article's headline (empty when the copy has none)", ""),
    "published": ("publication date, when known to the day", "date"),
    "sentence_id": ("the sentence's id: <article>.p<paragraph>.s<sentence>", ""),
    "sentence": ("the sentence's text", ""),
    "start": ("offset of the first character in the article's raw text", "characters"),
    "end": ("offset after the last character in the article's raw text", "characters"),
    "evidence": ("the sentence (or passage) that shows the row", ""),
    "corrected": ("True where a correction by hand (corrections.csv) changed the row", ""),
    "correction": ("who corrected the row, when and why (\"who, YYYY-MM-DD: why\"), joined by \"; \" when several did", ""),
    "n_words": ("words in the analysed text", "words"),
    "quotes": ("direct quotations", "count"),
    "scare_quotes": ("scare quotes (short quoted fragments)", "count"),
    "named_sources": ("attributions to named sources", "count"),
    "anonymous_sources": ("attributions to anonymous sources", "count"),
    "share_anonymous": ("anonymous attributions / all attributions", "fraction 0-1"),
    "n_actors": ("distinct actors mentioned", "count"),
    "stance_on_encirclement": ("who the article reports asserting or denying the encirclement", ""),
    "speaker": ("the quoted speaker (canonical gazetteer name, or the phrase used)", ""),
    "speaker_text": ("the speaker as written in the text", ""),
    "first_quote": ("the first quotation by this speaker in the article", ""),
    "fact": ("the key fact (its rule's label or name)", ""),
    "label": ("human-readable label", ""),
    "n_articles": ("articles reporting it", "count"),
    "lead": ("the article's first analysed sentence", ""),
    "omits": ("the fact the article does not report", ""),
    "n_others": ("other articles that report it", "count"),
    "reported_by": ("the articles that report it", ""),
    "article_a": ("first article of the pair", ""),
    "article_b": ("second article of the pair", ""),
    "outlet_a": ("outlet of article_a", ""),
    "outlet_b": ("outlet of article_b", ""),
    "shared_words": ("words the two share (verbatim and paraphrased)", "words"),
    "share_of_a": ("shared words / words of article_a", "fraction 0-1"),
    "share_of_b": ("shared words / words of article_b", "fraction 0-1"),
    "verbatim_words": ("words in verbatim runs of ten or more", "words"),
    "paraphrase_words": ("words in paraphrased sentence pairs", "words"),
    "n_passages": ("aligned passages", "count"),
    "article (row shares with column)": ("the row article", ""),
    "sentence_id_a": ("sentence id in article_a", ""),
    "text_a": ("the passage in article_a", ""),
    "sentence_id_b": ("sentence id in article_b", ""),
    "text_b": ("the passage in article_b", ""),
    "kind": ("kind of row (verbatim/paraphrase; quote/scare; reference measure kind)", ""),
    "similarity": ("similarity of the two passages", "fraction 0-1"),
    "neutral": ("neutral verbs of attribution (said, told)", "count"),
    "descriptive": ("descriptive verbs of attribution (confirmed, denied)", "count"),
    "loaded": ("loaded verbs of attribution (claimed, slammed)", "count"),
    "total": ("all verbs of attribution", "count"),
    "share_loaded": ("loaded / all verbs of attribution", "fraction 0-1"),
    "loaded_verbs": ("the loaded verbs used", ""),
    "lemma": ("the verb's base form", ""),
    "register": ("neutral, descriptive or loaded", ""),
    "as_of": ("the date the figure applies to (empty: no date, e.g. 'at the peak')", "date"),
    "as_of_basis": ("how as_of was found: publication, text or peak", ""),
    "claimant": ("who made the claim (canonical name or the phrase used)", ""),
    "claimant_actor": ("the claimant's gazetteer name, when known", ""),
    "claimant_group": ("the claimant's group (Russian, Ukrainian, US, European officials, monitors...)", ""),
    "claimant_source": ("named or anonymous", ""),
    "figure": ("the figure as written", ""),
    "direction": ("held, seized, lost or retaken", ""),
    "qualifier": ("hedge written with the figure (nearly, about, under...)", ""),
    "value_low": ("low end of the figure as written (empty: open)", "the row's `unit` (sq_mi, km2, percent)"),
    "value_high": ("high end of the figure as written (empty: open)", "the row's `unit` (sq_mi, km2, percent)"),
    "unit": ("the unit of the row's areas", ""),
    "km2_low": ("value_low in km² (empty for percentages)", "km²"),
    "km2_high": ("value_high in km² (empty for percentages)", "km²"),
    "basis": ("the rule that turned the figure into an area held", ""),
    "baseline_dependent": ("True when the baseline moves this row", ""),
    "baseline_km2": ("the baseline (100 %) used for this row", "km²"),
    "baseline": ("which baseline", ""),
    "chosen": ("True for the baseline the notebook uses", ""),
    "held_low": ("low end of the area held (empty: open)", _UNIT),
    "held_high": ("high end of the area held (empty: open)", _UNIT),
    "held_km2_low": ("low end of the area held", "km²"),
    "held_km2_high": ("high end of the area held", "km²"),
    "note": ("why the row cannot be placed, or a caveat", ""),
    "ref_date": ("date of the nearest outside report", "date"),
    "ref_claimant": ("who made the outside report", ""),
    "ref_figure": ("the outside report's figure", ""),
    "ref_low": ("low end of the outside report's area held", _UNIT),
    "ref_high": ("high end of the outside report's area held", _UNIT),
    "ref_line": ("line of the outside report in data/reference/", "line number"),
    "days_apart": ("article date minus report date", "days"),
    "diff_low": ("article low minus reference high", _UNIT),
    "diff_high": ("article high minus reference low", _UNIT),
    "ranges_overlap": ("True when both claims can be true at once", ""),
    "number": ("the event's number on the chart", ""),
    "event": ("the event's key", ""),
    "date_start": ("first day of the date", "date"),
    "date_end": ("last day of the date", "date"),
    "granularity": ("how precise the date is (day, week, month, ...)", ""),
    "source": ("where the row comes from (rule or table)", ""),
    "time_text": ("the time expression as written", ""),
    "date": ("the date of the row (empty: none known)", "date"),
    "date_precision": ("how precise the date is", ""),
    "measure": ("what the outside report measures", ""),
    "line": ("line in data/reference/", "line number"),
    "articles": ("articles", "count"),
    "named": ("attributions to named sources", "count"),
    "anonymous": ("attributions to anonymous sources", "count"),
    "order": ("position in date order", ""),
    "actor": ("the actor (canonical gazetteer name, or the name as the text gives it)", ""),
    "side": ("the actor's side in the gazetteer (unknown: not in it)", ""),
    "stance": ("asserts or denies the claim", ""),
    "role": ("how the actor takes the stance (holder, speaker, quoted)", ""),
    "date_basis": ("how the date was found (text or publication date)", ""),
    "days_after_first_assertion": ("days after the first assertion by anyone", "days"),
    "first_asserted": ("first date the actor asserted it", "date"),
    "first_denied": ("first date the actor denied it", "date"),
    "articles_asserting": ("articles reporting the actor asserting it", "count"),
    "articles_denying": ("articles reporting the actor denying it", "count"),
    "after": ("the asserter this one came after", ""),
    "linked_to": ("an earlier asserter the coverage ties this assertion to", ""),
    "attributions": ("attributions (X said, according to X)", "count"),
    "phrase": ("the phrase", ""),
    "actors": ("actors using it", ""),
    "sources": ("how the phrase was found", ""),
    "quote": ("the quotation", ""),
    "attribution": ("how the speaker was found", ""),
    "rule": ("the rule that produced the row (named in the extractor's module: stance, figures, timex)", ""),
    "in_gazetteer": ("whether the actor is in the gazetteer (False: named from the text alone)", ""),
    "speaker_in_gazetteer": ("whether the speaker is in the gazetteer (empty: no speaker)", ""),
}


def escape_cells(frame: pd.DataFrame) -> pd.DataFrame:
    """Every exported CSV's cells pass through here first: text a spreadsheet would run as
    a formula is quoted (:func:`kursk_analysis.workbook.spreadsheet.spreadsheet_safe`)."""
    from kursk_analysis.workbook.spreadsheet import spreadsheet_safe

    return spreadsheet_safe(frame)


def write_csv(frame: pd.DataFrame, path: Path) -> Path:
    """Write ``frame`` as CSV the one way the workbook does: UTF-8 with BOM, ``\\n``, no index."""
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        escape_cells(frame).to_csv(handle, index=False, lineterminator="\n", date_format="%Y-%m-%d")
    return path


def _for_parquet(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    out.columns = [str(c) for c in out.columns]
    for column in out.columns:
        values = out[column]
        if values.dtype == object and not values.map(lambda v: v is None or isinstance(v, str)
                                                     or (isinstance(v, float) and v != v)).all():
            out[column] = values.map(lambda v: None if v is None or (isinstance(v, float) and v != v)
                                     else str(v))
    return out


def write_table(frame: pd.DataFrame, folder: Path, name: str) -> pd.DataFrame:
    """Write ``frame`` as ``<folder>/<name>.csv`` and ``.parquet``; return it unchanged."""
    if not TABLE_NAME.fullmatch(name):
        raise ValueError(f"Table name {name!r} must be a plain file name such as 'territory_figures'.")
    folder.mkdir(parents=True, exist_ok=True)
    write_csv(frame, folder / f"{name}.csv")
    _for_parquet(frame).to_parquet(folder / f"{name}.parquet", index=False)
    return frame


def _type(dtype) -> str:
    if isinstance(dtype, pd.CategoricalDtype):
        return "category"
    if pd.api.types.is_bool_dtype(dtype):
        return "boolean"
    if pd.api.types.is_integer_dtype(dtype):
        return "integer"
    if pd.api.types.is_float_dtype(dtype):
        return "number"
    if pd.api.types.is_datetime64_any_dtype(dtype):
        return "date"
    return "text"


def describe(table: str, column: str) -> tuple[str, str]:
    """``(meaning, unit)`` of one exported column; meaning "" when nothing describes it."""
    if column in COLUMNS:
        return COLUMNS[column]
    per_article = TABLES.get(table, ("", None))[1]
    if per_article:
        return per_article, "count" if table == "attribution_verbs" else ""
    return "", ""


def dictionary(output: Path) -> pd.DataFrame:
    """The data dictionary of every table exported under ``output/*_tables/``."""
    rows = []
    for parquet in sorted(output.glob("*_tables/*.parquet")):
        notebook, table = parquet.parent.name.removesuffix("_tables"), parquet.stem
        frame = pd.read_parquet(parquet)
        for column in frame.columns:
            meaning, unit = describe(table, column)
            rows.append((notebook, table, column, _type(frame[column].dtype), unit, meaning,
                         TABLES.get(table, ("", None))[0]))
    return pd.DataFrame(rows, columns=DICTIONARY_COLUMNS)


def write_dictionary(output: Path) -> Path:
    """Write ``output/data_dictionary.csv`` (and ``.parquet``); return the CSV's path."""
    frame = dictionary(output)
    write_csv(frame, output / f"{DICTIONARY}.csv")
    frame.to_parquet(output / f"{DICTIONARY}.parquet", index=False)
    return output / f"{DICTIONARY}.csv"
