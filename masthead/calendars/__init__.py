"""Pure calendar helpers for the masthead dateline and for ingest.

No Django here: these functions are used from templates, management
commands, the feed builders and tests alike, and must stay importable
without settings.
"""

from masthead.calendars.formatting import (
    format_gregorian,
    format_hijri,
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
from masthead.calendars.spellings import (
    MONTH_NAMES,
    HijriStyle,
    localise_digits,
    month_name,
    parse_month_name,
    parse_style,
)

__all__ = [
    "FIRST_SUPPORTED_DATE",
    "LAST_SUPPORTED_DATE",
    "MAX_OFFSET",
    "MIN_OFFSET",
    "MONTH_NAMES",
    "HijriDate",
    "HijriStyle",
    "format_gregorian",
    "format_hijri",
    "from_hijri",
    "localise_digits",
    "masthead_line",
    "month_name",
    "ordinal",
    "parse_month_name",
    "parse_style",
    "to_hijri",
    "validate_offset",
]
