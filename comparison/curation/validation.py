"""Validate the city workbooks against the corpus and the codebook.

Checks, all collected and reported together: sheets and columns; every code exists in the codebook
(a leaf code where a parent has children; a pillar of the plan's type); every clause and sentence id
exists and belongs to the row's plan; every section row is a section of the plan with its heading; every
quote is non-empty, found once in its document's raw text inside its clause and contains its value as
written; values finite numbers, years four ASCII digits in 1990–2060, a base
year before the target year, years stated in their clause (or, when the plan states them elsewhere,
in the note), a target year that agrees with 到…年 in its quote, comparators from the set
and not contradicted by the words next to the number (以上, 不低于, 约 …);
ids present and unique, no quantity twice under two ids; units known and convertible to the indicator's
unit; every digit sequence of every text accounted for (quantities or ignored_numbers; an ignored number
written with a unit of measure is a quantity); every sentence of
the substantive sections (1 and above) coded once; rows still marked ``suggested`` need review.
"""
from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pint

from comparison.curation.comparators import contradicted
from comparison.text.documents import ParsedDocument
from comparison.text.numbers import digit_tokens, numbers_in
from comparison.paths import ProjectPaths
from comparison.problems import Problem, raise_if_any
from comparison.curation.taxonomy import SYNERGY_CODES, Taxonomy
from comparison.curation.units import UnitConverter, same_number
from comparison.curation.workbooks import read_workbook

CITY_SCHEMA = {
    "sections": ["doc_id", "section_no", "section_title", "pillar_id", "note", "status"],
    "quantities": ["quantity_id", "doc_id", "clause_id", "kind", "indicator_id", "indicator_as_written", "value",
                   "unit_as_written", "comparator", "target_year", "base_year", "scope", "commitment", "quote", "note",
                   "status"],
    "ignored_numbers": ["doc_id", "clause_id", "number", "quote", "reason", "note", "status"],
    "measures": ["sentence_id", "doc_id", "sector_id", "instrument_id", "synergy", "note", "status", "text"],
}
KINDS = ("target", "baseline")
STATUSES = ("curated", "suggested")
YEAR_RANGE = (1990, 2060)
TARGET_YEAR_IN_QUOTE = re.compile(r"[到至]\s*(20\d\d)\s*年")


@dataclass
class CuratedData:
    """The validated curated rows of every city workbook, typed, with their source file and row."""

    sections: pd.DataFrame
    quantities: pd.DataFrame
    ignored_numbers: pd.DataFrame
    measures: pd.DataFrame
    unreviewed_docs: set[str]


