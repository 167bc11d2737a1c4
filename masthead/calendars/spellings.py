"""Hijri month spellings, numerals and style names.

A newsroom's readers expect the Hijri month spelt the way their community
spells it: "Zulkaedah" on a Malaysian or Pakistani English masthead,
"Dhu al-Qadah" on one using standard transliteration, and the month in its
own script (with that script's digits) on Arabic or Urdu pages. Wire copy
arrives in all of these, and in many more informal spellings, so the reverse
look-up (:func:`parse_month_name`) is deliberately forgiving.
"""

from __future__ import annotations

import enum
import re
import unicodedata
from collections.abc import Iterable, Mapping
from itertools import product
from types import MappingProxyType


class HijriStyle(enum.StrEnum):
    """How the Hijri month name and numerals are written on the masthead."""

    SOUTH_ASIAN = "south_asian"
    STANDARD = "standard"
    ARABIC = "arabic"
    URDU = "urdu"


MONTH_NAMES: Mapping[HijriStyle, tuple[str, ...]] = MappingProxyType(
    {
        # South-Asian / Malay English, as printed by English-language papers
        # in Pakistan, India, Malaysia and Brunei.
        HijriStyle.SOUTH_ASIAN: (
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
        ),
        # Plain-ASCII scholarly transliteration: no ʿayn or macrons, because
        # the masthead must survive feeds, SMS alerts and search indexes.
        HijriStyle.STANDARD: (
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
        ),
        # The names as printed in the Umm al-Qura calendar itself.
        HijriStyle.ARABIC: (
            "محرم",
            "صفر",
            "ربيع الأول",
            "ربيع الآخر",
            "جمادى الأولى",
            "جمادى الآخرة",
            "رجب",
            "شعبان",
            "رمضان",
            "شوال",
            "ذو القعدة",
            "ذو الحجة",
        ),
        # Urdu uses its own letters (ی, ہ) rather than the Arabic ones, and
        # conventionally writes the two Dhu- months as one word.
        HijriStyle.URDU: (
            "محرم",
            "صفر",
            "ربیع الاول",
            "ربیع الثانی",
            "جمادی الاول",
            "جمادی الثانی",
            "رجب",
            "شعبان",
            "رمضان",
            "شوال",
            "ذوالقعدہ",
            "ذوالحجہ",
        ),
    }
)

# Arabic pages use Arabic-Indic digits; Urdu uses the Extended Arabic-Indic
# (Persian/Urdu) block, whose 4, 5 and 6 are shaped differently. Mixing them
# up is a visible error to readers of either script.
_DIGITS: Mapping[HijriStyle, str] = MappingProxyType(
    {
        HijriStyle.SOUTH_ASIAN: "0123456789",
        HijriStyle.STANDARD: "0123456789",
        HijriStyle.ARABIC: "٠١٢٣٤٥٦٧٨٩",
        HijriStyle.URDU: "۰۱۲۳۴۵۶۷۸۹",
    }
)

_DIGIT_TABLES = {style: str.maketrans("0123456789", digits) for style, digits in _DIGITS.items()}

# Editors type styles into settings and query strings; accept the obvious
# ways of writing them so a typo of case or separator is not an outage.
_STYLE_ALIASES: Mapping[str, HijriStyle] = MappingProxyType(
    {
        "south_asian": HijriStyle.SOUTH_ASIAN,
        "southasian": HijriStyle.SOUTH_ASIAN,
        "malay": HijriStyle.SOUTH_ASIAN,
        "standard": HijriStyle.STANDARD,
        "std": HijriStyle.STANDARD,
        "arabic": HijriStyle.ARABIC,
        "ar": HijriStyle.ARABIC,
        "urdu": HijriStyle.URDU,
        "ur": HijriStyle.URDU,
    }
)


def parse_style(value: str) -> HijriStyle:
    """Return the style named by ``value``, forgiving case and separators.

    Raises:
        ValueError: naming the valid styles, so a bad setting explains itself.
    """
    if isinstance(value, str):
        key = re.sub(r"[\s\-]+", "_", value.strip().casefold())
        style = _STYLE_ALIASES.get(key)
        if style is not None:
            return style
    valid = ", ".join(style.value for style in HijriStyle)
    aliases = ", ".join(alias for alias in _STYLE_ALIASES if alias not in set(HijriStyle))
    raise ValueError(f"Unknown Hijri style {value!r}; expected one of: {valid} (aliases: {aliases})")


