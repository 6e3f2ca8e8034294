"""``kursk-analysis run`` on small fixture notebooks: parameters reach the notebooks, reports
never land next to them, a bad parameter stops with its one sentence, the HTML is complete,
safe and renders widgets offline, and two runs give the same reports."""
from __future__ import annotations

import filecmp
import os
import subprocess
import sys
import json
import random
import re
import shutil
from pathlib import Path

import nbformat
import pytest

from browser import blank_widget_views, chromium
from kursk_analysis.workbook import cli
from kursk_analysis import paths
from kursk_analysis.workbook.run import RunError, run

FIXTURES = Path(__file__).parent / "fixtures" / "notebooks"
EXPLORER = FIXTURES / "explorer.ipynb"
ARTICLES = FIXTURES / "articles.ipynb"
HOSTILE_HEADLINE = "<img src=x onerror=alert(1)>"
HOSTILE_TEXT = "<script>window.pwned = true; alert(2)</script>"


def _listing(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    """The explorer fixture run once with non-default parameters."""
    before = {folder: _listing(folder) for folder in (FIXTURES, paths.NOTEBOOKS)}
    output = tmp_path_factory.mktemp("reports")
    reports = run([EXPLORER], output=output, parameters={"unit": "km2", "baseline_km2": 2000, "actors": ["Putin"]})
    after = {folder: _listing(folder) for folder in (FIXTURES, paths.NOTEBOOKS)}
    return output, reports, before, after


def test_nothing_is_written_next_to_the_notebooks(report):
    _, _, before, after = report
    assert after == before


def test_parameters_reach_the_notebook_and_its_tables(report):
    output, [explorer], _, _ = report
    nb = nbformat.read(output / "explorer.ipynb", as_version=4)
    printed = "".join(o.get("text", "") for cell in nb.cells for o in cell.get("outputs", []))
    assert "Peak area: 2000 km2; actors: Putin" in printed
    assert explorer.tables == (output / "explorer_tables" / "areas.csv",)
    assert (output / "explorer_tables" / "areas.csv").read_text(encoding="utf-8") == (
        "\ufeffdate,share_held,area\n2024-08-20,1.0,2000.0\n2025-01-15,0.5,1000.0\n2025-03-12,0.14,280.0\n"
    )


def test_html_with_and_without_code_and_an_index_linking_everything(report):
    output, [explorer], _, _ = report
    full, no_code = explorer.html.read_text(), explorer.html_no_code.read_text()
    for page in (full, no_code):
        assert "Peak area: 2000 km2; actors: Putin" in page
        assert "data:image/png;base64," in page  # the figure, embedded
        # No script or stylesheet from the network (MathJax, Mermaid, the widget manager).
        assert re.findall(r'<(?:script|link)[^>]*(?:src|href)="(?:https?:)?//[^"]*"', page) == []
    assert "redraw</span>" in full and "redraw</span>" not in no_code  # code is shown or hidden
    assert 'class="highlight hl-ipython3"' in full and 'class="highlight hl-ipython3"' not in no_code
    index = (output / "index.html").read_text()
    links = [part.split('"')[0] for part in index.split('href="')[1:]]
    assert sorted(links) == sorted(
        ["explorer.html", "explorer.no-code.html", "explorer.ipynb", "explorer_tables/areas.csv", "data_dictionary.csv"]
    )
    assert all((output / link).is_file() for link in links)
    assert "<code>unit</code> = <code>&quot;km2&quot;</code>" in index


def test_widgets_render_offline_in_the_html(report):
    output, [explorer], _, _ = report
    with chromium() as browser:
        for html in (explorer.html, explorer.html_no_code):
            page = browser.new_page()
            page.goto(html.as_uri())
            page.locator(".widget-dropdown select").wait_for(state="visible", timeout=20_000)
            assert page.locator(".widget-output").inner_text().strip() == "Peak area shown in km2: 2000"
            assert blank_widget_views(page) == []
            page.close()
        # The same page with nbconvert's default (CDN) widget manager leaves a blank box here:
        # the check above can fail.
        cdn = output / "explorer.cdn.html"
        cdn.write_text(explorer.html.read_text().replace("assets/embed-amd.js", "https://cdn.invalid/embed-amd.js"))
        page = browser.new_page()
        page.goto(cdn.as_uri())
        page.wait_for_timeout(3000)
        assert blank_widget_views(page) == [0]


def test_a_bad_parameter_stops_with_one_plain_sentence(tmp_path, capsys):
    code = cli.main(["run", "--notebooks", str(EXPLORER), "--output", str(tmp_path), "-p", "unit", "acres"])
    assert code == 2
    message = "Parameter `unit` must be \"sq_mi\" or \"km2\", not 'acres'."
    err = capsys.readouterr().err.strip().splitlines()[-1]
    assert err == f"error: explorer stopped at cell 3: {message} (the executed notebook is {tmp_path / 'explorer.ipynb'})"
    nb = nbformat.read(tmp_path / "explorer.ipynb", as_version=4)
    errors = [o for cell in nb.cells for o in cell.get("outputs", []) if o.output_type == "error"]
    assert [(e.ename, e.evalue, e.traceback) for e in errors] == [("ParameterError", message, [message])]
    failed = next(i for i, cell in enumerate(nb.cells) if cell.get("outputs") and cell.outputs[0].output_type == "error")
    assert nb.cells[failed].execution_count == 3
    assert all(cell.execution_count is None for cell in nb.cells[failed + 1:] if cell.cell_type == "code")  # stopped at once
    assert not (tmp_path / "explorer.html").exists() and not (tmp_path / "index.html").exists()


def test_a_missing_manifest_stops_with_one_plain_sentence(tmp_path):
    with pytest.raises(RunError, match=r"^articles stopped at cell 3: Parameter `manifest` points to '/nonexistent/x\.csv', "
                                       r"which does not exist or is not a file\. \(the executed"):
        run([ARTICLES], output=tmp_path, parameters={"manifest": "/nonexistent/x.csv"})


def test_refuses_to_write_into_the_notebooks_folder(tmp_path):
    for output in (FIXTURES, FIXTURES / "reports", paths.NOTEBOOKS):
        with pytest.raises(RunError, match="reports never go next to the notebooks"):
            run([EXPLORER], output=output)
    assert not (FIXTURES / "reports").exists()


def test_an_unknown_parameter_is_refused_before_running(tmp_path):
    with pytest.raises(RunError, match=r"^No notebook has a parameter called 'unitt' \(they have: actors, baseline_km2"):
        run([EXPLORER], output=tmp_path, parameters={"unitt": "km2"})
    assert not (tmp_path / "explorer.ipynb").exists()


def test_parameter_values_are_read_like_papermill_yaml():
    assert cli.parameter_value("km2") == "km2"
    assert cli.parameter_value("1300") == 1300
    assert cli.parameter_value("None") is None
    assert cli.parameter_value("[Putin, Trump]") == ["Putin", "Trump"]
    assert cli.parameter_value("2025-03-01") == "2025-03-01"
    assert cli.parameter_value("") == ""


def _without_timestamps(path: Path) -> dict:
    nb = json.loads(path.read_text())
    for key in ("start_time", "end_time", "duration"):
        nb["metadata"]["papermill"].pop(key)
    for cell in nb["cells"]:
        cell["metadata"].pop("execution", None)  # nbclient's iopub/shell timestamps
        for key in ("start_time", "end_time", "duration"):
            cell["metadata"].get("papermill", {}).pop(key, None)
    return nb


def test_two_runs_give_the_same_reports(tmp_path, monkeypatch):
    """Same inputs, different time zone, locale and hash seed: same HTML, tables and CSVs."""
    output = tmp_path / "reports"
    here = os.getcwd()
    run([EXPLORER, ARTICLES], output=output)
    assert os.getcwd() == here  # the notebooks ran in their own folder, this process did not move
    first = tmp_path / "first"
    shutil.copytree(output, first)
    monkeypatch.setenv("TZ", "Pacific/Auckland")
    monkeypatch.setenv("LC_ALL", "C.UTF-8")
    monkeypatch.setenv("PYTHONHASHSEED", str(random.randint(1, 2**32 - 1)))
    run([EXPLORER, ARTICLES], output=output)

    comparison = filecmp.dircmp(first, output)
    assert comparison.left_only == comparison.right_only == []
    files = sorted(p.relative_to(output) for p in output.rglob("*") if p.is_file())
    assert {str(f) for f in files} >= {"index.html", "explorer.no-code.html", "articles_tables/articles.csv"}
    for name in files:
        if name.suffix == ".ipynb":
            assert _without_timestamps(first / name) == _without_timestamps(output / name), name
            assert (first / name).read_bytes() != (output / name).read_bytes()  # the timestamps do differ
        else:
            assert (first / name).read_bytes() == (output / name).read_bytes(), name


def test_stdout_the_kernel_flushed_in_pieces_is_merged(tmp_path):
    """The kernel flushes prints on a timer: one run's single stream output is another's two."""
    from kursk_analysis.workbook.run import _make_deterministic

    pieces = [nbformat.v4.new_output("stream", name="stdout", text=text) for text in ("30 of 30 rows kept.\n", "12 actors.\n")]
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("print(...)", outputs=pieces)])
    executed = tmp_path / "executed.ipynb"
    nbformat.write(nb, executed)
    _make_deterministic(executed)
    merged = nbformat.read(executed, as_version=4).cells[0].outputs
    assert [(o.output_type, o.name, o.text) for o in merged] == [("stream", "stdout", "30 of 30 rows kept.\n12 actors.\n")]


