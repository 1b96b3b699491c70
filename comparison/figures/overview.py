"""Figures of notebook 01: plan size and specificity, one bar per plan.

Few plans: side-by-side panels and grouped bars, every plan labelled and in its city colour. Many plans:
the panels stacked so each gets the page width, plans in province order with province bands, labels for
the highlighted plans only (the rest are read as a distribution).
"""
from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Patch

from comparison.figures.charts import Chart
from comparison.figures.fit import content_width, line_height, panel_rects, widest
from comparison.figures.marks import bars
from comparison.figures.plan_axis import apply_labels, draw_bands, plan_labels, province_bands
from comparison.figures.planstyle import PlanStyle

TITLE_PT = 9.6
TEXT = {
    "zh": dict(sent="句子（措施）", tgt="目标", base="基线事实", size_title="方案规模", n="数量",
               num="含数字", dead="含年份期限", resp="有责任单位", share="句子占比", spec_title="方案的具体程度",
               size_caption="各方案编码句子数（{left}）以及目标与基线事实数量（{right}）。",
               spec_caption="各方案的具体程度：含数字、含年份、所在条款列有责任单位的句子占比。",
               left="左", right="右", top="上", bottom="下"),
    "en": dict(sent="sentences (measures)", tgt="targets", base="baseline facts", size_title="Plan size", n="count",
               num="states a number", dead="names a year", resp="has responsible units", share="share of sentences",
               spec_title="Specificity",
               size_caption="Coded sentences per plan ({left}); targets and baseline facts stated ({right}).",
               spec_caption="Specificity: share of each plan's sentences that state a number, name a year, or sit in "
                            "a clause naming responsible units.",
               left="left", right="right", top="top", bottom="bottom"),
}
SPEC = (("share_number", "num", 1.0), ("share_deadline", "dead", 0.65), ("share_responsible", "resp", 0.35))


def _frame(style: PlanStyle, docs, panels: int, side_by_side: bool, legend: bool, ytick_labels,
           panel_h: float, panel_titles: bool = False):
    """Figure and axes for plan-per-bar panels at page width, margins measured from the labels they hold:
    side by side (few plans) or stacked with shared plan labels at the bottom (many plans)."""
    W = content_width() * 72.0
    left = widest(ytick_labels, 7) + line_height(8) + 12
    right = 8.0
    gap = left + 6
    length = (W - left - right - gap) / 2 if side_by_side else W - left - right
    labels = plan_labels(docs, style, length, "x", thin=False)
    if labels.overhang > left:  # slanted labels of the first plans reach past the left margin
        left = labels.overhang + 2
        gap = left + 6
        length = (W - left - right - gap) / 2 if side_by_side else W - left - right
        labels = plan_labels(docs, style, length, "x", thin=False)
    bands = None if side_by_side else province_bands(docs, style, length, "x")
    title_h = line_height(7) + 4 if panel_titles else 0.0
    top = line_height(TITLE_PT) + 6 + (line_height(7) + 4 if legend else 0) + (bands.depth if bands else 0) + title_h
    bottom = labels.depth + 4
    rows, cols = (1, panels) if side_by_side else (panels, 1)
    hgap = 8.0 + title_h
    H = top + bottom + rows * panel_h + (rows - 1) * hgap
    fig = plt.figure(figsize=(W / 72.0, H / 72.0))
    rects = panel_rects(W / 72.0, H / 72.0, left=left, right=right, bottom=bottom, top=top, rows=rows,
                        cols=cols, wgap=gap, hgap=hgap)
    axes = [fig.add_axes(r) for row in rects for r in row]
    for k, ax in enumerate(axes):
        ax.set_xlim(-0.6, len(docs) - 0.4)
        if side_by_side or k == len(axes) - 1:
            apply_labels(ax, "x", labels)
        else:
            ax.tick_params(axis="x", labelbottom=False, length=0)
        names = draw_bands(ax, "x", bands if k == 0 else bands and bands.unnamed())
        ax.title_pad = 2 + names  # a panel title goes above the province names
    return fig, axes, (W, H, top, right)


