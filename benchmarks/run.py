"""Scale benchmark: how the build and the analyses grow with the number of plans.

Run with ``make bench`` (``.venv/bin/python benchmarks/run.py``). A script, not a test: it prints
tables and PASS/FAIL against the targets and always exits 0 when the benchmark itself ran.

For each size N (default 5, 50, 300; ``--quick`` 5, 50; ``--sizes`` any list) it

1. generates N synthetic plans in a temporary project folder by resampling the real corpus: synthetic
   plan k is a byte copy of real plan k mod 5 (so N=5 is the real corpus under new ids) with its own
   doc_id and city, its sha256 in ``plans.csv``, and its own city workbook holding the real curated
   rows of that plan (sections, quantities, ignored_numbers, measures) with doc_id, clause_id,
   sentence_id and quantity_id re-targeted. Quotes stay exact substrings of the synthetic raw text inside
   the right clause, every digit sequence stays accounted for and every sentence stays coded, so the
   real validation passes; ``taxonomy.xlsx`` is copied as is;
2. runs every stage of ``comparison.pipeline.build`` (parse corpus, load taxonomy, unit registry,
   validate city workbooks, clause and sentence tables, harmonize, write CSV, write comparison.xlsx;
   validation and harmonize are also broken down by function) and the analyses: ``comparison.api.load``
   and the main functions of ``overview`` and of targets/priorities/clustering/similarity/responsibility
   called with the parameters their notebooks use (a module that is absent is skipped with a note; one
   without a recipe here gets every public function taking only the tables). Each size runs in a fresh
   subprocess, so its peak RSS belongs to that size alone. Wall time (time.perf_counter) and
   ``getrusage`` max RSS come from an untraced pass, the fastest of ``--repeat`` (default 3) passes, each
   in a fresh process (timings on a shared machine vary by ±10 % and up to 2× under load; every pass's
   total is printed); the per-stage Python heap peak (tracemalloc) from a traced pass in the first
   process (tracemalloc slows code down ~4×, so it never touches the timings). An analysis
   step slower than ``--step-budget`` seconds (default 60) is stopped and reported as "≥ budget";
3. reports a table per N, the growth between sizes (time ratio and the exponent k in t ∝ N^k) and
   checks the targets: 300 plans in ≤ 30 s and ≤ 2 GiB for build + analysis;
4. with ``--report``, times a full ``python -m comparison report`` on a temporary copy of the real
   data/raw and notebooks, and the floor: one empty notebook per notebook and language run through the
   same call as the report (``comparison.report.run_notebooks``: the same papermill call, the same number
   of kernels at a time, ``report.jobs()``), i.e. only the cost of starting and stopping the kernels
   with the report's execution strategy (target ≤ 2× floor; the floor is the wall time of the whole
   batch, as the report's is), and the same batch with each notebook's first code cell (imports and
   plot style: what a notebook run costs before any work), with each executed notebook's duration and
   slowest cells (from papermill's metadata) and the notebook time summed by kind of cell (imports,
   figure exports, the rest);
   then the report once more with ``draw_only/`` first on PYTHONPATH (its ``sitecustomize`` makes
   ``save_figure`` draw the figure and write nothing, in every kernel): what the figure files cost;
5. prints a Markdown results table for the README.

A full run (5, 50, 300: three timed passes and one traced pass per size) takes about 8 minutes on
2 CPUs and ``--report`` about 3 more; ``--no-trace`` skips the traced pass, ``--repeat 1`` times each
size once, ``--quick`` stops at 50 plans.

``--profile`` adds a cProfile of build + analysis at the largest size (top functions by own time and
by cumulative time).

The work is split by job: ``generate.py`` (the synthetic corpus), ``stages.py`` (one timed pass in a
fresh process), ``report_cost.py`` (the full report against its floor), ``results.py`` (tables, growth,
targets, Markdown); this file is the entry point.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from benchmarks.generate import generate, real_templates  # noqa: E402
from benchmarks.report_cost import DRAW_ONLY, report_breakdown, time_report  # noqa: E402,F401
from benchmarks.results import (TARGET_REPORT_RATIO, _fmt_s, check_targets, markdown, print_table,  # noqa: E402
                                report_growth, report_size, totals)

STAGES = Path(__file__).resolve().parent / "stages.py"
DEFAULT_SIZES = (5, 50, 300)
QUICK_SIZES = (5, 50)


def run_size(n: int, templates, args) -> tuple[dict, float]:
    """Generate N plans, then time them in ``--repeat`` fresh worker processes and keep the fastest pass
    (the code's cost with the least interference from other work on the machine); every pass's total
    is kept in ``pass_seconds``. Heap peaks and the profile come from the first worker."""
    root = Path(tempfile.mkdtemp(prefix=f"citycompare-bench-{n}-"))
    try:
        t0 = time.perf_counter()
        generate(n, root, templates)
        gen_s = time.perf_counter() - t0
        env = dict(os.environ, PYTHONPATH=str(REPO_ROOT), MPLBACKEND="Agg")
        env.pop("CITYCOMPARE_ROOT", None)
        passes = []
        for k in range(args.repeat):
            out = root / f"bench-result-{k}.json"
            cmd = [sys.executable, str(STAGES), str(root), "--out", str(out), "--step-budget", str(args.step_budget)]
            if args.no_trace or k:
                cmd.append("--no-trace")
            if args.profile and n == max(args.sizes) and not k:
                cmd.append("--profile")
            proc = subprocess.run(cmd, env=env)
            if proc.returncode or not out.exists():
                raise SystemExit(f"bench: the worker for N={n} failed (exit {proc.returncode})")
            passes.append(json.loads(out.read_text(encoding="utf-8")))
            if "error" in passes[-1]:
                return passes[-1], gen_s
        best = min(passes, key=lambda res: totals(res)["total"])
        peaks = {r["stage"]: r["py_peak_mib"] for r in passes[0]["rows"] if "py_peak_mib" in r}
        for r in best["rows"]:
            if r["stage"] in peaks:
                r["py_peak_mib"] = peaks[r["stage"]]
        for key in ("profile_tottime", "profile_cumulative"):
            if key in passes[0]:
                best[key] = passes[0][key]
        best["pass_seconds"] = [totals(res)["total"] for res in passes]
        return best, gen_s
    finally:
        if args.keep:
            print(f"bench: kept {root}")
        else:
            shutil.rmtree(root, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--sizes", type=lambda s: tuple(int(x) for x in s.replace(",", " ").split()),
                   help=f"plan counts, e.g. '5,50,300' (default {','.join(map(str, DEFAULT_SIZES))})")
    p.add_argument("--quick", action="store_true", help=f"sizes {','.join(map(str, QUICK_SIZES))} only")
    p.add_argument("--report", action="store_true",
                   help="also time `python -m comparison report` on the real corpus against the kernel floor")
    p.add_argument("--profile", action="store_true", help="cProfile build + analysis at the largest size")
    p.add_argument("--no-trace", action="store_true", help="skip the tracemalloc pass (no per-stage heap peaks)")
    p.add_argument("--step-budget", type=float, default=60.0,
                   help="seconds after which one analysis step is stopped and reported as too slow (default 60)")
    p.add_argument("--repeat", type=int, default=3,
                   help="timed passes per size, each in a fresh process; the fastest is reported and every "
                        "pass's total shown (default 3)")
    p.add_argument("--keep", action="store_true", help="keep the temporary project folders")
    args = p.parse_args(argv)
    args.sizes = tuple(sorted(set(args.sizes or (QUICK_SIZES if args.quick else DEFAULT_SIZES))))
    if not args.sizes or min(args.sizes) < 1:
        p.error("sizes must be positive integers")
    if args.repeat < 1:
        p.error("--repeat must be at least 1")

    print(f"bench: python {sys.version.split()[0]}, {os.cpu_count()} CPUs, load average "
          f"{os.getloadavg()[0]:.2f} (other work on the machine inflates times), sizes {', '.join(map(str, args.sizes))}")
    templates = real_templates(REPO_ROOT)
    results: dict[int, dict] = {}
    for n in args.sizes:
        res, gen_s = run_size(n, templates, args)
        if "error" in res:
            print(f"bench: N={n}: {res['error']}", file=sys.stderr)
            return 1
        results[n] = res
        report_size(n, res, gen_s)
        for key in ("profile_tottime", "profile_cumulative"):
            if key in res:
                print(f"\n--- cProfile, build + analysis, N={n}, sorted by {key.split('_')[1]} ---")
                print(res[key])
    report_growth(results)
    target_lines = check_targets(results)
    print("\n=== Targets ===")
    for line in target_lines:
        print(line)

    report = None
    if args.report:
        print("\nbench: timing `python -m comparison report` on the real corpus and the kernel floor…")
        report = time_report(args.keep)
        if "floor_s" in report:
            runs = ", ".join(f"{x:.1f}" for x in report["floor_runs"])
            print(f"floor: {report['floor_s']:.1f} s wall ({len(report['floor_runs'])} empty notebooks = "
                  f"{len(report['notebooks'])} notebooks × {len(report['langs'])} languages, {report['jobs']} kernels "
                  f"at a time as in the report: {runs} s each)")
        if "error" in report:
            print(f"FAIL  bench: {report['error']}")
        else:
            ratio = report["report_s"] / report["floor_s"]
            print(f"full report: {report['report_s']:.1f} s (build, {len(report['notebook_runs'])} notebook runs, HTML)")
            rows = [[r["notebook"], _fmt_s(r["seconds"]),
                     "; ".join(f"{d:.1f} s {src}" for d, src in r["slowest"])] for r in report["notebook_runs"]]
            if rows:
                print_table(["notebook run", "seconds", "slowest cells"], rows, "lrl")
                print_table(["where the notebook time goes (all runs, summed)", "seconds"],
                            [[label, f"{sec:.1f}"] for label, sec in report_breakdown(report)])
            print(f"floor with each notebook's first cell (imports, plot style): {report['floor_imports_s']:.1f} s "
                  f"(report: {report['report_s'] / report['floor_imports_s']:.2f}× this)")
            if "draw_only_error" in report:
                print(f"bench: the draw-only report failed: {report['draw_only_error']}")
            else:
                print(f"the same report with figures drawn but not exported: {report['draw_only_s']:.1f} s "
                      f"({report['draw_only_s'] / report['floor_s']:.2f}× the floor)")
            print(f"{'PASS' if ratio <= TARGET_REPORT_RATIO else 'FAIL'}  full report / floor = {ratio:.2f}× "
                  f"(target ≤ {TARGET_REPORT_RATIO:g}×)")

    print("\n=== Markdown (for the README) ===\n")
    print(markdown(results, report, target_lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
