"""kursk_analysis: load, tidy and analyse news coverage of the 2025 Kursk encirclement claim.

The public API, by module:

- ``corpus``: :func:`load_corpus`, :class:`Corpus`, :class:`CorpusError`, :class:`CorpusWarning`
- ``paths``: where the seeds, data, notebooks and reports live
"""
from .corpus import Corpus, CorpusError, CorpusWarning, load_corpus

__all__ = ["Corpus", "CorpusError", "CorpusWarning", "load_corpus"]
__version__ = "0.1.0"
