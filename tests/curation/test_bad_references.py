"""The catalogue of bad input in the reference layer data/raw/references.xlsx: each case breaks a copy of the
real workbook and pins the exact message a curator sees (file, sheet, row, column, value, expected, fix).

The references are checked against the real codebook and the provinces of the real plans; only the
workbook is copied, so each case is cheap. One case runs the whole validation and the command line.
"""
import datetime as dt
import shutil

import pytest
from openpyxl import load_workbook

from comparison import cli
from comparison.curation.references import load_references
from comparison.curation.taxonomy import load_taxonomy
from comparison.curation.units import UnitConverter
from comparison.paths import project_paths
from comparison.problems import InputError
from comparison.text.corpus import read_manifest

from helpers import append_row, edit, msg, where

BOOK = "data/raw/references.xlsx"
GANSU = "gs_carbon_peak_2023_t02"  # 单位地区生产总值能源消耗比2020年下降12.5%


@pytest.fixture(scope="module")
def codebook(paths):
    taxonomy = load_taxonomy(paths)
    return taxonomy, UnitConverter(taxonomy), set(read_manifest(paths).province_zh)


@pytest.fixture
def refs(tmp_path, paths):
    (tmp_path / "data" / "raw").mkdir(parents=True)
    shutil.copy(paths.raw / "references.xlsx", tmp_path / BOOK)
    return tmp_path


def found(root, codebook) -> list[str]:
    with pytest.raises(InputError) as err:
        load_references(project_paths(root), *codebook)
    return [str(p) for p in err.value.problems]


def at(sheet, row, column):
    return where(sheet, row, column, book=BOOK)


def target(root, column, value, key=GANSU):
    return edit(root, "targets", "target_id", key, column, value, book=BOOK)


def document(root, key, column, value):
    return edit(root, "documents", "doc_id", key, column, value, book=BOOK)


def test_the_real_references_are_valid(paths, codebook):
    refs = load_references(paths, *codebook)
    assert len(refs.documents) == 14 and len(refs.targets) == 48


def test_no_reference_workbook_means_no_reference_layer(tmp_path, codebook):
    refs = load_references(project_paths(tmp_path), *codebook)
    assert refs.documents.empty and refs.targets.empty


def test_missing_sheet(refs, codebook):
    wb = load_workbook(refs / BOOK)
    del wb["targets"]
    wb.save(refs / BOOK)
    assert msg(f"{BOOK}, sheet 'targets'", "missing sheet", "README, documents", "a sheet named 'targets'",
               "add the sheet 'targets' with columns target_id, doc_id, kind, indicator_id, value_as_written, value, "
               "unit_as_written, "
               "comparator, target_year, base_year, scope, aggregation, section, quote, source_url, source_kind, "
               "note") in found(refs, codebook)


def test_workbook_that_is_not_a_zip(refs, codebook):
    (refs / BOOK).write_text("doc_id\n", encoding="utf-8")
    assert found(refs, codebook) == [msg(BOOK, "not an Excel .xlsx file (it is not a zip archive)", expected=".xlsx",
                                         fix="save the file from Excel as 'Excel Workbook (.xlsx)'")]


def test_empty_doc_id(refs, codebook):
    row = document(refs, "hn_yz_2021_22", "doc_id", None)
    assert msg(at("documents", row, "doc_id"), "doc_id is empty", expected="an id such as cn_gf_2021_23",
               fix="fill in the id, or delete the row") in found(refs, codebook)


def test_duplicate_doc_id(refs, codebook):
    row = document(refs, "hn_carbon_peak_2023", "doc_id", "hn_yz_2021_22")
    assert msg(at("documents", row, "doc_id"), "duplicate doc_id", "hn_yz_2021_22", "each doc_id once",
               "rename or delete one of the rows") in found(refs, codebook)


