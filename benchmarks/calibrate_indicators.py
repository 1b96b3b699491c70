"""Measure how often each indicator rule of the extractor is right and store it as its confidence.

Usage: ``python benchmarks/calibrate_indicators.py`` (or ``make calibrate``) after changing an indicator
rule, the codebook's aliases, or the labelled sentences. It scores the rules on the five curated plans
(leave-one-plan-out: a plan's own aliases do not count for it) and on
``benchmarks/indicator_labels/calibration.csv`` (sentences written in the forms plans use, labelled by
hand), writes ``comparison/newplan/indicator_calibration.csv`` and prints the table, then the confidences
on the held-out sentences ``benchmarks/indicator_labels/heldout.csv``, which the calibration never sees.
``--check`` writes nothing and exits 1 when the stored table is not the one the data give.
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import pandas as pd  # noqa: E402

from comparison.newplan.calibration import TABLE, calibration_table  # noqa: E402
from comparison.newplan.indicators import IndicatorChoice  # noqa: E402
from comparison.newplan.scoring import score_plans, score_sentences  # noqa: E402
from comparison.paths import project_paths  # noqa: E402
from comparison.pipeline import validate  # noqa: E402

LABELS = Path(__file__).resolve().parent / "indicator_labels"


def read_labels(name: str) -> pd.DataFrame:
    return pd.read_csv(LABELS / f"{name}.csv", dtype=str, keep_default_na=False)


def measured(inputs) -> tuple[pd.DataFrame, int]:
    """The calibration table the curated plans and the calibration sentences give, and the labelled
    values the extractor did not find."""
    plans = score_plans(inputs.docs, inputs.curated.quantities, inputs.taxonomy, inputs.units)
    sentences, missing = score_sentences(read_labels("calibration"), inputs.taxonomy, inputs.units)
    return calibration_table(pd.concat([plans, sentences], ignore_index=True)), missing


def held_out(inputs) -> pd.DataFrame:
    """Scored held-out sentences with the stored confidences (as new-plan gives them)."""
    IndicatorChoice.calibration = None  # read the table just written
    scored, missing = score_sentences(read_labels("heldout"), inputs.taxonomy, inputs.units, measure=False)
    print(f"held-out sentences: {len(scored)} values found, {missing} not found by the extractor")
    return scored


def main() -> int:
    inputs = validate(project_paths(None))
    table, missing = measured(inputs)
    if "--check" in sys.argv:
        stored = pd.read_csv(TABLE, dtype=str, keep_default_na=False)
        same = stored.equals(table.astype(str))
        print("calibration table is current" if same else f"{TABLE} is out of date: run make calibrate")
        return 0 if same else 1
    table.to_csv(TABLE, index=False, lineterminator="\n")
    print(f"wrote {TABLE} ({missing} labelled calibration values not found by the extractor)")
    print(table.drop(columns="description").to_string(index=False))
    scored = held_out(inputs)
    given = scored[scored.indicator_id != ""]
    for low, high in ((0.8, 1.01), (0.5, 0.8)):
        band = given[(given.confidence >= low) & (given.confidence < high)]
        right = int(band.right.sum())
        print(f"  confidence {low:.1f}–{min(high, 1):.1f}: {right} of {len(band)} right"
              + (f" ({right / len(band):.3f})" if len(band) else ""))
    print(f"  no id: {len(scored) - len(given)} rows ({int((scored.expected == '').sum())} have no codebook "
          "indicator)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
