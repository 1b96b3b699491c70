"""The catalogue of bad inputs: each breaks a copy of the real data and pins the exact message a curator sees.

Hash mismatch, non-UTF-8 text, a plans.csv row for a missing file, an empty text and a text without
headings are in test_corpus.py; the rest are here. Every message names file, sheet, row, column,
value, what was expected and how to fix it; the CLI exits with status 2 and prints no traceback.
"""
import shutil
import subprocess
import sys

import pytest
from openpyxl import Workbook, load_workbook

from comparison.paths import project_paths
from comparison.pipeline import build, validate
from comparison.problems import InputError

from helpers import TIANSHUI, append_row, edit, msg, problems, row_of, where  # noqa: F401


Q1 = "tianshui_2022_q001"


def test_missing_sheet(project_copy):
    path = project_copy / TIANSHUI
    wb = load_workbook(path)
    del wb["measures"]
    wb.save(path)
    assert msg(f"{TIANSHUI}, sheet 'measures'", "missing sheet", "sections, quantities, ignored_numbers, codes",
               "a sheet named 'measures'",
               "add the sheet 'measures' with columns sentence_id, doc_id, text, sector_id, instrument_id, synergy, "
               "note, status") in problems(project_copy)


def test_renamed_column(project_copy):
    path = project_copy / TIANSHUI
    wb = load_workbook(path)
    ws = wb["quantities"]
    ws.cell(1, [c.value for c in ws[1]].index("comparator") + 1).value = "comparison"
    wb.save(path)
    found = problems(project_copy)
    assert any(p.startswith(f"{TIANSHUI}, sheet 'quantities', row 1, column 'comparator': missing column") and
               "fix: add (or rename a column to) 'comparator' in the header row" in p for p in found)


def test_empty_workbook(project_copy):
    Workbook().save(project_copy / TIANSHUI)
    assert msg(TIANSHUI, "the workbook is empty",
               expected="sheets sections, quantities, ignored_numbers, measures",
               fix="restore the workbook from git or build it with new-plan") in problems(project_copy)


def test_formula_in_a_cell(project_copy):
    row = edit(project_copy, "quantities", "quantity_id", Q1, "value", "=30+5")
    assert msg(where("quantities", row, "value"), "a formula in a curated cell", "=30+5", "a plain value",
               "replace the formula by its value (Paste Special → Values)") in problems(project_copy)


def test_merged_cells(project_copy):
    path = project_copy / TIANSHUI
    wb = load_workbook(path)
    wb["quantities"].merge_cells("N2:O2")
    wb.save(path)
    assert msg(f"{TIANSHUI}, sheet 'quantities', row 2", "merged cells", "N2:O2", "one value per cell",
               "unmerge the cells and fill in each value") in problems(project_copy)


@pytest.mark.parametrize("suffix,what", [(".xlsm", "macros or the old binary format"),
                                         (".xls", "macros or the old binary format")])
def test_macro_or_old_workbook(project_copy, suffix, what):
    shutil.move(project_copy / TIANSHUI, project_copy / f"data/raw/cities/tianshui{suffix}")
    found = problems(project_copy)
    assert msg(f"data/raw/cities/tianshui{suffix}", f"{suffix} workbooks are not read ({what})",
               expected=".xlsx", fix="save the workbook as 'Excel Workbook (.xlsx)'") in found


def test_workbook_that_is_not_a_zip(project_copy):
    (project_copy / TIANSHUI).write_text("quantity_id,value\n", encoding="utf-8")
    assert msg(TIANSHUI, "not an Excel .xlsx file (it is not a zip archive)", expected=".xlsx",
               fix="save the file from Excel as 'Excel Workbook (.xlsx)'") in problems(project_copy)


def test_code_not_in_codebook(project_copy):
    row = edit(project_copy, "measures", "sentence_id", "tianshui_2022:1.0.1", "sector_id", "industri")
    assert msg(where("measures", row, "sector_id"), "code not in the codebook", "industri",
               "a sector_id of the 'sectors' sheet of data/raw/taxonomy.xlsx",
               "use an existing code, or add the code (with its parent, labels and definition) to the codebook"
               ) in problems(project_copy)


