"""The indicator confidences are measured probabilities: the stored calibration is what the labelled data give,
and on sentences the calibration never saw (benchmarks/indicator_labels/heldout.csv, labelled by hand) the
ids suggested with confidence 0.8 or more are right at least 80 % of the time."""
from __future__ import annotations

import pandas as pd
import pytest

from comparison.newplan.calibration import NEVER, RULES, calibration_table, load_calibration
from comparison.newplan.scoring import score_plans, score_sentences
from comparison.paths import REPO_ROOT
from comparison.pipeline import validate

LABELS = REPO_ROOT / "benchmarks" / "indicator_labels"


def labels(name: str) -> pd.DataFrame:
    return pd.read_csv(LABELS / f"{name}.csv", dtype=str, keep_default_na=False)


@pytest.fixture(scope="module")
def inputs(paths):
    return validate(paths)


def test_the_stored_calibration_is_what_the_labelled_data_give(inputs):
    plans = score_plans(inputs.docs, inputs.curated.quantities, inputs.taxonomy, inputs.units)
    sentences, _ = score_sentences(labels("calibration"), inputs.taxonomy, inputs.units)
    assert set(plans.rule) | set(sentences.rule) <= set(RULES) | set(NEVER)
    measured = calibration_table(pd.concat([plans, sentences], ignore_index=True))
    stored = load_calibration().table
    assert list(stored.rule) == list(RULES)
    pd.testing.assert_frame_equal(stored, measured, check_dtype=False, obj="indicator_calibration.csv vs the data "
                                                                        "(run make calibrate)")


def test_confident_ids_are_right_on_held_out_sentences(inputs):
    held = labels("heldout")
    assert not set(held.sentence) & set(labels("calibration").sentence)  # never seen by the calibration
    scored, missing = score_sentences(held, inputs.taxonomy, inputs.units, measure=False)
    assert missing <= 0.05 * len(held)
    confident = scored[(scored.indicator_id != "") & (scored.confidence >= 0.8)]
    assert len(confident) >= 0.5 * len(scored)  # the check is not passed by suggesting nothing
    assert confident.right.mean() >= 0.8, confident[~confident.right]
    # no confident id where the codebook has none to give
    assert (confident.expected != "").all(), confident[confident.expected == ""]


def test_the_labelled_rows_name_indicators_of_the_codebook(inputs):
    known = set(inputs.taxonomy.table("indicators").indicator_id) | {""}
    for name in ("calibration", "heldout"):
        assert set(labels(name).indicator_id) <= known, name