def test_duplicate_target_id(refs, codebook):
    row = target(refs, "target_id", "gs_carbon_peak_2023_t01")
    assert msg(at("targets", row, "target_id"), "duplicate target_id", "gs_carbon_peak_2023_t01",
               "each target_id once", "rename or delete one of the rows") in found(refs, codebook)


def test_unknown_level(refs, codebook):
    row = document(refs, "gs_carbon_peak_2023", "level", "province")
    assert msg(at("documents", row, "level"), "unknown level", "province", "national | provincial",
               "national for a central document, provincial for a province's") in found(refs, codebook)


def test_province_written_differently_from_plans_csv(refs, codebook):
    row = document(refs, "gs_carbon_peak_2023", "province_zh", "甘肃省")
    assert msg(at("documents", row, "province_zh"), "a provincial document of a province with no plan in "
               "data/raw/plans.csv", "甘肃省", "one of 江西 | 河南 | 甘肃 | 福建",
               "write the province as plans.csv does (福建, not 福建省), or add the plan") in found(refs, codebook)


def test_national_document_with_a_province(refs, codebook):
    row = document(refs, "cn_gf_2021_23", "province_zh", "福建")
    assert msg(at("documents", row, "province_zh"), "a national document with a province", "福建", "empty",
               "clear province_zh, or set level to provincial") in found(refs, codebook)


def test_text_available_not_true_or_false(refs, codebook):
    row = document(refs, "hn_yz_2021_22", "text_available", "no")
    assert msg(at("documents", row, "text_available"), "unknown text_available", "no", "true | false",
               "true if a copy of the document's text was read, false if only reports or nothing"
               ) in found(refs, codebook)


def test_unknown_source_kind_of_a_document(refs, codebook):
    row = document(refs, "cn_gf_2021_23", "source_kind", "reprint")
    assert msg(at("documents", row, "source_kind"), "unknown source_kind", "reprint",
               "full_text_copy | abridged_copy | news_summary", "say what the copy in source_url is"
               ) in found(refs, codebook)


def test_date_not_iso(refs, codebook):
    row = document(refs, "cn_gf_2021_23", "issued", "2021年10月24日")
    assert msg(at("documents", row, "issued"), "not a date", "2021年10月24日",
               "a date written YYYY-MM-DD, e.g. 2021-10-24",
               "write the date as the document gives it, YYYY-MM-DD, or leave it empty if no copy shows it"
               ) in found(refs, codebook)


def test_impossible_date(refs, codebook):
    row = document(refs, "cn_gf_2021_23", "retrieved_on", "2026-02-30")
    assert msg(at("documents", row, "retrieved_on"), "not a date", "2026-02-30",
               "a date written YYYY-MM-DD, e.g. 2021-10-24",
               "write the date as the document gives it, YYYY-MM-DD, or leave it empty if no copy shows it"
               ) in found(refs, codebook)


def test_date_typed_as_an_excel_date(refs, codebook):
    row = document(refs, "cn_gf_2021_23", "issued", dt.datetime(2021, 10, 24))
    assert msg(at("documents", row, "issued"), "not a date", "2021-10-24 00:00:00",
               "a date written YYYY-MM-DD, e.g. 2021-10-24",
               "format the cell as text, not a date, and write YYYY-MM-DD") in found(refs, codebook)


def test_source_without_the_day_it_was_read(refs, codebook):
    row = document(refs, "cn_gf_2021_23", "retrieved_on", None)
    assert msg(at("documents", row, "retrieved_on"), "a source without the day it was read",
               expected="the date the copy in source_url was read, YYYY-MM-DD", fix="write the date"
               ) in found(refs, codebook)


def test_target_whose_document_is_missing(refs, codebook):
    row = target(refs, "doc_id", "gs_carbon_peak_2022")
    assert msg(at("targets", row, "doc_id"), "a target whose document is not in the documents sheet",
               "gs_carbon_peak_2022", "a doc_id of the documents sheet",
               "add the document to the documents sheet, or correct doc_id") in found(refs, codebook)


