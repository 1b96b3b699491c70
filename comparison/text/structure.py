"""Parse a cleaned plan into sections, clauses and sentences with stable ids.

- Sections are the headings of the text's section level (``一、…`` in most plans, ``第一章`` or
  ``第一部分`` in others; see comparison.text.headings) numbered 1, 2, … in order; everything before
  the first is section 0 (the preamble: notice, issuer, date, introduction). A heading line that goes
  on with a sentence (``一、总体要求。坚持…``) gives the section its title and its clause 0 the sentence.
- Clauses are paragraphs opening with a marker of the clause level (``（一）`` under ``一、``, ``第一节``
  under ``第一章``). A clause number is accepted when it continues the document's count or restarts at
  1 in a new section, so both numbering styles parse. Text of a section before its first clause is
  clause 0.
- A text without headings (a news report, a summary, part of a plan) is one section whose clauses are
  its paragraphs, in order.
- Sentences split on ``。；！？`` outside brackets and quotes, and at paragraph (list item) breaks.
  A sentence that only names the responsible units is not a measure: it is parsed into
  ``responsible_units`` and left out of the sentences.

Ids use the document's own numbers: clause ``<doc_id>:<section>.<clause>``, sentence ``<clause_id>.<k>``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from comparison.text.cleaning import CleanText
from comparison.text.headings import BOX_MARKER, HEADING_MAX_CHARS, marker_of, number_of, reads_as_heading, scheme
from comparison.text.hanzi import simplified

SENTENCE_TERMINATORS = "。；！？"
OPENERS = {"（": "）", "“": "”", "《": "》", "「": "」", "‘": "’", "【": "】", "〔": "〕"}
CLOSERS = {v: k for k, v in OPENERS.items()}
CLAUSE_TITLE_MAX_CHARS = 30
LIST_LINE_MAX_CHARS = 60
RESPONSIBLE_LABEL = re.compile(r"(?:责任单位|牵头单位)[：:]")
DUTY_PHRASE = "按职责分工负责"
UNIT_SEPARATORS = re.compile(r"[、，,；;]")

class StructureError(ValueError):
    """The text has no structure we can parse (the caller names the file)."""


@dataclass
class Sentence:
    sentence_id: str
    text: str
    start: int  # offsets in the cleaned text
    end: int


@dataclass
class Clause:
    clause_id: str
    section_no: int
    section_title: str
    clause_no: int
    clause_title: str
    start: int
    end: int
    text: str
    responsible_units: list[str] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)


def chinese_numeral(text: str) -> int:
    """``一``→1, ``十``→10, ``十二``→12, ``二十六``→26, ``一百零二``→102."""
    return number_of(text)


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-empty line of the cleaned text."""
    spans, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def parse(doc_id: str, ct: CleanText) -> list[Clause]:
    """Clauses (with their sentences) of one cleaned document, in document order.

    StructureError when the text has no words at all (empty, or only page furniture).
    """
    text = ct.text
    spans = paragraphs(text)
    if not any(ch.isalnum() for ch in text):
        raise StructureError("the text has no words of a plan (it is empty, or only web-page furniture such as "
                             "dates, 来源 and 浏览次数 lines, links and menus)")
    section_level, clause_level = scheme([text[s:e] for s, e in spans])
    if section_level is None:
        return [_clause(doc_id, ct, b) for b in _paragraph_blocks(text, spans)]
    blocks: list[dict] = []  # each: section_no, section_title, clause_no, start, end, body_start
    section_no, section_title, last_clause = 0, "", 0
    current = None
    for start, end in spans:
        line = text[start:end]
        sec = marker_of(section_level, line)
        if sec and sec[0] == section_no + 1 and (not section_level.headings_only or reads_as_heading(line, sec[1])):
            section_no = section_no + 1
            section_title, body = _heading(line, sec[1])
            current = None
            if body is not None:  # a heading line that goes on with a sentence: its clause 0
                current = dict(section_no=section_no, section_title=section_title, clause_no=0, start=start,
                               end=end, body_start=start + body)
                blocks.append(current)
            continue
        cla = marker_of(clause_level, line) if clause_level is not None else None
        if cla and section_no > 0:
            n = cla[0]
            section_has_clause = current is not None and current["clause_no"] > 0
            if n == last_clause + 1 or (n == 1 and not section_has_clause):
                last_clause = n
                current = dict(section_no=section_no, section_title=section_title, clause_no=n,
                               start=start, end=end, body_start=start + cla[1])
                blocks.append(current)
                continue
        if current is None:
            current = dict(section_no=section_no, section_title=section_title, clause_no=0,
                           start=start, end=end, body_start=start)
            blocks.append(current)
        else:
            current["end"] = end
    return [_clause(doc_id, ct, b) for b in blocks]


