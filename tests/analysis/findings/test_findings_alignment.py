"""Findings of notebook 07 on the real corpus (the five-plan values pinned by hand from the plans' and the
reference documents' quotes), the summaries they are computed from, and the empty case."""
import pandas as pd
import pytest

from comparison.analysis.alignment import reasons, status_counts, targets_with_reference
from comparison.analysis.findings import for_notebook
from comparison.analysis.findings.alignment import SECTIONS, findings
from comparison.api import load

PLANS = ["nanping_2021", "nanping_2022", "shangrao_2022", "tianshui_2022", "jiaozuo_2021"]


@pytest.fixture
def alignment(real):
    """The seed plans' alignment table (``real`` and ``built`` are the findings tests' shared fixtures)."""
    return real["en"].alignment


def test_findings_in_english(real):
    found = findings(real["en"])
    assert found.keys() == ["pairs", "targets", "not_comparable", "sources", "missing", "levels"]
    text = found.markdown()
    assert text.startswith("**7 targets** of 4 plans have a target of the same indicator in a national or provincial "
                           "document (25 pairs); **15 pairs compare**")
    assert "Against the province: exceeds 1, matches 2, below 3." in text
    assert "Against the nation: exceeds 3, below 6." in text
    assert ("Tianshui 2022, Reduction of energy consumption per unit of GDP 11% (2025): below the province "
            "(12.5%, 13%); below the nation (13.5%).") in text
    assert ("Nanping 2022 (synergy), Non-fossil energy share of energy consumption ≥27.4% (2025): matches the "
            "province (27.4%); exceeds the nation (≈20%).") in text
    assert "Shangrao 2022, Recyclable-resource collection points per village 1 (2025): matches the province (1)." in text
    assert "10 pairs do not compare: reference in words only 2, different target year 5, different base year 3." in text
    assert "5 of the 12 reference values compared were read in news reports" in text
    assert "河南省碳达峰实施方案 (河南)" in text and "Jiaozuo" not in text  # no Jiaozuo target compares
    assert found["pairs"].values["by_level"]["national"] == {"exceeds": 3, "matches": 0, "below": 6,
                                                              "looser_comparator": 0}
    assert found["targets"].values["tianshui_2022_q003"]["provincial"] == {"values": [12.5, 13.0],
                                                                          "statuses": ["below"]}
    assert [f.key for f in found if f.caveat] == ["not_comparable", "sources", "missing", "levels"]


def test_findings_in_chinese(real):
    text = for_notebook("07_alignment", real["zh"]).markdown()
    assert text.startswith("**4 个方案的 7 项目标**在国家或省级文件中有同一指标的目标（共 25 对），其中 **15 对可以比较**")
    assert "与省级目标相比：高于 1、持平 2、低于 3。" in text
    assert "天水 2022，单位地区生产总值能耗下降 11%（2025 年）：低于省级（12.5%、13%）；低于国家（13.5%）。" in text
    assert "未找到原文的文件（未记录目标）：福建省碳达峰实施方案（福建）" in text


@pytest.mark.parametrize("lang,sentence", [("en", "None of the loaded plans sets a target"), ("zh", "所选方案的目标")])
def test_findings_without_any_pair(built, lang, sentence):
    t = load(lang, paths=built, docs=["nanping_2021"])  # no Nanping 2021 target has a reference
    found = findings(t)
    assert found.markdown().startswith(sentence)
    assert "targets" not in found.keys() and set(found.keys()) <= set(SECTIONS)


def test_status_counts_keep_plans_without_pairs_and_every_status(alignment):
    counts = status_counts(alignment, PLANS)
    assert list(counts.columns) == ["exceeds", "matches", "below", "looser_comparator", "not_comparable"]
    assert counts.loc[("nanping_2021", "provincial")].sum() == 0       # no Nanping 2021 target has a reference
    assert counts.loc[("tianshui_2022", "provincial")].to_dict() == {
        "exceeds": 1, "matches": 0, "below": 2, "looser_comparator": 0, "not_comparable": 0}
    assert counts.loc[("jiaozuo_2021", "national"), "not_comparable"] == 3


def test_targets_with_reference_and_reasons(alignment):
    rows = targets_with_reference(alignment).set_index("quantity_id")
    assert rows.loc["tianshui_2022_q003", "provincial_values"] == [(12.5, "eq"), (13.0, "eq")]
    assert rows.loc["tianshui_2022_q003", "provincial_statuses"] == ["below"]
    assert "jiaozuo_2021_q001" not in rows.index
    assert reasons(alignment).to_dict() == {"qualitative": 2, "target_year": 5, "base_year": 3, "total": 0,
                                            "scope": 0, "measure": 0}


def test_status_counts_of_an_empty_table():
    empty = pd.DataFrame(columns=["doc_id", "reference_level", "status"])
    assert status_counts(empty, ["a_2021"]).to_numpy().sum() == 0
