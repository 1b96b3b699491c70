"""Figures of notebook 05: text reuse between plans as clustered plan × plan heatmaps, and how much of each
plan is boilerplate.

Heatmaps: plans ordered by average-linkage clustering of the matrix (blocks of plans that share text sit
together); a column-width figure with every value printed while the plans are few, a page-width one with
a colour bar, thinned labels and a strip of plan colours when many. Boilerplate: one 100 % bar per plan;
with few plans the boilerplate is coloured by the plan it comes from (one legend entry per plan), with
many by where that plan is (the same city, the same province, elsewhere), so the legend keeps five
entries at any size.
"""
from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Patch
from matplotlib.ticker import PercentFormatter

from comparison.figures.charts import Chart
from comparison.figures.fit import content_width, line_height, text_size
from comparison.figures.marks import bars
from comparison.figures.matrix import cell_format, colorbar, draw_cells
from comparison.figures.plan_axis import apply_labels, colour_strip, plan_labels
from comparison.figures.plan_charts import _legend_layout, _plan_rows
from comparison.figures.planstyle import PlanStyle

TEXT = {
    "zh": dict(overlap="逐字重合：{n} 字片段包含度", rows="片段所属方案", cols="在该方案中出现", cosine="词汇相似度：TF-IDF 余弦",
               b="套用自", p="部分重合", l="本地独有", x="句子占比", bp_title="各方案句子的重合程度",
               same_city="套用自同一城市的其他方案", same_province="套用自同省其他城市的方案", elsewhere="套用自其他省份的方案",
               order="方案按聚类（平均连接）排列。",
               overlap_caption="行方案的 {n} 字片段（去除标点与空白后的连续 {n} 个字符，取自编码句子）在列方案中也出现的比例。矩阵不对称：短方案可大部分包含于长方案。",
               cosine_caption="各方案编码句子的字符 2–3 元组 TF-IDF 向量的余弦相似度（逆文档频率按句子估计，词频为方案内句子之和，取对数）。",
               bp_caption="各方案编码句子按与其他方案的重合分类：套用（至少 {t:.0%} 的 {n} 字片段出现在某一个其他方案中，{how}）、部分重合、"
                          "本地独有（没有任何片段出现在其他方案中，斜线）。",
               by_plan="按该方案着色", by_place="按该方案是否同城、同省着色", others="套用自其他方案"),
    "en": dict(overlap="Verbatim overlap\n(containment of {n}-character shingles)", rows="shingles of", cols="found in",
               cosine="Shared vocabulary: TF-IDF cosine similarity", b="boilerplate from", p="partly shared",
               l="local (no shared shingle)", x="share of the plan's sentences",
               bp_title="How much of each plan is shared with another plan",
               same_city="boilerplate from the same city's other plan", same_province="from another city in the province",
               elsewhere="from a plan in another province", order=" Plans ordered by clustering (average linkage).",
               overlap_caption="Share of the row plan's distinct {n}-character shingles (runs of {n} characters of its "
                               "coded sentences, punctuation and whitespace removed) that also occur in the column plan. "
                               "The matrix is asymmetric: a short plan can be mostly contained in a long one.",
               cosine_caption="Cosine similarity of the plans' TF-IDF vectors over character 2–3-grams of their coded "
                              "sentences (inverse document frequency estimated over sentences; a plan's term frequency "
                              "is the sum over its sentences, sublinear).",
               bp_caption="Each plan's coded sentences by reuse: boilerplate (at least {t:.0%} of the sentence's "
                          "{n}-character shingles occur in one other plan; {how}), partly shared, and local (no shingle "
                          "occurs in any other plan; hatched).",
               by_plan="coloured by that plan", by_place="coloured by whether that plan is of the same city or province",
               others="boilerplate from the other plans"),
}
PARTIAL = dict(facecolor="0.8")
LOCAL = dict(facecolor="white", edgecolor="0.5", hatch="///", linewidth=0.4)
OTHER, OTHER_COLOR = "other", "#8a8a8a"
PLACE_COLORS = {"same_city": "#1b7837", "same_province": "#7fbf7b", "elsewhere": "#762a83"}


