"""The quantity extractor: its grammar on small sentences, completeness on the real plans, the CLI."""
from __future__ import annotations

import pandas as pd
import pytest

from comparison.curation import validation
from comparison.text.cleaning import clean
from comparison.cli import main
from comparison.text.documents import ParsedDocument
from comparison.newplan.extract import extract
from comparison.text.numbers import digit_tokens
from comparison.text.structure import parse

PREAMBLE = "测试市绿色发展实施方案\n\n2022年3月1日\n\n"


def plan(body: str, section: str = "主要目标", doc_id: str = "test_2022") -> ParsedDocument:
    raw = PREAMBLE + f"一、{section}\n\n" + body + "\n"
    ct = clean(raw)
    return ParsedDocument(doc_id, "test", raw, ct, parse(doc_id, ct))


def run(body: str, taxonomy, units, **kw):
    return extract(plan(body, **kw), taxonomy, units)


def one(body: str, taxonomy, units, **kw) -> pd.Series:
    q = run(body, taxonomy, units, **kw).quantities
    assert len(q) == 1, q[["value", "quote"]]
    return q.iloc[0]


def test_target_year_comparator_and_exact_alias(taxonomy, units):
    r = one("到2025年，森林覆盖率达到39%以上。", taxonomy, units)
    assert (r.kind, r.value, r.unit_as_written, r.comparator, r.target_year, r.base_year) == (
        "target", "39", "%", "ge", "2025", "")
    assert (r.indicator_id, r.indicator_as_written, r.status) == ("forest_coverage_rate_pct", "森林覆盖率", "suggested")
    assert r.confidence >= 0.8
    assert r.quote == "到2025年，森林覆盖率达到39%以上"
    assert r.quantity_id == "test_2022_q001"


@pytest.mark.parametrize("wording, comparator", [
    ("森林覆盖率不低于39%", "ge"), ("森林覆盖率超过39%", "gt"), ("森林覆盖率突破39%", "gt"),
    ("森林覆盖率39%左右", "approx"), ("森林覆盖率约39%", "approx"), ("森林覆盖率39%以下", "le"),
    ("森林覆盖率不超过39%", "le"), ("森林覆盖率达到39%", "eq"), ("森林覆盖率低于39%", "lt"),
])
def test_comparator_wording(taxonomy, units, wording, comparator):
    assert one(f"到2025年，{wording}。", taxonomy, units).comparator == comparator


def test_commitment_governs_its_own_clause_part_only(taxonomy, units):
    q = run("到2025年，力争森林覆盖率达到39%，省级以上绿色工厂达到50家；生活垃圾无害化处理率达到100%。",
            taxonomy, units).quantities
    assert list(q.commitment) == ["力争", "none", "none"]
    assert one("确保森林覆盖率达到39%。", taxonomy, units).commitment == "确保"


def test_base_year_of_a_relative_change(taxonomy, units):
    result = run("到2025年，单位地区生产总值能耗比2020年下降13.5%。", taxonomy, units)
    r = result.quantities.iloc[0]
    assert (r.value, r.base_year, r.target_year, r.indicator_id) == (
        "13.5", "2020", "2025", "energy_intensity_gdp_reduction_pct")
    assert "2020" not in set(result.ignored.number)  # covered by the row's base_year
    assert one("单位地区生产总值能耗较 2020 年降低 16%。", taxonomy, units).base_year == "2020"


def test_respectively_gives_one_row_per_value(taxonomy, units):
    q = run("到2025年，市、县污泥无害化处理率分别达到97%、95%以上。", taxonomy, units).quantities
    assert list(q.value) == ["97", "95"]
    assert list(q.comparator) == ["ge", "ge"]  # 以上 written once after the list
    assert set(q.indicator_id) == {"sludge_safe_disposal_rate_pct"}


def test_respectively_maps_values_to_their_own_indicators(taxonomy, units):
    q = run("到2025年，清洁能源和可再生能源装机比重分别提高到58.5%、34%。", taxonomy, units).quantities
    assert list(q.value) == ["58.5", "34"]
    assert list(q.indicator_id) == ["clean_energy_share_installed_capacity_pct",
                                    "renewable_energy_share_installed_capacity_pct"]


