"""HTML article pages, read with trafilatura. Pure.

trafilatura finds the article in a page (and its title, author, date and
site name); Masthead asks it to favour precision and leave out reader
comments — a newsroom republishing a page wants the story, not the thread
under it — then removes the listed site chrome (``Download our app``,
``Share this``) trafilatura keeps. :func:`extract_body` is what the
extraction quality gate measures against trafilatura's own defaults.
"""

from __future__ import annotations

import hashlib
import html as html_lib
import re

from masthead.ingest import boilerplate
from masthead.ingest.formats.base import ItemLimits, ParsedItem, ParseError, Parser, ParseResult
from masthead.ingest.formats.conventions import agency_credits, take_dateline
from masthead.ingest.formats.ninjs import parse_datetime

EXTRACTION_OPTIONS = {
    "favor_precision": True,
    "include_comments": False,
    "include_tables": True,
    "include_images": False,
    "include_links": False,
}
_HTML_SIGNS = re.compile(rb"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<article[\s>]|<p[\s>]|<div[\s>]", re.IGNORECASE)
_BLOCK_TAGS = {"p": "p", "head": "h3", "quote": "p", "list": "ul", "table": "table"}
_SPACE = re.compile(r"\s+")


def decode_html(payload: bytes, hint: str | None = None) -> str:
    """Text of an HTML page: the charset the server named, else the page's meta charset, else UTF-8, else cp1252."""
    charset = None
    if hint and "charset=" in hint.lower():
        charset = hint.lower().split("charset=", 1)[1].split(";")[0].strip().strip('"')
    if not charset:
        match = re.search(rb"<meta[^>]+charset=[\"']?([A-Za-z0-9_\-]+)", payload[:4096], re.IGNORECASE)
        charset = match.group(1).decode("ascii") if match else None
    for candidate in (charset, "utf-8"):
        if not candidate:
            continue
        try:
            return payload.decode(candidate)
        except (LookupError, UnicodeDecodeError):
            continue
    return payload.decode("cp1252", errors="replace")


def _text(element) -> str:
    return _SPACE.sub(" ", "".join(element.itertext())).strip()


def _blocks(body) -> list[tuple[str, str]]:
    """(tag, text) of each block trafilatura kept, in order."""
    out: list[tuple[str, str]] = []
    for element in body:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag == "list":
            items = [_text(item) for item in element if isinstance(item.tag, str) and _text(item)]
            if items:
                out.append(("ul", "\n".join(items)))
        elif tag == "table":
            for row in element.iter("row"):
                cells = [_text(cell) for cell in row if isinstance(cell.tag, str) and _text(cell)]
                if cells:
                    out.append(("p", " | ".join(cells)))
        elif tag:
            text = _text(element)
            if text:
                out.append((_BLOCK_TAGS.get(tag, "p"), text))
    return [(tag, text) for tag, text in out if not boilerplate.is_listed_chrome(text)]


def _without_title(blocks: list[tuple[str, str]], title: str | None) -> list[tuple[str, str]]:
    """The page's own headline repeated at the top of the article is the headline, not body."""
    wanted = boilerplate.normalise_line(title or "")
    if not wanted:
        return blocks
    return [
        block
        for index, block in enumerate(blocks)
        if not (index < 2 and block[0] == "h3" and boilerplate.normalise_line(block[1]) == wanted)
    ]


def extract(html: str, url: str | None = None):
    """trafilatura's document (metadata and body) with Masthead's options; None when no article is found."""
    import trafilatura

    return trafilatura.bare_extraction(html, url=url, with_metadata=True, **EXTRACTION_OPTIONS)


def extract_body(html: str, url: str | None = None) -> str:
    """The article text Masthead takes from a page, paragraphs separated by blank lines."""
    document = extract(html, url)
    if document is None or document.body is None:
        return ""
    return "\n\n".join(text for _, text in _without_title(_blocks(document.body), document.title))


def _markup(tag: str, text: str) -> str:
    if tag == "ul":
        return "<ul>" + "".join(f"<li>{html_lib.escape(line)}</li>" for line in text.split("\n")) + "</ul>"
    return f"<{tag}>{html_lib.escape(text, quote=False)}</{tag}>"


class HTMLParser(Parser):
    name = "html"
    label = "HTML page"

    def sniff(self, payload: bytes, hint: str | None) -> int:
        base = (hint or "").split(";")[0].strip().lower()
        if base in ("html", "text/html", "application/xhtml+xml"):
            return 100
        head = payload[:4096].lstrip()
        if _HTML_SIGNS.search(head):
            return 70 if head[:1] == b"<" else 40
        return 0

    def parse(self, payload: bytes, hint: str | None = None, *, limits: ItemLimits | None = None) -> ParseResult:
        # ``limits``: this format's bodies come out of a parsed tree; the registry checks each item after parsing.
        text = decode_html(payload, hint)
        if not text.strip():
            raise ParseError("the page is empty")
        document = extract(text)
        if document is None or document.body is None:
            raise ParseError("no article found in the page (trafilatura found no main text)")
        blocks = _without_title(_blocks(document.body), document.title)
        related: list[str] = []
        kept: list[tuple[str, str]] = []
        for tag, block in blocks:
            headline = boilerplate.split_read_more(block)
            if headline is not None:
                related.append(headline)
            else:
                kept.append((tag, block))
        paragraphs = [_markup(tag, block) for tag, block in kept]
        dateline, paragraphs = take_dateline(paragraphs)
        body_text = "\n".join(block for _, block in kept)
        credits = ([dateline.agency] if dateline and dateline.agency else []) + agency_credits(body_text)
        page_url = document.url or ""
        title = (document.title or "").strip()
        identity = page_url or "sha256:" + hashlib.sha256(f"{document.sitename}\n{title}".encode()).hexdigest()[:32]
        published = parse_datetime(document.date) if document.date else None
        item = ParsedItem(
            external_id=identity[:500],
            headline=title,
            paragraphs=paragraphs,
            dateline=dateline.place if dateline else "",
            byline=(document.author or "")[:255],
            summary=(document.description or "")[:1000],
            language=(document.language or "")[:20],
            subjects=[tag for tag in (document.tags or []) + (document.categories or []) if tag][:20],
            item_date=published,
            first_created=published,
            agency_credits=credits,
            related_headlines=related,
            url=page_url,
            site_name=(document.sitename or "")[:255],
        )
        if not title:
            item.error = "no headline: the page has no title"
        elif not paragraphs:
            item.error = "no body: no article text in the page"
        return ParseResult(format=self.name, items=[item], title=item.site_name)
