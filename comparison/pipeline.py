"""The build: parse the corpus, validate the curated data, harmonize, write the processed tables."""
from __future__ import annotations

from pathlib import Path

from .atomic import write_csv
from .documents import clauses_table, parse_corpus, sentences_table
from .paths import ProjectPaths


def validate(paths: ProjectPaths):
    """Every check on the raw inputs; raises InputError listing all problems. Writes nothing."""
    return parse_corpus(paths)


def build(paths: ProjectPaths, allow_suggested: bool = False) -> list[Path]:
    """Validate, then write every processed table (each atomically)."""
    docs = validate(paths)
    tables = {
        "clauses": clauses_table(docs),
        "sentences": sentences_table(docs),
    }
    written = []
    for name, df in tables.items():
        target = paths.processed / f"{name}.csv"
        write_csv(df, target)
        written.append(target)
    return written
