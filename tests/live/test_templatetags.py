"""The live part of a story's page, full and lite: what readers see, and what it costs."""

from __future__ import annotations

import json
import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

from masthead.live import services


def post(story, user, n: int, **fields):
    return [services.post_entry(story, user, body=f"Update number {i}.", **fields) for i in range(n)]


def html_of(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_a_live_story_shows_key_events_then_the_pinned_entry_then_entries_newest_first(client, live_story, reporter):
    first = services.post_entry(live_story, reporter, body="Welcome to our coverage.", pinned=True)
    key = services.post_entry(live_story, reporter, title="Barrage breached", body="The barrage gave way.", key_event=True)
    latest = services.post_entry(live_story, reporter, body="Rescue boats are out.")
    html = html_of(client, live_story.url)
    assert 'class="live-badge live-badge--live"' in html
    summary = re.search(r'<nav class="live__key-events".*?</nav>', html, re.S).group(0)
    assert f'href="#entry-{key.pk}"' in summary and "Barrage breached" in summary
    order = [
        html.index(mark)
        for mark in ('aria-label="Key events"', f'id="entry-{first.pk}"', f'id="entry-{latest.pk}"', f'id="entry-{key.pk}"')
    ]
    assert order == sorted(order)
    assert html.count(f'id="entry-{first.pk}"') == 1  # the pinned entry is shown once, in its place
    assert "Rubina Demo" in html and "Key event" in html
    assert re.search(r'<script src="[^"]*live/live\.[0-9a-f.]*js" defer>', html) or "live/live.js" in html
    assert f'data-live-url="{live_story.url}live.json"' in html


def test_an_ended_story_shows_its_entries_without_the_script(client, live_story, reporter, editor):
    services.post_entry(live_story, reporter, body="Final update.")
    services.end_coverage(live_story, editor)
    html = html_of(client, live_story.url)
    assert "live-badge--ended" in html and "Final update." in html and "live/live.js" not in html


def test_a_story_without_live_coverage_shows_nothing_of_it(client, make_story):
    assert 'class="live' not in html_of(client, make_story().url)


def test_the_lite_page_lists_entries_newest_first_without_script_and_pages_back(client, live_story, reporter):
    post(live_story, reporter, 23)
    html = html_of(client, live_story.url + "?lite=1")
    assert "<script" not in html
    assert html.index("Update number 22.") < html.index("Update number 3.")
    assert "Update number 2." not in html  # twenty to a page
    older = re.search(r'<a rel="next" href="([^"]+)"', html).group(1)
    assert older == f"{live_story.url}?lite=1&amp;page=2#live"
    page2 = html_of(client, live_story.url + "?lite=1&page=2")
    assert "Update number 2." in page2 and "Update number 0." in page2 and "Update number 22." not in page2
    assert client.get(live_story.url + "?lite=1&page=3").status_code == 404


def test_the_page_costs_the_same_with_twelve_entries_as_with_one(client, live_story, reporter):
    def count() -> int:
        client.get(live_story.url)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(live_story.url).status_code == 200
        return len(queries)

    post(live_story, reporter, 1, key_event=True)
    one = count()
    post(live_story, reporter, 11, key_event=True)
    services.post_entry(live_story, reporter, body="Pinned.", pinned=True)
    assert count() == one


def test_the_json_ld_is_a_live_blog_posting_with_its_updates(client, live_story, reporter, editor):
    entry = services.post_entry(live_story, reporter, title="Barrage breached", body="The barrage gave way.")
    html = html_of(client, live_story.url)
    blocks = [json.loads(block) for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)]
    posting = next(block for block in blocks if block.get("@type") == "LiveBlogPosting")
    assert posting["coverageStartTime"] and "coverageEndTime" not in posting
    update = posting["liveBlogUpdate"][0]
    assert update["@type"] == "BlogPosting" and update["headline"] == "Barrage breached"
    assert update["url"].endswith(f"#entry-{entry.pk}") and update["articleBody"] == "The barrage gave way."
    services.end_coverage(live_story, editor)
    html = html_of(client, live_story.url)
    assert '"coverageEndTime"' in html
