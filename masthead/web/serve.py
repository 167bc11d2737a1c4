"""Wagtail's page-serving view, routed through the edition snapshot.

Identical in behaviour to ``wagtail.views.serve`` (same hooks, same view
restrictions), but it starts from the edition's home page held in memory
(see snapshot.py) instead of looking up the site, the active locale and the
home page on every request.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from wagtail import hooks
from wagtail.views import serve as wagtail_serve
from wagtail.views import serve_chain


def serve(request: HttpRequest, path: str) -> HttpResponse:
    data = getattr(request, "edition_data", None)
    if data is None:
        return wagtail_serve(request, path)
    if not hasattr(request, "_wagtail_route_for_request"):
        try:
            request._wagtail_route_for_request = data.home.route(request, [part for part in path.split("/") if part])
        except Http404:
            request._wagtail_route_for_request = None
    route = request._wagtail_route_for_request
    if route is None:
        raise Http404
    page, args, kwargs = route

    chain = serve_chain
    for fn in reversed(hooks.get_hooks("on_serve_page")):
        chain = fn(chain)
    for fn in hooks.get_hooks("before_serve_page"):
        result = fn(page, request, args, kwargs)
        if isinstance(result, HttpResponse):
            return result
    return chain(page, request, args, kwargs)
