"""Word-level diffs of provision texts: the one adapter around the diff engines.

Texts are first normalised (:func:`normalize`) so that layout, quote and dash
styles and paragraph renumbering do not count as changes, then split into word
tokens (:func:`tokenize`). :func:`diff_texts` takes a minimal word diff from
rapidfuzz's ``Indel.opcodes`` (deterministic, in C) and applies
treatydiff's clean-up (:func:`cleanup`, docs/diff.md): a kept run is folded into the
surrounding replacement only when it is short, holds no content word and is not a
whole paragraph. :func:`diff_texts_dmp` gets the same minimal diff from diff-match-patch
(each distinct token encoded as one private-use character, ``Diff_Timeout = 0``), the
previous engine; :func:`diff_texts_difflib` computes the same kind of result with
``difflib.SequenceMatcher`` (autojunk off) as a cross-check and benchmark baseline.

A token is a run of non-whitespace characters, so punctuation stays attached to its
word (``Parties,``), as in wdiff. ``WordOp.text`` holds the normalised tokens of a
run joined with single spaces, or with a line break where a paragraph of the text
the run is shown in begins (a run that opens a paragraph starts with ``\n``), so
renderers can keep paragraphs apart; line breaks never count as changes.
``ProvisionDiff.left`` and ``.right`` give each side as printed: paragraph by
paragraph, each with its own number or letter ("2.", "(a)", "б)"), which the diff
itself ignores.
"""

from __future__ import annotations

import bisect
import itertools
import math
import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from difflib import SequenceMatcher

from diff_match_patch import diff_match_patch
from rapidfuzz.distance import Indel

from treatydiff.errors import TreatydiffError
from treatydiff.languages import records
from treatydiff.model import Passage, ProvisionDiff, WordOp, WordOpKind

__all__ = [
    "FUNCTION_WORDS",
    "cleanup",
    "diff_concat",
    "diff_counts",
    "diff_texts",
    "diff_texts_difflib",
    "diff_texts_dmp",
    "is_content_word",
    "normalize",
    "passages",
    "tokenize",
]

# Quote marks of every language's typography (treatydiff.languages) all become '"'.
# An apostrophe between two letters (Party's, Party’s) is part of a word, not a quote.
_DOUBLE = "".join(dict.fromkeys("".join(record.quotes for record in records())))
_SINGLE = "".join(dict.fromkeys("".join(record.single_quotes for record in records())))
_DOUBLES = re.compile(rf"[{_DOUBLE}]")
_SINGLES = re.compile(rf"[{_SINGLE}]")
_WORD_CHAR = re.compile(r"\w")
_DASHES = re.compile(r"[‐‑‒–—―−]")
# Invisible characters that OCR and word processors leave inside words.
_INVISIBLE = re.compile(r"[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
# A paragraph or point label at the start of a line: "1.", "2.3.", "(2)", "3)",
# "(a)", "a)", "б)", "(iv)". It must be followed by whitespace or the line's end,
# so "1.5 per cent" keeps its number.
_LABEL = r"(?:\(\s*(?:\d+|[^\W\d_]|[ivxlc]+)\s*\)|\d+(?:\.\d+)*[.)]|[^\W\d_][.)]|[ivxlc]+\))"
_LEADING_LABELS = re.compile(rf"^[ \t]*(?:{_LABEL}[ \t]*)*{_LABEL}(?=\s|$)", re.MULTILINE | re.IGNORECASE)


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Words too common to keep on their own inside a rewritten passage (docs/diff.md), per
# language; a token is compared in lower case without the punctuation around it. Modal
# verbs and negations (shall, may, not, не) are never on these lists: they carry the law.
FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": _wordset(
        "a an the of to in on at by for from with as and or nor but if than that this these those "
        "which who whom whose it its is are be been was were such other so there thereof herein"
    ),
    "ru": _wordset(
        "и в во на с со к ко о об от до по за из для при без или а но же ли что как "
        "это его ее её их который которые которых этого этой этих также"
    ),
    "fr": _wordset(
        "le la les l un une des du de d à au aux et ou en dans par pour sur avec que qui "
        "ce cette ces son sa ses leur leurs est sont"
    ),
    "es": _wordset(
        "el la los las lo un una unos unas de del al a y o e u en por para con sin que se su sus es son"
    ),
}
_FUNCTION = frozenset().union(*FUNCTION_WORDS.values())
_EDGES = re.compile(r"^\W+|\W+$")

