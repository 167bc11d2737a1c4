"""The effects task: retried with growing waits when a step fails, then given up and written on the timeline."""

from __future__ import annotations

from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from masthead.pagecache import effects
from masthead.pipeline import backends, tasks
from masthead.pipeline.worker import run_queued_tasks
from masthead.schedule.models import StoryEvent

CONTEXT = SimpleNamespace(task_result=SimpleNamespace(enqueued_at=None))  # called directly, not from the queue
PURGE = {"paths": {"testserver": ["/"]}, "tags": [], "hosts": [], "warm": {}, "everything": False}


class CdnDown(Exception):
    pass


@pytest.fixture
def failing_cdn(monkeypatch):
    calls = []

    def purge_cdn(purge):
        calls.append(purge)
        raise CdnDown("the CDN answered 503")

    monkeypatch.setattr(effects, "purge_cdn", purge_cdn)
    return calls


def queued_retries():
    return DBTaskResult.objects.filter(task_path="masthead.pipeline.tasks.apply_effects", status="READY").order_by("enqueued_at")


@pytest.mark.django_db
def test_a_failed_effect_is_tried_again_later_and_later_then_given_up(failing_cdn):
    attempt = 0
    waits = []
    with backends.held():
        while True:
            started = timezone.now()
            with pytest.raises(CdnDown):
                tasks.apply_effects.call(CONTEXT, purge=PURGE, pages=[4242], published=[], attempt=attempt)
            retry = queued_retries().last()
            if retry is None or retry.args_kwargs["kwargs"]["attempt"] == attempt:
                break
            waits.append(round((retry.run_after - started).total_seconds()))
            attempt = retry.args_kwargs["kwargs"]["attempt"]
            assert retry.args_kwargs["kwargs"]["purge"] == PURGE and retry.args_kwargs["kwargs"]["pages"] == [4242]
            retry.delete()
    assert waits == [1, 5, 30, 120, 600]
    assert len(failing_cdn) == 6
    failed = StoryEvent.objects.get(page_id=4242, kind=StoryEvent.Kind.FAILED)
    assert failed.detail["attempts"] == 6 and "503" in failed.detail["error"]
    # Each attempt purged the cached files before the CDN step failed, and said so.
    assert StoryEvent.objects.filter(page_id=4242, kind=StoryEvent.Kind.PURGED).count() == 6


@pytest.mark.django_db
def test_a_retry_waits_for_its_time_in_the_queue(failing_cdn, monkeypatch):
    with backends.held():
        tasks.apply_effects.enqueue(purge=PURGE, pages=[7], published=[])
    assert run_queued_tasks() == 1  # the first attempt, which fails and queues the second
    first = DBTaskResult.objects.get(status="FAILED")
    assert first.exception_class_path.endswith("CdnDown")
    retry = queued_retries().get()
    assert retry.run_after > timezone.now()
    assert run_queued_tasks() == 0  # not due yet
    DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now() - timedelta(seconds=1))
    monkeypatch.setattr(effects, "purge_cdn", lambda purge: [])  # the CDN is back
    assert run_queued_tasks() == 1
    assert DBTaskResult.objects.get(pk=retry.pk).status == "SUCCESSFUL"
    assert not StoryEvent.objects.filter(kind=StoryEvent.Kind.FAILED).exists()


@pytest.mark.django_db
def test_a_backlog_purges_every_change_and_renders_again_only_for_the_last(monkeypatch):
    purged, warmed = [], []
    monkeypatch.setattr(effects, "purge_files", lambda purge, hosts: purged.append(sorted(purge.paths["testserver"])) or 1)
    monkeypatch.setattr(effects, "warm", lambda purge, hosts: warmed.append(sorted(purge.paths["testserver"])) or ["x"])
    with backends.held():
        for n in range(5):
            tasks.apply_effects.enqueue(purge={**PURGE, "paths": {"testserver": [f"/story-{n}/"]}}, pages=[n], published=[])
    assert run_queued_tasks() == 5
    assert purged == [[f"/story-{n}/"] for n in range(5)]
    assert warmed == [["/story-4/"]]
