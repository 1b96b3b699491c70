"""Figures of notebook 07: city targets against their province's and the nation's (labels in zh and en).

- ``values_figure``: one panel per indicator; each row a city target (a dot in its plan's colour) with the
  provincial (triangle) and national (square) values it compares with.
- ``status_figure``: per plan, the pairs against the province and against the nation by status.
Both take ``highlight`` (doc_ids): those plans keep their colours, the others turn grey, as context.
Both fit the page width (7.2 in exported: the figure is drawn 7.0 in wide, ``save_figure`` adds 0.1 in each side) and grow in height with the number of targets and plans.
"""
from __future__ import annotations

import math
import textwrap

import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from comparison.analysis.alignment import (LEVEL_LABELS, LEVELS, STATUS_LABELS, compared,
                                           status_counts)
from comparison.analysis.targets import unit_label
from comparison.figures import plotting
from comparison.figures.fit import content_width
from comparison.tables.alignment import STATUSES

GREY = "#bdbdbd"
STATUS_COLORS = {"exceeds": "#2c7bb6", "matches": "#abd9e9", "below": "#d7191c", "looser_comparator": "#fdae61",
                 "not_comparable": "#d9d9d9"}
MARKERS = {"provincial": "^", "national": "s"}
TEXT = {
    "en": dict(city="city target", value="target value ({unit})", pairs="pairs of targets",
               against="against the {level}", none="No target of the selected plans compares with a reference."),
    "zh": dict(city="城市目标", value="目标值（{unit}）", pairs="目标对数", against="与{level}目标相比",
               none="所选方案没有可与上级目标比较的目标。"),
}
WRAP = {"en": 38, "zh": 18}


def _color(doc_id: str, colors: dict, highlight) -> str:
    return colors[doc_id] if not highlight or doc_id in highlight else GREY


def values_figure(alignment: pd.DataFrame, plan_labels: dict, colors: dict, lang: str, highlight=None):
    """City target values beside the provincial and national values they compare with, one panel per indicator."""
    pairs = compared(alignment)
    t = TEXT[lang]
    if pairs.empty:
        fig, ax = plotting.new_figure(plotting.COLUMN_WIDTH_IN, 1.0)
        ax.axis("off")
        ax.text(0.5, 0.5, t["none"], ha="center", va="center", wrap=True)
        return fig
    indicators = list(dict.fromkeys(pairs.indicator_id))
    ncols = 1 if len(indicators) == 1 else 2
    nrows = math.ceil(len(indicators) / ncols)
    rows_per_panel = [pairs[pairs.indicator_id == i].quantity_id.nunique() for i in indicators]
    height = sum(0.75 + 0.2 * max(rows_per_panel[r * ncols:(r + 1) * ncols]) for r in range(nrows)) + 0.4
    fig, axes = plotting.new_figure(content_width(), height, nrows=nrows, ncols=ncols, squeeze=False,
                                    layout="constrained")
    for ax in axes.flat[len(indicators):]:
        ax.axis("off")
    for ax, indicator in zip(axes.flat, indicators):
        part = pairs[pairs.indicator_id == indicator]
        targets = list(dict.fromkeys(part.quantity_id))
        labels = []
        for y, quantity_id in enumerate(targets):
            rows = part[part.quantity_id == quantity_id]
            first = rows.iloc[0]
            doc_id = str(first.doc_id)
            scope = "" if pd.isna(first.scope) or first.scope in ("", "全市", "市") else f" · {first.scope}"
            labels.append(plan_labels[doc_id] + scope)
            for level in LEVELS:
                values = rows.reference_value_std[rows.reference_level == level].drop_duplicates()
                ax.scatter(values, [y] * len(values), marker=MARKERS[level], s=64, facecolor="white",
                           edgecolor="#404040", linewidth=0.8, zorder=2)
            ax.scatter([first.value_std], [y], s=20, color=_color(doc_id, colors, highlight), zorder=3)
        ax.set_yticks(range(len(targets)), labels)
        for tick, quantity_id in zip(ax.get_yticklabels(), targets):
            tick.set_color(_color(str(part.doc_id[part.quantity_id == quantity_id].iloc[0]), colors, highlight))
        ax.set_ylim(len(targets) - 0.5, -0.5)
        ax.set_title("\n".join(textwrap.wrap(str(part[f"label_{lang}"].iloc[0]), WRAP[lang])), fontsize=8)
        ax.set_xlabel(t["value"].format(unit=unit_label(part.unit_std.iloc[0], lang)))
        low = min(part.value_std.min(), part.reference_value_std.min())
        high = max(part.value_std.max(), part.reference_value_std.max())
        pad = (high - low) * 0.15 or max(abs(high) * 0.1, 1)
        ax.set_xlim(low - pad, high + pad)
        ax.tick_params(axis="y", length=0)
        ax.grid(axis="x", linewidth=0.3, color="#e0e0e0")
        ax.set_axisbelow(True)
    handles = [Line2D([], [], marker="o", linestyle="", color="#606060", label=t["city"])]
    handles += [Line2D([], [], marker=MARKERS[level], linestyle="", markerfacecolor="white", color="#404040",
                       label=LEVEL_LABELS[lang][level]) for level in LEVELS]
    fig.legend(handles=handles, loc="outside lower center", ncols=3, frameon=False)
    return fig


