"""Figure 02_shared_targets: every indicator two or more plans target, one strip per indicator.

Each strip has its own scale (the indicator's standardized unit, the arrow pointing to the more ambitious
side); a marker's shape is the comparator (▶ at least, ◀ at most, ● equals, ◆ about) and a hollow marker
a value the table marks as not comparable with the others (``comparable`` is False, from
``analysis.targets.comparability_notes``: another unit, measure, target year, base year or scope),
explained in a footnote that gives each reason while there are few.

Few plans: one row per plan in every strip, each point labelled with its target (the plans read across
strips). Many plans: every plan a point, jittered, over a box of the middle half and a median tick, so the
distribution shows; the highlighted plans are larger, in colour and labelled with their value. More
strips than fit on a page continue in parts (02_shared_targets_part2 …).

The strips of a part are drawn in one axes whose data units are points (an axes per strip costs ~50 ms
and a figure at 300 plans has a hundred strips), with their own ticks.
"""
from __future__ import annotations

import textwrap

import matplotlib.pyplot as plt
import numpy as np
from matplotlib import patheffects
from matplotlib.collections import LineCollection
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle

from comparison.analysis.targets import COMPARATOR_MARKER, target_text, unit_label
from comparison.figures.charts import Chart, part_name
from comparison.figures.fit import (content_width, fitting, legend_columns, line_height, shortened, spread_order,
                                    text_size, widest)
from comparison.figures.layout import MAX_HEIGHT_IN
from comparison.figures.plan_axis import PLAN_FONT
from comparison.figures.planstyle import GREY, PlanStyle

TITLE_PT = 9.6
PANEL_TITLE_PT = 7.0
TICK_PT = 6.5
VALUE_PT = 6.0
ROW_PT = 8.0        # one plan's row in a strip (few plans)
STRIP_PT = 30.0     # a strip's plotting height (many plans)
TEXT = {
    "zh": dict(amb="更积极", eq="等于", ge="不低于", le="不高于", ap="约", title="多个方案共同设定的目标",
               one="各方案的目标", hollow="空心：与其他方案的数值不可比（单位、口径、目标年、基准年或范围不同）",
               hollow_key="不可比", n="{n} 个方案", part="（续 {k}）",
               caption="两个及以上方案设定为目标的指标：各方案目标值（标准化单位），标记形状表示比较符，箭头指向更积极的方向。",
               caption_many="两个及以上方案设定为目标的指标：每点为一个方案的目标值（标准化单位），灰框为中间一半方案、竖线为中位数；"
                            "标记形状表示比较符，箭头指向更积极的方向。",
               one_caption="指标 {i} 的各方案目标值。", hollow_caption="空心标记为与其他方案不可比的数值。",
               hollow_head="空心标记：与其他方案的数值不可比"),
    "en": dict(amb="more ambitious", eq="equals", ge="at least", le="at most", ap="about",
               title="Targets set by two or more plans", one="Each plan's target",
               hollow="Hollow: not comparable with the other plans' values (another unit, measure, target year, "
                      "base year or scope)", hollow_key="not comparable", n="{n} plans", part=" (continued, {k})",
               caption="Indicators set as targets by two or more plans: each plan's target in the standardized unit; "
                       "the marker shape shows the comparator and the arrow the more ambitious direction.",
               caption_many="Indicators set as targets by two or more plans: each point is one plan's target in the "
                            "standardized unit; the grey box spans the middle half of the plans and the tick marks "
                            "the median; the marker shape shows the comparator and the arrow the more ambitious "
                            "direction.",
               one_caption="Each plan's target for indicator {i}.",
               hollow_caption=" Hollow markers: values not comparable with the others.",
               hollow_head="Hollow markers, values not comparable with the other plans:"),
}
MARKER_KEYS = (("o", "eq"), (">", "ge"), ("<", "le"), ("D", "ap"))
HALO = [patheffects.withStroke(linewidth=2.2, foreground="white")]  # a label stays legible over the points
MAX_FOOT = 7        # footnote lines: the reasons while they fit, else one line pointing to the table


def _footnote(g, style: PlanStyle, width_pt: float) -> list[str]:
    """The footnote of the hollow markers: one line per value not comparable (plan, indicator, reason) while
    there are at most ``MAX_FOOT`` - 1 of them, else the general sentence."""
    t = TEXT[style.lang]
    off = g[~_comparable(g)]
    if "reason" not in off or len(off) >= MAX_FOOT or off.reason.isna().any():
        return [shortened(t["hollow"], width_pt, TICK_PT)]
    sep = "：" if style.lang == "zh" else ": "
    lines = [t["hollow_head"]] + [shortened(f"{style.labels.get(d, d)}, {i}{sep}{r}" if style.lang == "en"
                                            else f"{style.labels.get(d, d)}，{i}{sep}{r}", width_pt, TICK_PT)
                                  for d, i, r in zip(off.doc_id, off.indicator, off.reason)]
    return lines


