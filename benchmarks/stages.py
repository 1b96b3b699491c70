"""The benchmark's timed stages: every step of ``comparison.pipeline.build`` and the notebooks' analyses,
on one synthetic project, in one fresh process (``python benchmarks/stages.py <root> --out <json>``, started
by ``run.py`` once per size and pass, so each size's peak RSS belongs to that size alone).

The analyses are the main functions of ``overview`` and of targets/priorities/clustering/similarity/
responsibility called with the parameters their notebooks use (a module that is absent is skipped with a
note; one without a recipe here gets every public function taking only the tables). Wall time
(time.perf_counter) and ``getrusage`` max RSS come from an untraced pass; the per-stage Python heap peak
(tracemalloc) from a traced pass (tracemalloc slows code down ~4×, so it never touches the timings). An
analysis step slower than the step budget is stopped and reported as "≥ budget".
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from benchmarks.recipes import RECIPES  # noqa: E402

OPTIONAL_ANALYSES = ("targets", "priorities", "clustering", "similarity", "responsibility", "alignment", "findings")
MIB = 2 ** 20


def _maxrss_mib() -> float:
    import resource

    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / MIB if sys.platform == "darwin" else rss / 1024  # bytes on macOS, KiB on Linux


class StepTimeout(Exception):
    """An analysis step ran past its time budget."""


def _raise_timeout(signum, frame):
    raise StepTimeout()


class Recorder:
    """Times stages; in a traced pass records each stage's tracemalloc peak instead."""

    def __init__(self, traced: bool, progress: str = ""):
        self.traced = traced
        self.progress = progress
        self.rows: list[dict] = []
        self.sub: dict[str, list[float]] = {}

    def run(self, name: str, kind: str, fn, *args, budget: float | None = None, **kwargs):
        """Run ``fn`` as stage ``name``; with ``budget`` (seconds) a slower stage is stopped (StepTimeout)."""
        import gc
        import signal
        import tracemalloc

        gc.collect()
        if self.traced:
            tracemalloc.reset_peak()
        if budget:
            signal.signal(signal.SIGALRM, _raise_timeout)
            signal.setitimer(signal.ITIMER_REAL, budget)
        t0 = time.perf_counter()
        timed_out = failed = False
        try:
            return fn(*args, **kwargs)
        except StepTimeout:
            timed_out = True
            raise
        except Exception:
            failed = True
            raise
        finally:
            seconds = time.perf_counter() - t0
            if budget:
                signal.setitimer(signal.ITIMER_REAL, 0)
            row = {"stage": name, "kind": kind, "seconds": seconds, "rss_mib": _maxrss_mib(), "timeout": timed_out,
                   "error": failed}
            if self.traced:
                row["py_peak_mib"] = tracemalloc.get_traced_memory()[1] / MIB
            self.rows.append(row)
            if self.progress:
                print(f"  [{self.progress}] {name}: {'stopped after ' if timed_out else ''}{seconds:.2f} s",
                      file=sys.stderr, flush=True)

    def wrap(self, module, names: list[str], label: str) -> list[tuple]:
        """Patch module-level functions to add their time to sub-stage rows; returns what to restore."""
        saved = []
        for name in names:
            fn = getattr(module, name, None)
            if not callable(fn):
                continue
            saved.append((module, name, fn))

            def timed(*a, _fn=fn, _key=f"{label} › {name}", **kw):
                t0 = time.perf_counter()
                try:
                    return _fn(*a, **kw)
                finally:
                    self.sub.setdefault(_key, []).append(time.perf_counter() - t0)

            setattr(module, name, timed)
        return saved


def _analysis_functions(module) -> list[tuple[str, object]]:
    """Public functions defined in ``module`` whose only required argument is the loaded tables ``t``."""
    import inspect

    found = []
    for name, fn in inspect.getmembers(module, inspect.isfunction):
        if name.startswith("_") or fn.__module__ != module.__name__:
            continue
        params = list(inspect.signature(fn).parameters.values())
        required = [p for p in params if p.default is inspect.Parameter.empty
                    and p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY)]
        if len(required) == 1 and params[0] is required[0] and (
                params[0].name in ("t", "tables") or "Tables" in str(params[0].annotation)):
            found.append((name, fn))
    return found


