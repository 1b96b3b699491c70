"""The report's date is never the time of the run: SOURCE_DATE_EPOCH, else a clean commit's date, else the
newest date in the inputs."""
import os
import shutil
import subprocess

import pandas as pd
import pytest
from openpyxl import Workbook

from comparison.paths import project_paths
from comparison.report.build_info import build_info, newest_input_date

PLANS = pd.DataFrame({"doc_id": ["a_2021", "b_2022", "c_2022"], "issued": ["2021-12-08", None, "2022-04-26"]})


def _project(root, change_dates):
    (root / "data" / "raw").mkdir(parents=True)
    wb = Workbook()
    ws = wb.active
    ws.title = "changes"
    ws.append(["date", "dimension", "change"])
    for d in change_dates:
        ws.append([d, "all", "a change"])
    wb.save(root / "data" / "raw" / "taxonomy.xlsx")
    return project_paths(root)


def test_the_newest_date_of_the_plans_and_the_codebook_changes(tmp_path):
    assert newest_input_date(_project(tmp_path / "a", ["2020-01-01", "2023-03-04"]), PLANS) == "2023-03-04"
    assert newest_input_date(_project(tmp_path / "b", ["2020-01-01"]), PLANS) == "2022-04-26"
    info = build_info(project_paths(tmp_path / "a"), PLANS, environ={})
    assert (info.date, info.date_basis, info.commit, info.dirty) == ("2023-03-04", "inputs", "", False)


def test_source_date_epoch_sets_the_date(tmp_path):
    info = build_info(_project(tmp_path, []), PLANS, environ={"SOURCE_DATE_EPOCH": str(365 * 86400 + 3600)})
    assert (info.date, info.date_basis) == ("1971-01-01", "source_date_epoch")


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_a_clean_checkout_is_dated_by_its_commit_and_a_changed_one_by_its_inputs(tmp_path):
    paths = _project(tmp_path, ["2020-01-01"])
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_COMMITTER_DATE": "2024-05-06T10:00:00+00:00",
           "GIT_AUTHOR_DATE": "2024-05-06T10:00:00+00:00"}
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "inputs"]):
        subprocess.run(["git", "-C", str(tmp_path), *args], check=True, env=env)
    head = subprocess.run(["git", "-C", str(tmp_path), "rev-parse", "HEAD"], capture_output=True, text=True)
    head = head.stdout.strip()
    info = build_info(paths, PLANS, environ={})
    assert (info.date, info.date_basis, info.commit, info.dirty) == ("2024-05-06", "commit", head, False)
    (tmp_path / "data" / "raw" / "plans.csv").write_text("doc_id\n", encoding="utf-8")
    info = build_info(paths, PLANS, environ={})
    assert (info.date, info.date_basis, info.commit, info.dirty) == ("2022-04-26", "inputs", head, True)
    assert build_info(project_paths(tmp_path / "data"), PLANS, environ={}).commit == ""  # not the top of the work tree
