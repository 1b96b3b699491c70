"""Priority profiles: how much of each plan goes to each sector, pillar and policy instrument, and what a
plan stresses more than the others do.

The shares come ready-made in ``priorities.csv`` (plan × dimension × category). This module reshapes them
into category × plan tables, puts the categories in a readable order, and measures emphasis as the distance
from the plans' mean profile. Shares, not counts, because the plans differ about threefold in length.
"""
from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib import colors as mcolors

SHEETS = {"pillar_group": "pillars", "sector": "sectors", "instrument": "instruments",
          "instrument_type": "instruments"}
NO_CATEGORY = "none"   # "no instrument": statements of fact, not measures
NO_CATEGORY_COLOR = "#bdbdbd"


def codebook_order(taxonomy, dimension: str) -> list[str]:
    """Category ids of ``dimension`` in codebook order.

    Codebook order keeps related codes together (instruments grouped by supply / environment / demand,
    pillars in the order of the national guidance) where a sort by size would scatter them. Pillar groups
    and instrument types are the top-level codes (no parent); sectors and instruments the leaves.
    """
    df = taxonomy.table(SHEETS[dimension])
    ids, parents = df.iloc[:, 0], df.parent_id.fillna("")
    if dimension in ("pillar_group", "instrument_type"):
        keep = parents == ""
    else:
        keep = ~ids.isin(set(parents))
    return list(ids[keep])


def instrument_types(taxonomy) -> dict[str, str]:
    """instrument id → its type (the parent code); a top-level code is its own type."""
    df = taxonomy.table("instruments")
    parents = df.parent_id.fillna("")
    return {i: (p or i) for i, p in zip(df.instrument_id, parents)}


def _plan_columns(doc_ids: pd.Series) -> list[str]:
    """Plans in table order: the categorical order when there is one, else order of first appearance."""
    present = set(doc_ids)
    if isinstance(doc_ids.dtype, pd.CategoricalDtype):
        return [d for d in doc_ids.cat.categories if d in present]
    return list(dict.fromkeys(doc_ids))


def profile(priorities: pd.DataFrame, dimension: str, value: str = "share_sentences",
            order: list[str] | None = None) -> pd.DataFrame:
    """Category × plan table of one dimension: rows ``category_id``, columns ``doc_id`` (plan order).

    A category a plan never uses is 0, not missing. Rows follow ``order`` when given (categories it does
    not name go last); otherwise the largest mean share comes first.
    """
    p = priorities[priorities.dimension == dimension]
    if p.empty:
        raise ValueError(f"no priority rows for dimension {dimension!r}")
    wide = p.pivot_table(index="category_id", columns="doc_id", values=value, aggfunc="sum", observed=True,
                         fill_value=0)
    wide = wide.reindex(columns=_plan_columns(p.doc_id), fill_value=0)
    wide.columns = list(wide.columns)
    if order is None:
        rows = wide.mean(axis=1).sort_values(ascending=False, kind="stable").index.tolist()
    else:
        rows = [c for c in order if c in wide.index] + [c for c in wide.index if c not in order]
    wide = wide.loc[rows].astype(float)
    wide.index.name = "category_id"
    return wide


def emphasis(profile: pd.DataFrame, reference: list[str] | None = None) -> pd.DataFrame:
    """Each plan's share minus the mean share of the ``reference`` plans (default: all columns).

    The mean is unweighted, so every plan counts once whatever its length: the question is what a plan
    stresses compared with the other plans, not compared with the pooled sentences. Positive = the plan
    gives the category more room than the average plan. Each column sums to 0 when reference is all plans.
    """
    ref = profile if reference is None else profile[reference]
    return profile.sub(ref.mean(axis=1), axis=0)


def top_emphasis(profile: pd.DataFrame, n: int = 3, reference: list[str] | None = None) -> pd.DataFrame:
    """Each plan's ``n`` most over-emphasised categories, long: doc_id, rank, category_id, share,
    mean_share, difference. Only positive differences count as over-emphasis, so a plan may get fewer
    than ``n`` rows; ties are broken by category id so the table is stable."""
    mean = (profile if reference is None else profile[reference]).mean(axis=1)
    diff = profile.sub(mean, axis=0).to_numpy()
    cat, plan = np.nonzero(diff > 0)                      # every over-emphasised cell, category × plan
    category_rank = np.argsort(np.argsort(profile.index.to_numpy(dtype=str), kind="stable"), kind="stable")
    order = np.lexsort((category_rank[cat], -diff[cat, plan], plan))  # plan, then largest difference, then id
    cat, plan = cat[order], plan[order]
    start = np.searchsorted(plan, plan)                   # first row of each plan's block (plan is sorted)
    rank = np.arange(len(plan)) - start + 1
    keep = rank <= n
    cat, plan, rank = cat[keep], plan[keep], rank[keep]
    columns = list(profile.columns)
    return pd.DataFrame({"doc_id": [columns[j] for j in plan], "rank": rank.astype(np.int64),
                         "category_id": list(profile.index[cat]), "share": profile.to_numpy()[cat, plan],
                         "mean_share": mean.to_numpy()[cat], "difference": diff[cat, plan]},
                        columns=["doc_id", "rank", "category_id", "share", "mean_share", "difference"])


def synergy_share(measures: pd.DataFrame) -> pd.DataFrame:
    """Per plan: coded sentences, those coded as cutting pollution and carbon together, and their share
    of sentences and of characters. Plans in table order."""
    m = measures.assign(syn_chars=measures.n_chars.where(measures.synergy.astype(bool), 0))
    out = m.groupby("doc_id", observed=True, sort=False).agg(
        n_sentences=("synergy", "size"), n_synergy=("synergy", "sum"), n_chars=("n_chars", "sum"),
        synergy_chars=("syn_chars", "sum"))
    out = out.loc[_plan_columns(measures.doc_id)]
    out["share_sentences"] = out.n_synergy / out.n_sentences
    out["share_chars"] = out.synergy_chars / out.n_chars
    out.index = list(out.index)
    out.index.name = "doc_id"
    return out.reset_index()[["doc_id", "n_sentences", "n_synergy", "share_sentences", "share_chars"]]


def group_breaks(order: list[str], group_of: dict[str, str]) -> list[int]:
    """Row positions where the group changes (e.g. from supply to environment instruments), for separators."""
    groups = [group_of.get(c, c) for c in order]
    return [i for i in range(1, len(groups)) if groups[i] != groups[i - 1]]


def category_colors(ids: list[str]) -> dict[str, str]:
    """Distinct colours for up to 20 categories; the "no category" code is grey.

    tab20 interleaves dark and light shades of one hue; taking the dark ones first keeps neighbours in a
    stacked bar apart.
    """
    cmap = plt.get_cmap("tab20")
    palette = [mcolors.to_hex(cmap(i)) for i in list(range(0, 20, 2)) + list(range(1, 20, 2))]
    real = [c for c in ids if c != NO_CATEGORY]
    if len(real) > len(palette):
        raise ValueError(f"{len(real)} categories: at most {len(palette)} distinct colours")
    out = dict(zip(real, palette))
    if NO_CATEGORY in ids:
        out[NO_CATEGORY] = NO_CATEGORY_COLOR
    return out
