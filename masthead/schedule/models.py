from django.db import models
from django.utils import timezone


class StoryEvent(models.Model):
    """One line of a story's timeline: what happened to it and when (scheduled, published and how late, purged…).

    Kept by page id rather than a foreign key: a deleted story's record outlives it.
    """

    class Kind(models.TextChoices):
        SCHEDULED = "scheduled", "Scheduled"
        UNSCHEDULED = "unscheduled", "Schedule cancelled"
        PUBLISHED = "published", "Published"
        UNPUBLISHED = "unpublished", "Unpublished"
        MOVED = "moved", "Moved"
        DELETED = "deleted", "Deleted"
        KILLED = "killed", "Killed"
        EMBARGO_RELEASED = "embargo_released", "Released from embargo"
        API_CHANGE = "api_change", "API change recorded"
        PURGED = "purged", "Cached pages purged"
        WARMED = "warmed", "Pages rendered again"
        CDN_PURGED = "cdn_purged", "CDN purged"
        ALERT = "alert", "Alert sent"
        FAILED = "failed", "Failed"
        BREAKING = "breaking", "Marked breaking"
        BREAKING_ENDED = "breaking_ended", "Breaking banner ended"
        LIVE_ENTRY = "live_entry", "Live entry posted"
        NOTE_ADDED = "note_added", "Correction or note added"

    page_id = models.PositiveIntegerField(db_index=True)
    kind = models.CharField(max_length=32, choices=Kind.choices)
    at = models.DateTimeField(default=timezone.now)
    detail = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["page_id", "at", "pk"]
        indexes = [models.Index(fields=["page_id", "at"], name="schedule_event_page_at")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} at {self.at:%Y-%m-%d %H:%M:%S}"
