"""Findings of 06_responsibility: which plans name responsible units, how leadership is spread, and which
agencies are named often but rarely lead."""
from __future__ import annotations

import pandas as pd

from comparison.analysis import responsibility as rs
from comparison.analysis.findings.base import (by_value, Finding, Findings, language, plan_ids, plan_names, select,
                                               unreviewed_caveat, who)
from comparison.analysis.findings.wording import LIST_LIMIT, names, number, percent, percents, pick

OFTEN = 1 / 3     # an agency named in at least this share of a plan's clauses is "named often"
THINLY = 0.25     # leadership is "spread thinly" when no agency leads more than this share of a plan's clauses


def _agency_names(r: pd.DataFrame, lang: str) -> dict[str, str]:
    return dict(zip(r.agency_id, r[f"label_{lang}"]))


def _counted(t, lang: str):
    """What leads and involvement both read: the responsibilities, the plans that name units, each agency's
    clauses per plan, each plan's clauses with units and the agencies' names; None when no plan names any."""
    r = t.responsibilities
    plans = rs.plans_with_units(r)
    if not plans:
        return None
    return r, plans, rs.involvement(r), rs.clauses_with_units(r), _agency_names(r, lang)


def named(t, lang: str, label) -> Finding:
    """The plans that list responsible units (and how many clauses), and that each listed clause has one lead."""
    r = t.responsibilities
    plans = rs.plans_with_units(r)
    n_clauses = rs.clauses_with_units(r)
    leads = r[r.position == 1].groupby("clause_id").size()
    one_lead = bool(len(leads)) and bool((leads == 1).all()) and set(r.clause_id) == set(leads.index)
    others = [d for d in plan_ids(t) if d not in plans]
    values = {"plans": plans, "clauses": {d: int(n_clauses[d]) for d in plans}, "none": others,
              "one_lead_per_clause": one_lead}
    if not plans:
        return Finding("named", pick(lang, "None of the loaded plans names responsible units clause by clause, so there "
                                           "is nothing to show: an absence of information, not of agencies.",
                                     "所选方案均未逐条列出责任单位，因此无可展示：这是信息缺失，并非没有责任机构。"), values)
    if len(plans) <= LIST_LIMIT:
        listed = names([pick(lang, f"{label[d]} ({n_clauses[d]} clauses)", f"{label[d]}（{n_clauses[d]} 条）") for d in plans],
                       lang)
    else:
        lo, hi = int(n_clauses.min()), int(n_clauses.max())
        listed = pick(lang, f"{len(plans)} plans ({lo}–{hi} clauses each)", f"{len(plans)} 个方案（各 {lo}–{hi} 条）")
    if others:
        text = pick(lang, f"{'Only ' if len(plans) <= len(others) else ''}{listed} list{'s' if len(plans) == 1 else ''} "
                          f"responsible units; {who(others, label, lang)} name{'s' if len(others) == 1 else ''} "
                          f"none, so {'it does' if len(others) == 1 else 'they do'} not appear below: an absence of "
                          "information, not of agencies.",
                    f"{'只有' if len(plans) <= len(others) else ''}{listed}列出了责任单位；{who(others, label, lang)}"
                    "没有列出，因此不出现在下文：这是信息缺失，并非没有责任机构。")
    else:
        text = pick(lang, f"Every plan lists responsible units: {listed}.", f"每个方案都列出了责任单位：{listed}。")
    text += pick(lang, " Every listed clause has exactly one lead." if one_lead else
                 " Not every listed clause has exactly one lead unit.",
                 "每个列出责任单位的条款都恰有一个牵头单位。" if one_lead else "并非每个列出责任单位的条款都恰有一个牵头单位。")
    return Finding("named", text, values)


def leads(t, lang: str, label) -> Finding | None:
    """How many agencies lead in each plan, the largest share any one leads, and each plan's top lead (ties)."""
    if (counted := _counted(t, lang)) is None:
        return None
    r, plans, inv, n_clauses, agency = counted
    leading = inv[inv.lead > 0].groupby("doc_id").size().reindex(plans, fill_value=0)
    top = rs.top_leads(inv).set_index("doc_id")
    share = {d: top.at[d, "lead"] / n_clauses[d] for d in plans}
    values = {"agencies_leading": {d: int(v) for d, v in leading.items()},
              "top": {d: list(top.at[d, "agency_id"]) for d in plans}, "top_lead": {d: int(top.at[d, "lead"]) for d in plans},
              "max_lead_share": float(max(share.values()))}
    thin = max(share.values()) <= THINLY
    if leading.nunique() == 1:
        how_many = pick(lang, f"in {'each plan' if len(plans) > 1 else label[plans[0]]} {leading.iloc[0]} different "
                              "agencies lead",
                        f"{'每个方案' if len(plans) > 1 else label[plans[0]]}中有 {leading.iloc[0]} 个不同的机构牵头")
    else:
        how_many = pick(lang, f"between {leading.min()} and {leading.max()} different agencies lead in each plan",
                        f"各方案中牵头的机构有 {leading.min()}–{leading.max()} 个")
    text = pick(lang, f"{'Leadership is spread thinly: ' if thin else ''}{how_many}, and no agency leads more than "
                      f"{percent(max(share.values()))} of a plan's clauses.",
                f"{'牵头责任分散：' if thin else ''}{how_many}，没有机构牵头超过一个方案 {percent(max(share.values()))} 的条款。")
    said = []
    groups = by_value({d: (tuple(top.at[d, "agency_id"]), int(top.at[d, "lead"]), int(n_clauses[d])) for d in plans})
    for (agencies, k, n), ds in list(groups.items())[:LIST_LIMIT]:
        whom = names([agency[a] for a in agencies], lang)
        said.append(pick(lang, f"{who(ds, label, lang)} most often put{'s' if len(ds) == 1 else ''} {whom} in the lead "
                               f"({k} of {n} clauses{'' if len(ds) == 1 else ' each'})",
                         f"{who(ds, label, lang)}最常由{whom}牵头（{n} 条中的 {k} 条）"))
    more = len(groups) - len(said)
    text += pick(lang, f" {'; '.join(said)}" + (f"; {more} more combinations" if more else "") + ".",
                 f"{'；'.join(said)}" + (f"；另有 {more} 种情况" if more else "") + "。")
    return Finding("leads", text, values)


