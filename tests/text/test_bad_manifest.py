"""Bad data/raw/plans.csv: each case breaks a copy of the real manifest and pins the message a curator sees.

The manifest is read before anything else, so its problems are reported alone, never as a traceback or as
knock-on problems in the workbooks. Variations that cannot change a result (a BOM, CRLF, Excel's empty
rows and columns, a hash in upper case) are accepted and read exactly like the real manifest.
"""
import csv
import io
import subprocess
import sys

import pandas as pd
import pytest
from helpers import msg, problems

from comparison.text.corpus import read_manifest
from comparison.paths import REPO_ROOT, project_paths

MANIFEST = "data/raw/plans.csv"
COLUMNS = ("doc_id, city_id, city_zh, city_en, province_zh, province_en, title_zh, title_en, doc_number, issued, "
           "status, plan_type, file, sha256")
TIANSHUI_ROW = 5
TIANSHUI_SHA = next(r["sha256"] for r in csv.DictReader(io.StringIO((REPO_ROOT / MANIFEST).read_text("utf-8")))
                    if r["doc_id"] == "tianshui_2022")


def text(root) -> str:
    return (root / MANIFEST).read_text(encoding="utf-8")


def write(root, content: str, encoding="utf-8"):
    (root / MANIFEST).write_bytes(content.encode(encoding))


def set_cell(root, doc_id, column, value):
    """Set one cell of the plan's row, written back as Excel and new-plan write CSV."""
    rows = list(csv.reader(io.StringIO(text(root), newline="")))
    for row in rows[1:]:
        if row[0] == doc_id:
            row[rows[0].index(column)] = value
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    write(root, out.getvalue())


def replace_line(root, prefix, transform):
    write(root, "".join(transform(line) + "\n" if line.startswith(prefix) else line + "\n"
                        for line in text(root).splitlines()))


def where(row=TIANSHUI_ROW, column=None):
    return f"{MANIFEST}, row {row}" + (f", column '{column}'" if column else "")


def assert_reads_like_the_real_manifest(root, paths):
    pd.testing.assert_frame_equal(read_manifest(project_paths(root)), read_manifest(paths))


# Cases that used to end in a traceback: the CLI now exits with status 2 and prints the problem.
def gb18030(root):
    write(root, text(root), encoding="gb18030")


def unquoted_comma(root):
    replace_line(root, "tianshui_2022,", lambda line: line.replace("经济体系实施方案,", "经济体系,实施方案,", 1))


def short_row(root):
    replace_line(root, "jiaozuo_2021,", lambda line: line.rsplit(",", 2)[0])


def zero_bytes(root):
    write(root, "")


def blank_file_cell(root):
    set_cell(root, "tianshui_2022", "file", "")


def folder_as_file(root):
    set_cell(root, "tianshui_2022", "file", "texts/")


@pytest.mark.parametrize("mutate,expected", [
    (gb18030, msg(MANIFEST, "not UTF-8 (byte 141, on line 2, cannot be decoded)", expected="UTF-8 text",
                  fix="save it from Excel as 'CSV UTF-8 (Comma delimited)', or convert it to UTF-8 "
                      "(e.g. iconv -f GB18030 -t UTF-8)")),
    (unquoted_comma, msg(where(), "the row has 15 cells, but the header has 14 columns",
                         expected="14 cells, one per column",
                         fix='put a value that contains a comma in double quotes ("…,…"), or remove the comma')),
    (short_row, msg(where(6), "the row has 12 cells, but the header has 14 columns",
                    expected="14 cells, one per column",
                    fix="add the missing cells: every row needs one cell per column, an empty cell too")),
    (zero_bytes, msg(MANIFEST, "the manifest is empty", expected=f"a header row ({COLUMNS}) and one row per plan",
                     fix="restore it from git (git checkout data/raw/plans.csv)")),
    (blank_file_cell, msg(where(column="file"), "file is empty", expected="e.g. texts/nanping_2021.txt",
                          fix="fill in the cell: every plan needs it")),
    (folder_as_file, msg(where(column="file"), "data/raw/texts is a folder, not a plan text", "texts/",
                         "a text file, e.g. texts/tianshui_2022.txt", "name the plan's text file, not its folder")),
], ids=lambda case: getattr(case, "__name__", None))
def test_unreadable_manifest_is_a_clear_problem_not_a_traceback(project_copy, mutate, expected):
    mutate(project_copy)
    result = subprocess.run([sys.executable, "-m", "comparison", "--root", str(project_copy), "validate"],
                            capture_output=True, text=True)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("1 problem found in the inputs:\n"), result.stderr
    assert expected in result.stderr, result.stderr


