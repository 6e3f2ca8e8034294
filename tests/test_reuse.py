"""Text reuse, checked against passages read by hand in both texts.

The seeds: the New York Post piece (001) rewrites the Reuters report (000). Every aligned
pair the default settings return on the seeds is listed in JUDGED with the verdict from
reading both sentences; a new row fails the test until someone reads and judges it.
"""
from __future__ import annotations

import shutil

import pandas as pd
import pytest

from kursk_analysis import load_corpus, paths
from kursk_analysis.corpus.model import Corpus
from kursk_analysis.extract.reuse import (
    PAIR_COLUMNS, PASSAGE_COLUMNS, duplicate_articles, reuse_matrix, reuse_square,
    shared_passages,
)

FIXTURE = paths.ROOT / "tests" / "fixtures" / "reuse"

# (article_a, article_b, sentence_id_a, sentence_id_b) -> True if, reading both sentences,
# one restates the other (same proposition, wording partly kept).
JUDGED = {
    # The copied sentence (Reuters lists "CIA," without "the").
    ("000", "001", "000.p06.s03", "001.p12.s01"): True,
    # Lead: not surrounded despite Trump and Putin, per US and European intelligence.
    ("000", "001", "000.p01.s01", "001.p01.s01"): True,
    # "now hold only 20 to 30 square miles" / "dropped to just 20 to 30 square miles".
    ("000", "001", "000.p08.s02", "001.p15.s01"): True,
    # ISW: "found no geolocated evidence" / "observed no geolocated evidence".
    ("000", "001", "000.p11.s02", "001.p11.s01"): True,
    # Trump asked Putin to spare the lives of the Ukrainian troops (same fact, own words).
    ("000", "002", "000.p05.s01", "002.p24.s02"): True,
    # First occupation of Russian land by a foreign army since World War II (background
    # both outlets give in their own words: a paraphrase of a stock fact, not copying).
    ("002", "004", "002.p18.s01", "004.p10.s01"): True,
}
# Read by hand as rewrites in the Post of Reuters sentences; the first four are found.
HAND_ALIGNED_000_001 = {
    ("000.p01.s01", "001.p01.s01"), ("000.p06.s03", "001.p12.s01"),
    ("000.p08.s02", "001.p15.s01"), ("000.p11.s02", "001.p11.s01"),
    ("000.p02.s01", "001.p04.s01"), ("000.p04.s02", "001.p07.s01"),
    ("000.p05.s01", "001.p09.s01"), ("000.p08.s01", "001.p13.s01"),
}


@pytest.fixture(scope="module")
def seeds():
    return load_corpus()


@pytest.fixture(scope="module")
def fixture_corpus():
    return load_corpus(FIXTURE / "manifest.csv")


def _key(row):
    return (row.article_a, row.article_b, row.sentence_id_a, row.sentence_id_b)


def assert_offsets_exact(corpus, passages):
    for row in passages.itertuples():
        assert corpus.texts[row.article_a][row.start_a:row.end_a] == row.text_a
        assert corpus.texts[row.article_b][row.start_b:row.end_b] == row.text_b
        # Each passage lies inside the sentence it names.
        for article, sentence_id, start, end in (
            (row.article_a, row.sentence_id_a, row.start_a, row.end_a),
            (row.article_b, row.sentence_id_b, row.start_b, row.end_b),
        ):
            sentence = corpus.sentences.set_index("sentence_id").loc[sentence_id]
            assert sentence["article_id"] == article
            assert sentence["start"] <= start < end <= sentence["end"]


# --------------------------------------------------------------------------- fixture


def test_fixture_copied_paragraph_is_verbatim_sentence_by_sentence(fixture_corpus):
    passages = shared_passages(fixture_corpus)
    verbatim = passages[passages["kind"] == "verbatim"]
    assert list(zip(verbatim["sentence_id_a"], verbatim["sentence_id_b"])) == [
        ("wire.p03.s01", "rewrite.p02.s01"), ("wire.p03.s02", "rewrite.p02.s02"),
    ]
    assert list(verbatim["text_a"]) == [
        "Emergency services moved forty patients by boat across the river during the afternoon",
        "Volunteers from three neighbouring villages helped load the boats at the ferry landing",
    ]
    assert list(verbatim["n_shared_words"]) == [13, 13]


