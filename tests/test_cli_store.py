"""The store through the command line: all-or-nothing ingest, versions, broken entries that brick nothing."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from treatydiff.cli import main

# synthetic: two short agreements written for these tests, in English and in Russian
ENGLISH = """Agreement on Synthetic Storage

Article 1
1. The Parties shall keep every version.
2. Each Party may read them.

Article 2
This Agreement enters into force on signature.
"""
RUSSIAN = """Соглашение о синтетическом хранении

Статья 1
1. Стороны сохраняют каждую версию.
2. Каждая Сторона может их читать.

Статья 2
Настоящее Соглашение вступает в силу с даты подписания.
"""


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("TREATYDIFF_STORE", str(tmp_path / "store"))
    monkeypatch.delenv("TREATYDIFF_TEXTS", raising=False)
    monkeypatch.delenv("TREATYDIFF_TOTA_DIR", raising=False)
    (tmp_path / "en.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "ru.txt").write_text(RUSSIAN, encoding="utf-8")
    return tmp_path


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _error(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: ") and "Traceback" not in err, err
    return lines[0]


def _files(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*")) if root.exists() else []


@pytest.mark.parametrize("lang", ["EN", "en-US", "english", "xx", "../../x"])
def test_a_bad_lang_exits_2_and_leaves_nothing(
    env: Path, capsys: pytest.CaptureFixture[str], lang: str
) -> None:
    code, _, err = _run(capsys, "ingest", "demo", str(env / "en.txt"), "--lang", lang)
    assert code == 2
    assert re.search(r"not a language code|unknown language code", _error(err))
    assert _files(env / "store") == []
    code, _, err = _run(capsys, "list")
    assert code == 0 and "demo" not in err


def test_a_manifest_that_cannot_be_written_takes_the_body_back_out(
    env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (env / "store").mkdir()
    (env / "store" / "manifests").write_text("not a folder", encoding="utf-8")  # like a full disk
    code, _, err = _run(capsys, "ingest", "demo", str(env / "en.txt"), "--lang", "en")
    assert code == 2 and "cannot write" in _error(err)
    assert _files(env / "store") == ["manifests"]


def test_replacing_keeps_the_previous_version(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = env / "en.txt"
    assert _run(capsys, "ingest", "demo", str(source), "--lang", "en")[0] == 0
    source.write_text(ENGLISH.replace("read them", "cite them"), encoding="utf-8")
    code, _, err = _run(capsys, "ingest", "demo", str(source), "--lang", "en")
    assert code == 0
    assert re.search(r"replaced demo \(en\) v1 \([0-9a-f]{12}\) as the current text \(previous kept", err)
    code, out, _ = _run(capsys, "show", "demo:art-1.2")
    assert code == 0 and "cite them" in out
    code, out, _ = _run(capsys, "show", "demo:art-1.2", "--version", "1")
    assert code == 0 and "read them" in out
    code, out, _ = _run(capsys, "show", "demo", "--history")
    assert code == 0
    assert re.search(
        r"demo en v1 \([0-9a-f]{12}\) +\S+ text .*en\.txt\ndemo en v2 \([0-9a-f]{12}\) current", out
    )
    code, out, _ = _run(capsys, "list")
    assert code == 0 and "en (2 versions)" in out
    code, _, err = _run(capsys, "ingest", "demo", str(source), "--lang", "en")
    assert code == 0 and "same text as the current version v2" in err
    code, _, err = _run(capsys, "show", "demo", "--version", "9")
    assert code == 2 and "names no stored version" in _error(err)


def test_a_script_that_contradicts_lang_is_refused_unless_forced(
    env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = _run(capsys, "ingest", "demo", str(env / "ru.txt"), "--lang", "en")
    assert code == 2
    assert "--lang en contradicts the text: the text is 100% Cyrillic script" in _error(err)
    assert _files(env / "store") == []
    code, _, err = _run(capsys, "ingest", "demo", str(env / "ru.txt"), "--lang", "en", "--force")
    assert code == 0, err


def test_ingest_sets_a_new_treatys_metadata_and_adds_each_language(
    env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = _run(
        capsys,
        "ingest", "demo", str(env / "en.txt"), "--lang", "en", "--title", "Storage Agreement",
        "--signed", "2024-05-06", "--place", "Nowhere", "--party", "rus", "--party", "BLR",
    )  # fmt: skip
    assert code == 0, err
    code, _, err = _run(capsys, "ingest", "demo", str(env / "ru.txt"), "--lang", "ru")
    assert code == 0 and "updated the manifest" in err
    code, out, _ = _run(capsys, "show", "demo", "--format", "json")
    assert code == 0
    treaty = json.loads(out)["treaty"]
    assert treaty["titles"] == {"en": "Storage Agreement", "ru": "Соглашение о синтетическом хранении"}
    assert treaty["parties"] == ["RUS", "BLR"] and treaty["signed_date"] == "2024-05-06"
    code, out, _ = _run(capsys, "list")
    assert "Storage Agreement" in out and "2024-05-06" in out and "RUS BLR" in out and "en, ru" in out
    manifest = (env / "store" / "manifests" / "demo.yaml").read_text(encoding="utf-8")
    assert "ru: Соглашение о синтетическом хранении" in manifest and "place: Nowhere" in manifest
    code, _, err = _run(
        capsys, "ingest", "demo", str(env / "en.txt"), "--lang", "en", "--signed", "2024-13-01"
    )
    assert code == 2 and "is not a date" in _error(err)


@pytest.mark.parametrize(
    "manifest",
    [
        "id: demo\ntitles: {en: A}\nexpected: {articles: .inf}\n",
        "id: demo\ntitles: {en: A}\nn0: &a [x, x]\nn1: [*a, *a, *a]\n",
        "id: demo\ntitles: {en: A}\nparties: !!python/object/apply:os.system [echo]\n",
        "id: demo\n\tbroken: [\n",
        "\x00\x01",
    ],
    ids=["inf", "alias", "tag", "syntax", "binary"],
)
def test_a_broken_manifest_bricks_nothing_else(
    env: Path, capsys: pytest.CaptureFixture[str], manifest: str
) -> None:
    assert _run(capsys, "ingest", "other", str(env / "en.txt"), "--lang", "en")[0] == 0
    broken = env / "store" / "manifests" / "demo.yaml"
    broken.write_text(manifest, encoding="utf-8")
    code, out, err = _run(capsys, "list")
    assert code == 0 and "other" in out and "un-charter" in out
    assert f"warning: {broken}" in err
    assert _run(capsys, "show", "other")[0] == 0
    code, _, err = _run(capsys, "show", "demo")
    assert code == 2 and _error(err).startswith(f"error: {broken}")
    code, _, err = _run(capsys, "ingest", "demo", str(env / "en.txt"), "--lang", "en")
    assert code == 2 and "--force" in _error(err)
    code, _, err = _run(capsys, "ingest", "demo", str(env / "en.txt"), "--lang", "en", "--force")
    assert code == 0, err
    assert _run(capsys, "show", "demo")[0] == 0


@pytest.mark.corpus
def test_a_broken_entry_leaves_tota_readable(
    env: Path, capsys: pytest.CaptureFixture[str], corpus_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TREATYDIFF_TOTA_DIR", str(corpus_dir / "tota"))
    (env / "store" / "manifests").mkdir(parents=True)
    (env / "store" / "manifests" / "demo.yaml").write_text("id: demo\n", encoding="utf-8")
    assert _run(capsys, "show", "tota:420:art-1")[0] == 0
    assert _run(capsys, "diff", "tota:420", "tota:423", "--format", "json")[0] == 0


def test_a_corrupt_body_is_named_by_list_and_show(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(capsys, "ingest", "demo", str(env / "en.txt"), "--lang", "en")[0] == 0
    assert _run(capsys, "ingest", "other", str(env / "en.txt"), "--lang", "en")[0] == 0
    [body] = (env / "store" / "bodies" / "demo" / "en").glob("*.json")
    document = json.loads(body.read_text(encoding="utf-8"))
    document["source_text"] = document["source_text"].replace("every", "no")
    body.write_text(json.dumps(document), encoding="utf-8")
    code, _, err = _run(capsys, "show", "demo")
    line = _error(err)
    assert code == 2 and line.startswith(f"error: {body}: stored en text of demo, v1")
    assert "does not match its SHA-256 checksum" in line and "treatydiff ingest demo FILE --lang en" in line
    code, out, err = _run(capsys, "list")
    assert code == 0 and "en: broken" in out and f"warning: {body}" in err
    assert _run(capsys, "show", "other")[0] == 0
    code, out, _ = _run(capsys, "show", "demo", "--history")
    assert code == 0 and "BROKEN" in out
    assert _run(capsys, "ingest", "demo", str(env / "en.txt"), "--lang", "en")[0] == 0  # re-ingest repairs it
    assert _run(capsys, "show", "demo")[0] == 0


def test_a_file_name_that_is_not_utf8_is_stored_and_shown_escaped(
    env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    odd = Path(os.fsdecode(bytes(env) + b"/bad\xff\nname.txt"))
    odd.write_text(ENGLISH, encoding="utf-8")
    code, _, err = _run(capsys, "ingest", "demo", str(odd), "--lang", "en")
    assert code == 0, err
    code, out, _ = _run(capsys, "show", "demo", "--history")
    assert code == 0 and "bad\\xff\\nname.txt" in out and out.count("\n") == 1
    assert _run(capsys, "show", "demo")[0] == 0
