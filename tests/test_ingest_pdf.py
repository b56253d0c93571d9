"""PDF input: PDFs laid out in the tests from the corpus texts ingest to the same tree as the text.

The PDFs are generated at test time (tests/layout_factory.py, reportlab) into tmp dirs:
running headers, page numbers, hyphenation, footnotes and two-column pages included.
"""

from __future__ import annotations

import html
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from damaged_bytes import DAMAGE, damaged
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from treatydiff.cli import main
from treatydiff.errors import InputError
from treatydiff.ingest import parse_bytes, parse_text, sniff_format
from treatydiff.ingest.pdf import _compound, pdf_to_text

pytest.importorskip("reportlab")
import layout_factory  # noqa: E402  (after the skip: it needs reportlab)

pytestmark = pytest.mark.skipif(not layout_factory.font_available(), reason="DejaVu fonts not installed")

# synthetic: a short agreement written for these tests
SYNTHETIC = """Agreement on Synthetic Layouts

The Parties, desiring to test the reading of printed pages,

have agreed as follows:

Article 1
1. The Parties shall exchange notwithstanding extraordinarily representative documentation.
2. Each Party may publish results.

Article 2
This Agreement enters into force on signature.
"""


def _tree(text: str, lang: str) -> list[tuple[str, str]]:
    return [(p.id, " ".join(p.text.split())) for p in parse_text(text, lang=lang).walk()]


def _raw(corpus_dir: Path, lang: str) -> str:
    return (corpus_dir / "un-charter" / "raw" / f"raw_un_charter_{lang}.txt").read_text(encoding="utf-8")


def _pdf(tmp_path: Path, texts: list[str], **options: bool) -> bytes:
    path = tmp_path / "layout.pdf"
    layout_factory.text_to_pdf(path, texts, **options)
    return path.read_bytes()


@pytest.mark.corpus
@pytest.mark.parametrize("lang", ["en", "ru", "fr", "es"])
def test_charter_pdf_ingests_to_the_raw_texts_tree(corpus_dir: Path, tmp_path: Path, lang: str) -> None:
    raw = _raw(corpus_dir, lang)
    data = _pdf(tmp_path, [raw], footnotes=True)
    text, _warnings = pdf_to_text(data, origin="charter.pdf", lang=lang)
    assert layout_factory.HEADER not in text  # running header
    assert "– 3 –" not in text  # page number
    assert "synthetic footnote" not in text  # footnote text at the page foot
    assert _tree(text, lang) == _tree(raw, lang)


@pytest.mark.corpus
def test_words_hyphenated_at_line_ends_are_rejoined(corpus_dir: Path, tmp_path: Path) -> None:
    raw = _raw(corpus_dir, "en")
    data = _pdf(tmp_path, [raw])
    width = layout_factory.PAGE_W - 2 * layout_factory.MARGIN
    broken = [
        line
        for source in raw.split("\n")
        for line in layout_factory.wrap(source, width, indent=layout_factory.INDENT)
        if line.endswith("-")
    ]
    assert len(broken) > 20  # the layout does break words
    text, _ = pdf_to_text(data, origin="charter.pdf")
    assert " ".join(text.split()) == " ".join(raw.split())


@pytest.mark.corpus
@pytest.mark.parametrize(("left", "right", "wanted"), [("en", "ru", "ru"), ("en", "fr", "en")])
def test_bilingual_columns_give_the_language_asked_for(
    corpus_dir: Path, tmp_path: Path, left: str, right: str, wanted: str
) -> None:
    texts = {lang: _raw(corpus_dir, lang) for lang in (left, right)}
    data = _pdf(tmp_path, [texts[left], texts[right]])
    text, _ = pdf_to_text(data, origin="unts.pdf", lang=wanted)
    assert _tree(text, wanted) == _tree(texts[wanted], wanted)
    with pytest.raises(InputError, match=f"bilingual.*--lang {left} or --lang {right}"):
        pdf_to_text(data, origin="unts.pdf")


@pytest.mark.corpus
def test_two_flowing_columns_are_read_left_then_right(corpus_dir: Path, tmp_path: Path) -> None:
    raw = _raw(corpus_dir, "en")
    text, _ = pdf_to_text(_pdf(tmp_path, [raw], flowing_columns=True), origin="two.pdf")
    assert _tree(text, "en") == _tree(raw, "en")


def test_superscript_footnote_markers_stay_out(tmp_path: Path) -> None:
    text, warnings = pdf_to_text(_pdf(tmp_path, [SYNTHETIC * 6], footnotes=True), origin="notes.pdf")
    assert _tree(text, "en") == _tree(SYNTHETIC * 6, "en")
    assert warnings == ["notes.pdf: left out 2 line(s) in small print at the foot of pages (footnotes)"]


