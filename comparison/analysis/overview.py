"""Corpus overview: plan size, structure and specificity (numbers, deadlines, responsible units)."""
from __future__ import annotations

import pandas as pd


def plan_overview(t) -> pd.DataFrame:
    """One row per plan: size, structure and specificity shares of its coded sentences.

    Specificity: share of sentences that state a digit, that name a year (a deadline), and that sit in a
    clause naming responsible units.
    """
    m = t.measures
    with_units = set(t.clauses.clause_id[t.clauses.responsible_units.fillna("") != ""])
    m = m.assign(has_unit=m.clause_id.isin(with_units))
    spec = m.groupby("doc_id", observed=True).agg(share_number=("has_number", "mean"),
                                                  share_deadline=("has_deadline", "mean"),
                                                  share_responsible=("has_unit", "mean"))
    sections = t.clauses[t.clauses.section_no > 0].groupby("doc_id", observed=True).section_no.nunique()
    out = t.plans.set_index("doc_id")[["plan", "n_chars", "n_clauses", "n_sentences", "n_quantities", "n_targets",
                                       "n_baselines"]]
    out = out.join(sections.rename("n_sections")).join(spec)
    return out.reset_index()
