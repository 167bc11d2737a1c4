"""Dates in an edition's language: Urdu names, word order and digits; English as it always was."""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

import pytest

from masthead.calendars import (
    ENGLISH,
    URDU,
    Digits,
    HijriStyle,
    date_language,
    format_clock,
    format_day_month,
    format_gregorian,
    format_moment,
    masthead_line,
    parse_digits,
    parse_language,
    write_digits,
)

SEED = datetime.date(2023, 5, 28)
KARACHI = ZoneInfo("Asia/Karachi")


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        ("2023-05-28", "اتوار ۲۸ مئی ۲۰۲۳ / ۸ ذوالقعدہ ۱۴۴۴"),
        # Gregorian month end and start.
        ("2023-05-31", "بدھ ۳۱ مئی ۲۰۲۳ / ۱۱ ذوالقعدہ ۱۴۴۴"),
        ("2023-06-01", "جمعرات ۱ جون ۲۰۲۳ / ۱۲ ذوالقعدہ ۱۴۴۴"),
        # Hijri month end and start: 29 Dhu al-Qadah, then 1 Dhu al-Hijjah.
        ("2023-06-18", "اتوار ۱۸ جون ۲۰۲۳ / ۲۹ ذوالقعدہ ۱۴۴۴"),
        ("2023-06-19", "پیر ۱۹ جون ۲۰۲۳ / ۱ ذوالحجہ ۱۴۴۴"),
        # Both years turn.
        ("2022-12-31", "ہفتہ ۳۱ دسمبر ۲۰۲۲ / ۷ جمادی الثانی ۱۴۴۴"),
        ("2023-07-19", "بدھ ۱۹ جولائی ۲۰۲۳ / ۱ محرم ۱۴۴۵"),
        ("2023-03-23", "جمعرات ۲۳ مارچ ۲۰۲۳ / ۱ رمضان ۱۴۴۴"),
    ],
)
def test_urdu_masthead_line(day: str, expected: str) -> None:
    assert masthead_line(datetime.date.fromisoformat(day), language=URDU) == expected


def test_urdu_weekdays_and_months_in_order() -> None:
    monday = datetime.date(2024, 1, 1)
    weekdays = [format_gregorian(monday + datetime.timedelta(days=n), URDU).split()[0] for n in range(7)]
    assert weekdays == ["پیر", "منگل", "بدھ", "جمعرات", "جمعہ", "ہفتہ", "اتوار"]
    months = [format_gregorian(datetime.date(2024, m, 1), URDU).split()[2] for m in range(1, 13)]
    assert " ".join(months) == "جنوری فروری مارچ اپریل مئی جون جولائی اگست ستمبر اکتوبر نومبر دسمبر"


def test_urdu_uses_extended_arabic_indic_digits_not_arabic_indic() -> None:
    line = masthead_line(SEED, language=URDU)
    assert {c for c in line if c.isdigit()} <= set("۰۱۲۳۴۵۶۷۸۹")
    assert not any("\u0660" <= c <= "\u0669" for c in line)
    assert not any(c in "0123456789" for c in line)


def test_urdu_with_latin_digits_writes_both_calendars_in_them() -> None:
    assert masthead_line(SEED, language=URDU, digits=Digits.LATIN) == "اتوار 28 مئی 2023 / 8 ذوالقعدہ 1444"


def test_urdu_writes_the_hijri_month_in_urdu_whatever_the_english_style() -> None:
    for style in HijriStyle:
        assert masthead_line(SEED, style, language=URDU) == "اتوار ۲۸ مئی ۲۰۲۳ / ۸ ذوالقعدہ ۱۴۴۴"


def test_urdu_offset_moves_only_the_hijri_day() -> None:
    assert masthead_line(SEED, offset=-1, language=URDU) == "اتوار ۲۸ مئی ۲۰۲۳ / ۷ ذوالقعدہ ۱۴۴۴"


