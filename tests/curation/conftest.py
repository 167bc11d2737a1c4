"""Curating front pages as an editor does: slots saved as a revision of the page and published."""

from __future__ import annotations

import pytest

from masthead.curation.models import HomeSlot, SectionSlot
from masthead.news.models import HomePage, SectionPage


def curate(page, *stories, pinned_until=None, publish: bool = True, go_live_at=None):
    """Place stories on a home or section page, in order (a new revision), and publish it (or schedule it) unless told not to."""
    page = page.specific_class.objects.get(pk=page.pk)
    page.go_live_at = go_live_at
    slot = HomeSlot if isinstance(page, HomePage) else SectionSlot
    page.front_slots = [
        slot(story=story, sort_order=n, pinned_until=pinned_until.get(story) if isinstance(pinned_until, dict) else None)
        for n, story in enumerate(stories)
    ]
    revision = page.save_revision()
    if publish:
        revision.publish()
    return revision


@pytest.fixture
def enqueued(monkeypatch, settings):
    """The purge sets the pipeline enqueues, as they would reach the worker."""
    from masthead.pagecache import effects
    from masthead.pipeline import tasks

    settings.PAGECACHE_ENABLED = True
    calls = []
    real = tasks.enqueue_effects

    def spy(arguments):
        calls.append(effects.from_json(arguments["purge"]))
        return real(arguments)

    monkeypatch.setattr(tasks, "enqueue_effects", spy)
    return calls


__all__ = ["curate", "SectionPage"]
