"""/api/v1/: django-ninja's routes, each wrapped with the API's cache headers, and a JSON 404 for the rest."""

from django.urls import URLPattern, path, re_path

from masthead.api.api import api
from masthead.api.http import DEFAULT_MAX_AGE, MAX_AGE, api_not_found, with_api_headers


def _with_headers(urls):
    patterns, app_name, namespace = urls
    wrapped = []
    for pattern in patterns:
        assert isinstance(pattern, URLPattern), pattern
        view = with_api_headers(pattern.callback, MAX_AGE.get(pattern.name, DEFAULT_MAX_AGE))
        wrapped.append(URLPattern(pattern.pattern, view, pattern.default_args, pattern.name))
    return wrapped, app_name, namespace


urlpatterns = [
    path("api/v1/", _with_headers(api.urls)),
    re_path(r"^api/(?P<rest>.*)$", api_not_found),
]
