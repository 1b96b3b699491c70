"""Reading a plan file a user hands in: any layout is read and described; a file that holds no plan text is
refused with what to do instead."""
import pytest

from comparison.problems import InputError
from comparison.text.plantext import read_plan_text

NEWS = ("发布时间：2023-05-06 10:21 来源：某市人民政府\n某市印发绿色低碳发展实施方案\n"
        "近日，某市印发方案。到2025年，森林覆盖率达到60%。\n【打印】【关闭】\n")


def read(tmp_path, data: bytes):
    path = tmp_path / "plan.txt"
    path.write_bytes(data)
    return read_plan_text(path, "test_2023", "test")


def refusal(tmp_path, data: bytes) -> str:
    with pytest.raises(InputError) as err:
        read(tmp_path, data)
    (problem,) = err.value.problems
    return f"{problem.message} | {problem.fix}"


def test_a_news_report_is_read_and_described(tmp_path):
    plan = read(tmp_path, NEWS.encode())
    assert [c.clause_id for c in plan.doc.clauses] == ["test_2023:1.1", "test_2023:1.2"]
    assert plan.notes[0].startswith("the text has no section headings (一、, 第一章, 第一部分 …): read as one section "
                                    "whose 2 clauses are its paragraphs")
    assert plan.notes[1].startswith("1 line of web-page furniture")  # 【打印】【关闭】 is a footer: cut


@pytest.mark.parametrize("ending", [b"\r\n", b"\r"])
def test_line_endings_do_not_change_the_reading(tmp_path, ending):
    lf = read(tmp_path, NEWS.encode())
    other = read(tmp_path, NEWS.encode().replace(b"\n", ending))
    assert other.doc.raw == lf.doc.raw
    assert [(c.clause_id, c.text) for c in other.doc.clauses] == [(c.clause_id, c.text) for c in lf.doc.clauses]
    assert other.data.count(b"\r") == NEWS.count("\n")  # the file itself is stored as given


def test_utf16_with_a_byte_order_mark_is_read(tmp_path):
    plan = read(tmp_path, NEWS.encode("utf-16"))
    assert plan.encoding == "UTF-16" and plan.utf8 == NEWS.encode()


def test_a_text_without_digits_says_so(tmp_path):
    plan = read(tmp_path, "一、总体要求\n坚持生态优先，推动绿色发展。\n".encode())
    assert plan.notes == ["the text has no digits: there are no quantities to suggest"]


@pytest.mark.parametrize("data, message", [
    (b"", "the file is empty"),
    (b" \n\t\r\n", "the file holds only spaces and line breaks"),
    ("\u3000\u3000\n\ufeff".encode(), "the file holds only spaces and line breaks"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "this is a PDF file, not a plain-text plan | open it, select the plan's text"),
    (b"PK\x03\x04\x14\x00\x06\x00", "this is a Word, Excel or other Office file"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00", "this is an old Word, Excel or WPS file"),
    (b"\x00\x01\x02\x03binary\x00", "this is a binary file, not a plain-text plan"),
    ("<!DOCTYPE html>\n<html><head><meta charset='utf-8'><title>某市方案</title></head>\n<body><p>一、总体要求</p>"
     "</body></html>".encode(), "this is a saved web page (HTML), not the plan's text | open the page in a browser"),
    ("<div class=\"con\">\n<p>一、总体要求</p>\n<p>到2025年，森林覆盖率达到60%。</p>\n</div>\n".encode(),
     "this is a saved web page (HTML)"),
    ("发布时间：2023-05-06 10:21\n来源：某市人民政府　浏览次数：321\n【字号：大 中 小】【打印】【关闭】\n"
     "某ICP备12345678号\n".encode(), "the text is only web-page furniture (5 items such as publish time"),
])
def test_files_without_a_plan_text_are_refused(tmp_path, data, message):
    assert message in refusal(tmp_path, data)
