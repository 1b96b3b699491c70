"""Lead agencies and involvement from the responsible units listed per clause."""
import pandas as pd
import pytest

from comparison.analysis.responsibility import clauses_with_units, involvement, plans_with_units, top_leads, wide


@pytest.fixture
def resp():
    # plan p: clause 1 led by dev, supported by env; clause 2 led by env, names parks three times;
    # plan q: clause 1 led by dev.
    return pd.DataFrame([
        ("p", "p:1.1", 1, "dev"), ("p", "p:1.1", 2, "env"),
        ("p", "p:1.2", 1, "env"), ("p", "p:1.2", 2, "parks"), ("p", "p:1.2", 3, "parks"), ("p", "p:1.2", 4, "parks"),
        ("q", "q:1.1", 1, "dev"),
    ], columns=["doc_id", "clause_id", "position", "agency_id"])


def test_plans_and_clauses_with_units(resp):
    assert plans_with_units(resp) == ["p", "q"]
    assert clauses_with_units(resp).to_dict() == {"p": 2, "q": 1}


def test_plans_with_units_follow_categorical_order_and_skip_plans_without_rows(resp):
    resp = resp.assign(doc_id=pd.Categorical(resp.doc_id, categories=["q", "silent", "p"], ordered=True))
    assert plans_with_units(resp) == ["q", "p"]


def test_involvement_counts_each_agency_once_per_clause_split_by_lead(resp):
    inv = involvement(resp).set_index(["doc_id", "agency_id"])
    assert inv.loc[("p", "env")].tolist() == [1, 1, 2]        # lead, supporting, total
    assert inv.loc[("p", "dev")].tolist() == [1, 0, 1]
    assert inv.loc[("p", "parks")].tolist() == [0, 1, 1]      # named three times in one clause
    assert inv.loc[("q", "dev")].tolist() == [1, 0, 1]
    assert ("q", "env") not in inv.index


def test_involvement_orders_most_involved_first_within_plan(resp):
    inv = involvement(resp)
    assert list(inv.agency_id[inv.doc_id == "p"]) == ["env", "dev", "parks"]


def test_involvement_uses_the_given_label_column(resp):
    resp = resp.assign(label_en=resp.agency_id.map({"dev": "Dev", "env": "Env", "parks": "Parks"}))
    inv = involvement(resp, label="label_en")
    assert set(inv.label_en) == {"Dev", "Env", "Parks"}


def test_wide_lead_table_fills_zero_and_drops_never_leading_agencies(resp):
    w = wide(involvement(resp), "lead")
    assert list(w.columns) == ["p", "q"]
    assert list(w.index) == ["dev", "env"]                   # dev leads 2, env 1; parks never leads
    assert w.at["env", "q"] == 0 and w.at["dev", "q"] == 1


def test_wide_can_share_the_order_of_another_column(resp):
    w = wide(involvement(resp), "lead", drop_zero=False, order_by="total")
    assert list(w.index) == ["dev", "env", "parks"]          # totals 2, 2 (tie → name), 1
    assert w.at["parks", "p"] == 0


def test_top_leads_reports_ties():
    inv = pd.DataFrame({"doc_id": ["p", "p", "p"], "agency_id": ["b", "a", "c"], "lead": [2, 2, 1],
                        "supporting": [0, 0, 0], "total": [2, 2, 1]})
    top = top_leads(inv)
    assert top.agency_id[0] == ["a", "b"] and top.lead[0] == 2


def test_a_selection_without_units_gives_empty_tables_with_columns(resp):
    none = resp.iloc[0:0]
    assert plans_with_units(none) == []
    inv = involvement(none)
    assert inv.empty and list(inv.columns) == ["doc_id", "agency_id", "lead", "supporting", "total"]
    assert list(top_leads(inv).columns) == ["doc_id", "agency_id", "lead"]
