# synthetic: every text in this file was written for these tests.
"""Decoding treaty files: accepted encodings, rejected input, mojibake repair."""

from __future__ import annotations

import codecs
import subprocess
import sys
from pathlib import Path

import pytest
from ftfy.badness import badness
from hypothesis import given
from hypothesis import strategies as st

from treatydiff.errors import InputError
from treatydiff.ingest import decode_bytes
from treatydiff.ingest.decode import (
    _ALONE,
    _NEIGHBOUR,
    _SCAN,
    _SUSPECT,
    _chars,
    _ftfy_repair,
    _may_be_mojibake,
    _suspect,
    repair_mojibake,
)

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
    assert _suspect(text) or badness(text) == 0


def _atom(op: object, value: object) -> frozenset[str] | None:
    """The characters one item of a parsed pattern matches; None when open-ended or not one character."""
    from re import _constants as sre

    if op is sre.LITERAL:
        assert isinstance(value, int)
        return frozenset(chr(value))
    if op is sre.IN:
        assert isinstance(value, list)
        chars: set[str] = set()
        for kind, item in value:
            if kind is sre.LITERAL:
                chars.add(chr(item))
            elif kind is sre.RANGE:
                chars.update(map(chr, range(item[0], item[1] + 1)))
            else:
                return None  # a negated class, \s or \w: open-ended
        return frozenset(chars)
    return None


def test_every_sequence_ftfy_counts_as_bad_passes_the_prefilter() -> None:
    """The proof behind the pre-filter, from ftfy's own pattern: each of its alternatives has
    a character of the "alone" class, or two neighbours the pre-filter looks at, in every match."""
    from re import _constants as sre
    from re import _parser

    from ftfy.badness import BADNESS_RE

    suspect, alone, near = _chars(_SUSPECT + _ALONE), _chars(_ALONE), _chars(_SUSPECT + _NEIGHBOUR)
    assert all((_SCAN.match(chr(c)) is not None) == (chr(c) in suspect) for c in range(0x10000))

    def caught(x: str, y: str) -> bool:
        return x in alone or y in alone or (x in suspect and y in near) or (x in near and y in suspect)

    [(op, (_, branches))] = list(_parser.parse(BADNESS_RE.pattern, BADNESS_RE.flags))
    assert op is sre.BRANCH and len(branches) > 30
    uncovered = []
    for branch in branches:
        # One slot per character the alternative matches; a repeat is no known character.
        slots = [
            None if op in (sre.MAX_REPEAT, sre.MIN_REPEAT) else _atom(op, av)
            for op, av in branch
            if op is not sre.AT
        ]
        covered = any(slot is not None and slot <= alone for slot in slots) or any(
            a is not None and b is not None and all(caught(x, y) for x in a for y in b)
            for a, b in zip(slots, slots[1:], strict=False)
        )
        if not covered:
            uncovered.append(branch)
    assert uncovered == []


def test_text_that_cannot_be_mojibake_is_read_without_importing_ftfy(tmp_path: Path) -> None:
    clean = [
        "Déjà vu: l’Accord entre en vigueur « demain » — naïvement.",
        "Artículo 4-01: Año, señal y acción; ¿o no?",
        ORIGINAL,
        "Άρθρο 1 — Οι Μέρη…",
        "Article 1\u00a0– “Definitions”…",
    ]
    probe = (
        "import sys\n"
        "from treatydiff.ingest.decode import repair_mojibake\n"
        f"texts = {clean!r}\n"
        "assert all(repair_mojibake(t) == (t, False) for t in texts)\n"
        "print('ftfy' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
    garbled = ORIGINAL.encode("utf-8").decode("cp1251")
    probe = probe.replace(f"texts = {clean!r}", f"texts = {[garbled]!r}").replace("==", "!=")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "True"


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


@pytest.mark.corpus
@pytest.mark.slow
def test_the_prefilters_skip_no_repair_ftfy_would_make_on_the_corpus(corpus_dir: Path) -> None:
    """Every article of all 450 ToTA files, repaired with the pre-filters and by ftfy alone
    (ASCII articles too are skipped before ftfy: no alternative of its pattern is ASCII)."""
    from lxml import etree

    from treatydiff.ingest.lines import normalize_newlines

    differ, repaired = [], 0
    for path in sorted((corpus_dir / "tota" / "xml").glob("pta_*.xml")):
        root = etree.fromstring(path.read_bytes(), etree.XMLParser(resolve_entities=False, no_network=True))
        for index, article in enumerate(root.iter("article"), start=1):
            raw = normalize_newlines("".join(article.itertext()))
            if raw.isascii():
                continue
            expected = _ftfy_repair(raw)
            repaired += expected[1]
            if repair_mojibake(raw) != expected:
                differ.append(f"{path.name} article {index}")
    assert differ == []
    assert repaired == 7
