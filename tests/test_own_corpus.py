"""A researcher's own corpus, end to end: a manifest from a folder and from a JSON Lines
export (both written here, in the test's own words), the three notebooks run on each with
and without date bounds through the command line, and the reports checked: nothing written
for the bundled corpus, undated articles counted, the baseline within its bound, every
exported table in the data dictionary and consistent with it."""
from __future__ import annotations

import html
import json
import os
import stat

import pandas as pd
import pytest

import kursk_analysis as ka
from kursk_analysis.workbook import cli, exports
from kursk_analysis.analyses.timeline import MAX_FRONTLINE_KM2

# Four short articles, written for this test.
ARTICLES = [
    {
        "id": "hw-0314", "outlet": "Harbour Wire", "title": "Brigade says its lines hold in Kursk",
        "date": "2025-03-14T09:30:00+02:00", "url": "https://harbour-wire.example/kursk-lines",
        "text": (
            "Ukrainian commanders said on Thursday that their units in Russia's Kursk region were not "
            "encircled.\n\n"
            "\"Our positions hold and the supply roads stay open,\" a brigade spokesman told reporters.\n\n"
            "A Russian regional governor claimed that the Ukrainian troops had been surrounded.\n\n"
            "Analysts at an independent mapping group estimated that Ukraine still held about 200 square "
            "kilometres, down from roughly 1,100 square kilometres at the peak of its offensive.\n\n"
            "A blogger wrote that Ukraine held 29,997 square kilometres, an area the size of the whole region.\n"),
    },
    {
        "id": "nl-03", "outlet": "Northern Ledger", "title": "A month of retreat on the border",
        "date": "2025-03", "url": "https://northern-ledger.example/retreat",
        "text": (
            "Last month the front line near the border shifted quickly.\n\n"
            "Officials said on Tuesday that Ukraine had lost about half of the ground it seized in "
            "August 2024.\n\n"
            "Volodymyr Zelensky said the soldiers were \"not surrounded\" and called the claims a "
            "fabrication.\n\n"
            "Two Western officials, speaking on condition of anonymity, said there was no sign of an "
            "encirclement.\n"),
    },
    {
        "id": "pc-notes", "outlet": "Plains Courier", "title": "Field notes from the border",
        "date": "", "url": "https://plains-courier.example/notes",
        "text": (
            "A military blogger wrote that Ukrainian soldiers were trapped near the town.\n\n"
            "Western officials said there was no evidence that the troops were encircled.\n\n"
            "The Ukrainian army said it held roughly 150 square miles of Russian territory.\n"),
    },
    {
        "id": "dd-0320", "outlet": "Delta Daily", "title": "Claims and denials over Kursk",
        "date": "20 March 2025", "url": "https://delta-daily.example/claims",
        "text": (
            "Donald Trump said on Wednesday that thousands of Ukrainian soldiers were \"completely "
            "surrounded\" in Kursk.\n\n"
            "Ukraine's General Staff denied that its troops were encircled, calling the statement "
            "false.\n\n"
            "By mid-March Ukrainian forces held less than 100 square kilometres, a monitoring group "
            "said.\n"),
    },
]
FOLDER_NAMES = {"hw-0314": "2025-03-14_harbour.txt", "nl-03": "nl-03.txt",
                "pc-notes": "pc-notes.md", "dd-0320": "2025-03-20_delta.txt"}
# What was written for the five bundled articles and must never appear on another corpus.
BUNDLED_PHRASES = ["Gerasimov", "CNN", "live blog", "Spokesman-Review", "New York Post", "Reuters",
                   "NBC News", "9,846", "nearly 500 square miles"]


def write_folder(folder):
    folder.mkdir(parents=True)
    for article in ARTICLES:
        (folder / FOLDER_NAMES[article["id"]]).write_text(article["text"], encoding="utf-8")
    metadata = folder.parent / "metadata.csv"
    # Dates for the two files whose names carry none; the others are read from the file name.
    pd.DataFrame([{"id": FOLDER_NAMES[a["id"]].rsplit(".", 1)[0], "outlet": a["outlet"], "title": a["title"],
                   "url": a["url"], "date": "" if FOLDER_NAMES[a["id"]][0].isdigit() else a["date"]}
                  for a in ARTICLES]).to_csv(metadata, index=False)
    return metadata


def write_jsonl(path):
    with open(path, "w", encoding="utf-8") as handle:
        for a in ARTICLES:  # Media Cloud-like field names
            handle.write(json.dumps({"stories_id": a["id"], "url": a["url"], "media_name": a["outlet"],
                                     "title": a["title"], "publish_date": a["date"], "text": a["text"]}) + "\n")
    return path