def validate_cities(paths: ProjectPaths, manifest: pd.DataFrame, docs: dict[str, ParsedDocument],
                    taxonomy: Taxonomy, units: UnitConverter, allow_suggested: bool = False) -> CuratedData:
    problems: list[Problem] = []
    frames: dict[str, list[pd.DataFrame]] = {sheet: [] for sheet in CITY_SCHEMA}
    cities = set(manifest.city_id)
    workbooks = city_workbooks(paths)
    unchecked = set(manifest.doc_id)  # plans whose workbook is missing or unreadable: no row-level checks
    for path in workbooks:
        shown = f"data/raw/cities/{path.name}"
        if path.stem not in cities:
            problems.append(Problem(shown, f"a workbook for city '{path.stem}', which has no plan in data/raw/plans.csv",
                                    expected=f"one of {', '.join(sorted(cities))}",
                                    fix="add the city's plan to plans.csv, or rename/remove the workbook"))
            continue
        try:
            sheets = read_workbook(path, CITY_SCHEMA, shown)
        except Exception as err:  # noqa: BLE001 - InputError, or openpyxl failing on a damaged file
            from comparison.problems import InputError
            if isinstance(err, InputError):
                problems += err.problems
            else:
                problems.append(Problem(shown, f"the workbook cannot be read ({type(err).__name__}: {err})",
                                        fix="open and save it again in Excel as .xlsx, or restore it from git"))
            continue
        city_docs = set(manifest.doc_id[manifest.city_id == path.stem])
        unchecked -= city_docs
        for sheet, df in sheets.items():
            known = df.doc_id.isin(city_docs)
            if not known.all():
                for r in df[~known].itertuples():
                    if r.doc_id == "":
                        problems.append(Problem(shown, "doc_id is empty", sheet=sheet, row=r.excel_row,
                                                column="doc_id", expected=" | ".join(sorted(city_docs)),
                                                fix="fill in the row's doc_id; a remark belongs in the note column "
                                                    "of the row it explains, not on a row of its own"))
                        continue
                    problems.append(Problem(shown, "doc_id is not a plan of this city", sheet=sheet,
                                            row=r.excel_row, column="doc_id", value=r.doc_id,
                                            expected=" | ".join(sorted(city_docs)),
                                            fix="use the doc_id from data/raw/plans.csv"))
                df = df[known]
            frames[sheet].append(df.assign(file=shown, sheet=sheet))
    for doc_id, city in zip(manifest.doc_id, manifest.city_id):
        if not (paths.cities / f"{city}.xlsx").exists() and not any(p.stem == city for p in workbooks):
            problems.append(Problem(f"data/raw/cities/{city}.xlsx", f"no curated workbook for plan {doc_id}",
                                    fix="create it with: python -m comparison new-plan … (see README, Add a city)"))
    data = {sheet: (pd.concat(f, ignore_index=True) if f else _empty(sheet)) for sheet, f in frames.items()}
    unreviewed = set()
    for sheet, df in data.items():
        for r in df[~df.status.isin(STATUSES)].itertuples():
            problems.append(Problem(r.file, "unknown status", sheet=sheet, row=r.excel_row, column="status",
                                    value=r.status, expected=" | ".join(STATUSES),
                                    fix="write curated once the row is reviewed"))
        suggested = df[df.status == "suggested"]
        unreviewed |= set(suggested.doc_id)
        if not allow_suggested:
            for r in suggested.itertuples():
                problems.append(Problem(r.file, "row needs review (status is 'suggested')", sheet=sheet,
                                        row=r.excel_row, column="status", value=r.status, expected="curated",
                                        fix="check the row against the plan, correct it, and set status to curated "
                                            "(or preview with build --allow-suggested)"))
    plan_types = dict(zip(manifest.doc_id, manifest.plan_type))
    problems += _check_sections(data["sections"], docs, taxonomy, plan_types)
    problems += _check_quantities(data["quantities"], docs, taxonomy, units)
    problems += _check_ignored(data["ignored_numbers"], docs, taxonomy)
    # A plan whose workbook could not be read has its problem reported above; listing every number of its
    # text as "not accounted for" would only bury it.
    problems += _check_completeness(data["quantities"], data["ignored_numbers"],
                                    {d: doc for d, doc in docs.items() if d not in unchecked})
    problems += _check_measures(data["measures"], docs, taxonomy)
    raise_if_any(problems)
    return CuratedData(_typed_sections(data["sections"]), _typed_quantities(data["quantities"]),
                       data["ignored_numbers"], _typed_measures(data["measures"]), unreviewed)


def city_workbooks(paths: ProjectPaths) -> list[Path]:
    """The city workbooks: every .xlsx/.xlsm/.xls in cities/ whatever the case of its extension, except the
    lock files Excel keeps beside an open workbook (``~$name.xlsx``)."""
    if not paths.cities.exists():
        return []
    return sorted(p for p in paths.cities.iterdir()
                  if p.suffix.lower() in (".xlsx", ".xlsm", ".xls") and not p.name.startswith("~$"))


def _empty(sheet: str) -> pd.DataFrame:
    return pd.DataFrame(columns=CITY_SCHEMA[sheet] + ["excel_row", "file", "sheet"])


