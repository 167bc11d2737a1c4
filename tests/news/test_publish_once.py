"""Publish in the page editor publishes once: a double click (or five) makes one revision and one publication."""

from __future__ import annotations

import functools
import sqlite3
import threading
from contextlib import closing, contextmanager
from datetime import timedelta
from unittest import mock

import pytest
from django.contrib.messages import get_messages
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageLogEntry, Revision
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from masthead.news.models import ArticlePage

CLICKS = 5
NOTHING_PUBLISHED = "nothing was published"


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("editor", "editor@example.org", "not-a-real-password")


@functools.cache
def paragraph() -> str:
    # Draftail's form value, made once: it keys each text block at random, and one page's clicks send the same keys.
    return rich_text("<p>The council met on Tuesday and agreed the budget.</p>")


def publish_form(story: ArticlePage, title: str = "Budget agreed", **extra) -> dict:
    """What the editor's browser posts on Publish: the whole form, block ids included (the editor's script gives each
    new block its id when it is added, so every click sends the same ones)."""
    paragraphs = [("paragraph", paragraph())]
    data = nested_form_data(
        {
            "title": title,
            "slug": story.slug,
            "standfirst": "The vote came after a night of talks.",
            "dateline": "Karachi",
            "body": streamfield(paragraphs),
            "tags": "budget, council",
            "comments": {"TOTAL_FORMS": "0", "INITIAL_FORMS": "0", "MIN_NUM_FORMS": "0", "MAX_NUM_FORMS": "1000"},
            "notes": {"TOTAL_FORMS": "0", "INITIAL_FORMS": "0", "MIN_NUM_FORMS": "0", "MAX_NUM_FORMS": "1000"},
            **extra,
        }
    )
    data["body-0-id"] = "8f6f1a52-5b8c-4a36-9a50-1e1f6b2e0c11"
    data["action-publish"] = "action-publish"
    return data


def counts(story: ArticlePage) -> tuple[int, int]:
    logs = PageLogEntry.objects.filter(page_id=story.pk)
    return Revision.page_revisions.filter(object_id=str(story.pk)).count(), logs.filter(action="wagtail.publish").count()


def live_content(story: ArticlePage) -> dict:
    return ArticlePage.objects.get(pk=story.pk).live_revision.content


def live_title(story: ArticlePage) -> str:
    return live_content(story)["title"]


def in_thread(work):
    """Run ``work`` on a thread of its own, with its own database connection, as a request of the app server would."""
    result = {}

    def run():
        try:
            result["value"] = work()
        except BaseException as error:  # handed back to the test
            result["error"] = error
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(timeout=120)
    if "error" in result:
        raise result["error"]
    return result["value"]


@contextmanager
def database_on_disk(tmp_path):
    """The threads' database: PostgreSQL's test database as it is; for SQLite, a copy on disk.

    SQLite's test database lives in memory with a shared cache, where a second writer fails at once ("database
    table is locked") instead of waiting its turn as it does on disk, in WAL mode with IMMEDIATE transactions
    and a busy timeout (the settings). The copy, made with SQLite's backup API, is what production runs on.
    Connections opened while this is active (each thread's) open the copy.
    """
    if connection.vendor != "sqlite" or not connection.is_in_memory_db():
        yield
        return
    path = tmp_path / "threads.sqlite3"
    connection.ensure_connection()
    with closing(sqlite3.connect(path)) as disk:
        connection.connection.backup(disk)
    in_memory = connection.settings_dict["NAME"]
    connection.settings_dict["NAME"] = str(path)  # the dict every thread's new connection is made from
    try:
        assert in_thread(lambda: connection.settings_dict["NAME"]) == str(path)
        yield
    finally:
        connection.settings_dict["NAME"] = in_memory


