"""A plan under review is marked in its label and in every caption, and a reviewed one is not: the
report's end-to-end run mixes both (tests/conftest.py ``report_run``), so the fully reviewed case is here."""
import pandas as pd

from comparison.figures.plotting import unreviewed_note
from comparison.tables.plan_labels import pair_label, plan_label, plan_labels, plan_year

ROW = {"doc_id": "lanchuan_2023", "city_en": "Lanchuan", "city_zh": "岚川", "plan_type": "green_economy"}


def test_only_a_plan_under_review_is_marked_in_its_label():
    # reviewed as api.load gives it (a bool) and as plans.csv stores it (a word)
    assert [plan_label(dict(ROW, reviewed=r), "en") for r in (True, "True", False, "False")] == [
        "Lanchuan 2023", "Lanchuan 2023", "Lanchuan 2023 (unreviewed)", "Lanchuan 2023 (unreviewed)"]
    assert plan_label(dict(ROW, reviewed=False), "zh") == "岚川 2023（未审核）"
    assert plan_label(dict(ROW, reviewed=True), "zh") == "岚川 2023"


def test_the_caption_note_names_the_plans_under_review_and_is_empty_when_all_are_reviewed():
    plans = pd.DataFrame({"plan": ["Nanping 2021", "Lanchuan 2023 (unreviewed)", "Tangxi 2023 (unreviewed)"],
                          "reviewed": [True, False, False]})
    assert unreviewed_note(plans, "en") == " (Unreviewed data: Lanchuan 2023 (unreviewed), Tangxi 2023 (unreviewed).)"
    assert unreviewed_note(plans.assign(plan=["南平 2021", "岚川 2023（未审核）", "棠溪 2023（未审核）"]), "zh") == \
        "（未审核数据：岚川 2023（未审核）、棠溪 2023（未审核））"
    reviewed = plans.assign(reviewed=True)
    assert unreviewed_note(reviewed, "en") == "" and unreviewed_note(reviewed, "zh") == ""


def plans(*rows):
    """Plans rows: (doc_id, city_en, city_zh, plan_type, status, issued)."""
    return pd.DataFrame([dict(zip(("doc_id", "city_en", "city_zh", "plan_type", "status", "issued"), r)) for r in rows])


def test_a_draft_and_the_final_text_of_one_plan_are_told_apart():
    p = plans(("qingxi_2022", "Qingxi", "清溪", "pollution_carbon_synergy", "draft", None),
              ("qingxi_final_2022", "Qingxi", "清溪", "pollution_carbon_synergy", "final", "2022-09-01"),
              ("lanchuan_2022", "Lanchuan", "岚川", "green_economy", "draft", None))
    assert plan_labels(p, "en") == {"qingxi_2022": "Qingxi 2022 (synergy) (draft)",
                                    "qingxi_final_2022": "Qingxi 2022 (synergy)",
                                    "lanchuan_2022": "Lanchuan 2022"}  # a draft alone is not marked
    assert plan_labels(p, "zh")["qingxi_2022"] == "清溪 2022 减污降碳（征求意见稿）"


def test_plans_alike_in_everything_but_the_doc_id_name_it():
    p = plans(("qingxi_2023", "Qingxi", "清溪", "green_economy", "final", None),
              ("qingxi_revised_2023", "Qingxi", "清溪", "green_economy", "final", None),
              ("tangxi_2023", "Tangxi", "棠溪", "green_economy", "final", None))
    labels = plan_labels(p.assign(reviewed=[True, False, True]), "en")
    assert labels == {"qingxi_2023": "Qingxi 2023 [qingxi_2023]",
                      "qingxi_revised_2023": "Qingxi 2023 [qingxi_revised_2023] (unreviewed)",
                      "tangxi_2023": "Tangxi 2023"}
    assert len(set(labels.values())) == 3


def test_the_year_comes_from_the_doc_id_else_the_issue_date():
    row = {"city_en": "Qingxi", "city_zh": "清溪", "plan_type": "green_economy"}
    assert plan_year(dict(row, doc_id="qingxi_2023_b")) == "2023"
    assert plan_year(dict(row, doc_id="qingxi_2021_2025")) == "2025"  # the last year of a period
    assert plan_year(dict(row, doc_id="qingxi_plan", issued="2024-03-01")) == "2024"
    assert plan_year(dict(row, doc_id="qingxi_plan", issued=None)) == ""
    assert plan_year(dict(row, doc_id="qingxi_12025")) == ""  # not a year of its own
    assert plan_label(dict(row, doc_id="qingxi_plan"), "en") == "Qingxi"


def test_the_real_plans_keep_their_labels_and_a_selection_names_plans_as_the_corpus_does(paths, tmp_path):
    import shutil

    from comparison.api import load
    from comparison.paths import project_paths
    from comparison.pipeline import build

    shutil.copytree(paths.raw, tmp_path / "data" / "raw")
    built = project_paths(tmp_path)
    build(built)
    full, one = load("en", built), load("en", built, docs=["nanping_2022"])
    assert full.plan_labels() == {"nanping_2021": "Nanping 2021", "nanping_2022": "Nanping 2022 (synergy)",
                                  "shangrao_2022": "Shangrao 2022", "tianshui_2022": "Tianshui 2022",
                                  "jiaozuo_2021": "Jiaozuo 2021"}
    assert one.plan_labels() == {"nanping_2022": "Nanping 2022 (synergy)"}
    assert one.plans.attrs["labels"]["zh"] == {"nanping_2022": "南平 2022 减污降碳"}


def test_pair_label_names_the_city_once():
    assert pair_label("Nanping 2021", "Nanping 2022 (synergy)") == "Nanping 2021 — 2022 (synergy)"
    assert pair_label("Hami 2021", "Hami 2021 (synergy)") == "Hami 2021 — 2021 (synergy)"
    assert pair_label("南平 2021", "南平 2022 减污降碳") == "南平 2021 — 2022 减污降碳"
    assert pair_label("Xi'an", "Xi'an 2023") == "Xi'an — Xi'an 2023"  # nothing would be left of the first
    # a draft and its final text: both keep the year and type, so the second is not just "(unreviewed)"
    assert pair_label("Qingxi 2022 (synergy) (draft)", "Qingxi 2022 (synergy) (unreviewed)") == \
        "Qingxi 2022 (synergy) (draft) — 2022 (synergy) (unreviewed)"
    assert pair_label("Xishuangbanna Dai Autonomous Prefecture 2021", "Xishuangbanna Dai Autonomous Prefecture 2022") \
        == "Xishuangbanna Dai Autonomous Prefecture 2021 — 2022"
