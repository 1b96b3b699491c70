"""The preview (``build --allow-suggested``): what new-plan wrote always builds.

A problem in a row still marked ``suggested`` is a warning, not an error, and the row is left out of the
tables and figures (a row that fails a check cannot be harmonized safely: its indicator, unit, code or
quote is not known to be right); so is a problem without a row (a number not accounted for, a sentence
left uncoded) in a plan that still has suggested rows. Curated rows keep their hard errors. The counts of
rows left out are reported with the warnings.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from comparison.problems import Problem


@dataclass
class Preview:
    warnings: list[Problem] = field(default_factory=list)
    left_out: dict[tuple[str, str], int] = field(default_factory=dict)  # (where, what) → how many left out

    def summary(self) -> list[str]:
        """Lines for the terminal: the count, each warning, and what was left out of the tables."""
        if not self.warnings:
            return []
        lines = [f"preview: {len(self.warnings)} problem{'s' if len(self.warnings) != 1 else ''} of plans under "
                 "review (warnings: fix them while reviewing; they stop the build once the rows are curated):"]
        lines += [f"  - {p}" for p in self.warnings]
        if self.left_out:
            parts = [f"{n} {what} ({where})" for (where, what), n in self.left_out.items()]
            lines.append(f"preview: left out of the tables and figures: {', '.join(parts)}")
        return lines


def split(problems: list[Problem], data: dict[str, pd.DataFrame], unreviewed_docs: set[str]
          ) -> tuple[list[Problem], Preview, dict[str, pd.DataFrame]]:
    """(errors, the preview's warnings and counts, the rows kept) from every problem of the city workbooks."""
    suggested = set()
    for sheet, df in data.items():
        rows = df[df.status == "suggested"]
        suggested |= set(zip(rows.file, rows.sheet, rows.excel_row))
    errors, preview, left_out = [], Preview(), set()
    for p in problems:
        key = (p.file, p.sheet, p.row)
        if key in suggested:
            preview.warnings.append(p)
            left_out.add(key)
        elif p.row is None and p.doc_id and p.doc_id in unreviewed_docs:
            preview.warnings.append(p)
        else:
            errors.append(p)
    kept = {}
    for sheet, df in data.items():
        out = pd.Series([k in left_out for k in zip(df.file, df.sheet, df.excel_row)], index=df.index, dtype=bool)
        for book, n in df[out].groupby("file").size().items():
            preview.left_out[(book, f"{sheet} rows")] = int(n)
        kept[sheet] = df[~out]
    return errors, preview, kept
