"""Figures of notebook 07: city targets against their province's and the nation's (labels in zh and en).

- ``values_charts`` (07_alignment_values, continued in parts when taller than a page): one panel per
  indicator, only the pairs that compare (same year, base year, scope and measure, a number on both
  sides; the status figure counts the others). While no indicator has more than ``FEW_TARGETS`` compared
  targets, each row is a city target: a dot in its plan's colour beside the provincial (triangle) and
  national (square) values it compares with. Beyond that each row is a province: its cities' targets as
  dots (jittered; the highlighted plans in colour and larger, the others grey, or coloured by plan type),
  the province's values as triangles and the national values its cities compare with as squares.
- ``status_chart`` (07_alignment_status): one stacked bar per plan and level (province, nation), the pairs
  by status, every plan on a plan axis (first on top, province bands and thinned labels when many; a plan
  without a reference has an empty row). With a highlight the other plans' bars are faded.

Marks are drawn one collection per series (a scatter per marker kind and panel, the bars as polygons), and
the axes are placed by measured text sizes (no constrained layout), so a figure of 300 plans draws fast.
"""
from __future__ import annotations

import textwrap

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib import colors as mcolors
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator

from comparison.analysis.alignment import LEVEL_LABELS, LEVELS, STATUS_LABELS, compared, status_counts
from comparison.analysis.targets import unit_label
from comparison.figures.charts import Chart, part_name
from comparison.figures.fit import (content_width, legend_columns, line_height, panel_rects, shortened, text_size,
                                    widest)
from comparison.figures.layout import MAX_HEIGHT_IN
from comparison.figures.marks import bars
from comparison.figures.plan_axis import (MAX_LABEL_PT, MAX_PROVINCE_PT, PLAN_FONT, AxisLabels, apply_labels,
                                          draw_bands, place_labels, plan_labels, province_bands)
from comparison.figures.planstyle import GREY, PlanStyle
from comparison.tables.alignment import STATUSES

FEW_TARGETS = 12        # up to this many compared targets per indicator, one row per target
PLAN_ROWS = 50          # up to this many plans the status figure has a bar per plan, beyond a bar per province
STATUS_COLORS = {"exceeds": "#2c7bb6", "matches": "#abd9e9", "below": "#d7191c", "looser_comparator": "#fdae61",
                 "not_comparable": "#d9d9d9"}
MARKERS = {"provincial": "^", "national": "s"}
REFERENCE_EDGE = "#303030"
TITLE_PT = 7.5
TICK_PT = 6.5
LABEL_PT = 7.0
LEGEND_PT = 6.5
TARGET_ROW_PT = 14.0    # a city target's row
PROVINCE_ROW_PT = 9.5   # a province's row
PANEL_GAP_PT = 16.0
TEXT = {
    "en": dict(city="city target", value="target value ({unit})", pairs="pairs of targets", share="share of pairs (%)",
               against="against the {level}", none="No target of the selected plans compares with a reference.",
               n="{k} targets, {p} plans"),
    "zh": dict(city="城市目标", value="目标值（{unit}）", pairs="目标对数", share="目标对占比（%）", against="与{level}目标相比",
               none="所选方案没有可与上级目标比较的目标。", n="{k} 项目标，{p} 个方案"),
}


def _few(pairs: pd.DataFrame) -> bool:
    """Whether every indicator has few enough compared targets for a row each."""
    return pairs.empty or int(pairs.groupby("indicator_id", observed=True).quantity_id.nunique().max()) <= FEW_TARGETS


def _scope(scope) -> str:
    return "" if pd.isna(scope) or scope in ("", "全市", "市") else f" · {scope}"


def _title(name: str, suffix: str, lang: str, width_pt: float) -> str:
    """``name`` and ``suffix`` (the counts) on at most two lines of ``width_pt``: the name is shortened, never the
    counts."""
    per_line = max(8, int(width_pt / text_size("n" if lang == "en" else "南", TITLE_PT)[0]))
    split = (lambda s: textwrap.wrap(s, per_line)) if lang == "en" else (
        lambda s: [s[k:k + per_line] for k in range(0, len(s), per_line)])
    whole = split(name + suffix)
    if len(whole) <= 2 and all(text_size(w, TITLE_PT)[0] <= width_pt for w in whole):
        return "\n".join(whole)
    lines = split(name)
    first = shortened(lines[0], width_pt, TITLE_PT)
    rest = (" " if lang == "en" else "").join(lines[1:]).strip()
    tail = text_size(suffix, TITLE_PT)[0]
    second = (shortened(rest, width_pt - tail, TITLE_PT) if rest else "").strip() + suffix
    return f"{first}\n{second.strip()}"


