"""Findings of 02_targets: shared indicators, base years of changes, coverage, headline targets, and how a
city's plans agree with one another."""
from __future__ import annotations

import pandas as pd

from comparison.analysis import targets as tg
from comparison.analysis.findings.base import (draft_caveat, Finding, Findings, language, plan_ids, plan_names,
                                               select, unreviewed_caveat, who)
from comparison.analysis.findings.wording import LIST_LIMIT, capital, count, names, number, pick

INDICATORS = (("indicator", "indicators"), "个指标")  # count(n, lang, *INDICATORS)
PLANS = (("plan", "plans"), "个方案")


def _indicator_names(quantities: pd.DataFrame, lang: str) -> dict[str, str]:
    return dict(zip(quantities.indicator_id, quantities[f"label_{lang}"]))


def shared(t, lang: str, label, ind_name) -> Finding:
    """Indicators set as a target by two or more plans: how many, the most widely shared, the direction of
    ambition, and the plans that set none of them."""
    n = len(plan_ids(t))
    s = tg.shared_targets(t.quantities)
    by_ind = s.drop_duplicates("indicator_id").set_index("indicator_id")
    n_plans = by_ind.n_plans.astype(int).to_dict()
    values = {"indicators": list(n_plans), "n_plans": n_plans}
    if n < 2:
        return Finding("shared", pick(lang, "With one plan loaded no indicator can be shared.",
                                      "只载入了一个方案，没有可共享的指标。"), values)
    if not n_plans:
        return Finding("shared", pick(lang, "No indicator is set as a target by two or more plans: the plans cannot be "
                                            "compared on a shared target.",
                                      "没有任何指标被两个及以上方案设为目标：各方案无法在共同目标上比较。"), values)
    top = max(n_plans.values())
    leaders = [i for i, k in n_plans.items() if k == top]
    setting = set(s.doc_id.astype(str))
    none = [d for d in plan_ids(t) if d not in setting]
    directions = by_ind.direction.value_counts().to_dict()
    values.update(most_shared=leaders, most_plans=top, plans_setting_none=none, directions=directions)
    k = len(n_plans)
    lead = names([ind_name[i] for i in leaders], lang)
    text = pick(lang, f"{capital(count(k, lang, *INDICATORS))} {'is' if k == 1 else 'are'} set as a target by two "
                      f"or more plans. ",
                f"{k} 个指标被两个及以上方案设为目标。")
    if top == n:
        text += pick(lang, f"{lead} {'is' if len(leaders) == 1 else 'are'} set by every plan. ",
                     f"{lead}为所有方案共同设定。")
    elif k > 1:
        text += pick(lang, f"{lead} {'is the most widely shared' if len(leaders) == 1 else 'are the most widely shared'} "
                           f"({number(top, lang)} plans{'' if len(leaders) == 1 else ' each'}). ",
                     f"{lead}被设定得最广（{'各' if len(leaders) > 1 else ''}{top} 个方案）。")
    higher, lower = directions.get("higher", 0), directions.get("lower", 0)
    if higher and not lower:
        text += pick(lang, f"For {'every shared indicator' if k > 1 else 'it'} a higher value is more ambitious. ",
                     "这些指标都是数值越高越积极。" if k > 1 else "该指标数值越高越积极。")
    elif lower and not higher:
        text += pick(lang, f"For {'every shared indicator' if k > 1 else 'it'} a lower value is more ambitious. ",
                     "这些指标都是数值越低越积极。" if k > 1 else "该指标数值越低越积极。")
    elif higher or lower:
        text += pick(lang, f"For {higher} of them a higher value is more ambitious, for {lower} a lower one. ",
                     f"其中 {higher} 个数值越高越积极，{lower} 个越低越积极。")
    if none:
        whom = who(none, label, lang)
        text += pick(lang, f"{whom} set{'s' if len(none) == 1 else ''} none of them.", f"{whom}没有设定其中任何一个。")
    else:
        text += pick(lang, "Every plan sets at least one of them.", "每个方案至少设定其中一个。")
    return Finding("shared", text.strip(), values)


