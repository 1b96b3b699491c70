"""citycompare: compare Chinese city green-economy and pollution–carbon synergy plans.

The subpackages follow the data: ``text`` (raw plan texts → parsed documents) → ``curation``
(codebook and curated workbooks, validated against the texts) → ``tables`` (harmonized tidy tables and
exports) → ``analysis`` (comparisons) → ``figures``; ``newplan`` suggests rows for a new plan.
At the top: ``paths`` and ``problems`` (used by every layer), ``pipeline`` (validate, build),
``api`` (``load`` for notebooks), ``report`` and ``cli``. A test keeps imports flowing one way.
"""
__version__ = "0.1.0"


def __getattr__(name):
    # comparison.load without importing pandas at ``import comparison``.
    if name == "load":
        from comparison.api import load
        return load
    raise AttributeError(f"module 'comparison' has no attribute {name!r}")
