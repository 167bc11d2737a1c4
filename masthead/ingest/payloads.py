"""Bytes as received and who sent them: the payload record and the wire source, each made once.

Two processes may receive the same bytes (or a new source's first delivery) at the same moment. Each row is
made in a savepoint; the loser of the race meets the unique constraint, rolls back to the savepoint and uses
the winner's row, so neither process fails.
"""

from __future__ import annotations

import hashlib
from urllib.parse import urlsplit

from django.db import IntegrityError, transaction

from masthead.ingest.formats.base import ParseResult
from masthead.ingest.models import WirePayload, WireSource

MANUAL_SOURCE = "Manual upload"
# What is kept of a payload over the size limit: enough to see what it was.
TRUNCATED_HEAD_BYTES = 64 * 1024


def store_payload(
    content: bytes, *, origin: str, content_type: str, source: WireSource | None, limit: int
) -> tuple[WirePayload, bool]:
    """The payload record for these bytes (an existing one when the same bytes came before), and whether it is new."""
    digest = hashlib.sha256(content).hexdigest()
    existing = WirePayload.objects.filter(sha256=digest).first()
    if existing is not None:
        return existing, False
    truncated = len(content) > limit
    try:
        with transaction.atomic():
            payload = WirePayload.objects.create(
                sha256=digest,
                content=content[: min(len(content), TRUNCATED_HEAD_BYTES)] if truncated else content,
                size=len(content),
                truncated=truncated,
                content_type=content_type[:255],
                origin=origin[:2000],
                source=source,
            )
    except IntegrityError:
        return WirePayload.objects.get(sha256=digest), False
    return payload, True


def source_named(name: str, *, kind: str = "auto") -> WireSource:
    """The source of that name, made on first use."""
    source = WireSource.objects.filter(name=name).first()
    if source is not None:
        return source
    try:
        with transaction.atomic():
            return WireSource.objects.create(name=name[:120], kind=kind if kind in dict(WireSource.KIND_CHOICES) else "auto")
    except IntegrityError:
        return WireSource.objects.get(name=name[:120])


def source_for(source: WireSource | None, result: ParseResult | None, origin: str, kind: str) -> WireSource:
    """The given source, else one named by the payload itself (a feed's or site's title, a URL's host)."""
    if source is not None:
        return source
    name = (result.title if result else "") or ""
    if not name and origin.startswith(("http://", "https://")):
        name = urlsplit(origin).hostname or ""
    return source_named((name or MANUAL_SOURCE)[:120], kind=kind)
