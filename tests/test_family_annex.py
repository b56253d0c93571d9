"""`treatydiff family` and `treatydiff annex` on what ships: offline, every cell honest about its origin."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from treatydiff.cli import main
from treatydiff.corpus import Registry
from treatydiff.families.annex import build_annex, curated_obligations
from treatydiff.families.model import Profile
from treatydiff.families.workspace import FAMILY_ORDER, Workspace
from treatydiff.obligations.changes import compare_obligations
from treatydiff.render.family_html import render_family_annex
from treatydiff.store import Store

FOCUS = (
    "ir-ru-1921",
    "su-kp-1961",
    "ru-by-1999",
    "ru-kp-2000",
    "ir-ru-2001",
    "ru-kp-2024",
    "ru-by-2024",
    "ir-ru-2025",
)


@pytest.fixture
def store(tmp_path: Path) -> Path:
    return tmp_path / "store"


def test_annex_all_is_written_offline_from_what_ships(
    tmp_path: Path, store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out" / "focus-pacts.html"
    assert main(["annex", "--all", "--out", str(out), "--store", str(store)]) == 0
    assert "10 families" in capsys.readouterr().err
    page = out.read_text(encoding="utf-8")
    assert "<script" not in page and "http-equiv" not in page and not re.search(r'(src|href)="https?:', page)
    timeline = page[page.index('id="timeline"') : page.index('id="family-')]
    assert re.findall(r'id="treaty-([a-z0-9-]+)"', timeline) == list(FOCUS)
    # a relation to a treaty the registry does not hold says what it is, not a bare kind
    assert 'replaces <span class="other">Cancels the Tsarist-era treaties' in timeline
    sections = re.findall(r'<section class="family" id="family-([a-z-]+)"', page)
    assert sections == list(FAMILY_ORDER)
    assert page.count("text not loaded — <code>treatydiff ingest") == 52  # every cell of the ten families
    for contradiction in ("ir-ru-2025-entry-into-force", "ru-by-2024-place", "ir-ru-2001-signing-date"):
        assert f'id="{contradiction}"' in page


def test_family_json_lists_members_in_date_order(store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["family", "mutual-military-assistance", "--format", "json", "--store", str(store)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["schema"] == "treatydiff.family/1"
    signed = [cell["signed"] for cell in data["cells"]]
    assert signed == sorted(signed)
    by_id = {cell["member"]["id"]: cell for cell in data["cells"]}
    assert by_id["ru-kp-2024"]["label"] == "Article 4" and by_id["ru-kp-2024"]["origin"] == "sources"
    changes = {c["against"]: c for c in by_id["ru-kp-2024"]["changes"]}
    assert changes["ru-kp-2000"]["kinds"] == ["added"]
    assert changes["su-kp-1961"]["kinds"] == ["unchanged"]
    assert changes["ir-ru-2025"]["kinds"] == ["reversed", "bearer-changed"]
    assert changes["ir-ru-2025"]["summary"].startswith("reversed: must give the aggressor no military")
    assert "(against ir-ru-2025)" in by_id["ru-kp-2024"]["profile_change"]
    assert by_id["ir-ru-2001"]["label"] == "article not stated by any source"
    assert by_id["ir-ru-2001"]["ingest_hint"] == "treatydiff ingest ir-ru-2001 FILE --lang ru"
    # no source names the 2000 treaty's languages: a placeholder, not a code the store would refuse
    assert by_id["ru-kp-2000"]["ingest_hint"] == "treatydiff ingest ru-kp-2000 FILE --lang LANG"


def test_unknown_family_is_one_line_with_a_suggestion(
    store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["family", "mutual-assistance", "--store", str(store)]) == 2
    assert "did you mean mutual-military-assistance?" in capsys.readouterr().err


def test_annex_needs_families_or_all(tmp_path: Path, store: Path) -> None:
    assert main(["annex", "--out", str(tmp_path / "a.html"), "--store", str(store)]) == 2


def _profile(modality: str, bearer: str | None = "each party", trigger: str | None = None) -> Profile:
    return Profile(modality=modality, action="act as the test says", bearer=bearer, trigger=trigger)


# (before, after, kinds the obligations classifier gives): curated profiles go through
# treatydiff.obligations.changes like texts do, bearer and trigger included
@pytest.mark.parametrize(
    ("before", "after", "kinds"),
    [
        pytest.param(_profile("prohibition"), _profile("obligation"), ("reversed",), id="reversed"),
        pytest.param(_profile("obligation"), _profile("aspiration"), ("weakened",), id="weakened"),
        pytest.param(_profile("permission"), _profile("obligation"), ("strengthened",), id="strengthened"),
        pytest.param(
            _profile("permission", "Russia"),
            _profile("prohibition", "the other party"),
            ("reversed", "bearer-changed"),
            id="permission-to-prohibition-other-bearer",
        ),
        pytest.param(_profile("absent", None), _profile("obligation"), ("added",), id="added"),
        pytest.param(_profile("obligation"), _profile("absent", None), ("dropped",), id="dropped"),
        pytest.param(
            _profile("obligation", "both parties"), _profile("obligation"), ("unchanged",), id="same"
        ),
        pytest.param(
            _profile("obligation"),
            _profile("obligation", trigger="an attack"),
            ("condition-added",),
            id="trigger",
        ),
        pytest.param(
            _profile("obligation", trigger="an attack"),
            _profile("obligation", trigger="armed aggression"),  # curated triggers are paraphrases
            ("unchanged",),
            id="paraphrased-trigger",
        ),
    ],
)
def test_member_changes_come_from_the_obligations_classifier(
    before: Profile, after: Profile, kinds: tuple[str, ...]
) -> None:
    left, right = curated_obligations("x-1#a", before), curated_obligations("x-2#b", after)
    assert compare_obligations([left], [right]).kinds == kinds


def test_shipped_permission_to_prohibition_is_not_strengthened(
    store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """1921 Art. 6 (Russia may send troops) → 2001 (the other party gives the aggressor no aid)."""
    assert main(["family", "mutual-military-assistance", "--format", "json", "--store", str(store)]) == 0
    by_id = {cell["member"]["id"]: cell for cell in json.loads(capsys.readouterr().out)["cells"]}
    for member in ("ir-ru-2001", "ir-ru-2025"):
        (change,) = [c for c in by_id[member]["changes"] if c["against"] == "ir-ru-1921"]
        assert change["kinds"] == ["reversed", "bearer-changed"] and "strengthened" not in change["summary"]
        assert change["summary"].startswith("reversed: may send troops into Persia")
        assert change["summary"].endswith("bearer changed: Russia → the other party")


def test_everything_in_the_annex_is_escaped(tmp_path: Path) -> None:
    families = tmp_path / "families"
    families.mkdir()
    (families / "x.yaml").write_text(
        "treatydiff-family: 1\nname: x\ntitle: '<b>bold</b>'\nsubject: x\nauthors: [a]\nstatus: draft\n"
        "note: '<script>alert(1)</script>'\nmembers:\n- treaty: ir-ru-2025\n  ref: art-3.3\n"
        "  summary: '\"quoted\" & <i>'\n  evidence: ['<img src=x>']\n  confidence: high\n",
        encoding="utf-8",
    )
    workspace = Workspace(Registry(store=Store(tmp_path / "s")), families)
    page = render_family_annex(build_annex(workspace, workspace.families()))
    assert "<script>alert" not in page and "<img src=x>" not in page and "<b>bold" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "&lt;img src=x&gt;" in page


def test_family_in_the_terminal(store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["family", "non-assistance-to-aggressor", "--store", str(store)]) == 0
    out = capsys.readouterr().out
    titles = [out.index(f"{treaty} · signed") for treaty in ("ru-kp-2000", "ir-ru-2001", "ir-ru-2025")]
    assert titles == sorted(titles)  # panels in date order
    assert "Article 3(3)  [resolved] art-3.3" in out and out.count("[unresolved]") == 2
    assert "text not loaded — `treatydiff ingest ir-ru-2001 FILE --lang ru`" in out