def run_analyses(t, rec: Recorder, notes: list[str], budget: float, skip: set[str]) -> None:
    import importlib

    for mod_name in ("overview",) + OPTIONAL_ANALYSES:
        try:
            module = importlib.import_module(f"comparison.analysis.{mod_name}")
        except ModuleNotFoundError as err:
            if err.name != f"comparison.analysis.{mod_name}":
                raise
            notes.append(f"comparison.analysis.{mod_name}: module absent, skipped")
            continue

        def step(label, thunk, *needs, _mod=mod_name):
            name = f"{_mod}.{label}"
            if any(n is None for n in needs):
                notes.append(f"{name}: skipped (an earlier step it needs did not finish)")
                return None
            if name in skip:
                return None
            try:
                return rec.run(name, "analysis", thunk, budget=budget)
            except StepTimeout:
                notes.append(f"{name}: stopped after the {budget:g} s budget per step (--step-budget)")
            except Exception as err:  # noqa: BLE001 - an API change or a bug: report it, benchmark the rest
                notes.append(f"{name}: failed: {type(err).__name__}: {str(err)[:200]}")
            return None

        recipe = RECIPES.get(mod_name)
        if recipe is not None:
            recipe(module, t, step)
            continue
        functions = _analysis_functions(module)
        if not functions:
            notes.append(f"comparison.analysis.{mod_name}: no recipe and no public function taking the tables, skipped")
        for name, fn in functions:
            step(name, lambda fn=fn: fn(t))


def one_pass(root: Path, rec: Recorder, notes: list[str], breakdown: bool, budget: float,
             skip: set[str] = frozenset()) -> dict:
    """Every stage of pipeline.build, then the analyses, on the project under ``root``."""
    from comparison.tables import dictionary
    from comparison.api import load
    from comparison.tables.atomic import write_csv, write_text
    from comparison.text.corpus import read_manifest
    from comparison.text.documents import clauses_table, parse_corpus, sentences_table
    from comparison.tables.export import write_xlsx
    from comparison.tables.harmonize import harmonize
    from comparison.paths import project_paths
    from comparison.pipeline import Inputs, collector_paused
    from comparison.curation.taxonomy import load_taxonomy
    from comparison.curation.units import UnitConverter
    from comparison.curation.validation import validate_cities
    from comparison.curation.references import load_references
    from comparison.tables.alignment import alignment_table, reference_documents_table
    from comparison.tables.datapackage import datapackage_json
    from comparison.tables.harmonize import unknown_agencies
    import comparison.tables.harmonize as harmonize_module
    import comparison.curation.validation as validation_module

    paths = project_paths(root)
    saved = []
    if breakdown:
        saved += rec.wrap(validation_module, ["read_workbook", "check_sections", "check_quantities",
                                              "check_ignored", "check_completeness", "check_measures"],
                          "validate")
        saved += rec.wrap(harmonize_module, sorted(n for n in dir(harmonize_module) if n.endswith("_table")),
                          "harmonize")
    try:
        def parse():
            manifest = read_manifest(paths)
            return manifest, parse_corpus(paths, manifest)

        with collector_paused():  # as pipeline.build and pipeline.validate run
            manifest, docs = rec.run("parse corpus", "build", parse)
            taxonomy = rec.run("load taxonomy", "build", load_taxonomy, paths)
            units = rec.run("unit registry (pint)", "build", UnitConverter, taxonomy)
            rec.run("unknown agencies", "build", unknown_agencies, docs, taxonomy)
            references = rec.run("load references", "build", load_references, paths, taxonomy, units,
                                 set(manifest.province_zh))
            curated = rec.run("validate city workbooks", "build", validate_cities, paths, manifest, docs, taxonomy,
                              units, False)
            inputs = Inputs(manifest, docs, taxonomy, units, curated, references)
            tables = rec.run("clause & sentence tables", "build",
                             lambda: {"clauses": clauses_table(docs), "sentences": sentences_table(docs)})
            tables.update(rec.run("harmonize", "build", harmonize, inputs))
            tables.update(rec.run("alignment tables", "build", lambda: {
                "alignment": alignment_table(tables["quantities"], manifest, references, units, taxonomy),
                "reference_documents": reference_documents_table(references)}))

            def write_tables():
                for name, df in tables.items():
                    write_csv(df, paths.processed / f"{name}.csv")
                write_text(dictionary.readme(), paths.processed / "README.md")
                write_text(datapackage_json(list(tables)), paths.processed / "datapackage.json")

            rec.run("write CSV tables", "build", write_tables)
            rec.run("write comparison.xlsx", "build", write_xlsx,
                    {k: v for k, v in tables.items() if k not in ("clauses", "sentences")},
                    paths.tables / "comparison.xlsx", taxonomy)
        size = {"plans": len(manifest), "raw_chars": sum(len(d.raw) for d in docs.values()),
                "clauses": len(tables["clauses"]), "sentences": len(tables["sentences"]),
                "quantities": len(curated.quantities), "ignored_numbers": len(curated.ignored_numbers),
                "measures": len(curated.measures)}
        del inputs, tables, docs, curated

        t = rec.run("api.load (en)", "analysis", load, "en", paths)
        run_analyses(t, rec, notes, budget, skip)
        return size
    finally:
        for module, name, fn in saved:
            setattr(module, name, fn)