def test_a_compound_broken_at_its_own_hyphen_keeps_it_only_when_the_text_shows_it() -> None:
    words = {"co-operation": 2, "twenty": 1, "sixth": 1, "international": 1}
    from collections import Counter

    counter = Counter(words)
    assert _compound("co-", "operation", counter)  # written so elsewhere
    assert not _compound("inter-", "national", counter)  # a syllable break
    assert _compound("twenty-", "sixth", counter)  # two words of the text


def test_an_image_only_pdf_fails_in_one_line_with_exit_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    scan = tmp_path / "scan.pdf"
    layout_factory.image_only_pdf(scan)
    monkeypatch.setenv("TREATYDIFF_STORE", str(tmp_path / "store"))
    code = main(["ingest", "example-scan", str(scan)])
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if line.strip()]
    assert code == 2
    assert len(lines) == 1 and "Traceback" not in err
    assert "no text layer" in lines[0] and "OCR" in lines[0] and "scan.pdf" in lines[0]


@pytest.mark.corpus
def test_a_bilingual_pdf_without_the_language_asked_for_fails_clearly(
    corpus_dir: Path, tmp_path: Path
) -> None:
    data = _pdf(tmp_path, [SYNTHETIC * 8, _raw(corpus_dir, "ru")[:6000]])
    with pytest.raises(InputError, match="has no zh column"):
        pdf_to_text(data, origin="unts.pdf", lang="zh")


def test_ingest_reads_a_pdf_by_its_magic_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "agreement.bin"  # no .pdf suffix: sniffed from %PDF
    source.write_bytes(_pdf(tmp_path, [SYNTHETIC]))
    assert sniff_format(source, source.read_bytes()) == "pdf"
    monkeypatch.setenv("TREATYDIFF_STORE", str(tmp_path / "store"))
    assert main(["ingest", "example-layout", str(source), "--lang", "en"]) == 0
    assert "2 articles" in capsys.readouterr().err
    _meta, body, kind = parse_bytes(source.read_bytes(), origin=source)
    assert kind == "pdf"
    assert [p.id for p in body.walk()] == [p.id for p in parse_text(SYNTHETIC).walk()]


# Examples per property test; a slow run sets TREATYDIFF_FUZZ_EXAMPLES=10000.
FUZZ_EXAMPLES = int(os.environ.get("TREATYDIFF_FUZZ_EXAMPLES", "80"))
_SEED: bytes | None = None


def _seed() -> bytes:
    global _SEED
    if _SEED is None:
        import tempfile

        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "seed.pdf"
            layout_factory.text_to_pdf(path, [SYNTHETIC])
            _SEED = path.read_bytes()
    return _SEED


@settings(max_examples=FUZZ_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(**DAMAGE)
def test_damaged_pdfs_raise_only_input_errors(cut: int, junk: bytes, flip: int) -> None:
    data = damaged(_seed(), cut, junk, flip)
    try:
        pdf_to_text(data, origin="damaged.pdf")
    except InputError as err:
        assert "\n" not in str(err)


@settings(max_examples=FUZZ_EXAMPLES, deadline=None)
@given(st.binary(max_size=2000))
def test_random_bytes_after_the_pdf_magic_raise_only_input_errors(tail: bytes) -> None:
    try:
        pdf_to_text(b"%PDF-1.7\n" + tail, origin="random.pdf")
    except InputError as err:
        assert "\n" not in str(err)


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.corpus
@pytest.mark.browser
@pytest.mark.skipif(CHROMIUM is None, reason="chromium not installed")
def test_a_pdf_printed_by_chromium_ingests_to_the_raw_texts_tree(corpus_dir: Path, tmp_path: Path) -> None:
    """Another producer: justified text, ligatures, page numbers in margin boxes, real hyphens
    at line ends. A compound broken at its own hyphen may be rejoined ("good-" "neighbourliness"
    is written nowhere else), so texts are compared without hyphens as well as whitespace."""
    raw = _raw(corpus_dir, "en")
    paragraphs = "\n".join(
        f"<p>{html.escape(line)}</p>" if line.strip() else '<p class="blank">&nbsp;</p>'
        for line in raw.split("\n")
    )
    page = tmp_path / "charter.html"
    page.write_text(
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><style>'
        "@page { size: A4; margin: 25mm; @bottom-center { content: counter(page); } }"
        'body { font: 11pt/1.3 "DejaVu Serif", serif; text-align: justify; }'
        "p { margin: 0 0 4pt 0; text-indent: 12pt; } p.blank { margin: 0; }"
        f"</style></head><body>{paragraphs}</body></html>",
        encoding="utf-8",
    )
    pdf = tmp_path / "charter.pdf"
    subprocess.run(
        [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
         f"--print-to-pdf={pdf}", page.as_uri()],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    text, _ = pdf_to_text(pdf.read_bytes(), origin=str(pdf), lang="en")

    def tree(source: str) -> list[tuple[str, str]]:
        return [(id_, words.replace("-", "")) for id_, words in _tree(source, "en")]

    assert tree(text) == tree(raw)
    assert "ﬁ" not in text and "ﬀ" not in text  # ligatures are letters again