def has_headings(ct: CleanText) -> bool:
    """Whether the text numbers its sections (一、, 第一章 …); a text without is read paragraph by paragraph."""
    text = ct.text
    return scheme([text[s:e] for s, e in paragraphs(text)])[0] is not None


def _heading(line: str, marker_end: int) -> tuple[str, int | None]:
    """A section heading's title, and where a sentence after it starts (None: the line is only a heading).

    ``一、总体要求`` → (总体要求, None); ``一、总体要求。坚持…`` → (总体要求, offset of 坚持); a line that is one long
    sentence has no title of its own: ("", offset after the marker).
    """
    rest = line[marker_end:]
    cut = min([k for k in (rest.find(ch) for ch in SENTENCE_TERMINATORS) if k != -1], default=-1)
    if cut == -1:
        return rest.strip(), None
    if cut <= HEADING_MAX_CHARS:
        body = cut + 1
        while body < len(rest) and rest[body] in " 　":
            body += 1
        return rest[:cut].strip(), (marker_end + body if body < len(rest) else None)
    return "", marker_end


def _is_title(line: str) -> bool:
    """A paragraph that reads as a title: short, no sentence, not a lead-in ending with a colon."""
    return reads_as_heading(line, 0) and not line.rstrip().endswith(("：", ":"))


def _paragraph_blocks(text: str, spans: list[tuple[int, int]]) -> list[dict]:
    """A text without headings (a news report, a summary, part of a plan): one section, a clause per paragraph.

    The section takes the first paragraph as its title when that reads as a title (short, no sentence).
    A table (with the 专栏 line over it) is one clause, and so is a lead-in line (到2025年：) with the
    list lines under it.
    """
    first = text[spans[0][0]:spans[0][1]]
    title = first.strip() if _is_title(first) else ""
    blocks: list[dict] = []
    for s, e in spans:
        line = text[s:e]
        if blocks and "|" in line and blocks[-1]["table"]:
            blocks[-1].update(end=e)  # a table (and the 专栏 line over it) is one clause
            continue
        if blocks and blocks[-1]["lead"] and _list_line(line):
            blocks[-1].update(end=e)  # 到2025年： and the list of targets under it are one clause
            continue
        blocks.append(dict(section_no=1, section_title=title, clause_no=len(blocks) + 1, start=s, end=e,
                           body_start=s, paragraph=True, table=bool(BOX_MARKER.match(line)) or "|" in line,
                           lead=line.rstrip().endswith(("：", ":"))))
    return blocks


def _list_line(line: str) -> bool:
    """A line of a list under a lead-in: short, states a number, no sentence of its own."""
    return (len(line.strip()) <= LIST_LINE_MAX_CHARS and any(ch.isdigit() for ch in line)
            and not any(ch in line for ch in SENTENCE_TERMINATORS) and not line.rstrip().endswith(("：", ":")))


