"""A story an edition has marked breaking: its banner runs on every page of the edition until it ends.

Rows are kept after they end (the editors' list of recent breaking stories);
at most one row per edition is open (``ended_at`` empty) at a time.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone


class BreakingStoryQuerySet(models.QuerySet):
    def open(self):
        """Not yet ended by an editor or the clock (its end time may have passed a moment ago)."""
        return self.filter(ended_at__isnull=True)

    def current(self, now=None):
        return self.open().filter(ends_at__gt=now or timezone.now())


class BreakingStory(models.Model):
    # The edition: the home page of the story's Site.
    home = models.ForeignKey("news.HomePage", on_delete=models.CASCADE, related_name="+")
    story = models.ForeignKey("news.ArticlePage", on_delete=models.CASCADE, related_name="+")
    # What the banner shows: the story's headline, followed when the story is republished with a new one.
    headline = models.CharField(max_length=255)
    started_at = models.DateTimeField(default=timezone.now)
    ends_at = models.DateTimeField()
    ended_at = models.DateTimeField(null=True, blank=True)
    set_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    ended_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    objects = BreakingStoryQuerySet.as_manager()

    class Meta:
        verbose_name = "breaking story"
        verbose_name_plural = "breaking stories"
        ordering = ["-started_at"]
        constraints = [
            models.UniqueConstraint(fields=["home"], condition=Q(ended_at__isnull=True), name="breaking_one_open_per_edition"),
        ]
        indexes = [models.Index(fields=["ends_at"], condition=Q(ended_at__isnull=True), name="breaking_open_ends_at")]

    def __str__(self) -> str:
        return self.headline

    @property
    def is_current(self) -> bool:
        return self.ended_at is None and self.ends_at > timezone.now()
