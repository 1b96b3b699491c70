"""Read and validate the reference layer ``data/raw/references.xlsx``: the national and provincial documents
the city plans implement, and the targets those documents state.

Checks, all collected and reported together with the same messages as the city workbooks: sheets and
columns; ids present and unique; level, source kind, kind, aggregation and comparator from their sets; a
provincial document names a province of ``plans.csv`` (a national one none); dates as YYYY-MM-DD; every
target's document exists; a target of a document whose text was not found comes from a news report;
indicators in the codebook; a scope empty (the whole territory) or in the codebook's scopes sheet; a
quantitative target has a number, a unit the codebook knows and can convert to the indicator's unit, a
target year (four digits in range, after its base year), and a quote that prints its value_as_written
(the number value means, as for the city workbooks) and whose words next to it agree with the comparator; a qualitative goal has no number.
The quote cannot be checked against the document's text, which is not stored: it is checked only against
its own value and comparator. Without a references.xlsx the project simply has no reference layer.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import pandas as pd
import pint

from comparison.curation.comparators import contradicted
from comparison.curation.quantities_sheet import check_value_as_written
from comparison.curation.row_checks import number_in, year_in
from comparison.curation.taxonomy import Taxonomy
from comparison.curation.units import UnitConverter
from comparison.curation.workbooks import read_workbook
from comparison.paths import ProjectPaths
from comparison.problems import InputError, Problem, raise_if_any

SHOWN = "data/raw/references.xlsx"
REFERENCE_SCHEMA = {
    "documents": ["doc_id", "level", "province_zh", "issuer", "title", "doc_number", "issued", "source_url",
                  "source_kind", "retrieved_on", "text_available", "note"],
    "targets": ["target_id", "doc_id", "kind", "indicator_id", "value_as_written", "value", "unit_as_written",
                "comparator",
                "target_year", "base_year", "scope", "aggregation", "section", "quote", "source_url", "source_kind",
                "note"],
}
LEVELS = ("national", "provincial")
SOURCE_KINDS = ("full_text_copy", "abridged_copy", "news_summary")
TARGET_KINDS = ("quantitative", "qualitative")
AGGREGATIONS = ("rate", "total")
BOOLEANS = ("true", "false")
ISO_DATE = re.compile(r"\d{4}-\d\d-\d\d")


@dataclass
class References:
    """The validated documents and targets; targets carry their document's level and province."""

    documents: pd.DataFrame
    targets: pd.DataFrame


def empty_references() -> References:
    return References(pd.DataFrame(columns=REFERENCE_SCHEMA["documents"]),
                      pd.DataFrame(columns=REFERENCE_SCHEMA["targets"] + ["level", "province_zh"]))


def load_references(paths: ProjectPaths, taxonomy: Taxonomy, units: UnitConverter,
                    provinces: set[str]) -> References:
    """The reference layer, validated against the codebook and the provinces of the plans; raises InputError."""
    path = paths.raw / "references.xlsx"
    if not path.exists():
        return empty_references()
    try:
        sheets = read_workbook(path, REFERENCE_SCHEMA, SHOWN)
    except InputError:
        raise
    except Exception as err:  # noqa: BLE001 - a damaged file, as for the city workbooks
        raise InputError([Problem(SHOWN, f"the workbook cannot be read ({type(err).__name__}: {err})",
                                  fix="open and save it again in Excel as .xlsx, or restore it from git")]) from None
    documents = sheets["documents"].assign(file=SHOWN, sheet="documents")
    targets = sheets["targets"].assign(file=SHOWN, sheet="targets")
    problems = check_documents(documents, provinces) + check_targets(targets, documents, taxonomy, units)
    raise_if_any(problems)
    return References(documents.drop(columns=["file", "sheet"]), _typed_targets(targets, documents))


def _problem(r, message, column, **details) -> Problem:
    return Problem(r.file, message, sheet=r.sheet, row=r.excel_row, column=column, **details)


def _ids(df, column, example) -> list[Problem]:
    problems = [_problem(r, f"{column} is empty", column, expected=f"an id such as {example}",
                         fix="fill in the id, or delete the row") for r in df[df[column] == ""].itertuples()]
    dup = df[df.duplicated(column, keep="first") & (df[column] != "")]
    problems += [_problem(r, f"duplicate {column}", column, value=getattr(r, column), expected=f"each {column} once",
                          fix="rename or delete one of the rows") for r in dup.itertuples()]
    return problems