def status_figure(alignment: pd.DataFrame, plan_labels: dict, colors: dict, lang: str, highlight=None):
    """Pairs per plan against the province and against the nation, stacked by status; every plan of
    ``plan_labels`` has a row (empty when none of its targets has a reference)."""
    t = TEXT[lang]
    counts = status_counts(alignment, list(plan_labels))
    plans = list(dict.fromkeys(counts.index.get_level_values("doc_id")))
    fig, axes = plotting.new_figure(content_width(), 0.9 + 0.22 * max(len(plans), 1), ncols=2, sharey=True,
                                    squeeze=False, layout="constrained")
    xmax = max(int(counts.sum(axis=1).max()) if len(counts) else 0, 1)
    for ax, level in zip(axes[0], LEVELS):
        part = counts.xs(level, level="reference_level") if len(counts) else counts
        left = pd.Series(0, index=plans, dtype=float)
        for status in STATUSES:
            width = part[status].reindex(plans, fill_value=0) if len(part) else left * 0
            alpha = [1.0 if not highlight or d in highlight else 0.35 for d in plans]
            bars = ax.barh(range(len(plans)), width, left=left, color=STATUS_COLORS[status], height=0.65)
            for bar, a in zip(bars, alpha):
                bar.set_alpha(a)
            left += width
        ax.set_title(t["against"].format(level=LEVEL_LABELS[lang][level]))
        ax.set_xlabel(t["pairs"])
        ax.set_xlim(0, xmax + 0.5)
        ax.xaxis.get_major_locator().set_params(integer=True)
    axes[0][0].set_yticks(range(len(plans)), [plan_labels[d] for d in plans])
    for tick, d in zip(axes[0][0].get_yticklabels(), plans):
        tick.set_color(_color(d, colors, highlight))
    axes[0][0].set_ylim(len(plans) - 0.5, -0.5)
    axes[0][0].tick_params(axis="y", length=0)
    handles = [Patch(color=STATUS_COLORS[s], label=STATUS_LABELS[lang][s]) for s in STATUSES]
    fig.legend(handles=handles, loc="outside lower center", ncols=len(STATUSES), frameon=False)
    return fig


def values_caption(alignment: pd.DataFrame, lang: str) -> str:
    """The caption of the values figure, with the number of compared pairs."""
    pairs = compared(alignment)
    if lang == "zh":
        return (f"城市目标（圆点，方案颜色）与其所在省份（三角形）和国家（方形）同一指标、同一目标年份的目标值，共 {len(pairs)} 对可比较的目标。"
                "数值按指标的标准单位；降幅类指标（能耗下降）数值越大越有雄心。")
    return (f"City targets (dots, plan colours) beside the targets of their province (triangles) and the nation "
            f"(squares) for the same indicator and target year: {len(pairs)} pairs that compare. Values in the "
            "indicator's canonical unit; for a reduction (energy intensity) a larger value is more ambitious.")


def status_caption(alignment: pd.DataFrame, lang: str) -> str:
    """The caption of the status figure, naming the examples of each status that occur."""
    if lang == "zh":
        return ("各方案目标与省级和国家同一指标目标的比较结果（按指标方向：越低越好的指标数值更小即为高于）。"
                "不可比较：目标年份、基准年、适用范围或口径不同，或上级目标为定性表述、全域总量。"
                f"共 {len(alignment)} 对。")
    return ("Each plan's targets against the province's and the nation's targets of the same indicator, by status "
            "(in the indicator's direction: for a lower-is-better indicator a smaller value exceeds). Not comparable: "
            "a different target year, base year, scope or measure, or a reference stated in words or as a territorial "
            f"total. {len(alignment)} pairs.")