def _wrap(s: str, lang: str, width_pt: float, lines: int = 2) -> str:
    """``s`` on at most ``lines`` lines of ``width_pt`` points, the last one shortened with "…" if needed."""
    per_line = max(6, int(width_pt / text_size("n" if lang == "en" else "南", PANEL_TITLE_PT)[0]))
    wrapped = textwrap.wrap(s, per_line) if lang == "en" else [s[k:k + per_line] for k in range(0, len(s), per_line)]
    if len(wrapped) > lines:
        rest = (" " if lang == "en" else "").join(wrapped[lines - 1:])
        wrapped = wrapped[:lines - 1] + [rest]
    return "\n".join(shortened(w, width_pt, PANEL_TITLE_PT) for w in wrapped)


def _scale(g) -> tuple[float, float, list[float]]:
    """Limits and ticks of a strip: room right of the points for labels, no tick past 100 %."""
    values = g.value_std.to_numpy(dtype=float)
    lo, hi = float(values.min()), float(values.max())
    unit = g.unit_std.iat[0]
    if unit in ("count", "item"):
        lo = min(lo, 0.0)
    span = max(hi - lo, abs(hi) * 0.1, 1.0)
    a, b = lo - 0.2 * span, hi + 0.6 * span
    top = min(b, 100.0) if unit == "percent" else b
    ticks = [float(x) for x in plt.MaxNLocator(4, steps=[1, 2, 2.5, 5, 10]).tick_values(a, top) if a <= x <= top]
    return a, b, ticks


def _tick_text(x: float) -> str:
    return f"{x:,.0f}" if float(x).is_integer() or abs(x) >= 100 else f"{x:g}"


def _comparable(g) -> np.ndarray:
    """Per row whether the value is comparable (a missing or non-boolean entry counts as comparable)."""
    if "comparable" not in g:
        return np.ones(len(g), dtype=bool)
    return np.array([not (isinstance(v, (bool, np.bool_)) and not v) for v in g.comparable], dtype=bool)


class _Marks:
    """Points, lines and boxes of one part, collected per kind and drawn in a few calls."""

    def __init__(self):
        self.points: dict[tuple, list] = {}
        self.lines: list = []
        self.grid: list = []
        self.boxes: list = []

    def point(self, x, y, comparator, comparable, color, size):
        key = (COMPARATOR_MARKER.get(comparator, "o"), bool(comparable), size)
        self.points.setdefault(key, []).append((x, y, color))

    def draw(self, ax):
        for (marker, full, size), pts in self.points.items():
            xs, ys, cs = zip(*pts)
            ax.scatter(xs, ys, marker=marker, s=size, zorder=4 if size > 10 else 3, clip_on=False,
                       linewidths=0.4 if full else 0.7, facecolors=list(cs) if full else "white",
                       edgecolors="black" if full else list(cs))
        ax.add_collection(LineCollection(self.grid, colors="0.9", linewidths=0.6, zorder=1))
        ax.add_collection(LineCollection(self.lines, colors="0.25", linewidths=0.6, zorder=2))
        for r in self.boxes:
            ax.add_patch(r)


