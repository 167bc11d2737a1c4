"""``{% breaking_banner %}``: the edition's breaking-news banner, on every page of the edition, full and lite."""

from __future__ import annotations

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from masthead.breaking.current import banner_for
from masthead.web.lite import lite_url

register = template.Library()


def cache_tag(home_id: int) -> str:
    """The page-cache tag of every page that shows (or would show) an edition's banner."""
    return f"breaking-{home_id}"


@register.simple_tag(takes_context=True)
def breaking_banner(context) -> SafeString | str:
    """The banner, or nothing; either way the page is filed under the edition's tag, so setting one purges it."""
    request = context.get("request")
    data = getattr(request, "edition_data", None)
    if data is None:
        return ""
    home = data.home
    tags = getattr(request, "cache_tags", None)
    if tags is None:
        tags = request.cache_tags = set()
    tags.add(cache_tag(home.pk))
    banner = banner_for(home)
    if banner is None:
        return ""
    url = lite_url(banner.path) if context.get("lite") else banner.path
    here = getattr(context.get("page"), "pk", None) == banner.story.pk
    return format_html(
        '<aside class="breaking" aria-label="{}"><p><strong class="breaking__label">{}</strong> <a href="{}"{}>{}</a></p></aside>',
        gettext("Breaking news"),
        gettext("Breaking"),
        url,
        mark_safe(' aria-current="page"') if here else "",
        banner.headline,
    )
