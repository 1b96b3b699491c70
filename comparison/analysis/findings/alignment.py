"""Findings of notebook 07: city targets against their province's and the nation's, computed from the tables."""
from __future__ import annotations

from comparison.analysis.alignment import (COMPARED, LEVEL_LABELS, LEVELS, REASON_LABELS, STATUS_LABELS, compared,
                                           reasons, targets_with_reference)
from comparison.analysis.targets import target_text

WORDS = {
    "en": dict(
        none="None of the loaded plans sets a target that a national or provincial document in "
             "data/raw/references.xlsx also sets.",
        head="**{n_targets} targets** of {n_plans} plans have a target of the same indicator in a national or "
             "provincial document ({n_pairs} pairs); **{n_compared} pairs compare** (same target year, base year, "
             "scope and measure, a number on both sides).",
        level="Against the {level}: {counts}.", no_level="Against the {level}: no pair compares.",
        item="- {plan}, {indicator} {value} ({year}): {parts}.", part="{status} the {level} ({values})",
        caveat_reasons="{n} pairs do not compare: {counts}.",
        caveat_news="{n} of the {total} reference values compared were read in news reports, not in a copy of "
                    "the document's text.",
        caveat_missing="Documents whose text was not found (no targets recorded): {titles}.",
        caveat_level="A level (a share, a forest cover) depends on where a city starts as much as on its "
                     "ambition: above the nation's level is not the same as more ambitious.",
        sep=", ", list_sep="; ", caveats="**Caveats.**"),
    "zh": dict(
        none="所选方案的目标在 data/raw/references.xlsx 的国家和省级文件中均无同一指标的目标。",
        head="**{n_plans} 个方案的 {n_targets} 项目标**在国家或省级文件中有同一指标的目标（共 {n_pairs} 对），"
             "其中 **{n_compared} 对可以比较**（目标年份、基准年、适用范围和口径相同，双方均有数值）。",
        level="与{level}目标相比：{counts}。", no_level="与{level}目标相比：没有可比较的目标。",
        item="- {plan}，{indicator} {value}（{year} 年）：{parts}。", part="{status}{level}（{values}）",
        caveat_reasons="{n} 对不可比较：{counts}。",
        caveat_news="所比较的 {total} 个上级目标值中，有 {n} 个来自新闻报道，而非文件原文的副本。",
        caveat_missing="未找到原文的文件（未记录目标）：{titles}。",
        caveat_level="水平类指标（比重、森林覆盖率）既取决于目标的力度，也取决于城市的起点：高于全国水平不等于更有雄心。",
        sep="、", list_sep="；", caveats="**注意事项。**"),
}


def findings(tables, lang: str) -> str:
    """The notebook's findings as Markdown in ``lang``: counts, each compared target, caveats."""
    w = WORDS[lang]
    a = tables.alignment
    if a.empty:
        return w["none"]
    plans = tables.plan_labels()
    pairs = compared(a)
    status, level_word = STATUS_LABELS[lang], LEVEL_LABELS[lang]
    lines = [w["head"].format(n_targets=a.quantity_id.nunique(), n_plans=a.doc_id.astype(str).nunique(),
                              n_pairs=len(a), n_compared=len(pairs))]
    for level in LEVELS:
        counts = pairs[pairs.reference_level == level].status.value_counts()
        if counts.empty:
            lines.append(w["no_level"].format(level=level_word[level]))
            continue
        lines.append(w["level"].format(level=level_word[level], counts=w["sep"].join(
            f"{status[s]} {counts[s]}" for s in COMPARED if s in counts)))
    lines.append("")
    labels = dict(zip(a.indicator_id, a[f"label_{lang}"]))
    for r in targets_with_reference(a).itertuples():
        parts = [w["part"].format(status=" / ".join(status[s] for s in getattr(r, f"{level}_statuses")),
                                  level=level_word[level],
                                  values=w["sep"].join(target_text(v, c, r.unit_std, lang)
                                                       for v, c in getattr(r, f"{level}_values")))
                 for level in LEVELS if getattr(r, f"{level}_values")]
        lines.append(w["item"].format(plan=plans[r.doc_id], indicator=labels[r.indicator_id],
                                      value=target_text(r.value_std, r.comparator, r.unit_std, lang), year=r.target_year,
                                      parts=w["list_sep"].join(parts)))
    lines += ["", w["caveats"], ""]
    why = reasons(a)
    why = why[why > 0]
    if len(why):
        lines.append("- " + w["caveat_reasons"].format(n=int(why.sum()), counts=w["sep"].join(
            f"{REASON_LABELS[lang][k]} {v}" for k, v in why.items())))
    values = pairs.drop_duplicates("reference_target_id")
    lines.append("- " + w["caveat_news"].format(n=int((values.reference_source_kind == "news_summary").sum()),
                                                 total=len(values)))
    docs = tables.reference_documents
    missing = docs[docs.text_available.astype(str).str.lower() == "false"]
    missing = missing[missing.n_targets == 0]
    if len(missing):
        lines.append("- " + w["caveat_missing"].format(titles=w["sep"].join(
            f"{t}（{p}）" if lang == "zh" else f"{t} ({p})" for t, p in zip(missing.title, missing.province_zh.fillna("")))))
    lines.append("- " + w["caveat_level"])
    return "\n".join(lines)
