"""Bad codebooks (data/raw/taxonomy.xlsx): each breaks a copy of the real codebook and pins the message.

A parent cycle used to hang the build, a damaged file or an unreadable pint expression to end in a
traceback, and a blank or inconsistent unit to change results silently; validation now stops each
with a problem naming the sheet, row and column of the codebook.
"""
import subprocess
import sys
import zipfile

import pytest
from openpyxl import load_workbook
from helpers import msg, problems

from comparison.paths import REPO_ROOT

TAXONOMY = "data/raw/taxonomy.xlsx"


def canonical_units() -> str:
    """The units sheet's canonical units as the messages list them, read from the real codebook."""
    wb = load_workbook(REPO_ROOT / TAXONOMY, read_only=True)
    rows = list(wb["units"].iter_rows(values_only=True))
    wb.close()
    column = rows[0].index("canonical_unit")
    return " | ".join(sorted({r[column] for r in rows[1:] if r[column]}))


CANONICAL_UNITS = canonical_units()
GREEN_SHARE = "green_eco_industry_value_added_share_gdp_pct"
CYCLE_EXPECTED = "parents that lead up to a top-level code (one with no parent_id)"
CYCLE_FIX = "correct parent_id so that no code is its own parent or ancestor"


def edit(root, sheet, key, column, value) -> int:
    """Set one cell of the codebook row whose first column is ``key``; return its Excel row number."""
    path = root / TAXONOMY
    wb = load_workbook(path)
    ws = wb[sheet]
    header = [c.value for c in ws[1]]
    for row in ws.iter_rows(min_row=2):
        if row[0].value == key:
            row[header.index(column)].value = value
            wb.save(path)
            return row[0].row
    raise KeyError(key)


def where(sheet, row, column):
    return f"{TAXONOMY}, sheet '{sheet}', row {row}, column '{column}'"


