"""notebooks/02_territory_timeline.ipynb run by papermill with non-default parameters (what
nbval, which checks the committed default run, cannot see): km² and an explicit baseline, a
period and a claimant, other corpora (undated articles, no territory figures at all, twenty
articles from other outlets), bad parameters. Each run goes into a temporary folder; the
committed notebook is never written."""
from __future__ import annotations

import ast
from pathlib import Path

import nbformat
import pandas as pd
import papermill
import pytest
from papermill.exceptions import PapermillExecutionError

from kursk_analysis import paths

NOTEBOOK = paths.NOTEBOOKS / "02_territory_timeline.ipynb"
FIXTURES = paths.ROOT / "tests" / "fixtures"
OTHER_OUTLETS = FIXTURES / "other_outlets" / "articles.csv"
TABLES = ["territory_figures", "held_area", "events", "reference_held_area",
          "comparison_with_reference", "baseline_sensitivity"]


def execute(tmp_path: Path, **parameters) -> nbformat.NotebookNode:
    """Run the notebook with ``parameters`` into ``tmp_path`` and return the executed notebook."""
    output = tmp_path / NOTEBOOK.name
    papermill.execute_notebook(
        str(NOTEBOOK), str(output), parameters=parameters, cwd=str(NOTEBOOK.parent),
        progress_bar=False, request_save_on_cell_execute=False, kernel_name="python3",
    )
    return nbformat.read(output, as_version=4)


def stdout(nb) -> str:
    return "\n".join(o.text for c in nb.cells for o in c.get("outputs", [])
                     if o.output_type == "stream" and o.name == "stdout")


def errors(nb) -> list[str]:
    return [f"{o.ename}: {o.evalue}" for c in nb.cells for o in c.get("outputs", [])
            if o.output_type == "error"]


def pngs(nb) -> int:
    return sum("image/png" in o.get("data", {}) for c in nb.cells for o in c.get("outputs", []))


def test_km2_explicit_baseline_and_period(tmp_path):
    tables = tmp_path / "tables"
    nb = execute(tmp_path, unit="km2", baseline_km2=1376, start="2024-12-01", end="2025-03-19",
                 output_dir=str(tables))
    assert not errors(nb)
    text = stdout(nb)
    assert "Kept 5 for 2024-12-01 to 2025-03-19, claimed by all claimants. 2 figures have no date" in text
    assert "Baseline for percentages: 1,376 km², set by the `baseline_km2` parameter." in text
    # 86% retaken of 1,376 km² leaves 192.6 km²; "lost about half" leaves 688 km².
    held = pd.read_csv(tables / "held_area.csv", dtype={"article_id": str})
    assert held["unit"].unique().tolist() == ["km2"]
    assert held.loc[held["figure"] == "86%", "held_low"].item() == pytest.approx(192.6)
    # The peak is the baseline, as on the chart and in the explorer.
    assert "Peak area held (the baseline): 1,376 km² (set by the `baseline_km2` parameter)." in text
    assert "Latest area held: 51.8 to 77.7 km² as of 2025-03-19" in text
    events = pd.read_csv(tables / "events.csv")
    assert "incursion" not in events["event"].tolist()  # August 2024 is outside the period
    assert "putin_trump_call" in events["event"].tolist()
    for name in TABLES:
        assert (tables / f"{name}.csv").is_file(), name
    assert pngs(nb) == 2


def test_one_claimant(tmp_path):
    tables = tmp_path / "tables"
    nb = execute(tmp_path, actors=["Valery Gerasimov"], output_dir=str(tables))
    assert not errors(nb)
    figures = pd.read_csv(tables / "territory_figures.csv")
    assert figures["figure"].tolist() == ["86%"]
    # The baseline still comes from the whole corpus, not from the selected claimant.
    assert "the corpus' own peak figure (the largest area held or seized, up to 5,000 km²): \"nearly 500 square miles\"" in stdout(nb)
    assert "Latest area held: 70 sq mi as of 2025-03-12" in stdout(nb)


def test_undated_articles_are_listed_not_drawn(tmp_path):
    nb = execute(tmp_path, manifest=str(FIXTURES / "figures" / "articles.csv"))
    assert not errors(nb)
    text = stdout(nb)
    assert "20 territory figures in 4 articles; 8 without a date (4 dated only 'at the peak', 4 in articles without a day of publication)" in text
    assert "12 of 20 figures are placed on the chart; 8 cannot be:" in text
    assert "\"480 sq mi\" (Test no-date, f02.p02.s02): no date" in text
    assert "the corpus' own peak figure (the largest area held or seized, up to 5,000 km²): \"1,376 square kilometres\"" in text