def one_indicator(t, lang: str, indicator: str, label, ind_name) -> Finding:
    """The targets of one indicator (the notebook's ``indicator`` parameter): who sets it, the range, the most
    ambitious plan."""
    s = tg.shared_targets(t.quantities, indicator=indicator)
    docs = list(dict.fromkeys(s.doc_id.astype(str)))
    higher = s.direction.iloc[0] == "higher"
    best = s.value_std.max() if higher else s.value_std.min()
    leaders = list(dict.fromkeys(s.doc_id.astype(str)[s.value_std == best]))
    unit = s.unit_std.iloc[0]
    lo, hi = tg.target_text(s.value_std.min(), "=", unit, lang), tg.target_text(s.value_std.max(), "=", unit, lang)
    values = {"indicator": indicator, "plans": docs, "min": float(s.value_std.min()), "max": float(s.value_std.max()),
              "most_ambitious": leaders}
    name = ind_name[indicator]
    text = pick(lang, f"{name} is set as a target by {count(len(docs), lang, *PLANS)}",
                f"{len(docs)} 个方案将{name}设为目标")
    if len(s) > 1 and lo != hi:
        text += pick(lang, f", from {lo} to {hi}; the most ambitious ({'higher' if higher else 'lower'} is more "
                           f"ambitious): {who(leaders, label, lang)}.",
                     f"，目标值从 {lo} 到 {hi}；最积极的（数值越{'高' if higher else '低'}越积极）是"
                     f"{who(leaders, label, lang)}。")
    else:
        text += pick(lang, f", all at {lo}.", f"，目标值均为 {lo}。") if len(s) > 1 else pick(lang, f": {lo}.", f"：{lo}。")
    return Finding("indicator", text, values)


def base_years(t, lang: str, label, ind_name, indicator: str | None = None) -> Finding | None:
    """Shared targets that are changes against a base year, where the plans' base years differ or some plan
    states none: such values are comparable only if they share the base year. The indicators with the most
    plans lacking a base year come first."""
    s = tg.shared_targets(t.quantities, indicator=indicator)
    s = s[s.measure == "change"]
    found = []
    for ind, g in s.groupby("indicator_id", sort=False):
        first = g.drop_duplicates("doc_id")
        years = pd.Series(first.base_year.to_numpy(), index=first.doc_id.astype(str))
        stated = years.dropna().astype(int)
        missing = [d for d in years.index if d not in stated.index]
        if missing or stated.nunique() > 1:
            found.append((ind, stated, missing))
    if not found:
        return None
    found.sort(key=lambda x: -len(x[2]))
    values = {ind: {"base_year": {d: int(y) for d, y in stated.items()}, "no_base_year": missing}
              for ind, stated, missing in found}
    parts = []
    for ind, stated, missing in found[:3]:
        by_year = [(int(y), [d for d in stated.index if stated[d] == y]) for y in sorted(stated.unique())]
        said = [pick(lang, f"{who(ds, label, lang)} state{'s' if len(ds) == 1 else ''} {y}", f"{who(ds, label, lang)}以 {y} 年为基年")
                for y, ds in by_year]
        if missing:
            said.append(pick(lang, f"{who(missing, label, lang)} state{'s' if len(missing) == 1 else ''} none",
                             f"{who(missing, label, lang)}未说明基年"))
        parts.append(pick(lang, f"{ind_name[ind]} is a change against a base year: {'; '.join(said)}.",
                          f"{ind_name[ind]}是相对基年的变化：{'；'.join(said)}。"))
    more = len(found) - len(parts)
    text = " ".join(parts) + pick(lang, " Such values are comparable only where the base years are the same."
                                  + (f" ({more} more indicators like these.)" if more else ""),
                                  "只有基年相同的数值才可直接比较。" + (f"（另有 {more} 个类似指标。）" if more else ""))
    return Finding("base_years", text, values)


def coverage(t, lang: str, label) -> Finding:
    """How many codebook indicators the plans target at all, how many only one plan targets, and who targets
    the most and the fewest."""
    cov = tg.coverage(t.quantities, t.taxonomy.table("indicators"), t.taxonomy.table("sectors"), plan_ids(t), lang)
    docs = plan_ids(t)
    per_plan = {d: int((cov[d] > 0).sum()) for d in docs}
    targeted, single = int((cov.n_plans > 0).sum()), int((cov.n_plans == 1).sum())
    values = {"codebook": len(cov), "targeted": targeted, "by_one_plan": single, "per_plan": per_plan}
    text = pick(lang, f"Of the {len(cov)} codebook indicators, {targeted} {'is' if targeted == 1 else 'are'} set as a "
                      "target by at least one plan",
                f"代码本的 {len(cov)} 个指标中，{targeted} 个至少被一个方案设为目标")
    if len(docs) > 1 and targeted:
        text += pick(lang, f", and {number(single, lang) if single else 'none'} of those by only one plan",
                     f"，其中 {single} 个仅被一个方案设定")
        if single > targeted / 2:
            text += pick(lang, ": the plans mostly pick different indicators", "：各方案大多选择了不同的指标")
    text += pick(lang, ".", "。")
    if len(docs) > 1:
        hi, lo = max(per_plan.values()), min(per_plan.values())
        most = [d for d in docs if per_plan[d] == hi]
        least = [d for d in docs if per_plan[d] == lo]
        values.update(most=most, fewest=least)
        if hi == lo:
            text += pick(lang, f" Every plan targets {hi} indicators.", f"每个方案都设定了 {hi} 个指标。")
        else:
            text += pick(lang, f" {who(most, label, lang)} target{'s' if len(most) == 1 else ''} the most "
                               f"indicators ({hi}{'' if len(most) == 1 else ' each'}), "
                               f"{who(least, label, lang)} the fewest ({lo}).",
                         f"{who(most, label, lang)}设定的指标最多（{hi} 个），"
                         f"{who(least, label, lang)}最少（{lo} 个）。")
    return Finding("coverage", text, values)


