"""Marking a story breaking, changing its end, ending it: one open per edition, only live stories, no past ends."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from masthead.breaking import services
from masthead.breaking.models import BreakingStory
from masthead.schedule.models import StoryEvent


def kinds(story) -> list[str]:
    return list(StoryEvent.objects.filter(page_id=story.pk).order_by("pk").values_list("kind", flat=True))


def test_marking_a_story_opens_its_editions_breaking_row(edition, make_story, mark):
    story = make_story(title="Quake hits the north")
    row = mark(story, minutes=90)
    assert row.home_id == edition.home.pk and row.headline == "Quake hits the north" and row.is_current
    assert StoryEvent.Kind.BREAKING in kinds(story)


def test_the_default_end_is_a_setting(settings):
    settings.BREAKING_DEFAULT_MINUTES = 45
    now = timezone.now()
    assert services.default_end(now) == now + timedelta(minutes=45)


def test_marking_a_second_story_replaces_the_first(edition, make_story, mark):
    first, second = make_story(title="First"), make_story(title="Second")
    old = mark(first)
    new = mark(second)
    old.refresh_from_db()
    assert old.ended_at is not None and not old.is_current and new.is_current
    assert list(BreakingStory.objects.open().values_list("story_id", flat=True)) == [second.pk]
    assert kinds(first)[-1] == StoryEvent.Kind.BREAKING_ENDED


def test_the_database_refuses_two_open_rows_for_one_edition(edition, make_story, mark):
    row = mark(make_story())
    with pytest.raises(IntegrityError), transaction.atomic():
        BreakingStory.objects.create(home=row.home, story=row.story, headline="x", ends_at=row.ends_at)


def test_only_a_live_story_can_be_breaking(edition, make_story):
    draft = make_story(publish=False)
    with pytest.raises(ValidationError, match="published"):
        services.mark(draft, ends_at=timezone.now() + timedelta(hours=1))
    assert not BreakingStory.objects.exists()


@pytest.mark.parametrize("minutes", [0, -5])
def test_an_end_time_not_in_the_future_is_refused_and_changes_nothing(edition, make_story, mark, minutes):
    story = make_story()
    with pytest.raises(ValidationError, match="passed"):
        services.mark(story, ends_at=timezone.now() + timedelta(minutes=minutes))
    row = mark(story, minutes=30)
    with pytest.raises(ValidationError, match="passed"):
        services.change_end(row, ends_at=timezone.now() + timedelta(minutes=minutes))
    row.refresh_from_db()
    assert row.is_current and row.ends_at > timezone.now() + timedelta(minutes=29)


def test_changing_the_end_and_ending_now(edition, make_story, mark):
    story = make_story()
    row = mark(story, minutes=30)
    later = timezone.now() + timedelta(hours=5)
    services.change_end(row, ends_at=later)
    row.refresh_from_db()
    assert row.ends_at == later
    services.end(row)
    row.refresh_from_db()
    assert row.ended_at is not None and not row.is_current
    assert kinds(story).count(StoryEvent.Kind.BREAKING) == 2 and kinds(story)[-1] == StoryEvent.Kind.BREAKING_ENDED
    with pytest.raises(ValidationError, match="already ended"):
        services.end(row)


def test_unpublishing_a_breaking_story_ends_its_banner(edition, make_story, mark):
    story = make_story()
    row = mark(story)
    story.unpublish()
    row.refresh_from_db()
    assert row.ended_at is not None


def test_a_new_headline_reaches_the_banner(edition, make_story, mark):
    story = make_story(title="Fire at the port")
    row = mark(story)
    story.title = "Fire at the port: three hurt"
    story.save_revision().publish()
    row.refresh_from_db()
    assert row.headline == "Fire at the port: three hurt"
