"""Where a section's deep pages begin, without stepping over the archive to get there.

Page N of a section lists its stories from position (N-1)·20, counted from
the newest. SQL's OFFSET finds that position by stepping over every newer
story, and over its page row too (``live`` lives there): page 10,000 of a
section at a million stories took a second on PostgreSQL.

So each section keeps *anchors*: the key (published_at, pk) of every
SPACING-th story, counted from its **oldest** listed story. New stories
arrive at the newest end, so they never shift an anchor. A section's story
count is its last anchor's position plus the few stories newer than it,
and any page is a walk of at most SPACING stories up from the anchor below
it: the cost of a page no longer grows with the archive.

Anchors must be true: a stale one would show a page one story off. Every
change that can list, unlist or move a story calls ``schedule`` (wired in
``pipeline/changes.py``), which checks them after the commit: a change among the
newest stories costs a short read, a change deep in the archive derives
the anchors above it again in one windowed query. A section without
anchors is paged with OFFSET, which is correct, only slow; so a failed
refresh drops the section's anchors rather than leave them wrong.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime

from django.db import transaction
from django.db.models import F, Q, QuerySet, Window
from django.db.models.functions import Mod, RowNumber

log = logging.getLogger(__name__)

SPACING = 200  # stories between anchors (ten pages): the longest walk a page takes from its anchor

Key = tuple[datetime, int]
OLDEST_FIRST = ("published_at", "pk")


def listed_in(section_id: int, stories: QuerySet | None = None) -> QuerySet:
    """The section's listed stories, unordered: exactly the rows its listing pages show."""
    if stories is None:
        from masthead.news.models import ArticlePage

        stories = ArticlePage.objects.all()
    return stories.filter(section_id=section_id, live=True).exclude(published_at=None).order_by()


def from_key(key: Key, pk_field: str = "pk") -> Q:
    """Rows at or after ``key``, written as a range on the (section, published_at) index."""
    published_at, pk = key
    return Q(published_at__gte=published_at) & ~Q(**{"published_at": published_at, f"{pk_field}__lt": pk})


# Reading ---------------------------------------------------------------------------------------


def newest_slice(section_id: int, listing: QuerySet, offset: int, limit: int) -> list:
    """``listing[offset:offset + limit]`` for a section's newest-first listing, from the nearest anchor."""
    from masthead.news.models import SectionAnchor

    if offset < SPACING:
        return list(listing[offset : offset + limit])
    last = SectionAnchor.objects.filter(section_id=section_id).order_by("-position").first()
    if last is None:
        return list(listing[offset : offset + limit])
    # Counted apart from the anchor's query: with the key as a literal the planner sees a short range.
    newer = listed_in(section_id).filter(from_key(last.key)).count()
    total = last.position + newer
    first = total - 1 - offset  # the page's first (newest) story, counted from the oldest
    if first < 0:
        return []
    end = max(0, total - offset - limit)  # its last story, counted the same way
    anchor = SectionAnchor.objects.filter(section_id=section_id, position__lte=end).order_by("-position").first()
    if anchor is None:
        return list(listing[offset : offset + limit])
    rows = list(listing.filter(from_key(anchor.key)).order_by(*OLDEST_FIRST)[end - anchor.position : first - anchor.position + 1])
    rows.reverse()
    return rows


# Keeping anchors true --------------------------------------------------------------------------


def anchors_of(stories: QuerySet, start_position: int = 0) -> list[tuple[int, datetime, int]]:
    """(position, published_at, pk) of every SPACING-th story of ``stories`` counted from its oldest, in one query."""
    numbered = (
        stories.annotate(number=Window(RowNumber(), order_by=[F("published_at").asc(), F("pk").asc()]))
        .annotate(step=Mod(F("number") - 1, SPACING))
        .filter(step=0)
        .order_by("number")
        .values_list("number", "published_at", "pk")
    )
    return [(start_position + number - 1, published_at, pk) for number, published_at, pk in numbered]


def refresh(section_id: int, since: Key | None = None) -> None:
    """Make a section's anchors true after a change to stories at or after ``since`` (None: anywhere)."""
    try:
        with transaction.atomic():
            _refresh(section_id, since)
    except Exception:
        log.exception("listing anchors of section %s could not be refreshed: paging it with OFFSET", section_id)
        from masthead.news.models import SectionAnchor

        try:
            SectionAnchor.objects.filter(section_id=section_id).delete()
        except Exception:  # the change itself is committed: never fail the editor's request over this
            log.exception("listing anchors of section %s could not be dropped either: run rebuild_section_anchors", section_id)