def click_publish(editor, url: str, data: dict, start: threading.Barrier) -> tuple[list[str], str]:
    client = Client()
    client.force_login(editor)
    start.wait(timeout=30)
    response = client.post(url, data, follow=True)
    assert response.status_code == 200
    return [str(message.message) for message in get_messages(response.wsgi_request)], response.content.decode()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_five_concurrent_publishes_make_one_revision_and_one_publication(make_story, editor, tmp_path):
    story = make_story(title="Budget talks go on", tags=["budget"])
    url = reverse("wagtailadmin_pages:edit", args=(story.pk,))
    data = publish_form(story, "Budget agreed after a night of talks")
    before = counts(story)

    with database_on_disk(tmp_path):
        start = threading.Barrier(CLICKS)
        results: list = [None] * CLICKS

        def click(n: int) -> None:
            results[n] = in_thread(lambda: click_publish(editor, url, data, start))

        clicks = [threading.Thread(target=click, args=(n,)) for n in range(CLICKS)]
        for thread in clicks:
            thread.start()
        for thread in clicks:
            thread.join(timeout=150)

        assert all(result is not None for result in results), "a click never came back"
        assert in_thread(lambda: counts(story)) == (before[0] + 1, before[1] + 1)
        assert in_thread(lambda: live_title(story)) == "Budget agreed after a night of talks"
        published = [html for messages, html in results if any("has been published" in text for text in messages)]
        repeated = [html for messages, html in results if any(NOTHING_PUBLISHED in text for text in messages)]
        assert (len(published), len(repeated)) == (1, CLICKS - 1)
        expected = "No changes since the live version of “Budget agreed after a night of talks”: nothing was published."
        assert all(expected in html for html in repeated)  # shown on the page the editor lands on

        # A real change after that still publishes.
        changed = publish_form(story, "Budget agreed after a night of talks", standfirst="The vote came at dawn.")
        in_thread(lambda: click_publish(editor, url, changed, threading.Barrier(1)))
        assert in_thread(lambda: counts(story)) == (before[0] + 2, before[1] + 2)
        assert in_thread(lambda: live_content(story)["standfirst"]) == "The vote came at dawn."


def test_publishing_the_live_version_again_publishes_nothing(client, make_story, editor):
    story = make_story(title="Budget talks go on")
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:edit", args=(story.pk,))
    client.post(url, publish_form(story, "Budget agreed"))
    after_first = counts(story)
    response = client.post(url, publish_form(story, "Budget agreed"))
    assert response.status_code == 302
    assert counts(story) == after_first
    message = [str(m.message) for m in get_messages(response.wsgi_request)][-1]
    assert message.startswith("No changes since the live version of “Budget agreed”: nothing was published.")
    # Any field the editor changes is a change: the title, a tag, the schedule's end (one more each time).
    fields = {}
    for change in ({"title": "Budget agreed at last"}, {"tags": "budget"}, {"expire_at": "2099-01-01 09:00"}):
        fields.update(change)
        before = counts(story)
        client.post(url, publish_form(story, **fields))
        assert counts(story) == (before[0] + 1, before[1] + 1), change


def test_a_story_taken_down_is_published_again_with_the_same_content(client, make_story, editor):
    story = make_story(title="Budget talks go on")
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:edit", args=(story.pk,))
    client.post(url, publish_form(story, "Budget agreed"))
    ArticlePage.objects.get(pk=story.pk).unpublish()
    before = counts(story)
    client.post(url, publish_form(story, "Budget agreed"))
    assert counts(story) == (before[0] + 1, before[1] + 1)
    assert ArticlePage.objects.get(pk=story.pk).live


def test_a_second_schedule_is_refused_and_the_schedule_still_publishes(client, make_story, editor):
    story = make_story(title="Budget talks go on")
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:edit", args=(story.pk,))
    tomorrow = timezone.localtime() + timedelta(days=1)
    go_live = tomorrow.strftime("%Y-%m-%d %H:%M")
    schedules = PageLogEntry.objects.filter(page_id=story.pk, action="wagtail.publish.schedule")
    revisions = Revision.page_revisions.filter(object_id=str(story.pk))
    before = revisions.count()

    client.post(url, publish_form(story, "Budget agreed", go_live_at=go_live))
    response = client.post(url, publish_form(story, "Budget agreed", go_live_at=go_live))

    assert (revisions.count(), schedules.count()) == (before + 1, 1)
    assert "locked" in [str(m.message) for m in get_messages(response.wsgi_request)][-1]  # by its schedule, Wagtail's rule
    assert live_title(story) == "Budget talks go on"
    # The scheduled version still goes live when its time comes.
    with mock.patch("django.utils.timezone.now", return_value=tomorrow + timedelta(minutes=2)):
        call_command("publish_scheduled")
    assert live_title(story) == "Budget agreed"
