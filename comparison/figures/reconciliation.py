"""Reconciliation, a figure of notebook 02: where two plans of one city agree, conflict or set an indicator alone.

``reconciliation_charts`` draws what the loaded plans call for: nothing when no city has two plans; for one
pair, the pair in detail (indicators per status, and the indicators both plans set with their targets); for
several pairs, one bar per pair, its indicators split by status, pairs in the plans' display order and
continued in parts (02_reconciliation_part2 …) when taller than a page. ``docs`` = one pair gives its detail.
"""
from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Patch

from comparison.analysis.targets import PAIR_STATUSES, pair_counts, reconcile, reconcile_pairs, status_counts
from comparison.figures.charts import Chart, part_name
from comparison.figures.fit import content_width, legend_columns, line_height, shortened, widest
from comparison.figures.layout import MAX_HEIGHT_IN
from comparison.figures.planstyle import PlanStyle
from comparison.tables.plan_labels import pair_label, split_common

NAME = "reconciliation"
TITLE_PT = 9.6
TEXT = {
    "zh": dict(agree="一致", conflict="不一致", only="仅", n="指标数", both="两方案均设定的指标", title="{a}与{b}的目标对照",
               value="数值不同", comparator="比较符不同", more="另有 {k} 项",
               caption="{a}与{b}方案目标指标对照：一致、不一致（数值或比较符不同）或仅一份方案设定（左）；两方案均设定的指标及其目标值（右）。",
               pairs_title="同一城市前后方案的目标对照", part="（续 {k}）", only_a="仅见于较早的方案", only_b="仅见于较晚的方案",
               pairs_caption="同一城市的每份方案与该市前一份方案（按年份，同年的征求意见稿在正式稿之前）逐项对照目标指标（{n} 对）：一致、"
                             "不一致（数值或比较符不同）、仅见于较早或较晚的方案；每对的明细见 {table}，只选一对方案（docs）时图中列出其共同指标。"),
    "en": dict(agree="agree", conflict="conflict", only="only in ", n="indicators", both="Indicators both plans set",
               title="{a} and {b}: targets reconciled", value="value differs", comparator="comparator differs",
               more="{k} more", caption="{a} and {b} targets compared indicator by indicator: agree, conflict (value or "
               "comparator differs), or set in one plan only (left); the indicators both set, with their targets (right).",
               pairs_title="Targets of a city's successive plans reconciled", part=" (continued, {k})",
               only_a="only in the earlier plan", only_b="only in the later plan",
               pairs_caption="Each plan of a city compared with the city's plan before it (by year, a draft before "
                             "the final text; {n} pairs), indicator by indicator: agree, conflict (value or comparator "
                             "differs), or set only in the earlier or the later plan; each pair's indicators in "
                             "{table}, and a selection of one pair (docs) lists the indicators both set."),
}
CONFLICT = "#c0392b"
STATUS_COLORS = {"agree": "0.55", "conflict": CONFLICT, "only_a": "#9ecae1", "only_b": "#3182bd"}
MAX_BOTH = 10
ROW_PT = 9.0
BAR_FONT = 6.5


def reconciliation_charts(quantities, pairs, style: PlanStyle, table_path: str = "02_reconciliation.csv") -> list[Chart]:
    """02_reconciliation for the given pairs (``analysis.targets.same_city_pairs``): none, one pair in detail,
    or every pair as a bar (in parts when taller than a page)."""
    if not pairs:
        return []
    if len(pairs) == 1:
        (a, b), = pairs
        rec = reconcile(quantities, a, b, style.lang)
        return [reconciliation_chart(rec, status_counts(rec, a, b), a, b, style)]
    counts = pair_counts(reconcile_pairs(quantities, pairs, style.lang), pairs)
    return pairs_charts(counts, style, table_path)


def reconciliation_chart(rec, counts, a: str, b: str, style: PlanStyle) -> Chart:
    """One pair in detail: ``rec`` and ``counts`` from ``analysis.targets.reconcile`` and ``status_counts``.
    Left: indicators per status; right: the indicators both plans set, with their targets."""
    t = TEXT[style.lang]
    name = lambda d: style.labels.get(d, d)  # noqa: E731
    names = [shortened(s, 150, 7) for s in (t["agree"], t["conflict"], t["only"] + name(a), t["only"] + name(b))]
    bar_colors = ["0.55", CONFLICT, style.colors.get(a, "0.3"), style.colors.get(b, "0.7")]
    both = rec[rec.status.isin(["agree", "conflict"])]
    shown, hidden = both.iloc[:MAX_BOTH], max(0, len(both) - MAX_BOTH)
    W = content_width() * 72.0
    row_h = 2 * line_height(6.5) + 4
    H = max(144.0, line_height(TITLE_PT) + 14 + line_height(8) + 14 + (len(shown) + (1 if hidden else 0) + 1) * row_h)
    fig = plt.figure(figsize=(W / 72, H / 72))
    label_w = widest(names, 7) + 8
    bar_w = max(W * 0.36, label_w + 80)
    ax = fig.add_axes((label_w / W, 34 / H, (bar_w - label_w) / W, 1 - (34 + line_height(TITLE_PT) + 40) / H))
    y = np.arange(len(counts))[::-1]
    ax.barh(y, counts.to_numpy(), color=bar_colors, height=0.65)
    for yy, v in zip(y, counts):
        ax.annotate(str(v), (v, yy), xytext=(3, 0), textcoords="offset points", va="center", fontsize=7)
    ax.set_yticks(y, names, fontsize=7)
    ax.set_xlabel(t["n"])
    ax.set_xlim(0, counts.max() * 1.15 + 1)
    ax.tick_params(axis="y", length=0)
    ax.xaxis.get_major_locator().set_params(integer=True)
    table = fig.add_axes(((bar_w + 16) / W, 4 / H, (W - bar_w - 20) / W, 1 - (line_height(TITLE_PT) + 12) / H))
    table.set_axis_off()
    table.set_xlim(0, W - bar_w - 20)
    table.set_ylim(0, H - line_height(TITLE_PT) - 16)
    top = H - line_height(TITLE_PT) - 16
    table.text(0, top - 2, t["both"], fontsize=8, va="top")
    width = W - bar_w - 20
    heads = [shortened(h, (width - 40) / 3, 7) for h in split_common(name(a), name(b))[1:]]
    values = [str(v) for col in (a, b) for v in shown[col]] + heads
    value_w = widest(values, 7) + 8
    status_w = widest([t["agree"], t["conflict"], f"({t['value']})", f"({t['comparator']})"], 6.5) + 2
    x_a, x_b = width - status_w - 2 * value_w, width - status_w - value_w
    x_st = width - status_w
    y0 = top - line_height(8) - 6
    for x, head in ((x_a, heads[0]), (x_b, heads[1])):
        table.text(x, y0, head, fontsize=7, va="top", color="0.35")
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
    fig.suptitle(t["title"].format(a=name(a), b=name(b)), y=1 - 3 / H, va="top", fontsize=TITLE_PT)
    return Chart(fig, "02", NAME, style.lang, t["caption"].format(a=name(a), b=name(b)) + style.highlight_note())


