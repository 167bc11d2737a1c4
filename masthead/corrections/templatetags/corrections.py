"""The story page's corrections: the line under its dates and the notes at its foot (corrections/reading.py)."""

from __future__ import annotations

from datetime import datetime

from django import template

from masthead.corrections import reading

register = template.Library()


@register.simple_tag(takes_context=True)
def story_record(context) -> reading.StoryRecord:
    return reading.for_story(context["page"], context.get("request"))


@register.simple_tag(takes_context=True)
def note_date(context, moment: datetime | None) -> str:
    """``3 Dec 2026, 10:15 PKT`` in the edition's zone: short enough for a phone's line."""
    if moment is None:
        return ""
    return context["edition"].short_date(moment)