def _strip(ax, marks: _Marks, g, style: PlanStyle, x0: float, y0: float, w: float, rows_mode: bool,
           row_labels: bool) -> None:
    """One indicator's strip with its lower left at (x0, y0) points, ``w`` wide; axis and title included."""
    t = TEXT[style.lang]
    a, b, ticks = _scale(g)
    doc_ids, values, comparators = g.doc_id.to_numpy(), g.value_std.to_numpy(dtype=float), g.comparator.to_numpy()
    symbols = g.comparator_symbol.to_numpy()
    to_x = lambda v: x0 + (np.asarray(v, dtype=float) - a) / (b - a) * w  # noqa: E731
    unit = g.unit_std.iat[0]
    axis_h = 2 * line_height(TICK_PT) + 4
    base = y0 + axis_h
    docs = list(style.order)
    strip_h = len(docs) * ROW_PT if rows_mode else STRIP_PT
    marks.lines.append([(x0, base), (x0 + w, base)])
    # a label past the strip's ends would run into the next strip or off the page; labels that would touch
    # (values crowded near a bound such as 100 %) are thinned, every other one first
    inside = [x for x in ticks if x0 - 4 <= to_x(x) - text_size(_tick_text(x), TICK_PT)[0] / 2
              and to_x(x) + text_size(_tick_text(x), TICK_PT)[0] / 2 <= x0 + w + 2]
    widths = [text_size(_tick_text(x), TICK_PT)[0] for x in inside]
    for k in fitting([float(to_x(x)) for x in inside], widths, spread_order(len(inside)), gap=3.0):
        x = inside[k]
        marks.lines.append([(to_x(x), base), (to_x(x), base - 2.5)])
        ax.text(to_x(x), base - 3.5, _tick_text(x), fontsize=TICK_PT, ha="center", va="top")
    arrow = f"{t['amb']} →" if g.direction.iat[0] == "higher" else f"← {t['amb']}"
    ax.text(x0 + w / 2, y0 + 1, f"{unit_label(unit, style.lang)}   {arrow}", fontsize=TICK_PT, ha="center",
            va="bottom")
    title = g.indicator.iat[0] if rows_mode else (
        f"{g.indicator.iat[0]} ({t['n'].format(n=len(set(doc_ids)))})" if style.lang == "en"
        else f"{g.indicator.iat[0]}（{t['n'].format(n=len(set(doc_ids)))}）")
    ax.text(x0, base + strip_h + 3, _wrap(title, style.lang, w), fontsize=PANEL_TITLE_PT, ha="left", va="bottom")
    comparable = _comparable(g)
    if rows_mode:
        ypos = {d: base + strip_h - (k + 0.5) * ROW_PT for k, d in enumerate(docs)}
        for d, y in ypos.items():
            marks.grid.append([(x0, y), (x0 + w, y)])
            if row_labels:
                ax.text(x0 - 4, y, style.labels[d], fontsize=PLAN_FONT, ha="right", va="center",
                        color=style.label_color(d))
        for d, v, c, sym, full, x in zip(doc_ids, values, comparators, symbols, comparable, to_x(values)):
            marks.point(x, ypos[d], c, full, style.colors[d], 22)
            label = target_text(v, sym, unit, style.lang)
            right = x + 5 + text_size(label, VALUE_PT)[0] <= x0 + w + 4  # else left of the point, inside the strip
            ax.text(x + 5 if right else x - 5, ypos[d], label, fontsize=VALUE_PT, va="center",
                    ha="left" if right else "right", path_effects=None if right else HALO)
        return
    q1, med, q3 = np.percentile(values, [25, 50, 75])
    mid = base + strip_h * 0.42
    marks.boxes.append(Rectangle((to_x(q1), mid - 9), max(to_x(q3) - to_x(q1), 1.0), 18, facecolor="0.9",
                                 edgecolor="none", zorder=1))
    marks.lines.append([(to_x(med), mid - 11), (to_x(med), mid + 11)])
    jitter = np.random.default_rng(len(g)).uniform(-8, 8, len(g))
    focus = np.isin(doc_ids, list(style.highlight))
    xs = to_x(values)
    for d, c, full, x, dy, f in zip(doc_ids, comparators, comparable, xs, jitter, focus):
        if f:
            marks.point(x, mid, c, full, style.colors[d], 26)
        else:
            marks.point(x, mid + dy, c, full, style.colors[d] if style.mode == "type" else GREY, 7)
    if focus.any():
        texts = [target_text(v, sym, unit, style.lang) for v, sym in zip(values[focus], symbols[focus])]
        widths = [text_size(s, VALUE_PT)[0] for s in texts]
        at = xs[focus]
        starts = np.minimum(at + 4, x0 + w + 4 - np.array(widths))  # a label never runs past the strip's end
        for i in fitting(list(starts + np.array(widths) / 2), widths):
            ax.text(starts[i], mid + 5, texts[i], fontsize=VALUE_PT, va="bottom", ha="left",
                    color=style.colors[doc_ids[focus][i]], path_effects=HALO)


def _legend_handles(style: PlanStyle, g, hollow: bool) -> list:
    t = TEXT[style.lang]
    handles = [Line2D([], [], marker=m, linestyle="", color="0.5", markeredgecolor="black", markeredgewidth=0.4,
                      markersize=4.5, label=t[k]) for m, k in MARKER_KEYS]
    if hollow:
        handles.append(Line2D([], [], marker="o", linestyle="", markerfacecolor="white", markeredgecolor="0.3",
                              markersize=4.5, label=t["hollow_key"]))
    if style.mode == "highlight" and not style.small:
        handles += [Line2D([], [], marker="o", linestyle="", color=style.colors[d], markersize=4.5,
                           label=style.labels[d]) for d in style.highlight if d in set(g.doc_id)]
    elif style.mode == "type":
        handles += [Line2D([], [], marker="o", linestyle="", color=h.get_facecolor(), markersize=4.5,
                           label=h.get_label()) for h in style.type_handles(list(g.doc_id))]
    return handles


