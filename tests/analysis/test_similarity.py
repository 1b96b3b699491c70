"""Text reuse between plans: shingles, containment, cosine, boilerplate and local sentences on tiny texts."""
import numpy as np
import pandas as pd
import pytest

from comparison.analysis import similarity as sim
def frame(rows):
    return pd.DataFrame(rows, columns=["sentence_id", "doc_id", "text"])


def test_normalize_drops_punctuation_symbols_and_whitespace():
    assert sim.normalize("绿色，低碳。\n 发展“两网融合”") == "绿色低碳发展两网融合"
    assert sim.normalize("2+6+N") == "26N"


def test_shingles_are_n_character_windows_of_the_normalized_text():
    assert sim.shingles("abcdef", 4) == {"abcd", "bcde", "cdef"}
    assert sim.shingles("ab，cd", 4) == {"abcd"}  # a different comma does not break a match
    assert sim.shingles("主要目标。", 8) == {"主要目标"}  # short text: itself
    assert sim.shingles("。", 8) == frozenset()


def test_containment_is_the_share_of_a_plans_shingles_found_in_the_other():
    s = frame([("a.1", "a", "abcdefgh"), ("b.1", "b", "abcdef")])
    c = sim.containment(s, n=4)
    # a: abcd bcde cdef defg efgh (5); b: abcd bcde cdef (3), all of them in a
    assert c.loc["b", "a"] == pytest.approx(1.0)
    assert c.loc["a", "b"] == pytest.approx(3 / 5)
    assert c.loc["a", "a"] == 1.0


def test_containment_follows_the_categorical_plan_order():
    s = frame([("a.1", "a", "abcdefgh"), ("b.1", "b", "abcdef")])
    s["doc_id"] = pd.Categorical(s.doc_id, categories=["b", "a"], ordered=True)
    assert list(sim.containment(s, n=4).index) == ["b", "a"]


def test_tfidf_cosine_is_one_for_identical_plans_and_zero_for_disjoint_ones():
    s = frame([("a.1", "a", "绿色金融"), ("b.1", "b", "绿色金融"), ("c.1", "c", "减污降碳")])
    c = sim.tfidf_cosine(s)
    assert c.loc["a", "b"] == pytest.approx(1.0)
    assert c.loc["a", "c"] == pytest.approx(0.0)
    assert np.allclose(c.values, c.values.T)


def test_tfidf_cosine_adds_up_a_plans_sentences():
    # plan a says the same as plan b, split over two sentences
    s = frame([("a.1", "a", "绿色金融"), ("a.2", "a", "减污降碳"), ("b.1", "b", "绿色金融，减污降碳"),
               ("c.1", "c", "绿色金融")])
    c = sim.tfidf_cosine(s)
    assert c.loc["a", "b"] > c.loc["a", "c"] > 0


@pytest.fixture
def reuse_case():
    # n = 4.  a.1: abcd bcde cdef defg; a.2: wxyz xyz1 (nowhere else); b.1: abcd bcde cdex dexx; c.1: "defg"
    s = frame([("a.1", "a", "abcdefg"), ("a.2", "a", "wxyz1"), ("b.1", "b", "abcdexx"), ("c.1", "c", "defg")])
    return s, sim.sentence_reuse(s, n=4)


def test_sentence_reuse_finds_the_best_other_plan(reuse_case):
    _, r = reuse_case
    r = r.set_index("sentence_id")
    assert r.loc["a.1", "n_shingles"] == 4
    assert r.loc["a.1", "share_best"] == pytest.approx(0.5) and r.loc["a.1", "best_other"] == "b"
    assert r.loc["a.1", "share_any"] == pytest.approx(0.75)  # abcd, bcde in b; defg in c
    assert r.loc["a.2", "share_any"] == 0 and r.loc["a.2", "best_other"] == ""
    assert r.loc["c.1", "share_best"] == 1.0 and r.loc["c.1", "best_other"] == "a"


def test_a_tie_goes_to_the_first_plan_in_order():
    s = frame([("a.1", "a", "abcd"), ("b.1", "b", "abcd"), ("c.1", "c", "abcd")])
    r = sim.sentence_reuse(s, n=4).set_index("sentence_id")
    assert r.loc["c.1", "best_other"] == "a" and r.loc["a.1", "best_other"] == "b"


