"""kursk_analysis.analyses.comparison on the bundled seeds (hand-checked against the texts) and on
small made-up corpora: key facts and their evidence, omissions, the side-by-side table,
parameters (period, actors, empty selections), text reuse, the explorer and escaping."""
from __future__ import annotations

import warnings

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

import kursk_analysis as ka  # noqa: E402
from kursk_analysis.analyses import comparison
from kursk_analysis import paths# noqa: E402
from kursk_analysis.workbook.params import check_parameters  # noqa: E402

FIXTURES = paths.ROOT / "tests" / "fixtures"


def params(**values):
    return check_parameters(**values)


@pytest.fixture(scope="module")
def evidence(corpus):
    return comparison.fact_evidence(corpus)


def reporters(evidence, fact: str) -> list[str]:
    return sorted(set(evidence.loc[evidence["fact"] == fact, "article_id"]))


# ----------------------------------------------------------------------------- key facts


@pytest.mark.parametrize("fact, articles", [
    # Hand-checked against the seed texts.
    ("peak_area", ["000", "001"]),             # "nearly 500" (Reuters), "close to 500" (Post)
    ("small_remainder", ["000", "001"]),       # "only/just 20 to 30 square miles"
    ("most_retaken", ["004"]),                 # CNN: Gerasimov's "86% of the area"
    ("about_half_lost", ["003"]),              # "lost about half the territory seized"
    ("north_korean_troops", ["001", "002", "003"]),
    ("force_size", ["002"]),                   # "an estimated 78,000 Russian and North Korean troops"
    ("isw_no_evidence", ["000", "001"]),
    ("surrender_or_die", ["000", "001"]),
    ("completely_surrounded", ["001", "002"]),  # Reuters paraphrases ("completely encircled"), unquoted
    ("energy_pause", ["000"]),
    ("sudzha_retaken", ["002"]),
    ("aid_suspended_march_3", ["002"]),
    ("ukraine_denies", ["000", "002"]),         # Zelenskiy (Reuters); government, General Staff (NBC)
    ("russian_military_asserts", ["004"]),      # Gerasimov
    ("incursion_august_2024", ["000", "001", "002", "004"]),  # 003 says "earlier this year"
])
def test_hand_checked_facts(evidence, fact, articles):
    assert reporters(evidence, fact) == articles


def test_reuters_reports_the_20_to_30_figure_with_its_sentence(corpus, evidence):
    row = evidence[(evidence["fact"] == "small_remainder") & (evidence["article_id"] == "000")].iloc[0]
    assert row["sentence_id"] == "000.p08.s02"
    assert corpus.texts["000"][row["start"]:row["end"]] == "only 20 to 30 square miles"
    assert "now hold only 20 to 30 square miles" in row["sentence"]


def test_cnn_reports_86_percent(corpus, evidence):
    row = evidence[(evidence["fact"] == "most_retaken") & (evidence["article_id"] == "004")].iloc[0]
    assert corpus.texts["004"][row["start"]:row["end"]] == "86%"
    assert row["outlet"] == "CNN"


def test_every_evidence_span_lies_in_its_sentence(corpus, evidence):
    spans = corpus.sentences.set_index("sentence_id")[["start", "end"]]
    for row in evidence.itertuples(index=False):
        start, end = spans.loc[row.sentence_id]
        assert start <= row.start < row.end <= end, row


def test_vague_areas_do_not_count_as_the_peak(evidence):
    # The Post's "hundreds of square miles of Russian land" is seized but gives no size.
    peak = evidence[evidence["fact"] == "peak_area"]
    assert "hundreds of square miles" not in set(peak["evidence"])


def test_facts_are_rules_that_work_on_other_articles():
    corpus = _quiet_load(FIXTURES / "figures" / "articles.csv")
    found = comparison.fact_evidence(corpus)
    # "1,376 square kilometres ... at the height of the incursion" and "roughly 1,300 sq km" at the peak.
    assert {"f01", "f03"} <= set(found.loc[found["fact"] == "peak_area", "article_id"])
    assert "around 50,000 soldiers" in set(found.loc[found["fact"] == "force_size", "evidence"])
    # "more than 40%" is not "about half"; "about a third" and "64 per cent" are not "most".
    assert "more than 40%" not in set(found.loc[found["fact"] == "about_half_lost", "evidence"])
    assert "64 per cent" not in set(found.loc[found["fact"] == "most_retaken", "evidence"])


