"""Plans along an axis: their labels, and province bands once the plans are many.

- Labels: every plan's label when all fit at ``PLAN_FONT`` (slanted on an x axis while the plans are few,
  upright when many); otherwise the highlighted plans' labels and, for a matrix, an even selection of the
  others (every second, fourth … plan), so no two labels touch.
- Province bands (more than ``SMALL_CORPUS`` plans, in province order): alternate shading, or white
  separators in a heatmap, with the province names on the far side of the axis where they fit.

Plans sit at positions 0 … n-1 in data coordinates (bar centres, heatmap cells).
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from matplotlib import transforms

from comparison.figures.fit import GAP_PT, fitting, line_height, shortened, spread_order, text_size
from comparison.figures.planstyle import GREY_TEXT, TEXT as TEXT_COLOR, PlanStyle

PLAN_FONT = 6.5
PROVINCE_FONT = 6.0
MAX_LABEL_PT = 110.0      # a plan label longer than this is shortened (city name cut, year kept)
MAX_PROVINCE_PT = 48.0    # an upright province name longer than this is shortened
SLANT = 30.0
TICK_PAD_PT = 2.0
BAND_SHADE = "#ededed"
SEPARATOR = "#7a7a7a"    # between provinces in a matrix


@dataclass(frozen=True)
class AxisLabels:
    """Which positions get a label, the label texts and colours, rotation, and the depth (points) the
    labels take away from the axis."""
    index: tuple[int, ...]
    texts: tuple[str, ...]
    colors: tuple[str, ...]
    rotation: float
    depth: float
    fontsize: float
    overhang: float = 0.0   # points slanted labels reach before the axis starts (room the left margin needs)


def plan_labels(doc_ids, style: PlanStyle, length_pt: float, axis: str = "x", *, fontsize: float = PLAN_FONT,
                thin: bool = True, slant: bool = True, names: dict | None = None) -> AxisLabels:
    """Labels for the plans ``doc_ids`` spread over ``length_pt`` points of an ``axis`` ("x" or "y").

    ``thin``: when not every label fits, also label an even selection of the other plans (for a matrix,
    whose rows must be findable); otherwise only the highlighted plans. ``slant`` allows slanted labels
    on an x axis (few plans). ``names`` overrides the label texts (doc_id → text).
    """
    doc_ids = list(doc_ids)
    n = len(doc_ids)
    texts = [shortened((names or style.labels).get(d, d), MAX_LABEL_PT, fontsize, keep_tail=names is None)
             for d in doc_ids]
    pitch = length_pt / max(n, 1)
    lines = [t.count("\n") + 1 for t in texts]
    h = line_height(fontsize) * max(lines, default=1)
    widths = [text_size(t, fontsize)[0] for t in texts]
    if axis == "y":
        rotation, along = 0.0, [line_height(fontsize) * k for k in lines]
    elif slant and style.small and pitch >= h / math.sin(math.radians(SLANT)) + GAP_PT:
        rotation, along = SLANT, [h / math.sin(math.radians(SLANT))] * n
    elif all(w + GAP_PT <= pitch for w in widths):
        rotation, along = 0.0, widths
    else:
        rotation, along = 90.0, [h] * n
    centers = [(k + 0.5) * pitch for k in range(n)]
    every = fitting(centers, along, range(n))
    if len(every) == n:
        kept = every
    else:
        first = [k for k, d in enumerate(doc_ids) if d in style.highlight]
        rest = [k for k in spread_order(n) if doc_ids[k] not in style.highlight] if thin else []
        kept = fitting(centers, along, first + rest)
    if axis == "y" or rotation == 90.0:
        depth = max((widths[k] for k in kept), default=0.0)
    elif rotation == 0.0:
        depth = h if kept else 0.0
    else:
        a = math.radians(rotation)
        depth = max((widths[k] * math.sin(a) + h * math.cos(a) for k in kept), default=0.0)
    overhang = 0.0
    if axis == "x" and rotation not in (0.0, 90.0):
        a = math.radians(rotation)
        overhang = max((widths[k] * math.cos(a) + h * math.sin(a) - centers[k] for k in kept), default=0.0)
    return AxisLabels(tuple(kept), tuple(texts), tuple(style.label_color(d) for d in doc_ids), rotation,
                      depth + TICK_PAD_PT + 1.5, fontsize, max(overhang, 0.0))


def place_labels(ax, axis: str, positions, texts, *, colors=None, fontsize: float = PLAN_FONT, side: str | None = None,
                 rotation: float = 0.0, sizes=None, gid: str = "label", gap: float = 0.0):
    """Labels beside an axis at data ``positions``, ``TICK_PAD_PT`` from the axes edge, as tick labels would
    sit (right-aligned left of a y axis, hanging below an x axis, slanted ones anchored at their end). Plain
    texts: a matplotlib tick costs two lines and two texts, and a 300-plan matrix would need hundreds.
    The axis' own ticks are removed. ``sizes`` overrides the font size per label; ``gid`` tags the texts;
    ``gap`` adds points between the axes and the labels (room for a colour strip)."""
    fig = ax.get_figure()
    pad = (TICK_PAD_PT + gap) / 72
    side = side or ("bottom" if axis == "x" else "left")
    out = []
    if axis == "x":
        ax.set_xticks([])
        where = transforms.blended_transform_factory(ax.transData, ax.transAxes)
        y, dy = (0.0, -pad) if side == "bottom" else (1.0, pad)
        va = "top" if side == "bottom" else "bottom"
        slanted = rotation not in (0.0, 90.0)
        ha = ("right" if side == "bottom" else "left") if slanted else "center"
        shift = where + transforms.ScaledTranslation(0, dy, fig.dpi_scale_trans)
        for k, (p, s) in enumerate(zip(positions, texts)):
            out.append(ax.text(p, y, s, transform=shift, rotation=rotation, ha=ha, va=va,
                               rotation_mode="anchor" if slanted else "default", clip_on=False,
                               fontsize=sizes[k] if sizes else fontsize, color=colors[k] if colors else TEXT_COLOR))
    else:
        ax.set_yticks([])
        where = transforms.blended_transform_factory(ax.transAxes, ax.transData)
        x, dx = (0.0, -pad) if side == "left" else (1.0, pad)
        shift = where + transforms.ScaledTranslation(dx, 0, fig.dpi_scale_trans)
        for k, (p, s) in enumerate(zip(positions, texts)):
            out.append(ax.text(x, p, s, transform=shift, ha="right" if side == "left" else "left", va="center",
                               clip_on=False, fontsize=sizes[k] if sizes else fontsize,
                               color=colors[k] if colors else TEXT_COLOR))
    for t in out:
        t.set_gid(gid)
    return out


def apply_labels(ax, axis: str, labels: AxisLabels, side: str | None = None, gap: float = 0.0):
    """Place ``labels`` beside ``axis`` at positions 0 … n-1 (``side``: top/bottom, left/right)."""
    ticks = list(labels.index)
    return place_labels(ax, axis, ticks, [labels.texts[k] for k in ticks], colors=[labels.colors[k] for k in ticks],
                        fontsize=labels.fontsize, side=side, rotation=labels.rotation, gid=f"plan-{axis}", gap=gap)


@dataclass(frozen=True)
class Bands:
    """Province runs along a plan axis and which of them are named."""
    runs: tuple[tuple[str, int, int], ...]
    named: tuple[int, ...]
    rotation: float
    depth: float

    def unnamed(self) -> "Bands":
        """The same runs without names (a second panel under the one that names them)."""
        return Bands(self.runs, (), self.rotation, 0.0)


def province_bands(doc_ids, style: PlanStyle, length_pt: float, axis: str = "x") -> Bands | None:
    """Province runs of ``doc_ids`` (many plans, more than one province), naming the runs whose name fits
    inside the run (largest runs first); None when the plans are few enough to label each."""
    doc_ids = list(doc_ids)
    runs = style.province_runs(doc_ids)
    if style.small or len(runs) < 2:
        return None
    runs = [(p, a, b) for p, a, b in runs]
    pitch = length_pt / len(doc_ids)
    centers = [(a + b) / 2 * pitch for _, a, b in runs]
    room = [(b - a) * pitch for _, a, b in runs]
    widths = [text_size(p, PROVINCE_FONT)[0] for p, _, _ in runs]
    h = line_height(PROVINCE_FONT)
    by_size = sorted(range(len(runs)), key=lambda k: (-room[k], k))

    def named_with(extents):
        fits = [k for k in by_size if extents[k] <= room[k] + GAP_PT]
        return fitting(centers, extents, fits)

    if axis == "y":
        runs = [(shortened(p, MAX_PROVINCE_PT * 1.6, PROVINCE_FONT), a, b) for p, a, b in runs]
        named, rotation = named_with([h] * len(runs)), 0.0
        depth = max((text_size(runs[k][0], PROVINCE_FONT)[0] for k in named), default=0.0)
    else:
        flat, upright = named_with(widths), named_with([h] * len(runs))
        if len(flat) >= len(upright):
            named, rotation, depth = flat, 0.0, (h if flat else 0.0)
        else:
            runs = [(shortened(p, MAX_PROVINCE_PT, PROVINCE_FONT), a, b) for p, a, b in runs]
            named, rotation = upright, 90.0
            depth = max((text_size(runs[k][0], PROVINCE_FONT)[0] for k in upright), default=0.0)
    return Bands(tuple(runs), tuple(named), rotation, depth + TICK_PAD_PT + 1.5)


def draw_bands(ax, axis: str, bands: Bands | None, *, shade: bool = True, side: str | None = None) -> float:
    """Shade every other province run (``shade``) or separate runs by grey lines (a matrix), and name the
    runs beside the axis on ``side`` (default: above an x axis, right of a y axis). Returns the points the
    names take there (a title above them needs that much more pad).

    The names are plain texts placed in points from the axes edge: a secondary axis would do the same at
    ten times the cost."""
    if bands is None:
        return 0.0
    span = ax.axvspan if axis == "x" else ax.axhspan
    line = ax.axvline if axis == "x" else ax.axhline
    for k, (_, a, b) in enumerate(bands.runs):
        if shade and k % 2 == 1:
            span(a - 0.5, b - 0.5, color=BAND_SHADE, zorder=0, linewidth=0)
        if not shade and k > 0:
            line(a - 0.5, color=SEPARATOR, linewidth=0.6, zorder=5)
    if not bands.named:
        return 0.0
    fig = ax.get_figure()
    side = side or ("top" if axis == "x" else "right")
    pad = TICK_PAD_PT / 72
    for k in bands.named:
        name, a, b = bands.runs[k]
        at = (a + b - 1) / 2
        if axis == "x":
            y, dy = (1.0, pad) if side == "top" else (0.0, -pad)
            where = transforms.blended_transform_factory(ax.transData, ax.transAxes)
            va = "bottom" if side == "top" else "top"
            ax.text(at, y, name, transform=where + transforms.ScaledTranslation(0, dy, fig.dpi_scale_trans),
                    rotation=bands.rotation, ha="center", va=va, fontsize=PROVINCE_FONT, color=GREY_TEXT,
                    rotation_mode="anchor" if bands.rotation == 0 else "default", clip_on=False)
        else:
            x, dx = (1.0, pad) if side == "right" else (0.0, -pad)
            where = transforms.blended_transform_factory(ax.transAxes, ax.transData)
            ax.text(x, at, name, transform=where + transforms.ScaledTranslation(dx, 0, fig.dpi_scale_trans),
                    ha="left" if side == "right" else "right", va="center", fontsize=PROVINCE_FONT, color=GREY_TEXT,
                    clip_on=False)
    return bands.depth


def colour_strip(ax, axis: str, doc_ids, style: PlanStyle, *, across_pt: float, thickness: float = 4.0,
                 gap: float = 1.0) -> None:
    """A strip of plan colours beside the axis (left of a y axis, below an x axis), one cell per plan at
    positions 0 … n-1, as a clustered heatmap shows groups; ``across_pt`` is the axes' size across the strip
    in points (to place it in points from the edge). Drawn in the axes itself, outside its data area."""
    from matplotlib.collections import PolyCollection

    lo, hi = -(gap + thickness) / across_pt, -gap / across_pt
    cells = []
    for k in range(len(doc_ids)):
        a, b = k - 0.5, k + 0.5
        cells.append([(a, lo), (b, lo), (b, hi), (a, hi)] if axis == "x" else [(lo, a), (hi, a), (hi, b), (lo, b)])
    where = (transforms.blended_transform_factory(ax.transData, ax.transAxes) if axis == "x"
             else transforms.blended_transform_factory(ax.transAxes, ax.transData))
    ax.add_collection(PolyCollection(cells, facecolors=[style.colors[d] for d in doc_ids], edgecolors="none",
                                     transform=where, clip_on=False), autolim=False)
