"""The API's shapes, explicit: what an app may rely on. Changing one is a new API version.

Times are ISO 8601 with the edition's UTC offset (``2026-05-28T11:00:00+05:00``);
URLs are absolute.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from ninja import Schema
from pydantic import Field, PlainSerializer, WithJsonSchema


class ErrorBody(Schema):
    code: str = Field(
        description="Stable, machine-readable: not_found, invalid_request, invalid_cursor, bad_request, server_error…"
    )
    message: str = Field(description="For people; may change.")
    details: Any = Field(None, description="Field errors of an invalid request (a list of {loc, type, message}), else null.")


class ErrorResponse(Schema):
    error: ErrorBody


class Image(Schema):
    url: str
    width: int
    height: int


class Crops(Schema):
    """The hero picture cut to the ratios apps and cards use, 1200 pixels wide."""

    wide: Image = Field(description="16:9")
    classic: Image = Field(description="4:3")
    square: Image = Field(description="1:1")


class Picture(Schema):
    alt: str
    caption: str
    credit: str
    crops: Crops


class SectionRef(Schema):
    id: int
    slug: str
    title: str


class Section(SectionRef):
    intro: str
    url: str
    feed_url: str
    articles_url: str


class SectionList(Schema):
    items: list[Section]


class Person(Schema):
    name: str
    slug: str
    role: str
    url: str


class AgencyRef(Schema):
    name: str
    short_name: str
    slug: str
    url: str


class TagRef(Schema):
    name: str
    slug: str


class ArticleLink(Schema):
    id: int
    title: str
    url: str
    api_url: str


class ArticleSummary(Schema):
    id: int
    title: str
    standfirst: str
    dateline: str = Field(description="Where the story was filed from, e.g. 'Moscow'; empty if none.")
    url: str = Field(description="The story's canonical web address.")
    api_url: str
    section: SectionRef | None
    agency: AgencyRef | None
    authors: list[Person]
    published_at: datetime = Field(description="First publication.")
    updated_at: datetime = Field(description="Latest publication (an update); equals published_at if never updated.")
    thumbnail: Image | None = Field(description="The hero picture, 480×270.")


class Tombstone(Schema):
    """A story an app should drop: unpublished (killed) or deleted since the time it asked about."""

    id: int
    url: str
    removed_at: datetime
    reason: Literal["unpublished", "deleted"]


# A sync watermark comes back as the next updated_since, so it keeps its microseconds: Django's JSON encoder cuts
# times to milliseconds, and the last change, stored a fraction of a millisecond later, would be sent again.
Watermark = Annotated[
    datetime,
    PlainSerializer(lambda moment: moment.isoformat(), return_type=str),
    WithJsonSchema({"type": "string", "format": "date-time"}),
]


class ArticleList(Schema):
    items: list[ArticleSummary]
    tombstones: list[Tombstone] = Field(description="Only with updated_since: stories to remove, in the same page of changes.")
    next_cursor: str | None = Field(description="Pass as cursor for the next page; null on the last page.")
    updated_until: Watermark | None = Field(
        description="Pass as updated_since next time to get only what changed after this response. Null if nothing was ever published."
    )


class ParagraphBlock(Schema):
    type: Literal["paragraph"]
    html: str = Field(description="One rich-text passage (one or more <p>, lists, subheadings), links absolute.")


class ImageBlock(Schema):
    type: Literal["image"]
    image: Image | None = Field(description="800 pixels wide; null if the picture was deleted.")
    alt: str
    caption: str
    credit: str


class QuoteBlock(Schema):
    type: Literal["quote"]
    text: str
    attribution: str


class EmbedBlock(Schema):
    type: Literal["embed"]
    url: str


Block = Annotated[ParagraphBlock | ImageBlock | QuoteBlock | EmbedBlock, Field(discriminator="type")]


class Note(Schema):
    kind: Literal["correction", "clarification", "update", "editors_note"]
    label: str = Field(description="The kind as readers see it: 'Correction', 'Clarification', 'Update', \"Editor's note\".")
    text: str
    published_at: datetime = Field(
        description="The note's date as the page shows it: when it was published, unless an editor set one."
    )


class LiveCoverage(Schema):
    state: Literal["live", "ended"]
    started_at: datetime
    ended_at: datetime | None
    poll_url: str = Field(description="The reader page's poll: JSON of the newest entries, cached, with ETag.")


class LiveEntry(Schema):
    id: int
    posted_at: datetime
    edited_at: datetime | None
    title: str
    key_event: bool
    pinned: bool
    author: str = Field(description="The name of who posted it.")
    html: str = Field(description="The entry's body as the page shows it, links absolute.")


class ArticleDetail(ArticleSummary):
    language: str
    picture: Picture | None
    tags: list[TagRef]
    body: list[Block] = Field(description="The body as structured blocks, in order; the dateline is not repeated in them.")
    body_html: str = Field(description="The body as the web page shows it, dateline leading the first paragraph, links absolute.")
    related: ArticleLink | None = Field(description="The story the page's 'Read more' link points to.")
    notes: list[Note] = Field(description="Corrections, clarifications, updates and editor's notes, oldest first.")
    modified_at: datetime = Field(
        description="The last publication that changed what readers see (text, pictures, notes); a republish of the same is not one."
    )
    live: LiveCoverage | None = Field(description="Live coverage of the story (rolling entries), or null.")
    entries: list[LiveEntry] = Field(description="A live story's newest entries (up to 20), newest first; empty otherwise.")


class SectionTop(Schema):
    section: SectionRef
    items: list[ArticleSummary]


class TopStories(Schema):
    lead: ArticleSummary | None
    top: list[ArticleSummary]  # the editors' top stories after the lead, in their order (empty when none are placed)
    sections: list[SectionTop]
    latest: list[ArticleSummary]


class SearchResults(Schema):
    query: str
    items: list[ArticleSummary]
    next_cursor: str | None


class BreakingItem(ArticleSummary):
    breaking: bool = Field(
        False, description="Whether the edition's editors have marked this story breaking (it is then the first item)."
    )
    breaking_until: datetime | None = Field(None, description="When the breaking banner ends, if `breaking`; null otherwise.")


class Breaking(Schema):
    since: datetime
    items: list[BreakingItem] = Field(
        description="The story the editors marked breaking, if any, first; then the newest stories since `since`."
    )