def headline(t, lang: str, label, ind_name) -> Finding:
    """Targets stated in each plan's overall section (pillar ``overall``): who states them, the indicators
    that are headline targets of two or more plans, and the target years."""
    h = tg.headline_targets(t.quantities, lang)
    docs = plan_ids(t)
    per_plan = h.groupby("doc_id").size().to_dict()
    having = [d for d in docs if per_plan.get(d)]
    none = [d for d in docs if not per_plan.get(d)]
    years = sorted({int(y) for y in h.target_year.dropna()})
    values = {"per_plan": {d: int(per_plan[d]) for d in having}, "none": none, "target_years": years}
    if not having:
        return Finding("headline", pick(lang, "No plan states a target in its overall section (总体要求 / 主要目标).",
                                        "没有方案在总体要求或主要目标部分设定目标。"), values)
    if len(having) <= LIST_LIMIT:
        listed = names([f"{label[d]} ({number(per_plan[d], lang)})" if lang == "en" else f"{label[d]}（{per_plan[d]} 个）"
                        for d in having], lang)
    else:
        lo, hi = min(per_plan.values()), max(per_plan.values())
        listed = pick(lang, f"{number(lo, lang)} to {number(hi, lang)} each" if lo != hi else f"{number(lo, lang)} each",
                      f"每个 {lo}–{hi} 个" if lo != hi else f"每个 {lo} 个")
    text = pick(lang, f"{capital(count(len(having), lang, *PLANS))} of the {number(len(docs), lang)} "
                      f"state{'s' if len(having) == 1 else ''} headline targets in {'its' if len(having) == 1 else 'their'} "
                      f"overall section: {listed}.",
                f"{len(docs)} 个方案中有 {len(having)} 个在总体部分设定了主要目标：{listed}。")
    if none:
        text += pick(lang, f" {who(none, label, lang)} state{'s' if len(none) == 1 else ''} none there.",
                     f"{who(none, label, lang)}在该部分没有设定目标。")
    common = h.groupby("indicator_id").doc_id.nunique()
    common = common[common >= 2].sort_values(ascending=False, kind="stable")
    if len(common):
        values["common"] = {i: sorted(h.doc_id[h.indicator_id == i].unique()) for i in common.index}
        said = []
        for ind in common.index[:3]:
            g = h[h.indicator_id == ind].drop_duplicates("doc_id")
            if len(g) <= LIST_LIMIT:
                whom = names([f"{label[d]} ({x})" if lang == "en" else f"{label[d]}（{x}）" for d, x in zip(g.doc_id, g.target)],
                             lang)
            else:
                whom = pick(lang, f"{len(g)} plans", f"{len(g)} 个方案")
            said.append(pick(lang, f"{ind_name[ind]} is a headline target of {whom}", f"{ind_name[ind]}是{whom}的主要目标"))
        more = len(common) - len(said)
        text += pick(lang, f" {'; '.join(said)}" + (f"; {more} more indicators are headline targets of two or more plans"
                                                   if more else "") + ".",
                     f"{'；'.join(said)}" + (f"；另有 {more} 个指标是两个及以上方案的主要目标" if more else "") + "。")
    if len(years) == 1:
        text += pick(lang, f" All headline targets are for {years[0]}.", f"所有主要目标的目标年均为 {years[0]} 年。")
    elif years:
        text += pick(lang, f" Their target years range from {years[0]} to {years[-1]}.",
                     f"目标年从 {years[0]} 年到 {years[-1]} 年不等。")
    return Finding("headline", text, values)


