"""Notebook 03's tables on the five seeds, checked against readings done by hand.

The expected values come from reading the articles: CNN's live blog of 12 March has
Gerasimov claim the troops "have been surrounded"; Reuters dates Putin's claim "March 13"
and Trump's post "March 14"; NBC News has Ukraine's General Staff call the reports "false
and fabricated" in "a statement Friday" (14 March 2025); NBC News quotes Trump's post
"Thousands of Ukrainian troops are completely surrounded by the Russian military".
"""
from __future__ import annotations

import html

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

import kursk_analysis as ka  # noqa: E402
from kursk_analysis.analyses import charts, rhetoric
from kursk_analysis.extract import sourcing# noqa: E402
from kursk_analysis.workbook.params import check_parameters  # noqa: E402


@pytest.fixture(scope="module")
def stance_rows(corpus):
    return ka.stances(corpus)


@pytest.fixture(scope="module")
def quote_rows(corpus):
    return ka.quotes(corpus)


def test_gerasimov_is_the_first_asserter_on_12_march(corpus, stance_rows):
    chronology = rhetoric.chronology(stance_rows, corpus.articles)
    first = chronology.iloc[0]
    assert (first["actor"], first["stance"], first["date"]) == (
        "Valery Gerasimov", "asserts", pd.Timestamp("2025-03-12"))
    assert first["outlet"] == "CNN"
    asserters = chronology[chronology["stance"] == "asserts"]
    assert asserters["actor"].tolist() == ["Valery Gerasimov", "Vladimir Putin", "Donald Trump"]
    assert asserters["date"].dt.strftime("%Y-%m-%d").tolist() == ["2025-03-12", "2025-03-13", "2025-03-14"]


def test_general_staff_denial_is_dated_14_march_two_days_after(corpus, stance_rows):
    matrix = rhetoric.stance_matrix(stance_rows).set_index("actor")
    staff = matrix.loc["Ukrainian General Staff"]
    assert staff["first_denied"] == pd.Timestamp("2025-03-14")
    assert pd.isna(staff["first_asserted"])
    chronology = rhetoric.chronology(stance_rows, corpus.articles).set_index("actor")
    assert chronology.loc["Ukrainian General Staff", "days_after_first_assertion"] == 2
    assert chronology.loc["Ukrainian General Staff", "date_basis"] == "text: Friday"


def test_trump_repeats_putin_with_the_linking_sentence(corpus, stance_rows):
    repeats = rhetoric.repetitions(stance_rows, corpus.articles).set_index("actor")
    trump = repeats.loc["Donald Trump"]
    assert trump["after"] == "Valery Gerasimov; Vladimir Putin"
    assert trump["linked_to"] == "Vladimir Putin"
    assert "reiterate the Russian president" in trump["evidence"]
    assert "Valery Gerasimov" not in repeats.index  # the first asserter repeats nobody


def test_completely_surrounded_quote_is_trumps(corpus, quote_rows):
    full = rhetoric.quote_table(quote_rows, corpus.articles, kind="quote")
    row = full[full["quote"].str.contains("completely surrounded")]
    assert len(row) == 1
    assert row.iloc[0]["actor"] == "Donald Trump"
    assert row.iloc[0]["outlet"] == "NBC News"
    # provenance: the span is the quotation in the raw text
    r = row.iloc[0]
    assert corpus.texts[r["article_id"]][r["start"]:r["end"]].startswith("Thousands of Ukrainian troops")
    scare = rhetoric.quote_table(quote_rows, corpus.articles, kind="scare")
    assert set(scare["kind"]) == {"scare"} and set(full["kind"]) == {"quote"}


def test_phrases_are_found_and_grouped_by_side(corpus):
    phrases = rhetoric.key_phrases(corpus)
    by_side = rhetoric.phrases_by_side(phrases)
    got = set(zip(by_side["side"].astype(str), by_side["phrase"]))
    for expected in [("Russia", "surrender or die"), ("Russia", "buffer zone"),
                     ("Russia", "completely liberate"), ("Russia", "terrorists"),
                     ("United States", "completely surrounded"),
                     ("Ukraine", "political manipulation")]:
        assert expected in got
    # common words of the story make no phrase
    assert not by_side["phrase"].isin(["troops", "ukrainian troops", "kursk region", "surrounded"]).any()
    # "surrender or die" is quoted by two outlets and so comes first for Russia
    assert by_side[by_side["side"] == "Russia"].iloc[0]["phrase"] == "surrender or die"
    row = phrases[(phrases["phrase"] == "terrorists")].iloc[0]
    assert (row["actor"], str(row["source"])) == ("Vladimir Putin", "reported speech")
    assert corpus.texts[row["article_id"]][row["start"]:row["end"]] == "terrorists"


