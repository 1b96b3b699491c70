"""Findings of 04_clustering: the tree cut in two, its stability under resampling sentences, the sentence
themes, and what the data can support.

The notebook computes the tree, the bootstrap and k-means for its figures; it passes them in (``profiles``,
``link``, ``cooccurrence``, ``scores``, ``labels``, ``seed_ari``) so nothing is computed twice. Anything not
passed is computed here with the notebook's parameters (``B``, ``seed``, ``k_range``, ``n_seeds``).
"""
from __future__ import annotations

from functools import cached_property

import numpy as np
import pandas as pd

from comparison.analysis import clustering as cl
from comparison.analysis.findings.base import (Finding, Findings, language, plan_column, plan_ids, plan_names,
                                               select, unreviewed_caveat, who)
from comparison.analysis.findings.wording import capital, mid, names, number, percent, pick, share_range

K_RANGE = range(4, 13)
UNSETTLED = (0.1, 0.9)   # a pair together in between 10 % and 90 % of replicates has no stable grouping
NO_STRUCTURE = 0.25      # mean silhouette below this: no substantial structure (Kaufman and Rousseeuw)


class Results:
    """What the findings rest on, computed on first use unless the notebook passed it in."""

    def __init__(self, t, B: int, seed: int, k_range, n_seeds: int, given: dict):
        unknown = set(given) - {"profiles", "link", "cooccurrence", "scores", "labels", "seed_ari"}
        if unknown:
            raise TypeError(f"unknown results: {', '.join(sorted(unknown))}")
        self.t, self.B, self.seed, self.k_range, self.n_seeds = t, B, seed, k_range, n_seeds
        self.__dict__.update({k: v for k, v in given.items() if v is not None})

    @cached_property
    def profiles(self) -> pd.DataFrame:
        return cl.profile_matrix(self.t.priorities, "sector")

    @cached_property
    def link(self) -> np.ndarray:
        return cl.plan_linkage(self.profiles)

    @cached_property
    def cooccurrence(self) -> dict[int, pd.DataFrame]:
        return cl.bootstrap_cooccurrence(self.t.measures, "sector_id", list(self.profiles.columns), ks=(2, 3),
                                         B=self.B, seed=self.seed)

    @cached_property
    def vectors(self):
        return cl.sentence_vectors(self.t.measures.text)

    def _kmeans(self):
        self.scores, self.labels = cl.kmeans_by_k(self.vectors, self.k_range, seed=self.seed)

    @cached_property
    def scores(self) -> pd.DataFrame:
        self._kmeans()
        return self.__dict__["scores"]

    @cached_property
    def labels(self) -> dict[int, np.ndarray]:
        self._kmeans()
        return self.__dict__["labels"]

    @cached_property
    def k(self) -> int:
        return cl.best_k(self.scores)

    @cached_property
    def seed_ari(self) -> pd.Series:
        return cl.seed_agreement(self.vectors, self.k, self.labels[self.k],
                                 [self.seed + i for i in range(1, self.n_seeds + 1)])

    @cached_property
    def themes(self) -> np.ndarray:
        return cl.order_by_size(self.labels[self.k])


def _pairs(matrix: pd.DataFrame) -> pd.Series:
    """Each pair of plans once (the upper triangle of a plan × plan matrix), indexed by (plan, plan)."""
    i, j = np.triu_indices(len(matrix), 1)
    index = pd.MultiIndex.from_arrays([matrix.index[i], matrix.columns[j]])
    return pd.Series(matrix.to_numpy()[i, j], index=index)