def test_parent_code_is_not_a_coding_code(project_copy):
    row = edit(project_copy, "measures", "sentence_id", "tianshui_2022:1.0.1", "instrument_id", "supply")
    assert msg(where("measures", row, "instrument_id"), "a parent category, not a code to assign", "supply",
               "one of its codes: supply_talent, supply_information, supply_technology, supply_funding, "
               "supply_infrastructure", "choose the code that fits the sentence") in problems(project_copy)


def test_unknown_unit(project_copy):
    row = edit(project_copy, "quantities", "quantity_id", Q1, "unit_as_written", "万斤")
    assert msg(where("quantities", row, "unit_as_written"), "unknown unit", "万斤",
               "a unit_as_written of the units sheet of data/raw/taxonomy.xlsx",
               "add the unit with its pint expression to the units sheet (or accept its row in the sheet "
               "proposed_units with accept-proposals)") in problems(project_copy)


def test_incompatible_unit(project_copy):
    row = edit(project_copy, "quantities", "quantity_id", Q1, "unit_as_written", "亿元")
    assert msg(where("quantities", row, "unit_as_written"), "unit cannot be converted to the indicator's unit",
               "亿元", "a unit convertible to percent (indicator green_eco_industry_value_added_share_gdp_pct)",
               "correct the unit or the indicator_id") in problems(project_copy)


def test_value_that_is_text(project_copy):
    row = edit(project_copy, "quantities", "quantity_id", Q1, "value", "约95")
    assert msg(where("quantities", row, "value"), "value is not a number", "约95",
               "a plain number such as 95 or 13.5",
               "write only the number; put 约/以上 in comparator and remarks in note") in problems(project_copy)


def test_year_out_of_range(project_copy):
    row = edit(project_copy, "quantities", "quantity_id", Q1, "target_year", 2205)
    assert msg(where("quantities", row, "target_year"), "year out of range", "2205",
               "a year from 1990 to 2060, or empty", "write the four-digit year the plan states"
               ) in problems(project_copy)


def test_duplicate_quantity_id(project_copy):
    row = edit(project_copy, "quantities", "quantity_id", "tianshui_2022_q002", "quantity_id", Q1)
    assert msg(where("quantities", row, "quantity_id"), "duplicate quantity_id", Q1,
               "each quantity_id once across all workbooks", "number the row with the next free id of its document"
               ) in problems(project_copy)


def test_quote_not_in_raw_text(project_copy):
    row = edit(project_copy, "quantities", "quantity_id", Q1, "quote", "绿色生态产业增加值占比达到35%")
    assert msg(where("quantities", row, "quote"), "quote not found inside clause tianshui_2022:1.0 "
               "(nor anywhere in the raw text)", "绿色生态产业增加值占比达到35%",
               "an exact substring of data/raw/texts/tianshui_2022.txt",
               "copy the words from the raw text file (line breaks included) and check the clause_id"
               ) in problems(project_copy)


def test_quote_in_the_wrong_clause(project_copy):
    row = edit(project_copy, "quantities", "quantity_id", Q1, "clause_id", "tianshui_2022:2.1")
    assert msg(where("quantities", row, "quote"), "quote not found inside clause tianshui_2022:2.1; "
               "it occurs elsewhere in the text", "绿色生态产业增加值占地区生产总值比重达到35%以上",
               "an exact substring of data/raw/texts/tianshui_2022.txt",
               "copy the words from the raw text file (line breaks included) and check the clause_id"
               ) in problems(project_copy)


VALUE_FIX = ("write the number the plan's words mean, unrounded (三分之一 → 0.3333333333333333 with unit fraction), "
             "or correct value_as_written")


def test_a_value_that_is_not_the_number_as_written(project_copy):
    row = edit(project_copy, "quantities", "quantity_id", Q1, "value", 53)
    assert msg(where("quantities", row, "value"), "value is not the number value_as_written means", "53",
               "35, what '35' means", VALUE_FIX) in problems(project_copy)


