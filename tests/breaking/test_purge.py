"""Setting, changing or ending a breaking story purges exactly the pages that show the banner, and nothing else."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.utils import timezone

from masthead.breaking import expiry, services
from masthead.news import services as news
from masthead.pagecache import runtime
from masthead.schedule.models import StoryEvent
from tests.pagecache.conftest import call

HOST, OTHER_HOST = "testserver", "urdu.example.org"


@pytest.fixture
def enqueued(monkeypatch):
    from masthead.pipeline import tasks

    calls = []
    original = tasks.enqueue_effects

    def spy(arguments):
        calls.append(arguments)
        return original(arguments)

    monkeypatch.setattr(tasks, "enqueue_effects", spy)
    return calls


def test_each_change_enqueues_the_editions_tag_the_api_and_the_story(edition, make_story, mark, enqueued):
    story = make_story(title="Quake hits the north")
    path = story.url
    enqueued.clear()
    row = mark(story)
    services.change_end(row, ends_at=timezone.now() + timedelta(hours=4))
    services.end(row)
    assert len(enqueued) == 3
    for arguments in enqueued:
        purge = arguments["purge"]
        assert purge["tags"] == [f"breaking-{edition.home.pk}"]
        assert purge["paths"] == {HOST: sorted([path, "/api/v1/breaking"])}
        assert purge["hosts"] == [] and purge["everything"] is False  # not the whole cache, not feeds or sitemaps
        assert arguments["pages"] == [story.pk]


def test_the_clock_ends_an_expired_banner_exactly_once(edition, make_story, mark, enqueued):
    story = make_story()
    row = mark(story, minutes=10)
    enqueued.clear()
    later = row.ends_at + timedelta(seconds=1)
    assert expiry.end_expired(row.ends_at - timedelta(seconds=1)) == 0
    assert expiry.end_expired(later) == 1
    assert expiry.end_expired(later) == 0  # a second worker's tick finds nothing to do
    row.refresh_from_db()
    assert row.ended_at == row.ends_at
    assert len(enqueued) == 1 and enqueued[0]["purge"]["tags"] == [f"breaking-{edition.home.pk}"]
    assert StoryEvent.objects.filter(page_id=story.pk, kind=StoryEvent.Kind.BREAKING_ENDED).count() == 1


def test_the_clock_job_is_registered():
    from masthead.schedule import clock

    assert expiry.end_expired in clock._jobs


# Through the page cache: which cached pages go. -----------------------------------------------------------


@pytest.fixture
def site_cache(edition, settings):
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    for host in (HOST, OTHER_HOST):
        runtime.store().purge_host(host)
    previous = runtime._app
    app = runtime.wrap(WSGIHandler())
    yield app
    runtime._app = previous
    for host in (HOST, OTHER_HOST):
        runtime.store().purge_host(host)
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def local(page, edition) -> str:
    return "/" + page.url_path[len(edition.home.url_path) :]


def get(app, path, host=HOST):
    path, _, query = path.partition("?")
    return call(app, path, query=query, host=host)


def test_the_banner_goes_up_and_comes_down_on_exactly_the_editions_cached_pages(
    site_cache, edition, make_story, mark, django_capture_on_commit_callbacks
):
    breaking = make_story(title="Quake hits the north", tags=["quakes"])
    other = make_story("business", title="Markets steady")
    second = news.create_edition(name="Urdu News", hostname=OTHER_HOST, is_default=False)
    news.create_section(second.root_page.specific, title="Dunya", slug="dunya")
    breaking_path, other_path = local(breaking, edition), local(other, edition)
    banner_pages = ["/", local(other.section, edition), other_path, other_path + "?lite=1", breaking_path, "/tags/quakes/"]
    untouched = ["/feed/", "/sitemap.xml"]
    for path in banner_pages + untouched:
        get(site_cache, path)
        assert get(site_cache, path).headers["x-cache"] == "HIT", path
    get(site_cache, "/", host=OTHER_HOST)
    assert get(site_cache, "/", host=OTHER_HOST).headers["x-cache"] == "HIT"

    with django_capture_on_commit_callbacks(execute=True):
        row = mark(breaking)
    for path in banner_pages:
        response = get(site_cache, path)
        assert response.headers["x-cache"] != "HIT" or b'class="breaking"' in response.body, path
        assert b'aria-label="Breaking news"' in response.body and b"Quake hits the north" in response.body, path
    for path in untouched:
        assert get(site_cache, path).headers["x-cache"] == "HIT", path
    other_edition = get(site_cache, "/", host=OTHER_HOST)
    assert other_edition.headers["x-cache"] == "HIT" and b'class="breaking"' not in other_edition.body
    assert f'href="{breaking_path}?lite=1"'.encode() in get(site_cache, other_path + "?lite=1").body

    with django_capture_on_commit_callbacks(execute=True):
        services.end(row)
    for path in banner_pages:
        assert b'class="breaking"' not in get(site_cache, path).body, path
    for path in untouched:
        assert get(site_cache, path).headers["x-cache"] == "HIT", path
