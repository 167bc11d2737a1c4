import pytest
from django.urls import reverse
from django.utils import timezone

from masthead.news.models import ArchiveYearPage


def test_new_story_lists_sections(admin_client, edition):
    html = admin_client.get(reverse("news_new_story")).content.decode()
    for section in ("World", "Pakistan", "Business"):
        assert section in html


def test_new_story_files_in_this_years_archive_and_opens_the_editor(admin_client, edition):
    section = edition.sections["world"]
    response = admin_client.post(reverse("news_new_story"), {"section": section.pk})
    folder = ArchiveYearPage.objects.child_of(section).get(slug=str(timezone.now().year))
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:add", args=("news", "articlepage", folder.pk))
    assert admin_client.get(response["Location"]).status_code == 200


def test_new_story_rejects_an_unknown_section(admin_client, edition):
    assert admin_client.post(reverse("news_new_story"), {"section": 999999}).status_code == 404


@pytest.mark.django_db
def test_new_story_needs_a_login(client):
    assert client.get(reverse("news_new_story")).status_code == 302


def test_editor_can_edit_a_story_in_the_admin(admin_client, make_story):
    story = make_story()
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=(story.pk,)))
    assert response.status_code == 200
    assert b"Dateline" in response.content


@pytest.mark.parametrize("url", ["wagtailsnippets_news_author:list", "wagtailsnippets_news_agency:list"])
def test_snippet_listings_open(admin_client, edition, url):
    assert admin_client.get(reverse(url)).status_code == 200
