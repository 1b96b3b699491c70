"""Who is put in charge: lead agencies and agency involvement, from the responsible units plans list per clause.

Chinese plans close a clause with its responsible units, lead unit first (（市发改委、各有关单位等按职责分工负责）),
so position 1 is the lead. Only plans that list units clause by clause have rows in ``responsibilities``;
a plan without rows names no units, it does not have zero agencies in charge.
"""
from __future__ import annotations

import pandas as pd


def _plan_order(doc_ids: pd.Series) -> list[str]:
    present = set(doc_ids)
    if isinstance(doc_ids.dtype, pd.CategoricalDtype):
        return [d for d in doc_ids.cat.categories if d in present]
    return list(dict.fromkeys(doc_ids))


def plans_with_units(responsibilities: pd.DataFrame) -> list[str]:
    """Plans (doc_id, in plan order) that name at least one responsible unit."""
    return _plan_order(responsibilities.doc_id)


def clauses_with_units(responsibilities: pd.DataFrame) -> pd.Series:
    """Per plan: clauses that name responsible units (the denominator for "how often an agency leads")."""
    n = responsibilities.groupby("doc_id", observed=True).clause_id.nunique()
    return n.reindex(_plan_order(responsibilities.doc_id)).rename("n_clauses")


def _first_mentions(responsibilities: pd.DataFrame, label: str) -> pd.DataFrame:
    """One row per clause × agency at the agency's first position: a clause that names several park
    administrations (all one canonical agency) involves that agency once, not three times."""
    r = responsibilities.sort_values(["clause_id", "position"], kind="stable")
    return r.drop_duplicates(["clause_id", label], keep="first")


def involvement(responsibilities: pd.DataFrame, label: str = "agency_id") -> pd.DataFrame:
    """Per plan × agency: clauses the agency leads (position 1), supports (later positions) and in total.

    Long table (doc_id, ``label``, lead, supporting, total), plans in plan order, within a plan the most
    involved agency first. ``label`` is the column that names the agency (agency_id, label_zh, label_en).
    """
    r = _first_mentions(responsibilities, label)
    r = r.assign(lead=(r.position == 1).astype(int), supporting=(r.position > 1).astype(int))
    out = r.groupby(["doc_id", label], observed=True, sort=False)[["lead", "supporting"]].sum().reset_index()
    out["total"] = out.lead + out.supporting
    out["doc_id"] = pd.Categorical(out.doc_id.astype(str), categories=_plan_order(responsibilities.doc_id),
                                   ordered=True)
    out = out.sort_values(["doc_id", "total", "lead", label], ascending=[True, False, False, True])
    out["doc_id"] = out.doc_id.astype(str)
    return out.reset_index(drop=True)[["doc_id", label, "lead", "supporting", "total"]]


def wide(involvement_table: pd.DataFrame, value: str, label: str = "agency_id", drop_zero: bool = True,
         order_by: str | None = None) -> pd.DataFrame:
    """Agency × plan table of one column of :func:`involvement` (0 where the plan does not name the agency).

    Rows: the largest total across plans first, ties by name; with ``drop_zero`` agencies whose row is all
    0 (e.g. never lead) are left out. ``order_by`` sorts by another column's total instead, so two figures
    can share one agency order.
    """
    plans = list(dict.fromkeys(involvement_table.doc_id))
    w = involvement_table.pivot_table(index=label, columns="doc_id", values=value, aggfunc="sum", fill_value=0)
    w = w.reindex(columns=plans, fill_value=0)
    key = w.sum(axis=1) if order_by is None else involvement_table.groupby(label)[order_by].sum()
    if drop_zero:
        w = w[w.sum(axis=1) > 0]
    names = pd.Series(w.index, index=w.index)
    order = pd.DataFrame({"key": key.reindex(w.index), "name": names}).sort_values(
        ["key", "name"], ascending=[False, True]).index
    w = w.loc[order].astype(int)
    w.columns = list(w.columns)
    return w


def top_leads(involvement_table: pd.DataFrame, label: str = "agency_id") -> pd.DataFrame:
    """Per plan: the agency (or agencies, if tied) leading the most clauses, with the count."""
    rows = []
    for doc_id, g in involvement_table.groupby("doc_id", sort=False):
        best = g.lead.max()
        names = sorted(g.loc[g.lead == best, label])
        rows.append({"doc_id": doc_id, label: names, "lead": int(best)})
    return pd.DataFrame(rows, columns=["doc_id", label, "lead"])
