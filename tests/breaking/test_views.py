"""The editors' breaking-news pages: who may use them, times in the edition's zone, clear errors that lose nothing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from masthead.breaking.models import BreakingStory


def url(story) -> str:
    return reverse("breaking_story", args=(story.pk,))


def refused(response) -> bool:
    """Wagtail answers PermissionDenied in its admin with a redirect to the dashboard and a message."""
    return response.status_code == 403 or (response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home"))


def in_karachi(moment: datetime) -> str:
    """How an editor in the edition's zone (Asia/Karachi, UTC+5, the default) types a time."""
    return (moment + timedelta(hours=5)).strftime("%Y-%m-%d %H:%M")


@pytest.mark.parametrize("group", ["Reporters", "Sub-editors", "Wire desk"])
def test_reporters_and_sub_editors_cannot_mark_a_story_breaking(client, edition, make_story, member, group):
    story = make_story()
    client.force_login(member("someone", group))
    assert refused(client.get(url(story)))
    ends = timezone.now() + timedelta(hours=2)
    assert refused(client.post(url(story), {"action": "mark", "ends_at": in_karachi(ends)}))
    assert refused(client.get(reverse("breaking_list")))
    assert not BreakingStory.objects.exists()
    edit_page = client.get(reverse("wagtailadmin_pages:edit", args=(story.pk,)))
    assert url(story) not in edit_page.content.decode()
    assert reverse("breaking_list") not in client.get(reverse("wagtailadmin_home")).content.decode()


@pytest.mark.parametrize("group", ["Editors", "Administrators"])
def test_editors_mark_a_story_breaking_until_a_time_in_the_editions_zone(client, edition, make_story, member, group):
    story = make_story(title="Quake hits the north")
    client.force_login(member("someone", group))
    edit_page = client.get(reverse("wagtailadmin_pages:edit", args=(story.pk,))).content.decode()
    assert url(story) in edit_page  # the header's button
    page = client.get(url(story)).content.decode()
    assert "Times in Asia/Karachi" in page and "Mark breaking" in page
    ends = (timezone.now() + timedelta(hours=2)).replace(second=0, microsecond=0)
    response = client.post(url(story), {"action": "mark", "ends_at": in_karachi(ends)})
    assert response.status_code == 302
    row = BreakingStory.objects.get()
    assert row.ends_at == ends.astimezone(UTC) and row.story_id == story.pk and row.set_by.username == "someone"
    page = client.get(url(story)).content.decode()
    assert "Breaking now." in page and "Change the end time" in page and "End now" in page


def test_a_past_end_time_is_a_clear_form_error_and_saves_nothing(client, edition, make_story, member):
    story = make_story()
    client.force_login(member("erum", "Editors"))
    typed = in_karachi(timezone.now() - timedelta(minutes=10))
    response = client.post(url(story), {"action": "mark", "ends_at": typed})
    assert response.status_code == 200
    html = response.content.decode()
    assert "That time has passed: choose a time in the future." in html and typed in html  # what was typed is kept
    assert not BreakingStory.objects.exists()
    assert "Enter a valid date/time" in client.post(url(story), {"action": "mark", "ends_at": "tomorrow-ish"}).content.decode()


def test_a_draft_cannot_be_marked(client, edition, make_story, member):
    story = make_story(publish=False)
    client.force_login(member("erum", "Editors"))
    assert "Only a published story can be breaking" in client.get(url(story)).content.decode()
    ends = in_karachi(timezone.now() + timedelta(hours=1))
    assert client.post(url(story), {"action": "mark", "ends_at": ends}).status_code in (200, 403)
    assert not BreakingStory.objects.exists()


def test_marking_a_second_story_says_it_replaces_the_first(client, edition, make_story, member, mark):
    first, second = make_story(title="Fire at the port"), make_story(title="Quake hits the north")
    mark(first)
    client.force_login(member("erum", "Editors"))
    page = client.get(url(second)).content.decode()
    assert "“Fire at the port” is breaking in this edition now" in page
    assert "Mark breaking, replacing “Fire at the port”" in page
    ends = in_karachi(timezone.now() + timedelta(hours=1))
    assert client.post(url(second), {"action": "mark", "ends_at": ends}).status_code == 302
    assert list(BreakingStory.objects.open().values_list("story_id", flat=True)) == [second.pk]


def test_change_the_end_and_end_now(client, edition, make_story, member, mark):
    story = make_story()
    row = mark(story)
    client.force_login(member("erum", "Editors"))
    later = (timezone.now() + timedelta(hours=6)).replace(second=0, microsecond=0)
    assert client.post(url(story), {"action": "change", "ends_at": in_karachi(later)}).status_code == 302
    row.refresh_from_db()
    assert row.ends_at == later and row.ended_at is None
    assert client.post(url(story), {"action": "end"}).status_code == 302
    row.refresh_from_db()
    assert row.ended_at is not None and row.ended_by.username == "erum"


def test_the_list_dashboard_and_desk_reach_breaking_stories(client, edition, make_story, member, mark):
    story = make_story(title="Quake hits the north")
    mark(story)
    client.force_login(member("erum", "Editors"))
    listing = client.get(reverse("breaking_list")).content.decode()
    assert "Breaking now" in listing and "Quake hits the north" in listing and url(story) in listing
    assert url(story) in client.get(reverse("wagtailadmin_home")).content.decode()
    assert url(story) in client.get(reverse("desk_list", args=("today",))).content.decode()
