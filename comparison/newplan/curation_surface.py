"""The curation surface of a city workbook: what a curator sees in Excel, not what validation checks.

Applied by new-plan to every sheet it creates or extends, and by a patch script to the existing city
workbooks (the same code, so every workbook looks alike):

- columns in the order of ``CITY_SCHEMA`` (the sentence of ``measures`` next to its codes), extra columns
  such as ``confidence`` after them; cells move with their values and styles;
- a hidden sheet ``codes`` with one column per code list of the codebook (pillars, leaf sectors and
  instruments, synergy, indicators, comparators, commitments, kinds, ignore reasons, statuses) and a
  workbook name ``codes_<column>`` for each, so every code column gets a drop-down that works in Excel and
  LibreOffice (lists on another sheet of the same workbook; a reference to the codebook file would break);
- the drop-downs warn rather than refuse, so a code just added to the codebook can be typed before the
  list is refreshed: validation stays the authority;
- bold, frozen header cells with a bilingual note of the column's meaning (``COLUMN_NOTES``), widths that
  fit quotes and sentences.

``apply`` changes only what differs from that surface and says whether it changed anything, so applying
it twice changes nothing.
"""
from __future__ import annotations

from copy import copy

from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation

from comparison.curation.city_schema import COLUMN_NOTES, COMPARATORS, KINDS, STATUSES
from comparison.curation.city_schema import CITY_SCHEMA
from comparison.curation.taxonomy import Taxonomy

CODES_SHEET = "codes"
CODE_COLUMNS = ("pillar_id", "sector_id", "instrument_id", "synergy", "indicator_id", "comparator", "commitment",
                "kind", "reason", "status")
COLUMN_WIDTHS = {"quote": 60, "text": 80, "note": 40, "section_title": 40, "indicator_as_written": 24,
                 "indicator_id": 36, "sector_id": 20, "instrument_id": 24, "value_as_written": 16}
WRAPPED = ("quote", "text", "note", "section_title")
LAST_ROW = 1048576
AUTHOR = "citycompare"


def code_lists(taxonomy: Taxonomy) -> dict[str, list[str]]:
    """Each code column → the codes validation accepts there, in the codebook's order (indicators sorted)."""
    def column(sheet: str, keep=None) -> list[str]:
        codes = list(taxonomy.table(sheet).iloc[:, 0])
        return [c for c in codes if keep is None or c in keep]

    comparators = column("comparators")
    return {"pillar_id": column("pillars"), "sector_id": column("sectors", taxonomy.leaf_ids("sectors")),
            "instrument_id": column("instruments", taxonomy.leaf_ids("instruments")), "synergy": column("synergy"),
            "indicator_id": sorted(column("indicators")),
            "comparator": [c for c in COMPARATORS if c in comparators], "commitment": column("commitments"),
            "kind": list(KINDS), "reason": column("ignore_reasons"), "status": list(STATUSES)}


def apply(wb, taxonomy: Taxonomy) -> bool:
    """Give the workbook's sheets of ``CITY_SCHEMA`` their curation surface; True if anything changed."""
    lists = code_lists(taxonomy)
    changed = _codes_sheet(wb, lists)
    for sheet, columns in CITY_SCHEMA.items():
        if sheet in wb.sheetnames:
            ws = wb[sheet]
            changed |= _order_columns(ws, columns)
            changed |= _header(ws)
            changed |= _drop_downs(ws, lists)
    return changed


def _codes_sheet(wb, lists: dict[str, list[str]]) -> bool:
    changed = False
    if CODES_SHEET not in wb.sheetnames:
        wb.create_sheet(CODES_SHEET)
        changed = True
    ws = wb[CODES_SHEET]
    wanted = {(1, k): name for k, name in enumerate(lists, 1)}
    wanted |= {(r, k): code for k, codes in enumerate(lists.values(), 1) for r, code in enumerate(codes, 2)}
    present = {(c.row, c.column): c.value for row in ws.iter_rows() for c in row if c.value is not None}
    if present != wanted:
        ws.delete_rows(1, ws.max_row)
        for (r, k), value in wanted.items():
            ws.cell(r, k, value)
        changed = True
    if ws.sheet_state != "hidden":
        ws.sheet_state = "hidden"
        changed = True
    if wb.active is not None and wb.active.title == CODES_SHEET:
        wb.active = 0
    for k, (name, codes) in enumerate(lists.items(), 1):
        letter = get_column_letter(k)
        text = f"{quote_sheetname(CODES_SHEET)}!${letter}$2:${letter}${max(len(codes), 1) + 1}"
        key = f"codes_{name}"
        if key not in wb.defined_names or wb.defined_names[key].attr_text != text:
            wb.defined_names[key] = DefinedName(key, attr_text=text)
            changed = True
    return changed