def shared_targets_charts(shared, style: PlanStyle, indicator: str | None = None) -> list[Chart]:
    """02_shared_targets and its parts; ``shared`` is ``analysis.targets.shared_targets``'s table (with
    an optional boolean ``comparable`` column); ``indicator`` names a one-indicator figure (column width)."""
    t = TEXT[style.lang]
    columns = ["indicator_id", "indicator", "doc_id", "value_std", "comparator", "unit_std", "direction"]
    shared = shared[columns + [c for c in ("comparator_symbol", "comparable", "reason") if c in shared]]
    shared = shared.assign(doc_id=shared.doc_id.astype(str))
    if "comparator_symbol" not in shared:
        shared = shared.assign(comparator_symbol=shared.comparator)
    inds = list(dict.fromkeys(shared.indicator_id))
    by_indicator = dict(tuple(shared.groupby("indicator_id", sort=False)))
    single = indicator is not None or len(inds) <= 1
    cols = 1 if single else 3
    rows_mode = style.small
    W = content_width(column=single) * 72.0
    left = (widest([style.labels[d] for d in style.order], PLAN_FONT) + 6) if rows_mode else 6.0
    gap = 14.0
    strip_w = (W - left - 4 - gap * (cols - 1)) / cols
    cell_h = (2 * line_height(TICK_PT) + 4) + (len(style.order) * ROW_PT if rows_mode else STRIP_PT) + 3 \
        + 2 * line_height(PANEL_TITLE_PT) + 6
    foot = MAX_FOOT * (line_height(TICK_PT) * 1.15) + 4
    handles = _legend_handles(style, shared, True)
    legend_rows = -(-len(handles) // legend_columns(handles, TICK_PT, W))
    top = line_height(TITLE_PT) + 8 + legend_rows * (line_height(TICK_PT) + 3)
    per_part = max(1, int((MAX_HEIGHT_IN * 72 - 24 - top - foot) // cell_h)) * cols
    parts = [inds[k:k + per_part] for k in range(0, len(inds), per_part)] or [[]]
    charts = []
    for k, part in enumerate(parts, start=1):
        g_part = shared[shared.indicator_id.isin(part)]
        hollow = not _comparable(g_part).all()
        foot = len(_footnote(g_part, style, W - 8)) * (line_height(TICK_PT) * 1.15) + 4 if hollow else 2.0
        rows = max(1, -(-len(part) // cols))
        body = rows * cell_h
        H = top + body + foot
        fig = plt.figure(figsize=(W / 72, H / 72))
        ax = fig.add_axes((0, foot / H, 1, body / H))
        ax.set_xlim(0, W)
        ax.set_ylim(0, body)
        ax.set_axis_off()
        marks = _Marks()
        for n, ind in enumerate(part):
            r, c = divmod(n, cols)
            _strip(ax, marks, by_indicator[ind], style, left + c * (strip_w + gap),
                   body - (r + 1) * cell_h, strip_w, rows_mode, row_labels=c == 0)
        marks.draw(ax)
        handles = _legend_handles(style, g_part, hollow)
        fig.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, 1 - (line_height(TITLE_PT) + 5) / H),
                   ncols=legend_columns(handles, TICK_PT, W), frameon=False, fontsize=TICK_PT, borderaxespad=0,
                   borderpad=0.2, handletextpad=0.4, columnspacing=1.0)
        title = t["one"] if indicator is not None else t["title"]
        fig.suptitle(title + (t["part"].format(k=k) if k > 1 else ""), y=1 - 3 / H, va="top", fontsize=TITLE_PT)
        if hollow:
            lines = _footnote(g_part, style, W - 8)
            fig.text(4 / W, 2 / H, "\n".join(lines), fontsize=TICK_PT, va="bottom", ha="left", linespacing=1.15)
        caption = t["one_caption"].format(i=indicator) if indicator is not None else (
            t["caption"] if rows_mode else t["caption_many"])
        caption += (t["hollow_caption"] if hollow else "") + style.highlight_note()
        charts.append(Chart(fig, "02", part_name("shared_targets", k), style.lang, caption))
    return charts
