"""Findings of 01_corpus_overview: plan size, baseline facts, responsible units, specificity."""
from __future__ import annotations

from comparison.analysis.findings.base import (SYNERGY, draft_caveat, Finding, Findings, language, of_type,
                                               plan_names, select, unreviewed_caveat, who)
from comparison.analysis.findings.wording import names, number, percent, pick
from comparison.analysis.overview import plan_overview


def _extremes(values: dict[str, float]) -> tuple[list[str], list[str]]:
    """The plans with the largest and with the smallest value (every plan tied at either end)."""
    hi, lo = max(values.values()), min(values.values())
    return [d for d, v in values.items() if v == hi], [d for d, v in values.items() if v == lo]


def size(ov, label, lang: str) -> Finding:
    sent = dict(zip(ov.doc_id.astype(str), ov.n_sentences.astype(int)))
    tgt = dict(zip(ov.doc_id.astype(str), ov.n_targets.astype(int)))
    values = {"n_plans": len(sent), "n_sentences": sent, "n_targets": tgt}
    if len(sent) == 1:
        (d, n), = sent.items()
        text = pick(lang, f"One plan is loaded: {label[d]}, with {n} coded sentences and {tgt[d]} targets; "
                          "there is nothing to compare it with.",
                    f"只载入了一个方案：{label[d]}，编码句子 {n} 句，目标 {tgt[d]} 个，没有可比较的对象。")
        return Finding("size", text, values)
    big, small = _extremes(sent)
    most, least = _extremes(tgt)
    values.update(largest=big, smallest=small, most_targets=most, fewest_targets=least)
    lab = lambda ds: who(ds, label, lang)  # noqa: E731
    if len(big) == len(sent):
        span = pick(lang, f"Every plan has {sent[big[0]]} coded sentences", f"每个方案都有 {sent[big[0]]} 句编码句子")
    else:
        span = pick(lang, f"The plans range from {sent[small[0]]} coded sentences in {lab(small)} to "
                          f"{sent[big[0]]} in {lab(big)}",
                    f"各方案编码句子从 {sent[small[0]]} 句（{lab(small)}）到 {sent[big[0]]} 句（{lab(big)}）不等")
    if len(most) == len(tgt):
        tail = pick(lang, f"; each states {tgt[most[0]]} targets.", f"；每个方案都设定 {tgt[most[0]]} 个目标。")
    else:
        tail = pick(lang, f"; {lab(most)} {'states' if len(most) == 1 else 'each state'} the most targets, "
                          f"{tgt[most[0]]}, and {lab(least)} the fewest, {tgt[least[0]]}.",
                    f"；{lab(most)}设定的目标最多（{tgt[most[0]]} 个），{lab(least)}最少（{tgt[least[0]]} 个）。")
    return Finding("size", span + tail, values)


def baselines(t, ov, label, lang: str) -> Finding:
    """Which plans state baseline facts (quantities that are not commitments)."""
    n = dict(zip(ov.doc_id.astype(str), ov.n_baselines.astype(int)))
    having = [d for d in n if n[d] > 0]
    synergy = of_type(t, SYNERGY)
    values = {"plans": having, "n_baselines": {d: n[d] for d in having}, "n_plans": len(n)}
    listed = names([f"{label[d]} with {n[d]}" if lang == "en" else f"{label[d]}（{n[d]} 项）" for d in having], lang)
    if not having:
        text = pick(lang, "No plan states baseline facts: every quantity recorded is a target.",
                    "没有方案陈述基线事实：记录的数量全部是目标。")
        if len(n) == 1:
            text = pick(lang, f"{label[next(iter(n))]} states no baseline facts: every quantity recorded is a target.",
                        f"{label[next(iter(n))]}没有陈述基线事实：记录的数量全部是目标。")
    elif len(having) == len(n):
        text = pick(lang, f"Every plan states baseline facts as well as targets: {listed}.",
                    f"每个方案在目标之外都陈述了基线事实：{listed}。")
    else:
        k = len(having)
        text = pick(lang, f"{'Only ' if k <= len(n) / 2 else ''}{number(k, lang)} of the {number(len(n), lang)} plans "
                          f"state{'s' if k == 1 else ''} baseline facts (quantities that describe the present, not "
                          f"commitments): {listed}.",
                    f"{len(n)} 个方案中{'只有' if k <= len(n) / 2 else '有'} {k} 个陈述了基线事实（描述现状而非承诺的数量）："
                    f"{listed}。")
        if synergy and set(having) == set(synergy):
            text += pick(lang, " It is the synergy plan." if k == 1 else " They are exactly the synergy plans.",
                         "它就是减污降碳协同方案。" if k == 1 else "它们正是全部减污降碳协同方案。")
    return Finding("baselines", text, values)


