"""Alerts for newly published stories: the pipeline's last step, a hook for the breaking-news work to fill.

Called by the effects task after the CDN purge, with the ids of the stories the change published. It must be
idempotent (a task may run twice: a retry, or a worker killed mid-job); it returns what it sent, for the timeline.
"""

from __future__ import annotations


def send(published: list[int]) -> list[dict]:
    return []
