"""Targets side by side: which plans set which indicator, at what value, and where two plans disagree.

These helpers keep the comparator (a "≥ 95 %" is not an "= 95 %"), every distinct value a plan states and
whether two plans' values can be compared at all (``comparability_notes``: same unit, measure, target year,
base year and scope class), so a figure or table can show what each plan actually commits to. Most take the
``quantities`` table as returned by
``comparison.api.load`` (columns ``doc_id``, ``plan``, ``kind``, ``indicator_id``, ``indicator``,
``value_std``, ``comparator``, ``comparator_symbol``, ``unit_std`` …) and never read files. Comparators are
the codebook's codes (eq ge gt le lt approx); what a label prints is the codebook's symbol (≥, ≤, ≈).
"""
from __future__ import annotations

import math
import re

import pandas as pd

from comparison.tables.comparability import comparability
from comparison.tables.plan_labels import plan_year

# Marker per comparator code in a dot chart: a triangle points to the side the target leaves open.
COMPARATOR_MARKER = {"eq": "o", "ge": ">", "gt": ">", "le": "<", "lt": "<", "approx": "D"}

# Units a figure names in words rather than by their symbols.
UNIT_NAMES = {
    "en": {"percent": "%", "count": "count", "item": "count", "times": "×", "percentage_point": "pp"},
    "zh": {"percent": "%", "count": "个", "item": "个", "times": "倍", "percentage_point": "个百分点"},
}
# The codebook's canonical units are pint expressions of these names, a power (m ** 3) and at most one "/".
UNIT_WORDS = {
    "en": {"ug": "µg", "mg": "mg", "person": "person"},
    "zh": {"t": "吨", "kg": "千克", "g": "克", "mg": "毫克", "ug": "微克", "ha": "公顷", "km": "公里", "m": "米",
           "CNY": "元", "kW": "千瓦", "kWh": "千瓦时", "MW": "兆瓦", "GW": "吉瓦", "tce": "吨标准煤", "day": "日",
           "year": "年", "hour": "小时", "person": "人", "household": "户", "item": "个", "L": "升"},
}
POWERS = {"en": {"2": "²", "3": "³"}, "zh": {"2": "平方", "3": "立方"}}
_UNIT_PART = re.compile(r"([^\s*/()]+)(?: \*\* ([23]))?")


def unit_label(unit_std: str, lang: str) -> str:
    """A short printable unit from the codebook's canonical (pint) unit: "%", "个"/"count", "µg/m³" and
    "微克/立方米", "吨/日"; an expression outside that form (a product, brackets) is printed as written."""
    if unit_std in UNIT_NAMES[lang]:
        return UNIT_NAMES[lang][unit_std]
    parts = [_UNIT_PART.fullmatch(p) for p in str(unit_std).split(" / ")]
    if len(parts) > 2 or not all(parts):
        return unit_std
    return "/".join(_unit_part(name, power, lang) for name, power in (m.groups() for m in parts))


def _unit_part(name: str, power: str | None, lang: str) -> str:
    word = UNIT_WORDS[lang].get(name, name)
    if not power:
        return word
    return POWERS[lang][power] + word if lang == "zh" else word + POWERS[lang][power]


