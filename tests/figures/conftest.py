"""Figure tests: the house style for every test, and the real five plans' tables built once (no report)."""
import shutil

import pytest

from comparison.figures import plotting
from comparison.paths import REPO_ROOT, project_paths


@pytest.fixture(autouse=True)
def house_style():
    plotting.setup()


@pytest.fixture(scope="session")
def real_tables(tmp_path_factory):
    """The processed tables of the real corpus in both languages (built into a temporary copy)."""
    from comparison.api import load
    from comparison.pipeline import build

    root = tmp_path_factory.mktemp("real_tables")
    shutil.copytree(REPO_ROOT / "data" / "raw", root / "data" / "raw")
    paths = project_paths(root)
    build(paths)
    return {lang: load(lang, paths) for lang in ("zh", "en")}
