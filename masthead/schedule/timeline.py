"""Each story's timeline: the record a desk chief reads when a reader asks why a story was late."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone
from django.utils.dateparse import parse_datetime

from masthead.schedule.models import StoryEvent


def record(page_id: int, kind: str, detail: dict | None = None, *, at: datetime | None = None) -> StoryEvent:
    """Add one event to a story's timeline (in the caller's transaction: it commits or rolls back with the change)."""
    event = StoryEvent(page_id=page_id, kind=kind, detail=detail or {})
    if at is not None:
        event.at = at
    event.save()
    return event


def of(page_id: int) -> list[StoryEvent]:
    return list(StoryEvent.objects.filter(page_id=page_id).order_by("at", "pk"))


@dataclass(frozen=True)
class Line:
    """One event as the desk reads it: when, what, and the particulars (URLs purged, how late…)."""

    at: datetime
    kind: str
    label: str
    note: str = ""
    late: bool = False
    urls: tuple[str, ...] = ()


def lines(page_id: int) -> list[Line]:
    """A story's timeline for people, oldest first; times are aware (templates show them in the active zone)."""
    return [_line(event) for event in of(page_id)]


def _line(event: StoryEvent) -> Line:
    detail = event.detail or {}
    kind = event.kind
    label = event.get_kind_display()
    note = ""
    scheduled_for = _when(detail.get("scheduled_for"))
    lateness = detail.get("lateness_seconds")
    if kind == StoryEvent.Kind.SCHEDULED and scheduled_for:
        label = f"Scheduled for {_local(scheduled_for)}"
    elif kind in (StoryEvent.Kind.PUBLISHED, StoryEvent.Kind.UNPUBLISHED) and detail.get("by") == "clock":
        label = f"{label} by the clock"
        note = f"{duration(lateness)} late" if detail.get("late") else f"on time ({duration(lateness)} after)"
        note += f"; due {_local(scheduled_for)}" if scheduled_for else ""
    elif kind == StoryEvent.Kind.EMBARGO_RELEASED:
        ended = _when(detail.get("embargo_until"))
        note = f"embargo ended {_local(ended)}; released {duration(lateness)} after" if ended else ""
    urls = tuple(str(url) for url in detail.get("urls", ()))
    if urls and not note:
        note = f"{len(urls)} URL{'s' if len(urls) != 1 else ''}"
    if detail.get("message") and not note:
        note = str(detail["message"])
    return Line(at=event.at, kind=kind, label=label, note=note, late=bool(detail.get("late")), urls=urls)


def duration(seconds: float | None) -> str:
    """``0.4 s``, ``12 s``, ``3 min 12 s``, ``2 h 5 min``: lateness as a desk chief says it."""
    if seconds is None:
        return "?"
    if seconds < 10:
        return f"{seconds:.1f} s"
    whole = round(seconds)
    if whole < 60:
        return f"{whole} s"
    minutes, secs = divmod(whole, 60)
    if minutes < 60:
        return f"{minutes} min {secs} s" if secs else f"{minutes} min"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes} min" if minutes else f"{hours} h"


def _when(value: str | None) -> datetime | None:
    return parse_datetime(value) if value else None


def _local(moment: datetime) -> str:
    return f"{timezone.localtime(moment):%Y-%m-%d %H:%M:%S %Z}"
