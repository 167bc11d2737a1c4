"""A story's live coverage in the app API's article detail: its state and newest entries."""

from __future__ import annotations

from masthead.live import readers


def detail_fields(reader, story) -> dict:
    """``live`` (null for a story without live coverage) and ``entries``, newest first, as the page's first page."""
    from masthead.feeds.links import absolutise_html, base_url

    coverage = readers.coverage_of(story)
    if coverage is None:
        return {"live": None, "entries": []}
    base = base_url(reader.request)
    entries = list(readers.newest_first(story)[: readers.PAGE_SIZE])
    return {
        "live": {
            "state": coverage.state,
            "started_at": reader.local(coverage.started_at),
            "ended_at": reader.local(coverage.ended_at) if coverage.ended_at else None,
            "poll_url": reader.page_url(story.url_path) + "live.json",
        },
        "entries": [
            {
                "id": entry.pk,
                "posted_at": reader.local(entry.posted_at),
                "edited_at": reader.local(entry.edited_at) if entry.edited_at else None,
                "title": entry.title,
                "key_event": entry.key_event,
                "pinned": entry.pinned,
                "author": entry.author_name,
                "html": absolutise_html(entry.html, base),
            }
            for entry in entries
        ],
    }
