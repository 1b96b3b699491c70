"""The extractor in time linear in a clause's length: the shortcuts give what the plain loops gave.

A 102 KB clause took 477 s (its quotes were widened by counting the whole clause again for every
character; every value scanned its sentence for every alias and converted units for each). The
shortcuts are checked here against the plain loops they replace, on the real plans and on texts that
repeat themselves; the time of a 100 KB clause is checked with a generous bound (the speed proper is
benchmarked by ``make bench-extract``).
"""
from __future__ import annotations

import random
import time

import pytest

from comparison.curation.taxonomy import load_taxonomy
from comparison.curation.units import UnitConverter
from comparison.newplan.extract import extract
from comparison.newplan.aliases import AliasIndex
from comparison.newplan.quotes import MAX_WIDENING, Quotes
from comparison.text.cleaning import clean
from comparison.text.documents import ParsedDocument
from comparison.text.structure import parse

SENTENCES = ["到2025年，全市单位地区生产总值能耗比2020年下降13.5%，非化石能源消费比重达到18%以上",
             "新增绿色建筑面积120万平方米，城市生活垃圾资源化利用率达到60%左右",
             "建成{k}个示范园区，培育绿色工厂15家，森林覆盖率稳定在66.8%",
             "推进“无废城市”建设，力争工业固体废物综合利用率提高到75%"]


@pytest.fixture(scope="module")
def taxonomy(paths):
    return load_taxonomy(paths)


def plan_with_one_long_clause(n_bytes: int, doc_id: str = "long_2022") -> ParsedDocument:
    """A plan whose first clause is ``n_bytes`` of target sentences repeating with small changes (the text
    of the 477-second report: a list pasted into one paragraph)."""
    parts, size, k = [], 0, 0
    while size < n_bytes:
        parts.append(SENTENCES[k % 4].format(k=k % 9 + 2))
        size += len(parts[-1].encode()) + 3
        k += 1
    raw = ("某市绿色低碳循环发展实施方案\n\n一、总体要求\n（一）主要目标。" + "；".join(parts) + "。\n"
           "二、重点任务\n（一）推进工业绿色升级。到2025年完成改造10家。\n")
    ct = clean(raw)
    return ParsedDocument(doc_id, "long", raw, ct, parse(doc_id, ct))


def widened_by_counting(doc: ParsedDocument, span, clause_id) -> tuple[int, int]:
    """The plain loop: count the words in the clause again after every character (capped as the extractor)."""
    lo, hi = doc.clause_window(clause_id)
    start, end = span
    while start > lo and span[0] - start < MAX_WIDENING and doc.raw.count(doc.raw[start:end], lo, hi) > 1:
        start -= 1
    return start, end


class _Doc(Quotes):
    def __init__(self, doc):
        self.doc = doc


@pytest.mark.parametrize("which", ["real", "repeating", "self_overlapping"])
def test_quotes_widen_as_the_plain_loop_does(corpus, which):
    rng = random.Random(7)
    if which == "real":
        docs = list(corpus.values())
    elif which == "repeating":
        docs = [plan_with_one_long_clause(6_000)]
    else:  # periods shorter than the words: 哈哈哈…, 1111…, where str.count sees overlapping words once
        raw = "某市实施方案\n\n一、总体要求\n（一）目标。" + "哈" * 50 + "达到11111111%" + "哈哈" * 30 + "。\n"
        docs = [ParsedDocument("self_2022", "self", raw, clean(raw), parse("self_2022", clean(raw)))]
    checked = 0
    for doc in docs:
        quotes = _Doc(doc)
        for clause in doc.clauses:
            lo, hi = doc.clause_window(clause.clause_id)
            for _ in range(40 if which == "real" else 300):
                if hi - lo < 2:
                    break
                s = rng.randrange(lo, hi - 1)
                span = (s, min(hi, s + rng.randint(1, 6)))
                assert quotes.once_in_clause(span, clause.clause_id) == widened_by_counting(
                    doc, span, clause.clause_id), (doc.doc_id, span, doc.raw[span[0]:span[1]])
                checked += 1
    assert checked >= 300


def occurrences_by_scanning(index: AliasIndex, text, start, end):
    """The plain scan: every alias searched for in the window, longest alias first."""
    window, found = text[start:end], []
    for key, alias in index.keys:
        pos = window.find(key)
        while pos != -1:
            found.append((start + pos, start + pos + len(key), alias))
            pos = window.find(key, pos + 1)
    return found


def test_alias_occurrences_and_the_closest_fitting_one_are_those_of_the_plain_scan(corpus, taxonomy):
    index = AliasIndex(taxonomy, UnitConverter(taxonomy))
    rng = random.Random(3)
    units = ["", "%", "万吨", "亿元", "个", None]
    checked = 0
    for doc in corpus.values():
        text = doc.clean.text
        for _ in range(60):
            start = rng.randrange(0, len(text) - 1)
            end = min(len(text), start + rng.randint(1, 400))
            expected = occurrences_by_scanning(index, text, start, end)
            assert index.all_occurrences(text, start, end) == expected
            for unit in units:
                fitting = [o for o in expected if unit is None or index.compatible(o[2], unit)]
                closest = max(fitting, key=lambda o: (o[1], o[1] - o[0])) if fitting else None
                assert index.closest_fitting(text, start, end, unit) == closest
            checked += bool(expected)
    assert checked >= 50


def test_a_100_kb_clause_is_extracted_in_seconds(taxonomy):
    doc = plan_with_one_long_clause(100_000)
    assert len(doc.raw.encode()) > 100_000 and doc.clauses[1].end - doc.clauses[1].start > 30_000
    start = time.perf_counter()
    result = extract(doc, taxonomy, UnitConverter(taxonomy))
    seconds = time.perf_counter() - start
    assert len(result.quantities) > 2000
    assert seconds < 60, seconds  # generous: ~2 s on a loaded 2-core machine; 477 s before
