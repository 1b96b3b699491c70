"""Structure: sections, clauses, sentences and responsible units, on tiny texts and the real corpus."""
import pytest

from comparison.text.cleaning import clean
from comparison.text.documents import clauses_table, sentences_table
from comparison.text.structure import (StructureError, chinese_numeral, has_headings, parse, responsible_units,
                                      split_sentences)


@pytest.mark.parametrize("numeral,value", [("一", 1), ("十", 10), ("十二", 12), ("二十", 20), ("二十六", 26),
                                           ("一百零二", 102)])
def test_chinese_numerals(numeral, value):
    assert chinese_numeral(numeral) == value


def test_continuous_and_restarting_clause_numbers():
    text = ("通知。\n一、总体要求\n总的要求。\n二、生产体系\n（一）工业。推进工业。\n(二) 农业。推进农业。\n"
            "三、流通体系\n（三）物流。推进物流。\n四、消费体系\n（一）消费。推进消费。\n")
    ids = [c.clause_id for c in parse("x", clean(text))]
    assert ids == ["x:0.0", "x:1.0", "x:2.1", "x:2.2", "x:3.3", "x:4.1"]


def test_clause_title_and_sentences():
    text = "一、总体要求\n（一）推进工业绿色升级。坚决遏制“两高”项目；到2025年，比重达到12.5%！加快改造。\n"
    clause = parse("x", clean(text))[0]
    assert clause.clause_title == "推进工业绿色升级"
    assert [s.text for s in clause.sentences] == ["推进工业绿色升级。", "坚决遏制“两高”项目；", "到2025年，比重达到12.5%！", "加快改造。"]
    assert [s.sentence_id for s in clause.sentences] == ["x:1.1.1", "x:1.1.2", "x:1.1.3", "x:1.1.4"]


def test_sentences_never_split_inside_quotes_or_brackets():
    text = "提出“减污。降碳”目标；实施（一是节能。二是减排）行动。"
    spans = split_sentences(text, 0, len(text))
    assert [text[a:b] for a, b in spans] == ["提出“减污。降碳”目标；", "实施（一是节能。二是减排）行动。"]


def test_responsibility_notes_are_parsed_not_coded():
    text = ("一、总体要求\n（一）推进工业绿色升级。加快改造。（责任单位：市工信局、发改委，各县（市、区）人民政府）\n"
            "（二）加快农业绿色发展。推进农业。（市农业农村局、市林业局等按职责分工负责）\n")
    first, second = parse("x", clean(text))
    assert first.responsible_units == ["市工信局", "发改委", "各县（市、区）人民政府"]
    assert second.responsible_units == ["市农业农村局", "市林业局"]
    assert [s.text for s in first.sentences] == ["推进工业绿色升级。", "加快改造。"]


def test_bracketed_note_with_a_full_stop_inside():
    units = responsible_units("加快。〔责任单位：市工信局、生态环境局，各县（市、区）。以下工作均需各县（市、区），不再列出〕")
    assert units == ["市工信局", "生态环境局", "各县（市、区）"]


def ids_and_titles(text: str) -> list[tuple[str, str, str]]:
    return [(c.clause_id, c.section_title, c.clause_title) for c in parse("x", clean(text))]


def test_chapters_and_their_sections():
    text = ("某市生态环境保护规划\n第一章 发展基础\n第一节 主要成效\n空气质量持续改善。\n第二节 面临形势\n压力依然较大。\n"
            "第二章 总体要求\n第三节 指导思想\n坚持生态优先。\n")
    assert ids_and_titles(text) == [("x:0.0", "", ""), ("x:1.1", "发展基础", "主要成效"), ("x:1.2", "发展基础", "面临形势"),
                                    ("x:2.3", "总体要求", "指导思想")]