def plan_matrix_chart(values, order, style: PlanStyle, *, title: str, cmap: str, name: str, caption: str,
                      row_title: str | None = None, col_title: str | None = None) -> Chart:
    """A plan × plan heatmap (diagonal blank) in ``order``: one column while the plans are few (values
    printed; the page width when their names would not all fit in a column), the page width with a colour
    bar when many."""
    order = list(order)
    n = len(order)
    v = values.loc[order, order].to_numpy(dtype=float).copy()
    np.fill_diagonal(v, np.nan)
    small = style.small
    W = content_width(column=small) * 72.0
    fs = 6.5 if small else 6.0
    if text_size(title, 9)[0] > W - 4 and "\n" not in title:  # a title wider than the column: two lines
        words = title.split(" ")
        cut = min(range(1, len(words)), key=lambda k: abs(text_size(" ".join(words[:k]), 9)[0] - text_size(title, 9)[0] / 2)) \
            if len(words) > 1 else 0
        title = " ".join(words[:cut]) + "\n" + " ".join(words[cut:]) if cut else title
    title_lines = title.count("\n") + 1
    strip = 0.0 if small else 5.0
    axis_title = line_height(7) + 4
    finite = np.isfinite(v).any()
    top_value = np.nanmax(v) if finite else 0.0

    def geometry(W: float, cbar: float):
        """Left margin, matrix side, row and column labels with ``cbar`` points kept for a colour bar."""
        rows = plan_labels(order, style, W - 100 - cbar, "y", thin=True, fontsize=fs)
        left = rows.depth + (axis_title if row_title else 0) + strip + 2
        side = min(W - left - cbar - 6, MAX_SIDE)
        rows = plan_labels(order, style, side, "y", thin=True, fontsize=fs)
        cols = plan_labels(order, style, side, "x", thin=True, fontsize=fs)
        if cols.overhang + 1 > left:  # slanted column labels reach further left than the row labels
            side -= cols.overhang + 1 - left
            left = cols.overhang + 1
            rows = plan_labels(order, style, side, "y", thin=True, fontsize=fs)
            cols = plan_labels(order, style, side, "x", thin=True, fontsize=fs)
        return left, side, rows, cols

    def labels_all(shape) -> bool:
        return len(shape[2].index) == n and len(shape[3].index) == n

    cbar = 0.0 if small else 40.0
    shape = geometry(W, cbar)
    fmt = cell_format([0.0, top_value], shape[1] / n, shape[1] / n, ("{:.2f}",))
    if fmt is None and not cbar:  # values that do not fit their cells give way to a colour bar
        cbar = 40.0
        shape = geometry(W, cbar)
    if small and not labels_all(shape):  # a few plans with long names: the page width, so every row is named
        W = content_width() * 72.0
        shape = geometry(W, cbar)
    x0, side, rows, cols = shape
    bottom = cols.depth + (axis_title if col_title else 0) + strip + 4
    top = title_lines * line_height(9) + 8
    H = top + side + bottom
    fig = plt.figure(figsize=(W / 72, H / 72))
    ax = fig.add_axes((x0 / W, bottom / H, side / W, side / H))
    vmax = top_value * 1.2 if finite else 1.0
    image = draw_cells(ax, v, cmap=cmap, vmin=0, vmax=vmax, fmt=fmt)
    apply_labels(ax, "x", cols, gap=strip)
    apply_labels(ax, "y", rows, gap=strip)
    if strip:
        colour_strip(ax, "y", order, style, across_pt=side, thickness=strip - 1.5)
        colour_strip(ax, "x", order, style, across_pt=side, thickness=strip - 1.5)
    if row_title:
        ax.set_ylabel(row_title, fontsize=7, labelpad=rows.depth + strip)
    if col_title:
        ax.set_xlabel(col_title, fontsize=7, labelpad=cols.depth + strip)
    if fmt is None:
        colorbar(fig, image, ((x0 + side + 10) / W, bottom / H + 0.1 * side / H, 6 / W, 0.8 * side / H), "")
    fig.suptitle(title, x=0.5, y=1 - 3 / H, va="top", fontsize=9)
    return Chart(fig, "05", name, style.lang, caption + TEXT[style.lang]["order"] + style.highlight_note())


MAX_SIDE = 440.0


def _place(doc: str, source: str, style: PlanStyle) -> str:
    if style.cities.get(doc) == style.cities.get(source):
        return "same_city"
    return "same_province" if style.provinces.get(doc) == style.provinces.get(source) else "elsewhere"