Diff = list[tuple[WordOpKind, list[str]]]
# An engine's result: the runs to show, and the number of words both texts share
# (counted before semantic clean-up, which folds short common words into edits).
EngineResult = tuple[Diff, int]


def normalize(text: str) -> str:
    """The text as the diff sees it, one line per paragraph.

    Unicode is composed (NFC); invisible characters are dropped; curly, low and
    angle quotes become ``"`` (apostrophes inside words become ``'``); en, em and
    figure dashes become ``-``; a paragraph or point number at the start of the
    text or of any line ("1.", "(2)", "3)", "(a)", "б)") is removed; runs of
    spaces and tabs become one space and blank lines disappear.
    """
    text = _LEADING_LABELS.sub("", _characters(text))
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def _characters(text: str) -> str:
    """The character-level part of :func:`normalize`: it never adds or removes a ``\n``, and
    gives each line what it would give that line alone (``\n`` is no word character and
    composes with nothing)."""
    text = unicodedata.normalize("NFC", text)
    text = _INVISIBLE.sub("", text)
    text = _DOUBLES.sub('"', text)
    if _SINGLES.search(text) is not None:
        text = _SINGLES.sub(_single_quote, text)
    return _DASHES.sub("-", text)


def _single_quote(match: re.Match[str]) -> str:
    """A single quote between two word characters is an apostrophe ("'"), else a quote ('"')."""
    text, at = match.string, match.start()
    inside = (
        at > 0 and at + 1 < len(text) and _WORD_CHAR.match(text, at - 1) and _WORD_CHAR.match(text, at + 1)
    )
    return "'" if inside else '"'


def tokenize(text: str) -> list[str]:
    """The word tokens of the normalised ``text``: runs of non-whitespace characters."""
    return normalize(text).split()


def diff_texts(left: str, right: str) -> ProvisionDiff:
    """Word-level diff of two provision texts (a minimal diff by rapidfuzz's Indel opcodes).

    Args:
        left: The earlier or reference text.
        right: The text compared with it.

    Returns:
        Runs of equal, deleted (left only) and inserted (right only) words, with
        similarity and word counts.

    Raises:
        TreatydiffError: when the texts hold more distinct words than can be
            encoded (about 137,000).
    """
    return _build(left, right, _indel_runs)


def diff_counts(left: str, right: str) -> tuple[float, int, int]:
    """``(similarity, words_added, words_removed)`` of :func:`diff_texts`, without building
    the ops and passages a report shows (a one-line summary needs only these)."""
    left_tokens, left_starts, _ = _paragraph_starts(left)
    right_tokens, right_starts, _ = _paragraph_starts(right)
    if not left_tokens and not right_tokens:
        return 1.0, 0, 0
    runs, shared = _indel_runs(left_tokens, right_tokens)
    runs = cleanup(runs, left_starts, right_starts)
    added = sum(len(tokens) for kind, tokens in runs if kind == "insert")
    removed = sum(len(tokens) for kind, tokens in runs if kind == "delete")
    return 2 * shared / (len(left_tokens) + len(right_tokens)), added, removed


def diff_texts_dmp(left: str, right: str) -> ProvisionDiff:
    """The same diff as :func:`diff_texts`, computed by diff-match-patch's bisection
    (``Diff_Timeout = 0``): the previous engine, 12–58× slower on long texts, kept as a
    cross-check (the same minimal edit distance, so the same similarity).

    Raises:
        TreatydiffError: when the texts hold more distinct words than can be encoded.
    """
    return _build(left, right, _dmp_runs)


def diff_texts_difflib(left: str, right: str) -> ProvisionDiff:
    """The same diff as :func:`diff_texts`, computed by ``difflib.SequenceMatcher``.

    Autojunk is off, so frequent words ("the", "of") are matched like any other.
    """
    return _build(left, right, _difflib_runs)


