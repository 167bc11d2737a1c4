"""The write paths of live coverage: start and end it, post, edit, pin and delete entries.

Each write is one transaction whose save reaches the story-change pipeline
(pipeline/changes.py): the story's timeline and one purge task of the
story's live parts. Nothing here publishes the page.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from masthead.live import rendering
from masthead.live.models import LiveCoverage, LiveEntry

EMPTY_ENTRY = "The entry is empty: write its text (or add a picture, quote or embed)."


def can_post(story, user) -> bool:
    """Anyone who may edit the story (its Reporter among them) posts to its live coverage."""
    return bool(user and user.is_authenticated and story.permissions_for_user(user).can_edit())


def can_run_coverage(story, user) -> bool:
    """Starting and ending live coverage is an editor's call: whoever may publish the story."""
    return bool(user and user.is_authenticated and story.permissions_for_user(user).can_publish())


def author_name(user) -> str:
    return (user.get_full_name() or user.get_username()).strip()


@transaction.atomic
def start_coverage(story, user) -> LiveCoverage:
    if not can_run_coverage(story, user):
        raise PermissionDenied("Only an editor who may publish this story can start its live coverage.")
    if not story.live:
        raise ValidationError("Publish the story first: live coverage runs on a published story.")
    coverage, created = LiveCoverage.objects.select_for_update().get_or_create(
        story=story, defaults={"started_at": timezone.now(), "state": LiveCoverage.State.LIVE}
    )
    if not created and not coverage.is_live:
        coverage.state, coverage.ended_at = LiveCoverage.State.LIVE, None  # resumed: the start stays the first one
        coverage.save()
    return coverage


@transaction.atomic
def end_coverage(story, user) -> LiveCoverage:
    if not can_run_coverage(story, user):
        raise PermissionDenied("Only an editor who may publish this story can end its live coverage.")
    coverage = LiveCoverage.objects.select_for_update().filter(story=story).first()
    if coverage is None:
        raise ValidationError("This story has no live coverage to end.")
    if coverage.is_live:
        coverage.state, coverage.ended_at = LiveCoverage.State.ENDED, timezone.now()
        coverage.save()
    return coverage


def _check(story, user, body: list) -> None:
    if not can_post(story, user):
        raise PermissionDenied("You may not post to this story's live coverage.")
    if not body:
        raise ValidationError({"body": EMPTY_ENTRY})


def _pin(entry: LiveEntry, pinned: bool) -> None:
    # One pinned entry per story (a partial unique index holds it): pinning one unpins the other first.
    # An update, not a save, so the change makes one purge, the entry's own.
    if pinned:
        LiveEntry.objects.filter(story_id=entry.story_id, pinned=True).exclude(pk=entry.pk).update(pinned=False)
    entry.pinned = pinned


@transaction.atomic
def post_entry(story, user, *, title: str = "", body="", key_event: bool = False, pinned: bool = False) -> LiveEntry:
    """Post an entry now. ``body`` is plain text (paragraphs split on blank lines) or StreamField data."""
    blocks = rendering.body_from(body) if isinstance(body, str) else list(body)
    _check(story, user, blocks)
    # Entries of one story are posted one at a time (the pin above all), and only to coverage an editor started.
    if LiveCoverage.objects.select_for_update().filter(story=story).first() is None:
        raise ValidationError("This story has no live coverage: an editor starts it from the story's page in the admin.")
    entry = LiveEntry(
        story=story,
        posted_at=timezone.now(),
        author=user,
        author_name=author_name(user),
        title=(title or "").strip(),
        body=blocks,
        key_event=key_event,
    )
    rendering.render(entry)
    _pin(entry, pinned)
    entry.save()
    return entry


@transaction.atomic
def edit_entry(entry: LiveEntry, user, *, title: str = "", body="", key_event: bool = False, pinned: bool = False) -> LiveEntry:
    blocks = rendering.body_from(body) if isinstance(body, str) else list(body)
    _check(entry.story, user, blocks)
    entry.title, entry.body, entry.key_event = (title or "").strip(), blocks, key_event
    entry.edited_at = timezone.now()
    rendering.render(entry)
    _pin(entry, pinned)
    entry.save()
    return entry


@transaction.atomic
def set_pinned(entry: LiveEntry, user, pinned: bool) -> LiveEntry:
    if not can_post(entry.story, user):
        raise PermissionDenied("You may not change this story's live coverage.")
    _pin(entry, pinned)
    entry.save(update_fields=["pinned"])
    return entry


@transaction.atomic
def delete_entry(entry: LiveEntry, user) -> None:
    if not can_post(entry.story, user):
        raise PermissionDenied("You may not change this story's live coverage.")
    entry.delete()
