"""The shared bilingual codebook ``data/raw/taxonomy.xlsx``: codes, indicators, units and agencies.

Metadata is data: no list of categories, indicators or unit factors lives in code. Loading checks
the codebook itself (unique ids, parents that exist and form no cycle, aliases that point at real
indicators, indicators standardized to a unit of the units sheet, pillars of a known plan type, synergy
kept to true/false, comparators exactly the codes the code interprets, each with its symbol and labels, every
scope as written in a labelled scope class and one class for a scope not stated,
reliability figures that are numbers in range); units.py checks the pint side.
"""
from __future__ import annotations

import difflib
import math
from dataclasses import dataclass
from functools import cached_property

import pandas as pd

from comparison.curation.city_schema import COMPARATORS
from comparison.text.corpus import PLAN_TYPES
from comparison.paths import ProjectPaths
from comparison.problems import InputError, Problem, raise_if_any
from comparison.curation.workbooks import read_workbook

CODE_SHEETS = {
    "pillars": ["pillar_id", "parent_id", "plan_type", "label_zh", "label_en", "definition", "examples"],
    "sectors": ["sector_id", "parent_id", "label_zh", "label_en", "definition", "examples"],
    "instruments": ["instrument_id", "parent_id", "label_zh", "label_en", "definition", "examples"],
}
SCHEMA = {
    **CODE_SHEETS,
    "synergy": ["synergy", "label_zh", "label_en", "definition", "examples"],
    "indicators": ["indicator_id", "label_zh", "label_en", "sector_id", "canonical_unit", "measure", "direction",
                   "definition"],
    "indicator_aliases": ["alias", "indicator_id"],
    "units": ["unit_as_written", "pint_expr", "canonical_unit", "factor", "note"],
    "unit_definitions": ["name", "definition", "note"],
    "agencies": ["agency_id", "label_zh", "label_en"],
    "agency_aliases": ["name_as_written", "agency_id"],
    "ignore_reasons": ["reason_id", "label_zh", "label_en", "definition"],
    "comparators": ["comparator", "symbol", "label_zh", "label_en", "wording_zh", "definition"],
    "commitments": ["commitment", "definition"],
    "scope_classes": ["scope_class", "label_zh", "label_en", "definition", "unstated"],
    "scopes": ["scope_as_written", "scope_class"],
    "reliability": ["dimension", "n_sentences", "share_of_coded", "kappa", "agreement"],
}
# Which codebook sheet labels a code column of the processed tables, and a priorities dimension.
CODE_COLUMN_SHEETS = {"pillar_id": "pillars", "pillar_group_id": "pillars", "sector_id": "sectors",
                      "instrument_id": "instruments", "instrument_type_id": "instruments", "comparator": "comparators",
                      "scope_class": "scope_classes"}
DIMENSION_SHEETS = {"pillar_group": "pillars", "sector": "sectors", "instrument": "instruments",
                    "instrument_type": "instruments"}
MEASURES = ("level", "change")
SYNERGY_CODES = ("true", "false")
RELIABILITY_DIMENSIONS = ("sector", "instrument", "synergy")
RELIABILITY_RANGES = {"n_sentences": (0, math.inf), "share_of_coded": (0, 1), "kappa": (-1, 1), "agreement": (0, 1)}
DIRECTIONS = ("higher", "lower")


