"""Fixtures for the wire desk: the shared sample data, IPTC schemas, and a loopback HTTP server.

The samples (IPTC ninjs and NewsML-G2 suites, real and malformed feeds, the
extraction benchmark) live outside the repository, in ``../shared/data``
beside the checkout, or wherever ``MASTHEAD_SHARED_DATA`` points. They are
read in place and never copied in. Without them these tests skip on a
laptop and fail in CI, where they must be present.
"""

from __future__ import annotations

import os
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.conftest import require

SEED_NAME = "000_7c085cc8e503c361.txt"


def shared_root() -> Path:
    configured = os.environ.get("MASTHEAD_SHARED_DATA")
    if configured:
        return Path(configured)
    return Path(__file__).resolve().parents[2].parent / "shared" / "data"


class Missing(str):
    """Stands in for sample files that were not found: see ``samples``."""


def samples(found: list, where: Path, arity: int = 1) -> list:
    """Parameters for one test per sample file. When none are found (the shared data missing) an empty list would
    make pytest skip the test without a word, in CI too; instead there is one case, which skips on a laptop and
    fails in CI saying what is missing (``_samples_present``)."""
    if found:
        return found
    missing = Missing(f"no sample files at {where} (set MASTHEAD_SHARED_DATA to the shared data folder)")
    return [pytest.param(*[missing] * arity, id="samples-missing")]


@pytest.fixture(autouse=True)
def _samples_present(request):
    callspec = getattr(request.node, "callspec", None)
    for value in callspec.params.values() if callspec else ():
        if isinstance(value, Missing):
            require(False, value)


@pytest.fixture(scope="session")
def shared_data() -> Path:
    root = shared_root()
    require(root.is_dir(), f"shared sample data not found at {root} (set MASTHEAD_SHARED_DATA to its folder)")
    return root


@pytest.fixture(scope="session")
def seed_bytes(shared_data) -> bytes:
    path = shared_data.parent / "seed" / SEED_NAME
    require(path.is_file(), f"the seed page is not at {path}")
    return path.read_bytes()


@pytest.fixture(scope="session")
def schema_catalogue(shared_data):
    from masthead.ingest.schemas import SchemaCatalogue

    return SchemaCatalogue(shared_data / "wire-samples")


@pytest.fixture
def with_schemas(settings, shared_data):
    """Ingest validates ninjs and NewsML-G2 against IPTC's schemas, read from the shared data."""
    settings.INGEST_SCHEMA_DIR = str(shared_data / "wire-samples")
    return settings


class Route:
    def __init__(self, status=200, body=b"", headers=None, handler=None):
        self.status = status
        self.body = body
        self.headers = headers or {}
        self.handler = handler  # callable(request_headers) -> (status, headers, body)


class LoopbackServer:
    """A tiny HTTP server on 127.0.0.1 serving canned routes, recording the requests it gets."""

    def __init__(self):
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, dict]] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 - http.server's naming
                server.requests.append((self.path, dict(self.headers)))
                route = server.routes.get(self.path)
                if route is None:
                    self.send_response(404)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                status, headers, body = (
                    route.handler(dict(self.headers)) if route.handler else (route.status, route.headers, route.body)
                )
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                if "Content-Length" not in headers:
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def add(self, path: str, **kwargs) -> str:
        self.routes[path] = Route(**kwargs)
        return self.url(path)


@pytest.fixture
def loopback():
    server = LoopbackServer()
    server.thread.start()
    yield server
    server.httpd.shutdown()
    server.httpd.server_close()


@pytest.fixture
def allow_loopback(settings):
    """The test-only allowance: ingest may fetch from 127.0.0.1 (and nothing else private)."""
    settings.INGEST_FETCH_ALLOW_LOOPBACK = True
    return settings
