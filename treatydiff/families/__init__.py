"""The focus pacts: sourced treaty dossiers, N-way clause families, their resolution and annex.

A *dossier* is the sourced detail of a registry manifest (``texts/<id>.yaml``, key
``dossier``): every fact with its versions, sources and confidence, an article outline,
relations to other treaties and open contradictions (docs/manifest-format.md). A
*family* (``mappings/families/*.yaml``) groups the corresponding provisions of several
treaties on one subject; a member whose article no source states is *unresolved* and
carries a locator instead (docs/family-format.md).

Modules, each importing only those listed after it (this file imports none of them,
so renderers can read :mod:`treatydiff.families.model` alone):

- ``resolve``: propose provisions for unresolved members from ingested texts; write the choice
- ``annex``: the report model of ``treatydiff family`` and ``treatydiff annex``
- ``check``: families against manifests and ingested texts
- ``load``: read and validate family files; ``dossier``: read manifests' dossiers
- ``schema``: JSON Schema validation with file:line errors
- ``model``: frozen data types, read by the renderers
"""
