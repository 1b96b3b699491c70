"""What a reader needs to know which data a report shows: its date, commit, package version and plans.

The report is deterministic (same inputs, same bytes), so its date is never the wall-clock time of the
run. It is, in this order: ``SOURCE_DATE_EPOCH`` when set (the reproducible-builds convention for an
explicit build date); the commit date when the project is a clean git checkout; otherwise the newest date
written in the inputs (a plan's date of issue, a codebook change).
"""
from __future__ import annotations

import datetime as dt
import os
import subprocess
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import pandas as pd

from comparison.curation.workbooks import read_workbook
from comparison.paths import ProjectPaths

# Inputs and code a commit describes; a change under any of them means the commit alone does not.
TRACKED = ("data/raw", "notebooks", "comparison")


@dataclass(frozen=True)
class BuildInfo:
    date: str        # YYYY-MM-DD
    date_basis: str  # "source_date_epoch" | "commit" | "inputs"
    commit: str      # full hash, "" outside git
    dirty: bool      # inputs or code differ from the commit
    version: str


def newest_input_date(paths: ProjectPaths, plans: pd.DataFrame) -> str:
    """The latest ISO date among the plans' dates of issue and the codebook's changes sheet ("" if none)."""
    dates = [str(d) for d in plans.get("issued", pd.Series(dtype=str)).dropna() if str(d).strip()]
    try:
        changes = read_workbook(paths.taxonomy, {"changes": ["date"]}, "data/raw/taxonomy.xlsx")["changes"]
        dates += [str(d)[:10] for d in changes.date.dropna()]
    except Exception:  # noqa: BLE001 - a codebook without a changes sheet still has its plans' dates
        pass
    valid = [d for d in dates if _is_iso_date(d)]
    return max(valid, default="")


def _is_iso_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
        return True
    except ValueError:
        return False


def _git(root: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, timeout=20)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.stdout.strip() if done.returncode == 0 else None


def git_state(root: Path) -> tuple[str, str, bool]:
    """(commit, commit date, dirty) when ``root`` is the top of a git work tree, else ("", "", False)."""
    top = _git(root, "rev-parse", "--show-toplevel")
    if not top or Path(top).resolve() != Path(root).resolve():
        return "", "", False
    commit = _git(root, "rev-parse", "HEAD") or ""
    when = (_git(root, "show", "-s", "--format=%cI", "HEAD") or "")[:10]
    status = _git(root, "status", "--porcelain", "--untracked-files=all", "--", *TRACKED)
    return commit, when, bool(status)


def package_version() -> str:
    try:
        return metadata.version("comparison")
    except metadata.PackageNotFoundError:
        return "unknown"


def build_info(paths: ProjectPaths, plans: pd.DataFrame, environ=os.environ) -> BuildInfo:
    commit, commit_date, dirty = git_state(paths.root)
    epoch = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        date = dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date().isoformat()
        basis = "source_date_epoch"
    elif commit and commit_date and not dirty:
        date, basis = commit_date, "commit"
    else:
        date, basis = newest_input_date(paths, plans), "inputs"
    return BuildInfo(date=date, date_basis=basis, commit=commit, dirty=dirty, version=package_version())
