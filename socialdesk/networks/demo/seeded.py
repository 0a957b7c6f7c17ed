"""Numbers fixed by their inputs: the demo's only source of chance, so that two providers built with
the same seed and anchor tell the same story."""

from __future__ import annotations

import hashlib


def h64(*parts: object) -> int:
    data = "\x1f".join(str(p) for p in parts).encode()
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "big")


def unit(*parts: object) -> float:
    """A number in [0, 1) fixed by ``parts``."""
    return h64(*parts) / 2**64
