"""Charts stay legible at 5, 30 and 200 outlets: no two labels overlap, sizes stay bounded,
rows past charts.MAX_ROWS fold into "others" or are named in the title, and an outlier is
marked at the edge instead of squashing the axis."""
from __future__ import annotations

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

import kursk_analysis as ka  # noqa: E402
from kursk_analysis.analyses import charts, comparison, rhetoric, timeline  # noqa: E402
from kursk_analysis.extract import sourcing  # noqa: E402
from kursk_analysis.workbook.params import check_parameters  # noqa: E402
from kursk_analysis.corpus.model import CorpusWarning  # noqa: E402
from many_outlets import write_corpus  # noqa: E402

WIDEST = 13.5  # inches: a figure wider than this is scaled down in a report and its labels shrink
TALLEST = 2 * charts.MAX_HEIGHT  # two stacked heatmaps


def test_overlapping_labels_finds_texts_drawn_on_each_other_and_only_those():
    fig, ax = plt.subplots(figsize=(4, 3))
    ax.text(0.1, 0.5, "first label")
    ax.text(0.12, 0.5, "second label")  # on top of the first
    ax.text(0.1, 0.1, "far away")
    assert charts.overlapping_labels(fig) == [("first label", "second label")]
    plt.close(fig)


def test_drop_overlapping_keeps_the_first_of_a_pile():
    fig, ax = plt.subplots(figsize=(4, 3))
    pile = [ax.annotate(f"label {i}", (0.5, 0.5)) for i in range(3)]
    alone = ax.annotate("alone", (0.1, 0.1))
    assert charts.drop_overlapping([*pile, alone]) == [pile[0], alone]
    assert [t.get_text() for t in ax.texts] == ["label 0", "alone"]
    plt.close(fig)


def test_top_with_others_folds_the_rest_into_one_summed_row():
    frame = pd.DataFrame({"outlet": [f"o{i}" for i in range(40)], "named": range(40)})
    rows, folded = charts.top_with_others(frame, "outlet", ["named"], n=30)
    assert folded == 11 and len(rows) == 30
    assert rows["outlet"].iloc[-1] == "11 other outlets"
    assert rows["named"].iloc[-1] == sum(range(29, 40)) and rows["named"].sum() == sum(range(40))
    assert charts.top_with_others(frame.head(30), "outlet", ["named"], n=30)[1] == 0


@pytest.mark.parametrize("text, expected", [
    ("Kyiv Wire", "Kyiv Wire"),
    ("The Harbour Evening Chronicle and Weekly Observer", "The Harbour Evening\nChronicle and Weekly\u2026"),
])
def test_row_labels_take_at_most_two_lines(text, expected):
    assert charts.label(text, width=22) == expected


def test_plausible_top_leaves_a_misread_figure_off_the_scale():
    top, limit = charts.plausible_top([400, 450, 500, 520, 14_000])
    assert top == 520 and 520 < limit < 14_000
    assert charts.plausible_top([400, 14_000]) == (14_000, np.inf)  # too few values to call one out
    assert charts.plausible_top([np.nan]) == (1.0, np.inf)