def _unknown_code(r, column: str, value: str, sheet_in_codebook: str, taxonomy: Taxonomy) -> Problem:
    return Problem(r.file, "code not in the codebook", sheet=r.sheet, row=r.excel_row, column=column, value=value,
                   expected=f"a {column} of the '{sheet_in_codebook}' sheet of {taxonomy.file}",
                   fix="use an existing code, or add the code (with its parent, labels and definition) to the codebook")


def _parent_code(r, column: str, value: str, sheet_in_codebook: str, taxonomy: Taxonomy) -> Problem:
    children = taxonomy.table(sheet_in_codebook)
    children = children[children.parent_id == value].iloc[:, 0]
    return Problem(r.file, "a parent category, not a code to assign", sheet=r.sheet, row=r.excel_row, column=column,
                   value=value, expected=f"one of its codes: {', '.join(children)}",
                   fix="choose the code that fits the sentence")


def _check_sections(df, docs, taxonomy, plan_types) -> list[Problem]:
    problems = []
    pillars = taxonomy.table("pillars").set_index("pillar_id").plan_type
    for r in df.itertuples():
        if r.pillar_id not in pillars:
            problems.append(_unknown_code(r, "pillar_id", r.pillar_id, "pillars", taxonomy))
        elif pillars[r.pillar_id] not in ("both", plan_types.get(r.doc_id)):
            problems.append(Problem(r.file, "pillar of another plan type", sheet=r.sheet, row=r.excel_row,
                                    column="pillar_id", value=r.pillar_id,
                                    expected=f"a pillar whose plan_type is both or {plan_types.get(r.doc_id)} "
                                             f"(this one is for {pillars[r.pillar_id]} plans)",
                                    fix="choose a pillar of the plan's type (pillars sheet of the codebook)"))
        if not re.fullmatch(r"[1-9]\d*", r.section_no, re.ASCII):
            problems.append(Problem(r.file, "section_no is not a section number", sheet=r.sheet, row=r.excel_row,
                                    column="section_no", value=r.section_no,
                                    expected="the section's number as a whole number: 1 for 一、, 2 for 二、 …",
                                    fix="write the number in digits, or delete a row that is not a section"))
        elif r.doc_id in docs:
            problems += _check_section_heading(r, docs[r.doc_id])
    mapped = set(zip(df.doc_id, df.section_no))
    for doc in docs.values():
        for no in sorted({c.section_no for c in doc.clauses if c.section_no > 0}):
            if (doc.doc_id, str(no)) not in mapped and any(df.doc_id == doc.doc_id):
                problems.append(Problem(df[df.doc_id == doc.doc_id].file.iloc[0], "section has no pillar",
                                        sheet="sections", column="section_no", value=f"{doc.doc_id} section {no}",
                                        expected="one row per section of the plan",
                                        fix=f"add a row: doc_id {doc.doc_id}, section_no {no}, pillar_id"))
    dup = df[df.duplicated(["doc_id", "section_no"])]
    for r in dup.itertuples():
        problems.append(Problem(r.file, "section mapped twice", sheet="sections", row=r.excel_row, column="section_no",
                                value=r.section_no, expected="one row per section", fix="delete one of the rows"))
    return problems


def _check_section_heading(r, doc: ParsedDocument) -> list[Problem]:
    """The section exists in the parsed plan and the row's title is its heading (a shifted row codes the wrong one)."""
    titles = {c.section_no: c.section_title for c in doc.clauses if c.section_no > 0}
    title = titles.get(int(r.section_no))
    if title is None:
        return [Problem(r.file, "section does not exist in the parsed plan", sheet=r.sheet, row=r.excel_row,
                        column="section_no", value=r.section_no,
                        expected=f"a section of {r.doc_id}: 1 to {max(titles, default=0)}",
                        fix="delete the row, or check section_no against data/processed/clauses.csv")]
    if r.section_title.strip() != title:
        return [Problem(r.file, "section_title differs from the plan's heading of this section", sheet=r.sheet,
                        row=r.excel_row, column="section_title", value=r.section_title, expected=title,
                        fix="check section_no and the pillar against data/processed/clauses.csv, then copy "
                            "the heading")]
    return []


