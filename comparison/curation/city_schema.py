"""The sheets and columns of a city workbook, the codes its rows take that no codebook sheet lists, and the
comparator codes the code interprets (the codebook's comparators sheet labels exactly these)."""
from __future__ import annotations

import re

CITY_SCHEMA = {
    "sections": ["doc_id", "section_no", "section_title", "pillar_id", "note", "status"],
    "quantities": ["quantity_id", "doc_id", "clause_id", "kind", "indicator_id", "indicator_as_written", "value",
                   "unit_as_written", "comparator", "target_year", "base_year", "scope", "commitment", "quote", "note",
                   "status"],
    "ignored_numbers": ["doc_id", "clause_id", "number", "quote", "reason", "note", "status"],
    "measures": ["sentence_id", "doc_id", "sector_id", "instrument_id", "synergy", "note", "status", "text"],
}
KINDS = ("target", "baseline")
# Comparator codes: plain words no spreadsheet reads as a formula (the symbols = ≥ ≤ ≈ are display labels).
COMPARATORS = ("eq", "ge", "gt", "le", "lt", "approx")
STATUSES = ("curated", "suggested")
YEAR_RANGE = (1990, 2060)
TARGET_YEAR_IN_QUOTE = re.compile(r"[到至]\s*(20\d\d)\s*年")
