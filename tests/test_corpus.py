"""The corpus loader on the bundled seeds and on a small corpus in another house style."""
from __future__ import annotations

import pandas as pd
import pytest

import kursk_analysis as ka
from kursk_analysis import paths
from kursk_analysis.corpus.boilerplate import split_paragraphs

OTHER = paths.ROOT / "tests" / "fixtures" / "other_format" / "articles.csv"


def test_seed_articles_counts_and_dates(corpus):
    articles = corpus.articles.set_index("id")
    assert list(articles.index) == ["000", "001", "002", "003", "004"]
    assert articles["published"].dt.strftime("%Y-%m-%d").tolist() == [
        "2025-03-19", "2025-03-20", "2025-03-14", "2024-12-27", "2025-03-12"
    ]
    # Counted by hand from the seed texts (004: paragraphs 3-11 hold 1,1,2,1,1,1,1,3,3).
    assert articles["n_sentences"].tolist() == [21, 16, 30, 26, 14]
    assert articles["n_paragraphs"].tolist() == [11, 16, 22, 18, 9]  # lines or blocks less removed
    assert str(articles["published"].dtype) == "datetime64[ns]"
    assert isinstance(articles["outlet"].dtype, pd.CategoricalDtype)


def test_headlines_from_manifest(corpus):
    headlines = corpus.articles.set_index("id")["headline"]
    assert headlines["002"] == "Russian forces closing in on Ukrainian troops in Kursk, official says"
    assert headlines["000"] == "" and headlines["004"] == ""


@pytest.mark.parametrize("table", ["paragraphs", "sentences", "removed"])
def test_every_offset_points_at_its_text(corpus, table):
    frame = getattr(corpus, table)
    assert len(frame) > 0
    for row in frame.itertuples():
        assert corpus.texts[row.article_id][row.start:row.end] == row.text, row


def test_boilerplate_is_listed_with_reasons(corpus):
    removed = dict(zip(corpus.removed["paragraph_id"], corpus.removed["reason"]))
    assert removed == {
        "001.p17": "wire credit",
        "002.p01": "headline",
        "002.p02": "repeated headline",
        "002.p09": "photo caption",
        "002.p26": "page footer",
        "002.p27": "page footer",
        "002.p28": "page footer",
        "003.p01": "headline",
        "003.p12": "section header",
        "004.p01": "section header",
        "004.p02": "dateline header",
        "004.p12": "update note",
    }


def test_nothing_is_silently_dropped(corpus):
    # Every non-blank character of every article is in a kept paragraph or a removed one.
    for article_id, text in corpus.texts.items():
        covered = [False] * len(text)
        for frame in (corpus.paragraphs, corpus.removed):
            for row in frame[frame["article_id"] == article_id].itertuples():
                covered[row.start:row.end] = [True] * (row.end - row.start)
        lost = "".join(c for c, kept in zip(text, covered) if not kept and not c.isspace())
        assert lost == "", (article_id, lost[:80])


def test_no_boilerplate_left_in_sentences(corpus):
    text = " ".join(corpus.sentences["text"])
    for phrase in ("Leave a Reply", "Your email address", "Related Post", "With Post wires",
                   "via Reuters", "This post was updated", "presidency news"):
        assert phrase not in text


def test_abbreviations_do_not_split_sentences(corpus):
    sentences = corpus.sentences.set_index("sentence_id")["text"]
    assert sentences["002.p03.s01"].endswith("according to a U.S. military official.")
    assert "who takes office on Jan. 20, has said" in sentences["003.p05.s02"]
    assert not any(s.endswith(("U.S.", "Jan.", "Gen.", "Mr.")) for s in sentences)


def test_quotes_open_their_own_sentence(corpus):
    sentences = corpus.sentences.set_index("sentence_id")["text"]
    assert sentences["004.p05.s02"] == "\u201cThis enemy\u2019s plan totally collapsed.\u201d"
    assert sentences["002.p22.s02"].startswith("\u201cWill all those")


def test_ids_are_stable_and_unique(corpus):
    again = ka.load_corpus()
    pd.testing.assert_frame_equal(corpus.sentences, again.sentences)
    pd.testing.assert_frame_equal(corpus.articles, again.articles)
    assert corpus.sentences["sentence_id"].is_unique
    assert corpus.sentences["sentence_id"].str.fullmatch(r"\d{3}\.p\d{2}\.s\d{2}").all()


