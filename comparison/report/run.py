"""``make report``: build the tables, run every notebook headless in zh and en, write the HTML report.

Notebooks are run with papermill (parameterised runs: ``lang``), each in a fresh kernel, so none can
depend on state left by another. Executed copies go to ``reports/notebooks/<lang>/`` (not in git).

Kernels run ``jobs()`` at a time, one per CPU this process may use: starting a kernel and importing the
scientific stack is mostly single-threaded, so one kernel per core keeps every core busy. Every run writes
its own files (figures per language; a table both languages write is the same bytes, written atomically), so
the order in which runs finish changes no output. Once every run has ended, the figures of an earlier run that
none wrote again are deleted, so the report shows exactly the figures this run drew.
"""
from __future__ import annotations

import os
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

from comparison.paths import ProjectPaths
from comparison.pipeline import build
from comparison.tables import report_tables
from comparison.tables.atomic import write_text

LANGS = ("en", "zh")
MAX_JOBS = None  # kernels at a time: no cap beyond one per CPU (a number caps it, e.g. on a shared machine)


def notebooks(paths: ProjectPaths) -> list[Path]:
    return sorted(paths.notebooks.glob("[0-9][0-9]_*.ipynb"))


@contextmanager
def kernels_use(paths: ProjectPaths):
    """Point the notebook kernels started inside (they inherit the environment) at ``paths.root``; the
    caller's environment is restored afterwards."""
    before = os.environ.get("CITYCOMPARE_ROOT")
    os.environ["CITYCOMPARE_ROOT"] = str(paths.root)
    try:
        yield
    finally:
        if before is None:
            del os.environ["CITYCOMPARE_ROOT"]
        else:
            os.environ["CITYCOMPARE_ROOT"] = before


def kernel_config():
    """Kernel manager settings: CurveZMQ keys for the kernel's sockets when pyzmq has CurveZMQ (its wheels
    do). A kernel on plain TCP prints "Kernel is running over TCP without encryption" to the console, once
    per notebook run; with keys provisioned the traffic is encrypted and the kernel has nothing to warn of.
    (IPC sockets would also silence it, but two kernels started from one folder would share socket names.)"""
    import zmq
    from traitlets.config import Config

    return Config({"KernelManager": {"transport_encryption": "auto"}}) if zmq.has("curve") else Config()


def run_notebook(path: Path, out: Path, lang: str, paths: ProjectPaths) -> None:
    """Run one notebook in a fresh kernel (inside ``kernels_use(paths)``, as ``run_notebooks`` does)."""
    import papermill

    out.parent.mkdir(parents=True, exist_ok=True)
    # Two of papermill's defaults suit watching one long run, not a batch of short ones: saving the executed
    # copy after every cell re-encodes the whole notebook with its images each time (about a second of CPU
    # per run), so it is saved once at the end (papermill still saves a failed run before raising); and a
    # graceful kernel shutdown waits ~0.6 s for the interpreter to tear down. Every file a notebook writes
    # is complete when its cell ends (atomic writes), so the kernel is stopped at once. The executed copy is
    # written beside ``out`` and renamed onto it, a failed run's too (it shows the error).
    partial = out.with_name(f".{out.stem}.partial.ipynb")
    try:
        papermill.execute_notebook(str(path), str(partial), parameters={"lang": lang}, kernel_name="python3",
                                   cwd=str(paths.notebooks), progress_bar=False, log_output=False,
                                   request_save_on_cell_execute=False, shutdown_kernel="immediate",
                                   config=kernel_config())
    finally:
        if partial.exists():
            os.replace(partial, out)


def jobs() -> int:
    """How many kernels run at once: one per CPU this process may run on (``MAX_JOBS`` caps it if set)."""
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, cpus if MAX_JOBS is None else min(MAX_JOBS, cpus))


def run_notebooks(runs: list[tuple[Path, Path, str]], paths: ProjectPaths, on_done=None) -> None:
    """Run each (notebook, executed copy, lang), ``jobs()`` kernels at a time; ``on_done(run)`` is called in
    the order of ``runs``. On a failure, runs not yet started are cancelled and the first failure (in the
    order of ``runs``) is raised once the running ones have ended."""
    with kernels_use(paths), ThreadPoolExecutor(max_workers=jobs()) as pool:
        futures = [pool.submit(run_notebook, src, out, lang, paths) for src, out, lang in runs]
        try:
            for run, future in zip(runs, futures):
                future.result()
                if on_done:
                    on_done(run)
        except BaseException:
            for future in futures:
                future.cancel()
            raise


class Progress:
    """Console lines for a long run: each step with the time since the run started, notebooks counted
    ("notebook 3 of 12"), so a reader sees the report move and what it is waiting for."""

    def __init__(self, total: int, clock=time.monotonic, out=print):
        self.total, self.done, self.clock, self.out = total, 0, clock, out
        self.start = clock()

    def say(self, message: str) -> None:
        self.out(f"report [{self.clock() - self.start:5.1f} s] {message}")

    def ran(self, run: tuple[Path, Path, str]) -> None:
        self.done += 1
        self.say(f"notebook {self.done} of {self.total} done: {run[0].name} ({run[2]})")


FIGURE_FILES = {".png", ".svg", ".pdf", ".json"}


def figure_files(paths: ProjectPaths) -> dict[Path, tuple[int, int]]:
    """The whole corpus's figure files (``reports/figures/<lang>/NN_*``, not the selections), each with what
    tells a rewritten file from an untouched one: every export replaces its file (a new inode, a new time)."""
    found = {}
    for lang in LANGS:
        for path in sorted((paths.figures / lang).glob("[0-9][0-9]_*")):
            if path.suffix in FIGURE_FILES and path.is_file():
                stat = path.stat()
                found[path] = (stat.st_ino, stat.st_mtime_ns)
    return found


def remove_unwritten(before: dict[Path, tuple[int, int]]) -> None:
    """After every notebook has run: delete the figure files of an earlier run that no notebook wrote again (a
    figure since renamed or no longer called for by the data, a part the rows no longer fill), which would
    otherwise show in the HTML report. A failed run deletes nothing."""
    for path, seen in before.items():
        try:
            stat = path.stat()
        except FileNotFoundError:
            continue
        if (stat.st_ino, stat.st_mtime_ns) == seen:
            path.unlink()


def run_report(paths: ProjectPaths, allow_suggested: bool = False) -> None:
    from comparison.report.page import write_reports

    runs = [(nb, paths.reports / "notebooks" / lang / nb.name, lang) for lang in LANGS for nb in notebooks(paths)]
    progress = Progress(len(runs))
    build(paths, allow_suggested=allow_suggested)
    progress.say(f"built tables in {paths.processed}")
    earlier = figure_files(paths)
    progress.say(f"running {len(runs)} notebooks, {jobs()} at a time")
    run_notebooks(runs, paths, on_done=progress.ran)
    remove_unwritten(earlier)
    write_text(report_tables.readme(), paths.tables / "README.md")  # what the notebooks' exported tables hold
    write_reports(paths, on_written=lambda target: progress.say(f"wrote {target}"))
