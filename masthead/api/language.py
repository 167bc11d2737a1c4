"""The language of the API's error messages: the request's ``Accept-Language`` when it names one of
``LANGUAGES``, else the edition's (made active for the request by ``EditionMiddleware``).

Only error messages follow the header. A successful answer is the edition's, in its language, and is
cached per host and path: were it to follow the header, one cached URL would hold whichever language
its first reader asked for. Errors are never stored, and say ``Vary: Accept-Language``.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation.trans_real import parse_accept_lang_header


def error_language(request: HttpRequest | None) -> str:
    header = request.META.get("HTTP_ACCEPT_LANGUAGE", "") if request is not None else ""
    for code, quality in parse_accept_lang_header(header):
        if code == "*":
            break
        if quality <= 0:
            continue
        try:
            return translation.get_supported_language_variant(code)
        except LookupError:
            continue
    return translation.get_language()


def spoken(response: HttpResponse, language: str) -> HttpResponse:
    """Say which language an error answer is in, and that another ``Accept-Language`` may get another."""
    response["Content-Language"] = language
    patch_vary_headers(response, ["Accept-Language"])
    return response
