"""The publishing clock in one process: due stories go live once, with their lateness, and nothing early."""

from __future__ import annotations

import logging
import statistics
import time
from datetime import timedelta
from unittest import mock

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import PageLogEntry, Revision

from masthead.news.models import ArticlePage
from masthead.schedule import clock, timeline
from masthead.schedule.models import StoryEvent
from tests.schedule.conftest import schedule, time_passes


def kinds(story) -> list[str]:
    return [event.kind for event in timeline.of(story.pk)]


def clock_entry(page_id: int, kind: str = StoryEvent.Kind.PUBLISHED) -> StoryEvent:
    """The timeline entry of the clock's publish (or unpublish): one, with the clock's details."""
    return StoryEvent.objects.get(page_id=page_id, kind=kind, detail__by="clock")


def publishes(story) -> int:
    return PageLogEntry.objects.filter(page_id=story.pk, action="wagtail.publish.scheduled").count()


def test_a_story_is_not_published_before_its_time(draft):
    story = draft()
    schedule(story, timezone.now() + timedelta(hours=1))
    report = clock.tick()
    assert report.published == 0
    assert not ArticlePage.objects.get(pk=story.pk).live
    # Wagtail sends "published" for a schedule too: nothing may say the story went live before it did.
    assert kinds(story) == [StoryEvent.Kind.SCHEDULED]


def test_a_due_story_is_published_once_and_its_timeline_says_when_it_was_due(draft):
    story = draft()
    revision = schedule(story, timezone.now() + timedelta(hours=1))
    due = timezone.now() - timedelta(seconds=2)
    time_passes(revision, due)

    assert clock.tick().published == 1
    assert clock.tick().published == 0  # done is done

    story = ArticlePage.objects.get(pk=story.pk)
    assert story.live and story.live_revision_id == revision.pk
    assert publishes(story) == 1
    assert Revision.objects.get(pk=revision.pk).approved_go_live_at is None
    events = timeline.of(story.pk)
    scheduled, published = events[0], clock_entry(story.pk)
    assert scheduled.kind == StoryEvent.Kind.SCHEDULED and scheduled.detail["revision"] == revision.pk
    assert events.index(scheduled) < events.index(published)
    assert published.detail["by"] == "clock" and published.detail["scheduled_for"] == due.isoformat()
    assert 2 <= published.detail["lateness_seconds"] < 30 and published.detail["late"] is False


def test_after_downtime_overdue_stories_publish_at_the_first_tick_and_are_reported_late(draft, caplog):
    stories = [draft(title=f"Overnight story {n}") for n in range(3)]
    for n, story in enumerate(stories):
        time_passes(schedule(story, timezone.now() + timedelta(hours=1)), timezone.now() - timedelta(minutes=30 + n))
    assert [row.page_id for row in clock.overdue()] == [s.pk for s in reversed(stories)]  # most overdue first

    with caplog.at_level(logging.WARNING, logger="masthead.schedule.clock"):
        report = clock.tick()

    assert (report.published, report.late) == (3, 3)
    assert all(ArticlePage.objects.get(pk=s.pk).live for s in stories)
    assert clock.overdue() == []
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 3 and all("late" in w for w in warnings)
    published = clock_entry(stories[0].pk)
    assert published.detail["late"] is True and 30 * 60 <= published.detail["lateness_seconds"] < 31 * 60
    line = next(line for line in timeline.lines(stories[0].pk) if line.label == "Published by the clock")
    assert line.late and line.note.startswith("30 min") and "late" in line.note


def test_overdue_lists_what_is_more_than_a_minute_past_its_time(draft, make_story):
    soon, late, unpublish = draft(title="Due a moment ago"), draft(title="Due five minutes ago"), make_story(title="Live")
    time_passes(schedule(soon, timezone.now() + timedelta(hours=1)), timezone.now() - timedelta(seconds=20))
    time_passes(schedule(late, timezone.now() + timedelta(hours=1)), timezone.now() - timedelta(minutes=5))
    ArticlePage.objects.filter(pk=unpublish.pk).update(expire_at=timezone.now() - timedelta(minutes=2))
    rows = clock.overdue()
    assert [(row.page_id, row.action) for row in rows] == [(late.pk, "publish"), (unpublish.pk, "unpublish")]
    assert rows[0].title == "Due five minutes ago" and rows[0].overdue_by >= timedelta(minutes=5)


