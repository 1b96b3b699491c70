"""The raw corpus: manifest, byte-identical texts, and clear errors for bad corpus input."""
import hashlib
import subprocess
import sys

import pandas as pd

from comparison.text.corpus import MANIFEST_COLUMNS
from helpers import msg, problems

DOC_IDS = ["nanping_2021", "nanping_2022", "shangrao_2022", "tianshui_2022", "jiaozuo_2021"]


def test_manifest_lists_the_five_plans(paths):
    manifest = pd.read_csv(paths.manifest, dtype=str, keep_default_na=False)
    assert list(manifest.columns) == MANIFEST_COLUMNS
    assert sorted(manifest.doc_id) == sorted(DOC_IDS)
    assert set(manifest.status) <= {"final", "draft"}
    assert manifest.set_index("doc_id").loc["nanping_2022", "plan_type"] == "pollution_carbon_synergy"


def test_every_text_matches_its_recorded_hash(paths):
    manifest = pd.read_csv(paths.manifest, dtype=str, keep_default_na=False)
    for row in manifest.itertuples():
        assert hashlib.sha256((paths.raw / row.file).read_bytes()).hexdigest() == row.sha256, row.doc_id


def run_cli(root, *args):
    return subprocess.run([sys.executable, "-m", "comparison", "--root", str(root), *args],
                          capture_output=True, text=True)


def assert_clean_failure(result, *phrases):
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    for phrase in phrases:
        assert phrase in result.stderr, result.stderr


def test_missing_text_is_reported(project_copy):
    (project_copy / "data/raw/texts/tianshui_2022.txt").unlink()
    assert_clean_failure(run_cli(project_copy, "validate"),
                         "data/raw/plans.csv, row 5, column 'file': the plan text data/raw/texts/tianshui_2022.txt "
                         "does not exist")


def test_empty_text_is_reported(project_copy):
    path = project_copy / "data/raw/texts/jiaozuo_2021.txt"
    path.write_bytes(b"")
    _rehash(project_copy, "jiaozuo_2021")
    assert_clean_failure(run_cli(project_copy, "validate"), "data/raw/texts/jiaozuo_2021.txt: the plan text is empty")


def test_non_utf8_text_is_reported(project_copy):
    path = project_copy / "data/raw/texts/jiaozuo_2021.txt"
    path.write_bytes(path.read_text(encoding="utf-8").encode("gb18030"))
    _rehash(project_copy, "jiaozuo_2021")
    assert_clean_failure(run_cli(project_copy, "validate"), "data/raw/texts/jiaozuo_2021.txt: not UTF-8",
                         "iconv -f GB18030")


def test_text_that_is_only_page_furniture_is_reported(project_copy):
    path = project_copy / "data/raw/texts/jiaozuo_2021.txt"
    path.write_text("发布时间：2023-05-06 10:21 来源：焦作市人民政府\n【打印】【关闭】\n", encoding="utf-8")
    _rehash(project_copy, "jiaozuo_2021")
    assert_clean_failure(run_cli(project_copy, "validate"),
                         "data/raw/texts/jiaozuo_2021.txt: the text has no words of a plan (it is empty, or only "
                         "web-page furniture")


def test_crlf_and_cr_line_endings_read_as_lf(project_copy, paths):
    """A text checked out with CRLF (git on Windows) or saved with CR validates exactly like the LF original."""
    from comparison.pipeline import validate
    from comparison.paths import project_paths
    from comparison.text.documents import clauses_table, parse_corpus

    lf = parse_corpus(paths)
    for ending in ("\r\n", "\r"):
        for doc_id in ("tianshui_2022", "nanping_2022"):
            path = project_copy / f"data/raw/texts/{doc_id}.txt"
            path.write_bytes((paths.raw / f"texts/{doc_id}.txt").read_bytes().replace(b"\n", ending.encode()))
            _rehash(project_copy, doc_id)
        validate(project_paths(project_copy))  # raises on any problem
        other = parse_corpus(project_paths(project_copy))
        assert clauses_table(other).equals(clauses_table(lf))


def test_changed_text_fails_the_hash_check(project_copy):
    path = project_copy / "data/raw/texts/shangrao_2022.txt"
    path.write_bytes(path.read_bytes() + "。".encode())
    assert_clean_failure(run_cli(project_copy, "validate"),
                         "data/raw/plans.csv, row 4, column 'sha256': data/raw/texts/shangrao_2022.txt does not match "
                         "its recorded hash")


def _rehash(root, doc_id):
    manifest_path = root / "data/raw/plans.csv"
    manifest = pd.read_csv(manifest_path, dtype=str, keep_default_na=False)
    row = manifest.doc_id == doc_id
    manifest.loc[row, "sha256"] = hashlib.sha256((root / "data/raw" / manifest.loc[row, "file"].item()).read_bytes()).hexdigest()
    manifest.to_csv(manifest_path, index=False)


def test_parse_writes_ids_for_a_plan_without_a_workbook(project_copy):
    (project_copy / "data/raw/cities/tianshui.xlsx").unlink()
    result = run_cli(project_copy, "parse")
    assert result.returncode == 0, result.stderr
    sentences = pd.read_csv(project_copy / "data/processed/sentences.csv")
    assert "tianshui_2022:2.1.1" in set(sentences.sentence_id)
    assert_clean_failure(run_cli(project_copy, "validate"),
                         "data/raw/cities/tianshui.xlsx: no curated workbook for plan tianshui_2022")


def test_a_text_over_the_size_limit_is_not_read(project_copy):
    """A 5 MB text used to run for more than 600 s; a plan is at most 1 MiB (the longest are ~0.2 MiB)."""
    path = project_copy / "data/raw/texts/tianshui_2022.txt"
    path.write_bytes(path.read_bytes() * 60)  # 1.2 MB
    size = path.stat().st_size
    assert problems(project_copy) == [msg("data/raw/texts/tianshui_2022.txt",
                                          f"the text is {size / 2**20:.1f} MiB, more than a plan's limit of 1 MiB",
                                          f"{size:,} bytes", "one plan's text (the longest plans are about 0.2 MiB)",
                                          "check that the file holds one plan, not a whole web site or a compilation "
                                          "of plans; give each plan its own file")]