def tree(t, lang: str, r: Results, label) -> Finding:
    """The tree cut into two clusters: who is apart, whether the cut follows the plan types, what sets a lone
    plan apart, and the closest pair of profiles."""
    docs = list(r.profiles.index)
    if len(docs) < 3:
        return Finding("tree", pick(lang, f"With {number(len(docs), lang)} plan{'' if len(docs) == 1 else 's'} there is "
                                          "no tree to cut: clustering needs at least three plans.",
                                    f"只有 {len(docs)} 个方案，无法聚类（至少需要三个方案）。"), {"n_plans": len(docs)})
    clusters = pd.Series(cl.cut(r.link, 2), index=docs)
    sizes = clusters.value_counts()
    small = [d for d in docs if clusters[d] == sizes.idxmin()] if sizes.nunique() > 1 else \
        [d for d in docs if clusters[d] == clusters.iloc[-1]]
    rest = [d for d in docs if d not in small]
    types = plan_column(t, "plan_type")
    follows = {types[d] for d in small}.isdisjoint({types[d] for d in rest}) and len({types[d] for d in small}) == 1 \
        and len({types[d] for d in rest}) == 1
    dist = cl.distance_matrix(r.profiles)
    pairs = _pairs(dist)
    closest = [list(p) for p in pairs.index[pairs == pairs.min()]]
    values = {"apart": small, "together": rest, "follows_plan_types": follows, "closest": closest,
              "closest_distance": float(pairs.min())}
    lab = lambda ds: who(ds, label, lang)  # noqa: E731
    text = pick(lang, f"Cut into two clusters, the tree puts {lab(small)} apart from the other "
                      f"{number(len(rest), lang)} plan{'' if len(rest) == 1 else 's'}",
                f"切分为两类时，聚类树把{lab(small)}与其余 {len(rest)} 个方案分开")
    text += pick(lang, ": exactly the split between plan types." if follows else ".",
                 "，恰好与方案类型一致。" if follows else "。")
    if len(small) == 1:
        d = small[0]
        others = r.profiles.drop(index=d)
        cat = t.taxonomy.labels("sectors", lang)
        more = [c for c in r.profiles.columns if r.profiles.at[d, c] > others[c].max()]
        zero = [c for c in r.profiles.columns if r.profiles.at[d, c] == 0 and (others[c] > 0).all()]
        values.update(more_than_all_others=more, none_where_all_others=zero)
        if zero:
            text += pick(lang, f" It has no sentence on {names([mid(cat[c], lang) for c in zero], lang, conj='or')}",
                         f"它没有关于{names([cat[c] for c in zero], lang, conj='or')}的句子")
        if more:
            text += pick(lang, f"{' and' if zero else ' It puts'} more weight than any other plan on "
                               f"{names([mid(cat[c], lang) for c in more], lang)}",
                         f"{'，' if zero else '它'}在{names([cat[c] for c in more], lang)}上的占比高于其他所有方案")
        if zero or more:
            text += pick(lang, ".", "。")
    text += pick(lang, f" The closest pair of profiles is {' and '.join(label[d] for d in closest[0])}"
                       + (f" (tied with {len(closest) - 1} other pairs)" if len(closest) > 1 else "")
                       + f" (Jensen–Shannon distance {pairs.min():.3f}).",
                 f"行业结构最接近的一对是{'和'.join(label[d] for d in closest[0])}"
                 + (f"（另有 {len(closest) - 1} 对并列）" if len(closest) > 1 else "") + f"（Jensen–Shannon 距离 {pairs.min():.3f}）。")
    return Finding("tree", text, values)


