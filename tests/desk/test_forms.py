"""A field in error on another tab is named in the editor's error banner, with its tab."""

from __future__ import annotations

import html

from django.contrib.messages import get_messages
from django.urls import reverse

from masthead.desk.forms import places_of
from masthead.news.models import ArticlePage
from tests.desk.forms_data import story_form


def banner(response) -> str:
    assert response.status_code == 200  # the editor again, not a redirect: nothing was saved
    return html.unescape(" ".join(str(message) for message in get_messages(response.wsgi_request)))


def test_a_slug_clash_on_a_new_story_names_the_slug_and_the_promote_tab(editor_client, editor, file_story):
    taken = file_story(user=editor, title="Budget agreed", publish=True)
    folder = taken.get_parent()
    response = editor_client.post(
        reverse("wagtailadmin_pages:add", args=("news", "articlepage", folder.pk)), story_form("Budget agreed", taken.slug)
    )
    text = banner(response)
    assert (
        f"The slug '{taken.slug}' is already used by another story in this folder ({folder.title}) — see the Promote tab" in text
    )
    assert text.index("see the Promote tab") < text.index("Slug:")  # where to look comes first
    assert ArticlePage.objects.filter(slug=taken.slug).count() == 1
    # The field itself is marked, on its tab, in the same words.
    assert "already used by another story in this folder" in html.unescape(response.content.decode())


def test_a_slug_clash_when_editing_is_named_too(editor_client, editor, file_story):
    taken = file_story(user=editor, title="Budget agreed", publish=True)
    other = file_story(user=editor, title="Budget row")
    response = editor_client.post(reverse("wagtailadmin_pages:edit", args=(other.pk,)), story_form("Budget row", taken.slug))
    text = banner(response)
    assert f"The slug '{taken.slug}' is already used by another story" in text and "see the Promote tab" in text


def test_an_error_in_the_schedule_is_named_with_where_the_schedule_is(editor_client, editor, file_story):
    story = file_story(user=editor)
    form = story_form(story.title, story.slug, go_live_at="2030-01-02 10:00", expire_at="2030-01-01 10:00")
    text = banner(editor_client.post(reverse("wagtailadmin_pages:edit", args=(story.pk,)), form))
    # Said once, though Wagtail marks both fields.
    assert text.count("Go live date/time must be before expiry date/time — see the schedule in the Status side panel.") == 1


def test_an_error_on_the_content_tab_is_left_to_wagtails_marking(editor_client, editor, file_story):
    story = file_story(user=editor)
    text = banner(editor_client.post(reverse("wagtailadmin_pages:edit", args=(story.pk,)), story_form("", story.slug)))
    assert "could not be saved" in text
    assert "see the" not in text


def test_fields_are_mapped_to_where_the_editor_shows_them():
    places = places_of(ArticlePage)
    assert places["title"] == "the Content tab" and places["slug"] == "the Promote tab"
    assert places["go_live_at"] == places["expire_at"] == "the schedule in the Status side panel"
