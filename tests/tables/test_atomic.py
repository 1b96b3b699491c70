"""Outputs are atomic and formula-safe."""
import pandas as pd
import pytest

from comparison.tables.atomic import atomic_path, neutralize_formula, write_csv


@pytest.mark.parametrize("value,expected", [("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"), ("+1", "'+1"), ("-x", "'-x"),
                                            ("@SUM(A1)", "'@SUM(A1)"), ("\t=1+1", "'\t=1+1"), ("\r=1+1", "'\r=1+1"),
                                            ("到2025年", "到2025年"), (-13.5, -13.5), (0, 0)])
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

    values = ("=", ">=", "-1", "'ok", 5, "\t=1", "\r=1")
    assert [restore_formula(neutralize_formula(v)) for v in values] == list(values)


def test_a_carriage_return_in_a_field_is_quoted(tmp_path):
    """csv quotes a field holding its line ending (\\n) but not a lone \\r, which readers take for a row end: a
    table holding one is written with every field quoted, and reads back as it was."""
    df = pd.DataFrame({"title": ["Tianshui\rplan", "ok"], "value": [1.5, 2.0]})
    write_csv(df, tmp_path / "t.csv")
    assert (tmp_path / "t.csv").read_bytes() == b'"title","value"\n"Tianshui\rplan","1.5"\n"ok","2.0"\n'
    pd.testing.assert_frame_equal(pd.read_csv(tmp_path / "t.csv"), df)


def test_a_temporary_file_left_by_a_killed_run_is_removed_by_the_next_write(tmp_path):
    import fcntl
    import os
    import time

    target = tmp_path / "quantities.csv"
    stale = tmp_path / ".quantities.csv.k1lled0x.tmp"  # as mkstemp names them; zero bytes, as a SIGKILL leaves it
    stale.write_bytes(b"")
    in_use = tmp_path / ".quantities.csv.writing1.tmp"  # another run is writing this one: it holds the lock
    in_use.write_bytes(b"half")
    just_made = tmp_path / ".quantities.csv.justmade.tmp"  # created a moment ago, about to be locked
    just_made.write_bytes(b"")
    for path in (stale, in_use):
        os.utime(path, (time.time() - 3600, time.time() - 3600))
    fd = os.open(in_use, os.O_RDONLY)
    fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        write_csv(pd.DataFrame({"a": [1]}), target)
    finally:
        os.close(fd)
    assert sorted(p.name for p in tmp_path.iterdir()) == [".quantities.csv.justmade.tmp",
                                                          ".quantities.csv.writing1.tmp", "quantities.csv"]


def test_a_set_of_files_is_renamed_together_or_not_at_all(tmp_path):
    from comparison.tables.atomic import atomic_paths

    (tmp_path / "a.csv").write_text("old a")
    with pytest.raises(RuntimeError):
        with atomic_paths() as reserve:
            reserve(tmp_path / "a.csv").write_text("new a")
            reserve(tmp_path / "b.csv").write_text("new b")
            raise RuntimeError("the third table failed")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.csv"] and (tmp_path / "a.csv").read_text() == "old a"
