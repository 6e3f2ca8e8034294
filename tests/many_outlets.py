"""A corpus of n articles from n outlets, for checking that charts and reports scale.

The texts are the twenty synthetic articles in ``tests/fixtures/other_outlets/`` taken in
turn, each copy given a closing line of its own (with ``seeds``, the five bundled articles
come first, byte for byte, so the in-sample accuracy can be computed on them); the outlet names are made up, of the
lengths real ones have (from "Kyiv Wire" to "The Prairie Evening Chronicle and Weekly
Observer"), so labels wrap as they would on a real corpus.
"""
from __future__ import annotations

import csv
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures" / "other_outlets"
PLACES = ("Northern", "Prairie", "Baltic", "Harbour", "Valley", "Capital", "Coastal", "Lakeside",
          "Highland", "River City", "Metropolitan", "Eastern Provinces")
KINDS = ("Wire", "Daily", "Evening Chronicle and Weekly Observer", "Herald", "Post-Dispatch",
         "Public Broadcasting Service", "Times", "Gazette and Ledger", "Radio", "Standard")


def outlet_name(i: int) -> str:
    """A distinct outlet name for article ``i``: place, kind, and a number once they repeat."""
    place, kind = PLACES[i % len(PLACES)], KINDS[(i // len(PLACES)) % len(KINDS)]
    name = f"The {place} {kind}" if i % 3 == 0 else f"{place} {kind}"
    cycle = i // (len(PLACES) * len(KINDS))
    return f"{name} {cycle + 1}" if cycle else name


def write_corpus(folder: Path, n: int, seeds: bool = False) -> Path:
    """Write ``n`` articles from ``n`` outlets into ``folder``; returns the manifest path."""
    from kursk_analysis import paths

    folder.mkdir(parents=True, exist_ok=True)
    with (FIXTURES / "articles.csv").open(newline="", encoding="utf-8") as handle:
        sources = list(csv.DictReader(handle))
    rows = []
    if seeds:
        with paths.MANIFEST.open(newline="", encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                source = (paths.MANIFEST.parent / row["file"]).resolve()
                (folder / source.name).write_bytes(source.read_bytes())
                rows.append({"id": row["id"], "file": source.name, "outlet": row["outlet"],
                             "headline": row["headline"], "published": row["published"]})
    for i in range(n - len(rows)):
        source = sources[i % len(sources)]
        outlet = outlet_name(i)
        text = (FIXTURES / source["file"]).read_text(encoding="utf-8").rstrip("\n")
        name = f"m{i:03d}.txt"
        (folder / name).write_text(f"{text}\n\nFiled for {outlet}, desk {i}.\n", encoding="utf-8")
        rows.append({"id": f"m{i:03d}", "file": name, "outlet": outlet, "headline": source["headline"],
                     "published": source["published"]})
    manifest = folder / "articles.csv"
    with manifest.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return manifest