def test_matrix_lists_every_fact_and_agrees_with_the_evidence(corpus, evidence):
    matrix = comparison.fact_matrix(evidence, corpus)
    assert list(matrix["fact"]) == [f.label for f in comparison.FACTS]
    reuters = matrix.set_index("fact")["Reuters (000)"]
    assert reuters.dtype == bool
    assert reuters["Only 20-30 sq mi left (≤ 100 km² still held)"]
    assert not reuters["Sudzha retaken by Russia"]
    assert matrix["n_articles"].sum() == evidence.drop_duplicates(["fact", "article_id"]).shape[0]


def test_fact_names_are_unique_and_defined():
    names = [f.name for f in comparison.FACTS]
    assert len(names) == len(set(names))
    assert comparison.fact_definitions()["rule"].str.len().min() > 10


# ----------------------------------------------------------------------------- omissions


def test_omissions(corpus, evidence):
    omitted = comparison.omissions(evidence, corpus, min_others=2)
    reuters = set(omitted.loc[omitted["article_id"] == "000", "omits"])
    # The Post, NBC and the December story all mention North Korean troops; Reuters does not.
    assert "North Korean troops fight for Russia" in reuters
    assert "Peak area held ≈ 500 sq mi (≈1,300 km²)" not in reuters
    nbc = set(omitted.loc[omitted["article_id"] == "002", "omits"])
    assert "ISW: no (geolocated) evidence of encirclement" in nbc
    assert (omitted["n_others"] >= 2).all()


def test_omissions_need_enough_other_reporters(corpus, evidence):
    strict = comparison.omissions(evidence, corpus, min_others=3)
    assert set(strict["omits"]) <= {"North Korean troops fight for Russia", "Trump says the troops are surrounded",
                                    "Trump asked Putin to spare the troops", "Incursion dated to August 2024"}
    assert comparison.omissions(evidence, corpus, min_others=5).empty


# ----------------------------------------------------------------------------- side by side


def test_outlet_overview(corpus):
    overview = comparison.outlet_overview(corpus, params()).set_index("article_id")
    assert list(overview.index) == ["000", "001", "002", "003", "004"]
    assert overview.loc["004", "anonymous_sources"] == 0
    assert overview.loc["003", ["named_sources", "anonymous_sources"]].tolist() == [7, 11]
    assert overview.loc["001", "scare_quotes"] == 4       # encircled, surrender or die, sparing, completely surrounded
    assert overview.loc["000", "stance_on_encirclement"].startswith("asserts: Donald Trump, Vladimir Putin; denies: ")
    assert overview.loc["003", "stance_on_encirclement"] == ""   # "risk being encircled" is a hedge, not a claim
    assert overview.loc["004", "stance_on_encirclement"] == "asserts: Valery Gerasimov"


def test_actors_parameter_narrows_actor_tables(corpus):
    chosen = params(actors=["Vladimir Putin"])
    overview = comparison.outlet_overview(corpus, chosen).set_index("article_id")
    assert overview["n_actors"].max() == 1
    assert overview.loc["000", "stance_on_encirclement"] == "asserts: Vladimir Putin"
    assert overview["anonymous_sources"].sum() == 0
    speakers = comparison.quoted_speakers(corpus, chosen)
    assert set(speakers["speaker"]) == {"Vladimir Putin"}


def test_period_selects_articles_and_everything_follows(corpus):
    chosen = params(start="2025-03-12", end="2025-03-14")
    selected = comparison.select(corpus, chosen)
    assert list(selected.articles["id"]) == ["002", "004"]
    assert set(selected.sentences["article_id"]) == {"002", "004"}
    pairs = comparison.reuse_pairs(selected)
    assert list(zip(pairs["article_a"], pairs["article_b"])) == [("002", "004")]
    assert "2 of 5 articles selected (published 2025-03-12 to 2025-03-14" in \
        comparison.describe_selection(corpus, selected, chosen)
    # The full corpus is untouched.
    assert len(corpus.articles) == 5


