"""Page furniture: which lines of a copied web page are not the plan, each digit with its reason; plan
sentences are never dropped. The lines are written in the forms government sites and their mirrors use
(simplified and traditional, half- and full-width), not copied from any one page."""
import pytest

from comparison.text.cleaning import clean
from comparison.text.furniture import furniture_items
from comparison.text.numbers import digit_tokens


@pytest.mark.parametrize("line, reasons", [
    ("发布时间：2023-05-06 10:21  来源：某市人民政府办公室  浏览次数：1234",
     ["publish_time", "page_metadata", "page_metadata"]),
    ("时间：2022年11月03日 09:45:12　来源：某某日报", ["publish_time", "page_metadata"]),
    ("發布日期：2022-11-03　來源：某市發展和改革委員會　瀏覽次數：86", ["publish_time", "page_metadata", "page_metadata"]),
    ("2021/12/30 16:02", ["publish_time"]),
    ("索引号：113507000036541234/2023-00045", ["page_metadata"]),
    ("主题分类：环境保护　　发文机关：某市人民政府办公室", ["page_metadata", "page_metadata"]),
    ("成文日期：2023年04月28日　　发文字号：某政办〔2023〕9号", ["issue_date", "document_number"]),
    ("【字号：大 中 小】【打印本页】【关闭窗口】", ["page_metadata"]),
    ("字体：【大】【中】【小】 打印 关闭 分享到：", ["page_metadata", "page_or_footer", "page_or_footer", "page_or_footer"]),
    ("联系电话：0595-22345678　传真：0595-22345679　邮编：362000", ["contact_details"] * 3),
    ("主办：某市人民政府办公室　网站标识码：3505000012　某ICP备05012345号-2", ["web_address"] * 3),
    ("某公网安备 35050302000123号", ["web_address"]),
    ("版权所有 © 2012-2023 某市人民政府", ["web_address"]),
    ("https://www.example.gov.cn/xxgk/zcwj/202305/t20230506_123456.htm", ["web_address"]),
    ("首页 > 政务公开 > 政策文件 > 市政府文件", ["page_or_footer"]),
    ("当前位置：首页 >> 信息公开 >> 规划计划", ["page_or_footer"]),
    ("上一篇：某市2022年国民经济和社会发展统计公报", ["page_or_footer"]),
    ("第 2 页 共 3 页", ["page_or_footer", "page_or_footer"]),
    ("责任编辑：李某某", ["page_metadata"]),
    ("某某体育官网 注册就送88元 www.example.com", ["web_address"]),
])
def test_furniture_lines_and_their_reasons(line, reasons):
    items = furniture_items(line)
    assert items is not None, line
    assert [kind for _, _, kind in items] == reasons


@pytest.mark.parametrize("line", [
    "到2025年，全市空气质量优良天数比例达到95%以上。",
    "2023年5月31日",  # a signature date: part of the text (an issue date)
    "某市人民政府",
    "一、总体要求",
    "来源于工业的排放占比下降到30%。",
    "时间紧、任务重，各地要抓紧落实。",
    "指标|2020年|2025年",
    "（联系人：王某，电话：1234567）各地要按时报送进展。",
])
def test_plan_lines_are_never_furniture(line):
    assert furniture_items(line) is None


def test_furniture_lines_are_emptied_and_their_digits_keep_raw_spans():
    raw = ("首页 > 政务公开\r\n发布时间：2023-05-06 10:21 来源：某市生态环境局\n某市印发减污降碳实施方案\n"
           "到2025年，PM2.5平均浓度下降到30微克/立方米。\n责任编辑：张某\n联系电话：0591-87654321\n")
    ct = clean(raw)
    assert ct.text.strip().split("\n") == ["某市印发减污降碳实施方案", "到2025年，PM2.5平均浓度下降到30微克/立方米。"]
    spans = {raw[s:e]: kind for s, e, kind in ct.furniture}
    assert spans == {"首页 > 政务公开": "page_or_footer", "发布时间：2023-05-06 10:21 ": "publish_time",
                     "来源：某市生态环境局": "page_metadata", "责任编辑：张某": "page_metadata",
                     "联系电话：0591-87654321": "contact_details"}
    # every digit of the raw text is in the cleaned text or in a furniture item
    in_clean = {ct.raw_span(i, i + 1)[0] for i, ch in enumerate(ct.text) if ch.isdigit()}
    for s, e, _ in digit_tokens(raw):
        assert s in in_clean or any(a <= s and e <= b for a, b, _ in ct.furniture), raw[s:e]
