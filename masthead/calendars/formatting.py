"""The dateline printed on the masthead: "Sunday 28th May 2023 / 8 Zulkaedah 1444".

English day and month names are spelt out here rather than taken from
``strftime``, because ``%A``/``%B`` follow the server's locale and the
masthead must read the same on every machine. Other languages' names and
digits are in languages.py: an Urdu page reads
"اتوار ۲۸ مئی ۲۰۲۳ / ۸ ذوالقعدہ ۱۴۴۴".

Every function returns plain text, so the same line serves pages, feeds
and e-mail; a page that mixes scripts isolates the parts (``<bdi>``).
"""

from __future__ import annotations

import datetime

from masthead.calendars.hijri import HijriDate, to_hijri
from masthead.calendars.languages import ENGLISH, DateLanguage, Digits, write_digits
from masthead.calendars.spellings import HijriStyle, localise_digits, month_name

_SEPARATOR = " / "


def ordinal(number: int) -> str:
    """Return ``number`` with its English ordinal suffix: 1st, 2nd, 11th, 23rd."""
    # 11, 12 and 13 are read "eleventh", "twelfth", "thirteenth", not "-st/-nd/-rd".
    if 11 <= number % 100 <= 13:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def _digits(language: DateLanguage, digits: Digits | None) -> Digits:
    # English Gregorian dates and times stay in Latin digits whatever the
    # setting: their ordinals ("28th") and abbreviations exist only in them.
    if language is ENGLISH or digits is None:
        return language.digits
    return Digits(digits)


def format_gregorian(day: datetime.date, language: DateLanguage = ENGLISH, digits: Digits | None = None) -> str:
    """Return e.g. "Sunday 28th May 2023", or "اتوار ۲۸ مئی ۲۰۲۳" in Urdu."""
    weekday, month = language.weekdays[day.weekday()], language.months[day.month - 1]
    if language is ENGLISH:
        return f"{weekday} {ordinal(day.day)} {month} {day.year}"
    return write_digits(f"{weekday} {day.day} {month} {day.year}", _digits(language, digits))


def format_day_month(
    day: datetime.date, language: DateLanguage = ENGLISH, digits: Digits | None = None, *, year: bool = True
) -> str:
    """The short form of a date, where a weekday would crowd the line: "3 Dec 2026", "۳ دسمبر ۲۰۲۶", "28 Nov"."""
    text = f"{day.day} {language.short_months[day.month - 1]}"
    if year:
        text = f"{text} {day.year}"
    return write_digits(text, _digits(language, digits))


def format_clock(moment: datetime.datetime, language: DateLanguage = ENGLISH, digits: Digits | None = None) -> str:
    """The 24-hour time of ``moment`` as its own zone reads it: "22:15", "۲۲:۱۵"."""
    return write_digits(f"{moment:%H:%M}", _digits(language, digits))


def format_hijri(h: HijriDate, style: HijriStyle, digits: Digits | None = None) -> str:
    """Return e.g. "8 Zulkaedah 1444", or "٨ ذو القعدة ١٤٤٤" for Arabic.

    Numerals follow the style's script so an Arabic or Urdu line never mixes
    Western digits into right-to-left text, unless ``digits`` chooses them:
    an Urdu paper that prints Latin digits prints them in both calendars.
    """
    style = HijriStyle(style)
    if digits is None:
        day, year = localise_digits(h.day, style), localise_digits(h.year, style)
    else:
        day, year = write_digits(h.day, digits), write_digits(h.year, digits)
    return f"{day} {month_name(h.month, style)} {year}"


def hijri_style_for(language: DateLanguage, style: HijriStyle) -> HijriStyle:
    """The Hijri spelling of a page: the language's own if it has one (Urdu), else the edition's ``style``."""
    return language.hijri_style or HijriStyle(style)


def masthead_line(
    day: datetime.date,
    style: HijriStyle = HijriStyle.SOUTH_ASIAN,
    offset: int = 0,
    *,
    language: DateLanguage = ENGLISH,
    digits: Digits | None = None,
) -> str:
    """Return the full dateline, Gregorian then Hijri, in ``language``.

    For right-to-left styles on a left-to-right page the template should
    wrap the Hijri half in ``<bdi>`` so the browser lays the two scripts out
    correctly; this function stays plain text so it also serves feeds and
    e-mail.
    """
    hijri = format_hijri(to_hijri(day, offset), hijri_style_for(language, style), digits)
    return f"{format_gregorian(day, language, digits)}{_SEPARATOR}{hijri}"


def format_moment(
    moment: datetime.datetime,
    style: HijriStyle = HijriStyle.SOUTH_ASIAN,
    offset: int = 0,
    *,
    language: DateLanguage = ENGLISH,
    digits: Digits | None = None,
) -> str:
    """A moment in both calendars with its time and zone, as ``moment``'s own zone reads it.

    "Sunday 27th February 2022 / 26 Rajab 1443, 22:15 PKT", or in Urdu
    "اتوار ۲۷ فروری ۲۰۲۲ / ۲۶ رجب ۱۴۴۳، ۲۲:۱۵ PKT": the zone keeps its
    Latin abbreviation, as Urdu papers print "PKT" and "GMT", there being
    no Urdu abbreviations for zones.
    """
    line = masthead_line(moment.date(), style, offset, language=language, digits=digits)
    return f"{line}{language.comma}{format_clock(moment, language, digits)} {moment.tzname()}"
