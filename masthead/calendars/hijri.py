"""Gregorian <-> Hijri conversion on the Umm al-Qura calendar.

Umm al-Qura is the tabulated calendar published by Saudi Arabia (KACST) and
the one most newsrooms print. It cannot be computed by a simple rule, so the
conversion is delegated to ``hijridate``, which ships the table; this module
only adds the newsroom's own concerns: a small moon-sighting offset, and
error messages an editor can act on.

Local communities often start a month a day or two away from Umm al-Qura
because they follow a local moon sighting. Rather than a second calendar,
that is modelled as an *offset*: the date printed is Umm al-Qura's date for
``day + offset`` days.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from hijridate import Gregorian, Hijri
from hijridate import ummalqura as _table

MIN_OFFSET = -2
MAX_OFFSET = 2

# The span of the Umm al-Qura table shipped by hijridate; outside it there is
# no authoritative answer, so conversion refuses rather than extrapolating.
FIRST_SUPPORTED_DATE = datetime.date(*_table.GREGORIAN_RANGE[0])
LAST_SUPPORTED_DATE = datetime.date(*_table.GREGORIAN_RANGE[1])
FIRST_SUPPORTED_HIJRI_YEAR = _table.HIJRI_RANGE[0][0]
LAST_SUPPORTED_HIJRI_YEAR = _table.HIJRI_RANGE[1][0]


@dataclass(frozen=True, slots=True)
class HijriDate:
    """A date on the Umm al-Qura calendar (month 1 = Muharram).

    Deliberately a plain value, independent of hijridate's classes, so that
    templates, caches and the API can hold it without importing hijridate.
    """

    year: int
    month: int
    day: int

    def __post_init__(self) -> None:
        # Catch nonsense early: a month 13 would otherwise surface much later
        # as an IndexError deep inside formatting.
        if not 1 <= self.month <= 12:
            raise ValueError(f"Hijri month must be 1-12, got {self.month}")
        if not 1 <= self.day <= 30:
            raise ValueError(f"Hijri day must be 1-30, got {self.day}")

    def isoformat(self) -> str:
        """Return ``YYYY-MM-DD``, handy for logs, cache keys and JSON."""
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


def validate_offset(offset: int) -> int:
    """Return ``offset`` if it is a permitted moon-sighting adjustment.

    The range is narrow on purpose: no community is more than two days from
    Umm al-Qura, so a larger value is a configuration mistake, not a choice.
    """
    if isinstance(offset, bool) or not isinstance(offset, int):
        raise ValueError(f"Hijri offset must be a whole number of days, got {offset!r}")
    if not MIN_OFFSET <= offset <= MAX_OFFSET:
        raise ValueError(
            f"Hijri offset must be between {MIN_OFFSET} and {MAX_OFFSET} days (a local moon-sighting adjustment), got {offset}"
        )
    return offset


def to_hijri(day: datetime.date, offset: int = 0) -> HijriDate:
    """Return the Umm al-Qura date of ``day``, shifted by ``offset`` days.

    Raises:
        ValueError: if ``offset`` is outside MIN_OFFSET..MAX_OFFSET, or the
            shifted date is outside the Umm al-Qura table.
    """
    validate_offset(offset)
    # A datetime is a date too; use only its calendar day, never its time.
    plain = datetime.date(day.year, day.month, day.day)
    shifted: datetime.date | None
    try:
        shifted = plain + datetime.timedelta(days=offset)
    except OverflowError:  # date.min/date.max plus an offset
        shifted = None
    if shifted is None or not FIRST_SUPPORTED_DATE <= shifted <= LAST_SUPPORTED_DATE:
        shown = plain.isoformat() if offset == 0 else f"{plain.isoformat()} with offset {offset:+d}"
        raise ValueError(
            f"Cannot convert {shown} to Hijri: the Umm al-Qura table covers "
            f"{FIRST_SUPPORTED_DATE.isoformat()} to {LAST_SUPPORTED_DATE.isoformat()} only"
        )
    hijri = Gregorian.fromdate(shifted).to_hijri()
    return HijriDate(hijri.year, hijri.month, hijri.day)


def from_hijri(year: int, month: int, day: int) -> datetime.date:
    """Return the Gregorian date of an Umm al-Qura date (no offset applied).

    Used by ingest, where wire copy gives a Hijri date that must be stored
    as a Gregorian one.

    Raises:
        ValueError: if the Hijri date does not exist (e.g. day 30 of a 29-day
            month) or its year is outside the Umm al-Qura table.
    """
    if not FIRST_SUPPORTED_HIJRI_YEAR <= year <= LAST_SUPPORTED_HIJRI_YEAR:
        raise ValueError(
            f"Cannot convert Hijri year {year}: the Umm al-Qura table covers "
            f"{FIRST_SUPPORTED_HIJRI_YEAR} to {LAST_SUPPORTED_HIJRI_YEAR} AH only"
        )
    try:
        gregorian = Hijri(year, month, day).to_gregorian()
    except (ValueError, OverflowError) as error:
        raise ValueError(f"Invalid Hijri date {year}-{month:02d}-{day:02d}: {error}") from error
    return datetime.date(gregorian.year, gregorian.month, gregorian.day)
