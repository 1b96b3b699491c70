"""Synthetic corpora of N plans for figure layout tests, built directly as the tables the figures take.

Cheap and seeded: no pipeline run. Plans get real province and prefecture names (autonomous prefectures
with long Chinese names among them), several plans per city (different years, both plan types), about one
synergy plan in five, and values drawn from the codebook's own ids (indicators, sectors, instruments,
pillars, agencies), so labels are the real bilingual labels. Analyses that are cheap run for real on
these tables (profiles, coverage, shared targets, involvement); the results of costly ones (bootstrap,
k-means themes, text reuse) are drawn directly in their published shapes.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd

from comparison.analysis.priorities import codebook_order
from comparison.curation.taxonomy import load_taxonomy
from comparison.paths import project_paths

# province (zh, en) → prefecture-level cities (zh, en); long names on purpose
PLACES = [
    (("福建", "Fujian"), [("南平", "Nanping"), ("三明", "Sanming"), ("龙岩", "Longyan"), ("宁德", "Ningde")]),
    (("江西", "Jiangxi"), [("上饶", "Shangrao"), ("赣州", "Ganzhou"), ("景德镇", "Jingdezhen"), ("吉安", "Ji'an")]),
    (("甘肃", "Gansu"), [("天水", "Tianshui"), ("甘南藏族自治州", "Gannan Tibetan Autonomous Prefecture"),
                        ("临夏回族自治州", "Linxia Hui Autonomous Prefecture"), ("张掖", "Zhangye")]),
    (("河南", "Henan"), [("焦作", "Jiaozuo"), ("信阳", "Xinyang"), ("驻马店", "Zhumadian"), ("平顶山", "Pingdingshan")]),
    (("新疆维吾尔自治区", "Xinjiang Uygur Autonomous Region"),
     [("克孜勒苏柯尔克孜自治州", "Kizilsu Kirghiz Autonomous Prefecture"),
      ("巴音郭楞蒙古自治州", "Bayingolin Mongol Autonomous Prefecture"), ("哈密", "Hami"), ("昌吉回族自治州", "Changji Hui Autonomous Prefecture")]),
    (("贵州", "Guizhou"), [("黔东南苗族侗族自治州", "Qiandongnan Miao and Dong Autonomous Prefecture"),
                          ("黔西南布依族苗族自治州", "Qianxinan Buyei and Miao Autonomous Prefecture"), ("遵义", "Zunyi"), ("六盘水", "Liupanshui")]),
    (("云南", "Yunnan"), [("西双版纳傣族自治州", "Xishuangbanna Dai Autonomous Prefecture"),
                         ("德宏傣族景颇族自治州", "Dehong Dai and Jingpo Autonomous Prefecture"), ("曲靖", "Qujing"), ("玉溪", "Yuxi")]),
    (("内蒙古自治区", "Inner Mongolia Autonomous Region"), [("鄂尔多斯", "Ordos"), ("呼伦贝尔", "Hulunbuir"),
                                                    ("巴彦淖尔", "Bayannur"), ("乌兰察布", "Ulanqab")]),
    (("广东", "Guangdong"), [("韶关", "Shaoguan"), ("湛江", "Zhanjiang"), ("肇庆", "Zhaoqing"), ("清远", "Qingyuan")]),
    (("江苏", "Jiangsu"), [("盐城", "Yancheng"), ("连云港", "Lianyungang"), ("淮安", "Huai'an"), ("宿迁", "Suqian")]),
    (("浙江", "Zhejiang"), [("湖州", "Huzhou"), ("衢州", "Quzhou"), ("丽水", "Lishui"), ("台州", "Taizhou")]),
    (("山东", "Shandong"), [("淄博", "Zibo"), ("东营", "Dongying"), ("潍坊", "Weifang"), ("临沂", "Linyi")]),
    (("四川", "Sichuan"), [("凉山彝族自治州", "Liangshan Yi Autonomous Prefecture"), ("攀枝花", "Panzhihua"),
                          ("阿坝藏族羌族自治州", "Ngawa Tibetan and Qiang Autonomous Prefecture"), ("宜宾", "Yibin")]),
    (("湖南", "Hunan"), [("湘西土家族苗族自治州", "Xiangxi Tujia and Miao Autonomous Prefecture"), ("株洲", "Zhuzhou"),
                        ("郴州", "Chenzhou"), ("岳阳", "Yueyang")]),
    (("湖北", "Hubei"), [("恩施土家族苗族自治州", "Enshi Tujia and Miao Autonomous Prefecture"), ("宜昌", "Yichang"),
                        ("襄阳", "Xiangyang"), ("十堰", "Shiyan")]),
    (("广西壮族自治区", "Guangxi Zhuang Autonomous Region"), [("百色", "Baise"), ("河池", "Hechi"), ("柳州", "Liuzhou"),
                                                     ("桂林", "Guilin")]),
    (("河北", "Hebei"), [("张家口", "Zhangjiakou"), ("承德", "Chengde"), ("唐山", "Tangshan"), ("邯郸", "Handan")]),
    (("山西", "Shanxi"), [("大同", "Datong"), ("长治", "Changzhi"), ("晋城", "Jincheng"), ("吕梁", "Lüliang")]),
    (("陕西", "Shaanxi"), [("榆林", "Yulin"), ("延安", "Yan'an"), ("汉中", "Hanzhong"), ("安康", "Ankang")]),
    (("吉林", "Jilin"), [("延边朝鲜族自治州", "Yanbian Korean Autonomous Prefecture"), ("白山", "Baishan"),
                        ("通化", "Tonghua"), ("四平", "Siping")]),
    (("黑龙江", "Heilongjiang"), [("大兴安岭地区", "Da Hinggan Ling Prefecture"), ("伊春", "Yichun"), ("鹤岗", "Hegang"),
                               ("齐齐哈尔", "Qiqihar")]),
    (("青海", "Qinghai"), [("海西蒙古族藏族自治州", "Haixi Mongol and Tibetan Autonomous Prefecture"),
                          ("玉树藏族自治州", "Yushu Tibetan Autonomous Prefecture"), ("海东", "Haidong"), ("果洛藏族自治州", "Golog Tibetan Autonomous Prefecture")]),
    (("安徽", "Anhui"), [("黄山", "Huangshan"), ("六安", "Lu'an"), ("宣城", "Xuancheng"), ("池州", "Chizhou")]),
    (("宁夏回族自治区", "Ningxia Hui Autonomous Region"), [("石嘴山", "Shizuishan"), ("吴忠", "Wuzhong"), ("固原", "Guyuan"),
                                                   ("中卫", "Zhongwei")]),
    (("辽宁", "Liaoning"), [("鞍山", "Anshan"), ("抚顺", "Fushun"), ("本溪", "Benxi"), ("丹东", "Dandong")]),
]
YEARS = ("2021", "2022", "2023")
TYPES = ("green_economy", "pollution_carbon_synergy")
THEME_WORDS = ["生态环境", "三方治理", "生活垃圾", "绿色产品", "基础设施", "危险废物", "清洁生产", "绿色供应", "智慧物流",
               "二氧化碳", "工业增加", "有关部门", "资源回收", "综合利用", "减污降碳", "协同增效", "加快农业", "绿色技术",
               "创新项目", "绿色金融", "循环经济", "节能降耗", "绿色建筑", "新能源车"]


@lru_cache(maxsize=1)
def codebook():
    return load_taxonomy(project_paths())


def plan_slots(n: int) -> list[dict]:
    """N (province, city, year, type) slots, year after year: every city a green-economy plan, every third
    city also a synergy plan; so several plans per city and both plan types at every size."""
    cities = [(p, c) for p, cs in PLACES for c in cs]
    slots = []
    for year in YEARS:
        for k, (province, city) in enumerate(cities):
            for plan_type in TYPES[:2 if k % 3 == 0 else 1]:
                slots.append(dict(province=province, city=city, year=year, plan_type=plan_type))
    if n > len(slots):
        raise ValueError(f"at most {len(slots)} synthetic plans")
    return slots[:n]


@dataclass
class Corpus:
    """The tables of a synthetic corpus in one language (the shapes ``comparison.api.load`` returns)."""
    lang: str
    plans: pd.DataFrame
    quantities: pd.DataFrame
    priorities: pd.DataFrame
    responsibilities: pd.DataFrame
    rng_seed: int

    @property
    def order(self) -> list[str]:
        return list(self.plans.doc_id)


def _label(city: str, year: str, plan_type: str, lang: str) -> str:
    label = f"{city} {year}"
    if plan_type == "pollution_carbon_synergy":
        label += " 减污降碳" if lang == "zh" else " (synergy)"
    return label


def make_plans(n: int, lang: str) -> pd.DataFrame:
    rows = []
    ids = {}
    for s in plan_slots(n):
        city_en = s["city"][1]
        city_id = "".join(ch for ch in city_en.lower() if ch.isalnum())[:24]
        doc_id = f"{city_id}_{s['year']}" + ("_synergy" if s["plan_type"] == "pollution_carbon_synergy" else "")
        ids[doc_id] = ids.get(doc_id, 0) + 1
        rows.append(dict(doc_id=doc_id, city_id=city_id, city_zh=s["city"][0], city_en=city_en,
                         province_zh=s["province"][0], province_en=s["province"][1], plan_type=s["plan_type"],
                         reviewed=True, plan=_label(s["city"][0 if lang == "zh" else 1], s["year"], s["plan_type"], lang)))
    assert max(ids.values()) == 1
    plans = pd.DataFrame(rows)
    # the manifest lists plans as they were added: shuffle the city blocks, not the order within a city
    rng = np.random.default_rng(n)
    cities = list(dict.fromkeys(plans.city_id))
    rank = {c: k for k, c in enumerate(rng.permutation(cities))}
    plans = plans.assign(_r=plans.city_id.map(rank)).sort_values(["_r"], kind="stable").drop(columns="_r")
    plans = plans.reset_index(drop=True)
    plans.attrs["all_plans"] = list(zip(plans.doc_id, plans.city_id))
    return plans


def _categorical(df: pd.DataFrame, plans: pd.DataFrame) -> pd.DataFrame:
    order = list(plans.doc_id)
    labels = dict(zip(plans.doc_id, plans.plan))
    return df.assign(plan=pd.Categorical(df.doc_id.map(labels), categories=[labels[d] for d in order], ordered=True),
                     doc_id=pd.Categorical(df.doc_id, categories=order, ordered=True))


def make_quantities(plans: pd.DataFrame, lang: str, rng) -> pd.DataFrame:
    """Target rows: each plan targets 5–40 indicators, popular ones more often; values in a plausible range
    around an indicator-specific centre; about one value in twelve not comparable."""
    ind = codebook().table("indicators").reset_index(drop=True)
    popularity = rng.dirichlet(np.full(len(ind), 0.4))
    counts = rng.integers(5, 41, len(plans))
    picks = [rng.choice(len(ind), size=k, replace=False, p=popularity) for k in counts]
    i = np.concatenate(picks)
    q = np.concatenate([np.arange(k) for k in counts])
    doc = np.repeat(plans.doc_id.to_numpy(), counts)
    r = ind.iloc[i].reset_index(drop=True)
    unit = np.where(r.canonical_unit.isin(["%", "percent"]), "percent", r.canonical_unit.astype(str))
    centre = np.where(unit == "percent", 50 + (i * 37) % 50, 10.0 ** (1 + i % 5))
    value = centre * rng.uniform(0.7, 1.3, len(i))
    value = np.where(unit == "percent", np.round(np.minimum(value, 100.0), 1), np.round(value))
    df = pd.DataFrame(dict(quantity_id=[f"{d}_q{k:03d}" for d, k in zip(doc, q)], doc_id=doc, kind="target",
                           indicator_id=r.indicator_id, label_zh=r.label_zh, label_en=r.label_en,
                           indicator=r[f"label_{lang}"], sector_id=r.sector_id,
                           pillar_id=np.where(q < 2, "overall", "production"), measure=r.measure,
                           direction=r.direction, value_std=value,
                           comparator=rng.choice(["eq", "ge", "le", "approx"], p=[0.5, 0.35, 0.1, 0.05], size=len(i)),
                           unit_std=unit, target_year=2025, base_year=np.nan, scope="", commitment="none",
                           comparable=rng.random(len(i)) > 1 / 12))
    df["comparator_symbol"] = df.comparator.map({"eq": "=", "ge": "≥", "le": "≤", "approx": "≈"})
    df["reason"] = np.where(df.comparable, "", "target year 2030 (other plans: 2025)")
    return _categorical(df, plans)


def make_priorities(plans: pd.DataFrame, rng) -> pd.DataFrame:
    """Shares per plan and dimension from a Dirichlet around a common profile (synergy plans shifted)."""
    dims = {dim: codebook_order(codebook(), dim) for dim in ("sector", "pillar_group", "instrument", "instrument_type")}
    synergy = (plans.plan_type == "pollution_carbon_synergy").to_numpy()
    parts = []
    for dim, cats in dims.items():
        base = rng.dirichlet(np.full(len(cats), 2.0))
        alpha = 40 * np.where(synergy[:, None], base[::-1], base) + 0.05
        shares = rng.gamma(alpha)
        shares[rng.random(shares.shape) < 0.05] = 0.0
        shares = shares / shares.sum(axis=1, keepdims=True)
        chars = rng.gamma(60 * shares + 0.05)
        chars = chars / chars.sum(axis=1, keepdims=True)
        n = rng.integers(80, 260, len(plans))[:, None]
        parts.append(pd.DataFrame(dict(doc_id=np.repeat(plans.doc_id.to_numpy(), len(cats)), dimension=dim,
                                       category_id=np.tile(cats, len(plans)),
                                       n_sentences=np.round(shares * n).astype(int).ravel(),
                                       share_sentences=shares.ravel(), share_chars=chars.ravel())))
    return _categorical(pd.concat(parts, ignore_index=True), plans)


def make_responsibilities(plans: pd.DataFrame, lang: str, rng) -> pd.DataFrame:
    """About two plans in five list responsible units: 15–30 clauses, a lead and 0–5 supporting agencies."""
    ag = codebook().table("agencies").reset_index(drop=True)
    weight = rng.dirichlet(np.full(len(ag), 0.7))
    rows = []
    for k, d in enumerate(plans.doc_id):
        if k % 5 not in (0, 2):
            continue
        for c in range(int(rng.integers(15, 31))):
            units = rng.choice(len(ag), size=int(rng.integers(1, 7)), replace=False, p=weight)
            for pos, a in enumerate(units, start=1):
                rows.append((d, f"{d}:{c // 5 + 1}.{c % 5 + 1}", pos, a))
    df = pd.DataFrame(rows, columns=["doc_id", "clause_id", "position", "_a"])
    r = ag.iloc[df._a.to_numpy()].reset_index(drop=True)
    df = df.drop(columns="_a").assign(agency_id=r.agency_id, label_zh=r.label_zh, label_en=r.label_en,
                                      agency=r[f"label_{lang}"])
    return _categorical(df, plans)


def corpus(n: int, lang: str, seed: int = 0) -> Corpus:
    plans = make_plans(n, lang)
    rng = np.random.default_rng(seed + n)
    return Corpus(lang=lang, plans=plans, quantities=make_quantities(plans, lang, rng),
                  priorities=make_priorities(plans, rng), responsibilities=make_responsibilities(plans, lang, rng),
                  rng_seed=seed + n)


def rng_for(c: Corpus, name: str):
    """A generator for one synthetic result, seeded by the corpus and the result's name."""
    return np.random.default_rng([c.rng_seed, *map(ord, name)])


