"""One way to spread work over this machine's cores: forked workers reading shared data.

:func:`fork_map` forks ``workers`` processes from this one, so each reads ``shared`` (a
loaded corpus, a list of texts) from the memory it inherited, never pickled; only each
chunk and its result cross between processes. Results come back in chunk order.
"""
from __future__ import annotations

from typing import Any, Callable

_SHARED: Any = None  # what the workers read (set just before forking)


def fork_map(function: Callable[[Any, Any], Any], shared: Any, chunks: list, workers: int) -> list:
    """``[function(shared, chunk) for chunk in chunks]``, on at most ``workers`` forked
    processes. ``function`` must be a module-level function (the pool names it)."""
    import multiprocessing

    global _SHARED
    _SHARED = shared
    try:
        with multiprocessing.get_context("fork").Pool(min(workers, len(chunks)), initializer=worker_signals) as pool:
            return pool.map(_call, [(function, chunk) for chunk in chunks], chunksize=1)
    finally:
        _SHARED = None


def worker_signals() -> None:
    """In a worker (of this pool or the runner's): the default end on SIGTERM and SIGHUP,
    Ctrl-C left to the parent, none of them blocked. A forked worker inherits its parent's Python signal handlers (the runner's raise
    an exception, a kernel's interrupt its cell) and mask; the pool ends its workers with
    SIGTERM when it closes, and a worker whose inherited handler did not end it kept the
    pool's ``join`` waiting for ever (seen once in ``kursk-analysis run`` on 2,000 articles)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, (signal.SIGINT, signal.SIGTERM, signal.SIGHUP))


def _call(job: tuple[Callable, Any]) -> Any:
    function, chunk = job
    return function(_SHARED, chunk)
