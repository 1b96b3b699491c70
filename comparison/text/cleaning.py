"""Repair the text artefacts of published plans while keeping a map back to the raw file.

Every cleaned character carries the span ``[raw_start, raw_end)`` of raw characters it came from, so
any sentence or number found in the cleaned text can be quoted from the raw file. Offsets are
character offsets into the raw text decoded as UTF-8.

The repairs, in order, each a general rule (no per-document patches):

0. drop the pinyin a mirror site writes after characters (``發(fā)展``, ``低(di)碳``): a syllable in brackets
   right after a Chinese character, with a tone mark or in a text with many of them (``浓度(mg)`` is a unit:
   comparison.text.pinyin_notes);
1. cut a trailing web-page footer or end marker (``（完）``, ``标签:``, ``留言与评论``, ``验证码:`` …), and
   empty every line of page furniture (发布时间, 来源, 浏览次数, 索引号 blocks, links, menus: see
   comparison.text.furniture), keeping the raw span and reason of each furniture item in ``furniture``;
2. write the cells of a table row pasted as text (separated by tabs or ``|``) with one ``|`` between
   them, so no space folding merges two cells;
3. fold full-width digits, letters and ``％`` to half-width; half-width ``, ; : ! ? ( )`` next to
   Chinese text to their full-width forms; odd spaces (U+3000, NBSP, tab, BOM) to plain spaces;
4. drop spaces next to Chinese characters or punctuation (``“ 两高 ”`` → ``“两高”``, ``到 2025 年`` →
   ``到2025年``) and at line ends;
5. re-join lines broken in mid-sentence: in hard-wrapped documents every full-width line continues,
   in paragraph-per-line documents a long line that does not end a sentence continues across a page
   break, and the character a page break repeats (``基\\n\\n基础设施``) is dropped once; headings of every
   scheme, numbered items, 专栏 boxes and table rows always start a line of their own;
6. replace stray English function words between Chinese words (``棚户区 and 城镇``) by their Chinese
   equivalents (``和``), mapped to the English word's raw span.

Digits and Chinese characters of the content are never changed (only folded from full width).
"""
from __future__ import annotations

import re
import statistics
import unicodedata
from dataclasses import dataclass, replace

from comparison.text.furniture import furniture_lines
from comparison.text.hanzi import is_cjk
from comparison.text.pinyin_notes import pinyin_notes
from comparison.text.headings import CHAPTER_MARKER, SECTION_MARKER, is_heading, starts_structure

FOOTER_MARKERS = re.compile(
    r"^\s*(?:[（(]\s*完\s*[）)]|标签\s*[:：]|留言与评论|验证码\s*[:：]|打印本页|关闭窗口|【打印】|分享到|"
    r"上一篇|下一篇|相关链接)"
)
FOOTER_LINE_MAX_CHARS = 40

CELL_SEPARATOR = re.compile(r"[ \t\u3000\xa0]*[\t|｜][ \t\u3000\xa0\t|｜]*")
TABLE_RULE = re.compile(r"[\s|｜:：\-—–=+]*")  # a markdown rule row |---|:--|

SENTENCE_END = "。；！？：;!?:"
CLOSERS = "）)”’》」』】〕"
STRAY_ENGLISH = {"and": "和", "or": "或", "etc": "等", "etc.": "等", "including": "包括",
                 "such as": "如", "with": "和"}
STRAY_ENGLISH_RE = re.compile(
    r"(?<=[\u4e00-\u9fff]) ?(" + "|".join(re.escape(w) for w in sorted(STRAY_ENGLISH, key=len, reverse=True))
    + r")(?![A-Za-z]) ?(?=[\u4e00-\u9fff])",
    re.IGNORECASE,
)
HALF_TO_FULL_PUNCT = {",": "，", ";": "；", ":": "：", "!": "！", "?": "？", "(": "（", ")": "）"}
# Every character _fold_characters may change; the text between them is copied as is.
FOLD_CANDIDATES = re.compile("[\ufeff\r\u3000\xa0\t\uff01-\uff5e" + re.escape("".join(HALF_TO_FULL_PUNCT)) + "]")
HARD_WRAP_MAX_WIDTH = 80   # display columns; a wrapped PDF line is ~60 (30 Chinese characters)
PAGE_BREAK_MIN_WIDTH = 80  # a shorter line in a paragraph document is a title or a preamble line


