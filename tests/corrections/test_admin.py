"""Notes are written in the story's own form: a reporter proposes one in a draft, only an editor publishes it."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from masthead.corrections.models import StoryNote
from masthead.news.models import ArticlePage
from masthead.users import roles
from tests.desk.forms_data import story_form


def notes_formset(*notes: tuple[str, str], initial: int = 0) -> dict:
    data = {
        "notes-TOTAL_FORMS": str(len(notes)),
        "notes-INITIAL_FORMS": str(initial),
        "notes-MIN_NUM_FORMS": "0",
        "notes-MAX_NUM_FORMS": "1000",
    }
    for n, (kind, text) in enumerate(notes):
        data.update(
            {
                f"notes-{n}-kind": kind,
                f"notes-{n}-text": text,
                f"notes-{n}-dated": "",
                f"notes-{n}-id": "",
                f"notes-{n}-ORDER": str(n + 1),
                f"notes-{n}-DELETE": "",
            }
        )
    return data


def member(django_user_model, name: str, group: str):
    user = django_user_model.objects.create_user(name, f"{name}@example.org", "not-a-real-password")
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def reporter(django_user_model, edition):
    return member(django_user_model, "reporter", roles.REPORTERS)


@pytest.fixture
def editor(django_user_model, edition):
    return member(django_user_model, "editor", roles.EDITORS)


def edit(client, story, *notes, action="action-publish", **extra):
    data = {**story_form(story.title, story.slug, action=action), **notes_formset(*notes), **extra}
    return client.post(reverse("wagtailadmin_pages:edit", args=[story.pk]), data)


def test_the_story_form_has_the_notes_panel(client, make_story, editor):
    story = make_story(title="Budget agreed")
    client.force_login(editor)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[story.pk])).content.decode()
    assert "Corrections and notes" in html and 'name="notes-TOTAL_FORMS"' in html


def test_a_reporter_proposes_a_note_that_only_an_editor_publishes(client, make_story, reporter, editor):
    story = make_story(title="Budget agreed")
    ArticlePage.objects.filter(pk=story.pk).update(owner=reporter)
    client.force_login(reporter)
    edit(client, story, ("correction", "The vote was 41 to 9."))  # asks to publish: a reporter cannot
    story.refresh_from_db()
    assert not StoryNote.objects.filter(story=story).exists()  # readers see nothing yet
    assert story.has_unpublished_changes
    assert [note.text for note in story.get_latest_revision_as_object().notes.all()] == ["The vote was 41 to 9."]

    client.force_login(editor)
    response = edit(client, story, ("correction", "The vote was 41 to 9."))
    assert response.status_code == 302
    assert list(StoryNote.objects.filter(story=story).values_list("text", flat=True)) == ["The vote was 41 to 9."]
    assert StoryNote.objects.get(story=story).published_at is not None


def test_an_empty_or_overlong_note_is_refused_with_the_story_kept(client, make_story, editor):
    story = make_story(title="Budget agreed")
    client.force_login(editor)
    for text in ("", "x" * 2001):
        response = edit(client, story, ("correction", text))
        assert response.status_code == 200  # the form again, with the error
        assert "notes-0-text" in response.content.decode()
    assert not StoryNote.objects.filter(story=story).exists()
    assert ArticlePage.objects.get(pk=story.pk).title == "Budget agreed"


def test_an_unknown_kind_is_refused(client, make_story, editor):
    story = make_story(title="Budget agreed")
    client.force_login(editor)
    assert edit(client, story, ("retraction", "Withdrawn.")).status_code == 200
    assert not StoryNote.objects.filter(story=story).exists()
