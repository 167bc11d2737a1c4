"""``masthead worker``: the process that runs the task queue and keeps the newsroom's time.

Built on django-tasks-db's own worker loop (its ``Worker`` claims a ready task
with a row lock and runs it); around it, once a turn, the duties a newsroom
needs done on time:

- the **queue**: every ready task (a story change's purges, warm renders and
  CDN purges; Wagtail's own reference-index and file tasks), polled every
  ``WORKER_POLL_INTERVAL`` (0.1 s), so a publish reaches the front page
  within a second;
- the **publishing clock** (``schedule.clock.tick``) about once a second;
- the page cache's **day rollover** every few seconds;
- **wire polling** of the sources that are due, in a thread of its own so a
  slow agency server never holds up a purge;
- a **heartbeat**, and putting back in the queue the tasks of workers that
  died mid-job (a task left RUNNING whose worker has not been heard from for
  ``LEASE``): purges are idempotent, running one twice is fine, losing one is not.

SIGTERM or SIGINT finishes the task in hand and stops; a second one stops at once.
"""

from __future__ import annotations

import logging
import os
import signal
import socket
import sys
import threading
import time
from collections.abc import Callable
from datetime import timedelta

from django.conf import settings
from django.db import close_old_connections, connections
from django.utils import timezone
from django.utils.crypto import get_random_string
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from masthead.pipeline.models import WorkerHeartbeat

log = logging.getLogger(__name__)

HEARTBEAT = timedelta(seconds=2)
LEASE = timedelta(seconds=15)  # a worker not heard from for this long is dead: its running task is queued again
TICK_SECONDS = 1.0
ORPHAN_CHECK_SECONDS = 5.0
WIRE_POLL_SECONDS = 5.0


def run_queued_tasks(limit: int = 1000) -> int:
    """Run every task that is ready now, in this process; how many ran (tests, and ``masthead worker --batch``).

    The library's claim and run, without its loop's connection handling (which would close a connection
    that is inside a transaction, as a test's is).
    """
    worker = _inline_worker()
    ran = 0
    while ran < limit and _claim_and_run(worker, DBTaskResult.objects.ready()):
        ran += 1
    return ran


def run_task(task_id: str) -> bool:
    """Run one queued task now, in this process, if it is still ready (claimed as the worker claims it)."""
    return _claim_and_run(_inline_worker(), DBTaskResult.objects.ready().filter(pk=task_id))


def _claim_and_run(worker: Worker, tasks) -> bool:
    from django_tasks_db.utils import exclusive_transaction

    with exclusive_transaction(tasks.db):
        task = tasks.filter(backend_name=worker.backend_name).get_locked()
        if task is None:
            return False
        task.claim(worker.worker_id)
    worker.run_task(task)
    return True


def _inline_worker() -> Worker:
    return Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id=f"inline-{get_random_string(12)}",
        excluded_queue_names=[],
    )


def requeue_orphans(now=None) -> int:
    """Tasks left RUNNING by a worker that is gone (no heartbeat within the lease) go back in the queue."""
    now = now or timezone.now()
    alive = set(WorkerHeartbeat.objects.filter(beat_at__gte=now - LEASE).values_list("worker_id", flat=True))
    orphans = [
        task.pk
        for task in DBTaskResult.objects.running().only("id", "worker_ids", "started_at")
        if not task.worker_ids or task.worker_ids[-1] not in alive
        if task.started_at is None or task.started_at < now - LEASE / 2  # not one claimed a moment ago
    ]
    if not orphans:
        return 0
    requeued = DBTaskResult.objects.running().filter(pk__in=orphans).update(status="READY", started_at=None)
    if requeued:
        log.warning("worker: %d task(s) of dead workers queued again", requeued)
    WorkerHeartbeat.objects.filter(beat_at__lt=now - LEASE * 20).delete()  # long gone: forget them
    return requeued


# SQLite keeps no planner statistics unless asked: without them the wire desk's cluster lookups chose a status
# index and scanned (seconds at 100,000 items). PostgreSQL's autovacuum analyses by itself.
STATISTICS_SECONDS = 3600


def refresh_planner_statistics() -> bool:
    """ANALYZE, approximate and quick (``analysis_limit``), on SQLite; at start-up and hourly. Whether it ran."""
    from django.db import connection

    if connection.vendor != "sqlite":
        return False
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA analysis_limit=1000")
        cursor.execute("ANALYZE")
    return True


class _Every:
    """A duty done at most once per ``seconds``, whose failure is logged and never stops the worker."""

    def __init__(self, seconds: float, duty: Callable[[], object], name: str):
        self.seconds, self.duty, self.name = seconds, duty, name
        self.next_at = 0.0

    def __call__(self) -> None:
        now = time.monotonic()
        if now < self.next_at:
            return
        self.next_at = now + self.seconds
        try:
            self.duty()
        except Exception:
            log.exception("worker: %s failed", self.name)
        finally:
            close_old_connections()


