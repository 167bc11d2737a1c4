"""The clock job: a breaking story whose end time has passed is ended, and its banner purged, exactly once.

Runs every second in each worker (schedule/clock.py); nothing due costs one
indexed query. With several workers, the row is claimed by a conditional
UPDATE (still open, end passed): only the worker whose update changed it
sends the change on, so the purge and the timeline entry happen once.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import F

from masthead.breaking.models import BreakingStory
from masthead.breaking.signals import breaking_changed


def end_expired(now) -> int:
    ended = 0
    for pk in BreakingStory.objects.open().filter(ends_at__lte=now).values_list("pk", flat=True)[:50]:
        with transaction.atomic():
            claimed = BreakingStory.objects.open().filter(pk=pk, ends_at__lte=now).update(ended_at=F("ends_at"))
            if not claimed:
                continue  # another worker ended it, or an editor changed it meanwhile
            row = BreakingStory.objects.get(pk=pk)
            breaking_changed.send(sender=BreakingStory, instance=row, ended=True, change="expired")
            ended += 1
    return ended
