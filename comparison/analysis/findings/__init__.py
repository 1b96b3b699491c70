"""Findings: what each notebook says about the loaded plans, computed from the tables, in Chinese or English.

A notebook's prose must stay true for any set of plans (five seed plans, a ``docs`` subset, 300 plans), so
every claim it makes (a count, a leader, an agreement, a caveat) is computed here from the tables that
``comparison.api.load`` returns, with ties, empty cases and small numbers said as they are.

The interface, the same for every topic (one module per notebook; the notebooks and the HTML report call it)::

    from comparison.analysis.findings import targets
    found = targets.findings(t, "en")     # a Findings: a list of Finding, in the notebook's order
    found.markdown()                      # Markdown paragraphs (a notebook cell shows it as Markdown)
    found.html()                          # the same as HTML paragraphs, for a report page
    found["shared"].values                # the numbers behind one finding, by its key

``findings(t, lang=None, …)`` takes the loaded tables and the language of the text ("zh" or "en"; default
the tables' own), and the notebook's parameters as keywords (e.g. ``B`` and ``seed`` for clustering).
Expensive results a notebook has already computed (the bootstrap, k-means) can be passed in through
``results=`` so they are not computed twice. Each ``Finding`` has a stable ``key``, its ``text`` (one
paragraph of Markdown: plain text with ``**bold**`` and ``*italic*`` only), ``values`` (the numbers and
ids behind the text, plain JSON types) and ``caveat`` (True for a warning about what the data can support).

Topics (``TOPICS`` maps each notebook to its module): overview, targets, priorities, clustering,
similarity, responsibility, alignment. The modules are imported on first use, so a notebook pays only for its own.
"""
from __future__ import annotations

import importlib

from comparison.analysis.findings.base import Finding, Findings

TOPICS = {"01_corpus_overview": "overview", "02_targets": "targets", "03_priorities": "priorities",
          "04_clustering": "clustering", "05_similarity": "similarity", "06_responsibility": "responsibility",
          "07_alignment": "alignment"}


def for_notebook(notebook: str, t, lang: str | None = None, **params) -> Findings:
    """The findings of one notebook (its stem, e.g. "02_targets") on the loaded tables."""
    if notebook not in TOPICS:
        raise ValueError(f"no findings for notebook {notebook!r}; known: {', '.join(TOPICS)}")
    module = importlib.import_module(f"comparison.analysis.findings.{TOPICS[notebook]}")
    return module.findings(t, lang, **params)


__all__ = ["Finding", "Findings", "TOPICS", "for_notebook"]
