"""nginx, configured by `nginx_config`, stops serving a page the moment it is purged.

nginx keeps the page cache's files open (``open_file_cache``). A purge is a
deletion: an open descriptor still reads the old page, so nginx must check
the file on every request, not once a second, or a reader sees the purged
page until the clock's next second (publish-to-live over a second).
"""

from __future__ import annotations

import gzip
import http.client
import os
import shutil
import time

import pytest
from django.core.management import call_command

from masthead.pagecache.store import CacheKey, FileStore
from tests.conftest import require
from tests.nginx_workers import free_port, launch_nginx, open_to_nginx_workers

HOST = "localhost"
HTML = [("Content-Type", "text/html; charset=utf-8")]


@pytest.fixture
def nginx(tmp_path, settings):
    binary = shutil.which("nginx") or "/usr/sbin/nginx"
    require(os.path.exists(binary), "nginx is missing: install Debian's `nginx` package to test the production cache stack")
    settings.PAGECACHE_ROOT = open_to_nginx_workers(tmp_path) / "pagecache"
    settings.STATIC_ROOT = open_to_nginx_workers(tmp_path) / "static"
    run_dir = tmp_path / "nginx"
    run_dir.mkdir()
    port = free_port()
    # Nothing listens upstream: whatever nginx does not serve from a file answers 502.
    call_command(
        "nginx_config",
        "--full",
        "--listen",
        f"127.0.0.1:{port}",
        "--upstream",
        f"127.0.0.1:{free_port()}",
        "--run-dir",
        str(run_dir),
        "--output",
        str(run_dir / "nginx.conf"),
    )
    process = launch_nginx(binary, run_dir, port)
    # One keep-alive connection, so every request reaches the same nginx worker and its open-file cache.
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    yield FileStore(settings.PAGECACHE_ROOT), connection
    connection.close()
    process.terminate()
    process.wait(timeout=10)


def _get(connection: http.client.HTTPConnection, path: str) -> tuple[int, str | None, bytes]:
    connection.request("GET", path, headers={"Host": HOST})
    response = connection.getresponse()
    return response.status, response.getheader("X-Cache"), response.read()


def test_a_purged_page_is_never_served_from_an_open_file(nginx):
    store, connection = nginx
    key = CacheKey(HOST, "/world/", "")
    for _attempt in range(3):
        # Start just after a second begins, so that serving, purging and asking again share one second:
        # the window in which nginx would trust its open descriptor without looking at the disk.
        time.sleep(1.02 - time.time() % 1)
        second = int(time.time())
        store.write(key, b"<h1>Before the purge</h1>", HTML, time.time() + 60, [])
        assert _get(connection, "/world/") == (200, "NGINX", b"<h1>Before the purge</h1>")
        store.purge_path(HOST, "/world/")
        status, _, body = _get(connection, "/world/")
        if int(time.time()) == second:
            break
    else:
        pytest.fail("could not serve, purge and ask again within one second")
    assert b"Before the purge" not in body
    assert status == 502  # not in the cache any more: nginx asks the app (down here)


def test_a_page_rendered_again_is_served_at_once(nginx):
    store, connection = nginx
    key = CacheKey(HOST, "/world/", "")
    time.sleep(1.02 - time.time() % 1)
    store.write(key, b"<h1>First edition</h1>", HTML, time.time() + 60, [])
    assert _get(connection, "/world/")[2] == b"<h1>First edition</h1>"
    store.write(key, b"<h1>Second edition</h1>", HTML, time.time() + 60, [])  # a new file, renamed over the old one
    assert _get(connection, "/world/") == (200, "NGINX", b"<h1>Second edition</h1>")


@pytest.mark.parametrize(
    ("path", "content_type", "body"),
    [
        ("/world/", "text/html; charset=utf-8", b"<h1>World</h1>"),
        ("/feed/", "application/rss+xml; charset=utf-8", b"<rss/>"),
        ("/api/v1/articles", "application/json", b"{}"),
        ("/robots.txt", "text/plain; charset=utf-8", b"User-agent: *\n"),
    ],
)
def test_nginx_serves_every_kind_of_cached_page_itself(nginx, path, content_type, body):
    """Each file extension the store writes has a try_files line: none of them falls through to the app."""
    store, connection = nginx
    store.write(CacheKey(HOST, path, ""), body, [("Content-Type", content_type)], time.time() + 60, [])
    assert _get(connection, path) == (200, "NGINX", body)


def test_nginx_gives_cached_api_answers_the_apps_cors_header_and_pages_none(nginx):
    """nginx serves cached API JSON itself, so it must add what masthead/api/cors.py adds (default "*")."""
    store, connection = nginx
    store.write(CacheKey(HOST, "/api/v1/articles", ""), b"{}", [("Content-Type", "application/json")], time.time() + 60, [])
    store.write(CacheKey(HOST, "/world/", ""), b"<h1>World</h1>", HTML, time.time() + 60, [])
    connection.request("GET", "/api/v1/articles", headers={"Host": HOST, "Origin": "https://app.example"})
    api = connection.getresponse()
    api.read()
    assert (api.status, api.getheader("X-Cache")) == (200, "NGINX")
    assert api.getheader("Access-Control-Allow-Origin") == "*"
    assert "ETag" in api.getheader("Access-Control-Expose-Headers")
    connection.request("GET", "/world/", headers={"Host": HOST, "Origin": "https://app.example"})
    page = connection.getresponse()
    page.read()
    assert page.status == 200
    assert page.getheader("Access-Control-Allow-Origin") is None
    assert page.getheader("Access-Control-Expose-Headers") is None


def test_nginx_serves_static_files_compressed_as_collectstatic_wrote_them(nginx, settings):
    """The stylesheet and script reach a phone compressed: nginx sends collectstatic's .br/.gz files."""
    import brotli

    _, connection = nginx
    css = b"body { margin: 0 }\n" * 200
    static = settings.STATIC_ROOT / "web"
    static.mkdir(parents=True)
    (static / "site.css").write_bytes(css)
    (static / "site.css.gz").write_bytes(gzip.compress(css))
    (static / "site.css.br").write_bytes(brotli.compress(css))
    os.chmod(static, 0o755)
    for path in static.iterdir():
        os.chmod(path, 0o644)
    for encoding, decode in (("br", brotli.decompress), ("gzip", gzip.decompress)):
        connection.request("GET", "/static/web/site.css", headers={"Host": HOST, "Accept-Encoding": encoding})
        response = connection.getresponse()
        body = response.read()
        assert (response.status, response.getheader("Content-Encoding")) == (200, encoding)
        assert response.getheader("Vary") == "Accept-Encoding"
        assert decode(body) == css
