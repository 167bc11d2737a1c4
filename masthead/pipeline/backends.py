"""The database task backend for the test suite: the product's path, with the worker's run done at commit.

Tasks are rows written in the enqueuing transaction, exactly as in production
(``django_tasks_db.DatabaseBackend``); then, as that transaction commits, the
tasks that are ready run in this process through the worker's own code
(``worker.run_task``), where production has ``masthead worker`` beside
the app. Only ``settings_test.py`` names it. ``held()`` keeps tasks queued,
for tests of the queue itself. (Third-party tasks run at once: see ``enqueue``.)
"""

from __future__ import annotations

import threading
from contextlib import contextmanager
from functools import partial

from django.db import transaction
from django_tasks.backends.immediate import ImmediateBackend
from django_tasks_db.backend import DatabaseBackend

_state = threading.local()


class RunAtCommitDatabaseBackend(DatabaseBackend):
    def __init__(self, alias: str, params: dict) -> None:
        super().__init__(alias, params)
        self.immediate = ImmediateBackend(alias, params)

    def enqueue(self, task, args, kwargs):
        if not task.module_path.startswith("masthead."):
            # Wagtail's and modelsearch's own tasks (search and reference index) run at once, as under Django's default
            # backend: the suite's tests read the search index inside their own, never committed, transactions.
            return self.immediate.enqueue(task, args, kwargs)
        result = super().enqueue(task, args, kwargs)
        if not getattr(_state, "held", False):
            transaction.on_commit(partial(_run, result.id), using=result.db_result._state.db)
        return result


def _run(task_id: str) -> None:
    """This task (the change's own, as a worker would run it next), not whatever else a test left queued."""
    from masthead.pipeline.worker import run_task

    if getattr(_state, "held", False):
        return
    run_task(task_id)


@contextmanager
def held():
    """Tasks enqueued inside stay in the queue (for tests of the queue and the worker)."""
    _state.held = True
    try:
        yield
    finally:
        _state.held = False
