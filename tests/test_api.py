"""The notebooks' prose is checked only on the plans it was written for."""
from types import SimpleNamespace

import pandas as pd

from comparison.api import PROSE_PLANS, prose_applies


def tables_of(doc_ids):
    return SimpleNamespace(plans=pd.DataFrame({"doc_id": pd.Categorical(doc_ids)}))


def test_prose_applies_to_exactly_the_seed_plans(capsys):
    assert prose_applies(tables_of(sorted(PROSE_PLANS)))
    assert capsys.readouterr().out == ""


def test_a_new_or_missing_plan_turns_the_checks_off_and_says_so(capsys):
    assert not prose_applies(tables_of(sorted(PROSE_PLANS) + ["shili_2023"]))
    assert "plans added: shili_2023; seed plans left out: none" in capsys.readouterr().out
    assert not prose_applies(tables_of(["nanping_2021"]))
    assert "plans added: none; seed plans left out: jiaozuo_2021, nanping_2022" in capsys.readouterr().out
