"""Figures of notebook 03: where each plan puts its weight (sectors, pillars, instruments), compositions,
emphasis against the mean plan, and the synergy share. Layouts in ``plan_charts``; labels and captions here.
"""
from __future__ import annotations

from comparison.figures.charts import Chart
from comparison.figures.plan_charts import category_heatmaps, plan_bars, stacked_shares
from comparison.figures.planstyle import PlanStyle

TEXT = {
    "zh": dict(sent="句子占比（%）", chars="字符占比（%）", pp="与各方案均值之差（百分点）", syn="协同措施句子占比（%）",
               share="%", pp_unit="百分点",
               sector="各方案在各领域的句子占比（{left}）与字符占比（{right}），按平均占比从大到小排列。",
               pillar="各方案在各支柱（章节，归并至共同的支柱组）的句子占比（{left}）与字符占比（{right}）。",
               instrument="各方案在各政策工具的句子占比（{left}）与字符占比（{right}）；横线分隔供给型、环境型、需求型工具与非政策陈述。",
               stacked="各方案句子在各领域的构成（%，每条为一个方案的全部编码句子）。",
               types="各方案句子的政策工具类型构成（%）。灰色为非政策陈述。",
               emphasis="各方案领域句子占比与各方案平均占比之差（百分点；红色=高于均值，蓝色=低于均值）。",
               synergy="各方案中被编码为减污降碳协同措施的句子占比。",
               synergy_plans="{names}为减污降碳协同方案，并非绿色低碳循环发展方案。",
               synergy_count="其中 {n} 个为减污降碳协同方案。",
               left="左", right="右", top="上", bottom="下"),
    "en": dict(sent="share of sentences (%)", chars="share of characters (%)",
               pp="difference from the mean plan (percentage points)", syn="synergy sentences (%)", share="%",
               pp_unit="pp",
               sector="Share of each plan's coded sentences ({left}) and characters ({right}) by sector, largest "
                      "average share first.",
               pillar="Share of each plan's sentences ({left}) and characters ({right}) by pillar (sections rolled "
                      "up to shared pillar groups).",
               instrument="Share of each plan's sentences ({left}) and characters ({right}) by policy instrument; "
                          "lines separate supply-side, environment-side and demand-side instruments and statements "
                          "without an instrument.",
               stacked="Sector composition of each plan's coded sentences (%; each bar is one plan).",
               types="Policy instrument types in each plan's sentences (%). Grey: statements without an instrument.",
               emphasis="Each plan's sector share of sentences minus the mean of the plans (percentage points; red = "
                        "above, blue = below the mean).",
               synergy="Share of each plan's sentences coded as cutting pollution and carbon together.",
               synergy_plans=" {names}: pollution–carbon synergy plan(s), not green-economy plans.",
               synergy_count=" {n} of the plans are pollution–carbon synergy plans.",
               left="left", right="right", top="top", bottom="bottom"),
}


def synergy_note(style: PlanStyle) -> str:
    """A caption sentence naming the synergy plans (or counting them, when many): their profiles differ
    partly by plan type."""
    t = TEXT[style.lang]
    synergy = [d for d in style.order if style.plan_types[d] == "pollution_carbon_synergy"]
    if not synergy:
        return ""
    if len(synergy) <= 3:
        sep = "、" if style.lang == "zh" else ", "
        return t["synergy_plans"].format(names=sep.join(style.labels[d] for d in synergy))
    return t["synergy_count"].format(n=len(synergy))


def _sides(style: PlanStyle) -> dict:
    t = TEXT[style.lang]
    return dict(left=t["left"], right=t["right"]) if style.small else dict(left=t["top"], right=t["bottom"])


def _pair(kind: str, by_sent, by_chars, style: PlanStyle, names: dict, breaks=(), small_cell_h=15.0) -> Chart:
    t = TEXT[style.lang]
    return category_heatmaps([(by_sent, t["sent"]), (by_chars, t["chars"])], style, names, number="03",
                             name=f"{kind}_heatmap", caption=t[kind].format(**_sides(style)) + synergy_note(style),
                             breaks=breaks, small_cell_h=small_cell_h)


def sector_heatmap(by_sent, by_chars, style: PlanStyle, names: dict) -> Chart:
    """03_sector_heatmap: sector × plan shares of sentences and of characters."""
    return _pair("sector", by_sent, by_chars, style, names)


def pillar_heatmap(by_sent, by_chars, style: PlanStyle, names: dict) -> Chart:
    """03_pillar_heatmap: pillar group × plan shares of sentences and of characters."""
    return _pair("pillar", by_sent, by_chars, style, names, small_cell_h=18.0)


def instrument_heatmap(by_sent, by_chars, style: PlanStyle, names: dict, breaks) -> Chart:
    """03_instrument_heatmap: instrument × plan shares; ``breaks`` separate the instrument types."""
    return _pair("instrument", by_sent, by_chars, style, names, breaks=breaks, small_cell_h=13.0)


def sector_stacked(by_sent, colors: dict, style: PlanStyle, names: dict) -> Chart:
    """03_sector_stacked: each plan's sentences by sector as one 100 % bar."""
    t = TEXT[style.lang]
    return stacked_shares(by_sent, colors, names, style, number="03", name="sector_stacked",
                          caption=t["stacked"] + synergy_note(style), xlabel=t["sent"])


def instrument_type_stacked(by_type, colors: dict, style: PlanStyle, names: dict) -> Chart:
    """03_instrument_type_stacked (one column): instrument types of each plan's sentences."""
    t = TEXT[style.lang]
    return stacked_shares(by_type, colors, names, style, number="03", name="instrument_type_stacked",
                          caption=t["types"] + synergy_note(style), xlabel=t["sent"], column=True)


def sector_emphasis(diff, style: PlanStyle, names: dict) -> Chart:
    """03_sector_emphasis: each plan's sector share minus the mean plan's, on a diverging scale."""
    t = TEXT[style.lang]
    return category_heatmaps([(diff, t["pp"])], style, names, number="03", name="sector_emphasis",
                             caption=t["emphasis"] + synergy_note(style), diverging=True, cmap="RdBu_r",
                             formats=("{:+.1f}", "{:+.0f}"), width_frac=0.7 if style.small else 1.0,
                             scale_label=t["pp_unit"], small_cell_h=13.0)


def synergy_share(syn, style: PlanStyle) -> Chart:
    """03_synergy_share (one column): share of each plan's sentences coded as synergy measures."""
    t = TEXT[style.lang]
    shares = syn.assign(doc_id=syn.doc_id.astype(str)).set_index("doc_id").share_sentences
    return plan_bars(shares, style, number="03", name="synergy_share", caption=t["synergy"] + synergy_note(style),
                     xlabel=t["syn"])