def test_quote_that_does_not_contain_its_value_as_written(project_copy):
    row = edit(project_copy, "quantities", "quantity_id", Q1, "value_as_written", "53")
    assert msg(where("quantities", row, "value_as_written"), "the quote does not contain value_as_written", "53",
               "the number as the quote '绿色生态产业增加值占地区生产总值比重达到35%以上' prints it",
               "copy the digits or words of the number from the quote, or quote the words that state it"
               ) in problems(project_copy)


def test_value_as_written_with_its_comparator_words(project_copy):
    row = edit(project_copy, "quantities", "quantity_id", Q1, "value_as_written", "35%以上")
    assert msg(where("quantities", row, "value_as_written"), "value_as_written is not a number as plans print them",
               "35%以上", "digits (35, 13.5), Chinese numerals (两, 三百), a fraction (三分之一), 一半, 翻番, 翻一番 or 翻两番",
               "write only the number; comparator words (约, 以上) go in comparator, the unit in unit_as_written"
               ) in problems(project_copy)


def test_empty_value_as_written(project_copy):
    row = edit(project_copy, "quantities", "quantity_id", Q1, "value_as_written", None)
    assert msg(where("quantities", row, "value_as_written"), "value_as_written is empty",
               expected="the number as the quote prints it",
               fix="copy the digits or words of the number from the quote (35, 三分之一, 翻番)") in problems(project_copy)


def test_one_third_is_not_one(project_copy):
    """三分之一 is value 1/3 in the unit fraction; the old form (value 1, unit 三分之) is stopped."""
    book = "data/raw/cities/nanping.xlsx"
    key = "nanping_2022_q030"
    assert row_of(project_copy, "quantities", "quantity_id", key, book)["value_as_written"] == "三分之一"
    row = edit(project_copy, "quantities", "quantity_id", key, "value", 1, book)
    assert msg(where("quantities", row, "value", book), "value is not the number value_as_written means", "1",
               "0.3333333333333333, what '三分之一' means", VALUE_FIX) in problems(project_copy)


def test_clause_that_does_not_exist(project_copy):
    row = edit(project_copy, "quantities", "quantity_id", Q1, "clause_id", "tianshui_2022:1.9")
    assert msg(where("quantities", row, "clause_id"), "clause_id does not exist in the parsed plan",
               "tianshui_2022:1.9", "a clause_id of data/processed/clauses.csv, e.g. tianshui_2022:8.27",
               "look the clause up in data/processed/clauses.csv and correct the id") in problems(project_copy)


def test_sentence_left_uncoded(project_copy):
    row = edit(project_copy, "measures", "sentence_id", "tianshui_2022:2.1.1", "sentence_id", "tianshui_2022:2.1.1")
    path = project_copy / TIANSHUI
    wb = load_workbook(path)
    wb["measures"].delete_rows(row)
    wb.save(path)
    found = problems(project_copy)
    assert any(p.startswith(f"{TIANSHUI}, sheet 'measures', column 'sentence_id': sentence left uncoded\n"
                            "    found: 'tianshui_2022:2.1.1'") for p in found), found


def test_sentence_coded_twice(project_copy):
    row = edit(project_copy, "measures", "sentence_id", "tianshui_2022:2.1.1", "sentence_id", "tianshui_2022:1.0.1")
    assert msg(where("measures", row, "sentence_id"), "sentence coded twice", "tianshui_2022:1.0.1",
               "one row per sentence", "delete one of the rows") in problems(project_copy)


def test_synergy_not_boolean(project_copy):
    row = edit(project_copy, "measures", "sentence_id", "tianshui_2022:1.0.1", "synergy", "yes")
    assert msg(where("measures", row, "synergy"), "synergy must be true or false", "yes", "true | false",
               "see the synergy sheet of the codebook") in problems(project_copy)


