"""Hostile input handled by other parts (issue 7, items 1–4, 6 and 8): --out, the store,
the terminal, the parsers.

# synthetic: every text, map and stored file here is written by the test.

No case is marked xfail: a bug found here is fixed, or its case fails the run.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest
from hostile_cli import (
    CONTROL_PAYLOADS,
    DEMO_A,
    DEMO_B,
    MAP_HEADER,
    RAW_CONTROLS,
    Run,
    Sandbox,
    changed_within,
    no_crash,
    refused,
)

# --- 1. --out writes only what it should ------------------------------------------------


def test_out_never_replaces_a_file_treatydiff_did_not_write(demo: Sandbox) -> None:
    thesis = demo.write("thesis.tex", "my thesis\n")
    run = demo.run("diff", "demo-a", "demo-b", "--format", "html", "--out", thesis)
    refused(run, "thesis.tex", "--force")
    assert thesis.read_text() == "my thesis\n"


def test_out_never_writes_inside_the_store(demo: Sandbox) -> None:
    body = demo.store / "bodies" / "demo-a" / "en.json"
    run = demo.run("diff", "demo-a", "demo-b", "--format", "html", "--out", body)
    refused(run, "en.json")


def test_out_to_a_fifo_nobody_reads_is_refused_not_waited_on(demo: Sandbox) -> None:
    fifo = demo.root / "pipe.html"
    os.mkfifo(fifo)
    refused(demo.run("diff", "demo-a", "demo-b", "--format", "html", "--out", fifo, timeout=30), "pipe.html")
    assert fifo.is_fifo()


def test_out_to_a_fifo_with_a_reader_writes_through_never_replaces(demo: Sandbox) -> None:
    fifo = demo.root / "pipe.html"
    os.mkfifo(fifo)
    inode = fifo.stat().st_ino
    reader = subprocess.Popen(["cat", fifo], stdout=subprocess.PIPE)
    try:
        run = demo.run("diff", "demo-a", "demo-b", "--format", "html", "--out", fifo, timeout=30)
        received, _ = reader.communicate(timeout=30)
    finally:
        reader.kill()
        reader.wait()
    assert run.code == 0, run.err
    assert received.rstrip().endswith(b"</html>")
    assert fifo.is_fifo() and fifo.stat().st_ino == inode  # written through, not replaced
    changed_within(run, {"pipe.html"})  # only the FIFO's time stamp


def test_out_writes_only_the_report(demo: Sandbox) -> None:
    run = demo.run("diff", "demo-a", "demo-b", "--format", "html", "--out", "annex.html")
    assert run.code == 0, run.err
    changed_within(run, {"annex.html", "store/outputs.json"})  # the store's list of what it wrote


# --- 2 and 3. a bad entry never bricks the store; stored data is verified ----------------


@pytest.mark.parametrize("lang", ["EN", "en-US", "english"])
def test_a_refused_ingest_leaves_nothing_behind(sandbox: Sandbox, lang: str) -> None:
    text = sandbox.write("t.txt", "Article 1\nThe Parties shall cooperate.\n")
    refused(sandbox.run("ingest", "demo", text, "--lang", lang))
    listed = sandbox.run("list")
    assert listed.code == 0, listed.err


CORRUPT_DOCUMENTS = [
    pytest.param("null", id="null"),
    pytest.param("[]", id="list"),
    pytest.param('"body"', id="string"),
    pytest.param("[" * 100_000 + "]" * 100_000, id="deep"),
    pytest.param(
        '{"format": "treatydiff.body/2", "provisions": ' + "[" * 5_000 + "]" * 5_000 + "}", id="deep-field"
    ),
    pytest.param('{"format": "treatydiff.body/2"', id="truncated"),
]


def _refused_naming(run: Run, path: Path) -> None:
    line = refused(run, path.name)
    assert "ingest" in line, line  # says how to repair it
    assert "synthetic" not in run.out, run.out  # nothing of the corrupt body is shown


@pytest.mark.parametrize("document", CORRUPT_DOCUMENTS)
def test_a_corrupt_current_version_is_one_line_naming_it(demo: Sandbox, document: str) -> None:
    current = demo.current("demo-a")
    current.write_text(document, encoding="utf-8")
    _refused_naming(demo.run("show", "demo-a"), current)
    _refused_naming(demo.run("diff", "demo-a", "demo-b"), current)


def test_a_corrupt_current_version_bricks_nothing_and_loses_no_version(demo: Sandbox) -> None:
    older = demo.current("demo-a")
    edited = demo.write("demo-a.txt", DEMO_A.replace("publish", "print"))
    assert demo.run("ingest", "demo-a", edited, "--lang", "en").code == 0
    current = demo.current("demo-a")
    assert current != older
    kept = older.read_bytes()
    current.write_text("null", encoding="utf-8")
    listed = demo.run("list")
    assert listed.code == 0 and "broken" in listed.out, listed.out + listed.err
    assert demo.run("show", "demo-b").code == 0  # every other entry keeps working
    shown = demo.run("show", "demo-a", "--version", "1")
    assert shown.code == 0 and "publish" in shown.out, shown.err  # the older version is intact
    history = demo.run("show", "demo-a", "--history")
    assert history.code == 0 and "BROKEN" in history.out and current.name in history.out, history.out
    again = demo.run("ingest", "demo-a", edited, "--lang", "en")  # the repair the error line names
    assert again.code == 0, again.err
    assert demo.run("show", "demo-a").code == 0
    assert older.read_bytes() == kept


@pytest.mark.parametrize("document", CORRUPT_DOCUMENTS)
def test_a_corrupt_layout_1_body_is_refused_and_kept_through_the_migration(
    demo: Sandbox, document: str
) -> None:
    legacy = demo.to_layout_1("demo-a")
    legacy.write_text(document, encoding="utf-8")
    _refused_naming(demo.run("show", "demo-a"), legacy)
    text = demo.root / "demo-a.txt"
    assert demo.run("ingest", "demo-a", text, "--lang", "en").code == 0  # migration leaves it
    assert legacy.read_text(encoding="utf-8") == document
    assert demo.run("show", "demo-a").code == 0
    _refused_naming(demo.run("show", "demo-a", "--version", "0"), legacy)


def test_a_readable_layout_1_body_is_shown_and_migrated(demo: Sandbox) -> None:
    legacy = demo.to_layout_1("demo-a")
    shown = demo.run("show", "demo-a")
    assert shown.code == 0 and "synthetic" in shown.out, shown.err
    assert demo.run("ingest", "demo-a", demo.root / "demo-a.txt", "--lang", "en").code == 0
    assert not legacy.exists() and len(demo.versions("demo-a")) == 1


def _tamper(document: dict[str, Any], how: str) -> None:
    if how == "text":
        document["source_text"] = document["source_text"].replace("shall", "shall not")
    elif how == "same-length-text":  # spans still fit: only the checksum can tell
        document["source_text"] = document["source_text"].replace("shall", "shalt")
        for provision in document["provisions"]:
            provision["text"] = provision["text"].replace("shall", "shalt")
    elif how == "text-and-its-checksum":
        document["source_text"] = document["source_text"].replace("shall", "shalt")
        document["source_sha256"] = hashlib.sha256(document["source_text"].encode()).hexdigest()
    elif how == "title":
        document["title"] = "Forged title"
    elif how == "provision-text":
        document["provisions"][0]["text"] = "Forged provision"
    elif how == "span-out-of-range":
        document["provisions"][-1]["span"] = [0, 10**9]
    elif how == "duplicate-id":
        document["provisions"][1]["id"] = document["provisions"][0]["id"]
    elif how == "lang-path":
        document["lang"] = "../../x"
    elif how == "no-provisions":
        document["provisions"] = []


TAMPERINGS = [
    "text",
    "same-length-text",
    "text-and-its-checksum",
    "title",
    "provision-text",
    "span-out-of-range",
    "duplicate-id",
    "lang-path",
    "no-provisions",
]

UNDETECTABLE_IN_LAYOUT_1 = {"same-length-text", "title"}


@pytest.mark.parametrize("how", TAMPERINGS)
def test_a_tampered_stored_version_is_not_shown_as_genuine(demo: Sandbox, how: str) -> None:
    path = demo.current("demo-a")
    document = json.loads(path.read_text(encoding="utf-8"))
    _tamper(document, how)
    path.write_text(json.dumps(document), encoding="utf-8")
    _refused_naming(demo.run("show", "demo-a"), path)
    _refused_naming(demo.run("diff", "demo-a", "demo-b", "--format", "json"), path)


@pytest.mark.parametrize("how", [t for t in TAMPERINGS if t not in UNDETECTABLE_IN_LAYOUT_1])
def test_a_tampered_layout_1_body_is_not_shown_as_genuine(demo: Sandbox, how: str) -> None:
    # Layout 1 kept no checksum: a change is found where it breaks the spans or the schema;
    # a new title or a same-length edit of the text and its provisions cannot be (see
    # docs/hostile-input.md). Such a body becomes layout 2 at the next ingest.
    legacy = demo.to_layout_1("demo-a")
    document = json.loads(legacy.read_text(encoding="utf-8"))
    _tamper(document, how)
    legacy.write_text(json.dumps(document), encoding="utf-8")
    _refused_naming(demo.run("show", "demo-a"), legacy)


def test_an_alias_bomb_in_a_stored_manifest_is_refused(demo: Sandbox) -> None:
    lines = ['a0: &a0 ["x","x","x","x","x","x","x","x","x"]']
    lines += [f"a{i}: &a{i} [{','.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    (demo.store / "manifests" / "demo-a.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    run = demo.run("list", timeout=30)
    no_crash(run)


# --- 4. the terminal shows text, never obeys it -------------------------------------------


def test_markup_in_a_title_is_shown_not_interpreted(sandbox: Sandbox) -> None:
    text = sandbox.write("t.txt", "Article 1\nThe Parties shall cooperate.\n")
    title = "Draft [/x] text [venue] [link=https://evil.example]here[/link]"
    assert sandbox.run("ingest", "demo", text, "--lang", "en", "--title", title).code == 0
    run = sandbox.run("list")
    assert run.code == 0, run.err
    assert "[venue]" in run.out


# ingest refuses a text with C0 controls as binary, so these cases write the characters
# straight into a stored version, checksums and all (a store written by another tool or
# an older treatydiff): what is shown from the store must be inert however it got there.


def _hostile_version(demo: Sandbox, payload: str) -> None:
    demo.store_text("demo-b", DEMO_B.replace("shall exchange", f"shall {payload} exchange"))


def _inert(where: str, shown: str) -> None:
    assert not any(raw in shown for raw in RAW_CONTROLS), f"{where}: {shown!r}"


@pytest.mark.parametrize("payload", [pytest.param(p, id=name) for name, p in CONTROL_PAYLOADS.items()])
def test_control_characters_in_stored_text_never_reach_the_terminal(demo: Sandbox, payload: str) -> None:
    _hostile_version(demo, payload)
    for args in (("show", "demo-b:art-1"), ("diff", "demo-a", "demo-b")):
        run = demo.run(*args)
        assert run.code == 0, run.err
        assert "exchange" in run.out, run.out
        _inert(" ".join(args), run.out + run.err)


@pytest.mark.parametrize("fmt", ["term", "md", "json", "html"])
def test_control_characters_are_inert_in_every_report_and_every_way_out(demo: Sandbox, fmt: str) -> None:
    _hostile_version(demo, "".join(CONTROL_PAYLOADS.values()))
    report = demo.root / f"report.{fmt}"
    outputs = {}
    for way, extra in (("stdout", ()), ("--out -", ("--out", "-")), ("--out FILE", ("--out", report))):
        run = demo.run("diff", "demo-a", "demo-b", "--format", fmt, *extra)
        assert run.code == 0, run.err
        outputs[way] = run.out if way != "--out FILE" else report.read_text(encoding="utf-8")
        _inert(f"{fmt} {way}", outputs[way] + run.err)
    if fmt == "json":  # escaped, not lost: the JSON still holds the stored text exactly
        for shown in outputs.values():
            assert any("".join(CONTROL_PAYLOADS.values()) in text for text in _strings(json.loads(shown)))


def _strings(data: Any) -> list[str]:
    if isinstance(data, str):
        return [data]
    items = data.values() if isinstance(data, dict) else data if isinstance(data, list) else ()
    return [text for item in items for text in _strings(item)]


def test_markup_and_script_in_map_fields_are_escaped_in_the_html_annex(demo: Sandbox) -> None:
    header = MAP_HEADER.replace("title: Synthetic map", "title: '<script>alert(1)</script>'")
    demo.write_map(
        '  - {left: art-1, right: art-1, relation: modified, note: "<img src=x onerror=alert(1)>"}\n',
        header=header,
    )
    run = demo.run("diff", "demo-a", "demo-b", "--map", "map.yaml", "--format", "html")
    assert run.code == 0, run.err
    assert "<script>alert(1)" not in run.out and "<img src=x" not in run.out


# --- 6 and 8. the parsers: no crash, no silent wrong result -------------------------------


def test_a_web_page_with_a_control_character_ingests_or_is_refused(sandbox: Sandbox) -> None:
    page = sandbox.write("p.html", "<html><body><h2>Article 1</h2><p>Text &#27;[31m red</p></body></html>")
    no_crash(sandbox.run("ingest", "demo", page, "--lang", "en", "--title", "T"))


def test_a_tota_file_without_a_body_is_refused(sandbox: Sandbox) -> None:
    xml = sandbox.write("x.xml", '<?xml version="1.0"?>\n<treaty><meta><name>Empty</name></meta></treaty>\n')
    refused(sandbox.run("ingest", "demo", xml, "--format", "tota"), "x.xml")


def test_thousands_of_headings_ingest_within_the_hang_guard(sandbox: Sandbox) -> None:
    # A quadratic contents-table scan took 70 s for 4,000 headings; 16,000 would take ~20 min.
    parts = [f"Chapter {i}\nArticle {i}\nThe Parties shall do thing {i}.\n" for i in range(1, 16_001)]
    text = sandbox.write("many.txt", "\n".join(parts))
    run = sandbox.run("ingest", "demo", text, "--lang", "en", "--title", "T")
    assert run.code == 0, run.err
