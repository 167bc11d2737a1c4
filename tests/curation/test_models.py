"""Slots: children of the page in its editing form, and only live stories of the page's edition or section."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from masthead.curation.models import HomeSlot, SectionSlot
from masthead.news.models import HomePage, SectionPage


@pytest.mark.parametrize("model", [HomePage, SectionPage])
def test_front_pages_edit_their_slots_inline(model):
    panels = model.content_panels
    inline = [panel for panel in panels if getattr(panel, "relation_name", None) == "front_slots"]
    assert len(inline) == 1
    form_class = model.get_edit_handler().get_form_class()
    assert "front_slots" in form_class.formsets


def test_the_admin_edit_page_shows_the_slots(client, edition, django_user_model):
    admin = django_user_model.objects.create_superuser("ed", "ed@example.org", "pw")
    client.force_login(admin)
    html = client.get(f"/admin/pages/{edition.home.pk}/edit/").content.decode()
    assert 'name="front_slots-TOTAL_FORMS"' in html and "Lead and top stories" in html


def test_a_slot_takes_only_a_live_story(edition, make_story):
    draft = make_story(publish=False)
    with pytest.raises(ValidationError, match="not published"):
        HomeSlot(page=edition.home, story=draft).full_clean()
    HomeSlot(page=edition.home, story=make_story()).full_clean()


def test_a_section_slot_takes_only_the_sections_stories(edition, make_story):
    world = edition.sections["world"]
    with pytest.raises(ValidationError, match="not a story of the World section"):
        SectionSlot(page=world, story=make_story("business")).full_clean()
    SectionSlot(page=world, story=make_story("world")).full_clean()


def test_slots_are_a_revision_of_the_page_until_published(edition, make_story):
    from tests.curation.conftest import curate

    story = make_story()
    curate(edition.home, story, publish=False)
    assert not HomeSlot.objects.filter(page=edition.home).exists()  # a draft: readers see nothing yet
    home = HomePage.objects.get(pk=edition.home.pk)
    assert [slot.story for slot in home.get_latest_revision_as_object().front_slots.all()] == [story]
    home.get_latest_revision().publish()
    assert list(HomeSlot.objects.filter(page=edition.home).values_list("story_id", flat=True)) == [story.pk]
