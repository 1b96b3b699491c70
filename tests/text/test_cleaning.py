"""Cleaning: each artefact class on a tiny text, then on the real corpus."""
import re
import unicodedata

import pytest

from comparison.text.cleaning import STRAY_ENGLISH, clean
from comparison.text.hanzi import is_cjk


def content_chars(text: str) -> str:
    """Digits and Chinese characters, full-width digits folded: what cleaning must never change."""
    folded = unicodedata.normalize("NFKC", text)
    return "".join(ch for ch in folded if ch.isdigit() or is_cjk(ch))


def test_page_break_repeat_is_dropped_in_paragraph_documents():
    para = "加强低碳交通基础设施建设，深入实施新能源汽车推广应用工程，推进城市绿色货运配送示范工程和低碳交通基"
    ct = clean(f"一、总体要求\n\n{para}\n\n基础设施改造。\n")
    assert "交通基础设施改造" in ct.text
    assert "基基" not in ct.text


def test_hard_wrapped_lines_are_joined_and_repeats_kept():
    # A PDF text wrapped at 28 characters: a doubled character across a wrap is real text (新建|建筑).
    filler = "推进城乡建设领域协同增效，推动生态环境质量持续改善和提升"
    assert len(filler) == 28
    lines = [filler] * 24 + ["持续推进城乡建设领域协同增效，推动城镇既有建筑和新建", "建筑全面执行绿色建筑标准。"]
    ct = clean("一、总体要求\n\n" + "\n\n".join(lines) + "\n\n二、主要目标\n")
    assert "提升推进" in ct.text  # wrapped lines joined without a gap
    assert "和新建建筑全面执行" in ct.text  # the repeated 建 across the wrap is kept
    assert "标准。\n二、主要目标" in ct.text


def test_mid_sentence_break_after_short_clause_line_is_joined():
    ct = clean("一、总体要求\n\n（三）提高服务业绿色发展水平。持续推动“绿色商场”创\n\n建工作，着力培育绿色商贸流通企业。\n")
    assert "“绿色商场”创建工作" in ct.text


def test_preamble_title_lines_stay_separate():
    ct = clean("南平市人民政府文件\n\n南政综〔2021〕183号\n\n一、总体要求\n\n以习近平新时代中国特色社会主义思想为指导。\n")
    assert ct.text.startswith("南平市人民政府文件\n南政综〔2021〕183号\n一、总体要求\n")


def test_full_and_half_width_are_unified():
    ct = clean("一、总体要求\n\n(一)到２０２５年,工业用水重复利用率大于７５％;各县(市、区)要落实.\n")
    assert "（一）到2025年，工业用水重复利用率大于75%；各县（市、区）要落实" in ct.text


def test_numbers_and_latin_keep_their_punctuation():
    ct = clean("一、总体要求\n\n排放 1,000 万吨，PM2.5 浓度 ( ug/m3 ) 下降，比例 1:2。\n")
    assert "排放1,000万吨" in ct.text and "PM2.5浓度" in ct.text and "1:2" in ct.text


def test_spaces_inside_quotes_and_around_numbers_are_removed():
    ct = clean("一、总体要求\n\n坚决遏制“ 两高 ”项目，到 2025 年达到 100% 。\n")
    assert "“两高”" in ct.text and "到2025年达到100%。" in ct.text


def test_web_footer_and_end_marker_are_cut():
    ct = clean("一、总体要求\n\n营造良好氛围。\n\n(完)\n标签:\n留言与评论(共有 0 条评论)\n   \n验证码:")
    assert ct.text.rstrip() == "一、总体要求\n营造良好氛围。"


def test_stray_english_words_become_chinese():
    ct = clean("一、总体要求\n\n推进棚户区 and 城镇老旧小区改造，发展外贸综合服务 etc 新型贸易业态，推广 LED 照明。\n")
    assert "棚户区和城镇" in ct.text and "外贸综合服务等新型" in ct.text and "LED照明" in ct.text


@pytest.mark.parametrize("raw, cleaned", [
    ("廣州印發(fā)實(shí)施意見，森林覆蓋率達(dá)到41.65%。", "廣州印發實施意見，森林覆蓋率達到41.65%。"),
    ("綠色低碳循環發展（fā zhǎn）", "綠色低碳循環發展（fā zhǎn）"),  # two syllables in one bracket: not a mirror's note
    ("低(di)(di)碳(tan)循(xun)環發(fa)展經濟(ji)體系的(de)實施", "低碳循環發展經濟體系的實施"),
])
def test_pinyin_a_mirror_site_writes_after_characters_is_dropped(raw, cleaned):
    assert clean(raw).text == cleaned


@pytest.mark.parametrize("raw", ["二氧化硫排放浓度（mg）不超过50", "截至2020年（a）面积（ha）", "收入增长(de)"])
def test_units_and_list_letters_in_brackets_stay(raw):
    assert clean(raw).text == raw.replace("(", "（").replace(")", "）")


