"""new-plan's writes as one transaction, one new-plan at a time, never read half-done by a build.

- **One at a time**: new-plan holds an exclusive lock (``flock`` on ``<root>/.citycompare.lock``) from its
  first read of ``data/raw/`` to its last write; validate, parse and build hold a shared lock while they
  read the inputs. Whoever comes second waits (and says so), up to ``LOCK_WAIT`` seconds.
- **All or nothing**: the new bytes of the text, the workbook and plans.csv are first written beside their
  targets, in ``data/raw/.new-plan/`` (after checking the disk has room for them), each flushed to disk.
  Then a journal naming each target with its sha256 before and after is written and flushed: from that
  moment the add is committed. The staged files are then moved onto their targets (``os.replace``, atomic
  on one file system) and the journal and folder removed.
- **Recovery**: a run killed before the journal leaves only ``.new-plan/``: the next run (of new-plan,
  validate, parse or build) removes it and says the interrupted add was rolled back. A run killed after
  it leaves the journal: the next run moves the files not yet moved and says the add was completed. A
  target changed since (neither its before nor its after hash) stops the recovery with a message.
"""
from __future__ import annotations

import errno
import fcntl
import hashlib
import json
import os
import shutil
import sys
import time
from contextlib import contextmanager
from pathlib import Path

from comparison.paths import ProjectPaths
from comparison.problems import InputError, Problem

LOCK_NAME = ".citycompare.lock"
STAGING = ".new-plan"       # under data/raw: the same file system as the targets
JOURNAL = "journal.json"
LOCK_WAIT = 600             # seconds a run waits for another to finish
SPACE_MARGIN = 2**20        # bytes kept free beyond the staged files and the journal


def _sha(path: Path) -> str | None:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else None


@contextmanager
def _locked(paths: ProjectPaths, kind: int, who: str):
    """Hold the project's lock (``fcntl.LOCK_EX`` or ``LOCK_SH``), waiting for another run if needed."""
    lock_path = paths.root / LOCK_NAME
    try:
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as err:
        if kind == fcntl.LOCK_SH and err.errno in (errno.EACCES, errno.EROFS, errno.EPERM):
            yield None  # a read-only project: nobody can be writing it
            return
        raise
    try:
        _acquire(fd, kind, lock_path, who)
        yield fd
    finally:
        os.close(fd)  # releases the lock


