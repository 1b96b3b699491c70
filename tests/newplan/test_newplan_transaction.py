"""new-plan all or nothing, one at a time: a killed run is rolled back or completed by the next run (which
says which), two runs for one city both land, a build waits for a running add, an open workbook is not
replaced under its editor, a full disk is found before anything is written.

Kills are real (SIGKILL at a chosen step of the transaction, in a child process); the steps are picked
by wrapping the transaction's own functions from outside, never by hooks in the code.
"""
import errno
import hashlib
import os
import subprocess
import sys
import time
from pathlib import Path
from types import SimpleNamespace

import pytest

from comparison import cli
from comparison.curation.validation import CITY_SCHEMA
from comparison.curation.workbooks import read_workbook
from comparison.newplan import transaction
from comparison.newplan.scaffold import add_plan
from comparison.paths import project_paths
from comparison.text.corpus import read_manifest
from helpers import msg
from test_newplan import FIXTURE, info, raw_state, refused

ARGS = ["new-plan", "--text", str(FIXTURE), "--doc-id", "shili_2023", "--city-id", "shili", "--city-zh", "示例",
        "--city-en", "Shili (example)", "--province-zh", "示例省", "--province-en", "Example", "--issued",
        "2023-05-31"]

STUB = r"""
import pandas as pd
from comparison.newplan import scaffold
def suggestions(doc, info, taxonomy, curated):  # one row a sheet: the transaction is under test, not the suggestions
    rows = {}
    for sheet, columns in scaffold.CITY_SCHEMA.items():
        row = {c: "" for c in columns}
        row.update(doc_id=info.doc_id, status="suggested")
        rows[sheet] = pd.DataFrame([row])
    return rows
scaffold._suggestions = suggestions
"""


@pytest.fixture
def stubbed(monkeypatch):
    """new-plan with one suggested row a sheet (the suggestions are tested in test_newplan.py)."""
    from comparison.newplan import scaffold

    namespace = {}
    exec(STUB.replace("scaffold._suggestions = suggestions", ""), namespace)
    monkeypatch.setattr(scaffold, "_suggestions", namespace["suggestions"])
STUBBED = STUB + r"""
import sys
from comparison.cli import main
sys.exit(main(sys.argv[1:]))
"""
KILLED = STUB + r"""
import os, signal, sys
from comparison.newplan import transaction
step, nth = sys.argv[1], int(sys.argv[2])
owner = os if step == "replace" else transaction
name = "replace" if step == "replace" else "_write_durably"
real, calls = getattr(owner, name), []
def killed(*args, **kwargs):
    calls.append(1)
    if len(calls) == nth:
        os.kill(os.getpid(), signal.SIGKILL)
    return real(*args, **kwargs)
setattr(owner, name, killed)
from comparison.cli import main
sys.exit(main(sys.argv[3:]))
"""


