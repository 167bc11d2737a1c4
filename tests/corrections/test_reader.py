"""What readers see: the line under the story's dates, the notes at its foot (full and lite), the JSON-LD; query counts."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from masthead.web.templatetags.masthead import machine_time
from tests.corrections.conftest import add_note, republish
from tests.feeds.test_structured_data import json_ld


def page(client, story, lite: bool = False) -> str:
    response = client.get(story.url + ("?lite=1" if lite else ""))
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("lite", [False, True])
def test_a_correction_shows_at_the_foot_with_its_kind_and_date_and_a_line_under_the_dates(client, published_story, lite):
    when = timezone.now()
    story = add_note(published_story, "An earlier version gave the dredger's length as 14 m. It is 140 m.", at=when)
    html = page(client, story, lite)
    head = html.split('<p class="story__times">')[1].split("</p>")[0]
    assert 'href="#story-notes">Corrected ' in head and "Updated <time" in head
    foot = html.split('id="story-notes"')[1].split("</section>")[0]
    assert "<strong>Correction</strong>" in foot and "It is 140 m." in foot
    assert f'<time datetime="{machine_time(when)}">' in foot
    assert html.index("story__body") < html.index('id="story-notes"') < html.index("story__foot")
    assert ("/corrections/?lite=1" if lite else 'href="/corrections/"') in foot


def test_a_story_without_notes_shows_no_notes_or_line(client, published_story):
    html = page(client, published_story)
    assert "story-notes" not in html and "Updated <time" not in html


def test_notes_are_listed_oldest_first_and_the_line_names_the_newest(client, published_story):
    now = timezone.now()
    story = add_note(published_story, "First fix.", at=now - timedelta(minutes=10))
    story = add_note(story, "Second, a clarification.", kind="clarification", at=now)
    html = page(client, story)
    assert html.index("First fix.") < html.index("Second, a clarification.")
    assert 'href="#story-notes">Clarified ' in html


def test_news_article_json_ld_carries_correction_comments_and_real_modified_date(client, published_story):
    first = published_story.first_published_at
    story = add_note(published_story, "The port is Gwadar.", at=first + timedelta(seconds=47))
    story = republish(story, at=first + timedelta(minutes=30))  # changes nothing readers see
    article = json_ld(page(client, story))[0]
    [comment] = article["correction"]
    assert comment["@type"] == "CorrectionComment" and comment["text"] == "Correction: The port is Gwadar."
    assert comment["url"].endswith(story.url + "#story-notes")
    assert datetime.fromisoformat(article["dateModified"]) == (first + timedelta(seconds=47)).replace(microsecond=0)
    assert datetime.fromisoformat(article["datePublished"]) == first.replace(microsecond=0)


def test_no_change_republish_does_not_show_an_updated_line(client, published_story):
    first = published_story.first_published_at
    story = republish(published_story, at=first + timedelta(minutes=10))
    assert "Updated <time" not in page(client, story)
    assert "correction" not in json_ld(page(client, story))[0]


def queries(client, url) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_story_page_queries_do_not_grow_with_its_notes(client, make_story):
    bare = make_story(title="No notes here")
    noted = make_story(title="Three notes here")
    for n in range(3):
        noted = add_note(noted, f"Note {n}.")
    assert queries(client, noted.url) == queries(client, bare.url)
    assert queries(client, noted.url + "?lite=1") == queries(client, bare.url + "?lite=1")
