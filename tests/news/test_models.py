from datetime import timedelta

import pytest
from django.utils import timezone

from masthead.news import querysets, services
from masthead.news.models import Agency, ArchiveYearPage, ArticlePage


def test_story_is_filed_in_the_yearly_archive_of_its_section(make_story, edition):
    story = make_story("world", days_ago=0)
    year = timezone.now().year
    assert story.get_parent().specific == ArchiveYearPage.objects.get(
        slug=str(year), path__startswith=edition.sections["world"].path
    )
    assert story.url_path.endswith(f"/world/{year}/{story.slug}/")


def test_backdated_story_goes_to_the_year_it_was_published(make_story):
    story = make_story("world", days_ago=800)
    assert story.get_parent().slug == str((timezone.now() - timedelta(days=800)).year)


def test_one_yearly_archive_per_section_and_year(make_story):
    make_story("world")
    make_story("world")
    make_story("pakistan")
    assert ArchiveYearPage.objects.count() == 2


def test_listing_columns_are_denormalised_on_publish(make_story, edition):
    story = make_story("business", days_ago=3)
    assert story.section_id == edition.sections["business"].pk
    assert story.published_at == story.first_published_at
    assert story.live


def test_draft_has_no_publication_date(make_story):
    draft = make_story(publish=False)
    assert not draft.live
    assert draft.published_at is None


def test_same_title_gets_a_free_slug(make_story):
    first = make_story(title="Floods in the north")
    second = make_story(title="Floods in the north")
    assert first.slug == "floods-in-the-north"
    assert second.slug == "floods-in-the-north-2"


@pytest.mark.parametrize("credit", ["Interfax", "interfax", "Ifax", "IFAX", "  Ifax "])
def test_agency_resolves_by_name_or_alias(interfax, credit):
    assert Agency.objects.resolve(credit) == interfax


def test_unknown_agency_resolves_to_nothing(interfax):
    assert Agency.objects.resolve("Unknown Wire") is None
    assert Agency.objects.resolve("") is None


def test_article_pages_are_translatable(make_story):
    story = make_story()
    assert story.locale.language_code == "en"
    assert story.translation_key


def test_create_edition_serves_its_home(edition):
    assert edition.site.root_page.specific == edition.home
    assert edition.site.site_name == "MM News"


def test_unpublished_story_keeps_its_columns_but_leaves_listings(make_story, edition):
    from masthead.news import querysets

    story = make_story()
    story.unpublish()
    assert list(querysets.section_stories(edition.sections["world"])) == []
    assert ArticlePage.objects.get(pk=story.pk).section_id == edition.sections["world"].pk


def test_year_folder_is_reused(edition):
    section = edition.sections["world"]
    assert services.year_folder_for(section, 2021) == services.year_folder_for(section, 2021)


def test_moving_a_year_archive_to_another_section_refiles_its_stories(make_story, edition):
    story = make_story("world")
    year = story.get_parent()
    business = edition.sections["business"]
    year.move(business, pos="last-child")
    story.refresh_from_db()
    assert story.section_id == business.pk
    assert story.folder_id == year.pk  # the year moved with its stories


def test_moving_a_story_refiles_it(make_story, edition):
    story = make_story("world")
    target = services.year_folder_for(edition.sections["pakistan"], 2020)
    old_year = story.get_parent()
    story.move(target, pos="last-child")
    story.refresh_from_db()
    assert story.section_id == edition.sections["pakistan"].pk
    assert story.folder_id == target.pk
    assert story in querysets.year_stories(target) and story not in querysets.year_stories(old_year.specific)


def test_a_year_lists_its_own_stories_newest_first(make_story, edition, client):
    old = [make_story("world", days_ago=400 + n, title=f"Last year {n}") for n in range(3)]
    make_story("world", title="This year")
    make_story("business", days_ago=401, title="Other section")
    folder = old[0].get_parent().specific
    assert old[0].folder_id == folder.pk
    assert list(querysets.year_stories(folder)) == old
    page = client.get(folder.url).content.decode()
    assert "Last year 0" in page and "This year" not in page and "Other section" not in page


def test_the_migration_files_existing_stories_in_their_folders(make_story):
    from importlib import import_module

    from django.apps import apps

    stories = [make_story("world"), make_story("business", days_ago=500)]
    ArticlePage.objects.update(folder=None)
    import_module("masthead.news.migrations.0005_article_folders").file_stories_in_their_folders(apps, None)
    for story in stories:
        story.refresh_from_db()
        assert story.folder_id == story.get_parent().pk
