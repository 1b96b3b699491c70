"""A plan text handed in by a user (new-plan, extract): decoded and parsed, or a clear problem.

Chinese files often come in GB18030 rather than UTF-8: a file that is not UTF-8 but decodes as mostly
Chinese GB18030 text is accepted, and the caller says so (new-plan stores it as UTF-8). Control characters
are removed (the caller says so too), a file over the corpus's size limit or holding the plan twice is
refused.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from comparison.text.cleaning import clean
from comparison.text.controls import without_controls
from comparison.text.corpus import MAX_TEXT_BYTES, text_size_problem
from comparison.text.documents import ParsedDocument
from comparison.problems import Problem, raise_if_any
from comparison.text.repeats import repeated_part
from comparison.text.structure import StructureError, parse


@dataclass
class PlanText:
    data: bytes      # the file's bytes
    encoding: str    # "utf-8" or "GB18030"
    doc: ParsedDocument
    controls: tuple[str, ...] = ()  # the control characters removed (NUL, VT …)

    @property
    def utf8(self) -> bytes:
        """The bytes to store: the file itself if it is UTF-8 as read, else its text re-encoded."""
        return self.data if self.encoding == "utf-8" and not self.controls else self.doc.raw.encode("utf-8")


def read_plan_text(path: Path, doc_id: str, city_id: str) -> PlanText:
    """Decode and parse a plan file; InputError for a missing, empty or undecodable file or one without sections."""
    path = Path(path)
    if not path.is_file():
        raise_if_any([Problem(str(path), "the text file does not exist", fix="give the path of the plan's .txt file")])
    if path.stat().st_size > MAX_TEXT_BYTES:
        raise_if_any([text_size_problem(str(path), path.stat().st_size)])
    data = path.read_bytes()
    if not data.strip():
        raise_if_any([Problem(str(path), "the file is empty", fix="copy the full plan text into the file")])
    text, encoding = _decode(path, data)
    text, controls = without_controls(text)
    ct = clean(text)
    try:
        clauses = parse(doc_id, ct)
    except StructureError as err:
        raise_if_any([Problem(str(path), f"{err}: this does not look like a plan text",
                              expected="section headings such as 一、总体要求 at the start of a line",
                              fix="check that the file holds the full plan; headings must start their own line")])
    if twice := repeated_part([s.text for c in clauses for s in c.sentences]):
        raise_if_any([Problem(str(path), f"the text seems to hold the plan twice: {twice[0]:.0%} of its sentences "
                              "occur twice", value=twice[1], expected="one copy of the plan",
                              fix="delete the second copy (it starts with the second occurrence of the sentence "
                                  "above) and run again")])
    return PlanText(data, encoding, ParsedDocument(doc_id, city_id, text, ct, clauses), tuple(controls))


def _decode(path: Path, data: bytes) -> tuple[str, str]:
    try:
        return data.decode("utf-8").removeprefix("\ufeff"), "utf-8"
    except UnicodeDecodeError as err:
        utf8_error = err
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        text = ""
    if text and sum("\u4e00" <= ch <= "\u9fff" for ch in text) >= len(text) / 4:
        return text, "GB18030"
    raise_if_any([Problem(str(path), f"neither UTF-8 nor GB18030 (byte {utf8_error.start} cannot be decoded)",
                          expected="a plain-text plan in UTF-8 or GB18030",
                          fix="save the text as UTF-8 (e.g. iconv -f <encoding> -t UTF-8 in.txt > out.txt)")])
