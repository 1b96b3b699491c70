"""Proposed codebook entries, from new-plan to the codebook: what the plan names and the codebook lacks is
proposed (indicator, unit, agency), the curator accepts it in the workbook, and accept-proposals moves it
into data/raw/taxonomy.xlsx in one step, all or nothing. The plan is fictitious, written for this test."""
from __future__ import annotations

import shutil

import pandas as pd
import pytest

from comparison.cli import main
from comparison.curation.city_schema import PROPOSAL_SCHEMA
from comparison.curation.taxonomy import load_taxonomy
from comparison.curation.workbooks import read_workbook
from comparison.newplan import scaffold
from comparison.newplan.coding import MeasureCoder
from comparison.newplan.proposals import unit_suffix
from comparison.paths import REPO_ROOT, project_paths
from comparison.pipeline import validate
from comparison.problems import InputError
from helpers import edit_cells, tree_digest

PLAN = """示例三市人民政府关于印发《示例三市生态环境保护“十四五”规划》的通知
示三政〔2023〕9号

示例三市生态环境保护“十四五”规划

一、主要目标
到2025年，全市空气质量优良天数比率达到93%，萤火虫栖息地面积增加12%，旅游接待人次达到800万人次，全市地表水水质优良断面比率达到90%，新建生态监测站点12項。（责任单位：市萤火虫保护中心、市發改委）
"""
BOOK = "data/raw/cities/shisan.xlsx"


def edit(root, sheet, key_column, key, **cells):
    edit_cells(root, sheet, key_column, key, cells, BOOK)


def sheets(root) -> dict[str, pd.DataFrame]:
    from comparison.curation.city_schema import CITY_SCHEMA
    return read_workbook(root / BOOK, {**CITY_SCHEMA, **PROPOSAL_SCHEMA}, BOOK)


@pytest.fixture(scope="module")
def scaffolded(tmp_path_factory):
    root = tmp_path_factory.mktemp("proposals")
    shutil.copytree(REPO_ROOT / "data" / "raw", root / "data" / "raw")
    text = root / "shisan.txt"
    text.write_text(PLAN, encoding="utf-8")
    train = MeasureCoder.train
    with pytest.MonkeyPatch.context() as mp:  # the sector coder is not under test: train it on fewer sentences
        mp.setattr(scaffold.MeasureCoder, "train", lambda measures: train(measures.head(150)))
        scaffold.add_plan(project_paths(root), scaffold.PlanInfo(
            text=text, doc_id="shisan_2023", city_id="shisan", city_zh="示例三", city_en="Shisan (example)",
            province_zh="示例省", province_en="Example", issued="2023-06-01"))
    return root


def quantity(book: dict, value: str) -> pd.Series:
    q = book["quantities"]
    return q[q.value == value].iloc[0]


def test_what_the_codebook_lacks_is_proposed_and_what_it_has_is_not(scaffolded):
    book = sheets(scaffolded)
    assert quantity(book, "93").indicator_id == "good_air_days_ratio_pct"
    proposed = book["proposed_indicators"].set_index("alias")
    assert set(proposed.index) == {"萤火虫栖息地面积", "旅游接待人次", "地表水水质优良断面比率", "新建生态监测站点"}
    firefly = proposed.loc["萤火虫栖息地面积"]
    assert (firefly.label_zh, firefly.canonical_unit, firefly.measure, firefly.direction, firefly.status) == (
        "萤火虫栖息地面积", "percent", "change", "higher", "suggested")
    assert firefly.proposed_id == firefly.indicator_id == "proposed_shisan_2023_01_pct"
    assert quantity(book, "12").indicator_id == firefly.proposed_id  # the row carries the proposed id
    assert "萤火虫栖息地面积增加12%" in firefly.definition
    # 項 (traditional) is the codebook's 项; 万人次 is proposed
    stations = book["quantities"][book["quantities"].quote.str.contains("站点")].iloc[0]
    assert stations.unit_as_written == "项"
    assert list(book["proposed_units"].unit_as_written) == ["万人次"]
    # 市發改委 is known (市发改委); the new centre is proposed
    assert list(book["proposed_agencies"].name_as_written) == ["市萤火虫保护中心"]


def test_the_preview_builds_and_lists_what_to_fix(scaffolded, capsys):
    assert main(["--root", str(scaffolded), "build", "--allow-suggested"]) == 0
    err = capsys.readouterr().err
    assert f"{BOOK}, sheet 'quantities', row " in err and "indicator_id is a proposed indicator" in err
    assert "responsible unit not in the agency dictionary" in err and "市萤火虫保护中心" in err
    assert "left out of the tables and figures: 4 quantities rows" in err


def test_an_incomplete_acceptance_writes_nothing(scaffolded, capsys):
    proposal = sheets(scaffolded)["proposed_indicators"].set_index("alias").loc["萤火虫栖息地面积"]
    edit(scaffolded, "proposed_indicators", "proposed_id", proposal.proposed_id, status="accepted")
    before = tree_digest(scaffolded / "data" / "raw")
    assert main(["--root", str(scaffolded), "accept-proposals", "--city", "shisan"]) == 2
    err = capsys.readouterr().err
    assert f"{BOOK}, sheet 'proposed_indicators', row 2, column 'indicator_id': indicator_id is not a final id" in err
    assert tree_digest(scaffolded / "data" / "raw") == before
    edit(scaffolded, "proposed_indicators", "proposed_id", proposal.proposed_id, indicator_id="firefly_habitat_pct")
    before = tree_digest(scaffolded / "data" / "raw")
    assert main(["--root", str(scaffolded), "accept-proposals", "--city", "shisan"]) == 2
    assert "a new indicator needs label_en" in capsys.readouterr().err
    assert tree_digest(scaffolded / "data" / "raw") == before


