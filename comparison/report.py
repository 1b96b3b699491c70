"""``make report``: build the tables, run every notebook headless in zh and en, write the HTML report.

Notebooks are run with papermill (parameterised runs: ``lang``), each in a fresh kernel, so none can
depend on state left by another. Executed copies go to ``reports/notebooks/<lang>/`` (not in git).

Kernels run ``jobs()`` at a time, one per CPU this process may use: starting a kernel and importing the
scientific stack is mostly single-threaded, so one kernel per core keeps every core busy. Every run writes
its own files (figures per language; a table both languages write is the same bytes, written atomically), so
the order in which runs finish changes no output.
"""
from __future__ import annotations

import base64
import html
import json
import os
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path


from comparison.analysis.targets import wide_comparison
from comparison.api import load
from comparison.tables.atomic import write_text
from comparison.paths import ProjectPaths
from comparison.pipeline import build

LANGS = ("en", "zh")
MAX_JOBS = None  # kernels at a time: no cap beyond one per CPU (a number caps it, e.g. on a shared machine)
TITLES = {"en": "citycompare: Chinese city green-economy and synergy plans compared",
          "zh": "城市绿色低碳循环发展与减污降碳协同方案比较"}


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
                                   request_save_on_cell_execute=False, shutdown_kernel="immediate")
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


def run_report(paths: ProjectPaths, allow_suggested: bool = False) -> None:
    build(paths, allow_suggested=allow_suggested)
    print(f"report: built tables in {paths.processed}")
    runs = [(nb, paths.reports / "notebooks" / lang / nb.name, lang) for lang in LANGS for nb in notebooks(paths)]
    run_notebooks(runs, paths, on_done=lambda run: print(f"report: ran {run[0].name} ({run[2]})"))
    for lang in LANGS:
        target = paths.reports / ("report.html" if lang == "en" else f"report_{lang}.html")
        write_text(report_html(paths, lang), target)
        print(f"report: wrote {target}")


def report_html(paths: ProjectPaths, lang: str) -> str:
    """A self-contained HTML page: every figure (embedded PNG) with its caption, and the key tables."""
    t = load(lang, paths)
    parts = [f"<!doctype html><html lang='{lang}'><head><meta charset='utf-8'><title>{html.escape(TITLES[lang])}</title>",
             "<style>body{font-family:sans-serif;max-width:60em;margin:auto;padding:1em}figure{margin:2em 0}"
             "img{max-width:100%}figcaption{font-size:.9em;color:#333}table{border-collapse:collapse;font-size:.8em}"
             "td,th{border:1px solid #ccc;padding:2px 6px}</style></head><body>",
             f"<h1>{html.escape(TITLES[lang])}</h1>"]
    plans = t.plans[["plan", "title_zh", "issued", "status", "n_sentences", "n_targets", "n_baselines"]]
    parts += [f"<h2>{'方案' if lang == 'zh' else 'Plans'}</h2>", plans.to_html(index=False, na_rep="")]
    for meta in sorted((paths.figures / lang).glob("*.json")):
        info = json.loads(meta.read_text(encoding="utf-8"))
        png = meta.with_suffix(".png")
        if not png.exists():
            continue
        data = base64.b64encode(png.read_bytes()).decode("ascii")
        parts.append(f"<figure><img alt='{html.escape(info['figure'])}' src='data:image/png;base64,{data}'>"
                     f"<figcaption><b>{html.escape(info['figure'])}</b>: {html.escape(info['caption'])}</figcaption></figure>")
    shown = wide_comparison(t.comparison, t.plan_order, lang).drop(columns="indicator_id").rename(
        columns=t.plan_labels())
    dagger = ("† 与其他方案的单位、口径、目标年、基准年或范围不同，不可直接比较（见 comparison.csv 的 reason 列）。"
              if lang == "zh" else "† not comparable with the other plans' values: unit, measure, target year, base "
              "year or scope differ (the reason column of comparison.csv says which).")
    parts += [f"<h2>{'多个方案共有的目标' if lang == 'zh' else 'Targets set by two or more plans'}</h2>",
              shown.to_html(index=False, na_rep=""), f"<p>{html.escape(dagger)}</p>", "</body></html>"]
    return "\n".join(parts)
