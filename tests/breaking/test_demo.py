"""The demo's breaking story: a banner for half an hour from each start of the demo, never two, never stretched."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from masthead.breaking import demo, expiry
from masthead.breaking.models import BreakingStory
from masthead.demo.load import load_demo


def test_each_start_of_the_demo_shows_a_banner_for_half_an_hour(db):
    started = timezone.now()
    load_demo()
    finished = timezone.now()
    row = BreakingStory.objects.current().get()
    assert started + demo.DEMO_DURATION <= row.ends_at <= finished + demo.DEMO_DURATION
    assert row.story.live and row.set_by is None

    load_demo()  # started again a minute later: the same banner, not a second or a longer one
    assert list(BreakingStory.objects.values_list("pk", "ends_at")) == [(row.pk, row.ends_at)]

    later = row.ends_at + timedelta(hours=20)  # the next day: the clock ended it; the demo shows it again
    expiry.end_expired(later)
    again = demo.mark_demo_story(now=later)
    assert again.pk != row.pk and again.ends_at == later + demo.DEMO_DURATION
    assert BreakingStory.objects.open().count() == 1
