"""Structure: sections, clauses, sentences and responsible units, on tiny texts and the real corpus."""
import pytest

from comparison.text.cleaning import clean
from comparison.text.documents import clauses_table, sentences_table
from comparison.text.structure import StructureError, chinese_numeral, parse, responsible_units, split_sentences


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


def test_text_without_section_headings_is_rejected():
    with pytest.raises(StructureError, match="no section headings"):
        parse("x", clean("这是一段没有章节标题的文字。"))


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
