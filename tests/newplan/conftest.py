"""Fixtures of the new-plan tests: the real codebook and its unit registry, read once per run; new plans
added end to end to a copy of the project, with their preview and accepted reports."""
import contextlib
import io
import shutil

import pandas as pd
import pytest
from openpyxl import load_workbook

from comparison.cli import main
from comparison.paths import REPO_ROOT, project_paths
from comparison.report import run_report
from helpers import copy_project, once_per_run, tree_digest

from comparison.curation.taxonomy import load_taxonomy
from comparison.curation.units import UnitConverter


@pytest.fixture(scope="session")
def taxonomy(paths):
    return load_taxonomy(paths)


@pytest.fixture(scope="session")
def units(taxonomy):
    return UnitConverter(taxonomy)


FORMS = REPO_ROOT / "tests" / "fixtures" / "forms"
FORMS_END_TO_END = ["news_furniture", "chapters_box", "crlf"]
SHILI = REPO_ROOT / "tests" / "fixtures" / "shili_2023.txt"
SHILI_ARGS = ["--text", str(SHILI), "--doc-id", "shili_2023", "--city-id", "shili", "--city-zh", "示例",
              "--city-en", "Shili (example)", "--province-zh", "示例省", "--province-en", "Example",
              "--issued", "2023-05-31"]


def forms() -> pd.DataFrame:
    return pd.read_csv(FORMS / "forms.csv", dtype=str, keep_default_na=False).set_index("form")


def form_args(form: str) -> list[str]:
    row = forms().loc[form]
    return ["--text", str(FORMS / row.file), "--doc-id", row.doc_id, "--city-id", row.doc_id.rsplit("_", 1)[0],
            "--city-zh", row.city_zh, "--city-en", row.city_en, "--province-zh", "示例省", "--province-en", "Example"]


def accept_all(path) -> None:
    """What the curator does after checking each row: set status to curated."""
    wb = load_workbook(path)
    for ws in wb.worksheets:
        column = [c.value for c in ws[1]].index("status") + 1
        for row in range(2, ws.max_row + 1):
            if ws.cell(row, column).value == "suggested":
                ws.cell(row, column).value = "curated"
    wb.save(path)


def quietly(argv: list[str]) -> tuple[int, str]:
    """``python -m comparison`` in-process: its exit code and what it printed to stderr."""
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = main(argv)
    return code, err.getvalue()


@pytest.fixture(scope="session")
def added_plans(tmp_path_factory):
    """New plans added to a copy of the project as a researcher adds them, with the two report runs the
    end-to-end tests inspect (one per test run, shared by the workers):

    - ``preview/``: the sixth plan (shili_2023) and three plans in the forms they arrive in
      (FORMS_END_TO_END) added by new-plan, then ``report --allow-suggested``: every row still suggested;
    - ``accepted/``: the sixth plan alone, every suggested row accepted as a curator would after
      checking it, then ``report`` (the forms' plans propose indicators the codebook lacks, which a
      curator accepts with accept-proposals; they stay out of this one).

    Returns the folder and {"new_plan": {name: [exit code, stderr]}, "report": [exit code, stderr],
    "raw_before_report": digest of preview/data/raw before its report}."""
    return once_per_run(tmp_path_factory, "added_plans", _add_plans)


def _add_plans(folder):
    accepted, preview = folder / "accepted", folder / "preview"
    copy_project(accepted)
    added = {"shili": quietly(["--root", str(accepted), "new-plan", *SHILI_ARGS])}
    shutil.copytree(accepted / "data" / "raw", preview / "data" / "raw")
    shutil.copytree(accepted / "notebooks", preview / "notebooks")
    added |= {form: quietly(["--root", str(preview), "new-plan", *form_args(form)]) for form in FORMS_END_TO_END}
    before = tree_digest(preview / "data" / "raw")
    report = quietly(["--root", str(preview), "report", "--allow-suggested"])
    accept_all(accepted / "data/raw/cities/shili.xlsx")
    run_report(project_paths(accepted))
    return {"new_plan": added, "report": report, "raw_before_report": before}
