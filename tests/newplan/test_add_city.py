"""Adding a city end to end: a sixth plan (a fictitious plan written for this test, tests/fixtures/
shili_2023.txt) goes through new-plan, review and make report, and then appears in every processed
table, in every figure of both languages and in the HTML report, with no code change.

The fixture states 18 quantities in the phrasings plans use (到…年 heading a list, 比2020年下降, 以上,
不低于, 突破, 约, 力争, 确保, 分别达到, ranges 1-2 and 2—3, 翻一番, a Chinese numeral, full-width digits
and ％, a baseline fact); EXPECTED below was written from the text by hand, not from the extractor.
It is added once per test run (``sixth_plan`` in tests/conftest.py, where validate lists its suggested rows);
once its rows are accepted, three plans of the forms' end-to-end tests are added after it, unreviewed, and
that project is the suite's one full report run (``report_run``), which every report test inspects too.
"""
import pandas as pd
import pytest

from comparison.paths import project_paths
from comparison.pipeline import validate
from comparison.problems import InputError
from comparison.report import LANGS
from comparison.curation.validation import CITY_SCHEMA
from comparison.curation.workbooks import read_workbook
from helpers import UNREVIEWED_NOTE, figure_sidecars

WORKBOOK = "data/raw/cities/shili.xlsx"
LABELS = {"en": "Shili (example) 2023", "zh": "示例 2023"}
MARKED = {"en": "Shili (example) 2023 (unreviewed)", "zh": "示例 2023（未审核）"}  # its label while under review
# Figures that by design do not draw every plan (every other figure must show the new plan).
NOT_PER_PLAN = {"02_reconciliation": "draws only the plans of cities with two or more plans",
                "04_theme_k": "chooses the number of sentence themes over all sentences; draws no plan",
                "07_alignment_values": "draws only the targets that compare with a national or provincial target"}

# value, unit_as_written, comparator, target_year, base_year, kind, commitment
EXPECTED = {
    ("13.5", "%", "eq", "2025", "2020", "target", "none"),
    ("18", "%", "ge", "2025", "", "target", "none"),
    ("67.5", "%", "ge", "2025", "", "target", "none"),
    ("100", "%", "eq", "2025", "", "target", "none"),
    ("95", "%", "eq", "2025", "", "target", "none"),
    ("76.3", "％", "eq", "", "2022", "baseline", "none"),
    ("30", "家", "eq", "2025", "", "target", "力争"),
    ("92", "%", "ge", "", "", "target", "力争"),
    ("90", "%", "ge", "", "", "target", "确保"),
    ("2", "个", "eq", "", "", "target", "none"),
    ("120", "万千瓦", "gt", "2025", "", "target", "none"),
    ("2", "座", "ge", "2025", "", "target", "none"),
    ("3", "座", "le", "2025", "", "target", "none"),
    ("120", "吨/日", "eq", "2025", "", "target", "none"),
    ("1", "个", "ge", "", "", "target", "none"),
    ("2", "个", "le", "", "", "target", "none"),
    ("350", "亿元", "approx", "2025", "", "target", "none"),
    ("2", "times", "eq", "2025", "", "target", "none"),
}


@pytest.fixture(scope="module")
def added(sixth_plan, report_run):
    """The reviewed project (the suite's report run, ``report_run``), the sixth plan's workbook as new-plan
    wrote it (``sixth_plan``, before review), what validate says of that unreviewed workbook, and the
    report's captions."""
    before_review, (code, err) = sixth_plan
    assert code == 0, err
    root, result = report_run
    assert result["report"][0] == 0, result["report"][1]
    suggested = read_workbook(before_review / WORKBOOK, CITY_SCHEMA, WORKBOOK)
    with pytest.raises(InputError) as err:
        validate(project_paths(before_review))
    unreviewed = [p for p in err.value.problems if p.file == WORKBOOK]
    captions = {lang: {stem: sidecar["caption"] for stem, sidecar in figure_sidecars(root, lang).items()}
                for lang in LANGS}
    return root, suggested, unreviewed, captions


def test_extractor_found_every_quantity_of_the_new_plan(added):
    _, suggested, _, _ = added
    q = suggested["quantities"]
    found = set(zip(q.value, q.unit_as_written, q.comparator, q.target_year, q.base_year, q.kind, q.commitment))
    assert found == EXPECTED
    assert (q.indicator_id != "").all()
    # value_as_written is the number as printed; it differs from value only where the text is not plain digits
    printed = {(w, v) for w, v in zip(q.value_as_written, q.value) if w != v}
    assert printed == {("１２０", "120"), ("两", "2"), ("翻一番", "2")}


def test_validate_lists_every_suggested_row_for_review(added):
    _, suggested, unreviewed, _ = added
    review = [p for p in unreviewed if p.message == "row needs review (status is 'suggested')"]
    assert {(p.sheet, p.row) for p in review} == {(sheet, r) for sheet, df in suggested.items() for r in df.excel_row}
    assert all(p.file == WORKBOOK and p.column == "status" for p in review)


@pytest.mark.parametrize("lang", LANGS)
def test_once_reviewed_the_plan_is_no_longer_marked_unreviewed(added, lang):
    """The report also previews three plans still under review (test_forms_end_to_end): every caption names
    those, and none names the reviewed plan among them."""
    _, _, _, captions = added
    note = UNREVIEWED_NOTE[lang]
    assert len(captions[lang]) >= 21
    assert [stem for stem, caption in captions[lang].items() if note not in caption] == []
    assert [stem for stem, caption in captions[lang].items() if MARKED[lang] in caption] == []


@pytest.mark.parametrize("table", ["plans", "quantities", "measures", "priorities", "comparison",
                                   "responsibilities", "clauses", "sentences", "alignment"])
def test_new_plan_in_every_processed_table(added, table):
    root, _, _, _ = added
    df = pd.read_csv(root / "data/processed" / f"{table}.csv", dtype=str)
    assert ("shili_2023" in set(df.doc_id)) if "doc_id" in df else ("shili_2023" in df.columns)


@pytest.mark.parametrize("lang", LANGS)
def test_new_plan_in_every_figure_and_the_report(added, lang):
    root, _, _, _ = added
    sidecars = figure_sidecars(root, lang)
    assert len(sidecars) >= 21
    drawn = {stem: " ".join(" ".join(sidecar["texts"]).split()) for stem, sidecar in sidecars.items()}
    assert [stem for stem, texts in drawn.items() if LABELS[lang] not in texts and stem not in NOT_PER_PLAN] == []
    html = (root / "reports" / ("report.html" if lang == "en" else "report_zh.html")).read_text("utf-8")
    assert LABELS[lang] in html and MARKED[lang] not in html
    assert [stem for stem, texts in drawn.items() if MARKED[lang] in texts] == []
    sheets = pd.read_excel(root / "reports/tables/comparison.xlsx", sheet_name=None, dtype=str)
    assert any(df.isin(["shili_2023"]).any().any() for df in sheets.values())