def test_workbook_for_a_city_not_in_the_manifest(project_copy):
    shutil.copy(project_copy / TIANSHUI, project_copy / "data/raw/cities/lanzhou.xlsx")
    assert msg("data/raw/cities/lanzhou.xlsx", "a workbook for city 'lanzhou', which has no plan in "
               "data/raw/plans.csv", expected="one of jiaozuo, nanping, shangrao, tianshui",
               fix="add the city's plan to plans.csv, or rename/remove the workbook") in problems(project_copy)


def test_alias_not_in_dictionary_lists_closest_indicators(project_copy):
    row = edit(project_copy, "quantities", "quantity_id", Q1, "indicator_as_written", "绿色产业增加值比重")
    found = [p for p in problems(project_copy)
             if p.startswith(f"{where('quantities', row, 'indicator_as_written')}: indicator_as_written is not an "
                             "alias of this indicator")]
    assert len(found) == 1
    assert "expected: an alias of green_eco_industry_value_added_share_gdp_pct; closest indicators: " \
           "green_eco_industry_value_added_share_gdp_pct" in found[0]
    assert "fix: add the phrase to the indicator_aliases sheet of the codebook under the right indicator" in found[0]


def test_unknown_indicator(project_copy):
    row = edit(project_copy, "quantities", "quantity_id", Q1, "indicator_id", "green_share_pct")
    found = [p for p in problems(project_copy) if p.startswith(where("quantities", row, "indicator_id"))]
    assert found and found[0].startswith(f"{where('quantities', row, 'indicator_id')}: indicator_id not in the "
                                         "indicator dictionary\n    found: 'green_share_pct'\n    expected: an "
                                         "indicator_id of the indicators sheet; closest: ")


def test_target_without_the_year_its_quote_states(project_copy):
    row = edit(project_copy, "quantities", "quantity_id", "tianshui_2022_q002", "quote", "到2025年")
    edit(project_copy, "quantities", "quantity_id", "tianshui_2022_q002", "target_year", None)
    assert msg(where("quantities", row, "target_year"), "a target without a year, but its quote states one",
               expected="2025", fix="fill in target_year 2025") in problems(project_copy)


COMPARATOR_CODES = "eq (=) | ge (≥) | gt (>) | le (≤) | lt (<) | approx (≈)"


@pytest.mark.parametrize("typed, fix", [
    ("≥", "write the code ge: the symbol ≥ is its label"),
    ("=", "write the code eq: the symbol = is its label"),
    (">=", "write one of these codes (see the comparators sheet of the codebook)"),
])
def test_unknown_comparator(project_copy, typed, fix):
    row = edit(project_copy, "quantities", "quantity_id", Q1, "comparator", typed)
    assert msg(where("quantities", row, "comparator"), "unknown comparator", typed, COMPARATOR_CODES,
               fix) in problems(project_copy)


def test_a_scope_the_codebook_does_not_class(project_copy):
    row = edit(project_copy, "quantities", "quantity_id", Q1, "scope", "全县域")
    assert msg(where("quantities", row, "scope"), "scope not in the codebook's scopes sheet", "全县域",
               "a scope_as_written of the scopes sheet (全市, 城市, 农村 …), or empty",
               "add the scope as written and its scope_class to the scopes sheet of data/raw/taxonomy.xlsx"
               ) in problems(project_copy)


def test_comparator_contradicting_the_words_next_to_its_value(project_copy):
    # Tianshui's q001 quote: 绿色生态产业增加值占地区生产总值比重达到35%以上
    row = edit(project_copy, "quantities", "quantity_id", Q1, "comparator", "eq")
    assert msg(where("quantities", row, "comparator"), "comparator contradicts the words next to the value in the quote",
               "eq", "ge or gt", "write the comparator the words give (see the comparators sheet)") in problems(project_copy)


def test_unknown_kind(project_copy):
    row = edit(project_copy, "quantities", "quantity_id", Q1, "kind", "goal")
    assert msg(where("quantities", row, "kind"), "unknown kind", "goal", "target | baseline",
               "target for a goal, baseline for a fact") in problems(project_copy)


