"""Findings of 03_priorities: plan types, sentences against characters, pillars, instruments, emphasis, synergy."""
from __future__ import annotations

import pandas as pd

from comparison.analysis import priorities as pr
from comparison.analysis.findings.base import (GREEN, SYNERGY, Finding, Findings, language, of_type, plan_ids,
                                               by_value, plan_names, select, unreviewed_caveat, who)
from comparison.analysis.findings.wording import (LIST_LIMIT, capital, mid, names, number, percent, pick, points,
                                                  share_range)


def _profiles(t, dimension: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Category × plan shares by sentences and by characters, in codebook order (sectors by mean share)."""
    order = None if dimension == "sector" else pr.codebook_order(t.taxonomy, dimension)
    by_sent = pr.profile(t.priorities, dimension, order=order)
    by_chars = pr.profile(t.priorities, dimension, "share_chars", order=list(by_sent.index))
    return by_sent, by_chars.reindex(index=by_sent.index, columns=by_sent.columns, fill_value=0.0)


def _leaders(column: pd.Series) -> list[str]:
    """The categories with the largest share in one plan (all of them when tied)."""
    return list(column.index[column == column.max()])


def plan_types(t, lang: str, label) -> Finding:
    synergy = of_type(t, SYNERGY)
    n = len(plan_ids(t))
    values = {"synergy": synergy, "n_plans": n}
    if not synergy:
        text = pick(lang, f"{'The plan is a' if n == 1 else 'Every plan is a'} green-economy plan, so the profiles "
                          "compare plans of one kind.",
                    "所载方案都是绿色低碳循环发展方案，比较的是同一类方案。")
    elif len(synergy) == n:
        text = pick(lang, f"{'The plan is a' if n == 1 else 'Every plan is a'} pollution–carbon synergy plan.",
                    "所载方案都是减污降碳协同方案。")
    else:
        k = len(synergy)
        if k == 1:
            lead = f"{label[synergy[0]]} is the only pollution–carbon synergy plan among the {number(n, lang)}"
        elif k <= LIST_LIMIT:
            lead = f"{who(synergy, label, lang)} are the {number(k, lang)} pollution–carbon synergy plans among the {n}"
        else:
            lead = f"{capital(number(k, lang))} of the {n} plans are pollution–carbon synergy plans"
        whom = who(synergy, label, lang)
        text = pick(lang, f"{lead}: {'its' if k == 1 else 'their'} own "
                          "pillars are rolled up to the shared pillar groups, so differences in "
                          f"{'its' if k == 1 else 'their'} profile{'' if k == 1 else 's'} partly reflect the plan type "
                          "rather than the city's priorities.",
                    f"{n} 个方案中{'只有' if k == 1 else '有'}{whom}{'' if k > LIST_LIMIT else ''}是减污降碳协同方案：其自身的章节归并到共同的支柱组，"
                    "因此其结构上的差异部分反映方案类型，而非城市的侧重。")
    return Finding("plan_types", text, values)


def sentences_and_characters(by_sent, by_chars, lang: str, label, cat) -> Finding:
    """Where counting characters instead of sentences moves a sector's share most, and by how much the rest
    move at most."""
    gap = by_chars - by_sent
    reach = gap.abs().max(axis=1)
    top = reach.idxmax()
    rest = reach.drop(top)
    up = int((gap.loc[top] > 0).sum())
    n = gap.shape[1]
    values = {"sector": top, "max_gap": float(reach[top]), "plans_larger_by_chars": up,
              "max_gap_other_sectors": float(rest.max()) if len(rest) else 0.0}
    way = ("larger" if gap.loc[top].sum() > 0 else "smaller")
    if up in (0, n):
        where = pick(lang, "in every plan" if n > 1 else "", "在每个方案中" if n > 1 else "")
    else:
        where = pick(lang, f"in {number(up if way == 'larger' else n - up, lang)} of the {number(n, lang)} plans",
                     f"在 {n} 个方案中的 {up if way == 'larger' else n - up} 个")
    text = pick(lang, f"Shares by sentences and by characters differ most for {mid(cat[top], lang)}: its share by "
                      f"characters is {way} than by sentences {where}".rstrip() + f", by up to {points(reach[top], lang)}.",
                f"按句子与按字符计算的占比差别最大的是{cat[top]}：{where}其字符占比{'高' if way == 'larger' else '低'}于"
                f"句子占比，最多相差 {points(reach[top], lang)}。")
    if len(rest):
        text += pick(lang, f" For every other sector the two shares differ by at most {points(rest.max(), lang)}.",
                     f"其余领域两种占比之差均不超过 {points(rest.max(), lang)}。")
    return Finding("sentences_and_characters", text, values)


def pillars(t, lang: str, label) -> Finding:
    by_sent, _ = _profiles(t, "pillar_group")
    cat = t.taxonomy.labels("pillars", lang)
    docs = list(by_sent.columns)
    first = {d: _leaders(by_sent[d]) for d in docs}
    common = set.intersection(*(set(v) for v in first.values()))
    missing = {d: [p for p in by_sent.index if by_sent.at[p, d] == 0 and (by_sent.loc[p] > 0).any()] for d in docs}
    missing = {d: v for d, v in missing.items() if v}
    values = {"largest": first, "missing": missing}
    if common and all(len(v) == 1 for v in first.values()):
        p = next(iter(common))
        text = pick(lang, f"{cat[p]} is the largest pillar in {'every plan' if len(docs) > 1 else 'the plan'}.",
                    f"{cat[p]}在{'每个方案' if len(docs) > 1 else '该方案'}中都是占比最大的支柱。")
    else:
        counts = pd.Series([p for v in first.values() for p in v]).value_counts()
        p = counts.index[0]
        text = pick(lang, f"{cat[p]} is the largest pillar in {number(int(counts.iloc[0]), lang)} of the "
                          f"{number(len(docs), lang)} plans (ties counted for each).",
                    f"{cat[p]}在 {len(docs)} 个方案中的 {int(counts.iloc[0])} 个中占比最大（并列者各计一次）。")
    if missing:
        groups = list(by_value({d: tuple(ps) for d, ps in missing.items()}).items())
        said = [pick(lang, f"{who(ds, label, lang)} {'has' if len(ds) == 1 else 'have'} no "
                           f"{names([mid(cat[p], lang) for p in ps], lang, conj='or')} pillar",
                     f"{who(ds, label, lang)}没有{names([cat[p] for p in ps], lang, conj='or')}")
                for ps, ds in groups[:LIST_LIMIT]]
        more = len(groups) - LIST_LIMIT
        text += pick(lang, " " + capital("; ".join(said)) + (f"; {more} more groups of plans lack a pillar" if more > 0 else "")
                     + ".", "；".join(said) + (f"；另有 {more} 组方案缺少某个支柱" if more > 0 else "") + "。")
    if len(docs) > 1:
        spread = by_sent.max(axis=1) - by_sent.min(axis=1)
        p = spread.idxmax()
        hi, lo = by_sent.loc[p].idxmax(), by_sent.loc[p].idxmin()
        values["widest"] = {"pillar": p, "max": hi, "min": lo, "range": float(spread[p])}
        text += pick(lang, f" The plans differ most in {mid(cat[p], lang)}: from {percent(by_sent.at[p, lo])} of the "
                           f"sentences in {label[lo]} to {percent(by_sent.at[p, hi])} in {label[hi]}.",
                     f"各方案差别最大的是{cat[p]}：从{label[lo]}的 {percent(by_sent.at[p, lo])} 到{label[hi]}的 "
                     f"{percent(by_sent.at[p, hi])}。")
    return Finding("pillars", text, values)


def instruments(t, lang: str, label) -> Finding:
    """The most frequent instrument per plan (ties said), and whether its sentences are short."""
    by_sent, by_chars = _profiles(t, "instrument")
    cat = t.taxonomy.labels("instruments", lang)
    docs = list(by_sent.columns)
    first = {d: _leaders(by_sent[d]) for d in docs}
    common = set.intersection(*(set(v) for v in first.values()))
    tied = {d: v for d, v in first.items() if len(v) > 1}
    values = {"most_frequent": first, "tied": list(tied)}
    if common:
        i = sorted(common, key=list(by_sent.index).index)[0]
        text = pick(lang, f"{cat[i]} is the most frequent instrument by sentences in "
                          f"{'every plan' if len(docs) > 1 else 'the plan'}",
                    f"按句子计，{cat[i]}在{'每个方案' if len(docs) > 1 else '该方案'}中都是最常见的政策工具")
        if tied:
            said = [pick(lang, f"in {who(ds, label, lang)} tied with {names([mid(cat[x], lang) for x in v if x != i], lang)}",
                         f"{who(ds, label, lang)}中与{names([cat[x] for x in v if x != i], lang)}并列")
                    for v, ds in by_value({d: tuple(v) for d, v in tied.items()}).items()]
            text += pick(lang, f" ({'; '.join(said[:LIST_LIMIT])})", f"（{'；'.join(said[:LIST_LIMIT])}）")
        shorter = int((by_chars.loc[i] < by_sent.loc[i]).sum())
        values.update(instrument=i, plans_shorter=shorter)
        if shorter == len(docs):
            text += pick(lang, ", but these sentences are short: its share by characters is lower than by sentences in "
                               f"{'every plan' if len(docs) > 1 else 'the plan'}.",
                         "，但这些句子较短：其字符占比在每个方案中都低于句子占比。")
        else:
            text += pick(lang, ".", "。")
    else:
        counts = pd.Series([x for v in first.values() for x in v]).value_counts()
        i = counts.index[0]
        text = pick(lang, f"No instrument is the most frequent in every plan; {mid(cat[i], lang)} leads in "
                          f"{number(int(counts.iloc[0]), lang)} of the {number(len(docs), lang)}.",
                    f"没有一种政策工具在所有方案中都最常见；{cat[i]}在 {len(docs)} 个方案中的 {int(counts.iloc[0])} 个中最常见。")
    return Finding("instruments", text, values)


def instrument_types(t, lang: str, label) -> Finding:
    by_type, _ = _profiles(t, "instrument_type")
    cat = t.taxonomy.labels("instruments", lang)
    docs = list(by_type.columns)
    real = by_type.drop(index=[pr.NO_CATEGORY], errors="ignore")
    lead = real.idxmax()
    values = {"largest": lead.to_dict()}
    text = ""
    if lead.nunique() == 1:
        i = lead.iloc[0]
        lo = float(real.loc[i].min())
        values.update(type=i, min_share=lo)
        text = pick(lang, f"{cat[i]} make up the largest part of {'every plan' if len(docs) > 1 else 'the plan'}"
                          + (", more than half of each" if lo > 0.5 else "") + f" ({share_range(lo, real.loc[i].max(), lang)}).",
                    f"{cat[i]}在{'每个方案' if len(docs) > 1 else '该方案'}中占比最大" + ("，均超过一半" if lo > 0.5 else "")
                    + f"（{share_range(lo, real.loc[i].max(), lang)}）。")
    if pr.NO_CATEGORY in by_type.index and (by_type.loc[pr.NO_CATEGORY] > 0).any():
        none = by_type.loc[pr.NO_CATEGORY]
        values["no_instrument"] = none.to_dict()
        types = dict(zip(t.plans.doc_id.astype(str), t.plans.plan_type))
        said = []
        for kind, en, zh in ((SYNERGY, "synergy plan", "减污降碳协同方案"), (GREEN, "green-economy plan", "绿色低碳循环发展方案")):
            s_ = none[[d for d in docs if types.get(d) == kind]]
            if s_.empty:
                continue
            top = s_.idxmax()
            if len(s_) == 1:
                said.append(pick(lang, f"{percent(s_[top])} in {label[top]}", f"{label[top]}为 {percent(s_[top])}"))
            else:
                said.append(pick(lang, f"at most {percent(s_.max())} in the {en}s", f"{zh}至多 {percent(s_.max())}"))
        text += pick(lang, " Sentences that carry no instrument (statements of fact rather than measures): "
                           f"{'; '.join(said)}.", f"不含政策工具的句子（陈述事实而非措施）占比：{'；'.join(said)}。")
    return Finding("instrument_types", text.strip() or pick(lang, "No instrument type leads in every plan.",
                                                             "没有一种工具类型在所有方案中都占比最大。"), values)


def emphasis(t, lang: str, label, by_sent) -> Finding | None:
    """What each plan stresses more than the mean plan, the largest over-emphasis, whether it holds without the
    synergy plans in the mean, and sectors one plan leaves out that every other plan covers."""
    docs = list(by_sent.columns)
    if len(docs) < 2:
        return None
    cat = t.taxonomy.labels("sectors", lang)
    diff = pr.emphasis(by_sent)
    top = pr.top_emphasis(by_sent, n=3)
    first = top[top["rank"] == 1].set_index("doc_id").category_id.to_dict()
    if not (diff.to_numpy() > 1e-12).any():
        return Finding("emphasis", pick(lang, "The plans' sector profiles are identical: no plan stresses a sector more "
                                              "than the others do.",
                                        "各方案的行业结构完全相同：没有方案比其他方案更侧重某个领域。"), {"top_sector": {}})
    d, s = diff.stack().idxmax()[::-1]
    values = {"top_sector": first, "largest": {"doc_id": d, "sector": s, "difference": float(diff.at[s, d])}}
    text = pick(lang, f"{label[d]} stands out most: {percent(by_sent.at[s, d])} of its sentences are on "
                      f"{mid(cat[s], lang)}, {points(diff.at[s, d], lang)} more than in the mean plan.",
                f"{label[d]}最为突出：{cat[s]}占其句子的 {percent(by_sent.at[s, d])}，比各方案均值高 "
                f"{points(diff.at[s, d], lang)}。")
    green, synergy = of_type(t, GREEN), of_type(t, SYNERGY)
    if synergy and len(green) >= 2 and d in green:
        alone = pr.emphasis(by_sent[green])
        holds = alone.stack().idxmax()[::-1] == (d, s)
        values["holds_without_synergy"] = bool(holds)
        text += pick(lang, " The lead " + ("holds" if holds else "does not hold") + " when the synergy "
                           + ("plan is" if len(synergy) == 1 else "plans are") + " left out of the mean.",
                     "将减污降碳协同方案排除在均值之外，" + ("这一结论不变。" if holds else "这一结论不再成立。"))
    rest = [x for x in docs if x != d and x in first]
    if len(rest) <= LIST_LIMIT:
        said = [pick(lang, f"{label[x]} {mid(cat[first[x]], lang)}", f"{label[x]}侧重{cat[first[x]]}") for x in rest]
        if said:
            text += pick(lang, f" The other plans' most over-emphasised sectors: {'; '.join(said)}.",
                         f"其余方案：{'；'.join(said)}。")
    else:
        counts = pd.Series(list(first.values())).value_counts()
        text += pick(lang, f" The most common most over-emphasised sector is {mid(cat[counts.index[0]], lang)} "
                           f"({number(int(counts.iloc[0]), lang)} plans).",
                     f"最常见的首要侧重领域是{cat[counts.index[0]]}（{int(counts.iloc[0])} 个方案）。")
    left_out = {x: [c for c in by_sent.index if by_sent.at[c, x] == 0 and (by_sent.loc[c].drop(x) > 0).all()]
                for x in docs}
    left_out = {x: v for x, v in left_out.items() if v}
    if left_out:
        values["left_out"] = left_out
        said = [pick(lang, f"{label[x]} has no sentence on {names([mid(cat[c], lang) for c in cs], lang, conj='or')}",
                     f"{label[x]}没有关于{names([cat[c] for c in cs], lang, conj='or')}的句子")
                for x, cs in list(left_out.items())[:LIST_LIMIT]]
        text += pick(lang, f" {capital('; '.join(said))}, which every other plan covers.",
                     f"{'；'.join(said)}，而其他方案都有涉及。")
    return Finding("emphasis", text, values)


def synergy(t, lang: str, label) -> Finding:
    syn = pr.synergy_share(t.measures).set_index("doc_id").share_sentences
    syn.index = syn.index.astype(str)
    types = dict(zip(t.plans.doc_id.astype(str), t.plans.plan_type))
    values = {"share": syn.to_dict()}
    parts = []
    for kind, en, zh in ((SYNERGY, "the synergy plan", "减污降碳协同方案"), (GREEN, "the green-economy plans", "绿色低碳循环发展方案")):
        s = syn[[d for d in syn.index if types[d] == kind]]
        if s.empty:
            continue
        if len(s) == 1:
            parts.append(pick(lang, f"{percent(s.iloc[0])} in {label[s.index[0]]}",
                              f"{label[s.index[0]]}为 {percent(s.iloc[0])}"))
        else:
            plural = en.replace("plan", "plans") if kind == SYNERGY else en
            parts.append(pick(lang, f"{share_range(s.min(), s.max(), lang)} in {plural}",
                              f"{zh}为 {share_range(s.min(), s.max(), lang)}"))
    text = pick(lang, f"Sentences coded as cutting pollution and carbon together: {'; '.join(parts)}.",
                f"被编码为减污降碳协同措施的句子占比：{'；'.join(parts)}。")
    return Finding("synergy", text, values)


def findings(t, lang: str | None = None, only=None) -> Findings:
    """The findings of 03_priorities on the loaded plans; ``only`` picks sections by key (``SECTIONS``)."""
    lang = language(t, lang)
    label = plan_names(t, lang)
    by_sent, by_chars = _profiles(t, "sector")
    sectors = t.taxonomy.labels("sectors", lang)
    return select({"plan_types": lambda: plan_types(t, lang, label),
                   "sentences_and_characters": lambda: sentences_and_characters(by_sent, by_chars, lang, label, sectors),
                   "pillars": lambda: pillars(t, lang, label), "instruments": lambda: instruments(t, lang, label),
                   "instrument_types": lambda: instrument_types(t, lang, label),
                   "emphasis": lambda: emphasis(t, lang, label, by_sent), "synergy": lambda: synergy(t, lang, label),
                   "unreviewed": lambda: unreviewed_caveat(t, lang)}, only)


SECTIONS = ("plan_types", "sentences_and_characters", "pillars", "instruments", "instrument_types", "emphasis",
            "synergy", "unreviewed")
