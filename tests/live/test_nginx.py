"""The poll through nginx as `nginx_config` writes it: served from the page cache's file, 304s, gone on a new entry."""

from __future__ import annotations

import http.client
import os
import shutil

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.core.management import call_command

from masthead.live import services
from masthead.pagecache import runtime
from tests.conftest import require
from tests.nginx_workers import free_port, launch_nginx, open_to_nginx_workers
from tests.pagecache.conftest import call

HOST = "testserver"


@pytest.fixture
def nginx(tmp_path, settings, edition):
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    binary = shutil.which("nginx") or "/usr/sbin/nginx"
    require(os.path.exists(binary), "nginx is missing: install Debian's `nginx` package to test the production cache stack")
    settings.PAGECACHE_ROOT = open_to_nginx_workers(tmp_path) / "pagecache"
    settings.STATIC_ROOT = open_to_nginx_workers(tmp_path) / "static"
    runtime.store.cache_clear()
    run_dir = tmp_path / "nginx"
    run_dir.mkdir()
    port = free_port()
    # Nothing listens upstream: what nginx does not serve from a file answers 502.
    call_command(
        "nginx_config", "--full", "--listen", f"127.0.0.1:{port}", "--upstream", f"127.0.0.1:{free_port()}",
        "--run-dir", str(run_dir), "--output", str(run_dir / "nginx.conf"),
    )  # fmt: skip
    process = launch_nginx(binary, run_dir, port)
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    previous = runtime._app
    app = runtime.wrap(WSGIHandler())
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    yield app, connection
    connection.close()
    runtime._app = previous
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)
    process.terminate()
    process.wait(timeout=10)
    runtime.store.cache_clear()


def _get(connection, path: str, **headers):
    connection.request("GET", path, headers={"Host": HOST, **headers})
    response = connection.getresponse()
    return response.status, {name.lower(): value for name, value in response.getheaders()}, response.read()


def test_nginx_serves_the_poll_with_the_apps_etag_a_short_max_age_and_304s_until_an_entry(
    nginx, live_story, reporter, django_capture_on_commit_callbacks
):
    app, connection = nginx
    services.post_entry(live_story, reporter, body="First.")
    path = f"{live_story.url}live.json"
    from_app = call(app, path, host=HOST)
    assert from_app.code == 200
    status, headers, body = _get(connection, path)
    assert (status, headers["x-cache"]) == (200, "NGINX") and body == from_app.body
    assert headers["etag"] == from_app.headers["etag"] and headers["cache-control"] == "public, max-age=5"
    assert _get(connection, path, **{"If-None-Match": headers["etag"]})[0] == 304
    assert _get(connection, live_story.url)[0] == 502  # the story page was never rendered: not nginx's to serve

    with django_capture_on_commit_callbacks(execute=True):
        services.post_entry(live_story, reporter, body="Second.")
    # Purged, and rendered again at once by the task's warm render: nginx serves the new poll from its file.
    status, after, body = _get(connection, path, **{"If-None-Match": headers["etag"]})
    assert (status, after["x-cache"]) == (200, "NGINX") and after["etag"] != headers["etag"] and b"Second." in body
