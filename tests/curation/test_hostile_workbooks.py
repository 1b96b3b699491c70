"""Workbooks built to hurt: each limit with a crafted file (refused within seconds and bounded memory), and
every cell encoding no spreadsheet program writes (reported with file, sheet, cell, value and fix).

The limit tests read the workbook in a fresh interpreter and check the time the reading took and the
process's peak memory, with generous bounds (the reader's speed proper is benchmarked by ``make bench``).
Before these limits, a 31 KB workbook with one cell at XFD1048576 ran 288 s and reached 8 GB.
"""
import re
import shutil
import subprocess
import sys
import zipfile

import pytest

from comparison.curation.city_schema import CITY_SCHEMA
from comparison.curation.workbooks import read_workbook
from comparison.paths import REPO_ROOT
from comparison.problems import InputError

from helpers import TIANSHUI, measured_read, msg, rewrite_xlsx, sheet_member

SECONDS = 30       # generous: the crafted files are refused in 1-3 s on a loaded 2-core machine
PEAK_MIB = 700     # generous: imports take ~120 MiB
LIMITS = ("a workbook of values: at most 25,000 rows and 200 columns a sheet, 200,000 cells, 64 MiB "
          "unpacked")
FIX_SIZE = ("delete the rows and columns after the data (select them, right-click → Delete) and any pasted "
            "images, then save; or restore the workbook from git")
FIX_CELL = ("retype the value in Excel and save (the file was written by a program that does not follow the "
            ".xlsx format), or restore the workbook from git")
QUANTITIES = "xl/worksheets/sheet2.xml"  # tianshui.xlsx: sections, quantities, ignored_numbers, measures
MEASURES = "xl/worksheets/sheet4.xml"    # columns: sentence_id, doc_id, text, sector_id, instrument_id, synergy, note …


@pytest.fixture
def book(tmp_path):
    """A copy of tianshui.xlsx to break (the messages name it as validate does)."""
    path = tmp_path / "tianshui.xlsx"
    shutil.copy(REPO_ROOT / TIANSHUI, path)
    assert sheet_member(path, "quantities") == QUANTITIES and sheet_member(path, "measures") == MEASURES
    return path


def refused(book, expected: str):
    """The crafted workbook is refused with exactly ``expected``, in bounded time and memory."""
    run = measured_read(book, TIANSHUI)
    assert run["problems"] == [expected]
    assert run["seconds"] < SECONDS and run["peak_mib"] < PEAK_MIB, run


def read_problems(book) -> list[str]:
    with pytest.raises(InputError) as err:
        read_workbook(book, CITY_SCHEMA, TIANSHUI)
    return [str(p) for p in err.value.problems]


def before_sheet_data_end(rows: str):
    return lambda xml: xml.replace("</sheetData>", rows + "</sheetData>")


def test_a_stray_cell_at_xfd1048576_is_one_cell_and_refused(book):
    rewrite_xlsx(book, {QUANTITIES: before_sheet_data_end(
        '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>stray</t></is></c></row>')})
    refused(book, msg(f"{TIANSHUI}, sheet 'quantities', row 1048576",
                      "the sheet uses cell XFD1048576, beyond row 25,000 or column 200 (GR)", "stray",
                      LIMITS, FIX_SIZE))


def test_a_declared_used_range_beyond_the_limits(book):
    rewrite_xlsx(book, {QUANTITIES: lambda xml: re.sub(r'<dimension ref="[^"]+" />',
                                                       '<dimension ref="A1:XFD1048576" />', xml)})
    refused(book, msg(f"{TIANSHUI}, sheet 'quantities'", "the sheet's declared used range A1:XFD1048576 "
                      "reaches beyond row 25,000 or column 200 (GR)", "A1:XFD1048576", LIMITS, FIX_SIZE))


def test_a_merged_range_beyond_the_limits(book):
    rewrite_xlsx(book, {QUANTITIES: lambda xml: xml.replace(
        "</sheetData>", '</sheetData><mergeCells count="1"><mergeCell ref="A2:XFD1048576" /></mergeCells>')})
    refused(book, msg(f"{TIANSHUI}, sheet 'quantities'", "a merged range A2:XFD1048576 reaches beyond "
                      "row 25,000 or column 200 (GR)", "A2:XFD1048576", LIMITS, FIX_SIZE))


def test_a_million_rows(book):
    rewrite_xlsx(book, {QUANTITIES: before_sheet_data_end("<row/>" * 1_000_000)})
    refused(book, msg(f"{TIANSHUI}, sheet 'quantities'", "the sheet has more than 25,000 rows",
                      expected=LIMITS, fix=FIX_SIZE))