def test_empty_selection_gives_no_rows_messages(corpus):
    chosen = params(start="2024-01-01", end="2024-01-31")
    selected = comparison.select(corpus, chosen)
    overview = comparison.outlet_overview(selected, chosen)
    assert overview.empty
    assert repr(comparison.show(overview, "no article in the selection")) == "No rows: no article in the selection."
    evidence = comparison.fact_evidence(selected)
    assert evidence.empty and comparison.omissions(evidence, selected).empty
    assert comparison.fact_matrix(evidence, selected)["n_articles"].eq(0).all()
    pairs = comparison.reuse_pairs(selected)
    attribution = comparison.attribution_table(selected)
    text = comparison.headline_numbers(selected, overview, evidence, pairs, attribution)
    assert "Articles compared: 0." in text and "No rows" in text
    for draw, frame in [(comparison.plot_sourcing, overview), (comparison.plot_registers, attribution),
                        (comparison.plot_reuse_heatmap, comparison.reuse_share_table(selected)),
                        (comparison.plot_fact_matrix, comparison.fact_matrix(evidence, selected))]:
        fig, ax = plt.subplots()
        assert draw(frame, ax) is ax
        plt.close(fig)
    explorer = comparison.reuse_explorer(selected)
    assert "fewer than two articles" in explorer.children[0].value


# ----------------------------------------------------------------------------- reuse and framing


def test_reuse_pairs_put_the_post_rewrite_first(corpus):
    pairs = comparison.reuse_pairs(corpus)
    top = pairs.iloc[0]
    assert (top["article_a"], top["article_b"]) == ("000", "001")
    assert top["verbatim_words"] == 14 and top["shared_words"] == 63
    assert pairs["shared_words"].is_monotonic_decreasing


def test_aligned_passages_for_one_pair_in_either_order(corpus):
    both = comparison.aligned_passages(corpus, "001", "000")
    assert len(both) == 4 and set(both["kind"]) == {"verbatim", "paraphrase"}
    assert both.equals(comparison.aligned_passages(corpus, "000", "001"))


def test_explorer_redraws_when_an_article_changes(corpus):
    explorer = comparison.reuse_explorer(corpus)
    label, controls, shown = explorer.children
    assert "Live in JupyterLab" in label.value and "snapshot of" in label.value
    pick_a, pick_b = controls.children
    assert (pick_a.value, pick_b.value) == ("000", "001")
    before = shown.value
    assert "Office of the Director of National Intelligence" in before
    pick_a.value = "003"
    assert shown.value != before and "share no passage" in shown.value
    pick_a.value = "001"
    assert "Pick two different articles" in shown.value


def test_article_text_is_escaped_in_the_explorer(tmp_path):
    sentence = ("Officials said the <script>alert(1)</script> report on the <b>Kursk</b> front "
                "was shared with the White House and the CIA on Monday morning.")
    (tmp_path / "a.txt").write_text(f"First article.\n{sentence}\nMore text here.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(f"Second article.\n{sentence}\nOther text there.\n", encoding="utf-8")
    (tmp_path / "m.csv").write_text(
        "id,file,outlet,headline,published\n"
        "a,a.txt,<img src=x onerror=alert(1)>,One,2025-03-14\n"
        "b,b.txt,Other,Two,2025-03-15\n", encoding="utf-8")
    corpus = ka.load_corpus(tmp_path / "m.csv")
    shown = comparison.passages_html(corpus, "a", "b")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in shown
    assert "<script>" not in shown and "<img" not in shown and "<b>Kursk" not in shown
    assert "&lt;img src=x onerror=alert(1)&gt; (a)" in shown


def test_attribution_table_and_verbs(corpus):
    table = comparison.attribution_table(corpus).set_index("article_id")
    assert table.loc["001", "loaded_verbs"] == "touted, claimed, slammed, floated, hailed"
    assert table.loc["002", "loaded"] == 0
    assert (table[["neutral", "descriptive", "loaded"]].sum(axis=1) == table["total"]).all()
    verbs = comparison.verb_table(corpus, top=10)
    assert verbs["register"].iloc[0] == "loaded" and len(verbs) == 10


def test_framing_table_marks_missing_headlines(corpus):
    framing = comparison.framing_table(corpus).set_index("article_id")
    assert framing.loc["000", "headline"] == "(none in the copy)"
    assert framing.loc["002", "lead"].startswith("Russian forces have almost completely surrounded")


def test_headline_numbers(corpus, evidence):
    overview = comparison.outlet_overview(corpus, params())
    text = comparison.headline_numbers(corpus, overview, evidence, comparison.reuse_pairs(corpus),
                                       comparison.attribution_table(corpus))
    assert "Most shared text: Reuters (000) and New York Post (001) share 63 words" in text
    assert "The Spokesman-Review (US wire/newspaper story) (003) 61% (11 of 18)" in text
    assert "CNN (004) 0% (0 of 10)" in text


def _quiet_load(manifest):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ka.CorpusWarning)
        return ka.load_corpus(manifest)


