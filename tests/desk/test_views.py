"""The desk in the admin: dashboard panels and the listings, filtered, paginated, in constant queries."""

from __future__ import annotations

import html
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from masthead.desk import views


def page_text(response) -> str:
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def fill_desk(editor, file_story, count: int, start: int = 0) -> None:
    for n in range(start, start + count):
        file_story("world" if n % 2 else "business", user=editor, title=f"Draft {n}")
        file_story(user=editor, title=f"Scheduled {n}", go_live_in=timedelta(hours=n + 1))
        file_story(user=editor, title=f"Published {n}", publish=True)


def test_dashboard_shows_the_desks_lists_with_see_all_links(editor, editor_client, file_story):
    fill_desk(editor, file_story, 2)
    text = page_text(editor_client.get(reverse("wagtailadmin_home")))
    for heading in ("My drafts", "Scheduled", "Published today", "Awaiting my review"):
        assert heading in text
    assert "Draft 1" in text and "Scheduled 0" in text and "Published 1" in text
    assert reverse("desk_list", args=("drafts",)) in text
    assert "desk-overdue" not in text  # the overdue panel shows only when something is overdue


def test_dashboard_panels_are_short(editor, editor_client, file_story, monkeypatch):
    from masthead.desk import panels

    monkeypatch.setattr(panels, "PANEL_ROWS", 2)
    fill_desk(editor, file_story, 3)
    text = page_text(editor_client.get(reverse("wagtailadmin_home")))
    assert "Draft 2" in text and "Draft 1" in text and "Draft 0" not in text
    assert "See all (more than 2)" in text


def test_dashboard_queries_do_not_grow_with_the_stories(editor, editor_client, file_story, django_assert_max_num_queries):
    fill_desk(editor, file_story, 1)
    editor_client.get(reverse("wagtailadmin_home"))  # first request warms per-process memos
    with CaptureQueriesContext(connection) as few:
        editor_client.get(reverse("wagtailadmin_home"))
    fill_desk(editor, file_story, 8, start=1)
    with django_assert_max_num_queries(len(few.captured_queries)):
        page_text(editor_client.get(reverse("wagtailadmin_home")))


@pytest.mark.parametrize("slug", ["drafts", "review", "scheduled", "today", "overdue"])
def test_every_list_opens(editor_client, edition, slug):
    assert editor_client.get(reverse("desk_list", args=(slug,))).status_code == 200


def test_an_unknown_list_is_404(editor_client, edition):
    assert editor_client.get(reverse("desk_list", args=("nonsense",))).status_code == 404


def test_scheduled_list_shows_the_time_to_go(editor, editor_client, file_story):
    file_story(user=editor, title="Goes at noon", go_live_in=timedelta(hours=2, minutes=1))
    text = page_text(editor_client.get(reverse("desk_list", args=("scheduled",))))
    assert "Goes at noon" in text
    assert "in 2\xa0hours" in text


def test_lists_filter_by_section_and_edition(editor, editor_client, edition, file_story):
    fill_desk(editor, file_story, 2)
    url = reverse("desk_list", args=("drafts",))
    text = page_text(editor_client.get(url, {"section": edition.sections["world"].pk}))
    assert "Draft 1" in text and "Draft 0" not in text
    text = page_text(editor_client.get(url, {"edition": edition.site.pk}))
    assert "Draft 1" in text and "Draft 0" in text
    # Nonsense in the filters means no filter, never an error.
    text = page_text(editor_client.get(url, {"section": "abc", "edition": "x"}))
    assert "Draft 1" in text and "Draft 0" in text


def test_lists_paginate_without_counting(editor, editor_client, file_story, monkeypatch):
    monkeypatch.setattr(views, "PER_PAGE", 2)
    for n in range(3):
        file_story(user=editor, title=f"Draft {n}")
    url = reverse("desk_list", args=("drafts",))
    first = page_text(editor_client.get(url))
    assert "Draft 2" in first and "Draft 1" in first and "Draft 0" not in first and "page=2" in first
    second = page_text(editor_client.get(url, {"page": "2"}))
    assert "Draft 0" in second and "Draft 2" not in second
    assert editor_client.get(url, {"page": "3"}).status_code == 404
    assert editor_client.get(url, {"page": "abc"}).status_code == 200


def test_list_queries_do_not_grow_with_the_stories(editor, editor_client, file_story, django_assert_max_num_queries):
    fill_desk(editor, file_story, 1)
    for slug in ("drafts", "scheduled", "today"):
        editor_client.get(reverse("desk_list", args=(slug,)))
    counts = {}
    for slug in ("drafts", "scheduled", "today", "review", "overdue"):
        with CaptureQueriesContext(connection) as queries:
            editor_client.get(reverse("desk_list", args=(slug,)))
        counts[slug] = len(queries.captured_queries)
    fill_desk(editor, file_story, 8, start=1)
    for slug, count in counts.items():
        with django_assert_max_num_queries(count):
            page_text(editor_client.get(reverse("desk_list", args=(slug,))))


@pytest.mark.django_db
def test_the_desk_needs_a_login(client):
    assert client.get(reverse("desk_list", args=("drafts",))).status_code == 302


def test_stories_in_review_are_on_the_desks_panel_not_twice(editor, editor_client, file_story):
    from wagtail.models import Workflow

    workflow = Workflow.objects.filter(active=True).first()
    assert workflow is not None
    workflow.start(file_story(user=editor, title="Please check"), editor)
    text = page_text(editor_client.get(reverse("wagtailadmin_home")))
    assert "Awaiting my review" in text and "Please check" in text
    assert "Awaiting your review" not in text  # Wagtail's own panel of the same list is replaced
