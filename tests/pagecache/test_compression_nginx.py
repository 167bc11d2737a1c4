"""nginx serves the page cache's .br and .gz files as the app's fast path does: same bytes, same validators.

What nginx 1.22 sends (Debian's gzip_static and brotli_static modules):
the compressed file's own ``"<mtime>-<size>"`` ETag and Content-Length, the
page's Last-Modified, ``Vary: Accept-Encoding`` on every answer once the .gz
exists, and br before gzip whenever the reader takes br, whatever the q-values.
"""

from __future__ import annotations

import gzip
import time

import brotli
import pytest

from masthead.pagecache.management.commands.nginx_config import BROTLI_STATIC_MODULE
from masthead.pagecache.policy import Policy
from masthead.pagecache.store import CacheKey
from masthead.pagecache.wsgi import PageCacheApp
from tests.conftest import require
from tests.pagecache import test_nginx_purge
from tests.pagecache.conftest import Response, environ
from tests.pagecache.test_nginx_purge import HOST

nginx = test_nginx_purge.nginx  # nginx with `nginx_config --full` in front of a store, nothing upstream


@pytest.fixture
def brotli_nginx(nginx):
    require(BROTLI_STATIC_MODULE.exists(), "nginx's brotli_static module is missing: install libnginx-mod-http-brotli-static")
    return nginx


PAGE = b"<!doctype html><h1>Rain on the coast</h1>" + b"<p>The storm reached the harbour at dawn.</p>" * 60
HTML = [("Content-Type", "text/html; charset=utf-8")]
COMPARED = ("content-encoding", "content-length", "etag", "last-modified", "vary")
DECODE = {None: lambda body: body, "gzip": gzip.decompress, "br": brotli.decompress}


def _nginx_get(connection, path, **headers):
    connection.request("GET", path, headers={"Host": HOST, **headers})
    response = connection.getresponse()
    return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()


def _fast_path(store) -> PageCacheApp:
    def no_render(environ, start_response):  # every page here is in the store already
        raise AssertionError("the app was asked to render")

    policy = Policy(excluded_prefixes=("/admin/",), private_cookies=("sessionid",), allowed_host=lambda host: True)
    return PageCacheApp(no_render, store, policy, default_ttl=60)


def _app_get(app, path, **headers) -> Response:
    extra = {f"HTTP_{name.upper().replace('-', '_')}": value for name, value in headers.items()}
    return Response(app, environ(path, host=HOST, **extra))


@pytest.mark.parametrize(
    ("accept_encoding", "coding"),
    [
        (None, None),
        ("gzip", "gzip"),
        ("br", "br"),
        ("gzip, deflate, br", "br"),
        ("br;q=0, gzip", "gzip"),
        ("gzip;q=0, br", "br"),
        ("gzip;q=1.0, br;q=0.5", "br"),
        ("identity", None),
        ("gzip;q=0, br;q=0", None),
    ],
)
def test_nginx_and_the_app_answer_each_accept_encoding_alike(brotli_nginx, accept_encoding, coding):
    store, connection = brotli_nginx
    store.write(CacheKey(HOST, "/world/", ""), PAGE, HTML, time.time() + 60, [])
    headers = {"Accept-Encoding": accept_encoding} if accept_encoding else {}

    status, at_nginx, body = _nginx_get(connection, "/world/", **headers)
    at_app = _app_get(_fast_path(store), "/world/", **headers)

    assert (status, at_nginx["x-cache"], at_app.code, at_app.headers["x-cache"]) == (200, "NGINX", 200, "HIT")
    assert at_nginx.get("content-encoding") == coding
    assert {name: at_nginx.get(name) for name in COMPARED} == {name: at_app.headers.get(name) for name in COMPARED}
    assert body == at_app.body
    assert DECODE[coding](body) == PAGE
    assert at_nginx["vary"] == "Accept-Encoding"


@pytest.mark.parametrize("coding", ["gzip", "br"])
def test_validators_of_compressed_pages_work_at_either_server(brotli_nginx, coding):
    store, connection = brotli_nginx
    store.write(CacheKey(HOST, "/world/", ""), PAGE, HTML, time.time() + 60, [])
    app = _fast_path(store)
    from_app = _app_get(app, "/world/", **{"Accept-Encoding": coding}).headers["etag"]
    _, headers, _ = _nginx_get(connection, "/world/", **{"Accept-Encoding": coding})
    from_nginx = headers["etag"]

    status, headers, body = _nginx_get(connection, "/world/", **{"Accept-Encoding": coding, "If-None-Match": from_app})
    assert (status, body, headers["etag"]) == (304, b"", from_app)
    answer = _app_get(app, "/world/", **{"Accept-Encoding": coding, "If-None-Match": from_nginx})
    assert (answer.code, answer.body, answer.headers["etag"]) == (304, b"", from_nginx)
    # The identity page's ETag is another representation's: both servers send the page again.
    identity = _app_get(app, "/world/").headers["etag"]
    assert _nginx_get(connection, "/world/", **{"Accept-Encoding": coding, "If-None-Match": identity})[0] == 200
    assert _app_get(app, "/world/", **{"Accept-Encoding": coding, "If-None-Match": identity}).code == 200


def test_nginx_stops_serving_compressed_copies_of_a_purged_page(brotli_nginx):
    store, connection = brotli_nginx
    store.write(CacheKey(HOST, "/world/", ""), PAGE, HTML, time.time() + 60, [])
    assert _nginx_get(connection, "/world/", **{"Accept-Encoding": "gzip, br"})[0] == 200
    store.purge_path(HOST, "/world/")
    assert _nginx_get(connection, "/world/", **{"Accept-Encoding": "gzip, br"})[0] == 502  # to the app (down here)
    assert _nginx_get(connection, "/world/", **{"Accept-Encoding": "gzip"})[0] == 502
