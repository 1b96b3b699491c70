"""Findings of 05_similarity: verbatim overlap, whether it depends on the shingle length, shared vocabulary,
boilerplate and local text, and what the local passages contain.

The notebook passes what it has computed for its figures (``overlap``, ``cosine``, ``reuse``, ``examples``);
anything not passed is computed here with the notebook's parameters (``n``, ``threshold``, ``per_plan``).
"""
from __future__ import annotations

from functools import cached_property

import numpy as np
import pandas as pd

from comparison.analysis import similarity as sim
from comparison.analysis.findings.base import (GREEN, SYNERGY, Finding, Findings, language, of_type, plan_column,
                                               plan_ids, plan_names, select, unreviewed_caveat)
from comparison.analysis.findings.wording import LIST_LIMIT, names, number, percent, pick, share_range

SHINGLE_LENGTHS = (6, 8, 10, 12)   # the robustness check: is the most overlapping pair the same at each n?
ONE_SOURCE = 0.9                   # a plan "takes its boilerplate from" a plan that supplies this share of it


class Results:
    def __init__(self, t, n: int, threshold: float, per_plan: int, given: dict):
        unknown = set(given) - {"overlap", "cosine", "reuse", "examples"}
        if unknown:
            raise TypeError(f"unknown results: {', '.join(sorted(unknown))}")
        self.t, self.n, self.threshold, self.per_plan = t, n, threshold, per_plan
        self.__dict__.update({k: v for k, v in given.items() if v is not None})

    @cached_property
    def sentences(self) -> pd.DataFrame:
        return self.t.measures[["sentence_id", "doc_id", "plan", "sector", "text"]]

    @cached_property
    def overlap(self) -> pd.DataFrame:
        return sim.containment(self.sentences, self.n)

    @cached_property
    def cosine(self) -> pd.DataFrame:
        return sim.tfidf_cosine(self.sentences)

    @cached_property
    def reuse(self) -> pd.DataFrame:
        return sim.sentence_reuse(self.sentences, self.n)

    @cached_property
    def examples(self) -> pd.DataFrame:
        return sim.local_examples(self.sentences, self.reuse, self.per_plan)


def _off_diagonal(matrix: pd.DataFrame) -> pd.Series:
    """Every ordered pair of different plans (row, column) → value."""
    i, j = np.nonzero(~np.eye(len(matrix), dtype=bool))
    return pd.Series(matrix.to_numpy()[i, j], index=pd.MultiIndex.from_arrays([matrix.index[i], matrix.columns[j]]))


def _most_overlapping(overlap: pd.DataFrame) -> tuple[str, str]:
    """The ordered pair with the largest containment (the first in plan order on a tie)."""
    off = _off_diagonal(overlap)
    return off.idxmax()