def test_unknown_pillar(project_copy):
    row = edit(project_copy, "sections", "section_no", 2, "pillar_id", "producton")
    assert msg(where("sections", row, "pillar_id"), "code not in the codebook", "producton",
               "a pillar_id of the 'pillars' sheet of data/raw/taxonomy.xlsx",
               "use an existing code, or add the code (with its parent, labels and definition) to the codebook"
               ) in problems(project_copy)


def test_number_not_accounted_for(project_copy):
    path = project_copy / TIANSHUI
    wb = load_workbook(path)
    wb["ignored_numbers"].delete_rows(2)  # the 2022 of the issue date
    wb.save(path)
    found = problems(project_copy)
    assert any(p.startswith(f"{TIANSHUI}, sheet 'quantities', column 'quote': number 2022 in tianshui_2022 "
                            "(raw offset ") and "expected: a quantities row or an ignored_numbers row for clause "
               "tianshui_2022:0.0" in p for p in found), found


def test_suggested_row_needs_review(project_copy):
    row = edit(project_copy, "quantities", "quantity_id", Q1, "status", "suggested")
    assert msg(where("quantities", row, "status"), "row needs review (status is 'suggested')", "suggested",
               "curated", "check the row against the plan, correct it, and set status to curated "
               "(or preview with build --allow-suggested)") in problems(project_copy)
    validate(project_paths(project_copy), allow_suggested=True)  # the preview accepts it


def test_codebook_parent_that_does_not_exist(project_copy):
    path = project_copy / "data/raw/taxonomy.xlsx"
    wb = load_workbook(path)
    ws = wb["instruments"]
    ws.cell(3, 2).value = "suply"
    wb.save(path)
    assert msg("data/raw/taxonomy.xlsx, sheet 'instruments', row 3, column 'parent_id'", "parent code does not exist",
               "suply", "an id of this sheet", "add the parent code or correct parent_id") in problems(project_copy)


def test_unknown_responsible_unit_is_found_by_validate_and_stops_the_build(project_copy):
    path = project_copy / "data/raw/taxonomy.xlsx"
    wb = load_workbook(path)
    ws = wb["agency_aliases"]
    for row in ws.iter_rows(min_row=2):
        if row[0].value == "南平海关":
            ws.delete_rows(row[0].row)
            break
    wb.save(path)
    expected = msg("data/raw/taxonomy.xlsx, sheet 'agency_aliases', column 'name_as_written'",
                   "responsible unit not in the agency dictionary", "南平海关",
                   "a row mapping it to an agency_id (named in nanping_2021:4.9)",
                   "add the name and its agency_id to agency_aliases (or accept its row in the city workbook's "
                   "sheet proposed_agencies with accept-proposals)")
    assert expected in problems(project_copy)  # `make validate` names it, not only the build
    with pytest.raises(InputError) as err:
        build(project_paths(project_copy))
    assert expected in [str(p) for p in err.value.problems]
    assert not (project_copy / "data/processed/quantities.csv").exists()  # nothing half-written


def test_all_problems_are_reported_together_by_the_cli(project_copy):
    edit(project_copy, "quantities", "quantity_id", Q1, "value", "约95")
    edit(project_copy, "quantities", "quantity_id", "tianshui_2022_q002", "unit_as_written", "万斤")
    result = subprocess.run([sys.executable, "-m", "comparison", "--root", str(project_copy), "build"],
                            capture_output=True, text=True)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "value is not a number" in result.stderr and "unknown unit" in result.stderr
    assert not (project_copy / "data/processed").exists()


# Found by fuzzing hand-edited copies: each of these used to end in a traceback, hang, or pass silently.

def test_section_number_that_is_not_a_number(project_copy):
    row = edit(project_copy, "sections", "section_no", 2, "section_no", "二")
    assert msg(where("sections", row, "section_no"), "section_no is not a section number", "二",
               "the section's number as a whole number: 1 for 一、, 2 for 二、 …",
               "write the number in digits, or delete a row that is not a section") in problems(project_copy)