def test_other_format_corpus():
    with pytest.warns(ka.CorpusWarning, match=r"row 3 \(id 'beta'\): no publication date"):
        other = ka.load_corpus(OTHER)
    articles = other.articles.set_index("id")
    assert pd.isna(articles.loc["beta", "published"])
    assert articles.loc["alpha", "published"] == pd.Timestamp("2025-03-17")
    assert articles["extra_column"].tolist() == ["kept", "also kept"]  # unknown columns carried
    sentences = other.sentences.set_index("sentence_id")["text"]
    # Hard-wrapped paragraph with CRLF line ends stays one paragraph; abbreviations hold.
    assert sentences["alpha.p02.s02"] == "Lt. Gen. A. B. Petrenko spoke at 9 a.m. local time."
    assert sentences["alpha.p03.s01"] == '"We hold our positions," he said.'
    assert sentences["alpha.p03.s02"] == '"The enemy is lying."'
    assert sentences["alpha.p04.s01"] == "Mr. Petrenko said the U.S. and its allies were told on Jan. 20."
    # The byte-order mark is not part of the text, so offsets start at the first letter.
    assert other.texts["beta"].startswith("The front")
    for row in other.sentences.itertuples():
        assert other.texts[row.article_id][row.start:row.end] == row.text
    reasons = dict(zip(other.removed["paragraph_id"], other.removed["reason"]))
    assert reasons == {
        "alpha.p01": "headline", "alpha.p05": "wire credit",
        "beta.p01": "title line", "beta.p03": "photo caption",
    }


@pytest.mark.parametrize(
    "text, expected",
    [
        ("One.\nTwo.\nThree.", ["One.", "Two.", "Three."]),
        ("One\nstill one.\n\nTwo.", ["One\nstill one.", "Two."]),
        ("One.\r\n\r\n  Two.  \r\n", ["One.", "Two."]),
        ("\n\n  Only.\n\n\n", ["Only."]),
    ],
)
def test_split_paragraphs(text, expected):
    assert [text[a:b] for a, b in split_paragraphs(text)] == expected


def test_typography_folding_keeps_offsets():
    from kursk_analysis.corpus.text import fold, match_key

    raw = "\u201cNot \u2018encircled\u2019\u201d \u2014 Zelenskyy\u00a0said"
    assert len(fold(raw)) == len(raw)
    assert fold(raw) == "\"Not 'encircled'\" - Zelenskyy said"
    assert match_key("  Russia\u2019s  KURSK ") == "russia's kursk"


def test_crlf_file_with_one_paragraph_per_line():
    # A single CRLF is one line end, not a blank line (a regex once read it as two).
    text = "Head line here\r\nLine one.\r\nLine two.\r\n"
    assert [text[a:b] for a, b in split_paragraphs(text)] == ["Head line here", "Line one.", "Line two."]


@pytest.mark.parametrize(
    "paragraph, reason",
    [
        ("Soldiers near Sudzha on March 13, 2025. AP Photo", "photo caption"),
        ("A tank in Kursk. (AP Photo)", "photo caption"),
        ("Residents wait for buses (Staff photo by Jenna Moore)", "photo caption"),
        ("Smoke over Sudzha. Photograph: Meridian Gazette picture desk", "photo caption"),
        ("Related: What a 30-day ceasefire would and would not cover", "page footer"),
        ("Read also: How DeepState maps the front line in Kursk each night", "page footer"),
        ("Forwarded this email? Sign up for our newsletter here.", "page footer"),
        ("Sign up for the Baltic Monitor morning briefing.", "page footer"),
        ("(Additional reporting by Jane Doe in Kyiv)", "wire credit"),
        ("The army said it held 500 square miles at the peak, according to AP.", None),
        ("Related coverage of the war is on page 4.", None),
        ("He said the related talks failed.", None),
    ],
)
def test_boilerplate_rules_on_other_house_styles(paragraph, reason):
    from kursk_analysis.corpus.boilerplate import classify_paragraphs

    assert classify_paragraphs(["Body text here.", paragraph], "")[1] == reason
