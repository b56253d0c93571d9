"""Property tests over the store: ingest / replace / corrupt / read sequences (synthetic texts).

Whatever the sequence, no ingested version is ever lost, every intact version reads
back exactly as stored, and no corrupted version is ever reported as valid.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from treatydiff.errors import StoreError
from treatydiff.model import Body, Provenance, Provision, Span
from treatydiff.store import Store, source_sha256

PROVENANCE = Provenance(
    file="/tmp/x.txt", sha256="0" * 64, ingested_at="2026-11-25T00:00:00+00:00", parser="text"
)
WORDS = st.lists(
    st.sampled_from(["parties", "shall", "meet", "trade", "goods", "may", "leave"]), min_size=1, max_size=6
)


def make_body(lang: str, articles: list[list[str]]) -> Body:
    """A synthetic body: one article per word list, with exact spans."""
    source, provisions = "", []
    for number, words in enumerate(articles, start=1):
        chunk = f"Article {number}\nThe {' '.join(words)}.\n"
        start = len(source)
        source += chunk
        provisions.append(
            Provision(
                f"art-{number}", "article", f"Article {number}", chunk, Span(start, len(source)), str(number)
            )
        )
    return Body(lang=lang, source_text=source, provisions=tuple(provisions), title=None)


def _mutate(raw: bytes, kind: str, position: int, value: int) -> bytes:
    if kind == "flip":
        index = position % len(raw)
        return raw[:index] + bytes([raw[index] ^ (value % 255 + 1)]) + raw[index + 1 :]
    if kind == "truncate":
        return raw[: position % len(raw)]
    data: Any = json.loads(raw)
    if kind == "text":
        data["source_text"] = data["source_text"].replace("The", "No", 1)
    elif kind == "span":
        data["provisions"][0]["span"] = [0, value + 10_000]
    elif kind == "null":
        data = None
    elif kind == "label":
        data["provisions"][-1]["label"] += "!"
    return json.dumps(data).encode()


def _parsed(raw: bytes) -> Any:
    try:
        return json.loads(raw)
    except ValueError:
        return object()  # unreadable: equal to nothing


class StoreMachine(RuleBasedStateMachine):
    """The store against a model of what each version should read as."""

    @initialize()
    def start(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="treatydiff-store-"))
        self.store = Store(self.folder)
        self.bodies: dict[tuple[str, str], Body] = {}  # (lang, sha) → the body stored
        self.current: dict[str, str] = {}
        self.pristine: dict[tuple[str, str], Any] = {}  # (lang, sha) → the document as written

    def teardown(self) -> None:
        shutil.rmtree(getattr(self, "folder", ""), ignore_errors=True)

    @rule(lang=st.sampled_from(["en", "fr"]), articles=st.lists(WORDS, min_size=1, max_size=3))
    def ingest(self, lang: str, articles: list[list[str]]) -> None:
        body = make_body(lang, articles)
        sha = source_sha256(body.source_text)
        saved = self.store.save_body("demo", body, PROVENANCE)
        assert saved.version.sha256 == sha
        assert saved.unchanged == (self.current.get(lang) == sha)
        self.bodies[(lang, sha)] = body
        self.current[lang] = sha
        self.pristine[(lang, sha)] = json.loads(saved.version.path.read_bytes())

    def is_corrupt(self, lang: str, sha: str | None) -> bool:
        """Whether the file of a version no longer holds the document written (bytes may differ)."""
        [path] = self.folder.glob(f"bodies/demo/{lang}/*-{sha}.json")
        return bool(_parsed(path.read_bytes()) != self.pristine[(lang, str(sha))])

    @rule(
        data=st.data(),
        kind=st.sampled_from(["flip", "truncate", "text", "span", "null", "label"]),
        position=st.integers(0, 10_000),
        value=st.integers(0, 1000),
    )
    def corrupt_a_file(self, data: st.DataObject, kind: str, position: int, value: int) -> None:
        files = sorted(self.folder.rglob("*.json"))
        if not files:
            return
        path = data.draw(st.sampled_from(files))
        raw = path.read_bytes()
        if kind not in ("flip", "truncate") and not isinstance(_parsed(raw), dict):
            return
        path.write_bytes(_mutate(raw, kind, position, value))

    @invariant()
    def no_version_is_lost(self) -> None:
        if not hasattr(self, "store"):
            return
        for lang in ("en", "fr"):
            stored = {v.sha256 for v in self.store.versions("demo", lang)}
            expected = {sha for (code, sha) in self.bodies if code == lang}
            assert stored == expected

    @invariant()
    def every_version_reads_as_stored_or_is_refused(self) -> None:
        if not hasattr(self, "store"):
            return
        for (lang, sha), body in self.bodies.items():
            if self.is_corrupt(lang, sha):
                try:
                    self.store.load_body("demo", lang, sha)
                except StoreError:
                    continue
                raise AssertionError(f"a corrupt version of {lang} was read as valid")
            assert self.store.load_body("demo", lang, sha) == (body, PROVENANCE)

    @invariant()
    def current_is_the_newest_and_history_marks_the_broken(self) -> None:
        if not hasattr(self, "store"):
            return
        for lang, sha in self.current.items():
            history = self.store.history("demo", lang)
            assert history[-1].current and history[-1].version.sha256 == sha
            for info in history:
                broken = self.is_corrupt(lang, info.version.sha256)
                assert (info.error is not None) == broken
                assert (info.provenance is None) == broken
            if self.is_corrupt(lang, sha):
                try:
                    self.store.load_body("demo", lang)
                except StoreError:
                    continue
                raise AssertionError("a corrupt current version was read as valid")
            assert self.store.load_body("demo", lang) == (self.bodies[(lang, sha)], PROVENANCE)


StoreMachine.TestCase.settings = settings(
    max_examples=40, stateful_step_count=12, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
TestStoreSequences = StoreMachine.TestCase