def _hostile_manifest(folder: Path) -> Path:
    folder.mkdir()
    body = (
        f"Officials in Moscow said the situation was changing quickly. {HOSTILE_TEXT} "
        "Ukrainian commanders denied that their troops had been surrounded.\n\n"
        "Analysts said there was no geolocated evidence of an encirclement. "
        "The claim was repeated by several officials over the following days.\n"
    )
    (folder / "a.txt").write_text(body, encoding="utf-8")
    manifest = folder / "articles.csv"
    manifest.write_text(
        "id,file,outlet,headline,published\n"
        f'hostile,a.txt,"<b>Outlet</b>","{HOSTILE_HEADLINE}",2025-03-14\n',
        encoding="utf-8",
    )
    return manifest


def test_data_is_never_markup_in_the_html(tmp_path):
    output = tmp_path / "reports"
    [articles] = run([ARTICLES], output=output, manifest=_hostile_manifest(tmp_path / "corpus"))
    assert (output / "articles_tables" / "articles.csv").read_text().splitlines()[1] == (
        f"hostile,<b>Outlet</b>,{HOSTILE_HEADLINE},{articles_words(output)}"
    )
    with chromium() as browser:
        # Control: the same strings as markup do fire a dialog, so silence below means something.
        control = tmp_path / "control.html"
        control.write_text(f"<html><body>{HOSTILE_HEADLINE}</body></html>")
        assert _dialogs(browser, control) == ["alert: 1"]
        for html in (articles.html, articles.html_no_code):
            page_dialogs = _dialogs(browser, html)
            assert page_dialogs == [], f"{html.name} ran script from the data: {page_dialogs}"


