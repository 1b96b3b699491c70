"""Figures of notebook 06: which agencies lead the clauses of the plans that name responsible units, and
which agencies are involved at all.

Lead agencies: bars per plan side by side while at most ``MAX_PANELS`` plans name units, one agency ×
plan heatmap beyond. Involvement: always one heatmap, agencies (most involved first) × plans, the colour
the clauses naming the agency, each cell printing "led / named" while it fits. Only plans that name
units appear: a plan without the list says nothing about its agencies.
"""
from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np

from comparison.analysis.responsibility import wide
from comparison.figures.charts import Chart
from comparison.figures.fit import content_width, line_height, panel_rects, shortened, text_size, widest
from comparison.figures.marks import bars
from comparison.figures.matrix import colorbar, draw_cells
from comparison.figures.plan_axis import apply_labels, draw_bands, place_labels, plan_labels, province_bands
from comparison.figures.planstyle import PlanStyle

MAX_PANELS = 4
ROW_PT = 9.0
AGENCY_FONT = 6.5
TEXT = {
    "zh": dict(lead="牵头条款数", total="涉及条款数", n="（共 {n} 条）", lead_title="各机构牵头的条款数",
               inv_title="各机构在条款责任单位中出现的条款数", cell="牵头/涉及",
               lead_caption="各机构牵头的条款数（责任单位列表中的第一位）。{who}",
               inv_caption="各机构在条款责任单位中出现的条款数（颜色），格中为“牵头条款数/涉及条款数”。{who}",
               who_few="在 {n} 个方案中，只有{names}逐条列出责任单位。", who_many="{k} 个方案（共 {n} 个）逐条列出责任单位。",
               who_all="各方案均逐条列出责任单位。"),
    "en": dict(lead="clauses led", total="clauses involved", n=" (n = {n})", lead_title="Clauses each agency leads",
               inv_title="Clauses naming each agency as a responsible unit", cell="led / named",
               lead_caption="Clauses each agency leads (first of the clause's listed responsible units). {who}",
               inv_caption="Clauses naming each agency as a responsible unit (colour); cells read \"clauses led / "
                           "clauses naming the agency\". {who}",
               who_few="Of the {n} plans only {names} list responsible units clause by clause.",
               who_many="{k} of the {n} plans list responsible units clause by clause.",
               who_all="Every plan lists responsible units clause by clause."),
}


def who_names_units(named, style: PlanStyle) -> str:
    """A caption sentence saying which plans list responsible units (named while few, else counted)."""
    t = TEXT[style.lang]
    if len(named) == style.n:
        return t["who_all"]
    if len(named) <= 3:
        sep = "、" if style.lang == "zh" else " and " if len(named) == 2 else ", "
        return t["who_few"].format(n=style.n, names=sep.join(style.labels[d] for d in named))
    return t["who_many"].format(k=len(named), n=style.n)


def _column_names(named, n_clauses, style: PlanStyle) -> dict:
    t = TEXT[style.lang]
    return {d: style.labels[d] + t["n"].format(n=int(n_clauses[d])) for d in named}


def _agency_heatmap(values, text, named, agencies, style: PlanStyle, names: dict, title: str, bar_label: str,
                    column_names: dict | None):
    """Agency × plan heatmap at the width the plans need (up to the page), plan labels on top."""
    W_max = content_width() * 72.0
    label_w = widest([names.get(a, a) for a in agencies], AGENCY_FONT) + 6
    n = len(named)
    room = (W_max - label_w - 48) / max(n, 1)
    heads = widest([(column_names or style.labels).get(d, d) for d in named], 6.5) + 8
    cell_w = min(max(34.0, heads if n <= 6 else 0.0), room)  # few plans: wide enough for a level column head
    W = min(W_max, label_w + n * cell_w + 48)
    heat_w = n * cell_w
    labels = plan_labels(named, style, heat_w, "x", thin=True, slant=False, names=column_names,
                         fontsize=6.5 if n <= 12 else 6.0)
    bands = province_bands(named, style, heat_w, "x")
    top = line_height(9) + 8 + labels.depth
    bottom = (bands.depth if bands else 0) + 4
    H = top + bottom + len(agencies) * ROW_PT
    fig = plt.figure(figsize=(W / 72, H / 72))
    ax = fig.add_axes(panel_rects(W / 72, H / 72, left=label_w, right=W - label_w - heat_w, top=top,
                                  bottom=bottom)[0][0])
    widest_text = max((text_size(s, 6)[0] for s in np.ravel(text)), default=0.0)
    fits = widest_text + 2 <= cell_w and ROW_PT >= line_height(6) + 0.5
    image = draw_cells(ax, values, cmap="Blues", vmin=0, vmax=max(float(values.max()), 1.0) * 1.15)
    if fits:
        cm, norm = image.get_cmap(), image.norm
        for (i, j), s in np.ndenumerate(text):
            if s:
                r, g, b, _ = cm(norm(values[i, j]))
                ax.text(j, i, s, ha="center", va="center", fontsize=6, gid="value",
                        color="white" if 0.299 * r + 0.587 * g + 0.114 * b < 0.5 else "black")
    place_labels(ax, "y", range(len(agencies)), [names.get(a, a) for a in agencies], fontsize=AGENCY_FONT, gid="row")
    apply_labels(ax, "x", labels, side="top")
    draw_bands(ax, "x", bands, shade=False, side="bottom")
    x0 = (label_w + heat_w + 10) / W
    colorbar(fig, image, (x0, bottom / H + 0.3 * (H - top - bottom) / H, 5 / W, 0.4 * (H - top - bottom) / H),
             bar_label)
    fig.text(4 / W, 1 - 3 / H, title, fontsize=9, va="top", ha="left")
    return fig


