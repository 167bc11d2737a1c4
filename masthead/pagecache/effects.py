"""What a purge set does to the page cache, one step at a time, for the pipeline's tasks to run in order.

Purge sets name editions by their Site's host name; hosts.py turns each
into every host folder readers reached it under. Every step is idempotent:
a task run twice (a retry, or a worker killed mid-job) deletes nothing more
and renders the same pages again.
"""

from __future__ import annotations

import logging

from django.conf import settings

from masthead.pagecache import runtime
from masthead.pagecache.hosts import HostMap
from masthead.pagecache.purge import PurgeSet

log = logging.getLogger(__name__)


def to_json(purge: PurgeSet) -> dict:
    """A purge set as task arguments (JSON: sets become sorted lists)."""
    return {
        "paths": {host: sorted(paths) for host, paths in purge.paths.items()},
        "tags": sorted(purge.tags),
        "hosts": sorted(purge.hosts),
        "warm": purge.warm,
        "everything": purge.everything,
    }


def from_json(data: dict) -> PurgeSet:
    return PurgeSet(
        paths={host: set(paths) for host, paths in data.get("paths", {}).items()},
        tags=set(data.get("tags", [])),
        hosts=set(data.get("hosts", [])),
        warm={host: list(paths) for host, paths in data.get("warm", {}).items()},
        everything=bool(data.get("everything", False)),
    )


def host_map() -> HostMap:
    """The host folders readers reached each edition under: read before the purge, which may empty them."""
    return HostMap.load(runtime.store())


def purge_files(purge: PurgeSet, hosts: HostMap) -> int:
    """Delete what the change made wrong under every host name its editions are read under; how many paths it named."""
    store = runtime.store()
    if purge.everything:
        store.purge_all()
    for hostname in purge.hosts:
        for folder in hosts.folders_of(hostname):
            store.purge_host(folder)
    for tag in purge.tags:
        store.purge_tag(tag)
    count = 0
    for hostname, paths in purge.paths.items():
        for folder in hosts.folders_of(hostname):
            for path in paths:
                store.purge_path(folder, path)
                count += 1
    return count


def warm(purge: PurgeSet, hosts: HostMap) -> list[str]:
    """Render the pages a change is read on at once (needs this process's cache app); the URLs rendered.

    A page that fails to render is logged and left to its first reader: a
    warm render is a courtesy, the purge before it is what must happen.
    """
    app = runtime.app()
    if app is None:
        return []
    warmed = []
    for hostname, paths in purge.warm.items():
        for folder in hosts.folders_to_warm(hostname):
            for path in paths:
                try:
                    app.warm(folder, path)
                    warmed.append(f"{folder}{path}")
                except Exception:
                    log.exception("page cache: could not warm %s%s", folder, path)
    return warmed


def cdn_urls(purge: PurgeSet) -> list[str]:
    scheme = "https" if settings.HTTPS else "http"
    urls = [f"{scheme}://{host}{path}" for host, paths in purge.paths.items() for path in sorted(paths)]
    urls += [
        f"{scheme}://{host}{path}?lite=1" for host, paths in purge.paths.items() for path in sorted(paths) if path.endswith("/")
    ]
    return urls


def purge_cdn(purge: PurgeSet) -> list[str]:
    """Ask Wagtail's frontend-cache backends (CDNs) to forget the URLs, when any is configured; the URLs asked."""
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return []
    from wagtail.contrib.frontend_cache.tasks import purge_urls_from_cache_task

    urls = cdn_urls(purge)
    if urls:
        # Called here rather than enqueued: the CDN purge comes after the warm renders, and fails with this task.
        purge_urls_from_cache_task.call(urls)
    return urls
