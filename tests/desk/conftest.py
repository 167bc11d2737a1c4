"""Desk fixtures: newsroom users and stories in each state a desk list shows."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from masthead.news import services


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("desk-editor", "desk-editor@example.org", "not-a-real-password")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def file_story(edition):
    counter = {"n": 0}

    def make(section: str = "world", *, user=None, publish: bool = False, go_live_in: timedelta | None = None, **fields):
        counter["n"] += 1
        fields.setdefault("title", f"Desk story {counter['n']}")
        fields.setdefault("paragraphs", ["<p>The council met on Tuesday.</p>"])
        story = services.file_story(edition.sections[section], services.StoryDraft(**fields), publish=publish, user=user)
        if go_live_in is not None:
            story.go_live_at = timezone.now() + go_live_in
            story.save_revision(user=user).publish(user=user)
            story.refresh_from_db()
        return story

    return make
