"""A study of one's own: a custom gazetteer (an actor renamed, one added) and a custom claim
file reach every table and the notebooks through `kursk-analysis run -p gazetteer -p claim`.
The articles are written for this test."""
from __future__ import annotations

import csv
import warnings

import pandas as pd

import kursk_analysis as ka
from kursk_analysis.workbook import cli
from kursk_analysis import paths

ARTICLES = {
    "s1": ("V. V. Putin said on Friday that Russia had agreed to a full ceasefire. \u201cWe have "
           "agreed to a full ceasefire along the whole front,\u201d Putin said.\n\n"
           "Ilse Marten, an analyst, said Ukraine still held about 300 square kilometres of "
           "Russian territory.\n"),
    "s2": ("Marten denied that Moscow had agreed to a ceasefire. \u201cNothing on the ground "
           "shows a truce of any kind,\u201d the analyst said.\n"),
}
CLAIM = ("name: ceasefire\n"
         "description: Russia has agreed to a full ceasefire.\n"
         "terms:\n"
         "  - {name: agreed to a ceasefire, pattern: \"agreed to (?:a |the )?(?:full )?ceasefire\"}\n")


def _study(tmp_path):
    for aid, text in ARTICLES.items():
        (tmp_path / f"{aid}.txt").write_text(text, encoding="utf-8")
    (tmp_path / "articles.csv").write_text(
        "id,file,outlet,headline,published\n"
        + "".join(f"{aid},{aid}.txt,Outlet {aid},Headline {aid},2025-03-1{i}\n"
                  for i, aid in enumerate(ARTICLES, start=4)), encoding="utf-8")
    rows = list(csv.DictReader(open(paths.DATA / "actors.csv", encoding="utf-8")))
    for row in rows:
        if row["actor"] == "Vladimir Putin":
            row["actor"] = "V. V. Putin"  # renamed: no table may say "Vladimir Putin"
    rows.append({"actor": "Ilse Marten", "kind": "person", "side": "independent",
                 "anonymous": "false", "gender": "f", "role": "analyst",
                 "aliases": "Ilse Marten|Marten", "pattern": ""})
    with open(tmp_path / "actors.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    (tmp_path / "ceasefire.yaml").write_text(CLAIM, encoding="utf-8")
    return tmp_path / "articles.csv", tmp_path / "actors.csv", tmp_path / "ceasefire.yaml"


def test_one_gazetteer_reaches_every_table(tmp_path):
    manifest, gazetteer, claim = _study(tmp_path)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = ka.load_corpus(manifest, gazetteer=gazetteer)
    quotes, stances = ka.quotes(corpus), ka.stances(corpus, claim=str(claim))
    figures = ka.territory_figures(corpus)
    assert set(quotes["speaker"].dropna()) == {"V. V. Putin", "Ilse Marten"}
    assert quotes["speaker_in_gazetteer"].all()
    found = set(zip(stances["actor"], stances["stance"].astype(str)))
    assert found == {("V. V. Putin", "asserts"), ("Ilse Marten", "denies")}
    assert stances["in_gazetteer"].all() and set(stances["side"].astype(str)) == {"Russia", "independent"}
    assert list(figures["claimant"]) == ["Ilse Marten"]
    names = set(ka.actors(corpus)["actor"])
    assert "V. V. Putin" in names and "Vladimir Putin" not in names


def test_run_with_a_gazetteer_and_a_claim_of_ones_own(tmp_path):
    manifest, gazetteer, claim = _study(tmp_path)
    output = tmp_path / "report"
    assert cli.main(["run", "--manifest", str(manifest), "--output", str(output),
                     "-p", "gazetteer", str(gazetteer), "-p", "claim", str(claim)]) == 0
    stances = pd.read_csv(output / "03_actor_rhetoric_tables" / "stances.csv", encoding="utf-8-sig")
    assert set(zip(stances["actor"], stances["stance"])) == {("V. V. Putin", "asserts"),
                                                              ("Ilse Marten", "denies")}
    report = (output / "03_actor_rhetoric.no-code.html").read_text(encoding="utf-8")
    assert "Claim: ceasefire (Russia has agreed to a full ceasefire.)" in report
    quotes = pd.read_csv(output / "03_actor_rhetoric_tables" / "quotes.csv", encoding="utf-8-sig")
    assert "Vladimir Putin" not in set(quotes["speaker"]) and "V. V. Putin" in set(quotes["speaker"])
