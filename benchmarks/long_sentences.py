"""Long-sentence benchmark: extraction time against the length of one sentence.

Issue 13: candidate search in ``quotes`` grew with the square of a sentence's length (a
200 KB sentence took 81 s, a 5,000-line unpunctuated article did not finish in 300 s).
This script builds, in a temporary folder, articles made of one sentence of 1 KB up to
1 MB (news prose with names, reporting verbs, quotations, figures and dates, but no
full stop) and times load plus every extractor on each, each size in a fresh subprocess
with the cache off; then it times ``kursk-analysis run`` (the three notebooks) on a
200 KB sentence and on a 5,000-line unpunctuated article. Target: under a minute each.

    .venv/bin/python benchmarks/long_sentences.py                    # all sizes, then the runs
    .venv/bin/python benchmarks/long_sentences.py --sizes 1000,50000 --no-run
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# One clause of news prose; repeated, joined by "and", it makes a sentence with no end.
CLAUSE = ("Russian President Vladimir Putin said on March 13 that Ukrainian troops in the Kursk "
          "region were completely isolated, and Ukraine's General Staff denied it, according "
          "to officials who said Ukraine still held about 400 square kilometres, while analysts at the "
          "Institute for the Study of War said they had seen no evidence of an encirclement "
          "and Trump wrote that thousands of soldiers were surrounded ")
LINE = "Ukrainian troops held about 400 square kilometres in Kursk officials said on Tuesday"
EXTRACTORS = (("actors", "actors", {}), ("quotes", "quotes", {}), ("figures", "territory_figures", {}),
              ("figures", "quantities", {}), ("timex", "time_expressions", {}),
              ("stance", "stances", {"claim": "encirclement"}), ("framing", "attribution_verbs", {}),
              ("reuse", "shared_passages", {}))
CHILD = r"""
import importlib, json, sys, time, warnings
warnings.simplefilter("ignore")
import kursk_analysis as ka
started = time.perf_counter()
corpus = ka.load_corpus(sys.argv[1])
times = {"load": time.perf_counter() - started}
for module, name, kwargs in json.loads(sys.argv[2]):
    step = time.perf_counter()
    getattr(importlib.import_module("kursk_analysis.extract." + module), name)(corpus, **kwargs)
    times[name] = time.perf_counter() - step
print(json.dumps(times))
"""


def sentence(size: int) -> str:
    text = ""
    while len(text.encode()) < size:
        text += CLAUSE + "and "
    return text.encode()[:size].decode("utf-8", "ignore").rsplit(" ", 1)[0]


def corpus(folder: Path, body: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "a.txt").write_text(body + "\n", encoding="utf-8")
    manifest = folder / "articles.csv"
    manifest.write_text("id,file,outlet,headline,published\nlong,a.txt,Outlet,Long sentence,2025-03-14\n",
                        encoding="utf-8")
    return manifest


def time_extractors(manifest: Path, timeout: float) -> str:
    import json

    env = {**os.environ, "KURSK_ANALYSIS_CACHE": "off"}
    try:
        done = subprocess.run([sys.executable, "-c", CHILD, str(manifest), json.dumps(EXTRACTORS)],
                              capture_output=True, text=True, env=env, timeout=timeout)
    except subprocess.TimeoutExpired:
        return f"did not finish in {timeout:.0f} s"
    if done.returncode:
        return "failed: " + done.stderr.strip().splitlines()[-1]
    times = json.loads(done.stdout)
    total = sum(times.values())
    slowest = sorted(times.items(), key=lambda item: -item[1])[:3]
    return f"{total:7.2f} s  (" + ", ".join(f"{name} {seconds:.2f}" for name, seconds in slowest) + ")"


def time_run(manifest: Path, output: Path, timeout: float) -> str:
    command = [str(Path(sys.executable).with_name("kursk-analysis")), "run", "--manifest", str(manifest),
               "--output", str(output)]
    started = time.perf_counter()
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return f"did not finish in {timeout:.0f} s"
    seconds = time.perf_counter() - started
    if done.returncode:
        return f"failed after {seconds:.1f} s: " + (done.stderr.strip().splitlines() or ["?"])[-1]
    return f"{seconds:7.1f} s"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,50000,200000,1000000",
                        help="sentence sizes in bytes, comma-separated")
    parser.add_argument("--timeout", type=float, default=600, help="seconds before a step is given up")
    parser.add_argument("--no-run", action="store_true", help="skip the two `kursk-analysis run` timings")
    args = parser.parse_args()
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, load {os.getloadavg()[0]:.2f}")
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        print("load + extractors on one sentence (cache off):")
        for size in (int(s) for s in args.sizes.split(",")):
            manifest = corpus(scratch / f"s{size}", sentence(size))
            print(f"  {size:>9,} bytes: {time_extractors(manifest, args.timeout)}", flush=True)
        lines = corpus(scratch / "lines", "\n".join(f"{LINE} {i}" for i in range(5000)))
        print(f"  5,000 unpunctuated lines: {time_extractors(lines, args.timeout)}", flush=True)
        if not args.no_run:
            print("kursk-analysis run (three notebooks):")
            print(f"  200,000-byte sentence: {time_run(corpus(scratch / 'run200k', sentence(200_000)), scratch / 'r1', args.timeout)}", flush=True)
            print(f"  5,000 unpunctuated lines: {time_run(lines, scratch / 'r2', args.timeout)}", flush=True)


if __name__ == "__main__":
    main()
