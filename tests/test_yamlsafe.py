"""The safe YAML reader: libyaml's events build exactly what the Python loader's do; refusals are located."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from treatydiff import yamlsafe
from treatydiff.errors import RegistryError

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = sorted((ROOT / "texts").glob("*.yaml")) + sorted((ROOT / "mappings" / "families").glob("*.yaml"))


KIND = yamlsafe.Kind(
    error=RegistryError, short="manifest", what="manifest", plural="manifests", max_bytes=10_000_000
)
SHIPPED += sorted((ROOT / "mappings").glob("*.yaml"))


def _read(path: Path) -> yamlsafe.Document:
    return yamlsafe.read_document(path, KIND)


class _PythonLoader(yaml.SafeLoader):
    yaml_implicit_resolvers = yamlsafe._Loader.yaml_implicit_resolvers


@pytest.mark.skipif(yamlsafe._Base is yaml.SafeLoader, reason="PyYAML built without libyaml")
@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_libyaml_reads_what_the_python_loader_reads(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fast = _read(path)
    monkeypatch.setattr(yamlsafe, "_Loader", _PythonLoader)
    monkeypatch.setattr(yamlsafe, "_Base", yaml.SafeLoader)
    slow = _read(path)
    assert (fast.data, fast.lines, fast.key_lines) == (slow.data, slow.lines, slow.key_lines)
    assert fast.data, "a shipped file has data"


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
