"""What every research notebook calls first: stop on bad input with one plain sentence.

The cell after the ``parameters`` cell reads::

    from kursk_analysis import notebook
    params = notebook.setup(manifest=manifest, unit=unit, baseline_km2=baseline_km2,
                            actors=actors, start=start, end=end, output_dir=output_dir)

:func:`setup` tells IPython to show any :class:`~kursk_analysis.errors.KurskError` (a bad
parameter, manifest, gazetteer or rule file) as its message alone, not as a traceback into
the package, then checks the parameters. The cell still fails, so papermill, nbval and
JupyterLab's Run All stop there.
"""
from __future__ import annotations

import warnings

from .corpus import CorpusWarning
from .errors import KurskError
from .params import Parameters, check_parameters

# Errors about the user's input: their message says what to fix, a traceback adds nothing.
INPUT_ERRORS = (KurskError,)


def setup(**parameters) -> Parameters:
    """Register the one-sentence error display, then check and return the parameters."""
    try:
        from IPython import get_ipython
    except ImportError:  # plain Python: exceptions show as usual
        shell = None
    else:
        shell = get_ipython()
    if shell is not None:
        shell.set_custom_exc(INPUT_ERRORS, _show_sentence)
    warnings.formatwarning = _plain_corpus_warning
    plain_chart_text()
    return check_parameters(**parameters)


def plain_chart_text() -> None:
    """Draw every text on a chart as it is written: matplotlib reads text between two ``$``
    as mathtext, so an outlet ``$\\x$`` stopped the notebook, and "$5 and $6" would lose its
    dollars. The workbook draws no formula."""
    try:
        import matplotlib
    except ImportError:
        return
    matplotlib.rcParams["text.parse_math"] = False


_format_warning = warnings.formatwarning


def _plain_corpus_warning(message, category, filename, lineno, line=None) -> str:
    """A CorpusWarning names its file and row itself; the kernel's temp path adds nothing."""
    if issubclass(category, CorpusWarning):
        return f"{category.__name__}: {message}\n"
    return _format_warning(message, category, filename, lineno, line)


def _show_sentence(shell, etype, value, tb, tb_offset=None) -> list[str]:
    """IPython custom exception handler: the error output is the message, nothing else."""
    lines = [str(value)]
    # _showtraceback sends the kernel's "error" message (ename, evalue, these lines), which
    # is what papermill, nbval and JupyterLab read; the cell is marked failed either way.
    shell._showtraceback(etype, value, lines)
    return lines
