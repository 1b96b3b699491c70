"""The scale benchmark's own logic (benchmarks/run.py is a script; its timings are not tested, only
that its synthetic corpus is valid input and that it classifies notebook time correctly)."""
import importlib.util
import sys
from types import SimpleNamespace

import pytest

from comparison.paths import REPO_ROOT, project_paths
from comparison.pipeline import validate


@pytest.fixture(scope="module")
def bench():
    """The entry point as ``make bench`` loads it (it puts the repository on sys.path), and its modules."""
    spec = importlib.util.spec_from_file_location("bench_run", REPO_ROOT / "benchmarks" / "run.py")
    run = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(run)
    return SimpleNamespace(run=run, generate=sys.modules["benchmarks.generate"],
                           report_cost=sys.modules["benchmarks.report_cost"])


def test_synthetic_plans_pass_the_real_validation(bench, tmp_path):
    bench.generate.generate(7, tmp_path, bench.generate.real_templates(REPO_ROOT))  # more plans than the five templates
    inputs = validate(project_paths(tmp_path))
    assert len(inputs.manifest) == 7 and len(inputs.docs) == 7
    assert inputs.manifest.doc_id.nunique() == 7
    # each copy of the corpus keeps a city's plans together, as the real corpus has Nanping's two plans
    cities = inputs.manifest.groupby("city_id").doc_id.apply(list).to_dict()
    assert cities["s1nanping"] == ["s1nanping_2021", "s1nanping_2022"] == [d.replace("s2", "s1") for d in cities["s2nanping"]]
    assert len(cities) == 5  # the four cities of the first copy (Nanping with two plans), Nanping again in the second
    assert set(inputs.curated.quantities.doc_id[inputs.curated.quantities.doc_id.str.startswith("s1nanping")]) == \
        {"s1nanping_2021", "s1nanping_2022"}


def test_notebook_time_is_split_into_kernel_starts_imports_figures_and_the_rest(bench, tmp_path):
    import json

    def executed(folder, cells, seconds):
        folder.mkdir(parents=True)
        (folder / "01_x.ipynb").write_text(json.dumps({"cells": cells, "metadata": {"papermill": {"duration": seconds}}}))

    def code(source, seconds):
        return {"cell_type": "code", "source": source, "metadata": {"papermill": {"duration": seconds}}}

    executed(tmp_path / "report" / "en", [{"cell_type": "markdown", "source": "# 01", "metadata": {}},
                                          code("from comparison.figures import plotting", 1.0), code("lang = 'en'", 0.5),
                                          code("fig = f()\nplotting.save_figure(fig, '01', 'x', lang, c)", 2.0),
                                          code("export(figures.plan_size(overview, style), out, t.plans)", 0.25)], 3.85)
    executed(tmp_path / "floor" / "en", [code("from comparison.figures import plotting", 0.75), code("lang = 'en'", 0.01)],
             1.0)
    runs = bench.report_cost._notebook_durations(tmp_path / "report")
    assert runs[0]["by_kind"] == dict(zip(bench.report_cost.CELL_KINDS, [1.0, 2.25, 0.5]))
    floor = bench.report_cost._notebook_durations(tmp_path / "floor")
    rows = bench.report_cost.report_breakdown({"notebook_runs": runs, "floor_runs": floor})
    assert rows == [("kernel start and stop (the floor's runs less their imports)", 0.25),
                    *zip(bench.report_cost.CELL_KINDS, [1.0, 2.25, 0.5])]


def test_draw_only_start_up_hook_draws_figures_and_writes_nothing(bench, tmp_path):
    """The benchmark's figure-cost comparison is only meaningful if the hook reaches save_figure in a
    fresh interpreter (as in a kernel), still draws, and leaves no file behind."""
    import os
    import subprocess
    import sys

    script = (
        "import matplotlib; matplotlib.use('Agg')\n"
        "from pathlib import Path\n"
        "from comparison.figures import plotting\n"
        "from comparison.paths import project_paths\n"
        "fig, ax = plotting.new_figure()\n"
        "drawn = []\n"
        "fig.canvas.mpl_connect('draw_event', lambda event: drawn.append(1))\n"
        f"out = plotting.save_figure(fig, '01', 'x', 'en', 'c', project_paths(Path({str(tmp_path)!r})))\n"
        "print(out, len(drawn), plotting.save_figure.__module__)\n")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(bench.report_cost.DRAW_ONLY), str(REPO_ROOT)]))
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert run.stdout.split() == ["[]", "1", "sitecustomize"]
    assert not any(tmp_path.rglob("*.png")) and not any(tmp_path.rglob("*.svg"))


def test_layout_check_start_up_hook_logs_each_saved_figure_with_its_problems(tmp_path):
    """report_layout.py is only meaningful if its hook reaches save_figure in a fresh interpreter (as in a
    kernel), reports what the layout checker finds, and still saves the figure."""
    import json
    import os
    import subprocess

    script = (
        "import matplotlib; matplotlib.use('Agg')\n"
        "from pathlib import Path\n"
        "from comparison.figures import plotting\n"
        "from comparison.paths import project_paths\n"
        "plotting.setup()\n"
        "paths = project_paths(Path('.'))\n"
        "fig, ax = plotting.new_figure(3.0, 2.0)\n"
        "plotting.save_figure(fig, '01', 'clean', 'en', 'c', paths)\n"
        "fig, ax = plotting.new_figure(3.0, 2.0)\n"
        "ax.text(0.5, 0.5, 'two texts', fontsize=8); ax.text(0.5, 0.5, 'on one spot', fontsize=8)\n"
        "plotting.save_figure(fig, '01', 'overlap', 'en', 'c', paths)\n")
    log = tmp_path / "layout.jsonl"
    hook = REPO_ROOT / "benchmarks" / "layout_check"
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(hook), str(REPO_ROOT)]), CITYCOMPARE_LAYOUT_LOG=str(log))
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, cwd=tmp_path,
                         timeout=120)
    assert run.returncode == 0, run.stderr
    entries = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    assert [(e["figure"], bool(e["problems"])) for e in entries] == [("en/01_clean", False), ("en/01_overlap", True)]
    assert "overlap" in entries[1]["problems"][0]
    assert (tmp_path / "reports/figures/en/01_overlap.png").exists()
