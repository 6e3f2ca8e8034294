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

A run holds its report folder: the marker file ``.kursk-analysis-report`` says the runner
wrote the folder (a non-empty folder without it is refused unless ``force``), lists what the
last run put there, and is locked with ``fcntl.flock`` while a run writes. Everything is
written into ``.kursk-analysis-partial/`` inside it and moved into place at the end, index
last; on SIGINT, SIGTERM or SIGHUP the workers and their kernels are ended and the partial
folder deleted, so the previous report stays whole.

Two runs with the same inputs give identical HTML and CSVs; the executed notebooks differ
only in papermill's and nbclient's execution timestamps (the id papermill gives the
injected-parameters cell and the random widget model ids are replaced by fixed ones, and
stream outputs the kernel happened to flush in pieces are merged).
"""
from __future__ import annotations

import contextlib
import fcntl
import functools
import html
import itertools
import json
import multiprocessing
import os
import re
import shutil
import signal
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kursk_analysis.errors import RunError
from kursk_analysis.parallel import worker_signals
from kursk_analysis import paths

WIDGET_ASSETS = {
    "embed-amd.js": paths.ROOT / "node_modules" / "@jupyter-widgets" / "html-manager" / "dist" / "embed-amd.js",
    "require.js": paths.ROOT / "node_modules" / "requirejs" / "require.js",
}
# A cell running this long is stuck, not slow (the 20,000-article benchmark takes well under it).
CELL_TIMEOUT = 1800
KERNEL_LOG_LEVEL = "CRITICAL"
OUTPUT_DIR_PARAMETER = "output_dir"
MANIFEST_PARAMETER = "manifest"
# Parameters that are paths, read relative to the folder the command runs in (a claim only
# when it names a .yaml file, not a bundled claim).
EXTRACT_PARAMETER = "extract"
PATH_PARAMETERS = (MANIFEST_PARAMETER, "root", "gazetteer", EXTRACT_PARAMETER, "claim")
# A corpus of at least this many articles (two of precompute's chunks) has its per-article
# tables computed once by the runner, on every core, and read by each notebook from an
# extract in the report folder, instead of computed again in each notebook's kernel.
SHARED_TABLES_MIN = 1000
# The runner's own file in every report folder it writes: it marks the folder as the
# runner's (a non-empty folder without it is the user's, refused without --force), lists
# the entries the last run put there, and is the lock a run holds (fcntl.flock) while it
# writes, so a second run into the same folder stops at once.
MARKER = ".kursk-analysis-report"
# Where a run writes, inside the report folder; moved into place entry by entry at the end,
# index.html last, so an interrupted run leaves the previous report as it was.
STAGING = ".kursk-analysis-partial"
SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
# Folders of the project that hold its inputs or its code: never a report folder.
PROJECT_FOLDERS = ("seeds", "data", "notebooks", "kursk_analysis", "tests", "benchmarks", "node_modules")
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


class NotebookFailed(RunError):
    """A notebook stopped with an error; the message is its own sentence."""


class Interrupted(RunError):
    """The runner got a signal (Ctrl-C, SIGTERM, SIGHUP) and stopped its workers and kernels."""

    def __init__(self, signum: int):
        self.signum = signum
        super().__init__(f"Interrupted by {signal.Signals(signum).name}; the workers and kernels were stopped "
                         "and the partial report discarded.")


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
    force: bool = False,
) -> list[NotebookReport]:
    """Execute ``notebooks`` in order into ``output``, render HTML, write ``index.html``.

    ``parameters`` override the notebooks' defaults; each goes only to the notebooks that
    declare it, and a name no notebook declares is an error. Stops at the first notebook
    that fails, with a :class:`RunError` whose message is the notebook's own sentence.
    ``output`` must be empty, missing or a folder this runner wrote before, unless ``force``
    (then the user's own files in it are kept, those with a report's names replaced). On
    SIGINT, SIGTERM or SIGHUP the workers and their kernels are ended, the partial report
    is discarded and :class:`Interrupted` is raised.
    """
    papermill = import_papermill()
    notebooks = [Path(nb).expanduser().resolve() for nb in (default_notebooks() if notebooks is None else notebooks)]
    if not notebooks:
        raise RunError(f"There are no notebooks to run in {paths.NOTEBOOKS}.")
    for notebook in notebooks:
        _check_notebook(notebook)
    parameters = dict(parameters or {})
    if OUTPUT_DIR_PARAMETER in parameters:
        raise RunError(f"Parameter `{OUTPUT_DIR_PARAMETER}` is set by the runner (each notebook's tables go to "
                       f"<output>/<notebook>_tables); choose the report folder with --output instead.")
    if manifest and MANIFEST_PARAMETER in parameters:
        raise RunError("The manifest is given twice (--manifest and -p manifest); give it once.")
    if manifest:
        parameters[MANIFEST_PARAMETER] = manifest
    for name in PATH_PARAMETERS:
        value = parameters.get(name)
        if isinstance(value, (str, Path)) and value and (name != "claim" or Path(value).suffix in (".yaml", ".yml")):
            # Relative to where the command runs, like --manifest (the notebooks run in their own folder).
            parameters[name] = str(Path(value).expanduser().resolve())
    declared = {nb: set(papermill.inspect_notebook(str(nb))) for nb in notebooks}
    unknown = sorted(set(parameters) - set().union(*declared.values()))
    if unknown:
        raise RunError(
            f"No notebook has a parameter called {', '.join(map(repr, unknown))} "
            f"(they have: {', '.join(sorted(set().union(*declared.values()))) or 'none'})."
        )
    output = _output_folder(output, notebooks)
    _check_widget_assets()
    with _report_folder(output, force) as marker, _signals_raise_interrupted():
        staging = output / STAGING
        try:
            reports = _run_into(staging, output, notebooks, declared, parameters)
        except NotebookFailed:
            # What the notebooks wrote is kept for reading (the message names the executed
            # notebook), without an index: it does not pass for a whole report.
            _promote(staging, output, marker)
            raise
        except BaseException:
            _end_workers_and_kernels()
            shutil.rmtree(staging, ignore_errors=True)
            raise
        _promote(staging, output, marker)
    _say(f"Reports: {output / 'index.html'}")
    return reports


def _run_into(staging: Path, output: Path, notebooks: list[Path], declared: dict, parameters: dict) -> list[NotebookReport]:
    """Execute and render every notebook into ``staging``; the reports name their final
    places under ``output``."""
    shutil.rmtree(staging, ignore_errors=True)  # left by a run that was killed outright
    staging.mkdir()
    _copy_widget_assets(staging)
    shared = _shared_tables(staging, declared, parameters)
    jobs = []
    ports = kernel_ports(len(notebooks))
    for number, notebook in enumerate(notebooks, start=1):
        injected = {key: value for key, value in parameters.items() if key in declared[notebook]}
        if EXTRACT_PARAMETER in declared[notebook]:
            injected.update(shared)
        if OUTPUT_DIR_PARAMETER in declared[notebook]:
            injected[OUTPUT_DIR_PARAMETER] = str(staging / f"{notebook.stem}_tables")
        jobs.append(_Job(number, len(notebooks), notebook, staging, output, injected,
                         show_bar=sys.stderr.isatty() and len(notebooks) == 1, ports=ports[number - 1]))

    # The notebooks are independent, each in its own kernel: all of them run side by side
    # (more kernels than cores keeps every core busy to the end, where running at most one
    # per core left one idle through the last notebook). Each executes in a worker process
    # forked from this one, not in a thread: papermill is not thread-safe (its ``cwd``
    # changes the directory of the whole process, and kernels started from threads side by
    # side can hang; nteract/papermill#473, #578). Forking before any thread or kernel exists
    # shares this process's imports with the workers, and the HTML templates, compiled here
    # first: each worker renders its own notebook as soon as it is executed, side by side
    # (rendered here one after another, the three renders were the last 2-3 s of the run,
    # on one core). This process collects the notebooks in reading order, so the first
    # failure reported is the first notebook that failed; notebooks not started are
    # cancelled. A signal ends the workers and their kernels (see ``run``).
    _prepare_rendering()
    reports = []
    pool = ProcessPoolExecutor(max_workers=len(jobs), mp_context=multiprocessing.get_context("fork"),
                               initializer=worker_signals)
    try:
        # The pool's threads are started with the signals blocked, so a signal always reaches
        # this (main) thread: delivered to a pool thread, Python's handler waited until
        # future.result() below returned, hours later for a long notebook.
        signal.pthread_sigmask(signal.SIG_BLOCK, SIGNALS)
        try:
            futures = [pool.submit(_execute, job) for job in jobs]
        finally:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, SIGNALS)
        try:
            for job, future in zip(jobs, futures):
                reports.append(_report(job, future.result()))
        except BaseException:
            for future in futures:
                future.cancel()
            raise
    except NotebookFailed:
        pool.shutdown(cancel_futures=True)  # the notebooks already running finish
        raise
    except BaseException:
        _end_workers_and_kernels()
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()
    from kursk_analysis.workbook import exports

    exports.write_dictionary(staging)
    _write_index(staging, reports, parameters, output)
    return reports


def _shared_tables(staging: Path, declared: dict, parameters: dict) -> dict[str, str]:
    """For a corpus of at least :data:`SHARED_TABLES_MIN` articles, compute its per-article
    tables once, here, on every core (``load_corpus(workers=)``, ``batch.precompute``), into
    ``staging/extract`` (``batch.write_extract``), and return the ``extract`` parameter that
    makes each notebook read them instead of computing them in its own kernel; the reports
    are the same either way (tested). Otherwise, or when the run names an extract or a
    gazetteer of its own (an extract holds the bundled gazetteer's tables), or when no
    notebook declares ``extract``, return ``{}``: the notebooks compute as before. A corpus
    that does not load is left to the notebooks, which report it in their own words."""
    if parameters.get(EXTRACT_PARAMETER) or parameters.get("gazetteer") or \
            not any(EXTRACT_PARAMETER in names for names in declared.values()):
        return {}
    manifest = Path(parameters.get(MANIFEST_PARAMETER) or paths.MANIFEST)
    if _rows(manifest) < SHARED_TABLES_MIN:
        return {}
    import warnings

    from kursk_analysis.corpus.model import CorpusError, load_corpus
    from kursk_analysis.workbook.batch import precompute, write_extract

    workers = len(os.sched_getaffinity(0))
    started = time.perf_counter()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # each notebook shows the corpus' warnings itself
            corpus = load_corpus(manifest, root=parameters.get("root") or None, corrections="", workers=workers)
    except CorpusError:
        return {}
    precompute(corpus, workers=workers)
    folder = write_extract(corpus, staging / "extract")
    _say(f"per-article tables of {len(corpus.articles):,} articles computed once for the notebooks "
         f"in {time.perf_counter() - started:.1f} s ({workers} processes)")
    return {EXTRACT_PARAMETER: str(folder)}


def _rows(manifest: Path) -> int:
    """How many records the manifest has after its header (0 if it cannot be read as CSV)."""
    import csv

    try:
        with manifest.open(encoding="utf-8-sig", newline="") as handle:
            return max(0, sum(1 for _ in csv.reader(handle)) - 1)
    except (OSError, UnicodeDecodeError, csv.Error):
        return 0


# What a kernel says when a port it was given is no longer free.
PORT_TAKEN = "Address already in use"
KERNEL_CHANNELS = ("shell_port", "iopub_port", "stdin_port", "hb_port", "control_port")


def kernel_ports(kernels: int) -> list[dict[str, int]]:
    """Local TCP ports for each kernel's five channels, all different, chosen in this
    process before the workers are forked.

    jupyter_client picks a kernel's ports by binding port 0 and letting it go, and remembers
    them in a per-process cache so that two kernels of one process never get the same port
    (jupyter/jupyter_client#487). Each worker is a process of its own, so two kernels
    started side by side could be given the same free port; the second kernel then fails to
    bind it ("Exception in thread Heartbeat: ... Address already in use" on the runner's
    stderr). Choosing every port here, from the one cache, rules that out; only another
    program taking one of them in the second before its kernel binds it remains.
    """
    from jupyter_client.connect import LocalPortCache
    from jupyter_client.localinterfaces import localhost

    cache, ip = LocalPortCache.instance(), localhost()
    return [{channel: cache.find_available_port(ip) for channel in KERNEL_CHANNELS} for _ in range(kernels)]


@contextlib.contextmanager
def _signals_raise_interrupted():
    """While the run lasts, SIGINT, SIGTERM and SIGHUP raise :class:`Interrupted` in this
    process (a second one while cleaning up is ignored)."""
    def interrupt(signum, frame):
        for other in SIGNALS:
            signal.signal(other, signal.SIG_IGN)
        raise Interrupted(signum)

    previous = {signum: signal.signal(signum, interrupt) for signum in SIGNALS}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _end_workers_and_kernels() -> None:
    """End every process this one started (the workers and the kernels they launched, which
    run in sessions of their own), listed before any is signalled: a kernel whose worker has
    gone is no longer this process's descendant."""
    import psutil

    me = psutil.Process()
    for _ in range(3):
        try:
            processes = me.children(recursive=True)
        except psutil.Error:
            return
        if not processes:
            return
        for process in processes:
            with contextlib.suppress(psutil.Error):
                process.terminate()
        _, alive = psutil.wait_procs(processes, timeout=5)
        for process in alive:
            with contextlib.suppress(psutil.Error):
                process.kill()
        psutil.wait_procs(alive, timeout=5)


def _check_notebook(notebook: Path) -> None:
    import nbformat

    if not notebook.is_file():
        what = "is a folder, not a notebook" if notebook.is_dir() else "does not exist"
        raise RunError(f"Notebook {notebook} {what}.")
    try:
        nb = nbformat.read(notebook, as_version=4)
    except OSError as error:
        raise RunError(f"Notebook {notebook} cannot be read ({error.strerror}).") from None
    except Exception:  # noqa: BLE001 - NotJSONError, a schema error, bad UTF-8...
        raise RunError(f"{notebook} is not a Jupyter notebook (an .ipynb file holding notebook JSON).") from None
    if not nb.metadata.get("kernelspec", {}).get("name"):
        raise RunError(f"Notebook {notebook} names no kernel (metadata.kernelspec.name); open and save it in Jupyter.")


@dataclass(frozen=True)
class _Job:
    """One notebook to execute, as handed to a worker process."""

    number: int
    total: int
    notebook: Path
    output: Path  # the staging folder it writes into
    final: Path  # the report folder the output is moved into at the end
    parameters: dict[str, Any]
    show_bar: bool
    ports: dict[str, int]  # the kernel's channels (:func:`kernel_ports`)

    @property
    def executed(self) -> Path:
        return self.output / f"{self.notebook.stem}.ipynb"


def _execute(job: _Job) -> float:
    """In a worker: execute one notebook with papermill into ``job.executed``, make it
    deterministic and render it as HTML. Returns the seconds it took."""
    import nbformat
    import papermill
    from papermill.exceptions import PapermillExecutionError
    from traitlets.config import Config

    name, executed = job.notebook.stem, job.executed
    _say(f"[{job.number}/{job.total}] {name} ...")
    started = time.perf_counter()
    manager = _kernel_manager_class()
    ports = job.ports
    for attempt in (1, 2):
        with tempfile.TemporaryFile() as kernel_stderr:
            try:
                papermill.execute_notebook(
                    str(job.notebook), str(executed), parameters=job.parameters, cwd=str(job.notebook.parent),
                    progress_bar=job.show_bar, request_save_on_cell_execute=False, execution_timeout=CELL_TIMEOUT,
                    # The kernel's own log (a warning that it listens on local TCP, a note when it is
                    # interrupted at shutdown) is noise among the runner's progress lines; errors in
                    # the notebook reach the executed notebook and the runner's message as before.
                    extra_arguments=[f"--IPKernelApp.log_level={KERNEL_LOG_LEVEL}"],
                    kernel_manager_class=manager,
                    # The ports the runner chose (the kernel manager's own cache would pick others),
                    # and the file the kernel's standard error goes to.
                    config=Config(KernelManager={"cache_ports": False, **ports},
                                  **{manager.__name__: {"stderr_fd": kernel_stderr.fileno()}}),
                )
                break
            except PapermillExecutionError as error:
                _make_deterministic(executed, job.output, job.final)
                raise NotebookFailed(
                    f"{name} stopped at cell {error.exec_count}: {_moved(error.evalue, job.output, job.final)} "
                    f"(the executed notebook is {job.final / executed.name})"
                ) from None
            except Exception as error:  # the kernel did not start, died or timed out
                said = _last_lines(kernel_stderr)
                # Another program took one of the chosen ports between their choice and the
                # kernel's start (seen once in a full test run): start it again on new ones.
                if attempt == 1 and PORT_TAKEN in said:
                    [ports] = kernel_ports(1)
                    continue
                if not said:
                    raise
                raise RunError(f"{name} did not finish ({type(error).__name__}: {error}); "
                               f"the kernel's standard error ended with:\n{said}") from error
    _make_deterministic(executed, job.output, job.final)
    _render(nbformat.read(executed, as_version=4), job.output, name)
    return time.perf_counter() - started


@functools.cache
def _kernel_manager_class():
    """papermill's kernel manager, with the kernel's standard error sent to a file.

    A kernel writes to its file descriptor 2 outside any cell, where no notebook output can
    hold it: tornado's log (ipykernel gives the ``tornado`` logger its own handler on the
    real stderr, at any level: an ``Uncaught exception in ZMQStream callback`` at shutdown
    was seen among the runner's progress lines) and whatever a library prints at exit.
    Inherited, that is the runner's terminal; here it is a file the runner reads only when
    the kernel failed outside a cell (did not start, died), to say why."""
    from jupyter_client.manager import AsyncKernelManager
    from traitlets import Integer

    class KernelStderrToFile(AsyncKernelManager):
        # A file descriptor, not a file: configuration values are deep-copied.
        stderr_fd = Integer(None, allow_none=True, help="file descriptor for the kernel's stderr "
                            "(None: inherited)").tag(config=True)

        async def start_kernel(self, **kw):
            if self.stderr_fd is not None:
                kw.setdefault("stderr", self.stderr_fd)
            await super().start_kernel(**kw)

    return KernelStderrToFile


def _last_lines(handle, count: int = 20) -> str:
    """The last ``count`` lines a kernel wrote to its standard error file, or ''."""
    handle.flush()
    handle.seek(0)
    lines = handle.read().decode("utf-8", "replace").strip().splitlines()
    return "\n".join(lines[-count:])


def _report(job: _Job, seconds: float) -> NotebookReport:
    """Say what one executed and rendered notebook produced."""
    import nbformat

    name, output = job.notebook.stem, job.output
    nb = nbformat.read(job.executed, as_version=4)
    _say(f"[{job.number}/{job.total}] {name} done in {seconds:.1f} s")
    final = job.final
    tables = tuple(final / f"{name}_tables" / csv.name for csv in sorted((output / f"{name}_tables").glob("*.csv")))
    return NotebookReport(name, _title(nb, name), final / job.executed.name, final / f"{name}.html",
                          final / f"{name}.no-code.html", tables, seconds)


def _output_folder(output, notebooks: list[Path]) -> Path:
    """The report folder, checked and created: never a folder that holds the project's
    inputs (notebooks, seeds, data, the package, the project root), never a file."""
    folder = Path(output).expanduser().resolve() if output else paths.REPORTS
    beside_notebooks = {paths.NOTEBOOKS, *(nb.parent for nb in notebooks)}
    for place in [*sorted(beside_notebooks), *(paths.ROOT / name for name in PROJECT_FOLDERS)]:
        if folder == place or place in folder.parents:
            reason = "reports never go next to the notebooks" if place in beside_notebooks else "it holds the project's own files"
            raise RunError(f"The output folder {folder} is inside {place}; {reason}.")
    if folder == paths.ROOT or (folder.parent == paths.ROOT and folder.name.startswith(".")):
        raise RunError(f"The output folder {folder} is the project folder or a hidden folder in it; choose "
                       f"a folder of its own such as {paths.REPORTS}.")
    if folder in paths.ROOT.parents:
        raise RunError(f"The output folder {folder} holds the project folder {paths.ROOT}; choose a folder of its own.")
    if folder.exists() and not folder.is_dir():
        raise RunError(f"The output folder {folder} is a file, not a folder.")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise RunError(f"The output folder {folder} cannot be created ({error.strerror}).") from None
    return folder


@contextlib.contextmanager
def _report_folder(folder: Path, force: bool):
    """Hold the report folder for this run: refuse a non-empty folder the runner did not
    write (unless ``force``), take the lock, yield the marker's open file."""
    marker = folder / MARKER
    # reports/, the default, is generated output by definition (git-ignored): the runner's
    # even when an older version of it left no marker there.
    if not marker.is_file() and not force and folder != paths.REPORTS:
        try:
            foreign = sorted(entry.name for entry in folder.iterdir())
        except OSError as error:
            raise RunError(f"The output folder {folder} cannot be read ({error.strerror}).") from None
        if foreign:
            raise RunError(
                f"The output folder {folder} holds files this runner did not write ({', '.join(foreign[:3])}"
                f"{', ...' if len(foreign) > 3 else ''}); choose an empty or new folder, or pass --force to write "
                "the reports next to them."
            )
    try:
        handle = open(marker, "a+", encoding="utf-8")
    except OSError as error:
        raise RunError(f"The output folder {folder} cannot be written to ({error.strerror}).") from None
    with handle:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise RunError(
                f"Another kursk-analysis run is writing to {folder}; wait for it to finish or choose another --output."
            ) from None
        try:
            yield handle
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def _promote(staging: Path, folder: Path, marker) -> None:
    """Move what a run wrote from ``staging`` into ``folder``: the previous run's entries
    (listed in the marker) go first, then the new ones move in, ``index.html`` last, so the
    folder never holds an index over a mix of two runs. Signals wait until it is done."""
    signal.pthread_sigmask(signal.SIG_BLOCK, SIGNALS)
    try:
        marker.seek(0)
        try:
            previous = json.loads(marker.read() or "{}").get("entries", [])
        except (ValueError, AttributeError):
            previous = []
        new = sorted(entry.name for entry in staging.iterdir())
        (folder / "index.html").unlink(missing_ok=True)
        for name in sorted({*new, *(p for p in previous if isinstance(p, str) and _plain_name(p))}):
            _remove(folder / name)
        for name in sorted(new, key=lambda name: name == "index.html"):
            os.rename(staging / name, folder / name)
        staging.rmdir()
        marker.seek(0)
        marker.truncate()
        marker.write(json.dumps({"written_by": "kursk-analysis run", "entries": new}, indent=1) + "\n")
        marker.flush()
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, SIGNALS)


def _plain_name(name: str) -> bool:
    return bool(name) and "/" not in name and "\0" not in name and not name.startswith(".")


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif path.exists() or path.is_symlink():
        path.unlink()


def _check_widget_assets() -> None:
    missing = [str(source) for source in WIDGET_ASSETS.values() if not source.is_file()]
    if missing:
        raise RunError(
            f"The widget JavaScript ({', '.join(missing)}) is missing; run `npm ci` in {paths.ROOT} "
            f"(`make setup` does it)."
        )


def _copy_widget_assets(output: Path) -> None:
    """Copy the widget manager's JavaScript into ``output/assets`` (a fresh folder each run:
    nothing is reused on its size alone)."""
    assets = output / "assets"
    assets.mkdir(exist_ok=True)
    for name, source in WIDGET_ASSETS.items():
        shutil.copyfile(source, assets / name)


def _moved(text: str, staging: Path, final: Path) -> str:
    """``text`` with the staging folder's path replaced by the report folder's."""
    return str(text).replace(str(staging), str(final))


def _make_deterministic(executed: Path, staging: Path | None = None, final: Path | None = None) -> None:
    """Give the injected cell and the widget models fixed ids and merge split streams, and
    name the report folder where the staging folder's path was written; rewrite the notebook."""
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
    if staging is not None and final is not None:
        # papermill records the output path and the injected output_dir: the final place.
        text = text.replace(json.dumps(str(staging))[1:-1], json.dumps(str(final))[1:-1])
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
    """Load and compile the HTML templates (about 0.5 s), once, before the workers fork."""
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


def _write_index(output: Path, reports: list[NotebookReport], parameters: dict[str, Any],
                 final: Path | None = None) -> Path:
    """Write ``output/index.html`` linking the reports (whose paths are under ``final``, the
    folder the index will be moved to; ``output`` by default)."""
    final = output if final is None else final

    def link(path: Path, label: str) -> str:
        return f'<a href="{html.escape(path.relative_to(final).as_posix())}">{html.escape(label)}</a>'

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
    dictionary = final / "data_dictionary.csv"
    dictionary_note = (f"<p>Data dictionary: {link(dictionary, dictionary.name)} (every table and column "
                       "exported, with type, unit and meaning; each table is also a .parquet file beside "
                       "its CSV).</p>\n") if (output / dictionary.name).is_file() else ""
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
