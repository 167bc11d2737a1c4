"""Opaque cursors for keyset pagination: the last row's sort key, base64-encoded.

Clients pass back ``next_cursor`` untouched. A cursor names the listing it
belongs to (``kind``), so one listing's cursor is refused by another, and
anything that does not decode is a 404 ``invalid_cursor``, never a 500: a
cursor the listing never gave out names no page of it. (Not a 400: the
request is well formed by the OpenAPI document, which cannot describe what a
server once gave out, and a schema-valid request is not a malformed one.)
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from datetime import datetime

from django.utils.translation import gettext_lazy as _

from masthead.api.errors import ApiError

CURSOR_PATTERN = r"^[A-Za-z0-9_-]+$"
MAX_CURSOR_LENGTH = 200
MAX_OFFSET = 1_000  # search results are ranked, not keyed: paged by offset, this deep at most


@dataclass(frozen=True)
class Cursor:
    kind: str
    moment: datetime | None = None
    key: int = 0


def encode(cursor: Cursor) -> str:
    data = {"k": cursor.kind, "i": cursor.key}
    if cursor.moment is not None:
        data["t"] = cursor.moment.isoformat()
    return base64.urlsafe_b64encode(json.dumps(data, separators=(",", ":")).encode()).decode().rstrip("=")


def decode(raw: str, kind: str) -> Cursor:
    try:
        padded = raw + "=" * (-len(raw) % 4)
        data = json.loads(base64.urlsafe_b64decode(padded.encode()))
        if not isinstance(data, dict) or data.get("k") != kind:
            raise ValueError("cursor of another listing")
        key = data.get("i")
        if not isinstance(key, int) or isinstance(key, bool) or not 0 <= key < 2**63:
            raise ValueError("bad key")
        moment = None
        if "t" in data:
            moment = datetime.fromisoformat(data["t"])
            if moment.tzinfo is None:
                raise ValueError("naive time")
        elif kind != "search":
            raise ValueError("missing time")
        if kind == "search" and key > MAX_OFFSET:
            raise ValueError("too deep")
        return Cursor(kind=kind, moment=moment, key=key)
    except (ValueError, TypeError, binascii.Error, UnicodeDecodeError, OverflowError) as error:
        raise ApiError(404, "invalid_cursor", _("The cursor is not one this listing gave out.")) from error