def worker(root: Path, out: Path, trace: bool, profile: bool, budget: float) -> None:
    import gc

    os.environ.setdefault("MPLBACKEND", "Agg")
    label = f"N={sum(1 for _ in (root / 'data' / 'raw' / 'texts').glob('*.txt'))}"
    result: dict = {"notes": [], "rows": [], "sub": {}, "budget": budget}
    t0 = time.perf_counter()
    import comparison.api, comparison.tables.harmonize, comparison.pipeline, comparison.tables.export  # noqa: E401,F401
    result["rows"].append({"stage": "import comparison (pandas, openpyxl, pint…)", "kind": "import",
                           "seconds": time.perf_counter() - t0, "rss_mib": _maxrss_mib()})
    from comparison.problems import InputError

    print(f"  [{label}] timed pass", file=sys.stderr, flush=True)
    rec = Recorder(traced=False, progress=label)
    try:
        result["size"] = one_pass(root, rec, result["notes"], breakdown=True, budget=budget)
    except InputError as err:
        result["error"] = "the synthetic inputs do not validate (a bug in the generator):\n" + err.report()[:4000]
        out.write_text(json.dumps(result), encoding="utf-8")
        return
    result["rows"] += rec.rows
    result["sub"] = {k: [sum(v), len(v)] for k, v in rec.sub.items()}
    result["maxrss_mib"] = _maxrss_mib()
    # Steps that ran out of time or failed are not repeated in the traced and profiled passes.
    skip = {r["stage"] for r in rec.rows if r.get("timeout") or r.get("error")}
    gc.collect()
    if trace:
        import tracemalloc

        print(f"  [{label}] traced pass (tracemalloc; slower, its times are not used)", file=sys.stderr, flush=True)
        tracemalloc.start()
        traced = Recorder(traced=True, progress=label + " traced")
        try:
            one_pass(root, traced, [], breakdown=False, budget=4 * budget, skip=skip)
        finally:
            tracemalloc.stop()
        peaks = {r["stage"]: r["py_peak_mib"] for r in traced.rows if not r.get("timeout")}
        for r in result["rows"]:
            if r["stage"] in peaks:
                r["py_peak_mib"] = peaks[r["stage"]]
    if profile:
        import cProfile
        import io
        import pstats

        print(f"  [{label}] profiled pass (cProfile)", file=sys.stderr, flush=True)
        prof = cProfile.Profile()
        prof.enable()
        one_pass(root, Recorder(traced=False), [], breakdown=False, budget=4 * budget, skip=skip)
        prof.disable()
        for key in ("tottime", "cumulative"):
            buf = io.StringIO()
            pstats.Stats(prof, stream=buf).strip_dirs().sort_stats(key).print_stats(35)
            result[f"profile_{key}"] = buf.getvalue()
    out.write_text(json.dumps(result), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description="one timed pass of the scale benchmark (started by run.py)")
    p.add_argument("root", type=Path, help="the synthetic project")
    p.add_argument("--out", type=Path, required=True, help="where to write the result (JSON)")
    p.add_argument("--no-trace", action="store_true")
    p.add_argument("--profile", action="store_true")
    p.add_argument("--step-budget", type=float, default=60.0)
    args = p.parse_args(argv)
    worker(args.root, args.out, trace=not args.no_trace, profile=args.profile, budget=args.step_budget)
    return 0


if __name__ == "__main__":
    sys.exit(main())
