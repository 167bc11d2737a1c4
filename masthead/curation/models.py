"""A front page's slots: the stories an editor places at its top, in order, the first as its lead.

Slots are children of the page (``ParentalKey``), so placing a story is an
edit of the page: a revision that can be saved as a draft, reviewed,
scheduled and published like any other, and undone from its history.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.models import Orderable


class SlotQuerySet(models.QuerySet):
    def showing(self, now=None):
        """Slots readers see now: the story is live and the pin, if any, has not run out."""
        now = now or timezone.now()
        return self.filter(story__live=True, story__published_at__isnull=False).filter(
            models.Q(pinned_until__isnull=True) | models.Q(pinned_until__gt=now)
        )


class FrontSlot(Orderable):
    story = models.ForeignKey("news.ArticlePage", on_delete=models.CASCADE, related_name="+")
    pinned_until = models.DateTimeField(
        null=True, blank=True, help_text="Optional. After this time the story leaves its slot and the page fills itself again."
    )
    # Set by the clock once the page has been purged for this pin's end (expiry.py), so that happens once.
    expiry_purged = models.BooleanField(default=False, editable=False)

    panels = [PageChooserPanel("story", "news.ArticlePage"), FieldPanel("pinned_until")]

    objects = SlotQuerySet.as_manager()

    class Meta(Orderable.Meta):
        abstract = True

    def __str__(self) -> str:
        return f"{self.story} on {self.page}"

    def clean(self) -> None:
        super().clean()
        story, page = self.story if self.story_id else None, self.page if self.page_id else None
        if story is None:
            return
        if not story.live:
            raise ValidationError(
                {"story": f"“{story.title}” is not published: only live stories can be placed on a front page."}
            )
        if page is not None and not self.belongs(story, page):
            raise ValidationError({"story": f"“{story.title}” is not a story of {self.where(page)}."})


class HomeSlot(FrontSlot):
    """A story placed on an edition's home page. Any live story of the edition may go here."""

    page = ParentalKey("news.HomePage", on_delete=models.CASCADE, related_name="front_slots")

    class Meta(FrontSlot.Meta):
        verbose_name = "home page slot"
        indexes = [
            models.Index(
                fields=["pinned_until"],
                name="curation_home_pin_due",
                condition=models.Q(expiry_purged=False, pinned_until__isnull=False),
            )
        ]

    @staticmethod
    def belongs(story, page) -> bool:
        return story.path.startswith(page.path)

    @staticmethod
    def where(page) -> str:
        return "this edition"


class SectionSlot(FrontSlot):
    """A story placed on a section page. Only the section's own live stories may go here."""

    page = ParentalKey("news.SectionPage", on_delete=models.CASCADE, related_name="front_slots")

    class Meta(FrontSlot.Meta):
        verbose_name = "section page slot"
        indexes = [
            models.Index(
                fields=["pinned_until"],
                name="curation_section_pin_due",
                condition=models.Q(expiry_purged=False, pinned_until__isnull=False),
            )
        ]

    @staticmethod
    def belongs(story, page) -> bool:
        return story.section_id == page.pk

    @staticmethod
    def where(page) -> str:
        return f"the {page.title} section"
