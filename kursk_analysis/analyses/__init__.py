"""The three analyses the notebooks show, built only from extractor tables.

- :mod:`.comparison`: notebook 01, what each outlet reports, omits and reuses
- :mod:`.timeline`: notebook 02, territory figures against the outside series
- :mod:`.rhetoric`: notebook 03, who said what, and who asserted or denied the claim
- :mod:`.prose`: every sentence the notebooks write about results, computed from the tables
- :mod:`.selection`: the notebooks' period and actor filters
"""
