"""Page furniture of plans copied from web pages: the lines around a text that are not the plan.

A line is furniture when all of it is furniture items (separators such as spaces, ``|``, ``>`` and
``【】`` between them):

- labelled fields: 发布时间：…, 来源：…, 浏览次数：…, the 索引号 / 发文机关 / 主题分类 / 成文日期 / 发文字号
  block of government sites, 联系电话：…, 责任编辑：…, 当前位置：…, 上一篇：…;
- stamps with a time or written with hyphens or slashes (2023-05-06 10:21, 2023/5/6);
- URLs, ICP and public-security registration numbers, copyright lines;
- font-size switches (字号：大 中 小) and page controls (打印 关闭 分享, 返回顶部, 第1页 共3页), and
  breadcrumb lines (首页 > 政务公开 > 政策文件).

A line that says anything else is kept whole, so a plan sentence is never dropped. A short line (no
sentence in it) that names a URL or an ICP number is furniture too: a banner. Each item carries the
reason (an ignore reason of the codebook) that its digits are ignored with. Lines are matched in
simplified characters with full-width forms folded, so traditional-character pages read the same.
"""
from __future__ import annotations

import re
import unicodedata

from comparison.text.hanzi import simplified

MAX_LINE_CHARS = 300
BANNER_MAX_CHARS = 80
LABELS = {
    "publish_time": "发布时间 发布日期 更新时间 更新日期 发表时间 公开时间 公开日期 上传时间 录入时间 时间 日期 发布",
    "issue_date": "成文日期 印发日期 签发日期 生成日期",
    "document_number": "发文字号 文号 发文号",
    "page_metadata": "索引号 主题分类 发文机关 发布机构 发布单位 公文种类 主题词 信息来源 文章来源 来源 作者 体裁分类 "
                     "组配分类 服务对象 有效性 是否有效 标题 名称 信息分类 分类 浏览次数 浏览量 阅读次数 阅读量 访问量 "
                     "访问次数 点击数 点击量 点击次数 字号 字体 责任编辑 编辑 审核 校对 供稿 摄影 记者",
    "contact_details": "联系电话 咨询电话 监督电话 电话 传真 联系人 联系方式 邮编 邮政编码 联系地址 通讯地址 地址 "
                       "电子邮箱 电子信箱 邮箱 E-mail Email",
    "web_address": "网址 网站地址 链接 网站标识码 网站标识 ICP备案号 备案号 主办单位 主办 承办单位 承办 技术支持 "
                   "网站维护 维护单位",
    "page_or_footer": "当前位置 您当前的位置 您现在的位置 所在位置 上一篇 下一篇 相关链接 相关文章",
}
KIND_OF_LABEL = {label: kind for kind, labels in LABELS.items() for label in labels.split()}
LABEL = re.compile("(" + "|".join(sorted(map(re.escape, KIND_OF_LABEL), key=len, reverse=True)) + r")\s*:")
DATE = r"\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?"
TIME = r"\d{1,2}\s*:\s*\d{2}(?:\s*:\s*\d{2})?"
# Items that stand without a label, with the reason their digits are ignored with.
TOKENS = [
    ("publish_time", re.compile(rf"\d{{4}}\s*年\s*\d{{1,2}}\s*月\s*\d{{1,2}}\s*日?\s*{TIME}|"
                                rf"\d{{4}}\s*[-/]\s*\d{{1,2}}\s*[-/]\s*\d{{1,2}}(?:\s*{TIME})?")),
    ("web_address", re.compile(r"(?:https?://|www\.)[^\s，。；]+", re.IGNORECASE)),
    ("web_address", re.compile(r"[\u4e00-\u9fff]{0,2}ICP[备证]?\s*(?:\d+号?|[:]\s*\d+)(?:\s*-\s*\d+)?号?")),
    ("web_address", re.compile(r"[\u4e00-\u9fff]{0,4}公网安备\s*\d+号?")),
    ("web_address", re.compile(r"(?:版权所有|Copyright|©|\(c\))(?:\s*[:]?\s*(?:\d{4}(?:\s*-\s*\d{4})?|[^\s|]{0,30}))*",
                               re.IGNORECASE)),
    ("page_metadata", re.compile(r"(?:字号|字体)\s*:?\s*[【\[]?\s*大\s*[】\]]?\s*[【\[]?\s*中\s*[】\]]?\s*[【\[]?\s*小"
                                 r"\s*[】\]]?")),
    ("page_metadata", re.compile(r"(?:浏览|阅读|访问|点击)(?:次数|量|数)?\s*\d+\s*次?")),
    ("page_or_footer", re.compile(r"第\s*\d+\s*页|共\s*\d+\s*页|上一页|下一页|尾页|首页|打印(?:本页|此页|文章|本文)?|"
                                  r"关闭(?:窗口|本页|此页)?|分享(?:到)?|收藏(?:本页)?|返回顶部|返回首页|返回|"
                                  r"扫一扫(?:在手机(?:上)?打开当前页)?|在手机(?:上)?打开|微信|微博|QQ空间|QQ")),
]
SENTENCE_PUNCTUATION = re.compile("[。；！？]")
SEPARATORS = re.compile(r"[\s|/\\·•>›»\-—–_【】\[\]()（）:,，、]+")
BREADCRUMB = re.compile(r"^(?:首页|主页|网站首页)\s*[>›»/]")


