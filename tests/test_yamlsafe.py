"""The alias-free YAML reader: libyaml's fast path reads exactly what the Python loader reads."""

from __future__ import annotations

from pathlib import Path

import pytest

from treatydiff import yamlsafe
from treatydiff.errors import RegistryError

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = sorted((ROOT / "texts").glob("*.yaml")) + sorted((ROOT / "mappings" / "families").glob("*.yaml"))


def _read(path: Path) -> yamlsafe.Document:
    return yamlsafe.read_yaml(path, error=RegistryError, max_bytes=10_000_000, what="manifest")


@pytest.mark.skipif(yamlsafe._CLOADER_BASE is None, reason="PyYAML built without libyaml")
@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_fast_path_reads_what_the_python_loader_reads(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fast_node = yamlsafe._fast_node(path.read_text(encoding="utf-8"))
    assert fast_node is not None, "a plain shipped file takes the fast path"
    fast = _read(path)
    monkeypatch.setattr(yamlsafe, "_CLOADER_BASE", None)
    slow = _read(path)
    assert (fast.data, fast.lines, fast.key_lines) == (slow.data, slow.lines, slow.key_lines)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a: &x [1]\nb: *x\n", "anchors and aliases"),
        ("a: !!python/object:os.system [1]\n", "YAML tags are not allowed"),
        ("a: 1\na: 2\n", "duplicate key 'a'"),
        ("a: [1\n", "YAML syntax error"),
    ],
)
def test_refusals_keep_their_located_message(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "m.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RegistryError) as caught:
        _read(path)
    assert message in caught.value.message
    assert caught.value.line is not None
