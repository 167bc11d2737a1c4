"""Cache headers, set once: what readers' browsers, nginx, a CDN and our own page cache may keep, and their 304s."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.middleware import http
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_vary_headers, set_response_etag
from django.utils.http import parse_http_date_safe

from masthead.pagecache.encodings import IDENTITY, choose, compress, worth_compressing

BROWSER_MAX_AGE = 60
# Below this a compressed body saves less than its headers cost (Django's GZipMiddleware stops at 200).
MIN_COMPRESSED_SIZE = 200


def is_shared_request(request: HttpRequest) -> bool:
    """A request whose answer may be shared between readers: anonymous, no credentials, not the admin."""
    if request.method not in ("GET", "HEAD"):
        return False
    if request.META.get("HTTP_AUTHORIZATION"):
        return False
    if any(name in request.COOKIES for name in settings.PAGECACHE_PRIVATE_COOKIES):
        return False
    return not request.path_info.startswith(settings.PAGECACHE_EXCLUDED_PREFIXES)


def seconds_until_midnight(zone_name: str, now: datetime | None = None) -> int:
    """Pages show today's date in the edition's zone: nothing cached may outlive the day."""
    now = (now or timezone.now()).astimezone(ZoneInfo(zone_name))
    midnight = (now + timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)
    return max(1, int((midnight - now).total_seconds()))


class CacheHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if not is_shared_request(request):
            if request.path_info.startswith(settings.PAGECACHE_EXCLUDED_PREFIXES) or request.COOKIES:
                response.headers.setdefault("Cache-Control", "private, no-store")
            return response
        if response.status_code != 200 or response.has_header("Cache-Control") or response.cookies:
            return response
        ttl = min(settings.PAGECACHE_TTL, seconds_until_midnight(_zone(request)))
        response["Cache-Control"] = f"public, max-age={min(BROWSER_MAX_AGE, ttl)}"
        response["X-Cache-TTL"] = str(ttl)
        tags = getattr(request, "cache_tags", None)
        if tags:
            response["X-Cache-Tags"] = " ".join(sorted(tags))
        return response


class ConditionalGetMiddleware(http.ConditionalGetMiddleware):
    """Django's ETag and ``304 Not Modified`` for what Django answers itself, for HEAD as well as GET.

    The page cache gives the pages it stores their own validators (store.py);
    this covers the rest: a first render passed through, pages it never
    stores. Django leaves HEAD alone because a view might answer it with an
    empty body; ours render the same page for HEAD as for GET (the server
    drops the body), so the ETag is the GET's. Above CacheHeadersMiddleware,
    so it sees the ``no-store`` of private pages and gives them none.
    """

    def process_response(self, request: HttpRequest, response: HttpResponse) -> HttpResponse:
        if request.method not in ("GET", "HEAD"):
            return response
        if not response.streaming and response.content and self.needs_etag(response) and not response.has_header("ETag"):
            set_response_etag(response)
        etag = response.get("ETag")
        last_modified = response.get("Last-Modified")
        last_modified = last_modified and parse_http_date_safe(last_modified)
        if etag or last_modified:
            return get_conditional_response(request, etag=etag, last_modified=last_modified, response=response)
        return response


class CompressionMiddleware:
    """Brotli or gzip for what Django answers anonymous readers itself (cached pages come compressed from the store).

    Only for shared requests and answers that hold nothing of the reader's:
    compressing a page that carries a secret (a session, a CSRF token) beside
    text an attacker can put in it lets them guess the secret from the size
    of the answers (BREACH). So no compression for the admin, for a request
    with a session or credentials, or for an answer that sets a cookie, varies
    on one or is private. Outermost but for the client's address: the ETag
    the conditional middleware made is the uncompressed body's, so it is
    weakened here (as Django's GZipMiddleware does), and a 304 has no body.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if not _compressible(request, response):
            return response
        patch_vary_headers(response, ("Accept-Encoding",))
        coding = choose(request.headers.get("Accept-Encoding"))
        if coding == IDENTITY:
            return response
        compressed = compress(response.content, coding, live=True)
        if len(compressed) >= len(response.content):
            return response
        response.content = compressed
        response["Content-Length"] = str(len(compressed))
        response["Content-Encoding"] = coding
        etag = response.get("ETag")
        if etag and etag.startswith('"'):
            response["ETag"] = f"W/{etag}"
        return response


def _compressible(request: HttpRequest, response: HttpResponse) -> bool:
    if not is_shared_request(request) or response.streaming or response.has_header("Content-Encoding"):
        return False
    if response.cookies or len(response.content) < MIN_COMPRESSED_SIZE:
        return False
    if not worth_compressing(response.get("Content-Type", "")):
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if "private" in cache_control or "no-store" in cache_control:
        return False
    varies = {value.strip().lower() for value in response.get("Vary", "").split(",")}
    return not varies & {"cookie", "authorization", "*"}


def _zone(request: HttpRequest) -> str:
    from masthead.web.models import DEFAULT_TIME_ZONE, EditionSettings

    try:
        return EditionSettings.for_request(request).time_zone
    except Exception:  # no site for this host: fall back to the default edition zone
        return DEFAULT_TIME_ZONE