def overview(c: Corpus) -> pd.DataFrame:
    rng = rng_for(c, "overview")
    n = len(c.plans)
    synergy = (c.plans.plan_type == "pollution_carbon_synergy").to_numpy()
    return pd.DataFrame({"doc_id": c.order, "plan": c.plans.plan, "n_sentences": rng.integers(60, 260, n),
                         "n_targets": rng.integers(3, 45, n), "n_baselines": np.where(synergy, rng.integers(0, 60, n), 0),
                         "share_number": rng.uniform(0.1, 0.6, n), "share_deadline": rng.uniform(0.02, 0.3, n),
                         "share_responsible": np.where(np.arange(n) % 5 < 2, rng.uniform(0.3, 0.9, n), 0.0)})


def matrix(c: Corpus, name: str, symmetric: bool, groups: int = 4) -> pd.DataFrame:
    """A plan × plan similarity with block structure (plans in a few groups), diagonal 1."""
    rng = rng_for(c, name)
    n = len(c.plans)
    group = rng.integers(0, groups, n)
    base = np.where(group[:, None] == group[None, :], 0.25, 0.06)
    v = np.clip(base + rng.normal(0, 0.03, (n, n)), 0, 1)
    if symmetric:
        v = (v + v.T) / 2
    np.fill_diagonal(v, 1.0)
    return pd.DataFrame(v, index=c.order, columns=c.order)


