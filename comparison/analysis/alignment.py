"""Summaries of the alignment table (data/processed/alignment.csv) for the notebook, its figures and findings.

The table has one row per city target × reference target of the same indicator; these functions only
select, count and order its rows, so a figure and a finding describe the same pairs.
"""
from __future__ import annotations

import pandas as pd

from comparison.tables.alignment import REASONS, STATUSES

COMPARED = [s for s in STATUSES if s != "not_comparable"]
LEVELS = ("provincial", "national")


def compared(alignment: pd.DataFrame) -> pd.DataFrame:
    """The pairs whose values compare (same year, base year, scope and measure; a number on both sides)."""
    return alignment[alignment.status.isin(COMPARED)]


def status_counts(alignment: pd.DataFrame, plans: list[str] | None = None) -> pd.DataFrame:
    """Pairs per plan × reference level × status, every status present (zeros included); ``plans`` (default:
    those in the table) in their order, so a plan without any reference shows as zeros."""
    plans = list(plans) if plans is not None else list(dict.fromkeys(alignment.doc_id.astype(str)))
    index = pd.MultiIndex.from_product([plans, LEVELS], names=["doc_id", "reference_level"])
    counts = (alignment.assign(doc_id=alignment.doc_id.astype(str))
              .groupby(["doc_id", "reference_level", "status"], observed=True).size()
              .unstack("status").reindex(index=index, columns=list(STATUSES)).fillna(0).astype(int))
    return counts


def reasons(alignment: pd.DataFrame) -> pd.Series:
    """Pairs that do not compare, by reason (every reason present)."""
    rows = alignment[alignment.status == "not_comparable"]
    return rows.reason_id.value_counts().reindex(list(REASONS), fill_value=0)


def targets_with_reference(alignment: pd.DataFrame) -> pd.DataFrame:
    """One row per city target that has at least one comparable reference: its value and, per level, the
    reference (value, comparator) pairs it was compared with and the statuses (distinct, in table order)."""
    rows = []
    for (doc_id, quantity_id), group in compared(alignment).groupby(["doc_id", "quantity_id"], sort=False,
                                                                    observed=True):
        first = group.iloc[0]
        row = dict(doc_id=str(doc_id), quantity_id=quantity_id, indicator_id=first.indicator_id,
                   value_std=first.value_std, unit_std=first.unit_std, comparator=first.comparator,
                   target_year=first.target_year)
        for level in LEVELS:
            part = group[group.reference_level == level]
            row[f"{level}_values"] = list(dict.fromkeys(zip(part.reference_value_std, part.reference_comparator)))
            row[f"{level}_statuses"] = list(dict.fromkeys(part.status))
        rows.append(row)
    return pd.DataFrame(rows)


# Status and reason words in both languages: the findings and the figures say the same thing.
STATUS_LABELS = {
    "en": {"exceeds": "exceeds", "matches": "matches", "below": "below", "looser_comparator": "looser comparator",
           "not_comparable": "not comparable"},
    "zh": {"exceeds": "高于", "matches": "持平", "below": "低于", "looser_comparator": "表述更宽松",
           "not_comparable": "不可比较"},
}
REASON_LABELS = {
    "en": {"qualitative": "reference in words only", "target_year": "different target year",
           "base_year": "different base year", "total": "reference is a territorial total",
           "scope": "different scope", "measure": "different measure"},
    "zh": {"qualitative": "上级目标为定性表述", "target_year": "目标年份不同", "base_year": "基准年不同",
           "total": "上级目标为全域总量", "scope": "适用范围不同", "measure": "指标口径不同"},
}
LEVEL_LABELS = {"en": {"provincial": "province", "national": "nation"}, "zh": {"provincial": "省级", "national": "国家"}}

