"""Reading corrections for listings: an edition's published notes, newest first, with their stories."""

from __future__ import annotations

from wagtail.models import Site

from masthead.corrections.models import StoryNote
from masthead.web.snapshot import holds_every_section, section_ids


def published_notes(site: Site):
    """Every note on the edition's live stories, by first publication, newest first (the ``published_at`` index)."""
    notes = StoryNote.objects.filter(story__live=True, published_at__isnull=False)
    if not holds_every_section(site):  # as news.querysets.in_edition: one edition filters nothing
        notes = notes.filter(story__section__in=section_ids(site))
    return notes.select_related("story").order_by("-published_at", "-pk")
