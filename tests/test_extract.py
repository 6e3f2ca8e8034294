"""The Dask extract (``kursk-analysis extract``) against the in-process tables.

A small corpus is written by the tests (the seed texts and the synthetic other-outlet
articles copied under a manifest of their own, plus one verbatim copy that lands in another
chunk). Every extract runs on a local cluster of two worker processes with one thread each;
no test times anything, and every wait has a generous limit.
"""
from __future__ import annotations

import csv
import json
import os
import shutil
import signal
import threading
import time
import warnings

import pandas as pd
import pytest

import kursk_analysis as ka
from kursk_analysis.corpus import model as corpus_module
from kursk_analysis.workbook import batch as ex
from kursk_analysis import paths

CHUNK = 4
OTHER_OUTLETS = paths.ROOT / "tests" / "fixtures" / "other_outlets" / "articles.csv"
LIMIT = 300  # seconds: far beyond what any step takes; only a hang reaches it


def write_corpus(folder):
    folder.mkdir(parents=True)
    rows = []
    for manifest in (paths.MANIFEST, OTHER_OUTLETS):
        with manifest.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                name = f"{row['id']}.txt"
                shutil.copyfile(manifest.parent / row["file"], folder / name)
                rows.append({key: row[key] for key in ("id", "outlet", "headline", "published")} | {"file": name})
    rows.append({**rows[6], "id": "zz-copy"})  # the same text as a row two chunks earlier
    with (folder / "articles.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return folder / "articles.csv"


@pytest.fixture(scope="module")
def manifest(tmp_path_factory):
    return write_corpus(tmp_path_factory.mktemp("extract") / "corpus")


@pytest.fixture(scope="module")
def expected(manifest):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ka.CorpusWarning)
        corpus = ka.load_corpus(manifest)
    return {name: function(corpus) for name, function in ex._tables().items()}


@pytest.fixture(scope="module")
def cluster():
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as local:
        yield local


@pytest.fixture(scope="module")
def finished(manifest, tmp_path_factory):
    """An extract made the way the command makes it: its own two-worker local cluster."""
    out = tmp_path_factory.mktemp("finished") / "out"
    summary = ex.extract(manifest, out, workers=2, chunk_size=CHUNK)
    return out, summary


def ordered(frame: pd.DataFrame) -> pd.DataFrame:
    key = ["article_id"] if "article_id" in frame else ["id"]
    key += ["start"] if "start" in frame else []
    return frame.sort_values(key, kind="stable").reset_index(drop=True)


def assert_same_tables(out, expected):
    got = ka.read_extract(out)
    assert list(got) == list(ex.TABLES)
    for name in ex.TABLES:
        assert len(expected[name]) > 0, name  # every table has rows here, so equality says something
        pd.testing.assert_frame_equal(ordered(got[name]), ordered(expected[name]), obj=name)


def test_table_list_is_the_extractors():
    assert tuple(ex._tables()) == ex.TABLES


def test_two_worker_local_cluster_gives_the_in_process_tables(finished, expected):
    out, summary = finished
    assert (summary.articles, summary.chunks, summary.computed, summary.reused) == (26, 7, 7, 0)
    assert len(list((out / "quotes").glob("chunk-*.parquet"))) == 7
    assert any("no publication date" in line for line in summary.warnings)
    assert_same_tables(out, expected)


def test_a_killed_worker_still_gives_identical_tables(manifest, expected, tmp_path):
    from distributed import Client, LocalCluster

    out = tmp_path / "out"
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as local, \
            Client(local) as client:
        failure = []

        def run():
            try:
                ex.extract(manifest, out, scheduler=local.scheduler_address, chunk_size=1)
            except BaseException as error:  # reported by the test thread below
                failure.append(error)

        thread = threading.Thread(target=run)
        thread.start()
        deadline = time.monotonic() + LIMIT
        victim = None
        while victim is None and time.monotonic() < deadline and thread.is_alive():
            busy = {worker: keys for worker, keys in client.processing().items() if keys}
            if len(list((out / ex.MARKERS).glob("*.json"))) >= 1 and busy:
                victim = sorted(busy)[0]
            else:
                time.sleep(0.05)
        assert victim is not None, "the extract ended before a worker could be killed"
        done_at_kill = len(list((out / ex.MARKERS).glob("*.json")))
        pid = client.run(os.getpid, workers=[victim])[victim]
        os.kill(pid, signal.SIGKILL)
        thread.join(LIMIT)
        assert not thread.is_alive() and not failure, failure
    assert done_at_kill < 26  # the worker died in the middle of the extract
    assert_same_tables(out, expected)


