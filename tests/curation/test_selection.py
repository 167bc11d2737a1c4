"""What a curated front shows: breaking, then the editors' lead, then the newest; the rest filled without duplicates."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from masthead.news import querysets
from tests.curation.conftest import curate
from tests.web.test_pages import count_queries


def front(edition):
    from masthead.news.models import HomePage

    return querysets.front_page(HomePage.objects.get(pk=edition.home.pk), request=None)


def all_shown(context) -> list:
    return [context["lead"], *context["top_stories"], *(s for _, stories in context["top_by_section"] for s in stories)]


def test_the_lead_is_breaking_then_the_editors_lead_then_the_newest(edition, make_story, monkeypatch):
    from masthead.breaking import current

    old, older, newest = make_story(days_ago=3), make_story("business", days_ago=5), make_story()
    assert front(edition)["lead"] == newest
    curate(edition.home, old, older)
    context = front(edition)
    assert context["lead"] == old and context["top_stories"] == [older]
    breaking = make_story("pakistan", days_ago=1)
    monkeypatch.setattr(current, "story_for", lambda home: breaking)
    context = front(edition)
    # The breaking story leads; the editors' lead is the first top story, nothing is lost or shown twice.
    assert context["lead"] == breaking and context["top_stories"] == [old, older]
    assert context["lead"].section.slug == "pakistan"  # as a listing shows it


def test_the_rest_fills_itself_without_duplicates(edition, make_story):
    stories = [make_story(["world", "pakistan", "business"][n % 3], days_ago=n) for n in range(12)]
    curate(edition.home, stories[5], stories[0], stories[7])
    curate(edition.sections["business"], stories[11])
    context = front(edition)
    shown = all_shown(context)
    assert len(shown) == len({story.pk for story in shown})
    assert context["lead"] == stories[5] and context["top_stories"] == [stories[0], stories[7]]
    placed = {stories[5].pk, stories[0].pk, stories[7].pk}
    assert not placed & {story.pk for story in context["latest"]}
    by_section = {section.slug: items for section, items in context["top_by_section"]}
    assert by_section["business"][0] == stories[11]  # the section's own lead heads its block
    assert by_section["world"] == [stories[3], stories[6], stories[9]]  # its four, less the one placed on top


def test_a_pin_drops_out_when_it_runs_out(edition, make_story, monkeypatch):
    lead, pinned, newest = make_story(days_ago=2), make_story(days_ago=3), make_story()
    until = timezone.now() + timedelta(hours=1)
    curate(edition.home, lead, pinned, pinned_until={pinned: until})
    assert front(edition)["top_stories"] == [pinned]
    later = until + timedelta(seconds=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    context = front(edition)
    assert context["lead"] == lead and context["top_stories"] == []
    assert pinned in context["latest"]  # back among the latest, where it belongs by date
    assert newest in context["latest"]


def test_an_unpublished_story_leaves_its_slot(edition, make_story):
    lead, top = make_story(days_ago=2), make_story(days_ago=3)
    curate(edition.home, lead, top)
    lead.unpublish()
    context = front(edition)
    assert context["lead"] == top and lead not in all_shown(context)


def test_a_section_page_leads_with_its_slots_and_lists_the_rest(client, edition, make_story):
    world = [make_story(days_ago=n) for n in range(5)]
    curate(edition.sections["world"], world[3], world[1])
    html = client.get("/world/").content.decode()
    lead = html.split('class="lead"')[1].split("</section>")[0]
    top = html.split('class="front__top"')[1].split("</section>")[0]
    listing = html.split('class="cards cards--list"')[1]
    assert world[3].title in lead and world[1].title in top
    assert world[3].title not in listing and world[1].title not in listing
    assert all(story.title in listing for story in (world[0], world[2], world[4]))


def test_the_api_front_follows_the_curation(client, edition, make_story):
    lead, top = make_story(days_ago=2), make_story("business", days_ago=3)
    make_story()
    curate(edition.home, lead, top)
    body = client.get("/api/v1/top").json()
    assert body["lead"]["title"] == lead.title
    assert [item["title"] for item in body["top"]] == [top.title]
    assert top.title not in [item["title"] for entry in body["sections"] for item in entry["items"]]


def test_front_pages_carry_a_tag_for_each_curated_story(client, edition, make_story):
    story, other = make_story("business", days_ago=1), make_story()
    curate(edition.home, story)
    curate(edition.sections["world"], other)
    assert f"curated-{story.pk}" in client.get("/").headers["X-Cache-Tags"].split()
    assert f"curated-{other.pk}" in client.get("/world/").headers["X-Cache-Tags"].split()


@pytest.fixture
def pictured_stories(make_story):
    from wagtail.images.tests.utils import get_test_image_file

    from masthead.images.models import Picture

    def make(count):
        return [
            make_story(
                ["world", "pakistan", "business"][n % 3],
                days_ago=n,
                hero_image=Picture.objects.create(title=f"Picture {n}", file=get_test_image_file()),
            )
            for n in range(count)
        ]

    return make


def test_home_costs_the_same_with_eight_slots_as_with_none(client, edition, pictured_stories):
    stories = pictured_stories(24)
    before = count_queries(client, "/")
    curate(edition.home, *stories[10:18])
    curate(edition.sections["world"], *[story for story in stories if story.section.slug == "world"][-3:])
    html = client.get("/").content.decode()
    assert stories[10].title in html.split('class="lead"')[1].split("</section>")[0]
    assert count_queries(client, "/") == before


def test_a_section_page_costs_the_same_with_eight_slots_as_with_none(client, edition, pictured_stories):
    stories = [story for story in pictured_stories(36) if story.section.slug == "world"]
    before = count_queries(client, "/world/")
    curate(edition.sections["world"], *stories[2:10])
    assert stories[2].title in client.get("/world/").content.decode().split('class="lead"')[1]
    assert count_queries(client, "/world/") == before


def test_a_story_marked_breaking_leads_the_curated_home_page(client, edition, make_story):
    from masthead.breaking import services

    curated, breaking = make_story(days_ago=1), make_story("business", days_ago=2)
    curate(edition.home, curated)
    services.mark(breaking, ends_at=timezone.now() + timedelta(hours=2))
    html = client.get("/").content.decode()
    assert breaking.title in html.split('class="lead"')[1].split("</section>")[0]
    assert curated.title in html.split('class="front__top"')[1].split("</section>")[0]