@pytest.mark.parametrize(
    ("style", "digits", "expected"),
    [
        (HijriStyle.SOUTH_ASIAN, None, "Sunday 28th May 2023 / 8 Zulkaedah 1444"),
        (HijriStyle.URDU, None, "Sunday 28th May 2023 / ۸ ذوالقعدہ ۱۴۴۴"),
        (HijriStyle.ARABIC, None, "Sunday 28th May 2023 / ٨ ذو القعدة ١٤٤٤"),
        # English ordinals exist only in Latin digits; the Hijri half follows the setting.
        (HijriStyle.URDU, Digits.LATIN, "Sunday 28th May 2023 / 8 ذوالقعدہ 1444"),
        (HijriStyle.URDU, Digits.URDU, "Sunday 28th May 2023 / ۸ ذوالقعدہ ۱۴۴۴"),
    ],
)
def test_english_line_is_unchanged(style: HijriStyle, digits: Digits | None, expected: str) -> None:
    assert masthead_line(SEED, style, language=ENGLISH, digits=digits) == expected


def test_moment_with_time_in_both_languages() -> None:
    evening = datetime.datetime(2022, 2, 27, 17, 15, tzinfo=datetime.UTC).astimezone(KARACHI)
    assert format_moment(evening) == "Sunday 27th February 2022 / 26 Rajab 1443, 22:15 PKT"
    # The Arabic comma; the zone keeps the Latin abbreviation Urdu papers print.
    assert format_moment(evening, language=URDU) == "اتوار ۲۷ فروری ۲۰۲۲ / ۲۶ رجب ۱۴۴۳، ۲۲:۱۵ PKT"
    assert format_moment(evening, language=URDU, digits=Digits.LATIN) == "اتوار 27 فروری 2022 / 26 رجب 1443، 22:15 PKT"


def test_short_forms() -> None:
    day = datetime.date(2026, 12, 3)
    assert format_day_month(day) == "3 Dec 2026"
    assert format_day_month(datetime.date(2026, 9, 3), year=False) == "3 Sep"
    assert format_day_month(day, URDU) == "۳ دسمبر ۲۰۲۶"
    assert format_day_month(day, URDU, Digits.LATIN, year=False) == "3 دسمبر"
    moment = datetime.datetime(2026, 12, 3, 9, 5, tzinfo=KARACHI)
    assert format_clock(moment) == "09:05"
    assert format_clock(moment, URDU) == "۰۹:۰۵"


def test_english_short_months_match_the_c_locale() -> None:
    # note_date and entry_time printed strftime's %b before languages existed.
    for month in range(1, 13):
        day = datetime.date(2026, month, 1)
        assert format_day_month(day) == f"1 {day:%b} 2026"


def test_english_gregorian_parts_keep_latin_digits_whatever_the_setting() -> None:
    moment = datetime.datetime(2026, 12, 3, 9, 5, tzinfo=KARACHI)
    assert format_day_month(moment.date(), ENGLISH, Digits.URDU) == "3 Dec 2026"
    assert format_clock(moment, ENGLISH, Digits.URDU) == "09:05"
    assert format_gregorian(moment.date(), ENGLISH, Digits.URDU) == "Thursday 3rd December 2026"


def test_write_digits() -> None:
    assert write_digits("22:15 +05", Digits.URDU) == "۲۲:۱۵ +۰۵"
    assert write_digits(2023, Digits.LATIN) == "2023"


@pytest.mark.parametrize(
    ("code", "language"), [("ur", URDU), ("ur-PK", URDU), ("UR_pk", URDU), ("en", ENGLISH), ("en-gb", ENGLISH)]
)
def test_parse_language(code: str, language) -> None:
    assert parse_language(code) is language


def test_parse_language_rejects_unknown_with_the_valid_ones() -> None:
    with pytest.raises(ValueError, match="languages: en, ur"):
        parse_language("fr")


def test_date_language_falls_back_to_english_for_a_language_without_words() -> None:
    assert date_language("fr") is ENGLISH
    assert date_language(None) is ENGLISH
    assert date_language("ur") is URDU


def test_parse_digits() -> None:
    assert parse_digits(" Latin ") is Digits.LATIN
    with pytest.raises(ValueError, match="expected one of: latin, urdu"):
        parse_digits("roman")
