"""Where things live. Computed from this file's location; importing this module has no side effects.

Set ``CITYCOMPARE_ROOT`` to run the pipeline on another copy of the project layout (the tests and the
benchmark do this with temporary folders).
"""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, replace
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
REPO_ROOT = PACKAGE_DIR.parent


@dataclass(frozen=True)
class ProjectPaths:
    root: Path
    selection: tuple[str, ...] = ()  # e.g. ("docs=jiaozuo_2021+nanping_2021",): a run on part of the data

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
    def outputs(self) -> Path:
        """Where figures and tables go: ``reports/``, or for a notebook run on part of the data (some plans,
        one indicator) ``reports/selections/<selection>/``, so exploring never replaces a full figure."""
        return self.reports / "selections" / ",".join(self.selection) if self.selection else self.reports

    def selecting(self, key: str, values) -> "ProjectPaths":
        """These paths with outputs narrowed to ``key`` = ``values`` (e.g. "docs", the chosen doc_ids)."""
        return replace(self, selection=(*self.selection, f"{key}={selection_name(values)}"))

    @property
    def figures(self) -> Path:
        return self.outputs / "figures"

    @property
    def tables(self) -> Path:
        return self.outputs / "tables"

    @property
    def notebooks(self) -> Path:
        return self.root / "notebooks"


def project_paths(root: Path | str | None = None) -> ProjectPaths:
    """The project layout under ``root``, else ``$CITYCOMPARE_ROOT``, else this repository."""
    if root is None:
        root = os.environ.get("CITYCOMPARE_ROOT") or REPO_ROOT
    return ProjectPaths(Path(root).resolve())


def selection_name(values) -> str:
    """A folder name for a set of ids: sorted and joined by '+', or for a long list '<n>_items_<hash>'
    (file names have a length limit); the same set always gives the same name."""
    ids = sorted(set(map(str, values)))
    joined = "+".join(ids)
    if len(joined) <= 100:
        return joined
    return f"{len(ids)}_items_{hashlib.sha256(joined.encode()).hexdigest()[:12]}"
