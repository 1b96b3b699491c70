"""The curation surface of the city workbooks: drop-downs fed from the codebook, bilingual header notes,
the sentence next to its codes. Validation stays the authority: a drop-down only helps."""
import shutil

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font

from comparison.curation.city_schema import CITY_SCHEMA
from comparison.curation.taxonomy import load_taxonomy
from comparison.curation.workbooks import read_workbook
from comparison.curation.xlsx_cells import read_book
from comparison.newplan.curation_surface import apply, code_lists
from helpers import drop_downs, edit, msg, problems, same_reading, where

CODE_COLUMNS = {"sections": ["pillar_id", "status"],
                "quantities": ["kind", "indicator_id", "comparator", "commitment", "status"],
                "ignored_numbers": ["reason", "status"],
                "measures": ["sector_id", "instrument_id", "synergy", "status"]}


@pytest.fixture(scope="module")
def taxonomy(paths):
    return load_taxonomy(paths)


def expected_drop_downs():
    return {(sheet, col): f"codes_{col}" for sheet, cols in CODE_COLUMNS.items() for col in cols}


def test_every_city_workbook_has_the_surface(paths, taxonomy):
    """Applied by /work/patches/c-published/04_curation_surface.py, which new codes in the codebook do not
    require re-running."""
    for path in sorted(paths.cities.glob("*.xlsx")):
        assert drop_downs(path) == expected_drop_downs(), path.name
        wb = load_workbook(path)
        assert wb["codes"].sheet_state == "hidden"
        assert [c.value for c in wb["measures"][1]][:6] == ["sentence_id", "doc_id", "text", "sector_id",
                                                            "instrument_id", "synergy"]
        note = wb["quantities"]["A1"].comment.text
        assert note == "quantity_id\n数量编号：<doc_id>_q001 …\nquantity id: <doc_id>_q001 …"
        # the lists are a snapshot of the codebook (the drop-downs warn, validation decides): present, not current
        assert [c.value for c in wb["codes"][1]] == list(code_lists(taxonomy))


def test_code_lists_are_the_codes_validation_accepts(taxonomy):
    lists = code_lists(taxonomy)
    assert lists["comparator"] == ["eq", "ge", "gt", "le", "lt", "approx"]
    assert lists["synergy"] == ["true", "false"] and lists["status"] == ["curated", "suggested"]
    assert lists["kind"] == ["target", "baseline"]
    assert set(lists["sector_id"]) == taxonomy.leaf_ids("sectors")  # a parent code is not a code to choose
    assert "supply" not in lists["instrument_id"] and "env_goal_planning" in lists["instrument_id"]
    assert lists["indicator_id"] == sorted(taxonomy.table("indicators").indicator_id)


def test_apply_orders_columns_keeps_every_value_and_changes_nothing_the_second_time(tmp_path, taxonomy):
    wb = Workbook()
    ws = wb.active
    ws.title = "measures"
    ws.append(["sentence_id", "doc_id", "sector_id", "instrument_id", "synergy", "note", "status", "text",
               "confidence"])
    ws.append(["x_2022:1.1.1", "x_2022", "industry", "env_goal_planning", "false", "", "suggested",
               "推进工业绿色升级。", 0.8])
    ws["H2"].font = Font(italic=True)
    assert apply(wb, taxonomy)
    header = [c.value for c in ws[1]]
    assert header == ["sentence_id", "doc_id", "text", "sector_id", "instrument_id", "synergy", "note", "status",
                      "confidence"]
    assert [c.value for c in ws[2]] == ["x_2022:1.1.1", "x_2022", "推进工业绿色升级。", "industry",
                                        "env_goal_planning", "false", "", "suggested", 0.8]
    assert ws["C2"].font.i  # the cell moved with its style
    assert ws["C1"].comment.text == "text\n句子原文（解析结果）\nthe sentence (as parsed)"
    assert ws["I1"].comment.text.startswith("confidence\n")
    assert ws.freeze_panes == "A2" and ws["A1"].font.b
    assert not apply(wb, taxonomy)
    path = tmp_path / "x.xlsx"
    wb.save(path)
    assert drop_downs(path) == {("measures", c): f"codes_{c}" for c in CODE_COLUMNS["measures"]}
    codes = load_workbook(path)["codes"]
    header = [c.value for c in codes[1]]
    sectors = [r[header.index("sector_id")] for r in codes.iter_rows(min_row=2, values_only=True)]
    assert [s for s in sectors if s] == code_lists(taxonomy)["sector_id"]


def test_the_readers_read_a_workbook_with_drop_downs_notes_and_a_hidden_sheet(paths, tmp_path):
    """The fast reader reads it as openpyxl does (a data validation's formula is not a cell formula), and
    reading the city sheets leaves the codes sheet out."""
    path = tmp_path / "tianshui.xlsx"
    shutil.copy(paths.cities / "tianshui.xlsx", path)
    same_reading(path)
    assert read_book(path).sheet_names == ["sections", "quantities", "ignored_numbers", "measures", "codes"]
    sheets = read_workbook(path, CITY_SCHEMA, "tianshui.xlsx")
    assert list(sheets) == list(CITY_SCHEMA)
    assert list(sheets["measures"].columns) == CITY_SCHEMA["measures"] + ["excel_row"]


def test_validation_stops_a_code_the_drop_down_would_have_warned_about(project_copy):
    book = "data/raw/cities/tianshui.xlsx"
    assert drop_downs(project_copy / book)[("measures", "sector_id")] == "codes_sector_id"
    first = load_workbook(project_copy / book)["measures"]["A2"].value
    row = edit(project_copy, "measures", "sentence_id", first, "sector_id", "not_a_sector")
    found = problems(project_copy)
    assert msg(where("measures", row, "sector_id"), "code not in the codebook", "not_a_sector",
               "a sector_id of the 'sectors' sheet of data/raw/taxonomy.xlsx",
               "use an existing code, or add the code (with its parent, labels and definition) to the codebook"
               ) in found