def _load(folder, n, seeds=False):
    """The n-outlet corpus (with the bundled articles first when ``seeds``: the corpus the
    browser test renders); some articles are undated on purpose, as real ones are."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CorpusWarning)
        return ka.load_corpus(write_corpus(folder, n, seeds=seeds))


def _figures(corpus):
    """Each chart the notebooks draw, built as the notebook cells build it."""
    params = check_parameters()
    overview = comparison.outlet_overview(corpus, params)
    attribution = comparison.attribution_table(corpus)
    matrix = comparison.fact_matrix(comparison.fact_evidence(corpus), corpus)
    square = comparison.reuse_share_table(corpus)
    stance_rows = ka.stances(corpus)
    quote_rows = rhetoric.with_outlets(ka.quotes(corpus), corpus.articles)
    source_rows = rhetoric.with_outlets(sourcing.sources(corpus), corpus.articles)
    outlet_actor = rhetoric.outlet_actor_counts(quote_rows, source_rows, corpus.articles)
    reliance = rhetoric.anonymous_reliance(rhetoric.with_outlets(sourcing.sourcing_summary(corpus), corpus.articles))
    figures = timeline.figure_table(corpus)
    baseline = timeline.choose_baseline(figures, None)
    held = timeline.held_areas(figures, baseline, "sq_mi")

    def one(size, draw):
        fig, ax = plt.subplots(figsize=size)
        draw(ax)
        return fig

    yield "sourcing", len(overview), one(comparison.figure_size(len(overview)), lambda ax: comparison.plot_sourcing(overview, ax))
    yield "registers", len(attribution), one(comparison.figure_size(len(attribution)),
                                             lambda ax: comparison.plot_registers(attribution, ax))
    yield "fact matrix", len(corpus.articles), one(comparison.figure_size(len(matrix), width=10, per_row=0.32),
                                                   lambda ax: comparison.plot_fact_matrix(matrix, ax))
    yield "reuse heatmap", len(square), one(comparison.square_size(len(square)),
                                            lambda ax: comparison.plot_reuse_heatmap(square, ax))
    yield "stance timeline", 0, one(rhetoric.timeline_size(stance_rows), lambda ax: rhetoric.plot_timeline(stance_rows, ax))
    fig, axes = plt.subplots(2, 1, figsize=rhetoric.outlet_actor_size(outlet_actor))
    rhetoric.plot_outlet_actor(outlet_actor, axes[0], value="quotes")
    rhetoric.plot_outlet_actor(outlet_actor, axes[1], value="attributions")
    yield "outlet by actor", outlet_actor["outlet"].nunique(), fig
    yield "anonymous reliance", len(reliance), one(rhetoric.reliance_size(reliance),
                                                   lambda ax: rhetoric.plot_anonymous_reliance(reliance, ax))
    fig, (whole, recent) = plt.subplots(2, 1, figsize=(13, 11))
    timeline.plot_held_area(whole, held, "sq_mi", events=timeline.events(corpus), baseline=baseline)
    timeline.plot_held_area(recent, held, "sq_mi", events=timeline.events(corpus), baseline=baseline,
                            window=timeline.recent_window(held))
    yield "held area", 0, fig


@pytest.fixture(scope="module", params=[(5, False), (30, False), (30, True), (200, False)],
                ids=lambda p: f"{p[0]}-outlets{'-with-seeds' if p[1] else ''}")
def drawn(request, tmp_path_factory):
    n, seeds = request.param
    corpus = _load(tmp_path_factory.mktemp(f"outlets{n}"), n, seeds)
    assert corpus.articles["outlet"].nunique() == n
    shown = []
    for name, rows, fig in _figures(corpus):
        fig.tight_layout()
        shown.append((name, rows, fig.get_size_inches(), charts.overlapping_labels(fig),
                      [ax.get_title() for ax in fig.axes], [len(ax.get_yticks()) for ax in fig.axes]))
        plt.close(fig)
    return shown


def test_no_two_labels_overlap(drawn):
    assert {name: overlaps for name, _, _, overlaps, _, _ in drawn if overlaps} == {}


def test_figures_stay_within_a_readable_size(drawn):
    for name, _, (width, height), _, _, _ in drawn:
        assert width <= WIDEST and height <= TALLEST, (name, width, height)


def test_past_the_row_limit_a_chart_says_what_it_left_out(drawn):
    for name, rows, _, _, titles, ticks in drawn:
        if rows > charts.MAX_ROWS:
            assert max(ticks) <= charts.MAX_ROWS + 1, name  # +1: a minor tick row at the edge
            assert any(f"of {rows}" in title for title in titles), (name, titles)


def test_an_outlier_is_marked_at_the_edge_not_stretching_the_axis(tmp_path):
    corpus = _load(tmp_path, 8)
    figures = timeline.figure_table(corpus)
    baseline = timeline.choose_baseline(figures, None)
    held = timeline.held_areas(figures, baseline, "sq_mi")
    placed = timeline.placed(held)
    misread = placed.iloc[[0]].assign(held_low=14_000.0, held_high=14_000.0)
    fig, ax = plt.subplots(figsize=(13, 5.5))
    timeline.plot_held_area(ax, pd.concat([held, misread], ignore_index=True), "sq_mi", baseline=baseline)
    fig.tight_layout()
    plausible = np.nanmax(placed[["held_low", "held_high"]].to_numpy())
    assert ax.get_ylim()[1] < 2 * max(plausible, timeline.in_unit(baseline.km2, "sq_mi"))
    assert [t.get_text() for t in ax.texts if "off the scale" in t.get_text()] == ["14,000 sq mi (off the scale)"]
    assert any("off the scale" in t.get_text() for t in ax.get_legend().get_texts())
    assert charts.overlapping_labels(fig) == []
    plt.close(fig)
