"""A live story's JSON-LD: schema.org ``LiveBlogPosting``, as search engines read live coverage."""

from __future__ import annotations

from collections.abc import Callable

from django.utils.html import strip_tags

from masthead.live import readers

RECENT_UPDATES = 10  # liveBlogUpdate holds the newest few: the page's head is read by every crawler


def live_blog_posting(request, page, article: dict, moment: Callable) -> None:
    """Turn the story's ``NewsArticle`` into a ``LiveBlogPosting`` when it has live coverage (in place)."""
    view = readers.for_page(page, request)
    if view is None:
        return
    canonical = article["url"]
    article["@type"] = "LiveBlogPosting"
    article["coverageStartTime"] = moment(view.coverage.started_at)
    if view.coverage.ended_at:
        article["coverageEndTime"] = moment(view.coverage.ended_at)
    article["dateModified"] = max(article.get("dateModified", ""), moment(view.updated))
    article["liveBlogUpdate"] = [
        {
            "@type": "BlogPosting",
            "@id": f"{canonical}#entry-{entry.pk}",
            "url": f"{canonical}#entry-{entry.pk}",
            "headline": entry.title or strip_tags(entry.html)[:110],
            "datePublished": moment(entry.posted_at),
            **({"dateModified": moment(entry.edited_at)} if entry.edited_at else {}),
            "author": {"@type": "Person", "name": entry.author_name},
            "articleBody": strip_tags(entry.html),
        }
        for entry in view.listing.items[:RECENT_UPDATES]
    ]