def format_value(value: float) -> str:
    """A number for a label: integers with thousands separators, others to at most two decimals."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if float(value).is_integer():
        return f"{value:,.0f}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def target_text(value: float, symbol: str, unit_std: str, lang: str) -> str:
    """"≥98%", "100%", "≈43%", "1" (a count), "≥1,000亿元" / "≥100 bn CNY": the comparator's symbol (the
    ``comparator_symbol`` column), standardized value, unit. "=" prints as nothing: "95%" reads as "equals 95%"."""
    symbol = "" if symbol == "=" else symbol
    if unit_std == "CNY" and abs(value) >= 1e8:  # money reads in 亿 (1e8) in Chinese, in billions in English
        return f"{symbol}{format_value(value / 1e8)}亿元" if lang == "zh" else f"{symbol}{format_value(value / 1e9)} bn CNY"
    unit = "" if unit_std in ("count", "item") and lang == "en" else unit_label(unit_std, lang)
    sep = "" if unit in ("", "%", "×") or lang == "zh" else " "
    return f"{symbol}{format_value(value)}{sep}{unit}"


def _key(value: float) -> float:
    """Values equal after unit conversion can differ in the last bits; compare them at 9 significant digits."""
    return float(f"{value:.9g}")


def targets(quantities: pd.DataFrame) -> pd.DataFrame:
    """Target rows only (baseline facts are not commitments)."""
    return quantities[quantities.kind == "target"]


def distinct_targets(quantities: pd.DataFrame) -> pd.DataFrame:
    """One row per plan × indicator × (value_std, comparator): a number restated in another section (or for
    another scope at the same value) counts once; different values stay as separate rows (e.g. a range
    "1–2" curated as ≥1 and ≤2, or city 97 % and county 95 %). ``scope`` and ``scope_class`` join those of
    merged rows."""
    t = targets(quantities).copy()
    units = t.groupby("indicator_id").unit_std.nunique()
    mixed = sorted(units[units > 1].index)
    if mixed:
        raise ValueError(f"indicator(s) with more than one standardized unit: {mixed}")
    t["_key"] = t.value_std.map(_key)
    joined = [c for c in ("scope", "scope_class") if c in t] or ["scope"]
    for col in joined:
        t[col] = (t[col] if col in t else pd.Series("", index=t.index)).fillna("").astype(str)
    keys = ["indicator_id", "doc_id", "_key", "comparator"]
    merged = t.groupby(keys, observed=True, sort=False)[joined].agg(
        lambda s: "; ".join(dict.fromkeys(x for x in s if x)))
    out = t.drop_duplicates(keys).drop(columns=joined).merge(merged.reset_index(), on=keys, how="left")
    return out.drop(columns="_key").reset_index(drop=True)


def shared_targets(quantities: pd.DataFrame, indicator: str | None = None, min_plans: int = 2) -> pd.DataFrame:
    """Distinct target rows of indicators set by at least ``min_plans`` plans, most widely set first.

    With ``indicator`` given, that indicator's rows whatever the number of plans (so a reader can look at
    any target), and a ValueError if no plan sets it as a target.
    """
    d = distinct_targets(quantities)
    n_plans = d.groupby("indicator_id").doc_id.nunique()
    d = d.assign(n_plans=d.indicator_id.map(n_plans))
    if indicator is not None:
        if indicator not in n_plans.index:
            raise ValueError(f"no plan sets {indicator!r} as a target; known: {sorted(n_plans.index)}")
        d = d[d.indicator_id == indicator]
    else:
        d = d[d.n_plans >= min_plans]
    return d.sort_values(["n_plans", "indicator_id", "doc_id", "value_std"],
                         ascending=[False, True, True, True]).reset_index(drop=True)


def comparability_notes(shared: pd.DataFrame, lang: str, scope_labels: dict[str, str] | None = None,
                        plan_labels: dict[str, str] | None = None) -> pd.DataFrame:
    """For each plotted value (a row of ``shared_targets``): ``comparable`` (another plan states the indicator
    with the same unit, measure, target year, base year and scope class), ``differs`` and ``reason`` in
    ``lang``, so a figure can draw the values that are not comparable hollow and say why in a footnote.

    ``scope_labels`` (``Tables.labels("scope_classes")``) and ``plan_labels`` (``Tables.plan_labels()``) make
    the reason read as the figure does. Same index as ``shared``."""
    return comparability(shared, lang, {"scope_class": scope_labels or {}}, plan_labels)


def coverage(quantities: pd.DataFrame, indicators: pd.DataFrame, sectors: pd.DataFrame, plan_order: list[str],
             lang: str) -> pd.DataFrame:
    """Indicator × plan: the number of target rows each plan states for each codebook indicator.

    One row per indicator of the codebook (so the table also shows indicators no plan targets), ordered by
    sector (codebook order), then by how many plans set it, then by id. Columns: indicator_id, sector_id,
    sector, indicator, one count column per doc_id in ``plan_order``, n_plans.
    """
    t = targets(quantities)
    counts = (t.groupby(["indicator_id", t.doc_id.astype(str)]).size().unstack(fill_value=0)
              .reindex(columns=plan_order, fill_value=0))
    ind = indicators.set_index("indicator_id")
    extra = sorted(set(counts.index) - set(ind.index))
    if extra:
        raise ValueError(f"target indicator(s) missing from the codebook: {extra}")
    out = pd.concat([ind[["sector_id", f"label_{lang}"]].rename(columns={f"label_{lang}": "indicator"}),
                     counts.reindex(ind.index, fill_value=0).astype(int)], axis=1)  # one block per part
    out["n_plans"] = (out[plan_order] > 0).sum(axis=1)
    sector_rank = {s: k for k, s in enumerate(sectors.sector_id)}
    out["sector"] = out.sector_id.map(dict(zip(sectors.sector_id, sectors[f"label_{lang}"])))
    out["_rank"] = out.sector_id.map(sector_rank).fillna(len(sector_rank))
    out = out.reset_index().sort_values(["_rank", "n_plans", "indicator_id"], ascending=[True, False, True])
    return out[["indicator_id", "sector_id", "sector", "indicator", *plan_order, "n_plans"]].reset_index(drop=True)


def with_headers(df: pd.DataFrame, group: str, label: str) -> pd.DataFrame:
    """Rows of ``df`` (contiguous groups in column ``group``) with a header row before each group, so a
    matrix figure can name its groups inline. Adds ``header`` (True on inserted rows, whose ``label``
    column holds the group name and whose other columns are empty)."""
    parts = []
    for name, g in df.groupby(group, sort=False):
        parts.append(pd.DataFrame({group: [name], label: [name], "header": [True]}))
        parts.append(g.assign(header=False))
    if not parts:
        return df.assign(header=pd.Series(dtype=bool))
    return pd.concat(parts, ignore_index=True)


def split_groups(groups: list[str]) -> int:
    """Where to cut a list of rows (labelled by group, groups contiguous) into two columns of a figure:
    the group boundary closest to the middle, so no group is broken across the columns."""
    bounds = [k for k in range(1, len(groups)) if groups[k] != groups[k - 1]]
    if not bounds:
        return len(groups)
    return min(bounds, key=lambda k: (abs(2 * k - len(groups)), k))


def headline_targets(quantities: pd.DataFrame, lang: str, pillar: str = "overall") -> pd.DataFrame:
    """Each plan's headline targets: the target rows in its main-target section (pillar ``overall``)."""
    t = targets(quantities)
    t = t[t.pillar_id == pillar].sort_values(["doc_id", "quantity_id"])
    out = pd.DataFrame({
        "plan": t.plan.astype(str), "indicator": t.indicator,
        "target": [target_text(v, c, u, lang) for v, c, u in zip(t.value_std, t.comparator_symbol, t.unit_std)],
        "target_year": t.target_year.astype("Int64"), "base_year": t.base_year.astype("Int64"),
        "commitment": t.commitment, "scope": t.scope.fillna(""), "value_std": t.value_std, "unit_std": t.unit_std,
        "doc_id": t.doc_id.astype(str), "indicator_id": t.indicator_id, "quantity_id": t.quantity_id,
        "quote": t.quote,
    })
    return out.reset_index(drop=True)


