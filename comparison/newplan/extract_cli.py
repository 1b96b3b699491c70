"""``python -m comparison extract PATH``: print the suggested quantities and ignored numbers of a plan text.

Reads any text file (UTF-8, or GB18030 detected and said on stderr), parses it like a manifest plan and
prints two readable tables. A missing, empty or undecodable file, or a text without section headings,
is a clear message and exit status 2.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

from comparison.newplan.extract import extract
from comparison.paths import ProjectPaths
from comparison.text.plantext import read_plan_text
from comparison.curation.taxonomy import load_taxonomy

QUANTITY_COLUMNS = ["clause_id", "kind", "value", "unit_as_written", "comparator", "target_year", "base_year",
                    "commitment", "indicator_id", "confidence", "quote"]
IGNORED_COLUMNS = ["clause_id", "number", "reason", "quote"]


def run_extract(paths: ProjectPaths, path: str, doc_id: str | None) -> int:
    """Print the tables; an unreadable text raises InputError (the CLI prints it and exits 2)."""
    plan = read_plan_text(Path(path), doc_id or Path(path).stem, (doc_id or Path(path).stem).split("_")[0])
    if plan.encoding != "utf-8":
        print(f"{path}: not UTF-8; decoded as {plan.encoding}", file=sys.stderr)
    for note in plan.notes:
        print(f"{path}: {note}", file=sys.stderr)
    result = extract(plan.doc, load_taxonomy(paths))
    print(f"quantities suggested for {plan.doc.doc_id} ({len(result.quantities)}):")
    print(_table(result.quantities[QUANTITY_COLUMNS]))
    print(f"\nignored numbers ({len(result.ignored)}):")
    print(_table(result.ignored[IGNORED_COLUMNS]))
    return 0


def _table(df: pd.DataFrame) -> str:
    if df.empty:
        return "  (none)"
    shown = df.copy()
    for col in ("quote",):
        shown[col] = shown[col].str.replace("\n", "⏎", regex=False)
    with pd.option_context("display.width", 250, "display.max_rows", None, "display.max_colwidth", 60):
        return shown.to_string(index=False)
