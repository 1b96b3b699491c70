"""Plan clustering on profiles, the sentence bootstrap, and sentence themes on tiny inputs."""
import numpy as np
import pandas as pd
import pytest

from comparison.analysis import clustering as cl
def test_profile_matrix_pivots_one_dimension_and_fills_missing_with_zero():
    pr = pd.DataFrame({"doc_id": ["a", "a", "b", "a"], "dimension": ["sector", "sector", "sector", "instrument"],
                       "category_id": ["x", "y", "x", "z"], "share_sentences": [0.25, 0.75, 1.0, 1.0]})
    p = cl.profile_matrix(pr)
    assert list(p.columns) == ["x", "y"]
    assert p.loc["a"].tolist() == [0.25, 0.75] and p.loc["b"].tolist() == [1.0, 0.0]


def test_profiles_from_codes_are_shares_of_sentences():
    m = pd.DataFrame({"doc_id": ["a", "a", "a", "b"], "sector_id": ["x", "x", "y", "y"]})
    p = cl.profiles_from_codes(m, "sector_id", ["x", "y", "z"])
    assert p.loc["a"].tolist() == pytest.approx([2 / 3, 1 / 3, 0])
    assert p.loc["b"].tolist() == [0, 1, 0]


def test_jensen_shannon_distance_is_zero_for_equal_and_one_for_disjoint_profiles():
    d = cl.js_distances([[0.5, 0.5, 0], [0.5, 0.5, 0], [0, 0, 1]])
    assert d.tolist() == pytest.approx([0.0, 1.0, 1.0])


def test_cut_at_two_separates_the_odd_plan():
    profiles = pd.DataFrame([[0.5, 0.5], [0.6, 0.4], [0.0, 1.0]], index=["a", "b", "c"])
    labels = cl.cut(cl.plan_linkage(profiles), 2)
    assert labels[0] == labels[1] != labels[2]


def test_cooccurrence():
    assert cl.cooccurrence([1, 1, 2]).tolist() == [[1, 1, 0], [1, 1, 0], [0, 0, 1]]


def test_bootstrap_of_single_sector_plans_never_changes_the_grouping():
    m = pd.DataFrame({"doc_id": ["a"] * 3 + ["b"] * 4 + ["c"] * 3, "sector_id": ["x"] * 7 + ["y"] * 3})
    co = cl.bootstrap_cooccurrence(m, "sector_id", ["x", "y"], ks=(2,), B=20, seed=1)[2]
    assert co.loc["a", "b"] == 1.0 and co.loc["a", "c"] == 0.0 and co.loc["c", "c"] == 1.0


def test_bootstrap_is_seeded_and_does_resample():
    rng = np.random.default_rng(0)
    m = pd.DataFrame({"doc_id": np.repeat(["a", "b", "c", "d"], 6),
                      "sector_id": rng.choice(["x", "y", "z"], size=24)})
    one = cl.bootstrap_cooccurrence(m, "sector_id", ["x", "y", "z"], ks=(2, 3), B=30, seed=7)
    two = cl.bootstrap_cooccurrence(m, "sector_id", ["x", "y", "z"], ks=(2, 3), B=30, seed=7)
    assert all(one[k].equals(two[k]) for k in (2, 3))
    off = one[2].values[~np.eye(4, dtype=bool)]
    assert ((off > 0) & (off < 1)).any()  # with six mixed sentences a plan's profile moves between replicates
    assert np.allclose(one[2].values, one[2].values.T)


def test_bootstrap_rejects_codes_outside_the_categories():
    m = pd.DataFrame({"doc_id": ["a", "b"], "sector_id": ["x", "w"]})
    with pytest.raises(ValueError, match="outside"):
        cl.bootstrap_cooccurrence(m, "sector_id", ["x", "y"], B=2)


TEXTS = ["绿色金融支持企业", "发展绿色金融产品", "绿色金融服务创新",
         "减污降碳协同推进", "实施减污降碳行动", "减污降碳协同增效"]


def test_kmeans_separates_two_obvious_themes():
    X = cl.sentence_vectors(TEXTS)
    scores, labels = cl.kmeans_by_k(X, [2, 3], seed=0)
    lab = labels[2]
    assert len(set(lab[:3])) == 1 and len(set(lab[3:])) == 1 and lab[0] != lab[3]
    assert cl.best_k(scores) == 2
    assert scores.set_index("k").silhouette[2] > 0