def test_fixture_paraphrase_found_and_nothing_else(fixture_corpus):
    passages = shared_passages(fixture_corpus)
    paraphrase = passages[passages["kind"] == "paraphrase"]
    assert list(zip(paraphrase["sentence_id_a"], paraphrase["sentence_id_b"])) == [
        ("wire.p04.s01", "rewrite.p03.s01")
    ]
    assert paraphrase["text_b"].iloc[0].startswith("Mayor Ellen Park thanked the volunteers")
    # The shopkeepers, the forecast and the council meeting are in one article only.
    assert len(passages) == 3
    assert_offsets_exact(fixture_corpus, passages)


def test_fixture_shares(fixture_corpus):
    pairs = reuse_matrix(fixture_corpus)
    assert list(pairs.columns) == PAIR_COLUMNS
    row = pairs.iloc[0]
    assert (row.article_a, row.article_b, row.duplicate) == ("wire", "rewrite", False)
    assert row.verbatim_words == 26
    assert row.shared_words == row.verbatim_words + row.paraphrase_words
    words = duplicate_articles(fixture_corpus).set_index("article_id")["n_words"]
    assert row.share_of_a == pytest.approx(row.shared_words / words["wire"])
    assert row.share_of_b == pytest.approx(row.shared_words / words["rewrite"])
    square = reuse_square(fixture_corpus)
    assert square.loc["wire", "rewrite"] == pytest.approx(row.share_of_a)
    assert square.loc["rewrite", "wire"] == pytest.approx(row.share_of_b)
    assert square.isna().values.diagonal().all()


def test_exact_duplicates_are_reported_once(tmp_path):
    for name in ("wire.txt", "rewrite.txt"):
        shutil.copy(FIXTURE / name, tmp_path / name)
    shutil.copy(FIXTURE / "wire.txt", tmp_path / "copy.txt")
    (tmp_path / "manifest.csv").write_text(
        "id,file,outlet,headline,published\n"
        "wire,wire.txt,W,Floods,2025-03-17\n"
        "rewrite,rewrite.txt,R,Floods,2025-03-18\n"
        "copy,copy.txt,C,Floods,2025-03-19\n",
        encoding="utf-8",
    )
    corpus = load_corpus(tmp_path / "manifest.csv")
    assert dict(zip(*duplicate_articles(corpus)[["article_id", "duplicate_of"]].T.values)) == {
        "wire": "wire", "rewrite": "rewrite", "copy": "wire",
    }
    passages = shared_passages(corpus)
    assert set(passages["article_a"]) == {"wire"} and set(passages["article_b"]) == {"rewrite"}
    pairs = reuse_matrix(corpus)
    copy = pairs[pairs["duplicate"]]
    assert list(zip(copy["article_a"], copy["article_b"])) == [("wire", "copy")]
    assert (copy["share_of_a"] == 1.0).all() and (copy["share_of_b"] == 1.0).all()
    square = reuse_square(corpus)
    assert square.loc["copy", "rewrite"] == square.loc["wire", "rewrite"] > 0
    assert square.loc["copy", "wire"] == 1.0


# --------------------------------------------------------------------------- seeds


def test_columns_dtypes_and_order(seeds):
    passages = shared_passages(seeds)
    assert list(passages.columns) == PASSAGE_COLUMNS
    assert str(passages["kind"].dtype) == "category"
    assert passages[["start_a", "end_a", "start_b", "end_b", "n_shared_words"]].dtypes.eq(
        "int64"
    ).all()
    assert passages["similarity"].dtype == "float64"
    assert passages["similarity"].between(0, 1).all()
    assert (passages["article_a"] < passages["article_b"]).all()  # manifest order 000..004
    again = shared_passages(seeds, min_similarity=0.30000001)  # a fresh computation
    pd.testing.assert_frame_equal(passages.drop(columns="similarity"),
                                  again.drop(columns="similarity"))


def test_offsets_exact_for_every_row(seeds):
    assert_offsets_exact(seeds, shared_passages(seeds))
    assert_offsets_exact(seeds, shared_passages(seeds, min_words=6, min_similarity=0.2))


def test_post_shares_most_with_reuters(seeds):
    pairs = reuse_matrix(seeds).set_index(["article_a", "article_b"])
    top = pairs["shared_words"].idxmax()
    assert top == ("000", "001")
    others = pairs.drop(index=[("000", "001")])
    assert pairs.loc[("000", "001"), "shared_words"] >= 3 * others["shared_words"].max()
    assert pairs.loc[("000", "001"), "share_of_b"] > 0.08