def _quote_positions(doc: ParsedDocument, window: tuple[int, int], quote: str) -> list[int]:
    raw = doc.raw[window[0]:window[1]]
    out, pos = [], raw.find(quote)
    while quote and pos != -1:
        out.append(window[0] + pos)
        pos = raw.find(quote, pos + 1)
    return out


def _check_location(r, docs, problems) -> list[int]:
    """Problems for a missing clause or quote; the raw positions of the quote inside its clause."""
    doc = docs.get(r.doc_id)
    if doc is None:
        return []
    window = doc.clause_window(r.clause_id)
    if window is None:
        problems.append(Problem(r.file, "clause_id does not exist in the parsed plan", sheet=r.sheet, row=r.excel_row,
                                column="clause_id", value=r.clause_id,
                                expected=f"a clause_id of data/processed/clauses.csv, e.g. {doc.clauses[-1].clause_id}",
                                fix="look the clause up in data/processed/clauses.csv and correct the id"))
        return []
    if not r.quote:
        problems.append(Problem(r.file, "quote is empty", sheet=r.sheet, row=r.excel_row, column="quote",
                                expected=f"the words of data/raw/texts/{r.doc_id}.txt that state the number",
                                fix="copy the words from the raw text file (line breaks included)"))
        return []
    positions = _quote_positions(doc, window, r.quote)
    if not positions:
        message = (f"quote not found inside clause {r.clause_id}; it occurs elsewhere in the text"
                   if r.quote and r.quote in doc.raw else
                   f"quote not found inside clause {r.clause_id} (nor anywhere in the raw text)")
        problems.append(Problem(r.file, message, sheet=r.sheet, row=r.excel_row, column="quote",
                                value=r.quote, expected=f"an exact substring of data/raw/texts/{r.doc_id}.txt",
                                fix="copy the words from the raw text file (line breaks included) "
                                    "and check the clause_id"))
    elif len(positions) > 1:
        problems.append(Problem(r.file, f"quote occurs {len(positions)} times in clause {r.clause_id}", sheet=r.sheet,
                                row=r.excel_row, column="quote", value=r.quote,
                                expected="words that occur once in the clause, so the number can be found",
                                fix="extend the quote with the words around the number"))
    return positions


def _year_stated(r, docs, column: str, clause_texts: dict) -> bool:
    """Whether the row's clause (spaces and line breaks ignored) or its note states the year in ``column``."""
    year = getattr(r, column)
    key = (r.doc_id, r.clause_id)
    if key not in clause_texts:
        doc = docs.get(r.doc_id)
        window = doc.clause_window(r.clause_id) if doc else None
        clause_texts[key] = (None if window is None else
                             "".join(unicodedata.normalize("NFKC", doc.raw[window[0]:window[1]]).split()))
    text = clause_texts[key]
    return text is None or year in r.note or year in text


