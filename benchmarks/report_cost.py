"""What the full report costs: ``python -m comparison report`` timed on copies of the project, against the
floor of each notebook's imports.
"""
from __future__ import annotations

import json
import os
import shutil
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
empty = nbformat.v4.new_notebook()
empty.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
cell = nbformat.v4.new_code_cell('lang = "en"')
cell.metadata["tags"] = ["parameters"]
empty.cells = [cell]
src = root / "empty.ipynb"
nbformat.write(empty, str(src))
out = root / "floor"
run_notebook(src, out / "warmup.ipynb", "en", paths)  # not counted: first start warms the disk cache
runs = [(src, out / lang / nb.name, lang) for lang in LANGS for nb in notebooks(paths)]
t0 = time.perf_counter()
run_notebooks(runs, paths)  # as the report runs its notebooks: same call, same kernels at a time
wall = time.perf_counter() - t0
each = [json.loads(o.read_text(encoding="utf-8"))["metadata"]["papermill"]["duration"] for _, o, _ in runs]
# The same, with each notebook's first code cell (its imports and plot style): what a run costs before any work.
imports = root / "imports"
imports.mkdir()
import_runs = []
for nb_path in notebooks(paths):
    real = nbformat.read(str(nb_path), as_version=4)
    first = next(c for c in real.cells if c.cell_type == "code")
    only = nbformat.v4.new_notebook(metadata=empty.metadata, cells=[cell, nbformat.v4.new_code_cell(first.source)])
    nbformat.write(only, str(imports / nb_path.name))
    import_runs += [(imports / nb_path.name, out / "imports" / lang / nb_path.name, lang) for lang in LANGS]
t0 = time.perf_counter()
run_notebooks(import_runs, paths)
imports_wall = time.perf_counter() - t0
print(json.dumps({"wall": wall, "runs": each, "jobs": jobs(), "notebooks": [nb.name for nb in notebooks(paths)],
                  "langs": list(LANGS), "imports_wall": imports_wall}))
"""


CELL_KINDS = ("imports and plot style (first code cell)", "cells that export a figure", "other cells")


def _cell_kind(index: int, source: str) -> str:
    """Which part of a notebook run a code cell's time goes to (``CELL_KINDS``)."""
    if index == 0:
        return CELL_KINDS[0]
    return CELL_KINDS[1] if "save_figure(" in source else CELL_KINDS[2]


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
    """Where the report's time goes, summed over its notebook runs (seconds of one core each), next to
    the floor's kernel starts."""
    runs = report.get("notebook_runs", [])
    rows = [("kernel starts and stops (the floor's runs, summed)", sum(report["floor_runs"]))]
    rows += [(kind, sum(r.get("by_kind", {}).get(kind, 0.0) for r in runs)) for kind in CELL_KINDS]
    return rows


def _timed_report(root: Path, env: dict) -> tuple[float, str]:
    """Wall seconds of `python -m comparison report` on ``root``, and its error output if it failed."""
    t0 = time.perf_counter()
    run = subprocess.run([sys.executable, "-m", "comparison", "--root", str(root), "report"],
                         capture_output=True, text=True, env=env, cwd=root)
    seconds = time.perf_counter() - t0
    if not run.returncode:
        return seconds, ""
    lines = [ln for ln in run.stderr.splitlines() if ln.strip() and "IPKernelApp" not in ln]
    return seconds, f"`python -m comparison report` failed (after {seconds:.1f} s):\n" + "\n".join(lines[-25:])


def time_report(keep: bool) -> dict:
    """The full report on a copy of the real corpus, the kernel floor, and the report once more with every
    figure drawn but not exported (``DRAW_ONLY``): what the figure files themselves cost."""
    root = Path(tempfile.mkdtemp(prefix="citycompare-bench-report-"))
    try:
        shutil.copytree(REPO_ROOT / "data" / "raw", root / "data" / "raw")
        shutil.copytree(REPO_ROOT / "notebooks", root / "notebooks",
                        ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
        env = dict(os.environ, PYTHONPATH=str(REPO_ROOT))
        env.pop("CITYCOMPARE_ROOT", None)
        floor = subprocess.run([sys.executable, "-c", FLOOR_SNIPPET, str(root)], capture_output=True, text=True,
                               env=env, cwd=root)
        if floor.returncode:
            return {"error": f"floor run failed:\n{floor.stderr[-3000:]}"}
        floor_info = json.loads(floor.stdout.strip().splitlines()[-1])
        out = {"floor_s": floor_info["wall"], "floor_runs": floor_info["runs"], "jobs": floor_info["jobs"],
               "notebooks": floor_info["notebooks"], "langs": floor_info["langs"],
               "floor_imports_s": floor_info["imports_wall"]}
        out["report_s"], failure = _timed_report(root, env)
        out["notebook_runs"] = _notebook_durations(root / "reports" / "notebooks")
        if failure:
            out["error"] = failure
            return out
        shutil.rmtree(root / "reports")
        env["PYTHONPATH"] = os.pathsep.join([str(DRAW_ONLY), str(REPO_ROOT)])
        out["draw_only_s"], failure = _timed_report(root, env)
        if failure:
            out["draw_only_error"] = failure
        return out
    finally:
        if keep:
            print(f"bench: kept {root}")
        else:
            shutil.rmtree(root, ignore_errors=True)
