"""Dates in an edition's language: day and month names, word order, digits.

An Urdu page reads "اتوار ۲۸ مئی ۲۰۲۳", not "Sunday 28th May 2023": Urdu
names, day before month with no ordinal, and the Extended Arabic-Indic
digits (U+06F0-U+06F9) that Urdu uses, not the Arabic-Indic ones
(U+0660-U+0669) of Arabic pages. Some Urdu papers print Latin digits
instead, so digits are a setting; the words are not.

The names are spelt here rather than taken from the server's locale (or
Babel) for the same reason as the English ones in formatting.py: the
masthead must read the same on every machine.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from masthead.calendars.spellings import HijriStyle


class Digits(enum.StrEnum):
    """The digits dates are written in."""

    LATIN = "latin"
    URDU = "urdu"


_DIGIT_TABLES: Mapping[Digits, dict[int, int]] = MappingProxyType(
    {
        Digits.LATIN: str.maketrans("", ""),
        Digits.URDU: str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"),
    }
)


def write_digits(text: str | int, digits: Digits) -> str:
    """``text`` with its Latin digits written in ``digits``: ``write_digits("22:15", Digits.URDU)`` is ``۲۲:۱۵``."""
    return str(text).translate(_DIGIT_TABLES[Digits(digits)])


@dataclass(frozen=True)
class DateLanguage:
    """How one language writes a date.

    ``hijri_style`` is the Hijri spelling every page in the language uses;
    None leaves it to the edition's setting (English papers choose between
    transliterations, an Urdu paper writes the month in Urdu).
    """

    code: str
    weekdays: tuple[str, ...]  # Monday first, as date.weekday()
    months: tuple[str, ...]
    short_months: tuple[str, ...]
    digits: Digits
    hijri_style: HijriStyle | None
    comma: str  # between a date and its time


ENGLISH_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
ENGLISH_MONTHS = (
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

URDU_WEEKDAYS = ("پیر", "منگل", "بدھ", "جمعرات", "جمعہ", "ہفتہ", "اتوار")
URDU_MONTHS = (
    "جنوری",
    "فروری",
    "مارچ",
    "اپریل",
    "مئی",
    "جون",
    "جولائی",
    "اگست",
    "ستمبر",
    "اکتوبر",
    "نومبر",
    "دسمبر",
)

ENGLISH = DateLanguage(
    code="en",
    weekdays=ENGLISH_WEEKDAYS,
    months=ENGLISH_MONTHS,
    # The C locale's %b, which the short dates printed before languages existed.
    short_months=tuple(name[:3] for name in ENGLISH_MONTHS),
    digits=Digits.LATIN,
    hijri_style=None,
    comma=", ",
)

URDU = DateLanguage(
    code="ur",
    weekdays=URDU_WEEKDAYS,
    months=URDU_MONTHS,
    # Urdu papers do not abbreviate month names.
    short_months=URDU_MONTHS,
    digits=Digits.URDU,
    hijri_style=HijriStyle.URDU,
    comma="، ",  # the Arabic comma, U+060C
)

LANGUAGES: Mapping[str, DateLanguage] = MappingProxyType({language.code: language for language in (ENGLISH, URDU)})


def _base_code(value: str) -> str:
    # "ur-PK", "ur_pk" and "UR" all name Urdu: dates do not vary by region.
    return re.split(r"[-_]", value.strip().casefold(), maxsplit=1)[0]


def parse_language(value: str) -> DateLanguage:
    """The date language named by ``value`` (a language code such as ``ur`` or ``en-gb``).

    Raises:
        ValueError: naming the languages dates can be written in.
    """
    language = LANGUAGES.get(_base_code(value)) if isinstance(value, str) else None
    if language is None:
        raise ValueError(f"Dates cannot be written in {value!r}; languages: {', '.join(LANGUAGES)}")
    return language


def date_language(code: str | None) -> DateLanguage:
    """The date language of a page in language ``code``; English for a language without date words here.

    Forgiving, unlike parse_language: a new edition in another language
    shows English dates rather than an error page until its words are added.
    """
    return LANGUAGES.get(_base_code(code or ""), ENGLISH)


def parse_digits(value: str) -> Digits:
    """The digits named by ``value`` (``latin`` or ``urdu``, any case).

    Raises:
        ValueError: naming the valid values.
    """
    try:
        return Digits(value.strip().casefold())
    except (ValueError, AttributeError):
        raise ValueError(f"Unknown digits {value!r}; expected one of: {', '.join(Digits)}") from None