def _one_of(r, column, allowed, fix) -> list[Problem]:
    value = getattr(r, column)
    if value in allowed:
        return []
    return [_problem(r, f"unknown {column}", column, value=value, expected=" | ".join(allowed), fix=fix)]


def _date(r, column) -> list[Problem]:
    text = getattr(r, column)
    if text == "":
        return []
    try:
        if ISO_DATE.fullmatch(text):
            dt.date.fromisoformat(text)
            return []
    except ValueError:
        pass
    fix = ("format the cell as text, not a date, and write YYYY-MM-DD" if re.fullmatch(r"\d{4}-\d\d-\d\d 00:00:00", text)
           else "write the date as the document gives it, YYYY-MM-DD, or leave it empty if no copy shows it")
    return [_problem(r, "not a date", column, value=text, expected="a date written YYYY-MM-DD, e.g. 2021-10-24",
                     fix=fix)]


def check_documents(df: pd.DataFrame, provinces: set[str]) -> list[Problem]:
    problems = _ids(df, "doc_id", "cn_gf_2021_23")
    known = " | ".join(sorted(provinces))
    for r in df.itertuples():
        problems += _one_of(r, "level", LEVELS, "national for a central document, provincial for a province's")
        problems += _one_of(r, "text_available", BOOLEANS,
                            "true if a copy of the document's text was read, false if only reports or nothing")
        if r.source_kind != "":
            problems += _one_of(r, "source_kind", SOURCE_KINDS, "say what the copy in source_url is")
        problems += _date(r, "issued") + _date(r, "retrieved_on")
        if r.level == "provincial" and r.province_zh not in provinces:
            problems.append(_problem(r, "a provincial document of a province with no plan in data/raw/plans.csv",
                                     "province_zh", value=r.province_zh, expected=f"one of {known}",
                                     fix="write the province as plans.csv does (福建, not 福建省), or add the plan"))
        if r.level == "national" and r.province_zh != "":
            problems.append(_problem(r, "a national document with a province", "province_zh", value=r.province_zh,
                                     expected="empty", fix="clear province_zh, or set level to provincial"))
        if r.source_url and not r.retrieved_on:
            problems.append(_problem(r, "a source without the day it was read", "retrieved_on",
                                     expected="the date the copy in source_url was read, YYYY-MM-DD",
                                     fix="write the date"))
    return problems


def check_targets(df: pd.DataFrame, documents: pd.DataFrame, taxonomy: Taxonomy,
                  units: UnitConverter) -> list[Problem]:
    problems = _ids(df, "target_id", "cn_gf_2021_23_t01")
    text_available = dict(zip(documents.doc_id, documents.text_available))
    indicators = taxonomy.table("indicators")
    canonical_unit = dict(zip(indicators.indicator_id, indicators.canonical_unit))
    comparators = sorted(taxonomy.ids("comparators"))
    scopes = taxonomy.scope_class_of()
    for r in df.itertuples():
        if r.doc_id not in text_available:
            problems.append(_problem(r, "a target whose document is not in the documents sheet", "doc_id",
                                     value=r.doc_id, expected="a doc_id of the documents sheet",
                                     fix="add the document to the documents sheet, or correct doc_id"))
        elif text_available[r.doc_id] == "false" and r.source_kind != "news_summary":
            problems.append(_problem(r, "a target of a document whose text was not found, not marked as from a news "
                                        "report", "source_kind", value=r.source_kind, expected="news_summary",
                                     fix="mark where the number was read (news_summary), or set the document's "
                                         "text_available to true if a copy of its text was read"))
        problems += _one_of(r, "kind", TARGET_KINDS, "quantitative for a number, qualitative for a goal in words")
        problems += _one_of(r, "source_kind", SOURCE_KINDS, "say what the copy the quote was read in is")
        if r.indicator_id not in canonical_unit:
            close = ", ".join(taxonomy.closest_indicators(r.indicator_id))
            problems.append(_problem(r, "indicator_id not in the indicator dictionary", "indicator_id",
                                     value=r.indicator_id, expected=f"an indicator_id of the indicators sheet; "
                                                                    f"closest: {close}",
                                     fix="use one of these, or add the indicator to the codebook"))
        if r.scope and r.scope not in scopes:
            problems.append(_problem(r, "scope not in the codebook's scopes sheet", "scope", value=r.scope,
                                     expected="a scope_as_written of the scopes sheet (城市, 农村 …), or empty for the "
                                              "document's whole territory (全省, 全国)",
                                     fix="leave the scope empty for the whole territory, or add the scope as written "
                                         "and its scope_class to the scopes sheet of data/raw/taxonomy.xlsx"))
        if not r.section:
            problems.append(_problem(r, "section is empty", "section",
                                     expected="the article or section that states the target, e.g. 二、主要目标",
                                     fix="say where the document states it"))
        if not r.quote:
            problems.append(_problem(r, "quote is empty", "quote",
                                     expected="the document's words that state the target, as in source_url",
                                     fix="copy the words from the copy of the document"))
        years = {c: year_in(r, c, problems) for c in ("target_year", "base_year")}
        if years["target_year"] and years["base_year"] and years["base_year"] >= years["target_year"]:
            problems.append(_problem(r, "base year is not before the target year", "base_year", value=r.base_year,
                                     expected=f"a year before the target year {r.target_year}",
                                     fix="check which year the document counts from (比…年) and which it aims at"))
        if r.kind == "qualitative":
            for column in ("value_as_written", "value", "unit_as_written", "comparator", "aggregation"):
                if getattr(r, column):
                    problems.append(_problem(r, "a qualitative goal with a number", column,
                                             value=getattr(r, column), expected="empty (the goal is in words)",
                                             fix="clear the cell, or set kind to quantitative if the document "
                                                 "states a number"))
        elif r.kind == "quantitative":
            problems += _quantitative(r, canonical_unit, units, comparators)
    return problems


