"""Notebooks at scale (issue 5, benchmark 3): the main job on a 1,000-article corpus.

Builds a corpus of ``--articles`` articles in a temporary folder the way
``corpus_growth.py`` does (the five seeds replicated in manifest order under new ids, one
copied file each, sha256 in the manifest), then varies what the notebooks group and plot
by: the outlet cycles through the five seed outlets and invented labels (each outlet gets
all five texts), and the publication date moves by whole days across 1 February - 31 March
2025. The texts are unchanged. Then runs ``kursk-analysis run --manifest <it> --output
<folder>`` ``--repeat`` times and reports:

- whether all notebooks finished, and seconds per notebook (as the runner prints them) and
  for the whole command (medians over the runs), plus the slowest cells (papermill's
  per-cell durations, from the last run);
- readability, from the last run's executed notebooks and HTML: the most table rows any
  cell output shows (HTML tables; pandas truncates long ones), the largest text output, the
  size of each HTML report, the number of figures and each PNG's size in pixels (flagged
  when wider or taller than 4,000 px or more than 4:1), and every error or stderr output.

    .venv/bin/python benchmarks/notebooks_at_scale.py                       # 1,000 articles, 3 runs
    .venv/bin/python benchmarks/notebooks_at_scale.py --repeat 1 --keep /tmp/kursk-scale

As with ``corpus_growth.py``, ``PYTHONPATH=/path/to/copy`` measures a copy of the project
(its package, notebooks and data; link ``node_modules`` into it) instead of the live tree.
``--keep FOLDER`` writes the last run's reports (and the figures as PNG files under
``FOLDER/png/``) there and leaves them, so the HTML can be opened and the charts looked at.
"""
from __future__ import annotations

import argparse
import base64
import csv
import html.parser
import os
import re
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus_growth import ROOT, build_corpus, machine  # noqa: E402

CLI = Path(sys.executable).with_name("kursk-analysis")
INVENTED_OUTLETS = (
    "Baltic Courier", "Danube Daily", "Harbour Gazette", "Midland Wire", "Northern Ledger",
    "Plains Tribune", "Riverside Post", "Steppe Observer", "Summit Herald", "Valley Chronicle",
    "Westgate Journal", "Coastal Monitor", "Evening Dispatch", "Frontier Bulletin", "Lakeshore Times",
)
FIRST_DAY, DAYS = date(2025, 2, 1), 59  # 1 February - 31 March 2025
_EXECUTED = re.compile(r"\] (\S+) (?:executed|done) in ([0-9.]+) s")
BIG_PX, RATIO = 4000, 4.0


# --------------------------------------------------------------------------- corpus


def build_varied_corpus(size: int, folder: Path) -> Path:
    """``build_corpus`` (replicated seeds), then outlets and dates varied in the manifest."""
    manifest = build_corpus(size, folder)
    with manifest.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        header, rows = reader.fieldnames, list(reader)
    n_seeds = 5
    outlets = [row["outlet"] for row in rows[:n_seeds]] + list(INVENTED_OUTLETS)
    for number, row in enumerate(rows):
        # Copy k of the seeds (articles 5k .. 5k+4) all go to one outlet, so each outlet
        # carries all five texts; dates step 11 days per copy plus one per seed, wrapping.
        copy = number // n_seeds
        row["outlet"] = outlets[copy % len(outlets)]
        row["published"] = (FIRST_DAY + timedelta(days=(copy * 11 + number % n_seeds) % DAYS)).isoformat()
        row["date_basis"] = "benchmark: shifted to Feb-Mar 2025"
    with manifest.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=header)
        writer.writeheader()
        writer.writerows(rows)
    return manifest


# --------------------------------------------------------------------------- one run


def run_once(manifest: Path, output: Path, timeout: float) -> dict:
    command = [str(CLI), "run", "--manifest", str(manifest), "--output", str(output)]
    started = time.perf_counter()
    try:
        # A fresh, empty sentence cache per run: every run is a first run on these texts.
        env = {**os.environ, "KURSK_ANALYSIS_CACHE": str(output.parent / f"{output.name}-cache")}
        done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, timeout=timeout, env=env)
        code, err = done.returncode, done.stderr
    except subprocess.TimeoutExpired as error:
        code, err = -9, (error.stderr or b"").decode() if isinstance(error.stderr, bytes) else (error.stderr or "")
        err += f"\nkilled after {timeout:.0f} s"
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "ok": code == 0, "per_notebook": {n: float(s) for n, s in _EXECUTED.findall(err)},
            "error": "" if code == 0 else "\n".join(err.strip().splitlines()[-3:])}