class QueueWorker(Worker):
    """django-tasks-db's worker, run a batch at a time, with the newsroom's duties between batches."""

    def __init__(self, *, interval: float | None = None, duties: bool = True, parent_pid: int | None = None):
        super().__init__(
            queue_names=["*"],
            interval=settings.WORKER_POLL_INTERVAL if interval is None else interval,
            batch=True,
            backend_name="default",
            startup_delay=False,
            max_tasks=None,
            worker_id=f"{socket.gethostname()[:40]}-{os.getpid()}-{get_random_string(8)}",
            excluded_queue_names=[],
        )
        self.stopping = threading.Event()
        self.parent_pid = parent_pid
        self.duties = self._duties() if duties else []

    def _duties(self) -> list[_Every]:
        from masthead.pagecache import rollover
        from masthead.schedule import clock

        duties = [_Every(TICK_SECONDS, clock.tick, "publishing clock"), _Every(ORPHAN_CHECK_SECONDS, requeue_orphans, "requeue")]
        if settings.PAGECACHE_ENABLED and settings.PAGECACHE_ROLLOVER:
            duties.append(_Every(rollover.INTERVAL_SECONDS, rollover.check, "day rollover"))
        duties.append(_Every(STATISTICS_SECONDS, refresh_planner_statistics, "planner statistics"))
        return duties

    def shutdown(self, signum, frame) -> None:
        if self.stopping.is_set():
            log.warning("worker: %s again, stopping now", signal.strsignal(signum))
            self.reset_signals()
            sys.exit(1)
        log.info("worker: %s, stopping after the task in hand", signal.strsignal(signum))
        self.stopping.set()
        self.running = False  # the library's loop ends after its current task

    def serve(self) -> None:
        self.configure_signals()
        threads = [threading.Thread(target=self._beating, name="worker-heartbeat")]
        if self.duties:
            threads.append(threading.Thread(target=self._polling_wires, name="worker-wire-poll"))
        self._beat()
        requeue_orphans()
        for thread in threads:
            thread.start()
        log.info("worker %s: running the queue every %.2f s", self.worker_id, self.interval)
        try:
            while not self.stopping.is_set():
                if self.parent_pid is not None and os.getppid() != self.parent_pid:
                    log.info("worker: the server that started it is gone, stopping")
                    break
                self.running = True
                self.run()  # every ready task, then back here (batch mode)
                for duty in self.duties:
                    if self.stopping.is_set():
                        break
                    duty()
                self.stopping.wait(self.interval)
        finally:
            self.stopping.set()
            for thread in threads:
                thread.join(timeout=30)
            WorkerHeartbeat.objects.filter(worker_id=self.worker_id).delete()
            connections.close_all()
            log.info("worker %s: stopped", self.worker_id)

    def _beat(self) -> None:
        now = timezone.now()
        WorkerHeartbeat.objects.update_or_create(
            worker_id=self.worker_id,
            defaults={"hostname": socket.gethostname()[:255], "pid": os.getpid(), "beat_at": now},
            create_defaults={"hostname": socket.gethostname()[:255], "pid": os.getpid(), "beat_at": now, "started_at": now},
        )

    def _beating(self) -> None:
        """In a thread: a long task (a big warm render) must not make this worker look dead."""
        try:
            while not self.stopping.wait(HEARTBEAT.total_seconds()):
                try:
                    self._beat()
                except Exception:
                    log.exception("worker: heartbeat failed")
        finally:
            connections.close_all()

    def _polling_wires(self) -> None:
        try:
            while not self.stopping.wait(WIRE_POLL_SECONDS):
                try:
                    poll_due_wires()
                except Exception:
                    log.exception("worker: wire polling failed")
                finally:
                    close_old_connections()
        finally:
            connections.close_all()


def poll_due_wires(now=None) -> int:
    """Poll each wire source that is due, claimed first so that two workers never fetch the same source at once."""
    from masthead.ingest import boilerplate, polling
    from masthead.ingest.models import WireSource

    now = now or timezone.now()
    polled = 0
    for source in list(polling.due_sources(now)):
        claimed = WireSource.objects.filter(pk=source.pk, next_poll_at=source.next_poll_at)
        if source.next_poll_at is None:
            claimed = WireSource.objects.filter(pk=source.pk, next_poll_at__isnull=True)
        if not claimed.update(next_poll_at=now + timedelta(minutes=max(source.poll_interval, 1))):
            continue  # another worker has it
        result = polling.poll_source(source, now=now)
        log.info("worker: polled %s: %s %s", source.name, result.status, result.message)
        polled += 1
    if polled:
        boilerplate.prune_learned_chrome()
    return polled


def main(*, interval: float | None = None, parent_pid: int | None = None) -> int:
    """``masthead worker``: the cache app (for warm renders) built in this process, then the loop until a signal."""
    import masthead.config.wsgi  # noqa: F401  (builds the page cache's app: warm renders need it here)

    QueueWorker(interval=interval, parent_pid=parent_pid).serve()
    return 0
