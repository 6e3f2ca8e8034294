"""Issue 13: the runner under careless and hostile use. Output-folder rules (project
folders, files, folders of the user's own, --force), one run at a time per folder, signals
end the workers and their kernels and leave the previous report as it was, widget assets
compared by content, ``-p output_dir`` refused and ``-p manifest`` resolved like
``--manifest``."""
from __future__ import annotations

import fcntl
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import psutil
import pytest

from kursk_analysis.workbook import cli
from kursk_analysis import paths
from kursk_analysis.workbook import run as runner
from kursk_analysis.workbook.run import MARKER, STAGING, RunError, run

FIXTURES = Path(__file__).parent / "fixtures" / "notebooks"
EXPLORER = FIXTURES / "explorer.ipynb"
ARTICLES = FIXTURES / "articles.ipynb"


@pytest.mark.parametrize("place", ["seeds", "data", "data/reference", ".", "kursk_analysis", ".git", "benchmarks"])
def test_project_folders_are_never_report_folders(place):
    before = sorted(p.name for p in (paths.ROOT / place).iterdir()) if (paths.ROOT / place).is_dir() else None
    with pytest.raises(RunError, match=r"^The output folder .* (holds the project's own files|is the project folder)"):
        run([EXPLORER], output=paths.ROOT / place)
    after = sorted(p.name for p in (paths.ROOT / place).iterdir()) if (paths.ROOT / place).is_dir() else None
    assert after == before


def test_a_folder_holding_the_project_is_refused():
    with pytest.raises(RunError, match=r"holds the project folder"):
        run([EXPLORER], output=paths.ROOT.parent, force=True)


def test_bad_output_paths_give_one_sentence(tmp_path, monkeypatch, capsys):
    a_file = tmp_path / "report.txt"
    a_file.write_text("mine\n")
    cases = {
        str(a_file): f"error: The output folder {a_file} is a file, not a folder.",
        str(a_file / "sub"): f"error: The output folder {a_file / 'sub'} cannot be created (Not a directory).",
    }
    for output, message in cases.items():
        assert cli.main(["run", "--notebooks", str(EXPLORER), "--output", output]) == 2
        assert capsys.readouterr().err.strip() == message
    assert a_file.read_text() == "mine\n"

    def refused(*args, **kwargs):  # a read-only folder (the tests may run as root, who may write anywhere)
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(runner, "open", refused, raising=False)
    assert cli.main(["run", "--notebooks", str(EXPLORER), "--output", str(tmp_path / "ro")]) == 2
    assert capsys.readouterr().err.strip() == (
        f"error: The output folder {tmp_path / 'ro'} cannot be written to (Permission denied).")


def test_a_folder_of_the_users_own_is_refused_without_force(tmp_path):
    (tmp_path / "notes.txt").write_text("my notes\n")
    with pytest.raises(RunError, match=r"holds files this runner did not write \(notes\.txt\); .* --force"):
        run([EXPLORER], output=tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_not_a_notebook_is_refused_in_one_sentence(tmp_path, capsys):
    assert cli.main(["run", "--notebooks", str(paths.ROOT / "README.md"), "--output", str(tmp_path / "r")]) == 2
    assert capsys.readouterr().err.strip() == (
        f"error: {paths.ROOT / 'README.md'} is not a Jupyter notebook (an .ipynb file holding notebook JSON).")


def test_output_dir_parameter_is_refused(tmp_path):
    with pytest.raises(RunError, match=r"^Parameter `output_dir` is set by the runner .* --output instead\.$"):
        run([EXPLORER], output=tmp_path / "r", parameters={"output_dir": str(tmp_path / "elsewhere")})
    assert not (tmp_path / "r").exists() and not (tmp_path / "elsewhere").exists()


def test_a_second_run_into_a_folder_in_use_fails_at_once(tmp_path):
    output = tmp_path / "reports"
    output.mkdir()
    with open(output / MARKER, "a+") as held:  # what a run in progress holds
        fcntl.flock(held.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        started = time.monotonic()
        with pytest.raises(RunError, match=r"^Another kursk-analysis run is writing to .*; wait for it"):
            run([EXPLORER], output=output)
        assert time.monotonic() - started < 60  # at once, not after the other run (generous on a busy machine)
    assert sorted(p.name for p in output.iterdir()) == [MARKER]


def test_force_keeps_the_users_files_and_assets_are_compared_by_content(tmp_path, monkeypatch):
    output = tmp_path / "reports"
    output.mkdir()
    (output / "notes.txt").write_text("my notes\n")
    run([EXPLORER], output=output, force=True)
    assert (output / "notes.txt").read_text() == "my notes\n"
    assert (output / MARKER).is_file() and (output / "index.html").is_file()
    assert not (output / STAGING).exists()
    # A damaged asset of the same size is replaced on the next run (no --force needed now).
    require = output / "assets" / "require.js"
    require.write_bytes(b"x" * require.stat().st_size)
    # -p manifest is read relative to the shell's folder, like --manifest.
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Officials said the troops were not surrounded, analysts said.\n")
    (corpus / "articles.csv").write_text("id,file,outlet,headline,published\nx1,a.txt,Outlet X,Headline,2025-03-14\n")
    monkeypatch.chdir(corpus)
    run([ARTICLES], output=output, parameters={"manifest": "articles.csv"})
    assert require.read_bytes() == runner.WIDGET_ASSETS["require.js"].read_bytes()
    assert (output / "articles_tables" / "articles.csv").read_text().splitlines()[1].startswith("x1,Outlet X,Headline,")
    # The previous run's reports went; the user's file stayed.
    assert not (output / "explorer.html").exists() and (output / "notes.txt").is_file()
    executed = (output / "articles.ipynb").read_text()
    assert STAGING not in executed and str(output / "articles_tables") in executed


SLOW = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# Slow"),
                                       nbformat.v4.new_code_cell("import time\ntime.sleep(300)")],
                                 metadata={"kernelspec": {"name": "python3", "display_name": "Python 3",
                                                          "language": "python"}})