@pytest.mark.parametrize("written", ["2-3个", "2—3个", "2～3个"])
def test_range_is_two_rows(taxonomy, units, written):
    q = run(f"建设秸秆综合利用示范县{written}。", taxonomy, units).quantities
    assert list(q.value) == ["2", "3"]
    assert list(q.comparator) == ["ge", "le"]
    assert list(q.unit_as_written) == ["个", "个"]
    assert set(q.indicator_id) == {"straw_utilization_demo_counties_count"}


@pytest.mark.parametrize("wording, value", [("翻番", "2"), ("翻一番", "2"), ("翻两番", "4")])
def test_doubling(taxonomy, units, wording, value):
    r = one(f"到2025年，力争国家级高新技术企业数量实现{wording}。", taxonomy, units)
    assert (r.value, r.unit_as_written, r.target_year, r.commitment) == (value, "times", "2025", "力争")
    assert r.value_as_written == wording


@pytest.mark.parametrize("body, written, value, unit, comparator", [
    ("南平市火电碳排放占全市能源活动碳排放的三分之一。", "三分之一", repr(1 / 3), "fraction", "eq"),
    ("全市规模以上工业中，重点行业能耗占比超过四分之三。", "四分之三", "0.75", "fraction", "gt"),
    ("2020年，电力行业碳排放占比近一半。", "一半", "0.5", "fraction", "approx"),
    ("支持竹木加工等千亿级林业产业发展。", "千", "1000", "亿元", "ge"),
    ("打造 500 亿级绿色食品产业集群。", "500", "500", "亿元", "ge"),
])
def test_words_of_a_share_or_a_class_are_the_number_they_mean(taxonomy, units, body, written, value, unit,
                                                               comparator):
    r = one(body, taxonomy, units)
    assert (r.value_as_written, r.value, r.unit_as_written, r.comparator) == (written, value, unit, comparator)


def test_chinese_numerals_only_where_they_count(taxonomy, units):
    r = one("形成宁波、宁德两个出海通道。", taxonomy, units)
    assert (r.value, r.unit_as_written) == ("2", "个")
    q = run("培育一批绿色工厂，推进一体化发展，统一标准，争创全省第一，“十四五”时期实现三个转变。", taxonomy,
            units).quantities
    assert q.empty, q[["value", "quote"]]


def test_full_width_digits_and_percent(taxonomy, units):
    r = one("到２０２５年，森林覆盖率达到３９．５％。", taxonomy, units)
    assert (r.value, r.unit_as_written, r.target_year) == ("39.5", "％", "2025")
    assert r.value_as_written == "３９．５"  # as printed
    assert "３９．５％" in r.quote


def test_traditional_characters(taxonomy, units):
    body = "到2025年，森林覆蓋率達到39%以上。"
    r = one(body, taxonomy, units)
    assert (r.indicator_id, r.comparator) == ("forest_coverage_rate_pct", "ge")
    assert r.quote in body  # quoted from the raw (traditional) text
    r = one("形成寧波、寧德兩個出海通道。", taxonomy, units)
    assert (r.value_as_written, r.value, r.unit_as_written) == ("兩", "2", "个")


def test_year_stated_once_for_a_list(taxonomy, units):
    body = ("到2025年，全市产业结构、能源结构、运输结构明显优化，绿色产业比重显著提升，基础设施绿色化水平不断提高，"
            "生产生活方式绿色转型成效显著，森林覆盖率达到39%，生活垃圾无害化处理率达到100%。")
    result = run(body, taxonomy, units)
    assert list(result.quantities.target_year) == ["2025", "2025"]
    assert not any("2025" in quote for quote in result.quantities.quote)
    ignored = result.ignored[result.ignored.number == "2025"]
    assert list(ignored.reason) == ["list_target_year"]


