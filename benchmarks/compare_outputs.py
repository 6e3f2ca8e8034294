"""Snapshot every extraction table, or compare against a snapshot: a refactoring that should
change nothing is checked with it (issue 8).

    .venv/bin/python benchmarks/compare_outputs.py save /tmp/before
    ... change the code ...
    .venv/bin/python benchmarks/compare_outputs.py compare /tmp/before

Corpora: the bundled seeds, the test fixtures (extraction, figures, other outlets) and, when
``--set`` names them, development sets read in place (``../shared/devset``, ``benchmarks/probe_sets/*/``), and any
corpus named by ``--manifest`` (e.g. one of ``corpus_growth.py``'s distinct corpora). Tables: the
corpus's paragraphs, sentences and removed boilerplate, and every public extractor. ``compare`` prints one line per corpus and table (same, or how many rows
differ, with the first differing rows) and exits 1 when anything differs. Snapshots are
pickles in the named folder, outside the repository.
"""
from __future__ import annotations

import argparse
import pickle
import sys
import warnings
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE.parent / "tests"))

import pandas as pd  # noqa: E402

import kursk_analysis as ka  # noqa: E402

TABLES = ("actors", "quotes", "speech_frames", "stances", "territory_figures", "quantities",
          "time_expressions", "attribution_verbs", "shared_passages", "reuse_matrix")
CORPUS_TABLES = ("paragraphs", "sentences", "removed")  # what loading (segmentation, boilerplate) gives


def corpora(dev_sets=(), manifests=()) -> dict:
    from _gold import load_fixture_corpus, load_other_outlets_corpus  # noqa: E402

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        out = {"seeds": ka.load_corpus(), "fixtures": load_fixture_corpus(),
               "other_outlets": load_other_outlets_corpus()}
    from kursk_analysis.workbook import evaluation

    for dev_set in dev_sets:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            out[Path(dev_set).name or "devset"] = evaluation.load_set(dev_set)[0]
    for manifest in manifests:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            out[str(manifest)] = ka.load_corpus(manifest)
    return out


def snapshot(dev_sets=(), manifests=()) -> dict:
    tables = {}
    for name, corpus in corpora(dev_sets, manifests).items():
        for table in CORPUS_TABLES:
            tables[(name, table)] = getattr(corpus, table).reset_index(drop=True)
        for table in TABLES:
            tables[(name, table)] = getattr(ka, table)(corpus).reset_index(drop=True)
    return tables


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("action", choices=("save", "compare"))
    parser.add_argument("folder")
    parser.add_argument("--set", nargs="+", default=["../shared/devset"] if Path("../shared/devset").is_dir() else [],
                        help="development sets in the devset's format (several: the probe sets too)")
    parser.add_argument("--manifest", action="append", default=[], help="another corpus to include (repeatable)")
    args = parser.parse_args(argv)
    path = Path(args.folder) / "snapshot.pickle"
    now = snapshot(args.set, args.manifest)
    if args.action == "save":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(pickle.dumps(now))
        print(f"saved {len(now)} tables to {path}")
        return 0
    before = pickle.loads(path.read_bytes())
    differ = 0
    for key in sorted(set(before) | set(now)):
        old, new = before.get(key), now.get(key)
        label = f"{key[0]:>14} {key[1]:<18}"
        if old is None or new is None:
            print(f"{label} only {'after' if old is None else 'before'}")
            differ += 1
            continue
        common = [c for c in old.columns if c in new.columns]
        extra = sorted(set(new.columns) - set(old.columns))
        try:
            pd.testing.assert_frame_equal(old[common], new[common], check_dtype=False,
                                          check_categorical=False)
            print(f"{label} same ({len(new)} rows){'; new columns ' + ', '.join(extra) if extra else ''}")
        except AssertionError:
            merged = old[common].astype(str).merge(new[common].astype(str), how="outer",
                                                   indicator=True)
            changed = merged[merged["_merge"] != "both"]
            if changed.empty and len(old) == len(new):
                print(f"{label} same values ({len(new)} rows); only dtypes differ")
                continue
            differ += 1
            print(f"{label} DIFFERS: {len(old)} rows before, {len(new)} after, "
                  f"{len(changed)} rows not in both")
            print(changed.head(6).to_string(max_colwidth=60))
    return 1 if differ else 0


if __name__ == "__main__":
    raise SystemExit(main())
