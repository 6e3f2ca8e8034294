"""The process pool of kursk_analysis.parallel: workers that end when the pool ends them."""
from __future__ import annotations

import signal

from kursk_analysis import parallel
from kursk_analysis.workbook import run as runner


def _dispositions(shared, chunk):
    blocked = signal.pthread_sigmask(signal.SIG_BLOCK, [])
    return (signal.getsignal(signal.SIGTERM) == signal.SIG_DFL,
            signal.getsignal(signal.SIGHUP) == signal.SIG_DFL,
            signal.getsignal(signal.SIGINT) == signal.SIG_IGN,
            signal.SIGTERM not in blocked, shared + chunk)


def test_workers_forked_under_the_runners_handlers_end_on_sigterm():
    # The runner's handlers (they raise Interrupted) and a blocked mask, as while it runs:
    # a worker must not inherit either, or the pool's SIGTERM at close may leave it waiting.
    with runner._signals_raise_interrupted():
        signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGTERM, signal.SIGHUP])
        try:
            found = parallel.fork_map(_dispositions, 10, [1, 2, 3], workers=2)
        finally:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGTERM, signal.SIGHUP])
    assert found == [(True, True, True, True, 11), (True, True, True, True, 12), (True, True, True, True, 13)]
