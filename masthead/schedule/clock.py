"""The publishing clock: what is due goes live (or comes down) once, however many workers run.

``tick()`` is called by every ``masthead worker`` about once a second (and by ``masthead manage
publish_scheduled``, which this app overrides). Each due thing is done in a transaction of its own that
first *claims* it: a conditional UPDATE that must change exactly one row (the revision's
``approved_go_live_at`` cleared, the page marked expired). A second worker's claim then changes nothing —
on PostgreSQL it waits for the first worker's row lock and finds the row already claimed; on SQLite
transactions begin ``IMMEDIATE`` (settings) and run one after another — so a story is published exactly
once. A publish that fails rolls its claim back with it, and the next tick tries again.

On PostgreSQL the page and the revision are locked with ``SELECT … FOR UPDATE SKIP LOCKED``, so four workers
publish four stories at a time instead of queueing behind one row, and a page an editor is publishing at
that moment is left to the next tick.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.apps import apps
from django.db import connection, transaction
from django.utils import timezone
from wagtail.models import DraftStateMixin, Page, Revision, get_default_page_content_type

from masthead.schedule import timeline
from masthead.schedule.models import StoryEvent

log = logging.getLogger(__name__)

# The promise made to editors: a story scheduled for 09:00 is live by 09:00:05. Later than that is reported.
LATE_AFTER = timedelta(seconds=5)
# A due thing whose publish failed is left alone for this long (in this process) before it is tried again.
RETRY_AFTER = timedelta(seconds=60)
BATCH = 100  # candidates read per query; a tick reads again until nothing is due

_failed: dict[tuple[str, int], float] = {}  # (kind, pk) -> monotonic time to try again after


@dataclass
class TickReport:
    published: int = 0
    unpublished: int = 0
    released: int = 0
    late: int = 0
    failed: int = 0


# Other apps' timed jobs (a breaking banner's end, a front-page pin's expiry), registered in their AppConfig.ready:
# each is called as job(now) on every tick, after the clock's own work, and must be idempotent and cheap when
# nothing is due (one indexed query), and safe with several workers ticking at once.
_jobs: list = []


def register(job) -> None:
    if job not in _jobs:
        _jobs.append(job)


def tick(now: datetime | None = None) -> TickReport:
    """Publish what is due, unpublish what has expired, release ended embargoes: each exactly once."""
    now = now or timezone.now()
    report = TickReport()
    unpublish_expired(now, report)
    publish_due(now, report)
    release_embargoes(now, report)
    for job in _jobs:
        try:
            job(now)
        except Exception:
            report.failed += 1
            log.exception("clock job %s failed; the next tick tries again", getattr(job, "__name__", job))
    return report


# ---------------------------------------------------------------------------
# Scheduled publishing.


def publish_due(now: datetime, report: TickReport | None = None) -> TickReport:
    report = report or TickReport()
    for pk in _due(Revision.objects.filter(approved_go_live_at__lte=now).order_by("approved_go_live_at", "pk"), "publish"):
        try:
            with transaction.atomic():
                revision = _claim_revision(pk, now)
                if revision is None:
                    continue  # another worker has it, or it was cancelled meanwhile
                _publish(revision, now, report)
        except Exception:
            _failed_now("publish", pk)
            report.failed += 1
            log.exception("scheduled publish of revision %s failed; trying again in %ss", pk, RETRY_AFTER.seconds)
    return report


def _claim_revision(pk: int, now: datetime) -> Revision | None:
    """The due revision, claimed for this transaction; None when another worker (or an editor) has it.

    The page is locked before the revision, in the order an editor's publish takes them (page, then its
    revisions), so the clock and the editor queue rather than deadlock.
    """
    due = Revision.objects.filter(pk=pk, approved_go_live_at__lte=now)
    found = due.values_list("object_id", "base_content_type_id").first()
    if found is None:
        return None
    if found[1] == get_default_page_content_type().pk:
        if _lock_skipping_locked(Page.objects.filter(pk=int(found[0]))).values_list("pk", flat=True).first() is None:
            return None  # being published right now: the next tick sees how it ended
    go_live_at = _lock_skipping_locked(due).values_list("approved_go_live_at", flat=True).first()
    if go_live_at is None or due.update(approved_go_live_at=None) != 1:
        return None
    revision = Revision.objects.select_related("content_type").get(pk=pk)
    revision.approved_go_live_at = go_live_at  # as it was when claimed: the go-live time the timeline reports
    return revision


def _publish(revision: Revision, now: datetime, report: TickReport) -> None:
    scheduled_for = revision.approved_go_live_at
    lateness = max((timezone.now() - scheduled_for).total_seconds(), 0.0)
    detail = {
        "by": "clock",
        "scheduled_for": scheduled_for.isoformat(),
        "lateness_seconds": round(lateness, 3),
        "late": lateness > LATE_AFTER.total_seconds(),
        "revision": revision.pk,
    }
    page_id = _page_id(revision)
    with _on_timeline(page_id, StoryEvent.Kind.PUBLISHED, detail):
        # Wagtail's own scheduled publish (the revision's go-live time has come, so it goes live now).
        revision.publish(log_action="wagtail.publish.scheduled", skip_permission_checks=True)
    report.published += 1
    if detail["late"]:
        report.late += 1
        log.warning(
            "published %s late: scheduled for %s, %.1f s late (revision %s)",
            revision.object_str or page_id,
            scheduled_for.isoformat(),
            lateness,
            revision.pk,
        )


def _page_id(revision: Revision) -> int | None:
    return int(revision.object_id) if revision.base_content_type_id == get_default_page_content_type().pk else None


# ---------------------------------------------------------------------------
# Scheduled unpublishing.


def _expiring_models() -> list[type]:
    """Pages and every other model with draft state (Wagtail's own command's list)."""
    return [Page] + [m for m in apps.get_models() if issubclass(m, DraftStateMixin) and not issubclass(m, Page)]


def unpublish_expired(now: datetime, report: TickReport | None = None) -> TickReport:
    report = report or TickReport()
    for model in _expiring_models():
        expired = model.objects.filter(live=True, expired=False, expire_at__lte=now).order_by("expire_at", "pk")
        for pk in _due(expired, f"unpublish:{model._meta.label}"):
            try:
                with transaction.atomic():
                    if not _unpublish(model, pk, now):
                        continue
                report.unpublished += 1
            except Exception:
                _failed_now(f"unpublish:{model._meta.label}", pk)
                report.failed += 1
                log.exception("scheduled unpublish of %s %s failed", model._meta.label, pk)
    return report


def _unpublish(model: type, pk: int, now: datetime) -> bool:
    due = model.objects.filter(pk=pk, live=True, expired=False, expire_at__lte=now)
    expire_at = _lock_skipping_locked(due).values_list("expire_at", flat=True).first()
    # The claim: ``expired`` is set here and by the unpublish below, so only one worker gets past it.
    if expire_at is None or due.update(expired=True) != 1:
        return False
    obj = model.objects.get(pk=pk)
    obj = obj.specific if isinstance(obj, Page) else obj
    lateness = max((timezone.now() - expire_at).total_seconds(), 0.0)
    detail = {"by": "clock", "scheduled_for": expire_at.isoformat(), "lateness_seconds": round(lateness, 3)}
    detail["late"] = lateness > LATE_AFTER.total_seconds()
    with _on_timeline(pk if isinstance(obj, Page) else None, StoryEvent.Kind.UNPUBLISHED, detail):
        obj.unpublish(set_expired=True, log_action="wagtail.unpublish.scheduled")
    if detail["late"]:
        log.warning("unpublished %s late: due at %s, %.1f s late", obj, expire_at.isoformat(), lateness)
    return True


# ---------------------------------------------------------------------------
# Embargoes.


def release_embargoes(now: datetime, report: TickReport | None = None) -> TickReport:
    from masthead.ingest import desk_actions

    report = report or TickReport()
    report.released += len(desk_actions.release_embargoed(now=now))
    return report


# ---------------------------------------------------------------------------
# Shared parts.


def _due(queryset, kind: str) -> Iterator[int]:
    """The keys of what is due, a batch at a time, read outside any transaction (no write lock while nothing is due).

    Each key is offered once per tick: one another worker is publishing, or that failed a moment ago, is left.
    """
    seen: set[int] = set()
    while True:
        batch = list((queryset.exclude(pk__in=seen) if seen else queryset).values_list("pk", flat=True)[:BATCH])
        if not batch:
            return
        for pk in batch:
            seen.add(pk)
            if not _failed_recently(kind, pk):
                yield pk


def _lock_skipping_locked(queryset):
    """Lock the row for this transaction, or find nothing when another worker holds it (PostgreSQL).

    SQLite has no row locks: its transactions begin IMMEDIATE and so run one at a time.
    """
    if connection.features.has_select_for_update_skip_locked:
        return queryset.select_for_update(skip_locked=True)
    return queryset


@contextmanager
def _on_timeline(page_id: int | None, kind: str, detail: dict) -> Iterator[None]:
    """The change's timeline entry carries the clock's details (when it was due, how late it went live).

    The story-change pipeline writes the "published"/"unpublished" entry as the change happens; the clock adds
    to that entry rather than write a second one, and writes its own where nothing did (a section, say).
    """
    if page_id is None:
        yield
        return
    events = StoryEvent.objects.filter(page_id=page_id)
    before = events.order_by("-pk").values_list("pk", flat=True).first() or 0
    yield
    event = events.filter(kind=kind, pk__gt=before).order_by("pk").first()
    if event is None:
        timeline.record(page_id, kind, detail)
    else:
        event.detail = {**(event.detail or {}), **detail}
        event.save(update_fields=["detail"])


def _failed_now(kind: str, pk: int) -> None:
    _failed[(kind, pk)] = time.monotonic() + RETRY_AFTER.total_seconds()


def _failed_recently(kind: str, pk: int) -> bool:
    until = _failed.get((kind, pk))
    if until is None:
        return False
    if until < time.monotonic():
        del _failed[(kind, pk)]
        return False
    return True


# ---------------------------------------------------------------------------
# What the desk sees.


@dataclass(frozen=True)
class Overdue:
    """A story the clock should have published (or taken down) and has not: the worker is down or failing."""

    page_id: int
    title: str
    action: str  # "publish" or "unpublish"
    due_at: datetime
    overdue_by: timedelta


def overdue(now: datetime | None = None, grace: timedelta = timedelta(minutes=1), limit: int = 50) -> list[Overdue]:
    """Pages whose scheduled publish or unpublish is more than ``grace`` overdue, most overdue first (at most ``limit``).

    Ordered by the due time, not Wagtail's default (the tree path), so each query walks its partial index
    (desk/0001) and stops at ``limit``: the dashboard asks on every load, after downtime there may be thousands.
    """
    now = now or timezone.now()
    cutoff = now - grace
    rows: list[Overdue] = []
    due = Revision.page_revisions.filter(approved_go_live_at__lt=cutoff).order_by("approved_go_live_at")[:limit]
    for object_id, title, due_at in due.values_list("object_id", "object_str", "approved_go_live_at"):
        rows.append(Overdue(int(object_id), title, "publish", due_at, now - due_at))
    expired = Page.objects.filter(live=True, expired=False, expire_at__lt=cutoff).order_by("expire_at")[:limit]
    for page_id, title, due_at in expired.values_list("pk", "title", "expire_at"):
        rows.append(Overdue(page_id, title, "unpublish", due_at, now - due_at))
    return sorted(rows, key=lambda row: row.due_at)[:limit]
