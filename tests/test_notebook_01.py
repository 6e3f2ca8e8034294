"""notebooks/01_source_comparison.ipynb run by papermill with non-default parameters (what
nbval, which checks the committed default run, cannot see): another corpus, an actor, a
period, an empty selection, a bad parameter. Each run goes into a temporary folder; the
committed notebook is never written."""
from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pandas as pd
import papermill
import pytest
from papermill.exceptions import PapermillExecutionError

from kursk_analysis import paths

NOTEBOOK = paths.NOTEBOOKS / "01_source_comparison.ipynb"
FIXTURES = paths.ROOT / "tests" / "fixtures"
OTHER_OUTLETS = FIXTURES / "other_outlets" / "articles.csv"


def execute(tmp_path: Path, **parameters) -> nbformat.NotebookNode:
    """Run the notebook with ``parameters`` into ``tmp_path`` and return the executed notebook."""
    output = tmp_path / "01_source_comparison.ipynb"
    papermill.execute_notebook(
        str(NOTEBOOK), str(output), parameters=parameters, cwd=str(NOTEBOOK.parent),
        progress_bar=False, request_save_on_cell_execute=False, kernel_name="python3",
    )
    return nbformat.read(output, as_version=4)


def outputs(nb, kind: str = "text") -> str:
    """All stdout text (kind "text") or every text/plain result and stdout (kind "all")."""
    parts = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            if out.output_type == "stream" and out.name == "stdout":
                parts.append(out.text)
            elif kind == "all" and "data" in out:
                parts.append(out.data.get("text/plain", ""))
    return "\n".join(parts)


def errors(nb) -> list[str]:
    return [f"{o.ename}: {o.evalue}" for c in nb.cells for o in c.get("outputs", []) if o.output_type == "error"]


def test_actor_period_and_tables(tmp_path):
    tables = tmp_path / "tables"
    nb = execute(tmp_path, actors=["Vladimir Putin"], start="2025-03-13", end="2025-03-20",
                 output_dir=str(tables))
    assert not errors(nb)
    text = outputs(nb)
    assert "3 of 5 articles selected (published 2025-03-13 to 2025-03-20; dates 2025-03-14 to 2025-03-20); " \
           "actors: Vladimir Putin." in text
    assert "Articles compared: 3." in text
    overview = pd.read_csv(tables / "outlet_overview.csv", dtype={"article_id": str})
    assert list(overview["article_id"]) == ["000", "001", "002"]
    # Only Putin's stance is reported, so NBC (which reports Trump's and Ukraine's) has none.
    assert overview.set_index("article_id")["stance_on_encirclement"].fillna("").tolist() == [
        "asserts: Vladimir Putin", "asserts: Vladimir Putin", ""]
    speakers = pd.read_csv(tables / "quoted_speakers.csv")
    assert set(speakers["speaker"]) == {"Vladimir Putin"}
    # Facts and reuse are about the articles, not the actor: the Post/Reuters reuse stays.
    pairs = pd.read_csv(tables / "reuse_pairs.csv", dtype={"article_a": str, "article_b": str})
    assert (pairs["article_a"].iloc[0], pairs["article_b"].iloc[0]) == ("000", "001")
    for name in ("fact_evidence", "fact_matrix", "omissions", "reuse_share", "shared_passages",
                 "headlines_and_leads", "attribution_registers", "attribution_verbs"):
        assert (tables / f"{name}.csv").is_file(), name


@pytest.mark.parametrize("manifest", [
    FIXTURES / "extraction" / "articles.csv",      # one article has no publication date
    FIXTURES / "other_format" / "articles.csv",    # two short articles, an extra column
])
def test_other_corpora_run(tmp_path, manifest):
    nb = execute(tmp_path, manifest=str(manifest), output_dir=str(tmp_path / "tables"))
    assert not errors(nb)
    matrix = pd.read_csv(tmp_path / "tables" / "fact_matrix.csv")
    articles = pd.read_csv(manifest)
    assert len(matrix.columns) == len(articles) + 2  # fact, one column per article, n_articles
    assert f"Articles compared: {len(articles)}." in outputs(nb)


def test_empty_selection_says_no_rows(tmp_path):
    nb = execute(tmp_path, start="2024-01-01", end="2024-01-31")
    assert not errors(nb)
    shown = outputs(nb, "all")
    assert "0 of 5 articles selected" in shown
    assert "No rows: no article in the selection." in shown
    assert "No rows: no two selected articles share a passage." in shown


def test_bad_parameter_stops_with_one_sentence(tmp_path):
    with pytest.raises(PapermillExecutionError) as raised:
        execute(tmp_path, unit="acres")
    assert raised.value.evalue == 'Parameter `unit` must be "sq_mi" or "km2", not \'acres\'.'
    nb = nbformat.read(tmp_path / "01_source_comparison.ipynb", as_version=4)
    error = [o for c in nb.cells for o in c.get("outputs", []) if o.output_type == "error"]
    assert len(error) == 1 and error[0].traceback == [raised.value.evalue]


@pytest.mark.skipif(not OTHER_OUTLETS.is_file(), reason="tests/fixtures/other_outlets/ not written yet")
def test_twenty_articles_from_other_outlets(tmp_path):
    tables = tmp_path / "tables"
    nb = execute(tmp_path, manifest=str(OTHER_OUTLETS), output_dir=str(tables))
    assert not errors(nb)
    overview = pd.read_csv(tables / "outlet_overview.csv")
    assert len(overview) == len(pd.read_csv(OTHER_OUTLETS))
    assert overview["n_actors"].sum() > 0
    assert (overview["quotes"] + overview["scare_quotes"]).sum() > 0
    evidence = pd.read_csv(tables / "fact_evidence.csv")
    assert evidence["fact"].nunique() >= 3
    assert len(pd.read_csv(tables / "attribution_verbs.csv")) > 0


def conclusions(nb) -> str:
    """The Markdown the conclusions cell computed (the code cell after "## Conclusions")."""
    index = next(i for i, c in enumerate(nb.cells)
                 if c.cell_type == "markdown" and c.source.startswith("## Conclusions"))
    return "".join(o.get("data", {}).get("text/markdown", "") for o in nb.cells[index + 1].outputs)


def test_committed_notebook_is_executed_and_its_conclusions_match_the_printed_numbers():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(c.execution_count is not None for c in code), "execute the notebook before committing it"
    assert code[0].metadata.get("tags") == ["parameters"]
    printed = outputs(nb)
    assert "Articles compared: 5." in printed  # executed with the default parameters
    assert "This notebook describes 5 articles from 5 outlets" in printed
    # Numbers inside a fact's quoted label ("Most of the area retaken (≥ 75%)") are not findings.
    computed = re.sub(r'"[^"]*"', "", conclusions(nb))
    computed = re.sub(r"\d+ of \d+ articles use none", "", computed)
    numbers = re.findall(r"\d+(?:\.\d+)?%|\d+ of \d+|\d+ words", computed)
    assert len(numbers) >= 8
    missing = [n for n in numbers if n not in printed]
    assert not missing, f"the Conclusions state numbers the notebook does not print: {missing}"


def test_thin_notebook_defines_nothing():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert not re.search(r"^\s*(def|class) |lambda", cell.source, re.M), cell.source
