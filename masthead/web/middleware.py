from __future__ import annotations

from csp.constants import HEADER, HEADER_REPORT_ONLY
from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.http import HttpRequest, HttpResponseBase

from masthead.web.content_security_policy import canonical
from masthead.web.lite import is_lite


class LiteVersionMiddleware:
    """Marks requests for the lite version, so templates and views need only read ``request.lite``."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        request.lite = is_lite(request.GET)
        return self.get_response(request)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp with a looser policy for Wagtail's admin, whose pages need inline script, and framable previews."""

    admin_prefixes = ("/admin/",)

    def get_policy_parts(self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None and request.path_info.startswith(self.admin_prefixes):
            parts.config = settings.CONTENT_SECURITY_POLICY_ADMIN["DIRECTIVES"]
        elif not report_only and getattr(request, "is_preview", False):
            # Wagtail renders a preview with a stand-in request for the page's own URL, through this
            # middleware, and serves it from /admin/… into the editor's preview panel: the reader's
            # policy, but the admin (same origin) may frame it.
            parts.replace = {**(parts.replace or {}), "frame-ancestors": ["'self'"]}
        return parts

    def process_response(self, request: HttpRequest, response: HttpResponseBase) -> HttpResponseBase:
        # One spelling in every process: nginx sends this header for cached pages (see web/content_security_policy.py).
        response = super().process_response(request, response)
        for header in (HEADER, HEADER_REPORT_ONLY):
            if header in response:
                response[header] = canonical(response[header])
        return response


class EditionMiddleware:
    """Finds the edition a request is for, once, and speaks its language.

    With translations on, Wagtail routes through the root page translated into
    the active language; an Urdu edition on its own host must therefore make
    Urdu active, or it would serve the English tree. The edition's site and
    settings are handed to Wagtail's own per-request caches so nothing looks
    them up again.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        from django.utils import translation

        from masthead.web import snapshot
        from masthead.web.models import EditionSettings

        data = snapshot.for_request(request)
        if data is None:
            return self.get_response(request)
        request.edition_data = data
        request._wagtail_site = data.site
        setattr(request, EditionSettings.get_cache_attr_name(), data.settings)
        with translation.override(data.language):
            request.LANGUAGE_CODE = data.language
            response = self.get_response(request)
        response.headers.setdefault("Content-Language", data.language)
        return response