# --------------------------------------------------------------------------- readability


class _TableRows(html.parser.HTMLParser):
    """Rows in the body of each HTML table (pandas' ``...`` row of a truncated table included)."""

    def __init__(self):
        super().__init__()
        self.tables, self._depth, self._in_body = [], 0, False

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.tables.append(0)
        elif tag == "tbody":
            self._in_body = True
        elif tag == "tr" and self._in_body and self.tables:
            self.tables[-1] += 1

    def handle_endtag(self, tag):
        if tag == "tbody":
            self._in_body = False


def png_size(data: bytes) -> tuple[int, int]:
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def inspect_notebook(executed: Path, png_folder: Path | None) -> dict:
    import nbformat

    nb = nbformat.read(executed, as_version=4)
    found = {"tables": [], "texts": [], "pngs": [], "problems": [], "cells": [], "widgets": 0}
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        label = f"cell {index} [{cell.get('execution_count')}]"
        duration = cell.get("metadata", {}).get("papermill", {}).get("duration")
        if duration is not None:
            found["cells"].append((duration, label, cell.source.splitlines()[0][:70] if cell.source else ""))
        for output in cell.get("outputs", []):
            kind = output.get("output_type")
            if kind == "error":
                found["problems"].append(f"{label}: error {output.get('ename')}: {output.get('evalue')}")
                continue
            if kind == "stream":
                text = output.get("text", "")
                if output.get("name") == "stderr":
                    found["problems"].append(f"{label}: stderr: {text.strip()[:300]!r}")
                found["texts"].append((text.count("\n") + 1, len(text), label))
                continue
            data = output.get("data", {})
            if "text/html" in data:
                parser = _TableRows()
                parser.feed(data["text/html"])
                # pandas adds "N rows × M columns" below a table it cut (rows or columns).
                footer = re.search(r"<p>(\d+) rows × (\d+) columns</p>", data["text/html"])
                total = (int(footer.group(1)), int(footer.group(2))) if footer else None
                for rows in parser.tables:
                    found["tables"].append((rows, total, label))
            elif "text/plain" in data and "application/vnd.jupyter.widget-view+json" not in data:
                text = data["text/plain"]
                found["texts"].append((text.count("\n") + 1, len(text), label))
            if "application/vnd.jupyter.widget-view+json" in data:
                found["widgets"] += 1
            if "image/png" in data:
                raw = base64.b64decode(data["image/png"])
                width, height = png_size(raw)
                number = len(found["pngs"]) + 1
                if png_folder is not None:
                    png_folder.mkdir(parents=True, exist_ok=True)
                    (png_folder / f"{executed.stem}_{number}_cell{index}.png").write_bytes(raw)
                flag = ""
                if max(width, height) > BIG_PX or max(width, height) / max(1, min(width, height)) > RATIO:
                    flag = "  <-- very large or elongated"
                found["pngs"].append((width, height, len(raw), label, flag))
            for other in data:
                if other.startswith("image/") and other != "image/png":
                    found["problems"].append(f"{label}: figure as {other} (not checked)")
    state = nb.metadata.get("widgets", {}).get("application/vnd.jupyter.widget-state+json", {}).get("state", {})
    found["widget_models"] = len(state)
    return found


