"""What readers are shown of a story's live coverage, in a fixed number of queries whatever its length.

A story page asks once whether the story has live coverage (its primary
key, indexed); a live story adds two: one page of entries (one row more than
it shows, as every listing here) and its key events with the pinned entry.
Entries carry their HTML (rendered when written), so nothing more is read.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q

from masthead.lib.pagination import Listing, paginate
from masthead.live.models import LiveCoverage, LiveEntry

PAGE_SIZE = 20  # entries per page, and in live.json
SHOWN_FIELDS = ("id", "story_id", "posted_at", "edited_at", "author_name", "title", "html", "lite_html", "key_event", "pinned")


@dataclass
class LiveView:
    coverage: LiveCoverage
    listing: Listing
    key_events: list[LiveEntry]
    pinned: LiveEntry | None

    @property
    def updated(self):
        moments = [self.coverage.started_at, self.coverage.ended_at]
        moments += [entry.edited_at or entry.posted_at for entry in self.listing.items]
        moments += [self.pinned.edited_at or self.pinned.posted_at] if self.pinned else []
        return max(moment for moment in moments if moment)


def coverage_of(story) -> LiveCoverage | None:
    return LiveCoverage.objects.filter(story_id=story.pk).first()


def newest_first(story):
    return LiveEntry.objects.filter(story_id=story.pk).only(*SHOWN_FIELDS).order_by("-posted_at", "-id")


def for_page(story, request) -> LiveView | None:
    """The view of a story page's request, read once: its JSON-LD (in the head) and its body both show it."""
    memo = request.__dict__.setdefault("_live_views", {})
    if story.pk not in memo:
        memo[story.pk] = live_view(story, request)
    return memo[story.pk]


def live_view(story, request, *, paginated: bool = True) -> LiveView | None:
    coverage = coverage_of(story)
    if coverage is None:
        return None
    if paginated:
        listing = paginate(request, newest_first(story), PAGE_SIZE)
    else:
        listing = Listing(items=list(newest_first(story)[:PAGE_SIZE]), number=1, has_next=False)
    marked = list(newest_first(story).filter(Q(key_event=True) | Q(pinned=True)))
    return LiveView(
        coverage=coverage,
        listing=listing,
        key_events=[entry for entry in marked if entry.key_event],
        pinned=next((entry for entry in marked if entry.pinned), None),
    )
