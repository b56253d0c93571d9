# synthetic: the small files written here were made up for these tests.
"""load_file: reading, format sniffing and one-line errors naming the file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from treatydiff.errors import IngestError, InputError
from treatydiff.ingest import load_file, sniff_format

TEXT = "Article 1\nThe Parties shall trade widgets.\n"
HTML = (
    "<html><body><main><h2>Article 1</h2>"
    "<p>The Parties shall trade widgets across borders.</p></main></body></html>"
)
TOTA = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<treaty><meta><treaty_identifier>7</treaty_identifier>'
    "<language>en</language><name>Alpha - Beta</name></meta><body><chapter>"
    '<article number="ARTICLE 1">The Parties shall trade widgets.</article></chapter></body></treaty>'
)


@pytest.mark.parametrize(
    ("name", "content", "fmt"),
    [
        pytest.param("a.txt", TEXT, "text", id="text"),
        pytest.param("a.md", "## " + TEXT, "text", id="markdown"),
        pytest.param("a.html", HTML, "html", id="html-suffix"),
        pytest.param("a.txt", "<!DOCTYPE html>\n" + HTML, "html", id="html-content"),
        pytest.param("pta_7.xml", TOTA, "tota", id="tota"),
        pytest.param("a.txt", TOTA, "tota", id="tota-content"),
    ],
)
def test_sniff_and_load(tmp_path: Path, name: str, content: str, fmt: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    assert sniff_format(path, path.read_bytes()) == fmt
    meta, body = load_file(path)
    assert [a.id for a in body.articles()] == ["art-1"]
    assert (meta is not None) == (fmt == "tota")
    if meta is not None:
        assert meta.id == "tota-7"


def test_forced_format_and_language(tmp_path: Path) -> None:
    path = tmp_path / "a.html"
    path.write_text(TEXT, encoding="utf-8")
    _, body = load_file(path, fmt="text", lang="fr")
    assert body.lang == "fr"
    assert body.source_text == TEXT


def test_cp1251_text_warns(tmp_path: Path) -> None:
    path = tmp_path / "ru.txt"
    path.write_bytes("Статья 1\nСтороны торгуют виджетами.\n".encode("cp1251"))
    _, body = load_file(path)
    assert body.lang == "ru"
    assert any("CP1251" in w for w in body.warnings)


def test_mojibake_text_is_repaired_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "garbled.txt"
    path.write_text("Статья 1\nСтороны торгуют виджетами.\n".encode().decode("cp1251"), encoding="utf-8")
    _, body = load_file(path)
    assert body.get("art-1").text.startswith("Статья 1")
    assert any("mojibake" in w for w in body.warnings)


@pytest.mark.parametrize(
    ("setup", "error", "fragment"),
    [
        pytest.param("missing", InputError, "no such file", id="missing"),
        pytest.param("directory", InputError, "is a directory", id="directory"),
        pytest.param("empty", InputError, "empty file", id="empty"),
        pytest.param("whitespace", InputError, "only whitespace", id="whitespace"),
        pytest.param("png", InputError, "binary", id="png"),
        pytest.param("latin1", InputError, "not UTF-8", id="undecodable"),
        pytest.param("malformed-xml", IngestError, "malformed XML", id="malformed-xml"),
        pytest.param("prose", IngestError, "no article found", id="no-article"),
    ],
)
def test_errors_name_the_file(tmp_path: Path, setup: str, error: type[Exception], fragment: str) -> None:
    path = tmp_path / f"{setup}.txt"
    contents = {
        "empty": b"",
        "whitespace": b" \n\n\t",
        "png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        "latin1": "Article 1\nLes Parties échangent des widgets à prix réduit.\n".encode("latin-1"),
        "malformed-xml": b"<?xml version='1.0'?>\n<treaty>\n<body>\n</treaty>",
        "prose": b"The Parties shall trade widgets.\n",
    }
    if setup == "directory":
        path.mkdir()
    elif setup in contents:
        path.write_bytes(contents[setup])
    with pytest.raises(error) as caught:
        load_file(path)
    message = str(caught.value)
    assert message.startswith(str(path))
    assert fragment in message
    assert "\n" not in message


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "locked.txt"
    path.write_text(TEXT, encoding="utf-8")
    path.chmod(0)
    with pytest.raises(InputError, match="permission denied"):
        load_file(path)
