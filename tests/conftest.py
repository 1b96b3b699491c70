"""Shared fixtures: the real corpus, one full report on a copy of it, and throwaway copies of the project
for bad-input tests."""
from __future__ import annotations

import shutil
from pathlib import Path

import matplotlib
import pytest

matplotlib.use("Agg")

from comparison.text.documents import parse_corpus  # noqa: E402
from comparison.paths import REPO_ROOT, project_paths  # noqa: E402
from helpers import copy_project, once_per_run, tree_digest  # noqa: E402


@pytest.fixture(scope="session")
def paths():
    return project_paths(REPO_ROOT)


@pytest.fixture(scope="session")
def corpus(paths):
    return parse_corpus(paths)


@pytest.fixture(scope="session")
def real_report(tmp_path_factory):
    """One full report (every notebook, both languages) on a copy of the real corpus, shared by every test
    that inspects a report (and by the workers of a pytest-xdist run); returns the copy's root and the
    digest of its data/raw before the run."""
    folder, before = once_per_run(tmp_path_factory, "real_report", _build_report)
    return folder / "root", before


def _build_report(folder):
    from comparison.report import run_report

    root = folder / "root"
    copy_project(root)
    before = tree_digest(root / "data" / "raw")
    run_report(project_paths(root))
    return before


@pytest.fixture
def project_copy(tmp_path, paths) -> Path:
    """A copy of data/raw in a temporary project folder, safe to break."""
    shutil.copytree(paths.raw, tmp_path / "data" / "raw")
    return tmp_path


@pytest.fixture(autouse=True)
def close_figures():
    yield
    import matplotlib.pyplot as plt

    plt.close("all")
