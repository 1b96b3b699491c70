"""comparison.xlsx: the fast row writer gives the worksheet XML openpyxl itself writes, and values read back."""
import zipfile

import numpy as np
import pandas as pd
import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from comparison.tables.atomic import neutralize_formula
from comparison.tables.export import write_xlsx

TRICKY = pd.DataFrame({
    "text": ["plain", "", " lead", "trail ", "  ", "a&b<c>d\"e'f", "line\r\nbreak\ttab", "中文 ＡＢ", "\u00a0nbsp",
             "=1+1", "-5", "@x"],
    "number": [1.5, np.nan, 0.1 + 0.2, 1e-20, 2.0, -3.25, 1e300, 7.0, 0.0, 5.0, -0.0, 123456789.125],
    "count": pd.array([1, None, 3, 4, 5, 6, 7, 8, 9, 10, 11, 123456789012345678], dtype="Int64"),
    "flag": [True, False, True, False, True, False, True, False, True, False, True, False],
    "mixed": ["x", None, 3, 2.5, True, np.int64(4), np.float64(0.5), "", None, "y", 1, float("nan")],
})


def standard_mode_sheet_xml(df: pd.DataFrame, tmp_path) -> bytes:
    """The worksheet as openpyxl's standard (cell-object) mode writes it: the reference for the fast writer."""
    wb = Workbook()
    ws = wb.active
    ws.title = "t"
    ws.append(list(df.columns))
    for row in df.itertuples(index=False):
        values = []
        for v in row:
            if v is None or (not isinstance(v, str) and pd.isna(v)):
                values.append(None)
            else:
                values.append(neutralize_formula(v.item() if hasattr(v, "item") else v))
        ws.append(values)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(df.columns))}{len(df) + 1}"
    for i, col in enumerate(df.columns, 1):
        longest = max([len(str(col))] + [len(str(v)) for v in df[col].head(500)])
        ws.column_dimensions[get_column_letter(i)].width = min(max(longest + 2, 8), 50)
    wb.save(tmp_path / "reference.xlsx")
    with zipfile.ZipFile(tmp_path / "reference.xlsx") as z:
        return z.read("xl/worksheets/sheet1.xml")


def test_sheet_xml_is_what_openpyxl_writes(tmp_path):
    write_xlsx({"t": TRICKY}, tmp_path / "fast.xlsx", taxonomy=None)
    with zipfile.ZipFile(tmp_path / "fast.xlsx") as z:
        fast = z.read("xl/worksheets/sheet1.xml")
    assert fast == standard_mode_sheet_xml(TRICKY, tmp_path)


def test_values_read_back(tmp_path):
    write_xlsx({"t": TRICKY, "empty": TRICKY.iloc[:0]}, tmp_path / "fast.xlsx", taxonomy=None)
    ws = load_workbook(tmp_path / "fast.xlsx")["t"]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0] == tuple(TRICKY.columns)
    assert [r[0] for r in rows[1:]] == ["plain", None, " lead", "trail ", "  ", "a&b<c>d\"e'f", "line\nbreak\ttab",
                                        "中文 ＡＢ", "\u00a0nbsp", "'=1+1", "'-5", "'@x"]
    assert [r[1] for r in rows[1:3]] == [1.5, None] and rows[3][1] == pytest.approx(0.3)
    assert [r[2] for r in rows[1:3]] == [1, None] and rows[12][2] == 1.234567890123457e17  # Excel keeps 15-16 digits
    assert [r[3] for r in rows[1:3]] == [True, False]
    assert [r[4] for r in rows[1:8]] == ["x", None, 3, 2.5, True, 4, 0.5]
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref == "A1:E13" and ws["A1"].font.b
    empty = load_workbook(tmp_path / "fast.xlsx")["empty"]
    assert [c.value for c in empty[1]] == list(TRICKY.columns) and empty.max_row == 1


def test_control_characters_a_cell_cannot_hold_are_left_out(tmp_path):
    """A NUL or VT in a plan's text used to stop the build after the CSVs were written ("this is a bug"): the
    workbook leaves them out (the CSVs keep the text exact); tabs and line breaks stay."""
    write_xlsx({"t": pd.DataFrame({"text": ["bell\x07", "推\x00进\x0b绿色", "tab\tand\nbreak"]})},
               tmp_path / "t.xlsx", taxonomy=None)
    assert [c.value for c in load_workbook(tmp_path / "t.xlsx")["t"]["A"]] == ["text", "bell", "推进绿色",
                                                                              "tab\tand\nbreak"]


@pytest.mark.parametrize("text", ["\t=HYPERLINK(\"http://x\")", "\r=1+1", "\t-1"])
def test_tab_and_cr_prefixed_formulas_are_neutralized(tmp_path, text):
    """Spreadsheets skip a leading tab or CR and run what follows: neutralized like = + - @."""
    write_xlsx({"t": pd.DataFrame({"text": [text]})}, tmp_path / "t.xlsx", taxonomy=None)
    cell = load_workbook(tmp_path / "t.xlsx")["t"]["A2"]
    assert (cell.value, cell.data_type) == ("'" + text.replace("\r", "\n"), "s")  # XML reads a CR as a line break