@dataclass(frozen=True)
class CleanText:
    """Cleaned text with, for each character, the raw span it came from."""

    text: str
    raw_starts: tuple[int, ...]
    raw_ends: tuple[int, ...]
    furniture: tuple[tuple[int, int, str], ...] = ()  # raw (start, end, reason) of each page-furniture item

    @classmethod
    def identity(cls, raw: str) -> "CleanText":
        return cls(raw, tuple(range(len(raw))), tuple(range(1, len(raw) + 1)))

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Raw offsets ``[raw_start, raw_end)`` of the cleaned slice ``[start, end)``."""
        if end <= start:
            raise ValueError("empty span")
        return self.raw_starts[start], self.raw_ends[end - 1]


class _Builder:
    def __init__(self) -> None:
        self.chars: list[str] = []
        self.starts: list[int] = []
        self.ends: list[int] = []

    def copy(self, ct: CleanText, i: int, ch: str | None = None) -> None:
        self.chars.append(ct.text[i] if ch is None else ch)
        self.starts.append(ct.raw_starts[i])
        self.ends.append(ct.raw_ends[i])

    def copy_range(self, ct: CleanText, i: int, j: int) -> None:
        """``copy`` for each of ``ct[i:j]``, in one step (most of a text passes unchanged)."""
        self.chars.append(ct.text[i:j])
        self.starts.extend(ct.raw_starts[i:j])
        self.ends.extend(ct.raw_ends[i:j])

    def insert(self, text: str, start: int, end: int) -> None:
        for ch in text:
            self.chars.append(ch)
            self.starts.append(start)
            self.ends.append(end)

    def build(self) -> CleanText:
        return CleanText("".join(self.chars), tuple(self.starts), tuple(self.ends))


def clean(raw: str) -> CleanText:
    """Apply all repairs to a raw plan text (see the module docstring)."""
    ct = CleanText.identity(raw)
    ct = _drop_pinyin(ct)
    ct = _cut_footer(ct)
    ct, furniture = _drop_furniture(ct)
    ct = _mark_cells(ct)
    ct = _fold_characters(ct)
    ct = _drop_spaces(ct)
    ct = _join_lines(ct)
    ct = _replace_stray_english(ct)
    return replace(ct, furniture=furniture)


def is_wide(ch: str) -> bool:
    """Chinese characters and full-width punctuation (anything drawn two columns wide)."""
    return unicodedata.east_asian_width(ch) in ("W", "F")


def display_width(line: str) -> int:
    return sum(2 if is_wide(ch) else 1 for ch in line)


def _sub(ct: CleanText, pattern: re.Pattern, repl) -> CleanText:
    """Regex substitution that keeps the raw map; a replacement of another length maps to the whole match."""
    out, pos = _Builder(), 0
    for m in pattern.finditer(ct.text):
        out.copy_range(ct, pos, m.start())
        new = repl(m)
        if len(new) == m.end() - m.start():
            for k, ch in enumerate(new):
                out.copy(ct, m.start() + k, ch)
        elif new:
            out.insert(new, ct.raw_starts[m.start()], ct.raw_ends[m.end() - 1])
        pos = m.end()
    out.copy_range(ct, pos, len(ct.text))
    return out.build()


def _drop_pinyin(ct: CleanText) -> CleanText:
    """Repair 0 of the module docstring."""
    out, pos = _Builder(), 0
    for start, end in pinyin_notes(ct.text):
        out.copy_range(ct, pos, start)
        pos = end
    if pos == 0:
        return ct
    out.copy_range(ct, pos, len(ct.text))
    return out.build()


def _cut_footer(ct: CleanText) -> CleanText:
    """Cut from the first footer marker among the trailing short lines to the end."""
    lines = ct.text.split("\n")
    offsets, pos = [], 0
    for line in lines:
        offsets.append(pos)
        pos += len(line) + 1
    cut = None
    for k in range(len(lines) - 1, -1, -1):
        stripped = lines[k].strip()
        if len(stripped) > FOOTER_LINE_MAX_CHARS:
            break
        if FOOTER_MARKERS.match(stripped):
            cut = offsets[k]
    if cut is None:
        return ct
    return CleanText(ct.text[:cut], ct.raw_starts[:cut], ct.raw_ends[:cut])


def _drop_furniture(ct: CleanText) -> tuple[CleanText, tuple[tuple[int, int, str], ...]]:
    """Empty each furniture line (its newline stays); the raw spans and reasons of its items."""
    out, pos, items = _Builder(), 0, []
    for start, end, found in furniture_lines(ct.text):
        out.copy_range(ct, pos, start)
        pos = end
        items += [(ct.raw_starts[s], ct.raw_ends[e - 1], kind) for s, e, kind in found]
    if not items:
        return ct, ()
    out.copy_range(ct, pos, len(ct.text))
    return out.build(), tuple(items)


def _mark_cells(ct: CleanText) -> CleanText:
    """Table rows pasted as text: cells joined by one ``|``, no separator at the row's ends, rule rows emptied."""
    text = ct.text
    if "\t" not in text and "|" not in text and "｜" not in text:
        return ct
    out, pos, line_start = _Builder(), 0, 0
    for line in text.split("\n"):
        line_end = line_start + len(line)
        inner = line.strip(" \t\u3000\xa0|｜")
        if line.strip() and TABLE_RULE.fullmatch(line) and "-" in line and ("|" in line or "｜" in line):
            out.copy_range(ct, pos, line_start)
            pos = line_end
        elif inner and CELL_SEPARATOR.search(inner):
            a = line_start + line.index(inner)
            b = a + len(inner)
            out.copy_range(ct, pos, line_start)
            k = a
            for m in CELL_SEPARATOR.finditer(text, a, b):
                out.copy_range(ct, k, m.start())
                out.insert("|", ct.raw_starts[m.start()], ct.raw_ends[m.end() - 1])
                k = m.end()
            out.copy_range(ct, k, b)
            pos = line_end
        line_start = line_end + 1
    out.copy_range(ct, pos, len(text))
    return out.build()


