"""The tables the notebooks export to ``reports/tables/``, declared once: what each holds and its columns, for
the ``README.md`` the report writes beside them (``data/processed``'s tables are in ``dictionary``).

A name with ``<lang>`` is written once per language (labels in that language); ``<doc_id>`` stands for one
column per plan. A test checks every exported file and column against this list.
"""
from __future__ import annotations

import re

from comparison.tables.dictionary import markdown_cell

REPORT_TABLES: dict[str, tuple[str, str, list[tuple[str, str]]]] = {
    "02_coverage_<lang>.csv": ("02_targets", "one row per codebook indicator (also those no plan targets): how many "
                               "target rows each plan states for it", [
        ("indicator_id", "canonical indicator"), ("sector_id", "sector of the indicator"),
        ("sector", "sector, in the file's language"), ("indicator", "indicator, in the file's language"),
        ("<doc_id>", "one column per plan: its target rows for the indicator (0: none)"),
        ("n_plans", "plans that set the indicator as a target")]),
    "02_headline_targets_<lang>.csv": ("02_targets", "one row per target a plan states in its overall section "
                                       "(总体要求 / 主要目标)", [
        ("plan", "plan label"), ("indicator", "indicator, in the file's language"),
        ("target", "the target as printed, comparator and unit included"), ("target_year", "year it applies to"),
        ("base_year", "reference year of a change"), ("commitment", "确保 | 力争 | none"),
        ("scope", "territory or population when stated"), ("value_std", "value in the canonical unit"),
        ("unit_std", "canonical unit (pint notation)"), ("doc_id", "plan id"), ("indicator_id", "canonical indicator"),
        ("quantity_id", "the curated row (data/processed/quantities.csv)"), ("quote", "exact words of the plan")]),
    "02_reconciliation.csv": ("02_targets", "one row per pair of a city's plans (each plan with the city's plan "
                              "before it) and indicator either sets as a target", [
        ("plan_a", "the earlier plan (doc_id)"), ("plan_b", "the later plan (doc_id)"),
        ("indicator_id", "canonical indicator"), ("label_zh", "indicator, Chinese"), ("label_en", "indicator, English"),
        ("sector_id", "sector of the indicator"), ("unit_std", "canonical unit (pint notation)"),
        ("direction", "higher | lower: which way is more ambitious"),
        ("target_a", "plan_a's targets as printed (\"; \" between distinct ones; empty: none)"),
        ("target_b", "plan_b's targets as printed"),
        ("status", "agree | conflict | only_a | only_b"),
        ("detail", "for a conflict: value (the values differ) | comparator (only the comparators do)")]),
    "05_local_passages_<lang>.csv": ("05_similarity", "a few sentences of each plan that share no shingle with "
                                     "any other plan, those stating a number first", [
        ("plan", "plan label"), ("sector", "sector of the sentence, in the file's language"),
        ("sentence_id", "sentence id (data/processed/measures.csv)"), ("text", "the sentence")]),
}
OTHER_FILES = {"comparison.xlsx": "every processed table in one workbook (`python -m comparison build`)",
               "README.md": "this file"}


def pattern(name: str) -> re.Pattern:
    """The file names a declared name stands for (``<lang>`` is zh or en)."""
    return re.compile(re.escape(name).replace(re.escape("<lang>"), "(?:zh|en)"))


def declared(file_name: str) -> str | None:
    """The declared name ``file_name`` is an instance of, if any."""
    return next((name for name in REPORT_TABLES if pattern(name).fullmatch(file_name)), None)


def readme() -> str:
    lines = ["# reports/tables", "",
             "Written by `make report` (the notebooks); do not edit. Every CSV is UTF-8; a name with `<lang>` is "
             "written in Chinese (zh) and English (en) labels, `<doc_id>` stands for one column per plan. "
             "Licence: CC BY 4.0 (LICENSE-DATA.md).", ""]
    for name, (notebook, what, columns) in REPORT_TABLES.items():
        lines += [f"## {name}", "", f"{what[0].upper()}{what[1:]} (notebook {notebook}).", "",
                  "| column | meaning |", "|---|---|"]
        lines += [f"| {markdown_cell(c)} | {markdown_cell(m)} |" for c, m in columns]
        lines.append("")
    lines += ["## Other files", ""] + [f"- `{n}`: {what}" for n, what in OTHER_FILES.items()] + [""]
    return "\n".join(lines)