def reconcile(quantities: pd.DataFrame, a: str, b: str, lang: str) -> pd.DataFrame:
    """Compare two plans' targets indicator by indicator.

    status: ``agree`` (both set it, with the same set of (value_std, comparator)), ``conflict`` (both set it,
    differently; ``detail`` says whether the values differ or only the comparators), ``only_<a>`` /
    ``only_<b>`` (one plan sets it). Columns ``<a>`` and ``<b>`` print each plan's targets ("; " between
    distinct ones; formatted for ``lang``). Ordered agree, conflict, only_<a>, only_<b>, then by indicator id.
    """
    long = reconcile_pairs(quantities, [(a, b)], lang).drop(columns=["plan_a", "plan_b"])
    long = long.rename(columns={"target_a": a, "target_b": b})
    return long.assign(status=long.status.replace({"only_a": f"only_{a}", "only_b": f"only_{b}"}))


def statuses(a: str, b: str) -> list[str]:
    return ["agree", "conflict", f"only_{a}", f"only_{b}"]


def status_counts(reconciled: pd.DataFrame, a: str, b: str) -> pd.Series:
    """Indicators per status, in the fixed order agree, conflict, only_<a>, only_<b> (zeros kept)."""
    return reconciled.status.value_counts().reindex(statuses(a, b), fill_value=0)