def is_table_row(line: str) -> bool:
    """A line of a table pasted as text (``_mark_cells`` joined its cells with ``|``)."""
    return "|" in line


def _fold_characters(ct: CleanText) -> CleanText:
    text = ct.text
    out = _Builder()
    pos = 0
    for m in FOLD_CANDIDATES.finditer(text):
        i, ch = m.start(), m.group()
        out.copy_range(ct, pos, i)
        pos = i + 1
        if ch == "\ufeff" or ch == "\r":
            continue
        if ch in "\u3000\xa0\t":
            out.copy(ct, i, " ")
        elif "\uff01" <= ch <= "\uff5e" and (ch.isalnum() or ch == "％"):
            out.copy(ct, i, chr(ord(ch) - 0xFEE0))
        elif ch == "．" and _between_digits(text, i):
            out.copy(ct, i, ".")
        elif ch in HALF_TO_FULL_PUNCT and not _between_ascii(text, i):
            out.copy(ct, i, HALF_TO_FULL_PUNCT[ch])
        else:
            out.copy(ct, i)
    out.copy_range(ct, pos, len(text))
    return out.build()


def _between_digits(text: str, i: int) -> bool:
    return 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit()


def _between_ascii(text: str, i: int) -> bool:
    """True inside Latin text or numbers, e.g. ``1,000``, ``1:2`` or ``(NOx)`` between Latin words."""
    b, a = i - 1, i + 1  # skip spaces by index: slicing the text here would cost its length per character
    while b >= 0 and text[b] == " ":
        b -= 1
    while a < len(text) and text[a] == " ":
        a += 1
    before, after = text[b:b + 1] if b >= 0 else "", text[a:a + 1]
    return bool(before and after and before.isascii() and after.isascii()
                and before.isprintable() and after.isprintable())


