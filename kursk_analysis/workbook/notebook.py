"""What every research notebook calls first: stop on bad input with one plain sentence.

The cell after the ``parameters`` cell reads::

    from kursk_analysis.workbook import notebook
    params = notebook.setup(manifest=manifest, unit=unit, baseline_km2=baseline_km2,
                            actors=actors, start=start, end=end, undated=undated,
                            root=root, output_dir=output_dir)
    corpus = notebook.load(params)

:func:`load` loads the corpus and shows its warnings as one short styled note (a line per
problem), not as raw warning text.

:func:`setup` tells IPython to show any :class:`~kursk_analysis.errors.KurskError` (a bad
parameter, manifest, gazetteer or rule file) as its message alone, not as a traceback into
the package, then checks the parameters. The cell still fails, so papermill, nbval and
JupyterLab's Run All stop there.
"""
from __future__ import annotations

import html
import warnings

from kursk_analysis.corpus.model import CorpusWarning, load_corpus
from kursk_analysis.errors import KurskError
from kursk_analysis.workbook.params import Parameters, check_parameters

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
        from kursk_analysis.workbook import display

        display.install(shell)  # every table readable: no index, wrapped text, em dash, scroll
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


def load(params: Parameters):
    """Load the parameters' corpus (with the tables of ``params.extract`` when given); show
    its warnings as one styled note, return the corpus."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", CorpusWarning)
        corpus = load_corpus(params.manifest, root=params.root, gazetteer=params.gazetteer)
    if params.extract is not None:
        from kursk_analysis.workbook.batch import attach

        attach(corpus, params.extract)  # the extract's tables, not computed again
    notes = [str(w.message) for w in caught if issubclass(w.category, CorpusWarning)]
    for other in caught:
        if not issubclass(other.category, CorpusWarning):
            warnings.warn_explicit(other.message, other.category, other.filename, other.lineno)
    if notes:
        _display(corpus_notes(notes, corpus.manifest))
    return corpus


def corpus_notes(notes: list[str], manifest=None):
    """The corpus warnings as one HTML note: a line per problem, the manifest path left out
    (it is the same on every line), all text escaped."""
    prefix = f"{manifest}, " if manifest is not None else None
    items = "".join(
        f"<li>{html.escape(note[len(prefix):] if prefix and note.startswith(prefix) else note)}</li>"
        for note in notes)
    body = (
        '<div style="border-left:4px solid #d4a017;background:#fdf6e3;padding:0.4em 0.9em;'
        'margin:0.3em 0;font-size:0.92em">'
        f"<b>Notes on the corpus ({len(notes)})</b>: usable, with gaps to keep in mind."
        f'<ul style="margin:0.3em 0">{items}</ul></div>')
    try:
        from IPython.display import HTML
    except ImportError:  # pragma: no cover - IPython is a dependency
        return body
    return HTML(body)


def _display(obj) -> None:
    try:
        from IPython.display import display
    except ImportError:  # pragma: no cover
        print(obj)
        return
    display(obj)


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
