"""The page cache in front of the real site: exact purges on publish, nothing private ever shared."""

from __future__ import annotations

import uuid

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.db import OperationalError

from masthead.pagecache import runtime
from tests.conftest import paragraphs
from tests.pagecache.conftest import call

HOST = "testserver"


@pytest.fixture
def site_cache(edition, settings):
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    # As Django's test client does: the test's transaction must outlive each request.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    runtime.store().purge_host(HOST)
    previous = runtime._app
    app = runtime.wrap(WSGIHandler())
    yield app
    runtime._app = previous
    runtime.store().purge_host(HOST)
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def get(app, path, **kwargs):
    return call(app, path, host=HOST, **kwargs)


def test_story_is_served_from_the_cache_after_its_first_reader(site_cache, make_story):
    story = make_story(title="Port expansion approved")
    assert get(site_cache, story.url).headers["x-cache"] == "MISS"
    hit = get(site_cache, story.url)
    assert hit.headers["x-cache"] == "HIT" and b"Port expansion approved" in hit.body
    assert hit.headers["cache-control"].startswith("public, max-age=")
    assert "content-security-policy" in hit.headers


def test_an_update_is_live_on_every_page_that_shows_it(site_cache, make_story, django_capture_on_commit_callbacks):
    story = make_story(title="Port expansion approved", tags=["ports"])
    section = story.section.url_path.replace("/mm-news", "", 1)
    for path in (story.url, "/", section, "/tags/ports/", story.url + "?lite=1"):
        get(site_cache, path.split("?")[0], query=path.partition("?")[2])
    with django_capture_on_commit_callbacks(execute=True):
        story.title = "Port expansion approved after all-night session"
        story.save_revision().publish()
    for path in (story.url, "/", section, "/tags/ports/"):
        assert b"after all-night session" in get(site_cache, path).body, path
    assert b"after all-night session" in get(site_cache, story.url, query="lite=1").body


def test_unpublishing_purges_the_story_and_every_read_more_that_points_at_it(
    site_cache, make_story, django_capture_on_commit_callbacks
):
    target = make_story(title="Withdrawn agency story", tags=["ports"], days_ago=1)
    other = make_story(title="Another port story", tags=["ports"], paragraphs=paragraphs(6))
    assert f'href="{target.url}"'.encode() in get(site_cache, other.url).body
    get(site_cache, target.url)
    with django_capture_on_commit_callbacks(execute=True):
        target.unpublish()
    assert get(site_cache, target.url).code == 404
    assert f'href="{target.url}"'.encode() not in get(site_cache, other.url).body
    assert b"Withdrawn agency story" not in get(site_cache, "/").body


def test_moving_a_story_purges_the_section_it_left(site_cache, make_story, edition, django_capture_on_commit_callbacks):
    from masthead.news import services

    story = make_story("world", title="Filed under the wrong section")
    assert b"Filed under the wrong section" in get(site_cache, "/world/").body
    assert get(site_cache, "/world/").headers["x-cache"] == "HIT"
    with django_capture_on_commit_callbacks(execute=True):
        story.move(services.year_folder_for(edition.sections["business"], story.published_at.year), pos="last-child")
    assert b"Filed under the wrong section" not in get(site_cache, "/world/").body
    assert b"Filed under the wrong section" in get(site_cache, "/business/").body


def test_a_late_story_is_right_on_every_cached_deep_page(site_cache, make_story, monkeypatch, django_capture_on_commit_callbacks):
    """A story filed late shifts every page after it: anchors are refreshed before the purge, so none is served stale."""
    from masthead.news import positions

    monkeypatch.setattr(positions, "SPACING", 3)
    monkeypatch.setattr("masthead.news.models.pages.SECTION_PAGE_SIZE", 2)
    for n in range(10):
        with django_capture_on_commit_callbacks(execute=True):
            make_story("world", title=f"Day {n:02d} story", days_ago=20 - n)
    pages = {number: get(site_cache, "/world/", query=f"page={number}").body for number in range(1, 6)}
    assert b"Day 01 story" in pages[5] and get(site_cache, "/world/", query="page=5").headers["x-cache"] == "HIT"
    with django_capture_on_commit_callbacks(execute=True):
        make_story("world", title="Late agency story", days_ago=15.5)
    listed = (
        [f"Day {n:02d} story" for n in range(9, 4, -1)] + ["Late agency story"] + [f"Day {n:02d} story" for n in range(4, -1, -1)]
    )
    for number in range(1, 7):
        body = get(site_cache, "/world/", query=f"page={number}").body.decode()
        assert [title for title in listed if f">{title}<" in body] == listed[(number - 1) * 2 : number * 2], number


