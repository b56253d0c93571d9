"""Corpus lineage: a provision's closest relatives across every treaty the tool can see.

``build.build_index`` writes one file to the local store with the postings of every
article-level provision (hashed character 5-grams; translation-surviving tokens);
``index.open_index`` maps it; ``query.lineage`` finds a provision's relatives in it,
one per treaty, and ``report`` orders them by date for ``treatydiff lineage``. See
docs/lineage.md.

Modules, lowest first: ``shingles`` and ``storage``, ``index``, ``query`` and ``build``,
``report``.
"""
