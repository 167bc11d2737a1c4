"""Near-duplicate detection: word shingles, MinHash signatures, LSH bands. Pure.

Two agencies rewriting the same event share many three-word runs ("the
Russian delegation", "talks with Ukraine"); the Jaccard similarity of the
sets of those runs is high, and MinHash estimates it from a fixed-size
signature. Bands of the signature (locality-sensitive hashing) are stored
as indexed integers, so finding candidates for a new item is one indexed
query, not a comparison with every item on the wire.

With 32 bands of 2 rows, two items whose true similarity is 0.35 share a
band with probability ≈ 0.98, at 0.1 ≈ 0.27; candidates are then checked
against :data:`CLUSTER_THRESHOLD` on the full signature.
"""

from __future__ import annotations

import hashlib
import random
import re
import unicodedata

SHINGLE_WORDS = 3
# Signatures are made from the headline and the first words of the copy: the lead
# is where rewrites of one event overlap most, and it bounds the cost per item.
SIGNATURE_WORDS = 400
NUM_PERMUTATIONS = 64
BANDS = 32
ROWS = NUM_PERMUTATIONS // BANDS
CLUSTER_THRESHOLD = 0.35
_PRIME = (1 << 61) - 1
_MASK = (1 << 61) - 1
_BAND_MASK = (1 << 62) - 1  # fits a signed 64-bit database column

_rng = random.Random(20230528)  # fixed: signatures must be comparable across processes and releases
_PERMUTATIONS = tuple((_rng.randrange(1, _PRIME), _rng.randrange(0, _PRIME)) for _ in range(NUM_PERMUTATIONS))
_WORD = re.compile(r"\w+", re.UNICODE)


def words(text: str) -> list[str]:
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def _hash(value: str) -> int:
    return int.from_bytes(hashlib.blake2b(value.encode("utf-8"), digest_size=8).digest(), "big") & _MASK


def shingles(text: str, size: int = SHINGLE_WORDS, limit: int | None = None) -> set[int]:
    """Hashes of every run of ``size`` consecutive words (the whole text if it is shorter), of the first ``limit`` words."""
    tokens = words(text)[:limit] if limit else words(text)
    if not tokens:
        return set()
    if len(tokens) < size:
        return {_hash(" ".join(tokens))}
    return {_hash(" ".join(tokens[i : i + size])) for i in range(len(tokens) - size + 1)}


def signature(text: str) -> list[int]:
    """The MinHash signature of a text: NUM_PERMUTATIONS minima of universal hashes of its shingles."""
    values = shingles(text, limit=SIGNATURE_WORDS)
    if not values:
        return []
    items = list(values)
    return [min((a * x + b) % _PRIME for x in items) for a, b in _PERMUTATIONS]


def bands(sig: list[int]) -> list[int]:
    """One integer per band of the signature; equal band values mark candidate near-duplicates."""
    if len(sig) != NUM_PERMUTATIONS:
        return []
    out = []
    for band in range(BANDS):
        rows = sig[band * ROWS : (band + 1) * ROWS]
        digest = hashlib.blake2b(repr((band, rows)).encode("ascii"), digest_size=8).digest()
        out.append(int.from_bytes(digest, "big") & _BAND_MASK)
    return out


def similarity(a: list[int], b: list[int]) -> float:
    """Estimated Jaccard similarity of the two texts the signatures were made from."""
    if not a or len(a) != len(b):
        return 0.0
    return sum(1 for x, y in zip(a, b, strict=True) if x == y) / len(a)


def jaccard(text_a: str, text_b: str) -> float:
    """Exact Jaccard similarity of two texts' shingles (for tests and the benchmark)."""
    a, b = shingles(text_a), shingles(text_b)
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)
