"""The edition a request is for: its site, settings, clock and calendar.

Every date a reader sees goes through the methods here, so it is written in
the edition's language and digits (masthead/calendars/languages.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property
from zoneinfo import ZoneInfo

from django.http import HttpRequest
from django.utils import timezone, translation
from wagtail.models import Site

from masthead.calendars import (
    DateLanguage,
    Digits,
    HijriStyle,
    date_language,
    format_clock,
    format_day_month,
    format_moment,
    hijri_style_for,
    masthead_line,
    write_digits,
)
from masthead.web.models import EditionSettings


@dataclass
class Edition:
    site: Site
    settings: EditionSettings

    nav: list | None = None
    fragments: dict = field(default_factory=dict)
    language: str = "en"

    @classmethod
    def for_request(cls, request: HttpRequest) -> Edition | None:
        data = getattr(request, "edition_data", None)
        if data is not None:
            return cls(site=data.site, settings=data.settings, nav=data.nav, fragments=data.fragments, language=data.language)
        site = Site.find_for_request(request)
        if site is None:
            return None
        return cls(site=site, settings=EditionSettings.for_request(request), language=translation.get_language() or "en")

    @property
    def name(self) -> str:
        return self.site.site_name or "Masthead"

    @cached_property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.settings.time_zone)

    @property
    def style(self) -> HijriStyle:
        return HijriStyle(self.settings.hijri_style)

    def local(self, moment: datetime) -> datetime:
        return moment.astimezone(self.zone)

    def today(self) -> date:
        return timezone.now().astimezone(self.zone).date()

    @cached_property
    def date_language(self) -> DateLanguage:
        return date_language(self.language)

    @property
    def digits(self) -> Digits:
        """The setting, or the language's own digits when it is blank."""
        return Digits(self.settings.digits) if self.settings.digits else self.date_language.digits

    @property
    def right_to_left(self) -> bool:
        """Whether the edition's language is written right to left (Django's LANG_INFO says)."""
        try:
            return translation.get_language_info(self.language)["bidi"]
        except KeyError:
            return False

    @property
    def hijri_is_right_to_left(self) -> bool:
        return hijri_style_for(self.date_language, self.style) in (HijriStyle.ARABIC, HijriStyle.URDU)

    def masthead_date(self) -> str:
        """``Sunday 28th May 2023 / 8 Zulkaedah 1444``; ``اتوار ۲۸ مئی ۲۰۲۳ / ۸ ذوالقعدہ ۱۴۴۴`` on an Urdu edition."""
        return masthead_line(
            self.today(), self.style, self.settings.hijri_offset, language=self.date_language, digits=self._digits_setting
        )

    def dual_date(self, moment: datetime) -> str:
        """``Sunday 27th February 2022 / 26 Rajab 1443, 22:15 PKT`` in the edition's zone, calendar and language."""
        return format_moment(
            self.local(moment),
            self.style,
            self.settings.hijri_offset,
            language=self.date_language,
            digits=self._digits_setting,
        )

    def short_date(self, moment: datetime) -> str:
        """``3 Dec 2026, 10:15 PKT``: short enough for a phone's line."""
        local = self.local(moment)
        day = format_day_month(local.date(), self.date_language, self.digits)
        return f"{day}{self.date_language.comma}{format_clock(local, self.date_language, self.digits)} {local.tzname()}"

    def clock_time(self, moment: datetime) -> str:
        """``14:05`` today, ``28 Nov 14:05`` before, by the edition's clock."""
        local = self.local(moment)
        clock = format_clock(local, self.date_language, self.digits)
        if local.date() == self.today():
            return clock
        return f"{format_day_month(local.date(), self.date_language, self.digits, year=False)} {clock}"

    def number(self, value: int) -> str:
        """A number in the edition's digits: an archive's year, a count."""
        return write_digits(value, self.digits)

    @property
    def _digits_setting(self) -> Digits | None:
        # None lets each calendar keep its own script's digits: an English
        # edition with Urdu month names writes the Hijri half in Urdu digits.
        return Digits(self.settings.digits) if self.settings.digits else None

    @property
    def app_cta(self) -> str:
        return self.settings.app_cta(self.name)

    @cached_property
    def sections(self):
        if self.nav is not None:
            return self.nav
        from masthead.news.querysets import nav_sections

        return nav_sections(self.site)
