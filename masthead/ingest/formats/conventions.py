"""Newsroom conventions found inside copy, shared by the text, HTML and feed parsers. Pure.

- The dateline: ``MOSCOW:``, ``GROSSETO, Italy (AP) --``, ``KARACHI (APP):``
  leads the first paragraph; Masthead keeps it as a field of its own.
- Agency credits: ``quoted by the Ifax news agency``, ``(Reuters)``,
  ``— AFP``. Names are returned as the copy spells them; the service
  resolves aliases (``Ifax`` is Interfax).
- The masthead date line of a pasted page: ``Sunday 28th May 2023 / 8
  Zulkaedah 1444``, read in both calendars and checked for agreement.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Z.'’\-]+(?:\s+[A-Z][A-Z.'’\-]+){0,3})"
    r"(?:,\s*(?P<region>[A-Z][A-Za-z.'’\-]+(?:\s+[A-Z][A-Za-z.'’\-]+){0,2}))?"
    r"(?:\s*,?\s*(?P<date>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}))?"
    r"\s*(?:\((?P<agency>[A-Za-z][A-Za-z .&'-]{0,24})\))?"
    r"\s*(?::|—|–|--|-)\s+(?P<rest>\S.*)$",
    re.DOTALL,
)
# Words in capitals that open a paragraph but are not places.
_NOT_PLACES = frozenset(
    {
        "UPDATE",
        "UPDATED",
        "BREAKING",
        "EXCLUSIVE",
        "ANALYSIS",
        "OPINION",
        "EDITORIAL",
        "NOTE",
        "CORRECTION",
        "WATCH",
        "LIVE",
        "VIDEO",
        "PHOTO",
        "FILE",
        "URGENT",
        "FLASH",
        "ADVISORY",
    }
)

_NAME = r"[A-Z][\w.&'’\-]*(?:\s+[A-Z][\w.&'’\-]*){0,3}"
AGENCY_CREDITS = (
    # "… was quoted by the Ifax news agency", "told the Interfax news agency", "Reuters news agency reported"
    re.compile(
        rf"\b(?:by|told|to|from|according to|citing|cited|said|reported)\s+(?:the\s+)?(?:state\s+)?(?P<name>{_NAME})\s+(?i:news\s+)?(?i:agency)\b"
    ),
    re.compile(rf"\b(?:the\s+)?(?P<name>{_NAME})\s+(?i:news\s+agency)\s+(?:said|reported|quoted|cited)\b"),
    re.compile(r"\b(?:news\s+agency|wire\s+service)\s+(?P<name>[A-Z][\w.&'’\-]*(?:\s+[A-Z][\w.&'’\-]*){0,2})"),
    # "— AFP", "- Reuters", "(Reuters)" at the very end of the copy
    re.compile(r"(?:^|\s)(?:—|–|-{1,2})\s*(?P<name>[A-Z][A-Za-z.&]{1,15}(?:/[A-Z][A-Za-z.&]{1,15})?)\s*$"),
    re.compile(r"\((?P<name>[A-Z][A-Za-z.&]{1,15})\)\s*$"),
)

_GREGORIAN_MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
GREGORIAN_DATE = re.compile(
    r"^(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?P<month>[A-Za-z]+)\.?,?\s+(?P<year>\d{4})"
    r"|^(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(?P<month2>[A-Za-z]+)\.?\s+(?P<day2>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year2>\d{4})",
    re.IGNORECASE,
)
HIJRI_DATE = re.compile(
    r"(?P<day>\d{1,2}|[٠-٩]{1,2}|[۰-۹]{1,2})\s+(?P<month>[^\d٠-٩۰-۹/|,]+?)\s*,?\s+(?P<year>\d{4}|[٠-٩]{4}|[۰-۹]{4})(?:\s*(?:AH|A\.H\.|هـ))?\s*$"
)


@dataclass(frozen=True)
class Dateline:
    place: str  # "Moscow", "Grosseto, Italy"
    agency: str  # "AP" from "(AP)", or ""
    rest: str  # the paragraph without its dateline


def title_place(place: str) -> str:
    """``MOSCOW`` → ``Moscow``, ``NEW YORK`` → ``New York``, ``SAN JOSÉ`` → ``San José``; mixed case is kept."""
    if place.isupper():
        return " ".join(part.capitalize() if len(part) > 2 or part.isalpha() else part for part in place.split())
    return place


def split_dateline(paragraph: str) -> Dateline | None:
    """The dateline leading a first paragraph, if it has one."""
    match = DATELINE.match(paragraph)
    if not match:
        return None
    place = match.group("place").strip()
    if place.upper() in _NOT_PLACES or len(place.replace(" ", "")) < 2 or not match.group("rest")[:1].strip():
        return None
    # "U.S. officials - …" has capitals too, but datelines are places: reject runs that look like acronym prose.
    if len(place) > 40:
        return None
    shown = title_place(place)
    if match.group("region"):
        shown = f"{shown}, {match.group('region').strip()}"
    return Dateline(place=shown, agency=(match.group("agency") or "").strip(), rest=match.group("rest").strip())


def clean_dateline(text: str) -> tuple[str, str]:
    """A dateline field as agencies fill it (``London (dpa) -``, ``MOSCOW,``) as (place, agency credit)."""
    text = re.sub(r"\s+", " ", text or "").strip()
    agency = ""
    match = re.search(r"\((?P<agency>[A-Za-z][A-Za-z .&'-]{0,24})\)", text)
    if match:
        agency = match.group("agency").strip()
        text = (text[: match.start()] + text[match.end() :]).strip()
    text = re.sub(r"[\s,:;–—-]+$", "", text).strip()
    return title_place(text)[:80], agency


_DATELINE_DATE = re.compile(
    r"(?:,\s*|\s+)(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(?:\d{1,2}\.?\s+)?[A-Za-zéûÀ-ÿ]{3,10}\.?\s+(?:\d{1,2},?\s+)?\d{4}\s*$"
    r"|(?:,\s*|^)\s*\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\s*$"
)


def strip_dateline_date(place: str) -> str:
    """``Gaza City, Palestinian Territories, May 16, 2021`` → ``Gaza City, Palestinian Territories``;
    ``Strasbourg, 10 juil 2024`` → ``Strasbourg``; a date alone (``4/4/2018``) → ''."""
    stripped = _DATELINE_DATE.sub("", place).strip(" ,")
    return ", ".join(title_place(part.strip()) for part in stripped.split(",")) if stripped else ""


def take_dateline(paragraphs: list[str]) -> tuple[Dateline | None, list[str]]:
    """Take the dateline out of the first of some HTML paragraphs (the paragraph is rebuilt as plain text)."""
    from masthead.ingest.sanitize import paragraph, text_of

    if not paragraphs or not paragraphs[0].lstrip().lower().startswith("<p"):
        return None, paragraphs
    found = split_dateline(text_of(paragraphs[0]))
    if found is None:
        return None, paragraphs
    return found, [paragraph(found.rest), *paragraphs[1:]]


def agency_credits(text: str) -> list[str]:
    """Agency names credited in the copy, in order of appearance, without repeats."""
    found: list[tuple[int, str]] = []
    for pattern in AGENCY_CREDITS:
        for match in pattern.finditer(text):
            name = match.group("name").strip(" .")
            name = re.sub(r"^(?:The|State)\s+", "", name)
            name = re.sub(r"\s+News$", "", name, flags=re.IGNORECASE)
            if name and name.lower() not in ("the", "news", "state"):
                found.append((match.start("name"), name))
    seen: set[str] = set()
    ordered: list[str] = []
    for _, name in sorted(found):
        if name.lower() not in seen:
            seen.add(name.lower())
            ordered.append(name)
    return ordered


# Boilerplate around a credit: copyright marks, years, "All rights reserved" and what follows it.
_COPYRIGHT_MARK = re.compile(r"©|\(c\)|\bcopyright\b|\(p\)|℗", re.IGNORECASE)
_RIGHTS_TAIL = re.compile(
    r"[.,;:]?\s*(?:all\s+rights\s+reserved|tous\s+droits\s+réservés|alle\s+rechte\s+vorbehalten|"
    r"this\s+material\s+may\s+not|may\s+not\s+be\s+(?:published|reproduced)|used\s+(?:with|by)\s+permission|"
    r"reproduction\s+(?:prohibited|interdite)).*$",
    re.IGNORECASE | re.DOTALL,
)
_YEARS = re.compile(r"\b(?:19|20)\d{2}(?:\s*[-–/]\s*(?:19|20)?\d{2,4})?\b")
MAX_CREDIT_WORDS = 6


def credit_name(raw: str) -> str:
    """The agency a credit names, without copyright boilerplate ('' when nothing is left that could be a name).

    ``The Canadian Press. All rights reserved.`` → ``The Canadian Press``;
    ``© 2024 AFP`` → ``AFP``; ``Copyright Business Wire 2013`` → ``Business Wire``;
    ``All rights reserved.`` → ''. A sentence (a licence notice) is not a name: ''.
    """
    text = " ".join((raw or "").split())
    if not text:
        return ""
    text = _RIGHTS_TAIL.sub("", text)
    had_mark = bool(_COPYRIGHT_MARK.search(text))
    text = _COPYRIGHT_MARK.sub(" ", text)
    if had_mark:
        text = _YEARS.sub(" ", text)
    text = re.sub(r"^(?:by|from|source|credit|photo|foto)\s*:?\s+", "", " ".join(text.split()), flags=re.IGNORECASE)
    text = text.strip(" .,;:-–—/|")
    if not text or not re.search(r"[^\W\d_]", text) or len(text.split()) > MAX_CREDIT_WORDS:
        return ""
    return text


def clean_credits(credits: list[str]) -> list[str]:
    """Credits as agency names: boilerplate dropped (:func:`credit_name`), empty ones and repeats removed."""
    out: list[str] = []
    seen: set[str] = set()
    for credit in credits:
        name = credit_name(credit)
        if name and name.casefold() not in seen:
            seen.add(name.casefold())
            out.append(name)
    return out


@dataclass(frozen=True)
class MastheadDate:
    gregorian: datetime.date
    hijri_text: str = ""
    hijri_offset: int | None = None  # the moon-sighting offset that makes the two agree
    warning: str = ""


def parse_masthead_date(line: str) -> MastheadDate | None:
    """Read ``Sunday 28th May 2023 / 8 Zulkaedah 1444``: the Gregorian date, and the Hijri date checked against it.

    The Hijri half agrees when Umm al-Qura's date for the Gregorian day,
    shifted by a moon-sighting offset of −2…+2 days, is the printed one.
    """
    from masthead.calendars import MAX_OFFSET, MIN_OFFSET, from_hijri, parse_month_name

    parts = re.split(r"\s+[/|]\s+|\s+[–—-]\s+", line.strip(), maxsplit=1)
    match = GREGORIAN_DATE.match(parts[0].strip())
    if not match:
        return None
    month_name = (match.group("month") or match.group("month2")).lower().rstrip(".")
    month = next(
        (i + 1 for i, name in enumerate(_GREGORIAN_MONTHS) if name.startswith(month_name[:3]) and len(month_name) >= 3), None
    )
    if month is None:
        return None
    try:
        gregorian = datetime.date(
            int(match.group("year") or match.group("year2")), month, int(match.group("day") or match.group("day2"))
        )
    except ValueError:
        return None
    if len(parts) < 2:
        return MastheadDate(gregorian)
    hijri_text = parts[1].strip()
    hijri = HIJRI_DATE.search(hijri_text)
    if not hijri:
        return MastheadDate(
            gregorian,
            hijri_text,
            None,
            f"the second date on the masthead line, {hijri_text!r}, is not a Hijri date Masthead can read",
        )
    digits = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
    hijri_month = parse_month_name(hijri.group("month"))
    if hijri_month is None:
        return MastheadDate(gregorian, hijri_text, None, f"unknown Hijri month {hijri.group('month')!r} on the masthead line")
    try:
        as_gregorian = from_hijri(
            int(hijri.group("year").translate(digits)), hijri_month, int(hijri.group("day").translate(digits))
        )
    except ValueError as error:
        return MastheadDate(gregorian, hijri_text, None, f"the Hijri date on the masthead line is not valid: {error}")
    offset = (as_gregorian - gregorian).days
    if not MIN_OFFSET <= offset <= MAX_OFFSET:
        return MastheadDate(
            gregorian,
            hijri_text,
            None,
            f"the masthead dates disagree: {hijri_text} is {as_gregorian.isoformat()} in the Umm al-Qura calendar, "
            f"{abs(offset)} days from {gregorian.isoformat()} (moon-sighting offsets go from {MIN_OFFSET} to {MAX_OFFSET})",
        )
    return MastheadDate(gregorian, hijri_text, offset)
