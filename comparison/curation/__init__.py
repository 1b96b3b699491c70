"""Curation layer: the codebook and the curated city workbooks, checked against the parsed texts.

Receives ``data/raw/taxonomy.xlsx`` and ``data/raw/cities/*.xlsx`` plus the text layer's parsed
documents; hands on validated curated rows (or every problem found, with file, sheet, row, column and
fix) and the unit registry built from the codebook. Never writes a file.
"""
