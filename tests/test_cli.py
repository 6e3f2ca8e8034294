"""The kursk-analysis command line: the corpus summary and its errors."""
from __future__ import annotations

import subprocess
import sys

from kursk_analysis import paths
from kursk_analysis.workbook.cli import main


def test_corpus_command_prints_the_articles(capsys):
    assert main(["corpus"]) == 0
    out = capsys.readouterr().out
    assert "5 articles, 107 sentences" in out
    for outlet in ("Reuters", "New York Post", "NBC News", "CNN"):
        assert outlet in out


def test_corpus_command_reports_bad_input_without_traceback(tmp_path, capsys):
    assert main(["corpus", "--manifest", str(tmp_path / "none.csv")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: Manifest ") and "does not exist" in err and "Traceback" not in err


def test_python_dash_m_entry_point():
    result = subprocess.run(
        [sys.executable, "-m", "kursk_analysis", "corpus", "--manifest",
         str(paths.ROOT / "tests/fixtures/other_format/articles.csv")],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "2 articles" in result.stdout
    assert result.stderr == "1 corpus warning for 2 articles: 1 no publication date. (--verbose lists them)\n"
    verbose = subprocess.run(
        [sys.executable, "-m", "kursk_analysis", "corpus", "--verbose", "--manifest",
         str(paths.ROOT / "tests/fixtures/other_format/articles.csv")],
        capture_output=True, text=True, check=False,
    )
    assert "  warning: " in verbose.stderr and "no publication date" in verbose.stderr


def test_impossible_dates_in_parameters_reach_the_check_as_text():
    from kursk_analysis.workbook.cli import parameter_value
    from kursk_analysis.workbook.params import ParameterError, check_parameters

    import pytest

    for text in ("2025-02-30", "2025-13-01"):
        assert parameter_value(text) == text
        with pytest.raises(ParameterError, match=rf"^Parameter `start` must be a date written YYYY-MM-DD \(or \"\"\), not '{text}'\.$"):
            check_parameters(start=parameter_value(text), known_actors=[])


def test_numbers_in_exponent_form_are_numbers():
    from kursk_analysis.workbook.cli import parameter_value
    from kursk_analysis.workbook.params import check_parameters

    assert parameter_value("1e3") == 1000.0 and parameter_value("2.5E+3") == 2500.0
    assert check_parameters(baseline_km2=parameter_value("1e3"), known_actors=[]).baseline_km2 == 1000.0
    assert parameter_value("1e") == "1e" and parameter_value("e3") == "e3"


def test_corpus_command_prints_no_terminal_control_characters(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("Officials said the troops were not surrounded, analysts said.\n")
    hostile = "Evil\x1b[2J\x1b]0;pwned\x07 News\u202e"
    (tmp_path / "articles.csv").write_text(
        f'id,file,outlet,headline,published\nx1,a.txt,"{hostile}","Head\x9bline",2025-03-14\n', encoding="utf-8")
    assert main(["corpus", "--manifest", str(tmp_path / "articles.csv")]) == 0
    captured = capsys.readouterr()
    for stream in (captured.out, captured.err):
        assert not any(ch in stream for ch in "\x1b\x07\x9b\u202e"), repr(stream)
    assert "Evil[2J]0;pwned News" in captured.out and "Headline" in captured.out