def test_a_row_of_too_many_cells(book):
    rewrite_xlsx(book, {QUANTITIES: before_sheet_data_end(
        "<row>" + "<c><v>1</v></c>" * 201 + "</row>")})
    refused(book, msg(f"{TIANSHUI}, sheet 'quantities', row 17", "a row has more than 200 cells",
                      expected=LIMITS, fix=FIX_SIZE))


def test_too_many_cells(book):
    rewrite_xlsx(book, {QUANTITIES: before_sheet_data_end(
        ("<row>" + "<c><v>1</v></c>" * 200 + "</row>") * 1_001)})
    refused(book, msg(f"{TIANSHUI}, sheet 'quantities'", "the workbook has more than 200,000 cells",
                      expected=LIMITS, fix=FIX_SIZE))


def test_a_zip_bomb_is_refused_before_inflating(book):
    """4 GB of whitespace in a 4 MB file used to be inflated (99 s, 4.3 GB): the sizes the archive declares
    are added up first. (A 65 MiB member stands in for the 4 GB: the same check, a cheaper test.)"""
    rewrite_xlsx(book, {QUANTITIES: lambda xml: xml.replace("<sheetData>", "<sheetData>" + " " * (65 * 2**20))})
    declared = sum(info.file_size for info in zipfile.ZipFile(book).infolist())  # 65 MiB and the other parts
    assert book.stat().st_size < 2**20  # a small file
    refused(book, msg(TIANSHUI, f"the workbook unpacks to {declared / 2**20:.1f} MiB, more than the limit",
                      expected=LIMITS, fix=FIX_SIZE))


def test_the_unpacked_size_is_also_counted_while_inflating(book):
    """Forty sheets pointing at one 2 MiB part: each part is small, the reading is not."""
    def forty_sheets(xml):
        sheets = "".join(f'<sheet name="copy{k}" sheetId="{10 + k}" state="visible" r:id="rId2" />'
                         for k in range(40))
        return xml.replace("</sheets>", sheets + "</sheets>")
    rewrite_xlsx(book, {"xl/workbook.xml": forty_sheets, QUANTITIES: lambda xml: xml.replace(
        "<sheetData>", "<sheetData>" + " " * 2**21)})
    refused(book, msg(TIANSHUI, "the workbook unpacks to more than the limit (while reading "
                      "xl/worksheets/sheet2.xml)", expected=LIMITS, fix=FIX_SIZE))