def pairs_charts(counts, style: PlanStyle, table_path: str) -> list[Chart]:
    """Every pair as one bar of its indicators by status (``analysis.targets.pair_counts``), pairs in the
    display order of their first plan; with a highlight, the pairs of highlighted plans in full colour."""
    t = TEXT[style.lang]
    rank = {d: k for k, d in enumerate(style.order)}
    counts = counts.assign(_r=counts.plan_a.map(rank).fillna(len(rank))).sort_values("_r", kind="stable")
    counts = counts.drop(columns="_r").reset_index(drop=True)
    W = content_width() * 72.0
    name = lambda d: style.labels.get(d, d)  # noqa: E731
    labels = [pair_label(name(a), name(b)) for a, b in zip(counts.plan_a, counts.plan_b)]
    label_w = min(widest(labels, BAR_FONT) + 6, W * 0.45)
    labels = [shortened(s, label_w - 6, BAR_FONT) for s in labels]
    handles = [Patch(color=STATUS_COLORS[s], label=t[s]) for s in PAIR_STATUSES]
    ncols = legend_columns(handles, 7, W)
    legend_h = -(-len(handles) // ncols) * line_height(7) + 8
    top = line_height(TITLE_PT) + 10 + legend_h
    bottom = 30.0
    per_page = max(1, int((MAX_HEIGHT_IN * 72 - 20 - top - bottom) // ROW_PT))
    per_page = -(-len(counts) // -(-len(counts) // per_page))  # as many pages as needed, rows shared evenly
    widest_bar = max(1, int(counts[PAIR_STATUSES].sum(axis=1).max()))
    charts = []
    for k, start in enumerate(range(0, len(counts), per_page), start=1):
        part = counts.iloc[start:start + per_page]
        H = top + bottom + len(part) * ROW_PT
        fig = plt.figure(figsize=(W / 72, H / 72))
        ax = fig.add_axes((label_w / W, bottom / H, (W - label_w - 8) / W, len(part) * ROW_PT / H))
        y = np.arange(len(part))[::-1]
        left = np.zeros(len(part))
        focus = np.array([style.focus(a) or style.focus(b) for a, b in zip(part.plan_a, part.plan_b)])
        for s in PAIR_STATUSES:
            v = part[s].to_numpy(dtype=float)
            ax.barh(y[focus], v[focus], left=left[focus], color=STATUS_COLORS[s], height=0.7)
            ax.barh(y[~focus], v[~focus], left=left[~focus], color=STATUS_COLORS[s], height=0.7, alpha=0.3)
            left += v
        ax.set_ylim(-0.5, len(part) - 0.5)
        ax.set_xlim(0, widest_bar * 1.02)
        ax.set_yticks(y, labels[start:start + per_page], fontsize=BAR_FONT)
        for tick, a, b in zip(ax.get_yticklabels(), part.plan_a, part.plan_b):
            tick.set_color("black" if style.focus(a) or style.focus(b) else "0.45")
        ax.tick_params(axis="y", length=0)
        ax.set_xlabel(t["n"])
        ax.xaxis.get_major_locator().set_params(integer=True)
        ax.grid(axis="x", color="0.9", linewidth=0.5)
        ax.set_axisbelow(True)
        fig.legend(handles=handles, ncols=ncols, fontsize=7, frameon=False, loc="upper center",
                   bbox_to_anchor=(0.5, 1 - (line_height(TITLE_PT) + 6) / H), handlelength=1.2, columnspacing=1.2)
        fig.suptitle(t["pairs_title"] + (t["part"].format(k=k) if k > 1 else ""), y=1 - 3 / H, va="top",
                     fontsize=TITLE_PT)
        charts.append(Chart(fig, "02", part_name(NAME, k), style.lang,
                            t["pairs_caption"].format(n=len(counts), table=table_path) + style.highlight_note()))
    return charts
