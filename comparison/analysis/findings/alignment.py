"""Findings of 07_alignment: how many city targets meet a target of the levels above, how they compare
(province, nation), each compared target, and the caveats (pairs that do not compare and why, numbers known
from news reports, documents whose text was not found, levels that reflect a starting point)."""
from __future__ import annotations

from comparison.analysis.alignment import (COMPARED, LEVEL_LABELS, LEVELS, REASON_LABELS, STATUS_LABELS, compared,
                                           reasons, targets_with_reference)
from comparison.analysis.findings.base import Finding, Findings, language, plan_names, select, unreviewed_caveat
from comparison.analysis.findings.wording import LIST_LIMIT, names, pick
from comparison.analysis.targets import target_text


def _symbols(t) -> dict[str, str]:
    sheet = t.taxonomy.table("comparators")
    return dict(zip(sheet.comparator, sheet.symbol))


def pairs(t, lang: str) -> Finding:
    """How many targets of how many plans meet a reference, how many pairs compare, and the statuses by level."""
    a = t.alignment
    found = compared(a)
    by_level = {level: {s: int((found[found.reference_level == level].status == s).sum()) for s in COMPARED}
                for level in LEVELS}
    values = {"targets": int(a.quantity_id.nunique()), "plans": int(a.doc_id.astype(str).nunique()),
              "pairs": len(a), "compared": len(found), "by_level": by_level}
    if a.empty:
        return Finding("pairs", pick(lang, "None of the loaded plans sets a target that a national or provincial "
                                           "document in data/raw/references.xlsx also sets.",
                                     "所选方案的目标在 data/raw/references.xlsx 的国家和省级文件中均无同一指标的目标。"), values)
    text = pick(lang, f"**{values['targets']} targets** of {values['plans']} plans have a target of the same indicator "
                      f"in a national or provincial document ({values['pairs']} pairs); **{values['compared']} pairs "
                      "compare** (same target year, base year, scope and measure, a number on both sides).",
                f"**{values['plans']} 个方案的 {values['targets']} 项目标**在国家或省级文件中有同一指标的目标（共 "
                f"{values['pairs']} 对），其中 **{values['compared']} 对可以比较**（目标年份、基准年、适用范围和口径相同，"
                "双方均有数值）。")
    for level in LEVELS:
        level_word = LEVEL_LABELS[lang][level]
        counts = [(s, n) for s, n in by_level[level].items() if n]
        if not counts:
            text += pick(lang, f" Against the {level_word}: no pair compares.", f"与{level_word}目标相比：没有可比较的目标。")
            continue
        listed = pick(lang, ", ", "、").join(f"{STATUS_LABELS[lang][s]} {n}" for s, n in counts)
        text += pick(lang, f" Against the {level_word}: {listed}.", f"与{level_word}目标相比：{listed}。")
    return Finding("pairs", text, values)


def each_target(t, lang: str) -> Finding | None:
    """Each city target that compares: its value and, per level, the reference values and statuses."""
    rows = targets_with_reference(t.alignment)
    if rows.empty:
        return None
    label = plan_names(t, lang)
    symbol = _symbols(t)
    indicator = dict(zip(t.alignment.indicator_id, t.alignment[f"label_{lang}"]))
    said, values = [], {}
    for r in rows.itertuples():
        parts = []
        values[r.quantity_id] = {}
        for level in LEVELS:
            refs = getattr(r, f"{level}_values")
            if not refs:
                continue
            statuses = getattr(r, f"{level}_statuses")
            values[r.quantity_id][level] = {"values": [v for v, _ in refs], "statuses": statuses}
            shown = pick(lang, ", ", "、").join(target_text(v, symbol.get(c, c), r.unit_std, lang) for v, c in refs)
            status = " / ".join(STATUS_LABELS[lang][s] for s in statuses)
            parts.append(pick(lang, f"{status} the {LEVEL_LABELS[lang][level]} ({shown})",
                              f"{status}{LEVEL_LABELS[lang][level]}（{shown}）"))
        value = target_text(r.value_std, symbol.get(r.comparator, r.comparator), r.unit_std, lang)
        joined = pick(lang, "; ", "；").join(parts)
        said.append(pick(lang, f"{label[r.doc_id]}, {indicator[r.indicator_id]} {value} ({r.target_year}): {joined}",
                         f"{label[r.doc_id]}，{indicator[r.indicator_id]} {value}（{r.target_year} 年）：{joined}"))
    shown = said[:LIST_LIMIT]
    more = len(said) - len(shown)
    text = pick(lang, ". ".join(shown) + ".", "。".join(shown) + "。")
    if more:
        text += pick(lang, f" {more} more targets compare (see the table).", f"另有 {more} 项目标可比较（见表）。")
    return Finding("targets", text, values)


