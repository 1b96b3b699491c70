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
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DRAW_ONLY = Path(__file__).resolve().parent / "draw_only"  # sitecustomize: save_figure draws, writes nothing
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

DEFAULT_SIZES = (5, 50, 300)
QUICK_SIZES = (5, 50)
TARGET_N = 300
TARGET_SECONDS = 30.0
TARGET_MIB = 2048.0
TARGET_REPORT_RATIO = 2.0
OPTIONAL_ANALYSES = ("targets", "priorities", "clustering", "similarity", "responsibility")
ID_COLUMNS = ("doc_id", "clause_id", "sentence_id", "quantity_id")
MIB = 2 ** 20


# ---------------------------------------------------------------------------------------------------
# 1. Synthetic corpus
# ---------------------------------------------------------------------------------------------------

def real_templates(root: Path) -> tuple[list[dict], dict[str, dict], dict[str, dict]]:
    """The real manifest rows, the raw bytes of each text and, per doc_id, its curated rows per sheet.

    The texts are also parsed with comparison.text.documents.parse_corpus to check that every curated id
    of a plan refers to that plan's parsed structure (so re-targeted copies stay valid).
    """
    from openpyxl import load_workbook

    from comparison.text.documents import parse_corpus
    from comparison.paths import project_paths
    from comparison.curation.validation import CITY_SCHEMA

    paths = project_paths(root)
    with open(paths.manifest, encoding="utf-8", newline="") as f:
        manifest = list(csv.DictReader(f))
    docs = parse_corpus(paths)
    texts = {r["doc_id"]: (paths.raw / r["file"]).read_bytes() for r in manifest}
    rows: dict[str, dict] = {r["doc_id"]: {} for r in manifest}
    for city in sorted({r["city_id"] for r in manifest}):
        wb = load_workbook(paths.cities / f"{city}.xlsx", read_only=True, data_only=True)
        for sheet in CITY_SCHEMA:
            it = wb[sheet].iter_rows(values_only=True)
            header = [("" if v is None else str(v).strip()) for v in next(it)]
            for doc_id in rows:
                rows[doc_id].setdefault(sheet, (header, []))
            k = header.index("doc_id")
            for values in it:
                if values is None or all(v in (None, "") for v in values):
                    continue
                doc_id = str(values[k]).strip()
                if doc_id not in rows:
                    raise SystemExit(f"bench: {city}.xlsx/{sheet} has a row for unknown plan {doc_id!r}")
                rows[doc_id][sheet][1].append(list(values))
        wb.close()
    for doc_id, sheets in rows.items():
        clause_ids = {c.clause_id for c in docs[doc_id].clauses}
        sentence_ids = {s.sentence_id for c in docs[doc_id].clauses for s in c.sentences}
        for sheet, (header, data) in sheets.items():
            for col, known in (("clause_id", clause_ids), ("sentence_id", sentence_ids)):
                if col in header:
                    bad = [r[header.index(col)] for r in data if r[header.index(col)] not in known]
                    if bad:
                        raise SystemExit(f"bench: {doc_id} {sheet}.{col} not in the parsed plan: {bad[:3]}")
    return manifest, texts, rows


def _retarget(value, old: str, new: str):
    """``old…`` → ``new…`` for an id cell that starts with the real doc_id (nanping_2021:3.1.2, nanping_2021_q001)."""
    if isinstance(value, str) and value.startswith(old):
        return new + value[len(old):]
    return value


def _write_workbook(target: Path, sheets: dict[str, tuple[list[str], list[list]]], old: str, new: str) -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    wb = Workbook(write_only=True)
    for sheet, (header, data) in sheets.items():
        ws = wb.create_sheet(sheet)
        ws.append(header)
        id_cols = [i for i, h in enumerate(header) if h in ID_COLUMNS]
        for values in data:
            out = list(values)
            for i in id_cols:
                out[i] = _retarget(out[i], old, new)
            cells = []
            for v in out:
                if isinstance(v, str) and v.startswith("=") and len(v) > 1:  # text, never a formula
                    cell = WriteOnlyCell(ws, value=v)
                    cell.data_type = "s"
                    cells.append(cell)
                else:
                    cells.append(v)
            ws.append(cells)
    wb.save(target)