def boilerplate_chart(parts, style: PlanStyle, threshold: float, n: int) -> Chart:
    """05_boilerplate_share: each plan's sentences as boilerplate (by source), partly shared and local;
    ``parts`` is ``analysis.similarity.boilerplate_share``'s table."""
    t = TEXT[style.lang]
    docs = style.ordered(dict.fromkeys(parts.doc_id.astype(str)))
    by_source = style.small
    p = parts.assign(doc_id=parts.doc_id.astype(str), source=parts.source.fillna("").astype(str))
    boiler = p[p.part == "boilerplate"]
    if by_source:
        keys = [d for d in style.order if d in set(boiler.source) and style.focus(d)]
        color = {d: style.colors[d] for d in keys}
        names = {d: f"{t['b']} {style.labels[d]}" for d in keys}
        boiler = boiler.assign(key=[s if style.focus(s) else OTHER for s in boiler.source])
        if (boiler.key == OTHER).any():  # with a highlight, the other plans' boilerplate is one grey
            keys.append(OTHER)
            color, names = {**color, OTHER: OTHER_COLOR}, {**names, OTHER: t["others"]}
    else:
        keys = list(PLACE_COLORS)
        color, names = PLACE_COLORS, {k: t[k] for k in keys}
        boiler = boiler.assign(key=[_place(d, s, style) for d, s in zip(boiler.doc_id, boiler.source)])
    shares = boiler.pivot_table(index="doc_id", columns="key", values="share", aggfunc="sum", fill_value=0.0)
    shares = shares.reindex(index=docs, columns=keys, fill_value=0.0)
    rest = p[p.part != "boilerplate"].pivot_table(index="doc_id", columns="part", values="share", aggfunc="sum",
                                                  fill_value=0.0).reindex(index=docs, columns=["partial", "local"],
                                                                          fill_value=0.0)
    legend = [Patch(facecolor=color[k], label=names[k]) for k in keys]
    legend += [Patch(label=t["p"], **PARTIAL), Patch(label=t["l"], **LOCAL)]
    W = content_width() * 72.0
    if by_source:
        legend_w = max(text_size(h.get_label(), 6.5)[0] for h in legend) + 24
        fig, ax, (W, H, bottom, pitch) = _plan_rows(style, docs, content_width(), 0, small_pitch=22.0,
                                                    min_height=len(legend) * (line_height(6.5) + 4))
        pos = ax.get_position()
        ax.set_position((pos.x0, pos.y0, pos.width - legend_w / W, pos.height))
        ax.legend(handles=legend, frameon=False, loc="center left", bbox_to_anchor=(1.01, 0.5), fontsize=6.5)
    else:
        ncols, nrows = _legend_layout([h.get_label() for h in legend], W)
        fig, ax, (W, H, bottom, pitch) = _plan_rows(style, docs, content_width(), nrows)
        fig.legend(handles=legend, loc="lower center", bbox_to_anchor=(0.5, 2 / H), ncols=ncols, frameon=False,
                   fontsize=6.5, borderaxespad=0, handlelength=1.2, columnspacing=1.0, handletextpad=0.4)
    y = np.arange(len(docs))
    width = 0.65 if pitch >= 4 else 1.0
    left = np.zeros(len(docs))
    for k in keys:
        bars(ax, y, shares[k].to_numpy(), start=left.copy(), width=width, colors=color[k], horizontal=True)
        left += shares[k].to_numpy()
    boilerplate = left.copy()
    bars(ax, y, rest.partial.to_numpy(), start=left.copy(), width=width, horizontal=True, colors=PARTIAL["facecolor"])
    left += rest.partial.to_numpy()
    bars(ax, y, rest.local.to_numpy(), start=left.copy(), width=width, horizontal=True, colors="white",
         edgecolor="0.5", hatch="///" if pitch >= 4 else None, linewidth=0.4 if pitch >= 4 else 0.0)
    if pitch >= line_height(6.5) + 2:
        bar_pt = ax.get_position().width * W
        for i, (b, loc) in enumerate(zip(boilerplate, rest.local)):
            b_text, l_text = f"{b:.0%}", f"{loc:.0%}"
            b_w, l_w = (text_size(x, 6.5)[0] / bar_pt for x in (b_text, l_text))
            local_at = 1 - loc / 2
            inside = b + 0.01 + b_w + 0.01 > local_at - l_w / 2  # no room between the segments: inside the bar
            ax.text(b - 0.01 if inside else b + 0.01, i, b_text, ha="right" if inside else "left", va="center",
                    fontsize=6.5, bbox=dict(boxstyle="square,pad=0.15", fc="white", ec="none") if inside else None)
            if not inside or b + 0.01 < local_at - l_w / 2 - 0.01:
                ax.text(local_at, i, l_text, ha="center", va="center", fontsize=6.5,
                        bbox=dict(boxstyle="square,pad=0.15", fc="white", ec="none"))
    ax.set_xlim(0, 1)
    ax.xaxis.set_major_formatter(PercentFormatter(1.0))
    ax.set_xlabel(t["x"])
    ax.set_title(t["bp_title"], fontsize=9)
    how = t["by_plan"] if by_source else t["by_place"]
    return Chart(fig, "05", "boilerplate_share", style.lang,
                 t["bp_caption"].format(t=threshold, n=n, how=how) + style.highlight_note())


def overlap_chart(overlap, order, style: PlanStyle, n: int) -> Chart:
    """05_shingle_overlap: containment of each row plan's shingles in each column plan."""
    t = TEXT[style.lang]
    return plan_matrix_chart(overlap, order, style, title=t["overlap"].format(n=n), cmap="Oranges",
                             name="shingle_overlap", caption=t["overlap_caption"].format(n=n), row_title=t["rows"],
                             col_title=t["cols"])


def cosine_chart(cosine, order, style: PlanStyle) -> Chart:
    """05_cosine_similarity: TF-IDF cosine between plans."""
    t = TEXT[style.lang]
    return plan_matrix_chart(cosine, order, style, title=t["cosine"], cmap="Greens", name="cosine_similarity",
                             caption=t["cosine_caption"])
