"""What a story change purges: its own edition's pages, by the URL names of its listings, and nothing of another edition."""

from __future__ import annotations

import pytest
from django.core.handlers.wsgi import WSGIHandler

from masthead.pagecache import purge as purges
from masthead.pagecache import runtime
from tests.editions import URDU_HOST, urdu_edition_of
from tests.pagecache.conftest import call

HOST = "testserver"


@pytest.fixture
def urdu(edition):
    return urdu_edition_of(edition)


def test_a_story_purges_its_listings_and_feeds_on_its_own_host(make_story, author, interfax):
    story = make_story(title="Port expansion approved", tags=["ports"], authors=[author], agency=interfax)
    purge = purges.for_article(story)
    assert set(purge.paths) == {HOST}
    paths = purge.paths[HOST]
    # The same paths as ever on the English edition: the listings' URL names have not moved.
    for listing in ("/tags/ports/", "/authors/sana-qureshi/", "/agencies/interfax/"):
        assert {listing, f"{listing}feed/", f"{listing}feed/atom/"} <= paths
    assert {"/", "/feed/", "/feed/atom/", "/sitemap.xml", "/news-sitemap.xml", "/robots.txt"} <= paths
    assert {"/api/v1/articles", "/api/v1/top", "/api/v1/breaking", "/api/v1/sections", f"/api/v1/articles/{story.pk}"} <= paths
    assert f"/sitemaps/{story.published_at:%Y-%m}.xml" in paths


def test_an_urdu_story_purges_only_the_urdu_host(urdu, make_story, author):
    english = make_story(title="Port expansion approved", tags=["ports"], authors=[author])
    original = urdu.file("بندرگاہ کی توسیع منظور", tags=["ports"], authors=[author])
    assert set(purges.for_article(original).paths) == {URDU_HOST}
    assert urdu.path_of(original) in purges.for_article(original).paths[URDU_HOST]
    assert set(purges.for_article(english).paths) == {HOST}
    # Its translation too: the same story in two editions is two pages, each purged on its own host.
    translated = urdu.translate(english, "بندرگاہ کی توسیع")
    assert set(purges.for_article(translated).paths) == {URDU_HOST}


@pytest.fixture
def both_caches(urdu, settings):
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    for host in (HOST, URDU_HOST):
        runtime.store().purge_host(host)
    previous = runtime._app
    app = runtime.wrap(WSGIHandler())
    yield app
    runtime._app = previous
    for host in (HOST, URDU_HOST):
        runtime.store().purge_host(host)
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def test_publishing_an_urdu_story_leaves_the_english_pages_cached(
    both_caches, urdu, make_story, django_capture_on_commit_callbacks
):
    make_story(title="Port expansion approved", tags=["ports"])
    pages = ("/", "/world/", "/tags/ports/", "/feed/")
    cached = {}
    for host in (HOST, URDU_HOST):
        for path in pages:
            call(both_caches, path, host=host)
            hit = call(both_caches, path, host=host)
            assert hit.headers["x-cache"] == "HIT", (host, path)
            cached[host, path] = hit.headers["etag"]

    with django_capture_on_commit_callbacks(execute=True):
        urdu.file("بندرگاہ کی توسیع منظور", tags=["ports"])

    for path in pages:
        english = call(both_caches, path, host=HOST)
        # The very file cached before: neither purged nor rendered again.
        assert english.headers["x-cache"] == "HIT" and english.headers["etag"] == cached[HOST, path], path
        fresh = call(both_caches, path, host=URDU_HOST)
        assert fresh.headers["etag"] != cached[URDU_HOST, path], path
        assert "بندرگاہ کی توسیع منظور" in fresh.body.decode(), path