def test_pillar_of_another_plan_type(project_copy):
    row = edit(project_copy, "sections", "section_no", 2, "pillar_id", "key_sectors")
    assert msg(where("sections", row, "pillar_id"), "pillar of another plan type", "key_sectors",
               "a pillar whose plan_type is both or green_economy (this one is for pollution_carbon_synergy plans)",
               "choose a pillar of the plan's type (pillars sheet of the codebook)") in problems(project_copy)


def test_year_written_with_full_width_digits_or_as_a_date(project_copy):
    import datetime

    first = edit(project_copy, "quantities", "quantity_id", Q1, "target_year", "２０２５")
    second = edit(project_copy, "quantities", "quantity_id", "tianshui_2022_q002", "target_year",
                  datetime.datetime(2025, 1, 1))
    found = problems(project_copy)
    assert msg(where("quantities", first, "target_year"), "not a year", "２０２５",
               "a four-digit year in ASCII digits, e.g. 2025, or empty",
               "write only the year's digits (no 年, no decimals)") in found
    assert msg(where("quantities", second, "target_year"), "not a year", "2025-01-01 00:00:00",
               "a four-digit year in ASCII digits, e.g. 2025, or empty",
               "format the cell as a number, not a date, and write the year") in found


def test_value_nan_is_not_a_number(project_copy):
    row = edit(project_copy, "quantities", "quantity_id", Q1, "value", "nan")
    assert msg(where("quantities", row, "value"), "value is not a number", "nan", "a plain number such as 95 or 13.5",
               "write only the number; put 约/以上 in comparator and remarks in note") in problems(project_copy)


def test_empty_quote(project_copy):
    row = edit(project_copy, "quantities", "quantity_id", Q1, "quote", None)
    assert msg(where("quantities", row, "quote"), "quote is empty", None,
               "the words of data/raw/texts/tianshui_2022.txt that state the number",
               "copy the words from the raw text file (line breaks included)") in problems(project_copy)


def test_empty_quantity_id(project_copy):
    row = edit(project_copy, "quantities", "quantity_id", Q1, "quantity_id", None)
    assert msg(where("quantities", row, "quantity_id"), "quantity_id is empty", None,
               "an id such as tianshui_2022_q001", "number the row with the next free id of its document"
               ) in problems(project_copy)


def test_the_same_quantity_twice_under_two_ids(project_copy):
    row = append_row(project_copy, "quantities",
                     {**row_of(project_copy, "quantities", "quantity_id", Q1), "quantity_id": "tianshui_2022_q099"})
    assert msg(where("quantities", row, "quantity_id"), "the same quantity twice", "tianshui_2022_q099",
               "one row per quantity (row 2 has the same clause, quote, indicator, value, unit and years)",
               "delete one of the rows") in problems(project_copy)


def test_base_year_not_before_target_year(project_copy):
    row = edit(project_copy, "quantities", "quantity_id", "tianshui_2022_q003", "base_year", 2025)
    assert msg(where("quantities", row, "base_year"), "base year is not before the target year", "2025",
               "a year before the target year 2025",
               "check which year the plan counts from (比…年) and which it aims at (到…年)") in problems(project_copy)


def test_target_year_that_contradicts_its_quote(project_copy):
    row = edit(project_copy, "quantities", "quantity_id", "tianshui_2022_q011", "target_year", 2030)
    assert msg(where("quantities", row, "target_year"), "target_year differs from the year in its quote", "2030",
               "2025", "write the year the quote states") in problems(project_copy)


def test_measure_whose_doc_id_is_not_its_sentences_plan(project_copy):
    book = "data/raw/cities/nanping.xlsx"
    row = edit(project_copy, "measures", "sentence_id", "nanping_2022:1.0.1", "doc_id", "nanping_2021", book=book)
    assert msg(where("measures", row, "doc_id", book), "doc_id differs from the sentence's plan", "nanping_2021",
               "nanping_2022", "check the row's doc_id and sentence_id against data/processed/sentences.csv"
               ) in problems(project_copy)


