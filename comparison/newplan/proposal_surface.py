"""The curation surface of the proposal sheets new-plan writes (proposed_indicators, _units, _agencies):
a frozen bold header, widths that fit definitions and quotes, and drop-downs for the columns that take a
fixed set of values (status, measure, direction; sector_id from the workbook's codes sheet when present).
Like curation_surface, the drop-downs warn rather than refuse: accept-proposals checks the values."""
from __future__ import annotations

from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from comparison.curation.city_schema import PROPOSAL_SCHEMA, PROPOSAL_STATUSES
from comparison.curation.taxonomy import DIRECTIONS, MEASURES

WIDTHS = {"proposed_id": 34, "indicator_id": 34, "label_zh": 24, "label_en": 30, "definition": 50, "alias": 24,
          "quantity_ids": 24, "clause_ids": 24, "note": 40, "name_as_written": 24, "agency_id": 24}
LISTS = {"status": '"' + ",".join(PROPOSAL_STATUSES) + '"', "measure": '"' + ",".join(MEASURES) + '"',
         "direction": '"' + ",".join(DIRECTIONS) + '"', "sector_id": "codes_sector_id"}


def proposal_surface(wb) -> None:
    for sheet in PROPOSAL_SCHEMA:
        if sheet not in wb.sheetnames:
            continue
        ws = wb[sheet]
        ws.freeze_panes = "A2"
        header = [c.value for c in ws[1]]
        for cell in ws[1]:
            cell.font = Font(bold=True)
            ws.column_dimensions[get_column_letter(cell.column)].width = WIDTHS.get(cell.value, 14)
        ws.data_validations.dataValidation = []
        for name, formula in LISTS.items():
            if name not in header or (formula.startswith("codes_") and formula not in wb.defined_names):
                continue
            letter = get_column_letter(header.index(name) + 1)
            dv = DataValidation(type="list", formula1=formula, allow_blank=True, showErrorMessage=True,
                                errorStyle="warning")
            dv.add(f"{letter}2:{letter}1048576")
            ws.add_data_validation(dv)
