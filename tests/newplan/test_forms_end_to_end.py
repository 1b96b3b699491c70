"""Plans in the forms they arrive in, end to end: new-plan → report --allow-suggested → every figure.

Three of the test plans of tests/fixtures/forms (fictitious cities, written for the tests): a news report
on a web page with no headings and page furniture around it, a 第一章/第一节 plan with a 专栏 table pasted
with tabs, and an 一、/（一） plan saved with CRLF line endings. All three go into ONE copy of the project
after the sixth plan of test_add_city has been reviewed, still unreviewed themselves, and the suite's ONE
report run, ``report --allow-suggested`` (``report_run`` in tests/conftest.py), previews them.
What each plan states was written by hand from its text (the .csv beside it; here only the facts the
steps must keep: its clauses, its table's years, its furniture's reasons, its stored bytes).
"""
import pandas as pd
import pytest

from comparison.curation.validation import CITY_SCHEMA
from comparison.curation.workbooks import read_workbook
from comparison.report import LANGS
from helpers import FORMS, FORMS_END_TO_END as END_TO_END, UNREVIEWED_NOTE, figure_sidecars, forms, tree_digest
# Figures that by design do not draw every plan (as in test_add_city), and those that draw only plans naming
# their responsible units (责任单位), which none of these three does.
NOT_PER_PLAN = {"02_reconciliation": "draws only the plans of cities with two or more plans",
                "04_theme_k": "chooses the number of sentence themes over all sentences; draws no plan",
                "06_lead_agencies": "draws the plans that name responsible units",
                "06_agency_involvement": "draws the plans that name responsible units"}


@pytest.fixture(scope="module")
def previewed(report_run):
    preview, result = report_run
    added = {form: tuple(result["new_plan"][form]) for form in END_TO_END}
    return preview, added, tuple(result["report"]), result["raw_before_report"]


def sheets(root, form):
    city = forms().loc[form].doc_id.rsplit("_", 1)[0]
    return read_workbook(root / f"data/raw/cities/{city}.xlsx", CITY_SCHEMA, f"{city}.xlsx")


def test_new_plan_reads_every_form_and_says_how(previewed):
    _, added, _, _ = previewed
    assert {form: code for form, (code, _) in added.items()} == {form: 0 for form in END_TO_END}
    news = added["news_furniture"][1]
    assert "the text has no section headings (一、, 第一章, 第一部分 …): read as one section whose 6 clauses" in news
    assert "7 lines of web-page furniture" in news
    assert "no section headings" not in added["chapters_box"][1] + added["crlf"][1]


def test_the_news_report_is_one_section_and_its_furniture_is_ignored(previewed):
    root, _, _, _ = previewed
    book = sheets(root, "news_furniture")
    assert list(book["sections"].section_no) == ["1"]
    assert list(book["sections"].section_title) == ["岚川市印发减污降碳协同增效实施方案"]
    ignored = book["ignored_numbers"]
    reasons = dict(zip(ignored.number, ignored.reason))
    assert [reasons[n] for n in ("2867", "0771", "4501000099", "12345678", "12", "20", "4")] == [
        "page_metadata", "contact_details", "web_address", "web_address", "document_part_count",
        "document_part_count", "document_part_count"]
    assert set(ignored[ignored.number.isin(["09", "30"])].reason) == {"publish_time"}
    assert len(book["quantities"]) == 12  # the twelve values of news_furniture.csv


def test_the_box_table_gives_baselines_and_targets_of_its_columns(previewed):
    root, _, _, _ = previewed
    q = sheets(root, "chapters_box")["quantities"]
    forest = q[q.quote.str.startswith("森林覆盖率\t")]
    assert list(zip(forest.value, forest.kind, forest.base_year, forest.target_year)) == [
        ("61.5", "baseline", "2020", ""), ("62", "target", "", "2025")]
    assert set(q.clause_id) >= {"yunqiao_2021:1.1", "yunqiao_2021:2.3", "yunqiao_2021:3.4"}


def test_the_crlf_text_is_stored_as_given_and_its_quotes_are_found(previewed):
    root, _, _, _ = previewed
    stored = (root / "data/raw/texts/tangxi_2023.txt").read_bytes()
    assert stored == (FORMS / "crlf.txt").read_bytes() and b"\r\n" in stored
    q = sheets(root, "crlf")["quantities"]
    text = stored.decode("utf-8").replace("\r\n", "\n")
    assert len(q) == 10 and all(quote in text for quote in q.quote)


def test_the_preview_report_succeeds_and_writes_nothing_under_raw(previewed):
    root, _, (code, err), before = previewed
    assert code == 0, err
    assert tree_digest(root / "data" / "raw") == before


@pytest.mark.parametrize("lang", LANGS)
def test_every_figure_draws_the_new_plans(previewed, lang):
    root, _, (code, err), _ = previewed
    assert code == 0, err
    table = forms().loc[END_TO_END]
    labels = [f"{row.city_en if lang == 'en' else row.city_zh} {row.doc_id.rsplit('_', 1)[1]}"
              for row in table.itertuples()]
    sidecars = figure_sidecars(root, lang)
    assert len(sidecars) >= 21
    drawn = {stem: " ".join(" ".join(sidecar["texts"]).split()) for stem, sidecar in sidecars.items()}
    missing = {stem: [label for label in labels if label not in texts] for stem, texts in drawn.items()
               if stem not in NOT_PER_PLAN}
    assert {stem: m for stem, m in missing.items() if m} == {}
    processed = pd.read_csv(root / "data/processed/plans.csv", dtype=str)
    assert set(table.doc_id) <= set(processed.doc_id)


@pytest.mark.parametrize("lang", LANGS)
def test_every_caption_names_the_plans_under_review(previewed, lang):
    root, _, (code, err), _ = previewed
    assert code == 0, err
    table = forms().loc[END_TO_END]
    marked = [f"{row.city_en} {row.doc_id.rsplit('_', 1)[1]} (unreviewed)" if lang == "en" else
              f"{row.city_zh} {row.doc_id.rsplit('_', 1)[1]}（未审核）" for row in table.itertuples()]
    note = UNREVIEWED_NOTE[lang]
    captions = {stem: sidecar["caption"] for stem, sidecar in figure_sidecars(root, lang).items()}
    assert len(captions) >= 21
    assert {stem: [m for m in marked if m not in caption] for stem, caption in captions.items()
            if note not in caption or any(m not in caption for m in marked)} == {}
