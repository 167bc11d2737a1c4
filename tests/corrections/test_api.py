"""The API: a story's notes in its detail, and the edition's corrections list."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.utils import timezone

from tests.corrections.conftest import add_note, republish
from tests.corrections.test_reader import queries


def same_moment(text: str, moment: datetime) -> bool:
    """The API writes milliseconds."""
    return abs(datetime.fromisoformat(text) - moment) < timedelta(milliseconds=1)


def test_article_detail_carries_its_notes_and_the_last_real_change(client, published_story):
    first = published_story.first_published_at
    story = add_note(published_story, "The port is Gwadar.", "update", at=first + timedelta(minutes=1))
    story = republish(story, at=first + timedelta(minutes=40))  # nothing new for readers
    body = client.get(f"/api/v1/articles/{story.pk}").json()
    [note] = body["notes"]
    assert note["kind"] == "update" and note["label"] == "Update" and note["text"] == "The port is Gwadar."
    assert same_moment(note["published_at"], first + timedelta(minutes=1))
    assert same_moment(body["modified_at"], first + timedelta(minutes=1))


def test_article_detail_of_a_story_without_notes_has_an_empty_list(client, published_story):
    body = client.get(f"/api/v1/articles/{published_story.pk}").json()
    assert body["notes"] == [] and same_moment(body["modified_at"], published_story.first_published_at)


def test_article_detail_queries_do_not_grow_with_notes(client, make_story):
    bare = make_story(title="No notes")
    noted = make_story(title="Notes")
    for n in range(3):
        noted = add_note(noted, f"Note {n}.")
    assert queries(client, f"/api/v1/articles/{noted.pk}") == queries(client, f"/api/v1/articles/{bare.pk}")


def test_corrections_list_newest_first_with_links(client, make_story):
    now = timezone.now()
    older = add_note(make_story(title="Budget agreed"), "41 to 9.", at=now - timedelta(hours=1))
    newer = add_note(make_story(title="Floods recede"), "The Indus.", "clarification", at=now)
    response = client.get("/api/v1/corrections")
    assert response.status_code == 200 and response["ETag"]
    items = response.json()["items"]
    assert [item["text"] for item in items] == ["The Indus.", "41 to 9."]
    assert items[0]["article"]["id"] == newer.pk and items[0]["article"]["url"] == f"http://testserver{newer.url}"
    assert items[1]["article"]["api_url"].endswith(f"/api/v1/articles/{older.pk}")
    assert [item["text"] for item in client.get("/api/v1/corrections?limit=1").json()["items"]] == ["The Indus."]


def test_corrections_list_refuses_a_bad_limit_in_the_api_error_shape(client, edition):
    for limit in ("0", "51", "abc"):
        response = client.get(f"/api/v1/corrections?limit={limit}")
        assert response.status_code == 422 and response.json()["error"]["code"]