def read_only(folder):
    for path in [*folder.iterdir(), folder]:
        path.chmod(path.stat().st_mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))


def test_manifest_from_a_folder_keeps_texts_in_place_and_never_overwrites(tmp_path, capsys):
    texts = tmp_path / "texts"
    metadata = write_folder(texts)
    read_only(texts)
    manifest = tmp_path / "work" / "articles.csv"
    assert cli.main(["manifest", str(texts), "--metadata", str(metadata), "-o", str(manifest)]) == 0
    assert f"--root {texts}" in capsys.readouterr().out
    rows = pd.read_csv(manifest, dtype=str, keep_default_na=False).set_index("id")
    assert rows.loc["2025-03-14_harbour", "published"] == "2025-03-14"
    assert rows.loc["2025-03-14_harbour", "date_basis"] == "file name"
    assert rows.loc["pc-notes", "published"] == "" and rows.loc["pc-notes", "outlet"] == "Plains Courier"
    assert rows.loc["nl-03", "published"] == "2025-03" and rows.loc["nl-03", "date_basis"] == "date column (ISO partial date)"
    assert rows["sha256"].str.fullmatch(r"[0-9a-f]{64}").all()
    assert cli.main(["manifest", str(texts), "-o", str(manifest)]) == 2
    assert "exists; pass --force" in capsys.readouterr().err
    with pytest.warns(ka.CorpusWarning):
        corpus = ka.load_corpus(manifest, root=texts)
    assert len(corpus.articles) == 4
    with pytest.raises(ka.CorpusError, match="leads outside"):  # escapes stay refused by default
        ka.load_corpus(manifest)


def test_manifest_from_a_jsonl_export(tmp_path):
    export = write_jsonl(tmp_path / "export.jsonl")
    manifest = tmp_path / "corpus" / "articles.csv"
    assert cli.main(["manifest", str(export), "-o", str(manifest)]) == 0
    rows = pd.read_csv(manifest, dtype=str, keep_default_na=False).set_index("id")
    # The date as written in its own offset, whatever the machine's time zone.
    assert rows.loc["hw-0314", "published"] == "2025-03-14"
    assert rows.loc["nl-03", "published"] == "2025-03"
    assert rows.loc["dd-0320", "published"] == "2025-03-20"
    assert rows.loc["dd-0320", "date_basis"] == "publish_date column (written date)"
    assert rows.loc["pc-notes", "date_basis"] == "unknown"
    assert (manifest.parent / "texts" / "hw-0314.txt").read_text(encoding="utf-8") == ARTICLES[0]["text"]
    (manifest.parent / "texts" / "nl-03.txt").write_text("changed", encoding="utf-8")
    manifest.unlink()
    with pytest.raises(ka.CorpusError, match="exists with other text; pass --force"):
        from kursk_analysis.corpus.manifest import write_manifest
        write_manifest(export, manifest)


def reports_text(output) -> str:
    pages = [html.unescape(p.read_text(encoding="utf-8")) for p in sorted(output.glob("*.html"))]
    return "\n".join(pages)


