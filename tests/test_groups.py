"""Unnamed groups (rules/groups.yaml) are named through the study's gazetteer: a renamed
group keeps being found by its old name as an alias, and a group the gazetteer lacks gives
no speaker rather than a name the gazetteer does not know."""
from __future__ import annotations

import pandas as pd
import pytest

import kursk_analysis as ka
from kursk_analysis import lexicon, paths
from kursk_analysis.errors import RuleError
from kursk_analysis.extract.actors import study_groups

TEXT = ('KYIV (Test Wire) - Ukrainian and Western officials said the units were "nowhere near being cut off" on Friday.\n\n'
        'A company commander, Ukrainian by birth, said: "We walked out in good order."\n')


def _corpus(tmp_path, gazetteer=None):
    tmp_path.mkdir(parents=True, exist_ok=True)
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "articles.csv").write_text(
        "id,file,outlet,headline,published\na1,a.txt,Test Wire,Units not cut off,2025-03-14\n", encoding="utf-8")
    return ka.load_corpus(tmp_path / "articles.csv", corrections="", gazetteer=gazetteer)


def test_every_group_of_the_rules_is_an_actor_of_the_bundled_gazetteer():
    canonical = set(pd.read_csv(paths.DATA / "actors.csv", dtype=str)["actor"])
    named = {name for family in lexicon.groups().values() for name in family.values()}
    assert named <= canonical
    assert all(name is not None for family in study_groups().values() for name in family.values())


def test_groups_follow_the_study_gazetteer(tmp_path):
    bundled = _corpus(tmp_path / "bundled")
    assert list(ka.speech_frames(bundled)["actor"]) == ["Western officials", "Ukrainian officials", "Ukrainian soldiers"]
    table = pd.read_csv(paths.DATA / "actors.csv", dtype=str, keep_default_na=False)
    renamed = table["actor"] == "Ukrainian officials"
    table.loc[renamed, "actor"], table.loc[renamed, "aliases"] = "Kyiv officials", "Ukrainian officials"
    own = tmp_path / "actors.csv"
    table[table["actor"] != "Ukrainian soldiers"].to_csv(own, index=False)
    study = _corpus(tmp_path / "study", gazetteer=own)
    assert ka.speech_frames(study)["actor"].tolist() == ["Western officials", "Kyiv officials", None]
    assert ka.quotes(study)["speaker"].tolist() == ["Western officials", None]


def test_a_malformed_groups_file_is_named(tmp_path):
    bad = tmp_path / "groups.yaml"
    bad.write_text("officials_by_word: {Ukrainian: Ukrainian officials}\n", encoding="utf-8")
    with pytest.raises(RuleError, match="must hold exactly the families"):
        lexicon.groups(str(bad))
    bad.write_text("officials_by_word: {Ukrainian: ''}\nofficials_by_side: {Russia: R}\nsoldiers_by_word: {R: S}\n",
                   encoding="utf-8")
    with pytest.raises(RuleError, match="'officials_by_word' entry 'Ukrainian'"):
        lexicon.groups(str(bad))