def not_comparable(t, lang: str) -> Finding | None:
    """The pairs that do not compare, by reason."""
    why = reasons(t.alignment)
    why = why[why > 0]
    if why.empty:
        return None
    listed = pick(lang, ", ", "、").join(f"{REASON_LABELS[lang][k]} {int(v)}" for k, v in why.items())
    return Finding("not_comparable", pick(lang, f"**Caveat.** {int(why.sum())} pairs do not compare: {listed}.",
                                          f"**注意。** {int(why.sum())} 对不可比较：{listed}。"),
                   {k: int(v) for k, v in why.items()}, caveat=True)


def sources(t, lang: str) -> Finding | None:
    """How many of the reference values compared were read in news reports rather than the document's text."""
    used = compared(t.alignment).drop_duplicates("reference_target_id")
    if used.empty:
        return None
    news = int((used.reference_source_kind == "news_summary").sum())
    values = {"reference_values": len(used), "from_news": news}
    if not news:
        return Finding("sources", pick(lang, "Every reference value compared was read in a copy of its document's text.",
                                       "所比较的上级目标值均来自文件原文的副本。"), values)
    return Finding("sources", pick(lang, f"**Caveat.** {news} of the {len(used)} reference values compared were read in "
                                         "news reports, not in a copy of the document's text.",
                                   f"**注意。** 所比较的 {len(used)} 个上级目标值中，有 {news} 个来自新闻报道，而非文件原文的副本。"),
                   values, caveat=True)


def missing(t, lang: str) -> Finding | None:
    """The reference documents no copy of whose text was found, and that therefore carry no target."""
    docs = t.reference_documents
    gone = docs[(docs.text_available.astype(str).str.lower() == "false") & (docs.n_targets == 0)]
    if gone.empty:
        return None
    titles = [pick(lang, f"{title} ({province})", f"{title}（{province}）") if province == province and province
              else title for title, province in zip(gone.title, gone.province_zh)]
    return Finding("missing", pick(lang, f"**Caveat.** Documents whose text was not found (no targets recorded): "
                                         f"{names(titles, lang)}.",
                                   f"**注意。** 未找到原文的文件（未记录目标）：{names(titles, lang)}。"),
                   {"documents": list(gone.reference_doc_id)}, caveat=True)


def levels(t, lang: str) -> Finding | None:
    """A level compared with the nation's reflects a starting point as much as an ambition."""
    found = compared(t.alignment)
    if not (found.measure == "level").any():
        return None
    return Finding("levels", pick(lang, "**Caveat.** A level (a share, a forest cover) depends on where a city starts "
                                        "as much as on its ambition: above the nation's level is not the same as more "
                                        "ambitious.",
                                  "**注意。** 水平类指标（比重、森林覆盖率）既取决于目标的力度，也取决于城市的起点："
                                  "高于全国水平不等于更有雄心。"), {}, caveat=True)


def findings(t, lang: str | None = None, only=None) -> Findings:
    """The findings of 07_alignment; ``only`` picks sections by key (``SECTIONS``)."""
    lang = language(t, lang)
    return select({"pairs": lambda: pairs(t, lang), "targets": lambda: each_target(t, lang),
                   "not_comparable": lambda: not_comparable(t, lang), "sources": lambda: sources(t, lang),
                   "missing": lambda: missing(t, lang), "levels": lambda: levels(t, lang),
                   "unreviewed": lambda: unreviewed_caveat(t, lang)}, only)


SECTIONS = ("pairs", "targets", "not_comparable", "sources", "missing", "levels", "unreviewed")
