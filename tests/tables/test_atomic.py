"""Outputs are atomic and formula-safe."""
import pandas as pd
import pytest

from comparison.tables.atomic import atomic_path, neutralize_formula, write_csv


@pytest.mark.parametrize("value,expected", [("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"), ("+1", "'+1"), ("-x", "'-x"),
                                            ("@SUM(A1)", "'@SUM(A1)"), ("到2025年", "到2025年"), (-13.5, -13.5), (0, 0)])
def test_formula_injection_is_neutralized_but_numbers_are_not(value, expected):
    assert neutralize_formula(value) == expected


def test_csv_export_neutralizes_text_cells(tmp_path):
    target = tmp_path / "t.csv"
    write_csv(pd.DataFrame({"text": ["=1+1", "ok"], "value": [-2.5, 3]}), target)
    assert target.read_text(encoding="utf-8") == "text,value\n'=1+1,-2.5\nok,3.0\n"


def test_failed_write_leaves_no_file(tmp_path):
    target = tmp_path / "out.csv"
    with pytest.raises(RuntimeError):
        with atomic_path(target) as tmp:
            tmp.write_text("half")
            raise RuntimeError("crash")
    assert not target.exists() and list(tmp_path.iterdir()) == []


def test_reading_back_restores_neutralized_text(tmp_path):
    from comparison.tables.atomic import restore_formula

    assert [restore_formula(neutralize_formula(v)) for v in ("=", ">=", "-1", "'ok", 5)] == ["=", ">=", "-1", "'ok", 5]