def reuse_parts(c: Corpus) -> pd.DataFrame:
    """``similarity.boilerplate_share``'s table: per plan boilerplate by source (a few sources), partial, local."""
    rng = rng_for(c, "reuse")
    rows = []
    order = c.order
    for k, d in enumerate(order):
        others = [o for o in order if o != d]
        sources = rng.choice(others, size=min(len(others), int(rng.integers(1, 6))), replace=False) if others else []
        shares = rng.dirichlet(np.ones(len(sources) + 2)) * np.r_[np.full(len(sources), 0.6), 1.2, 1.2]
        shares = shares / shares.sum()
        for s, v in zip(sources, shares[:len(sources)]):
            rows.append(dict(doc_id=d, part="boilerplate", source=str(s), share=float(v)))
        rows.append(dict(doc_id=d, part="partial", source="", share=float(shares[-2])))
        rows.append(dict(doc_id=d, part="local", source="", share=float(shares[-1])))
    return pd.DataFrame(rows)


def themes(c: Corpus, k: int = 12) -> tuple[pd.DataFrame, dict[int, str]]:
    """Theme × plan shares (columns add to 1) and theme names like the notebook's."""
    rng = rng_for(c, "themes")
    v = rng.dirichlet(np.full(k, 0.8), size=len(c.plans)).T
    shares = pd.DataFrame(v, index=pd.Index(range(1, k + 1), name="theme"), columns=c.order)
    sectors = codebook().labels("sectors", c.lang)
    sector_names = list(sectors.values())
    names = {}
    for t in range(1, k + 1):
        a, b = THEME_WORDS[(2 * t) % len(THEME_WORDS)], THEME_WORDS[(2 * t + 1) % len(THEME_WORDS)]
        s = sector_names[t % len(sector_names)]
        names[t] = f"T{t} {a}·{b}" + (f"（{s}）" if c.lang == "zh" else f" ({s})")
    return shares, names


