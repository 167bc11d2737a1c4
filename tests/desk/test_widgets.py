"""Authors in the story editor: a searchable chooser, not a Ctrl-click list of every author."""

from __future__ import annotations

import html

from django.urls import reverse

from masthead.news.models import ArticlePage, Author
from tests.desk.forms_data import story_form


def test_the_editor_renders_only_the_chosen_authors_and_the_chooser(editor_client, editor, file_story):
    chosen = Author.objects.create(name="Sana Qureshi")
    Author.objects.create(name="Not Chosen At All")
    story = file_story(user=editor)
    story.authors.set([chosen])
    story.save_revision(user=editor)
    text = html.unescape(editor_client.get(reverse("wagtailadmin_pages:edit", args=(story.pk,))).content.decode())
    assert "data-desk-authors-chooser" in text
    assert reverse("wagtailsnippetchoosers_news_author:choose") in text
    assert "desk/authors-chooser" in text  # the widget's script
    assert f'<option value="{chosen.pk}" selected>Sana Qureshi</option>' in text
    assert "Not Chosen At All" not in text


def test_authors_posted_by_the_chooser_are_saved_in_order_given(editor_client, editor, file_story):
    first, second = Author.objects.create(name="Sana Qureshi"), Author.objects.create(name="Omar Farooq")
    story = file_story(user=editor)
    form = story_form(story.title, story.slug)
    form["authors"] = [str(second.pk), str(first.pk)]
    response = editor_client.post(reverse("wagtailadmin_pages:edit", args=(story.pk,)), form)
    assert response.status_code == 302
    assert set(ArticlePage.objects.get(pk=story.pk).authors.values_list("name", flat=True)) == {"Sana Qureshi", "Omar Farooq"}


def test_the_chooser_searches_authors_and_offers_several_at_once(editor_client, edition):
    Author.objects.create(name="Sana Qureshi")
    Author.objects.create(name="Omar Farooq")
    url = reverse("wagtailsnippetchoosers_news_author:choose_results")
    text = html.unescape(editor_client.get(url, {"q": "Sana", "multiple": "1"}).content.decode())
    assert "Sana Qureshi" in text and "Omar Farooq" not in text
    assert 'type="checkbox"' in text
