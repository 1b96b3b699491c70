"""01_corpus_overview's findings: the seed plans' values (checked by hand against the data) and the edge cases."""
import pytest

from comparison.analysis.findings import overview

SEED_NAMES = {"en": ["Nanping 2022 (synergy)", "Nanping 2021", "Shangrao 2022"],
              "zh": ["南平 2022 减污降碳", "南平 2021", "上饶 2022"]}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_synergy_plan_alone_states_baseline_facts_and_two_plans_name_responsible_units(real, lang):
    found = overview.findings(real["en"], lang)
    assert found["baselines"].values == {"plans": ["nanping_2022"], "n_baselines": {"nanping_2022": 52}, "n_plans": 5}
    assert found["responsible_units"].values["plans"] == ["nanping_2021", "shangrao_2022"]
    synergy, nanping, shangrao = SEED_NAMES[lang]
    assert synergy in found["baselines"].text
    assert nanping in found["responsible_units"].text and shangrao in found["responsible_units"].text
    assert found["size"].values["most_targets"] == ["jiaozuo_2021"] and found["size"].values["fewest_targets"] == ["shangrao_2022"]
    assert found["drafts"].values == {"drafts": ["nanping_2022"]} and found["drafts"].caveat
    assert "unreviewed" not in found.keys()


def test_the_text_follows_the_language_asked_for_not_the_tables(real):
    assert overview.findings(real["en"], "zh").markdown() == overview.findings(real["zh"], "zh").markdown()
    assert "只有 1 个陈述了基线事实" in overview.findings(real["en"], "zh")["baselines"].text
    assert "Only one of the five plans states baseline facts" in overview.findings(real["zh"], "en")["baselines"].text


def test_one_plan_is_described_without_comparisons(built):
    from comparison.api import load

    found = overview.findings(load("en", built, docs=["jiaozuo_2021"]))
    assert found["size"].text.startswith("One plan is loaded: Jiaozuo 2021, with 165 coded sentences and 36 targets")
    assert found["baselines"].text == "Jiaozuo 2021 states no baseline facts: every quantity recorded is a target."
    assert "specificity" not in found.keys() and "drafts" not in found.keys()


def test_ties_name_every_plan_at_the_top(real, copy_plans):
    twins = copy_plans(real["en"], [("jiaozuo_2021", "a"), ("jiaozuo_2021", "b")])
    found = overview.findings(twins)
    assert found["size"].values["largest"] == ["a_2021", "b_2021"] == found["size"].values["most_targets"]
    assert found["size"].text == "Every plan has 165 coded sentences; each states 36 targets."
    assert found["specificity"].text.startswith("In every plan 16% of the sentences state a number")


def test_forty_plans_keep_each_finding_one_short_paragraph(forty):
    for lang, t in forty.items():
        found = overview.findings(t, lang)
        assert found["baselines"].values["plans"] == [d for d in map(str, t.plans.doc_id) if "nanping" in d
                                                      and d.endswith("2022")]
        assert len(found["baselines"].values["plans"]) == 8
        assert all(len(f.text) < 700 for f in found), [len(f.text) for f in found]
    text = overview.findings(forty["en"])["baselines"].text
    assert text.startswith("Only eight of the 40 plans state baseline facts") and "and 3 more" in text
    assert "They are exactly the synergy plans." in text