def test_parts_with_numbered_sections_inside():
    text = ("第一部分 总体要求\n一、指导思想\n坚持生态优先。\n二、主要目标\n到2025年，森林覆盖率达到60%。\n"
            "第二部分 重点任务\n一、推进产业转型\n加快改造。\n")
    assert ids_and_titles(text) == [("x:1.1", "总体要求", "指导思想"), ("x:1.2", "总体要求", "主要目标"),
                                    ("x:2.1", "重点任务", "推进产业转型")]


def test_arabic_numbers_head_sections_only_where_they_read_as_headings():
    assert [c[0] for c in ids_and_titles("1.总体要求\n坚持生态优先。\n2.主要任务\n加快改造。\n")] == ["x:1.0", "x:2.0"]
    listed = ids_and_titles("某市印发方案\n1.到2025年，森林覆盖率达到60%。\n2.新建绿色工厂20家。\n")
    assert [c[0] for c in listed] == ["x:1.1", "x:1.2", "x:1.3"]  # a list in a news report: paragraphs


def test_enumerated_paragraphs_are_clauses():
    text = "一、主要任务\n一是推进产业转型。到2025年，森林覆盖率达到60%。\n二是加快改造。\n二、保障措施\n一是加强领导。\n"
    assert ids_and_titles(text) == [("x:1.1", "主要任务", "推进产业转型"), ("x:1.2", "主要任务", "加快改造"),
                                    ("x:2.1", "保障措施", "加强领导")]


def test_a_heading_that_goes_on_with_a_sentence():
    clauses = parse("x", clean("一、总体要求。坚持生态优先，推动绿色发展。\n二、主要目标\n到2025年，森林覆盖率达到60%。\n"))
    assert [(c.clause_id, c.section_title) for c in clauses] == [("x:1.0", "总体要求"), ("x:2.0", "主要目标")]
    assert [s.text for s in clauses[0].sentences] == ["坚持生态优先，推动绿色发展。"]


def test_a_box_stays_inside_its_clause_on_lines_of_its_own():
    text = "一、主要目标\n（一）总体目标。完成下列指标。\n专栏1 主要指标\n指标\t2020年\t2025年\n（二）推进转型。加快。\n"
    first, second = parse("x", clean(text))
    assert [s.text for s in first.sentences] == ["总体目标。", "完成下列指标。", "专栏1主要指标", "指标|2020年|2025年"]
    assert second.clause_id == "x:1.2"


def test_a_text_without_headings_is_one_section_of_paragraphs():
    text = ("发布时间：2023-05-06 10:21 来源：某市人民政府\n某市出台减污降碳实施方案\n近日，某市印发方案。\n方案明确：\n"
            "到2025年，森林覆盖率达到60%。\n【打印】【关闭】\n")
    ct = clean(text)
    assert not has_headings(ct)
    assert ids_and_titles(text) == [("x:1.1", "某市出台减污降碳实施方案", "某市出台减污降碳实施方案"),
                                    ("x:1.2", "某市出台减污降碳实施方案", ""), ("x:1.3", "某市出台减污降碳实施方案", ""),
                                    ("x:1.4", "某市出台减污降碳实施方案", "")]


def test_a_partial_copy_that_starts_mid_plan_is_read_as_paragraphs():
    text = "三、重点任务\n（五）推进转型。加快改造。\n（六）完善政策。健全制度。\n"
    assert [c[0] for c in ids_and_titles(text)] == ["x:1.1", "x:1.2", "x:1.3"]


@pytest.mark.parametrize("text", ["", "\n \n", "发布时间：2023-05-06 10:21\n来源：某市人民政府\n【打印】【关闭】\n"])
def test_a_text_without_words_is_rejected(text):
    with pytest.raises(StructureError, match="the text has no words of a plan"):
        parse("x", clean(text))


# --- the real corpus -------------------------------------------------------------------------------

