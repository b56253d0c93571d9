# synthetic: every text in this file is generated for these tests.
"""The parsers' shortcuts answer exactly as the slow ways they stand in for (speed is in benchmark/run.py)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from treatydiff.ingest import paragraphs
from treatydiff.ingest.conventions import ITEM_END, LIST_BOUNDARY, REFERENCE_WORD_END, ends_in_reference_word
from treatydiff.ingest.lines import last_lines, split_blocks, split_lines

_LINE_TEXT = st.text(alphabet=st.sampled_from(" \t\n\n\u00a0\u3000\x1c\x85\u2028ab.;,1("), max_size=30)


@given(_LINE_TEXT, st.integers(0, 30), st.integers(0, 30))
def test_blocks_are_the_runs_of_non_blank_lines(text: str, a: int, b: int) -> None:
    start, end = sorted((min(a, len(text)), min(b, len(text))))
    expected: list[list[tuple[int, int, str]]] = [[]]
    for line in split_lines(text, start, end):
        if line.text.strip():
            expected[-1].append((line.start, line.end, line.text))
        elif expected[-1]:
            expected.append([])
    got = [[(line.start, line.end, line.text) for line in block] for block in split_blocks(text, start, end)]
    assert got == [block for block in expected if block]
    for block in split_blocks(text, start, end):
        for line in block:
            assert line.stripped == line.text.strip()
            assert text[line.content_start : line.content_end] == line.stripped


@given(_LINE_TEXT, st.integers(0, 30), st.integers(0, 30), st.integers(1, 5))
def test_last_lines_are_the_last_non_blank_lines(text: str, a: int, b: int, count: int) -> None:
    start, end = sorted((min(a, len(text)), min(b, len(text))))
    expected = [(line.start, line.end, line.text) for line in split_lines(text, start, end) if not line.blank]
    got = [(line.start, line.end, line.text) for line in last_lines(text, start, end, count)]
    assert got == expected[-count:]


_ENDINGS = st.text(
    alphabet=st.sampled_from("ab y,;:.!?)]»\"”'’…。；：！？؛؟\u200e\u200f-—"), max_size=12
).map(lambda tail: "the Parties shall " + tail)
_WORDS = st.sampled_from(["", " and", " or", "; and", ", or", " и", "; или", " y", " ou", "; et", " 및"])


@given(_ENDINGS, _WORDS)
def test_line_ends_answer_as_the_end_of_line_patterns(text: str, word: str) -> None:
    line = text + word
    paragraphs._ends_item.cache_clear()
    paragraphs._may_precede_marker.cache_clear()
    assert paragraphs._ends_item(line) == (ITEM_END.search(paragraphs._tail(line)) is not None)
    assert paragraphs._may_precede_marker(line) == (LIST_BOUNDARY.search(paragraphs._tail(line)) is not None)


_MARKER_START = st.text(alphabet=st.sampled_from("1234567890()-–—•.aivxIVXабвZ) \t"), min_size=1, max_size=10)


@given(st.one_of(_MARKER_START, st.text(max_size=10)), st.sampled_from(["en", "ru", "fr", "es", "ar", "xx"]))
def test_lines_the_first_characters_rule_out_hold_no_marker(text: str, lang: str) -> None:
    stripped = (text + " widgets").strip()
    found = paragraphs._marker(stripped, lang)
    if stripped[:1] not in paragraphs._OPENS_MARKER and ")" not in stripped[:8] and "." not in stripped[:8]:
        assert found.kind == "none"
        for pattern in (paragraphs._NUMBER_MARKER, paragraphs._POINT_MARKER, paragraphs._DASH_MARKER):
            assert pattern.match(stripped) is None


_REFERENCE_TEXT = st.lists(
    st.sampled_from(
        ["the ", "sub", "Article", "art.", "PARAGRAPHS", "статьи", "párrafo", "x", " ", "\n", "\t", "."]
    ),
    max_size=12,
).map("".join)


@given(_REFERENCE_TEXT)
def test_a_reference_word_at_the_end_is_found_as_by_a_search_from_the_start(text: str) -> None:
    assert ends_in_reference_word(text) == (REFERENCE_WORD_END.search(text) is not None)


@given(st.text(alphabet=st.sampled_from(" \t\n\u00a0ab.;1"), max_size=120))
def test_the_tail_is_the_end_of_the_stripped_text(text: str) -> None:
    tail = paragraphs._tail(text)
    whole = text.rstrip()[-paragraphs._TAIL :]
    assert tail == whole or (whole.startswith(tail) and whole[len(tail) :].isdigit())
