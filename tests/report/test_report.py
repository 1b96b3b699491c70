"""make report end to end, on a copy of the project: every notebook in zh and en, figures, tables, HTML.

One run serves all the checks: notebooks execute top to bottom in fresh kernels (a missing-glyph
warning is an error inside them), the raw inputs are untouched, and every listed figure exists in each
export format. The document itself is checked in test_report_page.py and in a browser in test_browser.py.
"""
import os

import pytest
from helpers import STALE_FIGURE, tree_digest

from comparison.paths import project_paths
from comparison.report import LANGS, notebooks

FIGURES = ["01_plan_size", "01_specificity", "02_shared_targets", "02_coverage", "02_reconciliation",
           "03_sector_heatmap", "03_pillar_heatmap", "03_instrument_heatmap", "03_sector_stacked",
           "03_instrument_type_stacked", "03_sector_emphasis", "03_synergy_share",
           "04_dendrogram", "04_bootstrap_cooccurrence", "04_theme_k", "04_themes_by_plan",
           "05_shingle_overlap", "05_cosine_similarity", "05_boilerplate_share",
           "06_lead_agencies", "06_agency_involvement", "07_alignment_values", "07_alignment_status"]


def test_report_never_writes_under_data_raw(real_report):
    root, before = real_report
    assert tree_digest(root / "data" / "raw") == before


def test_every_notebook_ran_in_both_languages(real_report):
    root, _ = real_report
    for lang in LANGS:
        for nb in notebooks(project_paths(root)):
            assert (root / "reports" / "notebooks" / lang / nb.name).exists(), (lang, nb.name)


@pytest.mark.parametrize("lang", LANGS)
def test_figures_exist_as_png_svg_and_pdf(real_report, lang):
    root, _ = real_report
    folder = root / "reports" / "figures" / lang
    made = {p.stem for p in folder.glob("*.png")}
    assert set(FIGURES) <= made
    for stem in made:
        for ext in ("svg", "pdf", "json"):
            assert (folder / f"{stem}.{ext}").exists(), f"{stem}.{ext}"


def test_a_full_report_shows_only_the_figures_it_drew(real_report):
    root, _ = real_report  # the run found STALE_FIGURE's files in reports/figures/en/ (tests/conftest.py)
    assert not list((root / "reports" / "figures" / "en").glob(f"{STALE_FIGURE}.*"))
    for name in ("report.html", "report_single.html"):
        assert STALE_FIGURE not in (root / "reports" / name).read_text(encoding="utf-8")


def test_every_exported_table_and_column_is_described_in_the_tables_readme(real_report):
    import csv

    from comparison.tables.report_tables import OTHER_FILES, REPORT_TABLES, declared

    root, _ = real_report
    folder = root / "reports" / "tables"
    readme = (folder / "README.md").read_text(encoding="utf-8")
    files = sorted(p.name for p in folder.iterdir() if p.is_file())
    assert {n for n in files if not declared(n)} <= set(OTHER_FILES), files
    assert {declared(n) for n in files} - {None} == set(REPORT_TABLES)  # every declared table was written
    plans = {row["doc_id"] for row in csv.DictReader((root / "data/raw/plans.csv").open(encoding="utf-8"))}
    for name in files:
        if name.endswith(".csv"):
            header = next(csv.reader((folder / name).open(encoding="utf-8")))
            described = [c for c, _ in REPORT_TABLES[declared(name)][2]]
            shown = [("<doc_id>" if c in plans and "<doc_id>" in described else c) for c in header]
            assert list(dict.fromkeys(shown)) == described, name  # the same columns, in the same order
            assert f"## {declared(name)}" in readme
    assert "| commitment | 确保 \\| 力争 \\| none |" in readme  # a "|" inside a cell does not split it
    for page in ("report.html", "report_zh.html"):  # the appendix's data files name it
        assert "reports/tables/README.md" in (root / "reports" / page).read_text(encoding="utf-8")


def test_only_figures_no_notebook_wrote_again_are_removed_and_selections_stay(tmp_path):
    from comparison.report.run import figure_files, remove_unwritten
    from comparison.tables.atomic import write_text

    paths = project_paths(tmp_path)
    full, chosen = paths.figures / "zh", paths.selecting("docs", ["a_2021"]).figures / "zh"
    for folder in (full, chosen):
        folder.mkdir(parents=True)
        for name in ("02_coverage.png", "02_coverage.json", "02_coverage_part2.pdf", "02_old.svg", "notes.txt"):
            (folder / name).write_text("an earlier run")
    before = figure_files(paths)
    assert set(before) == {full / n for n in ("02_coverage.png", "02_coverage.json", "02_coverage_part2.pdf", "02_old.svg")}
    for name in ("02_coverage.png", "02_coverage.json"):  # what this run's notebooks export (atomically)
        write_text("this run", full / name)
    remove_unwritten(before)  # 02_old.svg and the stale part: no notebook wrote them again
    assert sorted(p.name for p in full.iterdir()) == ["02_coverage.json", "02_coverage.png", "notes.txt"]
    assert len(list(chosen.iterdir())) == 5  # a selection's figures are its own runs' business


