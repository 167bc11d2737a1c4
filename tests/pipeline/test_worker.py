"""The worker's own duties: tasks of dead workers go back in the queue; a live worker's are left alone."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from masthead.pipeline import backends, tasks
from masthead.pipeline.models import WorkerHeartbeat
from masthead.pipeline.worker import LEASE, requeue_orphans, run_queued_tasks

PURGE = {"paths": {}, "tags": ["article-1"], "hosts": [], "warm": {}, "everything": False}


def claimed_by(worker_id: str, started_ago: timedelta) -> DBTaskResult:
    with backends.held():
        result = tasks.apply_effects.enqueue(purge=PURGE, pages=[], published=[])
    row = DBTaskResult.objects.get(pk=result.id)
    row.claim(worker_id)
    DBTaskResult.objects.filter(pk=row.pk).update(started_at=timezone.now() - started_ago)
    return row


def beat(worker_id: str, ago: timedelta) -> None:
    now = timezone.now()
    WorkerHeartbeat.objects.create(worker_id=worker_id, hostname="h", pid=1, started_at=now - ago, beat_at=now - ago)


@pytest.mark.django_db
def test_a_task_left_running_by_a_dead_worker_is_queued_again_and_runs():
    beat("alive", timedelta(seconds=1))
    beat("killed", LEASE + timedelta(seconds=5))
    mine = claimed_by("alive", timedelta(minutes=5))  # a long task of a live worker
    orphan = claimed_by("killed", timedelta(minutes=5))
    vanished = claimed_by("never-heard-of", timedelta(minutes=1))  # no heartbeat row at all
    just_claimed = claimed_by("never-heard-of-2", timedelta(seconds=0))  # may be a worker writing its first beat

    assert requeue_orphans() == 2
    status = dict(DBTaskResult.objects.values_list("pk", "status"))
    assert status[orphan.pk] == status[vanished.pk] == "READY"
    assert status[mine.pk] == status[just_claimed.pk] == "RUNNING"
    assert run_queued_tasks() == 2
    assert DBTaskResult.objects.get(pk=orphan.pk).status == "SUCCESSFUL"
    assert DBTaskResult.objects.get(pk=orphan.pk).worker_ids[0] == "killed"  # the same task, run again


@pytest.mark.django_db
def test_the_worker_gives_sqlite_planner_statistics():
    from django.db import connection

    from masthead.pipeline.worker import QueueWorker, refresh_planner_statistics

    assert "planner statistics" in [duty.name for duty in QueueWorker(interval=0)._duties()]
    if connection.vendor != "sqlite":
        assert refresh_planner_statistics() is False  # PostgreSQL's autovacuum analyses
        return
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE IF EXISTS sqlite_stat1")
    assert refresh_planner_statistics() is True
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'django_content_type'")
        assert cursor.fetchone()[0] > 0
