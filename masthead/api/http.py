"""Cache headers for every API response, set once: ``Cache-Control``, a strong ``ETag``, and 304s.

Lists change within a minute of a publish; a story's page far less often;
sections and the OpenAPI document rarely. Errors are never stored.

HEAD is answered wherever GET is, with GET's headers and no body (monitors,
link checkers and caches ask with HEAD; django-ninja routes GET alone), and
OPTIONS with the CORS preflight (``masthead.api.cors``), whose headers every
answer carries.
"""

from __future__ import annotations

import hashlib
from functools import wraps

from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.utils.cache import get_conditional_response
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from masthead.api import cors
from masthead.api.errors import error_response

DEFAULT_MAX_AGE = 60
MAX_AGE = {  # by URL name
    "articles": 60,
    "article": 300,
    "article-lookup": 300,
    "sections": 600,
    "search": 60,
    "top": 60,
    "breaking": 30,
    "openapi-json": 3600,
}
NO_SUCH_ENDPOINT = _("No such endpoint. The API is described at /api/v1/openapi.json.")


def strong_etag(content: bytes) -> str:
    return '"' + hashlib.sha256(content).hexdigest()[:32] + '"'


def finish(request: HttpRequest, response: HttpResponse, max_age: int) -> HttpResponse:
    if isinstance(response, StreamingHttpResponse):
        return response
    if response.status_code == 405:
        allowed = response.get("Allow", "")
        if "GET" in allowed.split(", ") and "HEAD" not in allowed:
            allowed += ", HEAD, OPTIONS"
        # Formatted when rendered, in the language the error answers in (not the edition's, as % would).
        message = format_lazy(_("Use {methods}."), methods=allowed or "GET")
        response = error_response(405, message=message, request=request)
        if allowed:
            response["Allow"] = allowed
    if 200 <= response.status_code < 300:
        response["Cache-Control"] = f"public, max-age={max_age}"
        response["ETag"] = strong_etag(response.content)
        return get_conditional_response(request, etag=response["ETag"], response=response)
    response["Cache-Control"] = "no-store"
    return response


def without_body(response: HttpResponse) -> HttpResponse:
    """A HEAD answer: the GET's headers, Content-Length included, and nothing after them."""
    if not isinstance(response, StreamingHttpResponse):
        response["Content-Length"] = str(len(response.content))
        response.content = b""
    return response


def with_api_headers(view, max_age: int):
    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if request.method == "OPTIONS":
            return cors.preflight(request)
        head = request.method == "HEAD"
        if head:
            request.method = "GET"  # as Django's own class-based views answer HEAD with their get()
        try:
            response = view(request, *args, **kwargs)
        except Http404:
            response = error_response(404, message=NO_SUCH_ENDPOINT, request=request)
        finally:
            if head:
                request.method = "HEAD"
        response = cors.add_headers(request, finish(request, response, max_age))
        return without_body(response) if head else response

    return wrapped


def api_not_found(request: HttpRequest, rest: str = "") -> HttpResponse:
    """Anything under /api/ that no endpoint answers: a JSON 404, in the API's error shape."""
    response = cors.add_headers(
        request, finish(request, error_response(404, message=NO_SUCH_ENDPOINT, request=request), DEFAULT_MAX_AGE)
    )
    return without_body(response) if request.method == "HEAD" else response
