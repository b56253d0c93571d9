"""Word-level diffs of provision texts: the one adapter around diff-match-patch.

Texts are first normalised (:func:`normalize`) so that layout, quote and dash
styles and paragraph renumbering do not count as changes, then split into word
tokens (:func:`tokenize`). :func:`diff_texts` encodes each distinct token as one
private-use Unicode character, diffs the two strings with diff-match-patch
(``Diff_Timeout = 0``, so the result never depends on machine speed) and applies
semantic cleanup. :func:`diff_texts_difflib` computes the same kind of result with
``difflib.SequenceMatcher`` (autojunk off) as a cross-check and benchmark baseline.

A token is a run of non-whitespace characters, so punctuation stays attached to its
word (``Parties,``), as in wdiff. ``WordOp.text`` holds the normalised tokens of a
run joined with single spaces, or with a line break where a paragraph of the text
the run is shown in begins (a run that opens a paragraph starts with ``\n``), so
renderers can keep paragraphs apart; line breaks never count as changes.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from difflib import SequenceMatcher

from diff_match_patch import diff_match_patch

from treatydiff.errors import TreatydiffError
from treatydiff.languages import records
from treatydiff.model import ProvisionDiff, WordOp, WordOpKind

__all__ = ["diff_concat", "diff_texts", "diff_texts_difflib", "normalize", "tokenize"]

# Quote marks of every language's typography (treatydiff.languages) all become '"'.
# An apostrophe between two letters (Party's, Party’s) is part of a word, not a quote.
_DOUBLE = "".join(dict.fromkeys("".join(record.quotes for record in records())))
_SINGLE = "".join(dict.fromkeys("".join(record.single_quotes for record in records())))
_QUOTES = re.compile(rf"[{_DOUBLE}]|(?<!\w)[{_SINGLE}]|[{_SINGLE}](?!\w)")
_APOSTROPHE = re.compile(rf"[{_SINGLE}]")
_DASHES = re.compile(r"[‐‑‒–—―−]")
# Invisible characters that OCR and word processors leave inside words.
_INVISIBLE = re.compile(r"[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
# A paragraph or point label at the start of a line: "1.", "2.3.", "(2)", "3)",
# "(a)", "a)", "б)", "(iv)". It must be followed by whitespace or the line's end,
# so "1.5 per cent" keeps its number.
_LABEL = r"(?:\(\s*(?:\d+|[^\W\d_]|[ivxlc]+)\s*\)|\d+(?:\.\d+)*[.)]|[^\W\d_][.)]|[ivxlc]+\))"
_LEADING_LABELS = re.compile(rf"^[ \t]*(?:{_LABEL}[ \t]*)*{_LABEL}(?=\s|$)", re.MULTILINE | re.IGNORECASE)

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
    text = unicodedata.normalize("NFC", text)
    text = _INVISIBLE.sub("", text)
    text = _QUOTES.sub('"', text)
    text = _APOSTROPHE.sub("'", text)  # the single quotes left are inside words
    text = _DASHES.sub("-", text)
    text = _LEADING_LABELS.sub("", text)
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def tokenize(text: str) -> list[str]:
    """The word tokens of the normalised ``text``: runs of non-whitespace characters."""
    return normalize(text).split()


def diff_texts(left: str, right: str) -> ProvisionDiff:
    """Word-level diff of two provision texts with diff-match-patch.

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
    return _build(left, right, _dmp_runs)


def diff_texts_difflib(left: str, right: str) -> ProvisionDiff:
    """The same diff as :func:`diff_texts`, computed by ``difflib.SequenceMatcher``.

    Autojunk is off, so frequent words ("the", "of") are matched like any other.
    """
    return _build(left, right, _difflib_runs)


def diff_concat(lefts: Sequence[str], rights: Sequence[str]) -> ProvisionDiff:
    """Diff several provisions against several (split, merged or ranged links).

    Each side's texts are joined in the given order with line breaks, so each
    provision's leading paragraph number is still removed by :func:`normalize`.
    """
    return diff_texts("\n".join(lefts), "\n".join(rights))


# --- engines -----------------------------------------------------------------


def _dmp_runs(left: list[str], right: list[str]) -> EngineResult:
    """diff-match-patch over the tokens, each encoded as one character."""
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
    engine.diff_cleanupSemantic(encoded)
    kinds: dict[int, WordOpKind] = {0: "equal", -1: "delete", 1: "insert"}
    return [(kinds[op], [words[c] for c in chars]) for op, chars in encoded], shared


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


def _paragraph_starts(text: str) -> tuple[list[str], set[int]]:
    """The tokens of ``text`` and the indices of those that open a paragraph (after the first).

    A line opens a paragraph when it follows a blank line or a line that ends a
    sentence, or when it starts with a paragraph or point number; other line breaks
    are hard wraps inside a paragraph.
    """
    tokens: list[str] = []
    starts: set[int] = set()
    previous_ended = True
    for line in text.splitlines():
        if not line.strip():
            previous_ended = True
            continue
        words = normalize(line).split()
        if tokens and words and (previous_ended or _LEADING_LABELS.match(line)):
            starts.add(len(tokens))
        tokens.extend(words)
        previous_ended = bool(_SENTENCE_END.search(line))
    return tokens, starts


def _build(left_text: str, right_text: str, engine: Engine) -> ProvisionDiff:
    """Run ``engine`` on the two texts' tokens and turn its runs into a :class:`ProvisionDiff`."""
    left, left_starts = _paragraph_starts(left_text)
    right, right_starts = _paragraph_starts(right_text)
    runs, shared = engine(left, right) if left or right else ([], 0)
    runs = _merge(runs)
    counts = {"equal": 0, "insert": 0, "delete": 0}
    ops: list[WordOp] = []
    i = j = 0  # positions in left and right
    for kind, tokens in runs:
        counts[kind] += len(tokens)
        pieces: list[str] = []
        for token in tokens:
            breaks = (kind != "insert" and i in left_starts) or (kind != "delete" and j in right_starts)
            pieces.append(("\n" if breaks else " " if pieces else "") + token)
            i += kind != "insert"
            j += kind != "delete"
        ops.append(WordOp(kind, "".join(pieces)))
    total = len(left) + len(right)
    return ProvisionDiff(
        ops=tuple(ops),
        similarity=2 * shared / total if total else 1.0,
        words_added=counts["insert"],
        words_removed=counts["delete"],
    )


def _merge(runs: Diff) -> Diff:
    """Drop empty runs and join neighbours of the same kind."""
    merged: Diff = []
    for kind, tokens in runs:
        if not tokens:
            continue
        if merged and merged[-1][0] == kind:
            merged[-1] = (kind, merged[-1][1] + tokens)
        else:
            merged.append((kind, list(tokens)))
    return merged