def involvement(t, lang: str, label) -> Finding | None:
    """The most involved agency per plan (lead or supporting), and agencies named often that rarely lead."""
    if (counted := _counted(t, lang)) is None:
        return None
    r, plans, inv, n_clauses, agency = counted
    most = inv.loc[inv.groupby("doc_id", sort=False).total.idxmax()].set_index("doc_id").reindex(plans)
    ties = {d: sorted(inv.agency_id[(inv.doc_id == d) & (inv.total == most.at[d, "total"])]) for d in plans}
    values = {"most_involved": {d: ties[d] for d in plans}, "total": {d: int(most.at[d, "total"]) for d in plans}}
    same = len({tuple(v) for v in ties.values()}) == 1 and len(ties[plans[0]]) == 1
    if same:
        a = ties[plans[0]][0]
        if len(plans) <= LIST_LIMIT:
            counts = names([f"{most.at[d, 'total']} of {n_clauses[d]}" if lang == "en"
                            else f"{n_clauses[d]} 条中的 {most.at[d, 'total']} 条" for d in plans], lang)
        else:
            share_ = most.total / n_clauses.reindex(plans)
            counts = pick(lang, f"{percents(share_.min(), share_.max())} of each plan's clauses",
                          f"占各方案条款的 {percents(share_.min(), share_.max())}")
        supports = bool((most.supporting > most.lead).all())
        values["mostly_supporting"] = supports
        every = pick(lang, "both plans" if len(plans) == 2 else "every plan" if len(plans) > 2 else label[plans[0]],
                     "两个方案" if len(plans) == 2 else "每个方案" if len(plans) > 2 else label[plans[0]])
        text = pick(lang, f"{agency[a]} is named in more clauses than any other agency in {every} ({counts})"
                          + (", mostly as a supporting unit: it coordinates more than it leads." if supports else "."),
                    f"在{every}中，{agency[a]}出现的条款数都多于其他任何机构（{counts}）"
                    + ("，且多为配合单位：协调多于牵头。" if supports else "。"))
    else:
        said = [pick(lang, f"{label[d]}: {names([agency[a] for a in ties[d]], lang)} ({most.at[d, 'total']} of {n_clauses[d]})",
                     f"{label[d]}：{names([agency[a] for a in ties[d]], lang)}（{n_clauses[d]} 条中的 {most.at[d, 'total']} 条）")
                for d in plans[:LIST_LIMIT]]
        text = pick(lang, f"The agency named in the most clauses: {'; '.join(said)}.", f"出现条款最多的机构：{'；'.join(said)}。")
    share = inv.assign(n=inv.doc_id.map(n_clauses))
    often = share[(share.total >= OFTEN * share.n) & (share.lead <= 1)]
    often = often[~often.set_index(["doc_id", "agency_id"]).index.isin(list(most.reset_index()[["doc_id", "agency_id"]]
                                                                             .itertuples(index=False, name=None)))]
    if len(often):
        values["named_often_rarely_lead"] = {a: {d: [int(x), int(y)] for d, x, y in zip(g.doc_id, g.total, g.lead)}
                                             for a, g in often.groupby("agency_id", sort=False)}
        said = []
        for a, g in list(often.groupby("agency_id", sort=False))[:LIST_LIMIT]:
            if len(g) <= LIST_LIMIT:
                where = names([pick(lang, f"{x} of {n} clauses in {label[d]} (leads {number(int(y), lang) if y else 'none'})",
                                    f"在{label[d]}的 {n} 条中出现 {x} 条（牵头 {y} 条）")
                               for d, x, y, n in zip(g.doc_id, g.total, g.lead, g.n)], lang)
            else:
                span = percents((g.total / g.n).min(), (g.total / g.n).max())
                leads_ = int(g.lead.max())
                where = pick(lang, f"in {len(g)} plans, named in {span} of the clauses, "
                                   + (f"leading at most {number(leads_, lang)}" if leads_ else "never leading"),
                             f"{len(g)} 个方案，出现于 {span} 的条款，" + (f"至多牵头 {leads_} 条" if leads_ else "从不牵头"))
            said.append(pick(lang, f"{agency[a]}: {where}", f"{agency[a]}：{where}"))
        text += pick(lang, f" Named often but rarely in the lead: {'; '.join(said)}.", f"出现频繁却很少牵头的：{'；'.join(said)}。")
    return Finding("involvement", text, values)


def findings(t, lang: str | None = None, only=None) -> Findings:
    """The findings of 06_responsibility; ``only`` picks sections by key (``SECTIONS``)."""
    lang = language(t, lang)
    label = plan_names(t, lang)
    return select({"named": lambda: named(t, lang, label), "leads": lambda: leads(t, lang, label),
                   "involvement": lambda: involvement(t, lang, label),
                   "unreviewed": lambda: unreviewed_caveat(t, lang)}, only)


SECTIONS = ("named", "leads", "involvement", "unreviewed")