def test_an_interrupted_extract_resumes_from_its_finished_chunks(finished, manifest, expected, cluster, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(finished[0], out)
    metadata = json.loads((out / ex.METADATA).read_text())
    (out / ex.METADATA).write_text(json.dumps({**metadata, "complete": False}))
    # As a run stopped mid-way leaves it: chunks 1 and 5 never finished (chunk 5 wrote some
    # of its tables, no marker), chunk 3 had its marker and lost a file, and a temporary file
    # was left behind.
    for number in (1, 5):
        (out / ex.MARKERS / f"chunk-{number:06d}.json").unlink()
    (out / "quotes" / "chunk-000001.parquet").unlink()
    (out / "stances" / "chunk-000003.parquet").unlink()
    (out / "quotes" / ".chunk-000004.parquet.x.tmp").write_bytes(b"half a file")
    kept = (out / "actors" / "chunk-000000.parquet").stat().st_mtime_ns
    with pytest.raises(ex.ExtractError, match="unfinished"):
        ka.read_extract(out)

    summary = ex.extract(manifest, out, scheduler=cluster.scheduler_address, chunk_size=CHUNK)
    assert (summary.computed, summary.reused) == (3, 4)
    assert (out / "actors" / "chunk-000000.parquet").stat().st_mtime_ns == kept
    assert_same_tables(out, expected)


def test_a_stale_extract_is_refused(finished, manifest, cluster, tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(manifest.parent, corpus)
    out = tmp_path / "out"
    shutil.copytree(finished[0], out)
    metadata = json.loads((out / ex.METADATA).read_text())
    (out / ex.METADATA).write_text(json.dumps({**metadata, "manifest": str(corpus / "articles.csv")}))
    ka.read_extract(out, tables=["leads"])  # the copied manifest is the same: accepted
    text = (corpus / "articles.csv").read_text(encoding="utf-8")
    (corpus / "articles.csv").write_text(text.replace(",2025-03-16,", ",2025-03-17,", 1), encoding="utf-8")
    with pytest.raises(ex.ExtractError, match="is stale: .* changed since it was extracted"):
        ka.read_extract(out)
    with pytest.raises(ex.ExtractError, match="another manifest"):
        ex.extract(corpus / "articles.csv", out, scheduler=cluster.scheduler_address, chunk_size=CHUNK)
    with pytest.raises(ex.ExtractError, match="--chunk-size 4"):
        ex.extract(manifest, finished[0], scheduler=cluster.scheduler_address, chunk_size=5)
    with pytest.raises(ex.ExtractError, match="other extraction rules"):
        (out / ex.METADATA).write_text(json.dumps({**metadata, "rule_digest": "0" * 64}))
        ka.read_extract(out)


def test_a_folder_that_is_not_an_extract_is_refused(manifest, tmp_path):
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(ex.ExtractError, match="is not an extract folder"):
        ex.extract(manifest, tmp_path, workers=1, chunk_size=CHUNK)
    with pytest.raises(ex.ExtractError, match="has no extract.json"):
        ka.read_extract(tmp_path)
    with pytest.raises(ex.ExtractError, match="chunk size"):
        ex.extract(manifest, tmp_path / "new", chunk_size=0)


def test_iter_manifest_checks_rows_as_read_manifest_does(manifest, tmp_path):
    frame, lines = corpus_module.read_manifest(manifest)
    chunks = list(corpus_module.iter_manifest(manifest, CHUNK))
    assert [len(f) for f, _ in chunks] == [4, 4, 4, 4, 4, 4, 2]
    pd.testing.assert_frame_equal(pd.concat([f for f, _ in chunks], ignore_index=True), frame)
    assert [line for _, chunk_lines in chunks for line in chunk_lines] == lines
    bad = tmp_path / "articles.csv"
    text = manifest.read_text(encoding="utf-8").splitlines()
    bad.write_text("\n".join([*text, text[1].replace(text[1].split(",")[0], "OO01", 1)]) + "\n", encoding="utf-8")
    with pytest.raises(ka.CorpusError, match=r"row 28: id 'OO01' differs only in case from 'oo01' \(row 7\)"):
        list(corpus_module.iter_manifest(bad, CHUNK))


def test_the_command_says_what_is_wrong_in_one_sentence(manifest, tmp_path, capsys):
    from kursk_analysis.workbook.cli import main

    (tmp_path / "notes.txt").write_text("mine")
    assert main(["extract", "--manifest", str(manifest), "--out", str(tmp_path), "--workers", "1"]) == 2
    error = capsys.readouterr().err.strip()
    assert error.startswith("error: ") and error.endswith("is not an extract folder; give a new or empty folder.")
    assert "\n" not in error


@pytest.fixture(scope="module")
def shuffled(manifest, cluster, tmp_path_factory):
    """The corpus with its rows reversed (ids no longer in sorted order, so tables sorted by
    article id differ from manifest order), extracted on the module's cluster."""
    rows = list(csv.DictReader(manifest.open(encoding="utf-8", newline="")))[::-1]
    folder = manifest.parent.parent / "shuffled"
    folder.mkdir()
    for row in rows:
        shutil.copyfile(manifest.parent / row["file"], folder / row["file"])
    with (folder / "articles.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    out = tmp_path_factory.mktemp("shuffled-extract") / "out"
    ex.extract(folder / "articles.csv", out, scheduler=cluster.scheduler_address, chunk_size=CHUNK)
    return folder / "articles.csv", out


def _load(manifest, **options):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ka.CorpusWarning)
        return ka.load_corpus(manifest, **options)


def test_an_attached_extract_gives_the_tables_the_extractors_compute_without_computing_them(shuffled, monkeypatch):
    from kursk_analysis.extract import actors, figures, framing, quotes, stance, timex
    from kursk_analysis.workbook import notebook
    from kursk_analysis.workbook.params import check_parameters

    manifest, out = shuffled
    computed = _load(manifest)
    expected = {name: function(computed) for name, function in ex._tables().items()}
    assert list(expected["stances"]["article_id"]) != sorted(expected["stances"]["article_id"], key=list(
        computed.articles["id"]).index)  # the in-process order is not manifest order here
    for module, name in ((actors, "_actors"), (quotes, "_compute"), (stance, "_compute"),
                         (figures, "_territory"), (timex, "_extract"), (framing, "_attribution_verbs"),
                         (framing, "_leads")):
        monkeypatch.setattr(module, name, lambda *a, **k: pytest.fail("an attached table was computed"))
    corpus = notebook.load(check_parameters(manifest=str(manifest), extract=str(out)))
    for name, function in ex._tables().items():
        pd.testing.assert_frame_equal(function(corpus), expected[name], obj=name)


def test_an_extract_of_another_corpus_or_gazetteer_is_refused(shuffled, manifest, tmp_path):
    from kursk_analysis.errors import ParameterError
    from kursk_analysis.workbook.params import check_parameters

    shuffled_manifest, out = shuffled
    with pytest.raises(ex.ExtractError, match="was made from .*shuffled.*, not from .*corpus"):
        ex.attach(_load(manifest), out)  # the same articles, in another order
    own = tmp_path / "actors.csv"
    shutil.copyfile(paths.DATA / "actors.csv", own)
    with pytest.raises(ex.ExtractError, match="was made with the bundled gazetteer"):
        ex.attach(_load(shuffled_manifest, gazetteer=own), out)
    with pytest.raises(ParameterError, match="which is not an extract folder"):
        check_parameters(extract=str(tmp_path))


def test_the_reports_from_an_extract_equal_the_reports_computed(shuffled, tmp_path, monkeypatch):
    from kursk_analysis.workbook.run import default_notebooks, run

    manifest, out = shuffled
    computed, read = tmp_path / "computed", tmp_path / "read"
    run(default_notebooks(), output=computed, manifest=str(manifest))
    monkeypatch.chdir(out.parent)  # -p extract is read relative to where the command runs
    run(default_notebooks(), output=read, manifest=str(manifest), parameters={"extract": out.name})
    tables = sorted(p.relative_to(computed) for p in computed.glob("*_tables/*.csv"))
    assert len(tables) >= 25 and tables == sorted(p.relative_to(read) for p in read.glob("*_tables/*.csv"))
    differ = [str(t) for t in tables if (computed / t).read_bytes() != (read / t).read_bytes()]
    assert differ == []

    # Above SHARED_TABLES_MIN articles the runner computes the tables once and every notebook
    # reads them: the same reports again. (Below it, as for `computed`, it writes no extract.)
    from kursk_analysis.workbook import run as runner

    assert not (computed / "extract").exists()
    monkeypatch.setattr(runner, "SHARED_TABLES_MIN", 20)  # this corpus has 26 articles
    shared = tmp_path / "shared"
    run(default_notebooks(), output=shared, manifest=str(manifest))
    assert json.loads((shared / "extract" / ex.METADATA).read_text())["articles"] == 26
    for executed in sorted(shared.glob("0*.ipynb")):
        injected = next(c for c in json.loads(executed.read_text())["cells"]
                        if "injected-parameters" in c["metadata"].get("tags", []))
        assert f'extract = "{shared / "extract"}"' in "".join(injected["source"]), executed.name
    differ = [str(t) for t in tables if (computed / t).read_bytes() != (shared / t).read_bytes()]
    assert differ == []


def test_write_extract_refuses_what_an_extract_cannot_hold(manifest, tmp_path):
    corpus = _load(manifest)
    with pytest.raises(ex.ExtractError, match="not empty"):
        (tmp_path / "full").mkdir()
        (tmp_path / "full" / "notes.txt").write_text("mine")
        ex.write_extract(corpus, tmp_path / "full")
    assert (tmp_path / "full" / "notes.txt").read_text() == "mine"
    gazetteer = tmp_path / "actors.csv"
    shutil.copyfile(paths.DATA / "actors.csv", gazetteer)
    with pytest.raises(ex.ExtractError, match="bundled gazetteer"):
        ex.write_extract(_load(manifest, gazetteer=gazetteer), tmp_path / "other")
    assert not (tmp_path / "other").exists()


def test_precompute_on_a_process_pool_gives_the_serial_tables(shuffled, monkeypatch):
    from kursk_analysis.extract import quotes, stance

    manifest, _ = shuffled
    serial = _load(manifest)
    expected = {name: function(serial) for name, function in ex._tables().items()}
    corpus = ex.precompute(_load(manifest), workers=2, chunk_size=CHUNK)
    monkeypatch.setattr(quotes, "_compute", lambda *a: pytest.fail("quotes computed again in the parent"))
    monkeypatch.setattr(stance, "_compute", lambda *a: pytest.fail("stances computed again in the parent"))
    for name, function in ex._tables().items():
        pd.testing.assert_frame_equal(function(corpus), expected[name], obj=name)


def test_sentences_split_on_a_process_pool_are_the_serial_ones(shuffled, monkeypatch):
    manifest, _ = shuffled
    monkeypatch.setenv("KURSK_ANALYSIS_CACHE", "off")  # split every time, never read back
    monkeypatch.setattr(corpus_module, "SEGMENT_CHUNK", 4)  # 26 articles: seven chunks
    serial = _load(manifest)
    pooled_calls = []
    for step in ("_read_on_pool", "_segment_on_pool"):
        original = getattr(corpus_module, step)
        monkeypatch.setattr(corpus_module, step, lambda *a, step=step, original=original:
                            pooled_calls.append(step) or original(*a))
    pooled = _load(manifest, workers=2)
    assert pooled_calls == ["_read_on_pool", "_segment_on_pool"]  # the pool read and split them
    for name in ("articles", "paragraphs", "sentences", "removed"):
        pd.testing.assert_frame_equal(getattr(pooled, name), getattr(serial, name), obj=name)
    assert pooled.texts == serial.texts


def _said(manifest, **options):
    """What loading says: its warnings in order, then its error (None if it loads)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            ka.load_corpus(manifest, corrections="", **options)
            error = None
        except ka.CorpusError as found:
            error = str(found)
    return [(w.category, str(w.message)) for w in caught], error


def test_reading_on_a_process_pool_warns_and_fails_as_reading_here_does(shuffled, monkeypatch, tmp_path):
    manifest, _ = shuffled
    monkeypatch.setenv("KURSK_ANALYSIS_CACHE", "off")
    monkeypatch.setattr(corpus_module, "SEGMENT_CHUNK", 4)
    serial = _said(manifest)
    assert len(serial[0]) >= 3 and serial[1] is None  # undated seeds: warnings to compare
    assert _said(manifest, workers=2) == serial

    # A file missing in the fifth chunk, after undated rows in earlier chunks: the same
    # warnings before the same error.
    rows = list(csv.DictReader(manifest.open(encoding="utf-8", newline="")))
    rows[17]["file"] = "no-such-article.txt"
    broken = tmp_path / "articles.csv"
    with broken.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    for row in rows:
        if row["file"] != "no-such-article.txt":
            shutil.copyfile(manifest.parent / row["file"], tmp_path / row["file"])
    serial = _said(broken)
    assert "no-such-article.txt" in serial[1] and serial[0]
    assert _said(broken, workers=2) == serial
