"""Content codings: which one a reader asked for, and the compressed bytes.

Pages are compressed once, when the store writes them (a slow, small
Brotli setting is affordable then), and served as they are; what Django
renders uncached is compressed per response, faster and a little larger.

Brotli needs the ``brotli`` package; without it only gzip is offered.
"""

from __future__ import annotations

import gzip

try:
    import brotli
except ImportError:  # pragma: no cover - an install without the optional package still serves gzip
    brotli = None

IDENTITY = "identity"
# Best first: the smaller encoding wherever the reader takes it.
PREFERENCE = ("br", "gzip") if brotli is not None else ("gzip",)
SUFFIXES = {"br": ".br", "gzip": ".gz"}  # the files beside a page, named as nginx's *_static modules look for them
# Not 11: twice the time (50-250 ms for an 80 KB page, paid by a reader on a miss) for some 3% less.
STORED_BROTLI_QUALITY = 10
LIVE_BROTLI_QUALITY = 5
LIVE_GZIP_LEVEL = 6
# Text compresses to a fraction; pictures (PNG, WebP, JPEG) and fonts are compressed already and only grow.
COMPRESSIBLE_TYPES = (
    "text/",
    "application/json",
    "application/xml",
    "application/rss+xml",
    "application/atom+xml",
    "application/manifest+json",
    "application/javascript",
    "image/svg+xml",
)


def worth_compressing(content_type: str) -> bool:
    return content_type.strip().lower().startswith(COMPRESSIBLE_TYPES)


def compress(body: bytes, encoding: str, *, live: bool = False) -> bytes:
    if encoding == "gzip":
        # mtime=0: the same page always compresses to the same bytes (no timestamp in the header).
        return gzip.compress(body, compresslevel=LIVE_GZIP_LEVEL if live else 9, mtime=0)
    if encoding == "br":
        return brotli.compress(body, quality=LIVE_BROTLI_QUALITY if live else STORED_BROTLI_QUALITY)
    raise ValueError(f"unknown content coding {encoding!r}")


def accepted(header: str | None) -> dict[str, float]:
    """``Accept-Encoding`` as coding → q-value (RFC 9110 12.5.3); malformed q-values count as 0."""
    wanted: dict[str, float] = {}
    for item in (header or "").split(","):
        name, *params = (part.strip() for part in item.split(";"))
        if not name:
            continue
        quality = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    quality = min(1.0, max(0.0, float(value)))
                except ValueError:
                    quality = 0.0
        wanted[name.lower()] = quality
    return wanted


def choose(header: str | None, available: tuple[str, ...] = PREFERENCE) -> str:
    """The coding to answer with: the first of ``available`` (br, then gzip) the reader accepts, else identity.

    Accepted means a q-value above 0, named or through ``*``. The order is ours,
    not the reader's q-values, because it is nginx's: ``brotli_static`` answers
    before ``gzip_static`` whatever the q-values say (tested), and a reader
    should get the same bytes, and so the same ETag, from either server. When
    the reader excludes everything, even identity, it still gets identity, as
    RFC 9110 allows, rather than a 406.
    """
    wanted = accepted(header)
    star = wanted.get("*", 0.0)
    for coding in available:
        if wanted.get(coding, star) > 0:
            return coding
    return IDENTITY
