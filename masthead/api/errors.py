"""Every API error has one shape: ``{"error": {"code": …, "message": …, "details": …}}``.

``code`` is stable (apps branch on it); ``message`` is for people;
``details`` carries the field errors of a bad request, or null. Messages are in
the language of ``Accept-Language``, else the edition's (``masthead.api.language``);
``details`` stay as the validator wrote them, for developers.

When the database is away the API says so as the reader site does: 503 with
``Retry-After`` (apps and caches come back later, and nothing stores it),
not a 500 that reads as a bug.
"""

from __future__ import annotations

import logging

from django.db import InterfaceError, OperationalError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from ninja.errors import HttpError, ValidationError

from masthead.api.language import error_language, spoken

log = logging.getLogger(__name__)

CODES = {
    400: "bad_request",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    422: "invalid_request",
    429: "too_many_requests",
    500: "server_error",
    503: "unavailable",
}
# The database cannot be reached, or dropped the connection: an outage, not a bug in the request or the code.
OUTAGE_ERRORS = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30


class ApiError(Exception):
    """A refusal with a stable code, raised by endpoints: ``raise ApiError(404, "invalid_cursor", "…")``."""

    def __init__(self, status: int, code: str, message: str, details=None):
        super().__init__(message)
        self.status, self.code, self.message, self.details = status, code, message, details


SERVER_ERROR = _("Something went wrong on our side.")
UNAVAILABLE = _("The service is briefly unavailable. Try again shortly.")
INVALID_REQUEST = _("The request's parameters are not valid.")
NOT_FOUND = _("Not found.")


def error_payload(code: str, message: str, details=None) -> dict:
    return {"error": {"code": code, "message": str(message), "details": details}}


def error_response(status: int, code: str | None = None, message: str = "", details=None, *, request=None) -> JsonResponse:
    """An error answer, its message in the request's language (``request`` None: the active one)."""
    language = error_language(request)
    with translation.override(language):
        response = JsonResponse(error_payload(code or CODES.get(status, "error"), message, details), status=status)
    return spoken(response, language)


def outage_response(request: HttpRequest | None = None) -> JsonResponse:
    response = error_response(503, message=UNAVAILABLE, request=request)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def unhandled_error_response(error: BaseException | None, request: HttpRequest | None = None) -> JsonResponse:
    """Django's 500 handler, for /api/: an error raised before any endpoint ran (in middleware), in our shape."""
    if isinstance(error, OUTAGE_ERRORS):
        return outage_response(request)
    response = error_response(500, message=SERVER_ERROR, request=request)
    response["Cache-Control"] = "no-store"
    return response


def _field_errors(errors: list[dict]) -> list[dict]:
    # Pydantic's errors, trimmed to what a client can act on: where, what, and why.
    return [
        {
            "loc": [str(part) for part in error.get("loc", ())],
            "type": str(error.get("type", "")),
            "message": str(error.get("msg", "")),
        }
        for error in errors
    ]


def install(api) -> None:
    """Replace django-ninja's default handlers with ones that answer in our shape."""

    def answer(request: HttpRequest, status: int, code: str, message, details=None) -> HttpResponse:
        language = error_language(request)
        with translation.override(language):
            response = api.create_response(request, error_payload(code, message, details), status=status)
        return spoken(response, language)

    @api.exception_handler(ApiError)
    def api_error(request: HttpRequest, exc: ApiError) -> HttpResponse:
        return answer(request, exc.status, exc.code, exc.message, exc.details)

    @api.exception_handler(ValidationError)
    def validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        return answer(request, 422, "invalid_request", INVALID_REQUEST, _field_errors(exc.errors))

    @api.exception_handler(Http404)
    def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
        return answer(request, 404, "not_found", str(exc) or NOT_FOUND)

    @api.exception_handler(HttpError)
    def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        return answer(request, exc.status_code, CODES.get(exc.status_code, "error"), str(exc))

    def outage(request: HttpRequest, exc: Exception) -> HttpResponse:
        log.warning("API unavailable on %s: %s: %s", request.get_full_path(), type(exc).__name__, exc)
        return outage_response(request)

    for error_class in OUTAGE_ERRORS:
        api.add_exception_handler(error_class, outage)

    @api.exception_handler(Exception)
    def server_error(request: HttpRequest, exc: Exception) -> HttpResponse:
        log.exception("API error on %s", request.get_full_path())
        return answer(request, 500, "server_error", SERVER_ERROR)
