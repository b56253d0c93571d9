# synthetic: every text in this file was written for these tests.
"""Decoding treaty files: accepted encodings, rejected input, mojibake repair."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from ftfy.badness import badness
from hypothesis import given
from hypothesis import strategies as st

from treatydiff.errors import InputError
from treatydiff.ingest import decode_bytes
from treatydiff.ingest.decode import _may_be_mojibake, repair_mojibake

RU = "Статья 1\nСтороны развивают торговлю виджетами.\n"
EN = "Article 1\nThe Parties shall trade in widgets.\n"


@pytest.mark.parametrize(
    ("data", "expected", "warns"),
    [
        pytest.param(EN.encode("utf-8"), EN, False, id="utf-8"),
        pytest.param(codecs.BOM_UTF8 + RU.encode("utf-8"), RU, False, id="utf-8-bom"),
        pytest.param(RU.encode("utf-16"), RU, False, id="utf-16-bom"),
        pytest.param(codecs.BOM_UTF16_BE + RU.encode("utf-16-be"), RU, False, id="utf-16-be-bom"),
        pytest.param(RU.encode("cp1251"), RU, True, id="cp1251-russian"),
        pytest.param(EN.replace("\n", "\r\n").encode(), EN, False, id="crlf-newlines"),
        pytest.param(EN.replace("\n", "\r").encode(), EN, False, id="cr-newlines"),
    ],
)
def test_accepted_encodings(data: bytes, expected: str, warns: bool) -> None:
    text, warnings = decode_bytes(data, "treaty.txt")
    assert text == expected
    assert bool(warnings) == warns
    if warns:
        assert "CP1251" in warnings[0]


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        pytest.param(b"", "empty file", id="empty"),
        pytest.param(b"  \n\t \r\n", "only whitespace", id="whitespace-only"),
        pytest.param(codecs.BOM_UTF8 + b"   \n", "only whitespace", id="bom-and-whitespace"),
        pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary", id="png-header"),
        pytest.param(bytes(range(1, 9)) * 20 + b"text", "binary", id="control-characters"),
        pytest.param(b"Article 1 caf\xe9 cr\xe8me \x81\x90", "not UTF-8", id="latin-1-bytes"),
        pytest.param(b"\xff\xfe\x00", "UTF-16", id="broken-utf-16"),
    ],
)
def test_rejected_input(data: bytes, fragment: str) -> None:
    with pytest.raises(InputError) as caught:
        decode_bytes(data, "dir/treaty.txt")
    message = str(caught.value)
    assert message.startswith("dir/treaty.txt: ")
    assert fragment in message
    assert "\n" not in message
    assert caught.value.file == "dir/treaty.txt"


ORIGINAL = "Соглашение о торговле виджетами между Альфой и Бетой"


@pytest.mark.parametrize(
    "garbled",
    [
        pytest.param(
            ORIGINAL.encode("utf-8").decode("cp1252", errors="replace").replace("\ufffd", "?"), id="cp1252"
        ),
        pytest.param(ORIGINAL.encode("utf-8").decode("cp1251"), id="cp1251"),
    ],
)
def test_repair_mojibake(garbled: str) -> None:
    fixed, repaired = repair_mojibake(garbled)
    assert repaired
    # CP1252 cannot show some UTF-8 continuation bytes; those letters come back as U+FFFD.
    assert len(fixed) == len(ORIGINAL)
    assert all(a == b or a == "\ufffd" for a, b in zip(fixed, ORIGINAL, strict=True))
    assert fixed.count("\ufffd") <= 3


@pytest.mark.parametrize(
    "clean",
    [
        pytest.param("Article 1. The Parties agree.", id="ascii"),
        pytest.param(ORIGINAL, id="russian"),
        pytest.param("Déjà vu: l’Accord entre en vigueur « demain » — naïvement.", id="french"),
        pytest.param("Artículo 4-01: Año, señal y acción.", id="spanish"),
    ],
)
def test_repair_leaves_clean_text_alone(clean: str) -> None:
    assert repair_mojibake(clean) == (clean, False)


# The pre-filter before ftfy: text it passes over must score zero, whatever the text.
_MOJIBAKE_ALPHABET = st.sampled_from(
    "aZ .,;:'\n\t0ÃÂÐÑØÙÎâ€™œžŸ©®°µ»«“”‘’–—…\xa0\xad·´ВГРСвЂўβΒ¡¿¢£¥§¶×²³√≈‚Äāé¿ñ¤ЁёŠš\x85\x9d"
)


@given(st.text(alphabet=_MOJIBAKE_ALPHABET, max_size=40))
def test_the_mojibake_prefilter_never_skips_text_ftfy_scores_above_zero(text: str) -> None:
    assert _may_be_mojibake(text) or badness(text) == 0


@pytest.mark.corpus
def test_the_corpus_gets_the_same_seven_mojibake_repairs(corpus_dir: Path) -> None:
    from treatydiff.ingest import parse_tota

    repaired = []
    for path in sorted((corpus_dir / "tota" / "xml").glob("pta_*.xml")):
        _meta, body = parse_tota(path.read_bytes(), origin=path.name)
        repaired += [
            w.split(": repaired")[0].split(" (")[0] for w in body.warnings if "repaired mojibake" in w
        ]
    repairs = ((173, 10), (355, 1), (360, 1), (420, 1), (421, 1), (423, 1), (424, 1))
    assert repaired == [f"pta_{n}.xml: article {a}" for n, a in repairs]