def test_corpus_without_territory_figures_says_so(tmp_path):
    nb = execute(tmp_path, manifest=str(FIXTURES / "reuse" / "manifest.csv"))
    assert not errors(nb)
    text = stdout(nb)
    assert "The corpus has no territory figures" in text
    assert "No baseline: the corpus has no area figure" in text
    assert "No dated figure for the area Ukraine held could be placed" in text
    assert pngs(nb) == 2  # the charts still draw, saying there is nothing to show


def test_share_without_baseline_is_not_placed(tmp_path):
    nb = execute(tmp_path, manifest=str(FIXTURES / "other_format" / "articles.csv"))
    assert not errors(nb)
    assert "\"86%\" (Local Paper, beta.p02.s01): a share needs a baseline" in stdout(nb)


@pytest.mark.parametrize("parameters, message", [
    ({"unit": "acres"}, 'Parameter `unit` must be "sq_mi" or "km2", not \'acres\'.'),
    ({"baseline_km2": -5}, "Parameter `baseline_km2` must be a positive number of square "
                           "kilometres (or None to derive it from the corpus), not -5."),
    ({"start": "2025-03-20", "end": "2025-03-01"},
     "Parameter `start` (2025-03-20) is after `end` (2025-03-01)."),
])
def test_bad_parameter_stops_with_one_sentence(tmp_path, parameters, message):
    with pytest.raises(PapermillExecutionError) as raised:
        execute(tmp_path, **parameters)
    assert raised.value.evalue == message
    nb = nbformat.read(tmp_path / NOTEBOOK.name, as_version=4)
    error = [o for c in nb.cells for o in c.get("outputs", []) if o.output_type == "error"]
    assert len(error) == 1 and error[0].traceback == [message]


@pytest.mark.skipif(not OTHER_OUTLETS.is_file(), reason="tests/fixtures/other_outlets/ not written yet")
def test_twenty_articles_from_other_outlets(tmp_path):
    tables = tmp_path / "tables"
    nb = execute(tmp_path, manifest=str(OTHER_OUTLETS), output_dir=str(tables))
    assert not errors(nb)
    figures = pd.read_csv(tables / "territory_figures.csv")
    assert figures["article_id"].nunique() >= 10
    held = pd.read_csv(tables / "held_area.csv")
    assert held["held_low"].notna().sum() + held["held_high"].notna().sum() > 10
    assert set(held["claimant_group"].dropna()) >= {"Russian officials", "Ukrainian officials"}
    assert len(pd.read_csv(tables / "comparison_with_reference.csv")) > 0
    assert len(pd.read_csv(tables / "events.csv")) >= 2
    assert "Peak area held (the baseline):" in stdout(nb) and "Latest area held:" in stdout(nb)


def test_committed_notebook_is_thin_executed_and_its_conclusions_match_the_printed_numbers():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code[0].metadata.get("tags") == ["parameters"]
    assert all(c.execution_count for c in code), "execute the committed notebook"
    logic = (ast.FunctionDef, ast.ClassDef, ast.Lambda, ast.For, ast.While, ast.If, ast.IfExp,
             ast.comprehension)
    for cell in code:
        found = [type(node).__name__ for node in ast.walk(ast.parse(cell.source)) if isinstance(node, logic)]
        assert not found, f"logic in the notebook ({found}): {cell.source[:60]!r}"
        for out in cell.outputs:
            assert not (out.output_type == "stream" and out.name == "stderr"), out.text
            assert out.output_type != "error"
    printed = stdout(nb)
    assert nb.cells[-2].source.startswith("## Conclusions")
    conclusions = "".join(o.get("data", {}).get("text/markdown", "") for o in nb.cells[-1].outputs)
    for number in ("500 sq mi", "20 to 30 sq mi as of 2025-03-20", "94% to 96%",
                   "1,295 km² (500 sq mi) (corpus peak)"):
        assert number in printed, number
    for number in ("500 sq mi (1,295 km²)", "20 to 30 sq mi as of 2025-03-20", "94% to 96%",
                   "4 of 5 placed figures"):
        assert number in conclusions, number
    assert "4 of 5 article figures overlap" in printed
