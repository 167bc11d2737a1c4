"""The app's own page cache, in front of Django: the leanest path from a socket to a cached page.

Used alone (``make demo``, single machine) it serves cached pages without
running Django's middleware or views; behind nginx it fills the files nginx
serves. Either way:

* a fresh page is served from memory after one ``stat`` proves the file is
  still there (a purge is a deletion, seen by every worker at once);
* an expired page is served stale while one request renders it anew;
* a missing page is rendered by one request only (a lock per page, across
  threads and processes), the others wait for it and share the result;
* when the database is down, cached pages — fresh or stale — keep answering;
* a browser or feed reader that already holds the page (``If-None-Match``,
  ``If-Modified-Since``) gets ``304 Not Modified``, with the validators the
  store wrote beside the page — the same nginx gives the file;
* a reader gets the page compressed as its ``Accept-Encoding`` asks (Brotli
  or gzip, compressed once by the store), with that file's own validators,
  exactly as nginx's ``brotli_static``/``gzip_static`` would send it.
"""

from __future__ import annotations

import fcntl
import logging
import re
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable
from email.utils import parsedate_to_datetime

from masthead.pagecache.encodings import IDENTITY, PREFERENCE, choose
from masthead.pagecache.policy import Policy
from masthead.pagecache.store import CacheKey, Entry, FileStore

log = logging.getLogger(__name__)

StartResponse = Callable[..., object]
HOP_HEADERS = {"x-cache-tags", "x-cache-ttl"}
# What a 304 repeats of the 200 it stands for (RFC 9110 15.4.5; Django's HttpResponseNotModified keeps the same).
NOT_MODIFIED_HEADERS = {"cache-control", "content-location", "date", "etag", "expires", "last-modified", "vary"}
# A render must produce the whole page to store it, whatever the reader already holds.
CONDITIONAL_REQUEST_HEADERS = (
    "HTTP_IF_NONE_MATCH",
    "HTTP_IF_MODIFIED_SINCE",
    "HTTP_IF_MATCH",
    "HTTP_IF_UNMODIFIED_SINCE",
    "HTTP_IF_RANGE",
    "HTTP_RANGE",
    # The store keeps the page as rendered and compresses it itself.
    "HTTP_ACCEPT_ENCODING",
)
# Replaced for a compressed answer (the encoding's own ETag and size); Last-Modified is the same for all.
ENCODING_HEADERS = {"content-length", "etag", "content-encoding", "vary"}
LOCK_WAIT_SECONDS = 15.0
MEMORY_ENTRIES = 2000


class PageCacheApp:
    def __init__(
        self,
        app,
        store: FileStore,
        policy: Policy,
        *,
        default_ttl: float,
        https: bool = False,
        proxy_ssl_header: tuple[str, str] | None = None,
    ):
        self.app = app
        self.store = store
        self.policy = policy
        self.default_ttl = default_ttl
        # How readers reach the site, for pages rendered without one (warm): the scheme, and the header
        # Django's SECURE_PROXY_SSL_HEADER expects from the proxy in front.
        self.https = https
        self.proxy_ssl_header = proxy_ssl_header
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
        body, headers, etag = _encoded(entry, environ.get("HTTP_ACCEPT_ENCODING"))
        if not_modified(environ, etag, entry.modified):
            start_response("304 Not Modified", [*_not_modified_headers(headers), ("X-Cache", state)])
            return [b""]
        start_response("200 OK", [*headers, ("X-Cache", state)])
        return [b""] if environ["REQUEST_METHOD"] == "HEAD" else [body]

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
        request = {k: v for k, v in environ.items() if k not in CONDITIONAL_REQUEST_HEADERS}
        result = self.app(dict(request, REQUEST_METHOD="GET"), capture)
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
            public = [(k, v) for k, v in headers if k.lower() not in HOP_HEADERS]
            if status.startswith("200") and not_modified(environ, *_validators(public)):
                start_response("304 Not Modified", _not_modified_headers(public))
                return [b""]
            start_response(status, public)
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
        """Render a page into the cache now (after a publish), as an anonymous reader would see it.

        ``host`` is a host folder: the ``Host`` readers sent, with its port if
        they named one. The page is rendered with the scheme they use, or
        Django would answer an HTTPS site's plain-HTTP request with a redirect
        (and, behind a proxy that does not redirect, links would say http://).
        """
        name, _, port = host.partition(":")
        environ = {
            "REQUEST_METHOD": "GET",
            "PATH_INFO": path,
            "QUERY_STRING": variant_query,
            "HTTP_HOST": host,
            "SERVER_NAME": name,
            "SERVER_PORT": port or ("443" if self.https else "80"),
            "SERVER_PROTOCOL": "HTTP/1.1",
            "REMOTE_ADDR": "127.0.0.1",  # this process, standing in for the proxy in front of it
            "wsgi.url_scheme": "https" if self.https else "http",
            "wsgi.input": _EmptyInput(),
            "wsgi.errors": None,
            "wsgi.version": (1, 0),
            "wsgi.multithread": True,
            "wsgi.multiprocess": True,
            "wsgi.run_once": False,
        }
        if self.https and self.proxy_ssl_header:
            header, secure_value = self.proxy_ssl_header
            environ[header] = secure_value
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


