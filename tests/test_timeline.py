"""Unit tests for kursk_analysis.analyses.timeline on the five seed articles, hand-checked against the text.

The numbers: "nearly 500 square miles" at the peak (Reuters, open-source reports) is
1,294.99 km²; "only 20 to 30 square miles" (Reuters, 19 March 2025) and "just 20 to 30
square miles" (New York Post, 20 March); US officials' "lost about half" (27 Dec 2024);
Gerasimov's "86%" reclaimed (CNN, 12 March 2025). 1 sq mi = 2.589988 km².
"""
from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

import kursk_analysis as ka
from kursk_analysis.analyses import timeline
from kursk_analysis.workbook.params import check_parameters

SQ_MI = 2.589988110336  # km² per square mile


@pytest.fixture(scope="module")
def table(corpus):
    return timeline.figure_table(corpus)


@pytest.fixture(scope="module")
def baseline(table):
    return timeline.choose_baseline(table)


@pytest.fixture(scope="module")
def held(table, baseline):
    return timeline.held_areas(table, baseline, "sq_mi")


def _row(frame, sentence_id, figure):
    rows = frame[(frame["sentence_id"] == sentence_id) & (frame["figure"] == figure)]
    assert len(rows) == 1, f"expected one row for {figure!r} in {sentence_id}, got {len(rows)}"
    return rows.iloc[0]


# ----------------------------------------------------------------------------- figure table


def test_figure_table_has_every_figure_with_outlet_sentence_and_group(table):
    assert len(table) == 7
    assert list(table.columns) == timeline.FIGURE_COLUMNS
    gerasimov = _row(table, "004.p04.s01", "86%")
    assert gerasimov["outlet"] == "CNN"
    assert gerasimov["claimant_actor"] == "Valery Gerasimov"
    assert gerasimov["claimant_group"] == "Russian officials"
    assert gerasimov["claimant_source"] == "named"
    assert gerasimov["sentence"].startswith("Russia has reclaimed 86% of the area")
    half = _row(table, "003.p02.s01", "about half")
    assert (half["claimant_group"], half["claimant_source"]) == ("US officials", "anonymous")
    osint = _row(table, "000.p08.s02", "only 20 to 30 square miles")
    assert osint["claimant_group"] == "open-source monitors / independent"
    assert (osint["value_low"], osint["value_high"]) == (20.0, 30.0)
    assert osint["qualifier"] == "only"
    unattributed = _row(table, "001.p14.s01", "close to 500 square miles")
    assert unattributed["claimant_group"] == "unattributed"
    # Ordered by the date the figure applies to.
    assert table["as_of"].dropna().is_monotonic_increasing and table["as_of"].isna().sum() == 2  # peak figures: no date of their own


def test_claimant_group_falls_back_on_gazetteer_aliases_and_words():
    assert timeline.claimant_group("the Washington-based Institute for the Study of War")[:2] == (
        "Institute for the Study of War", "open-source monitors / independent")
    assert timeline.claimant_group("Russia's defence ministry")[1] == "Russian officials"
    assert timeline.claimant_group("Russian forces")[1] == "Russian officials"
    assert timeline.claimant_group(None) == (None, "unattributed", "")
    assert timeline.claimant_group("a man in a bar")[1] == "other"


def test_select_figures_applies_period_and_claimants(table):
    period = check_parameters(start="2025-03-01", end="2025-03-19", undated="drop")
    kept = timeline.select_figures(table, period)
    assert kept["sentence_id"].tolist() == ["004.p04.s01", "000.p08.s02"]
    who = check_parameters(actors=["Valery Gerasimov"])
    assert timeline.select_figures(table, who)["figure"].tolist() == ["86%"]


# ----------------------------------------------------------------------------- baseline


def test_default_baseline_is_the_corpus_peak_figure(baseline):
    assert baseline.source == "corpus peak"
    assert baseline.km2 == pytest.approx(500 * SQ_MI)  # 1,294.99 km²
    assert (baseline.sentence_id, baseline.figure) == ("000.p08.s02", "nearly 500 square miles")
    text = timeline.describe_baseline(baseline, "sq_mi")
    assert "1,295 km² (500 sq mi)" in text and "Reuters" in text


def test_baseline_parameter_wins_and_no_area_means_no_baseline(table):
    assert timeline.choose_baseline(table, 1376).km2 == 1376.0
    shares_only = table[table["unit"] == "percent"]
    none = timeline.choose_baseline(shares_only)
    assert none.km2 is None and none.source == "none"
    assert "No baseline" in timeline.describe_baseline(none, "km2")
    with pytest.raises(ValueError):
        timeline.choose_baseline(table, -5)