def _check_quantities(df, docs, taxonomy, units) -> list[Problem]:
    problems = []
    indicators = taxonomy.table("indicators")
    canonical_unit = dict(zip(indicators.indicator_id, indicators.canonical_unit))
    comparators = taxonomy.ids("comparators")
    commitments = taxonomy.ids("commitments")
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
        _check_location(r, docs, problems)
        value = _number(r, "value", problems)
        if r.kind not in KINDS:
            problems.append(Problem(r.file, "unknown kind", sheet=r.sheet, row=r.excel_row, column="kind", value=r.kind,
                                    expected=" | ".join(KINDS), fix="target for a goal, baseline for a fact"))
        years = {col: _year(r, col, problems) for col in ("target_year", "base_year")}
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
            if year and not _year_stated(r, docs, column, clause_texts):
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
            problems.append(Problem(r.file, "unknown comparator", sheet=r.sheet, row=r.excel_row, column="comparator",
                                    value=r.comparator, expected=" ".join(sorted(comparators)),
                                    fix="see the comparators sheet of the codebook"))
        elif value is not None and (allowed := contradicted(r.quote, value, r.unit_as_written, r.comparator)):
            problems.append(Problem(r.file, "comparator contradicts the words next to the value in the quote",
                                    sheet=r.sheet, row=r.excel_row, column="comparator", value=r.comparator,
                                    expected=" or ".join(sorted(allowed)), fix="write the comparator the words give "
                                                                              "(see the comparators sheet)"))
        if r.commitment not in commitments:
            problems.append(Problem(r.file, "unknown commitment", sheet=r.sheet, row=r.excel_row, column="commitment",
                                    value=r.commitment, expected=" | ".join(sorted(commitments)),
                                    fix="确保 or 力争 as the plan says, else none"))
        if r.kind == "target" and not r.target_year and TARGET_YEAR_IN_QUOTE.search(r.quote):
            year = TARGET_YEAR_IN_QUOTE.search(r.quote).group(1)
            problems.append(Problem(r.file, "a target without a year, but its quote states one", sheet=r.sheet,
                                    row=r.excel_row, column="target_year", value="", expected=year,
                                    fix=f"fill in target_year {year}"))
        if r.indicator_id not in canonical_unit:
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
                                        fix="add the unit with its pint expression to the units sheet"))
            elif value is not None:
                try:
                    units.convert(value, r.unit_as_written, canonical)
                except pint.DimensionalityError:
                    problems.append(Problem(r.file, "unit cannot be converted to the indicator's unit", sheet=r.sheet,
                                            row=r.excel_row, column="unit_as_written", value=r.unit_as_written,
                                            expected=f"a unit convertible to {canonical} (indicator {r.indicator_id})",
                                            fix="correct the unit or the indicator_id"))
        # Exact: a value the plan does not write (35.0000000001 pasted from a calculation) is not its number.
        if value is not None and r.quote and value not in numbers_in(r.quote):
            problems.append(Problem(r.file, "the quote does not contain the value", sheet=r.sheet, row=r.excel_row,
                                    column="value", value=r.value, expected=f"a number stated in the quote {r.quote!r}",
                                    fix="correct the value, or quote the words that state it"))
    return problems


def _number(r, column, problems) -> float | None:
    """The number in ``column``; None with a problem for text, nan, inf or digits grouped by '_' (3_5)."""
    text = getattr(r, column)
    try:
        number = float(text)
    except ValueError:
        number = math.nan
    if math.isfinite(number) and "_" not in text:
        return number
    problems.append(Problem(r.file, "value is not a number", sheet=r.sheet, row=r.excel_row, column=column,
                            value=text, expected="a plain number such as 95 or 13.5",
                            fix="write only the number; put 约/以上 in comparator and remarks in note"))
    return None


def _year(r, column, problems) -> int | None:
    """The year in ``column``, or None when it is empty or wrong (then a problem says why)."""
    text = getattr(r, column)
    if text == "":
        return None
    if not re.fullmatch(r"\d+", text, re.ASCII):
        date_cell = re.fullmatch(r"\d{4}-\d\d-\d\d( 00:00:00)?", text)
        problems.append(Problem(r.file, "not a year", sheet=r.sheet, row=r.excel_row, column=column, value=text,
                                expected="a four-digit year in ASCII digits, e.g. 2025, or empty",
                                fix="format the cell as a number, not a date, and write the year"
                                    if date_cell else "write only the year's digits (no 年, no decimals)"))
        return None
    if not YEAR_RANGE[0] <= int(text) <= YEAR_RANGE[1]:
        problems.append(Problem(r.file, "year out of range", sheet=r.sheet, row=r.excel_row, column=column,
                                value=text, expected=f"a year from {YEAR_RANGE[0]} to {YEAR_RANGE[1]}, or empty",
                                fix="write the four-digit year the plan states"))
        return None
    return int(text)


