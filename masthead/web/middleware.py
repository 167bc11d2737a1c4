from __future__ import annotations

from functools import lru_cache

from django.conf import settings
from django.http import HttpRequest, HttpResponseBase

from csp.middleware import CSPMiddleware, PolicyParts
from masthead.web.lite import is_lite


class LiteVersionMiddleware:
    """Marks requests for the lite version, so templates and views need only read ``request.lite``."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        request.lite = is_lite(request.GET)
        return self.get_response(request)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp with a looser policy for Wagtail's admin, whose pages need inline script."""

    admin_prefixes = ("/admin/",)

    def get_policy_parts(self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None and request.path_info.startswith(self.admin_prefixes):
            parts.config = settings.CONTENT_SECURITY_POLICY_ADMIN["DIRECTIVES"]
        return parts


class EditionLanguageMiddleware:
    """Speaks the language of the edition a request is for.

    With translations on, Wagtail routes through the root page translated into
    the active language; an Urdu edition on its own host must therefore make
    Urdu active, or it would serve the English tree.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        from django.utils import translation
        from wagtail.models import Site

        site = Site.find_for_request(request)
        if site is None:
            return self.get_response(request)
        language = locale_language(site.root_page.locale_id)
        with translation.override(language):
            request.LANGUAGE_CODE = language
            response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response


@lru_cache(maxsize=64)
def locale_language(locale_id: int) -> str:
    """A locale's language code; locales are few and never change code, so this is read once per process."""
    from wagtail.models import Locale

    return Locale.objects.values_list("language_code", flat=True).get(pk=locale_id)
