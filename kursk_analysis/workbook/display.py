"""Tables a reviewer can read, in JupyterLab and in the static HTML reports.

:func:`table` styles a DataFrame with pandas' Styler: no index column, text left-aligned and
wrapped at a readable width, numbers right-aligned, missing values (NaN, NaT, None, <NA>) as
an em dash, a caption, and a fixed height that scrolls instead of cutting rows. Ids are
fixed with ``set_uuid``, so the HTML is the same on every run and nbval can compare it
strictly. The styles are inline CSS: nothing to fetch, so the reports render offline.
"""
from __future__ import annotations

import pandas as pd

MISSING = "\u2014"  # em dash
TEXT_WIDTH = "34em"  # a readable line for a sentence of evidence
HEIGHT = "28em"  # taller tables scroll inside this


def table(frame: pd.DataFrame, caption: str, uuid: str, wide: tuple[str, ...] = (),
          thousands: bool = True) -> "pd.io.formats.style.Styler":
    """``frame`` as a readable, scrolling HTML table with ``caption``; ``uuid`` (letters,
    digits, ``_``) must be unique in the notebook. ``wide`` names text columns given the full
    reading width (evidence sentences, quotes); other text columns wrap narrower.
    ``thousands``: group digits (29,997); off for offsets a reader copies."""
    numeric = [c for c in frame.columns if pd.api.types.is_numeric_dtype(frame[c])
               and not pd.api.types.is_bool_dtype(frame[c])]
    text = [c for c in frame.columns if c not in numeric]
    styler = (frame.style.hide(axis="index").set_uuid(uuid).set_caption(caption)
              .format(na_rep=MISSING, precision=3, thousands="," if thousands else None)
              .set_table_attributes(f'style="display:block; max-height:{HEIGHT}; overflow:auto; '
                                    'border-collapse:collapse"')
              .set_table_styles([
                  {"selector": "caption", "props": "caption-side: top; text-align: left; font-weight: bold; "
                                                   "padding: 0 0 0.4em 0"},
                  {"selector": "th", "props": "position: sticky; top: 0; background: #f4f4f4; text-align: left; "
                                              "padding: 0.25em 0.6em; vertical-align: bottom"},
                  {"selector": "td", "props": "padding: 0.25em 0.6em; vertical-align: top; "
                                              "border-top: 1px solid #e4e4e4"},
              ]))
    if numeric:
        styler = styler.set_properties(subset=numeric, **{"text-align": "right", "white-space": "nowrap"})
    narrow = [c for c in text if c not in wide]
    if narrow:
        styler = styler.set_properties(subset=narrow, **{"text-align": "left", "max-width": "14em",
                                                         "white-space": "normal", "overflow-wrap": "break-word"})
    present = [c for c in wide if c in frame.columns]
    if present:
        styler = styler.set_properties(subset=present, **{"text-align": "left", "min-width": "18em",
                                                          "max-width": TEXT_WIDTH, "white-space": "normal"})
    return styler


def snapshot_label(shown: str):
    """A line above an ipywidgets explorer: it is live in JupyterLab, and in a static HTML
    report it is a snapshot of ``shown`` (the choice it opens on), not a control that works."""
    import html

    import ipywidgets as widgets

    return widgets.HTML(
        f'<p style="margin:0 0 0.4em 0; font-size:0.9em; color:#555"><b>Live in JupyterLab.</b> '
        f"In a static HTML report this explorer is a snapshot of {html.escape(shown)}; its controls "
        "do nothing there.</p>")
