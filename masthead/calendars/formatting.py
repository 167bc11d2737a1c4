"""The dateline printed on the masthead: "Sunday 28th May 2023 / 8 Zulkaedah 1444".

English day and month names are spelt out here rather than taken from
``strftime``, because ``%A``/``%B`` follow the server's locale and the
masthead must read the same on every machine.
"""

from __future__ import annotations

import datetime

from masthead.calendars.hijri import HijriDate, to_hijri
from masthead.calendars.spellings import HijriStyle, localise_digits, month_name

_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

_SEPARATOR = " / "


def ordinal(number: int) -> str:
    """Return ``number`` with its English ordinal suffix: 1st, 2nd, 11th, 23rd."""
    # 11, 12 and 13 are read "eleventh", "twelfth", "thirteenth", not "-st/-nd/-rd".
    if 11 <= number % 100 <= 13:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def format_gregorian(day: datetime.date) -> str:
    """Return e.g. "Sunday 28th May 2023"."""
    return f"{_WEEKDAYS[day.weekday()]} {ordinal(day.day)} {_MONTHS[day.month - 1]} {day.year}"


def format_hijri(h: HijriDate, style: HijriStyle) -> str:
    """Return e.g. "8 Zulkaedah 1444", or "٨ ذو القعدة ١٤٤٤" for Arabic.

    Numerals follow the style's script so an Arabic or Urdu line never mixes
    Western digits into right-to-left text.
    """
    style = HijriStyle(style)
    day = localise_digits(h.day, style)
    year = localise_digits(h.year, style)
    return f"{day} {month_name(h.month, style)} {year}"


def masthead_line(
    day: datetime.date,
    style: HijriStyle = HijriStyle.SOUTH_ASIAN,
    offset: int = 0,
) -> str:
    """Return the full dateline, Gregorian then Hijri.

    For right-to-left styles the template should wrap the line (or its Hijri
    half) in ``<bdi>`` so the browser lays the two scripts out correctly;
    this function stays plain text so it also serves feeds and e-mail.
    """
    return f"{format_gregorian(day)}{_SEPARATOR}{format_hijri(to_hijri(day, offset), style)}"