def prose_text(output) -> str:
    """What the notebooks say in sentences: printed text and Markdown results (the tables of
    the outside reports in data/reference/, the same for every corpus, are not prose)."""
    import nbformat

    parts = []
    for path in sorted(output.glob("*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            for out in cell.get("outputs", []):
                if out.get("output_type") == "stream":
                    parts.append(out.text)
                parts.append(out.get("data", {}).get("text/markdown", ""))
    return "\n".join(parts)


def check_exports(output):
    dictionary = pd.read_csv(output / "data_dictionary.csv", encoding="utf-8-sig", keep_default_na=False)
    assert "data_dictionary.csv" in (output / "index.html").read_text(encoding="utf-8")
    assert (dictionary["meaning"] != "").all(), dictionary[dictionary["meaning"] == ""]
    for parquet in sorted(output.glob("*_tables/*.parquet")):
        csv = parquet.with_suffix(".csv")
        assert csv.read_bytes().startswith(b"\xef\xbb\xbf"), csv
        table = pd.read_parquet(parquet)
        listed = dictionary[(dictionary["table"] == parquet.stem)
                            & (dictionary["notebook"] == parquet.parent.name.removesuffix("_tables"))]
        assert listed["column"].tolist() == [str(c) for c in table.columns], parquet
        assert pd.read_csv(csv, encoding="utf-8-sig").columns.tolist() == listed["column"].tolist()
    for name in ("stances", "quotes", "territory_figures", "timeline"):
        found = list(output.glob(f"*_tables/{name}.parquet"))
        assert found, name
        assert {"sentence_id", "start", "end"} <= set(pd.read_parquet(found[0]).columns), name
    matrix = pd.read_parquet(output / "01_source_comparison_tables" / "fact_matrix.parquet")
    assert all(matrix[c].dtype == bool for c in matrix.columns if c not in ("fact", "n_articles"))
    return dictionary


def test_own_corpus_end_to_end(tmp_path, capsys):
    texts = tmp_path / "texts"
    metadata = write_folder(texts)
    read_only(texts)
    from_folder = tmp_path / "a" / "articles.csv"
    assert cli.main(["manifest", str(texts), "--metadata", str(metadata), "-o", str(from_folder)]) == 0
    from_export = tmp_path / "b" / "articles.csv"
    assert cli.main(["manifest", str(write_jsonl(tmp_path / "export.jsonl")), "-o", str(from_export)]) == 0
    # A reviewer's corrections beside the second manifest: a stance flipped, a speaker named.
    (from_export.parent / "corrections.csv").write_text(
        "table,article_id,sentence_id,key,field,value,who,when,why\n"
        "stances,dd-0320,dd-0320.p02.s01,Ukrainian General Staff,stance,asserts,R. Checker,2026-11-30,Flip for the test.\n"
        "quotes,hw-0314,hw-0314.p02.s01,102,speaker,Western officials,R. Checker,2026-11-30,Named two lines up.\n",
        encoding="utf-8")
    capsys.readouterr()

    open_run = tmp_path / "open"
    assert cli.main(["run", "--manifest", str(from_folder), "--root", str(texts), "--output", str(open_run),
                     "-p", "actors", "[zelensky, Trump, ukrainian general staff]"]) == 0
    err = capsys.readouterr().err
    assert "corpus warning" in err and "1 no publication date" in err and "(--verbose lists them)" in err
    assert "'zelensky' read as Volodymyr Zelensky" in err
    bounded = tmp_path / "bounded"
    assert cli.main(["run", "--manifest", str(from_export), "--output", str(bounded), "-p", "start", "2025-03-10",
                     "-p", "end", "2025-03-31", "-p", "undated", "drop"]) == 0

    bundled = ka.load_corpus()
    sentences = [s for s in bundled.sentences["text"] if len(s) > 50]
    for output in (open_run, bounded):
        text = reports_text(output)
        assert "This notebook describes 4 articles from 4 outlets" in text
        prose = prose_text(output)
        leaked = [s for s in sentences if s in text] + [p for p in BUNDLED_PHRASES if p in prose]
        assert not leaked, leaked
        assert "Notes on the corpus" in text and "CorpusWarning" not in text
        check_exports(output)
        held = pd.read_parquet(output / "02_territory_timeline_tables" / "held_area.parquet")
        assert held["baseline_km2"].dropna().le(MAX_FRONTLINE_KM2).all()
        placed = held.dropna(subset=["held_km2_high"])
        assert placed["held_km2_high"].le(MAX_FRONTLINE_KM2).all()
    open_text = reports_text(open_run)
    assert "2 dated to the day, 2025-03-14 to 2025-03-20; 1 only to the month or year (2025-03); 1 with no publication date" in open_text
    assert "Volodymyr Zelensky, Donald Trump, Ukrainian General Staff." in open_text  # canonical names, from the CLI
    assert "The largest area any article says Ukraine held or seized is **1,100 km²**" in prose_text(open_run)
    assert "29,997" in open_text and "the size of a region" in open_text
    bounded_text = reports_text(bounded)
    assert "2 corrections by hand from corrections.csv are applied (1 to quotes, 1 to stances)" in bounded_text
    assert "No corrections by hand are applied" in open_text
    rhetoric_page = html.unescape((bounded / "03_actor_rhetoric.html").read_text(encoding="utf-8"))
    assert "R. Checker, 2026-11-30: Flip for the test." in rhetoric_page  # the chronology row
    assert "R. Checker, 2026-11-30: Named two lines up." in rhetoric_page  # the quote row
    assert "Ukrainian General Staff" in rhetoric_page
    # The month-dated and the undated article cannot be placed within 10-31 March: left out, and said so.
    assert "2 articles have no date that places them within 2025-03-10 to 2025-03-31" in bounded_text
    assert "left out (parameter `undated` is \"drop\")" in bounded_text
    assert "2 of 4 articles selected" in bounded_text