def test_a_failed_report_deletes_no_figure(tmp_path, monkeypatch):
    from comparison.report import run as report

    paths = project_paths(tmp_path)
    stale = paths.figures / "en" / "02_old.png"
    stale.parent.mkdir(parents=True)
    stale.write_text("an earlier run")

    def failing(*args, **kwargs):
        raise RuntimeError("a notebook failed")

    monkeypatch.setattr(report, "build", lambda *a, **k: None)
    monkeypatch.setattr(report, "run_notebooks", failing)
    with pytest.raises(RuntimeError, match="a notebook failed"):
        report.run_report(paths)
    assert stale.exists()


def test_html_reports_and_workbook(real_report):
    root, _ = real_report
    for name in ("report.html", "report_zh.html", "report_single.html", "report_single_zh.html"):
        html = (root / "reports" / name).read_text(encoding="utf-8")
        assert html.count("<figure ") >= len(FIGURES) and "data:image/png;base64," in html, name
    assert (root / "reports" / "tables" / "comparison.xlsx").exists()


def test_vector_figures_are_deterministic(real_report):
    root, _ = real_report
    from comparison.report import kernels_use, run_notebook

    nb = notebooks(project_paths(root))[0]
    files = [root / "reports" / "figures" / "en" / f"01_plan_size.{ext}" for ext in ("svg", "pdf")]
    first = [f.read_bytes() for f in files]
    with kernels_use(project_paths(root)):
        run_notebook(nb, root / "reports" / "notebooks" / "again.ipynb", "en", project_paths(root))
    assert [f.read_bytes() for f in files] == first


def test_run_notebooks_reports_in_order_and_stops_after_a_failure(monkeypatch, tmp_path):
    import threading
    import time

    from comparison.report import run as report
    started, lock = [], threading.Lock()

    def fake_run(src, out, lang, paths):
        with lock:
            started.append(src)
        time.sleep(0.01 if src in ("b", "c") else 0.5)  # "a" ends after "b"; "c" fails while "d" runs
        if src == "c":
            raise RuntimeError("cell failed in c")

    monkeypatch.setattr(report, "run_notebook", fake_run)
    monkeypatch.setattr(report, "MAX_JOBS", 2)
    done = []
    report.run_notebooks([("a", None, "en"), ("b", None, "en")], project_paths(tmp_path), done.append)
    assert [r[0] for r in done] == ["a", "b"]
    started.clear()
    runs = [(name, None, "en") for name in "cdefgh"]
    with pytest.raises(RuntimeError, match="failed in c"):
        report.run_notebooks(runs, project_paths(tmp_path))
    assert len(started) < len(runs)  # runs not yet started when c failed never start


def test_a_notebook_run_on_some_plans_writes_apart_and_leaves_the_full_outputs_alone(real_report, monkeypatch):
    """Exploring a subset (or one indicator in 02) in JupyterLab must not replace a publication figure."""
    import papermill

    root, _ = real_report
    monkeypatch.setenv("CITYCOMPARE_ROOT", str(root))
    before = tree_digest(root / "reports" / "figures") | tree_digest(root / "reports" / "tables")
    subset = ["shangrao_2022", "nanping_2021"]
    for name, params in (("06_responsibility", {"docs": subset}),
                         ("02_targets", {"indicator": "livestock_manure_utilization_rate_pct"})):
        papermill.execute_notebook(str(root / "notebooks" / f"{name}.ipynb"), str(root / "reports" / f"{name}_x.ipynb"),
                                   parameters={"lang": "en", **params}, cwd=str(root / "notebooks"),
                                   progress_bar=False, kernel_name="python3", request_save_on_cell_execute=False,
                                   shutdown_kernel="immediate")  # as the report runs them (report/run.py)
    assert tree_digest(root / "reports" / "figures") | tree_digest(root / "reports" / "tables") == before
    selections = root / "reports" / "selections"
    apart = selections / "docs=nanping_2021+shangrao_2022" / "figures" / "en"
    assert {p.name for p in apart.glob("*.png")} == {"06_lead_agencies.png", "06_agency_involvement.png"}
    one = selections / "indicator=livestock_manure_utilization_rate_pct" / "figures" / "en"
    assert {p.name for p in one.glob("*.png")} == {"02_shared_targets.png"}