def test_a_dropped_pinyin_note_leaves_the_raw_map_exact():
    raw = "森林覆蓋率達(dá)到41.65%"
    ct = clean(raw)
    k = ct.text.index("41.65")
    assert raw[ct.raw_starts[k]:ct.raw_ends[k + 4]] == "41.65" and ct.text == "森林覆蓋率達到41.65%"


def test_every_cleaned_character_maps_to_its_raw_source():
    raw = "一、总体要求\n\n到 ２０２５ 年,推进棚户区 and 城镇改造。\n"
    ct = clean(raw)
    for i, ch in enumerate(ct.text):
        s, e = ct.raw_span(i, i + 1)
        src = raw[s:e]
        if ch == "和":
            assert src == "and"
        elif ch != "\n":
            assert unicodedata.normalize("NFKC", src) == unicodedata.normalize("NFKC", ch)


# --- the real corpus -------------------------------------------------------------------------------

KNOWN_ARTEFACTS = [
    "基基础设施", "（责责任", "开发区区", " and ", " etc ", "标签", "留言与评论", "验证码", "“ ", " ”",
]


def test_no_known_artefact_survives(corpus):
    for doc in corpus.values():
        text = doc.clean.text
        for artefact in KNOWN_ARTEFACTS:
            assert artefact not in text, (doc.doc_id, artefact)
        assert not re.search(r"[０-９％]", text), doc.doc_id
        assert not re.search(r"[\u4e00-\u9fff，。；：（）“”] | [\u4e00-\u9fff，。；：（）“”]", text), doc.doc_id
        assert not re.search(r"[\u4e00-\u9fff][,;:()]|[,;:()][\u4e00-\u9fff]", text), doc.doc_id


def test_no_sentence_keeps_a_line_break(corpus):
    for doc in corpus.values():
        for clause in doc.clauses:
            for s in clause.sentences:
                assert "\n" not in s.text, s.sentence_id


def test_hard_wrapped_plan_paragraphs_end_properly(corpus):
    """nanping_2022 is wrapped every ~30 characters: after cleaning each body paragraph is whole."""
    doc = corpus["nanping_2022"]
    body = doc.clean.text.split("一、面临形势", 1)[1]
    for para in body.split("\n")[1:]:
        assert para.endswith(("。", "）", "；")) or re.match(r"^[一二三四五六七八九十]+、", para), para[-30:]


def test_cleaning_keeps_every_digit_and_chinese_character(corpus):
    """Content characters come from the raw text in order; only the known repairs add or drop any."""
    for doc in corpus.values():
        ct = doc.clean
        kept, inserted = [], []
        for i, ch in enumerate(ct.text):
            if content_chars(ch):
                s, e = ct.raw_span(i, i + 1)
                (kept if content_chars(doc.raw[s:e]) == content_chars(ch) else inserted).append(ch)
        assert set(inserted) <= set(STRAY_ENGLISH.values()), (doc.doc_id, inserted)
        raw_content = content_chars(doc.raw[: ct.raw_ends[-1]])
        it = iter(raw_content)
        assert all(ch in it for ch in kept), doc.doc_id
        assert len(raw_content) - len(kept) <= 3, doc.doc_id  # one per page-break repeat


def test_cleaning_is_idempotent_on_the_corpus(corpus):
    for doc in corpus.values():
        assert clean(doc.clean.text).text == doc.clean.text, doc.doc_id


@pytest.mark.parametrize("doc_id", ["nanping_2021", "shangrao_2022"])
def test_page_break_repeats_in_paragraph_plans_are_repaired(corpus, doc_id):
    text = corpus[doc_id].clean.text
    if doc_id == "nanping_2021":
        assert "低碳交通基础设施建设" in text and "（责任单位：市自然资源局" in text
    else:
        assert "上饶经济技术开发区、三清山" in text


@pytest.mark.parametrize("row", ["森林覆盖率（%）\t58.2\t≥60\t约束性", "| 森林覆盖率（%） | 58.2 | ≥60 | 约束性 |",
                                 "森林覆盖率（%）｜58.2｜≥60｜约束性", "森林覆盖率（%） \t 58.2\t\t≥60 |约束性"])
def test_table_cells_are_joined_by_one_bar(row):
    raw = f"一、主要目标\n\n专栏1 主要指标\n指标\t2020年\t2025年\t属性\n|---|---|---|---|\n{row}\n"
    ct = clean(raw)
    assert ct.text.split("\n")[1:4] == ["专栏1主要指标", "指标|2020年|2025年|属性", "森林覆盖率（%）|58.2|≥60|约束性"]
    k = ct.text.index("58.2")
    assert raw[slice(*ct.raw_span(k, k + 4))] == "58.2"


def test_table_rows_and_headings_are_never_joined_to_their_neighbours():
    raw = ("第一章 总体要求\n\n第一节 主要目标\n\n到2025年，主要指标如下\n\n指标|2025年\n\n森林覆盖率（%）|60\n\n"
           "专栏2 重点工程\n\n绿色制造工程\n")
    assert clean(raw).text.split("\n") == ["第一章总体要求", "第一节主要目标", "到2025年，主要指标如下", "指标|2025年",
                                           "森林覆盖率（%）|60", "专栏2重点工程", "绿色制造工程"]