def cli(root, command="validate"):
    return subprocess.run([sys.executable, "-m", "comparison", "--root", str(root), command],
                          capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize("sheet,code", [("instruments", "supply"), ("pillars", "overall")])
def test_a_code_that_is_its_own_parent(project_copy, sheet, code):
    row = edit(project_copy, sheet, code, "parent_id", code)
    assert problems(project_copy) == [msg(where(sheet, row, "parent_id"),
                                          f"the code is its own ancestor ({code} → {code})", code, CYCLE_EXPECTED,
                                          CYCLE_FIX)]


def test_a_self_parent_stops_the_build_instead_of_hanging_it(project_copy):
    edit(project_copy, "instruments", "supply", "parent_id", "supply")
    result = cli(project_copy, "build")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "the code is its own ancestor (supply → supply)" in result.stderr
    assert not (project_copy / "data/processed").exists()


def test_two_codes_that_are_each_others_parent(project_copy):
    supply = edit(project_copy, "instruments", "supply", "parent_id", "demand")
    demand = edit(project_copy, "instruments", "demand", "parent_id", "supply")
    assert problems(project_copy) == [
        msg(where("instruments", supply, "parent_id"), "the code is its own ancestor (supply → demand → supply)",
            "demand", CYCLE_EXPECTED, CYCLE_FIX),
        msg(where("instruments", demand, "parent_id"), "the code is its own ancestor (demand → supply → demand)",
            "supply", CYCLE_EXPECTED, CYCLE_FIX)]


def test_a_cycle_through_a_child_is_reported_in_the_codebook_alone(project_copy):
    """Before: only city rows coded supply_talent were blamed ('code not in the codebook')."""
    supply = edit(project_copy, "instruments", "supply", "parent_id", "supply_talent")
    talent = edit(project_copy, "instruments", "supply_talent", "parent_id", "supply")  # already so: finds its row
    assert problems(project_copy) == [
        msg(where("instruments", supply, "parent_id"),
            "the code is its own ancestor (supply → supply_talent → supply)", "supply_talent", CYCLE_EXPECTED,
            CYCLE_FIX),
        msg(where("instruments", talent, "parent_id"),
            "the code is its own ancestor (supply_talent → supply → supply_talent)", "supply", CYCLE_EXPECTED,
            CYCLE_FIX)]


def test_a_codebook_that_is_a_zip_but_not_a_workbook(project_copy):
    with zipfile.ZipFile(project_copy / TAXONOMY, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", "<x/>")
    result = cli(project_copy)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert msg(TAXONOMY, "the workbook cannot be read (KeyError: \"There is no item named 'xl/workbook.xml' in the "
                         "archive\")",
               fix="open and save it again in Excel as .xlsx, or restore it from git") in result.stderr


@pytest.mark.parametrize("expression,reason", [("1e4 * t)", "unbalanced brackets"),
                                               ("1e4 * t +", "an incomplete expression")],
                         ids=["unbalanced", "incomplete"])
def test_a_pint_expression_pint_cannot_parse(project_copy, expression, reason):
    row = edit(project_copy, "units", "万吨", "pint_expr", expression)
    result = cli(project_copy)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert msg(where("units", row, "pint_expr"), f"pint cannot read this unit ({reason})", expression,
               "a pint expression such as '1e4 * t'", "correct pint_expr") in result.stderr


def test_a_canonical_unit_pint_cannot_read_is_blamed_on_its_own_column(project_copy):
    row = edit(project_copy, "units", "万吨", "canonical_unit", "tt")
    assert problems(project_copy) == [msg(where("units", row, "canonical_unit"),
                                          "pint cannot read this unit ('tt' is not defined in the unit registry)",
                                          "tt", "a pint expression such as 't'", "correct canonical_unit")]


@pytest.mark.parametrize("unit", [
    "percnt",  # before: a pint traceback from the first city row of this indicator
    "pct",  # before: a pint unit, not percent, so every city row of the indicator was blamed for its unit
])
def test_an_indicator_canonical_unit_that_is_not_one_of_the_units_sheet(project_copy, unit):
    row = edit(project_copy, "indicators", GREEN_SHARE, "canonical_unit", unit)
    assert problems(project_copy) == [msg(where("indicators", row, "canonical_unit"),
                                          "not a canonical unit of the units sheet", unit,
                                          f"a canonical_unit of the units sheet, spelled as there: {CANONICAL_UNITS}",
                                          "use one of these, or add the unit to the units sheet first")]


def test_an_indicator_without_canonical_unit(project_copy):
    """Before: accepted, and its values came out divided by 100 with an empty unit_std."""
    row = edit(project_copy, "indicators", GREEN_SHARE, "canonical_unit", None)
    assert problems(project_copy) == [msg(where("indicators", row, "canonical_unit"),
                                          "every indicator needs canonical_unit",
                                          expected=f"a canonical_unit of the units sheet: {CANONICAL_UNITS}",
                                          fix="write the unit this indicator's values are standardized to")]


@pytest.mark.parametrize("column", ["label_zh", "label_en"])
def test_an_indicator_without_a_label(project_copy, column):
    row = edit(project_copy, "indicators", "forest_coverage_rate_pct", column, None)
    assert problems(project_copy) == [msg(where("indicators", row, column), f"every indicator needs {column}",
                                          fix=f"write the {column} of this indicator")]


@pytest.mark.parametrize("column,fix", [("pint_expr", "write the unit in pint's syntax, e.g. '1e4 * t' for 万吨"),
                                        ("canonical_unit", "write the unit it converts to, e.g. 't' for 万吨")],
                         ids=["pint_expr", "canonical_unit"])
def test_a_unit_with_a_blank_column(project_copy, column, fix):
    """Before: a blank pint_expr for % read as 1, so every percent value came out ×100."""
    row = edit(project_copy, "units", "%", column, None)
    assert problems(project_copy) == [msg(where("units", row, column), f"every unit needs {column}", fix=fix)]


def test_a_factor_that_is_not_a_number(project_copy):
    row = edit(project_copy, "units", "万吨", "factor", "ten thousand")
    assert problems(project_copy) == [msg(where("units", row, "factor"), "factor is not a number", "ten thousand",
                                          "10000 (1 万吨 = 1e4 * t = 10000 t)", "write the factor as a plain number")]


@pytest.mark.parametrize("column,value,found,pint_factor", [
    ("factor", 1000, "1000", "10000 (1 万吨 = 1e4 * t = 10000 t)"),
    ("canonical_unit", "kg", "10000", "10000000 (1 万吨 = 1e4 * t = 10000000 kg)"),
], ids=["factor", "canonical_unit"])
def test_a_factor_that_is_not_pints_conversion(project_copy, column, value, found, pint_factor):
    row = edit(project_copy, "units", "万吨", column, value)
    assert problems(project_copy) == [msg(where("units", row, "factor"),
                                          "factor is not pint's conversion of pint_expr to canonical_unit", found,
                                          pint_factor,
                                          "correct factor, or pint_expr or canonical_unit if the factor is right")]


def test_a_unit_whose_canonical_unit_is_of_another_kind(project_copy):
    row = edit(project_copy, "units", "万吨", "canonical_unit", "CNY")
    assert problems(project_copy) == [msg(where("units", row, "canonical_unit"),
                                          "pint_expr cannot be converted to canonical_unit (Cannot convert from "
                                          "'metric_ton' ([mass]) to 'CNY' ([currency]))", "CNY",
                                          "a unit of the same kind as 1e4 * t", "correct canonical_unit or pint_expr")]


def test_a_pillar_with_an_unknown_plan_type(project_copy):
    row = edit(project_copy, "pillars", "production", "plan_type", "green economy")
    assert problems(project_copy) == [
        msg(where("pillars", row, "plan_type"), "unknown plan_type of a pillar", "green economy",
            "green_economy | pollution_carbon_synergy | both",
            "write the plan type whose sections this pillar codes (both: either type)")]


def test_synergy_stays_a_yes_no_code(project_copy):
    row = edit(project_copy, "synergy", "true", "synergy", "partly")
    assert problems(project_copy) == [
        msg(where("synergy", row, "synergy"), "synergy is a yes/no code", "partly", "true | false",
            "keep the two rows true and false; describe finer distinctions in their definitions"),
        msg(f"{TAXONOMY}, sheet 'synergy', column 'synergy'", "no row for synergy true", expected="true and false",
            fix="add the row true with its labels and definition")]


def test_comparators_stay_the_codes_the_code_interprets(project_copy):
    row = edit(project_copy, "comparators", "ge", "comparator", ">=")
    assert problems(project_copy) == [
        msg(where("comparators", row, "comparator"), "unknown comparator code", ">=",
            "eq | ge | gt | le | lt | approx", "keep the six codes; put a symbol such as ≥ in the symbol column"),
        msg(f"{TAXONOMY}, sheet 'comparators', column 'comparator'", "no row for comparator ge",
            expected="eq | ge | gt | le | lt | approx", fix="add the row ge with its symbol and labels")]


def test_a_comparator_without_its_symbol(project_copy):
    row = edit(project_copy, "comparators", "approx", "symbol", None)
    assert problems(project_copy) == [
        msg(where("comparators", row, "symbol"), "every comparator needs symbol",
            fix="write the symbol of this comparator")]


def test_a_scope_of_an_unknown_class(project_copy):
    row = edit(project_copy, "scopes", "城市", "scope_class", "town")
    assert problems(project_copy) == [
        msg(where("scopes", row, "scope_class"), "scope of an unknown scope class", "town",
            "a scope_class of the scope_classes sheet", "add the class to scope_classes or correct the scope_class")]


def test_one_scope_class_for_a_scope_not_stated(project_copy):
    edit(project_copy, "scope_classes", "rural", "unstated", "true")
    assert problems(project_copy) == [
        msg(f"{TAXONOMY}, sheet 'scope_classes', column 'unstated'",
            "exactly one scope class is the class of a scope not stated", "city, rural", "one row with unstated true",
            "mark the class a plan's unstated scope means (its whole city) true, the others false")]


@pytest.mark.parametrize("column,value,expected", [
    ("kappa", "n/a", "a number from -1 to 1"), ("share_of_coded", "20%", "a number from 0 to 1"),
    ("n_sentences", "159.5", "a whole number, 0 or more"), ("agreement", "1.2", "a number from 0 to 1"),
])
def test_reliability_figures_are_numbers_in_their_range(project_copy, column, value, expected):
    row = edit(project_copy, "reliability", "sector", column, value)
    assert problems(project_copy) == [
        msg(where("reliability", row, column), f"{column} is not a number in its range", value, expected,
            "write the value computed from data/raw/reliability.xlsx (tests/test_curation.py recomputes it)")]
