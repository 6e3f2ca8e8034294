"""Corpus growth benchmark: load plus every extractor on corpora of 1,000 to 20,000 distinct articles.

Builds, in a temporary folder, corpora of *distinct* texts (:func:`build_distinct_corpus`:
the five seeds and the 31 synthetic articles of the test fixtures, each article rewritten
with interchangeable words and shifted numbers so that no paragraph repeats in another
article), a manifest in the format of ``data/articles.csv`` (sha256 included), then for
each size runs ``load_corpus`` and every extractor the package has, each size in a fresh
subprocess with the sentence cache off, so that its time and peak memory are its own.
Prints, per size, the median over ``--repeat`` runs of the seconds for loading and for each
extractor, the total, articles per second and peak memory (``ru_maxrss`` of the
subprocess: imports included), the 20,000/10,000 ratio, with the machine and the command.
Targets (issue 12): 10,000 articles in at most 10 s with at most 1 GB, and 20,000 taking
at most 2.1 times as long as 10,000.

    .venv/bin/python benchmarks/corpus_growth.py                 # 1000,10000,20000 x 3
    .venv/bin/python benchmarks/corpus_growth.py --sizes 1000 --repeat 1

Distinct text matters: replicated articles hit every per-text shortcut (the tokenizer's
piece table, the extractors' reading of verbatim copies once), so they measure far less
than a real corpus costs. To measure another copy of the package, put it first on the
path: ``PYTHONPATH=/path/to/other/checkout .venv/bin/python benchmarks/corpus_growth.py``;
the report names the package folder each run imported.
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import importlib
import importlib.metadata
import json
import os
import platform
import re
import resource
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MANIFEST = ROOT / "data" / "articles.csv"
# (module, function, keyword arguments), looked up by name when the benchmark runs: other
# modules are being written while this one is, and a missing one is reported, not fatal.
EXTRACTORS = (
    ("actors", "actors", {}),
    ("quotes", "quotes", {}),
    ("figures", "territory_figures", {}),
    ("figures", "quantities", {}),
    ("timex", "time_expressions", {}),
    ("stance", "stances", {"claim": "encirclement"}),
    ("reuse", "shared_passages", {}),
    ("reuse", "reuse_matrix", {}),
    ("framing", "attribution_verbs", {}),
)
PACKAGES = ("kursk_analysis", "spacy", "numpy", "pandas", "pint", "rapidfuzz", "datasketch")


# --------------------------------------------------------------------------- building


def build_corpus(size: int, folder: Path) -> Path:
    """Write ``size`` articles replicating the seeds (in manifest order) under new ids."""
    with MANIFEST.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        header, seeds = reader.fieldnames, list(reader)
    texts = [(MANIFEST.parent / row["file"]).read_bytes() for row in seeds]
    (folder / "articles").mkdir(parents=True)
    manifest = folder / "articles.csv"
    with manifest.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=header)
        writer.writeheader()
        for number in range(size):
            seed = number % len(seeds)
            article_id = f"r{number:06d}"
            (folder / "articles" / f"{article_id}.txt").write_bytes(texts[seed])
            writer.writerow({**seeds[seed], "id": article_id, "file": f"articles/{article_id}.txt"})
    return manifest


# Distinct texts: the seeds and the synthetic articles of the test fixtures (never other
# text), every copy rewritten so that no paragraph repeats anywhere in the corpus.
BASE_MANIFESTS = (MANIFEST, *(ROOT / "tests" / "fixtures" / name / "articles.csv"
                              for name in ("other_outlets", "extraction", "figures", "other_format")),
                  ROOT / "tests" / "fixtures" / "reuse" / "manifest.csv")
# Interchangeable words (none a reporting verb, claim term, direction, unit, date or actor
# cue the rules look for): each occurrence is a slot holding one of its group.
SYNONYMS = [
    ("troops", "soldiers"), ("region", "area"), ("officials", "authorities"), ("large", "big"),
    ("recent", "latest"), ("attack", "assault"), ("attacks", "assaults"), ("village", "settlement"),
    ("villages", "settlements"), ("town", "city"), ("fighting", "combat"), ("people", "residents"),
    ("border", "frontier"), ("began", "started"), ("support", "backing"), ("talks", "negotiations"),
    ("deal", "agreement"), ("ceasefire", "truce"), ("country", "nation"), ("war", "conflict"),
    ("weapons", "arms"), ("situation", "position"), ("operation", "campaign"), ("important", "key"),
    ("difficult", "hard"), ("quickly", "rapidly"), ("pressure", "strain"), ("heavy", "fierce"),
    ("many", "numerous"), ("military", "army"), ("territory", "ground"), ("incursion", "invasion"),
]
_GROUP = {word: group for group in SYNONYMS for word in group}
_SLOT = re.compile(r"\b(?:(?P<word>[A-Za-z]+)|(?P<number>\d{1,3}))\b")


def _vary_paragraph(text: str, code: int) -> tuple[str, bool]:
    """``text`` with ``code`` written into its slots in mixed radix (a synonym slot holds one
    of its two words, a number slot one of ten values); what the slots cannot hold is appended
    as `` [n]``. Distinct codes give distinct paragraphs. Returns the text and whether it
    needed the suffix."""
    pieces, position = [], 0
    for match in _SLOT.finditer(text):
        word, number = match.group("word"), match.group("number")
        if word is not None:
            group = _GROUP.get(word.lower())
            if group is None:
                continue
            choice = group[code % len(group)]
            code //= len(group)
            new = choice.capitalize() if word[0].isupper() else choice
        else:
            value = int(number)
            # Days of the month stay days; larger numbers grow by 0-9.
            new = str((value - 1 + code % 10) % 28 + 1 if 1 <= value <= 31 else value + code % 10)
            code //= 10
        pieces += [text[position:match.start()], new]
        position = match.end()
    pieces.append(text[position:])
    varied = "".join(pieces)
    return (varied + f" [{code}]", True) if code else (varied, False)


def build_distinct_corpus(size: int, folder: Path) -> tuple[Path, dict]:
    """Write ``size`` articles, cycling through the base texts (the seeds and the synthetic
    fixture articles), article *n* rewritten by :func:`_vary_paragraph` with code *n* in
    every paragraph, so no paragraph repeats in another article (a paragraph an article
    repeats itself, such as a repeated headline, stays repeated within it)."""
    from kursk_analysis.corpus.boilerplate import split_paragraphs

    bases = []
    for manifest in BASE_MANIFESTS:
        with manifest.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                text = (manifest.parent / row["file"]).read_bytes().decode("utf-8-sig")
                bases.append(({k: row.get(k, "") for k in ("outlet", "headline", "published")}, text))
    (folder / "articles").mkdir(parents=True)
    manifest = folder / "articles.csv"
    paragraphs = suffixed = 0
    with manifest.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=["id", "file", "outlet", "headline", "published", "sha256"])
        writer.writeheader()
        for number in range(size):
            row, text = bases[number % len(bases)]
            pieces, position = [], 0
            for start, end in split_paragraphs(text):
                varied, suffix = _vary_paragraph(text[start:end], number)
                pieces += [text[position:start], varied]
                position = end
                paragraphs += 1
                suffixed += suffix
            pieces.append(text[position:])
            raw = "".join(pieces).encode("utf-8")
            article_id = f"d{number:06d}"
            (folder / "articles" / f"{article_id}.txt").write_bytes(raw)
            writer.writerow({**row, "id": article_id, "file": f"articles/{article_id}.txt",
                             "sha256": hashlib.sha256(raw).hexdigest()})
    return manifest, {"bases": len(bases), "paragraphs": paragraphs, "suffixed": suffixed}


# --------------------------------------------------------------------------- one run


def child(manifest: str, skip: set[str], workers: int = 1) -> None:
    """Load and extract in this process, printing one JSON line per step as it ends (so a
    run that times out still reports how far it got)."""

    def report(step: str, started: float, cpu: float, **extra) -> None:
        print(json.dumps({"step": step, "seconds": time.perf_counter() - started,
                          "cpu": time.process_time() - cpu, **extra}), flush=True)

    started, cpu = time.perf_counter(), time.process_time()
    import kursk_analysis as ka

    report("import", started, cpu, package=str(Path(ka.__file__).parent))
    started, cpu = time.perf_counter(), time.process_time()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # seeds without dates warn once per copy
        corpus = ka.load_corpus(manifest, workers=workers)
    report("load" if workers == 1 else f"load ({workers} workers)", started, cpu, rows=len(corpus.sentences))
    if workers > 1:
        # The per-article tables on a process pool (kursk_analysis.workbook.batch.precompute);
        # the extractor steps below then return them.
        from kursk_analysis.workbook.batch import precompute

        started, cpu = time.perf_counter(), time.process_time()
        precompute(corpus, workers=workers)
        report(f"precompute ({workers} workers)", started, cpu)
    for module_name, name, options in EXTRACTORS:
        if name in skip:
            print(json.dumps({"step": name, "skipped": "--skip"}), flush=True)
            continue
        function = getattr(ka, name, None)
        if function is None:
            try:
                function = getattr(importlib.import_module(f"kursk_analysis.extract.{module_name}"), name, None)
            except ImportError as error:
                print(json.dumps({"step": name, "missing": f"import failed: {error}"}), flush=True)
                continue
        if function is None:
            print(json.dumps({"step": name, "missing": f"no {module_name}.{name}"}), flush=True)
            continue
        started, cpu = time.perf_counter(), time.process_time()
        try:
            result = function(corpus, **options)
        except Exception as error:  # report and go on: one broken extractor is not the benchmark's business
            print(json.dumps({"step": name, "error": f"{type(error).__name__}: {error}"}), flush=True)
            continue
        report(name, started, cpu, rows=len(result))
    # Linux reports ru_maxrss in KiB.
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    workers_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(json.dumps({"step": "peak", "peak_mb": peak, "worker_peak_mb": workers_peak}), flush=True)


def run_once(manifest: Path, skip: set[str], timeout: float, workers: int = 1) -> list[dict]:
    command = [sys.executable, __file__, "--child", str(manifest), "--skip", ",".join(sorted(skip)),
               "--workers", str(workers)]
    # The sentence cache off: every run splits every article, as a first load does.
    env = {**os.environ, "KURSK_ANALYSIS_CACHE": "off"}
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT, env=env)
    try:
        out, err = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        out, err = process.communicate()
        out += json.dumps({"step": "timeout", "error": f"killed after {timeout:.0f} s"}) + "\n"
    steps = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    if process.returncode not in (0, -9) and not any(s["step"] == "peak" for s in steps):
        steps.append({"step": "crash", "error": err.strip().splitlines()[-1] if err.strip() else "?"})
    return steps


# --------------------------------------------------------------------------- reporting


def machine() -> list[str]:
    model = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    versions = []
    for package in PACKAGES:
        try:
            versions.append(f"{package} {importlib.metadata.version(package)}")
        except importlib.metadata.PackageNotFoundError:
            pass
    return [
        f"machine: {len(os.sched_getaffinity(0))} usable CPUs (nproc), {model}, {platform.platform()}",
        f"python {platform.python_version()}; " + ", ".join(versions),
        "load average at start (1/5/15 min): " + " ".join(f"{x:.2f}" for x in os.getloadavg()),
        "command: " + shlex.join([os.path.relpath(sys.executable, ROOT), *sys.argv]),
    ]


def summarise(size: int, runs: list[list[dict]]) -> tuple[list[str], float | None]:
    """Median per step over the runs, the median total and the problems seen."""
    steps, problems = {}, set()
    for run in runs:
        for step in run:
            if "seconds" in step:
                steps.setdefault(step["step"], []).append(step)
            elif step["step"] != "peak":
                problems.add(f"{step['step']}: {step.get('missing') or step.get('skipped') or step.get('error')}")
    totals = [sum(s["seconds"] for s in run if "seconds" in s and s["step"] != "import") for run in runs]
    complete = [t for t, run in zip(totals, runs) if any(s["step"] == "peak" for s in run)]
    peaks = [s["peak_mb"] for run in runs for s in run if s["step"] == "peak"]
    lines = [f"\n## {size:,} articles ({len(runs)} run(s); median seconds, wall and CPU)"]
    packages = sorted({s["package"] for run in runs for s in run if "package" in s})
    lines.append(f"  package measured: {', '.join(packages)}")
    lines.append(f"  {'step':<20}{'wall s':>9}{'cpu s':>9}{'rows':>10}")
    for name, found in steps.items():
        wall = statistics.median(s["seconds"] for s in found)
        cpu = statistics.median(s["cpu"] for s in found)
        rows = found[0].get("rows", "")
        lines.append(f"  {name:<20}{wall:>9.2f}{cpu:>9.2f}{rows:>10}")
    total = statistics.median(complete) if complete else None
    if total is not None:
        lines.append(f"  {'total (no import)':<20}{total:>9.2f}    runs: " + ", ".join(f"{t:.2f}" for t in complete))
        lines.append(f"  articles per second: {size / total:,.0f}")
    if peaks:
        lines.append(f"  peak memory: {statistics.median(peaks):,.0f} MB (max {max(peaks):,.0f} MB)")
    worker_peaks = [s["worker_peak_mb"] for run in runs for s in run if s["step"] == "peak" and s.get("worker_peak_mb")]
    if worker_peaks:
        lines.append(f"  peak memory of the largest worker: {statistics.median(worker_peaks):,.0f} MB")
    lines += [f"  not run: {problem}" for problem in sorted(problems)]
    return lines, total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000,20000", help="comma-separated article counts")
    parser.add_argument("--repeat", type=int, default=3, help="runs per size (median reported)")
    parser.add_argument("--skip", default="", help="comma-separated extractor names not to run")
    parser.add_argument("--timeout", type=float, default=900, help="seconds before a run is killed")
    parser.add_argument("--workers", type=int, default=1,
                        help="processes for splitting sentences (load_corpus workers=) and for the per-article tables (batch.precompute); 1: in this process")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    skip = {name for name in args.skip.split(",") if name}
    if args.child:
        child(args.child, skip, args.workers)
        return
    sizes = [int(size) for size in args.sizes.split(",")]
    print("\n".join(machine()), flush=True)
    with tempfile.TemporaryDirectory(prefix="kursk-growth-") as tmp:
        manifests = {}
        for size in sizes:
            manifests[size], info = build_distinct_corpus(size, Path(tmp) / str(size))
            print(f"corpus of {size:,}: distinct articles from {info['bases']} base texts, "
                  f"{info['paragraphs']:,} paragraphs, none repeated in another article "
                  f"({info['suffixed']:,} needed the [n] suffix)", flush=True)
        runs: dict[int, list] = {size: [] for size in sizes}
        # Interleave sizes so that a burst of load from other processes hits all sizes alike.
        for _ in range(args.repeat):
            for size in sizes:
                runs[size].append(run_once(manifests[size], skip, args.timeout, args.workers))
    totals = {}
    for size in sizes:
        lines, totals[size] = summarise(size, runs[size])
        print("\n".join(lines))
    print("\nload average at end (1/5/15 min): " + " ".join(f"{x:.2f}" for x in os.getloadavg()))
    if totals.get(10000) and totals.get(20000):
        print(f"20,000 / 10,000 time ratio: {totals[20000] / totals[10000]:.2f} (target <= 2.1)")
    if totals.get(10000):
        print(f"10,000 articles: {totals[10000]:.1f} s (target <= 10 s)")


if __name__ == "__main__":
    main()
