"""Issue 13: text cells a spreadsheet would run as formulas are quoted in the CSVs
(OWASP's rule), and chart labels are plain text, cut when very long."""
from __future__ import annotations

import pandas as pd

from kursk_analysis.workbook.params import check_parameters
from kursk_analysis.workbook.spreadsheet import spreadsheet_safe
from kursk_analysis.corpus.text import shorten


def test_formula_cells_are_quoted_and_numbers_left_alone():
    frame = pd.DataFrame({"outlet": ["=cmd|' /C calc'!A0", "+1 news", "-dash", "@home", "\tTab", "Reuters"],
                          "value": [-3, 1, 2, 3, 4, 5],
                          "kind": pd.Categorical(["=x", "b", "c", "d", "e", "f"])})
    safe = spreadsheet_safe(frame)
    assert safe["outlet"].tolist() == ["'=cmd|' /C calc'!A0", "'+1 news", "'-dash", "'@home", "'\tTab", "Reuters"]
    assert safe["value"].tolist() == [-3, 1, 2, 3, 4, 5] and safe["kind"].tolist()[0] == "'=x"
    assert frame["outlet"].iloc[0] == "=cmd|' /C calc'!A0"  # the frame shown in the notebook is unchanged
    pivoted = pd.DataFrame({"fact": ["x"], "=cmd (001)": ["✓"]})
    assert list(spreadsheet_safe(pivoted).columns) == ["fact", "'=cmd (001)"]


def test_every_kind_of_text_column_is_made_safe():
    # pandas' string dtype, an object column mixing text, numbers and gaps, one with no text
    # at all, and a categorical column with a gap: each formula quoted, nothing else changed.
    frame = pd.DataFrame({"text": pd.array(["-5 km", "held", None], dtype="string"),
                          "mixed": ["=1+1", 5, None],
                          "numbers": pd.Series([-1, 2, 3], dtype=object),
                          "kind": pd.Categorical(["@x", None, "y"])})
    safe = spreadsheet_safe(frame)
    assert safe["text"].tolist()[:2] == ["'-5 km", "held"] and pd.isna(safe["text"].iloc[2])
    assert safe["mixed"].tolist() == ["'=1+1", 5, None]
    assert safe["numbers"].tolist() == [-1, 2, 3]
    assert safe["kind"].tolist()[0] == "'@x" and pd.isna(safe["kind"].iloc[1])
    plain = pd.DataFrame({"outlet": pd.array(["Reuters", "CNN"], dtype="string")})
    pd.testing.assert_frame_equal(spreadsheet_safe(plain), plain)


def test_write_table_writes_safe_csv(tmp_path):
    params = check_parameters(output_dir=tmp_path, known_actors=[])
    frame = pd.DataFrame({"outlet": ["=HYPERLINK(\"http://x\")", "CNN"], "n": [1, -2]})
    assert params.write_table(frame, "t") is frame
    assert (tmp_path / "t.csv").read_text(encoding="utf-8-sig") == "outlet,n\n\"'=HYPERLINK(\"\"http://x\"\")\",1\nCNN,-2\n"


def test_chart_labels_are_plain_text_and_cut(tmp_path):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from kursk_analysis.workbook import notebook
    from kursk_analysis.analyses.comparison import plot_sourcing

    notebook.plain_chart_text()
    overview = pd.DataFrame({"article_id": ["a", "b"], "outlet": [r"Outlet $\x$", "The " + "Very " * 165 + "Long"],
                             "named_sources": [2, 1], "anonymous_sources": [1, 0]})
    fig, ax = plt.subplots()
    plot_sourcing(overview, ax)
    fig.canvas.draw()  # mathtext would raise ParseFatalException here
    labels = [tick.get_text() for tick in ax.get_yticklabels()]
    assert labels[0].replace("\n", " ") == r"Outlet $\x$ (a)"
    assert max(len(line) for label in labels for line in label.split("\n")) <= 60
    assert len(labels[1].replace("\n", " ")) <= 70 and "…" in labels[1]
    plt.close(fig)
    assert shorten("x" * 100, 10) == "x" * 9 + "…" and shorten("short", 10) == "short"
