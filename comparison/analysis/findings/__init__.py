"""Findings a notebook prints, one module per topic: ``findings(tables, lang) -> str`` computed from the
tables it describes, so the sentences stay true for any set of plans."""
