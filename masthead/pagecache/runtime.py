"""The page cache of this process, built once from settings."""

from __future__ import annotations

from functools import cache

from django.conf import settings
from django.http.request import validate_host

from masthead.pagecache.policy import Policy
from masthead.pagecache.store import FileStore


@cache
def store() -> FileStore:
    return FileStore(settings.PAGECACHE_ROOT)


@cache
def policy() -> Policy:
    hosts = list(settings.ALLOWED_HOSTS) or ["localhost", "127.0.0.1"]
    return Policy(
        excluded_prefixes=tuple(settings.PAGECACHE_EXCLUDED_PREFIXES),
        private_cookies=tuple(settings.PAGECACHE_PRIVATE_COOKIES),
        allowed_host=lambda host: validate_host(host, hosts),
    )


_app = None


def wrap(django_app):
    """The WSGI application: Django behind the page cache, unless the cache is switched off."""
    global _app
    if not settings.PAGECACHE_ENABLED:
        return django_app
    from masthead.pagecache.wsgi import PageCacheApp

    _app = PageCacheApp(
        django_app,
        store(),
        policy(),
        default_ttl=settings.PAGECACHE_TTL,
        https=settings.HTTPS,
        proxy_ssl_header=getattr(settings, "SECURE_PROXY_SSL_HEADER", None),
    )
    return _app


def app():
    """The cache wrapping this process's Django app, if the process built one (app servers, ``masthead worker``)."""
    return _app
