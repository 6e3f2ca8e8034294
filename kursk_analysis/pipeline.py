"""The extraction pipeline, written down once: named steps and what each one reads.

Every table an extractor derives from a loaded corpus is a *step* of :data:`STEPS`, with
the steps it needs. An extractor computes its table through :func:`memo`, which keeps it
once per corpus under the step's name (and a variant: the claim, the gazetteer, options),
so asking for a table twice, directly or through another step, computes it once. The
declared needs are checked, not trusted: :func:`trace` records which steps each step
actually asks for while it runs, and a test compares that with :data:`STEPS`.
:func:`order` lists the steps so that each comes after what it needs, and :func:`mermaid`
draws the graph (the README shows it).

The corpus itself (manifest, boilerplate, paragraphs, sentences: ``load_corpus``) is the
root every step reads, not a step.
"""
from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Callable


@dataclass(frozen=True)
class Step:
    """One derived table: ``name``, the steps it ``needs``, the public function returning
    it (empty for a step only other steps read) and what it holds."""

    name: str
    needs: tuple[str, ...]
    function: str
    doc: str


STEPS: tuple[Step, ...] = (
    Step("actors", (), "ka.actors", "actor mentions, resolved through the study's gazetteer"),
    Step("timex_texts", (), "", "article texts with the spans time expressions must skip"),
    Step("time_expressions", ("timex_texts",), "ka.time_expressions", "dates and periods, resolved against publication dates"),
    Step("quotes", ("actors",), "ka.quotes", "quotations and speech frames, with their speakers"),
    Step("sources", ("quotes",), "sourcing.sources", "attributions to named and anonymous sources"),
    Step("known_actors", ("actors",), "", "actor mentions as the figure rules read them"),
    Step("timex_by_article", ("time_expressions",), "", "time expressions grouped by article"),
    Step("territory_figures", ("known_actors", "quotes", "timex_by_article", "timex_texts"), "ka.territory_figures",
         "areas held, lost or retaken, normalised, dated and attributed"),
    Step("quantities", ("known_actors", "territory_figures", "timex_by_article", "timex_texts"), "ka.quantities", "every counted quantity (troops, days, casualties)"),
    Step("stances", ("actors", "quotes", "time_expressions"), "ka.stances", "who asserts or denies the claim, dated"),
    Step("attribution_verbs", (), "framing.attribution_verbs", "verbs of attribution with their register"),
    Step("attribution_counts", ("attribution_verbs",), "framing.attribution_counts", "verbs of attribution per article and register"),
    Step("leads", (), "framing.leads", "headline and lead of every article"),
        Step("duplicate_articles", (), "reuse.duplicate_articles", "articles whose text is another's"),
    Step("reuse_texts", ("duplicate_articles",), "", "article texts as the reuse index reads them, one per group of copies"),
    Step("shared_passages", ("reuse_texts",), "reuse.shared_passages",
         "passages one article shares with another"),
    Step("reuse_matrix", ("duplicate_articles", "shared_passages"), "reuse.reuse_matrix", "shared words for every pair of articles"),
    Step("reported_speech", ("quotes",), "rhetoric.reported_speech", "statements reported without quotation marks"),
)
BY_NAME = {step.name: step for step in STEPS}

_running: ContextVar[tuple[str, ...]] = ContextVar("kursk_pipeline_running", default=())
_observed: ContextVar[set | None] = ContextVar("kursk_pipeline_observed", default=None)


def memo(corpus, name: str, compute: Callable, variant: str = ""):
    """``compute()`` for step ``name`` of ``corpus``, once per corpus and ``variant``."""
    if name not in BY_NAME:
        raise KeyError(f"{name!r} is not a step of kursk_analysis.pipeline.STEPS; declare it there first.")
    running = _running.get()
    observed = _observed.get()
    if observed is not None and running and running[-1] != name:
        observed.add((running[-1], name))

    def run():
        token = _running.set(running + (name,))
        try:
            return compute()
        finally:
            _running.reset(token)

    return corpus.memo(f"{name}[{variant}]" if variant else name, run)


def seed(corpus, name: str, value, variant: str = "") -> None:
    """Give ``corpus`` step ``name``'s table (or tuple of tables) ready made, as
    :func:`memo` would keep it, so it is never computed for this corpus: an extract read
    from disk (:func:`kursk_analysis.workbook.batch.attach`). A table already there stays."""
    if name not in BY_NAME:
        raise KeyError(f"{name!r} is not a step of kursk_analysis.pipeline.STEPS.")
    corpus._memo.setdefault(f"{name}[{variant}]" if variant else name, value)


@contextmanager
def trace():
    """Record, while the block runs, every (step, step it asked for) pair; yields the set."""
    edges: set = set()
    token = _observed.set(edges)
    try:
        yield edges
    finally:
        _observed.reset(token)


def order() -> list[str]:
    """The steps, each after every step it needs (declaration order among equals)."""
    done: list[str] = []
    pending = list(STEPS)
    while pending:
        ready = [step for step in pending if all(need in done for need in step.needs)]
        if not ready:
            raise ValueError(f"the steps {', '.join(s.name for s in pending)} need each other in a cycle")
        done.append(ready[0].name)
        pending.remove(ready[0])
    return done


def mermaid() -> str:
    """The pipeline as a Mermaid flowchart (GitHub draws it): corpus at the top, an arrow
    from each step to the steps that read it."""
    lines = ["flowchart TD", "  corpus[(corpus: articles, paragraphs, sentences)]"]
    for name in order():
        step = BY_NAME[name]
        label = f"{name}<br/>{step.function}" if step.function else name
        lines.append(f"  {name}[\"{label}\"]" if step.function else f"  {name}([\"{label}\"])")
    for name in order():
        for need in BY_NAME[name].needs or ("corpus",):
            lines.append(f"  {need} --> {name}")
    return "\n".join(lines)