def rebuild(section_id: int) -> int:
    """Derive a section's anchors again from scratch; returns how many it has."""
    refresh(section_id)
    from masthead.news.models import SectionAnchor

    return SectionAnchor.objects.filter(section_id=section_id).count()


def _refresh(section_id: int, since: Key | None) -> None:
    from wagtail.models import Page

    from masthead.news.models import SectionAnchor

    # One refresh of a section at a time (SQLite's write transactions are serial already).
    list(Page.objects.select_for_update().filter(pk=section_id).values_list("pk", flat=True))
    anchors = SectionAnchor.objects.filter(section_id=section_id)
    below = None
    if since is not None:
        below = anchors.exclude(from_key(since, "story_pk")).order_by("-position").first()
    if below is None or not _segment_holds(section_id, below):
        _derive_above(section_id, below)
    _extend(section_id)


def _segment_holds(section_id: int, anchor) -> bool:
    """Whether the stories from ``anchor`` to the next anchor are still the ones counted when they were set."""
    from masthead.news.models import SectionAnchor

    following = SectionAnchor.objects.filter(section_id=section_id, position__gt=anchor.position).order_by("position").first()
    distance = following.position - anchor.position if following else 0
    keys = list(
        listed_in(section_id).filter(from_key(anchor.key)).order_by(*OLDEST_FIRST).values_list("pk", flat=True)[: distance + 1]
    )
    if not keys or keys[0] != anchor.story_pk:
        return False
    return following is None or (len(keys) == distance + 1 and keys[distance] == following.story_pk)


def _derive_above(section_id: int, below) -> None:
    """Set every anchor above ``below`` (or all, when None) again from the stories themselves."""
    from masthead.news.models import SectionAnchor

    stories = listed_in(section_id)
    if below is not None:
        derived = anchors_of(stories.filter(from_key(below.key)), below.position)
        if not derived or derived[0][2] != below.story_pk:
            below = None  # the anchor itself is gone: count from the oldest story
        else:
            derived = derived[1:]
    if below is None:
        derived = anchors_of(stories)
    kept = SectionAnchor.objects.filter(section_id=section_id)
    (kept.filter(position__gt=below.position) if below is not None else kept).delete()
    SectionAnchor.objects.bulk_create(
        [
            SectionAnchor(section_id=section_id, position=position, published_at=published_at, story_pk=pk)
            for position, published_at, pk in derived
        ]
    )


def _extend(section_id: int) -> None:
    """Add anchors among the newest stories once SPACING more have been published since the last."""
    from masthead.news.models import SectionAnchor

    last = SectionAnchor.objects.filter(section_id=section_id).order_by("-position").first()
    while last is not None:
        following = (
            listed_in(section_id)
            .filter(from_key(last.key))
            .order_by(*OLDEST_FIRST)
            .values_list("published_at", "pk")[SPACING : SPACING + 1]
        )
        following = list(following)
        if not following:
            return
        published_at, pk = following[0]
        last = SectionAnchor.objects.create(
            section_id=section_id, position=last.position + SPACING, published_at=published_at, story_pk=pk
        )


# After the commit, once per section ------------------------------------------------------------


@dataclass
class _Pending:
    """The sections a transaction changed and the oldest key it touched in each (None: anywhere)."""

    since: dict[int, Key | None] = field(default_factory=dict)
    ran: bool = False

    def add(self, section_id: int, since: Key | None) -> None:
        if section_id in self.since:
            current = self.since[section_id]
            since = None if current is None or since is None else min(current, since)
        self.since[section_id] = since

    def run(self) -> None:
        self.ran = True
        for section_id, since in self.since.items():
            refresh(section_id, since)


def schedule(section_id: int | None, since: Key | None) -> None:
    """Refresh a section's anchors once the current transaction commits (at once outside one).

    A transaction that changes many stories (a year's archive deleted, an
    import) refreshes each section once, from the oldest story it touched.
    """
    if section_id is None:
        return
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        refresh(section_id, since)
        return
    pending = getattr(connection, "masthead_anchor_refresh", None)
    # A rolled-back transaction drops its callbacks: start again unless ours is still waiting to run.
    if pending is None or pending.ran or not any(callback == pending.run for _, callback, _ in connection.run_on_commit):
        pending = _Pending()
        connection.masthead_anchor_refresh = pending
        transaction.on_commit(pending.run)
    pending.add(section_id, since)
