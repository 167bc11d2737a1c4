"""Readers who already hold a page get ``304 Not Modified``, from the app's cache, from Django and from nginx.

Every cached response carries an ``ETag`` and a ``Last-Modified`` — nginx's,
for the file it would serve — and answers ``If-None-Match`` and
``If-Modified-Since`` with a 304 that keeps its validators and Cache-Control,
whether the page was a HIT, STALE or a MISS rendered just now.
"""

from __future__ import annotations

import os
import time
from email.utils import formatdate

import pytest
from django.core.handlers.wsgi import WSGIHandler

from masthead.pagecache import runtime
from masthead.pagecache.store import CacheKey
from tests.pagecache.conftest import call, empty_cache, fetch
from tests.pagecache.test_wsgi import FakeDjango

HTML = [("Content-Type", "text/html; charset=utf-8"), ("Cache-Control", "public, max-age=60")]


def _assert_not_modified(response, etag: str, state: str) -> None:
    assert response.code == 304 and response.body == b""
    assert response.headers["etag"] == etag and response.headers["x-cache"] == state
    assert response.headers["cache-control"] == "public, max-age=60"
    assert "content-type" not in response.headers and "content-length" not in response.headers


# --- the fast path, against a stand-in for Django ---------------------------------------------------


def test_a_hit_answers_if_none_match_and_if_modified_since(make_cache, store):
    django = FakeDjango(headers=HTML)
    cache = make_cache(django)
    first = call(cache, "/world/")
    etag, modified = first.headers["etag"], first.headers["last-modified"]
    path = store.file_for(CacheKey("news.example.org", "/world/", ""), "text/html")
    assert etag == f'"{int(os.stat(path).st_mtime):x}-{os.stat(path).st_size:x}"'  # nginx's ETag for the file
    assert modified == formatdate(int(os.stat(path).st_mtime), usegmt=True)
    _assert_not_modified(call(cache, "/world/", HTTP_IF_NONE_MATCH=etag), etag, "HIT")
    _assert_not_modified(call(cache, "/world/", HTTP_IF_NONE_MATCH=f'"other", W/{etag}'), etag, "HIT")
    _assert_not_modified(call(cache, "/world/", HTTP_IF_MODIFIED_SINCE=modified), etag, "HIT")
    _assert_not_modified(call(cache, "/world/", method="HEAD", HTTP_IF_NONE_MATCH=etag), etag, "HIT")
    assert call(cache, "/world/", HTTP_IF_NONE_MATCH='"other"').body == b"<p>page</p>"
    # If-None-Match decides when both are sent (RFC 9110 13.2.2).
    assert call(cache, "/world/", HTTP_IF_NONE_MATCH='"other"', HTTP_IF_MODIFIED_SINCE=modified).code == 200
    earlier = formatdate(int(os.stat(path).st_mtime) - 1, usegmt=True)
    assert call(cache, "/world/", HTTP_IF_MODIFIED_SINCE=earlier).body == b"<p>page</p>"
    assert call(cache, "/world/", HTTP_IF_MODIFIED_SINCE="yesterday").code == 200
    assert django.calls == 1


def test_a_stale_page_answers_conditional_requests(make_cache):
    cache = make_cache(FakeDjango(headers=[*HTML, ("X-Cache-TTL", "1")]))
    etag = call(cache, "/world/").headers["etag"]
    time.sleep(1.1)
    _assert_not_modified(call(cache, "/world/", HTTP_IF_NONE_MATCH=etag), etag, "STALE")


def test_a_miss_is_rendered_whole_and_stored_whatever_the_reader_holds(make_cache):
    django = FakeDjango(headers=HTML)
    seen = []
    cache = make_cache(lambda environ, start_response: seen.append(dict(environ)) or django(environ, start_response))
    response = call(cache, "/world/", HTTP_IF_NONE_MATCH="*")
    assert "HTTP_IF_NONE_MATCH" not in seen[0]  # Django is asked for the page, not for a 304
    _assert_not_modified(response, response.headers["etag"], "MISS")
    future = formatdate(time.time() + 3600, usegmt=True)
    miss = call(cache, "/feed/", HTTP_IF_MODIFIED_SINCE=future)
    assert miss.code == 304 and miss.headers["x-cache"] == "MISS"
    assert call(cache, "/feed/").headers["x-cache"] == "HIT" and django.calls == 2


def test_pages_passed_through_uncached_keep_their_own_validators(make_cache):
    django = FakeDjango(headers=[*HTML[:1], ("Cache-Control", "private"), ("ETag", '"abc"')])
    cache = make_cache(django)
    response = call(cache, "/world/", HTTP_IF_NONE_MATCH='"abc"')
    assert response.code == 304 and response.headers["etag"] == '"abc"' and "x-cache" not in response.headers
    assert call(cache, "/world/", HTTP_IF_NONE_MATCH='"xyz"').body == b"<p>page</p>"