def test_baseline_fact(taxonomy, units):
    r = one("（一）碳排放现状。2020年全市总二氧化碳排放1075万吨。", taxonomy, units, section="面临形势")
    assert (r.kind, r.value, r.unit_as_written, r.base_year, r.target_year) == ("baseline", "1075", "万吨", "2020", "")
    assert r.indicator_id == "total_co2_emissions_t"


def test_longest_unit_and_percentage_points(taxonomy, units):
    assert one("到2025年，餐厨垃圾处理能力达到200吨/日。", taxonomy, units).unit_as_written == "吨/日"
    assert one("新增污水处理能力6万吨/日。", taxonomy, units).unit_as_written == "万吨/日"
    assert one("非化石能源消费比重提高3个百分点。", taxonomy, units).unit_as_written == "百分点"
    r = one("新增充电桩300台。", taxonomy, units)
    assert r.unit_as_written == "台" and "unit not in codebook" in r.note


def test_unknown_indicator_has_no_id_and_zero_confidence(taxonomy, units):
    r = one("到2025年，萤火虫观测点达到12处。", taxonomy, units)
    assert r.value == "12"
    assert r.confidence < 0.5
    if r.indicator_id == "":
        assert r.confidence == 0 and r.note


@pytest.mark.parametrize("body, number, reason", [
    ("根据《实施意见》（南政综〔2021〕183号），制定本方案。", "183", "document_number"),
    ("根据《实施意见》（南政综〔2021〕183号），制定本方案。", "2021", "document_number"),
    ("PM2.5浓度持续下降。", "2.5", "chemical_or_technical"),
    ("二氧化碳（CO2）排放得到控制。", "2", "chemical_or_technical"),
    ("加快5G网络建设。", "5", "name_or_label"),
    ("落实“2+6+N”产业行动计划。", "6", "name_or_label"),
    ("1.推进绿色制造。", "1", "list_numbering"),
    ("2021年以来，绿色发展取得成效。", "2021", "reference_year"),
    ("推动35蒸吨/小时及以上燃煤锅炉完成超低排放改造。", "35", "chemical_or_technical"),
    ("用3年时间完成改造。", "3", "other"),
    ("实施三年（2021-2023年）攻坚行动。", "2023", "reference_year"),
])
def test_numbers_that_are_not_quantities(taxonomy, units, body, number, reason):
    result = run(body, taxonomy, units)
    assert result.quantities.empty, result.quantities[["value", "quote"]]
    assert reason in set(result.ignored[result.ignored.number == number].reason)


def test_range_with_a_unit_on_both_bounds(taxonomy, units):
    q = run("到2030年，城市污水处理率提高到95%—98%。", taxonomy, units).quantities
    assert list(zip(q.value, q.comparator, q.target_year)) == [("95", "ge", "2030"), ("98", "le", "2030")]


def test_a_part_naming_its_own_subject_does_not_take_a_neighbours_alias_confidently(taxonomy, units):
    q = run("到2025年，森林覆盖率达到39%，萤火虫栖息地保护面积增加12%。", taxonomy, units).quantities
    assert q.iloc[0].indicator_id == "forest_coverage_rate_pct" and q.iloc[0].confidence >= 0.8
    assert q.iloc[1].confidence <= 0.5


def test_a_signature_date_is_an_issue_date(taxonomy, units):
    ignored = run("森林覆盖率达到39%。\n\n测试市人民政府办公室 2023年5月6日印发", taxonomy, units).ignored
    assert set(ignored[ignored.number.isin(["2023", "5", "6"])].reason) == {"issue_date"}


def test_issue_date_in_the_preamble(taxonomy, units):
    ignored = run("森林覆盖率达到39%。", taxonomy, units).ignored
    assert set(ignored.reason) == {"issue_date"}
    assert list(ignored.number) == ["2022", "3", "1"]


# ---------- the real plans


def _frame(df: pd.DataFrame, sheet: str) -> pd.DataFrame:
    """Rows as validate_cities reads them once a curator accepts them: strings, status curated."""
    out = df[validation.CITY_SCHEMA[sheet]].astype(str).assign(status="curated")
    return out.assign(excel_row=range(2, 2 + len(out)), file=f"{sheet}.xlsx", sheet=sheet)


