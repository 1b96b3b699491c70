"""Priority profiles: reshaping, emphasis against the mean plan, synergy shares, drawing helpers."""
import pandas as pd
import pytest

from comparison.analysis.priorities import (NO_CATEGORY_COLOR, category_colors, codebook_order, emphasis, group_breaks,
                                   profile, synergy_share, top_emphasis)


def rows(dimension, shares):
    """shares: {doc_id: {category_id: share}} → priorities-like rows."""
    return [{"doc_id": d, "dimension": dimension, "category_id": c, "share_sentences": s, "share_chars": s / 2}
            for d, cats in shares.items() for c, s in cats.items()]


@pytest.fixture
def pr():
    return pd.DataFrame(
        rows("sector", {"b_plan": {"energy": 0.5, "water": 0.3, "industry": 0.2},
                        "a_plan": {"energy": 0.1, "water": 0.1, "industry": 0.8}})
        + rows("instrument_type", {"b_plan": {"supply": 1.0}, "a_plan": {"supply": 1.0}}))


def test_profile_is_category_by_plan_in_first_seen_plan_order_largest_mean_first(pr):
    w = profile(pr, "sector")
    assert list(w.columns) == ["b_plan", "a_plan"]
    assert list(w.index) == ["industry", "energy", "water"]      # means 0.5, 0.3, 0.2
    assert w.at["water", "b_plan"] == 0.3 and w.at["industry", "a_plan"] == 0.8


def test_profile_reads_the_requested_value_and_fills_absent_categories_with_zero():
    pr = pd.DataFrame(rows("sector", {"p": {"energy": 1.0}, "q": {"water": 1.0}}))
    w = profile(pr, "sector", value="share_chars")
    assert w.at["water", "p"] == 0 and w.at["energy", "q"] == 0
    assert w.at["energy", "p"] == 0.5


def test_profile_follows_categorical_plan_order_and_given_category_order(pr):
    pr = pr.assign(doc_id=pd.Categorical(pr.doc_id, categories=["x_unused", "a_plan", "b_plan"], ordered=True))
    w = profile(pr, "sector", order=["water", "transport", "energy"])
    assert list(w.columns) == ["a_plan", "b_plan"]
    assert list(w.index) == ["water", "energy", "industry"]     # unknown "transport" skipped, unlisted last


def test_profile_of_a_dimension_without_rows_raises(pr):
    with pytest.raises(ValueError, match="pillar_group"):
        profile(pr, "pillar_group")


def test_emphasis_is_distance_from_the_unweighted_mean_plan(pr):
    d = emphasis(profile(pr, "sector"))
    assert d.at["energy", "b_plan"] == pytest.approx(0.2)       # 0.5 - mean(0.5, 0.1)
    assert d.at["industry", "b_plan"] == pytest.approx(-0.3)
    assert d.sum().abs().max() == pytest.approx(0)


def test_emphasis_against_a_reference_subset(pr):
    d = emphasis(profile(pr, "sector"), reference=["a_plan"])
    assert d.at["energy", "b_plan"] == pytest.approx(0.4)
    assert d["a_plan"].abs().max() == pytest.approx(0)


def test_top_emphasis_keeps_only_positive_differences_in_rank_order():
    w = pd.DataFrame({"p": [0.4, 0.3, 0.2, 0.1], "q": [0.1, 0.2, 0.3, 0.4]}, index=["a", "b", "c", "d"])
    top = top_emphasis(w, n=3)
    p = top[top.doc_id == "p"]
    assert list(p.category_id) == ["a", "b"]                    # c and d are below the mean
    assert list(p["rank"]) == [1, 2]
    assert p.difference.tolist() == pytest.approx([0.15, 0.05])
    assert p.mean_share.tolist() == pytest.approx([0.25, 0.25])
    assert p.share.tolist() == pytest.approx([0.4, 0.3])
    assert list(top[top.doc_id == "q"].category_id) == ["d", "c"]


def test_top_emphasis_caps_at_n_and_breaks_ties_by_id():
    w = pd.DataFrame({"p": [0.3, 0.3, 0.3, 0.1], "q": [0.1, 0.1, 0.1, 0.7]}, index=["z", "y", "x", "w"])
    top = top_emphasis(w, n=2)
    assert list(top[top.doc_id == "p"].category_id) == ["x", "y"]


def test_synergy_share_per_plan_by_sentences_and_characters():
    m = pd.DataFrame({"doc_id": ["b", "b", "b", "a"], "synergy": [True, False, False, False],
                      "n_chars": [10, 30, 60, 5]})
    s = synergy_share(m).set_index("doc_id")
    assert list(s.index) == ["b", "a"]
    assert s.at["b", "n_synergy"] == 1 and s.at["b", "share_sentences"] == pytest.approx(1 / 3)
    assert s.at["b", "share_chars"] == pytest.approx(0.1)
    assert s.at["a", "share_sentences"] == 0


class FakeTaxonomy:
    def __init__(self, sheets):
        self.sheets = sheets

    def table(self, name):
        return self.sheets[name]


def test_codebook_order_takes_roots_for_groups_and_leaves_for_codes():
    tax = FakeTaxonomy({
        "instruments": pd.DataFrame({"instrument_id": ["supply", "s_talent", "env", "e_rules", "none"],
                                     "parent_id": ["", "supply", "", "env", ""]}),
        "pillars": pd.DataFrame({"pillar_id": ["overall", "production", "key_sectors"],
                                 "parent_id": ["", "", "production"]})})
    assert codebook_order(tax, "instrument") == ["s_talent", "e_rules", "none"]
    assert codebook_order(tax, "instrument_type") == ["supply", "env", "none"]
    assert codebook_order(tax, "pillar_group") == ["overall", "production"]


def test_group_breaks_mark_where_the_group_changes():
    assert group_breaks(["a1", "a2", "b1", "none"], {"a1": "a", "a2": "a", "b1": "b"}) == [2, 3]


def test_category_colors_are_distinct_and_none_is_grey():
    c = category_colors(["x", "none", "y", "z"])
    assert c["none"] == NO_CATEGORY_COLOR
    assert len({c["x"], c["y"], c["z"], c["none"]}) == 4
    with pytest.raises(ValueError):
        category_colors([f"c{i}" for i in range(21)])


def test_emphasis_uses_the_mean_not_the_median():
    w = pd.DataFrame({"p": [0.9, 0.1], "q": [0.3, 0.7], "r": [0.0, 1.0]}, index=["a", "b"])
    d = emphasis(w)
    assert d.at["a", "p"] == pytest.approx(0.5)                 # 0.9 - (0.9 + 0.3 + 0.0) / 3
    assert d.at["a", "r"] == pytest.approx(-0.4)
