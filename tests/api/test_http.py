"""Cache headers on every API response: Cache-Control, strong ETags, 304 Not Modified."""

from __future__ import annotations

import pytest

URLS = [
    "/api/v1/articles",
    "/api/v1/sections",
    "/api/v1/top",
    "/api/v1/breaking",
    "/api/v1/corrections",
    "/api/v1/search?q=council",
    "/api/v1/openapi.json",
]


@pytest.mark.parametrize("url", URLS)
def test_every_success_has_cache_control_and_a_strong_etag(client, make_story, monkeypatch, url):
    from django.utils import timezone

    make_story(title="Council meets")
    moment = timezone.now()
    monkeypatch.setattr(timezone, "now", lambda: moment)  # one minute for both requests
    response = client.get(url)
    assert response.status_code == 200
    assert response["Cache-Control"].startswith("public, max-age=")
    etag = response["ETag"]
    assert etag.startswith('"') and not etag.startswith("W/")
    again = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and again.content == b""
    assert again["ETag"] == etag and again["Cache-Control"] == response["Cache-Control"]


def test_detail_is_kept_longer_than_lists(client, make_story):
    story = make_story()
    detail = client.get(f"/api/v1/articles/{story.pk}")
    listing = client.get("/api/v1/articles")
    age = lambda r: int(r["Cache-Control"].split("max-age=")[1])  # noqa: E731
    assert age(detail) > age(listing)


def test_etag_changes_when_the_content_does(client, make_story):
    make_story(title="First")
    before = client.get("/api/v1/articles")["ETag"]
    make_story(title="Second")
    after = client.get("/api/v1/articles", HTTP_IF_NONE_MATCH=before)
    assert after.status_code == 200 and after["ETag"] != before


def test_an_updated_story_is_not_answered_with_304(client, make_story):
    story = make_story(title="Before the update")
    etag = client.get(f"/api/v1/articles/{story.pk}")["ETag"]
    story.title = "After the update"
    story.save_revision().publish()
    response = client.get(f"/api/v1/articles/{story.pk}", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200 and response.json()["title"] == "After the update"


@pytest.mark.parametrize(
    ("url", "status"), [("/api/v1/articles/999999", 404), ("/api/v1/articles?limit=abc", 422), ("/api/v1/nowhere", 404)]
)
def test_errors_are_never_stored(client, edition, url, status):
    response = client.get(url)
    assert response.status_code == status
    assert response["Cache-Control"] == "no-store"
    assert "ETag" not in response


def test_the_openapi_document_is_served_and_describes_every_endpoint(client, edition):
    document = client.get("/api/v1/openapi.json").json()
    assert document["openapi"].startswith("3.")
    assert set(document["paths"]) == {
        "/api/v1/articles",
        "/api/v1/articles/{article_id}",
        "/api/v1/articles/lookup",
        "/api/v1/sections",
        "/api/v1/search",
        "/api/v1/top",
        "/api/v1/breaking",
        "/api/v1/corrections",
    }
    for path, operations in document["paths"].items():
        for operation in operations.values():
            assert "200" in operation["responses"], path
    # Docs pages load their scripts from a CDN; they are off.
    assert client.get("/api/v1/docs").status_code == 404


HEAD_URLS = [*URLS, "/api/v1/articles?section=world", "/api/v1/articles/{story}"]
COMPARED_HEADERS = ("Content-Type", "Content-Length", "Cache-Control", "ETag", "Content-Security-Policy")


@pytest.mark.parametrize("url", HEAD_URLS)
def test_head_answers_wherever_get_does_with_the_same_headers_and_no_body(client, make_story, monkeypatch, url):
    from django.utils import timezone

    story = make_story(title="Council meets")
    url = url.format(story=story.pk)
    moment = timezone.now()
    monkeypatch.setattr(timezone, "now", lambda: moment)  # one minute for both requests
    get = client.get(url)
    head = client.head(url)
    assert get.status_code == 200 and get.content
    assert head.status_code == 200, head.content
    assert head.content == b""
    for name in COMPARED_HEADERS:
        assert head.get(name) == get.get(name), name
    again = client.head(url, HTTP_IF_NONE_MATCH=get["ETag"])
    assert again.status_code == 304 and again["ETag"] == get["ETag"]


ERROR_URLS = [("/api/v1/articles/999999", 404), ("/api/v1/articles?limit=abc", 422), ("/api/v1/nowhere", 404)]


@pytest.mark.parametrize(("url", "status"), ERROR_URLS)
def test_head_of_an_error_is_that_error_without_a_body(client, edition, url, status):
    response = client.head(url)
    assert response.status_code == status
    assert response["Cache-Control"] == "no-store" and response.content == b""


def test_a_wrong_method_names_head_and_options_among_those_allowed(client, edition):
    response = client.post("/api/v1/articles")
    assert response.status_code == 405
    assert {method.strip() for method in response["Allow"].split(",")} == {"GET", "HEAD", "OPTIONS"}
    assert response.json()["error"]["code"] == "method_not_allowed"
