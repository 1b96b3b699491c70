"""Where things live. Computed from this file's location; importing this module has no side effects.

Set ``CITYCOMPARE_ROOT`` to run the pipeline on another copy of the project layout (the tests and the
benchmark do this with temporary folders).
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
REPO_ROOT = PACKAGE_DIR.parent


@dataclass(frozen=True)
class ProjectPaths:
    root: Path

    @property
    def raw(self) -> Path:
        return self.root / "data" / "raw"

    @property
    def texts(self) -> Path:
        return self.raw / "texts"

    @property
    def manifest(self) -> Path:
        return self.raw / "plans.csv"

    @property
    def taxonomy(self) -> Path:
        return self.raw / "taxonomy.xlsx"

    @property
    def cities(self) -> Path:
        return self.raw / "cities"

    @property
    def processed(self) -> Path:
        return self.root / "data" / "processed"

    @property
    def reports(self) -> Path:
        return self.root / "reports"

    @property
    def figures(self) -> Path:
        return self.reports / "figures"

    @property
    def tables(self) -> Path:
        return self.reports / "tables"

    @property
    def notebooks(self) -> Path:
        return self.root / "notebooks"


def project_paths(root: Path | str | None = None) -> ProjectPaths:
    """The project layout under ``root``, else ``$CITYCOMPARE_ROOT``, else this repository."""
    if root is None:
        root = os.environ.get("CITYCOMPARE_ROOT") or REPO_ROOT
    return ProjectPaths(Path(root).resolve())