def overlap(t, lang: str, r: Results, label) -> Finding | None:
    docs = list(r.overlap.index)
    if len(docs) < 2:
        return None
    off = _off_diagonal(r.overlap)
    a, b = off.idxmax()
    city = plan_column(t, "city_id")
    green = [d for d in of_type(t, GREEN) if d in docs]
    synergy = [d for d in of_type(t, SYNERGY) if d in docs]
    values = {"max": float(off.max()), "most_overlapping": [a, b], "same_city": city[a] == city[b],
              "both_ways": [float(r.overlap.at[a, b]), float(r.overlap.at[b, a])]}
    text = pick(lang, f"Verbatim reuse is {'modest' if off.max() < 0.25 else 'substantial'}: no plan has more than "
                      f"{percent(off.max())} of its {r.n}-character shingles in any other single plan.",
                f"逐字重合{'有限' if off.max() < 0.25 else '明显'}：没有方案超过 {percent(off.max())} 的 {r.n} 字片段出现在任何一个其他方案中。")
    if len(green) >= 2:
        gg = _off_diagonal(r.overlap.loc[green, green])
        values["green_range"] = [float(gg.min()), float(gg.max())]
        text += pick(lang, f" Among the green-economy plans the shares lie {share_range(gg.min(), gg.max(), lang)}.",
                     f"绿色低碳循环发展方案之间的比例为 {share_range(gg.min(), gg.max(), lang)}。")
    same = pick(lang, ": the same city reuses its own text", "：同一城市沿用了自己的文本") if city[a] == city[b] else ""
    lo, hi = sorted(values["both_ways"])
    ways = percent(lo) if percent(lo) == percent(hi) else f"{percent(lo)}–{percent(hi)}"
    text += pick(lang, f" The most overlapping pair is {label[a]} and {label[b]} ({ways} each way){same}.",
                 f"重合最多的一对是{label[a]}和{label[b]}（双向 {ways}）{same}。")
    if len(green) >= 2 and synergy:
        cross = pd.Series([float(v) for s in synergy for g in green if city[g] != city[s]
                           for v in (r.overlap.at[s, g], r.overlap.at[g, s])], dtype=float)
        if len(cross):
            med = float(_off_diagonal(r.overlap.loc[green, green]).median())
            values.update(green_median=med, synergy_other_city_max=float(cross.max()))
            higher = med > cross.max()
            text += pick(lang, f" The median overlap between two green-economy plans ({percent(med)}) is "
                               f"{'higher' if higher else 'not higher'} than {'any' if higher else 'every'} overlap "
                               f"between a synergy plan and a green-economy plan of another city (at most "
                               f"{percent(cross.max())})" + (": the shared template shows." if higher else "."),
                         f"两个绿色低碳循环发展方案之间重合的中位数（{percent(med)}）{'高于' if higher else '不高于'}减污降碳协同方案与"
                         f"其他城市绿色低碳循环发展方案之间的任何重合（至多 {percent(cross.max())}）" + ("：共同的模板可见一斑。" if higher else "。"))
    return Finding("overlap", text, values)


def shingle_length(t, lang: str, r: Results, label) -> Finding | None:
    """Whether the most overlapping pair depends on the shingle length."""
    if len(r.overlap) < 2:
        return None
    pairs = {m: _most_overlapping(r.overlap if m == r.n else sim.containment(r.sentences, m)) for m in SHINGLE_LENGTHS}
    same = len({frozenset(p) for p in pairs.values()}) == 1
    a, b = pairs[r.n] if r.n in pairs else next(iter(pairs.values()))
    values = {"most_overlapping": {m: list(p) for m, p in pairs.items()}, "same_pair": same}
    lengths = pick(lang, f"{SHINGLE_LENGTHS[0]} to {SHINGLE_LENGTHS[-1]}", f"{SHINGLE_LENGTHS[0]}–{SHINGLE_LENGTHS[-1]}")
    if same:
        text = pick(lang, f"{label[a]} and {label[b]} are the most overlapping pair whatever the shingle length from "
                          f"{lengths} characters, so the finding does not hinge on n = {r.n}.",
                    f"无论片段长度取 {lengths} 字中的哪一个，重合最多的都是{label[a]}和{label[b]}，结论不依赖于 n = {r.n}。")
    else:
        said = "; ".join(pick(lang, f"n = {m}: {label[p[0]]} and {label[p[1]]}", f"n = {m}：{label[p[0]]}和{label[p[1]]}")
                         for m, p in pairs.items())
        text = pick(lang, f"The most overlapping pair depends on the shingle length ({said}): read the overlap figure "
                          "with that in mind.",
                    f"重合最多的一对随片段长度而变（{said}）：解读重合图时需注意。")
    return Finding("shingle_length", text, values)