def test_two_versions_of_a_page_never_share_validators(store):
    key = CacheKey("news.example.org", "/world/", "")
    versions = [store.write(key, body, HTML, time.time() + 60, []) for body in (b"<p>one</p>", b"<p>two</p>")]
    store.purge_path("news.example.org", "/world/")
    versions.append(store.write(key, b"<p>six</p>", HTML, time.time() + 60, []))  # same size, same second, after a purge
    assert len({entry.etag for entry in versions}) == 3
    assert len({entry.modified for entry in versions}) == 3
    assert store.read(key).etag == versions[-1].etag and store.read(key).modified == versions[-1].modified


def test_a_body_is_never_served_with_the_validators_of_another_version(store):
    key = CacheKey("news.example.org", "/world/", "")
    store.write(key, b"<p>one</p>", HTML, time.time() + 60, [])
    path = store.file_for(key, "text/html")
    old_meta = path.with_name(path.name + ".meta").read_bytes()
    store.write(key, b"<p>two</p>", HTML, time.time() + 60, [])
    path.with_name(path.name + ".meta").write_bytes(old_meta)  # as if read between the meta's and the body's rename
    assert store.read(key) is None


# --- the real site: pages, feeds, sitemaps and the API ------------------------------------------------


@pytest.fixture
def site_cache(edition):
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    empty_cache()
    previous = runtime._app
    yield runtime.wrap(WSGIHandler())
    runtime._app = previous
    empty_cache()
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


CHANNELS = [
    "{story}",
    "{story}?lite=1",
    "/",
    "/world/",
    "/feed/",
    "/feed/atom/",
    "/sitemap.xml",
    "/news-sitemap.xml",
    "/api/v1/articles",
    "/api/v1/articles/{pk}",
]


@pytest.mark.parametrize("url", CHANNELS)
def test_every_cached_channel_answers_conditional_requests(site_cache, make_story, url):
    story = make_story("world", title="Port expansion approved")
    path, _, query = url.format(story=story.url, pk=story.pk).partition("?")

    def get(**headers):
        return call(site_cache, path, query=query, host="testserver", **headers)

    first = get()
    assert first.code == 200 and first.headers["x-cache"] == "MISS"
    etag, modified = first.headers["etag"], first.headers["last-modified"]
    for state, response in [
        ("HIT", get(HTTP_IF_NONE_MATCH=etag)),
        ("HIT", get(HTTP_IF_MODIFIED_SINCE=modified)),
        ("HIT", get(method="HEAD", HTTP_IF_NONE_MATCH=etag)),
    ]:
        assert response.code == 304 and response.body == b"" and response.headers["x-cache"] == state, url
        assert response.headers["etag"] == etag and response.headers["cache-control"] == first.headers["cache-control"]
    assert get(HTTP_IF_NONE_MATCH='"not-this-one"').body == first.body


def test_django_answers_conditional_requests_for_what_it_renders_itself(client, make_story):
    story = make_story(title="Port expansion approved")
    for path in (story.url, "/feed/", "/api/v1/articles"):
        response = client.get(path)
        etag = response["ETag"]
        assert client.get(path, HTTP_IF_NONE_MATCH=etag).status_code == 304, path
        head = client.head(path)
        assert head.status_code == 200 and head["ETag"] == etag, path
        again = client.head(path, HTTP_IF_NONE_MATCH=etag)
        assert again.status_code == 304 and again["ETag"] == etag and "Cache-Control" in again, path


def test_private_pages_get_no_validators(admin_client, make_story):
    story = make_story()
    response = admin_client.get(story.url)
    assert response.status_code == 200 and "no-store" in response["Cache-Control"] and "ETag" not in response


# --- nginx, serving the files the app wrote ------------------------------------------------------------


@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # rows the migrations made, back after a flush
def test_nginx_gives_the_apps_validators_and_answers_them(own_cache_root, edition, make_story, serve_app, start_nginx):
    story = make_story("world", title="Port expansion approved")
    previous = runtime._app
    try:
        port = start_nginx(serve_app(runtime.wrap(WSGIHandler())))
        for path in (story.url, "/feed/", "/sitemap.xml", "/api/v1/articles"):
            status, app_headers, body = fetch(port, path, "testserver")
            assert status == 200 and app_headers["x-cache"] == "MISS", path
            status, headers, again = fetch(port, path, "testserver")
            assert (status, headers["x-cache"], again) == (200, "NGINX", body), path
            # The app's validators are nginx's: a reader revalidating with either gets a 304.
            assert headers["etag"] == app_headers["etag"] and headers["last-modified"] == app_headers["last-modified"], path
            for conditional in ({"If_None_Match": headers["etag"]}, {"If_Modified_Since": headers["last-modified"]}):
                status, not_modified, empty = fetch(port, path, "testserver", **conditional)
                assert (status, empty) == (304, b""), (path, conditional)
                assert not_modified["etag"] == headers["etag"] and not_modified["cache-control"] == headers["cache-control"]
            status, head, empty = fetch(port, path, "testserver", method="HEAD")
            assert (status, empty, head["etag"]) == (200, b"", headers["etag"]), path
            assert fetch(port, path, "testserver", If_None_Match='"not-this-one"')[2] == body, path
    finally:
        runtime._app = previous