def test_best_k_takes_the_smallest_k_on_a_tie():
    assert cl.best_k(pd.DataFrame({"k": [4, 5, 6], "silhouette": [0.1, 0.3, 0.3]})) == 5


def test_order_by_size_numbers_the_largest_theme_first():
    assert cl.order_by_size([5, 5, 2, 2, 2, 9]).tolist() == [2, 2, 1, 1, 1, 3]
    assert cl.order_by_size([7, 3, 3, 7]).tolist() == [1, 2, 2, 1]  # tie: the one met first


def test_theme_terms_name_each_theme_by_its_own_phrase():
    terms = cl.theme_terms(TEXTS, [1, 1, 1, 2, 2, 2], n_terms=1, min_df=2)
    assert terms == {1: ["绿色金融"], 2: ["减污降碳"]}


def test_theme_terms_skip_pieces_of_numbers_and_repeats():
    texts = ["到2025年达到", "到2025年完成", "其他内容一", "其他内容二"]
    terms = cl.theme_terms(texts, [1, 1, 2, 2], n_terms=3, min_df=2)
    assert "2025" in terms[1] and "025年" not in terms[1] and "到202" not in terms[1]
    for a in terms[1]:
        assert all(a == b or not set(a) & set(b) for b in terms[1])


def test_theme_shares_columns_add_up_to_one():
    s = cl.theme_shares(pd.Series(["a", "a", "b", "a"]), [1, 2, 1, 1])
    assert s.loc[1, "a"] == pytest.approx(2 / 3) and s.loc[1, "b"] == 1.0
    assert s.sum().tolist() == pytest.approx([1.0, 1.0])


def test_dominant_code_and_agreement():
    assert cl.dominant([1, 1, 1, 2, 2], ["y", "x", "y", "b", "a"]) == {1: "y", 2: "a"}
    assert cl.agreement([1, 1, 2, 2], ["x", "x", "y", "y"]) == pytest.approx(1.0)
    assert cl.agreement([1, 2, 1, 2], ["x", "x", "y", "y"]) < 0.1


def test_distance_matrix_is_labelled_and_symmetric():
    profiles = pd.DataFrame([[1.0, 0.0], [0.0, 1.0]], index=["a", "b"])
    d = cl.distance_matrix(profiles)
    assert d.loc["a", "b"] == pytest.approx(1.0) and d.loc["b", "a"] == pytest.approx(1.0) and d.loc["a", "a"] == 0


def test_seed_agreement_is_one_for_obvious_themes():
    X = cl.sentence_vectors(TEXTS)
    ari = cl.seed_agreement(X, 2, [0, 0, 0, 1, 1, 1], seeds=[1, 2, 3])
    assert ari.tolist() == pytest.approx([1.0, 1.0, 1.0])
    assert cl.seed_agreement(X, 2, [0, 1, 0, 1, 0, 1], seeds=[1]).iloc[0] < 0.5


def test_above_the_sample_size_kmeans_fits_a_fixed_sample_and_labels_every_sentence(monkeypatch):
    monkeypatch.setattr(cl, "SAMPLE", 4)
    X = cl.sentence_vectors(TEXTS * 2)
    rows = cl.sample_rows(X.shape[0])
    assert len(rows) == 4 and rows.tolist() == cl.sample_rows(X.shape[0]).tolist()
    scores, labels = cl.kmeans_by_k(X, [2], seed=0)
    lab = labels[2]
    assert len(lab) == 12
    assert len(set(lab[[0, 1, 2, 6, 7, 8]])) == 1 and len(set(lab[[3, 4, 5, 9, 10, 11]])) == 1 and lab[0] != lab[3]
    again, _ = cl.kmeans_by_k(X, [2], seed=0)
    assert again.equals(scores)


def test_js_distances_agree_with_scipy_pair_by_pair():
    from scipy.spatial.distance import jensenshannon

    rng = np.random.default_rng(3)
    rows = rng.random((6, 5))
    rows[2, :3] = 0  # zero shares, as a plan without sentences in a sector has
    rows /= rows.sum(axis=1, keepdims=True)
    expected = [jensenshannon(rows[i], rows[j], base=2) for i in range(6) for j in range(i + 1, 6)]
    assert cl.js_distances(rows) == pytest.approx(expected, abs=1e-12)