# Verified by reading each plan: the numbered （N） clause markers at line starts, section by section,
# plus a clause 0 for the preamble and for each section with text before its first (N) clause.
#   nanping_2021: （一）…（二十六） numbered continuously through sections 三–九; sections 一 总体要求
#                 and 二 主要目标 have no clauses -> 26 + 0.0 + 1.0 + 2.0 = 29
#   nanping_2022: restarts per section: 一 3, 四 4, 五 5, 六 4, 七 4, 八 6, 九 3 = 29; section 一 opens
#                 with a paragraph (1.0), 二 and 三 have no clauses -> 29 + 0.0 + 1.0 + 2.0 + 3.0 = 33
#   shangrao_2022: （一）…（二十三） continuous -> 23 + 0.0 = 24
#   tianshui_2022: （一）…（二十七） continuous; 一 总体目标 has no clauses -> 27 + 0.0 + 1.0 = 29
#   jiaozuo_2021: restarts per section: 一 2, 二 6, 三 3, 四 2, 五 4, 六 2, 七 6 = 25 -> 25 + 0.0 = 26
EXPECTED_CLAUSES = {"nanping_2021": 29, "nanping_2022": 33, "shangrao_2022": 24, "tianshui_2022": 29,
                    "jiaozuo_2021": 26}
EXPECTED_SECTIONS = {"nanping_2021": 9, "nanping_2022": 9, "shangrao_2022": 8, "tianshui_2022": 8,
                     "jiaozuo_2021": 7}


@pytest.mark.parametrize("doc_id", sorted(EXPECTED_CLAUSES))
def test_clause_and_section_counts(corpus, doc_id):
    clauses = corpus[doc_id].clauses
    assert len(clauses) == EXPECTED_CLAUSES[doc_id]
    assert max(c.section_no for c in clauses) == EXPECTED_SECTIONS[doc_id]


def test_example_clause_ids(corpus):
    nanping = {c.clause_id: c for c in corpus["nanping_2021"].clauses}
    assert nanping["nanping_2021:4.7"].clause_title == "打造绿色物流"
    jiaozuo = {c.clause_id: c for c in corpus["jiaozuo_2021"].clauses}
    assert jiaozuo["jiaozuo_2021:7.6"].clause_title == "培育绿色交易市场机制"


def test_every_sentence_matches_the_cleaned_text_and_maps_to_raw(corpus):
    sentences = sentences_table(corpus)
    assert sentences.sentence_id.is_unique
    for row in sentences.itertuples():
        doc = corpus[row.doc_id]
        assert doc.clean.text[row.clean_start:row.clean_end] == row.text
        raw_slice = doc.raw[row.raw_start:row.raw_end]
        assert raw_slice[0] == row.text[0] or row.text[0] in "（，；：" or raw_slice[0] in "(（０１２３４５６７８９"


def test_every_listed_responsible_unit_is_parsed(corpus):
    """Every clause whose text names responsible units (责任单位 or 按职责分工负责) has them parsed."""
    clauses = clauses_table(corpus)
    lists_units = clauses.text.str.contains("责任单位|按职责分工负责")
    assert lists_units.sum() == 23 + 22  # nanping_2021 has 23 notes, shangrao_2022 22 (counted with grep)
    assert (clauses[lists_units].responsible_units != "").all()
    assert (clauses[~lists_units].responsible_units == "").all()
    units = ";".join(clauses.responsible_units).split(";")
    assert "市市场监管局" not in {u for u in units if u.startswith("市市") and len(u) < 5}
    assert not any(u.startswith(("责", "（", "〔")) or u.endswith("等") for u in units if u)


def test_parsing_is_deterministic(corpus, paths):
    from comparison.text.documents import parse_corpus

    again = parse_corpus(paths)
    assert clauses_table(again).equals(clauses_table(corpus))
    assert sentences_table(again).equals(sentences_table(corpus))


def test_a_table_of_contents_is_not_read_as_headings():
    text = ("某市“十四五”规划\n目录\n第一章 发展基础……………………1\n第二章 主要任务……………………6\n"
            "第一章 发展基础\n“十三五”成效明显。\n第二章 主要任务\n加快绿色转型。\n")
    assert [(c.clause_id, c.section_title) for c in parse("x", clean(text))] == [
        ("x:0.0", ""), ("x:1.0", "发展基础"), ("x:2.0", "主要任务")]
