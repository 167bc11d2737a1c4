"""The edition a request is for: its site, settings, clock and calendar."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property
from zoneinfo import ZoneInfo

from django.http import HttpRequest
from django.utils import timezone
from wagtail.models import Site

from masthead.calendars import HijriStyle, format_gregorian, format_hijri, masthead_line, to_hijri
from masthead.web.models import EditionSettings


@dataclass
class Edition:
    site: Site
    settings: EditionSettings

    nav: list | None = None
    fragments: dict = field(default_factory=dict)

    @classmethod
    def for_request(cls, request: HttpRequest) -> Edition | None:
        data = getattr(request, "edition_data", None)
        if data is not None:
            return cls(site=data.site, settings=data.settings, nav=data.nav, fragments=data.fragments)
        site = Site.find_for_request(request)
        if site is None:
            return None
        return cls(site=site, settings=EditionSettings.for_request(request))

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

    def masthead_date(self) -> str:
        return masthead_line(self.today(), self.style, self.settings.hijri_offset)

    def dual_date(self, moment: datetime) -> str:
        """``Sunday 27th February 2022 / 26 Rajab 1443, 10:15 PKT`` in the edition's zone and calendar."""
        local = self.local(moment)
        hijri = format_hijri(to_hijri(local.date(), self.settings.hijri_offset), self.style)
        return f"{format_gregorian(local.date())} / {hijri}, {local:%H:%M} {local.tzname()}"

    @property
    def app_cta(self) -> str:
        return self.settings.app_cta(self.name)

    @cached_property
    def sections(self):
        if self.nav is not None:
            return self.nav
        from masthead.news.querysets import nav_sections

        return nav_sections(self.site)