def _clause(doc_id: str, ct: CleanText, block: dict) -> Clause:
    clause_id = f"{doc_id}:{block['section_no']}.{block['clause_no']}"
    start, end = block["start"], block["end"]
    text = ct.text[start:end]
    body_start = block["body_start"]
    spans = [s for s in split_sentences(ct.text, body_start, end) if not _is_responsibility_note(ct.text[s[0]:s[1]])]
    title = ""
    if block.get("paragraph"):  # a paragraph of a text without headings: a title only if it reads as one
        if len(spans) == 1 and _is_title(ct.text[start:end]):
            title = ct.text[start:end].strip()
    elif spans and block["clause_no"]:
        first = ct.text[spans[0][0]:spans[0][1]]
        line_end = ct.text.find("\n", body_start, end)
        if (first.endswith("。") or spans[0][1] == end) and len(first.rstrip("。")) <= CLAUSE_TITLE_MAX_CHARS:
            title = first.rstrip("。")
        elif line_end != -1 and spans[0][1] == line_end and reads_as_heading(first, 0):
            title = first  # a heading line of its own: 第一节 发展基础, 1.推进工业绿色升级
    sentences = [Sentence(f"{clause_id}.{k}", ct.text[s:e], s, e) for k, (s, e) in enumerate(spans, 1)]
    return Clause(clause_id, block["section_no"], block["section_title"], block["clause_no"], title,
                  start, end, text, responsible_units(text), sentences)


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans in ``text[start:end]``: split after 。；！？ at bracket depth 0 and at line breaks."""
    spans, depth, s = [], [], start
    for i in range(start, end):
        ch = text[i]
        if ch == "\n":
            spans.append((s, i))
            s, depth = i + 1, []
            continue
        if ch in OPENERS:
            depth.append(ch)
        elif ch in CLOSERS and depth and depth[-1] == CLOSERS[ch]:
            depth.pop()
        elif ch in SENTENCE_TERMINATORS and not depth:
            j = i + 1
            while j < end and text[j] in "”’）》〕":
                j += 1
            spans.append((s, j))
            s = j
    spans.append((s, end))
    out = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b and any(c.isalnum() for c in text[a:b]):
            out.append((a, b))
    return out


def _is_responsibility_note(sentence: str) -> bool:
    s = simplified(sentence).strip("。；")
    return s[:1] in "（〔" and s[-1:] in "）〕" and (
        RESPONSIBLE_LABEL.search(s[:8]) is not None or s[:-1].endswith(DUTY_PHRASE))


def responsible_units(text: str) -> list[str]:
    """Units named in ``（责任单位：A、B）`` or ``（A、B等按职责分工负责）`` notes, in order, without repeats.

    Names come back in simplified characters (as the agency dictionary writes them) also from a plan
    written in traditional characters.
    """
    text = simplified(text)
    found: list[str] = []
    for m in RESPONSIBLE_LABEL.finditer(text):
        found += _split_units(_until_close(text, m.end()))
    pos = text.find(DUTY_PHRASE)
    while pos != -1:
        opening = _matching_open(text, pos)
        if opening is not None:
            found += _split_units(text[opening + 1:pos])
        pos = text.find(DUTY_PHRASE, pos + 1)
    seen, units = set(), []
    for unit in found:
        if unit and unit not in seen:
            seen.add(unit)
            units.append(unit)
    return units


def _until_close(text: str, i: int) -> str:
    """The listing after a label: up to the bracket that closes the note, or the sentence end."""
    depth = 0
    for j in range(i, len(text)):
        if text[j] in "（〔":
            depth += 1
        elif text[j] in "）〕":
            if depth == 0:
                return text[i:j]
            depth -= 1
        elif text[j] in "。\n" and depth == 0:
            return text[i:j]
    return text[i:]


def _matching_open(text: str, i: int) -> int | None:
    depth = 0
    for j in range(i - 1, -1, -1):
        if text[j] == "）":
            depth += 1
        elif text[j] == "（":
            if depth == 0:
                return j
            depth -= 1
        elif text[j] in "。\n":
            return None
    return None


def _split_units(listing: str) -> list[str]:
    """Split a listing on separators outside brackets: ``各县（市、区）人民政府`` stays whole."""
    parts, depth, cur = [], 0, []
    for ch in listing:
        if ch == "（":
            depth += 1
        elif ch == "）":
            depth -= 1
        if depth == 0 and UNIT_SEPARATORS.match(ch):
            parts.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    parts.append("".join(cur))
    return [p.strip().removesuffix("等").strip() for p in parts if p.strip()]
