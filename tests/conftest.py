"""Shared fixtures: the real corpus, one full report on a copy of it with a sixth plan added and reviewed,
and throwaway copies of the project for bad-input tests."""
from __future__ import annotations

import shutil
from pathlib import Path

import matplotlib
import pytest

matplotlib.use("Agg")

from comparison.text.documents import parse_corpus  # noqa: E402
from comparison.paths import REPO_ROOT, project_paths  # noqa: E402
from helpers import SHILI_ARGS, SHILI_WORKBOOK, accept_all, copy_project, once_per_run, quietly, tree_digest  # noqa: E402


@pytest.fixture(scope="session")
def paths():
    return project_paths(REPO_ROOT)


@pytest.fixture(scope="session")
def corpus(paths):
    return parse_corpus(paths)


@pytest.fixture(scope="session")
def sixth_plan(tmp_path_factory):
    """A copy of the project with a sixth plan added by new-plan (tests/fixtures/shili_2023.txt, a
    fictitious plan), its rows as new-plan suggested them: the start of both end-to-end reports. Returns
    the folder (data/raw, notebooks) and new-plan's [exit code, stderr]."""
    folder, added = once_per_run(tmp_path_factory, "sixth_plan", _add_sixth_plan)
    return folder / "root", added


def _add_sixth_plan(folder):
    root = folder / "root"
    copy_project(root)
    return quietly(["--root", str(root), "new-plan", *SHILI_ARGS])


@pytest.fixture(scope="session")
def real_report(tmp_path_factory, sixth_plan):
    """One full report (every notebook, both languages) on a copy of the real corpus with the sixth plan
    added and reviewed (every suggested row accepted, as a curator does after checking it): what a
    researcher's project is after adding a city. Shared by every test that inspects a report (and by the
    workers of a pytest-xdist run); returns the copy's root and the digest of its data/raw before the run."""
    folder, before = once_per_run(tmp_path_factory, "real_report", lambda f: _build_report(f, sixth_plan[0]))
    return folder / "root", before


def _build_report(folder, start):
    from comparison.report import run_report

    root = folder / "root"
    shutil.copytree(start, root)
    accept_all(root / SHILI_WORKBOOK)
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