def _order_columns(ws, columns: list[str]) -> bool:
    """Columns of the schema first, in its order; any other column after them, in its own order."""
    header = [c.value for c in ws[1]]
    while header and header[-1] is None:
        header.pop()
    order = [header.index(c) for c in columns if c in header]
    order += [k for k in range(len(header)) if k not in order]
    if order == list(range(len(header))):
        return False
    rows = [[(c.value, copy(c._style), c.comment) for c in row[:len(header)]]
            for row in ws.iter_rows(min_row=1, max_row=ws.max_row, max_col=len(header))]
    for r, row in enumerate(rows, 1):
        for k, source in enumerate(order, 1):
            value, style, comment = row[source]
            cell = ws.cell(r, k)
            cell.value, cell._style, cell.comment = value, style, copy(comment) if comment else None
    ws.data_validations.dataValidation = []  # they named the old positions; _drop_downs adds them anew
    return True


def _header(ws) -> bool:
    changed = False
    if ws.freeze_panes != "A2":
        ws.freeze_panes = "A2"
        changed = True
    for cell in ws[1]:
        name = cell.value
        if name is None:
            continue
        if not cell.font.b:
            cell.font = Font(bold=True)
            changed = True
        note = COLUMN_NOTES.get(name)
        text = f"{name}\n{note[0]}\n{note[1]}" if note else None
        if (cell.comment.text if cell.comment else None) != text:
            cell.comment = None
            if text:
                cell.comment = Comment(text, AUTHOR, height=110, width=260)
            changed = True
        letter = get_column_letter(cell.column)
        width = COLUMN_WIDTHS.get(name, 14)
        if ws.column_dimensions[letter].width != width:
            ws.column_dimensions[letter].width = width
            changed = True
        if name in WRAPPED and not ws.column_dimensions[letter].alignment.wrap_text:
            ws.column_dimensions[letter].alignment = Alignment(wrap_text=True, vertical="top")
            changed = True
    return changed


def _drop_downs(ws, lists: dict[str, list[str]]) -> bool:
    """One list validation per code column, fed by the codes sheet; any other validation on those columns goes."""
    header = [c.value for c in ws[1]]
    wanted = {}
    for name in CODE_COLUMNS:
        if name in header:
            letter = get_column_letter(header.index(name) + 1)
            wanted[f"{letter}2:{letter}{LAST_ROW}"] = name
    letters = {ref.split(":")[0].rstrip("0123456789") for ref in wanted}
    present = {}
    kept = []
    for dv in ws.data_validations.dataValidation:
        refs = str(dv.sqref).split()
        if any(ref.split(":")[0].rstrip("0123456789") in letters for ref in refs):
            present[str(dv.sqref)] = (dv.formula1, dv.errorStyle, dv.prompt)
        else:
            kept.append(dv)
    expected = {ref: (f"codes_{name}", "warning", _prompt(name)) for ref, name in wanted.items()}
    if present == expected:
        return False
    ws.data_validations.dataValidation = kept
    for ref, name in wanted.items():
        dv = DataValidation(type="list", formula1=f"codes_{name}", allow_blank=True, showDropDown=False,
                            showErrorMessage=True, errorStyle="warning", errorTitle=name[:32],
                            error=f"{name}: not in the codebook's list of this workbook. Validation checks it "
                                  "(make validate). / 不在本工作簿的代码列表中，请运行 make validate 检查。",
                            showInputMessage=True, promptTitle=name[:32], prompt=_prompt(name))
        dv.add(ref)
        ws.add_data_validation(dv)
    return True


def _prompt(name: str) -> str:
    zh, en = COLUMN_NOTES[name]
    return f"{en}\n{zh}"[:255]  # Excel's limit for an input message
