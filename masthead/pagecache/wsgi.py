"""The app's own page cache, in front of Django: the leanest path from a socket to a cached page.

Used alone (``make demo``, single machine) it serves cached pages without
running Django's middleware or views; behind nginx it fills the files nginx
serves. Either way:

* a fresh page is served from memory after one ``stat`` proves the file is
  still there (a purge is a deletion, seen by every worker at once);
* an expired page is served stale while one request renders it anew;
* a missing page is rendered by one request only (a lock per page, across
  threads and processes), the others wait for it and share the result;
* when the database is down, cached pages — fresh or stale — keep answering.
"""

from __future__ import annotations

import fcntl
import logging
import re
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable

from masthead.pagecache.policy import Policy
from masthead.pagecache.store import CacheKey, Entry, FileStore

log = logging.getLogger(__name__)

StartResponse = Callable[..., object]
HOP_HEADERS = {"x-cache-tags", "x-cache-ttl"}
LOCK_WAIT_SECONDS = 15.0
MEMORY_ENTRIES = 2000


class PageCacheApp:
    def __init__(self, app, store: FileStore, policy: Policy, *, default_ttl: float):
        self.app = app
        self.store = store
        self.policy = policy
        self.default_ttl = default_ttl
        self.memory: OrderedDict[CacheKey, Entry] = OrderedDict()
        self.memory_lock = threading.Lock()
        self.revalidating: set[CacheKey] = set()
        self.renders = 0  # pages rendered through this cache (tests and benchmarks read it)

    def __call__(self, environ: dict, start_response: StartResponse) -> Iterable[bytes]:
        key = self.policy.key_for(environ)
        if key is None:
            return self.app(environ, start_response)

        entry = self._lookup(key)
        if entry is not None and entry.fresh():
            return self._serve(entry, "HIT", environ, start_response)
        if entry is not None:
            self._revalidate_in_background(key, environ)
            return self._serve(entry, "STALE", environ, start_response)
        return self._fill(key, environ, start_response)

    # --- reading --------------------------------------------------------------------

    def _lookup(self, key: CacheKey) -> Entry | None:
        entry = self.memory.get(key)
        if entry is not None:
            if self.store.signature(key) == entry.signature:
                return entry
            self._forget(key)
        entry = self.store.read(key)
        if entry is not None:
            self._remember(key, entry)
        return entry

    def _remember(self, key: CacheKey, entry: Entry) -> None:
        with self.memory_lock:
            self.memory[key] = entry
            self.memory.move_to_end(key)
            while len(self.memory) > MEMORY_ENTRIES:
                self.memory.popitem(last=False)

    def _forget(self, key: CacheKey) -> None:
        with self.memory_lock:
            self.memory.pop(key, None)

    @staticmethod
    def _serve(entry: Entry, state: str, environ: dict, start_response: StartResponse) -> Iterable[bytes]:
        start_response("200 OK", [*entry.headers, ("X-Cache", state)])
        return [b""] if environ["REQUEST_METHOD"] == "HEAD" else [entry.body]

    # --- filling ----------------------------------------------------------------------

    def _fill(self, key: CacheKey, environ: dict, start_response: StartResponse) -> Iterable[bytes]:
        with open(self.store.lock_path(key), "a+b") as lock:
            if not _acquire(lock, LOCK_WAIT_SECONDS):
                # Whoever holds the lock is taking too long; answer this reader without caching.
                return self.app(environ, start_response)
            try:
                entry = self.store.read(key)  # filled while we waited?
                if entry is not None and entry.fresh():
                    self._remember(key, entry)
                    return self._serve(entry, "HIT", environ, start_response)
                return self._render(key, environ, start_response)
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    def _render(self, key: CacheKey, environ: dict, start_response: StartResponse | None) -> Iterable[bytes]:
        captured: dict = {}

        def capture(status, headers, exc_info=None):
            captured["status"], captured["headers"] = status, headers
            return lambda data: captured.setdefault("written", []).append(data)

        self.renders += 1
        result = self.app(dict(environ, REQUEST_METHOD="GET"), capture)
        try:
            body = b"".join([*captured.get("written", []), *result])
        finally:
            if hasattr(result, "close"):
                result.close()
        status, headers = captured["status"], captured["headers"]
        if self.policy.storable(status, headers):
            tags, ttl = _cache_instructions(headers, self.default_ttl)
            public = [(k, v) for k, v in headers if k.lower() not in HOP_HEADERS]
            entry = self.store.write(key, body, public, time.time() + ttl, tags)
            self._remember(key, entry)
            if start_response is not None:
                return self._serve(entry, "MISS", environ, start_response)
            return []
        if start_response is not None:
            start_response(status, [(k, v) for k, v in headers if k.lower() not in HOP_HEADERS])
            return [b""] if environ["REQUEST_METHOD"] == "HEAD" else [body]
        return []

    def _revalidate_in_background(self, key: CacheKey, environ: dict) -> None:
        with self.memory_lock:
            if key in self.revalidating:
                return
            self.revalidating.add(key)
        # The WSGI environ is only valid during its request: copy the plain values.
        snapshot = {k: v for k, v in environ.items() if isinstance(v, (str, int, float, bool, tuple))}
        snapshot["wsgi.input"] = _EmptyInput()
        snapshot["wsgi.errors"] = environ.get("wsgi.errors")
        threading.Thread(target=self._revalidate, args=(key, snapshot), daemon=True).start()

    def _revalidate(self, key: CacheKey, environ: dict) -> None:
        try:
            with open(self.store.lock_path(key), "a+b") as lock:
                try:
                    fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except BlockingIOError:
                    return  # another worker is already on it
                try:
                    entry = self.store.read(key)
                    if entry is None or not entry.fresh():
                        self._render(key, environ, None)
                finally:
                    fcntl.flock(lock, fcntl.LOCK_UN)
        except Exception:  # a failed refresh keeps the stale copy; the next reader tries again
            log.exception("page cache: could not refresh %s%s", key.host, key.path)
        finally:
            with self.memory_lock:
                self.revalidating.discard(key)

    def warm(self, host: str, path: str, variant_query: str = "") -> None:
        """Render a page into the cache now (after a publish), as an anonymous reader would see it."""
        environ = {
            "REQUEST_METHOD": "GET",
            "PATH_INFO": path,
            "QUERY_STRING": variant_query,
            "HTTP_HOST": host,
            "SERVER_NAME": host,
            "SERVER_PORT": "80",
            "SERVER_PROTOCOL": "HTTP/1.1",
            "wsgi.url_scheme": "http",
            "wsgi.input": _EmptyInput(),
            "wsgi.errors": None,
            "wsgi.version": (1, 0),
            "wsgi.multithread": True,
            "wsgi.multiprocess": True,
            "wsgi.run_once": False,
        }
        key = self.policy.key_for(environ)
        if key is None:
            return
        with open(self.store.lock_path(key), "a+b") as lock:
            if not _acquire(lock, LOCK_WAIT_SECONDS):
                return
            try:
                self._render(key, environ, None)
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)


def _cache_instructions(headers: list[tuple[str, str]], default_ttl: float) -> tuple[list[str], float]:
    """Tags and lifetime the app gave a page: ``X-Cache-TTL``, else its own ``max-age``, else the default."""
    tags: list[str] = []
    ttl: float | None = None
    max_age: float | None = None
    for name, value in headers:
        lower = name.lower()
        if lower == "x-cache-tags":
            tags = [tag for tag in value.split() if tag.replace(":", "").replace("-", "").isalnum()]
        elif lower == "x-cache-ttl":
            try:
                ttl = max(1.0, float(value))
            except ValueError:
                pass
        elif lower == "cache-control":
            match = re.search(r"(?:s-maxage|max-age)=(\d+)", value)
            if match:
                max_age = max(1.0, float(match.group(1)))
    if ttl is None:
        ttl = min(default_ttl, max_age) if max_age is not None else default_ttl
    return tags, ttl


def _acquire(lock, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while True:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            if time.monotonic() > deadline:
                return False
            time.sleep(0.005)


class _EmptyInput:
    def read(self, *args) -> bytes:
        return b""

    def readline(self, *args) -> bytes:
        return b""
