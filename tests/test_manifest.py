"""kursk-analysis manifest: dates read from common forms, exports in news-API shapes,
one-sentence errors, nothing overwritten without --force."""
from __future__ import annotations

import json

import pandas as pd
import pytest

import kursk_analysis as ka
from kursk_analysis.corpus.manifest import ManifestError, parse_date, write_manifest


@pytest.mark.parametrize("value, expected", [
    ("2025-03-12", ("2025-03-12", "ISO date")),
    ("2025-03-12T23:30:00-05:00", ("2025-03-12", "ISO date")),  # the date as written, not moved to UTC
    ("2025-03-12 08:00:00", ("2025-03-12", "ISO date")),
    ("2025-03", ("2025-03", "ISO partial date")),
    ("2025", ("2025", "ISO partial date")),
    ("March 12, 2025", ("2025-03-12", "written date")),
    ("Mar. 12 2025", ("2025-03-12", "written date")),
    ("12 March 2025", ("2025-03-12", "written date")),
    ("Wed, 12 Mar 2025 10:00:00 GMT", ("2025-03-12", "RFC 2822 date")),
    ("03/04/2025", ("", "")),  # day-first or month-first: never guessed
    ("2025-02-30", ("", "")),
    ("", ("", "")),
])
def test_dates_in_common_forms(value, expected):
    assert parse_date(value) == expected


def test_csv_export_in_a_news_api_shape(tmp_path):
    export = tmp_path / "export.csv"
    pd.DataFrame([
        {"uuid": "x/1", "link": "https://www.example.org/a", "title": "A", "publishedAt": "2025-03-14T10:00:00Z",
         "content": "Officials said the troops were not surrounded."},
        {"uuid": "x/2", "link": "https://news.example.net/b", "title": "B", "publishedAt": "soon",
         "content": "A second text about the front line."},
    ]).to_csv(export, index=False)
    manifest = tmp_path / "m" / "articles.csv"
    written = write_manifest(export, manifest)
    assert (written.rows, written.texts_written, written.undated, written.root) == (2, 2, 1, None)
    rows = pd.read_csv(manifest, dtype=str, keep_default_na=False)
    assert rows["id"].tolist() == ["x_1", "x_2"]
    assert rows["outlet"].tolist() == ["example.org", "news.example.net"]  # from the URL's domain
    assert rows["date_basis"].tolist() == ["publishedAt column (ISO date)", "unread date 'soon' in publishedAt"]
    with pytest.warns(ka.CorpusWarning, match="no publication date"):
        assert len(ka.load_corpus(manifest).articles) == 2
    with pytest.raises(ManifestError, match="exists; pass --force"):
        write_manifest(export, manifest)
    assert write_manifest(export, manifest, force=True).texts_written == 0  # same texts: nothing rewritten


def test_newsapi_nested_source_and_bad_lines(tmp_path):
    export = tmp_path / "export.jsonl"
    export.write_text(json.dumps({"id": "n1", "source": {"id": None, "name": "Example News"},
                                  "title": "T", "publishedAt": "2025-03-14", "text": "Some text here."}) + "\n",
                      encoding="utf-8")
    write_manifest(export, tmp_path / "a.csv")
    assert pd.read_csv(tmp_path / "a.csv")["outlet"].tolist() == ["Example News"]
    export.write_text('{"id": "n1", "title": "no text"}\n', encoding="utf-8")
    with pytest.raises(ManifestError, match=r"export.jsonl, line 1: no article text"):
        write_manifest(export, tmp_path / "b.csv")
    export.write_text("{not json\n", encoding="utf-8")
    with pytest.raises(ManifestError, match=r"export.jsonl, line 1: not valid JSON"):
        write_manifest(export, tmp_path / "c.csv")


def test_absolute_paths_load_only_inside_the_root_the_user_names(tmp_path):
    texts = tmp_path / "elsewhere"
    texts.mkdir()
    (texts / "a.txt").write_text("Officials said the troops were not surrounded.\n", encoding="utf-8")
    manifest = tmp_path / "m" / "articles.csv"
    manifest.parent.mkdir()
    manifest.write_text(f"id,file,outlet,headline,published\na,{texts / 'a.txt'},O,T,2025-03-14\n",
                        encoding="utf-8")
    with pytest.raises(ka.CorpusError, match="leads outside .*name the folder the texts live in with root="):
        ka.load_corpus(manifest)
    assert len(ka.load_corpus(manifest, root=texts).articles) == 1
