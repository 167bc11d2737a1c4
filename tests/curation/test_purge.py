"""A curation change purges exactly the pages that show it; a new name or address still purges the edition."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from masthead.pagecache import purge as purges
from masthead.schedule import clock
from tests.curation.conftest import curate

FRONT = {"testserver": {"/", "/api/v1/top"}}


def test_a_home_slot_change_purges_the_home_page_alone(edition, make_story, enqueued):
    story = make_story()
    enqueued.clear()
    curate(edition.home, story)
    assert len(enqueued) == 1
    purge = enqueued[0]
    assert purge.paths == FRONT and not purge.hosts and not purge.tags and not purge.everything


def test_a_section_slot_change_purges_that_section_and_what_shows_its_slots(edition, make_story, enqueued):
    story = make_story()
    enqueued.clear()
    curate(edition.sections["world"], story)
    [purge] = enqueued
    assert purge.paths == {"testserver": {"/world/", "/world/feed/", "/world/feed/atom/", "/", "/api/v1/top", "/api/v1/sections"}}
    assert not purge.hosts and not purge.everything


def test_a_new_title_still_purges_the_whole_edition(edition, make_story, enqueued):
    from masthead.news.models import SectionPage

    story = make_story()
    section = SectionPage.objects.get(pk=edition.sections["world"].pk)
    section.title = "World news"
    section.front_slots = []
    enqueued.clear()
    section.save_revision().publish()
    assert [purge.hosts for purge in enqueued] == [{"testserver"}]
    enqueued.clear()
    curate(section, story)  # the same title again: the slots alone
    assert [purge.hosts for purge in enqueued] == [set()]


def test_a_scheduled_curation_goes_live_by_the_clock_and_purges_then(edition, make_story, enqueued, monkeypatch):
    from masthead.curation.models import HomeSlot

    story = make_story()
    go_live = timezone.now() + timedelta(hours=2)
    enqueued.clear()
    curate(edition.home, story, go_live_at=go_live)
    assert enqueued == [] and not HomeSlot.objects.exists()  # scheduled: nothing changed for readers yet
    assert clock.tick(timezone.now()).published == 0

    later = go_live + timedelta(seconds=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert clock.tick(later).published == 1
    assert list(HomeSlot.objects.values_list("story_id", flat=True)) == [story.pk]
    assert [purge.paths for purge in enqueued] == [FRONT] and not enqueued[0].hosts


def test_a_curated_storys_withdrawal_purges_every_front_it_is_placed_on(edition, make_story):
    story = make_story("business")
    assert f"curated-{story.pk}" in purges.for_article(story).tags
