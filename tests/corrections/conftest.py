"""Notes on stories, added as an editor does: in a revision of the story, published with it."""

from __future__ import annotations

from datetime import datetime, timedelta
from unittest import mock

import pytest
from django.utils import timezone

from masthead.corrections.models import StoryNote
from masthead.news.models import ArticlePage


def latest(story) -> ArticlePage:
    """The story as its editor opens it: the latest revision, notes and all."""
    return ArticlePage.objects.get(pk=story.pk).get_latest_revision_as_object()


def republish(story, *, at: datetime | None = None, **changes) -> ArticlePage:
    page = latest(story)
    for name, value in changes.items():
        setattr(page, name, value)
    with mock.patch("django.utils.timezone.now", return_value=at or timezone.now()):
        page.save_revision().publish()
    return ArticlePage.objects.get(pk=story.pk)


def add_note(story, text: str, kind: str = "correction", *, at: datetime | None = None, publish: bool = True, **fields):
    page = latest(story)
    page.notes.add(StoryNote(kind=kind, text=text, **fields))
    if not publish:
        page.save_revision()
        return ArticlePage.objects.get(pk=story.pk)
    with mock.patch("django.utils.timezone.now", return_value=at or timezone.now()):
        page.save_revision().publish()
    return ArticlePage.objects.get(pk=story.pk)


@pytest.fixture
def published_story(make_story):
    """A story first published twenty minutes ago, at a known time."""
    story = make_story("world", title="Harbour dredging begins", days_ago=0)
    first = timezone.now() - timedelta(minutes=20)
    ArticlePage.objects.filter(pk=story.pk).update(first_published_at=first, last_published_at=first, published_at=first)
    from masthead.corrections.models import ReaderVersion

    ReaderVersion.objects.filter(story_id=story.pk).update(changed_at=first)
    return ArticlePage.objects.get(pk=story.pk)
