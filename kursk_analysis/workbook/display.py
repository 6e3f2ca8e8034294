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
MAX_ROWS = 300  # rows drawn in a notebook; the CSV export holds them all
# Text columns given the full reading width wherever they appear.
WIDE = ("sentence", "evidence", "quote", "first_quote", "headline", "passage", "passage_a",
        "passage_b", "text", "note", "finding", "fact", "lead")
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
    dates = {c: _day_or_time(frame[c]) for c in frame.columns if pd.api.types.is_datetime64_any_dtype(frame[c])}
    import html

    # Cells, column labels and caption are data (headlines, outlet names as pivot columns):
    # escaped, so markup in an article shows as text and never runs in a report.
    styler = (frame.style.hide(axis="index").set_uuid(uuid).set_caption(html.escape(caption))
              .format(na_rep=MISSING, precision=3, thousands="," if thousands else None, escape="html")
              .format_index(escape="html", axis=1)
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
    # Offsets into a text are copied, not read as amounts: never grouped (3753, not 3,753).
    offsets = [c for c in numeric if pd.api.types.is_integer_dtype(frame[c]) and _is_offset(c)]
    if offsets and thousands:
        styler = styler.format("{}", subset=offsets, na_rep=MISSING)
    floats = [c for c in numeric if pd.api.types.is_float_dtype(frame[c])]
    if floats:
        styler = styler.format(lambda v: _number(v, thousands), subset=floats, na_rep=MISSING)
    if dates:
        styler = styler.format(dates, subset=list(dates), na_rep=MISSING)
    if numeric or dates:
        styler = styler.set_properties(subset=numeric + list(dates), **{"white-space": "nowrap"})
    if numeric:
        styler = styler.set_properties(subset=numeric, **{"text-align": "right"})
    narrow = [c for c in text if c not in wide and c not in dates]
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


def _is_offset(column) -> bool:
    """A column of character offsets: start, end, start_a, lead_end, subject_start ..."""
    name = str(column)
    return name in ("start", "end") or name.startswith(("start_", "end_")) or name.endswith(("_start", "_end"))


def _number(value, thousands: bool) -> str:
    """A float with up to three decimals and no trailing zeros: 200, 0.38, 1,234.5."""
    text = f"{value:,.3f}" if thousands else f"{value:.3f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _day_or_time(column: pd.Series) -> str:
    """A date column shown as days when no value has a time of day."""
    values = column.dropna()
    timed = len(values) and bool((values != values.dt.normalize()).any())
    return "{:%Y-%m-%d %H:%M}" if timed else "{:%Y-%m-%d}"


class _Ids:
    """Stable table ids within one kernel: the table's caption, columns and shape, and how
    many tables with the same ones came before (an in-order run gives the same ids)."""

    def __init__(self):
        self.seen: dict[str, int] = {}

    def __call__(self, frame: pd.DataFrame, caption: str) -> str:
        import hashlib

        key = "\x1f".join([caption, *map(str, frame.columns), str(frame.shape)])
        self.seen[key] = self.seen.get(key, 0) + 1
        return "t" + hashlib.sha256(f"{key}\x1e{self.seen[key]}".encode()).hexdigest()[:12]


_ids = _Ids()


def frame_html(frame: pd.DataFrame) -> str:
    """Every DataFrame a notebook shows, as :func:`table` draws it: its caption is
    ``frame.attrs["caption"]`` (set by ``Parameters.write_table``); past :data:`MAX_ROWS` rows
    the first ones are drawn and the caption says where the rest are."""
    own = frame.attrs.get("shown_as", id(frame)) == id(frame)  # not attrs pandas copied from another
    caption = str(frame.attrs.get("caption", "")) if own else ""
    name = frame.attrs.get("table") if own else None
    uuid = _ids(frame, caption)
    if len(frame) > MAX_ROWS:
        note = f"the first {MAX_ROWS:,} of {len(frame):,} rows"
        note += f"; {name}.csv in the report's tables holds them all" if name else ""
        caption = f"{caption} ({note})" if caption else note[0].upper() + note[1:]
        frame = frame.head(MAX_ROWS)
    if not isinstance(frame.index, pd.RangeIndex) or frame.index.name is not None:
        frame = frame.reset_index()  # row labels that mean something become a column
    else:
        frame = frame.reset_index(drop=True)
    if isinstance(frame.columns, pd.MultiIndex) or not frame.columns.is_unique:
        return frame.to_html(index=False, na_rep=MISSING)  # Styler needs unique, flat column labels
    wide = tuple(c for c in frame.columns if c in WIDE)
    return table(frame, caption, uuid, wide=wide).to_html()


def install(shell) -> None:
    """Show every DataFrame in this IPython shell with :func:`frame_html`."""
    shell.display_formatter.formatters["text/html"].for_type(pd.DataFrame, frame_html)
