"""ANPA-1312, the Associated Press's wire format (also sent by other US services). Pure.

One message, as AP transmits it::

    SYN SYN SOH W2346 US asian                       service: selector (W2346), format (asian)
    r i DC3 DC1 BC-AS--China-DaringEscap 3rdLd-Writethru   05-09 1444
                                                     priority (r), category (i), slug, version, date, words
    STX ^BC-AS--China-Daring Escape, 3rd Ld-Writethru,827<     keyword line: the slug in full, version, words
    ^AP Exclusive: China lawyer's family says US helped them flee<    the headline
    ^AP Photo XHG401<  ^Eds: …<                      editors' notes (kept as notes, not body)
    ^By GERRY SHIH=  ^Associated Press=              byline, and its title
    TAB   BEIJING (AP) _ Stuck in a Bangkok jail …   body paragraphs, indented
    TAB   ETX AP-WF-05-09-17 0056GMT<                end of text, the sender's signature
    EOT

``^`` opens and ``<`` or ``=`` closes the header lines; AP's ASCII spells
an em dash `` _ `` and quotes ````…''``. The headline is the first ``^``
line after the keyword line, never the selector.
"""

from __future__ import annotations

import datetime
import hashlib
import re

from masthead.ingest.formats import charsets
from masthead.ingest.formats.base import ItemLimits, ParsedItem, ParseError, Parser, ParseResult, refuse_oversize
from masthead.ingest.formats.conventions import agency_credits, split_dateline
from masthead.ingest.sanitize import paragraph

SOH, STX, ETX, EOT, US = "\x01", "\x02", "\x03", "\x04", "\x1f"
# AP's priority codes → IPTC urgency (1 flash … 8 lowest).
PRIORITY_URGENCY = {"f": 1, "b": 2, "u": 3, "r": 5, "d": 6, "a": 7, "s": 7, "w": 8}
# The category codes whose meaning is settled across AP's services; others are kept as the code alone.
CATEGORIES = {
    "a": "Domestic",
    "e": "Entertainment",
    "f": "Financial",
    "i": "International",
    "l": "Lifestyle",
    "s": "Sports",
    "w": "Washington",
}
_SERVICE = re.compile(r"^[\x16\s]*\x01(?P<selector>[A-Za-z]\d{3,4})\x1f?(?P<format>[^\r\n]*)")
_HEADER = re.compile(
    r"^(?P<priority>[a-z])\s+(?P<category>[a-z])\s*[\x13\x11]*\s*(?P<slug>\S+)"
    r"(?:\s+(?P<version>(?:\d+(?:st|nd|rd|th))?(?:Ld|Add|Sub|Ins|Kill|Correction)[\w\-]*|[A-Z][\w\-]*))?"
    r"\s+(?P<date>\d{2}-\d{2})\s+(?P<words>\d+)\s*$"
)
_ORDINAL = re.compile(r"(\d+)(?:st|nd|rd|th)\s*Ld", re.IGNORECASE)
_SIGNATURE = re.compile(
    r"^(?P<agency>[A-Z]{2,6})-[A-Z]{2}-(?P<month>\d{2})-(?P<day>\d{2})-(?P<year>\d{2})(?:\s+(?P<hour>\d{2})(?P<minute>\d{2})\s*GMT)?"
)


def _sent_at(signature: re.Match | None) -> datetime.datetime | None:
    """When the message was sent, from its signature (``AP-WF-05-09-17 0056GMT``), in UTC."""
    if signature is None:
        return None
    try:
        return datetime.datetime(
            2000 + int(signature.group("year")),
            int(signature.group("month")),
            int(signature.group("day")),
            int(signature.group("hour") or 0),
            int(signature.group("minute") or 0),
            tzinfo=datetime.UTC,
        )
    except ValueError:
        return None


def version_of(label: str) -> tuple[int | None, bool]:
    """(version number, writethru?) from a label: ``3rd Ld-Writethru`` is version 4, a first ``Ld-Writethru`` version 2."""
    if not label:
        return None, False
    writethru = "writethru" in label.lower()
    ordinal = _ORDINAL.search(label)
    if ordinal:
        return int(ordinal.group(1)) + 1, writethru
    if re.search(r"\bLd\b|Ld-", label):
        return 2, writethru
    return None, writethru


def ap_text(text: str) -> str:
    """AP's 7-bit typography made typographic: `` _ `` dashes, ````…''`` quotes."""
    text = re.sub(r"(?<=\s)_(?=\s)", "—", text)
    text = text.replace("``", "“").replace("''", "”")
    return re.sub(r"\s+", " ", text).strip()


