"""The main job: execute the research notebooks with papermill and render them for reviewers.

:func:`run` executes each notebook (``notebooks/*.ipynb`` in name order by default) into a
report folder (``reports/`` by default, never ``notebooks/``) and writes, per notebook::

    <name>.ipynb           the executed notebook
    <name>.html            rendered with code
    <name>.no-code.html    rendered with code hidden, for reviewers
    <name>_tables/*.csv    the tables the notebook wrote (papermill injects ``output_dir``),
                           each with a .parquet beside it (:mod:`.exports`)

plus ``data_dictionary.csv`` (every exported column: type, unit, meaning), ``index.html``
linking them all and ``assets/`` holding the widget manager's JavaScript
(from ``npm ci``), so widgets render in the HTML without a network.

Two runs with the same inputs give identical HTML and CSVs; the executed notebooks differ
only in papermill's and nbclient's execution timestamps (the id papermill gives the
injected-parameters cell and the random widget model ids are replaced by fixed ones, and
stream outputs the kernel happened to flush in pieces are merged).
"""
from __future__ import annotations

import functools
import html
import itertools
import json
import multiprocessing
import os
import re
import shutil
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import paths

WIDGET_ASSETS = {
    "embed-amd.js": paths.ROOT / "node_modules" / "@jupyter-widgets" / "html-manager" / "dist" / "embed-amd.js",
    "require.js": paths.ROOT / "node_modules" / "requirejs" / "require.js",
}
# A cell running this long is stuck, not slow (the 20,000-article benchmark takes well under it).
CELL_TIMEOUT = 1800
KERNEL_LOG_LEVEL = "CRITICAL"
OUTPUT_DIR_PARAMETER = "output_dir"
MANIFEST_PARAMETER = "manifest"
_MODEL_ID = re.compile(r'"model_id": "([0-9a-f]{32})"')
_MODEL_REFERENCE = re.compile(r"IPY_MODEL_([0-9a-f]{32})")
# nbconvert's lab template without MathJax and Mermaid: both come from a CDN (unreachable
# offline, third-party scripts otherwise), and MathJax would typeset dollar amounts in article
# text as maths.
_REPORT_TEMPLATE = """{%- extends 'index.html.j2' -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
"""


def _say(line: str) -> None:
    """One progress line on stderr, written in one piece: the worker processes write side by
    side, and a line written as text then newline could be split by another's."""
    sys.stderr.write(line + "\n")
    sys.stderr.flush()


def import_papermill():
    """Import papermill without jsonschema's IRI checker, which costs the runner a second.

    nbformat validates notebooks with jsonschema, which imports ``rfc3987_syntax`` when it is
    installed (JupyterLab's jupyter-events depends on it), and that compiles 38 lark grammars
    at import: 1.2 s of the runner's 1.6 s start-up on the 2-core machine of
    ``benchmarks/RESULTS.md`` (python-jsonschema/jsonschema#1428). The notebook schema checks
    no ``iri`` format, so in a process that has not imported jsonschema yet the package is
    marked absent and jsonschema goes without that one checker.
    """
    if "jsonschema" not in sys.modules:
        sys.modules.setdefault("rfc3987_syntax", None)
    import papermill

    return papermill


class RunError(Exception):
    """The run cannot go on; the message is one sentence saying why."""


@dataclass(frozen=True)
class NotebookReport:
    """What one executed notebook produced."""

    name: str
    title: str
    executed: Path
    html: Path
    html_no_code: Path
    tables: tuple[Path, ...]
    seconds: float


def default_notebooks() -> list[Path]:
    """The research notebooks, in reading order."""
    return sorted(paths.NOTEBOOKS.glob("*.ipynb"))


