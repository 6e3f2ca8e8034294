"""Corrections with provenance: a reviewer's fixes, kept in corrections.csv beside the
manifest, change a stance and a speaker in every table built on them, are marked and
attributed, and a correction that no longer matches a row is an error. Texts are written
for these tests."""
from __future__ import annotations

import pytest

from extraction_gold import mini_corpus
import kursk_analysis as ka
from kursk_analysis.corpus import corrections
from kursk_analysis.corpus.model import load_corpus
from kursk_analysis.workbook import cli

TEXTS = {
    "c1": ("Vladimir Putin said Ukrainian troops had been encircled in the Kursk region.\n\n"
           "\u201cThe situation is very bad for them,\u201d said Donald Trump.\n\n"
           "The weather was cold and the roads were muddy near the border.\n"),
}
HEADER = "table,article_id,sentence_id,key,field,value,who,when,why\n"


@pytest.fixture
def study(tmp_path):
    corpus = mini_corpus(tmp_path, TEXTS)
    return tmp_path, corpus


def _write(folder, *lines):
    (folder / "corrections.csv").write_text(HEADER + "".join(line + "\n" for line in lines), encoding="utf-8")
    return load_corpus(folder / "articles.csv")


def test_a_stance_and_a_speaker_corrected_in_every_table(study):
    folder, raw = study
    [stance] = ka.stances(raw).itertuples()
    [quote] = ka.quotes(raw).itertuples()
    assert (stance.actor, stance.stance) == ("Vladimir Putin", "asserts")
    assert quote.speaker == "Donald Trump"
    corpus = _write(
        folder,
        f"stances,c1,{stance.sentence_id},Vladimir Putin,stance,denies,A. Reviewer,2026-11-30,Test of a flip.",
        f"quotes,c1,{quote.sentence_id},{quote.start},speaker,Kyiv Post reporter,A. Reviewer,2026-11-30,"
        "\"Said by the reporter, not Trump.\"",
    )
    assert corpus.corrections_file == (folder / "corrections.csv").resolve()
    stances = ka.stances(corpus)
    assert stances[["actor", "stance", "corrected"]].astype(str).values.tolist() == [["Vladimir Putin", "denies", "True"]]
    assert stances["correction"].tolist() == ["A. Reviewer, 2026-11-30: Test of a flip."]
    quotes = ka.quotes(corpus)
    assert quotes["speaker"].tolist() == ["Kyiv Post reporter"] and quotes["corrected"].tolist() == [True]
    # the tables built on them see the corrected rows
    from kursk_analysis.analyses import rhetoric

    assert rhetoric.stance_points(ka.stances(corpus))["stance"].astype(str).tolist() == ["denies"]
    shown = rhetoric.quote_table(ka.quotes(corpus), corpus.articles)
    assert shown[["actor", "corrected"]].values.tolist() == [["Kyiv Post reporter", True]]
    # extraction itself is untouched
    assert ka.stances(corpus, corrected=False)["stance"].astype(str).tolist() == ["asserts"]
    assert "corrected" not in ka.quotes(corpus, corrected=False)


def test_a_deleted_row_is_gone(study):
    folder, raw = study
    sid = ka.stances(raw)["sentence_id"].iloc[0]
    corpus = _write(folder, f"stances,c1,{sid},Vladimir Putin,,delete,A. Reviewer,2026-11-30,Not a stance.")
    assert ka.stances(corpus).empty


def test_a_stale_correction_is_an_error_naming_the_line(study):
    folder, raw = study
    corpus = _write(folder, "stances,c1,c1.p03.s01,Vladimir Putin,stance,denies,A. Reviewer,2026-11-30,Wrong row.")
    with pytest.raises(ka.CorrectionError, match=r"corrections.csv, line 2: no stances row has article_id c1, "
                                                 r"sentence_id c1.p03.s01 and actor Vladimir Putin"):
        ka.stances(corpus)


@pytest.mark.parametrize("line,message", [
    ("verbs,c1,c1.p01.s01,x,stance,denies,me,2026-11-30,why", "table 'verbs' cannot be corrected"),
    ("stances,c1,c1.p01.s01,x,stance,maybe,me,2026-11-30,why", "must be one of asserts, denies"),
    ("stances,c1,c1.p01.s01,x,evidence,text,me,2026-11-30,why", "'field' 'evidence' cannot be corrected"),
    ("quotes,c1,c1.p01.s01,first,speaker,X,me,2026-11-30,why", "start offset"),
    ("stances,c1,c1.p01.s01,x,stance,denies,,2026-11-30,why", "'who' is empty"),
    ("stances,c1,c1.p01.s01,x,stance,denies,me,30/11/2026,why", "YYYY-MM-DD"),
    ("stances,c1,c1.p01.s01,x,stance,denies,me,2026-11-30", "has 8 fields"),
])
def test_a_bad_line_is_refused_when_the_corpus_loads(study, line, message):
    folder, _ = study
    with pytest.raises(ka.CorrectionError, match=message) as error:
        _write(folder, line)
    assert "corrections.csv, line 2" in str(error.value)


def test_corrections_check_lists_what_applies(study, capsys):
    folder, raw = study
    sid = ka.stances(raw)["sentence_id"].iloc[0]
    _write(folder, f"stances,c1,{sid},Vladimir Putin,stance,denies,A. Reviewer,2026-11-30,Test of a flip.")
    assert cli.main(["corrections", "check", "--manifest", str(folder / "articles.csv")]) == 0
    printed = capsys.readouterr().out
    assert "asserts" in printed and "denies" in printed and "A. Reviewer" in printed
    assert corrections.check(load_corpus(folder / "articles.csv"))["rows"].tolist() == [1]


def test_no_file_means_no_change(study):
    _, corpus = study
    assert corpus.corrections == () and "corrected" not in ka.stances(corpus)


def test_row_tables_keep_the_mark(study):
    folder, raw = study
    [stance] = ka.stances(raw).itertuples()
    corpus = _write(folder, f"stances,c1,{stance.sentence_id},Vladimir Putin,stance,denies,A. Reviewer,2026-11-30,Flip.")
    from kursk_analysis.analyses import prose, rhetoric

    chronology = rhetoric.chronology(ka.stances(corpus), corpus.articles)
    assert chronology[["actor", "stance", "corrected"]].values.tolist() == [["Vladimir Putin", "denies", True]]
    assert "1 correction by hand from corrections.csv is applied (1 to stances)" in prose.describe_corpus(corpus)
