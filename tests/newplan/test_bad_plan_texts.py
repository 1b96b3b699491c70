"""Files that hold no plan text: new-plan and extract say what the file is and what to do, exit 2, and
write nothing under data/raw/ (a digest of the folder before and after)."""
import pytest

from comparison.cli import main
from helpers import tree_digest

BAD = [
    ("binary", b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00", "this is a binary file, not a plain-text plan"),
    ("pdf", b"%PDF-1.6\n%\xe2\xe3\xcf\xd3\n4 0 obj\n<</Type/Page>>", "this is a PDF file, not a plain-text plan"),
    ("docx", b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00", "this is a Word, Excel or other Office file"),
    ("html", "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head><meta charset=\"utf-8\"><title>方案</title></head>\n"
             "<body><div class=\"article\"><p>一、总体要求</p><p>到2025年，森林覆盖率达到60%。</p></div></body>\n"
             "</html>\n".encode(), "this is a saved web page (HTML), not the plan's text"),
    ("empty", b"", "the file is empty"),
    ("whitespace", "\r\n  \t\r\n\u3000\n".encode(), "the file holds only spaces and line breaks"),
    ("furniture", ("首页 > 政务公开 > 通知公告\n发布时间：2023-08-01 10:00　来源：某市人民政府　浏览次数：77\n"
                   "【字号：大 中 小】\n联系电话：0591-12345678\n某ICP备00000001号\n").encode(),
     "the text is only web-page furniture"),
]


@pytest.mark.parametrize("name, data, message", BAD, ids=[b[0] for b in BAD])
def test_new_plan_refuses_a_file_without_a_plan_text(project_copy, tmp_path, capsys, name, data, message):
    source = tmp_path / f"{name}.txt"
    source.write_bytes(data)
    before = tree_digest(project_copy / "data" / "raw")
    code = main(["--root", str(project_copy), "new-plan", "--text", str(source), "--doc-id", "test_2023",
                 "--city-id", "test", "--city-zh", "测试", "--city-en", "Test", "--province-zh", "示例省",
                 "--province-en", "Example"])
    err = capsys.readouterr().err
    assert code == 2
    assert f"{source}: {message}" in err and "fix:" in err and "Traceback" not in err
    assert tree_digest(project_copy / "data" / "raw") == before


@pytest.mark.parametrize("name, data, message", BAD, ids=[b[0] for b in BAD])
def test_extract_refuses_a_file_without_a_plan_text(tmp_path, capsys, name, data, message):
    source = tmp_path / f"{name}.txt"
    source.write_bytes(data)
    assert main(["extract", str(source)]) == 2
    assert message in capsys.readouterr().err
