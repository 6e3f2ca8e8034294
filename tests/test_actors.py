"""Actor gazetteer and mentions: validation, canonical names, offsets, speaker resolution."""
from __future__ import annotations

import pandas as pd
import pytest

from extraction_gold import corpora
from kursk_analysis.extract.actors import (COLUMNS, ArticleActors, GazetteerError, actor_info, actors,
                                   find_mentions, gazetteer, matcher, resolve_speaker)
from kursk_analysis.corpus.text import fold


@pytest.fixture(scope="module")
def seeds():
    return corpora()[0]


def test_gazetteer_is_valid_and_has_the_canonical_names():
    table = gazetteer()
    assert list(table.columns) == list(COLUMNS)
    assert table["anonymous"].dtype == bool
    for name in ["Vladimir Putin", "Donald Trump", "Volodymyr Zelensky", "Valery Gerasimov",
                 "Oleksandr Syrskyi", "Ukrainian General Staff", "Institute for the Study of War",
                 "CIA", "White House", "National Security Council", "Kremlin", "Steve Witkoff",
                 "Marco Rubio", "Mike Waltz", "John Kirby", "Mark Cancian", "Angelica Evans",
                 "George Barros", "Office of the Director of National Intelligence",
                 "Russian Defence Ministry", "Office of the President of Ukraine"]:
        assert name in set(table["actor"]), name
    groups = table[table["kind"] == "group"]
    assert groups["anonymous"].all()


@pytest.mark.parametrize("row, message", [
    ("Someone,person,Mars,false,,x,Someone,", "side 'Mars'"),
    ("Someone,robot,Russia,false,,x,Someone,", "kind 'robot'"),
    ("Someone,person,Russia,false,,x,Putin,", "alias 'Putin' also belongs to 'Vladimir Putin'"),
    ("Someone,person,Russia,false,,x,,", "neither aliases nor a pattern"),
    ("Someone,group,Russia,true,,x,,\"(unclosed\"", "pattern does not compile"),
])
def test_bad_gazetteer_rows_are_named(tmp_path, row, message):
    good = (gazetteer.__globals__["GAZETTEER"]).read_text(encoding="utf-8")
    path = tmp_path / "actors.csv"
    path.write_text(good.rstrip("\n") + "\n" + row + "\n", encoding="utf-8")
    n_rows = good.rstrip("\n").count("\n") + 2
    with pytest.raises(GazetteerError, match=f"row {n_rows}") as error:
        gazetteer(path)
    assert message in str(error.value)


def test_mentions_point_into_the_raw_text(seeds):
    table = actors(seeds)
    assert list(table.columns) == ["article_id", "sentence_id", "start", "end", "text", "actor",
                                   "kind", "side", "anonymous"]
    for row in table.itertuples():
        assert seeds.texts[row.article_id][row.start:row.end] == row.text
    assert table.equals(table.sort_values(["article_id", "start"]).reset_index(drop=True))
    assert actors(seeds) is table  # cached per corpus


def test_seed_mentions(seeds):
    found = {(r.article_id, r.text): r.actor for r in actors(seeds).itertuples()}
    assert found[("000", "Volodymyr Zelenskiy")] == "Volodymyr Zelensky"
    assert found[("002", "Volodymyr Zelenskyy")] == "Volodymyr Zelensky"
    assert found[("001", "Zelensky")] == "Volodymyr Zelensky"
    assert found[("001", "The Russian strongman")] == "Vladimir Putin"
    assert found[("004", "Russia’s top general")] == "Valery Gerasimov"
    assert found[("004", "commander-in-chief of Ukraine’s army")] == "Oleksandr Syrskyi"
    assert found[("002", "Ukraine’s general staff")] == "Ukrainian General Staff"
    assert found[("002", "A Kremlin spokesperson")] == "Kremlin"
    assert found[("000", "three U.S. and European officials")] == "U.S. and European officials"
    assert found[("002", "a U.S. military official")] == "U.S. officials"
    assert found[("002", "two Western officials")] == "Western officials"
    assert found[("002", "a European official")] == "European officials"
    assert found[("000", "open-source reports")] == "open-source reports"
    assert found[("003", "Ukraine president’s office")] == "Office of the President of Ukraine"


