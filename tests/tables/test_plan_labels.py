"""A plan under review is marked in its label and in every caption, and a reviewed one is not: the
report's end-to-end run mixes both (tests/conftest.py ``report_run``), so the fully reviewed case is here."""
import pandas as pd

from comparison.figures.plotting import unreviewed_note
from comparison.tables.plan_labels import plan_label

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