def run(
    notebooks: list[Path] | None = None,
    output: str | Path | None = None,
    parameters: dict[str, Any] | None = None,
    manifest: str | Path | None = None,
) -> list[NotebookReport]:
    """Execute ``notebooks`` in order into ``output``, render HTML, write ``index.html``.

    ``parameters`` override the notebooks' defaults; each goes only to the notebooks that
    declare it, and a name no notebook declares is an error. Stops at the first notebook
    that fails, with a :class:`RunError` whose message is the notebook's own sentence.
    """
    papermill = import_papermill()
    notebooks = [Path(nb).resolve() for nb in (default_notebooks() if notebooks is None else notebooks)]
    if not notebooks:
        raise RunError(f"There are no notebooks to run in {paths.NOTEBOOKS}.")
    for notebook in notebooks:
        if not notebook.is_file():
            raise RunError(f"Notebook {notebook} does not exist.")
    output = _output_folder(output, notebooks)
    parameters = dict(parameters or {})
    if manifest:
        parameters[MANIFEST_PARAMETER] = str(Path(manifest).expanduser().resolve())
    declared = {nb: set(papermill.inspect_notebook(str(nb))) for nb in notebooks}
    unknown = sorted(set(parameters) - set().union(*declared.values()))
    if unknown:
        raise RunError(
            f"No notebook has a parameter called {', '.join(map(repr, unknown))} "
            f"(they have: {', '.join(sorted(set().union(*declared.values()))) or 'none'})."
        )

    _copy_widget_assets(output)
    (output / "index.html").unlink(missing_ok=True)  # a stale index would link to old reports
    jobs = []
    for number, notebook in enumerate(notebooks, start=1):
        injected = {key: value for key, value in parameters.items() if key in declared[notebook]}
        if OUTPUT_DIR_PARAMETER in declared[notebook]:
            injected[OUTPUT_DIR_PARAMETER] = str(output / f"{notebook.stem}_tables")
        jobs.append(_Job(number, len(notebooks), notebook, output, injected,
                         show_bar=sys.stderr.isatty() and len(notebooks) == 1))

    # The notebooks are independent, each in its own kernel: all of them run side by side
    # (more kernels than cores keeps every core busy to the end, where running at most one
    # per core left one idle through the last notebook). Each executes in a worker process
    # forked from this one, not in a thread: papermill is not thread-safe (its ``cwd``
    # changes the directory of the whole process, and kernels started from threads side by
    # side can hang; nteract/papermill#473, #578). Forking before any thread or kernel exists
    # shares this process's imports with the workers. While they run, this process gets the
    # HTML templates ready, then renders each notebook as it is done, in reading order, so
    # the first failure reported is the first notebook that failed; notebooks not started
    # are cancelled.
    reports = []
    with ProcessPoolExecutor(max_workers=len(jobs), mp_context=multiprocessing.get_context("fork")) as pool:
        futures = [pool.submit(_execute, job) for job in jobs]
        try:
            _prepare_rendering()
            for job, future in zip(jobs, futures):
                reports.append(_report(job, future.result()))
        except BaseException:
            for future in futures:
                future.cancel()
            raise
    from . import exports

    exports.write_dictionary(output)
    _write_index(output, reports, parameters)
    _say(f"Reports: {output / 'index.html'}")
    return reports


@dataclass(frozen=True)
class _Job:
    """One notebook to execute, as handed to a worker process."""

    number: int
    total: int
    notebook: Path
    output: Path
    parameters: dict[str, Any]
    show_bar: bool

    @property
    def executed(self) -> Path:
        return self.output / f"{self.notebook.stem}.ipynb"


def _execute(job: _Job) -> float:
    """In a worker: execute one notebook with papermill into ``job.executed`` and make it
    deterministic. Returns the seconds it took."""
    import papermill
    from papermill.exceptions import PapermillExecutionError

    name, output, executed = job.notebook.stem, job.output, job.executed
    _remove_previous(output, name, output / f"{name}_tables")
    _say(f"[{job.number}/{job.total}] {name} ...")
    started = time.perf_counter()
    try:
        papermill.execute_notebook(
            str(job.notebook), str(executed), parameters=job.parameters, cwd=str(job.notebook.parent),
            progress_bar=job.show_bar, request_save_on_cell_execute=False, execution_timeout=CELL_TIMEOUT,
            # The kernel's own log (a warning that it listens on local TCP, a note when it is
            # interrupted at shutdown) is noise among the runner's progress lines; errors in
            # the notebook reach the executed notebook and the runner's message as before.
            extra_arguments=[f"--IPKernelApp.log_level={KERNEL_LOG_LEVEL}"],
        )
    except PapermillExecutionError as error:
        _make_deterministic(executed)
        raise RunError(
            f"{name} stopped at cell {error.exec_count}: {error.evalue} "
            f"(the executed notebook is {executed})"
        ) from None
    _make_deterministic(executed)
    return time.perf_counter() - started


