"""``/corrections/`` and its feeds: every note of the edition's live stories, newest first, each with its story."""

from __future__ import annotations

from datetime import timedelta

import atoma
import feedparser
import pytest
from django.utils import timezone

from tests.corrections.conftest import add_note
from tests.corrections.test_reader import queries


@pytest.fixture
def corrected(make_story):
    now = timezone.now()
    older = add_note(make_story(title="Budget agreed"), "The vote was 41 to 9.", at=now - timedelta(hours=2))
    newer = add_note(make_story("pakistan", title="Floods recede"), "The river is the Indus.", "clarification", at=now)
    return older, newer


def test_the_page_lists_every_note_newest_first_with_its_story(client, corrected):
    older, newer = corrected
    response = client.get("/corrections/")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.index("The river is the Indus.") < html.index("The vote was 41 to 9.")
    assert f'href="{newer.url}">Floods recede</a>' in html and "<strong>Clarification</strong>" in html
    assert "<h1>Corrections</h1>" in html


def test_the_lite_page_keeps_links_lite(client, corrected):
    html = client.get("/corrections/?lite=1").content.decode()
    assert f'href="{corrected[0].url}?lite=1"' in html and "<script" not in html


def test_an_unpublished_story_leaves_the_page(client, corrected):
    older, newer = corrected
    newer.unpublish()
    html = client.get("/corrections/").content.decode()
    assert "The river is the Indus." not in html and "The vote was 41 to 9." in html


def test_the_page_says_when_there_is_nothing(client, edition):
    assert "No corrections have been published." in client.get("/corrections/").content.decode()


def test_pages_paginate_and_bad_page_numbers_are_page_one(client, make_story, monkeypatch):
    from masthead.corrections import views

    monkeypatch.setattr(views, "PAGE_SIZE", 2)
    story = make_story(title="Many fixes")
    now = timezone.now()
    for n in range(3):
        story = add_note(story, f"Fix number {n}.", at=now + timedelta(minutes=n))
    first = client.get("/corrections/").content.decode()
    assert "Fix number 2." in first and "Fix number 0." not in first and 'rel="next" href="/corrections/?page=2"' in first
    assert "Fix number 0." in client.get("/corrections/?page=2").content.decode()
    assert client.get("/corrections/?page=abc").content.decode() == first
    assert client.get("/corrections/?page=9").status_code == 404


def test_page_queries_do_not_grow_with_the_notes(client, make_story):
    add_note(make_story(title="One"), "One fix.")
    few = queries(client, "/corrections/")
    for n in range(4):
        add_note(make_story(title=f"More {n}"), f"Fix {n}.")
    assert queries(client, "/corrections/") == few


@pytest.mark.parametrize("url", ["/corrections/feed/", "/corrections/feed/atom/"])
def test_feeds_parse_strictly_and_list_notes_newest_first(client, corrected, url):
    older, newer = corrected
    response = client.get(url)
    assert response.status_code == 200 and "max-age=" in response["Cache-Control"]
    parsed = feedparser.parse(response.content)
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert [entry.title for entry in parsed.entries] == ["Clarification: Floods recede", "Correction: Budget agreed"]
    assert parsed.entries[0].link == f"http://testserver{newer.url}#story-notes"
    assert parsed.entries[0].id != parsed.entries[1].id and all(entry.published_parsed for entry in parsed.entries)
    document = atoma.parse_atom_bytes(response.content) if url.endswith("atom/") else atoma.parse_rss_bytes(response.content)
    assert len(document.entries if url.endswith("atom/") else document.items) == 2
