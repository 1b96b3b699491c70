"""Parse a cleaned plan into sections, clauses and sentences with stable ids.

- Sections are ``一、…`` headings numbered 1, 2, … in order; everything before the first is section 0
  (the preamble: notice, issuer, date, introduction).
- Clauses are paragraphs opening with ``（一）`` / ``(一)``. A clause number is accepted when it
  continues the document's count or restarts at 1 in a new section, so both numbering styles parse.
  Text of a section before its first clause is clause 0.
- Sentences split on ``。；！？`` outside brackets and quotes, and at paragraph (list item) breaks.
  A sentence that only names the responsible units is not a measure: it is parsed into
  ``responsible_units`` and left out of the sentences.

Ids use the document's own numbers: clause ``<doc_id>:<section>.<clause>``, sentence ``<clause_id>.<k>``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from comparison.text.cleaning import CLAUSE_MARKER, SECTION_MARKER, CleanText
from comparison.text.hanzi import simplified

SENTENCE_TERMINATORS = "。；！？"
OPENERS = {"（": "）", "“": "”", "《": "》", "「": "」", "‘": "’", "【": "】", "〔": "〕"}
CLOSERS = {v: k for k, v in OPENERS.items()}
CLAUSE_TITLE_MAX_CHARS = 30
RESPONSIBLE_LABEL = re.compile(r"(?:责任单位|牵头单位)[：:]")
DUTY_PHRASE = "按职责分工负责"
UNIT_SEPARATORS = re.compile(r"[、，,；;]")

CHINESE_DIGITS = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


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
    total, current = 0, 0
    for ch in text:
        if ch in CHINESE_DIGITS:
            current = CHINESE_DIGITS[ch]
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        elif ch == "百":
            total += (current or 1) * 100
            current = 0
        else:
            raise ValueError(f"not a Chinese numeral: {text!r}")
    return total + current


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-empty line of the cleaned text."""
    spans, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def parse(doc_id: str, ct: CleanText) -> list[Clause]:
    """Clauses (with their sentences) of one cleaned document, in document order."""
    text = ct.text
    blocks: list[dict] = []  # each: section_no, section_title, clause_no, start, end
    section_no, section_title, last_clause = 0, "", 0
    current = None
    for start, end in paragraphs(text):
        line = text[start:end]
        sec = SECTION_MARKER.match(line)
        if sec and chinese_numeral(sec.group(1)) == section_no + 1:
            section_no, section_title = section_no + 1, line[sec.end():].strip()
            current = None
            continue
        cla = CLAUSE_MARKER.match(line)
        if cla and section_no > 0:
            n = chinese_numeral(cla.group(1))
            section_has_clause = current is not None and current["clause_no"] > 0
            if n == last_clause + 1 or (n == 1 and not section_has_clause):
                last_clause = n
                current = dict(section_no=section_no, section_title=section_title, clause_no=n,
                               start=start, end=end)
                blocks.append(current)
                continue
        if current is None:
            current = dict(section_no=section_no, section_title=section_title, clause_no=0,
                           start=start, end=end)
            blocks.append(current)
        else:
            current["end"] = end
    if not any(b["section_no"] > 0 for b in blocks):
        raise StructureError("no section headings (一、 二、 …) were found")
    return [_clause(doc_id, ct, b) for b in blocks]


def _clause(doc_id: str, ct: CleanText, block: dict) -> Clause:
    clause_id = f"{doc_id}:{block['section_no']}.{block['clause_no']}"
    start, end = block["start"], block["end"]
    text = ct.text[start:end]
    body_start = start
    if block["clause_no"]:
        body_start += CLAUSE_MARKER.match(text).end()
    spans = [s for s in split_sentences(ct.text, body_start, end) if not _is_responsibility_note(ct.text[s[0]:s[1]])]
    title = ""
    if spans and block["clause_no"]:
        first = ct.text[spans[0][0]:spans[0][1]]
        if (first.endswith("。") or spans[0][1] == end) and len(first.rstrip("。")) <= CLAUSE_TITLE_MAX_CHARS:
            title = first.rstrip("。")
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
