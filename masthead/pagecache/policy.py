"""What may be cached: decided before Django runs (the request) and after (the response).

The rule of thumb: a page is shared only if nothing about the reader could
be in it. Requests that carry a session or credentials, responses that set
a cookie, vary on one or say ``private``/``no-store``, anything under the
admin, and anything that is not a plain 200 are never stored.

Pages hold absolute URLs built from the request's ``Host``, port included,
so the host folder is that ``Host`` exactly. A ``Host`` naming a port the
server does not listen on is never cached: anyone could otherwise fill the
cache with links to a port of their choosing.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl

from masthead.pagecache.store import EXTENSIONS, CacheKey

SAFE_PATH = re.compile(r"^/(?:[A-Za-z0-9_~%.-]+/)*(?:[A-Za-z0-9_~%.-]+)?$")
SAFE_HOST = re.compile(r"^[a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?$")
MAX_CACHED_PAGE_NUMBER = 500
PRIVATE_REQUEST_HEADERS = ("HTTP_AUTHORIZATION",)
UNCACHEABLE_RESPONSE_DIRECTIVES = ("private", "no-store", "no-cache")


class Policy:
    def __init__(self, *, excluded_prefixes: tuple[str, ...], private_cookies: tuple[str, ...], allowed_host):
        self.excluded_prefixes = excluded_prefixes
        self.private_cookies = private_cookies
        self.allowed_host = allowed_host

    def key_for(self, environ: dict) -> CacheKey | None:
        """The cache key of a request, or None when it must go to the app uncached."""
        if environ.get("REQUEST_METHOD") not in ("GET", "HEAD"):
            return None
        if any(environ.get(header) for header in PRIVATE_REQUEST_HEADERS):
            return None
        cookies = environ.get("HTTP_COOKIE", "")
        if cookies and any(f"{name}=" in cookies for name in self.private_cookies):
            return None
        path = environ.get("PATH_INFO", "/") or "/"
        if path.startswith(self.excluded_prefixes) or ".." in path or not SAFE_PATH.match(path):
            return None
        host = host_folder(environ)
        if host is None or not self.allowed_host(host.partition(":")[0]):
            return None
        variant = _variant(environ.get("QUERY_STRING", ""))
        if variant is None:
            return None
        return CacheKey(host=host, path=path, variant=variant)

    @staticmethod
    def storable(status: str, headers: list[tuple[str, str]]) -> bool:
        if not status.startswith("200"):
            return False
        for name, value in headers:
            lower = name.lower()
            # Only what the store can find again, and nginx serve (pages, feeds, JSON, text): a picture (the
            # PWA's icons) would be written on every request and never read back.
            if lower == "content-type" and value.split(";")[0].strip().lower() not in EXTENSIONS:
                return False
            if lower == "set-cookie":
                return False
            if lower == "vary" and any(v.strip().lower() in ("cookie", "authorization", "*") for v in value.split(",")):
                return False
            if lower == "cache-control" and any(d in value.lower() for d in UNCACHEABLE_RESPONSE_DIRECTIVES):
                return False
        return True


def host_folder(environ: dict) -> str | None:
    """``Host`` as the folder its pages are kept in, or None when pages for it must not be shared.

    Only lower-case names without a trailing dot (what browsers and nginx's
    ``$host`` send): other spellings of a name would put their own spelling
    into links served to everyone.
    """
    host = environ.get("HTTP_HOST", "")
    name, _, port = host.partition(":")
    if not SAFE_HOST.match(name):
        return None
    if port and (not port.isdigit() or port != environ.get("SERVER_PORT")):
        return None
    return host


def _variant(query: str) -> str | None:
    """The page variants worth caching: the lite version and listing pages. Any other query goes to the app."""
    if not query:
        return ""
    params = parse_qsl(query, keep_blank_values=True)
    names = [name for name, _ in params]
    if len(names) != len(set(names)) or not set(names) <= {"lite", "page"}:
        return None
    values = dict(params)
    variant = ""
    if "page" in values:
        if not values["page"].isdigit() or not 1 <= int(values["page"]) <= MAX_CACHED_PAGE_NUMBER:
            return None
        if int(values["page"]) > 1:
            variant += f".page{int(values['page'])}"
    if "lite" in values:
        if values["lite"] != "1":
            return None
        variant += ".lite"
    return variant
