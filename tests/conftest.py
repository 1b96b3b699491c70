"""Shared fixtures: the real corpus, one full report on a copy of it, and throwaway copies of the project
for bad-input tests."""
from __future__ import annotations

import fcntl
import json
import os
import shutil
from pathlib import Path

import matplotlib
import pytest

matplotlib.use("Agg")

from comparison.text.documents import parse_corpus  # noqa: E402
from comparison.paths import REPO_ROOT, project_paths  # noqa: E402
from helpers import tree_digest  # noqa: E402


@pytest.fixture(scope="session")
def paths():
    return project_paths(REPO_ROOT)


@pytest.fixture(scope="session")
def corpus(paths):
    return parse_corpus(paths)


@pytest.fixture(scope="session")
def real_report(tmp_path_factory):
    """One full report (every notebook, both languages) on a copy of the real corpus, shared by every test
    that inspects a report; returns the copy's root and the digest of its data/raw before the run.

    Under pytest-xdist the workers of one run share it: the first to need it builds it while holding a
    lock, the others wait and reuse it."""
    uid = os.environ.get("PYTEST_XDIST_TESTRUNUID")
    if uid is None:
        return _build_report(tmp_path_factory.mktemp("report"))
    shared = tmp_path_factory.getbasetemp().parent / f"real_report_{uid}"
    shared.mkdir(exist_ok=True)
    with open(shared / "lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        done = shared / "digest.json"
        if done.exists():
            return shared / "root", json.loads(done.read_text())
        root, before = _build_report(shared / "root")
        done.write_text(json.dumps(before))
        return root, before


def _build_report(root):
    from comparison.report import run_report

    shutil.rmtree(root, ignore_errors=True)  # a run that failed half-way in another worker
    shutil.copytree(REPO_ROOT / "data" / "raw", root / "data" / "raw")
    shutil.copytree(REPO_ROOT / "notebooks", root / "notebooks", ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    before = tree_digest(root / "data" / "raw")
    run_report(project_paths(root))
    return root, before


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
