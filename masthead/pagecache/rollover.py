"""A new day starts a new page cache, for nginx too.

Every page shows today's date in its edition's time zone. The app's own
fast path expires pages at the edition's midnight by itself; nginx serves
files without looking at their age, so ``masthead worker`` checks every few
seconds and empties an edition's cache when its day changes (whichever
worker gets there first; the others find it done).
"""

from __future__ import annotations

import logging
from datetime import datetime
from zoneinfo import ZoneInfo

from masthead.pagecache import runtime
from masthead.pagecache.hosts import HostMap

log = logging.getLogger(__name__)
INTERVAL_SECONDS = 5  # how often the worker looks: pages show yesterday at most this long after midnight


def local_dates() -> dict[str, str]:
    """Today's date for each edition's host, in its own time zone."""
    from wagtail.models import Site

    from masthead.web.models import DEFAULT_TIME_ZONE, EditionSettings

    zones = dict(EditionSettings.objects.values_list("site__hostname", "time_zone"))
    now = datetime.now(tz=ZoneInfo("UTC"))
    return {
        host.lower(): now.astimezone(ZoneInfo(zones.get(host, DEFAULT_TIME_ZONE))).date().isoformat()
        for host in Site.objects.values_list("hostname", flat=True)
    }


def roll_over(dates: dict[str, str]) -> list[str]:
    """Empty the cache of every edition whose day changed since its pages were written (under every host name)."""
    store = runtime.store()
    hosts = None
    rolled = []
    for host, today in dates.items():
        stamp = store.root / f".day-{host}"
        try:
            previous = stamp.read_text()
        except FileNotFoundError:
            previous = None
        if previous != today:
            if previous is not None:
                hosts = hosts or HostMap.load(store)
                for folder in hosts.folders_of(host):
                    store.purge_host(folder)
                rolled.append(host)
            stamp.parent.mkdir(parents=True, exist_ok=True)
            stamp.write_text(today)
    return rolled


def check() -> list[str]:
    """One look (the worker's): roll over every edition whose day has changed; the hosts rolled."""
    rolled = roll_over(local_dates())
    if rolled:
        log.info("page cache: a new day for %s", ", ".join(rolled))
    return rolled
