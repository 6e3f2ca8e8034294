"""The kursk-analysis command line: the corpus summary and its errors."""
from __future__ import annotations

import subprocess
import sys

from kursk_analysis import paths
from kursk_analysis.cli import main


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