SIZES = (5, 40, 300)


@lru_cache(maxsize=None)
def cached(n: int, lang: str) -> Corpus:
    return corpus(n, lang)


def highlight_for(c: Corpus) -> list[str] | None:
    """The colour mode each size exercises: city colours at 5 plans, plan types at 40, a highlight at 300
    (three plans, one of them the plan with the longest label)."""
    if len(c.plans) != 300:
        return None
    longest = c.plans.doc_id[c.plans.plan.str.len().idxmax()]
    return [c.order[7], longest, c.order[-3]]


def style_for(c: Corpus):
    from comparison.figures.planstyle import plan_style

    return plan_style(c.plans, c.lang, highlight_for(c))


def clustering_inputs(c: Corpus):
    """Profiles, linkage and bootstrap-like co-occurrence (the tree's clusters, blurred) for notebook 04."""
    from comparison.analysis import clustering as cl

    profiles = cl.profile_matrix(c.priorities, "sector")
    link = cl.plan_linkage(profiles)
    rng = rng_for(c, "bootstrap")
    co = {}
    for k in (2, 3):
        same = cl.cooccurrence(cl.cut(link, k))
        noisy = np.clip(same * rng.uniform(0.6, 1.0, same.shape) + rng.uniform(0, 0.3, same.shape), 0, 1)
        noisy = (noisy + noisy.T) / 2
        np.fill_diagonal(noisy, 1.0)
        co[k] = pd.DataFrame(noisy, index=profiles.index, columns=profiles.index)
    scores = pd.DataFrame({"k": range(4, 13), "silhouette": np.linspace(0.012, 0.041, 9) + rng.uniform(0, 0.003, 9)})
    return profiles, link, co, scores


