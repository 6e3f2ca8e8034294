"""Sentence segmentation speed: ``nlp.segment`` against ``nlp.segment_reference``.

``segment_reference`` runs spaCy's tokenizer on every whole article (the implementation
``segment`` replaced); ``segment`` tokenizes each distinct white-space-delimited piece once
per call. The seed articles (with the paragraphs ``load_corpus`` keeps) are replicated
``--articles`` times and segmented three ways:

- reference: the tokenizer on every article;
- fast, warm: one ``segment`` call for all articles, so pieces repeat (as in any corpus,
  and entirely in replicated seeds);
- fast, cold: a new ``segment`` call per article, so nothing is reused across articles
  (the worst case: a corpus in which no two articles share a word).

Prints the median milliseconds per article over ``--repeat`` runs and checks that all
three give the same sentences. CPU time is printed too (other processes may be running).

    .venv/bin/python benchmarks/segment_speed.py --articles 2000 --repeat 5
"""
from __future__ import annotations

import argparse
import os
import shlex
import statistics
import sys
import time
import warnings
from pathlib import Path

import kursk_analysis as ka
from kursk_analysis.corpus import segment as nlp


def seed_articles() -> list[tuple[str, list[tuple[int, int]]]]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = ka.load_corpus()
    articles = []
    for article_id, text in corpus.texts.items():
        kept = corpus.paragraphs[corpus.paragraphs["article_id"] == article_id]
        articles.append((text, list(zip(kept["start"].tolist(), kept["end"].tolist()))))
    return articles


def timed(function) -> tuple[float, float, list]:
    wall, cpu = time.perf_counter(), time.process_time()
    result = function()
    return time.perf_counter() - wall, time.process_time() - cpu, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=2000, help="articles per run (seeds replicated)")
    parser.add_argument("--repeat", type=int, default=5, help="runs per way (median reported)")
    args = parser.parse_args()
    seeds = seed_articles()
    articles = [seeds[i % len(seeds)] for i in range(args.articles)]
    tokens = sum(len(nlp.pipeline().tokenizer(text)) for text, _ in seeds) / len(seeds)
    print(f"command: {shlex.join([os.path.relpath(sys.executable), *sys.argv])}")
    print(f"{args.articles} articles (the {len(seeds)} seeds replicated, {tokens:.0f} tokens each on average); "
          f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    ways = {
        "reference": lambda: list(nlp.segment_reference(articles)),
        "fast, warm": lambda: list(nlp.segment(articles)),
        "fast, cold": lambda: [found for article in articles for found in nlp.segment([article])],
    }
    results, outputs = {name: [] for name in ways}, {}
    for _ in range(args.repeat):
        for name, run in ways.items():  # interleaved, so load bursts hit every way alike
            wall, cpu, outputs[name] = timed(run)
            results[name].append((wall, cpu))
    assert outputs["fast, warm"] == outputs["reference"] == outputs["fast, cold"], "outputs differ"
    reference = statistics.median(wall for wall, _ in results["reference"])
    print(f"{'way':<12}{'ms/article (wall)':>19}{'(cpu)':>8}{'speed-up':>10}")
    for name, runs in results.items():
        wall = statistics.median(w for w, _ in runs)
        cpu = statistics.median(c for _, c in runs)
        n = len(articles)
        print(f"{name:<12}{wall / n * 1e3:>19.3f}{cpu / n * 1e3:>8.3f}{reference / wall:>9.1f}x")
    print("identical output: yes")


if __name__ == "__main__":
    main()
