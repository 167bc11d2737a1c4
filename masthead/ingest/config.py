"""The wire desk's settings, read where they are used (not at import) so tests can override them."""

from __future__ import annotations

from django.conf import settings

from masthead.ingest import freshness, schemas
from masthead.ingest.formats import registry
from masthead.ingest.formats.base import ItemLimits


def max_payload_bytes() -> int:
    return int(getattr(settings, "INGEST_MAX_PAYLOAD_BYTES", registry.DEFAULT_MAX_BYTES))


def item_limits() -> ItemLimits:
    """How long one item's headline and body (and summary) may be: INGEST_MAX_HEADLINE_CHARS, INGEST_MAX_BODY_CHARS."""
    defaults = ItemLimits()
    return ItemLimits(
        headline_chars=int(getattr(settings, "INGEST_MAX_HEADLINE_CHARS", defaults.headline_chars)),
        body_chars=int(getattr(settings, "INGEST_MAX_BODY_CHARS", defaults.body_chars)),
    )


def stale_after_days() -> int:
    return int(getattr(settings, "INGEST_STALE_AFTER_DAYS", freshness.STALE_AFTER_DAYS))


def schema_catalogue():
    return schemas.catalogue(getattr(settings, "INGEST_SCHEMA_DIR", ""))