def _title_and_legend(fig, dims, title: str, handles) -> None:
    W, H, top, right = dims
    fig.suptitle(title, x=0.5, y=1 - 3 / H, va="top", fontsize=TITLE_PT)
    if handles:
        fig.legend(handles=handles, loc="upper right", bbox_to_anchor=(1 - right / W, 1 - (line_height(TITLE_PT) + 5) / H),
                   ncols=len(handles), frameon=False, fontsize=7, borderaxespad=0, borderpad=0.2,
                   handlelength=1.5, columnspacing=1.2)


def _panel_names(style: PlanStyle, side_by_side: bool) -> tuple[str, str]:
    t = TEXT[style.lang]
    return (t["left"], t["right"]) if side_by_side else (t["top"], t["bottom"])


def plan_size(overview, style: PlanStyle) -> Chart:
    """Coded sentences per plan, and targets and baseline facts stated."""
    t = TEXT[style.lang]
    docs = style.ordered(overview.doc_id)
    ov = overview.assign(doc_id=overview.doc_id.astype(str)).set_index("doc_id").loc[docs]
    colors = [style.colors[d] for d in docs]
    side_by_side = style.small
    handles = [Patch(facecolor="0.5", label=t["tgt"]),
               Patch(facecolor="0.5", alpha=0.45, hatch="//" if side_by_side else None, label=t["base"])]
    handles += style.type_handles(docs)
    ticks = [str(v) for v in (ov.n_sentences.max(), ov.n_targets.max(), ov.n_baselines.max())]
    fig, (ax_s, ax_q), dims = _frame(style, docs, 2, side_by_side, True, ticks + ["000"],
                                     130.0 if side_by_side else 80.0)
    x = np.arange(len(docs))
    bars(ax_s, x, ov.n_sentences, colors=colors)
    ax_s.set_ylabel(t["sent"])
    bars(ax_q, x - 0.2, ov.n_targets, width=0.4, colors=colors)
    bars(ax_q, x + 0.2, ov.n_baselines, width=0.4, colors=colors, alpha=0.45, hatch="//" if side_by_side else None)
    ax_q.set_ylabel(t["n"])
    for ax in (ax_s, ax_q):
        ax.yaxis.get_major_locator().set_params(integer=True)
    _title_and_legend(fig, dims, t["size_title"], handles)
    a, b = _panel_names(style, side_by_side)
    return Chart(fig, "01", "plan_size", style.lang, t["size_caption"].format(left=a, right=b) + style.highlight_note())


def specificity(overview, style: PlanStyle) -> Chart:
    """Share of each plan's sentences that state a number, name a year, or sit in a clause naming units."""
    t = TEXT[style.lang]
    docs = style.ordered(overview.doc_id)
    ov = overview.assign(doc_id=overview.doc_id.astype(str)).set_index("doc_id").loc[docs]
    colors = [style.colors[d] for d in docs]
    x = np.arange(len(docs))
    if style.small:
        handles = [Patch(facecolor="0.5", alpha=a, edgecolor="black", linewidth=0.3, label=t[k]) for _, k, a in SPEC]
        fig, (ax,), dims = _frame(style, docs, 1, False, True, ["0.00"], 130.0)
        width = 0.25
        for k, (col, _, alpha) in enumerate(SPEC):
            bars(ax, x + (k - 1) * width, ov[col], width=width, colors=colors, alpha=alpha, edgecolor="black",
                 linewidth=0.3)
        ax.set_ylabel(t["share"])
        ax.set_ylim(0, 1)
        _title_and_legend(fig, dims, t["spec_title"], handles)
    else:
        fig, axes, dims = _frame(style, docs, 3, False, bool(style.type_handles(docs)), ["0.00"], 60.0,
                                 panel_titles=True)
        for ax, (col, key, _) in zip(axes, SPEC):
            bars(ax, x, ov[col], colors=colors)
            ax.set_ylim(0, 1)
            ax.set_title(f"{t[key]} ({t['share']})" if style.lang == "en" else f"{t[key]}（{t['share']}）",
                         loc="left", fontsize=7, pad=ax.title_pad)
        _title_and_legend(fig, dims, t["spec_title"], style.type_handles(docs))
    return Chart(fig, "01", "specificity", style.lang, t["spec_caption"] + style.highlight_note())
