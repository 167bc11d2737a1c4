"""The demo's corrected story: a note published with the story as an editor would, through a revision."""

from __future__ import annotations

from masthead.corrections.models import NoteKind, StoryNote

DEMO_STORY = "karachi-heatwave"
DEMO_CORRECTION = (
    "An earlier version of this demo story said the hospitals had set aside 230 beds. They set aside 320, as it now says."
)


def add_correction(stories: dict) -> None:
    story = stories.get(DEMO_STORY)
    if story is None:
        return
    page = story.get_latest_revision_as_object()
    page.notes.add(StoryNote(kind=NoteKind.CORRECTION, text=DEMO_CORRECTION))
    page.save_revision().publish()