def test_reuse_classes_and_boilerplate_share(reuse_case):
    _, r = reuse_case
    assert list(sim.reuse_classes(r)) == ["boilerplate", "local", "boilerplate", "boilerplate"]
    assert list(sim.reuse_classes(r, threshold=0.6)) == ["partial", "local", "partial", "boilerplate"]
    b = sim.boilerplate_share(r)
    a = b[b.doc_id == "a"].set_index("part")
    assert a.loc["boilerplate", "source"] == "b" and a.loc["boilerplate", "share"] == pytest.approx(0.5)
    assert a.loc["local", "share"] == pytest.approx(0.5)
    assert b.groupby("doc_id").share.sum().tolist() == pytest.approx([1.0, 1.0, 1.0])


def test_local_examples_prefer_sentences_with_numbers():
    s = frame([("a.1", "a", "甲乙丙丁戊己庚辛壬癸子丑"), ("a.2", "a", "到2025年达到5家"), ("a.3", "a", "寅卯辰巳午未"),
               ("b.1", "b", "申酉戌亥天地")])
    r = sim.sentence_reuse(s, n=4)
    ex = sim.local_examples(s, r, per_plan=2)
    assert list(ex.sentence_id) == ["a.2", "a.1", "b.1"]


def test_reuse_and_boilerplate_keep_the_plan_order():
    s = frame([("z.1", "z", "abcdefg"), ("a.1", "a", "abcdefg")])
    s["doc_id"] = pd.Categorical(s.doc_id, categories=["z", "a"], ordered=True)
    r = sim.sentence_reuse(s, n=4)
    assert list(r.doc_id.cat.categories) == ["z", "a"]
    assert list(dict.fromkeys(sim.boilerplate_share(r).doc_id)) == ["z", "a"]


def test_gram_is_the_sparse_product_in_dense_blocks():
    import scipy.sparse as sp
    rows = sp.random(7, 50, density=0.3, format="csr", random_state=np.random.default_rng(0),
                     data_rvs=lambda k: np.random.default_rng(1).integers(1, 5, k).astype(float))
    expected = (rows @ rows.T).toarray()
    assert np.array_equal(sim.gram(rows, block=8), expected)  # whole numbers: exact across blocks
    assert np.array_equal(sim.gram(rows.astype(np.int64), block=64), expected)


def test_clustered_order_puts_plans_that_share_text_together():
    from comparison.analysis.similarity import clustered_order

    ids = ["a", "b", "c", "d"]
    # a and c share a lot, b and d share a lot, the pairs little: written by hand
    m = pd.DataFrame([[1, .1, .8, .1], [.1, 1, .1, .7], [.6, .1, 1, .1], [.1, .9, .1, 1]], index=ids, columns=ids)
    order = clustered_order(m)
    assert sorted(order) == ids
    assert abs(order.index("a") - order.index("c")) == 1 and abs(order.index("b") - order.index("d")) == 1
    assert clustered_order(m.iloc[:2, :2]) == ["a", "b"]


def test_shingle_matrix_rows_are_the_shingle_sets_whatever_the_lengths():
    texts = ["abcd", "abc", "", "。", "xabcdx", "abcdabcd", "主要目标"]
    m = sim.shingle_matrix(texts, 4)
    assert m.data.tolist() == [1] * m.nnz  # a shingle repeated in one text counts once
    sets = [sim.shingles(t, 4) for t in texts]
    assert np.asarray(m.sum(axis=1)).ravel().tolist() == [len(s) for s in sets] == [1, 1, 0, 0, 3, 4, 1]
    shared = (m @ m.T).toarray()
    assert all(shared[i, j] == len(sets[i] & sets[j]) for i in range(len(texts)) for j in range(len(texts)))
    assert sim.shingle_matrix(["", "ab"], 4).shape == (2, 1)


def test_containment_and_reuse_share_shingles_but_never_serve_another_tables_results():
    a = frame([("a.1", "a", "abcdefgh"), ("b.1", "b", "abcdef")])
    b = frame([("a.1", "a", "abcdefgh"), ("b.1", "b", "uvwxyz")])  # same shape and ids, other text
    assert sim.containment(a, n=4).loc["b", "a"] == pytest.approx(1.0)
    assert sim.sentence_reuse(a, n=4).share_any.tolist() == [pytest.approx(3 / 5), 1.0]
    assert sim.containment(b, n=4).loc["b", "a"] == 0.0
    assert sim.sentence_reuse(b, n=4).share_any.tolist() == [0.0, 0.0]
