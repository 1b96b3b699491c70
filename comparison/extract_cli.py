"""``python -m comparison extract PATH``: print the suggested quantities and ignored numbers of a plan text.

Reads any text file (UTF-8, or GB18030 detected and said on stderr), parses it like a manifest plan and
prints two readable tables. A missing, empty or undecodable file, or a text without section headings,
is a clear message and exit status 2.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

from .cleaning import clean
from .documents import ParsedDocument
from .extract import extract
from .paths import ProjectPaths
from .structure import StructureError, parse
from .taxonomy import load_taxonomy

QUANTITY_COLUMNS = ["clause_id", "kind", "value", "unit_as_written", "comparator", "target_year", "base_year",
                    "commitment", "indicator_id", "confidence", "quote"]
IGNORED_COLUMNS = ["clause_id", "number", "reason", "quote"]


def read_plan_text(path: Path) -> str:
    """The text of a plan file; raises ValueError with the message to show."""
    if not path.is_file():
        raise ValueError(f"{path}: no such file")
    data = path.read_bytes()
    if not data.strip():
        raise ValueError(f"{path}: the file is empty")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError as err:
            raise ValueError(f"{path}: neither UTF-8 nor GB18030 text (byte {err.start} cannot be decoded); "
                             "convert it to UTF-8") from None
        print(f"{path}: not UTF-8; decoded as GB18030", file=sys.stderr)
    return text.removeprefix("\ufeff")


def run_extract(paths: ProjectPaths, path: str, doc_id: str | None) -> int:
    plan = Path(path)
    try:
        raw = read_plan_text(plan)
    except ValueError as err:
        print(f"extract: {err}", file=sys.stderr)
        return 2
    doc_id = doc_id or plan.stem
    ct = clean(raw)
    try:
        clauses = parse(doc_id, ct)
    except StructureError as err:
        print(f"extract: {plan}: {err}; section headings such as 一、总体要求 must start their own line",
              file=sys.stderr)
        return 2
    doc = ParsedDocument(doc_id, doc_id.split("_")[0], raw, ct, clauses)
    result = extract(doc, load_taxonomy(paths))
    print(f"quantities suggested for {doc_id} ({len(result.quantities)}):")
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
