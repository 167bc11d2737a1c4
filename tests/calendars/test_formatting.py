"""The masthead dateline and its parts."""

from __future__ import annotations

import datetime

import pytest

from masthead.calendars import (
    HijriDate,
    HijriStyle,
    format_gregorian,
    format_hijri,
    masthead_line,
    ordinal,
)

SEED = datetime.date(2023, 5, 28)  # 8 Dhu al-Qadah 1444, see test_hijri


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        (1, "1st"),
        (2, "2nd"),
        (3, "3rd"),
        (4, "4th"),
        (10, "10th"),
        (11, "11th"),
        (12, "12th"),
        (13, "13th"),
        (21, "21st"),
        (22, "22nd"),
        (23, "23rd"),
        (24, "24th"),
        (30, "30th"),
        (31, "31st"),
        (101, "101st"),
        (111, "111th"),
        (112, "112th"),
    ],
    ids=lambda value: str(value),
)
def test_ordinal(number: int, expected: str) -> None:
    assert ordinal(number) == expected


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (datetime.date(2023, 5, 1), "Monday 1st May 2023"),
        (datetime.date(2023, 5, 2), "Tuesday 2nd May 2023"),
        (datetime.date(2023, 5, 3), "Wednesday 3rd May 2023"),
        (datetime.date(2023, 5, 4), "Thursday 4th May 2023"),
        (datetime.date(2023, 5, 11), "Thursday 11th May 2023"),
        (datetime.date(2023, 5, 12), "Friday 12th May 2023"),
        (datetime.date(2023, 5, 13), "Saturday 13th May 2023"),
        (datetime.date(2023, 5, 21), "Sunday 21st May 2023"),
        (datetime.date(2023, 5, 22), "Monday 22nd May 2023"),
        (datetime.date(2023, 5, 23), "Tuesday 23rd May 2023"),
        (datetime.date(2023, 5, 28), "Sunday 28th May 2023"),
        (datetime.date(2023, 5, 31), "Wednesday 31st May 2023"),
        (datetime.date(2024, 2, 29), "Thursday 29th February 2024"),
        (datetime.date(2022, 12, 31), "Saturday 31st December 2022"),
    ],
    ids=lambda value: value.isoformat() if isinstance(value, datetime.date) else None,
)
def test_format_gregorian(day: datetime.date, expected: str) -> None:
    assert format_gregorian(day) == expected


@pytest.mark.parametrize(
    ("style", "expected"),
    [
        (HijriStyle.SOUTH_ASIAN, "8 Zulkaedah 1444"),
        (HijriStyle.STANDARD, "8 Dhu al-Qadah 1444"),
        (HijriStyle.ARABIC, "٨ ذو القعدة ١٤٤٤"),
        (HijriStyle.URDU, "۸ ذوالقعدہ ۱۴۴۴"),
    ],
    ids=[style.value for style in HijriStyle],
)
def test_format_hijri(style: HijriStyle, expected: str) -> None:
    assert format_hijri(HijriDate(1444, 11, 8), style) == expected


def test_format_hijri_two_digit_day_in_script() -> None:
    assert format_hijri(HijriDate(1444, 9, 29), HijriStyle.ARABIC) == "٢٩ رمضان ١٤٤٤"
    assert format_hijri(HijriDate(1444, 9, 29), HijriStyle.SOUTH_ASIAN) == "29 Ramazan 1444"


def test_masthead_line_default_is_south_asian() -> None:
    assert masthead_line(SEED) == "Sunday 28th May 2023 / 8 Zulkaedah 1444"


@pytest.mark.parametrize(
    ("style", "expected"),
    [
        (HijriStyle.SOUTH_ASIAN, "Sunday 28th May 2023 / 8 Zulkaedah 1444"),
        (HijriStyle.STANDARD, "Sunday 28th May 2023 / 8 Dhu al-Qadah 1444"),
        (HijriStyle.ARABIC, "Sunday 28th May 2023 / ٨ ذو القعدة ١٤٤٤"),
        (HijriStyle.URDU, "Sunday 28th May 2023 / ۸ ذوالقعدہ ۱۴۴۴"),
    ],
    ids=[style.value for style in HijriStyle],
)
def test_masthead_line_per_style(style: HijriStyle, expected: str) -> None:
    assert masthead_line(SEED, style) == expected


@pytest.mark.parametrize(
    ("offset", "hijri_day"),
    [(-2, 6), (-1, 7), (0, 8), (1, 9), (2, 10)],
    ids=["minus-2", "minus-1", "zero", "plus-1", "plus-2"],
)
def test_masthead_line_offset_moves_only_the_hijri_day(offset: int, hijri_day: int) -> None:
    assert masthead_line(SEED, HijriStyle.SOUTH_ASIAN, offset) == (f"Sunday 28th May 2023 / {hijri_day} Zulkaedah 1444")


def test_masthead_line_offset_across_month_end() -> None:
    # Published: 29 Dhu al-Qadah 1444 = 18 June 2023; Dhu al-Hijjah began 19 June.
    assert masthead_line(datetime.date(2023, 6, 18), HijriStyle.STANDARD, 1) == ("Sunday 18th June 2023 / 1 Dhu al-Hijjah 1444")


@pytest.mark.parametrize("offset", [3, -3], ids=["plus-3", "minus-3"])
def test_masthead_line_rejects_large_offset(offset: int) -> None:
    with pytest.raises(ValueError, match="between -2 and 2"):
        masthead_line(SEED, HijriStyle.SOUTH_ASIAN, offset)


def test_masthead_line_out_of_range_is_clear() -> None:
    with pytest.raises(ValueError, match="Umm al-Qura table covers"):
        masthead_line(datetime.date(2099, 1, 1))
