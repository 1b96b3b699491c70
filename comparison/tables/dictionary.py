"""The processed tables' columns, declared once: order, meaning, unit and type, and each table's keys.

Used to order every table's columns, to write ``data/processed/README.md`` and the Frictionless Data
Package descriptor ``data/processed/datapackage.json`` (tables.datapackage). A column is
``(name, meaning, unit)`` or ``(name, meaning, unit, type)``; without a type it follows from the unit
(``TYPE_OF_UNIT``: counts are integers, a year is a year, a value in a unit a number, else text).
"""
from __future__ import annotations

import re

TABLES: dict[str, tuple[str, list[tuple[str, ...]]]] = {
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
    "alignment": ("one row per city target × reference target of the same indicator from the nation or the plan's "
                  "province (data/raw/references.xlsx)", [
        ("doc_id", "plan id", ""), ("city_id", "city id", ""), ("quantity_id", "the city target's row", ""),
        ("indicator_id", "canonical indicator", ""), ("label_zh", "indicator label, Chinese", ""),
        ("label_en", "indicator label, English", ""), ("measure", "level | change", ""),
        ("direction", "higher | lower: which way is more ambitious", ""), ("unit_std", "canonical unit", ""),
        ("value", "the city's number as written", "unit"), ("comparator", "the city's comparator", ""),
        ("value_std", "the city's value in the canonical unit", "unit_std"),
        ("target_year", "the city target's year", "year"), ("base_year", "year the city's change counts from", "year"),
        ("scope", "the city target's scope when stated", ""),
        ("reference_level", "national | provincial", ""), ("reference_doc_id", "reference document id", ""),
        ("reference_target_id", "reference target id", ""), ("reference_title", "reference document's title", ""),
        ("reference_kind", "quantitative | qualitative (a goal in words, no number)", ""),
        ("reference_value", "the reference number as written", "unit"),
        ("reference_comparator", "the reference's comparator", ""),
        ("reference_value_std", "the reference value in the canonical unit", "unit_std"),
        ("reference_target_year", "the reference target's year", "year"),
        ("reference_base_year", "year the reference's change counts from", "year"),
        ("reference_scope", "the reference target's scope when stated", ""),
        ("reference_aggregation", "rate | total (summed over the whole territory)", ""),
        ("difference_std", "value_std − reference_value_std, for the pairs that compare", "unit_std"),
        ("status", "exceeds | matches | below | looser_comparator | not_comparable (in the indicator's direction)", ""),
        ("reason_id", "why not comparable: qualitative | target_year | base_year | total | scope | measure", ""),
        ("reason", "the reason in words", ""), ("reference_section", "where the reference document states it", ""),
        ("reference_quote", "the reference document's words, as in its stored copy", ""),
        ("reference_source_kind", "full_text_copy | abridged_copy | news_summary", ""),
        ("reference_source_url", "the stored copy the reference quote was read in", ""),
        ("quote", "the city plan's words (exact raw text)", ""),
    ]),
    "reference_documents": ("one row per national or provincial document of data/raw/references.xlsx", [
        ("reference_doc_id", "reference document id", ""), ("level", "national | provincial", ""),
        ("province_zh", "province of a provincial document", ""), ("issuer", "issuing body", ""),
        ("title", "title as published", ""), ("doc_number", "official document number (文号)", ""),
        ("issued", "date of issue (empty when no copy read shows it)", "ISO date"),
        ("source_url", "the stored copy the document was read in", ""),
        ("source_kind", "full_text_copy | abridged_copy | news_summary", ""),
        ("retrieved_on", "the day the stored copy was read", "ISO date"),
        ("text_available", "false when no copy of the text itself was found", "bool"),
        ("n_targets", "targets recorded", "count"), ("n_quantitative", "targets with a number", "count"),
        ("n_from_news", "targets read in a news report, not a copy of the text", "count"),
        ("note", "the curator's note", ""),
    ]),
    "responsibilities": ("one row per clause × responsible unit named in the plan", [
        ("doc_id", "plan id", ""), ("city_id", "city id", ""), ("clause_id", "clause id", ""),
        ("position", "order in the clause's list (1 = lead)", "rank"), ("name_as_written", "unit as the plan names it", ""),
        ("agency_id", "canonical agency", ""), ("label_zh", "agency label, Chinese", ""),
        ("label_en", "agency label, English", ""),
    ]),
    "clauses": ("one row per clause", [
        ("clause_id", "<doc_id>:<section>.<clause>", ""), ("doc_id", "plan id", ""), ("city_id", "city id", ""),
        ("section_no", "section number (0 = preamble; a text without headings is section 1)", "", "integer"),
        ("section_title", "section heading (一、…, 第一章 …)", ""),
        ("clause_no", "clause number as written (0 = text before the first clause; in a text without headings "
                      "the paragraph's number)", "", "integer"),
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


# Each table's primary key, and its foreign keys: (columns, table referred to, its columns).
PRIMARY_KEYS: dict[str, list[str]] = {
    "plans": ["doc_id"], "quantities": ["quantity_id"], "measures": ["sentence_id"],
    "priorities": ["doc_id", "dimension", "category_id"], "comparison": ["quantity_id"],
    "responsibilities": ["clause_id", "position"], "clauses": ["clause_id"], "sentences": ["sentence_id"],
    "alignment": ["quantity_id", "reference_target_id"], "reference_documents": ["reference_doc_id"],
}
FOREIGN_KEYS: dict[str, list[tuple[list[str], str, list[str]]]] = {
    "quantities": [(["doc_id"], "plans", ["doc_id"]), (["clause_id"], "clauses", ["clause_id"]),
                   (["sentence_id"], "sentences", ["sentence_id"])],
    "measures": [(["doc_id"], "plans", ["doc_id"]), (["sentence_id"], "sentences", ["sentence_id"]),
                 (["clause_id"], "clauses", ["clause_id"])],
    "priorities": [(["doc_id"], "plans", ["doc_id"])],
    "comparison": [(["quantity_id"], "quantities", ["quantity_id"]), (["doc_id"], "plans", ["doc_id"])],
    "responsibilities": [(["doc_id"], "plans", ["doc_id"]), (["clause_id"], "clauses", ["clause_id"])],
    "clauses": [(["doc_id"], "plans", ["doc_id"])],
    "sentences": [(["doc_id"], "plans", ["doc_id"]), (["clause_id"], "clauses", ["clause_id"])],
    "alignment": [(["quantity_id"], "quantities", ["quantity_id"]), (["doc_id"], "plans", ["doc_id"]),
                  (["reference_doc_id"], "reference_documents", ["reference_doc_id"])],
}
TYPE_OF_UNIT = {"count": "integer", "rank": "integer", "characters": "integer", "year": "year", "bool": "boolean",
                "ISO date": "date", "fraction": "number", "unit": "number", "unit_std": "number"}


def column_specs(table: str) -> list[tuple[str, str, str, str]]:
    """(name, meaning, unit, type) of each column of ``table``."""
    return [(c[0], c[1], c[2], c[3] if len(c) > 3 else TYPE_OF_UNIT.get(c[2], "string")) for c in TABLES[table][1]]


def columns(table: str) -> list[str]:
    return [c[0] for c in TABLES[table][1] if not c[0].startswith("<")]


def markdown_cell(text: str) -> str:
    """``text`` as one cell of a Markdown table: a "|" in it (``target | baseline``) would start a new cell, and
    a placeholder such as ``<doc_id>`` would be read as an HTML tag and not shown, so it is set as code."""
    return re.sub(r"(<[^<>|`]+>)", r"`\1`", str(text)).replace("|", "\\|")


def readme() -> str:
    lines = ["# data/processed", "",
             "Written by `python -m comparison build`; do not edit. Every table is UTF-8 CSV; `datapackage.json` "
             "describes them for Frictionless Data tools (types, units, keys). Licence: CC BY 4.0 (LICENSE-DATA.md).",
             ""]
    for table, (what, _) in TABLES.items():
        keys = f" Primary key: {', '.join(PRIMARY_KEYS[table])}." if table in PRIMARY_KEYS else ""
        lines += [f"## {table}.csv", "", what + "." + keys, "", "| column | meaning | unit | type |",
                  "|---|---|---|---|"]
        lines += ["| " + " | ".join(map(markdown_cell, spec)) + " |" for spec in column_specs(table)]
        lines.append("")
    return "\n".join(lines)
