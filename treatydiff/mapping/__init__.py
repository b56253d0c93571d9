"""Clause alignment maps: load ``mappings/*.yaml``, resolve their refs, check them.

A map is YAML validated against ``treatydiff/schemas/clause-map-1.schema.json``
(published as ``docs/schemas/clause-map-1.schema.json``); the format, the relations
and the coverage rules are described in ``docs/mapping-format.md``. Every problem
is reported with the map file and line, and says how to fix it.

Modules, each importing only those listed after it:

- ``check``: check loaded maps against the texts (``check_map``, ``check_maps``,
  ``check_for_diff``)
- ``load``: read, validate and build one map (``load_map``)
- ``build``: a schema-valid document becomes a ``ClauseMap`` (``split_key``)
- ``schema``: JSON Schema validation, errors translated to file:line (``load_schema``)
- ``coverage``: how much of a treaty the links cover
- ``refs``: ids and ranges resolved against a treaty body (``expand_refs``)
- ``yaml_source``: safe YAML with the line of every value
- ``results``: ``Problem``, ``Coverage``, ``CheckResult``
- ``wording``: shared phrasing of problems and hints
"""

from treatydiff.mapping.build import split_key
from treatydiff.mapping.check import BodyProvider, check_for_diff, check_map, check_maps
from treatydiff.mapping.load import load_map
from treatydiff.mapping.refs import expand_refs
from treatydiff.mapping.results import CheckResult, Coverage, Problem, Severity
from treatydiff.mapping.schema import FORMAT_VERSION, load_schema

__all__ = [
    "FORMAT_VERSION",
    "BodyProvider",
    "CheckResult",
    "Coverage",
    "Problem",
    "Severity",
    "check_for_diff",
    "check_map",
    "check_maps",
    "expand_refs",
    "load_map",
    "load_schema",
    "split_key",
]
