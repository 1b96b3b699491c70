"""What the full report costs, in one run (``make bench ARGS=--report``):

1. the five seed plans: ``python -m comparison report`` on a copy of the real data/raw and notebooks, against
   the floor no report can go below: each notebook reduced to its first code cell (imports, plot style)
   run through the report's own call (``comparison.report.run_notebooks``: same papermill call, same
   kernels at a time, ``report.jobs()``), i.e. starting the kernels and importing what the notebooks
   import, nothing else (target: report ≤ 2× this floor);
2. the full report on synthetic corpora (``generate.py``) of each report size, by default 5 and 300 plans
   (target: the report at 300 plans ≤ 3× the report at 5);
3. with ``--figure-cost``, the seed plans' report once more with ``draw_only/`` first on PYTHONPATH (its
   ``sitecustomize`` makes ``save_figure`` draw the figure and write nothing, in every kernel): what the
   figure files (300-dpi PNG, SVG and PDF) cost.

Every report's executed notebooks give each notebook run's duration, its slowest cells and its time by
kind of cell (imports, cells that export a figure, the rest). A report slower than ``timeout`` seconds is
stopped (its whole process group: the report and the kernels it started) and reported as "≥ timeout".
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DRAW_ONLY = Path(__file__).resolve().parent / "draw_only"  # sitecustomize: save_figure draws, writes nothing

FLOOR_SNIPPET = r"""
import json, sys, time
from pathlib import Path
import nbformat
from comparison.paths import project_paths
from comparison.report import LANGS, jobs, notebooks, run_notebook, run_notebooks

root = Path(sys.argv[1])
paths = project_paths(root)
meta = {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}}
params = nbformat.v4.new_code_cell('lang = "en"')
params.metadata["tags"] = ["parameters"]
folder = root / "imports"
folder.mkdir()
runs = []
for nb_path in notebooks(paths):
    real = nbformat.read(str(nb_path), as_version=4)
    first = next(c for c in real.cells if c.cell_type == "code")
    nbformat.write(nbformat.v4.new_notebook(metadata=meta, cells=[nbformat.v4.new_code_cell(first.source), params]),
                   str(folder / nb_path.name))
    runs += [(folder / nb_path.name, root / "floor" / lang / nb_path.name, lang) for lang in LANGS]
run_notebook(runs[0][0], root / "floor" / "warmup.ipynb", "en", paths)  # not counted: warms the disk cache
t0 = time.perf_counter()
run_notebooks(runs, paths)  # as the report runs its notebooks: same call, same kernels at a time
wall = time.perf_counter() - t0
print(json.dumps({"wall": wall, "jobs": jobs(), "notebooks": [nb.name for nb in notebooks(paths)], "langs": list(LANGS)}))
"""

CELL_KINDS = ("imports and plot style (first code cell)", "cells that export a figure", "other cells")


FIGURE_CALLS = ("save_figure(", "export(")  # plotting.save_figure, and charts.export, which calls it


def _cell_kind(index: int, source: str) -> str:
    """Which part of a notebook run a code cell's time goes to (``CELL_KINDS``)."""
    if index == 0:
        return CELL_KINDS[0]
    return CELL_KINDS[1] if any(call in source for call in FIGURE_CALLS) else CELL_KINDS[2]


def _notebook_durations(folder: Path) -> list[dict]:
    """Per executed notebook (papermill metadata): its duration, its three slowest cells and its time by
    kind of cell (``CELL_KINDS``)."""
    runs = []
    for path in sorted(folder.glob("*/*.ipynb")):
        try:
            nb = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        cells, kinds = [], dict.fromkeys(CELL_KINDS, 0.0)
        code = [c for c in nb.get("cells", []) if c.get("cell_type") == "code"]
        for k, cell in enumerate(code):
            d = cell.get("metadata", {}).get("papermill", {}).get("duration")
            if d:
                text = "".join(cell.get("source", ""))
                src = text.strip().splitlines()
                cells.append((d, src[0][:70] if src else ""))
                kinds[_cell_kind(k, text)] += d
        runs.append({"notebook": f"{path.parent.name}/{path.name}",
                     "seconds": nb.get("metadata", {}).get("papermill", {}).get("duration"),
                     "slowest": sorted(cells, reverse=True)[:3], "by_kind": kinds})
    return runs


