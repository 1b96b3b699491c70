"""Unit harmonization through pint, driven by the codebook's ``unit_definitions`` and ``units`` sheets.

The Chinese magnitudes (万, 亿), 亩, 吨标准煤 and the count-like units are defined in the codebook, not
here. Counts, multiples and percentage points are base dimensions of their own, so a count never
converts to a percent and a percentage-point change never to a level.
"""
from __future__ import annotations

import math

import pint

from .problems import Problem, raise_if_any
from .taxonomy import Taxonomy


class UnitConverter:
    """Convert values written in a plan's units to an indicator's canonical unit."""

    def __init__(self, taxonomy: Taxonomy):
        self.file = taxonomy.file
        self.registry = pint.UnitRegistry()
        self._parsed: dict[str, pint.Quantity] = {}
        problems = []
        for r in taxonomy.table("unit_definitions").itertuples():
            try:
                self.registry.define(r.definition)
            except Exception as err:  # pint raises several types for a bad definition
                problems.append(Problem(self.file, f"pint cannot read this unit definition ({err})",
                                        sheet="unit_definitions", row=r.excel_row, column="definition",
                                        value=r.definition, expected="pint syntax, e.g. '万 = 1e4'",
                                        fix="correct the definition"))
        raise_if_any(problems)
        units = taxonomy.table("units")
        self.expressions = dict(zip(units.unit_as_written, units.pint_expr))
        self.rows = dict(zip(units.unit_as_written, units.excel_row))
        for r in units.itertuples():
            try:
                self.quantity(1, r.unit_as_written)
                self.parse(r.canonical_unit)
            except (pint.errors.PintError, AttributeError, SyntaxError, TypeError) as err:
                problems.append(Problem(self.file, f"pint cannot read this unit ({err})", sheet="units",
                                        row=r.excel_row, column="pint_expr", value=r.pint_expr,
                                        expected="a pint expression such as '1e4 * t'", fix="correct pint_expr"))
        raise_if_any(problems)

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


def same_number(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)