def _check_ignored(df, docs, taxonomy) -> list[Problem]:
    problems = []
    reasons = taxonomy.ids("ignore_reasons")
    units = taxonomy.table("units")
    # Units of measure, longest first; counts (个, 家, 座 …) are left out: 5个方面 states no quantity.
    units_of_measure = sorted({"".join(u.split()) for u in units.unit_as_written[units.canonical_unit != "item"]}
                              - {""}, key=len, reverse=True)
    for r in df.itertuples():
        _check_location(r, docs, problems)
        if r.reason not in reasons:
            problems.append(_unknown_code(r, "reason", r.reason, "ignore_reasons", taxonomy))
        number = unicodedata.normalize("NFKC", r.number)
        if not re.fullmatch(r"\d+(\.\d+)?", number):
            problems.append(Problem(r.file, "number is not a digit sequence", sheet=r.sheet, row=r.excel_row,
                                    column="number", value=r.number, expected="digits as written, e.g. 2021 or 2.5",
                                    fix="copy the digits from the quote"))
        elif r.quote and not any(same_number(float(number), v) for _, _, v in digit_tokens(r.quote)):
            problems.append(Problem(r.file, "the quote does not contain the number", sheet=r.sheet, row=r.excel_row,
                                    column="number", value=r.number, expected=f"a digit sequence of {r.quote!r}",
                                    fix="correct the number or the quote"))
        elif r.reason != "chemical_or_technical" and (unit := _unit_after(r.quote, float(number), units_of_measure)):
            problems.append(Problem(r.file, f"an ignored number written with a unit ({r.number}{unit}), "
                                            "like a quantity", sheet=r.sheet, row=r.excel_row, column="reason",
                                    value=r.reason, expected="a number that states no quantity",
                                    fix="move it to quantities (a target, or a baseline fact); for a size class or "
                                        "specification (10万千瓦及以上机组) use reason chemical_or_technical"))
    return problems


def _unit_after(quote: str, number: float, units: list[str]) -> str | None:
    """The codebook unit right after ``number`` in the quote, spaces and line breaks ignored, if any."""
    text = "".join(quote.split())
    for _, end, value in digit_tokens(text):
        if same_number(value, number):
            unit = next((u for u in units if text.startswith(u, end)), None)
            if unit:
                return unit
    return None


def _check_completeness(quantities, ignored, docs) -> list[Problem]:
    """Every digit sequence of every raw text lies in a quote of a row that states that number."""
    covered: dict[str, set[tuple[int, int]]] = {d: set() for d in docs}
    for df, columns in ((quantities, ("value", "target_year", "base_year")), (ignored, ("number",))):
        for r in df.itertuples():
            doc = docs.get(r.doc_id)
            window = doc.clause_window(r.clause_id) if doc else None
            if window is None or not r.quote:
                continue
            wanted = set()
            for col in columns:
                try:
                    wanted.add(float(unicodedata.normalize("NFKC", getattr(r, col))))
                except ValueError:
                    pass
            for pos in _quote_positions(doc, window, r.quote):
                for s, e, v in digit_tokens(r.quote):
                    if any(same_number(v, w) for w in wanted):
                        covered[r.doc_id].add((pos + s, pos + e))
    problems = []
    files = dict(zip(quantities.doc_id, quantities.file))
    for doc_id, doc in docs.items():
        for s, e, v in digit_tokens(doc.raw):
            if (s, e) not in covered[doc_id]:
                context = doc.raw[max(0, s - 12):e + 8].replace("\n", "⏎")
                clause = doc.clause_at(s)
                problems.append(Problem(files.get(doc_id, f"data/raw/texts/{doc_id}.txt"),
                                        f"number {doc.raw[s:e]} in {doc_id} (raw offset {s}) is not accounted for",
                                        sheet="quantities", column="quote", value=context,
                                        expected=f"a quantities row or an ignored_numbers row for clause {clause}",
                                        fix="add a quantities row if it states a quantity, else an ignored_numbers "
                                            "row with its reason"))
    return problems


