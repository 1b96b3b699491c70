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
    "measures": ["sentence_id", "doc_id", "sector_id", "instrument_id", "synergy", "note", "status", "text"],
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
