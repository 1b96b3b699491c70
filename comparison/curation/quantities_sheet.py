"""Checks of the ``quantities`` sheet: ids, kind, years stated in the clause, comparator, commitment and
scope codes (and the comparator against the words next to the value), indicator and alias, unit, and the value:
the quote prints ``value_as_written`` and ``value`` is exactly the number those digits or words mean."""
from __future__ import annotations

import pint

from comparison.curation.city_schema import PROPOSED_PREFIX, KINDS, TARGET_YEAR_IN_QUOTE
from comparison.curation.comparators import contradicted
from comparison.curation.row_checks import check_location, number_in, year_in, year_stated
from comparison.problems import Problem
from comparison.text.numbers import written_value


def check_quantities(df, docs, taxonomy, units) -> list[Problem]:
    problems = []
    indicators = taxonomy.table("indicators")
    canonical_unit = dict(zip(indicators.indicator_id, indicators.canonical_unit))
    comparator_sheet = taxonomy.table("comparators")
    comparators = set(comparator_sheet.comparator)
    code_of_symbol = dict(zip(comparator_sheet.symbol, comparator_sheet.comparator))
    listed_comparators = " | ".join(f"{c} ({s})" for c, s in zip(comparator_sheet.comparator, comparator_sheet.symbol))
    commitments = taxonomy.ids("commitments")
    scope_class_of = taxonomy.scope_class_of()
    for r in df[df.quantity_id == ""].itertuples():
        problems.append(Problem(r.file, "quantity_id is empty", sheet=r.sheet, row=r.excel_row, column="quantity_id",
                                expected=f"an id such as {r.doc_id}_q001", fix="number the row with the next free "
                                                                              "id of its document"))
    same = ["doc_id", "clause_id", "kind", "indicator_id", "value", "unit_as_written", "comparator", "target_year",
            "base_year", "scope", "quote"]
    clause_texts: dict[tuple[str, str], str | None] = {}  # spaceless NFKC text of each clause, for years
    first_row: dict[tuple, int] = {}
    for key, row in zip(map(tuple, df[same].to_numpy()), df.excel_row):
        first_row.setdefault(key, row)
    for r in df[df.duplicated(same, keep="first")].itertuples():
        problems.append(Problem(r.file, "the same quantity twice", sheet=r.sheet, row=r.excel_row,
                                column="quantity_id", value=r.quantity_id,
                                expected=f"one row per quantity (row {first_row[tuple(getattr(r, c) for c in same)]} "
                                         f"has the same clause, quote, indicator, value, unit and years)",
                                fix="delete one of the rows"))
    dup = df[df.duplicated("quantity_id", keep="first") & (df.quantity_id != "")]
    for r in dup.itertuples():
        problems.append(Problem(r.file, "duplicate quantity_id", sheet=r.sheet, row=r.excel_row, column="quantity_id",
                                value=r.quantity_id, expected="each quantity_id once across all workbooks",
                                fix="number the row with the next free id of its document"))
    for r in df.itertuples():
        check_location(r, docs, problems)
        value = number_in(r, "value", problems)
        if r.kind not in KINDS:
            problems.append(Problem(r.file, "unknown kind", sheet=r.sheet, row=r.excel_row, column="kind", value=r.kind,
                                    expected=" | ".join(KINDS), fix="target for a goal, baseline for a fact"))
        years = {col: year_in(r, col, problems) for col in ("target_year", "base_year")}
        if years["target_year"] and years["base_year"] and years["base_year"] >= years["target_year"]:
            problems.append(Problem(r.file, "base year is not before the target year", sheet=r.sheet, row=r.excel_row,
                                    column="base_year", value=r.base_year,
                                    expected=f"a year before the target year {r.target_year}",
                                    fix="check which year the plan counts from (比…年) and which it aims at (到…年)"))
        if r.kind == "baseline" and years["target_year"]:
            problems.append(Problem(r.file, "a baseline fact with a target year", sheet=r.sheet, row=r.excel_row,
                                    column="kind", value=r.kind, expected="target (a goal for that year), or a "
                                                                         "baseline with the fact's year in base_year",
                                    fix="set kind to target if the plan aims at it, else move the year to base_year"))
        for column, year in years.items():
            if year and not year_stated(r, docs, column, clause_texts):
                problems.append(Problem(r.file, f"{column} is not stated in its clause", sheet=r.sheet,
                                        row=r.excel_row, column=column, value=getattr(r, column),
                                        expected=f"a year the text of clause {r.clause_id} states",
                                        fix="write the year the clause states (到…年, 比…年); if the plan states it "
                                            "elsewhere, say where in note, with the year (到2025年 in the heading "
                                            "of section 2)"))
        stated = TARGET_YEAR_IN_QUOTE.findall(r.quote)
        if r.kind == "target" and years["target_year"] and stated and r.target_year not in stated:
            problems.append(Problem(r.file, "target_year differs from the year in its quote", sheet=r.sheet,
                                    row=r.excel_row, column="target_year", value=r.target_year,
                                    expected=" or ".join(dict.fromkeys(stated)),
                                    fix="write the year the quote states"))
        if r.comparator not in comparators:
            code = code_of_symbol.get(r.comparator)
            problems.append(Problem(r.file, "unknown comparator", sheet=r.sheet, row=r.excel_row, column="comparator",
                                    value=r.comparator, expected=listed_comparators,
                                    fix=f"write the code {code}: the symbol {r.comparator} is its label" if code
                                    else "write one of these codes (see the comparators sheet of the codebook)"))
        elif value is not None and (allowed := contradicted(r.quote, value, r.unit_as_written, r.comparator)):
            problems.append(Problem(r.file, "comparator contradicts the words next to the value in the quote",
                                    sheet=r.sheet, row=r.excel_row, column="comparator", value=r.comparator,
                                    expected=" or ".join(sorted(allowed)), fix="write the comparator the words give "
                                                                              "(see the comparators sheet)"))
        if r.commitment not in commitments:
            problems.append(Problem(r.file, "unknown commitment", sheet=r.sheet, row=r.excel_row, column="commitment",
                                    value=r.commitment, expected=" | ".join(sorted(commitments)),
                                    fix="确保 or 力争 as the plan says, else none"))
        if r.scope not in scope_class_of:
            problems.append(Problem(r.file, "scope not in the codebook's scopes sheet", sheet=r.sheet,
                                    row=r.excel_row, column="scope", value=r.scope,
                                    expected="a scope_as_written of the scopes sheet (全市, 城市, 农村 …), or empty",
                                    fix="add the scope as written and its scope_class to the scopes sheet of "
                                        "data/raw/taxonomy.xlsx"))
        if r.kind == "target" and not r.target_year and TARGET_YEAR_IN_QUOTE.search(r.quote):
            year = TARGET_YEAR_IN_QUOTE.search(r.quote).group(1)
            problems.append(Problem(r.file, "a target without a year, but its quote states one", sheet=r.sheet,
                                    row=r.excel_row, column="target_year", value="", expected=year,
                                    fix=f"fill in target_year {year}"))
        if r.indicator_id.startswith(PROPOSED_PREFIX) and r.indicator_id not in canonical_unit:
            problems.append(Problem(r.file, "indicator_id is a proposed indicator the codebook does not have yet",
                                    sheet=r.sheet, row=r.excel_row, column="indicator_id", value=r.indicator_id,
                                    expected="an indicator_id of the indicators sheet",
                                    fix="complete its row in the sheet proposed_indicators, set its status to accepted "
                                        "and run python -m comparison accept-proposals; or write an existing "
                                        "indicator_id here"))
        elif r.indicator_id not in canonical_unit:
            close = ", ".join(taxonomy.closest_indicators(r.indicator_as_written or r.indicator_id))
            problems.append(Problem(r.file, "indicator_id not in the indicator dictionary", sheet=r.sheet,
                                    row=r.excel_row, column="indicator_id", value=r.indicator_id,
                                    expected=f"an indicator_id of the indicators sheet; closest: {close}",
                                    fix="use one of these, or add the indicator and its alias to the codebook"))
        else:
            if r.indicator_as_written not in taxonomy.aliases_of(r.indicator_id):
                close = ", ".join(taxonomy.closest_indicators(r.indicator_as_written))
                problems.append(Problem(r.file, "indicator_as_written is not an alias of this indicator",
                                        sheet=r.sheet, row=r.excel_row, column="indicator_as_written",
                                        value=r.indicator_as_written,
                                        expected=f"an alias of {r.indicator_id}; closest indicators: {close}",
                                        fix="add the phrase to the indicator_aliases sheet of the codebook "
                                            "under the right indicator"))
            canonical = canonical_unit[r.indicator_id]
            if r.unit_as_written == "":
                if value not in (None, 0.0):
                    problems.append(Problem(r.file, "empty unit", sheet=r.sheet, row=r.excel_row,
                                            column="unit_as_written", value="",
                                            expected="the unit as written (an empty unit is allowed only for 0, "
                                                     "e.g. 清零, 零填埋)", fix="copy the unit from the quote"))
            elif not units.known(r.unit_as_written):
                problems.append(Problem(r.file, "unknown unit", sheet=r.sheet, row=r.excel_row,
                                        column="unit_as_written", value=r.unit_as_written,
                                        expected="a unit_as_written of the units sheet of data/raw/taxonomy.xlsx",
                                        fix="add the unit with its pint expression to the units sheet (or accept its "
                                            "row in the sheet proposed_units with accept-proposals)"))
            elif value is not None:
                try:
                    units.convert(value, r.unit_as_written, canonical)
                except pint.DimensionalityError:
                    problems.append(Problem(r.file, "unit cannot be converted to the indicator's unit", sheet=r.sheet,
                                            row=r.excel_row, column="unit_as_written", value=r.unit_as_written,
                                            expected=f"a unit convertible to {canonical} (indicator {r.indicator_id})",
                                            fix="correct the unit or the indicator_id"))
        check_value_as_written(r, value, problems)
    return problems