def stability(t, lang: str, r: Results, label) -> Finding | None:
    """Per k, how many pairs of plans are always or never together across the replicates, and how many are
    unsettled (together in between 10 % and 90 % of them)."""
    docs = list(r.profiles.index)
    if len(docs) < 3:
        return None
    parts, values = [], {"B": r.B}
    clusters = pd.Series(cl.cut(r.link, 2), index=docs)
    for k, co in sorted(r.cooccurrence.items()):
        p = _pairs(co.loc[docs, docs])
        fixed = int(((p == 0) | (p == 1)).sum())
        unsettled = p[(p > UNSETTLED[0]) & (p < UNSETTLED[1])]
        i, j = np.triu_indices(len(docs), 1)
        same = clusters.to_numpy()[i] == clusters.to_numpy()[j]
        within = {frozenset((docs[a], docs[b])) for a, b in zip(i[same], j[same])}
        inside = bool(len(unsettled)) and {frozenset(x) for x in unsettled.index} == within
        values[k] = {"pairs": len(p), "always_or_never": fixed, "unsettled": len(unsettled),
                     "unsettled_are_the_pairs_within_a_k2_cluster": inside}
        if fixed == len(p):
            as_tree = k == 2 and bool((co.loc[docs, docs].to_numpy() == cl.cooccurrence(clusters.to_numpy())).all())
            values[k]["same_as_the_tree"] = as_tree
            parts.append(pick(lang, f"at k = {k} every pair of plans is either always or never in the same cluster: "
                                    "the grouping does not move" + (" (the tree's own split)" if as_tree else ""),
                              f"k = {k} 时每一对方案要么总在同一类、要么从不同类：分组不变" + ("（即聚类树本身的切分）" if as_tree else "")))
        elif not len(unsettled):
            parts.append(pick(lang, f"at k = {k} no pair of plans is together in between 10% and 90% of the "
                                    "replicates: the grouping barely moves",
                              f"k = {k} 时没有一对方案同属一类的比例介于 10% 与 90% 之间：分组基本不变"))
        else:
            where = pick(lang, " (every pair of the plans that are together at k = 2)",
                         "（正是 k = 2 时同属一类的各对方案）") if inside else ""
            parts.append(pick(lang, f"at k = {k}, {len(unsettled)} of the {len(p)} pairs{where} are together in between "
                                    "10% and 90% of the replicates, so that finer structure is not supported by the "
                                    "plans' own sentences",
                              f"k = {k} 时 {len(p)} 对方案中有 {len(unsettled)} 对{where}同属一类的比例介于 10% 与 90% 之间，"
                              "这种更细的结构得不到各方案自身句子的支持"))
    text = pick(lang, f"Resampling each plan's sentences (B = {r.B} replicates): {'; '.join(parts)}.",
                f"对各方案句子重抽样（B = {r.B}）：{'；'.join(parts)}。")
    if r.B < 100:
        text += pick(lang, f" With only {r.B} replicates these shares are rough.", f"自助样本仅 {r.B} 个，这些比例只是粗略估计。")
    return Finding("stability", text, values)


def theme_count(t, lang: str, r: Results) -> Finding:
    """How well the sentences separate into themes: the silhouettes, where the best k lies, and whether
    k-means from other seeds finds the same partition."""
    s = r.scores.set_index("k").silhouette
    k, best, ks = r.k, float(s.max()), list(r.scores.k)
    ari = r.seed_ari
    values = {"k": k, "max_silhouette": best, "silhouette_first_k": float(s.iloc[0]), "k_range": [ks[0], ks[-1]],
              "seed_ari": {int(a): float(b) for a, b in ari.items()}}
    text = pick(lang, f"The mean silhouette is at most {best:.3f} (1 would be perfectly separated themes)",
                f"平均轮廓系数至多为 {best:.3f}（1 表示主题完全分离）")
    if k == ks[-1] and len(ks) > 1:
        ratio = best / float(s.iloc[0]) if s.iloc[0] > 0 else float("nan")
        text += pick(lang, f" and is highest at the upper end of the range searched (k = {k}"
                           + (f", {ratio:.1f} times its value at k = {ks[0]}" if ratio == ratio else "")
                           + f"), so k = {k} is where the search stops, not a natural number of themes",
                     f"，且在搜索范围的上端最高（k = {k}" + (f"，是 k = {ks[0]} 时的 {ratio:.1f} 倍" if ratio == ratio else "")
                     + f"），因此 k = {k} 只是搜索的终点，而非自然的主题数")
    elif k == ks[0] and len(ks) > 1:
        text += pick(lang, f" and is highest at the lower end of the range searched (k = {k})",
                     f"，且在搜索范围的下端最高（k = {k}）")
    else:
        text += pick(lang, f" and is highest at k = {k}", f"，在 k = {k} 时最高")
    text += pick(lang, ".", "。")
    if len(ari):
        lo, hi = float(ari.min()), float(ari.max())
        how = pick(lang, "closely" if lo >= 0.9 else "only partly" if hi < 0.5 else "in part",
                   "高度一致" if lo >= 0.9 else "仅部分一致" if hi < 0.5 else "部分一致")
        text += pick(lang, f" Runs from {number(len(ari), lang)} other seeds agree with it {how} (adjusted Rand index "
                           f"{lo:.2f}–{hi:.2f}; 1 = the same partition).",
                     f"另外 {len(ari)} 个随机种子的结果与之{how}（调整兰德指数 {lo:.2f}–{hi:.2f}；1 = 完全相同）。")
    if best < NO_STRUCTURE:
        text += pick(lang, " The sentences do not fall into well-separated groups: the themes are a reading aid.",
                     "句子并不形成界限清楚的组：主题只是阅读的辅助。")
    return Finding("theme_count", text, values)


