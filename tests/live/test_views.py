"""The poll endpoint and the live feed: their JSON, their cache (ETag, 304) and their purge on each entry."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

from masthead.live import services
from tests.pagecache.conftest import call

HOST = "testserver"


def poll(app, story, **headers):
    return call(app, f"{story.url}live.json", host=HOST, **headers)


def test_the_poll_has_the_contracts_shape_newest_first(client, live_story, reporter):
    services.post_entry(live_story, reporter, body="Welcome.", pinned=True)
    key = services.post_entry(live_story, reporter, title="Barrage breached", body="It gave way.", key_event=True)
    response = client.get(f"{live_story.url}live.json")
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    assert response["Cache-Control"] == "public, max-age=5" and not response.cookies
    assert set(response["X-Cache-Tags"].split()) == {f"article-{live_story.pk}", f"live-{live_story.pk}"}
    data = json.loads(response.content)
    assert data["state"] == "live" and data["updated"]
    assert [entry["id"] for entry in data["entries"]] == [key.pk, key.pk - 1]
    entry = data["entries"][0]
    assert set(entry) == {"id", "posted_at", "title", "key_event", "pinned", "author", "html"}
    assert entry["title"] == "Barrage breached" and entry["key_event"] and entry["author"] == "Rubina Demo"
    assert f'id="entry-{key.pk}"' in entry["html"] and "<p>It gave way.</p>" in entry["html"]
    assert data["entries"][1]["pinned"] is True
    assert data["key_events"] == [{"id": key.pk, "title": "Barrage breached", "posted_at": entry["posted_at"]}]


def test_a_story_without_live_coverage_has_no_poll(client, make_story):
    story = make_story()
    assert client.get(f"{story.url}live.json").status_code == 404
    assert client.get("/world/2026/no-such-story/live.json").status_code == 404


def test_the_poll_is_cached_answers_304_and_is_purged_by_each_entry(
    site_cache, live_story, reporter, django_capture_on_commit_callbacks
):
    services.post_entry(live_story, reporter, body="First.")
    first = poll(site_cache, live_story)
    assert first.code == 200 and first.headers["x-cache"] == "MISS"
    hit = poll(site_cache, live_story)
    assert hit.headers["x-cache"] == "HIT" and hit.headers["etag"] == first.headers["etag"]
    assert "set-cookie" not in hit.headers and "x-cache-tags" not in hit.headers
    assert poll(site_cache, live_story, HTTP_IF_NONE_MATCH=hit.headers["etag"]).code == 304

    with django_capture_on_commit_callbacks(execute=True):
        services.post_entry(live_story, reporter, body="Second.")
    after = poll(site_cache, live_story, HTTP_IF_NONE_MATCH=hit.headers["etag"])
    assert after.code == 200 and after.headers["etag"] != hit.headers["etag"]
    assert b"Second." in after.body


def test_an_entry_purges_the_storys_live_parts_and_not_its_listings(live_story, reporter, django_capture_on_commit_callbacks):
    from django_tasks_db.models import DBTaskResult

    from masthead.pipeline import backends

    with backends.held():
        services.post_entry(live_story, reporter, body="Held.")
        task = DBTaskResult.objects.filter(task_path="masthead.pipeline.tasks.apply_effects").order_by("-enqueued_at").first()
    purge = task.args_kwargs["kwargs"]["purge"]
    path = live_story.url
    assert set(purge["paths"][HOST]) == {path, f"{path}live.json", f"{path}live.xml", f"/api/v1/articles/{live_story.pk}"}
    assert purge["tags"] == [f"live-{live_story.pk}"] and not purge["hosts"] and not purge["everything"]
    assert task.args_kwargs["kwargs"]["published"] == []


def test_the_live_feed_lists_entries_newest_first(client, live_story, reporter):
    services.post_entry(live_story, reporter, title="Older", body="One.")
    services.post_entry(live_story, reporter, title="Newer", body="Two.")
    response = client.get(f"{live_story.url}live.xml")
    assert response.status_code == 200 and response["Content-Type"].startswith("application/rss+xml")
    titles = [item.findtext("title") for item in ET.fromstring(response.content).iter("item")]
    assert titles == ["Newer", "Older"]


def test_the_api_detail_carries_the_entries(client, live_story, reporter):
    entry = services.post_entry(live_story, reporter, title="Barrage breached", body="It gave way.", key_event=True)
    data = client.get(f"/api/v1/articles/{live_story.pk}").json()
    assert data["live"]["state"] == "live" and data["live"]["poll_url"].endswith(f"{live_story.url}live.json")
    assert [item["id"] for item in data["entries"]] == [entry.pk]
    assert data["entries"][0]["key_event"] and "It gave way." in data["entries"][0]["html"]
