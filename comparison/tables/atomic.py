"""Atomic, deterministic file output: write a temporary file beside the target, then rename.

A crash or a validation error never leaves a half-written table in ``data/processed/``; a set of files
written together (the build's tables and comparison.xlsx) is renamed into place only once every one of
them is written, so a failure leaves the old set whole. A temporary file is locked while it is written;
one left by a killed run (``.<name>.<random>.tmp``, no longer locked) is removed by the next write of
its target.
"""
from __future__ import annotations

import csv
import errno
import fcntl
import glob
import os
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

import pandas as pd

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
STALE_SECONDS = 10  # a tab or CR first: spreadsheets skip it and run the rest


@contextmanager
def atomic_paths():
    """Yield ``reserve(target) -> temporary path``; every reserved path is renamed onto its target once the
    block has finished without an error, none otherwise."""
    reserved: list[tuple[int, Path, Path]] = []

    def reserve(target: Path) -> Path:
        target = Path(target)
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.is_dir():  # found now, before any file of the set is renamed
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(target))
        remove_stale(target)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        reserved.append((fd, Path(tmp), target))
        fcntl.flock(fd, fcntl.LOCK_EX)  # in use: another run's clean-up leaves it alone
        return Path(tmp)

    try:
        yield reserve
        for _, tmp, target in reserved:
            os.chmod(tmp, 0o644)  # mkstemp makes files private; outputs are for sharing
            os.replace(tmp, target)
    finally:
        for fd, tmp, _ in reserved:
            os.close(fd)
            if tmp.exists():
                tmp.unlink()


@contextmanager
def atomic_path(target: Path):
    """Yield a temporary path in the target's folder; rename it onto ``target`` on success."""
    with atomic_paths() as reserve:
        yield reserve(target)


def remove_stale(target: Path) -> None:
    """Remove the temporary files of ``target`` that killed runs left: those no run holds locked, at least
    STALE_SECONDS old (a file another run has just created is locked a moment later)."""
    for name in glob.glob(glob.escape(str(Path(target).parent / f".{Path(target).name}.")) + "*.tmp"):
        try:
            if time.time() - os.stat(name).st_mtime < STALE_SECONDS:
                continue
            fd = os.open(name, os.O_RDONLY)
        except OSError:
            continue
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            os.unlink(name)
        except OSError:  # locked: another run is writing it (or it is already gone)
            pass
        finally:
            os.close(fd)


def neutralize_formula(value):
    """Prefix text that a spreadsheet would run as a formula with an apostrophe; numbers pass unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def restore_formula(value):
    """Undo ``neutralize_formula`` when reading our own CSVs back (e.g. the comparator ``=``)."""
    if isinstance(value, str) and len(value) > 1 and value[0] == "'" and value[1] in "=+-@\t\r":
        return value[1:]
    return value


def neutralize_frame(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    for col in out.columns:
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col].dtype):
            out[col] = out[col].map(neutralize_formula)
    return out


def write_csv(df: pd.DataFrame, target: Path, reserve=None) -> None:
    """UTF-8 CSV, Unix newlines, formula-safe text cells, written atomically (with ``reserve`` of
    ``atomic_paths``: together with the other files of the set).

    A table holding a carriage return is written with every cell quoted: csv quotes a field holding the
    line ending it writes (\\n) but not a lone \\r, which readers take for the end of a row.
    """
    out = neutralize_frame(df)
    quoting = csv.QUOTE_ALL if _holds_carriage_return(out) else csv.QUOTE_MINIMAL
    if reserve is not None:
        out.to_csv(reserve(target), index=False, encoding="utf-8", lineterminator="\n", quoting=quoting)
        return
    with atomic_path(target) as tmp:
        out.to_csv(tmp, index=False, encoding="utf-8", lineterminator="\n", quoting=quoting)


def _holds_carriage_return(df: pd.DataFrame) -> bool:
    for col in df.columns:
        values = df[col]
        if values.dtype == object or pd.api.types.is_string_dtype(values.dtype):
            try:
                found = values.str.contains("\r", regex=False, na=False).any()
            except (AttributeError, TypeError):  # no text at all in the column
                found = values.map(lambda v: isinstance(v, str) and "\r" in v).any()
            if found:
                return True
    return False


def write_text(text: str, target: Path, reserve=None) -> None:
    if reserve is not None:
        Path(reserve(target)).write_text(text, encoding="utf-8")
        return
    with atomic_path(target) as tmp:
        Path(tmp).write_text(text, encoding="utf-8")