def test_target_of_a_document_without_text_not_from_a_report(refs, codebook):
    row = target(refs, "doc_id", "hn_yz_2021_22")
    target(refs, "source_kind", "full_text_copy")
    assert msg(at("targets", row, "source_kind"), "a target of a document whose text was not found, not marked as "
               "from a news report", "full_text_copy", "news_summary",
               "mark where the number was read (news_summary), or set the document's text_available to true if a "
               "copy of its text was read") in found(refs, codebook)


def test_unknown_kind(refs, codebook):
    row = target(refs, "kind", "numeric")
    assert msg(at("targets", row, "kind"), "unknown kind", "numeric", "quantitative | qualitative",
               "quantitative for a number, qualitative for a goal in words") in found(refs, codebook)


def test_unknown_indicator(refs, codebook):
    row = target(refs, "indicator_id", "energy_intensity_reduction_pct")
    problem = [p for p in found(refs, codebook) if p.startswith(at("targets", row, "indicator_id"))]
    assert len(problem) == 1 and problem[0].startswith(msg(
        at("targets", row, "indicator_id"), "indicator_id not in the indicator dictionary",
        "energy_intensity_reduction_pct", "an indicator_id of the indicators sheet; closest: "))
    assert "energy_intensity_gdp_reduction_pct" in problem[0]
    assert problem[0].endswith("fix: use one of these, or add the indicator to the codebook")


def test_scope_the_codebook_does_not_know(refs, codebook):
    row = target(refs, "scope", "省会城市")
    assert msg(at("targets", row, "scope"), "scope not in the codebook's scopes sheet", "省会城市",
               "a scope_as_written of the scopes sheet (城市, 农村 …), or empty for the document's whole territory "
               "(全省, 全国)", "leave the scope empty for the whole territory, or add the scope as written and its "
               "scope_class to the scopes sheet of data/raw/taxonomy.xlsx") in found(refs, codebook)


def test_empty_section(refs, codebook):
    row = target(refs, "section", None)
    assert msg(at("targets", row, "section"), "section is empty",
               expected="the article or section that states the target, e.g. 二、主要目标",
               fix="say where the document states it") in found(refs, codebook)


def test_empty_quote(refs, codebook):
    row = target(refs, "quote", None)
    assert msg(at("targets", row, "quote"), "quote is empty",
               expected="the document's words that state the target, as in source_url",
               fix="copy the words from the copy of the document") in found(refs, codebook)


def test_value_that_is_not_what_the_quote_prints(refs, codebook):
    row = target(refs, "value", 13.5)
    assert msg(at("targets", row, "value"), "value is not the number value_as_written means", "13.5",
               "12.5, what '12.5' means", "write the number the plan's words mean, unrounded (三分之一 → "
               "0.3333333333333333 with unit fraction), or correct value_as_written") in found(refs, codebook)


def test_quote_that_does_not_print_value_as_written(refs, codebook):
    row = target(refs, "value_as_written", "13.5")
    assert msg(at("targets", row, "value_as_written"), "the quote does not contain value_as_written", "13.5",
               "the number as the quote '单位地区生产总值能源消耗比2020年下降12.5%' prints it",
               "copy the digits or words of the number from the quote, or quote the words that state it"
               ) in found(refs, codebook)


def test_comparator_the_quote_contradicts(refs, codebook):
    row = target(refs, "comparator", "eq", key="cn_zf_2021_36_t06")  # 非化石能源消费比重达到80%以上
    assert msg(at("targets", row, "comparator"), "comparator contradicts the words next to the value in the quote",
               "eq", "ge or gt", "write the comparator the words give (see the comparators sheet)"
               ) in found(refs, codebook)


def test_unknown_comparator(refs, codebook):
    row = target(refs, "comparator", "≥")
    assert msg(at("targets", row, "comparator"), "unknown comparator", "≥", "approx eq ge gt le lt",
               "see the comparators sheet of the codebook") in found(refs, codebook)


