"""Atomic, deterministic file output: write a temporary file beside the target, then rename.

A crash or a validation error never leaves a half-written table in ``data/processed/``.
"""
from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path

import pandas as pd

FORMULA_PREFIXES = ("=", "+", "-", "@")


@contextmanager
def atomic_path(target: Path):
    """Yield a temporary path in the target's folder; rename it onto ``target`` on success."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    try:
        yield Path(tmp)
        os.chmod(tmp, 0o644)  # mkstemp makes files private; outputs are for sharing
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def neutralize_formula(value):
    """Prefix text that a spreadsheet would run as a formula with an apostrophe; numbers pass unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def restore_formula(value):
    """Undo ``neutralize_formula`` when reading our own CSVs back (e.g. the comparator ``=``)."""
    if isinstance(value, str) and len(value) > 1 and value[0] == "'" and value[1] in "=+-@":
        return value[1:]
    return value


def neutralize_frame(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    for col in out.columns:
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col].dtype):
            out[col] = out[col].map(neutralize_formula)
    return out


def write_csv(df: pd.DataFrame, target: Path) -> None:
    """UTF-8 CSV, Unix newlines, formula-safe text cells, written atomically."""
    with atomic_path(target) as tmp:
        neutralize_frame(df).to_csv(tmp, index=False, encoding="utf-8", lineterminator="\n")


def write_text(text: str, target: Path) -> None:
    with atomic_path(target) as tmp:
        Path(tmp).write_text(text, encoding="utf-8")
