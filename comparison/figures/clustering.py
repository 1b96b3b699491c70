"""Figures of notebook 04: the dendrogram of sector profiles, bootstrap co-occurrence, the choice of the
number of themes, and themes by plan.

Plans are in the dendrogram's leaf order (similar profiles together, so blocks show). Leaves get the room
their labels need while the plans are few and share the page height when many (labels then only for the
highlighted plans, and a strip of plan colours beside the leaves); matrix cells print their values only
while the values fit, with a colour bar otherwise.
"""
from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.collections import LineCollection
from scipy.cluster.hierarchy import dendrogram

from comparison.figures.charts import Chart
from comparison.figures.fit import content_width, line_height, panel_rects, shortened, text_size, widest
from comparison.figures.layout import MAX_HEIGHT_IN
from comparison.figures.matrix import cell_format, colorbar, draw_cells
from comparison.figures.plan_axis import apply_labels, colour_strip, place_labels, plan_labels
from comparison.figures.planstyle import PlanStyle

TITLE_PT = 9.0
TEXT = {
    "zh": dict(x="Jensen–Shannon 距离（以 2 为底）\n平均连接", cut="k = 2 切分", title="各方案行业结构的层次聚类",
               share="%", co_title="{k} 类时同属一类的自助样本比例", co_sup="按句子自助抽样（B = {B}）的聚类稳定性",
               kx="主题数 k", ky="平均轮廓系数（余弦距离）", chosen="选定 k = {k}", k_title="主题数的选择",
               themes_title="各方案句子在主题中的分布（%）", share_co="比例",
               dendrogram="左：各方案按行业结构（各行业句子占编码句子的比例）的层次聚类，Jensen–Shannon 距离（以 2 为底）、平均连接；"
                          "虚线为两类切分。右：行业结构（%），行序与树一致。",
               bootstrap="每个自助样本对各方案的编码句子有放回抽样，重算行业结构与聚类树（Jensen–Shannon 距离，平均连接），"
                         "切为 2 类（左）和 3 类（右）；格中为两方案同属一类的样本比例（B = {B}，固定随机种子）。抽样对象是句子而非城市。"
                         "方案按聚类树的顺序排列。",
               theme_k="句子主题聚类（字符 2–3 元组 TF-IDF，k-means，固定随机种子）的平均轮廓系数随 k 的变化；取最大值 k = {k}。",
               themes="全部编码句子按字符 2–3 元组 TF-IDF 以 k-means 聚为 {k} 个主题（固定随机种子）；格中为各方案句子落入各主题的比例"
                      "（%，每列合计 100）。主题名取该主题中相对最常见的两个四字短语（原文），括号内为该主题最常见的编码行业。"),
    "en": dict(x="Jensen–Shannon distance\n(base 2), average linkage", cut="cut at k = 2",
               title="Hierarchical clustering of sector profiles", share="%",
               co_title="k = {k}: share of replicates in the same cluster",
               co_sup="Stability under resampling sentences (B = {B})", kx="number of themes k",
               ky="mean silhouette (cosine distance)", chosen="chosen k = {k}", k_title="Choosing the number of themes",
               themes_title="Sentence themes by plan (% of the plan's sentences)", share_co="share",
               dendrogram="Left: hierarchical clustering of the plans on their sector profiles (share of coded sentences "
                          "per sector), Jensen–Shannon distance (base 2), average linkage; the dashed line cuts the tree "
                          "into two clusters. Right: the profiles (%), rows in the tree's order.",
               bootstrap="Each replicate resamples every plan's coded sentences with replacement, recomputes the sector "
                         "profiles and the tree (Jensen–Shannon distance, average linkage) and cuts it into 2 (left) or "
                         "3 (right) clusters; cells give the share of replicates in which two plans fall in the same "
                         "cluster (B = {B}, fixed seed). The resampling is over sentences, not over cities. Plans in "
                         "the tree's order.",
               theme_k="Mean silhouette (cosine distance) of the sentence themes (TF-IDF over character 2–3-grams, "
                       "k-means, fixed seed) by k; the maximum, k = {k}, is kept.",
               themes="All coded sentences clustered into {k} themes (k-means on TF-IDF of character 2–3-grams, fixed "
                      "seed); cells give the share of each plan's sentences in each theme (%, columns add up to 100). "
                      "A theme is named by the two 4-character phrases (as written in the plans) most over-represented "
                      "in it, and in brackets its most common coded sector."),
}


def leaf_order(link, doc_ids) -> list[str]:
    """The plans in the dendrogram's leaf order, bottom to top."""
    return [doc_ids[i] for i in dendrogram(link, no_plot=True)["leaves"]]


def _leaf_pitch(style: PlanStyle, n: int, budget_pt: float) -> float:
    """Room per leaf: enough for a label while the plans are few, a share of ``budget_pt`` when many."""
    return 30.0 if n <= 5 else 18.0 if style.small else max(min(10.0, budget_pt / n), 0.1)


