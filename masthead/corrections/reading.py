"""A story's notes and its "Updated" time as its page shows them: one query, whatever the number of notes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from masthead.corrections.models import NOTE_VERBS, StoryNote

# A republish this soon after the first publication is a typo fixed, not news: no "Updated" line (a note always shows).
UPDATE_THRESHOLD = timedelta(minutes=5)

_MEMO = "_corrections_record"


@dataclass(frozen=True)
class StoryRecord:
    notes: list[StoryNote]  # in the order readers read them: oldest first
    modified_at: datetime | None  # dateModified: the last publish that changed what readers see
    updated_at: datetime | None  # the "Updated" line, or None when it is not shown

    @property
    def latest(self) -> StoryNote | None:
        return self.notes[-1] if self.notes else None

    @property
    def latest_verb(self) -> str:
        return NOTE_VERBS.get(self.latest.kind, "Updated") if self.latest else ""


def for_story(page, request=None) -> StoryRecord:
    """The record for ``page``, read once per render (the template and the JSON-LD both ask)."""
    record = page.__dict__.get(_MEMO)
    if record is None:
        record = _read(page, preview=bool(getattr(request, "is_preview", False)))
        page.__dict__[_MEMO] = record
    return record


def _read(page, *, preview: bool) -> StoryRecord:
    from masthead.news.models import ArticlePage

    if not hasattr(page, "notes"):  # a page type without notes
        return StoryRecord(notes=[], modified_at=page.last_published_at or page.first_published_at, updated_at=None)
    if preview or not page.pk:
        # A preview shows the revision's notes, held in memory by the page (modelcluster): no rows to read.
        return _record(page, list(page.notes.all()), changed_at=None)
    rows = list(
        ArticlePage.objects.filter(pk=page.pk)
        .order_by("notes__sort_order", "notes__pk")
        .values_list(
            "reader_version__changed_at", "notes__pk", "notes__kind", "notes__text", "notes__dated", "notes__published_at"
        )
    )
    changed_at = rows[0][0] if rows else None
    notes = [
        StoryNote(pk=pk, story_id=page.pk, kind=kind, text=text, dated=dated, published_at=published_at)
        for _, pk, kind, text, dated, published_at in rows
        if pk is not None
    ]
    return _record(page, notes, changed_at=changed_at)


def _reading_order(note: StoryNote) -> tuple:
    shown = note.shown_at
    return (shown is None, shown.timestamp() if shown else 0.0, note.sort_order or 0, note.pk or 0)


def _record(page, notes: list[StoryNote], *, changed_at: datetime | None) -> StoryRecord:
    first, last = page.first_published_at, page.last_published_at
    # Wagtail's last publication is an upper bound (a backdated import sets it after the fact); without a record
    # (a story last published before corrections existed) it is all there is.
    modified = min(changed_at, last) if changed_at and last else (changed_at or last or first)
    notes = sorted(notes, key=_reading_order)
    noted_later = any(note.published_at and first and note.published_at > first for note in notes)
    updated = None
    if first and modified and modified > first and (modified - first >= UPDATE_THRESHOLD or noted_later):
        updated = modified
    return StoryRecord(notes=notes, modified_at=modified, updated_at=updated)