def _drop_spaces(ct: CleanText) -> CleanText:
    text = ct.text
    out = _Builder()
    n = len(text)
    i = 0
    while i < n:
        if text[i] != " ":
            j = text.find(" ", i)
            j = n if j == -1 else j
            out.copy_range(ct, i, j)
            i = j
            continue
        j = i
        while j < n and text[j] == " ":
            j += 1
        before = text[i - 1] if i else "\n"
        after = text[j] if j < n else "\n"
        keep = before != "\n" and after != "\n" and not is_wide(before) and not is_wide(after)
        if keep:
            out.copy(ct, i)
        i = j
    return out.build()


def _join_lines(ct: CleanText) -> CleanText:
    """Join lines broken in mid-sentence; paragraphs end up separated by one newline."""
    spans, pos = [], 0
    for line in ct.text.split("\n"):
        if line:
            spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    if not spans:
        return ct
    widths = [display_width(ct.text[s:e]) for s, e in spans]
    hard_wrapped = _is_hard_wrapped(widths)
    wrap_width = statistics.median(widths)
    out = _Builder()
    in_body = False  # past the first section heading: no more free-standing title lines
    for k, (s, e) in enumerate(spans):
        line = ct.text[s:e]
        start = s
        if k:
            prev = ct.text[spans[k - 1][0]:spans[k - 1][1]]
            in_body = in_body or bool(SECTION_MARKER.match(prev) or CHAPTER_MARKER.match(prev))
            if _continues(prev, widths[k - 1], line, hard_wrapped, wrap_width, in_body):
                if not hard_wrapped and prev[-1] == line[0] and is_cjk(line[0]):
                    start += 1  # the character a page break repeats
                elif prev[-1].isascii() and line[0].isascii() and prev[-1].isalnum() and line[0].isalnum():
                    out.insert(" ", ct.raw_starts[spans[k - 1][1]], ct.raw_ends[spans[k - 1][1]])
            else:
                nl = spans[k - 1][1]
                out.insert("\n", ct.raw_starts[nl], ct.raw_ends[nl])
        out.copy_range(ct, start, e)
    return out.build()


def _is_hard_wrapped(widths: list[int]) -> bool:
    if len(widths) < 20:
        return False
    w = statistics.median(widths)
    near = sum(0.85 * w <= x <= 1.15 * w for x in widths)
    return w <= HARD_WRAP_MAX_WIDTH and near >= 0.5 * len(widths)


def _continues(prev: str, prev_width: int, line: str, hard_wrapped: bool, wrap_width: float,
               in_body: bool) -> bool:
    if starts_structure(line) or is_table_row(line) or is_table_row(prev):
        return False
    if has_open_bracket(prev):
        return True
    if hard_wrapped:  # a full-width line wraps, even a clause's first line
        return prev_width >= 0.75 * wrap_width
    if is_heading(prev):
        return False
    return not ends_sentence(prev) and (in_body or prev_width >= PAGE_BREAK_MIN_WIDTH)


def has_open_bracket(line: str) -> bool:
    """A bracket or quote opened and not closed on this line, e.g. ``实施工业（产``."""
    depth = 0
    for ch in line:
        if ch in "（《“〔【":
            depth += 1
        elif ch in "）》”〕】" and depth:
            depth -= 1
    return depth > 0


def ends_sentence(line: str) -> bool:
    stripped = line.rstrip()
    return bool(stripped) and (stripped[-1] in SENTENCE_END or stripped[-1] in CLOSERS)


def _replace_stray_english(ct: CleanText) -> CleanText:
    return _sub(ct, STRAY_ENGLISH_RE, lambda m: STRAY_ENGLISH[m.group(1).lower()])
