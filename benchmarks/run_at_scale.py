"""The main job on a large corpus of distinct articles: ``kursk-analysis run`` as a whole.

Builds a corpus of ``--articles`` distinct articles (``corpus_growth.build_distinct_corpus``:
no paragraph repeated in another article) in a temporary folder, then times ``kursk-analysis
run --manifest <it> --output <new folder>`` as a whole subprocess, ``--repeat`` times, each
run with a new, empty cache folder (``KURSK_ANALYSIS_CACHE``: a first run on these texts,
every kernel and the runner split sentences themselves) and, after each, once more with the
cache that run filled (a second run on the same texts). Prints the median wall seconds of
both, the seconds per notebook as the runner printed them, and the runner's own line on the
per-article tables it computed once for the notebooks, when it did (a corpus of at least
``run.SHARED_TABLES_MIN`` articles).

    .venv/bin/python benchmarks/run_at_scale.py --articles 2000 --repeat 3
    PYTHONPATH=/tmp/copy .venv/bin/python benchmarks/run_at_scale.py   # a frozen copy of the project

With ``PYTHONPATH`` naming a copy of the project (package, notebooks, data and a
``node_modules`` link), the runner, its kernels and the notebooks are the copy's.
"""
from __future__ import annotations

import argparse
import os
import re
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus_growth import ROOT, build_distinct_corpus, machine  # noqa: E402

CLI = Path(sys.executable).with_name("kursk-analysis")
_EXECUTED = re.compile(r"\] (\S+) (?:executed|done) in ([0-9.]+) s")
_SHARED = re.compile(r"per-article tables of .*")


def run_once(manifest: Path, output: Path, cache: Path, timeout: float) -> dict:
    env = {**os.environ, "KURSK_ANALYSIS_CACHE": str(cache)}
    started = time.perf_counter()
    done = subprocess.run([str(CLI), "run", "--manifest", str(manifest), "--output", str(output)],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"kursk-analysis run failed ({done.returncode}):\n{done.stderr[-2000:]}")
    notebooks = {name: float(s) for name, s in _EXECUTED.findall(done.stderr)}
    shared = _SHARED.search(done.stderr)
    return {"seconds": seconds, "notebooks": notebooks, "shared": shared.group(0) if shared else None}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=2000, help="corpus size")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each kind (median reported)")
    parser.add_argument("--timeout", type=float, default=3600, help="seconds before a run is killed")
    args = parser.parse_args()
    for line in machine():
        print(line)
    print("command:", shlex.join([sys.executable, *sys.argv]))
    import kursk_analysis

    print("package measured:", Path(kursk_analysis.__file__).parent)
    with tempfile.TemporaryDirectory(prefix="kursk-run-at-scale-") as tmp:
        tmp = Path(tmp)
        manifest, stats = build_distinct_corpus(args.articles, tmp / "corpus")
        print(f"corpus of {args.articles:,}: distinct articles from {stats['bases']} base texts, "
              f"{stats['paragraphs']:,} paragraphs")
        runs: dict[str, list[dict]] = {"first run (empty cache)": [], "second run (cache filled)": []}
        for number in range(args.repeat):
            cache = tmp / f"cache-{number}"
            cache.mkdir()
            for kind in runs:
                result = run_once(manifest, tmp / f"out-{number}-{len(runs[kind])}-{kind[:5]}", cache, args.timeout)
                runs[kind].append(result)
                print(f"  {kind}, run {number + 1}: {result['seconds']:.2f} s  "
                      + "  ".join(f"{n} {s:.1f}" for n, s in result["notebooks"].items())
                      + (f"  | {result['shared']}" if result["shared"] else ""), flush=True)
        print(f"\n## kursk-analysis run on {args.articles:,} distinct articles, medians of {args.repeat}")
        for kind, results in runs.items():
            seconds = [r["seconds"] for r in results]
            names = sorted({n for r in results for n in r["notebooks"]})
            per = ", ".join(f"{n} {statistics.median(r['notebooks'][n] for r in results if n in r['notebooks']):.1f}"
                            for n in names)
            print(f"  {kind}: {statistics.median(seconds):.2f} s (runs: {', '.join(f'{s:.2f}' for s in seconds)}); "
                  f"per notebook: {per}")
    print("load average at end (1/5/15 min):", " ".join(f"{x:.2f}" for x in os.getloadavg()))


if __name__ == "__main__":
    main()
