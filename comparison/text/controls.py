"""Control characters: invisible in an editor, not allowed in an .xlsx cell, and a lone carriage return
ends a CSV line. Texts new-plan stores and cells it writes lose them (a vertical tab or form feed, as
Word and PDF converters write line and page breaks, becomes a line break); manifest fields and ids
refuse them (a tab, CR or line break included).
"""
from __future__ import annotations

import re

from comparison.problems import Problem

IN_TEXT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # what an .xlsx cell cannot hold (openpyxl's list)
IN_FIELD = re.compile(r"[\x00-\x1f\x7f-\x9f]")         # nothing invisible in a manifest field or an id
LINE_BREAKS = {"\x0b": "\n", "\x0c": "\n"}
NAMES = {0x00: "NUL", 0x09: "tab", 0x0a: "line break", 0x0b: "VT", 0x0c: "FF", 0x0d: "CR", 0x1b: "ESC",
         0x7f: "DEL"}


def name(ch: str) -> str:
    """NUL, VT, CR … or the code point, for a message."""
    return f"{NAMES[ord(ch)]} (U+{ord(ch):04X})" if ord(ch) in NAMES else f"U+{ord(ch):04X}"


def without_controls(text: str) -> tuple[str, list[str]]:
    """The text without control characters (VT and FF become line breaks), and the names of those found."""
    found = sorted(set(IN_TEXT.findall(text)))
    if not found:
        return text, []
    return IN_TEXT.sub(lambda m: LINE_BREAKS.get(m.group(), ""), text), [name(ch) for ch in found]


def field_problem(file: str, column: str, value: str, row: int | None = None) -> Problem | None:
    """A problem for a manifest field or id holding a control character, else None."""
    m = IN_FIELD.search(value)
    if m is None:
        return None
    return Problem(file, f"{column} holds the control character {name(m.group())}", row=row, column=column,
                   value=value, expected="text without control characters (no tab, line break or CR)",
                   fix="retype the value (control characters are invisible in most editors)")