def month_name(month: int, style: HijriStyle) -> str:
    """Return the name of Hijri ``month`` (1 = Muharram) in ``style``."""
    if not 1 <= month <= 12:
        raise ValueError(f"Hijri month must be 1-12, got {month}")
    return MONTH_NAMES[HijriStyle(style)][month - 1]


def localise_digits(number: int, style: HijriStyle) -> str:
    """Write a non-negative ``number`` in the digits of ``style``'s script."""
    if number < 0:
        raise ValueError(f"Only non-negative numbers are localised, got {number}")
    return str(number).translate(_DIGIT_TABLES[HijriStyle(style)])


# --- Month-name recognition -------------------------------------------------
#
# Spellings seen in wire copy vary in every syllable: Dhu/Zu/Zil, al-/ul-/l-,
# Qadah/Qa'dah/Qaeda/Kaedah. Rather than list every combination by hand, each
# month lists alternative heads, articles and tails, and their product is
# folded (see _fold) into one look-up table. Folding the input the same way
# makes the match case-, punctuation-, diacritic- and doubling-insensitive.

_ARTICLES = ("al", "ul", "il", "el", "l", "")
_SUN_ARTICLES = ("as", "us", "is", "ath", "uth", "ul", "al", "")
_DHU = ("dhu", "dhi", "zu", "zi", "thu", "du", "di")

_LATIN_VARIANTS: Mapping[int, tuple[tuple[tuple[str, ...], ...], ...]] = {
    1: (
        (("muharram", "moharram", "muharam"),),
        # Honorific epithets that South-Asian calendars often print in full.
        (("muharram", "moharram"), _ARTICLES, ("haram",)),
    ),
    2: (
        (("safar", "saffar", "sapar"),),
        (("safar",), _ARTICLES, ("muzaffar", "muzafar")),
    ),
    3: (
        (("rabi", "rabee", "rabia", "rabiu"), _ARTICLES, ("awwal", "awal", "aual")),
        (("rabi", "rabee"), ("i", "1")),
    ),
    4: (
        (("rabi", "rabee", "rabiu"), _ARTICLES, ("akhir", "akhar", "akhirah", "akhira")),
        (("rabi", "rabee", "rabiu"), _SUN_ARTICLES, ("thani", "sani", "thaani", "saani")),
        (("rabi", "rabee"), ("ii", "2")),
    ),
    5: (
        (
            ("jumada", "jamada", "jamadi", "jumadi", "jamad", "jumad"),
            _ARTICLES,
            ("ula", "oula", "awwal", "awal", "uwla", "ulaa"),
        ),
        (("jumada", "jamadi", "jamada"), ("i", "1")),
    ),
    6: (
        (
            ("jumada", "jamada", "jamadi", "jumadi", "jamad", "jumad"),
            _ARTICLES,
            ("akhirah", "akhira", "akhir", "akhar", "ukhra"),
        ),
        (
            ("jumada", "jamada", "jamadi", "jumadi", "jamad", "jumad"),
            _SUN_ARTICLES,
            ("thani", "sani", "thaniyah", "thaniya", "saani"),
        ),
        (("jumada", "jamadi", "jamada"), ("ii", "2")),
    ),
    7: ((("rajab", "rejab"),),),
    8: ((("shaban", "shaaban", "shabaan", "syaaban", "syaban"),),),
    9: (
        (("ramadan", "ramadhan", "ramazan", "ramzan", "ramdan", "ramadaan"),),
        (("ramadan", "ramadhan", "ramazan", "ramzan"), _ARTICLES, ("mubarak",)),
    ),
    10: ((("shawwal", "shawal", "shawaal", "syawal", "syawwal"),),),
    # _fold already merges q/k, doubled letters and a final "h", so "Qa'dah",
    # "Qaada" and "Kadah" need no entries of their own.
    11: ((_DHU, _ARTICLES, ("qadah", "qaedah", "qidah", "qad", "qaidah", "qiadah")),),
    12: ((_DHU, _ARTICLES, ("hijjah", "hajj", "hajjah", "hijjat")),),
}

