"""The processed tables' columns, declared once: order, meaning and unit.

Used to order every table's columns and to write ``data/processed/README.md``.
"""
from __future__ import annotations

TABLES: dict[str, tuple[str, list[tuple[str, str, str]]]] = {
    "plans": ("one row per plan: the manifest plus counts", [
        ("doc_id", "plan id", ""), ("city_id", "city id", ""), ("city_zh", "city, Chinese", ""),
        ("city_en", "city, English", ""), ("province_zh", "province, Chinese", ""),
        ("province_en", "province, English", ""), ("title_zh", "title as published", ""),
        ("title_en", "title, English translation", ""), ("doc_number", "official document number", ""),
        ("issued", "date of issue (empty if undated)", "ISO date"), ("status", "final | draft", ""),
        ("plan_type", "green_economy | pollution_carbon_synergy", ""), ("file", "raw text path under data/raw", ""),
        ("sha256", "hash of the raw text", ""), ("reviewed", "false while suggested rows remain", "bool"),
        ("n_chars", "characters of the cleaned text", "count"), ("n_clauses", "clauses", "count"),
        ("n_sentences", "sentences in sections 1 and later", "count"), ("n_quantities", "quantity rows", "count"),
        ("n_targets", "quantity rows of kind target", "count"), ("n_baselines", "quantity rows of kind baseline", "count"),
    ]),
    "quantities": ("one row per number a plan states (targets and baseline facts), harmonized", [
        ("quantity_id", "id of the curated row", ""), ("doc_id", "plan id", ""), ("city_id", "city id", ""),
        ("clause_id", "clause the number is in", ""), ("sentence_id", "sentence the quote starts in", ""),
        ("kind", "target | baseline", ""), ("indicator_id", "canonical indicator", ""),
        ("label_zh", "indicator label, Chinese", ""), ("label_en", "indicator label, English", ""),
        ("sector_id", "sector of the indicator", ""), ("pillar_id", "pillar of the clause's section", ""),
        ("measure", "level | change (a relative change such as 下降13%)", ""),
        ("direction", "higher | lower: which way is more ambitious", ""),
        ("value_as_written", "the number as the plan prints it, digits or words (13.5, 三分之一, 翻番)", ""),
        ("value", "the number value_as_written means, unrounded (三分之一 → 0.333…, in the unit fraction)", "unit"),
        ("comparator", "eq | ge | gt | le | lt | approx (symbols = ≥ > ≤ < ≈ and labels: the codebook's "
                       "comparators sheet)", ""),
        ("unit", "unit as written", ""), ("value_std", "value in the canonical unit", "unit_std"),
        ("unit_std", "canonical unit (pint notation)", ""), ("target_year", "year a target applies to", "year"),
        ("base_year", "reference year of a change, or year of a fact", "year"),
        ("scope", "territory or population when stated", ""),
        ("scope_class", "class of the scope (the codebook's scope_classes; not stated = city, the whole city)", ""),
        ("commitment", "确保 | 力争 | none", ""),
        ("quote", "exact words of the raw text", ""),
    ]),
    "measures": ("one row per coded sentence (sections 1 and later)", [
        ("sentence_id", "sentence id", ""), ("clause_id", "clause id", ""), ("doc_id", "plan id", ""),
        ("city_id", "city id", ""), ("pillar_id", "pillar of the section", ""),
        ("pillar_group_id", "shared pillar the pillar rolls up to", ""), ("sector_id", "sector code", ""),
        ("instrument_id", "instrument sub-type (or none)", ""),
        ("instrument_type_id", "supply | environment | demand | none", ""),
        ("synergy", "the measure cuts pollution and carbon together", "bool"),
        ("has_number", "the sentence states a digit", "bool"), ("has_deadline", "the sentence names a year", "bool"),
        ("n_chars", "characters of the sentence", "count"), ("text", "the sentence (cleaned text)", ""),
    ]),
    "priorities": ("one row per plan × dimension × category: the plan's priority profile", [
        ("doc_id", "plan id", ""), ("city_id", "city id", ""),
        ("dimension", "pillar_group | sector | instrument | instrument_type", ""),
        ("category_id", "code of the dimension", ""), ("n_sentences", "sentences coded with the category", "count"),
        ("share_sentences", "share of the plan's coded sentences", "fraction"),
        ("n_chars", "characters of those sentences", "count"),
        ("share_chars", "share of the plan's coded characters", "fraction"),
        ("n_targets", "target rows whose sentence carries the category", "count"),
    ]),
    "comparison": ("one row per target value of an indicator two or more plans set, with whether it is comparable", [
        ("indicator_id", "canonical indicator", ""), ("label_zh", "label, Chinese", ""),
        ("label_en", "label, English", ""), ("unit_std", "canonical unit", ""),
        ("measure", "level | change", ""), ("direction", "higher | lower is more ambitious", ""),
        ("n_plans", "plans that set it", "count"), ("doc_id", "plan id", ""), ("city_id", "city id", ""),
        ("quantity_id", "the target's row in quantities", ""),
        ("value_std", "the plan's target in the canonical unit", "unit_std"),
        ("comparator", "eq | ge | gt | le | lt | approx", ""), ("target_year", "year the target applies to", "year"),
        ("base_year", "reference year of a change", "year"), ("scope", "territory or population as written", ""),
        ("scope_class", "class of the scope (not stated = city)", ""),
        ("comparable", "another plan states the indicator with the same unit, measure, target year, base year "
                       "(or both none) and scope class", "bool"),
        ("comparable_with", "those plans, ;-joined", ""),
        ("differs", "what no other plan shares: unit_std, measure, target_year, base_year, scope_class "
                    "(;-joined), or combination", ""),
        ("reason", "why the value is or is not comparable, in words", ""),
    ]),
    "responsibilities": ("one row per clause × responsible unit named in the plan", [
        ("doc_id", "plan id", ""), ("city_id", "city id", ""), ("clause_id", "clause id", ""),
        ("position", "order in the clause's list (1 = lead)", "rank"), ("name_as_written", "unit as the plan names it", ""),
        ("agency_id", "canonical agency", ""), ("label_zh", "agency label, Chinese", ""),
        ("label_en", "agency label, English", ""),
    ]),
    "clauses": ("one row per clause", [
        ("clause_id", "<doc_id>:<section>.<clause>", ""), ("doc_id", "plan id", ""), ("city_id", "city id", ""),
        ("section_no", "section number (0 = preamble)", ""), ("section_title", "section heading", ""),
        ("clause_no", "clause number as written (0 = text before the first clause)", ""),
        ("clause_title", "short heading sentence", ""), ("text", "cleaned text", ""),
        ("raw_start", "start offset in the raw text", "characters"), ("raw_end", "end offset (exclusive)", "characters"),
        ("responsible_units", "units named responsible, ;-joined", ""),
    ]),
    "sentences": ("one row per sentence", [
        ("sentence_id", "<clause_id>.<k>", ""), ("clause_id", "clause id", ""), ("doc_id", "plan id", ""),
        ("text", "cleaned text", ""), ("raw_start", "start offset in the raw text", "characters"),
        ("raw_end", "end offset (exclusive)", "characters"),
        ("clean_start", "start offset in the cleaned text", "characters"),
        ("clean_end", "end offset in the cleaned text", "characters"),
    ]),
}


def columns(table: str) -> list[str]:
    return [c for c, _, _ in TABLES[table][1] if not c.startswith("<")]


def readme() -> str:
    lines = ["# data/processed", "",
             "Written by `python -m comparison build`; do not edit. Every table is UTF-8 CSV.", ""]
    for table, (what, cols) in TABLES.items():
        lines += [f"## {table}.csv", "", what, "", "| column | meaning | unit |", "|---|---|---|"]
        lines += [f"| {c} | {m} | {u} |" for c, m, u in cols]
        lines.append("")
    return "\n".join(lines)
