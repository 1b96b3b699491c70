"""char_ngram_counts against scikit-learn's CountVectorizer, the implementation it replaces: same matrix,
bit for bit (values, stored order, column order), on the real sentences and on edge cases."""
import numpy as np
import pytest
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer

from comparison.analysis import clustering as cl
from comparison.analysis import similarity as sim
from comparison.text.documents import sentences_table
from comparison.analysis.ngrams import char_ngram_counts
from comparison.analysis.similarity import normalize

EDGE_TEXTS = ["", "a", "ab", "绿色金融支持企业", "  two   spaces\tand\ttabs ", "绿色金融", "😀表情😀表情", "2025年达到95%",
              "ab", "abab" * 20, "減污降碳", "x y"]


@pytest.fixture(scope="module")
def sentences(corpus):
    return sentences_table(corpus).text.tolist()


def assert_same(ours, theirs):
    ours, theirs = ours.tocsr(), theirs.tocsr()
    assert ours.shape == theirs.shape
    assert np.array_equal(ours.indptr, theirs.indptr)
    assert np.array_equal(ours.indices, theirs.indices)  # same stored order within each row
    assert ours.data.dtype == theirs.data.dtype and np.array_equal(ours.data, theirs.data)


@pytest.mark.parametrize("options", [dict(ngram_range=(2, 3)), dict(ngram_range=(1, 3)), dict(ngram_range=(8, 8)),
                                     dict(ngram_range=(2, 3), min_df=2, dtype=np.float64),
                                     dict(ngram_range=(4, 4), min_df=3, binary=True), dict(ngram_range=(1, 1))])
def test_the_real_sentences_give_scikit_learns_matrix_and_vocabulary(sentences, options):
    reference = CountVectorizer(analyzer="char", preprocessor=normalize, lowercase=False, **options)
    expected = reference.fit_transform(sentences)
    counted = char_ngram_counts(sentences, preprocessor=normalize, **options)
    assert_same(counted.counts, expected)
    assert counted.vocabulary.tolist() == reference.get_feature_names_out().tolist()


@pytest.mark.parametrize("ngram_range", [(1, 2), (2, 2), (2, 3), (3, 5), (4, 4)])
@pytest.mark.parametrize("min_df", [1, 2])
def test_edge_cases_give_scikit_learns_matrix(ngram_range, min_df):
    # empty and short texts, whitespace runs (collapsed, not dropped, without a preprocessor), characters
    # outside the basic plane, repeats
    reference = CountVectorizer(analyzer="char", lowercase=False, ngram_range=ngram_range, min_df=min_df)
    expected = reference.fit_transform(EDGE_TEXTS)
    counted = char_ngram_counts(EDGE_TEXTS, ngram_range, min_df=min_df)
    assert_same(counted.counts, expected)
    assert counted.vocabulary.tolist() == reference.get_feature_names_out().tolist()


def test_no_ngram_at_all_is_an_error_as_in_scikit_learn():
    with pytest.raises(ValueError, match="empty vocabulary"):
        char_ngram_counts(["a", ""], (2, 3))
    with pytest.raises(ValueError, match="no n-grams remain"):
        char_ngram_counts(["abc", "xyz"], (2, 2), min_df=2)


def test_sentence_vectors_are_scikit_learns_tfidf_bit_for_bit(sentences):
    expected = TfidfVectorizer(analyzer="char", ngram_range=(2, 3), preprocessor=normalize, lowercase=False,
                               sublinear_tf=True, min_df=2).fit_transform(sentences)
    assert_same(cl.sentence_vectors(sentences), expected)


def test_shingle_matrix_holds_each_texts_shingle_set(sentences):
    m = sim.shingle_matrix(sentences, 8)
    assert m.data.tolist() == [1] * m.nnz
    # every row holds as many shingles as the text's set, and two texts share as many as their sets do
    sets = [sim.shingles(t, 8) for t in sentences]
    assert np.asarray(m.sum(axis=1)).ravel().tolist() == [len(s) for s in sets]
    shared = (m @ m.T).toarray()
    rng = np.random.default_rng(0)
    for i, j in rng.integers(0, len(sentences), size=(300, 2)):
        assert shared[i, j] == len(sets[i] & sets[j])
    assert (m.getnnz(axis=0) > 0).all()  # no empty column