def test_undated_articles_leave_the_period_but_not_the_full_view():
    corpus = _quiet_load(FIXTURES / "extraction" / "articles.csv")
    everything = comparison.select(corpus, params())
    assert "fx2" in set(everything.articles["id"])
    period = comparison.select(corpus, params(start="2025-03-01", undated="drop"))
    assert "fx2" not in set(period.articles["id"])
    kept = comparison.select(corpus, params(start="2025-03-01"))  # undated "keep", the default
    assert "fx2" in set(kept.articles["id"])
    assert "left out" in comparison.describe_selection(corpus, period, params(start="2025-03-01", undated="drop"))
    overview = comparison.outlet_overview(everything, params())
    assert pd.isna(overview.set_index("article_id").loc["fx2", "published"])


def test_charts_stay_readable_on_a_larger_corpus(tmp_path):
    """45 articles (the seeds copied nine times): every table keeps them all, each chart
    draws at most comparison.PLOTTED and says so in its title."""
    seeds = pd.read_csv(paths.MANIFEST, dtype=str, keep_default_na=False)
    rows = []
    for copy in range(9):
        for row in seeds.itertuples(index=False):
            name = f"{copy}_{row.id}.txt"
            text = (paths.DATA / row.file).resolve().read_text(encoding="utf-8")
            (tmp_path / name).write_text(f"Copy {copy} of the article.\n{text}", encoding="utf-8")
            rows.append({"id": f"c{copy}_{row.id}", "file": name, "outlet": row.outlet,
                         "headline": row.headline, "published": row.published})
    pd.DataFrame(rows).to_csv(tmp_path / "articles.csv", index=False)
    corpus = ka.load_corpus(tmp_path / "articles.csv")
    overview = comparison.outlet_overview(corpus, params())
    assert len(overview) == 45
    square = comparison.reuse_share_table(corpus)
    assert square.shape == (comparison.PLOTTED, comparison.PLOTTED)
    assert comparison.figure_size(45)[1] == comparison.figure_size(comparison.PLOTTED)[1]
    fig, ax = plt.subplots()
    assert f"(the {comparison.PLOTTED} of 45 articles with the most attributions" in comparison.plot_sourcing(overview, ax).get_title()
    plt.close(fig)
    fig, ax = plt.subplots()
    matrix = comparison.fact_matrix(comparison.fact_evidence(corpus), corpus)
    assert f"first {comparison.PLOTTED} of 45 articles" in comparison.plot_fact_matrix(matrix, ax).get_title()
    plt.close(fig)
    evidence = comparison.fact_evidence(corpus)
    text = comparison.headline_numbers(corpus, overview, evidence, comparison.reuse_pairs(corpus),
                                       comparison.attribution_table(corpus))
    assert "45 articles, the 5 highest: " in text


def test_register_legend_is_one_row_above_the_bars(corpus):
    """Beside the bars, a 40-article chart's legend ran to the very edge of the image: it is
    now one row between the title and the bars, inside the figure's width."""
    attribution = comparison.attribution_table(corpus)
    many = pd.concat([attribution] * 8, ignore_index=True)
    many["article_id"] = [f"a{i:03d}" for i in range(len(many))]
    fig, ax = plt.subplots(figsize=comparison.figure_size(len(many)))
    comparison.plot_registers(many, ax)
    fig.tight_layout()
    fig.canvas.draw()
    legend, axes, page = ax.get_legend().get_window_extent(), ax.get_window_extent(), fig.bbox
    assert legend.y0 >= axes.y1 and legend.y1 <= page.y1  # above the bars, below the top
    assert axes.x0 <= legend.x0 and legend.x1 <= axes.x1  # within the axes' width
    assert legend.height < 2 * ax.get_legend().get_texts()[0].get_window_extent().height  # one row
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["neutral", "descriptive", "loaded"]
    plt.close(fig)
