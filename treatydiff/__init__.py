"""treatydiff: compare treaties clause by clause.

The library's verbs are re-exported here as they land; everything else is internal.
"""

__version__ = "0.1.0"