def test_a_story_comes_down_at_its_expiry_once(make_story):
    story = make_story(title="Offer ends at noon")
    ArticlePage.objects.filter(pk=story.pk).update(expire_at=timezone.now() - timedelta(seconds=1))
    assert clock.tick().unpublished == 1
    assert clock.tick().unpublished == 0
    story = ArticlePage.objects.get(pk=story.pk)
    assert not story.live and story.expired
    assert PageLogEntry.objects.filter(page_id=story.pk, action="wagtail.unpublish.scheduled").count() == 1
    assert "scheduled_for" in clock_entry(story.pk, StoryEvent.Kind.UNPUBLISHED).detail


def test_a_publish_that_fails_keeps_its_schedule_and_is_tried_again(draft, caplog):
    story = draft()
    revision = schedule(story, timezone.now() + timedelta(hours=1))
    time_passes(revision, timezone.now() - timedelta(seconds=1))
    with mock.patch.object(Revision, "publish", side_effect=RuntimeError("disk full")):
        report = clock.tick()
    assert (report.published, report.failed) == (0, 1)
    assert Revision.objects.get(pk=revision.pk).approved_go_live_at is not None  # the claim rolled back
    assert not ArticlePage.objects.get(pk=story.pk).live
    assert clock.tick().published == 0  # not retried at once: every tick would fail the same way
    clock._failed.clear()  # a minute later
    assert clock.tick().published == 1
    assert ArticlePage.objects.get(pk=story.pk).live


def test_cancelling_a_schedule_is_on_the_timeline(draft):
    story = draft()
    revision = schedule(story, timezone.now() + timedelta(hours=1))
    revision.approved_go_live_at = None
    revision.save(update_fields=["approved_go_live_at"])  # what the admin's "Cancel scheduled publish" does
    assert [k for k in kinds(story) if "scheduled" in k] == [StoryEvent.Kind.SCHEDULED, StoryEvent.Kind.UNSCHEDULED]
    assert clock.tick().published == 0


def test_publish_scheduled_is_the_clock(draft):
    story = draft(title="Published by cron")
    time_passes(schedule(story, timezone.now() + timedelta(hours=1)), timezone.now() - timedelta(seconds=5))
    from io import StringIO

    out = StringIO()
    call_command("publish_scheduled", "--dryrun", stdout=out)
    assert "Published by cron" in out.getvalue() and not ArticlePage.objects.get(pk=story.pk).live
    out = StringIO()
    call_command("publish_scheduled", stdout=out)
    assert "published 1" in out.getvalue()
    assert ArticlePage.objects.get(pk=story.pk).live
    assert clock_entry(story.pk).detail["by"] == "clock"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_ticking_every_second_puts_a_story_live_within_five_seconds_of_its_time(draft):
    """Real time: ten stories due over the next five seconds, the clock ticking once a second as a worker does."""
    start = timezone.now() + timedelta(seconds=2)
    due = {}
    for n in range(10):
        story = draft(title=f"On the hour {n}")
        due[story.pk] = start + timedelta(seconds=n * 0.5)
        schedule(story, due[story.pk])
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and ArticlePage.objects.filter(pk__in=due, live=True).count() < len(due):
        clock.tick()
        time.sleep(1)
    live = dict(ArticlePage.objects.filter(pk__in=due, live=True).values_list("pk", "last_published_at"))
    assert set(live) == set(due)
    lateness = sorted((live[pk] - due[pk]).total_seconds() for pk in due)
    print(f"lateness over {len(lateness)} stories: median {statistics.median(lateness):.2f} s, max {max(lateness):.2f} s")
    assert lateness[0] >= 0  # never early
    assert lateness[-1] <= 5
