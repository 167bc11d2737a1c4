"""The corrections feed of an edition (RSS 2.0 and Atom 1.0): one item per note, linking to the story's notes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext

from masthead.corrections import querysets
from masthead.feeds.links import absolute, site_path
from masthead.feeds.syndication import FEED_MAX_AGE, RSS_TTL_MINUTES, edition_site

FEED_LENGTH = 30


@dataclass(frozen=True)
class NoteEntry:
    title: str
    link: str
    guid: str
    text: str
    published: datetime


@dataclass(frozen=True)
class NoteSource:
    title: str
    link: str
    publisher: str
    entries: list[NoteEntry]


class CorrectionsFeed(Feed):
    feed_type = Rss201rev2Feed

    def __call__(self, request, *args, **kwargs):
        response = super().__call__(request, *args, **kwargs)
        response["Cache-Control"] = f"public, max-age={FEED_MAX_AGE}"
        return response

    def get_object(self, request, *args, **kwargs) -> NoteSource:
        site = edition_site(request)
        name = site.site_name or "Masthead"
        entries = []
        for note in querysets.published_notes(site)[:FEED_LENGTH]:
            story_url = absolute(request, site_path(site, note.story.url_path))
            entries.append(
                NoteEntry(
                    title=f"{note.get_kind_display()}: {note.story.title}",
                    link=f"{story_url}#story-notes",
                    guid=f"{story_url}#note-{note.identity}",  # not its pk: rows are written afresh on each publish
                    text=note.text,
                    published=note.shown_at,
                )
            )
        return NoteSource(
            title=gettext("Corrections") + f" | {name}",
            link=absolute(request, reverse("corrections:list")),
            publisher=name,
            entries=entries,
        )

    def title(self, source: NoteSource) -> str:
        return source.title

    def link(self, source: NoteSource) -> str:
        return source.link

    def description(self, source: NoteSource) -> str:
        return gettext("Corrections, clarifications and editor's notes from %(name)s, newest first.") % {"name": source.publisher}

    subtitle = description

    def author_name(self, source: NoteSource) -> str | None:
        return source.publisher if self.feed_type is Atom1Feed else None

    def feed_copyright(self, source: NoteSource) -> str:
        return f"© {timezone.now().year} {source.publisher}"

    def ttl(self, source: NoteSource) -> str | None:
        return RSS_TTL_MINUTES if self.feed_type is Rss201rev2Feed else None

    def items(self, source: NoteSource) -> list[NoteEntry]:
        return source.entries

    def item_title(self, entry: NoteEntry) -> str:
        return entry.title

    def item_link(self, entry: NoteEntry) -> str:
        return entry.link

    def item_guid(self, entry: NoteEntry) -> str:
        return entry.guid

    def item_guid_is_permalink(self, entry: NoteEntry) -> bool:
        return False

    def item_description(self, entry: NoteEntry) -> str:
        return entry.text

    def item_pubdate(self, entry: NoteEntry) -> datetime:
        return entry.published

    def item_updateddate(self, entry: NoteEntry) -> datetime:
        return entry.published


class CorrectionsAtomFeed(CorrectionsFeed):
    feed_type = Atom1Feed
