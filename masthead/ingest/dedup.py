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

The functions down to :func:`jaccard` are pure; :func:`index` and
:func:`cluster_story` store bands and clusters (``WireBand``,
``WireCluster``) for the pipeline and the desk.
"""

from __future__ import annotations

import hashlib
import random
import re
import unicodedata

from django.utils import timezone

from masthead.ingest.models import WireBand, WireCluster, WireItem
from masthead.ingest.sanitize import text_of_blocks

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


# ---------------------------------------------------------------------------
# Stored: bands and clusters of the items on the wire.


def index(item: WireItem) -> bool:
    """Sign the item, store its LSH bands and put it in a cluster; True when it joined an existing cluster."""
    sig = signature(f"{item.headline}\n{text_of_blocks(item.body_html)}")
    item.signature = sig
    WireBand.objects.filter(item=item).delete()
    band_values = bands(sig)
    WireBand.objects.bulk_create(WireBand(item=item, value=value) for value in band_values)
    joined = False
    if item.cluster_id is None:
        best, best_score = None, 0.0
        if band_values and item.status != WireItem.Status.REJECTED:
            candidate_ids = set(
                WireBand.objects.filter(value__in=band_values).exclude(item=item).values_list("item_id", flat=True)[:500]
            )
            for candidate in (
                WireItem.objects.filter(pk__in=candidate_ids).exclude(cluster=None).only("pk", "signature", "cluster_id")
            ):
                score = similarity(sig, candidate.signature)
                if score > best_score:
                    best, best_score = candidate, score
        if best is not None and best_score >= CLUSTER_THRESHOLD:
            item.cluster_id = best.cluster_id
            joined = True
        else:
            item.cluster = WireCluster.objects.create()
    WireCluster.objects.filter(pk=item.cluster_id).update(lead=item, updated_at=timezone.now())
    WireItem.objects.filter(pk=item.pk).update(signature=sig, cluster=item.cluster_id)
    return joined


def cluster_story(item: WireItem):
    """A story already made from another item of the same cluster, if any."""
    if item.cluster_id is None:
        return None
    other = (
        WireItem.objects.filter(cluster_id=item.cluster_id)
        .exclude(pk=item.pk)
        .exclude(article=None)
        .select_related("article")
        .first()
    )
    return other.article if other else None
