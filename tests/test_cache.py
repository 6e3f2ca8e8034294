"""The sentence cache: a load gives the same tables cold, warm and with the cache off; a
warm load does not import spaCy; a damaged or unwritable cache costs time, never a result."""
from __future__ import annotations

import subprocess
import sys
from contextlib import nullcontext

import pandas as pd
import pytest

import kursk_analysis as ka
from kursk_analysis.corpus import cache
from kursk_analysis import paths

OTHER_OUTLETS = paths.ROOT / "tests" / "fixtures" / "other_outlets" / "articles.csv"


@pytest.fixture
def cache_folder(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv(cache.ENVIRONMENT_VARIABLE, str(folder))
    return folder


def _tables(corpus: ka.Corpus) -> dict[str, pd.DataFrame]:
    return {"articles": corpus.articles, "paragraphs": corpus.paragraphs,
            "sentences": corpus.sentences, "removed": corpus.removed}


def _assert_same(left: ka.Corpus, right: ka.Corpus) -> None:
    for name, table in _tables(left).items():
        pd.testing.assert_frame_equal(table, _tables(right)[name], check_exact=True, obj=name)
    assert left.texts == right.texts


@pytest.mark.parametrize("manifest", [paths.MANIFEST, OTHER_OUTLETS], ids=["seeds", "other_outlets"])
def test_cold_warm_and_off_give_the_same_tables(manifest, cache_folder, monkeypatch):
    with pytest.warns(ka.CorpusWarning) if manifest == OTHER_OUTLETS else nullcontext():
        cold = ka.load_corpus(manifest)
    files = sorted(cache_folder.glob("sentences-*.json"))
    assert len(files) == 1 and not list(cache_folder.glob(".*.tmp"))
    with pytest.warns(ka.CorpusWarning) if manifest == OTHER_OUTLETS else nullcontext():
        warm = ka.load_corpus(manifest)
    monkeypatch.setenv(cache.ENVIRONMENT_VARIABLE, "off")
    with pytest.warns(ka.CorpusWarning) if manifest == OTHER_OUTLETS else nullcontext():
        off = ka.load_corpus(manifest)
    _assert_same(cold, warm)
    _assert_same(cold, off)
    assert sorted(cache_folder.glob("sentences-*.json")) == files  # the warm load wrote nothing new


def test_a_warm_load_does_not_import_spacy(cache_folder):
    ka.load_corpus()
    probe = "import sys, kursk_analysis as ka; ka.load_corpus(); print('spacy' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_different_texts_get_their_own_entry(cache_folder):
    ka.load_corpus()
    with pytest.warns(ka.CorpusWarning):
        ka.load_corpus(OTHER_OUTLETS)
    assert len(list(cache_folder.glob("sentences-*.json"))) == 2


@pytest.mark.parametrize("damage", ["{not json", "", "[]", '{"a": 1}', "[[[1, 2]]" + ", []" * 4 + "]", '[[["a", 1, 2, 3]]' + ", []" * 4 + "]"])
def test_a_damaged_entry_is_computed_again_and_replaced(damage, cache_folder):
    reference = ka.load_corpus()
    (entry,) = cache_folder.glob("sentences-*.json")
    good = entry.read_bytes()
    entry.write_text(damage, encoding="utf-8")
    _assert_same(ka.load_corpus(), reference)
    assert entry.read_bytes() == good


def test_an_unwritable_cache_folder_only_means_nothing_is_kept(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv(cache.ENVIRONMENT_VARIABLE, str(blocker / "cache"))
    with monkeypatch.context() as off:
        off.setenv(cache.ENVIRONMENT_VARIABLE, "off")
        reference = ka.load_corpus()
    _assert_same(ka.load_corpus(), reference)
    assert blocker.read_text(encoding="utf-8") == "not a folder"


def test_the_folder_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.delenv(cache.ENVIRONMENT_VARIABLE)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache.folder() == tmp_path / "kursk_analysis"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache.folder() == tmp_path / "home" / ".cache" / "kursk_analysis"
    for off in ("off", "", "0", " OFF "):
        monkeypatch.setenv(cache.ENVIRONMENT_VARIABLE, off)
        assert cache.folder() is None


def test_unit_factors_are_pints_and_kept(cache_folder):
    import pint

    from kursk_analysis.extract import figures

    figures.km2_factors.cache_clear()
    try:
        computed = figures.km2_factors()
        (entry,) = cache_folder.glob("units-*.json")
        figures.km2_factors.cache_clear()
        assert figures.km2_factors() == pytest.approx(computed, nan_ok=True)
        expected = pint.UnitRegistry().Quantity(1, "mile ** 2").to("kilometer ** 2").magnitude
        assert computed["sq_mi"] == expected and computed["km2"] == 1.0
        entry.write_text('{"sq_mi": "2.59"}', encoding="utf-8")  # damaged: computed again
        figures.km2_factors.cache_clear()
        assert figures.km2_factors()["sq_mi"] == expected
    finally:
        figures.km2_factors.cache_clear()


def test_stop_words_are_spacys_and_kept(cache_folder):
    from spacy.lang.en.stop_words import STOP_WORDS

    from kursk_analysis.analyses import rhetoric

    assert rhetoric._stop_words() == frozenset(STOP_WORDS)
    (entry,) = cache_folder.glob("stop-words-*.json")
    assert rhetoric._stop_words() == frozenset(STOP_WORDS)  # read back
    entry.write_text("[1, 2]", encoding="utf-8")
    assert rhetoric._stop_words() == frozenset(STOP_WORDS)  # damaged: computed again


def test_an_edited_entry_that_still_parses_is_not_trusted(cache_folder):
    """Issue 13: a well-formed entry with a changed unit factor gave wrong km² on that run
    and the next; the digest of the stored value catches the edit."""
    from kursk_analysis.extract import figures

    figures.km2_factors.cache_clear()
    try:
        good = figures.km2_factors()
        (entry,) = cache_folder.glob("units-*.json")
        text = entry.read_text(encoding="utf-8")
        assert str(good["sq_mi"]) in text
        entry.write_text(text.replace(str(good["sq_mi"]), "9.99"), encoding="utf-8")
        figures.km2_factors.cache_clear()
        assert figures.km2_factors()["sq_mi"] == good["sq_mi"]
        assert entry.read_text(encoding="utf-8") == text  # written anew
    finally:
        figures.km2_factors.cache_clear()


def test_a_fifo_named_like_an_entry_does_not_hang_a_load(cache_folder):
    import os

    reference = ka.load_corpus()
    (entry,) = cache_folder.glob("sentences-*.json")
    entry.unlink()
    os.mkfifo(entry)
    probe = "import kursk_analysis as ka; print(len(ka.load_corpus().sentences))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == str(len(reference.sentences))