def vocabulary(t, lang: str, r: Results, label) -> Finding | None:
    cos = r.cosine
    docs = list(cos.index)
    if len(docs) < 3:
        return None
    mean = cos.where(~np.eye(len(cos), dtype=bool)).mean()
    odd = mean.idxmin()
    city = plan_column(t, "city_id")
    others = [d for d in docs if d != odd and city[d] != city[odd]]
    least = {d: cos.loc[d].drop(d).idxmin() for d in others}
    points_to_odd = [d for d in others if least[d] == odd]
    pairs = pd.Series({(docs[i], docs[j]): cos.iat[i, j] for i in range(len(docs)) for j in range(i + 1, len(docs))})
    a, b = pairs.idxmax()
    values = {"lowest_mean": odd, "mean": {d: float(v) for d, v in mean.items()}, "closest": [a, b],
              "least_similar_is_the_odd_one": points_to_odd, "other_city_plans": others}
    text = pick(lang, f"By vocabulary (TF-IDF cosine) {label[odd]} is the odd one out: it has the lowest mean "
                      "similarity to the other plans",
                f"按词汇（TF-IDF 余弦）看，{label[odd]}最为特殊：它与其他方案的平均相似度最低")
    if others and len(points_to_odd) == len(others):
        text += pick(lang, ", and for every plan of another city it is the least similar plan",
                     "，并且对其他城市的每个方案而言，它都是最不相似的方案")
    elif points_to_odd:
        text += pick(lang, f", and it is the least similar plan for {number(len(points_to_odd), lang)} of the "
                           f"{number(len(others), lang)} plans of other cities",
                     f"，在其他城市的 {len(others)} 个方案中，有 {len(points_to_odd)} 个与它最不相似")
    text += pick(lang, f". The closest pair is {label[a]} and {label[b]} (cosine {pairs.max():.2f})",
                 f"。最接近的一对是{label[a]}和{label[b]}（余弦 {pairs.max():.2f}）")
    green = [d for d in of_type(t, GREEN) if d in docs]
    if a in green and b in green and len(green) >= 3:
        gg = _off_diagonal(r.overlap.loc[green, green])
        top = {frozenset(p) for p in gg.index[gg == gg.max()]}
        also = top == {frozenset((a, b))}
        values["also_most_verbatim_among_green"] = also
        if also:
            text += pick(lang, ", which also share the most verbatim text among the green-economy plans",
                         "，它们也是绿色低碳循环发展方案中逐字重合最多的一对")
    return Finding("vocabulary", text + pick(lang, ".", "。"), values)


def boilerplate(t, lang: str, r: Results, label) -> Finding | None:
    parts = sim.boilerplate_share(r.reuse, r.threshold)
    docs = [d for d in plan_ids(t) if d in set(parts.doc_id)]
    if len(docs) < 2:
        return None
    summary = parts.groupby(["doc_id", "part"]).share.sum().unstack(fill_value=0.0).reindex(docs, fill_value=0.0)
    for col in ("boilerplate", "partial", "local"):
        if col not in summary:
            summary[col] = 0.0
    bp, local = summary.boilerplate, summary.local
    sources = parts[parts.part == "boilerplate"].groupby(["doc_id", "source"]).n.sum()
    one_source = {}
    for d in docs:
        if d in sources.index.get_level_values(0):
            s = sources.loc[d]
            if s.max() / s.sum() >= ONE_SOURCE:
                one_source[d] = (s.idxmax(), float(s.max() / s.sum()))
    order = local.sort_values(ascending=False, kind="stable")
    values = {"boilerplate": bp.to_dict(), "local": local.to_dict(), "one_source": {d: list(v) for d, v in one_source.items()},
              "most_local": order.index[0]}
    text = pick(lang, f"Between {percent(bp.min())} and {percent(bp.max())} of each plan's sentences are boilerplate "
                      f"(at least {percent(r.threshold)} of their shingles in one other plan)."
                if percent(bp.min()) != percent(bp.max()) else
                f"About {percent(bp.min())} of each plan's sentences are boilerplate.",
                f"各方案有 {share_range(bp.min(), bp.max(), lang)} 的句子属于套用（至少 {percent(r.threshold)} 的片段出现在某一个其他方案中）。")
    if one_source:
        said = [pick(lang, f"{label[d]} from {label[src]} ({percent(share)})", f"{label[d]}来自{label[src]}（{percent(share)}）")
                for d, (src, share) in list(one_source.items())[:LIST_LIMIT]]
        text += pick(lang, f" Almost all the boilerplate of {'one plan' if len(one_source) == 1 else f'{len(one_source)} plans'} "
                           f"comes from a single other plan: {names(said, lang)}.",
                     f"有 {len(one_source)} 个方案的套用文本几乎全部来自另一个方案：{names(said, lang)}。")
    top = order.index[0]
    text += pick(lang, f" {label[top]} is the most local: {percent(local[top])} of its sentences share no shingle with any "
                       "other plan", f"{label[top]}最具本地特色：{percent(local[top])} 的句子与其他方案没有任何共同片段")
    if len(order) > 1:
        second = order.index[1]
        text += pick(lang, f", followed by {label[second]} ({percent(local[second])})", f"，其次是{label[second]}（{percent(local[second])}）")
    if len(order) > 2:
        rest = order.iloc[2:]
        text += pick(lang, f"; for the other plans the local share lies {share_range(rest.min(), rest.max(), lang)}",
                     f"；其余方案的本地句子占比为 {share_range(rest.min(), rest.max(), lang)}")
    return Finding("boilerplate", text + pick(lang, ".", "。"), values)