def test_column_twice_in_the_header(project_copy):
    path = project_copy / TIANSHUI
    wb = load_workbook(path)
    ws = wb["quantities"]
    ws.cell(1, ws.max_column + 1).value = "value"
    wb.save(path)
    found = problems(project_copy)
    assert found[0].startswith(f"{TIANSHUI}, sheet 'quantities', row 1, column 'value': column appears twice in the "
                               "header\n    found: 'quantity_id, doc_id,")
    assert found[0].endswith("expected: each column once\n    fix: delete or rename one of the two columns")


def test_an_unreadable_workbook_is_reported_alone(project_copy):
    """Its plans' numbers are not also listed as 'not accounted for': that would bury the one real error."""
    path = project_copy / TIANSHUI
    wb = load_workbook(path)
    wb["quantities"].title = "quantity"
    wb.save(path)
    assert problems(project_copy) == [msg(f"{TIANSHUI}, sheet 'quantities'", "missing sheet",
                                          "sections, quantity, ignored_numbers, measures, codes", "a sheet named 'quantities'",
                                          "add the sheet 'quantities' with columns " + ", ".join(
                                              ["quantity_id", "doc_id", "clause_id", "kind", "indicator_id",
                                               "indicator_as_written", "value_as_written", "value",
                                               "unit_as_written", "comparator",
                                               "target_year", "base_year", "scope", "commitment", "quote", "note",
                                               "status"]))]


def test_excel_lock_file_and_upper_case_extension_are_fine(project_copy):
    """Excel keeps ~$name.xlsx beside an open workbook; validating while it is open must work."""
    cities = project_copy / "data/raw/cities"
    (cities / "~$tianshui.xlsx").write_bytes(b"\x0bExcel lock" + bytes(154))
    (cities / "jiaozuo.xlsx").rename(cities / "jiaozuo.XLSX")
    inputs = validate(project_paths(project_copy))
    assert set(inputs.curated.quantities.doc_id) == {"nanping_2021", "nanping_2022", "shangrao_2022",
                                                      "tianshui_2022", "jiaozuo_2021"}


def test_an_error_no_check_covers_is_one_short_paragraph_not_a_traceback(project_copy, monkeypatch, capsys):
    from comparison import cli
    from comparison import pipeline
    def broken(paths, allow_suggested=False):
        raise KeyError("sha256")

    monkeypatch.setattr(pipeline, "validate", broken)
    monkeypatch.delenv("CITYCOMPARE_TRACEBACK", raising=False)
    assert cli.main(["--root", str(project_copy), "validate"]) == 1
    assert capsys.readouterr().err == (
        "validate stopped: KeyError: 'sha256'\nThis is a bug or an input that no check covers yet. Rerun with "
        "CITYCOMPARE_TRACEBACK=1 to see where it happened, and please report it.\n")
    monkeypatch.setenv("CITYCOMPARE_TRACEBACK", "1")
    with pytest.raises(KeyError):
        cli.main(["--root", str(project_copy), "validate"])


def test_baseline_fact_with_a_target_year(project_copy):
    row = edit(project_copy, "quantities", "quantity_id", "tianshui_2022_q011", "kind", "baseline")
    assert msg(where("quantities", row, "kind"), "a baseline fact with a target year", "baseline",
               "target (a goal for that year), or a baseline with the fact's year in base_year",
               "set kind to target if the plan aims at it, else move the year to base_year") in problems(project_copy)


def test_a_stray_row_with_only_a_note(project_copy):
    row = append_row(project_copy, "ignored_numbers", {"note": "check 2022 again with the printed copy"})
    assert msg(where("ignored_numbers", row, "doc_id"), "doc_id is empty", expected="tianshui_2022",
               fix="fill in the row's doc_id; a remark belongs in the note column of the row it explains, "
                   "not on a row of its own") in problems(project_copy)