@pytest.fixture(scope="module")
def extractions(corpus, taxonomy, units):
    return {doc_id: extract(doc, taxonomy, units) for doc_id, doc in corpus.items()}


def test_real_plans_every_digit_sequence_is_covered(corpus, extractions):
    for doc_id, result in extractions.items():
        docs = {doc_id: corpus[doc_id]}
        problems = validation.check_completeness(_frame(result.quantities, "quantities"),
                                                  _frame(result.ignored, "ignored_numbers"), docs)
        assert not problems, "\n".join(map(str, problems[:5]))
        assert len(result.quantities) + len(result.ignored) >= len(digit_tokens(corpus[doc_id].raw)) * 0.5


def test_real_plans_quotes_are_raw_substrings_inside_their_clause(corpus, extractions):
    for doc_id, result in extractions.items():
        doc = corpus[doc_id]
        for df in (result.quantities, result.ignored):
            for r in df.itertuples():
                window = doc.clause_window(r.clause_id)
                assert window is not None, r.clause_id
                assert r.quote in doc.raw[window[0]:window[1]], (doc_id, r.clause_id, r.quote)


def test_real_plans_ids_in_document_order(extractions):
    for doc_id, result in extractions.items():
        ids = list(result.quantities.quantity_id)
        assert ids == [f"{doc_id}_q{k:03d}" for k in range(1, len(ids) + 1)]
        assert set(result.quantities.status) <= {"suggested"} and set(result.ignored.status) <= {"suggested"}
        assert result.quantities.confidence.between(0, 1).all()


SYNTHETIC = """测试市绿色低碳发展实施方案

测政〔2023〕7号

一、发展基础

（一）现状。2020年全市总二氧化碳排放1075万吨，森林覆盖率为65.2%。

二、主要目标

（二）总体目标。到2025年，森林覆盖率达到68%以上，单位地区生产总值能耗较2020年下降13.5%，力争非化石能源消费比重提高到27.4%。

（三）重点任务。建设秸秆综合利用示范县2-3个，省级以上绿色工厂达到50家；到2027年，市、县污泥无害化处理率分别达到97%、95%以上。推进PM2.5与臭氧协同控制，加快5G基站建设。

2023年5月6日
"""


def test_accepting_every_suggestion_of_a_synthetic_plan_passes_validation(taxonomy, units):
    ct = clean(SYNTHETIC)
    doc = ParsedDocument("test_2023", "test", SYNTHETIC, ct, parse("test_2023", ct))
    result = extract(doc, taxonomy, units)
    quantities, ignored = _frame(result.quantities, "quantities"), _frame(result.ignored, "ignored_numbers")
    docs = {"test_2023": doc}
    problems = (validation.check_quantities(quantities, docs, taxonomy, units)
                + validation.check_ignored(ignored, docs, taxonomy)
                + validation.check_completeness(quantities, ignored, docs))
    assert not problems, "\n".join(map(str, problems))
    assert list(result.quantities.value) == ["1075", "65.2", "68", "13.5", "27.4", "2", "3", "50", "97", "95"]
    assert list(result.quantities.kind[:2]) == ["baseline", "baseline"]
    assert list(result.quantities.target_year[-2:]) == ["2027", "2027"]


# ---------- the CLI


def test_cli_prints_both_tables(tmp_path, capsys):
    path = tmp_path / "plan.txt"
    path.write_text(SYNTHETIC, encoding="utf-8")
    assert main(["extract", str(path), "--doc-id", "test_2023"]) == 0
    out = capsys.readouterr().out
    assert "quantities suggested for test_2023" in out and "ignored numbers" in out
    assert "forest_coverage_rate_pct" in out and "document_number" in out
    assert "test_2023:2.2" in out


def test_cli_reads_gb18030_and_says_so(tmp_path, capsys):
    path = tmp_path / "plan.txt"
    path.write_bytes(SYNTHETIC.encode("gb18030"))
    assert main(["extract", str(path)]) == 0
    captured = capsys.readouterr()
    assert "GB18030" in captured.err and "forest_coverage_rate_pct" in captured.out