class ANPAParser(Parser):
    name = "anpa"
    label = "ANPA-1312 (AP)"

    def sniff(self, payload: bytes, hint: str | None) -> int:
        if (hint or "").split(":")[0].lower() in ("anpa", "anpa-1312", "anpa1312"):
            return 100
        head = payload[:256].lstrip(b"\x16\r\n ")
        if head[:1] == b"\x01" and b"\x02" in payload[:4096]:
            first_line = head.split(b"\n", 1)[0]
            if b"\x1f" in first_line or b"\x13\x11" in head or re.match(rb"\x01[A-Za-z]\d{4}", head):
                return 95
        return 0

    def parse(self, payload: bytes, hint: str | None = None, *, limits: ItemLimits | None = None) -> ParseResult:
        text, encoding, warnings = charsets.decode(payload, charsets.charset_from_hint(hint))
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        if STX not in text:
            raise ParseError("ANPA-1312: no start of text (STX) in the message")
        header_part, _, rest = text.partition(STX)
        body_part = rest.split(ETX, 1)[0]
        trailer = rest.split(ETX, 1)[1] if ETX in rest else ""
        service = _SERVICE.search(header_part)
        selector = service.group("selector") if service else ""
        header_lines = [line.strip(" \x16\x13\x11") for line in header_part.split("\n")[1:] if line.strip(" \x16\x13\x11")]
        header = _HEADER.match(" ".join(header_lines[0].split())) if header_lines else None
        if header is None and header_lines:
            header = _HEADER.match(header_lines[0].replace("\x13", " ").replace("\x11", " "))

        caret_lines: list[tuple[str, str]] = []  # (text, closing mark)
        body_lines: list[str] = []
        for raw in body_part.split("\n"):
            line = raw.rstrip()
            stripped = line.strip()
            if stripped.startswith("^") and not raw.startswith("\t"):
                closing = "=" if stripped.endswith("=") else "<"
                caret_lines.append((stripped[1:].rstrip("<=").strip(), closing))
            else:
                body_lines.append(line)

        keyword_line = caret_lines[0][0] if caret_lines else ""
        slug = header.group("slug") if header else ""
        version_label = header.group("version") if header and header.group("version") else ""
        keyword = slug
        if keyword_line.startswith(("BC-", "AM-", "PM-")) or (slug and keyword_line[:6] == slug[:6]):
            parts = [part.strip() for part in keyword_line.split(",")]
            keyword = parts[0]
            if len(parts) > 2:
                version_label = parts[1] or version_label
            caret_lines = caret_lines[1:]
        headline = ""
        notes: list[str] = []
        byline_parts: list[str] = []
        summary = ""
        for line, closing in caret_lines:
            if closing == "=":
                byline_parts.append(line)
            elif re.match(r"^\(?(?:Eds|Ed|EDITOR'S NOTE|AP Photo|AP Video|With AP Photos)\b", line, re.IGNORECASE):
                notes.append(ap_text(line.strip("()")))
            elif not headline:
                headline = line
            elif not summary and len(line) > 120:
                summary = line
            else:
                notes.append(ap_text(line))
        byline = ""
        byline_title = ""
        if byline_parts:
            byline = re.sub(r"^By\s+", "", byline_parts[0], flags=re.IGNORECASE).strip()
            byline = " ".join(word.capitalize() if word.isupper() and len(word) > 1 else word for word in byline.split())
            byline_title = ", ".join(byline_parts[1:])

        paragraphs_text: list[str] = []
        current: list[str] = []
        for line in body_lines:
            if not line.strip():
                if current:
                    paragraphs_text.append(" ".join(current))
                    current = []
                continue
            if line.startswith(("\t", "   ")) and current:
                paragraphs_text.append(" ".join(current))
                current = []
            current.append(line.strip())
        if current:
            paragraphs_text.append(" ".join(current))
        paragraphs_text = [ap_text(p) for p in paragraphs_text if p.strip(" _")]
        body_chars = sum(len(p) for p in paragraphs_text)

        dateline = ""
        credits: list[str] = []
        signature = _SIGNATURE.match(trailer.strip())
        if signature:
            credits.append(signature.group("agency"))
        if paragraphs_text:
            found = split_dateline(paragraphs_text[0])
            if found is not None:
                dateline = found.place
                paragraphs_text[0] = found.rest
                if found.agency and found.agency not in credits:
                    credits.append(found.agency)
        if byline_title and re.fullmatch(r"(?:The\s+)?Associated Press", byline_title, re.IGNORECASE):
            credits.append("Associated Press")
        credits += [name for name in agency_credits("\n".join(paragraphs_text)) if name not in credits]

        version, writethru = version_of(version_label)
        priority = header.group("priority") if header else ""
        category = header.group("category") if header else ""
        # No id on the wire: the keyword and the day identify the story, so each writethru updates the same item.
        day = signature.group(0) if signature else (header.group("date") if header else "")
        identity = "anpa:" + hashlib.sha256(f"{keyword}\n{day}".encode()).hexdigest()[:24]
        item = ParsedItem(
            external_id=identity,
            headline=ap_text(headline),
            paragraphs=[] if limits and limits.body_complaint(body_chars) else [paragraph(p) for p in paragraphs_text],
            dateline=dateline,
            byline=byline,
            summary=ap_text(summary),
            language="en",
            version=version or 1,
            version_created=_sent_at(signature),
            item_date=_sent_at(signature),
            agency_credits=credits,
            urgency=PRIORITY_URGENCY.get(priority),
            category=category,
            keyword=keyword,
            warnings=warnings,
            extra={
                "selector": selector,
                "priority": priority,
                "category_name": CATEGORIES.get(category, ""),
                "version_label": version_label,
                "writethru": writethru,
                "word_count": int(header.group("words")) if header else None,
                "editors_notes": notes,
                "byline_title": byline_title,
                "encoding": encoding,
            },
        )
        if not item.headline:
            item.error = "no headline: the ANPA message has no headline line"
        elif not paragraphs_text:
            item.error = "no body: the ANPA message has no text"
        return ParseResult(
            format=self.name,
            items=[refuse_oversize(item, limits, body_chars=body_chars)],
            warnings=warnings,
            encoding=encoding,
        )
