from django.db import models


class WorkerHeartbeat(models.Model):
    """A running ``masthead worker``, as last heard from: a task it claimed is its own while this is fresh.

    A worker killed mid-job leaves its task RUNNING for ever (django-tasks-db
    has no lease); the other workers, and the next one to start, put such a
    task back in the queue once its worker's heartbeat is older than the lease.
    """

    worker_id = models.CharField(max_length=64, primary_key=True)
    hostname = models.CharField(max_length=255)
    pid = models.PositiveIntegerField()
    started_at = models.DateTimeField()
    beat_at = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return f"{self.worker_id} ({self.hostname}:{self.pid})"
