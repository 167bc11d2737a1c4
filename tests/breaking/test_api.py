"""``/api/v1/breaking``: the story marked breaking first, marked as such with its end, then the newest stories."""

from __future__ import annotations

from django.utils import timezone

from masthead.breaking import services


def items(client, query=""):
    response = client.get("/api/v1/breaking" + query)
    assert response.status_code == 200
    return response.json()["items"]


def test_without_a_breaking_story_it_is_the_newest_of_the_last_hours(client, edition, make_story):
    make_story(title="Older", days_ago=0.1)
    make_story(title="Newest")
    found = items(client)
    assert [item["title"] for item in found] == ["Newest", "Older"]
    assert [item["breaking"] for item in found] == [False, False] and found[0]["breaking_until"] is None


def test_the_breaking_story_comes_first_with_its_end_even_when_older(client, edition, make_story, mark):
    old = make_story(title="Quake hits the north", days_ago=2)  # outside the last hours
    make_story(title="Newest")
    row = mark(old)
    found = items(client)
    assert [item["title"] for item in found] == ["Quake hits the north", "Newest"]
    assert found[0]["breaking"] is True and found[1]["breaking"] is False
    assert found[0]["breaking_until"].startswith(
        timezone.localtime(row.ends_at, timezone.get_fixed_timezone(300)).strftime("%Y-%m-%dT%H:%M")
    )
    assert [item["title"] for item in items(client, "?limit=1")] == ["Quake hits the north"]
    services.end(row)
    assert [item["title"] for item in items(client)] == ["Newest"]


def test_a_recent_breaking_story_is_listed_once(client, edition, make_story, mark):
    make_story(title="Newest")
    mark(make_story(title="Quake hits the north", days_ago=0.05))
    assert [item["title"] for item in items(client)] == ["Quake hits the north", "Newest"]