def _quantitative(r, canonical_unit, units, comparators) -> list[Problem]:
    problems: list[Problem] = []
    value = number_in(r, "value", problems)
    if not r.target_year:
        problems.append(_problem(r, "a target without a target year", "target_year",
                                 expected="the year the document aims at (到…年)", fix="fill in target_year"))
    problems += _one_of(r, "aggregation", AGGREGATIONS,
                        "rate for a share, intensity or per-unit level; total for a count or amount summed over "
                        "the whole territory")
    if r.comparator not in comparators:
        problems.append(_problem(r, "unknown comparator", "comparator", value=r.comparator,
                                 expected=" ".join(comparators), fix="see the comparators sheet of the codebook"))
    elif value is not None and r.quote and (allowed := contradicted(r.quote, value, r.unit_as_written, r.comparator)):
        problems.append(_problem(r, "comparator contradicts the words next to the value in the quote", "comparator",
                                 value=r.comparator, expected=" or ".join(sorted(allowed)),
                                 fix="write the comparator the words give (see the comparators sheet)"))
    check_value_as_written(r, value, problems)
    if r.unit_as_written == "":
        if value not in (None, 0.0):
            problems.append(_problem(r, "empty unit", "unit_as_written", value="",
                                     expected="the unit as written (an empty unit is allowed only for 0)",
                                     fix="copy the unit from the quote"))
    elif not units.known(r.unit_as_written):
        problems.append(_problem(r, "unknown unit", "unit_as_written", value=r.unit_as_written,
                                 expected="a unit_as_written of the units sheet of data/raw/taxonomy.xlsx",
                                 fix="add the unit with its pint expression to the units sheet"))
    elif value is not None and r.indicator_id in canonical_unit:
        try:
            units.convert(value, r.unit_as_written, canonical_unit[r.indicator_id])
        except pint.DimensionalityError:
            problems.append(_problem(r, "unit cannot be converted to the indicator's unit", "unit_as_written",
                                     value=r.unit_as_written,
                                     expected=f"a unit convertible to {canonical_unit[r.indicator_id]} "
                                              f"(indicator {r.indicator_id})", fix="correct the unit or the indicator_id"))
    return problems


def _typed_targets(targets: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    out = targets.drop(columns=["file", "sheet"]).copy()
    out["value"] = pd.to_numeric(out.value.replace("", None)).astype(float)
    for col in ("target_year", "base_year"):
        out[col] = pd.to_numeric(out[col].replace("", None)).astype("Int64")
    docs = documents.set_index("doc_id")
    out["level"] = out.doc_id.map(docs.level)
    out["province_zh"] = out.doc_id.map(docs.province_zh)
    return out