def diff_concat(lefts: Sequence[str], rights: Sequence[str]) -> ProvisionDiff:
    """Diff several provisions against several (split or merged links).

    Each side's texts are joined in the given order with blank lines, so each
    provision opens a paragraph and its leading number is still removed by :func:`normalize`.
    """
    return diff_texts("\n\n".join(lefts), "\n\n".join(rights))


def is_content_word(token: str) -> bool:
    """True for a token that carries meaning: a letter or digit, and no function word."""
    bare = _EDGES.sub("", token).casefold()
    return any(ch.isalnum() for ch in bare) and bare not in _FUNCTION


def passages(text: str) -> tuple[Passage, ...]:
    """A text as printed, paragraph by paragraph, each with its own marker; nothing diffed."""
    tokens, starts, markers = _paragraph_starts(text)
    return _column([("equal", tokens)], "equal", starts, markers)


# --- engines -----------------------------------------------------------------


def _dmp_runs(left: list[str], right: list[str]) -> EngineResult:
    """diff-match-patch over the tokens, each encoded as one character.

    The two sides are always diffed in one canonical order, so that reading a comparison
    backwards gives exactly the mirrored diff (a minimal diff is not unique).
    """
    if right < left:
        runs, shared = _dmp_runs(right, left)
        mirror: dict[WordOpKind, WordOpKind] = {"equal": "equal", "delete": "insert", "insert": "delete"}
        return [(mirror[kind], tokens) for kind, tokens in runs], shared
    codes: dict[str, str] = {}
    words: dict[str, str] = {}
    alphabet = _private_use_chars()
    for token in (*left, *right):
        if token not in codes:
            char = next(alphabet, None)
            if char is None:
                raise TreatydiffError("texts too long to diff", hint="compare smaller provisions")
            codes[token] = char
            words[char] = token
    engine = diff_match_patch()
    engine.Diff_Timeout = 0  # no deadline: the same texts always give the same diff
    encoded = engine.diff_main(
        "".join(codes[t] for t in left), "".join(codes[t] for t in right), checklines=False
    )
    shared = sum(len(chars) for op, chars in encoded if op == 0)
    kinds: dict[int, WordOpKind] = {0: "equal", -1: "delete", 1: "insert"}
    return [(kinds[op], [words[c] for c in chars]) for op, chars in encoded], shared


_MAX_CELLS = 1 << 28
"""The largest word matrix (left words × right words) diffed exactly: about 32 MB of bits
for rapidfuzz. ToTA's longest pairs of article-level provisions stay below it."""


def _indel_runs(left: list[str], right: list[str]) -> EngineResult:
    """A minimal word diff (insertions and deletions only) by rapidfuzz's ``Indel`` opcodes.

    The same minimal edit distance as diff-match-patch's bisection, in C; the two sides are
    diffed in one canonical order, so a comparison read backwards is the mirrored diff.
    Texts too long to diff exactly (:data:`_MAX_CELLS`) are first cut at the words each
    side holds once (:func:`_anchored_runs`).
    """
    if right < left:
        backwards, shared = _indel_runs(right, left)
        mirror: dict[WordOpKind, WordOpKind] = {"equal": "equal", "delete": "insert", "insert": "delete"}
        return [(mirror[kind], tokens) for kind, tokens in backwards], shared
    runs = _anchored_runs(left, right) if len(left) * len(right) > _MAX_CELLS else _exact_runs(left, right)
    return runs, sum(len(tokens) for kind, tokens in runs if kind == "equal")


def _exact_runs(left: list[str], right: list[str]) -> Diff:
    runs: Diff = []
    for op in Indel.opcodes(left, right):
        if op.tag in ("equal", "delete"):
            runs.append(("equal" if op.tag == "equal" else "delete", left[op.src_start : op.src_end]))
        elif op.tag == "insert":
            runs.append(("insert", right[op.dest_start : op.dest_end]))
    return runs