def test_load_names_unknown_plans_and_keeps_the_full_corpus_in_place(real_report):
    import pandas as pd

    from comparison.api import load

    root, _ = real_report
    paths = project_paths(root)
    with pytest.raises(ValueError, match=r"docs: 'nanping2021' not in data/processed/plans.csv; choose from "
                                         r"nanping_2021, nanping_2022, shangrao_2022, tianshui_2022, jiaozuo_2021"):
        load("en", paths, docs=["nanping2021", "jiaozuo_2021"])
    one = load("en", paths, docs="jiaozuo_2021").paths
    assert one.figures == root / "reports" / "selections" / "docs=jiaozuo_2021" / "figures"
    assert one.selecting("indicator", ["x"]).tables == one.outputs.parent / "docs=jiaozuo_2021,indicator=x" / "tables"
    everything = load("en", paths, docs=list(pd.read_csv(paths.manifest).doc_id)).paths  # every plan: no selection
    assert everything.figures == root / "reports" / "figures" and everything.tables == root / "reports" / "tables"


def test_selection_folder_names_are_stable_and_short():
    from comparison.paths import selection_name

    assert selection_name(["b_2", "a_1", "b_2"]) == "a_1+b_2"
    many = [f"city{k:03d}_2023" for k in range(50)]
    assert selection_name(many) == selection_name(list(reversed(many)))
    assert selection_name(many).startswith("50_items_") and len(selection_name(many)) == len("50_items_") + 12


def test_a_failed_notebook_run_keeps_its_executed_copy_and_no_partial_file(tmp_path, monkeypatch, capfd):
    """Also: the kernel prints no transport warning (its sockets get CurveZMQ keys)."""
    import nbformat
    from papermill.exceptions import PapermillExecutionError

    from comparison.report import run_notebook

    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    params = nbformat.v4.new_code_cell('lang = "en"')
    params.metadata["tags"] = ["parameters"]
    nb.cells = [params, nbformat.v4.new_code_cell("raise ValueError('cell failed on purpose')")]
    monkeypatch.setenv("CITYCOMPARE_ROOT", str(tmp_path))
    (tmp_path / "notebooks").mkdir()
    nbformat.write(nb, str(tmp_path / "notebooks" / "99_fails.ipynb"))
    out = tmp_path / "reports" / "notebooks" / "en" / "99_fails.ipynb"
    with pytest.raises(PapermillExecutionError, match="cell failed on purpose"):
        run_notebook(tmp_path / "notebooks" / "99_fails.ipynb", out, "en", project_paths(tmp_path))
    assert [p.name for p in out.parent.iterdir()] == [out.name]
    assert "cell failed on purpose" in out.read_text(encoding="utf-8")
    printed = capfd.readouterr()
    assert "without encryption" not in printed.out + printed.err


def test_kernels_see_the_project_root_only_while_the_report_runs(monkeypatch, tmp_path):
    from comparison.report import kernels_use

    monkeypatch.delenv("CITYCOMPARE_ROOT", raising=False)
    with kernels_use(project_paths(tmp_path)):
        assert os.environ["CITYCOMPARE_ROOT"] == str(tmp_path.resolve())
    assert "CITYCOMPARE_ROOT" not in os.environ
    monkeypatch.setenv("CITYCOMPARE_ROOT", "/elsewhere")
    with kernels_use(project_paths(tmp_path)):
        pass
    assert os.environ["CITYCOMPARE_ROOT"] == "/elsewhere"


def test_progress_counts_notebooks_and_shows_the_time_since_the_start():
    from pathlib import Path

    from comparison.report import Progress

    ticks, lines = iter([100.0, 101.5, 112.3, 130.0]), []
    progress = Progress(12, clock=lambda: next(ticks), out=lines.append)
    progress.say("built tables")
    progress.ran((Path("notebooks/01_corpus_overview.ipynb"), Path("out"), "en"))
    progress.ran((Path("notebooks/02_targets.ipynb"), Path("out"), "zh"))
    assert lines == ["report [  1.5 s] built tables",
                     "report [ 12.3 s] notebook 1 of 12 done: 01_corpus_overview.ipynb (en)",
                     "report [ 30.0 s] notebook 2 of 12 done: 02_targets.ipynb (zh)"]
