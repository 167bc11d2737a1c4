"""Month names per style, style parsing and month-name recognition."""

from __future__ import annotations

import unicodedata

import pytest

from masthead.calendars import (
    MONTH_NAMES,
    HijriStyle,
    localise_digits,
    month_name,
    parse_month_name,
    parse_style,
)

STYLES = list(HijriStyle)
STYLE_IDS = [style.value for style in STYLES]


@pytest.mark.parametrize("style", STYLES, ids=STYLE_IDS)
def test_every_style_has_twelve_distinct_names(style: HijriStyle) -> None:
    names = [month_name(month, style) for month in range(1, 13)]
    assert len(names) == 12
    assert len(set(names)) == 12
    assert all(name.strip() == name and name for name in names)


def test_south_asian_names() -> None:
    assert MONTH_NAMES[HijriStyle.SOUTH_ASIAN] == (
        "Muharram",
        "Safar",
        "Rabiul Awwal",
        "Rabiul Akhir",
        "Jamadil Awwal",
        "Jamadil Akhir",
        "Rajab",
        "Shaban",
        "Ramazan",
        "Shawwal",
        "Zulkaedah",
        "Zilhaj",
    )


def test_standard_names() -> None:
    assert MONTH_NAMES[HijriStyle.STANDARD] == (
        "Muharram",
        "Safar",
        "Rabi al-Awwal",
        "Rabi al-Thani",
        "Jumada al-Ula",
        "Jumada al-Akhirah",
        "Rajab",
        "Shaban",
        "Ramadan",
        "Shawwal",
        "Dhu al-Qadah",
        "Dhu al-Hijjah",
    )


@pytest.mark.parametrize(
    ("style", "expected"),
    [
        (HijriStyle.SOUTH_ASIAN, "Zulkaedah"),
        (HijriStyle.STANDARD, "Dhu al-Qadah"),
        (HijriStyle.ARABIC, "ذو القعدة"),
        (HijriStyle.URDU, "ذوالقعدہ"),
    ],
    ids=STYLE_IDS,
)
def test_month_eleven(style: HijriStyle, expected: str) -> None:
    assert month_name(11, style) == expected


@pytest.mark.parametrize("style", [HijriStyle.ARABIC, HijriStyle.URDU], ids=["arabic", "urdu"])
def test_script_styles_use_arabic_script_only(style: HijriStyle) -> None:
    for name in MONTH_NAMES[style]:
        for char in name.replace(" ", ""):
            assert "ARABIC" in unicodedata.name(char), (name, char)


def test_urdu_uses_urdu_letters_not_arabic_ones() -> None:
    # Urdu ی and ہ, not Arabic ي/ى and ة: readers notice the difference.
    assert "ی" in month_name(3, HijriStyle.URDU)
    assert month_name(12, HijriStyle.URDU).endswith("ہ")
    assert not any("ة" in name or "ي" in name for name in MONTH_NAMES[HijriStyle.URDU])


@pytest.mark.parametrize("month", [0, 13, -1], ids=["zero", "thirteen", "negative"])
def test_month_name_rejects_out_of_range(month: int) -> None:
    with pytest.raises(ValueError, match="1-12"):
        month_name(month, HijriStyle.STANDARD)


# --- Digits ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("style", "expected"),
    [
        (HijriStyle.SOUTH_ASIAN, "1444"),
        (HijriStyle.STANDARD, "1444"),
        (HijriStyle.ARABIC, "١٤٤٤"),
        (HijriStyle.URDU, "۱۴۴۴"),
    ],
    ids=STYLE_IDS,
)
def test_localise_digits(style: HijriStyle, expected: str) -> None:
    assert localise_digits(1444, style) == expected


def test_all_digits_map_per_script() -> None:
    assert localise_digits(1234567890, HijriStyle.ARABIC) == "١٢٣٤٥٦٧٨٩٠"
    assert localise_digits(1234567890, HijriStyle.URDU) == "۱۲۳۴۵۶۷۸۹۰"


