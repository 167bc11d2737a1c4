"""Where each section's deep listing pages begin (see ``masthead.news.positions``)."""

from __future__ import annotations

from django.db import models


class SectionAnchor(models.Model):
    """One story of a section and its position counted from the section's oldest listed story."""

    section = models.ForeignKey("news.SectionPage", on_delete=models.CASCADE, related_name="+")
    position = models.PositiveIntegerField()
    published_at = models.DateTimeField()
    story_pk = models.IntegerField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["section", "position"], name="news_sectionanchor_position")]

    def __str__(self) -> str:
        return f"{self.section_id} #{self.position}"

    @property
    def key(self) -> tuple:
        return (self.published_at, self.story_pk)
