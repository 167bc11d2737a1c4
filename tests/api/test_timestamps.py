"""``updated_since`` is parsed exactly as the OpenAPI document declares it: an RFC 3339 ``date-time``."""

from __future__ import annotations

from datetime import UTC, datetime

import jsonschema_rs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from masthead.api.timestamps import EARLIEST, LATEST, parse_rfc3339

DATE_TIME = jsonschema_rs.validator_for({"type": "string", "format": "date-time"}, validate_formats=True)
# Near-misses as well as hits: days, hours and offsets out of range, leap seconds, a space, no offset.
CANDIDATES = st.from_regex(
    r"\A[0-9]{4}-[01][0-9]-[0-3][0-9][Tt ][0-2][0-9]:[0-5][0-9]:[0-6][0-9](\.[0-9]{1,9})?([Zz]|[+-][0-2][0-9]:[0-6][0-9])?\Z"
)


def accepts(value: str) -> bool:
    try:
        parse_rfc3339(value)
    except ValueError:
        return False
    return True


@settings(max_examples=400, deadline=None, database=None)
@given(CANDIDATES)
def test_it_accepts_exactly_what_json_schema_calls_a_date_time(value):
    assert accepts(value) is DATE_TIME.is_valid(value), value


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2026-11-28T09:30:00Z", datetime(2026, 11, 28, 9, 30, tzinfo=UTC)),
        ("2026-11-28t09:30:00.5z", datetime(2026, 11, 28, 9, 30, 0, 500_000, tzinfo=UTC)),
        ("2026-11-28T14:30:00+05:00", datetime(2026, 11, 28, 9, 30, tzinfo=UTC)),
        ("2026-11-28T09:30:00.1234567891-00:00", datetime(2026, 11, 28, 9, 30, 0, 123_456, tzinfo=UTC)),
        ("2016-12-31T23:59:60Z", datetime(2016, 12, 31, 23, 59, 59, 999_999, tzinfo=UTC)),
        ("0000-01-01T00:00:00Z", EARLIEST),
        ("9999-12-31T23:59:59-23:59", LATEST),
    ],
)
def test_it_reads_the_moment_in_utc(value, expected):
    assert parse_rfc3339(value) == expected


@pytest.mark.parametrize("value", ["0.5", "1732786200", "2026-11-28", "2026-11-28T09:30:00", "2026-11-28T09:30Z", "", "now"])
def test_what_pydantic_would_take_is_refused(value):
    assert not accepts(value)
