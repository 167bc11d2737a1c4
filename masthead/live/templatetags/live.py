"""The live part of a story page: one tag the article template includes."""

from __future__ import annotations

from django import template
from django.template.loader import render_to_string

from masthead.live import readers

register = template.Library()


@register.simple_tag(takes_context=True)
def live_coverage(context) -> str:
    """Key events, the pinned entry and the entries of a live story; nothing for any other story."""
    page, request = context.get("page"), context.get("request")
    if page is None or request is None:
        return ""
    view = readers.for_page(page, request)
    if view is None:
        return ""
    # Filed under the live tag too, so whatever purges the story's live parts reaches every page of them.
    tags = getattr(request, "cache_tags", None)
    if tags is None:
        tags = request.cache_tags = set()
    tags.add(f"live-{page.pk}")
    flat = context.flatten()
    flat.update({"live": view, "story": page})
    return render_to_string("live/story.html", flat, request=None)


@register.simple_tag(takes_context=True)
def entry_time(context, moment) -> str:
    """An entry's time as the edition's clock reads it: ``14:05`` today, ``28 Nov 14:05`` before."""
    edition = context.get("edition")
    if moment is None or edition is None:
        return ""
    return edition.clock_time(moment)
