"""Figures of notebook 02 besides the shared targets: coverage (which plan targets which indicator) and the
reconciliation of two plans of one city.

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


RECONCILE_TEXT = {
    "zh": dict(agree="一致", conflict="不一致", only="仅", n="指标数", both="两方案均设定的指标", title="{a}与{b}的目标对照",
               value="数值不同", comparator="比较符不同", more="另有 {k} 项",
               caption="{a}与{b}方案目标指标对照：一致、不一致（数值或比较符不同）或仅一份方案设定（左）；两方案均设定的指标及其目标值（右）。"),
    "en": dict(agree="agree", conflict="conflict", only="only in ", n="indicators", both="Indicators both plans set",
               title="{a} and {b}: targets reconciled", value="value differs", comparator="comparator differs",
               more="{k} more", caption="{a} and {b} targets compared indicator by indicator: agree, conflict (value or "
               "comparator differs), or set in one plan only (left); the indicators both set, with their targets (right)."),
}
CONFLICT = "#c0392b"
MAX_BOTH = 10


def reconciliation_chart(rec, counts, a: str, b: str, style: PlanStyle) -> Chart:
    """02_nanping_reconciliation (any two plans): ``rec`` and ``counts`` from ``analysis.targets.reconcile``
    and ``status_counts``. Left: indicators per status; right: the indicators both plans set, with targets."""
    t = RECONCILE_TEXT[style.lang]
    name = lambda d: style.labels.get(d, d)  # noqa: E731
    names = [shortened(s, 150, 7) for s in (t["agree"], t["conflict"], t["only"] + name(a), t["only"] + name(b))]
    bar_colors = ["0.55", CONFLICT, style.colors.get(a, "0.3"), style.colors.get(b, "0.7")]
    both = rec[rec.status.isin(["agree", "conflict"])]
    shown, hidden = both.iloc[:MAX_BOTH], max(0, len(both) - MAX_BOTH)
    W = content_width() * 72.0
    row_h = 2 * line_height(6.5) + 4
    H = max(144.0, line_height(9.6) + 14 + line_height(8) + 14 + (len(shown) + (1 if hidden else 0) + 1) * row_h)
    fig = plt.figure(figsize=(W / 72, H / 72))
    label_w = widest(names, 7) + 8
    bar_w = max(W * 0.36, label_w + 80)
    ax = fig.add_axes((label_w / W, 34 / H, (bar_w - label_w) / W, 1 - (34 + line_height(9.6) + 40) / H))
    y = np.arange(len(counts))[::-1]
    ax.barh(y, counts.to_numpy(), color=bar_colors, height=0.65)
    for yy, v in zip(y, counts):
        ax.annotate(str(v), (v, yy), xytext=(3, 0), textcoords="offset points", va="center", fontsize=7)
    ax.set_yticks(y, names, fontsize=7)
    ax.set_xlabel(t["n"])
    ax.set_xlim(0, counts.max() * 1.15 + 1)
    ax.tick_params(axis="y", length=0)
    ax.xaxis.get_major_locator().set_params(integer=True)
    table = fig.add_axes(((bar_w + 16) / W, 4 / H, (W - bar_w - 20) / W, 1 - (line_height(9.6) + 12) / H))
    table.set_axis_off()
    table.set_xlim(0, W - bar_w - 20)
    table.set_ylim(0, H - line_height(9.6) - 16)
    top = H - line_height(9.6) - 16
    table.text(0, top - 2, t["both"], fontsize=8, va="top")
    width = W - bar_w - 20
    values = [str(v) for col in (a, b) for v in shown[col]] + [style.labels.get(a, a)[-4:]]
    value_w = widest(values, 7) + 8
    status_w = widest([t["agree"], t["conflict"], f"({t['value']})", f"({t['comparator']})"], 6.5) + 2
    x_a, x_b = width - status_w - 2 * value_w, width - status_w - value_w
    x_st = width - status_w
    year = lambda d: d.rsplit("_", 1)[-1]  # noqa: E731
    y0 = top - line_height(8) - 6
    for x, d in ((x_a, a), (x_b, b)):
        table.text(x, y0, year(d), fontsize=7, va="top", color="0.35")
    from comparison.figures.targets import _wrap
    for k, r in enumerate(shown.itertuples()):
        yy = y0 - line_height(7) - 4 - (k + 0.5) * row_h
        c = CONFLICT if r.status == "conflict" else "black"
        status = t[r.status] + (f"\n({t[r.detail]})" if r.detail else "")
        table.text(0, yy, _wrap(r.indicator, style.lang, x_a - 8), fontsize=6.5, va="center", linespacing=1.1)
        table.text(x_a, yy, getattr(r, a), fontsize=7, va="center", color=c)
        table.text(x_b, yy, getattr(r, b), fontsize=7, va="center", color=c)
        table.text(x_st, yy, status, fontsize=6.5, va="center", color=c, linespacing=1.1)
    if hidden:
        yy = y0 - line_height(7) - 4 - (len(shown) + 0.5) * row_h
        table.text(0, yy, t["more"].format(k=hidden), fontsize=6.5, va="center", color="0.35")
    fig.suptitle(t["title"].format(a=name(a), b=name(b)), y=1 - 3 / H, va="top", fontsize=9.6)
    return Chart(fig, "02", "nanping_reconciliation", style.lang,
                 t["caption"].format(a=name(a), b=name(b)) + style.highlight_note())