def themes(t, lang: str, r: Results) -> Finding:
    """The largest theme, themes drawn from one plan only, and how far themes follow the hand-coded sectors."""
    th, docs = r.themes, t.measures.doc_id.astype(str).to_numpy()
    shares = cl.theme_shares(t.measures.doc_id, th)
    by_plan = pd.crosstab(th, docs)
    largest = int(pd.Series(th).value_counts().idxmax())
    one_plan = {int(c): str(by_plan.columns[(by_plan.loc[c] > 0).to_numpy()][0]) for c in by_plan.index
                if (by_plan.loc[c] > 0).sum() == 1}
    ami = cl.agreement(th, t.measures.sector_id)
    values = {"largest": largest, "largest_share": float((th == largest).mean()),
              "largest_share_by_plan": {str(d): float(v) for d, v in shares.loc[largest].items()},
              "single_plan_themes": one_plan, "ami_with_sectors": ami, "k": int(th.max())}
    label = plan_names(t, lang)
    text = pick(lang, f"The largest theme holds {percent((th == largest).mean())} of all sentences",
                f"最大的主题包含全部句子的 {percent((th == largest).mean())}")
    if shares.shape[1] > 1:
        text += pick(lang, f" ({share_range(shares.loc[largest].min(), shares.loc[largest].max(), lang)} of each plan's)",
                     f"（占各方案句子的 {share_range(shares.loc[largest].min(), shares.loc[largest].max(), lang)}）")
    text += pick(lang, ".", "。")
    if len(label) > 1:
        if one_plan:
            terms = cl.theme_terms(t.measures.text, th)
            said = names([pick(lang, f"T{c} ({'·'.join(terms.get(c, []))}) only of {label[d]}",
                               f"T{c}（{'·'.join(terms.get(c, []))}）只来自{label[d]}") for c, d in one_plan.items()], lang)
            text += pick(lang, f" With this seed {number(len(one_plan), lang)} theme{'' if len(one_plan) == 1 else 's'} "
                               f"{'is' if len(one_plan) == 1 else 'are'} made of one plan's sentences: {said}; every "
                               "other theme draws on at least two plans.",
                         f"在此随机种子下，有 {len(one_plan)} 个主题只由一个方案的句子组成：{said}；其余主题都来自至少两个方案。")
        else:
            text += pick(lang, " Every theme draws on at least two plans.", "每个主题都来自至少两个方案。")
    text += pick(lang, f" The themes {'only partly follow' if ami < 0.5 else 'largely follow'} the hand-coded sectors "
                       f"(adjusted mutual information {ami:.2f}; 0 = chance, 1 = the same grouping).",
                 f"主题与人工编码的行业{'只是部分吻合' if ami < 0.5 else '大体吻合'}（调整互信息 {ami:.2f}；0 = 随机，1 = 完全一致）。")
    return Finding("themes", text, values)


