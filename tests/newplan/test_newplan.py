"""new-plan: what it writes for a new plan, and the bad inputs it refuses without writing anything."""
import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from helpers import drop_downs

from comparison.newplan.scaffold import PlanInfo, add_plan
from comparison.paths import project_paths
from comparison.problems import InputError
from comparison.curation.workbooks import read_workbook
from comparison.curation.validation import CITY_SCHEMA

FIXTURE = Path(__file__).parents[1] / "fixtures" / "shili_2023.txt"
NEW_CITY = dict(doc_id="shili_2023", city_id="shili", city_zh="示例", city_en="Shili (example)",
                province_zh="示例省", province_en="Example")


def info(text=FIXTURE, **changes) -> PlanInfo:
    return PlanInfo(text=Path(text), **{**NEW_CITY, "issued": "2023-05-31", **changes})


def raw_state(root: Path) -> dict[str, str]:
    raw = root / "data" / "raw"
    return {str(p.relative_to(raw)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(raw.rglob("*")) if p.is_file()}


def refused(root: Path, plan: PlanInfo) -> list[str]:
    """The problems new-plan reports, after checking that it wrote nothing under data/raw/."""
    before = raw_state(root)
    with pytest.raises(InputError) as err:
        add_plan(project_paths(root), plan)
    assert raw_state(root) == before
    return [str(p) for p in err.value.problems]


def test_adds_text_manifest_row_and_workbook(project_copy):
    manifest = project_copy / "data/raw/plans.csv"
    old_manifest = manifest.read_bytes()
    added = add_plan(project_paths(project_copy), info())
    assert (project_copy / "data/raw/texts/shili_2023.txt").read_bytes() == FIXTURE.read_bytes()
    new_manifest = manifest.read_bytes()
    assert new_manifest.startswith(old_manifest)  # existing rows untouched, byte for byte
    row = new_manifest[len(old_manifest):].decode("utf-8")
    assert row == ("shili_2023,shili,示例,Shili (example),示例省,Example,"
                   "示例市加快建立健全绿色低碳循环发展经济体系实施方案,,示政〔2023〕15号,2023-05-31,final,"
                   f"green_economy,texts/shili_2023.txt,{hashlib.sha256(FIXTURE.read_bytes()).hexdigest()}\n")
    sheets = read_workbook(project_copy / "data/raw/cities/shili.xlsx", CITY_SCHEMA, "shili.xlsx")
    for sheet, df in sheets.items():
        assert len(df) == added.counts[sheet] > 0, sheet
        assert set(df.status) == {"suggested"}, sheet
    assert list(sheets["sections"].section_title) == ["总体要求", "健全绿色低碳循环发展的生产体系",
                                                      "加快基础设施绿色升级", "完善法规政策体系"]
    assert list(sheets["sections"].pillar_id) == ["overall", "production", "infrastructure", "policy"]
    # every sentence of sections 1+ is offered for coding (8 clauses, 19 sentences in the fixture)
    assert len(sheets["measures"]) == 19
    assert sheets["measures"].sentence_id.iloc[0] == "shili_2023:1.0.1"
    assert_curation_surface(project_copy / "data/raw/cities/shili.xlsx")


def assert_curation_surface(path):
    """Every code column has its drop-down from the codebook, every header its bilingual note."""
    wb = load_workbook(path)
    assert wb["codes"].sheet_state == "hidden"
    lists = drop_downs(path)
    for sheet, columns in CITY_SCHEMA.items():
        header = [c.value for c in wb[sheet][1]]
        assert header[:len(columns)] == columns
        assert all(wb[sheet].cell(1, k).comment for k in range(1, len(header) + 1)), sheet
        for column in set(columns) & {"pillar_id", "sector_id", "instrument_id", "synergy", "indicator_id",
                                      "comparator", "commitment", "kind", "reason", "status"}:
            assert lists[(sheet, column)] == f"codes_{column}"


def test_second_plan_of_a_city_extends_its_workbook(project_copy):
    path = project_copy / "data/raw/cities/tianshui.xlsx"
    before = read_workbook(path, CITY_SCHEMA, "tianshui.xlsx")
    add_plan(project_paths(project_copy), info(doc_id="tianshui_2023", city_id="tianshui", city_zh="天水",
                                               city_en="Tianshui", province_zh="甘肃", province_en="Gansu"))
    after = read_workbook(path, CITY_SCHEMA, "tianshui.xlsx")
    for sheet, old in before.items():
        new = after[sheet]
        kept = new[new.doc_id == "tianshui_2022"][old.columns]
        assert kept.reset_index(drop=True).equals(old), sheet  # curated rows unchanged, in place
        assert set(new[new.doc_id == "tianshui_2023"].status) == {"suggested"}
    assert_curation_surface(path)


def test_gb18030_text_is_stored_as_utf8(project_copy, tmp_path):
    source = tmp_path / "plan_gb.txt"
    source.write_bytes(FIXTURE.read_text(encoding="utf-8").encode("gb18030"))
    added = add_plan(project_paths(project_copy), info(source))
    stored = project_copy / "data/raw/texts/shili_2023.txt"
    assert stored.read_bytes() == FIXTURE.read_bytes()
    assert added.messages == [f"{source} was GB18030; stored as UTF-8 (the characters are unchanged)"]


def test_missing_text(project_copy, tmp_path):
    missing = tmp_path / "nowhere.txt"
    assert refused(project_copy, info(missing)) == [
        f"{missing}: the text file does not exist\n    fix: give the path of the plan's .txt file"]


def test_existing_doc_id(project_copy):
    assert refused(project_copy, info(doc_id="tianshui_2022", city_id="tianshui", city_zh="天水",
                                      city_en="Tianshui", province_zh="甘肃", province_en="Gansu")) == [
        "data/raw/plans.csv, row 5, column 'doc_id': doc_id already in plans.csv; new-plan never overwrites a plan"
        "\n    found: 'tianshui_2022'\n    expected: a new doc_id\n    fix: choose another doc_id that still ends "
        "with the year (e.g. for the final text of a draft, <city_id>_final_<year>), or remove the old plan by hand "
        "with git"]


def test_workbook_already_holding_rows_of_the_plan(project_copy):
    path = project_copy / "data/raw/cities/tianshui.xlsx"
    wb = load_workbook(path)
    ws = wb["measures"]
    ws.cell(ws.max_row, 2).value = "tianshui_2023"  # a stray row of the plan about to be added
    wb.save(path)
    row = ws.max_row
    assert refused(project_copy, info(doc_id="tianshui_2023", city_id="tianshui", city_zh="天水", city_en="Tianshui",
                                      province_zh="甘肃", province_en="Gansu")) == [
        f"data/raw/cities/tianshui.xlsx, sheet 'measures', row {row}, column 'doc_id': the workbook already has rows "
        "for this plan; new-plan never overwrites curated or suggested rows\n    found: 'tianshui_2023'\n"
        "    fix: choose another doc_id, or delete this plan's rows by hand first"]


def test_text_without_sections_is_read_as_paragraphs_and_says_so(project_copy, tmp_path):
    source = tmp_path / "notice.txt"
    source.write_text("关于做好绿色发展工作的通知\n请各单位认真落实。\n", encoding="utf-8")
    added = add_plan(project_paths(project_copy), info(source))
    assert added.messages == [
        f"{source}: the text has no section headings (一、, 第一章, 第一部分 …): read as one section whose 2 clauses "
        "are its paragraphs (a news report, a summary or part of a plan)",
        f"{source}: the text has no digits: there are no quantities to suggest"]
    sheets = read_workbook(project_copy / "data/raw/cities/shili.xlsx", CITY_SCHEMA, "shili.xlsx")
    assert list(sheets["sections"].section_title) == ["关于做好绿色发展工作的通知"]
    assert list(sheets["measures"].sentence_id) == ["shili_2023:1.1.1", "shili_2023:1.2.1"]


def test_empty_text(project_copy, tmp_path):
    source = tmp_path / "empty.txt"
    source.write_bytes(b"\n \n")
    assert refused(project_copy, info(source)) == [
        f"{source}: the file holds only spaces and line breaks\n    fix: copy the full plan text into the file"]


def test_text_in_neither_utf8_nor_gb18030(project_copy, tmp_path):
    source = tmp_path / "latin1.txt"
    source.write_bytes("Plan de développement vert, première édition\n".encode("latin-1"))
    assert refused(project_copy, info(source)) == [
        f"{source}: neither UTF-8 nor GB18030 (byte 9 cannot be decoded)\n"
        "    expected: a plain-text plan in UTF-8 or GB18030\n"
        "    fix: save the text as UTF-8 (e.g. iconv -f <encoding> -t UTF-8 in.txt > out.txt)"]


def test_bad_ids_and_names_are_all_reported(project_copy):
    found = refused(project_copy, info(doc_id="Shili 2023", city_id="示例", city_en="", status="issued",
                                       plan_type="climate", issued="31.05.2023"))
    assert [p.split(":")[0] for p in found] == [
        "new-plan, column '--doc-id'", "new-plan, column '--city-id'", "new-plan, column 'city_en'",
        "new-plan, column 'status'", "new-plan, column 'plan_type'", "new-plan, column 'issued'"]


def test_city_names_must_match_the_citys_other_plans(project_copy):
    found = refused(project_copy, info(doc_id="tianshui_2023", city_id="tianshui", city_zh="天水市",
                                       city_en="Tianshui", province_zh="甘肃", province_en="Gansu"))
    assert found == ["new-plan, column 'city_zh': city_zh differs from the city's other plans in plans.csv\n"
                     "    found: '天水市'\n    expected: 天水\n    fix: use the same names for every plan of a city"]


def test_cli_exits_2_without_traceback(project_copy, tmp_path):
    result = subprocess.run([sys.executable, "-m", "comparison", "--root", str(project_copy), "new-plan",
                             "--text", str(tmp_path / "nowhere.txt"), "--doc-id", "shili_2023", "--city-id", "shili",
                             "--city-zh", "示例", "--city-en", "Shili", "--province-zh", "示例省",
                             "--province-en", "Example"], capture_output=True, text=True)
    assert result.returncode == 2
    assert "the text file does not exist" in result.stderr
    assert "Traceback" not in result.stderr


def test_traditional_characters_get_the_same_suggestions(project_copy, tmp_path, paths):
    import opencc
    source = tmp_path / "traditional.txt"
    source.write_text(opencc.OpenCC("s2t").convert(FIXTURE.read_text(encoding="utf-8")), encoding="utf-8")
    add_plan(project_paths(project_copy), info(source))
    traditional = read_workbook(project_copy / "data/raw/cities/shili.xlsx", CITY_SCHEMA, "shili.xlsx")
    assert "經濟" in traditional["measures"].text.str.cat()  # stored as written
    other = tmp_path / "simplified"
    shutil.copytree(paths.raw, other / "data" / "raw")
    add_plan(project_paths(other), info())
    reference = read_workbook(other / "data/raw/cities/shili.xlsx", CITY_SCHEMA, "shili.xlsx")
    for sheet, columns in (("measures", ["sentence_id", "sector_id", "instrument_id", "synergy"]),
                           ("quantities", ["clause_id", "value", "unit_as_written", "comparator", "target_year",
                                           "indicator_id"])):
        # a unit written 噸/日 is recorded in the codebook's spelling (吨/日 or 吨 / 日: the same unit)
        same = [df[columns].replace({" / ": "/"}, regex=True) for df in (traditional[sheet], reference[sheet])]
        assert same[0].equals(same[1]), sheet


# Text cells are text, without control characters; texts over the limit or pasted twice are refused.

def test_a_line_that_looks_like_a_formula_is_written_as_text(project_copy, tmp_path):
    """openpyxl writes a string starting with = as a formula: a plan line =HYPERLINK(…) became a live formula
    in the curated workbook."""
    source = tmp_path / "formula.txt"
    line = '=HYPERLINK("附件","详见附件")'  # no web address: a line with one is page furniture, kept out of sentences
    source.write_text(FIXTURE.read_text(encoding="utf-8").replace("二、健全绿色低碳循环发展的生产体系\n",
                                                                  f"二、健全绿色低碳循环发展的生产体系\n{line}\n"),
                      encoding="utf-8")
    add_plan(project_paths(project_copy), info(source))
    ws = load_workbook(project_copy / "data/raw/cities/shili.xlsx")["measures"]
    cells = [c for row in ws.iter_rows() for c in row if isinstance(c.value, str) and c.value.startswith("=")]
    assert len(cells) == 1 and cells[0].data_type == "s"  # the sentence as the cleaned text writes it:
    assert cells[0].value.startswith('=HYPERLINK("附件"')  # (full-width brackets folded)


def test_control_characters_in_the_text_are_removed_and_said(project_copy, tmp_path):
    source = tmp_path / "controls.txt"
    text = FIXTURE.read_text(encoding="utf-8")
    source.write_text(text.replace("坚持节约优先", "坚持\x00节约\x0b优先", 1), encoding="utf-8")
    added = add_plan(project_paths(project_copy), info(source))
    assert added.messages == [f"{source} held control characters (NUL (U+0000), VT (U+000B)); stored without them "
                              "(a VT or FF as a line break)"]
    stored = (project_copy / "data/raw/texts/shili_2023.txt").read_text(encoding="utf-8")
    assert stored == text.replace("坚持节约优先", "坚持节约\n优先", 1)
    sheets = read_workbook(project_copy / "data/raw/cities/shili.xlsx", CITY_SCHEMA, "shili.xlsx")
    assert not any(df.astype(str).apply(lambda col: col.str.contains("[\x00-\x08\x0b\x0c\x0e-\x1f]")).any().any()
                   for df in sheets.values())


@pytest.mark.parametrize("option,value,shown", [("title_en", "Shili\rplan", "CR (U+000D)"),
                                                ("doc_number", "示政\x0b〔2023〕15号", "VT (U+000B)"),
                                                ("city_en", "Shi\x00li", "NUL (U+0000)")])
def test_a_control_character_in_an_option_is_refused(project_copy, option, value, shown):
    """A lone CR in --title-en corrupted plans.csv (csv leaves it unquoted) and every later command failed."""
    name = f"--{option.replace('_', '-')}"
    assert refused(project_copy, info(**{option: value})) == [
        f"new-plan, column '{name}': {name} holds the control character {shown}\n    found: {value!r}\n"
        "    expected: text without control characters (no tab, line break or CR)\n"
        "    fix: retype the value (control characters are invisible in most editors)"]


def test_a_plan_pasted_twice_is_refused(project_copy, tmp_path):
    source = tmp_path / "twice.txt"
    source.write_text(FIXTURE.read_text(encoding="utf-8") * 2, encoding="utf-8")
    found = refused(project_copy, info(source))
    assert len(found) == 1 and found[0].startswith(f"{source}: the text seems to hold the plan twice: ")
    # the first sentence of the fixture that is long enough to count, as its second copy repeats it
    assert found[0].endswith(" of its sentences occur twice\n    found: '现将《示例市加快建立健全绿色低碳循环发展经济体系实施方案》"
                             "印发给你们，请认真贯彻执行。'\n    expected: one copy of the plan\n    fix: delete the second copy "
                             "(it starts with the second occurrence of the sentence above) and run again")


def test_a_text_over_the_size_limit_is_refused_before_it_is_read(project_copy, tmp_path):
    source = tmp_path / "compilation.txt"
    source.write_bytes(FIXTURE.read_bytes() * 400)  # 1.1 MB: 400 plans in one file
    size = source.stat().st_size
    assert refused(project_copy, info(source)) == [
        f"{source}: the text is {size / 2**20:.1f} MiB, more than a plan's limit of 1 MiB\n    found: '{size:,} bytes'\n"
        "    expected: one plan's text (the longest plans are about 0.2 MiB)\n"
        "    fix: check that the file holds one plan, not a whole web site or a compilation of plans; give each "
        "plan its own file"]


def test_the_final_text_of_a_plan_whose_draft_is_in_previews_beside_it(project_copy):
    """A draft (nanping_2022, undated) and its final text added by new-plan share city, year and type: both
    load, told apart by their labels, and are reconciled as the city's successive plans."""
    from comparison.analysis.targets import same_city_pairs
    from comparison.api import load
    from comparison.pipeline import build

    paths = project_paths(project_copy)
    add_plan(paths, PlanInfo(text=paths.texts / "nanping_2022.txt", doc_id="nanping_final_2022", city_id="nanping",
                             city_zh="南平", city_en="Nanping", province_zh="福建", province_en="Fujian",
                             issued="2022-10-01", plan_type="pollution_carbon_synergy"))
    build(paths, allow_suggested=True)
    t = load("en", paths)
    labels = t.plan_labels()
    assert labels["nanping_2022"] == "Nanping 2022 (synergy) (draft)"
    assert labels["nanping_final_2022"] == "Nanping 2022 (synergy) (unreviewed)"
    # once reviewed, the two were both "Nanping 2022 (synergy)", and api.load stopped ("Categorical categories
    # must be unique"); now only the draft says so
    from comparison.tables.plan_labels import plan_labels

    reviewed = plan_labels(t.plans.assign(reviewed=True, doc_id=t.plans.doc_id.astype(str)), "en")
    assert (reviewed["nanping_2022"], reviewed["nanping_final_2022"]) == ("Nanping 2022 (synergy) (draft)",
                                                                          "Nanping 2022 (synergy)")
    assert same_city_pairs(t.plans) == [("nanping_2021", "nanping_2022"), ("nanping_2022", "nanping_final_2022")]
