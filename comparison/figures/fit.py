"""Measured space for labels: how large a text is on paper, and which labels fit along an axis.

Figures decide from these measures, not from habit, whether every plan gets its label, whether a cell
can hold its number and how tall a figure must be; the layout tests then check the drawn result.
"""
from __future__ import annotations

from functools import lru_cache

import matplotlib
from matplotlib.backends.backend_agg import RendererAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.text import Text

from comparison.figures.plotting import COLUMN_WIDTH_IN, EXPORT_DPI, PAGE_WIDTH_IN, export_pad

GAP_PT = 1.5   # free space kept between neighbouring labels


def content_width(column: bool = False) -> float:
    """Inches a figure may fill so that its export, with ``savefig.pad_inches`` on each side, is exactly the
    page (7.2 in) or column (3.5 in) width."""
    return (COLUMN_WIDTH_IN if column else PAGE_WIDTH_IN) - 2 * export_pad()


MEASURE_DPI = EXPORT_DPI  # where the layout checker and save_figure measure (plotting.at_export_dpi)


@lru_cache(maxsize=1)
def _canvas():
    fig = Figure(dpi=MEASURE_DPI)
    return fig, RendererAgg(100, 100, MEASURE_DPI)


def text_size(s: str, size: float) -> tuple[float, float]:
    """(width, height) in points of the box ``s`` is drawn in at ``size`` pt, unrotated, in the current font."""
    rc = matplotlib.rcParams
    return _text_size(str(s), float(size), rc["font.family"][0], tuple(rc["font.sans-serif"][:1]))


@lru_cache(maxsize=64)
def _font(size: float, family: str, sans: tuple) -> FontProperties:
    return FontProperties(size=size)


@lru_cache(maxsize=200000)
def _text_size(s: str, size: float, family: str, sans: tuple) -> tuple[float, float]:
    """The widest line's advance (what a text box's width is) and the height of the box matplotlib draws:
    one line's box (measured once per size, from a text object) times the number of lines."""
    fig, renderer = _canvas()
    lines = s.split("\n")
    prop = _font(size, family, sans)
    width = max(renderer.get_text_width_height_descent(line, prop, ismath=False)[0] if line else 0.0
                for line in lines)
    return width * 72 / MEASURE_DPI, _line_box(size, family, sans) * len(lines)


@lru_cache(maxsize=64)
def _line_box(size: float, family: str, sans: tuple) -> float:
    fig, renderer = _canvas()
    t = Text(0, 0, "Ag南平", fontsize=size)
    t.set_figure(fig)
    return float(t.get_window_extent(renderer).height) * 72 / MEASURE_DPI


def widest(labels, size: float) -> float:
    """The width in points of the widest of ``labels``."""
    return max((text_size(str(s), size)[0] for s in labels), default=0.0)


def legend_columns(handles, size: float, width_pt: float) -> int:
    """As many legend columns as fit ``width_pt`` (each entry its label at ``size`` and room for its marker),
    so a legend never runs past the figure."""
    widths = sorted((text_size(h.get_label(), size)[0] + 24 for h in handles), reverse=True)
    ncols = len(handles)
    while ncols > 1 and sum(widths[:ncols]) > width_pt - 12:
        ncols -= 1
    return ncols


def line_height(size: float) -> float:
    """The height in points of a one-line label at ``size`` (Latin descenders and CJK glyphs included)."""
    return text_size("Ag南平", size)[1]


def fitting(centers, extents, order=None, gap: float = GAP_PT) -> list[int]:
    """Indices of the labels that fit along a line without touching, claiming space in ``order``.

    ``centers`` and ``extents`` are in points along the line (a label covers centre ± extent / 2). Labels
    earlier in ``order`` (default: left to right) are kept first; a later label is dropped when it would
    come within ``gap`` of a kept one. Returned in position order.
    """
    order = range(len(centers)) if order is None else order
    kept: list[tuple[float, float]] = []
    chosen = []
    for i in order:
        lo, hi = centers[i] - extents[i] / 2 - gap / 2, centers[i] + extents[i] / 2 + gap / 2
        if all(hi <= a or lo >= b for a, b in kept):
            kept.append((lo, hi))
            chosen.append(i)
    return sorted(chosen)


def spread_order(n: int) -> list[int]:
    """0 … n-1 ordered so that a greedy choice keeps labels spread evenly: every 2^k-th first."""
    out, seen, step = [], set(), 1
    while step * 2 <= max(n - 1, 1):
        step *= 2
    while step >= 1:
        for i in range(0, n, step):
            if i not in seen:
                seen.add(i)
                out.append(i)
        step //= 2
    return out


def panel_rects(width_in: float, height_in: float, *, left: float, right: float, bottom: float, top: float,
                rows: int = 1, cols: int = 1, wgap: float = 0.0, hgap: float = 0.0,
                col_widths=None, row_heights=None) -> list[list[tuple[float, float, float, float]]]:
    """Axes rectangles (figure fractions, for ``fig.add_axes``) of a rows × cols grid, margins and gaps in
    points; ``col_widths`` / ``row_heights`` are relative sizes. rects[r][c], row 0 at the top."""
    W, H = width_in * 72.0, height_in * 72.0
    col_widths = list(col_widths or [1] * cols)
    row_heights = list(row_heights or [1] * rows)
    free_w = W - left - right - wgap * (cols - 1)
    free_h = H - top - bottom - hgap * (rows - 1)
    if free_w <= 0 or free_h <= 0:
        raise ValueError(f"no room for the panels: {free_w:.0f} × {free_h:.0f} pt")
    ws = [free_w * c / sum(col_widths) for c in col_widths]
    hs = [free_h * r / sum(row_heights) for r in row_heights]
    rects = []
    y = H - top
    for r in range(rows):
        y -= hs[r]
        x, row = left, []
        for c in range(cols):
            row.append((x / W, y / H, ws[c] / W, hs[r] / H))
            x += ws[c] + wgap
        rects.append(row)
        y -= hgap
    return rects


def shortened(s: str, max_pt: float, size: float, keep_tail: bool = False) -> str:
    """``s`` if it is at most ``max_pt`` wide at ``size``, else its longest head that fits with "…".

    ``keep_tail`` keeps the words from the first one that starts with a digit (a plan label's year and
    plan type: "Qiandongnan Miao and… 2021 (synergy)"), so shortened labels stay unique. The cut is found
    from per-character widths and then measured whole (kerning can make the whole a little wider).
    """
    if text_size(s, size)[0] <= max_pt:
        return s
    tail = ""
    if keep_tail:
        words = s.split(" ")
        at = next((k for k, w in enumerate(words) if k and w[:1].isdigit()), None)
        if at is not None:
            s, tail = " ".join(words[:at]), " " + " ".join(words[at:])
    room = max_pt - text_size("…" + tail, size)[0]
    used, cut = 0.0, 0
    for ch in s:
        used += text_size(ch, size)[0] if ch != " " else text_size("a a", size)[0] - text_size("aa", size)[0]
        if used > room:
            break
        cut += 1
    while cut > 0 and text_size(s[:cut].rstrip() + "…" + tail, size)[0] > max_pt:
        cut -= 1
    return s[:cut].rstrip() + "…" + tail