def _report(job: _Job, seconds: float) -> NotebookReport:
    """Render one executed notebook as HTML and say what it produced."""
    import nbformat

    name, output = job.notebook.stem, job.output
    started = time.perf_counter()
    nb = nbformat.read(job.executed, as_version=4)
    _render(nb, output, name)
    seconds += time.perf_counter() - started
    _say(f"[{job.number}/{job.total}] {name} done in {seconds:.1f} s")
    tables = output / f"{name}_tables"
    return NotebookReport(name, _title(nb, name), job.executed, output / f"{name}.html",
                          output / f"{name}.no-code.html", tuple(sorted(tables.glob("*.csv"))), seconds)


def _output_folder(output, notebooks: list[Path]) -> Path:
    folder = Path(output).expanduser().resolve() if output else paths.REPORTS
    protected = {paths.NOTEBOOKS.resolve(), *(nb.parent for nb in notebooks)}
    for place in protected:
        if folder == place or place in folder.parents:
            raise RunError(f"The output folder {folder} is inside {place}; reports never go next to the notebooks.")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _copy_widget_assets(output: Path) -> None:
    missing = [str(source) for source in WIDGET_ASSETS.values() if not source.is_file()]
    if missing:
        raise RunError(
            f"The widget JavaScript ({', '.join(missing)}) is missing; run `npm ci` in {paths.ROOT} "
            f"(`make setup` does it)."
        )
    assets = output / "assets"
    assets.mkdir(exist_ok=True)
    for name, source in WIDGET_ASSETS.items():
        target = assets / name
        if not target.exists() or target.stat().st_size != source.stat().st_size:
            shutil.copyfile(source, target)


def _remove_previous(output: Path, name: str, tables: Path) -> None:
    for stale in (f"{name}.ipynb", f"{name}.html", f"{name}.no-code.html"):
        (output / stale).unlink(missing_ok=True)
    if tables.is_dir():
        for suffix in ("*.csv", "*.parquet"):
            for table in tables.glob(suffix):
                table.unlink()


def _make_deterministic(executed: Path) -> None:
    """Give the injected cell and the widget models fixed ids and merge split streams; rewrite
    the notebook."""
    import nbformat
    from nbconvert.preprocessors import CoalesceStreamsPreprocessor

    nb = nbformat.read(executed, as_version=4)
    # The kernel flushes stdout on a timer, so one cell's prints can arrive as one stream
    # output or as several, run to run: merge consecutive ones, as nbval does when comparing.
    CoalesceStreamsPreprocessor().preprocess(nb, {})
    error_cells = itertools.count(1)
    for cell in nb.cells:
        tags = cell.get("metadata", {}).get("tags", [])
        if "injected-parameters" in tags:
            cell["id"] = "injected-parameters"
        elif "papermill-error-cell-tag" in tags:  # papermill adds one at the top, one at the error
            cell["id"] = f"papermill-error-cell-{next(error_cells)}"
    text = nbformat.writes(nb)
    for number, model_id in enumerate(_widget_models_in_order(nb), start=1):
        text = text.replace(model_id, f"{number:032x}")
    # Written sorted again, so the widget state is in the order of the new ids; the HTML
    # dumps it in the order the notebook holds, so render from what was written.
    executed.write_text(nbformat.writes(nbformat.reads(text, as_version=4)), encoding="utf-8")


