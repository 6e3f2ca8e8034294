"""Running the workbook: parameters, notebook set-up, the runner, exports and the command line.

- :mod:`.params`: notebook parameters, checked
- :mod:`.notebook`: the set-up cell every notebook calls
- :mod:`.run`: ``kursk-analysis run`` (papermill, then static HTML reports)
- :mod:`.batch`: ``kursk-analysis extract`` (Dask, Parquet) and :func:`read_extract`
- :mod:`.evaluation`: scoring against gold, and the trust notes the notebooks show
- :mod:`.exports`, :mod:`.spreadsheet`: CSV exports safe to open in a spreadsheet
- :mod:`.cli`: the command line
"""
