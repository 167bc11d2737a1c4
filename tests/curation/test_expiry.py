"""A pin's end: the page is purged at that moment, once, however many workers tick."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from masthead.curation import expiry
from masthead.curation.models import HomeSlot, SectionSlot
from masthead.schedule import clock
from tests.curation.conftest import curate


def test_a_pins_end_purges_its_page_once(edition, make_story, enqueued):
    lead, pinned = make_story(), make_story()
    until = timezone.now() + timedelta(minutes=30)
    curate(edition.home, lead, pinned, pinned_until={pinned: until})
    enqueued.clear()
    assert expiry.purge_expired_pins(until - timedelta(seconds=1)) == 0
    assert expiry.purge_expired_pins(until) == 1
    assert [purge.paths for purge in enqueued] == [{"testserver": {"/", "/api/v1/top"}}]
    assert expiry.purge_expired_pins(until + timedelta(seconds=1)) == 0  # another worker's tick, or the next
    assert len(enqueued) == 1
    assert HomeSlot.objects.filter(expiry_purged=True).count() == 1


def test_the_clock_runs_the_pin_job(edition, make_story, enqueued):
    story = make_story()
    until = timezone.now() + timedelta(minutes=5)
    curate(edition.sections["world"], story, pinned_until={story: until})
    enqueued.clear()
    clock.tick(until + timedelta(seconds=1))
    assert len(enqueued) == 1 and "/world/" in enqueued[0].paths["testserver"]
    assert SectionSlot.objects.get().expiry_purged


def test_two_pins_of_one_page_ending_together_purge_it_once(edition, make_story, enqueued):
    a, b = make_story(), make_story()
    until = timezone.now() + timedelta(minutes=5)
    curate(edition.home, a, b, pinned_until={a: until, b: until})
    enqueued.clear()
    assert expiry.purge_expired_pins(until) == 1 and len(enqueued) == 1
