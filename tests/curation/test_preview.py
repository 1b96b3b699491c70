"""The preview (build --allow-suggested) always builds: a problem in a row still suggested is a warning that
names file, sheet, row and column, and the row is left out of the tables with a count; the same problem in
a curated row stops the build."""
import pandas as pd
import pytest
from openpyxl import load_workbook

from comparison.paths import project_paths
from comparison.pipeline import build
from comparison.problems import InputError

from helpers import TIANSHUI, edit, where

Q1 = "tianshui_2022_q001"


def built_quantities(root) -> pd.DataFrame:
    return pd.read_csv(root / "data/processed/quantities.csv", dtype=str)


def test_a_problem_in_a_suggested_row_is_a_warning_and_the_row_is_left_out(project_copy, capsys):
    edit(project_copy, "quantities", "quantity_id", Q1, "status", "suggested")
    row = edit(project_copy, "quantities", "quantity_id", Q1, "indicator_id", "forest_cover_typo_pct")
    build(project_paths(project_copy), allow_suggested=True)
    err = capsys.readouterr().err
    assert f"  - {where('quantities', row, 'indicator_id')}: indicator_id not in the indicator dictionary" in err
    assert "found: 'forest_cover_typo_pct'" in err and "fix: use one of these" in err
    assert f"left out of the tables and figures: 1 quantities rows ({TIANSHUI})" in err
    q = built_quantities(project_copy)
    assert Q1 not in set(q.quantity_id) and "tianshui_2022_q002" in set(q.quantity_id)


def test_the_same_problem_in_a_curated_row_stops_the_preview(project_copy):
    row = edit(project_copy, "quantities", "quantity_id", Q1, "indicator_id", "forest_cover_typo_pct")
    with pytest.raises(InputError) as err:
        build(project_paths(project_copy), allow_suggested=True)
    assert [(p.sheet, p.row, p.column) for p in err.value.problems] == [("quantities", row, "indicator_id")]
    assert not (project_copy / "data/processed/quantities.csv").exists()


def test_a_number_left_unaccounted_is_a_warning_only_in_a_plan_under_review(project_copy, capsys):
    path = project_copy / TIANSHUI
    wb = load_workbook(path)
    wb["ignored_numbers"].delete_rows(2)  # the 2022 of the issue date
    wb.save(path)
    with pytest.raises(InputError) as err:
        build(project_paths(project_copy), allow_suggested=True)
    assert [p.message.split(" (raw")[0] for p in err.value.problems] == [
        "number 2022 in tianshui_2022"]  # the plan is curated: an error
    edit(project_copy, "measures", "sentence_id", "tianshui_2022:1.0.1", "status", "suggested")
    build(project_paths(project_copy), allow_suggested=True)  # the plan is under review: a warning
    assert "number 2022 in tianshui_2022 (raw offset" in capsys.readouterr().err


def test_an_unknown_responsible_unit_of_a_plan_under_review_is_left_out_of_responsibilities(project_copy, capsys):
    path = project_copy / "data/raw/taxonomy.xlsx"
    wb = load_workbook(path)
    ws = wb["agency_aliases"]
    row = next(r[0].row for r in ws.iter_rows(min_row=2) if r[0].value == "南平海关")
    ws.delete_rows(row)
    wb.save(path)
    with pytest.raises(InputError):  # nanping_2021 is curated
        build(project_paths(project_copy), allow_suggested=True)
    edit(project_copy, "quantities", "quantity_id", "nanping_2021_q001", "status", "suggested",
         book="data/raw/cities/nanping.xlsx")
    build(project_paths(project_copy), allow_suggested=True)
    err = capsys.readouterr().err
    assert "responsible unit not in the agency dictionary\n    found: '南平海关'" in err
    assert "1 responsible units not in the agency dictionary (nanping_2021)" in err
    responsibilities = pd.read_csv(project_copy / "data/processed/responsibilities.csv", dtype=str)
    assert "南平海关" not in set(responsibilities.name_as_written) and len(responsibilities) > 0
