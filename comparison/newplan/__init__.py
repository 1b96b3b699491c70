"""New-plan layer: a plan text a user hands in, suggested curation rows out.

Receives a raw plan text, the codebook and the curated plans (as training data for the coder);
hands on suggested quantities, ignored numbers, section pillars and sentence codes
(``python -m comparison extract``), and ``new-plan``, the only code that writes under ``data/raw/``.
"""
