"""Coverage, a figure of notebook 02: which plan targets which indicator.

Coverage is an indicator × plan matrix, indicators grouped by sector (codebook order) and sorted within a
sector by how many plans target them; plans in province order. Few plans: the rows run in two columns
side by side, each cell a square. Many plans: one matrix at the page width, cells as narrow as the plans
require, plan labels thinned, province bands. When the rows do not fit on a page the figure continues in
parts (02_coverage_part2 …), a sector cut by a part boundary repeating its header.
"""
from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
from matplotlib import colors as mcolors

from comparison.analysis.targets import split_groups, with_headers
from comparison.figures.charts import Chart, part_name
from comparison.figures.fit import content_width, line_height, panel_rects, shortened, widest
from comparison.figures.layout import MAX_HEIGHT_IN
from comparison.figures.plan_axis import apply_labels, draw_bands, place_labels, plan_labels, province_bands
from comparison.figures.planstyle import PlanStyle

TITLE_PT = 9.6
ROW_FONT, HEADER_FONT = 6.0, 7.0
ROW_PT = 8.0
EMPTY = "#eeeeee"
TEXT = {
    "zh": dict(title="各方案设定的目标指标（按行业分组）", cont="（续）", part="（续 {k}）",
               caption="目标指标覆盖矩阵：有色方格表示该方案将该指标设为目标（仅含至少一个方案设定的指标；全部指标见 {table}）。"),
    "en": dict(title="Target indicators set by each plan, by sector", cont=" (continued)", part=" (continued, {k})",
               caption="Coverage of target indicators: a coloured cell means the plan sets the indicator as a target "
                       "(indicators set by at least one plan; all codebook indicators in {table})."),
}


def paginate(rows, max_rows: int, cont: str) -> list:
    """Cut the rows (groups, each opened by a header row) into chunks of at most ``max_rows``: a group that
    does not fit in what is left of a chunk at least half full starts the next chunk; a group longer than a
    chunk is cut, and the chunk that continues it opens with the group's header marked ``cont``."""
    records = rows.to_dict("records")
    starts = [i for i, r in enumerate(records) if r["header"]] + [len(records)]
    size = {a: b - a for a, b in zip(starts, starts[1:])}
    chunks, current, header = [], [], None
    for i, r in enumerate(records):
        if r["header"]:
            header = r
            if current and len(current) + size[i] > max_rows and len(current) >= max_rows // 2:
                chunks.append(current)
                current = []
        if len(current) >= max_rows:
            chunks.append(current)
            current = [] if r["header"] or header is None else [{**header, "indicator": header["indicator"] + cont}]
        current.append(r)
    if current:
        chunks.append(current)
    return [type(rows)(c, columns=rows.columns) for c in chunks]


def _cells(part, docs, style: PlanStyle) -> np.ndarray:
    """RGB image of one block: the plan's colour where it targets the indicator, light grey where not,
    white on header rows."""
    img = np.ones((len(part), len(docs), 3))
    empty = mcolors.to_rgb(EMPTY)
    fill = np.array([mcolors.to_rgb(style.colors[d]) for d in docs])
    values = part[docs].to_numpy(dtype=float)
    set_ = np.nan_to_num(values) > 0
    header = part.header.to_numpy(dtype=bool)
    img[~header] = np.where(set_[~header][..., None], fill[None, :, :], empty)
    return img


def _block(ax, part, docs, style: PlanStyle, label_w: float, cell_w: float, labels, bands) -> None:
    ax.imshow(_cells(part, docs, style), aspect="auto", interpolation="nearest",
              extent=(-0.5, len(docs) - 0.5, len(part) - 0.5, -0.5))
    if cell_w >= 4:
        lw = 0.8 if cell_w >= 7 else 0.4
        ax.vlines(np.arange(len(docs) - 1) + 0.5, -0.5, len(part) - 0.5, colors="white", linewidth=lw)
    ax.hlines(np.arange(len(part) - 1) + 0.5, -0.5, len(docs) - 0.5, colors="white", linewidth=0.8)
    names = [h if hdr else shortened(h, label_w - 4, ROW_FONT) for h, hdr in zip(part.indicator, part.header)]
    names = [shortened(h, label_w - 4, HEADER_FONT) if hdr else h for h, hdr in zip(names, part.header)]
    # the bundled font has one weight: sector headers are set apart by size
    place_labels(ax, "y", range(len(part)), names, sizes=[HEADER_FONT if h else ROW_FONT for h in part.header],
                 gid="row")
    apply_labels(ax, "x", labels, side="top")
    draw_bands(ax, "x", bands, shade=False, side="bottom")
    for s in ax.spines.values():
        s.set_visible(False)


def coverage_charts(cov, style: PlanStyle, table_path: str = "02_coverage.csv") -> list[Chart]:
    """02_coverage and its parts from ``analysis.targets.coverage``'s table (indicators no plan sets left out)."""
    t = TEXT[style.lang]
    docs = [d for d in style.order if d in cov.columns]
    rows = with_headers(cov[cov.n_plans > 0], "sector", "indicator")
    W = content_width() * 72.0
    if style.small:
        cell_w = ROW_PT + 0.6
        label_w = min(widest(rows.indicator, ROW_FONT) + 6, (W - 12) / 2 - len(docs) * cell_w)
    else:
        label_w = min(widest(rows.indicator, ROW_FONT) + 6, 150.0)
        cell_w = (W - label_w - 4) / max(len(docs), 1)
    block_w = len(docs) * cell_w
    labels = plan_labels(docs, style, block_w, "x", thin=True, slant=False, fontsize=ROW_FONT)
    bands = province_bands(docs, style, block_w, "x")
    top = line_height(TITLE_PT) + 8 + labels.depth
    bottom = (bands.depth if bands else 0) + 4
    max_rows = int((MAX_HEIGHT_IN * 72 - 20 - top - bottom) // ROW_PT)
    halves = 2 if style.small else 1
    charts = []
    chunks = paginate(rows, max_rows * halves, t["cont"]) if len(rows) else [rows]
    for k, chunk in enumerate(chunks, start=1):
        if halves == 2 and len(chunk) > 1:
            cut = split_groups(chunk.sector.tolist())
            blocks = [chunk.iloc[:cut], chunk.iloc[cut:]] if cut < len(chunk) else [chunk]
            if max(len(b) for b in blocks) > max_rows:
                blocks = [chunk.iloc[:max_rows], chunk.iloc[max_rows:]]
        else:
            blocks = [chunk]
        n_rows = max(len(b) for b in blocks)
        H = top + bottom + n_rows * ROW_PT
        fig = plt.figure(figsize=(W / 72, H / 72))
        if len(blocks) == 2:
            gap = W - 2 * (label_w + block_w)
            rects = panel_rects(W / 72, H / 72, left=label_w, right=0, top=top, bottom=bottom, cols=2,
                                wgap=gap + label_w)[0]
        else:
            rects = panel_rects(W / 72, H / 72, left=label_w, right=W - label_w - block_w, top=top,
                                bottom=bottom)[0]
        for rect, block in zip(rects, blocks):
            r = list(rect)
            r[3] = r[3] * len(block) / n_rows
            r[1] = r[1] + rect[3] - r[3]
            _block(fig.add_axes(r), block, docs, style, label_w, cell_w, labels, bands)
        fig.suptitle(t["title"] + (t["part"].format(k=k) if k > 1 else ""), y=1 - 3 / H, va="top",
                     fontsize=TITLE_PT)
        charts.append(Chart(fig, "02", part_name("coverage", k), style.lang,
                            t["caption"].format(table=table_path) + style.highlight_note()))
    return charts
