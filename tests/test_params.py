"""The notebooks' parameter check: typed values out, one plain sentence per bad value."""
from __future__ import annotations

import sys
import types
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from kursk_analysis.workbook import notebook
from kursk_analysis.workbook.params import ParameterError, Parameters, check_parameters

ACTORS = ["Putin", "Trump", "Zelensky"]


def test_defaults_mean_bundled_corpus_all_actors_open_period():
    assert check_parameters() == Parameters(
        manifest=None, unit="sq_mi", baseline_km2=None, actors=(), start=None, end=None, output_dir=None
    )


def test_values_come_back_typed(tmp_path):
    manifest = tmp_path / "articles.csv"
    manifest.write_text("id,file,outlet,headline,published\n")
    checked = check_parameters(
        manifest=str(manifest), unit="km2", baseline_km2=1300, actors=["Trump", "Putin", "Trump"],
        start="2025-03-01", end=date(2025, 3, 31), output_dir=str(tmp_path / "tables"), known_actors=ACTORS,
    )
    assert checked.manifest == manifest.resolve()
    assert checked.baseline_km2 == 1300.0 and isinstance(checked.baseline_km2, float)
    assert checked.actors == ("Trump", "Putin")  # order kept, repeats dropped
    assert (checked.start, checked.end) == (date(2025, 3, 1), date(2025, 3, 31))
    assert checked.output_dir == tmp_path / "tables"


def test_a_single_day_period_is_fine():
    checked = check_parameters(start="2025-03-12", end="2025-03-12")
    assert checked.start == checked.end == date(2025, 3, 12)


BAD = [
    ({"unit": "acres"}, "Parameter `unit` must be \"sq_mi\" or \"km2\", not 'acres'."),
    ({"unit": "KM2"}, "Parameter `unit` must be \"sq_mi\" or \"km2\", not 'KM2'."),
    ({"baseline_km2": 0}, "Parameter `baseline_km2` must be a positive number of square kilometres "
                          "(or None to derive it from the corpus), not 0."),
    ({"baseline_km2": -1300.0}, "Parameter `baseline_km2` must be a positive number of square kilometres "
                                "(or None to derive it from the corpus), not -1300.0."),
    ({"baseline_km2": float("nan")}, "Parameter `baseline_km2` must be a positive number of square kilometres "
                                     "(or None to derive it from the corpus), not nan."),
    ({"baseline_km2": "1300"}, "Parameter `baseline_km2` must be a number of square kilometres or None, not '1300'."),
    ({"baseline_km2": True}, "Parameter `baseline_km2` must be a number of square kilometres or None, not True."),
    ({"start": "2025-03-20", "end": "2025-03-01"}, "Parameter `start` (2025-03-20) is after `end` (2025-03-01)."),
    ({"start": "12/03/2025"}, "Parameter `start` must be a date written YYYY-MM-DD (or \"\"), not '12/03/2025'."),
    ({"end": "2025-02-30"}, "Parameter `end` must be a date written YYYY-MM-DD (or \"\"), not '2025-02-30'."),
    ({"end": 20250312}, "Parameter `end` must be a date written YYYY-MM-DD (or \"\"), not 20250312."),
    ({"manifest": "no/such/manifest.csv"},
     "Parameter `manifest` points to 'no/such/manifest.csv', which does not exist or is not a file."),
    ({"actors": ["Putin", "Napoleon"]},
     "Parameter `actors` names 'Napoleon', which is not in the actor gazetteer (known: Putin, Trump, Zelensky)."),
    ({"actors": "Putin"}, "Parameter `actors` must be a list of actor names such as [\"Putin\"], not 'Putin'."),
    ({"actors": [""]}, "Parameter `actors` must hold actor names as text, not ''."),
]


@pytest.mark.parametrize("given, message", BAD, ids=[str(given) for given, _ in BAD])
def test_bad_value_is_one_sentence_naming_the_parameter(given, message):
    with pytest.raises(ParameterError) as caught:
        check_parameters(**given, known_actors=ACTORS)
    assert str(caught.value) == message
    assert isinstance(caught.value, ValueError)
    assert "\n" not in message and message.endswith(".")


