"""Named versus anonymous sourcing, checked against readings of the seeds."""
from kursk_analysis.extract.sourcing import sources, sourcing_summary


def test_cnn_entry_cites_only_named_sources(corpus):
    summary = sourcing_summary(corpus).set_index("article_id")
    assert summary.loc["004", "anonymous"] == 0
    # ("What Ukraine is saying: ..." is Ukraine's, named)
    assert summary.loc["004", "named_sources"] == \
        "Oleksandr Syrskyi; Ukrainian government; Valery Gerasimov; Vladimir Putin"


def test_december_story_leans_most_on_anonymous_officials(corpus):
    summary = sourcing_summary(corpus).set_index("article_id")
    # 003 is built on "U.S. officials ... speaking on condition of anonymity".
    assert summary["share_anonymous"].idxmax() == "003"
    assert summary.loc["003", "anonymous"] > summary.loc["003", "named"]
    assert "U.S. officials" in summary.loc["003", "anonymous_sources"]


def test_reuters_lead_source_is_anonymous(corpus):
    table = sources(corpus)
    lead = table[(table["article_id"] == "000") & (table["verb"] == "according to")]
    assert lead.iloc[0]["subject_text"] == "three U.S. and European officials"
    assert bool(lead.iloc[0]["anonymous"])


def test_possessive_claims_are_not_sources(corpus):
    table = sources(corpus)
    # "Putin's March 13 claim" (000) describes a claim; it is not Reuters citing Putin.
    assert not ((table["article_id"] == "000") & (table["verb"] == "claim")).any()
    for row in table.itertuples():
        assert row.start < row.end
