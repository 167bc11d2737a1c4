"""Which stories have a translation: badges on the desk's lists, read in a constant number of queries."""

from __future__ import annotations

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from masthead.news import services
from masthead.news.models import ArticlePage
from masthead.translation import listing
from masthead.translation import services as translation


def badges(response) -> list[tuple[str, str]]:
    """(href, language) of each translation badge on a desk list."""
    return re.findall(r'<a class="w-status[^"]*" href="([^"]+)" lang="([a-z-]+)"', response.content.decode())


def publish_translated(edition, user, locale, n: int) -> list[ArticlePage]:
    stories = []
    for _ in range(n):
        draft = services.StoryDraft(title=f"Story {len(stories)}", paragraphs=["<p>Text.</p>"])
        story = services.file_story(edition.sections["world"], draft, publish=True)
        translation.translate(story, locale, user=user)
        stories.append(story)
    return stories


def test_published_today_shows_the_urdu_translation_of_a_story(client, editor, edition, english_story, urdu_edition, urdu):
    made = translation.translate(english_story, urdu, user=editor).page
    client.force_login(editor)
    today = client.get(reverse("desk_list", args=("today",)))
    assert badges(today) == [(reverse("wagtailadmin_pages:edit", args=[made.pk]), "ur")]
    assert 'aria-label="Urdu translation, draft"' in today.content.decode()
    # The draft is on the translator's desk, pointing back to its English source.
    drafts = client.get(reverse("desk_list", args=("drafts",)))
    assert badges(drafts) == [(reverse("wagtailadmin_pages:edit", args=[english_story.pk]), "en")]


def test_a_story_without_translation_has_no_badge(client, editor, edition, english_story, urdu_edition):
    client.force_login(editor)
    assert badges(client.get(reverse("desk_list", args=("today",)))) == []


def test_desk_list_queries_do_not_grow_with_translations(
    client, editor, edition, urdu_edition, urdu, django_assert_max_num_queries
):
    publish_translated(edition, editor, urdu, 1)
    client.force_login(editor)
    url = reverse("desk_list", args=("today",))
    client.get(url)  # warms per-process memos
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    publish_translated(edition, editor, urdu, 6)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert len(badges(client.get(url))) == 7


def test_the_source_of_a_translation_is_its_original(editor, english_story, urdu_edition, urdu):
    made = translation.translate(english_story, urdu, user=editor).page
    assert listing.source_of(made).pk == english_story.pk
    assert listing.source_of(english_story) is None


def explorer_badges(response) -> list[tuple[str, str]]:
    return re.findall(r'<a href="([^"]+)"[^>]*lang="([a-z-]+)"', response.content.decode())


def test_the_explorer_marks_translated_stories_in_its_one_query(
    client, editor, edition, urdu_edition, urdu, django_assert_max_num_queries
):
    first = publish_translated(edition, editor, urdu, 1)[0]
    folder = first.get_parent()
    client.force_login(editor)
    url = reverse("wagtailadmin_explore", args=[folder.pk])
    response = client.get(url)
    made = ArticlePage.objects.get(locale=urdu, translation_key=first.translation_key)
    assert (reverse("wagtailadmin_pages:edit", args=[made.pk]), "ur") in explorer_badges(response)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    publish_translated(edition, editor, urdu, 5)
    with django_assert_max_num_queries(len(few.captured_queries)):
        rows = [href for href, language in explorer_badges(client.get(url)) if language == "ur" and href.endswith("/edit/")]
        assert len(rows) == 6