def articles_words(output: Path) -> str:
    return (output / "articles_tables" / "articles.csv").read_text().splitlines()[1].rsplit(",", 1)[1]


def _dialogs(browser, html: Path) -> list[str]:
    page = browser.new_page()
    fired: list[str] = []

    def on_dialog(dialog):
        fired.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.goto(html.as_uri())
    page.wait_for_timeout(1500)  # let onerror handlers and deferred scripts run
    if html.suffix == ".html" and "control" not in html.name:
        shown = page.inner_text("body")
        assert HOSTILE_HEADLINE in shown and HOSTILE_TEXT in shown and "<b>Outlet</b>" in shown
        assert page.evaluate("() => window.pwned") is None
    page.close()
    return fired


def test_nbval_passes_on_an_executed_notebook_under_another_time_zone_locale_and_hash_seed(report, tmp_path):
    """The Makefile's nbval settings (strict, current env, the sanitize file) on a fixture."""
    output, _, _, _ = report
    shutil.copy(output / "explorer.ipynb", tmp_path / "explorer.ipynb")
    env = {**os.environ, "TZ": "Pacific/Auckland", "LC_ALL": "C.UTF-8",
           "PYTHONHASHSEED": str(random.randint(1, 2**32 - 1))}
    command = [sys.executable, "-m", "pytest", "--nbval", "--nbval-current-env", "-p", "no:cacheprovider",
               "--nbval-sanitize-with", str(Path(__file__).parent / "nbval_sanitize.cfg"), str(tmp_path)]
    checked = subprocess.run(command, env=env, capture_output=True, text=True, cwd=tmp_path)
    assert checked.returncode == 0, checked.stdout[-3000:]
    assert " 7 passed" in checked.stdout


