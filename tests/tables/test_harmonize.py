"""Harmonization: units through pint, indicators on one scale, tidy tables, determinism."""
import hashlib

import pandas as pd
import pint
import pytest

from comparison.paths import project_paths
from comparison.pipeline import build
from comparison.curation.taxonomy import load_taxonomy
from comparison.curation.units import UnitConverter, same_number


@pytest.fixture(scope="session")
def units(paths):
    return UnitConverter(load_taxonomy(paths))


@pytest.fixture(scope="session")
def built(paths, tmp_path_factory):
    """Build into a copy of the project so the test never races make report."""
    import shutil

    root = tmp_path_factory.mktemp("built")
    shutil.copytree(paths.raw, root / "data" / "raw")
    from comparison.paths import project_paths

    p = project_paths(root)
    build(p)
    return p


def test_every_codebook_unit_converts_with_its_documented_factor(paths, units):
    table = load_taxonomy(paths).table("units")
    assert len(table) >= 40
    for r in table.itertuples():
        assert same_number(units.factor(r.unit_as_written, r.canonical_unit), float(r.factor)), r.unit_as_written


@pytest.mark.parametrize("written,value,canonical,expected", [
    ("万吨", 1075, "t", 10_750_000), ("万亩", 3, "ha", 2000), ("亿元", 120, "CNY", 12_000_000_000),
    ("万千瓦", 50, "kW", 500_000), ("吨标准煤/万元", 0.5, "tce / CNY", 0.00005), ("万吨 / 日", 2, "t / day", 20_000),
    ("%", 75, "percent", 75), ("百分点", 2, "percentage_point", 2), ("家", 50, "item", 50), ("万户", 1, "item", 10_000),
])
def test_conversions(units, written, value, canonical, expected):
    assert same_number(units.convert(value, written, canonical), expected)


@pytest.mark.parametrize("written,canonical", [("万吨", "CNY"), ("%", "item"), ("百分点", "percent"),
                                               ("倍", "percent"), ("家", "percent")])
def test_incompatible_dimensions_raise(units, written, canonical):
    with pytest.raises(pint.DimensionalityError):
        units.convert(1, written, canonical)


def test_shared_indicators_line_up_on_one_unit(built):
    q = pd.read_csv(built.processed / "quantities.csv", keep_default_na=False)
    comparison = pd.read_csv(built.processed / "comparison.csv", keep_default_na=False)
    assert len(comparison) >= 5
    for ind in comparison.indicator_id:
        rows = q[q.indicator_id == ind]
        assert rows.unit_std.nunique() == 1, ind


def test_comparison_says_which_targets_can_be_set_side_by_side(built):
    """The issue's cases, read from the plans: Tianshui's ≥80 and Jiaozuo's 83 (manure, comparators kept);
    sewage of 市、县 vs 城市; manure of scale farms vs all farms; a reduction without its base year."""
    c = pd.read_csv(built.processed / "comparison.csv", keep_default_na=False).set_index("quantity_id")
    assert c.index.is_unique and len(c) == 24
    row = lambda q: tuple(c.loc[q, ["value_std", "comparator", "comparable", "differs"]])  # noqa: E731
    assert row("tianshui_2022_q004") == (80.0, "ge", True, "")
    assert row("jiaozuo_2021_q014") == (83.0, "eq", True, "")
    assert c.loc["jiaozuo_2021_q014", "comparable_with"] == "nanping_2022;tianshui_2022"
    assert row("nanping_2021_q006") == (95.0, "eq", False, "scope_class")
    assert c.loc["nanping_2021_q006", "scope_class"] == "scale_farms"
    assert row("nanping_2021_q018") == (98.0, "ge", False, "scope_class")
    assert row("tianshui_2022_q013") == (98.0, "ge", False, "scope_class")
    assert c.loc["tianshui_2022_q013", "reason"] == "scope urban (other plans: city)"
    assert row("jiaozuo_2021_q001") == (16.0, "ge", False, "base_year")
    assert (c.loc["tianshui_2022_q003", "base_year"], c.loc["tianshui_2022_q003", "target_year"]) == ("2020", "2025")


def test_standardized_value_is_value_times_factor(built, units):
    q = pd.read_csv(built.processed / "quantities.csv", keep_default_na=False)
    for r in q.itertuples():
        factor = 1.0 if r.unit == "" else units.factor(r.unit, r.unit_std)
        assert same_number(float(r.value_std), float(r.value) * factor), r.quantity_id


def test_relative_changes_stay_apart_from_levels(built):
    q = pd.read_csv(built.processed / "quantities.csv", keep_default_na=False)
    changes = q[q.quote.str.contains("下降|降低|减少") & q.kind.eq("target") & q.unit.eq("%")]
    assert len(changes) >= 5
    assert set(changes.measure) == {"change"}


def test_priority_shares_sum_to_one(built):
    pr = pd.read_csv(built.processed / "priorities.csv")
    sums = pr.groupby(["doc_id", "dimension"])[["share_sentences", "share_chars"]].sum()
    assert ((sums - 1).abs() < 1e-9).all().all()


def test_build_twice_gives_identical_bytes(built):
    def digest():
        files = sorted(built.processed.glob("*")) + [built.tables / "comparison.xlsx"]
        return {f.name: hashlib.sha256(f.read_bytes()).hexdigest() for f in files}

    first = digest()
    build(built)
    assert digest() == first


