"""Cross-origin reads of the app API: which browser origins may GET it, set by ``API_CORS_ORIGINS``.

The API is public, read-only and takes no credentials, so the default is
``*``. Responses are stored by the page cache under their URL alone, and
served from it without Django, so what CORS adds must not depend on who
asked, or one origin's answer would be replayed to another:

* ``*``, or a single origin: the same header on every response, whoever
  asks; stored and served from the cache like any other.
* several origins: the answer names the asking origin and says
  ``Vary: Origin``. A shared cache keyed by URL cannot honour that, so those
  answers are ``private`` (browsers keep them; the page cache, nginx and
  CDNs do not), and so are the same URLs asked without an ``Origin``: a
  stored copy without the header would otherwise be replayed to a browser app.
* none (empty): no CORS headers at all.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse

ALLOWED_METHODS = "GET, HEAD, OPTIONS"
ALLOWED_HEADERS = "Accept, Accept-Language, If-None-Match, If-Modified-Since"
EXPOSED_HEADERS = "ETag, Last-Modified, Retry-After"
PREFLIGHT_MAX_AGE = 86_400  # browsers cap it lower (Chromium at 2 hours); one preflight a day at most otherwise


def allowed_origin(request: HttpRequest) -> str | None:
    """The ``Access-Control-Allow-Origin`` value for this request, or None for none."""
    origins = settings.API_CORS_ORIGINS
    if "*" in origins:
        return "*"
    if len(origins) == 1:
        return origins[0]
    origin = request.headers.get("Origin", "")
    return origin if origin in origins else None


def varies_by_origin() -> bool:
    origins = settings.API_CORS_ORIGINS
    return len(origins) > 1 and "*" not in origins


def add_headers(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    """CORS headers on an API response (GET, HEAD or an error)."""
    if varies_by_origin():
        response["Vary"] = ", ".join(filter(None, [response.get("Vary"), "Origin"]))
        if response.get("Cache-Control", "").startswith("public"):
            response["Cache-Control"] = response["Cache-Control"].replace("public", "private", 1)
    origin = allowed_origin(request)
    if origin:
        response["Access-Control-Allow-Origin"] = origin
        response["Access-Control-Expose-Headers"] = EXPOSED_HEADERS
    return response


def preflight(request: HttpRequest) -> HttpResponse:
    """The answer to ``OPTIONS``: the methods and headers a cross-origin GET may use, for a day."""
    response = HttpResponse(status=204)
    response["Allow"] = ALLOWED_METHODS
    response["Cache-Control"] = "no-store"
    origin = allowed_origin(request)
    if origin:
        response["Access-Control-Allow-Origin"] = origin
        response["Access-Control-Allow-Methods"] = ALLOWED_METHODS
        response["Access-Control-Allow-Headers"] = ALLOWED_HEADERS
        response["Access-Control-Max-Age"] = str(PREFLIGHT_MAX_AGE)
    if varies_by_origin():
        response["Vary"] = "Origin"
    return response