def test_nothing_an_editor_sees_reaches_anonymous_readers(site_cache, make_story, client, django_user_model):
    marker = f"editor-{uuid.uuid4().hex}"
    editor = django_user_model.objects.create_user(marker, password="x" * 12, is_staff=True, is_superuser=True, first_name=marker)
    story = make_story()
    client.force_login(editor)
    session = f"sessionid={client.cookies['sessionid'].value}"
    paths = ["/", story.url, "/admin/", f"/admin/pages/{story.pk}/edit/"]
    for path in paths:
        response = get(site_cache, path, HTTP_COOKIE=session)
        assert "x-cache" not in response.headers
        if path == "/admin/":
            assert response.code == 200 and marker.encode() in response.body  # the editor's own page names them
        assert "public" not in response.headers.get("cache-control", "")
    for path in ["/", story.url, story.url + "?lite=1"]:
        anonymous = get(site_cache, path.split("?")[0], query=path.partition("?")[2])
        assert anonymous.code == 200
        assert marker.encode() not in anonymous.body
        assert b"csrfmiddlewaretoken" not in anonymous.body and b"wagtail-userbar" not in anonymous.body
        assert "set-cookie" not in anonymous.headers


def test_drafts_and_previews_never_reach_the_cache(site_cache, make_story, admin_client):
    story = make_story(title="Published headline")
    story.title = "Draft headline, not yet approved"
    story.save_revision()
    assert b"Draft headline" not in get(site_cache, story.url).body
    files = [p.read_bytes() for p in runtime.store().root.rglob("index*") if not p.name.endswith(".meta")]
    assert files and not any(b"Draft headline" in body for body in files)


def test_database_outage_answers_503_with_retry_after(client, edition, monkeypatch):
    from masthead.news import querysets

    def broken(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(querysets, "front_page", broken)
    client.raise_request_exception = False
    response = client.get("/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert b"Back in a moment" in response.content


def test_cache_lifetime_ends_at_the_editions_midnight():
    import datetime as dt

    from masthead.pagecache.middleware import seconds_until_midnight

    # 23:00 in Karachi is 18:00 UTC: one hour left of the day there.
    assert seconds_until_midnight("Asia/Karachi", dt.datetime(2023, 5, 28, 18, 0, tzinfo=dt.UTC)) == 3600
    assert 0 < seconds_until_midnight("UTC") <= 86400


def test_a_new_day_empties_the_editions_cache_for_nginx(site_cache, make_story):
    from masthead.pagecache import rollover

    story = make_story()
    get(site_cache, story.url)
    store = runtime.store()
    assert rollover.roll_over({HOST: "2026-11-25"}) == []  # first sight: just remember the day
    assert get(site_cache, story.url).headers["x-cache"] == "HIT"
    assert rollover.roll_over({HOST: "2026-11-25"}) == []
    assert rollover.roll_over({HOST: "2026-11-26"}) == [HOST]
    assert not (store.root / HOST).exists()
    assert get(site_cache, story.url).headers["x-cache"] == "MISS"


def test_local_dates_follow_each_editions_zone(edition):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from masthead.news import services
    from masthead.pagecache import rollover
    from masthead.web.models import DEFAULT_TIME_ZONE, EditionSettings

    # UTC+14 and UTC−11: 25 hours apart, so never the same date; the test edition keeps the default zone.
    zones = {HOST: DEFAULT_TIME_ZONE, "east.example.org": "Pacific/Kiritimati", "west.example.org": "Pacific/Pago_Pago"}
    for host, zone in zones.items():
        if host != HOST:
            site = services.create_edition(name=host.split(".")[0].title(), hostname=host, is_default=False)
            EditionSettings.objects.create(site=site, time_zone=zone)
    assert not EditionSettings.objects.filter(site=edition.site).exists()

    def today_in_each_zone():
        return {host: datetime.now(ZoneInfo(zone)).date().isoformat() for host, zone in zones.items()}

    for _ in range(3):  # a midnight somewhere between the two readings of the clock: read again
        before, dates, after = today_in_each_zone(), rollover.local_dates(), today_in_each_zone()
        if before == after:
            break
    assert dates == before
    assert dates["east.example.org"] != dates["west.example.org"]
