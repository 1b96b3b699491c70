"""Whether one plan's target for an indicator can be set beside another plan's.

Two plans' values for an indicator are comparable only when they share the canonical unit, the measure
(a level, or a change such as 下降13%), the target year, the base year (or both leave it unstated) and the
scope class (全市 is not 城市; large-scale farms are not all farms). A value is ``comparable`` when at least
one other plan states a value for the indicator with the same five; ``differs`` names what sets it apart
from every other plan (``combination`` when each part is shared with some plan but never all together).
Used by the comparison table (tables.harmonize) and by the figures (analysis.targets).
"""
from __future__ import annotations

import pandas as pd

KEYS = ("unit_std", "measure", "target_year", "base_year", "scope_class")
COLUMNS = ["comparable", "comparable_with", "differs", "reason"]
KEY_NAMES = {"en": {"unit_std": "unit", "measure": "measure", "target_year": "target year", "base_year": "base year",
                    "scope_class": "scope"},
             "zh": {"unit_std": "单位", "measure": "口径", "target_year": "目标年", "base_year": "基准年",
                    "scope_class": "范围"}}
PHRASES = {
    "en": dict(same="same unit, measure, target year, base year and scope as {plans}",
               alone="no other plan sets this indicator", part="{name} {value} (other plans: {others})",
               combination="no other plan has this unit, measure, target year, base year and scope together",
               unstated="not stated", sep="; ", comma=", "),
    "zh": dict(same="与{plans}的单位、口径、目标年、基准年和范围相同", alone="没有其他方案设定此指标",
               part="{name}：{value}（其他方案：{others}）", combination="没有其他方案同时具有相同的单位、口径、目标年、基准年和范围",
               unstated="未说明", sep="；", comma="、"),
}


def _text(value) -> str:
    """A key part as text: a missing year is "" (unstated), a year 2025.0 read from a CSV is "2025"."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def comparability(rows: pd.DataFrame, lang: str = "en", labels: dict[str, dict[str, str]] | None = None,
                  plan_labels: dict[str, str] | None = None) -> pd.DataFrame:
    """``comparable``, ``comparable_with`` (the other plans, ";"-joined), ``differs`` (";"-joined key names)
    and ``reason`` for each row of ``rows`` (columns indicator_id, doc_id and KEYS), on the same index.

    ``reason`` is written in ``lang``; ``labels`` (key → value → label, e.g. the scope classes' labels) and
    ``plan_labels`` (doc_id → name) make it read as the figures do; without them it names codes and ids."""
    words, names = PHRASES[lang], KEY_NAMES[lang]
    labels, plan_labels = labels or {}, plan_labels or {}
    keys = pd.DataFrame({k: rows[k].map(_text) for k in KEYS}, index=rows.index)
    docs = rows.doc_id.astype(str)

    def shown(k: str, v: str) -> str:
        return labels.get(k, {}).get(v, v) if v else words["unstated"]

    out = {}
    for _, g in keys.groupby(rows.indicator_id.astype(str), sort=False):
        combos: dict[tuple, set[str]] = {}  # the five together → plans stating them
        parts: dict[str, dict[str, set[str]]] = {k: {} for k in KEYS}  # each part's value → plans stating it
        for i, key in zip(g.index, map(tuple, g.to_numpy())):
            combos.setdefault(key, set()).add(docs[i])
            for k, v in zip(KEYS, key):
                parts[k].setdefault(v, set()).add(docs[i])
        plans = set(docs[g.index])
        for i, key in zip(g.index, map(tuple, g.to_numpy())):
            doc = docs[i]
            peers = sorted(combos[key] - {doc})
            others = plans - {doc}
            differs = [k for k, v in zip(KEYS, key) if others and not parts[k][v] - {doc}]
            if peers:
                reason = words["same"].format(plans=words["comma"].join(plan_labels.get(d, d) for d in peers))
            elif not others:
                reason = words["alone"]
            elif differs:
                reason = words["sep"].join(
                    words["part"].format(name=names[k], value=shown(k, v), others=words["comma"].join(
                        shown(k, w) for w in sorted(w for w, ds in parts[k].items() if ds - {doc})))
                    for k, v in zip(KEYS, key) if k in differs)
            else:
                differs = ["combination"]
                reason = words["combination"]
            out[i] = (bool(peers), ";".join(peers), ";".join(differs), reason)
    return pd.DataFrame([out[i] for i in rows.index], index=rows.index, columns=COLUMNS)
