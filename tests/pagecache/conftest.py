from __future__ import annotations

import http.client
import io
import os
import shutil
import threading
from wsgiref.simple_server import WSGIRequestHandler, make_server

import pytest
from django.core.management import call_command

from masthead.pagecache.policy import Policy
from masthead.pagecache.store import FileStore
from masthead.pagecache.wsgi import PageCacheApp
from tests.conftest import require
from tests.nginx_workers import free_port, launch_nginx, open_to_nginx_workers


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
    return Policy(
        excluded_prefixes=("/admin/", "/search/"),
        private_cookies=("sessionid",),
        allowed_host=lambda host: host.endswith("example.org"),
    )


@pytest.fixture
def make_cache(store, policy):
    def make(app, ttl: float = 60.0) -> PageCacheApp:
        return PageCacheApp(app, store, policy, default_ttl=ttl)

    return make


def empty_cache() -> None:
    """Every host folder of the process's page cache gone (tests share one root)."""
    from masthead.pagecache import runtime

    store = runtime.store()
    for folder in store.root.iterdir() if store.root.exists() else []:
        if folder.is_dir() and not folder.name.startswith("."):
            store.purge_host(folder.name)


# --- the production stack: nginx with the generated config, the app behind it -------------------


@pytest.fixture
def own_cache_root(tmp_path, settings):
    """A page cache root of this test's own, which nginx's workers may read (and the app's store uses)."""
    from masthead.pagecache import runtime

    settings.PAGECACHE_ROOT = open_to_nginx_workers(tmp_path) / "pagecache"
    runtime.store.cache_clear()
    yield settings.PAGECACHE_ROOT
    runtime.store.cache_clear()


@pytest.fixture
def start_nginx(tmp_path):
    """Start nginx with `nginx_config --full` in front of ``upstream`` (a port); returns the port it listens on."""
    binary = shutil.which("nginx") or "/usr/sbin/nginx"
    require(os.path.exists(binary), "nginx is missing: install Debian's `nginx` package to test the production cache stack")
    processes = []

    def start(upstream: int) -> int:
        run_dir = tmp_path / f"nginx-{len(processes)}"
        run_dir.mkdir()
        port = free_port()
        call_command(
            "nginx_config",
            "--full",
            "--listen",
            f"127.0.0.1:{port}",
            "--upstream",
            f"127.0.0.1:{upstream}",
            "--run-dir",
            str(run_dir),
            "--output",
            str(run_dir / "nginx.conf"),
            stderr=io.StringIO(),
        )
        processes.append(launch_nginx(binary, run_dir, port))
        return port

    yield start
    for process in processes:
        process.terminate()
        process.wait(timeout=10)


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def serve_app():
    """Serve a WSGI app on a free port from a thread (the app server behind nginx); returns the port.

    Needs a transactional database: the thread has its own connection and sees committed rows only.
    """
    servers = []

    def serve(app) -> int:
        server = make_server("127.0.0.1", 0, app, handler_class=_QuietHandler)

        def run() -> None:
            from django.db import connections

            try:
                server.serve_forever(poll_interval=0.05)
            finally:
                connections.close_all()  # this thread's connection, or the test database could not be dropped

        thread = threading.Thread(target=run, daemon=True)
        thread.start()
        servers.append((server, thread))
        return server.server_port

    yield serve
    for server, thread in servers:
        server.shutdown()
        thread.join(timeout=10)
        server.server_close()


def fetch(port: int, path: str, host: str, method: str = "GET", **headers) -> tuple[int, dict, bytes]:
    """One request to 127.0.0.1:port with this Host; headers and body of the answer."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=15)
    try:
        connection.request(method, path, headers={"Host": host, **{k.replace("_", "-"): v for k, v in headers.items()}})
        response = connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        connection.close()