REAL_NOTEBOOKS = sorted(paths.NOTEBOOKS.glob("*.ipynb"))


@pytest.fixture(scope="module")
def hostile_reports(tmp_path_factory):
    """The research notebooks run on the bundled articles plus one whose headline, outlet and
    text are markup, rendered as HTML."""
    import csv

    corpus = tmp_path_factory.mktemp("hostile-corpus")
    with open(paths.MANIFEST, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:  # copies, so the manifest's folder holds every file it names
        source = (paths.MANIFEST.parent / row["file"]).resolve()
        shutil.copy(source, corpus / source.name)
        row["file"], row["sha256"] = source.name, ""
    hostile = _hostile_manifest(corpus / "hostile")
    rows.append({"id": "hostile", "file": "hostile/a.txt", "outlet": "<b>Outlet</b>",
                 "headline": HOSTILE_HEADLINE, "published": "2025-03-14"})
    manifest = corpus / "articles.csv"
    with open(manifest, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), restval="")
        writer.writeheader()
        writer.writerows(rows)
    assert hostile.exists()
    output = tmp_path_factory.mktemp("hostile-reports")
    return run(REAL_NOTEBOOKS, output=output, manifest=manifest)


@pytest.mark.skipif(not REAL_NOTEBOOKS, reason="notebooks/ holds no notebooks yet")
def test_research_reports_show_data_as_text_and_render_widgets(hostile_reports):
    pages = [html for report in hostile_reports for html in (report.html, report.html_no_code)]
    shown_anywhere = ""
    with chromium() as browser:
        for html in pages:
            page = browser.new_page()
            fired: list[str] = []
            page.on("dialog", lambda dialog: (fired.append(dialog.message), dialog.dismiss()))
            page.goto(html.as_uri())
            page.wait_for_timeout(2500)  # widget manager, onerror handlers
            assert fired == [], f"{html.name} ran script from the data"
            assert page.evaluate("() => window.pwned") is None, f"{html.name} ran script from the data"
            assert blank_widget_views(page) == [], f"{html.name} has a blank widget box"
            shown_anywhere += page.inner_text("body")
            page.close()
    assert HOSTILE_HEADLINE in shown_anywhere  # shown, as text, somewhere in the reports


def test_the_runner_prints_only_its_own_progress_lines(tmp_path):
    """Kernels' logs (a TCP warning, an interrupt note at shutdown) stay out of the runner's
    stderr, and lines from workers running side by side are never run together."""
    command = [sys.executable, "-m", "kursk_analysis", "run", "--notebooks", str(EXPLORER), str(ARTICLES),
               "--output", str(tmp_path / "reports")]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    lines = done.stderr.splitlines()
    progress = re.compile(r"\[[12]/2\] (explorer|articles) (\.\.\.|done in \d+\.\d s)")
    assert all(progress.fullmatch(line) for line in lines[:-1]), lines
    assert lines[-1] == f"Reports: {tmp_path / 'reports' / 'index.html'}"
    assert len(lines) == 5 and done.stdout == ""


