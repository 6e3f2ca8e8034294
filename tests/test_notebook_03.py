"""Notebook 03 (actor rhetoric) run by papermill with non-default parameters.

nbval checks the committed notebook with its defaults; these runs check what it cannot
see: the ``actors`` and ``start``/``end`` parameters narrowing every table, another corpus
(the extraction fixtures, one of them undated), the tables written to ``output_dir``, and a
bad parameter stopping the notebook with its one sentence. Output notebooks go to a
temporary folder, never next to the committed one.
"""
from __future__ import annotations

from pathlib import Path

import nbformat
import papermill
import pandas as pd
import pytest

from kursk_analysis import paths

NOTEBOOK = paths.NOTEBOOKS / "03_actor_rhetoric.ipynb"
FIXTURES = Path(__file__).parent / "fixtures"
OTHER_OUTLETS = FIXTURES / "other_outlets" / "articles.csv"


def _run(tmp_path: Path, name: str, **parameters) -> tuple[nbformat.NotebookNode, Path]:
    out_dir = tmp_path / f"{name}_tables"
    output = tmp_path / f"{name}.ipynb"
    papermill.execute_notebook(
        str(NOTEBOOK), str(output), parameters={"output_dir": str(out_dir), **parameters},
        kernel_name="python3", cwd=str(paths.NOTEBOOKS), progress_bar=False,
    )
    return nbformat.read(output, as_version=4), out_dir


def _printed(nb) -> str:
    return "".join(o.get("text", "") for cell in nb.cells for o in cell.get("outputs", [])
                   if o.get("output_type") == "stream")


def _errors_and_stderr(nb) -> list:
    """Error outputs and stderr, except the loader's warnings about the input (an undated
    article, unbalanced quotation marks): those are meant for the reader."""
    return [o for cell in nb.cells for o in cell.get("outputs", [])
            if o.get("output_type") == "error"
            or o.get("name") == "stderr" and "CorpusWarning" not in o.get("text", "")]


@pytest.fixture(scope="module")
def trump_march(tmp_path_factory):
    return _run(tmp_path_factory.mktemp("nb03"), "trump",
                actors=["Donald Trump"], start="2025-03-13", end="2025-03-15")


def test_actor_and_period_narrow_every_table(trump_march):
    nb, tables = trump_march
    assert not _errors_and_stderr(nb)
    printed = _printed(nb)
    assert "Parameters: period 2025-03-13 to 2025-03-15, rows it cannot place kept (`undated` = \"keep\"); Donald Trump." in printed
    assert "First to assert the encirclement: Donald Trump, on 2025-03-14." in printed
    assert "First denial: nobody in this selection denies it." in printed
    assert "Actors asserting: 1; actors denying: 0." in printed
    matrix = pd.read_csv(tables / "stance_matrix.csv")
    assert matrix["actor"].tolist() == ["Donald Trump"]
    assert matrix["first_asserted"].tolist() == ["2025-03-14"]
    full = pd.read_csv(tables / "quotes_full.csv")
    assert full["actor"].tolist() == ["Donald Trump"]
    assert full["quote"].str.contains("completely surrounded").all()
    phrases = pd.read_csv(tables / "phrases_by_side.csv")
    assert phrases["phrase"].tolist() == ["completely surrounded"]
    counts = pd.read_csv(tables / "outlet_actor.csv")
    assert set(counts["actor"]) == {"Donald Trump"} and set(counts["outlet"]) == {"NBC News"}


def test_another_corpus_with_an_undated_article(tmp_path):
    nb, tables = _run(tmp_path, "extraction", manifest=str(FIXTURES / "extraction" / "articles.csv"))
    assert not _errors_and_stderr(nb)
    printed = _printed(nb)
    assert "This notebook describes 3 articles from 3 outlets" in printed
    matrix = pd.read_csv(tables / "stance_matrix.csv")
    assert len(matrix) > 0 and matrix["articles_denying"].sum() > 0
    assert len(pd.read_csv(tables / "quotes_full.csv")) > 0
    for name in ("chronology", "phrases", "outlet_actor", "anonymous_sourcing", "timeline"):
        assert (tables / f"{name}.csv").is_file()


def test_a_corpus_without_stances_or_quotes_says_so(tmp_path):
    folder = tmp_path / "plain"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Farmers in the region planted wheat this spring.\n\n"
        "The harvest is expected to be larger than last year.\n", encoding="utf-8")
    (folder / "articles.csv").write_text(
        "id,file,outlet,headline,published\np1,a.txt,Farm Weekly,Wheat planted,2025-03-10\n",
        encoding="utf-8")
    nb, tables = _run(tmp_path, "plain", manifest=str(folder / "articles.csv"))
    assert not _errors_and_stderr(nb)
    printed = _printed(nb)
    assert "This corpus has no sentence in which an actor asserts or denies the encirclement." in printed
    assert "This corpus has no quotations." in printed
    assert "First to assert the encirclement: nobody in this selection." in printed
    assert pd.read_csv(tables / "stance_matrix.csv").empty


@pytest.mark.skipif(not OTHER_OUTLETS.is_file(), reason="tests/fixtures/other_outlets/ not written yet")
def test_twenty_articles_from_other_outlets(tmp_path):
    nb, tables = _run(tmp_path, "other", manifest=str(OTHER_OUTLETS))
    assert not _errors_and_stderr(nb)
    assert len(pd.read_csv(tables / "stance_matrix.csv")) > 0
    assert len(pd.read_csv(tables / "quotes_full.csv")) + len(pd.read_csv(tables / "quotes_scare.csv")) > 0
    assert len(pd.read_csv(tables / "outlet_actor.csv")) > 0
    assert "First to assert the encirclement: nobody" not in _printed(nb)


def test_unknown_actor_stops_with_one_sentence(tmp_path):
    with pytest.raises(papermill.PapermillExecutionError) as caught:
        _run(tmp_path, "nobody", actors=["Nobody"])
    assert caught.value.ename == "ParameterError"
    assert caught.value.evalue.startswith("Parameter `actors` names 'Nobody', which is not in the actor gazetteer")
    nb = nbformat.read(tmp_path / "nobody.ipynb", as_version=4)
    [error] = [o for cell in nb.cells for o in cell.get("outputs", []) if o.get("output_type") == "error"]
    assert error["traceback"] == [caught.value.evalue]  # the sentence, no traceback into the package
