"""How often each indicator rule of the extractor is right: the measured probabilities its confidences are.

The extractor names the rule that chose each suggested indicator (an alias right before the value, an
item of a 分别 list, an alias named earlier in the sentence, the closest wording …). The share of right
ids per rule is measured on labelled data — the curated plans, each with the aliases only it uses taken
out of the codebook (leave-one-plan-out, so a plan's own words do not vouch for themselves), and
sentences written in the forms plans use (``benchmarks/indicator_labels/calibration.csv``) — and stored
in ``indicator_calibration.csv`` beside this module (``make calibrate`` recomputes it; a test checks it
is current). A rule's confidence is (right + 1) / (rows + 2), the expected share right with a flat prior,
so a rule seen on few rows cannot claim much. An id is suggested only when its rule is more likely right
than wrong (confidence > 0.5); otherwise the row gets no id and a proposed indicator instead.
"""
from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import pandas as pd

TABLE = Path(__file__).with_name("indicator_calibration.csv")
COLUMNS = ["rule", "description", "n_rows", "n_right", "confidence", "n_plan_rows", "n_plan_right",
           "n_sentence_rows", "n_sentence_right"]
MIN_SUGGESTED = 0.5  # an id is suggested only when its rule is right more often than not
RULES = {
    "alias_covering": "a codebook alias written around the value (10蒸吨/小时以下燃煤锅炉)",
    "alias_restated": "a value restated in brackets takes the indicator of the value before it",
    "alias_adjacent": "an alias that opens the value's part of the sentence, only verbs, comparators or years "
                      "between it and the value (到2025年，全市森林覆盖率达到39%)",
    "alias_prefixed": "an alias right before the value, but other words before it in its part of the sentence "
                      "(工业能耗强度下降20% holds the alias 能耗强度)",
    "alias_apart": "an alias in the value's own part of the sentence, other words between",
    "alias_several": "an alias that opens the value's part and names several indicators the unit allows, one "
                     "chosen by the wording",
    "alias_several_indirect": "an alias that names several indicators the unit allows, found by another rule "
                              "than opening the value's part (named earlier in the sentence, prefixed, apart): "
                              "one chosen by the wording",
    "alias_counted_noun": "the alias right after a count (建成2个示范园区)",
    "list_item": "in a 分别 list, the item in the value's position (A、B分别达到x、y)",
    "list_shared_tail": "in a 分别 list, an item written without the words it shares with the next, which with "
                        "them are an alias (风电、光伏装机分别达到x、y: 风电装机)",
    "list_shared_head": "in a 分别 list, an item written without the words it shares with the one before, which "
                        "with them are an alias (森林覆盖率和蓄积量分别达到x、y: 森林蓄积量)",
    "list_shared": "one value after 均 or 都 for several items: one row per item",
    "list_alias_split": "an alias that names one indicator per value of a 分别 list (水稻化肥、农药利用率)",
    "alias_earlier_in_sentence": "an alias named in an earlier part of the sentence, the value's own part "
                                 "naming no alias",
    "alias_bare_subject": "the value's own part names no subject, only verbs, years or a bare word (规模突破300亿元, "
                          "2030年达到25%): the alias named just before it in the sentence",
    "measure_mismatch": "an alias's indicator measures a level and the words before the value state a change "
                        "or an addition (年均增长30%, 新增20万千瓦), or it measures a change and they state a level "
                        "(下降到50%)",
    "fuzzy_close": "no alias: the indicator whose alias or label reads most like the value's phrase "
                   "(similarity 0.6 or more)",
    "fuzzy_far": "no alias: the closest wording, similarity from 0.35 to 0.6",
}
# Rules that never give an id: nothing to measure.
NEVER = {"no_alias": "no codebook alias or label reads like the value's phrase",
         "unit_mismatch": "an alias found, but its indicator's unit cannot take the value's unit"}

_measuring = False


@dataclass(frozen=True)
class Calibration:
    table: pd.DataFrame

    def confidence(self, rule: str) -> float | None:
        """The rule's measured probability of a right id; None while measuring (every id is kept)."""
        if _measuring:
            return None
        if rule in NEVER:
            return 0.0
        return self._by_rule.get(rule, (0.0, 0, 0))[0]

    def right_of(self, rule: str) -> tuple[int, int]:
        return self._by_rule.get(rule, (0.0, 0, 0))[1:]

    @cached_property
    def _by_rule(self) -> dict[str, tuple[float, int, int]]:
        """rule → (confidence, right, rows): looked up for every value, so not by filtering the table each time."""
        return {rule: (float(c), int(right), int(n))
                for rule, c, right, n in zip(self.table.rule, self.table.confidence, self.table.n_right,
                                             self.table.n_rows)}


def load_calibration(path: Path = TABLE) -> Calibration:
    return Calibration(pd.read_csv(path, dtype={"rule": str, "description": str}, keep_default_na=False))


@contextmanager
def measuring():
    """Extract with every rule's id kept, so the rule itself can be scored (the calibration run)."""
    global _measuring
    before, _measuring = _measuring, True
    try:
        yield
    finally:
        _measuring = before


def calibration_table(scored: pd.DataFrame) -> pd.DataFrame:
    """One row per rule from scored rows (columns rule, right, source = plan | sentence)."""
    rows = []
    for rule, description in RULES.items():
        own = scored[scored.rule == rule]
        n, k = len(own), int(own.right.sum())
        counts = {}
        for source in ("plan", "sentence"):
            part = own[own.source == source]
            counts[f"n_{source}_rows"], counts[f"n_{source}_right"] = len(part), int(part.right.sum())
        rows.append(dict(rule=rule, description=description, n_rows=n, n_right=k,
                         confidence=round((k + 1) / (n + 2), 3), **counts))
    return pd.DataFrame(rows, columns=COLUMNS)
