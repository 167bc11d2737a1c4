"""The app API's reads: lists, filters, cursors, detail, sections, search, top and breaking stories."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.conftest import paragraphs

BASE = "http://testserver"


def get(client, url: str, status: int = 200, **headers):
    response = client.get(url, **headers)
    assert response.status_code == status, (url, response.status_code, response.content[:500])
    assert response["Content-Type"].startswith("application/json")
    assert response["Cache-Control"]
    return response.json()


def error_of(client, url: str, status: int) -> dict:
    body = get(client, url, status)
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message", "details"}
    return body["error"]


def test_article_list_is_newest_first_with_what_a_list_shows(client, newsroom):
    body = get(client, "/api/v1/articles")
    assert [item["title"] for item in body["items"]] == [story.title for story in newsroom]
    first = body["items"][0]
    assert first["url"] == BASE + newsroom[0].url
    assert first["api_url"] == f"{BASE}/api/v1/articles/{newsroom[0].pk}"
    assert first["section"] == {"id": newsroom[0].section_id, "slug": "world", "title": "World"}
    assert first["agency"]["name"] == "Interfax" and first["agency"]["url"] == f"{BASE}/agencies/interfax/"
    assert first["dateline"] == "Moscow"
    assert first["thumbnail"]["width"] == 480 and first["thumbnail"]["url"].startswith(BASE + "/media/")
    assert first["published_at"].endswith("+05:00")
    assert abs(datetime.fromisoformat(first["published_at"]) - newsroom[0].published_at) < timedelta(milliseconds=1)
    assert body["items"][1]["authors"] == [
        {"name": "Sana Qureshi", "slug": "sana-qureshi", "role": "Staff reporter", "url": f"{BASE}/authors/sana-qureshi/"}
    ]
    assert body["tombstones"] == [] and body["next_cursor"] is None
    assert body["updated_until"]


@pytest.mark.parametrize(
    ("query", "titles"),
    [
        ("section=pakistan", ["Council approves the flood budget & relief plan"]),
        ("tag=ukraine", ["Russia ready for talks with Ukraine in Belarus: Report"]),
        ("author=sana-qureshi", ["Council approves the flood budget & relief plan"]),
        ("agency=interfax", ["Russia ready for talks with Ukraine in Belarus: Report"]),
        ("section=world&tag=ukraine", ["Russia ready for talks with Ukraine in Belarus: Report"]),
    ],
)
def test_article_list_filters(client, newsroom, query, titles):
    assert [item["title"] for item in get(client, f"/api/v1/articles?{query}")["items"]] == titles


@pytest.mark.parametrize("query", ["section=nowhere", "tag=nothing", "author=nobody", "agency=none"])
def test_unknown_filters_are_404_in_the_error_shape(client, newsroom, query):
    error = error_of(client, f"/api/v1/articles?{query}", 404)
    assert error["code"] == "not_found"


def test_cursor_pagination_walks_the_whole_list_once(client, make_story):
    made = [make_story(title=f"Story {n:02d}", days_ago=n / 10) for n in range(7)]
    seen, url = [], "/api/v1/articles?limit=3"
    while url:
        body = get(client, url)
        assert len(body["items"]) <= 3
        seen += [item["title"] for item in body["items"]]
        url = f"/api/v1/articles?limit=3&cursor={body['next_cursor']}" if body["next_cursor"] else None
    assert seen == [story.title for story in made]


def test_cursor_survives_stories_published_while_paging(client, make_story):
    for n in range(4):
        make_story(title=f"Old {n}", days_ago=1 + n)
    first = get(client, "/api/v1/articles?limit=2")
    make_story(title="Breaking while paging")
    second = get(client, f"/api/v1/articles?limit=2&cursor={first['next_cursor']}")
    assert [item["title"] for item in second["items"]] == ["Old 2", "Old 3"]


@pytest.mark.parametrize(
    "query",
    [
        "limit=abc",
        "limit=0",
        "limit=51",
        "limit=100000",
        "limit=-1",
        "updated_since=notadate",
        "updated_since=2024-13-45T99:00:00",
        "updated_since=0.5",  # Unix seconds: pydantic's datetime takes them, RFC 3339 does not
        "updated_since=2026-11-28",  # a date is not a date-time
        "updated_since=2026-11-28T09:30:00",  # no offset
        "updated_since=2026-11-28%2009:30:00Z",  # a space for the T
        "updated_since=2026-11-28T09:30Z",  # no seconds
        "section=%00",
        "section=a%20b",
        "section=" + "a" * 300,
        "cursor=" + "a" * 300,
        "cursor=***",
    ],
)
def test_bad_parameters_are_422_json_never_500(client, newsroom, query):
    error = error_of(client, f"/api/v1/articles?{query}", 422)
    assert error["code"] == "invalid_request"
    assert isinstance(error["details"], list) and error["details"][0]["loc"]


@pytest.mark.parametrize(
    "cursor",
    [
        "garbage",
        "eyJrIjoic3luYyIsImkiOjEsInQiOiIyMDI0LTAxLTAxVDAwOjAwOjAwKzAwOjAwIn0",  # a sync cursor, not a list cursor
        "eyJrIjoibGlzdCJ9",  # {"k":"list"}: no key
        "eyJrIjoibGlzdCIsImkiOjEsInQiOiJ5ZXN0ZXJkYXkifQ",  # a time that is not one
        "W10",  # []
    ],
)
def test_cursors_not_given_out_are_404_invalid_cursor(client, newsroom, cursor):
    # 404, not 400: the request is well formed by the schema (schemathesis's positive_data_acceptance holds us to it).
    assert error_of(client, f"/api/v1/articles?cursor={cursor}", 404)["code"] == "invalid_cursor"


def test_page_size_is_capped(client, make_story):
    for n in range(3):
        make_story(days_ago=n)
    assert len(get(client, "/api/v1/articles?limit=2")["items"]) == 2
    assert len(get(client, "/api/v1/articles?limit=50")["items"]) == 3


def test_article_detail_has_the_body_as_blocks_and_as_html(client, make_story, interfax, author, picture):
    from wagtail.rich_text import RichText

    related = make_story(title="Ukraine: India's Russia stance worries US", tags=["ukraine"], days_ago=2)
    body_picture = picture("Delegates")
    story = make_story(
        title="Russia ready for talks",
        dateline="Moscow",
        agency=interfax,
        authors=[author],
        tags=["ukraine"],
        hero_image=picture(),
        hero_caption="The border",
        paragraphs=[],
    )
    story.body = [
        ("paragraph", RichText('<p>A Russian delegation has arrived. See <a href="/world/">more</a>.</p>')),
        ("image", {"image": body_picture, "caption": "Delegates arrive", "alt": ""}),
        ("quote", {"text": "We are ready", "attribution": "A spokesman"}),
        ("paragraph", RichText("<p>Second paragraph.</p>")),
    ]
    story.save_revision().publish()

    body = get(client, f"/api/v1/articles/{story.pk}")
    assert body["title"] == "Russia ready for talks" and body["language"] == "en"
    assert body["tags"] == [{"name": "ukraine", "slug": "ukraine"}]
    assert body["authors"][0]["name"] == "Sana Qureshi"
    kinds = [block["type"] for block in body["body"]]
    assert kinds == ["paragraph", "image", "quote", "paragraph"]
    assert body["body"][0]["html"] == f'<p>A Russian delegation has arrived. See <a href="{BASE}/world/">more</a>.</p>'
    image = body["body"][1]
    assert image["image"]["width"] == 800 and image["image"]["url"].startswith(BASE + "/media/")
    assert image["caption"] == "Delegates arrive" and image["alt"] == "Delegates arrive" and image["credit"] == "Photo: Staff"
    assert body["body"][2] == {"type": "quote", "text": "We are ready", "attribution": "A spokesman"}
    assert body["body_html"].startswith('<p><span class="dateline">MOSCOW:</span> A Russian delegation')
    assert 'href="/' not in body["body_html"] and 'src="/' not in body["body_html"]
    crops = body["picture"]["crops"]
    assert [(crops[k]["width"], crops[k]["height"]) for k in ("wide", "classic", "square")] == [
        (1200, 675),
        (1200, 900),
        (1200, 1200),
    ]
    assert body["picture"]["caption"] == "The border" and body["picture"]["credit"] == "Photo: Staff"
    assert body["related"]["id"] == related.pk and body["related"]["url"] == BASE + related.url


def test_drafts_and_unpublished_stories_are_never_served(client, make_story):
    draft = make_story(title="Secret draft", publish=False)
    live = make_story(title="Live story")
    live.save_revision()  # a draft edit of a live story: the API keeps serving the published version
    withdrawn = make_story(title="Withdrawn story")
    withdrawn.unpublish()

    error_of(client, f"/api/v1/articles/{draft.pk}", 404)
    error_of(client, f"/api/v1/articles/{withdrawn.pk}", 404)
    titles = json.dumps(get(client, "/api/v1/articles"))
    assert "Secret draft" not in titles and "Withdrawn story" not in titles
    assert "Secret draft" not in json.dumps(get(client, "/api/v1/search?q=secret"))
    assert get(client, f"/api/v1/articles/{live.pk}")["title"] == "Live story"


def test_draft_changes_to_a_live_story_stay_private(client, make_story):
    from masthead.news.models import ArticlePage

    story = make_story(title="Published headline")
    draft = ArticlePage.objects.get(pk=story.pk)
    draft.title = "Unreviewed headline"
    draft.save_revision()
    assert get(client, f"/api/v1/articles/{story.pk}")["title"] == "Published headline"


@pytest.mark.parametrize("url", ["/api/v1/articles/99999999", "/api/v1/articles/9223372036854775807"])
def test_missing_articles_are_404(client, edition, url):
    assert error_of(client, url, 404)["code"] == "not_found"


@pytest.mark.parametrize("url", ["/api/v1/nothing-here", "/api/v2/articles", "/api/v1/articles/", "/api/v1/"])
def test_unknown_api_urls_are_json_404(client, edition, url):
    error = error_of(client, url, 404)
    assert error["code"] == "not_found"


@pytest.mark.parametrize("article_id", ["0", "-1", "abc", "99999999999999999999999"])
def test_out_of_range_ids_are_422(client, edition, article_id):
    assert error_of(client, f"/api/v1/articles/{article_id}", 422)["code"] == "invalid_request"


def test_wrong_method_is_a_json_405(client, edition):
    response = client.post("/api/v1/articles", data={})
    assert response.status_code == 405
    assert response.json()["error"]["code"] == "method_not_allowed"


def test_sections_in_menu_order_with_their_feeds(client, edition):
    body = get(client, "/api/v1/sections")
    assert [s["slug"] for s in body["items"]] == ["world", "pakistan", "business"]
    world = body["items"][0]
    assert world["url"] == f"{BASE}/world/" and world["feed_url"] == f"{BASE}/world/feed/"
    assert world["articles_url"] == f"{BASE}/api/v1/articles?section=world"


def test_search_finds_stories_and_pages_by_cursor(client, make_story):
    for n in range(5):
        make_story(title=f"Flood relief update {n}", days_ago=n)
    make_story(title="Cricket final")
    body = get(client, "/api/v1/search?q=flood&limit=3")
    assert body["query"] == "flood" and len(body["items"]) == 3 and body["next_cursor"]
    rest = get(client, f"/api/v1/search?q=flood&limit=3&cursor={body['next_cursor']}")
    titles = {item["title"] for item in body["items"] + rest["items"]}
    assert titles == {f"Flood relief update {n}" for n in range(5)}
    assert get(client, "/api/v1/search?q=%25%25")["items"] == []
    assert error_of(client, "/api/v1/search", 422)["code"] == "invalid_request"
    assert error_of(client, "/api/v1/search?q=" + "a" * 201, 422)["code"] == "invalid_request"


def test_top_stories_follow_the_front_page(client, make_story, edition):
    lead = make_story(title="The lead", days_ago=1)
    make_story(title="Newer but not lead")
    make_story("business", title="Markets")
    from masthead.curation.models import HomeSlot

    edition.home.front_slots = [HomeSlot(story=lead)]
    edition.home.save_revision().publish()
    body = get(client, "/api/v1/top")
    assert body["lead"]["title"] == "The lead"
    sections = {entry["section"]["slug"]: [item["title"] for item in entry["items"]] for entry in body["sections"]}
    assert sections["world"] == ["Newer but not lead"] and sections["business"] == ["Markets"]
    assert "The lead" not in [item["title"] for item in body["latest"]]


def test_breaking_is_the_last_hours_newest_first(client, make_story):
    make_story(title="Just now", days_ago=0.01)
    make_story(title="This morning", days_ago=0.4)
    make_story(title="Yesterday", days_ago=1)
    assert [item["title"] for item in get(client, "/api/v1/breaking")["items"]] == ["Just now"]
    assert [item["title"] for item in get(client, "/api/v1/breaking?hours=12")["items"]] == ["Just now", "This morning"]
    assert error_of(client, "/api/v1/breaking?hours=49", 422)["code"] == "invalid_request"


def test_each_edition_gets_its_own_stories(client, make_story, edition):
    from masthead.news import services

    ours = make_story(title="Ours")
    sport = services.create_edition(name="MM Sport", hostname="sport.example.org", is_default=False)
    cricket = services.create_section(sport.root_page.specific, title="Cricket")
    theirs = services.file_story(cricket, services.StoryDraft(title="Theirs", paragraphs=paragraphs(2)), publish=True)
    assert [i["title"] for i in get(client, "/api/v1/articles")["items"]] == ["Ours"]
    assert [i["title"] for i in get(client, "/api/v1/articles", HTTP_HOST="sport.example.org")["items"]] == ["Theirs"]
    error_of(client, f"/api/v1/articles/{theirs.pk}", 404)
    assert get(client, f"/api/v1/articles/{ours.pk}")["title"] == "Ours"
    assert [s["slug"] for s in get(client, "/api/v1/sections", HTTP_HOST="sport.example.org")["items"]] == ["cricket"]


# --- Query counts: flat in the archive's size ----------------------------------------------------


def _count(client, url: str) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "url", ["/api/v1/articles?limit=10", "/api/v1/articles?tag=floods&limit=10", "/api/v1/top", "/api/v1/breaking?hours=48"]
)
def test_list_queries_do_not_grow_with_the_archive(client, make_story, picture, author, url):
    for n in range(12):
        make_story(
            ["world", "pakistan", "business"][n % 3],
            tags=["floods"],
            authors=[author],
            hero_image=picture(f"P{n}"),
            days_ago=n / 10,
        )
    before = _count(client, url)
    for n in range(20):
        make_story(
            ["world", "pakistan", "business"][n % 3],
            tags=["floods"],
            authors=[author],
            hero_image=picture(f"Q{n}"),
            days_ago=3 + n,
        )
    assert _count(client, url) == before


def test_detail_queries_do_not_grow_with_the_archive(client, make_story, picture, author, interfax):
    story = make_story(tags=["floods", "sindh"], authors=[author], agency=interfax, hero_image=picture())
    make_story(tags=["sindh"], days_ago=40)  # so the related story is found by shared tags both times
    url = f"/api/v1/articles/{story.pk}"
    before = _count(client, url)
    for n in range(25):
        make_story(tags=["floods"], hero_image=picture(f"P{n}"), days_ago=n + 1)
    assert _count(client, url) == before
