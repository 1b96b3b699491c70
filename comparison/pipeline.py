"""The build: parse the corpus, validate the curated data, harmonize, write the processed tables."""
from __future__ import annotations

import gc
import sys
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from comparison.tables import dictionary
from comparison.newplan.transaction import reading
from comparison.tables.alignment import alignment_table, reference_documents_table
from comparison.tables.atomic import atomic_paths, write_csv, write_text
from comparison.tables.datapackage import datapackage_json
from comparison.tables.export import write_xlsx
from comparison.tables.harmonize import harmonize, unknown_agencies
from comparison.text.corpus import read_manifest
from comparison.text.documents import ParsedDocument, clauses_table, parse_corpus, sentences_table
from comparison.paths import ProjectPaths
from comparison.problems import InputError, raise_if_any
from comparison.curation.references import References, load_references
from comparison.curation.taxonomy import Taxonomy, load_taxonomy
from comparison.curation.units import UnitConverter
from comparison.curation.validation import CuratedData, validate_cities


@dataclass
class Inputs:
    manifest: pd.DataFrame
    docs: dict[str, ParsedDocument]
    taxonomy: Taxonomy
    units: UnitConverter
    curated: CuratedData
    references: References


@contextmanager
def collector_paused():
    """Pause Python's cyclic garbage collector; reference counting still frees everything as usual.

    The build makes millions of small containers (workbook cells, rows, records) that form no reference
    cycles; the collector would scan them again and again, a fifth of the build time at 300 plans, and
    free nothing (measured at 300 plans: the same peak memory with and without the pause).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@collector_paused()
def validate(paths: ProjectPaths, allow_suggested: bool = False) -> Inputs:
    """Every check on the raw inputs; raises InputError listing all problems. Writes nothing (an interrupted
    new-plan is finished first: see newplan.transaction; a running one is waited for)."""
    with reading(paths, "validate"):
        return _validate(paths, allow_suggested)


def _validate(paths: ProjectPaths, allow_suggested: bool) -> Inputs:
    manifest = read_manifest(paths)
    problems = []
    docs = taxonomy = None
    for step in ("docs", "taxonomy"):
        try:
            if step == "docs":
                docs = parse_corpus(paths, manifest)
            else:
                taxonomy = load_taxonomy(paths)
        except InputError as err:
            problems += err.problems
    if problems:
        raise InputError(problems)
    units = UnitConverter(taxonomy)
    problems = unknown_agencies(docs, taxonomy)
    references = None
    try:
        references = load_references(paths, taxonomy, units, set(manifest.province_zh))
    except InputError as err:
        problems += err.problems
    try:
        curated = validate_cities(paths, manifest, docs, taxonomy, units, allow_suggested)
    except InputError as err:
        raise InputError(err.problems + problems) from None
    if allow_suggested:  # a name in a plan under review is a warning; harmonize leaves it out
        curated.preview.warnings += [p for p in problems if p.doc_id in curated.unreviewed_docs]
        problems = [p for p in problems if p.doc_id not in curated.unreviewed_docs]
    raise_if_any(problems)
    return Inputs(manifest, docs, taxonomy, units, curated, references)


def parse_only(paths: ProjectPaths) -> list[Path]:
    """Clause and sentence tables of the texts alone, so a curator can code a new plan's sentences."""
    with reading(paths, "parse"):
        docs = parse_corpus(paths)
    written = [paths.processed / f"{name}.csv" for name in ("clauses", "sentences")]
    with atomic_paths() as reserve:
        for target, df in zip(written, (clauses_table(docs), sentences_table(docs))):
            write_csv(df, target, reserve)
    return written


@collector_paused()
def build(paths: ProjectPaths, allow_suggested: bool = False) -> list[Path]:
    """Validate, then write every processed table and comparison.xlsx: renamed into place together once all
    are written, so a failure (a full disk, Ctrl-C) leaves the previous set whole. A preview prints its
    warnings and what it left out to stderr."""
    inputs = validate(paths, allow_suggested)
    tables = {
        "clauses": clauses_table(inputs.docs),
        "sentences": sentences_table(inputs.docs),
        **harmonize(inputs),
    }
    tables["alignment"] = alignment_table(tables["quantities"], inputs.manifest, inputs.references, inputs.units,
                                          inputs.taxonomy)
    tables["reference_documents"] = reference_documents_table(inputs.references)
    for line in inputs.curated.preview.summary():
        print(line, file=sys.stderr)
    written = []
    with atomic_paths() as reserve:
        for name, df in tables.items():
            target = paths.processed / f"{name}.csv"
            write_csv(df, target, reserve)
            written.append(target)
        readme = paths.processed / "README.md"
        write_text(dictionary.readme(), readme, reserve)
        written.append(readme)
        package = paths.processed / "datapackage.json"
        write_text(datapackage_json(list(tables)), package, reserve)
        written.append(package)
        workbook = paths.tables / "comparison.xlsx"
        write_xlsx({k: v for k, v in tables.items() if k not in ("clauses", "sentences")}, workbook, inputs.taxonomy,
                   reserve)
        written.append(workbook)
    return written
