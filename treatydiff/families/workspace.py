"""The registry seen as families: dossiers, ingested texts, family files, and checking them all."""

from __future__ import annotations

from pathlib import Path

from rapidfuzz import process

from treatydiff.corpus import Registry, default_mappings_dir
from treatydiff.errors import MappingError, RegistryError, UnknownTreaty
from treatydiff.families.check import check_dossier, check_map_locators, load_and_check_family
from treatydiff.families.dossier import load_dossier
from treatydiff.families.load import family_paths, load_family
from treatydiff.families.model import Dossier, Family
from treatydiff.manifest import parse_manifest
from treatydiff.mapping.results import CheckResult, Problem
from treatydiff.model import Treaty

__all__ = ["FAMILY_ORDER", "Workspace", "default_families_dir", "is_family_file"]

FAMILY_ORDER = (
    "mutual-military-assistance", "non-assistance-to-aggressor", "non-use-of-territory",
    "no-hostile-alliances", "consultations-on-threats", "sovereignty-territorial-integrity",
    "unilateral-coercive-measures", "nuclear", "international-organisations", "duration-and-termination",
)  # fmt: skip
"""The shipped families in reading order; others follow by name."""


def default_families_dir() -> Path:
    """The shipped families (``mappings/families``)."""
    return default_mappings_dir() / "families"


def is_manifest_file(path: Path, registry: Registry) -> bool:
    """True when ``path`` is a treaty manifest: a YAML file in ``texts/`` or the store's manifests."""
    folders = {registry.texts_dir.resolve(), registry.store.manifest_dir.resolve()}
    try:
        return path.is_file() and path.suffix == ".yaml" and path.resolve().parent in folders
    except OSError:
        return False


def is_family_file(path: Path) -> bool:
    """True when ``path`` holds a family (its YAML starts a ``treatydiff-family`` document)."""
    try:
        if not path.is_file():  # a FIFO or a device is never read here: the map loader refuses it
            return False
        with path.open("rb") as handle:
            head = handle.read(4000).decode("utf-8", errors="replace")
    except OSError:
        return False
    return any(line.startswith("treatydiff-family:") for line in head.splitlines())


class Workspace:
    """Families, dossiers and texts, found through one registry."""

    def __init__(self, registry: Registry, families_dir: Path | None = None) -> None:
        self.registry = registry
        self.families_dir = families_dir or default_families_dir()
        self._dossiers: dict[str, Dossier] | None = None
        self._texts: dict[str, list[Treaty]] = {}

    def dossiers(self) -> dict[str, Dossier]:
        """The dossier of every manifest that has one, by treaty id."""
        if self._dossiers is None:
            found = {}
            for treaty_id, meta in self.registry.manifests().items():
                if meta.manifest:
                    dossier = load_dossier(Path(meta.manifest))
                    if dossier is not None:
                        found[treaty_id] = dossier
            self._dossiers = found
        return self._dossiers

    def texts(self, treaty_id: str) -> list[Treaty]:
        """Every ingested language version of a treaty, the manifest's languages first."""
        if treaty_id not in self._texts:
            stored = self.registry.store.langs(treaty_id)
            meta = self.registry.manifests().get(treaty_id)
            order = [x for x in (meta.languages if meta else ()) if x in stored]
            order += [x for x in stored if x not in order]
            found = []
            for lang in order:
                try:
                    found.append(self.registry.load(treaty_id, lang))
                except UnknownTreaty:
                    continue
            self._texts[treaty_id] = found
        return self._texts[treaty_id]

    def family_paths(self) -> list[Path]:
        return family_paths(self.families_dir)

    def family(self, name: str) -> Family:
        """The family called ``name`` (or at path ``name``).

        Raises:
            MappingError: no such family (with a did-you-mean hint).
        """
        given = Path(name)
        if given.suffix in (".yaml", ".yml") and given.is_file():
            return load_family(given)
        path = self.families_dir / f"{name}.yaml"
        if path.is_file():
            return load_family(path)
        names = [p.stem for p in self.family_paths()]
        best = process.extractOne(name, names)
        hint = f"did you mean {best[0]}?" if best and best[1] >= 60 else f"families: {', '.join(names)}"
        raise MappingError(f"no family {name!r}", file=self.families_dir, hint=hint)

    def families(self) -> list[Family]:
        """Every family in ``families_dir``, in :data:`FAMILY_ORDER`, then by name."""
        rank = {name: i for i, name in enumerate(FAMILY_ORDER)}
        paths = sorted(self.family_paths(), key=lambda p: (rank.get(p.stem, len(rank)), p.stem))
        return [load_family(path) for path in paths]

    def check_families(self, paths: list[Path] | None = None) -> list[CheckResult]:
        """Check the given family files (default: every shipped one)."""
        known = self.registry.manifests().keys()
        return [
            load_and_check_family(path, known, self.dossiers(), self.texts)
            for path in (self.family_paths() if paths is None else paths)
        ]

    def check_dossiers(self) -> list[CheckResult]:
        """Check every manifest's dossier (schema; article counts against ingested texts)."""
        results = []
        for treaty_id, meta in sorted(self.registry.manifests().items()):
            if meta.manifest:
                result = check_dossier(Path(meta.manifest), meta.expected_articles, self.texts(treaty_id))
                if result is not None:
                    results.append(result)
        return results

    def check_manifests(self, paths: list[Path]) -> list[CheckResult]:
        """Check named manifest files: the manifest itself, then its dossier, as for the registry's."""
        results = []
        for path in paths:
            try:
                meta = parse_manifest(path)
            except RegistryError as error:
                results.append(CheckResult(str(path), (Problem.from_error(error),)))
                continue
            texts = self.texts(meta.id) if self.registry.manifest(meta.id) is not None else []
            checked = check_dossier(path, meta.expected_articles, texts)
            results.append(checked if checked is not None else CheckResult(str(path), ()))
        return results

    def check_locators(self, map_paths: list[Path]) -> list[CheckResult]:
        """Locator problems of clause maps, as results of their own (only for maps that have some)."""
        results = []
        for path in map_paths:
            problems = check_map_locators(path)
            if problems:
                results.append(CheckResult(str(path), tuple(problems)))
        return results
