"""Per-edition feed settings: what an editor changes without a deploy."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

MIN_FEED_ITEMS = 5
MAX_FEED_ITEMS = 50


@register_setting(icon="doc-full")
class FeedSettings(BaseSiteSetting):
    """How an edition's RSS and Atom feeds read.

    Summary feeds (standfirst and picture) send readers to the site; full
    feeds carry the whole story for feed readers. The default is summary,
    as most newsrooms publish.
    """

    full_content = models.BooleanField(
        default=False,
        help_text="Put each story's full text in the feeds. Off: the standfirst and the picture only, with a link to the story.",
    )
    items = models.PositiveSmallIntegerField(
        default=20,
        validators=[MinValueValidator(MIN_FEED_ITEMS), MaxValueValidator(MAX_FEED_ITEMS)],
        help_text=f"How many of the latest stories each feed carries ({MIN_FEED_ITEMS}–{MAX_FEED_ITEMS}).",
    )

    panels = [FieldPanel("full_content"), FieldPanel("items")]

    class Meta:
        verbose_name = "feed settings"

    @property
    def item_count(self) -> int:
        """The number of items, kept within bounds even if the database holds something else."""
        return max(MIN_FEED_ITEMS, min(MAX_FEED_ITEMS, self.items or MIN_FEED_ITEMS))