def same_city_pairs(plans: pd.DataFrame) -> list[tuple[str, str]]:
    """(earlier, later) for each plan of a city with two or more plans and the city's plan before it: the pairs
    worth reconciling, since a later plan may restate, raise or drop what the earlier one set.

    A city's plans run by year (of the issue date, else of the doc_id), a draft before a final text of the
    same year, then by issue date (an undated plan first), then in manifest order; cities in the order of
    their first plan in ``plans``. A city with k plans gives k - 1 pairs, not every combination."""
    rows = plans.astype({"doc_id": str}).to_dict("records")
    by_city: dict[str, list[tuple]] = {}
    for k, r in enumerate(rows):
        issued = "" if pd.isna(r.get("issued")) else str(r.get("issued"))
        year = issued[:4] if issued else plan_year(r)
        by_city.setdefault(str(r["city_id"]), []).append((year, r.get("status") != "draft", issued, k, r["doc_id"]))
    pairs = []
    for group in by_city.values():
        ordered = [doc for *_, doc in sorted(group)]
        pairs += list(zip(ordered, ordered[1:]))
    return pairs


PAIR_STATUSES = ["agree", "conflict", "only_a", "only_b"]


def reconcile_pairs(quantities: pd.DataFrame, pairs: list[tuple[str, str]], lang: str) -> pd.DataFrame:
    """``reconcile`` for each pair, as one long table: ``plan_a`` and ``plan_b`` name the pair, ``target_a`` and
    ``target_b`` print each plan's targets, and ``status`` is agree, conflict, only_a or only_b (in this order
    within a pair, then by indicator id). Each plan's targets are read and printed once, however many pairs
    it is in."""
    cols = ["plan_a", "plan_b", "indicator_id", "indicator", "label_zh", "label_en", "sector_id", "unit_std",
            "direction", "target_a", "target_b", "status", "detail"]
    docs = {d for pair in pairs for d in pair}
    if not docs:
        return pd.DataFrame(columns=cols)
    d = distinct_targets(quantities)
    d = d[d.doc_id.astype(str).isin(docs)]
    symbol = dict(zip(d.comparator, d.comparator_symbol))
    about = d.drop_duplicates("indicator_id").set_index("indicator_id")
    sets, texts, indicators_of = {}, {}, {}
    for (doc, ind), g in d.groupby([d.doc_id.astype(str), "indicator_id"], sort=False):
        items = {(_key(v), c) for v, c in zip(g.value_std, g.comparator)}
        sets[doc, ind] = items
        texts[doc, ind] = "; ".join(target_text(v, symbol[c], about.at[ind, "unit_std"], lang) for v, c in sorted(items))
        indicators_of.setdefault(doc, set()).add(ind)
    rank = {s: k for k, s in enumerate(PAIR_STATUSES)}
    rows = []
    for a, b in pairs:
        pair_rows = []
        for ind in sorted(indicators_of.get(a, set()) | indicators_of.get(b, set())):
            sa, sb = sets.get((a, ind), set()), sets.get((b, ind), set())
            if sa and sb:
                status = "agree" if sa == sb else "conflict"
                same_values = {v for v, _ in sa} == {v for v, _ in sb}
                detail = "" if status == "agree" else ("comparator" if same_values else "value")
            else:
                status, detail = ("only_a" if sa else "only_b"), ""
            r = about.loc[ind]
            pair_rows.append({"plan_a": a, "plan_b": b, "indicator_id": ind, "indicator": r.indicator,
                              "label_zh": r.label_zh, "label_en": r.label_en, "sector_id": r.sector_id,
                              "unit_std": r.unit_std, "direction": r.direction, "target_a": texts.get((a, ind), ""),
                              "target_b": texts.get((b, ind), ""), "status": status, "detail": detail})
        rows += sorted(pair_rows, key=lambda row: rank[row["status"]])  # stable: by indicator id within a status
    return pd.DataFrame(rows, columns=cols)


def pair_counts(reconciled_pairs: pd.DataFrame, pairs: list[tuple[str, str]]) -> pd.DataFrame:
    """Indicators per status (``PAIR_STATUSES`` columns, zeros kept) for each pair, one row per pair in order."""
    counts = {(a, b): {s: 0 for s in PAIR_STATUSES} for a, b in pairs}
    for (a, b, status), n in reconciled_pairs.groupby(["plan_a", "plan_b", "status"]).size().items():
        counts[(a, b)][status] = int(n)
    return pd.DataFrame([{"plan_a": a, "plan_b": b, **c} for (a, b), c in counts.items()],
                        columns=["plan_a", "plan_b", *PAIR_STATUSES])
