"""Unit harmonization through pint, driven by the codebook's ``unit_definitions`` and ``units`` sheets.

The Chinese magnitudes (万, 亿), 亩, 吨标准煤 and the count-like units are defined in the codebook, not
here. Counts, multiples and percentage points are base dimensions of their own, so a count never
converts to a percent and a percentage-point change never to a level. Each row of the units sheet is
checked against pint: its pint_expr and canonical_unit must be readable, and its documented factor must
be what pint computes, so the column curators read is the conversion the build applies.
"""
from __future__ import annotations

import math
import tokenize

import pint

from comparison.problems import Problem, raise_if_any
from comparison.curation.taxonomy import Taxonomy

# What pint raises on an expression it cannot read: its own errors (an undefined unit is also an AttributeError),
# the tokenizer's on unbalanced brackets ('1e4 * t)'), a bare assert on an incomplete one ('t +'), and
# arithmetic errors ('1/0 * t').
PINT_PARSE_ERRORS = (pint.errors.PintError, AttributeError, SyntaxError, TypeError, tokenize.TokenError,
                     AssertionError, ArithmeticError)
REGISTRIES_KEPT = 4  # unit registries kept per process, by the codebook's unit definitions
_registries: dict[tuple[str, ...], pint.UnitRegistry] = {}


def _registry(definitions: tuple[str, ...]) -> tuple[pint.UnitRegistry | None, list[tuple[int, str, Exception]]]:
    """pint's registry with the codebook's definitions, and the definitions pint cannot read (their index,
    text, error). Building one parses pint's whole definitions file (most of a validation's time), so a
    process that validates or converts several times reuses the registry of the same definitions: nothing
    changes a registry once built (conversions only read it)."""
    if definitions in _registries:
        return _registries[definitions], []
    registry, failed = pint.UnitRegistry(), []
    for k, definition in enumerate(definitions):
        try:
            registry.define(definition)
        except Exception as err:  # pint raises several types for a bad definition
            failed.append((k, definition, err))
    if failed:
        return None, failed
    while len(_registries) >= REGISTRIES_KEPT:
        del _registries[next(iter(_registries))]
    _registries[definitions] = registry
    return registry, []


class UnitConverter:
    """Convert values written in a plan's units to an indicator's canonical unit."""

    def __init__(self, taxonomy: Taxonomy):
        self.file = taxonomy.file
        self._parsed: dict[str, pint.Quantity] = {}
        rows = list(taxonomy.table("unit_definitions").itertuples())
        self.registry, failed = _registry(tuple(str(r.definition) for r in rows))
        problems = [Problem(self.file, f"pint cannot read this unit definition ({err})", sheet="unit_definitions",
                            row=rows[k].excel_row, column="definition", value=definition,
                            expected="pint syntax, e.g. '万 = 1e4'", fix="correct the definition")
                    for k, definition, err in failed]
        raise_if_any(problems)
        units = taxonomy.table("units")
        self.expressions = dict(zip(units.unit_as_written, units.pint_expr))
        self.rows = dict(zip(units.unit_as_written, units.excel_row))
        for r in units.itertuples():
            problems += self._check_unit(r)
        raise_if_any(problems)

    def _check_unit(self, r) -> list[Problem]:
        """One row of the units sheet: pint reads both expressions and converts with the documented factor."""
        def problem(message, column, **details):
            return Problem(self.file, message, sheet="units", row=r.excel_row, column=column, **details)

        unreadable = []
        for column, example in (("pint_expr", "'1e4 * t'"), ("canonical_unit", "'t'")):
            try:
                self.parse(getattr(r, column))
            except PINT_PARSE_ERRORS as err:
                unreadable.append(problem(f"pint cannot read this unit ({_reason(err)})", column,
                                          value=getattr(r, column), expected=f"a pint expression such as {example}",
                                          fix=f"correct {column}"))
        if unreadable:
            return unreadable
        try:
            pint_factor = self.factor(r.unit_as_written, r.canonical_unit)
        except pint.errors.PintError as err:  # another dimension, or an offset unit such as degC
            return [problem(f"pint_expr cannot be converted to canonical_unit ({err})", "canonical_unit",
                            value=r.canonical_unit, expected=f"a unit of the same kind as {r.pint_expr}",
                            fix="correct canonical_unit or pint_expr")]
        expected = f"{pint_factor:.10g} (1 {r.unit_as_written} = {r.pint_expr} = {pint_factor:.10g} {r.canonical_unit})"
        try:
            factor = float(r.factor)
        except ValueError:
            return [problem("factor is not a number", "factor", value=r.factor, expected=expected,
                            fix="write the factor as a plain number")]
        if not same_number(factor, pint_factor):
            return [problem("factor is not pint's conversion of pint_expr to canonical_unit", "factor", value=r.factor,
                            expected=expected,
                            fix="correct factor, or pint_expr or canonical_unit if the factor is right")]
        return []

    def parse(self, expression: str):
        """The pint quantity of an expression, parsed once (validation and harmonize convert every row)."""
        if expression not in self._parsed:
            self._parsed[expression] = self.registry.parse_expression(expression)
        return self._parsed[expression]

    def quantity(self, value: float, unit_as_written: str):
        return value * self.parse(self.expressions[unit_as_written])

    def known(self, unit_as_written: str) -> bool:
        return unit_as_written in self.expressions

    def convert(self, value: float, unit_as_written: str, canonical_unit: str) -> float:
        """``value`` in ``canonical_unit``; raises pint.DimensionalityError for incompatible units."""
        result = self.quantity(value, unit_as_written).to(self.parse(canonical_unit)).magnitude
        return float(result)

    def factor(self, unit_as_written: str, canonical_unit: str) -> float:
        return self.convert(1.0, unit_as_written, canonical_unit)


def _reason(err: Exception) -> str:
    """pint's reason in words a curator can act on: the tokenizer and a bare assert say nothing useful."""
    if isinstance(err, tokenize.TokenError):
        return "unbalanced brackets"
    return str(err) or "an incomplete expression"


def same_number(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)
