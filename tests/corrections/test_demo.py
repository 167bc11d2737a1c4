"""The demo has one story with a correction, shown on the story and on /corrections/."""

from __future__ import annotations

import pytest

from masthead.corrections.demo import DEMO_CORRECTION
from masthead.corrections.models import StoryNote


@pytest.mark.django_db
def test_the_demo_has_a_corrected_story(client, settings):
    from masthead.demo.load import load_demo

    load_demo()
    note = StoryNote.objects.select_related("story").get()
    assert note.text == DEMO_CORRECTION and "demo" in note.text and note.published_at
    client.defaults["HTTP_HOST"] = "localhost"
    assert DEMO_CORRECTION in client.get(note.story.url).content.decode()
    assert DEMO_CORRECTION in client.get("/corrections/").content.decode()
