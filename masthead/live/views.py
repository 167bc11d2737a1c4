"""Readers' live endpoints: the poll (``<story>/live.json``) and the live feed (``<story>/live.xml``).

Both are plain cached pages: the page cache stores them (tags ``article-<id>``
and ``live-<id>``), the app's fast path and nginx answer them with their
ETag and 304, and each new entry purges them (purge.py). They hold nothing
of the reader's, so a thousand readers polling cost one render per entry.
"""

from __future__ import annotations

import json

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils.feedgenerator import Rss201rev2Feed
from wagtail import hooks

from masthead.live import readers
from masthead.pagecache.middleware import seconds_until_midnight

# Browsers and shared caches keep a poll briefly; readers' scripts revalidate every time (cache: "no-cache"),
# and the purge on each entry is what keeps it fresh.
POLL_MAX_AGE = 5


def story_at(request: HttpRequest, story_path: str):
    """The live, readable story at ``story_path`` of the request's edition, or 404."""
    from masthead.news.models import ArticlePage
    from masthead.web.edition import Edition

    data = getattr(request, "edition_data", None)
    if data is not None:
        home = data.home
    else:
        edition = Edition.for_request(request)
        if edition is None:
            raise Http404
        home = edition.site.root_page.specific
    page, args, kwargs = home.route(request, [part for part in story_path.split("/") if part])
    if not isinstance(page, ArticlePage) or not page.live:
        raise Http404
    for hook in hooks.get_hooks("before_serve_page"):  # view restrictions, as the story's own page
        if isinstance(hook(page, request, args, kwargs), HttpResponse):
            raise Http404
    return page


def _cached(request: HttpRequest, response: HttpResponse, story, zone: str) -> HttpResponse:
    ttl = min(settings.PAGECACHE_TTL, seconds_until_midnight(zone))  # entry times say "today"
    response["Cache-Control"] = f"public, max-age={POLL_MAX_AGE}"
    response["X-Cache-TTL"] = str(ttl)
    response["X-Cache-Tags"] = f"article-{story.pk} live-{story.pk}"
    return response


def live_json(request: HttpRequest, story_path: str) -> HttpResponse:
    story = story_at(request, story_path)
    view = readers.live_view(story, request, paginated=False)
    if view is None:
        raise Http404
    request.lite = False
    context = {"request": request}

    def html(entry) -> str:
        return render_to_string("live/entry.html", {"entry": entry, **context}, request=request)

    entries = view.listing.items
    body = {
        "state": view.coverage.state,
        "updated": view.updated.isoformat(timespec="seconds"),
        "entries": [
            {
                "id": entry.pk,
                "posted_at": entry.posted_at.isoformat(timespec="seconds"),
                "title": entry.title,
                "key_event": entry.key_event,
                "pinned": entry.pinned,
                "author": entry.author_name,
                "html": html(entry),
            }
            for entry in entries
        ],
        "key_events": [
            {"id": entry.pk, "title": entry.title, "posted_at": entry.posted_at.isoformat(timespec="seconds")}
            for entry in view.key_events
        ],
    }
    response = HttpResponse(json.dumps(body, ensure_ascii=False, separators=(",", ":")), content_type="application/json")
    return _cached(request, response, story, _zone(request))


def live_feed(request: HttpRequest, story_path: str) -> HttpResponse:
    """The story's entries as RSS, newest first: a story's feed item stays the story; this follows its updates."""
    story = story_at(request, story_path)
    view = readers.live_view(story, request, paginated=False)
    if view is None:
        raise Http404
    link = request.build_absolute_uri(request.path.removesuffix("live.xml"))
    feed = Rss201rev2Feed(
        title=f"{story.title}: live updates", link=link, description=story.standfirst or story.title, language="en"
    )
    for entry in view.listing.items:
        feed.add_item(
            title=entry.title or f"Update at {entry.posted_at:%H:%M} UTC",
            link=f"{link}#entry-{entry.pk}",
            unique_id=f"{link}#entry-{entry.pk}",
            description=entry.lite_html,
            author_name=entry.author_name,
            pubdate=entry.posted_at,
            updateddate=entry.edited_at or entry.posted_at,
        )
    response = HttpResponse(feed.writeString("utf-8"), content_type="application/rss+xml; charset=utf-8")
    return _cached(request, response, story, _zone(request))


def _zone(request: HttpRequest) -> str:
    from masthead.pagecache.middleware import _zone as edition_zone

    return edition_zone(request)