def test_unbalanced_quote(project_copy):
    replace_line(project_copy, "jiaozuo_2021,", lambda line: line.replace('economy"', 'economy', 1))
    assert problems(project_copy) == [msg(
        MANIFEST, "not valid CSV: unexpected end of data (on line 6)",
        expected='a cell that contains a comma, quote or line break enclosed in double quotes, with its own quotes '
                 'doubled ("")',
        fix="correct the quotes on that line or the lines above it, or save the file from Excel as "
            "'CSV UTF-8 (Comma delimited)'")]


def test_manifest_without_plans(project_copy):
    write(project_copy, text(project_copy).splitlines()[0] + "\n")
    assert problems(project_copy) == [msg(MANIFEST, "the manifest lists no plans",
                                          expected="one row per plan below the header",
                                          fix="add each plan with: python -m comparison new-plan … (see README, "
                                              "Add a city)")]


@pytest.mark.parametrize("separator,shown", [(";", "';'"), ("\t", "tabs")])
def test_other_separator_than_comma(project_copy, separator, shown):
    rows = list(csv.reader(io.StringIO(text(project_copy), newline="")))
    out = io.StringIO()
    csv.writer(out, delimiter=separator, lineterminator="\n").writerows(rows)
    write(project_copy, out.getvalue())
    assert problems(project_copy) == [msg(
        where(1), f"the columns are separated by {shown}, not by commas", separator.join(rows[0]), COLUMNS,
        "save the file again with ',' as the separator (Excel uses the system's list separator; LibreOffice asks "
        "for it)")]


def test_misnamed_column_shows_the_header_found(project_copy):
    write(project_copy, text(project_copy).replace("doc_id,", "Doc_ID,", 1))
    assert problems(project_copy) == [msg(
        where(1, "doc_id"), "missing column(s) doc_id", COLUMNS.replace("doc_id", "Doc_ID", 1), COLUMNS,
        "add or rename the columns in the first row; names are lower case, exactly as expected")]


def test_spaces_around_a_column_name(project_copy):
    write(project_copy, text(project_copy).replace(",sha256\n", ",sha256 \n", 1))
    assert problems(project_copy) == [msg(where(1, "sha256"), "spaces around a column name", "sha256 ", "'sha256'",
                                          "delete the spaces")]


def test_column_twice_in_the_header(project_copy):
    write(project_copy, text(project_copy).replace(",title_en,", ",title_zh,", 1))
    found = problems(project_copy)
    assert msg(where(1, "title_zh"), "column title_zh appears more than once in the header",
               expected="each column once", fix="delete or rename the extra column") in found
    assert found[-1].startswith(f"{where(1, 'title_en')}: missing column(s) title_en")


@pytest.mark.parametrize("column,example", [("city_id", "e.g. nanping"), ("city_zh", "e.g. 南平"),
                                            ("province_en", "e.g. Fujian")])
def test_required_cell_left_empty(project_copy, column, example):
    set_cell(project_copy, "tianshui_2022", column, "")
    assert problems(project_copy) == [msg(where(column=column), f"{column} is empty", expected=example,
                                          fix="fill in the cell: every plan needs it")]


def test_empty_hash(project_copy):
    set_cell(project_copy, "tianshui_2022", "sha256", " ")
    assert problems(project_copy) == [msg(where(column="sha256"), "sha256 is empty", " ",
                                          "the hash recorded when the plan was added",
                                          "restore the hash recorded when the plan was added (git log -p "
                                          "data/raw/plans.csv)")]


@pytest.mark.parametrize("city_id", ["tianshui ", "Tianshui", "天水"])
def test_city_id_that_cannot_name_the_workbook(project_copy, city_id):
    set_cell(project_copy, "tianshui_2022", "city_id", city_id)
    assert problems(project_copy) == [msg(where(column="city_id"), "city_id must be ASCII snake_case", city_id,
                                          "lower-case letters, digits and _, e.g. nanping",
                                          "use the city's pinyin name in lower case, the name of its workbook in "
                                          "data/raw/cities/")]


def test_doc_id_in_upper_case(project_copy):
    set_cell(project_copy, "tianshui_2022", "doc_id", "Tianshui_2022")
    assert problems(project_copy) == [msg(where(column="doc_id"), "doc_id must be ASCII snake_case", "Tianshui_2022",
                                          "lower-case letters, digits and _, e.g. nanping_2021", "rename the doc_id")]


