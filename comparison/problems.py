"""User-facing errors: every problem names where it is, what was found, what was expected and the fix.

The pipeline collects problems instead of raising on the first one, so a curator sees every mistake in
a workbook at once; the CLI prints them and exits non-zero, never with a traceback.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    file: str
    message: str
    sheet: str = ""
    row: int | None = None
    column: str = ""
    value: object = ""
    expected: str = ""
    fix: str = ""
    doc_id: str = ""  # the plan a problem without a row is about (a preview tells a new plan's from the others)

    def __str__(self) -> str:
        where = self.file
        if self.sheet:
            where += f", sheet '{self.sheet}'"
        if self.row is not None:
            where += f", row {self.row}"
        if self.column:
            where += f", column '{self.column}'"
        parts = [f"{where}: {self.message}"]
        if self.value not in ("", None):
            parts.append(f"found: {self.value!r}")
        if self.expected:
            parts.append(f"expected: {self.expected}")
        if self.fix:
            parts.append(f"fix: {self.fix}")
        return "\n    ".join(parts)


class InputError(Exception):
    """One or more problems in the project's inputs; ``str()`` lists them all."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__(self.report())

    def report(self) -> str:
        n = len(self.problems)
        head = f"{n} problem{'s' if n != 1 else ''} found in the inputs:"
        return "\n".join([head] + [f"  - {p}" for p in self.problems])


def raise_if_any(problems: list[Problem]) -> None:
    if problems:
        raise InputError(problems)
