"""Delta sync: ``updated_since`` returns updates and tombstones, and a watermark for the next call."""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import quote

import pytest
from django.utils import timezone

from masthead.api.models import ArticleChange


def sync(client, since: str, **params) -> dict:
    query = "&".join([f"updated_since={quote(since)}", *(f"{k}={v}" for k, v in params.items())])
    response = client.get(f"/api/v1/articles?{query}")
    assert response.status_code == 200, response.content[:400]
    return response.json()


def test_a_full_list_gives_the_watermark_and_a_sync_from_it_is_empty(client, make_story):
    make_story(title="Already read")
    body = client.get("/api/v1/articles").json()
    watermark = body["updated_until"]
    assert watermark
    again = sync(client, watermark)
    assert (again["items"], again["tombstones"]) == ([], [])
    assert again["updated_until"] == watermark  # nothing new: the next call asks from the same point


def test_sync_brings_new_and_updated_stories_and_tombstones(client, make_story):
    kept = make_story(title="Kept")
    updated = make_story(title="Will be updated")
    killed = make_story(title="Will be killed")
    deleted = make_story(title="Will be deleted")
    ArticleChange.objects.update(
        changed_at=timezone.now() - timedelta(minutes=5)
    )  # everything above happened before the sync point
    since = (timezone.now() - timedelta(minutes=1)).isoformat()

    updated.title = "Updated headline"
    updated.save_revision().publish()
    killed.unpublish()
    deleted_url = "http://testserver" + deleted.url
    deleted_id = deleted.pk
    deleted.delete()
    fresh = make_story(title="Fresh")

    body = sync(client, since)
    assert [item["title"] for item in body["items"]] == ["Updated headline", "Fresh"]  # in the order they changed
    tombstones = {t["id"]: t for t in body["tombstones"]}
    assert set(tombstones) == {killed.pk, deleted_id}
    assert tombstones[killed.pk]["reason"] == "unpublished" and tombstones[killed.pk]["url"] == "http://testserver" + killed.url
    assert tombstones[deleted_id]["reason"] == "deleted" and tombstones[deleted_id]["url"] == deleted_url
    assert body["next_cursor"] is None
    assert body["updated_until"] and kept.pk not in [i["id"] for i in body["items"]]
    assert fresh.pk in [i["id"] for i in body["items"]]

    after = sync(client, body["updated_until"])
    assert (after["items"], after["tombstones"]) == ([], [])  # the last change is not delivered again


def test_a_republished_story_is_an_update_not_a_tombstone(client, make_story):
    story = make_story(title="Back again")
    since = (timezone.now() - timedelta(seconds=1)).isoformat()
    story.unpublish()
    story.save_revision().publish()
    body = sync(client, since)
    assert [i["title"] for i in body["items"]] == ["Back again"] and body["tombstones"] == []


def test_sync_pages_through_many_changes_with_a_cursor(client, make_story):
    since = (timezone.now() - timedelta(seconds=1)).isoformat()
    made = [make_story(title=f"Story {n}", days_ago=n) for n in range(5)]
    made[0].unpublish()
    seen_items, seen_tombstones, cursor = [], [], None
    while True:
        params = {"limit": 2, **({"cursor": cursor} if cursor else {})}
        body = sync(client, since, **params)
        seen_items += [i["id"] for i in body["items"]]
        seen_tombstones += [t["id"] for t in body["tombstones"]]
        cursor = body["next_cursor"]
        if not cursor:
            break
    assert sorted(seen_items) == sorted(story.pk for story in made[1:])
    assert seen_tombstones == [made[0].pk]


def test_moving_a_story_is_an_update_with_its_new_url(client, make_story, edition):
    from masthead.news import services

    story = make_story(title="Filed in the wrong section")
    since = (timezone.now() - timedelta(seconds=1)).isoformat()
    ArticleChange.objects.update(changed_at=timezone.now() - timedelta(minutes=5))
    target = services.year_folder_for(edition.sections["business"], story.published_at.year)
    story.move(target, pos="last-child")
    body = sync(client, since)
    assert [i["url"] for i in body["items"]] == ["http://testserver/business/" + story.url.split("/", 2)[2]]


