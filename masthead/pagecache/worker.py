"""Purges run after the commit, batched, off the request path.

A publish enqueues its purge set; a daemon thread waits a moment for more
(an editor's save often publishes several pages at once), then deletes the
files, asks the CDN to forget the URLs (Wagtail's frontend-cache backends,
when configured) and renders the busiest pages again. Commands that exit
right after publishing (ingest, scheduled publishing) drain the queue first.

Purge sets name editions by their Site's host name; hosts.py turns each
into every host folder readers reached it under.
"""

from __future__ import annotations

import atexit
import logging
import queue
import threading
import time

from django.conf import settings

from masthead.pagecache import runtime
from masthead.pagecache.hosts import HostMap
from masthead.pagecache.purge import PurgeSet

log = logging.getLogger(__name__)
BATCH_WINDOW = 0.05

_jobs: queue.Queue[PurgeSet | None] = queue.Queue()
_thread: threading.Thread | None = None
_thread_lock = threading.Lock()
_idle = threading.Event()
_idle.set()


def enqueue(purge: PurgeSet) -> None:
    if not purge or not settings.PAGECACHE_ENABLED:
        return
    if settings.PAGECACHE_SYNC_PURGE:
        execute(purge)
        return
    _ensure_thread()
    _idle.clear()
    _jobs.put(purge)


def drain(timeout: float = 10.0) -> None:
    """Wait until every queued purge has run (tests, and commands before they exit)."""
    deadline = time.monotonic() + timeout
    while (not _jobs.empty() or not _idle.is_set()) and time.monotonic() < deadline:
        time.sleep(0.01)


def _ensure_thread() -> None:
    global _thread
    with _thread_lock:
        if _thread is None or not _thread.is_alive():
            _thread = threading.Thread(target=_run, name="pagecache-purge", daemon=True)
            _thread.start()
            atexit.register(drain)


def _run() -> None:
    while True:
        job = _jobs.get()
        batch = PurgeSet()
        batch.merge(job)
        deadline = time.monotonic() + BATCH_WINDOW
        while time.monotonic() < deadline:
            try:
                batch.merge(_jobs.get(timeout=max(0.0, deadline - time.monotonic())))
            except queue.Empty:
                break
        try:
            execute(batch)
        except Exception:
            log.exception("page cache: purge failed")
        finally:
            if _jobs.empty():
                _idle.set()


def execute(purge: PurgeSet) -> None:
    """Delete what the change made wrong under every host name its editions are read under, then render again."""
    store = runtime.store()
    if purge.everything:
        store.purge_all()
    hosts = HostMap.load(store)
    for hostname in purge.hosts:
        for folder in hosts.folders_of(hostname):
            store.purge_host(folder)
    for tag in purge.tags:
        store.purge_tag(tag)
    for hostname, paths in purge.paths.items():
        for folder in hosts.folders_of(hostname):
            for path in paths:
                store.purge_path(folder, path)
    _purge_frontend_caches(purge)
    app = runtime.app()
    if app is not None:
        for hostname, paths in purge.warm.items():
            for folder in hosts.folders_to_warm(hostname):
                for path in paths:
                    try:
                        app.warm(folder, path)
                    except Exception:
                        log.exception("page cache: could not warm %s%s", folder, path)


def _purge_frontend_caches(purge: PurgeSet) -> None:
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

    scheme = "https" if settings.HTTPS else "http"
    urls = [f"{scheme}://{host}{path}" for host, paths in purge.paths.items() for path in paths]
    urls += [f"{scheme}://{host}{path}?lite=1" for host, paths in purge.paths.items() for path in paths if path.endswith("/")]
    if urls:
        purge_urls_from_cache(urls)