# ----------------------------------------------------------------------------- held areas


def test_held_series_has_open_source_20_to_30_sq_mi_on_19_march(held):
    row = _row(held, "000.p08.s02", "only 20 to 30 square miles")
    assert row["as_of"] == pd.Timestamp("2025-03-19")
    assert (row["held_low"], row["held_high"]) == (20.0, 30.0)
    assert row["claimant"] == "open-source reports"
    assert not row["baseline_dependent"]


def test_percentages_become_areas_only_through_the_baseline(table):
    held = timeline.held_areas(table, 1295.0, "km2")
    gerasimov = _row(held, "004.p04.s01", "86%")  # 86% retaken -> 14% held
    assert gerasimov["held_km2_low"] == pytest.approx(181.3, abs=0.05)
    assert gerasimov["held_low"] == gerasimov["held_high"] == pytest.approx(181.3, abs=0.05)
    assert gerasimov["baseline_dependent"] and gerasimov["basis"] == "baseline - share retaken"
    half = _row(held, "003.p02.s01", "about half")  # lost about half -> half held
    assert half["held_low"] == pytest.approx(647.5, abs=0.05)


def test_changing_the_baseline_moves_only_baseline_dependent_points(table):
    a = timeline.held_areas(table, 1250.0, "sq_mi")
    b = timeline.held_areas(table, 1376.0, "sq_mi")
    moved = ~np.isclose(a["held_low"].fillna(-1), b["held_low"].fillna(-1))
    assert moved.tolist() == a["baseline_dependent"].tolist()
    assert sorted(a.loc[moved, "figure"]) == ["86%", "about half"]


def test_seized_area_is_held_at_the_peak_and_vague_multiple_keeps_open_high(held):
    captured = _row(held, "001.p14.s01", "close to 500 square miles")
    assert captured["basis"] == "area seized = held at the time"
    assert pd.isna(captured["as_of"]) and "at the peak" in captured["note"]
    vague = _row(held, "001.p05.s01", "hundreds of square miles")
    assert vague["held_low"] == 200.0 and np.isnan(vague["held_high"])


def test_bounds_on_a_share_lost_reverse_into_bounds_on_the_area_held():
    figures = pd.DataFrame({
        "as_of": pd.to_datetime(["2025-01-01", "2025-01-02", "2025-01-03", None]),
        "outlet": "X", "claimant": None, "claimant_group": "unattributed",
        "figure": ["under 20%", "800 km2", "hundreds of square miles", "50%"],
        "direction": ["lost", "retaken", "lost", "held"],
        "unit": ["percent", "km2", "sq_mi", "percent"],
        "value_low": [np.nan, 800.0, 200.0, 50.0], "value_high": [20.0, 800.0, np.nan, 50.0],
        "km2_low": [np.nan, 800.0, 200 * SQ_MI, np.nan], "km2_high": [np.nan, 800.0, np.nan, np.nan],
        "article_id": "a", "sentence_id": ["s1", "s2", "s3", "s4"], "start": [0, 1, 2, 3],
        "claimant_actor": None,
    })
    held = timeline.held_areas(figures, 1000.0, "km2")
    assert (held.loc[0, "held_low"], held.loc[0, "held_high"]) == (800.0, 1000.0)  # >= 80% held
    assert (held.loc[1, "held_low"], held.loc[1, "held_high"]) == (200.0, 200.0)
    assert np.isnan(held.loc[2, "held_low"])  # at least 518 km² lost: at most 482 held
    assert held.loc[2, "held_high"] == pytest.approx(1000 - 200 * SQ_MI, abs=0.05)
    assert held.loc[3, "note"].startswith("no date")
    assert len(timeline.placed(held)) == 3
    without = timeline.held_areas(figures, None, "km2")
    assert "needs a baseline" in without.loc[0, "note"]
    assert without.loc[0, "held_low"] != without.loc[0, "held_low"]  # NaN


