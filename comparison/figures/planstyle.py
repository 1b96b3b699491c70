"""How every figure shows the plans: their order, colour and label, the same in every figure of a run.

- Order: by province (provinces in the order they first appear in the manifest), then manifest order, so
  plans of one province sit together and a figure can draw province bands. The five seed plans keep
  their manifest order (each is in its own province, Nanping's two plans together).
- Colour, one of three modes (``PlanStyle.mode``):
  ``city``: up to ``SMALL_CORPUS`` plans and no highlight: each city its fixed colour (``plan_colors``);
  ``highlight``: the plans in ``highlight`` in their city colours, every other plan grey, at any size;
  ``type``: more than ``SMALL_CORPUS`` plans and no highlight: the colour says the plan type (a palette
  of city colours would repeat beyond 12 cities, and 300 colours cannot be told apart).
  A highlighted plan keeps its city's colour while the manifest has at most 12 cities; beyond that the
  highlighted cities take the palette in manifest order (still the same colour in every figure of a run).
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from matplotlib.patches import Patch

from comparison.figures.plotting import PALETTE, plan_colors

SMALL_CORPUS = 12           # up to this many plans every plan gets its city colour and its label
MAX_HIGHLIGHT = len(PALETTE)
GREY = "#c4c4c4"            # plans that are context, not the focus
GREY_TEXT = "#5a5a5a"
TEXT = "#222222"
TYPE_COLORS = {"green_economy": "#4477aa", "pollution_carbon_synergy": "#cc6677"}
TYPE_LABELS = {"en": {"green_economy": "green-economy plan", "pollution_carbon_synergy": "synergy plan"},
               "zh": {"green_economy": "绿色低碳循环发展方案", "pollution_carbon_synergy": "减污降碳协同方案"}}


@dataclass(frozen=True)
class PlanStyle:
    """The plans of one figure run: display order, labels, colours, highlight, province and plan type."""
    lang: str
    order: tuple[str, ...]
    labels: dict
    colors: dict
    mode: str
    highlight: tuple[str, ...]
    provinces: dict
    plan_types: dict
    cities: dict

    @property
    def n(self) -> int:
        return len(self.order)

    @property
    def small(self) -> bool:
        """Few enough plans to label every one and tell them apart by colour."""
        return self.n <= SMALL_CORPUS

    def focus(self, doc_id: str) -> bool:
        """Whether a plan is drawn in colour: every plan, unless some are highlighted."""
        return self.mode != "highlight" or doc_id in self.highlight

    def label_color(self, doc_id: str) -> str:
        """The colour of a plan's label: its colour when the plans are told apart by colour, else dark grey."""
        if self.mode == "type":
            return TEXT
        return self.colors[doc_id] if self.focus(doc_id) else GREY_TEXT

    def ordered(self, doc_ids) -> list[str]:
        """``doc_ids`` in display order (plans this style does not know go last, in the given order)."""
        rank = {d: k for k, d in enumerate(self.order)}
        return sorted(map(str, doc_ids), key=lambda d: rank.get(d, len(rank)))

    def province_runs(self, doc_ids) -> list[tuple[str, int, int]]:
        """Consecutive runs of one province in ``doc_ids``: (province, first index, last index + 1)."""
        runs = []
        for k, d in enumerate(doc_ids):
            p = self.provinces.get(d, "")
            if runs and runs[-1][0] == p:
                runs[-1] = (p, runs[-1][1], k + 1)
            else:
                runs.append((p, k, k + 1))
        return runs

    def type_handles(self, doc_ids=None) -> list[Patch]:
        """Legend entries for the plan-type colours (type mode only; empty otherwise)."""
        if self.mode != "type":
            return []
        present = {self.plan_types[d] for d in (doc_ids if doc_ids is not None else self.order)}
        return [Patch(facecolor=c, label=TYPE_LABELS[self.lang].get(t, t)) for t, c in TYPE_COLORS.items()
                if t in present]

    def highlight_note(self) -> str:
        """A caption sentence saying which plans are highlighted (empty without a highlight)."""
        if self.mode != "highlight":
            return ""
        names = [self.labels[d] for d in self.highlight]
        if self.lang == "zh":
            return f"彩色为突出显示的方案（{'、'.join(names)}），其余方案为灰色。"
        return f" Highlighted in colour: {', '.join(names)}; the other plans in grey."


def _city_colors(plans: pd.DataFrame, subset: pd.DataFrame) -> dict[str, str]:
    """City colours of ``subset``: by the manifest while it has at most 12 cities (a selection never
    recolours a city), else by the subset's own cities (manifest order), so the subset's colours differ."""
    everything = plans.attrs.get("all_plans") or list(zip(plans.doc_id.astype(str), plans.city_id))
    if len({city for _, city in everything}) <= len(PALETTE):
        sub = subset.copy()
        sub.attrs["all_plans"] = everything
        return plan_colors(sub)
    sub = subset.copy()
    sub.attrs = {}
    return plan_colors(sub)


def plan_style(plans: pd.DataFrame, lang: str, highlight=None) -> PlanStyle:
    """The style of a figure run over ``plans`` (the loaded plans table: doc_id, plan, city_id,
    province_zh/province_en, plan_type) with the plans in ``highlight`` (doc_ids) in colour."""
    plans = plans.assign(doc_id=plans.doc_id.astype(str))
    known = list(plans.doc_id)
    if isinstance(highlight, str):
        highlight = [highlight]
    highlight = list(dict.fromkeys(map(str, highlight or [])))
    unknown = [d for d in highlight if d not in set(known)]
    if unknown:
        shown = ", ".join(known[:12]) + (f", … ({len(known)} plans)" if len(known) > 12 else "")
        raise ValueError(f"highlight: {', '.join(map(repr, unknown))} not among the loaded plans; choose from {shown}")
    if len(highlight) > MAX_HIGHLIGHT:
        raise ValueError(f"highlight: {len(highlight)} plans; at most {MAX_HIGHLIGHT} can be told apart by colour")
    province = plans[f"province_{lang}"].astype(str)
    provinces = dict(zip(plans.doc_id, province))
    first_seen = {p: k for k, p in reversed(list(enumerate(province)))}
    position = {d: k for k, d in enumerate(known)}
    order = sorted(known, key=lambda d: (first_seen[provinces[d]], position[d]))
    plan_types = dict(zip(plans.doc_id, plans.plan_type.astype(str)))
    if highlight:
        mode = "highlight"
        chosen = _city_colors(plans, plans[plans.doc_id.isin(highlight)])
        colors = {d: chosen.get(d, GREY) for d in known}
        highlight = [d for d in order if d in set(highlight)]
    elif len(known) <= SMALL_CORPUS:
        mode = "city"
        colors = _city_colors(plans, plans)
    else:
        mode = "type"
        colors = {d: TYPE_COLORS.get(plan_types[d], GREY) for d in known}
    return PlanStyle(lang=lang, order=tuple(order), labels=dict(zip(plans.doc_id, plans.plan.astype(str))),
                     colors=colors, mode=mode, highlight=tuple(highlight), provinces=provinces,
                     plan_types=plan_types, cities=dict(zip(plans.doc_id, plans.city_id.astype(str))))
