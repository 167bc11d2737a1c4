"""Absolute URLs for every channel, built from the request a reader or crawler made.

Feeds, sitemaps, structured data and the API all hand out absolute URLs.
They are built from the request's scheme and host (which picked the
edition), not from the Site record's port, so the demo on a random port and
a site behind a TLS proxy both get URLs that work.
"""

from __future__ import annotations

import re

from django.http import HttpRequest
from wagtail.models import Site

RELATIVE_LINK = re.compile(r"""(\s(?:href|src|poster))=(["'])/(?!/)""")


def absolute(request: HttpRequest, path: str) -> str:
    """An absolute URL for a site path; URLs that are already absolute pass through."""
    if not path or path.startswith(("http://", "https://", "//")):
        return path
    return request.build_absolute_uri(path)


def site_path(site: Site, url_path: str) -> str:
    """A page's path on its edition's host, from its tree ``url_path`` (``/mm-news/world/…`` → ``/world/…``).

    The same as Wagtail's ``Page.get_url`` for a site mounted at the root,
    without a URL reversal per row: sitemaps build tens of thousands.
    """
    root = site.root_page.url_path
    return "/" + url_path[len(root) :] if url_path.startswith(root) else url_path


def absolutise_html(html: str, base: str) -> str:
    """Make the relative links and sources of our own HTML absolute, for feed readers and apps.

    The HTML is ours (rendered by Wagtail from the body), so a pattern on
    quoted ``href``/``src`` attributes is enough; it is not a sanitiser.
    """
    base = base.rstrip("/")
    return RELATIVE_LINK.sub(lambda m: f"{m.group(1)}={m.group(2)}{base}/", html)


def base_url(request: HttpRequest) -> str:
    return request.build_absolute_uri("/").rstrip("/")