def not_modified(environ: dict, etag: str, modified: int | None) -> bool:
    """Whether the reader's copy is this one (RFC 9110 13.2.2): ``If-None-Match`` first, else ``If-Modified-Since``."""
    if environ.get("REQUEST_METHOD") not in ("GET", "HEAD"):
        return False
    wanted = environ.get("HTTP_IF_NONE_MATCH")
    if wanted is not None:
        if not etag:
            return False
        if wanted.strip() == "*":
            return True
        mine = etag.removeprefix("W/")  # the weak comparison, as for every GET
        return any(tag.strip().removeprefix("W/") == mine for tag in wanted.split(","))
    since = environ.get("HTTP_IF_MODIFIED_SINCE")
    if since is None or modified is None:
        return False
    try:
        return modified <= parsedate_to_datetime(since).timestamp()
    except (TypeError, ValueError, IndexError, OverflowError):
        return False


def _encoded(entry: Entry, accept_encoding: str | None) -> tuple[bytes, list[tuple[str, str]], str]:
    """The body, headers and ETag of the page in the coding the reader prefers among those stored.

    Every cached answer says ``Vary: Accept-Encoding``, the identity one too,
    as nginx's ``gzip_vary`` does wherever a compressed file exists.
    """
    coding = choose(accept_encoding, tuple(c for c in PREFERENCE if c in entry.encoded))
    body, etag = (entry.body, entry.etag) if coding == IDENTITY else (entry.encoded[coding].body, entry.encoded[coding].etag)
    headers = [(name, value) for name, value in entry.headers if name.lower() not in ENCODING_HEADERS]
    headers += [("Content-Length", str(len(body))), ("ETag", etag), ("Vary", _vary_with_accept_encoding(entry.headers))]
    if coding != IDENTITY:
        headers.append(("Content-Encoding", coding))
    return body, headers, etag


def _vary_with_accept_encoding(headers: list[tuple[str, str]]) -> str:
    names = [v.strip() for name, value in headers if name.lower() == "vary" for v in value.split(",") if v.strip()]
    if not any(name.lower() == "accept-encoding" for name in names):
        names.append("Accept-Encoding")
    return ", ".join(names)


def _validators(headers: list[tuple[str, str]]) -> tuple[str, int | None]:
    """A response's own ETag and Last-Modified (for pages passed through uncached)."""
    etag, modified = "", None
    for name, value in headers:
        lower = name.lower()
        if lower == "etag":
            etag = value
        elif lower == "last-modified":
            try:
                modified = int(parsedate_to_datetime(value).timestamp())
            except (TypeError, ValueError, IndexError, OverflowError):
                pass
    return etag, modified


def _not_modified_headers(headers: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [(name, value) for name, value in headers if name.lower() in NOT_MODIFIED_HEADERS]


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
