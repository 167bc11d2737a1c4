"""The pages rendered again after a publish are rendered as readers reach them: over HTTPS in production.

With ``HTTPS`` on, Django answers a plain-HTTP request with a redirect, which is
never stored: a warm render made over HTTP stored nothing, and behind a proxy
that does not redirect it would have stored ``http://`` canonical URLs.
"""

from __future__ import annotations

import json
import re

import pytest
from django.core.handlers.wsgi import WSGIHandler

from masthead.pagecache import runtime
from masthead.pagecache.store import CacheKey
from tests.pagecache.conftest import call, empty_cache

HOST = "testserver"


@pytest.fixture
def https_site(edition, settings):
    """The site as deployed: HTTPS on, plain HTTP redirected (the app behind the cache, built after the settings)."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    settings.HTTPS = True
    settings.SECURE_SSL_REDIRECT = True
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    empty_cache()
    previous = runtime._app

    def wrap():
        return runtime.wrap(WSGIHandler())

    yield wrap
    runtime._app = previous
    empty_cache()
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def _stored(path: str) -> bytes:
    entry = runtime.store().read(CacheKey(HOST, path, ""))
    assert entry is not None, f"nothing stored for {path}"
    return entry.body


def _assert_https_links(body: bytes, path: str) -> None:
    html = body.decode()
    assert f'<link rel="canonical" href="https://{HOST}{path}">' in html
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    urls = re.findall(r'"(https?://[^"]+)"', json.dumps(data))
    assert urls and all(url.startswith(f"https://{HOST}/") for url in urls if HOST in url), urls
    assert f"http://{HOST}" not in html


def test_a_warm_render_stores_the_page_with_https_links(https_site, make_story):
    story = make_story(title="Port expansion approved")
    app = https_site()
    app.warm(HOST, story.url)
    _assert_https_links(_stored(story.url), story.url)


def test_a_warm_render_behind_a_proxy_says_https_as_the_proxy_would(https_site, settings, make_story):
    settings.BEHIND_PROXY = True
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    story = make_story(title="Port expansion approved")
    app = https_site()
    app.warm(HOST, story.url)
    _assert_https_links(_stored(story.url), story.url)
    # And readers coming through the proxy are served that page.
    reader = call(app, story.url, host=HOST, SERVER_PORT="8000", HTTP_X_FORWARDED_PROTO="https", REMOTE_ADDR="127.0.0.1")
    assert reader.code == 200 and reader.headers["x-cache"] == "HIT"


def test_a_publish_on_an_https_site_renders_its_pages_again(https_site, make_story, django_capture_on_commit_callbacks):
    story = make_story("world", title="Port expansion approved")
    https_site()
    with django_capture_on_commit_callbacks(execute=True):
        story.title = "Port expansion approved after all-night session"
        story.save_revision().publish()
    for path in (story.url, "/", "/world/"):
        assert b"after all-night session" in _stored(path), path
    _assert_https_links(_stored(story.url), story.url)
