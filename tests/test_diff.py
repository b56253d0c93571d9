"""Tests for treatydiff.diff. All inline texts are synthetic (written for these tests);
real texts are read from the shared corpus at test time."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from treatydiff.diff import (
    cleanup,
    diff_concat,
    diff_counts,
    diff_texts,
    diff_texts_difflib,
    is_content_word,
    normalize,
    passages,
    tokenize,
)
from treatydiff.model import ProvisionDiff, WordOp

ENGINES = [pytest.param(diff_texts, id="dmp"), pytest.param(diff_texts_difflib, id="difflib")]


def _side(diff: ProvisionDiff, kept: str) -> list[str]:
    """The tokens of one side rebuilt from the ops (``kept`` is "delete" or "insert")."""
    return " ".join(op.text for op in diff.ops if op.op in ("equal", kept)).split()


# --- normalisation: these pairs must compare as identical ---------------------------

SAME = [  # synthetic
    ("spaces", "The  Parties   shall\tcooperate.", "The Parties shall cooperate."),
    ("line breaks", "The Parties\nshall\r\n\ncooperate.", "The Parties shall cooperate."),
    ("nbsp", "The\u00a0Parties shall cooperate.", "The Parties shall cooperate."),
    ("curly quotes", "the “Committee” decides", 'the "Committee" decides'),
    ("guillemets", "the «Committee» decides", 'the "Committee" decides'),
    ("low quotes", "the „Committee“ decides", 'the "Committee" decides'),
    ("single quotes", "the ‘Committee’ decides", "the 'Committee' decides"),
    ("apostrophe", "each Party’s territory", "each Party's territory"),
    ("em dash", "goods — other than fuel", "goods - other than fuel"),
    ("en dash", "goods – other than fuel", "goods - other than fuel"),
    ("figure dash", "goods ‒ other than fuel", "goods - other than fuel"),
    ("number 1.", "1. The Parties shall cooperate.", "4. The Parties shall cooperate."),
    ("number (2)", "(2) The Parties shall cooperate.", "(7) The Parties shall cooperate."),
    ("number 3)", "3) The Parties shall cooperate.", "The Parties shall cooperate."),
    ("dotted 2.1.", "2.1. The Parties shall cooperate.", "The Parties shall cooperate."),
    ("point (a)", "(a) fresh fruit;", "(c) fresh fruit;"),
    ("point a)", "a) fresh fruit;", "fresh fruit;"),
    ("cyrillic point", "б) свежие фрукты;", "в) свежие фрукты;"),
    ("roman point", "(iv) fresh fruit;", "(ii) fresh fruit;"),
    ("nested labels", "1. (a) fresh fruit;", "2.(b) fresh fruit;"),
    ("per line", "Goods:\n(a) fruit;\n(b) grain.", "Goods:\n1) fruit;\n2) grain."),
    ("soft hyphen", "cooper\u00adate", "cooperate"),
    ("decomposed", "Cafe\u0301 rules", "Café rules"),
]


@pytest.mark.parametrize(("left", "right"), [pytest.param(a, b, id=i) for i, a, b in SAME])
@pytest.mark.parametrize("engine", ENGINES)
def test_insignificant_differences_compare_equal(engine, left: str, right: str) -> None:
    diff = engine(left, right)
    assert diff.similarity == 1.0
    assert [op.op for op in diff.ops] == ["equal"]
    assert diff.words_added == diff.words_removed == 0


KEPT = [  # synthetic: numbers that are not paragraph labels survive normalisation
    ("mid-line number", "within 30 days", "within 30 days"),
    ("decimal at start", "1.5 per cent ad valorem", "1.5 per cent ad valorem"),
    ("year at start", "1994 is the base year", "1994 is the base year"),
    ("label in text", "under paragraph 2) of Article 3", "under paragraph 2) of Article 3"),
]


@pytest.mark.parametrize(("text", "expected"), [pytest.param(a, b, id=i) for i, a, b in KEPT])
def test_normalize_keeps_numbers_that_are_not_labels(text: str, expected: str) -> None:
    assert normalize(text) == expected


def test_normalize_keeps_one_line_per_paragraph() -> None:
    assert normalize("  1. First  line.\n\n(2) Second\tline.  \n") == "First line.\nSecond line."  # synthetic


def test_tokenize_keeps_punctuation_on_words() -> None:
    assert tokenize("1. Goods, (other than fuel) — exempt.") == [  # synthetic
        "Goods,",
        "(other",
        "than",
        "fuel)",
        "-",
        "exempt.",
    ]


# --- the diff itself ------------------------------------------------------------------

CHANGES = [  # synthetic: (id, left, right, ops, added, removed)
    ("empty", "", "", [], 0, 0),
    ("added", "", "Goods are exempt.", [("insert", "Goods are exempt.")], 3, 0),
    ("dropped", "Goods are exempt.", "", [("delete", "Goods are exempt.")], 0, 3),
    (
        "word replaced",
        "The Parties shall not apply customs duties.",
        "The Parties shall not apply export duties.",
        [
            ("equal", "The Parties shall not apply"),
            ("delete", "customs"),
            ("insert", "export"),
            ("equal", "duties."),
        ],
        1,
        1,
    ),
    (
        "words inserted",
        "Each Party shall notify the other Party of any measure.",
        "Each Party shall promptly notify the other Party of any new measure.",
        [
            ("equal", "Each Party shall"),
            ("insert", "promptly"),
            ("equal", "notify the other Party of any"),
            ("insert", "new"),
            ("equal", "measure."),
        ],
        2,
        0,
    ),
    (
        "cyrillic",
        "Стороны не применяют таможенные пошлины.",
        "Стороны не применяют экспортные пошлины.",
        [
            ("equal", "Стороны не применяют"),
            ("delete", "таможенные"),
            ("insert", "экспортные"),
            ("equal", "пошлины."),
        ],
        1,
        1,
    ),
]


@pytest.mark.parametrize(
    ("left", "right", "ops", "added", "removed"), [pytest.param(*case[1:], id=case[0]) for case in CHANGES]
)
@pytest.mark.parametrize("engine", ENGINES)
def test_word_ops(
    engine, left: str, right: str, ops: list[tuple[str, str]], added: int, removed: int
) -> None:
    diff = engine(left, right)
    assert [(op.op, op.text) for op in diff.ops] == ops
    assert (diff.words_added, diff.words_removed) == (added, removed)


@pytest.mark.parametrize(
    ("left", "right", "expected"),
    [
        pytest.param("", "", 1.0, id="both empty"),
        pytest.param("a b", "", 0.0, id="one empty"),
        pytest.param("a b c d", "a b c e", 0.75, id="one of four replaced"),
        pytest.param("a b", "a b c d", 2 * 2 / 6, id="two added"),
    ],
)
def test_similarity_is_share_of_words_kept(left: str, right: str, expected: float) -> None:  # synthetic
    assert diff_texts(left, right).similarity == pytest.approx(expected)


def test_cleanup_folds_a_lone_function_word_but_keeps_content_words() -> None:
    # synthetic: "the" alone between two rewrites reads better inside one replacement
    left, right = (
        "Each Party shall notify the other.",
        "Each Party shall inform the competent body of the other.",
    )
    assert [(op.op, op.text) for op in diff_texts(left, right).ops] == [
        ("equal", "Each Party shall"),
        ("delete", "notify"),
        ("insert", "inform the competent body of"),
        ("equal", "the other."),
    ]
    # "agreed" is shared: it stays visible rather than vanishing inside the replacement
    assert [
        (op.op, op.text)
        for op in diff_texts("have agreed on the following:", "hereby agreed as follows:").ops
    ] == [
        ("delete", "have"),
        ("insert", "hereby"),
        ("equal", "agreed"),
        ("delete", "on the following:"),
        ("insert", "as follows:"),
    ]


# synthetic: two Russian versions of one article; point б) is identical, а) and в) rewritten
RU_LEFT = """Стороны обязуются:
а) незамедлительно уведомлять друг друга о любых изменениях таможенных тарифов и сборов;
б) обмениваться статистикой;
в) проводить ежегодные консультации на уровне министров по всем вопросам применения Соглашения."""
RU_RIGHT = """Стороны обязуются:
а) в течение тридцати дней информировать другую Сторону о мерах нетарифного регулирования;
б) обмениваться статистикой;
в) создать совместную комиссию, которая собирается по просьбе любой из Сторон."""


def test_an_unchanged_point_is_never_marked() -> None:
    diff = diff_texts(RU_LEFT, RU_RIGHT)
    assert WordOp("equal", "\nобмениваться статистикой;") in diff.ops
    assert not any("статистикой" in op.text for op in diff.ops if op.op != "equal")


def test_each_side_shows_its_own_markers() -> None:
    # synthetic: renumbered points compare equal, yet each side prints its own letters
    left, right = (
        "2. For the purposes:\n(a) goods;\n(b) services.",
        "3. For the purposes:\n(a) goods;\n(c) services.",
    )
    diff = diff_texts(left, right)
    assert diff.words_added == diff.words_removed == 0
    assert [p.marker for p in diff.left] == ["2.", "(a)", "(b)"]
    assert [p.marker for p in diff.right] == ["3.", "(a)", "(c)"]
    assert [[(op.op, op.text) for op in p.ops] for p in diff.left] == [
        [("equal", "For the purposes:")],
        [("equal", "goods;")],
        [("equal", "services.")],
    ]


def test_a_marker_alone_on_its_line_belongs_to_the_next_words() -> None:
    (only,) = passages("2.\nThe Parties shall cooperate.")  # synthetic
    assert only.marker == "2." and only.ops == (WordOp("equal", "The Parties shall cooperate."),)


def test_diff_is_deterministic_across_processes() -> None:
    # Each Python process has its own hash seed (set and dict-of-str orders); the diff,
    # with no timeout, must not depend on it nor on how long it takes.
    code = (
        "from treatydiff.diff import diff_texts;"
        "left = ' '.join(f'w{i % 37}' for i in range(3000));"  # synthetic, long enough to take a while
        "right = ' '.join(f'w{i % 41}' for i in range(3000));"
        "print(repr(diff_texts(left, right)))"
    )
    results = {
        subprocess.run(
            [sys.executable, "-c", code],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(results) == 1


def test_many_distinct_words() -> None:
    left = " ".join(f"w{i}" for i in range(20000))  # synthetic: beyond the BMP private-use area
    right = " ".join(f"w{i}" for i in range(1, 20001))
    diff = diff_texts(left, right)
    assert (diff.words_added, diff.words_removed) == (1, 1)


def test_diff_concat_strips_each_provisions_number() -> None:
    lefts = ["1. Goods are exempt.", "2. Services are exempt."]  # synthetic
    rights = ["1. Goods and services are exempt."]
    diff = diff_concat(lefts, rights)
    flat = diff_texts("Goods are exempt. Services are exempt.", "Goods and services are exempt.")
    assert [(op.op, op.text.split()) for op in diff.ops] == [(op.op, op.text.split()) for op in flat.ops]
    assert diff.ops[1] == WordOp("delete", "are exempt.\nServices")  # each provision opens a paragraph


@pytest.mark.parametrize(
    ("left", "right", "expected"),
    [
        ("A b.\nC d.", "A b.\nC d.", [("equal", "A b.\nC d.")]),
        ("A b.\nC d.", "A b. C d.", [("equal", "A b.\nC d.")]),  # a break on either side is shown
        ("A b.", "A b.\nC d.", [("equal", "A b."), ("insert", "\nC d.")]),
    ],
    ids=["kept", "one-side-break", "new-paragraph"],
)
def test_paragraph_breaks_survive_in_op_texts(left: str, right: str, expected: list[tuple[str, str]]) -> None:
    # synthetic
    diff = diff_texts(left, right)
    assert [(op.op, op.text) for op in diff.ops] == expected
    assert (diff.words_added, diff.words_removed) == (2 if "insert" in dict(expected) else 0, 0)


# --- properties ---------------------------------------------------------------------

_WORDS = st.sampled_from(
    ["the", "Party", "shall", "not", "duties", "пошлины", "«goods»", "—", "1.", "(a)", "x"]
)
_TEXT = st.lists(_WORDS, max_size=40).map(" ".join)
_LAYOUT = st.lists(st.sampled_from([" ", "  ", "\n", "\t", "\n\n"]), min_size=1, max_size=3).map("".join)


@settings(max_examples=200, deadline=None)
@given(left=_TEXT, right=_TEXT)
@pytest.mark.parametrize("engine", ENGINES)
def test_ops_rebuild_both_sides(engine, left: str, right: str) -> None:
    diff = engine(left, right)
    assert _side(diff, "delete") == tokenize(left)
    assert _side(diff, "insert") == tokenize(right)
    assert diff.words_removed + diff.words_added == sum(
        len(op.text.split()) for op in diff.ops if op.op != "equal"
    )
    kinds = [op.op for op in diff.ops]
    assert all(a != b for a, b in zip(kinds, kinds[1:], strict=False)), "neighbouring runs differ"


@settings(max_examples=100, deadline=None)
@given(words=st.lists(_WORDS.filter(lambda w: w not in ("1.", "(a)")), min_size=1, max_size=30), gap=_LAYOUT)
def test_layout_never_matters(words: list[str], gap: str) -> None:
    assert diff_texts(" ".join(words), gap.join(words)).similarity == 1.0


@settings(max_examples=100, deadline=None)
@given(left=_TEXT, right=_TEXT)
def test_engines_agree_when_one_side_extends_the_other(left: str, right: str) -> None:
    # with a pure insertion both engines must find every kept word
    longer = f"{left} {right}"
    a, b = diff_texts(left, longer), diff_texts_difflib(left, longer)
    added = len(tokenize(longer)) - len(tokenize(left))
    assert (a.words_added, a.words_removed) == (b.words_added, b.words_removed) == (added, 0)


# --- real texts (ToTA, read at test time, never copied) --------------------------------


def _tota_articles(corpus: Path, number: int) -> dict[str, str]:
    from lxml import etree

    tree = etree.parse(str(corpus / "tota" / "xml" / f"pta_{number}.xml"))
    return {a.get("number"): "".join(a.itertext()) for a in tree.iter("article") if a.get("number")}


@pytest.mark.corpus
def test_real_article_pair_engines_agree(corpus_dir: Path) -> None:
    left, right = _tota_articles(corpus_dir, 420), _tota_articles(corpus_dir, 423)
    dmp = diff_texts(left["ARTICLE 6"], right["ARTICLE 6"])
    baseline = diff_texts_difflib(left["ARTICLE 6"], right["ARTICLE 6"])
    assert 0.8 < dmp.similarity < 1.0
    assert dmp.similarity == pytest.approx(baseline.similarity, abs=0.05)


@pytest.mark.corpus
def test_real_texts_rebuild_from_ops(corpus_dir: Path) -> None:
    left, right = _tota_articles(corpus_dir, 420), _tota_articles(corpus_dir, 423)
    for number in sorted(left.keys() & right.keys()):
        diff = diff_texts(left[number], right[number])
        assert _side(diff, "delete") == tokenize(left[number]), number
        assert _side(diff, "insert") == tokenize(right[number]), number
        # similarity counts diff-match-patch's shared words before semantic clean-up: a minimal
        # (Myers) diff shares at least as many words as difflib's longest-block heuristic
        assert diff.similarity >= diff_texts_difflib(left[number], right[number]).similarity - 1e-9, number


@pytest.mark.corpus
def test_real_pairs_keep_every_shared_content_word_and_unchanged_paragraph(corpus_dir: Path) -> None:
    # The clean-up rule of docs/diff.md on every same-number article pair of 420 and 423.
    from treatydiff.diff import _dmp_runs, _merge, _paragraph_starts

    left, right = _tota_articles(corpus_dir, 420), _tota_articles(corpus_dir, 423)
    for number in sorted(left.keys() & right.keys()):
        a, a_starts, _ = _paragraph_starts(left[number])
        b, b_starts, _ = _paragraph_starts(right[number])
        minimal = _merge(_dmp_runs(a, b)[0])
        cleaned = cleanup(minimal, a_starts, b_starts)

        def kept(runs: list[tuple[str, list[str]]]) -> list[str]:
            return [t for kind, tokens in runs if kind == "equal" for t in tokens if is_content_word(t)]

        assert kept(cleaned) == kept(minimal), number
        diff = diff_texts(left[number], right[number])
        shown_left = [" ".join(op.text for op in p.ops) for p in diff.left]
        shown_right = [" ".join(op.text for op in p.ops) for p in diff.right]
        for passage in diff.left:
            text = " ".join(op.text for op in passage.ops)
            if text in shown_right:  # a paragraph found unchanged on the other side
                assert all(op.op == "equal" for op in passage.ops) or shown_left.count(text) > 1, (
                    number,
                    text,
                )


@pytest.mark.corpus
def test_indel_and_dmp_find_minimal_diffs_of_one_length(corpus_dir: Path, tmp_path: Path) -> None:
    """The engine swap kept every similarity: both diffs are minimal (same shared words)."""
    from treatydiff.compare import article_level
    from treatydiff.corpus import Registry
    from treatydiff.diff import diff_texts_dmp
    from treatydiff.store import Store

    registry = Registry(store=Store(tmp_path / "store"), tota_dir=corpus_dir / "tota")
    left, right = registry.load("tota:420"), registry.load("tota:94")
    index = right.body.index
    pairs = [(p.text, index[p.id].text) for p in article_level(left) if p.id in index]
    assert len(pairs) > 15
    for a, b in pairs:
        assert diff_texts(a, b).similarity == diff_texts_dmp(a, b).similarity


# --- the clean-up: linear time, the same result as folding one run at a time -----------

Runs = list[tuple[str, list[str]]]


def _reference_cleanup(runs: Runs, left_starts: set[int], right_starts: set[int]) -> Runs:
    """The clean-up as docs/diff.md states it, and as treatydiff ran it before it was made
    linear: fold the first foldable kept run, then look again from the start."""
    from treatydiff.diff import _merge, _regroup

    def edits(runs: Runs, k: int, step: int) -> int:
        counts = {"delete": 0, "insert": 0}
        k += step
        while 0 <= k < len(runs) and runs[k][0] != "equal":
            counts[runs[k][0]] += len(runs[k][1])
            k += step
        return max(counts.values())

    def fold(runs: Runs, k: int) -> Runs:
        start = k
        while start > 0 and runs[start - 1][0] != "equal":
            start -= 1
        stop = k + 1
        while stop < len(runs) and runs[stop][0] != "equal":
            stop += 1
        group = [*runs[start:k], ("delete", runs[k][1]), ("insert", runs[k][1]), *runs[k + 1 : stop]]
        deleted = [t for kind, tokens in group if kind == "delete" for t in tokens]
        inserted = [t for kind, tokens in group if kind == "insert" for t in tokens]
        return _merge([*runs[:start], ("delete", deleted), ("insert", inserted), *runs[stop:]])  # type: ignore[list-item]

    runs = _regroup(runs)  # type: ignore[arg-type]
    left_end = sum(len(tokens) for kind, tokens in runs if kind != "insert")
    right_end = sum(len(tokens) for kind, tokens in runs if kind != "delete")
    folded = True
    while folded:
        folded = False
        i = j = 0
        for k, (kind, tokens) in enumerate(runs):
            if kind == "equal" and 0 < k < len(runs) - 1:
                size = len(tokens)
                whole = (
                    (i == 0 or i in left_starts)
                    and (j == 0 or j in right_starts)
                    and (i + size in left_starts or i + size == left_end)
                    and (j + size in right_starts or j + size == right_end)
                )
                if (
                    size <= edits(runs, k, -1)
                    and size <= edits(runs, k, 1)
                    and not whole
                    and not any(is_content_word(t) for t in tokens)
                ):
                    runs = fold(runs, k)
                    folded = True
                    break
            i += len(tokens) if kind != "insert" else 0
            j += len(tokens) if kind != "delete" else 0
    return runs


_RUN_WORDS = st.sampled_from(["the", "of", "and", "to", "a", "shall", "Party", "trade", "не", "и", "1."])


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["equal", "delete", "insert"]), st.lists(_RUN_WORDS, min_size=1, max_size=4)
        ),
        max_size=30,
    ),
    st.data(),
)
def test_cleanup_matches_folding_one_run_at_a_time(runs: Runs, data: st.DataObject) -> None:  # synthetic
    left = sum(len(tokens) for kind, tokens in runs if kind != "insert")
    right = sum(len(tokens) for kind, tokens in runs if kind != "delete")
    left_starts = data.draw(st.sets(st.integers(1, max(left, 1))))
    right_starts = data.draw(st.sets(st.integers(1, max(right, 1))))
    copy = [(kind, list(tokens)) for kind, tokens in runs]
    assert cleanup(runs, left_starts, right_starts) == _reference_cleanup(copy, left_starts, right_starts)  # type: ignore[arg-type]


@pytest.mark.corpus
def test_cleanup_matches_folding_one_run_at_a_time_on_real_pairs(corpus_dir: Path, tmp_path: Path) -> None:
    """Related pairs (same article number in the Russian FTA family) and unrelated ones
    (articles of the TPP beside articles of NAFTA, which leave many short kept runs)."""
    import random

    from treatydiff.compare import article_level
    from treatydiff.corpus import Registry
    from treatydiff.diff import _indel_runs, _merge, _paragraph_starts
    from treatydiff.store import Store

    registry = Registry(store=Store(tmp_path / "store"), tota_dir=corpus_dir / "tota")
    texts = {n: [p.text for p in article_level(registry.load(f"tota:{n}"))] for n in (420, 423, 94, 449, 112)}
    pairs = list(zip(texts[420], texts[423], strict=False)) + list(zip(texts[420], texts[94], strict=False))
    rng = random.Random(9)
    short = {n: [t for t in texts[n] if len(t.split()) < 400] for n in (449, 112)}
    pairs += [(rng.choice(short[449]), rng.choice(short[112])) for _ in range(60)]
    folds = 0
    for a_text, b_text in pairs:
        a, a_starts, _ = _paragraph_starts(a_text)
        b, b_starts, _ = _paragraph_starts(b_text)
        minimal = _merge(_indel_runs(a, b)[0])
        expected = _reference_cleanup(minimal, a_starts, b_starts)  # type: ignore[arg-type]
        assert cleanup(minimal, a_starts, b_starts) == expected
        folds += len(expected) < len(_merge(minimal))
    assert folds > 20  # the pairs exercise the folding, not only its absence


# --- long texts: a bounded word matrix ---------------------------------------------------


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.sampled_from(["a", "b", "c", "d", "e", "f", "g", "h"]), max_size=60),
    st.lists(st.sampled_from(["a", "b", "c", "d", "e", "f", "g", "h"]), max_size=60),
    st.integers(1, 400),
)
def test_texts_over_the_matrix_bound_still_rebuild_both_sides(
    left: list[str], right: list[str], cells: int
) -> None:  # synthetic
    import treatydiff.diff as module

    original = module._MAX_CELLS
    module._MAX_CELLS = cells
    try:
        runs, shared = module._indel_runs(left, right)
        mirrored, shared_back = module._indel_runs(right, left)
    finally:
        module._MAX_CELLS = original
    assert [t for kind, tokens in runs if kind != "insert" for t in tokens] == left
    assert [t for kind, tokens in runs if kind != "delete" for t in tokens] == right
    assert shared == shared_back == sum(len(tokens) for kind, tokens in runs if kind == "equal")
    swap = {"equal": "equal", "delete": "insert", "insert": "delete"}
    assert [(swap[kind], tokens) for kind, tokens in mirrored] == runs


def test_long_texts_are_cut_at_the_words_each_side_holds_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # synthetic: two 300-word texts that share the once-only words u0..u9 in order
    import treatydiff.diff as module

    filler = ["x", "y", "z"]
    left = [w for k in range(10) for w in (f"u{k}", *(filler * 10))]
    right = [w for k in range(10) for w in (f"u{k}", *(filler[::-1] * 10))]
    exact, exact_shared = module._indel_runs(left, right)
    monkeypatch.setattr(module, "_MAX_CELLS", 2_000)
    runs, shared = module._indel_runs(left, right)
    kept = [t for kind, tokens in runs if kind == "equal" for t in tokens]
    assert [t for t in kept if t.startswith("u")] == [f"u{k}" for k in range(10)]
    assert 0 < shared <= exact_shared  # no longer minimal, never more than the minimal diff shares
    assert runs != exact


def test_long_texts_without_once_only_words_are_diffed_in_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    # synthetic: the same 200 words, repeated, on both sides: no word occurs once
    import treatydiff.diff as module

    words = ["the", "Parties", "shall", "cooperate"] * 50
    monkeypatch.setattr(module, "_MAX_CELLS", 1_000)
    runs, shared = module._indel_runs(words, words)
    assert runs == [("equal", words)]
    assert shared == len(words)


# --- counts without the report ----------------------------------------------------------


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="ab c\n1.", max_size=40), st.text(alphabet="ab c\n1.", max_size=40))
def test_diff_counts_are_the_diffs_own(left: str, right: str) -> None:  # synthetic
    diff = diff_texts(left, right)
    assert diff_counts(left, right) == (diff.similarity, diff.words_added, diff.words_removed)


@pytest.mark.corpus
def test_diff_counts_are_the_diffs_own_on_real_pairs(corpus_dir: Path) -> None:
    left, right = _tota_articles(corpus_dir, 420), _tota_articles(corpus_dir, 423)
    pairs = [(a, b) for a in list(left.values())[:8] for b in list(right.values())[:8]]
    for a, b in pairs:
        diff = diff_texts(a, b)
        assert diff_counts(a, b) == (diff.similarity, diff.words_added, diff.words_removed)


# --- paragraphs: the whole text normalised at once, as line by line ---------------------


def _reference_paragraph_starts(text: str) -> tuple[list[str], set[int], dict[int, str]]:
    """``_paragraph_starts`` as first written: each line normalised on its own."""
    from treatydiff.diff import _LEADING_LABELS, _SENTENCE_END

    tokens: list[str] = []
    starts: set[int] = set()
    markers: dict[int, str] = {}
    previous_ended = True
    pending: str | None = None
    for line in text.splitlines():
        if not line.strip():
            previous_ended = True
            continue
        label = _LEADING_LABELS.match(line)
        words = normalize(line).split()
        marker = " ".join(label.group().split()) if label else None
        if marker and pending:
            marker = f"{pending} {marker}"
        if tokens and words and (previous_ended or label or pending):
            starts.add(len(tokens))
        if words:
            if marker or pending:
                markers[len(tokens)] = marker or pending or ""
            pending = None
        elif marker:
            pending = marker
        tokens.extend(words)
        previous_ended = bool(_SENTENCE_END.search(line)) or (label is not None and not words)
    return tokens, starts, markers


def _reference_column(
    runs: Runs, shown: str, starts: set[int], markers: dict[int, str]
) -> list[tuple[str | None, list[tuple[str, str]]]]:
    """One side's paragraphs token by token, as ``_column`` was first written."""
    column: list[tuple[str | None, list[tuple[str, list[str]]]]] = []
    position = 0
    for kind, tokens in runs:
        if kind not in ("equal", shown):
            continue
        for token in tokens:
            if not column or position in starts:
                column.append((markers.get(position), []))
            current = column[-1][1]
            if current and current[-1][0] == kind:
                current[-1][1].append(token)
            else:
                current.append((kind, [token]))
            position += 1
    return [(marker, [(kind, " ".join(tokens)) for kind, tokens in body]) for marker, body in column]


