"""Extract benchmark: ``kursk-analysis extract`` on 10,000 to 100,000 distinct articles.

Builds each corpus with ``corpus_growth.build_distinct_corpus`` (no paragraph repeated in
another article) in a temporary folder, then runs, as a whole subprocess with the sentence
cache off, ``kursk-analysis extract --manifest M --out <new folder> --workers W
--chunk-size K`` ``--repeat`` times per size, sizes interleaved. While it runs, every
process of the command's tree (the driver, which also holds the local cluster's scheduler,
the nannies and the workers) is sampled every 0.2 s for its resident memory. Prints per
size the median wall seconds, articles per second, the peak resident memory of the driver
and of the largest worker, and the time ratio between sizes against linear.

    .venv/bin/python benchmarks/extract_scale.py --sizes 10000 --repeat 3
    .venv/bin/python benchmarks/extract_scale.py --sizes 100000 --repeat 1   # minutes
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus_growth import ROOT, build_distinct_corpus, machine  # noqa: E402

CLI = Path(sys.executable).with_name("kursk-analysis")


def run_once(manifest: Path, out: Path, workers: int, chunk_size: int) -> dict:
    command = [str(CLI), "extract", "--manifest", str(manifest), "--out", str(out),
               "--workers", str(workers), "--chunk-size", str(chunk_size)]
    env = {**os.environ, "KURSK_ANALYSIS_CACHE": "off"}
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peaks: dict[int, tuple[str, int]] = {}
    root = psutil.Process(process.pid)
    while process.poll() is None:
        try:
            tree = [root, *root.children(recursive=True)]
        except psutil.NoSuchProcess:
            break
        for member in tree:
            try:
                rss = member.memory_info().rss
                line = " ".join(member.cmdline())
            except psutil.Error:
                continue
            role = ("driver" if member.pid == process.pid else "other" if "resource_tracker" in line
                    else "worker" if "spawn_main" in line else "other")
            if rss > peaks.get(member.pid, ("", 0))[1]:
                peaks[member.pid] = (role, rss)
        time.sleep(0.2)
    err = process.stderr.read()
    seconds = time.perf_counter() - started
    by_role: dict[str, list[int]] = {}
    for role, rss in peaks.values():
        by_role.setdefault(role, []).append(rss)
    return {"seconds": seconds, "ok": process.returncode == 0, "error": err.strip().splitlines()[-1:] if process.returncode else [],
            "driver_mb": max(by_role.get("driver", [0])) / 2**20,
            "worker_mb": max(by_role.get("worker", [0])) / 2**20,
            "processes": {role: len(v) for role, v in by_role.items()}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000", help="comma-separated article counts")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--chunk-size", type=int, default=500)
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    print("\n".join(machine()), flush=True)
    results: dict[int, list[dict]] = {size: [] for size in sizes}
    with tempfile.TemporaryDirectory(prefix="kursk-extract-") as tmp:
        manifests = {}
        for size in sizes:
            manifests[size], info = build_distinct_corpus(size, Path(tmp) / str(size))
            print(f"corpus of {size:,}: {info['paragraphs']:,} paragraphs, none repeated in another article", flush=True)
        for number in range(args.repeat):
            for size in sizes:
                result = run_once(manifests[size], Path(tmp) / f"out-{size}-{number}", args.workers, args.chunk_size)
                results[size].append(result)
                print(f"  {size:>7,} articles run {number + 1}: {result['seconds']:8.2f} s  driver {result['driver_mb']:6.0f} MB  "
                      f"largest worker {result['worker_mb']:6.0f} MB  processes {result['processes']}  "
                      f"(1-min load {os.getloadavg()[0]:.2f})" + ("" if result["ok"] else f"  FAILED: {result['error']}"), flush=True)
    medians = {}
    print(f"\n## extract --workers {args.workers} --chunk-size {args.chunk_size}, medians of {args.repeat} run(s)")
    for size in sizes:
        ok = [r for r in results[size] if r["ok"]]
        if not ok:
            print(f"  {size:,}: no complete run")
            continue
        medians[size] = statistics.median(r["seconds"] for r in ok)
        print(f"  {size:>7,} articles: {medians[size]:8.2f} s ({size / medians[size]:,.0f} articles/s); "
              f"peak memory: driver {max(r['driver_mb'] for r in ok):,.0f} MB, largest worker "
              f"{max(r['worker_mb'] for r in ok):,.0f} MB; runs: " + ", ".join(f"{r['seconds']:.2f}" for r in ok))
    done = sorted(medians)
    for small, large in zip(done, done[1:]):
        ratio = medians[large] / medians[small]
        print(f"  {large:,} / {small:,}: time x{ratio:.2f} for x{large / small:g} the articles "
              f"({ratio / (large / small):.2f} of linear)")
    print("load average at end (1/5/15 min): " + " ".join(f"{x:.2f}" for x in os.getloadavg()))


if __name__ == "__main__":
    main()
