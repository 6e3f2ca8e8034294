"""The spot-check sample and the readable-table helper. Texts are written for these tests."""
from __future__ import annotations

import os
import subprocess
import sys

import pandas as pd

import kursk_analysis as ka
from kursk_analysis.analyses import review
from kursk_analysis.workbook import display


def test_the_sample_is_seeded_and_points_back_to_its_sentences():
    corpus = ka.load_corpus()
    sample, text = review.spot_check(corpus, ("stances", "quotes", "territory_figures"), per_table=4)
    again, _ = review.spot_check(corpus, ("stances", "quotes", "territory_figures"), per_table=4)
    pd.testing.assert_frame_equal(sample, again)
    assert sample["table"].value_counts().to_dict() == {"stances": 4, "quotes": 4, "territory_figures": 4}
    n_stances = len(ka.stances(corpus))
    assert f"4 of the {n_stances} stance rows" in text and "seed 2025" in text
    for row in sample.itertuples():
        sentence = corpus.sentences.set_index("sentence_id").loc[row.sentence_id]
        assert row.sentence == sentence["text"]
        assert sentence["start"] <= row.start < row.end  # the row lies in (or opens in) its sentence
        assert row.rule and row.finding
    other, _ = review.spot_check(corpus, ("stances",), per_table=4, seed=7)
    assert len(other) == 4  # another seed, another draw of the same size


def test_the_sample_does_not_depend_on_the_hash_seed():
    code = ("import warnings; warnings.simplefilter('ignore'); import kursk_analysis as ka;"
            "from kursk_analysis.analyses import review;"
            "print(review.spot_check(ka.load_corpus(), ('stances', 'quotes'), 5)[0][['sentence_id', 'start', 'finding']]"
            ".to_csv(index=False))")
    outputs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                              env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2")}
    assert len(outputs) == 1


def test_a_small_table_is_all_drawn():
    corpus = ka.load_corpus()
    sample, text = review.spot_check(corpus, ("territory_figures",), per_table=100)
    assert len(sample) == len(ka.territory_figures(corpus))
    assert f"{len(sample)} of the {len(sample)} territory figure rows" in text


def test_readable_table_html():
    frame = pd.DataFrame({"outlet": ["A long outlet name", None], "area": [1234.5, float("nan")],
                          "when": [pd.Timestamp("2025-03-12"), pd.NaT]})
    html = display.table(frame, "Areas by outlet", "t01", wide=("outlet",)).to_html()
    assert html == display.table(frame, "Areas by outlet", "t01", wide=("outlet",)).to_html()  # stable ids
    assert "<caption>Areas by outlet</caption>" in html
    assert "row_heading" not in html and "blank level0" not in html  # no index column
    assert html.count(display.MISSING) == 3 and "nan" not in html.lower().replace("nan-", "")
    assert "1,234.5<" in html and "overflow:auto" in html and 'id="T_t01"' in html
    assert "1234.5<" in display.table(frame, "x", "t02", thousands=False).to_html()
    assert ">2025-03-12<" in html  # a day, not a midnight timestamp


def test_every_shown_frame_is_captioned_bounded_and_keeps_its_row_labels():
    from kursk_analysis.workbook.params import check_parameters

    params = check_parameters()
    shown = params.write_table(pd.DataFrame({"actor": ["Vladimir Putin"], "stance": ["asserts"]}), "chronology")
    html = display.frame_html(shown)
    assert "<caption>chronology: one row per actor and stance" in html
    derived = shown[shown["stance"] == "asserts"]  # pandas copies attrs; the caption is not its
    assert derived.attrs["caption"] and "<caption>" not in display.frame_html(derived)
    long = pd.DataFrame({"n": range(display.MAX_ROWS + 5)})
    long.attrs = {"table": "stances", "caption": "stances", "shown_as": id(long)}
    html = display.frame_html(long)
    assert f"the first {display.MAX_ROWS:,} of {display.MAX_ROWS + 5:,} rows; stances.csv" in html
    assert html.count("<tr>") == display.MAX_ROWS + 1
    labelled = pd.DataFrame({"share": [0.5]}, index=pd.Index(["Reuters (000)"], name="article"))
    assert "Reuters (000)" in display.frame_html(labelled)  # the index became a column, not dropped
    first, second = display.frame_html(labelled), display.frame_html(labelled)
    assert first != second  # the same table shown twice gets two ids, in order


def test_markup_in_cells_column_labels_and_captions_is_shown_as_text():
    # Outlet names become column labels in pivots; headlines and quotes are cells.
    frame = pd.DataFrame({"<b>Outlet</b>": ["<script>alert(1)</script>"], "n": [1.5],
                          "headline": ["<img src=x onerror=alert(2)>"]})
    frame.attrs = {"caption": "<i>caption</i>", "shown_as": id(frame)}
    html = display.frame_html(frame)
    for markup in ("<script>", "<img", "<b>Outlet", "<i>caption"):
        assert markup not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "&lt;b&gt;Outlet&lt;/b&gt;" in html
    duplicated = pd.DataFrame([[1, "<script>x</script>"]], columns=["a", "a"])  # the to_html path
    assert "<script>" not in display.frame_html(duplicated)


def test_offsets_are_never_grouped_but_amounts_are():
    frame = pd.DataFrame({"start": [3753], "lead_end": [12000], "words": [29997]})
    html = display.table(frame, "x", "t09").to_html()
    assert ">3753<" in html and ">12000<" in html and ">29,997<" in html