def dendrogram_chart(link, profiles, style: PlanStyle, sector_names: dict) -> Chart:
    """04_dendrogram: the tree of the plans (rows of ``profiles``) beside their sector profiles (%)."""
    t = TEXT[style.lang]
    ids = [str(d) for d in profiles.index]
    dn = dendrogram(link, no_plot=True, orientation="left")
    order = [ids[i] for i in dn["leaves"]]
    n, m = len(order), profiles.shape[1]
    W = content_width() * 72.0
    sectors = [sector_names.get(c, c) for c in profiles.columns]
    col_depth = max(text_size(s, 7)[0] for s in sectors) * np.sin(np.radians(40)) + line_height(7) + 6
    top = line_height(TITLE_PT) + 6 + 2 * line_height(7) + line_height(7) + 10
    budget = MAX_HEIGHT_IN * 72 - top - col_depth - 20
    pitch = _leaf_pitch(style, n, min(budget, 560.0))
    body = n * pitch
    labels = plan_labels(order, style, body, "y", thin=False)
    strip = 0.0 if style.small else 6.0
    left_d = 4.0
    dendro_w = 1.1 / 4.5 * (W - labels.depth - 8)
    heat_w = W - left_d - dendro_w - strip - labels.depth - 10
    H = top + body + col_depth
    fig = plt.figure(figsize=(W / 72, H / 72))
    ax_d = fig.add_axes((left_d / W, col_depth / H, dendro_w / W, body / H))
    x_heat = left_d + dendro_w + 4 + strip
    ax_h = fig.add_axes((x_heat / W, col_depth / H, heat_w / W, body / H))
    segments = [list(zip(dc, ic)) for ic, dc in zip(dn["icoord"], dn["dcoord"])]
    ax_d.add_collection(LineCollection(segments, colors="0.25", linewidths=0.9 if n <= 40 else 0.5))
    top_height = float(link[-1, 2]) if len(link) else 1.0
    ax_d.set_xlim(top_height * 1.05, 0)
    ax_d.set_ylim(0, 10 * n)
    if len(link) >= 2:
        cut_at = (link[-1, 2] + link[-2, 2]) / 2
        ax_d.axvline(cut_at, ls="--", lw=0.8, color="0.5")
        ax_d.annotate(t["cut"], (cut_at, 10 * n), xytext=(3, -2), textcoords="offset points", fontsize=6.5,
                      color="0.4", ha="left", va="top")
    ax_d.xaxis.tick_top()
    ax_d.xaxis.set_label_position("top")
    ax_d.set_xlabel(t["x"], fontsize=7)
    ax_d.tick_params(axis="x", labelsize=7)
    ax_d.spines[["left", "bottom", "right"]].set_visible(False)
    ax_d.spines["top"].set_visible(True)
    ax_d.tick_params(axis="y", left=False, labelleft=False)
    values = 100 * profiles.loc[order].to_numpy(dtype=float)
    fmt = cell_format(values, heat_w / m, pitch, ("{:.0f}",))
    image = draw_cells(ax_h, values, cmap="Blues", vmin=0, vmax=values.max() * 1.15, fmt=fmt)
    ax_h.set_ylim(-0.5, n - 0.5)
    ax_h.set_xticks(range(m), sectors, rotation=40, ha="right", rotation_mode="anchor", fontsize=7)
    ax_h.tick_params(axis="x", length=3)
    apply_labels(ax_h, "y", labels, side="right")
    if strip:
        colour_strip(ax_h, "y", order, style, across_pt=heat_w, thickness=strip - 2)
    if fmt is None:
        colorbar(fig, image, ((x_heat + heat_w * 0.6) / W, (H - top + 8) / H, heat_w * 0.4 / W, 4 / H), t["share"],
                 horizontal=True)
    fig.text(x_heat / W, 1 - 3 / H, t["title"], fontsize=TITLE_PT, va="top", ha="left")
    return Chart(fig, "04", "dendrogram", style.lang, t["dendrogram"] + style.highlight_note())


