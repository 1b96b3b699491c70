"""Faults of the machine, named: a read-only folder, a full disk, a folder where a file goes, a file where a
folder goes end with status 2, the path and what to do (they used to end in "this is a bug"); Ctrl-C ends
with one line and status 130; in every case the outputs are whole (the previous set, or nothing).

Running as root, a folder's permissions do not stop writes, so the read-only case is simulated by the
error the system gives (EACCES, EROFS), as is a full disk (ENOSPC): a small tmpfs needs privileges.
"""
import errno
import os
import shutil
import subprocess
import sys
import time

import pytest

from comparison import cli, pipeline
from comparison.paths import REPO_ROOT, project_paths
from comparison.tables import atomic
from helpers import msg, tree_digest


@pytest.fixture(scope="module")
def validated(tmp_path_factory):
    """A copy of the project built once, and its validated inputs: the failing builds below reuse them (the
    faults happen when writing), and must leave that first build's outputs as they were."""
    root = tmp_path_factory.mktemp("faults")
    shutil.copytree(REPO_ROOT / "data" / "raw", root / "data" / "raw")
    assert cli.main(["--root", str(root), "build"]) == 0
    return root, pipeline.validate(project_paths(root))


@pytest.fixture
def built(validated, monkeypatch):
    root, inputs = validated
    monkeypatch.setattr(pipeline, "validate", lambda paths, allow_suggested=False: inputs)
    before = outputs(root)
    yield root
    monkeypatch.undo()
    assert outputs(root) == before  # every failed run left the outputs whole


def outputs(root) -> dict:
    return {**tree_digest(root / "data/processed"), **tree_digest(root / "reports/tables")}


def test_a_read_only_folder(built, monkeypatch, capsys):
    monkeypatch.setattr(atomic.tempfile, "mkstemp", lambda prefix, suffix, dir: (_ for _ in ()).throw(
        PermissionError(errno.EACCES, "Permission denied", f"{dir}/{prefix}x1y2z3w4{suffix}")))
    capsys.readouterr()
    assert cli.main(["--root", str(built), "build"]) == 2
    assert capsys.readouterr().err == "1 problem found in the inputs:\n  - " + msg(
        "data/processed/clauses.csv", "permission denied (Permission denied)",
        fix="make the folder writable (chmod u+w data/processed), or run with --root on a copy of the project you "
            "may write") + "\n"


def test_a_read_only_disk(built, monkeypatch, capsys):
    monkeypatch.setattr(atomic.tempfile, "mkstemp", lambda prefix, suffix, dir: (_ for _ in ()).throw(
        OSError(errno.EROFS, "Read-only file system", f"{dir}/{prefix}x1y2z3w4{suffix}")))
    capsys.readouterr()
    assert cli.main(["--root", str(built), "build"]) == 2
    assert msg("data/processed/clauses.csv", "the disk is read-only (Read-only file system)",
               fix="run with --root on a copy of the project on a writable disk") in capsys.readouterr().err


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders: the simulated case above stands "
                                               "in for it")
def test_a_really_read_only_folder(built, capsys):
    (built / "data/processed").chmod(0o555)
    try:
        capsys.readouterr()
        assert cli.main(["--root", str(built), "build"]) == 2
        assert "permission denied" in capsys.readouterr().err
    finally:
        (built / "data/processed").chmod(0o755)


def test_a_full_disk(built, monkeypatch, capsys):
    """The disk fills while the set is renamed into place: no file is half-written, no temporary file stays."""
    monkeypatch.setattr(atomic.os, "replace", lambda src, dst: (_ for _ in ()).throw(
        OSError(errno.ENOSPC, "No space left on device", str(src), None, str(dst))))
    capsys.readouterr()
    assert cli.main(["--root", str(built), "build"]) == 2
    monkeypatch.undo()
    assert capsys.readouterr().err == "1 problem found in the inputs:\n  - " + msg(
        "data/processed/clauses.csv", "the disk is full (No space left on device)",
        fix="free space on the disk (df -h data/processed) and run again; no file was left half-written") + "\n"
    assert not [p for p in (built / "data/processed").iterdir() if p.name.endswith(".tmp")]


def test_a_folder_where_a_table_goes(built, capsys):
    table = built / "data/processed/quantities.csv"
    kept = table.read_bytes()
    table.unlink()
    table.mkdir()
    capsys.readouterr()
    try:
        assert cli.main(["--root", str(built), "build"]) == 2
        assert capsys.readouterr().err == "1 problem found in the inputs:\n  - " + msg(
            "data/processed/quantities.csv", "a folder stands where a file should be (Is a directory)",
            fix="move or delete the folder data/processed/quantities.csv") + "\n"
    finally:
        table.rmdir()
        table.write_bytes(kept)  # the fixture then checks that no other output was renamed into place


@pytest.mark.parametrize("blocked", ["data/processed", "reports/tables", "reports"])
def test_a_file_where_a_folder_goes(validated, tmp_path, monkeypatch, capsys, blocked):
    monkeypatch.setattr(pipeline, "validate", lambda paths, allow_suggested=False: validated[1])
    (tmp_path / blocked).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / blocked).write_text("not a folder")
    capsys.readouterr()
    assert cli.main(["--root", str(tmp_path), "build"]) == 2
    err = capsys.readouterr().err
    assert "a file stands where a folder is needed" in err and f"fix: move or delete the file {blocked}\n" in err, err
    assert not (tmp_path / "data/processed").is_dir() or not list((tmp_path / "data/processed").iterdir())


def test_temporary_files_of_killed_runs_are_removed_by_the_next_build(built, monkeypatch):
    stale = [built / "data/processed/.quantities.csv.k1lled0x.tmp", built / "reports/tables/.comparison.xlsx.k2ll3d0x.tmp"]
    for path in stale:
        path.write_bytes(b"")  # a SIGKILL during a write leaves an empty temporary file
        os.utime(path, (time.time() - 60, time.time() - 60))  # a minute ago
    assert cli.main(["--root", str(built), "build"]) == 0  # the same inputs: the same bytes as before
    assert not any(path.exists() for path in stale)


INTERRUPTED = r"""
import os, signal, sys
# Python raises KeyboardInterrupt on SIGINT only where it inherits SIGINT's default disposition; a test
# runner's worker process may ignore SIGINT, and this child would inherit that. A terminal's Ctrl-C
# reaches a process with the default, so the child sets Python's own handler.
signal.signal(signal.SIGINT, signal.default_int_handler)
from comparison.tables import atomic
real, calls = atomic.write_csv, []
def write_csv(*args, **kwargs):  # Ctrl-C while the third table is being written
    calls.append(1)
    if len(calls) == 3:
        os.kill(os.getpid(), signal.SIGINT)
    return real(*args, **kwargs)
atomic.write_csv = write_csv
import comparison.pipeline
comparison.pipeline.write_csv = write_csv
from comparison.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_ctrl_c_ends_with_one_line_and_status_130_outputs_whole(validated):
    root = validated[0]
    before = outputs(root)
    result = subprocess.run([sys.executable, "-c", INTERRUPTED, "--root", str(root), "build"], capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 130
    assert result.stderr == ("build: interrupted (Ctrl-C); every output is whole, as written or as it was "
                             "before\n")
    assert outputs(root) == before  # the set is renamed into place only once complete
    assert not [p for p in (root / "data/processed").iterdir() if p.name.endswith(".tmp")]