def test_sync_is_per_edition(client, make_story, edition):
    from masthead.news import services

    since = (timezone.now() - timedelta(seconds=1)).isoformat()
    make_story(title="Ours")
    sport = services.create_edition(name="MM Sport", hostname="sport.example.org", is_default=False)
    cricket = services.create_section(sport.root_page.specific, title="Cricket")
    services.file_story(cricket, services.StoryDraft(title="Theirs", paragraphs=["<p>x</p>"]), publish=True).unpublish()
    body = sync(client, since)
    assert [i["title"] for i in body["items"]] == ["Ours"] and body["tombstones"] == []


def test_offsets_are_honoured_and_times_without_one_refused(client, make_story):
    make_story(title="Now")
    in_an_hour_utc = (timezone.now() + timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    assert sync(client, in_an_hour_utc)["items"] == []
    an_hour_ago_karachi = (timezone.now() - timedelta(hours=1)).astimezone(timezone.get_fixed_timezone(300)).isoformat()
    assert [i["title"] for i in sync(client, an_hour_ago_karachi)["items"]] == ["Now"]
    naive = (timezone.now() - timedelta(hours=1)).replace(tzinfo=None).isoformat()
    response = client.get(f"/api/v1/articles?updated_since={quote(naive)}")
    assert response.status_code == 422 and response.json()["error"]["details"][0]["loc"] == ["query", "updated_since"]


def test_a_filtered_sync_brings_the_filters_stories_and_every_tombstone(client, make_story):
    since = (timezone.now() - timedelta(seconds=1)).isoformat()
    world = make_story("world", title="World news")
    make_story("business", title="Business news")
    killed = make_story("business", title="Killed business news")
    killed.unpublish()
    body = sync(client, since, section="world")
    assert [i["id"] for i in body["items"]] == [world.pk]
    assert [t["id"] for t in body["tombstones"]] == [killed.pk]  # whatever it matched: an app drops what it holds
    assert [i["title"] for i in sync(client, since, section="business")["items"]] == ["Business news"]


def test_a_filtered_sync_of_an_unknown_section_is_404(client, edition):
    response = client.get("/api/v1/articles?updated_since=2024-01-01T00:00:00Z&section=nowhere")
    assert response.status_code == 404 and response.json()["error"]["code"] == "not_found"


def test_a_list_cursor_is_refused_by_the_sync_as_404_invalid_cursor(client, make_story):
    for n in range(3):
        make_story(days_ago=n)
    cursor = client.get("/api/v1/articles?limit=1").json()["next_cursor"]
    response = client.get(f"/api/v1/articles?updated_since=2024-01-01T00:00:00Z&cursor={cursor}")
    assert response.status_code == 404 and response.json()["error"]["code"] == "invalid_cursor"


@pytest.mark.parametrize(
    "since, everything",
    [
        ("0000-01-01T00:00:00Z", True),  # year 0: RFC 3339 allows it, Python cannot hold it
        ("0001-01-01T00:00:00+14:00", True),  # before year 1 once in UTC
        ("9999-12-31T23:59:59-14:00", False),  # after year 9999 once in UTC
        ("1998-12-31T23:59:60Z", True),  # a leap second
    ],
)
def test_times_python_cannot_hold_are_clamped_not_refused(client, make_story, since, everything):
    make_story(title="Any")
    body = sync(client, since)
    assert bool(body["items"]) is everything and body["updated_until"]


@pytest.mark.parametrize(
    "since", ["notadate", "2024-02-30T00:00:00Z", "2026-11-28T12:00:60Z", "2026-11-28T12:00:00+24:00", "2026-11-28T24:00:00Z"]
)
def test_times_rfc_3339_does_not_allow_are_422(client, edition, since):
    response = client.get(f"/api/v1/articles?updated_since={quote(since)}")
    assert response.status_code == 422 and response.json()["error"]["code"] == "invalid_request"


@pytest.mark.django_db
def test_backfill_creates_rows_for_live_stories_only(make_story):
    import importlib

    from django.apps import apps

    live = make_story(title="Live")
    draft = make_story(title="Draft", publish=False)
    ArticleChange.objects.all().delete()
    importlib.import_module("masthead.api.migrations.0002_backfill_article_changes").backfill(apps, None)
    assert list(ArticleChange.objects.values_list("article_id", "live")) == [(live.pk, True)]
    assert draft.pk
