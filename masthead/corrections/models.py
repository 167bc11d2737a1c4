"""Corrections, clarifications, updates and editor's notes on a story, and when readers last saw it change.

A note is a child of the story (a ParentalKey, edited in an inline panel of
the story's form), so it lives in the story's revisions: a reporter can put
one in a draft, it goes through review, scheduling and publishing with the
fix it explains, and readers see the two together. Its rows in the database
are the live version's, as for any of the story's children.
"""

from __future__ import annotations

import hashlib

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable


class NoteKind(models.TextChoices):
    CORRECTION = "correction", _("Correction")
    CLARIFICATION = "clarification", _("Clarification")
    UPDATE = "update", pgettext_lazy("kind of note on a story", "Update")
    EDITORS_NOTE = "editors_note", _("Editor's note")


# What the line under the story's dates says for the newest note ("Corrected 3 Dec 2026").
NOTE_VERBS = {
    NoteKind.CORRECTION: _("Corrected"),
    NoteKind.CLARIFICATION: _("Clarified"),
    NoteKind.UPDATE: pgettext_lazy("the story's last update, before its date", "Updated"),
    NoteKind.EDITORS_NOTE: _("Editor's note"),
}


class StoryNote(Orderable):
    story = ParentalKey("news.ArticlePage", on_delete=models.CASCADE, related_name="notes")
    kind = models.CharField(max_length=20, choices=NoteKind.choices, default=NoteKind.CORRECTION)
    text = models.TextField(
        max_length=2000,
        help_text="What was wrong and what is right now, in a sentence or two. Readers see it at the foot of the story.",
    )
    dated = models.DateTimeField(
        null=True,
        blank=True,
        verbose_name="date shown",
        help_text="Leave empty: the note is dated when it is published with the story.",
    )
    # Set by the publishing pipeline (corrections/publishing.py) the first time the note goes live.
    published_at = models.DateTimeField(null=True, editable=False)

    panels = [FieldPanel("kind"), FieldPanel("text"), FieldPanel("dated")]

    class Meta(Orderable.Meta):
        verbose_name = "correction or note"
        indexes = [models.Index(fields=["-published_at"], name="corrections_note_published")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.text[:60]}"

    @property
    def identity(self) -> str:
        """The note across revisions. Not its pk: a child row is written afresh each time the story is published from
        a revision made before the last publish (the revision never learns the row's id), so the note is known by
        what it says. An amended note is a new note, dated when the amendment is published."""
        return hashlib.sha256(f"{self.kind}\n{' '.join(self.text.split())}".encode()).hexdigest()[:16]

    @property
    def shown_at(self):
        """The note's date for readers: the editor's, else its first publication."""
        return self.dated or self.published_at


class ReaderVersion(models.Model):
    """Per live story: a fingerprint of what readers see, and when that last changed.

    Wagtail's ``last_published_at`` moves on every publish, even one that
    changes nothing (a second click, a slug fix); ``changed_at`` moves only
    when the page readers get is different. It is what the "Updated" line and
    ``dateModified`` show. Kept here rather than on the story so that the news
    app's table stays as it is.
    """

    story = models.OneToOneField("news.ArticlePage", on_delete=models.CASCADE, primary_key=True, related_name="reader_version")
    fingerprint = models.CharField(max_length=64)
    changed_at = models.DateTimeField()
    # note identity -> ISO time of its first publication: the note's row is written afresh by later publishes (and
    # its revision never held the time), so the first time is kept here and written back.
    note_times = models.JSONField(default=dict)

    def __str__(self) -> str:
        return f"story {self.story_id} changed {self.changed_at:%Y-%m-%d %H:%M}"