def test_empty_corpus_figures_give_empty_frames_and_plain_text(table):
    empty = table.iloc[0:0]
    held = timeline.held_areas(empty, None, "sq_mi")
    assert held.empty and list(held.columns) == timeline.HELD_COLUMNS
    assert timeline.unplaced_summary(held) == "No territory figures to place."
    text = timeline.headline_text(timeline.headline(held, timeline.choose_baseline(empty)))
    assert text.startswith("No dated figure for the area Ukraine held")
    comparison = timeline.compare_with_reference(held, timeline.reference_held(
        ka.reference_figures(), None, "sq_mi"))
    assert comparison.empty
    fig, ax = plt.subplots()
    timeline.plot_held_area(ax, held, "sq_mi", events=None, reference=None)
    plt.close(fig)


# ----------------------------------------------------------------------------- events


def test_events_are_dated_from_the_articles(corpus):
    events = timeline.events(corpus).set_index("event")
    assert events.loc["incursion", "date_start"] == pd.Timestamp("2024-08-01")
    assert events.loc["incursion", "date_end"] == pd.Timestamp("2024-08-31")
    assert events.loc["incursion", "n_articles"] >= 3
    assert events.loc["aid_pause", "date_start"] == pd.Timestamp("2025-03-03")
    assert events.loc["aid_pause", "sentence_id"] == "002.p08.s01"
    assert events.loc["sudzha_retaken", "date_start"] == pd.Timestamp("2025-03-13")  # "on Thursday"
    assert events.loc["putin_trump_call", "date_start"] == pd.Timestamp("2025-03-18")  # "on Tuesday"
    claim = events.loc["encirclement_claim"]
    assert claim["date_start"] == pd.Timestamp("2025-03-12") and "Gerasimov" in claim["label"]
    assert claim["source"] == "stance"
    assert timeline.events(corpus)["number"].tolist() == [1, 2, 3, 4, 5]


def test_select_events_keeps_overlapping_period_and_renumbers(corpus):
    events = timeline.events(corpus)
    march = timeline.select_events(events, check_parameters(start="2025-03-10", end="2025-03-15"))
    assert march["event"].tolist() == ["encirclement_claim", "sudzha_retaken"]
    assert march["number"].tolist() == [1, 2]


# ----------------------------------------------------------------------------- reference


def test_reference_rows_become_areas_with_the_same_rules(baseline):
    ref = timeline.reference_held(ka.reference_figures(), 1295.0, "km2")
    gerasimov = ref[(ref["claimant"] == "Valery Gerasimov") & (ref["measure"] == "retaken")].iloc[0]
    assert gerasimov["held_low"] == pytest.approx(181.3, abs=0.05)
    delfi = ref[ref["date"] == pd.Timestamp("2025-03-17")].iloc[0]
    assert np.isnan(delfi["held_low"]) and delfi["held_high"] == 100.0
    deepstate = ref[ref["claimant"] == "DeepState"]
    assert set(deepstate["claimant_group"]) == {"open-source monitors / independent"}
    rudskoi = ref[ref["claimant"] == "Sergei Rudskoi"].iloc[0]  # 800 km² retaken
    assert rudskoi["held_low"] == pytest.approx(495.0) and rudskoi["baseline_dependent"]


def test_comparison_pairs_each_figure_with_nearest_report(held):
    ref = timeline.reference_held(ka.reference_figures(), timeline.Baseline(500 * SQ_MI, "corpus peak"),
                                  "sq_mi")
    comparison = timeline.compare_with_reference(held, ref)
    assert len(comparison) == len(timeline.placed(held)) == 5
    reuters = comparison[comparison["sentence_id"] == "000.p08.s02"].iloc[-1]
    assert reuters["ref_date"] == pd.Timestamp("2025-03-17") and reuters["days_apart"] == 2
    assert np.isnan(reuters["ref_low"]) and reuters["ref_high"] == 38.6  # under 100 km²
    assert reuters["ranges_overlap"]
    # 20-30 sq mi against 0-38.6 sq mi: the article can be 18.6 lower to 30 higher.
    assert (reuters["diff_low"], reuters["diff_high"]) == (-18.6, 30.0)
    half = comparison[comparison["figure"] == "about half"].iloc[0]
    assert half["ref_claimant"] == "DeepState" and not half["ranges_overlap"]
    assert half["diff_low"] == pytest.approx(250.0 - 162.2, abs=0.1)


# ----------------------------------------------------------------------------- sensitivity, headline