def lead_agencies_chart(inv, n_clauses, style: PlanStyle, names: dict) -> Chart:
    """06_lead_agencies from ``analysis.responsibility.involvement`` and ``clauses_with_units``."""
    t = TEXT[style.lang]
    named = style.ordered(n_clauses.index)
    leads = wide(inv, "lead").reindex(columns=named, fill_value=0)
    agencies = list(leads.index)
    caption = t["lead_caption"].format(who=who_names_units(named, style)) + style.highlight_note()
    if len(named) > MAX_PANELS:
        v = leads.to_numpy(dtype=float)
        text = np.where(v > 0, v.astype(int).astype(str), "")
        fig = _agency_heatmap(v, text, named, agencies, style, names, t["lead_title"], t["lead"],
                              _column_names(named, n_clauses, style) if len(named) <= 12 else None)
        return Chart(fig, "06", "lead_agencies", style.lang, caption)
    W = content_width() * 72.0
    label_w = widest([names.get(a, a) for a in agencies], AGENCY_FONT) + 6
    gap = 12.0
    top = 2 * line_height(7.5) + 8  # a panel title on two lines: the plan, then its clause count
    bottom = line_height(7) + line_height(8) + 10
    H = top + bottom + max(len(agencies), 1) * 11.0
    fig = plt.figure(figsize=(W / 72, H / 72))
    rects = panel_rects(W / 72, H / 72, left=label_w, right=8, top=top, bottom=bottom, cols=max(len(named), 1),
                        wgap=gap)[0]
    xmax = max(int(leads.to_numpy().max()) if leads.size else 0, 1) + 1
    y = np.arange(len(agencies))
    for k, (rect, d) in enumerate(zip(rects, named)):
        ax = fig.add_axes(rect)
        bars(ax, y, leads[d].to_numpy(), width=0.7, colors=style.colors[d], horizontal=True)
        for i, v in zip(y, leads[d]):
            if v:
                ax.text(v + 0.1, i, str(v), va="center", fontsize=6)
        width = rect[2] * W
        count = TEXT[style.lang]["n"].format(n=int(n_clauses[d])).strip()
        ax.set_title(f"{shortened(style.labels[d], width, 7.5, keep_tail=True)}\n{count}", fontsize=7.5,
                     color=style.label_color(d), pad=3)
        ax.set_xlabel(t["lead"], fontsize=7)
        ax.set_xlim(0, xmax)
        ax.set_ylim(len(agencies) - 0.5, -0.5)
        ax.xaxis.get_major_locator().set_params(integer=True)
        ax.tick_params(axis="x", labelsize=6.5)
        if k == 0:
            place_labels(ax, "y", y, [names.get(a, a) for a in agencies], fontsize=AGENCY_FONT, gid="row")
        else:
            ax.set_yticks([])
    return Chart(fig, "06", "lead_agencies", style.lang, caption)


def agency_involvement_chart(inv, n_clauses, style: PlanStyle, names: dict) -> Chart:
    """06_agency_involvement: one heatmap of the clauses naming each agency, per plan, with "led / named"."""
    t = TEXT[style.lang]
    named = style.ordered(n_clauses.index)
    total = wide(inv, "total", drop_zero=False).reindex(columns=named, fill_value=0)
    lead = wide(inv, "lead", drop_zero=False).reindex(index=total.index, columns=named, fill_value=0)
    v = total.to_numpy(dtype=float)
    text = np.where(v > 0, np.char.add(np.char.add(lead.to_numpy().astype(str), "/"), v.astype(int).astype(str)), "")
    fig = _agency_heatmap(v, text, named, list(total.index), style, names, t["inv_title"], t["total"],
                          _column_names(named, n_clauses, style) if len(named) <= 12 else None)
    return Chart(fig, "06", "agency_involvement", style.lang,
                 t["inv_caption"].format(who=who_names_units(named, style)) + style.highlight_note())
