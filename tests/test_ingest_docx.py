"""Word input: .docx files built in the tests with real automatic numbering ingest to the text's tree."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest
from damaged_bytes import DAMAGE, damaged
from docx_factory import text_to_docx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from treatydiff.cli import main
from treatydiff.errors import InputError
from treatydiff.ingest import parse_bytes, parse_text, sniff_format
from treatydiff.ingest.docx import docx_to_text, format_number

# synthetic: an agreement written for these tests, with paragraphs, points and sub-points
SYNTHETIC = """Agreement on Synthetic Numbering

The Parties have agreed as follows:

Chapter I: General Provisions
Article 1
1. The Parties shall cooperate in the following fields:
(a) testing;
(b) reading of documents, in particular:
(i) lists;
(ii) tables;
(c) writing.
2. Each Party may publish results.
Article 2
1. This Agreement enters into force on signature.
Chapter II: Final Provisions
Article 3
1. It may be amended in writing.

Done at Nowhere in two copies.
"""


def _tree(text: str, lang: str) -> list[tuple[str, str]]:
    return [(p.id, " ".join(p.text.split())) for p in parse_text(text, lang=lang).walk()]


def test_word_numbering_comes_out_as_written(tmp_path: Path) -> None:
    path = tmp_path / "numbered.docx"
    assert text_to_docx(path, SYNTHETIC) == 14  # every heading and marker is Word's own numbering
    with zipfile.ZipFile(path) as archive:
        document = archive.read("word/document.xml").decode("utf-8")
    assert "Article 1" not in document and "(a)" not in document and "Chapter I:" not in document
    text, _ = docx_to_text(path.read_bytes(), origin=str(path))
    assert text == SYNTHETIC


@pytest.mark.corpus
@pytest.mark.parametrize(
    ("lang", "article", "chapter"), [("en", "Article", "Chapter"), ("ru", "Статья", "Глава")]
)
def test_charter_docx_ingests_to_the_raw_texts_tree(
    corpus_dir: Path, tmp_path: Path, lang: str, article: str, chapter: str
) -> None:
    raw = (corpus_dir / "un-charter" / "raw" / f"raw_un_charter_{lang}.txt").read_text(encoding="utf-8")
    path = tmp_path / "charter.docx"
    # Most of the 111 articles and 19 chapters get Word's numbering (a heading whose
    # number the list would not produce stays literal text).
    assert text_to_docx(path, raw, article_word=article, chapter_word=chapter) > 110
    _meta, body, kind = parse_bytes(path.read_bytes(), origin=path, lang=lang)
    assert kind == "docx"
    assert [(p.id, " ".join(p.text.split())) for p in body.walk()] == _tree(raw, lang)


@pytest.mark.parametrize(
    ("number", "fmt", "shown"),
    [
        (4, "decimal", "4"),
        (3, "lowerLetter", "c"),
        (28, "lowerLetter", "bb"),
        (4, "upperLetter", "D"),
        (9, "lowerRoman", "ix"),
        (14, "upperRoman", "XIV"),
        (3, "russianLower", "в"),
        (7, "decimalZero", "07"),
    ],
)
def test_word_number_formats(number: int, fmt: str, shown: str) -> None:
    assert format_number(number, fmt) == shown


@pytest.mark.parametrize(
    ("data", "name", "words"),
    [
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500), "old.doc", "legacy Word .doc"),
        (b"{\\rtf1\\ansi Article 1}", "old.rtf", "RTF file"),
    ],
)
def test_legacy_word_and_rtf_fail_in_one_line_naming_a_conversion(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    data: bytes,
    name: str,
    words: str,
) -> None:
    source = tmp_path / name
    source.write_bytes(data)
    monkeypatch.setenv("TREATYDIFF_STORE", str(tmp_path / "store"))
    code = main(["ingest", "example-legacy", str(source)])
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if line.strip()]
    assert code == 2 and len(lines) == 1 and "Traceback" not in err
    assert words in lines[0] and f"libreoffice --headless --convert-to docx {name}" in lines[0]


def test_ingest_sniffs_a_docx_by_its_contents(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "agreement.zip"  # the name says nothing: word/document.xml does
    text_to_docx(source, SYNTHETIC)
    assert sniff_format(source, source.read_bytes()) == "docx"
    monkeypatch.setenv("TREATYDIFF_STORE", str(tmp_path / "store"))
    assert main(["ingest", "example-word", str(source), "--lang", "en"]) == 0
    assert "3 articles" in capsys.readouterr().err


def test_a_zip_that_is_not_word_fails_in_one_line(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "not a document")
    with pytest.raises(InputError, match="not a readable Word .docx file"):
        parse_bytes(buffer.getvalue(), origin=Path("x.docx"))


# Examples per property test; a slow run sets TREATYDIFF_FUZZ_EXAMPLES=10000.
FUZZ_EXAMPLES = int(os.environ.get("TREATYDIFF_FUZZ_EXAMPLES", "80"))
_SEED: bytes | None = None


def _seed() -> bytes:
    global _SEED
    if _SEED is None:
        import tempfile

        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "seed.docx"
            text_to_docx(path, SYNTHETIC)
            _SEED = path.read_bytes()
    return _SEED


@settings(max_examples=FUZZ_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(**DAMAGE)
def test_damaged_docx_raise_only_input_errors(cut: int, junk: bytes, flip: int) -> None:
    data = damaged(_seed(), cut, junk, flip)
    try:
        docx_to_text(data, origin="damaged.docx")
    except InputError as err:
        assert "\n" not in str(err)


@settings(max_examples=FUZZ_EXAMPLES, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from(["word/document.xml", "word/numbering.xml", "[Content_Types].xml"]),
        st.binary(max_size=300),
    )
)
def test_random_parts_in_a_zip_raise_only_input_errors(parts: dict[str, bytes]) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    try:
        docx_to_text(buffer.getvalue(), origin="random.docx")
    except InputError as err:
        assert "\n" not in str(err)


@pytest.mark.parametrize(
    ("name", "data", "kind"),
    [
        ("a.bin", b"%PDF-1.4\n", "pdf"),
        ("a.bin", b"junk before the header\n%PDF-1.7\n", "pdf"),
        ("a.txt", b"Article 1\nThe string %PDF-1 in a text is text.\n", "text"),
        ("a.pdf", b"not really a PDF", "pdf"),  # the name decides; the reader then says what is wrong
        ("a.bin", b"PK\x03\x04....word/document.xml....", "docx"),
        ("a.zip", b"PK\x03\x04....content.xml....", "text"),
    ],
)
def test_formats_are_sniffed_from_magic_bytes_then_names(name: str, data: bytes, kind: str) -> None:
    assert sniff_format(Path(name), data) == kind