def _folded(line: str) -> str:
    """Simplified characters, full-width forms folded, one character for one (offsets unchanged)."""
    out = []
    for ch in simplified(line):
        n = unicodedata.normalize("NFKC", ch)
        out.append(n if len(n) == 1 else ch)
    return "".join(out)


def furniture_items(line: str) -> list[tuple[int, int, str]] | None:
    """The furniture items of a line (offsets in the line, reason) when all of it is furniture, else None."""
    text = _folded(line)
    stripped = text.strip()
    if not stripped or len(stripped) > MAX_LINE_CHARS:
        return None
    if BREADCRUMB.match(stripped):
        start = text.index(stripped[0])
        return [(start, start + len(stripped), "page_or_footer")]
    items, pos, n = [], 0, len(text)
    while pos < n:
        sep = SEPARATORS.match(text, pos)
        if sep and sep.end() > pos:
            pos = sep.end()
            continue
        label = LABEL.match(text, pos)
        if label:
            end = _value_end(text, label.end())
            items.append((pos, end, KIND_OF_LABEL[label.group(1)]))
            pos = end
            continue
        for kind, pattern in TOKENS:
            m = pattern.match(text, pos)
            if m and m.end() > pos:
                items.append((pos, m.end(), kind))
                pos = m.end()
                break
        else:
            return _banner(text)
    return items or None


def _value_end(text: str, start: int) -> int:
    """Where a labelled field's value ends: at the next label, at a stand-alone item after a space, or before
    sentence punctuation (a value is never a sentence)."""
    end = len(text)
    stop = SENTENCE_PUNCTUATION.search(text, start)
    if stop:
        end = stop.start()
    following = LABEL.search(text, start, end)
    if following:
        end = following.start()
    for gap in re.finditer(r"\s+", text[start:end]):
        k = start + gap.end()
        if any(pattern.match(text, k) for _, pattern in TOKENS):
            return k
    return end


def _banner(text: str) -> list[tuple[int, int, str]] | None:
    """A short line without a sentence that names a URL or a registration number (an advert, a site banner)."""
    stripped = text.strip()
    if len(stripped) > BANNER_MAX_CHARS or re.search("[。；！？]", stripped):
        return None
    for kind, pattern in TOKENS[1:4]:
        if pattern.search(stripped):
            start = text.index(stripped[0])
            return [(start, start + len(stripped), kind)]
    return None


def furniture_lines(text: str) -> list[tuple[int, int, list[tuple[int, int, str]]]]:
    """(start, end, items) of each furniture line of ``text``; item offsets are offsets into ``text``."""
    out, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            items = furniture_items(line)
            if items:
                out.append((pos, pos + len(line), [(pos + s, pos + e, kind) for s, e, kind in items]))
        pos += len(line) + 1
    return out
