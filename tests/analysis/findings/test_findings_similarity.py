"""05_similarity's findings: the seed plans' values (the notebook's former asserts, checked by hand against the
data) and the edge cases."""
import pytest

from comparison.analysis import similarity as sim
from comparison.analysis.findings import similarity


@pytest.fixture(scope="module")
def seed(real):
    t = real["en"]
    sentences = t.measures[["sentence_id", "doc_id", "plan", "sector", "text"]]
    given = dict(overlap=sim.containment(sentences, 8), cosine=sim.tfidf_cosine(sentences),
                 reuse=sim.sentence_reuse(sentences, 8))
    return {lang: similarity.findings(t, lang, **given) for lang in ("en", "zh")}


def test_verbatim_reuse_is_modest_and_nanping_reuses_its_own_text(seed):
    v = seed["en"]["overlap"].values
    assert v["max"] < 0.2 and v["most_overlapping"] == ["nanping_2021", "nanping_2022"] and v["same_city"]
    assert min(v["both_ways"]) >= 0.17
    assert 0.025 < v["green_range"][0] and v["green_range"][1] < 0.15
    assert v["green_median"] > v["synergy_other_city_max"]
    assert "the same city reuses its own text" in seed["en"]["overlap"].text


def test_the_nanping_pair_leads_at_every_shingle_length(seed):
    v = seed["en"]["shingle_length"].values
    assert v["same_pair"] and all(set(p) == {"nanping_2021", "nanping_2022"} for p in v["most_overlapping"].values())


def test_the_synergy_plan_is_the_vocabulary_outlier_tianshui_jiaozuo_closest(seed):
    v = seed["en"]["vocabulary"].values
    assert v["lowest_mean"] == "nanping_2022"
    assert v["least_similar_is_the_odd_one"] == v["other_city_plans"] == ["shangrao_2022", "tianshui_2022", "jiaozuo_2021"]
    assert v["closest"] == ["tianshui_2022", "jiaozuo_2021"] and v["also_most_verbatim_among_green"]


def test_boilerplate_a_tenth_to_a_quarter_the_synergy_plan_most_local(seed):
    v = seed["en"]["boilerplate"].values
    assert all(0.10 <= x <= 0.25 for x in v["boilerplate"].values())
    assert v["one_source"]["nanping_2022"][0] == "nanping_2021" and v["one_source"]["nanping_2022"][1] > 0.9
    local = v["local"]
    assert v["most_local"] == "nanping_2022" and local["nanping_2022"] > 2 / 3
    assert max((x, d) for d, x in local.items() if d != "nanping_2022")[1] == "shangrao_2022" and local["shangrao_2022"] > 0.5
    assert all(0.28 <= local[d] <= 0.40 for d in ("nanping_2021", "tianshui_2022", "jiaozuo_2021"))


def test_local_passages_state_numbers(seed, real):
    v = seed["en"]["local_passages"].values
    assert v["examples"] == 15 and v["state_a_number"] / v["examples"] > 0.75 and v["name_a_year"] >= 5
    t = real["en"]
    sentences = t.measures[["sentence_id", "doc_id", "plan", "sector", "text"]]
    ex = sim.local_examples(sentences, sim.sentence_reuse(sentences, 8), 3)
    assert ex.groupby("plan", observed=True).size().eq(3).all()
    assert ex.text.str.contains("2025").sum() >= 5
    assert ex[ex.sentence_id.str.startswith("nanping_2022")].text.str.contains("南平|武夷山").all()


def test_one_plan_and_forty(built, forty):
    from comparison.api import load

    one = similarity.findings(load("en", built, docs=["jiaozuo_2021"]))
    assert one.keys() == ["local_passages"]
    found = similarity.findings(forty["en"], only=["overlap", "vocabulary", "boilerplate"])
    assert found["overlap"].values["max"] == 1.0  # a copy contains its source entirely
    assert found["overlap"].text.startswith("Verbatim reuse is substantial")
    assert all(len(f.text) < 1200 for f in found), [len(f.text) for f in found]