class _SameUnit:
    """Synthetic reference values are written in the indicator's canonical unit: nothing to convert."""

    @staticmethod
    def convert(value: float, unit_from: str, unit_to: str) -> float:
        return value


def references(c: Corpus, n_indicators: int = 8):
    """A reference layer in ``curation.references.References``' shape for the corpus' most targeted indicators:
    national documents (a 2025 target each, a 2030 one for some, a goal in words for one, a national total for
    one) and a document per province (a 2025 target for about two indicators in three, one goal in words in
    ten), values around the indicator's median city target."""
    from comparison.curation.references import REFERENCE_SCHEMA, References

    rng = rng_for(c, "references")
    q = c.quantities[c.quantities.kind == "target"]
    top = list(q.indicator_id.value_counts().index[:n_indicators])
    median = q.groupby("indicator_id", observed=True).value_std.median()
    measure = dict(zip(q.indicator_id, q.measure))
    provinces = list(dict.fromkeys(c.plans.province_zh))
    docs = [dict(doc_id="cn_a", level="national", province_zh="", title="全国方案甲"),
            dict(doc_id="cn_b", level="national", province_zh="", title="全国方案乙")]
    docs += [dict(doc_id=f"p{k:02d}", level="provincial", province_zh=p, title=f"{p}实施方案")
             for k, p in enumerate(provinces)]
    rows = []

    def target(doc, i, year, kind="quantitative", aggregation="rate", scale=1.0):
        value = float(np.round(median[i] * scale * rng.uniform(0.85, 1.15), 1)) if kind == "quantitative" else np.nan
        rows.append(dict(target_id=f"{doc}_t{len(rows):03d}", doc_id=doc, kind=kind, indicator_id=i, value=value,
                         value_as_written="" if np.isnan(value) else f"{value:g}",
                         unit_as_written="", comparator="eq" if kind == "quantitative" else "",
                         target_year=year, base_year=2020 if measure[i] == "change" else pd.NA, scope="",
                         aggregation=aggregation if kind == "quantitative" else "", section="到2025年",
                         quote="（合成）", source_url="", source_kind="news_summary" if len(rows) % 3 else "full_text_copy",
                         note=""))

    for k, i in enumerate(top):
        target("cn_a", i, 2025)
        if k % 3 == 0:
            target("cn_b", i, 2030, scale=1.2)
        if k == 1:
            target("cn_b", i, 2025, kind="qualitative")
        if k == 2:
            target("cn_b", i, 2025, aggregation="total", scale=1000)
    for doc in docs[2:]:
        for i in top:
            draw = rng.random()
            if draw < 0.06:
                target(doc["doc_id"], i, 2025, kind="qualitative")
            elif draw < 0.66:
                target(doc["doc_id"], i, 2025)
    documents = pd.DataFrame(docs).reindex(columns=REFERENCE_SCHEMA["documents"], fill_value="")
    targets = pd.DataFrame(rows)
    targets["target_year"] = targets.target_year.astype("Int64")
    targets["base_year"] = pd.array(targets.base_year, dtype="Int64")
    level = dict(zip(documents.doc_id, documents.level))
    province = dict(zip(documents.doc_id, documents.province_zh))
    targets = targets.assign(level=targets.doc_id.map(level), province_zh=targets.doc_id.map(province))
    return References(documents=documents, targets=targets)


