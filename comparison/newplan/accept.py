"""``python -m comparison accept-proposals``: move the accepted proposals of city workbooks into the codebook.

Besides new-plan, the only code that writes curated inputs. All or nothing: every accepted row is checked
(ids, labels, codes, units through pint) and the codebook is rebuilt in memory and loaded again with all
its own checks before a byte is written; then ``data/raw/taxonomy.xlsx`` and each city workbook are
written as one transaction, under new-plan's lock and with its journal (transaction.py). What it does:

- ``proposed_indicators`` rows with status ``accepted``: a new indicator (its row and its alias), or, when
  indicator_id names an indicator the codebook has, only the alias; quantities rows that carry the
  proposed id get the final indicator_id and the alias as indicator_as_written;
- ``proposed_units``: the unit with its pint expression and the factor pint computes;
- ``proposed_agencies``: the name as an alias of an existing agency, or of a new agency with its labels;
- a row in the codebook's ``changes`` sheet; the accepted rows leave the proposal sheets.
"""
from __future__ import annotations

import datetime
import io
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pint
from openpyxl import load_workbook

from comparison.curation.taxonomy import DIRECTIONS, MEASURES, load_taxonomy
from comparison.curation.units import PINT_PARSE_ERRORS, UnitConverter
from comparison.curation.workbooks import read_workbook
from comparison.newplan import transaction
from comparison.curation.city_schema import PROPOSAL_SCHEMA, PROPOSAL_STATUSES, PROPOSED_PREFIX
from comparison.paths import ProjectPaths
from comparison.problems import InputError, Problem, raise_if_any

ID = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)+")
TAXONOMY = "data/raw/taxonomy.xlsx"


@dataclass
class Accepted:
    """What accept-proposals added, for its report."""

    indicators: list[str] = field(default_factory=list)
    aliases: list[tuple[str, str]] = field(default_factory=list)
    units: list[str] = field(default_factory=list)
    agencies: list[str] = field(default_factory=list)
    agency_aliases: list[tuple[str, str]] = field(default_factory=list)
    rows_recoded: dict[str, int] = field(default_factory=dict)  # workbook → quantities rows given a final id

    def lines(self) -> list[str]:
        out = []
        for what, items in (("indicators", self.indicators), ("indicator aliases", [a for a, _ in self.aliases]),
                            ("units", self.units), ("agencies", self.agencies),
                            ("agency aliases", [a for a, _ in self.agency_aliases])):
            if items:
                out.append(f"added {len(items)} {what} to {TAXONOMY}: {', '.join(items)}")
        out += [f"gave {n} quantities rows of {book} their accepted indicator_id"
                for book, n in self.rows_recoded.items()]
        return out or ["no proposal has status accepted: nothing written"]


def accept_proposals(paths: ProjectPaths, city_id: str | None = None) -> Accepted:
    """Check every accepted proposal, then write the codebook and the city workbooks as one transaction (the
    lock and journal of new-plan: transaction.py)."""
    with transaction.exclusive(paths):  # an interrupted add is finished first, and said
        return _accept(paths, city_id)


def _accept(paths: ProjectPaths, city_id: str | None) -> Accepted:
    taxonomy = load_taxonomy(paths)
    books = sorted(paths.cities.glob("*.xlsx")) if city_id is None else [paths.cities / f"{city_id}.xlsx"]
    if city_id is not None and not books[0].exists():
        raise_if_any([Problem(f"data/raw/cities/{city_id}.xlsx", "no workbook for this city", value=city_id,
                              fix="check --city (the city_id of data/raw/plans.csv)")])
    problems: list[Problem] = []
    accepted = {}
    for path in books:
        shown = f"data/raw/cities/{path.name}"
        sheets = _proposals(path, shown)
        for sheet, df in sheets.items():
            for r in df[~df.status.isin(PROPOSAL_STATUSES)].itertuples():
                problems.append(Problem(shown, "unknown status of a proposal", sheet=sheet, row=r.excel_row,
                                        column="status", value=r.status, expected=" | ".join(PROPOSAL_STATUSES),
                                        fix="write accepted once the row is checked and complete"))
        chosen = {sheet: df[df.status == "accepted"] for sheet, df in sheets.items()}
        if any(len(df) for df in chosen.values()):
            accepted[path] = (shown, chosen)
    raise_if_any(problems)
    result = Accepted()
    if not accepted:
        return result
    book = load_workbook(paths.taxonomy)
    for shown, chosen in accepted.values():
        problems += _check_rows(taxonomy, shown, chosen)
    raise_if_any(problems)
    for shown, chosen in accepted.values():
        _add_to_codebook(book, taxonomy, chosen, result)
    if result.lines() != Accepted().lines():  # the codebook changed (an existing alias adds nothing)
        book["changes"].append([datetime.date.today().isoformat(), "indicators",
                                "accept-proposals: " + "; ".join(result.lines())])
    codebook = _saved(book)
    _check_codebook(codebook)
    outputs = {paths.taxonomy: codebook}
    for path, (shown, chosen) in accepted.items():
        raise_if_any(transaction.open_elsewhere(path, "accept-proposals"))
        outputs[path] = _updated_city_workbook(path, shown, chosen, result)
    transaction.commit(paths, outputs, "accept-proposals", "accept-proposals")
    return result