def _check_measures(df, docs, taxonomy) -> list[Problem]:
    problems = []
    sectors = taxonomy.leaf_ids("sectors")
    instruments = taxonomy.leaf_ids("instruments")
    sentences = {s.sentence_id: (s.text, doc.doc_id) for doc in docs.values() for c in doc.clauses
                 if c.section_no > 0 for s in c.sentences}
    for r in df.itertuples():
        if r.sentence_id not in sentences:
            problems.append(Problem(r.file, "sentence_id does not exist (or is in the preamble)", sheet=r.sheet,
                                    row=r.excel_row, column="sentence_id", value=r.sentence_id,
                                    expected="a sentence_id of data/processed/sentences.csv in section 1 or later",
                                    fix="look the sentence up in data/processed/sentences.csv"))
        elif r.doc_id != sentences[r.sentence_id][1]:
            problems.append(Problem(r.file, "doc_id differs from the sentence's plan", sheet=r.sheet, row=r.excel_row,
                                    column="doc_id", value=r.doc_id, expected=sentences[r.sentence_id][1],
                                    fix="check the row's doc_id and sentence_id against data/processed/sentences.csv"))
        elif r.text and r.text != sentences[r.sentence_id][0]:
            problems.append(Problem(r.file, "text differs from the parsed sentence (did the parser change?)",
                                    sheet=r.sheet, row=r.excel_row, column="text", value=r.text[:40],
                                    expected=sentences[r.sentence_id][0][:40],
                                    fix="check the sentence ids against data/processed/sentences.csv"))
        for column, code, sheet, leaves in (("sector_id", r.sector_id, "sectors", sectors),
                                            ("instrument_id", r.instrument_id, "instruments", instruments)):
            if code in leaves:
                continue
            known = code in taxonomy.ids(sheet)
            problems.append((_parent_code if known else _unknown_code)(r, column, code, sheet, taxonomy))
        if r.synergy not in SYNERGY_CODES:
            problems.append(Problem(r.file, "synergy must be true or false", sheet=r.sheet, row=r.excel_row,
                                    column="synergy", value=r.synergy, expected=" | ".join(SYNERGY_CODES),
                                    fix="see the synergy sheet of the codebook"))
    for r in df[df.duplicated("sentence_id", keep="first")].itertuples():
        problems.append(Problem(r.file, "sentence coded twice", sheet=r.sheet, row=r.excel_row, column="sentence_id",
                                value=r.sentence_id, expected="one row per sentence", fix="delete one of the rows"))
    coded = set(df.sentence_id)
    files = dict(zip(df.doc_id, df.file))
    for sentence_id, (text, doc_id) in sentences.items():
        if sentence_id not in coded and doc_id in files:
            problems.append(Problem(files[doc_id], "sentence left uncoded", sheet="measures", column="sentence_id",
                                    value=sentence_id, expected=f"a row coding: {text[:40]}",
                                    fix="add a row with sector_id, instrument_id and synergy for this sentence"))
    return problems


def _typed_sections(df):
    out = df.copy()
    out["section_no"] = out.section_no.astype(int)
    return out


def _typed_quantities(df):
    out = df.copy()
    out["value"] = out.value.astype(float)
    for col in ("target_year", "base_year"):
        out[col] = pd.to_numeric(out[col].replace("", None)).astype("Int64")
    return out


def _typed_measures(df):
    out = df.copy()
    out["synergy"] = out.synergy == "true"
    return out