_ARABIC_VARIANTS: Mapping[int, tuple[tuple[tuple[str, ...], ...], ...]] = {
    1: ((("محرم", "المحرم", "محرم الحرام"),),),
    2: ((("صفر", "صفر المظفر"),),),
    3: ((("ربيع",), ("الأول", "الاول", "الأول الأنور")),),
    4: ((("ربيع",), ("الآخر", "الاخر", "الثاني", "الثانى")),),
    5: ((("جمادى", "جمادي"), ("الأولى", "الاولى", "الأول", "الاول", "الاولی")),),
    6: ((("جمادى", "جمادي"), ("الآخرة", "الاخرة", "الآخر", "الثانية", "الثاني", "الثانى")),),
    7: ((("رجب", "رجب المرجب"),),),
    8: ((("شعبان", "شعبان المعظم"),),),
    9: ((("رمضان", "رمضان المبارك"),),),
    10: ((("شوال", "شوال المكرم"),),),
    11: ((("ذو", "ذي", "ذى"), ("القعدة", "القعده")),),
    12: ((("ذو", "ذي", "ذى"), ("الحجة", "الحجه")),),
}

# Letters that Arabic and Urdu (and careless typists) write differently but
# that never distinguish one month from another.
_ARABIC_LETTER_FOLDS = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ی": "ي",
        "ې": "ي",
        "ئ": "ي",
        "ة": "ه",
        "ۃ": "ه",
        "ہ": "ه",
        "ە": "ه",
        "ھ": "ه",
        "ۂ": "ه",
        "ک": "ك",
        "\u0640": None,  # tatweel, used only to stretch words
    }
)

# Transliteration spellings that only differ in how a sound is written.
_LATIN_SOUND_FOLDS = (
    ("dh", "z"),
    ("q", "k"),
    ("ee", "i"),
    ("oo", "u"),
    ("ou", "u"),
)

_ROMAN = {"i": "1", "ii": "2"}


def _fold(text: str) -> str:
    """Reduce a spelling to a key that ignores differences not worth keeping.

    Case, punctuation, spacing, diacritics (macrons, ʿayn, harakat), Arabic
    vs Urdu letter shapes, doubled letters and a final silent "h" all vary
    between sources without changing which month is meant.
    """
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    # Modifier letters (ʿ ʻ ʾ) are letters to Unicode but apostrophes to
    # a typist, so they separate tokens like any other punctuation.
    words = "".join(
        c if unicodedata.category(c)[0] in "LN" and unicodedata.category(c) != "Lm" else " "
        for c in stripped.casefold().translate(_ARABIC_LETTER_FOLDS)
    )
    tokens = words.split()
    # "Rabi' I" / "Jumada II": keep the numeral distinct from the stem so
    # "I" and "II" cannot collapse into the same key below.
    tokens = [_ROMAN.get(token, token) for token in tokens]
    key = "".join(tokens)
    for spelling, sound in _LATIN_SOUND_FOLDS:
        key = key.replace(spelling, sound)
    key = re.sub(r"(.)\1+", r"\1", key)
    if len(key) > 3 and key.endswith("h") and key.isascii():
        key = key[:-1]
    return key


def _compose(parts: Iterable[tuple[str, ...]]) -> Iterable[str]:
    # Space-separated so _fold sees "Rabi I" as two tokens, as typed.
    for combination in product(*parts):
        yield " ".join(piece for piece in combination if piece)


def _build_index() -> Mapping[str, int]:
    index: dict[str, int] = {}

    def add(key: str, month: int) -> None:
        existing = index.setdefault(key, month)
        if existing != month:
            # A key shared by two months would silently misfile wire copy.
            raise RuntimeError(f"Spelling key {key!r} is ambiguous: {existing} vs {month}")

    for style_names in MONTH_NAMES.values():
        for month, name in enumerate(style_names, start=1):
            add(_fold(name), month)
    for variants in (_LATIN_VARIANTS, _ARABIC_VARIANTS):
        for month, templates in variants.items():
            for template in templates:
                for spelling in _compose(template):
                    add(_fold(spelling), month)
    return MappingProxyType(index)


_MONTH_INDEX = _build_index()


def parse_month_name(name: str) -> int | None:
    """Return the Hijri month number (1-12) that ``name`` spells, or None.

    Recognises every style's spelling and common wire-copy variants, e.g.
    "Zulkaedah", "Zul Qadah", "Dhu al-Qadah", "Dhul Qa'dah", "ذو القعدة".
    None (rather than an exception) because ingest probes candidate words.
    """
    if not isinstance(name, str):
        return None
    key = _fold(name)
    return _MONTH_INDEX.get(key) if key else None