def alignment(c: Corpus) -> pd.DataFrame:
    """``data/processed/alignment.csv`` of the corpus, as ``comparison.load`` gives it: the real
    ``tables.alignment.alignment_table`` over the corpus' targets and ``references``, then the columns the
    loader adds (plan, comparator_label, comparator_symbol, indicator; doc_id categorical in plan order). A change counts from
    2020 in most plans (one in seven states no base year, which does not compare)."""
    from comparison.tables.alignment import alignment_table

    q = c.quantities.assign(doc_id=c.quantities.doc_id.astype(str))
    city = dict(zip(c.plans.doc_id, c.plans.city_id))
    no_base = q.doc_id.map({d: k % 7 == 3 for k, d in enumerate(c.order)}).astype(bool)
    q = q.assign(city_id=q.doc_id.map(city), value=q.value_std, quote="（合成）", scope_class="city",
                 base_year=pd.array(np.where((q.measure == "change") & ~no_base, 2020, np.nan)).astype("Int64"))
    from comparison.api import comparator_symbols
    from comparison.curation.taxonomy import CODE_COLUMN_SHEETS

    a = _categorical(alignment_table(q, c.plans, references(c), _SameUnit(), codebook()), c.plans)
    return a.assign(comparator_label=a.comparator.map(codebook().labels(CODE_COLUMN_SHEETS["comparator"], c.lang)),
                    comparator_symbol=a.comparator.map(comparator_symbols(codebook())),
                    indicator=a[f"label_{c.lang}"])


@lru_cache(maxsize=None)
def cached_alignment(n: int, lang: str) -> pd.DataFrame:
    return alignment(cached(n, lang))
