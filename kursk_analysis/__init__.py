"""kursk_analysis: load, tidy and analyse news coverage of the 2025 Kursk encirclement claim.

Every extractor takes a :class:`Corpus` and returns a tidy DataFrame whose rows keep
``article_id``, ``sentence_id`` and ``start``/``end`` offsets into the raw text.

- corpus: :func:`load_corpus`, :class:`Corpus`, :class:`CorpusError`, :class:`CorpusWarning`
- actors: :func:`gazetteer`, :func:`actors` (mentions, canonical names, side)
- quotes: :func:`quotes` (direct quotations and scare quotes with speakers), :func:`speech_frames`
- figures: :func:`territory_figures`, :func:`quantities`, :func:`areas_from_percent`
- timex: :func:`time_expressions` (resolved against the publication date)
- stance: :func:`stances` (who asserts or denies the encirclement claim)
- reuse: :func:`shared_passages`, :func:`reuse_matrix`, :func:`reuse_square`
- framing: :func:`attribution_verbs`, :func:`attribution_counts`, :func:`leads`
- reference: :func:`reference_figures` (the external series in ``data/reference/``)
- extract: :func:`read_extract` (the tables ``kursk-analysis extract`` wrote as Parquet)
"""
from kursk_analysis.extract.actors import actors, gazetteer
from kursk_analysis.corpus.model import Corpus, CorpusWarning, load_corpus
from kursk_analysis.errors import (CorpusError, CorrectionError, GazetteerError, KurskError, ParameterError,
                                   ReferenceDataError, RuleError, RunError)
from kursk_analysis.lexicon import Claim, load_claim
from kursk_analysis.workbook.batch import read_extract
from kursk_analysis.extract.figures import areas_from_percent, quantities, territory_figures
from kursk_analysis.extract.framing import attribution_counts, attribution_verbs, leads
from kursk_analysis.extract.quotes import quotes, speech_frames
from kursk_analysis.corpus.reference import reference_figures
from kursk_analysis.extract.reuse import reuse_matrix, reuse_square, shared_passages
from kursk_analysis.extract.stance import stances
from kursk_analysis.extract.timex import time_expressions

__all__ = [
    "Claim", "Corpus", "CorpusError", "CorpusWarning", "CorrectionError", "GazetteerError", "KurskError",
    "ParameterError", "ReferenceDataError", "RuleError", "RunError", "load_claim", "actors", "areas_from_percent",
    "attribution_counts", "attribution_verbs", "gazetteer", "leads", "load_corpus",
    "quantities", "quotes", "read_extract", "reference_figures", "reuse_matrix", "reuse_square",
    "shared_passages", "speech_frames", "stances", "territory_figures", "time_expressions",
]
__version__ = "0.1.0"
