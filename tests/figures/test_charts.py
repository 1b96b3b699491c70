"""Exporting charts: names of parts, the highlight's own folder, stale parts and withdrawn figures removed."""
import matplotlib.pyplot as plt

from comparison.figures.charts import Chart, export, outputs, part_name, withdraw
from comparison.paths import project_paths


def chart(name):
    fig, ax = plt.subplots(figsize=(2, 1))
    ax.plot([0, 1])
    return Chart(fig, "99", name, "en", "A caption.")


def test_parts_after_the_first_are_numbered():
    assert [part_name("coverage", k) for k in (1, 2, 3)] == ["coverage", "coverage_part2", "coverage_part3"]


def test_a_highlight_writes_apart():
    paths = project_paths("/tmp/x")
    assert outputs(paths, None) == paths
    assert outputs(paths, ["b_2022", "a_2021"]).figures.parts[-2] == "highlight=a_2021+b_2022"
    assert outputs(paths, "a_2021").figures.parts[-2] == "highlight=a_2021"


def test_export_writes_every_part_and_removes_parts_left_by_a_larger_run(tmp_path):
    paths = project_paths(tmp_path)
    export([chart("fig"), chart("fig_part2"), chart("fig_part3")], paths)
    folder = paths.figures / "en"
    assert {p.name for p in folder.iterdir()} >= {"99_fig_part3.png", "99_fig_part3.svg", "99_fig_part3.json"}
    (folder / "99_other_part2.png").write_bytes(b"not ours")
    export([chart("fig"), chart("fig_part2")], paths)
    names = {p.name for p in folder.iterdir()}
    assert "99_fig_part2.png" in names and not any(n.startswith("99_fig_part3") for n in names)
    assert "99_other_part2.png" in names


def test_export_returns_nothing_for_a_notebook_to_print(tmp_path):
    assert export(chart("fig"), project_paths(tmp_path)) is None  # a cell ending with it shows no list of paths


def test_withdraw_removes_a_figure_and_its_parts_and_nothing_else(tmp_path):
    paths = project_paths(tmp_path)
    export([chart("fig"), chart("fig_part2")], paths)
    export([chart("fig_other")], paths)
    folder = paths.figures / "en"
    (folder / "99_fig_partial.png").write_bytes(b"not a part")
    withdraw(paths, "99_fig", "en")
    assert sorted(p.name for p in folder.iterdir()) == [
        "99_fig_other.json", "99_fig_other.pdf", "99_fig_other.png", "99_fig_other.svg", "99_fig_partial.png"]
    withdraw(paths, "99_fig", "zh")  # a language with no figures yet: nothing to do
