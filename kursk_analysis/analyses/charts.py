"""What every chart shares: how many rows a chart draws, its size, a top-N with "others",
an axis that fits the plausible values, and a check that no two labels overlap.

The notebooks draw a chart for 5 outlets and for 200. Bars and heatmap rows stop at
:data:`MAX_ROWS` (the rest summed into one "others" row, or named in the title; the
tables hold every row); figure heights grow with the rows drawn, at :data:`PER_LINE`
inches for each line of label text, so a two-line label keeps its row; an outlier beyond
the plausible range is drawn at the top edge and labelled with its value instead of
stretching the axis. :func:`overlapping_labels` is how the tests check all of it.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

MAX_ROWS = 30  # bars or heatmap rows one chart draws
PER_LINE = 0.17  # inches a line of 9-point label text needs, with its leading
MAX_HEIGHT = 24.0  # inches: the tallest figure a chart asks for
OUTLIER_FACTOR = 3.0  # a value past this many times the upper quartile (or the baseline) is an outlier


def top_with_others(frame: pd.DataFrame, label: str, values: list[str], n: int = MAX_ROWS,
                    noun: str = "outlets") -> tuple[pd.DataFrame, int]:
    """The first ``n - 1`` rows of ``frame`` (already in the order to draw) and one more row
    summing ``values`` over the rest, labelled "k other <noun>"; ``frame`` itself when it
    has at most ``n`` rows. Also returns k (0 when nothing was folded)."""
    if len(frame) <= n:
        return frame, 0
    head, rest = frame.iloc[: n - 1], frame.iloc[n - 1:]
    other = {column: rest[column].sum() for column in values}
    other[label] = f"{len(rest)} other {noun}"
    return pd.concat([head, pd.DataFrame([other])], ignore_index=True), len(rest)


def label(text: str, width: int = 28, lines: int = 2) -> str:
    """``text`` as a row label of at most ``lines`` lines of ``width`` characters, ending
    in "…" when cut: long outlet names wrap, and every label keeps the same row pitch."""
    import textwrap

    wrapped = textwrap.wrap(str(text), width) or [str(text)]
    if len(wrapped) > lines:
        wrapped = wrapped[:lines]
        wrapped[-1] = wrapped[-1][: width - 1].rstrip() + "\u2026"
    return "\n".join(wrapped)


def height(lines: int, fixed: float = 1.6, least: float = 3.0) -> float:
    """A figure height for ``lines`` lines of row labels (a label wrapped on two lines counts
    two), plus ``fixed`` inches for title, axis and legend, capped at :data:`MAX_HEIGHT`."""
    return float(min(MAX_HEIGHT, max(least, fixed + PER_LINE * lines)))


def label_lines(labels) -> int:
    """How many lines ``labels`` take drawn one per row: the longest label's line count
    for every row (rows are evenly spaced, so the tallest label sets the pitch)."""
    labels = [str(label) for label in labels]
    if not labels:
        return 0
    return len(labels) * max(label.count("\n") + 1 for label in labels)


def plausible_top(values) -> tuple[float, float]:
    """The top of an axis for ``values`` and the limit past which a value is an outlier.

    A value is an outlier when it exceeds :data:`OUTLIER_FACTOR` times the upper quartile
    of the values; with fewer than four values nothing is (the limit is infinite). The top
    is the largest value that is not an outlier (1.0 when there is none), so one misread
    figure is marked at the edge of the chart instead of squashing every other point.
    """
    array = np.asarray(values, dtype=float).ravel()
    array = array[np.isfinite(array)]
    if array.size == 0:
        return 1.0, np.inf
    limit = OUTLIER_FACTOR * float(np.quantile(array, 0.75)) if array.size >= 4 else np.inf
    if limit <= 0:
        limit = np.inf
    top = float(array[array <= limit].max())
    return (top if top > 0 else 1.0), limit


def drop_overlapping(texts, pad: float = 4.0) -> list:
    """Remove from their axes the texts in ``texts`` that would overlap one drawn before
    them (boxes grown by ``pad`` pixels), so crowded annotations leave one readable label
    instead of a pile; returns the ones kept. Needs the figure at its final size."""
    texts = list(texts)
    if len(texts) < 2:  # nothing to overlap
        return texts
    # The boxes come from the texts' transforms and the renderer; no full draw is needed.
    renderer = texts[0].figure.canvas.get_renderer()
    kept, boxes = [], []
    for text in texts:
        box = text.get_window_extent(renderer).padded(pad)
        if any(box.overlaps(other) for other in boxes):
            text.remove()
            continue
        kept.append(text)
        boxes.append(box)
    return kept


def overlapping_labels(fig, tolerance: float = 0.5) -> list[tuple[str, str]]:
    """Pairs of visible, non-empty texts in ``fig`` (tick labels, titles, annotations,
    legend entries) whose drawn boxes overlap by more than ``tolerance`` pixels each way.
    Texts drawn inside heatmap cells are compared too. Draws the figure first."""
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    boxes = []
    for text in _texts(fig):
        if not text.get_visible() or not text.get_text().strip():
            continue
        box = text.get_window_extent(renderer)
        if box.width > 0 and box.height > 0:
            boxes.append((text.get_text(), box))
    found = []
    for i, (first, a) in enumerate(boxes):
        for second, b in boxes[i + 1:]:
            if (min(a.x1, b.x1) - max(a.x0, b.x0) > tolerance
                    and min(a.y1, b.y1) - max(a.y0, b.y0) > tolerance):
                found.append((first, second))
    return found


def _texts(fig):
    """The texts ``fig`` draws: the tick labels inside each axis's view (not the spare tick
    objects matplotlib keeps), titles, axis labels, texts and annotations, legends, figure texts."""
    texts = list(fig.texts)
    for ax in fig.axes:
        if not ax.get_visible():
            continue
        for axis, coordinate in ((ax.xaxis, 0), (ax.yaxis, 1)):
            low, high = sorted(axis.get_view_interval())
            slack = (high - low) * 1e-9
            texts += [label for label in axis.get_ticklabels(which="both")
                      if low - slack <= label.get_position()[coordinate] <= high + slack]
            texts.append(axis.label)
        texts += [ax.title, ax._left_title, ax._right_title, *ax.texts]
        legend = ax.get_legend()
        if legend is not None:
            texts += [legend.get_title(), *legend.get_texts()]
    return texts
