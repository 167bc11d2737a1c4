from __future__ import annotations

import io

import pytest

from masthead.pagecache.policy import Policy
from masthead.pagecache.store import FileStore
from masthead.pagecache.wsgi import PageCacheApp


def environ(path: str = "/", query: str = "", method: str = "GET", host: str = "news.example.org", **extra) -> dict:
    return {
        "REQUEST_METHOD": method,
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "HTTP_HOST": host,
        "SERVER_NAME": host,
        "SERVER_PORT": "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": io.StringIO(),
        "wsgi.version": (1, 0),
        "wsgi.multithread": True,
        "wsgi.multiprocess": False,
        "wsgi.run_once": False,
        **extra,
    }


class Response:
    def __init__(self, app, env):
        captured = {}

        def start_response(status, headers, exc_info=None):
            captured["status"], captured["headers"] = status, headers

        self.body = b"".join(app(env, start_response))
        self.status = captured["status"]
        self.headers = {k.lower(): v for k, v in captured["headers"]}

    @property
    def code(self) -> int:
        return int(self.status.split()[0])


def call(app, path="/", **kwargs) -> Response:
    return Response(app, environ(path, **kwargs))


@pytest.fixture
def store(tmp_path):
    return FileStore(tmp_path / "pagecache")


@pytest.fixture
def policy():
    return Policy(excluded_prefixes=("/admin/", "/search/"), private_cookies=("sessionid",), allowed_host=lambda host: host.endswith("example.org"))


@pytest.fixture
def make_cache(store, policy):
    def make(app, ttl: float = 60.0) -> PageCacheApp:
        return PageCacheApp(app, store, policy, default_ttl=ttl)

    return make