def guarded(cell) -> bool:
    """A cell the formula guard changed: the original value behind a leading apostrophe."""
    return isinstance(cell, str) and len(cell) > 1 and cell[0] == "'" and cell[1] in "=+-@"


def test_no_processed_cell_needed_the_formula_guard(built):
    """Plain values: a reader with only the csv module (or Excel) sees every code and number as written."""
    import csv

    tables = sorted(built.processed.glob("*.csv"))
    assert {t.stem for t in tables} >= {"quantities", "comparison", "plans", "measures", "sentences"}
    for table in tables:
        with open(table, newline="", encoding="utf-8") as f:
            rows = list(csv.reader(f))
        assert [(table.name, k, cell) for k, row in enumerate(rows) for cell in row if guarded(cell)] == []
        if table.stem == "quantities":
            comparator = rows[0].index("comparator")
            assert {row[comparator] for row in rows[1:]} == {"eq", "ge", "gt", "le", "lt", "approx"}


def test_no_exported_cell_needed_the_formula_guard(built):
    from openpyxl import load_workbook

    wb = load_workbook(built.tables / "comparison.xlsx", read_only=True)
    found = [(ws.title, cell) for ws in wb.worksheets for row in ws.iter_rows(values_only=True) for cell in row
             if guarded(cell) or (isinstance(cell, str) and cell.startswith("="))]
    wb.close()
    assert found == []


def test_the_data_package_describes_every_table_and_frictionless_validates_it(built):
    """datapackage.json: every CSV with its columns, types, units, keys; frictionless checks types, keys and
    foreign keys against the data."""
    import json

    from frictionless import validate as frictionless_validate

    report = frictionless_validate(built.processed / "datapackage.json")
    assert report.valid, report.flatten(["resourceName", "rowNumber", "fieldName", "type", "note"])[:10]
    package = json.loads((built.processed / "datapackage.json").read_text(encoding="utf-8"))
    assert sorted(r["path"] for r in package["resources"]) == sorted(p.name for p in built.processed.glob("*.csv"))
    assert package["licenses"][0]["name"] == "CC-BY-4.0"
    from comparison import __version__
    assert package["version"] == __version__
    resources = {r["name"]: r["schema"] for r in package["resources"]}
    fields = {f["name"]: f for f in resources["quantities"]["fields"]}
    assert (fields["value"]["type"], fields["target_year"]["type"], fields["quote"]["type"]) == ("number", "year",
                                                                                                 "string")
    assert "unit_std" in fields["value_std"]["description"]
    assert resources["comparison"]["primaryKey"] == ["quantity_id"]
    assert {"fields": ["quantity_id"], "reference": {"resource": "quantities", "fields": ["quantity_id"]}} in \
        resources["comparison"]["foreignKeys"]
    assert {f["name"]: f["type"] for f in resources["comparison"]["fields"]}["comparable"] == "boolean"
    assert {f["name"]: f.get("unit") for f in resources["plans"]["fields"]}["n_sentences"] == "count"


def test_frictionless_refuses_a_broken_foreign_key(built, tmp_path):
    """The descriptor's keys are checked, not decoration: a comparison row pointing at no quantity fails."""
    import shutil

    from frictionless import validate as frictionless_validate

    copy = tmp_path / "processed"
    shutil.copytree(built.processed, copy)
    table = copy / "comparison.csv"
    text = table.read_text(encoding="utf-8")
    assert "tianshui_2022_q004" in text
    table.write_text(text.replace("tianshui_2022_q004", "tianshui_2022_q999"), encoding="utf-8")
    report = frictionless_validate(copy / "datapackage.json")
    assert [(task.name, [e.type for e in task.errors]) for task in report.tasks if task.errors] == [
        ("comparison", ["foreign-key"])]


def test_responsible_units_map_to_agencies(built):
    r = pd.read_csv(built.processed / "responsibilities.csv")
    assert set(r.doc_id) == {"nanping_2021", "shangrao_2022"}
    lead = r[r.position == 1].groupby("doc_id").agency_id.agg(lambda s: s.value_counts().index[0])
    assert lead["nanping_2021"] in {"industry_it", "development_reform", "ecology_environment"}


def test_xlsx_has_labelled_sheets(built):
    from openpyxl import load_workbook

    wb = load_workbook(built.tables / "comparison.xlsx")
    assert {"plans", "quantities", "measures", "priorities", "comparison", "responsibilities"} <= set(wb.sheetnames)
    header = [c.value for c in wb["measures"][1]]
    assert {"sector_zh", "sector_en", "instrument_zh", "instrument_en"} <= set(header)
    comparison = [c.value for c in wb["comparison"][1]]
    assert {"comparator_zh", "comparator_en", "target_year", "base_year", "scope", "scope_class_zh", "comparable",
            "reason"} <= set(comparison)
    assert wb["measures"].freeze_panes == "A2" and wb["measures"].auto_filter.ref


def test_the_build_pauses_the_garbage_collector_and_restores_it(monkeypatch, tmp_path):
    import gc

    from comparison import pipeline
    seen = []
    monkeypatch.setattr(pipeline, "read_manifest", lambda paths: seen.append(gc.isenabled()) or 1 / 0)
    assert gc.isenabled()
    with pytest.raises(ZeroDivisionError):
        build(project_paths(tmp_path))
    assert seen == [False] and gc.isenabled()  # paused inside, restored after a failure
    gc.disable()
    try:
        with pipeline.collector_paused():
            pass
        assert not gc.isenabled()  # a collector the caller had paused stays paused
    finally:
        gc.enable()
