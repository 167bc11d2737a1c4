"""A note goes live with its story's revision, is dated then, and moves the story's "changed for readers" time."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from masthead.corrections import reading
from masthead.corrections.models import ReaderVersion, StoryNote
from masthead.schedule.models import StoryEvent
from tests.corrections.conftest import add_note, latest, republish


def record(story):
    return reading.for_story(type(story).objects.get(pk=story.pk))


def test_a_note_in_a_draft_is_not_live_until_the_revision_is_published(published_story):
    add_note(published_story, "The dredger is Dutch, not Danish.", publish=False)
    assert not StoryNote.objects.filter(story=published_story).exists()
    assert record(published_story).notes == []
    when = timezone.now() + timedelta(minutes=3)
    story = republish(published_story, at=when)
    note = StoryNote.objects.get(story=story)
    assert note.published_at == when  # when readers first saw it, not when it was typed
    assert [n.text for n in record(story).notes] == ["The dredger is Dutch, not Danish."]


def test_a_note_keeps_its_first_date_through_later_revisions(published_story):
    first = timezone.now()
    story = add_note(published_story, "The harbour is 40 km long, not 14.", at=first)
    story = republish(story, at=first + timedelta(hours=2), standfirst="A new standfirst.")
    assert StoryNote.objects.get(story=story).published_at == first
    assert latest(story).notes.all()[0].text == "The harbour is 40 km long, not 14."


def test_an_editor_set_date_is_the_date_shown(published_story):
    dated = timezone.now() - timedelta(days=1)
    story = add_note(published_story, "A clarification.", kind="clarification", dated=dated)
    note = record(story).notes[0]
    assert note.shown_at == dated and note.get_kind_display() == "Clarification"


def test_publishing_a_note_writes_note_added_once(published_story):
    story = add_note(published_story, "Corrected the minister's name.")
    story = republish(story, at=timezone.now() + timedelta(minutes=10), title="Harbour dredging begins at last")
    events = StoryEvent.objects.filter(page_id=story.pk, kind=StoryEvent.Kind.NOTE_ADDED)
    assert events.count() == 1 and events.get().detail["message"] == "Correction: Corrected the minister's name."


def test_a_note_within_five_minutes_of_publication_shows_the_updated_line(published_story):
    first = published_story.first_published_at
    story = add_note(published_story, "Corrected the tonnage.", at=first + timedelta(seconds=47))
    assert record(story).updated_at == first + timedelta(seconds=47)


def test_an_edit_within_five_minutes_without_a_note_shows_no_updated_line(published_story):
    first = published_story.first_published_at
    story = republish(published_story, at=first + timedelta(minutes=2), title="Harbour dredging starts")
    assert record(story).updated_at is None
    assert record(story).modified_at == first + timedelta(minutes=2)  # dateModified is exact


def test_a_republish_that_changes_nothing_readers_see_does_not_bump_the_update(published_story):
    first = published_story.first_published_at
    story = republish(published_story, at=first + timedelta(minutes=10), title="Harbour dredging starts")
    edited = first + timedelta(minutes=10)
    assert record(story).updated_at == edited
    story = republish(story, at=first + timedelta(minutes=30))  # nothing changed: a second click, a slug left alone
    assert story.last_published_at == first + timedelta(minutes=30)  # Wagtail's own time moves...
    assert record(story).updated_at == edited and record(story).modified_at == edited  # ...what readers see does not
    assert ReaderVersion.objects.get(story=story).changed_at == edited


@pytest.mark.parametrize("change", [{"standfirst": "New."}, {"hero_caption": "Dredgers at dawn."}, {"dateline": "Gwadar"}])
def test_a_change_readers_see_is_an_update(published_story, change):
    first = published_story.first_published_at
    story = republish(published_story, at=first + timedelta(minutes=10), **change)
    assert record(story).updated_at == first + timedelta(minutes=10)


def test_a_story_without_a_record_falls_back_to_wagtails_times(published_story):
    ReaderVersion.objects.filter(story=published_story).delete()
    first = published_story.first_published_at
    type(published_story).objects.filter(pk=published_story.pk).update(last_published_at=first + timedelta(minutes=9))
    assert record(published_story).updated_at == first + timedelta(minutes=9)