def test_a_target_year_its_clause_does_not_state(project_copy):
    # Tianshui's 总体目标 clause states 到2025年 at the head of its list; q001's note says so.
    row = edit(project_copy, "quantities", "quantity_id", Q1, "target_year", "2030")
    edit(project_copy, "quantities", "quantity_id", Q1, "note", "")
    assert msg(where("quantities", row, "target_year"), "target_year is not stated in its clause", "2030",
               "a year the text of clause tianshui_2022:1.0 states",
               "write the year the clause states (到…年, 比…年); if the plan states it elsewhere, say where in note, "
               "with the year (到2025年 in the heading of section 2)") in problems(project_copy)


def test_a_year_stated_outside_the_clause_is_accepted_when_the_note_says_where(project_copy):
    edit(project_copy, "quantities", "quantity_id", Q1, "target_year", "2030")
    edit(project_copy, "quantities", "quantity_id", Q1, "note", "到2030年 in the heading of section 1")
    validate(project_paths(project_copy))  # raises InputError if any problem remains


def test_an_ignored_number_written_with_a_unit_of_measure(project_copy):
    q = row_of(project_copy, "quantities", "quantity_id", Q1)  # 35% in 绿色生态产业增加值…比重达到35%以上
    row = append_row(project_copy, "ignored_numbers", {"doc_id": q["doc_id"], "clause_id": q["clause_id"],
                                                       "number": q["value"], "quote": q["quote"], "reason": "other",
                                                       "status": "curated"})
    assert msg(where("ignored_numbers", row, "reason"),
               f"an ignored number written with a unit ({q['value']}{q['unit_as_written']}), like a quantity",
               "other", "a number that states no quantity",
               "move it to quantities (a target, or a baseline fact); for a size class or specification "
               "(10万千瓦及以上机组) use reason chemical_or_technical") in problems(project_copy)


def test_a_section_the_plan_does_not_have(project_copy):
    # the sections sheet maps every section of the plan (validation requires it), so its last is the plan's last
    last = max(int(r[1]) for r in load_workbook(project_copy / TIANSHUI)["sections"].iter_rows(min_row=2,
                                                                                                values_only=True))
    row = append_row(project_copy, "sections", {"doc_id": "tianshui_2022", "section_no": last + 1,
                                                "section_title": "附则", "pillar_id": "overall", "status": "curated"})
    assert msg(where("sections", row, "section_no"), "section does not exist in the parsed plan", str(last + 1),
               f"a section of tianshui_2022: 1 to {last}",
               "delete the row, or check section_no against data/processed/clauses.csv") in problems(project_copy)


def test_a_section_row_whose_title_is_not_the_plans_heading(project_copy):
    # a shifted row would give section 2's pillar to section 1
    first, second = (row_of(project_copy, "sections", "section_no", no)["section_title"] for no in (1, 2))
    row = edit(project_copy, "sections", "section_no", 1, "section_title", second)
    assert msg(where("sections", row, "section_title"), "section_title differs from the plan's heading of this "
               "section", second, first,
               "check section_no and the pillar against data/processed/clauses.csv, then copy the heading"
               ) in problems(project_copy)


def test_a_quote_that_occurs_twice_in_its_clause(project_copy):
    row = edit(project_copy, "quantities", "quantity_id", Q1, "quote", "35")  # 35 occurs twice in clause 1.0
    assert msg(where("quantities", row, "quote"), "quote occurs 2 times in clause tianshui_2022:1.0", "35",
               "words that occur once in the clause, so the number can be found",
               "extend the quote with the words around the number") in problems(project_copy)


def test_a_value_with_float_noise_is_not_the_plans_number(project_copy):
    quote = row_of(project_copy, "quantities", "quantity_id", Q1)["quote"]  # states 35
    assert "35" in quote
    row = edit(project_copy, "quantities", "quantity_id", Q1, "value", 35.0000000001)
    assert msg(where("quantities", row, "value"), "value is not the number value_as_written means", "35.0000000001",
               "35, what '35' means", VALUE_FIX) in problems(project_copy)
