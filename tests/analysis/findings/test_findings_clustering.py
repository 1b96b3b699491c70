"""04_clustering's findings: the seed plans' values (the notebook's former asserts, checked by hand against the
data) and the edge cases. k-means and the bootstrap run once here and are passed in, as the notebook does."""
import numpy as np
import pytest

from comparison.analysis import clustering as cl
from comparison.analysis.findings import clustering

SEED, B = 2024, 200


@pytest.fixture(scope="module")
def computed(real):
    t = real["en"]
    profiles = cl.profile_matrix(t.priorities, "sector")
    X = cl.sentence_vectors(t.measures.text)
    scores, labels = cl.kmeans_by_k(X, range(4, 13), seed=SEED)
    k = cl.best_k(scores)
    return dict(profiles=profiles, link=cl.plan_linkage(profiles),
                cooccurrence=cl.bootstrap_cooccurrence(t.measures, "sector_id", list(profiles.columns), ks=(2, 3), B=B,
                                                       seed=SEED),
                scores=scores, labels=labels, seed_ari=cl.seed_agreement(X, k, labels[k], [SEED + i for i in range(1, 6)]))


@pytest.fixture(scope="module")
def seed(real, computed):
    return {lang: clustering.findings(real["en"], lang, B=B, seed=SEED, **computed) for lang in ("en", "zh")}


def test_the_bootstrap_reproduces_the_published_profiles(real, computed):
    profiles = computed["profiles"]
    assert np.allclose(profiles, cl.profiles_from_codes(real["en"].measures, "sector_id", list(profiles.columns)))


def test_the_synergy_plan_is_alone_at_k_2_and_nanping_2021_tianshui_are_closest(seed):
    v = seed["en"]["tree"].values
    assert v["apart"] == ["nanping_2022"] and v["follows_plan_types"]
    assert v["none_where_all_others"] == ["services_tourism"]
    assert {"industry", "cross_cutting", "pollution_control"} <= set(v["more_than_all_others"])
    assert v["closest"] == [["nanping_2021", "tianshui_2022"]]
    assert "exactly the split between plan types" in seed["en"]["tree"].text
    assert "恰好与方案类型一致" in seed["zh"]["tree"].text


def test_k_2_never_moves_k_3_is_unsettled_among_the_green_economy_plans(seed):
    v = seed["en"]["stability"].values
    assert v[2] == {"pairs": 10, "always_or_never": 10, "unsettled": 0, "same_as_the_tree": True,
                    "unsettled_are_the_pairs_within_a_k2_cluster": False}
    assert v[3]["unsettled"] == 6 and v[3]["unsettled_are_the_pairs_within_a_k2_cluster"]


def test_themes_are_weak_k_stops_at_the_edge_seeds_agree_only_partly(seed):
    v = seed["en"]["theme_count"].values
    assert v["max_silhouette"] < 0.05 and v["k"] == 12 == v["k_range"][1]
    assert v["max_silhouette"] > 2.5 * v["silhouette_first_k"]
    assert all(0.15 < a < 0.45 for a in v["seed_ari"].values())
    assert "so k = 12 is where the search stops" in seed["en"]["theme_count"].text


def test_the_largest_theme_is_a_residual_and_one_theme_is_the_synergy_plans_alone(seed, real, computed):
    v = seed["en"]["themes"].values
    assert 0.25 < v["largest_share"] < 0.40 and v["largest"] == 1
    assert all(0.20 <= x <= 0.45 for x in v["largest_share_by_plan"].values())
    (theme, plan), = v["single_plan_themes"].items()
    assert plan == "nanping_2022"
    themes = cl.order_by_size(computed["labels"][12])
    assert "减污降碳" in cl.theme_terms(real["en"].measures.text, themes)[theme]
    assert 0.15 < v["ami_with_sectors"] < 0.25


def test_the_limits_name_the_lone_plan_type(seed):
    limits = seed["en"]["limits"]
    assert limits.caveat and limits.values == {"n_plans": 5, "lone_plan_types": ["pollution_carbon_synergy"]}
    assert limits.text.startswith("**What five plans can and cannot support.** 1. *No significance.*")
    assert "4. *One plan type is one plan.* Only one synergy plan is loaded" in limits.text


def test_one_or_two_plans_make_no_tree(built, real, copy_plans):
    from comparison.api import load

    one = clustering.findings(load("en", built, docs=["jiaozuo_2021"]), B=5)
    assert one.keys() == ["tree", "limits"]
    assert one["tree"].text.startswith("With one plan there is no tree to cut")
    two = clustering.findings(copy_plans(real["en"], [("jiaozuo_2021", "a"), ("jiaozuo_2021", "b")]), B=5,
                              only=["tree", "stability"])
    assert two.keys() == ["tree"] and "two plans" in two["tree"].text


def test_forty_plans_tree_and_stability(forty):
    found = clustering.findings(forty["en"], B=20, only=["tree", "stability", "limits"])
    v = found["tree"].values
    assert len(v["apart"]) == 8 and all("nanping" in d and d.endswith("2022") for d in v["apart"])
    assert v["follows_plan_types"] and v["closest_distance"] == 0 and len(v["apart"]) + len(v["together"]) == 40
    assert "(tied with" in found["tree"].text  # copies of one plan are at distance 0: many tied pairs
    assert found["stability"].values[2]["pairs"] == 780
    assert "With only 20 replicates these shares are rough." in found["stability"].text
    assert "with 40 plans there is no sampling distribution" not in found["limits"].text
    assert all(len(f.text) < 1500 for f in found), [len(f.text) for f in found]
