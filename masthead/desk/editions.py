"""Which edition (Wagtail Site) an admin request or a story belongs to, and that edition's time zone.

The desk shows "today" and every time in the edition's own zone. The sites and their zones are read once
per process and forgotten whenever an edition changes (the edition snapshot's stamp): the admin asks on
every request, and an install has a handful of editions.
"""

from __future__ import annotations

import threading
import zoneinfo
from dataclasses import dataclass
from datetime import datetime, time

from django.utils import timezone

from masthead.web import snapshot

_lock = threading.Lock()
_memo: dict[tuple[int, int], tuple[Edition, ...]] = {}


@dataclass(frozen=True)
class Edition:
    site_id: int
    name: str
    root_path: str
    time_zone: str
    is_default: bool

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)

    def start_of_today(self, now: datetime | None = None) -> datetime:
        """The edition's last midnight, as an aware time."""
        local = timezone.localtime(now or timezone.now(), self.zone)
        return datetime.combine(local.date(), time.min, tzinfo=self.zone)


def all_editions() -> tuple[Edition, ...]:
    """Every edition, the default first; one query per process and change of an edition."""
    stamp = snapshot._current_stamp()  # the snapshot's own "has an edition changed" check
    found = _memo.get(stamp)
    if found is None:
        found = _load()
        with _lock:
            _memo.clear()
            _memo[stamp] = found
    return found


def _load() -> tuple[Edition, ...]:
    from wagtail.models import Site

    from masthead.web.models import DEFAULT_TIME_ZONE, EditionSettings

    zones = dict(EditionSettings.objects.values_list("site_id", "time_zone"))
    sites = Site.objects.select_related("root_page").order_by("-is_default_site", "site_name", "pk")
    return tuple(
        Edition(
            site_id=site.pk,
            name=site.site_name or site.hostname,
            root_path=site.root_page.path,
            time_zone=zones.get(site.pk) or DEFAULT_TIME_ZONE,
            is_default=site.is_default_site,
        )
        for site in sites
    )


def default_edition() -> Edition | None:
    editions = all_editions()
    return editions[0] if editions else None


def edition_by_id(site_id) -> Edition | None:
    for edition in all_editions():
        if str(edition.site_id) == str(site_id):
            return edition
    return None


def edition_for_path(path: str) -> Edition | None:
    """The edition whose home page is above the tree path ``path`` (a page's ``path``)."""
    for edition in all_editions():
        if path.startswith(edition.root_path):
            return edition
    return None
