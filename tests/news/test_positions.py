"""Deep section pages read from anchors must list exactly what OFFSET lists, after any change."""

from __future__ import annotations

from io import StringIO

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from masthead.news import positions, querysets
from masthead.news.models import ArchiveYearPage, SectionAnchor

SPACING = 4  # small, so a few stories already make deep pages


@pytest.fixture(autouse=True)
def small_spacing(monkeypatch):
    monkeypatch.setattr(positions, "SPACING", SPACING)


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run a change as its own transaction and the refreshes it scheduled after it, as in production."""

    def run(change):
        with django_capture_on_commit_callbacks(execute=True):
            with transaction.atomic():
                return change()

    return run


@pytest.fixture
def stories(make_story, committed):
    """Twelve live World stories, one a day, filed oldest first as a newsroom files them."""
    return [committed(lambda n=n: make_story("world", days_ago=30 - n)) for n in range(12)]


def anchors(section) -> list[tuple[int, int]]:
    return list(SectionAnchor.objects.filter(section=section).order_by("position").values_list("position", "story_pk"))


def assert_true_to_offset(section) -> None:
    """The anchors are what a derivation from scratch gives, and every slice equals OFFSET's."""
    derived = [(position, pk) for position, _, pk in positions.anchors_of(positions.listed_in(section.pk))]
    assert anchors(section) == derived
    listing = querysets.section_stories(section)
    expected_all = list(listing)
    for limit in (1, 3, 5):
        for offset in range(len(expected_all) + 2):
            got = positions.newest_slice(section.pk, listing, offset, limit)
            assert [s.pk for s in got] == [s.pk for s in expected_all[offset : offset + limit]], (offset, limit)


def test_new_stories_add_an_anchor_every_spacing_stories_from_the_oldest(stories, edition):
    world = edition.sections["world"]
    assert anchors(world) == [(0, stories[0].pk), (4, stories[4].pk), (8, stories[8].pk)]
    assert_true_to_offset(world)


def test_a_backdated_story_older_than_all_shifts_every_anchor(stories, edition, make_story, committed):
    committed(lambda: make_story("world", days_ago=400))
    assert_true_to_offset(edition.sections["world"])


def test_a_story_filed_late_in_the_middle(stories, edition, make_story, committed):
    committed(lambda: make_story("world", days_ago=23.5))
    assert_true_to_offset(edition.sections["world"])


def test_unpublishing_an_anchor_story_and_a_middle_story(stories, edition, committed):
    committed(lambda: stories[4].unpublish())
    assert_true_to_offset(edition.sections["world"])
    committed(lambda: stories[6].unpublish())
    assert_true_to_offset(edition.sections["world"])


def test_republishing_an_unpublished_story(stories, edition, committed):
    committed(lambda: stories[2].unpublish())
    committed(lambda: stories[2].get_latest_revision().publish())
    assert_true_to_offset(edition.sections["world"])
    assert len(anchors(edition.sections["world"])) == 3


def test_updating_an_old_story_keeps_its_anchors(stories, edition, committed):
    before = list(SectionAnchor.objects.filter(section=edition.sections["world"]).values_list("pk", flat=True))
    committed(lambda: stories[1].save_revision().publish())
    assert list(SectionAnchor.objects.filter(section=edition.sections["world"]).values_list("pk", flat=True)) == before
    assert_true_to_offset(edition.sections["world"])


def test_deleting_stories(stories, edition, committed):
    committed(lambda: stories[0].delete())
    assert_true_to_offset(edition.sections["world"])
    committed(lambda: stories[9].delete())
    assert_true_to_offset(edition.sections["world"])


def test_moving_a_story_to_another_section(stories, edition, committed):
    business = edition.sections["business"]
    committed(lambda: stories[5].move(_year_in(business, stories[5]), pos="last-child"))
    assert_true_to_offset(edition.sections["world"])
    assert_true_to_offset(business)


def test_moving_a_year_of_stories_to_another_section(make_story, edition, committed):
    old = [committed(lambda n=n: make_story("world", days_ago=800 + n)) for n in range(5)]
    [committed(lambda n=n: make_story("world", days_ago=n)) for n in range(6)]
    [committed(lambda n=n: make_story("business", days_ago=n)) for n in range(6)]
    year = old[0].get_parent()
    assert not ArchiveYearPage.objects.child_of(edition.sections["business"]).filter(slug=year.slug).exists()
    committed(lambda: year.move(edition.sections["business"], pos="last-child"))
    assert querysets.section_stories(edition.sections["business"]).count() == 11
    assert_true_to_offset(edition.sections["world"])
    assert_true_to_offset(edition.sections["business"])


