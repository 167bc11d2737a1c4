"""Timeline entries for an editor's schedule: "scheduled for" and "schedule cancelled".

Connected once in ``ScheduleConfig.ready()``; runs inside the change's own transaction, so the entry commits
or rolls back with it. Publishing and unpublishing are written by the story-change pipeline
(``masthead/pipeline/changes.py``); the clock adds its details to those entries (``clock._on_timeline``).
"""

from __future__ import annotations

from django.db.models.signals import post_save
from wagtail.models import Revision, get_default_page_content_type

from masthead.schedule import timeline
from masthead.schedule.models import StoryEvent


def on_revision_saved(sender, instance: Revision, update_fields=None, **kwargs) -> None:
    """Wagtail schedules a revision (and cancels a schedule) by saving its ``approved_go_live_at`` alone."""
    if not update_fields or "approved_go_live_at" not in update_fields:
        return
    if instance.base_content_type_id != get_default_page_content_type().pk:
        return
    page_id = int(instance.object_id)
    if instance.approved_go_live_at is None:
        timeline.record(page_id, StoryEvent.Kind.UNSCHEDULED, {"revision": instance.pk})
    else:
        timeline.record(
            page_id,
            StoryEvent.Kind.SCHEDULED,
            {"scheduled_for": instance.approved_go_live_at.isoformat(), "revision": instance.pk},
        )


def connect() -> None:
    post_save.connect(on_revision_saved, sender=Revision, dispatch_uid="schedule.timeline.revision_saved")