def _widget_models_in_order(nb) -> list[str]:
    """Widget model ids in an order that does not depend on the ids themselves.

    nbformat writes the widget state with sorted keys, so creation order is lost: walk from
    the views shown in the outputs, through the models each one refers to.
    """
    state = nb.metadata.get("widgets", {}).get("application/vnd.jupyter.widget-state+json", {}).get("state", {})
    order: list[str] = []

    def visit(model_id: str) -> None:
        if model_id in order:
            return
        order.append(model_id)
        if model_id in state:
            for child in _MODEL_REFERENCE.findall(json.dumps(state[model_id], sort_keys=True)):
                visit(child)

    for cell in nb.cells:
        for found in _MODEL_ID.findall(json.dumps(cell.get("outputs", []), sort_keys=True)):
            visit(found)
    # Models no output shows (created but never displayed): order them by content.
    rest = sorted(set(state) - set(order), key=lambda m: _MODEL_REFERENCE.sub("", json.dumps(state[m], sort_keys=True)))
    for model_id in rest:
        visit(model_id)
    return order


def _render(nb, output: Path, name: str) -> None:
    """Write ``<name>.html`` (with code) and ``<name>.no-code.html``."""
    for suffix, exporter in ((".html", _exporter(False)), (".no-code.html", _exporter(True))):
        # The templates give widget and JavaScript outputs a random element id: count instead.
        numbers = itertools.count(1)
        exporter.environment.globals["uuid4"] = lambda: f"output-{next(numbers)}"
        body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": name}})
        (output / f"{name}{suffix}").write_text(body, encoding="utf-8")


def _prepare_rendering() -> None:
    """Load and compile the HTML templates (about 1.5 s) while the notebooks execute."""
    import nbformat

    for hide_code in (False, True):
        _exporter(hide_code).from_notebook_node(nbformat.v4.new_notebook())


@functools.cache
def _exporter(hide_code: bool):
    """One HTML exporter per variant, reused: loading the templates is the slow part."""
    from jinja2 import DictLoader
    from nbconvert import HTMLExporter

    return HTMLExporter(
        template_name="lab",
        template_file="report.html.j2",
        extra_loaders=[DictLoader({"report.html.j2": _REPORT_TEMPLATE})],
        exclude_input=hide_code,
        exclude_input_prompt=hide_code,
        exclude_output_prompt=hide_code,
        widget_renderer_url="assets/embed-amd.js",
        require_js_url="assets/require.js",
    )


def _title(nb, fallback: str) -> str:
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return fallback


def _write_index(output: Path, reports: list[NotebookReport], parameters: dict[str, Any]) -> Path:
    def link(path: Path, label: str) -> str:
        return f'<a href="{html.escape(path.relative_to(output).as_posix())}">{html.escape(label)}</a>'

    items = []
    for report in reports:
        tables = ", ".join(link(table, table.name) for table in report.tables) or "none"
        items.append(
            f"<li><h2>{html.escape(report.title)}</h2>\n<p>{link(report.html_no_code, 'report')} · "
            f"{link(report.html, 'report with code')} · {link(report.executed, 'executed notebook')}</p>\n"
            f"<p>Tables: {tables}</p></li>"
        )
    settings = "".join(
        f"<li><code>{html.escape(key)}</code> = <code>{html.escape(json.dumps(value))}</code></li>"
        for key, value in sorted(parameters.items())
    ) or "<li>the notebooks' defaults</li>"
    dictionary = output / "data_dictionary.csv"
    dictionary_note = (f"<p>Data dictionary: {link(dictionary, dictionary.name)} (every table and column "
                       "exported, with type, unit and meaning; each table is also a .parquet file beside "
                       "its CSV).</p>\n") if dictionary.is_file() else ""
    page = (
        '<!DOCTYPE html>\n<html lang="en">\n<head><meta charset="utf-8">'
        "<title>Kursk coverage workbook: reports</title>\n"
        "<style>body{font-family:sans-serif;max-width:50em;margin:2em auto}li{margin-bottom:1em}"
        "h2{font-size:1.1em;margin:0}</style></head>\n<body>\n<h1>Kursk coverage workbook: reports</h1>\n"
        f"<p>Parameters:</p><ul>{settings}</ul>\n{dictionary_note}<ol>\n" + "\n".join(items) + "\n</ol>\n</body>\n</html>\n"
    )
    index = output / "index.html"
    index.write_text(page, encoding="utf-8")
    return index
