"""The effects of a story change that run after its commit, as one task of the database queue.

Enqueued by ``changes.py`` in the change's own transaction; run by ``masthead worker``
in this order: purge the cached files, render the busiest pages again, purge the CDN,
send alerts. Each step is idempotent, so a task that runs twice does no harm, and a
failed one is tried again later (see RETRY_DELAYS) before it is given up, logged and
written on each story's timeline.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from django.utils import timezone
from django_tasks import task

from masthead.pagecache import effects
from masthead.pipeline import alerts
from masthead.schedule import timeline
from masthead.schedule.models import StoryEvent

log = logging.getLogger(__name__)

Kind = StoryEvent.Kind

# Seconds to wait before each new attempt after a failure: five retries over about 13 minutes, then give up.
RETRY_DELAYS = (1, 5, 30, 120, 600)


def enqueue_effects(arguments: dict) -> str:
    """Write the task (a row, in the caller's transaction); its id."""
    return apply_effects.enqueue(**arguments).id


# Ahead of Wagtail's own tasks (search index, reference index): readers wait on these.
@task(priority=50, takes_context=True)
def apply_effects(context, *, purge: dict, pages: list[int], published: list[int], attempt: int = 0) -> dict:
    try:
        return _apply(effects.from_json(purge), pages, published, warm=not _newer_change_waiting(context))
    except Exception as error:
        _retry_or_give_up(error, purge=purge, pages=pages, published=published, attempt=attempt)
        raise


def _newer_change_waiting(context) -> bool:
    """Whether a later change's task is queued: then only the last renders pages again.

    A backlog (a bulk import, a worker back after downtime) is caught up with
    purges, which cost little, and the newest change's renders, instead of
    rendering the home page once per story before an editor's latest publish.
    """
    from django_tasks_db.models import DBTaskResult

    enqueued_at = getattr(context.task_result, "enqueued_at", None)
    if enqueued_at is None:
        return False
    return DBTaskResult.objects.ready().filter(task_path=apply_effects.module_path, enqueued_at__gt=enqueued_at).exists()


def _apply(purge, pages: list[int], published: list[int], *, warm: bool = True) -> dict:
    hosts = effects.host_map()
    purged = effects.purge_files(purge, hosts)  # 4. the cached files
    if purge:
        for page in pages:
            timeline.record(page, Kind.PURGED, {"paths": purged, "urls": _story_urls(purge)})
    warmed = effects.warm(purge, hosts) if warm else []  # 5. warm renders
    if warmed:
        for page in pages:
            timeline.record(page, Kind.WARMED, {"urls": warmed})
    cdn = effects.purge_cdn(purge)  # 6. the CDN
    if cdn:
        for page in pages:
            timeline.record(page, Kind.CDN_PURGED, {"urls": len(cdn)})
    sent = alerts.send(published)  # 7. alerts
    for alert in sent:
        timeline.record(alert["page_id"], Kind.ALERT, alert)
    return {"purged": purged, "warmed": len(warmed), "cdn": len(cdn), "alerts": len(sent)}


def _story_urls(purge) -> list[str]:
    """The first few purged addresses, for the timeline (a story's page, its section, home…)."""
    return [f"{host}{path}" for host, paths in sorted(purge.paths.items()) for path in sorted(paths)][:12]


def _retry_or_give_up(error: Exception, *, attempt: int, **arguments) -> None:
    if attempt < len(RETRY_DELAYS):
        delay = RETRY_DELAYS[attempt]
        log.warning("pipeline: effects failed (%s); attempt %d again in %d s", error, attempt + 2, delay)
        apply_effects.using(run_after=timezone.now() + timedelta(seconds=delay)).enqueue(attempt=attempt + 1, **arguments)
        return
    log.error("pipeline: effects failed %d times, giving up: %s", attempt + 1, error)
    for page in arguments["pages"]:
        timeline.record(page, Kind.FAILED, {"step": "effects", "attempts": attempt + 1, "error": repr(error)[:500]})