def _one_cell_notebook(path: Path, source: str) -> Path:
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(source)])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    path.parent.mkdir()
    nbformat.write(nb, path)
    return path


def test_what_a_kernel_writes_to_its_stderr_outside_a_cell_stays_off_the_runners(tmp_path):
    """Written at the kernel's exit, after ipykernel stops capturing it (as tornado's log of
    an ``Uncaught exception in ZMQStream callback`` once was): not on the runner's stderr."""
    notebook = _one_cell_notebook(tmp_path / "notebooks" / "noise.ipynb",
                                  "import atexit, os\natexit.register(os.write, 2, b'kernel noise at exit\\n')")
    done = subprocess.run([sys.executable, "-m", "kursk_analysis", "run", "--notebooks", str(notebook),
                           "--output", str(tmp_path / "reports")], capture_output=True, text=True, check=True)
    assert "noise" not in done.stderr.replace("] noise ", "] "), done.stderr
    assert done.stderr.splitlines()[-1] == f"Reports: {tmp_path / 'reports' / 'index.html'}"


def test_a_kernel_that_dies_is_named_with_its_last_words(tmp_path):
    notebook = _one_cell_notebook(tmp_path / "notebooks" / "dies.ipynb",
                                  "import os, sys\nsys.__stderr__.write('segfault-like last words\\n')\n"
                                  "sys.__stderr__.flush()\nos._exit(3)")
    with pytest.raises(RunError, match=r"(?s)dies did not finish \(DeadKernelError.*segfault-like last words"):
        run([notebook], output=tmp_path / "reports")


def test_kernels_run_side_by_side_never_share_a_port():
    """Every kernel's five channels are chosen in the runner, before the workers fork, so two
    kernels started at once cannot be handed the same free port (jupyter_client#487)."""
    from kursk_analysis.workbook.run import KERNEL_CHANNELS, kernel_ports

    chosen = kernel_ports(4)
    assert [sorted(ports) for ports in chosen] == [sorted(KERNEL_CHANNELS)] * 4
    every = [port for ports in chosen for port in ports.values()]
    assert len(set(every)) == len(every) == 20


def test_a_kernel_listens_on_the_ports_the_runner_chose(tmp_path):
    from kursk_analysis.workbook.run import _execute, _Job, kernel_ports

    notebook = tmp_path / "ports.ipynb"
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
        "from ipykernel import get_connection_info\n"
        "info = get_connection_info(unpack=True)\n"
        "print(sorted((k, v) for k, v in info.items() if k.endswith('_port')))")])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, notebook)
    [ports] = kernel_ports(1)
    _execute(_Job(1, 1, notebook, tmp_path, tmp_path, {}, show_bar=False, ports=ports))
    printed = nbformat.read(tmp_path / "ports.ipynb", as_version=4).cells[0].outputs[0]["text"]
    assert printed.strip() == str(sorted(ports.items()))


def test_a_kernel_whose_port_was_taken_starts_again_on_new_ones(tmp_path):
    """Another program may bind one of the chosen ports before the kernel does (seen once in
    a full test run: "Address already in use", the kernel died before replying): the worker
    chooses new ports and starts the kernel once more."""
    import socket

    from kursk_analysis.workbook.run import _execute, _Job, kernel_ports

    notebook = tmp_path / "taken.ipynb"
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("print('ran')")])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, notebook)
    [ports] = kernel_ports(1)
    with socket.socket() as squatter:
        squatter.bind(("127.0.0.1", ports["shell_port"]))
        squatter.listen()
        _execute(_Job(1, 1, notebook, tmp_path, tmp_path, {}, show_bar=False, ports=ports))
    out = nbformat.read(tmp_path / "taken.ipynb", as_version=4).cells[0].outputs[0]["text"]
    assert out.strip() == "ran"
