"""The app API's record of what changed when: the delta sync and its tombstones read it."""

from __future__ import annotations

from django.db import models


class ArticleChange(models.Model):
    """The latest change to each story ever published: one row per story, kept after it is deleted.

    Apps sync with ``GET /api/v1/articles?updated_since=…``. Wagtail's
    ``last_published_at`` is not indexed and is lost when a story is deleted,
    so the API keeps its own small table, written by signal handlers
    (``masthead.api.changelog``, called by the story-change pipeline) on publish, unpublish, move and delete:
    ``live`` rows are updates, the others tombstones. A range on
    ``changed_at`` answers a sync in time proportional to what changed.
    """

    class Reason(models.TextChoices):
        PUBLISHED = "published"
        MOVED = "moved"
        UNPUBLISHED = "unpublished"
        DELETED = "deleted"

    # Not a foreign key: a deleted story's row must outlive it.
    article_id = models.BigIntegerField(unique=True)
    # The tree path (scopes a row to its edition) and URL path at the time of the change.
    path = models.CharField(max_length=255)
    url_path = models.TextField()
    live = models.BooleanField()
    reason = models.CharField(max_length=16, choices=Reason.choices)
    changed_at = models.DateTimeField()

    class Meta:
        indexes = [models.Index(fields=["changed_at", "article_id"], name="api_change_sync")]

    def __str__(self) -> str:
        return f"article {self.article_id} {self.reason} at {self.changed_at:%Y-%m-%d %H:%M}"
