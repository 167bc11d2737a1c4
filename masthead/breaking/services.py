"""The writes: mark a story breaking, change its end, end it. Used by the admin, the clock, the demo and tests.

Each runs in one transaction that locks the edition's open row, so two
editors marking at once leave one open row, and sends ``breaking_changed``
inside it: the pipeline (pipeline/changes.py) records the timeline, bumps
the edition memo and enqueues the purge in that same transaction.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from masthead.breaking.models import BreakingStory
from masthead.breaking.signals import breaking_changed


def default_end(now: datetime | None = None) -> datetime:
    return (now or timezone.now()) + timedelta(minutes=settings.BREAKING_DEFAULT_MINUTES)


def edition_of(story):
    """The HomePage of the edition a story is published in (its Site's root), or None."""
    from masthead.news.models import HomePage

    return HomePage.objects.filter(path__in=[story.path[:i] for i in range(4, len(story.path), 4)]).order_by("-depth").first()


def mark(story, *, ends_at: datetime, user=None, now: datetime | None = None) -> BreakingStory:
    """Make a live story its edition's breaking story until ``ends_at``; one already breaking there ends now."""
    now = now or timezone.now()
    if not story.live:
        raise ValidationError("Only a published story can be breaking: publish it first.")
    _check_end(ends_at, now)
    home = edition_of(story)
    if home is None:
        raise ValidationError("This story is not in an edition.")
    with transaction.atomic():
        previous = BreakingStory.objects.select_for_update().open().filter(home=home).first()
        if previous is not None:
            _end(previous, user=user, now=now, replaced_by=story)
        row = BreakingStory.objects.create(
            home=home, story=story, headline=story.title, started_at=now, ends_at=ends_at, set_by=user
        )
        breaking_changed.send(sender=BreakingStory, instance=row, ended=False, change="marked")
    return row


def change_end(row: BreakingStory, *, ends_at: datetime, user=None, now: datetime | None = None) -> BreakingStory:
    now = now or timezone.now()
    _check_end(ends_at, now)
    with transaction.atomic():
        row = _lock_open(row)
        row.ends_at = ends_at
        row.save(update_fields=["ends_at"])
        breaking_changed.send(sender=BreakingStory, instance=row, ended=False, change="end changed")
    return row


def end(row: BreakingStory, *, user=None, now: datetime | None = None) -> BreakingStory:
    """End it now (an editor's "End now", or the clock at its end time)."""
    with transaction.atomic():
        row = _lock_open(row)
        _end(row, user=user, now=now or timezone.now())
    return row


def follow_headline(story) -> None:
    """A breaking story republished with a new headline: the banner follows it."""
    with transaction.atomic():
        for row in BreakingStory.objects.select_for_update().open().filter(story=story).exclude(headline=story.title):
            row.headline = story.title
            row.save(update_fields=["headline"])
            breaking_changed.send(sender=BreakingStory, instance=row, ended=False, change="headline")


def end_for_story(story, *, user=None) -> None:
    """A breaking story unpublished or deleted: its banner goes with it."""
    with transaction.atomic():
        for row in BreakingStory.objects.select_for_update().open().filter(story_id=story.pk):
            _end(row, user=user, now=timezone.now())


def _lock_open(row: BreakingStory) -> BreakingStory:
    locked = BreakingStory.objects.select_for_update().filter(pk=row.pk).first()
    if locked is None or locked.ended_at is not None:
        raise ValidationError("This story is no longer breaking: it has already ended.")
    return locked


def _end(row: BreakingStory, *, user, now: datetime, replaced_by=None) -> None:
    row.ended_at = min(now, row.ends_at)
    row.ended_by = user
    row.save(update_fields=["ended_at", "ended_by"])
    change = "replaced" if replaced_by is not None else "ended"
    breaking_changed.send(sender=BreakingStory, instance=row, ended=True, change=change)


def _check_end(ends_at: datetime, now: datetime) -> None:
    if ends_at <= now:
        raise ValidationError("The end time has passed: choose a time in the future.")
