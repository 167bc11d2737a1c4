"""Posting, editing, pinning and deleting entries; starting and ending coverage; who may do which."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from masthead.live import services
from masthead.live.models import LiveCoverage, LiveEntry
from masthead.schedule.models import StoryEvent


def test_a_reporter_posts_an_entry_split_into_paragraphs_by_blank_lines(live_story, reporter):
    entry = services.post_entry(
        live_story, reporter, title="Barrage breached", body="First line\nstill first.\n\n\nSecond <b>para</b>."
    )
    entry.refresh_from_db()
    assert entry.author_name == "Rubina Demo" and entry.author == reporter
    assert [block.block_type for block in entry.body] == ["paragraph", "paragraph"]
    assert entry.html == "<p>First line<br>still first.</p><p>Second &lt;b&gt;para&lt;/b&gt;.</p>"
    assert entry.lite_html == entry.html


def test_posting_does_not_publish_the_page(live_story, reporter):
    revisions = live_story.revisions.count()
    last_published = type(live_story).objects.get(pk=live_story.pk).last_published_at
    services.post_entry(live_story, reporter, body="Water levels rising.")
    story = type(live_story).objects.get(pk=live_story.pk)
    assert story.revisions.count() == revisions and story.last_published_at == last_published


def test_an_empty_body_is_refused_with_a_clear_error_and_nothing_is_written(live_story, reporter):
    with pytest.raises(ValidationError) as error:
        services.post_entry(live_story, reporter, title="Only a title", body=" \n\n  ")
    assert error.value.message_dict == {"body": [services.EMPTY_ENTRY]}
    assert not LiveEntry.objects.exists()


def test_pinning_an_entry_unpins_the_one_pinned_before(live_story, reporter):
    first = services.post_entry(live_story, reporter, body="First.", pinned=True)
    second = services.post_entry(live_story, reporter, body="Second.", pinned=True)
    assert list(LiveEntry.objects.filter(pinned=True)) == [second]
    services.set_pinned(first, reporter, True)
    assert list(LiveEntry.objects.filter(pinned=True).values_list("pk", flat=True)) == [first.pk]


def test_the_database_holds_one_pinned_entry_per_story(live_story, reporter):
    from django.db import IntegrityError, transaction

    services.post_entry(live_story, reporter, body="First.", pinned=True)
    with pytest.raises(IntegrityError), transaction.atomic():
        LiveEntry.objects.create(story=live_story, posted_at=live_story.first_published_at, author_name="x", pinned=True)


def test_editing_keeps_the_time_posted_and_marks_the_edit(live_story, reporter):
    entry = services.post_entry(live_story, reporter, body="Toll at 12.")
    posted_at = entry.posted_at
    services.edit_entry(entry, reporter, body="Toll at 14.", key_event=True)
    entry.refresh_from_db()
    assert entry.posted_at == posted_at and entry.edited_at and entry.key_event and "14" in entry.html


def test_each_entry_is_on_the_storys_timeline(live_story, reporter):
    entry = services.post_entry(live_story, reporter, title="Dam holds", body="The dam holds.")
    event = StoryEvent.objects.filter(page_id=live_story.pk, kind=StoryEvent.Kind.LIVE_ENTRY).get()
    assert event.detail == {"entry": entry.pk, "action": "posted", "title": "Dam holds"}


def test_only_who_may_edit_the_story_posts(live_story, outsider, reporter):
    with pytest.raises(PermissionDenied):
        services.post_entry(live_story, outsider, body="Not mine to post.")
    assert not LiveEntry.objects.exists()


def test_posting_needs_coverage_started(make_story, editor):
    story = make_story()
    with pytest.raises(ValidationError, match="no live coverage"):
        services.post_entry(story, editor, body="Too early.")


def test_editors_start_and_end_coverage_of_published_stories_only(make_story, editor, reporter):
    story = make_story()
    with pytest.raises(PermissionDenied):
        services.start_coverage(story, reporter)
    coverage = services.start_coverage(story, editor)
    assert coverage.state == LiveCoverage.State.LIVE and coverage.started_at
    ended = services.end_coverage(story, editor)
    assert ended.state == "ended" and ended.ended_at >= ended.started_at
    draft = make_story(publish=False)
    with pytest.raises(ValidationError, match="Publish the story first"):
        services.start_coverage(draft, editor)