def _panel_rows(part: pd.DataFrame, style: PlanStyle, few: bool):
    """The rows of one indicator's panel: (label, label colour) per row, and per pair its row."""
    if few:
        targets = part.drop_duplicates("quantity_id")
        targets = targets.assign(_k=targets.doc_id.astype(str).map({d: k for k, d in enumerate(style.order)}))
        targets = targets.sort_values("_k", kind="stable")
        keys = list(targets.quantity_id)
        labels = [(shortened(style.labels[str(d)] + _scope(s), MAX_LABEL_PT, PLAN_FONT, keep_tail=True),
                   style.label_color(str(d)))
                  for d, s in zip(targets.doc_id, targets.scope)]
        return labels, part.quantity_id.map({q: k for k, q in enumerate(keys)}).to_numpy()
    province = part.doc_id.astype(str).map(style.provinces)
    seen = list(dict.fromkeys(style.provinces[d] for d in style.order))
    keys = [p for p in seen if p in set(province)]
    return ([(shortened(p, MAX_PROVINCE_PT * 1.6, PLAN_FONT), "#222222") for p in keys],
            province.map({p: k for k, p in enumerate(keys)}).to_numpy())


def _limits(part: pd.DataFrame) -> tuple[float, float]:
    values = np.concatenate([part.value_std.to_numpy(float), part.reference_value_std.to_numpy(float)])
    low, high = float(np.nanmin(values)), float(np.nanmax(values))
    pad = (high - low) * 0.12 or max(abs(high) * 0.1, 1.0)
    return low - pad, high + pad


def _values_panel(ax, part: pd.DataFrame, style: PlanStyle, few: bool, width_pt: float) -> None:
    """One indicator: references as hollow triangles and squares, city targets as dots, rows labelled."""
    t = TEXT[style.lang]
    labels, row = _panel_rows(part, style, few)
    for level in LEVELS:
        at = part.reference_level.to_numpy() == level
        refs = pd.DataFrame({"x": part.reference_value_std.to_numpy(float)[at], "y": row[at]}).drop_duplicates()
        if len(refs):
            # few: a white marker under the city's dot (a target that matches shows as a dot inside it); many:
            # an outline over the cities' dots
            ax.scatter(refs.x, refs.y, marker=MARKERS[level], s=42 if few else 34,
                       facecolor="white" if few else "none", edgecolor=REFERENCE_EDGE, linewidth=0.8,
                       zorder=2 if few else 5, gid=level)
    targets = part.assign(_row=row).drop_duplicates("quantity_id")
    doc = targets.doc_id.astype(str).to_numpy()
    y = targets._row.to_numpy(float)
    if not few:  # a province's cities spread over its row, the same spread in every run
        y = y + np.random.default_rng(len(targets)).uniform(-0.3, 0.3, len(targets))
    focus = np.array([style.focus(d) and style.mode == "highlight" for d in doc], dtype=bool)
    rest = ~focus
    ax.scatter(targets.value_std.to_numpy(float)[rest], y[rest], s=20 if few else 9,
               color=[style.colors[d] for d in doc[rest]], linewidth=0, zorder=3, gid="city")
    if focus.any():
        ax.scatter(targets.value_std.to_numpy(float)[focus], y[focus], s=26, color=[style.colors[d] for d in doc[focus]],
                   edgecolor="black", linewidth=0.4, zorder=6, gid="highlighted")
    place_labels(ax, "y", range(len(labels)), [s for s, _ in labels], colors=[c for _, c in labels],
                 fontsize=PLAN_FONT, gid="row")
    ax.set_ylim(len(labels) - 0.5, -0.5)
    ax.set_xlim(*_limits(part))
    ax.xaxis.set_major_locator(MaxNLocator(4, steps=[1, 2, 2.5, 5, 10]))
    ax.tick_params(axis="x", labelsize=TICK_PT, length=2.5, pad=1.5)
    ax.set_xlabel(t["value"].format(unit=unit_label(part.unit_std.iloc[0], style.lang)), fontsize=LABEL_PT,
                  labelpad=2)
    ax.grid(axis="x", linewidth=0.3, color="#e0e0e0")
    ax.set_axisbelow(True)
    if not few:
        for k in range(1, len(labels), 2):
            ax.axhspan(k - 0.5, k + 0.5, color="#f3f3f3", zorder=0, linewidth=0)
    name = str(part.indicator.iloc[0] if "indicator" in part else part[f"label_{style.lang}"].iloc[0])
    suffix = ""
    if not few:
        count = t["n"].format(k=part.quantity_id.nunique(), p=part.doc_id.astype(str).nunique())
        suffix = f" ({count})" if style.lang == "en" else f"（{count}）"
    ax.set_title(_title(name, suffix, style.lang, width_pt), fontsize=TITLE_PT, loc="left", pad=3)


