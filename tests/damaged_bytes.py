"""Damaged copies of a valid file for the fuzz tests of the PDF and Word readers."""

from __future__ import annotations

from hypothesis import strategies as st

DAMAGE = {
    "cut": st.integers(min_value=0, max_value=100_000),
    "junk": st.binary(max_size=64),
    "flip": st.integers(0, 10**6),
}
"""Keyword strategies for :func:`damaged`, as ``@given(**DAMAGE)``."""


def damaged(seed: bytes, cut: int, junk: bytes, flip: int) -> bytes:
    """``seed`` with one byte changed, cut short, and ``junk`` appended."""
    data = bytearray(seed)
    position = flip % len(data)
    data[position] = (data[position] + 1 + flip % 255) % 256
    return bytes(data[: cut % (len(data) + 1)]) + junk
