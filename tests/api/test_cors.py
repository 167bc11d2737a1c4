"""Cross-origin GETs of the API (``API_CORS_ORIGINS``), and the page cache never replaying one origin's answer to another."""

from __future__ import annotations

import pytest

from tests.pagecache.conftest import call
from tests.pagecache.test_integration import HOST, site_cache  # noqa: F401 - the page cache in front of the site

APP = "https://app.example.com"
OTHER = "https://reader.example.net"


def cors_headers(response) -> dict:
    return {name: value for name, value in response.items() if name.lower().startswith("access-control-")}


def test_by_default_any_origin_may_read_and_see_the_etag(client, edition, settings):
    settings.API_CORS_ORIGINS = ["*"]
    response = client.get("/api/v1/sections", HTTP_ORIGIN=APP)
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in response["Access-Control-Expose-Headers"] and "Last-Modified" in response["Access-Control-Expose-Headers"]
    assert "Origin" not in response.get("Vary", "")  # the same answer for everyone: cached once
    assert response["Cache-Control"].startswith("public")
    assert cors_headers(client.get("/api/v1/sections")) == cors_headers(response)  # with or without Origin


def test_errors_and_head_carry_the_headers_too(client, edition, settings):
    settings.API_CORS_ORIGINS = ["*"]
    assert client.get("/api/v1/articles/999999", HTTP_ORIGIN=APP)["Access-Control-Allow-Origin"] == "*"
    assert client.get("/api/v1/nowhere", HTTP_ORIGIN=APP)["Access-Control-Allow-Origin"] == "*"
    assert client.head("/api/v1/sections", HTTP_ORIGIN=APP)["Access-Control-Allow-Origin"] == "*"


def test_a_preflight_allows_get_and_head_with_if_none_match_for_a_day(client, edition, settings):
    settings.API_CORS_ORIGINS = ["*"]
    response = client.options(
        "/api/v1/articles",
        HTTP_ORIGIN=APP,
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="if-none-match",
    )
    assert response.status_code == 204 and response.content == b""
    assert response["Access-Control-Allow-Origin"] == "*"
    assert {m.strip() for m in response["Access-Control-Allow-Methods"].split(",")} == {"GET", "HEAD", "OPTIONS"}
    assert "if-none-match" in response["Access-Control-Allow-Headers"].lower()
    assert int(response["Access-Control-Max-Age"]) >= 3600
    assert client.options("/api/v1/articles/1", HTTP_ORIGIN=APP).status_code == 204


def test_writes_are_still_405_with_allow(client, edition, settings):
    settings.API_CORS_ORIGINS = ["*"]
    response = client.post("/api/v1/articles", HTTP_ORIGIN=APP)
    assert response.status_code == 405 and "OPTIONS" in response["Allow"] and "POST" not in response["Allow"]


def test_with_no_origins_there_are_no_cors_headers(client, edition, settings):
    settings.API_CORS_ORIGINS = []
    response = client.get("/api/v1/sections", HTTP_ORIGIN=APP)
    assert cors_headers(response) == {} and "Origin" not in response.get("Vary", "")
    preflight = client.options("/api/v1/sections", HTTP_ORIGIN=APP, HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET")
    assert "Access-Control-Allow-Origin" not in preflight


def test_one_origin_is_named_on_every_answer_and_cached_as_usual(client, edition, settings):
    settings.API_CORS_ORIGINS = [APP]
    for origin in (APP, OTHER, None):
        response = client.get("/api/v1/sections", **({"HTTP_ORIGIN": origin} if origin else {}))
        assert response["Access-Control-Allow-Origin"] == APP and "Origin" not in response.get("Vary", "")
        assert response["Cache-Control"].startswith("public")


def test_several_origins_answer_the_asking_one_and_are_never_shared(client, edition, settings):
    settings.API_CORS_ORIGINS = [APP, OTHER]
    app, other, stranger = (client.get("/api/v1/sections", HTTP_ORIGIN=o) for o in (APP, OTHER, "https://evil.example"))
    assert app["Access-Control-Allow-Origin"] == APP and other["Access-Control-Allow-Origin"] == OTHER
    assert "Access-Control-Allow-Origin" not in stranger
    for response in (app, other, stranger, client.get("/api/v1/sections")):
        assert "Origin" in response["Vary"] and response["Cache-Control"].startswith("private")
    preflight = client.options("/api/v1/sections", HTTP_ORIGIN=OTHER, HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET")
    assert preflight["Access-Control-Allow-Origin"] == OTHER and preflight["Vary"] == "Origin"


@pytest.mark.parametrize(
    "origins, first, then, expected",
    [
        (["*"], APP, OTHER, "*"),
        ([APP], None, OTHER, APP),
        ([APP, OTHER], APP, OTHER, OTHER),  # not APP's copy: the page cache stores neither
        ([APP, OTHER], None, APP, APP),  # nor a copy without the header
    ],
)
def test_the_page_cache_never_gives_one_origin_anothers_answer(site_cache, settings, origins, first, then, expected):  # noqa: F811
    settings.API_CORS_ORIGINS = origins

    def get(origin):
        return call(site_cache, "/api/v1/sections", host=HOST, **({"HTTP_ORIGIN": origin} if origin else {}))

    assert get(first).code == 200
    response = get(then)
    assert response.code == 200 and response.headers["access-control-allow-origin"] == expected
    if len(origins) == 1:
        assert response.headers["x-cache"] == "HIT"  # one answer for all: shared
    else:
        assert response.headers.get("x-cache") != "HIT"
