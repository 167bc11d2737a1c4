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
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import ClassVar

# Agency publication statuses, normalised across ninjs, NewsML-G2 and NITF.
USABLE = "usable"
WITHHELD = "withheld"
CANCELED = "canceled"
PUB_STATUSES = (USABLE, WITHHELD, CANCELED)

# How much text one item may bring in (settings INGEST_MAX_HEADLINE_CHARS, INGEST_MAX_BODY_CHARS).
# 255: the longest title an article page holds, so a headline that passes is never cut when filed.
# 200,000: a 25,000-word long read with its markup is about 180,000 characters; no single story a
# newsroom publishes is longer, and a 2-million-character "story" is a paste gone wrong or an attack.
DEFAULT_MAX_HEADLINE_CHARS = 255
DEFAULT_MAX_BODY_CHARS = 200_000


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
    too_large: str = ""  # which size limit the item is over, and by how much (also its error); see refuse_oversize
    extra: dict = field(default_factory=dict)  # format-specific facts worth keeping (masthead Hijri date, feed fields)
    # The agency's own desk signals: IPTC urgency 1 (flash) … 8 (lowest); category code (ANPA "a", IPTC 7901 "POL");
    # slug/keyword line ("BC-AS--China-DaringEscap"). None/"" where the format carries none.
    urgency: int | None = None
    category: str = ""
    keyword: str = ""
    # "text" or "picture"; a picture item carries {"href", "caption", "credit", "mime", "width", "height"}.
    kind: str = "text"
    picture: dict | None = None


@dataclass
class ParseResult:
    format: str
    items: list[ParsedItem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # per-item errors for items that could not even be read
    encoding: str = ""
    title: str = ""  # the feed's or site's name, when the payload has one
    skipped: str = ""  # why a valid payload holds nothing for the desk (a NewsML-G2 conceptItem…)


@dataclass(frozen=True)
class ItemLimits:
    """How large one item's text may be, in characters as received (markup included).

    Parsers that hold an item's body as one string check it before their
    costly work (splitting, HTML parsing); :func:`refuse_oversize` checks
    every item of every format after parsing, before sanitising.
    """

    headline_chars: int = DEFAULT_MAX_HEADLINE_CHARS
    body_chars: int = DEFAULT_MAX_BODY_CHARS

    def headline_complaint(self, size: int) -> str:
        return _complaint("headline", size, self.headline_chars)

    def body_complaint(self, size: int, what: str = "body") -> str:
        return _complaint(what, size, self.body_chars)


def _complaint(what: str, size: int, limit: int) -> str:
    return f"{what} too long: {size:,} characters, the limit is {limit:,}" if size > limit else ""


def refuse_oversize(item: ParsedItem, limits: ItemLimits | None, *, body_chars: int | None = None) -> ParsedItem:
    """Reject ``item`` when its headline, summary or body is over ``limits``, dropping the oversized text.

    ``body_chars`` is the body's size when the parser measured it before
    building paragraphs (and left them out); else the paragraphs are
    measured. The item stays, as a rejected item that says which limit and
    what size, so the desk and the CLI report it; the raw payload is kept
    by the service as for any rejected item. Cut or dropped here, the text
    costs nothing downstream (sanitising, clustering, freshness).
    """
    if limits is None or item.too_large:
        return item
    complaints = []
    complaint = limits.headline_complaint(len(item.headline))
    if complaint:
        complaints.append(complaint)
        item.headline = item.headline[: limits.headline_chars]
    complaint = limits.body_complaint(len(item.summary), "summary")
    if complaint:
        complaints.append(complaint)
        item.summary = ""
    complaint = limits.body_complaint(body_chars if body_chars is not None else sum(len(p) for p in item.paragraphs))
    if complaint:
        complaints.append(complaint)
        item.paragraphs = []
    if complaints:
        item.too_large = item.error = "; ".join(complaints)
    return item


class Parser(ABC):
    """A wire format: recognise a payload, turn it into items. Pure: no database, no network."""

    name: ClassVar[str]
    label: ClassVar[str]

    @abstractmethod
    def sniff(self, payload: bytes, hint: str | None) -> int:
        """How sure this parser is that ``payload`` is its format: 0 (no) to 100 (certain)."""

    @abstractmethod
    def parse(self, payload: bytes, hint: str | None = None, *, limits: ItemLimits | None = None) -> ParseResult:
        """Read the payload; raise :class:`ParseError` when nothing can be read.

        With ``limits``, a parser that can tell an item is too large before
        its costly work refuses it there (:func:`refuse_oversize`); the
        registry checks every item again after parsing.
        """