def test_a_folder_is_not_a_manifest(tmp_path):
    with pytest.raises(ParameterError, match=r"^Parameter `manifest` points to .*not a file\.$"):
        check_parameters(manifest=str(tmp_path))


def test_actors_are_checked_against_the_gazetteer_by_default(monkeypatch):
    fake = types.ModuleType("kursk_analysis.extract.actors")
    fake.gazetteer = lambda path=None: pd.DataFrame({"actor": ["Vladimir Putin"], "aliases": ["Putin|the Kremlin leader"]})
    monkeypatch.setitem(sys.modules, "kursk_analysis.extract.actors", fake)
    assert check_parameters(actors=["Vladimir Putin"]).actors == ("Vladimir Putin",)
    with pytest.raises(ParameterError, match=r"'Napoleon', which is not in the actor gazetteer \(known: Vladimir Putin\)"):
        check_parameters(actors=["Napoleon"])


def test_actors_by_any_alias_in_any_case():
    checked = check_parameters(actors=["putin", "Trump", "the kremlin leader", "ZELENSKYY"])
    assert checked.actors == ("Vladimir Putin", "Donald Trump", "Volodymyr Zelensky")
    assert ("putin", "Vladimir Putin") in checked.actor_aliases
    assert checked.actors_text().startswith("Vladimir Putin (given as 'putin'), Donald Trump (given as 'Trump')")
    with pytest.raises(ParameterError, match=r"'Putn', which is not in the actor gazetteer \(closest: Vladimir Putin;"):
        check_parameters(actors=["Putn"])


def test_the_cli_help_example_works():
    from kursk_analysis.workbook.cli import parameter_value

    assert check_parameters(actors=parameter_value("[Putin, Trump]")).actors == ("Vladimir Putin", "Donald Trump")


def test_write_table_writes_the_same_bytes_every_time(tmp_path):
    frame = pd.DataFrame({"outlet": ["Reuters", "New York Post"], "share": [0.1, 1 / 3]})
    params = check_parameters(output_dir=str(tmp_path / "tables"))
    assert params.write_table(frame, "shares") is frame
    written = (tmp_path / "tables" / "shares.csv").read_bytes()
    assert written == b"\xef\xbb\xbfoutlet,share\nReuters,0.1\nNew York Post,0.3333333333333333\n"  # UTF-8 with BOM, for Excel
    assert pd.read_parquet(tmp_path / "tables" / "shares.parquet").equals(frame)
    params.write_table(frame, "shares")
    assert (tmp_path / "tables" / "shares.csv").read_bytes() == written
    with pytest.raises(ValueError, match="plain file name"):
        params.write_table(frame, "../escape")


def test_without_an_output_folder_nothing_is_written(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    check_parameters().write_table(pd.DataFrame({"a": [1]}), "a")
    assert list(Path(tmp_path).iterdir()) == []


def test_setup_outside_ipython_just_checks():
    assert notebook.setup(unit="km2").unit == "km2"
    with pytest.raises(ParameterError):
        notebook.setup(unit="hectares")


def test_setup_shows_corpus_warnings_as_one_plain_line():
    import warnings

    import kursk_analysis as ka
    from kursk_analysis.workbook import notebook

    before = warnings.formatwarning
    try:
        notebook.setup()
        text = warnings.formatwarning(ka.CorpusWarning("m.csv, row 3 (id 'x'): no publication date."),
                                      ka.CorpusWarning, "/tmp/ipykernel_1/123.py", 7)
        assert text == "CorpusWarning: m.csv, row 3 (id 'x'): no publication date.\n"
        other = warnings.formatwarning(UserWarning("u"), UserWarning, "f.py", 1)
        assert "f.py:1" in other
    finally:
        warnings.formatwarning = before
