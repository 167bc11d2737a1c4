"""``updated_since`` as the OpenAPI document declares it: an RFC 3339 date-time, nothing looser.

Pydantic's ``datetime`` also takes Unix seconds (``0.5``), bare dates
(``2026-11-28``) and times without an offset, none of which is a
``date-time``; the schema and the API would disagree, and an app sending a
date would get a sync from an hour it did not mean. So the parameter is
parsed here, by RFC 3339's grammar (section 5.6): a ``T`` between date and
time, seconds, and ``Z`` or a ``±hh:mm`` offset.

Every time the grammar allows is accepted, including those Python cannot
hold (year 0, a minute before year 1 in UTC, 9999-12-31 in a western
offset): they are clamped to the edges of Python's range, which ask for
"everything" and "nothing" just the same. A leap second (``:60``, valid only
at 23:59 UTC) reads as the last microsecond of that minute.
"""

from __future__ import annotations

import calendar
import re
from datetime import UTC, datetime, timedelta
from typing import Annotated

from pydantic import BeforeValidator, WithJsonSchema

GRAMMAR = re.compile(
    r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})[Tt]"
    r"(?P<hour>\d{2}):(?P<minute>\d{2}):(?P<second>\d{2})(?:\.(?P<fraction>\d+))?"
    r"(?P<offset>[Zz]|(?P<sign>[+-])(?P<offset_hours>\d{2}):(?P<offset_minutes>\d{2}))"
)
# Far enough inside Python's range that shifting to any edition's offset cannot overflow.
EARLIEST = datetime(1, 1, 2, tzinfo=UTC)
LATEST = datetime(9999, 12, 30, tzinfo=UTC)
MINUTES_PER_DAY = 24 * 60


def parse_rfc3339(value: object) -> datetime:
    """The UTC moment an RFC 3339 date-time names; ValueError for anything else (pydantic turns it into a 422)."""
    if isinstance(value, datetime):  # a default or a caller's own value, never from the query string
        return value
    match = GRAMMAR.fullmatch(value) if isinstance(value, str) else None
    if match is None:
        raise ValueError("must be an RFC 3339 date-time with a UTC offset, e.g. 2026-11-28T09:30:00Z")
    part = {name: int(text) for name, text in match.groupdict().items() if text and text.isdigit()}
    year, month, day = part["year"], part["month"], part["day"]
    hour, minute, second = part["hour"], part["minute"], part["second"]
    offset = 0
    if match["sign"]:
        if part["offset_hours"] > 23 or part["offset_minutes"] > 59:
            raise ValueError("the UTC offset is out of range")
        offset = (part["offset_hours"] * 60 + part["offset_minutes"]) * (1 if match["sign"] == "+" else -1)
    days_in_month = calendar.monthrange(year or 2000, month)[1] if 1 <= month <= 12 else 0  # year 0 is a leap year
    if not 1 <= day <= days_in_month or hour > 23 or minute > 59 or second > 60:
        raise ValueError("no such date or time")
    leap = second == 60
    if leap and (hour * 60 + minute - offset) % MINUTES_PER_DAY != MINUTES_PER_DAY - 1:
        raise ValueError("a leap second falls at 23:59:60 UTC only")
    microsecond = int((match["fraction"] or "0")[:6].ljust(6, "0"))
    if leap:
        second, microsecond = 59, 999_999
    try:
        local = datetime(year, month, day, hour, minute, second, microsecond)
        moment = local.replace(tzinfo=UTC) - timedelta(minutes=offset)
    except (ValueError, OverflowError):  # year 0, or past year 9999 once in UTC
        return EARLIEST if year <= 1 else LATEST
    return min(max(moment, EARLIEST), LATEST)


# A query parameter declared as ``{"type": "string", "format": "date-time"}`` and read as an aware UTC datetime.
Rfc3339 = Annotated[
    datetime,
    BeforeValidator(parse_rfc3339),
    WithJsonSchema({"type": "string", "format": "date-time"}),
]