def _legend_rows(handles, W: float) -> int:
    return -(-len(handles) // legend_columns(handles, LEGEND_PT, W))


def _legend(fig, handles, W: float, H: float) -> None:
    fig.legend(handles=handles, loc="lower center", bbox_to_anchor=(0.5, 2 / H),
               ncols=legend_columns(handles, LEGEND_PT, W),
               frameon=False, fontsize=LEGEND_PT, borderaxespad=0, handlelength=1.2, columnspacing=1.0,
               handletextpad=0.4)


def _values_handles(pairs: pd.DataFrame, style: PlanStyle, few: bool) -> list:
    t = TEXT[style.lang]
    dot = dict(marker="o", linestyle="", markersize=4.5)
    handles = [Line2D([], [], color="#606060", label=t["city"], **dot)]
    handles += [Line2D([], [], marker=MARKERS[level], linestyle="", markerfacecolor="white", color=REFERENCE_EDGE,
                       markersize=5, label=LEVEL_LABELS[style.lang][level]) for level in LEVELS]
    if few:
        return handles  # the rows name the plans, in their colours
    shown = set(pairs.doc_id.astype(str))
    if style.mode == "type":
        handles += [Line2D([], [], color=h.get_facecolor(), label=h.get_label(), **dot)
                    for h in style.type_handles(sorted(shown))]
    else:
        plans = style.highlight if style.mode == "highlight" else style.order
        handles += [Line2D([], [], color=style.colors[d], label=shortened(style.labels[d], MAX_LABEL_PT, LEGEND_PT),
                           **dot) for d in plans if d in shown]
    return handles


def _empty_chart(style: PlanStyle, name: str, caption: str) -> Chart:
    fig = plt.figure(figsize=(content_width(column=True), 0.6))
    fig.text(0.5, 0.5, TEXT[style.lang]["none"], ha="center", va="center", fontsize=7)
    return Chart(fig, "07", name, style.lang, caption)


def values_charts(alignment: pd.DataFrame, style: PlanStyle) -> list[Chart]:
    """07_alignment_values and its parts: one panel per indicator with a compared pair."""
    pairs = compared(alignment)
    pairs = pairs.assign(doc_id=pairs.doc_id.astype(str))
    few = _few(pairs)
    caption = values_caption(alignment, style.lang, few) + style.highlight_note()
    if pairs.empty:
        return [_empty_chart(style, "alignment_values", caption)]
    indicators = list(dict.fromkeys(pairs.indicator_id))
    by_indicator = dict(tuple(pairs.groupby("indicator_id", sort=False)))
    row_labels = {i: [s for s, _ in _panel_rows(by_indicator[i], style, few)[0]] for i in indicators}
    rows = {i: len(labels) for i, labels in row_labels.items()}
    ncols = 1 if len(indicators) == 1 else 2
    W = content_width() * 72.0
    left = max(widest(labels, PLAN_FONT) for labels in row_labels.values()) + 6
    panel_w = (W - ncols * left - (ncols - 1) * PANEL_GAP_PT - 8) / ncols
    pitch = TARGET_ROW_PT if few else PROVINCE_ROW_PT
    title_h = 2 * line_height(TITLE_PT) + 5
    axis_h = line_height(TICK_PT) + line_height(LABEL_PT) + 8
    handles = _values_handles(pairs, style, few)
    legend_h = _legend_rows(handles, W) * (line_height(LEGEND_PT) + 3) + 8
    grid = [indicators[k:k + ncols] for k in range(0, len(indicators), ncols)]
    heights = [title_h + axis_h + max(rows[i] for i in line) * pitch for line in grid]
    room = MAX_HEIGHT_IN * 72 - legend_h - 30
    parts, current, used = [], [], 0.0
    for line, h in zip(grid, heights):
        if current and used + h > room:
            parts.append(current)
            current, used = [], 0.0
        current.append((line, h))
        used += h
    parts.append(current)
    charts = []
    for k, part in enumerate(parts, start=1):
        H = sum(h for _, h in part) + legend_h + 4
        fig = plt.figure(figsize=(W / 72, H / 72))
        y_top = H - 2
        for line, h in part:
            for c, indicator in enumerate(line):
                body = rows[indicator] * pitch
                x0 = left + c * (panel_w + left + PANEL_GAP_PT)
                y0 = y_top - title_h - body
                ax = fig.add_axes((x0 / W, y0 / H, panel_w / W, body / H))
                _values_panel(ax, by_indicator[indicator], style, few, panel_w)
            y_top -= h
        _legend(fig, handles, W, H)
        charts.append(Chart(fig, "07", part_name("alignment_values", k), style.lang, caption))
    return charts


def _faded(color: str) -> str:
    """A status colour for a plan that is context, not the focus: most of the way to light grey."""
    return mcolors.to_hex(0.3 * np.array(mcolors.to_rgb(color)) + 0.7 * np.array(mcolors.to_rgb(GREY)))


def _status_rows(docs, style: PlanStyle, by_province: bool) -> list[tuple[str, str, list[str]]]:
    """(label, label colour, plans counted) per row: a plan each, or a province each with the highlighted plans
    after their province's row."""
    if not by_province:
        return [(style.labels[d], style.label_color(d), [d]) for d in docs]
    rows = []
    for province, a, b in style.province_runs(docs):
        rows.append((shortened(province, MAX_PROVINCE_PT * 1.6, PLAN_FONT), "#222222", docs[a:b]))
        rows += [(shortened(style.labels[d], MAX_LABEL_PT, PLAN_FONT, keep_tail=True), style.colors[d], [d])
                 for d in docs[a:b] if d in style.highlight]
    return rows


def status_chart(alignment: pd.DataFrame, style: PlanStyle) -> Chart:
    """07_alignment_status: the pairs against the province and against the nation, stacked by status. Up to
    ``PLAN_ROWS`` plans a bar per plan (every plan, empty when none of its targets has a reference), counted;
    beyond, a bar per province (its plans' pairs together, as shares, the number of pairs at its end) and one
    per highlighted plan."""
    t = TEXT[style.lang]
    docs = list(style.order)
    counts = status_counts(alignment, docs)
    by_province = style.n > PLAN_ROWS
    rows = _status_rows(docs, style, by_province)
    n = len(rows)
    pitch = 16.0 if style.small else (10.0 if not by_province else 11.0)
    W = content_width() * 72.0
    length = max(n * pitch, 40.0)
    if by_province:
        names = [r[0] for r in rows]
        labels = AxisLabels(tuple(range(n)), tuple(names), tuple(r[1] for r in rows), 0.0,
                            widest(names, PLAN_FONT) + 3.5, PLAN_FONT)
        bands = None
    else:
        labels = plan_labels(docs, style, length, "y")
        bands = province_bands(docs, style, length, "y")
    handles = [Patch(color=STATUS_COLORS[s], label=STATUS_LABELS[style.lang][s]) for s in STATUSES]
    legend_h = _legend_rows(handles, W) * (line_height(LEGEND_PT) + 3) + 6
    top = line_height(8) + 6
    bottom = line_height(TICK_PT) + line_height(LABEL_PT) + 10 + legend_h
    H = top + length + bottom
    per_level = {level: np.array([counts.xs(level, level="reference_level").reindex(d).sum().to_numpy(float)
                                  for _, _, d in rows]).reshape(n, len(STATUSES)) for level in LEVELS}
    totals = {level: v.sum(axis=1) for level, v in per_level.items()}
    count_w = widest([str(int(x)) for v in totals.values() for x in v], 6.0) + 4 if by_province else 0.0
    fig = plt.figure(figsize=(W / 72, H / 72))
    rects = panel_rects(W / 72, H / 72, left=labels.depth + 4, right=(bands.depth if bands else 0) + 8 + count_w,
                        top=top, bottom=bottom, cols=2, wgap=14.0 + count_w)[0]
    xmax = max(max(float(v.max()) for v in totals.values()) if n else 0.0, 1.0)
    y = np.arange(n)
    thick = pitch >= 4
    for k, (rect, level) in enumerate(zip(rects, LEVELS)):
        ax = fig.add_axes(rect)
        values = per_level[level]
        if by_province:
            values = 100 * values / np.maximum(totals[level], 1)[:, None]
        start = np.zeros(n)
        for j, status in enumerate(STATUSES):
            colors = [STATUS_COLORS[status] if by_province or style.focus(d[0]) else _faded(STATUS_COLORS[status])
                      for _, _, d in rows]
            coll = bars(ax, y, values[:, j], start=start.copy(), width=0.7 if thick else 1.0, colors=colors,
                        horizontal=True, edgecolor="white" if thick else "none", linewidth=0.4 if thick else 0.0)
            coll.set_gid(f"{level}:{status}")
            start += values[:, j]
        ax.set_ylim(n - 0.5, -0.5)
        if by_province:
            ax.set_xlim(0, 100)
            for i, total in enumerate(totals[level]):
                ax.text(101.5, i, str(int(total)), fontsize=6, va="center", ha="left", color="#505050", gid="count")
        else:
            ax.set_xlim(0, xmax + 0.5)
        ax.xaxis.set_major_locator(MaxNLocator(6, integer=True))
        ax.tick_params(axis="x", labelsize=TICK_PT, length=2.5, pad=1.5)
        ax.set_xlabel(t["share" if by_province else "pairs"], fontsize=LABEL_PT, labelpad=2)
        ax.set_title(t["against"].format(level=LEVEL_LABELS[style.lang][level]), fontsize=8, pad=4)
        if k == 0:
            apply_labels(ax, "y", labels)
            draw_bands(ax, "y", bands.unnamed() if bands else None)
        else:
            ax.set_yticks([])
            draw_bands(ax, "y", bands)
    _legend(fig, handles, W, H)
    caption = status_caption(alignment, style, by_province) + style.highlight_note()
    return Chart(fig, "07", "alignment_status", style.lang, caption)


def values_caption(alignment: pd.DataFrame, lang: str, few: bool | None = None) -> str:
    """The caption of the values figure, with the number of compared pairs; ``few``: a row per target."""
    pairs = compared(alignment)
    few = _few(pairs) if few is None else few
    if pairs.empty:  # the figure then says there is nothing to compare; the caption says why
        return ("没有可比较的目标对：所选方案的目标均无同一指标、同一目标年份的省级或国家目标（见状态图）。" if lang == "zh" else
                "No pairs compare: no target of these plans has a provincial or national target of the same "
                "indicator and target year (the status figure counts the pairs that do not compare).")
    if lang == "zh":
        rows = ("每行为一个城市目标（圆点，方案颜色），三角形为其所在省份、方形为国家同一指标、同一目标年份的目标值" if few else
                "每行为一个省份：圆点为该省各城市的目标，三角形为该省的目标值，方形为这些城市所比较的国家目标值")
        return (f"{rows}；共 {len(pairs)} 对可比较的目标（不可比较的目标对见状态图）。"
                "数值按指标的标准单位；降幅类指标（能耗下降）数值越大越有雄心。")
    rows = ("Each row is a city target (a dot in its plan's colour) beside the targets of its province (triangles) "
            "and the nation (squares) for the same indicator and target year" if few else
            "Each row is a province: dots are its cities' targets, triangles the province's targets and squares the "
            "national targets those cities compare with, for the same indicator and target year")
    return (f"{rows}: {len(pairs)} pairs that compare (the status figure counts those that do not). Values in the "
            "indicator's canonical unit; for a reduction (energy intensity) a larger value is more ambitious.")


def status_caption(alignment: pd.DataFrame, style: PlanStyle, by_province: bool | None = None) -> str:
    """The caption of the status figure: what a bar is, the statuses, the number of pairs and plans."""
    plans_with = alignment.doc_id.astype(str).nunique()
    by_province = style.n > PLAN_ROWS if by_province is None else by_province
    if style.lang == "zh":
        rows = ("每行为一个省份（其各方案的目标对合计，按比例；右侧为目标对数），突出显示的方案单列一行。" if by_province
                else "每行为一个方案（按目标对数）。")
        return (rows + "各方案目标与省级和国家同一指标目标的比较结果（按指标方向：越低越好的指标数值更小即为高于）。"
                "不可比较：目标年份、基准年、适用范围或口径不同，或上级目标为定性表述、全域总量。"
                f"共 {len(alignment)} 对，涉及 {style.n} 个方案中的 {plans_with} 个。")
    rows = ("Each bar is a province (its plans' pairs together, as shares; the number of pairs at the end), with a bar "
            "of its own for each highlighted plan. " if by_province else "Each bar is a plan (pairs counted). ")
    return (rows + "Each plan's targets against the province's and the nation's targets of the same indicator, by status "
            "(in the indicator's direction: for a lower-is-better indicator a smaller value exceeds). Not comparable: "
            "a different target year, base year, scope or measure, or a reference stated in words or as a territorial "
            f"total. {len(alignment)} pairs, from {plans_with} of the {style.n} plans.")
