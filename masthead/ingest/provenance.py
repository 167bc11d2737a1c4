"""What a story made from wire copy keeps of where it came from: the copy's staleness and its date.

A wire item flagged stale on the desk (freshness.py: events much older than the date the copy carries) must
not become a story that looks like today's news. The story made from it is dated by the item, not by the
day it was filed, and the editor is told, in the editor and again before publishing, that the copy is stale.
"""

from __future__ import annotations

from datetime import datetime

from django.utils import timezone

from masthead.ingest.models import WireItem


def original_date(item: WireItem, *, now: datetime | None = None) -> datetime | None:
    """The date a story made from ``item`` should carry, or None for "when it is published".

    Stale copy keeps the date it carries: publishing it dated today would tell readers that old events are
    new. Other copy is dated by our publication, as any story is (an agency's timestamp is not our news).
    """
    if not item.stale or item.item_date is None:
        return None
    return min(item.item_date, now or timezone.now())


def stale_item_for(page_id: int) -> WireItem | None:
    """The stale wire item a story was made from, if it was made from one."""
    return WireItem.objects.filter(article_id=page_id, stale=True).order_by("-pk").first()


def stale_warning(item: WireItem) -> str:
    dated = f"{item.item_date:%-d %B %Y}" if item.item_date else ""
    events = f" whose events are of about {item.copy_date:%-d %B %Y}" if item.copy_date else ""
    why = "" if events or not item.stale_reason else f" ({item.stale_reason.rstrip('.')})"
    keeps = f" It keeps the item's date, {dated}, not today's." if dated else ""
    return (
        f"Stale wire copy: this story was made from an agency item{' dated ' + dated if dated else ''}{events}{why}."
        f"{keeps} Check that it is still news before publishing."
    )