def responsible_units(ov, label, lang: str) -> Finding:
    share = dict(zip(ov.doc_id.astype(str), ov.share_responsible.astype(float)))
    named = [d for d in share if share[d] > 0]
    values = {"plans": named, "share_responsible": {d: share[d] for d in named}, "n_plans": len(share)}
    listed = names([f"{label[d]} ({percent(share[d])} of its sentences)" if lang == "en"
                    else f"{label[d]}（{percent(share[d])} 的句子）" for d in named], lang)
    if not named:
        text = pick(lang, "No plan names responsible units in its clauses.", "没有方案在条款中列出责任单位。")
        if len(share) == 1:
            text = pick(lang, f"{label[next(iter(share))]} names no responsible units in its clauses.",
                        f"{label[next(iter(share))]}没有在条款中列出责任单位。")
    elif len(named) == len(share):
        text = pick(lang, f"Every plan names responsible units in its clauses: {listed}.",
                    f"每个方案都在条款中列出责任单位：{listed}。")
    else:
        k, n = len(named), len(share)
        text = pick(lang, f"{'Only ' if k <= n / 2 else ''}{number(k, lang)} of the {number(n, lang)} plans "
                          f"name{'s' if k == 1 else ''} responsible units clause by clause: {listed}; the others name "
                          "none, which is missing information, not an absence of agencies.",
                    f"{n} 个方案中{'只有' if k <= n / 2 else '有'} {k} 个逐条列出责任单位：{listed}；其余方案未列出，"
                    "这是信息缺失，并非没有责任机构。")
    return Finding("responsible_units", text, values)


def specificity(ov, label, lang: str) -> Finding | None:
    share = dict(zip(ov.doc_id.astype(str), ov.share_number.astype(float)))
    if len(share) < 2:
        return None
    hi, lo = _extremes(share)
    values = {"share_number": share, "highest": hi, "lowest": lo}
    lab = lambda ds: who(ds, label, lang)  # noqa: E731
    if len(hi) == len(share):
        text = pick(lang, f"In every plan {percent(share[hi[0]])} of the sentences state a number.",
                    f"每个方案都有 {percent(share[hi[0]])} 的句子含数字。")
    else:
        text = pick(lang, f"The share of sentences that state a number ranges from {percent(share[lo[0]])} "
                          f"in {lab(lo)} to {percent(share[hi[0]])} in {lab(hi)}.",
                    f"含数字的句子占比从 {percent(share[lo[0]])}（{lab(lo)}）到 {percent(share[hi[0]])}（{lab(hi)}）不等。")
    return Finding("specificity", text, values)


def findings(t, lang: str | None = None, only=None) -> Findings:
    """Size, baseline facts, responsible units and specificity of the loaded plans, and caveats on drafts and
    unreviewed plans; ``only`` picks sections by key (``SECTIONS``)."""
    lang = language(t, lang)
    ov = plan_overview(t)
    label = plan_names(t, lang)
    return select({"size": lambda: size(ov, label, lang), "baselines": lambda: baselines(t, ov, label, lang),
                   "responsible_units": lambda: responsible_units(ov, label, lang),
                   "specificity": lambda: specificity(ov, label, lang),
                   "drafts": lambda: draft_caveat(t, lang), "unreviewed": lambda: unreviewed_caveat(t, lang)}, only)


SECTIONS = ("size", "baselines", "responsible_units", "specificity", "drafts", "unreviewed")
