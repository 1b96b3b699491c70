"""Heatmaps that hold at any size: cell values printed only while they fit the cell, a colour bar once they
do not, labels thinned by measured space.

``cell_format`` picks the first format whose widest printed value fits a cell; ``draw_cells`` draws the
matrix as one image (fast at 300 × 300) with the values when a format fits, each value in black or white by
the darkness of its cell.
"""
from __future__ import annotations

import numpy as np
from matplotlib import colors as mcolors

from comparison.figures.fit import line_height, text_size

VALUE_PT = 6.0


def cell_format(values, cell_w: float, cell_h: float, formats=("{:.1f}", "{:.0f}"), size: float = VALUE_PT):
    """The first of ``formats`` whose printed values all fit a ``cell_w`` × ``cell_h`` point cell, or None."""
    finite = np.asarray(values, dtype=float)
    finite = finite[np.isfinite(finite)]
    if cell_h < line_height(size) + 0.5 or finite.size == 0:
        return None
    extremes = [finite.min(), finite.max()] + ([-abs(finite).max()] if finite.min() < 0 else [])
    for fmt in formats:
        widest = max(text_size(_printed(fmt, v), size)[0] for v in extremes)
        if widest + 2 <= cell_w:
            return fmt
    return None


def _printed(fmt: str, v: float) -> str:
    text = fmt.format(v)
    try:
        if float(text.rstrip("%")) == 0:
            text = text.lstrip("+-")  # no "-0.0" for a value that rounds to zero
    except ValueError:
        pass
    return text


def draw_cells(ax, values, *, cmap, vmin: float, vmax: float, fmt: str | None = None, size: float = VALUE_PT,
               norm=None, skip=None):
    """Draw ``values`` (rows × columns) as an image with cells centred on integer positions; print each value
    with ``fmt`` (skipping NaN and cells where ``skip`` is True). Returns the image for a colour bar."""
    v = np.asarray(values, dtype=float)
    norm = norm or mcolors.Normalize(vmin=vmin, vmax=vmax)
    image = ax.imshow(v, cmap=cmap, norm=norm, aspect="auto", interpolation="nearest")
    if fmt is not None:
        cm = image.get_cmap()
        for (i, j), x in np.ndenumerate(v):
            if not np.isfinite(x) or (skip is not None and skip[i, j]):
                continue
            r, g, b, _ = cm(norm(x))
            dark = 0.299 * r + 0.587 * g + 0.114 * b < 0.5
            ax.text(j, i, _printed(fmt, x), ha="center", va="center", fontsize=size,
                    color="white" if dark else "black", gid="value")
    for side in ax.spines.values():
        side.set_visible(False)
    return image


def colorbar(fig, image, rect, label: str, size: float = 6.5, horizontal: bool = False):
    """A thin colour bar in its own axes at ``rect`` (figure fractions)."""
    cax = fig.add_axes(rect)
    bar = fig.colorbar(image, cax=cax, orientation="horizontal" if horizontal else "vertical")
    bar.ax.tick_params(labelsize=size, length=2, pad=1.5)
    bar.outline.set_linewidth(0.4)
    bar.set_label(label, fontsize=size, labelpad=2)
    return bar