def test_only_the_post_copies_verbatim(seeds):
    passages = shared_passages(seeds)
    verbatim = passages[passages["kind"] == "verbatim"]
    assert set(zip(verbatim["article_a"], verbatim["article_b"])) == {("000", "001")}
    row = verbatim.iloc[0]
    assert row.text_b == (
        "CIA and the Office of the Director of National Intelligence all declined to comment"
    )
    assert row.n_shared_words == 14
    # A shared name with its apposition ("The Institute for the Study of War, a
    # Washington-based", nine words, in 001 and 002) is not copying.
    loose = shared_passages(seeds, min_words=9)
    assert ("001", "002") in set(zip(loose.loc[loose["kind"] == "verbatim", "article_a"],
                                     loose.loc[loose["kind"] == "verbatim", "article_b"]))


def test_hand_verified_rewrites_are_found(seeds):
    found = {_key(r) for r in shared_passages(seeds).itertuples()}
    for key in [
        ("000", "001", "000.p06.s03", "001.p12.s01"),
        ("000", "001", "000.p11.s02", "001.p11.s01"),
        ("000", "001", "000.p08.s02", "001.p15.s01"),
        ("000", "001", "000.p01.s01", "001.p01.s01"),
    ]:
        assert key in found


def test_precision_and_recall_on_hand_judged_pairs(seeds):
    passages = shared_passages(seeds)
    keys = [_key(r) for r in passages.itertuples()]
    unjudged = [k for k in keys if k not in JUDGED]
    assert not unjudged, f"read and judge these aligned pairs, then add them to JUDGED: {unjudged}"
    precision = sum(JUDGED[k] for k in keys) / len(keys)
    aligned = {(k[2], k[3]) for k in keys if k[:2] == ("000", "001")}
    recall = len(aligned & HAND_ALIGNED_000_001) / len(HAND_ALIGNED_000_001)
    print(f"reuse: {len(keys)} aligned pairs, precision {precision:.2f}; "
          f"recall of the hand-aligned Reuters/Post sentences {recall:.2f}")
    assert precision >= 0.9
    assert recall >= 0.5


def test_a_sentence_is_aligned_at_most_once_per_pair(seeds):
    passages = shared_passages(seeds, min_similarity=0.15)
    paraphrase = passages[passages["kind"] == "paraphrase"]
    for side in ("a", "b"):
        assert not paraphrase.duplicated(["article_a", "article_b", f"sentence_id_{side}"]).any()


# --------------------------------------------------------------------------- scale


def _replicated(corpus: Corpus, copies: int) -> Corpus:
    """The seeds repeated `copies` times under new ids, built without re-parsing."""
    ids = list(corpus.articles["id"])
    new_ids = [f"r{n:05d}_{i}" for n in range(copies) for i in ids]
    source = {new: new.split("_", 1)[1] for new in new_ids}

    def repeat(frame: pd.DataFrame, column: str) -> pd.DataFrame:
        parts = []
        for n in range(copies):
            part = frame.copy()
            part[column] = [f"r{n:05d}_{v}" for v in part[column]]
            for other in ("paragraph_id", "sentence_id"):
                if other in part and other != column:
                    part[other] = [f"r{n:05d}_{v}" for v in part[other]]
            parts.append(part)
        return pd.concat(parts, ignore_index=True)

    return Corpus(
        corpus.manifest,
        repeat(corpus.articles, "id"),
        repeat(corpus.paragraphs, "article_id"),
        repeat(corpus.sentences, "article_id"),
        repeat(corpus.removed, "article_id"),
        {new: corpus.texts[source[new]] for new in new_ids},
    )


def test_ten_thousand_replicated_articles_are_analysed_once(seeds):
    # Speed is measured by benchmarks/corpus_growth.py; this checks what copies give.
    big = _replicated(seeds, 2000)
    assert len(big.articles) == 10_000
    passages = shared_passages(big)
    pairs = reuse_matrix(big)
    # Analysed as the five distinct texts: the same passages, under the first copies' ids.
    small = shared_passages(seeds)
    assert len(passages) == len(small)
    assert list(passages["article_a"].str.split("_").str[1]) == list(small["article_a"])
    assert list(passages["text_b"]) == list(small["text_b"])
    assert pairs["duplicate"].sum() == 10_000 - 5
