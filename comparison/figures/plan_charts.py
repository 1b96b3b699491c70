"""Per-plan charts shared by the notebooks: category × plan heatmaps, 100 % bars per plan, a bar per plan.

Heatmaps: few plans, the sentence and character panels side by side with every share printed; many plans,
the panels stacked so each gets the page width, shares printed only while they fit a cell (a colour bar
otherwise), plan labels thinned, province separators. Bars: one per plan, first plan on top; many plans
make the bars thin (a distribution to read by province band), with labels for the highlighted plans.
"""
from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
from matplotlib import colors as mcolors
from matplotlib.patches import Patch

from comparison.figures.charts import Chart
from comparison.figures.fit import content_width, line_height, panel_rects, text_size
from comparison.figures.marks import bars
from comparison.figures.matrix import cell_format, colorbar, draw_cells
from comparison.figures.plan_axis import apply_labels, draw_bands, place_labels, plan_labels, province_bands
from comparison.figures.planstyle import PlanStyle

TITLE_PT = 9.0
ROW_FONT = 7.0
CBAR_PT = 44.0   # room right of a heatmap for its colour bar


def category_heatmaps(panels, style: PlanStyle, row_names: dict, *, number: str, name: str, caption: str,
                      breaks=(), diverging: bool = False, cmap: str = "Blues", formats=("{:.1f}", "{:.0f}"),
                      width_frac: float = 1.0, scale_label: str = "%", small_cell_h: float = 15.0) -> Chart:
    """Heatmaps of category × plan tables (shares 0–1, shown ×100), one per (table, title) in ``panels``,
    on one colour scale; rows named by ``row_names`` (category id → label); ``breaks`` are row positions
    where a group of categories starts (a line is drawn)."""
    tables = [tab for tab, _ in panels]
    docs = style.ordered(tables[0].columns)
    rows = list(tables[0].index)
    values = [100 * tab.reindex(index=rows, columns=docs).to_numpy(dtype=float) for tab in tables]
    reach = max(float(np.nanmax(np.abs(v))) for v in values) or 1.0
    vmin, vmax = (-reach, reach) if diverging else (0.0, max(float(np.nanmax(v)) for v in values))
    W = content_width() * 72.0 * width_frac
    labels_w = max(text_size(row_names.get(r, r), ROW_FONT)[0] for r in rows) + 6
    side = style.small and len(panels) == 2
    title_h = line_height(8) + 6
    gap = 14.0
    n, r = len(docs), len(rows)
    right = 4.0
    if side:
        panel_w = (W - labels_w - gap - right) / 2
        cell_h = small_cell_h
    else:
        panel_w = W - labels_w - right - CBAR_PT
        cell_h = 10.0 if r > 12 else 12.0
    cell_w = panel_w / n
    fmt = cell_format(np.concatenate([v.ravel() for v in values]), cell_w, cell_h, formats)
    if fmt is None and side:
        panel_w = (W - labels_w - gap - right - CBAR_PT) / 2
        cell_w = panel_w / n
    labels = plan_labels(docs, style, panel_w, "x", thin=True, fontsize=6.5 if style.small else 6.0)
    if labels.overhang > labels_w:
        labels_w = labels.overhang + 2
    bands = province_bands(docs, style, panel_w, "x")
    top = line_height(TITLE_PT) + 8 + (bands.depth if bands else 0) + title_h
    bottom = labels.depth + 4
    stacked = len(panels) if not side else 1
    hgap = title_h + 4
    H = top + bottom + stacked * r * cell_h + (stacked - 1) * hgap
    fig = plt.figure(figsize=(W / 72, H / 72))
    rects = panel_rects(W / 72, H / 72, left=labels_w, top=top, bottom=bottom, rows=stacked,
                        cols=2 if side else 1, wgap=gap, hgap=hgap,
                        right=right + (CBAR_PT if fmt is None else 0))
    flat = [rc for row in rects for rc in row]
    image = None
    for k, (rect, v, (_, title)) in enumerate(zip(flat, values, panels)):
        ax = fig.add_axes(rect)
        image = draw_cells(ax, v, cmap=cmap, vmin=vmin, vmax=vmax, fmt=fmt)
        if k == 0 or not side:
            place_labels(ax, "y", range(r), [row_names.get(c, c) for c in rows], fontsize=ROW_FONT, gid="row")
        else:
            ax.set_yticks([])
        for b in breaks:
            ax.axhline(b - 0.5, color="black", linewidth=0.8)
        if side or k == len(flat) - 1:
            apply_labels(ax, "x", labels)
        else:
            ax.tick_params(axis="x", length=0, labelbottom=False)
        names = draw_bands(ax, "x", bands if k == 0 else bands and bands.unnamed(), shade=False)
        ax.set_title(title, fontsize=8, pad=3 + names)
    if fmt is None:
        x0 = (W - right - CBAR_PT + 8) / W
        y0, y1 = flat[-1][1], flat[0][1] + flat[0][3]
        colorbar(fig, image, (x0, y0 + (y1 - y0) * 0.1, 6 / W, (y1 - y0) * 0.8), scale_label)
    return Chart(fig, number, name, style.lang, caption + style.highlight_note())