def run_killed(root: Path, step: str, nth: int) -> None:
    result = subprocess.run([sys.executable, "-c", KILLED, step, str(nth), "--root", str(root), *ARGS],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == -9, result.stderr  # killed, as planned


def run_cli(root: Path, *args: str) -> subprocess.CompletedProcess:
    """The command line, with new-plan's suggestions stubbed (cheap)."""
    return subprocess.run([sys.executable, "-c", STUBBED, "--root", str(root), *args], capture_output=True,
                          text=True, timeout=600)


def without_staging(state: dict) -> dict:
    return {k: v for k, v in state.items() if not k.startswith(".new-plan/")}


def test_killed_while_staging_is_rolled_back_by_the_next_run(project_copy):
    before = raw_state(project_copy)
    run_killed(project_copy, "stage", 2)  # the text is staged, the workbook not yet
    assert (project_copy / "data/raw/.new-plan").is_dir()
    assert not (project_copy / "data/raw/.new-plan/journal.json").exists()
    assert without_staging(raw_state(project_copy)) == before  # no target was touched
    result = run_cli(project_copy, "validate")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ("validate: an interrupted new-plan was rolled back: it had written nothing to its "
                             "targets (data/raw/ is as before it started)\n")
    assert raw_state(project_copy) == before
    assert run_cli(project_copy, *ARGS).returncode == 0  # and the add can simply be run again


def test_killed_after_the_commit_is_completed_by_the_next_run(project_copy):
    """Killed between the text and the workbook, new-plan used to leave a text without rows or manifest row;
    killed between the workbook and plans.csv, 51 rows of a plan not in plans.csv, refusing every rerun."""
    run_killed(project_copy, "replace", 3)  # the journal is in place (1), the text moved (2), not the workbook
    assert (project_copy / "data/raw/.new-plan/journal.json").exists()
    assert (project_copy / "data/raw/texts/shili_2023.txt").exists()
    assert not (project_copy / "data/raw/cities/shili.xlsx").exists()
    result = run_cli(project_copy, *ARGS)
    assert result.returncode == 2  # the rerun finds the plan added: it never overwrites
    assert result.stderr.startswith(
        "new-plan: an interrupted new-plan of shili_2023 was completed: its text, workbook rows and manifest row "
        "are now in place (texts/shili_2023.txt, cities/shili.xlsx, plans.csv)\n"), result.stderr
    assert "doc_id already in plans.csv" in result.stderr
    assert not (project_copy / "data/raw/.new-plan").exists()
    paths = project_paths(project_copy)
    assert "shili_2023" in set(read_manifest(paths).doc_id)
    sheets = read_workbook(paths.cities / "shili.xlsx", CITY_SCHEMA, "shili.xlsx")
    assert all(set(df.doc_id) == {"shili_2023"} for df in sheets.values())
    manifest_row = read_manifest(paths).set_index("doc_id").loc["shili_2023"]
    assert manifest_row.sha256 == hashlib.sha256((paths.texts / "shili_2023.txt").read_bytes()).hexdigest()


def test_a_target_changed_since_the_interruption_stops_the_recovery(project_copy):
    run_killed(project_copy, "replace", 3)
    (project_copy / "data/raw/cities/shili.xlsx").write_bytes(b"made by hand meanwhile")
    result = run_cli(project_copy, "validate")
    assert result.returncode == 2
    assert msg("data/raw/cities/shili.xlsx", "changed since the interrupted new-plan of shili_2023 began: it cannot "
               "be completed", fix="compare the file with data/raw/.new-plan/1.shili.xlsx (what new-plan would have "
               "written), keep the right one, then delete data/raw/.new-plan/") in result.stderr


def test_two_new_plans_for_one_city_at_once_both_land(project_copy):
    """Two adds to tianshui.xlsx at once used to both say "wrote" while one plan's rows were lost."""
    runs = [subprocess.Popen([sys.executable, "-c", STUBBED, "--root", str(project_copy), "new-plan", "--text",
                              str(FIXTURE), "--doc-id", doc_id, "--city-id", "tianshui", "--city-zh", "天水",
                              "--city-en", "Tianshui", "--province-zh", "甘肃", "--province-en", "Gansu"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for doc_id in ("tianshui_2023", "tianshui_2024")]
    results = [run.communicate(timeout=600) + (run.returncode,) for run in runs]
    assert [rc for _, _, rc in results] == [0, 0], results
    paths = project_paths(project_copy)
    assert {"tianshui_2023", "tianshui_2024"} <= set(read_manifest(paths).doc_id)
    sheets = read_workbook(paths.cities / "tianshui.xlsx", CITY_SCHEMA, "tianshui.xlsx")
    for sheet, df in sheets.items():
        assert {"tianshui_2022", "tianshui_2023", "tianshui_2024"} <= set(df.doc_id), sheet


def test_a_build_waits_for_a_running_new_plan(project_copy, tmp_path):
    log = tmp_path / "stderr.txt"
    with transaction.exclusive(project_paths(project_copy)):  # as a running new-plan holds it
        with open(log, "w") as err:
            run = subprocess.Popen([sys.executable, "-m", "comparison", "--root", str(project_copy), "validate"],
                                   stdout=subprocess.DEVNULL, stderr=err)
        deadline = time.monotonic() + 120
        while "waiting" not in log.read_text() and time.monotonic() < deadline:
            time.sleep(0.2)
        time.sleep(0.5)
        assert run.poll() is None  # it has not read data/raw while the add was under way
    assert run.wait(timeout=300) == 0
    assert log.read_text() == (f"validate: waiting for another new-plan or build to finish (it holds "
                               f"{project_copy / '.citycompare.lock'})\n")


@pytest.mark.parametrize("lock,editor", [("~$tianshui.xlsx", "Excel"), (".~lock.tianshui.xlsx#", "LibreOffice")])
def test_refused_while_the_workbook_is_open(project_copy, lock, editor):
    (project_copy / "data/raw/cities" / lock).write_bytes(b"lock")
    assert refused(project_copy, info(doc_id="tianshui_2023", city_id="tianshui", city_zh="天水", city_en="Tianshui",
                                      province_zh="甘肃", province_en="Gansu")) == [msg(
        "data/raw/cities/tianshui.xlsx", f"the workbook is open in {editor} (its lock file {lock} is beside it)",
        fix=f"close the workbook in {editor} and run new-plan again; if {editor} is not running, delete the lock "
            f"file data/raw/cities/{lock}")]


def lock_files_of_nanping_and_jiaozuo(root):
    cities = root / "data/raw/cities"
    (cities / "~$nanping.xlsx").write_bytes(b"\x0bExcel lock" + bytes(154))
    (cities / ".~lock.jiaozuo.xlsx#").write_text("user,host,/home/user/.config;01.12.2026 10:00;", encoding="utf-8")


def test_lock_files_of_other_workbooks_are_ignored_by_new_plan(project_copy, stubbed):
    """An Excel lock file of another city used to stop new-plan ("not a zip archive") while validate was happy."""
    lock_files_of_nanping_and_jiaozuo(project_copy)
    add_plan(project_paths(project_copy), info())
    assert (project_copy / "data/raw/cities/shili.xlsx").exists()


def test_lock_files_of_open_workbooks_are_ignored_by_validate(project_copy):
    lock_files_of_nanping_and_jiaozuo(project_copy)
    assert cli.main(["--root", str(project_copy), "validate"]) == 0


def test_not_enough_free_space_is_found_before_anything_is_written(project_copy, monkeypatch, stubbed):
    monkeypatch.setattr(transaction.shutil, "disk_usage", lambda path: SimpleNamespace(free=300 * 1024))
    found = refused(project_copy, info())
    assert len(found) == 1 and found[0].startswith("data/raw: not enough free space: new-plan needs ")
    assert found[0].endswith("MiB, the disk has 0.3 MiB free\n    fix: free space on the disk (df -h "
                             f"{project_copy / 'data/raw'}) and run new-plan again; nothing was written")


def test_a_disk_that_fills_while_staging_leaves_data_raw_as_it_was(project_copy, monkeypatch, capsys, stubbed):
    real = os.write

    def write(fd, data):  # the disk fills as the workbook is staged
        if os.readlink(f"/proc/self/fd/{fd}").endswith("/.new-plan/1.shili.xlsx"):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(fd, data)

    before = raw_state(project_copy)
    monkeypatch.setattr(transaction.os, "write", write)
    capsys.readouterr()
    assert cli.main(["--root", str(project_copy), *ARGS]) == 2
    monkeypatch.setattr(transaction.os, "write", real)
    assert capsys.readouterr().err == "1 problem found in the inputs:\n  - " + msg(
        "data/raw/cities/shili.xlsx", "the disk is full (No space left on device)",
        fix="free space on the disk (df -h data/raw/cities) and run again; no file was left half-written") + "\n"
    assert raw_state(project_copy) == before
