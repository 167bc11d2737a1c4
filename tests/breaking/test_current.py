"""The edition's current breaking story as pages read it: memoised per process, never past its end."""

from __future__ import annotations

from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from masthead.breaking import current, services


def test_story_for_is_the_current_breaking_story(edition, make_story, mark):
    assert current.story_for(edition.home) is None
    story = make_story(title="Quake hits the north")
    mark(story)
    found = current.story_for(edition.home)
    assert found.pk == story.pk and found.title == "Quake hits the north"
    banner = current.banner_for(edition.home)
    assert banner.path == "/" + story.url_path[len(edition.home.url_path) :]


def test_once_read_it_costs_no_query(edition, make_story, mark):
    mark(make_story())
    current.story_for(edition.home)
    with CaptureQueriesContext(connection) as queries:
        assert current.story_for(edition.home) is not None
    assert len(queries) == 0


def test_a_change_is_seen_at_once(edition, make_story, mark):
    first, second = make_story(title="First"), make_story(title="Second")
    mark(first)
    assert current.story_for(edition.home).pk == first.pk
    mark(second)
    assert current.story_for(edition.home).pk == second.pk
    services.end(services.BreakingStory.objects.open().get())
    assert current.story_for(edition.home) is None


def test_the_banner_stops_at_its_end_time_before_the_clock_ends_the_row(edition, make_story, mark, monkeypatch):
    row = mark(make_story(), minutes=5)
    assert current.story_for(edition.home) is not None
    monkeypatch.setattr(timezone, "now", lambda: row.ends_at + timedelta(seconds=1))
    assert current.story_for(edition.home) is None