@pytest.mark.parametrize("content, message", [
    (None, "the text file does not exist"),
    (b"", "empty"),
    (b"\xff\xff\xff\xff", "neither UTF-8 nor GB18030"),
    (b"%PDF-1.4\n", "this is a PDF file"),
    ("<html><body><p>森林覆盖率达到39%。</p></body></html>".encode(), "this is a saved web page (HTML)"),
    ("发布时间：2023-05-06 10:21\n来源：测试市人民政府\n".encode(), "the text is only web-page furniture"),
])
def test_cli_bad_inputs_exit_2_with_a_message(tmp_path, capsys, content, message):
    path = tmp_path / "plan.txt"
    if content is not None:
        path.write_bytes(content)
    assert main(["extract", str(path)]) == 2
    captured = capsys.readouterr()
    assert message in captured.err
    assert "Traceback" not in captured.err + captured.out


def test_cli_reads_a_text_without_headings_and_says_so(tmp_path, capsys):
    path = tmp_path / "plan.txt"
    path.write_text("测试市印发方案\n到2025年，森林覆盖率达到39%。\n", encoding="utf-8")
    assert main(["extract", str(path)]) == 0
    captured = capsys.readouterr()
    assert "the text has no section headings" in captured.err and "forest_coverage_rate_pct" in captured.out


# ---------- extract --out: rows of many texts for screening


def test_cli_writes_the_rows_of_several_texts_to_xlsx(tmp_path, capsys, taxonomy, units):
    first, second = tmp_path / "a_2023.txt", tmp_path / "b_2023.txt"
    first.write_text(SYNTHETIC, encoding="utf-8")
    second.write_text("测试市印发方案\n到2025年，森林覆盖率达到39%。\n", encoding="utf-8")
    out = tmp_path / "screen" / "rows.xlsx"
    assert main(["extract", str(first), str(second), "--out", str(out)]) == 0
    sheets = pd.read_excel(out, sheet_name=None, dtype=str, keep_default_na=False)
    assert list(sheets) == ["quantities", "ignored_numbers", "texts"]
    q = sheets["quantities"]
    assert list(q.columns[:3]) == ["file", "quantity_id", "doc_id"]
    assert list(q[q.doc_id == "a_2023"].value) == ["1075", "65.2", "68", "13.5", "27.4", "2", "3", "50", "97", "95"]
    assert list(q[q.doc_id == "b_2023"].quote) == ["到2025年，森林覆盖率达到39%"]
    texts = sheets["texts"].set_index("doc_id")
    assert texts.loc["b_2023", "notes"].startswith("the text has no section headings")
    assert (texts.quantities.tolist(), texts.clauses.tolist()) == (["10", "1"], ["4", "2"])  # 0.0 1.1 2.2 2.3
    assert "wrote" in capsys.readouterr().out