def _proposals(path: Path, shown: str) -> dict:
    """The proposal sheets of a city workbook (every one, empty when the workbook has none)."""
    book = load_workbook(path, read_only=True)
    present = [s for s in PROPOSAL_SCHEMA if s in book.sheetnames]
    book.close()
    sheets = read_workbook(path, {s: PROPOSAL_SCHEMA[s] for s in present}, shown) if present else {}
    return {s: sheets.get(s, pd.DataFrame(columns=PROPOSAL_SCHEMA[s] + ["excel_row"])) for s in PROPOSAL_SCHEMA}


def _check_rows(taxonomy, shown: str, chosen) -> list[Problem]:
    """The problems of accepted rows that cannot go into the codebook as they are."""
    problems = []
    indicators = taxonomy.table("indicators").set_index("indicator_id")
    units = taxonomy.table("units")
    canonical_units = set(units.canonical_unit) | set(chosen["proposed_units"].canonical_unit)
    agencies = set(taxonomy.table("agencies").agency_id)

    def problem(sheet, r, column, message, value, expected, fix):
        problems.append(Problem(shown, message, sheet=sheet, row=r.excel_row, column=column, value=value,
                                expected=expected, fix=fix))

    for r in chosen["proposed_units"].itertuples():
        for column in ("unit_as_written", "pint_expr", "canonical_unit"):
            if not getattr(r, column):
                problem("proposed_units", r, column, f"an accepted unit needs {column}", "",
                        "e.g. for 万人次: pint_expr '1e4 * item', canonical_unit 'item'", f"fill in {column}")
        if r.unit_as_written in set(units.unit_as_written):
            problem("proposed_units", r, "unit_as_written", "the codebook already has this unit", r.unit_as_written,
                    "a unit the units sheet lacks", "set the row's status back to suggested, or delete it")
    for r in chosen["proposed_indicators"].itertuples():
        sheet = "proposed_indicators"
        if r.indicator_id.startswith(PROPOSED_PREFIX) or not ID.fullmatch(r.indicator_id):
            problem(sheet, r, "indicator_id", "indicator_id is not a final id", r.indicator_id,
                    "ASCII snake_case <what>_<unit suffix> that says what it measures (good_air_days_ratio_pct), "
                    "or an indicator_id of the codebook whose alias the phrase is",
                    "rename it; the quantities rows that carry the proposed id follow")
            continue
        if not r.alias:
            problem(sheet, r, "alias", "an accepted indicator needs its alias", "", "the phrase as the plan writes it",
                    "copy the phrase from the quote")
        if r.indicator_id in indicators.index:
            unit = indicators.at[r.indicator_id, "canonical_unit"]
            if r.canonical_unit and r.canonical_unit != unit:
                problem(sheet, r, "canonical_unit", "the existing indicator has another unit", r.canonical_unit,
                        f"{unit} (indicator {r.indicator_id})",
                        "choose the indicator that measures this, or propose a new one")
            continue
        for column in ("label_zh", "label_en"):
            if not getattr(r, column):
                problem(sheet, r, column, f"a new indicator needs {column}", "", "its label as the codebook writes "
                                                                                 "labels", f"write {column}")
        for column, allowed, expected in (("sector_id", taxonomy.ids("sectors"), "a sector_id of the sectors sheet"),
                                          ("canonical_unit", canonical_units, "a canonical_unit of the units sheet"),
                                          ("measure", set(MEASURES), "level or change"),
                                          ("direction", set(DIRECTIONS), "higher or lower (the more ambitious way)")):
            if getattr(r, column) not in allowed:
                problem(sheet, r, column, f"unknown {column}", getattr(r, column), expected, f"correct {column}")
    for r in chosen["proposed_agencies"].itertuples():
        sheet = "proposed_agencies"
        if r.agency_id not in agencies and not ID.fullmatch(r.agency_id):
            problem(sheet, r, "agency_id", "agency_id is not an id", r.agency_id,
                    "an agency_id of the agencies sheet, or a new one in ASCII snake_case",
                    "write the agency this name stands for")
        elif r.agency_id not in agencies and not (r.label_zh and r.label_en):
            problem(sheet, r, "label_en" if r.label_zh else "label_zh", "a new agency needs label_zh and label_en",
                    "", "the agency's name in both languages", "write both labels, or use an existing agency_id")
    return problems