# every kind of line break, quotes and dashes, invisible and combining characters, labels
_LINE_PIECES = st.sampled_from(
    ["\n", "\r\n", "\r", "\u2028", "\x85", "\x0c", "\n\n", " ", "\t", "1.", "(2)", "б)", "(a)", "a)",
     "Party", "shall", "«", "»", "“", "’", "'", "—", "–", "\u00ad", "\u200b", "e\u0301", "\u0301", ".", ";"]
)  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(_LINE_PIECES, max_size=40).map("".join))
def test_paragraphs_of_the_whole_text_are_those_of_each_line(text: str) -> None:  # synthetic
    from treatydiff.diff import _paragraph_starts

    assert _paragraph_starts(text) == _reference_paragraph_starts(text)


@settings(max_examples=500, deadline=None)
@given(st.lists(_LINE_PIECES, max_size=30).map("".join), st.lists(_LINE_PIECES, max_size=30).map("".join))
def test_columns_and_ops_match_building_them_word_by_word(left: str, right: str) -> None:  # synthetic
    from treatydiff.diff import _column, _indel_runs, _paragraph_starts

    a, a_starts, a_markers = _paragraph_starts(left)
    b, b_starts, b_markers = _paragraph_starts(right)
    runs = cleanup(_indel_runs(a, b)[0], a_starts, b_starts)
    for shown, starts, markers in (("delete", a_starts, a_markers), ("insert", b_starts, b_markers)):
        got = [(p.marker, [(op.op, op.text) for op in p.ops]) for p in _column(runs, shown, starts, markers)]  # type: ignore[arg-type]
        assert got == _reference_column(runs, shown, starts, markers)  # type: ignore[arg-type]
    # the ops' texts, line breaks included, as built token by token
    expected = []
    i = j = 0
    for kind, tokens in runs:
        pieces: list[str] = []
        for token in tokens:
            breaks = (kind != "insert" and i in a_starts) or (kind != "delete" and j in b_starts)
            pieces.append(("\n" if breaks else " " if pieces else "") + token)
            i += kind != "insert"
            j += kind != "delete"
        expected.append((kind, "".join(pieces)))
    assert [(op.op, op.text) for op in diff_texts(left, right).ops] == expected


@pytest.mark.corpus
def test_paragraphs_and_columns_of_real_provisions_are_unchanged(corpus_dir: Path, tmp_path: Path) -> None:
    from treatydiff.compare import article_level
    from treatydiff.corpus import Registry
    from treatydiff.diff import _column, _paragraph_starts
    from treatydiff.store import Store

    registry = Registry(store=Store(tmp_path / "store"), tota_dir=corpus_dir / "tota")
    for number in (420, 423, 449, 450, 112):
        for provision in article_level(registry.load(f"tota:{number}"))[::7]:
            tokens, starts, markers = _paragraph_starts(provision.text)
            assert (tokens, starts, markers) == _reference_paragraph_starts(provision.text)
            passages = _column([("equal", tokens)], "equal", starts, markers)
            got = [(p.marker, [(op.op, op.text) for op in p.ops]) for p in passages]
            assert got == _reference_column([("equal", tokens)], "equal", starts, markers)