def with_shared_strings(items: str) -> dict:
    """The members that give tianshui.xlsx a shared strings part holding ``items``."""
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = ('<Relationship Id="rIdS" Target="sharedStrings.xml" Type="http://schemas.openxmlformats.org/'
           'officeDocument/2006/relationships/sharedStrings"/></Relationships>')
    override = ('<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
                'officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
    return {"changes": {"xl/_rels/workbook.xml.rels": lambda xml: xml.replace("</Relationships>", rel),
                        "[Content_Types].xml": lambda xml: xml.replace("</Types>", override)},
            "add": {"xl/sharedStrings.xml": f'<sst xmlns="{main}">{items}</sst>'.encode()}}


def test_too_many_shared_strings(book):
    parts = with_shared_strings("<si><t>a</t></si>" * 200_001)
    rewrite_xlsx(book, parts["changes"], parts["add"])
    refused(book, msg(TIANSHUI, "more than 200,000 shared strings", expected=LIMITS, fix=FIX_SIZE))


def test_a_shared_string_longer_than_a_cell_holds(book):
    parts = with_shared_strings("<si><t>绿</t></si><si><t>" + "低碳" * 20_000 + "</t></si>")
    rewrite_xlsx(book, parts["changes"], parts["add"])
    refused(book, msg(TIANSHUI, "shared string 1 has 40,000 characters, more than a cell holds (32,767)",
                      "低碳" * 20 + "…", LIMITS, FIX_SIZE))


def test_too_many_xml_elements(book):
    rewrite_xlsx(book, {QUANTITIES: lambda xml: xml.replace("</sheetData>", "</sheetData>" + "<x/>" * 1_000_001)})
    refused(book, msg(TIANSHUI, "xl/worksheets/sheet2.xml holds more than 1,000,000 XML elements",
                      expected=LIMITS, fix=FIX_SIZE))


def test_the_cli_refuses_a_stray_cell_with_status_2_within_seconds(project_copy):
    rewrite_xlsx(project_copy / TIANSHUI, {QUANTITIES: before_sheet_data_end(
        '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>')})
    result = subprocess.run([sys.executable, "-m", "comparison", "--root", str(project_copy), "validate"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "the sheet uses cell XFD1048576, beyond row 25,000 or column 200 (GR)" in result.stderr


# ---------- cells no spreadsheet program writes: each named with file, sheet, cell, value and fix


def column_of(book, sheet: str, name: str) -> str:
    """The column letter of a header name (the workbooks' column order is the curation surface's)."""
    from openpyxl import load_workbook

    header = next(load_workbook(book, read_only=True)[sheet].iter_rows(max_row=1))
    return next(c.column_letter for c in header if c.value == name)


def replace_cell(ref: str, cell: str):
    """Replace the cell ``ref`` (e.g. E2) of a sheet's XML by ``cell``."""
    def change(xml):
        new, n = re.subn(rf'<c r="{ref}"[^>]*?(?:/>|>.*?</c>)', cell, xml, count=1)
        assert n == 1, ref
        return new
    return change


@pytest.mark.parametrize("cell,message,found,expected", [
    ('<c r="E2" t="b"><v>yes</v></c>', "cell E2 is a true/false cell holding 'yes'", "yes", "1 (true) or 0 (false)"),
    ('<c r="E2"><v>abc</v></c>', "cell E2 is a number cell holding 'abc'", "abc", "a number such as 35 or 13.5"),
    ('<c r="E2"><v>NaN</v></c>', "cell E2 is a number cell holding 'NaN'", "NaN", "a number such as 35 or 13.5"),
    ('<c r="E2" s="x"><v>1</v></c>', "cell E2 has the style 'x'", "x", "a style number"),
    ('<c r="E2" t="s"><v>x</v></c>', "cell E2 is a text cell pointing to shared string 'x', but the workbook "
     "has no shared strings", "x", "the index of a shared string"),
    ('<c r="E2" t="d"><v>yesterday</v></c>', "cell E2 is a date cell holding 'yesterday'", "yesterday",
     "an ISO 8601 date such as 2021-12-08"),
    ('<c r="E2" t="q"><v>1</v></c>', "cell E2 has the unknown cell type 'q'", "q",
     "n, s, str, inlineStr, b, e or d"),
    ('<c r="A0" t="b"><v>1</v></c>', "cell 1 of the row has the reference 'A0'", "A0",
     "a column letter (A to XFD) and a row number, such as C5"),
    ('<c r="AAAA2" t="b"><v>1</v></c>', "cell 1 of the row has the reference 'AAAA2'", "AAAA2",
     "a column letter (A to XFD) and a row number, such as C5"),
    ('<c r="2E" t="b"><v>1</v></c>', "cell 1 of the row has the reference '2E'", "2E",
     "a column letter (A to XFD) and a row number, such as C5"),
], ids=["bool_yes", "number_text", "number_nan", "style", "no_shared_strings", "iso_date", "unknown_type",
        "ref_row_0", "ref_four_letters", "ref_reversed"])
def test_a_malformed_cell_is_named(book, cell, message, found, expected):
    # the first cell of row 2 is replaced where the reference itself is malformed
    target = "A2" if cell.startswith(('<c r="A0"', '<c r="AAAA2"', '<c r="2E"')) else "E2"
    rewrite_xlsx(book, {MEASURES: replace_cell(target, cell)})
    assert msg(f"{TIANSHUI}, sheet 'measures', row 2", message, found, expected, FIX_CELL) in read_problems(book)


@pytest.mark.parametrize("index,shown", [("7", "7"), ("-1", "-1"), ("1.5", "1.5")])
def test_a_shared_string_index_out_of_range_is_named(book, index, shown):
    """-1 would silently read the last string (as openpyxl does); 7 and 1.5 point at no string."""
    parts = with_shared_strings("<si><t>true</t></si><si><t>false</t></si>")
    parts["changes"][MEASURES] = replace_cell("E2", f'<c r="E2" t="s"><v>{index}</v></c>')
    rewrite_xlsx(book, parts["changes"], parts["add"])
    assert msg(f"{TIANSHUI}, sheet 'measures', row 2", f"cell E2 is a text cell pointing to shared string "
               f"'{shown}', but the workbook's shared strings are numbered 0 to 1", shown,
               "the index of a shared string", FIX_CELL) in read_problems(book)


@pytest.mark.parametrize("row", ["x", "0", "-3", "2.5"])
def test_a_malformed_row_number_is_named(book, row):
    rewrite_xlsx(book, {MEASURES: lambda xml: xml.replace('<row r="2">', f'<row r="{row}">', 1)})
    assert msg(f"{TIANSHUI}, sheet 'measures'", f"the row after row 1 has the row number '{row}'", row,
               "a whole number from 1 to 25,000", FIX_CELL) in read_problems(book)


def test_a_date_cell_outside_the_dates_excel_shows(book):
    styles = zipfile.ZipFile(book).read("xl/styles.xml").decode()
    count = int(re.search(r'<cellXfs count="(\d+)"', styles).group(1))  # the new format's index

    def date_style(xml):  # one more cell format, showing a date (numFmtId 14: m/d/yyyy)
        return re.sub(r'<cellXfs count="\d+"', f'<cellXfs count="{count + 1}"', xml).replace(
            "</cellXfs>", '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" /></cellXfs>')
    rewrite_xlsx(book, {"xl/styles.xml": date_style,
                        MEASURES: replace_cell("E2", f'<c r="E2" s="{count}"><v>1e10</v></c>')})
    assert msg(f"{TIANSHUI}, sheet 'measures', row 2", "cell E2 is formatted as a date but holds 1e10, outside "
               "the dates Excel can show", "1e10", "a date from 1900 to 9999, or a number formatted as a number",
               FIX_CELL) in read_problems(book)


def test_an_excel_error_value_is_named_with_its_column(book):
    ref = f"{column_of(book, 'measures', 'synergy')}2"
    rewrite_xlsx(book, {MEASURES: replace_cell(ref, f'<c r="{ref}" t="e"><v>#N/A</v></c>')})
    assert msg(f"{TIANSHUI}, sheet 'measures', row 2, column 'synergy'", "an Excel error value in a curated cell",
               "#N/A", "a plain value", "replace #N/A by the value it stands for, or clear the cell"
               ) in read_problems(book)


def test_unreadable_cells_are_listed_up_to_fifty_then_counted(book):
    data_cells = re.compile(r'<c r="(E(?:[2-9]|[1-9][0-9]+))"[^>]*?(?:/>|>.*?</c>)')
    rewrite_xlsx(book, {MEASURES: lambda xml: data_cells.sub(r'<c r="\1" t="b"><v>yes</v></c>', xml)})
    n = len(data_cells.findall(zipfile.ZipFile(book).read(MEASURES).decode()))
    assert n > 60
    found = read_problems(book)
    assert len(found) == 51 and found[0].startswith(f"{TIANSHUI}, sheet 'measures', row 2: cell E2 is a true/false")
    assert found[-1] == msg(TIANSHUI, f"{n - 50} more cells cannot be read (the first 50 are listed)", fix=FIX_CELL)


@pytest.mark.parametrize("cell,value", [
    ('<c r="{ref}" t="inlineStr"><is><t>inline</t></is></c>', "inline"),
    ('<c r="{ref}" t="inlineStr"><is><r><rPr><b/></rPr><t>rich </t></r><r><t>text</t></r></is></c>', "rich text"),
    ('<c r="{ref}" t="str"><v>95</v></c>', "95"),
    ('<c r="{ref}" t="inlineStr"><is><t>95</t></is></c>', "95"),
    ('<c r="{ref}"><v>95</v></c>', "95"),
    ('<c r="{ref}" t="b"><v>1</v></c>', "true"),
], ids=["inline", "rich_text", "cached_text", "number_as_text", "number", "boolean"])
def test_well_formed_encodings_read_as_their_text(book, cell, value):
    """The note column holds free text: each encoding reads as the text a curator sees in Excel."""
    ref = f"{column_of(book, 'measures', 'note')}2"
    rewrite_xlsx(book, {MEASURES: replace_cell(ref, cell.format(ref=ref))})
    sheets = read_workbook(book, CITY_SCHEMA, TIANSHUI)
    assert sheets["measures"].set_index("excel_row").loc[2, "note"] == value


def test_at_most_200_problems_are_printed_then_their_count(project_copy, monkeypatch, capsys):
    """1,000,000 rows used to print 3,000,000 problems (803 MB): the list stops at 200, with the count."""
    from comparison import cli, pipeline
    from comparison.problems import Problem

    many = [Problem(TIANSHUI, "synergy must be true or false", sheet="measures", row=k, column="synergy",
                    value="yes") for k in range(2, 3002)]

    def broken(paths, allow_suggested=False):
        raise InputError(many)

    monkeypatch.setattr(pipeline, "validate", broken)
    assert cli.main(["--root", str(project_copy), "validate"]) == 2
    lines = capsys.readouterr().err.splitlines()
    assert lines[0] == "3,000 problems found in the inputs (the first 200 are listed):"
    assert lines[1:3] == [f"  - {TIANSHUI}, sheet 'measures', row 2, column 'synergy': synergy must be true or false",
                          "    found: 'yes'"]
    assert sum(line.startswith("  - ") for line in lines) == 200
    assert lines[-1] == "  … and 2,800 more: fix the ones above and run again to see the rest"