def generate(n: int, root: Path, templates) -> dict:
    """N synthetic plans under ``root`` (data/raw layout); returns what was generated."""
    manifest, texts, rows = templates
    raw = root / "data" / "raw"
    (raw / "texts").mkdir(parents=True)
    (raw / "cities").mkdir()
    shutil.copy2(REPO_ROOT / "data" / "raw" / "taxonomy.xlsx", raw / "taxonomy.xlsx")
    width = len(str(n))
    out_rows = []
    for k in range(n):
        src = manifest[k % len(manifest)]
        old = src["doc_id"]
        year = old.rsplit("_", 1)[-1]
        city_id = f"s{k + 1:0{width}d}{src['city_id']}"
        doc_id = f"{city_id}_{year}"
        data = texts[old]
        (raw / "texts" / f"{doc_id}.txt").write_bytes(data)
        row = dict(src, doc_id=doc_id, city_id=city_id, city_zh=f"{src['city_zh']}{k + 1}",
                   city_en=f"{src['city_en']} {k + 1}", file=f"texts/{doc_id}.txt",
                   sha256=hashlib.sha256(data).hexdigest())
        out_rows.append(row)
        _write_workbook(raw / "cities" / f"{city_id}.xlsx", rows[old], old, doc_id)
    with open(raw / "plans.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(manifest[0].keys()), lineterminator="\n")
        w.writeheader()
        w.writerows(out_rows)
    return {"plans": n, "raw_bytes": sum(len(texts[r["doc_id"]]) for r in manifest) * n // len(manifest)}


# ---------------------------------------------------------------------------------------------------
# 2. Worker: one size, one fresh process
# ---------------------------------------------------------------------------------------------------

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


# The main functions of each analysis module, called the way its notebook uses them (same parameters),
# on every plan of the synthetic corpus. ``step(label, thunk, *needs)``
# times one call and returns its result, or None when it failed, ran out of time or needs a result that
# is None. A module not listed here gets every public function whose only argument is the tables ``t``.

def _recipe_overview(m, t, step):
    step("plan_overview", lambda: m.plan_overview(t))


def _recipe_targets(m, t, step):
    step("shared_targets", lambda: m.shared_targets(t.quantities))
    step("coverage", lambda: m.coverage(t.quantities, t.taxonomy.table("indicators"), t.taxonomy.table("sectors"),
                                        t.plan_order, t.lang))
    step("headline_targets", lambda: m.headline_targets(t.quantities, t.lang))
    a, b = (t.plan_order + t.plan_order)[:2]
    step("reconcile (two plans)", lambda: m.reconcile(t.quantities, a, b, t.lang))


def _recipe_priorities(m, t, step):
    dims = ("sector", "pillar_group", "instrument", "instrument_type")

    def profiles():
        out = {}
        for dim in dims:
            order = m.codebook_order(t.taxonomy, dim)
            out[dim] = (m.profile(t.priorities, dim, order=order),
                        m.profile(t.priorities, dim, "share_chars", order=order))
        return out

    p = step("profile (4 dimensions × sentences, characters)", profiles)
    step("emphasis + top_emphasis", lambda: {d: (m.emphasis(s), m.top_emphasis(s, n=3)) for d, (s, _) in p.items()}, p)
    step("synergy_share", lambda: m.synergy_share(t.measures))


def _recipe_responsibility(m, t, step):  # as notebooks/06_responsibility.ipynb
    r = t.responsibilities
    step("clauses_with_units + plans_with_units", lambda: (m.clauses_with_units(r), m.plans_with_units(r)))
    inv = step("involvement", lambda: m.involvement(r))
    step("wide + top_leads", lambda: (m.wide(inv, "lead"), m.top_leads(inv),
                                      m.wide(inv, "lead", drop_zero=False, order_by="total"),
                                      m.wide(inv, "supporting", drop_zero=False, order_by="total")), inv)


def _recipe_similarity(m, t, step):  # as notebooks/05_similarity.ipynb: n = 8, threshold = 0.5, per_plan = 3
    s = t.measures[["sentence_id", "doc_id", "plan", "sector", "text"]]
    step("containment (8-character shingles, plan × plan)", lambda: m.containment(s, 8))
    step("tfidf_cosine", lambda: m.tfidf_cosine(s))
    reuse = step("sentence_reuse", lambda: m.sentence_reuse(s, 8))
    step("boilerplate_share + local_examples", lambda: (m.boilerplate_share(reuse, 0.5),
                                                        m.local_examples(s, reuse, 3)), reuse)


def _recipe_clustering(m, t, step):  # as notebooks/04_clustering.ipynb: B = 200, seed = 2024, K_RANGE 4..12
    seed, meas = 2024, t.measures
    profiles = step("profile_matrix + plan_linkage + cut + distance_matrix", lambda: _cluster_plans(m, t))
    step("bootstrap_cooccurrence (B=200, k=2,3)",
         lambda: m.bootstrap_cooccurrence(meas, "sector_id", list(profiles.columns), ks=(2, 3), B=200, seed=seed),
         profiles)
    X = step("sentence_vectors (TF-IDF)", lambda: m.sentence_vectors(meas.text))
    km = step("kmeans_by_k (k=4..12, silhouette)", lambda: m.kmeans_by_k(X, range(4, 13), seed=seed), X)
    k = None if km is None else m.best_k(km[0])
    step("seed_agreement (5 other seeds)",
         lambda: m.seed_agreement(X, k, km[1][k], [seed + i for i in range(1, 6)]), km)

    def themes():
        th = m.order_by_size(km[1][k])
        return (m.theme_terms(meas.text, th), m.dominant(th, meas.sector_id), m.theme_shares(meas.doc_id, th),
                m.agreement(th, meas.sector_id))

    step("themes: terms, dominant, shares, agreement", themes, km)


def _cluster_plans(m, t):
    profiles = m.profile_matrix(t.priorities, "sector")
    m.profiles_from_codes(t.measures, "sector_id", list(profiles.columns))
    m.cut(m.plan_linkage(profiles), 2)
    m.distance_matrix(profiles)
    return profiles


RECIPES = {"overview": _recipe_overview, "targets": _recipe_targets, "priorities": _recipe_priorities,
           "responsibility": _recipe_responsibility, "similarity": _recipe_similarity,
           "clustering": _recipe_clustering}


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
            curated = rec.run("validate city workbooks", "build", validate_cities, paths, manifest, docs, taxonomy,
                              units, False)
            inputs = Inputs(manifest, docs, taxonomy, units, curated)
            tables = rec.run("clause & sentence tables", "build",
                             lambda: {"clauses": clauses_table(docs), "sentences": sentences_table(docs)})
            tables.update(rec.run("harmonize", "build", harmonize, inputs))

            def write_tables():
                for name, df in tables.items():
                    write_csv(df, paths.processed / f"{name}.csv")
                write_text(dictionary.readme(), paths.processed / "README.md")

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


# ---------------------------------------------------------------------------------------------------
# 4. Full report vs. kernel floor
# ---------------------------------------------------------------------------------------------------

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


# ---------------------------------------------------------------------------------------------------
# 3 and 5. Output
# ---------------------------------------------------------------------------------------------------

def _fmt_s(x: float | None) -> str:
    return "—" if x is None else (f"{x:.3f}" if x < 10 else f"{x:.1f}")


def _fmt_row_s(r: dict | None) -> str:
    """A stage's seconds; a lower bound for a stage stopped at its budget; 'failed' for an error."""
    if not r:
        return "—"
    if r.get("timeout"):
        return f"≥{_fmt_s(r['seconds'])} (stopped)"
    if r.get("error"):
        return "failed"
    return _fmt_s(r["seconds"])


def _row(res: dict, stage: str) -> dict | None:
    return next((r for r in res["rows"] if r["stage"] == stage), None)


def _fmt_mib(x: float | None) -> str:
    return "—" if x is None else f"{x:.0f}" if x >= 10 else f"{x:.1f}"


def print_table(headers: list[str], rows: list[list[str]], align: str | None = None) -> None:
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(headers)]
    align = align or "l" + "r" * (len(headers) - 1)

    def line(cells):
        return "  ".join(c.ljust(w) if a == "l" else c.rjust(w) for c, w, a in zip(cells, widths, align))

    print(line(headers))
    print("  ".join("-" * w for w in widths))
    for r in rows:
        print(line(r))


def totals(res: dict) -> dict:
    rows = res["rows"]
    build = sum(r["seconds"] for r in rows if r["kind"] == "build")
    analysis = sum(r["seconds"] for r in rows if r["kind"] == "analysis")
    imports = sum(r["seconds"] for r in rows if r["kind"] == "import")
    py_peak = max((r.get("py_peak_mib", 0.0) for r in rows), default=0.0) or None
    stopped = [r["stage"] for r in rows if r.get("timeout")]
    failed = [r["stage"] for r in rows if r.get("error")]
    return {"build": build, "analysis": analysis, "import": imports, "total": build + analysis + imports,
            "maxrss": res["maxrss_mib"], "py_peak": py_peak, "stopped": stopped, "failed": failed}


def _fmt_total(tot: dict, key: str) -> str:
    """A total; '≥' when a step in it was stopped at its budget (the true time is larger)."""
    lower = tot["stopped"] and key in ("analysis", "total")
    return ("≥" if lower else "") + _fmt_s(tot[key])


def report_size(n: int, res: dict, gen_s: float) -> None:
    s = res["size"]
    print(f"\n=== N = {n} plans: {s['raw_chars']:,} characters, {s['clauses']:,} clauses, {s['sentences']:,} "
          f"sentences; curated rows: {s['quantities']:,} quantities, {s['ignored_numbers']:,} ignored numbers, "
          f"{s['measures']:,} measures (generated in {gen_s:.1f} s, not counted) ===")
    rows = []
    for r in res["rows"]:
        rows.append([r["stage"], r["kind"], _fmt_row_s(r), _fmt_mib(r.get("py_peak_mib")),
                     _fmt_mib(r["rss_mib"])])
        if r["stage"] in ("validate city workbooks", "harmonize"):
            label = "validate" if r["stage"].startswith("validate") else "harmonize"
            for key, (sec, calls) in res["sub"].items():
                if key.startswith(label + " ›"):
                    rows.append(["  " + key.split(" › ")[1] + (f" ×{calls}" if calls > 1 else ""), "  part",
                                 _fmt_s(sec), "", ""])
    tot = totals(res)
    rows.append(["build total", "", _fmt_total(tot, "build"), "", ""])
    rows.append(["analysis total", "", _fmt_total(tot, "analysis"), "", ""])
    rows.append(["import + build + analysis", "", _fmt_total(tot, "total"), _fmt_mib(tot["py_peak"]),
                 _fmt_mib(tot["maxrss"])])
    print_table(["stage", "kind", "seconds", "peak MiB (tracemalloc)", "max RSS MiB (process, so far)"], rows,
                "llrrr")
    for note in res["notes"]:
        print(f"note: {note}")


def stage_names(results: dict[int, dict]) -> list[str]:
    names: list[str] = []
    for res in results.values():
        for r in res["rows"]:
            if r["stage"] not in names:
                names.append(r["stage"])
    return names


def seconds_of(res: dict, stage: str) -> float | None:
    """A stage's seconds when it completed (None when absent, stopped or failed: no growth then)."""
    r = _row(res, stage)
    return None if r is None or r.get("timeout") or r.get("error") else r["seconds"]


def growth(t1: float | None, t2: float | None, n1: int, n2: int) -> str:
    if not t1 or not t2 or t1 <= 0 or t2 <= 0:
        return "—"
    ratio = t2 / t1
    return f"×{ratio:.1f} (k={math.log(ratio) / math.log(n2 / n1):.2f})"


def report_growth(results: dict[int, dict]) -> None:
    sizes = sorted(results)
    if len(sizes) < 2:
        return
    pairs = list(zip(sizes, sizes[1:]))
    print("\n=== Growth of wall time between sizes (ratio; k is the exponent in t ∝ N^k: 1 linear, 2 quadratic) ===")
    rows = []
    for stage in stage_names(results) + ["build total", "import + build + analysis"]:
        row = [stage]
        for n1, n2 in pairs:
            if stage == "build total":
                t1, t2 = totals(results[n1])["build"], totals(results[n2])["build"]
            elif stage.startswith("import + build"):
                t1, t2 = totals(results[n1])["total"], totals(results[n2])["total"]
            else:
                t1, t2 = seconds_of(results[n1], stage), seconds_of(results[n2], stage)
            g = growth(t1, t2, n1, n2)
            if stage.startswith("import + build") and totals(results[n2])["stopped"] and g != "—":
                g = "≥" + g
            row.append(g)
        rows.append(row)
    print_table(["stage"] + [f"N {a}→{b} (N ×{b / a:g})" for a, b in pairs], rows)


def check_targets(results: dict[int, dict]) -> list[str]:
    lines = []
    if TARGET_N in results:
        tot = totals(results[TARGET_N])
        ok_t = tot["total"] <= TARGET_SECONDS and not tot["stopped"]
        ok_m = tot["maxrss"] <= TARGET_MIB
        stopped = (f"; stopped at the step budget, so the true time is larger: {', '.join(tot['stopped'])}"
                   if tot["stopped"] else "")
        passes = results[TARGET_N].get("pass_seconds", [])
        spread = (f"; fastest of {len(passes)} passes: {', '.join(f'{x:.1f}' for x in passes)} s"
                  if len(passes) > 1 else "")
        lines.append(f"{'PASS' if ok_t else 'FAIL'}  {TARGET_N} plans, import + build + analysis: "
                     f"{_fmt_total(tot, 'total')} s (target ≤ {TARGET_SECONDS:g} s; build {tot['build']:.1f} s, "
                     f"analysis {_fmt_total(tot, 'analysis')} s, imports {tot['import']:.1f} s{stopped}{spread})")
        if tot["failed"]:
            lines.append(f"note  failed (not timed): {', '.join(tot['failed'])}")
        lines.append(f"{'PASS' if ok_m else 'FAIL'}  {TARGET_N} plans, peak memory: {tot['maxrss']:.0f} MiB max RSS "
                     f"of the process (target ≤ {TARGET_MIB / 1024:g} GiB; Python heap peak "
                     f"{_fmt_mib(tot['py_peak'])} MiB by tracemalloc)")
    else:
        sizes = sorted(results)
        n = sizes[-1]
        tot = totals(results[n])
        if len(sizes) >= 2:
            prev = totals(results[sizes[-2]])["total"]
            k = max(1.0, math.log(tot["total"] / prev) / math.log(n / sizes[-2]))
            est = f"extrapolated with k={k:.2f}: ~{tot['total'] * (TARGET_N / n) ** k:.0f} s" \
                  f"{' or more' if tot['stopped'] else ''} (target ≤ {TARGET_SECONDS:g} s)"
        else:
            est = "no extrapolation from a single size"
        lines.append(f"n/a   {TARGET_N} plans not run (largest N = {n}); {est} — run without --quick to check")
    return lines


def markdown(results: dict[int, dict], report: dict | None, target_lines: list[str]) -> str:
    sizes = sorted(results)
    biggest = sizes[-1]
    head = ["stage"] + [f"N={n} s" for n in sizes]
    if len(sizes) >= 2:
        head.append(f"growth {sizes[-2]}→{biggest}")
    head.append(f"N={biggest} peak MiB")
    out = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for stage in stage_names(results):
        row = [stage] + [_fmt_row_s(_row(results[n], stage)) for n in sizes]
        if len(sizes) >= 2:
            row.append(growth(seconds_of(results[sizes[-2]], stage), seconds_of(results[biggest], stage),
                              sizes[-2], biggest))
        r = next((r for r in results[biggest]["rows"] if r["stage"] == stage), {})
        row.append(_fmt_mib(r.get("py_peak_mib")))
        out.append("| " + " | ".join(row) + " |")
    for label, key in (("**build**", "build"), ("**analysis**", "analysis"), ("**import + build + analysis**", "total")):
        row = [label] + [f"**{_fmt_total(totals(results[n]), key)}**" for n in sizes]
        if len(sizes) >= 2:
            g = growth(totals(results[sizes[-2]])[key], totals(results[biggest])[key], sizes[-2], biggest)
            row.append(("≥" if key != "build" and totals(results[biggest])["stopped"] and g != "—" else "") + g)
        row.append(f"{_fmt_mib(totals(results[biggest])['maxrss'])} (max RSS)" if key == "total" else "")
        out.append("| " + " | ".join(row) + " |")
    plans = " · ".join(f"N={n}: {results[n]['size']['sentences']:,} sentences, "
                       f"{results[n]['size']['quantities']:,} quantities" for n in sizes)
    out += ["", f"Synthetic corpora ({plans}). Peak MiB per stage: tracemalloc (Python heap); "
                f"the total's is the process max RSS."]
    out += [f"- {line}" for line in target_lines]
    if report and "error" in report and "floor_s" in report:
        out += ["", "| real corpus | seconds |", "|---|---|",
                f"| `python -m comparison report` | failed after {report['report_s']:.1f} |",
                f"| floor: {len(report['floor_runs'])} empty notebooks, {report['jobs']} at a time (kernel start/stop) "
                f"| {report['floor_s']:.1f} |"]
    if report and "error" not in report:
        ratio = report["report_s"] / report["floor_s"]
        out += ["", "| real corpus | seconds |", "|---|---|",
                f"| `python -m comparison report` | {report['report_s']:.1f} |",
                f"| floor: {len(report['floor_runs'])} empty notebooks, {report['jobs']} at a time (kernel start/stop) "
                f"| {report['floor_s']:.1f} |",
                f"| ratio (target ≤ {TARGET_REPORT_RATIO:g}×) | {ratio:.2f}× "
                f"{'PASS' if ratio <= TARGET_REPORT_RATIO else 'FAIL'} |"]
        out += [f"| floor with each notebook's first cell (imports, plot style) | {report['floor_imports_s']:.1f} "
                f"(report: {report['report_s'] / report['floor_imports_s']:.2f}× this) |"]
        if "draw_only_error" not in report:
            out += [f"| the same report, figures drawn but not exported (no PNG, SVG) | {report['draw_only_s']:.1f} "
                    f"({report['draw_only_s'] / report['floor_s']:.2f}× the floor) |"]
        out += ["", "| summed over the notebook runs | seconds |", "|---|---|"]
        out += [f"| {label} | {sec:.1f} |" for label, sec in report_breakdown(report)]
    return "\n".join(out)


# ---------------------------------------------------------------------------------------------------
# main
# ---------------------------------------------------------------------------------------------------

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
            cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", str(root), "--out", str(out),
                   "--step-budget", str(args.step_budget)]
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
    p.add_argument("--worker", type=Path, help=argparse.SUPPRESS)
    p.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.worker:
        worker(args.worker, args.out, trace=not args.no_trace, profile=args.profile, budget=args.step_budget)
        return 0
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
