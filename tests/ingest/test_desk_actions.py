"""The desk's actions on a wire item: create a draft, ignore and restore."""

from __future__ import annotations

import pytest

from masthead.ingest import desk_actions, pipeline
from masthead.ingest.models import WireItem

from .test_pipeline import ninjs, story_body


def test_create_draft_prefills_the_story(edition, interfax):
    item = (
        pipeline.ingest_payload(
            ninjs(
                body="MOSCOW: Officials told the Interfax news agency the talks began.\n\nMore.", subject=[{"name": "Diplomacy"}]
            ),
            source="Wire",
        )
        .outcomes[0]
        .item
    )
    story = desk_actions.create_story_from_item(item, section=edition.sections["business"])
    assert not story.live and story.title == "Talks begin in Gomel" and story.dateline == "Moscow"
    assert story.agency == interfax and [t.name for t in story.tags.all()] == ["Diplomacy"]
    assert story_body(story).startswith("<p>Officials told the Interfax")
    item.refresh_from_db()
    assert item.status == "drafted" and item.article_id == story.pk
    with pytest.raises(desk_actions.DeskError, match="already made"):
        desk_actions.create_story_from_item(item)


def test_ignore_and_restore(edition):
    item = pipeline.ingest_payload(ninjs(), source="Wire").outcomes[0].item
    desk_actions.ignore_item(item)
    assert WireItem.objects.get().status == "ignored"
    desk_actions.restore_item(item)
    assert WireItem.objects.get().status == "new"
