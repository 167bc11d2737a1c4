"""``GET /api/v1/articles/lookup?url=``: the story at a web address, as an app opening a shared link needs it."""

from __future__ import annotations

from urllib.parse import quote

import pytest


def lookup(client, url: str, **headers):
    return client.get(f"/api/v1/articles/lookup?url={quote(url, safe='')}", **headers)


@pytest.fixture
def story(make_story):
    return make_story(title="Council approves the port")


@pytest.mark.parametrize(
    "spelling",
    [
        "http://testserver{path}",
        "https://testserver{path}",
        "http://testserver{path}?lite=1",
        "http://testserver{path}#comments",
        "http://testserver{bare}",  # no trailing slash
        "{path}",
        "{bare}",
        "{path}?lite=1",
        "  {path}  ",
    ],
)
def test_every_spelling_of_a_storys_address_finds_it(client, story, spelling):
    path = story.url  # /world/2026/council-approves-the-port/
    response = lookup(client, spelling.format(path=path, bare=path.rstrip("/")))
    assert response.status_code == 200, response.content[:300]
    assert response.json() == client.get(f"/api/v1/articles/{story.pk}").json()  # the same body as by id
    assert response["Cache-Control"].startswith("public, max-age=") and response["ETag"]


def test_another_host_name_of_the_same_edition_finds_it(client, story, edition):
    # A name no Site has is the default Site's (Wagtail's own rule): www., the bare domain, an IP address.
    assert lookup(client, f"https://www.example.net{story.url}").status_code == 200


def test_another_editions_host_name_does_not(client, story):
    from masthead.news import services

    services.create_edition(name="MM Sport", hostname="sport.example.org", is_default=False)
    response = lookup(client, f"https://sport.example.org{story.url}")
    assert response.status_code == 404 and response.json()["error"]["code"] == "not_found"


@pytest.mark.parametrize(
    "url",
    [
        "/world/",  # a section, not a story
        "/",
        "/world/2026/no-such-story/",
        "ftp://testserver/world/",
        "mailto:editor@example.org",
        "http://testserver:notaport/world/",
        "world/2026/x/",
        "/world/%00/",
    ],
)
def test_anything_but_a_live_storys_address_is_404_in_the_error_shape(client, story, url):
    response = lookup(client, url)
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found" and response["Cache-Control"] == "no-store"


def test_an_unpublished_story_is_not_found(client, story):
    url = story.url
    story.unpublish()
    assert lookup(client, url).status_code == 404


def test_a_missing_url_is_422(client, edition):
    response = client.get("/api/v1/articles/lookup")
    assert response.status_code == 422 and response.json()["error"]["code"] == "invalid_request"


def test_the_lookup_is_in_the_openapi_document(client, edition):
    document = client.get("/api/v1/openapi.json").json()
    operation = document["paths"]["/api/v1/articles/lookup"]["get"]
    assert [p["name"] for p in operation["parameters"]] == ["url"]
    assert set(operation["responses"]) >= {"200", "404", "422"}