def reconciliation(t, lang: str, label, a: str, b: str) -> Finding:
    """Where two plans set the same indicator: agree, conflict (and in what), or set in one plan only."""
    rec = tg.reconcile(t.quantities, a, b, lang)
    counts = tg.status_counts(rec, a, b)
    n = {k: int(v) for k, v in counts.items()}
    both = n["agree"] + n["conflict"]
    agree = rec[rec.status == "agree"]
    conflict = rec[rec.status == "conflict"]
    values = {"pair": [a, b], "counts": n, "agree": list(agree.indicator_id), "conflict": list(conflict.indicator_id)}
    la, lb = label[a], label[b]
    if not both:
        text = pick(lang, f"{la} and {lb} share no target indicator: {n[f'only_{a}']} appear only in {la}, "
                          f"{n[f'only_{b}']} only in {lb}.",
                    f"{la}与{lb}没有共同的目标指标：{n[f'only_{a}']} 个仅见于{la}，{n[f'only_{b}']} 个仅见于{lb}。")
        return Finding(f"reconcile:{a}:{b}", text, values)
    text = pick(lang, f"{la} and {lb} share {count(both, lang, *INDICATORS)}.",
                f"{la}与{lb}有 {both} 个共同的目标指标。")
    if n["agree"]:
        items = names([f"{getattr(r, f'label_{lang}')} {getattr(r, a)}" for r in agree.itertuples()], lang)
        text += pick(lang, f" They agree on {number(n['agree'], lang)} ({items})", f"其中 {n['agree']} 个一致（{items}）")
    if n["conflict"]:
        items = names([pick(lang, f"{r.label_en} is {getattr(r, a) or '—'} in {la} and {getattr(r, b) or '—'} in {lb}"
                                  + (" (only the comparator differs)" if r.detail == "comparator" else ""),
                            f"{r.label_zh}在{la}为 {getattr(r, a) or '—'}，在{lb}为 {getattr(r, b) or '—'}"
                            + ("（仅比较符不同）" if r.detail == "comparator" else ""))
                       for r in conflict.itertuples()], lang)
        text += pick(lang, f"{' and' if n['agree'] else ' They'} conflict on {number(n['conflict'], lang)}: {items}",
                     f"{'，' if n['agree'] else '其中 '}{n['conflict']} 个不一致：{items}")
    text += pick(lang, ".", "。")
    if n[f"only_{a}"] or n[f"only_{b}"]:
        text += pick(lang, f" Otherwise they target different indicators: {n[f'only_{a}']} appear only in {la}, "
                           f"{n[f'only_{b}']} only in {lb}.",
                     f"其余指标各不相同：{n[f'only_{a}']} 个仅见于{la}，{n[f'only_{b}']} 个仅见于{lb}。")
    else:
        text += pick(lang, " Neither sets a target indicator the other does not.", "两方案没有各自独有的目标指标。")
    return Finding(f"reconcile:{a}:{b}", text, values)


def findings(t, lang: str | None = None, indicator: str | None = None, pairs: list[tuple[str, str]] | None = None,
             only=None) -> Findings:
    """The findings of 02_targets. ``indicator`` narrows the shared-targets findings to one indicator (as the
    notebook's parameter does); ``pairs`` are the plans to reconcile (default: every two plans of one city);
    ``only`` picks sections by key (``SECTIONS``)."""
    lang = language(t, lang)
    label = plan_names(t, lang)
    ind_name = _indicator_names(t.quantities, lang)

    def reconciled():
        chosen = tg.same_city_pairs(t.plans) if pairs is None else [p for p in pairs if set(p) <= set(label)]
        out = [reconciliation(t, lang, label, a, b) for a, b in chosen[:LIST_LIMIT]]
        if len(chosen) > LIST_LIMIT:
            out.append(Finding("reconcile:more", pick(lang, f"({len(chosen) - LIST_LIMIT} more pairs of plans of one "
                                                            "city are not described here.)",
                                                      f"（另有 {len(chosen) - LIST_LIMIT} 对同城方案未在此列出。）"),
                               {"pairs": [list(p) for p in chosen[LIST_LIMIT:]]}))
        return out

    return select({"shared": lambda: (shared(t, lang, label, ind_name) if indicator is None
                                      else one_indicator(t, lang, indicator, label, ind_name)),
                   "base_years": lambda: base_years(t, lang, label, ind_name, indicator),
                   "coverage": lambda: coverage(t, lang, label), "headline": lambda: headline(t, lang, label, ind_name),
                   "reconcile": reconciled, "drafts": lambda: draft_caveat(t, lang),
                   "unreviewed": lambda: unreviewed_caveat(t, lang)}, only)


SECTIONS = ("shared", "base_years", "coverage", "headline", "reconcile", "drafts", "unreviewed")
