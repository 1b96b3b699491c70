"""Shared fixtures: the real corpus, the suite's one full report (on a copy of it with four plans added,
one of them reviewed), and throwaway copies of the project for bad-input tests."""
from __future__ import annotations

import shutil
from pathlib import Path

import matplotlib
import pytest

matplotlib.use("Agg")

from comparison.text.documents import parse_corpus  # noqa: E402
from comparison.paths import REPO_ROOT, project_paths  # noqa: E402
from helpers import (FORMS_END_TO_END, SHILI_ARGS, SHILI_WORKBOOK, STALE_FIGURE, accept_all, copy_project,  # noqa: E402
                     form_args, once_per_run, quietly, tree_digest)


@pytest.fixture(scope="session")
def paths():
    return project_paths(REPO_ROOT)


@pytest.fixture(scope="session")
def corpus(paths):
    return parse_corpus(paths)


@pytest.fixture(scope="session")
def sixth_plan(tmp_path_factory):
    """A copy of the project with a sixth plan added by new-plan (tests/fixtures/shili_2023.txt, a
    fictitious plan), its rows as new-plan suggested them: the start of the suite's report run. Returns
    the folder (data/raw, notebooks) and new-plan's [exit code, stderr]."""
    folder, added = once_per_run(tmp_path_factory, "sixth_plan", _add_sixth_plan)
    return folder / "root", added


def _add_sixth_plan(folder):
    root = folder / "root"
    copy_project(root)
    return quietly(["--root", str(root), "new-plan", *SHILI_ARGS])


@pytest.fixture(scope="session")
def report_run(tmp_path_factory, sixth_plan):
    """The suite's one full report (every notebook, both languages), shared by every test that inspects a
    report (and by the workers of a pytest-xdist run): a researcher's project after adding four plans.
    The sixth plan (``sixth_plan``) has been reviewed (every suggested row accepted, as a curator does after
    checking it); three plans in the forms they arrive in (FORMS_END_TO_END) were added by new-plan after it
    and are still unreviewed, so the report is ``report --allow-suggested``: the reviewed plan as published,
    the others as a preview.

    Returns the project's root and {"new_plan": {name: [exit code, stderr]}, "report": [exit code, stderr],
    "raw_before_report": digest of data/raw before the report}."""
    folder, result = once_per_run(tmp_path_factory, "report_run", lambda f: _report_run(f, *sixth_plan))
    return folder / "root", result


def _report_run(folder, start, shili):
    root = folder / "root"
    shutil.copytree(start, root)
    accept_all(root / SHILI_WORKBOOK)
    added = {"shili": shili}
    added |= {form: quietly(["--root", str(root), "new-plan", *form_args(form)]) for form in FORMS_END_TO_END}
    before = tree_digest(root / "data" / "raw")
    stale = root / "reports" / "figures" / "en" / STALE_FIGURE  # as an earlier run of a figure since renamed leaves it
    stale.parent.mkdir(parents=True, exist_ok=True)
    for ext in (".png", ".svg", ".pdf"):
        stale.with_suffix(ext).write_bytes(b"an earlier run")
    stale.with_suffix(".json").write_text('{"figure": "%s", "caption": "Left by an earlier run."}' % STALE_FIGURE)
    report = quietly(["--root", str(root), "report", "--allow-suggested"])
    return {"new_plan": added, "report": report, "raw_before_report": before}


@pytest.fixture(scope="session")
def real_report(report_run):
    """The report run's project root and the digest of its data/raw before the report; fails every test
    that uses it when the report did not succeed."""
    root, result = report_run
    code, err = result["report"]
    if code != 0:
        pytest.fail(f"the suite's report run failed (exit {code}):\n{err}")
    return root, result["raw_before_report"]


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
