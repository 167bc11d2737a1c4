"""RSS 0.9x/1.0/2.0 and Atom feeds, read with feedparser. Pure.

feedparser is lenient on purpose: real feeds are often ill-formed (wrong
encodings, broken entities, unclosed tags) and it recovers what it can,
setting ``bozo``. Masthead keeps that leniency but never hides it: a feed
read leniently carries a warning; a feed nothing could be read from is a
:class:`ParseError` with feedparser's reason. feedparser is only ever given
bytes (never a string it could take for a URL or a path), and documents
declaring entities are refused before it sees them.
"""

from __future__ import annotations

import calendar
import datetime
import hashlib
import io

from masthead.ingest import xmlsafe
from masthead.ingest.formats.base import ItemLimits, ParsedItem, ParseError, Parser, ParseResult
from masthead.ingest.formats.conventions import agency_credits, take_dateline
from masthead.ingest.sanitize import blocks, text_of

FEED_ROOTS = frozenset({"rss", "feed", "RDF", "channel"})
FEED_HINTS = frozenset({"rss", "atom", "feed", "application/rss+xml", "application/atom+xml", "application/rdf+xml"})


def _when(parsed) -> datetime.datetime | None:
    if not parsed:
        return None
    try:
        return datetime.datetime.fromtimestamp(calendar.timegm(parsed), tz=datetime.UTC)
    except (OverflowError, ValueError, TypeError):
        return None


def _body_html(entry) -> str:
    contents = [c for c in entry.get("content") or [] if c.get("value")]
    summary = entry.get("summary") or ""
    best = max(contents, key=lambda c: len(c.get("value", "")), default=None)
    if best is not None and len(text_of(best["value"])) >= len(text_of(summary)):
        value, kind = best["value"], best.get("type", "text/html")
    else:
        value, kind = summary, (entry.get("summary_detail") or {}).get("type", "text/html")
    if kind == "text/plain":
        import html

        return "".join(f"<p>{html.escape(part.strip())}</p>" for part in value.split("\n\n") if part.strip())
    return value


class FeedParser(Parser):
    name = "feed"
    label = "RSS/Atom feed"

    def sniff(self, payload: bytes, hint: str | None) -> int:
        if hint and hint.split(";")[0].strip().lower() in FEED_HINTS:
            return 100
        root = xmlsafe.root_name(payload)
        if root in FEED_ROOTS:
            return 90
        head = payload[:4096].replace(b"\x00", b"")
        if b"<rss" in head or b"<feed" in head or b"rdf:RDF" in head:
            return 60
        return 0

    def parse(self, payload: bytes, hint: str | None = None, *, limits: ItemLimits | None = None) -> ParseResult:
        """``hint`` may be the HTTP Content-Type the feed was served with: it decides the encoding, as HTTP says."""
        # ``limits``: this format's bodies come out of a parsed tree; the registry checks each item after parsing.
        import feedparser

        xmlsafe.refuse_entity_declarations(payload)
        headers = {"content-type": hint} if hint and "/" in hint else None
        parsed = feedparser.parse(io.BytesIO(payload), response_headers=headers, sanitize_html=True, resolve_relative_uris=False)
        warnings: list[str] = []
        if parsed.get("bozo"):
            exception = parsed.get("bozo_exception")
            reason = f"{type(exception).__name__}: {exception}" if exception else "ill-formed feed"
            if not parsed.entries and not parsed.feed.get("title"):
                raise ParseError(f"not a readable feed ({reason})")
            warnings.append(f"the feed is ill-formed and was read leniently ({reason})")
        if not parsed.get("version") and not parsed.entries and not parsed.feed:
            raise ParseError("not an RSS or Atom feed")
        feed = parsed.feed
        result = ParseResult(
            format=self.name, warnings=warnings, encoding=parsed.get("encoding", ""), title=text_of(feed.get("title", ""))
        )
        for position, entry in enumerate(parsed.entries, start=1):
            try:
                result.items.append(self._item(entry, feed, position))
            except Exception as error:  # one bad entry never costs the rest of the feed
                result.errors.append(f"entry {position}: {type(error).__name__}: {error}")
        return result

    def _item(self, entry, feed, position: int) -> ParsedItem:
        title = text_of(entry.get("title", ""))
        paragraphs = blocks(_body_html(entry))
        dateline, paragraphs = take_dateline(paragraphs)
        text = "\n".join(text_of(p) for p in paragraphs)
        credits = ([dateline.agency] if dateline and dateline.agency else []) + agency_credits(text)
        identity = entry.get("id") or entry.get("link") or ""
        if not identity:
            identity = "sha256:" + hashlib.sha256(f"{title}\n{text}".encode()).hexdigest()[:32]
        # dict.get: feedparser's own get() maps a missing updated_parsed to published_parsed, with a warning.
        published = _when(dict.get(entry, "published_parsed"))
        updated = _when(dict.get(entry, "updated_parsed"))
        item = ParsedItem(
            external_id=identity[:500],
            headline=title,
            paragraphs=paragraphs,
            dateline=dateline.place if dateline else "",
            byline=text_of(entry.get("author", "")),
            summary=text_of(entry.get("summary", ""))[:1000] if entry.get("content") else "",
            language=(entry.get("language") or feed.get("language") or "")[:20],
            subjects=[tag.get("term", "") for tag in entry.get("tags") or [] if tag.get("term")],
            version_created=updated or published,
            first_created=published,
            item_date=published or updated,
            agency_credits=credits,
            url=entry.get("link", ""),
            site_name=text_of(feed.get("title", "")),
            extra={
                "feed_entry": {
                    "title": entry.get("title", ""),
                    "summary": entry.get("summary", ""),
                    "link": entry.get("link", ""),
                }
            },
        )
        if not title and not paragraphs:
            item.error = f"entry {position} is empty: no title and no text"
        elif not paragraphs:
            item.error = "no body: the entry has a title but no text"
        elif not title:
            item.error = "no headline: the entry has no title"
        return item
