"""Raw text layer: the manifest and plan texts in, parsed documents out.

Receives ``data/raw/plans.csv`` and ``data/raw/texts/*.txt`` (or a file a user hands in); hands on
cleaned text with a map back to raw offsets, sections, clauses, sentences and responsible units, and
the grammar that reads numbers, years and comparators in Chinese plan sentences. Knows nothing of
workbooks or the codebook.
"""
