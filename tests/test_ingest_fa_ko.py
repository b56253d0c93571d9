# synthetic: every text in this file, and the treaty in synthetic_alpha_beta.py, was written for these tests.
"""Persian and Korean drafting conventions, and ids shared by four language versions of one treaty."""

from __future__ import annotations

import pytest
from synthetic_alpha_beta import ARTICLES, LANGS, TERMS, render

from treatydiff.ingest import parse_text
from treatydiff.model import Body


@pytest.fixture(scope="module")
def versions() -> dict[str, Body]:
    return {lang: parse_text(render(lang)) for lang in LANGS}


def test_each_version_is_detected_and_titled(versions: dict[str, Body]) -> None:
    for lang, body in versions.items():
        assert body.lang == lang
        assert body.title is not None
        assert len(body.articles()) == ARTICLES >= 20


def test_four_versions_share_every_id(versions: dict[str, Body]) -> None:
    """Same article, paragraph and point ids (and kinds) in English, Russian, Persian and Korean."""
    shapes = {lang: [(p.id, p.kind) for p in body.walk()] for lang, body in versions.items()}
    assert shapes["ru"] == shapes["en"]
    assert shapes["fa"] == shapes["en"]
    assert shapes["ko"] == shapes["en"]
    ids = {pid for pid, _ in shapes["en"]}
    assert {"preamble", "preamble.4", "ch-1", "ch-3", "art-22", "closing"} <= ids
    assert {"art-3.1.intro", "art-3.1.a", "art-3.1.d", "art-3.2", "art-5.2"} <= ids
    # Ten lettered points: "(i)" after "(h)" is a letter, and Russian "и) к)", Persian "ط) ی)",
    # Korean "자. 차." are the ninth and tenth.
    assert [f"art-2.{c}" for c in "abcdefghij"] == [
        p.id for p in versions["en"].get("art-2").children if p.kind == "point"
    ]
    assert TERMS == 10


@pytest.mark.parametrize(
    ("lang", "pid", "label"),
    [
        ("ko", "art-3", "제3조"),
        ("ko", "art-3.1", "제3조 제1항"),
        ("ko", "art-3.1.c", "제3조 제1항 다목"),
        ("ko", "ch-2", "제2장"),
        ("fa", "art-3", "ماده ۳"),
        ("fa", "art-3.1", "ماده ۳ بند ۱"),
        ("fa", "art-3.1.c", "ماده ۳ بند ۱ جزء ج"),
        ("fa", "ch-2", "فصل دوم"),
        ("ru", "art-3.1.c", "Статья 3 п. 1 подп. в"),
    ],
)
def test_labels_in_each_language(versions: dict[str, Body], lang: str, pid: str, label: str) -> None:
    assert versions[lang].get(pid).label == label


def test_captions_are_article_headings(versions: dict[str, Body]) -> None:
    assert versions["ko"].get("art-1").heading == "목적"
    assert versions["fa"].get("art-1").heading == "اهداف"
    assert versions["en"].get("art-1").heading == "Objectives"
    assert versions["ko"].get("ch-1").heading == "총칙"


def test_closing_formulas(versions: dict[str, Body]) -> None:
    for body in versions.values():
        closing = body.get("closing")
        assert closing.kind == "closing"
        assert body.provisions[-1] is closing


@pytest.mark.parametrize("number", ["ماده ۷", "ماده ٧", "ماده 7"])
def test_persian_article_numbers_in_any_digits(number: str) -> None:
    body = parse_text(f"ماده ۶\n\nمتن ماده شش.\n\n{number}\n\nمتن ماده هفت.\n")
    assert body.lang == "fa"  # Persian digits (۶) and letters (پ, چ, گ, ی …) tell Persian from Arabic
    assert [a.id for a in body.articles()] == ["art-6", "art-7"]


@pytest.mark.parametrize("marker", ["۱-", "۱.", "1-", "1."])
def test_persian_paragraph_markers(marker: str) -> None:
    two = marker.replace("۱", "۲").replace("1", "2")
    body = parse_text(f"ماده ۱\n{marker} بند نخست است.\n{two} بند دوم است.\n", lang="fa")
    assert [c.id for c in body.get("art-1").children] == ["art-1.1", "art-1.2"]


def test_korean_numbered_points_and_paragraph_numbers() -> None:
    text = "제1조\n1. 각 당사국은 다음을 한다.\n1) 공표한다;\n2) 통보한다.\n2. 그 밖의 사항은 협의한다.\n"
    body = parse_text(text)
    assert body.lang == "ko"
    assert [p.id for p in body.get("art-1").walk()] == [
        "art-1", "art-1.1", "art-1.1.intro", "art-1.1.a", "art-1.1.b", "art-1.2",
    ]  # fmt: skip


def test_korean_reference_at_line_start_is_no_heading() -> None:
    text = (
        "제1조(목적)\n이 협정은 무역에 관한 것이다.\n\n"
        "제2조(적용)\n이 조는 다음과 같다.\n제1조에 따른 조치는 계속된다.\n"
    )
    body = parse_text(text)
    assert [a.id for a in body.articles()] == ["art-1", "art-2"]


def test_persian_reference_at_line_start_is_no_heading() -> None:
    text = "ماده ۱\nمتن نخست.\n\nماده ۲\nمتن دوم:\nماده ۱ این موافقت‌نامه اجرا می‌شود.\n"
    body = parse_text(text, lang="fa")
    assert [a.id for a in body.articles()] == ["art-1", "art-2"]