def _add_to_codebook(book, taxonomy, chosen, result: Accepted) -> None:
    """Append the accepted rows (checked) to the codebook workbook."""
    indicators = set(taxonomy.table("indicators").indicator_id)
    aliases = set(zip(taxonomy.table("indicator_aliases").alias, taxonomy.table("indicator_aliases").indicator_id))
    agencies = set(taxonomy.table("agencies").agency_id)
    converter = UnitConverter(taxonomy)
    for r in chosen["proposed_units"].itertuples():
        book["units"].append([r.unit_as_written, r.pint_expr, r.canonical_unit, _factor(converter, r),
                              r.note or None])
        result.units.append(r.unit_as_written)
    for r in chosen["proposed_indicators"].itertuples():
        if r.indicator_id not in indicators | set(result.indicators):
            book["indicators"].append([r.indicator_id, r.label_zh, r.label_en, r.sector_id, r.canonical_unit,
                                       r.measure, r.direction, r.definition])
            result.indicators.append(r.indicator_id)
        if (r.alias, r.indicator_id) not in aliases | set(result.aliases):
            book["indicator_aliases"].append([r.alias, r.indicator_id])
            result.aliases.append((r.alias, r.indicator_id))
    for r in chosen["proposed_agencies"].itertuples():
        if r.agency_id not in agencies | set(result.agencies):
            book["agencies"].append([r.agency_id, r.label_zh, r.label_en])
            result.agencies.append(r.agency_id)
        book["agency_aliases"].append([r.name_as_written, r.agency_id])
        result.agency_aliases.append((r.name_as_written, r.agency_id))


def _factor(converter: UnitConverter, r):
    """The factor pint computes for a new unit (the units sheet documents it); None when pint cannot, which the
    codebook check then reports with pint's reason."""
    try:
        return float(converter.parse(r.pint_expr).to(converter.parse(r.canonical_unit)).magnitude)
    except PINT_PARSE_ERRORS + (pint.errors.DimensionalityError,):
        return None


def _saved(book) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _check_codebook(codebook: bytes) -> None:
    """Load the new codebook with every check of the build (and pint) before anything is written."""
    with tempfile.TemporaryDirectory() as tmp:
        copy = ProjectPaths(Path(tmp))
        copy.taxonomy.parent.mkdir(parents=True)
        copy.taxonomy.write_bytes(codebook)
        try:
            UnitConverter(load_taxonomy(copy))
        except InputError as err:
            raise InputError([Problem("accept-proposals", f"the codebook would not load with the accepted rows: {p}",
                                      fix="correct the accepted proposal rows (nothing was written)")
                              for p in err.problems]) from None


def _updated_city_workbook(path: Path, shown: str, chosen, result: Accepted) -> bytes:
    """The city workbook with final ids in the quantities rows and the accepted proposals removed."""
    book = load_workbook(path)
    final = {r.proposed_id: (r.indicator_id, r.alias) for r in chosen["proposed_indicators"].itertuples()}
    ws = book["quantities"]
    header = [c.value for c in ws[1]]
    id_col, alias_col = header.index("indicator_id"), header.index("indicator_as_written")
    recoded = 0
    for row in ws.iter_rows(min_row=2):
        if row[id_col].value in final:
            row[id_col].value, row[alias_col].value = final[row[id_col].value]
            recoded += 1
    if recoded:
        result.rows_recoded[shown] = recoded
    for sheet, df in chosen.items():
        for excel_row in sorted(df.excel_row, reverse=True):
            book[sheet].delete_rows(int(excel_row))
    return _saved(book)