@pytest.mark.parametrize("text, actor", [
    ("two senior American defense officials said", "U.S. officials"),
    ("according to a British intelligence source", "European officials"),
    ("one of the Western officials said", "Western officials"),
    ("Several Russian military sources told", "Russian officials"),
    ("a Ukrainian security source said", "Ukrainian officials"),
    ("US and NATO officials believe", "U.S. and European officials"),
    ("the Kremlin leader said", "Vladimir Putin"),
    ("Kremlin spokesman Dmitry Peskov", "Kremlin"),
    ("Zelenskyy’s office said", "Office of the President of Ukraine"),
    ("Ukraine's defence ministry said", "Ukrainian Defence Ministry"),
    ("the Ukrainian Ministry of Defense said", "Ukrainian Defence Ministry"),
    ("the EU foreign policy chief said", "Kaja Kallas"),
    ("the NATO chief said", "Mark Rutte"),
    ("the British prime minister said", "Keir Starmer"),
    ("Ukraine's foreign minister said", "Andrii Sybiha"),
    ("the Russian defence minister said", "Andrei Belousov"),
    ("the US secretary of state said", "Marco Rubio"),
])
def test_unseen_phrasings(text, actor):
    folded = fold(text)
    hits = find_mentions(folded)
    table = matcher().table
    assert hits, text
    assert table.at[hits[0][2], "actor"] == actor


def test_case_rules():
    # capitalised names are case-sensitive; role phrases are not
    assert find_mentions("a trump card") == []
    assert find_mentions("The Russian Strongman said")


def _known(text):
    folded = fold(text)
    table = matcher().table
    hits = find_mentions(folded)
    return ArticleActors([h[0] for h in hits], [h[1] for h in hits],
                         [table.at[h[2], "actor"] for h in hits], actor_info())


def test_resolve_speaker_pronouns_descriptions_and_names():
    text = ("Angelica Evans of ISW spoke. Gerasimov claimed it as Putin visited. "
            "A U.S. military official agreed. he she the official Jane Roe Roe")
    known = _known(text)
    known.speakers.append((text.index("Gerasimov"), "Valery Gerasimov"))
    at = text.index("he she")
    assert resolve_speaker("he", at, known) == "Valery Gerasimov"  # the salient speaker
    assert resolve_speaker("she", at + 3, known) == "Angelica Evans"
    assert resolve_speaker("the official", at + 7, known) == "U.S. officials"
    assert resolve_speaker("Jane Roe", text.index("Jane"), known) == "Jane Roe"
    assert resolve_speaker("Roe", text.rindex("Roe"), known) == "Jane Roe"
    assert resolve_speaker("a spokesman", 0, known) is None


def test_mentions_of_repeated_texts_are_the_same(seeds):
    # One compiled pattern over folded text: the same text always gives the same spans.
    # (Its speed is measured by benchmarks/corpus_growth.py, not here.)
    m = matcher()
    for text in seeds.texts.values():
        folded = fold(text)
        assert find_mentions(folded, m) == find_mentions(folded, m)
        assert find_mentions(folded, m), "every seed names at least one actor"


def test_pronouns_prefer_the_nearest_compatible_speaker_anonymous_included():
    text = ("Valery Gerasimov said the town fell. A senior Ukrainian officer said it was "
            "orderly. he")
    known = _known(text)
    officer = text.index("A senior")
    assert resolve_speaker("A senior Ukrainian officer", officer, known) == "Ukrainian soldiers"
    known.speakers += [(text.index("Valery"), "Valery Gerasimov", "sg"),
                       (officer, "Ukrainian soldiers", "sg")]
    assert resolve_speaker("he", len(text) - 2, known) == "Ukrainian soldiers"
    # an unnamed speaker the gazetteer cannot place stops the search: None, not Gerasimov
    known.speakers[-1] = (officer, None, "sg")
    assert resolve_speaker("he", len(text) - 2, known) is None


def test_no_jump_to_a_far_away_actor():
    text = "Valery Gerasimov spoke. " + "The weather was cold and wet. " * 80 + "he"
    known = _known(text)
    known.speakers.append((0, "Valery Gerasimov", "sg"))
    assert resolve_speaker("he", len(text) - 2, known) is None


def test_descriptions_and_members():
    text = ("Two European diplomats met. Vladimir Putin visited. one the head of state "
            "a company commander")
    known = _known(text)
    assert resolve_speaker("one", text.index("one"), known) == "European officials"
    assert resolve_speaker("the head of state", text.index("the head"), known) == "Vladimir Putin"
    assert resolve_speaker("a company commander", text.index("a company"), known) is None
    known.names.append((0, "Lindgren", "Maria Lindgren"))
    assert resolve_speaker("Lindgren", len(text), known) == "Maria Lindgren"
    assert resolve_speaker("Dr Ines Vautrin", 5, known) == "Ines Vautrin"