def _plan_rows(style: PlanStyle, docs, width_in: float, legend_rows: int, xlabel: bool = True,
               small_pitch: float = 18.0, min_height: float = 90.0, shade: bool = True):
    """Figure and axes with one horizontal bar per plan (first plan on top) and room for a legend below."""
    W = width_in * 72.0
    n = len(docs)
    pitch = small_pitch if style.small else max(9.0 if n <= 60 else 1.5, min(9.0, 480.0 / n))
    length = max(n * pitch, min_height)
    labels = plan_labels(docs, style, length, "y", thin=False)
    bands = province_bands(docs, style, length, "y")
    left, right = labels.depth + 4, (bands.depth if bands else 0) + 8
    top = 6.0 + line_height(9)
    bottom = (line_height(8) + line_height(7) + 10 if xlabel else line_height(7) + 6) \
        + legend_rows * (line_height(6.5) + 3) + (6 if legend_rows else 0)
    H = top + bottom + length
    fig = plt.figure(figsize=(width_in, H / 72))
    ax = fig.add_axes(panel_rects(width_in, H / 72, left=left, right=right, top=top, bottom=bottom)[0][0])
    ax.set_ylim(n - 0.5, -0.5)
    apply_labels(ax, "y", labels)
    draw_bands(ax, "y", bands, shade=shade)
    return fig, ax, (W, H, bottom, pitch)


def _legend_layout(labels, width_pt: float, size: float = 6.5) -> tuple[int, int]:
    """Columns and rows of a legend that fits ``width_pt``."""
    widths = [text_size(s, size)[0] + 22 for s in labels]
    ncols = len(widths)
    while ncols > 1 and sum(sorted(widths, reverse=True)[:ncols]) > width_pt - 8:
        ncols -= 1
    return ncols, -(-len(widths) // max(ncols, 1))


def stacked_shares(table, colors: dict, names: dict, style: PlanStyle, *, number: str, name: str, caption: str,
                   xlabel: str, column: bool = False, min_label: float = 6.0) -> Chart:
    """100 % horizontal bars, one per plan (columns of ``table``), segments the categories (rows) in row
    order; segments of at least ``min_label`` percent carry their value while the bars are thick enough."""
    docs = style.ordered(table.columns)
    cats = list(table.index)
    width = content_width(column)
    ncols, nrows = _legend_layout([names.get(c, c) for c in cats], width * 72)
    fig, ax, (W, H, bottom, pitch) = _plan_rows(style, docs, width, nrows, small_pitch=18.0 if not column else 14.0,
                                                shade=False)
    values = 100 * table.reindex(columns=docs).to_numpy(dtype=float)
    y = np.arange(len(docs))
    left = np.zeros(len(docs))
    thick = pitch * 0.7 >= line_height(6) + 1
    length = ax.get_position().width * W
    handles = []
    for i, cat in enumerate(cats):
        color = colors[cat]
        bars(ax, y, values[i], start=left.copy(), width=0.7 if pitch >= 4 else 1.0, colors=color, horizontal=True,
             edgecolor="white" if pitch >= 4 else "none", linewidth=0.4 if pitch >= 4 else 0.0)
        handles.append(Patch(facecolor=color, label=names.get(cat, cat)))
        if thick:
            r, g, b = mcolors.to_rgb(color)
            text_color = "white" if 0.299 * r + 0.587 * g + 0.114 * b < 0.55 else "black"
            for k, v in enumerate(values[i]):
                label = f"{v:.0f}"
                if v >= min_label and text_size(label, 6)[0] + 2 <= v / 100 * length:
                    ax.text(left[k] + v / 2, y[k], label, ha="center", va="center", fontsize=6, color=text_color)
        left += values[i]
    ax.set_xlim(0, 100)
    ax.set_xlabel(xlabel)
    fig.legend(handles=handles, loc="lower center", bbox_to_anchor=(0.5, 2 / H), ncols=ncols, frameon=False,
               fontsize=6.5, borderaxespad=0, handlelength=1.2, columnspacing=1.0, handletextpad=0.4)
    return Chart(fig, number, name, style.lang, caption + style.highlight_note())


def plan_bars(shares, style: PlanStyle, *, number: str, name: str, caption: str, xlabel: str,
              column: bool = True) -> Chart:
    """One bar per plan (``shares``: doc_id → 0–1, shown as %), its value printed while the bars are thick."""
    docs = style.ordered(shares.index)
    width = content_width(column)
    fig, ax, (W, H, bottom, pitch) = _plan_rows(style, docs, width, len(style.type_handles(docs)) and 1,
                                                small_pitch=12.0)
    v = 100 * shares.reindex(docs).to_numpy(dtype=float)
    y = np.arange(len(docs))
    bars(ax, y, v, width=0.6 if pitch >= 4 else 1.0, colors=[style.colors[d] for d in docs], horizontal=True)
    if pitch >= line_height(6) + 1:
        for i, x in zip(y, v):
            ax.text(x + 0.01 * max(v.max(), 1), i, f"{x:.0f}", va="center", fontsize=6)
    ax.set_xlim(0, max(v.max(), 1) * 1.12)
    ax.set_xlabel(xlabel)
    handles = style.type_handles(docs)
    if handles:
        fig.legend(handles=handles, loc="lower center", bbox_to_anchor=(0.5, 2 / H), ncols=len(handles),
                   frameon=False, fontsize=6.5, borderaxespad=0, handlelength=1.2)
    return Chart(fig, number, name, style.lang, caption + style.highlight_note())
