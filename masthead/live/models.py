"""Live coverage: a mode of a story (it stays an ArticlePage in every listing, feed and API list), and its entries.

Entries are not page revisions: posting one never publishes the page, it
only reaches readers through the story's live parts (its page, ``live.json``,
its live feed and its API detail). Each entry's HTML is rendered once when it
is written (rendering.py), so a page or a poll costs the same with two
hundred entries as with one.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from wagtail.fields import StreamField

from masthead.news.blocks import ArticleBodyBlock


class LiveCoverage(models.Model):
    class State(models.TextChoices):
        LIVE = "live", "Live"
        ENDED = "ended", "Ended"

    story = models.OneToOneField("news.ArticlePage", on_delete=models.CASCADE, related_name="live_coverage")
    state = models.CharField(max_length=8, choices=State.choices, default=State.LIVE)
    started_at = models.DateTimeField()
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name_plural = "live coverage"

    def __str__(self) -> str:
        return f"Live coverage of {self.story_id} ({self.state})"

    @property
    def is_live(self) -> bool:
        return self.state == self.State.LIVE


class LiveEntry(models.Model):
    story = models.ForeignKey("news.ArticlePage", on_delete=models.CASCADE, related_name="live_entries")
    posted_at = models.DateTimeField(db_index=False)
    edited_at = models.DateTimeField(null=True, blank=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    # The name readers see, kept as it was when posted: a reporter who leaves keeps their byline.
    author_name = models.CharField(max_length=150)
    title = models.CharField(max_length=200, blank=True)
    body = StreamField(ArticleBodyBlock(), blank=True)
    html = models.TextField(editable=False, default="")
    lite_html = models.TextField(editable=False, default="")
    key_event = models.BooleanField(default=False)
    pinned = models.BooleanField(default=False)

    class Meta:
        verbose_name_plural = "live entries"
        indexes = [models.Index(fields=["story", "-posted_at", "-id"], name="live_entry_story_newest")]
        constraints = [
            models.UniqueConstraint(fields=["story"], condition=models.Q(pinned=True), name="live_entry_one_pinned_per_story")
        ]

    def __str__(self) -> str:
        return self.title or f"Entry {self.pk} of story {self.story_id}"

    @property
    def anchor(self) -> str:
        return f"entry-{self.pk}"