def limits(t, lang: str, r: Results | None) -> list[Finding]:
    """What the plans can and cannot support, as numbered caveats, each true for the loaded plans."""
    n = len(plan_ids(t))
    types = pd.Series(plan_column(t, "plan_type")).value_counts()
    lone = [ty for ty, k in types.items() if k == 1] if n > 1 else []
    items = [pick(lang, "*No significance.* The plans are not a random sample of Chinese cities"
                  + (f"; with {number(n, lang)} plans there is no sampling distribution to test against" if n < 30 else "")
                  + ": no p-value or confidence statement about cities in general follows from these figures.",
                  "*没有显著性。* 这些方案并非中国城市的随机样本" + (f"；只有 {n} 个方案，没有可供检验的抽样分布" if n < 30 else "")
                  + "：这些图不能推出关于城市总体的 p 值或置信结论。"),
             pick(lang, "*Clusters are descriptive.* The dendrogram summarises which sector profiles are close under one "
                        "distance and one linkage; it is not evidence that plan types exist as groups.",
                  "*聚类只是描述。* 树状图概括的是在一种距离和一种连接方法下哪些行业结构相近，并不证明存在成组的方案类型。"),
             pick(lang, "*The bootstrap is over sentences, not over cities.* It shows whether a grouping survives "
                        "re-drawing each plan's own sentences, not whether another set of cities would group the same way.",
                  "*自助抽样的对象是句子而非城市。* 它说明分组能否经受各方案自身句子的重抽样，而不说明另一组城市是否会同样分组。")]
    if lone:
        kinds = {"pollution_carbon_synergy": ("synergy", "减污降碳协同"), "green_economy": ("green-economy", "绿色低碳循环发展")}
        said = names([pick(lang, kinds.get(ty, (ty, ty))[0], kinds.get(ty, (ty, ty))[1]) for ty in lone], lang)
        items.append(pick(lang, f"*One plan type is one plan.* Only one {said} plan is loaded: its distance from the "
                                "others mixes plan type, city and drafting team.",
                          f"*一种方案类型只有一个方案。* 只载入了一个{said}方案：它与其他方案的距离混合了方案类型、城市和起草团队的差别。"))
    if r is not None and n > 1:
        s = r.scores.silhouette
        if float(s.max()) < NO_STRUCTURE or r.k in (r.scores.k.min(), r.scores.k.max()):
            items.append(pick(lang, "*Themes are a reading aid.* Silhouettes are low and k-means partitions depend on "
                                    "where they start; the themes help to read the sentences, they do not reveal a "
                                    "natural number of topics.",
                              "*主题只是阅读的辅助。* 轮廓系数低，k-means 的划分依赖初始点；主题有助于阅读句子，但并不揭示自然的主题数。"))
    head = pick(lang, f"**What {number(n, lang)} plan{'' if n == 1 else 's'} can and cannot support.**",
                f"**{n} 个方案能支持什么、不能支持什么。**")
    text = head + " " + " ".join(f"{k}. {capital(item)}" for k, item in enumerate(items, 1))
    return [Finding("limits", text, {"n_plans": n, "lone_plan_types": lone}, caveat=True)]


def findings(t, lang: str | None = None, B: int = 200, seed: int = 2024, k_range=K_RANGE, n_seeds: int = 5,
             only=None, **results) -> Findings:
    """The findings of 04_clustering; ``results`` are pieces the notebook has computed already (see module
    docstring); ``only`` picks sections by key (``SECTIONS``)."""
    lang = language(t, lang)
    r = Results(t, B, seed, k_range, n_seeds, results)
    label = plan_names(t, lang)
    enough = len(plan_ids(t)) > 1
    return select({"tree": lambda: tree(t, lang, r, label), "stability": lambda: stability(t, lang, r, label),
                   "theme_count": lambda: theme_count(t, lang, r) if enough else None,
                   "themes": lambda: themes(t, lang, r) if enough else None,
                   "limits": lambda: limits(t, lang, r if enough else None),
                   "unreviewed": lambda: unreviewed_caveat(t, lang)}, only)


SECTIONS = ("tree", "stability", "theme_count", "themes", "limits", "unreviewed")
