"""Bidi isolation for text a template drops into a sentence that may run the other way.

A Latin name or a number inside Urdu (or an Urdu name inside English) is
laid out by the Unicode bidi algorithm together with its neighbours unless it
is isolated: "از Reuters، AFP" can come out as "از AFP ،Reuters", a query
ending in punctuation loses its closing quote to the wrong side. ``<bdi>``
gives the inserted text its own direction (from its first strong letter) and
keeps it from reordering the words around it.
"""

from __future__ import annotations

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

register = template.Library()


@register.filter
def isolate(value) -> SafeString | str:
    """``value`` (escaped) inside ``<bdi>``; nothing for an empty value."""
    if value in (None, ""):
        return ""
    return format_html("<bdi>{}</bdi>", value)
