"""The Chinese report's own texts are translations of English written in the notebooks: each section's title
and question (``words.SECTIONS_ZH``) and the methods in brief (``appendix.methods``, from the notebooks'
**Method.** paragraphs). TRANSLATED_FROM records, by digest, the English each was written from; when a
notebook's English changes this test fails, naming the text, until its Chinese is revisited and the record
updated with the digest the failure prints."""
import hashlib

from comparison.report import sections
from comparison.report.appendix import method_paragraph
from comparison.report.run import notebooks

TRANSLATED_FROM = {
    ("01_corpus_overview", "title and question"): "83808cb25a19",
    ("02_targets", "title and question"): "e48a7d83b25a",
    ("03_priorities", "title and question"): "96b9382986e0",
    ("04_clustering", "title and question"): "169501e9516b",
    ("04_clustering", "method"): "c173efe09fc0",
    ("05_similarity", "title and question"): "ddf47976859a",
    ("05_similarity", "method"): "33b855dcd3e5",
    ("06_responsibility", "title and question"): "ad2a9c391426",
    ("07_alignment", "title and question"): "9f82dfaa6656",
}


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def english_texts(paths) -> dict[tuple[str, str], str]:
    out = {}
    for nb in notebooks(paths):
        cells = sections.notebook_cells(nb)
        title, question = sections.header(cells)
        out[(nb.stem, "title and question")] = f"{title}\n{question}"
        method = method_paragraph(cells)
        if method:
            out[(nb.stem, "method")] = method
    return out


def test_every_chinese_text_was_written_from_the_english_the_notebooks_have_now(paths):
    english = english_texts(paths)
    changed = {f"{stem} ({part}): revisit its Chinese, then record {digest(text)}": text
               for (stem, part), text in english.items() if TRANSLATED_FROM.get((stem, part)) != digest(text)}
    assert changed == {}
    assert set(TRANSLATED_FROM) == set(english)  # no record of a text that is gone

