"""Main-job benchmark (issue 5, benchmark 1): ``kursk-analysis run`` against bare papermill.

Times, in the same session and interleaved, two things as whole subprocesses (interpreter
start-up included in both):

- **real**: ``kursk-analysis run --output <tmp>`` on the bundled corpus: the three research
  notebooks executed with papermill, rendered as HTML twice, tables written, index built;
- **baseline**: papermill, as the runner uses it, executing at once (one forked worker
  process each, as the runner starts its notebooks) three notebooks generated in a
  temporary folder that hold only the import statements of the real notebooks' code cells
  (read from the notebooks with ``ast``, not hard-coded; same kernel, same working folder)
  and nothing else.

The ratio of the medians (real / baseline, over ``--repeat`` runs each) is what the workbook
itself costs beyond starting kernels and importing its libraries. Targets (issue 12):
<= 1.2 warm, <= 1.4 cold.

The real run is timed twice per round: with a **cold** cache (an empty
``KURSK_ANALYSIS_CACHE`` folder: the first run on a machine, every kernel splits sentences
with spaCy and builds pint's registry) and with a **warm** one (a folder the untimed
preparation run filled: every later run on the same texts). The baseline loads no corpus,
so the cache does not touch it.

    .venv/bin/python benchmarks/main_job.py              # 3 runs of each (cold, warm, baseline), interleaved
    .venv/bin/python benchmarks/main_job.py --repeat 5 --warmup 1
    PYTHONPATH=/tmp/copy .venv/bin/python benchmarks/main_job.py   # a frozen copy of the project

With ``PYTHONPATH`` naming a copy of the project (package, notebooks, data, seeds and a
``node_modules`` link), the runner, its kernels and the notebooks read are the copy's.
"""
from __future__ import annotations

import argparse
import ast
import json
import multiprocessing
import os
import re
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus_growth import ROOT, machine  # noqa: E402  (the shared way of recording the machine)

# The notebooks of the package measured: the live tree, or the copy first on PYTHONPATH
# (the runner, its kernels and this script all import that one).
from kursk_analysis import paths# noqa: E402

NOTEBOOKS = sorted(paths.NOTEBOOKS.glob("*.ipynb"))
CLI = Path(sys.executable).with_name("kursk-analysis")
_EXECUTED = re.compile(r"\] (\S+) (?:executed|done) in ([0-9.]+) s")


# --------------------------------------------------------------------------- baseline notebooks


def import_statements(source: str) -> list[str]:
    """The import statements of one code cell, in order, as source text (magics ignored)."""
    lines = [line for line in source.splitlines() if not line.lstrip().startswith(("%", "!"))]
    try:
        tree = ast.parse("\n".join(lines))
    except SyntaxError:
        return []
    return [ast.unparse(node) for node in ast.walk(tree) if isinstance(node, (ast.Import, ast.ImportFrom))]


def import_only_notebook(notebook: Path, target: Path) -> list[str]:
    """Write ``target``: one code cell per code cell of ``notebook`` that imports, holding only
    its import statements; kernel metadata copied. Returns the statements."""
    import nbformat

    nb = nbformat.read(notebook, as_version=4)
    bare = nbformat.v4.new_notebook(metadata={k: nb.metadata[k] for k in ("kernelspec", "language_info") if k in nb.metadata})
    statements = []
    for cell in nb.cells:
        if cell.cell_type == "code":
            found = import_statements(cell.source)
            if found:
                bare.cells.append(nbformat.v4.new_code_cell("\n".join(found)))
                statements += found
    nbformat.write(bare, target)
    return statements


def _execute_bare(notebook: Path, output: str) -> float:
    import papermill

    started = time.perf_counter()
    papermill.execute_notebook(
        str(notebook), str(Path(output) / notebook.name), cwd=str(paths.NOTEBOOKS),
        progress_bar=False, request_save_on_cell_execute=False,
    )
    return time.perf_counter() - started


def baseline_child(folder: str, output: str) -> None:
    """Execute the import-only notebooks in ``folder`` with papermill all at once, as the
    runner does (each in a worker process forked from this one, papermill imported the
    runner's way first, so its start-up saving counts on both sides)."""
    from kursk_analysis.workbook.run import import_papermill

    import_papermill()
    notebooks = sorted(Path(folder).glob("*.ipynb"))
    with ProcessPoolExecutor(max_workers=len(notebooks), mp_context=multiprocessing.get_context("fork")) as pool:
        futures = [pool.submit(_execute_bare, notebook, output) for notebook in notebooks]
        for notebook, future in zip(notebooks, futures):
            print(json.dumps({"notebook": notebook.stem, "seconds": future.result()}), flush=True)


# --------------------------------------------------------------------------- timing


def timed(command: list[str], cache: Path | None = None) -> tuple[float, str, str, int]:
    env = dict(os.environ)
    if cache is not None:
        env["KURSK_ANALYSIS_CACHE"] = str(cache)
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, env=env)
    return time.perf_counter() - started, done.stdout, done.stderr, done.returncode


