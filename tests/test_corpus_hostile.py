"""Issue 13: careless input the loader must name in one sentence: reserved column names,
unreadable files, folders and FIFOs given as files, UTF-16 text, a sha256 that is no digest."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

import kursk_analysis as ka
from test_corpus_errors import GOOD_TEXT, HEADER, error_of, write_corpus

ROW = "a,a.txt,Outlet,Title,2025-03-14"


@pytest.mark.parametrize("column", ["n_words", "n_sentences"])
def test_a_column_with_a_computed_name_is_refused(tmp_path, column):
    manifest = write_corpus(tmp_path, [ROW + ",12"], header=HEADER + f",{column}")
    assert error_of(manifest) == (
        f"{manifest}: the column name '{column}' is reserved for what the loader computes "
        "(n_paragraphs, n_sentences, n_removed, n_words); rename it.")


def test_other_extra_columns_are_still_carried_through(tmp_path):
    corpus = ka.load_corpus(write_corpus(tmp_path, [ROW + ",12"], header=HEADER + ",word_count"))
    assert corpus.articles["word_count"].tolist() == ["12"]


def test_unreadable_manifest_and_article(tmp_path, monkeypatch):
    manifest = write_corpus(tmp_path, [ROW])
    original = Path.read_bytes

    def refusing(name):
        def read_bytes(path):
            if path.name == name:
                raise PermissionError(13, "Permission denied")  # chmod 000 (the tests may run as root)
            return original(path)
        return read_bytes

    monkeypatch.setattr(Path, "read_bytes", refusing("articles.csv"))
    assert error_of(manifest) == f"Manifest {manifest} cannot be read (Permission denied)."
    monkeypatch.setattr(Path, "read_bytes", refusing("a.txt"))
    assert error_of(manifest) == f"{manifest}, row 2 (id 'a'): file 'a.txt' cannot be read (Permission denied)."


def test_folders_and_fifos_are_not_said_to_be_missing(tmp_path):
    manifest = write_corpus(tmp_path, ["a,folder,Outlet,Title,2025-03-14"])
    (tmp_path / "folder").mkdir()
    assert error_of(manifest) == f"{manifest}, row 2 (id 'a'): file 'folder' is a folder, not a text file."
    os.mkfifo(tmp_path / "pipe")
    manifest = write_corpus(tmp_path, ["a,pipe,Outlet,Title,2025-03-14"])
    assert error_of(manifest) == (
        f"{manifest}, row 2 (id 'a'): file 'pipe' is not a regular file (a FIFO, socket or device), not a text file.")
    os.mkfifo(tmp_path / "manifest.pipe")
    assert error_of(tmp_path / "manifest.pipe") == (
        f"Manifest {tmp_path / 'manifest.pipe'} is not a regular file (a FIFO, socket or device), not a CSV file.")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-32"])
def test_utf16_text_is_named_as_such(tmp_path, encoding):
    manifest = write_corpus(tmp_path, [ROW], files={"a.txt": GOOD_TEXT.encode(encoding)})
    assert error_of(manifest) == (
        f"{manifest}, row 2 (id 'a'): file 'a.txt' is encoded as UTF-16 or UTF-32, not UTF-8; re-save it as UTF-8.")
    (tmp_path / "wide.csv").write_bytes((HEADER + "\n" + ROW + "\n").encode(encoding))
    assert error_of(tmp_path / "wide.csv") == (
        f"Manifest {tmp_path / 'wide.csv'} is encoded as UTF-16 or UTF-32, not UTF-8; re-save the file as UTF-8.")


def test_a_sha256_that_is_not_a_digest(tmp_path):
    manifest = write_corpus(tmp_path, [ROW + ",not-a-digest"], header=HEADER + ",sha256")
    assert error_of(manifest) == (
        f"{manifest}, row 2 (id 'a'): sha256 'not-a-digest' is not a SHA-256 digest (64 hexadecimal digits); "
        "fix it or leave it empty.")
