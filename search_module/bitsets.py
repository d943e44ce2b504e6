"""Sets of documents as Python ints, one bit per document number.

AND/OR/NOT on whole result sets are then single C-level operations, and a count is a
``bit_count()``. The byte form (``bits.to_bytes(nbytes, "little")``) answers "is document
d in the set" in one index and one mask, which is what per-posting loops use.
"""

from __future__ import annotations

from collections.abc import Iterable

#: The mask of bit ``i`` within a byte.
BIT: tuple[int, ...] = tuple(1 << i for i in range(8))
_BYTE_POSITIONS = tuple(tuple(i for i in range(8) if byte & (1 << i)) for byte in range(256))


def bits_from_ids(ids: Iterable[int], nbytes: int) -> int:
    """Build a bitset (an int) from document numbers."""
    buf = bytearray(nbytes)
    bit = BIT
    for i in ids:
        buf[i >> 3] |= bit[i & 7]
    return int.from_bytes(buf, "little")


def bits_to_list(bits: int) -> list[int]:
    """Document numbers set in a bitset, ascending."""
    if not bits:
        return []
    raw = bits.to_bytes((bits.bit_length() + 7) // 8, "little")
    out: list[int] = []
    positions = _BYTE_POSITIONS
    for index, byte in enumerate(raw):
        if byte:
            base = index << 3
            out.extend(base + p for p in positions[byte])
    return out