# --- parse_style -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("south_asian", HijriStyle.SOUTH_ASIAN),
        ("SOUTH_ASIAN", HijriStyle.SOUTH_ASIAN),
        ("south-asian", HijriStyle.SOUTH_ASIAN),
        ("South Asian", HijriStyle.SOUTH_ASIAN),
        ("malay", HijriStyle.SOUTH_ASIAN),
        ("standard", HijriStyle.STANDARD),
        ("Standard", HijriStyle.STANDARD),
        ("arabic", HijriStyle.ARABIC),
        ("ar", HijriStyle.ARABIC),
        ("AR", HijriStyle.ARABIC),
        ("urdu", HijriStyle.URDU),
        (" ur ", HijriStyle.URDU),
        (HijriStyle.URDU, HijriStyle.URDU),
    ],
    ids=[
        "value",
        "upper",
        "hyphen",
        "spaced-title",
        "malay",
        "standard",
        "standard-title",
        "arabic",
        "ar",
        "ar-upper",
        "urdu",
        "ur-padded",
        "enum-member",
    ],
)
def test_parse_style_accepts(value: str, expected: HijriStyle) -> None:
    assert parse_style(value) is expected


@pytest.mark.parametrize(
    "value",
    ["", "english", "hindi", "south asian english", "arab", 42, None],
    ids=["empty", "english", "hindi", "too-long", "arab", "int", "none"],
)
def test_parse_style_rejects_and_lists_valid_styles(value: object) -> None:
    with pytest.raises(ValueError) as excinfo:
        parse_style(value)  # type: ignore[arg-type]
    message = str(excinfo.value)
    for style in HijriStyle:
        assert style.value in message


# --- parse_month_name ----------------------------------------------------------------

ALL_NAMES = [(style, month, name) for style, names in MONTH_NAMES.items() for month, name in enumerate(names, start=1)]


@pytest.mark.parametrize(
    ("style", "month", "name"),
    ALL_NAMES,
    ids=[f"{style.value}-{month:02d}" for style, month, _ in ALL_NAMES],
)
def test_parse_month_name_round_trips_every_style(style: HijriStyle, month: int, name: str) -> None:
    assert parse_month_name(name) == month
    assert parse_month_name(name.upper()) == month
    assert parse_month_name(f"  {name} ") == month


@pytest.mark.parametrize(
    ("spelling", "month"),
    [
        ("Zulkaedah", 11),
        ("Zul Qadah", 11),
        ("Dhu al-Qadah", 11),
        ("Dhul Qa'dah", 11),
        ("Dhu al-Qi'dah", 11),
        ("Dhū al-Qaʿdah", 11),
        ("Dhuʻl-Qiʻdah", 11),
        ("Thul-Qaeda", 11),
        ("ذو القعدة", 11),
        ("ذي القعدة", 11),
        ("Zil Hajj", 12),
        ("Dhul-Hijjah", 12),
        ("ذي الحجة", 12),
        ("Muharram-ul-Haram", 1),
        ("مُحَرَّم", 1),
        ("Rabi' I", 3),
        ("Rabee Al-awal", 3),
        ("Rabi-ul-Awwal", 3),
        ("Rabi II", 4),
        ("Rabius Sani", 4),
        ("Rabi al-Akhir", 4),
        ("ربيع الثاني", 4),
        ("Jumada I", 5),
        ("Jumada Al Oula", 5),
        ("Jumādā al-Ūlā", 5),
        ("Jumada II", 6),
        ("Jamadi us Sani", 6),
        ("جمادى الثانية", 6),
        ("Rejab", 7),
        ("Sha'ban", 8),
        ("Shaʿbān", 8),
        ("Ramaḍān", 9),
        ("Ramadhan", 9),
        ("Ramzan", 9),
        ("Syawal", 10),
    ],
    ids=lambda value: value if isinstance(value, str) else str(value),
)
def test_parse_month_name_recognises_variants(spelling: str, month: int) -> None:
    assert parse_month_name(spelling) == month


@pytest.mark.parametrize(
    "text",
    ["", "   ", "May", "Sunday", "1444", "Rabi", "Jumada", "suffer", "I", "'"],
    ids=[
        "empty",
        "blank",
        "gregorian-month",
        "weekday",
        "number",
        "bare-rabi",
        "bare-jumada",
        "english-word",
        "numeral",
        "apostrophe",
    ],
)
def test_parse_month_name_returns_none_for_non_months(text: str) -> None:
    assert parse_month_name(text) is None