def run_real(output: Path, cache: Path) -> dict:
    seconds, _, err, code = timed([str(CLI), "run", "--output", str(output)], cache)
    per = {name: float(s) for name, s in _EXECUTED.findall(err)}
    return {"seconds": seconds, "per_notebook": per, "ok": code == 0,
            "error": "" if code == 0 else (err.strip().splitlines() or ["?"])[-1]}


def run_baseline(folder: Path, output: Path) -> dict:
    output.mkdir(parents=True, exist_ok=True)
    seconds, out, err, code = timed([sys.executable, __file__, "--child", str(folder), str(output)])
    per = {row["notebook"]: row["seconds"] for row in map(json.loads, filter(None, out.splitlines()))}
    return {"seconds": seconds, "per_notebook": per, "ok": code == 0,
            "error": "" if code == 0 else (err.strip().splitlines() or ["?"])[-1]}


def median_per_notebook(runs: list[dict]) -> dict[str, float]:
    names = sorted({name for run in runs for name in run["per_notebook"]})
    return {n: statistics.median(r["per_notebook"][n] for r in runs if n in r["per_notebook"]) for n in names}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="timed runs of each (median reported)")
    parser.add_argument("--warmup", type=int, default=0, help="untimed runs of each first (disk cache, .pyc)")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        baseline_child(*args.child)
        return
    print("\n".join(machine()), flush=True)
    print(f"package measured: {paths.ROOT / 'kursk_analysis'}")
    print(f"real:     {shlex.join([os.path.relpath(CLI, ROOT), 'run', '--output', '<tmp>'])}  (bundled corpus)")
    with tempfile.TemporaryDirectory(prefix="kursk-mainjob-") as tmp:
        tmp = Path(tmp)
        bare = tmp / "import_only"
        bare.mkdir()
        print("baseline: papermill.execute_notebook, the three at once (forked workers), on import-only copies:")
        for notebook in NOTEBOOKS:
            statements = import_only_notebook(notebook, bare / notebook.name)
            print(f"  {notebook.name}: " + "; ".join(statements))
        warm_cache = tmp / "cache-warm"
        prepared = run_real(tmp / "prepare", warm_cache)  # untimed: fills the warm cache
        print(f"  preparation run (fills the warm cache, untimed): {prepared['seconds']:.2f} s"
              + ("" if prepared["ok"] else f"  FAILED: {prepared['error']}"), flush=True)
        results = {"cold": [], "warm": [], "baseline": []}
        kinds = ["cold", "warm", "baseline"]
        for number in range(args.warmup + args.repeat):
            # Rotate which goes first, so a trend in the load hits all alike.
            for kind in kinds[number % 3:] + kinds[:number % 3]:
                if kind == "cold":
                    result = run_real(tmp / f"cold-{number}", tmp / f"cache-cold-{number}")
                elif kind == "warm":
                    result = run_real(tmp / f"warm-{number}", warm_cache)
                else:
                    result = run_baseline(bare, tmp / f"base-{number}")
                label = "warm-up" if number < args.warmup else f"run {number - args.warmup + 1}"
                load = os.getloadavg()[0]
                status = "" if result["ok"] else f"  FAILED: {result['error']}"
                print(f"  {label:<8} {kind:<9} {result['seconds']:7.2f} s  (1-min load {load:.2f}){status}", flush=True)
                if number >= args.warmup:
                    results[kind].append(result)
    ok = {kind: [r["seconds"] for r in runs if r["ok"]] for kind, runs in results.items()}
    print(f"\n## Medians of {args.repeat} run(s) each (wall seconds, whole subprocess)")
    if not ok["baseline"] or not (ok["cold"] or ok["warm"]):
        print("  no complete runs of one side: no ratio")
    else:
        m_base = statistics.median(ok["baseline"])
        print(f"  papermill, imports only:    {m_base:7.2f} s   runs: " + ", ".join(f"{s:.2f}" for s in ok["baseline"]))
        for kind in ("cold", "warm"):
            if ok[kind]:
                m_real = statistics.median(ok[kind])
                print(f"  kursk-analysis run, {kind} cache: {m_real:7.2f} s   runs: "
                      + ", ".join(f"{s:.2f}" for s in ok[kind]) + f"   ratio {m_real / m_base:.2f} (target <= {1.4 if kind == 'cold' else 1.2})")
        print("  per notebook, median seconds (real, as the runner reports it: cold / warm / baseline):")
        per = {kind: median_per_notebook(runs) for kind, runs in results.items()}
        for name in sorted(set().union(*per.values())):
            print(f"    {name:<24}" + " / ".join(f"{per[k].get(name, float('nan')):5.2f}" for k in ("cold", "warm", "baseline")))
    print("\nload average at end (1/5/15 min): " + " ".join(f"{x:.2f}" for x in os.getloadavg()))


if __name__ == "__main__":
    main()
