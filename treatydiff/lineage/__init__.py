"""Corpus lineage: a provision's closest relatives across every treaty the tool can see.

``index.build_index`` writes one file to the local store with the postings of every
article-level provision (hashed character 5-grams; translation-surviving tokens);
``query.lineage`` finds a provision's relatives in it, one per treaty, and
``report`` orders them by date for ``treatydiff lineage``. See docs/lineage.md.

Modules, lowest first: ``shingles`` and ``storage``, ``index``, ``query``, ``report``.
"""
