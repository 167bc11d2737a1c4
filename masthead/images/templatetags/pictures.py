"""``{% responsive_picture story.hero_image "hero" alt="…" loading="lazy" %}``: see ``images/responsive.py``."""

from __future__ import annotations

from django import template
from django.utils.safestring import SafeString

from masthead.images.responsive import picture_html

register = template.Library()


@register.simple_tag
def responsive_picture(picture, slot: str, alt: str = "", **attributes) -> SafeString:
    if picture is None:
        return SafeString("")
    return picture_html(picture, slot, alt=alt or "", **attributes)
