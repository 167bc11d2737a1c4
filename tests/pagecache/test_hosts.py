"""An edition is read under several host names, and a publish reaches every one of them.

The demo's Site is ``localhost`` while `make demo` prints http://127.0.0.1:8000/;
a production Site is read under ``www.`` and the bare domain, its address, a
CDN's origin name. Each name has its own folder in the page cache (pages
carry absolute URLs built from it); a purge of the edition must empty them all.
"""

from __future__ import annotations

import pytest
from django.core.handlers.wsgi import WSGIHandler

from masthead.pagecache import runtime
from tests.pagecache.conftest import call, empty_cache, environ, fetch

SITE = "localhost"  # the Site's host name, as in the demo
# (Host, SERVER_PORT): the Site's own name, the demo's address on Granian's port, and a third name for it.
READERS = [(SITE, "80"), ("127.0.0.1:8000", "8000"), ("news.example.org", "80")]
PAGES = ["/", "/world/", "/feed/"]


@pytest.fixture
def demo_like(edition):
    """The test edition under the demo's host name, and the site behind the app's page cache."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    edition.site.hostname = SITE
    edition.site.save()
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    empty_cache()
    previous = runtime._app
    app = runtime.wrap(WSGIHandler())
    yield app
    runtime._app = previous
    empty_cache()
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def get(app, path, host, port="80", **kwargs):
    return call(app, path, host=host, SERVER_PORT=port, **kwargs)


# --- which folder a request is kept in ----------------------------------------------------------


@pytest.mark.parametrize(
    ("host", "server_port", "folder"),
    [
        ("news.example.org", "80", "news.example.org"),
        ("news.example.org:8000", "8000", "news.example.org:8000"),  # the demo: pages link to :8000
        ("news.example.org:6666", "8000", None),  # a port nobody listens on: would poison every page's links
        ("News.Example.org", "80", None),
        ("news.example.org.", "80", None),
        ("news.example.org:80x", "80", None),
    ],
)
def test_a_host_is_kept_under_its_own_name_and_port(policy, host, server_port, folder):
    key = policy.key_for(environ("/world/", host=host, SERVER_PORT=server_port))
    assert (key and key.host) == folder


def test_host_folders_belong_to_the_edition_wagtail_would_pick():
    from masthead.pagecache.hosts import HostMap

    sites = HostMap(
        ("localhost", "sport.example.org", "shared.example.org", "shared.example.org"),
        "localhost",
        (
            "127.0.0.1",
            "127.0.0.1:8000",
            "localhost",
            "localhost:8000",
            "sport.example.org",
            "sport.example.org:8080",
            "shared.example.org",
            "www.example.org",
        ),
    )
    # A name no Site has is the default Site's; a name two Sites share may be either (or the default).
    assert sites.folders_of("localhost") == [
        "127.0.0.1",
        "127.0.0.1:8000",
        "localhost",
        "localhost:8000",
        "shared.example.org",
        "www.example.org",
    ]
    assert sites.folders_of("sport.example.org") == ["sport.example.org", "sport.example.org:8080"]
    assert sites.folders_of("shared.example.org") == ["shared.example.org"]
    assert sites.folders_to_warm("sport.example.org") == ["sport.example.org", "sport.example.org:8080"]
    assert HostMap(("sport.example.org",), None, ("127.0.0.1",)).folders_of("sport.example.org") == []


# --- through the app's own page cache -------------------------------------------------------------


def test_an_update_is_live_under_every_host_name(demo_like, make_story, django_capture_on_commit_callbacks):
    story = make_story("world", title="Harbour dredging begins")
    for host, port in READERS:
        for path in [*PAGES, story.url]:
            assert b"Harbour dredging begins" in get(demo_like, path, host, port).body, (host, path)
            assert get(demo_like, path, host, port).headers["x-cache"] == "HIT", (host, path)
    with django_capture_on_commit_callbacks(execute=True):
        story.title = "Harbour dredging halted by court order"
        story.save_revision().publish()
    for host, port in READERS:
        for path in [*PAGES, story.url]:
            body = get(demo_like, path, host, port).body
            assert b"Harbour dredging halted" in body and b"Harbour dredging begins" not in body, (host, path)


def test_pages_rendered_again_after_a_publish_link_to_the_host_they_are_read_under(
    demo_like, make_story, django_capture_on_commit_callbacks
):
    story = make_story("world", title="Harbour dredging begins")
    for host, port in READERS:
        get(demo_like, "/", host, port)
    with django_capture_on_commit_callbacks(execute=True):
        story.title = "Harbour dredging halted by court order"
        story.save_revision().publish()
    for host, port in READERS:
        for path in ("/", story.url, "/world/"):
            page = get(demo_like, path, host, port)
            # Rendered once the publish was done, before this reader came, for this host and port.
            assert page.headers["x-cache"] == "HIT" and b"Harbour dredging halted" in page.body, (host, path)
        canonical = f'<link rel="canonical" href="http://{host}{story.url}">'.encode()
        assert canonical in get(demo_like, story.url, host, port).body, host
    assert b"http://localhost/" not in get(demo_like, story.url, "127.0.0.1:8000", "8000").body


def test_an_edition_wide_purge_reaches_every_host_name(demo_like, make_story, edition, django_capture_on_commit_callbacks):
    from masthead.web.models import EditionSettings

    make_story("world", title="Harbour dredging begins")
    for host, port in READERS:
        get(demo_like, "/", host, port)
    with django_capture_on_commit_callbacks(execute=True):
        settings = EditionSettings.for_site(edition.site)
        settings.tagline = "News from the harbour city"
        settings.save()
    for host, port in READERS:
        page = get(demo_like, "/", host, port)
        assert page.headers["x-cache"] == "MISS" and b"News from the harbour city" in page.body, host


def test_a_new_day_empties_every_host_name_of_the_edition(demo_like, make_story):
    from masthead.pagecache import rollover

    make_story("world")
    for host, port in READERS:
        get(demo_like, "/", host, port)
    assert rollover.roll_over({SITE: "2026-11-25"}) == []
    assert rollover.roll_over({SITE: "2026-11-26"}) == [SITE]
    for host, port in READERS:
        assert get(demo_like, "/", host, port).headers["x-cache"] == "MISS", host


def test_a_new_site_for_a_host_name_shows_its_own_edition_there(demo_like, make_story, django_capture_on_commit_callbacks):
    from masthead.news import services

    make_story("world", title="Harbour dredging begins")
    assert b"Harbour dredging begins" in get(demo_like, "/", "news.example.org").body  # the default edition, for now
    with django_capture_on_commit_callbacks(execute=True):
        services.create_edition(name="Sport Weekly", hostname="news.example.org", is_default=False)
    home = get(demo_like, "/", "news.example.org")
    assert home.code == 200 and b"Sport Weekly" in home.body and b"Harbour dredging begins" not in home.body
    assert b"Harbour dredging begins" in get(demo_like, "/", "127.0.0.1:8000", "8000").body


# --- through nginx, serving the same files --------------------------------------------------------


@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # rows the migrations made, back after a flush
def test_an_update_is_live_under_every_host_name_through_nginx(own_cache_root, edition, make_story, serve_app, start_nginx):
    edition.site.hostname = SITE
    edition.site.save()
    story = make_story("world", title="Harbour dredging begins")
    previous = runtime._app
    try:
        port = start_nginx(serve_app(runtime.wrap(WSGIHandler())))
        hosts = [SITE, "127.0.0.1", "news.example.org"]  # nginx hands the app its $host: never a port
        for host in hosts:
            for path in PAGES:
                assert fetch(port, path, host)[0] == 200, (host, path)  # rendered by the app, stored
                status, headers, body = fetch(port, path, host)
                assert (status, headers.get("x-cache")) == (200, "NGINX") and b"Harbour dredging begins" in body, (host, path)
        story.title = "Harbour dredging halted by court order"
        story.save_revision().publish()  # committed: the purge runs now
        for host in hosts:
            for path in PAGES:
                status, _, body = fetch(port, path, host)
                assert status == 200 and b"Harbour dredging halted" in body, (host, path)
                assert b"Harbour dredging begins" not in body, (host, path)
    finally:
        runtime._app = previous
