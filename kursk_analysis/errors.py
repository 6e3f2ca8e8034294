"""One family of errors for bad input: catch :class:`KurskError` to catch them all.

Each message is one sentence naming the file, row, rule or parameter and what is wrong; the
runner and the notebooks show that sentence instead of a traceback. The base is a
``ValueError``, so code that already catches ``ValueError`` keeps working.
"""
from __future__ import annotations


class KurskError(ValueError):
    """Input or settings the workbook cannot use; the message says where and why."""


class CorpusError(KurskError):
    """Bad input: the message names the file or manifest row and what is wrong."""


class GazetteerError(KurskError):
    """A bad row in the actor gazetteer; the message names the file, row and fix."""


class RuleError(KurskError):
    """A rule file that cannot be used: the file and the entry, and what is wrong."""


class CorrectionError(KurskError):
    """A corrections file that cannot be used, or a correction that no longer matches a row."""


class ParameterError(KurskError):
    """A notebook parameter is unusable; the message is one sentence naming it."""


class ReferenceDataError(KurskError):
    """The reference CSV is malformed; the message names the file, line and column."""


class RunError(KurskError):
    """The run cannot go on; the message is one sentence saying why."""