def test_hash_that_is_not_a_hash(project_copy):
    set_cell(project_copy, "tianshui_2022", "sha256", TIANSHUI_SHA[:-1] + "g")
    assert problems(project_copy) == [msg(where(column="sha256"), "sha256 is not a SHA-256 hash",
                                          TIANSHUI_SHA[:-1] + "g", "64 hexadecimal digits",
                                          "restore the hash recorded when the plan was added (git log -p "
                                          "data/raw/plans.csv)")]


@pytest.mark.parametrize("written", [TIANSHUI_SHA.upper(), TIANSHUI_SHA + " "])
def test_same_hash_written_differently_is_the_same_hash(project_copy, paths, written):
    set_cell(project_copy, "tianshui_2022", "sha256", written)
    assert_reads_like_the_real_manifest(project_copy, paths)


@pytest.mark.parametrize("variant", [
    lambda t: "\ufeff" + t,  # Excel's CSV UTF-8
    lambda t: t.replace("\n", "\r\n"),
    lambda t: "".join(line + ",,\n" for line in t.splitlines()),  # Excel keeps formatted empty columns
    lambda t: t + "," * 13 + "\n\n",  # Excel's empty rows and a blank line are skipped
], ids=["bom", "crlf", "empty_columns", "empty_rows"])
def test_harmless_variations_read_like_the_real_manifest(project_copy, paths, variant):
    write(project_copy, variant(text(project_copy)))
    assert_reads_like_the_real_manifest(project_copy, paths)


def test_rows_keep_their_numbers_after_an_empty_row(project_copy):
    lines = text(project_copy).splitlines(keepends=True)
    write(project_copy, "".join(lines[:2] + [",,,,,,,,,,,,,\n"] + lines[2:]))
    set_cell(project_copy, "tianshui_2022", "status", "Final")
    assert problems(project_copy) == [msg(where(TIANSHUI_ROW + 1, "status"), "unknown status", "Final",
                                          "final | draft", "use one of the expected values")]


# Inputs stay inside the project: the manifest's file must name a text under data/raw/texts/.

@pytest.mark.parametrize("file", ["../../outside/x.txt", "/etc/hostname", "texts/../plans.csv",
                                  "texts/../../../../etc/hostname"])
def test_a_file_outside_the_texts_folder_is_not_read(project_copy, file):
    (project_copy / "outside").mkdir()
    (project_copy / "outside/x.txt").write_text("一、总体要求\n", encoding="utf-8")
    set_cell(project_copy, "tianshui_2022", "file", file)
    assert problems(project_copy) == [msg(where(column="file"), "file points outside data/raw/texts/", file,
                                          "a text in data/raw/texts/, e.g. texts/tianshui_2022.txt",
                                          "put the plan's text into data/raw/texts/ and name it as texts/<name>.txt")]


def test_a_link_in_the_texts_folder_to_a_file_outside_is_not_read(project_copy):
    (project_copy / "data/raw/texts/tianshui_2022.txt").unlink()
    (project_copy / "data/raw/texts/tianshui_2022.txt").symlink_to("/etc/hostname")
    assert problems(project_copy) == [msg(where(column="file"), "file points outside data/raw/texts/",
                                          "texts/tianshui_2022.txt",
                                          "a text in data/raw/texts/, e.g. texts/tianshui_2022.txt",
                                          "put the plan's text into data/raw/texts/ and name it as texts/<name>.txt")]


@pytest.mark.parametrize("column,value,shown", [
    ("title_en", "Tianshui\rimplementation plan", "CR (U+000D)"),
    ("doc_number", "天政发〔2022〕\x0b12号", "VT (U+000B)"),
    ("title_zh", "关于\x00加快", "NUL (U+0000)"),
    ("city_en", "Tian\tshui", "tab (U+0009)"),
])
def test_a_control_character_in_a_field(project_copy, column, value, shown):
    rows = list(csv.reader(io.StringIO(text(project_copy), newline="")))
    for row in rows[1:]:
        if row[0] == "tianshui_2022":
            row[rows[0].index(column)] = value
    out = io.StringIO()
    csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_ALL).writerows(rows)  # a CR quoted, as Excel writes it
    write(project_copy, out.getvalue())
    assert msg(where(column=column), f"{column} holds the control character {shown}", value,
               "text without control characters (no tab, line break or CR)",
               "retype the value (control characters are invisible in most editors)") in problems(project_copy)
