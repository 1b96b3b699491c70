"""User-facing errors: every problem names where it is, what was found, what was expected and the fix.

The pipeline collects problems instead of raising on the first one, so a curator sees every mistake in
a workbook at once; the CLI prints them and exits non-zero, never with a traceback.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    file: str
    message: str
    sheet: str = ""
    row: int | None = None
    column: str = ""
    value: object = ""
    expected: str = ""
    fix: str = ""
    doc_id: str = ""  # the plan a problem without a row is about (a preview tells a new plan's from the others)

    def __str__(self) -> str:
        where = self.file
        if self.sheet:
            where += f", sheet '{self.sheet}'"
        if self.row is not None:
            where += f", row {self.row}"
        if self.column:
            where += f", column '{self.column}'"
        parts = [f"{where}: {self.message}"]
        if self.value not in ("", None):
            parts.append(f"found: {self.value!r}")
        if self.expected:
            parts.append(f"expected: {self.expected}")
        if self.fix:
            parts.append(f"fix: {self.fix}")
        return "\n    ".join(parts)


MAX_SHOWN = 200  # problems printed; a longer list ends with their count (a broken file can give millions)


class InputError(Exception):
    """One or more problems in the project's inputs; ``str()`` lists them (the first ``MAX_SHOWN``)."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__(self.report())

    def report(self) -> str:
        n = len(self.problems)
        head = f"{n:,} problem{'s' if n != 1 else ''} found in the inputs"
        if n <= MAX_SHOWN:
            return "\n".join([f"{head}:"] + [f"  - {p}" for p in self.problems])
        return "\n".join([f"{head} (the first {MAX_SHOWN} are listed):"]
                         + [f"  - {p}" for p in self.problems[:MAX_SHOWN]]
                         + [f"  … and {n - MAX_SHOWN:,} more: fix the ones above and run again to see the rest"])


def raise_if_any(problems: list[Problem]) -> None:
    if problems:
        raise InputError(problems)


def fault_problem(err: OSError, root=None) -> Problem:
    """A fault of the machine (a read-only folder, a full disk, a folder where a file goes or a file where a
    folder goes) as a problem naming the path and what to do."""
    import errno
    import re
    from pathlib import Path

    path = Path(err.filename2 or err.filename or "")
    if m := re.fullmatch(r"\.(.+)\.[^.]+\.tmp", path.name):  # an atomic write's temporary file: name its target
        path = path.parent / m.group(1)
    blocker = next((p for p in (path, *path.parents) if p.exists() and not p.is_dir()), None)
    code = err.errno
    if code in (errno.ENOTDIR, errno.EEXIST) and blocker is not None:
        what, fix = "a file stands where a folder is needed", f"move or delete the file {_shown(blocker, root)}"
    elif code == errno.EISDIR:
        what, fix = "a folder stands where a file should be", f"move or delete the folder {_shown(path, root)}"
    elif code in (errno.ENOSPC, errno.EDQUOT):
        what, fix = "the disk is full", (f"free space on the disk (df -h {_shown(path.parent, root)}) and run again; "
                                         "no file was left half-written")
    elif code == errno.ENOENT:
        what, fix = "the file does not exist", "restore it (git checkout) or check the path and --root"
    elif code == errno.EROFS:
        what, fix = "the disk is read-only", "run with --root on a copy of the project on a writable disk"
    elif code in (errno.EACCES, errno.EPERM):
        what, fix = "permission denied", (f"make the folder writable (chmod u+w {_shown(path.parent, root)}), "
                                          "or run with --root on a copy of the project you may write")
    else:
        what, fix = "the file system refused", "check the path and the disk, then run again"
    return Problem(_shown(path, root), f"{what} ({err.strerror or type(err).__name__})", fix=fix)


def _shown(path, root) -> str:
    try:
        return str(path.resolve().relative_to(root)) if root is not None else str(path)
    except ValueError:
        return str(path)
