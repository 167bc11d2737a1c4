"""The old single lead-story choice is kept: each home's chosen lead becomes its first slot."""

from __future__ import annotations

import importlib

from masthead.curation.models import HomeSlot

fold = importlib.import_module("masthead.curation.migrations.0002_home_lead_story_into_slots")


class _OldHomes:
    """Home pages as they were before the fold, each with its ``lead_story_id`` (the column is gone from today's table)."""

    def __init__(self, rows):
        self.rows = rows
        self.objects = self

    def exclude(self, **kwargs):
        return self

    def values_list(self, *fields):
        return [(home_id, story_id) for home_id, story_id in self.rows if story_id is not None]


class _Apps:
    def __init__(self, homes):
        self.models = {("news", "HomePage"): homes, ("curation", "HomeSlot"): HomeSlot}

    def get_model(self, app, name):
        return self.models[(app, name)]


def test_each_chosen_lead_becomes_the_first_slot_once(edition, make_story):
    lead = make_story(days_ago=2)
    apps = _Apps(_OldHomes([(edition.home.pk, lead.pk)]))
    fold.lead_story_to_slot(apps, None)
    fold.lead_story_to_slot(apps, None)  # run again (a retried migration): still one slot
    assert list(HomeSlot.objects.values_list("page_id", "story_id", "sort_order")) == [(edition.home.pk, lead.pk, 0)]