def _acquire(fd: int, kind: int, lock_path: Path, who: str) -> None:
    waited, start = False, time.monotonic()
    while True:
        try:
            fcntl.flock(fd, kind | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if not waited:
                print(f"{who}: waiting for another new-plan or build to finish (it holds {lock_path})",
                      file=sys.stderr)
                waited = True
            if time.monotonic() - start > LOCK_WAIT:
                raise InputError([Problem(str(lock_path), f"another new-plan or build has held the lock for "
                                          f"{LOCK_WAIT // 60} minutes", fix="wait for it to finish, or stop it "
                                          "(a stopped run releases the lock)")]) from None
            time.sleep(0.1)


@contextmanager
def exclusive(paths: ProjectPaths):
    """new-plan's lock; an interrupted add is finished first (said on stderr)."""
    with _locked(paths, fcntl.LOCK_EX, "new-plan"):
        for message in recover(paths):
            print(f"new-plan: {message}", file=sys.stderr)
        yield


@contextmanager
def reading(paths: ProjectPaths, who: str = "build"):
    """A shared lock while the inputs are read; an interrupted new-plan is finished first (said on stderr)."""
    with _locked(paths, fcntl.LOCK_SH, who) as fd:
        if fd is not None and (paths.raw / STAGING).exists():
            _acquire(fd, fcntl.LOCK_EX, paths.root / LOCK_NAME, who)
            for message in recover(paths):
                print(f"{who}: {message}", file=sys.stderr)
            _acquire(fd, fcntl.LOCK_SH, paths.root / LOCK_NAME, who)
        yield


def open_elsewhere(workbook: Path, command: str = "new-plan") -> list[Problem]:
    """The workbook is open in Excel (``~$name.xlsx`` beside it) or LibreOffice (``.~lock.name.xlsx#``):
    writing it would replace the file under the editor, whose next save would undo new-plan's rows."""
    for lock, editor in ((f"~${workbook.name}", "Excel"), (f".~lock.{workbook.name}#", "LibreOffice")):
        if (workbook.parent / lock).exists():
            return [Problem(f"data/raw/cities/{workbook.name}", f"the workbook is open in {editor} (its lock file "
                            f"{lock} is beside it)", fix=f"close the workbook in {editor} and run {command} again; "
                            f"if {editor} is not running, delete the lock file data/raw/cities/{lock}")]
    return []


def commit(paths: ProjectPaths, files: dict[Path, bytes], label: str, command: str = "new-plan") -> None:
    """Write every file or none (see the module docstring); call it holding ``exclusive``. ``command``
    is the one a message tells the user to run again."""
    staging = paths.raw / STAGING
    needed = sum(len(data) for data in files.values()) + SPACE_MARGIN
    free = shutil.disk_usage(paths.raw).free
    if free < needed:
        raise InputError([Problem("data/raw", f"not enough free space: {command} needs {needed / 2**20:.1f} MiB, "
                                  f"the disk has {free / 2**20:.1f} MiB free", fix="free space on the disk (df -h "
                                  f"{paths.raw}) and run {command} again; nothing was written")])
    for target in files:
        if target.is_dir():  # found before anything is staged
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(target))
    entries = []
    try:
        staging.mkdir()
        for k, (target, data) in enumerate(files.items()):
            staged = staging / f"{k}.{target.name}"
            try:
                _write_durably(staged, data)
            except OSError as err:  # name the file being added, not its staged copy
                err.filename = err.filename2 = None
                err.filename = str(target)
                raise
            entries.append({"target": str(target.relative_to(paths.raw)), "staged": staged.name,
                            "before": _sha(target), "after": hashlib.sha256(data).hexdigest()})
        journal = json.dumps({"label": label, "files": entries}, ensure_ascii=False, indent=1).encode("utf-8")
        _write_durably(staging / f"{JOURNAL}.tmp", journal)
    except OSError:
        shutil.rmtree(staging, ignore_errors=True)  # nothing was committed: nothing was written
        raise
    os.replace(staging / f"{JOURNAL}.tmp", staging / JOURNAL)  # the commit
    _sync_folder(staging)
    _apply(paths, entries)


def _apply(paths: ProjectPaths, entries: list[dict]) -> None:
    staging = paths.raw / STAGING
    for entry in entries:
        target = paths.raw / entry["target"]
        if _sha(target) == entry["after"]:
            continue  # moved before the interruption
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(staging / entry["staged"], target)
        _sync_folder(target.parent)
    shutil.rmtree(staging)


def recover(paths: ProjectPaths) -> list[str]:
    """Finish an interrupted new-plan: roll it back (no journal) or complete it (journal); its message."""
    staging = paths.raw / STAGING
    if not staging.exists():
        return []
    journal = staging / JOURNAL
    if not journal.exists():
        shutil.rmtree(staging)
        return ["an interrupted new-plan was rolled back: it had written nothing to its targets "
                "(data/raw/ is as before it started)"]
    record = json.loads(journal.read_text(encoding="utf-8"))
    problems = []
    for entry in record["files"]:
        target = paths.raw / entry["target"]
        now = _sha(target)
        if now == entry["after"] or (now == entry["before"] and (staging / entry["staged"]).is_file()):
            continue
        problems.append(Problem(f"data/raw/{entry['target']}", f"changed since the interrupted new-plan of "
                                f"{record['label']} began: it cannot be completed",
                                fix=f"compare the file with data/raw/{STAGING}/{entry['staged']} (what new-plan "
                                    f"would have written), keep the right one, then delete data/raw/{STAGING}/"))
    if problems:
        raise InputError(problems)
    _apply(paths, record["files"])
    return [f"an interrupted new-plan of {record['label']} was completed: its text, workbook rows and manifest "
            f"row are now in place ({', '.join(e['target'] for e in record['files'])})"]


def _write_durably(path: Path, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
        os.fsync(fd)
    finally:
        os.close(fd)


def _sync_folder(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
