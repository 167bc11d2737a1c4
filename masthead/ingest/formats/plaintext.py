"""Plain text pasted from a web page, like the seed page. Pure.

The shape newsroom staff paste in: the site's name, the masthead date line
(Gregorian and Hijri), the headline, then the story, with the site's chrome
(``Download … app``, ``Back to top``, ``Exit mobile version``) and a
``Read more: <headline>`` line mixed in. Every part is optional: text with
no site name or date is read as headline then body.
"""

from __future__ import annotations

import datetime
import hashlib
import re
import unicodedata

from masthead.ingest import boilerplate
from masthead.ingest.formats import charsets
from masthead.ingest.formats.base import ItemLimits, ParsedItem, ParseError, Parser, ParseResult, refuse_oversize
from masthead.ingest.formats.conventions import agency_credits, parse_masthead_date, split_dateline
from masthead.ingest.sanitize import paragraph

MAX_HEADLINE = 300
MAX_SITE_NAME = 60
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def decode_text(payload: bytes, hint: str | None = None) -> tuple[str, list[str]]:
    """Text from bytes: a BOM, else the Content-Type's charset, else UTF-8, else Windows-1252 with a warning."""
    text, _, warnings = charsets.decode(payload, charsets.charset_from_hint(hint))
    return text, warnings


def _paragraphs(lines: list[str]) -> list[str]:
    """Blocks of text: one per line, or per blank-line-separated block when the text is hard-wrapped."""
    blocks: list[list[str]] = [[]]
    for line in lines:
        if line.strip():
            blocks[-1].append(line.strip())
        elif blocks[-1]:
            blocks.append([])
    blocks = [block for block in blocks if block]
    wrapped = sum(1 for block in blocks if len(block) > 1 and max(len(line) for line in block[:-1]) <= 100)
    if blocks and wrapped >= max(1, len(blocks) // 2):
        return [" ".join(block) for block in blocks]
    return [line for block in blocks for line in block]


class PlainTextParser(Parser):
    name = "text"
    label = "Plain text"

    def sniff(self, payload: bytes, hint: str | None) -> int:
        if hint in ("text", "txt", "text/plain"):
            return 100
        head = payload[:2048].lstrip()
        if head[:1] in (b"<", b"{", b"["):
            return 0
        if b"\x00" in payload[:2048] and not payload.startswith((b"\xff\xfe", b"\xfe\xff")):
            return 0
        return 10

    def parse(self, payload: bytes, hint: str | None = None, *, limits: ItemLimits | None = None) -> ParseResult:
        text, warnings = decode_text(payload, hint)
        text = _CONTROL.sub("", unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n")))
        lines = [line.rstrip() for line in text.split("\n")]
        filled = [index for index, line in enumerate(lines) if line.strip()]
        if not filled:
            raise ParseError("the text is empty")

        site_name = ""
        masthead = None
        start = 0
        for position, index in enumerate(filled[:4]):
            found = parse_masthead_date(lines[index])
            if found is not None:
                masthead = found
                if position >= 1 and len(lines[filled[position - 1]].strip()) <= MAX_SITE_NAME:
                    site_name = lines[filled[position - 1]].strip()
                start = position + 1
                break
        if masthead and masthead.warning:
            warnings.append(masthead.warning)

        first = next((index for index in filled[start:] if not boilerplate.is_listed_chrome(lines[index])), None)
        if first is None:
            raise ParseError("no headline or body after the site's name and date")
        headline = lines[first].strip()
        body_lines = lines[first + 1 :]
        if len(headline) > MAX_HEADLINE:
            headline, body_lines = "", lines[first:]
            warnings.append("no headline: the first line is a paragraph")
        body_chars = sum(len(line) + 1 for line in body_lines)
        if limits is not None and limits.body_complaint(body_chars):
            # Refused before the line-by-line work (chrome, paragraphs, credits) that a huge paste makes slow.
            item = ParsedItem(external_id=_identity(site_name, headline or lines[first]), headline=headline, site_name=site_name)
            refuse_oversize(item, limits, body_chars=body_chars)
            return ParseResult(format=self.name, items=[item], warnings=warnings, title=site_name)

        related: list[str] = []
        kept: list[str] = []
        for line in body_lines:
            headline_of_related = boilerplate.split_read_more(line)
            if headline_of_related is not None:
                related.append(headline_of_related)
                kept.append("")
            elif boilerplate.is_listed_chrome(line):
                kept.append("")
            else:
                kept.append(line)
        paragraphs = _paragraphs(kept)

        dateline = ""
        credits: list[str] = []
        if paragraphs:
            found_dateline = split_dateline(paragraphs[0])
            if found_dateline is not None:
                dateline = found_dateline.place
                paragraphs[0] = found_dateline.rest
                if found_dateline.agency:
                    credits.append(found_dateline.agency)
        credits += [name for name in agency_credits("\n".join(paragraphs)) if name not in credits]

        item_date = None
        extra: dict = {}
        if masthead is not None:
            item_date = datetime.datetime.combine(masthead.gregorian, datetime.time(0, 0), tzinfo=datetime.UTC)
            extra["masthead_date"] = masthead.gregorian.isoformat()
            if masthead.hijri_text:
                extra["masthead_hijri"] = masthead.hijri_text
            if masthead.hijri_offset is not None:
                extra["hijri_offset"] = masthead.hijri_offset

        item = ParsedItem(
            external_id=_identity(site_name, headline or (paragraphs[0] if paragraphs else "")),
            headline=headline,
            paragraphs=[paragraph(text) for text in paragraphs],
            dateline=dateline,
            item_date=item_date,
            agency_credits=credits,
            related_headlines=related,
            site_name=site_name,
            extra=extra,
        )
        if not item.headline:
            item.error = "no headline"
        elif not paragraphs:
            item.error = "no body: the text has a headline but no paragraphs"
        return ParseResult(format=self.name, items=[refuse_oversize(item, limits)], warnings=warnings, title=site_name)


def _identity(site_name: str, first_line: str) -> str:
    """The item's id: its site and headline (or first paragraph), so the same paste again is the same item."""
    identity = "\n".join([boilerplate.normalise_line(site_name), boilerplate.normalise_line(first_line)])
    return "text:" + hashlib.sha256(identity.encode("utf-8")).hexdigest()[:24]
