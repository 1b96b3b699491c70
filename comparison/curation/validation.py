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
the substantive sections (1 and above) coded once; rows still marked ``suggested`` need review (in a
preview, ``allow_suggested``, their problems are warnings and the rows are left out: preview.py).

This module reads the workbooks and runs the checks; each sheet's checks live in ``<sheet>_sheet.py``,
the checks they share in ``row_checks.py``.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from comparison.curation.city_schema import CITY_SCHEMA, STATUSES
from comparison.curation.ignored_sheet import check_completeness, check_ignored
from comparison.curation.measures_sheet import check_measures
from comparison.curation.preview import Preview, split
from comparison.curation.quantities_sheet import check_quantities
from comparison.curation.sections_sheet import check_sections
from comparison.curation.taxonomy import Taxonomy
from comparison.curation.units import UnitConverter
from comparison.curation.workbooks import read_workbook
from comparison.paths import ProjectPaths
from comparison.problems import Problem, raise_if_any
from comparison.text.documents import ParsedDocument


@dataclass
class CuratedData:
    """The validated curated rows of every city workbook, typed, with their source file and row."""

    sections: pd.DataFrame
    quantities: pd.DataFrame
    ignored_numbers: pd.DataFrame
    measures: pd.DataFrame
    unreviewed_docs: set[str]
    preview: Preview  # in a preview: the warnings on rows still suggested, and the rows left out


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
    problems += check_sections(data["sections"], docs, taxonomy, plan_types)
    problems += check_quantities(data["quantities"], docs, taxonomy, units)
    problems += check_ignored(data["ignored_numbers"], docs, taxonomy)
    # A plan whose workbook could not be read has its problem reported above; listing every number of its
    # text as "not accounted for" would only bury it.
    problems += check_completeness(data["quantities"], data["ignored_numbers"],
                                    {d: doc for d, doc in docs.items() if d not in unchecked})
    problems += check_measures(data["measures"], docs, taxonomy)
    preview = Preview()
    if allow_suggested:
        problems, preview, data = split(problems, data, unreviewed)
    raise_if_any(problems)
    return CuratedData(_typed_sections(data["sections"]), _typed_quantities(data["quantities"]),
                       data["ignored_numbers"], _typed_measures(data["measures"]), unreviewed, preview)


def city_workbooks(paths: ProjectPaths) -> list[Path]:
    """The city workbooks: every .xlsx/.xlsm/.xls in cities/ whatever the case of its extension, except the
    lock files Excel keeps beside an open workbook (``~$name.xlsx``)."""
    if not paths.cities.exists():
        return []
    return sorted(p for p in paths.cities.iterdir()
                  if p.suffix.lower() in (".xlsx", ".xlsm", ".xls") and not p.name.startswith("~$"))


def _empty(sheet: str) -> pd.DataFrame:
    return pd.DataFrame(columns=CITY_SCHEMA[sheet] + ["excel_row", "file", "sheet"])


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
