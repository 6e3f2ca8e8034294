"""The extractors: each takes a :class:`~kursk_analysis.corpus.model.Corpus` and returns one
tidy table whose rows point back to their sentence (``article_id``, ``sentence_id``,
``start``/``end``) and, where rules differ, say which rule made them.

- :mod:`.actors`: gazetteer mentions, canonical names and sides
- :mod:`.quotes`: quotations and reporting frames with their speakers
- :mod:`.stance`: who asserts or denies a claim (claims are data, ``rules/claims/``)
- :mod:`.figures`: territory figures and other quantities, normalised with pint
- :mod:`.timex`: time expressions resolved against the publication date
- :mod:`.framing`: attribution verbs and leads
- :mod:`.sourcing`: named and anonymous sources
- :mod:`.reuse`: text shared between articles
"""
