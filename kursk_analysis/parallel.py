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
        with multiprocessing.get_context("fork").Pool(min(workers, len(chunks))) as pool:
            return pool.map(_call, [(function, chunk) for chunk in chunks], chunksize=1)
    finally:
        _SHARED = None


def _call(job: tuple[Callable, Any]) -> Any:
    function, chunk = job
    return function(_SHARED, chunk)