@dataclass
class Taxonomy:
    sheets: dict[str, pd.DataFrame]
    file: str

    def table(self, name: str) -> pd.DataFrame:
        return self.sheets[name]

    def ids(self, sheet: str) -> set[str]:
        return set(self.sheets[sheet].iloc[:, 0])

    def leaf_ids(self, sheet: str) -> set[str]:
        """Codes that no other code names as parent: the ones a sentence is coded with."""
        df = self.sheets[sheet]
        return set(df.iloc[:, 0]) - set(df.parent_id)

    def labels(self, sheet: str, lang: str) -> dict[str, str]:
        df = self.sheets[sheet]
        return dict(zip(df.iloc[:, 0], df[f"label_{lang}"]))

    def indicator(self, indicator_id: str) -> pd.Series:
        return self.sheets["indicators"].set_index("indicator_id").loc[indicator_id]

    def aliases_of(self, indicator_id: str) -> set[str]:
        return set(self._aliases.get(indicator_id, ()))

    @cached_property
    def _aliases(self) -> dict[str, set[str]]:
        """indicator_id → its aliases, grouped once (validation asks for every quantity row)."""
        a = self.sheets["indicator_aliases"]
        out: dict[str, set[str]] = {}
        for alias, indicator_id in zip(a.alias, a.indicator_id):
            out.setdefault(indicator_id, set()).add(alias)
        return out

    def closest_indicators(self, phrase: str, n: int = 3) -> list[str]:
        """Indicator ids whose aliases or labels read most like ``phrase``, to help a curator."""
        a = self.sheets["indicator_aliases"]
        i = self.sheets["indicators"]
        names = list(a.alias) + list(i.label_zh) + list(i.indicator_id)
        ids = list(a.indicator_id) + list(i.indicator_id) + list(i.indicator_id)
        scored = sorted(((difflib.SequenceMatcher(None, phrase, name).ratio(), ids[k]) for k, name in enumerate(names)),
                        reverse=True)
        out: list[str] = []
        for _, ind in scored:
            if ind not in out:
                out.append(ind)
            if len(out) == n:
                break
        return out

    def scope_class_of(self) -> dict[str, str]:
        """Scope as written → its scope class; the empty scope (not stated) → the class marked unstated."""
        classes = self.sheets["scope_classes"]
        scopes = self.sheets["scopes"]
        unstated = classes.scope_class[classes.unstated == "true"]
        return {"": unstated.iloc[0], **dict(zip(scopes.scope_as_written, scopes.scope_class))}

    def agency_of(self) -> dict[str, str]:
        a = self.sheets["agency_aliases"]
        return dict(zip(a.name_as_written, a.agency_id))


def load_taxonomy(paths: ProjectPaths) -> Taxonomy:
    shown = "data/raw/taxonomy.xlsx"
    try:
        sheets = read_workbook(paths.taxonomy, SCHEMA, shown)
    except InputError:
        raise
    except Exception as err:  # noqa: BLE001 - a damaged file (zipfile, XML, openpyxl), as for city workbooks
        raise InputError([Problem(shown, f"the workbook cannot be read ({type(err).__name__}: {err})",
                                  fix="open and save it again in Excel as .xlsx, or restore it from git")]) from None
    raise_if_any(_check(sheets, shown))
    return Taxonomy(sheets, shown)


