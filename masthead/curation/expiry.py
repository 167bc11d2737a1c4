"""A pin's end: the slot drops out of the page at its time (selection.py filters it), and the page is purged then.

A clock job (``schedule/clock.py``): every worker runs it each second. Each
due slot is claimed by a conditional UPDATE in the transaction that enqueues
its page's purge, so with several workers a pin's end purges its page once.
Cheap when nothing is due: one read of a partial index per kind of slot.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

from django.db import transaction

from masthead.curation.models import HomeSlot, SectionSlot

BATCH = 100


def purge_expired_pins(now: datetime) -> int:
    """Purge every page one of whose pins has run out since the last tick; how many pages this worker purged."""
    purged = 0
    for model in (HomeSlot, SectionSlot):
        due = model.objects.filter(expiry_purged=False, pinned_until__lte=now).order_by("pinned_until", "pk")
        by_page: dict[int, list[int]] = defaultdict(list)
        for pk, page_id in due.values_list("pk", "page_id")[:BATCH]:
            by_page[page_id].append(pk)
        for page_id, slot_ids in by_page.items():
            with transaction.atomic():
                # Whoever's UPDATE changes the rows purges the page; another worker's finds them claimed.
                if model.objects.filter(pk__in=slot_ids, expiry_purged=False).update(expiry_purged=True):
                    _purge(model, page_id)
                    purged += 1
    return purged


def _purge(model, page_id: int) -> None:
    from masthead.pipeline import changes

    page = model._meta.get_field("page").related_model.objects.filter(pk=page_id).first()
    if page is not None:
        changes.front_changed(page)