def report_breakdown(report: dict) -> list[tuple[str, float]]:
    """Where a report's time goes, summed over its notebook runs (seconds of one core each): starting and
    stopping kernels (a floor run's duration less its imports cell), then each kind of cell."""
    runs = report.get("notebook_runs", [])
    floor = report.get("floor_runs", [])
    start = sum(r["seconds"] - r["by_kind"][CELL_KINDS[0]] for r in floor if r.get("seconds"))
    rows = [("kernel start and stop (the floor's runs less their imports)", start)]
    rows += [(kind, sum(r.get("by_kind", {}).get(kind, 0.0) for r in runs)) for kind in CELL_KINDS]
    return rows


def _run(cmd: list[str], env: dict, cwd: Path, timeout: float) -> tuple[float, str, str]:
    """Wall seconds, stdout and an error (empty when it succeeded) of ``cmd`` in a process group of its own,
    so a run past ``timeout`` is stopped with every kernel it started."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=cwd,
                            start_new_session=True)
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        return time.perf_counter() - t0, "", f"stopped after the {timeout:g} s budget (--report-timeout)"
    seconds = time.perf_counter() - t0
    if not proc.returncode:
        return seconds, out, ""
    lines = [ln for ln in err.splitlines() if ln.strip() and "IPKernelApp" not in ln]
    return seconds, out, f"failed after {seconds:.1f} s:\n" + "\n".join(lines[-25:])


def _project(root: Path, raw: Path | None) -> None:
    """A project folder to report on: ``raw`` (the real data/raw) copied in unless generated there already,
    and the notebooks."""
    if raw is not None:
        shutil.copytree(raw, root / "data" / "raw")
    shutil.copytree(REPO_ROOT / "notebooks", root / "notebooks", ignore=shutil.ignore_patterns(".ipynb_checkpoints"))


def _report(root: Path, env: dict, timeout: float) -> dict:
    seconds, _, error = _run([sys.executable, "-m", "comparison", "--root", str(root), "report"], env, root, timeout)
    out = {"seconds": seconds, "notebook_runs": _notebook_durations(root / "reports" / "notebooks")}
    if error:
        out["error"] = error
    return out


def time_report(sizes: tuple[int, ...], templates, keep: bool, timeout: float, figure_cost: bool) -> dict:
    """The seed plans' report and its floor, the synthetic reports of ``sizes``, and with ``figure_cost`` the
    seed plans' report with figures drawn but not written (module docstring)."""
    from benchmarks.generate import generate

    env = dict(os.environ, PYTHONPATH=str(REPO_ROOT))
    env.pop("CITYCOMPARE_ROOT", None)
    folders = []
    try:
        root = Path(tempfile.mkdtemp(prefix="citycompare-bench-report-"))
        folders.append(root)
        _project(root, REPO_ROOT / "data" / "raw")
        seconds, stdout, error = _run([sys.executable, "-c", FLOOR_SNIPPET, str(root)], env, root, timeout)
        if error:
            return {"error": f"the floor run {error}"}
        info = json.loads(stdout.strip().splitlines()[-1])
        out = {"floor_s": info["wall"], "jobs": info["jobs"], "notebooks": info["notebooks"], "langs": info["langs"],
               "floor_runs": _notebook_durations(root / "floor"), "sizes": {}}
        out["seed"] = _report(root, env, timeout)
        for n in sizes:
            synthetic = Path(tempfile.mkdtemp(prefix=f"citycompare-bench-report-{n}-"))
            folders.append(synthetic)
            generate(n, synthetic, templates)
            _project(synthetic, None)
            print(f"bench: report on {n} synthetic plans…", file=sys.stderr, flush=True)
            out["sizes"][n] = _report(synthetic, env, timeout)
        if figure_cost:
            shutil.rmtree(root / "reports")
            draw_env = dict(env, PYTHONPATH=os.pathsep.join([str(DRAW_ONLY), str(REPO_ROOT)]))
            out["draw_only"] = _report(root, draw_env, timeout)
        return out
    finally:
        for folder in folders:
            if keep:
                print(f"bench: kept {folder}")
            else:
                shutil.rmtree(folder, ignore_errors=True)
