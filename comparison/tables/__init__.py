"""Tables layer: validated curated rows in, tidy harmonized tables and their exports out.

Receives the curation layer's rows, codebook and units; hands on the tables of ``data/processed/``
(canonical units, codebook labels, the wide comparison), their data dictionary, the
``comparison.xlsx`` export, and the atomic, formula-safe file writers every later layer uses.
"""