def test_accepted_proposals_move_into_the_codebook_in_one_step(scaffolded, capsys):
    book = sheets(scaffolded)
    proposed = book["proposed_indicators"].set_index("alias")
    water = "地表水水质优良断面比率"
    edit(scaffolded, "proposed_indicators", "proposed_id", proposed.loc["萤火虫栖息地面积"].proposed_id,
         indicator_id="firefly_habitat_area_increase_pct", label_en="Increase of firefly habitat area",
         sector_id="forestry_ecosystems", status="accepted")
    edit(scaffolded, "proposed_indicators", "proposed_id", proposed.loc["旅游接待人次"].proposed_id,
         indicator_id="tourist_visits_count", label_en="Tourist visits", sector_id="services_tourism",
         canonical_unit="item", status="accepted")
    edit(scaffolded, "proposed_indicators", "proposed_id", proposed.loc[water].proposed_id,  # an alias only
         indicator_id="surface_water_class_iii_or_better_share_pct", status="accepted")
    edit(scaffolded, "proposed_units", "unit_as_written", "万人次", pint_expr="1e4 * item", canonical_unit="item",
         status="accepted")
    edit(scaffolded, "proposed_agencies", "name_as_written", "市萤火虫保护中心", agency_id="firefly_centre",
         label_zh="萤火虫保护中心", label_en="Firefly Protection Centre", status="accepted")
    before = tree_digest(scaffolded / "data/raw")
    lock = scaffolded / "data/raw/cities/~$shisan.xlsx"  # the workbook open in Excel: refused, nothing written
    lock.write_bytes(b"lock")
    assert main(["--root", str(scaffolded), "accept-proposals", "--city", "shisan"]) == 2
    assert "close the workbook in Excel and run accept-proposals again" in capsys.readouterr().err
    lock.unlink()
    assert tree_digest(scaffolded / "data/raw") == before
    assert main(["--root", str(scaffolded), "accept-proposals", "--city", "shisan"]) == 0
    out = capsys.readouterr().out
    assert "added 2 indicators to data/raw/taxonomy.xlsx: firefly_habitat_area_increase_pct, tourist_visits_count" \
           in out
    assert "gave 3 quantities rows of data/raw/cities/shisan.xlsx their accepted indicator_id" in out

    taxonomy = load_taxonomy(project_paths(scaffolded))  # the codebook loads with all its checks
    indicators = taxonomy.table("indicators").set_index("indicator_id")
    assert indicators.loc["tourist_visits_count", ["label_zh", "canonical_unit"]].tolist() == ["旅游接待人次", "item"]
    assert taxonomy.aliases_of("surface_water_class_iii_or_better_share_pct") >= {water}
    units = taxonomy.table("units").set_index("unit_as_written")
    assert (units.loc["万人次", "pint_expr"], float(units.loc["万人次", "factor"])) == ("1e4 * item", 10000.0)
    assert taxonomy.agency_of()["市萤火虫保护中心"] == "firefly_centre"
    changes = pd.read_excel(scaffolded / "data/raw/taxonomy.xlsx", sheet_name="changes", dtype=str)
    assert changes.change.iloc[-1].startswith("accept-proposals: added 2 indicators")

    book = sheets(scaffolded)
    assert quantity(book, "800").indicator_id == "tourist_visits_count"
    assert quantity(book, "90").indicator_id == "surface_water_class_iii_or_better_share_pct"
    assert list(book["proposed_indicators"].alias) == ["新建生态监测站点"]  # the one not accepted stays
    assert book["proposed_units"].empty and book["proposed_agencies"].empty

    # validate now finds no problem of codebook entries in the plan: only rows still to review
    with pytest.raises(InputError) as err:
        validate(project_paths(scaffolded))
    left = {p.message for p in err.value.problems if p.file == BOOK and p.sheet == "quantities"
            and p.column in ("indicator_id", "indicator_as_written", "unit_as_written")}
    assert left == {"indicator_id is a proposed indicator the codebook does not have yet"}  # 新建生态监测站点 only
    assert not [p for p in err.value.problems if "agency dictionary" in p.message]

    before = tree_digest(scaffolded / "data" / "raw")
    assert main(["--root", str(scaffolded), "accept-proposals"]) == 0
    assert "nothing written" in capsys.readouterr().out
    assert tree_digest(scaffolded / "data" / "raw") == before


@pytest.mark.parametrize("unit, suffix", [("percent", "pct"), ("item", "count"), ("ug / m ** 3", "ug_per_m3"),
                                          ("t / day", "t_per_day"), ("m ** 2", "m2"), ("", "unit")])
def test_proposed_ids_end_with_the_unit_as_the_codebooks_do(unit, suffix):
    assert unit_suffix(unit) == suffix
