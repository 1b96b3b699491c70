"""Fixtures of the new-plan tests: the real codebook and its unit registry, read once per run; new plans
added end to end to a copy of the project, with their preview report."""
import shutil

import pandas as pd
import pytest

from comparison.curation.taxonomy import load_taxonomy
from comparison.curation.units import UnitConverter
from comparison.paths import REPO_ROOT
from helpers import once_per_run, quietly, tree_digest


@pytest.fixture(scope="session")
def taxonomy(paths):
    return load_taxonomy(paths)


@pytest.fixture(scope="session")
def units(taxonomy):
    return UnitConverter(taxonomy)


FORMS = REPO_ROOT / "tests" / "fixtures" / "forms"
FORMS_END_TO_END = ["news_furniture", "chapters_box", "crlf"]


def forms() -> pd.DataFrame:
    return pd.read_csv(FORMS / "forms.csv", dtype=str, keep_default_na=False).set_index("form")


def form_args(form: str) -> list[str]:
    row = forms().loc[form]
    return ["--text", str(FORMS / row.file), "--doc-id", row.doc_id, "--city-id", row.doc_id.rsplit("_", 1)[0],
            "--city-zh", row.city_zh, "--city-en", row.city_en, "--province-zh", "示例省", "--province-en", "Example"]


@pytest.fixture(scope="session")
def added_plans(tmp_path_factory, sixth_plan):
    """The preview the end-to-end tests inspect (one per test run, shared by the workers): the sixth plan
    (``sixth_plan``) and three plans in the forms they arrive in (FORMS_END_TO_END) added by new-plan, every
    row still suggested, then ``report --allow-suggested``. The same project after review is the one
    ``real_report`` reports on.

    Returns the project's root and {"new_plan": {name: [exit code, stderr]}, "report": [exit code, stderr],
    "raw_before_report": digest of data/raw before its report}."""
    start, shili = sixth_plan
    folder, result = once_per_run(tmp_path_factory, "added_plans", lambda f: _add_plans(f, start, shili))
    return folder / "preview", result


def _add_plans(folder, start, shili):
    preview = folder / "preview"
    shutil.copytree(start, preview)
    added = {"shili": shili}
    added |= {form: quietly(["--root", str(preview), "new-plan", *form_args(form)]) for form in FORMS_END_TO_END}
    before = tree_digest(preview / "data" / "raw")
    report = quietly(["--root", str(preview), "report", "--allow-suggested"])
    return {"new_plan": added, "report": report, "raw_before_report": before}
