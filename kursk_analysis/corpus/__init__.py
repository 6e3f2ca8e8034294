"""Reading a corpus: everything between the files on disk and the :class:`Corpus` the extractors take.

- :mod:`.manifest`: read, check and write the manifest (``articles.csv``), one row per article
- :mod:`.model`: :func:`load_corpus` and the :class:`Corpus` model (articles, paragraphs,
  sentences, removed boilerplate), with its per-corpus memo
- :mod:`.boilerplate`: paragraph splitting and the boilerplate rules
- :mod:`.segment`: sentence segmentation with spaCy's rule-based tokenizer
- :mod:`.text`: typographic folding that keeps offsets
- :mod:`.cache`: the on-disk cache of costly, content-keyed results
- :mod:`.reference`: the outside series of Ukrainian-held area (``data/reference/``)
"""
