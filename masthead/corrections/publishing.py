"""The corrections step of the story-change pipeline (called from ``pipeline/changes.py``, in the change's transaction).

On each publish of a story: date the notes going live for the first time
(the time readers first see them, unless an editor set one), write
``NOTE_ADDED`` on the story's timeline, and move the story's "changed for
readers" time only if what readers see is different. Returns what else to
purge: the edition's ``/corrections/`` page and feed when the story's notes
are, or were, listed there.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from masthead.corrections import purge as corrections_purge
from masthead.corrections.fingerprint import reader_fingerprint
from masthead.corrections.models import ReaderVersion, StoryNote
from masthead.pagecache.purge import PurgeSet
from masthead.schedule import timeline
from masthead.schedule.models import StoryEvent


@transaction.atomic  # the change's own transaction (a savepoint), or its own when the publish ran without one
def story_published(story) -> PurgeSet:
    now = story.last_published_at or timezone.now()
    # Locks the story's row of the table: two publishes of one story (they already queue on the page row) in order.
    version = ReaderVersion.objects.select_for_update().filter(story_id=story.pk).first()
    known = dict(version.note_times) if version else {}
    notes = list(StoryNote.objects.filter(story_id=story.pk).order_by("sort_order", "pk"))
    for note in notes:
        first = parse_datetime(known[note.identity]) if note.identity in known else None
        if note.published_at is None or (first and note.published_at != first):
            note.published_at = first or note.published_at or now
            StoryNote.objects.filter(pk=note.pk).update(published_at=note.published_at)
        if first is None:
            # "message" is what the desk's timeline shows beside the event (schedule/timeline.py).
            detail = {"note": note.identity, "kind": note.kind, "message": f"{note.get_kind_display()}: {note.text[:200]}"}
            timeline.record(story.pk, StoryEvent.Kind.NOTE_ADDED, detail)
    times = {note.identity: note.published_at.isoformat() for note in notes}
    fingerprint = reader_fingerprint(story, notes)
    if version is None:
        ReaderVersion.objects.create(story_id=story.pk, fingerprint=fingerprint, changed_at=now, note_times=times)
    elif version.fingerprint != fingerprint or version.note_times != times:
        if version.fingerprint != fingerprint:
            version.changed_at = now
        version.fingerprint, version.note_times = fingerprint, times
        version.save(update_fields=["fingerprint", "changed_at", "note_times"])
    listed_before = bool(known)
    if notes or listed_before:
        return corrections_purge.for_story(story)
    return PurgeSet()


def story_withdrawn(story) -> PurgeSet:
    """Unpublished or deleted: its notes leave ``/corrections/``."""
    if StoryNote.objects.filter(story_id=story.pk).exists():
        return corrections_purge.for_story(story)
    return PurgeSet()
