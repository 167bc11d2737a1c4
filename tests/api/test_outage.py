"""The API during a database outage: 503 with Retry-After, in the API's error shape, never stored.

The outage is made in-process: every SQL statement fails as it does when
PostgreSQL is stopped (``OperationalError``) or has dropped the connection
(``InterfaceError``). tests/pagecache/test_database_outage.py stops a real
PostgreSQL under the running app.
"""

from __future__ import annotations

from contextlib import contextmanager
from unittest import mock

import pytest
from django.db import InterfaceError, OperationalError

from tests.pagecache.conftest import call
from tests.pagecache.test_integration import HOST, site_cache  # noqa: F401 - the page cache in front of the site

ENDPOINTS = [
    "/api/v1/top",
    "/api/v1/sections",
    "/api/v1/search?q=council",
    "/api/v1/breaking",
    "/api/v1/articles",
    "/api/v1/articles?section=world",
    "/api/v1/articles?tag=ports",
    "/api/v1/articles?updated_since=2020-01-01T00:00:00Z",
    "/api/v1/articles/{story}",
]
ERRORS = [
    pytest.param(OperationalError("could not connect to server: Connection refused"), id="server-away"),
    pytest.param(InterfaceError("connection already closed"), id="connection-lost"),
]


@contextmanager
def database_down(error: Exception):
    from django.db.backends.utils import CursorWrapper

    def refuse(self, *args, **kwargs):
        raise error

    with mock.patch.object(CursorWrapper, "execute", refuse), mock.patch.object(CursorWrapper, "executemany", refuse):
        yield


@pytest.fixture
def story(make_story):
    return make_story(title="Council meets over the port", tags=["ports"])


def assert_outage(status: int, headers, body: bytes | None) -> None:
    import json

    assert status == 503, body
    assert int(headers["retry-after"]) > 0
    assert headers["cache-control"] == "no-store"
    assert "etag" not in headers
    assert headers["content-type"].startswith("application/json")
    if body is not None:
        error = json.loads(body)["error"]
        assert set(error) == {"code", "message", "details"}
        assert error["code"] == "unavailable" and error["message"] and error["details"] is None


def lower(response) -> dict[str, str]:
    return {name.lower(): value for name, value in response.headers.items()}


@pytest.mark.parametrize("error", ERRORS)
@pytest.mark.parametrize("url", ENDPOINTS)
def test_every_endpoint_answers_503_with_retry_after_while_the_database_is_down(client, story, url, error):
    url = url.format(story=story.pk)
    assert client.get(url).status_code == 200  # a process that has served before: its edition data is in memory
    with database_down(error):
        response = client.get(url)
    assert_outage(response.status_code, lower(response), response.content)
    assert client.get(url).status_code == 200  # and back, as soon as the database is


@pytest.mark.parametrize("url", ["/api/v1/top", "/api/v1/articles?section=world"])
def test_head_during_an_outage_is_the_same_503_without_a_body(client, story, url):
    client.get(url)
    with database_down(ERRORS[0].values[0]):
        response = client.head(url)
    assert_outage(response.status_code, lower(response), None)
    assert response.content == b""


def test_an_outage_before_any_endpoint_runs_is_answered_in_the_apis_shape(client, story):
    """A process that starts (or reloads its edition data) while the database is away fails in middleware."""
    from masthead.web import snapshot

    snapshot.reset()
    client.raise_request_exception = False
    with database_down(ERRORS[0].values[0]):
        response = client.get("/api/v1/top")
    assert_outage(response.status_code, lower(response), response.content)


def test_a_reader_page_still_answers_with_its_html_503(client, story):
    from masthead.web import snapshot

    snapshot.reset()
    client.raise_request_exception = False
    with database_down(ERRORS[0].values[0]):
        response = client.get("/")
    assert response.status_code == 503 and response["Content-Type"].startswith("text/html")


@pytest.mark.parametrize("url", ["/api/v1/top", "/api/v1/sections", "/api/v1/articles"])
def test_the_page_cache_never_keeps_an_outage(site_cache, story, url):  # noqa: F811
    path, _, query = url.partition("?")
    with database_down(ERRORS[0].values[0]):
        down = call(site_cache, path, query=query, host=HOST)
    assert_outage(down.code, down.headers, down.body)
    assert "x-cache" not in down.headers  # passed through, not stored
    back = call(site_cache, path, query=query, host=HOST)
    assert back.code == 200 and back.headers["x-cache"] == "MISS"
    assert call(site_cache, path, query=query, host=HOST).headers["x-cache"] == "HIT"


@pytest.mark.django_db
def test_the_openapi_document_says_every_endpoint_may_answer_503(client):
    """App developers learn from the document that an outage is a 503 to retry, not a broken contract."""
    document = client.get("/api/v1/openapi.json").json()
    operations = {path: spec["get"] for path, spec in document["paths"].items()}
    assert operations, "the document lists no endpoint"
    missing = [path for path, operation in operations.items() if "503" not in operation["responses"]]
    assert missing == []