def local_passages(t, lang: str, r: Results, label) -> Finding | None:
    ex = r.examples
    if ex.empty:
        return Finding("local_passages", pick(lang, "No sentence is local (every sentence shares a shingle with another "
                                                    "plan).", "没有本地独有的句子（每个句子都与其他方案有共同片段）。"), {})
    city_zh = plan_column(t, "city_zh")
    texts = ex.text.astype(str)
    docs = ex.doc_id.astype(str) if "doc_id" in ex else ex.sentence_id.str.split(":").str[0]  # doc_id:section.clause.n
    number_ = int(texts.str.contains(r"\d").sum())
    year = int(texts.str.contains(r"20\d\d\s*年").sum())
    own_city = int(sum(city_zh.get(d, "\0") in x for d, x in zip(docs, texts)))
    values = {"examples": len(ex), "state_a_number": number_, "name_a_year": year, "name_own_city": own_city}
    text = pick(lang, f"Of the {len(ex)} local passages shown, {number_} state a number and {year} name a year "
                      f"(到 20xx 年 and the like); {own_city} name the plan's own city.",
                f"所列 {len(ex)} 段本地句子中，{number_} 段含数字，{year} 段含年份（如“到 20xx 年”），{own_city} 段提到方案所在城市。")
    if number_ > len(ex) / 2:
        text += pick(lang, " Most local passages are where a plan states its own numbers.",
                     "本地句子大多是方案陈述自身数字之处。")
    return Finding("local_passages", text, values)


def findings(t, lang: str | None = None, n: int = 8, threshold: float = 0.5, per_plan: int = 3, only=None,
             **results) -> Findings:
    """The findings of 05_similarity; ``results`` are pieces the notebook has computed already (module
    docstring); ``only`` picks sections by key (``SECTIONS``)."""
    lang = language(t, lang)
    r = Results(t, n, threshold, per_plan, results)
    label = plan_names(t, lang)
    return select({"overlap": lambda: overlap(t, lang, r, label), "shingle_length": lambda: shingle_length(t, lang, r, label),
                   "vocabulary": lambda: vocabulary(t, lang, r, label), "boilerplate": lambda: boilerplate(t, lang, r, label),
                   "local_passages": lambda: local_passages(t, lang, r, label),
                   "unreviewed": lambda: unreviewed_caveat(t, lang)}, only)


SECTIONS = ("overlap", "shingle_length", "vocabulary", "boilerplate", "local_passages", "unreviewed")