def _check(sheets: dict[str, pd.DataFrame], shown: str) -> list[Problem]:
    problems = []
    for sheet, df in sheets.items():
        key = df.columns[0]
        if sheet in ("indicator_aliases", "agency_aliases"):
            dup = df[df.duplicated(list(df.columns[:2]), keep="first")]
        else:
            dup = df[df.duplicated(key, keep="first")]
        for r in dup.itertuples():
            problems.append(Problem(shown, "duplicate id", sheet=sheet, row=r.excel_row, column=key,
                                    value=getattr(r, key), expected="each id once", fix="remove or rename the duplicate"))
        for r in df[df[key] == ""].itertuples():
            problems.append(Problem(shown, "empty id", sheet=sheet, row=r.excel_row, column=key,
                                    fix="fill in the id or delete the row"))
    for sheet in CODE_SHEETS:
        df = sheets[sheet]
        ids = set(df.iloc[:, 0])
        for r in df[(df.parent_id != "") & ~df.parent_id.isin(ids)].itertuples():
            problems.append(Problem(shown, "parent code does not exist", sheet=sheet, row=r.excel_row,
                                    column="parent_id", value=r.parent_id, expected="an id of this sheet",
                                    fix="add the parent code or correct parent_id"))
        parent = dict(zip(df.iloc[:, 0], df.parent_id))
        for r in df.itertuples():
            cycle = _own_ancestry(getattr(r, df.columns[0]), parent)
            if cycle:
                problems.append(Problem(shown, f"the code is its own ancestor ({' → '.join(cycle)})", sheet=sheet,
                                        row=r.excel_row, column="parent_id", value=r.parent_id,
                                        expected="parents that lead up to a top-level code (one with no parent_id)",
                                        fix="correct parent_id so that no code is its own parent or ancestor"))
        for col in ("label_zh", "label_en", "definition"):
            for r in df[df[col] == ""].itertuples():
                problems.append(Problem(shown, f"every code needs {col}", sheet=sheet, row=r.excel_row, column=col,
                                        fix=f"write the {col} of this code"))
    pillar_plan_types = (*PLAN_TYPES, "both")
    for r in sheets["pillars"].itertuples():
        if r.plan_type not in pillar_plan_types:
            problems.append(Problem(shown, "unknown plan_type of a pillar", sheet="pillars", row=r.excel_row,
                                    column="plan_type", value=r.plan_type, expected=" | ".join(pillar_plan_types),
                                    fix="write the plan type whose sections this pillar codes (both: either type)"))
    for r in sheets["synergy"].itertuples():
        if r.synergy not in SYNERGY_CODES:
            problems.append(Problem(shown, "synergy is a yes/no code", sheet="synergy", row=r.excel_row,
                                    column="synergy", value=r.synergy, expected=" | ".join(SYNERGY_CODES),
                                    fix="keep the two rows true and false; describe finer distinctions in "
                                        "their definitions"))
    for code in [c for c in SYNERGY_CODES if c not in set(sheets["synergy"].synergy)]:
        problems.append(Problem(shown, f"no row for synergy {code}", sheet="synergy", column="synergy",
                                expected=" and ".join(SYNERGY_CODES), fix=f"add the row {code} with its labels "
                                                                          "and definition"))
    problems += _check_comparators(sheets["comparators"], shown)
    problems += _check_scopes(sheets["scope_classes"], sheets["scopes"], shown)
    problems += _check_reliability(sheets["reliability"], shown)
    problems += _check_units(sheets["units"], shown)
    ind = sheets["indicators"]
    sectors = set(sheets["sectors"].sector_id)
    canonical_units = set(sheets["units"].canonical_unit) - {""}
    listed = " | ".join(sorted(canonical_units))
    for col in ("label_zh", "label_en"):
        for r in ind[ind[col] == ""].itertuples():
            problems.append(Problem(shown, f"every indicator needs {col}", sheet="indicators", row=r.excel_row,
                                    column=col, fix=f"write the {col} of this indicator"))
    for r in ind.itertuples():
        if r.canonical_unit == "":
            problems.append(Problem(shown, "every indicator needs canonical_unit", sheet="indicators",
                                    row=r.excel_row, column="canonical_unit",
                                    expected=f"a canonical_unit of the units sheet: {listed}",
                                    fix="write the unit this indicator's values are standardized to"))
        elif r.canonical_unit not in canonical_units:
            problems.append(Problem(shown, "not a canonical unit of the units sheet", sheet="indicators",
                                    row=r.excel_row, column="canonical_unit", value=r.canonical_unit,
                                    expected=f"a canonical_unit of the units sheet, spelled as there: {listed}",
                                    fix="use one of these, or add the unit to the units sheet first"))
        if r.sector_id not in sectors:
            problems.append(Problem(shown, "unknown sector", sheet="indicators", row=r.excel_row, column="sector_id",
                                    value=r.sector_id, expected="a sector_id of the sectors sheet",
                                    fix="use an existing sector or add it to the sectors sheet"))
        if r.measure not in MEASURES:
            problems.append(Problem(shown, "unknown measure", sheet="indicators", row=r.excel_row, column="measure",
                                    value=r.measure, expected=" | ".join(MEASURES), fix="use level or change"))
        if r.direction not in DIRECTIONS:
            problems.append(Problem(shown, "unknown direction", sheet="indicators", row=r.excel_row,
                                    column="direction", value=r.direction, expected=" | ".join(DIRECTIONS),
                                    fix="say which way is more ambitious: higher or lower"))
    indicator_ids = set(ind.indicator_id)
    for r in sheets["indicator_aliases"].itertuples():
        if r.indicator_id not in indicator_ids:
            problems.append(Problem(shown, "alias of an unknown indicator", sheet="indicator_aliases",
                                    row=r.excel_row, column="indicator_id", value=r.indicator_id,
                                    expected="an indicator_id of the indicators sheet",
                                    fix="add the indicator or correct the id"))
    agencies = set(sheets["agencies"].agency_id)
    for r in sheets["agency_aliases"].itertuples():
        if r.agency_id not in agencies:
            problems.append(Problem(shown, "alias of an unknown agency", sheet="agency_aliases", row=r.excel_row,
                                    column="agency_id", value=r.agency_id, expected="an agency_id of the agencies sheet",
                                    fix="add the agency or correct the id"))
    return problems


