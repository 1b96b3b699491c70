"""Shared fixtures: the real corpus, and throwaway copies of the project for bad-input tests."""
from __future__ import annotations

import shutil
from pathlib import Path

import matplotlib
import pytest

matplotlib.use("Agg")

from comparison.text.documents import parse_corpus  # noqa: E402
from comparison.paths import REPO_ROOT, project_paths  # noqa: E402


@pytest.fixture(scope="session")
def paths():
    return project_paths(REPO_ROOT)


@pytest.fixture(scope="session")
def corpus(paths):
    return parse_corpus(paths)


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
