"""What the wire desk does to an item: make a story of it, ignore or restore it; and what the agency does to
it: kill it, or let its embargo end. Every caller (the desk's views, the pipeline, the publishing clock)
goes through these.
"""

from __future__ import annotations

import logging
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from masthead.ingest import dedup
from masthead.ingest.formats.base import CANCELED, USABLE, WITHHELD
from masthead.ingest.models import WireCluster, WireItem
from masthead.ingest.provenance import original_date
from masthead.ingest.sanitize import blocks, text_of
from masthead.news import lookups
from masthead.news import services as news

log = logging.getLogger(__name__)

Status = WireItem.Status


class DeskError(Exception):
    """A desk action that cannot be done (embargoed, killed, already drafted…); the message says why."""


def create_story_from_item(item: WireItem, *, section=None, publish: bool = False, user=None):
    """File a story from a wire item: headline, dateline, body, agency, tags, related story pre-filled.

    Stale copy keeps the item's own date (provenance.original_date), and the story the copy points to
    ("Read more") becomes the story's editor's pick when it exists on our site, even if it was published
    after the item came in.

    Raises :class:`DeskError` for items that may not become stories
    (embargoed, killed or withheld by the agency, rejected, already drafted).
    """
    if item.status == Status.KILLED or item.pub_status == CANCELED:
        raise DeskError("the agency withdrew this item")
    if item.article_id is not None:
        raise DeskError(f"a story was already made from this item: “{item.article.title}”")
    if item.is_embargoed:
        raise DeskError(f"embargoed until {item.embargo_until:%Y-%m-%d %H:%M} UTC")
    if item.pub_status == WITHHELD:
        raise DeskError("the agency has withheld this item")
    if item.status == Status.REJECTED or not item.body_html:
        raise DeskError(f"the item cannot be used: {item.error or 'no body'}")
    section = section or item.source.auto_publish_section or lookups.default_section()
    if section is None:
        raise DeskError("there is no section to file the story in")

    related = item.related_article
    if related is None and item.related_headline:
        related = item.related_article = lookups.find_related([item.related_headline])
    draft = news.StoryDraft(
        title=item.headline[:255],
        paragraphs=blocks(item.body_html),
        dateline=item.dateline,
        standfirst=item.summary[:500] if item.summary and item.summary not in text_of(item.body_html)[:600] else "",
        agency=item.agency,
        tags=[subject[:100] for subject in item.subjects[:10]],
        related_article=related,
    )
    with transaction.atomic():
        story = news.file_story(section, draft, publish=publish, published_at=original_date(item), user=user)
        item.article = story
        item.status = Status.PUBLISHED if story.live else Status.DRAFTED
        item.needs_review = False
        item.save(update_fields=["article", "status", "needs_review", "related_article"])
    return story


def ignore_item(item: WireItem, *, user=None) -> None:
    if item.article_id is not None:
        raise DeskError("a story was made from this item; unpublish or delete the story instead")
    item.status = Status.IGNORED
    item.save(update_fields=["status"])


def ignore_cluster(cluster: WireCluster, *, user=None) -> int:
    return WireItem.objects.filter(cluster=cluster, status__in=(Status.NEW, Status.HELD, Status.REJECTED), article=None).update(
        status=Status.IGNORED
    )


def register_credit(item: WireItem, *, agency=None, name: str = ""):
    """The item's unknown credit into the agency register (an alias of ``agency``, or a new agency called ``name``),
    and every item waiting on that credit credited to it. Returns (agency, items credited)."""
    from masthead.ingest import agencies

    credit = item.unknown_credit
    if not credit:
        raise DeskError("this item's credit is already an agency")
    try:
        with transaction.atomic():
            agency = agencies.add_credit(credit, agency=agency, name=name.strip())
            credited = WireItem.objects.filter(unknown_credit=credit).update(agency=agency, unknown_credit="")
    except ValueError as error:
        raise DeskError(str(error)) from error
    return agency, credited


def restore_item(item: WireItem) -> None:
    """Undo Ignore: back to new (or held, while an embargo runs)."""
    if item.status != Status.IGNORED:
        return
    item.status = Status.HELD if item.is_embargoed else Status.NEW
    item.save(update_fields=["status"])


def apply_kill(item: WireItem, *, reason: str, user=None):
    """The agency killed (withdrew) the item: hold it off the desk and unpublish any story made from it.

    Returns the story that was unpublished, or None.
    """
    unpublished = None
    article = item.article
    if article is not None and article.live:
        news.unpublish_story(article, reason=reason, user=user)
        unpublished = article
    item.status = Status.KILLED
    item.killed_at = timezone.now()
    item.kill_note = reason + (f" The story “{article.title}” was unpublished." if unpublished else "")
    item.publish_section = None
    item.save(update_fields=["status", "killed_at", "kill_note", "publish_section"])
    if article is not None:
        log_on_story(item, "masthead.wire_kill", item.kill_note, user=user)
    return unpublished


def log_on_story(item: WireItem, action: str, message: str, user=None) -> None:
    """A line in the story's history in the admin, so editors see why it changed."""
    if item.article_id is None:
        return
    from wagtail.log_actions import log as log_action

    log_action(instance=item.article, action=action, user=user, data={"message": message, "wire_item": item.pk})


def release_embargoed(*, now: datetime | None = None, user=None) -> list[WireItem]:
    """Items whose embargo has ended go back to the desk; those meant to be published are published.

    Exactly once, however many pollers and clock ticks run at the same time: each item is claimed by a
    conditional UPDATE (held → new) that must change its row, in the same transaction as its story, so only
    one caller files the story (and a later kill unpublishes it), and a release that fails is tried again.
    """
    from masthead.schedule import timeline
    from masthead.schedule.models import StoryEvent

    now = now or timezone.now()
    released = []
    for item in WireItem.objects.filter(status=Status.HELD, embargo_until__lte=now).select_related("source", "publish_section"):
        try:
            with transaction.atomic():
                claimed = WireItem.objects.filter(pk=item.pk, status=Status.HELD, embargo_until__lte=now)
                if claimed.update(status=Status.NEW) != 1:
                    continue  # released by another poller or worker (or changed on the desk) meanwhile
                released_at = timezone.now()
                item.refresh_from_db()
                target = item.publish_section or item.source.auto_publish_section
                if target is not None and item.pub_status == USABLE and dedup.cluster_story(item) is None:
                    try:
                        story = create_story_from_item(item, section=target, publish=True, user=user)
                    except DeskError as error:
                        log.warning("embargo release of item %s: %s", item.pk, error)
                    else:
                        lateness = round(max((released_at - item.embargo_until).total_seconds(), 0.0), 3)
                        detail = {"wire_item": item.pk, "embargo_until": item.embargo_until.isoformat()}
                        detail["lateness_seconds"] = lateness
                        # Dated at the release, so the timeline reads "released" before "published".
                        timeline.record(story.pk, StoryEvent.Kind.EMBARGO_RELEASED, detail, at=released_at)
        except Exception:
            log.exception("embargo release of item %s failed; it stays held and is tried again", item.pk)
            continue
        released.append(item)
    return released