def test_baseline_sensitivity_scales_only_dependent_figures(table, baseline):
    options = timeline.baseline_options(baseline)
    assert options["baseline_km2"].tolist() == [1250.0, 1295.0, 1376.0]
    sensitivity = timeline.baseline_sensitivity(table, options, "km2")
    assert set(sensitivity["figure"]) == {"86%", "about half"}
    gerasimov = sensitivity[sensitivity["figure"] == "86%"].set_index("baseline_km2")["held_low"]
    assert gerasimov.loc[1376.0] == pytest.approx(0.14 * 1376, abs=0.05)
    assert gerasimov.loc[1250.0] == pytest.approx(0.14 * 1250, abs=0.05)
    wide = timeline.sensitivity_table(sensitivity)
    assert list(wide.columns)[-4:] == ["1,250 km² baseline", "1,295 km² baseline",
                                        "1,376 km² baseline", "unit"]


def test_headline_numbers(held, baseline):
    numbers = timeline.headline(held, baseline)
    assert (numbers["peak_low"], numbers["peak_high"]) == (500.0, 500.0)
    assert numbers["latest_date"] == pd.Timestamp("2025-03-20")
    assert (numbers["latest_low"], numbers["latest_high"]) == (20.0, 30.0)
    assert numbers["lost_low"] == pytest.approx(0.94) and numbers["lost_high"] == pytest.approx(0.96)
    text = timeline.headline_text(numbers)
    assert 'Peak area held (the baseline): 500 sq mi with no date of its own ("nearly 500 square miles"' in text
    assert "Latest area held: 20 to 30 sq mi as of 2025-03-20" in text
    assert "94% to 96%" in text and "1,295 km² (500 sq mi) (corpus peak)" in text


def test_units_convert_with_pint(table, baseline):
    km2 = timeline.held_areas(table, baseline, "km2")
    peak = _row(km2, "000.p08.s02", "nearly 500 square miles")
    assert peak["held_low"] == pytest.approx(1295.0, abs=0.05)
    with pytest.raises(ValueError):
        timeline.held_areas(table, baseline, "acres")


def test_plot_draws_ranges_as_bars_not_midpoints(held, baseline, corpus):
    fig, ax = plt.subplots()
    timeline.plot_held_area(ax, held, "sq_mi", events=timeline.events(corpus), baseline=baseline)
    segments = [seg for coll in ax.collections if hasattr(coll, "get_segments")
                for seg in coll.get_segments()]
    spans = {(round(s[0][1], 1), round(s[1][1], 1)) for s in segments if len(s) == 2}
    assert (20.0, 30.0) in spans  # a bar from low to high
    assert "sq mi" in ax.get_ylabel()
    plt.close(fig)


def test_explorer_redraws_on_unit_and_baseline_change(table, baseline):
    box = timeline.timeline_explorer(table, baseline, "sq_mi")
    label, controls, summary, shown = box.children
    assert "Live in JupyterLab" in label.value and "km²" in label.value
    unit_buttons, slider = controls.children
    before = (summary.value, shown.outputs[0]["data"]["image/png"])
    assert "500 sq mi" in summary.value
    unit_buttons.value = "km2"
    assert "1,295 km²" in summary.value and shown.outputs[0]["data"]["image/png"] != before[1]
    slider.value = 1376.0
    assert "1,376 km² (explorer slider)" in summary.value
    assert len(shown.outputs) == 1
    plt.close("all")


def test_crowded_charts_shrink_and_fade_their_markers():
    assert timeline._crowding(0) == timeline._crowding(timeline.COMFORTABLE_POINTS) == 1.0
    assert timeline._crowding(2 * timeline.COMFORTABLE_POINTS) == 0.5
    assert timeline._crowding(100 * timeline.COMFORTABLE_POINTS) == 0.25


def test_region_sized_areas_are_never_the_peak():
    rows = pd.DataFrame({
        "unit": ["km2", "km2"], "direction": ["held", "held"], "km2_low": [29_997.0, 1_200.0],
        "km2_high": [29_997.0, 1_200.0], "as_of": pd.to_datetime([None, "2024-09-01"]),
        "article_id": ["a", "b"], "start": [0, 0], "figure": ["29,997 square kilometres", "1,200 km²"],
        "sentence_id": ["a.p01.s01", "b.p01.s01"], "outlet": ["O", "P"], "claimant": [None, None],
    })
    chosen = timeline.choose_baseline(rows)
    assert chosen.km2 == 1_200.0 and chosen.ignored == (("29,997 square kilometres", "a.p01.s01"),)
    assert chosen.km2 <= timeline.MAX_FRONTLINE_KM2
    assert "Passed over as region-sized" in timeline.describe_baseline(chosen, "km2")
