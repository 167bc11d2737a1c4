"""Scheduling stories as an editor does (Wagtail's publish with a go-live time), and letting time pass."""

from __future__ import annotations

from datetime import datetime

import pytest
from wagtail.models import Revision

from masthead.news.models import ArticlePage


def schedule(story: ArticlePage, go_live_at: datetime, *, expire_at: datetime | None = None) -> Revision:
    """What Publish does in the editor with a go-live time: the revision is approved to go live then."""
    story = ArticlePage.objects.get(pk=story.pk)
    story.go_live_at = go_live_at
    story.expire_at = expire_at
    revision = story.save_revision()
    revision.publish()
    revision.refresh_from_db()
    return revision


def time_passes(revision: Revision, go_live_at: datetime) -> None:
    """Move a schedule into the past, as if the clock had stood still since: the revision and its content agree."""
    content = dict(revision.content, go_live_at=go_live_at.isoformat())
    Revision.objects.filter(pk=revision.pk).update(approved_go_live_at=go_live_at, content=content)


@pytest.fixture
def draft(make_story):
    def make(title: str = "Budget agreed", **fields) -> ArticlePage:
        return make_story(title=title, publish=False, **fields)

    return make
