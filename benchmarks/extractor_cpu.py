"""Each per-article extractor's own CPU time on one corpus of distinct articles, the least of
``--repeat`` runs: a before/after figure that holds on a machine whose speed drifts.

Whole runs (``corpus_growth.py``) on this virtual machine drift by up to 1.6x within an hour,
more than a change to one rule is worth. This script loads one corpus of distinct articles
(``corpus_growth.build_distinct_corpus``; cache off), computes every table once, then, round
after round, drops one step's own result and computes it again, the tables it reads kept:
the least CPU time (``time.process_time``) over the rounds is that step's cost, its
inputs excluded (``quotes`` without ``actors``, ``territory`` without ``timex``).

    .venv/bin/python benchmarks/extractor_cpu.py                          # 1,000 articles, 5 rounds
    .venv/bin/python benchmarks/extractor_cpu.py --articles 2000 --repeat 7
    PYTHONPATH=/path/to/copy .venv/bin/python benchmarks/extractor_cpu.py   # another copy of the package

Run a before and an after one after the other (or alternating, twice each) and compare the
lines; the report names the package folder it imported.
"""
from __future__ import annotations

import argparse
import os
import shlex
import sys
import tempfile
import time
import warnings
from pathlib import Path

os.environ["KURSK_ANALYSIS_CACHE"] = "off"  # before the package is imported: every run splits
sys.path.insert(0, str(Path(__file__).resolve().parent))

# (label, the pipeline step's memo name, function in its module)
STEPS = (("actors", "actors", "actors:actors"), ("quotes", "quotes", "quotes:quotes"),
         ("timex", "time_expressions", "timex:time_expressions"),
         ("territory", "territory_figures", "figures:territory_figures"),
         ("quantities", "quantities", "figures:quantities"), ("stances", "stances", "stance:stances"),
         ("framing", "attribution_verbs", "framing:attribution_verbs"))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=1000, help="distinct articles in the corpus")
    parser.add_argument("--repeat", type=int, default=5, help="rounds (the least of them is reported)")
    args = parser.parse_args(argv)
    import importlib

    import corpus_growth

    import kursk_analysis as ka

    functions = []
    for label, memo, where in STEPS:
        module, name = where.split(":")
        functions.append((label, memo, getattr(importlib.import_module(f"kursk_analysis.extract.{module}"), name)))
    print(f"command: .venv/bin/python benchmarks/{Path(__file__).name} {shlex.join(argv or sys.argv[1:])}")
    print(f"package measured: {Path(ka.__file__).parent}")
    print(f"load average at start (1/5/15 min): {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    with tempfile.TemporaryDirectory() as folder:
        manifest, _ = corpus_growth.build_distinct_corpus(args.articles, Path(folder))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            started = time.process_time()
            corpus = ka.load_corpus(manifest)
            loading = time.process_time() - started
            for _, _, function in functions:
                function(corpus)
            best: dict[str, float] = {}
            for _ in range(args.repeat):
                for label, memo, function in functions:
                    for key in [k for k in corpus._memo if k.split("[")[0] == memo]:
                        del corpus._memo[key]
                    started = time.process_time()
                    function(corpus)
                    best[label] = min(best.get(label, float("inf")), time.process_time() - started)
    print(f"{args.articles:,} distinct articles; load (one process, first run): {loading:.2f} CPU s")
    print(f"least CPU seconds of {args.repeat} rounds, each step without the tables it reads:")
    for label, seconds in best.items():
        print(f"  {label:<12} {seconds:7.3f}   {1000 * seconds / args.articles:6.3f} ms per article")
    total = sum(best.values())
    print(f"  {'sum':<12} {total:7.3f}   {1000 * total / args.articles:6.3f} ms per article")
    print(f"load average at end (1/5/15 min): {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