def test_many_changes_in_one_transaction_refresh_once_per_section(stories, edition, make_story, committed, monkeypatch):
    calls = []
    real = positions.refresh
    monkeypatch.setattr(positions, "refresh", lambda section_id, since=None: (calls.append(section_id), real(section_id, since)))

    def change():
        for n in range(3):
            make_story("world", days_ago=100 + n)
        stories[3].unpublish()

    committed(change)
    assert calls == [edition.sections["world"].pk]
    assert_true_to_offset(edition.sections["world"])


def test_a_rolled_back_transaction_does_not_swallow_the_next_refresh(stories, edition, make_story, committed):
    with pytest.raises(RuntimeError):
        with transaction.atomic():
            make_story("world", days_ago=200)
            raise RuntimeError("the editor's save failed")
    committed(lambda: make_story("world", days_ago=300))
    assert_true_to_offset(edition.sections["world"])


def test_a_failed_refresh_drops_the_anchors_and_pages_stay_right(stories, edition, make_story, committed, monkeypatch):
    def broken(section_id, since):
        raise RuntimeError("database went away")

    monkeypatch.setattr(positions, "_refresh", broken)
    committed(lambda: make_story("world", days_ago=500))
    world = edition.sections["world"]
    assert anchors(world) == []
    listing = querysets.section_stories(world)
    assert [s.pk for s in positions.newest_slice(world.pk, listing, 10, 3)] == [s.pk for s in listing[10:13]]


def test_a_section_without_anchors_is_paged_by_offset(make_story, edition):
    made = [make_story("world", days_ago=n) for n in range(8)]  # the test's transaction never commits: no anchors
    world = edition.sections["world"]
    assert anchors(world) == []
    listing = querysets.section_stories(world)
    assert [s.pk for s in positions.newest_slice(world.pk, listing, 5, 3)] == [s.pk for s in made[5:8]]


def test_rebuild_derives_anchors_from_scratch(stories, edition):
    world = edition.sections["world"]
    SectionAnchor.objects.filter(section=world).update(story_pk=0)  # as if corrupted
    assert positions.rebuild(world.pk) == 3
    assert_true_to_offset(world)


def test_the_command_derives_every_section_again(stories, edition, make_story):
    from django.core.management import call_command

    world = edition.sections["world"]
    make_story("world", days_ago=900)  # in the test's transaction: no refresh ran, the anchors are stale
    out = StringIO()
    call_command("rebuild_section_anchors", stdout=out)
    assert "/world/: 4 anchors, one every 4 stories" in out.getvalue()
    assert_true_to_offset(world)


def test_section_page_deep_pages_list_what_offset_lists(stories, edition, client, monkeypatch):
    monkeypatch.setattr("masthead.news.models.pages.SECTION_PAGE_SIZE", 2)
    world = edition.sections["world"]
    titles = [s.title for s in querysets.section_stories(world)]
    for number in range(1, 7):
        response = client.get(f"/world/?page={number}")
        assert response.status_code == 200
        page = response.content.decode()
        shown = [title for title in titles if f">{title}<" in page]
        assert shown == titles[(number - 1) * 2 : number * 2], number
    assert client.get("/world/?page=7").status_code == 404


def test_deep_pages_take_the_same_queries_wherever_they_are(make_story, edition, committed):
    for n in range(40):
        committed(lambda n=n: make_story("world", days_ago=60 - n))
    world = edition.sections["world"]
    listing = querysets.section_stories(world)
    counts = []
    for offset in (8, 20, 35):
        with CaptureQueriesContext(connection) as captured:
            positions.newest_slice(world.pk, listing, offset, 5)
        counts.append(len(captured))
    assert counts[0] == counts[1] == counts[2]


def _year_in(section, story):
    from masthead.news import services

    return services.year_folder_for(section, story.published_at.year)


def test_the_migration_anchors_existing_archives(stories, edition):
    from importlib import import_module

    from django.apps import apps

    migration = import_module("masthead.news.migrations.0004_section_anchors")
    SectionAnchor.objects.all().delete()
    migration.derive_anchors(apps, None)
    assert_true_to_offset(edition.sections["world"])
    assert len(anchors(edition.sections["world"])) == 3