def test_outlet_counts_and_anonymous_reliance(corpus, quote_rows):
    counts = rhetoric.outlet_actor_counts(quote_rows, sourcing.sources(corpus), corpus.articles)
    cnn = counts[(counts["outlet"] == "CNN")].set_index("actor")
    assert cnn.loc["Valery Gerasimov", "quotes"] == 2
    assert counts["quotes"].sum() == quote_rows["speaker"].notna().sum()
    reliance = rhetoric.anonymous_reliance(sourcing.sourcing_summary(corpus))
    top = reliance.iloc[0]
    assert top["outlet"].startswith("The Spokesman-Review")
    assert (top["anonymous"], top["named"]) == (11, 7)
    assert reliance.set_index("outlet").loc["CNN", "anonymous"] == 0


def test_headline_text(corpus, stance_rows):
    reliance = rhetoric.anonymous_reliance(sourcing.sourcing_summary(corpus))
    text = rhetoric.headline_text(rhetoric.headline_numbers(stance_rows, reliance))
    assert "First to assert the encirclement: Valery Gerasimov, on 2025-03-12." in text
    assert "Days from the first assertion to the first denial: 2." in text
    assert "Actors asserting: 3; actors denying: 9." in text


def test_selection_by_actor_and_period(corpus, stance_rows):
    params = check_parameters(actors=["Donald Trump"], start="2025-03-13", end="2025-03-14")
    chosen = rhetoric.select(stance_rows, params, date="date", actor="actor")
    assert set(chosen["actor"]) == {"Donald Trump"}
    assert chosen["date"].between("2025-03-13", "2025-03-14").all()
    numbers = rhetoric.headline_numbers(chosen, rhetoric.anonymous_reliance(
        sourcing.sourcing_summary(corpus)))
    assert numbers["first_asserters"] == ["Donald Trump"]
    assert numbers["days_to_first_denial"] is None
    assert "not measurable" in rhetoric.headline_text(numbers)


def test_empty_input_gives_empty_tables_and_plain_notes(corpus, stance_rows, quote_rows):
    none = stance_rows.iloc[0:0]
    assert rhetoric.stance_matrix(none).empty and rhetoric.chronology(none, corpus.articles).empty
    assert rhetoric.repetitions(none, corpus.articles).empty
    assert rhetoric.stance_note(none, 0).startswith("This corpus has no sentence")
    assert rhetoric.quote_note(quote_rows.iloc[0:0], 0) == "This corpus has no quotations."
    text = rhetoric.headline_text(rhetoric.headline_numbers(none, rhetoric.anonymous_reliance(
        sourcing.sourcing_summary(corpus).iloc[0:0])))
    assert "nobody in this selection" in text
    fig, ax = plt.subplots()
    assert rhetoric.plot_timeline(none, ax) is ax
    assert any("No dated stance" in t.get_text() for t in ax.texts)
    plt.close(fig)


def test_plots_return_their_axes(corpus, stance_rows, quote_rows):
    fig, axes = plt.subplots(3, 1)
    counts = rhetoric.outlet_actor_counts(quote_rows, sourcing.sources(corpus), corpus.articles)
    assert rhetoric.plot_timeline(stance_rows, axes[0]) is axes[0]
    assert [t.get_text() for t in axes[0].get_yticklabels()][0] == "Valery Gerasimov"
    assert rhetoric.plot_outlet_actor(counts, axes[1]) is axes[1]
    reliance = rhetoric.anonymous_reliance(sourcing.sourcing_summary(corpus))
    assert rhetoric.plot_anonymous_reliance(reliance, axes[2]) is axes[2]
    plt.close(fig)


def test_explorer_escapes_article_text_and_updates(corpus, stance_rows, quote_rows):
    table = rhetoric.quote_table(quote_rows, corpus.articles)
    hostile = table.iloc[:1].assign(actor="Donald Trump", quote="<script>alert(1)</script>",
                                    outlet="<img src=x onerror=alert(2)>")
    card = rhetoric.actor_card("Donald Trump", stance_rows, hostile)
    assert "<script>" not in card and "<img" not in card
    assert html.escape("<script>alert(1)</script>") in card
    box = rhetoric.actor_explorer(stance_rows, table)
    label, dropdown, view = box.children
    assert "Live in JupyterLab" in label.value
    assert dropdown.options[0] == "CIA"
    dropdown.value = "Donald Trump"
    assert "completely surrounded" in view.value and "2025-03-14" in view.value
    dropdown.value = "Valery Gerasimov"
    assert "This enemy" in view.value and "completely surrounded" not in view.value


def test_heatmap_rows_keep_room_for_two_line_labels_as_outlets_grow():
    def counts(n, name="Outlet {i}"):
        return pd.DataFrame({"outlet": [name.format(i=i) for i in range(n)], "actor": "Putin",
                             "quotes": 1, "attributions": 1})

    assert rhetoric.outlet_actor_size(counts(0)) == (11.0, 10.0)
    long = "The Harbour Evening Chronicle and Weekly Observer {i}"  # wraps on two lines
    for n in (5, 20, 60):
        rows = min(n, charts.MAX_ROWS)  # past that the rest are one "others" row
        for name, lines in (("Outlet {i}", 1), (long, 2)):
            width, height = rhetoric.outlet_actor_size(counts(n, name))
            assert width == 11.0 and height >= 2 * rows * lines * charts.PER_LINE  # two panels
    assert len(rhetoric.outlet_actor_grid(counts(60))) == charts.MAX_ROWS
