"""Pure calendar helpers for the masthead dateline and for ingest.

No Django here: these functions are used from templates, management
commands, the feed builders and tests alike, and must stay importable
without settings.
"""

from masthead.calendars.formatting import (
    format_clock,
    format_day_month,
    format_gregorian,
    format_hijri,
    format_moment,
    hijri_style_for,
    masthead_line,
    ordinal,
)
from masthead.calendars.hijri import (
    FIRST_SUPPORTED_DATE,
    LAST_SUPPORTED_DATE,
    MAX_OFFSET,
    MIN_OFFSET,
    HijriDate,
    from_hijri,
    to_hijri,
    validate_offset,
)
from masthead.calendars.languages import (
    ENGLISH,
    LANGUAGES,
    URDU,
    DateLanguage,
    Digits,
    date_language,
    parse_digits,
    parse_language,
    write_digits,
)
from masthead.calendars.spellings import (
    MONTH_NAMES,
    HijriStyle,
    localise_digits,
    month_name,
    parse_month_name,
    parse_style,
)

__all__ = [
    "ENGLISH",
    "FIRST_SUPPORTED_DATE",
    "LANGUAGES",
    "LAST_SUPPORTED_DATE",
    "MAX_OFFSET",
    "MIN_OFFSET",
    "MONTH_NAMES",
    "URDU",
    "DateLanguage",
    "Digits",
    "HijriDate",
    "HijriStyle",
    "date_language",
    "format_clock",
    "format_day_month",
    "format_gregorian",
    "format_hijri",
    "format_moment",
    "from_hijri",
    "hijri_style_for",
    "localise_digits",
    "masthead_line",
    "month_name",
    "ordinal",
    "parse_digits",
    "parse_language",
    "parse_month_name",
    "parse_style",
    "to_hijri",
    "validate_offset",
    "write_digits",
]