def _check_comparators(df: pd.DataFrame, shown: str) -> list[Problem]:
    """The comparator codes validation and the analyses interpret (eq ge gt le lt approx), each labelled."""
    problems = []
    listed = " | ".join(COMPARATORS)
    for r in df[~df.comparator.isin(COMPARATORS) & (df.comparator != "")].itertuples():
        problems.append(Problem(shown, "unknown comparator code", sheet="comparators", row=r.excel_row,
                                column="comparator", value=r.comparator, expected=listed,
                                fix="keep the six codes; put a symbol such as ≥ in the symbol column"))
    for code in [c for c in COMPARATORS if c not in set(df.comparator)]:
        problems.append(Problem(shown, f"no row for comparator {code}", sheet="comparators", column="comparator",
                                expected=listed, fix=f"add the row {code} with its symbol and labels"))
    for col in ("symbol", "label_zh", "label_en"):
        for r in df[df[col] == ""].itertuples():
            problems.append(Problem(shown, f"every comparator needs {col}", sheet="comparators", row=r.excel_row,
                                    column=col, fix=f"write the {col} of this comparator"))
    return problems


def _check_scopes(classes: pd.DataFrame, scopes: pd.DataFrame, shown: str) -> list[Problem]:
    """Every scope as written in a known class; each class labelled; one class for a scope not stated."""
    problems = []
    for col in ("label_zh", "label_en", "definition"):
        for r in classes[classes[col] == ""].itertuples():
            problems.append(Problem(shown, f"every scope class needs {col}", sheet="scope_classes", row=r.excel_row,
                                    column=col, fix=f"write the {col} of this scope class"))
    for r in classes[~classes.unstated.isin(SYNERGY_CODES)].itertuples():
        problems.append(Problem(shown, "unstated is a yes/no column", sheet="scope_classes", row=r.excel_row,
                                column="unstated", value=r.unstated, expected=" | ".join(SYNERGY_CODES),
                                fix="true for the one class a quantity without a stated scope belongs to"))
    marked = classes[classes.unstated == "true"]
    if len(marked) != 1:
        problems.append(Problem(shown, "exactly one scope class is the class of a scope not stated",
                                sheet="scope_classes", column="unstated",
                                value=", ".join(marked.scope_class) or "none", expected="one row with unstated true",
                                fix="mark the class a plan's unstated scope means (its whole city) true, "
                                    "the others false"))
    known = set(classes.scope_class)
    for r in scopes[~scopes.scope_class.isin(known)].itertuples():
        problems.append(Problem(shown, "scope of an unknown scope class", sheet="scopes", row=r.excel_row,
                                column="scope_class", value=r.scope_class,
                                expected="a scope_class of the scope_classes sheet",
                                fix="add the class to scope_classes or correct the scope_class"))
    return problems


def _check_reliability(df: pd.DataFrame, shown: str) -> list[Problem]:
    """The agreement of the blind second coding: counts and shares as numbers in their ranges."""
    problems = []
    for r in df.itertuples():
        if r.dimension not in RELIABILITY_DIMENSIONS:
            problems.append(Problem(shown, "unknown dimension", sheet="reliability", row=r.excel_row,
                                    column="dimension", value=r.dimension,
                                    expected=" | ".join(RELIABILITY_DIMENSIONS), fix="use one of these"))
        for column, (low, high) in RELIABILITY_RANGES.items():
            text = getattr(r, column)
            try:
                number = float(text)
            except ValueError:
                number = math.nan
            whole = column != "n_sentences" or number.is_integer()
            if not (low <= number <= high and whole):
                problems.append(Problem(shown, f"{column} is not a number in its range", sheet="reliability",
                                        row=r.excel_row, column=column, value=text,
                                        expected="a whole number, 0 or more" if column == "n_sentences"
                                        else f"a number from {low:g} to {high:g}",
                                        fix="write the value computed from data/raw/reliability.xlsx "
                                            "(tests/test_curation.py recomputes it)"))
    return problems


def _own_ancestry(code: str, parent: dict[str, str]) -> list[str]:
    """The chain code → parent → … → code if a code is its own ancestor (its roll-up would never end), else []."""
    chain = [code]
    up = parent.get(code, "")
    while up and up not in chain:
        chain.append(up)
        up = parent.get(up, "")
    return chain + [code] if up == code else []


def _check_units(units: pd.DataFrame, shown: str) -> list[Problem]:
    """Every unit says what it means to pint and what it converts to; a blank pint_expr would read as 1."""
    problems = []
    for col, fix in (("pint_expr", "write the unit in pint's syntax, e.g. '1e4 * t' for 万吨"),
                     ("canonical_unit", "write the unit it converts to, e.g. 't' for 万吨")):
        for r in units[units[col] == ""].itertuples():
            problems.append(Problem(shown, f"every unit needs {col}", sheet="units", row=r.excel_row, column=col,
                                    fix=fix))
    return problems