def test_cli_writes_csv_tables_beside_each_other(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text(SYNTHETIC, encoding="utf-8")
    out = tmp_path / "rows.csv"
    assert main(["extract", str(path), "--out", str(out)]) == 0
    q = pd.read_csv(out, dtype=str, keep_default_na=False)
    ignored = pd.read_csv(tmp_path / "rows_ignored_numbers.csv", dtype=str, keep_default_na=False)
    assert len(q) == 10 and "document_number" in set(ignored.reason)
    assert (tmp_path / "rows_texts.csv").exists()


@pytest.mark.parametrize("args, message", [
    (["--out", "rows.txt"], "--out must name a .csv or an .xlsx file"),
    (["missing.txt", "--out", "rows.xlsx"], "the text file does not exist"),
    (["second.txt", "--doc-id", "x_2023", "--out", "rows.xlsx"], "--doc-id names one text, but several were given"),
])
def test_cli_out_writes_nothing_unless_every_text_is_read(tmp_path, capsys, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "plan.txt").write_text(SYNTHETIC, encoding="utf-8")
    (tmp_path / "second.txt").write_text(SYNTHETIC, encoding="utf-8")
    assert main(["extract", "plan.txt", *args]) == 2
    assert message in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.txt", "second.txt"]


# ---------- the grammar of issue 15, on sentences written after the rules (not the rules' own examples)


@pytest.mark.parametrize("body, value, unit, comparator", [
    ("到2025年，城市空气质量优良天数不少于320天。", "320", "天", "ge"),
    ("到2025年，全市重度污染天数降至1天以下。", "1", "天", "le"),
    ("到2025年，臭氧超标天数控制在10天之内。", "10", "天", "le"),
    ("2022年，全市优良天数达到341天。", "341", "天", "eq"),
])
def test_day_counts_are_quantities(taxonomy, units, body, value, unit, comparator):
    r = one(body, taxonomy, units)
    assert (r.value, r.unit_as_written, r.comparator) == (value, unit, comparator)


@pytest.mark.parametrize("body, number", [("各地要在15天内完成整改。", "15"), ("用60天时间开展专项检查。", "60"),
                                          ("每月10日前报送进展情况。", "10")])
def test_durations_of_an_action_are_not_day_counts(taxonomy, units, body, number):
    result = run(body, taxonomy, units)
    assert result.quantities.empty, result.quantities[["value", "quote"]]
    assert set(result.ignored[result.ignored.number == number].reason) == {"other"}


@pytest.mark.parametrize("wording, comparator", [("湿地保护率超60%", "gt"), ("湿地保护率超过60%", "gt"),
                                                 ("湿地保护率不超60%", "le"), ("湿地保护率60%以内", "le")])
def test_more_than_and_within(taxonomy, units, wording, comparator):
    assert one(f"到2025年，{wording}。", taxonomy, units).comparator == comparator


def test_respectively_each_value_takes_its_own_items_phrase(taxonomy, units):
    q = run("到2025年，萤火虫栖息地面积、候鸟停歇地数量分别达到80公顷、12处。", taxonomy, units).quantities
    assert list(q.value) == ["80", "12"]
    assert list(q.indicator_as_written) == ["萤火虫栖息地面积", "候鸟停歇地数量"]
    q = run("到2025年，湿地保护率、草原综合植被盖度和森林覆盖率分别为55%、60%和40%。", taxonomy, units).quantities
    assert list(q.indicator_as_written)[2] == "森林覆盖率" and q.iloc[2].indicator_id == "forest_coverage_rate_pct"
    assert list(q.indicator_as_written)[:2] != ["森林覆盖率", "森林覆盖率"]


def test_respectively_over_scopes_keeps_the_shared_indicator(taxonomy, units):
    q = run("到2025年，城市和县城污水处理率分别达到98%、95%。", taxonomy, units).quantities
    assert set(q.indicator_id) == {"sewage_treatment_rate_pct"}


@pytest.mark.parametrize("body, expected", [
    ("确保到2025年，森林覆盖率不低于40%，绿色工厂达到10家。", ["确保", "none"]),
    ("力争森林覆盖率、湿地保护率分别达到40%、60%，省级以上绿色工厂达到10家。", ["力争", "力争", "none"]),
    ("森林覆盖率达到40%，力争省级以上绿色工厂达到10家。", ["none", "力争"]),
    ("力争两年内实现节水500万立方米、节能10万吨标准煤的目标。", ["力争", "力争"]),
])
def test_commitment_covers_its_own_clause_part(taxonomy, units, body, expected):
    assert list(run(body, taxonomy, units).quantities.commitment) == expected


@pytest.mark.parametrize("body, number", [
    ("经市委第8次全体会议审议，制定本方案。", "8"),
    ("方案提出18条具体措施。", "18"),
    ("围绕6大重点工程部署任务。", "6"),
    ("3项约束性指标全部完成。", "3"),
    ("专栏3 重大项目清单", "3"),
    ("方案共分4方面18项重点任务。", "4"),
])
def test_ordinals_and_counts_of_the_documents_parts_are_not_quantities(taxonomy, units, body, number):
    result = run(body, taxonomy, units)
    assert result.quantities.empty, result.quantities[["value", "quote"]]
    body_rows = result.ignored[result.ignored.clause_id != "test_2022:0.0"]  # not the preamble's date
    assert set(body_rows[body_rows.number == number].reason) == {"document_part_count"}


@pytest.mark.parametrize("body, numbers, reason", [
    ("方案于2023-07-18印发实施。", ["2023", "07", "18"], "reference_year"),
    ("监督电话：0898-66123456。", ["0898", "66123456"], "contact_details"),
    ("咨询热线13800138000。", ["13800138000"], "contact_details"),
    ("项目编号2023-0015-03已入库。", ["2023", "0015", "03"], "name_or_label"),
    ("截至2023/06/30 18:00，已完成进度。", ["2023", "06", "30", "18", "00"], None),
])
def test_dates_times_phones_and_ids_are_never_ranges(taxonomy, units, body, numbers, reason):
    result = run(body, taxonomy, units)
    assert result.quantities.empty, result.quantities[["value", "comparator", "quote"]]
    ignored = result.ignored[result.ignored.number.isin(numbers)]
    assert sorted(ignored.number) == sorted(numbers)
    if reason:
        assert set(ignored.reason) == {reason}


def test_a_range_still_needs_a_larger_upper_bound(taxonomy, units):
    q = run("每个乡镇建设污水处理站2-4座。", taxonomy, units).quantities
    assert list(zip(q.value, q.comparator)) == [("2", "ge"), ("4", "le")]


def test_table_pasted_as_text_gives_baselines_and_targets(taxonomy, units):
    body = ("主要指标如下：\n\n| 序号 | 指标名称 | 基期值（2020年） | 目标值（2025年） | 指标属性 |\n"
            "| 1 | 森林覆盖率（%） | 57.3 | ≥58 | 约束性 |\n| 2 | 城市污水处理率（%） | — | 98以上 | 预期性 |\n")
    result = run(body, taxonomy, units, doc_id="test_2022")
    q = result.quantities
    assert list(zip(q.value, q.kind, q.target_year, q.base_year, q.comparator, q.unit_as_written)) == [
        ("57.3", "baseline", "", "2020", "eq", "%"), ("58", "target", "2025", "", "ge", "%"),
        ("98", "target", "2025", "", "ge", "%")]
    assert list(q.indicator_id) == ["forest_coverage_rate_pct", "forest_coverage_rate_pct", "sewage_treatment_rate_pct"]
    reasons = dict(zip(result.ignored.number, result.ignored.reason))
    assert reasons["1"] == "list_numbering" and reasons["2025"] == "list_target_year"


def test_page_furniture_digits_are_ignored_with_their_own_reasons(taxonomy, units):
    raw = ("首页 > 信息公开\n测试市印发实施方案\n发布时间：2023-07-18 15:06　来源：测试日报　阅读量：4521\n"
           "到2025年，森林覆盖率达到39%。\n联系电话：0898-66123456\n琼ICP备10000001号\n")
    ct = clean(raw)
    result = extract(ParsedDocument("test_2023", "test", raw, ct, parse("test_2023", ct)), taxonomy, units)
    assert list(result.quantities.value) == ["39"]
    reasons = dict(zip(result.ignored.number, result.ignored.reason))
    assert reasons == {"2023": "publish_time", "07": "publish_time", "18": "publish_time", "15": "publish_time",
                       "06": "publish_time", "4521": "page_metadata", "0898": "contact_details",
                       "66123456": "contact_details", "10000001": "web_address"}  # 2025 is in the row's quote


def test_page_numbers_of_a_table_of_contents_are_not_quantities(taxonomy, units):
    result = run("目录\n\n第一章 发展基础………………3\n\n第二章 主要任务………………12\n\n到2025年，森林覆盖率达到40%。", taxonomy,
                 units)
    assert list(result.quantities.value) == ["40"]
    reasons = dict(zip(result.ignored.number, result.ignored.reason))
    assert (reasons["3"], reasons["12"]) == ("page_or_footer", "page_or_footer")
