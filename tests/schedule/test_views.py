"""The story's timeline in the admin: linked from its page, in the edition's time zone, for those who may see it."""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from masthead.schedule import clock, timeline
from masthead.schedule.models import StoryEvent
from masthead.web.models import EditionSettings
from tests.schedule.conftest import schedule, time_passes


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("chief", "chief@example.org", "not-a-real-password")


def test_the_timeline_reads_scheduled_for_then_published_with_its_lateness_and_effects(client, editor, edition, draft):
    EditionSettings.objects.update_or_create(site=edition.site, defaults={"time_zone": "Asia/Karachi"})
    story = draft(title="Budget agreed at dawn")
    planned = timezone.now().replace(microsecond=0) + timedelta(hours=1)
    due = timezone.now() - timedelta(minutes=3, seconds=12)
    time_passes(schedule(story, planned), due)  # the worker was down
    clock.tick()
    timeline.record(story.pk, StoryEvent.Kind.PURGED, {"urls": ["http://testserver/world/", "http://testserver/"]})
    timeline.record(story.pk, StoryEvent.Kind.ALERT, {"message": "Sent to 1,204 readers"})

    client.force_login(editor)
    response = client.get(reverse("schedule_timeline", args=(story.pk,)))

    assert response.status_code == 200
    html = response.content.decode()
    karachi = timezone.localtime(planned, timezone=ZoneInfo("Asia/Karachi"))
    assert f"Scheduled for {karachi:%Y-%m-%d %H:%M:%S} PKT" in html
    assert "Published by the clock" in html and "3 min 1" in html and " late; due" in html
    assert "Cached pages purged" in html and "http://testserver/world/" in html
    assert "Sent to 1,204 readers" in html
    assert "Times in Asia/Karachi" in html
    order = [html.index(text) for text in ("Scheduled for", "Published by the clock", "Cached pages purged", "Alert sent")]
    assert order == sorted(order)


def test_the_page_header_links_to_the_timeline(client, editor, make_story):
    story = make_story(title="Linked")
    client.force_login(editor)
    response = client.get(reverse("wagtailadmin_pages:edit", args=(story.pk,)))
    assert reverse("schedule_timeline", args=(story.pk,)) in response.content.decode()


def test_the_timeline_is_not_for_everyone(client, django_user_model, make_story):
    story = make_story(title="Private")
    url = reverse("schedule_timeline", args=(story.pk,))
    assert client.get(url).status_code == 302  # to the login
    from django.contrib.auth.models import Permission

    outsider = django_user_model.objects.create_user("outsider", "o@example.org", "not-a-real-password")
    outsider.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(outsider)
    assert client.get(url).status_code in (302, 403)


def test_an_unknown_page_is_404(client, editor, db):
    client.force_login(editor)
    assert client.get(reverse("schedule_timeline", args=(999999,))).status_code == 404


def test_lateness_is_said_as_a_desk_chief_says_it():
    assert [timeline.duration(s) for s in (0.42, 12, 192, 7500, 3600)] == ["0.4 s", "12 s", "3 min 12 s", "2 h 5 min", "1 h"]