def _threads_taking(pid: int, signum: int) -> list[int]:
    """The threads of ``pid`` that do not block ``signum`` (Linux: /proc/PID/task/TID/status)."""
    taking = []
    for task in sorted(Path(f"/proc/{pid}/task").iterdir(), key=lambda p: int(p.name)):
        status = (task / "status").read_text()
        blocked = int(re.search(r"^SigBlk:\s*([0-9a-f]+)", status, re.M).group(1), 16)
        if not blocked & (1 << (signum - 1)):
            taking.append(int(task.name))
    return taking


def _descendants(pid: int) -> list[psutil.Process]:
    try:
        return psutil.Process(pid).children(recursive=True)
    except psutil.NoSuchProcess:
        return []


def _command(process: psutil.Process) -> str:
    """The process's command line, "" once it has ended (a child that exits between the
    listing and this read is a zombie or gone: psutil raises for both)."""
    try:
        return " ".join(process.cmdline())
    except psutil.Error:
        return ""


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_ends_workers_and_kernels_and_keeps_the_previous_report(tmp_path, signum):
    notebooks = tmp_path / "nbs"
    notebooks.mkdir()
    for name in ("slow_a", "slow_b"):
        nbformat.write(SLOW, notebooks / f"{name}.ipynb")
    output = tmp_path / "reports"
    output.mkdir()
    (output / MARKER).write_text('{"entries": ["index.html"]}\n')
    (output / "index.html").write_text("the previous report\n")
    command = [sys.executable, "-m", "kursk_analysis", "run", "--notebooks", str(notebooks / "slow_a.ipynb"),
               str(notebooks / "slow_b.ipynb"), "--output", str(output)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline and process.poll() is None:  # until both kernels run
            kernels = [p for p in _descendants(process.pid) if "ipykernel" in _command(p)]
            if len(kernels) == 2:
                break
            time.sleep(0.5)
        assert len(kernels) == 2, f"the kernels did not start: {process.stderr.read() if process.poll() is not None else ''}"
        everyone = _descendants(process.pid)
        # Only the main thread takes the signals: one delivered to a pool thread waited
        # until the notebooks ended (the runner's main thread blocks in future.result()).
        assert _threads_taking(process.pid, signum) == [process.pid]
        # Meanwhile a second run into the same folder is refused at once.
        with pytest.raises(RunError, match="Another kursk-analysis run is writing to"):
            run([notebooks / "slow_a.ipynb"], output=output)
        process.send_signal(signum)
        _, err = process.communicate(timeout=120)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 128 + signum
    assert err.strip().splitlines()[-1] == (
        f"error: Interrupted by {signal.Signals(signum).name}; the workers and kernels were stopped and the "
        "partial report discarded.")
    assert "Traceback" not in err
    _, alive = psutil.wait_procs(everyone, timeout=30)
    assert alive == [], f"left running: {[_command(p) for p in alive]}"
    assert (output / "index.html").read_text() == "the previous report\n"
    assert sorted(p.name for p in output.iterdir()) == [MARKER, "index.html"]


MATH_OUTLET = r"Outlet $\x$ Daily"
FORMULA_OUTLET = "=cmd|' /C calc'!A0"
LONG_OUTLET = "The " + "Very " * 165 + "Long Outlet"  # 840 characters


def test_research_notebooks_draw_hostile_outlets_as_plain_text_and_quote_formulas(tmp_path):
    """Issue 13, items 4, 14 and 16: an outlet with ``$\\x$`` stopped notebooks 01 and 03
    (mathtext), an 840-character one made matplotlib warn with the kernel's temp path into
    the HTML, and a formula was written as is at the start of CSV cells."""
    import csv

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    with open(paths.MANIFEST, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))[:3]
    for row, outlet in zip(rows, (MATH_OUTLET, FORMULA_OUTLET, LONG_OUTLET)):
        source = (paths.MANIFEST.parent / row["file"]).resolve()
        (corpus / source.name).write_bytes(source.read_bytes())
        row.update(file=source.name, sha256="", outlet=outlet)
    with open(corpus / "articles.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    output = tmp_path / "reports"
    reports = run(sorted(paths.NOTEBOOKS.glob("*.ipynb")), output=output, manifest=corpus / "articles.csv")
    assert len(reports) == 3 and (output / "index.html").is_file()
    for report in reports:
        page = report.html.read_text(encoding="utf-8")
        assert "Tight layout not applied" not in page and "/tmp/ipykernel" not in page, report.name
        assert "ParseFatalException" not in page and "Traceback" not in page, report.name
    cells = [cell for report in reports for table in report.tables
             for line in csv.reader(table.open(encoding="utf-8")) for cell in line]
    assert "'" + FORMULA_OUTLET in cells or any(cell.startswith("'" + FORMULA_OUTLET) for cell in cells)
    assert not [cell for cell in cells if cell.startswith(("=", "+", "@"))]
