"""The fast cell reader reads what openpyxl reads: every real workbook and a catalogue of cell types.

(Cells that no spreadsheet program writes, and workbooks over a limit, are in test_hostile_workbooks.py.)
"""
import datetime as dt
import shutil
import zipfile

import pytest
from openpyxl import Workbook, load_workbook

from comparison.curation.xlsx_cells import ERROR, read_book
from helpers import same_reading

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def test_real_workbooks(paths):
    books = sorted(paths.cities.glob("*.xlsx")) + [paths.taxonomy, paths.raw / "reliability.xlsx"]
    assert len(books) >= 6
    for path in books:
        same_reading(path)


def test_cell_types(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.title = "types"
    ws.append(["text", " padded ", "", 3, -2.5, 1e-7, 12345678901234, True, False, "#N/A", "中文"])
    ws.append([dt.datetime(2021, 12, 8, 13, 30), dt.date(2022, 3, 27), dt.time(8, 15), dt.timedelta(hours=30)])
    ws["B5"] = "a row apart"
    ws["F1"].number_format = "0.00%"
    wb.create_sheet("blank")
    path = tmp_path / "types.xlsx"
    wb.save(path)
    same_reading(path)
    cells = read_book(path).cells["types"]
    assert cells[(2, 1)][0] == dt.datetime(2021, 12, 8, 13, 30) and cells[(5, 2)][0] == "a row apart"
    assert read_book(path).sheet_names == ["types", "blank"]


def test_shared_strings_and_rich_text(tmp_path):
    """Excel stores text in a shared table (openpyxl writes inline text): rebuild an openpyxl file that way."""
    wb = Workbook()
    wb.active.append(["placeholder"])
    path = tmp_path / "shared.xlsx"
    wb.save(path)
    sheet = (f'<worksheet xmlns="{MAIN}"><sheetData>'
             '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>'
             '<row><c t="str"><v>cached</v></c><c t="e"><v>#DIV/0!</v></c><c><v>7</v></c><c t="b"><v>1</v></c></row>'
             '</sheetData></worksheet>')
    strings = (f'<sst xmlns="{MAIN}" count="3" uniqueCount="3"><si><t>plain</t></si>'
               '<si><r><rPr><b/></rPr><t>rich </t></r><r><t>text</t></r><rPh sb="0" eb="1"><t>ignored</t></rPh></si>'
               '<si><t>under_x005F_score</t></si></sst>')
    rebuilt = tmp_path / "rebuilt.xlsx"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(rebuilt, "w") as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = sheet.encode()
            elif info.filename == "xl/_rels/workbook.xml.rels":
                data = data.replace(b"</Relationships>", b'<Relationship Id="rIdS" Target="sharedStrings.xml" Type="'
                                    b'http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"'
                                    b'/></Relationships>')
            elif info.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                                    b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
            dst.writestr(info, data)
        dst.writestr("xl/sharedStrings.xml", strings)
    same_reading(rebuilt)
    cells = read_book(rebuilt).cells["Sheet"]
    assert [cells[(1, c)][0] for c in (1, 2, 3)] == ["plain", "rich text", "under_score"]
    assert [cells[(2, c)] for c in (1, 2, 3, 4)] == [("cached", False), ("#DIV/0!", ERROR), (7, False), (True, False)]


@pytest.mark.parametrize("change", ["formula", "merge"])
def test_formulas_and_merges_are_read_as_openpyxl_reads_them(project_copy, change):
    path = project_copy / "data/raw/cities/tianshui.xlsx"
    wb = load_workbook(path)
    if change == "formula":
        wb["quantities"]["G2"] = "=30+5"
    else:
        wb["quantities"].merge_cells("N2:O2")
    wb.save(path)
    same_reading(path)
    book = read_book(path)
    if change == "formula":
        assert book.cells["quantities"][(2, 7)] == ("=30+5", True)
    else:
        assert [str(r) for r in book.merged["quantities"]] == ["N2:O2"]
    shutil.rmtree(project_copy / "data")


def test_shared_formulas_are_translated_to_each_cell_as_openpyxl_does(tmp_path):
    wb = Workbook()
    wb.active.append([1, 2])
    path = tmp_path / "shared_formula.xlsx"
    wb.save(path)
    sheet = (f'<worksheet xmlns="{MAIN}"><sheetData>'
             '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><f t="shared" ref="B1:B3" si="0">A1*2</f><v>2</v></c></row>'
             '<row r="2"><c r="A2"><v>2</v></c><c r="B2"><f t="shared" si="0"/><v>4</v></c></row>'
             '<row r="3"><c r="B3"><f t="shared" si="0"/><v>0</v></c></row></sheetData></worksheet>')
    rebuilt = tmp_path / "rebuilt.xlsx"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(rebuilt, "w") as dst:
        for info in src.infolist():
            dst.writestr(info, sheet.encode() if info.filename == "xl/worksheets/sheet1.xml" else src.read(info))
    same_reading(rebuilt)
    assert read_book(rebuilt).cells["Sheet"][(3, 2)] == ("=A3*2", True)
