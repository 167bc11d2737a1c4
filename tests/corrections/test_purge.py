"""A note published on a story purges the story, its listings, ``/corrections/`` and its feeds; nothing else does."""

from __future__ import annotations

import pytest

from masthead.pipeline import backends
from tests.corrections.conftest import add_note, republish
from tests.pagecache.test_integration import get, site_cache  # noqa: F401  (a fixture)
from tests.pipeline.test_changes import COMMITS, effects_tasks

CORRECTION_PATHS = {"/corrections/", "/corrections/feed/", "/corrections/feed/atom/", "/api/v1/corrections"}


def last_purge() -> set[str]:
    task = effects_tasks().order_by("-enqueued_at").first()
    return set(task.args_kwargs["kwargs"]["purge"]["paths"]["testserver"])


@COMMITS
def test_a_note_purges_the_story_its_listings_and_the_corrections_pages(make_story):
    story = make_story(title="Harbour dredging begins", tags=["ports"])
    with backends.held():
        story = add_note(story, "The dredger is Dutch.")
        paths = last_purge()
    assert {story.url, "/", "/world/", "/tags/ports/", "/feed/"} | CORRECTION_PATHS <= paths


@COMMITS
def test_an_edit_of_a_story_without_notes_leaves_the_corrections_pages_alone(make_story):
    story = make_story(title="Harbour dredging begins")
    with backends.held():
        republish(story, title="Harbour dredging starts")
        assert not CORRECTION_PATHS & last_purge()


@COMMITS
def test_unpublishing_a_corrected_story_purges_the_corrections_pages(make_story):
    story = add_note(make_story(title="Harbour dredging begins"), "The dredger is Dutch.")
    with backends.held():
        story.unpublish()
        assert CORRECTION_PATHS <= last_purge()


def test_a_published_note_is_on_every_cached_page_at_once(site_cache, make_story, django_capture_on_commit_callbacks):  # noqa: F811
    story = make_story(title="Harbour dredging begins")
    for path in (story.url, "/corrections/", "/corrections/feed/"):
        get(site_cache, path)
        assert get(site_cache, path).headers["x-cache"] == "HIT", path
    with django_capture_on_commit_callbacks(execute=True):
        add_note(story, "The dredger is Dutch, not Danish.")
    for path in (story.url, "/corrections/", "/corrections/feed/"):
        assert b"The dredger is Dutch, not Danish." in get(site_cache, path).body, path


@pytest.mark.django_db
def test_a_note_is_on_the_story_timeline(make_story):
    from masthead.schedule import timeline

    story = add_note(make_story(title="Harbour dredging begins"), "The dredger is Dutch.")
    [line] = [line for line in timeline.lines(story.pk) if line.kind == "note_added"]
    assert line.label == "Correction or note added" and line.note == "Correction: The dredger is Dutch."