def readability(output: Path, png_folder: Path | None) -> list[str]:
    lines = []
    for executed in sorted(output.glob("*.ipynb")):
        found = inspect_notebook(executed, png_folder)
        lines.append(f"\n### {executed.stem}")
        for suffix in (".html", ".no-code.html"):
            page = output / f"{executed.stem}{suffix}"
            if page.exists():
                lines.append(f"  {page.name}: {page.stat().st_size / 1e6:.2f} MB")
        if found["tables"]:
            rows, total, label = max(found["tables"], key=lambda t: t[0])
            lines.append(f"  HTML tables: {len(found['tables'])}; most rows shown: {rows} ({label}"
                         + (f", of {total[0]} rows)" if total else ", the whole table)"))
            # A cut table shows min_rows body rows plus pandas' "..." row.
            for rows, total, label in (t for t in found["tables"] if t[1]):
                what = f"rows cut: {rows} body rows shown of {total[0]}" if rows < total[0] else "all rows shown"
                lines.append(f"    {label}: {total[0]} rows x {total[1]} columns, {what}"
                             + ("" if rows < total[0] else " (columns cut)"))
        if found["texts"]:
            n_lines, n_chars, label = max(found["texts"], key=lambda t: t[0])
            lines.append(f"  longest text output: {n_lines} lines, {n_chars:,} characters ({label})")
        lines.append(f"  figures (PNG): {len(found['pngs'])}")
        for width, height, size, label, flag in found["pngs"]:
            lines.append(f"    {label}: {width} x {height} px, {size / 1e3:.0f} kB{flag}")
        lines.append(f"  widgets shown: {found['widgets']}; widget models saved: {found['widget_models']}")
        slowest = sorted(found["cells"], reverse=True)[:3]
        lines.append("  slowest cells: " + "; ".join(f"{label} {d:.1f} s ({src})" for d, label, src in slowest))
        lines += [f"  PROBLEM {p}" for p in found["problems"]] or ["  no error or stderr output"]
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000, help="corpus size")
    parser.add_argument("--repeat", type=int, default=3, help="runs of the main job (median reported)")
    parser.add_argument("--keep", help="folder for the last run's reports and PNGs (kept); default: deleted")
    parser.add_argument("--timeout", type=float, default=1800, help="seconds before a run is killed")
    args = parser.parse_args()
    print("\n".join(machine()), flush=True)
    from kursk_analysis import paths

    print(f"package measured: {paths.ROOT / 'kursk_analysis'} (notebooks: {paths.NOTEBOOKS})")
    print(f"main job: {os.path.relpath(CLI, ROOT)} run --manifest <tmp>/articles.csv --output <folder>")
    with tempfile.TemporaryDirectory(prefix="kursk-scale-") as tmp:
        tmp = Path(tmp)
        manifest = build_varied_corpus(args.articles, tmp / "corpus")
        with manifest.open(encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
        print(f"corpus: {len(rows):,} articles, {len({r['outlet'] for r in rows})} outlets, published "
              f"{min(r['published'] for r in rows)} to {max(r['published'] for r in rows)}", flush=True)
        runs = []
        for number in range(args.repeat):
            last = number == args.repeat - 1
            output = Path(args.keep).resolve() if last and args.keep else tmp / f"reports-{number}"
            if last and args.keep and output.exists() and any(output.iterdir()):
                if not (output / "index.html").exists():  # never empty a folder that is not a report folder
                    sys.exit(f"--keep {output}: exists and is not a report folder; name a new one")
                shutil.rmtree(output)
            result = run_once(manifest, output, args.timeout)
            runs.append(result)
            per = ", ".join(f"{n} {s:.1f} s" for n, s in result["per_notebook"].items())
            print(f"  run {number + 1}: {result['seconds']:.1f} s ({per}); 1-min load {os.getloadavg()[0]:.2f}"
                  + ("" if result["ok"] else f"\n  FAILED: {result['error']}"), flush=True)
        ok = [r for r in runs if r["ok"]]
        print(f"\n## {args.articles:,} articles: {len(ok)} of {len(runs)} run(s) finished all notebooks")
        if ok:
            print(f"  whole command: median {statistics.median(r['seconds'] for r in ok):.1f} s; runs: "
                  + ", ".join(f"{r['seconds']:.1f}" for r in ok))
            for name in sorted({n for r in ok for n in r["per_notebook"]}):
                values = [r["per_notebook"][name] for r in ok if name in r["per_notebook"]]
                print(f"  {name:<24} median {statistics.median(values):6.1f} s; runs: " + ", ".join(f"{v:.1f}" for v in values))
        print("\n## Readability (last run)")
        png_folder = output / "png" if args.keep else None
        print("\n".join(readability(output, png_folder)))
        if args.keep:
            print(f"\nreports kept: {output / 'index.html'}; figures: {png_folder}/")
    print("\nload average at end (1/5/15 min): " + " ".join(f"{x:.2f}" for x in os.getloadavg()))


if __name__ == "__main__":
    main()
