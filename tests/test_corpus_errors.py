"""Bad input gives a CorpusError whose one sentence names the file or row and the problem."""
from __future__ import annotations

import hashlib
import os

import pandas as pd
import pytest

import kursk_analysis as ka
from kursk_analysis.corpus.model import MAX_ARTICLE_BYTES

HEADER = "id,file,outlet,headline,published"
GOOD_TEXT = "Ukrainian troops are not surrounded, officials said. They hold ground.\n"


def write_corpus(folder, rows, header=HEADER, files=None):
    """Write a manifest and article files into ``folder``; return the manifest path."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in (files or {"a.txt": GOOD_TEXT}).items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    manifest = folder / "articles.csv"
    manifest.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return manifest


def error_of(manifest) -> str:
    with pytest.raises(ka.CorpusError) as caught:
        ka.load_corpus(manifest)
    assert isinstance(caught.value, ValueError)
    message = str(caught.value)
    assert "\n" not in message and "Traceback" not in message
    return message


def test_good_minimal_corpus_loads(tmp_path):
    corpus = ka.load_corpus(write_corpus(tmp_path, ["a,a.txt,Outlet,Title,2025-03-14"]))
    assert corpus.sentences["text"].tolist() == [
        "Ukrainian troops are not surrounded, officials said.", "They hold ground."
    ]


def test_manifest_missing(tmp_path):
    message = error_of(tmp_path / "nope.csv")
    assert "nope.csv" in message and "does not exist" in message


def test_manifest_is_a_folder(tmp_path):
    assert "is a folder" in error_of(tmp_path)


def test_manifest_empty(tmp_path):
    manifest = tmp_path / "articles.csv"
    manifest.write_text("")
    assert "is empty" in error_of(manifest)


def test_manifest_header_only(tmp_path):
    manifest = write_corpus(tmp_path, [])
    assert "header but no articles" in error_of(manifest)


def test_missing_required_column_with_hint(tmp_path):
    manifest = write_corpus(tmp_path, ["a,a.txt,Outlet,Title,2025-03-14"],
                            header="id,file,outlet,headline,publishd")
    message = error_of(manifest)
    assert "'published'" in message and "'publishd'" in message and "misspelled" in message


def test_row_with_wrong_number_of_fields(tmp_path):
    manifest = write_corpus(tmp_path, ["a,a.txt,Outlet,Title, with comma,2025-03-14"])
    message = error_of(manifest)
    assert "row 2" in message and "6 fields" in message


def test_duplicate_ids(tmp_path):
    manifest = write_corpus(tmp_path, ["a,a.txt,O,T,2025-03-14", "a,a.txt,O,T,2025-03-14"])
    message = error_of(manifest)
    assert "row 3: id 'a' is repeated (row 2)" in message


def test_ids_differing_only_in_case(tmp_path):
    manifest = write_corpus(tmp_path, ["abc,a.txt,O,T,2025-03-14", "ABC,a.txt,O,T,2025-03-14"])
    assert "differs only in case from 'abc'" in error_of(manifest)


def test_id_with_unsafe_characters(tmp_path):
    manifest = write_corpus(tmp_path, ["a.b,a.txt,O,T,2025-03-14"])
    assert "id 'a.b' may use only" in error_of(manifest)


def test_file_does_not_exist(tmp_path):
    manifest = write_corpus(tmp_path, ["a,missing.txt,O,T,2025-03-14"])
    message = error_of(manifest)
    assert "row 2 (id 'a')" in message and "'missing.txt' does not exist" in message


def test_path_leading_outside_the_corpus(tmp_path):
    manifest = write_corpus(tmp_path / "corpus", ["a,../../etc/passwd,O,T,2025-03-14"])
    message = error_of(manifest)
    assert "'../../etc/passwd' leads outside" in message


def test_symlink_pointing_outside_the_corpus(tmp_path):
    outside = tmp_path / "secret.txt"
    outside.write_text(GOOD_TEXT)
    folder = tmp_path / "corpus"
    manifest = write_corpus(folder, ["a,link.txt,O,T,2025-03-14"])
    os.symlink(outside, folder / "link.txt")
    assert "'link.txt' leads outside" in error_of(manifest)


@pytest.mark.parametrize("content", ["", "   \n\t\n"])
def test_empty_or_whitespace_file(tmp_path, content):
    manifest = write_corpus(tmp_path, ["a,a.txt,O,T,2025-03-14"], files={"a.txt": content})
    assert "'a.txt' is empty or holds only white space" in error_of(manifest)


def test_bytes_that_are_not_utf8(tmp_path):
    latin1 = "Zelensky said the caf\u00e9 was closed.\n".encode("latin-1")
    manifest = write_corpus(tmp_path, ["a,a.txt,O,T,2025-03-14"], files={"a.txt": latin1})
    message = error_of(manifest)
    assert "byte 0xE9 at byte offset 21 (line 1) is not UTF-8" in message and "'a.txt'" in message


def test_nul_byte(tmp_path):
    manifest = write_corpus(tmp_path, ["a,a.txt,O,T,2025-03-14"], files={"a.txt": b"Text\x00more."})
    assert "NUL byte at byte offset 4" in error_of(manifest)


def test_file_over_the_size_limit(tmp_path):
    manifest = write_corpus(tmp_path, ["a,a.txt,O,T,2025-03-14"])
    with open(tmp_path / "a.txt", "wb") as handle:  # sparse: no 5 MB written to disk
        handle.truncate(MAX_ARTICLE_BYTES + 1)
    assert "over the" in error_of(manifest)


@pytest.mark.parametrize("value", ["14/03/2025", "2025-02-30", "March 14", "2025-3-14"])
def test_date_that_is_not_a_date(tmp_path, value):
    manifest = write_corpus(tmp_path, [f'a,a.txt,O,T,"{value}"'])
    assert f"published '{value}' is not a date in the form YYYY-MM-DD" in error_of(manifest)


def test_checksum_mismatch(tmp_path):
    wrong = hashlib.sha256(b"something else").hexdigest()
    manifest = write_corpus(tmp_path, [f"a,a.txt,O,T,2025-03-14,{wrong}"], header=HEADER + ",sha256")
    message = error_of(manifest)
    assert "the file changed" in message and wrong[:12] in message


def test_checksum_match_passes(tmp_path):
    right = hashlib.sha256(GOOD_TEXT.encode()).hexdigest()
    manifest = write_corpus(tmp_path, [f"a,a.txt,O,T,2025-03-14,{right}"], header=HEADER + ",sha256")
    assert len(ka.load_corpus(manifest).articles) == 1


def test_manifest_not_utf8(tmp_path):
    manifest = tmp_path / "articles.csv"
    manifest.write_bytes((HEADER + "\na,a.txt,Caf\u00e9,T,2025-03-14\n").encode("latin-1"))
    assert "articles.csv: byte 0xE9" in error_of(manifest)


def test_missing_date_warns_and_loads(tmp_path):
    manifest = write_corpus(tmp_path, ["a,a.txt,O,T,"])
    with pytest.warns(ka.CorpusWarning, match="no publication date"):
        corpus = ka.load_corpus(manifest)
    assert corpus.articles["published"].isna().all()


def test_html_page_instead_of_text(tmp_path):
    html = "<!DOCTYPE html>\n<html><head><title>Kursk</title></head><body><p>Text.</p></body></html>"
    manifest = write_corpus(tmp_path, ["a,a.txt,O,T,2025-03-14"], files={"a.txt": html})
    assert "'a.txt' is an HTML page, not article text" in error_of(manifest)


@pytest.mark.parametrize(
    "published, expected",
    [("2019-05-01", "is before 2024"), ("2099-01-01", "is in the future")],
)
def test_implausible_dates_load_with_a_warning(tmp_path, published, expected):
    manifest = write_corpus(tmp_path, [f"a,a.txt,O,T,{published}"])
    with pytest.warns(ka.CorpusWarning, match=expected):
        corpus = ka.load_corpus(manifest)
    assert corpus.articles["published"].iloc[0] == pd.Timestamp(published)


def test_implausible_far_future_date(tmp_path):
    manifest = write_corpus(tmp_path, ["a,a.txt,O,T,2999-01-01"])
    assert "published '2999-01-01' is not a plausible publication date" in error_of(manifest)


def test_another_language_loads_with_a_warning(tmp_path):
    russian = ("Украинские войска в Курской области не окружены, заявили в генеральном штабе. "
               "Российские военные утверждают обратное, но доказательств нет. ") * 3
    manifest = write_corpus(tmp_path, ["a,a.txt,O,T,2025-03-14"], files={"a.txt": russian})
    with pytest.warns(ka.CorpusWarning, match="does not look like English"):
        ka.load_corpus(manifest)


def test_unbalanced_quotes_load_with_a_warning(tmp_path):
    text = "\u201cWe are not surrounded, the commander said. Russia disagrees.\n"
    manifest = write_corpus(tmp_path, ["a,a.txt,O,T,2025-03-14"], files={"a.txt": text})
    with pytest.warns(ka.CorpusWarning, match=r"unbalanced quotation marks \(1 \u201c, 0 \u201d"):
        corpus = ka.load_corpus(manifest)
    assert len(corpus.sentences) == 2


def test_one_sentence_article_loads(tmp_path):
    manifest = write_corpus(tmp_path, ["a,a.txt,O,T,2025-03-14"],
                            files={"a.txt": "Ukrainian troops are not surrounded."})
    corpus = ka.load_corpus(manifest)
    assert corpus.sentences["text"].tolist() == ["Ukrainian troops are not surrounded."]


def test_manifest_with_bom_and_crlf_loads(tmp_path):
    manifest = tmp_path / "articles.csv"
    (tmp_path / "a.txt").write_text(GOOD_TEXT)
    manifest.write_bytes(("\ufeff" + HEADER + "\r\na,a.txt,O,T,2025-03-14\r\n").encode("utf-8"))
    corpus = ka.load_corpus(manifest)
    assert corpus.articles["id"].tolist() == ["a"]
    assert corpus.articles["published"].iloc[0] == pd.Timestamp("2025-03-14")


def test_extra_columns_are_carried_through(tmp_path):
    manifest = write_corpus(tmp_path, ["a,a.txt,O,T,2025-03-14,left"], header=HEADER + ",lean")
    assert ka.load_corpus(manifest).articles["lean"].tolist() == ["left"]


def test_failed_load_writes_nothing(tmp_path):
    manifest = write_corpus(tmp_path, ["a,a.txt,O,T,not-a-date"])
    before = sorted((p.name, p.read_bytes()) for p in tmp_path.iterdir())
    error_of(manifest)
    assert sorted((p.name, p.read_bytes()) for p in tmp_path.iterdir()) == before
