"""Template tags for the channels a page points to: structured data, feed links, the installable app."""

from __future__ import annotations

from django import template
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from masthead.feeds.structured_data import article_metadata as build_article_metadata
from masthead.feeds.structured_data import listing_metadata as build_listing_metadata
from masthead.feeds.structured_data import metadata_html
from masthead.news import scopes

register = template.Library()


@register.simple_tag(takes_context=True)
def article_metadata(context) -> SafeString:
    """Canonical and hreflang links, Open Graph and Twitter meta, and JSON-LD for an article page."""
    request, edition = context.get("request"), context.get("edition")
    if request is None or getattr(edition, "site", None) is None:  # e.g. a preview outside any edition
        return mark_safe("")
    metadata = build_article_metadata(request, edition, context["page"], context.get("authors", []), context.get("tags", []))
    return metadata_html(metadata)


@register.simple_tag(takes_context=True)
def listing_metadata(context, title: str, description: str = "") -> SafeString:
    """Canonical link, Open Graph and Twitter meta, and JSON-LD for a listing: the front page, a section, a tag…"""
    request, edition = context.get("request"), context.get("edition")
    if request is None or getattr(edition, "site", None) is None:
        return mark_safe("")
    listing = context.get("listing")
    if listing is not None:
        stories, number, is_front = listing.items, listing.number, False
    else:
        stories, number, is_front = _front_page_stories(context), 1, bool(context.get("is_front"))
    metadata = build_listing_metadata(
        request,
        edition,
        title=title,
        description=description or "",
        stories=stories,
        page_number=number,
        is_front=is_front,
        page=_translatable_page(context),
    )
    return metadata_html(metadata)


def _translatable_page(context):
    """The home or section page a listing is, whose translations in other editions get ``hreflang`` links."""
    from masthead.news.models import HomePage, SectionPage

    page = context.get("page")
    return page if isinstance(page, (HomePage, SectionPage)) and page.pk else None


def _front_page_stories(context) -> list:
    """The front page's stories in the order it shows them, each once."""
    shown = [context.get("lead")] + [story for _, stories in context.get("top_by_section", []) for story in stories]
    shown += context.get("latest", [])
    seen, stories = set(), []
    for story in shown:
        if story is not None and story.pk not in seen:
            seen.add(story.pk)
            stories.append(story)
    return stories


@register.inclusion_tag("feeds/feed_links.html", takes_context=True)
def feed_links(context):
    """Feed autodiscovery: the edition's feeds, and the feed of the section or listing being read."""
    from masthead.news.models import ArticlePage, SectionPage

    request = context.get("request")
    edition = context.get("edition")
    if request is None or getattr(edition, "site", None) is None:
        return {"links": []}
    name = edition.name
    links = [
        ("application/rss+xml", name, "/feed/"),
        ("application/atom+xml", gettext("%(name)s (Atom)") % {"name": name}, "/feed/atom/"),
    ]
    page = context.get("page")
    section = (
        page if isinstance(page, SectionPage) else (page.section if isinstance(page, ArticlePage) and page.section_id else None)
    )
    match = getattr(request, "resolver_match", None)
    if section is not None:
        from masthead.feeds.links import site_path

        links.append(("application/rss+xml", f"{section.title} | {name}", f"{site_path(edition.site, section.url_path)}feed/"))
    elif match is not None and match.view_name in scopes.BY_PAGE_URL_NAME and context.get("heading"):
        feed = scopes.BY_PAGE_URL_NAME[match.view_name].feed_url(match.kwargs["slug"])
        links.append(("application/rss+xml", f"{context['heading']} | {name}", feed))
    return {"links": links}
