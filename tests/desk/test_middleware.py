"""The admin shows and parses times in the edition's time zone for an editor whose profile names none."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.urls import reverse
from wagtail.models import Revision
from wagtail.users.models import UserProfile

from masthead.desk import editions
from masthead.web.models import EditionSettings
from tests.desk.forms_data import story_form


def go_live_typed(client, story, typed: str):
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=(story.pk,)), story_form(story.title, story.slug, go_live_at=typed)
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return Revision.page_revisions.get(object_id=str(story.pk), approved_go_live_at__isnull=False).approved_go_live_at


def next_year() -> int:
    return datetime.now(UTC).year + 1


def test_go_live_typed_by_an_editor_without_a_zone_is_the_editions_time(editor, editor_client, file_story):
    assert not UserProfile.objects.filter(user=editor).exists()
    story = file_story(user=editor)
    stored = go_live_typed(editor_client, story, f"{next_year()}-03-01 10:00")
    # Karachi is UTC+5 all year: 10:00 there is 05:00 UTC, not 10:00 UTC.
    assert stored == datetime(next_year(), 3, 1, 5, 0, tzinfo=UTC)
    assert not UserProfile.objects.filter(user=editor).exists()  # nothing was saved on the editor's behalf


def test_an_empty_zone_in_the_profile_means_the_editions_too(editor, editor_client, file_story):
    UserProfile.objects.create(user=editor, current_time_zone="")
    story = file_story(user=editor)
    assert go_live_typed(editor_client, story, f"{next_year()}-03-01 10:00") == datetime(next_year(), 3, 1, 5, 0, tzinfo=UTC)
    assert UserProfile.objects.get(user=editor).current_time_zone == ""


def test_the_zone_an_editor_chose_wins(editor, editor_client, file_story):
    UserProfile.objects.create(user=editor, current_time_zone="Europe/London")
    story = file_story(user=editor)
    # London in March (before the clocks change) is UTC.
    assert go_live_typed(editor_client, story, f"{next_year()}-03-01 10:00") == datetime(next_year(), 3, 1, 10, 0, tzinfo=UTC)


def test_the_editions_own_zone_is_used(editor, editor_client, edition, file_story):
    settings = EditionSettings.for_site(edition.site)
    settings.time_zone = "Asia/Dubai"  # UTC+4
    settings.save()
    story = file_story(user=editor)
    assert go_live_typed(editor_client, story, f"{next_year()}-03-01 10:00") == datetime(next_year(), 3, 1, 6, 0, tzinfo=UTC)


def test_the_editor_shows_stored_times_in_the_editions_zone(editor, editor_client, file_story):
    story = file_story(user=editor)
    story.go_live_at = datetime(next_year(), 3, 1, 5, 0, tzinfo=UTC)
    story.save_revision(user=editor)
    html = editor_client.get(reverse("wagtailadmin_pages:edit", args=(story.pk,))).content.decode()
    assert f"{next_year()}-03-01 10:00" in html
    assert f"{next_year()}-03-01 05:00" not in html


@pytest.mark.django_db
def test_a_story_of_a_second_edition_is_edited_in_that_editions_zone(editor, editor_client, edition, file_story):
    from masthead.news import services

    second = services.create_edition(name="Gulf News", hostname="gulf.example", port=80, is_default=False)
    settings = EditionSettings.for_site(second)
    settings.time_zone = "Asia/Dubai"
    settings.save()
    section = services.create_section(second.root_page.specific, title="Gulf", slug="gulf")
    story = services.file_story(section, services.StoryDraft(title="Dubai story", paragraphs=["<p>Text.</p>"]), user=editor)
    assert [e.time_zone for e in editions.all_editions()] == ["Asia/Karachi", "Asia/Dubai"]
    assert go_live_typed(editor_client, story, f"{next_year()}-03-01 10:00") == datetime(next_year(), 3, 1, 6, 0, tzinfo=UTC)
