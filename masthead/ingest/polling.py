"""Polling feed sources on their intervals: conditional GET, per-source backoff, failures recorded, never fatal.

``masthead poll`` runs :func:`poll_sources` once (cron or a systemd timer
calls it every minute or so); each enabled source with a URL is fetched
when its ``next_poll_at`` has come and it is not backing off. A failure
(network, HTTP, unreadable payload) is written on the source and doubles its
backoff, up to a day; it never stops the other sources. Every run ends by
releasing items whose embargo has ended (and forgetting one-off lines
the boilerplate learner no longer needs).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone

from masthead.ingest import boilerplate, config, desk_actions, pipeline
from masthead.ingest.fetch import FetchError, FetchPolicy, FetchResult, fetch
from masthead.ingest.models import WireSource
from masthead.ingest.reports import IngestReport

log = logging.getLogger(__name__)

MAX_BACKOFF = timedelta(hours=24)
PollStatus = WireSource.PollStatus


def fetch_policy() -> FetchPolicy:
    return FetchPolicy(
        max_bytes=config.max_payload_bytes(),
        timeout=float(getattr(settings, "INGEST_FETCH_TIMEOUT", 20.0)),
        allow_loopback=bool(getattr(settings, "INGEST_FETCH_ALLOW_LOOPBACK", False)),
    )


@dataclass
class PollResult:
    source: WireSource
    status: str  # a WireSource.PollStatus
    message: str = ""
    report: IngestReport | None = None


@dataclass
class PollRun:
    results: list[PollResult] = field(default_factory=list)
    released: int = 0


def due_sources(now: datetime):
    from django.db.models import Q

    return (
        WireSource.objects.filter(enabled=True)
        .exclude(url="")
        .filter(Q(next_poll_at__isnull=True) | Q(next_poll_at__lte=now))
        .filter(Q(backoff_until__isnull=True) | Q(backoff_until__lte=now))
        .order_by("next_poll_at", "pk")
    )


def backoff_for(source: WireSource, failures: int) -> timedelta:
    """Twice the interval per consecutive failure: 1×, 2×, 4×… up to a day."""
    interval = timedelta(minutes=max(source.poll_interval, 1))
    return min(interval * (2 ** max(failures - 1, 0)), MAX_BACKOFF)


def poll_source(
    source: WireSource, *, now: datetime | None = None, fetcher: Callable[..., FetchResult] = fetch, dry_run: bool = False
) -> PollResult:
    """Poll one source now, whatever its schedule; record the outcome on the source."""
    now = now or timezone.now()
    interval = timedelta(minutes=max(source.poll_interval, 1))
    try:
        fetched = fetcher(source.url, policy=fetch_policy(), etag=source.etag, last_modified=source.last_modified)
    except FetchError as error:
        return _failed(source, now, str(error))
    except Exception as error:  # a bug in a fetcher must not stop the other sources
        log.exception("polling %s", source.name)
        return _failed(source, now, f"{type(error).__name__}: {error}")
    if fetched.not_modified:
        _record(source, now, status=PollStatus.NOT_MODIFIED, next_poll=now + interval)
        return PollResult(source, PollStatus.NOT_MODIFIED, "not modified since the last poll")
    report = pipeline.ingest_payload(
        fetched.content,
        source=source,
        origin=fetched.url,
        content_type=fetched.content_type,
        hint=None if source.kind == "auto" else source.kind,
        dry_run=dry_run,
    )
    if report.error:
        return _failed(source, now, report.error, report=report)
    _record(source, now, status=PollStatus.OK, next_poll=now + interval, etag=fetched.etag, last_modified=fetched.last_modified)
    counts = report.counts
    return PollResult(
        source,
        PollStatus.OK,
        f"{counts['new']} new, {counts['updated']} updated, {counts['duplicate']} duplicates, {counts['rejected']} rejected",
        report,
    )


def _failed(source: WireSource, now: datetime, message: str, report=None) -> PollResult:
    failures = source.failures + 1
    wait = backoff_for(source, failures)
    WireSource.objects.filter(pk=source.pk).update(
        last_polled_at=now,
        last_status=PollStatus.ERROR,
        last_error=message[:2000],
        failures=failures,
        backoff_until=now + wait,
        next_poll_at=now + wait,
    )
    source.refresh_from_db()
    return PollResult(source, PollStatus.ERROR, f"{message} (retry after {wait})", report)


def _record(
    source: WireSource,
    now: datetime,
    *,
    status: str,
    next_poll: datetime,
    etag: str | None = None,
    last_modified: str | None = None,
) -> None:
    fields = dict(last_polled_at=now, last_status=status, last_error="", failures=0, backoff_until=None, next_poll_at=next_poll)
    if etag is not None:
        fields["etag"] = etag[:255]
    if last_modified is not None:
        fields["last_modified"] = last_modified[:64]
    WireSource.objects.filter(pk=source.pk).update(**fields)
    source.refresh_from_db()


def poll_sources(
    *,
    now: datetime | None = None,
    fetcher: Callable[..., FetchResult] = fetch,
    only: list[str] | None = None,
    force: bool = False,
) -> PollRun:
    """Poll every due source (or the named ones; ``force`` ignores schedules and backoff), then release embargoes."""
    now = now or timezone.now()
    sources = WireSource.objects.filter(enabled=True).exclude(url="") if force else due_sources(now)
    if only:
        sources = sources.filter(name__in=only)
    run = PollRun()
    for source in list(sources):
        run.results.append(poll_source(source, now=now, fetcher=fetcher))
    run.released = len(desk_actions.release_embargoed(now=now))
    boilerplate.prune_learned_chrome()
    return run