def cooccurrence_chart(co: dict, order, style: PlanStyle, B: int) -> Chart:
    """04_bootstrap_cooccurrence: for k = 2 and 3, the share of replicates in which two plans share a cluster;
    plans in ``order`` (the dendrogram's leaves, top to bottom)."""
    t = TEXT[style.lang]
    ks = sorted(co)
    order = list(order)
    n = len(order)
    W = content_width() * 72.0
    labels_w = min(widest([style.labels[d] for d in order], 6.5) + 6, 110.0)
    cbar = 0.0 if n <= 12 else 40.0
    gap = 12.0
    side = (W - labels_w - gap * (len(ks) - 1) - cbar - 4) / len(ks)
    cell = side / n
    fmt = cell_format([0.0, 1.0], cell, cell, ("{:.2f}",))
    col_labels = plan_labels(order, style, side, "x", thin=True, fontsize=6.0 if n > 12 else 6.5)
    row_labels = plan_labels(order, style, side, "y", thin=True, fontsize=6.0 if n > 12 else 6.5)
    labels_w = max(row_labels.depth + 4, col_labels.overhang + 2)
    side = (W - labels_w - gap * (len(ks) - 1) - cbar - 4) / len(ks)
    top = line_height(TITLE_PT) + 10 + line_height(8) + 6
    bottom = col_labels.depth + 4
    H = top + side + bottom
    fig = plt.figure(figsize=(W / 72, H / 72))
    rects = panel_rects(W / 72, H / 72, left=labels_w, right=4 + cbar, top=top, bottom=bottom, cols=len(ks), wgap=gap)[0]
    image = None
    for k, rect in zip(ks, rects):
        ax = fig.add_axes(rect)
        v = co[k].loc[order, order].to_numpy(dtype=float)
        image = draw_cells(ax, v, cmap="Purples", vmin=0, vmax=1.25, fmt=fmt)
        apply_labels(ax, "x", col_labels)
        if k == ks[0]:
            apply_labels(ax, "y", row_labels)
        else:
            ax.set_yticks([])
        ax.set_title(t["co_title"].format(k=k), fontsize=8, pad=3)
    if cbar:
        colorbar(fig, image, ((W - cbar + 6) / W, bottom / H + 0.1 * side / H, 6 / W, 0.8 * side / H), t["share_co"])
    fig.suptitle(t["co_sup"].format(B=B), y=1 - 3 / H, va="top", fontsize=TITLE_PT)
    return Chart(fig, "04", "bootstrap_cooccurrence", style.lang, t["bootstrap"].format(B=B) + style.highlight_note())


def theme_k_chart(scores, k: int, style: PlanStyle) -> Chart:
    """04_theme_k (one column): mean silhouette by the number of themes, the chosen k marked."""
    t = TEXT[style.lang]
    W = content_width(column=True)
    fig = plt.figure(figsize=(W, 2.3))
    ax = fig.add_axes(panel_rects(W, 2.3, left=40, right=6, top=line_height(9) + 8, bottom=34)[0][0])
    ax.plot(scores.k, scores.silhouette, marker="o", ms=3, color="0.3", lw=1)
    best = scores.set_index("k").silhouette[k]
    ax.plot([k], [best], marker="o", ms=6, mfc="none", mec="#d95f02", mew=1.2)
    ax.annotate(t["chosen"].format(k=k), (k, best), xytext=(-6, 8), textcoords="offset points", ha="right",
                fontsize=7, color="#d95f02")
    ax.set_xticks(list(scores.k))
    ax.set_xlabel(t["kx"])
    ax.set_ylabel(t["ky"], fontsize=7)
    ax.set_ylim(0, scores.silhouette.max() * 1.3)
    ax.set_title(t["k_title"], fontsize=9)
    return Chart(fig, "04", "theme_k", style.lang, t["theme_k"].format(k=k))


def themes_chart(shares, theme_names: dict, order, style: PlanStyle) -> Chart:
    """04_themes_by_plan: theme × plan shares (%), plans in ``order``, theme names on the left."""
    t = TEXT[style.lang]
    order = [d for d in order if d in shares.columns]
    v = 100 * shares.loc[:, order].to_numpy(dtype=float)
    rows = [theme_names[c] for c in shares.index]
    W = content_width() * 72.0
    names_w = min(widest(rows, 7) + 6, W * 0.48)
    cbar = 0.0 if style.small else 44.0
    heat_w = W - names_w - 4 - cbar
    n = len(order)
    cell_h = 14.0
    two_line = {d: "\n".join(style.labels[d].rsplit(" ", 1)) if len(style.labels[d]) > 14 else style.labels[d]
                for d in order} if style.small else None
    labels = plan_labels(order, style, heat_w, "x", thin=True, slant=False, names=two_line,
                         fontsize=6.5 if style.small else 6.0)
    top = line_height(TITLE_PT) + 8 + labels.depth
    H = top + len(rows) * cell_h + 6
    fig = plt.figure(figsize=(W / 72, H / 72))
    ax = fig.add_axes(panel_rects(W / 72, H / 72, left=names_w, right=4 + cbar, top=top, bottom=6)[0][0])
    fmt = cell_format(v, heat_w / n, cell_h, ("{:.0f}",))
    image = draw_cells(ax, v, cmap="Blues", vmin=0, vmax=v.max() * 1.15, fmt=fmt)
    place_labels(ax, "y", range(len(rows)), [shortened(r, names_w - 4, 7) for r in rows], fontsize=7, gid="row")
    apply_labels(ax, "x", labels, side="top")
    if cbar:
        colorbar(fig, image, ((W - cbar + 6) / W, 0.15, 6 / W, 0.6 * (H - top) / H), t["share"])
    fig.suptitle(t["themes_title"], y=1 - 3 / H, va="top", fontsize=TITLE_PT)
    return Chart(fig, "04", "themes_by_plan", style.lang, t["themes"].format(k=len(rows)) + style.highlight_note())
