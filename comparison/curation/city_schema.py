"""The sheets and columns of a city workbook, the codes its rows take that no codebook sheet lists, and the
comparator codes the code interprets (the codebook's comparators sheet labels exactly these).

Besides the four curated sheets, new-plan writes proposal sheets: codebook entries the plan needs and the
codebook lacks, which ``accept-proposals`` moves into the codebook once a curator has accepted them. The
build does not read them; a quantity whose indicator is still proposed carries the proposed id."""
from __future__ import annotations

import re

CITY_SCHEMA = {
    "sections": ["doc_id", "section_no", "section_title", "pillar_id", "note", "status"],
    "quantities": ["quantity_id", "doc_id", "clause_id", "kind", "indicator_id", "indicator_as_written",
                   "value_as_written", "value", "unit_as_written", "comparator", "target_year", "base_year", "scope", "commitment", "quote", "note",
                   "status"],
    "ignored_numbers": ["doc_id", "clause_id", "number", "quote", "reason", "note", "status"],
    # the sentence next to its codes: a curator reads it while choosing them
    "measures": ["sentence_id", "doc_id", "text", "sector_id", "instrument_id", "synergy", "note", "status"],
}
# What each column holds, in Chinese and English: the header notes of the city workbooks.
COLUMN_NOTES = {
    "doc_id": ("方案编号（data/raw/plans.csv）", "plan id (data/raw/plans.csv)"),
    "section_no": ("章节序号（一、二、…；0 为前言）", "section number (一、二、…; 0 = preamble)"),
    "section_title": ("章节标题，与方案原文一致", "section heading, as the plan writes it"),
    "pillar_id": ("支柱代码（代码表 pillars 表，须为本方案类型的支柱）",
                  "pillar code (codebook sheet pillars; a pillar of the plan's type)"),
    "note": ("备注：判断依据、原文之外的信息", "note: why the row is coded so, anything not in the text"),
    "status": ("suggested（待审核）或 curated（已审核）", "suggested (to review) or curated (reviewed)"),
    "quantity_id": ("数量编号：<doc_id>_q001 …", "quantity id: <doc_id>_q001 …"),
    "clause_id": ("条款编号：<doc_id>:<章>.<条>", "clause id: <doc_id>:<section>.<clause>"),
    "kind": ("target（目标）或 baseline（现状数据）", "target (a goal) or baseline (a fact)"),
    "indicator_id": ("指标代码（代码表 indicators 表）", "indicator code (codebook sheet indicators)"),
    "indicator_as_written": ("原文中的指标名称（须为该指标的别名，indicator_aliases 表）",
                             "the indicator as the plan names it (an alias of the indicator, sheet indicator_aliases)"),
    "value_as_written": ("原文写法的数值：数字或文字（35、三分之一、翻番）",
                         "the number as the plan prints it: digits or words (35, 三分之一, 翻番)"),
    "value": ("该写法表示的数值，不四舍五入（三分之一 = 0.3333333333333333）",
              "the number it means, unrounded (三分之一 = 0.3333333333333333)"),
    "unit_as_written": ("原文单位（代码表 units 表）", "the unit as written (codebook sheet units)"),
    "comparator": ("比较符代码：eq 等于、ge 不低于、gt 超过、le 不超过、lt 低于、approx 约",
                   "comparator code: eq equals, ge at least, gt more than, le at most, lt less than, approx about"),
    "target_year": ("目标年（到…年），须在本条款中写明", "target year (到…年), stated in the clause"),
    "base_year": ("基准年（比…年），须在本条款中写明", "base year of a change (比…年), stated in the clause"),
    "scope": ("范围：原文写明的地域或对象（全市、城市、农村 …，代码表 scopes 表）",
              "scope: the territory or population as written (全市, 城市, 农村 …; codebook sheet scopes)"),
    "commitment": ("确保、力争或 none", "确保 (ensure), 力争 (strive for) or none"),
    "quote": ("原文引文：须逐字出现在该条款中", "quote: the exact words of the plan, found in the clause"),
    "number": ("非数量的数字，与原文一致", "the digits that are not a quantity, as written"),
    "reason": ("不计为数量的原因（代码表 ignore_reasons 表）", "why it is not a quantity (codebook sheet ignore_reasons)"),
    "sentence_id": ("句子编号（data/processed/sentences.csv）", "sentence id (data/processed/sentences.csv)"),
    "text": ("句子原文（解析结果）", "the sentence (as parsed)"),
    "sector_id": ("领域代码（代码表 sectors 表，末级代码）", "sector code (codebook sheet sectors, a leaf code)"),
    "instrument_id": ("政策工具代码（代码表 instruments 表，末级代码）",
                      "instrument code (codebook sheet instruments, a leaf code)"),
    "synergy": ("是否减污降碳协同：true 或 false（代码表 synergy 表）",
                "pollution–carbon synergy: true or false (codebook sheet synergy)"),
    "confidence": ("建议的可信度（0–1），审核后可删除", "confidence of the suggestion (0–1); may be deleted after review"),
}
KINDS = ("target", "baseline")
# Comparator codes: plain words no spreadsheet reads as a formula (the symbols = ≥ ≤ ≈ are display labels).
COMPARATORS = ("eq", "ge", "gt", "le", "lt", "approx")
STATUSES = ("curated", "suggested")
YEAR_RANGE = (1990, 2060)
PROPOSAL_SCHEMA = {
    "proposed_indicators": ["proposed_id", "indicator_id", "label_zh", "label_en", "sector_id", "canonical_unit",
                            "measure", "direction", "definition", "alias", "quantity_ids", "note", "status"],
    "proposed_units": ["unit_as_written", "pint_expr", "canonical_unit", "quantity_ids", "note", "status"],
    "proposed_agencies": ["name_as_written", "agency_id", "label_zh", "label_en", "clause_ids", "note", "status"],
}
PROPOSAL_STATUSES = ("suggested", "accepted")
PROPOSED_PREFIX = "proposed_"  # a proposed indicator_id: proposed_<doc_id>_<nn>_<unit>
TARGET_YEAR_IN_QUOTE = re.compile(r"[到至]\s*(20\d\d)\s*年")