def test_value_that_is_text(refs, codebook):
    row = target(refs, "value", "12.5%")  # value_as_written stays 12.5
    assert msg(at("targets", row, "value"), "value is not a number", "12.5%", "a plain number such as 95 or 13.5",
               "write only the number; put 约/以上 in comparator and remarks in note") in found(refs, codebook)


def test_quantitative_target_without_a_year(refs, codebook):
    row = target(refs, "target_year", None)
    problems = found(refs, codebook)
    assert msg(at("targets", row, "target_year"), "a target without a target year",
               expected="the year the document aims at (到…年)", fix="fill in target_year") in problems


def test_year_out_of_range(refs, codebook):
    row = target(refs, "target_year", 2205)
    assert msg(at("targets", row, "target_year"), "year out of range", "2205", "a year from 1990 to 2060, or empty",
               "write the four-digit year the plan states") in found(refs, codebook)


def test_base_year_after_the_target_year(refs, codebook):
    row = target(refs, "base_year", 2030)
    assert msg(at("targets", row, "base_year"), "base year is not before the target year", "2030",
               "a year before the target year 2025",
               "check which year the document counts from (比…年) and which it aims at") in found(refs, codebook)


def test_unknown_aggregation(refs, codebook):
    row = target(refs, "aggregation", "share")
    assert msg(at("targets", row, "aggregation"), "unknown aggregation", "share", "rate | total",
               "rate for a share, intensity or per-unit level; total for a count or amount summed over the whole "
               "territory") in found(refs, codebook)


def test_empty_unit(refs, codebook):
    row = target(refs, "unit_as_written", None)
    assert msg(at("targets", row, "unit_as_written"), "empty unit", None,
               "the unit as written (an empty unit is allowed only for 0)", "copy the unit from the quote"
               ) in found(refs, codebook)


def test_unknown_unit(refs, codebook):
    row = target(refs, "unit_as_written", "个点")
    assert msg(at("targets", row, "unit_as_written"), "unknown unit", "个点",
               "a unit_as_written of the units sheet of data/raw/taxonomy.xlsx",
               "add the unit with its pint expression to the units sheet") in found(refs, codebook)


def test_unit_that_does_not_convert_to_the_indicator(refs, codebook):
    row = target(refs, "unit_as_written", "家")
    assert msg(at("targets", row, "unit_as_written"), "unit cannot be converted to the indicator's unit", "家",
               "a unit convertible to percent (indicator energy_intensity_gdp_reduction_pct)",
               "correct the unit or the indicator_id") in found(refs, codebook)


def test_qualitative_goal_with_a_number(refs, codebook):
    row = edit(refs, "targets", "target_id", "cn_gf_2021_4_t01", "value", 20, book=BOOK)
    assert msg(at("targets", row, "value"), "a qualitative goal with a number", "20", "empty (the goal is in words)",
               "clear the cell, or set kind to quantitative if the document states a number") in found(refs, codebook)


def test_every_problem_is_reported_together_and_the_command_exits_2(project_copy, capsys):
    target(project_copy, "unit_as_written", "家")
    append_row(project_copy, "targets", {"target_id": "gs_carbon_peak_2023_t09", "doc_id": "gs_carbon_peak_2099",
                                         "kind": "qualitative", "indicator_id": "forest_coverage_rate_pct",
                                         "target_year": 2025, "section": "二", "quote": "森林覆盖率明显提高",
                                         "source_kind": "news_summary"}, book=BOOK)
    assert cli.main(["--root", str(project_copy), "validate"]) == 2
    out = capsys.readouterr()
    printed = out.out + out.err
    assert "2 problems found in the inputs" in printed and "Traceback" not in printed
    assert "unit cannot be converted to the indicator's unit" in printed
    assert "a target whose document is not in the documents sheet" in printed
