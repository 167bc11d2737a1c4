"""What every wire format parser returns: pure data, no Django.

A parser takes the bytes exactly as received and returns a
:class:`ParseResult`: the items it could read, warnings about the payload
as a whole (a lenient feed parser recovering from bad XML), and per-item
errors. A payload nothing could be read from raises :class:`ParseError`
with a message an editor can act on; the caller keeps the raw bytes either
way.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from abc import ABC, abstractmethod
from typing import ClassVar

# Agency publication statuses, normalised across ninjs, NewsML-G2 and NITF.
USABLE = "usable"
WITHHELD = "withheld"
CANCELED = "canceled"
PUB_STATUSES = (USABLE, WITHHELD, CANCELED)


class ParseError(ValueError):
    """The payload (or one item of it) cannot be read; ``str(error)`` says why, for the desk and the CLI."""


@dataclass
class ParsedItem:
    """One story-shaped item, normalised across formats.

    ``paragraphs`` are HTML paragraphs (``<p>…</p>``, lists, sub-headings)
    and are *not yet sanitised*: the service passes everything through
    :mod:`masthead.ingest.sanitize` before it is stored or rendered.
    """

    external_id: str
    headline: str = ""
    paragraphs: list[str] = field(default_factory=list)
    dateline: str = ""
    byline: str = ""
    summary: str = ""
    language: str = ""
    subjects: list[str] = field(default_factory=list)
    version: int | None = None
    version_created: datetime.datetime | None = None
    first_created: datetime.datetime | None = None
    item_date: datetime.datetime | None = None  # the date the copy carries (masthead, pubDate, versionCreated)
    pub_status: str = USABLE
    embargo_until: datetime.datetime | None = None
    agency_credits: list[str] = field(default_factory=list)  # names as the copy gives them: "Ifax", "AP"
    related_headlines: list[str] = field(default_factory=list)  # "Read more: <headline>" lines taken out of the body
    url: str = ""
    site_name: str = ""
    warnings: list[str] = field(default_factory=list)
    error: str = ""  # set when the item is unusable (no body, no headline): stored, but rejected
    extra: dict = field(default_factory=dict)  # format-specific facts worth keeping (masthead Hijri date, feed fields)


@dataclass
class ParseResult:
    format: str
    items: list[ParsedItem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # per-item errors for items that could not even be read
    encoding: str = ""
    title: str = ""  # the feed's or site's name, when the payload has one
    skipped: str = ""  # why a valid payload holds nothing for the desk (a NewsML-G2 conceptItem…)


class Parser(ABC):
    """A wire format: recognise a payload, turn it into items. Pure: no database, no network."""

    name: ClassVar[str]
    label: ClassVar[str]

    @abstractmethod
    def sniff(self, payload: bytes, hint: str | None) -> int:
        """How sure this parser is that ``payload`` is its format: 0 (no) to 100 (certain)."""

    @abstractmethod
    def parse(self, payload: bytes, hint: str | None = None) -> ParseResult:
        """Read the payload; raise :class:`ParseError` when nothing can be read."""