WRITTEN_FORMS = "digits (35, 13.5), Chinese numerals (两, 三百), a fraction (三分之一), 一半, 翻番, 翻一番 or 翻两番"


def check_value_as_written(r, value: float | None, problems: list[Problem]) -> None:
    """The quote prints value_as_written, and value is exactly what it means (35.0000000001 pasted from a
    calculation is not the plan's 35; 三分之一 is 1/3, not 1 with a unit 三分之)."""
    if r.value_as_written == "":
        problems.append(Problem(r.file, "value_as_written is empty", sheet=r.sheet, row=r.excel_row,
                                column="value_as_written", expected="the number as the quote prints it",
                                fix="copy the digits or words of the number from the quote (35, 三分之一, 翻番)"))
        return
    if r.quote and "".join(r.value_as_written.split()) not in "".join(r.quote.split()):
        problems.append(Problem(r.file, "the quote does not contain value_as_written", sheet=r.sheet,
                                row=r.excel_row, column="value_as_written", value=r.value_as_written,
                                expected=f"the number as the quote {r.quote!r} prints it",
                                fix="copy the digits or words of the number from the quote, or quote the words "
                                    "that state it"))
    meant = written_value(r.value_as_written)
    if meant is None:
        problems.append(Problem(r.file, "value_as_written is not a number as plans print them", sheet=r.sheet,
                                row=r.excel_row, column="value_as_written", value=r.value_as_written,
                                expected=WRITTEN_FORMS, fix="write only the number; comparator words (约, 以上) go "
                                                            "in comparator, the unit in unit_as_written"))
    elif value is not None and value != meant:
        problems.append(Problem(r.file, "value is not the number value_as_written means", sheet=r.sheet,
                                row=r.excel_row, column="value", value=r.value,
                                expected=f"{int(meant) if meant.is_integer() else repr(meant)}, what "
                                         f"{r.value_as_written!r} means",
                                fix="write the number the plan's words mean, unrounded (三分之一 → "
                                    "0.3333333333333333 with unit fraction), or correct value_as_written"))