def _anchored_runs(left: list[str], right: list[str], depth: int = 0) -> Diff:
    """A word diff of two long texts in bounded time and memory, as patience diff makes one.

    The words that occur once in each text, kept in the order both share (the longest
    such chain), are kept; the stretches between them are diffed exactly when small
    enough, else cut again (twice at most) at their own once-only words, else cut into
    equal numbers of pieces of each side that are diffed piece by piece.
    """
    if len(left) * len(right) <= _MAX_CELLS:
        return _exact_runs(left, right)
    chain = _unique_chain(left, right) if depth < 3 else []
    if not chain:
        pieces = math.isqrt(-(-len(left) * len(right) // _MAX_CELLS)) + 1
        cuts = [(len(left) * k // pieces, len(right) * k // pieces) for k in range(pieces + 1)]
        return _merge(
            [run for (i, j), (a, b) in itertools.pairwise(cuts) for run in _exact_runs(left[i:a], right[j:b])]
        )
    runs: Diff = []
    i = j = 0
    for a, b in [*chain, (len(left), len(right))]:
        runs += _anchored_runs(left[i:a], right[j:b], depth + 1) if a > i and b > j else []
        if a > i and b == j:
            runs.append(("delete", left[i:a]))
        elif b > j and a == i:
            runs.append(("insert", right[j:b]))
        if a < len(left):
            runs.append(("equal", [left[a]]))
        i, j = a + 1, b + 1
    return _merge(runs)


def _unique_chain(left: list[str], right: list[str]) -> list[tuple[int, int]]:
    """Positions (in left, in right) of the longest chain of words that occur once in each
    text and in the same order in both (patience sorting, n log n)."""
    once_left = _once(left)
    once_right = _once(right)
    pairs = sorted((i, once_right[word]) for word, i in once_left.items() if word in once_right)
    ends: list[int] = []  # ends[k]: the lowest right position that ends a chain of k + 1 words
    tails: list[int] = []  # the pair that ends it
    back: list[int] = []  # each pair's predecessor in its chain
    for number, (_i, j) in enumerate(pairs):
        k = bisect.bisect_left(ends, j)
        back.append(tails[k - 1] if k else -1)
        if k == len(ends):
            ends.append(j)
            tails.append(number)
        else:
            ends[k], tails[k] = j, number
    chain: list[tuple[int, int]] = []
    at = tails[-1] if tails else -1
    while at >= 0:
        chain.append(pairs[at])
        at = back[at]
    return chain[::-1]


def _once(tokens: list[str]) -> dict[str, int]:
    """Each word that occurs exactly once, with its position."""
    seen: dict[str, int] = {}
    for position, token in enumerate(tokens):
        seen[token] = -1 if token in seen else position
    return {token: position for token, position in seen.items() if position >= 0}


def _difflib_runs(left: list[str], right: list[str]) -> EngineResult:
    """``SequenceMatcher`` opcodes over the tokens; a replacement is a delete then an insert."""
    runs: Diff = []
    matcher = SequenceMatcher(None, left, right, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag in ("equal", "delete", "replace"):
            runs.append(("equal" if tag == "equal" else "delete", left[i1:i2]))
        if tag in ("insert", "replace"):
            runs.append(("insert", right[j1:j2]))
    return runs, sum(len(tokens) for kind, tokens in runs if kind == "equal")


def _private_use_chars() -> Iterator[str]:
    """Characters that never occur in treaty text and that semantic cleanup treats alike."""
    for start, stop in ((0xE000, 0xF8FF), (0xF0000, 0xFFFFD), (0x100000, 0x10FFFD)):
        for code in range(start, stop + 1):
            yield chr(code)


# --- result ------------------------------------------------------------------


Engine = Callable[[list[str], list[str]], EngineResult]


_SENTENCE_END = re.compile(r"[.;:!?]\W*$")


def _paragraph_starts(text: str) -> tuple[list[str], set[int], dict[int, str]]:
    """The tokens of ``text``, the indices of those that open a paragraph (after the first),
    and the marker printed before a paragraph ("2.", "(a)"), by the index of its first token.

    A line opens a paragraph when it follows a blank line or a line that ends a
    sentence, or when it starts with a paragraph or point number; other line breaks
    are hard wraps inside a paragraph.
    """
    tokens: list[str] = []
    starts: set[int] = set()
    markers: dict[int, str] = {}
    previous_ended = True
    pending: str | None = None  # a marker alone on its line waits for the words after it
    # the whole text is normalised at once, each line's labels then removed: as normalize(line)
    # (joined by "\n" alone: dropping a character between "\r" and "\n" must not merge two breaks)
    lines = text.splitlines()
    cleaned = _characters("\n".join(lines)).split("\n") if lines else []
    for line, characters in zip(lines, cleaned, strict=True):
        if not line.strip():
            previous_ended = True
            continue
        label = _LEADING_LABELS.match(line)
        # the labels of a line (no "\n" in it) can only open it: cut them off, as normalize does
        cut = label if characters == line else _LEADING_LABELS.match(characters)
        words = (characters[cut.end() :] if cut else characters).split()
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


def cleanup(runs: Diff, left_starts: set[int], right_starts: set[int]) -> Diff:
    """Fold short kept runs into the replacement around them, for readability (docs/diff.md).

    A kept run between edits is folded (shown as deleted and inserted) only when it is no
    longer than the edits on either side of it, holds no content word
    (:func:`is_content_word`), and is not a whole paragraph on both sides. So an unchanged
    point is never marked, and shared content words stay visible.

    Folding a run only makes the edits beside its neighbours longer, so the runs folded
    do not depend on the order of folding: each fold re-examines its two neighbours only,
    and the clean-up takes time linear in the number of runs.
    """
    kept: list[list[str]] = []  # the kept runs, in order
    groups: list[tuple[list[str], list[str]]] = [([], [])]  # edits before each kept run, then after the last
    for kind, tokens in _regroup(runs):
        if kind == "equal":
            kept.append(tokens)
            groups.append(([], []))
        else:
            groups[-1][1 if kind == "insert" else 0].extend(tokens)
    folded = _folded(kept, groups, left_starts, right_starts)
    result: Diff = []
    deleted: list[str] = []
    inserted: list[str] = []
    for number, (group_deleted, group_inserted) in enumerate(groups):
        deleted += group_deleted
        inserted += group_inserted
        if number < len(kept) and folded[number]:
            deleted += kept[number]
            inserted += kept[number]
            continue
        if deleted:
            result.append(("delete", deleted))
        if inserted:
            result.append(("insert", inserted))
        if number < len(kept):
            result.append(("equal", kept[number]))
        deleted, inserted = [], []
    return result


def _folded(
    kept: list[list[str]],
    groups: list[tuple[list[str], list[str]]],
    left_starts: set[int],
    right_starts: set[int],
) -> list[bool]:
    """Which kept runs :func:`cleanup` folds: the least set closed under its rule."""
    count = len(kept)
    left_end = sum(len(d) for d, _ in groups) + sum(len(tokens) for tokens in kept)
    right_end = sum(len(n) for _, n in groups) + sum(len(tokens) for tokens in kept)
    # A group of edits as [deleted, inserted] word counts; folding merges three into one.
    before = [[len(d), len(n)] for d, n in groups[:-1]]
    after = before[1:] + [[len(groups[-1][0]), len(groups[-1][1])]]
    foldable: list[bool | None] = [None] * count  # the rules that folding does not change, once known
    starts: list[tuple[int, int]] = []  # where each kept run starts in left and right
    i = j = 0
    for number, tokens in enumerate(kept):
        i += len(groups[number][0])
        j += len(groups[number][1])
        starts.append((i, j))
        i += len(tokens)
        j += len(tokens)
    previous = list(range(-1, count - 1))
    following = list(range(1, count + 1))
    folded = [False] * count
    pending = list(range(count - 1, -1, -1))
    while pending:
        number = pending.pop()
        if folded[number]:
            continue
        size = len(kept[number])
        left_edits, right_edits = before[number], after[number]
        if size > max(left_edits) or size > max(right_edits):
            continue
        if foldable[number] is None:
            i, j = starts[number]
            whole = (
                (i == 0 or i in left_starts)
                and (j == 0 or j in right_starts)
                and (i + size in left_starts or i + size == left_end)
                and (j + size in right_starts or j + size == right_end)
            )
            foldable[number] = not whole and not any(is_content_word(t) for t in kept[number])
        if not foldable[number]:
            continue
        folded[number] = True
        merged = [left_edits[0] + size + right_edits[0], left_edits[1] + size + right_edits[1]]
        back, forth = previous[number], following[number]
        if back >= 0:
            after[back] = merged
            following[back] = forth
            pending.append(back)
        if forth < count:
            before[forth] = merged
            previous[forth] = back
            pending.append(forth)
    return folded


def _build(left_text: str, right_text: str, engine: Engine) -> ProvisionDiff:
    """Run ``engine`` on the two texts' tokens and turn its runs into a :class:`ProvisionDiff`."""
    left, left_starts, left_markers = _paragraph_starts(left_text)
    right, right_starts, right_markers = _paragraph_starts(right_text)
    runs, shared = engine(left, right) if left or right else ([], 0)
    runs = cleanup(runs, left_starts, right_starts) if engine is not _difflib_runs else _merge(runs)
    counts = {"equal": 0, "insert": 0, "delete": 0}
    ops: list[WordOp] = []
    left_breaks, right_breaks = sorted(left_starts), sorted(right_starts)
    i = j = 0  # positions in left and right
    for kind, tokens in runs:
        size = len(tokens)
        counts[kind] += size
        # a token opens a line where it opens a paragraph of a side the run is shown in
        cuts: set[int] = set()
        if kind != "insert":
            cuts.update(b - i for b in _between(left_breaks, i, i + size))
        if kind != "delete":
            cuts.update(b - j for b in _between(right_breaks, j, j + size))
        if cuts:
            edges = [0, *sorted(cuts - {0}), size]
            lines = (" ".join(tokens[a:b]) for a, b in itertools.pairwise(edges))
            ops.append(WordOp(kind, ("\n" if 0 in cuts else "") + "\n".join(lines)))
        else:
            ops.append(WordOp(kind, " ".join(tokens)))
        i += size if kind != "insert" else 0
        j += size if kind != "delete" else 0
    total = len(left) + len(right)
    return ProvisionDiff(
        ops=tuple(ops),
        similarity=2 * shared / total if total else 1.0,
        words_added=counts["insert"],
        words_removed=counts["delete"],
        left=_column(runs, "delete", left_starts, left_markers),
        right=_column(runs, "insert", right_starts, right_markers),
    )


def _between(breaks: list[int], start: int, stop: int) -> list[int]:
    """The sorted ``breaks`` in ``start`` … ``stop - 1``."""
    return breaks[bisect.bisect_left(breaks, start) : bisect.bisect_left(breaks, stop)]


def _column(runs: Diff, shown: WordOpKind, starts: set[int], markers: dict[int, str]) -> tuple[Passage, ...]:
    """One side's paragraphs: its equal runs and its ``shown`` runs, broken where its text breaks."""
    breaks = sorted(starts)
    column: list[tuple[str | None, Diff]] = []
    position = 0  # of the run's first token in this side's text
    for kind, tokens in runs:
        if kind not in ("equal", shown):
            continue
        offset = 0
        while offset < len(tokens):
            here = position + offset
            if not column or here in starts:
                column.append((markers.get(here), []))
            following = bisect.bisect_right(breaks, here)
            stop = min(len(tokens), breaks[following] - position) if following < len(breaks) else len(tokens)
            current = column[-1][1]
            if current and current[-1][0] == kind:
                current[-1][1].extend(tokens[offset:stop])
            else:
                current.append((kind, tokens[offset:stop]))
            offset = stop
        position += len(tokens)
    return tuple(
        Passage(marker, tuple(WordOp(kind, " ".join(tokens)) for kind, tokens in body))
        for marker, body in column
    )


def _regroup(runs: Diff) -> Diff:
    """Each group of edits between two kept runs as one deletion, then one insertion."""
    grouped: Diff = []
    deleted: list[str] = []
    inserted: list[str] = []
    for kind, tokens in [*runs, ("equal", [])]:
        if kind == "delete":
            deleted += tokens
        elif kind == "insert":
            inserted += tokens
        else:
            grouped += [("delete", deleted), ("insert", inserted), (kind, list(tokens))]
            deleted, inserted = [], []
    return _merge(grouped)


def _merge(runs: Diff) -> Diff:
    """Drop empty runs and join neighbours of the same kind."""
    merged: Diff = []
    for kind, tokens in runs:
        if not tokens:
            continue
        if merged and merged[-1][0] == kind:
            merged[-1][1].extend(tokens)  # a list of merged's own (below): no quadratic copies
        else:
            merged.append((kind, list(tokens)))
    return merged
