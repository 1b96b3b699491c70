"""A plan text handed in by a user (new-plan, extract): decoded and parsed, or a clear problem.

Chinese files often come in GB18030 rather than UTF-8: a file that is not UTF-8 but decodes as mostly
Chinese GB18030 text is accepted, and the caller says so (new-plan stores it as UTF-8); so is UTF-16
with a byte-order mark (what Windows Notepad saves as "Unicode"). Control characters are removed (the
caller says so too). Any layout is read (headings of any scheme, a news report, a summary, a table); what
a user should know about how the text was read comes back in ``notes``. Refused, with what to do instead:
a missing file, an empty or whitespace-only file, a binary file (PDF, Word, image …), a saved web page
(HTML), a file over the corpus's size limit, a text that is only page furniture, and one that holds the
plan twice.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from comparison.problems import Problem, raise_if_any
from comparison.text.cleaning import clean
from comparison.text.controls import without_controls
from comparison.text.corpus import MAX_TEXT_BYTES, text_size_problem, universal_newlines
from comparison.text.documents import ParsedDocument
from comparison.text.repeats import repeated_part
from comparison.text.structure import StructureError, has_headings, parse

BINARY_SIGNATURES = [(b"%PDF", "a PDF file"), (b"PK\x03\x04", "a Word, Excel or other Office file (.docx, .xlsx …)"),
                     (b"\xd0\xcf\x11\xe0", "an old Word, Excel or WPS file (.doc, .xls, .wps)"),
                     (b"{\\rtf", "a rich-text file (.rtf)"), (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"),
                     (b"GIF8", "a GIF image")]
# A file whose first 4 KiB are more than 5 % control bytes is binary; a stray control character is only removed.
BINARY_CONTROLS = re.compile(rb"[\x00-\x08\x0e-\x1f]")
BINARY_SHARE = 0.05
SAVE_AS_TEXT = ("open it, select the plan's text, copy it into a plain-text file (UTF-8) and give that file; "
                "for a scanned PDF, run text recognition (OCR) first")
HTML_START = re.compile(r"\s*<(?:!doctype\s+html|html|head|body|meta|div|p|table)\b", re.IGNORECASE)
HTML_TAG = re.compile(r"</?(?:html|head|body|div|p|span|table|tr|td|br|a|meta|script|style)\b[^>]*>", re.IGNORECASE)
HTML_LINE_SHARE = 0.5  # share of the lines with HTML tags above which a file is a saved page


@dataclass
class PlanText:
    data: bytes      # the file's bytes
    encoding: str    # "utf-8", "GB18030" or "UTF-16"
    doc: ParsedDocument
    notes: list[str] = field(default_factory=list)  # how the text was read, for the user
    controls: tuple[str, ...] = ()  # the control characters removed (NUL, VT …)

    @property
    def utf8(self) -> bytes:
        """The bytes to store: the file itself if it is UTF-8 as read, else its text re-encoded."""
        return self.data if self.encoding == "utf-8" and not self.controls else self.doc.raw.encode("utf-8")


def read_plan_text(path: Path, doc_id: str, city_id: str) -> PlanText:
    """Decode and parse a plan file; InputError for a file that holds no plan text (see the module doc)."""
    path = Path(path)
    shown = str(path)
    if not path.is_file():
        raise_if_any([Problem(shown, "the text file does not exist", fix="give the path of the plan's .txt file")])
    if path.stat().st_size > MAX_TEXT_BYTES:
        raise_if_any([text_size_problem(shown, path.stat().st_size)])
    data = path.read_bytes()
    if not data:
        raise_if_any([Problem(shown, "the file is empty", fix="copy the full plan text into the file")])
    _refuse_binary(shown, data)
    text, encoding = _decode(shown, data)
    text, controls = without_controls(universal_newlines(text))
    if not text.replace("\ufeff", "").strip():
        raise_if_any([Problem(shown, "the file holds only spaces and line breaks",
                              fix="copy the full plan text into the file")])
    _refuse_html(shown, text)
    ct = clean(text)
    try:
        clauses = parse(doc_id, ct)
    except StructureError as err:
        message = (f"the text is only web-page furniture ({len(ct.furniture)} items such as publish time, 来源, "
                   "浏览次数, links and menus): the plan itself is missing" if ct.furniture else str(err))
        raise_if_any([Problem(shown, message, expected="the words of the plan (its title and paragraphs)",
                              fix="copy the plan's own text from the page, not only the page's header and footer")])
    if twice := repeated_part([s.text for c in clauses for s in c.sentences]):
        raise_if_any([Problem(shown, f"the text seems to hold the plan twice: {twice[0]:.0%} of its sentences "
                              "occur twice", value=twice[1], expected="one copy of the plan",
                              fix="delete the second copy (it starts with the second occurrence of the sentence "
                                  "above) and run again")])
    doc = ParsedDocument(doc_id, city_id, text, ct, clauses)
    return PlanText(data, encoding, doc, _notes(doc, ct), tuple(controls))


def _notes(doc: ParsedDocument, ct) -> list[str]:
    notes = []
    if not has_headings(ct):
        n = len(doc.clauses)
        notes.append(f"the text has no section headings (一、, 第一章, 第一部分 …): read as one section whose "
                     f"{n} clause{'s are its paragraphs' if n != 1 else ' is its paragraph'} (a news report, a "
                     "summary or part of a plan)")
    lines = {doc.raw.count("\n", 0, s) for s, _, _ in ct.furniture}
    if ct.furniture:
        notes.append(f"{len(lines)} line{'s' if len(lines) != 1 else ''} of web-page furniture (publish time, 来源, "
                     "浏览次数, links, menus …) left out of the sentences; their digits are ignored numbers")
    if not any(ch.isdigit() for ch in doc.raw):
        notes.append("the text has no digits: there are no quantities to suggest")
    return notes


def _refuse_binary(shown: str, data: bytes) -> None:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return  # UTF-16 text with a byte-order mark
    kind = next((name for sig, name in BINARY_SIGNATURES if data.startswith(sig)), None)
    head = data[:4096]
    if kind is None and len(BINARY_CONTROLS.findall(head)) > BINARY_SHARE * len(head):
        kind = "a binary file"
    if kind:
        raise_if_any([Problem(shown, f"this is {kind}, not a plain-text plan", expected="a .txt file (UTF-8 or GB18030)",
                              fix=SAVE_AS_TEXT)])


def _refuse_html(shown: str, text: str) -> None:
    lines = [line for line in text.splitlines() if line.strip()]
    tagged = sum(bool(HTML_TAG.search(line)) for line in lines)
    if HTML_START.match(text) or (lines and tagged / len(lines) > HTML_LINE_SHARE):
        raise_if_any([Problem(shown, "this is a saved web page (HTML), not the plan's text",
                              expected="a plain-text file (UTF-8 or GB18030)",
                              fix="open the page in a browser, select the plan's text, copy it into a plain-text file "
                                  "and give that file (or save the page as 'Text' instead of 'Web page')")])


def _decode(shown: str, data: bytes) -> tuple[str, str]:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "UTF-16"
        except UnicodeDecodeError:
            pass
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
    raise_if_any([Problem(shown, f"neither UTF-8 nor GB18030 (byte {utf8_error.start} cannot be decoded)",
                          expected="a plain-text plan in UTF-8 or GB18030",
                          fix="save the text as UTF-8 (e.g. iconv -f <encoding> -t UTF-8 in.txt > out.txt)")])
